"""LibreOffice as the office's own client reading our workbooks back (`soffice --headless --convert-to`).

A PC without Chinese fonts (a CI machine) would have LibreOffice draw the Chinese text with glyphs that
read back as nonsense; the office PC has its fonts. So the conversion sees the program's bundled fonts
(resources/fonts/) through a fontconfig file of its own, beside the system's, and a profile of its own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def convert(files: list[Path], out_dir: Path, to: str = "pdf", timeout: float = 300) -> dict[str, Path]:
    """Convert each of `files` into `out_dir`; {stem: converted file}."""
    assert SOFFICE, "LibreOffice (soffice) is not installed"
    config = out_dir / "lo-fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{FONTS}</dir>\n  <cachedir>{out_dir / 'lo-fontcache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    done = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{out_dir / 'lo-profile'}", "--headless",
                           "--convert-to", to, "--outdir", str(out_dir), *map(str, files)],
                          capture_output=True, timeout=timeout, env=env)
    assert done.returncode == 0, done.stderr
    extension = to.split(":")[0]
    return {f.stem: out_dir / f"{f.stem}.{extension}" for f in files}
