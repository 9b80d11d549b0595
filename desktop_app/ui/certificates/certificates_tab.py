"""证书打印: 签发 (one certificate) and 验证 on the left, the 登记簿 on the right; 批量签发… and
模板与印章… above."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.accounts.roles import EDIT
from ...services.accounts.roles import SETTINGS as SETTINGS_PERMISSION
from ..ops import CERTIFICATES, MEMBERS, SETTINGS, SHIFTS, TEAMS, follow_changes
from ..roles import hide_unless
from ..view_state import remember_splitter
from .issue_panel import IssuePanel
from .register_panel import RegisterPanel
from .verify_box import VerifyBox


class CertificatesTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialog: QDialog | None = None  # the dialog last opened, kept alive while open
        self.issue_panel = IssuePanel()
        self.verify_box = VerifyBox()
        self.register = RegisterPanel()

        self.batch_button = QPushButton(self.tr("批量签发…"))
        self.templates_button = QPushButton(self.tr("模板与印章…"))
        actions = QHBoxLayout()
        actions.addWidget(self.batch_button)
        actions.addWidget(self.templates_button)
        actions.addStretch(1)

        issue_box = QGroupBox(self.tr("签发证书"))
        issue_layout = QVBoxLayout(issue_box)
        issue_layout.setContentsMargins(4, 4, 4, 4)
        issue_layout.addWidget(self.issue_panel)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(issue_box)
        left_layout.addWidget(self.verify_box)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(460)
        register_box = QGroupBox(self.tr("证书登记簿"))
        register_layout = QVBoxLayout(register_box)
        register_layout.addWidget(self.register)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(register_box)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 680])
        remember_splitter(splitter, "certificates")
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)

        hide_unless(EDIT, self.batch_button, issue_box)
        hide_unless(SETTINGS_PERMISSION, self.templates_button)
        self.issue_box = issue_box
        self.issue_panel.issued.connect(self._issued)
        self.register.changed.connect(self._voided)
        self.batch_button.clicked.connect(self.batch)
        self.templates_button.clicked.connect(self.templates)
        self.refresh()
        follow_changes(self, {CERTIFICATES, MEMBERS, TEAMS, SHIFTS, SETTINGS}, self.refresh, stale=False)

    def refresh(self) -> None:
        self.issue_panel.refresh()
        self.register.refresh()

    def _issued(self, certificate_id: int) -> None:
        self.register.refresh()
        self.register.select_certificate(certificate_id)

    def _voided(self) -> None:
        if self.verify_box.result is not None:
            self.verify_box.verify()  # the answer shown may have changed

    def batch(self):
        from .batch_dialog import BatchDialog

        dialog = BatchDialog(self)
        dialog.issued.connect(self.register.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def templates(self):
        from .templates_dialog import TemplatesDialog

        dialog = TemplatesDialog(self)
        dialog.changed.connect(self.issue_panel.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog
