"""LibreOffice for the tests that read the program's workbooks back as PDF (`soffice --headless --convert-to
pdf`): a profile of its own in the test's folder, and the program's bundled Chinese fonts (resources/fonts)
added to what fontconfig offers it. A LibreOffice installed without any Chinese font (Debian's
libreoffice-calc-nogui with --no-install-recommends) would otherwise draw the characters in a font that has
none, and the PDF's text would read back as garbage."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from desktop_app.config import fonts_dir

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _fontconfig(folder: Path) -> Path:
    conf = folder / "fonts.conf"
    system = "/etc/fonts/fonts.conf"
    include = f"<include ignore_missing=\"yes\">{system}</include>" if Path(system).exists() else ""
    conf.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>{include}'
                    f"<dir>{fonts_dir()}</dir><cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>\n",
                    encoding="utf-8")
    return conf


def convert_to_pdf(files: Sequence[Path], out_dir: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    """Each of `files` converted to `out_dir/<stem>.pdf`; the finished process (check its returncode)."""
    assert SOFFICE is not None, "LibreOffice is not installed"
    work = out_dir / "lo"
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "FONTCONFIG_FILE": str(_fontconfig(work))}
    return subprocess.run([SOFFICE, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, files)],
                          capture_output=True, timeout=timeout, env=env)
