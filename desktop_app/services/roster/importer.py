"""Taking an office's existing roster sheet in: read (.xlsx or .csv), find the header, map the columns,
judge every row, then import the good rows in one transaction and report what happened.

Every member rule is `members.validate_member`'s; this module only turns spreadsheet cells into a
`MemberInput` and recognises what spreadsheets do to data (numbers instead of ID text, title rows,
Excel date serials, a team name merged over the rows of its members). Values shown in verdicts and
reports have ID numbers and phones masked.

Reading has limits, each refused with a message naming it before memory or time run out: the file's size,
what its .xlsx parts unpack to (a 1.5 MB file can hold a 1.5 GB cell), the sheet's used range, its rows
and the length of one cell. Workbooks are read streaming (openpyxl read_only).
"""

from __future__ import annotations

import csv
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

from ...db.database import db
from ...db.models import Member, Team
from ...documents.xlsx_page import set_page
from ...domain.dates import format_date, month_only, parse_loose_date
from ...domain.errors import FieldError
from ...domain.ethnic_groups import ETHNIC_GROUPS
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.id_numbers import looks_like_excel_damage, normalize_id_number
from ...domain.masking import mask_id, mask_phone
from ...domain.names import proposed_name
from ...domain.text_folding import fold_fullwidth
from ...domain.text_hygiene import writable
from .. import audit
from ..accounts.roles import EDIT, EXPORT, requires
from ..files.writer import write_verified
from ..progress import Progress
from ..storage.bulk import insert_rows, next_id
from .members import (
    MEMBER_FIELDS,
    LoadedMemberLookups,
    MemberInput,
    MemberInvalid,
    holder_error,
    member_input,
    validate_member,
)
from .teams import NAME_MAX as TEAM_NAME_MAX
from .teams import TeamInput, TeamInvalid, save_team

ADDED, UPDATED, SKIPPED, REFUSED = (
    QT_TRANSLATE_NOOP("Vocabulary", "新增"), QT_TRANSLATE_NOOP("Vocabulary", "更新"),
    QT_TRANSLATE_NOOP("Vocabulary", "跳过"), QT_TRANSLATE_NOOP("Vocabulary", "拒绝"))
ACTIONS = (ADDED, UPDATED, SKIPPED, REFUSED)
CSV_SHEET = "CSV"
HEADER_SEARCH_ROWS = 10
PROGRESS_EVERY = 200

MAX_FILE_MB = 50
MAX_UNPACKED_MB = 300  # what the parts of an .xlsx unpack to, together
MAX_SHARED_STRINGS_MB = 100  # openpyxl holds the whole table of texts in memory
MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 10_000
_MB = 1 << 20
_NO_ROW: list[object] = []  # one shared object for every empty row

FIELDS: dict[str, str] = {
    "name": "姓名", "gender": "性别", "ethnic": "民族", "id_number": "身份证号", "phone": "联系电话",
    "address": "住址", "team": "所属队伍", "join_date": "入队时间", "occupation": "职业", "skills": "技能",
    "notes": "备注", "birth_date": "出生日期", "political_status": "政治面貌",
    "insurance_expires_on": "保险到期", "emergency_contact": "紧急联系人", "emergency_phone": "紧急联系电话",
    "status": "状态",
}
DATE_FIELDS = ("join_date", "birth_date", "insurance_expires_on")
_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "队员姓名", "义警姓名", "人员姓名"),
    "gender": ("性别",),
    "ethnic": ("民族", "族别"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证", "身份证件号码", "居民身份证号码"),
    "phone": ("联系电话", "手机号", "手机", "电话", "联系方式", "手机号码", "电话号码", "移动电话"),
    "address": ("住址", "家庭住址", "地址", "现住址", "居住地址", "户籍地址", "家庭地址", "现居住地"),
    "team": ("所属队伍", "队伍", "队别", "所在队伍", "队伍名称", "所属队", "分队", "所属分队"),
    "join_date": ("入队时间", "入队日期", "加入时间", "加入日期"),
    "occupation": ("职业", "工作单位", "职业/工作单位"),
    "skills": ("技能", "特长", "技能特长", "专长", "特长技能"),
    "notes": ("备注",),
    "birth_date": ("出生日期", "出生年月", "出生年月日"),
    "political_status": ("政治面貌",),
    "insurance_expires_on": ("保险到期", "保险到期日", "保险到期时间", "保险截止日期", "保险有效期至"),
    "emergency_contact": ("紧急联系人",),
    "emergency_phone": ("紧急联系电话", "紧急联系人电话"),
    "status": ("状态", "在队状态"),
}
# Headers that mark a header row but hold nothing to import.
_IGNORED_HEADERS = ("序号", "编号", "年龄")

