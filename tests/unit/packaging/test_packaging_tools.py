"""The packaging tools without PyInstaller: the glibc reader against binutils, what the bundle rules drop
and keep, and the .deb writer (read back by Python and, where installed, by dpkg-deb)."""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import sys
import sysconfig
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGING = ROOT / "packaging"


def _load(name: str):
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))  # build.py imports check_glibc and bundle_rules by name
    spec = importlib.util.spec_from_file_location(f"yijing_packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


check_glibc = _load("check_glibc")
bundle_rules = _load("bundle_rules")
build = _load("build")


def _ssl_extension() -> Path:
    import _ssl

    return Path(_ssl.__file__)


@pytest.mark.skipif(shutil.which("objdump") is None, reason="binutils not installed")
def test_glibc_versions_are_those_objdump_reads():
    for path in (Path(sys.executable).resolve(), _ssl_extension()):
        ours = check_glibc._read_elf(path)
        dump = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
        theirs = {word for word in dump.split() if word.startswith(("GLIBC_", "GLIBCXX_", "OPENSSL_"))}
        assert ours is not None and ours.versions >= {v for v in theirs if v.startswith("GLIBC_")}
        assert {v for v in ours.versions if v.startswith("GLIBC_")} == {v for v in theirs if v.startswith("GLIBC_")}
        needed = {line.split()[1] for line in dump.splitlines() if line.strip().startswith("NEEDED")}
        assert set(ours.libraries) == needed


def test_highest_version_is_compared_by_number_and_the_report_fails_over_the_limit(tmp_path, capsys):
    assert check_glibc.highest({"GLIBC_2.9", "GLIBC_2.28", "GLIBC_2.3.4", "GLIBC_PRIVATE"}, "GLIBC_") == "GLIBC_2.28"
    shutil.copy(_ssl_extension(), tmp_path / "_ssl.so")
    (tmp_path / "notes.txt").write_text("not an ELF file")
    report = check_glibc.inspect([tmp_path])
    assert report.files == 1 and report.glibc is not None
    assert "libssl.so.3" in report.from_system or any("ssl" in lib for lib in report.from_system)
    assert check_glibc.main([str(tmp_path), "--max", "2.0"]) == 1
    assert check_glibc.main([str(tmp_path), "--max", "99.0"]) == 0
    assert "highest GLIBC_ needed" in capsys.readouterr().out


def test_bundle_rules_drop_quick_wayland_and_foreign_translations_but_keep_what_runs_the_window():
    def entry(dest: str) -> tuple[str, str, str]:
        return (dest, "/src/" + dest, "BINARY")

    dropped = ["PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
               "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6",
               "PySide6/Qt/plugins/platforms/libqwayland-egl.so", "PySide6/Qt/plugins/platforms/libqeglfs.so",
               "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/translations/qtbase_de.qm",
               "PySide6/Qt/translations/qt_zh_CN.qm", "libcups.so.2", "libstdc++.so.6", "stdnum/oui.dat",
               "PySide6\\translations\\qtbase_de.qm", "PySide6\\qml\\QtQuick\\Qt6Quick.dll"]
    kept = ["PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
            "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
            "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "PySide6/Qt/translations/qtbase_zh_CN.qm",
            "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "libxcb-cursor.so.0",
            "stdnum/cn/loc.dat", "PySide6\\translations\\qtbase_zh_CN.qm", "resources/translations/yijing_ug.qm"]
    result = {e[0] for e in bundle_rules.keep([entry(d) for d in dropped + kept])}
    assert result == set(kept)


def test_pruning_follows_needed_libraries_from_the_extensions():
    libdir = Path(sysconfig.get_config_var("LIBDIR") or "/usr/lib")
    ssl_needs = check_glibc._read_elf(_ssl_extension()).libraries
    found = {name: path for name in ssl_needs for path in (Path("/usr/lib/x86_64-linux-gnu") / name,
                                                          libdir / name) if path.exists()}
    if "libssl.so.3" not in found:
        pytest.skip("no libssl.so.3 to follow")
    unrelated = Path("/usr/lib/x86_64-linux-gnu/libtinfo.so.6")
    if not unrelated.exists():
        pytest.skip("no unrelated library at hand")
    binaries = [("python3.11/lib-dynload/_ssl.so", str(_ssl_extension()), "EXTENSION"),
                ("libssl.so.3", str(found["libssl.so.3"]), "BINARY"),
                ("libtinfo.so.6", str(unrelated), "BINARY")]
    datas = [("libtinfo.so", "libtinfo.so.6", "SYMLINK"), ("resources/x.txt", "/x", "DATA")]
    kept_binaries, kept_datas = bundle_rules.prune_linux(binaries, datas)
    assert {e[0] for e in kept_binaries} == {"python3.11/lib-dynload/_ssl.so", "libssl.so.3"}
    assert kept_datas == [("resources/x.txt", "/x", "DATA")]  # the link to the pruned library goes too


def test_windows_version_resource_carries_the_project_version(tmp_path):
    path = bundle_rules.write_windows_version(ROOT, tmp_path)
    text = path.read_text(encoding="utf-8")
    version = bundle_rules.project_version(ROOT)
    assert f"StringStruct('ProductVersion', '{version}')" in text
    numbers = ", ".join((version.split(".") + ["0"] * 4)[:4])
    assert f"filevers=({numbers})" in text
    compile(text, "version_info.txt", "eval")  # PyInstaller evaluates it as a Python expression


def _fake_bundle(folder: Path) -> Path:
    bundle = folder / "yijing"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    executable = bundle / "yijing"
    executable.write_text("#!/bin/sh\necho 自检通过\n")
    executable.chmod(0o755)
    (bundle / "_internal" / "resources" / "note.txt").write_text("字体许可证")
    shutil.copy(_ssl_extension(), bundle / "_internal" / "_ssl.so")
    deep = bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforminputcontexts"
    deep.mkdir(parents=True)
    (deep / ("libcomposeplatforminputcontextplugin" + "x" * 40 + ".so")).write_bytes(b"\0")  # path > 100 chars
    return bundle


def _ar_members(data: bytes) -> dict[str, bytes]:
    assert data.startswith(b"!<arch>\n")
    members, position = {}, 8
    while position < len(data):
        header = data[position:position + 60]
        name, size = header[:16].decode().strip(), int(header[48:58].decode())
        assert header[58:60] == b"`\n"
        members[name] = data[position + 60:position + 60 + size]
        position += 60 + size + (size % 2)
    return members


def test_the_deb_installs_the_bundle_the_entry_and_the_icons_and_keeps_user_data(tmp_path):
    deb = build.make_deb(_fake_bundle(tmp_path), tmp_path / "yijing_9.9_amd64.deb", "9.9")
    members = _ar_members(deb.read_bytes())
    assert list(members) == ["debian-binary", "control.tar.gz", "data.tar.gz"]
    assert members["debian-binary"] == b"2.0\n"
    with tarfile.open(fileobj=io.BytesIO(members["control.tar.gz"])) as control:
        fields = control.extractfile("./control").read().decode()
        postrm = control.extractfile("./postrm").read().decode()
        assert control.getmember("./postrm").mode == 0o755
    assert "Package: yijing\nVersion: 9.9\n" in fields and "Section: office" in fields
    assert "Depends: libc6 (>= 2." in fields
    assert "rm " not in postrm and ".local/share/yijing" in postrm
    with tarfile.open(fileobj=io.BytesIO(members["data.tar.gz"])) as data:
        names = set(data.getnames())
        assert data.getmember("./opt/yijing/yijing").mode == 0o755
        assert data.getmember("./usr/bin/yijing").linkname == "/opt/yijing/yijing"
        entry = data.extractfile("./usr/share/applications/yijing.desktop").read().decode()
        assert all(m.uid == 0 and m.gid == 0 for m in data.getmembers())
        assert max(len(m.name) for m in data.getmembers()) > 100
        assert all(not m.pax_headers for m in data.getmembers())  # dpkg < 1.21 refuses PAX headers
    assert "./opt/yijing/_internal/resources/note.txt" in names
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert f"./usr/share/icons/hicolor/{size}x{size}/apps/yijing.png" in names
    assert "./usr/share/icons/hicolor/scalable/apps/yijing.svg" in names
    assert "Exec=/opt/yijing/yijing" in entry and "Icon=yijing" in entry and "Categories=Office;" in entry
    if shutil.which("dpkg-deb"):
        info = subprocess.run(["dpkg-deb", "--field", str(deb), "Package", "Architecture"], capture_output=True,
                              text=True, check=True).stdout
        assert "Package: yijing" in info
        target = tmp_path / "extracted"
        subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
        result = subprocess.run([str(target / "opt/yijing/yijing")], capture_output=True, text=True, check=True)
        assert "自检通过" in result.stdout


def test_the_tarball_holds_one_yijing_folder(tmp_path):
    tarball = build.make_tarball(_fake_bundle(tmp_path), tmp_path / "yijing.tar.gz")
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
        assert archive.getmember("yijing/yijing").mode == 0o755
    assert names[0] == "yijing" and all(n == "yijing" or n.startswith("yijing/") for n in names)


def test_bundle_rules_keep_the_four_cryptodome_modules_of_aes_and_leave_out_the_rest():
    def entry(dest: str) -> tuple[str, str, str]:
        return (dest, "/src/" + dest, "BINARY")

    kept = ["Cryptodome/Cipher/_raw_aes.abi3.so", "Cryptodome/Cipher/_raw_aesni.abi3.so",
            "Cryptodome/Cipher/_raw_cbc.abi3.so", "Cryptodome/Util/_cpuid_c.abi3.so",
            "Cryptodome\\Cipher\\_raw_aes.pyd", "Cryptodome\\Util\\_cpuid_c.pyd"]
    dropped = ["Cryptodome/Cipher/_raw_des3.abi3.so", "Cryptodome/PublicKey/_ec_ws.abi3.so",
               "Cryptodome/Hash/_SHA256.abi3.so", "Cryptodome\\Math\\_modexp.pyd",
               "resources/translations/yijing_ug.ts", "resources\\translations\\yijing_ug.ts"]
    assert {e[0] for e in bundle_rules.keep([entry(d) for d in dropped + kept])} == set(kept)


def test_pruning_keeps_the_cryptodome_modules_that_ctypes_loads():
    import Cryptodome

    folder = Path(Cryptodome.__file__).parent
    aes = next((folder / "Cipher").glob("_raw_aes.*so"), None)
    des = next((folder / "Cipher").glob("_raw_des3.*so"), None)
    if aes is None or des is None:
        pytest.skip("pycryptodomex without its shared objects")
    binaries = [(f"Cryptodome/Cipher/{aes.name}", str(aes), "BINARY"),
                (f"Cryptodome/Cipher/{des.name}", str(des), "BINARY")]
    kept, _ = bundle_rules.prune_linux(binaries, [])
    assert [e[0] for e in kept] == [f"Cryptodome/Cipher/{aes.name}"]


def test_an_encrypted_backup_round_trip_needs_nothing_the_bundle_leaves_out(tmp_path):
    """As in the bundle: every module bundle_rules.EXCLUDED_MODULES names for py7zr is missing, and the runtime
    hook stands in for Zstandard; py7zr still writes, checks and decrypts a backup archive, and an archive
    that asks for Zstandard (written here, where it is installed) is refused as one it cannot open."""
    import py7zr

    left_out = [name for name in bundle_rules.EXCLUDED_MODULES
                if name.split(".")[0] in ("brotli", "_brotli", "backports", "Cryptodome", "multiprocessing")]
    assert {"brotli", "backports.zstd", "Cryptodome.Hash", "multiprocessing.pool"} <= set(left_out)
    hooks = [str(PACKAGING / hook) for hook in bundle_rules.RUNTIME_HOOKS]
    plain = tmp_path / "plain.db"
    plain.write_bytes(b"SQLite format 3" + bytes(range(256)) * 400)
    with py7zr.SevenZipFile(tmp_path / "zstd.7z", "w", password="password-1",
                            filters=[{"id": py7zr.FILTER_ZSTD}, {"id": py7zr.FILTER_CRYPTO_AES256_SHA256}]) as z:
        z.write(plain, "yijing.db")
    code = f"""
import runpy, sys
from pathlib import Path
for name in {left_out!r}:
    sys.modules[name] = None  # an import of it fails, as in the bundle
for hook in {hooks!r}:
    runpy.run_path(hook)
from desktop_app.services.backup import archive as backup_archive
folder = Path({str(tmp_path)!r})
plain = folder / "plain.db"
archive = folder / "backup.7z"
backup_archive.write_archive(plain, archive, "password-1")
backup_archive.check_archive(archive, "password-1")
backup_archive.extract_database(archive, folder / "back.db", "password-1")
assert (folder / "back.db").read_bytes() == plain.read_bytes()
for name, password in (("backup.7z", "wrong"), ("zstd.7z", "password-1")):
    try:
        backup_archive.check_archive(folder / name, password)
    except backup_archive.ArchiveError as exc:
        print("refused:", name, exc)
loaded = sorted(m for m in sys.modules if m.startswith(("brotli", "Cryptodome.Hash", "multiprocessing.pool"))
                and sys.modules[m] is not None)
print("loaded:", loaded, "zstd stand-in:", sys.modules["backports.zstd"].zstd_version_info)
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "refused: backup.7z" in result.stdout and "refused: zstd.7z" in result.stdout, result.stdout
    assert "loaded: [] zstd stand-in: (0, 0, 0)" in result.stdout
