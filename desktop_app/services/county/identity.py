"""Which office a data folder is, and whether it is an office's or the county's.

An office's identity (its uuid, name and optional 机构代码) is made with its details at set-up
(services/office/details.py; migration 10 gave one to folders set up before). A county folder is set up by
`set_up_county`: its own details with the mode "county", and its key pair (keys.py). A county does not
enter office records: it reads the copies the offices' packages bring (copies.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from ...db.database import db
from ...db.models import OfficeSettings, User
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.text_hygiene import text_value
from .. import audit
from ..accounts.roles import SETTINGS, require
from .keys import make_county_keys

OFFICE_MODE = "office"
COUNTY_MODE = "county"
COUNTY_CASE_PREFIX = "县调"  # a county registers no cases; the column is not empty all the same


@dataclass(frozen=True)
class OfficeIdentity:
    uuid: str
    name: str
    org_code: str
    mode: str

    @property
    def is_county(self) -> bool:
        return self.mode == COUNTY_MODE


def identity() -> OfficeIdentity | None:
    """The open folder's identity (None before its details are entered)."""
    row = OfficeSettings.select().order_by(OfficeSettings.id).first()
    if row is None:
        return None
    return OfficeIdentity(row.office_uuid, row.unit_name, row.org_code, row.mode)


def is_county() -> bool:
    found = identity()
    return found is not None and found.is_county


def set_up_county(root: Path, name: str, org_code: str = "") -> OfficeIdentity:
    """A new folder becomes the county's: its details in county mode and its keys (in `root/keys/`).
    Call before its first account exists (as `init` does) or as an administrator."""
    if User.select().exists():
        require(SETTINGS)
    errors: list[FieldError] = []
    name = text_value(name, "unit_name", QT_TRANSLATE_NOOP("Messages", "县局名称"), 100, errors)
    org_code = text_value(org_code, "org_code", QT_TRANSLATE_NOOP("Messages", "机构代码"), 18, errors)
    if not name and not errors:
        errors.append(FieldError("unit_name", QT_TRANSLATE_NOOP("Messages", "请填写县局名称")))
    if errors:
        raise errors[0]
    if OfficeSettings.select().exists():
        raise FieldError("unit_name", QT_TRANSLATE_NOOP("Messages", "这个数据文件夹已有单位信息，不能再设为县局"))
    with db.atomic():
        row = OfficeSettings.create(unit_name=name, org_code=org_code, case_prefix=COUNTY_CASE_PREFIX,
                                    office_uuid=uuid.uuid4().hex, mode=COUNTY_MODE)
        audit.record("新增", "office_settings", row.uuid, "设为县局数据文件夹")
        make_county_keys(root)
    found = identity()
    assert found is not None
    return found
