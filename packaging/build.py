"""Build the program for an office PC from the lock file: the one-folder bundle dist/yijing/, a .tar.gz
of it and (on Linux) a .deb for 统信UOS / 麒麟; then run the bundle's --self-test and report its size and
the glibc it needs.

    python3 packaging/build.py            # what `make package` runs
    python3 packaging/build.py --no-deb   # bundle and .tar.gz only

Needs only Python 3.11 (with venv) and the network to PyPI the first time: it makes its own virtual
environment in build/package-venv, installs exactly the versions in constraints.txt (the program's
dependencies and the `package` group: PyInstaller), and builds with packaging/yijing.spec. No dpkg tools
are needed: the .deb is written here (an ar archive of two tarballs). On Windows use
packaging/windows/build.ps1, which runs this same script; there it makes a .zip instead.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import check_glibc  # noqa: E402 - packaging/check_glibc.py

APP = "yijing"
WINDOWS = sys.platform == "win32"
INSTALL_DIR = "/opt/yijing"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# What the bundle takes from the system (packaging/bundle_rules.py SYSTEM_PROVIDED; every desktop has
# them), by their Debian / UOS / 麒麟 package names; alternatives for the renamed ones.
DEB_DEPENDS = ("libstdc++6", "libgcc-s1 | libgcc1", "libx11-6", "libx11-xcb1", "libxcb1",
               "libfontconfig1", "libfreetype6", "libglib2.0-0 | libglib2.0-0t64", "libdbus-1-3",
               "libgssapi-krb5-2", "zlib1g", "libgl1", "libegl1")
DEB_RECOMMENDS = ("libcups2",)  # printing; without it the program runs and says there is no printer
DEB_ARCH = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64", "loongarch64": "loong64"}


def log(text: str) -> None:
    print(f"[build] {text}", flush=True)


def run(command: list[str], **kwargs) -> None:
    log(" ".join(str(c) for c in command))
    subprocess.run([str(c) for c in command], check=True, **kwargs)


# --- the build environment -------------------------------------------------------------------------


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["package"]]


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if WINDOWS else "bin/python")


def download_wheels(folder: Path) -> None:
    """Fetch every locked package for this kind of PC into `folder`, to carry to one without internet."""
    folder.mkdir(parents=True, exist_ok=True)
    run([sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "--only-binary=:all:",
         "-d", folder, "-c", ROOT / "constraints.txt", *requirements()])


def prepare_venv(folder: Path, wheels: Path | None = None) -> Path:
    """build/package-venv with exactly the locked versions; reinstalled when the lock file changes.
    With `wheels`, installed from that folder only (no network)."""
    lock = hashlib.sha256((ROOT / "constraints.txt").read_bytes() + "\n".join(requirements()).encode())
    stamp = folder / ".installed"
    python = venv_python(folder)
    if python.exists() and stamp.exists() and stamp.read_text() == lock.hexdigest():
        log(f"build environment up to date: {folder}")
        return python
    log(f"creating the build environment {folder}")
    venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    offline = ["--no-index", "--find-links", wheels] if wheels else []
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *offline,
         "-c", ROOT / "constraints.txt", *requirements()])
    stamp.write_text(lock.hexdigest())
    return python


# --- the bundle -------------------------------------------------------------------------------------


def build_bundle(python: Path, dist: Path, work: Path) -> Path:
    shutil.rmtree(dist / APP, ignore_errors=True)
    run([python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", dist, "--workpath", work, PACKAGING / "yijing.spec"], cwd=ROOT)
    return dist / APP


SELF_TEST_BAT = '@echo off\r\nchcp 65001 >nul\r\n"%~dp0yijing-console.exe" --self-test\r\necho.\r\npause\r\n'


def add_windows_helpers(bundle: Path) -> None:
    """自检.bat beside yijing.exe: a double-click runs the self-test in a window that stays open."""
    (bundle / "自检.bat").write_bytes(SELF_TEST_BAT.encode("ascii"))


def executable(bundle: Path, console: bool = True) -> Path:
    if WINDOWS:
        return bundle / ("yijing-console.exe" if console else "yijing.exe")
    return bundle / APP


# Bundled from the build machine when it has them (Qt 6 needs them on X11; a Qt 5 desktop may not).
BUNDLED_FROM_BUILD_MACHINE = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-image.so.0",
                              "libxcb-render-util.so.0", "libxkbcommon-x11.so.0", "libxkbcommon.so.0")


def warn_if_incomplete(bundle: Path) -> None:
    present = {p.name for p in (bundle / "_internal").iterdir()} if (bundle / "_internal").is_dir() else set()
    missing = [name for name in BUNDLED_FROM_BUILD_MACHINE if name not in present]
    if missing:
        log("WARNING: not bundled, so the office PC must have them: " + " ".join(missing))
        log("WARNING: install them on this build machine and build again: apt-get install libxcb-cursor0 "
            "libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0")


def trim_icu_data(bundle: Path) -> None:
    """Qt's ICU data with only what Qt reads (packaging/trim_icu.py); the full data when that cannot be done."""
    import trim_icu

    try:
        before, after = trim_icu.trim_bundle(bundle)
    except trim_icu.TrimSkipped as why:
        log(f"WARNING: ICU data kept whole (32 MB): {why}")
        return
    log(f"ICU data: {megabytes(before)} → {megabytes(after)} (only what Qt reads)")


