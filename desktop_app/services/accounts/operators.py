"""Operators (操作员): logging in and out, their roles, and the administrator's account management.

Passwords are stored as salted scrypt hashes and compared in constant time. Wrong passwords in a row
make each further try of that account wait longer (kept in the database, so the command line waits
too). Every login, failed login, logout and account change is audit-logged, never with a password.

The first administrator is created by the set-up of a new data folder (`create_first_administrator`,
only while the folder has no account at all); after that only an administrator adds, disables,
re-enables and resets accounts (roles.ACCOUNTS). A demo folder gets three accounts whose password is
`DEMO_PASSWORD`, and says so (`demo_password`), so the login dialog of a demo folder can show it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from ...db.database import db
from ...db.models import User
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.vocabulary import ADMIN, CLERK, ROLES, VIEWER
from .. import audit
from ..office.settings import get_setting, set_setting
from . import roles
from .roles import ACCOUNTS, Account, requires

_N, _R, _P = 2**14, 8, 1
MIN_PASSWORD_LENGTH = 8
MAX_USERNAME_LENGTH = 50
MAX_PASSWORD_LENGTH = 200
FREE_TRIES = 3  # wrong passwords in a row before tries must wait
FIRST_WAIT_SECONDS = 5
LONGEST_WAIT_SECONDS = 300

DEMO_PASSWORD = "demo"
DEMO_KEY = "accounts.demo_password"
DEMO_ACCOUNTS = ((ADMIN, ADMIN), (CLERK, CLERK), (VIEWER, VIEWER))  # username, role

# how a login came about, as its audit entry says
WINDOW = "窗口"
COMMAND_LINE = "命令行"
UNLOCK = "解锁"

_COMMON_PASSWORDS = frozenset({
    "password", "password1", "12345678", "123456789", "1234567890", "87654321", "11111111", "88888888",
    "66666666", "00000000", "abc12345", "abcd1234", "qwerty123", "qwertyui", "a1234567", "aa123456",
    "1qaz2wsx", "iloveyou", "admin123", "admin888", "woaini1314", "147258369", "123123123", "112233445566",
})


class AccountError(ValueError):
    def __init__(self, error: FieldError) -> None:
        super().__init__(error.message)
        self.error = error


class LoginThrottled(AccountError):
    """Too many wrong passwords in a row: the next try must wait `wait_seconds`."""

    def __init__(self, wait_seconds: int) -> None:
        super().__init__(FieldError("password", Message(QT_TRANSLATE_NOOP("Messages", "密码错误次数过多，请{seconds}秒后再试"), seconds=wait_seconds)))
        self.wait_seconds = wait_seconds


@dataclass(frozen=True)
class AccountEntry:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    last_login_at: datetime | None


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


# --- passwords ------------------------------------------------------------------------------------


def password_problem(password: str, username: str = "") -> str | None:
    """Why this password may not be used (None when it may)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return Message(QT_TRANSLATE_NOOP("Messages", "密码至少{min_password_length}位"),
                       min_password_length=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        return Message(QT_TRANSLATE_NOOP("Messages", "密码不能超过{length}位"), length=MAX_PASSWORD_LENGTH)
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in password):
        return QT_TRANSLATE_NOOP("Messages", "密码中不能有控制字符")
    lowered = password.lower()
    if username and lowered == username.strip().lower():
        return QT_TRANSLATE_NOOP("Messages", "密码不能与用户名相同")
    if len(set(password)) == 1 or lowered in _COMMON_PASSWORDS or _is_run(password):
        return QT_TRANSLATE_NOOP("Messages", "这个密码太容易被猜到，请换一个")
    return None


def _is_run(password: str) -> bool:
    """123456789, 98765432, abcdefgh: each character one after the other."""
    steps = {ord(b) - ord(a) for a, b in zip(password, password[1:], strict=False)}
    return steps in ({1}, {-1})


