"""The main window: six tabs, the 文件, 设置, 账号, 语言 and 帮助 menus, and a status bar with the data file,
the operator logged in and the backup time. A county's folder shows the county's page instead of the
office's tabs (ui/county/), with 文件 → 导入数据包… and 导出县局公钥…; an office has 文件 → 导出数据包…. What the operator's role may not do is not offered (the
services refuse it anyway); 切换用户 and 注销 are there when the window was opened by a login
(`signed_in`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from ..build_info import build_date_text, version
from ..config import APP_NAME, DataPaths
from ..services import backup
from ..services.accounts import operators, roles
from ..services.accounts.roles import ACCOUNTS, ANONYMISE, AUDIT, BACKUP, EDIT, EXPORT, RESTORE
from ..services.accounts.roles import SETTINGS as SETTINGS_PERMISSION
from ..services.county.identity import is_county
from ..services.office.details import get_office
from .app_icon import application_icon
from .backup_actions import BackupActions
from .change_poll import ChangePoll
from .county.package_actions import PackageActions
from .dashboard.dashboard_tab import DashboardTab
from .i18n import LANGUAGES, available_languages, choose_language, chosen_language, language_name
from .lazy_tab import LazyTab
from .office_dialog import OfficeDialog
from .ops import BACKUPS, SETTINGS, announce, follow_changes
from .roles import hide_unless, may
from .schedule.sheet_settings import leader_phones_action
from .view_state import remember_window

if TYPE_CHECKING:  # each tab is imported when it is first shown
    from .cases.cases_tab import CasesTab
    from .certificates.certificates_tab import CertificatesTab
    from .records.records_tab import RecordsTab
    from .roster.roster_tab import RosterTab
    from .schedule.schedule_tab import ScheduleTab


# what each tab's factory imports, loaded in the background after the first paint (lazy_tab)
TAB_MODULES = ("desktop_app.ui.roster.roster_tab", "desktop_app.ui.roster.member_dialog",
               "desktop_app.ui.schedule.schedule_tab", "desktop_app.ui.cases.cases_tab",
               "desktop_app.ui.certificates.certificates_tab", "desktop_app.ui.records.records_tab")


def _roster_tab() -> RosterTab:
    from .roster.roster_tab import RosterTab

    return RosterTab()


def _schedule_tab() -> ScheduleTab:
    from .schedule.schedule_tab import ScheduleTab

    return ScheduleTab()


def _cases_tab() -> CasesTab:
    from .cases.cases_tab import CasesTab

    return CasesTab()


def _certificates_tab() -> CertificatesTab:
    from .certificates.certificates_tab import CertificatesTab

    return CertificatesTab()


def _records_tab() -> RecordsTab:
    from .records.records_tab import RecordsTab

    return RecordsTab()


class MainWindow(QMainWindow):
    switch_user_requested = Signal()
    logout_requested = Signal()
    quit_requested = Signal()

    def __init__(self, paths: DataPaths, parent: QWidget | None = None, signed_in: bool = False) -> None:
        """`signed_in`: opened by the login (app.py), which 切换用户 and 注销 hand back to."""
        super().__init__(parent)
        self.paths = paths
        self.signed_in = signed_in
        self.dialog: QWidget | None = None
        self.setWindowIcon(application_icon())
        remember_window(self)  # fits the screen (1366×768, 1280×720), then where it was last closed
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.county_mode = is_county()
        if self.county_mode:
            from .county.county_tab import CountyTab

            self.county_page = CountyTab()
            self.tabs.addTab(self.county_page, self.tr("县局汇总"))
        else:
            self._add_office_tabs()
        self.backup_actions = BackupActions(self, paths)
        self.package_actions = PackageActions(self)
        self._build_menus()
        self.data_label = QLabel()
        self.backup_label = QLabel()
        self.user_label = QLabel()
        self.statusBar().addWidget(self.data_label, 1)
        self.user_label.setContentsMargins(0, 0, 12, 0)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.idle_lock = None
        if roles.logged_in() is not None:
            from .accounts.idle_lock import IdleLock

            self.idle_lock = IdleLock(self, operators.idle_lock_minutes())
            self.idle_lock.quit_requested.connect(self.quit_requested.emit)
        self.refresh()
        follow_changes(self, {SETTINGS, BACKUPS}, self.refresh, stale=False)
        self.change_poll = ChangePoll(self)  # what the other PCs change shows here within seconds

    def _add_office_tabs(self) -> None:
        self.dashboard = DashboardTab()
        self.dashboard.holidays_requested.connect(self.edit_holidays)
        self.tabs.addTab(self.dashboard, self.tr("首页"))
        self.roster_page = LazyTab(_roster_tab)
        self.schedule_page = LazyTab(_schedule_tab)
        self.cases_page = LazyTab(_cases_tab)
        self.certificates_page = LazyTab(_certificates_tab)
        self.records_page = LazyTab(_records_tab)
        self.dashboard.records_requested.connect(self.show_records)
        self.dashboard.step_requested.connect(self.first_step)
        for page, title in (
            (self.roster_page, self.tr("队员花名册")),
            (self.schedule_page, self.tr("排班值班")),
            (self.cases_page, self.tr("纠纷调解")),
            (self.certificates_page, self.tr("证书打印")),
            (self.records_page, self.tr("工作记录")),
        ):
            self.tabs.addTab(page, title)

    @property
    def roster(self):
        return self.roster_page.content

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.backup_action = QAction(self.tr("备份…"), self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+B"))
        self.backup_action.triggered.connect(lambda: self.backup_actions.backup())
        self.usb_backup_action = QAction(self.tr("备份到U盘…"), self)
        self.usb_backup_action.triggered.connect(lambda: self.backup_actions.backup_to_stick())
        self.password_action = QAction(self.tr("设置备份密码…"), self)
        self.password_action.triggered.connect(lambda: self.backup_actions.set_password())
        self.restore_action = QAction(self.tr("恢复…"), self)
        self.restore_action.triggered.connect(lambda: self.backup_actions.restore())
        self.office_action = QAction(self.tr("单位信息…"), self)
        self.office_action.triggered.connect(self.edit_office)
        self.quit_action = QAction(self.tr("退出"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.switch_user_action = QAction(self.tr("切换用户…"), self)
        self.switch_user_action.triggered.connect(self.switch_user_requested.emit)
        self.logout_action = QAction(self.tr("注销"), self)
        self.logout_action.triggered.connect(self.logout_requested.emit)
        for action in (self.backup_action, self.restore_action):
            file_menu.addAction(action)
        self.recycle_bin_action = QAction(self.tr("回收站…"), self)
        self.recycle_bin_action.triggered.connect(self.open_recycle_bin)
        file_menu.addAction(self.recycle_bin_action)
        file_menu.addSeparator()
        self.export_package_action = QAction(self.tr("导出数据包…"), self)
        self.export_package_action.triggered.connect(lambda: self.package_actions.export_package())
        self.import_package_action = QAction(self.tr("导入数据包…"), self)
        self.import_package_action.triggered.connect(lambda: self.package_actions.import_packages())
        self.export_reference_action = QAction(self.tr("导出参考数据包…"), self)
        self.export_reference_action.triggered.connect(lambda: self.package_actions.export_reference())
        self.import_reference_action = QAction(self.tr("导入参考数据包…"), self)
        self.import_reference_action.triggered.connect(lambda: self.package_actions.import_reference())
        self.county_key_action = QAction(self.tr("导出县局公钥…"), self)
        self.county_key_action.triggered.connect(lambda: self.package_actions.write_county_key())
        if self.county_mode:
            file_menu.addAction(self.import_package_action)
            file_menu.addAction(self.export_reference_action)
            file_menu.addAction(self.county_key_action)
            hide_unless(EDIT, self.import_package_action)
            hide_unless(EXPORT, self.county_key_action, self.export_reference_action)
            self.recycle_bin_action.setVisible(False)
        else:
            file_menu.addAction(self.export_package_action)
            file_menu.addAction(self.import_reference_action)
            hide_unless(EXPORT, self.export_package_action)
            hide_unless(SETTINGS_PERMISSION, self.import_reference_action)
        file_menu.addSeparator()
        file_menu.addAction(self.office_action)
        file_menu.addSeparator()
        if self.signed_in:
            file_menu.addAction(self.switch_user_action)
            file_menu.addAction(self.logout_action)
            file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        data_menu = self.menuBar().addMenu(self.tr("数据(&D)"))
        data_menu.addAction(self.usb_backup_action)
        data_menu.addAction(self.password_action)
        self.leader_phones_action = leader_phones_action(self)
        data_menu.addAction(self.leader_phones_action)
        self.data_menu = data_menu
        hide_unless(BACKUP, self.backup_action, self.usb_backup_action)
        hide_unless(RESTORE, self.restore_action)
        hide_unless(SETTINGS_PERMISSION, self.office_action)
        hide_unless(SETTINGS_PERMISSION, self.password_action)
        self.data_menu.menuAction().setVisible(may(BACKUP) or may(SETTINGS_PERMISSION))
        settings_menu = self.menuBar().addMenu(self.tr("设置(&S)"))
        self.holidays_action = QAction(self.tr("节假日安排…"), self)
        self.holidays_action.triggered.connect(lambda: self.edit_holidays())
        settings_menu.addAction(self.holidays_action)
        self.settings_menu = settings_menu
        self.settings_menu.menuAction().setVisible(hide_unless(SETTINGS_PERMISSION, self.holidays_action))
        self._build_account_menu()
        self.language_menu = self.menuBar().addMenu(self.tr("语言(&L)"))
        self._build_language_menu()
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self.guide_action = QAction(self.tr("使用手册"), self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.show_guide)
        help_menu.addAction(self.guide_action)
        self.about_action = QAction(self.tr("关于"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        self.file_menu, self.help_menu = file_menu, help_menu

    def _build_account_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("账号(&A)"))
        self.own_password_action = QAction(self.tr("修改密码…"), self)
        self.own_password_action.triggered.connect(self.change_password)
        self.accounts_action = QAction(self.tr("操作员账号…"), self)
        self.accounts_action.triggered.connect(self.manage_accounts)
        self.audit_action = QAction(self.tr("操作日志…"), self)
        self.audit_action.triggered.connect(self.show_audit)
        self.privacy_action = QAction(self.tr("安全与个人信息…"), self)
        self.privacy_action.triggered.connect(self.edit_privacy)
        account = roles.logged_in()
        menu.addAction(self.own_password_action)
        self.own_password_action.setVisible(account is not None and account.user_id is not None)
        menu.addSeparator()
        for action, permission in ((self.accounts_action, ACCOUNTS), (self.audit_action, AUDIT),
                                   (self.privacy_action, ANONYMISE)):
            menu.addAction(action)
            hide_unless(permission, action)
        self.account_menu = menu

    def refresh(self) -> None:
        """The title and the status line; each tab keeps itself current (ops.follow_changes)."""
        office = get_office()
        unit = office.unit_name if office else self.tr("未设置单位")
        account = roles.logged_in()
        who = (self.tr("{0}（{1}）").format(account.shown_name, QCoreApplication.translate("Vocabulary", account.role))
               if account else "")
        title = f"{APP_NAME} — {unit}"
        self.setWindowTitle(f"{title} — {who}" if self.signed_in and who else title)
        self.user_label.setText(self.tr("当前操作员：{0}").format(who) if account else self.tr("未登录"))
        if self.idle_lock is not None:
            self.idle_lock.set_minutes(operators.idle_lock_minutes())
        self.data_label.setText(self.tr("数据文件：{0}").format(self.paths.database))
        last = backup.last_backup_at()
        self.backup_label.setText(
            self.tr("上次备份：{0}").format(f"{last:%Y-%m-%d %H:%M}") if last else self.tr("尚未备份")
        )

    def open_recycle_bin(self) -> QWidget:
        from .recycle_bin_dialog import RecycleBinDialog

        dialog = RecycleBinDialog(self)
        self.recycle_bin = dialog
        dialog.open()
        return dialog

    def show_records(self, wanted) -> None:
        """The 工作记录 tab with the records a 首页 number counts."""
        self.tabs.setCurrentWidget(self.records_page)
        self.records_page.content.show_records(wanted)

    def first_step(self, step: str) -> None:
        """A new office's steps from the 首页: 建队伍 → 录入队员 → 设岗位 → 排班."""
        if step in ("teams", "members"):
            self.tabs.setCurrentWidget(self.roster_page)
            roster = self.roster_page.content
            roster.manage_teams() if step == "teams" else roster.open_member(None)
        else:
            self.tabs.setCurrentWidget(self.schedule_page)
            if step == "posts":
                self.schedule_page.content.open_posts()

    def edit_office(self) -> None:
        dialog = OfficeDialog(get_office(), self)
        if dialog.exec():
            announce({SETTINGS})

    def edit_holidays(self, year: int | None = None) -> None:
        if not may(SETTINGS_PERMISSION):
            QMessageBox.information(self, self.tr("节假日安排"), self.tr("节假日安排由管理员录入。"))
            return
        from .holidays.holidays_dialog import HolidaysDialog

        dialog = HolidaysDialog(self, year)
        dialog.saved.connect(self.refresh)
        dialog.exec()
        self.refresh()

    def change_password(self) -> QWidget:
        from .accounts.password_fields import ChangePasswordDialog

        dialog = ChangePasswordDialog(self)
        dialog.accepted.connect(lambda: QMessageBox.information(
            self, self.tr("修改密码"), self.tr("密码已修改，下次登录请使用新密码。")))
        return self._open(dialog)

    def manage_accounts(self) -> QWidget:
        from .accounts.accounts_dialog import AccountsDialog

        return self._open(AccountsDialog(self))

    def show_audit(self) -> QWidget:
        from .accounts.audit_viewer import AuditViewer

        return self._open(AuditViewer(self))

    def edit_privacy(self) -> QWidget:
        from .accounts.privacy_dialog import PrivacyDialog

        dialog = PrivacyDialog(self)
        dialog.finished.connect(lambda _result: self.refresh())
        return self._open(dialog)

    def _open(self, dialog):
        self.dialog = dialog
        dialog.open()
        return dialog

    def _build_language_menu(self) -> None:
        """One checkable entry per language; one without translations yet is shown but cannot be chosen."""
        usable = {lang.code for lang in available_languages()}
        chosen = chosen_language()
        group = QActionGroup(self)
        for lang in LANGUAGES:
            name = language_name(lang)
            action = QAction(name if lang.code in usable else self.tr("{0}（尚无译文）").format(name), self)
            action.setCheckable(True)
            action.setChecked(lang.code == chosen)
            action.setEnabled(lang.code in usable)
            action.setData(lang.code)
            action.triggered.connect(lambda _checked=False, code=lang.code: self.pick_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)

    def pick_language(self, code: str) -> None:
        """Kept in the data file; the texts change at the next start (the open windows keep theirs)."""
        if code == chosen_language():
            return
        choose_language(code)
        QMessageBox.information(self, self.tr("语言"), self.tr("界面语言将在重新启动程序后改变。\n"
                                                             "文书（调解协议书、证书、值班表等）始终为中文。"))

    def show_guide(self) -> QWidget:
        """F1 / 帮助 → 使用手册: the guide as the program prints it, in the preview (read, print, save)."""
        from ..services.user_guide import user_guide_pdf
        from .print_preview import preview_pdf

        self.guide = preview_pdf(self, user_guide_pdf(), self.tr("使用手册"), self.tr("义警服务队管理系统使用手册.pdf"))
        return self.guide

    def about_text(self) -> str:
        return (
            self.tr("<h3>{0}</h3><p>版本 {1}<br>构建日期：{2}</p><p>供派出所、警务室管理义警队伍使用的离线桌面程序："
                    "花名册、排班值班、纠纷调解、证书、工作记录。</p><p>数据文件夹：{3}</p>"
                    "<p>界面与文书字体：文泉驿微米黑、文鼎明体、文鼎楷体（随程序附带，许可证见 resources/fonts）。</p>")
            .format(APP_NAME, version(), build_date_text(), self.paths.root)
        )

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("关于"), self.about_text(), parent=self)
        box.setIconPixmap(application_icon().pixmap(64, 64))
        box.exec()
