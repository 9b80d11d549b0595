"""性别 as the forms and the documents write it."""

from desktop_app.domain.errors import FieldError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP

GENDERS = (QT_TRANSLATE_NOOP("Vocabulary", "男"), QT_TRANSLATE_NOOP("Vocabulary", "女"))


def parse_gender(raw: str) -> str:
    """"男" or "女" ("男性"/"女性" accepted); anything else is refused at the 性别 field."""
    gender = (raw or "").strip().removesuffix("性")
    if gender not in GENDERS:
        raise FieldError("gender", QT_TRANSLATE_NOOP("Messages", "性别请选择“男”或“女”"))
    return gender
