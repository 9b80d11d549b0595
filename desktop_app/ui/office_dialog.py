"""单位信息: asked on first run, editable later from the 文件 menu. On first run the folder may instead be set
up as a county's (汇总各单位数据包, services/county/identity.py): then only the county's name and 机构代码
are asked."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import FieldError
from ..services.clients.versions import RecordChanged
from ..services.county.identity import set_up_county
from ..services.office.details import (
    OfficeInfo,
    counts_xinjiang_holidays,
    save_office,
    set_xinjiang_holidays,
    validate_office,
    xinjiang_by_default,
    xinjiang_holidays_choice,
)
from ..services.storage.data_folder import open_folder
from .field_errors import FieldMessage
from .record_changed import RecordChangedBanner
from .widgets.table_actions import save_shortcut


class OfficeDialog(QDialog):
    def __init__(self, office: OfficeInfo | None, parent: QWidget | None = None, first_run: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("单位信息"))
        self.setMinimumWidth(520)
        office = office or OfficeInfo(unit_name="")
        self.version = office.version  # the stored details' (None: none yet), carried back by the save
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(self.tr("欢迎使用义警服务队管理系统。请先填写本单位的信息，"
                                   "它们会出现在窗口标题、值班表、调解文书和证书上。以后可在“文件 → 单位信息”中修改。"))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        self.as_office = QRadioButton(self.tr("派出所、警务室：管理本单位的义警队伍"))
        self.as_county = QRadioButton(self.tr("县局：汇总各单位报来的数据包（不录入队伍）"))
        self.as_office.setChecked(True)
        if first_run:
            layout.addWidget(self.as_office)
            layout.addWidget(self.as_county)
            self.as_county.toggled.connect(self._mode_changed)
        form = QFormLayout()
        layout.addLayout(form)
        self.unit_name = QLineEdit(office.unit_name)
        self.unit_name.setPlaceholderText(self.tr("例如：伽师县公安局夏普吐勒派出所"))
        self.parent_unit = QLineEdit(office.parent_unit)
        self.parent_unit.setPlaceholderText(self.tr("例如：伽师县公安局"))
        self.leader_name = QLineEdit(office.leader_name)
        self.case_prefix = QLineEdit(office.case_prefix)
        self.case_prefix.setPlaceholderText(self.tr("例如：夏派调 → （2024）夏派调字第012号"))
        self.case_prefix.setToolTip(self.tr("本所治安调解案件的编号前缀；人民调解案件按调委会编号（纠纷调解 → 调解组织与民警）"))
        self.address = QLineEdit(office.address)
        self.contact_phone = QLineEdit(office.contact_phone)
        self.org_code = QLineEdit(office.org_code)
        self.org_code.setPlaceholderText(self.tr("统一社会信用代码，可不填"))
        self.messages: dict[str, FieldMessage] = {}
        self.boxes: dict[str, QWidget] = {}
        self.form = form
        for key, label, field in (
            ("unit_name", self.tr("单位名称 *"), self.unit_name),
            ("parent_unit", self.tr("上级单位"), self.parent_unit),
            ("leader_name", self.tr("负责人"), self.leader_name),
            ("case_prefix", self.tr("治安调解编号前缀 *"), self.case_prefix),
            ("address", self.tr("地址"), self.address),
            ("contact_phone", self.tr("联系电话"), self.contact_phone),
            ("org_code", self.tr("机构代码"), self.org_code),
        ):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.setSpacing(2)
            box_layout.addWidget(field)
            message = FieldMessage(field)
            field.textEdited.connect(message.clear_error)  # the mistake is being fixed: the word goes
            box_layout.addWidget(message)
            self.messages[key] = message
            form.addRow(label, box)
            self.boxes[key] = box
        self.xinjiang = QCheckBox(self.tr("计入新疆少数民族习惯节日（肉孜节、古尔邦节）"))
        self.xinjiang.setToolTip(self.tr("新疆的单位默认计入：护学岗不排、办理期限顺延。"
                                         "日期按自治区通知录入（设置 → 节假日安排），录入前按伊斯兰历预估。"))
        self._xinjiang_chosen = xinjiang_holidays_choice() is not None
        self.xinjiang.setChecked(counts_xinjiang_holidays() if office.unit_name else False)
        self.xinjiang.clicked.connect(self._xinjiang_clicked)
        for field in (self.unit_name, self.parent_unit, self.address):
            field.textChanged.connect(self._follow_place)
        form.addRow(self.tr("节假日"), self.xinjiang)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("退出") if first_run else self.tr("取消")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.changed_banner = RecordChangedBanner()
        layout.addWidget(self.changed_banner)
        layout.addWidget(buttons)
        save_shortcut(self, self.accept)

    def _mode_changed(self) -> None:
        county = self.as_county.isChecked()
        for key in ("parent_unit", "leader_name", "case_prefix", "address", "contact_phone"):
            self.form.setRowVisible(self.boxes[key], not county)
        self.form.setRowVisible(self.xinjiang, not county)
        label = self.form.labelForField(self.boxes["unit_name"])
        if isinstance(label, QLabel):
            label.setText(self.tr("县局名称 *") if county else self.tr("单位名称 *"))
        self.unit_name.setPlaceholderText(self.tr("例如：伽师县公安局") if county
                                          else self.tr("例如：伽师县公安局夏普吐勒派出所"))

    def _xinjiang_clicked(self) -> None:
        self._xinjiang_chosen = True

    def _follow_place(self) -> None:
        """Until the switch is set by hand it follows the names: on for an office in 新疆."""
        if not self._xinjiang_chosen:
            self.xinjiang.setChecked(xinjiang_by_default(self.office()))

    def office(self) -> OfficeInfo:
        return OfficeInfo(
            unit_name=self.unit_name.text(), parent_unit=self.parent_unit.text(),
            leader_name=self.leader_name.text(), case_prefix=self.case_prefix.text(),
            address=self.address.text(), contact_phone=self.contact_phone.text(), org_code=self.org_code.text(),
            version=self.version,
        )

    def accept(self) -> None:
        info = self.office()
        for message in self.messages.values():
            message.clear_error()
        if self.as_county.isChecked():
            self._accept_county(info)
            return
        errors = validate_office(info)
        if errors:
            for error in errors:
                self.messages[error.field].show_error(error.message)
            first = getattr(self, errors[0].field)
            first.setFocus()
            return
        try:
            save_office(info)
        except RecordChanged as exc:  # another PC saved them since: keep what was typed, say who and when
            self.changed_banner.refused(exc)
            self.version = exc.current_version  # saving again is a deliberate overwrite
            return
        if self._xinjiang_chosen:
            chosen = self.xinjiang.isChecked()
            set_xinjiang_holidays(None if chosen == xinjiang_by_default(info) else chosen)
        super().accept()

    def _accept_county(self, info: OfficeInfo) -> None:
        root = open_folder()
        assert root is not None
        try:
            set_up_county(root, info.unit_name, info.org_code)
        except FieldError as error:
            self.messages[error.field].show_error(error.message)
            getattr(self, error.field).setFocus()
            return
        super().accept()
