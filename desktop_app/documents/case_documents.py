"""The documents of a dispute case (DESIGN.md §4): 受理登记表, 调解记录, 调解协议书 (see `agreement`),
回访记录, a one-page case summary and the register of cases for a period.

Plain data in (`case_data`), PDF bytes out. ID numbers, phones and addresses print as they arrive:
the caller has masked them or, for a legal original, not (`CaseData.masked`).
"""

from __future__ import annotations

import re
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from ..domain.dates import format_date
from ..domain.vocabulary import FAILED, PUBLIC_SECURITY_MEDIATION
from .agreement import amount_line, build_agreement
from .case_data import CaseData, FollowUpData, PartyData, RegisterData, SessionData
from .layout import (
    MARK_TEXT,
    Cell,
    PageSpec,
    SignatureLines,
    build_pdf,
    column_width,
    data_table,
    doc_styles,
    format_datetime,
    info_table,
    join_clauses,
    keep,
    numbered_items,
    para,
    shorten,
    title_block,
    unit_and_date,
)

__all__ = [
    "ACCEPTANCE_TITLE", "FOLLOW_UP_TITLE", "REGISTER_TITLE", "SESSION_TITLE", "SUMMARY_TITLE",
    "build_acceptance_form", "build_agreement", "build_case_register", "build_case_summary",
    "build_follow_up_record", "build_session_record",
]

ACCEPTANCE_TITLE = "纠纷受理登记表"
SESSION_TITLE = "调解记录"
FOLLOW_UP_TITLE = "回访记录"
SUMMARY_TITLE = "纠纷案件摘要"
REGISTER_TITLE = "纠纷案件登记簿"
OVERDUE_MARK = "超期"
FOLLOW_UP_LABEL = 26 * mm


def _spec(case: CaseData, title: str, **kwargs) -> PageSpec:
    return PageSpec(title=title, unit_name=case.unit_name, header_right=f"{title}  {case.number}".strip(),
                    subject=f"{title} {case.number}".strip(), **kwargs)


def _width(spec: PageSpec) -> float:
    return spec.frame_width


def _age(party: PartyData, when: date) -> str:
    if party.age is not None:
        return str(party.age)
    if party.birth_date:
        b = party.birth_date
        return str(when.year - b.year - ((when.month, when.day) < (b.month, b.day)))
    return ""


def parties_text(parties: list[PartyData], separator: str = "；") -> str:
    """"申请人 努尔买买提·西热甫；被申请人 阿依古丽·买买提"."""
    return separator.join(f"{p.role} {p.name}".strip() for p in parties if p.name)


def _printed_on(case: CaseData) -> str:
    return f"打印日期：{format_date(case.printed_on)}" if case.printed_on else ""


# --- 受理登记表 -----------------------------------------------------------------------------------------


def build_acceptance_form(case: CaseData) -> bytes:
    """受理登记表: number, time, source, kind, category, place, the parties, the dispute in short,
    受理人 and 登记人 lines, unit and date of acceptance."""
    spec = _spec(case, ACCEPTANCE_TITLE)
    width, styles = _width(spec), doc_styles()
    story: list[Flowable] = title_block(ACCEPTANCE_TITLE, number=case.number)
    story.append(info_table([
        [("受理时间", format_datetime(case.received_at)), ("纠纷来源", case.source)],
        [("调解类型", case.kind), ("纠纷类别", case.category)],
        [("发生地点", case.place), ("办理期限", format_date(case.deadline) if case.deadline else "")],
        [("调解人员", "、".join(case.mediators)), ("记录人", case.recorder)],
    ], width))
    story += [Spacer(1, 4 * mm), para("当事人基本情况", styles.label), Spacer(1, 1 * mm)]
    story.append(_parties_table(case, width))
    story.append(Spacer(1, 4 * mm))
    story.append(info_table([
        [("纠纷简要情况", case.summary or case.facts)],
        [("受理意见", "")],
    ], width, min_heights={0: 50 * mm, 1: 18 * mm}))
    story.append(Spacer(1, 8 * mm))
    story.append(keep(SignatureLines(["受理人", "登记人"]), Spacer(1, 2 * mm),
                      unit_and_date(case.unit_name, case.received_at.date(), seal_note="")))
    return build_pdf(story, spec)


