"""The roster's pinyin search keys fit the columns they are stored in."""

from desktop_app.domain.pinyin_keys import pinyin_keys


def test_the_keys_of_a_long_name_fit_their_columns():
    """A surname of several readings and a long name: the readings that fit (PostgreSQL refuses a value
    longer than the column; SQLite kept it)."""
    from desktop_app.domain.pinyin_keys import FULL_LENGTH, INITIALS_LENGTH

    full, initials = pinyin_keys("仡一一一一一·一一一一·一一一一·一一一一一一")
    assert len(initials) <= INITIALS_LENGTH and len(full) <= FULL_LENGTH
    assert initials.startswith("gyyyy") and initials.count("|") >= 1  # the first readings kept whole
    full, initials = pinyin_keys("曾" + "一" * 80)
    assert len(initials) <= INITIALS_LENGTH and len(full) <= FULL_LENGTH and full.endswith("yiyi")
