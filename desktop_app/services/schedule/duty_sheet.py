"""The weekly duty sheet out of the database: its plain data, the printed PDF and the .xlsx export.

Phones are masked here (DESIGN.md §5): the sheet is pinned on a wall. Only the 带班 leaders' phones may be
printed in full, when the office chooses so (settings.leader_phones_in_full): the sheet is then also the
list of whom to call. Assignments marked 请假 are
left out, so a shift shows its gap. Printing and exporting are audit-logged with the week and the team,
never with personal data. Files go through the verified writer (services/files/writer.py).
"""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import datetime, time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from peewee import JOIN

from ...db.dialect import unindexed
from ...db.models import Assignment, DutyPost, Member, Shift, Team
from ...documents.duty_sheet import (
    ALL_TEAMS,
    DAY_HEADER,
    REMARKS_HEADER,
    SIGN_HEADER,
    DutyPostColumn,
    DutySheetData,
    DutyShift,
    build_duty_sheet,
    cell_text,
    date_range_label,
    day_label,
    post_groups,
)
from ...documents.xlsx_page import set_page
from ...domain.dates import format_date, iso_week_dates
from ...domain.masking import mask_phone
from ...domain.text_hygiene import writable
from ...domain.vocabulary import ON_LEAVE
from .. import audit
from ..accounts.roles import EXPORT, PRINT, requires
from ..files.writer import FileWriteError, write_verified
from ..office.details import get_office
from ..progress import DRAWING, Progress
from ..roster.search import pinyin_sort_key
from .settings import leader_phones_in_full

SHEET_TITLE = "值班表"

ExportError = FileWriteError

__all__ = ["ExportError", "duty_sheet_bytes", "duty_sheet_data", "duty_sheet_pdf", "export_week_xlsx",
           "week_label"]


def week_label(year: int, week: int) -> str:
    return f"{year}年第{week}周"


