"""`demo-data` with the same seed, then `export-roster`, `duty-sheet` (PDF and sheet) and `export-cases` (the
register and every case's documents and dossier), on this PC's file and on a PostgreSQL server: the same
content, cell for cell and line for line of the PDFs' text, but for the moment each was made. The server's
database sorts by a Chinese locale (ICU zh-CN), as an office's server set up in Chinese would."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from desktop_app.cli import main
from desktop_app.db.server import with_database
from desktop_app.services.storage.data_folder import close_store

pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")]

SEED = "7"
_MOMENTS = re.compile(r"(制表时间：|导出时间：|打印时间：)\s*[\d年月日:\- ]+")


def _sheets(path: Path) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {sheet.title: [tuple(_moment_free(v) for v in row) for row in sheet.iter_rows(values_only=True)]
                for sheet in book.worksheets}
    finally:
        book.close()


def _moment_free(value):
    return _MOMENTS.sub(r"\1…", value) if isinstance(value, str) else value


def _pdf_text(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [_moment_free(line.rstrip()) for line in text.splitlines()]


def _content(path: Path):
    if path.suffix == ".xlsx":
        return _sheets(path)
    if path.suffix == ".pdf":
        return _pdf_text(path)
    if path.name == "校验清单.txt":  # each file's checksum: the PDFs record when they were made
        return sorted(line.split()[-1] for line in path.read_text(encoding="utf-8").splitlines()
                      if line and not line.startswith("#"))
    return path.read_text(encoding="utf-8")


def _exports(folder: Path, out: Path, database: list[str], week: str) -> dict[str, object]:
    where = ["--data-dir", str(folder), *database]
    assert main(["demo-data", *where, "--seed", SEED]) == 0
    out.mkdir()
    assert main(["export-roster", *where, "--out", str(out / "花名册.xlsx")]) == 0
    assert main(["duty-sheet", *where, "--week", week, "--out", str(out / "值班表.pdf")]) == 0
    assert main(["duty-sheet", *where, "--week", week, "--out", str(out / "值班表.xlsx")]) == 0
    cases = out / "cases"
    cases.mkdir()
    assert main(["export-cases", *where, "--from", "2000-01-01", "--to", "2099-12-31", "--to-dir", str(cases)]) == 0
    exported = [p for p in out.rglob("*") if p.is_file()]
    return {p.relative_to(out).as_posix().split("/", 2)[-1] if "cases/" in p.relative_to(out).as_posix()
            else p.name: _content(p) for p in exported}


def test_the_same_seed_gives_the_same_exports_on_both_engines(tmp_path, pg_test_server, monkeypatch):
    from datetime import date

    monkeypatch.setenv("YIJING_USER", "管理员")
    monkeypatch.setenv("YIJING_PASSWORD", "demo")
    close_store()
    week = f"{date.today().isocalendar()[0]}-W{date.today().isocalendar()[1]:02d}"
    name = f"{pg_test_server.prefix}_same_content"
    pg_test_server.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    pg_test_server.admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                                 "LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN' LOCALE 'C.UTF-8'")
    try:
        on_file = _exports(tmp_path / "file", tmp_path / "out-file", [], week)
        on_server = _exports(tmp_path / "server", tmp_path / "out-server",
                             ["--database", with_database(pg_test_server.url, name)], week)
    finally:
        close_store()
        pg_test_server.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert sorted(on_server) == sorted(on_file)
    assert len(on_file) > 40  # the register, 40 cases' documents, the roster, the duty sheets
    for exported in sorted(on_file):
        assert on_server[exported] == on_file[exported], exported