def _parties_table(case: CaseData, width: float) -> Flowable:
    when = case.received_at.date()
    header = ["身份", "姓名", "性别", "民族", "年龄", "身份证号码", "联系电话", "住址"]
    rows = [[p.role, p.name, p.gender, p.ethnic, _age(p, when), p.id_number, p.phone, p.address]
            for p in case.parties] or [[""] * len(header) for _ in range(2)]
    widths = [
        column_width(["被申请人", *[r[0] for r in rows]]),
        min(max(column_width([r[1] for r in rows]), 20 * mm), 32 * mm), 9 * mm, 15 * mm, 9 * mm,
        column_width(["653123198503140311", *[r[5] for r in rows]]),
        column_width(["13812345678", *[r[6] for r in rows]]),
    ]
    widths.append(max(24 * mm, width - sum(widths)))
    if sum(widths) > width:  # long IDs or phones: the name column gives way
        widths[1] -= sum(widths) - width
    table_rows = [row if any(row) else [" "] * len(header) for row in rows]
    return data_table(header, table_rows, widths, centred=(0, 2, 3, 4))


# --- 调解记录 -------------------------------------------------------------------------------------------


def build_session_record(case: CaseData, session_index: int | None = None) -> bytes:
    """调解记录 of one session (`session_index`, from 0) or of all, each starting on its own page:
    time, place, present, record, result, and signature lines for the parties, mediator and recorder."""
    if session_index is not None and not 0 <= session_index < len(case.sessions):
        raise IndexError(f"本案只有{len(case.sessions)}次调解记录")
    spec = _spec(case, SESSION_TITLE)
    if session_index is not None:
        chosen = [(session_index, case.sessions[session_index])]
    else:
        chosen = list(enumerate(case.sessions)) or [(0, None)]
    story: list[Flowable] = []
    for position, (index, session) in enumerate(chosen):
        if position:
            story.append(PageBreak())
        story += _session_page(case, index, session, _width(spec))
    return build_pdf(story, spec)


def _session_page(case: CaseData, index: int, session: SessionData | None, width: float) -> list[Flowable]:
    subtitle = f"（第{index + 1}次调解）" if len(case.sessions) > 1 or index else ""
    story = title_block(SESSION_TITLE, number=case.number, subtitle=subtitle)
    story.append(info_table([
        [("纠纷类别", case.category), ("调解类型", case.kind)],
        [("调解时间", format_datetime(session.held_at) if session else ""), ("调解地点", session.place if session else "")],
        [("当事人", parties_text(case.parties))],
        [("调解人员", "、".join(case.mediators)), ("记录人", case.recorder)],
        [("参加人员", session.present if session else "")],
        [("调解记录", session.record if session else "")],
        [("调解结果", session.result if session else "")],
    ], width, min_heights={4: 14 * mm, 5: 95 * mm, 6: 22 * mm}))
    story.append(Spacer(1, 6 * mm))
    labels = [f"{p.role}（{p.name}）签名" if p.name else f"{p.role}签名" for p in case.parties] \
        or ["当事人签名", "当事人签名"]
    story.append(keep(
        para("以上记录经当事人核对无误。", doc_styles().body),
        Spacer(1, 3 * mm),
        SignatureLines(labels, columns=2),
        SignatureLines(["调解员签名", "记录人签名"]),
    ))
    return story


# --- 调解协议书: see agreement.py ----------------------------------------------------------------------

# --- 回访记录 -------------------------------------------------------------------------------------------