def password_strength(password: str, username: str = "") -> tuple[int, str]:
    """(0–3, a hint in Chinese) for the strength meter beside a new password: 0 cannot be used."""
    problem = password_problem(password, username)
    if problem:
        return 0, problem
    kinds = sum(any(test(ch) for ch in password) for test in (
        str.isdigit, lambda c: c.isascii() and c.islower(), lambda c: c.isascii() and c.isupper(),
        lambda c: not c.isalnum()))
    if any(not ch.isascii() for ch in password):
        kinds += 2  # Chinese characters: thousands to choose from
    if len(password) >= 12 and kinds >= 3 or len(password) >= 16:
        return 3, QT_TRANSLATE_NOOP("Messages", "强：不容易被猜到")
    if kinds >= 2 and len(password) >= 10:
        return 2, QT_TRANSLATE_NOOP("Messages", "中：可以使用；更长或混用字母、数字和符号会更安全")
    return 1, QT_TRANSLATE_NOOP("Messages", "弱：可以使用，但建议加长，并混用字母、数字和符号")


def _checked_new_password(password: str, username: str, repeat: str | None = None) -> str:
    problem = password_problem(password, username)
    if problem:
        raise AccountError(FieldError("password", problem))
    if repeat is not None and repeat != password:
        raise AccountError(FieldError("repeat", QT_TRANSLATE_NOOP("Messages", "两次输入的密码不一致")))
    return password


def _checked_username(username: str) -> str:
    name = unicodedata.normalize("NFC", (username or "").strip())
    if not name:
        raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "请填写用户名")))
    if len(name) > MAX_USERNAME_LENGTH:
        raise AccountError(FieldError("username", Message(QT_TRANSLATE_NOOP("Messages", "用户名不能超过{length}个字"), length=MAX_USERNAME_LENGTH)))
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in name):
        raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "用户名中不能有控制字符")))
    return name


def _checked_display_name(display_name: str, username: str) -> str:
    text = " ".join((display_name or "").split())
    if len(text) > MAX_USERNAME_LENGTH:
        raise AccountError(FieldError("display_name", Message(QT_TRANSLATE_NOOP("Messages", "姓名不能超过{length}个字"), length=MAX_USERNAME_LENGTH)))
    return text or username


# --- who has an account ---------------------------------------------------------------------------


def accounts_exist() -> bool:
    return User.select().exists()


def has_administrator() -> bool:
    return User.select().where(User.role == ADMIN, User.active == True).exists()  # noqa: E712


def _entry(user: User) -> AccountEntry:
    return AccountEntry(user.id, user.username, user.display_name, user.role, bool(user.active),
                        user.last_login_at)


def login_choices() -> list[AccountEntry]:
    """The active accounts, for the login dialog's list (names and roles only)."""
    return [_entry(u) for u in User.select().where(User.active == True).order_by(User.id)]  # noqa: E712


@requires(ACCOUNTS)
def list_accounts() -> list[AccountEntry]:
    return [_entry(u) for u in User.select().order_by(User.id)]


def _create(username: str, password: str, role: str, display_name: str, summary: str,
            check: bool = True) -> User:
    username = _checked_username(username)
    if role not in ROLES:
        raise AccountError(FieldError("role", QT_TRANSLATE_NOOP("Messages", "角色应为 管理员 / 录入员 / 查看")))
    if check:
        _checked_new_password(password, username)
    display = _checked_display_name(display_name, username)
    if User.select().where(User.username == username).exists():
        raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "该用户名已存在")))
    user = User.create(username=username, display_name=display, password_hash=hash_password(password), role=role)
    audit.record("新增", "user", user.uuid, summary)
    return user


@requires(ACCOUNTS)
def create_user(username: str, password: str, role: str, display_name: str = "") -> User:
    """The administrator adds an account."""
    with db.atomic():
        return _create(username, password, role, display_name, f"新增操作员（{role}）")


def create_first_administrator(username: str, password: str, display_name: str = "",
                               repeat: str | None = None) -> User:
    """The set-up of a new data folder: its first account, an administrator. Refused once any account
    exists (from then on only an administrator adds accounts)."""
    with db.atomic():
        if accounts_exist():
            raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "本数据文件夹已有操作员账号，请由管理员登录后添加账号")))
        name = _checked_username(username)
        _checked_new_password(password, name, repeat)
        with roles.acting_as(Account(name, ADMIN, display_name)):
            return _create(name, password, ADMIN, display_name, "设置第一个管理员账号")


def create_demo_accounts() -> list[str]:
    """Three accounts for a demo folder (管理员, 录入员, 查看), each with `DEMO_PASSWORD`; only in a folder
    without accounts. The folder then says it is a demo folder (`demo_password`)."""
    with db.atomic():
        if accounts_exist():
            raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "本数据文件夹已有操作员账号，不能再建演示账号")))
        with roles.acting_as(Account(ADMIN, ADMIN)):
            for username, role in DEMO_ACCOUNTS:
                _create(username, DEMO_PASSWORD, role, "", f"新增演示账号（{role}）", check=False)
            set_setting(DEMO_KEY, DEMO_PASSWORD)
    return [username for username, _role in DEMO_ACCOUNTS]


