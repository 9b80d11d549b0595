"""Shared fixtures: every test gets its own data folder with a real SQLite file, migrated (a copy of one
template migrated once per run, so the migrations are not run again for every test), and acts as an
administrator named "admin" (a stand-in: no account row, no login entry in the audit trail); tests of
the roles act as each role explicitly (`acting`)."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from personal_data_check import (  # noqa: E402, F401 - the output check runs for every test
    _no_personal_numbers_in_output,
    _record_written_files,
    pytest_terminal_summary,
)

from desktop_app.config import DataPaths  # noqa: E402
from desktop_app.services.storage import close_store, open_store  # noqa: E402


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """One database file migrated to the latest schema, made once per test run."""
    paths = DataPaths(tmp_path_factory.mktemp("template")).ensure()
    open_store(paths)
    close_store()  # the last connection closing checkpoints the WAL into the file
    return paths.database


TEST_ADMIN = "admin"


def _stand_in_administrator() -> None:
    from desktop_app.domain.vocabulary import ADMIN
    from desktop_app.services import session

    session.set_logged_in(session.Account(TEST_ADMIN, ADMIN))


@pytest.fixture(scope="session", autouse=True)
def acting_administrator_for_shared_fixtures() -> None:
    """Module- and session-scoped fixtures (made before any test's own fixtures) act as the stand-in too."""
    _stand_in_administrator()


@pytest.fixture(autouse=True)
def acting_administrator() -> Iterator[None]:
    """Every test acts as a stand-in administrator unless it logs in or acts as another role itself; after
    it, whatever it logged in is replaced by the stand-in again."""
    _stand_in_administrator()
    yield
    _stand_in_administrator()


@pytest.fixture
def data_paths(tmp_path, migrated_template) -> Iterator[DataPaths]:
    """A data folder of its own for the test, its database a copy of the migrated template."""
    paths = DataPaths(tmp_path / "data").ensure()
    shutil.copyfile(migrated_template, paths.database)
    open_store(paths)
    yield paths
    close_store()


@pytest.fixture
def acting():
    """`with acting(role):` runs the block as a stand-in account of that role (named after it)."""
    from desktop_app.services import session

    return lambda role, username=None: session.acting_as(session.Account(username or role, role))


@pytest.fixture
def office(data_paths):
    from desktop_app.services.office import OfficeInfo, get_office, save_office

    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", parent_unit="伽师县公安局",
                           leader_name="阿不都热合曼·吐尔逊", case_prefix="夏派调"))
    return get_office()


def _type_text(qtbot, widget, text: str) -> None:
    """Type as a user would: ASCII as key presses, Chinese through the input method (QTest's key
    clicks only know ASCII; a Chinese character arrives from an IME as a committed string)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def type_text(qtbot):
    return lambda widget, text: _type_text(qtbot, widget, text)


@pytest.fixture
def messages(monkeypatch):
    """Every message box answered at once (questions with 是); what each said is kept as (kind, text)."""
    from PySide6.QtWidgets import QMessageBox

    said: list[tuple[str, str]] = []

    def record(kind, answer=QMessageBox.StandardButton.Ok):
        def box(_parent, _title, text, *args, **kwargs):
            said.append((kind, text))
            return answer
        return box

    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    return said


CLI_ADMIN, CLI_PASSWORD = "命令行", "Cli-Admin-2026"


@pytest.fixture
def cli_admin(monkeypatch):
    """The command line's account for a test's data folder: `cli_admin()` (with the folder's store open)
    adds the administrator 命令行 if the folder has no account yet; $YIJING_USER and $YIJING_PASSWORD name
    it, as a scheduled task would."""
    from desktop_app.services import accounts, session

    monkeypatch.setenv("YIJING_USER", CLI_ADMIN)
    monkeypatch.setenv("YIJING_PASSWORD", CLI_PASSWORD)

    def add() -> None:
        if not accounts.accounts_exist():
            with session.acting_as(None):
                accounts.create_first_administrator(CLI_ADMIN, CLI_PASSWORD)

    return add


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path | None]:
    """A 16 MB file system of its own (tmpfs) where the machine allows mounting one (root on Linux), else
    None: a test then simulates ENOSPC instead."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.name != "posix" or os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True).returncode:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system of `folder` to the last byte, then give back `leave` bytes."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        for size in (1 << 20, 1 << 12, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


@pytest.fixture
def fill_disk() -> Callable[..., Path]:
    return _fill
