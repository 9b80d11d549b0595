"""Certificates (issue 6): issuing (numbers, verification codes, the PDF), previews, reprints and voids.
Templates are in templates.py, what a certificate prints in content.py, the register, verification and the
公示 list in register.py, batches in batch.py.

Serial numbers: `<机关代字><类别代字>〔<年>〕第<NNNN>号`, e.g. 夏派义聘〔2024〕第0012号. The 机关代字 is the
office's case-number prefix without its trailing 调 (夏派调 → 夏派; none when the prefix is not set); the
类别代字 is 义聘 (聘书), 义荣 (荣誉证书), 义服 (志愿服务证明), 义证 (义警证). The sequence runs per type and
year (the numbering series "证书:<type>" of services/numbering.py), never lower than one already used: a
voided certificate keeps its serial, a reprint shows the same one, and no serial is ever given twice.

Verification codes: 8 characters from 23456789ABCDEFGHJKLMNPQRSTUVWXYZ (no 0/O, 1/I), random, unique. The
QR code holds "验证码:<code> 编号:<serial>"; `verify` (register.py) accepts the code as typed
or the scanned text.

What was printed is kept with the certificate (the filled-in wording, unit, signatories, border, the
service content and its lines) as JSON in `Certificate.content`, so a reprint draws the same certificate
even after the template or the office's details changed; the PDF is drawn deterministically, and a reprint
of an unchanged certificate has the SHA-256 stored at issue. The seal and the member's photo are images
and are taken as they are now.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peewee import JOIN, fn

from ...db.database import db
from ...db.models import (
    Certificate,
    CertificateEvent,
    CertificateTemplate,
    Member,
    OfficeSettings,
    Team,
    User,
)
from ...documents.certificates import CertificateData, build_certificate_pdf, build_certificates_pdf
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.id_numbers import normalize_id_number
from ...domain.masking import mask_id
from ...domain.names import normalize_name
from ...domain.ranges import as_record_id
from ...domain.vocabulary import APPOINTMENT, CARD, HONOUR, SERVICE_PROOF, VALID, VOID
from .. import audit
from ..accounts.roles import DELETE, EDIT, PRINT, requires
from ..clients.versions import check_version, save_checked
from ..files.writer import write_verified
from ..numbering import next_number
from .content import Context, Prepared, document_data, prepare, prepared_data
from .errors import CertificateRefused, refused_unless_clean
from .templates import check_type, ensure_default_templates, office_row, office_seal

TYPE_CODES = {APPOINTMENT: "义聘", HONOUR: "义荣", SERVICE_PROOF: "义服", CARD: "义证"}
COUNTER_PREFIX = "证书:"  # the numbering series of a type's serials: 证书:<type>
EVENT_ISSUE, EVENT_REPRINT, EVENT_VOID = "签发", "补打", "作废"
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 8
MAX_VOID_REASON = 200


@dataclass(frozen=True)
class IssuedCertificate:
    id: int
    serial: str
    type: str
    member_id: int
    name: str
    verification_code: str
    issued_on: date
    hours: float | None
    sha256: str
    pdf: bytes = b""  # empty in a BatchResult: the files hold them


@dataclass(frozen=True)
class MemberMatch:
    id: int
    name: str
    id_masked: str
    team: str
    status: str


# --- members ---------------------------------------------------------------------------------------


def find_members(text: str) -> list[MemberMatch]:
    """Members (not deleted) by full ID number, or else by exact name."""
    value = (text or "").strip()
    number = normalize_id_number(value)
    query = Member.select(Member, Team.name.alias("team_name")).join(Team, JOIN.LEFT_OUTER)
    if len(number) == 18 and number[:17].isdigit():
        query = query.where(Member.id_number == number)
    else:
        query = query.where(Member.name == normalize_name(value))
    rows = query.where(Member.deleted_at.is_null()).order_by(Member.id).objects()
    return [MemberMatch(m.id, m.name, mask_id(m.id_number or ""), getattr(m, "team_name", None) or "",
                        m.status) for m in rows]


# --- the issuing context ---------------------------------------------------------------------------


def _current_handler() -> str:
    username = _username()
    if not username:
        return ""
    user = User.get_or_none(User.username == username)
    return (user.display_name or user.username) if user else ""


def _username() -> str:
    return audit.current_user()


def context(cert_type: str, template_id: int | None, handler: str | None) -> Context:
    check_type(cert_type)
    office = office_row()
    if office is None or not office.unit_name.strip():
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "请先在“单位信息”中填写单位名称，再签发证书"))
    ensure_default_templates()
    if template_id is None:
        template = (CertificateTemplate.select().where(CertificateTemplate.type == cert_type)
                    .order_by(CertificateTemplate.is_default.desc(), CertificateTemplate.id).first())
    else:
        template = CertificateTemplate.get_or_none(CertificateTemplate.id == as_record_id(template_id))
        if template is None:
            raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "所选证书模板不存在"))
        if template.type != cert_type:
            raise CertificateRefused(
                Message(QT_TRANSLATE_NOOP("Messages", "所选模板是{type}模板，不能用于{cert_type}"),
                        type=template.type, cert_type=cert_type))
    teams = dict(Team.select(Team.id, Team.name).tuples())
    return Context(office, template, _current_handler() if handler is None else handler.strip(), teams)


def _seal_for(source: str, template_id: int | None) -> bytes | None:
    if source == "template" and template_id is not None:
        row = (CertificateTemplate.select(CertificateTemplate.seal_image)
               .where(CertificateTemplate.id == template_id).first())
        if row is not None and row.seal_image:
            return bytes(row.seal_image)
    return office_seal()


def _get_member(member_id: int) -> Member:
    member = Member.get_or_none(Member.id == as_record_id(member_id))
    if member is None:
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "所选队员不存在"))
    return member


def preview_certificate(member_id: int, cert_type: str, *, title: str = "", reason: str = "",
                        period_from: date | None = None, period_to: date | None = None,
                        template_id: int | None = None, issued_on: date | None = None,
                        handler: str | None = None) -> bytes:
    """The certificate as it would be issued, without a number or code yet; nothing is stored."""
    ctx = context(cert_type, template_id, handler)
    prep = prepare(ctx, _get_member(member_id), cert_type, title=title, reason=reason,
                   period_from=period_from, period_to=period_to, issued_on=issued_on or date.today())
    seal = _seal_for(prep.snapshot["seal"], prep.template_id)
    return build_certificate_pdf(prepared_data(prep, "", "", seal))


# --- numbers ---------------------------------------------------------------------------------------


def office_code(office: OfficeSettings | None = None) -> str:
    """夏派调 → 夏派: the office's short name in serials."""
    office = office or office_row()
    prefix = (office.case_prefix if office else "").strip()
    return prefix[:-1] if len(prefix) > 1 and prefix.endswith("调") else prefix


