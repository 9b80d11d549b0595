"""Where files leave the computer: a removable drive chosen from a list (刷新 after plugging one in) or any
folder, and the place chosen said under them. Used by 备份到U盘 and the cases' 导出到U盘."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QGridLayout, QLabel, QPushButton, QWidget

from .removable_drives import removable_drives


class DrivePicker(QObject):
    """The drive list, 刷新, 选择文件夹… and the place chosen, in the first two rows of `grid`; `chosen(folder)`
    on every change (None: nowhere yet). The dialog's own words: `none_found` (the list's line when no drive
    is plugged in), `choose_title` (the folder dialog's title) and `nowhere` (no place chosen yet)."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget, grid: QGridLayout, *, none_found: str, choose_title: str,
                 nowhere: str) -> None:
        super().__init__(parent)
        self._window = parent
        self._none_found, self._choose_title, self._nowhere = none_found, choose_title, nowhere
        self.folder: Path | None = None
        self.drives = QComboBox()
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.folder_button = QPushButton(self.tr("选择文件夹…"))
        self.target_label = QLabel()
        self.target_label.setWordWrap(True)
        grid.addWidget(QLabel(self.tr("U盘")), 0, 0)
        grid.addWidget(self.drives, 0, 1)
        grid.addWidget(self.refresh_button, 0, 2)
        grid.addWidget(self.folder_button, 0, 3)
        grid.addWidget(self.target_label, 1, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        self.drives.currentIndexChanged.connect(self._drive_chosen)
        self.refresh_button.clicked.connect(self.refresh)
        self.folder_button.clicked.connect(self.choose_folder)

    def refresh(self) -> None:
        """The drives plugged in now; the first one chosen."""
        self.drives.clear()
        for drive in removable_drives():
            self.drives.addItem(drive.label(), str(drive.root))
        if not self.drives.count():
            self.drives.addItem(self._none_found, None)
        self._drive_chosen()

    def _drive_chosen(self) -> None:
        root = self.drives.currentData()
        self.set_folder(Path(root) if root else None)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self._window, self._choose_title, str(self.folder or ""))
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path | None) -> None:
        self.folder = folder
        self.target_label.setText(self.tr("位置：{0}").format(folder) if folder else self._nowhere)
        self.chosen.emit(folder)
