"""The plain data the case documents are printed from (ID numbers, phones and addresses masked unless
asked), the register's data, and the documents themselves as PDF bytes for the preview-and-print dialog."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from ...db.models import Case, FollowUp, MediationSession
from ...documents.case_data import CaseData, FollowUpData, PartyData, RegisterData, RegisterRow, SessionData
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.masking import mask_address, mask_free_text, mask_id, mask_phone
from ...domain.vocabulary import PUBLIC_SECURITY_MEDIATION
from .. import audit
from ..office import get_office
from ..session import FULL_FORM, PRINT, require, requires
from .parties import PartyEntry, list_mediators, list_parties
from .register import CaseFilter, fetch_case_rows, search_case_ids
from .sessions import list_follow_ups, list_sessions
from .workflow import CaseRefused, case_outcomes, minors_without_guardian

DOCUMENT_KINDS = (QT_TRANSLATE_NOOP("Vocabulary", "受理登记表"), QT_TRANSLATE_NOOP("Vocabulary", "调解记录"),
                  QT_TRANSLATE_NOOP("Vocabulary", "调解协议书"), QT_TRANSLATE_NOOP("Vocabulary", "回访记录"),
                  QT_TRANSLATE_NOOP("Vocabulary", "案件摘要"))
CASE_SUMMARY = DOCUMENT_KINDS[-1]  # what a role that may not open the case form sees of a case


def _party_data(parties: list[PartyEntry], masked: bool) -> list[PartyData]:
    def hide(value: str, mask) -> str:
        return mask(value) if masked and value else value

    names = {p.id: p.name for p in parties}
    return [PartyData(
        role=p.role, name=p.name, gender=p.gender, ethnic=p.ethnic, age=p.age, birth_date=p.birth_date,
        id_number=hide(p.id_number, mask_id), phone=hide(p.phone, mask_phone),
        address=hide(p.address, mask_address), occupation=p.occupation,
        guardian_of=names.get(p.guardian_of_id, "") if p.guardian_of_id else "",
    ) for p in parties]


def _case_data(case: Case, masked: bool, today: date) -> CaseData:
    """The case's plain data; masked: ID numbers, phones and addresses of the parties, and ID and phone
    numbers written inside the free text (facts, records, terms …)."""
    text = mask_free_text if masked else (lambda value: value)
    office = get_office()
    mediators = list_mediators(case.id)
    hosts = [m.name for m in mediators if m.role == "主持人"]
    unit = office.unit_name if office else ""
    return CaseData(
        unit_name=unit, parent_unit=office.parent_unit if office else "", number=case.number or "",
        kind=case.kind, category=case.category, source=case.source, received_at=case.received_at,
        status=case.status, place=case.place, summary=text(case.summary), facts=text(case.facts),
        responsibilities=text(case.responsibilities), deadline=case.deadline, outcome=text(case.outcome),
        agreement_terms=text(case.agreement_terms),
        agreement_amount=Decimal(case.agreement_amount) if case.agreement_amount is not None else None,
        performance_way=text(case.performance_way), performance_place=case.performance_place,
        performance_deadline=case.performance_deadline, copies=case.copies,
        oral_agreement=bool(case.oral_agreement), agreement_date=case.agreement_date,
        mediating_authority=case.mediating_authority or (unit if case.kind == PUBLIC_SECURITY_MEDIATION else ""),
        host_officer=case.host_officer or (hosts[0] if hosts else ""), incident_at=case.incident_at,
        incident_place=case.incident_place, incident_cause=text(case.incident_cause),
        incident_course=text(case.incident_course), incident_result=text(case.incident_result), closed_on=case.closed_on,
        mediators=list(dict.fromkeys(m.name for m in mediators if m.role != "记录人")),
        recorder=next((m.name for m in mediators if m.role == "记录人"), ""),
        parties=_party_data(list_parties(case.id, today), masked),
        sessions=[SessionData(s.held_at, s.place, text(s.present), text(s.record), text(s.result))
                  for s in list_sessions(case.id)],
        follow_ups=[FollowUpData(f.date, f.performed, f.satisfaction, text(f.escalation_signs), f.visitor, text(f.notes))
                    for f in list_follow_ups(case.id)],
        masked=masked, printed_on=today,
    )


def case_document_data(case_id: int, masked: bool = True, today: date | None = None, *,
                       audit_full: bool = True) -> CaseData:
    """The case as plain data for the documents; ID numbers, phones and addresses masked unless
    `masked=False` (a legal original such as the 协议书), which is audit-logged (`audit_full=False`
    only for a caller that records the whole batch itself, as the export does)."""
    require(PRINT if masked else FULL_FORM)
    today = today or date.today()
    case = Case.get_by_id(case_id)
    if not masked and audit_full:
        audit.record("完整信息", "case", case.uuid, f"案件 {case.number} 生成含完整身份信息的文书数据")
    return _case_data(case, masked, today)


def register_data(case_ids: Sequence[int] | None = None, period: tuple[date, date] | None = None,
                  today: date | None = None) -> RegisterData:
    """The register of cases for a period (received dates, inclusive) or of chosen cases, oldest first."""
    today = today or date.today()
    if case_ids is None:
        if period is None:
            raise ValueError("register_data needs case_ids or a period")
        case_ids = search_case_ids(CaseFilter(date_from=period[0], date_to=period[1]), descending=False,
                                   today=today)
    else:
        case_ids = [c for c, _r in sorted(Case.select(Case.id, Case.received_at).where(Case.id.in_(list(case_ids)))
                                          .tuples(), key=lambda item: (item[1], item[0]))]
    rows = fetch_case_rows(case_ids, today)
    outcomes = case_outcomes([r.id for r in rows])
    if period is None:
        received = [r.received_on for r in rows] or [today]
        period = (min(received), max(received))
    office = get_office()
    return RegisterData(
        unit_name=office.unit_name if office else "", period_from=period[0], period_to=period[1],
        rows=[RegisterRow(number=r.number, received_on=r.received_on, kind=r.kind, category=r.category,
                          parties=r.parties, mediators=r.mediators, status=r.status, deadline=r.deadline,
                          outcome=outcomes.get(r.id, ""), overdue=r.overdue) for r in rows],
        printed_on=today,
    )


def document_file_name(case_id: int, kind: str) -> str:
    """The name the print dialog suggests: "（2024）夏派调字第012号-调解协议书.pdf"."""
    number = Case.select(Case.number).where(Case.id == case_id).scalar() or f"案件{case_id}"
    return f"{number}-{kind}.pdf"


@requires(PRINT)
def render_document(case_id: int, kind: str, masked: bool = True, session_index: int | None = None,
                    today: date | None = None) -> bytes:
    """One of DOCUMENT_KINDS as PDF bytes, for the preview-and-print dialog; audit-logged as 打印."""
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"unknown document kind: {kind}")
    if not masked:
        require(FULL_FORM)
    today = today or date.today()
    case = Case.get_by_id(case_id)
    if kind == "调解记录":
        count = MediationSession.select().where(MediationSession.case == case_id).count()
        if not count:
            raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "本案尚无调解记录"))
        if session_index is not None and not 0 <= session_index < count:
            raise CaseRefused(Message(QT_TRANSLATE_NOOP("Messages", "本案只有{count}次调解记录"), count=count))
    if kind == "回访记录" and not FollowUp.select().where(FollowUp.case == case_id).exists():
        raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "本案尚无回访记录"))
    if kind == "调解协议书":
        if not case.agreement_terms.strip():
            raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "尚未填写协议内容，无法打印调解协议书"))
        missing = minors_without_guardian(case_id, today)
        if missing:
            raise CaseRefused(
                Message(QT_TRANSLATE_NOOP("Messages", "当事人“{missing}”未满18周岁，须先登记其监护人"),
                        missing='、'.join(missing)))
    from ...documents import case_documents

    data = _case_data(case, masked, today)
    builders = {
        "受理登记表": case_documents.build_acceptance_form,
        "调解协议书": case_documents.build_agreement,
        "回访记录": case_documents.build_follow_up_record,
        "案件摘要": case_documents.build_case_summary,
    }
    if kind == "调解记录":
        pdf = case_documents.build_session_record(data, session_index=session_index)
    else:
        pdf = builders[kind](data)
    form = "脱敏" if masked else "完整身份信息"
    audit.record("打印", "case", case.uuid, f"案件 {case.number} {kind}（{form}）")
    return pdf


@requires(PRINT)
def render_register(case_ids: Sequence[int] | None = None, period: tuple[date, date] | None = None,
                    today: date | None = None) -> bytes:
    """The register of these cases (or of a period) as PDF bytes for the preview-and-print dialog;
    audit-logged as 打印 (the register shows names, no ID numbers or phones)."""
    from ...documents import case_documents

    data = register_data(case_ids, period, today)
    pdf = case_documents.build_case_register(data)
    audit.record("打印", "case", "", f"案件登记表（{len(data.rows)}件）")
    return pdf
