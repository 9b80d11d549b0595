"""`certificate` and `verify-certificate` on the command line."""

from __future__ import annotations

import argparse
import io
import re
from datetime import date, time

import pytest
from pypdf import PdfReader

from desktop_app.cli import build_parser as parser  # the program's own parser, every command wired
from desktop_app.cli import main as run_cli
from desktop_app.cli.certificates import run
from desktop_app.config import DataPaths
from desktop_app.db.models import Assignment, AuditLog, Certificate, DutyPost, Shift, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.domain.masking import mask_id
from desktop_app.domain.vocabulary import CERTIFICATE_TYPES as TYPES
from desktop_app.services.storage.data_folder import close_store, open_store

ID_NUR = build_id_number("653129", date(1980, 5, 6), 31)
ID_WANG = build_id_number("653129", date(1990, 1, 2), 11)




def text_of(path) -> str:
    source = path if isinstance(path, io.BytesIO) else str(path)
    return "".join("".join((p.extract_text() or "").split()) for p in PdfReader(source).pages)


@pytest.fixture
def data_dir(tmp_path, cli_admin):
    from desktop_app.services.office.details import OfficeInfo, save_office
    from desktop_app.services.roster.members import MemberInput, save_member

    folder = tmp_path / "data"
    open_store(DataPaths(folder))
    cli_admin()
    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", leader_name="吾斯曼·肉孜", case_prefix="夏派调",
                           contact_phone="0998-6751424"))
    team = Team.create(name="夏普吐勒义警一中队")
    other = Team.create(name="团结路义警二中队")
    nur = save_member(MemberInput(name="努尔买买提·西热甫", id_number=ID_NUR, team_id=team.id),
                      today=date(2024, 1, 1))
    save_member(MemberInput(name="王小明", id_number=ID_WANG, team_id=team.id), today=date(2024, 1, 1))
    save_member(MemberInput(name="王小明", team_id=other.id), today=date(2024, 1, 1))
    save_member(MemberInput(name="李娜", team_id=other.id), today=date(2024, 1, 1))
    post = DutyPost.create(name="中山路商圈巡逻", kind="巡逻")
    for day in range(1, 11):
        shift = Shift.create(post=post, date=date(2024, 3, day), start=time(19), end=time(23))
        Assignment.create(shift=shift, member=nur.id, status="已到", hours=4)
    close_store()
    return folder


def test_arguments():
    args = parser().parse_args(["certificate", "--data-dir", "/d", "--type", "志愿服务证明", "--member", "王小明",
                                "--out", "x.pdf", "--from", "2024-01-01", "--to", "2024-12-31"])
    assert (args.cert_type, args.member, str(args.out), args.date_from, args.date_to) == (
        "志愿服务证明", "王小明", "x.pdf", "2024-01-01", "2024-12-31")
    assert str(parser().parse_args(["--data-dir", "/d", "verify-certificate", "ABCD2345"]).data_dir) == "/d"
    assert run(argparse.Namespace(command="backup")) is None
    with pytest.raises(SystemExit):
        parser().parse_args(["certificate", "--type", "奖状", "--member", "x", "--out", "x.pdf"])
    from desktop_app.domain.vocabulary import CERTIFICATE_TYPES as CERT_TYPES

    assert TYPES == CERT_TYPES


def test_service_proof_by_name_then_verify(data_dir, tmp_path, capsys):
    out = tmp_path / "证明.pdf"
    code = run_cli(["certificate", "--data-dir", str(data_dir), "--type", "志愿服务证明", "--member",
                    "努尔买买提·西热甫", "--out", str(out), "--from", "2024-01-01", "--to", "2024-03-31",
                    "--date", "2024-04-13", "--handler", "李警官"])
    printed = capsys.readouterr().out
    assert code == 0, printed
    serial = re.search(r"夏派义服〔2024〕第\d{4}号", printed).group(0)
    verification = re.search(r"验证码 ([A-Z0-9]{8})", printed).group(1)
    text = text_of(out)
    for expected in ("志愿服务证明", "努尔买买提·西热甫", "653129********0319", "40小时", serial, verification,
                     "经办人：李警官", "二〇二四年四月十三日", "本证明免费出具"):
        assert expected in text, expected
    open_store(DataPaths(data_dir))
    try:
        assert AuditLog.select().where(AuditLog.username == "命令行", AuditLog.action == "签发").count() == 1
        certificate_id = Certificate.get(Certificate.serial == serial).id
    finally:
        close_store()

    assert run_cli(["verify-certificate", "--data-dir", str(data_dir), verification.lower()]) == 0
    assert f"有效：志愿服务证明 {serial}，努****·**甫" in capsys.readouterr().out

    open_store(DataPaths(data_dir))
    try:
        from desktop_app.services.certificates.issuing import void

        void(certificate_id, "重新出具")
    finally:
        close_store()
    assert run_cli(["verify-certificate", "--data-dir", str(data_dir), verification]) == 1
    printed = capsys.readouterr().out
    assert "已作废" in printed and "重新出具" in printed

    assert run_cli(["verify-certificate", "--data-dir", str(data_dir), "ZZZZ2222"]) == 2
    assert "不存在" in capsys.readouterr().out