def format_serial(code: str, cert_type: str, year: int, sequence: int) -> str:
    return f"{code}{TYPE_CODES[cert_type]}〔{year}〕第{sequence:04d}号"


def _next_sequence(cert_type: str, year: int) -> int:
    """Take the next serial number of the type and year (call inside the issuing transaction)."""
    highest = (Certificate.select(fn.MAX(Certificate.sequence))
               .where(Certificate.type == cert_type, Certificate.year == year).scalar() or 0)
    return next_number(COUNTER_PREFIX + cert_type, year, highest)


def _new_code(taken: set[str]) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code in taken:
            continue
        if not Certificate.select().where(Certificate.verification_code == code).exists():
            taken.add(code)
            return code


# --- issuing ---------------------------------------------------------------------------------------


@requires(EDIT)
def issue_prepared(ctx: Context, prep: Prepared, taken: set[str],
                   seal_cache: dict[str, bytes | None]) -> tuple[IssuedCertificate, CertificateData]:
    year = prep.issued_on.year
    sequence = _next_sequence(prep.cert_type, year)
    serial = format_serial(office_code(ctx.office), prep.cert_type, year, sequence)
    code = _new_code(taken)
    source = prep.snapshot["seal"]
    if source not in seal_cache:
        seal_cache[source] = _seal_for(source, prep.template_id)
    data = prepared_data(prep, serial, code, seal_cache[source])
    pdf = build_certificate_pdf(data)
    digest = hashlib.sha256(pdf).hexdigest()
    row = Certificate.create(
        serial=serial, type=prep.cert_type, year=year, sequence=sequence, member=prep.member.id,
        template=prep.template_id, title=prep.title, reason=prep.reason, period_from=prep.period_from,
        period_to=prep.period_to, hours_snapshot=prep.hours,
        content=json.dumps(prep.snapshot, ensure_ascii=False), issued_on=prep.issued_on, status=VALID,
        verification_code=code, pdf_sha256=digest,
    )
    CertificateEvent.create(certificate=row.id, action=EVENT_ISSUE, username=_username())
    audit.record("签发", "certificate", row.uuid, f"签发{prep.cert_type}{serial}")
    issued = IssuedCertificate(row.id, serial, prep.cert_type, prep.member.id, prep.member.name, code,
                               prep.issued_on, prep.hours, digest, pdf)
    return issued, data


@requires(EDIT)
def issue_certificate(member_id: int, cert_type: str, *, title: str = "", reason: str = "",
                      period_from: date | None = None, period_to: date | None = None,
                      template_id: int | None = None, issued_on: date | None = None,
                      handler: str | None = None) -> IssuedCertificate:
    """Issue one certificate: number, code, PDF and its SHA-256, event 签发, audit; one transaction.

    `handler` (经办人) defaults to the current operator's display name. Raises CertificateRefused."""
    with db.atomic():
        ctx = context(cert_type, template_id, handler)
        prep = prepare(ctx, _get_member(member_id), cert_type, title=title, reason=reason,
                       period_from=period_from, period_to=period_to, issued_on=issued_on or date.today())
        issued, _data = issue_prepared(ctx, prep, set(), {})
    return issued