def demo_password() -> str | None:
    """The demo accounts' password when this is a demo folder, else None."""
    value = get_setting(DEMO_KEY, None)
    return str(value) if value else None


# --- logging in -----------------------------------------------------------------------------------


def retry_wait_seconds(failed_logins: int) -> int:
    """How long the next try must wait after `failed_logins` wrong passwords in a row."""
    if failed_logins < FREE_TRIES:
        return 0
    return min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failed_logins - FREE_TRIES))


def seconds_to_wait(user: User, now: datetime | None = None) -> int:
    wait = retry_wait_seconds(user.failed_logins)
    if not wait or user.last_failed_at is None:
        return 0
    left = (user.last_failed_at + timedelta(seconds=wait) - (now or datetime.now())).total_seconds()
    return max(0, int(left + 0.999))


def _failed(user: User | None, username: str, summary: str, now: datetime) -> None:
    with db.atomic():
        if user is not None:
            User.update(failed_logins=User.failed_logins + 1, last_failed_at=now).where(User.id == user.id).execute()
        audit.record(audit.LOGIN_FAILED, "user", user.uuid if user else "", summary, username=username[:50])


def authenticate(username: str, password: str, now: datetime | None = None, via: str = WINDOW) -> Account:
    """The account when the name and password are right and it is active; `AccountError` otherwise
    (`LoginThrottled` while it must wait). Success and failure are audit-logged."""
    now = now or datetime.now()
    name = (username or "").strip()
    user = User.get_or_none(User.username == name)
    if user is not None:
        wait = seconds_to_wait(user, now)
        if wait:
            audit.record(audit.LOGIN_FAILED, "user", user.uuid, f"等待期内再次尝试（{via}），未核对密码",
                         username=name)
            raise LoginThrottled(wait)
    if user is None or not check_password(password, user.password_hash):
        _failed(user, name, f"用户名或密码不对（{via}）", now)
        if user is not None and retry_wait_seconds(user.failed_logins + 1):
            raise LoginThrottled(retry_wait_seconds(user.failed_logins + 1))
        raise AccountError(FieldError("password", QT_TRANSLATE_NOOP("Messages", "用户名或密码不对")))
    if not user.active:
        _failed(user, name, f"账号已停用（{via}）", now)
        raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "该账号已停用，请联系管理员")))
    with db.atomic():
        User.update(failed_logins=0, last_failed_at=None, last_login_at=now).where(User.id == user.id).execute()
        audit.record(audit.LOGIN, "user", user.uuid, f"登录（{via}）", username=user.username)
    return Account(user.username, user.role, user.display_name, user.id)


def log_in(username: str, password: str, now: datetime | None = None, via: str = WINDOW) -> Account:
    """Check the password and make the account the process's acting account."""
    account = authenticate(username, password, now, via)
    roles.set_logged_in(account)
    return account


def record_idle_lock() -> None:
    """The window locked itself for want of input (the acting account's entry in the audit trail)."""
    audit.record("锁定", "user", "", "长时间无操作，窗口已锁定")


def log_out() -> None:
    account = roles.logged_in()
    if account is not None:
        with roles.acting_as(account):
            audit.record(audit.LOGOUT, "user", "", "注销")
    roles.set_logged_in(None)


def verify_administrator(username: str, password: str) -> User:
    """The active administrator with this name and password, or `AccountError` (a re-entry before
    personal data leaves in full; a wrong password counts as a failed try)."""
    user = User.get_or_none(User.username == username.strip())
    if user is not None and seconds_to_wait(user):
        raise LoginThrottled(seconds_to_wait(user))
    if user is None or not user.active or not check_password(password, user.password_hash):
        with db.atomic():
            if user is not None:
                User.update(failed_logins=User.failed_logins + 1, last_failed_at=datetime.now()).where(
                    User.id == user.id).execute()
            audit.record("验证失败", "user", "", "管理员验证未通过")
        raise AccountError(FieldError("password", QT_TRANSLATE_NOOP("Messages", "用户名或密码不对")))
    if user.role != ADMIN:
        raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "该账号不是管理员")))
    if user.failed_logins:
        User.update(failed_logins=0, last_failed_at=None).where(User.id == user.id).execute()
    return user