# Labels put in front of a validation message that does not say which column it is about.
_ERROR_LABELS = {
    "id_number": "身份证", "phone": "联系电话", "emergency_phone": "紧急联系电话", "team": "所属队伍",
    "ethnic": "民族", "gender": "性别", "name": "姓名", "status": "状态", "skills": "技能",
}
_LABEL_SHOWN = {"id_number": "身份证号码"}
_YEAR_MONTH = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?|(\d{4})(\d{2})")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")
_HEADER_NOISE = re.compile(r"[\s*:]+")
_QUOTES = "'‘’`"


def normalize_header(text: object) -> str:
    """A header cell as compared: no spaces, no "*", no bracketed hint such as "（必填）"."""
    folded = fold_fullwidth(str(text or ""))
    return _HEADER_NOISE.sub("", _BRACKETED.sub("", folded))


HEADER_ALIASES: dict[str, str] = {
    normalize_header(alias): key
    for key, aliases in _ALIASES.items()
    for alias in (*aliases, FIELDS[key])
}


class RosterImportError(ValueError):
    """The file cannot be read or mapped as it is; the message says why, in Chinese."""


@dataclass
class SheetPreview:
    sheet: str
    header_row: int  # 0-based index of the header row in the sheet
    headers: list[str]
    mapping: dict[int, str | None]  # column index → field, None = not imported
    rows: list[list[object]]  # raw cell values below the header, empty rows left out
    row_numbers: list[int] = field(default_factory=list)  # each row's number as Excel shows it
    path: str = ""


@dataclass
class RowVerdict:
    row_number: int
    values: dict[str, str]
    action: str  # 新增 / 更新 / 跳过 / 拒绝
    reasons: list[str] = field(default_factory=list)
    new_team: str | None = None


@dataclass
class ImportPlan:
    preview: SheetPreview
    verdicts: list[RowVerdict]
    update_existing: bool
    new_teams: list[str]
    counts: dict[str, int]
    mapping: dict[int, str | None] = field(default_factory=dict)
    today: date | None = None
    # row index → the values `validate_member` returned for a row judged 新增/更新: the import stores
    # them without checking the row a second time (only whether its ID number was taken since)
    checked: dict[int, dict[str, Any]] = field(default_factory=dict, repr=False)
    accept_proposed_names: bool = False  # "阿依古丽 买买提" imported as the proposed "阿依古丽·买买提"


@dataclass
class ImportReport:
    added: int
    updated: int
    skipped: int
    refused: int
    teams_created: list[str]
    rows: list[RowVerdict]


# --- reading -------------------------------------------------------------------------------------


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix in (".xls", ".et"):
        raise RosterImportError(
            QT_TRANSLATE_NOOP("Messages", "不能直接读取旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入"))
    raise RosterImportError(QT_TRANSLATE_NOOP("Messages", "只能导入 .xlsx 或 .csv 文件"))


def _check_file_size(path: Path) -> None:
    if not path.exists():
        raise RosterImportError(
            Message(QT_TRANSLATE_NOOP("Messages", "找不到文件：{path_name}"), path_name=path.name))
    size = path.stat().st_size
    if size > MAX_FILE_MB * _MB:
        raise RosterImportError(Message(QT_TRANSLATE_NOOP(
            "Messages", "文件“{path_name}”有 {size_mb} MB，超过导入上限 {max_mb} MB。"
                        "请只保留队员名单所在的工作表，或分成几个文件导入"),
            path_name=path.name, size_mb=round(size / _MB), max_mb=MAX_FILE_MB))


def _unreadable(path: Path) -> RosterImportError:
    return RosterImportError(
        Message(QT_TRANSLATE_NOOP("Messages", "无法读取文件“{path_name}”，它可能已损坏或不是 Excel 文件"),
                path_name=path.name))


