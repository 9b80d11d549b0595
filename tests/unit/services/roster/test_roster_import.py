"""Roster import: tricky workbooks and CSV files built here, every verdict and reason, the import, a
cancel, and the report. Made-up people only."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.db.models import AuditLog, Member, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.roster.importer import (
    ADDED,
    HEADER_ALIASES,
    REFUSED,
    SKIPPED,
    UPDATED,
    RosterImportError,
    list_sheets,
    normalize_header,
    plan_import,
    read_sheet,
    run_import,
    save_report_xlsx,
)
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.roster.teams import TeamInput, save_team

TODAY = date(2024, 6, 1)
JOINED = date(2023, 9, 1)
AREA = "653123"

ID_A = build_id_number(AREA, date(1985, 3, 14), 31)  # men: odd sequence
ID_B = build_id_number(AREA, date(1992, 7, 2), 42)  # women: even sequence
ID_C_GOOD = build_id_number(AREA, date(1979, 11, 30), 15)
ID_C_BAD = ID_C_GOOD[:17] + ("0" if ID_C_GOOD[17] != "0" else "1")
ID_D = build_id_number(AREA, date(1990, 1, 1), 17)
ID_E = build_id_number(AREA, date(1995, 5, 5), 22)
ID_OLD = "653123850314021"
ID_EXISTING = build_id_number(AREA, date(1970, 8, 8), 64)
ID_F = build_id_number(AREA, date(1988, 2, 29), 33)
ID_G = build_id_number(AREA, date(2000, 12, 31), 51)
ID_H = build_id_number(AREA, date(1983, 4, 1), 8)
ID_I = build_id_number(AREA, date(1975, 6, 6), 99)
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")

HEADER = ["序号", "姓 名", "性别", "民族", "公民身份号码（必填）", "手机号", "家庭住址", "队伍", "入队时间",
          "技能特长", "备注"]
# (Excel row, cells after 序号); comments give the expected verdict.
ROWS: list[tuple[int, list[object]]] = [
    (4, ["努尔买买提·西热甫", "男", "维吾尔族", ID_A, "13812345678", "夏普吐勒镇1村", "第一巡逻队",
         datetime(2023, 9, 1), "巡逻，调解", ""]),  # 新增, Excel date cell
    (5, ["阿依古丽", "女", "维吾尔", ID_B, "１３９ １２３４ ５６７８", "", "第一巡逻队", 45170, "", ""]),  # serial
    (6, ["王建国", "男", "汉", ID_C_BAD, "", "", "", "", "", ""]),  # bad checksum
    (7, ["李明", "男", "汉族", int(ID_D), "", "", "", "", "", ""]),  # ID stored as a number
    (8, ["张伟", "", "汉族", "6.53123E+17", "", "", "", "", "", ""]),  # scientific notation
    (9, ["刘芳", "女", "汉族", "'" + ID_E, "", "", "护学岗分队", "2023.9.1", "", ""]),  # apostrophe, new team
    (10, ["陈静", "女", "汉族", ID_OLD, "", "", "", "", "", ""]),  # 15-digit
    (11, ["赵强", "男", "汉族", ID_A, "", "", "", "", "", ""]),  # duplicate of row 4
    (12, ["马玉兰", "女", "回族", ID_EXISTING, "13712345678", "", "第一巡逻队", "", "", ""]),  # existing
    (14, [None, "男", "汉族", ID_F, "", "", "", "", "", "没有写名字"]),  # no name (row 13 is empty)
    (15, ["周杰", "男", "汉族", ID_G.translate(FULLWIDTH), "", "", "", "2023/9/1", "", ""]),  # full-width ID
    (16, ["吴敏", "女", "汉族", ID_H, "13612345678", "", "护学岗分队", "2023年9月1日", "", ""]),
    (17, ["郑军", "男", "汉族", ID_I, "", "", "", "2023-09-01", "驾驶", ""]),
]
EXPECTED = {
    4: (ADDED, []),
    5: (ADDED, []),
    6: (REFUSED, ["身份证号码：校验位错误，请核对号码"]),
    7: (REFUSED, ["身份证号码被Excel存成了数字，末几位可能已经丢失；请把该列设为“文本”格式后重新填写号码"]),
    8: (REFUSED, ["身份证号码被Excel显示成了科学计数法（如6.50102E+17），末几位已丢失；"
                  "请把该列设为“文本”格式后重新填写号码"]),
    9: (ADDED, ["身份证号码前带有撇号（'），已自动去掉", "将新建队伍“护学岗分队”"]),
    10: (REFUSED, ["这是15位旧身份证号码，请换成18位号码"]),
    11: (REFUSED, ["与第4行身份证号码重复"]),
    12: (SKIPPED, ["已有队员“马玉兰”使用此号码，按设置跳过"]),
    14: (REFUSED, ["请填写姓名"]),
    15: (ADDED, []),
    16: (ADDED, ["将新建队伍“护学岗分队”"]),
    17: (ADDED, []),
}


@pytest.fixture
def roster_book(tmp_path):
    workbook = Workbook()
    notes = workbook.active
    notes.title = "说明"
    notes.append(["本表由各分队填写后交警务室汇总"])
    sheet = workbook.create_sheet("花名册")
    sheet.append(["伽师县公安局夏普吐勒派出所义警队员花名册"])
    sheet.merge_cells("A1:K1")
    sheet.append(["填表日期：2024年5月", None, None, None, None, None, None, None, "单位：人"])
    sheet.append(HEADER)
    next_row = 4
    for excel_row, cells in ROWS:
        while next_row < excel_row:
            sheet.append([])
            next_row += 1
        sheet.append([excel_row - 3, *cells])
        next_row += 1
    sheet["I4"].number_format = "yyyy-mm-dd"
    path = tmp_path / "花名册.xlsx"
    workbook.save(path)
    return path


@pytest.fixture
def existing(data_paths):
    team_id = save_team(TeamInput(name="第一巡逻队"))
    member = save_member(MemberInput(name="马玉兰", ethnic="回族", id_number=ID_EXISTING, phone="13000000000",
                                     occupation="个体户", team_id=None), today=TODAY)
    return team_id, member.id


def verdicts_by_row(plan):
    return {v.row_number: v for v in plan.verdicts}


# --- reading -------------------------------------------------------------------------------------


def test_headers_are_compared_without_spaces_stars_and_hints():
    for header, key in (("姓 名", "name"), ("*姓名", "name"), ("身份证号码（必填）", "id_number"),
                        ("公民身份号码", "id_number"), ("手机号(选填)", "phone"), ("家庭住址", "address"),
                        ("所在队伍", "team"), ("出生年月", "birth_date"), ("技能特长", "skills"),
                        ("加入时间", "join_date"), ("工作单位", "occupation"), ("队别", "team")):
        assert HEADER_ALIASES[normalize_header(header)] == key, header
    assert normalize_header("序号") not in HEADER_ALIASES


def test_sheet_choice_title_rows_and_mapping(roster_book):
    assert list_sheets(roster_book) == ["说明", "花名册"]
    preview = read_sheet(roster_book)
    assert preview.sheet == "花名册"
    assert preview.header_row == 2
    assert preview.headers[4] == "公民身份号码（必填）"
    assert preview.mapping == {0: None, 1: "name", 2: "gender", 3: "ethnic", 4: "id_number", 5: "phone",
                               6: "address", 7: "team", 8: "join_date", 9: "skills", 10: "notes"}
    assert len(preview.rows) == len(ROWS)
    assert preview.row_numbers == [row for row, _ in ROWS]
    assert read_sheet(roster_book, "花名册").rows == preview.rows
    with pytest.raises(RosterImportError, match="没有名为“汇总”的工作表"):
        read_sheet(roster_book, "汇总")


def test_unreadable_files_are_explained(tmp_path):
    old = tmp_path / "旧表.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(RosterImportError, match="另存为"):
        read_sheet(old)
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(RosterImportError, match="无法读取"):
        list_sheets(broken)


# --- verdicts ------------------------------------------------------------------------------------


def test_every_verdict_and_reason(existing, roster_book):
    plan = plan_import(read_sheet(roster_book), today=TODAY)
    got = {row: (v.action, v.reasons) for row, v in verdicts_by_row(plan).items()}
    assert got == EXPECTED
    assert plan.new_teams == ["护学岗分队"]
    rows = verdicts_by_row(plan)
    assert rows[9].new_team == rows[16].new_team == "护学岗分队"
    assert rows[4].new_team is None and rows[6].new_team is None
    assert plan.counts == {ADDED: 6, UPDATED: 0, SKIPPED: 1, REFUSED: 6}


def test_preview_values_are_what_will_be_stored_masked(existing, roster_book):
    rows = verdicts_by_row(plan_import(read_sheet(roster_book), today=TODAY))
    first = rows[4].values
    assert first["name"] == "努尔买买提·西热甫"
    assert first["id_number"] == ID_A[:6] + "********" + ID_A[-4:]
    assert first["phone"] == "138****5678"
    assert first["ethnic"] == "维吾尔族"
    assert first["birth_date"] == "1985年3月14日"
    assert first["join_date"] == "2023年9月1日"
    assert first["team"] == "第一巡逻队"
    assert first["skills"] == "巡逻、调解"
    assert rows[5].values["phone"] == "139****5678"
    assert rows[9].values["team"] == "护学岗分队"
    assert rows[15].values["id_number"] == ID_G[:6] + "********" + ID_G[-4:]
    for verdict in rows.values():
        assert not any(number in str(verdict.values) for number in (ID_A, ID_B, ID_EXISTING, ID_G))


def test_existing_member_is_updated_when_asked(existing, roster_book):
    team_id, member_id = existing
    plan = plan_import(read_sheet(roster_book), update_existing=True, today=TODAY)
    assert verdicts_by_row(plan)[12].action == UPDATED
    report = run_import(plan)
    assert (report.added, report.updated, report.skipped, report.refused) == (6, 1, 0, 6)
    member = Member.get_by_id(member_id)
    assert member.phone == "13712345678"
    assert member.team_id == team_id
    assert member.occupation == "个体户"  # not in the sheet: kept


def test_run_import_stores_the_good_rows(existing, roster_book):
    team_id, member_id = existing
    report = run_import(plan_import(read_sheet(roster_book), today=TODAY))
    assert (report.added, report.updated, report.skipped, report.refused) == (6, 0, 1, 6)
    assert report.teams_created == ["护学岗分队"]
    assert [v.action for v in report.rows] == [EXPECTED[row][0] for row, _ in ROWS]
    new_team = Team.get(Team.name == "护学岗分队")
    stored = {m.name: m for m in Member.select().where(Member.id != member_id)}
    assert set(stored) == {"努尔买买提·西热甫", "阿依古丽", "刘芳", "周杰", "吴敏", "郑军"}
    assert all(m.join_date == JOINED for m in stored.values())
    assert stored["努尔买买提·西热甫"].team_id == team_id
    assert stored["努尔买买提·西热甫"].ethnic_code == "05"
    assert stored["努尔买买提·西热甫"].skills == "巡逻、调解"
    assert stored["阿依古丽"].phone == "13912345678"
    assert stored["阿依古丽"].gender == "女"
    assert stored["刘芳"].id_number == ID_E and stored["刘芳"].team_id == new_team.id
    assert stored["吴敏"].team_id == new_team.id
    assert stored["周杰"].id_number == ID_G and stored["周杰"].birth_date == date(2000, 12, 31)
    assert stored["郑军"].team_id is None
    assert Member.get_by_id(member_id).phone == "13000000000"  # skipped: unchanged
    summary = AuditLog.get(AuditLog.action == "导入").summary
    assert "新增6人" in summary and "拒绝6人" in summary
    assert not any(ID_A in log.summary or "138" in log.summary for log in AuditLog.select())


def test_rows_are_checked_again_at_run_time(existing, roster_book):
    plan = plan_import(read_sheet(roster_book), today=TODAY)
    save_member(MemberInput(name="别人", id_number=ID_H), today=TODAY)
    report = run_import(plan)
    row = {v.row_number: v for v in report.rows}[16]
    assert row.action == SKIPPED and "已有队员“别人”" in row.reasons[-1]
    assert report.added == 5


def test_no_name_column_or_a_column_twice_is_refused(data_paths, roster_book):
    preview = read_sheet(roster_book)
    without_name = preview.mapping | {1: None}
    with pytest.raises(RosterImportError, match="没有找到“姓名”列"):
        plan_import(preview, without_name)
    twice = preview.mapping | {6: "phone"}
    with pytest.raises(RosterImportError, match="对应了两列"):
        plan_import(preview, twice)


def test_a_hand_mapping_can_ignore_a_column(existing, roster_book):
    preview = read_sheet(roster_book)
    plan = plan_import(preview, preview.mapping | {7: None}, today=TODAY)
    assert plan.new_teams == []
    assert verdicts_by_row(plan)[9].reasons == ["身份证号码前带有撇号（'），已自动去掉"]


def test_birth_month_columns_follow_the_id_number(data_paths, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "身份证号", "出生年月"])
    sheet.append(["甲", ID_A, "1985.03"])  # year and month only, matches
    sheet.append(["乙", ID_B, datetime(1992, 7, 1)])  # a 出生年月 cell that stored the 1st
    sheet.append(["丙", ID_D, "1990年1月2日"])  # a full date that disagrees
    sheet.append(["丁", None, "1970.5"])  # nothing to compare with
    path = tmp_path / "birth.xlsx"
    workbook.save(path)
    rows = verdicts_by_row(plan_import(read_sheet(path), today=TODAY))
    assert (rows[2].action, rows[3].action) == (ADDED, ADDED)
    assert rows[4].action == REFUSED
    assert rows[4].reasons == ["出生日期与身份证号码不符（号码中为1990年1月1日）"]
    assert (rows[5].action, rows[5].reasons) == (ADDED, ["出生日期只有年月，未导入"])


# --- cancel --------------------------------------------------------------------------------------


class Cancelled(Exception):
    pass


def test_a_cancel_mid_way_leaves_the_database_as_it_was(existing, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "身份证号码", "所属队伍"])
    for i in range(450):
        sheet.append([f"队员{'甲乙丙丁戊'[i % 5]}{'子丑寅卯辰巳午未申酉'[i // 45 % 10]}",
                      build_id_number(AREA, date(1980, 1, 1 + i % 28), i), "新建的队" if i > 100 else ""])
    path = tmp_path / "big.xlsx"
    workbook.save(path)
    plan = plan_import(read_sheet(path), today=TODAY)
    assert plan.counts[ADDED] == 450
    before = (Member.select().count(), Team.select().count(), AuditLog.select().count())
    calls: list[int] = []

    def progress(done: int, total: int, _message: str) -> None:
        calls.append(done * 100 // total)
        if len(calls) == 3:  # after 400 rows were written
            raise Cancelled

    with pytest.raises(Cancelled):
        run_import(plan, progress)
    assert calls[:3] == [0, 44, 88]
    assert (Member.select().count(), Team.select().count(), AuditLog.select().count()) == before
    report = run_import(plan)  # the same plan still imports afterwards
    assert report.added == 450 and report.teams_created == ["新建的队"]


def test_plan_progress_is_reported(existing, roster_book):
    seen: list[tuple[int, str]] = []
    plan_import(read_sheet(roster_book), today=TODAY,
                progress=lambda done, total, m: seen.append((done * 100 // total, m)))
    assert seen[0][0] == 0 and seen[-1] == (100, "检查完成")


# --- CSV -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_in_gbk_or_utf8(data_paths, tmp_path, encoding):
    text = ("花名册（2024年）\n"
            "姓名,性别,身份证号码,手机,所属队伍,入队日期\n"
            f"王建国,男,{ID_A},138-1234-5678,第二队,2023.9.1\n"
            f"阿依古丽·买买提,女,{ID_B},,第二队,2023/9/1\n"
            ",,,,,\n"
            f"李明,男,6.53123E+17,,,\n")
    path = tmp_path / f"roster-{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    assert list_sheets(path) == ["CSV"]
    preview = read_sheet(path)
    assert preview.header_row == 1
    assert preview.headers == ["姓名", "性别", "身份证号码", "手机", "所属队伍", "入队日期"]
    assert preview.row_numbers == [3, 4, 6]
    plan = plan_import(preview, today=TODAY)
    assert [v.action for v in plan.verdicts] == [ADDED, ADDED, REFUSED]
    assert "科学计数法" in plan.verdicts[2].reasons[0]
    report = run_import(plan)
    assert report.teams_created == ["第二队"]
    assert Member.get(Member.name == "阿依古丽·买买提").join_date == JOINED
    assert Member.get(Member.name == "王建国").phone == "13812345678"


def test_unicode_text_saved_by_excel_is_read(data_paths, tmp_path):
    path = tmp_path / "roster.txt"
    path.write_bytes(f"姓名\t身份证号\t联系电话\n热依拉·吐尔洪\t{ID_B}\t13912345678\n".encode("utf-16"))
    preview = read_sheet(path)
    assert preview.headers == ["姓名", "身份证号", "联系电话"]
    assert preview.rows == [["热依拉·吐尔洪", ID_B, "13912345678"]]


# --- report --------------------------------------------------------------------------------------


def test_report_xlsx_content(existing, roster_book, tmp_path):
    report = run_import(plan_import(read_sheet(roster_book), today=TODAY))
    out = tmp_path / "导入报告.xlsx"
    save_report_xlsx(report, out)
    workbook = load_workbook(out)
    sheet = workbook["导入结果"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("行号", "姓名", "身份证号", "结果", "原因")
    assert len(rows) == len(ROWS) + 1
    by_row = {r[0]: r for r in rows[1:]}
    assert by_row[4][1:4] == ("努尔买买提·西热甫", ID_A[:6] + "********" + ID_A[-4:], ADDED)
    assert by_row[6][3:] == (REFUSED, "身份证号码：校验位错误，请核对号码")
    assert by_row[11][4] == "与第4行身份证号码重复"
    assert by_row[12][3] == SKIPPED
    assert sheet.freeze_panes == "A2"
    everything = " ".join(str(c) for r in rows for c in r)
    for number in (ID_A, ID_B, ID_E, ID_EXISTING, ID_G, "13812345678"):
        assert number not in everything
    totals = dict(workbook["汇总"].iter_rows(min_row=2, max_row=6, values_only=True))
    assert totals == {ADDED: 6, UPDATED: 0, SKIPPED: 1, REFUSED: 6, "新建队伍": 1}


def test_each_row_is_checked_once_and_the_import_is_one_audit_entry(existing, roster_book, monkeypatch):
    import desktop_app.services.roster.importer as importer

    calls: list[str] = []
    real = importer.validate_member

    def counting(data, *args, **kwargs):
        calls.append(data.name)
        return real(data, *args, **kwargs)

    monkeypatch.setattr(importer, "validate_member", counting)
    before = AuditLog.select().count()
    plan = plan_import(read_sheet(roster_book), today=TODAY)
    checked = len(calls)
    report = run_import(plan)
    assert len(calls) == checked  # the import stored what the check gave
    assert sorted(calls) == sorted(set(calls))  # no row checked twice in the plan either
    entries = list(AuditLog.select().where(AuditLog.id > 0).order_by(AuditLog.id))[before:]
    imports = [e for e in entries if e.action == "导入"]
    assert len(imports) == 1 and not [e for e in entries if e.table_name == "member" and e.action == "新增"]
    _team_id, member_id = existing
    added = sorted(m.id for m in Member.select().where(Member.id != member_id))
    assert report.added == len(added) == 6 and added == list(range(added[0], added[0] + 6))
    assert imports[0].summary.endswith(f"新增队员编号 {added[0]}–{added[-1]}")
