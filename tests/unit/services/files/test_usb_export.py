"""Safe writing to a "stick" (a temporary folder): verified files, a manifest, and nothing that looks
complete after a failure half-way."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.services.files import usb_export, writer
from desktop_app.services.files.usb_export import (
    MANIFEST_NAME,
    ExportCancelled,
    ExportFailed,
    safe_file_name,
    verify_export,
    write_files_safely,
)

NOW = datetime(2024, 11, 5, 15, 30)
FILES = [(f"（2024）夏派调字第00{i}号.pdf", f"%PDF-内容{i}".encode() * 1000) for i in range(1, 6)]


def all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_writes_files_and_a_manifest_that_matches(tmp_path):
    seen = []
    manifest = write_files_safely(tmp_path, FILES, progress=lambda d, t, n: seen.append((d, t, n)),
                                  folder_prefix="纠纷案件导出", title="纠纷案件", masked=True, now=NOW)
    assert manifest.folder == tmp_path / "纠纷案件导出-20241105-1530"
    assert sorted(p.name for p in manifest.folder.iterdir()) == sorted([n for n, _ in FILES] + [MANIFEST_NAME])
    lines = (manifest.folder / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    listed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in lines if not line.startswith("#")}
    for name, data in FILES:
        on_disk = (manifest.folder / name).read_bytes()
        assert on_disk == data
        assert listed[name] == hashlib.sha256(on_disk).hexdigest()
    assert "# 文件数：5" in lines and "# 个人信息：已脱敏" in lines
    assert verify_export(manifest.folder) == []
    assert seen[0] == (0, 6, FILES[0][0]) and seen[-1] == (6, 6, "")
    assert [p.name for p in tmp_path.iterdir()] == [manifest.folder.name]  # no working folder left
    assert manifest.total_bytes == sum(len(d) for _, d in FILES)


def test_manifest_is_accepted_by_sha256sum(tmp_path):
    manifest = write_files_safely(tmp_path, FILES[:2], now=NOW)
    try:
        result = subprocess.run(["sha256sum", "-c", MANIFEST_NAME], cwd=manifest.folder, capture_output=True,
                                text=True)
    except FileNotFoundError:
        pytest.skip("sha256sum not installed")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": OK") == 2


def test_second_export_in_the_same_minute_gets_its_own_folder(tmp_path):
    first = write_files_safely(tmp_path, FILES[:1], now=NOW, folder_prefix="导出")
    second = write_files_safely(tmp_path, FILES[:1], now=NOW, folder_prefix="导出")
    assert first.folder != second.folder and second.folder.name == "导出-20241105-1530-2"


def test_lazy_contents_are_made_while_writing(tmp_path):
    made = []

    def make(i):
        def build():
            made.append(i)
            return b"x" * i
        return build

    manifest = write_files_safely(tmp_path, [(f"{i}.bin", make(i)) for i in (1, 2, 3)], now=NOW)
    assert made == [1, 2, 3] and [e.size for e in manifest.entries] == [1, 2, 3]


def _fail_on_third_file(monkeypatch, code: int) -> None:
    real_fsync = os.fsync
    calls = {"n": 0}

    def flaky_fsync(fd):
        # file fsyncs only (directories are opened read-only): fail on the third file's
        if os.fstat(fd).st_mode & 0o170000 == 0o100000:
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError(code, os.strerror(code))
        return real_fsync(fd)

    monkeypatch.setattr(usb_export.os, "fsync", flaky_fsync)


def test_stick_full_half_way_leaves_nothing_that_looks_complete(tmp_path, monkeypatch):
    _fail_on_third_file(monkeypatch, errno.ENOSPC)
    with pytest.raises(ExportFailed) as info:
        write_files_safely(tmp_path, FILES, folder_prefix="纠纷案件导出", now=NOW)
    assert info.value.message.startswith("U盘空间不足")
    assert all_files(tmp_path) == []
    assert list(tmp_path.iterdir()) == []


def test_stick_pulled_half_way(tmp_path, monkeypatch):
    _fail_on_third_file(monkeypatch, errno.EIO)
    with pytest.raises(ExportFailed, match="U盘已被拔出或无法写入"):
        write_files_safely(tmp_path, FILES, now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_write_error_on_a_file_object(tmp_path, monkeypatch):
    real_fdopen = os.fdopen
    opened = {"n": 0}

    class FullStick:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.handle, name)

    def fdopen(fd, *args, **kwargs):
        opened["n"] += 1
        handle = real_fdopen(fd, *args, **kwargs)
        return FullStick(handle) if opened["n"] == 3 else handle

    monkeypatch.setattr(usb_export.os, "fdopen", fdopen)
    with pytest.raises(ExportFailed, match="U盘空间不足"):
        write_files_safely(tmp_path, FILES, now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_when_cleanup_is_impossible_only_the_part_folder_remains(tmp_path, monkeypatch):
    """A stick pulled out cannot be cleaned: what stays has no manifest and sits in a .part folder."""
    _fail_on_third_file(monkeypatch, errno.EIO)
    monkeypatch.setattr(usb_export, "_remove_quietly", lambda folder: None)
    with pytest.raises(ExportFailed):
        write_files_safely(tmp_path, FILES, folder_prefix="导出", now=NOW)
    (left,) = tmp_path.iterdir()
    assert left.name.startswith(".") and left.name.endswith(".part")
    assert not (left / MANIFEST_NAME).exists()
    assert not any(p.name == MANIFEST_NAME for p in all_files(tmp_path))


def test_read_back_mismatch_fails(tmp_path, monkeypatch):
    real = writer.sha256_of_file
    monkeypatch.setattr(writer, "sha256_of_file",
                        lambda path: "0" * 64 if path.name == FILES[1][0] else real(path))
    with pytest.raises(ExportFailed, match="读回校验不一致"):
        write_files_safely(tmp_path, FILES, now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_cancel_by_progress_raising_or_by_cancel(tmp_path):
    class Stop(Exception):
        pass

    def progress(done, total, name):
        if done == 2:
            raise Stop

    with pytest.raises(Stop):
        write_files_safely(tmp_path, FILES, progress=progress, now=NOW)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ExportCancelled, match="已取消"):
        write_files_safely(tmp_path, FILES, cancel=iter([False, False, True]).__next__, now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_missing_target_and_too_little_space(tmp_path, monkeypatch):
    with pytest.raises(ExportFailed, match="拔出"):
        write_files_safely(tmp_path / "gone", FILES, now=NOW)
    monkeypatch.setattr(usb_export.shutil, "disk_usage", lambda p: type("U", (), {"free": 1000})())
    with pytest.raises(ExportFailed, match="U盘空间不足：需要约"):
        write_files_safely(tmp_path, FILES, now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_verify_export_notices_a_changed_file(tmp_path):
    manifest = write_files_safely(tmp_path, FILES[:2], now=NOW)
    (manifest.folder / FILES[0][0]).write_bytes(b"changed")
    assert verify_export(manifest.folder) == [f"文件内容与清单不符：{FILES[0][0]}"]


@pytest.mark.parametrize(("name", "safe"), [
    ("（2024）夏派调字第012号.pdf", "（2024）夏派调字第012号.pdf"),
    ('a/b\\c:d*e?"f<g>h|.pdf', "a_b_c_d_e__f_g_h_.pdf"),
    ("CON.txt", "_CON.txt"),
    ("..hidden. ", "hidden"),
    ("", "文件"),
])
def test_safe_file_name(name, safe):
    assert safe_file_name(name) == safe


def test_failure_messages_are_chinese():
    assert "写保护" in usb_export.failure_message(OSError(errno.EROFS, "Read-only file system"))
    assert "权限" in usb_export.failure_message(OSError(errno.EACCES, "Permission denied"))
    assert "导出未完成" in usb_export.failure_message(OSError(errno.EBUSY, "busy"))
