"""导出到U盘: the chosen cases or a period → case summaries (PDF), on request each case's 卷宗 (PDF), the
register (.xlsx) and a checked manifest, written by the export service in the background with progress and cancel. Masked unless an
administrator confirms the full form. The dialog says "complete" only after the service has returned."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...services import audit
from ...services.accounts.roles import FULL_FORM
from ...services.cases.export import ExportResult, export_cases
from ...services.files.usb_export import MANIFEST_NAME, ExportFailed
from ...services.progress import Progress
from ..admin_check import confirm_administrator
from ..drive_picker import DrivePicker
from ..field_errors import ERROR_STYLE
from ..i18n import shown
from ..ops import TaskRunner
from ..removable_drives import Drive, looks_removable, removable_drives
from ..roles import hide_unless

__all__ = ["Drive", "UsbExportDialog", "looks_removable", "removable_drives"]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class UsbExportDialog(QDialog):
    def __init__(self, selected_ids: list[int], period: tuple[date, date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出到U盘"))
        self.selected_ids = list(selected_ids)
        self.runner: TaskRunner | None = None
        self.export_result: ExportResult | None = None
        self.resize(620, 420)

        scope = QGroupBox(self.tr("导出哪些案件"))
        scope_grid = QGridLayout(scope)
        self.by_selection = QRadioButton(self.tr("登记簿中选中的案件（{0}件）").format(len(self.selected_ids)))
        self.by_period = QRadioButton(self.tr("受理日期在以下期间的案件"))
        self.date_from = QDateEdit(_qdate(period[0]))
        self.date_to = QDateEdit(_qdate(period[1]))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        scope_grid.addWidget(self.by_selection, 0, 0, 1, 4)
        scope_grid.addWidget(self.by_period, 1, 0)
        scope_grid.addWidget(self.date_from, 1, 1)
        scope_grid.addWidget(QLabel(self.tr("至")), 1, 2)
        scope_grid.addWidget(self.date_to, 1, 3)
        scope_grid.setColumnStretch(4, 1)
        self.by_selection.setEnabled(bool(self.selected_ids))
        (self.by_selection if self.selected_ids else self.by_period).setChecked(True)

        target = QGroupBox(self.tr("导出到"))
        self.picker = DrivePicker(self, QGridLayout(target),
                                  none_found=self.tr("未找到U盘，请插入U盘后点“刷新”，或选择文件夹"),
                                  choose_title=self.tr("选择导出位置"), nowhere=self.tr("尚未选择导出位置"))
        self.drives, self.target_label = self.picker.drives, self.picker.target_label
        self.refresh_button, self.folder_button = self.picker.refresh_button, self.picker.folder_button

        self.full = QCheckBox(self.tr("完整信息（需管理员）：身份证号、电话不隐去，仅供制作法律文书"))
        hide_unless(FULL_FORM, self.full)
        self.dossiers = QCheckBox(self.tr("同时导出每件案件的卷宗（封面、卷内目录、全部文书、封底，PDF）"))
        contents = QLabel(self.tr("将写入：每件案件的案件摘要（PDF）、案件登记表（Excel）和校验清单。"
                                  "每个文件写入后读回核对，全部核对无误才算完成。"))
        contents.setWordWrap(True)
        contents.setStyleSheet("color: #555555;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("开始导出"))
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (scope, target, self.full, self.dossiers, contents, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.picker.chosen.connect(self._folder_chosen)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.picker.refresh()

    # --- target --------------------------------------------------------------------------------------
    @property
    def folder(self) -> Path | None:
        return self.picker.folder

    def set_folder(self, folder: Path | None) -> None:
        self.picker.set_folder(folder)

    def _folder_chosen(self, folder: Path | None) -> None:
        self.export_button.setEnabled(folder is not None)

    # --- export --------------------------------------------------------------------------------------
    def selection(self) -> list[int] | tuple[date, date]:
        if self.by_selection.isChecked():
            return list(self.selected_ids)
        # QDate.toPython() gives a datetime.date; the stubs say object
        return cast(date, self.date_from.date().toPython()), cast(date, self.date_to.date().toPython())

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "color: #1e7e34;")
        self.status.setText(text)

    def start(self) -> None:
        if self.folder is None or self.runner is not None:
            return
        selection = self.selection()
        if isinstance(selection, tuple) and selection[1] < selection[0]:
            self._say(self.tr("结束日期不能早于开始日期"), error=True)
            return
        admin = ""
        if self.full.isChecked():
            admin = confirm_administrator(self, self.tr("导出含完整身份证号和电话的案件材料")) or ""
            if not admin:
                return
        folder, full, dossiers = self.folder, bool(admin), self.dossiers.isChecked()
        writing, finishing = self.tr("正在写入并核对：{0}（{1}/{2}）"), self.tr("正在完成…")

        def work(progress: Progress) -> ExportResult:
            def each(done: int, total: int, name: str) -> None:
                progress(done, total, writing.format(name, done + 1, total) if name else finishing)

            acting = audit.acting_as(admin) if admin else contextlib.nullcontext()
            with acting:
                return export_cases(selection, folder, full=full, progress=each, dossiers=dossiers)

        self._say(self.tr("正在导出…"))
        self.export_button.setEnabled(False)
        self.runner = TaskRunner(self, self.tr("导出到U盘"), work, expected=(ExportFailed,))
        self.runner.finished.connect(self._finish)
        self.runner.done.connect(self._done)
        self.runner.error.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)
        self.runner.start()

    def _finish(self) -> None:
        self.runner = None
        self.export_button.setEnabled(self.folder is not None)

    def _done(self, result: ExportResult) -> None:
        self.export_result = result
        form = self.tr("完整信息") if not result.masked else self.tr("已脱敏")
        text = self.tr("导出完成，清单已校验。\n文件夹：{0}\n案件 {1} 件，文件 {2} 个（另有{3}），个人信息：{4}。").format(
            result.folder, result.case_count, len(result.files), MANIFEST_NAME, form)
        if result.without_dossier:
            text += self.tr("\n以下人民调解案件尚未指定调委会，未导出卷宗：{0}").format("、".join(result.without_dossier))
        self._say(text)
        # Said once: the dialog has done its work and closes, and the box says what was written.
        self.accept()
        QMessageBox.information(self.parentWidget(), self.tr("导出完成"), text)

    def _failed(self, exc: ExportFailed) -> None:
        self._say(shown(exc.message), error=True)
        QMessageBox.warning(self, self.tr("导出未完成"), shown(exc.message))

    def _cancelled(self) -> None:
        self._say(self.tr("导出已取消，已写入的文件已删除。"), error=True)

    def reject(self) -> None:
        if self.runner is not None:
            return  # the progress dialog's 取消 stops the export
        super().reject()
