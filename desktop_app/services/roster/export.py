"""The roster out of the program: an .xlsx workbook and the printed PDF.

ID numbers, phones and addresses are masked unless the caller asks for the full form (an administrator's
choice, DESIGN.md §5). Every export and print is audit-logged with its count and form, never with
personal data. Files go through the verified writer (services/files.py).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from peewee import JOIN

from ...db.models import Member, Team
from ...documents.roster_pdf import ALL_TEAMS, RosterPdfData, RosterPdfRow, build_roster_pdf
from ...domain.dates import format_date
from ...domain.ethnic_groups import ETHNIC_GROUPS
from ...domain.masking import mask_address, mask_free_text, mask_id, mask_phone
from ...domain.text_hygiene import writable
from .. import audit
from ..files import FileWriteError, write_verified
from ..office import get_office
from ..session import EXPORT, FULL_FORM, PRINT, require, requires

EXPORT_COLUMNS = ["序号", "姓名", "性别", "民族", "身份证号", "出生日期", "联系电话", "住址", "所属队伍",
                  "入队日期", "状态", "技能", "保险到期", "备注"]
_WIDTHS = [6, 16, 6, 10, 21, 12, 14, 32, 18, 12, 7, 24, 12, 30]
_TEXT_COLUMNS = {"身份证号", "联系电话"}
_DATE_COLUMNS = {"出生日期", "入队日期", "保险到期"}
_CENTRED_COLUMNS = {"序号", "性别", "民族", "状态"}
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
SHEET_TITLE = "花名册"
_IN_CHUNK = 500


ExportError = FileWriteError  # the file could not be written; the message says why, in Chinese


@dataclass(frozen=True)
class _Member:
    name: str
    gender: str
    ethnic: str
    id_number: str
    birth_date: date | None
    phone: str
    address: str
    team: str
    join_date: date | None
    status: str
    skills: str
    insurance_expires_on: date | None
    notes: str


def _members(member_ids: Sequence[int]) -> list[_Member]:
    """The members in the order of `member_ids`; ids that do not exist are left out."""
    found: dict[int, _Member] = {}
    unique = list(dict.fromkeys(member_ids))
    for start in range(0, len(unique), _IN_CHUNK):
        query = (
            Member.select(Member.id, Member.name, Member.gender, Member.ethnic_code, Member.id_number,
                          Member.birth_date, Member.phone, Member.address, Team.name, Member.join_date,
                          Member.status, Member.skills, Member.insurance_expires_on, Member.notes)
            .join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id))
            .where(Member.id.in_(unique[start:start + _IN_CHUNK]))
            .tuples()
        )
        for (member_id, name, gender, ethnic, id_number, birth, phone, address, team, joined, status, skills,
             insured, notes) in query:
            found[member_id] = _Member(name, gender, ETHNIC_GROUPS.get(ethnic, ethnic or ""), id_number or "",
                                       birth, phone, address, team or "", joined, status, skills, insured,
                                       notes)
    return [found[i] for i in unique if i in found]


def _unit_name() -> str:
    office = get_office()
    return office.unit_name if office else ""


def export_roster_xlsx(member_ids: Sequence[int], path: str | Path, full: bool = False,
                       title: str = "队员花名册") -> int:
    """Write the members (in the given order) to an .xlsx workbook; returns the rows written. Masked
    (also ID and phone numbers inside 备注) unless `full`, which only an administrator may ask for."""
    require(FULL_FORM if full else EXPORT)
    members = _members(member_ids)
    today = date.today()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True

    form = "完整信息" if full else "身份证号、电话、住址已脱敏"
    heading = WriteOnlyCell(sheet, writable(f"{_unit_name()}{title}（{format_date(today)}导出，{form}）"))
    heading.font = Font(bold=True, size=14)
    sheet.append([heading])

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor="D9E2F3")
    header = []
    for text in EXPORT_COLUMNS:
        cell = WriteOnlyCell(sheet, text)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.append(cell)
    sheet.append(header)

    centred = Alignment(horizontal="center", vertical="center")
    plain = Alignment(vertical="center", wrap_text=True)
    for serial, member in enumerate(members, start=1):
        values = {
            "序号": serial, "姓名": member.name, "性别": member.gender, "民族": member.ethnic,
            "身份证号": member.id_number if full else mask_id(member.id_number),
            "出生日期": member.birth_date,
            "联系电话": member.phone if full else mask_phone(member.phone),
            "住址": member.address if full else mask_address(member.address),
            "所属队伍": member.team, "入队日期": member.join_date, "状态": member.status,
            "技能": member.skills, "保险到期": member.insurance_expires_on,
            "备注": member.notes if full else mask_free_text(member.notes),
        }
        row = []
        for column in EXPORT_COLUMNS:
            value = values[column]
            cell = WriteOnlyCell(sheet, writable(str(value) if column in _TEXT_COLUMNS else value))
            cell.border = border
            cell.alignment = centred if column in _CENTRED_COLUMNS else plain
            if column in _TEXT_COLUMNS:
                cell.number_format = TEXT_FORMAT
            elif column in _DATE_COLUMNS:
                cell.number_format = DATE_FORMAT
            row.append(cell)
        sheet.append(row)
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(EXPORT_COLUMNS))}{len(members) + 2}"

    buffer = io.BytesIO()
    workbook.save(buffer)
    write_verified(Path(path), buffer.getvalue())
    audit.record("导出", "member", "", f"导出花名册 {len(members)} 人（{'完整信息' if full else '已脱敏'}）")
    return len(members)


def roster_pdf_data(member_ids: Sequence[int], team_name: str | None = None,
                    today: date | None = None) -> RosterPdfData:
    """The printed roster's plain data, masked."""
    rows = [
        RosterPdfRow(
            name=m.name, gender=m.gender, ethnic=m.ethnic, team=m.team, id_number=mask_id(m.id_number),
            phone=mask_phone(m.phone), status=m.status, skills=m.skills,
            join_date=format_date(m.join_date) if m.join_date else "",
        )
        for m in _members(member_ids)
    ]
    return RosterPdfData(unit_name=_unit_name(), printed_on=today or date.today(), rows=rows,
                         team_name=team_name or ALL_TEAMS)


@requires(PRINT)
def roster_pdf_bytes(member_ids: Sequence[int], team_name: str | None = None) -> bytes:
    """The printed roster (masked) for the preview-and-print dialog; audit-logged as a print."""
    data = roster_pdf_data(member_ids, team_name)
    pdf = build_roster_pdf(data)
    audit.record("打印", "member", "", f"打印花名册 {len(data.rows)} 人（{data.team_name}，已脱敏）")
    return pdf


@requires(PRINT)
def roster_pdf(member_ids: Sequence[int], path: str | Path, team_name: str | None = None) -> int:
    """Print the members (masked) to a PDF file; returns the number of members printed."""
    data = roster_pdf_data(member_ids, team_name)
    write_verified(Path(path), build_roster_pdf(data))
    audit.record("打印", "member", "", f"打印花名册 {len(data.rows)} 人（{data.team_name}，已脱敏）")
    return len(data.rows)
