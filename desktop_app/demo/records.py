"""Trainings with the qualifications they grant, qualifications recorded by hand, and the teams' work
records — through `save_trainings`, `add_qualifications` and `save_activities`, each checked as a typed one is."""

from __future__ import annotations

from datetime import date, timedelta

from ..domain.activity_figures import (
    CAUGHT,
    CLUES,
    FOUND,
    HAZARDS,
    MATTERS,
    PERSUADED,
    PUBLICITY,
    SERVED,
    VEHICLES,
)
from ..domain.dates import add_months
from ..domain.vocabulary import (
    CARE,
    CATCHING,
    CLUE_REPORT,
    CONSUMER_RIGHTS,
    HAZARD_REPORT,
    ID_DELIVERY,
    LAW_PUBLICITY,
    MEDIATION,
    OTHER_WORK,
    PATROL,
    RESCUE,
    SCHOOL_GATE,
    SEARCH,
    TRAFFIC_PERSUASION,
    WOMEN_RIGHTS,
)
from ..services.records.activities import ActivityInput, ParticipantInput, save_activities
from ..services.records.trainings import AttendeeInput, TrainingInput, save_trainings
from ..services.roster.qualifications import QualificationInput, add_qualifications
from .context import Demo, TeamInfo
from .people import Weighted
from .places import MARKETS, ROADS, TOWNSHIPS
from .scales import FUTURE_DAYS

ACTIVITY_KINDS = (
    (PATROL, 30), (HAZARD_REPORT, 8), (CLUE_REPORT, 5), (CATCHING, 2), (TRAFFIC_PERSUASION, 15), (RESCUE, 5),
    (SEARCH, 4), (ID_DELIVERY, 8), (LAW_PUBLICITY, 12), (MEDIATION, 8), (SCHOOL_GATE, 4), (CONSUMER_RIGHTS, 2),
    (WOMEN_RIGHTS, 2), (CARE, 4), (OTHER_WORK, 3),
)
HAZARDS_SEEN = ("电动车楼道违规充电", "消防通道被杂物堵塞", "路边井盖缺失", "电线老化裸露", "危房墙体开裂",
           "水渠边护栏损坏", "路灯损坏")
LAW_TOPICS = ("反电信网络诈骗", "禁毒", "防溺水", "交通安全", "防范非法集资", "未成年人保护", "消防安全")

TRAININGS = (
    ("义警岗前培训", 4.0, "夏普吐勒派出所", "义警职责、纪律要求、巡逻与报警流程、个人防护", "", None),
    ("人民调解业务培训", 6.0, "伽师县司法局", "人民调解法、调解技巧、协议书制作", "调解", 36),
    ("应急救护培训", 8.0, "伽师县红十字会", "心肺复苏、止血包扎、骨折固定、AED使用", "急救", 24),
    ("冰雪道路救援技能培训", 6.0, "伽师县公安局", "车辆牵引、防滑链安装、被困人员转移", "救援", 24),
    ("交通劝导规范培训", 3.0, "伽师县公安局交警大队", "劝导用语、站位安全、常见交通违法行为", "", None),
    ("反诈宣传骨干培训", 3.0, "夏普吐勒派出所", "常见诈骗手法、宣传资料讲解、入户宣传要点", "", None),
    ("双语普法骨干培训", 4.0, "伽师县司法局", "常用法律条文的双语讲解", "双语翻译", 36),
    ("消防安全培训", 3.0, "伽师县消防救援大队", "灭火器使用、火场逃生、隐患排查", "", None),
)
# skills recorded by hand (a certificate from elsewhere): how many years one is valid
VALID_YEARS = {"调解": 3, "救援": 2, "急救": 2, "驾驶": 6, "双语翻译": 3}
PARTICIPANT_HOURS = (1.0, 1.5, 2.0, 2.0, 2.5, 3.0, 4.0)


def _serving(demo: Demo, m: int, day: date) -> bool:
    """On the roster that day (joined, not yet left) and not on leave."""
    info = demo.members[m]
    return info.join <= day and (info.leave is None or info.leave >= day) and not demo.on_leave(m, day)


