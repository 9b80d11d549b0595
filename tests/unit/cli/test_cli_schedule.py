"""`auto-schedule` on the command line: the same run as the window's 自动排班, with unfilled slots printed."""

from __future__ import annotations

import argparse
from datetime import date, timedelta

import pytest

from desktop_app.cli import build_parser as parser  # the program's own parser, every command wired
from desktop_app.cli import main as run_cli
from desktop_app.cli.schedule import run
from desktop_app.config import DataPaths
from desktop_app.db.models import Assignment, AuditLog, Member, Team
from desktop_app.domain.dates import format_date
from desktop_app.services.schedule.posts import PatternInput, PostInput, save_pattern, save_post
from desktop_app.services.storage.data_folder import close_store, open_store

# the command schedules only shifts that have not started: a week well ahead of today
MONDAY = date.today() + timedelta(days=14 - date.today().weekday())
SUNDAY = MONDAY + timedelta(days=6)
PERIOD = ["--from", MONDAY.isoformat(), "--to", SUNDAY.isoformat()]




@pytest.fixture
def data_dir(tmp_path, cli_admin):
    folder = tmp_path / "data"
    open_store(DataPaths(folder))
    cli_admin()
    red = Team.create(name="红旗义警队").id
    snow = Team.create(name="雪都义警救援队").id
    for k in range(3):
        Member.create(name=f"红旗队员{k}", team=red, skills="巡逻", insurance_expires_on=date(2030, 1, 1))
    patrol = save_post(PostInput(name="中山路商圈巡逻", kind="巡逻", team_id=red, needs_leader=True)).id
    save_pattern(patrol, PatternInput(weekdays="5,6", start="19:00", end="22:00", headcount=2))
    rescue = save_post(PostInput(name="雪都救援待命", kind="救援待命", team_id=snow, required_skill="救援")).id
    save_pattern(rescue, PatternInput(weekdays="1", start="09:00", end="21:00", headcount=1))
    close_store()
    return folder


def test_arguments():
    args = parser().parse_args(["auto-schedule", "--data-dir", "/d", "--from", "2024-04-15", "--to", "2024-04-21",
                                "--team", "红旗义警队"])
    assert (args.command, args.date_from, args.date_to, args.team) == (
        "auto-schedule", "2024-04-15", "2024-04-21", "红旗义警队")
    assert run(argparse.Namespace(command="export-cases")) is None


def test_fills_and_names_what_it_could_not(data_dir, capsys):
    assert run_cli(["auto-schedule", "--data-dir", str(data_dir), *PERIOD]) == 0
    out, err = capsys.readouterr()
    assert f"{format_date(MONDAY)}至{format_date(SUNDAY)}：班次 3 个，需 5 人次，保留 0，新排 4，仍缺 1 人次" in out
    assert "本次新排 4 人次" in out
    assert f"{format_date(MONDAY)} 09:00–21:00 雪都救援待命 缺 1 人：无人具备有效的“救援”资质（缺少资质 3 人）" in out
    assert "100% 完成" in err
    open_store(DataPaths(data_dir))
    try:
        assert Assignment.select().count() == 4
        assert AuditLog.get(AuditLog.action == "自动排班").username == "命令行"
    finally:
        close_store()


def test_one_team(data_dir, capsys):
    assert run_cli(["auto-schedule", "--data-dir", str(data_dir), *PERIOD, "--team", " 红旗义警队 "]) == 0
    out, _ = capsys.readouterr()
    assert "班次 2 个" in out and "已全部排满" in out and "救援" not in out


@pytest.mark.parametrize(("argv", "message"), [
    (["--from", "明天", "--to", "2024-04-21"], "日期有误"),
    (["--from", "2024-04-21", "--to", "2024-04-15"], "结束日期不能早于开始日期"),
    (["--from", "2024-04-15", "--to", "2024-04-21", "--team", "无此队"], "没有名为“无此队”的队伍"),
])
def test_wrong_arguments(data_dir, capsys, argv, message):
    assert run_cli(["auto-schedule", "--data-dir", str(data_dir), *argv]) == 2
    assert message in capsys.readouterr().err


def test_missing_data_file(tmp_path, capsys):
    assert run_cli(["auto-schedule", "--data-dir", str(tmp_path / "none"), "--from", "2024-04-15",
                    "--to", "2024-04-21"]) == 2
    assert "数据文件不存在" in capsys.readouterr().err
