"""Which C library a bundle needs: the highest GLIBC_ (and GLIBCXX_) symbol version any ELF file in it
asks for, which files ask for it, and which shared libraries the system itself must provide.

    python3 packaging/check_glibc.py dist/yijing [--max 2.28] [--top 10]

Plain Python (no binutils), so it runs on the target machine too. Exit code 1 with --max when a file
needs a newer glibc than allowed. The numbers are read from each file's version-needs section
(.gnu.version_r), as `objdump -p` shows them.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NEEDED = 1
ELF_MAGIC = b"\x7fELF"


@dataclass
class ElfNeeds:
    path: Path
    versions: set[str] = field(default_factory=set)  # "GLIBC_2.34", "GLIBCXX_3.4.29", …
    libraries: list[str] = field(default_factory=list)  # DT_NEEDED


def version_key(name: str) -> tuple[int, ...]:
    """"GLIBC_2.34" → (2, 34); non-numeric parts count as 0."""
    tail = name.split("_", 1)[-1]
    return tuple(int(part) if part.isdigit() else 0 for part in tail.split("."))


def _read_elf(path: Path) -> ElfNeeds | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(ELF_MAGIC) or len(data) < 64:
        return None
    wide = data[4] == 2
    order = "<" if data[5] == 1 else ">"
    if wide:
        shoff, = struct.unpack_from(order + "Q", data, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from(order + "HHH", data, 0x3A)
        section = order + "IIQQQQIIQQ"
    else:
        shoff, = struct.unpack_from(order + "I", data, 0x20)
        shentsize, shnum, shstrndx = struct.unpack_from(order + "HHH", data, 0x2E)
        section = order + "IIIIIIIIII"
    if not shoff or shoff + shnum * shentsize > len(data):
        return None
    sections = [struct.unpack_from(section, data, shoff + i * shentsize) for i in range(shnum)]
    needs = ElfNeeds(path)

    def string(table: int, offset: int) -> str:
        start = sections[table][4] + offset
        end = data.index(b"\0", start)
        return data[start:end].decode("ascii", "replace")

    for _name, kind, _flags, _addr, offset, size, link, info, _align, entsize in sections:
        if kind == SHT_GNU_VERNEED:
            position = offset
            for _ in range(info):
                _version, count, _file, aux, following = struct.unpack_from(order + "HHIII", data, position)
                aux_position = position + aux
                for _ in range(count):
                    _hash, _flags2, _other, name, next_aux = struct.unpack_from(order + "IHHII", data, aux_position)
                    needs.versions.add(string(link, name))
                    aux_position += next_aux
                if not following:
                    break
                position += following
        elif kind == SHT_DYNAMIC and entsize:
            entry = order + ("qQ" if wide else "iI")
            for position in range(offset, offset + size, entsize):
                tag, value = struct.unpack_from(entry, data, position)
                if tag == 0:
                    break
                if tag == DT_NEEDED:
                    needs.libraries.append(string(link, value))
    return needs


def elf_files(paths: list[Path]) -> Iterator[ElfNeeds]:
    for top in paths:
        candidates = [top] if top.is_file() else (Path(d) / f for d, _, files in os.walk(top) for f in files)
        for candidate in candidates:
            if candidate.is_symlink():
                continue
            needs = _read_elf(candidate)
            if needs is not None:
                yield needs


def highest(versions: set[str], prefix: str) -> str | None:
    chosen = [v for v in versions if v.startswith(prefix) and v[len(prefix):][:1].isdigit()]
    return max(chosen, key=version_key) if chosen else None


@dataclass
class Report:
    files: int
    glibc: str | None
    glibcxx: str | None
    by_file: list[tuple[str, Path]]  # (highest GLIBC_ of the file, file), newest first
    from_system: list[str]  # libraries needed but not in the bundle


def inspect(paths: list[Path]) -> Report:
    found = list(elf_files(paths))
    names = {n.path.name for n in found} | {p.name for top in paths if top.is_dir() for p in top.rglob("*")}
    everything: set[str] = set()
    per_file = []
    system: set[str] = set()
    for needs in found:
        everything |= needs.versions
        top = highest(needs.versions, "GLIBC_")
        if top:
            per_file.append((top, needs.path))
        system.update(lib for lib in needs.libraries if lib not in names)
    per_file.sort(key=lambda item: version_key(item[0]), reverse=True)
    return Report(len(found), highest(everything, "GLIBC_"), highest(everything, "GLIBCXX_"), per_file,
                  sorted(system))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="highest glibc symbol version a bundle needs")
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--max", help="fail (exit 1) when a file needs a newer GLIBC_ than this, e.g. 2.28")
    parser.add_argument("--top", type=int, default=8, help="how many of the most demanding files to list")
    args = parser.parse_args(argv)
    report = inspect(args.paths)
    print(f"ELF files: {report.files}")
    print(f"highest GLIBC_ needed: {report.glibc or 'none'}")
    print(f"highest GLIBCXX_ needed: {report.glibcxx or 'none'}")
    for version, path in report.by_file[:args.top]:
        print(f"  {version:<12} {path}")
    print("from the system: " + " ".join(report.from_system))
    if args.max and report.glibc and version_key(report.glibc) > version_key(f"GLIBC_{args.max}"):
        over = [str(p) for v, p in report.by_file if version_key(v) > version_key(f"GLIBC_{args.max}")]
        print(f"{len(over)} files need more than glibc {args.max}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
