"""The 工作台账 import: every form an office writes its dates, teams, members, hours and 成效 in, through the
importer, from the .xlsx and from the GBK .csv the same sheet saves as; the verdicts, the one transaction,
the report and the command line."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.cli import main
from desktop_app.db.models import Activity, ActivityParticipant, AuditLog, Member
from desktop_app.services.records.ledger_import import (
    ADDED,
    REFUSED,
    SKIPPED,
    LedgerImportError,
    plan_ledger_import,
    read_ledger,
    run_ledger_import,
    save_ledger_report_xlsx,
)
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.roster.teams import TeamInput, save_team
from desktop_app.services.storage.data_folder import close_store, open_store

TODAY = date(2026, 6, 1)
HEADER = ["序号", "日期", "队伍", "工作类别", "地点", "工作内容", "参与队员", "时长（小时）", "成效", "备注"]
# (date, team, kind, members, hours, 成效): what each row says and, in EXPECTED, what it must give
ROWS = [
    (datetime(2026, 3, 5), "石榴大妈义警队", "交通劝导", "张鹏、李娜", 2, "劝导交通违法行为35起"),
    ("2026.3.6", "石榴大妈队", "交通劝导", "张鹏，李娜", "2小时", "劝导电动车闯红灯12起、行人横穿马路8起"),
    ("2026/03/07", "石榴大妈义警队", "救援", "张鹏 李娜", 3, "救助被困车辆３辆"),
    ("3月8日", "花城义警队", "送证上门", "努尔买买提．西热甫", 1.5, "送证上门4件，服务群众4人"),
    ("3月9日", "花城义警队", "巡逻", "努尔买买提·西热甫", 2, "发现安全隐患2处"),
    (None, "花城义警队", "巡逻", "努尔买买提·西热甫,李娜", 2, "报告可疑线索1条"),  # the date merged from above
    ("2026-03-10", "石榴大妈义警队", "交通劝导", "张鹏", 1, 15),
    ("2026-03-11", "石榴大妈义警队", "救援", "张鹏", 2, "救助被困车辆3-4辆"),
    ("2026-03-12", "石榴大妈义警队", "巡逻", "张鹏", 2, "若干"),
    ("2026-03-13", "石榴大妈义警队", "巡逻", "王五", 2, ""),
    ("2026-03-14", "石榴大妈义警队", "巡逻", "王芳", 2, ""),
    ("2026-03-15", "石榴大妈义警队", "巡逻", "张鹏", "半天", ""),
    ("小计", "", "", "", "", ""),
    None,  # a blank row
    ("2026-03-16", "石榴大妈义警队", "护学岗", "李娜", 1, "护学岗执勤1场次"),
]
EXPECTED = [
    (ADDED, "交通劝导", date(2026, 3, 5), {"people_persuaded": 35}, ""),
    (ADDED, "交通劝导", date(2026, 3, 6), {"people_persuaded": 20}, "按“石榴大妈义警队”导入"),
    (ADDED, "救援", date(2026, 3, 7), {"vehicles_helped": 3}, ""),
    (ADDED, "送证上门", date(2026, 3, 8), {"matters_handled": 4, "people_served": 4}, ""),
    (ADDED, "巡逻", date(2026, 3, 9), {"hazards_found": 2}, ""),
    (ADDED, "巡逻", date(2026, 3, 9), {"clues_reported": 1}, ""),
    (ADDED, "交通劝导", date(2026, 3, 10), {"people_persuaded": 15}, ""),
    (REFUSED, None, None, {}, "是一个范围"),
    (REFUSED, None, None, {}, "“若干”不是确切数字"),
    (REFUSED, None, None, {}, "“王五”不在花名册中"),
    (REFUSED, None, None, {}, "花名册中有2名“王芳”"),
    (REFUSED, None, None, {}, "时长“半天”不是小时数"),
    (SKIPPED, None, None, {}, "小计/合计行"),
    (SKIPPED, None, None, {}, "空行"),
    (ADDED, "护学岗", date(2026, 3, 16), {}, "由排班到岗记录统计"),
]


@pytest.fixture
def roster(data_paths):
    shiliu = save_team(TeamInput(name="石榴大妈义警队"))
    huacheng = save_team(TeamInput(name="花城义警队"))
    people = {}
    for name, team in (("张鹏", shiliu), ("李娜", shiliu), ("努尔买买提·西热甫", huacheng), ("王芳", shiliu),
                       ("王芳", huacheng)):
        people[name] = save_member(MemberInput(name=name, team_id=team, join_date="2020-01-01"), today=TODAY).id
    return {"shiliu": shiliu, "huacheng": huacheng, **people}


def ledger_xlsx(path, rows=ROWS, title="夏普吐勒派出所义警工作台账（2026年）"):
    book = Workbook()
    sheet = book.active
    sheet.title = "工作台账"
    sheet.append([title])
    sheet.append(HEADER)
    for number, row in enumerate(rows, start=1):
        if row is None:
            sheet.append([])
            continue
        day, team, kind, members, hours, outcome = row
        sheet.append([number, day, team, kind, "中山路", f"第{number}条工作", members, hours, outcome, ""])
    sheet.merge_cells("B7:B8")  # 3月9日 over the rows 5 and 6 of the table
    other = book.create_sheet("上年")
    other.append(["2025年工作台账"])
    other.append(HEADER)
    other.append([1, "12月30日", "花城义警队", "普法", "村委会", "反诈宣传", "李娜", 2, "普法宣传覆盖群众120人次", "入户"])
    book.save(path)
    return path


def ledger_csv(path, encoding="gbk"):
    """The first sheet as Excel saves it as CSV: dates as shown, a merged date only in its first row."""
    lines = [",".join(["夏普吐勒派出所义警工作台账（2026年）"] + [""] * 9), ",".join(HEADER)]
    for number, row in enumerate(ROWS, start=1):
        if row is None:
            lines.append("," * 9)
            continue
        day, team, kind, members, hours, outcome = row
        shown = "2026/3/5" if isinstance(day, datetime) else (day or "")
        cells = [str(number), shown, team, kind, "中山路", f"第{number}条工作", members, str(hours), str(outcome), ""]
        lines.append(",".join(f'"{cell}"' if "," in cell else cell for cell in cells))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def check_plan(plan, roster):
    verdicts = plan.verdicts[:len(ROWS)]
    for verdict, (action, kind, day, _figures, reason) in zip(verdicts, EXPECTED, strict=True):
        assert verdict.action == action, (verdict.row_number, verdict.reasons)
        if reason:
            assert any(reason in str(r) for r in verdict.reasons), (verdict.row_number, verdict.reasons)
        if kind:
            assert verdict.values["kind"] == kind
            assert verdict.values["date"] == f"{day.year}年{day.month}月{day.day}日"


def check_stored(roster, extra: int = 0):
    stored = list(Activity.select().where(Activity.date >= date(2026, 1, 1)).order_by(Activity.date, Activity.id))
    wanted = [e for e in EXPECTED if e[0] == ADDED]
    assert len(stored) == len(wanted)
    assert Activity.select().count() == len(wanted) + extra
    for row, (_action, kind, day, figures, _reason) in zip(stored, wanted, strict=False):
        assert (row.kind, row.date) == (kind, day)
        for column in ("people_persuaded", "vehicles_helped", "matters_handled", "people_served", "hazards_found",
                       "clues_reported"):
            assert getattr(row, column) == figures.get(column, 0), (row.date, column)
    first = stored[0]
    hours = {p.member_id: p.hours for p in ActivityParticipant.select().where(ActivityParticipant.activity == first)}
    assert hours == {roster["张鹏"]: 2.0, roster["李娜"]: 2.0}
    patrol = [row for row in stored if row.date == date(2026, 3, 9)][1]
    assert {p.member_id for p in patrol.participants} == {roster["努尔买买提·西热甫"], roster["李娜"]}
    assert Activity.get(Activity.date == date(2026, 3, 6)).team_id == roster["shiliu"]


def test_every_form_in_an_xlsx_sheet(roster, tmp_path):
    preview = read_ledger(ledger_xlsx(tmp_path / "台账.xlsx"))
    assert [s.sheet for s in preview.sheets] == ["工作台账", "上年"]
    assert [s.year for s in preview.sheets] == [2026, 2025]
    assert preview.sheets[0].mapping[1] == "date" and preview.sheets[0].mapping[7] == "hours"
    plan = plan_ledger_import(preview, today=TODAY)
    assert Activity.select().count() == 0  # judging changes nothing
    check_plan(plan, roster)
    last_year = plan.verdicts[-1]
    assert (last_year.sheet, last_year.action, last_year.values["date"]) == ("上年", ADDED, "2025年12月30日")
    assert plan.counts == {ADDED: 9, SKIPPED: 2, REFUSED: 5}
    report = run_ledger_import(plan)
    assert (report.added, report.skipped, report.refused) == (9, 2, 5)
    check_stored(roster, extra=1)
    old = Activity.get(Activity.date == date(2025, 12, 30))
    assert (old.kind, old.publicity_reach, old.description) == ("普法宣传", 120, "反诈宣传（备注：入户）")
    assert AuditLog.select().where(AuditLog.action == "导入", AuditLog.table_name == "activity").count() == 1


def test_the_gbk_csv_the_sheet_saves_as_gives_the_same(roster, tmp_path):
    preview = read_ledger(ledger_csv(tmp_path / "台账.csv"))
    assert len(preview.sheets) == 1 and preview.sheets[0].year == 2026
    plan = plan_ledger_import(preview, today=TODAY)
    check_plan(plan, roster)
    merged = plan.verdicts[5]
    assert any("沿用上一行的日期" in str(r) for r in merged.reasons)
    run_ledger_import(plan)
    check_stored(roster)


def test_utf8_csv_and_importing_again_adds_nothing(roster, tmp_path):
    source = ledger_csv(tmp_path / "台账.csv", encoding="utf-8-sig")
    run_ledger_import(plan_ledger_import(read_ledger(source), today=TODAY))
    count = Activity.select().count()
    again = plan_ledger_import(read_ledger(source), today=TODAY)
    assert again.counts[ADDED] == 0 and Activity.select().count() == count
    assert any("与已登记的工作记录相同" in str(r) for v in again.verdicts for r in v.reasons)


def test_a_date_without_a_year_and_no_year_in_the_title_is_refused(roster, tmp_path):
    source = ledger_xlsx(tmp_path / "t.xlsx", rows=[("3月8日", "花城义警队", "巡逻", "李娜", 2, "")], title="义警工作台账")
    plan = plan_ledger_import(read_ledger(source), today=TODAY)
    assert plan.verdicts[0].action == REFUSED
    assert "没有年份" in str(plan.verdicts[0].reasons[0])


def test_an_ambiguous_short_team_is_refused_naming_both(roster, tmp_path):
    save_team(TeamInput(name="石榴大妈义警二队"))
    source = ledger_xlsx(tmp_path / "t.xlsx", rows=[("2026-3-8", "石榴大妈队", "巡逻", "李娜", 2, "")])
    verdict = plan_ledger_import(read_ledger(source), today=TODAY).verdicts[0]
    assert verdict.action == REFUSED
    assert "石榴大妈义警队" in str(verdict.reasons[0]) and "石榴大妈义警二队" in str(verdict.reasons[0])


def test_a_row_failing_a_record_rule_is_refused_and_nothing_half_stored(roster, tmp_path):
    Member.update(join_date=date(2026, 3, 20)).where(Member.id == roster["李娜"]).execute()
    plan = plan_ledger_import(read_ledger(ledger_xlsx(tmp_path / "t.xlsx")), today=TODAY)
    assert plan.verdicts[0].action == REFUSED and "才入队" in str(plan.verdicts[0].reasons)


def test_remapped_column_and_the_report(roster, tmp_path):
    preview = read_ledger(ledger_xlsx(tmp_path / "t.xlsx"))
    sheet = preview.sheets[0]
    mapping = dict(sheet.mapping)
    mapping[8] = None  # 成效 not imported
    plan = plan_ledger_import(preview, {sheet.sheet: mapping}, today=TODAY)
    assert plan.verdicts[7].action == ADDED  # the range is no longer read
    report = run_ledger_import(plan)
    assert Activity.select().where(Activity.people_persuaded > 0).count() == 0
    out = tmp_path / "导入结果.xlsx"
    save_ledger_report_xlsx(report, out)
    book = load_workbook(out)
    rows = list(book["导入结果"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(report.rows)
    assert any(r[7] == REFUSED and "王五" in r[8] for r in rows)


def test_a_file_without_a_ledger_header(data_paths, tmp_path):
    book = Workbook()
    book.active.append(["姓名", "电话"])
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(LedgerImportError, match="没有找到工作台账的表头"):
        read_ledger(tmp_path / "x.xlsx")
    with pytest.raises(LedgerImportError, match="xls"):
        read_ledger(tmp_path / "x.xls")


def test_command_line_prints_counts_and_exits_one_on_refusals(roster, data_paths, tmp_path, capsys, cli_admin):
    source = ledger_xlsx(tmp_path / "台账.xlsx")
    cli_admin()
    close_store()
    try:
        code = main(["import-activities", str(source), "--data-dir", str(data_paths.root),
                     "--report", str(tmp_path / "r.xlsx")])
    finally:
        open_store(data_paths)
    out = capsys.readouterr().out
    assert code == 1
    assert "新增 9，跳过 2，拒绝 5" in out and "王五" in out
    assert (tmp_path / "r.xlsx").exists()
    assert Activity.select().count() == 9
