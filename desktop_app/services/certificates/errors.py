"""The refusal every certificate service raises when a rule says no (see issuing.py)."""

from __future__ import annotations


class CertificateRefused(ValueError):
    """A rule says no; `message` is Chinese and says why (and, where it can, what to do)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
