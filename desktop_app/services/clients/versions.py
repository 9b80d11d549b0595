"""Several PCs editing the same records (issue 19): a form's save never silently overwrites another's.

The records users edit in forms (队员, 队伍, 岗位, 案件, 证书) carry a `version` (db/models.py
`VersionedModel`, migration 9). A form loads the record with its version (the service's input's `version`)
and its service call carries it back; `save_checked` stores the new values with one
`UPDATE … SET version = version + 1 … WHERE id = ? AND version = ?`, so when another client saved the
record in between nothing is written and `RecordChanged` says who saved it and when:
"此记录已被 张警官 于 10:42 修改". The form keeps what the user typed and shows that; saving again is a
deliberate overwrite of the version the refusal named (`current_version`), refused again if a third save
came in between. The same holds under concurrency on PostgreSQL: the second UPDATE waits for the row's
lock and then finds the version changed.

A service call without a version (the CLI, an import) is checked against the version it read itself in
its own transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from ...db.models import StaleVersion, VersionedModel

__all__ = ["RecordChanged", "StaleVersion", "changed_message", "check_version", "refusal", "save_checked"]
from ...domain.i18n import QT_TRANSLATE_NOOP, Message


class RecordChanged(Exception):
    """The record was saved by someone else after the form loaded it; nothing was stored. `message` says
    who and when; `current_version` is the version now stored (a deliberate second save goes over it)."""

    def __init__(self, message: str, current_version: int) -> None:
        super().__init__(message)
        self.message = message
        self.current_version = current_version

    def __str__(self) -> str:
        return self.message


def changed_message(changed_by: str, changed_at: datetime | None, today: date | None = None) -> Message:
    """"此记录已被 张警官 于 10:42 修改" (the date too when it was not today)."""
    today = today or date.today()
    if changed_at is None:
        when = ""
    elif changed_at.date() == today:
        when = f"{changed_at:%H:%M}"
    else:
        when = f"{changed_at:%Y-%m-%d %H:%M}"
    if changed_by and when:
        return Message(QT_TRANSLATE_NOOP("Messages", "此记录已被 {who} 于 {when} 修改"), who=changed_by, when=when)
    if when:
        return Message(QT_TRANSLATE_NOOP("Messages", "此记录已被其他操作员于 {when} 修改"), when=when)
    if changed_by:
        return Message(QT_TRANSLATE_NOOP("Messages", "此记录已被 {who} 修改"), who=changed_by)
    return Message(QT_TRANSLATE_NOOP("Messages", "此记录已被其他操作员修改"))


def refusal(model: type[VersionedModel], record_id: int) -> RecordChanged:
    """The refusal of a save over `model` `record_id`, from what is stored now."""
    row = (model.select(model.version, model.changed_by, model.changed_at)
           .where(model.id == record_id).tuples().first())
    if row is None:
        return RecordChanged(Message(QT_TRANSLATE_NOOP("Messages", "此记录已被其他操作员删除")), 0)
    version, changed_by, changed_at = row
    return RecordChanged(changed_message(changed_by, changed_at), version)


def check_version(row: VersionedModel, loaded_version: int | None) -> None:
    """Raise `RecordChanged` now when `row` (just read) is past the version the form loaded; a refusal
    before the service checks the values, so the user hears first that the record changed."""
    if loaded_version is not None and row.version != loaded_version:
        raise refusal(type(row), row.get_id())


def save_checked(row: VersionedModel, loaded_version: int | None) -> None:
    """Store `row` (its new values set) if it is still at `loaded_version` (None: at the version it was
    read at), its version one up; else raise `RecordChanged` and store nothing. Call inside the service's
    transaction (the refusal rolls back whatever else it wrote)."""
    if loaded_version is not None:
        row.version = loaded_version
    try:
        row.save()
    except StaleVersion:
        raise refusal(type(row), row.get_id()) from None
