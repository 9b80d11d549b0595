"""A name field that offers the members matching what is typed. A prefecture's roster is never loaded into
the form: a pause in the typing asks the roster for the first matches, off the GUI thread (`ops.Lookup`),
and the completer shows them when they come."""

from __future__ import annotations

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit

from ...services.records.choices import MemberMatches, find_member_choices
from ..ops import Lookup

PAUSE_MS = 150  # typing faster than this asks once, for the last text
SHOWN = 30  # matches offered at once


class MemberCompletion(QObject):
    """Completes `edit` with the labels (name（team）) of the members matching its text; members of
    `prefer_team` first."""

    def __init__(self, edit: QLineEdit, include_left: bool = False) -> None:
        super().__init__(edit)
        self.edit = edit
        self.include_left = include_left
        self.prefer_team: int | None = None
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, edit)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.setCompleter(self.completer)
        self._asked_for: str | None = ""  # the text asked about; None: stopped, nothing to offer
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._look_up)
        self._lookup = Lookup(self, self.tr("查找队员"))
        self._lookup.found.connect(self._show)
        edit.textEdited.connect(lambda _text: self._pause.start())

    def stop(self) -> None:
        """The typing is over (Enter): no offer comes any more for it, and none stays open."""
        self._pause.stop()
        self._asked_for = None
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            popup.hide()

    def _look_up(self) -> None:
        text, team, left = self.edit.text().strip(), self.prefer_team, self.include_left
        self._asked_for = text
        if not text:
            self.model.setStringList([])
            return
        self._lookup.ask(lambda: find_member_choices(text, team, SHOWN, include_left=left))

    def _show(self, matches: MemberMatches) -> None:
        if self.edit.text().strip() != self._asked_for:
            return  # typed on since: the next answer is on its way
        self.model.setStringList([c.label for c in matches.choices])
        if self.edit.hasFocus() and matches.choices:
            self.completer.complete()
