"""The plain data the case documents are printed from (ID numbers, phones and addresses masked unless
asked; the issuing 调委会 or 派出所 with its seal; the office's wording of the fixed clauses), the register's
data, and the documents themselves as PDF bytes for the preview-and-print dialog. The 卷宗 and the files of
the command line are in dossier.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from ...db.models import Case, FollowUp, Investigation, MediationSession, OfficeSettings
from ...documents.case_data import (
    CaseData,
    FollowUpData,
    InvestigationData,
    PartyData,
    RegisterData,
    RegisterRow,
    SessionData,
)
from ...domain.dates import format_date
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.masking import mask_address, mask_free_text, mask_id, mask_phone
from ...domain.vocabulary import CLOSED, PUBLIC_SECURITY_MEDIATION
from .. import audit
from ..accounts.roles import FULL_FORM, PRINT, require, requires
from ..office.details import get_office
from ..progress import Progress
from .bodies import body_seal
from .investigations import list_investigations
from .parties import PartyEntry, list_mediators, list_parties
from .register import CaseFilter, fetch_case_rows, search_case_ids
from .sessions import list_follow_ups, list_sessions
from .wording import office_wording
from .workflow import CaseRefused, case_outcomes, compute_deadlines, minors_without_guardian

APPLICATION = QT_TRANSLATE_NOOP("Vocabulary", "申请书")
ACCEPTANCE = QT_TRANSLATE_NOOP("Vocabulary", "受理登记表")
RIGHTS = QT_TRANSLATE_NOOP("Vocabulary", "权利义务告知书")
INVESTIGATION = QT_TRANSLATE_NOOP("Vocabulary", "调查记录")
SESSION = QT_TRANSLATE_NOOP("Vocabulary", "调解记录")
AGREEMENT = QT_TRANSLATE_NOOP("Vocabulary", "调解协议书")
ORAL = QT_TRANSLATE_NOOP("Vocabulary", "口头协议登记表")
FOLLOW_UP = QT_TRANSLATE_NOOP("Vocabulary", "回访记录")
CLOSING = QT_TRANSLATE_NOOP("Vocabulary", "结案报告表")
DOSSIER = QT_TRANSLATE_NOOP("Vocabulary", "卷宗")
SUMMARY = QT_TRANSLATE_NOOP("Vocabulary", "案件摘要")
DOCUMENT_KINDS = (APPLICATION, ACCEPTANCE, RIGHTS, INVESTIGATION, SESSION, AGREEMENT, ORAL, FOLLOW_UP, CLOSING,
                  DOSSIER, SUMMARY)
FULL_IDENTITY_KINDS = (APPLICATION, AGREEMENT, ORAL, DOSSIER)  # legal originals that may carry full identity
UNASSIGNED = QT_TRANSLATE_NOOP("Messages", "本案尚未指定人民调解委员会：人民调解的文书须以调委会名义出具并加盖其印章"
                                           "（《人民调解法》第二十九条），请先在“基本情况”中选择调委会")
CASE_SUMMARY = SUMMARY  # what a role that may not open the case form sees of a case


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


def office_seal() -> bytes | None:
    row = OfficeSettings.select().order_by(OfficeSettings.id).first()
    return bytes(row.seal_image) if row is not None and row.seal_image else None


def _case_data(case: Case, masked: bool, today: date) -> CaseData:
    """The case's plain data; masked: ID numbers, phones and addresses of the parties, and ID and phone
    numbers written inside the free text (facts, records, terms …)."""
    text = mask_free_text if masked else (lambda value: value)
    office = get_office()
    mediators = list_mediators(case.id)
    hosts = [m.name for m in mediators if m.role == "主持人"]
    unit = office.unit_name if office else ""
    security = case.kind == PUBLIC_SECURITY_MEDIATION
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
        sessions=[SessionData(s.held_at, s.place, text(s.present), text(s.record), text(s.result), s.rights_notified)
                  for s in list_sessions(case.id)],
        follow_ups=[FollowUpData(f.date, f.performed, f.satisfaction, text(f.escalation_signs), f.visitor, text(f.notes),
                                 text(f.reason), text(f.measures)) for f in list_follow_ups(case.id)],
        masked=masked, printed_on=today,
        body_name=case.body.name if case.body_id else "",
        seal_png=office_seal() if security else body_seal(case.body_id),
        outcome_status=case_outcomes([case.id]).get(case.id, ""), requests=text(case.requests),
        first_deadline=compute_deadlines(case.kind, case.received_at.date(), needs_appraisal=bool(case.appraisal),
                                         appraisal_issued=case.appraisal_issued_on)[0],
        extension_agreed_on=case.extension_agreed_on, extended_deadline=case.extended_deadline,
        confirmation_applied_on=case.confirmation_applied_on, confirmation_court=case.confirmation_court,
        confirmation_result=case.confirmation_result, offence=case.offence, circumstances=text(case.circumstances),
        parties_consent=bool(case.parties_consent), appraisal=case.appraisal,
        appraisal_issued_on=case.appraisal_issued_on,
        others_present=[line.strip() for line in case.others_present.splitlines() if line.strip()],
        investigations=[InvestigationData(i.held_at, i.place, text(i.subject), i.investigators, i.recorder,
                                          text(i.present), text(i.record)) for i in list_investigations(case.id)],
        filed_by=case.filed_by, filed_on=case.filed_on, retention=case.retention, wording=office_wording(),
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
                          outcome=outcomes.get(r.id, ""), overdue=r.overdue, note=register_note(r, today))
              for r in rows],
        printed_on=today,
    )


def register_note(row, today: date) -> str:
    """What the register says beside the deadline: 待伤情鉴定, or the days left for 司法确认."""
    if row.deadline_note:
        return row.deadline_note
    if row.confirmation_until is not None and row.confirmation_until >= today:
        return f"可申请司法确认至{format_date(row.confirmation_until)}"
    return ""


def document_file_name(case_id: int, kind: str) -> str:
    """The name the print dialog suggests: "（2024）夏派调字第012号-调解协议书.pdf"."""
    number = Case.select(Case.number).where(Case.id == case_id).scalar() or f"案件{case_id}"
    return f"{number}-{kind}.pdf"


def document_refusal(case: Case, kind: str, session_index: int | None = None,
                     today: date | None = None) -> str:
    """Why `kind` cannot be printed for the case yet ("" when it can)."""
    today = today or date.today()
    security = case.kind == PUBLIC_SECURITY_MEDIATION
    if kind == SESSION:
        count = MediationSession.select().where(MediationSession.case == case.id).count()
        if not count:
            return QT_TRANSLATE_NOOP("Messages", "本案尚无调解记录")
        if session_index is not None and not 0 <= session_index < count:
            return Message(QT_TRANSLATE_NOOP("Messages", "本案只有{count}次调解记录"), count=count)
    if kind == FOLLOW_UP and not FollowUp.select().where(FollowUp.case == case.id).exists():
        return QT_TRANSLATE_NOOP("Messages", "本案尚无回访记录")
    if kind == INVESTIGATION and not Investigation.select().where(Investigation.case == case.id).exists():
        return QT_TRANSLATE_NOOP("Messages", "本案尚无调查记录")
    if kind == APPLICATION and security:
        return QT_TRANSLATE_NOOP("Messages", "治安调解不使用人民调解申请书")
    if kind in (AGREEMENT, ORAL):
        if not case.agreement_terms.strip():
            if kind == AGREEMENT:
                return QT_TRANSLATE_NOOP("Messages", "尚未填写协议内容，无法打印调解协议书")
            return QT_TRANSLATE_NOOP("Messages", "尚未记录口头协议的内容")
        if kind == ORAL and (security or not case.oral_agreement):
            if security:
                return QT_TRANSLATE_NOOP("Messages", "治安调解须制作治安调解协议书")
            return QT_TRANSLATE_NOOP("Messages", "本案不是口头协议：请打印调解协议书")
        if kind == AGREEMENT and case.oral_agreement and not security:
            return QT_TRANSLATE_NOOP("Messages", "本案为口头协议：请打印人民调解口头协议登记表")
        missing = minors_without_guardian(case.id, today)
        if missing:
            return Message(QT_TRANSLATE_NOOP("Messages", "当事人“{missing}”未满18周岁，须先登记其监护人"),
                           missing="、".join(missing))
    if kind == CLOSING and case.status != CLOSED:
        return QT_TRANSLATE_NOOP("Messages", "结案后才能填写结案报告表")
    if kind != SUMMARY and not security and case.body_id is None:
        return UNASSIGNED
    return ""


def document_refusals(case_id: int, today: date | None = None) -> dict[str, str]:
    """For each of DOCUMENT_KINDS, why it cannot be printed yet ("" when it can): for the 文书 tab."""
    case = Case.get_by_id(case_id)
    return {kind: document_refusal(case, kind, today=today) for kind in DOCUMENT_KINDS}


def document_title(case_id: int, kind: str) -> str:
    """The official title of `kind` for the case's kind ("人民调解受理登记表"); `kind` itself for the others."""
    from ...documents.case_common import TITLES

    keys = {APPLICATION: "application", ACCEPTANCE: "acceptance", RIGHTS: "rights", INVESTIGATION: "investigation",
            SESSION: "session", AGREEMENT: "agreement", ORAL: "oral", FOLLOW_UP: "follow_up", CLOSING: "closing"}
    security = Case.select(Case.kind).where(Case.id == case_id).scalar() == PUBLIC_SECURITY_MEDIATION
    if kind not in keys:
        return kind
    return TITLES[keys[kind]][1 if security else 0] or kind


