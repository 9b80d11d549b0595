"""The user guide: docs/用户手册.md (in a checkout; resources/docs/ in a bundle), as text and as a PDF made by
the program's own document code (documents/user_guide.py)."""

from __future__ import annotations

from pathlib import Path

from ..config import resources_dir
from ..documents.user_guide import build_user_guide_pdf
from .office.details import get_office

GUIDE_NAME = "用户手册.md"


def guide_path() -> Path:
    for folder in (resources_dir().parent / "docs", resources_dir() / "docs"):
        if (folder / GUIDE_NAME).is_file():
            return folder / GUIDE_NAME
    raise FileNotFoundError(GUIDE_NAME)


def guide_text() -> str:
    return guide_path().read_text(encoding="utf-8")


def user_guide_pdf() -> bytes:
    office = get_office()
    return build_user_guide_pdf(guide_text(), office.unit_name if office else "")
