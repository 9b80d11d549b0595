"""The case dialog: a header (number, 调委会 or 派出所, status, deadline, warnings) over the tabs 基本情况,
当事人, 调解人员, 调查记录, 调解记录, 协议, 回访, 流程, 文书. A new case is registered (受理, numbered in its
kind's series) on its first save; the other tabs open then. Closing with unsaved changes asks: save,
discard or stay."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import PUBLIC_SECURITY_MEDIATION
from ...services.cases.case_form import CaseDetail, delete_case, load_case, save_case
from ...services.cases.fields import CaseInvalid
from ...services.cases.workflow import CaseRefused, deadline_text
from ...services.clients.versions import RecordChanged
from ..field_errors import ERROR_STYLE
from ..i18n import shown, vocab
from ..ops import CASES, announce_on
from ..record_changed import RecordChangedBanner
from ..widgets.table_actions import save_shortcut
from .case_form import CaseForm
from .documents_panel import DocumentsPanel
from .investigations_panel import InvestigationsPanel
from .mediators_panel import MediatorsPanel
from .parties_panel import PartiesPanel
from .record_panel import RecordPanel
from .session_panels import FollowUpsPanel, SessionsPanel
from .workflow_panel import WorkflowPanel

ALERT_COLOR = "#c0392b"


class CaseDialog(QDialog):
    """Opens on an existing case (`case_id`) or a new one (None). `changed(case_id)` after every store."""

    changed = Signal(int)
    deleted = Signal(int)

    def __init__(self, case_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        announce_on(self.changed, {CASES}, self)
        announce_on(self.deleted, {CASES}, self)
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.resize(1040, 760)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setStyleSheet("font-size: 11pt;")
        self.warnings = QLabel()
        self.warnings.setStyleSheet(ERROR_STYLE)
        self.warnings.setWordWrap(True)
        self.form = CaseForm(self)
        self.parties = PartiesPanel()
        self.mediators = MediatorsPanel()
        self.investigations = InvestigationsPanel()
        self.sessions = SessionsPanel()
        self.follow_ups = FollowUpsPanel()
        self.workflow = WorkflowPanel(self.ensure_saved)
        self.documents = DocumentsPanel(self.ensure_saved)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form.basics_page, self.tr("基本情况"))
        self.tabs.addTab(self.parties, self.tr("当事人"))
        self.tabs.addTab(self.mediators, self.tr("调解人员"))
        self.tabs.addTab(self.investigations, self.tr("调查记录"))
        self.tabs.addTab(self.sessions, self.tr("调解记录"))
        self.tabs.addTab(self.form.agreement_page, self.tr("协议"))
        self.tabs.addTab(self.follow_ups, self.tr("回访"))
        self.tabs.addTab(self.workflow, self.tr("流程"))
        self.tabs.addTab(self.documents, self.tr("文书"))
        self.record_panels: dict[RecordPanel | MediatorsPanel, str] = {
            self.parties: self.tr("当事人"), self.mediators: self.tr("调解人员"),
            self.investigations: self.tr("调查记录"), self.sessions: self.tr("调解记录"),
            self.follow_ups: self.tr("回访")}
        for panel in (*self.record_panels, self.workflow):
            panel.changed.connect(self._stored)

        self.delete_button = QPushButton(self.tr("删除案件…"))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("关闭"))
        self.delete_button.clicked.connect(self.delete)
        self.save_button.clicked.connect(self.save)
        save_shortcut(self, self.save)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.warnings)
        layout.addWidget(self.tabs, 1)
        self.changed_banner = RecordChangedBanner()
        layout.addWidget(self.changed_banner)
        layout.addLayout(buttons)

        if case_id is None:
            self.setWindowTitle(self.tr("登记新纠纷"))
            self.header.setText(self.tr("新案件：保存后即受理登记，自动编号并计算办理期限。"))
            self.warnings.hide()
            self.delete_button.hide()
            self.form.load_new()
            self._enable_case_tabs(False)
        else:
            self.reload(load_form=True)

    # --- showing -------------------------------------------------------------------------------------
    def _enable_case_tabs(self, enabled: bool) -> None:
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if widget not in (self.form.basics_page, self.form.agreement_page):
                self.tabs.setTabEnabled(index, enabled)
                self.tabs.setTabToolTip(index, "" if enabled else self.tr("请先保存（受理登记）"))

    def reload(self, load_form: bool) -> None:
        assert self.case_id is not None  # only a saved case is reloaded (its tabs open after the save)
        detail = load_case(self.case_id)
        self.detail = detail
        self.setWindowTitle(self.tr("纠纷案件：{0}").format(detail.number))
        deadline = shown(deadline_text(detail)) or (
            self.tr("待{0}文书出具后3个工作日内").format(vocab(detail.data.appraisal)) if detail.data.appraisal
            else self.tr("未定"))
        if detail.overdue:
            deadline = f"<span style='color:{ALERT_COLOR}; font-weight:bold'>{deadline}</span>"
        deleted_text = self.tr("（已删除）")
        deleted = f"<span style='color:{ALERT_COLOR}'>{deleted_text}</span>" if detail.deleted else ""
        gap = "&nbsp;&nbsp;&nbsp;&nbsp;"
        unassigned = self.tr("人民调解 · 未指定调委会")
        if detail.kind == PUBLIC_SECURITY_MEDIATION:
            issuer = self.tr("治安调解")
        else:
            issuer = self.tr("人民调解 · {0}").format(detail.body_name) if detail.body_name else \
                f"<span style='color:{ALERT_COLOR}'>{unassigned}</span>"
        self.header.setText(self.tr("<b>{0}</b>{1}{5}状态：<b>{2}</b>{5}{3}{5}办理期限：{4}").format(
            detail.number, deleted, vocab(detail.status), issuer, deadline, gap))
        self.warnings.setText("\n".join(f"⚠ {shown(w)}" for w in detail.warnings))
        self.warnings.setVisible(bool(detail.warnings))
        if load_form:
            self.form.load(detail.data)
        self.form.set_registered(True)
        self.form.set_copies(detail.agreement_copies)
        self.form.set_read_only(detail.deleted)
        for panel in (*self.record_panels, self.workflow, self.documents):
            panel.show_detail(detail)
        self._enable_case_tabs(True)
        self.delete_button.setVisible(not detail.deleted)
        self.save_button.setEnabled(not detail.deleted)

    def _stored(self) -> None:
        self.reload(load_form=not self.form.is_dirty())
        self.changed.emit(self.case_id)

    # --- saving --------------------------------------------------------------------------------------
    def save(self) -> bool:
        try:
            case = save_case(self.form.value(), self.case_id)
        except CaseInvalid as exc:
            page, rest = self.form.show_errors(exc.errors)
            if page is not None:
                self.tabs.setCurrentWidget(page)
            if rest:
                QMessageBox.warning(self, self.tr("不能保存"), "\n".join(shown(e.message) for e in rest))
            return False
        except CaseRefused as exc:
            QMessageBox.warning(self, self.tr("不能保存"), shown(exc.message))
            return False
        except RecordChanged as exc:  # another PC saved it since: keep what was typed, say who and when
            self.changed_banner.refused(exc)
            self.form.version = exc.current_version  # saving again is a deliberate overwrite
            return False
        self.changed_banner.clear_refusal()
        self.case_id = case.id
        self.reload(load_form=True)
        self.changed.emit(case.id)
        return True

    def ensure_saved(self) -> bool:
        """Before a status change or a document: store what the form shows (True when nothing is pending)."""
        if self.case_id is None or self.form.is_dirty():
            return self.save()
        return True

    def dirty_parts(self) -> list[str]:
        parts = [self.tr("基本情况/协议")] if self.form.is_dirty() else []
        return parts + [name for panel, name in self.record_panels.items() if panel.is_dirty()]

    def delete(self) -> None:
        if self.case_id is None:
            return  # a case not saved yet has no 删除 button
        reason, ok = QInputDialog.getText(
            self, self.tr("删除案件"),
            self.tr("确定删除案件“{0}”吗？\n编号不会再分配给其他案件，删除后可在“文件 → 回收站”中恢复。\n删除原因（可不填）：").format(
                self.detail.number if self.detail else ""))
        if not ok:
            return
        try:
            delete_case(self.case_id, reason)
        except CaseRefused as exc:
            QMessageBox.warning(self, self.tr("不能删除"), shown(exc.message))
            return
        self.deleted.emit(self.case_id)
        self.form.mark_saved()
        super().reject()

    def reject(self) -> None:
        """Closing with unsaved changes asks first: save, discard or stay."""
        parts = self.dirty_parts()
        if parts:
            answer = QMessageBox.question(
                self, self.tr("未保存的修改"),
                self.tr("以下内容有修改尚未保存：{0}。要保存吗？").format("、".join(parts)),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self._save_all():
                return
        super().reject()

    def _save_all(self) -> bool:
        if self.form.is_dirty() and not self.save():
            return False
        for panel in self.record_panels:
            if panel.is_dirty():
                saved = panel.add_officer() if isinstance(panel, MediatorsPanel) else panel.save()
                if not saved:
                    self.tabs.setCurrentWidget(panel)
                    return False
        return True

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        # Enter in a line edit must not close the dialog through the default button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