def _check_unpacked_size(path: Path) -> None:
    """An .xlsx is a zip: refuse it by what it unpacks to before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise _unreadable(path) from exc
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_MB * _MB:
        raise RosterImportError(Message(QT_TRANSLATE_NOOP(
            "Messages", "文件“{path_name}”解压后有 {size_mb} MB，超过导入上限 {max_mb} MB"
                        "（可能有内容极长的单元格）。请检查表格后另存再导入"),
            path_name=path.name, size_mb=round(total / _MB), max_mb=MAX_UNPACKED_MB))
    strings = sum(p.file_size for p in parts if p.filename.lower().endswith("sharedstrings.xml"))
    if strings > MAX_SHARED_STRINGS_MB * _MB:
        raise RosterImportError(Message(QT_TRANSLATE_NOOP(
            "Messages", "文件“{path_name}”中的文字解压后有 {size_mb} MB，超过导入上限 {max_mb} MB"
                        "（可能有内容极长的单元格）。请检查表格后另存再导入"),
            path_name=path.name, size_mb=round(strings / _MB), max_mb=MAX_SHARED_STRINGS_MB))


def _open_workbook(path: Path):
    _check_file_size(path)
    _check_unpacked_size(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError) as exc:
        raise _unreadable(path) from exc


def list_sheets(path: str | Path) -> list[str]:
    path = Path(path)
    if _kind(path) == "csv":
        return [CSV_SHEET]
    workbook = _open_workbook(path)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise RosterImportError(QT_TRANSLATE_NOOP("Messages", "无法识别 CSV 文件的编码，请另存为 UTF-8 或 GBK 编码")) from exc


def _csv_rows(path: Path) -> list[list[object]]:
    _check_file_size(path)
    text = _decode(path.read_bytes())
    sample = text[:4096]
    delimiter = max(",\t;", key=sample.count)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS * 4))
    rows: list[list[object]] = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
            rows.append(_checked_row(list(row), number, path) or _NO_ROW)
    except csv.Error as exc:
        raise RosterImportError(Message(QT_TRANSLATE_NOOP(
            "Messages", "无法读取 CSV 文件“{path_name}”：第{number}行格式有误（单元格可能超过 {max_chars} 字）"),
            path_name=path.name, number=len(rows) + 1, max_chars=f"{MAX_CELL_CHARS:,}")) from exc
    return rows


def _checked_row(row: list[object], number: int, path: Path) -> list[object]:
    """The row without its trailing blanks, refused when it passes a limit."""
    row = _trimmed(row)
    if not row:
        return row
    if number > MAX_ROWS:
        raise RosterImportError(Message(QT_TRANSLATE_NOOP(
            "Messages", "“{path_name}”超过导入上限 {max_rows} 行（第{number}行还有内容）。请分成几个文件导入"),
            path_name=path.name, max_rows=f"{MAX_ROWS:,}", number=f"{number:,}"))
    if len(row) > MAX_COLUMNS:
        raise RosterImportError(Message(QT_TRANSLATE_NOOP(
            "Messages", "“{path_name}”第{number}行有内容的列超过导入上限 {max_columns} 列"
                        "（到 {last_column} 列）。请删除多余的列后再导入"),
            path_name=path.name, number=number, max_columns=MAX_COLUMNS, last_column=get_column_letter(len(row))))
    for column, value in enumerate(row, start=1):
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise RosterImportError(Message(QT_TRANSLATE_NOOP(
                "Messages", "“{path_name}”的 {cell} 单元格有 {length} 字，超过单元格上限 {max_chars} 字。"
                            "请检查该单元格后再导入"),
                path_name=path.name, cell=f"{get_column_letter(column)}{number}", length=f"{len(value):,}",
                max_chars=f"{MAX_CELL_CHARS:,}"))
    return row


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_score(row: Sequence[object]) -> int:
    return sum(
        1 for cell in row
        if not _is_blank(cell)
        and ((key := normalize_header(cell)) in HEADER_ALIASES or key in _IGNORED_HEADERS)
    )


def _find_header(rows: Sequence[Sequence[object]]) -> int | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if _header_score(row) >= 2:
            return index
    return None


def auto_mapping(headers: Sequence[str]) -> dict[int, str | None]:
    """Column → field from the usual Chinese headers; the first column naming a field wins."""
    mapping: dict[int, str | None] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        key = HEADER_ALIASES.get(normalize_header(header))
        if key is not None and key not in taken:
            taken.add(key)
            mapping[index] = key
        else:
            mapping[index] = None
    return mapping


def _preview(sheet: str, raw_rows: list[list[object]], path: Path) -> SheetPreview:
    header_index = _find_header(raw_rows)
    if header_index is None:
        header_index = next((i for i, row in enumerate(raw_rows) if not all(map(_is_blank, row))), 0)
    header_cells = raw_rows[header_index] if raw_rows else []
    body, numbers = [], []
    for offset, row in enumerate(raw_rows[header_index + 1:], start=header_index + 2):
        if all(map(_is_blank, row)):
            continue
        body.append(list(row))
        numbers.append(offset)
    width = max([len(header_cells)] + [len(_trimmed(row)) for row in body])
    headers = [str(cell).strip() if cell is not None else "" for cell in header_cells]
    headers += [""] * (width - len(headers))
    headers = headers[:width]
    body = [(row + [None] * width)[:width] for row in body]
    return SheetPreview(sheet=sheet, header_row=header_index, headers=headers, mapping=auto_mapping(headers),
                        rows=body, row_numbers=numbers, path=str(path))


def _trimmed(row: list[object]) -> list[object]:
    end = len(row)
    while end and _is_blank(row[end - 1]):
        end -= 1
    return row[:end]


def read_sheet(path: str | Path, sheet: str | None = None) -> SheetPreview:
    """Read one sheet (the first with a recognisable header when `sheet` is None) for preview and import."""
    path = Path(path)
    if _kind(path) == "csv":
        return _preview(CSV_SHEET, _csv_rows(path), path)
    workbook = _open_workbook(path)
    try:
        if sheet is None:
            names = workbook.sheetnames
            sheet = next(
                (name for name in names
                 if _find_header([list(r) for r in workbook[name].iter_rows(
                     max_row=HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS, values_only=True)]) is not None),
                names[0],
            )
        elif sheet not in workbook.sheetnames:
            raise RosterImportError(
                Message(QT_TRANSLATE_NOOP("Messages", "工作簿中没有名为“{sheet}”的工作表"), sheet=sheet))
        raw_rows = _sheet_rows(workbook[sheet], path)
        _fill_merged_cells(raw_rows, _merged_ranges(path, workbook[sheet]))
    finally:
        workbook.close()
    return _preview(sheet, raw_rows, path)


def _sheet_rows(worksheet, path: Path) -> list[list[object]]:
    """The sheet's rows, streaming: the declared used range is checked first, then each row as it comes
    (a sheet without a declared range, or one that lies about it, meets the same limits)."""
    if worksheet.max_row and worksheet.max_column and (
            worksheet.max_row > MAX_ROWS or worksheet.max_column > MAX_COLUMNS):
        used = f"A1:{get_column_letter(worksheet.max_column)}{worksheet.max_row}"
        raise RosterImportError(Message(QT_TRANSLATE_NOOP(
            "Messages", "工作表“{sheet}”的已用区域为 {used}，超过导入上限 {max_rows} 行、{max_columns} 列。"
                        "表格中可能有远处的空白格被设置过格式：请把队员名单复制到一个新的工作表后再导入"),
            sheet=worksheet.title, used=used, max_rows=f"{MAX_ROWS:,}", max_columns=MAX_COLUMNS))
    worksheet.reset_dimensions()  # rows as they are in the file, not padded to the declared range
    rows: list[list[object]] = []
    for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
        rows.append(_checked_row(list(row), number, path) or _NO_ROW)
    while rows and rows[-1] is _NO_ROW:
        rows.pop()
    return rows


_MERGE_REF = re.compile(r"([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)")


def _merged_ranges(path: Path, worksheet) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 1-based, of the sheet's merged cells: read-only
    worksheets do not give them, so the sheet's XML is scanned for its <mergeCell> elements."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils import column_index_from_string

    part = getattr(worksheet, "_worksheet_path", None)
    if not part:
        return []
    ranges = []
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part.lstrip("/")) as source:
            for _event, element in iterparse(source):
                if element.tag.endswith("}mergeCell") or element.tag == "mergeCell":
                    match = _MERGE_REF.fullmatch(element.get("ref", ""))
                    if match:
                        c1, r1, c2, r2 = match.groups()
                        ranges.append((int(r1), column_index_from_string(c1), int(r2), column_index_from_string(c2)))
                elif element.tag.endswith("}row"):
                    element.clear()
    except (KeyError, zipfile.BadZipFile, OSError, SyntaxError):
        return []
    return ranges


def _fill_merged_cells(rows: list[list[object]], ranges: list[tuple[int, int, int, int]]) -> None:
    """A merged cell's value applies to every cell it covers (a team name merged over its members)."""
    for first_row, first_col, last_row, last_col in ranges:
        if first_row > len(rows) or last_row > MAX_ROWS or last_col > MAX_COLUMNS:
            continue
        top = rows[first_row - 1]
        value = top[first_col - 1] if first_col - 1 < len(top) else None
        if _is_blank(value):
            continue
        for number in range(first_row, min(last_row, len(rows)) + 1):
            row = rows[number - 1]
            if row is _NO_ROW:
                continue  # a merged block over blank rows does not make members of them
            if len(row) < last_col:
                row.extend([None] * (last_col - len(row)))
            for column in range(first_col, last_col + 1):
                if _is_blank(row[column - 1]):
                    row[column - 1] = value