def write_pdf(path: Path | str, data: bytes) -> Path:
    """Write a PDF through the verified writer (for batches and the command line); `FileWriteError`."""
    return write_verified(Path(path), data).path


# --- reprint and void ------------------------------------------------------------------------------


def _snapshot(row: Certificate) -> dict[str, Any]:
    try:
        snapshot = json.loads(row.content) if row.content.strip().startswith("{") else None
    except ValueError:
        snapshot = None
    if isinstance(snapshot, dict) and snapshot.get("v") == 1:
        return snapshot
    # A certificate without a kept snapshot (made elsewhere): draw it from today's default template.
    return _snapshot_from_template(context(row.type, None, ""), row)


def _snapshot_from_template(ctx: Context, row: Certificate) -> dict[str, Any]:
    member = Member.get_by_id(row.member_id)
    try:
        prep = prepare(ctx, member, row.type, title=row.title, reason=row.reason,
                       period_from=row.period_from, period_to=row.period_to, issued_on=row.issued_on)
        return prep.snapshot
    except CertificateRefused:
        return {"v": 1, "paragraphs": [row.content] if row.content else [], "unit": ctx.office.unit_name,
                "border": ctx.template.border_style, "seal": "office"}


def _row_data(row: Certificate) -> CertificateData:
    snapshot = _snapshot(row)
    member = Member.get_by_id(row.member_id)
    photo = bytes(member.photo) if row.type == CARD and member.photo else None
    return document_data(row.type, member.name, snapshot, issued_on=row.issued_on, serial=row.serial,
                         code=row.verification_code, title=row.title, period_from=row.period_from,
                         period_to=row.period_to, photo=photo,
                         seal=_seal_for(snapshot.get("seal", "office"), row.template_id))


def certificate(certificate_id: int) -> Certificate:
    row = Certificate.get_or_none(Certificate.id == as_record_id(certificate_id))
    if row is None:
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "证书不存在"))
    return row


def render(certificate_id: int) -> bytes:
    """The issued certificate's PDF for the preview; nothing is recorded (printing it is a `reprint`).
    A voided one is drawn with 已作废 across it."""
    row = certificate(certificate_id)
    data = _row_data(row)
    return build_certificate_pdf(replace(data, voided=True) if row.status == VOID else data)


@requires(PRINT)
def reprint(certificate_id: int) -> bytes:
    """The same certificate again (same serial, code and content); event 补打. A voided one is refused."""
    return reprint_many([certificate_id])


@requires(PRINT)
def reprint_many(certificate_ids: Sequence[int]) -> bytes:
    """Several issued certificates in one file (义警证 eight to a sheet), each with its event 补打."""
    if not certificate_ids:
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "请选择要补打的证书"))
    with db.atomic():
        rows = [certificate(i) for i in certificate_ids]
        for row in rows:
            if row.status == VOID:
                raise CertificateRefused(
                    Message(QT_TRANSLATE_NOOP("Messages", "证书{serial}已作废，不能补打"), serial=row.serial))
        data = [_row_data(row) for row in rows]
        pdf = build_certificate_pdf(data[0]) if len(data) == 1 else build_certificates_pdf(data)
        for row in rows:
            CertificateEvent.create(certificate=row.id, action=EVENT_REPRINT,
                                    username=_username())
            audit.record("补打", "certificate", row.uuid, f"补打{row.type}{row.serial}")
    return pdf


@requires(DELETE)
def void(certificate_id: int, reason: str, version: int | None = None) -> None:
    """Void a certificate (reason required); its serial stays taken and its code answers 已作废. `version`:
    the one the register showed (`RecordChanged` when another PC changed the certificate since)."""
    reason = refused_unless_clean(reason, QT_TRANSLATE_NOOP("Messages", "作废原因"))
    if not reason:
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "请填写作废原因"))
    if len(reason) > MAX_VOID_REASON:
        raise CertificateRefused(
            Message(QT_TRANSLATE_NOOP("Messages", "作废原因不能超过{max_void_reason}个字"),
                    max_void_reason=MAX_VOID_REASON))
    with db.atomic():
        row = certificate(certificate_id)
        check_version(row, version)
        if row.status == VOID:
            raise CertificateRefused(
                Message(QT_TRANSLATE_NOOP("Messages", "证书{serial}已经作废"), serial=row.serial))
        row.status, row.void_reason, row.voided_at = VOID, reason, datetime.now()
        save_checked(row, version)
        CertificateEvent.create(certificate=row.id, action=EVENT_VOID, reason=reason,
                                username=_username())
        audit.record("作废", "certificate", row.uuid, f"作废{row.type}{row.serial}")
