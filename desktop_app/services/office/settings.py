"""Plain key → JSON value settings kept in the database."""

from __future__ import annotations

import json
from typing import Any

from ...db.models import Setting


def get_setting(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else json.loads(row.value)


def set_setting(key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        Setting.create(key=key, value=text)
    else:
        row.value = text
        row.save()
