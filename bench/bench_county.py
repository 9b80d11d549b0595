"""The county (issue 20): importing 50 village-scale offices' packages into a new county folder (each
registered, decrypted, checked and applied), and the county's annual 工作简报 over the 50 copies.

Set-up, not timed: one county folder with its keys, and 50 packages made from copies of the village
database, each with an office identity and a signing key of its own."""

from __future__ import annotations

import shutil
import time
import uuid

from harness import Benchmark, Context

from desktop_app.config import DataPaths
from desktop_app.db.models import OfficeSettings
from desktop_app.domain.periods import parse_period
from desktop_app.services.county.export import export_package
from desktop_app.services.county.identity import set_up_county
from desktop_app.services.county.importing import APPLIED, import_packages
from desktop_app.services.county.keys import county_keys, write_public_key
from desktop_app.services.county.reports import county_report
from desktop_app.services.storage.data_folder import close_store, open_store

OFFICES = 50
_made: dict[str, tuple[DataPaths, list]] = {}
_imported: dict[str, DataPaths] = {}


def _packages(ctx: Context) -> tuple[DataPaths, list]:
    key = str(ctx.workdir)
    if key in _made:
        return _made[key]
    county = DataPaths(ctx.scratch("county-template")).ensure()
    open_store(county)
    set_up_county(county.root, "性能测试县公安局")
    pub = ctx.scratch("county.pub")
    fingerprint = write_public_key(pub, "性能测试县公安局", county_keys(county.root).public)
    close_store()
    packages = []
    for index in range(OFFICES):
        office = ctx.fresh_data_dir()
        open_store(office)
        OfficeSettings.update(office_uuid=uuid.uuid4().hex, unit_name=f"性能测试县公安局第{index + 1:02d}派出所").execute()
        packages.append(export_package(pub, ctx.scratch(f"office{index:02d}.yjpkg"), fingerprint).path)
        close_store()
        shutil.rmtree(office.root)
    _made[key] = (county, packages)
    return county, packages


def _new_county(ctx: Context, name: str) -> DataPaths:
    template, _packages_ = _packages(ctx)
    target = ctx.scratch(name)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(template.root, target)
    return DataPaths(target)


def _import(ctx: Context) -> float:
    _template, packages = _packages(ctx)
    county = _new_county(ctx, "county-import")
    open_store(county)
    try:
        started = time.perf_counter()
        outcomes = import_packages(packages, lambda _name, _fingerprint: True)
        elapsed = time.perf_counter() - started
        assert all(o.outcome == APPLIED for o in outcomes), [o.reason for o in outcomes if o.outcome != APPLIED][:1]
    finally:
        close_store()
    return elapsed


def _report(ctx: Context) -> float:
    key = str(ctx.workdir)
    if key not in _imported:
        _template, packages = _packages(ctx)
        county = _new_county(ctx, "county-report")
        open_store(county)
        import_packages(packages, lambda _name, _fingerprint: True)
        close_store()
        _imported[key] = county
    open_store(_imported[key])
    try:
        started = time.perf_counter()
        data = county_report(parse_period(str(ctx.today.year)), today=ctx.today)
        elapsed = time.perf_counter() - started
        assert data["offices_count"] == OFFICES
    finally:
        close_store()
    return elapsed


BENCHMARKS = [
    Benchmark(name="county_import", what="县局导入 50 个村级单位的数据包（登记、解密、校验、应用） / import 50 office packages",
              run=_import, budget_s=30.0, scales=("village",), repeat=3),
    Benchmark(name="county_report", what="县局全年工作简报，汇总 50 个单位 / the county's annual report over 50 offices",
              run=_report, budget_s=5.0, scales=("village",), repeat=3),
]
