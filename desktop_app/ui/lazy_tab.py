"""A tab page that builds its real content the first time it is shown, so start-up pays only for the
tab the user sees (the 首页). The content keeps itself current (ops.follow_changes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

Content = TypeVar("Content", bound=QWidget)


class LazyTab(QWidget, Generic[Content]):
    def __init__(self, factory: Callable[[], Content], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._content: Content | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def content(self) -> Content:
        return self.build()

    def build(self) -> Content:
        if self._content is None:
            self._content = self._factory()
            self._layout.addWidget(self._content)
            if self.isVisible():
                self._content.show()  # now, not queued: its first show fills it (ops.follow_changes)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self.build()
        super().showEvent(event)
