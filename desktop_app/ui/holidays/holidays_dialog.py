"""设置 → 节假日安排: paste the year's notice (国务院办公厅, or the 自治区's for 肉孜节/古尔邦节), see the days it
names on the year calendar, correct a day by hand, and confirm; the office's own days the same way. The
school vacations (寒假/暑假) are shown on the same calendar and kept in their own tab.

Nothing is stored before 确认保存; a notice read only in part changes nothing and says which sentence it
could not read."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.holiday_days import LOCAL, NATIONAL, REST, WORK, XINJIANG, ArrangedDay, is_weekend
from ...domain.work_calendar import HolidayCalendar
from ...services.calendar import working_days
from ...services.calendar.holiday_arrangements import (
    ArrangementRefused,
    arrangement,
    read_notice,
    save_arrangement,
)
from ...services.office.details import counts_xinjiang_holidays
from ...services.schedule.settings import school_vacations
from ..field_errors import FieldMessage
from ..i18n import shown
from .vacations_panel import VacationsPanel
from .year_calendar import REST_FILL, REST_TEXT, VACATION_MARK, WORK_FILL, WORK_TEXT, YearCalendar

ORDINARY = ""
ERROR_STYLE = "color: #c0392b;"
OK_STYLE = "color: #1e7b34;"


class HolidaysDialog(QDialog):
    saved = Signal()

    def __init__(self, parent: QWidget | None = None, year: int | None = None, layer: str = NATIONAL) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("节假日安排"))
        self.year = year or default_year()
        self.layer = layer
        self.draft: dict[date, ArrangedDay] = {}
        self.from_estimate = False
        self.dirty = False
        self.changed: set[date] = set()
        self.selected: date | None = None

        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        outer.addLayout(top)
        top.addWidget(QLabel(self.tr("年份")))
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(self.year)
        self.year_box.setSuffix(self.tr("年"))
        top.addWidget(self.year_box)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("类别")))
        self.layer_box = QComboBox()
        for key, text in ((NATIONAL, self.tr("国务院办公厅通知")), (XINJIANG, self.tr("自治区通知（肉孜节、古尔邦节）")),
                          (LOCAL, self.tr("本单位的放假或上班日"))):
            self.layer_box.addItem(text, key)
        self.layer_box.setCurrentIndex(self.layer_box.findData(layer))
        top.addWidget(self.layer_box)
        top.addStretch(1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.status)

        body = QHBoxLayout()
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        body.addLayout(left)
        self.calendar = YearCalendar()
        left.addWidget(self.calendar)
        self.legend = QLabel(self._legend())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        left.addWidget(self.legend)
        left.addStretch(1)

        self.side = QTabWidget()
        body.addWidget(self.side, 1)
        notice_page = QWidget()
        right = QVBoxLayout(notice_page)
        self.side.addTab(notice_page, self.tr("放假通知"))
        self.vacations = VacationsPanel()
        self.vacations.set_year(self.year)
        self.side.addTab(self.vacations, self.tr("学校假期"))
        right.addWidget(QLabel(self.tr("粘贴通知全文：")))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("把《国务院办公厅关于××××年部分节假日安排的通知》（或自治区人民政府的通知）"
                                             "全文复制到这里，再点“读取通知”。"))
        self.text.setMinimumWidth(380)
        right.addWidget(self.text, 2)
        self.read_button = QPushButton(self.tr("读取通知"))
        right.addWidget(self.read_button)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addWidget(self.result_label)

        editor = QGroupBox(self.tr("修改所选日期（点日历上的某一天）"))
        right.addWidget(editor)
        form = QVBoxLayout(editor)
        self.day_label = QLabel(self.tr("尚未选择日期"))
        self.day_label.setWordWrap(True)
        form.addWidget(self.day_label)
        kinds = QHBoxLayout()
        form.addLayout(kinds)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for kind, text in ((REST, self.tr("休（放假）")), (WORK, self.tr("班（调休上班）")),
                           (ORDINARY, self.tr("不在安排中"))):
            button = QRadioButton(text)
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            kinds.addWidget(button)
        names = QHBoxLayout()
        form.addLayout(names)
        names.addWidget(QLabel(self.tr("节日名称")))
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.name.setPlaceholderText(self.tr("如：春节、古尔邦节"))
        names.addWidget(self.name, 1)
        self.day_message = FieldMessage(self.name)
        form.addWidget(self.day_message)
        self.change_button = QPushButton(self.tr("修改这一天"))
        form.addWidget(self.change_button)
        editor.setEnabled(False)
        self.editor = editor

        buttons = QHBoxLayout()
        outer.addLayout(buttons)
        self.xinjiang_note = QLabel()
        self.xinjiang_note.setWordWrap(True)
        buttons.addWidget(self.xinjiang_note, 1)
        self.confirm_button = QPushButton(self.tr("确认保存"))
        self.close_button = QPushButton(self.tr("关闭"))
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.close_button)

        self.year_box.valueChanged.connect(self._year_changed)
        self.layer_box.currentIndexChanged.connect(self._layer_changed)
        self.read_button.clicked.connect(self.read_text)
        self.calendar.day_clicked.connect(self.choose_day)
        self.change_button.clicked.connect(self.change_day)
        self.vacations.changed.connect(self.refresh_view)
        self.confirm_button.clicked.connect(self.confirm)
        self.close_button.clicked.connect(self.close)
        self.load()

    # --- state -----------------------------------------------------------------------------------

    def load(self) -> None:
        days, estimated = arrangement(self.layer, self.year)
        self.draft = {d.date: d for d in days}
        self.from_estimate = estimated
        self.dirty = False
        self.changed = set()
        self.refresh_view()

    def preview(self) -> HolidayCalendar:
        """The calendar as it will be once the draft is saved (the 自治区's days shown even for an office that
        does not count them, while they are being entered)."""
        base = working_days.current()
        if self.layer == XINJIANG:
            base = base.counting_xinjiang(True)
        if self.from_estimate and not self.dirty:
            return base
        return base.with_arrangement(self.layer, self.year, list(self.draft.values()))

    def refresh_view(self) -> None:
        infos = self.preview().year_days(self.year)
        self.calendar.set_year(self.year, infos, school_vacations(), self.changed)
        layer_text = self.layer_box.currentText()
        rest = sum(1 for d in self.draft.values() if d.kind == REST)
        work = len(self.draft) - rest
        if self.dirty:
            text = self.tr("{0}年 {1}：<b>尚未保存</b>（休 {2} 天，班 {3} 天）。核对日历后点“确认保存”。").format(
                self.year, layer_text, rest, work)
        elif self.from_estimate:
            text = self.tr("{0}年 {1}：<b style='color:#b07800'>尚未录入</b>，日历中的放假日期是预估的"
                           "（斜纹、标“预”），程序按预估计算值班和办理期限。请粘贴通知全文。").format(self.year, layer_text)
        elif self.layer == LOCAL:
            text = self.tr("{0}年 本单位自定的放假或上班日：{1} 天。").format(self.year, len(self.draft))
        else:
            text = self.tr("{0}年 {1}：已录入并确认（休 {2} 天，班 {3} 天）。").format(self.year, layer_text, rest, work)
        self.status.setText(text)
        if self.layer == XINJIANG and not counts_xinjiang_holidays():
            self.xinjiang_note.setText(self.tr("本单位目前不计入肉孜节、古尔邦节（可在“文件 → 单位信息”中更改），"
                                               "此处录入的日期不影响本单位的值班和办理期限。"))
        else:
            self.xinjiang_note.setText("")
        if self.selected is not None:
            self.choose_day(self.selected)

    def _legend(self) -> str:
        return self.tr(
            "<span style='background:{0}; color:{1}'>&nbsp;休&nbsp;</span> 放假　"
            "<span style='background:{2}; color:{3}'>&nbsp;班&nbsp;</span> 调休上班　"
            "<span style='color:#b07800'>预</span> 预估（通知尚未录入）　"
            "<span style='color:{4}'>▁</span> 学校放假（寒暑假）　"
            "<span style='color:#7b3fb5'>┆</span> 本次手动修改").format(
            REST_FILL.name(), REST_TEXT.name(), WORK_FILL.name(), WORK_TEXT.name(), VACATION_MARK.name())

    def _discard_changes(self) -> bool:
        if not self.dirty:
            return True
        answer = QMessageBox.question(self, self.tr("节假日安排"), self.tr("有尚未保存的修改，放弃这些修改吗？"))
        return answer == QMessageBox.StandardButton.Yes

    def _year_changed(self, year: int) -> None:
        if year == self.year:
            return
        if not self._discard_changes():
            self.year_box.blockSignals(True)
            self.year_box.setValue(self.year)
            self.year_box.blockSignals(False)
            return
        self.year = year
        self.selected = None
        self.vacations.set_year(year)
        self.load()

    def _layer_changed(self, _index: int) -> None:
        layer = self.layer_box.currentData()
        if layer == self.layer:
            return
        if not self._discard_changes():
            self.layer_box.blockSignals(True)
            self.layer_box.setCurrentIndex(self.layer_box.findData(self.layer))
            self.layer_box.blockSignals(False)
            return
        self.layer = layer
        self.load()

    # --- reading a notice ------------------------------------------------------------------------

    def read_text(self) -> None:
        reading = read_notice(self.text.toPlainText(), self.layer, self.year)
        if reading.year is None or not reading.complete:  # complete means a year too
            problems = "\n".join(shown(p) for p in reading.problems) or self.tr("没有找到放假日期")
            self.result_label.setStyleSheet(ERROR_STYLE)
            self.result_label.setText(self.tr("通知未能完整读取，未作任何修改：\n{0}").format(problems))
            return
        if reading.year != self.year:
            self.year_box.blockSignals(True)
            self.year_box.setValue(reading.year)
            self.year_box.blockSignals(False)
            self.year = reading.year
            self.vacations.set_year(reading.year)
        self.draft = {d.date: d for d in reading.days}
        self.from_estimate = False
        self.dirty = True
        self.changed = set()
        rest = sum(1 for d in reading.days if d.kind == REST)
        message = self.tr("已读取 {0}年：休 {1} 天，班 {2} 天。请在日历上核对，需要时修改某一天，再点“确认保存”。").format(
            reading.year, rest, len(reading.days) - rest)
        if reading.skipped:
            message += "\n" + self.tr("以下节日不属于此类通知，未读入：{0}").format("、".join(reading.skipped))
        self.result_label.setStyleSheet(OK_STYLE)
        self.result_label.setText(message)
        self.refresh_view()

    # --- correcting a day ------------------------------------------------------------------------

    def choose_day(self, day: date) -> None:
        self.selected = day
        self.calendar.select(day)
        self.editor.setEnabled(True)
        self.day_message.clear_error()
        self.day_label.setText(self.calendar.describe(day))
        entry = self.draft.get(day)
        self.kind_buttons[entry.kind if entry else ORDINARY].setChecked(True)
        self.name.setText(entry.name if entry else self._nearby_name(day))

    def _nearby_name(self, day: date) -> str:
        if self.layer == LOCAL:
            return self.tr("本单位安排")
        near = sorted(self.draft.values(), key=lambda d: abs((d.date - day).days))
        return near[0].name if near and abs((near[0].date - day).days) <= 7 else ""

    def change_day(self) -> None:
        day = self.selected
        if day is None:
            return
        kind = next(k for k, button in self.kind_buttons.items() if button.isChecked())
        name = self.name.text().strip()
        if kind == WORK and not is_weekend(day):
            self.day_message.show_error(self.tr("{0}月{1}日本是工作日，不能标为调休上班").format(day.month, day.day))
            return
        if kind == REST and not name and self.layer != LOCAL:
            self.day_message.show_error(self.tr("请填写节日名称"))
            return
        if kind == ORDINARY:
            self.draft.pop(day, None)
        else:
            self.draft[day] = ArrangedDay(day, kind, name)
        self.from_estimate = False
        self.dirty = True
        self.changed.add(day)
        self.refresh_view()

    # --- confirming ------------------------------------------------------------------------------

    def confirm(self) -> None:
        if not self.dirty and not self.from_estimate and self.layer != LOCAL:
            QMessageBox.information(self, self.tr("节假日安排"), self.tr("没有需要保存的修改。"))
            return
        question = self.tr("把日历上的{0}年安排（{1}）作为已确认的安排保存吗？\n值班、护学岗和办理期限将按它计算。").format(
            self.year, self.layer_box.currentText())
        if QMessageBox.question(self, self.tr("确认保存"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            result = save_arrangement(self.layer, self.year, list(self.draft.values()))
        except ArrangementRefused as exc:
            QMessageBox.warning(self, self.tr("不能保存"), "\n".join(shown(p) for p in exc.problems))
            return
        message = self.tr("{0}年的安排已保存：休 {1} 天，班 {2} 天。").format(result.year, result.rest_days,
                                                                        result.work_days)
        if result.deadlines_moved:
            message += self.tr("\n{0} 件案件的办理期限已按新安排重新计算。").format(result.deadlines_moved)
        QMessageBox.information(self, self.tr("节假日安排"), message)
        self.result_label.setText("")
        self.load()
        self.saved.emit()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._discard_changes():
            event.accept()
        else:
            event.ignore()


def default_year(today: date | None = None) -> int:
    """The year to show first: the next one from November while its arrangement is not entered."""
    today = today or date.today()
    if today.month >= working_days.NOTICE_MONTH and working_days.year_status(today.year + 1).national_missing:
        return today.year + 1
    return today.year
