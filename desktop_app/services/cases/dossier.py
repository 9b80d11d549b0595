"""A case's 卷宗 and the files of its documents: every document the case has reached, each as its own PDF
named by the document ("人民调解协议书.pdf"), and the whole 卷宗 as `卷宗.pdf` (documents/dossier.py binds
them in the official order). Used by the command line (`case-documents`), the USB export and the 文书 tab.
Written through the one verified writer (services/files/writer.py); masked unless the full form is asked for,
which is audit-logged once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...db.models import Case
from ...documents.case_common import case_names, title_of
from ...documents.dossier import build_dossier, reached_parts
from ...documents.layout import build_pdf
from ...documents.line_breaks import keeping
from ...domain.case_numbers import parse_case_number
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.text_folding import fold_fullwidth
from ...domain.vocabulary import PUBLIC_SECURITY_MEDIATION
from .. import audit
from ..accounts.roles import EXPORT, FULL_FORM, require
from ..files.usb_export import safe_file_name
from ..files.writer import write_verified
from ..progress import Progress, report
from .document_data import UNASSIGNED, case_document_data
from .workflow import CaseRefused

DOSSIER_FILE = "卷宗.pdf"


@dataclass(frozen=True)
class WrittenDocuments:
    folder: Path
    files: list[str]
    masked: bool


def find_case(number: str) -> Case:
    """The (not deleted) case with this number, typed with any brackets; `CaseRefused` if there is none."""
    text = fold_fullwidth(number or "").strip()
    try:
        year, prefix, sequence = parse_case_number(text)
    except ValueError as exc:
        raise CaseRefused(exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)) from None
    wanted = f"（{year}）{prefix}字第{sequence:03d}号"
    case = Case.get_or_none(Case.number == wanted)
    if case is None:
        case = next((c for c in Case.select().where(Case.year == year, Case.sequence == sequence)
                     if c.number and parse_case_number(c.number)[1] == prefix), None)
    if case is None or case.deleted_at is not None:
        raise CaseRefused(Message(QT_TRANSLATE_NOOP("Messages", "没有编号为“{number}”的案件"), number=wanted))
    return case


def document_files(case_id: int, masked: bool = True, today: date | None = None, *,
                   audit_full: bool = True) -> list[tuple[str, Callable[[], bytes]]]:
    """(file name, maker) for every document the case has reached, then the 卷宗."""
    case = Case.get_by_id(case_id)
    if case.kind != PUBLIC_SECURITY_MEDIATION and case.body_id is None:
        raise CaseRefused(UNASSIGNED)
    data = case_document_data(case_id, masked, today, audit_full=audit_full)

    def maker(make) -> Callable[[], bytes]:
        def build() -> bytes:
            with keeping(case_names(data)):
                part = make(data)
                return build_pdf(part.story, part.spec)
        return build

    files: list[tuple[str, Callable[[], bytes]]] = []
    for key, make in reached_parts(data):
        files.append((safe_file_name(f"{title_of(data, key)}.pdf"), maker(make)))
    files.append((DOSSIER_FILE, lambda: build_dossier(data)))
    return files


def write_case_documents(case_id: int, out_dir: Path | str, full: bool = False, progress: Progress | None = None,
                         today: date | None = None) -> WrittenDocuments:
    """Write every document of the case and `卷宗.pdf` into `out_dir` (made if missing), each verified; the
    full form is an administrator's (roles.FULL_FORM), the masked one an export (roles.EXPORT)."""
    require(FULL_FORM if full else EXPORT)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    case = Case.get_by_id(case_id)
    files = document_files(case_id, masked=not full, today=today, audit_full=False)
    written = []
    for index, (name, make) in enumerate(files):
        report(progress, index, len(files), name)
        write_verified(folder / name, make())
        written.append(name)
    report(progress, len(files), len(files), "")
    form = "脱敏" if not full else "完整身份信息"
    audit.record("导出", "case", case.uuid, f"案件 {case.number} 文书{len(written)}份（含卷宗，{form}），位置：{folder}")
    return WrittenDocuments(folder, written, not full)
