"""Logging in and out, slower tries after wrong passwords, the first administrator, the administrator's
account management, and the audit entries each of these leaves (never a password)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop_app.db.models import AuditLog, User
from desktop_app.domain.vocabulary import ADMIN, CLERK, VIEWER
from desktop_app.services.accounts import operators, roles
from desktop_app.services.accounts.operators import AccountError, LoginThrottled
from desktop_app.services.accounts.roles import PermissionDenied

T0 = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def office_accounts(data_paths):
    admin = operators.create_user("suozhang", "Shaanxi-2026", ADMIN, "李所长")
    clerk = operators.create_user("xiaowang", "Kashgar#2026", CLERK, "王小红")
    viewer = operators.create_user("chakan", "Viewer-only-1", VIEWER)
    return {"admin": admin.id, "clerk": clerk.id, "viewer": viewer.id}


def actions() -> list[str]:
    return [a.action for a in AuditLog.select().order_by(AuditLog.id)]


def test_login_sets_the_acting_account_and_logout_clears_it(office_accounts):
    account = operators.log_in("xiaowang", "Kashgar#2026", now=T0)
    assert account == roles.current() == roles.Account("xiaowang", CLERK, "王小红", office_accounts["clerk"])
    assert User.get_by_id(office_accounts["clerk"]).last_login_at == T0
    operators.log_out()
    assert roles.current() is None
    entries = list(AuditLog.select().where(AuditLog.action.in_(["登录", "注销"])).order_by(AuditLog.id))
    assert [(e.action, e.username) for e in entries] == [("登录", "xiaowang"), ("注销", "xiaowang")]
    assert all("Kashgar" not in e.summary for e in AuditLog.select())


def test_wrong_passwords_make_further_tries_wait_longer(office_accounts):
    for attempt in range(operators.FREE_TRIES - 1):
        with pytest.raises(AccountError, match="用户名或密码不对"):
            operators.authenticate("xiaowang", "wrong", now=T0 + timedelta(seconds=attempt))
    with pytest.raises(LoginThrottled) as third:
        operators.authenticate("xiaowang", "wrong", now=T0 + timedelta(seconds=10))
    assert third.value.wait_seconds == operators.FIRST_WAIT_SECONDS
    # Even the right password is not checked while the account must wait.
    with pytest.raises(LoginThrottled):
        operators.authenticate("xiaowang", "Kashgar#2026", now=T0 + timedelta(seconds=12))
    with pytest.raises(LoginThrottled) as fourth:
        operators.authenticate("xiaowang", "wrong", now=T0 + timedelta(seconds=16))
    assert fourth.value.wait_seconds == 2 * operators.FIRST_WAIT_SECONDS
    assert operators.authenticate("xiaowang", "Kashgar#2026", now=T0 + timedelta(seconds=27)).role == CLERK
    assert User.get_by_id(office_accounts["clerk"]).failed_logins == 0
    failures = AuditLog.select().where(AuditLog.action == "登录失败", AuditLog.username == "xiaowang")
    assert failures.count() == 5
    assert [operators.retry_wait_seconds(n) for n in (0, 2, 3, 4, 5, 30)] == [0, 0, 5, 10, 20, 300]


def test_unknown_and_disabled_accounts_are_refused_and_logged(office_accounts):
    with pytest.raises(AccountError, match="用户名或密码不对"):
        operators.authenticate("nobody", "whatever1")
    operators.set_active(office_accounts["viewer"], False)
    with pytest.raises(AccountError, match="已停用"):
        operators.authenticate("chakan", "Viewer-only-1")
    assert [a.username for a in AuditLog.select().where(AuditLog.action == "登录失败")] == ["nobody", "chakan"]
    assert [c.username for c in operators.login_choices()] == ["suozhang", "xiaowang"]
    operators.set_active(office_accounts["viewer"], True)
    assert operators.authenticate("chakan", "Viewer-only-1").role == VIEWER


def test_the_first_administrator_only_in_a_folder_without_accounts(data_paths):
    with roles.acting_as(None):
        assert not operators.accounts_exist()
        with pytest.raises(AccountError) as mismatch:
            operators.create_first_administrator("suozhang", "Shaanxi-2026", repeat="Shaanxi-2025")
        assert mismatch.value.error.field == "repeat" and not operators.accounts_exist()
        user = operators.create_first_administrator("suozhang", "Shaanxi-2026", "李所长", repeat="Shaanxi-2026")
        assert user.role == ADMIN and operators.has_administrator()
        with pytest.raises(AccountError, match="已有操作员账号"):
            operators.create_first_administrator("other", "Another-2026")
        with pytest.raises(PermissionDenied):
            operators.create_user("other", "Another-2026", CLERK)
    entry = AuditLog.get(AuditLog.action == "新增", AuditLog.table_name == "user")
    assert entry.username == "suozhang" and entry.record_uuid == user.uuid


def test_only_the_administrator_manages_accounts(office_accounts, acting):
    for role in (CLERK, VIEWER):
        with acting(role):
            for call in (lambda: operators.create_user("new", "Brand-new-2026", CLERK),
                         lambda: operators.reset_password(office_accounts["viewer"], "Reset-it-2026"),
                         lambda: operators.set_active(office_accounts["viewer"], False),
                         lambda: operators.set_role(office_accounts["viewer"], ADMIN),
                         operators.list_accounts):
                with pytest.raises(PermissionDenied):
                    call()
    assert User.get_by_id(office_accounts["viewer"]).role == VIEWER
    operators.reset_password(office_accounts["viewer"], "Reset-it-2026")
    assert operators.authenticate("chakan", "Reset-it-2026").role == VIEWER
    operators.set_role(office_accounts["viewer"], CLERK)
    assert [a.role for a in operators.list_accounts()] == [ADMIN, CLERK, CLERK]
    assert {"重置密码", "修改"} <= set(actions())


def test_the_last_administrator_cannot_be_disabled_or_demoted(office_accounts):
    with pytest.raises(AccountError, match="至少要保留一个"):
        operators.set_active(office_accounts["admin"], False)
    with pytest.raises(AccountError, match="至少要保留一个"):
        operators.set_role(office_accounts["admin"], CLERK)
    second = operators.create_user("fusuo", "Deputy-chief-26", ADMIN)
    operators.set_role(office_accounts["admin"], CLERK)
    with roles.acting_as(roles.Account("fusuo", ADMIN)), pytest.raises(AccountError, match="当前登录"):
        operators.set_active(second.id, False)


def test_change_own_password_needs_the_old_one(office_accounts):
    operators.log_in("xiaowang", "Kashgar#2026")
    try:
        with pytest.raises(AccountError) as wrong:
            operators.change_own_password("nope", "New-secret-2026")
        assert wrong.value.error.field == "old_password"
        with pytest.raises(AccountError, match="至少8位"):
            operators.change_own_password("Kashgar#2026", "short")
        operators.change_own_password("Kashgar#2026", "New-secret-2026", repeat="New-secret-2026")
    finally:
        operators.log_out()
    assert operators.authenticate("xiaowang", "New-secret-2026").username == "xiaowang"
    with pytest.raises(AccountError):
        operators.authenticate("xiaowang", "Kashgar#2026")
    assert "New-secret" not in User.get_by_id(office_accounts["clerk"]).password_hash


@pytest.mark.parametrize(("password", "level"), [
    ("short", 0), ("12345678", 0), ("aaaaaaaaa", 0), ("abcdefgh", 0), ("xiaowang", 0), ("kashgarcity", 1),
    ("kashgar2026", 2), ("Kashgar#2026", 3), ("夏普吐勒派出所二〇二六年", 2),
])
def test_password_strength_hint(password, level):
    strength, hint = operators.password_strength(password, "xiaowang")
    assert strength == level and hint


def test_demo_folder_accounts(data_paths):
    with roles.acting_as(None):
        assert operators.demo_password() is None
        assert operators.create_demo_accounts() == [ADMIN, CLERK, VIEWER]
        assert operators.demo_password() == operators.DEMO_PASSWORD == "demo"
        for username, role in operators.DEMO_ACCOUNTS:
            assert operators.authenticate(username, "demo").role == role
        with pytest.raises(AccountError):
            operators.create_demo_accounts()
