"""Which mounted volumes look like a USB stick or a removable drive (QStorageInfo), for the dialogs that
write to one: 导出到U盘 and 备份到U盘. A folder picker is always offered beside the list."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QStorageInfo

LINUX_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/")


@dataclass(frozen=True)
class Drive:
    name: str
    root: Path
    free_bytes: int

    def label(self) -> str:
        return QCoreApplication.translate("RemovableDrives", "{0}（{1}）  可用 {2}").format(
            self.name, self.root, _size(self.free_bytes))


def _size(n: int) -> str:
    if n >= 1 << 30:
        return f"{n / (1 << 30):.1f} GB"
    return f"{n / (1 << 20):.0f} MB"


def looks_removable(root: str, ready: bool, read_only: bool, platform: str = sys.platform,
                    system_root: str = "") -> bool:
    """The heuristic: on Linux a volume mounted under /media or /run/media (also /mnt); on Windows a
    drive other than the system drive that is ready and writable."""
    if not ready or read_only:
        return False
    if platform.startswith("win"):
        system = (system_root or os.environ.get("SYSTEMDRIVE", "C:")).rstrip("\\/").upper()
        return not root.upper().startswith(system)
    path = root.rstrip("/") + "/"
    return any(path.startswith(prefix) and path != prefix for prefix in LINUX_REMOVABLE_ROOTS)


def removable_drives(volumes: list[QStorageInfo] | None = None) -> list[Drive]:
    drives = []
    for volume in QStorageInfo.mountedVolumes() if volumes is None else volumes:
        root = QDir.toNativeSeparators(volume.rootPath())
        if looks_removable(root, volume.isReady(), volume.isReadOnly()):
            name = volume.displayName() or Path(root).name or root
            drives.append(Drive(name, Path(root), volume.bytesAvailable()))
    return drives
