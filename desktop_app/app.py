"""Starting the window: display check, QApplication, fonts, Qt's Chinese texts, logging, one copy per data
folder, crash dialog, opening (or repairing) the database, the chosen interface language, first-run office
details and administrator, the login, the main window for whoever is logged in (注销 / 切换用户 come
back here), the automatic backup on exit."""

from __future__ import annotations

import logging
import sys
import threading
import time
from datetime import date
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from .config import APP_NAME, DataPaths
from .display_check import display_problem
from .logging_setup import setup_logging
from .services import backup
from .services.accounts import operators, roles
from .services.backup import restore
from .services.clients.versions import RecordChanged, StaleVersion
from .services.files.writer import FileWriteError
from .services.office.details import get_office
from .services.storage.data_folder import (
    DamagedDatabaseError,
    DataMissingError,
    StoreError,
    check_file_quickly,
    close_store,
    kept_copies,
    on_missing_volume,
    open_store,
    remember_server,
)
from .services.storage.errors import ServerPasswordError, folder_gone
from .single_copy import acquire_lock
from .ui.app_icon import application_icon
from .ui.error_dialog import error_box
from .ui.fonts import install_application_font
from .ui.i18n import chosen_language, install_language, shown
from .ui.main_window import MainWindow
from .ui.ops import TaskRunner, wait_for_lookups

log = logging.getLogger(__name__)


def install_qt_translations(app: QApplication) -> QTranslator | None:
    """Qt's own texts (Yes/No, Save/Discard, file dialogs) in Chinese, from the catalogue Qt ships."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder):
        log.warning("未找到 Qt 的中文翻译文件")
        return None
    app.installTranslator(translator)
    return translator


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    # No application display name: Qt would append it to every window title, and the main window's title
    # already begins with the program's name.
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName("yijing")  # the taskbar matches the window to yijing.desktop and its icon
    app.setWindowIcon(application_icon())
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_application_font(app)
    if not app.property("yijing_translated"):
        install_qt_translations(app)
        app.setProperty("yijing_translated", True)
    return app


def install_crash_handler(log_file_hint: str) -> None:
    def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if issubclass(exc_type, roles.PermissionDenied):
            from .ui.roles import show_refusal

            log.warning("权限不足，已拒绝：%s", exc)
            show_refusal(None, exc)  # type: ignore[arg-type]
            return
        if issubclass(exc_type, (RecordChanged, StaleVersion)):  # another PC saved the record a moment before
            from .ui.record_changed import show_record_changed

            log.warning("记录已被其他电脑修改，本次保存已拒绝")
            show_record_changed(None, exc)  # type: ignore[arg-type]
            return
        log.critical("未处理的异常", exc_info=(exc_type, exc, tb))
        error_box(None, exc, log_file_hint).exec()

    sys.excepthook = handle


class FirstPaintReporter(QObject):
    """For bench/startup.py: print the monotonic time of the first paint of a window (the login dialog, or
the set-up of a new folder) and quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.isWindow():
            print(f"FIRST_PAINT {time.monotonic():.6f}", flush=True)
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


