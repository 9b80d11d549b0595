"""The password of encrypted backups: set once by the administrator, kept only as a scrypt hash (never in
clear, in the database or anywhere else), asked when an encrypted backup is made or restored.

The hash lets a typo be caught before a backup is written that nobody could open. Who may set it is the
administrator's business: `acting_user` is recorded now, and is where accounts will check the role.
"""

from __future__ import annotations

from ...db.database import db
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from .. import audit
from ..accounts import roles
from ..accounts.operators import check_password, hash_password
from ..accounts.roles import SETTINGS
from ..office.settings import get_setting, set_setting

SETTING = "backup_password_hash"
MIN_LENGTH = 8
MAX_LENGTH = 128
ENV_VARIABLE = "YIJING_BACKUP_PASSWORD"


class BackupPasswordError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def has_backup_password() -> bool:
    return bool(get_setting(SETTING))


def check_backup_password(password: str) -> bool:
    stored = get_setting(SETTING)
    return bool(stored) and check_password(password, stored)


def require_backup_password(password: str | None) -> str:
    """`password` when it is the one set; `BackupPasswordError` saying what is wrong otherwise."""
    if not has_backup_password():
        raise BackupPasswordError(
            QT_TRANSLATE_NOOP("Messages", "尚未设置备份密码：请管理员先在“数据 → 设置备份密码…”中设置"))
    if not password:
        raise BackupPasswordError(QT_TRANSLATE_NOOP("Messages", "请输入备份密码"))
    if not check_backup_password(password):
        raise BackupPasswordError(QT_TRANSLATE_NOOP("Messages", "备份密码不对"))
    return password


def set_backup_password(new: str, current: str | None = None, acting_user: str | None = None) -> None:
    """Set (or change, with the current one) the backup password (the administrator's, once the folder
    has accounts)."""
    from ..accounts.operators import accounts_exist

    if accounts_exist():
        roles.require(SETTINGS)
    if has_backup_password() and not check_backup_password(current or ""):
        raise BackupPasswordError(QT_TRANSLATE_NOOP("Messages", "原备份密码不对"))
    if len(new) < MIN_LENGTH:
        raise BackupPasswordError(
            Message(QT_TRANSLATE_NOOP("Messages", "备份密码至少{min_length}位"), min_length=MIN_LENGTH))
    if len(new) > MAX_LENGTH or any(ord(ch) < 32 or 0xD800 <= ord(ch) <= 0xDFFF for ch in new):
        raise BackupPasswordError(
            Message(QT_TRANSLATE_NOOP("Messages", "备份密码不超过{max_length}位，且不能含控制字符"), max_length=MAX_LENGTH))
    with db.atomic():
        changed = has_backup_password()
        set_setting(SETTING, hash_password(new))
        with audit.acting_as(acting_user or audit.current_user()):
            audit.record("修改" if changed else "新增", "setting", "", "设置备份密码")
