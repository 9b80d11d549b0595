"""packaging/trim_icu.py on the ICU data of the installed PySide6: the data cut out of the library is ICU
data; a Qt use of ICU not known stops the trimming; the trimmed library (where icu-devtools and gcc are
installed) is half the size and still gives Qt its Chinese collation, time zones and GBK codecs."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
spec = importlib.util.spec_from_file_location("yijing_packaging_trim_icu", ROOT / "packaging" / "trim_icu.py")
trim_icu = importlib.util.module_from_spec(spec)
spec.loader.exec_module(trim_icu)


def _icu_data() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found or sys.platform != "linux":
        pytest.skip("PySide6 here carries no ICU data library")
    return found[0]


def test_the_data_cut_out_of_the_library_is_icu_data():
    name, blob = trim_icu.data_symbol(_icu_data())
    assert name.startswith("icudt") and name[5:].isdigit()
    assert blob[2:4] == b"\xda\x27"  # the magic of an ICU data header
    assert blob[12:16] == b"CmnD"  # a common data package
    assert len(blob) > 10_000_000


def test_a_use_of_icu_qt_did_not_have_stops_the_trimming():
    assert trim_icu.unknown_uses({"ucol_open", "ucal_open", "u_strToUpper", "UCNV_TO_U_CALLBACK_SUBSTITUTE",
                                  "xcb_render_composite_glyphs"}) == []
    assert trim_icu.unknown_uses({"ucol_open", "ubrk_open", "unum_open"}) == ["ubrk_open", "unum_open"]


@pytest.mark.skipif(any(shutil.which(tool) is None for tool in trim_icu.TOOLS),
                    reason="icu-devtools, gcc or binutils not installed")
def test_the_trimmed_library_still_gives_qt_what_it_reads(tmp_path):
    library = _icu_data()
    built = trim_icu.trimmed_library(library, tmp_path)
    assert built.stat().st_size < library.stat().st_size * 0.6
    items = subprocess.run(["icupkg", "-l", str(tmp_path / "trimmed" / f"{trim_icu.data_symbol(library)[0]}l.dat")],
                           capture_output=True, text=True, check=True).stdout.split()
    assert not [item for item in items if item.startswith(trim_icu.DROPPED_TREES)]
    assert {"coll/zh.res", "zoneinfo64.res", "gb18030.cnv", "cnvalias.icu"} <= set(items)
    probe = ("from desktop_app.self_test.checks import qt_locale_data; print(qt_locale_data(None)); "
             "print([line.split()[-1] for line in open('/proc/self/maps') if 'libicudata' in line][0])")
    env = {**os.environ, "LD_LIBRARY_PATH": str(built.parent), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "中文排序" in done.stdout
    assert done.stdout.split()[-1] == str(built)  # the trimmed data was the one loaded
