"""Certificate templates: the shipped defaults (resources/templates/certificates.json, with the office's
overrides), the templates kept per type (list, save, delete, reset), their wording checks and placeholders,
the border styles, and the seal (a template's own or the office's)."""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

from ...config import resources_dir
from ...db.database import db
from ...db.models import CertificateTemplate, OfficeSettings
from ...documents.certificate_layout import BORDER_STYLES
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.ranges import as_record_id
from ...domain.vocabulary import CERTIFICATE_TYPES
from .. import audit
from ..accounts.roles import SETTINGS, requires
from ..clients.versions import check_version, save_checked
from .errors import CertificateRefused, refused_unless_clean

TEMPLATES_FILE = "certificates.json"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_TEMPLATE_NAME = 50
MAX_WORDING = 5_000


class _Unchanged(Enum):
    """`save_template` without `seal_image`: the stored seal stays as it is."""

    KEEP = "keep"


_KEEP = _Unchanged.KEEP


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    type: str
    name: str
    wording: str
    border_style: str
    is_default: bool
    has_seal: bool
    version: int = 1  # the stored template's, carried back by the form's save


# --- types and the office --------------------------------------------------------------------------


def office_row() -> OfficeSettings | None:
    return OfficeSettings.select().order_by(OfficeSettings.id).first()


def check_type(cert_type: str) -> None:
    if cert_type not in CERTIFICATE_TYPES:
        raise CertificateRefused(Message(QT_TRANSLATE_NOOP("Messages", "证书类别应为 {types}"),
                                         types=" / ".join(CERTIFICATE_TYPES)))


# --- templates -------------------------------------------------------------------------------------


@cache
def _defaults() -> dict[str, Any]:
    with open(resources_dir() / "templates" / TEMPLATES_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def placeholders() -> dict[str, str]:
    """Placeholder → what it is filled with (for the template editor's help)."""
    return dict(_defaults()["placeholders"])


# What each placeholder reads as in the editor's plain-words preview ("〔姓名〕同志：…").
PLACEHOLDER_WORDS = {
    "name": QT_TRANSLATE_NOOP("Messages", "姓名"), "unit": QT_TRANSLATE_NOOP("Messages", "单位名称"),
    "team": QT_TRANSLATE_NOOP("Messages", "所在队伍"), "title": QT_TRANSLATE_NOOP("Messages", "荣誉称号"),
    "reason": QT_TRANSLATE_NOOP("Messages", "表彰事由"), "period_from": QT_TRANSLATE_NOOP("Messages", "起始日期"),
    "period_to": QT_TRANSLATE_NOOP("Messages", "截止日期"), "hours": QT_TRANSLATE_NOOP("Messages", "服务时长"),
    "content": QT_TRANSLATE_NOOP("Messages", "服务内容"), "id_type": QT_TRANSLATE_NOOP("Messages", "证件类型"),
    "id_masked": QT_TRANSLATE_NOOP("Messages", "证件号码"), "identity": QT_TRANSLATE_NOOP("Messages", "证件信息"),
    "year": QT_TRANSLATE_NOOP("Messages", "签发年份"), "issued_on": QT_TRANSLATE_NOOP("Messages", "签发日期"),
}


def placeholder_word(key: str) -> str:
    """The Chinese word a placeholder stands for (its own key when unknown)."""
    return PLACEHOLDER_WORDS.get(key, key)


def readable_wording(wording: str) -> str:
    """The wording with each known placeholder shown as 〔its Chinese word〕, for the editor's preview."""
    def word(match: re.Match[str]) -> str:
        key = match.group(1)
        return f"〔{PLACEHOLDER_WORDS[key]}〕" if key in PLACEHOLDER_WORDS else match.group(0)

    return re.sub(r"\{([A-Za-z_]+)\}", word, wording)


def border_style_names() -> dict[str, str]:
    return {key: _defaults()["border_styles"].get(key, key) for key in BORDER_STYLES}


def builtin_template(cert_type: str) -> dict[str, str]:
    """The wording, border style and name shipped in resources/templates/certificates.json."""
    check_type(cert_type)
    return dict(_defaults()["types"][cert_type])


def _office_override(cert_type: str) -> dict[str, str]:
    """OfficeSettings.certificate_wording: {"聘书": "wording"} or {"聘书": {"wording": …, "border_style": …}}."""
    office = office_row()
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
    missing = [t for t in CERTIFICATE_TYPES if t not in have]
    if not missing:
        return
    with db.atomic():
        for cert_type in missing:
            values = {**builtin_template(cert_type), **_office_override(cert_type)}
            CertificateTemplate.create(type=cert_type, name=values["name"], wording=values["wording"],
                                       border_style=values["border_style"], is_default=True)


def _template_info(row: CertificateTemplate) -> TemplateInfo:
    return TemplateInfo(row.id, row.type, row.name, row.wording, row.border_style, bool(row.is_default),
                        bool(row.seal_image), row.version)


def list_templates(cert_type: str | None = None) -> list[TemplateInfo]:
    ensure_default_templates()
    query = CertificateTemplate.select()
    if cert_type is not None:
        check_type(cert_type)
        query = query.where(CertificateTemplate.type == cert_type)
    rows = query.order_by(CertificateTemplate.type, CertificateTemplate.is_default.desc(),
                          CertificateTemplate.id)
    return [_template_info(row) for row in rows]


def default_template(cert_type: str) -> TemplateInfo:
    check_type(cert_type)
    ensure_default_templates()
    row = (CertificateTemplate.select().where(CertificateTemplate.type == cert_type)
           .order_by(CertificateTemplate.is_default.desc(), CertificateTemplate.id).first())
    return _template_info(row)


def get_template(template_id: int) -> TemplateInfo:
    row = CertificateTemplate.get_or_none(CertificateTemplate.id == template_id)
    if row is None:
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "所选证书模板不存在"))
    return _template_info(row)


