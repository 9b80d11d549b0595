"""The ICU data Qt carries (libicudata.so.73, 32 MB, the largest file of the Linux bundle), rebuilt with only
what Qt uses: 16 MB. Qt 6 calls ICU for four things only (the functions its libraries import, checked
here before anything is trimmed): collation (ucol_*, QCollator), time zones (ucal_*, QTimeZone names),
codecs (ucnv_*, QStringConverter) and case mapping (u_strToUpper/Lower, whose tables are compiled into
libicuuc). The locale, collation, zone and converter data stay; the trees nothing of that reads are
dropped: break iterators, units, currencies, language and region names, transliterators, number spell-out
rules and the Unicode character names.

The data is the `icudtNN_dat` symbol of the library; it is cut out of the ELF file, rewritten with ICU's
`icupkg`, turned back into a library with `genccode` and the C compiler (same soname, same symbol), and
put in place. Needs icu-devtools and gcc on the build machine; without them the bundle keeps the full
data and `build.py` says so. The bundle's --self-test (collation, time zones, every tab) runs afterwards.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

DROPPED_TREES = ("brkitr/", "unit/", "curr/", "lang/", "region/", "translit/", "rbnf/", "unames.icu")
# The ICU function families Qt may import for the data kept; anything else (ubrk_ for break iterators,
# unum_ for number formats …) means a newer Qt reads a dropped tree, and nothing is trimmed.
KNOWN_USES = re.compile(r"^(ucol_|ucal_|ucnv_|UCNV_|u_strToUpper|u_strToLower)")
TOOLS = ("icupkg", "genccode", "gcc", "nm")


class TrimSkipped(RuntimeError):
    """Why the data was left as it is (a tool missing, an ICU use not known)."""


def _elf_sections(data: bytes) -> list[tuple[str, int, int, int, int, int]]:
    """(name, type, addr, offset, size, link) of each section of a little-endian ELF64 file."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a little-endian 64-bit ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    raw = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names_at = raw[shstrndx][4]

    def name(offset: int) -> str:
        end = data.index(b"\0", names_at + offset)
        return data[names_at + offset:end].decode()

    return [(name(s[0]), s[1], s[3], s[4], s[5], s[6]) for s in raw]


def data_symbol(library: Path) -> tuple[str, bytes]:
    """("icudt73", the data bytes) of an ICU data library, read from its dynamic symbol table."""
    data = library.read_bytes()
    sections = _elf_sections(data)
    dynsym = next(s for s in sections if s[0] == ".dynsym")
    strings = sections[dynsym[5]]
    for offset in range(dynsym[3], dynsym[3] + dynsym[4], 24):
        st_name, _info, _other, _shndx, value, size = struct.unpack_from("<IBBHQQ", data, offset)
        end = data.index(b"\0", strings[3] + st_name)
        symbol = data[strings[3] + st_name:end].decode()
        if re.fullmatch(r"icudt\d+_dat", symbol):
            section = next(s for s in sections if s[2] <= value < s[2] + s[4] and s[1] != 8)  # not NOBITS
            start = section[3] + value - section[2]
            return symbol[:-4], data[start:start + size]
    raise ValueError(f"{library.name}: no icudtNN_dat symbol")


def icu_functions_used(bundle: Path) -> set[str]:
    """The ICU functions (version suffix removed) the bundle's libraries other than ICU's own import."""
    used: set[str] = set()
    for path in bundle.rglob("*.so*"):
        if not path.is_file() or path.name.startswith("libicu"):
            continue
        out = subprocess.run(["nm", "-D", "--undefined-only", str(path)], capture_output=True, text=True).stdout
        used |= {m.group(1) for m in re.finditer(r"\s(\w+?)_\d{2,3}$", out, re.M)}
    return used


def unknown_uses(functions: set[str]) -> list[str]:
    return sorted(f for f in functions if (f.startswith(("u", "U")) and not KNOWN_USES.match(f)))


def trimmed_library(library: Path, work: Path) -> Path:
    """A copy of the ICU data library without DROPPED_TREES, built in `work`."""
    name, blob = data_symbol(library)
    package = f"{name}l"  # icupkg names the items by the package file's name: it must stay icudt73l
    source, out = work / "full", work / "trimmed"
    source.mkdir()
    out.mkdir()
    (source / f"{package}.dat").write_bytes(blob)
    items = subprocess.run(["icupkg", "-l", str(source / f"{package}.dat")], check=True, capture_output=True,
                           text=True).stdout.split()
    dropped = [item for item in items if item.startswith(DROPPED_TREES)]
    (work / "dropped.txt").write_text("\n".join(dropped) + "\n")
    subprocess.run(["icupkg", "-r", str(work / "dropped.txt"), str(source / f"{package}.dat"),
                    str(out / f"{package}.dat")], check=True, capture_output=True)
    subprocess.run(["genccode", "-q", "-e", name, "-a", "gcc", "-d", str(out), str(out / f"{package}.dat")],
                   check=True, capture_output=True)
    built = out / library.name
    subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-Wl,-z,noexecstack",
                    "-o", str(built), str(out / f"{package}_dat.S")], check=True, capture_output=True)
    if data_symbol(built)[1][:16] != blob[:16]:
        raise TrimSkipped("the rebuilt data does not start as ICU data does")
    return built


def trim_bundle(bundle: Path) -> tuple[int, int]:
    """Replace the bundle's libicudata with the trimmed one; (size before, size after) in bytes."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise TrimSkipped("missing " + " ".join(missing) + " (apt-get install icu-devtools gcc binutils)")
    libraries = sorted(p for p in bundle.rglob("libicudata.so.*") if not p.is_symlink())  # links point at these
    if not libraries:
        raise TrimSkipped("no libicudata in the bundle")
    strange = unknown_uses(icu_functions_used(bundle))
    if strange:
        raise TrimSkipped("Qt uses ICU for more than collation, time zones, codecs and case: " + ", ".join(strange))
    before = after = 0
    for library in libraries:
        with tempfile.TemporaryDirectory() as work:
            built = trimmed_library(library, Path(work))
            before += library.stat().st_size
            shutil.copyfile(built, library)
            after += library.stat().st_size
    return before, after
