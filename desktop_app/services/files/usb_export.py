"""Writing files to a USB stick (or any folder) so that what looks complete really is (DESIGN.md §6).

One export = one folder. Its files are written inside a hidden working folder `.<name>.part`, each one
by the shared verified writer (services/files/writer.py: temporary name, flush, fsync, rename, read back and
compare SHA-256); then the manifest (校验清单.txt: `sha256  name` lines, readable by `sha256sum -c`) is
written the same way; only then is the working folder renamed to its final name. On any failure (stick
full or pulled out, a mismatch, a cancel) everything this export wrote is removed as far as the stick
still allows, and what cannot be removed stays inside the `.part` folder, without a manifest: nothing is
left that looks complete.

Which drives are removable is the window's business (QStorageInfo); this module takes a folder.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ..progress import Cancelled, Progress
from .writer import (
    DENIED,
    FULL,
    GONE,
    MISMATCH,
    FileWriteError,
    error_kind,
    fsync_dir,
    sha256_of_file,
    write_verified,
)

MANIFEST_NAME = "校验清单.txt"
PART_SUFFIX = ".part"
_FREE_SPACE_MARGIN = 1 << 20
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_MAX_NAME_BYTES = 200

FileContent = bytes | Callable[[], bytes]


class ExportFailed(RuntimeError):
    """The export did not complete; `message` says why in Chinese and that nothing usable was left."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ExportCancelled(ExportFailed, Cancelled):
    def __init__(self, message: str = QT_TRANSLATE_NOOP("Messages", "导出已取消，已写入的文件已删除。")) -> None:
        super().__init__(message)


@dataclass(frozen=True)
class ManifestEntry:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    folder: Path  # the export's final folder
    entries: list[ManifestEntry]
    manifest_name: str
    created_at: datetime
    masked: bool

    @property
    def total_bytes(self) -> int:
        return sum(e.size for e in self.entries)


def safe_file_name(name: str, fallback: str = "文件") -> str:
    """A name every file system of a stick accepts (FAT32, exFAT, NTFS, ext4): no separators or
    reserved characters, no trailing dots or spaces, not hidden, not a DOS device, not too long."""
    text = _UNSAFE.sub("_", name or "").strip().strip(". ").lstrip(".")
    stem, dot, ext = text.rpartition(".")
    if not dot:
        stem, ext = text, ""
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    suffix = f".{ext}" if dot else ""
    while len((stem + suffix).encode("utf-8")) > _MAX_NAME_BYTES and stem:
        stem = stem[:-1]
    return (stem + suffix) or fallback


def export_folder_name(prefix: str, now: datetime | None = None) -> str:
    return safe_file_name(f"{prefix}-{(now or datetime.now()):%Y%m%d-%H%M}")


def verify_export(folder: Path) -> list[str]:
    """Check a finished export against its manifest; the problems found (empty when all is well)."""
    manifest = Path(folder) / MANIFEST_NAME
    if not manifest.exists():
        return [Message(QT_TRANSLATE_NOOP("Messages", "缺少{manifest_name}"), manifest_name=MANIFEST_NAME)]
    problems: list[str] = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, _, name = line.partition("  ")
        path = Path(folder) / name
        if not path.exists():
            problems.append(Message(QT_TRANSLATE_NOOP("Messages", "缺少文件：{name}"), name=name))
        elif sha256_of_file(path) != digest:
            problems.append(Message(QT_TRANSLATE_NOOP("Messages", "文件内容与清单不符：{name}"), name=name))
    return problems


def failure_message(exc: OSError) -> str:
    """What to tell the user about an OSError while writing to the stick."""
    kind = exc.kind if isinstance(exc, FileWriteError) else error_kind(exc.errno)
    if isinstance(exc, FileWriteError) and kind == MISMATCH:
        return Message(QT_TRANSLATE_NOOP("Messages", "文件“{name}”写入后读回校验不一致，U盘可能有故障，导出未完成。"),
                       name=exc.path.name)
    if kind == FULL:
        return QT_TRANSLATE_NOOP("Messages", "U盘空间不足，导出未完成，已写入的文件已删除。请腾出空间或换一个U盘后重新导出。")
    if exc.errno == errno.EROFS:
        return QT_TRANSLATE_NOOP("Messages", "U盘处于只读状态（可能打开了写保护开关），无法写入。请关闭写保护后重新导出。")
    if kind == DENIED:
        return QT_TRANSLATE_NOOP("Messages", "没有写入该位置的权限，导出未完成。请选择其他文件夹或U盘。")
    if kind == GONE:
        return QT_TRANSLATE_NOOP("Messages", "U盘已被拔出或无法写入，导出未完成。请重新插好U盘后再导出一次。")
    return Message(QT_TRANSLATE_NOOP("Messages", "写入U盘失败（{reason}），导出未完成。请检查U盘后重新导出。"),
                   reason=exc.strerror or exc)


