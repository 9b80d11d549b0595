"""Made-up people: names as they are written in southern Xinjiang (Uyghur, Kazakh and Kyrgyz names in
Chinese characters joined by "·", Han and Hui names), valid ID numbers never used twice, mobile numbers and
home addresses. No real person's data."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from typing import Generic, TypeVar

from ..domain.id_numbers import build_id_number
from .places import COMMUNITIES, ROADS, TOWNSHIPS

T = TypeVar("T")

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



# officers (民警) get given names no volunteer has, so that nobody takes one for the other
OFFICER_HAN_GIVEN = ("向东", "志刚", "红梅", "海燕", "建军", "卫华", "春生", "晓峰", "玉珍", "立新")
OFFICER_UYGHUR = ("艾克拜尔", "努尔江", "迪力夏提", "古丽孜热", "米热阿依", "买尔旦")


@dataclass(frozen=True)
class Person:
    name: str
    gender: str
    ethnic: str
    birth: date
    id_number: str


def day_between(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return first
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def weighted(rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for value, weight in pairs:
        x -= weight
        if x < 0:
            return value
    return pairs[-1][0]


class Weighted(Generic[T]):
    """A weighted choice asked many times from the same long list (teams by size): found by bisection."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.values = [value for value, _ in pairs]
        self.bounds = list(accumulate(weight for _, weight in pairs))

    def pick(self, rng: random.Random) -> T:
        k = bisect_right(self.bounds, rng.random() * self.bounds[-1])
        return self.values[min(k, len(self.values) - 1)]


class People:
    """Makes people with the generator's random source; ID numbers already taken are never given again."""

    def __init__(self, rng: random.Random, taken: Iterable[str] = ()) -> None:
        self.rng = rng
        self.used_ids: set[str] = set(taken)
        self._ethnic = [(code, weight) for code, weight, _ in ETHNIC_MIX]
        self._areas = {code: areas for code, _, areas in ETHNIC_MIX}

    def name(self, gender: str, ethnic: str) -> str:
        rng, male = self.rng, gender == "男"
        if ethnic == "05":
            return rng.choice(UYGHUR_MALE if male else UYGHUR_FEMALE) + "·" + rng.choice(UYGHUR_FATHER)
        if ethnic == "17":
            return rng.choice(KAZAKH_MALE if male else KAZAKH_FEMALE) + "·" + rng.choice(KAZAKH_FATHER)
        if ethnic == "29":
            return rng.choice(KYRGYZ_MALE if male else KYRGYZ_FEMALE) + "·" + rng.choice(KYRGYZ_FATHER)
        surnames = HUI_SURNAMES if ethnic == "03" else HAN_SURNAMES
        return rng.choice(surnames) + rng.choice(HAN_MALE if male else HAN_FEMALE)

    def person(self, gender: str | None = None, ethnic: str | None = None,
               born: tuple[int, int] = (1960, 2004)) -> Person:
        rng = self.rng
        if ethnic is None:
            ethnic = weighted(rng, self._ethnic)
        if gender is None:
            gender = "男" if rng.random() < 0.5 else "女"
        name = self.name(gender, ethnic)
        birth = day_between(rng, date(born[0], 1, 1), date(born[1], 12, 31))
        area = rng.choice(self._areas[ethnic])
        while True:
            number = build_id_number(area, birth, rng.randrange(500) * 2 + (1 if gender == "男" else 0))
            if number not in self.used_ids:
                self.used_ids.add(number)
                break
        return Person(name, gender, ethnic, birth, number)

    def officer_name(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            return rng.choice(HAN_SURNAMES) + rng.choice(OFFICER_HAN_GIVEN)
        return rng.choice(OFFICER_UYGHUR) + "·" + rng.choice(UYGHUR_FATHER)

    def phone(self) -> str:
        return self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(100_000_000):08d}"

    def address(self, places: tuple[str, ...] = ()) -> str:
        rng = self.rng
        place = rng.choice(places) if places and rng.random() < 0.8 else rng.choice(TOWNSHIPS)
        if rng.random() < 0.2:
            return f"伽师县{rng.choice(COMMUNITIES)}{rng.choice(ROADS)}{rng.randint(1, 120)}号"
        return f"{place}{rng.randint(1, 18)}村{rng.randint(1, 6)}组{rng.randint(1, 90)}号"
