"""Why a data folder could not be opened, told apart: each kind its own plain Chinese message and exit code.

A full disk, a folder the account may not write, a folder on a drive that was removed, a file held by
another copy, a damaged file and a file from a newer program each call for something different from the
user, and only a damaged file for a restore. `classify` turns what SQLite or the OS raised into one of
them; nothing here touches a file.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from ...domain.i18n import QT_TRANSLATE_NOOP, Message

# SQLite's primary result codes
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_AUTH, _SQLITE_NOTADB = 23, 26
LOW_SPACE_BYTES = 8 << 20  # below this much free space an I/O error at opening is a full disk


class StoreError(RuntimeError):
    """The data folder could not be opened; `message` says why and what to do; `exit_code` for the CLI.
    Nothing was changed in the folder."""

    exit_code = 19

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DamagedDatabaseError(StoreError):
    """The file is damaged (`quick_check` failed, or SQLite says it is not a database): restore a backup."""

    exit_code = 10


class NewerDatabaseError(StoreError):
    exit_code = 11


class DiskFullError(StoreError):
    exit_code = 12


class NoPermissionError(StoreError):
    exit_code = 13


class FolderGoneError(StoreError):
    exit_code = 14


class DatabaseLockedError(StoreError):
    exit_code = 15


class DataMissingError(StoreError):
    """The data file is missing or empty, but kept copies of data lie beside it: the folder is not opened
    as a new office. `found` lists what was found, newest first."""

    exit_code = 16

    def __init__(self, message: str, found: Sequence[Path]) -> None:
        super().__init__(message)
        self.found = list(found)


class ServerUnreachableError(StoreError):
    """The PostgreSQL server cannot be reached (network, server down, wrong address or database)."""

    exit_code = 17


class ServerPasswordError(StoreError):
    """The server wants a password for the role, and none (or a wrong one) was given."""

    exit_code = 18


def server_unreachable(where: str, detail: str) -> ServerUnreachableError:
    return ServerUnreachableError(Message(QT_TRANSLATE_NOOP(
        "Messages", "无法连接数据库服务器 {where}：{detail}\n请检查网络和服务器地址，或请技术人员确认服务器已启动；"
                    "数据没有改动。"), where=where, detail=detail))


def server_password(where: str) -> ServerPasswordError:
    return ServerPasswordError(Message(QT_TRANSLATE_NOOP(
        "Messages", "数据库服务器 {where} 需要密码，或密码不对。请输入数据库账号的密码（命令行可设置环境变量 "
                    "PGPASSWORD，或使用 pgpass 文件）。"), where=where))


def damaged(root: Path, detail: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        Message(QT_TRANSLATE_NOOP("Messages", "数据文件已损坏：{detail}\n数据文件夹：{root}"), detail=detail, root=root))


def newer(root: Path, version: int, latest: int) -> NewerDatabaseError:
    return NewerDatabaseError(Message(QT_TRANSLATE_NOOP(
        "Messages", "数据文件由更新版本的程序写入（数据结构第{version}版，本程序只认识到第{latest}版）。"
                    "请安装新版本的程序后再打开；数据没有改动。\n数据文件夹：{root}"),
        version=version, latest=latest, root=root))


def disk_full(root: Path) -> DiskFullError:
    return DiskFullError(Message(QT_TRANSLATE_NOOP(
        "Messages", "数据文件夹所在的磁盘已满（剩余 {free}），程序无法打开数据。数据没有损坏，也没有改动。\n"
                    "请删除不需要的文件或清空回收站，腾出至少 100 MB 空间后再打开本程序。\n数据文件夹：{root}"),
        free=_free_text(root), root=root))


def no_permission(root: Path) -> NoPermissionError:
    return NoPermissionError(Message(QT_TRANSLATE_NOOP(
        "Messages", "没有读写数据文件夹的权限，程序无法打开数据；数据没有改动。\n"
                    "请用平时使用本程序的系统账号登录，或请技术人员检查该文件夹的权限（也可能是U盘打开了写保护）。\n"
                    "数据文件夹：{root}"), root=root))


def folder_gone(root: Path) -> FolderGoneError:
    return FolderGoneError(Message(QT_TRANSLATE_NOOP(
        "Messages", "找不到数据文件夹，或它所在的U盘、移动硬盘已被拔出（也可能是磁盘读写出错）。\n"
                    "请插回存放数据的U盘或移动硬盘后再打开本程序。\n数据文件夹：{root}"), root=root))


def locked(root: Path) -> DatabaseLockedError:
    return DatabaseLockedError(Message(QT_TRANSLATE_NOOP(
        "Messages", "数据文件正被另一个程序使用（本程序的另一个窗口，或正在运行的命令行任务）。\n"
                    "请关闭它后再试；数据没有改动。\n数据文件夹：{root}"), root=root))


def _free_bytes(root: Path) -> int | None:
    for folder in (root, *root.parents):
        if folder.exists():
            try:
                return shutil.disk_usage(folder).free
            except OSError:
                return None
    return None


def _free_text(root: Path) -> str:
    free = _free_bytes(root)
    if free is None:
        return QT_TRANSLATE_NOOP("Messages", "未知")
    return f"{free / (1 << 20):.1f} MB" if free >= 1 << 20 else f"{free // 1024} KB"


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind `exc` (peewee wraps sqlite3's error in its own)."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(current, sqlite3.Error) and isinstance(code, int):
            return code & 0xFF
        pending.extend(arg for arg in current.args if isinstance(arg, BaseException))
        pending.extend(e for e in (getattr(current, "orig", None), current.__cause__, current.__context__)
                       if isinstance(e, BaseException))
    return None


def _os_errno(exc: BaseException) -> int | None:
    current: BaseException | None = exc
    while current is not None:
        if isinstance(current, OSError) and current.errno is not None:
            return current.errno
        current = current.__cause__ or current.__context__
    return None


def classify(exc: BaseException, root: Path, database: Path) -> StoreError:
    """The StoreError for what opening `database` in `root` raised."""
    if isinstance(exc, StoreError):
        return exc
    code, number = sqlite_code(exc), _os_errno(exc)
    free = _free_bytes(root)
    low_space = free is not None and free < LOW_SPACE_BYTES
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return damaged(root, QT_TRANSLATE_NOOP("Messages", "文件内容不是完好的数据库"))
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return locked(root)
    if code == _SQLITE_FULL or number in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return disk_full(root)
    if code in (_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_AUTH) or number in (errno.EACCES, errno.EPERM,
                                                                          errno.EROFS):
        return no_permission(root)
    if not root.is_dir():
        return folder_gone(root)
    if code == _SQLITE_CANTOPEN:
        writable = os.access(root, os.W_OK) and (not database.exists() or os.access(database, os.R_OK | os.W_OK))
        return folder_gone(root) if writable and not low_space else (
            disk_full(root) if low_space else no_permission(root))
    if code == _SQLITE_IOERR or number in (errno.EIO, errno.ENOENT, errno.ENODEV, errno.ENXIO):
        return disk_full(root) if low_space else folder_gone(root)
    return StoreError(Message(QT_TRANSLATE_NOOP(
        "Messages", "数据文件无法打开（{exc}）。数据没有改动；请联系技术人员。\n数据文件夹：{root}"),
        exc=str(exc), root=root))