# --- judging rows --------------------------------------------------------------------------------


def _fields_by_column(mapping: dict[int, str | None], width: int) -> dict[str, int]:
    by_field: dict[str, int] = {}
    for column, key in sorted(mapping.items()):
        if key is None:
            continue
        if key not in FIELDS:
            raise ValueError(f"unknown field: {key}")
        if not 0 <= column < width:
            raise ValueError(f"column {column} outside the sheet")
        if key in by_field:
            raise RosterImportError(
                Message(QT_TRANSLATE_NOOP("Messages", "“{field}”对应了两列（{first}列和{second}列），请只保留一列"),
                        field=FIELDS[key], first=get_column_letter(by_field[key] + 1),
                        second=get_column_letter(column + 1)))
        by_field[key] = column
    if "name" not in by_field:
        raise RosterImportError(QT_TRANSLATE_NOOP("Messages", "没有找到“姓名”列，请指定哪一列是姓名"))
    return by_field


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    return str(value).strip()


def _id_cell(value: object) -> tuple[str, str | None, bool]:
    """(text to check, damage explanation or None, had a leading apostrophe)."""
    if _is_blank(value):
        return "", None, False
    if isinstance(value, bool):
        return str(value), None, False
    if isinstance(value, int):
        if len(str(value)) == 15:
            return str(value), None, False  # a 15-digit number fits a spreadsheet number exactly
        return "", looks_like_excel_damage(float(value)), False
    if isinstance(value, float):
        return "", looks_like_excel_damage(value), False
    text = str(value)
    damage = looks_like_excel_damage(text)
    if damage:
        return "", damage, False
    return text, None, fold_fullwidth(text).strip().startswith(tuple(_QUOTES))


