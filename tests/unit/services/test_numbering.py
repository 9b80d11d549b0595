"""The one never-reused counter (services/numbering.py): per series and year, inside a transaction, never at
or below a number the records already carry. Case numbers and certificate serials through it are tested
with the cases and the certificates."""

from __future__ import annotations

import pytest

from desktop_app.db.database import db
from desktop_app.db.models import Counter
from desktop_app.services.numbering import next_number


def take(series: str, year: int, highest_used: int = 0) -> int:
    with db.atomic():
        return next_number(series, year, highest_used)


def test_numbers_run_per_series_and_year(data_paths):
    assert [take("case", 2024) for _ in range(3)] == [1, 2, 3]
    assert take("case", 2025) == 1
    assert take("证书:聘书", 2024) == 1
    assert take("case", 2024) == 4
    assert {(c.name, c.year, c.value) for c in Counter.select()} == {
        ("case", 2024, 4), ("case", 2025, 1), ("证书:聘书", 2024, 1)}


def test_never_at_or_below_a_number_already_used(data_paths):
    assert take("case", 2024, highest_used=7) == 8  # records imported without moving the counter
    assert take("case", 2024, highest_used=7) == 9
    Counter.update(value=0).execute()  # e.g. restored from an older backup
    assert take("case", 2024, highest_used=9) == 10
    assert take("case", 2024) == 11


def test_a_number_taken_by_a_failed_action_goes_back_with_it(data_paths):
    assert take("case", 2024) == 1
    with pytest.raises(ValueError), db.atomic():
        assert next_number("case", 2024) == 2
        raise ValueError("the record could not be stored")
    assert take("case", 2024) == 2


def test_only_inside_a_transaction(data_paths):
    with pytest.raises(RuntimeError, match="inside the transaction"):
        next_number("case", 2024)
    assert not Counter.select().exists()
