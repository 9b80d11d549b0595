"""The rotating log file in the data folder. ID numbers and phone numbers never reach it."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

# 18-digit (or 17 + X) and 15-digit ID numbers, mobile numbers; digits not part of a longer number.
_PERSONAL_NUMBER = re.compile(r"(?<![0-9])(?:\d{17}[0-9Xx]|\d{15}|1[3-9]\d{9})(?![0-9])")
REDACTED = "[已隐去]"


def redact(text: str) -> str:
    return _PERSONAL_NUMBER.sub(REDACTED, text)


class RedactingFormatter(logging.Formatter):
    """Redacts the whole formatted record, tracebacks included."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(log_file: Path, level: int = logging.INFO) -> RotatingFileHandler:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    return handler


def current_log_file() -> Path | None:
    """The file `setup_logging` writes to, if it was called."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None
