"""培训: the form of a training (title, day, hours, host, content, a qualification it grants with its months
of validity, who attended) beside the trainings held; a sign-in sheet can be printed blank beforehand."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.files.writer import FileWriteError
from ...services.records.choices import team_choices, training_rows
from ...services.records.trainings import (
    AttendeeInput,
    TrainingInput,
    TrainingInvalid,
    save_training,
    sign_in_sheet_pdf,
)
from ..field_errors import FieldMessage
from ..i18n import shown
from ..id_table_model import Column
from ..ops import MEMBERS, RECORDS, announce, follow_changes
from ..register_widgets import register_table
from ..rows_table_model import RowsTableModel
from .people_picker import PeoplePicker


class TrainingsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        splitter = QSplitter()
        layout.addWidget(splitter)
        form_box = QWidget()
        outer = QVBoxLayout(form_box)
        heading = QLabel(self.tr("登记培训"))
        heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        outer.addWidget(heading)
        form = QFormLayout()
        outer.addLayout(form)
        self.title = QLineEdit()
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.5, 200)
        self.hours.setDecimals(1)
        self.hours.setValue(2.0)
        self.hours.setSuffix(self.tr(" 学时"))
        self.host = QLineEdit()
        self.place = QLineEdit()
        self.content = QLineEdit()
        self.grants = QLineEdit()
        self.grants.setPlaceholderText(self.tr("如：急救、调解（不授予资质则不填）"))
        self.valid_months = QSpinBox()
        self.valid_months.setRange(0, 120)
        self.valid_months.setSpecialValueText(self.tr("长期有效"))
        self.valid_months.setSuffix(self.tr(" 个月"))
        self.messages: dict[str, FieldMessage] = {}
        for key, label, widget in (("title", self.tr("培训名称"), self.title), ("date", self.tr("培训日期"), self.date),
                                   ("hours", self.tr("学时"), self.hours), ("host", self.tr("主办单位"), self.host),
                                   ("place", self.tr("地点（签到表用）"), self.place),
                                   ("content", self.tr("培训内容"), self.content),
                                   ("grants_skill", self.tr("授予资质"), self.grants),
                                   ("valid_months", self.tr("资质有效期"), self.valid_months)):
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(widget)
            self.messages[key] = FieldMessage(widget)
            box.addWidget(self.messages[key])
            form.addRow(label, box)
        self.people = PeoplePicker(self.tr("参训人员"))
        self.people.hours.setValue(self.hours.value())
        outer.addWidget(self.people)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存培训"))
        self.sheet_team = QComboBox()
        self.sheet_button = QPushButton(self.tr("打印签到表…"))
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sheet_team)
        buttons.addWidget(self.sheet_button)
        outer.addLayout(buttons)
        self.status = QLabel()
        self.status.setStyleSheet("color: #2e7d32;")
        outer.addWidget(self.status)
        outer.addStretch(1)
        splitter.addWidget(form_box)
        self.model = RowsTableModel([
            Column(self.tr("日期"), "date"), Column(self.tr("培训名称"), "title"), Column(self.tr("学时"), "hours"),
            Column(self.tr("主办单位"), "host"), Column(self.tr("授予资质"), "grants"),
            Column(self.tr("参训人数"), "attendees", align_center=True),
        ])
        self.table = register_table(self.model, (112, 200, 50, 140, 100, 60), 0, Qt.SortOrder.DescendingOrder)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("已登记的培训（培训学时单独记录，不计入志愿服务时长）")))
        right_layout.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([460, 700])
        self.hours.valueChanged.connect(self.people.hours.setValue)
        self.save_button.clicked.connect(self.save)
        self.sheet_button.clicked.connect(self.print_sheet)
        follow_changes(self, {RECORDS, MEMBERS}, self.refresh)

    def refresh(self) -> None:
        self.people.load_choices()
        current = self.sheet_team.currentData()
        self.sheet_team.clear()
        self.sheet_team.addItem(self.tr("全部队伍"), None)
        for team_id, name in team_choices():
            self.sheet_team.addItem(name, team_id)
        self.sheet_team.setCurrentIndex(max(self.sheet_team.findData(current), 0))
        self.model.set_rows(training_rows())

    def _day(self) -> date:
        q = self.date.date()
        return date(q.year(), q.month(), q.day())

    def current_input(self) -> TrainingInput:
        return TrainingInput(
            title=self.title.text(), date=self._day(), hours=self.hours.value(), host=self.host.text(),
            content=self.content.text(), grants_skill=self.grants.text(),
            valid_months=self.valid_months.value() or None,
            attendees=[AttendeeInput(mid, hours) for mid, hours in self.people.entries()])

    def save(self) -> int | None:
        for message in self.messages.values():
            message.clear_error()
        self.people.show_error("")
        try:
            saved = save_training(self.current_input())
        except TrainingInvalid as exc:
            for key, text in exc.by_field().items():
                if key in self.messages:
                    self.messages[key].show_error(text)
                else:
                    self.people.show_error(shown(text))
            return None
        announce({RECORDS, MEMBERS}, self)
        self.title.clear()
        self.content.clear()
        self.grants.clear()
        self.valid_months.setValue(0)
        self.people.clear()
        self.refresh()
        self.status.setText(self.tr("培训已保存"))
        return saved

    def print_sheet(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("保存签到表"), self.tr("培训签到表.pdf"),
                                              self.tr("PDF 文件 (*.pdf)"))
        if not name:
            return
        try:
            sign_in_sheet_pdf(self.title.text(), self._day(), self.hours.value(), self.host.text(), self.place.text(),
                              self.sheet_team.currentData(), name)
        except FileWriteError as exc:
            QMessageBox.warning(self, self.tr("保存签到表"), shown(exc.message))
            return
        self.status.setText(self.tr("签到表已保存：{0}").format(name))
