"""The audit trail: who did what to which record, and when (DESIGN.md §5).

`record` adds one entry under the acting account (services/accounts/roles.py). Summaries never hold personal
data: callers write counts, numbers and kinds, and `record` masks any ID or phone number that slipped
in anyway. The trail is append-only: the model refuses changes, and so do the database's triggers
(migration 6), even for a raw SQLite connection. Entries older than the retention period (default three
years, never under six months) leave the table only through `archive_old_entries`: written to a verified
.xlsx first, recorded in `audit_archive`, then removed, and the archiving is itself an entry.

The viewer's questions (`search`, `filter_choices`) are the administrator's (roles.AUDIT).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ..db.database import db
from ..db.dialect import sql
from ..db.models import AuditArchive, AuditLog
from ..domain.dates import add_months
from ..domain.i18n import QT_TRANSLATE_NOOP, Message
from ..domain.masking import mask_free_text
from .accounts import roles
from .accounts.roles import AUDIT, SETTINGS, requires
from .files.writer import write_verified
from .office.settings import get_setting, set_setting

RETENTION_KEY = "audit.retention_months"
DEFAULT_RETENTION_MONTHS = 36
MINIMUM_RETENTION_MONTHS = 6
MAXIMUM_RETENTION_MONTHS = 1200
SEARCH_LIMIT = 5000

LOGIN = "登录"
LOGIN_FAILED = "登录失败"
LOGOUT = "注销"
ARCHIVE = "归档"


def record(action: str, table_name: str = "", record_uuid: str = "", summary: str = "", *,
           username: str | None = None) -> AuditLog:
    """Add one entry under the acting account (or `username`, for a login attempt before anyone acts)."""
    who = roles.acting_username() if username is None else username
    return AuditLog.create(username=who[:50], action=action, table_name=table_name, record_uuid=record_uuid,
                           summary=mask_free_text(summary))


@contextmanager
def acting_as(username: str) -> Iterator[None]:
    """Record the actions inside the block under `username`, keeping the acting account's role (for a
    caller that names who did it, e.g. a test standing in for a clerk)."""
    account = roles.current()
    stand_in = (replace(account, username=username) if account is not None
                else roles.Account(username=username, role=""))
    with roles.acting_as(stand_in):
        yield


def current_user() -> str:
    """The acting account's name, as the audit trail records it ("" when nobody is logged in)."""
    return roles.acting_username()


# --- the viewer -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    action: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    record_uuid: str = ""
    table_name: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    username: str
    action: str
    table_name: str
    record_uuid: str
    summary: str


def _where(flt: AuditFilter) -> list:
    conditions = []
    if flt.username is not None:
        conditions.append(AuditLog.username == flt.username)
    if flt.action:
        conditions.append(AuditLog.action == flt.action)
    if flt.table_name:
        conditions.append(AuditLog.table_name == flt.table_name)
    if flt.date_from:
        conditions.append(AuditLog.at >= datetime.combine(flt.date_from, time.min))
    if flt.date_to:
        conditions.append(AuditLog.at < datetime.combine(flt.date_to + timedelta(days=1), time.min))
    if flt.record_uuid.strip():
        conditions.append(AuditLog.record_uuid == flt.record_uuid.strip().lower())
    return conditions


@requires(AUDIT)
def search(flt: AuditFilter = AuditFilter(), limit: int = SEARCH_LIMIT) -> list[AuditEntry]:
    """The entries matching `flt`, newest first (at most `limit`)."""
    query = AuditLog.select(AuditLog.id, AuditLog.at, AuditLog.username, AuditLog.action, AuditLog.table_name,
                            AuditLog.record_uuid, AuditLog.summary)
    conditions = _where(flt)
    if conditions:
        query = query.where(*conditions)
    rows = query.order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit).tuples()
    return [AuditEntry(*row) for row in rows]


