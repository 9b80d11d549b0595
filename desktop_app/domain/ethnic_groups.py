"""民族: the groups of GB/T 3304 with their two-digit codes, in the standard's order."""

from desktop_app.domain.errors import FieldError
from desktop_app.domain.text_folding import fold_fullwidth

FIELD = "ethnic"

_NAMES = [
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
]

ETHNIC_GROUPS: dict[str, str] = {f"{number:02d}": name for number, name in enumerate(_NAMES, start=1)}
ETHNIC_GROUPS["97"] = "其他"
ETHNIC_GROUPS["98"] = "外国血统中国籍人士"

_CODE_BY_NAME = {name: code for code, name in ETHNIC_GROUPS.items()}
# Only short forms that name one group without doubt; "哈" alone could be 哈尼族 and is refused.
_SHORT_FORMS = {"维族": "05", "哈族": "17", "柯族": "29", "蒙族": "02", "其它": "97", "外国血统": "98"}


def name_of(code: str) -> str:
    name = ETHNIC_GROUPS.get(_padded(code))
    if name is None:
        raise FieldError(FIELD, f"未知的民族代码“{code}”")
    return name


def code_of(text: str) -> str:
    """The code for a group name, its name without 族, a common short form, or the code itself."""
    value = fold_fullwidth(str(text or "")).strip().replace(" ", "")
    if not value:
        raise FieldError(FIELD, "请选择民族")
    if value.isascii() and value.isdigit():
        code = _padded(value)
        if code in ETHNIC_GROUPS:
            return code
    for candidate in (value, value + "族"):
        if candidate in _CODE_BY_NAME:
            return _CODE_BY_NAME[candidate]
    if value in _SHORT_FORMS:
        return _SHORT_FORMS[value]
    raise FieldError(FIELD, f"未知的民族“{value}”，请从列表中选择")


def _padded(code: str) -> str:
    code = str(code).strip()
    return code.zfill(2) if code.isascii() and code.isdigit() else code
