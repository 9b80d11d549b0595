"""Certificates (issue 6): templates, issuing, reprints, voids, verification, the register, 公示, batches.

Serial numbers: `<机关代字><类别代字>〔<年>〕第<NNNN>号`, e.g. 夏派义聘〔2024〕第0012号. The 机关代字 is the
office's case-number prefix without its trailing 调 (夏派调 → 夏派; none when the prefix is not set); the
类别代字 is 义聘 (聘书), 义荣 (荣誉证书), 义服 (志愿服务证明), 义证 (义警证). The sequence runs per type and
year in the Counter table (name "证书:<type>"), never lower than one already used: a voided certificate
keeps its serial, a reprint shows the same one, and no serial is ever given twice.

Verification codes: 8 characters from 23456789ABCDEFGHJKLMNPQRSTUVWXYZ (no 0/O, 1/I), random, unique. The
QR code holds "验证码:<code> 编号:<serial>"; `verify` accepts the code as typed or the scanned text.

What was printed is kept with the certificate (the filled-in wording, unit, signatories, border, the
service content and its lines) as JSON in `Certificate.content`, so a reprint draws the same certificate
even after the template or the office's details changed; the PDF is drawn deterministically, and a reprint
of an unchanged certificate has the SHA-256 stored at issue. The seal and the member's photo are images
and are taken as they are now.

A batch is all-or-nothing in the database: one transaction; if `progress` raises (the user cancelled) or
anything fails, nothing is issued and the exception goes on to the caller. Members a rule refuses (no
hours, left the team …) are skipped and listed, the others issued. Files are written only after the commit.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from peewee import JOIN, fn

from ..config import resources_dir
from ..db.database import db
from ..db.models import (
    Certificate,
    CertificateEvent,
    CertificateTemplate,
    Counter,
    Member,
    OfficeSettings,
    Team,
    User,
)
from ..documents.certificate_layout import BORDER_STYLES
from ..documents.certificates import (
    APPOINTMENT,
    CARD,
    CERT_TYPES,
    HONOUR,
    ID_TYPE,
    SERVICE_PROOF,
    CertificateData,
    PublicityData,
    PublicityRow,
    ServiceLine,
    build_certificate_pdf,
    build_certificates_pdf,
    build_publicity_pdf,
)
from ..domain.dates import add_months, format_date, format_date_chinese_numerals
from ..domain.id_numbers import normalize_id_number
from ..domain.masking import mask_id
from ..domain.names import MIDDLE_DOT, normalize_name
from ..domain.service_levels import DEFAULT_STAR_THRESHOLDS
from ..domain.text_folding import fold_fullwidth
from . import audit
from .roster import RosterFilter, search_ids
from .service_hours import first_service_date, format_hours, hours_by_member, service_record
from .settings_store import get_setting
from .usb_export import safe_file_name

TYPE_CODES = {APPOINTMENT: "义聘", HONOUR: "义荣", SERVICE_PROOF: "义服", CARD: "义证"}
COUNTER_PREFIX = "证书:"
STATUS_VALID = "有效"
STATUS_VOID = "作废"
VERIFY_VALID = "有效"
VERIFY_VOID = "已作废"
VERIFY_UNKNOWN = "不存在"
EVENT_ISSUE, EVENT_REPRINT, EVENT_VOID = "签发", "补打", "作废"
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 8
DEFAULT_TERM_MONTHS = 36  # 聘期 and 义警证 validity when none is given
STAR_SETTING = "star_thresholds"
TEMPLATES_FILE = "certificates.json"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_TITLE, MAX_REASON, MAX_VOID_REASON, MAX_TEMPLATE_NAME = 50, 200, 200, 50

_CODE_IN_TEXT = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
_CODE_AFTER_LABEL = re.compile(r"验证码[:：]?\s*([0-9A-Z\-\s]{8,12})")
_KEEP = object()
_ALL_MEMBERS_FROM = 5000

Progress = Callable[[int, int, str], object]  # (done, total, what); raise to cancel


class CertificateRefused(ValueError):
    """A rule says no; `message` is Chinese and says why (and, where it can, what to do)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class CertificateFilesNotWritten(RuntimeError):
    """The batch was issued (committed) but its files could not be written; reprint them from the register."""

    def __init__(self, message: str, result: BatchResult) -> None:
        super().__init__(message)
        self.message = message
        self.result = result


# --- dataclasses -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    type: str
    name: str
    wording: str
    border_style: str
    is_default: bool
    has_seal: bool


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
class VerifyResult:
    status: str  # 有效 / 已作废 / 不存在
    code: str  # the code looked up, normalised
    type: str = ""
    serial: str = ""
    name_masked: str = ""
    issued_on: date | None = None
    voided_on: date | None = None
    void_reason: str = ""


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


