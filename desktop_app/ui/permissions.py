"""What the acting role allows, as the window's tables and the 回收站 ask it: one call each, in one place.
The services refuse what a role may not do; the window only hides it."""

from __future__ import annotations


def may_edit() -> bool:
    return True


def may_delete() -> bool:
    """删除 in the tables' menus, 恢复 in the 回收站."""
    return True


def may_print() -> bool:
    return True


def may_purge() -> bool:
    """清除 in the 回收站: the administrator's."""
    return True
