"""The certificate register: its rows and events, verification of a code (有效 / 已作废 / 不存在; the code
as typed or the QR code's scanned text), and the 公示 list of the certificates issued in a period."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from peewee import JOIN

from ...db.models import Certificate, CertificateEvent, Member, Team
from ...documents.certificates import PublicityData, PublicityRow, build_publicity_pdf
from ...domain.dates import format_date
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.masking import mask_id
from ...domain.names import MIDDLE_DOT
from ...domain.text_folding import fold_fullwidth
from ...domain.vocabulary import APPOINTMENT, CARD, HONOUR, SERVICE_PROOF, VALID
from .. import audit
from ..accounts.roles import PRINT, requires
from ..records.service_hours import format_hours
from .errors import CertificateRefused
from .issuing import CODE_ALPHABET, CODE_LENGTH, certificate
from .templates import check_type, office_row

VERIFY_VALID = VALID
VERIFY_VOID = QT_TRANSLATE_NOOP("Vocabulary", "已作废")
VERIFY_UNKNOWN = QT_TRANSLATE_NOOP("Vocabulary", "不存在")

_CODE_IN_TEXT = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
_CODE_AFTER_LABEL = re.compile(r"验证码[:：]?\s*([0-9A-Z\-\s]{8,12})")


@dataclass(frozen=True)
class VerifyResult:
    status: str  # 有效 / 已作废 / 不存在
    code: str  # the code looked up, normalised
    type: str = ""
    serial: str = ""
    name_masked: str = ""
    issued_on: date | None = None
    voided_on: date | None = None
    void_reason: str = ""
    holder_name: str = ""  # in full, to compare with the paper in hand (the verify box shows it)
    id_masked: str = ""


@dataclass(frozen=True)
class CertificateRow:
    id: int
    serial: str
    type: str
    year: int
    sequence: int
    member_id: int
    name: str
    team: str
    title: str
    reason: str
    period_from: date | None
    period_to: date | None
    hours: float | None
    content: str  # 志愿服务证明: the service content; otherwise ""
    issued_on: date
    status: str  # 有效 / 作废
    void_reason: str
    voided_at: datetime | None
    verification_code: str
    pdf_sha256: str
    version: int = 1  # the stored record's (services/clients/versions.py)


@dataclass(frozen=True)
class CertificateEventRow:
    at: datetime
    action: str  # 签发 / 补打 / 作废
    username: str
    reason: str


# --- verify ----------------------------------------------------------------------------------------


def normalize_code(text: str) -> str:
    """The code inside what was typed or scanned ("k7mp-3qxa", "验证码:K7MP3QXA 编号:…"), upper case."""
    folded = fold_fullwidth(text or "").upper()
    labelled = _CODE_AFTER_LABEL.search(folded)
    if labelled:
        folded = labelled.group(1)
    compact = re.sub(r"[\s\-]", "", folded)
    if labelled and len(compact) > CODE_LENGTH:
        found = _CODE_IN_TEXT.search(compact)
        if found:
            return found.group(0)
    return compact[:CODE_LENGTH * 2]


def mask_name(name: str) -> str:
    """王小明 -> 王*明, 王明 -> 王*, 努尔买买提·西热甫 -> 努****·**甫 (the dot stays)."""
    letters = [i for i, ch in enumerate(name) if ch != MIDDLE_DOT]
    if len(letters) <= 1:
        return name
    keep = {letters[0]} if len(letters) == 2 else {letters[0], letters[-1]}
    return "".join(ch if i in keep or ch == MIDDLE_DOT else "*" for i, ch in enumerate(name))


_SERIAL = re.compile(r"^(\D+?)\s*[〔\[(（【]\s*(\d{4})\s*[〕\])）】]\s*第?\s*0*(\d{1,6})\s*号?$")


def serial_as_written(text: str) -> str | None:
    """A serial as typed ("夏派荣[2026]第1号", "夏派荣（2026）0001") in the form it is issued in
    ("夏派荣〔2026〕第0001号"); None when the text is not shaped like one."""
    found = _SERIAL.match(fold_fullwidth(text or "").strip())
    if not found:
        return None
    prefix, year, sequence = found.groups()
    return f"{prefix.strip()}〔{year}〕第{int(sequence):04d}号"


def verify(code: str) -> VerifyResult:
    """有效 / 已作废 / 不存在 for a verification code (as typed or scanned) or a certificate's serial."""
    normalized = normalize_code(code)
    query = Certificate.select(Certificate, Member.name, Member.id_number).join(Member)
    row = None
    if len(normalized) == CODE_LENGTH:
        row = query.where(Certificate.verification_code == normalized).objects().first()
    serial = serial_as_written(code) if row is None else None
    if serial is not None:
        row = query.where(Certificate.serial == serial).objects().first()
    if row is None:
        return VerifyResult(VERIFY_UNKNOWN, normalized)
    return VerifyResult(
        VERIFY_VALID if row.status == VALID else VERIFY_VOID, row.verification_code if serial else normalized,
        row.type, row.serial, mask_name(row.name), row.issued_on, row.voided_at.date() if row.voided_at else None,
        row.void_reason, row.name, mask_id(row.id_number or ""),
    )


