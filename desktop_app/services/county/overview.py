"""What the county sees across its offices, each office read from the county's copy of it by the office's own
services (copies.py `reading_copy`), so a figure at the county is the figure the office sees:

- `office_rows`: the 首页 — each office's cards (services/dashboard/figures.py) beside its newest package, the
  package's age marked when older than the setting `stale_after_days` (35 days unless changed);
- `activities`, `cases`, `certificates`: the 工作记录, the case register and the certificates of every office
  (or one), each row with its office;
- `people_in_several_offices`: the same ID number registered in two offices (shown masked);
- `verify_certificate`: a certificate's verification code (or serial) from any office.

Nothing here writes an office's records: the county reads them, only a newer package changes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from ...db.models import Member
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.masking import mask_id
from .. import audit
from ..accounts.roles import SETTINGS, requires
from ..cases.register import CaseFilter, CaseRow, fetch_case_rows, search_case_ids
from ..certificates.register import VERIFY_UNKNOWN, CertificateRow, VerifyResult, register, verify
from ..dashboard.figures import DashboardCounts, dashboard_counts
from ..office.settings import get_setting, set_setting
from ..records.activity_list import ActivityFilter, ActivityRow, activity_ids, activity_rows
from ..storage.data_folder import open_folder
from .copies import reading_copy
from .reports import ReportingOffice, reporting_offices

T = TypeVar("T")
STALE_DAYS_KEY = "county.stale_after_days"
DEFAULT_STALE_DAYS = 35
ROW_LIMIT = 5000  # rows of one office in a list at most (the list says when it was cut)


def stale_after_days() -> int:
    return int(get_setting(STALE_DAYS_KEY, DEFAULT_STALE_DAYS))


@requires(SETTINGS)
def set_stale_after_days(days: int) -> None:
    if not 1 <= days <= 366:
        raise ValueError(QT_TRANSLATE_NOOP("Messages", "天数应在 1 到 366 之间"))
    set_setting(STALE_DAYS_KEY, days)
    audit.record("修改", "setting", "", f"数据包超过 {days} 天未报送时标红")


def across_offices(read: Callable[[], T], office_name: str | None = None,
                   period_end: date | None = None) -> list[tuple[ReportingOffice, T]]:
    """`read()` run on the county's copy of each office (or the one named), in name order."""
    root = open_folder()
    assert root is not None
    found = []
    for office in reporting_offices(office_name):
        with reading_copy(root, office.uuid, period_end):
            found.append((office, read()))
    return found


@dataclass(frozen=True)
class OfficeRow:
    office: ReportingOffice
    counts: DashboardCounts
    days_since_package: int | None
    stale: bool

    @property
    def package_date(self) -> date | None:
        made = self.office.package_created_at
        return made.date() if made else None


def office_rows(today: date | None = None) -> list[OfficeRow]:
    today = today or date.today()
    limit = stale_after_days()
    rows = []
    for office, counts in across_offices(lambda: dashboard_counts(today)):
        made: datetime | None = office.package_created_at
        days = (today - made.date()).days if made else None
        rows.append(OfficeRow(office, counts, days, days is None or days > limit))
    return rows


def activities(date_from: date | None, date_to: date | None,
               office_name: str | None = None) -> list[tuple[str, ActivityRow]]:
    def read() -> list[ActivityRow]:
        return activity_rows(activity_ids(ActivityFilter(date_from=date_from, date_to=date_to))[:ROW_LIMIT])

    return [(o.name, row) for o, rows in across_offices(read, office_name, date_to) for row in rows]


def cases(date_from: date | None, date_to: date | None, office_name: str | None = None) -> list[tuple[str, CaseRow]]:
    def read() -> list[CaseRow]:
        return fetch_case_rows(search_case_ids(CaseFilter(date_from=date_from, date_to=date_to))[:ROW_LIMIT])

    return [(o.name, row) for o, rows in across_offices(read, office_name, date_to) for row in rows]


def certificates(date_from: date | None, date_to: date | None,
                 office_name: str | None = None) -> list[tuple[str, CertificateRow]]:
    return [(o.name, row) for o, rows in across_offices(lambda: register(date_from, date_to), office_name, date_to)
            for row in rows]


def verify_certificate(code: str) -> tuple[str, VerifyResult]:
    """The office that issued it and what its register says; ("", 不存在) when no office has it."""
    unknown: VerifyResult | None = None
    for office, result in across_offices(lambda: verify(code)):
        if result.status != VERIFY_UNKNOWN:
            return office.name, result
        unknown = result
    return "", unknown or verify_unknown(code)


def verify_unknown(code: str) -> VerifyResult:
    return VerifyResult(VERIFY_UNKNOWN, code.strip())


@dataclass(frozen=True)
class SharedPerson:
    masked_id: str
    entries: tuple[tuple[str, str], ...]  # (office, name as that office has it)

    @property
    def text(self) -> str:
        return Message(QT_TRANSLATE_NOOP("Messages", "{id}：{places}"), id=self.masked_id,
                       places="、".join(f"{office}（{name}）" for office, name in self.entries))


def people_in_several_offices() -> list[SharedPerson]:
    """Members (not deleted) with the same ID number in two or more offices."""
    def read() -> list[tuple[str, str]]:
        return list(Member.select(Member.id_number, Member.name)
                    .where(Member.id_number.is_null(False), Member.id_number != "", Member.deleted_at.is_null()).tuples())

    seen: dict[str, list[tuple[str, str]]] = {}
    for office, rows in across_offices(read):
        for number, name in rows:
            seen.setdefault(number.upper(), []).append((office.name, name))
    shared = [SharedPerson(mask_id(number), tuple(entries)) for number, entries in seen.items()
              if len({office for office, _name in entries}) > 1]
    return sorted(shared, key=lambda p: p.entries)

