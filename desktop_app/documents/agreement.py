"""调解协议书 in its two variants and the 口头协议登记表 (DESIGN.md §4):

- 人民调解协议书 (人民调解法 Art. 29, 司法部 2010 format): the parties' basic information; the main facts,
  disputed matters and responsibilities; the terms, way, place and deadline of performance; "本协议一式N份，
  当事人、人民调解委员会各持一份" with N in Chinese numerals (parties + 1); a signature and fingerprint box per
  party, the 人民调解员's and the recorder's signatures, and the 调委会's name and seal — never the 派出所's.
- 治安调解协议书 (《公安机关治安调解工作规范》 Art. 11: "（一）治安调解机关名称，主持人、双方当事人和其他在场人员的
  基本情况；（二）案件发生时间、地点、人员、起因、经过、情节、结果等情况；（三）协议内容、履行期限和方式；（四）治安
  调解机关印章、主持人、双方当事人及其他参加人签名、印章（捺指印）", "一式三份"), with the effect of the
  治安管理处罚法 in force on its date (from 2026-01-01: "达成协议并履行的，不予处罚").
- 人民调解口头协议登记表 (人民调解法 Art. 28: "当事人认为无需制作调解协议书的，可以采取口头协议方式，人民调解员
  应当记录协议内容").

The identity fields print as they arrive: the caller masks them (`CaseData.masked`) or not.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..domain.dates import format_date
from ..domain.money import amount_to_chinese_upper, format_amount
from .case_common import (
    GUARDIAN,
    DocumentPart,
    issuer,
    parties_table,
    render,
    spec,
    text,
    title_of,
)
from .case_data import CaseData, PartyData
from .fonts import HEI, font
from .layout import (
    SignatureBoxes,
    SignatureEntry,
    SignatureLines,
    blank,
    doc_styles,
    escape,
    format_datetime,
    info_table,
    keep,
    label_value,
    numbered_items,
    para,
    paragraphs,
    section,
    side_by_side,
    title_block,
    unit_and_date,
)

PEOPLE_TITLE = "人民调解协议书"
SECURITY_TITLE = "治安调解协议书"
ORAL_TITLE = "人民调解口头协议登记表"
NEW_LAW_FROM = date(2026, 1, 1)  # the revised 治安管理处罚法 in force
_COMPENSATION_CATEGORIES = {"损害赔偿", "道路交通事故"}


def agreement_title(case: CaseData) -> str:
    return SECURITY_TITLE if case.is_security else PEOPLE_TITLE


def agreement_part(case: CaseData) -> DocumentPart:
    """The 调解协议书 of the case's kind."""
    title = title_of(case, "agreement")
    story = _security_story(case) if case.is_security else _people_story(case)
    return DocumentPart("agreement", title, spec(case, title), story)


def build_agreement(case: CaseData) -> bytes:
    """The 调解协议书 of the case's kind, as PDF bytes."""
    return render(case, agreement_part)


def oral_agreement_part(case: CaseData) -> DocumentPart:
    """人民调解口头协议登记表: who agreed, when, on what dispute, what was agreed and how it is performed, the
    parties' signatures and fingerprints, the mediator and the recorder, the 调委会's seal."""
    styles = doc_styles()
    page = spec(case, ORAL_TITLE)
    width = page.frame_width
    story: list[Flowable] = title_block(ORAL_TITLE, number=case.number)
    story.append(para(text(case, "oral.opening"), styles.body_indent))
    story += [Spacer(1, 2 * mm), para("当事人基本情况", styles.label), Spacer(1, 1 * mm), parties_table(case, width),
              Spacer(1, 3 * mm)]
    terms = "\n".join(numbered_items(case.agreement_terms))
    line = amount_line(case)
    story.append(info_table([
        [("纠纷简要情况", case.facts or case.summary)],
        [("协议内容", terms + (f"\n{line}" if line else ""))],
        [("履行方式", case.performance_way), ("履行期限", _deadline(case.performance_deadline))],
    ], width, min_heights={0: 30 * mm, 1: 40 * mm}))
    story.append(Spacer(1, 2 * mm))
    story.append(_closing([text(case, "oral.effect")], _party_signatures(case, "当事人签名（盖章）并按指印："),
                          ["人民调解员签名", "记录人签名"],
                          unit_and_date(issuer(case), case.agreement_date, label="调解组织：",
                                        seal_note="（印章）", seal_png=case.seal_png)))
    return DocumentPart("oral", ORAL_TITLE, page, story)


