"""The 工作简报 at the county: each office's figures from the county's copy of it, read by the same
services/records/reports.py as the office's own report (`reading_copy`), and the county's totals.

The `.json` (`report --period … [--office NAME] --out F.json` in a county folder) holds the totals under the
office report's names ("figures", "activities_by_kind", "hours", "cases", "stars") — the sums of the
offices' — and, under "offices", each office's own report as its office would write it, with the package it
comes from under "packages". A report for a period that ended before an office removed a record still
counts it (copies.py `as_of`), so a month reported once reports the same later.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ...db.models import CountyOffice
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.periods import Period
from ...domain.vocabulary import FAILED, SUCCEEDED, TERMINATED
from .. import audit
from ..accounts.roles import EXPORT, require
from ..files.writer import write_verified
from ..progress import Progress, report
from ..records.reports import ReportError, report_data, report_json
from ..storage.data_folder import open_folder
from .copies import copy_path, copy_state, open_copy, reading_copy
from .identity import identity

COUNTY_SCOPE = "全县"
SUMMED = ("figures", "activities_by_kind", "hours", "stars")


@dataclass(frozen=True)
class ReportingOffice:
    """An office as the county knows it: its copy and its newest applied package."""

    uuid: str
    name: str
    org_code: str
    sequence: int
    package_created_at: datetime | None
    imported_at: datetime | None


def reporting_offices(name: str | None = None) -> list[ReportingOffice]:
    """The offices whose packages were applied (by name; `name` picks one), `ReportError` for an unknown name."""
    query = CountyOffice.select().where(CountyOffice.last_sequence > 0).order_by(CountyOffice.name)
    rows = [ReportingOffice(o.office_uuid, o.name, o.org_code, o.last_sequence, o.last_created_at, o.last_imported_at)
            for o in query]
    if name is None:
        return rows
    picked = [o for o in rows if o.name == name.strip()]
    if not picked:
        raise ReportError(Message(QT_TRANSLATE_NOOP("Messages", "没有名为“{office}”的报送单位（或它还没有导入过数据包）"),
                                  office=name))
    return picked


def _add(total: dict[str, Any], part: dict[str, Any]) -> None:
    for key, value in part.items():
        total[key] = round(total.get(key, 0) + value, 2) if isinstance(value, float) else total.get(key, 0) + value


def summed(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """The additive parts of several office reports, added up (a rate is computed again, not added)."""
    total: dict[str, Any] = {key: {} for key in SUMMED}
    cases: dict[str, Any] = {"total": 0, "by_kind": {}, "by_category": {}, "by_outcome": {}}
    for part in reports:
        for key in SUMMED:
            _add(total[key], part.get(key) or {})
        if part.get("cases"):
            cases["total"] += part["cases"]["total"]
            for key in ("by_kind", "by_category", "by_outcome"):
                _add(cases[key], part["cases"][key])
    ended = sum(cases["by_outcome"].get(o, 0) for o in (SUCCEEDED, FAILED, TERMINATED))
    cases["success_rate"] = f"{cases['by_outcome'].get(SUCCEEDED, 0) * 100 / ended:.1f}%" if ended else "—"
    total["cases"] = cases
    total["units"] = next((r["units"] for r in reports if r.get("units")), {})
    return total


def county_report(period: Period, office_name: str | None = None, today: date | None = None,
                  progress: Progress | None = None) -> dict[str, Any]:
    """The county's report as a dict (the `.json`'s content)."""
    me = identity()
    root = open_folder()
    if me is None or not me.is_county or root is None:
        raise ReportError(QT_TRANSLATE_NOOP("Messages", "只有县局的数据文件夹能汇总各单位的工作简报"))
    offices = reporting_offices(office_name)
    per: dict[str, dict[str, Any]] = {}
    packages: dict[str, dict[str, Any]] = {}
    for index, office in enumerate(offices):
        report(progress, index, len(offices) + 1, Message(QT_TRANSLATE_NOOP("Messages", "正在统计 {office}"),
                                                           office=office.name))
        with reading_copy(root, office.uuid, period.end):
            data = report_data(period, None, today)
        per[office.name] = report_json(data)
        packages[office.name] = {
            "office_uuid": office.uuid, "org_code": office.org_code, "sequence": office.sequence,
            "created_at": office.package_created_at.isoformat(timespec="seconds") if office.package_created_at else None}
    report(progress, len(offices), len(offices) + 1, QT_TRANSLATE_NOOP("Messages", "正在汇总"))
    return {
        "period": period.code, "period_label": period.label, "unit": me.name,
        "scope": offices[0].name if office_name else COUNTY_SCOPE, "offices_count": len(per),
        **summed(list(per.values())), "offices": per, "packages": packages,
        "made_on": (today or date.today()).isoformat(),
    }


def write_county_report(period: Period, path: Path | str, office_name: str | None = None, today: date | None = None,
                        progress: Progress | None = None) -> dict[str, Any]:
    path = Path(path)
    if path.suffix.lower() != ".json":
        raise ReportError(QT_TRANSLATE_NOOP("Messages", "县局汇总的工作简报保存为 .json 文件"))
    require(EXPORT)
    content = county_report(period, office_name, today, progress)
    write_verified(path, json.dumps(content, ensure_ascii=False, indent=2).encode("utf-8"))
    audit.record("导出", "", "", f"县局工作简报（{period.label}，{content['scope']}）.json")
    report(progress, 1, 1, QT_TRANSLATE_NOOP("Messages", "简报已保存"))
    return content


def copy_sequence(root: Path, office_uuid: str) -> int:
    """The sequence number of the package the county's copy of the office is at (0: none yet)."""
    path = copy_path(root, office_uuid)
    if not path.exists():
        return 0
    database = open_copy(path)
    try:
        return copy_state(database).sequence
    finally:
        database.close()
