"""The duty posts of the made-up office: the named ones of the first teams, then posts of every kind spread
over the other teams, each with its recurring shifts (patterns)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..domain.vocabulary import (
    OTHER_DUTY,
    PATROL,
    RESCUE_STANDBY,
    SCHOOL_GATE,
    STATION_DUTY,
    TRAFFIC_PERSUASION,
)
from .context import Demo
from .places import MARKETS, ROADS, SCHOOLS

WEEK = (1, 2, 3, 4, 5, 6, 7)
WORKWEEK = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class PatternSpec:
    weekdays: tuple[int, ...]
    start: str
    end: str
    headcount: int


@dataclass(frozen=True)
class PostSpec:
    name: str
    kind: str
    place: str
    team: int  # index into the teams
    patterns: tuple[PatternSpec, ...]
    skill: str = ""
    school_days_only: bool = False
    needs_leader: bool = False
    notes: str = ""


SCHOOL_PATTERNS = (PatternSpec(WORKWEEK, "07:30", "08:10", 3), PatternSpec(WORKWEEK, "17:30", "18:10", 3))
STATION_PATTERNS = (PatternSpec(WEEK, "08:00", "20:00", 2), PatternSpec(WEEK, "20:00", "08:00", 2))
NAMED_POSTS = (
    PostSpec("中山路商圈巡逻", PATROL, "中山路商圈", 2, (PatternSpec((5, 6), "19:00", "22:00", 4),),
              needs_leader=True),
    PostSpec("第一小学护学岗", SCHOOL_GATE, "夏普吐勒镇第一小学校门口", 0, SCHOOL_PATTERNS, school_days_only=True),
    PostSpec("夏普吐勒镇交通劝导", TRAFFIC_PERSUASION, "夏普吐勒镇中心十字路口", 1,
              (PatternSpec(WEEK, "10:00", "12:00", 2), PatternSpec(WEEK, "18:00", "20:00", 2))),
    PostSpec("夏普吐勒警务站值守", STATION_DUTY, "夏普吐勒镇便民警务站", 0, STATION_PATTERNS, needs_leader=True),
    PostSpec("雪都救援待命", RESCUE_STANDBY, "夏普吐勒派出所院内", 3, (PatternSpec(WEEK, "09:00", "21:00", 3),),
              skill="救援", needs_leader=True, notes="冬季雪天增派人员"),
    PostSpec("夏普吐勒巴扎巡逻", PATROL, "夏普吐勒镇巴扎", 1, (PatternSpec((7,), "10:00", "18:00", 6),),
              needs_leader=True, notes="每周日巴扎日"),
    PostSpec("桃园调解值班", OTHER_DUTY, "夏普吐勒镇司法所调解室", 4, (PatternSpec(WORKWEEK, "10:00", "18:00", 1),),
              skill="调解"),
    PostSpec("第二小学护学岗", SCHOOL_GATE, "夏普吐勒镇第二小学校门口", 4,
              (PatternSpec(WORKWEEK, "07:30", "08:10", 2), PatternSpec(WORKWEEK, "17:30", "18:10", 2)),
              school_days_only=True),
)



def post_specs(demo: Demo) -> list[PostSpec]:
    rng = demo.rng
    specs = [replace(spec, team=spec.team % len(demo.teams)) for spec in NAMED_POSTS[: demo.scale.posts]]
    seen = {spec.name for spec in specs}
    kinds = ((PATROL, 35), (SCHOOL_GATE, 20), (TRAFFIC_PERSUASION, 15), (STATION_DUTY, 15), (RESCUE_STANDBY, 8),
             (OTHER_DUTY, 7))
    index = len(specs)
    while len(specs) < demo.scale.posts:
        team_index = index % len(demo.teams)
        area = demo.teams[team_index].places[0]
        kind = demo.weighted(kinds)
        if kind == PATROL:
            if rng.random() < 0.5:
                place = rng.choice(ROADS)
                patterns = (PatternSpec(WEEK, "09:00", "12:00", 2), PatternSpec(WEEK, "19:00", "22:00", 4))
            else:
                place = rng.choice(MARKETS)
                patterns = (PatternSpec(WEEK, "10:00", "14:00", 2), PatternSpec(WEEK, "16:00", "20:00", 3))
            spec = PostSpec(f"{area}{place}巡逻", kind, f"{area}{place}", team_index, patterns,
                             needs_leader=True)
        elif kind == SCHOOL_GATE:
            place = rng.choice(SCHOOLS)
            spec = PostSpec(f"{area}{place}护学岗", kind, f"{area}{place}校门口", team_index, SCHOOL_PATTERNS,
                             school_days_only=True)
        elif kind == TRAFFIC_PERSUASION:
            place = rng.choice(ROADS)
            spec = PostSpec(f"{area}{place}交通劝导", kind, f"{area}{place}路口", team_index,
                             (PatternSpec(WEEK, "08:00", "10:00", 2), PatternSpec(WEEK, "17:00", "19:00", 3)))
        elif kind == STATION_DUTY:
            spec = PostSpec(f"{area}便民警务站值守", kind, f"{area}便民警务站", team_index, STATION_PATTERNS,
                             needs_leader=True)
        elif kind == RESCUE_STANDBY:
            spec = PostSpec(f"{area}救援待命", kind, f"{area}派出所", team_index,
                             (PatternSpec(WEEK, "08:00", "20:00", 3), PatternSpec(WEEK, "20:00", "08:00", 2)),
                             skill="救援", needs_leader=True)
        else:
            place = rng.choice(MARKETS)
            spec = PostSpec(f"{area}{place}巴扎日安保", kind, f"{area}{place}", team_index,
                             (PatternSpec((7,), "10:00", "18:00", 6),), needs_leader=True)
        name, k = spec.name, 2
        while name in seen:
            name, k = f"{spec.name}{k}号岗", k + 1
        seen.add(name)
        specs.append(replace(spec, name=name))
        index += 1
    return specs
