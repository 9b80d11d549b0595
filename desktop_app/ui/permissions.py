"""What the acting role allows, as the window's tables and the 回收站 ask it: one call each, in one place.
The services refuse what a role may not do (services/accounts/roles.py); the window only hides it."""

from __future__ import annotations

from ..services.accounts.roles import DELETE, EDIT, PRINT, PURGE
from .roles import may


def may_edit() -> bool:
    return may(EDIT)


def may_delete() -> bool:
    """删除 in the tables' menus, 恢复 in the 回收站."""
    return may(DELETE)


def may_print() -> bool:
    return may(PRINT)


def may_purge() -> bool:
    """清除 in the 回收站: the administrator's."""
    return may(PURGE)
