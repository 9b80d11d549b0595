"""The one never-reused counter for numbered documents: case numbers (series "case", cases/workflow.py),
certificate serials (series "证书:<type>", certificates/issuing.py) and any later numbered document.

Numbers run per series and year in the Counter table and are taken inside the transaction that stores the
numbered record, so a number taken by an action that fails is given back with it. A number is never given
twice: the counter only goes up, and never stays at or below the highest number the records already carry
(`highest_used`: records imported without moving the counter, a counter restored from an older backup).

Several clients at once: the counter's row is read with `SELECT … FOR UPDATE` on PostgreSQL
(dialect.locked), so a second client's transaction waits at that read until the first one's ends and then
reads what it left; on SQLite the first write (the counter's INSERT OR IGNORE) already holds the file's one
write lock until the commit. tests/unit/services/test_concurrency.py takes numbers from five processes at once.
"""

from __future__ import annotations

from datetime import datetime

from ..db.database import db
from ..db.dialect import locked
from ..db.models import Counter


def next_number(series: str, year: int, highest_used: int = 0) -> int:
    """Take the next number of `series` for `year`, above `highest_used`; call inside the transaction that
    stores the numbered record."""
    if not db.in_transaction():
        raise RuntimeError("next_number must be called inside the transaction that stores the number")
    return next_numbers(series, year, 1, highest_used)[0]


def next_numbers(series: str, year: int, count: int, highest_used: int = 0) -> list[int]:
    """Take the next `count` numbers of `series` for `year` at once (a batch of records stored in one
    transaction), by the rule of `next_number`: above the counter and above `highest_used`."""
    if count <= 0:
        return []
    if not db.in_transaction():
        raise RuntimeError("next_numbers must be called inside the transaction that stores the numbers")
    Counter.insert(name=series, year=year, value=0).on_conflict_ignore().execute()
    where = (Counter.name == series) & (Counter.year == year)
    first = max(locked(Counter.select(Counter.value).where(where)).scalar(), highest_used) + 1
    Counter.update(value=first + count - 1, updated_at=datetime.now()).where(where).execute()
    return list(range(first, first + count))
