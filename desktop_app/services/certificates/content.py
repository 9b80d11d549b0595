"""What a certificate prints, before it has a number: the rules and defaults of one certificate (who may
have it, its period, the hours of a 志愿服务证明, the filled-in wording) and the snapshot kept with it
(see issuing.py), and the document data drawn from a snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ...db.models import CertificateTemplate, Member, OfficeSettings
from ...documents.certificates import ID_TYPE, CertificateData, ServiceLine
from ...domain.dates import add_months, format_date_chinese_numerals
from ...domain.i18n import QT_TRANSLATE_NOOP, Joined, Message
from ...domain.masking import mask_id
from ...domain.vocabulary import APPOINTMENT, CARD, HONOUR, LEFT, SERVICE_PROOF
from ..records.service_hours import first_service_date, format_hours, service_record
from .errors import CertificateRefused, refused_unless_clean
from .templates import check_type, check_wording

DEFAULT_TERM_MONTHS = 36  # 聘期 and 义警证 validity when none is given
MAX_TITLE, MAX_REASON = 50, 200


@dataclass
class Prepared:
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
class Context:
    """What every certificate of one issue or batch shares."""

    office: OfficeSettings
    template: CertificateTemplate
    handler: str
    teams: dict[int, str]


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
    check_type(cert_type)
    issued_on = issued_on or date.today()
    if cert_type in (APPOINTMENT, CARD):
        return issued_on, add_months(issued_on, DEFAULT_TERM_MONTHS) - timedelta(days=1)
    if cert_type == SERVICE_PROOF:
        first = first_service_date(member_id) if member_id is not None else None
        return min(first or issued_on, issued_on), issued_on
    return None, None


def prepare(ctx: Context, member: Member, cert_type: str, *, title: str, reason: str,
            period_from: date | None, period_to: date | None, issued_on: date) -> Prepared:
    if member.deleted_at is not None:
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "该队员已删除，不能签发证书"))
    if member.status == LEFT and cert_type in (APPOINTMENT, CARD):
        raise CertificateRefused(
            Message(QT_TRANSLATE_NOOP("Messages", "该队员已退出，不能签发{cert_type}"), cert_type=cert_type))
    title = refused_unless_clean(title, QT_TRANSLATE_NOOP("Messages", "荣誉称号"))
    reason = refused_unless_clean(reason, QT_TRANSLATE_NOOP("Messages", "事由"))
    if len(title) > MAX_TITLE:
        raise CertificateRefused(
            Message(QT_TRANSLATE_NOOP("Messages", "荣誉称号不能超过{max_title}个字"), max_title=MAX_TITLE))
    if len(reason) > MAX_REASON:
        raise CertificateRefused(
            Message(QT_TRANSLATE_NOOP("Messages", "事由不能超过{max_reason}个字"), max_reason=MAX_REASON))
    hours: float | None = None
    content, lines = "", []
    if cert_type in (APPOINTMENT, CARD):
        period_from = period_from or issued_on
        period_to = period_to or add_months(period_from, DEFAULT_TERM_MONTHS) - timedelta(days=1)
    elif cert_type == HONOUR:
        if not title:
            raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "请填写荣誉称号，例如“优秀义警”或“金牌调解员”"))
        reason = reason or f"{issued_on.year}年度义警志愿服务工作"
    elif cert_type == SERVICE_PROOF:
        period_to = period_to or issued_on
        period_from = period_from or first_service_date(member.id) or period_to
        if period_to > issued_on:
            raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "证明的服务期间不能晚于出具日期"))
    if period_from and period_to and period_to < period_from:
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "结束日期不能早于开始日期"))
    if cert_type == SERVICE_PROOF:
        record = service_record(member.id, period_from, period_to)
        hours = record.total_hours
        if hours <= 0:
            raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "该队员在所选期间没有登记的服务时长，不能出具志愿服务证明"
                                     "（证明只依据已登记的值班、活动和培训记录免费出具）"))
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
        raise CertificateRefused(Message(QT_TRANSLATE_NOOP("Messages", "模板“{name}”的措辞有误，请在模板中修改：{problems}"),
                                         name=template.name,
                                         problems=Joined("；", check_wording(template.wording)))) from None
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    snapshot = {
        "v": 1, "paragraphs": paragraphs, "unit": office.unit_name, "team": team,
        "leader": office.leader_name, "handler": ctx.handler, "contact": office.contact_phone,
        "border": template.border_style, "seal": "template" if template.seal_image else "office",
        "content": content, "lines": lines, "hours": values["hours"],
    }
    return Prepared(member, cert_type, template.id, title, reason, period_from, period_to, hours, issued_on,
                    snapshot)


def _qr_payload(code: str, serial: str) -> str:
    return f"验证码:{code} 编号:{serial}"


def document_data(cert_type: str, name: str, snapshot: dict[str, Any], *, issued_on: date, serial: str,
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


def prepared_data(prep: Prepared, serial: str, code: str, seal: bytes | None) -> CertificateData:
    photo = bytes(prep.member.photo) if prep.cert_type == CARD and prep.member.photo else None
    return document_data(prep.cert_type, prep.member.name, prep.snapshot, issued_on=prep.issued_on,
                         serial=serial, code=code, title=prep.title, period_from=prep.period_from,
                         period_to=prep.period_to, seal=seal, photo=photo)