@dataclass(frozen=True)
class CertificateEventRow:
    at: datetime
    action: str  # 签发 / 补打 / 作废
    username: str
    reason: str


@dataclass(frozen=True)
class BatchSkip:
    member_id: int
    name: str
    reason: str


@dataclass
class BatchResult:
    issued: list[IssuedCertificate] = field(default_factory=list)
    skipped: list[BatchSkip] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class MemberMatch:
    id: int
    name: str
    id_masked: str
    team: str
    status: str


# --- templates -------------------------------------------------------------------------------------


@cache
def _defaults() -> dict[str, Any]:
    with open(resources_dir() / "templates" / TEMPLATES_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def placeholders() -> dict[str, str]:
    """Placeholder → what it is filled with (for the template editor's help)."""
    return dict(_defaults()["placeholders"])


def border_style_names() -> dict[str, str]:
    return {key: _defaults()["border_styles"].get(key, key) for key in BORDER_STYLES}


def builtin_template(cert_type: str) -> dict[str, str]:
    """The wording, border style and name shipped in resources/templates/certificates.json."""
    _check_type(cert_type)
    return dict(_defaults()["types"][cert_type])


def _office_override(cert_type: str) -> dict[str, str]:
    """OfficeSettings.certificate_wording: {"聘书": "wording"} or {"聘书": {"wording": …, "border_style": …}}."""
    office = _office_row()
    if office is None or not office.certificate_wording.strip():
        return {}
    try:
        value = json.loads(office.certificate_wording).get(cert_type)
    except (ValueError, AttributeError):
        return {}
    if isinstance(value, str):
        return {"wording": value}
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k in ("wording", "border_style", "name")}
    return {}


def ensure_default_templates() -> None:
    """Give each type without a template row one made from the defaults (and the office's overrides)."""
    have = {t for (t,) in CertificateTemplate.select(CertificateTemplate.type).distinct().tuples()}
    missing = [t for t in CERT_TYPES if t not in have]
    if not missing:
        return
    with db.atomic():
        for cert_type in missing:
            values = {**builtin_template(cert_type), **_office_override(cert_type)}
            CertificateTemplate.create(type=cert_type, name=values["name"], wording=values["wording"],
                                       border_style=values["border_style"], is_default=True)


def _template_info(row: CertificateTemplate) -> TemplateInfo:
    return TemplateInfo(row.id, row.type, row.name, row.wording, row.border_style, bool(row.is_default),
                        bool(row.seal_image))


def list_templates(cert_type: str | None = None) -> list[TemplateInfo]:
    ensure_default_templates()
    query = CertificateTemplate.select()
    if cert_type is not None:
        _check_type(cert_type)
        query = query.where(CertificateTemplate.type == cert_type)
    rows = query.order_by(CertificateTemplate.type, CertificateTemplate.is_default.desc(),
                          CertificateTemplate.id)
    return [_template_info(row) for row in rows]


def default_template(cert_type: str) -> TemplateInfo:
    _check_type(cert_type)
    ensure_default_templates()
    row = (CertificateTemplate.select().where(CertificateTemplate.type == cert_type)
           .order_by(CertificateTemplate.is_default.desc(), CertificateTemplate.id).first())
    return _template_info(row)


def get_template(template_id: int) -> TemplateInfo:
    row = CertificateTemplate.get_or_none(CertificateTemplate.id == template_id)
    if row is None:
        raise CertificateRefused("所选证书模板不存在")
    return _template_info(row)


def check_wording(wording: str) -> list[str]:
    """The problems of a wording (unknown placeholders, unmatched braces); [] when it is usable."""
    known = placeholders()
    problems = []
    if not wording.strip():
        return ["措辞不能为空"]
    try:
        names = [name for _text, name, _spec, _conv in string.Formatter().parse(wording) if name is not None]
    except ValueError:
        return ["花括号不成对：占位符应写成 {name} 这样的形式"]
    for name in names:
        if name not in known:
            problems.append(f"未知的占位符 {{{name}}}，可用：" + "、".join(f"{{{k}}}" for k in known))
    return problems


