"""Whether an office is in 新疆, from its unit names: "新疆", "兵团", or the name of a 新疆 prefecture, city or
county (伽师县公安局 …). Used only to set the default of the 新疆 holidays switch, which the office can change."""

from __future__ import annotations

_PLACES = (
    "新疆", "兵团", "乌鲁木齐", "克拉玛依", "吐鲁番", "哈密", "昌吉", "博尔塔拉", "巴音郭楞", "阿克苏", "克孜勒苏",
    "喀什", "和田", "伊犁", "塔城", "阿勒泰",
    # counties and county-level cities (names short enough to be ambiguous keep their 县/市/区)
    "天山区", "沙依巴克", "水磨沟", "头屯河", "达坂城", "米东区", "独山子", "白碱滩", "乌尔禾", "高昌区", "鄯善",
    "托克逊", "伊州区", "巴里坤", "伊吾", "阜康", "呼图壁", "玛纳斯", "奇台", "吉木萨尔", "木垒", "博乐",
    "阿拉山口", "精河", "温泉县", "库尔勒", "轮台", "尉犁", "若羌", "且末", "焉耆", "和静", "和硕", "博湖",
    "库车", "温宿", "沙雅", "新和县", "拜城", "乌什", "阿瓦提", "柯坪", "阿图什", "阿克陶", "阿合奇", "乌恰",
    "疏附", "疏勒", "英吉沙", "泽普", "莎车", "叶城", "麦盖提", "岳普湖", "伽师", "巴楚", "塔什库尔干", "墨玉",
    "皮山", "洛浦", "策勒", "于田", "民丰", "伊宁", "奎屯", "霍尔果斯", "察布查尔", "霍城", "巩留", "新源县",
    "昭苏", "特克斯", "尼勒克", "乌苏", "沙湾", "额敏", "托里", "裕民", "和布克赛尔", "布尔津", "富蕴", "福海",
    "哈巴河", "青河县", "吉木乃", "石河子", "阿拉尔", "图木舒克", "五家渠", "北屯", "铁门关", "可克达拉", "昆玉",
    "胡杨河", "双河市", "新星市", "白杨市",
)


def is_in_xinjiang(*names: str) -> bool:
    return any(place in (name or "") for name in names for place in _PLACES)
