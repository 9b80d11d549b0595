"""Shared fixtures: every test gets its own data folder with a real SQLite file, migrated (a copy of one
template migrated once per run, so the migrations are not run again for every test), and acts as an
administrator named "admin" (a stand-in: no account row, no login entry in the audit trail); tests of
the roles act as each role explicitly (`acting`).

The service and CLI suites (tests/unit/services, tests/unit/cli) run each test on a data folder twice:
on SQLite and on PostgreSQL (`engine` = "sqlite" / "postgres", the second marked `postgres`); there the
folder's `database.url` names a database of its own on the test server (tests/pg_server.py), a copy of
one migrated template. $YIJING_TEST_PG: "off" skips the PostgreSQL runs (`make test`), "require" fails
when there is no server (`make test-pg`), unset uses one when there is one and skips otherwise. A test
that is about the SQLite file itself is marked `sqlite_only`."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pg_server  # noqa: E402
from personal_data_check import (  # noqa: E402, F401 - the output check runs for every test
    _no_personal_numbers_in_output,
    _record_written_files,
    pytest_terminal_summary,
)

from desktop_app.config import DataPaths  # noqa: E402
from desktop_app.services.storage.data_folder import close_store, open_store  # noqa: E402

TESTS = Path(__file__).resolve().parent
BOTH_ENGINES = (TESTS / "unit" / "services", TESTS / "unit" / "cli")
PG_MODE_VARIABLE = "YIJING_TEST_PG"


def pytest_generate_tests(metafunc):
    """The service and CLI tests that use a data folder run on both engines."""
    if "data_paths" not in metafunc.fixturenames or "engine" in metafunc.fixturenames and any(
            m.name == "parametrize" and "engine" in m.args[0] for m in metafunc.definition.iter_markers()):
        return
    path = Path(str(metafunc.definition.path))
    if metafunc.definition.get_closest_marker("sqlite_only") or not any(
            folder in path.parents for folder in BOTH_ENGINES):
        return
    metafunc.parametrize("engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)


@pytest.fixture
def engine(request) -> str:
    """The engine of the test's data folder: "sqlite", or "postgres" in the second run of the service and
    CLI tests."""
    return getattr(request, "param", "sqlite")


class TestServer:
    """The test server: a template database migrated once, copied for a test that needs a database of its
    own (`new_database`), and one working copy that the tests use in turn (`checkout`), emptied after each
    (`reset`: every table truncated, the seeded holidays put back) — emptying takes a tenth of a copy."""

    SEED_TABLES = ("holiday",)  # rows the steps themselves write (besides schema_version)

    def __init__(self, url: str, cluster: pg_server.Cluster | None) -> None:
        from desktop_app.db.database import close_database, open_server
        from desktop_app.db.migrations import migrate
        from desktop_app.db.server import with_database

        self.url, self.cluster, self.count = url, cluster, 0
        self.prefix = f"yijing_t{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self.admin = pg_server.admin_connection(url)
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.template}"')
        self.admin.execute(f'CREATE DATABASE "{self.template}"')
        migrate(open_server(with_database(url, self.template)))
        close_database()
        self.work = self.new_database()
        self.work_name = self.work.rsplit("/", 1)[1]
        self.worker = pg_server.admin_connection(self.work)
        self.tables = [r[0] for r in self.worker.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_version'")]
        self.worker.execute("CREATE SCHEMA test_seed")
        for table in self.SEED_TABLES:
            self.worker.execute(f'CREATE TABLE test_seed."{table}" AS SELECT * FROM public."{table}"')

    def new_database(self) -> str:
        from desktop_app.db.server import with_database

        self.count += 1
        name = f"{self.prefix}_{self.count}"
        self.admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return with_database(self.url, name)

    def checkout(self) -> str:
        return self.work

    def reset(self) -> None:
        """The working copy as the template left it; other connections to it are ended first. As a
        superuser with the triggers (the foreign keys' and the audit's) off for a moment, a DELETE of each
        table: most tests leave a few small tables, and TRUNCATE makes new files for every table."""
        self.admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                           "AND pid <> pg_backend_pid()", (self.work_name,))
        self.worker = pg_server.admin_connection(self.work)
        superuser = self.worker.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]
        with self.worker.transaction():
            if superuser:
                self.worker.execute("SET LOCAL session_replication_role = replica")
                for table in self.tables:
                    self.worker.execute(f'DELETE FROM public."{table}"')
            else:
                self.worker.execute('ALTER TABLE "audit_log" DISABLE TRIGGER USER')
                self.worker.execute('ALTER TABLE "audit_archive" DISABLE TRIGGER USER')
                self.worker.execute("TRUNCATE " + ", ".join(f'public."{t}"' for t in self.tables))
                self.worker.execute('ALTER TABLE "audit_log" ENABLE TRIGGER USER')
                self.worker.execute('ALTER TABLE "audit_archive" ENABLE TRIGGER USER')
            for table in self.SEED_TABLES:
                self.worker.execute(f'INSERT INTO public."{table}" SELECT * FROM test_seed."{table}"')
            self.worker.execute(
                "SELECT setval(pg_get_serial_sequence(quote_ident(t), 'id'), COALESCE(m, 0) + 1, false) FROM "
                "(VALUES " + ", ".join(f"('{t}', (SELECT MAX(\"id\") FROM public.\"{t}\"))" for t in self.tables)
                + ") AS v(t, m)")

    def drop(self, url: str) -> None:
        from desktop_app.db.server import database_name

        self.admin.execute(f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')

    def close(self) -> None:
        self.worker.close()
        self.drop(self.work)
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self.admin.close()
        if self.cluster is not None:
            self.cluster.stop()


PG_SKIPPED = "PostgreSQL tests skipped"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """All the PostgreSQL runs skipped for the same reason are said in one line of the summary (pytest
    folds skips of the same place and reason)."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and isinstance(report.longrepr, tuple) and str(report.longrepr[2]).startswith(
            f"Skipped: {PG_SKIPPED}"):
        report.longrepr = (str(Path(__file__)), _PG_SKIP_LINE, report.longrepr[2])


