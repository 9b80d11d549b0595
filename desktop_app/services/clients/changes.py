"""What other PCs changed since the window last looked (issue 19: views refresh when another client changes
what they show), read cheaply from the operations log: every service that writes records one entry naming
its table (services/audit.py), so the new entries since the last look (an index range on the log's id)
say which tables changed. The window asks every few seconds (ui/change_poll.py) and the tabs showing that
data refresh.

Entries of the acting account itself are left out (the window announced its own changes as it made them),
and so are the entries that changed nothing (导出, 打印 …). On PostgreSQL a transaction that took its id
earlier may commit after a later one: each look reads back over the last `OVERLAP` ids and remembers the
ones already seen, so such an entry is still found.
"""

from __future__ import annotations

from peewee import fn

from ...db.models import AuditLog
from .. import audit
from ..accounts import roles

# actions that record a reading or an attempt, not a change
NOT_CHANGES = frozenset({"导出", "导出失败", "打印", "补打", "完整信息", "验证失败", "备份", "锁定", audit.LOGIN,
                         audit.LOGIN_FAILED, audit.LOGOUT, audit.ARCHIVE})
OVERLAP = 200  # ids read back each look
ANY_TABLE = ""  # an entry for several tables at once (a batch, an import)


class ChangeWatch:
    """`changed_tables()`: the tables other accounts changed since the previous call (or since made)."""

    def __init__(self) -> None:
        self._last = AuditLog.select(fn.MAX(AuditLog.id)).scalar() or 0
        self._seen: set[int] = set()
        self._entries()  # what is there now is already shown

    def _entries(self) -> list[tuple[str, str, str]]:
        """The entries not seen yet (table, action, username), and remember them as seen."""
        rows = (AuditLog.select(AuditLog.id, AuditLog.table_name, AuditLog.action, AuditLog.username)
                .where(AuditLog.id > self._last - OVERLAP).tuples())
        new, ids = [], set()
        for entry_id, table, action, username in rows:
            ids.add(entry_id)
            if entry_id not in self._seen:
                new.append((table, action, username))
        self._last = max(ids, default=self._last)
        self._seen = {entry_id for entry_id in ids if entry_id > self._last - OVERLAP}
        return new

    def changed_tables(self) -> set[str]:
        me = roles.acting_username()
        return {table for table, action, username in self._entries() if action not in NOT_CHANGES and username != me}
