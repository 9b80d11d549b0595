"""The audit log: who did what to which record. Summaries never hold ID numbers or phone numbers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..db.models import AuditLog

_current_user = ""


def set_current_user(username: str) -> None:
    global _current_user
    _current_user = username


def record(action: str, table_name: str = "", record_uuid: str = "", summary: str = "") -> AuditLog:
    return AuditLog.create(
        username=_current_user, action=action, table_name=table_name, record_uuid=record_uuid,
        summary=summary,
    )


@contextmanager
def acting_as(username: str) -> Iterator[None]:
    """Record the actions inside the block under `username` (e.g. the administrator who confirmed)."""
    global _current_user
    previous, _current_user = _current_user, username
    try:
        yield
    finally:
        _current_user = previous


def current_user() -> str:
    """The operator the audit log records actions under ("" when nobody has logged in)."""
    return _current_user
