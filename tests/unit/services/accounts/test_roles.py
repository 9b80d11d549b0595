"""Each role against each kind of action, by calling the services directly (the window only hides what they
refuse): 管理员 everything; 录入员 enters, edits, deletes, exports and prints masked; 查看 reads and prints
masked. A refused call changes nothing and writes no file. And every service function that writes names
its permission."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.db.models import AuditLog, Member
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.domain.vocabulary import ADMIN, CLERK, VIEWER
from desktop_app.services import audit, backup
from desktop_app.services.accounts import operators
from desktop_app.services.accounts.roles import PermissionDenied
from desktop_app.services.cases import (
    bodies,
    case_form,
    document_data,
    dossier,
    investigations,
    parties,
    sessions,
    wording,
    workflow,
)
from desktop_app.services.cases.export import export_cases
from desktop_app.services.certificates import issuing, templates
from desktop_app.services.office.details import OfficeInfo, save_office
from desktop_app.services.roster import export as roster_export
from desktop_app.services.roster import members, retention, teams
from desktop_app.services.schedule import assignments, duty_sheet, posts, settings

ROOT = Path(__file__).resolve().parents[4]
ID_NUR = build_id_number("653123", date(1985, 3, 14), 31)
ID_PARTY = build_id_number("653129", date(1980, 5, 6), 31)
TODAY = date.today()

# The issue's table: which roles may do each kind of action.
EVERYONE = {ADMIN, CLERK, VIEWER}
WRITERS = {ADMIN, CLERK}
ADMINISTRATOR = {ADMIN}


@dataclass
class Office:
    member: int
    team: int
    post: int
    shift: int
    case: int
    out: Path
    paths: object

    @property
    def certificate(self) -> int:
        """A certificate issued to the member (made on first use, as the administrator: PDFs take time)."""
        from desktop_app.services.accounts import roles

        if not hasattr(self, "_certificate"):
            with roles.acting_as(roles.Account("suozhang", ADMIN)):
                self._certificate = issuing.issue_certificate(self.member, "聘书", issued_on=TODAY).id
        return self._certificate


@pytest.fixture
def data(office, data_paths, tmp_path) -> Office:
    operators.create_user("suozhang", "Suozhang-2026", ADMIN)  # a folder that is set up
    team = teams.save_team(teams.TeamInput(name="红旗义警队"))
    member = members.save_member(members.MemberInput(
        name="努尔买买提·西热甫", id_number=ID_NUR, phone="13912345678", team_id=team, join_date="2020-01-01",
        insurance_expires_on=TODAY + timedelta(days=300))).id
    post = posts.save_post(posts.PostInput(name="中山路巡逻", kind="巡逻", team_id=team, default_start="08:00",
                                           default_end="10:00")).id
    from desktop_app.db.models import Shift

    shift = Shift.create(post=post, date=TODAY + timedelta(days=1), start="08:00", end="10:00").id
    case = case_form.register_case(case_form.CaseInput(category="邻里", received_at=datetime.now() - timedelta(days=1),
                                                       agreement_terms="赔偿500元")).id
    parties.add_party(case, parties.PartyInput(role="申请人", name="艾力·买买提", id_number=ID_PARTY,
                                               phone="13912345678"))
    out = tmp_path / "out"
    out.mkdir()
    return Office(member, team, post, shift, case, out, data_paths)


ACTIONS = {
    # reading personal data in full (the record's own form)
    "read_member_in_full": (WRITERS, lambda d: members.load_member_input(d.member)),
    "read_case_in_full": (WRITERS, lambda d: case_form.load_case(d.case)),
    # entering and editing
    "add_member": (WRITERS, lambda d: members.save_member(members.MemberInput(name="王建国"))),
    "edit_team": (WRITERS, lambda d: teams.rename_team(d.team, "红旗义警一队")),
    "add_leave": (WRITERS, lambda d: members.add_leave(d.member, TODAY + timedelta(days=30),
                                                       TODAY + timedelta(days=31), "外出")),
    "add_post": (WRITERS, lambda d: posts.save_post(posts.PostInput(name="护学岗", kind="护学岗"))),
    "assign": (WRITERS, lambda d: assignments.assign(d.shift, d.member, force_warnings=True)),
    "register_case": (WRITERS, lambda d: case_form.register_case(case_form.CaseInput(
        category="债务", received_at=datetime.now()))),
    "add_party": (WRITERS, lambda d: parties.add_party(d.case, parties.PartyInput(role="被申请人", name="王建国"))),
    "add_session": (WRITERS, lambda d: sessions.add_session(d.case, sessions.SessionInput(
        held_at=datetime.now(), place="调解室", record="双方陈述"))),
    "change_status": (WRITERS, lambda d: workflow.change_status(d.case, "调解中")),
    "add_investigation": (WRITERS, lambda d: investigations.add_investigation(d.case, investigations.InvestigationInput(
        held_at=datetime.now(), place="村委会", subject="艾力·买买提", investigators="王小红", record="了解经过"))),
    "issue_certificate": (WRITERS, lambda d: issuing.issue_certificate(d.member, "荣誉证书", title="优秀义警",
                                                                       issued_on=TODAY)),
    # deleting
    "delete_member": (WRITERS, lambda d: members.delete_member(d.member)),
    "delete_case": (WRITERS, lambda d: case_form.delete_case(d.case, "重复登记")),
    "delete_post": (WRITERS, lambda d: posts.delete_post(d.post)),
    "void_certificate": (WRITERS, lambda d: issuing.void(d.certificate, "信息有误")),
    # masked exports
    "export_roster_masked": (WRITERS, lambda d: roster_export.export_roster_xlsx([d.member], d.out / "名册.xlsx")),
    "export_cases_masked": (WRITERS, lambda d: export_cases([d.case], d.out)),
    "case_documents_masked": (WRITERS, lambda d: dossier.write_case_documents(d.case, d.out / "文书")),
    "export_duty_xlsx": (WRITERS, lambda d: duty_sheet.export_week_xlsx(*TODAY.isocalendar()[:2], None,
                                                                          d.out / "值班表.xlsx")),
    # full-form exports and prints
    "export_roster_full": (ADMINISTRATOR, lambda d: roster_export.export_roster_xlsx(
        [d.member], d.out / "完整名册.xlsx", full=True)),
    "export_cases_full": (ADMINISTRATOR, lambda d: export_cases([d.case], d.out, full=True)),
    "case_documents_full": (ADMINISTRATOR, lambda d: dossier.write_case_documents(d.case, d.out / "文书", full=True)),
    "print_agreement_full": (ADMINISTRATOR, lambda d: document_data.render_document(d.case, "调解协议书",
                                                                                    masked=False)),
    # masked prints
    "print_roster": (EVERYONE, lambda d: roster_export.roster_pdf_bytes([d.member])),
    "print_duty_sheet": (EVERYONE, lambda d: duty_sheet.duty_sheet_bytes(*TODAY.isocalendar()[:2], None)),
    "print_case_summary": (EVERYONE, lambda d: document_data.render_document(d.case, "案件摘要")),
    "print_register": (EVERYONE, lambda d: document_data.render_register([d.case])),
    "reprint_certificate": (EVERYONE, lambda d: issuing.reprint(d.certificate)),
    # settings, accounts, restore, the audit trail
    "save_office": (ADMINISTRATOR, lambda d: save_office(OfficeInfo(unit_name="伽师县公安局城关派出所",
                                                                  case_prefix="城派调"))),
    "school_vacations": (ADMINISTRATOR, lambda d: settings.add_school_vacation(date(2027, 7, 10),
                                                                               date(2027, 8, 31))),
    "certificate_template": (ADMINISTRATOR, lambda d: templates.reset_template(
        templates.default_template("聘书").id)),
    "mediating_body": (ADMINISTRATOR, lambda d: bodies.save_body(None, "城关镇人民调解委员会", "城人调")),
    "officers": (ADMINISTRATOR, lambda d: bodies.save_officers(["买买提·艾力"])),
    "document_wording": (ADMINISTRATOR, lambda d: wording.reset_wording()),
    "audit_retention": (ADMINISTRATOR, lambda d: audit.set_retention_months(24)),
    "add_account": (ADMINISTRATOR, lambda d: operators.create_user("xiaoli", "Xiaoli-2026!", CLERK)),
    "view_audit": (ADMINISTRATOR, lambda d: audit.search()),
    "anonymise_candidates": (ADMINISTRATOR, lambda d: retention.anonymisation_candidates()),
    "backup": (WRITERS, lambda d: backup.backup_now(d.paths, d.out / "备份.db")),
}


def _counts() -> tuple[int, int]:
    return AuditLog.select().count(), Member.select().count()


@pytest.mark.sqlite_only  # its backup is a copy of the SQLite file
@pytest.mark.parametrize("role", [ADMIN, CLERK, VIEWER])
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_each_role_against_each_kind_of_action(data, acting, role, action, request):
    allowed, call = ACTIONS[action]
    if role in allowed and action.endswith("_full"):
        request.node.add_marker(pytest.mark.full_form_output)  # the administrator's full form, on purpose
    if "certificate" in action:
        assert data.certificate
    before_files = sorted(data.out.iterdir())
    before = _counts()
    with acting(role):
        if role in allowed:
            call(data)
        else:
            with pytest.raises(PermissionDenied) as refused:
                call(data)
            assert f"（{role}）无权" in str(refused.value)
    if role not in allowed:
        assert _counts() == before, "a refused call changed the data"
        assert sorted(data.out.iterdir()) == before_files, "a refused call wrote a file"


def test_nobody_logged_in_is_refused_with_the_words_to_log_in(data):
    from desktop_app.services.accounts import roles

    with roles.acting_as(None), pytest.raises(PermissionDenied, match="请先登录"):
        members.save_member(members.MemberInput(name="王建国"))


@pytest.mark.sqlite_only  # a copy of the SQLite file put back
def test_the_restore_is_the_administrators(data, data_paths, acting, tmp_path):
    from desktop_app.services.backup.restore import restore_from

    saved = backup.backup_now(data_paths)
    for role in (CLERK, VIEWER):
        with acting(role), pytest.raises(PermissionDenied):
            restore_from(data_paths, saved)
    with acting(ADMIN):
        restore_from(data_paths, saved)
    assert AuditLog.select().where(AuditLog.action == "恢复").count() == 1


def test_the_viewer_reads_masked_lists_and_never_a_child_under_fourteen(data, acting):
    child = parties.add_party(data.case, parties.PartyInput(
        role="被申请人", name="小艾力", birth_date=date(TODAY.year - 10, 1, 1)))
    guardian = parties.add_party(data.case, parties.PartyInput(role="监护人", name="艾山·买买提",
                                                               phone="13812345678", guardian_of_id=child.id))
    from desktop_app.services.cases.register import fetch_case_rows

    with acting(CLERK):
        seen = {p.name: p for p in parties.list_parties(data.case)}
        assert seen["艾力·买买提"].id_number == ID_PARTY and "小艾力" in seen
        assert "小艾力" in fetch_case_rows([data.case])[0].parties
    with acting(VIEWER):
        seen = {p.id: p for p in parties.list_parties(data.case)}
        assert seen[child.id].name == "（未满十四周岁当事人，已隐去）" and seen[child.id].birth_date is None
        assert seen[guardian.id].guardian_of_name == "（未满十四周岁当事人，已隐去）"
        assert seen[guardian.id].phone == "138****5678"
        applicant = next(p for p in seen.values() if p.role == "申请人")
        assert applicant.id_number == ID_PARTY[:6] + "********" + ID_PARTY[-4:]
        row = fetch_case_rows([data.case])[0]
        assert "小艾力" not in row.parties and "已隐去" in row.parties
        summary = document_data.case_document_data(data.case)
        assert all(p.name != "小艾力" for p in summary.parties)


def test_a_child_under_fourteen_needs_a_guardian_before_mediation(data):
    child = parties.add_party(data.case, parties.PartyInput(role="被申请人", name="小艾力",
                                                            birth_date=date(TODAY.year - 12, 3, 1)))
    with pytest.raises(workflow.CaseRefused, match="未满十四周岁"):
        workflow.change_status(data.case, "调解中")
    parties.add_party(data.case, parties.PartyInput(role="监护人", name="艾山·买买提", guardian_of_id=child.id))
    assert workflow.change_status(data.case, "调解中").status == "调解中"


# --- every writing service names its permission ---------------------------------------------------

WRITES = ("audit.record(", ".create(", "insert_rows(", "update_rows(", ".save()", "delete_instance(",
          "write_verified(", "write_files_safely(", ".execute()")
# Internal steps called only from entry points that check, or writes that are not the user's records.
NOT_ENTRY_POINTS = {
    "operators.py": {"authenticate", "record_idle_lock", "log_out", "verify_administrator"},  # the login itself
    "audit.py": {"record"},
    "bulk.py": {"insert_rows", "update_rows"},
    "workflow.py": {"record_event", "recompute_deadlines"},  # inside change_status / a settings change
    "issuing.py": {"write_pdf"},  # the file of a certificate just issued (issuing checked)
    "templates.py": {"ensure_default_templates"},  # the built-in templates, seeded on first use
    "writer.py": {"write_verified"},
    "numbering.py": {"next_number", "next_numbers"},
    "settings.py": {"set_setting"},
    "assignments.py": {"refresh_leader"},
    "usb_export.py": {"write_files_safely"},
    "details.py": {"save_office", "set_xinjiang_holidays"},  # checked by _require_settings_or_set_up
    "data_folder.py": {"remember_server"},  # where the folder's data lives, chosen before any account exists
    "versions.py": {"save_checked"},  # the save of a service that checked
}


def _checks(node: ast.FunctionDef, source: str) -> bool:
    decorated = any(isinstance(d, ast.Call) and getattr(d.func, "id", "") == "requires" for d in node.decorator_list)
    return decorated or "require(" in source or "check_may_restore(" in source


def test_every_service_function_that_writes_names_its_permission():
    unchecked = []
    for path in sorted((ROOT / "desktop_app" / "services").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        methods = [item for cls in tree.body if isinstance(cls, ast.ClassDef) for item in cls.body]
        for node in [*tree.body, *methods]:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            source = ast.get_source_segment(text, node) or ""
            if any(w in source for w in WRITES) and not _checks(node, source) \
                    and node.name not in NOT_ENTRY_POINTS.get(path.name, set()):
                unchecked.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert not unchecked, "writes without a permission (services/accounts/roles.py):\n" + "\n".join(unchecked)