def write_files_safely(
    target_dir: Path | str,
    files: Sequence[tuple[str, FileContent]],
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    *,
    folder_prefix: str = "导出",
    title: str = "",
    masked: bool = True,
    now: datetime | None = None,
) -> Manifest:
    """Write `files` (name, bytes or a function making them) into a new folder `<prefix>-YYYYMMDD-HHMM`
    inside `target_dir`, verified and listed in a manifest; `ExportFailed` (nothing left that looks
    complete) on any failure. `progress` may raise (`Cancelled`), or `cancel` return True, to stop
    (ExportCancelled unless progress raised its own exception)."""
    now = now or datetime.now()
    target = Path(target_dir)
    if not target.is_dir():
        raise ExportFailed(QT_TRANSLATE_NOOP("Messages", "导出位置不存在或无法访问（U盘可能已被拔出），请重新选择。"))
    names = [safe_file_name(name) for name, _content in files]
    if len(set(names)) != len(names) or MANIFEST_NAME in names:
        raise ValueError("export file names must be unique")
    _check_free_space(target, files)

    final = _unique_folder(target, export_folder_name(folder_prefix, now))
    work = target / f".{final.name}{PART_SUFFIX}"
    total = len(files) + 1
    entries: list[ManifestEntry] = []
    try:
        try:
            work.mkdir()
            fsync_dir(target)
            for index, ((_name, content), name) in enumerate(zip(files, names, strict=True)):
                _stop_if_cancelled(cancel)
                if progress is not None:
                    progress(index, total, name)
                data = content() if callable(content) else content
                entries.append(_write_verified(work, name, data))
            _stop_if_cancelled(cancel)
            if progress is not None:
                progress(len(files), total, MANIFEST_NAME)
            text = _manifest_text(entries, now, masked, title)
            _write_verified(work, MANIFEST_NAME, text.encode("utf-8"))
            _rename_folder(work, final)
            fsync_dir(target)
            if sha256_of_file(final / MANIFEST_NAME) != hashlib.sha256(text.encode("utf-8")).hexdigest():
                raise ExportFailed(
                    Message(QT_TRANSLATE_NOOP("Messages", "{manifest_name}读回校验不一致，U盘可能有故障，导出未完成。"),
                            manifest_name=MANIFEST_NAME))
        except OSError as exc:
            raise ExportFailed(failure_message(exc)) from exc
    except BaseException:
        _remove_quietly(work)
        _remove_quietly(final)
        raise
    if progress is not None:
        progress(total, total, "")
    return Manifest(folder=final, entries=entries, manifest_name=MANIFEST_NAME, created_at=now, masked=masked)


def _stop_if_cancelled(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise ExportCancelled()


def _check_free_space(target: Path, files: Sequence[tuple[str, FileContent]]) -> None:
    needed = _FREE_SPACE_MARGIN
    for _name, content in files:
        if callable(content):
            return  # sizes unknown until made; a full stick is caught while writing
        needed += len(content)
    try:
        free = shutil.disk_usage(target).free
    except OSError:
        return
    if free < needed:
        raise ExportFailed(
            Message(QT_TRANSLATE_NOOP("Messages", "U盘空间不足：需要约{needed}，剩余{free}。请腾出空间或换一个U盘。"),
                    needed=_megabytes(needed), free=_megabytes(free)))


def _megabytes(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB"


def _unique_folder(target: Path, name: str) -> Path:
    candidate, n = target / name, 1
    while candidate.exists() or (target / f".{candidate.name}{PART_SUFFIX}").exists():
        n += 1
        candidate = target / f"{name}-{n}"
    return candidate


def _write_verified(folder: Path, name: str, data: bytes) -> ManifestEntry:
    written = write_verified(folder / name, data)
    return ManifestEntry(name=name, size=written.size, sha256=written.sha256)


def _rename_folder(source: Path, destination: Path) -> None:
    # An indexer or virus scanner may hold a just-written file for a moment on Windows.
    for attempt in range(5):
        try:
            os.replace(source, destination)
            return
        except PermissionError:
            if attempt == 4:
                raise
            time.sleep(0.2 * (attempt + 1))


def _manifest_text(entries: list[ManifestEntry], now: datetime, masked: bool, title: str) -> str:
    lines = [
        f"# {title or '导出文件'} 校验清单",
        f"# 导出时间：{now:%Y-%m-%d %H:%M:%S}",
        f"# 文件数：{len(entries)}",
        f"# 个人信息：{'已脱敏' if masked else '完整（经管理员确认）'}",
        "# 每行为文件的 SHA-256 值和文件名；可用 sha256sum -c 校验",
    ]
    lines += [f"{e.sha256}  {e.name}" for e in entries]
    return "\n".join(lines) + "\n"


def _remove_quietly(folder: Path) -> None:
    """Best effort: a stick that was pulled out cannot be cleaned; what stays is in the .part folder."""
    if not folder.exists():
        return
    for child in list(folder.iterdir()) if folder.is_dir() else []:
        with contextlib.suppress(OSError):
            child.unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()
