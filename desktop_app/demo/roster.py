"""The office, its teams and their members, the team leaders and members' leave — through the roster
services (`save_office`, `save_team`, `save_members`, `add_leaves`), so each is checked as a typed one is."""

from __future__ import annotations

from datetime import date, timedelta

from ..domain.vocabulary import ACTIVE, LEFT, SUSPENDED
from ..services.office.details import OfficeInfo, get_office, save_office
from ..services.roster.members import LeaveInput, MemberInput, add_leaves, save_members
from ..services.roster.teams import TeamInput, find_team_by_name, get_team, save_team
from .context import Demo, MemberInfo, TeamInfo
from .places import HOME_TOWN, TOWNSHIPS
from .scales import FUTURE_DAYS

UNIT_NAME = "伽师县公安局夏普吐勒派出所"
SKILLS = ("调解", "巡逻", "交通劝导", "救援", "驾驶", "双语翻译", "急救")
BASE_SKILL_CHANCE = {"调解": 0.12, "巡逻": 0.55, "交通劝导": 0.25, "救援": 0.12, "驾驶": 0.25,
                     "双语翻译": 0.15, "急救": 0.10}
OCCUPATIONS = (
    "农民", "农民", "农民", "个体工商户", "退休职工", "出租车司机", "保安", "教师", "村干部", "网格员", "快递员",
    "餐饮店主", "医生", "护士", "自由职业", "货车司机", "企业职工", "家庭主妇", "牧民",
)
POLITICAL = (("群众", 0.62), ("中共党员", 0.20), ("共青团员", 0.12), ("中共预备党员", 0.03), ("民主党派", 0.03))

NAMED_TEAMS = (
    ("石榴大妈义警队", "夏普吐勒派出所", "夏普吐勒镇1–6村及团结路社区", {"调解": 0.35, "巡逻": 0.8}, 0.85,
     (1960, 1980)),
    ("花城义警队", "城东便民警务站", "中山路、人民路沿线及农贸市场", {"交通劝导": 0.5}, 0.5, (1965, 2004)),
    ("红旗义警队", "商圈警务站", "中山路商圈、商业步行街", {"巡逻": 0.85}, 0.3, (1970, 2004)),
    ("雪都义警救援队", "夏普吐勒派出所", "夏普吐勒镇及周边道路", {"救援": 0.6, "驾驶": 0.6, "急救": 0.35}, 0.15,
     (1965, 2002)),
    ("桃园义警调解队", "夏普吐勒镇司法所", "夏普吐勒镇7–12村", {"调解": 0.6, "双语翻译": 0.35}, 0.45,
     (1960, 1995)),
)

LEAVE_REASONS = ("外出务工", "生病住院", "家中有事", "农忙", "探亲", "参加学习培训", "照顾老人")
_CONTACT_GENDER = {"父亲": "男", "兄弟": "男", "儿子": "男", "母亲": "女", "姐妹": "女", "女儿": "女"}


def demo_case_prefix(unit_name: str) -> str:
    """夏派调 for the usual demo office; for another one (`demo-data --office NAME`) its own short form."""
    if unit_name == UNIT_NAME:
        return "夏派调"
    name = unit_name.removeprefix("伽师县公安局")
    return (name[:1] or "演") + ("警" if "警务" in name else "派") + "调"


def office(demo: Demo) -> None:
    """The 派出所's details, unless the folder already has them."""
    found = get_office()
    if found is None:
        leader = demo.people.person(gender="男", ethnic="05", born=(1972, 1985))
        unit_name = demo.unit_name or UNIT_NAME
        save_office(OfficeInfo(unit_name=unit_name, parent_unit="伽师县公安局", leader_name=leader.name,
                               case_prefix=demo_case_prefix(unit_name), address="伽师县夏普吐勒镇团结路8号",
                               contact_phone=f"0998-6{demo.rng.randrange(1_000_000):06d}"))
        found = get_office()
    assert found is not None
    demo.unit_name = found.unit_name


def teams(demo: Demo) -> None:
    rng = demo.rng
    extra_towns = [t for t in TOWNSHIPS if t != HOME_TOWN]
    for index in range(demo.scale.teams):
        if index < len(NAMED_TEAMS):
            name, station, area, chance, women, born = NAMED_TEAMS[index]
            places: tuple[str, ...] = (HOME_TOWN,)
        else:
            town_index = index - len(NAMED_TEAMS)
            town = extra_towns[town_index % len(extra_towns)]
            if town_index < len(extra_towns):
                name, area = f"{town}义警分队", f"{town}全域"
            else:
                name, area = f"第{index + 1}义警分队", f"{town}第{town_index // len(extra_towns)}片区"
            station, chance, women, born = f"{town}派出所", {}, 0.4, (1960, 2004)
            places = (town,)
        while find_team_by_name(name) is not None:
            name += "（演示）"
        founded = date(demo.today.year - rng.randint(2, 8), rng.randint(1, 12), rng.randint(1, 28))
        team_id = save_team(TeamInput(name=name, station=station, founded_on=founded, service_area=area))
        demo.teams.append(TeamInfo(team_id, name, station, founded, dict(BASE_SKILL_CHANCE) | chance, women, born,
                                   places))


