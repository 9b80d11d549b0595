"""From the command line: two demo offices send their packages, a county imports both, and its annual report
is the two offices' reports added together; the same packages again change nothing."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main as run_cli

COUNTY_PASSWORD = "Kashi#2026county"
OFFICES = {"伽师县公安局甲派出所": 11, "伽师县公安局乙警务室": 12}


def _as(monkeypatch, user: str, password: str) -> None:
    monkeypatch.setenv("YIJING_USER", user)
    monkeypatch.setenv("YIJING_PASSWORD", password)


@pytest.mark.slow
def test_two_demo_offices_reach_the_county_and_its_report_adds_them_up(tmp_path, monkeypatch, capsys):
    county, stick = tmp_path / "county", tmp_path / "stick"
    stick.mkdir()
    _as(monkeypatch, "jz", COUNTY_PASSWORD)
    assert run_cli(["init", "--data-dir", str(county), "--county", "伽师县公安局", "--admin", "jz"]) == 0
    assert run_cli(["county-key", "--data-dir", str(county), "--out", str(stick / "county.pub")]) == 0
    county_fp = capsys.readouterr().out.split("指纹：")[1].splitlines()[0].strip()

    fingerprints, own_reports = [], {}
    for name, seed in OFFICES.items():
        folder = tmp_path / f"office{seed}"
        assert run_cli(["demo-data", "--data-dir", str(folder), "--office", name, "--seed", str(seed)]) == 0
        _as(monkeypatch, "管理员", "demo")
        export = ["export-package", "--data-dir", str(folder), "--county-key", str(stick / "county.pub"),
                  "--to", str(stick)]
        capsys.readouterr()
        assert run_cli(export) == 3  # the county's key not confirmed yet: nothing written
        assert len(list(stick.glob("*.yjpkg"))) == len(fingerprints)
        assert run_cli([*export, "--fingerprint", county_fp]) == 0
        out = capsys.readouterr().out
        fingerprints.append(out.split("本单位签名指纹：")[1][:24])
        assert run_cli(["report", "--data-dir", str(folder), "--period", "2026",
                        "--out", str(tmp_path / f"{seed}.json")]) == 0
        own_reports[name] = json.loads((tmp_path / f"{seed}.json").read_text(encoding="utf-8"))
    packages = sorted(str(p) for p in stick.glob("*.yjpkg"))
    assert len(packages) == 2

    _as(monkeypatch, "jz", COUNTY_PASSWORD)
    capsys.readouterr()
    assert run_cli(["import-package", *packages, "--data-dir", str(county)]) == 1  # not trusted: refused
    assert capsys.readouterr().out.count("尚未经管理员确认") == 2
    trust = [arg for fp in fingerprints for arg in ("--trust", fp)]
    assert run_cli(["import-package", *packages, "--data-dir", str(county), *trust]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all("新增" in line and "删除 0" in line for line in lines)
    assert {line.split("（")[0] for line in lines} == set(OFFICES)

    assert run_cli(["report", "--data-dir", str(county), "--period", "2026", "--out", str(tmp_path / "c.json")]) == 0
    total = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    a, b = own_reports.values()
    for key in ("figures", "activities_by_kind", "stars"):
        assert total[key] == {k: a[key].get(k, 0) + b[key].get(k, 0) for k in a[key].keys() | b[key].keys()}, key
    assert {k: round(v, 1) for k, v in total["hours"].items()} == {
        k: round(a["hours"][k] + b["hours"][k], 1) for k in a["hours"]}
    assert total["cases"]["total"] == a["cases"]["total"] + b["cases"]["total"] > 0
    assert total["cases"]["by_outcome"] == {k: a["cases"]["by_outcome"][k] + b["cases"]["by_outcome"][k]
                                            for k in a["cases"]["by_outcome"]}
    for name, own in own_reports.items():
        mine = total["offices"][name]
        assert {k: mine[k] for k in own if k != "made_on"} == {k: own[k] for k in own if k != "made_on"}
        assert total["packages"][name]["sequence"] == 1
    assert run_cli(["report", "--data-dir", str(county), "--period", "2026", "--office", "伽师县公安局乙警务室",
                    "--out", str(tmp_path / "b.json")]) == 0
    only_b = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert only_b["figures"] == b["figures"] and list(only_b["offices"]) == ["伽师县公安局乙警务室"]

    capsys.readouterr()
    assert run_cli(["import-package", *packages, "--data-dir", str(county)]) == 0
    again = capsys.readouterr().out.splitlines()
    assert len(again) == 2 and all("无变化" in line for line in again)
    assert run_cli(["report", "--data-dir", str(county), "--period", "2026", "--out", str(tmp_path / "c2.json")]) == 0
    assert json.loads((tmp_path / "c2.json").read_text(encoding="utf-8"))["figures"] == total["figures"]


def test_a_tampered_package_is_refused_on_the_command_line(tmp_path, monkeypatch, capsys):
    county, office = tmp_path / "county", tmp_path / "office"
    _as(monkeypatch, "jz", COUNTY_PASSWORD)
    assert run_cli(["init", "--data-dir", str(county), "--county", "伽师县公安局", "--admin", "jz"]) == 0
    assert run_cli(["county-key", "--data-dir", str(county), "--out", str(tmp_path / "county.pub")]) == 0
    fp = capsys.readouterr().out.split("指纹：")[1].splitlines()[0]
    assert run_cli(["init", "--data-dir", str(office), "--office", "伽师县公安局丙派出所", "--admin", "boss"]) == 0
    _as(monkeypatch, "boss", COUNTY_PASSWORD)
    assert run_cli(["export-package", "--data-dir", str(office), "--county-key", str(tmp_path / "county.pub"),
                    "--to", str(tmp_path / "p.yjpkg"), "--fingerprint", fp]) == 0
    data = bytearray((tmp_path / "p.yjpkg").read_bytes())
    data[len(data) // 2] ^= 0x40
    (tmp_path / "bad.yjpkg").write_bytes(bytes(data))
    _as(monkeypatch, "jz", COUNTY_PASSWORD)
    capsys.readouterr()
    assert run_cli(["import-package", str(tmp_path / "bad.yjpkg"), "--data-dir", str(county), "--trust", "0"]) == 1
    assert "bad.yjpkg：拒绝 — 数据包已损坏或被改动" in capsys.readouterr().out
    assert not (county / "offices").exists() or not list((county / "offices").glob("*.db"))
