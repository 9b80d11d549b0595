"""调解记录 and 回访: the sessions held (time, place, 参加人 — the others invited —, whether the parties were told
their rights and duties, record, result) and the follow-up visits (date, 回访事由, performed or not,
satisfaction, signs of escalation, 采取的措施, visitor), each a list over its form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import QCheckBox

from ...domain.dates import format_date
from ...services.cases.case_form import CaseDetail
from ...services.cases.sessions import (
    PERFORMED_CHOICES,
    SATISFACTION_CHOICES,
    FollowUpEntry,
    FollowUpInput,
    SessionEntry,
    SessionInput,
    add_follow_up,
    add_session,
    delete_follow_up,
    delete_session,
    update_follow_up,
    update_session,
)
from ..id_table_model import Column
from .record_panel import RecordPanel
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


def moment_text(moment: datetime) -> str:
    return f"{format_date(moment)} {moment:%H:%M}"


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


@dataclass(frozen=True)
class SessionLine:
    number: str
    held_at: str
    place: str
    present: str
    result: str


class SessionsPanel(RecordPanel):
    widths = (50, 150, 160, 220)

    def noun_text(self) -> str:
        return self.tr("调解记录")

    def make_columns(self) -> list[Column]:
        return [Column(self.tr("次序"), "number", align_center=True), Column(self.tr("调解时间"), "held_at"),
                Column(self.tr("地点"), "place"), Column(self.tr("参加人"), "present"),
                Column(self.tr("调解结果"), "result")]

    def build_form(self, fields: FieldGrid) -> None:
        self.held_at = line(datetime_hint(), 40)
        self.place = line(self.tr("如 夏普吐勒派出所调解室"))
        self.present = line(self.tr("受邀参加调解的其他人员（不含当事人、调解员、记录人），如 村委会委员热合曼·艾山"), 2000)
        self.rights_notified = QCheckBox(self.tr("调解前已告知当事人权利义务"))
        self.record = text_box(110)
        self.result = text_box(48)
        fields.add("held_at", self.tr("调解时间 *"), self.held_at, 0, 0)
        fields.add("place", self.tr("调解地点"), self.place, 0, 2)
        fields.add("present", self.tr("参加人"), self.present, 1, 0, span=2)
        fields.add("rights_notified", "", self.rights_notified, 2, 0, span=2)
        fields.add("record", self.tr("调解经过"), self.record, 3, 0, span=2)
        fields.add("result", self.tr("调解结果"), self.result, 4, 0, span=2)

    def entries(self, detail: CaseDetail) -> list[SessionEntry]:
        return detail.sessions

    def row_view(self, entry: SessionEntry) -> SessionLine:
        number = self._entries.index(entry) + 1
        return SessionLine(self.tr("第{0}次").format(number), moment_text(entry.held_at), entry.place,
                           entry.present, _first_line(entry.result))

    def entry_label(self, entry: SessionEntry) -> str:
        return moment_text(entry.held_at)

    def blank(self) -> SessionInput:
        return SessionInput(held_at=datetime.now().replace(second=0, microsecond=0))

    def fill(self, data: SessionInput) -> None:
        self.held_at.setText(value_text(data.held_at))
        self.place.setText(data.place)
        self.present.setText(data.present)
        self.rights_notified.setChecked(bool(data.rights_notified))
        self.record.setPlainText(data.record)
        self.result.setPlainText(data.result)

    def read(self) -> SessionInput:
        return SessionInput(held_at=self.held_at.text(), place=self.place.text(), present=self.present.text(),
                            record=self.record.toPlainText(), result=self.result.toPlainText(),
                            rights_notified=self.rights_notified.isChecked())

    def store(self, case_id: int, entry_id: int | None, data: SessionInput) -> None:
        if entry_id is None:
            add_session(case_id, data)
        else:
            update_session(entry_id, data)

    def remove(self, entry_id: int) -> None:
        delete_session(entry_id)


@dataclass(frozen=True)
class FollowUpLine:
    date: str
    performed: str
    satisfaction: str
    escalation_signs: str
    visitor: str


class FollowUpsPanel(RecordPanel):
    widths = (120, 90, 90, 260)

    def noun_text(self) -> str:
        return self.tr("回访记录")

    def make_columns(self) -> list[Column]:
        return [Column(self.tr("回访日期"), "date"), Column(self.tr("履行情况"), "performed", align_center=True, words=True),
                Column(self.tr("满意度"), "satisfaction", align_center=True, words=True),
                Column(self.tr("矛盾激化迹象"), "escalation_signs", alert=lambda r: bool(r.escalation_signs)),
                Column(self.tr("回访人"), "visitor")]

    def build_form(self, fields: FieldGrid) -> None:
        self.date = line(date_hint(), 20)
        self.performed = choice_combo(PERFORMED_CHOICES, blank="")
        self.satisfaction = choice_combo(SATISFACTION_CHOICES, blank="")
        self.visitor = line(max_length=50)
        self.escalation_signs = text_box(48)
        self.escalation_signs.setPlaceholderText(self.tr("无则不填；如有，写明情况并及时报告"))
        self.notes = text_box(64)
        self.reason = line(self.tr("如 邻里纠纷调解协议履行情况"), 200)
        self.measures = text_box(48)
        self.measures.setPlaceholderText(self.tr("针对回访发现的问题采取的措施，如 督促履行、再次调解、报告派出所"))
        fields.add("date", self.tr("回访日期 *"), self.date, 0, 0)
        fields.add("visitor", self.tr("回访人"), self.visitor, 0, 2)
        fields.add("reason", self.tr("回访事由"), self.reason, 1, 0, span=2)
        fields.add("performed", self.tr("履行情况"), self.performed, 2, 0)
        fields.add("satisfaction", self.tr("满意度"), self.satisfaction, 2, 2)
        fields.add("escalation_signs", self.tr("矛盾激化迹象"), self.escalation_signs, 3, 0, span=2)
        fields.add("notes", self.tr("回访情况"), self.notes, 4, 0, span=2)
        fields.add("measures", self.tr("采取的措施"), self.measures, 5, 0, span=2)

    def entries(self, detail: CaseDetail) -> list[FollowUpEntry]:
        return detail.follow_ups

    def row_view(self, entry: FollowUpEntry) -> FollowUpLine:
        return FollowUpLine(format_date(entry.date), entry.performed, entry.satisfaction,
                            _first_line(entry.escalation_signs), entry.visitor)

    def entry_label(self, entry: FollowUpEntry) -> str:
        return format_date(entry.date)

    def blank(self) -> FollowUpInput:
        return FollowUpInput(date=datetime.now().date())

    def fill(self, data: FollowUpInput) -> None:
        self.date.setText(value_text(data.date))
        set_combo_value(self.performed, data.performed)
        set_combo_value(self.satisfaction, data.satisfaction)
        self.visitor.setText(data.visitor)
        self.escalation_signs.setPlainText(data.escalation_signs)
        self.notes.setPlainText(data.notes)
        self.reason.setText(data.reason)
        self.measures.setPlainText(data.measures)

    def read(self) -> FollowUpInput:
        return FollowUpInput(date=self.date.text(), performed=combo_value(self.performed),
                             satisfaction=combo_value(self.satisfaction),
                             escalation_signs=self.escalation_signs.toPlainText(), visitor=self.visitor.text(),
                             notes=self.notes.toPlainText(), reason=self.reason.text(),
                             measures=self.measures.toPlainText())

    def store(self, case_id: int, entry_id: int | None, data: FollowUpInput) -> None:
        if entry_id is None:
            add_follow_up(case_id, data)
        else:
            update_follow_up(entry_id, data)

    def remove(self, entry_id: int) -> None:
        delete_follow_up(entry_id)