def trainings_and_qualifications(demo: Demo) -> None:
    rng, today = demo.rng, demo.today
    count = max(6, demo.scale.members // 150)
    inputs: list[TrainingInput] = []
    from_training: set[tuple[int, str]] = set()
    for k in range(count):
        title, hours, host, content, skill, months = TRAININGS[k % len(TRAININGS)]
        when = today - timedelta(days=rng.randint(3, 700))
        while when.isoweekday() > 5:  # trainings are held on weekdays
            when -= timedelta(days=1)
        full_title = f"{title}（第{k // len(TRAININGS) + 1}期）" if count > len(TRAININGS) else title
        team = rng.choice(demo.teams)
        pool = [m for m in team.members if _serving(demo, m, when)]
        if skill:
            pool = [m for m in pool if skill in demo.members[m].skills] or pool
        attendees = []
        for m in rng.sample(pool, min(len(pool), rng.randint(12, 40))):
            passed = rng.random() < 0.95
            attendees.append(AttendeeInput(demo.members[m].id, hours, passed))
            if passed and skill:
                from_training.add((m, skill))
        inputs.append(TrainingInput(full_title, when, hours, host, content, skill, months, attendees))
        demo.progress.report(k / count * 0.3)
    save_trainings(inputs, today)
    demo.progress.report(0.5)
    manual = []
    for m, info in enumerate(demo.members):
        for skill in info.skills:
            if skill not in VALID_YEARS or (m, skill) in from_training:
                continue
            granted = demo.day_between(info.join, today)
            manual.append(QualificationInput(info.id, skill, granted, add_months(granted, 12 * VALID_YEARS[skill]),
                                             "手工", notes="持其他单位颁发的证书登记"))
    add_qualifications(manual, today)


def activities(demo: Demo) -> None:
    rng, today = demo.rng, demo.today
    span = max(demo.scale.days - FUTURE_DAYS, 90)
    teams = Weighted([(team, float(len(team.active) or 1)) for team in demo.teams])
    kinds = [(k, float(w)) for k, w in ACTIVITY_KINDS]
    inputs: list[ActivityInput] = []
    n = demo.scale.activities
    for index in range(n):
        team = teams.pick(rng)
        when = today - timedelta(days=rng.randrange(span))
        kind = demo.weighted(kinds)
        place, description, figures, size = _activity_text(demo, kind, team)
        pool = team.active or team.members
        picked = rng.sample(pool, min(len(pool), size + 2))
        chosen = [m for m in picked if _serving(demo, m, when)][:size]
        inputs.append(ActivityInput(
            date=when, kind=kind, team_id=team.id, place=place, description=description,
            participants=[ParticipantInput(demo.members[m].id, rng.choice(PARTICIPANT_HOURS)) for m in chosen],
        ).set_figures(figures))
        if index % 2_000 == 0:
            demo.progress.report(index / n * 0.5)
    demo.progress.report(0.5)
    save_activities(inputs, today)


def _activity_text(demo: Demo, kind: str, team: TeamInfo) -> tuple[str, str, dict[str, int], int]:
    """(place, description, {figure name: value}, participant count)."""
    rng = demo.rng
    town = rng.choice(team.places)
    road, market = rng.choice(ROADS), rng.choice(MARKETS)
    village = f"{town}{rng.randint(1, 18)}村"
    figures: dict[str, int] = {}
    if kind == PATROL:
        place = f"{town}{market}"
        description = f"在{place}开展治安巡逻，检查重点部位，提醒商户关好门窗、看管好财物"
        figures = {PERSUADED: rng.randint(0, 12), CLUES: int(rng.random() < 0.1), HAZARDS: int(rng.random() < 0.15)}
        size = rng.randint(2, 5)
    elif kind == HAZARD_REPORT:
        hazard = rng.choice(HAZARDS_SEEN)
        place = village
        description = f"在{place}发现{hazard}，已拍照报告派出所并设置警示提示"
        figures, size = {HAZARDS: rng.randint(1, 3)}, rng.randint(1, 2)
    elif kind == CLUE_REPORT:
        place = f"{town}{road}"
        description = f"在{place}发现形迹可疑人员反复查看停放车辆，已将线索报告值班民警"
        figures, size = {CLUES: rng.randint(1, 2)}, rng.randint(1, 3)
    elif kind == CATCHING:
        place = f"{town}{market}"
        caught = rng.randint(1, 2)
        description = f"协助民警在{place}抓获盗窃电动车嫌疑人{caught}名"
        figures, size = {CAUGHT: caught}, rng.randint(2, 6)
    elif kind == TRAFFIC_PERSUASION:
        place = f"{town}{road}路口"
        persuaded = rng.randint(5, 80)
        description = f"在{place}劝导不戴头盔、逆行、违规载人等交通违法行为{persuaded}起"
        figures, size = {PERSUADED: persuaded}, rng.randint(2, 4)
    elif kind == RESCUE:
        place = f"{town}至{rng.choice(TOWNSHIPS)}公路"
        vehicles, served = rng.randint(1, 12), rng.randint(1, 30)
        description = f"在{place}救助因冰雪抛锚、侧滑的车辆{vehicles}辆，帮助转移被困群众{served}人"
        figures, size = {VEHICLES: vehicles, SERVED: served}, rng.randint(3, 8)
    elif kind == SEARCH:
        place = village
        lost = rng.choice(("走失老人", "走失儿童", "遗失的钱包", "走失的牲畜"))
        description = f"协助在{place}寻找{lost}，已找回并交还家属"
        figures = {FOUND: 1} if lost.startswith("走失") and "牲畜" not in lost else {SERVED: 1}
        size = rng.randint(2, 8)
    elif kind == ID_DELIVERY:
        place = village
        served = rng.randint(1, 15)
        description = f"为{place}行动不便的老人和残疾人送达居民身份证{served}张"
        figures, size = {MATTERS: served, SERVED: served}, rng.randint(1, 3)
    elif kind == LAW_PUBLICITY:
        topic = rng.choice(LAW_TOPICS)
        place = rng.choice((village, f"{town}{market}"))
        reach = rng.randint(20, 400)
        description = f"在{place}开展{topic}宣传，发放双语宣传资料{reach}份"
        figures, size = {PUBLICITY: reach}, rng.randint(3, 10)
    elif kind == MEDIATION:
        place = village
        description = f"参与调解{place}一起邻里纠纷，经耐心劝说双方达成和解"
        figures, size = {SERVED: rng.randint(2, 6)}, rng.randint(1, 3)
    elif kind == SCHOOL_GATE:
        place = f"{town}中心小学校门口"
        description = f"在{place}开展护学岗执勤，护送学生过马路，劝导家长违停"
        figures, size = {PERSUADED: rng.randint(0, 6), SERVED: rng.randint(50, 300)}, rng.randint(2, 4)
    elif kind in (CONSUMER_RIGHTS, WOMEN_RIGHTS):
        place = f"{town}{market}" if kind == CONSUMER_RIGHTS else village
        matters = rng.randint(1, 4)
        description = (f"在{place}帮助群众处理购物纠纷、退换商品{matters}件" if kind == CONSUMER_RIGHTS
                       else f"在{place}入户宣传妇女权益保障，帮助群众反映诉求{matters}件")
        figures, size = {MATTERS: matters, SERVED: matters + rng.randint(0, 10)}, rng.randint(1, 3)
    elif kind == CARE:
        place = village
        served = rng.randint(1, 12)
        description = f"走访{place}孤寡老人和困难家庭，帮助打扫卫生、代购生活用品，服务群众{served}人"
        figures, size = {SERVED: served, MATTERS: rng.randint(0, 3)}, rng.randint(2, 6)
    else:
        place = f"{town}{market}"
        description = f"协助做好{place}大型群众活动的安保和秩序维护"
        figures, size = {SERVED: rng.randint(100, 2_000)}, rng.randint(4, 12)
    return place, description, {name: value for name, value in figures.items() if value}, size