def test_member_by_id_number_and_ambiguous_name(data_dir, tmp_path, capsys):
    out = tmp_path / "荣誉.pdf"
    assert run_cli(["certificate", "--data-dir", str(data_dir), "--type", "荣誉证书", "--member", "王小明",
                    "--out", str(out), "--title", "优秀义警"]) == 2
    err = capsys.readouterr().err
    assert "有 2 名队员叫“王小明”" in err
    assert mask_id(ID_WANG) in err and "（未登记身份证号码）" in err and "团结路义警二中队" in err
    assert ID_WANG not in err and not out.exists()

    assert run_cli(["certificate", "--data-dir", str(data_dir), "--type", "荣誉证书", "--member", ID_WANG,
                    "--out", str(out), "--title", "优秀义警", "--reason", "2024年度护学岗志愿服务工作"]) == 0
    text = text_of(out)
    assert "王小明同志" in text and "在2024年度护学岗志愿服务工作中表现突出，被评为“优秀义警”" in text

    listed = re.search(r"编号 (\d+)\s+王小明\s+（未登记", err).group(1)
    card = tmp_path / "义警证.pdf"
    assert run_cli(["certificate", "--data-dir", str(data_dir), "--type", "义警证", "--member", listed,
                    "--out", str(card)]) == 0
    assert "团结路义警二中队" in text_of(card)


def test_refusals_and_wrong_arguments(data_dir, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    base = ["certificate", "--data-dir", str(data_dir), "--out", str(out)]
    assert run_cli([*base, "--type", "志愿服务证明", "--member", "李娜"]) == 1
    assert "没有登记的服务时长" in capsys.readouterr().err
    assert run_cli([*base, "--type", "荣誉证书", "--member", "李娜"]) == 1
    assert "请填写荣誉称号" in capsys.readouterr().err
    assert run_cli([*base, "--type", "聘书", "--member", "张三"]) == 2
    assert "没有找到队员" in capsys.readouterr().err
    assert run_cli([*base, "--type", "聘书", "--member", "李娜", "--from", "2024-13-01"]) == 2
    assert "起始日期有误" in capsys.readouterr().err
    assert not out.exists()
    assert run_cli(["certificate", "--data-dir", str(data_dir), "--out", str(tmp_path / "none" / "x.pdf"),
                    "--type", "聘书", "--member", "李娜"]) == 2
    assert run_cli(["certificate", "--data-dir", str(tmp_path / "empty"), "--out", str(out), "--type", "聘书",
                    "--member", "李娜"]) == 2
    assert "数据文件不存在" in capsys.readouterr().err
    assert run_cli(["verify-certificate", "--data-dir", str(tmp_path / "empty"), "ABCD2345"]) == 2
    open_store(DataPaths(data_dir))
    try:
        assert Certificate.select().count() == 0
    finally:
        close_store()


def test_appointment_pdf_is_complete(data_dir, tmp_path):
    out = tmp_path / "聘书.pdf"
    assert run_cli(["certificate", "--data-dir", str(data_dir), "--type", "聘书", "--member", "李娜", "--out",
                    str(out), "--from", "2024-05-01", "--to", "2027-04-30", "--date", "2024-04-28"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert "聘期自二〇二四年五月一日起至二〇二七年四月三十日止" in text_of(io.BytesIO(data))
    assert not list(tmp_path.glob(".*.part"))
