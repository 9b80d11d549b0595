"""当事人: the case's parties — 申请人 / 被申请人 in 人民调解, 违法行为人 / 被侵害人 in 治安调解, 其他当事人, and the
监护人 of a minor — with the checks of the service (name, ID number with birth date and gender, phone, 民族,
age), errors at the fields."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from ...domain.errors import FieldError
from ...domain.genders import GENDERS
from ...domain.id_numbers import parse_id_number
from ...domain.masking import mask_id, mask_phone
from ...services.cases.case_form import CaseDetail
from ...services.cases.parties import (
    GUARDIAN,
    PARTY_ROLES,
    PartyEntry,
    PartyInput,
    add_party,
    delete_party,
    party_roles,
    update_party,
)
from ..i18n import vocab
from ..id_table_model import Column
from .record_panel import RecordPanel
from .widgets import (
    EthnicCombo,
    FieldGrid,
    choice_combo,
    combo_value,
    date_hint,
    line,
    set_combo_value,
    value_text,
)


@dataclass(frozen=True)
class PartyLine:
    """One row of the parties' table: ID and phone masked (the form below shows them in full)."""

    role: str
    name: str
    gender: str
    ethnic: str
    age: str
    id_masked: str
    phone_masked: str
    address: str
    note: str


class PartiesPanel(RecordPanel):
    widths = (90, 150, 44, 80, 50, 170, 110, 200)

    def noun_text(self) -> str:
        return self.tr("当事人")

    def make_columns(self) -> list[Column]:
        return [Column(self.tr("身份"), "role", words=True), Column(self.tr("姓名"), "name"),
                Column(self.tr("性别"), "gender", align_center=True, words=True),
                Column(self.tr("民族"), "ethnic", words=True),
                Column(self.tr("年龄"), "age", align_center=True), Column(self.tr("身份证号"), "id_masked"),
                Column(self.tr("联系电话"), "phone_masked"), Column(self.tr("住址"), "address"),
                Column(self.tr("备注"), "note", alert=lambda r: "未登记监护人" in r.note)]

    def build_form(self, fields: FieldGrid) -> None:
        self.role = choice_combo(PARTY_ROLES)
        self.name = line(self.tr("如 努尔买买提·西热甫"), 60)
        self.id_number = line(self.tr("18位，末位可为X"), 30)
        self.phone = line(self.tr("11位手机号"), 30)
        self.gender = choice_combo(GENDERS, blank="")
        self.ethnic = EthnicCombo()
        self.birth_date = line(self.tr("有身份证号时自动填写"), 20)
        self.birth_date.setToolTip(date_hint())
        self.age = line(self.tr("无出生日期时填写"), 5)
        self.address = line()
        self.occupation = line(max_length=50)
        self.guardian_of = QComboBox()
        fields.add("role", self.tr("身份 *"), self.role, 0, 0)
        fields.add("name", self.tr("姓名 *"), self.name, 0, 2)
        fields.add("id_number", self.tr("身份证号"), self.id_number, 1, 0)
        fields.add("phone", self.tr("联系电话"), self.phone, 1, 2)
        fields.add("gender", self.tr("性别"), self.gender, 2, 0)
        fields.add("ethnic", self.tr("民族"), self.ethnic, 2, 2)
        fields.add("birth_date", self.tr("出生日期"), self.birth_date, 3, 0)
        fields.add("age", self.tr("年龄"), self.age, 3, 2)
        fields.add("address", self.tr("住址"), self.address, 4, 0)
        fields.add("occupation", self.tr("职业"), self.occupation, 4, 2)
        fields.add("guardian_of", self.tr("被监护人"), self.guardian_of, 5, 0)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.id_number.editingFinished.connect(self._id_number_entered)

    # --- rows ----------------------------------------------------------------------------------------
    def entries(self, detail: CaseDetail) -> list[PartyEntry]:
        return detail.parties

    def row_view(self, entry: PartyEntry) -> PartyLine:
        guarded = {e.guardian_of_id for e in self._entries if e.role == GUARDIAN}
        if entry.role == GUARDIAN:
            note = self.tr("监护：{0}").format(entry.guardian_of_name) if entry.guardian_of_name else ""
        elif entry.is_minor:
            note = self.tr("未成年") if entry.id in guarded else self.tr("未成年，未登记监护人")
        else:
            note = ""
        return PartyLine(role=entry.role, name=entry.name, gender=entry.gender, ethnic=entry.ethnic,
                         age="" if entry.age is None else str(entry.age), id_masked=mask_id(entry.id_number)
                         if entry.id_number else "", phone_masked=mask_phone(entry.phone) if entry.phone else "",
                         address=entry.address, note=note)

    def entry_label(self, entry: PartyEntry) -> str:
        return f"{vocab(entry.role)} {entry.name}"

    def show_detail(self, detail: CaseDetail) -> None:
        self._entries = detail.parties
        roles = party_roles(detail.kind)
        if tuple(self.role.itemData(i) for i in range(self.role.count())) != roles:
            current = combo_value(self.role)
            self.role.blockSignals(True)
            self.role.clear()
            for role in roles:
                self.role.addItem(QCoreApplication.translate("Vocabulary", role), role)
            self.role.blockSignals(False)
            set_combo_value(self.role, current if current in roles else roles[0])
            self._loaded = self.read()
        super().show_detail(detail)
        self._reload_wards()

    def _reload_wards(self) -> None:
        current = self.guardian_of.currentData()
        self.guardian_of.blockSignals(True)
        self.guardian_of.clear()
        self.guardian_of.addItem(self.tr("请选择"), None)
        for entry in self._entries:
            if entry.role != GUARDIAN and entry.id != self.editing_id:
                minor = self.tr("（未成年）") if entry.is_minor else ""
                self.guardian_of.addItem(f"{vocab(entry.role)} {entry.name}{minor}", entry.id)
        self.guardian_of.setCurrentIndex(max(self.guardian_of.findData(current), 0))
        self.guardian_of.blockSignals(False)

    # --- the form ------------------------------------------------------------------------------------
    def blank(self) -> PartyInput:
        first = self.role.itemData(0) if hasattr(self, "role") and self.role.count() else None
        return PartyInput(role=first) if first else PartyInput()

    def fill(self, data: PartyInput) -> None:
        if hasattr(self, "_entries"):
            self._reload_wards()
        set_combo_value(self.role, data.role)
        self.name.setText(data.name)
        self.id_number.setText(data.id_number)
        self.phone.setText(data.phone)
        set_combo_value(self.gender, data.gender)
        self.ethnic.set_value(data.ethnic)
        self.birth_date.setText(value_text(data.birth_date))
        self.age.setText(value_text(data.age))
        self.address.setText(data.address)
        self.occupation.setText(data.occupation)
        self.guardian_of.setCurrentIndex(max(self.guardian_of.findData(data.guardian_of_id), 0))
        self._role_changed()

    def read(self) -> PartyInput:
        guardian = combo_value(self.role) == GUARDIAN
        return PartyInput(
            role=combo_value(self.role), name=self.name.text(), gender=combo_value(self.gender),
            ethnic=self.ethnic.value(), age=self.age.text(), birth_date=self.birth_date.text(),
            id_number=self.id_number.text(), phone=self.phone.text(), address=self.address.text(),
            occupation=self.occupation.text(), guardian_of_id=self.guardian_of.currentData() if guardian else None)

    def store(self, case_id: int, entry_id: int | None, data: PartyInput) -> None:
        if entry_id is None:
            add_party(case_id, data)
        else:
            update_party(entry_id, data)

    def remove(self, entry_id: int) -> None:
        delete_party(entry_id)

    def _role_changed(self) -> None:
        guardian = combo_value(self.role) == GUARDIAN
        self.guardian_of.setEnabled(guardian)
        self.fields.labels["guardian_of"].setEnabled(guardian)

    def _id_number_entered(self) -> None:
        """A valid number fills the birth date and gender, as in the member form."""
        text = self.id_number.text().strip()
        message = self.fields.messages["id_number"]
        if not text:
            message.clear_error()
            return
        try:
            info = parse_id_number(text)
        except FieldError as exc:
            message.show_error(exc.message)
            return
        message.clear_error()
        self.id_number.setText(info.number)
        self.birth_date.setText(info.birth_date.isoformat())
        set_combo_value(self.gender, info.gender)
