"""Where things live: the data folder and its parts, and the bundled resources."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "义警服务队管理系统"
APP_ID = "yijing"
APP_VERSION = "0.1.0"
DATABASE_FILE = "yijing.db"
SERVER_FILE = "database.url"  # a networked office's PostgreSQL URL, without a password (db/server.py)


def resources_dir() -> Path:
    # PyInstaller unpacks data files under sys._MEIPASS; from a checkout they sit beside the package.
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) / "resources" if base else Path(__file__).resolve().parent.parent / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_ID, appauthor=False)


@dataclass(frozen=True)
class DataPaths:
    root: Path
    url: str | None = None  # a server named for this run (--database), before the folder's database.url

    @property
    def database(self) -> Path:
        return self.root / DATABASE_FILE

    @property
    def server_file(self) -> Path:
        return self.root / SERVER_FILE

    @property
    def database_url(self) -> str | None:
        """The PostgreSQL server this folder's office works on, or None when its data is the SQLite file."""
        if self.url:
            return self.url
        try:
            text = self.server_file.read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return text or None

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "yijing.log"

    @property
    def lock_file(self) -> Path:
        return self.root / "yijing.lock"

    def ensure(self) -> DataPaths:
        for folder in (self.root, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self
