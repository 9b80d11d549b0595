"""Step 5: held for another branch's step (merged separately); does nothing here."""

DESCRIPTION = "（保留）"


def up(database) -> None:
    pass
