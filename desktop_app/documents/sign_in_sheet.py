"""The sign-in sheet of a training (培训签到表), printed blank beforehand: the training's title, day, hours,
host and place, then one line per expected attendee (序号, 姓名, 队伍, 签到, 签退, 备注) and blank lines for
those who come unannounced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..domain.dates import format_date
from .layout import PageSpec, build_pdf, data_table, doc_styles, para, title_block


@dataclass(frozen=True)
class SignInSheet:
    unit: str
    title: str
    day: date | None
    hours: float | None
    host: str
    place: str
    people: list[tuple[str, str]]  # (name, team)
    blank_lines: int = 5


def build_sign_in_pdf(sheet: SignInSheet) -> bytes:
    styles = doc_styles()
    spec = PageSpec(title="培训签到表", unit_name=sheet.unit, margin_left=18 * mm, margin_right=18 * mm)
    width = spec.frame_width
    hours = f"{sheet.hours:g}学时" if sheet.hours else "____学时"
    story = [*title_block("培训签到表", subtitle=sheet.title),
             para(f"培训日期：{format_date(sheet.day) if sheet.day else '____年__月__日'}　　学时：{hours}　　"
                  f"主办单位：{sheet.host or '__________'}　　地点：{sheet.place or '__________'}", styles.body),
             Spacer(1, 3 * mm)]
    rows = [(str(i), name, team, "", "", "") for i, (name, team) in enumerate(sheet.people, start=1)]
    rows += [(str(len(rows) + k + 1), "", "", "", "", "") for k in range(sheet.blank_lines)]
    widths = (12 * mm, 34 * mm, width - 12 * mm - 34 * mm - 30 * mm * 2 - 24 * mm, 30 * mm, 30 * mm, 24 * mm)
    story.append(data_table(("序号", "姓名", "队伍", "签到（签名）", "签退（签名）", "备注"), rows, widths,
                            centred=(0,), font_size=10))
    story.append(Spacer(1, 4 * mm))
    story.append(para("应到____人，实到____人。　　　　记录人：__________", styles.body))
    return build_pdf(story, spec)