def _pg_unavailable(reason: str) -> None:
    if os.environ.get(PG_MODE_VARIABLE) == "require":
        pytest.fail(f"PostgreSQL required ({PG_MODE_VARIABLE}=require) but {reason}", pytrace=False)
    pytest.skip(f"{PG_SKIPPED}: {reason}")


_PG_SKIP_LINE = _pg_unavailable.__code__.co_firstlineno + 3


@pytest.fixture(scope="session")
def pg_test_server() -> Iterator[TestServer]:
    """The PostgreSQL server of this run (see the module's docstring); skips (or fails) when there is none."""
    mode = os.environ.get(PG_MODE_VARIABLE, "auto")
    if mode == "off":
        _pg_unavailable(f"{PG_MODE_VARIABLE}=off (make test); make test-pg runs them on a real server")
    url, cluster = os.environ.get(pg_server.URL_VARIABLE), None
    if not url:
        bin_dir = pg_server.binaries()
        if bin_dir is None:
            _pg_unavailable(f"no ${pg_server.URL_VARIABLE} and no PostgreSQL binaries (initdb, pg_ctl) on this machine")
        cluster = pg_server.Cluster(bin_dir)  # type: ignore[arg-type]
        url = cluster.url
    server = TestServer(url, cluster)
    yield server
    server.close()


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
    from desktop_app.services.accounts import roles

    roles.set_logged_in(roles.Account(TEST_ADMIN, ADMIN))


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
def data_paths(tmp_path, engine, request) -> Iterator[DataPaths]:
    """A data folder of its own for the test, its database a copy of the migrated template (on the test
    server when `engine` is "postgres")."""
    paths = DataPaths(tmp_path / "data").ensure()
    server = None
    if engine == "postgres":
        server = request.getfixturevalue("pg_test_server")
        paths.server_file.write_text(server.checkout(), encoding="utf-8")
    else:
        shutil.copyfile(request.getfixturevalue("migrated_template"), paths.database)
    open_store(paths)
    yield paths
    close_store()
    if server is not None:
        server.reset()


@pytest.fixture
def server_folder(tmp_path, pg_test_server) -> Iterator[DataPaths]:
    """A data folder on a database of its own on the test server (a copy of the migrated template), open;
    for tests that replace or rename the database (a restore). Dropped at the end with every database
    named after it (the kept copy of a restore, a scratch copy left behind)."""
    from desktop_app.db.server import database_name

    url = pg_test_server.new_database()
    paths = DataPaths(tmp_path / "office").ensure()
    paths.server_file.write_text(url, encoding="utf-8")
    open_store(paths)
    yield paths
    close_store()
    name = database_name(url)
    for (other,) in pg_test_server.admin.execute(
            "SELECT datname FROM pg_database WHERE datname = %s OR starts_with(datname, %s)", (name, name + "_")):
        pg_test_server.admin.execute(f'DROP DATABASE IF EXISTS "{other}" WITH (FORCE)')