def save_template(template_id: int | None, cert_type: str, name: str, wording: str, border_style: str, *,
                  is_default: bool = False, seal_image: bytes | None | object = _KEEP) -> TemplateInfo:
    """Add (template_id None) or change a template; `seal_image` None removes the template's own seal."""
    _check_type(cert_type)
    name = name.strip()
    if not name:
        raise CertificateRefused("请填写模板名称")
    if len(name) > MAX_TEMPLATE_NAME:
        raise CertificateRefused(f"模板名称不能超过{MAX_TEMPLATE_NAME}个字")
    if border_style not in BORDER_STYLES:
        raise CertificateRefused("边框样式应为 " + " / ".join(border_style_names().values()))
    problems = check_wording(wording)
    if problems:
        raise CertificateRefused("；".join(problems))
    if seal_image is not _KEEP and seal_image is not None:
        check_seal_image(seal_image)  # type: ignore[arg-type]
    with db.atomic():
        ensure_default_templates()
        if template_id is None:
            row = CertificateTemplate(type=cert_type)
        else:
            row = CertificateTemplate.get_or_none(CertificateTemplate.id == template_id)
            if row is None:
                raise CertificateRefused("所选证书模板不存在")
            if row.type != cert_type:
                raise CertificateRefused("模板的证书类别不能更改")
        row.name, row.wording, row.border_style = name, wording.strip("\n"), border_style
        if seal_image is not _KEEP:
            row.seal_image = seal_image
        if is_default:
            row.is_default = True
        row.save()
        if is_default:
            (CertificateTemplate.update(is_default=False)
             .where(CertificateTemplate.type == cert_type, CertificateTemplate.id != row.id).execute())
        audit.record("新增" if template_id is None else "修改", "certificate_template", row.uuid,
                     f"{cert_type}模板“{name}”")
    return _template_info(row)


def delete_template(template_id: int) -> None:
    """Remove a template that is not its type's default (issued certificates keep what they printed)."""
    with db.atomic():
        row = CertificateTemplate.get_or_none(CertificateTemplate.id == template_id)
        if row is None:
            return
        if row.is_default:
            raise CertificateRefused("默认模板不能删除；请先把另一个模板设为默认")
        audit.record("删除", "certificate_template", row.uuid, f"{row.type}模板“{row.name}”")
        row.delete_instance()


def reset_template(template_id: int) -> TemplateInfo:
    """Put the shipped wording and border style back into a template."""
    row = CertificateTemplate.get_or_none(CertificateTemplate.id == template_id)
    if row is None:
        raise CertificateRefused("所选证书模板不存在")
    values = builtin_template(row.type)
    return save_template(row.id, row.type, row.name, values["wording"], values["border_style"])


def check_seal_image(data: bytes) -> None:
    if not data.startswith(PNG_SIGNATURE):
        raise CertificateRefused("印章图片应为透明背景的 PNG 文件")


def set_office_seal(png: bytes | None) -> None:
    """The office's seal image (transparent PNG) for every template without its own; None removes it."""
    if png is not None:
        check_seal_image(png)
    with db.atomic():
        office = _office_row()
        if office is None:
            raise CertificateRefused("请先在“单位信息”中填写单位名称")
        office.seal_image = png
        office.save()
        audit.record("修改", "office_settings", office.uuid, "印章图片" + ("删除" if png is None else "更换"))


def office_seal() -> bytes | None:
    office = _office_row()
    return bytes(office.seal_image) if office is not None and office.seal_image else None


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


def batch_candidates(team_id: int | None = None, min_hours: float | None = None, year: int | None = None,
                     star_level: int | None = None, *, today: date | None = None) -> list[int]:
    """Members on duty (在队, not deleted) of a team (None: all), with at least `min_hours` recorded in
    `year` (default this year) and at least `star_level` stars by all their hours; by team, then name."""
    today = today or date.today()
    ids = search_ids(RosterFilter(team_id=team_id, status="在队"), sort_key="team", today=today)
    if min_hours is not None and min_hours > 0:
        year = year or today.year
        hours = _hours_of(ids, date(year, 1, 1), date(year, 12, 31))
        ids = [i for i in ids if hours.get(i, 0) >= min_hours - 1e-9]
    if star_level is not None and star_level > 0:
        thresholds = list(get_setting(STAR_SETTING, DEFAULT_STAR_THRESHOLDS))
        if star_level > len(thresholds):
            return []
        needed = thresholds[star_level - 1]
        hours = _hours_of(ids)
        ids = [i for i in ids if hours.get(i, 0) >= needed - 1e-9]
    return ids


def _hours_of(ids: list[int], date_from: date | None = None, date_to: date | None = None) -> dict[int, float]:
    # For most of a large roster, one pass over every member's records beats thousands of IN lists.
    return hours_by_member(None if len(ids) > _ALL_MEMBERS_FROM else ids, date_from, date_to)


# --- preparing what is printed ----------------------------------------------------------------------


@dataclass
class _Prepared:
    """One certificate before it has a number: the row's values and the printed snapshot."""

    member: Member
    cert_type: str
    template_id: int | None
    title: str
    reason: str
    period_from: date | None
    period_to: date | None
    hours: float | None
    issued_on: date
    snapshot: dict[str, Any]


@dataclass
class _Context:
    """What every certificate of one issue or batch shares."""

    office: OfficeSettings
    template: CertificateTemplate
    handler: str
    teams: dict[int, str]


def _office_row() -> OfficeSettings | None:
    return OfficeSettings.select().order_by(OfficeSettings.id).first()


