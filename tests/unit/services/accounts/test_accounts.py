from __future__ import annotations

import pytest

from desktop_app.db.models import AuditLog, User
from desktop_app.services.accounts.operators import (
    AccountError,
    check_password,
    create_user,
    has_administrator,
    hash_password,
    verify_administrator,
)


def test_password_hash_is_salted_scrypt_and_checks():
    first, second = hash_password("夏普吐勒2024"), hash_password("夏普吐勒2024")
    assert first != second and first.startswith("scrypt$")
    assert check_password("夏普吐勒2024", first) and not check_password("夏普吐勒2025", first)
    assert not check_password("x", "not-a-hash")


def test_administrator_is_set_up_then_verified(data_paths):
    assert not has_administrator()
    create_user("admin", "secret123", "管理员", "李所长")
    create_user("clerk", "secret456", "录入员")
    assert has_administrator()
    assert verify_administrator("admin", "secret123").display_name == "李所长"
    with pytest.raises(AccountError, match="用户名或密码不对"):
        verify_administrator("admin", "wrong")
    with pytest.raises(AccountError, match="不是管理员"):
        verify_administrator("clerk", "secret456")
    assert AuditLog.select().where(AuditLog.action == "验证失败").count() == 1
    assert "secret" not in User.get(User.username == "admin").password_hash


@pytest.mark.parametrize("username, password, role, field", [
    ("", "secret123", "管理员", "username"),
    ("a", "123", "管理员", "password"),
    ("a", "secret123", "站长", "role"),
])
def test_bad_accounts_are_refused_at_their_field(data_paths, username, password, role, field):
    with pytest.raises(AccountError) as info:
        create_user(username, password, role)
    assert info.value.error.field == field