def _reason(error: FieldError) -> str:
    label = _ERROR_LABELS.get(error.field)
    if label is None or label in error.message:
        return error.message
    return f"{_LABEL_SHOWN.get(error.field, label)}：{error.message}"


def _birth_cell(value: object, number: str, notes: list[str]) -> object:
    """The birth date column, or None when the ID number (which decides) already gives it."""
    if _is_blank(value):
        return None
    id_birth = None
    if re.fullmatch(r"[0-9]{17}[0-9X]", number):
        try:
            id_birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        except ValueError:
            id_birth = None
    text = "" if isinstance(value, int | float | date) else fold_fullwidth(str(value)).strip()
    year_month = _YEAR_MONTH.fullmatch(text) if text else None
    if year_month:
        year, month = (int(g) for g in year_month.groups() if g is not None)
        if id_birth is None:
            notes.append("出生日期只有年月，未导入")
        elif (year, month) != (id_birth.year, id_birth.month):
            notes.append("出生年月与身份证号码不符，以身份证号码为准")
        return None
    if id_birth is not None:
        try:
            typed = parse_loose_date(value)
        except FieldError:
            return value
        # "出生年月" columns formatted as year-month store the 1st of the month.
        if typed.day == 1 and (typed.year, typed.month) == (id_birth.year, id_birth.month):
            return None
    return value


def _display(values: dict[str, Any], team_name: str) -> dict[str, str]:
    shown: dict[str, str] = {}
    for key in FIELDS:
        if key == "team":
            shown[key] = team_name
            continue
        value = values.get("ethnic_code" if key == "ethnic" else key)
        if key == "ethnic":
            shown[key] = ETHNIC_GROUPS.get(value or "", value or "")
        elif key == "id_number":
            shown[key] = mask_id(value or "")
        elif key in ("phone", "emergency_phone"):
            shown[key] = mask_phone(value or "")
        elif isinstance(value, date):
            shown[key] = format_date(value)
        else:
            shown[key] = "" if value is None else str(value)
    return shown


def _raw_display(cells: dict[str, object]) -> dict[str, str]:
    shown = {key: _text(value) for key, value in cells.items()}
    if "id_number" in shown:
        shown["id_number"] = mask_id(normalize_id_number(shown["id_number"]))
    for key in ("phone", "emergency_phone"):
        if key in shown:
            shown[key] = mask_phone(shown[key])
    return shown


@dataclass
class _Context:
    by_field: dict[str, int]
    update_existing: bool
    today: date
    holders: dict[str, tuple[int, str, bool]]  # ID number → (member id, name, deleted)
    teams: dict[str, int]
    team_names: dict[int, str]
    deleted_teams: set[str]
    seen: dict[str, int] = field(default_factory=dict)  # ID number → first row having it
    extras: list[tuple[int, str]] = field(default_factory=list)  # columns mapped to nothing: (column, heading)
    accept_proposed_names: bool = False

    lookups: LoadedMemberLookups = field(default_factory=LoadedMemberLookups)

    @classmethod
    def load(cls, by_field: dict[str, int], update_existing: bool, today: date) -> _Context:
        lookups = LoadedMemberLookups()  # what validate_member asks, read once: ID numbers and teams
        holders = lookups.holders
        teams: dict[str, int] = {}
        deleted: set[str] = set()
        for team_id, name, deleted_at in Team.select(Team.id, Team.name, Team.deleted_at).tuples():
            if deleted_at is None:
                teams[name] = team_id
            else:
                deleted.add(name)
        return cls(by_field, update_existing, today, holders, teams, {v: k for k, v in teams.items()}, deleted,
                   lookups=lookups)

    def id_number_of(self, row: Sequence[object]) -> str:
        column = self.by_field.get("id_number")
        if column is None:
            return ""
        text, damage, _quoted = _id_cell(row[column] if column < len(row) else None)
        return "" if damage else normalize_id_number(text)


