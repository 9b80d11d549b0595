"""The 工作简报 (monthly, quarterly or annual report of the office or of one team), A4 portrait, from plain
data: the paragraph the clerk approved, the figures table, captioned charts ("图1 …", drawn with
reportlab.graphics), the records by kind (and by team for the office), the case outcomes with 调解成功率,
hours and stars, and the best volunteers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.activity_figures import format_count
from ..domain.dates import format_date
from ..domain.report_wording import case_sentence
from ..domain.vocabulary import FAILED, SUCCEEDED, TERMINATED
from .fonts import HEI, font
from .layout import PageSpec, Title, build_pdf, data_table, doc_styles, para

PALETTE = [colors.HexColor(c) for c in ("#1f4e79", "#c0504d", "#9bbb59", "#8064a2", "#4bacc6", "#f79646",
                                        "#7f7f7f", "#2c7873", "#b65f9c", "#d4a017", "#5b9bd5", "#a5a5a5")]


@dataclass(frozen=True)
class FigureLine:
    name: str
    value: int
    unit: str
    source: str  # 工作记录 / 案件登记 / 排班到岗


@dataclass(frozen=True)
class TeamLine:
    team: str
    records: int
    figures: dict[str, int]


@dataclass(frozen=True)
class CaseSection:
    total: int
    by_kind: dict[str, int]
    by_category: dict[str, int]
    by_outcome: dict[str, int]  # 调解成功 / 调解不成功 / 终止 / 未结
    success_rate: str  # "85.0%" or "—": 调解成功 of the cases ended (未结 ones not counted)

    @property
    def ended(self) -> int:
        return sum(self.by_outcome.get(outcome, 0) for outcome in (SUCCEEDED, FAILED, TERMINATED))


@dataclass(frozen=True)
class VolunteerLine:
    rank: int
    name: str
    team: str
    hours: float
    points: float
    stars: str


@dataclass
class WorkReport:
    unit: str
    scope: str  # 全所 or the team's name
    period_label: str  # 2026年11月
    report_name: str  # 月报 / 季报 / 年报
    made_on: date
    paragraph: str
    figures: list[FigureLine]
    by_kind: dict[str, int]
    by_team: list[TeamLine] = field(default_factory=list)
    months: dict[str, dict[str, int]] = field(default_factory=dict)  # "2026-10" → 工作记录 and figures
    cases: CaseSection | None = None
    hours: dict[str, float] = field(default_factory=dict)  # 值班 / 工作记录 / 培训 / 志愿服务合计
    members_served: int = 0
    stars: dict[str, int] = field(default_factory=dict)  # 一星 … 五星 → members
    best: list[VolunteerLine] = field(default_factory=list)
    trainings: int = 0
    trained: int = 0
    made_by: str = ""
    period_code: str = ""  # 2026-11, 2026-Q4, 2026
    hours_by_member: dict[str, float] = field(default_factory=dict)  # name → service hours in the period

    @property
    def title(self) -> str:
        return f"义警工作{self.report_name}"

    @property
    def heading(self) -> str:
        scope = "" if self.scope == "全所" else f"（{self.scope}）"
        return f"{self.period_label}义警工作{self.report_name}{scope}"


# --- charts --------------------------------------------------------------------------------------


class _Captioned(Flowable):
    """A chart drawing with its caption ("图1 …") centred below it, kept together."""

    def __init__(self, drawing: Drawing, caption: str) -> None:
        super().__init__()
        self.drawing, self.caption = drawing, caption

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.drawing.height + 8 * mm
        return self.width, self.height

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, (self.width - self.drawing.width) / 2, 8 * mm)
        self.canv.setFont(font(HEI), 9.5)
        self.canv.drawCentredString(self.width / 2, 2.5 * mm, self.caption)


def _labels(chart, size: float = 8) -> None:
    chart.categoryAxis.labels.fontName = font(HEI)
    chart.categoryAxis.labels.fontSize = size
    chart.valueAxis.labels.fontName = font(HEI)
    chart.valueAxis.labels.fontSize = size
    chart.valueAxis.forceZero = True


def _value_step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000):
        if top / step <= 8:
            return step
    return 10 ** len(str(int(top)))


def bar_chart(items: Sequence[tuple[str, float]], width: float, horizontal: bool = True) -> Drawing:
    """Bars for (label, value), the values written at their ends."""
    count = max(len(items), 1)
    height = (14 + count * 7.5 * mm / 1.6) if horizontal else 70 * mm
    drawing = Drawing(width, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 42 * mm if horizontal else 12 * mm
    chart.x, chart.y = left, 6 * mm if horizontal else 16 * mm
    chart.width = width - left - 14 * mm
    chart.height = height - (10 * mm if horizontal else 22 * mm)
    values = [value for _label, value in items] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [label for label, _value in items] or [""]
    chart.bars[0].fillColor = PALETTE[0]
    chart.barLabels.fontName = font(HEI)
    chart.barLabels.fontSize = 7.5
    chart.barLabelFormat = lambda v: format_count(v)
    chart.barLabels.boxAnchor = "w" if horizontal else "s"
    chart.barLabels.dx = 3 if horizontal else 0
    chart.barLabels.dy = 0 if horizontal else 3
    top = max(values) or 1
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = _value_step(top)
    chart.valueAxis.valueMax = top * 1.15
    _labels(chart)
    if horizontal:
        chart.categoryAxis.reverseDirection = True
    else:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    drawing.add(chart)
    return drawing


def line_chart(months: dict[str, dict[str, int]], series: list[str], width: float) -> Drawing:
    """One line per series over the months, with a legend."""
    height = 70 * mm
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 14 * mm, 14 * mm
    chart.width, chart.height = width - 22 * mm, height - 28 * mm
    chart.data = [[months[m].get(name, 0) for m in months] for name in series] or [[0]]
    chart.categoryAxis.categoryNames = [f"{int(m[5:])}月" for m in months]
    top = max((v for row in chart.data for v in row), default=0) or 1
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = _value_step(top)
    chart.valueAxis.valueMax = top * 1.1
    for index in range(len(series)):
        chart.lines[index].strokeColor = PALETTE[index % len(PALETTE)]
        chart.lines[index].strokeWidth = 1.6
    _labels(chart)
    drawing.add(chart)
    x = 14 * mm
    for index, name in enumerate(series):
        drawing.add(String(x + 5 * mm, height - 6 * mm, name, fontName=font(HEI), fontSize=8,
                           fillColor=PALETTE[index % len(PALETTE)]))
        drawing.add(String(x, height - 6 * mm, "■", fontName=font(HEI), fontSize=8,
                           fillColor=PALETTE[index % len(PALETTE)]))
        x += (len(name) + 3) * 8.5
    return drawing


def pie_chart(items: list[tuple[str, int]], width: float) -> Drawing:
    height = 62 * mm
    drawing = Drawing(width, height)
    pie = Pie()
    pie.x, pie.y = width / 2 - 55 * mm, 6 * mm
    pie.width = pie.height = 50 * mm
    shown = [(label, value) for label, value in items if value] or [("无", 1)]
    pie.data = [value for _label, value in shown]
    pie.labels = [f"{label} {format_count(value)}" for label, value in shown]
    pie.simpleLabels = 0
    pie.slices.fontName = font(HEI)
    pie.slices.fontSize = 8
    pie.slices.strokeWidth = 0.5
    for index in range(len(shown)):
        pie.slices[index].fillColor = PALETTE[index % len(PALETTE)]
    drawing.add(pie)
    return drawing


# --- the document --------------------------------------------------------------------------------


def build_work_report_pdf(report: WorkReport) -> bytes:
    styles = doc_styles()
    spec = PageSpec(title=report.heading, unit_name=report.unit, header_right=report.title,
                    footer_left=f"制表：{report.made_by or '__________'}",
                    footer_right=f"制表日期：{format_date(report.made_on)}", margin_left=20 * mm, margin_right=18 * mm)
    width = spec.frame_width
    section = ParagraphStyle("report_section", parent=styles.label, fontSize=13, leading=20, spaceBefore=8,
                             spaceAfter=4)
    note = ParagraphStyle("report_note", parent=styles.small, alignment=TA_CENTER)
    story: list[Flowable] = [Title(report.heading, size=19),
                             para(f"{report.unit}　{format_date(report.made_on)}", styles.subtitle), Spacer(1, 4 * mm)]
    figures_no = iter(range(1, 20))

    def caption(text: str) -> str:
        return f"图{next(figures_no)} {text}"

    story.append(para("一、工作概况", section))
    story += [para(line, styles.body_indent) for line in report.paragraph.splitlines() if line.strip()]

    story.append(para("二、工作成效", section))
    story.append(data_table(("序号", "指标", "数量", "单位", "统计来源"),
                            [(str(i), line.name, format_count(line.value), line.unit, line.source)
                             for i, line in enumerate(report.figures, start=1)],
                            (12 * mm, width - 12 * mm - 28 * mm - 18 * mm - 30 * mm, 28 * mm, 18 * mm, 30 * mm),
                            centred=(0, 2, 3, 4)))
    shown = [(line.name, line.value) for line in report.figures if line.value]
    if shown:
        story.append(_Captioned(bar_chart(shown, width), caption(f"{report.period_label}各项工作成效")))

    story.append(para("三、工作记录分类", section))
    kinds = sorted(report.by_kind.items(), key=lambda kv: -kv[1])
    total = sum(report.by_kind.values())
    story.append(data_table(("工作类别", "记录数", "占比"),
                            [(kind, format_count(count), f"{count * 100 / total:.1f}%") for kind, count in kinds]
                            + [("合计", format_count(total), "100%" if total else "—")],
                            (width - 60 * mm, 30 * mm, 30 * mm), centred=(1, 2)))
    if kinds:
        story.append(_Captioned(bar_chart(kinds, width), caption("工作记录按类别")))
    if report.by_team:
        names = [line.name for line in report.figures if line.value and line.source == "工作记录"][:4]
        widths = [width - 22 * mm - len(names) * 27 * mm, 22 * mm] + [27 * mm] * len(names)
        story.append(para("各队伍工作情况", styles.label))
        story.append(data_table(("队伍", "记录数", *names),
                                [(line.team, format_count(line.records),
                                  *(format_count(line.figures.get(n, 0)) for n in names)) for line in report.by_team],
                                widths, centred=range(1, 2 + len(names)), font_size=8.5))
    if len(report.months) > 1:
        series = ["工作记录"] + [line.name for line in sorted(report.figures, key=lambda li: -li.value)
                               if line.value and line.source == "工作记录"][:2]
        story.append(_Captioned(line_chart(report.months, series, width), caption("各月工作记录与主要成效")))

    if report.cases is not None:
        cases = report.cases
        story.append(para("四、矛盾纠纷调解", section))
        story.append(para(case_sentence(cases.total, cases.ended, cases.by_outcome.get(SUCCEEDED, 0),
                                        cases.success_rate, cases.by_kind), styles.body_indent))
        if cases.total:
            categories = [(c, n) for c, n in cases.by_category.items() if n]
            story.append(data_table(("纠纷类别", "件数"), [(c, format_count(n)) for c, n in categories],
                                    (width - 30 * mm, 30 * mm), centred=(1,)))
            story.append(_Captioned(pie_chart(list(cases.by_outcome.items()), width), caption("矛盾纠纷调解结果")))

    story.append(para("五、服务时长与星级", section))
    story.append(data_table(("项目", "数值"), [(f"{k}（小时）", format_count(v)) for k, v in report.hours.items()]
                            + [("参与服务的队员（人）", format_count(report.members_served))]
                            + ([("组织培训（期）/参训（人次）", f"{report.trainings} / {report.trained}")]
                               if report.trainings else []),
                            (width - 40 * mm, 40 * mm), centred=(1,)))
    if report.stars:
        story.append(Spacer(1, 2 * mm))
        story.append(data_table(tuple(report.stars), [tuple(format_count(v) for v in report.stars.values())],
                                [width / len(report.stars)] * len(report.stars), centred=range(len(report.stars))))
        story.append(para("星级按累计志愿服务时长（值班与工作记录，不含培训）评定。", note))

    if report.best:
        story.append(para("六、优秀义警（按本期志愿服务时长）", section))
        story.append(KeepTogether(data_table(
            ("名次", "姓名", "队伍", "服务时长（小时）", "积分", "星级"),
            [(str(v.rank), v.name, v.team, format_count(v.hours), format_count(v.points), v.stars) for v in report.best],
            (14 * mm, 34 * mm, width - 14 * mm - 34 * mm - 30 * mm - 22 * mm - 20 * mm, 30 * mm, 22 * mm, 20 * mm),
            centred=(0, 3, 4, 5))))
    return build_pdf(story, spec)
