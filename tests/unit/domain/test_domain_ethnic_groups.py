import pytest

from desktop_app.domain.errors import FieldError
from desktop_app.domain.ethnic_groups import ETHNIC_GROUPS, code_of, name_of


def test_table_follows_the_standard():
    codes = list(ETHNIC_GROUPS)
    assert codes == [f"{n:02d}" for n in range(1, 57)] + ["97", "98"]
    assert len(set(ETHNIC_GROUPS.values())) == 58
    assert ETHNIC_GROUPS["01"] == "汉族"
    assert ETHNIC_GROUPS["05"] == "维吾尔族"
    assert ETHNIC_GROUPS["17"] == "哈萨克族"
    assert ETHNIC_GROUPS["29"] == "柯尔克孜族"
    assert ETHNIC_GROUPS["38"] == "锡伯族"
    assert ETHNIC_GROUPS["56"] == "基诺族"
    assert ETHNIC_GROUPS["97"] == "其他"
    assert ETHNIC_GROUPS["98"] == "外国血统中国籍人士"


@pytest.mark.parametrize(
    ("code", "name"), [("01", "汉族"), ("5", "维吾尔族"), ("43", "乌孜别克族"), ("98", "外国血统中国籍人士")]
)
def test_name_of(code, name):
    assert name_of(code) == name


@pytest.mark.parametrize("code", ["00", "57", "99", "", "汉族"])
def test_name_of_unknown(code):
    with pytest.raises(FieldError) as caught:
        name_of(code)
    assert caught.value.field == "ethnic"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("维吾尔族", "05"),
        ("维吾尔", "05"),
        ("维族", "05"),
        ("汉", "01"),
        ("汉族", "01"),
        ("哈族", "17"),
        ("哈萨克", "17"),
        ("柯族", "29"),
        ("土", "30"),
        ("土家", "15"),
        (" 回族 ", "03"),
        ("05", "05"),
        ("５", "05"),
        ("97", "97"),
        ("其他", "97"),
    ],
)
def test_code_of(text, code):
    assert code_of(text) == code


@pytest.mark.parametrize("text", ["", "哈", "维", "火星族", "57", "穿青人"])
def test_code_of_rejects_unknown_or_ambiguous(text):
    with pytest.raises(FieldError) as caught:
        code_of(text)
    assert caught.value.field == "ethnic"


def test_every_name_round_trips():
    for code, name in ETHNIC_GROUPS.items():
        assert code_of(name) == code
        assert name_of(code) == name