@pytest.fixture
def other_connection():
    """`with other_connection(data_paths) as (connection, mark):` a connection of another program (another
    client) to the folder's database, committed at the end; `mark` is its driver's placeholder."""
    import contextlib
    import sqlite3

    @contextlib.contextmanager
    def connect(paths: DataPaths):
        url = paths.database_url
        con = pg_server.admin_connection(url) if url else sqlite3.connect(paths.database)
        try:
            yield con, ("%s" if url else "?")
            if not url:
                con.commit()
        finally:
            con.close()

    return connect


@pytest.fixture
def acting():
    """`with acting(role):` runs the block as a stand-in account of that role (named after it)."""
    from desktop_app.services.accounts import roles

    return lambda role, username=None: roles.acting_as(roles.Account(username or role, role))


@pytest.fixture
def office(data_paths):
    """The office (its 治安调解 numbered 夏派调) with its 人民调解委员会 (人民调解 numbered 夏人调)."""
    from desktop_app.services.cases.bodies import save_body
    from desktop_app.services.office.details import OfficeInfo, get_office, save_office

    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", parent_unit="伽师县公安局",
                           leader_name="阿不都热合曼·吐尔逊", case_prefix="夏派调"))
    save_body(None, "夏普吐勒镇人民调解委员会", "夏人调", is_default=True)
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
    from desktop_app.services.accounts import operators, roles

    monkeypatch.setenv("YIJING_USER", CLI_ADMIN)
    monkeypatch.setenv("YIJING_PASSWORD", CLI_PASSWORD)

    def add() -> None:
        if not operators.accounts_exist():
            with roles.acting_as(None):
                operators.create_first_administrator(CLI_ADMIN, CLI_PASSWORD)

    return add


@pytest.fixture
def mediation_cases(office):
    """One 人民调解 and one 治安调解 case carried through every document (see make_mediation_cases)."""
    return make_mediation_cases()


