"""花名册导入: a 10,000-row workbook read, checked and imported in one transaction, against openpyxl
reading the same workbook (read-only) without importing.

The workbook is made here from made-up people (area codes the demo data does not use, so every row is
new) in the shape offices send: a title row, the usual headers, Excel date cells and typed dates.
Each timed run imports into a fresh copy of the generated database (copying it is not timed).
"""

from __future__ import annotations

import random
import shutil
import time
from datetime import date, datetime
from pathlib import Path

from harness import Benchmark, Context
from openpyxl import Workbook, load_workbook

from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.roster.importer import plan_import, read_sheet, run_import
from desktop_app.services.storage.data_folder import close_store, open_store

ROWS = 10_000
AREAS = ("653124", "653125", "653126", "653127")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
GIVEN = "建国明华丽芳伟强军敏静磊洋勇艳杰娟涛超秀英霞平刚桂兰"
UYGHUR = ("努尔买买提", "阿依古丽", "买买提", "艾则孜", "古丽娜尔", "阿不都热合曼", "热依拉", "吐尔洪", "西热甫")
ETHNIC = ("汉族", "维吾尔族", "维吾尔", "哈萨克族", "回族", "柯尔克孜族")
SKILLS = ("巡逻", "巡逻、调解", "交通劝导", "驾驶，救援", "双语翻译、调解", "急救", "")
HEADER = ["序号", "姓名", "性别", "民族", "公民身份号码", "手机号", "家庭住址", "所属队伍", "入队时间", "技能特长",
          "备注"]


def build_workbook(path: Path, rows: int = ROWS, seed: int = 2024) -> Path:
    rng = random.Random(seed)
    numbers: set[str] = set()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["伽师县公安局夏普吐勒派出所义警队员花名册"])
    sheet.append(HEADER)
    for serial in range(1, rows + 1):
        while True:
            birth = date(rng.randrange(1960, 2005), rng.randrange(1, 13), rng.randrange(1, 29))
            male = rng.random() < 0.6
            number = build_id_number(rng.choice(AREAS), birth, rng.randrange(500) * 2 + (1 if male else 0))
            if number not in numbers:
                numbers.add(number)
                break
        ethnic = rng.choice(ETHNIC)
        if "维吾尔" in ethnic:
            name = f"{rng.choice(UYGHUR)}·{rng.choice(UYGHUR)}"
        else:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randrange(1, 3)))
        joined = date(rng.randrange(2015, 2024), rng.randrange(1, 13), rng.randrange(1, 29))
        typed = rng.randrange(4)
        join_cell: object = (datetime(joined.year, joined.month, joined.day) if typed == 0
                             else f"{joined.year}.{joined.month}.{joined.day}" if typed == 1
                             else f"{joined.year}年{joined.month}月{joined.day}日" if typed == 2
                             else joined.isoformat())
        phone = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
        sheet.append([serial, name, "男" if male else "女", ethnic, number, phone, f"夏普吐勒镇{rng.randrange(1, 12)}村",
                      f"导入测试第{rng.randrange(1, 21)}分队", join_cell, rng.choice(SKILLS), ""])
    book.save(path)
    return path


def _workbook(ctx: Context) -> Path:
    path = ctx.scratch("roster10k.xlsx")
    if not path.exists():
        build_workbook(path, seed=ctx.seed)
    return path


def _import(ctx: Context) -> float:
    source = _workbook(ctx)
    paths = ctx.fresh_data_dir()
    open_store(paths)
    try:
        started = time.perf_counter()
        report = run_import(plan_import(read_sheet(source)))
        elapsed = time.perf_counter() - started
    finally:
        close_store()
        shutil.rmtree(paths.root, ignore_errors=True)
    if report.added != ROWS:
        raise AssertionError(f"expected {ROWS} rows added, got {report.added} (refused {report.refused})")
    return elapsed


def _read_only(ctx: Context) -> float:
    source = _workbook(ctx)
    started = time.perf_counter()
    book = load_workbook(source, read_only=True, data_only=True)
    rows = sum(1 for _ in book["花名册"].iter_rows(values_only=True))
    book.close()
    elapsed = time.perf_counter() - started
    assert rows == ROWS + 2
    return elapsed


BENCHMARKS = [
    Benchmark(
        name="import10k",
        what=f"花名册导入 {ROWS:,} 行（读取 + 逐行检查 + 一个事务导入） / roster import of a {ROWS:,}-row .xlsx",
        run=_import,
        baseline=_read_only,
        baseline_name="openpyxl read_only, rows only",
        budget_ratio=4.0,  # the issue's: at most 4× reading the workbook with openpyxl, measured in the same run
        repeat=3,
        warmup=0,
    ),
]
