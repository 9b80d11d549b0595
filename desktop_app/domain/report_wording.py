"""The draft paragraph of a 工作简报, in the office's own style, for the clerk to edit before printing:
"2026年，我所义警队伍协助公安机关抓获犯罪嫌疑人24名，劝导交通违法行为1,214起，救助被困车辆103辆……"."""

from __future__ import annotations

from collections.abc import Mapping

from .activity_figures import (
    CAUGHT,
    CLUES,
    FOUND,
    HAZARDS,
    MATTERS,
    MEDIATED,
    PERSUADED,
    PUBLICITY,
    SCHOOL_GATE_DUTY,
    SERVED,
    VEHICLES,
    format_count,
)

# How each figure reads in a sentence, in the order the offices report them.
PHRASES: tuple[tuple[str, str], ...] = (
    (CAUGHT, "协助公安机关抓获犯罪嫌疑人{n}名"),
    (PERSUADED, "劝导交通违法行为{n}起"),
    (VEHICLES, "救助被困车辆{n}辆"),
    (FOUND, "寻回走失人员{n}人"),
    (CLUES, "报告可疑线索{n}条"),
    (HAZARDS, "发现并报告安全隐患{n}处"),
    (MEDIATED, "参与调解矛盾纠纷{n}起"),
    (SCHOOL_GATE_DUTY, "参与护学岗执勤{n}场次"),
    (MATTERS, "帮助群众办理事项{n}件"),
    (PUBLICITY, "开展普法宣传覆盖群众{n}人次"),
    (SERVED, "服务群众{n}人次"),
)


def hours_text(hours: float) -> str:
    return format_count(round(hours, 1))


def draft_paragraph(period_label: str, whole: str, subject: str, figures: Mapping[str, int], records: int,
                    people: int, hours: float, trainings: int = 0, trained: int = 0, cases: int = 0,
                    succeeded: int = 0, success_rate: str = "", ended: int = 0) -> str:
    """`period_label` 2026年 / 2026年11月; `whole` 全年 / 本季度 / 本月; `subject` 我所义警队伍 or a team's name."""
    parts = [template.format(n=format_count(figures[name])) for name, template in PHRASES if figures.get(name)]
    first = f"{period_label}，{subject}" + ("，".join(parts) if parts else "积极参与群防群治工作") + "。"
    second = f"{whole}共登记各类工作记录{format_count(records)}条"
    if people:
        second += f"，参与队员{format_count(people)}人，累计志愿服务{hours_text(hours)}小时"
    if trainings:
        second += f"；组织业务培训{format_count(trainings)}期，参训{format_count(trained)}人次"
    second += "。"
    third = case_sentence(cases, ended, succeeded, success_rate) if cases else ""
    return first + second + third


def case_sentence(cases: int, ended: int, succeeded: int, success_rate: str,
                  by_kind: Mapping[str, int] | None = None) -> str:
    """"受理矛盾纠纷40起，其中人民调解29起、治安调解11起；已办结32起，调解成功25起，调解成功率78.1%（按已办结计）。"
    — the rate is of the cases ended, so the sentence says how many those are."""
    if not cases:
        return "本期未受理矛盾纠纷。"
    text = f"受理矛盾纠纷{format_count(cases)}起"
    kinds = [f"{kind}{format_count(n)}起" for kind, n in (by_kind or {}).items() if n]
    if kinds:
        text += "，其中" + "、".join(kinds)
    if ended:
        text += (f"；已办结{format_count(ended)}起，调解成功{format_count(succeeded)}起，"
                 f"调解成功率{success_rate}（按已办结计）")
    else:
        text += "，均在调解中"
    return text + "。"
