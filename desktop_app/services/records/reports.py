"""The 工作简报: the figures of a month, quarter or year for the office or one team, gathered from the records
(`report_data`), with a draft paragraph in the office's own style that the clerk may edit, and written as
PDF (documents/work_report.py), .xlsx (with a page setup for printing) or .json (for scripts and the county:
{"period", "figures", "activities_by_kind", "hours_by_member", …}, the names of domain/activity_figures.py).
Every file goes through the verified writer. `write_report` is what the window runs through ui/ops.py.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import JOIN

from ...db.database import db
from ...db.models import Case, Member, Team, Training, TrainingAttendee
from ...documents.work_report import (
    CaseSection,
    FigureLine,
    TeamLine,
    VolunteerLine,
    WorkReport,
    build_work_report_pdf,
)
from ...domain.activity_figures import BY_NAME, FIGURES
from ...domain.dates import format_date
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.periods import MONTH, QUARTER, Period
from ...domain.report_wording import draft_paragraph
from ...domain.service_levels import STAR_LABELS
from ...domain.vocabulary import (
    CASE_CATEGORIES,
    CASE_KINDS,
    FAILED,
    OPEN_CASE_STATUSES,
    SUCCEEDED,
    TERMINATED,
)
from .. import audit
from ..accounts.roles import EXPORT, PRINT, require
from ..cases.figures import OPEN_OUTCOME, case_figures
from ..cases.workflow import case_outcomes
from ..files.writer import write_verified
from ..office.details import get_office
from ..progress import Progress, report
from . import work_figures
from .points import ranking, star_levels
from .service_hours import SOURCE_DUTY, service_hours_by_source, training_hours_by_member

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

BEST_COUNT = 10
_IN_LIMIT = 500
OFFICE_SCOPE = "全所"
_SOURCES = {"调解纠纷": "案件登记", "护学岗执勤": "排班到岗"}


class ReportError(ValueError):
    """The report cannot be made as asked (a team that does not exist); the message says why."""


def team_by_name(name: str) -> int:
    row = Team.select(Team.id).where(Team.name == name.strip(), Team.deleted_at.is_null()).tuples().first()
    if row is None:
        raise ReportError(Message(QT_TRANSLATE_NOOP("Messages", "没有名为“{team}”的队伍"), team=name))
    return row[0]


def _case_section(period: Period, team_id: int | None) -> CaseSection:
    if team_id is None:
        f = case_figures(period.start, period.end)
        return CaseSection(f.total, f.by_kind, f.by_category, {SUCCEEDED: f.succeeded, FAILED: f.failed,
                                                               TERMINATED: f.terminated, OPEN_OUTCOME: f.open_cases},
                           f.success_rate_text)
    ids = work_figures.mediated_case_ids(period.start, period.end, team_id)
    by_kind, by_category = dict.fromkeys(CASE_KINDS, 0), dict.fromkeys(CASE_CATEGORIES, 0)
    open_count = 0
    for kind, category, status in Case.select(Case.kind, Case.category, Case.status).where(Case.id.in_(ids)).tuples():
        by_kind[kind] = by_kind.get(kind, 0) + 1
        by_category[category] = by_category.get(category, 0) + 1
        open_count += status in OPEN_CASE_STATUSES
    outcomes = case_outcomes(ids)
    counted = {outcome: sum(1 for o in outcomes.values() if o == outcome) for outcome in (SUCCEEDED, FAILED, TERMINATED)}
    ended = sum(counted.values())
    rate = f"{counted[SUCCEEDED] * 100 / ended:.1f}%" if ended else "—"
    return CaseSection(len(ids), by_kind, by_category, {**counted, OPEN_OUTCOME: open_count}, rate)


def _trainings(period: Period, team_id: int | None) -> tuple[int, int]:
    query = (TrainingAttendee.select(TrainingAttendee.training).join(Training)
             .where(Training.deleted_at.is_null(), Training.date.between(period.start, period.end)))
    if team_id is not None:
        query = query.switch(TrainingAttendee).join(Member).where(Member.team == team_id)
    rows = [training for (training,) in query.tuples()]
    return len(set(rows)), len(rows)


def _member_names(member_ids: list[int]) -> dict[int, str]:
    """id → name, with the team added where two members share a name."""
    query = Member.select(Member.id, Member.name, Team.name).join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id))
    if len(member_ids) <= _IN_LIMIT:
        rows = list(query.where(Member.id.in_(member_ids)).tuples()) if member_ids else []
    else:  # many: one pass over the roster instead of a list of every id
        wanted = set(member_ids)
        rows = [row for row in db.execute_sql(*query.sql()) if row[0] in wanted]
    counts: dict[str, int] = {}
    for _mid, name, _team in rows:
        counts[name] = counts.get(name, 0) + 1
    return {mid: (f"{name}（{team or mid}）" if counts[name] > 1 else name) for mid, name, team in rows}


def report_data(period: Period, team_id: int | None = None, today: date | None = None, made_by: str = "",
                progress: Progress | None = None) -> WorkReport:
    """Everything the 工作简报 shows, from the records, for the period (and team)."""
    today = today or date.today()
    start, end = period.start, period.end
    office = get_office()
    team_name = ""
    if team_id is not None:
        row = Team.get_or_none(Team.id == team_id)
        if row is None:
            raise ReportError(QT_TRANSLATE_NOOP("Messages", "所选队伍不存在"))
        team_name = row.name
    report(progress, 0, 6, QT_TRANSLATE_NOOP("Messages", "正在统计工作成效"))
    totals = work_figures.figure_totals(start, end, team_id)
    figures = [FigureLine(f.name, totals[f.name], f.unit, _SOURCES.get(f.name, "工作记录")) for f in FIGURES]
    by_kind = work_figures.activities_by_kind(start, end, team_id)
    by_team: list[TeamLine] = []
    if team_id is None:
        names = dict(Team.select(Team.id, Team.name).tuples())
        grouped = work_figures.figures_by(start, end, "team")
        by_team = sorted((TeamLine(names.get(tid, "（未填队伍）") if tid else "（未填队伍）", g.records, g.figures)
                          for tid, g in grouped.items()), key=lambda line: (-line.records, line.team))
    report(progress, 1, 6, QT_TRANSLATE_NOOP("Messages", "正在统计各月趋势"))
    months = work_figures.monthly(period.months(), team_id) if period.kind != MONTH else {}
    report(progress, 2, 6, QT_TRANSLATE_NOOP("Messages", "正在统计矛盾纠纷"))
    cases = _case_section(period, team_id)
    report(progress, 3, 6, QT_TRANSLATE_NOOP("Messages", "正在统计服务时长"))
    team_members = None if team_id is None else [mid for (mid,) in Member.select(Member.id).where(
        Member.team == team_id).tuples()]
    wanted = None if team_members is None else set(team_members)
    by_source = {mid: h for mid, h in service_hours_by_source(start, end).items() if wanted is None or mid in wanted}
    service = {mid: round(sum(h.values()), 2) for mid, h in by_source.items()}
    training = sum(h for mid, h in training_hours_by_member(start, end).items() if wanted is None or mid in wanted)
    duty = round(sum(h[SOURCE_DUTY] for h in by_source.values()), 1)
    service_total = round(sum(service.values()), 1)
    hours = {"值班": duty, "工作记录": round(service_total - duty, 1),
             "志愿服务合计": service_total,
             "培训（单列，不计入志愿服务时长）": round(training, 1)}
    report(progress, 4, 6, QT_TRANSLATE_NOOP("Messages", "正在评定星级与排名"))
    levels = star_levels(team_members, end)
    stars = {STAR_LABELS[level]: sum(1 for v in levels.values() if v == level) for level in range(1, 6)}
    best = [VolunteerLine(r.rank, r.name, r.team, r.hours, r.points, STAR_LABELS[r.stars])
            for r in ranking(start, end, team_id, by="hours", limit=BEST_COUNT, hours=service, stars=levels)]
    trainings, trained = _trainings(period, team_id)
    whole = {MONTH: "本月", QUARTER: "本季度"}.get(period.kind, "全年")
    subject = "我所义警队伍" if team_id is None else team_name
    paragraph = draft_paragraph(period.label, whole, subject, totals, sum(by_kind.values()), len(service),
                                service_total, trainings, trained, cases.total, cases.by_outcome.get(SUCCEEDED, 0),
                                cases.success_rate, cases.ended)
    report(progress, 5, 6, QT_TRANSLATE_NOOP("Messages", "正在生成简报"))
    data = WorkReport(
        unit=office.unit_name if office else "", scope=team_name or OFFICE_SCOPE, period_label=period.label,
        report_name=period.report_name, made_on=today, paragraph=paragraph, figures=figures, by_kind=by_kind,
        by_team=by_team, months=months, cases=cases, hours=hours, members_served=len(service), stars=stars,
        best=best, trainings=trainings, trained=trained, made_by=made_by, period_code=period.code,
        hours_by_member={name: service[mid] for mid, name in _member_names(list(service)).items()})
    return data


# --- the files -----------------------------------------------------------------------------------


def report_json(data: WorkReport) -> dict:
    return {
        "period": data.period_code,
        "period_label": data.period_label,
        "unit": data.unit,
        "scope": data.scope,
        "figures": {line.name: line.value for line in data.figures},
        "units": {line.name: line.unit for line in data.figures},
        "activities_by_kind": dict(data.by_kind),
        "hours_by_member": dict(data.hours_by_member),
        "hours": dict(data.hours),
        "cases": None if data.cases is None else {
            "total": data.cases.total, "by_kind": data.cases.by_kind,
            "by_category": {k: v for k, v in data.cases.by_category.items() if v},
            "by_outcome": data.cases.by_outcome, "success_rate": data.cases.success_rate},
        "stars": data.stars,
        "best": [{"rank": v.rank, "name": v.name, "team": v.team, "hours": v.hours, "points": v.points}
                 for v in data.best],
        "paragraph": data.paragraph,
        "made_on": data.made_on.isoformat(),
    }


def _table(sheet: Worksheet, title: str, header: list[str], rows: list[list], widths: list[int]) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(header)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[2]:
        cell.font, cell.fill = bold, fill
    for row in rows:
        sheet.append(row)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"


def report_xlsx(data: WorkReport) -> bytes:
    # openpyxl imported here, in the worker that writes: the 工作记录 tab imports this module when it is
    # built, and openpyxl's first import takes a few tenths of a second on the GUI thread
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    from ...documents.xlsx_page import set_page

    book = Workbook()
    text = book.active
    text.title = "简报正文"
    _table(text, data.heading, ["单位", "范围", "期间", "制表日期"],
           [[data.unit, data.scope, data.period_label, format_date(data.made_on)]], [34, 20, 18, 14])
    text.append([])
    text.append(["工作概况"])
    text.append([data.paragraph])
    cell = text.cell(row=text.max_row, column=1)
    text.merge_cells(start_row=text.max_row, start_column=1, end_row=text.max_row, end_column=4)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    text.row_dimensions[text.max_row].height = 15 * max(3, len(data.paragraph) // 40 + 1)
    _table(book.create_sheet("工作成效"), f"{data.heading} 工作成效", ["指标", "数量", "单位", "统计来源"],
           [[f.name, f.value, f.unit, f.source] for f in data.figures], [24, 12, 8, 12])
    _table(book.create_sheet("工作记录分类"), "工作记录按类别", ["工作类别", "记录数"],
           [[k, v] for k, v in sorted(data.by_kind.items(), key=lambda kv: -kv[1])], [18, 12])
    if data.by_team:
        names = [f.name for f in data.figures if BY_NAME[f.name].entered]
        _table(book.create_sheet("各队伍"), "各队伍工作情况", ["队伍", "记录数", *names],
               [[t.team, t.records, *(t.figures.get(n, 0) for n in names)] for t in data.by_team],
               [22, 10] + [12] * len(names))
    if data.months:
        names = ["工作记录", *(f.name for f in data.figures)]
        _table(book.create_sheet("各月"), "各月工作记录与成效", ["月份", *names],
               [[m, *(values.get(n, 0) for n in names)] for m, values in data.months.items()], [10] + [12] * len(names))
    if data.cases is not None:
        c = data.cases
        rows: list[list[object]] = [["合计", c.total], *[[f"类型：{k}", v] for k, v in c.by_kind.items()],
                *[[f"类别：{k}", v] for k, v in c.by_category.items() if v],
                *[[f"结果：{k}", v] for k, v in c.by_outcome.items()], ["调解成功率", c.success_rate]]
        _table(book.create_sheet("矛盾纠纷"), "矛盾纠纷调解", ["项目", "数量"], rows, [22, 12])
    hours_sheet = book.create_sheet("服务时长与星级")
    _table(hours_sheet, "服务时长与星级", ["项目", "数值"],
           [[k, v] for k, v in data.hours.items()] + [["参与服务的队员（人）", data.members_served]]
           + [[f"{label}（人）", n] for label, n in data.stars.items()], [34, 12])
    _table(book.create_sheet("优秀义警"), "优秀义警（按本期志愿服务时长）", ["名次", "姓名", "队伍", "服务时长（小时）", "积分", "星级"],
           [[v.rank, v.name, v.team, v.hours, v.points, v.stars] for v in data.best], [6, 18, 22, 16, 10, 8])
    _table(book.create_sheet("队员服务时长"), "队员志愿服务时长", ["姓名", "服务时长（小时）"],
           [[name, hours] for name, hours in sorted(data.hours_by_member.items(),
                                                    key=lambda kv: (-kv[1], kv[0]))], [22, 16])
    for sheet in book.worksheets:  # after every row is in: the print area covers them
        set_page(sheet, landscape=sheet.max_column > 6, title_rows="1:2")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_report(period: Period, team_id: int | None, path: str | Path, paragraph: str | None = None,
                 today: date | None = None, made_by: str = "", progress: Progress | None = None) -> WorkReport:
    """Gather the report and write it to `path` (.pdf, .xlsx or .json by its suffix); `paragraph` replaces the
    draft (the clerk's edited text); `made_by` the 制表 name (empty: a line to sign by hand, as on the duty
    sheet). Returns what was written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".xlsx", ".json"):
        raise ReportError(QT_TRANSLATE_NOOP("Messages", "工作简报只能保存为 .pdf、.xlsx 或 .json 文件"))
    require(PRINT if suffix == ".pdf" else EXPORT)  # the PDF is the printed 简报; a table or data file an export
    data = report_data(period, team_id, today, made_by.strip(), progress)
    if paragraph is not None and paragraph.strip():
        data.paragraph = paragraph.strip()
    if suffix == ".pdf":
        content = build_work_report_pdf(data)
    elif suffix == ".xlsx":
        content = report_xlsx(data)
    else:
        content = json.dumps(report_json(data), ensure_ascii=False, indent=2).encode("utf-8")
    write_verified(path, content)
    audit.record("打印" if suffix == ".pdf" else "导出", "activity", "",
                 f"工作简报（{data.period_label}，{data.scope}）{suffix}")
    report(progress, 6, 6, QT_TRANSLATE_NOOP("Messages", "简报已保存"))
    return data
