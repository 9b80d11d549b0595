"""Realistic made-up data for demonstrations, tests and benchmarks (no real person's data).

`generate(SCALES["demo"])` fills the open database: office, teams, members with valid made-up ID numbers,
posts, shift patterns, a month of shifts with attendance, leave, activities, trainings, qualifications
and dispute cases with parties, sessions and follow-ups. The same seed and reference date give the same
content, uuids and timestamps included.

Rows are written with `executemany` on prepared INSERTs in chunks, ids assigned here (from MAX(id)+1),
all inside one transaction, so a cancel from `progress` leaves the database as it was.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, TypeVar

from peewee import Model, fn

from ..db.database import db
from ..db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    Case,
    CaseEvent,
    CaseMediator,
    Counter,
    DutyPost,
    FollowUp,
    Leave,
    MediationSession,
    Member,
    OfficeSettings,
    Party,
    Qualification,
    Shift,
    ShiftPattern,
    Team,
    Training,
    TrainingAttendee,
)
from ..domain.case_numbers import format_case_number
from ..domain.dates import add_months, format_date
from ..domain.id_numbers import build_id_number
from ..domain.pinyin_keys import pinyin_keys
from ..domain.vocabulary import (
    ABSENT,
    ACCEPTED,
    ACTIVE,
    CLOSED,
    FAILED,
    FOLLOW_UP,
    IN_MEDIATION,
    LATE,
    LEFT,
    ON_LEAVE,
    OTHER_DUTY,
    PATROL,
    PEOPLES_MEDIATION,
    PEOPLES_MEDIATION_SOURCES,
    PLANNED,
    PRESENT,
    PUBLIC_SECURITY_MEDIATION,
    RESCUE_STANDBY,
    SCHOOL_GATE,
    SECURITY_MEDIATION_SOURCES,
    STATION_DUTY,
    SUCCEEDED,
    SUSPENDED,
    TERMINATED,
    TRAFFIC_PERSUASION,
)
from ..services import calendar
from ..services.cases.bodies import list_bodies, list_officers, save_body, save_officers
from ..services.cases.workflow import compute_deadlines, series_name
from ..services.progress import Cancelled, Progress


@dataclass(frozen=True)
class Scale:
    name: str
    members: int
    posts: int
    days: int
    activities: int
    cases: int
    teams: int


SCALES: dict[str, Scale] = {
    "demo": Scale("demo", 300, 8, 31, 120, 40, 5),
    "village": Scale("village", 120, 6, 365, 400, 60, 3),
    "county": Scale("county", 5_000, 60, 365, 5_000, 1_000, 20),
    "startup10k": Scale("startup10k", 10_000, 120, 365, 10_000, 2_000, 40),
    "prefecture": Scale("prefecture", 100_000, 600, 365, 100_000, 20_000, 200),
}

T = TypeVar("T")

GENERATOR_VERSION = 1  # bump when the content changes, so cached benchmark databases are regenerated
FUTURE_DAYS = 7  # shifts are planned one week ahead of the reference date
OPERATOR = "admin"


class GenerationCancelled(Cancelled):
    """The generation was stopped from `progress`; nothing was written."""


@dataclass(frozen=True)
class GenerateSummary:
    scale: str
    seed: int
    today: date
    counts: dict[str, int]
    seconds: float

    def __str__(self) -> str:
        parts = "，".join(f"{table} {count:,}" for table, count in self.counts.items())
        return f"规模 {self.scale}（种子 {self.seed}，基准日 {self.today:%Y-%m-%d}）用时 {self.seconds:.1f} 秒：{parts}"


# --- vocabularies --------------------------------------------------------------------------------

UYGHUR_MALE = (
    "努尔买买提", "艾尔肯", "买买提", "阿不都热合曼", "吐尔逊", "艾力", "艾合买提", "阿不来提", "亚森",
    "肉孜", "麦麦提", "依明", "阿布都拉", "热合曼", "卡德尔", "吾斯曼", "帕尔哈提", "阿里木", "木合塔尔",
    "玉素甫", "塔依尔", "买买提江", "艾则孜", "库尔班", "阿迪力", "伊斯坎达尔", "阿卜杜克热木", "麦尔丹",
)
UYGHUR_FEMALE = (
    "阿依古丽", "古丽娜尔", "热依拉", "帕提古丽", "阿依努尔", "米日古丽", "祖丽胡玛尔", "热娜古丽",
    "努尔尼沙", "阿孜古丽", "古再丽努尔", "迪丽努尔", "再努尔", "布佐热", "阿米娜", "海丽其汗",
    "热孜万古丽", "玛丽亚木", "阿依夏木", "古丽米热", "萨拉买提", "茹先古丽",
)
UYGHUR_FATHER = (
    "买买提", "西热甫", "吐尔逊", "艾买提", "阿不都拉", "肉孜", "热合曼", "依明", "卡斯木", "司马义",
    "托合提", "阿西木", "吾买尔", "玉苏甫", "艾则孜", "麦麦提敏", "哈力克", "库尔班", "买合木提", "努尔",
    "阿吉", "吐尔洪", "艾海提", "尼亚孜",
)
KAZAKH_MALE = (
    "叶尔兰", "努尔兰", "别克", "叶尔江", "阿斯哈尔", "达吾列提", "哈那提", "加那尔别克", "巴合提",
    "叶尔肯", "马合沙提", "赛力克", "努尔波拉提", "阿依登", "叶尔波拉提", "库安德克",
)
KAZAKH_FEMALE = (
    "阿依达娜", "古丽米拉", "沙吾列", "加娜尔", "古丽扎提", "玛依拉", "阿尔达克", "巴合提古丽", "阿娜尔",
    "娜孜古丽", "阿依江", "哈丽达",
)
KAZAKH_FATHER = (
    "努尔兰", "别克", "哈力木", "托列吾汗", "加肯", "吐尔逊别克", "马汗", "阿曼", "波拉提", "哈布力",
    "叶尔肯", "赛力克", "木拉提", "沙依拉西",
)
KYRGYZ_MALE = ("阿力木", "托合托逊", "阿斯卡尔", "朱马力", "克依木", "吐尔地别克", "库尔曼", "阿曼吐尔")
KYRGYZ_FEMALE = ("古丽加玛丽", "努尔加玛丽", "阿依谢", "吐玛尔", "阿依扎达", "古丽巴哈尔")
KYRGYZ_FATHER = ("托合托", "吐尔地", "朱马", "库尔曼", "玛木提", "阿布德克里木", "苏来曼")
HAN_SURNAMES = (
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "朱", "郭", "何", "罗",
    "高", "林", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘",
    "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "卢",
)
HUI_SURNAMES = ("马", "丁", "白", "穆", "海", "沙", "纳", "杨", "哈", "冶")
HAN_MALE = (
    "建国", "伟", "强", "军", "磊", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫",
    "波", "斌", "宇", "浩", "凯", "健", "俊", "旭", "宁", "龙", "志强", "建华", "国庆", "海涛", "卫东", "振华",
    "新民", "晓东", "文博", "子豪", "天宇",
)
HAN_FEMALE = (
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "桂兰", "玉兰", "丽娟", "婷", "雪", "琳", "慧",
    "红", "梅", "燕", "萍", "晶", "玲", "晓燕", "雅琴", "欣怡", "梦瑶",
)
# GB/T 3304 code, weight, birth-place area codes
ETHNIC_MIX: tuple[tuple[str, float, tuple[str, ...]], ...] = (
    ("05", 0.62, ("653123", "653101", "653121", "653122", "650102")),
    ("01", 0.20, ("650102", "650103", "652201", "653123", "410102", "620102")),
    ("17", 0.07, ("654002", "654021", "650402", "652201")),
    ("03", 0.06, ("652301", "650102", "640104")),
    ("29", 0.05, ("653001", "653022", "653123")),
)
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
    "157", "158", "159", "166", "177", "180", "181", "182", "183", "186", "187", "188", "189", "199",
)

SKILLS = ("调解", "巡逻", "交通劝导", "救援", "驾驶", "双语翻译", "急救")
BASE_SKILL_CHANCE = {"调解": 0.12, "巡逻": 0.55, "交通劝导": 0.25, "救援": 0.12, "驾驶": 0.25,
                     "双语翻译": 0.15, "急救": 0.10}
OCCUPATIONS = (
    "农民", "农民", "农民", "个体工商户", "退休职工", "出租车司机", "保安", "教师", "村干部", "网格员", "快递员",
    "餐饮店主", "医生", "护士", "自由职业", "货车司机", "企业职工", "家庭主妇", "牧民",
)
POLITICAL = (("群众", 0.62), ("中共党员", 0.20), ("共青团员", 0.12), ("中共预备党员", 0.03), ("民主党派", 0.03))

TOWNSHIPS = (
    "巴仁镇", "西克尔库勒镇", "卧里托格拉克镇", "江巴孜乡", "古勒鲁克乡", "克孜勒博依乡", "和夏阿瓦提镇",
    "英买里乡", "铁日木乡", "米夏镇", "玉代克力克乡", "夏普吐勒镇",
)
HOME_TOWN = "夏普吐勒镇"
ROADS = ("中山路", "人民路", "解放路", "团结路", "文化路", "迎宾大道", "建设路", "光明路", "友谊路", "幸福路",
         "和平路", "胜利路", "新华路", "育才路", "商贸街")
COMMUNITIES = ("团结路社区", "幸福路社区", "光明路社区", "文化路社区", "迎宾社区")
SCHOOLS = ("第一小学", "第二小学", "第三小学", "实验小学", "第一中学", "第二中学", "中心小学", "第一幼儿园",
           "第二幼儿园", "双语幼儿园")
MARKETS = ("农贸市场", "巴扎", "商业步行街", "夜市", "汽车站", "客运站广场", "人民广场")

# name, station, service area, specialty skills with their chance, share of women, birth years
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

WEEK = (1, 2, 3, 4, 5, 6, 7)
WORKWEEK = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class _PatternSpec:
    weekdays: tuple[int, ...]
    start: str
    end: str
    headcount: int


@dataclass(frozen=True)
class _PostSpec:
    name: str
    kind: str
    place: str
    team: int  # index into the teams
    patterns: tuple[_PatternSpec, ...]
    skill: str = ""
    school_days_only: bool = False
    needs_leader: bool = False
    notes: str = ""


SCHOOL_PATTERNS = (_PatternSpec(WORKWEEK, "07:30", "08:10", 3), _PatternSpec(WORKWEEK, "17:30", "18:10", 3))
STATION_PATTERNS = (_PatternSpec(WEEK, "08:00", "20:00", 2), _PatternSpec(WEEK, "20:00", "08:00", 2))
NAMED_POSTS = (
    _PostSpec("中山路商圈巡逻", PATROL, "中山路商圈", 2, (_PatternSpec((5, 6), "19:00", "22:00", 4),),
              needs_leader=True),
    _PostSpec("第一小学护学岗", SCHOOL_GATE, "夏普吐勒镇第一小学校门口", 0, SCHOOL_PATTERNS, school_days_only=True),
    _PostSpec("夏普吐勒镇交通劝导", TRAFFIC_PERSUASION, "夏普吐勒镇中心十字路口", 1,
              (_PatternSpec(WEEK, "10:00", "12:00", 2), _PatternSpec(WEEK, "18:00", "20:00", 2))),
    _PostSpec("夏普吐勒警务站值守", STATION_DUTY, "夏普吐勒镇便民警务站", 0, STATION_PATTERNS, needs_leader=True),
    _PostSpec("雪都救援待命", RESCUE_STANDBY, "夏普吐勒派出所院内", 3, (_PatternSpec(WEEK, "09:00", "21:00", 3),),
              skill="救援", needs_leader=True, notes="冬季雪天增派人员"),
    _PostSpec("夏普吐勒巴扎巡逻", PATROL, "夏普吐勒镇巴扎", 1, (_PatternSpec((7,), "10:00", "18:00", 6),),
              needs_leader=True, notes="每周日巴扎日"),
    _PostSpec("桃园调解值班", OTHER_DUTY, "夏普吐勒镇司法所调解室", 4, (_PatternSpec(WORKWEEK, "10:00", "18:00", 1),),
              skill="调解"),
    _PostSpec("第二小学护学岗", SCHOOL_GATE, "夏普吐勒镇第二小学校门口", 4,
              (_PatternSpec(WORKWEEK, "07:30", "08:10", 2), _PatternSpec(WORKWEEK, "17:30", "18:10", 2)),
              school_days_only=True),
)

ACTIVITY_KINDS = (
    ("巡逻", 30), ("隐患报告", 8), ("可疑线索报告", 5), ("协助抓获", 2), ("交通劝导", 15), ("救援", 5),
    ("寻人寻物", 4), ("送证上门", 8), ("普法宣传", 12), ("参与调解", 8), ("其他", 3),
)
HAZARDS = ("电动车楼道违规充电", "消防通道被杂物堵塞", "路边井盖缺失", "电线老化裸露", "危房墙体开裂",
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
LEAVE_REASONS = ("外出务工", "生病住院", "家中有事", "农忙", "探亲", "参加学习培训", "照顾老人")

CASE_SOURCES = (("当事人申请", 40), ("群众报警", 20), ("义警发现", 15), ("主动调解", 10), ("公安机关移交", 8),
                ("法院委托", 4), ("政府指定", 3))
DEMO_BODY, DEMO_BODY_PREFIX = "夏普吐勒镇人民调解委员会", "夏人调"
# 治安调解 案由 (治安调解工作规范 Art. 3) as they come, most often a scuffle
SECURITY_CASE_OFFENCES = (("殴打他人", 50), ("故意损毁财物", 20), ("干扰他人正常生活", 12), ("侮辱", 10), ("故意伤害", 8))
SECURITY_CIRCUMSTANCES = ("初次违法，事后主动认错，情节较轻", "双方互有过错，未造成轻伤，情节较轻",
                          "因琐事一时冲动，事后表示悔意，情节较轻")
# category: weight, cause, terms (with {amount} and {deadline}), amount range or None
CASE_CATEGORIES: dict[str, tuple[int, str, str, tuple[int, int] | None]] = {
    "婚姻家庭": (18, "家庭琐事", "双方同意和好，男方保证今后不再酗酒滋事，共同抚养子女", None),
    "邻里": (22, "院墙边堆放杂物、排水不畅", "被申请人于{deadline}前清理堆放在公共通道的杂物并疏通排水沟，双方互不追究",
             None),
    "房屋宅基地": (7, "宅基地界线不清", "双方同意以村委会现场测量的界线为准，被申请人于{deadline}前拆除越界围墙", None),
    "合同": (5, "农产品收购合同履行", "被申请人于{deadline}前支付剩余货款人民币{amount}元", (2_000, 60_000)),
    "债务": (10, "借款到期未还", "被申请人于{deadline}前归还借款人民币{amount}元，申请人不再主张利息", (1_000, 80_000)),
    "生产经营": (4, "合伙经营收益分配", "双方按出资比例分配收益，被申请人支付申请人人民币{amount}元", (3_000, 50_000)),
    "损害赔偿": (10, "牲畜啃食庄稼", "被申请人一次性赔偿申请人损失人民币{amount}元", (300, 8_000)),
    "山林土地": (3, "耕地灌溉用水", "双方按村委会排定的轮灌时间用水，互不阻拦", None),
    "劳动争议": (5, "拖欠务工工资", "被申请人于{deadline}前支付拖欠工资人民币{amount}元", (1_500, 30_000)),
    "消费": (3, "商品质量问题", "经营者为申请人退货并退还货款人民币{amount}元", (100, 5_000)),
    "道路交通事故": (7, "电动车与行人刮擦", "被申请人一次性赔偿申请人医疗费、误工费共计人民币{amount}元",
                (500, 20_000)),
    "物业": (2, "物业费及停车位", "双方同意按物业合同约定缴纳物业费，物业公司于{deadline}前划定停车位", None),
    "村务管理": (2, "村集体土地承包费分配", "按村民代表大会决议重新核算，于{deadline}前补发承包费", None),
    "其他": (2, "言语冲突", "双方互相赔礼道歉，保证今后和睦相处", None),
}
PERFORMANCE_WAYS = ("一次性现金支付", "银行转账一次性支付", "分两期支付", "当场履行", "按约定期限自行履行")


# --- helpers -------------------------------------------------------------------------------------


def _pinyin_keys(name: str) -> tuple[str, str]:
    """(pinyin_full, pinyin_initials) exactly as the roster service computes them, so search finds demo
    members; cached because made-up names repeat."""
    return _cached_pinyin_keys(name)


@lru_cache(maxsize=200_000)
def _cached_pinyin_keys(name: str) -> tuple[str, str]:
    return pinyin_keys(name)


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}:00"


def _dt(d: date, minutes: int = 9 * 60) -> str:
    return f"{d.isoformat()} {_clock(minutes)}"


def _in_office_hours(moment: datetime, rng: random.Random, latest: datetime) -> datetime | None:
    """A time on or after `moment` in office hours (10:00 to 18:30, on the half hour), that day or the next;
    None when that would be after `latest`."""
    for day in (moment.date(), moment.date() + timedelta(days=1)):
        start = datetime.combine(day, datetime.min.time()) + timedelta(hours=10)
        slots = [t for t in (start + timedelta(minutes=30 * k) for k in range(18)) if moment <= t <= latest]
        if slots:
            return rng.choice(slots[:6])  # within the first three hours that are free
    return None


def _school_vacations(first: date, last: date) -> list[tuple[date, date]]:
    """Made-up school holidays (寒假, 暑假) for the years covered: 护学岗 pause during them."""
    spans = []
    for year in range(first.year - 1, last.year + 2):
        spans.append((date(year, 1, 18), date(year, 2, 20)))
        spans.append((date(year, 7, 10), date(year, 8, 28)))
    return spans


class _Table:
    """A prepared INSERT for one model, fed with tuples (id, uuid, created_at, updated_at, *fields)."""

    CHUNK = 5_000

    def __init__(self, model: type[Model], fields: Sequence[str]) -> None:
        meta = model._meta
        columns = ["id", "uuid", "created_at", "updated_at"] + [meta.fields[f].column_name for f in fields]
        quoted = ", ".join(f'"{c}"' for c in columns)
        self.sql = f'INSERT INTO "{meta.table_name}" ({quoted}) VALUES ({", ".join("?" * len(columns))})'
        self.table_name = meta.table_name
        self.width = len(columns)
        self.rows: list[tuple[Any, ...]] = []
        self.count = 0
        self.next_id = (model.select(fn.MAX(model.id)).scalar() or 0) + 1

    def take_id(self) -> int:
        value = self.next_id
        self.next_id += 1
        return value

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            db.connection().executemany(self.sql, self.rows)
            self.count += len(self.rows)
            self.rows.clear()


class _Progress:
    def __init__(self, callback: Progress | None) -> None:
        self.callback = callback
        self.low, self.high, self.stage = 0, 0, ""
        self.last: tuple[int, str] | None = None

    def stage_between(self, low: int, high: int, stage: str) -> None:
        self.low, self.high, self.stage = low, high, stage
        self.report(0.0)

    def report(self, fraction: float) -> None:
        if self.callback is None:
            return
        percent = self.low + int((self.high - self.low) * min(max(fraction, 0.0), 1.0))
        if (percent, self.stage) == self.last:
            return
        self.last = (percent, self.stage)
        self.callback(percent, 100, self.stage)


@dataclass
class _Person:
    name: str
    gender: str
    ethnic: str
    birth: date
    id_number: str


@dataclass
class _TeamInfo:
    id: int
    name: str
    station: str
    area: str
    founded: date
    skill_chance: dict[str, float]
    women: float
    birth_years: tuple[int, int]
    places: tuple[str, ...]
    members: list[int]  # member indexes
    active: list[int]


# --- the generator -------------------------------------------------------------------------------


class _Generator:
    def __init__(self, scale: Scale, seed: int, today: date, progress: _Progress) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.today = today
        self.progress = progress
        self.stamp = _dt(today, 8 * 60)
        self.used_ids: set[str] = set()
        self.teams: list[_TeamInfo] = []
        # members, by index (id = member_base + index)
        self.member_base = 0
        self.m_team: list[int] = []
        self.m_join: list[int] = []
        self.m_status: list[str] = []
        self.m_skills: list[tuple[str, ...]] = []
        self.m_name: list[str] = []
        self.leaves: dict[int, list[tuple[int, int]]] = {}
        self.officers: list[str] = []
        self.trainings_by_skill: dict[str, list[tuple[int, date, int | None]]] = {}
        self.tables: dict[str, _Table] = {}

    # small helpers

    def uuid(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def table(self, model: type[Model], *fields: str) -> _Table:
        writer = _Table(model, fields)
        self.tables[writer.table_name] = writer
        return writer

    def weighted(self, pairs: Sequence[tuple[T, float]]) -> T:
        total = sum(w for _, w in pairs)
        x = self.rng.random() * total
        for value, weight in pairs:
            x -= weight
            if x < 0:
                return value
        return pairs[-1][0]

    def phone(self) -> str:
        return self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(100_000_000):08d}"

    def day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randrange((last - first).days + 1))

    def person(self, gender: str | None = None, ethnic: str | None = None,
               born: tuple[int, int] = (1960, 2004)) -> _Person:
        rng = self.rng
        if ethnic is None:
            ethnic = self.weighted([(code, weight) for code, weight, _ in ETHNIC_MIX])
        if gender is None:
            gender = "男" if rng.random() < 0.5 else "女"
        male = gender == "男"
        if ethnic == "05":
            name = rng.choice(UYGHUR_MALE if male else UYGHUR_FEMALE) + "·" + rng.choice(UYGHUR_FATHER)
        elif ethnic == "17":
            name = rng.choice(KAZAKH_MALE if male else KAZAKH_FEMALE) + "·" + rng.choice(KAZAKH_FATHER)
        elif ethnic == "29":
            name = rng.choice(KYRGYZ_MALE if male else KYRGYZ_FEMALE) + "·" + rng.choice(KYRGYZ_FATHER)
        else:
            surnames = HUI_SURNAMES if ethnic == "03" else HAN_SURNAMES
            name = rng.choice(surnames) + rng.choice(HAN_MALE if male else HAN_FEMALE)
        areas = next(codes for code, _, codes in ETHNIC_MIX if code == ethnic)
        birth = self.day_between(date(born[0], 1, 1), date(born[1], 12, 31))
        area = rng.choice(areas)
        while True:
            number = build_id_number(area, birth, rng.randrange(500) * 2 + (1 if male else 0))
            if number not in self.used_ids:
                self.used_ids.add(number)
                break
        return _Person(name, gender, ethnic, birth, number)

    def address(self, team: _TeamInfo | None = None) -> str:
        rng = self.rng
        place = rng.choice(team.places) if team is not None and rng.random() < 0.8 else rng.choice(TOWNSHIPS)
        if rng.random() < 0.2:
            return f"伽师县{rng.choice(COMMUNITIES)}{rng.choice(ROADS)}{rng.randint(1, 120)}号"
        return f"{place}{rng.randint(1, 18)}村{rng.randint(1, 6)}组{rng.randint(1, 90)}号"

    # stages

    def run(self) -> dict[str, int]:
        p = self.progress
        p.stage_between(0, 2, "单位与队伍")
        self.office()
        self.make_teams()
        p.stage_between(2, 20, "队员")
        self.members()
        p.stage_between(20, 24, "培训与资质")
        self.trainings_and_qualifications()
        p.stage_between(24, 26, "请假")
        self.make_leaves()
        p.stage_between(26, 75, "岗位与排班")
        self.duty()
        p.stage_between(75, 88, "工作记录")
        self.activities()
        p.stage_between(88, 99, "纠纷案件")
        self.cases()
        for writer in self.tables.values():
            writer.flush()
        p.stage_between(100, 100, "完成")
        return {name: writer.count for name, writer in self.tables.items()}

    def office(self) -> None:
        if OfficeSettings.select().exists():
            return
        leader = self.person(gender="男", ethnic="05", born=(1972, 1985))
        OfficeSettings.insert(
            uuid=self.uuid(), created_at=self.stamp, updated_at=self.stamp,
            unit_name="伽师县公安局夏普吐勒派出所", parent_unit="伽师县公安局",
            address="伽师县夏普吐勒镇团结路8号", leader_name=leader.name,
            contact_phone=f"0998-6{self.rng.randrange(1_000_000):06d}", case_prefix="夏派调",
            certificate_wording="",
        ).execute()

    def make_teams(self) -> None:
        rng = self.rng
        writer = self.table(Team, "name", "station", "founded_on", "service_area", "notes")
        existing = {name for (name,) in Team.select(Team.name).tuples()}
        extra_towns = [t for t in TOWNSHIPS if t != HOME_TOWN]
        for index in range(self.scale.teams):
            if index < len(NAMED_TEAMS):
                name, station, area, chance, women, born = NAMED_TEAMS[index]
                places = (HOME_TOWN,)
            else:
                town_index = index - len(NAMED_TEAMS)
                if town_index < len(extra_towns):
                    town = extra_towns[town_index]
                    name, area = f"{town}义警分队", f"{town}全域"
                else:
                    town = extra_towns[town_index % len(extra_towns)]
                    name = f"第{index + 1}义警分队"
                    area = f"{town}第{town_index // len(extra_towns)}片区"
                station, chance, women, born = f"{town}派出所", {}, 0.4, (1960, 2004)
                places = (town,)
            while name in existing:
                name += "（演示）"
            existing.add(name)
            founded = date(self.today.year - rng.randint(2, 8), rng.randint(1, 12), rng.randint(1, 28))
            team_id = writer.take_id()
            writer.add((team_id, self.uuid(), _dt(founded), _dt(founded), name, station, founded.isoformat(),
                        area, ""))
            skill_chance = dict(BASE_SKILL_CHANCE) | chance
            self.teams.append(_TeamInfo(team_id, name, station, area, founded, skill_chance, women, born,
                                        places, [], []))
        writer.flush()

    def members(self) -> None:
        rng, today = self.rng, self.today
        existing = Member.select(Member.id_number).where(Member.id_number.is_null(False)).tuples()
        self.used_ids.update(number for (number,) in existing)
        writer = self.table(
            Member, "team", "name", "gender", "ethnic_code", "id_number", "birth_date", "phone", "address",
            "occupation", "political_status", "join_date", "leave_date", "status", "skills",
            "insurance_expires_on", "emergency_contact", "emergency_phone", "pinyin_full", "pinyin_initials",
            "notes",
        )
        self.member_base = writer.next_id
        team_of = self.team_sizes()
        relations_for_young = ("父亲", "母亲", "兄弟", "姐妹")
        n = self.scale.members
        for index in range(n):
            team = self.teams[team_of[index]]
            gender = "女" if rng.random() < team.women else "男"
            person = self.person(gender=gender, born=team.birth_years)
            adult = date(person.birth.year + 18, person.birth.month, min(person.birth.day, 28))
            join = self.day_between(max(team.founded, adult), today - timedelta(days=10))
            roll = rng.random()
            status, leave = ACTIVE, None
            if roll < 0.05:
                status = SUSPENDED
            elif roll < 0.12:
                status = LEFT
                leave = min(self.day_between(join + timedelta(days=30), today), today - timedelta(days=1))
            skills = tuple(s for s in SKILLS if rng.random() < team.skill_chance[s])
            if not skills:
                skills = ("巡逻",)
            if person.ethnic != "01" and "双语翻译" not in skills and rng.random() < 0.2:
                skills += ("双语翻译",)
            insurance = None
            if status == ACTIVE and rng.random() < 0.88:
                insurance = (today + timedelta(days=rng.randint(-60, 365))).isoformat()
            if today.year - person.birth.year < 30:
                relation = rng.choice(relations_for_young)
            else:
                relation = rng.choice(("配偶", "配偶", "儿子", "女儿"))
            contact_gender = {"父亲": "男", "兄弟": "男", "儿子": "男", "母亲": "女", "姐妹": "女", "女儿": "女"}.get(
                relation, "女" if gender == "男" else "男")
            contact = self.contact_name(contact_gender, person.ethnic)
            full, initials = _pinyin_keys(person.name)
            writer.add((
                self.member_base + index, self.uuid(), _dt(join), _dt(join), team.id, person.name, gender,
                person.ethnic, person.id_number, person.birth.isoformat(), self.phone(), self.address(team),
                rng.choice(OCCUPATIONS), self.weighted(POLITICAL), join.isoformat(),
                leave.isoformat() if leave else None, status, "、".join(skills), insurance,
                f"{contact}（{relation}）", self.phone(), full, initials, "",
            ))
            self.m_team.append(team_of[index])
            self.m_join.append(join.toordinal())
            self.m_status.append(status)
            self.m_skills.append(skills)
            self.m_name.append(person.name)
            team.members.append(index)
            if status == ACTIVE:
                team.active.append(index)
            if index % 2_000 == 0:
                self.progress.report(index / n)
        writer.flush()
        updates = []
        for team in self.teams:
            pool = team.active or team.members
            if pool:
                updates.append((self.member_base + rng.choice(pool), team.id))
        db.connection().executemany('UPDATE "team" SET "leader_id" = ? WHERE "id" = ?', updates)
        self.officers = [self.person(gender=rng.choice("男女"), born=(1975, 1998)).name for _ in range(6)]

    def team_sizes(self) -> list[int]:
        """The team index of each member: teams of uneven size, every team with someone in it."""
        n, teams = self.scale.members, len(self.teams)
        weights = [self.rng.uniform(0.6, 1.6) for _ in range(teams)]
        total = sum(weights)
        sizes = [max(1 if n >= teams else 0, int(n * w / total)) for w in weights]
        t = 0
        while sum(sizes) < n:
            sizes[t % teams] += 1
            t += 1
        while sum(sizes) > n:
            t = sizes.index(max(sizes))
            sizes[t] -= 1
        return [t for t, size in enumerate(sizes) for _ in range(size)]

    def contact_name(self, gender: str, ethnic: str) -> str:
        rng = self.rng
        male = gender == "男"
        if ethnic == "05":
            return rng.choice(UYGHUR_MALE if male else UYGHUR_FEMALE) + "·" + rng.choice(UYGHUR_FATHER)
        if ethnic == "17":
            return rng.choice(KAZAKH_MALE if male else KAZAKH_FEMALE) + "·" + rng.choice(KAZAKH_FATHER)
        if ethnic == "29":
            return rng.choice(KYRGYZ_MALE if male else KYRGYZ_FEMALE) + "·" + rng.choice(KYRGYZ_FATHER)
        surnames = HUI_SURNAMES if ethnic == "03" else HAN_SURNAMES
        return rng.choice(surnames) + rng.choice(HAN_MALE if male else HAN_FEMALE)

    def trainings_and_qualifications(self) -> None:
        rng, today = self.rng, self.today
        trainings = self.table(Training, "title", "date", "hours", "host", "content", "grants_skill",
                               "valid_months")
        attendees = self.table(TrainingAttendee, "training", "member", "hours", "passed")
        quals = self.table(Qualification, "member", "skill", "granted_on", "expires_on", "source", "training",
                           "notes")
        qualified: set[tuple[int, str]] = set()
        count = max(6, self.scale.members // 150)
        for k in range(count):
            title, hours, host, content, skill, months = TRAININGS[k % len(TRAININGS)]
            when = today - timedelta(days=rng.randint(3, 700))
            training_id = trainings.take_id()
            round_no = k // len(TRAININGS) + 1
            full_title = f"{title}（第{round_no}期）" if count > len(TRAININGS) else title
            trainings.add((training_id, self.uuid(), _dt(when), _dt(when), full_title, when.isoformat(), hours,
                           host, content, skill, months))
            team = rng.choice(self.teams)
            pool = [m for m in team.members if self.m_join[m] <= when.toordinal()]
            if skill:
                with_skill = [m for m in pool if skill in self.m_skills[m]]
                pool = with_skill or pool
            chosen = rng.sample(pool, min(len(pool), rng.randint(12, 40)))
            for m in chosen:
                passed = rng.random() < 0.95
                attendees.add((attendees.take_id(), self.uuid(), _dt(when), _dt(when), training_id,
                               self.member_base + m, hours, int(passed)))
                if passed and skill and skill in self.m_skills[m] and (m, skill) not in qualified:
                    qualified.add((m, skill))
                    expires = add_months(when, months) if months else None
                    quals.add((quals.take_id(), self.uuid(), _dt(when), _dt(when), self.member_base + m, skill,
                               when.isoformat(), expires.isoformat() if expires else None, "培训", training_id, ""))
            self.progress.report(k / count * 0.5)
        trainings.flush()
        attendees.flush()
        valid_years = {"调解": 3, "救援": 2, "急救": 2, "驾驶": 6, "双语翻译": 3}
        for m, skills in enumerate(self.m_skills):
            for skill in skills:
                if skill not in valid_years or (m, skill) in qualified:
                    continue
                granted = self.day_between(date.fromordinal(self.m_join[m]), today)
                expires = add_months(granted, 12 * valid_years[skill])
                quals.add((quals.take_id(), self.uuid(), _dt(granted), _dt(granted), self.member_base + m, skill,
                           granted.isoformat(), expires.isoformat(), "手工", None, ""))
        quals.flush()

    def make_leaves(self) -> None:
        rng, today = self.rng, self.today
        writer = self.table(Leave, "member", "from_date", "to_date", "reason")
        first = today - timedelta(days=self.scale.days)
        count = max(10, self.scale.members * min(self.scale.days, 120) // 1_500)
        active = [m for m, status in enumerate(self.m_status) if status == ACTIVE]
        for _ in range(count):
            m = rng.choice(active)
            start = self.day_between(first, today + timedelta(days=FUTURE_DAYS))
            end = start + timedelta(days=rng.choice((0, 1, 2, 3, 5, 7, 10, 14)))
            self.leaves.setdefault(m, []).append((start.toordinal(), end.toordinal()))
            writer.add((writer.take_id(), self.uuid(), _dt(min(start, today)), _dt(min(start, today)),
                        self.member_base + m, start.isoformat(), end.isoformat(), rng.choice(LEAVE_REASONS)))
        writer.flush()

    def post_specs(self) -> list[_PostSpec]:
        rng = self.rng
        specs = [replace(spec, team=spec.team % len(self.teams)) for spec in NAMED_POSTS[: self.scale.posts]]
        seen = {spec.name for spec in specs}
        kinds = ((PATROL, 35), (SCHOOL_GATE, 20), (TRAFFIC_PERSUASION, 15), (STATION_DUTY, 15),
                 (RESCUE_STANDBY, 8), (OTHER_DUTY, 7))
        index = len(specs)
        while len(specs) < self.scale.posts:
            team_index = index % len(self.teams)
            area = self.teams[team_index].places[0]
            kind = self.weighted(kinds)
            if kind == PATROL:
                if rng.random() < 0.5:
                    place = rng.choice(ROADS)
                    patterns = (_PatternSpec(WEEK, "09:00", "12:00", 2), _PatternSpec(WEEK, "19:00", "22:00", 4))
                else:
                    place = rng.choice(MARKETS)
                    patterns = (_PatternSpec(WEEK, "10:00", "14:00", 2), _PatternSpec(WEEK, "16:00", "20:00", 3))
                spec = _PostSpec(f"{area}{place}巡逻", kind, f"{area}{place}", team_index, patterns,
                                 needs_leader=True)
            elif kind == SCHOOL_GATE:
                place = rng.choice(SCHOOLS)
                spec = _PostSpec(f"{area}{place}护学岗", kind, f"{area}{place}校门口", team_index, SCHOOL_PATTERNS,
                                 school_days_only=True)
            elif kind == TRAFFIC_PERSUASION:
                place = rng.choice(ROADS)
                spec = _PostSpec(f"{area}{place}交通劝导", kind, f"{area}{place}路口", team_index,
                                 (_PatternSpec(WEEK, "08:00", "10:00", 2), _PatternSpec(WEEK, "17:00", "19:00", 3)))
            elif kind == STATION_DUTY:
                spec = _PostSpec(f"{area}便民警务站值守", kind, f"{area}便民警务站", team_index, STATION_PATTERNS,
                                 needs_leader=True)
            elif kind == RESCUE_STANDBY:
                spec = _PostSpec(f"{area}救援待命", kind, f"{area}派出所", team_index,
                                 (_PatternSpec(WEEK, "08:00", "20:00", 3), _PatternSpec(WEEK, "20:00", "08:00", 2)),
                                 skill="救援", needs_leader=True)
            else:
                place = rng.choice(MARKETS)
                spec = _PostSpec(f"{area}{place}巴扎日安保", kind, f"{area}{place}", team_index,
                                 (_PatternSpec((7,), "10:00", "18:00", 6),), needs_leader=True)
            name, k = spec.name, 2
            while name in seen:
                name, k = f"{spec.name}{k}号岗", k + 1
            seen.add(name)
            specs.append(replace(spec, name=name))
            index += 1
        return specs

    def duty(self) -> None:
        rng, today = self.rng, self.today
        posts = self.table(DutyPost, "name", "kind", "place", "team", "default_start", "default_end", "headcount",
                           "required_skill", "school_days_only", "needs_leader", "active", "notes")
        patterns = self.table(ShiftPattern, "post", "weekdays", "start", "end", "headcount", "valid_from",
                              "valid_to")
        shifts = self.table(Shift, "post", "date", "start", "end", "headcount", "leader", "pattern", "notes")
        assignments = self.table(Assignment, "shift", "member", "status", "actual_start", "actual_end", "hours",
                                 "locked", "reason", "notes")
        first = today - timedelta(days=self.scale.days - 1 - FUTURE_DAYS)
        days = [first + timedelta(days=i) for i in range(self.scale.days)]
        valid_from = (first - timedelta(days=rng.randint(30, 90))).isoformat()
        # per team: [(start, end, weekdays, school_only, headcount, skill, needs_leader, post_id, pattern_id)]
        plan: list[list[tuple[Any, ...]]] = [[] for _ in self.teams]
        for spec in self.post_specs():
            post_id = posts.take_id()
            head = max(p.headcount for p in spec.patterns)
            posts.add((post_id, self.uuid(), _dt(first), _dt(first), spec.name, spec.kind, spec.place,
                       self.teams[spec.team].id, spec.patterns[0].start + ":00", spec.patterns[0].end + ":00", head,
                       spec.skill, int(spec.school_days_only), int(spec.needs_leader), 1, spec.notes))
            for pat in spec.patterns:
                pattern_id = patterns.take_id()
                patterns.add((pattern_id, self.uuid(), _dt(first), _dt(first), post_id,
                              ",".join(map(str, pat.weekdays)), pat.start + ":00", pat.end + ":00", pat.headcount,
                              valid_from, None))
                plan[spec.team].append((_minutes(pat.start), _minutes(pat.end), frozenset(pat.weekdays),
                                        spec.school_days_only, pat.headcount, spec.skill, spec.needs_leader,
                                        post_id, pattern_id))
        posts.flush()
        patterns.flush()
        for entries in plan:
            entries.sort(key=lambda e: (e[0], e[7]))
        pools: list[dict[str, list[int]]] = []
        for t, team in enumerate(self.teams):
            general = list(team.active)
            rng.shuffle(general)
            team_pools = {"": general}
            for entry in plan[t]:
                skill = entry[5]
                if skill and skill not in team_pools:
                    team_pools[skill] = [m for m in general if skill in self.m_skills[m]]
            pools.append(team_pools)
        cursors: list[dict[str, int]] = [dict.fromkeys(p, 0) for p in pools]
        busy: dict[int, int] = {}
        join, leaves, base = self.m_join, self.leaves, self.member_base
        day_text = [(first + timedelta(days=i - 1)).isoformat() for i in range(len(days) + 3)]
        vacations = _school_vacations(days[0], days[-1])
        today_ord = today.toordinal()
        for di, d in enumerate(days):
            d_ord = d.toordinal()
            weekday = d.isoweekday()
            school = calendar.is_school_day(d, vacations)
            past = d_ord < today_ord
            created = _dt(min(d, today) - timedelta(days=3), 16 * 60)
            for t, entries in enumerate(plan):
                for start, end, weekdays, school_only, headcount, skill, needs_leader, post_id, pattern_id in entries:
                    if weekday not in weekdays or (school_only and not school):
                        continue
                    start_abs = di * 1440 + start
                    end_abs = di * 1440 + end + (1440 if end <= start else 0)
                    want = headcount
                    if not past and d_ord > today_ord + 2 and rng.random() < 0.15:
                        want = rng.randrange(headcount)  # next week is not fully planned yet
                    pool = pools[t][skill]
                    size = len(pool)
                    i = cursors[t][skill]
                    chosen: list[int] = []
                    tries = 0
                    while len(chosen) < want and tries < size:
                        m = pool[i]
                        i = i + 1 if i + 1 < size else 0
                        tries += 1
                        if busy.get(m, -1) > start_abs or join[m] > d_ord:
                            continue
                        if m in leaves and any(a <= d_ord <= b for a, b in leaves[m]):
                            continue
                        chosen.append(m)
                    cursors[t][skill] = i
                    shift_id = shifts.take_id()
                    leader = base + chosen[0] if needs_leader and chosen else None
                    shifts.add((shift_id, self.uuid(), created, created, post_id, d.isoformat(), _clock(start),
                                _clock(end), headcount, leader, pattern_id, ""))
                    for m in chosen:
                        busy[m] = end_abs
                        actual_start = actual_end = None
                        hours = 0.0
                        status = PLANNED
                        if past:
                            roll = rng.random()
                            if roll < 0.86:
                                status, a, b = PRESENT, start_abs + rng.randint(-10, 3), end_abs + rng.randint(-5, 10)
                            elif roll < 0.91:
                                status, a, b = LATE, start_abs + rng.randint(10, 40), end_abs + rng.randint(0, 10)
                            else:
                                status, a, b = (ABSENT if roll < 0.96 else ON_LEAVE), 0, 0
                            if b:
                                actual_start = f"{day_text[a // 1440 + 1]} {_clock(a % 1440)}"
                                actual_end = f"{day_text[b // 1440 + 1]} {_clock(b % 1440)}"
                                hours = round((b - a) / 60, 1)
                        assignments.add((assignments.take_id(), self.uuid(), created, created, shift_id, base + m,
                                         status, actual_start, actual_end, hours, 0, "", ""))
                if shifts.rows and len(assignments.rows) >= _Table.CHUNK - 200:
                    shifts.flush()
                    assignments.flush()
            shifts.flush()
            assignments.flush()
            self.progress.report((di + 1) / len(days))

    def activities(self) -> None:
        rng, today = self.rng, self.today
        writer = self.table(Activity, "date", "kind", "team", "place", "description", "people_persuaded",
                            "suspects_caught", "vehicles_helped", "people_served", "clues_reported")
        participants = self.table(ActivityParticipant, "activity", "member", "hours")
        span = max(self.scale.days - FUTURE_DAYS, 90)
        team_weights = [(team, float(len(team.active) or 1)) for team in self.teams]
        kinds = [(k, float(w)) for k, w in ACTIVITY_KINDS]
        n = self.scale.activities
        for index in range(n):
            team = self.weighted(team_weights)
            when = today - timedelta(days=rng.randrange(span))
            kind = self.weighted(kinds)
            place, description, figures, size = self.activity_text(kind, team)
            activity_id = writer.take_id()
            stamp = _dt(when, 20 * 60)
            writer.add((activity_id, self.uuid(), stamp, stamp, when.isoformat(), kind, team.id, place, description,
                        *figures))
            w_ord = when.toordinal()
            pool = team.active or team.members
            picked = rng.sample(pool, min(len(pool), size + 2))
            chosen = [m for m in picked if self.m_join[m] <= w_ord][:size] or picked[:1]
            for m in chosen:
                participants.add((participants.take_id(), self.uuid(), stamp, stamp, activity_id, self.member_base + m,
                                  rng.choice((1.0, 1.5, 2.0, 2.0, 2.5, 3.0, 4.0))))
            if len(participants.rows) >= _Table.CHUNK - 20:
                writer.flush()
                participants.flush()
            if index % 1_000 == 0:
                self.progress.report(index / n)
        writer.flush()
        participants.flush()

    def activity_text(self, kind: str, team: _TeamInfo) -> tuple[str, str, tuple[int, ...], int]:
        """(place, description, (persuaded, caught, vehicles, served, clues), participant count)."""
        rng = self.rng
        town = rng.choice(team.places)
        road, market = rng.choice(ROADS), rng.choice(MARKETS)
        village = f"{town}{rng.randint(1, 18)}村"
        persuaded = caught = vehicles = served = clues = 0
        if kind == "巡逻":
            place = f"{town}{market}"
            description = f"在{place}开展治安巡逻，检查重点部位，提醒商户关好门窗、看管好财物"
            persuaded, clues, size = rng.randint(0, 12), int(rng.random() < 0.1), rng.randint(2, 5)
        elif kind == "隐患报告":
            hazard = rng.choice(HAZARDS)
            place = village
            description = f"在{place}发现{hazard}，已拍照报告派出所并设置警示提示"
            clues, size = 1, rng.randint(1, 2)
        elif kind == "可疑线索报告":
            place = f"{town}{road}"
            description = f"在{place}发现形迹可疑人员反复查看停放车辆，已将线索报告值班民警"
            clues, size = rng.randint(1, 2), rng.randint(1, 3)
        elif kind == "协助抓获":
            place = f"{town}{market}"
            caught = rng.randint(1, 2)
            description = f"协助民警在{place}抓获盗窃电动车嫌疑人{caught}名"
            size = rng.randint(2, 6)
        elif kind == "交通劝导":
            place = f"{town}{road}路口"
            persuaded = rng.randint(5, 80)
            description = f"在{place}劝导不戴头盔、逆行、违规载人等交通违法行为{persuaded}人次"
            size = rng.randint(2, 4)
        elif kind == "救援":
            place = f"{town}至{rng.choice(TOWNSHIPS)}公路"
            vehicles, served = rng.randint(1, 12), rng.randint(1, 30)
            description = f"在{place}救助因冰雪抛锚、侧滑的车辆{vehicles}辆，帮助转移被困群众{served}人"
            size = rng.randint(3, 8)
        elif kind == "寻人寻物":
            place = village
            served = 1
            lost = rng.choice(("走失老人", "走失儿童", "遗失的钱包", "走失的牲畜"))
            description = f"协助在{place}寻找{lost}，已找回并交还家属"
            size = rng.randint(2, 8)
        elif kind == "送证上门":
            place = village
            served = rng.randint(1, 15)
            description = f"为{place}行动不便的老人和残疾人送达居民身份证{served}张"
            size = rng.randint(1, 3)
        elif kind == "普法宣传":
            topic = rng.choice(LAW_TOPICS)
            place = rng.choice((village, f"{town}{market}"))
            served = rng.randint(20, 400)
            description = f"在{place}开展{topic}宣传，发放双语宣传资料{served}份"
            size = rng.randint(3, 10)
        elif kind == "参与调解":
            place = village
            served = rng.randint(2, 6)
            description = f"参与调解{place}一起邻里纠纷，经耐心劝说双方达成和解"
            size = rng.randint(1, 3)
        else:
            place = f"{town}{market}"
            description = f"协助做好{place}大型群众活动的安保和秩序维护"
            served = rng.randint(100, 2_000)
            size = rng.randint(4, 12)
        return place, description, (persuaded, caught, vehicles, served, clues), size

    def cases(self) -> None:
        rng, today = self.rng, self.today
        cases = self.table(
            Case, "number", "year", "sequence", "kind", "category", "source", "received_at", "place", "summary",
            "facts", "responsibilities", "status", "deadline", "second_session_deadline", "outcome",
            "agreement_terms", "agreement_amount", "performance_way", "performance_place", "performance_deadline",
            "copies", "oral_agreement", "agreement_date", "mediating_authority", "host_officer", "incident_at",
            "incident_place", "incident_cause", "incident_course", "incident_result", "closed_on",
            "body", "offence", "circumstances", "parties_consent", "others_present",
        )
        parties = self.table(Party, "case", "role", "name", "gender", "ethnic_code", "age", "birth_date",
                             "id_number", "phone", "address", "occupation", "guardian_of", "pinyin_full",
                             "pinyin_initials", "position")
        mediators = self.table(CaseMediator, "case", "member", "officer_name", "role")
        sessions = self.table(MediationSession, "case", "held_at", "place", "present", "record", "result",
                              "rights_notified")
        follow_ups = self.table(FollowUp, "case", "date", "performed", "satisfaction", "escalation_signs",
                                "visitor", "notes", "reason", "measures")
        events = self.table(CaseEvent, "case", "at", "from_status", "to_status", "username", "note")
        office = OfficeSettings.select().order_by(OfficeSettings.id).first()
        prefix = office.case_prefix if office and office.case_prefix else "夏派调"
        unit = office.unit_name if office else "伽师县公安局夏普吐勒派出所"
        # the 调委会 a 人民调解 case belongs to, numbered in its own series; the officers who host 治安调解
        body = next((b for b in list_bodies() if b.name == DEMO_BODY), None) or save_body(
            None, DEMO_BODY, DEMO_BODY_PREFIX, is_default=True)
        save_officers(list(dict.fromkeys([*list_officers(), *self.officers])))
        prefixes = {PEOPLES_MEDIATION: body.number_prefix, PUBLIC_SECURITY_MEDIATION: prefix}
        span = 180 if self.scale.days < 365 else 365
        n = self.scale.cases
        received = sorted(
            datetime.combine(today - timedelta(days=rng.randrange(span)), datetime.min.time())
            + timedelta(minutes=rng.randint(9 * 60, 19 * 60))
            for _ in range(n)
        )
        counters: dict[tuple[str, int], int] = {
            (series, year): value for series in prefixes.values()
            for year, value in Counter.select(Counter.year, Counter.value)
            .where(Counter.name == series_name(series)).tuples()
        }
        mediator_pool = [m for m, skills in enumerate(self.m_skills)
                         if "调解" in skills and self.m_status[m] == ACTIVE] or list(range(len(self.m_skills)))
        categories = [(c, float(v[0])) for c, v in CASE_CATEGORIES.items()]
        kind_sources = {kind: [(s, float(w)) for s, w in CASE_SOURCES if s in allowed]
                        for kind, allowed in ((PEOPLES_MEDIATION, PEOPLES_MEDIATION_SOURCES),
                                              (PUBLIC_SECURITY_MEDIATION, SECURITY_MEDIATION_SOURCES))}
        offences = [(o, float(w)) for o, w in SECURITY_CASE_OFFENCES]
        towns = sorted({place for team in self.teams for place in team.places})
        end_of_today = datetime.combine(today, datetime.min.time()) + timedelta(hours=19)
        for index, at in enumerate(received):
            kind = PUBLIC_SECURITY_MEDIATION if rng.random() < 0.2 else PEOPLES_MEDIATION
            series = (prefixes[kind], at.year)
            counters[series] = sequence = counters.get(series, 0) + 1
            case_id = cases.take_id()
            category = self.weighted(categories)
            _, cause, terms_text, amount_range = CASE_CATEGORIES[category]
            police = kind == PUBLIC_SECURITY_MEDIATION
            source = "群众报警" if police and rng.random() < 0.6 else self.weighted(kind_sources[kind])
            village = f"{rng.choice(towns)}{rng.randint(1, 18)}村"
            stamp = at.isoformat(sep=" ")
            # parties
            applicants = [self.person() for _ in range(1 if rng.random() < 0.85 else 2)]
            respondents = [self.person()]
            minor = None
            if rng.random() < 0.03:
                minor = self.person(born=(at.year - 17, at.year - 14))
            # (role, person, guardian_of): a minor's guardian points to the minor's row, written just before
            first_role, second_role = ("被侵害人", "违法行为人") if police else ("申请人", "被申请人")
            people: list[tuple[str, _Person, int | None]] = [(first_role, p, None) for p in applicants]
            people += [(second_role, p, None) for p in respondents]
            if minor is not None:
                people.append(("其他当事人", minor, None))
                people.append(("监护人", self.person(born=(at.year - 50, at.year - 30)), parties.next_id))
            for position, (role, person, guardian_of) in enumerate(people):
                party_id = parties.take_id()
                age = at.year - person.birth.year - ((at.month, at.day) < (person.birth.month, person.birth.day))
                full, initials = _pinyin_keys(person.name)
                parties.add((party_id, self.uuid(), stamp, stamp, case_id, role, person.name, person.gender,
                             person.ethnic, age, person.birth.isoformat(), person.id_number, self.phone(),
                             f"{village}{rng.randint(1, 6)}组{rng.randint(1, 90)}号", rng.choice(OCCUPATIONS),
                             guardian_of, full, initials, position))
            a_name, b_name = applicants[0].name, respondents[0].name
            summary = f"{first_role}{a_name}与{second_role}{b_name}因{cause}发生纠纷"
            facts = (f"{format_date(at.date())}，{a_name}与{b_name}因{cause}发生争执，{a_name}"
                     f"{'向派出所报警' if source == '群众报警' else '请求调解'}。双方对事实基本无异议，争议在于责任承担。")
            # mediators
            volunteers = rng.sample(mediator_pool, min(len(mediator_pool), rng.randint(1, 2)))
            officer = rng.choice(self.officers)
            mediators.add((mediators.take_id(), self.uuid(), stamp, stamp, case_id, None, officer,
                           "主持人" if police else "调解员"))
            for m in volunteers:
                mediators.add((mediators.take_id(), self.uuid(), stamp, stamp, case_id, self.member_base + m, "",
                               "调解员"))
            recorder = rng.choice([o for o in self.officers if o != officer])
            mediators.add((mediators.take_id(), self.uuid(), stamp, stamp, case_id, None, recorder, "记录人"))
            mediator_names = [officer, *(self.m_name[m] for m in volunteers)]
            # workflow
            age_days = (today - at.date()).days
            timeline: list[tuple[str, datetime, str]] = [(ACCEPTED, at, "")]
            status = ACCEPTED
            held: list[datetime] = []
            first_session = None
            if not (age_days <= 3 and rng.random() < 0.4):
                first_session = _in_office_hours(at + timedelta(hours=rng.randint(2, 60)), rng, end_of_today)
            if first_session is not None:
                held.append(first_session)
                second = _in_office_hours(first_session + timedelta(days=rng.randint(2, 6)), rng, end_of_today)
                if age_days > 5 and rng.random() < 0.4 and second is not None:
                    held.append(second)
                status = IN_MEDIATION
                timeline.append((IN_MEDIATION, first_session, ""))
            deadline, second_deadline = compute_deadlines(kind, at.date(), held[0].date() if held else None)
            finished = status == IN_MEDIATION and (
                (deadline < today and rng.random() < 0.93) or (deadline >= today and age_days > 2
                                                               and rng.random() < 0.4))
            outcome = agreement_terms = performance_way = ""
            amount = performance_deadline = agreement_date = closed_on = None
            oral = False
            outcome_status = ""
            if finished:
                ended = held[-1]
                status = outcome_status = self.weighted([(SUCCEEDED, 0.7), (FAILED, 0.18), (TERMINATED, 0.12)])
                note = "当事人一方撤回调解申请" if status == TERMINATED else ""
                timeline.append((status, ended, note))
                if status == SUCCEEDED:
                    agreement_date = ended.date()
                    performance_deadline = agreement_date + timedelta(days=rng.choice((0, 7, 15, 30, 60)))
                    amount = rng.randrange(*amount_range) // 100 * 100 if amount_range else None
                    agreement_terms = terms_text.format(amount=amount, deadline=format_date(performance_deadline))
                    performance_way = rng.choice(PERFORMANCE_WAYS if amount else PERFORMANCE_WAYS[3:])
                    oral = amount is None and rng.random() < 0.15
                    outcome = "双方自愿达成调解协议"
                else:
                    outcome = "双方分歧较大，未能达成协议，已告知当事人可依法向人民法院起诉" if status == FAILED \
                        else "申请人撤回调解申请，调解终止"
                visit_day = ended.date() + timedelta(days=rng.randint(7, 30))
                if visit_day < today and (status == SUCCEEDED or rng.random() < 0.3):
                    performed = rng.choice(("已履行", "已履行", "已履行", "部分履行", "未履行")) \
                        if status == SUCCEEDED else ""
                    follow_ups.add((follow_ups.take_id(), self.uuid(), _dt(visit_day), _dt(visit_day), case_id,
                                    visit_day.isoformat(), performed,
                                    rng.choice(("满意", "满意", "满意", "基本满意", "不满意")),
                                    "无" if rng.random() < 0.9 else "双方仍有口角，需继续关注", rng.choice(mediator_names),
                                    "", f"{category}纠纷调解协议履行情况" if status == SUCCEEDED else f"{category}纠纷回访",
                                    "" if performed in ("已履行", "") else "督促当事人按协议履行"))
                    timeline.append((FOLLOW_UP, datetime.combine(visit_day, datetime.min.time()) + timedelta(hours=11),
                                     ""))
                    status = FOLLOW_UP
                    close_day = visit_day + timedelta(days=rng.randint(1, 10))
                    if close_day < today and rng.random() < 0.85:
                        closed_on = close_day
                elif status != SUCCEEDED and visit_day < today and rng.random() < 0.8:
                    closed_on = visit_day
                if closed_on is not None:
                    timeline.append((CLOSED, datetime.combine(closed_on, datetime.min.time()) + timedelta(hours=17),
                                     ""))
                    status = CLOSED
            # 参加人: the others invited (a 村委会 member), never the parties or mediators
            invited = f"{village}村委会委员{self.person().name}" if rng.random() < 0.5 else ""
            for k, held_at in enumerate(held):
                result = "双方同意继续协商"
                if k == len(held) - 1 and outcome_status:
                    result = "达成协议" if outcome_status == SUCCEEDED else "未达成协议"
                sessions.add((sessions.take_id(), self.uuid(), held_at.isoformat(sep=" "),
                              held_at.isoformat(sep=" "), case_id, held_at.isoformat(sep=" "),
                              "夏普吐勒派出所调解室" if police else rng.choice((f"{village}村委会", "夏普吐勒镇人民调解委员会调解室")),
                              invited, f"调解员听取了{a_name}、{b_name}双方陈述，释明相关法律规定，双方就{cause}问题充分协商。",
                              result, 1))
            previous = ""
            for to_status, when, note in timeline:
                text = when.isoformat(sep=" ")
                events.add((events.take_id(), self.uuid(), text, text, case_id, text, previous, to_status, OPERATOR,
                            note))
                previous = to_status
            incident = (at - timedelta(hours=rng.randint(1, 30))) if police else None
            cases.add((
                case_id, self.uuid(), stamp, stamp, format_case_number(at.year, prefixes[kind], sequence), at.year,
                sequence,
                kind, category, source, stamp, village, summary, facts,
                "双方各有过错" if rng.random() < 0.4 else "", status, deadline.isoformat(),
                second_deadline.isoformat() if second_deadline else None, outcome, agreement_terms,
                f"{amount}.00" if amount is not None else None, performance_way,
                village if performance_way else "",
                performance_deadline.isoformat() if performance_deadline else None, 3, int(oral),
                agreement_date.isoformat() if agreement_date else None,
                unit if police else "", officer if police else "",
                incident.isoformat(sep=" ") if incident else None, village if incident else "",
                cause if incident else "",
                f"双方因{cause}发生口角，继而相互推搡" if incident else "",
                "一方轻微受伤，未构成轻伤" if incident else "",
                closed_on.isoformat() if closed_on else None,
                None if police else body.id, self.weighted(offences) if police else "",
                rng.choice(SECURITY_CIRCUMSTANCES) if police else "", int(police),
                invited.replace("村委会委员", "，村委会委员") if police and invited else "",
            ))
            if len(parties.rows) + len(events.rows) >= _Table.CHUNK:
                for writer in (cases, parties, mediators, sessions, follow_ups, events):
                    writer.flush()
            if index % 500 == 0:
                self.progress.report(index / n)
        for writer in (cases, parties, mediators, sessions, follow_ups, events):
            writer.flush()
        for (series, year), value in sorted(counters.items()):
            name = series_name(series)
            updated = Counter.update(value=value, updated_at=self.stamp).where(
                (Counter.name == name) & (Counter.year == year)).execute()
            if not updated:
                Counter.insert(uuid=self.uuid(), created_at=self.stamp, updated_at=self.stamp, name=name,
                               year=year, value=value).execute()


def generate(
    scale: Scale,
    seed: int = 2024,
    today: date | None = None,
    progress: Progress | None = None,
) -> GenerateSummary:
    """Fill the open database with made-up data of `scale`; all or nothing (one transaction).

    `progress(percent, 100, stage)` is called as the work goes on; raising `Cancelled` in it (e.g.
    `GenerationCancelled`) cancels: the transaction is rolled back and the exception goes on.
    """
    today = today or date.today()
    started = time.perf_counter()
    generator = _Generator(scale, seed, today, _Progress(progress))
    connection = db.connection()
    old_cache = connection.execute("PRAGMA cache_size").fetchone()[0]
    connection.execute("PRAGMA cache_size = -262144")  # 256 MB while bulk-inserting
    try:
        with db.atomic():
            # a full chunk of child rows (assignments, parties …) may be written before its parents' chunk
            connection.execute("PRAGMA defer_foreign_keys = ON")
            counts = generator.run()
    finally:
        connection.execute(f"PRAGMA cache_size = {int(old_cache)}")
    return GenerateSummary(scale.name, seed, today, counts, time.perf_counter() - started)
