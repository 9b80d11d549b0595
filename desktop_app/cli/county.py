"""The command line for the county's data packages (services/county/):

    python main.py county-key --data-dir COUNTY --user NAME --out county.pub
    python main.py export-package --data-dir OFFICE --user NAME --county-key county.pub --to PATH [--fingerprint DIGITS]
    python main.py import-package FILE… --data-dir COUNTY --user NAME [--trust DIGITS]…
    python main.py export-reference --data-dir COUNTY --user NAME --to PATH
    python main.py import-reference FILE --data-dir OFFICE --user NAME [--county-key county.pub --fingerprint DIGITS]

`county-key` writes the county's public key and prints its fingerprint, which the county reads to each office
on the phone. `export-package` writes the office's package for that county to PATH (a file, or a folder on
the stick); the first time (or when the county's key changed) the administrator passes the fingerprint the
county read out with --fingerprint. `import-package` applies each package at the county and prints, per
package, the office and its added/changed/removed counts or why it was refused; an office's first package
is accepted once its signing fingerprint, read back by the office on the phone, is given with --trust (or
confirmed at the terminal). `export-reference` writes the county's reference package (holidays, certificate
templates, points rules, services/county/reference.py), `import-reference` applies it at an office: signed by
the county key the office confirmed (or, the first time, by --county-key once --fingerprint matches).

Exit codes: 0 done (every package applied, unchanged or stale); 1 some packages were refused; 2 wrong
arguments, no data file, not a county (or an office) folder, no account or a role that may not; 3 the county's
key is not confirmed yet (export-package: nothing written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import DataPaths
from .common import (
    data_dir_argument,
    progress_printer,
    run_as_operator,
    user_argument,
)

COUNTY_KEY = "county-key"
EXPORT_PACKAGE = "export-package"
IMPORT_PACKAGE = "import-package"
EXPORT_REFERENCE = "export-reference"
IMPORT_REFERENCE = "import-reference"
EXIT_NOT_CONFIRMED = 3


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    key = subparsers.add_parser(COUNTY_KEY, help="写出县局公钥文件（交各单位）并显示其指纹 (the county's public key)")
    data_dir_argument(key, in_subcommand=True)
    user_argument(key)
    key.add_argument("--out", required=True, metavar="county.pub", type=Path, help="公钥文件")

    export = subparsers.add_parser(EXPORT_PACKAGE, help="导出发给县局的数据包（签名并加密） (a sealed data package)")
    data_dir_argument(export, in_subcommand=True)
    user_argument(export)
    export.add_argument("--county-key", required=True, metavar="county.pub", type=Path, help="县局公钥文件")
    export.add_argument("--to", required=True, metavar="PATH", type=Path, help="数据包文件，或放数据包的文件夹（如U盘）")
    export.add_argument("--fingerprint", metavar="DIGITS", default=None,
                        help="县局电话告知的公钥指纹（第一次导出或县局换了密钥时由管理员确认）")

    importing = subparsers.add_parser(IMPORT_PACKAGE, help="县局导入各单位的数据包 (apply office packages at the county)")
    importing.add_argument("files", nargs="+", metavar="FILE", type=Path, help="数据包文件 (.yjpkg)")
    data_dir_argument(importing, in_subcommand=True)
    user_argument(importing)
    importing.add_argument("--trust", action="append", default=[], metavar="DIGITS",
                           help="已与单位电话核对的签名指纹：该单位第一次报送时据此登记（可多次给出）")


    reference = subparsers.add_parser(EXPORT_REFERENCE, help="县局导出参考数据包：节假日安排、证书模板、积分规则")
    data_dir_argument(reference, in_subcommand=True)
    user_argument(reference)
    reference.add_argument("--to", required=True, metavar="PATH", type=Path, help="参考数据包文件，或放它的文件夹")

    taking = subparsers.add_parser(IMPORT_REFERENCE, help="各单位导入县局的参考数据包")
    taking.add_argument("file", metavar="FILE", type=Path, help="参考数据包 (.yjref)")
    data_dir_argument(taking, in_subcommand=True)
    user_argument(taking)
    taking.add_argument("--county-key", metavar="county.pub", type=Path, default=None,
                        help="县局公钥文件（本单位尚未确认县局公钥时）")
    taking.add_argument("--fingerprint", metavar="DIGITS", default=None, help="县局电话告知的公钥指纹")


def run(args: argparse.Namespace) -> int | None:
    command = getattr(args, "command", None)
    if command == COUNTY_KEY:
        return _run_county_key(args)
    if command == EXPORT_PACKAGE:
        return _run_export(args)
    if command == IMPORT_PACKAGE:
        return _run_import(args)
    if command in (EXPORT_REFERENCE, IMPORT_REFERENCE):
        return _run_reference(args)
    return None


def _run_county_key(args: argparse.Namespace) -> int:
    from ..services.county.identity import identity
    from ..services.county.keys import KeyFileError, county_keys, write_public_key
    from ..services.files.writer import FileWriteError

    def a_county() -> int | None:
        me = identity()
        if me is None or not me.is_county:
            print("这不是县局的数据文件夹（用 init --county 设置）", file=sys.stderr)
            return 2
        return None

    def work(paths: DataPaths) -> int:
        me = identity()
        assert me is not None
        try:
            fingerprint = write_public_key(args.out, me.name, county_keys(paths.root).public)
        except (KeyFileError, FileWriteError) as exc:
            print(str(exc), file=sys.stderr)
            return 2
        print(f"县局公钥已写出: {args.out}")
        print(f"指纹：{fingerprint}")
        print("请把公钥文件交给各单位，并在电话中向对方念出这个指纹，由对方核对后确认。")
        return 0

    return run_as_operator(args, work, check=a_county)


def _run_export(args: argparse.Namespace) -> int:
    from ..services.county.export import CountyKeyNotConfirmed, ExportRefused, export_package
    from ..services.files.writer import FileWriteError

    def work(_paths: DataPaths) -> int:
        try:
            done = export_package(args.county_key, args.to, args.fingerprint, progress=progress_printer())
        except CountyKeyNotConfirmed as exc:
            print(str(exc), file=sys.stderr)
            print(f"核对无误后，由管理员加上 --fingerprint \"{exc.fingerprint}\" 再导出。", file=sys.stderr)
            return EXIT_NOT_CONFIRMED
        except (ExportRefused, FileWriteError) as exc:
            print(f"未导出: {exc}", file=sys.stderr)
            return 2
        print(f"数据包第{done.sequence}号已导出: {done.path}（{done.size:,} 字节，{sum(done.counts.values()):,} 条记录，"
              f"发往{done.county}）")
        print(f"本单位签名指纹：{done.signer_fingerprint}（县局第一次导入本单位数据包时，会在电话中与您核对）")
        return 0

    return run_as_operator(args, work)


def _confirm_at_terminal(trusted: list[str]):
    from ..services.county.keys import same_fingerprint

    def confirm(office: str, fingerprint: str) -> bool:
        if any(same_fingerprint(typed, fingerprint) for typed in trusted):
            return True
        if not sys.stdin or not sys.stdin.isatty():
            print(f"“{office}”第一次报送，签名指纹 {fingerprint}：与该单位电话核对后用 --trust \"{fingerprint}\" 登记。",
                  file=sys.stderr)
            return False
        try:
            answer = input(f"“{office}”第一次报送数据包，签名指纹为 {fingerprint}。\n"
                           "已与该单位电话核对一致吗？输入 是 登记并导入：")
        except (EOFError, KeyboardInterrupt):
            return False
        return answer.strip() in ("是", "y", "yes")

    return confirm


def _run_import(args: argparse.Namespace) -> int:
    from ..services.county.importing import import_packages

    missing = [f for f in args.files if not f.is_file()]
    if missing:
        print(f"找不到文件: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2

    def work(_paths: DataPaths) -> int:
        outcomes = import_packages(args.files, _confirm_at_terminal(args.trust), progress=progress_printer())
        for outcome in outcomes:
            print(outcome.line())
        return 1 if any(o.refused for o in outcomes) else 0

    return run_as_operator(args, work)


def _run_reference(args: argparse.Namespace) -> int:
    from ..services.county.export import ExportRefused
    from ..services.county.package_format import PackageRefused
    from ..services.county.reference import export_reference, import_reference
    from ..services.files.writer import FileWriteError

    if args.command == IMPORT_REFERENCE and not args.file.is_file():
        print(f"找不到文件: {args.file}", file=sys.stderr)
        return 2

    def work(_paths: DataPaths) -> int:
        try:
            if args.command == EXPORT_REFERENCE:
                done = export_reference(args.to)
                print(f"参考数据包第{done.sequence}号已导出: {done.path}（"
                      + "，".join(f"{k} {v}" for k, v in done.counts.items()) + "）")
            else:
                print(import_reference(args.file, args.county_key, args.fingerprint).line())
        except PackageRefused as exc:
            print(f"{args.file.name}：拒绝 — {exc}")
            return 1
        except (ExportRefused, FileWriteError) as exc:
            print(f"未导出: {exc}", file=sys.stderr)
            return 2
        return 0

    return run_as_operator(args, work)
