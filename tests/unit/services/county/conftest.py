"""Offices and a county in one test: each a data folder of its own (a copy of the migrated template), opened
one at a time as the program opens one folder (county_folders.py)."""

from __future__ import annotations

import shutil

import pytest
from county_folders import COUNTY_NAME, Folder

from desktop_app.config import DataPaths


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
