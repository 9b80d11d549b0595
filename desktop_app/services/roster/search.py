"""The roster table's queries: which members match a search and filters, in which order, and the
shown (masked) values of one page of them.

`search_ids` returns only ids, and `fetch_rows` is asked for a page at a time, so a 100,000-member
roster costs a list of integers until the user scrolls. The id query is built with peewee but read
through the raw cursor: turning 100,000 rows into peewee tuples would cost more than the query.
"""

from __future__ import annotations

import operator
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache, reduce

from peewee import JOIN, Case, Value

from ...db.database import db
from ...db.dialect import among, binary, contains, ends_with, is_postgres
from ...db.models import Member, Team
from ...domain.ethnic_groups import ETHNIC_GROUPS
from ...domain.masking import mask_id, mask_phone
from ...domain.names import normalize_name
from ...domain.pinyin_keys import pinyin_keys, search_term
from ...domain.text_folding import fold_fullwidth
from ...domain.vocabulary import MEMBER_STATUSES

INSURANCE_EXPIRED = "expired"
INSURANCE_EXPIRING = "expiring"  # within INSURANCE_WARNING_DAYS, not yet expired
INSURANCE_MISSING = "missing"  # no expiry date recorded
INSURANCE_WARNING_DAYS = 30
INSURANCE_STATE_EXPIRED = "已过期"
INSURANCE_STATE_EXPIRING = "即将到期"

NO_TEAM = 0  # RosterFilter.team_id for members without a team; real ids start at 1

PHONE_TAIL_MIN = 3
ID_TAIL_MIN = 4

SORT_KEYS = ("name", "gender", "ethnic", "team", "id_number", "phone", "status", "skills", "join_date",
             "insurance_expires_on")
_DIGITS_ONLY = re.compile(r"[0-9]+")
_ID_TAIL = re.compile(r"[0-9]*[0-9X]")
_DIGIT_SEPARATORS = re.compile(r"[\s\-]+")
_IN_CHUNK = 500


@dataclass(frozen=True)
class RosterFilter:
    text: str = ""
    team_id: int | None = None
    status: str | None = None
    skill: str | None = None
    insurance: str | None = None
    include_deleted: bool = False


@dataclass(frozen=True)
class RosterRow:
    id: int
    name: str
    gender: str
    ethnic: str
    team: str
    id_masked: str
    phone_masked: str
    status: str
    skills: str
    join_date: date | None
    insurance_expires_on: date | None
    insurance_state: str
    deleted: bool = False


def insurance_state(expires_on: date | None, today: date | None = None) -> str:
    """"" (fine or not recorded), "已过期" or "即将到期" (within 30 days)."""
    if expires_on is None:
        return ""
    today = today or date.today()
    if expires_on < today:
        return INSURANCE_STATE_EXPIRED
    if expires_on <= today + timedelta(days=INSURANCE_WARNING_DAYS):
        return INSURANCE_STATE_EXPIRING
    return ""


def ethnic_name(code: str) -> str:
    """The group's name, or the stored code itself when it is not in the standard's list."""
    return ETHNIC_GROUPS.get(code, code or "")


def count_all() -> int:
    """Members on the roster (not deleted), whatever the filters."""
    return Member.select().where(Member.deleted_at.is_null()).count()


def search_ids(flt: RosterFilter, sort_key: str = "name", descending: bool = False,
               today: date | None = None) -> list[int]:
    """The ids of the members matching `flt`, in the order of `sort_key` (ties in name order)."""
    if sort_key not in SORT_KEYS:
        raise ValueError(f"unknown sort key: {sort_key}")
    conditions = _conditions(flt, today or date.today())
    if conditions is None:
        return []
    stamp = data_stamp()
    with _orders_lock:
        order = _orders.get((sort_key, descending))
    if order is not None and order.stamp == stamp:
        query = Member.select(Member.id).where(*conditions) if conditions else Member.select(Member.id)
        sql, params = query.sql()
        ordered = order.arrange([row[0] for row in db.execute_sql(sql, params).fetchall()])
        if ordered is not None:
            return ordered
    return _search_and_remember_order(conditions, sort_key, descending, stamp)