def _hhmm(value: time | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return str(value)[:5]


def _team_name(team_id: int | None) -> str:
    if team_id is None:
        return ALL_TEAMS
    team = Team.get_or_none(Team.id == team_id, Team.deleted_at.is_null())
    if team is None:
        raise Team.DoesNotExist(f"team {team_id} not found")
    return team.name


def duty_sheet_data(year: int, week: int, team_id: int | None = None, made_by: str = "",
                    now: datetime | None = None) -> DutySheetData:
    """The week's grid: the team's posts (or every team's), each active one and any other that has a
    shift this week; its shifts by day, with the people on them (not those on leave), 带班, masked phones.

    Raises `Team.DoesNotExist` for an unknown team id and `ValueError` for a week that does not exist.
    """
    dates = iso_week_dates(year, week)
    team_name = _team_name(team_id)
    in_scope = [DutyPost.deleted_at.is_null()]
    if team_id is not None:
        in_scope.append(DutyPost.team == team_id)

    leader = Member.alias()
    shift_rows = list(
        Shift.select(Shift.id, Shift.post, Shift.date, Shift.start, Shift.end, Shift.headcount, Shift.notes,
                     leader.name, leader.phone, leader.deleted_at, Shift.leader)
        .join(DutyPost, on=(Shift.post == DutyPost.id))
        .switch(Shift)
        .join(leader, JOIN.LEFT_OUTER, on=(Shift.leader == leader.id))
        .where(Shift.date.between(dates[0], dates[-1]), *in_scope)
        .order_by(Shift.date, Shift.start, Shift.id)
        .tuples()
    )
    posts_with_shifts = {row[1] for row in shift_rows}
    posts = sorted(
        DutyPost.select(DutyPost.id, DutyPost.name, DutyPost.place, DutyPost.kind, Team.name.alias("team_name"))
        .join(Team, JOIN.LEFT_OUTER, on=(DutyPost.team == Team.id))
        .where(*in_scope, (DutyPost.active == True) | DutyPost.id.in_(list(posts_with_shifts)))  # noqa: E712
        .dicts(),
        key=lambda post: (post["team_name"] is None, pinyin_sort_key(post["team_name"] or ""), post["id"]),
    )
    column = {post["id"]: index for index, post in enumerate(posts)}

    people: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    # from the week's shifts (their date index), each member by id: on SQLite the members' deleted_at
    # index is kept from leading, which walked every member's assignments of all time (seconds at a
    # prefecture)
    query = (
        Shift.select(Assignment.shift, Member.id, Member.name, Member.phone)
        .join(DutyPost, on=(Shift.post == DutyPost.id))
        .switch(Shift)
        .join(Assignment, on=(Assignment.shift == Shift.id))
        .join(Member, on=(Assignment.member == Member.id))
        .where(Shift.date.between(dates[0], dates[-1]), Assignment.status != ON_LEAVE,
               unindexed(Member.deleted_at).is_null(), *in_scope)
        .order_by(Assignment.id)
        .tuples()
    )
    for shift_id, member_id, name, phone in query:
        people[shift_id].append((member_id, name, phone))
    leaders_in_full = leader_phones_in_full()

    day_index = {d: i for i, d in enumerate(dates)}
    days: list[list[list[DutyShift]]] = [[[] for _ in posts] for _ in dates]
    for (shift_id, post_id, day, start, end, headcount, notes, leader_name, leader_phone,
         leader_deleted, leader_id) in shift_rows:
        crew = people.get(shift_id, [])
        leader_name = "" if leader_deleted else (leader_name or "")
        if leader_name:  # the leader first, as the office reads a crew
            crew = sorted(crew, key=lambda person: person[1] != leader_name)

        def shown_phone(phone: str | None, is_leader: bool) -> str:
            return (phone or "") if is_leader and leaders_in_full else mask_phone(phone or "")

        days[day_index[day]][column[post_id]].append(DutyShift(
            start=_hhmm(start), end=_hhmm(end), names=[name for _, name, _ in crew],
            phones=[shown_phone(phone, member_id == leader_id and bool(leader_name)) for member_id, _, phone in crew],
            leader=leader_name,
            leader_phone=shown_phone(leader_phone, True) if leader_name else "", needed=headcount,
            notes=notes or "",
        ))
    office = get_office()
    return DutySheetData(
        unit_name=office.unit_name if office else "", team_name=team_name, week_label=week_label(year, week),
        dates=dates,
        posts=[DutyPostColumn(name=p["name"], place=p["place"], kind=p["kind"], team=p["team_name"] or "")
               for p in posts],
        days=days, made_by=made_by.strip(), made_at=now or datetime.now(),
    )


def _shift_count(data: DutySheetData) -> int:
    return sum(len(cell) for row in data.days for cell in row)


@requires(PRINT)
def duty_sheet_bytes(year: int, week: int, team_id: int | None = None, made_by: str = "",
                     now: datetime | None = None, progress: Progress | None = None) -> bytes:
    """The week's duty sheet (masked) for the preview-and-print dialog; audit-logged as a print.
    `progress` hears how far the drawing is; a `Cancelled` from it stops it (nothing is logged)."""
    data = duty_sheet_data(year, week, team_id, made_by=made_by, now=now)
    pdf = build_duty_sheet(data, progress=_drawing(progress))
    audit.record("打印", "shift", "", f"打印值班表 {data.week_label}（{data.team_name}，{len(data.posts)} 个岗位，"
                                     f"{_shift_count(data)} 个班次，已脱敏）")
    return pdf


@requires(PRINT)
def duty_sheet_pdf(year: int, week: int, team_id: int | None, path: str | Path, made_by: str = "",
                   now: datetime | None = None, progress: Progress | None = None) -> DutySheetData:
    """Print the week's duty sheet (masked) to a PDF file; returns the data printed."""
    data = duty_sheet_data(year, week, team_id, made_by=made_by, now=now)
    write_verified(Path(path), build_duty_sheet(data, progress=_drawing(progress)))
    audit.record("打印", "shift", "", f"打印值班表 {data.week_label}（{data.team_name}，{len(data.posts)} 个岗位，"
                                     f"{_shift_count(data)} 个班次，已脱敏）")
    return data


def _drawing(progress: Progress | None) -> Progress | None:
    if progress is None:
        return None
    return lambda done, total, _text: progress(done, total, DRAWING)


_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
_WEEKEND_FILL = PatternFill("solid", fgColor="F4F6FA")
_TOP = Alignment(vertical="top", wrap_text=True)
_CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
_DAY_WIDTH, _POST_WIDTH, _SIGN_WIDTH, _REMARKS_WIDTH = 11, 30, 14, 18
_LINE_HEIGHT = 15  # points per line of text at 11 pt


@requires(EXPORT)
def export_week_xlsx(year: int, week: int, team_id: int | None, path: str | Path, made_by: str = "",
                     now: datetime | None = None) -> DutySheetData:
    """The same grid as the printed sheet, in an .xlsx workbook (phones masked); returns the data."""
    data = duty_sheet_data(year, week, team_id, made_by=made_by, now=now)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    columns = 1 + len(data.posts) + 2
    last = get_column_letter(columns)

    sheet["A1"] = writable(data.title)
    sheet["A1"].font = Font(bold=True, size=16)
    # Left, not centred over the merged width: on a sheet printed over several pages a centred title
    # would land on a middle page.
    sheet["A1"].alignment = Alignment(horizontal="left", vertical="center")
    sheet.merge_cells(f"A1:{last}1")
    sheet.row_dimensions[1].height = 28
    unit = f"单位：{data.unit_name}    " if data.unit_name else ""
    sheet["A2"] = writable(f"{unit}队伍：{data.team_name}    {data.week_label}（{date_range_label(data.dates)}）"
                   "    电话已脱敏")
    sheet["A2"].alignment = Alignment(vertical="center")
    sheet.merge_cells(f"A2:{last}2")

    header = [DAY_HEADER, *(_post_heading(post, data.team_name == ALL_TEAMS) for post in data.posts),
              SIGN_HEADER, REMARKS_HEADER]
    for index, text in enumerate(header, start=1):
        cell = sheet.cell(row=3, column=index, value=writable(text))
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = _CENTRED
    sheet.row_dimensions[3].height = _LINE_HEIGHT * max(text.count("\n") + 1 for text in header) + 4

    for offset, (d, cells) in enumerate(zip(data.dates, data.days, strict=True)):
        row = 4 + offset
        weekday, month_day = day_label(d)
        values = [f"{weekday}\n{month_day}", *(cell_text(cell) for cell in cells), "", ""]
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=index, value=writable(value))
            cell.border = _BORDER
            cell.alignment = _CENTRED if index == 1 or value == "—" else _TOP
            if 1 < index <= len(cells) + 1 and any(shift.missing for shift in cells[index - 2]):
                cell.font = Font(color="C00000")  # a gap, as red as on the screen
            if index == 1 and d.weekday() >= 5:
                cell.fill = _WEEKEND_FILL
        lines = max(_wrapped_lines(value, _POST_WIDTH) for value in values)
        sheet.row_dimensions[row].height = max(36, _LINE_HEIGHT * lines + 4)

    footer_row = 4 + len(data.dates) + 1
    made_at = data.made_at
    sheet.cell(row=footer_row, column=1,
               value=writable(f"制表人：{data.made_by or '__________'}    制表时间："
                              f"{format_date(made_at.date())} {made_at:%H:%M}"))
    sheet.merge_cells(f"A{footer_row}:{last}{footer_row}")

    widths = [_DAY_WIDTH, *[_POST_WIDTH] * len(data.posts), _SIGN_WIDTH, _REMARKS_WIDTH]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B4"
    # As many pages across as the printed PDF has groups of posts; the title and header on every page.
    set_page(sheet, title_rows="1:3", title_columns="A:A", pages_across=len(post_groups(len(data.posts))),
             last_row=footer_row, last_column=columns)

    buffer = io.BytesIO()
    workbook.save(buffer)
    write_verified(Path(path), buffer.getvalue())
    audit.record("导出", "shift", "", f"导出值班表 {data.week_label}（{data.team_name}，{len(data.posts)} 个岗位，"
                                     f"{_shift_count(data)} 个班次，已脱敏）")
    return data


def _post_heading(post: DutyPostColumn, show_team: bool) -> str:
    lines = [post.name]
    detail = " · ".join(text for text in (post.kind, post.place) if text)
    if detail:
        lines.append(detail)
    if show_team and post.team:
        lines.append(post.team)
    return "\n".join(lines)


def _wrapped_lines(text: str, width: float) -> int:
    """Lines a cell's text takes in a column `width` characters wide (a Chinese character counts 2)."""
    total = 0
    for line in text.split("\n"):
        units = sum(2 if ord(ch) > 0x2E7F else 1 for ch in line)
        total += max(1, -(-units // int(width)))
    return total
