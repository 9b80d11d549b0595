"""The rotating log file in the data folder. ID numbers and phone numbers never reach it (the masking
module's patterns: also with spaces, dashes, +86), and neither do the texts of exceptions, which may
quote what a user typed (an address, a case's facts): a traceback keeps its frames and the exception's
type, and its message only for the kinds that describe the program, not the data."""

from __future__ import annotations

import logging
import sqlite3
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import peewee

from .domain.masking import redact_numbers

REDACTED = "[已隐去]"
# Exceptions whose text is about the program (a name, a type, a column), not about what was typed.
_MESSAGE_KEPT = (AttributeError, TypeError, NameError, ImportError, NotImplementedError, RecursionError,
                 ZeroDivisionError, IndexError, AssertionError, sqlite3.Error, peewee.PeeweeException,
                 MemoryError, TimeoutError)


def redact(text: str) -> str:
    return redact_numbers(text, REDACTED)


def exception_line(exc: BaseException) -> str:
    """The exception's last traceback line as the log keeps it: the type, and the message only when it
    describes the program (an OSError keeps its errno and system message, not the file name)."""
    name = type(exc).__qualname__
    module = type(exc).__module__
    if module not in ("builtins", "__main__"):
        name = f"{module}.{name}"
    if isinstance(exc, OSError) and exc.errno is not None:
        return f"{name}: [Errno {exc.errno}] {exc.strerror or ''}"
    if isinstance(exc, _MESSAGE_KEPT):
        return "".join(traceback.format_exception_only(type(exc), exc)).strip()
    text = str(exc)
    return f"{name}（消息已隐去，{len(text)}个字）" if text else name


def format_traceback(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """A traceback with the causes and contexts, each exception's text as `exception_line` keeps it."""
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, "\nThe above exception was the direct cause of the following exception:\n"
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, "\nDuring handling of the above exception, another exception occurred:\n"
        else:
            current = None
    parts: list[str] = []
    for error, following in reversed(chain):
        frames = error.__traceback__ if error is not exc else tb
        if frames is not None:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.format_tb(frames))
        parts.append(exception_line(error) + "\n")
        if following:
            parts.append(following + "\n")
    return "".join(parts).rstrip("\n")


class RedactingFormatter(logging.Formatter):
    """Redacts the whole formatted record; tracebacks keep no exception texts but the program's."""

    def formatException(self, ei) -> str:  # noqa: N802 - logging API
        exc_type, exc, tb = ei
        if exc is None:
            return super().formatException(ei)
        return format_traceback(exc_type, exc, tb)

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached its own rendering of the traceback (with the texts) on the record.
        cached, record.exc_text = record.exc_text, None
        try:
            return redact(super().format(record))
        finally:
            record.exc_text = cached


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
