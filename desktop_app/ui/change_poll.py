"""Views refresh when another PC changes what they show (issue 19): every few seconds the window asks
which tables other accounts changed since its last look (services/clients/changes.py, one cheap query on the
operations log's newest entries) and announces them on the ChangeBus (ui/ops.py), like a change made here:
the tabs showing that data refresh at once when visible, or when next shown."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from ..services.clients.changes import ANY_TABLE, ChangeWatch
from .ops import CASES, CERTIFICATES, DATA, MEMBERS, RECORDS, SETTINGS, SHIFTS, TEAMS, announce

log = logging.getLogger(__name__)

POLL_MS = 5000

# which views a change of each table concerns; a table not named here: every view
TABLE_CHANGES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("member", "leave", "qualification"), frozenset({MEMBERS})),
    "team": frozenset({TEAMS, MEMBERS}),
    **dict.fromkeys(("duty_post", "shift", "shift_pattern", "assignment", "swap"), frozenset({SHIFTS})),
    **dict.fromkeys(("case", "party", "mediation_session", "investigation", "follow_up", "case_mediator"),
                    frozenset({CASES})),
    **dict.fromkeys(("certificate", "certificate_template"), frozenset({CERTIFICATES})),
    **dict.fromkeys(("activity", "training", "point_entry"), frozenset({RECORDS})),
    **dict.fromkeys(("setting", "office_settings", "holiday", "user"), frozenset({SETTINGS})),
    ANY_TABLE: DATA,
}


class ChangePoll(QObject):
    """Started with the window; `poll()` is one look (the timer's, or a test's)."""

    def __init__(self, parent: QObject, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.watch = ChangeWatch()
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> set[str]:
        """Announce what other PCs changed since the last look; returns the kinds announced."""
        try:
            tables = self.watch.changed_tables()
        except Exception as exc:  # noqa: BLE001 - the server out of reach, the store closed: said once, tried again
            if not self._failing:
                log.warning("查询其他电脑的修改失败: %s", type(exc).__name__)
            self._failing = True
            return set()
        self._failing = False
        kinds: set[str] = set()
        for table in tables:
            kinds |= TABLE_CHANGES.get(table, DATA)
        if kinds:
            announce(kinds)
        return kinds