class IntegrityCheck(QObject):
    """`quick_check` off the GUI thread after the window is up, quietly (no progress dialog; a failure of
    the check itself takes the long-work failure path); `problems` is emitted when done."""

    problems = Signal(list)

    def __init__(self, paths: DataPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.stopping = False
        self.runner = TaskRunner(parent, self.tr("数据文件检查"),
                                 lambda _progress: check_file_quickly(paths, stop=lambda: self.stopping),
                                 show_progress=False)
        self.runner.done.connect(self.problems.emit)

    def start(self) -> None:
        self.runner.start()

    def wait(self, timeout_ms: int | None = None) -> bool:
        """Stop a check still running (quitting does not wait for it) and wait for its thread; False when
        `timeout_ms` ran out first."""
        self.stopping = True
        return self.runner.wait(timeout_ms)


def report_damage(window: MainWindow, problems: list[str]) -> None:
    """The background check found damage: say so plainly and offer the newest good backup."""
    if not problems:
        return
    log.error("数据库完整性检查失败 (%d 条)", len(problems))
    good = restore.newest_good_backup(window.paths)
    title = QCoreApplication.translate("Startup", "数据文件已损坏")
    text = QCoreApplication.translate("Startup", "检查发现数据文件有损坏：\n{0}").format("\n".join(problems[:3]))
    if good is None:
        QMessageBox.critical(window, title, text + QCoreApplication.translate(
            "Startup", "\n\n没有找到完好的备份。请先不要继续录入，并联系技术人员。"))
        return
    answer = QMessageBox.question(window, title, text + QCoreApplication.translate(
        "Startup", "\n\n建议立即用最新的完好备份恢复：\n{0}\n当前的文件会原样保留。现在恢复吗？").format(_describe(good)))
    if answer == QMessageBox.StandardButton.Yes:
        window.backup_actions.restore(good, confirm=False)


def _describe(path: Path) -> str:
    taken = backup.backup_time(path)
    when = f"{taken.taken_at:%Y-%m-%d %H:%M}"
    return QCoreApplication.translate("Startup", "{0}（{1}的数据）").format(path.name, when)


def _offer_restore(paths: DataPaths, parent: QWidget | None, title: str, text: str) -> int | None:
    """Offer the newest good copy for `text`'s trouble; None when it was put in place and opened."""
    good = restore.newest_good_backup(paths)
    if good is None:
        QMessageBox.critical(parent, title, text + QCoreApplication.translate(
            "Startup", "\n\n没有找到完好的备份。请联系技术人员，不要删除数据文件夹：\n{0}").format(paths.root))
        return DamagedDatabaseError.exit_code
    answer = QMessageBox.question(parent, title, text + QCoreApplication.translate(
        "Startup", "\n\n可以用最新的完好数据恢复：\n{0}\n原来的文件会原样保留，不会删除。现在恢复吗？").format(
            _describe(good)))
    if answer != QMessageBox.StandardButton.Yes:
        return DamagedDatabaseError.exit_code
    try:
        restore.replace_damaged_database(paths, good)
        open_store(paths)
    except (restore.RestoreError, FileWriteError, StoreError) as exc:
        QMessageBox.critical(parent, title, QCoreApplication.translate(
            "Startup", "恢复没有完成，数据文件夹保持原样：\n{0}").format(shown(exc)))
        return getattr(exc, "exit_code", DamagedDatabaseError.exit_code)
    return None


def _open_or_repair(paths: DataPaths, parent: QWidget | None) -> int | None:
    """Open the folder's data; None when open, else the exit code after telling the user why not.

    Only a damaged file, or a missing one beside kept copies, leads to an offer to restore; a full disk,
    missing permission, a removed drive, another copy or a newer program is said as it is."""
    try:
        open_store(paths, check=False)
        return None
    except ServerPasswordError as exc:
        return _ask_server_password(paths, parent, shown(exc))
    except DamagedDatabaseError as exc:
        return _offer_restore(paths, parent, QCoreApplication.translate("Startup", "数据文件已损坏"), shown(exc))
    except DataMissingError as exc:
        return _offer_restore(paths, parent, QCoreApplication.translate("Startup", "数据文件不见了"), shown(exc))
    except StoreError as exc:
        QMessageBox.critical(parent, QCoreApplication.translate("Startup", "无法打开数据"), shown(exc))
        return exc.exit_code


def _ask_server_password(paths: DataPaths, parent: QWidget | None, text: str) -> int | None:
    """The server wants the role's password: asked until it is right or the user gives up."""
    while True:
        password, ok = QInputDialog.getText(parent, QCoreApplication.translate("Startup", "数据库服务器的密码"),
                                            text, QLineEdit.EchoMode.Password)
        if not ok:
            return ServerPasswordError.exit_code
        try:
            open_store(paths, check=False, password=password)
            return None
        except ServerPasswordError as exc:
            text = shown(exc)
        except StoreError as exc:
            QMessageBox.critical(parent, QCoreApplication.translate("Startup", "无法打开数据"), shown(exc))
            return exc.exit_code


def backup_on_exit(paths: DataPaths, parent: QWidget | None = None) -> Path | None:
    """The automatic backup when the window closes (at most one a day); a failure is said, not raised."""
    try:
        return backup.auto_backup_if_due(paths)
    except (FileWriteError, backup.BackupCheckFailed, OSError) as exc:
        log.warning("退出时的自动备份没有完成：%s", type(exc).__name__)
        QMessageBox.warning(parent, QCoreApplication.translate("Startup", "自动备份没有完成"),
                            QCoreApplication.translate(
                                "Startup", "退出时的自动备份没有完成，数据本身不受影响：\n{0}").format(shown(exc)))
        return None


FONT_PRELOAD_DELAY_MS = 800  # after the first paint, which the font parsing would otherwise slow down


def _preload_fonts() -> None:
    preload_in_background()


def preload_in_background() -> threading.Thread:
    """What is loaded after the first paint, each part in a daemon thread: the bundled fonts, the lookups
    (below) and then, once those are in, the tabs' modules (ui/lazy_tab.py says why; one after the other,
    so that no two threads import the same package side by side). Returns the last thread."""
    from .documents.fonts import preload_fonts_in_background  # reportlab is not imported before the window
    from .ui.lazy_tab import preload_in_background as preload_modules
    from .ui.main_window import TAB_MODULES

    fonts = preload_fonts_in_background()
    lookups = preload_lookups_in_background()
    return preload_modules(TAB_MODULES, after=(fonts, lookups))


def preload_lookups_in_background() -> threading.Thread:
    """pypinyin's dictionaries and stdnum's table of area codes loaded in a daemon thread: the first team
    list sorted or ID number read would otherwise wait for them on the GUI thread (about a second)."""
    from .domain import pinyin_keys
    from .domain.id_numbers import build_id_number, parse_id_number

    def load() -> None:
        pinyin_keys.preload()
        parse_id_number(build_id_number("650102", date(1980, 1, 1), 1))

    thread = threading.Thread(target=load, name="lookup-preload", daemon=True)
    thread.start()
    return thread


class SignedInWindow(QObject):
    """The main window of whoever is logged in. 注销 and 切换用户 close it, log the account out and ask for
    a login again; a new window is made for the next account (its role decides what it offers)."""

    def __init__(self, paths: DataPaths) -> None:
        super().__init__()
        self.paths = paths
        self.window: MainWindow | None = None
        self.login: QWidget | None = None

    def open_window(self) -> MainWindow:
        window = MainWindow(self.paths, signed_in=True)
        window.switch_user_requested.connect(self.sign_out)
        window.logout_requested.connect(self.sign_out)
        window.quit_requested.connect(QApplication.quit)
        self.window = window
        window.show()
        return window

    def sign_out(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.hide()
            window.deleteLater()
        operators.log_out()
        from .ui.accounts.login_dialog import LoginDialog

        login = LoginDialog(None)
        login.accepted.connect(self.open_window)
        login.rejected.connect(QApplication.quit)
        self.login = login
        login.open()


def sign_in(parent: QWidget | None = None) -> bool:
    """The first administrator of a folder without accounts (logged in at once), else the login."""
    if not operators.accounts_exist():
        from .ui.admin_check import AdminCheckDialog

        setup = AdminCheckDialog(QApplication.translate("AdminCheckDialog", "使用本程序"), parent)
        if not setup.exec():
            return False
        operators.log_in(setup.username_value, setup.password_value)
        return True
    from .ui.accounts.login_dialog import LoginDialog

    return bool(LoginDialog(parent).exec())


def run_gui(paths: DataPaths, exit_after_first_paint: bool = False) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 3
    app = make_application()
    if on_missing_volume(paths.root):
        gone = folder_gone(paths.root)
        QMessageBox.critical(None, APP_NAME, shown(gone))
        return gone.exit_code
    paths.ensure()
    setup_logging(paths.log_file)
    # On a server several windows may be open at once, each as its own account: no folder lock.
    lock = None if paths.database_url else acquire_lock(paths)
    if lock is None and not paths.database_url:
        QMessageBox.warning(None, APP_NAME, QCoreApplication.translate(
            "Startup", "本程序已经在使用这个数据文件夹：\n{0}\n\n请切换到已打开的窗口。同一个数据文件夹只能由一个程序打开。").format(
                paths.root))
        return 1
    install_crash_handler(str(paths.log_file))
    try:
        if not paths.database_url and not paths.database.exists() and not kept_copies(paths):
            from .ui.store_choice_dialog import StoreChoiceDialog

            choice = StoreChoiceDialog(paths)
            if not choice.exec():
                return 0
            paths = choice.chosen_paths()
            if paths.database_url and lock is not None:
                lock.unlock()
                lock = None
        refused = _open_or_repair(paths, None)
        if refused is not None:
            return refused
        if paths.url and not paths.server_file.exists():
            remember_server(paths)
        install_language(app, chosen_language())
        if get_office() is None:
            from .ui.office_dialog import OfficeDialog

            if not OfficeDialog(None, first_run=True).exec():
                return 0
        if exit_after_first_paint:
            reporter = FirstPaintReporter(app)
            app.installEventFilter(reporter)  # the login dialog is what a user sees first
        if not sign_in():
            return 0
        signed_in = SignedInWindow(paths)
        window = signed_in.open_window()
        QTimer.singleShot(FONT_PRELOAD_DELAY_MS, _preload_fonts)
        check = IntegrityCheck(paths, window)
        check.problems.connect(lambda problems: report_damage(window, problems))
        check.start()
        log.info("程序已启动")
        code = app.exec()
        check.wait()
        wait_for_lookups()  # a search still running when the window closed: before the store closes
        if not exit_after_first_paint:
            backup_on_exit(paths)
        return code
    finally:
        roles.set_logged_in(None)
        close_store()
        if lock is not None:
            lock.unlock()
