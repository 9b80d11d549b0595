"""Before Qt starts on Linux/X11: are the xcb libraries there? Qt's own failure message is cryptic."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# library file → Debian/Ubuntu/UOS/Kylin package that provides it
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
}


def _loadable(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return False
    requested = env.get("QT_QPA_PLATFORM", "")
    if requested:
        return requested.startswith("xcb")
    return not env.get("WAYLAND_DISPLAY")


def missing_packages(loadable: Callable[[str], bool] = _loadable) -> list[str]:
    return [package for library, package in XCB_LIBRARIES.items() if not loadable(library)]


def display_problem(
    platform: str = sys.platform,
    environ: Mapping[str, str] | None = None,
    loadable: Callable[[str], bool] = _loadable,
) -> str | None:
    """A message in Chinese and English when the window cannot open, else None."""
    env = os.environ if environ is None else environ
    if not uses_xcb(platform, env):
        return None
    if not env.get("DISPLAY"):
        return (
            "无法打开窗口：没有图形显示（未设置 DISPLAY）。请在桌面环境中启动本程序。\n"
            "Cannot open the window: there is no display (DISPLAY is not set). "
            "Start the program from a desktop session."
        )
    missing = missing_packages(loadable)
    if not missing:
        return None
    command = "sudo apt-get install " + " ".join(missing)
    return (
        "无法打开窗口：系统缺少 Qt 图形界面所需的库。请运行以下命令安装后再启动：\n"
        f"    {command}\n"
        "Cannot open the window: the system lacks libraries that Qt's X11 (xcb) plugin needs. "
        "Install them with:\n"
        f"    {command}"
    )
