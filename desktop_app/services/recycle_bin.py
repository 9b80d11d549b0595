"""The 回收站: every soft-deleted record (members, cases, teams, duty posts, work records), with who deleted it
and when (from the audit log), putting one back through its own service's restore function, and the
administrator's purge of what has been deleted longer than the retention period (`purge_expired`): only a
record with nothing attached to it is removed for good; one that still has history (duties, hours, parties,
documents) stays in the 回收站 and is named as kept.

A soft delete only stamps `deleted_at`: what hangs on the record (a member's assignments, leave and hours, a
case's parties, sessions and documents) is never touched, so a restore brings it all back. Each kind is one
entry of `KINDS`: its model, its audit table name, how it is named in a list, and its restore function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import Model

from ..db.database import db
from ..db.models import Activity, AuditLog, Case, DutyPost, Member, Team
from ..domain.i18n import QT_TRANSLATE_NOOP, Message
from ..domain.vocabulary import DELETED_ACTIVITY, DELETED_CASE, DELETED_MEMBER, DELETED_POST, DELETED_TEAM
from . import audit
from .accounts.roles import PURGE, requires

RETENTION_DAYS = 365  # a deleted record can be purged a year after it was deleted

__all__ = ["DELETED_CASE", "DELETED_MEMBER", "KINDS", "DeletedRecord", "RestoreRefused", "deleted_records", "restore"]


class RestoreRefused(Exception):
    """The record is not in the 回收站 (never existed, or not deleted); `message` says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class DeletedRecord:
    kind: str  # a DELETED_* word
    id: int
    label: str  # the name or the number
    deleted_at: datetime
    deleted_by: str  # the account in the audit log's 删除 entry ("" when it does not say)


@dataclass(frozen=True)
class Kind:
    word: str
    model: type[Model]
    table: str  # AuditLog.table_name of its entries
    label: Callable[[Model], str]
    restore: Callable[[int], None]


def _restore_member(record_id: int) -> None:
    from .roster.members import restore_member

    restore_member(record_id)


def _restore_case(record_id: int) -> None:
    from .cases.case_form import restore_case

    restore_case(record_id)


def _restore_team(record_id: int) -> None:
    from .roster.teams import restore_team

    restore_team(record_id)


def _restore_post(record_id: int) -> None:
    from .schedule.posts import restore_post

    restore_post(record_id)


def _restore_activity(record_id: int) -> None:
    from .records.activities import restore_activity

    restore_activity(record_id)


def _activity_label(activity: Activity) -> str:
    return f"{activity.date:%Y-%m-%d} {activity.kind}"


def _case_label(case: Case) -> str:
    return case.number or f"（未编号）{case.category}"


KINDS: dict[str, Kind] = {
    DELETED_MEMBER: Kind(DELETED_MEMBER, Member, "member", lambda m: m.name, _restore_member),
    DELETED_CASE: Kind(DELETED_CASE, Case, "case", _case_label, _restore_case),
    DELETED_TEAM: Kind(DELETED_TEAM, Team, "team", lambda t: t.name, _restore_team),
    DELETED_POST: Kind(DELETED_POST, DutyPost, "duty_post", lambda p: p.name, _restore_post),
    DELETED_ACTIVITY: Kind(DELETED_ACTIVITY, Activity, "activity", _activity_label, _restore_activity),
}


def _deleted_by(table: str, uuids: list[str]) -> dict[str, str]:
    """Record uuid → the account of its latest 删除 entry."""
    who: dict[str, str] = {}
    if not uuids:
        return who
    query = (AuditLog.select(AuditLog.record_uuid, AuditLog.username)
             .where(AuditLog.action == "删除", AuditLog.table_name == table, AuditLog.record_uuid.in_(uuids))
             .order_by(AuditLog.id))
    for record_uuid, username in query.tuples():
        who[record_uuid] = username
    return who


def deleted_records(kinds: tuple[str, ...] | None = None) -> list[DeletedRecord]:
    """Everything in the 回收站 (or of `kinds`), the latest deleted first."""
    found: list[DeletedRecord] = []
    for word, kind in KINDS.items():
        if kinds is not None and word not in kinds:
            continue
        model = kind.model
        rows = list(model.select().where(model.deleted_at.is_null(False)))
        who = _deleted_by(kind.table, [row.uuid for row in rows])
        found += [DeletedRecord(word, row.id, kind.label(row), row.deleted_at, who.get(row.uuid, ""))
                  for row in rows]
    return sorted(found, key=lambda record: (record.deleted_at, record.id), reverse=True)


def restore(kind: str, record_id: int) -> DeletedRecord:
    """Put a deleted record back with everything attached to it; returns what was restored."""
    entry = KINDS.get(kind)
    if entry is None:
        raise RestoreRefused(Message(QT_TRANSLATE_NOOP("Messages", "回收站中没有“{kind}”这一类记录"), kind=kind))
    row = entry.model.get_or_none(entry.model.id == record_id)
    if row is None or row.deleted_at is None:
        raise RestoreRefused(Message(QT_TRANSLATE_NOOP("Messages", "回收站中没有这条{kind}记录（编号 {id}）"),
                                     kind=kind, id=record_id))
    record = DeletedRecord(kind, row.id, entry.label(row), row.deleted_at,
                           _deleted_by(entry.table, [row.uuid]).get(row.uuid, ""))
    entry.restore(record_id)
    return record


def case_id_by_number(number: str) -> int | None:
    """The id of the deleted case with this number (for `deleted restore --case`)."""
    row = Case.get_or_none(Case.number == number.strip(), Case.deleted_at.is_null(False))
    return row.id if row is not None else None


@dataclass(frozen=True)
class PurgeResult:
    purged: list[DeletedRecord]
    kept: list[DeletedRecord]  # past the retention period but with records attached: not removed


def _has_attached(row: Model) -> bool:
    return any(fk.model.select().where(condition).exists()
               for condition, fk in row.dependencies(search_nullable=True))


@requires(PURGE)
def purge_expired(now: datetime | None = None, retention_days: int = RETENTION_DAYS) -> PurgeResult:
    """Remove for good what was deleted more than `retention_days` ago and has nothing attached; one
    transaction, one audit entry per record removed (kind and name or number, no personal data)."""
    cutoff = (now or datetime.now()) - timedelta(days=retention_days)
    purged: list[DeletedRecord] = []
    kept: list[DeletedRecord] = []
    with db.atomic():
        for record in deleted_records():
            if record.deleted_at > cutoff:
                continue
            entry = KINDS[record.kind]
            row = entry.model.get_by_id(record.id)
            if _has_attached(row):
                kept.append(record)
                continue
            label = record.label if record.kind != DELETED_MEMBER else f"编号{record.id}"
            audit.record("清除", entry.table, row.uuid, f"从回收站清除{record.kind}：{label}")
            row.delete_instance()
            purged.append(record)
    return PurgeResult(purged, kept)
