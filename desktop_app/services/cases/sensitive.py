"""A party under 14 is sensitive personal information (个人信息保护法 Art. 28, 31): a guardian is required,
and the party is shown only to the roles whose work needs it (roles.SENSITIVE). Everyone else sees the
party as `HIDDEN_MINOR`, without name, identity or contact, in lists, registers and masked printouts.

Parties' ID numbers, phones and addresses in full are the case's own form's (roles.READ_FULL); other
roles see them masked by the one masking rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.masking import mask_address, mask_id, mask_phone
from ..accounts.roles import READ_FULL, SENSITIVE, allowed

if TYPE_CHECKING:
    from .parties import PartyEntry

SENSITIVE_AGE = 14
HIDDEN_MINOR = QT_TRANSLATE_NOOP("Messages", "（未满十四周岁当事人，已隐去）")


def is_under_fourteen(birth_date: date | None, age: int | None, today: date) -> bool:
    """Under 14 by the birth date when known, else by the age recorded."""
    if birth_date is not None:
        return (today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))
                < SENSITIVE_AGE)
    return age is not None and age < SENSITIVE_AGE


def may_see_sensitive() -> bool:
    return allowed(SENSITIVE)


def shown_name(name: str, birth_date: date | None, age: int | None, today: date) -> str:
    """The party's name as the acting account may see it."""
    if is_under_fourteen(birth_date, age, today) and not may_see_sensitive():
        return HIDDEN_MINOR
    return name


def as_seen(entry: PartyEntry, names: dict[int, str]) -> PartyEntry:
    """The party as the acting account may see it: hidden when sensitive and not theirs to see; masked
    identity and contact without READ_FULL; `names` maps party ids to their shown names (guardians)."""
    guardian_of = names.get(entry.guardian_of_id, "") if entry.guardian_of_id else ""
    if entry.sensitive and not may_see_sensitive():
        return replace(entry, name=HIDDEN_MINOR, gender="", ethnic_code="", ethnic="", age=None, birth_date=None,
                       id_number="", phone="", address="", occupation="", guardian_of_name=guardian_of)
    if not allowed(READ_FULL):
        return replace(entry, id_number=mask_id(entry.id_number) if entry.id_number else "",
                       phone=mask_phone(entry.phone), address=mask_address(entry.address), birth_date=None,
                       guardian_of_name=guardian_of)
    return replace(entry, guardian_of_name=guardian_of)
