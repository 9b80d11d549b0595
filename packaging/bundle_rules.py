"""What goes into the PyInstaller bundle and what is left out, shared by packaging/yijing.spec on Linux
and Windows; also the version (from pyproject.toml) and the build stamp the About box shows.

The program uses QtCore, QtGui, QtWidgets, QtCharts (the 首页's trends), QtPdf (+ QtPdfWidgets) and
QtPrintSupport, and of py7zr's codecs Deflate with AES-256 (its encrypted backups; 7-Zip's own methods
LZMA, PPMd, BCJ, Deflate64 stay readable). PySide6's hooks also pull in what some plugins link: the
virtual-keyboard input method brings Qt Quick and Qml, the Wayland and EGLFS platforms their own
libraries, and Qt ships every translation. None of that is needed on an X11 office desktop or on Windows,
so it is dropped here; `--self-test` of the bundle proves the rest is enough.
"""

from __future__ import annotations

import fnmatch
import gzip
import json
import lzma
import re
import shutil
import tomllib
from datetime import UTC, datetime
from pathlib import Path

EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "unittest", "pydoc_data", "lib2to3", "xmlrpc", "ensurepip", "idlelib",
    "readline", "_codecs_kr", "_codecs_tw", "_codecs_hk", "_codecs_iso2022",
    "PIL.ImageQt", "PIL.ImageTk", "PIL._avif", "PIL._webp", "PIL._imagingtk", "PIL._imagingcms",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtSvg", "PySide6.QtSvgWidgets", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "PySide6.Qt3DCore", "PySide6.QtMultimedia",
    "PySide6.QtDBus", "PySide6.QtNetwork",
    # py7zr's Brotli and Zstandard codecs: methods only 7-Zip's forks write, never used by the program.
    # py7zr imports brotli only if it is there; backports.zstd gets a stand-in (rthooks/zstd_left_out.py).
    "brotli", "_brotli", "backports.zstd",
    # pycryptodomex beyond AES in CBC mode (7z's AES-256): py7zr imports Cryptodome.Cipher.AES and
    # Cryptodome.Random; the other modes are imported only when asked for
    "Cryptodome.Hash", "Cryptodome.Protocol", "Cryptodome.PublicKey", "Cryptodome.Math", "Cryptodome.Signature",
    "Cryptodome.IO", "Cryptodome.SelfTest", "Cryptodome.Util.number", "Cryptodome.Util.strxor",
    *(f"Cryptodome.Cipher._mode_{mode}" for mode in ("ccm", "cfb", "ctr", "eax", "ecb", "gcm", "kw", "kwp", "ocb",
                                                    "ofb", "openpgp", "siv")),
    # multiprocessing comes with py7zr's `from multiprocessing import Process` (used only with mp=True, which
    # the program never asks for); its managers, pools and shared memory are imported only when used
    "multiprocessing.managers", "multiprocessing.pool", "multiprocessing.dummy", "multiprocessing.shared_memory",
    "multiprocessing.sharedctypes", "multiprocessing.heap",
]
RUNTIME_HOOKS = ["rthooks/zstd_left_out.py"]  # relative to packaging/