@dataclass
class _Judged:
    verdict: RowVerdict
    data: MemberInput | None = None
    member_id: int | None = None  # the member to update
    values: dict[str, Any] | None = None  # as validate_member returned them


def _judge(row_number: int, row: Sequence[object], ctx: _Context, validate: bool = True) -> _Judged:
    cells = {key: row[column] if column < len(row) else None for key, column in ctx.by_field.items()}
    refusals: list[str] = []
    notes: list[str] = []

    id_text, damage, quoted = _id_cell(cells.get("id_number"))
    if damage:
        refusals.append(damage)
    if quoted:
        notes.append("身份证号码前带有撇号（'），已自动去掉")
    number = normalize_id_number(id_text) if id_text else ""
    if number:
        first = ctx.seen.setdefault(number, row_number)
        if first != row_number:
            refusals.append(f"与第{first}行身份证号码重复")
            id_text = ""

    team_name = re.sub(r"\s+", " ", _text(cells.get("team")))
    team_id, new_team = None, None
    if team_name:
        if team_name in ctx.teams:
            team_id = ctx.teams[team_name]
        elif team_name in ctx.deleted_teams:
            refusals.append(f"所属队伍：队伍“{team_name}”已被删除，不能导入到该队伍")
        elif len(team_name) > TEAM_NAME_MAX:
            refusals.append(f"所属队伍：队伍名称不能超过{TEAM_NAME_MAX}个字")
        else:
            new_team = team_name

    holder = ctx.holders.get(number) if number and id_text and not refusals else None
    member_id = None
    if holder is not None:
        holder_id, holder_name, holder_deleted = holder
        if holder_deleted or not ctx.update_existing:
            reason = (f"该号码属于已删除的队员“{holder_name}”，如需导入请先恢复该队员" if holder_deleted
                      else f"已有队员“{holder_name}”使用此号码，按设置跳过")
            return _Judged(RowVerdict(row_number, _raw_display(cells), SKIPPED, refusals + notes + [reason]))
        member_id = holder_id

    data = member_input(Member.get_by_id(member_id)) if member_id is not None else MemberInput()
    for key, value in cells.items():
        if key == "team":
            continue
        if key == "id_number":
            value = id_text
        elif key == "birth_date":
            value = _birth_cell(value, number, notes)
        elif key == "name" and ctx.accept_proposed_names:
            proposal = proposed_name(_text(value))
            if proposal:
                notes.append(f"姓名中的空格按建议改为“·”：{proposal}")
                value = proposal
        elif key in DATE_FIELDS and (first_of_month := month_only(value)) is not None:
            notes.append(f"{FIELDS.get(key, key)}只写到月，"
                         f"按{first_of_month.year}年{first_of_month.month}月1日登记")
            value = first_of_month
        if _is_blank(value):
            continue
        if key in DATE_FIELDS:
            setattr(data, key, value if isinstance(value, int | float | date) else _text(value))
        else:
            setattr(data, key, _text(value))
    if team_name:
        data.team_id = team_id
    kept = [(heading, _text(row[column])) for column, heading in ctx.extras
            if column < len(row) and not _is_blank(row[column])]
    if kept:
        extra = "；".join(f"{heading}：{value}" for heading, value in kept)
        data.notes = f"{data.notes}\n{extra}" if data.notes.strip() else extra
        notes.append("没有对应栏目的列已写入备注：" + "、".join(heading for heading, _ in kept))

    values: dict[str, Any] | None = None
    if validate:
        try:
            values = validate_member(data, member_id, ctx.today, ctx.lookups)
        except MemberInvalid as exc:
            refusals.extend(_reason(error) for error in exc.errors)
    if refusals:
        return _Judged(RowVerdict(row_number, _raw_display(cells), REFUSED, refusals + notes))

    shown_team = team_name or ctx.team_names.get(data.team_id or 0, "")
    shown = _display(values, shown_team) if values is not None else _raw_display(cells)
    action = ADDED if member_id is None else UPDATED
    if new_team:
        notes.append(f"将新建队伍“{new_team}”")
    return _Judged(RowVerdict(row_number, shown, action, notes, new_team), data, member_id, values)


def _counts(verdicts: Sequence[RowVerdict]) -> dict[str, int]:
    counts = dict.fromkeys(ACTIONS, 0)
    for verdict in verdicts:
        counts[verdict.action] += 1
    return counts


def _report_progress(progress: Progress | None, index: int, total: int, stage: str) -> None:
    if progress is not None and index % PROGRESS_EVERY == 0:
        progress(index, total, f"{stage}（{index}/{total}）")


