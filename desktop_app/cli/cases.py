"""The command line for dispute cases:

- `export-cases` writes the same files and manifest as the window's export dialog (case summaries as PDF,
  each case's 卷宗 with --dossiers, the register as .xlsx, 校验清单.txt);
- `case-documents` writes every document one case has reached, each as its own PDF named by the document
  (人民调解申请书.pdf, 人民调解协议书.pdf …), plus 卷宗.pdf.

    python main.py export-cases --data-dir DIR --user NAME --from 2024-01-01 --to 2024-06-30 --to-dir /media/u盘
                                [--full] [--dossiers]
    python main.py case-documents --data-dir DIR --user NAME --case "（2026）夏人调字第001号" --out DIR [--full]

Both act as the operator --user (password from the terminal or $YIJING_PASSWORD); --full needs an
administrator. Exit codes: 0 done; 1 the export failed or found no case; 2 wrong arguments, no data
file, no account or a role that may not (nothing is written then).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import DataPaths
from .common import data_dir_argument, progress_printer, run_as_operator, user_argument

COMMAND = "export-cases"
DOCUMENTS_COMMAND = "case-documents"


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        COMMAND, help="把一段时间内受理的纠纷案件导出到U盘或文件夹 (case summaries PDF + register .xlsx + manifest)")
    data_dir_argument(export, in_subcommand=True)
    user_argument(export)
    export.add_argument("--from", dest="date_from", metavar="DATE", required=True,
                        help="受理日期起 (如 2024-01-01)")
    export.add_argument("--to", dest="date_to", metavar="DATE", required=True, help="受理日期止 (含当天)")
    export.add_argument("--to-dir", dest="to_dir", metavar="PATH", type=Path, required=True,
                        help="目标文件夹 (如U盘); 在其中新建“纠纷案件导出-日期-时间”文件夹")
    export.add_argument("--full", action="store_true",
                        help="导出完整身份证号、电话和住址 (默认脱敏; 此操作记入操作日志)")
    export.add_argument("--dossiers", action="store_true", help="同时导出每件案件的卷宗 PDF")

    documents = subparsers.add_parser(
        DOCUMENTS_COMMAND, help="把一件案件已形成的全部文书写成 PDF (每种文书一个文件) 并生成卷宗.pdf")
    data_dir_argument(documents, in_subcommand=True)
    user_argument(documents)
    documents.add_argument("--case", dest="case_number", metavar="NUMBER", required=True,
                           help="案件编号, 如 （2026）夏人调字第001号 (半角括号也可)")
    documents.add_argument("--out", dest="out_dir", metavar="DIR", type=Path, required=True,
                           help="写入的文件夹 (不存在时新建)")
    documents.add_argument("--full", action="store_true",
                           help="含完整身份证号、电话和住址 (法律文书原件; 默认脱敏; 此操作记入操作日志)")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of ours; None otherwise."""
    command = getattr(args, "command", None)
    if command == COMMAND:
        return _run_export_cases(args)
    if command == DOCUMENTS_COMMAND:
        return _run_case_documents(args)
    return None


def _run_case_documents(args: argparse.Namespace) -> int:
    from ..services.cases.dossier import find_case, write_case_documents
    from ..services.cases.workflow import CaseRefused
    from ..services.files.writer import FileWriteError

    progress = progress_printer()

    def work(_paths: DataPaths) -> int:
        try:
            case = find_case(args.case_number)
        except CaseRefused as exc:
            print(exc.message, file=sys.stderr)
            return 2
        try:
            result = write_case_documents(case.id, args.out_dir, full=args.full, progress=progress)
        except CaseRefused as exc:
            print(exc.message, file=sys.stderr)
            return 1
        except (FileWriteError, OSError) as exc:
            print(getattr(exc, "message", None) or f"写入失败: {exc}", file=sys.stderr)
            return 1
        form = "完整身份信息，已记入操作日志" if args.full else "身份证号、电话、住址已脱敏"
        print(f"案件 {case.number}：已写入 {len(result.files)} 个文件到 {result.folder}（{form}）")
        for name in result.files:
            print(f"  {name}")
        return 0

    return run_as_operator(args, work)


def _run_export_cases(args: argparse.Namespace) -> int:
    from ..domain.dates import parse_loose_date
    from ..domain.errors import FieldError
    from ..services.cases.export import export_cases
    from ..services.files.usb_export import ExportFailed

    try:
        start, end = parse_loose_date(args.date_from), parse_loose_date(args.date_to)
    except FieldError as exc:
        print(f"日期有误: {exc.message}", file=sys.stderr)
        return 2
    if end < start:
        print("结束日期不能早于开始日期", file=sys.stderr)
        return 2
    if not args.to_dir.is_dir():
        print(f"目标文件夹不存在: {args.to_dir}", file=sys.stderr)
        return 2
    progress = progress_printer()

    def work(_paths: DataPaths) -> int:
        try:
            result = export_cases((start, end), args.to_dir, full=args.full, progress=progress,
                                  dossiers=getattr(args, "dossiers", False))
        except ExportFailed as exc:
            print(exc.message, file=sys.stderr)
            return 1
        form = "完整身份信息，已记入操作日志" if args.full else "身份证号、电话、住址已脱敏"
        print(f"已导出 {result.case_count} 件案件（{len(result.files)} 个文件及校验清单）到 {result.folder}（{form}）")
        return 0

    return run_as_operator(args, work)