@requires(AUDIT)
def count(flt: AuditFilter = AuditFilter()) -> int:
    query = AuditLog.select()
    conditions = _where(flt)
    return (query.where(*conditions) if conditions else query).count()


@requires(AUDIT)
def filter_choices() -> tuple[list[str], list[str]]:
    """(the accounts, the actions) that occur in the trail, for the viewer's filters."""
    users = [u for (u,) in AuditLog.select(AuditLog.username).distinct().order_by(AuditLog.username).tuples()]
    actions = [a for (a,) in AuditLog.select(AuditLog.action).distinct().order_by(AuditLog.action).tuples()]
    return users, actions


# --- retention and archiving ------------------------------------------------------------------------


def retention_months() -> int:
    value = get_setting(RETENTION_KEY, DEFAULT_RETENTION_MONTHS)
    return max(MINIMUM_RETENTION_MONTHS, int(value or DEFAULT_RETENTION_MONTHS))


class RetentionRefused(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@requires(SETTINGS)
def set_retention_months(months: int) -> None:
    if not MINIMUM_RETENTION_MONTHS <= int(months) <= MAXIMUM_RETENTION_MONTHS:
        raise RetentionRefused(Message(QT_TRANSLATE_NOOP("Messages", "操作日志至少保留{months}个月"),
                                       months=MINIMUM_RETENTION_MONTHS))
    with db.atomic():
        set_setting(RETENTION_KEY, int(months))
        record("修改", "setting", "", f"操作日志保留期限改为{int(months)}个月")


def archive_cutoff(today: date | None = None) -> datetime:
    """Entries before this moment are past the retention period."""
    return datetime.combine(add_months(today or date.today(), -retention_months()), time.min)


def archivable_count(today: date | None = None) -> int:
    return AuditLog.select().where(AuditLog.at < archive_cutoff(today)).count()


@dataclass(frozen=True)
class ArchiveResult:
    path: Path
    entries: int
    cutoff: datetime


ARCHIVE_COLUMNS = ["时间", "操作员", "操作", "数据表", "记录编号", "摘要"]


def _archive_xlsx(entries: list[AuditEntry], cutoff: datetime) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("操作日志")
    sheet.append([f"操作日志归档（{cutoff:%Y-%m-%d}之前的{len(entries)}条，{datetime.now():%Y-%m-%d %H:%M}导出）"])
    header = ARCHIVE_COLUMNS
    sheet.append(header)
    for entry in entries:
        sheet.append([entry.at.strftime("%Y-%m-%d %H:%M:%S"), entry.username, entry.action, entry.table_name,
                      entry.record_uuid, entry.summary])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@requires(AUDIT)
def archive_old_entries(path: Path | str, today: date | None = None) -> ArchiveResult:
    """Write the entries past the retention period to `path` (.xlsx, verified), then take them out of the
    table; the archiving is recorded in `audit_archive` and as an entry of its own. Nothing is removed
    unless the file was written and read back."""
    path = Path(path)
    cutoff = archive_cutoff(today)
    rows = (AuditLog.select(AuditLog.id, AuditLog.at, AuditLog.username, AuditLog.action, AuditLog.table_name,
                            AuditLog.record_uuid, AuditLog.summary)
            .where(AuditLog.at < cutoff).order_by(AuditLog.at, AuditLog.id).tuples())
    entries = [AuditEntry(*row) for row in rows]
    written = write_verified(path, _archive_xlsx(entries, cutoff))
    with db.atomic():
        archive = AuditArchive.create(cutoff=cutoff, entries=len(entries), file_name=path.name[:200],
                                      sha256=written.sha256, username=roles.acting_username())
        if entries:
            db.execute_sql(sql('DELETE FROM "audit_log" WHERE "at" < ?'), (cutoff.isoformat(sep=" "),))
        record(ARCHIVE, "audit_log", archive.uuid,
               f"归档{cutoff:%Y-%m-%d}之前的操作日志{len(entries)}条到 {path.name}")
    return ArchiveResult(path, len(entries), cutoff)
