"""The error a domain check raises for one form field."""


class FieldError(ValueError):
    """A value the user typed is not acceptable; `message` is shown next to the field `field`."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message
