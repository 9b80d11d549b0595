"""The case's own fields on two pages: 基本情况 (with the 治安调解 block shown only for that kind) and
协议 (terms, amount, performance, copies, oral agreement, date). Errors show in red at their fields."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import FieldError
from ...domain.money import amount_to_chinese_upper, to_amount
from ...domain.text_folding import fold_fullwidth
from ...domain.vocabulary import CASE_CATEGORIES, CASE_KINDS, CASE_SOURCES, PUBLIC_SECURITY_MEDIATION
from ...services.cases.case_form import MAX_COPIES, CaseInput
from .widgets import (
    FieldGrid,
    choice_combo,
    combo_value,
    date_hint,
    datetime_hint,
    line,
    set_combo_value,
    text_box,
    value_text,
)


def _scrolled(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(inner)
    return area


class CaseForm(QObject):
    """Owns the two pages; `value()` reads both into a CaseInput, `is_dirty()` compares with the load."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loaded = CaseInput()
        self.basics_page = _scrolled(self._build_basics())
        self.agreement_page = _scrolled(self._build_agreement())
        for edit in self.basics_page.findChildren(QLineEdit) + self.agreement_page.findChildren(QLineEdit):
            edit.textEdited.connect(self.changed)
        for box in self.basics_page.findChildren(QPlainTextEdit) + self.agreement_page.findChildren(QPlainTextEdit):
            box.textChanged.connect(self.changed)
        for combo in (self.kind, self.category, self.source):
            combo.currentIndexChanged.connect(self.changed)
        self.copies.valueChanged.connect(self.changed)
        self.oral_agreement.toggled.connect(self.changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.agreement_amount.textChanged.connect(self._amount_changed)

    # --- pages ---------------------------------------------------------------------------------------
    def _build_basics(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        grid = QGridLayout()
        layout.addLayout(grid)
        self.basics = FieldGrid(grid)
        self.kind = choice_combo(CASE_KINDS)
        self.category = choice_combo(CASE_CATEGORIES, blank=self.tr("请选择"))
        self.source = choice_combo(CASE_SOURCES)
        self.received_at = line(datetime_hint(), 40)
        self.place = line(self.tr("如 夏普吐勒镇3村"))
        self.summary = text_box(56)
        self.facts = text_box(80)
        self.responsibilities = text_box(56)
        self.basics.add("kind", self.tr("调解类型 *"), self.kind, 0, 0)
        self.basics.add("category", self.tr("纠纷类别 *"), self.category, 0, 2)
        self.basics.add("source", self.tr("案件来源 *"), self.source, 1, 0)
        self.basics.add("received_at", self.tr("受理时间 *"), self.received_at, 1, 2)
        self.basics.add("place", self.tr("纠纷地点"), self.place, 2, 0, span=2)
        self.basics.add("summary", self.tr("简要案情"), self.summary, 3, 0, span=2)
        self.basics.add("facts", self.tr("主要事实及争议事项"), self.facts, 4, 0, span=2)
        self.basics.add("responsibilities", self.tr("责任认定"), self.responsibilities, 5, 0, span=2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.public_security = QGroupBox(self.tr("治安调解"))
        ps_grid = QGridLayout(self.public_security)
        self.incident = FieldGrid(ps_grid)
        self.mediating_authority = line(self.tr("空白时为本单位名称"), 100)
        self.host_officer = line(self.tr("主持调解的民警"), 60)
        self.incident_at = line(datetime_hint(), 40)
        self.incident_place = line()
        self.incident_cause = text_box(48)
        self.incident_course = text_box(64)
        self.incident_result = text_box(48)
        self.incident.add("mediating_authority", self.tr("调解机关"), self.mediating_authority, 0, 0)
        self.incident.add("host_officer", self.tr("主持人"), self.host_officer, 0, 2)
        self.incident.add("incident_at", self.tr("案发时间"), self.incident_at, 1, 0)
        self.incident.add("incident_place", self.tr("案发地点"), self.incident_place, 1, 2)
        self.incident.add("incident_cause", self.tr("案件起因"), self.incident_cause, 2, 0, span=2)
        self.incident.add("incident_course", self.tr("案件经过"), self.incident_course, 3, 0, span=2)
        self.incident.add("incident_result", self.tr("案件后果"), self.incident_result, 4, 0, span=2)
        ps_grid.setColumnStretch(1, 1)
        ps_grid.setColumnStretch(3, 1)
        layout.addWidget(self.public_security)
        layout.addStretch(1)
        return page

    def _build_agreement(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        grid = QGridLayout()
        layout.addLayout(grid)
        self.agreement = FieldGrid(grid)
        self.outcome = text_box(48)
        self.agreement_terms = text_box(120)
        self.agreement_terms.setPlaceholderText(self.tr("每条一行，如：1. 被申请人于2024年10月20日前赔偿申请人3500元。"))
        self.agreement_amount = line(self.tr("如 3500 或 3500.50"), 20)
        self.amount_upper = QLabel()
        self.amount_upper.setStyleSheet("color: #555555;")
        self.performance_way = line(self.tr("如 现金一次性支付"))
        self.performance_place = line()
        self.performance_deadline = line(date_hint(), 20)
        self.copies = QSpinBox()
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setSuffix(self.tr(" 份"))
        self.oral_agreement = QCheckBox(self.tr("口头协议（不制作书面协议书，记录协议内容）"))
        self.agreement_date = line(date_hint(), 20)
        self.agreement.add("outcome", self.tr("调解结果"), self.outcome, 0, 0, span=2)
        self.agreement.add("agreement_terms", self.tr("协议内容"), self.agreement_terms, 1, 0, span=2)
        self.agreement.add("agreement_amount", self.tr("协议金额（元）"), self.agreement_amount, 2, 0)
        grid.addWidget(self.amount_upper, 2, 2, 1, 2)
        self.agreement.add("performance_way", self.tr("履行方式"), self.performance_way, 3, 0)
        self.agreement.add("performance_place", self.tr("履行地点"), self.performance_place, 3, 2)
        self.agreement.add("performance_deadline", self.tr("履行期限"), self.performance_deadline, 4, 0)
        self.agreement.add("copies", self.tr("协议份数"), self.copies, 4, 2)
        self.agreement.add("agreement_date", self.tr("协议日期"), self.agreement_date, 5, 0)
        self.agreement.add("oral_agreement", "", self.oral_agreement, 5, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        hint = QLabel(self.tr("协议日期空白时，案件转为“调解成功”之日自动填写。"))
        hint.setStyleSheet("color: #555555;")
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    # --- behaviour -----------------------------------------------------------------------------------
    def _kind_changed(self) -> None:
        self.public_security.setVisible(combo_value(self.kind) == PUBLIC_SECURITY_MEDIATION)

    def _amount_changed(self, text: str) -> None:
        raw = fold_fullwidth(text).strip().removesuffix("元")
        try:
            self.amount_upper.setText(self.tr("大写：{0}").format(amount_to_chinese_upper(to_amount(raw)))
                                      if raw else "")
        except (ValueError, ArithmeticError):
            self.amount_upper.setText("")

    # --- loading and reading -------------------------------------------------------------------------
    def load(self, data: CaseInput) -> None:
        for combo, value in ((self.kind, data.kind), (self.category, data.category), (self.source, data.source)):
            set_combo_value(combo, value)
        for edit, value in ((self.received_at, data.received_at), (self.place, data.place),
                            (self.agreement_amount, data.agreement_amount),
                            (self.performance_way, data.performance_way),
                            (self.performance_place, data.performance_place),
                            (self.performance_deadline, data.performance_deadline),
                            (self.agreement_date, data.agreement_date),
                            (self.mediating_authority, data.mediating_authority),
                            (self.host_officer, data.host_officer), (self.incident_at, data.incident_at),
                            (self.incident_place, data.incident_place)):
            edit.setText(value_text(value))
        for box, value in ((self.summary, data.summary), (self.facts, data.facts),
                           (self.responsibilities, data.responsibilities), (self.outcome, data.outcome),
                           (self.agreement_terms, data.agreement_terms), (self.incident_cause, data.incident_cause),
                           (self.incident_course, data.incident_course),
                           (self.incident_result, data.incident_result)):
            box.setPlainText(value or "")
        try:
            self.copies.setValue(int(data.copies))
        except (TypeError, ValueError):
            self.copies.setValue(3)
        self.oral_agreement.setChecked(bool(data.oral_agreement))
        self._kind_changed()
        self.clear_errors()
        self._loaded = self.value()

    def load_new(self) -> None:
        self.load(CaseInput(received_at=datetime.now().replace(second=0, microsecond=0)))

    def value(self) -> CaseInput:
        return CaseInput(
            kind=combo_value(self.kind), category=combo_value(self.category), source=combo_value(self.source),
            received_at=self.received_at.text(), place=self.place.text(), summary=self.summary.toPlainText(),
            facts=self.facts.toPlainText(), responsibilities=self.responsibilities.toPlainText(),
            outcome=self.outcome.toPlainText(), agreement_terms=self.agreement_terms.toPlainText(),
            agreement_amount=self.agreement_amount.text(), performance_way=self.performance_way.text(),
            performance_place=self.performance_place.text(),
            performance_deadline=self.performance_deadline.text(), copies=self.copies.value(),
            oral_agreement=self.oral_agreement.isChecked(), agreement_date=self.agreement_date.text(),
            mediating_authority=self.mediating_authority.text(), host_officer=self.host_officer.text(),
            incident_at=self.incident_at.text(), incident_place=self.incident_place.text(),
            incident_cause=self.incident_cause.toPlainText(), incident_course=self.incident_course.toPlainText(),
            incident_result=self.incident_result.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return self.value() != self._loaded

    def mark_saved(self) -> None:
        self._loaded = self.value()

    def set_read_only(self, read_only: bool) -> None:
        for page in (self.basics_page, self.agreement_page):
            for widget in page.findChildren(QLineEdit) + page.findChildren(QPlainTextEdit):
                widget.setReadOnly(read_only)
            for widget in page.findChildren(QComboBox) + page.findChildren(QSpinBox) + page.findChildren(QCheckBox):
                widget.setEnabled(not read_only)

    # --- errors --------------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for grid in (self.basics, self.incident, self.agreement):
            grid.clear_errors()

    def show_errors(self, errors: list[FieldError]) -> tuple[QWidget | None, list[FieldError]]:
        """Show each error at its field; (the page of the first one, the errors with no field)."""
        rest = list(errors)
        for grid in (self.basics, self.incident, self.agreement):
            rest = grid.show_errors(rest)
        placed = [e for e in errors if e not in rest]
        if not placed:
            return None, rest
        first = placed[0]
        on_agreement = first.field in self.agreement.messages
        (self.agreement if on_agreement else self.incident if first.field in self.incident.messages
         else self.basics).focus_first([first])
        return (self.agreement_page if on_agreement else self.basics_page), rest
