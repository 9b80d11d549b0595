"""The case's own fields on two pages: 基本情况 (with the 人民调解 block — 调委会, 申请事项, consent to continue
past one month — or the 治安调解 block — 案由, 双方同意, the Art. 4 circumstances, 主持人 from the office's
officers, 伤情鉴定/价值认定, the incident, 情节, 其他在场人员 — shown for the case's kind) and 协议 (terms,
amount, performance, the copies as the parties make them, oral agreement, date, 司法确认, the 卷宗's filing).
Errors show in red at their fields. Kind and 调委会 are fixed once the case is numbered."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...documents.layout import chinese_number
from ...domain.errors import FieldError
from ...domain.money import amount_to_chinese_upper, to_amount
from ...domain.text_folding import fold_fullwidth
from ...domain.vocabulary import (
    APPRAISALS,
    CASE_CATEGORIES,
    CASE_KINDS,
    CONFIRMATION_RESULTS,
    PEOPLES_MEDIATION_SOURCES,
    PUBLIC_SECURITY_MEDIATION,
    RETENTION_PERIODS,
    SECURITY_EXCLUSIONS,
    SECURITY_MEDIATION_SOURCES,
    SECURITY_OFFENCES,
)
from ...services.cases.bodies import BodyInfo, list_bodies, list_officers
from ...services.cases.case_form import CaseInput
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

MUTED = "color: #555555;"


def _scrolled(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(inner)
    return area


def _fill(combo: QComboBox, items: Sequence[tuple[str, object]], current: object) -> None:
    """Replace the combo's items, keeping `current` chosen (added when it is not among them)."""
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    if current not in (None, "") and combo.findData(current) < 0:
        combo.addItem(str(current), current)
    combo.setCurrentIndex(max(combo.findData(current if current is not None else ""), 0))
    combo.blockSignals(False)


