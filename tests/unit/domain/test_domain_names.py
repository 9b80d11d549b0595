import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import FieldError
from desktop_app.domain.names import LOOKALIKE_DOTS, normalize_name, validate_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("努尔买买提•西热甫", "努尔买买提·西热甫"),
        ("努尔买买提・西热甫", "努尔买买提·西热甫"),
        ("努尔买买提．西热甫", "努尔买买提·西热甫"),
        ("努尔买买提‧西热甫", "努尔买买提·西热甫"),
        ("努尔买买提･西热甫", "努尔买买提·西热甫"),
        ("努尔买买提∙西热甫", "努尔买买提·西热甫"),
        ("努尔买买提.西热甫", "努尔买买提·西热甫"),
        ("努尔买买提。西热甫", "努尔买买提·西热甫"),
        ("努尔买买提 · 西热甫", "努尔买买提·西热甫"),
        ("努尔买买提··西热甫", "努尔买买提·西热甫"),
        ("·阿依古丽·", "阿依古丽"),
        ("  张  三 ", "张三"),
        ("张\u3000三", "张三"),
        ("John   Smith", "John Smith"),
        ("Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith"),
        ("王\u200b小明", "王小明"),
        ("", ""),
    ],
)
def test_normalize_name(raw, expected):
    assert normalize_name(raw) == expected


@pytest.mark.parametrize(
    "name", ["王小明", "努尔买买提·西热甫", "王𠮷", "John Smith", "阿依古丽·吐尔逊·买买提", "Айгуль", "王〇"]
)
def test_validate_name_accepts(name):
    assert validate_name(name) == name


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "请填写姓名"),
        (" · ", "请填写姓名"),
        ("王" * 51, "不能超过50个字"),
        ("王小明2", "不能有数字"),
        ("王小明２", "不能有数字"),
        ("王小明Ⅱ", "不能有数字"),
        ("王 John", "不能有空格"),
        ("王@明", "不能有“@”"),
        ("王-明", "不能有“-”"),
        ("王(明)", "不能有“(”"),
    ],
)
def test_validate_name_errors(raw, message):
    with pytest.raises(FieldError) as caught:
        validate_name(raw)
    assert caught.value.field == "name"
    assert message in caught.value.message


def test_fifty_characters_are_allowed():
    assert validate_name("王" * 50) == "王" * 50


name_parts = st.text(alphabet=st.sampled_from("张王李努尔买提西热甫𠮷abcXY"), min_size=1, max_size=6)
noise = st.text(alphabet=st.sampled_from(LOOKALIKE_DOTS + "· \u3000\t·\u200b"), max_size=3)


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(
        st.text(max_size=20),
        st.lists(st.tuples(noise, name_parts), max_size=4).map(
            lambda pairs: "".join(sep + part for sep, part in pairs)
        ),
    )
)
def test_normalize_name_is_idempotent_without_lookalike_dots(raw):
    once = normalize_name(raw)
    assert normalize_name(once) == once
    assert not set(once) & set(LOOKALIKE_DOTS)
    assert once == once.strip(" ·")
