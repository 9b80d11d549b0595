"""One running copy per data folder: the window holds `yijing.lock` (QLockFile) while it is open, and every
command that writes takes the same lock for as long as it runs, so the two never change one folder at once.

QLockFile (not QSharedMemory) because a lock of a crashed process is recognised as stale and taken over.
This module needs only QtCore, so the command line can use it without a display.
"""

from __future__ import annotations

from PySide6.QtCore import QLockFile

from .config import DataPaths

WAIT_MS = 200


def acquire_lock(paths: DataPaths) -> QLockFile | None:
    """The folder's lock, held, or None when another copy (the window or a command) holds it."""
    paths.lock_file.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(WAIT_MS) else None


def held_elsewhere(paths: DataPaths) -> bool:
    """True while another copy holds the folder's lock (a quick look: the lock is released at once)."""
    if not paths.lock_file.exists():
        return False
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return True


CLI_LOCKED_MESSAGE = ("本程序的窗口（或另一个命令）正在使用这个数据文件夹：{0}\n"
                      "为免两处同时修改数据，此命令没有执行。请关闭窗口后再运行；"
                      "备份和恢复也可以在窗口中用“文件 → 备份 / 恢复”完成。")
