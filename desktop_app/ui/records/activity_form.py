"""The quick form of a work record: date, kind, team, place, what was done, the kind's figures and who took
part with their hours. Everything by keyboard: Tab from field to field, Enter in the name field adds a
person, Ctrl+Enter saves; "复制上一条" starts from the record entered last (a series of patrols). A record
being changed carries the version it was loaded at: when another PC saved it since, the save is refused,
the input stays and a red line says who changed it and when (ui/record_changed.py); saving again is the
deliberate overwrite."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.activity_figures import ENTERED, MAX_FIGURE, kind_figures
from ...domain.vocabulary import ACTIVITY_KINDS
from ...services.clients.versions import RecordChanged
from ...services.records.activities import (
    ActivityInput,
    ActivityInvalid,
    ParticipantInput,
    activity_input,
    last_activity_id,
    save_activity,
    update_activity,
)
from ...services.records.choices import team_choices
from ..field_errors import FieldMessage
from ..i18n import shown, vocab
from ..record_changed import RecordChangedBanner
from .people_picker import PeoplePicker


class ActivityForm(QWidget):
    """`saved(activity id)` after a record is stored."""

    saved = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing: int | None = None
        self.version: int | None = None  # the loaded record's (None: a new one), carried back by the save
        outer = QVBoxLayout(self)
        self.heading = QLabel(self.tr("新增工作记录"))
        self.heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        outer.addWidget(self.heading)
        form = QFormLayout()
        outer.addLayout(form)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate.currentDate())
        self.kind = QComboBox()
        for kind in ACTIVITY_KINDS:
            self.kind.addItem(vocab(kind), kind)
        self.team = QComboBox()
        self.place = QLineEdit()
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("如：在中山路路口劝导不戴头盔、逆行等交通违法行为"))
        self.messages: dict[str, FieldMessage] = {}
        for key, label, widget in (("date", self.tr("日期"), self.date), ("kind", self.tr("工作类别"), self.kind),
                                   ("team", self.tr("队伍"), self.team), ("place", self.tr("地点"), self.place),
                                   ("description", self.tr("工作内容"), self.description)):
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(widget)
            self.messages[key] = FieldMessage(widget)
            box.addWidget(self.messages[key])
            form.addRow(label, box)
        self.figures_box = QWidget()
        self.figures_grid = QGridLayout(self.figures_box)
        self.figures_grid.setContentsMargins(0, 0, 0, 0)
        self.figure_fields: dict[str, QSpinBox] = {}
        for figure in ENTERED:
            spin = QSpinBox()
            spin.setRange(0, MAX_FIGURE)
            spin.setGroupSeparatorShown(True)
            spin.setSuffix(f" {figure.unit}")
            self.figure_fields[figure.column or ""] = spin
        self.figure_labels = {column: QLabel(vocab(figure.name)) for column, figure in
                              ((f.column or "", f) for f in ENTERED)}
        self.figures_message = FieldMessage(self.figures_box)
        form.addRow(self.tr("成效"), self.figures_box)
        form.addRow("", self.figures_message)
        self.people = PeoplePicker(self.tr("参与队员"))
        outer.addWidget(self.people)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存（Ctrl+Enter）"))
        self.save_button.setDefault(False)
        self.copy_button = QPushButton(self.tr("复制上一条"))
        self.clear_button = QPushButton(self.tr("清空"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setStyleSheet("color: #2e7d32;")
        buttons.addWidget(self.status)
        self.changed_banner = RecordChangedBanner()
        outer.addWidget(self.changed_banner)
        outer.addLayout(buttons)
        outer.addStretch(1)
        self.kind.currentIndexChanged.connect(self._show_figures)
        self.team.currentIndexChanged.connect(lambda _i: self.people.load_choices(self.team.currentData()))
        self.save_button.clicked.connect(self.save)
        self.copy_button.clicked.connect(self.copy_last)
        self.clear_button.clicked.connect(self.clear)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.reload_choices()
        self._show_figures()

    # --- filling ----------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        current = self.team.currentData()
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem(self.tr("（不填）"), None)
        for team_id, name in team_choices():
            self.team.addItem(name, team_id)
        index = self.team.findData(current)
        self.team.setCurrentIndex(max(index, 0))
        self.team.blockSignals(False)
        self.people.load_choices(self.team.currentData())

    def _show_figures(self) -> None:
        while self.figures_grid.count():
            item = self.figures_grid.takeAt(0)
            if item.widget():
                item.widget().setParent(None)
        kind = self.kind.currentData() or ""
        for index, figure in enumerate(kind_figures(kind)):
            column = figure.column or ""
            row, col = divmod(index, 2)
            self.figure_labels[column].setParent(self.figures_box)
            self.figure_fields[column].setParent(self.figures_box)
            self.figures_grid.addWidget(self.figure_labels[column], row, col * 2)
            self.figures_grid.addWidget(self.figure_fields[column], row, col * 2 + 1)
            self.figure_labels[column].show()
            self.figure_fields[column].show()
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        chain: list[QWidget] = [self.date, self.kind, self.team, self.place, self.description]
        chain += [self.figure_fields[f.column or ""] for f in kind_figures(self.kind.currentData() or "")]
        chain += [self.people.name, self.people.hours, self.save_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def load(self, data: ActivityInput, editing: int | None = None) -> None:
        self.editing = editing
        self.version = data.version if editing is not None else None
        self.heading.setText(self.tr("修改工作记录") if editing else self.tr("新增工作记录"))
        day = data.date if isinstance(data.date, date) else date.today()
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind), 0))
        self.team.setCurrentIndex(max(self.team.findData(data.team_id), 0))
        self.place.setText(data.place)
        self.description.setText(data.description)
        for column, spin in self.figure_fields.items():
            spin.setValue(int(data.figures().get(column, 0) or 0))
        self.people.add_ids([(p.member_id, float(p.hours)) for p in data.participants])
        self._clear_errors()

    def copy_last(self) -> None:
        last = last_activity_id()
        if last is None:
            self.status.setText(self.tr("还没有可复制的记录"))
            return
        data = activity_input(last)
        data.date = date.today()
        self.load(data)
        self.status.setText(self.tr("已复制上一条，请核对日期和成效后保存"))
        self.place.setFocus()

    def clear(self) -> None:
        self.editing = None
        self.version = None
        self.heading.setText(self.tr("新增工作记录"))
        self.place.clear()
        self.description.clear()
        for spin in self.figure_fields.values():
            spin.setValue(0)
        self.people.clear()
        self._clear_errors()
        self.date.setFocus()

    # --- saving -----------------------------------------------------------------------------------
    def current_input(self) -> ActivityInput:
        qdate = self.date.date()
        kind = self.kind.currentData() or ""
        fitting = {f.column for f in kind_figures(kind)}
        data = ActivityInput(date=date(qdate.year(), qdate.month(), qdate.day()), kind=kind,
                             team_id=self.team.currentData(), place=self.place.text(),
                             description=self.description.text(),
                             participants=[ParticipantInput(mid, hours) for mid, hours in self.people.entries()],
                             version=self.version)
        for column, spin in self.figure_fields.items():
            setattr(data, column, spin.value() if column in fitting else 0)
        return data

    def _clear_errors(self) -> None:
        for message in self.messages.values():
            message.clear_error()
        self.figures_message.clear_error()
        self.people.show_error("")
        self.status.clear()
        self.changed_banner.clear_refusal()

    def save(self) -> int | None:
        self._clear_errors()
        data = self.current_input()
        try:
            if self.editing is not None:
                update_activity(self.editing, data)
                saved = self.editing
            else:
                saved = save_activity(data)
        except RecordChanged as exc:  # another PC saved it since: keep what was typed, say who and when
            self.changed_banner.refused(exc)
            self.version = exc.current_version  # saving again is a deliberate overwrite
            return None
        except ActivityInvalid as exc:
            for key, message in exc.by_field().items():
                if key in self.messages:
                    self.messages[key].show_error(message)
                elif key == "participants":
                    self.people.show_error(shown(message))
                else:
                    self.figures_message.show_error(message)
            return None
        self.status.setText(self.tr("已保存"))
        self.saved.emit(saved)
        keep_team = self.team.currentIndex()
        self.clear()
        self.team.setCurrentIndex(keep_team)
        self.status.setText(self.tr("已保存"))
        return saved