def _check_type(cert_type: str) -> None:
    if cert_type not in CERT_TYPES:
        raise CertificateRefused("证书类别应为 " + " / ".join(CERT_TYPES))


def _current_handler() -> str:
    username = _username()
    if not username:
        return ""
    user = User.get_or_none(User.username == username)
    return (user.display_name or user.username) if user else ""


def _username() -> str:
    return audit.current_user()


def _context(cert_type: str, template_id: int | None, handler: str | None) -> _Context:
    _check_type(cert_type)
    office = _office_row()
    if office is None or not office.unit_name.strip():
        raise CertificateRefused("请先在“单位信息”中填写单位名称，再签发证书")
    ensure_default_templates()
    if template_id is None:
        template = (CertificateTemplate.select().where(CertificateTemplate.type == cert_type)
                    .order_by(CertificateTemplate.is_default.desc(), CertificateTemplate.id).first())
    else:
        template = CertificateTemplate.get_or_none(CertificateTemplate.id == template_id)
        if template is None:
            raise CertificateRefused("所选证书模板不存在")
        if template.type != cert_type:
            raise CertificateRefused(f"所选模板是{template.type}模板，不能用于{cert_type}")
    teams = dict(Team.select(Team.id, Team.name).tuples())
    return _Context(office, template, _current_handler() if handler is None else handler.strip(), teams)


def fit_reason(reason: str, wording: str) -> str:
    """A reason typed as a whole phrase ("在护学岗执勤中") fits a wording that already says
    "在{reason}中表现突出" without doubling "在" or "中"."""
    if "在{reason}" in wording:
        reason = reason.removeprefix("在")
    if "{reason}中" in wording:
        reason = reason.removesuffix("表现突出").removesuffix("中")
    return reason


def default_period(member_id: int | None, cert_type: str, issued_on: date | None = None
                   ) -> tuple[date | None, date | None]:
    """The period a certificate gets when none is given (for the window to show before issuing):
    聘书 and 义警证 from the issue date for 36 months; 志愿服务证明 from the member's first recorded service
    (or joining) to the issue date; 荣誉证书 none."""
    _check_type(cert_type)
    issued_on = issued_on or date.today()
    if cert_type in (APPOINTMENT, CARD):
        return issued_on, add_months(issued_on, DEFAULT_TERM_MONTHS) - timedelta(days=1)
    if cert_type == SERVICE_PROOF:
        first = first_service_date(member_id) if member_id is not None else None
        return min(first or issued_on, issued_on), issued_on
    return None, None


def _prepare(ctx: _Context, member: Member, cert_type: str, *, title: str, reason: str,
             period_from: date | None, period_to: date | None, issued_on: date) -> _Prepared:
    if member.deleted_at is not None:
        raise CertificateRefused("该队员已删除，不能签发证书")
    if member.status == "退出" and cert_type in (APPOINTMENT, CARD):
        raise CertificateRefused(f"该队员已退出，不能签发{cert_type}")
    title, reason = (title or "").strip(), (reason or "").strip()
    if len(title) > MAX_TITLE:
        raise CertificateRefused(f"荣誉称号不能超过{MAX_TITLE}个字")
    if len(reason) > MAX_REASON:
        raise CertificateRefused(f"事由不能超过{MAX_REASON}个字")
    hours: float | None = None
    content, lines = "", []
    if cert_type in (APPOINTMENT, CARD):
        period_from = period_from or issued_on
        period_to = period_to or add_months(period_from, DEFAULT_TERM_MONTHS) - timedelta(days=1)
    elif cert_type == HONOUR:
        if not title:
            raise CertificateRefused("请填写荣誉称号，例如“优秀义警”或“金牌调解员”")
        reason = reason or f"{issued_on.year}年度义警志愿服务工作"
    elif cert_type == SERVICE_PROOF:
        period_to = period_to or issued_on
        period_from = period_from or first_service_date(member.id) or period_to
        if period_to > issued_on:
            raise CertificateRefused("证明的服务期间不能晚于出具日期")
    if period_from and period_to and period_to < period_from:
        raise CertificateRefused("结束日期不能早于开始日期")
    if cert_type == SERVICE_PROOF:
        record = service_record(member.id, period_from, period_to)
        hours = record.total_hours
        if hours <= 0:
            raise CertificateRefused("该队员在所选期间没有登记的服务时长，不能出具志愿服务证明"
                                     "（证明只依据已登记的值班、活动和培训记录免费出具）")
        content = record.content
        lines = [[item.label, item.count, format_hours(item.hours)] for item in record.items]

    office, template = ctx.office, ctx.template
    team = ctx.teams.get(member.team_id, "") if member.team_id else ""
    id_masked = mask_id(member.id_number or "")
    values = {
        "name": member.name, "unit": office.unit_name, "team": team, "title": title,
        "reason": fit_reason(reason, template.wording),
        "period_from": format_date_chinese_numerals(period_from) if period_from else "",
        "period_to": format_date_chinese_numerals(period_to) if period_to else "",
        "hours": format_hours(hours) if hours is not None else "", "content": content,
        "id_type": ID_TYPE if id_masked else "", "id_masked": id_masked,
        "identity": f"（{ID_TYPE}：{id_masked}）" if id_masked else "",
        "year": str(issued_on.year), "issued_on": format_date_chinese_numerals(issued_on),
    }
    try:
        text = template.wording.format_map(values)
    except (KeyError, ValueError, IndexError):
        raise CertificateRefused(f"模板“{template.name}”的措辞有误，请在模板中修改：" +
                                 "；".join(check_wording(template.wording))) from None
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    snapshot = {
        "v": 1, "paragraphs": paragraphs, "unit": office.unit_name, "team": team,
        "leader": office.leader_name, "handler": ctx.handler, "contact": office.contact_phone,
        "border": template.border_style, "seal": "template" if template.seal_image else "office",
        "content": content, "lines": lines, "hours": values["hours"],
    }
    return _Prepared(member, cert_type, template.id, title, reason, period_from, period_to, hours, issued_on,
                     snapshot)


