from decimal import Decimal

import pytest

from desktop_app.domain.service_levels import DEFAULT_STAR_THRESHOLDS, star_label, star_level


@pytest.mark.parametrize(
    ("hours", "level"),
    [(0, 0), (99.5, 0), (100, 1), (299, 1), (300, 2), (600, 3), (999.9, 3), (1000, 4), (1500, 5), (9000, 5)],
)
def test_star_level_with_default_thresholds(hours, level):
    assert star_level(hours) == level


def test_star_level_accepts_decimal_and_custom_thresholds():
    assert DEFAULT_STAR_THRESHOLDS == (100, 300, 600, 1000, 1500)
    assert star_level(Decimal("150.5")) == 1
    assert star_level(50, thresholds=(10, 20, 30, 40, 50)) == 5
    assert star_level(25, thresholds=(10, 20)) == 2


@pytest.mark.parametrize("thresholds", [(100, 100, 600), (300, 100), (1, 2, 3, 4, 5, 6)])
def test_star_level_rejects_bad_thresholds(thresholds):
    with pytest.raises(ValueError):
        star_level(10, thresholds=thresholds)


def test_star_label():
    assert [star_label(level) for level in range(6)] == ["未评星", "一星", "二星", "三星", "四星", "五星"]
    with pytest.raises(ValueError):
        star_label(6)
    with pytest.raises(ValueError):
        star_label(-1)
