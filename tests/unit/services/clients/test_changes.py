"""What other PCs changed since the last look (services/clients/changes.py), on both engines."""

from __future__ import annotations

from datetime import datetime

from desktop_app.domain.vocabulary import CLERK
from desktop_app.services.accounts import roles
from desktop_app.services.clients.changes import ChangeWatch
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.roster.teams import TeamInput, save_team


def _another_pc(other_connection, data_paths, table: str, action: str = "修改", entry_id: int | None = None):
    """An entry of the operations log written by another client's own connection."""
    with other_connection(data_paths) as (con, mark):
        columns = "uuid, created_at, updated_at, at, username, action, table_name, record_uuid, summary"
        values = [f"x{table}{action}{entry_id}"[:32], datetime.now(), datetime.now(), datetime.now(), "zhang",
                  action, table, "", ""]
        if entry_id is not None:
            columns, values = "id, " + columns, [entry_id, *values]
        con.execute(f"INSERT INTO audit_log ({columns}) VALUES ({', '.join([mark] * len(values))})", values)


def test_the_tables_other_accounts_changed_since_the_last_look(data_paths, other_connection):
    save_member(MemberInput(name="王小明"))
    watch = ChangeWatch()
    assert watch.changed_tables() == set()  # what was there is already shown
    save_team(TeamInput(name="一中队"))  # this account's own change: the window announced it already
    assert watch.changed_tables() == set()
    with roles.acting_as(roles.Account("zhang", CLERK)):
        save_member(MemberInput(name="李娜"))
        save_team(TeamInput(name="二中队"))
    _another_pc(other_connection, data_paths, "case")
    _another_pc(other_connection, data_paths, "member", action="导出")  # read, changed nothing
    assert watch.changed_tables() == {"member", "team", "case"}
    assert watch.changed_tables() == set()  # each once


def test_an_entry_committed_after_a_later_one_is_still_found(data_paths, other_connection):
    save_member(MemberInput(name="王小明"))
    watch = ChangeWatch()
    _another_pc(other_connection, data_paths, "member", entry_id=1000)
    assert watch.changed_tables() == {"member"}
    # an id taken before 1000 by a transaction that committed only now (PostgreSQL's serial ids)
    _another_pc(other_connection, data_paths, "shift", entry_id=990)
    assert watch.changed_tables() == {"shift"}
    assert watch.changed_tables() == set()