class CaseForm(QObject):
    """Owns the two pages; `value()` reads both into a CaseInput, `is_dirty()` compares with the load."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loaded = CaseInput()
        self.version: int | None = None
        self._copies: int | str = 3
        self._bodies: list[BodyInfo] = []
        self.basics_page = _scrolled(self._build_basics())
        self.agreement_page = _scrolled(self._build_agreement())
        pages = (self.basics_page, self.agreement_page)
        for page in pages:
            for edit in page.findChildren(QLineEdit):
                edit.textEdited.connect(self.changed)
            for box in page.findChildren(QPlainTextEdit):
                box.textChanged.connect(self.changed)
            for combo in page.findChildren(QComboBox):
                combo.currentIndexChanged.connect(self.changed)
            for check in page.findChildren(QCheckBox):
                check.toggled.connect(self.changed)
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
        self.source = QComboBox()
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
        layout.addWidget(self._build_peoples())
        layout.addWidget(self._build_security())
        layout.addStretch(1)
        return page

    def _build_peoples(self) -> QGroupBox:
        self.peoples = QGroupBox(self.tr("人民调解"))
        grid = QGridLayout(self.peoples)
        self.people_fields = FieldGrid(grid)
        self.body = QComboBox()
        self.body.setToolTip(self.tr("人民调解的文书以所选人民调解委员会的名义出具并加盖其印章；受理登记后不能更改"))
        self.requests = text_box(48)
        self.requests.setPlaceholderText(self.tr("申请人的申请事项，每项一行"))
        self.extension_agreed_on = line(date_hint(), 20)
        self.extended_deadline = line(date_hint(), 20)
        self.people_fields.add("body", self.tr("人民调解委员会 *"), self.body, 0, 0, span=2)
        self.people_fields.add("requests", self.tr("申请事项"), self.requests, 1, 0, span=2)
        self.people_fields.add("extension_agreed_on", self.tr("当事人同意延期的日期"), self.extension_agreed_on, 2, 0)
        self.people_fields.add("extended_deadline", self.tr("延长至"), self.extended_deadline, 2, 2)
        hint = QLabel(self.tr("人民调解一般在一个月内调结；当事人同意继续调解的，记录同意的日期和延长后的期限。"))
        hint.setStyleSheet(MUTED)
        hint.setWordWrap(True)
        grid.addWidget(hint, 3, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return self.peoples

    def _build_security(self) -> QGroupBox:
        self.public_security = QGroupBox(self.tr("治安调解"))
        grid = QGridLayout(self.public_security)
        self.incident = FieldGrid(grid)
        self.offence = choice_combo(SECURITY_OFFENCES, blank=self.tr("请选择（第三条所列行为）"))
        self.parties_consent = QCheckBox(self.tr("双方当事人同意治安调解"))
        self.host_officer = QComboBox()
        self.host_officer.setToolTip(self.tr("治安调解在公安机关的主持下进行，主持人从本所民警中选择（纠纷调解 → 调解组织与民警）"))
        self.mediating_authority = line(self.tr("空白时为本单位名称"), 100)
        self.appraisal = choice_combo(APPRAISALS, blank=self.tr("不需要"))
        self.appraisal_issued_on = line(date_hint(), 20)
        self.incident_at = line(datetime_hint(), 40)
        self.incident_place = line()
        self.incident_cause = text_box(48)
        self.incident_course = text_box(64)
        self.circumstances = text_box(40)
        self.incident_result = text_box(48)
        self.others_present = text_box(48)
        self.others_present.setPlaceholderText(self.tr("每人一行：姓名，单位或身份（如 热合曼·艾山，3村村委会委员）"))
        self.incident.add("offence", self.tr("案由 *"), self.offence, 0, 0)
        self.incident.add("parties_consent", "", self.parties_consent, 0, 2)
        self.incident.add("host_officer", self.tr("主持人（民警）"), self.host_officer, 1, 0)
        self.incident.add("mediating_authority", self.tr("调解机关"), self.mediating_authority, 1, 2)
        self.incident.add("appraisal", self.tr("伤情鉴定/价值认定"), self.appraisal, 2, 0)
        self.incident.add("appraisal_issued_on", self.tr("鉴定/认定文书出具日期"), self.appraisal_issued_on, 2, 2)
        self.incident.add("incident_at", self.tr("案发时间"), self.incident_at, 3, 0)
        self.incident.add("incident_place", self.tr("案发地点"), self.incident_place, 3, 2)
        self.incident.add("incident_cause", self.tr("案件起因"), self.incident_cause, 4, 0, span=2)
        self.incident.add("incident_course", self.tr("案件经过"), self.incident_course, 5, 0, span=2)
        self.incident.add("circumstances", self.tr("情节"), self.circumstances, 6, 0, span=2)
        self.incident.add("incident_result", self.tr("案件后果"), self.incident_result, 7, 0, span=2)
        self.incident.add("others_present", self.tr("其他在场人员"), self.others_present, 8, 0, span=2)
        exclusions = QWidget()
        box = QGridLayout(exclusions)
        box.setContentsMargins(0, 0, 0, 0)
        self.exclusions: dict[str, QCheckBox] = {}
        for index, word in enumerate(SECURITY_EXCLUSIONS):
            check = QCheckBox(self.tr("有此情形：{0}").format(QCoreApplication.translate("Vocabulary", word)))
            self.exclusions[word] = check
            box.addWidget(check, index // 2, index % 2)
        self.incident.add("exclusions", self.tr("不适用情形（第四条）"), exclusions, 9, 0, span=2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return self.public_security

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
        self.amount_upper.setStyleSheet(MUTED)
        self.performance_way = line(self.tr("如 现金一次性支付"))
        self.performance_place = line()
        self.performance_deadline = line(date_hint(), 20)
        self.copies = QLabel()
        self.oral_agreement = QCheckBox(self.tr("口头协议（不制作书面协议书，打印口头协议登记表）"))
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
        hint.setStyleSheet(MUTED)
        layout.addWidget(hint)

        self.confirmation = QGroupBox(self.tr("司法确认（《人民调解法》第三十三条：协议生效之日起三十日内双方共同申请）"))
        c_grid = QGridLayout(self.confirmation)
        self.confirmation_fields = FieldGrid(c_grid)
        self.confirmation_applied_on = line(date_hint(), 20)
        self.confirmation_court = line(self.tr("如 伽师县人民法院"), 100)
        self.confirmation_result = choice_combo(CONFIRMATION_RESULTS, blank=self.tr("尚无结果"))
        self.confirmation_fields.add("confirmation_applied_on", self.tr("共同申请日期"), self.confirmation_applied_on, 0, 0)
        self.confirmation_fields.add("confirmation_court", self.tr("受理法院"), self.confirmation_court, 0, 2)
        self.confirmation_fields.add("confirmation_result", self.tr("结果"), self.confirmation_result, 1, 0)
        c_grid.setColumnStretch(1, 1)
        c_grid.setColumnStretch(3, 1)
        layout.addWidget(self.confirmation)

        archive = QGroupBox(self.tr("卷宗"))
        a_grid = QGridLayout(archive)
        self.archive_fields = FieldGrid(a_grid)
        self.filed_by = line(self.tr("立卷的调解员"), 60)
        self.filed_on = line(date_hint(), 20)
        self.retention = choice_combo(RETENTION_PERIODS, blank="")
        self.archive_fields.add("filed_by", self.tr("立卷人"), self.filed_by, 0, 0)
        self.archive_fields.add("filed_on", self.tr("立卷日期"), self.filed_on, 0, 2)
        self.archive_fields.add("retention", self.tr("保管期限"), self.retention, 1, 0)
        a_grid.setColumnStretch(1, 1)
        a_grid.setColumnStretch(3, 1)
        layout.addWidget(archive)
        layout.addStretch(1)
        return page

    # --- behaviour -----------------------------------------------------------------------------------
    def _kind_changed(self) -> None:
        security = combo_value(self.kind) == PUBLIC_SECURITY_MEDIATION
        self.public_security.setVisible(security)
        self.peoples.setVisible(not security)
        self.confirmation.setVisible(not security)
        self.oral_agreement.setVisible(not security)
        self._load_sources(combo_value(self.source))
        self._show_copies()

    def _load_sources(self, current: str) -> None:
        """The sources of the kind shown; an older value of the other kind stays as an extra item."""
        sources = SECURITY_MEDIATION_SOURCES if combo_value(self.kind) == PUBLIC_SECURITY_MEDIATION \
            else PEOPLES_MEDIATION_SOURCES
        if current not in sources and getattr(self, "_legacy_source", "") != current:
            current = sources[0]
        _fill(self.source, [(QCoreApplication.translate("Vocabulary", s), s) for s in sources], current)

    def _amount_changed(self, text: str) -> None:
        raw = fold_fullwidth(text).strip().removesuffix("元")
        try:
            self.amount_upper.setText(self.tr("大写：{0}").format(amount_to_chinese_upper(to_amount(raw)))
                                      if raw else "")
        except (ValueError, ArithmeticError):
            self.amount_upper.setText("")

    def set_copies(self, copies: int) -> None:
        """一式N份 as the parties registered make it (from the case's detail)."""
        self._derived_copies = copies
        self._show_copies()

    def _show_copies(self) -> None:
        copies = getattr(self, "_derived_copies", 3)
        if combo_value(self.kind) == PUBLIC_SECURITY_MEDIATION:
            copies = 3
            note = self.tr("双方当事人各执一份，调解机关留存一份")
        else:
            note = self.tr("当事人各持一份，人民调解委员会留存一份")
        self.copies.setText(self.tr("一式{0}份（{1}）").format(chinese_number(copies), note))

    def set_registered(self, registered: bool) -> None:
        """Once numbered, the kind and (when set) the 调委会 are fixed."""
        self.kind.setEnabled(not registered)
        self.kind.setToolTip(self.tr("受理登记后调解类型不能更改") if registered else "")
        fixed = registered and self.body.currentData() is not None
        self.body.setEnabled(not fixed)

    # --- loading and reading -------------------------------------------------------------------------
    def _load_choices(self, data: CaseInput) -> None:
        self._bodies = list_bodies(active_only=True)
        bodies: list[tuple[str, object]] = [(b.name, b.id) for b in self._bodies]
        if data.body_id is not None and data.body_id not in {b.id for b in self._bodies}:
            bodies.append((self.tr("（已停用的调委会）"), data.body_id))
        default = next((b for b in self._bodies if b.is_default), self._bodies[0] if self._bodies else None)
        if data.body_id is None and (self._loaded_case or default is None):
            bodies.insert(0, (self.tr("（尚未指定）") if self._bodies else self.tr("（请先在 纠纷调解 → 调解组织与民警 中登记）"),
                              None))
        new_case = data.body_id is None and not self._loaded_case
        chosen = default.id if new_case and default is not None else data.body_id
        _fill(self.body, bodies, chosen)
        officers = [("", "")] + [(name, name) for name in list_officers()]
        _fill(self.host_officer, officers, data.host_officer or "")

    def load(self, data: CaseInput, existing: bool = True) -> None:
        self._loaded_case = existing
        self.version = data.version  # the stored case's, carried back by the save (services/clients/versions.py)
        self._legacy_source = data.source if existing else ""
        self.kind.blockSignals(True)
        set_combo_value(self.kind, data.kind)
        self.kind.blockSignals(False)
        self._load_choices(data)
        self._kind_changed()
        self._load_sources(data.source)
        for combo, value in ((self.category, data.category), (self.offence, data.offence),
                             (self.appraisal, data.appraisal), (self.confirmation_result, data.confirmation_result),
                             (self.retention, data.retention)):
            set_combo_value(combo, value)
        for edit, stored in ((self.received_at, data.received_at), (self.place, data.place),
                            (self.agreement_amount, data.agreement_amount),
                            (self.performance_way, data.performance_way),
                            (self.performance_place, data.performance_place),
                            (self.performance_deadline, data.performance_deadline),
                            (self.agreement_date, data.agreement_date),
                            (self.mediating_authority, data.mediating_authority),
                            (self.incident_at, data.incident_at), (self.incident_place, data.incident_place),
                            (self.appraisal_issued_on, data.appraisal_issued_on),
                            (self.extension_agreed_on, data.extension_agreed_on),
                            (self.extended_deadline, data.extended_deadline),
                            (self.confirmation_applied_on, data.confirmation_applied_on),
                            (self.confirmation_court, data.confirmation_court), (self.filed_by, data.filed_by),
                            (self.filed_on, data.filed_on)):
            edit.setText(value_text(stored))
        for box, text in ((self.summary, data.summary), (self.facts, data.facts),
                           (self.responsibilities, data.responsibilities), (self.outcome, data.outcome),
                           (self.agreement_terms, data.agreement_terms), (self.incident_cause, data.incident_cause),
                           (self.incident_course, data.incident_course),
                           (self.incident_result, data.incident_result), (self.requests, data.requests),
                           (self.circumstances, data.circumstances), (self.others_present, data.others_present)):
            box.setPlainText(text or "")
        self._copies = data.copies
        self.oral_agreement.setChecked(bool(data.oral_agreement))
        self.parties_consent.setChecked(bool(data.parties_consent))
        for word, check in self.exclusions.items():
            check.setChecked(word in data.exclusions)
        self.clear_errors()
        self._loaded = self.value()

    def load_new(self) -> None:
        self.load(CaseInput(received_at=datetime.now().replace(second=0, microsecond=0)), existing=False)
        self.set_registered(False)

    def value(self) -> CaseInput:
        return CaseInput(
            kind=combo_value(self.kind), category=combo_value(self.category), source=combo_value(self.source),
            received_at=self.received_at.text(), place=self.place.text(), summary=self.summary.toPlainText(),
            facts=self.facts.toPlainText(), responsibilities=self.responsibilities.toPlainText(),
            outcome=self.outcome.toPlainText(), agreement_terms=self.agreement_terms.toPlainText(),
            agreement_amount=self.agreement_amount.text(), performance_way=self.performance_way.text(),
            performance_place=self.performance_place.text(),
            performance_deadline=self.performance_deadline.text(), copies=self._copies,
            oral_agreement=self.oral_agreement.isChecked(), agreement_date=self.agreement_date.text(),
            mediating_authority=self.mediating_authority.text(), host_officer=combo_value(self.host_officer),
            incident_at=self.incident_at.text(), incident_place=self.incident_place.text(),
            incident_cause=self.incident_cause.toPlainText(), incident_course=self.incident_course.toPlainText(),
            incident_result=self.incident_result.toPlainText(), body_id=self.body.currentData(),
            requests=self.requests.toPlainText(), extension_agreed_on=self.extension_agreed_on.text(),
            extended_deadline=self.extended_deadline.text(),
            confirmation_applied_on=self.confirmation_applied_on.text(),
            confirmation_court=self.confirmation_court.text(),
            confirmation_result=combo_value(self.confirmation_result), offence=combo_value(self.offence),
            circumstances=self.circumstances.toPlainText(), parties_consent=self.parties_consent.isChecked(),
            exclusions=tuple(word for word, check in self.exclusions.items() if check.isChecked()),
            appraisal=combo_value(self.appraisal), appraisal_issued_on=self.appraisal_issued_on.text(),
            others_present=self.others_present.toPlainText(), filed_by=self.filed_by.text(),
            filed_on=self.filed_on.text(), retention=combo_value(self.retention), version=self.version,
        )

    def is_dirty(self) -> bool:
        return self.value() != self._loaded

    def mark_saved(self) -> None:
        self._loaded = self.value()

    def set_read_only(self, read_only: bool) -> None:
        for page in (self.basics_page, self.agreement_page):
            for edit in page.findChildren(QLineEdit) + page.findChildren(QPlainTextEdit):
                edit.setReadOnly(read_only)
            for choice in page.findChildren(QComboBox) + page.findChildren(QCheckBox):
                if choice not in (self.kind, self.body):
                    choice.setEnabled(not read_only)

    # --- errors --------------------------------------------------------------------------------------
    def _grids(self) -> tuple[FieldGrid, ...]:
        return (self.basics, self.people_fields, self.incident, self.agreement, self.confirmation_fields,
                self.archive_fields)

    def clear_errors(self) -> None:
        for grid in self._grids():
            grid.clear_errors()

    def show_errors(self, errors: list[FieldError]) -> tuple[QWidget | None, list[FieldError]]:
        """Show each error at its field; (the page of the first one, the errors with no field)."""
        rest = list(errors)
        for grid in self._grids():
            rest = grid.show_errors(rest)
        placed = [e for e in errors if e not in rest]
        if not placed:
            return None, rest
        first = placed[0]
        for grid in self._grids():
            if first.field in grid.messages:
                grid.focus_first([first])
                on_agreement = grid in (self.agreement, self.confirmation_fields, self.archive_fields)
                return (self.agreement_page if on_agreement else self.basics_page), rest
        return self.basics_page, rest
