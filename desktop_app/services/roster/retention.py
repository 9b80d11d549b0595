"""Personal data kept to its purpose (个人信息保护法 Art. 19, 47): a member who left more than N years ago
(setting, default 5) is offered to the administrator for anonymisation; nothing is ever anonymised or
deleted without the administrator's choice.

Anonymising keeps the record for the figures (hours, duties, cases mediated, certificates issued) and
removes what identifies the person: the name becomes "已匿名队员<number>", and the ID number, birth date,
phone, address, occupation, emergency contact, photo and notes are cleared. Issued certificates stay as
issued (their register is the office's record of a document it gave out).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from peewee import JOIN

from ...db.database import db
from ...db.models import Member, Team
from ...domain.dates import add_months
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.masking import mask_id
from ...domain.pinyin_keys import pinyin_keys
from ...domain.vocabulary import LEFT
from .. import audit
from ..accounts.roles import ANONYMISE, SETTINGS, requires
from ..office.settings import get_setting, set_setting

YEARS_KEY = "privacy.member_retention_years"
DEFAULT_YEARS = 5
MINIMUM_YEARS = 1
MAXIMUM_YEARS = 50
ANONYMOUS_NAME = "已匿名队员{0:04d}"


class RetentionRefused(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def retention_years() -> int:
    value = get_setting(YEARS_KEY, DEFAULT_YEARS)
    return max(MINIMUM_YEARS, int(value or DEFAULT_YEARS))


@requires(SETTINGS)
def set_retention_years(years: int) -> None:
    if not MINIMUM_YEARS <= int(years) <= MAXIMUM_YEARS:
        raise RetentionRefused(Message(QT_TRANSLATE_NOOP("Messages", "离队队员个人信息的保留年限应在{low}到{high}年之间"),
                                       low=MINIMUM_YEARS, high=MAXIMUM_YEARS))
    with db.atomic():
        set_setting(YEARS_KEY, int(years))
        audit.record("修改", "setting", "", f"离队队员个人信息保留{int(years)}年")


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    id_masked: str
    team: str
    leave_date: date


def _cutoff(today: date) -> date:
    return add_months(today, -12 * retention_years())


def _candidates_query(today: date):
    return (Member.select(Member.id, Member.name, Member.id_number, Team.name, Member.leave_date)
            .join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id))
            .where(Member.status == LEFT, Member.leave_date.is_null(False), Member.leave_date < _cutoff(today),
                   Member.anonymised_at.is_null()))


@requires(ANONYMISE)
def anonymisation_candidates(today: date | None = None) -> list[Candidate]:
    """Members who left (退出) more than the retention period ago and are not anonymised yet."""
    rows = _candidates_query(today or date.today()).order_by(Member.leave_date, Member.id).tuples()
    return [Candidate(i, name, mask_id(number or ""), team or "", left) for i, name, number, team, left in rows]


def candidate_count(today: date | None = None) -> int:
    """How many members wait for the administrator's choice (for a reminder; no personal data)."""
    return _candidates_query(today or date.today()).count()


@requires(ANONYMISE)
def anonymise_member(member_id: int, today: date | None = None) -> None:
    """Remove what identifies a member who left long enough ago (see the module's note)."""
    today = today or date.today()
    with db.atomic():
        member = Member.get_or_none(Member.id == member_id)
        if member is None:
            raise RetentionRefused(QT_TRANSLATE_NOOP("Messages", "没有这名队员"))
        if member.anonymised_at is not None:
            raise RetentionRefused(QT_TRANSLATE_NOOP("Messages", "这名队员的个人信息已经匿名化"))
        if member.status != LEFT or member.leave_date is None or member.leave_date >= _cutoff(today):
            raise RetentionRefused(Message(QT_TRANSLATE_NOOP("Messages", "只有离队满{years}年的队员才能匿名化"),
                                           years=retention_years()))
        member.name = ANONYMOUS_NAME.format(member.id)
        member.pinyin_full, member.pinyin_initials = pinyin_keys(member.name)
        member.id_number = None
        member.birth_date = None
        for text_field in ("phone", "address", "occupation", "political_status", "emergency_contact",
                           "emergency_phone", "notes"):
            setattr(member, text_field, "")
        member.photo = None
        member.anonymised_at = datetime.now()
        member.save()
        audit.record("匿名化", "member", member.uuid, f"离队满{retention_years()}年，个人信息已匿名化")
