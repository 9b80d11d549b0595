"""Several simulated offices edit, delete and export in random order; the county imports their packages in
random order, repeats, stale ones and changed copies included. Afterwards the county's copy of each office
is that office's state at its newest package, every changed copy was refused and applied nothing, and each
import said what it did (applied, 无变化, 旧数据包)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from county_folders import Folder, make_office, office_state
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.config import DataPaths
from desktop_app.db.models import Activity, Member, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.county.copies import copy_path
from desktop_app.services.county.export import export_package
from desktop_app.services.county.identity import set_up_county
from desktop_app.services.county.importing import APPLIED, REFUSED, STALE, UNCHANGED, import_package
from desktop_app.services.county.keys import county_keys, write_public_key

OFFICES = 3
ACTION = st.tuples(st.sampled_from(["add", "edit", "delete", "export"]), st.integers(0, OFFICES - 1),
                   st.integers(0, 50))


def _edit(action: str, pick: int, serial: list[int]) -> None:
    """One change in the open office: a new team with a member and an activity, a member changed, or a
    member or an activity removed."""
    if action == "add":
        serial[0] += 1
        team = Team.create(name=f"第{serial[0]}队")
        Member.create(team=team, name=f"队员{serial[0]}",
                      id_number=build_id_number("653123", date(1980, 1, 1) + timedelta(days=serial[0]), 11))
        Activity.create(date=date(2026, 1, 1) + timedelta(days=pick * 5), kind="巡逻", team=team, people_served=pick)
        return
    members = list(Member.select().order_by(Member.id))
    activities = list(Activity.select().order_by(Activity.id))
    if action == "edit" and members:
        member = members[pick % len(members)]
        member.notes = f"改{serial[0]}-{pick}"
        member.save()
    elif action == "delete" and (members or activities):
        rows = members + activities
        rows[pick % len(rows)].delete_instance(recursive=True)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(actions=st.lists(ACTION, min_size=1, max_size=14), data=st.data())
def test_the_county_copy_of_each_office_is_its_state_at_its_newest_package(migrated_template, actions, data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)

        def new(name: str) -> Folder:
            paths = DataPaths(root / name).ensure()
            shutil.copyfile(migrated_template, paths.database)
            return Folder(paths)

        county = new("county")
        with county.open() as paths:
            set_up_county(paths.root, "测试县公安局")
            fingerprint = write_public_key(root / "county.pub", "测试县公安局", county_keys(paths.root).public)
        offices = [make_office(new(f"office{i}"), f"伽师县公安局第{i}派出所") for i in range(OFFICES)]
        serial = [0]
        packages: list[tuple[int, int, Path, dict]] = []  # office, sequence, file, state at the package
        clock = datetime(2026, 12, 1, 8, 0)
        for action, index, pick in [*actions, ("export", 0, 0)]:
            with offices[index].open() as paths:
                if action == "export":
                    clock += timedelta(minutes=1)
                    done = export_package(root / "county.pub", root / f"p{len(packages)}.yjpkg", fingerprint, now=clock)
                    packages.append((index, done.sequence, done.path, office_state(paths.database)))
                else:
                    _edit(action, pick, serial)

        order = data.draw(st.permutations(range(len(packages))))
        extra = data.draw(st.lists(st.integers(0, len(packages) - 1), max_size=4))
        order = [*order, *extra]
        tampered = data.draw(st.lists(st.tuples(st.integers(0, len(packages) - 1), st.integers(0, 10**9),
                                                st.integers(1, 255)), max_size=3))
        plan: list[tuple[int, Path, bool]] = [(i, packages[i][2], False) for i in order]
        for i, position, mask in tampered:
            good = packages[i][2].read_bytes()
            at = position % len(good)
            bad = root / f"bad{len(plan)}.yjpkg"
            bad.write_bytes(good[:at] + bytes([good[at] ^ mask]) + good[at + 1:])
            plan.insert(data.draw(st.integers(0, len(plan))), (i, bad, True))

        applied: dict[int, int] = {}  # office → newest sequence applied
        uuids: dict[int, str] = {}
        with county.open():
            for i, path, is_tampered in plan:
                office, sequence, _file, _state = packages[i]
                outcome = import_package(path, lambda _name, _fp: True)
                if is_tampered:
                    assert outcome.outcome == REFUSED, (outcome.outcome, path.name)
                    continue
                uuids[office] = outcome.office_uuid
                newest = applied.get(office, 0)
                if sequence < newest:
                    assert outcome.outcome == STALE
                elif sequence == newest:
                    assert outcome.outcome == UNCHANGED and (outcome.added, outcome.changed, outcome.removed) == (0, 0, 0)
                else:
                    assert outcome.outcome in (APPLIED, UNCHANGED), outcome.reason
                    applied[office] = sequence
        for office, newest in applied.items():
            state = next(s for o, q, _p, s in packages if o == office and q == newest)
            assert newest == max(q for o, q, _p, _s in packages if o == office)
            assert office_state(copy_path(county.paths.root, uuids[office])) == state
