"""Encrypted backups for carrying off the PC: a 7-Zip `.7z` archive holding `yijing.db`, AES-256 with
encrypted headers (no file name or size readable without the password), which the office's own 7-Zip
opens: `7z x -pPASSWORD 备份.7z` gives back the plain database.

Written with py7zr. The archive is checked after writing by decrypting it again and comparing every
CRC (`testzip`), so a stick that returns wrong bytes is found before the user relies on the copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import py7zr
from py7zr.exceptions import Bad7zFile, PasswordRequired, UnsupportedCompressionMethodError

from ...domain.i18n import QT_TRANSLATE_NOOP, Message

ARCHIVE_SUFFIX = ".7z"
MEMBER_NAME = "yijing.db"
# Deflate: the county database (41 MB) shrinks to 15 MB in about 3 s, decrypted and checked again in under
# 1 s; LZMA2 gives 12 MB but takes four times as long even at its fastest preset (docs/performance.md).
# 7-Zip reads Deflate inside .7z archives like its own LZMA.
FILTERS = [{"id": py7zr.FILTER_DEFLATE}, {"id": py7zr.FILTER_CRYPTO_AES256_SHA256}]


class ArchiveError(RuntimeError):
    """The archive could not be read: wrong password, damaged, or not one of ours; `message` is Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def is_archive(path: Path) -> bool:
    return path.suffix.lower() == ARCHIVE_SUFFIX


def write_archive(database_file: Path, target: Path, password: str) -> None:
    """Write `database_file` into the new archive `target` (a temporary name; the caller renames it)."""
    with py7zr.SevenZipFile(target, "w", password=password, header_encryption=True, filters=FILTERS) as archive:
        archive.write(database_file, MEMBER_NAME)


def check_archive(path: Path, password: str) -> None:
    """Decrypt the archive and compare its CRCs; `ArchiveError` when it does not read back."""
    try:
        with py7zr.SevenZipFile(path, "r", password=password) as archive:
            if archive.getnames() != [MEMBER_NAME]:
                raise _not_ours(path)
            bad = archive.testzip()
    except ArchiveError:
        raise
    except (Bad7zFile, PasswordRequired, UnsupportedCompressionMethodError, ValueError, EOFError, OSError,
            KeyError, TypeError) as exc:
        raise _unreadable(path, exc) from exc
    except Exception as exc:  # noqa: BLE001 - py7zr's decoders raise lzma/crypto errors of their own
        raise _unreadable(path, exc) from exc
    if bad is not None:
        raise ArchiveError(Message(QT_TRANSLATE_NOOP(
            "Messages", "“{path_name}”读回校验不一致，存储设备可能有故障，请换一个位置重新备份"), path_name=path.name))


def extract_database(path: Path, dest: Path, password: str) -> None:
    """The plain database of the archive at `dest` (a new file); `ArchiveError` when it cannot be had."""
    folder = dest.with_name(dest.name + ".unpack")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        with py7zr.SevenZipFile(path, "r", password=password) as archive:
            names = archive.getnames()
            if names != [MEMBER_NAME]:
                raise _not_ours(path)
            archive.extractall(path=folder)
        (folder / MEMBER_NAME).replace(dest)
    except ArchiveError:
        raise
    except OSError as exc:
        if exc.errno is not None:
            raise
        raise _unreadable(path, exc) from exc
    except Exception as exc:  # noqa: BLE001 - wrong passwords surface as lzma/crypto errors of py7zr's
        raise _unreadable(path, exc) from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _not_ours(path: Path) -> ArchiveError:
    return ArchiveError(Message(QT_TRANSLATE_NOOP("Messages", "“{path_name}”不是本程序的加密备份"), path_name=path.name))


def _unreadable(path: Path, exc: BaseException) -> ArchiveError:
    if isinstance(exc, PasswordRequired):
        return ArchiveError(
            Message(QT_TRANSLATE_NOOP("Messages", "“{path_name}”是加密备份，请输入备份密码"), path_name=path.name))
    return ArchiveError(
        Message(QT_TRANSLATE_NOOP("Messages", "无法打开加密备份“{path_name}”：密码不对，或文件已损坏"), path_name=path.name))