def check_wording(wording: str) -> list[str]:
    """The problems of a wording (unknown placeholders, unmatched braces); [] when it is usable."""
    known = placeholders()
    problems = []
    if not wording.strip():
        return [QT_TRANSLATE_NOOP("Messages", "措辞不能为空")]
    try:
        names = [name for _text, name, _spec, _conv in string.Formatter().parse(wording) if name is not None]
    except ValueError:
        return [QT_TRANSLATE_NOOP("Messages", "花括号不成对：占位符应写成 {name} 这样的形式")]
    for name in names:
        if name not in known:
            problems.append(f"未知的占位符 {{{name}}}，可用：" + "、".join(f"{{{k}}}" for k in known))
    return problems


@requires(SETTINGS)
def save_template(template_id: int | None, cert_type: str, name: str, wording: str, border_style: str, *,
                  is_default: bool = False, seal_image: bytes | _Unchanged | None = _KEEP,
                  version: int | None = None) -> TemplateInfo:
    """Add (template_id None) or change a template; `seal_image` None removes the template's own seal.
    `version`: the one the form loaded; `RecordChanged` when another PC saved the template since."""
    check_type(cert_type)
    name = refused_unless_clean(name, QT_TRANSLATE_NOOP("Messages", "模板名称"))
    if not name:
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "请填写模板名称"))
    if len(name) > MAX_TEMPLATE_NAME:
        raise CertificateRefused(
            Message(QT_TRANSLATE_NOOP("Messages", "模板名称不能超过{max_template_name}个字"),
                    max_template_name=MAX_TEMPLATE_NAME))
    wording = refused_unless_clean(wording, QT_TRANSLATE_NOOP("Messages", "措辞"), MAX_WORDING, multiline=True)
    if border_style not in BORDER_STYLES:
        raise CertificateRefused(Message(QT_TRANSLATE_NOOP("Messages", "边框样式应为 {styles}"),
                                         styles=" / ".join(border_style_names().values())))
    problems = check_wording(wording)
    if problems:
        raise CertificateRefused("；".join(problems))
    if seal_image is not _KEEP and seal_image is not None:
        check_seal_image(seal_image)
    with db.atomic():
        ensure_default_templates()
        if template_id is None:
            row = CertificateTemplate(type=cert_type)
        else:
            row = CertificateTemplate.get_or_none(CertificateTemplate.id == as_record_id(template_id))
            if row is None:
                raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "所选证书模板不存在"))
            if row.type != cert_type:
                raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "模板的证书类别不能更改"))
            check_version(row, version)
        row.name, row.wording, row.border_style = name, wording.strip("\n"), border_style
        if seal_image is not _KEEP:
            row.seal_image = seal_image
        if is_default:
            row.is_default = True
        save_checked(row, version if template_id is not None else None)
        if is_default:
            (CertificateTemplate.update(is_default=False, **CertificateTemplate.bumped())  # a form open on it
             .where(CertificateTemplate.type == cert_type, CertificateTemplate.id != row.id,
                    CertificateTemplate.is_default == True).execute())  # noqa: E712
        audit.record("新增" if template_id is None else "修改", "certificate_template", row.uuid,
                     f"{cert_type}模板“{name}”")
    return _template_info(row)


@requires(SETTINGS)
def delete_template(template_id: int) -> None:
    """Remove a template that is not its type's default (issued certificates keep what they printed)."""
    with db.atomic():
        row = CertificateTemplate.get_or_none(CertificateTemplate.id == template_id)
        if row is None:
            return
        if row.is_default:
            raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "默认模板不能删除；请先把另一个模板设为默认"))
        audit.record("删除", "certificate_template", row.uuid, f"{row.type}模板“{row.name}”")
        row.delete_instance()


@requires(SETTINGS)
def reset_template(template_id: int) -> TemplateInfo:
    """Put the shipped wording and border style back into a template."""
    row = CertificateTemplate.get_or_none(CertificateTemplate.id == template_id)
    if row is None:
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "所选证书模板不存在"))
    values = builtin_template(row.type)
    return save_template(row.id, row.type, row.name, values["wording"], values["border_style"])


def check_seal_image(data: bytes) -> None:
    if not data.startswith(PNG_SIGNATURE):
        raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "印章图片应为透明背景的 PNG 文件"))


@requires(SETTINGS)
def set_office_seal(png: bytes | None) -> None:
    """The office's seal image (transparent PNG) for every template without its own; None removes it."""
    if png is not None:
        check_seal_image(png)
    with db.atomic():
        office = office_row()
        if office is None:
            raise CertificateRefused(QT_TRANSLATE_NOOP("Messages", "请先在“单位信息”中填写单位名称"))
        office.seal_image = png
        office.save()
        audit.record("修改", "office_settings", office.uuid, "印章图片" + ("删除" if png is None else "更换"))


def office_seal() -> bytes | None:
    office = office_row()
    return bytes(office.seal_image) if office is not None and office.seal_image else None
