"""Operators (操作员) and their roles; scrypt password hashes. An administrator's password unlocks the
few actions that show personal data in full (full-form exports, legal originals)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from ..db.database import db
from ..db.models import User
from ..domain.errors import FieldError
from ..domain.i18n import QT_TRANSLATE_NOOP, Message
from ..domain.vocabulary import ADMIN, ROLES
from . import audit

_N, _R, _P = 2**14, 8, 1
MIN_PASSWORD_LENGTH = 6


class AccountError(ValueError):
    def __init__(self, error: FieldError) -> None:
        super().__init__(error.message)
        self.error = error


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    computed = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r),
                              p=int(p), dklen=32)
    return hmac.compare_digest(computed, base64.b64decode(digest))


def has_administrator() -> bool:
    return User.select().where(User.role == ADMIN, User.active == True).exists()  # noqa: E712


def create_user(username: str, password: str, role: str, display_name: str = "") -> User:
    username = username.strip()
    if not username:
        raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "请填写用户名")))
    if role not in ROLES:
        raise AccountError(FieldError("role", QT_TRANSLATE_NOOP("Messages", "角色应为 管理员 / 录入员 / 查看")))
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(FieldError("password",
            Message(QT_TRANSLATE_NOOP("Messages", "密码至少{min_password_length}位"),
                    min_password_length=MIN_PASSWORD_LENGTH)))
    if User.select().where(User.username == username).exists():
        raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "该用户名已存在")))
    with db.atomic():
        user = User.create(username=username, display_name=display_name.strip() or username,
                           password_hash=hash_password(password), role=role)
        audit.record("新增", "user", user.uuid, f"新增操作员（{role}）")
    return user


def verify_administrator(username: str, password: str) -> User:
    """The active administrator with this name and password, or `AccountError`."""
    user = User.get_or_none(User.username == username.strip())
    if user is None or not user.active or not check_password(password, user.password_hash):
        audit.record("验证失败", "user", "", "管理员验证未通过")
        raise AccountError(FieldError("password", QT_TRANSLATE_NOOP("Messages", "用户名或密码不对")))
    if user.role != ADMIN:
        raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "该账号不是管理员")))
    return user
