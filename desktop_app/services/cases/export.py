"""Dispute cases to a USB stick: each case's one-page summary as PDF, on request its whole 卷宗 as PDF
beside it, the register of the chosen cases as `案件登记表.xlsx`, and the manifest, written by usb_export
(temp name, fsync, rename, read back).

Masked by default (DESIGN.md §5); `full=True` is an administrator's choice for legal originals. Every
export, also a failed or cancelled one, is audit-logged: what, how many, where, masked or not.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ...db.models import Case, Party
from ...documents.xlsx_page import set_page
from ...domain.dates import format_date
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.masking import mask_id, mask_phone
from ...domain.text_hygiene import writable
from ...domain.vocabulary import PUBLIC_SECURITY_MEDIATION
from .. import audit
from ..accounts.roles import EXPORT, FULL_FORM, require
from ..files.usb_export import ExportFailed, Manifest, safe_file_name, write_files_safely
from ..office.details import get_office
from ..progress import Progress
from .document_data import case_document_data
from .register import CaseFilter, fetch_case_rows, search_case_ids
from .workflow import case_outcomes

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # typing.TypeIs is Python 3.13

FOLDER_PREFIX = "纠纷案件导出"
DOSSIER_SUFFIX = "卷宗"
REGISTER_FILE = "案件登记表.xlsx"
SHEET_TITLE = "案件登记表"
REGISTER_COLUMNS = ["序号", "案件编号", "受理日期", "调解类型", "纠纷类别", "案件来源", "当事人", "当事人身份证号",
                    "当事人联系电话", "调解员", "状态", "办理期限", "是否超期", "调解结果", "协议金额（元）", "结案日期"]
_WIDTHS = [6, 26, 12, 10, 12, 12, 36, 44, 30, 24, 10, 12, 9, 12, 14, 12]
_DATE_COLUMNS = {"受理日期", "办理期限", "结案日期"}
_IN_CHUNK = 500

Period = tuple[date, date]


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    case_count: int
    files: list[str]  # the files written, manifest excluded
    masked: bool
    manifest: Manifest
    without_dossier: list[str] = field(default_factory=list)  # numbers of 人民调解 cases given to no 调委会


def selected_case_ids(selection: Sequence[int] | Period, today: date | None = None) -> list[int]:
    """Chosen case ids (deleted ones left out), or the cases received in a period, oldest first."""
    if _is_period(selection):
        start, end = selection
        if end < start:
            raise ValueError(QT_TRANSLATE_NOOP("Messages", "结束日期不能早于开始日期"))
        return search_case_ids(CaseFilter(date_from=start, date_to=end), descending=False, today=today)
    ids = list(dict.fromkeys(int(i) for i in selection))
    live: set[int] = set()
    for offset in range(0, len(ids), _IN_CHUNK):
        live.update(i for (i,) in Case.select(Case.id).where(
            Case.id.in_(ids[offset:offset + _IN_CHUNK]), Case.deleted_at.is_null()).tuples())
    return [i for i in ids if i in live]


def _is_period(selection: object) -> TypeIs[Period]:
    return (isinstance(selection, tuple) and len(selection) == 2
            and all(isinstance(d, date) for d in selection))


def export_cases(
    selection: Sequence[int] | Period,
    target_dir: Path | str,
    full: bool = False,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    today: date | None = None,
    now: datetime | None = None,
    dossiers: bool = False,
) -> ExportResult:
    """Write the summaries (and with `dossiers` each case's 卷宗 too), the register and the manifest into a
    new folder in `target_dir`.

    `selection`: case ids, or a (from, to) period of received dates. `progress(done, total, file)` is
    called before each file and may raise to cancel. Raises `ExportFailed` with a Chinese message."""
    require(FULL_FORM if full else EXPORT)
    today = today or date.today()
    masked = not full
    form = "脱敏" if masked else "完整身份信息"
    case_ids = selected_case_ids(selection, today)
    if not case_ids:
        raise ExportFailed(QT_TRANSLATE_NOOP("Messages", "所选范围内没有案件，没有导出任何文件。"))
    numbers = _numbers(case_ids)
    files: list[tuple[str, Callable[[], bytes]]] = []
    used: set[str] = set()
    without: list[str] = []
    assigned = _dossier_ready(case_ids) if dossiers else set()
    for case_id in case_ids:
        name = safe_file_name(f"{numbers.get(case_id) or f'案件{case_id}'}.pdf")
        if name in used or name == REGISTER_FILE:
            name = safe_file_name(f"{name[:-4]}-{case_id}.pdf")
        used.add(name)
        files.append((name, _summary_maker(case_id, masked, today)))
        if dossiers and case_id in assigned:
            files.append((safe_file_name(f"{name[:-4]}-{DOSSIER_SUFFIX}.pdf"), _dossier_maker(case_id, masked, today)))
        elif dossiers:
            without.append(numbers.get(case_id) or f"案件{case_id}")
    files.append((REGISTER_FILE, lambda: build_register_xlsx(case_ids, masked, today)))

    dossier_count = len(case_ids) - len(without) if dossiers else 0
    what = (f"纠纷案件{len(case_ids)}件（案件摘要PDF {len(case_ids)}份、"
            + (f"卷宗PDF {dossier_count}份、" if dossiers else "") + f"{REGISTER_FILE}）")
    try:
        manifest = write_files_safely(target_dir, files, progress, cancel, folder_prefix=FOLDER_PREFIX,
                                      title=f"纠纷案件导出（{len(case_ids)}件）", masked=masked, now=now)
    except BaseException as exc:
        reason = exc.message if isinstance(exc, ExportFailed) else "已取消"
        audit.record("导出失败", "case", "", f"{what}，{form}，目标：{target_dir}；未完成：{reason}")
        raise
    audit.record("导出", "case", "", f"{what}，{form}，位置：{manifest.folder}")
    return ExportResult(folder=manifest.folder, case_count=len(case_ids),
                        files=[e.name for e in manifest.entries], masked=masked, manifest=manifest,
                        without_dossier=without)


def _numbers(case_ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start in range(0, len(case_ids), _IN_CHUNK):
        out.update(Case.select(Case.id, Case.number).where(
            Case.id.in_(case_ids[start:start + _IN_CHUNK])).tuples())
    return out


def _dossier_ready(case_ids: list[int]) -> set[int]:
    """The cases whose 卷宗 can be made: 治安调解, and 人民调解 given to a 调委会."""
    ready: set[int] = set()
    for start in range(0, len(case_ids), _IN_CHUNK):
        ready.update(i for (i,) in Case.select(Case.id).where(
            Case.id.in_(case_ids[start:start + _IN_CHUNK]),
            (Case.kind == PUBLIC_SECURITY_MEDIATION) | Case.body.is_null(False)).tuples())
    return ready


def _dossier_maker(case_id: int, masked: bool, today: date) -> Callable[[], bytes]:
    def build() -> bytes:
        from ...documents.dossier import build_dossier

        return build_dossier(case_document_data(case_id, masked, today, audit_full=False))

    return build


def _summary_maker(case_id: int, masked: bool, today: date) -> Callable[[], bytes]:
    def build() -> bytes:
        from ...documents.case_documents import build_case_summary

        return build_case_summary(case_document_data(case_id, masked, today, audit_full=False))

    return build


# --- the register as a workbook ------------------------------------------------------------------


def _identity_columns(case_ids: list[int], masked: bool) -> dict[int, tuple[str, str]]:
    """Per case: "name ID；…" and "name phone；…" of the parties who have them."""
    ids: dict[int, list[str]] = {}
    phones: dict[int, list[str]] = {}
    for start in range(0, len(case_ids), _IN_CHUNK):
        query = (Party.select(Party.case, Party.name, Party.id_number, Party.phone)
                 .where(Party.case.in_(case_ids[start:start + _IN_CHUNK]))
                 .order_by(Party.case, Party.position, Party.id).tuples())
        for case_id, name, id_number, phone in query:
            if id_number:
                ids.setdefault(case_id, []).append(f"{name} {mask_id(id_number) if masked else id_number}")
            if phone:
                phones.setdefault(case_id, []).append(f"{name} {mask_phone(phone) if masked else phone}")
    return {c: ("；".join(ids.get(c, [])), "；".join(phones.get(c, []))) for c in case_ids}


def build_register_xlsx(case_ids: Sequence[int], masked: bool = True, today: date | None = None) -> bytes:
    """The register of these cases (in this order) as .xlsx bytes; ID numbers and phones masked unless
    `masked=False` (an administrator's choice)."""
    require(EXPORT if masked else FULL_FORM)
    today = today or date.today()
    case_ids = list(case_ids)
    rows = fetch_case_rows(case_ids, today)
    outcomes = case_outcomes(case_ids)
    identity = _identity_columns(case_ids, masked)
    extra: dict[int, tuple[Decimal | None, date | None]] = {}
    for start in range(0, len(case_ids), _IN_CHUNK):
        extra.update((i, (amount, closed)) for i, amount, closed in Case.select(
            Case.id, Case.agreement_amount, Case.closed_on).where(
            Case.id.in_(case_ids[start:start + _IN_CHUNK])).tuples())

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    office = get_office()
    received = [r.received_on for r in rows]
    period = f"（{format_date(min(received))}至{format_date(max(received))}）" if received else ""
    sheet.append([writable(f"{office.unit_name if office else ''}纠纷案件登记表{period}")])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(REGISTER_COLUMNS))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    note = "个人信息已脱敏" if masked else "含完整个人信息，请妥善保管"
    sheet.append([f"共{len(rows)}件；制表日期：{format_date(today)}；{note}"])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(REGISTER_COLUMNS))
    sheet.append(REGISTER_COLUMNS)
    thin = Side(style="thin", color="999999")
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F0")
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for index, row in enumerate(rows, start=1):
        amount, closed = extra.get(row.id, (None, None))
        id_text, phone_text = identity.get(row.id, ("", ""))
        sheet.append([writable(value) for value in (
            index, row.number, row.received_on, row.kind, row.category, row.source, row.parties, id_text,
            phone_text, row.mediators, row.status, row.deadline, "超期" if row.overdue else "",
            outcomes.get(row.id, ""), float(amount) if amount is not None else None, closed,
        )])
    for column, (header, width) in enumerate(zip(REGISTER_COLUMNS, _WIDTHS, strict=True), start=1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = width
        if header in _DATE_COLUMNS:
            for (cell,) in sheet.iter_rows(min_row=4, min_col=column, max_col=column):
                cell.number_format = "yyyy-mm-dd"
        if header == "协议金额（元）":
            for (cell,) in sheet.iter_rows(min_row=4, min_col=column, max_col=column):
                cell.number_format = "#,##0.00"
    sheet.freeze_panes = "C4"
    sheet.auto_filter.ref = f"A3:{get_column_letter(len(REGISTER_COLUMNS))}{max(3, len(rows) + 3)}"
    set_page(sheet, title_rows="1:3", pages_across=1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
