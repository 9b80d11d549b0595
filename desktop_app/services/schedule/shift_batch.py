"""Making the shifts of a long period for many posts at once (a new office's first year, the demo data):
exactly the shifts `shift_generation.generate_shifts` makes — those `plan_shifts` calls for — written with
one prepared INSERT in chunks (`bulk.insert_rows`) instead of peewee's `insert_many`, which builds the SQL
value by value and takes minutes for a prefecture's year (360,000 shifts)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ...db.database import db
from ...db.models import Shift
from ...domain.dates import format_date
from .. import audit
from ..accounts.roles import EDIT, requires
from ..storage.bulk import insert_rows
from .shift_generation import plan_shifts


@requires(EDIT)
def generate_shifts_in_bulk(date_from: date, date_to: date, post_ids: Iterable[int] | None = None) -> int:
    """Make the missing shifts of the period from the patterns (idempotent); returns how many were made."""
    with db.atomic():
        planned = plan_shifts(date_from, date_to, post_ids)
        insert_rows(Shift, ("post", "date", "start", "end", "headcount", "pattern"),
                    [(p.post_id, p.date, p.start, p.end, p.headcount, p.pattern_id) for p in planned])
        if planned:
            audit.record("新增", "shift", "", f"按班次规律生成 {format_date(date_from)}至{format_date(date_to)} "
                                              f"的班次 {len(planned)} 个")
    return len(planned)
