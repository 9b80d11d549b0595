"""调查记录: the inquiries into the facts (time, place, 被调查人, 调查人, 记录人, 在场人, what was asked and
answered), a list over its form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ...services.cases.case_form import CaseDetail
from ...services.cases.investigations import (
    InvestigationEntry,
    InvestigationInput,
    add_investigation,
    delete_investigation,
    update_investigation,
)
from ..id_table_model import Column
from .record_panel import RecordPanel
from .session_panels import moment_text
from .widgets import FieldGrid, datetime_hint, line, text_box, value_text


@dataclass(frozen=True)
class InvestigationLine:
    held_at: str
    subject: str
    investigators: str
    place: str


class InvestigationsPanel(RecordPanel):
    widths = (150, 180, 140, 200)

    def noun_text(self) -> str:
        return self.tr("调查记录")

    def make_columns(self) -> list[Column]:
        return [Column(self.tr("调查时间"), "held_at"), Column(self.tr("被调查人"), "subject"),
                Column(self.tr("调查人"), "investigators"), Column(self.tr("地点"), "place")]

    def build_form(self, fields: FieldGrid) -> None:
        self.held_at = line(datetime_hint(), 40)
        self.place = line()
        self.subject = line(self.tr("姓名及身份，如 吐尔逊·买买提（邻居）"), 200)
        self.investigators = line(self.tr("调查的调解员"), 200)
        self.recorder = line(max_length=50)
        self.present = line(self.tr("调查时在场的其他人员"), 2000)
        self.record = text_box(130)
        self.record.setPlaceholderText(self.tr("问：……\n答：……"))
        fields.add("held_at", self.tr("调查时间 *"), self.held_at, 0, 0)
        fields.add("place", self.tr("调查地点"), self.place, 0, 2)
        fields.add("subject", self.tr("被调查人 *"), self.subject, 1, 0)
        fields.add("investigators", self.tr("调查人"), self.investigators, 1, 2)
        fields.add("recorder", self.tr("记录人"), self.recorder, 2, 0)
        fields.add("present", self.tr("在场人"), self.present, 2, 2)
        fields.add("record", self.tr("调查记录"), self.record, 3, 0, span=2)

    def entries(self, detail: CaseDetail) -> list[InvestigationEntry]:
        return detail.investigations

    def row_view(self, entry: InvestigationEntry) -> InvestigationLine:
        return InvestigationLine(moment_text(entry.held_at), entry.subject, entry.investigators, entry.place)

    def entry_label(self, entry: InvestigationEntry) -> str:
        return f"{moment_text(entry.held_at)} {entry.subject}"

    def blank(self) -> InvestigationInput:
        return InvestigationInput(held_at=datetime.now().replace(second=0, microsecond=0))

    def fill(self, data: InvestigationInput) -> None:
        self.held_at.setText(value_text(data.held_at))
        self.place.setText(data.place)
        self.subject.setText(data.subject)
        self.investigators.setText(data.investigators)
        self.recorder.setText(data.recorder)
        self.present.setText(data.present)
        self.record.setPlainText(data.record)

    def read(self) -> InvestigationInput:
        return InvestigationInput(held_at=self.held_at.text(), place=self.place.text(), subject=self.subject.text(),
                                  investigators=self.investigators.text(), recorder=self.recorder.text(),
                                  present=self.present.text(), record=self.record.toPlainText())

    def store(self, case_id: int, entry_id: int | None, data: InvestigationInput) -> None:
        if entry_id is None:
            add_investigation(case_id, data)
        else:
            update_investigation(entry_id, data)

    def remove(self, entry_id: int) -> None:
        delete_investigation(entry_id)
