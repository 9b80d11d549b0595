"""批量签发: find members (a team; at least N hours in a year; a star level), tick who gets one, say what
certificate, one PDF or one file per member; issued off the GUI thread with progress and 取消 (a cancelled
batch issues nothing); then how many were issued and who was skipped and why."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.service_levels import STAR_LABELS
from ...domain.vocabulary import APPOINTMENT, CARD, CERTIFICATE_TYPES, HONOUR, SERVICE_PROOF
from ...services.certificates import batch as cert_batch
from ...services.certificates import content as cert_content
from ...services.certificates import templates as cert_templates
from ...services.certificates.errors import CertificateRefused
from ...services.progress import Progress
from ...services.roster.search import fetch_rows
from ...services.roster.teams import team_choices
from ..cases.widgets import plain_table
from ..i18n import shown, vocab
from ..ops import CERTIFICATES, STOPPED, TaskRunner, announce, run_and_wait
from .candidates_model import Candidate, CandidatesModel
from .common import MUTED_STYLE, TITLE_SUGGESTIONS, MessageLine, date_edit, from_qdate, pdf_name


class BatchDialog(QDialog):
    issued = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("批量签发证书"))
        self.resize(760, 780)
        today = today or date.today()
        self.runner: TaskRunner | None = None
        self.batch_result: cert_batch.BatchResult | None = None
        self.was_cancelled = False
        self.target: Path | None = None

        # --- who -------------------------------------------------------------------------------------
        self.team = QComboBox()
        self.team.addItem(self.tr("全部队伍"), None)
        for team in team_choices():
            self.team.addItem(team.name, team.id)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.setSuffix(self.tr("年"))
        self.min_hours = QDoubleSpinBox()
        self.min_hours.setRange(0, 10000)
        self.min_hours.setDecimals(1)
        self.min_hours.setSuffix(self.tr(" 小时"))
        self.min_hours.setSpecialValueText(self.tr("不限"))
        self.stars = QComboBox()
        self.stars.addItem(self.tr("不限星级"), None)
        for level in range(1, len(STAR_LABELS)):
            self.stars.addItem(self.tr("{0}及以上").format(vocab(STAR_LABELS[level])), level)
        self.find_button = QPushButton(self.tr("查找"))
        self.model = CandidatesModel([self.tr("姓名"), self.tr("队伍"), self.tr("本年时长（小时）")])
        self.table = plain_table(self.model, (200, 220))
        self.all_button = QPushButton(self.tr("全选"))
        self.none_button = QPushButton(self.tr("全不选"))
        self.count_label = QLabel()
        who = QGroupBox(self.tr("选择队员（在队）"))
        who_grid = QGridLayout(who)
        for column, widget in enumerate((QLabel(self.tr("队伍")), self.team, QLabel(self.tr("年度")), self.year,
                                         QLabel(self.tr("时长不少于")), self.min_hours, self.stars,
                                         self.find_button)):
            who_grid.addWidget(widget, 0, column)
        who_grid.addWidget(self.table, 1, 0, 1, 8)
        check_row = QHBoxLayout()
        check_row.addWidget(self.all_button)
        check_row.addWidget(self.none_button)
        check_row.addStretch(1)
        check_row.addWidget(self.count_label)
        who_grid.addLayout(check_row, 2, 0, 1, 8)
        who_grid.setColumnStretch(1, 1)

        # --- what ------------------------------------------------------------------------------------
        self.cert_type = QComboBox()
        for cert_type in CERTIFICATE_TYPES:
            self.cert_type.addItem(vocab(cert_type), cert_type)
        self.template = QComboBox()
        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.addItems(TITLE_SUGGESTIONS)
        self.reason = QLineEdit()
        self.reason.setMaxLength(cert_content.MAX_REASON)
        self.reason.setPlaceholderText(self.tr("如 2024年度护学岗志愿服务工作"))
        self.own_period = QCheckBox(self.tr("指定期间"))
        self.period_hint = QLabel()
        self.period_hint.setStyleSheet(MUTED_STYLE)
        self.date_from = date_edit(date(today.year, 1, 1))
        self.date_to = date_edit(today)
        self.issued_on = date_edit(today)
        what = QGroupBox(self.tr("证书"))
        what_grid = QGridLayout(what)
        what_grid.addWidget(QLabel(self.tr("类别")), 0, 0)
        what_grid.addWidget(self.cert_type, 0, 1)
        what_grid.addWidget(QLabel(self.tr("模板")), 0, 2)
        what_grid.addWidget(self.template, 0, 3, 1, 3)
        self.title_label, self.reason_label = QLabel(self.tr("荣誉称号")), QLabel(self.tr("表彰事由"))
        what_grid.addWidget(self.title_label, 1, 0)
        what_grid.addWidget(self.title, 1, 1)
        what_grid.addWidget(self.reason_label, 1, 2)
        what_grid.addWidget(self.reason, 1, 3, 1, 3)
        what_grid.addWidget(self.own_period, 2, 0, 1, 2)
        what_grid.addWidget(self.date_from, 2, 2)
        self.to_label = QLabel(self.tr("至"))
        what_grid.addWidget(self.to_label, 2, 3)
        what_grid.addWidget(self.date_to, 2, 4)
        what_grid.addWidget(self.period_hint, 3, 0, 1, 6)
        what_grid.addWidget(QLabel(self.tr("签发日期")), 4, 0)
        what_grid.addWidget(self.issued_on, 4, 1)
        what_grid.setColumnStretch(5, 1)

        # --- where -----------------------------------------------------------------------------------
        self.one_file = QRadioButton(self.tr("合成一个PDF文件"))
        self.per_member = QRadioButton(self.tr("每人一个文件（存入文件夹）"))
        self.one_file.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_file)
        group.addButton(self.per_member)
        self.target_edit = QLineEdit()
        self.target_edit.setReadOnly(True)
        self.target_edit.setPlaceholderText(self.tr("请选择保存位置"))
        self.choose_button = QPushButton(self.tr("选择…"))
        where = QGroupBox(self.tr("保存为"))
        where_grid = QGridLayout(where)
        where_grid.addWidget(self.one_file, 0, 0)
        where_grid.addWidget(self.per_member, 0, 1, 1, 2)
        where_grid.addWidget(self.target_edit, 1, 0, 1, 2)
        where_grid.addWidget(self.choose_button, 1, 2)
        where_grid.setColumnStretch(1, 1)

        self.message = MessageLine()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(110)
        self.report.hide()
        self.start_button = QPushButton(self.tr("开始签发"))
        self.close_button = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(who, 1)
        layout.addWidget(what)
        layout.addWidget(where)
        layout.addWidget(self.message)
        layout.addWidget(self.report)
        layout.addLayout(buttons)

        self.find_button.clicked.connect(self.find_candidates)
        self.all_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_button.clicked.connect(lambda: self.model.set_all(False))
        self.model.checked_changed.connect(self._count)
        self.cert_type.currentIndexChanged.connect(self._type_changed)
        self.own_period.toggled.connect(self._period_toggled)
        group.buttonToggled.connect(lambda *_a: self.set_target(None))
        self.choose_button.clicked.connect(self.choose_target)
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.cert_type.setCurrentIndex(max(self.cert_type.findData(HONOUR), 0))
        self._type_changed()
        self._period_toggled(False)
        self._count()

    # --- who ---------------------------------------------------------------------------------------
    def find_candidates(self) -> int:
        year, team_id, least, stars = (self.year.value(), self.team.currentData(), self.min_hours.value() or None,
                                       self.stars.currentData())

        def work(_progress: Progress) -> list[Candidate]:
            ids = cert_batch.batch_candidates(team_id, least, year, stars)
            hours = cert_batch.hours_of(ids, date(year, 1, 1), date(year, 12, 31))
            return [Candidate(r.id, r.name, r.team, hours.get(r.id, 0.0)) for r in fetch_rows(ids)]

        found = run_and_wait(self, self.tr("正在查找队员"), work)
        if found is STOPPED:
            return 0
        self.model.set_rows(found)
        return len(found)

    def _count(self) -> None:
        self.count_label.setText(self.tr("共 {0} 人，已选 {1} 人").format(self.model.rowCount(),
                                                                     len(self.model.checked_ids())))

    # --- what --------------------------------------------------------------------------------------
    def type_(self) -> str:
        return self.cert_type.currentData()

    def _type_changed(self) -> None:
        cert_type = self.type_()
        self.template.clear()
        for template in cert_templates.list_templates(cert_type):
            self.template.addItem(template.name + (self.tr("（默认）") if template.is_default else ""), template.id)
        honour = cert_type == HONOUR
        for honour_field in (self.title_label, self.title, self.reason_label, self.reason):
            honour_field.setVisible(honour)
        for period_field in (self.own_period, self.date_from, self.to_label, self.date_to, self.period_hint):
            period_field.setVisible(not honour)
        self.period_hint.setText({
            APPOINTMENT: self.tr("不指定时：聘期自签发日期起三年"),
            CARD: self.tr("不指定时：有效期自签发日期起三年"),
            SERVICE_PROOF: self.tr("不指定时：每人自首次登记服务之日至签发日期；没有登记时长的队员将被跳过"),
        }.get(cert_type, ""))

    def _period_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    def values(self) -> dict[str, Any]:
        honour = self.type_() == HONOUR
        own = self.own_period.isChecked() and not honour
        return dict(title=self.title.currentText().strip() if honour else "",
                    reason=self.reason.text().strip() if honour else "",
                    period_from=from_qdate(self.date_from.date()) if own else None,
                    period_to=from_qdate(self.date_to.date()) if own else None,
                    template_id=self.template.currentData(), issued_on=from_qdate(self.issued_on.date()))

    # --- where -------------------------------------------------------------------------------------
    def set_target(self, path: Path | None) -> None:
        self.target = path
        self.target_edit.setText(str(path) if path else "")

    def choose_target(self) -> None:
        if self.one_file.isChecked():
            suggested = pdf_name(self.type_(), self.tr("批量"), f"{from_qdate(self.issued_on.date()):%Y%m%d}")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存为"), suggested, self.tr("PDF 文件 (*.pdf)"))
            if chosen and not chosen.lower().endswith(".pdf"):
                chosen += ".pdf"
        else:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("选择保存证书的文件夹"))
        if chosen:
            self.set_target(Path(chosen))

    # --- run ---------------------------------------------------------------------------------------
    def start(self) -> bool:
        self.message.clear_message()
        ids = self.model.checked_ids()
        if not ids:
            self.message.error(self.tr("请先查找并勾选要签发的队员"))
            return False
        if self.target is None:
            self.message.error(self.tr("请选择保存位置"))
            return False
        cert_type, values, one_file, target = self.type_(), self.values(), self.one_file.isChecked(), self.target
        if cert_type == HONOUR and not values["title"]:
            self.message.error(self.tr("请填写荣誉称号，例如“优秀义警”"))
            return False
        doing = self.tr("正在签发：{0}（{1}/{2}）")

        def work(progress: Progress) -> cert_batch.BatchResult:
            def each(done: int, total: int, name: str) -> None:
                progress(done, total, doing.format(name, done + 1, total) if name else "")

            return cert_batch.batch_issue(ids, cert_type, one_file=one_file, out_file=target if one_file else None,
                                     out_dir=None if one_file else target, progress=each, **values)

        self.batch_result, self.was_cancelled = None, False
        self.report.hide()
        self.start_button.setEnabled(False)
        self.runner = TaskRunner(self, self.tr("批量签发{0}").format(cert_type), work, changes={CERTIFICATES},
                                 expected=(cert_batch.CertificateFilesNotWritten, CertificateRefused))
        self.runner.finished.connect(self._finish)
        self.runner.done.connect(self._done)
        self.runner.error.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)
        self.runner.start()
        return True

    def _finish(self) -> None:
        self.runner = None
        self.start_button.setEnabled(True)

    def _done(self, result: cert_batch.BatchResult) -> None:
        self.batch_result = result
        self._show_result(result)
        if result.issued:
            self.issued.emit()

    def _show_result(self, result: cert_batch.BatchResult, files_missing: str = "") -> None:
        where = str(self.target) if self.target else ""
        if result.issued:
            text = self.tr("已签发 {0} 份证书，保存在：{1}").format(len(result.issued), where)
        else:
            text = self.tr("没有签发任何证书。")
        if result.skipped:
            text += self.tr("；跳过 {0} 人（见下）").format(len(result.skipped))
        if files_missing:
            self.message.error(files_missing)
        elif result.issued:
            self.message.ok(text)
        else:
            self.message.error(text)
        if result.skipped:
            self.report.setPlainText("\n".join(
                self.tr("{0}：{1}").format(s.name or s.member_id, shown(s.reason)) for s in result.skipped))
            self.report.show()
        QMessageBox.information(self, self.tr("批量签发"), files_missing or text)

    def _failed(self, exc: cert_batch.CertificateFilesNotWritten | CertificateRefused) -> None:
        if isinstance(exc, cert_batch.CertificateFilesNotWritten):
            announce({CERTIFICATES}, self)  # issued all the same; only the files are missing
            self.batch_result = exc.result
            self._show_result(exc.result, shown(exc.message))
            self.issued.emit()
            return
        self.message.error(shown(exc.message) + self.tr("（没有签发任何证书）"))
        QMessageBox.warning(self, self.tr("批量签发"), shown(exc.message))

    def _cancelled(self) -> None:
        self.was_cancelled = True
        self.message.error(self.tr("已取消，没有签发任何证书。"))

    def reject(self) -> None:
        if self.runner is not None:
            return  # the progress dialog's 取消 stops the batch
        super().reject()