def _team_sizes(demo: Demo) -> list[int]:
    """The team index of each member: teams of uneven size, every team with someone in it."""
    n, count = demo.scale.members, len(demo.teams)
    weights = [demo.rng.uniform(0.6, 1.6) for _ in range(count)]
    total = sum(weights)
    sizes = [max(1 if n >= count else 0, int(n * w / total)) for w in weights]
    t = 0
    while sum(sizes) < n:
        sizes[t % count] += 1
        t += 1
    while sum(sizes) > n:
        t = sizes.index(max(sizes))
        sizes[t] -= 1
    return [t for t, size in enumerate(sizes) for _ in range(size)]


def members(demo: Demo) -> None:
    rng, today, people = demo.rng, demo.today, demo.people
    inputs: list[MemberInput] = []
    n = demo.scale.members
    for index, t in enumerate(_team_sizes(demo)):
        team = demo.teams[t]
        gender = "女" if rng.random() < team.women else "男"
        person = people.person(gender=gender, born=team.birth_years)
        adult = date(person.birth.year + 18, person.birth.month, min(person.birth.day, 28))
        join = demo.day_between(max(team.founded, adult), today - timedelta(days=10))
        roll = rng.random()
        status, left = ACTIVE, None
        if roll < 0.05:
            status = SUSPENDED
        elif roll < 0.12:
            status = LEFT
            left = min(demo.day_between(join + timedelta(days=30), today), today - timedelta(days=1))
        skills = tuple(s for s in SKILLS if rng.random() < team.skill_chance[s]) or ("巡逻",)
        if person.ethnic != "01" and "双语翻译" not in skills and rng.random() < 0.2:
            skills += ("双语翻译",)
        insurance = None
        if status == ACTIVE and rng.random() < 0.88:
            insurance = today + timedelta(days=rng.randint(-60, 365))
        young = today.year - person.birth.year < 30
        relation = rng.choice(("父亲", "母亲", "兄弟", "姐妹") if young else ("配偶", "配偶", "儿子", "女儿"))
        contact_gender = _CONTACT_GENDER.get(relation, "女" if gender == "男" else "男")
        inputs.append(MemberInput(
            name=person.name, gender=gender, ethnic=person.ethnic, id_number=person.id_number,
            phone=people.phone(), address=people.address(team.places), occupation=rng.choice(OCCUPATIONS),
            political_status=demo.weighted(POLITICAL), team_id=team.id, join_date=join, leave_date=left,
            status=status, skills=list(skills), insurance_expires_on=insurance,
            emergency_contact=f"{people.name(contact_gender, person.ethnic)}（{relation}）",
            emergency_phone=people.phone(),
        ))
        demo.members.append(MemberInfo(0, t, person.name, join, left, status, skills, insurance))
        team.members.append(index)
        if status == ACTIVE:
            team.active.append(index)
        if index % 5_000 == 0:
            demo.progress.report(index / n * 0.5)
    demo.progress.report(0.5)
    for info, member_id in zip(demo.members, save_members(inputs, today), strict=True):
        info.id = member_id
    while len(demo.officers) < 6:  # 民警 who host and record mediation
        name = people.officer_name()
        if name not in demo.officers:
            demo.officers.append(name)


def leaders(demo: Demo) -> None:
    """Each team's leader (队长): one of its members on duty, set with the team's form."""
    for team in demo.teams:
        pool = team.active or [m for m in team.members if demo.members[m].status != LEFT]
        if not pool:
            continue
        team.leader = demo.rng.choice(pool)
        row = get_team(team.id)
        save_team(TeamInput(name=row.name, station=row.station, founded_on=row.founded_on,
                            leader_id=demo.members[team.leader].id, service_area=row.service_area,
                            notes=row.notes), team.id)


def leaves(demo: Demo) -> None:
    rng, today = demo.rng, demo.today
    first = today - timedelta(days=demo.scale.days)
    count = max(10, demo.scale.members * min(demo.scale.days, 120) // 1_500)
    active = [m for m, info in enumerate(demo.members) if info.status == ACTIVE]
    entries: list[LeaveInput] = []
    for _ in range(count):
        m = rng.choice(active)
        start = demo.day_between(first, today + timedelta(days=FUTURE_DAYS))
        end = start + timedelta(days=rng.choice((0, 1, 2, 3, 5, 7, 10, 14)))
        if any(a <= end and b >= start for a, b in demo.leaves.get(m, ())):
            continue  # the member already asked for those days
        demo.leaves.setdefault(m, []).append((start, end))
        entries.append(LeaveInput(demo.members[m].id, start, end, rng.choice(LEAVE_REASONS)))
    add_leaves(entries)
