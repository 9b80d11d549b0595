"""民族: the groups of GB/T 3304 with their two-digit codes, in the standard's order."""

from desktop_app.domain.errors import FieldError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP, Message
from desktop_app.domain.text_folding import fold_fullwidth

FIELD = "ethnic"

_NAMES = [
    QT_TRANSLATE_NOOP("Vocabulary", "汉族"),
    QT_TRANSLATE_NOOP("Vocabulary", "蒙古族"),
    QT_TRANSLATE_NOOP("Vocabulary", "回族"),
    QT_TRANSLATE_NOOP("Vocabulary", "藏族"),
    QT_TRANSLATE_NOOP("Vocabulary", "维吾尔族"),
    QT_TRANSLATE_NOOP("Vocabulary", "苗族"),
    QT_TRANSLATE_NOOP("Vocabulary", "彝族"),
    QT_TRANSLATE_NOOP("Vocabulary", "壮族"),
    QT_TRANSLATE_NOOP("Vocabulary", "布依族"),
    QT_TRANSLATE_NOOP("Vocabulary", "朝鲜族"),
    QT_TRANSLATE_NOOP("Vocabulary", "满族"),
    QT_TRANSLATE_NOOP("Vocabulary", "侗族"),
    QT_TRANSLATE_NOOP("Vocabulary", "瑶族"),
    QT_TRANSLATE_NOOP("Vocabulary", "白族"),
    QT_TRANSLATE_NOOP("Vocabulary", "土家族"),
    QT_TRANSLATE_NOOP("Vocabulary", "哈尼族"),
    QT_TRANSLATE_NOOP("Vocabulary", "哈萨克族"),
    QT_TRANSLATE_NOOP("Vocabulary", "傣族"),
    QT_TRANSLATE_NOOP("Vocabulary", "黎族"),
    QT_TRANSLATE_NOOP("Vocabulary", "傈僳族"),
    QT_TRANSLATE_NOOP("Vocabulary", "佤族"),
    QT_TRANSLATE_NOOP("Vocabulary", "畲族"),
    QT_TRANSLATE_NOOP("Vocabulary", "高山族"),
    QT_TRANSLATE_NOOP("Vocabulary", "拉祜族"),
    QT_TRANSLATE_NOOP("Vocabulary", "水族"),
    QT_TRANSLATE_NOOP("Vocabulary", "东乡族"),
    QT_TRANSLATE_NOOP("Vocabulary", "纳西族"),
    QT_TRANSLATE_NOOP("Vocabulary", "景颇族"),
    QT_TRANSLATE_NOOP("Vocabulary", "柯尔克孜族"),
    QT_TRANSLATE_NOOP("Vocabulary", "土族"),
    QT_TRANSLATE_NOOP("Vocabulary", "达斡尔族"),
    QT_TRANSLATE_NOOP("Vocabulary", "仫佬族"),
    QT_TRANSLATE_NOOP("Vocabulary", "羌族"),
    QT_TRANSLATE_NOOP("Vocabulary", "布朗族"),
    QT_TRANSLATE_NOOP("Vocabulary", "撒拉族"),
    QT_TRANSLATE_NOOP("Vocabulary", "毛南族"),
    QT_TRANSLATE_NOOP("Vocabulary", "仡佬族"),
    QT_TRANSLATE_NOOP("Vocabulary", "锡伯族"),
    QT_TRANSLATE_NOOP("Vocabulary", "阿昌族"),
    QT_TRANSLATE_NOOP("Vocabulary", "普米族"),
    QT_TRANSLATE_NOOP("Vocabulary", "塔吉克族"),
    QT_TRANSLATE_NOOP("Vocabulary", "怒族"),
    QT_TRANSLATE_NOOP("Vocabulary", "乌孜别克族"),
    QT_TRANSLATE_NOOP("Vocabulary", "俄罗斯族"),
    QT_TRANSLATE_NOOP("Vocabulary", "鄂温克族"),
    QT_TRANSLATE_NOOP("Vocabulary", "德昂族"),
    QT_TRANSLATE_NOOP("Vocabulary", "保安族"),
    QT_TRANSLATE_NOOP("Vocabulary", "裕固族"),
    QT_TRANSLATE_NOOP("Vocabulary", "京族"),
    QT_TRANSLATE_NOOP("Vocabulary", "塔塔尔族"),
    QT_TRANSLATE_NOOP("Vocabulary", "独龙族"),
    QT_TRANSLATE_NOOP("Vocabulary", "鄂伦春族"),
    QT_TRANSLATE_NOOP("Vocabulary", "赫哲族"),
    QT_TRANSLATE_NOOP("Vocabulary", "门巴族"),
    QT_TRANSLATE_NOOP("Vocabulary", "珞巴族"),
    QT_TRANSLATE_NOOP("Vocabulary", "基诺族"),
]

ETHNIC_GROUPS: dict[str, str] = {f"{number:02d}": name for number, name in enumerate(_NAMES, start=1)}
ETHNIC_GROUPS["97"] = QT_TRANSLATE_NOOP("Vocabulary", "其他")
ETHNIC_GROUPS["98"] = QT_TRANSLATE_NOOP("Vocabulary", "外国血统中国籍人士")

_CODE_BY_NAME = {name: code for code, name in ETHNIC_GROUPS.items()}
# Only short forms that name one group without doubt; "哈" alone could be 哈尼族 and is refused.
_SHORT_FORMS = {"维族": "05", "哈族": "17", "柯族": "29", "蒙族": "02", "其它": "97", "外国血统": "98"}


def name_of(code: str) -> str:
    name = ETHNIC_GROUPS.get(_padded(code))
    if name is None:
        raise FieldError(FIELD, Message(QT_TRANSLATE_NOOP("Messages", "未知的民族代码“{code}”"), code=code))
    return name


def code_of(text: str) -> str:
    """The code for a group name, its name without 族, a common short form, or the code itself."""
    value = fold_fullwidth(str(text or "")).strip().replace(" ", "")
    if not value:
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "请选择民族"))
    if value.isascii() and value.isdigit():
        code = _padded(value)
        if code in ETHNIC_GROUPS:
            return code
    for candidate in (value, value + "族"):
        if candidate in _CODE_BY_NAME:
            return _CODE_BY_NAME[candidate]
    if value in _SHORT_FORMS:
        return _SHORT_FORMS[value]
    raise FieldError(FIELD, Message(QT_TRANSLATE_NOOP("Messages", "未知的民族“{value}”，请从列表中选择"), value=value))


def _padded(code: str) -> str:
    code = str(code).strip()
    return code.zfill(2) if code.isascii() and code.isdigit() else code
