"""The office's own details (单位名称, 上级单位, 负责人, case-number prefix …)."""

from __future__ import annotations

from dataclasses import dataclass

from ..db.database import db
from ..db.models import OfficeSettings
from ..domain.errors import FieldError
from ..domain.text_hygiene import text_value
from . import audit


@dataclass
class OfficeInfo:
    unit_name: str
    parent_unit: str = ""
    leader_name: str = ""
    case_prefix: str = ""
    address: str = ""
    contact_phone: str = ""


def get_office() -> OfficeInfo | None:
    row = OfficeSettings.select().order_by(OfficeSettings.id).first()
    if row is None:
        return None
    return OfficeInfo(
        unit_name=row.unit_name, parent_unit=row.parent_unit, leader_name=row.leader_name,
        case_prefix=row.case_prefix, address=row.address, contact_phone=row.contact_phone,
    )


_TEXT_FIELDS = (("unit_name", "单位名称", 100), ("parent_unit", "上级单位", 100), ("leader_name", "负责人", 50),
                ("case_prefix", "编号前缀", 10), ("address", "地址", 200), ("contact_phone", "联系电话", 30))


def _cleaned(info: OfficeInfo, errors: list[FieldError]) -> OfficeInfo:
    """The office's texts after the hygiene step (domain/text_hygiene.py)."""
    return OfficeInfo(**{key: text_value(getattr(info, key), key, label, None, errors)
                         for key, label, _limit in _TEXT_FIELDS})


def validate_office(info: OfficeInfo) -> list[FieldError]:
    errors: list[FieldError] = []
    info = _cleaned(info, errors)
    for key, label, limit in _TEXT_FIELDS:
        if key not in ("unit_name", "case_prefix") and len(getattr(info, key)) > limit:
            errors.append(FieldError(key, f"{label}不能超过{limit}个字"))
    refused = {e.field for e in errors}
    if "unit_name" in refused:
        pass
    elif not info.unit_name:
        errors.append(FieldError("unit_name", "请填写单位名称"))
    elif len(info.unit_name) > 100:
        errors.append(FieldError("unit_name", "单位名称不能超过100个字"))
    prefix = info.case_prefix
    if "case_prefix" in refused:
        pass
    elif not prefix:
        errors.append(FieldError("case_prefix", "请填写案件编号前缀，例如“夏派调”"))
    elif len(prefix) > 10 or any(ch.isdigit() or ch in "()（）字第号 " for ch in prefix):
        errors.append(FieldError("case_prefix", "编号前缀只写简称，例如“夏派调”，不含数字、括号和“字”"))
    return errors


def save_office(info: OfficeInfo) -> None:
    errors = validate_office(info)
    if errors:
        raise errors[0]
    values = {key: getattr(_cleaned(info, errors), key) for key, _label, _limit in _TEXT_FIELDS}
    with db.atomic():
        row = OfficeSettings.select().order_by(OfficeSettings.id).first()
        if row is None:
            row = OfficeSettings.create(**values)
        else:
            for key, value in values.items():
                setattr(row, key, value)
            row.save()
        audit.record("修改", "office_settings", row.uuid, "单位信息")