def build_oral_agreement(case: CaseData) -> bytes:
    return render(case, oral_agreement_part)


# --- pieces shared by both variants --------------------------------------------------------------------


def party_identity(party: PartyData) -> str:
    """"努尔买买提·西热甫，男，维吾尔族，1985年3月14日出生，身份证号码：…，住址：…，联系电话：…" — each
    missing field a blank to fill in by hand."""
    parts = [blank(party.name, 12), party.gender or f"性别{'_' * 4}", party.ethnic or f"民族{'_' * 6}"]
    if party.birth_date:
        parts.append(f"{format_date(party.birth_date)}出生")
    elif party.age is not None:
        parts.append(f"{party.age}岁")
    else:
        parts.append(f"出生日期{'_' * 12}")
    parts.append(f"身份证号码：{blank(party.id_number, 22)}")
    if party.occupation:
        parts.append(f"职业：{party.occupation}")
    parts.append(f"住址：{blank(party.address, 24)}")
    parts.append(f"联系电话：{blank(party.phone, 14)}")
    if party.role == GUARDIAN and party.guardian_of:
        parts.append(f"系{party.guardian_of}的监护人")
    return "，".join(parts) + "。"


def _party_blocks(case: CaseData) -> list[Flowable]:
    body = doc_styles().body
    return [para(f'<font name="{font(HEI)}">{escape(p.role or "当事人")}：</font>{escape(party_identity(p))}',
                 body, markup=True) for p in _parties(case)]


def _parties(case: CaseData) -> list[PartyData]:
    """The parties, or two blank ones to fill in by hand."""
    if case.parties:
        return case.parties
    roles = ("违法行为人", "被侵害人") if case.is_security else ("申请人", "被申请人")
    return [PartyData(role=roles[0], name=""), PartyData(role=roles[1], name="")]


def amount_line(case: CaseData) -> str:
    """"赔偿金额：人民币3,500.00元（大写：叁仟伍佰元整）", or "" when the agreement names no amount."""
    if case.agreement_amount is None:
        return ""
    label = "赔偿金额" if case.is_security or case.category in _COMPENSATION_CATEGORIES else "协议金额"
    amount = case.agreement_amount
    return f"{label}：人民币{format_amount(amount)}元（大写：{amount_to_chinese_upper(amount)}）"


def _terms(case: CaseData, lead: str) -> list[Flowable]:
    styles = doc_styles()
    story: list[Flowable] = [para(lead, styles.label)]
    items = numbered_items(case.agreement_terms)
    story += [para(item, styles.body_indent) for item in items] or paragraphs("", blank_lines=4)
    line = amount_line(case)
    if line:
        story.append(para(line, styles.body_indent))
    return story


def _deadline(value: date | None) -> str:
    return f"{format_date(value)}前" if value else f"{'_' * 4}年{'_' * 3}月{'_' * 3}日前"


def _performance(case: CaseData, with_place: bool = True) -> list[Flowable]:
    styles = doc_styles()
    place = f"履行地点：{blank(case.performance_place, 16)}；" if with_place else ""
    label = "履行方式、地点、期限：" if with_place else "履行期限和方式："
    value = (f"履行方式：{blank(case.performance_way, 16)}；{place}"
             f"履行期限：{_deadline(case.performance_deadline)}。")
    return [para(label, styles.label), para(value, styles.body_indent)]


def _party_signatures(case: CaseData, heading: str) -> list[Flowable]:
    entries = [SignatureEntry(p.role or "当事人", p.name) for p in _parties(case)]
    return [para(heading, doc_styles().label), Spacer(1, 1 * mm), SignatureBoxes(entries)]


