"""The error a domain check raises for one form field."""

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class FieldError(ValueError):
    """A value the user typed is not acceptable; `message` is shown next to the field `field`."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationFailed(ValueError):
    """What was typed cannot be saved; `errors` holds one message per wrong field (the first per field
    is the one shown). Each service names its own subclass (MemberInvalid, TeamInvalid …). A batch entry
    point names the refused item too: `item` is its 0-based index in the batch (None for a single record)."""

    def __init__(self, errors: list[FieldError], item: int | None = None) -> None:
        text = "；".join(e.message for e in errors)
        super().__init__(text if item is None else f"第{item + 1}项：{text}")
        self.errors = errors
        self.item = item

    def by_field(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for error in self.errors:
            out.setdefault(error.field, error.message)
        return out


def check_optional(check: Callable[[str], T], raw: str | None, errors: list[FieldError],
                   field: str | None = None, empty: T | str = "") -> T | str:
    """Run a check on a value the user may leave blank: blank gives `empty`; a `FieldError` is added to
    `errors` (under `field` when given) and gives `empty` too, so every wrong field is reported at once."""
    if raw is None or not raw.strip():
        return empty
    try:
        return check(raw)
    except FieldError as exc:
        errors.append(FieldError(field, exc.message) if field else exc)
        return empty
