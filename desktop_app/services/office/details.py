"""The office's own details (单位名称, 上级单位, 负责人, the number prefix of its 治安调解 cases …) and whether it
counts 新疆's holidays (肉孜节, 古尔邦节): on by default for an office whose names place it in 新疆, changeable.
(The 人民调解委员会 with their own prefixes are in services/cases/bodies.py.)"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from ...db.database import db
from ...db.models import MediatingBody, OfficeSettings, User
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.text_hygiene import text_value
from ...domain.xinjiang_places import is_in_xinjiang
from .. import audit
from ..accounts.roles import SETTINGS, require
from ..clients.versions import check_version, save_checked
from .settings import get_setting, set_setting

XINJIANG_HOLIDAYS_KEY = "calendar.xinjiang_holidays"


@dataclass
class OfficeInfo:
    unit_name: str
    parent_unit: str = ""
    leader_name: str = ""
    case_prefix: str = ""
    address: str = ""
    contact_phone: str = ""
    org_code: str = ""  # 机构代码 (统一社会信用代码), optional
    version: int | None = field(default=None, compare=False)  # the stored row's, as the form loaded it


def get_office() -> OfficeInfo | None:
    row = OfficeSettings.select().order_by(OfficeSettings.id).first()
    if row is None:
        return None
    return OfficeInfo(
        unit_name=row.unit_name, parent_unit=row.parent_unit, leader_name=row.leader_name,
        case_prefix=row.case_prefix, address=row.address, contact_phone=row.contact_phone, org_code=row.org_code,
        version=row.version,
    )


_TEXT_FIELDS = (
    ("unit_name", QT_TRANSLATE_NOOP("Messages", "单位名称"), 100),
    ("parent_unit", QT_TRANSLATE_NOOP("Messages", "上级单位"), 100),
    ("leader_name", QT_TRANSLATE_NOOP("Messages", "负责人"), 50),
    ("case_prefix", QT_TRANSLATE_NOOP("Messages", "编号前缀"), 10),
    ("address", QT_TRANSLATE_NOOP("Messages", "地址"), 200),
    ("contact_phone", QT_TRANSLATE_NOOP("Messages", "联系电话"), 30),
    ("org_code", QT_TRANSLATE_NOOP("Messages", "机构代码"), 18),
)


def _cleaned(info: OfficeInfo, errors: list[FieldError]) -> OfficeInfo:
    """The office's texts after the hygiene step (domain/text_hygiene.py)."""
    texts: dict[str, str] = {key: text_value(getattr(info, key), key, label, None, errors)
                             for key, label, _limit in _TEXT_FIELDS}
    return OfficeInfo(unit_name=texts.pop("unit_name"), **texts, version=info.version)


def validate_office(info: OfficeInfo) -> list[FieldError]:
    errors: list[FieldError] = []
    info = _cleaned(info, errors)
    for key, label, limit in _TEXT_FIELDS:
        if key not in ("unit_name", "case_prefix") and len(getattr(info, key)) > limit:
            errors.append(FieldError(key, Message(QT_TRANSLATE_NOOP("Messages", "{label}不能超过{limit}个字"),
                                                      label=label, limit=limit)))
    if info.org_code.strip() and not all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in info.org_code.strip()):
        errors.append(FieldError("org_code", QT_TRANSLATE_NOOP("Messages", "机构代码只含字母、数字和“-”")))
    refused = {e.field for e in errors}
    if "unit_name" in refused:
        pass
    elif not info.unit_name:
        errors.append(FieldError("unit_name", QT_TRANSLATE_NOOP("Messages", "请填写单位名称")))
    elif len(info.unit_name) > 100:
        errors.append(FieldError("unit_name", QT_TRANSLATE_NOOP("Messages", "单位名称不能超过100个字")))
    prefix = info.case_prefix
    if "case_prefix" in refused:
        pass
    elif not prefix:
        errors.append(FieldError("case_prefix", QT_TRANSLATE_NOOP("Messages", "请填写案件编号前缀，例如“夏派调”")))
    elif len(prefix) > 10 or any(ch.isdigit() or ch in "()（）字第号 " for ch in prefix):
        errors.append(FieldError("case_prefix",
            QT_TRANSLATE_NOOP("Messages", "编号前缀只写简称，例如“夏派调”，不含数字、括号和“字”")))
    elif MediatingBody.select().where(MediatingBody.number_prefix == prefix).exists():
        errors.append(FieldError("case_prefix", Message(QT_TRANSLATE_NOOP(
            "Messages", "“{prefix}”已是人民调解委员会的编号前缀：治安调解与人民调解须分别编号"), prefix=prefix)))
    return errors


def _require_settings_or_set_up() -> None:
    """The office's details are the administrator's; while a new data folder is set up (before its first
    account exists) whoever sets it up enters them."""
    if User.select().exists():
        require(SETTINGS)


def save_office(info: OfficeInfo) -> None:
    """Store the office's details; `RecordChanged` when `info.version` (the one the form loaded) is no
    longer the stored one (another PC saved them since)."""
    _require_settings_or_set_up()
    errors = validate_office(info)
    if errors:
        raise errors[0]
    counted_before = counts_xinjiang_holidays()
    values = {key: getattr(_cleaned(info, errors), key) for key, _label, _limit in _TEXT_FIELDS}
    with db.atomic():
        row = OfficeSettings.select().order_by(OfficeSettings.id).first()
        if row is None:  # the folder's identity among the county's offices is made with it (migration 10)
            row = OfficeSettings.create(**values, office_uuid=uuid.uuid4().hex)
        else:
            check_version(row, info.version)
            for key, value in values.items():
                setattr(row, key, value)
            save_checked(row, info.version)
        audit.record("修改", "office_settings", row.uuid, "单位信息")
    _calendar_changed(counted_before)


def xinjiang_by_default(info: OfficeInfo | None) -> bool:
    """What the 新疆 holidays switch is when the office has not set it: on for an office in 新疆."""
    return info is not None and is_in_xinjiang(info.unit_name, info.parent_unit, info.address)


def xinjiang_holidays_choice() -> bool | None:
    """The office's own choice, or None when it follows `xinjiang_by_default`."""
    value = get_setting(XINJIANG_HOLIDAYS_KEY, None)
    return None if value is None else bool(value)


def counts_xinjiang_holidays() -> bool:
    """Whether 肉孜节 and 古尔邦节 are days off for this office (新疆's 少数民族习惯节日)."""
    choice = xinjiang_holidays_choice()
    return xinjiang_by_default(get_office()) if choice is None else choice


def set_xinjiang_holidays(counts: bool | None) -> None:
    """Set the switch (None: follow the office's place again)."""
    _require_settings_or_set_up()
    counted_before = counts_xinjiang_holidays()
    with db.atomic():
        set_setting(XINJIANG_HOLIDAYS_KEY, counts)
        word = "跟随单位所在地" if counts is None else ("计入" if counts else "不计入")
        audit.record("修改", "setting", "", f"新疆少数民族习惯节日（肉孜节、古尔邦节）：{word}")
    _calendar_changed(counted_before)


def _calendar_changed(counted_before: bool) -> None:
    """The calendar reads this module (imported here to keep one direction); when the switch's effect changed,
    the open deadlines counted in working days are recomputed."""
    from ..calendar.working_days import invalidate

    invalidate()
    if counts_xinjiang_holidays() != counted_before:
        from ..cases.workflow import recompute_deadlines

        recompute_deadlines(date.min)