def plan_import(
    preview: SheetPreview,
    mapping: dict[int, str | None] | None = None,
    update_existing: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    accept_proposed_names: bool = False,
) -> ImportPlan:
    """Judge every row without changing anything; raises `RosterImportError` if there is no 姓名 column.
    Columns mapped to nothing go into the member's 备注 (said in each row's notes); with
    `accept_proposed_names`, a space between two name parts becomes the proposed "·"."""
    mapping = dict(preview.mapping if mapping is None else mapping)
    today = today or date.today()
    ctx = _Context.load(_fields_by_column(mapping, len(preview.headers)), update_existing, today)
    ctx.extras, ctx.accept_proposed_names = unmapped_columns(preview, mapping), accept_proposed_names
    numbers = _row_numbers(preview)
    verdicts: list[RowVerdict] = []
    checked: dict[int, dict[str, Any]] = {}
    total = len(preview.rows)
    for index, (row_number, row) in enumerate(zip(numbers, preview.rows, strict=True)):
        _report_progress(progress, index, total, QT_TRANSLATE_NOOP("Messages", "正在检查"))
        judged = _judge(row_number, row, ctx)
        verdicts.append(judged.verdict)
        if judged.values is not None and judged.verdict.action in (ADDED, UPDATED):
            checked[index] = judged.values
    if progress is not None:
        progress(total, total, QT_TRANSLATE_NOOP("Messages", "检查完成"))
    new_teams = list(dict.fromkeys(v.new_team for v in verdicts if v.new_team))
    return ImportPlan(preview, verdicts, update_existing, new_teams, _counts(verdicts), mapping, today, checked,
                      accept_proposed_names)


ROW_NUMBER_HEADINGS = frozenset({"序号", "序", "编号", "行号", "no", "no.", "#"})  # the sheet's own numbering


def unmapped_columns(preview: SheetPreview, mapping: dict[int, str | None]) -> list[tuple[int, str]]:
    """The columns with a heading that map to no field (服装尺码, 车牌号 …): kept in 备注, never dropped
    (the sheet's own row numbers aside, and a column the user chose not to import)."""
    return [(column, str(heading).strip()) for column, heading in enumerate(preview.headers)
            if mapping.get(column) is None and preview.mapping.get(column) is None and str(heading or "").strip()
            and normalize_header(heading).lower() not in ROW_NUMBER_HEADINGS]


def _row_numbers(preview: SheetPreview) -> list[int]:
    if len(preview.row_numbers) == len(preview.rows):
        return preview.row_numbers
    return list(range(preview.header_row + 2, preview.header_row + 2 + len(preview.rows)))


# --- importing -----------------------------------------------------------------------------------


@requires(EDIT)
def run_import(plan: ImportPlan, progress: Progress | None = None) -> ImportReport:
    """Import the rows judged 新增/更新, all in one transaction, with one audit entry listing the members
    added. Each row keeps the values its check in `plan_import` gave (a row the plan has none for is checked
    here); what may have changed since — whether its ID number was taken, its new team — is asked again.

    `progress(rows done, rows, text)`; if it raises (`Cancelled`, the way a cancel arrives), everything is
    rolled back and the exception propagates: the database is as it was before.
    """
    preview = plan.preview
    today = plan.today or date.today()
    total = len(preview.rows)
    final: list[RowVerdict] = []
    teams_created: list[str] = []
    added: list[tuple[int, tuple[Any, ...]]] = []  # (index in final, the row's values)
    with db.atomic():
        ctx = _Context.load(_fields_by_column(plan.mapping or preview.mapping, len(preview.headers)),
                            plan.update_existing, today)
        first_id = next_id(Member)
        ctx.extras = unmapped_columns(preview, plan.mapping or preview.mapping)
        ctx.accept_proposed_names = plan.accept_proposed_names
        rows = zip(_row_numbers(preview), preview.rows, plan.verdicts, strict=True)
        for index, (row_number, row, planned) in enumerate(rows):
            _report_progress(progress, index, total, QT_TRANSLATE_NOOP("Messages", "正在导入"))
            if planned.action not in (ADDED, UPDATED):
                number = ctx.id_number_of(row)
                if number:
                    ctx.seen.setdefault(number, row_number)
                final.append(planned)
                continue
            judged = _judge(row_number, row, ctx, validate=False)
            verdict = judged.verdict
            new_team = verdict.new_team
            if judged.data is not None and new_team:
                team_id = ctx.teams.get(new_team)
                if team_id is None:
                    try:
                        team_id = save_team(TeamInput(name=new_team))
                    except TeamInvalid as exc:
                        verdict = _refused(verdict, [f"所属队伍：{e.message}" for e in exc.errors])
                    else:
                        ctx.teams[new_team] = team_id
                        ctx.team_names[team_id] = new_team
                        ctx.lookups.teams.add(team_id)
                        teams_created.append(new_team)
                judged.data.team_id = team_id
            if judged.data is not None and verdict.action in (ADDED, UPDATED):
                values = _values_to_store(plan, index, judged, ctx, today)
                if isinstance(values, list):
                    verdict = _refused(verdict, values)
                else:
                    if judged.member_id is None:
                        member_id = first_id + len(added)
                        added.append((len(final), tuple(values[key] for key in MEMBER_FIELDS)))
                        ctx.lookups.add(member_id, values)
                    else:
                        Member.update(**values, updated_at=datetime.now(), **Member.bumped()).where(
                            Member.id == judged.member_id).execute()
                    verdict = RowVerdict(row_number, planned.values, verdict.action, verdict.reasons,
                                         verdict.new_team)
            final.append(verdict)
        ids = insert_rows(Member, MEMBER_FIELDS, (values for _, values in added), first_id)
        counts = _counts(final)
        audit.record(
            "导入", "member", "",
            f"导入花名册：新增{counts[ADDED]}人，更新{counts[UPDATED]}人，跳过{counts[SKIPPED]}人，"
            f"拒绝{counts[REFUSED]}人，新建队伍{len(teams_created)}个" + (f"；新增队员编号 {_id_ranges(ids)}" if ids else ""),
        )
        if progress is not None:
            progress(total, total, QT_TRANSLATE_NOOP("Messages", "导入完成"))
    return ImportReport(counts[ADDED], counts[UPDATED], counts[SKIPPED], counts[REFUSED], teams_created, final)


