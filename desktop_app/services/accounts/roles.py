"""Who is acting, and what each role may do: the one place where roles are checked (DESIGN.md §5).

Every service entry point that reads personal data in full, writes, deletes, exports or prints names
the permission it needs, as a decorator or, when the permission depends on the arguments, as a call:

    @requires(EDIT)
    def save_member(...): ...

    def export_roster_xlsx(..., full=False):
        require(FULL_FORM if full else EXPORT)

`ROLE_PERMISSIONS` below is the whole table of roles × permissions (docs/security.md shows it).

The acting account is the one logged in for the process (`operators.log_in`: the window's login dialog,
the command line's --user), or, inside `with acting_as(account):`, another one for this thread only
(the window's worker threads act as the account that started the work; tests act as each role).
A refusal raises `PermissionDenied`, whose `message` is a Chinese sentence naming the account, its role
and what was refused (a translatable `Message`, domain/i18n.py).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from ...db import models as _models
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.vocabulary import ADMIN, CLERK, VIEWER

# --- permissions: the texts name what is refused ---------------------------------------------------

READ_FULL = QT_TRANSLATE_NOOP("Messages", "查看完整的身份证号、电话和住址")
EDIT = QT_TRANSLATE_NOOP("Messages", "录入和修改数据")
DELETE = QT_TRANSLATE_NOOP("Messages", "删除或恢复记录")
PRINT = QT_TRANSLATE_NOOP("Messages", "打印（个人信息已脱敏）")
EXPORT = QT_TRANSLATE_NOOP("Messages", "导出文件（个人信息已脱敏）")
FULL_FORM = QT_TRANSLATE_NOOP("Messages", "导出或打印完整的个人信息")
SENSITIVE = QT_TRANSLATE_NOOP("Messages", "查看不满十四周岁当事人的信息")
SETTINGS = QT_TRANSLATE_NOOP("Messages", "修改单位信息和设置")
ACCOUNTS = QT_TRANSLATE_NOOP("Messages", "管理操作员账号")
BACKUP = QT_TRANSLATE_NOOP("Messages", "备份数据")
RESTORE = QT_TRANSLATE_NOOP("Messages", "从备份恢复数据")
AUDIT = QT_TRANSLATE_NOOP("Messages", "查看和归档操作日志")
ANONYMISE = QT_TRANSLATE_NOOP("Messages", "匿名化离队队员的个人信息")
PURGE = QT_TRANSLATE_NOOP("Messages", "彻底清除回收站中的过期记录")

ALL_PERMISSIONS = (READ_FULL, EDIT, DELETE, PRINT, EXPORT, FULL_FORM, SENSITIVE, SETTINGS, ACCOUNTS, BACKUP,
                   RESTORE, AUDIT, ANONYMISE, PURGE)

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    ADMIN: frozenset(ALL_PERMISSIONS),
    CLERK: frozenset({READ_FULL, EDIT, DELETE, PRINT, EXPORT, SENSITIVE, BACKUP}),
    VIEWER: frozenset({PRINT}),
}



@dataclass(frozen=True)
class Account:
    """An operator as the session knows them (after a checked password, or a test's stand-in)."""

    username: str
    role: str
    display_name: str = ""
    user_id: int | None = None

    @property
    def shown_name(self) -> str:
        return self.display_name or self.username


class PermissionDenied(Exception):
    """The acting account's role does not allow `permission`; `message` says so in Chinese. Not an
    OSError (PermissionError would be one): a refusal must never be taken for a file that could not be
    written."""

    def __init__(self, permission: str, account: Account | None) -> None:
        self.permission = permission
        self.account = account
        if account is None:
            self.message = Message(QT_TRANSLATE_NOOP("Messages", "请先登录：{permission}需要以操作员账号登录后办理。"),
                                   permission=permission)
        else:
            self.message = Message(
                QT_TRANSLATE_NOOP("Messages", "当前账号“{user}”（{role}）无权{permission}。如需办理，请由有此权限的人员登录。"),
                user=account.username, role=account.role or QT_TRANSLATE_NOOP("Messages", "无角色"),
                permission=permission)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


_logged_in: Account | None = None
_local = threading.local()


def current() -> Account | None:
    """The account acting on this thread: an `acting_as` block's, else the one logged in."""
    stack = getattr(_local, "stack", None)
    return stack[-1] if stack else _logged_in


def logged_in() -> Account | None:
    """The account logged in for the process (the window's user), whatever a thread acts as."""
    return _logged_in


def set_logged_in(account: Account | None) -> None:
    """Make `account` the process's logged-in account (operators.log_in / log_out call this)."""
    global _logged_in
    _logged_in = account


@contextmanager
def acting_as(account: Account | None) -> Iterator[Account | None]:
    """Act as `account` on this thread inside the block (None: as nobody)."""
    stack = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    stack.append(account)
    try:
        yield account
    finally:
        stack.pop()


def permissions_of(role: str) -> frozenset[str]:
    return ROLE_PERMISSIONS.get(role, frozenset())


def allowed(permission: str, account: Account | None = None) -> bool:
    """Whether `account` (default: the acting one) may do `permission`; for the window to hide controls."""
    account = account if account is not None else current()
    return account is not None and permission in permissions_of(account.role)


def require(*permissions: str) -> Account:
    """The acting account, when its role allows every one of `permissions`; else `PermissionDenied`."""
    account = current()
    for permission in permissions:
        if not allowed(permission, account):
            raise PermissionDenied(permission, account)
    if account is None:
        raise PermissionDenied(permissions[0] if permissions else EDIT, None)
    return account


P = ParamSpec("P")
R = TypeVar("R")


def requires(*permissions: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator: the function runs only for an acting account allowed every one of `permissions`."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
        def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            require(*permissions)
            return function(*args, **kwargs)

        checked.permissions = permissions  # type: ignore[attr-defined]
        return checked

    return decorate


def acting_username() -> str:
    """The acting account's name for audit records and "who did it" columns ("" when nobody)."""
    account = current()
    return account.username if account is not None else ""


def acting_shown_name() -> str:
    """The acting account's name as people read it (a record's 修改人; "" when nobody)."""
    account = current()
    return account.shown_name if account is not None else ""


_models.changed_by_source = acting_shown_name  # the versioned records name who saved them