# --- register and 公示 -----------------------------------------------------------------------------


def _content_text(content: str) -> str:
    if content.strip().startswith("{"):
        try:
            return str(json.loads(content).get("content", ""))
        except (ValueError, AttributeError):
            return ""
    return content


def register(date_from: date | None = None, date_to: date | None = None, cert_type: str | None = None, *,
             member_id: int | None = None, status: str | None = None) -> list[CertificateRow]:
    """Certificates issued in the period (inclusive; None = unbounded), voided ones included unless
    `status` says otherwise; in the order they were issued."""
    query = (Certificate.select(Certificate, Member.name, Team.name.alias("team_name"))
             .join(Member).join(Team, JOIN.LEFT_OUTER))
    conditions = []
    if date_from is not None:
        conditions.append(Certificate.issued_on >= date_from)
    if date_to is not None:
        conditions.append(Certificate.issued_on <= date_to)
    if cert_type is not None:
        check_type(cert_type)
        conditions.append(Certificate.type == cert_type)
    if member_id is not None:
        conditions.append(Certificate.member == member_id)
    if status is not None:
        conditions.append(Certificate.status == status)
    if conditions:
        query = query.where(*conditions)
    query = query.order_by(Certificate.issued_on, Certificate.id)
    return [
        CertificateRow(
            r.id, r.serial, r.type, r.year, r.sequence, r.member_id, r.name,
            getattr(r, "team_name", None) or "", r.title, r.reason, r.period_from, r.period_to,
            r.hours_snapshot, _content_text(r.content), r.issued_on, r.status, r.void_reason, r.voided_at,
            r.verification_code, r.pdf_sha256, r.version,
        )
        for r in query.objects()
    ]


def certificate_row(certificate_id: int) -> CertificateRow:
    row = certificate(certificate_id)
    rows = register(row.issued_on, row.issued_on, row.type, member_id=row.member_id)
    return next(r for r in rows if r.id == certificate_id)


def events(certificate_id: int) -> list[CertificateEventRow]:
    rows = (CertificateEvent.select().where(CertificateEvent.certificate == certificate_id)
            .order_by(CertificateEvent.at, CertificateEvent.id))
    return [CertificateEventRow(r.at, r.action, r.username, r.reason) for r in rows]


PUBLICITY_TYPES = (HONOUR, APPOINTMENT)


@requires(PRINT)
def publicity_pdf(date_from: date, date_to: date, *, posted_on: date | None = None,
                  cert_types: Iterable[str] = PUBLICITY_TYPES) -> bytes:
    """The 公示 list of the valid certificates issued in the period, for the seven-day posting from
    `posted_on` (default today). By default honours and appointments, the ones a posting is for; a
    志愿服务证明 or an 义警证 is listed only when asked for in `cert_types`."""
    if date_to < date_from:
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "结束日期不能早于开始日期"))
    office = office_row()
    if office is None or not office.unit_name.strip():
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "请先在“单位信息”中填写单位名称"))
    wanted = set(cert_types)
    rows = [r for r in register(date_from, date_to, status=VALID) if r.type in wanted]
    data = PublicityData(
        unit_name=office.unit_name, date_from=date_from, date_to=date_to, posted_on=posted_on or date.today(),
        rows=[PublicityRow(r.serial, r.type, r.name, r.team, _publicity_title(r), r.reason if r.type == HONOUR
                           else "", r.issued_on) for r in rows],
        contact_phone=office.contact_phone, address=office.address,
    )
    pdf = build_publicity_pdf(data)
    audit.record("打印", "certificate", "", f"证书公示名单（{len(rows)}份）")
    return pdf


def _publicity_title(row: CertificateRow) -> str:
    if row.type == HONOUR:
        return row.title
    if row.type == SERVICE_PROOF and row.hours is not None:
        return f"志愿服务{format_hours(row.hours)}小时"
    if row.type in (APPOINTMENT, CARD) and row.period_to:
        label = "聘期至" if row.type == APPOINTMENT else "有效期至"
        return f"{label}{format_date(row.period_to)}"
    return row.title