def _qr_payload(code: str, serial: str) -> str:
    return f"验证码:{code} 编号:{serial}"


def _seal_for(source: str, template_id: int | None) -> bytes | None:
    if source == "template" and template_id is not None:
        row = (CertificateTemplate.select(CertificateTemplate.seal_image)
               .where(CertificateTemplate.id == template_id).first())
        if row is not None and row.seal_image:
            return bytes(row.seal_image)
    return office_seal()


def _document_data(cert_type: str, name: str, snapshot: dict[str, Any], *, issued_on: date, serial: str,
                   code: str, title: str, period_from: date | None, period_to: date | None,
                   seal: bytes | None, photo: bytes | None) -> CertificateData:
    return CertificateData(
        type=cert_type, name=name, unit_name=snapshot.get("unit", ""), issued_on=issued_on, serial=serial,
        verification_code=code, qr_payload=_qr_payload(code, serial) if code else "",
        paragraphs=tuple(snapshot.get("paragraphs", ())), title=title, team=snapshot.get("team", ""),
        period_from=period_from, period_to=period_to, hours=snapshot.get("hours", ""),
        service_lines=tuple(ServiceLine(str(label), int(count), str(hours))
                            for label, count, hours in snapshot.get("lines", ())),
        leader_name=snapshot.get("leader", ""), handler_name=snapshot.get("handler", ""),
        contact_phone=snapshot.get("contact", ""), border_style=snapshot.get("border", "classic"),
        seal_png=seal, photo=photo,
    )


def _prepared_data(prep: _Prepared, serial: str, code: str, seal: bytes | None) -> CertificateData:
    photo = bytes(prep.member.photo) if prep.cert_type == CARD and prep.member.photo else None
    return _document_data(prep.cert_type, prep.member.name, prep.snapshot, issued_on=prep.issued_on,
                          serial=serial, code=code, title=prep.title, period_from=prep.period_from,
                          period_to=prep.period_to, seal=seal, photo=photo)


def _get_member(member_id: int) -> Member:
    member = Member.get_or_none(Member.id == member_id)
    if member is None:
        raise CertificateRefused("所选队员不存在")
    return member


def preview_certificate(member_id: int, cert_type: str, *, title: str = "", reason: str = "",
                        period_from: date | None = None, period_to: date | None = None,
                        template_id: int | None = None, issued_on: date | None = None,
                        handler: str | None = None) -> bytes:
    """The certificate as it would be issued, without a number or code yet; nothing is stored."""
    ctx = _context(cert_type, template_id, handler)
    prep = _prepare(ctx, _get_member(member_id), cert_type, title=title, reason=reason,
                    period_from=period_from, period_to=period_to, issued_on=issued_on or date.today())
    seal = _seal_for(prep.snapshot["seal"], prep.template_id)
    return build_certificate_pdf(_prepared_data(prep, "", "", seal))


# --- numbers ---------------------------------------------------------------------------------------


def office_code(office: OfficeSettings | None = None) -> str:
    """夏派调 → 夏派: the office's short name in serials."""
    office = office or _office_row()
    prefix = (office.case_prefix if office else "").strip()
    return prefix[:-1] if len(prefix) > 1 and prefix.endswith("调") else prefix


def format_serial(code: str, cert_type: str, year: int, sequence: int) -> str:
    return f"{code}{TYPE_CODES[cert_type]}〔{year}〕第{sequence:04d}号"