def _closing(clauses: list[str], party_signatures: list[Flowable], signers: list[str],
             unit_block: Flowable, others: list[Flowable] | None = None) -> Flowable:
    """The closing clauses (copies, effect), the parties' signature and fingerprint boxes, the officials'
    signature lines and the issuing body with its date and seal, all on one page: a signature page never
    stands without text of the agreement, and no box is cut apart."""
    style = doc_styles().body_indent
    return keep(
        Spacer(1, 1 * mm),
        para("".join(c.strip() for c in clauses), style),
        party_signatures,
        others or [],
        Spacer(1, 2 * mm),
        side_by_side(SignatureLines(signers, columns=1), unit_block),
    )


# --- 人民调解协议书 --------------------------------------------------------------------------------------


def _people_story(case: CaseData) -> list[Flowable]:
    styles = doc_styles()
    story: list[Flowable] = title_block(PEOPLE_TITLE, number=case.number)
    story.append(para("当事人基本情况：", styles.label))
    story += _party_blocks(case)
    story += section("纠纷主要事实、争议事项：", case.facts or case.summary, blank_lines=4)
    story += section("各方责任：", case.responsibilities, blank_lines=2)
    story += _terms(case, text(case, "agreement.lead"))
    story += _performance(case)
    story.append(_closing(
        [text(case, "agreement.copies"), text(case, "agreement.effect"), text(case, "agreement.confirmation")],
        _party_signatures(case, "当事人签名（盖章）并按指印："), ["人民调解员签名", "记录人签名"],
        unit_and_date(issuer(case), case.agreement_date, label="调解组织：", seal_note="（印章）",
                      seal_png=case.seal_png),
    ))
    return story


# --- 治安调解协议书 --------------------------------------------------------------------------------------


def _security_story(case: CaseData) -> list[Flowable]:
    styles = doc_styles()
    authority = case.mediating_authority or case.unit_name
    place = next((s.place for s in reversed(case.sessions) if s.place), "") or case.place
    story: list[Flowable] = title_block(SECURITY_TITLE, number=case.number)
    story += [label_value("调解机关", authority, width=30), label_value("主持人", case.host_officer, width=12),
              label_value("调解地点", place, width=30)]
    story.append(para("双方当事人基本情况：", styles.label))
    story += _party_blocks(case)
    story.append(para("其他在场人员：", styles.label))
    story += [para(person, styles.body_indent) for person in case.others_present] or [para("无", styles.body_indent)]
    story.append(para("案件基本情况（发生时间、地点、人员、起因、经过、情节、结果）：", styles.label))
    people = "、".join(p.name for p in case.parties if p.name and p.role != GUARDIAN)
    incident = [("时间", format_datetime(case.incident_at) if case.incident_at else ""),
                ("地点", case.incident_place), ("人员", people), ("起因", case.incident_cause),
                ("经过", case.incident_course), ("情节", case.circumstances), ("结果", case.incident_result)]
    for label, value in incident:
        story.append(para(f'<font name="{font(HEI)}">{label}：</font>{escape(blank(value, 30))}',
                          styles.body_indent, markup=True))
    if case.offence:
        story.append(para(f'<font name="{font(HEI)}">案由：</font>{escape(case.offence)}', styles.body_indent,
                          markup=True))
    if case.facts.strip():
        story += section("争议事项：", case.facts)
    if case.responsibilities.strip():
        story += section("各方责任：", case.responsibilities)
    story += _terms(case, text(case, "security_agreement.lead"))
    story += _performance(case)
    when = case.agreement_date or case.printed_on or date.today()
    effect = "security_agreement.effect" if when >= NEW_LAW_FROM else "security_agreement.effect_before_2026"
    others = [person.split("，")[0] for person in case.others_present if person.strip()]
    other_lines: list[Flowable] = []
    if others:
        other_lines = [Spacer(1, 2 * mm), para("其他参加人签名：", styles.label),
                       SignatureLines([f"{name}签名" for name in others], columns=2)]
    story.append(_closing(
        [text(case, "security_agreement.copies"), text(case, effect)],
        _party_signatures(case, "双方当事人签名并按指印："), ["主持人签名", "记录人签名"],
        unit_and_date(authority, case.agreement_date, label="调解机关：", seal_note="（印章）", seal_png=case.seal_png),
        others=other_lines,
    ))
    return story