def self_test(bundle: Path) -> None:
    """The bundle's --self-test in a clean environment, as on a PC that has nothing installed for it."""
    env = {"PATH": os.environ.get("PATH", "") if WINDOWS else "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    if WINDOWS:
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
    run([executable(bundle), "--self-test"], env=env)


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


# --- archives ---------------------------------------------------------------------------------------


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    if info.isdir() or info.mode & 0o111:
        info.mode = 0o755
    elif not info.issym():
        info.mode = 0o644
    return info


def make_tarball(bundle: Path, target: Path) -> Path:
    with tarfile.open(target, "w:gz", compresslevel=6, format=tarfile.GNU_FORMAT) as archive:
        archive.add(bundle, arcname=APP, filter=_tar_filter)
    return target


def _ar_member(name: str, data: bytes, mtime: int) -> bytes:
    header = f"{name:<16}{mtime:<12}{0:<6}{0:<6}{0o100644:<8o}{len(data):<10}`\n".encode("ascii")
    return header + data + (b"\n" if len(data) % 2 else b"")


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes, mode: int, mtime: int) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), mode, mtime
    info.uname = info.gname = "root"
    archive.addfile(info, io.BytesIO(data))


def _add_dir(archive: tarfile.TarFile, name: str, mtime: int) -> None:
    info = tarfile.TarInfo(name)
    info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, mtime
    info.uname = info.gname = "root"
    archive.addfile(info)


def deb_control(version: str, arch: str, installed_kib: int, glibc: str) -> str:
    return (
        f"Package: {APP}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: 义警服务队管理系统 <yijing@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: libc6 (>= {glibc}), {', '.join(DEB_DEPENDS)}\n"
        f"Recommends: {', '.join(DEB_RECOMMENDS)}\n"
        "Section: office\n"
        "Priority: optional\n"
        "Description: 义警服务队管理系统 (offline volunteer police team management)\n"
        " 供派出所、警务室管理义警队伍的离线桌面程序：花名册、排班值班、纠纷调解、证书。\n"
        " Installs to /opt/yijing; each user's data stays in ~/.local/share/yijing and is never\n"
        " removed by uninstalling or purging the package.\n"
    )


POSTRM = """#!/bin/sh
# Uninstalling removes the program only. Every user's data folder (~/.local/share/yijing: the database,
# its backups and logs) is left in place, also on purge.
set -e
case "$1" in
    remove|purge)
        echo "义警服务队管理系统已卸载；各用户的数据文件夹 ~/.local/share/yijing 保留未删除。" ;;
esac
exit 0
"""