def _next_sequence(cert_type: str, year: int) -> int:
    """Take the next number (call inside the issuing transaction)."""
    name = COUNTER_PREFIX + cert_type
    Counter.insert(name=name, year=year, value=0).on_conflict_ignore().execute()
    where = (Counter.name == name) & (Counter.year == year)
    Counter.update(value=Counter.value + 1, updated_at=datetime.now()).where(where).execute()
    value = Counter.select(Counter.value).where(where).scalar()
    highest = (Certificate.select(fn.MAX(Certificate.sequence))
               .where(Certificate.type == cert_type, Certificate.year == year).scalar() or 0)
    if value <= highest:
        value = highest + 1
        Counter.update(value=value).where(where).execute()
    return value


def _new_code(taken: set[str]) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code in taken:
            continue
        if not Certificate.select().where(Certificate.verification_code == code).exists():
            taken.add(code)
            return code


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


# --- issuing ---------------------------------------------------------------------------------------


def _issue_prepared(ctx: _Context, prep: _Prepared, taken: set[str],
                    seal_cache: dict[str, bytes | None]) -> tuple[IssuedCertificate, CertificateData]:
    year = prep.issued_on.year
    sequence = _next_sequence(prep.cert_type, year)
    serial = format_serial(office_code(ctx.office), prep.cert_type, year, sequence)
    code = _new_code(taken)
    source = prep.snapshot["seal"]
    if source not in seal_cache:
        seal_cache[source] = _seal_for(source, prep.template_id)
    data = _prepared_data(prep, serial, code, seal_cache[source])
    pdf = build_certificate_pdf(data)
    digest = hashlib.sha256(pdf).hexdigest()
    row = Certificate.create(
        serial=serial, type=prep.cert_type, year=year, sequence=sequence, member=prep.member.id,
        template=prep.template_id, title=prep.title, reason=prep.reason, period_from=prep.period_from,
        period_to=prep.period_to, hours_snapshot=prep.hours,
        content=json.dumps(prep.snapshot, ensure_ascii=False), issued_on=prep.issued_on, status=STATUS_VALID,
        verification_code=code, pdf_sha256=digest,
    )
    CertificateEvent.create(certificate=row.id, action=EVENT_ISSUE, username=_username())
    audit.record("签发", "certificate", row.uuid, f"签发{prep.cert_type}{serial}")
    issued = IssuedCertificate(row.id, serial, prep.cert_type, prep.member.id, prep.member.name, code,
                               prep.issued_on, prep.hours, digest, pdf)
    return issued, data


def issue_certificate(member_id: int, cert_type: str, *, title: str = "", reason: str = "",
                      period_from: date | None = None, period_to: date | None = None,
                      template_id: int | None = None, issued_on: date | None = None,
                      handler: str | None = None) -> IssuedCertificate:
    """Issue one certificate: number, code, PDF and its SHA-256, event 签发, audit; one transaction.

    `handler` (经办人) defaults to the current operator's display name. Raises CertificateRefused."""
    with db.atomic():
        ctx = _context(cert_type, template_id, handler)
        prep = _prepare(ctx, _get_member(member_id), cert_type, title=title, reason=reason,
                        period_from=period_from, period_to=period_to, issued_on=issued_on or date.today())
        issued, _data = _issue_prepared(ctx, prep, set(), {})
    return issued


