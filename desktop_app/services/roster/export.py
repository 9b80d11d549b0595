"""The roster out of the program: an .xlsx workbook and the printed PDF.

ID numbers, phones and addresses are masked unless the caller asks for the full form (an administrator's
choice, DESIGN.md §5). Every export and print is audit-logged with its count and form, never with
personal data. Files go through the verified writer (services/files/writer.py).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from peewee import JOIN

from ...db.models import Member, Team
from ...documents.roster_pdf import ALL_TEAMS, RosterPdfData, RosterPdfRow, build_roster_pdf
from ...documents.xlsx_page import set_page
from ...domain.dates import format_date
from ...domain.ethnic_groups import ETHNIC_GROUPS
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.masking import mask_address, mask_free_text, mask_id, mask_phone
from ...domain.text_hygiene import writable
from .. import audit
from ..accounts.roles import EXPORT, FULL_FORM, PRINT, require, requires
from ..files.writer import FileWriteError, write_verified
from ..office.details import get_office
from ..progress import DRAWING, Progress, report

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
READING = QT_TRANSLATE_NOOP("Messages", "正在读取队员…")
WRITING = QT_TRANSLATE_NOOP("Messages", "正在写入工作簿…")


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
                       title: str = "队员花名册", progress: Progress | None = None) -> int:
    """Write the members (in the given order) to an .xlsx workbook; returns the rows written. Masked
    (also ID and phone numbers inside 备注) unless `full`, which only an administrator may ask for. Nothing
    is written when `progress` raises `Cancelled`."""
    require(FULL_FORM if full else EXPORT)
    report(progress, 0, len(member_ids), READING)
    members = _members(member_ids)
    today = date.today()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C3"
    set_page(sheet, title_rows="1:2", last_row=len(members) + 2, last_column=len(EXPORT_COLUMNS))

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

    # one named style a kind of column; the members' rows are written as XML text by _body (below), each
    # cell naming its style's id, and go into the workbook openpyxl wrote around them (_with_body)
    centred = Alignment(horizontal="center", vertical="center")
    plain = Alignment(vertical="center", wrap_text=True)
    kinds = {
        "花名册-居中": dict(alignment=centred), "花名册-文字": dict(alignment=plain),
        "花名册-文本": dict(alignment=plain, number_format=TEXT_FORMAT),
        "花名册-日期": dict(alignment=plain, number_format=DATE_FORMAT),
    }
    style_ids: dict[str, int] = {}
    for name, style in kinds.items():
        workbook.add_named_style(NamedStyle(name=name, border=border, **style))
        probe = WriteOnlyCell(sheet)
        probe.style = name
        style_ids[name] = probe.style_id
    column_style = [style_ids["花名册-文本" if column in _TEXT_COLUMNS else "花名册-日期" if column in _DATE_COLUMNS
                              else "花名册-居中" if column in _CENTRED_COLUMNS else "花名册-文字"]
                    for column in EXPORT_COLUMNS]
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(EXPORT_COLUMNS))}{len(members) + 2}"

    frame = io.BytesIO()
    workbook.save(frame)
    buffer = io.BytesIO()
    _with_body(frame, buffer, _body(members, full, column_style, first_row=3, progress=progress))
    write_verified(Path(path), buffer.getvalue())
    audit.record("导出", "member", "", f"导出花名册 {len(members)} 人（{'完整信息' if full else '已脱敏'}）")
    return len(members)


_SHEET_PART = "xl/worksheets/sheet1.xml"
_END_OF_DATA = b"</sheetData>"
_ROWS_A_CHUNK = 2000


def _text_cell(ref: str, style: int, text: str) -> str:
    if not text:
        return f'<c r="{ref}" s="{style}" t="inlineStr"/>'
    space = ' xml:space="preserve"' if text.strip() != text else ""
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def _body(members: Sequence[_Member], full: bool, styles: Sequence[int], first_row: int,
          progress: Progress | None) -> Iterator[bytes]:
    """The members' rows as the sheet's XML, in chunks: what openpyxl's write-only worksheet writes for
    the same cells (inline strings, dates as day numbers in a date style, empty cells keeping their
    border), written as text instead of one element tree a cell — a tenth of the time for 1.4 million cells.
    A text is always a text here (openpyxl would make "=…" a formula)."""
    letters = [get_column_letter(index) for index in range(1, len(EXPORT_COLUMNS) + 1)]
    serials: dict[date, int] = {}

    def day(value: date | None) -> int | None:
        if value is None:
            return None
        found = serials.get(value)
        if found is None:
            found = serials[value] = int(to_excel(value))
        return found

    (s_serial, s_name, s_gender, s_ethnic, s_id, s_birth, s_phone, s_address, s_team, s_joined, s_status,
     s_skills, s_insured, s_notes) = styles
    (c_serial, c_name, c_gender, c_ethnic, c_id, c_birth, c_phone, c_address, c_team, c_joined, c_status,
     c_skills, c_insured, c_notes) = letters
    total = len(members)
    chunk: list[str] = []
    for index, m in enumerate(members):
        row = first_row + index
        dates = []
        for letter, style, value in ((c_birth, s_birth, m.birth_date), (c_joined, s_joined, m.join_date),
                                     (c_insured, s_insured, m.insurance_expires_on)):
            serial = day(value)
            dates.append(f'<c r="{letter}{row}" s="{style}"/>' if serial is None
                         else f'<c r="{letter}{row}" s="{style}" t="n"><v>{serial}</v></c>')
        chunk.append("".join((
            f'<row r="{row}"><c r="{c_serial}{row}" s="{s_serial}" t="n"><v>{index + 1}</v></c>',
            _text_cell(f"{c_name}{row}", s_name, writable(m.name)),
            _text_cell(f"{c_gender}{row}", s_gender, writable(m.gender)),
            _text_cell(f"{c_ethnic}{row}", s_ethnic, writable(m.ethnic)),
            _text_cell(f"{c_id}{row}", s_id, writable(m.id_number if full else mask_id(m.id_number))),
            dates[0],
            _text_cell(f"{c_phone}{row}", s_phone, writable(m.phone if full else mask_phone(m.phone))),
            _text_cell(f"{c_address}{row}", s_address, writable(m.address if full else mask_address(m.address))),
            _text_cell(f"{c_team}{row}", s_team, writable(m.team)),
            dates[1],
            _text_cell(f"{c_status}{row}", s_status, writable(m.status)),
            _text_cell(f"{c_skills}{row}", s_skills, writable(m.skills)),
            dates[2],
            _text_cell(f"{c_notes}{row}", s_notes, writable(m.notes if full else mask_free_text(m.notes))),
            "</row>",
        )))
        if len(chunk) == _ROWS_A_CHUNK:
            yield "".join(chunk).encode()
            chunk.clear()
            report(progress, index + 1, total, WRITING)
    if chunk:
        yield "".join(chunk).encode()
    report(progress, total, total, WRITING)


def _with_body(frame: io.BytesIO, out: io.BytesIO, body: Iterable[bytes]) -> None:
    """The workbook openpyxl saved in `frame`, with `body` added at the end of its sheet's data."""
    with zipfile.ZipFile(frame) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != _SHEET_PART:
                target.writestr(info, data, zipfile.ZIP_DEFLATED)
                continue
            end = data.rindex(_END_OF_DATA)
            sheet = zipfile.ZipInfo(info.filename, info.date_time)
            sheet.compress_type = zipfile.ZIP_DEFLATED
            with target.open(sheet, "w") as part:
                part.write(data[:end])
                for piece in body:
                    part.write(piece)
                part.write(data[end:])


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
def roster_pdf_bytes(member_ids: Sequence[int], team_name: str | None = None,
                     progress: Progress | None = None) -> bytes:
    """The printed roster (masked) for the preview-and-print dialog; audit-logged as a print. `progress`
    hears of each page; a `Cancelled` from it stops the drawing (nothing is logged)."""
    report(progress, 0, 1, READING)
    data = roster_pdf_data(member_ids, team_name)
    pdf = build_roster_pdf(data, progress=None if progress is None else
                           lambda done, total, _text: progress(done, total, DRAWING))
    audit.record("打印", "member", "", f"打印花名册 {len(data.rows)} 人（{data.team_name}，已脱敏）")
    return pdf


@requires(PRINT)
def roster_pdf(member_ids: Sequence[int], path: str | Path, team_name: str | None = None) -> int:
    """Print the members (masked) to a PDF file; returns the number of members printed."""
    data = roster_pdf_data(member_ids, team_name)
    write_verified(Path(path), build_roster_pdf(data))
    audit.record("打印", "member", "", f"打印花名册 {len(data.rows)} 人（{data.team_name}，已脱敏）")
    return len(data.rows)