def _values_to_store(plan: ImportPlan, index: int, judged: _Judged, ctx: _Context,
                     today: date) -> dict[str, Any] | list[str]:
    """The row's values as its check gave them, or the reasons it is refused now."""
    assert judged.data is not None
    values = plan.checked.get(index)
    if values is None:
        try:
            return validate_member(judged.data, judged.member_id, today, ctx.lookups)
        except MemberInvalid as exc:
            return [_reason(error) for error in exc.errors]
    values = dict(values, team=judged.data.team_id)
    taken = holder_error(values["id_number"], judged.member_id, ctx.lookups) if values["id_number"] else None
    return [_reason(taken)] if taken is not None else values


def _id_ranges(ids: Sequence[int]) -> str:
    """1001–1100、1205: the ids as runs (an import's new members are numbered one after another)."""
    runs: list[list[int]] = []
    for ident in ids:
        if runs and ident == runs[-1][1] + 1:
            runs[-1][1] = ident
        else:
            runs.append([ident, ident])
    return "、".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def _refused(verdict: RowVerdict, reasons: list[str]) -> RowVerdict:
    notes = [r for r in verdict.reasons if not r.startswith("将新建队伍")]
    return RowVerdict(verdict.row_number, verdict.values, REFUSED, reasons + notes, None)


# --- the report ----------------------------------------------------------------------------------

REPORT_COLUMNS = ("行号", "姓名", "身份证号", "结果", "原因")
_REPORT_WIDTHS = (8, 16, 22, 8, 70)


@requires(EXPORT)
def save_report_xlsx(report: ImportReport, path: str | Path) -> None:
    """One row per sheet row: 行号, 姓名, 身份证号 (masked), 结果, 原因; a second sheet with the totals."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "导入结果"
    sheet.append(list(REPORT_COLUMNS))
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
    for verdict in report.rows:
        sheet.append([writable(value) for value in (
            verdict.row_number, verdict.values.get("name", ""), verdict.values.get("id_number", ""),
            verdict.action, "；".join(verdict.reasons))])
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2, min_col=5, max_col=5):
        row[0].alignment = wrap
    for index, width in enumerate(_REPORT_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(REPORT_COLUMNS))}{len(report.rows) + 1}"
    set_page(sheet, landscape=False, title_rows="1:1")

    totals = workbook.create_sheet("汇总")
    totals.append(["项目", "数量"])
    for cell in totals[1]:
        cell.font, cell.fill = bold, fill
    for label, count in ((ADDED, report.added), (UPDATED, report.updated), (SKIPPED, report.skipped),
                         (REFUSED, report.refused), ("新建队伍", len(report.teams_created))):
        totals.append([label, count])
    if report.teams_created:
        totals.append(["新建的队伍", writable("、".join(report.teams_created))])
    totals.append(["生成时间", format_date(date.today())])
    totals.column_dimensions["A"].width = 14
    totals.column_dimensions["B"].width = 40
    set_page(totals, landscape=False)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_verified(Path(path), buffer.getvalue())
