"""数据存放位置: on the first start in a data folder without data, where the office's data lives — this PC's
data file (one PC, the default) or the office's PostgreSQL server (several PCs at once, docs/postgresql.md)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..config import DataPaths
from ..db.server import is_server_url, without_password
from .field_errors import FieldMessage


class StoreChoiceDialog(QDialog):
    def __init__(self, paths: DataPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setWindowTitle(self.tr("数据存放位置"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("本单位的数据存放在哪里？只有一台电脑使用本程序时，选“本机数据文件”即可；"
                               "派出所或县局的多台电脑要同时使用同一份数据时，选“数据库服务器”（由技术人员设置好 PostgreSQL）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.local = QRadioButton(self.tr("本机数据文件（单机使用，无需安装其他软件）"))
        self.server = QRadioButton(self.tr("数据库服务器（局域网内多台电脑同时使用）"))
        self.local.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.local, self.server):
            group.addButton(button)
            layout.addWidget(button)
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://yijing@10.0.0.5/yijing")
        self.url.setEnabled(False)
        layout.addWidget(self.url)
        hint = QLabel(self.tr("密码不在这里填写：连接时程序会询问，或由技术人员设置 pgpass 文件。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.message = FieldMessage(self.url)
        layout.addWidget(self.message)
        self.server.toggled.connect(self.url.setEnabled)
        self.server.toggled.connect(lambda on: on and self.url.setFocus())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("继续"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.server.isChecked() and not is_server_url(self.url.text()):
            self.message.show_error(self.tr("请填写数据库服务器的地址，如 postgresql://yijing@10.0.0.5/yijing"))
            return
        self.message.clear_error()
        super().accept()

    def chosen_paths(self) -> DataPaths:
        """The folder, with the server named when one was chosen (its URL without a password)."""
        if self.server.isChecked():
            return replace(self.paths, url=without_password(self.url.text()))
        return self.paths
