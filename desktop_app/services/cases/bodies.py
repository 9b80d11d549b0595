"""The mediating bodies and the office's officers.

- 人民调解委员会 (MediatingBody): name, seal image, number prefix; one of them the default. A 人民调解 case
  belongs to one: its documents are issued and sealed in that name (人民调解法 Art. 29: "调解协议书自各方
  当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效") and numbered in its own
  series. A 治安调解 case is the 派出所's own (numbered with the office's prefix, services/office/details.py).
- 本所民警: the officers a 治安调解 主持人 is chosen from (治安调解工作规范 Art. 2: "在公安机关的主持下").

Cases from before the 调委会 existed (migration 5) stay unassigned until `assign_unassigned` gives them to
one; their numbers do not change. Every change is one transaction with an audit record.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ...db.database import db
from ...db.models import Case, MediatingBody
from ...domain.case_numbers import MAX_PREFIX_LENGTH, format_case_number
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.names import validate_name
from ...domain.text_hygiene import text_value
from ...domain.vocabulary import PEOPLES_MEDIATION
from .. import audit
from ..accounts.roles import SETTINGS, requires
from ..clients.versions import check_version, save_checked
from ..office.details import get_office
from ..office.settings import get_setting, set_setting
from .fields import CaseInvalid

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_BODY_NAME = 100
MAX_OFFICERS = 200
OFFICERS_KEY = "cases.officers"


class Unchanged(Enum):
    """`save_body(seal_image=KEEP)`: the stored seal stays as it is."""

    KEEP = "keep"


KEEP = Unchanged.KEEP


@dataclass(frozen=True)
class BodyInfo:
    id: int
    name: str
    number_prefix: str
    is_default: bool
    active: bool
    has_seal: bool
    version: int = 1  # the stored body's, carried back by the form's save

    def sample_number(self, year: int = 2026) -> str:
        """"（2026）夏人调字第001号" — what its numbers look like."""
        return format_case_number(year, self.number_prefix, 1)


def sample_number(prefix: str, year: int = 2026) -> str:
    """What the numbers of a 调委会 with this prefix (as typed) look like; "" while it is no valid prefix."""
    try:
        return format_case_number(year, check_prefix(prefix), 1)
    except FieldError:
        return ""


def _info(row: MediatingBody) -> BodyInfo:
    return BodyInfo(row.id, row.name, row.number_prefix, bool(row.is_default), bool(row.active),
                    bool(row.seal_image), row.version)


def list_bodies(active_only: bool = False) -> list[BodyInfo]:
    query = MediatingBody.select()
    if active_only:
        query = query.where(MediatingBody.active == True)  # noqa: E712
    return [_info(row) for row in query.order_by(MediatingBody.is_default.desc(), MediatingBody.id)]


def get_body(body_id: int) -> BodyInfo | None:
    row = MediatingBody.get_or_none(MediatingBody.id == body_id)
    return _info(row) if row is not None else None


def default_body() -> BodyInfo | None:
    """The active default 调委会, else the first active one; None when the office has none."""
    bodies = list_bodies(active_only=True)
    return next((b for b in bodies if b.is_default), bodies[0] if bodies else None)


def body_seal(body_id: int | None) -> bytes | None:
    if body_id is None:
        return None
    row = MediatingBody.get_or_none(MediatingBody.id == body_id)
    return bytes(row.seal_image) if row is not None and row.seal_image else None


def check_prefix(prefix: str, field: str = "number_prefix") -> str:
    """The prefix as stored ("夏人调"), or FieldError: letters only, no 字第, at most MAX_PREFIX_LENGTH."""
    value = (prefix or "").strip().removesuffix("字")
    if not value:
        raise FieldError(field, QT_TRANSLATE_NOOP("Messages", "请填写编号前缀，如“夏人调”（编号为“（2026）夏人调字第001号”）"))
    if len(value) > MAX_PREFIX_LENGTH or not all(ch.isalpha() for ch in value) or "字第" in value:
        raise FieldError(field, Message(QT_TRANSLATE_NOOP("Messages", "编号前缀只能由文字组成，不超过{limit}个字，如“夏人调”"),
                                        limit=MAX_PREFIX_LENGTH))
    return value


@requires(SETTINGS)
def save_body(body_id: int | None, name: str, number_prefix: str, *, is_default: bool = False,
              active: bool = True, seal_image: bytes | Unchanged | None = KEEP,
              version: int | None = None) -> BodyInfo:
    """Add (body_id None) or change a 调委会; `CaseInvalid` naming each wrong field. The prefix of a body
    that already numbered cases cannot change (its numbers would no longer be one series). `version`: the
    one the form loaded; `RecordChanged` when another PC saved the body since."""
    errors: list[FieldError] = []
    name = " ".join(text_value(name, "name", QT_TRANSLATE_NOOP("Messages", "调解组织名称"), None, errors).split())
    if errors:  # a character that cannot be stored: said at the field
        name = ""
    elif not name:
        errors.append(FieldError("name", QT_TRANSLATE_NOOP("Messages", "请填写调解组织名称，如“夏普吐勒镇人民调解委员会”")))
    elif len(name) > MAX_BODY_NAME:
        errors.append(FieldError("name", Message(QT_TRANSLATE_NOOP("Messages", "名称不能超过{limit}个字"),
                                                 limit=MAX_BODY_NAME)))
    elif "人民调解" not in name:
        errors.append(FieldError("name", QT_TRANSLATE_NOOP(
            "Messages", "名称应为人民调解委员会（或人民调解室）的全称，如“夏普吐勒镇人民调解委员会”")))
    prefix = ""
    try:
        prefix = check_prefix(number_prefix)
    except FieldError as exc:
        errors.append(exc)
    office = get_office()
    if prefix and office and office.case_prefix.strip().removesuffix("字") == prefix:
        errors.append(FieldError("number_prefix", Message(QT_TRANSLATE_NOOP(
            "Messages", "编号前缀与本所治安调解编号前缀“{prefix}”相同：人民调解与治安调解须分别编号"), prefix=prefix)))
    if seal_image is not KEEP and seal_image is not None and not bytes(seal_image).startswith(PNG_SIGNATURE):
        errors.append(FieldError("seal", QT_TRANSLATE_NOOP("Messages", "印章图片应为透明背景的 PNG 文件")))
    with db.atomic():
        row = MediatingBody() if body_id is None else MediatingBody.get_or_none(MediatingBody.id == body_id)
        if row is None:
            raise CaseInvalid([FieldError("name", QT_TRANSLATE_NOOP("Messages", "所选调解组织不存在"))])
        if body_id is not None:
            check_version(row, version)
        if name and MediatingBody.select().where(MediatingBody.name == name,
                                                 MediatingBody.id != (body_id or 0)).exists():
            errors.append(FieldError("name", Message(QT_TRANSLATE_NOOP("Messages", "已有名为“{name}”的调解组织"),
                                                     name=name)))
        if prefix and MediatingBody.select().where(MediatingBody.number_prefix == prefix,
                                                   MediatingBody.id != (body_id or 0)).exists():
            errors.append(FieldError("number_prefix", Message(QT_TRANSLATE_NOOP(
                "Messages", "编号前缀“{prefix}”已由另一个调解组织使用"), prefix=prefix)))
        if body_id is not None and prefix and prefix != row.number_prefix \
                and Case.select().where(Case.body == body_id).exists():
            errors.append(FieldError("number_prefix", QT_TRANSLATE_NOOP("Messages", "该调解组织已有案件编号，编号前缀不能再更改")))
        if errors:
            raise CaseInvalid(errors)
        first = not MediatingBody.select().where(MediatingBody.active == True).exists()  # noqa: E712
        row.name, row.number_prefix, row.active = name, prefix, bool(active)
        row.is_default = bool(is_default or (first and active))
        if seal_image is not KEEP:
            row.seal_image = seal_image
        save_checked(row, version if body_id is not None else None)
        if row.is_default:
            (MediatingBody.update(is_default=False, **MediatingBody.bumped())  # a form open on it hears of it
             .where(MediatingBody.id != row.id, MediatingBody.is_default == True).execute())  # noqa: E712
        audit.record("新增" if body_id is None else "修改", "mediating_body", row.uuid, f"调解组织“{name}”")
    return _info(row)


def unassigned_count() -> int:
    """人民调解 cases that belong to no 调委会 yet (registered before there were any)."""
    return Case.select().where(Case.kind == PEOPLES_MEDIATION, Case.body.is_null(),
                               Case.deleted_at.is_null()).count()


@requires(SETTINGS)
def assign_unassigned(body_id: int) -> int:
    """Give every unassigned 人民调解 case to this 调委会 (their numbers stay as they are); how many."""
    with db.atomic():
        row = MediatingBody.get_or_none(MediatingBody.id == body_id)
        if row is None or not row.active:
            raise CaseInvalid([FieldError("body", QT_TRANSLATE_NOOP("Messages", "所选调解组织不存在或已停用"))])
        moved = (Case.update(body=body_id, **Case.bumped()).where(Case.kind == PEOPLES_MEDIATION, Case.body.is_null())
                 .execute())
        if moved:
            audit.record("修改", "case", "", f"{moved}件人民调解案件归入“{row.name}”（编号不变）")
    return moved


# --- the office's officers -----------------------------------------------------------------------


def list_officers() -> list[str]:
    """The officers a 治安调解 may be hosted by, in the office's order."""
    value = get_setting(OFFICERS_KEY, [])
    return [str(name) for name in value] if isinstance(value, list) else []


@requires(SETTINGS)
def save_officers(names: list[str]) -> list[str]:
    """Store the list (names checked, duplicates dropped); `CaseInvalid` naming the first wrong name."""
    cleaned: list[str] = []
    for raw in names:
        if not (raw or "").strip():
            continue
        try:
            name = validate_name(raw)
        except FieldError as exc:
            raise CaseInvalid([FieldError("officers", Message(QT_TRANSLATE_NOOP("Messages", "“{name}”：{message}"),
                                                              name=raw.strip(), message=exc.message))]) from None
        if name not in cleaned:
            cleaned.append(name)
    if len(cleaned) > MAX_OFFICERS:
        raise CaseInvalid([FieldError("officers", Message(QT_TRANSLATE_NOOP("Messages", "最多登记{limit}名民警"),
                                                          limit=MAX_OFFICERS))])
    with db.atomic():
        set_setting(OFFICERS_KEY, cleaned)
        audit.record("修改", "setting", "", f"本所民警名单（{len(cleaned)}人）")
    return cleaned
