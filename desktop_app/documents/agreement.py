"""调解协议书 in its two variants (DESIGN.md §4):

- 人民调解协议书, after the Ministry of Justice form: parties with full identity, facts and disputed
  matters, responsibilities, the agreed terms, way/place/deadline of performance, copies, signature and
  fingerprint boxes for each party, the mediators' and the recorder's signatures, unit and date.
- 治安调解协议书, after the 公安机关治安调解工作规范: 调解机关, 主持人, the parties, time/place/people/
  cause/course/result of the offence, the terms, performance, copies, signatures, unit and date.

The identity fields print as they arrive: the caller masks them (`CaseData.masked`) or not.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..domain.dates import format_date
from ..domain.money import amount_to_chinese_upper, format_amount
from ..domain.vocabulary import PUBLIC_SECURITY_MEDIATION
from .case_data import CaseData, PartyData
from .fonts import HEI, font
from .layout import (
    PageSpec,
    SignatureBoxes,
    SignatureEntry,
    SignatureLines,
    blank,
    build_pdf,
    doc_styles,
    escape,
    format_datetime,
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
GUARDIAN = "监护人"
_COMPENSATION_CATEGORIES = {"损害赔偿", "道路交通事故"}


def agreement_title(case: CaseData) -> str:
    return SECURITY_TITLE if case.kind == PUBLIC_SECURITY_MEDIATION else PEOPLE_TITLE


def build_agreement(case: CaseData) -> bytes:
    """The 调解协议书 of the case's kind, as PDF bytes."""
    title = agreement_title(case)
    story = _security_story(case) if case.kind == PUBLIC_SECURITY_MEDIATION else _people_story(case)
    spec = PageSpec(title=title, unit_name=case.unit_name, header_right=f"{title}  {case.number}".strip(),
                    subject=f"{title} {case.number}".strip())
    return build_pdf(story, spec)


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
    return case.parties or [PartyData(role="申请人", name=""), PartyData(role="被申请人", name="")]


def amount_line(case: CaseData) -> str:
    """"赔偿金额：人民币3,500.00元（大写：叁仟伍佰元整）", or "" when the agreement names no amount."""
    if case.agreement_amount is None:
        return ""
    label = "赔偿金额" if case.kind == PUBLIC_SECURITY_MEDIATION or case.category in _COMPENSATION_CATEGORIES \
        else "协议金额"
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


def _performance(case: CaseData) -> list[Flowable]:
    styles = doc_styles()
    text = (f"履行方式：{blank(case.performance_way, 16)}；履行地点：{blank(case.performance_place, 16)}；"
            f"履行期限：{_deadline(case.performance_deadline)}。")
    return [para("履行方式、地点、期限：", styles.label), para(text, styles.body_indent)]


def _party_signatures(case: CaseData, heading: str) -> list[Flowable]:
    entries = [SignatureEntry(p.role or "当事人", p.name) for p in _parties(case)]
    return [para(heading, doc_styles().label), Spacer(1, 1 * mm), SignatureBoxes(entries)]


def _closing(clauses: list[str], party_signatures: list[Flowable], signers: list[str],
             unit_block: Flowable) -> Flowable:
    """The closing clauses (copies, effect), the parties' signature and fingerprint boxes, the officials'
    signature lines and the unit with its date, all on one page: a signature page never stands without
    text of the agreement, and no box is cut apart."""
    style = doc_styles().body_indent
    return keep(
        Spacer(1, 1 * mm),
        [para(clause, style) for clause in clauses],
        party_signatures,
        Spacer(1, 3 * mm),
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
    story += _terms(case, "经调解，自愿达成如下协议：")
    story += _performance(case)
    story.append(_closing(
        [f"本协议一式{case.copies}份，当事人、人民调解委员会各持一份。",
         "本协议自各方当事人签名（盖章）或按指印、人民调解员签名并加盖人民调解委员会印章之日起生效。"
         "当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认。"],
        _party_signatures(case, "当事人签名（盖章）并按指印："), ["人民调解员签名", "记录人签名"],
        unit_and_date(case.unit_name, case.agreement_date, label="调解组织："),
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
    story.append(para("当事人基本情况：", styles.label))
    story += _party_blocks(case)
    story.append(para("主要事实（违法行为的时间、地点、人员、起因、经过、结果）：", styles.label))
    people = "、".join(p.name for p in case.parties if p.name and p.role != GUARDIAN)
    incident = [("时间", format_datetime(case.incident_at) if case.incident_at else ""),
                ("地点", case.incident_place), ("人员", people), ("起因", case.incident_cause),
                ("经过", case.incident_course), ("结果", case.incident_result)]
    for label, value in incident:
        story.append(para(f'<font name="{font(HEI)}">{label}：</font>{escape(blank(value, 30))}',
                          styles.body_indent, markup=True))
    if case.facts.strip():
        story += section("争议事项：", case.facts)
    if case.responsibilities.strip():
        story += section("各方责任：", case.responsibilities)
    story += _terms(case, "经调解，双方自愿达成如下协议：")
    story += _performance(case)
    story.append(_closing(
        [f"本协议书一式{case.copies}份，双方当事人各执一份，调解机关留存一份备查。",
         "本协议自双方当事人签名并按指印、主持人签名并加盖调解机关印章之日起生效。"
         "达成协议后不履行的，公安机关将依法对违反治安管理行为人予以处罚；"
         "当事人可以就民事争议依法向人民法院提起民事诉讼。"],
        _party_signatures(case, "当事人签名并按指印："), ["主持人签名", "记录人签名"],
        unit_and_date(authority, case.agreement_date, label="调解机关：", seal_note="（印章）"),
    ))
    return story
