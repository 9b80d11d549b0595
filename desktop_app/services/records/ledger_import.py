"""Taking an office's 工作台账 in (.xlsx, or .csv in GBK or UTF-8), as the roster import does: read every
sheet with a recognisable header (title rows above it; a sheet's year from its title or name, for dates
written without one), map the columns (日期, 队伍, 工作类别, 地点, 工作内容, 参与队员, 时长, 成效, 备注; the mapping can
be changed by hand), judge every row for the preview, then store the good rows in one transaction and
report what happened to each.

Every work-record rule is `activities.validate_activity`'s; this module turns a row's cells into an
`ActivityInput`: dates as offices write them (Excel dates, "2026.3.5", "2026/03/05", "3月5日"; a date cell
merged over several rows applies to each, and in a .csv, which keeps no merges, a blank date below a dated
row continues it), team names written short when that is unambiguous, members by name on the roster, hours
("2", "2小时"), and the figures out of the 成效 words (domain/outcome_text.py). 小计/合计 rows, blank rows and
rows already recorded are skipped and said so.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ...db.models import Activity, Member, Team
from ...documents.xlsx_page import set_page
from ...domain.activity_figures import KIND_BY_NAME, figure_text, kind_from_text
from ...domain.dates import format_date, parse_loose_date
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.names import normalize_name
from ...domain.outcome_text import read_outcome
from ...domain.text_folding import fold_fullwidth
from ...domain.vocabulary import ACTIVITY_KINDS
from .. import audit
from ..accounts.roles import EDIT, EXPORT, requires
from ..files.writer import write_verified
from ..progress import Progress
from ..roster.importer import (
    ADDED,
    REFUSED,
    SKIPPED,
    RosterImportError,
    _csv_rows,
    _is_blank,
    _kind,
    _trimmed,
    normalize_header,
)
from .activities import ActivityInput, ActivityInvalid, ParticipantInput, save_activities, validate_activity
from .participation import RecordLookups, hours_value

ACTIONS = (ADDED, SKIPPED, REFUSED)
CSV_SHEET = "CSV"
HEADER_SEARCH_ROWS = 12
MAX_FILE_MB = 50
MAX_ROWS = 100_000
PROGRESS_EVERY = 250

FIELDS: dict[str, str] = {
    "date": "日期", "team": "队伍", "kind": "工作类别", "place": "地点", "description": "工作内容",
    "members": "参与队员", "hours": "时长", "outcome": "成效", "notes": "备注",
}
_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("日期", "时间", "工作日期", "活动日期", "开展时间", "开展日期", "执勤日期"),
    "team": ("队伍", "所属队伍", "队别", "参与队伍", "队伍名称", "义警队伍", "所在队伍", "分队"),
    "kind": ("工作类别", "类别", "工作类型", "类型", "活动类别", "活动类型", "工作项目", "项目"),
    "place": ("地点", "工作地点", "活动地点", "执勤地点", "开展地点"),
    "description": ("工作内容", "内容", "活动内容", "工作情况", "主要内容", "事由", "工作事项"),
    "members": ("参与队员", "参与人员", "参加人员", "参加队员", "队员", "人员", "参与人", "参与义警"),
    "hours": ("时长", "服务时长", "工作时长", "小时数", "用时", "时数"),
    "outcome": ("成效", "工作成效", "成果", "效果", "战果", "工作成果"),
    "notes": ("备注", "说明"),
}
HEADER_ALIASES: dict[str, str] = {normalize_header(alias): key for key, aliases in _ALIASES.items()
                                  for alias in (*aliases, FIELDS[key])}
_IGNORED_HEADERS = ("序号", "编号")
_TOTAL_ROW = re.compile(r"^\s*(小计|合计|总计|共计|本月合计|累计)")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*[日号]?")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
_MEMBER_SPLIT = re.compile(r"[、，,;；/\s]+")
_TEAM_SUFFIXES = ("义警大队", "义警中队", "义警分队", "义警队", "志愿服务队", "服务队", "大队", "中队", "分队",
                  "义警", "队")
_MB = 1 << 20


class LedgerImportError(ValueError):
    """The file cannot be read or mapped as it is; the message says why, in Chinese."""


@dataclass
class LedgerSheet:
    sheet: str
    title: str  # the rows above the header, joined
    year: int | None  # from the title or the sheet's name, for dates without a year
    header_row: int  # 0-based
    headers: list[str]
    mapping: dict[int, str | None]
    rows: list[list[object]]  # every row below the header, blank ones included (to say they were skipped)
    row_numbers: list[int]
    merged: bool  # the file keeps merged cells (.xlsx); a .csv does not


@dataclass
class LedgerPreview:
    path: str
    sheets: list[LedgerSheet]


@dataclass
class RowVerdict:
    sheet: str
    row_number: int
    values: dict[str, str]
    action: str  # 新增 / 跳过 / 拒绝
    reasons: list[str] = field(default_factory=list)


@dataclass
class LedgerPlan:
    preview: LedgerPreview
    verdicts: list[RowVerdict]
    inputs: list[tuple[int, ActivityInput]]  # (index into verdicts, the record) of the rows to add
    counts: dict[str, int]
    today: date


@dataclass
class LedgerReport:
    added: int
    skipped: int
    refused: int
    rows: list[RowVerdict]


# --- reading -------------------------------------------------------------------------------------


def auto_mapping(headers: Sequence[str]) -> dict[int, str | None]:
    """Column → field from the usual headers; the first column naming a field wins."""
    mapping: dict[int, str | None] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        key = HEADER_ALIASES.get(normalize_header(header))
        mapping[index] = key if key is not None and key not in taken else None
        if key is not None:
            taken.add(key)
    return mapping


def _header_score(row: Sequence[object]) -> int:
    return sum(1 for cell in row if not _is_blank(cell)
               and ((key := normalize_header(cell)) in HEADER_ALIASES or key in _IGNORED_HEADERS))


def _find_header(rows: Sequence[Sequence[object]]) -> int | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if _header_score(row) >= 3:
            return index
    return None


def _year_of(*texts: str) -> int | None:
    for text in texts:
        match = _YEAR.search(fold_fullwidth(text or ""))
        if match:
            return int(match.group(1))
    return None


def _sheet(name: str, raw: list[list[object]], merged: bool) -> LedgerSheet | None:
    header = _find_header(raw)
    if header is None:
        return None
    title = " ".join(str(cell).strip() for row in raw[:header] for cell in row if not _is_blank(cell))
    cells = raw[header]
    body = raw[header + 1:]
    numbers = list(range(header + 2, header + 2 + len(body)))
    while body and all(map(_is_blank, body[-1])):
        body.pop()
        numbers.pop()
    width = max([len(_trimmed(list(cells)))] + [len(_trimmed(list(row))) for row in body])
    headers = [str(cell).strip() if cell is not None else "" for cell in list(cells)[:width]]
    headers += [""] * (width - len(headers))
    rows = [(list(row) + [None] * width)[:width] for row in body]
    return LedgerSheet(name, title, _year_of(title, name), header, headers, auto_mapping(headers), rows, numbers,
                       merged)


def _xlsx_sheets(path: Path) -> list[tuple[str, list[list[object]]]]:
    try:
        workbook = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError) as exc:
        raise LedgerImportError(Message(QT_TRANSLATE_NOOP("Messages", "无法读取文件“{path_name}”，它可能已损坏或不是 Excel 文件"),
                                        path_name=path.name)) from exc
    sheets = []
    try:
        for worksheet in workbook.worksheets:
            if worksheet.max_row > MAX_ROWS:
                raise LedgerImportError(Message(QT_TRANSLATE_NOOP(
                    "Messages", "工作表“{sheet}”有 {rows:,} 行，超过导入上限 {limit:,} 行，请分成几个文件导入"),
                    sheet=worksheet.title, rows=worksheet.max_row, limit=MAX_ROWS))
            rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
            for cells in worksheet.merged_cells.ranges:
                top = rows[cells.min_row - 1][cells.min_col - 1] if cells.min_row <= len(rows) else None
                for r in range(cells.min_row, min(cells.max_row, len(rows)) + 1):
                    for c in range(cells.min_col, cells.max_col + 1):
                        if c - 1 < len(rows[r - 1]):
                            rows[r - 1][c - 1] = top
            sheets.append((worksheet.title, rows))
    finally:
        workbook.close()
    return sheets


def read_ledger(path: str | Path) -> LedgerPreview:
    """Every sheet of the file that has a 台账 header; `LedgerImportError` when none has."""
    path = Path(path)
    try:
        kind = _kind(path)
    except RosterImportError as exc:
        raise LedgerImportError(exc.args[0]) from exc
    if not path.exists():
        raise LedgerImportError(Message(QT_TRANSLATE_NOOP("Messages", "找不到文件：{path_name}"), path_name=path.name))
    if path.stat().st_size > MAX_FILE_MB * _MB:
        raise LedgerImportError(Message(QT_TRANSLATE_NOOP(
            "Messages", "文件“{path_name}”超过导入上限 {limit} MB，请分成几个文件导入"), path_name=path.name,
            limit=MAX_FILE_MB))
    if kind == "csv":
        try:
            raw = [(CSV_SHEET, _csv_rows(path))]
        except RosterImportError as exc:
            raise LedgerImportError(exc.args[0]) from exc
        merged = False
    else:
        raw, merged = _xlsx_sheets(path), True
    sheets = [found for name, rows in raw if (found := _sheet(name if kind != "csv" else path.stem, rows, merged))]
    if not sheets:
        raise LedgerImportError(QT_TRANSLATE_NOOP(
            "Messages", "文件中没有找到工作台账的表头（应有 日期、工作类别、参与队员 等列）"))
    return LedgerPreview(str(path), sheets)


# --- judging rows --------------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@dataclass
class _Context:
    today: date
    teams: dict[str, int]
    team_names: dict[int, str]
    members: dict[str, list[int]]  # name → ids on the roster (not deleted)
    existing: set[tuple]  # (date, kind, team, place, description) of the records already stored
    lookups: RecordLookups
    seen: dict[tuple, str] = field(default_factory=dict)  # the same key → where it was first met

    @classmethod
    def load(cls, today: date) -> _Context:
        teams = {name: tid for tid, name in Team.select(Team.id, Team.name).where(Team.deleted_at.is_null()).tuples()}
        members: dict[str, list[int]] = {}
        for mid, name in Member.select(Member.id, Member.name).where(Member.deleted_at.is_null()).tuples():
            members.setdefault(name, []).append(mid)
        existing = {(_as_date(d), kind, team, place, text) for d, kind, team, place, text in
                    Activity.select(Activity.date, Activity.kind, Activity.team, Activity.place, Activity.description)
                    .where(Activity.deleted_at.is_null()).tuples()}
        return cls(today, teams, {v: k for k, v in teams.items()}, members, existing, RecordLookups(load_all=True))

    def team(self, written: str) -> tuple[int | None, str, str]:
        """(team id, its name, a refusal) for a team as written; a short form matches when only one fits."""
        written = re.sub(r"\s+", "", written)
        if written in self.teams:
            return self.teams[written], written, ""
        core = _team_core(written)
        found = [name for name in self.teams if core and (_team_core(name) == core or core in name)]
        if len(found) == 1:
            return self.teams[found[0]], found[0], ""
        if found:
            return None, "", Message(QT_TRANSLATE_NOOP("Messages", "队伍“{team}”可能是{teams}，请写全称"), team=written,
                                     teams="、".join(f"“{name}”" for name in sorted(found)))
        return None, "", Message(QT_TRANSLATE_NOOP("Messages", "队伍“{team}”不存在，请先在花名册中建立该队伍"), team=written)


def _team_core(name: str) -> str:
    for suffix in _TEAM_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    return date.fromisoformat(str(value)[:10])


def _date(value: object, year: int | None) -> tuple[date | None, str]:
    if isinstance(value, datetime | date) or (isinstance(value, int | float) and not isinstance(value, bool)):
        try:
            return parse_loose_date(value), ""
        except FieldError as exc:
            return None, Message(QT_TRANSLATE_NOOP("Messages", "日期：{message}"), message=exc.message)
    text = fold_fullwidth(_text(value))
    try:
        return parse_loose_date(text), ""
    except FieldError as exc:
        match = _MONTH_DAY.fullmatch(text)
        if not match:
            return None, Message(QT_TRANSLATE_NOOP("Messages", "日期：{message}"), message=exc.message)
    if year is None:
        return None, Message(QT_TRANSLATE_NOOP("Messages", "日期“{text}”没有年份，工作表的标题和名称中也没有年份"), text=text)
    try:
        return date(year, int(match.group(1)), int(match.group(2))), ""
    except ValueError:
        return None, Message(QT_TRANSLATE_NOOP("Messages", "日期不存在：{year}年{text}"), year=year, text=text)


def _members(text: str, ctx: _Context) -> tuple[list[int], list[str], list[str]]:
    """(member ids, the names as folded, refusals)."""
    ids: list[int] = []
    names: list[str] = []
    refusals: list[str] = []
    for part in _MEMBER_SPLIT.split(fold_fullwidth(text)):
        name = normalize_name(part)
        if not name:
            continue
        names.append(name)
        found = ctx.members.get(name, [])
        if not found:
            refusals.append(Message(QT_TRANSLATE_NOOP("Messages", "参与队员“{name}”不在花名册中"), name=name))
        elif len(found) > 1:
            refusals.append(Message(QT_TRANSLATE_NOOP(
                "Messages", "花名册中有{count}名“{name}”，无法确定是哪一位，请分开登记"), count=len(found), name=name))
        else:
            ids.append(found[0])
    return ids, names, refusals


def _judge(sheet: LedgerSheet, index: int, by_field: dict[str, int], ctx: _Context,
           carried: dict[str, object]) -> tuple[RowVerdict, ActivityInput | None]:
    row, number = sheet.rows[index], sheet.row_numbers[index]
    cells = {key: row[column] if column < len(row) else None for key, column in by_field.items()}
    shown = {key: format_date(value.date() if isinstance(value, datetime) else value)
             if isinstance(value, date) else _text(value) for key, value in cells.items()}
    if all(map(_is_blank, row)):
        return RowVerdict(sheet.sheet, number, shown, SKIPPED, [QT_TRANSLATE_NOOP("Messages", "空行，已跳过")]), None
    if any(isinstance(cell, str) and _TOTAL_ROW.match(cell) for cell in row):
        return RowVerdict(sheet.sheet, number, shown, SKIPPED, [QT_TRANSLATE_NOOP("Messages", "小计/合计行，已跳过")]), None
    refusals: list[str] = []
    notes: list[str] = []

    raw_date = cells.get("date")
    if _is_blank(raw_date) and not sheet.merged and carried.get("date") is not None:
        raw_date = carried["date"]
        notes.append(QT_TRANSLATE_NOOP("Messages", "日期空白，沿用上一行的日期"))
    day: date | None = None
    if _is_blank(raw_date):
        refusals.append(QT_TRANSLATE_NOOP("Messages", "请填写日期"))
    else:
        day, problem = _date(raw_date, sheet.year)
        if problem:
            refusals.append(problem)
        carried["date"] = raw_date
    if day is not None:
        shown["date"] = format_date(day)

    raw_team = _text(cells.get("team"))
    if not raw_team and not sheet.merged and carried.get("team"):
        raw_team = str(carried["team"])
        notes.append(QT_TRANSLATE_NOOP("Messages", "队伍空白，沿用上一行的队伍"))
    team_id = None
    if raw_team:
        carried["team"] = raw_team
        team_id, team_name, problem = ctx.team(raw_team)
        if problem:
            refusals.append(problem)
        else:
            shown["team"] = team_name
            if team_name != re.sub(r"\s+", "", raw_team):
                notes.append(Message(QT_TRANSLATE_NOOP("Messages", "队伍“{written}”按“{team}”导入"), written=raw_team,
                                     team=team_name))

    raw_kind = _text(cells.get("kind"))
    kind = kind_from_text(raw_kind) if raw_kind else None
    if not raw_kind:
        refusals.append(QT_TRANSLATE_NOOP("Messages", "请填写工作类别"))
    elif kind is None:
        refusals.append(Message(QT_TRANSLATE_NOOP("Messages", "工作类别“{kind}”无法识别，应为：{kinds}"), kind=raw_kind,
                                kinds="、".join(ACTIVITY_KINDS)))
    else:
        shown["kind"] = kind
        if kind != raw_kind:
            notes.append(Message(QT_TRANSLATE_NOOP("Messages", "工作类别“{written}”按“{kind}”导入"), written=raw_kind,
                                 kind=kind))

    member_ids, names, problems = _members(_text(cells.get("members")), ctx)
    refusals += problems
    if names:
        shown["members"] = "、".join(names)
    raw_hours = cells.get("hours")
    hours = 0.0
    if member_ids or names:
        if _is_blank(raw_hours):
            refusals.append(QT_TRANSLATE_NOOP("Messages", "请填写时长（小时），如 2 或 2小时"))
        else:
            errors: list[FieldError] = []
            hours = hours_value(raw_hours if isinstance(raw_hours, int | float) else _text(raw_hours).lower()
                                .removesuffix("h"), "hours", QT_TRANSLATE_NOOP("Messages", "时长"), errors)
            if errors:
                refusals.append(Message(QT_TRANSLATE_NOOP("Messages", "时长“{text}”不是小时数，请写成 2 或 2小时"),
                                        text=_text(raw_hours)))

    outcome = read_outcome(cells.get("outcome"), kind)
    if outcome.refusal:
        refusals.append(outcome.refusal)
    notes += outcome.notes
    figures = outcome.entered()
    if kind is not None and figures:
        fitting = KIND_BY_NAME[kind].figures
        for name in figures:
            if name not in fitting:
                notes.append(Message(QT_TRANSLATE_NOOP("Messages", "“{figure}”不是“{kind}”的常用指标，已照录"),
                                     figure=name, kind=kind))
    shown["outcome"] = "、".join(figure_text(name, value) for name, value in outcome.figures.items()) or \
        _text(cells.get("outcome"))

    place = _text(cells.get("place"))
    description = _text(cells.get("description"))
    remark = _text(cells.get("notes"))
    if remark:
        description = f"{description}（备注：{remark}）" if description else remark
    if refusals:
        return RowVerdict(sheet.sheet, number, shown, REFUSED, refusals + notes), None

    key = (day, kind, team_id, place, description)
    where = Message(QT_TRANSLATE_NOOP("Messages", "“{sheet}”第{row}行"), sheet=sheet.sheet, row=number)
    if key in ctx.existing:
        return RowVerdict(sheet.sheet, number, shown, SKIPPED,
                          [QT_TRANSLATE_NOOP("Messages", "与已登记的工作记录相同（日期、类别、队伍、地点、内容），已跳过")]), None
    if key in ctx.seen:
        return RowVerdict(sheet.sheet, number, shown, SKIPPED,
                          [Message(QT_TRANSLATE_NOOP("Messages", "与{where}相同，已跳过"), where=ctx.seen[key])]), None
    data = ActivityInput(date=day, kind=kind or "", team_id=team_id, place=place, description=description,
                         participants=[ParticipantInput(mid, hours) for mid in member_ids]).set_figures(figures)
    try:
        validate_activity(data, ctx.today, ctx.lookups)
    except ActivityInvalid as exc:
        return RowVerdict(sheet.sheet, number, shown, REFUSED, [e.message for e in exc.errors] + notes), None
    ctx.seen[key] = where
    return RowVerdict(sheet.sheet, number, shown, ADDED, notes), data


def _counts(verdicts: Sequence[RowVerdict]) -> dict[str, int]:
    counts = dict.fromkeys(ACTIONS, 0)
    for verdict in verdicts:
        counts[verdict.action] += 1
    return counts


def plan_ledger_import(preview: LedgerPreview, mappings: dict[str, dict[int, str | None]] | None = None,
                       today: date | None = None, progress: Progress | None = None) -> LedgerPlan:
    """Judge every row of every sheet without changing anything (`mappings`: sheet → column → field, for
    the sheets whose automatic mapping was changed). `LedgerImportError` when a sheet has no 日期 column."""
    today = today or date.today()
    ctx = _Context.load(today)
    verdicts: list[RowVerdict] = []
    inputs: list[tuple[int, ActivityInput]] = []
    total = sum(len(sheet.rows) for sheet in preview.sheets)
    done = 0
    for sheet in preview.sheets:
        mapping = (mappings or {}).get(sheet.sheet, sheet.mapping)
        by_field: dict[str, int] = {}
        for column, key in sorted(mapping.items()):
            if key is not None and key not in by_field and column < len(sheet.headers):
                by_field[key] = column
        for required in ("date", "kind"):
            if required not in by_field:
                raise LedgerImportError(Message(QT_TRANSLATE_NOOP("Messages", "工作表“{sheet}”中没有“{column}”列"),
                                                sheet=sheet.sheet, column=FIELDS[required]))
        carried: dict[str, object] = {}
        for index in range(len(sheet.rows)):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, total, Message(QT_TRANSLATE_NOOP("Messages", "正在检查（{done}/{total}）"), done=done,
                                              total=total))
            done += 1
            verdict, data = _judge(sheet, index, by_field, ctx, carried)
            if data is not None:
                inputs.append((len(verdicts), data))
            verdicts.append(verdict)
    if progress is not None:
        progress(total, total, QT_TRANSLATE_NOOP("Messages", "检查完成"))
    return LedgerPlan(preview, verdicts, inputs, _counts(verdicts), today)


@requires(EDIT)
def run_ledger_import(plan: LedgerPlan, progress: Progress | None = None) -> LedgerReport:
    """Store the rows judged 新增, in one transaction (each checked again by `save_activities`); a cancel
    raised from `progress` leaves the database as it was."""
    if progress is not None:
        progress(0, 100, QT_TRANSLATE_NOOP("Messages", "正在导入"))
    verdicts = list(plan.verdicts)
    inputs = [data for _index, data in plan.inputs]
    from ...db.database import db

    with db.atomic():
        if inputs:
            save_activities(inputs, plan.today)
        counts = _counts(verdicts)
        audit.record("导入", "activity", "", f"导入工作台账：新增{counts[ADDED]}条，跳过{counts[SKIPPED]}条，"
                                              f"拒绝{counts[REFUSED]}条")
        if progress is not None:
            progress(100, 100, QT_TRANSLATE_NOOP("Messages", "导入完成"))
    return LedgerReport(counts[ADDED], counts[SKIPPED], counts[REFUSED], verdicts)


# --- the report ----------------------------------------------------------------------------------

REPORT_COLUMNS = ("工作表", "行号", "日期", "队伍", "工作类别", "参与队员", "成效", "结果", "原因与说明")
_REPORT_WIDTHS = (12, 7, 14, 18, 12, 24, 30, 8, 70)


@requires(EXPORT)
def save_ledger_report_xlsx(report: LedgerReport, path: str | Path) -> None:
    """One row per sheet row with its verdict and reasons; a second sheet with the totals."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "导入结果"
    sheet.append(list(REPORT_COLUMNS))
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
    for verdict in report.rows:
        values = verdict.values
        sheet.append([verdict.sheet, verdict.row_number, values.get("date", ""), values.get("team", ""),
                      values.get("kind", ""), values.get("members", ""), values.get("outcome", ""), verdict.action,
                      "；".join(str(reason) for reason in verdict.reasons)])
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2, min_col=9, max_col=9):
        row[0].alignment = wrap
    for index, width in enumerate(_REPORT_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(REPORT_COLUMNS))}{len(report.rows) + 1}"
    totals = workbook.create_sheet("汇总")
    totals.append(["项目", "数量"])
    for cell in totals[1]:
        cell.font, cell.fill = bold, fill
    for label, count in ((ADDED, report.added), (SKIPPED, report.skipped), (REFUSED, report.refused)):
        totals.append([label, count])
    totals.append(["生成时间", format_date(date.today())])
    totals.column_dimensions["A"].width = 14
    totals.column_dimensions["B"].width = 30
    set_page(sheet, title_rows="1:1")
    set_page(totals, landscape=False)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_verified(Path(path), buffer.getvalue())