# The order of the whole roster by each sort key is kept between calls, so that a search only has to
# find the matching rows (one scan) and not sort them again: sorting 100,000 rows is most of a query's
# cost. Which rows match is always asked of the database; a kept order can at worst be out of date for
# the order, never for what is shown. It is dropped when the database changes (PRAGMA data_version for
# other connections, total_changes for this one; on PostgreSQL when the server's WAL position moved) or
# when `forget_kept_orders()` is called.


@dataclass
class _KeptOrder:
    stamp: tuple
    ids: list[int]
    _rank: dict[int, int] | None = None

    def arrange(self, found: list[int]) -> list[int] | None:
        """`found` in this order; None when some id is not in it (the order is out of date)."""
        if len(found) * _FEW_MATCHES_RATIO > len(self.ids):
            wanted = set(found)
            ordered = [i for i in self.ids if i in wanted]
            return ordered if len(ordered) == len(wanted) else None
        if self._rank is None:
            self._rank = dict(zip(self.ids, range(len(self.ids)), strict=True))
        rank = self._rank
        if any(i not in rank for i in found):
            return None
        return sorted(found, key=rank.__getitem__)


_FEW_MATCHES_RATIO = 16
_KEPT_ORDERS_MAX = 3
_orders: dict[tuple[str, bool], _KeptOrder] = {}
_orders_lock = threading.Lock()


def forget_kept_orders() -> None:
    """Call after the database file was replaced in place (restore from a backup)."""
    with _orders_lock:
        _orders.clear()


def data_stamp() -> tuple:
    """What changes whenever the database does: another connection's commit (PRAGMA data_version) or this
    connection's own change (total_changes); with whether a transaction is open. On PostgreSQL any change
    on the server by any client moves its WAL position."""
    if is_postgres():
        lsn = db.execute_sql("SELECT pg_current_wal_insert_lsn()::text").fetchone()[0]
        return ("server", lsn, 0, db.in_transaction())
    connection = db.connection()
    version = connection.execute("PRAGMA data_version").fetchone()[0]
    return connection, version, connection.total_changes, connection.in_transaction


def _search_and_remember_order(conditions: list, sort_key: str, descending: bool, stamp: tuple) -> list[int]:
    """One sorted pass over the whole roster gives both the matches and the order to keep."""
    hit = reduce(operator.and_, conditions) if conditions else Value(1)
    sql, params = Member.select(Member.id, hit).order_by(*_ordering(sort_key, descending)).sql()
    rows = db.execute_sql(sql, params).fetchall()
    # Inside an open transaction the rows may yet be rolled back: use them, but keep nothing.
    if not stamp[3]:
        with _orders_lock:
            _orders.pop((sort_key, descending), None)
            while len(_orders) >= _KEPT_ORDERS_MAX:
                del _orders[next(iter(_orders))]
            _orders[(sort_key, descending)] = _KeptOrder(stamp, [row[0] for row in rows])
    return [member_id for member_id, matches in rows if matches]


def _conditions(flt: RosterFilter, today: date) -> list | None:
    """The WHERE terms; None when the typed text cannot match anyone (so no query is needed)."""
    conditions = []
    if not flt.include_deleted:
        conditions.append(Member.deleted_at.is_null())
    if flt.team_id is not None:
        conditions.append(Member.team.is_null() if flt.team_id == NO_TEAM else Member.team == flt.team_id)
    if flt.status:
        conditions.append(Member.status == flt.status)
    if flt.skill and flt.skill.strip():
        conditions.append(contains("、" + Member.skills + "、", f"、{flt.skill.strip()}、"))
    if flt.insurance == INSURANCE_EXPIRED:
        conditions.append(Member.insurance_expires_on < today)
    elif flt.insurance == INSURANCE_EXPIRING:
        conditions.append(Member.insurance_expires_on.between(
            today, today + timedelta(days=INSURANCE_WARNING_DAYS)))
    elif flt.insurance == INSURANCE_MISSING:
        conditions.append(Member.insurance_expires_on.is_null())
    elif flt.insurance:
        raise ValueError(f"unknown insurance filter: {flt.insurance}")
    if flt.text.strip():
        matches = _text_matches(flt.text)
        if not matches:
            return None
        any_match = matches[0]
        for match in matches[1:]:
            any_match = any_match | match
        conditions.append(any_match)
    return conditions