# Destination paths (forward slashes) inside the bundle that are dropped.
DROPPED = [
    # Qt Quick, Qml and the virtual keyboard, pulled in by the virtual-keyboard input-method plugin
    "*/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "*/qt6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll",
    "*Qt6Quick*", "*Qt6Qml*", "*Qt6VirtualKeyboard*", "*Qt6QuickControls*", "*Qt6QuickTemplates*",
    "*Qt6QmlModels*", "*Qt6QmlWorkerScript*", "*Qt6QmlMeta*",
    # Wayland, EGLFS, VNC, linuxfb: the office PCs run X11 (Linux) or Windows
    "*/plugins/platforms/libqwayland*", "*/plugins/platforms/libqeglfs*", "*/plugins/platforms/libqvnc*",
    "*/plugins/platforms/libqlinuxfb*", "*/plugins/platforms/libqvkkhrdisplay*", "*/plugins/platforms/libqminimalegl*",
    "*/plugins/wayland-*", "*/plugins/egldeviceintegrations/*", "*Qt6Wayland*", "*Qt6EglFS*",
    "*libwayland-*",
    # GTK theme and portal plugins link GTK and D-Bus of the build machine; Qt's own style is used
    "*/plugins/platformthemes/*",
    # image formats and icon engines the program never reads (PNG is built into QtGui)
    "*/plugins/imageformats/*qsvg*", "*/plugins/imageformats/*qtiff*", "*/plugins/imageformats/*qwebp*",
    "*/plugins/imageformats/*qicns*", "*/plugins/imageformats/*qtga*", "*/plugins/imageformats/*qwbmp*",
    "*/plugins/imageformats/*qpdf*", "*/plugins/iconengines/*", "*Qt6Svg*",
    "*/plugins/tls/*", "*/plugins/networkinformation/*", "*/plugins/generic/*", "*/plugins/sqldrivers/*",
    # (Qt6OpenGL and Qt6OpenGLWidgets stay: Qt6Charts links them)
    "*Qt6ChartsQml*",
    # python-stdnum's tables for other countries (only stdnum.cn.ric and its cn/loc.dat are used)
    "*/stdnum/oui.dat", "*/stdnum/imsi.dat", "*/stdnum/iban.dat", "*/stdnum/cfi.dat", "*/stdnum/gs1_ai.dat",
    "*/stdnum/isbn.dat", "*/stdnum/isil.dat", "*/stdnum/nz/banks.dat", "*/stdnum/at/postleitzahl.dat",
    "*/stdnum/be/banks.dat", "*/stdnum/cz/banks.dat", "*/stdnum/eu/nace.dat", "*/stdnum/my/bp.dat",
    # the translators' catalogue: the program loads only the compiled .qm beside it
    "*/resources/translations/*.ts",
]
# pycryptodomex loads its C parts with ctypes, not as Python extensions, so its PyInstaller hook collects all
# 42 of them as plain libraries (nothing links them: pruning would drop every one). py7zr's AES-256 in CBC
# mode loads these four; they are kept and pruned from as roots, the others are left out.
CRYPTODOME_NATIVE_KEPT = {"Cryptodome/Cipher/_raw_aes", "Cryptodome/Cipher/_raw_aesni", "Cryptodome/Cipher/_raw_cbc",
                          "Cryptodome/Util/_cpuid_c"}


def _cryptodome_native(path: str) -> str | None:
    """"Cryptodome/Cipher/_raw_aes" for Cryptodome/Cipher/_raw_aes.abi3.so (or .pyd); None for anything else."""
    if not path.startswith("Cryptodome/") or not (path.endswith(".pyd") or ".so" in Path(path).name):
        return None
    folder, name = path.rsplit("/", 1)
    return f"{folder}/{name.split('.', 1)[0]}"
# Qt's translations: only Chinese for Qt's own buttons and dialogs (the app loads qtbase_zh_CN).
KEPT_TRANSLATIONS = {"qtbase_zh_CN.qm"}
_TRANSLATION = re.compile(r".*/PySide6/(Qt/)?translations/[^/]+\.qm$")


def _dropped(dest: str) -> bool:
    path = dest.replace("\\", "/")
    native = _cryptodome_native(path)
    if native is not None:
        return native not in CRYPTODOME_NATIVE_KEPT
    if _TRANSLATION.match(f"/{path}"):  # PySide6/Qt/translations (Linux), PySide6/translations (Windows)
        return Path(path).name not in KEPT_TRANSLATIONS
    return any(fnmatch.fnmatch(f"/{path}", pattern) or fnmatch.fnmatch(Path(path).name, pattern)
               for pattern in DROPPED)


# Left to the system, as PySide6's own wheels expect (any desktop has them, and the PC's own copies
# match its X server, fonts, printing and D-Bus): the C++ runtime (Qt needs GLIBCXX_3.4.21, gcc 5+),
# X11, fontconfig/freetype, GLib, D-Bus, Kerberos (QtNetwork links it) and CUPS. Bundling them would
# tie the bundle to the build machine's versions and bring their own dependencies (systemd, GnuTLS …).
# The xcb utility libraries and xkbcommon stay bundled: Qt 6 needs some a Qt 5 desktop lacks.
SYSTEM_PROVIDED = {
    "libstdc++.so.6", "libgcc_s.so.1", "libX11.so.6", "libX11-xcb.so.1", "libxcb.so.1", "libXau.so.6",
    "libXdmcp.so.6", "libfontconfig.so.1", "libfreetype.so.6", "libglib-2.0.so.0", "libgthread-2.0.so.0",
    "libdbus-1.so.3", "libgssapi_krb5.so.2", "libcups.so.2", "libz.so.1",
}


