"""Every assignment the auto-scheduler makes passes the manual-assignment check: random offices in a real
database are scheduled, then each new assignment is taken off (inside a transaction that is rolled back) and
`check_assignment` is asked whether a person could put that member on that shift, given the rest of the
schedule as it stands. The scheduler treats every rule of services/schedule/rules.py as refusing, so not even
a warning may come back."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.config import DataPaths
from desktop_app.db.database import db
from desktop_app.db.models import Assignment, Leave, Member, Qualification, Shift, Team
from desktop_app.services.office.settings import set_setting
from desktop_app.services.schedule.assignment_checks import check_assignment
from desktop_app.services.schedule.auto_scheduler import auto_schedule
from desktop_app.services.schedule.posts import PostInput, save_post
from desktop_app.services.schedule.settings import MAX_SHIFTS_KEY, MIN_REST_KEY
from desktop_app.services.storage.data_folder import close_store, open_store

MONDAY = date(2024, 4, 15)  # no holiday that week
WEEK = [MONDAY + timedelta(days=k) for k in range(7)]
AROUND = [MONDAY + timedelta(days=k) for k in range(-3, 10)]  # the week, and days either side
BEFORE = datetime(2024, 4, 1, 8, 0)  # "now": every shift is still ahead
INSURED = date(2030, 1, 1)
KINDS = ("巡逻", "护学岗", "交通劝导", "警务站值守", "救援待命", "其他")


def clock(draw) -> tuple[time, time]:
    start = draw(st.integers(0, 47)) * 30
    end = (start + draw(st.sampled_from((40, 120, 180, 240, 720)))) % 1440
    return time(start // 60, start % 60), time(end // 60, end % 60)


@st.composite
def offices(draw) -> dict:
    """A plain description of an office: members (with leave and qualifications), posts, shifts around the
    week, assignments that are already there, the rules' settings and the period to schedule."""
    members = []
    for _ in range(draw(st.integers(1, 12))):
        quals = draw(st.lists(st.tuples(st.sampled_from((date(2020, 1, 1), WEEK[0], WEEK[4])),
                                        st.sampled_from((None, WEEK[2], WEEK[6]))), max_size=2))
        members.append({
            "team": draw(st.sampled_from((0, 1, None))),
            "status": draw(st.sampled_from(("在队", "在队", "在队", "暂停"))),
            "join": draw(st.sampled_from((None, date(2020, 1, 1), WEEK[3]))),
            "insurance": draw(st.sampled_from((None, WEEK[1], WEEK[5], INSURED, INSURED, INSURED, INSURED))),
            "skills": draw(st.sampled_from(("巡逻", "救援、驾驶", "", "救援"))),
            "rescue_quals": [(a, b) for a, b in quals if b is None or a <= b],
            "leaves": [(d, d + timedelta(days=draw(st.integers(0, 2))))
                       for d in draw(st.lists(st.sampled_from(AROUND), max_size=2))],
        })
    posts = [{"kind": draw(st.sampled_from(KINDS)), "team": draw(st.sampled_from((0, 1, None))),
              "skill": draw(st.sampled_from(("", "", "救援"))), "leader": draw(st.booleans())}
             for _ in range(draw(st.integers(1, 3)))]
    shifts = []
    for _ in range(draw(st.integers(1, 16))):
        start, end = clock(draw)
        shifts.append({"post": draw(st.integers(0, len(posts) - 1)), "day": draw(st.sampled_from(WEEK + AROUND)),
                       "start": start, "end": end, "headcount": draw(st.integers(1, 3))})
    booked = draw(st.lists(st.tuples(st.integers(0, len(shifts) - 1), st.integers(0, len(members) - 1),
                                     st.sampled_from(("已排", "已排", "已到", "缺勤", "请假")), st.booleans()),
                           max_size=8, unique_by=lambda b: (b[0], b[1])))
    first = draw(st.sampled_from((0, 0, 2, 4)))
    last = draw(st.sampled_from((first, 6, 6)))
    return {"members": members, "posts": posts, "shifts": shifts, "booked": booked,
            "max_week": draw(st.integers(1, 4)), "min_rest": draw(st.sampled_from((0, 4, 10))),
            "period": (WEEK[first], WEEK[last]), "team_run": draw(st.sampled_from((False, False, True)))}


def build(office: dict) -> list[int]:
    """The office in the open database; returns the team ids."""
    teams = [Team.create(name=f"第{k + 1}义警队").id for k in range(2)]
    member_ids = []
    for k, m in enumerate(office["members"]):
        team = teams[m["team"]] if m["team"] is not None else None
        mid = Member.create(name=f"队员{k + 1}", team=team, status=m["status"], join_date=m["join"],
                            insurance_expires_on=m["insurance"], skills=m["skills"]).id
        member_ids.append(mid)
        for granted, expires in m["rescue_quals"]:
            Qualification.create(member=mid, skill="救援", granted_on=granted, expires_on=expires)
        for start, end in m["leaves"]:
            Leave.create(member=mid, from_date=start, to_date=end, reason="外出")
    post_ids = [save_post(PostInput(name=f"岗位{k + 1}", kind=p["kind"], required_skill=p["skill"],
                                    team_id=teams[p["team"]] if p["team"] is not None else None,
                                    needs_leader=p["leader"])).id
                for k, p in enumerate(office["posts"])]
    shift_ids = [Shift.create(post=post_ids[s["post"]], date=s["day"], start=s["start"], end=s["end"],
                              headcount=s["headcount"]).id for s in office["shifts"]]
    for shift, member, status, locked in office["booked"]:
        Assignment.create(shift=shift_ids[shift], member=member_ids[member], status=status, locked=locked,
                          hours=3.0 if status == "已到" else 0)
    set_setting(MAX_SHIFTS_KEY, office["max_week"])
    set_setting(MIN_REST_KEY, office["min_rest"])
    return teams


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(office=offices())
def test_every_auto_scheduled_assignment_passes_the_manual_check(office):
    with tempfile.TemporaryDirectory() as folder:
        open_store(DataPaths(Path(folder) / "data").ensure())
        try:
            teams = build(office)
            before = {a for (a,) in Assignment.select(Assignment.id).tuples()}
            date_from, date_to = office["period"]
            auto_schedule(date_from, date_to, team_id=teams[0] if office["team_run"] else None, now=BEFORE)
            made = [a for a in Assignment.select().order_by(Assignment.id) if a.id not in before]
            for a in made:
                with db.atomic() as transaction:
                    Assignment.delete_by_id(a.id)
                    problems = check_assignment(a.shift_id, a.member_id)
                    transaction.rollback()
                assert [(p.code, p.message) for p in problems] == [], (a.shift_id, a.member_id, a.reason)
        finally:
            close_store()
