"""The one way a file the user asked for is written (DESIGN.md §6): PDFs, workbooks, reports, backups and
the files of a USB export.

temporary name in the target folder → write → flush → fsync → rename → fsync the folder → read back and
compare SHA-256 with what was meant. A failure removes the temporary file and leaves nothing new under the
final name (a file that was there before stays untouched unless the rename already replaced it), and
raises `FileWriteError`, whose Chinese message tells a full disk, a vanished folder or removed drive, and
a place the program may not write to apart.

`write_verified` writes bytes; `writing_to` hands out the temporary path to a writer that makes the file
itself (SQLite's online backup API) and finishes the same way.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ...domain.i18n import QT_TRANSLATE_NOOP, Message

_CHUNK = 1 << 20
TEMP_SUFFIX = ".part"
_TEMP_STEM_CHARS = 60

FULL = "full"
GONE = "gone"
DENIED = "denied"
MISMATCH = "mismatch"
OTHER = "other"

_KINDS = {
    **dict.fromkeys((errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)), FULL),
    **dict.fromkeys((errno.EIO, errno.ENOENT, errno.ENODEV, errno.ENXIO, getattr(errno, "ESTALE", errno.EIO)),
                    GONE),
    **dict.fromkeys((errno.EACCES, errno.EPERM, errno.EROFS), DENIED),
}


def error_kind(code: int | None) -> str:
    """FULL, GONE, DENIED or OTHER for an errno."""
    return _KINDS.get(code, OTHER) if code is not None else OTHER


class FileWriteError(OSError):
    """A file was not written. `message` (also `str()`) says why in Chinese; `kind` is FULL, GONE, DENIED,
    MISMATCH or OTHER; `path` is the file that was meant."""

    def __init__(self, path: Path | str, kind: str, code: int | None = None, detail: str = "") -> None:
        self.path = Path(path)
        self.kind = kind
        self.message = _message(self.path.name, kind, detail)
        if code is None:
            super().__init__(self.message)
        else:
            super().__init__(code, self.message)
        self.filename = str(self.path)

    def __str__(self) -> str:
        return self.message


def _message(name: str, kind: str, detail: str) -> str:
    if kind == FULL:
        return Message(QT_TRANSLATE_NOOP("Messages", "“{name}”没有保存：磁盘或U盘的空间已满。请腾出空间或换一个位置后重新保存。"),
                       name=name)
    if kind == GONE:
        return Message(QT_TRANSLATE_NOOP("Messages", "“{name}”没有保存：保存位置的文件夹已不存在，或U盘已被拔出。"
                                                     "请重新选择保存位置。"), name=name)
    if kind == DENIED:
        return Message(QT_TRANSLATE_NOOP("Messages", "“{name}”没有保存：没有写入该位置的权限（也可能是U盘打开了写保护，"
                                                     "或同名文件正在Excel/WPS 中打开）。请关闭该文件或换一个位置后重新保存。"),
                       name=name)
    if kind == MISMATCH:
        return Message(QT_TRANSLATE_NOOP("Messages", "“{name}”没有保存：写入后读回的内容与原内容不一致，存储设备可能有故障。"
                                                     "请换一个位置后重新保存。"), name=name)
    return Message(QT_TRANSLATE_NOOP("Messages", "“{name}”没有保存（{detail}）。请检查保存位置后重新保存。"), name=name,
                   detail=detail or QT_TRANSLATE_NOOP("Messages", "写入失败"))


def error_for(exc: OSError, path: Path | str) -> FileWriteError:
    """The `FileWriteError` for an OSError met while writing `path`."""
    if isinstance(exc, FileWriteError):
        return exc
    return FileWriteError(path, error_kind(exc.errno), exc.errno, exc.strerror or str(exc))


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    size: int
    sha256: str


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_verified(path: Path | str, data: bytes) -> WrittenFile:
    """Write `data` to `path` and make sure it is really there; `FileWriteError` otherwise."""
    path = Path(path)
    expected = hashlib.sha256(data).hexdigest()
    with writing_to(path, expected) as temp, _open_new(temp) as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
        drop_cache(handle.fileno())
    return WrittenFile(path, len(data), expected)


@contextlib.contextmanager
def writing_to(path: Path | str, expected_sha256: str | None = None) -> Iterator[Path]:
    """`with writing_to(final) as temp:` write `temp` by any means (it does not exist yet); on leaving the
    block the file is fsynced, renamed to `final`, the folder fsynced, and the file read back and compared
    with `expected_sha256` (or, when not given, with what `temp` held). Any exception in the block or in
    these steps removes the temporary file; OSErrors come out as `FileWriteError`."""
    path = Path(path)
    temp = temporary_path(path)
    renamed = False
    try:
        yield temp
        if expected_sha256 is None:
            expected_sha256 = sha256_of_file(temp)  # still from the page cache: what the writer wrote
            fsync_file(temp)
        os.replace(temp, path)
        renamed = True
        fsync_dir(path.parent)
        if sha256_of_file(path) != expected_sha256:
            raise FileWriteError(path, MISMATCH)
    except BaseException as exc:
        remove_quietly(temp)
        if renamed:
            remove_quietly(path)
        if isinstance(exc, OSError):
            raise error_for(exc, path) from exc
        raise


def temporary_path(path: Path) -> Path:
    """A name in the same folder that no other file has: hidden, ending in `.part`."""
    stem = path.name[:_TEMP_STEM_CHARS]
    return path.with_name(f".{stem}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")


def _open_new(temp: Path):
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.fdopen(os.open(temp, flags, 0o644), "wb")


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
        drop_cache(handle.fileno())


def drop_cache(fd: int) -> None:
    """Ask the kernel to forget the written pages, so the read-back comes from the disk or stick itself."""
    if hasattr(os, "posix_fadvise"):
        with contextlib.suppress(OSError):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; directories cannot be opened for fsync on Windows (nothing to do there)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def remove_quietly(path: Path) -> None:
    """Best effort: a drive that was pulled out cannot be cleaned."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
