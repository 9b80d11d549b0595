"""Which build is running: the version and build time that packaging/bundle_rules.py writes into a
bundle as build_info.json, or "源代码运行" when the program runs from the source tree."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from .config import APP_VERSION

FROM_SOURCE = "源代码运行"
INFO_FILE = "build_info.json"


def _info_file() -> Path | None:
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) / INFO_FILE if base else None


def build_info() -> dict[str, str]:
    """{"version": …, "built_at": ISO time (UTC)} of a bundle; {} from source or if the file is unreadable."""
    path = _info_file()
    if path is None:
        return {}
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in info.items()} if isinstance(info, dict) else {}


def version() -> str:
    return build_info().get("version") or APP_VERSION


def build_date_text() -> str:
    """"2026年12月1日 21:50" (local time) for a bundle, "源代码运行" from source."""
    stamp = build_info().get("built_at")
    if not stamp:
        return FROM_SOURCE
    try:
        when = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return f"{when.year}年{when.month}月{when.day}日 {when:%H:%M}"