def build_follow_up_record(case: CaseData) -> bytes:
    """回访记录: the case in short, then each visit (date, visitor, performance, satisfaction, signs of
    escalation, notes) with signature lines; a blank form when there was no visit yet."""
    spec = _spec(case, FOLLOW_UP_TITLE)
    width, styles = _width(spec), doc_styles()
    story: list[Flowable] = title_block(FOLLOW_UP_TITLE, number=case.number)
    story.append(info_table([
        [("纠纷类别", case.category), ("调解类型", case.kind)],
        [("当事人", parties_text(case.parties))],
        [("调解结果", case.outcome), ("履行期限", format_date(case.performance_deadline)
                                       if case.performance_deadline else "")],
        [("协议内容", "\n".join(numbered_items(case.agreement_terms)) + _amount_suffix(case))],
    ], width, label_width=FOLLOW_UP_LABEL))
    visits: list[FollowUpData | None] = list(case.follow_ups) or [None]
    for number, visit in enumerate(visits, start=1):
        block: list[Flowable] = [Spacer(1, 5 * mm)]
        if len(visits) > 1:
            block.append(para(f"第{number}次回访", styles.heading))
        block.append(info_table([
            [("回访时间", format_date(visit.date) if visit else ""), ("回访人", visit.visitor if visit else "")],
            [("履行情况", visit.performed if visit else ""), ("满意程度", visit.satisfaction if visit else "")],
            [("矛盾激化迹象", visit.escalation_signs if visit else "")],
            [("备注", visit.notes if visit else "")],
        ], width, label_width=FOLLOW_UP_LABEL, min_heights={2: 16 * mm, 3: 16 * mm}))
        story.append(keep(block))
    last = case.follow_ups[-1].date if case.follow_ups else None
    story.append(Spacer(1, 8 * mm))
    story.append(keep(SignatureLines(["回访人签名", "被回访人签名"]), Spacer(1, 2 * mm),
                      unit_and_date(case.unit_name, last, seal_note="")))
    return build_pdf(story, spec)


def _amount_suffix(case: CaseData) -> str:
    line = amount_line(case)
    return f"\n{line}" if line else ""


# --- 案件摘要 -------------------------------------------------------------------------------------------


def build_case_summary(case: CaseData) -> bytes:
    """One page: the case at a glance, facts, steps (sessions in short), outcome and follow-up.
    Long texts are shortened (more each try) until the summary fits on one page."""
    spec = _spec(case, SUMMARY_TITLE, footer_left=_printed_on(case))
    pdf = b""
    for scale in (1.0, 0.6, 0.35, 0.2):
        pdf = build_pdf(_summary_story(case, spec.frame_width, scale), spec)
        if _page_count(pdf) == 1:
            break
    return pdf


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def _summary_story(case: CaseData, width: float, scale: float) -> list[Flowable]:
    styles = doc_styles()

    def cut(text: str, limit: int) -> str:
        return shorten(text, max(12, int(limit * scale)))

    story: list[Flowable] = title_block(SUMMARY_TITLE, number=case.number)
    shown = max(2, int(6 * scale))
    party_lines = []
    when = case.received_at.date()
    for p in case.parties[:shown]:
        age = _age(p, when)
        details = "，".join(x for x in (p.gender, p.ethnic, f"{age}岁" if age else "", p.id_number, p.phone) if x)
        party_lines.append(f"{p.role}：{p.name}" + (f"（{details}）" if details else ""))
    if len(case.parties) > shown:
        party_lines.append(f"……共{len(case.parties)}人")
    story.append(info_table([
        [("调解类型", case.kind), ("纠纷类别", case.category)],
        [("受理时间", format_datetime(case.received_at)), ("纠纷来源", case.source)],
        [("案件状态", case.status), ("办理期限", format_date(case.deadline) if case.deadline else "")],
        [("调解人员", "、".join(case.mediators)), ("结案日期", format_date(case.closed_on) if case.closed_on else "")],
        [("当事人", "\n".join(party_lines))],
    ], width))
    story.append(Spacer(1, 2 * mm))

    story.append(para("一、基本事实", styles.label))
    story.append(para(cut(case.facts or case.summary, 420) or "（未填写）", styles.body_indent))

    story.append(para("二、调解经过", styles.label))
    sessions = case.sessions[: max(2, int(6 * scale))]
    for number, s in enumerate(sessions, start=1):
        what = cut(s.result or s.record, 90) or "（未记录）"
        where = f"，{s.place}" if s.place else ""
        story.append(para(f"{number}. {format_datetime(s.held_at)}{where}：{what}", styles.body_indent))
    if len(case.sessions) > len(sessions):
        story.append(para(f"……共{len(case.sessions)}次调解。", styles.body_indent))
    if not case.sessions:
        story.append(para("尚无调解记录。", styles.body_indent))

    story.append(para("三、调解结果", styles.label))
    outcome = [case.outcome or case.status]
    terms = numbered_items(case.agreement_terms)
    if terms:
        outcome.append("协议内容：" + cut("\n".join(terms), 260))
    if amount_line(case):
        outcome.append(amount_line(case))
    if case.performance_deadline:
        outcome.append(f"履行期限：{format_date(case.performance_deadline)}前")
    if case.oral_agreement:
        outcome.append("（口头协议）")
    result = join_clauses(outcome)
    story.append(para(result if result.endswith("。") else result.rstrip("；，") + "。", styles.body_indent))

    story.append(para("四、回访情况", styles.label))
    visits = case.follow_ups[-max(1, int(4 * scale)):]
    for v in visits:
        details = "，".join(x for x in (v.performed, f"满意程度：{v.satisfaction}" if v.satisfaction else "",
                                        f"激化迹象：{v.escalation_signs}" if v.escalation_signs else "") if x)
        by = f"（回访人：{v.visitor}）" if v.visitor else ""
        story.append(para(f"{format_date(v.date)}{by}：{cut(details, 90) or '已回访'}", styles.body_indent))
    if len(case.follow_ups) > len(visits):
        story.append(para(f"（共回访{len(case.follow_ups)}次，以上为最近{len(visits)}次）", styles.body_indent))
    if not case.follow_ups:
        story.append(para("尚未回访。", styles.body_indent))
    return story


