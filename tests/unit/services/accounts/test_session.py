"""The one role check: the table, `require`/`requires`, the acting account per thread, the refusal's words."""

from __future__ import annotations

import threading

import pytest

from desktop_app.domain.vocabulary import ADMIN, CLERK, VIEWER
from desktop_app.services.accounts import roles
from desktop_app.services.accounts.roles import (
    ALL_PERMISSIONS,
    EDIT,
    FULL_FORM,
    PRINT,
    Account,
    PermissionDenied,
    acting_as,
    allowed,
    require,
    requires,
)


def test_the_table_gives_the_administrator_everything_and_the_viewer_only_masked_prints():
    assert roles.permissions_of(ADMIN) == frozenset(ALL_PERMISSIONS)
    assert roles.permissions_of(VIEWER) == {PRINT}
    clerk = roles.permissions_of(CLERK)
    assert EDIT in clerk and roles.EXPORT in clerk and PRINT in clerk and roles.READ_FULL in clerk
    for admin_only in (FULL_FORM, roles.SETTINGS, roles.ACCOUNTS, roles.RESTORE, roles.AUDIT,
                       roles.ANONYMISE):
        assert admin_only not in clerk
    assert roles.permissions_of("站长") == frozenset()


def test_require_names_the_account_its_role_and_what_was_refused():
    with acting_as(Account("小李", VIEWER)), pytest.raises(PermissionDenied) as info:
        require(EDIT)
    assert str(info.value) == "当前账号“小李”（查看）无权录入和修改数据。如需办理，请由有此权限的人员登录。"
    assert info.value.permission == EDIT and info.value.account.username == "小李"
    with acting_as(None), pytest.raises(PermissionDenied, match="请先登录"):
        require(PRINT)
    with acting_as(Account("所长", ADMIN)):
        assert require(EDIT, FULL_FORM).username == "所长"


def test_the_decorator_checks_before_the_function_runs():
    ran = []

    @requires(EDIT)
    def write(value):
        ran.append(value)
        return value * 2

    with acting_as(Account("a", CLERK)):
        assert write(2) == 4
    with acting_as(Account("v", VIEWER)), pytest.raises(PermissionDenied):
        write(3)
    assert ran == [2] and write.permissions == (EDIT,) and write.__name__ == "write"


def test_acting_as_is_per_thread_and_the_login_is_per_process():
    roles.set_logged_in(Account("所长", ADMIN))
    try:
        seen = {}

        def worker():
            seen["before"] = roles.current().username
            with acting_as(Account("小王", CLERK)):
                seen["inside"] = roles.current().username
                seen["main_sees"] = main_view.wait(5)

        main_view = threading.Event()
        with acting_as(Account("小李", VIEWER)):
            thread = threading.Thread(target=worker)
            thread.start()
            assert roles.current().username == "小李"
            main_view.set()
            thread.join()
        assert seen == {"before": "所长", "inside": "小王", "main_sees": True}
        assert roles.current().username == "所长" and roles.logged_in().username == "所长"
        assert allowed(FULL_FORM) and not allowed(FULL_FORM, Account("x", CLERK))
    finally:
        roles.set_logged_in(None)
    assert roles.current() is None and not allowed(PRINT)


def test_a_refusal_is_not_taken_for_a_file_that_could_not_be_written():
    from desktop_app.services.accounts import roles

    refusal = roles.PermissionDenied(roles.EXPORT, roles.Account("chakan", "查看"))
    assert not isinstance(refusal, OSError)
