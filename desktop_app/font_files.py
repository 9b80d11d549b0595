"""The bundled CJK font files, read as a checkout holds them (`resources/fonts/*.ttc`) or as a packaged
build carries them: compressed (`*.ttc.gz` for the screen font, which every start needs and gzip unpacks
in a few hundredths of a second; `*.ttc.xz` for the two document fonts, a third of their size, unpacked
when the first document is drawn), so the bundle stays small (packaging/bundle_rules.py compresses them)."""

from __future__ import annotations

import gzip
import lzma
from collections.abc import Callable
from pathlib import Path

from .config import fonts_dir

UNPACK: dict[str, Callable[[bytes], bytes]] = {".gz": gzip.decompress, ".xz": lzma.decompress}


def font_path(file_name: str) -> Path:
    """The file that holds the font: the plain one, else its compressed copy. FileNotFoundError (naming the
    plain file) when neither is there."""
    plain = fonts_dir() / file_name
    if plain.exists():
        return plain
    for suffix in UNPACK:
        packed = plain.with_name(plain.name + suffix)
        if packed.exists():
            return packed
    raise FileNotFoundError(2, "No such file or directory", str(plain))


def read_font(file_name: str) -> bytes:
    """The font file's bytes, unpacked if the build carries it compressed."""
    path = font_path(file_name)
    data = path.read_bytes()
    unpack = UNPACK.get(path.suffix) if path.name != file_name else None
    return unpack(data) if unpack else data
