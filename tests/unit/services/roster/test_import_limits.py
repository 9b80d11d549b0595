"""The importer's limits and the hostile files that found them: each refused quickly with a Chinese message
naming the limit; merged team cells apply to every row they cover; a 10,000-row preview stays small."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.db.models import Member, Team
from desktop_app.services.roster import importer
from desktop_app.services.roster.importer import RosterImportError, plan_import, read_sheet, run_import

ROOT = Path(__file__).resolve().parents[4]
HEADER = ["姓名", "性别", "所属队伍", "备注"]


def _workbook(path: Path, rows: list[list[object]], *, extra=None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    if extra:
        extra(sheet)
    book.save(path)
    return path


def test_a_small_file_whose_used_range_reaches_xfd1048576_is_refused_at_once(tmp_path):
    def far_cell(sheet):
        sheet["XFD1048576"] = "x"

    path = _workbook(tmp_path / "远处.xlsx", [["王建国", "男", "一队", ""]], extra=far_cell)
    assert path.stat().st_size < 10_000
    started = time.perf_counter()
    with pytest.raises(RosterImportError) as caught:
        read_sheet(path)
    assert time.perf_counter() - started < 5
    assert "XFD1048576" in str(caught.value) and "200,000 行" in str(caught.value)


def test_a_far_cell_without_a_declared_range_meets_the_same_limits(tmp_path):
    path = _workbook(tmp_path / "远处.xlsx", [["王建国", "男", "一队", ""]],
                     extra=lambda sheet: sheet.cell(row=3, column=importer.MAX_COLUMNS + 5, value="x"))
    _strip_dimension(path)
    with pytest.raises(RosterImportError, match="超过导入上限 200 列"):
        read_sheet(path)


def _strip_dimension(path: Path) -> None:
    import re

    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb"<dimension [^>]*/>", b"", parts[sheet])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.fixture(scope="session")
def one_huge_cell(tmp_path_factory) -> Path:
    """The issue's file: about 1.5 MB on disk, one cell of 1.5 GB unpacked."""
    small = _workbook(tmp_path_factory.mktemp("huge") / "模板.xlsx", [["王建国", "男", "一队", "PLACEHOLDER"]])
    path = small.with_name("大单元格.xlsx")
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED,
                                                           compresslevel=9) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if b"PLACEHOLDER" not in data:  # the shared strings, or the sheet itself (inline strings)
                target.writestr(info.filename, data)
                continue
            head, tail = data.split(b"PLACEHOLDER")
            with target.open(info.filename, "w", force_zip64=True) as out:
                out.write(head)
                chunk = b"a" * (1 << 24)
                for _ in range(1_500_000_000 // len(chunk)):
                    out.write(chunk)
                out.write(tail)
    return path


def test_a_1_5_mb_file_with_a_1_5_gb_cell_is_refused_before_it_is_read(one_huge_cell):
    assert one_huge_cell.stat().st_size < 2_000_000
    started = time.perf_counter()
    with pytest.raises(RosterImportError, match="超过导入上限 300 MB"):
        read_sheet(one_huge_cell)
    assert time.perf_counter() - started < 2


def test_a_long_cell_is_refused_naming_the_cell_and_the_limit(tmp_path):
    path = _workbook(tmp_path / "长.xlsx", [["王建国", "男", "一队", "备" * 10_001]])
    with pytest.raises(RosterImportError, match="D2 单元格有 10,001 字，超过单元格上限 10,000 字"):
        read_sheet(path)
    csv_path = tmp_path / "长.csv"
    csv_path.write_text("姓名,备注\n王建国," + "备" * 300_000 + "\n", encoding="utf-8")
    with pytest.raises(RosterImportError, match="10,000"):
        read_sheet(csv_path)


def test_too_many_rows_and_too_big_a_file_are_refused_naming_the_limit(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "多.xlsx", [[f"队员{chr(0x4e00 + n)}", "男", "一队", ""] for n in range(60)])
    monkeypatch.setattr(importer, "MAX_ROWS", 50)
    with pytest.raises(RosterImportError, match="超过导入上限 50 行"):
        read_sheet(path)
    monkeypatch.setattr(importer, "MAX_FILE_MB", 0)
    with pytest.raises(RosterImportError, match="超过导入上限 0 MB"):
        read_sheet(path)


def test_a_team_merged_over_its_members_applies_to_each_of_them(data_paths, tmp_path):
    def merge(sheet):
        sheet.merge_cells("C2:C4")

    path = _workbook(tmp_path / "合并.xlsx", [["王建国", "男", "红旗义警队", ""], ["李娜", "女", None, ""],
                                             ["艾尔肯·吐尔逊", "男", None, ""], ["张伟", "男", "一队", ""]],
                     extra=merge)
    report = run_import(plan_import(read_sheet(path)))
    assert report.added == 4
    teams = dict(Team.select(Team.id, Team.name).tuples())
    assert {m.name: teams.get(m.team_id) for m in Member.select()} == {
        "王建国": "红旗义警队", "李娜": "红旗义警队", "艾尔肯·吐尔逊": "红旗义警队", "张伟": "一队"}


def test_control_characters_in_cells_are_cleaned_on_import(data_paths, tmp_path):
    path = tmp_path / "软回车.csv"
    path.write_text("姓名,住址,备注\n王建国,幸福路\x0b3号,第一行\x0b第二行\n", encoding="utf-8")
    report = run_import(plan_import(read_sheet(path)))
    assert report.added == 1
    member = Member.get()
    assert (member.address, member.notes) == ("幸福路 3号", "第一行\n第二行")


_MEASURE = """
import json, resource, sys
from desktop_app.config import DataPaths
from desktop_app.services.storage.data_folder import open_store
from desktop_app.services.roster.importer import plan_import, read_sheet
open_store(DataPaths(__import__("pathlib").Path(sys.argv[2])))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
preview = read_sheet(sys.argv[1])
plan = plan_import(preview)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"rows": len(preview.rows), "mb": (after - before) / 1024}))
"""


def test_the_preview_of_a_10000_row_sheet_stays_within_200_mb(tmp_path):
    from openpyxl import Workbook as Book

    from desktop_app.domain.id_numbers import build_id_number

    book = Book(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["姓名", "性别", "民族", "身份证号", "联系电话", "住址", "所属队伍", "备注"])
    for n in range(10_000):
        number = build_id_number("650102", date(1970 + n % 30, 1 + n % 9, 10 + n % 10), n % 1000)
        sheet.append([f"队员{chr(0x4e00 + n % 2000)}{chr(0x4e00 + n // 2000)}", "男", "汉", number,
                      f"138{n:08d}", "夏普吐勒镇幸福村" + "一" * 20, f"第{n % 20}队", "备注" * 10])
    path = tmp_path / "万人.xlsx"
    book.save(path)
    result = subprocess.run([sys.executable, "-c", _MEASURE, str(path), str(tmp_path / "data")], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["rows"] == 10_000
    assert measured["mb"] < 200, measured
