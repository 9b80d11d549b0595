"""The command line for certificates:

    python main.py certificate --data-dir DIR --user NAME --type 志愿服务证明 --member NAME_OR_ID --out FILE.pdf
                               [--from DATE --to DATE] [--title 优秀义警 --reason …]
                               [--date DATE] [--handler NAME]
    python main.py verify-certificate --data-dir DIR CODE

`--member` is an exact name, a full ID number, or the member's number in the program (digits only; names
never hold digits). `certificate` exits 0 when issued and written, 1 when refused (e.g. no recorded hours)
or the file could not be written, 2 for wrong arguments, no data file, or no single member found.
`certificate` acts as the operator --user (password from the terminal or $YIJING_PASSWORD) and exits 2
without one, or for a role that may not issue. `verify-certificate` needs no account (it shows what the
certificate itself shows); it exits 0 for 有效, 1 for 已作废, 2 for 不存在.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import DataPaths
from ..domain.vocabulary import CERTIFICATE_TYPES
from .common import data_dir_argument, existing_paths, run_as_operator, user_argument

CERTIFICATE = "certificate"
VERIFY = "verify-certificate"


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    issue = subparsers.add_parser(
        CERTIFICATE, help="签发一份证书并保存为 PDF (issue a certificate: 聘书/荣誉证书/志愿服务证明/义警证)")
    data_dir_argument(issue, in_subcommand=True)
    user_argument(issue)
    issue.add_argument("--type", dest="cert_type", required=True, choices=CERTIFICATE_TYPES, help="证书类别")
    issue.add_argument("--member", required=True, metavar="NAME_OR_ID",
                       help="队员姓名（须唯一）、完整身份证号码，或队员编号")
    issue.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="保存的 PDF 文件")
    issue.add_argument("--from", dest="date_from", metavar="DATE",
                       help="起始日期：聘期、有效期或服务期间的开始 (如 2024-01-01)")
    issue.add_argument("--to", dest="date_to", metavar="DATE", help="截止日期 (含当天)")
    issue.add_argument("--title", default="", help="荣誉称号，如 优秀义警、金牌调解员 (荣誉证书必填)")
    issue.add_argument("--reason", default="", help="表彰事由，如 2024年度护学岗志愿服务工作")
    issue.add_argument("--date", dest="issued_on", metavar="DATE", help="签发日期；默认今天")
    issue.add_argument("--handler", default="", help="经办人姓名 (志愿服务证明)")

    verify = subparsers.add_parser(VERIFY, help="按验证码核验证书 (exit 0 有效, 1 已作废, 2 不存在)")
    data_dir_argument(verify, in_subcommand=True)
    verify.add_argument("code", metavar="CODE", help="证书上的8位验证码，或扫描二维码得到的文字")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of ours; None otherwise."""
    command = getattr(args, "command", None)
    if command == CERTIFICATE:
        return _run_certificate(args)
    if command == VERIFY:
        return _run_verify(args)
    return None


def _error(message: str) -> None:
    print(message, file=sys.stderr)


def _run_certificate(args: argparse.Namespace) -> int:
    from ..domain.dates import parse_loose_date
    from ..domain.errors import FieldError
    from ..services.certificates.errors import CertificateRefused
    from ..services.certificates.issuing import find_members, issue_certificate, write_pdf
    from ..services.records.service_hours import format_hours

    dates = {}
    for key, label in (("date_from", "起始日期"), ("date_to", "截止日期"), ("issued_on", "签发日期")):
        value = getattr(args, key)
        try:
            dates[key] = parse_loose_date(value) if value else None
        except FieldError as exc:
            _error(f"{label}有误: {exc.message}")
            return 2
    out = Path(args.out)
    if not out.parent.is_dir():
        _error(f"保存位置不存在: {out.parent}")
        return 2
    member: list[int] = []  # the member found before the operator signs in

    def find_member() -> int | None:
        member_id = _one_member(args.member, find_members)
        if member_id is None:
            return 2
        member.append(member_id)
        return None

    def work(_paths: DataPaths) -> int:
        try:
            issued = issue_certificate(
                member[0], args.cert_type, title=args.title, reason=args.reason,
                period_from=dates["date_from"], period_to=dates["date_to"], issued_on=dates["issued_on"],
                handler=args.handler)
        except CertificateRefused as exc:
            _error(f"未签发: {exc.message}")
            return 1
        hours = f"，服务时长{format_hours(issued.hours)}小时" if issued.hours is not None else ""
        try:
            write_pdf(out, issued.pdf)
        except OSError as exc:
            _error(f"证书{issued.serial}已签发，但文件未能写入 {out}（{exc.strerror or exc}）；"
                   "可在证书登记簿中补打。")
            return 1
        print(f"已签发{issued.type} {issued.serial}（{issued.name}{hours}），验证码 {issued.verification_code}")
        print(f"已保存: {out}")
        return 0

    return run_as_operator(args, work, check=find_member)


def _one_member(text: str, find_members) -> int | None:
    """The member meant by `text`, or None after saying why not (none, or several: listed masked)."""
    from ..db.models import Member

    value = text.strip()
    if value.isdigit() and len(value) < 15:
        member = Member.get_or_none((Member.id == int(value)) & Member.deleted_at.is_null())
        if member is None:
            _error(f"没有编号为 {value} 的队员")
            return None
        return member.id
    matches = find_members(value)
    if not matches:
        _error(f"没有找到队员“{value}”（请写完整姓名或完整身份证号码）")
        return None
    if len(matches) > 1:
        _error(f"有 {len(matches)} 名队员叫“{value}”，请改用身份证号码或队员编号：")
        for match in matches:
            _error(f"  编号 {match.id}  {match.name}  {match.id_masked or '（未登记身份证号码）'}  "
                   f"{match.team or '（无队伍）'}  {match.status}")
        return None
    return matches[0].id


def _run_verify(args: argparse.Namespace) -> int:
    from ..domain.dates import format_date
    from ..services.certificates.register import VERIFY_UNKNOWN, VERIFY_VALID, verify
    from ..services.storage.data_folder import close_store, open_store

    paths = existing_paths(args)
    if paths is None:
        return 2
    open_store(paths)
    try:
        result = verify(args.code)
    finally:
        close_store()
    if result.status == VERIFY_UNKNOWN:
        print(f"{result.status}：没有验证码为 {result.code or args.code.strip()} 的证书")
        return 2
    issued = format_date(result.issued_on) if result.issued_on else ""
    print(f"{result.status}：{result.type} {result.serial}，{result.name_masked}，签发日期 {issued}")
    if result.status == VERIFY_VALID:
        return 0
    voided = format_date(result.voided_on) if result.voided_on else ""
    print(f"作废日期 {voided}，原因：{result.void_reason}")
    return 1