def make_deb(bundle: Path, target: Path, version: str) -> Path:
    """The .deb: the bundle under /opt/yijing, /usr/bin/yijing, the desktop entry (办公), the icons."""
    mtime = int(time.time())
    arch = DEB_ARCH.get(platform.machine().lower(), platform.machine().lower())
    icons = ROOT / "resources" / "icons"
    md5sums: list[str] = []
    data_buffer = io.BytesIO()
    # GNU tar headers: dpkg before 1.21 (Debian 11, 统信UOS 20) refuses PAX headers, which Python
    # writes by default for long paths.
    with tarfile.open(fileobj=data_buffer, mode="w:gz", compresslevel=6, format=tarfile.GNU_FORMAT) as data:
        for folder in ("./opt", "./usr", "./usr/bin", "./usr/share", "./usr/share/applications",
                       "./usr/share/icons", "./usr/share/icons/hicolor"):
            _add_dir(data, folder, mtime)

        def add_file(source: Path, name: str) -> None:
            info = _tar_filter(data.gettarinfo(str(source), name))
            if info.isfile():
                with open(source, "rb") as handle:
                    content = handle.read()
                md5sums.append(f"{hashlib.md5(content).hexdigest()}  {name[2:]}")
                data.addfile(info, io.BytesIO(content))
            else:
                data.addfile(info)

        add_file(bundle, "." + INSTALL_DIR)
        for path in sorted(bundle.rglob("*")):
            add_file(path, "." + INSTALL_DIR + "/" + path.relative_to(bundle).as_posix())
        link = tarfile.TarInfo("./usr/bin/yijing")
        link.type, link.linkname, link.mode, link.mtime = tarfile.SYMTYPE, f"{INSTALL_DIR}/yijing", 0o777, mtime
        link.uname = link.gname = "root"
        data.addfile(link)
        add_file(PACKAGING / "yijing.desktop", "./usr/share/applications/yijing.desktop")
        for size in ICON_SIZES:
            for folder in (f"./usr/share/icons/hicolor/{size}x{size}", f"./usr/share/icons/hicolor/{size}x{size}/apps"):
                _add_dir(data, folder, mtime)
            add_file(icons / f"yijing-{size}.png", f"./usr/share/icons/hicolor/{size}x{size}/apps/yijing.png")
        for folder in ("./usr/share/icons/hicolor/scalable", "./usr/share/icons/hicolor/scalable/apps"):
            _add_dir(data, folder, mtime)
        add_file(icons / "yijing.svg", "./usr/share/icons/hicolor/scalable/apps/yijing.svg")
    installed_kib = (folder_size(bundle)[0] + 1023) // 1024 + 64
    floor = check_glibc.inspect([bundle]).glibc or "GLIBC_2.17"
    glibc = floor.removeprefix("GLIBC_")  # measured: the newest glibc symbol any file of the bundle needs
    control_buffer = io.BytesIO()
    with tarfile.open(fileobj=control_buffer, mode="w:gz", format=tarfile.GNU_FORMAT) as control:
        _add_dir(control, ".", mtime)
        _add_bytes(control, "./control", deb_control(version, arch, installed_kib, glibc).encode(), 0o644, mtime)
        _add_bytes(control, "./md5sums", ("\n".join(md5sums) + "\n").encode(), 0o644, mtime)
        _add_bytes(control, "./postrm", POSTRM.encode(), 0o755, mtime)
    with open(target, "wb") as out:
        out.write(b"!<arch>\n")
        out.write(_ar_member("debian-binary", b"2.0\n", mtime))
        out.write(_ar_member("control.tar.gz", control_buffer.getvalue(), mtime))
        out.write(_ar_member("data.tar.gz", data_buffer.getvalue(), mtime))
    return target


# --- the whole build --------------------------------------------------------------------------------


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the results go (dist/)")
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "package-venv",
                        help="the build environment (made and filled from constraints.txt)")
    parser.add_argument("--no-deb", action="store_true", help="no .deb (the bundle and the .tar.gz only)")
    parser.add_argument("--no-self-test", action="store_true", help="skip the bundle's --self-test")
    parser.add_argument("--wheels", type=Path, help="install from this folder of packages, without network")
    parser.add_argument("--download-wheels", type=Path, metavar="DIR",
                        help="only download the locked packages for this kind of PC into DIR, then stop")
    args = parser.parse_args(argv)
    if args.download_wheels:
        download_wheels(args.download_wheels)
        return 0
    started = time.monotonic()
    sys.path.insert(0, str(PACKAGING))
    import bundle_rules

    version = bundle_rules.project_version(ROOT)
    args.dist.mkdir(parents=True, exist_ok=True)
    python = prepare_venv(args.venv, args.wheels)
    bundle = build_bundle(python, args.dist, ROOT / "build" / "pyinstaller")
    built = time.monotonic()
    if WINDOWS:
        add_windows_helpers(bundle)
    else:
        warn_if_incomplete(bundle)
        trim_icu_data(bundle)
    if not args.no_self_test:
        self_test(bundle)
    size, count = folder_size(bundle)
    arch = platform.machine().lower()
    system = "windows" if WINDOWS else "linux"
    results = [bundle]
    if WINDOWS:
        zip_base = args.dist / f"{APP}-{version}-{system}-{arch}"
        results.append(Path(shutil.make_archive(str(zip_base), "zip", args.dist, APP)))
    else:
        results.append(make_tarball(bundle, args.dist / f"{APP}-{version}-{system}-{arch}.tar.gz"))
        if not args.no_deb:
            deb_arch = DEB_ARCH.get(arch, arch)
            results.append(make_deb(bundle, args.dist / f"{APP}_{version}_{deb_arch}.deb", version))
    log(f"bundle: {bundle} — {megabytes(size)} unpacked, {count} files")
    for path in results[1:]:
        log(f"{path.name}: {megabytes(path.stat().st_size)}")
    if not WINDOWS:
        report = check_glibc.inspect([bundle])
        log(f"highest GLIBC_ needed: {report.glibc}; highest GLIBCXX_: {report.glibcxx}")
        for needed, path in report.by_file[:3]:
            log(f"  {needed} {path.relative_to(bundle)}")
    log(f"environment + PyInstaller {built - started:.0f} s, all {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
