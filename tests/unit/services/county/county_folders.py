"""What the county tests share: offices and a county in one test, each a data folder of its own (a copy of
the migrated template) opened one at a time as the program opens one folder (the fixtures `new_folder` and
`county`, imported by the tests that use them), an office made in one, and the rows an office's package
carries (what the county's copy of it must equal)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.config import DataPaths
from desktop_app.services.storage.data_folder import close_store, open_store

COUNTY_NAME = "测试县公安局"
LEFT_OUT = {"user", "audit_log", "audit_archive", "schema_version", "county_office", "package_import"}
LEFT_OUT_SETTINGS = {"backup_password_hash", "accounts.demo_password", "backup_taken_at", "last_backup_at",
                     "last_automatic_backup_at"}


@dataclass
class Folder:
    paths: DataPaths
    pub: Path | None = None
    fingerprint: str = ""

    @contextmanager
    def open(self) -> Iterator[DataPaths]:
        open_store(self.paths)
        try:
            yield self.paths
        finally:
            close_store()


@pytest.fixture
def new_folder(tmp_path, migrated_template):
    made = [0]

    def make(name: str | None = None) -> Folder:
        made[0] += 1
        paths = DataPaths(tmp_path / (name or f"folder{made[0]}")).ensure()
        shutil.copyfile(migrated_template, paths.database)
        return Folder(paths)

    return make


@pytest.fixture
def county(new_folder, tmp_path):
    """A county folder and its county.pub; `.pub` and `.fingerprint` beside the folder."""
    from desktop_app.services.county.identity import set_up_county
    from desktop_app.services.county.keys import county_keys, write_public_key

    folder = new_folder("county")
    with folder.open() as paths:
        set_up_county(paths.root, COUNTY_NAME)
        folder.fingerprint = write_public_key(tmp_path / "county.pub", COUNTY_NAME, county_keys(paths.root).public)
    folder.pub = tmp_path / "county.pub"
    return folder


def make_office(folder: Folder, name: str) -> Folder:
    from desktop_app.services.office.details import OfficeInfo, save_office

    with folder.open():
        save_office(OfficeInfo(unit_name=name, case_prefix=name[:1] + "派调"))
    return folder


def office_state(database: Path) -> dict[str, list[tuple]]:
    """Every row an office's package carries (what the county's copy must equal), by table, sorted by uuid."""
    con = sqlite3.connect(database)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        state = {}
        for table in tables:
            if table in LEFT_OUT or table.startswith(("sqlite_", "county_")):
                continue
            rows = con.execute(f'SELECT * FROM "{table}" ORDER BY "uuid"').fetchall()
            if table == "setting":
                keys = [c[1] for c in con.execute('PRAGMA table_info("setting")')]
                rows = [r for r in rows if r[keys.index("key")] not in LEFT_OUT_SETTINGS]
            if table == "counter":
                keys = [c[1] for c in con.execute('PRAGMA table_info("counter")')]
                rows = [r for r in rows if r[keys.index("name")] != "数据包"]
            state[table] = rows
        return state
    finally:
        con.close()