@requires(PRINT)
def render_document(case_id: int, kind: str, masked: bool = True, session_index: int | None = None,
                    today: date | None = None, progress: Progress | None = None) -> bytes:
    """One of DOCUMENT_KINDS as PDF bytes, for the preview-and-print dialog; audit-logged as 打印."""
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"unknown document kind: {kind}")
    if not masked:
        require(FULL_FORM)
    today = today or date.today()
    case = Case.get_by_id(case_id)
    refusal = document_refusal(case, kind, session_index, today)
    if refusal:
        raise CaseRefused(refusal)
    from ...documents import (
        application,
        case_documents,
        closing_report,
        dossier,
        investigation_record,
        rights_notice,
    )

    data = _case_data(case, masked, today)
    builders = {
        APPLICATION: application.build_application,
        ACCEPTANCE: case_documents.build_acceptance_form,
        RIGHTS: rights_notice.build_rights_notice,
        INVESTIGATION: investigation_record.build_investigation_record,
        AGREEMENT: case_documents.build_agreement,
        ORAL: case_documents.build_oral_agreement,
        FOLLOW_UP: case_documents.build_follow_up_record,
        CLOSING: closing_report.build_closing_report,
        DOSSIER: lambda data: dossier.build_dossier(data, progress),
        SUMMARY: case_documents.build_case_summary,
    }
    if kind == SESSION:
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