def batch_issue(member_ids: Sequence[int], cert_type: str, *, title: str = "", reason: str = "",
                period_from: date | None = None, period_to: date | None = None,
                template_id: int | None = None, issued_on: date | None = None, handler: str | None = None,
                one_file: bool = True, out_file: Path | str | None = None, out_dir: Path | str | None = None,
                progress: Progress | None = None) -> BatchResult:
    """Issue the certificates of several members in one transaction, then write one PDF (`out_file`) or
    one file per member into `out_dir` (义警证 eight to a sheet in the one file).

    `progress(done, total, name)` is called before each member; raising in it cancels: nothing is issued
    and the exception reaches the caller. Refused members are skipped and listed in the result.
    `CertificateFilesNotWritten` when the certificates were issued but their files could not be written."""
    if one_file and out_file is None:
        raise ValueError("out_file is required when one_file is true")
    if not one_file and out_dir is None:
        raise ValueError("out_dir is required when one_file is false")
    target_dir = Path(out_file).parent if one_file else Path(out_dir)  # type: ignore[arg-type]
    if not target_dir.is_dir():
        raise CertificateRefused(f"保存位置不存在：{target_dir}")
    ids = list(dict.fromkeys(int(i) for i in member_ids))
    issued_on = issued_on or date.today()
    result = BatchResult()
    documents: list[CertificateData] = []
    pdfs: list[bytes] = []
    total = len(ids) + (1 if one_file else 0)
    with db.atomic():
        ctx = _context(cert_type, template_id, handler)
        members = {m.id: m for start in range(0, len(ids), 500)
                   for m in Member.select().where(Member.id.in_(ids[start:start + 500]))}
        taken: set[str] = set()
        seals: dict[str, bytes | None] = {}
        for done, member_id in enumerate(ids):
            member = members.get(member_id)
            if progress is not None:
                progress(done, total, member.name if member else "")
            if member is None:
                result.skipped.append(BatchSkip(member_id, "", "队员不存在"))
                continue
            try:
                prep = _prepare(ctx, member, cert_type, title=title, reason=reason, period_from=period_from,
                                period_to=period_to, issued_on=issued_on)
            except CertificateRefused as exc:
                result.skipped.append(BatchSkip(member_id, member.name, exc.message))
                continue
            issued, data = _issue_prepared(ctx, prep, taken, seals)
            result.issued.append(_without_pdf(issued))
            pdfs.append(issued.pdf)
            documents.append(data)
        combined = b""
        if one_file and documents:
            if progress is not None:
                progress(len(ids), total, "合并为一个文件")
            combined = build_certificates_pdf(documents)
        if result.issued:
            audit.record("签发", "certificate", "", f"批量签发{cert_type}{len(result.issued)}份")
        if progress is not None:
            progress(total, total, "")  # the last moment to cancel: after the commit nothing is undone
    if not result.issued:
        return result
    try:
        if one_file:
            result.files.append(_write_file(Path(out_file), combined))  # type: ignore[arg-type]
        else:
            used: set[str] = set()
            for issued, pdf in zip(result.issued, pdfs, strict=True):
                name = _unique_name(safe_file_name(f"{issued.type}-{issued.name}-{issued.serial}.pdf"), used)
                result.files.append(_write_file(target_dir / name, pdf))
    except OSError as exc:
        raise CertificateFilesNotWritten(
            f"{len(result.issued)}份证书已签发，但文件未能写入（{exc.strerror or exc}），"
            "可在证书登记簿中补打。", result) from exc
    return result


def _without_pdf(issued: IssuedCertificate) -> IssuedCertificate:
    return IssuedCertificate(issued.id, issued.serial, issued.type, issued.member_id, issued.name,
                             issued.verification_code, issued.issued_on, issued.hours, issued.sha256)


def _unique_name(name: str, used: set[str]) -> str:
    stem, dot, ext = name.rpartition(".")
    candidate, number = name, 2
    while candidate in used:
        candidate = f"{stem}（{number}）{dot}{ext}"
        number += 1
    used.add(candidate)
    return candidate


