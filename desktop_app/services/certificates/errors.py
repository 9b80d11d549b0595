"""The refusal every certificate service raises when a rule says no (see issuing.py)."""

from __future__ import annotations

from typing import Any

from ...domain.errors import FieldError
from ...domain.text_hygiene import clean_text


class CertificateRefused(ValueError):
    """A rule says no; `message` is Chinese and says why (and, where it can, what to do)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def refused_unless_clean(value: Any, label: str, limit: int | None = None, *, multiline: bool = False) -> str:
    """The text after the hygiene step (domain/text_hygiene.py); a refusal becomes `CertificateRefused`."""
    try:
        return clean_text(value, "text", label, limit, multiline=multiline)
    except FieldError as exc:
        raise CertificateRefused(exc.message) from None
