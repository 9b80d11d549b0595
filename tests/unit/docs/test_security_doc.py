"""docs/security.md's table of roles × actions is the table the services check (roles.ROLE_PERMISSIONS):
one row per permission, worded as the refusal names it, a ✓ exactly where the role has it."""

from __future__ import annotations

import re
from pathlib import Path

from desktop_app.domain.vocabulary import ADMIN, CLERK, VIEWER
from desktop_app.services import audit
from desktop_app.services.accounts import operators, roles

DOC = Path(__file__).resolve().parents[3] / "docs" / "security.md"
ROLES = (ADMIN, CLERK, VIEWER)


def _table() -> tuple[list[str], list[list[str]]]:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- roles:begin.*?-->\n(.*?)<!-- roles:end -->", text, re.S)
    assert block, "docs/security.md has no roles table"
    lines = [line for line in block.group(1).splitlines() if line.startswith("|")]
    cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    return cells[0], cells[2:]


def test_the_roles_table_has_a_column_per_role_and_a_row_per_permission():
    header, rows = _table()
    assert header[2:] == list(ROLES)
    assert [row[0] for row in rows] == list(roles.ALL_PERMISSIONS)


def test_each_tick_in_the_roles_table_is_a_permission_the_services_grant():
    _header, rows = _table()
    for row in rows:
        permission, marks = row[0], row[2:]
        assert all(mark in ("✓", "—") for mark in marks), row
        granted = [role for role, mark in zip(ROLES, marks, strict=True) if mark == "✓"]
        assert granted == [role for role in ROLES if permission in roles.permissions_of(role)], permission


def test_the_page_says_what_is_logged_masked_and_left_to_the_office():
    text = DOC.read_text(encoding="utf-8")
    for heading in ("## Roles × actions", "## What is logged", "## What is masked, where",
                    "## What the office must do itself"):
        assert heading in text
    assert f"default {audit.DEFAULT_RETENTION_MONTHS // 12} years" in text
    assert f"never under {audit.MINIMUM_RETENTION_MONTHS} months" in text
    assert f"after {operators.FREE_TRIES} wrong passwords" in text and f"{operators.FIRST_WAIT_SECONDS} s" in text
    assert f"after {operators.DEFAULT_IDLE_LOCK_MINUTES} minutes" in text
