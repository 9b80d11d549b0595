"""Opening a data folder: the database file, its check at start, its migrations, and why it could not be
opened (services/storage/errors.py tells a full disk, no permission, a removed drive, another copy, a
damaged file and a newer program apart).

A missing or empty data file next to kept copies of data (`yijing.db.损坏-…`, backups) is never opened
as a new office: `DataMissingError` says what was found, and the window or the CLI offers it.
Leftover temporary files of interrupted writes (`.….part`) are removed when the folder is opened.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from ...config import DataPaths
from ...db.database import close_database, db, integrity_problems, open_database
from ...db.migrations import LATEST, NewerSchemaError, migrate
from ...db.snapshot import CheckInterrupted, check_file
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ..calendar import working_days
from ..progress import Cancelled
from .errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    DataMissingError,
    DiskFullError,
    FolderGoneError,
    NewerDatabaseError,
    NoPermissionError,
    StoreError,
    classify,
    damaged,
    folder_gone,
    newer,
)

__all__ = [
    "DamagedDatabaseError", "DataMissingError", "DatabaseLockedError", "DiskFullError", "FolderGoneError",
    "NewerDatabaseError", "NoPermissionError", "StoreError", "check_file_quickly", "clean_leftover_parts",
    "close_store", "kept_copies", "open_store", "release_thread_connection", "remember_server",
]

log = logging.getLogger(__name__)

KEPT_MARK = ".损坏-"  # yijing.db.损坏-20240413-101500: a damaged file kept when a backup replaced it
PART_SUFFIX = ".part"


_opened: list[DataPaths] = []  # the folder of the store that is open
_passwords: dict[str, str] = {}  # a server's password typed in this session, by URL (memory only)


def open_store(paths: DataPaths, check: bool = True, password: str | None = None) -> peewee.Database:
    """Open the folder's database, check it, and bring its schema up to date (backing it up first);
    a `StoreError` subclass, with nothing changed in the folder, when it cannot be opened.

    The window passes `check=False` and runs `quick_check` in the background after its first paint
    (`check_in_background`): on a large file the check takes most of a second.

    A folder whose `database.url` names a PostgreSQL server opens that server instead of its SQLite file
    (the folder keeps the logs, the exports and the window's layout); `password` for the server's role
    when neither PGPASSWORD nor a pgpass file gives it.
    """
    url = paths.database_url
    if url:
        return _open_server(paths, url, password)
    _prepare_folder(paths)
    refuse_missing_data(paths)
    clean_leftover_parts(paths)
    existed = paths.database.exists()
    try:
        database = open_database(paths.database)
        if existed and check:
            problems = integrity_problems(database)
            if problems:
                log.error("数据库完整性检查失败 (%d 条)", len(problems))
                raise damaged(paths.root, "; ".join(problems[:3]))
        migrate(database, backup_dir=paths.backups)
    except NewerSchemaError:
        close_database()
        version = _version_of(paths.database)
        raise newer(paths.root, version, LATEST) from None
    except (sqlite3.Error, peewee.DatabaseError, OSError, StoreError) as exc:
        close_database()
        error = classify(exc, paths.root, paths.database)
        log.error("数据文件夹无法打开：%s", type(error).__name__)
        raise error from exc
    working_days.store_opened(True)
    _opened[:] = [paths]
    return database


def _open_server(paths: DataPaths, url: str, password: str | None) -> peewee.Database:
    from ...db.database import open_server
    from ...db.server import describe, needs_password, server_error_classes
    from .errors import server_password, server_unreachable

    _prepare_folder(paths)
    clean_leftover_parts(paths)
    password = password or _passwords.get(url)
    try:
        database = open_server(url, password)
        migrate(database, backup_dir=paths.backups)
    except NewerSchemaError:
        close_database()
        raise newer(paths.root, _server_version(), LATEST) from None
    except server_error_classes() as exc:
        close_database()
        log.error("数据库服务器无法打开：%s", type(exc).__name__)
        if needs_password(exc):
            raise server_password(describe(url)) from exc
        raise server_unreachable(describe(url), str(exc).strip().splitlines()[0] if str(exc).strip() else "")\
            from exc
    if password:
        _passwords[url] = password
    working_days.store_opened(True)
    _opened[:] = [paths]
    return database


def typed_password(url: str) -> str | None:
    """The password of the server's role typed in this session (memory only), for the backup tools."""
    return _passwords.get(url)


def remember_server(paths: DataPaths) -> None:
    """Keep the server the folder's office was opened on (`database.url`, no password in it), so the next
    start opens it again."""
    from ...db.server import without_password
    from ..files.writer import write_verified

    if paths.url:
        write_verified(paths.server_file, (without_password(paths.url) + "\n").encode("utf-8"))


def _server_version() -> int:
    try:
        return int(db.execute_sql('SELECT MAX("version") FROM "schema_version"').fetchone()[0] or 0)
    except peewee.PeeweeException:
        return 0


def _version_of(path: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0)
        finally:
            con.close()
    except sqlite3.Error:
        return 0


# Where Linux mounts a USB stick: /media/USER/LABEL, /run/media/USER/LABEL, /mnt/LABEL. When the stick is
# out, LABEL is gone, and creating the data folder again would put a new, empty office on the PC's disk.
REMOVABLE_MOUNT_PARENTS = [Path("/media"), Path("/run/media"), Path("/mnt")]


def on_missing_volume(root: Path) -> bool:
    """True when `root` lies on a removable drive's mount point that is not there (the stick is out)."""
    if root.exists():
        return False
    ancestor = root.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    return any(ancestor == parent or ancestor.parent == parent for parent in REMOVABLE_MOUNT_PARENTS)


def _prepare_folder(paths: DataPaths) -> None:
    """Create the folder's parts; a folder on a removed drive is not created again elsewhere."""
    root = paths.root
    if on_missing_volume(root):
        raise folder_gone(root)
    try:
        paths.ensure()
    except OSError as exc:
        raise classify(exc, root, paths.database) from exc


def kept_copies(paths: DataPaths) -> list[Path]:
    """Copies of data kept in the folder: damaged files set aside, and backups (plain or encrypted)."""
    found = [p for p in paths.root.glob(f"{paths.database.name}{KEPT_MARK}*")
             if not p.name.endswith(("-wal", "-shm"))]
    if paths.backups.is_dir():
        found += [p for p in paths.backups.iterdir() if p.suffix in (".db", ".7z") and p.is_file()]
    return sorted(found, key=_mtime, reverse=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def refuse_missing_data(paths: DataPaths) -> None:
    """`DataMissingError` when the data file is missing or empty but kept copies lie beside it."""
    database = paths.database
    try:
        empty = not database.exists() or database.stat().st_size == 0
    except OSError:
        return
    wal = database.with_name(database.name + "-wal")
    if not empty or (database.exists() and wal.exists() and wal.stat().st_size > 0):
        return
    found = kept_copies(paths)
    if wal.exists() and wal.stat().st_size > 0:
        found.insert(0, wal)
    if not found:
        return
    state = QT_TRANSLATE_NOOP("Messages", "是空的（0 字节）") if database.exists() else \
        QT_TRANSLATE_NOOP("Messages", "不存在")
    names = "\n".join(f"  {p.relative_to(paths.root)}" for p in found[:8])
    more = Message(QT_TRANSLATE_NOOP("Messages", "\n  ……等共 {count} 个"), count=len(found)) if len(found) > 8 else ""
    raise DataMissingError(Message(QT_TRANSLATE_NOOP(
        "Messages", "数据文件 {name} {state}，但数据文件夹中还保留着以前的数据：\n{names}{more}\n"
                    "程序不会把它当作一个新单位打开，以免以前的数据被遮住。请用其中最新的完好数据恢复"
                    "（启动时程序会提出；命令行用 restore）。\n数据文件夹：{root}"),
        name=database.name, state=state, names=names, more=more, root=paths.root), found)


def clean_leftover_parts(paths: DataPaths) -> list[Path]:
    """Remove temporary files that interrupted writes left in the folder and its backups (the verified
    writer's `.name.PID-xxxx.part`, the migration copy's `name.part`), unless the process that named
    it is still running. Returns what was removed."""
    removed = []
    for folder in (paths.root, paths.backups):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if not path.name.endswith(PART_SUFFIX) or not path.is_file() or _writer_alive(path):
                continue
            try:
                path.unlink()
            except OSError:
                continue
            for side in ("-wal", "-shm", "-journal"):
                path.with_name(path.name + side).unlink(missing_ok=True)
            removed.append(path)
    if removed:
        log.info("已清理 %d 个未写完的临时文件", len(removed))
    return removed


def _writer_alive(path: Path) -> bool:
    """The verified writer puts its process id in the name (services/files.temporary_path)."""
    stem = path.name[: -len(PART_SUFFIX)]
    pid_part = stem.rsplit(".", 1)[-1].split("-", 1)[0]
    if not pid_part.isdigit() or int(pid_part) == os.getpid():
        return False
    try:
        os.kill(int(pid_part), 0)
    except ProcessLookupError:
        return False
    except OSError as exc:
        return exc.errno == errno.EPERM
    return True


def check_file_quickly(paths: DataPaths, stop: Callable[[], bool] | None = None) -> list[str]:
    """`PRAGMA quick_check` of the folder's database on its own connection (any thread); `Cancelled` when
    `stop()` says so before it is done. A server checks its own pages: nothing to do for one."""
    if paths.database_url:
        return []
    try:
        return check_file(paths.database, quick=True, stop=stop)
    except CheckInterrupted:
        raise Cancelled from None


def release_thread_connection() -> None:
    """peewee keeps one connection per thread: a worker thread closes its own before it ends."""
    close_database()


def close_store() -> None:
    working_days.store_opened(False)
    close_database()
    _opened.clear()


def open_folder() -> Path | None:
    """The data folder of the database that is open (None when none is): where the window keeps its
    screen layout (ui/view_state.py)."""
    database = db.obj
    if _opened and database is not None:
        return _opened[0].root
    name = getattr(database, "database", None) if database is not None else None
    return Path(name).parent if name and name != ":memory:" and isinstance(database, SqliteDatabase) else None
