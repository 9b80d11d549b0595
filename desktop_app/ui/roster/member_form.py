"""The member form: every field of DESIGN.md §2, each error shown in red under its field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.errors import FieldError
from ...domain.ethnic_groups import ETHNIC_GROUPS
from ...domain.genders import GENDERS
from ...domain.id_numbers import parse_id_number
from ...domain.vocabulary import ACTIVE, MEMBER_STATUSES
from ...services.roster.members import CONSENT_WAYS, POLITICAL_STATUSES, SKILLS, MemberInput, split_skills
from ...services.roster.teams import team_choices
from ..cases.widgets import choice_combo, combo_value, set_combo_value
from ..field_errors import FieldMessage
from ..i18n import vocab

PHOTO_SIZE = QSize(96, 128)
MAX_PHOTO_BYTES = 2_000_000


def date_hint() -> str:
    return QCoreApplication.translate("Hints", "如 2023-09-01 或 2023.9.1")


def _date_text(value: date | str | None) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


class MemberForm(QWidget):
    """Emits `changed` on every edit; `is_dirty()` compares with what was loaded."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version: int | None = None  # the loaded record's (None: a new one)
        self._loaded = MemberInput()
        self._photo: bytes | None = None
        self.messages: dict[str, FieldMessage] = {}
        self.field_widgets: dict[str, QWidget] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)

        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("18位，末位可为X"))
        self.id_info = QLabel()
        self.id_info.setStyleSheet("color: #555555;")
        self.gender = choice_combo(GENDERS, blank="")
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("有身份证号时自动填写"))
        self.ethnic = QComboBox()
        self.ethnic.setEditable(True)
        self.ethnic.addItem("", "")
        for code, name in ETHNIC_GROUPS.items():
            self.ethnic.addItem(f"{code} {vocab(name)}", code)
        completer = self.ethnic.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("11位手机号"))
        self.address = QLineEdit()
        self.occupation = QLineEdit()
        self.political_status = QComboBox()
        self.political_status.setEditable(True)
        self.political_status.addItem("", "")
        for status in POLITICAL_STATUSES:
            self.political_status.addItem(vocab(status), status)
        self.team = QComboBox()
        self.join_date = QLineEdit()
        self.leave_date = QLineEdit()
        self.status = choice_combo(MEMBER_STATUSES)
        self.insurance_expires_on = QLineEdit()
        for field in (self.join_date, self.leave_date, self.insurance_expires_on):
            field.setPlaceholderText(date_hint())
        self.emergency_contact = QLineEdit()
        self.emergency_phone = QLineEdit()
        self.consent_on = QLineEdit()
        self.consent_on.setPlaceholderText(date_hint())
        self.consent_on.setToolTip(self.tr("队员同意本单位为义警工作处理其个人信息的日期（个人信息保护法）"))
        self.consent_way = QComboBox()
        self.consent_way.addItem("", "")
        for way in CONSENT_WAYS:
            self.consent_way.addItem(QCoreApplication.translate("Vocabulary", way), way)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        skills_box = QWidget()
        skills_layout = QGridLayout(skills_box)
        skills_layout.setContentsMargins(0, 0, 0, 0)
        self.skill_boxes: dict[str, QCheckBox] = {}
        for i, skill in enumerate(SKILLS):
            box = QCheckBox(vocab(skill))
            skills_layout.addWidget(box, i // 5, i % 5)
            self.skill_boxes[skill] = box
        self.skills = skills_box
        self.other_skills = QLineEdit()
        self.other_skills.setPlaceholderText(self.tr("其他技能，用顿号分隔"))

        self.photo_label = QLabel(self.tr("无照片"))
        self.photo_label.setFixedSize(PHOTO_SIZE)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #cccccc; color: #888888;")
        self.photo_button = QPushButton(self.tr("选择照片…"))
        self.photo_button.clicked.connect(self._choose_photo)
        self.photo_clear = QPushButton(self.tr("清除照片"))
        self.photo_clear.clicked.connect(lambda: self._set_photo(None))
        photo_box = QWidget()
        photo_layout = QVBoxLayout(photo_box)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.photo_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.photo_button)
        buttons.addWidget(self.photo_clear)
        photo_layout.addLayout(buttons)

        left = [
            ("name", self.tr("姓名 *"), self.name),
            ("id_number", self.tr("身份证号"), self.id_number),
            ("", "", self.id_info),
            ("gender", self.tr("性别"), self.gender),
            ("birth_date", self.tr("出生日期"), self.birth_date),
            ("ethnic", self.tr("民族"), self.ethnic),
            ("phone", self.tr("联系电话"), self.phone),
            ("address", self.tr("住址/村"), self.address),
            ("occupation", self.tr("职业"), self.occupation),
            ("political_status", self.tr("政治面貌"), self.political_status),
        ]
        right = [
            ("team", self.tr("所属队伍"), self.team),
            ("status", self.tr("状态"), self.status),
            ("join_date", self.tr("入队日期"), self.join_date),
            ("leave_date", self.tr("离队日期"), self.leave_date),
            ("insurance_expires_on", self.tr("意外险到期"), self.insurance_expires_on),
            ("emergency_contact", self.tr("紧急联系人"), self.emergency_contact),
            ("emergency_phone", self.tr("紧急联系电话"), self.emergency_phone),
            ("consent_on", self.tr("同意处理个人信息"), self.consent_on),
            ("consent_way", self.tr("同意方式"), self.consent_way),
        ]
        for column, rows in ((0, left), (2, right)):
            for row, (key, label, widget) in enumerate(rows):
                grid.addWidget(QLabel(label), row, column, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(self._with_message(key, widget), row, column + 1)
        grid.addWidget(photo_box, 0, 4, 5, 1, Qt.AlignmentFlag.AlignTop)
        last = len(left)
        grid.addWidget(QLabel(self.tr("技能")), last, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._with_message("skills", skills_box), last, 1, 1, 4)
        grid.addWidget(self.other_skills, last + 1, 1, 1, 4)
        grid.addWidget(QLabel(self.tr("备注")), last + 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._with_message("notes", self.notes), last + 2, 1, 1, 4)
        grid.setRowStretch(last + 3, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.id_number.editingFinished.connect(self._id_number_entered)
        for line in self.findChildren(QLineEdit):
            line.textEdited.connect(self.changed)
        for combo in (self.gender, self.ethnic, self.political_status, self.team, self.status, self.consent_way):
            combo.currentTextChanged.connect(self.changed)
        for box in self.skill_boxes.values():
            box.toggled.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        self.reload_teams()

    def _with_message(self, key: str, widget: QWidget) -> QWidget:
        if not key:
            return widget
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        message = FieldMessage(widget)
        layout.addWidget(message)
        self.messages[key] = message
        self.field_widgets[key] = widget
        return box

    def reload_teams(self) -> None:
        current = self.team.currentData()
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem(self.tr("（未分队）"), None)
        for team in team_choices():
            self.team.addItem(team.name, team.id)
        self._select_data(self.team, current)
        self.team.blockSignals(False)

    @staticmethod
    def _select_data(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # --- loading and reading -------------------------------------------------------------------------
    def load(self, data: MemberInput) -> None:
        self.version = data.version  # the stored member's, carried back by the save (services/clients/versions.py)
        self.name.setText(data.name)
        self.id_number.setText(data.id_number or "")
        set_combo_value(self.gender, data.gender or "")
        self.birth_date.setText(_date_text(data.birth_date))
        self._select_data(self.ethnic, data.ethnic or "")
        self.phone.setText(data.phone)
        self.address.setText(data.address)
        self.occupation.setText(data.occupation)
        self._set_political_status(data.political_status)
        self._select_data(self.team, data.team_id)
        self.join_date.setText(_date_text(data.join_date))
        self.leave_date.setText(_date_text(data.leave_date))
        set_combo_value(self.status, data.status or ACTIVE)
        skills = split_skills(data.skills)
        for skill, box in self.skill_boxes.items():
            box.setChecked(skill in skills)
        self.other_skills.setText("、".join(s for s in skills if s not in self.skill_boxes))
        self.insurance_expires_on.setText(_date_text(data.insurance_expires_on))
        self.emergency_contact.setText(data.emergency_contact)
        self.emergency_phone.setText(data.emergency_phone)
        self.notes.setPlainText(data.notes)
        self.consent_on.setText(_date_text(data.consent_on))
        self._select_data(self.consent_way, data.consent_way or "")
        self._set_photo(data.photo)
        self._id_number_entered()
        self.clear_errors()
        self._loaded = self.value()

    def value(self) -> MemberInput:
        ethnic = self.ethnic.currentData() if self.ethnic.currentText() == self.ethnic.itemText(
            self.ethnic.currentIndex()) else self.ethnic.currentText()
        skills = [s for s, box in self.skill_boxes.items() if box.isChecked()]
        skills += split_skills(self.other_skills.text())
        return MemberInput(
            name=self.name.text(), gender=combo_value(self.gender), ethnic=ethnic or "",
            id_number=self.id_number.text(), birth_date=self.birth_date.text(), phone=self.phone.text(),
            address=self.address.text(), occupation=self.occupation.text(),
            political_status=self._political_status(), team_id=self.team.currentData(),
            join_date=self.join_date.text(), leave_date=self.leave_date.text(),
            status=combo_value(self.status), skills=list(dict.fromkeys(skills)),
            insurance_expires_on=self.insurance_expires_on.text(),
            emergency_contact=self.emergency_contact.text(), emergency_phone=self.emergency_phone.text(),
            notes=self.notes.toPlainText(), photo=self._photo, consent_on=self.consent_on.text(),
            consent_way=self.consent_way.currentData() or "", version=self.version,
        )

    def _political_status(self) -> str:
        """The chosen word, or what was typed (the box is editable)."""
        box = self.political_status
        if box.currentText() == box.itemText(box.currentIndex()):
            return box.currentData() or ""
        return box.currentText()

    def _set_political_status(self, value: str) -> None:
        index = self.political_status.findData(value or "")
        if index >= 0:
            self.political_status.setCurrentIndex(index)
        else:
            self.political_status.setEditText(value)

    def is_dirty(self) -> bool:
        return self.value() != self._loaded

    def mark_saved(self) -> None:
        self._loaded = self.value()

    # --- errors --------------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for message in self.messages.values():
            message.clear_error()

    def show_errors(self, errors: list[FieldError]) -> None:
        self.clear_errors()
        for error in errors:
            message = self.messages.get(error.field, self.messages["notes"])
            if message.isHidden():
                message.show_error(error.message)
        if errors:
            self.field_widgets.get(errors[0].field, self.notes).setFocus()

    # --- behaviour -----------------------------------------------------------------------------------
    def _id_number_entered(self) -> None:
        text = self.id_number.text().strip()
        if not text:
            self.id_info.setText("")
            self.messages["id_number"].clear_error()
            return
        try:
            info = parse_id_number(text)
        except FieldError as exc:
            self.id_info.setText("")
            self.messages["id_number"].show_error(exc.message)
            return
        self.messages["id_number"].clear_error()
        self.id_number.setText(info.number)
        self.birth_date.setText(info.birth_date.isoformat())
        set_combo_value(self.gender, info.gender)
        place = f" · {info.birth_place}" if info.birth_place else ""
        self.id_info.setText(self.tr("出生 {0} · {1}{2}").format(
            format_date(info.birth_date), vocab(info.gender), place))

    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择照片"), "", self.tr("图片 (*.png *.jpg *.jpeg)"))
        if not path:
            return
        with open(path, "rb") as fh:
            data = fh.read()
        if len(data) > MAX_PHOTO_BYTES:
            QMessageBox.warning(self, self.tr("照片"), self.tr("照片文件太大，请选择不超过2MB的图片。"))
            return
        self._set_photo(data)
        self.changed.emit()

    def _set_photo(self, data: bytes | None) -> None:
        self._photo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.photo_label.setPixmap(pixmap.scaled(PHOTO_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo_label.clear()
            self.photo_label.setText(self.tr("无照片"))
