import pytest

from desktop_app.domain.errors import FieldError
from desktop_app.domain.genders import parse_gender


@pytest.mark.parametrize("raw, expected", [("男", "男"), (" 女 ", "女"), ("男性", "男"), ("女性", "女")])
def test_genders_as_typed(raw, expected):
    assert parse_gender(raw) == expected


@pytest.mark.parametrize("raw", ["", "未知", "M", "性"])
def test_anything_else_is_refused_at_the_gender_field(raw):
    with pytest.raises(FieldError) as info:
        parse_gender(raw)
    assert info.value.field == "gender" and "男" in info.value.message