# --- changing accounts ----------------------------------------------------------------------------


def change_own_password(old_password: str, new_password: str, repeat: str | None = None) -> None:
    """The logged-in operator changes their own password (the old one first)."""
    account = roles.require()
    user = User.get_or_none(User.id == account.user_id) if account.user_id else None
    if user is None:
        user = User.get_or_none(User.username == account.username)
    if user is None or not check_password(old_password, user.password_hash):
        raise AccountError(FieldError("old_password", QT_TRANSLATE_NOOP("Messages", "原密码不对")))
    _checked_new_password(new_password, user.username, repeat)
    with db.atomic():
        user.password_hash = hash_password(new_password)
        user.save()
        audit.record("修改密码", "user", user.uuid, "修改本人密码")


def _user(user_id: int) -> User:
    user = User.get_or_none(User.id == user_id)
    if user is None:
        raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "该账号不存在")))
    return user


def _other_active_admins(user: User) -> int:
    return User.select().where(User.role == ADMIN, User.active == True, User.id != user.id).count()  # noqa: E712


@requires(ACCOUNTS)
def reset_password(user_id: int, new_password: str, repeat: str | None = None) -> None:
    with db.atomic():
        user = _user(user_id)
        _checked_new_password(new_password, user.username, repeat)
        user.password_hash = hash_password(new_password)
        user.failed_logins = 0
        user.last_failed_at = None
        user.save()
        audit.record("重置密码", "user", user.uuid, f"重置操作员密码（{user.role}）")


@requires(ACCOUNTS)
def set_active(user_id: int, active: bool) -> None:
    with db.atomic():
        user = _user(user_id)
        if not active:
            if user.username == roles.acting_username():
                raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "不能停用当前登录的账号")))
            if user.role == ADMIN and not _other_active_admins(user):
                raise AccountError(FieldError("username", QT_TRANSLATE_NOOP("Messages", "至少要保留一个可用的管理员账号")))
        user.active = bool(active)
        user.save()
        audit.record("启用" if active else "停用", "user", user.uuid, f"{'启用' if active else '停用'}操作员（{user.role}）")


@requires(ACCOUNTS)
def set_role(user_id: int, role: str) -> None:
    if role not in ROLES:
        raise AccountError(FieldError("role", QT_TRANSLATE_NOOP("Messages", "角色应为 管理员 / 录入员 / 查看")))
    with db.atomic():
        user = _user(user_id)
        if user.role == ADMIN and role != ADMIN and not _other_active_admins(user):
            raise AccountError(FieldError("role", QT_TRANSLATE_NOOP("Messages", "至少要保留一个可用的管理员账号")))
        before = user.role
        user.role = role
        user.save()
        audit.record("修改", "user", user.uuid, f"操作员角色由{before}改为{role}")


@requires(ACCOUNTS)
def set_display_name(user_id: int, display_name: str) -> None:
    with db.atomic():
        user = _user(user_id)
        user.display_name = _checked_display_name(display_name, user.username)
        user.save()
        audit.record("修改", "user", user.uuid, "修改操作员姓名")


# --- the window's idle lock -------------------------------------------------------------------------

IDLE_LOCK_KEY = "security.idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 15
IDLE_LOCK_RANGE = (1, 240)


def idle_lock_minutes() -> int:
    """After this many minutes without a key press or a mouse click the window locks."""
    value = get_setting(IDLE_LOCK_KEY, DEFAULT_IDLE_LOCK_MINUTES)
    low, high = IDLE_LOCK_RANGE
    return min(high, max(low, int(value or DEFAULT_IDLE_LOCK_MINUTES)))


@requires(roles.SETTINGS)
def set_idle_lock_minutes(minutes: int) -> None:
    low, high = IDLE_LOCK_RANGE
    if not low <= int(minutes) <= high:
        raise AccountError(FieldError("idle_minutes", Message(QT_TRANSLATE_NOOP("Messages", "自动锁定时间应在{low}到{high}分钟之间"),
                                                      low=low, high=high)))
    with db.atomic():
        set_setting(IDLE_LOCK_KEY, int(minutes))
        audit.record("修改", "setting", "", f"无操作{int(minutes)}分钟后自动锁定")