# --- 案件登记簿 -----------------------------------------------------------------------------------------


def build_case_register(register: RegisterData) -> bytes:
    """The register of cases for a period on A4 landscape: one row a case, overdue rows marked
    (shaded, "超期" in the last column), header row repeated, "第 N 页 共 M 页" on each page."""
    period = f"{format_date(register.period_from)}至{format_date(register.period_to)}"
    spec = PageSpec(title=REGISTER_TITLE, unit_name=register.unit_name, landscape=True,
                    header_right=f"{REGISTER_TITLE}（{period}）", footer_left=f"打印日期：{format_date(register.printed_on)}",
                    subject=f"{REGISTER_TITLE} {period}", margin_left=15 * mm, margin_right=15 * mm,
                    margin_top=22 * mm, margin_bottom=20 * mm)
    overdue = sum(1 for r in register.rows if r.overdue)
    counts = f"共{len(register.rows)}件" + (f"，其中超期{overdue}件" if overdue else "")
    story: list[Flowable] = title_block(REGISTER_TITLE, subtitle=f"统计期间：{period}    {counts}")
    header = ["序号", "案件编号", "受理日期", "类型", "纠纷类别", "当事人", "调解人员", "状态", "办理期限",
              "调解结果", "超期"]
    mark = para(f'<font color="{MARK_TEXT.hexval().replace("0x", "#")}">{OVERDUE_MARK}</font>',
                doc_styles().table_centre, markup=True)
    rows: list[list[Cell]] = [
        [str(i), r.number, format_date(r.received_on), r.kind, r.category, r.parties, r.mediators, r.status,
         format_date(r.deadline) if r.deadline else "", r.outcome, mark if r.overdue else ""]
        for i, r in enumerate(register.rows, start=1)]
    if not rows:
        rows = [["", "本期间无案件", *[""] * (len(header) - 2)]]
    width = spec.frame_width
    def fit(*texts: str) -> float:  # a column as wide as its widest text (header slightly larger)
        return column_width(texts, 9.5)

    widths = [
        fit("序号", str(len(rows))),
        min(fit("（2024）夏派调字第012号", *[r.number for r in register.rows]), 52 * mm),
        fit("2024年12月31日"),
        fit(PUBLIC_SECURITY_MEDIATION),
        fit("房屋宅基地"),
        0.0,  # 当事人: the rest, shared with 调解人员 and 调解结果
        0.0,
        fit(FAILED),
        fit("2024年12月31日"),
        0.0,
        fit("超期"),
    ]
    rest = width - sum(widths)
    widths[5], widths[6], widths[9] = rest * 0.42, rest * 0.26, rest * 0.32
    marked = [i for i, r in enumerate(register.rows) if r.overdue]
    story.append(data_table(header, rows, widths, centred=(0, 2, 3, 4, 7, 8, 10), marked_rows=marked))
    return build_pdf(story, spec)