def make_mediation_cases() -> dict[str, int]:
    """Register, through the services, one 人民调解 and one 治安调解 case carried through every document, in
    the office of the `office` fixture: {"peoples": case id, "security": case id}; reference date 2026-05-20."""
    from datetime import date

    from desktop_app.domain.id_numbers import build_id_number
    from desktop_app.services.cases.bodies import save_officers
    from desktop_app.services.cases.case_form import CaseInput, load_case, register_case, save_case
    from desktop_app.services.cases.investigations import InvestigationInput, add_investigation
    from desktop_app.services.cases.parties import PartyInput, add_mediator, add_party
    from desktop_app.services.cases.sessions import FollowUpInput, SessionInput, add_follow_up, add_session
    from desktop_app.services.cases.workflow import change_status

    today = date(2026, 5, 20)
    save_officers(["买合木提·吐尔逊", "王建军"])
    peoples = register_case(CaseInput(
        kind="人民调解", category="邻里", source="当事人申请", received_at="2026-04-07 10:30",
        place="阿亚克吾斯塘村3组", summary="双方因院墙排水沟走向发生争执，申请人被推倒受伤。",
        facts="2026年4月5日，双方因院墙排水沟走向发生争执，被申请人推搡申请人致其摔倒，左臂擦伤，花去医疗费1200元。",
        responsibilities="被申请人推搡他人，负主要责任；申请人言语过激，负次要责任。",
        requests="1. 被申请人赔偿医疗费、误工费。\n2. 重新疏通排水沟。",
        agreement_terms="1. 被申请人阿依古丽·买买提赔偿申请人努尔买买提·西热甫医疗费、误工费共计3500元。\n"
                        "2. 双方于2026年4月20日前共同疏通排水沟，今后和睦相处。",
        agreement_amount="3500", performance_way="现金一次性支付", performance_place="夏普吐勒镇人民调解委员会调解室",
        performance_deadline="2026-04-20", outcome="调解成功，达成书面协议",
        filed_by="古丽娜尔·艾力", retention="长期"), today=today)
    add_party(peoples.id, PartyInput(role="申请人", name="努尔买买提·西热甫", gender="男", ethnic="05",
                                     id_number=build_id_number("653123", date(1985, 3, 14), 31),
                                     phone="13899123456", address="伽师县夏普吐勒镇阿亚克吾斯塘村3组15号",
                                     occupation="农民"), today=today)
    add_party(peoples.id, PartyInput(role="被申请人", name="阿依古丽·买买提", gender="女", ethnic="05",
                                     id_number=build_id_number("653123", date(1990, 7, 8), 42),
                                     phone="15909981234", address="伽师县夏普吐勒镇托万克吾斯塘村5组2号"), today=today)
    add_mediator(peoples.id, officer_name="古丽娜尔·艾力", role="主持人")
    add_mediator(peoples.id, officer_name="王晓燕", role="记录人")
    add_investigation(peoples.id, InvestigationInput(
        held_at="2026-04-08 11:00", place="阿亚克吾斯塘村3组", subject="吐尔逊·买买提（邻居）",
        investigators="古丽娜尔·艾力", recorder="王晓燕", present="村委会委员热合曼·艾山",
        record="问：你看到当时的情况了吗？\n答：看到了，两人为排水沟吵起来，阿依古丽推了努尔买买提一下。"), today=today)
    change_status(peoples.id, "调解中", today=today)
    add_session(peoples.id, SessionInput(held_at="2026-04-10 15:00", place="夏普吐勒镇人民调解委员会调解室",
                                         present="村委会委员热合曼·艾山", record="申请人要求赔偿5000元，被申请人只愿赔偿2000元。",
                                         result="未达成一致，约定再次调解"), today=today)
    add_session(peoples.id, SessionInput(held_at="2026-04-13 11:00", place="夏普吐勒镇人民调解委员会调解室",
                                         present="村委会委员热合曼·艾山", record="经耐心疏导，双方各退一步。",
                                         result="达成协议，赔偿3500元"), today=today)
    data = load_case(peoples.id, today=today).data
    data.agreement_date = "2026-04-13"
    save_case(data, peoples.id, today=today)
    change_status(peoples.id, "调解成功", today=today)
    change_status(peoples.id, "回访", today=today)
    add_follow_up(peoples.id, FollowUpInput(date="2026-04-25", performed="已履行", satisfaction="满意",
                                            escalation_signs="无", visitor="古丽娜尔·艾力", notes="双方关系缓和",
                                            reason="邻里纠纷调解协议履行情况", measures="提醒双方共同维护排水沟"),
                  today=today)
    change_status(peoples.id, "结案", today=today)

    security = register_case(CaseInput(
        kind="治安调解", category="损害赔偿", source="群众报警", received_at="2026-05-11 09:00",
        offence="故意损毁财物", parties_consent=True, host_officer="买合木提·吐尔逊",
        incident_at="2026-05-10 21:30", incident_place="夏普吐勒镇巴扎东口", incident_cause="停车位争执",
        incident_course="违法行为人用石块砸碎被侵害人三轮摩托车的后视镜和车灯",
        circumstances="初次违法，事后主动认错，情节较轻", incident_result="车辆损失经价值认定为800元",
        appraisal="价值认定", appraisal_issued_on="2026-05-12",
        others_present="热合曼·艾山，夏普吐勒镇3村村委会委员\n阿不都·吐尔逊，违法行为人之父（监护人）",
        agreement_terms="1. 违法行为人一方赔偿被侵害人车辆损失800元。\n2. 违法行为人向被侵害人赔礼道歉。",
        agreement_amount="800", performance_way="当场现金支付", performance_deadline="2026-05-14",
        outcome="调解成功，达成协议并当场履行"), today=today)
    offender = add_party(security.id, PartyInput(role="违法行为人", name="艾克拜尔·阿不都", gender="男",
                                                 ethnic="05", id_number=build_id_number("653129", date(2010, 9, 1), 17),
                                                 address="夏普吐勒镇3村7组"), today=today)
    add_party(security.id, PartyInput(role="监护人", name="阿不都·吐尔逊", gender="男", ethnic="05", age=45,
                                      guardian_of_id=offender.id), today=today)
    add_party(security.id, PartyInput(role="被侵害人", name="王建国", gender="男", ethnic="01", age=52,
                                      phone="13912345678", address="夏普吐勒镇巴扎路8号"), today=today)
    add_mediator(security.id, officer_name="王建军", role="记录人")
    change_status(security.id, "调解中", today=today)
    add_session(security.id, SessionInput(held_at="2026-05-13 10:00", place="夏普吐勒派出所调解室",
                                          present="热合曼·艾山（村委会委员）", record="双方陈述，违法行为人认错。",
                                          result="达成协议，当场履行"), today=today)
    data = load_case(security.id, today=today).data
    data.agreement_date = "2026-05-13"
    save_case(data, security.id, today=today)
    change_status(security.id, "调解成功", today=today)
    return {"peoples": peoples.id, "security": security.id}


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