def keep(toc: list) -> list:
    """The TOC entries (dest, source, kind) that stay in the bundle."""
    return [entry for entry in toc if not _dropped(entry[0]) and Path(entry[0]).name not in SYSTEM_PROVIDED]


def _is_root(entry: tuple) -> bool:
    dest = entry[0].replace("\\", "/")
    return (entry[2] == "EXTENSION" or "/plugins/" in dest or Path(dest).name.startswith("libpython")
            or _cryptodome_native(dest) in CRYPTODOME_NATIVE_KEPT)


def prune_linux(binaries: list, datas: list) -> tuple[list, list]:
    """Keep only the shared libraries that a Python extension, a kept Qt plugin or libpython needs
    (following DT_NEEDED): the libraries PyInstaller collected for a dropped plugin go with it."""
    from check_glibc import _read_elf

    kept = keep(binaries)
    by_name: dict[str, list[tuple]] = {}
    for entry in kept:
        by_name.setdefault(Path(entry[0]).name, []).append(entry)
    reachable: set[str] = set()
    queue = [entry for entry in kept if _is_root(entry)]
    while queue:
        entry = queue.pop()
        if entry[0] in reachable:
            continue
        reachable.add(entry[0])
        needs = _read_elf(Path(entry[1]))
        for name in needs.libraries if needs else []:
            queue.extend(by_name.get(name, []))
    binaries = [entry for entry in kept if entry[0] in reachable]
    present = {entry[0] for entry in binaries} | {entry[0] for entry in datas if entry[2] != "SYMLINK"}

    def link_target(entry: tuple) -> str:
        return (Path(entry[0]).parent / entry[1]).as_posix()

    datas = [entry for entry in keep(datas) if entry[2] != "SYMLINK" or _normal(link_target(entry)) in present]
    return binaries, datas


def _normal(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def project_version(root: Path) -> str:
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


# The screen font is needed at every start: gzip, which unpacks fast. The document fonts: xz, smaller.
SCREEN_FONTS = {"wqy-microhei.ttc"}


def compressed_fonts(root: Path, workpath: Path) -> Path:
    """resources/fonts for the bundle with each font file compressed (43 MB → 17 MB; the program unpacks
    one into memory when it is first used, desktop_app/font_files.py); licences as they are."""
    source, target = root / "resources" / "fonts", workpath / "fonts"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.ttc", "*.ttf", "*.otf"))
    for font in (*source.glob("*.ttc"), *source.glob("*.ttf"), *source.glob("*.otf")):
        data = font.read_bytes()
        if font.name in SCREEN_FONTS:  # mtime=0: the same font gives the same bytes in every build
            (target / (font.name + ".gz")).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        else:
            (target / (font.name + ".xz")).write_bytes(lzma.compress(data, preset=9))
    return target


def write_build_info(root: Path, workpath: Path) -> Path:
    """build_info.json for the bundle's top folder: version and UTC build time (About shows them)."""
    workpath.mkdir(parents=True, exist_ok=True)
    path = workpath / "build_info.json"
    info = {"version": project_version(root),
            "built_at": datetime.now(UTC).replace(microsecond=0).isoformat()}
    path.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    return path


def write_windows_version(root: Path, workpath: Path) -> Path:
    """The Windows version resource (file properties → 详细信息) from pyproject.toml's version."""
    version = project_version(root)
    numbers = [int(part) for part in re.findall(r"\d+", version)[:3]] + [0]
    numbers = (numbers + [0, 0, 0, 0])[:4]
    tuple_text = ", ".join(str(n) for n in numbers)
    fields = {
        "CompanyName": "义警服务队管理系统", "FileDescription": "义警服务队管理系统",
        "FileVersion": version, "InternalName": "yijing", "LegalCopyright": "",
        "OriginalFilename": "yijing.exe", "ProductName": "义警服务队管理系统", "ProductVersion": version,
    }
    strings = ",\n".join(f"          StringStruct('{k}', '{v}')" for k, v in fields.items())
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({tuple_text}), prodvers=({tuple_text}), mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
{strings}
    ])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""
    workpath.mkdir(parents=True, exist_ok=True)
    path = workpath / "version_info.txt"
    path.write_text(text, encoding="utf-8")
    return path