def _text_matches(text: str) -> list:
    """One search box: name substring, full pinyin or initials substring, phone tail, ID tail."""
    matches = []
    name = normalize_name(text)
    # Latin-letter names are found through their pinyin key (the name itself, lower case, no spaces).
    if name and not name.isascii():
        matches.append(contains(Member.name, name))
    term = search_term(fold_fullwidth(text))
    if term and term.isascii() and term.isalpha():
        in_full, in_initials = contains(Member.pinyin_full, term), contains(Member.pinyin_initials, term)
        matches.append(in_full | in_initials)
    digits = _DIGIT_SEPARATORS.sub("", fold_fullwidth(text)).upper()
    if len(digits) >= PHONE_TAIL_MIN and _DIGITS_ONLY.fullmatch(digits):
        matches.append(ends_with(Member.phone, digits))
    if len(digits) >= ID_TAIL_MIN and _ID_TAIL.fullmatch(digits):
        matches.append(ends_with(Member.id_number, digits))
    return matches


def _ordering(sort_key: str, descending: bool) -> list:
    by_name = [binary(Member.pinyin_full), binary(Member.name), Member.id]
    if sort_key == "name":
        return [field.desc() if descending else field.asc() for field in by_name]
    columns = {
        "gender": Member.gender,
        "ethnic": Member.ethnic_code,
        "id_number": Member.id_number,
        "phone": Member.phone,
        "skills": Member.skills,
        "join_date": Member.join_date,
        "insurance_expires_on": Member.insurance_expires_on,
    }
    if sort_key == "status":
        key = Case(Member.status, [(s, i) for i, s in enumerate(MEMBER_STATUSES)], len(MEMBER_STATUSES))
        missing = None
    elif sort_key == "team":
        ranks = _team_ranks()
        key = Case(Member.team, list(ranks.items()), len(ranks)) if ranks else Member.team
        missing = Member.team.is_null()
    else:
        key = columns[sort_key]
        missing = key.is_null() | (key == "") if sort_key not in DATE_KEYS else key.is_null()
        key = key if sort_key in DATE_KEYS else binary(key)
    # Blank values go last whichever way the column is sorted; ties fall back to the name order.
    primary = [missing] if missing is not None else []
    primary.append(key.desc() if descending else key.asc())
    return primary + by_name


DATE_KEYS = ("join_date", "insurance_expires_on")


def _team_ranks() -> dict[int, int]:
    """Team id → position in pinyin order of the team names."""
    teams = Team.select(Team.id, Team.name).tuples()
    ordered = sorted(teams, key=lambda t: pinyin_sort_key(t[1]))
    return {team_id: rank for rank, (team_id, _name) in enumerate(ordered)}


@lru_cache(maxsize=4096)
def pinyin_sort_key(name: str) -> tuple[str, str]:
    """Order names as people expect (by pinyin), not by code point."""
    return pinyin_keys(name)[0], name


def fetch_rows(ids: Sequence[int], today: date | None = None) -> list[RosterRow]:
    """The shown values of these members, in the order of `ids` (ids that no longer exist are left out)."""
    today = today or date.today()
    found: dict[int, RosterRow] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), _IN_CHUNK):
        query = (
            Member.select(Member.id, Member.name, Member.gender, Member.ethnic_code, Team.name,
                          Member.id_number, Member.phone, Member.status, Member.skills, Member.join_date,
                          Member.insurance_expires_on, Member.deleted_at)
            .join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id))
            .where(among(Member.id, unique[start:start + _IN_CHUNK]))
            .tuples()
        )
        for (member_id, name, gender, ethnic, team, id_number, phone, status, skills, joined, insured,
             deleted_at) in query:
            found[member_id] = RosterRow(
                id=member_id, name=name, gender=gender, ethnic=ethnic_name(ethnic), team=team or "",
                id_masked=mask_id(id_number or ""), phone_masked=mask_phone(phone), status=status,
                skills=skills, join_date=joined, insurance_expires_on=insured,
                insurance_state=insurance_state(insured, today), deleted=deleted_at is not None,
            )
    return [found[i] for i in ids if i in found]
