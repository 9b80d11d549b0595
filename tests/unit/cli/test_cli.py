"""The command line: --help, --self-test in a fresh process, and backup."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[3]


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for word in ("--data-dir", "--self-test", "demo-data", "backup"):
        assert word in out


def test_data_dir_is_accepted_before_or_after_the_command(tmp_path):
    parser = build_parser()
    assert parser.parse_args(["--data-dir", str(tmp_path), "backup"]).data_dir == tmp_path
    assert parser.parse_args(["backup", "--data-dir", str(tmp_path)]).data_dir == tmp_path
    assert parser.parse_args([]).data_dir is None


def test_self_test_exits_zero_in_a_fresh_process():
    result = subprocess.run([sys.executable, "main.py", "--self-test"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "自检通过" in result.stdout
    from desktop_app.self_test import CHECKS
    from desktop_app.self_test import checks as _registered  # noqa: F401 - fills CHECKS

    assert result.stdout.count("[通过]") == len(CHECKS) >= 14


def test_backup_command(tmp_path, capsys, cli_admin):
    from desktop_app.config import DataPaths
    from desktop_app.services.storage.data_folder import close_store, open_store

    open_store(DataPaths(tmp_path))
    cli_admin()
    close_store()
    out_file = tmp_path / "copy.db"
    assert main(["backup", "--data-dir", str(tmp_path), "--out", str(out_file)]) == 0
    assert out_file.exists() and "已备份并校验" in capsys.readouterr().out
    assert main(["backup", "--data-dir", str(tmp_path / "none")]) == 2