def _write_file(path: Path, data: bytes) -> Path:
    """Temporary name, flush, fsync, rename: a file that exists is complete."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return path


def write_pdf(path: Path | str, data: bytes) -> Path:
    """Write a PDF the safe way (for the command line and the window's 另存为)."""
    return _write_file(Path(path), data)


# --- reprint, void, verify ------------------------------------------------------------------------


def _snapshot(row: Certificate) -> dict[str, Any]:
    try:
        snapshot = json.loads(row.content) if row.content.strip().startswith("{") else None
    except ValueError:
        snapshot = None
    if isinstance(snapshot, dict) and snapshot.get("v") == 1:
        return snapshot
    # A certificate without a kept snapshot (made elsewhere): draw it from today's default template.
    return _snapshot_from_template(_context(row.type, None, ""), row)


def _snapshot_from_template(ctx: _Context, row: Certificate) -> dict[str, Any]:
    member = Member.get_by_id(row.member_id)
    try:
        prep = _prepare(ctx, member, row.type, title=row.title, reason=row.reason,
                        period_from=row.period_from, period_to=row.period_to, issued_on=row.issued_on)
        return prep.snapshot
    except CertificateRefused:
        return {"v": 1, "paragraphs": [row.content] if row.content else [], "unit": ctx.office.unit_name,
                "border": ctx.template.border_style, "seal": "office"}


def _row_data(row: Certificate) -> CertificateData:
    snapshot = _snapshot(row)
    member = Member.get_by_id(row.member_id)
    photo = bytes(member.photo) if row.type == CARD and member.photo else None
    return _document_data(row.type, member.name, snapshot, issued_on=row.issued_on, serial=row.serial,
                          code=row.verification_code, title=row.title, period_from=row.period_from,
                          period_to=row.period_to, photo=photo,
                          seal=_seal_for(snapshot.get("seal", "office"), row.template_id))


def _certificate(certificate_id: int) -> Certificate:
    row = Certificate.get_or_none(Certificate.id == certificate_id)
    if row is None:
        raise CertificateRefused("证书不存在")
    return row


def render(certificate_id: int) -> bytes:
    """The issued certificate's PDF for the preview; nothing is recorded (printing it is a `reprint`).
    A voided one is drawn with 已作废 across it."""
    row = _certificate(certificate_id)
    data = _row_data(row)
    return build_certificate_pdf(replace(data, voided=True) if row.status == STATUS_VOID else data)


def reprint(certificate_id: int) -> bytes:
    """The same certificate again (same serial, code and content); event 补打. A voided one is refused."""
    return reprint_many([certificate_id])


def reprint_many(certificate_ids: Sequence[int]) -> bytes:
    """Several issued certificates in one file (义警证 eight to a sheet), each with its event 补打."""
    if not certificate_ids:
        raise CertificateRefused("请选择要补打的证书")
    with db.atomic():
        rows = [_certificate(i) for i in certificate_ids]
        for row in rows:
            if row.status == STATUS_VOID:
                raise CertificateRefused(f"证书{row.serial}已作废，不能补打")
        data = [_row_data(row) for row in rows]
        pdf = build_certificate_pdf(data[0]) if len(data) == 1 else build_certificates_pdf(data)
        for row in rows:
            CertificateEvent.create(certificate=row.id, action=EVENT_REPRINT,
                                    username=_username())
            audit.record("补打", "certificate", row.uuid, f"补打{row.type}{row.serial}")
    return pdf


def void(certificate_id: int, reason: str) -> None:
    """Void a certificate (reason required); its serial stays taken and its code answers 已作废."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateRefused("请填写作废原因")
    if len(reason) > MAX_VOID_REASON:
        raise CertificateRefused(f"作废原因不能超过{MAX_VOID_REASON}个字")
    with db.atomic():
        row = _certificate(certificate_id)
        if row.status == STATUS_VOID:
            raise CertificateRefused(f"证书{row.serial}已经作废")
        row.status, row.void_reason, row.voided_at = STATUS_VOID, reason, datetime.now()
        row.save()
        CertificateEvent.create(certificate=row.id, action=EVENT_VOID, reason=reason,
                                username=_username())
        audit.record("作废", "certificate", row.uuid, f"作废{row.type}{row.serial}")


def mask_name(name: str) -> str:
    """王小明 -> 王*明, 王明 -> 王*, 努尔买买提·西热甫 -> 努****·**甫 (the dot stays)."""
    letters = [i for i, ch in enumerate(name) if ch != MIDDLE_DOT]
    if len(letters) <= 1:
        return name
    keep = {letters[0]} if len(letters) == 2 else {letters[0], letters[-1]}
    return "".join(ch if i in keep or ch == MIDDLE_DOT else "*" for i, ch in enumerate(name))


def verify(code: str) -> VerifyResult:
    """有效 / 已作废 / 不存在 for a verification code (as typed or scanned)."""
    normalized = normalize_code(code)
    row = None
    if len(normalized) == CODE_LENGTH:
        row = (Certificate.select(Certificate, Member.name).join(Member)
               .where(Certificate.verification_code == normalized).objects().first())
    if row is None:
        return VerifyResult(VERIFY_UNKNOWN, normalized)
    return VerifyResult(
        VERIFY_VALID if row.status == STATUS_VALID else VERIFY_VOID, normalized, row.type, row.serial,
        mask_name(row.name), row.issued_on, row.voided_at.date() if row.voided_at else None, row.void_reason,
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
        _check_type(cert_type)
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
            r.verification_code, r.pdf_sha256,
        )
        for r in query.objects()
    ]


def certificate_row(certificate_id: int) -> CertificateRow:
    row = _certificate(certificate_id)
    rows = register(row.issued_on, row.issued_on, row.type, member_id=row.member_id)
    return next(r for r in rows if r.id == certificate_id)


def events(certificate_id: int) -> list[CertificateEventRow]:
    rows = (CertificateEvent.select().where(CertificateEvent.certificate == certificate_id)
            .order_by(CertificateEvent.at, CertificateEvent.id))
    return [CertificateEventRow(r.at, r.action, r.username, r.reason) for r in rows]


PUBLICITY_TYPES = (HONOUR, APPOINTMENT)


def publicity_pdf(date_from: date, date_to: date, *, posted_on: date | None = None,
                  cert_types: Iterable[str] = PUBLICITY_TYPES) -> bytes:
    """The 公示 list of the valid certificates issued in the period, for the seven-day posting from
    `posted_on` (default today). By default honours and appointments, the ones a posting is for; a
    志愿服务证明 or an 义警证 is listed only when asked for in `cert_types`."""
    if date_to < date_from:
        raise CertificateRefused("结束日期不能早于开始日期")
    office = _office_row()
    if office is None or not office.unit_name.strip():
        raise CertificateRefused("请先在“单位信息”中填写单位名称")
    wanted = set(cert_types)
    rows = [r for r in register(date_from, date_to, status=STATUS_VALID) if r.type in wanted]
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
