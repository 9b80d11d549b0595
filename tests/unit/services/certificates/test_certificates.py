"""Certificates: issuing, serials, codes, reprints, voids, verification, register, 公示, batches, templates."""

from __future__ import annotations

import hashlib
import io
import json
import re
from datetime import date, time

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from desktop_app.db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    AuditLog,
    Certificate,
    CertificateEvent,
    Counter,
    DutyPost,
    OfficeSettings,
    Shift,
    Team,
    Training,
    TrainingAttendee,
)
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.domain.vocabulary import APPOINTMENT, CARD, HONOUR, SERVICE_PROOF
from desktop_app.domain.vocabulary import CERTIFICATE_TYPES as CERT_TYPES
from desktop_app.services import audit
from desktop_app.services.certificates import batch as cert_batch
from desktop_app.services.certificates import issuing as certs
from desktop_app.services.certificates import register as cert_register
from desktop_app.services.certificates import templates as cert_templates
from desktop_app.services.certificates.errors import CertificateRefused
from desktop_app.services.certificates.issuing import CODE_ALPHABET
from desktop_app.services.roster.members import MemberInput, delete_member, save_member

ISSUED = date(2024, 4, 13)
ID_NUR = build_id_number("653129", date(1980, 5, 6), 31)
SERIAL = re.compile(r"夏派义(聘|荣|服|证)〔(\d{4})〕第(\d{4})号")


def text_of(pdf: bytes) -> str:
    """All the PDF's text with the line breaks and spaces the extractor puts in taken out."""
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def people(office):
    OfficeSettings.update(contact_phone="0998-6751424").execute()
    team = Team.create(name="夏普吐勒义警一中队")
    other_team = Team.create(name="团结路义警二中队")
    nur = save_member(MemberInput(name="努尔买买提·西热甫", id_number=ID_NUR, team_id=team.id,
                                  join_date="2020-03-01"), today=ISSUED).id
    wang = save_member(MemberInput(name="王小明", team_id=team.id), today=ISSUED).id
    li = save_member(MemberInput(name="李娜", team_id=other_team.id), today=ISSUED).id
    patrol = DutyPost.create(name="中山路商圈巡逻", kind="巡逻")
    school = DutyPost.create(name="第一小学护学岗", kind="护学岗")
    for day in range(1, 31):
        shift = Shift.create(post=patrol, date=date(2024, 1, day), start=time(19), end=time(23))
        Assignment.create(shift=shift, member=nur, status="已到", hours=4)
    for day in range(1, 21):
        shift = Shift.create(post=school, date=date(2024, 3, day), start=time(7, 30), end=time(9, 30))
        Assignment.create(shift=shift, member=nur, status="迟到" if day == 1 else "已到", hours=2)
    absent = Shift.create(post=patrol, date=date(2024, 2, 1), start=time(19), end=time(23))
    Assignment.create(shift=absent, member=nur, status="缺勤", hours=4)
    delivery = Activity.create(date=date(2024, 2, 10), kind="送证上门")
    ActivityParticipant.create(activity=delivery, member=nur, hours=6)
    first_aid = Training.create(title="急救培训", date=date(2024, 2, 20), hours=8)
    TrainingAttendee.create(training=first_aid, member=nur, hours=8)
    shift = Shift.create(post=patrol, date=date(2024, 2, 2), start=time(19), end=time(23))
    Assignment.create(shift=shift, member=wang, status="已到", hours=4)
    return {"nur": nur, "wang": wang, "li": li, "team": team.id, "other_team": other_team.id}


def seal_png() -> bytes:
    image = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 292, 292), outline=(200, 20, 30, 230), width=10)
    draw.regular_polygon((150, 150, 45), 5, fill=(200, 20, 30, 230))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


# --- the four certificates -----------------------------------------------------------------------


def test_service_proof_from_recorded_hours(people):
    issued = certs.issue_certificate(people["nur"], SERVICE_PROOF, period_from=date(2024, 1, 1),
                                     period_to=date(2024, 3, 31), issued_on=ISSUED, handler="李警官")
    assert issued.serial == "夏派义服〔2024〕第0001号"
    assert issued.hours == 30 * 4 + 20 * 2 + 6 + 8
    text = text_of(issued.pdf)
    for expected in ("志愿服务证明", "努尔买买提·西热甫", "居民身份证", "653129********0319", "174小时",
                     "二〇二四年一月一日至二〇二四年三月三十一日", "巡逻执勤120小时", "护学岗执勤40小时",
                     "送证上门6小时", "业务培训8小时", "伽师县公安局夏普吐勒派出所", "负责人：阿不都热合曼·吐尔逊",
                     "经办人：李警官", "联系电话：0998-6751424", "出具日期：二〇二四年四月十三日",
                     "编号：夏派义服〔2024〕第0001号", f"验证码：{issued.verification_code}", "本证明免费出具"):
        assert expected in text, expected
    assert ID_NUR not in text
    row = Certificate.get_by_id(issued.id)
    assert row.hours_snapshot == 174
    assert row.pdf_sha256 == hashlib.sha256(issued.pdf).hexdigest() == issued.sha256
    assert cert_register.register()[0].content.startswith("巡逻执勤120小时、护学岗执勤40小时")


def test_service_proof_refused_without_hours(people):
    with pytest.raises(CertificateRefused, match="没有登记的服务时长"):
        certs.issue_certificate(people["li"], SERVICE_PROOF, issued_on=ISSUED)
    with pytest.raises(CertificateRefused, match="没有登记的服务时长"):  # hours, but not in this period
        certs.issue_certificate(people["wang"], SERVICE_PROOF, period_from=date(2024, 3, 1), issued_on=ISSUED)
    with pytest.raises(CertificateRefused, match="不能晚于出具日期"):
        certs.issue_certificate(people["nur"], SERVICE_PROOF, period_to=date(2024, 5, 1), issued_on=ISSUED)
    assert Certificate.select().count() == 0
    assert not Counter.select().where(Counter.name.startswith("证书")).where(Counter.value > 0).exists()


def test_service_proof_period_defaults_to_first_service_until_issue(people):
    issued = certs.issue_certificate(people["nur"], SERVICE_PROOF, issued_on=ISSUED)
    row = Certificate.get_by_id(issued.id)
    assert (row.period_from, row.period_to) == (date(2024, 1, 1), ISSUED)
    assert "二〇二四年一月一日至二〇二四年四月十三日" in text_of(issued.pdf)


def test_appointment_letter(people):
    issued = certs.issue_certificate(people["nur"], APPOINTMENT, issued_on=ISSUED)
    text = text_of(issued.pdf)
    assert text.startswith("聘书")
    for expected in ("兹聘请努尔买买提·西热甫同志为伽师县公安局夏普吐勒派出所义警队队员",
                     "聘期自二〇二四年四月十三日起至二〇二七年四月十二日止", "此聘", "二〇二四年四月十三日",
                     "编号：夏派义聘〔2024〕第0001号"):
        assert expected in text, expected
    page = PdfReader(io.BytesIO(issued.pdf)).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # A4 landscape
    explicit = certs.issue_certificate(people["wang"], APPOINTMENT, period_from=date(2024, 5, 1),
                                       period_to=date(2025, 4, 30), issued_on=ISSUED)
    assert "聘期自二〇二四年五月一日起至二〇二五年四月三十日止" in text_of(explicit.pdf)
    with pytest.raises(CertificateRefused, match="结束日期不能早于开始日期"):
        certs.issue_certificate(people["wang"], APPOINTMENT, period_from=date(2024, 5, 1),
                                period_to=date(2024, 4, 30), issued_on=ISSUED)


def test_honour_certificate(people):
    issued = certs.issue_certificate(people["wang"], HONOUR, title="金牌调解员",
                                     reason="2024年度矛盾纠纷调解工作", issued_on=ISSUED)
    text = text_of(issued.pdf)
    for expected in ("荣誉证书", "王小明同志：", "在2024年度矛盾纠纷调解工作中表现突出，被评为“金牌调解员”",
                     "特发此证，以资鼓励", "伽师县公安局夏普吐勒派出所", "二〇二四年四月十三日", issued.serial):
        assert expected in text, expected
    default_reason = certs.issue_certificate(people["wang"], HONOUR, title="优秀义警", issued_on=ISSUED)
    assert "在2024年度义警志愿服务工作中表现突出，被评为“优秀义警”" in text_of(default_reason.pdf)
    with pytest.raises(CertificateRefused, match="请填写荣誉称号"):
        certs.issue_certificate(people["wang"], HONOUR, issued_on=ISSUED)


def test_card(people):
    issued = certs.issue_certificate(people["nur"], CARD, issued_on=ISSUED)
    text = text_of(issued.pdf)
    for expected in ("义警证", "努尔买买提·西热甫", "夏普吐勒义警一中队", "夏派义证〔2024〕第0001号",
                     "有效期至：二〇二七年四月十二日", "照片", issued.verification_code):
        assert expected in text, expected


def test_refusals(people):
    with pytest.raises(CertificateRefused, match="证书类别"):
        certs.issue_certificate(people["nur"], "奖状", issued_on=ISSUED)
    with pytest.raises(CertificateRefused, match="队员不存在"):
        certs.issue_certificate(9999, APPOINTMENT, issued_on=ISSUED)
    save_member(MemberInput(name="李娜", status="退出", team_id=people["other_team"]), member_id=people["li"],
                today=ISSUED)
    with pytest.raises(CertificateRefused, match="已退出"):
        certs.issue_certificate(people["li"], CARD, issued_on=ISSUED)
    certs.issue_certificate(people["li"], HONOUR, title="优秀义警", issued_on=ISSUED)  # still allowed
    delete_member(people["wang"])
    with pytest.raises(CertificateRefused, match="已删除"):
        certs.issue_certificate(people["wang"], HONOUR, title="优秀义警", issued_on=ISSUED)


def test_no_office_no_certificate(data_paths):
    member = save_member(MemberInput(name="王小明"), today=ISSUED).id
    with pytest.raises(CertificateRefused, match="单位名称"):
        certs.issue_certificate(member, HONOUR, title="优秀义警", issued_on=ISSUED)


# --- serials, reprints, voids, codes --------------------------------------------------------------


def test_serials_unique_across_reprints_and_voids(people):
    first = certs.issue_certificate(people["nur"], HONOUR, title="优秀义警", issued_on=ISSUED)
    second = certs.issue_certificate(people["wang"], HONOUR, title="优秀义警", issued_on=ISSUED)
    certs.void(second.id, "姓名有误，重新签发")
    again = certs.reprint(first.id)
    third = certs.issue_certificate(people["wang"], HONOUR, title="优秀义警", issued_on=ISSUED)
    appointment = certs.issue_certificate(people["nur"], APPOINTMENT, issued_on=ISSUED)
    next_year = certs.issue_certificate(people["nur"], HONOUR, title="优秀义警", issued_on=date(2025, 1, 2))

    assert [first.serial, second.serial, third.serial] == [
        "夏派义荣〔2024〕第0001号", "夏派义荣〔2024〕第0002号", "夏派义荣〔2024〕第0003号"]
    assert appointment.serial == "夏派义聘〔2024〕第0001号"  # a sequence per type
    assert next_year.serial == "夏派义荣〔2025〕第0001号"  # and per year
    serials = [row.serial for row in Certificate.select()]
    assert len(serials) == len(set(serials)) == 5
    # The reprint is the same certificate: same serial and code, and the very same bytes.
    assert first.serial in text_of(again) and first.verification_code in text_of(again)
    assert hashlib.sha256(again).hexdigest() == Certificate.get_by_id(first.id).pdf_sha256
    assert [e.action for e in cert_register.events(first.id)] == ["签发", "补打"]
    assert [(e.action, e.reason) for e in cert_register.events(second.id)] == [("签发", ""), ("作废", "姓名有误，重新签发")]
    codes = [row.verification_code for row in Certificate.select()]
    assert len(set(codes)) == 5
    assert all(len(c) == 8 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("01OI") & set("".join(codes))


def test_serial_never_reused_even_when_the_counter_is_behind(people):
    certs.issue_certificate(people["nur"], HONOUR, title="优秀义警", issued_on=ISSUED)
    certs.issue_certificate(people["nur"], HONOUR, title="优秀义警", issued_on=ISSUED)
    Counter.update(value=0).where(Counter.name == "证书:荣誉证书").execute()  # e.g. restored from an old backup
    third = certs.issue_certificate(people["nur"], HONOUR, title="优秀义警", issued_on=ISSUED)
    assert third.serial == "夏派义荣〔2024〕第0003号"


def test_serial_without_case_prefix(people):
    OfficeSettings.update(case_prefix="").execute()
    issued = certs.issue_certificate(people["nur"], APPOINTMENT, issued_on=ISSUED)
    assert issued.serial == "义聘〔2024〕第0001号"
    assert certs.office_code() == ""


def test_void_rules(people):
    issued = certs.issue_certificate(people["nur"], CARD, issued_on=ISSUED)
    with pytest.raises(CertificateRefused, match="作废原因"):
        certs.void(issued.id, "  ")
    certs.void(issued.id, "证件遗失")
    row = Certificate.get_by_id(issued.id)
    assert (row.status, row.void_reason) == ("作废", "证件遗失") and row.voided_at is not None
    with pytest.raises(CertificateRefused, match="已经作废"):
        certs.void(issued.id, "再次作废")
    with pytest.raises(CertificateRefused, match="已作废，不能补打"):
        certs.reprint(issued.id)
    assert "已作废" in text_of(certs.render(issued.id))  # it can still be looked at, marked


def test_verify_valid_voided_and_unknown(people):
    valid = certs.issue_certificate(people["nur"], HONOUR, title="优秀义警", issued_on=ISSUED)
    voided = certs.issue_certificate(people["wang"], SERVICE_PROOF, issued_on=ISSUED)
    certs.void(voided.id, "重复出具")

    result = cert_register.verify(valid.verification_code)
    assert (result.status, result.type, result.serial) == ("有效", HONOUR, valid.serial)
    assert result.issued_on == ISSUED
    assert result.name_masked == "努****·**甫"
    typed = valid.verification_code.lower()
    assert cert_register.verify(f" {typed[:4]}-{typed[4:]} ").status == "有效"
    assert cert_register.verify(f"验证码:{valid.verification_code} 编号:{valid.serial}").status == "有效"  # scanned
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in valid.verification_code)
    assert cert_register.verify(fullwidth).status == "有效"

    result = cert_register.verify(voided.verification_code)
    assert (result.status, result.serial, result.name_masked, result.void_reason) == (
        "已作废", voided.serial, "王*明", "重复出具")
    assert result.voided_on is not None

    unknown = "".join(reversed(valid.verification_code))
    if unknown == voided.verification_code:
        unknown = "22222222"
    assert cert_register.verify(unknown).status == "不存在"
    assert cert_register.verify("").status == "不存在"
    assert cert_register.verify("not a code at all").serial == ""


@pytest.mark.parametrize(("name", "masked"), [("王小明", "王*明"), ("王明", "王*"), ("欧阳小明", "欧**明"),
                                              ("努尔买买提·西热甫", "努****·**甫"), ("A", "A")])
def test_mask_name(name, masked):
    assert cert_register.mask_name(name) == masked


def test_audit_without_personal_data(people):
    with audit.acting_as("clerk"):
        issued = certs.issue_certificate(people["nur"], SERVICE_PROOF, issued_on=ISSUED)
        certs.reprint(issued.id)
        certs.void(issued.id, "重新出具")
    logs = list(AuditLog.select().where(AuditLog.table_name == "certificate"))
    assert [log.action for log in logs] == ["签发", "补打", "作废"]
    assert all(log.username == "clerk" for log in logs)
    for log in logs:
        assert "努尔" not in log.summary and ID_NUR not in log.summary and issued.serial in log.summary
    assert {e.username for e in CertificateEvent.select()} == {"clerk"}


# --- register, 公示, preview ----------------------------------------------------------------------


def test_register_by_period_and_type(people):
    early = certs.issue_certificate(people["nur"], APPOINTMENT, issued_on=date(2024, 1, 5))
    honour = certs.issue_certificate(people["wang"], HONOUR, title="优秀义警", issued_on=ISSUED)
    late = certs.issue_certificate(people["nur"], HONOUR, title="优秀义警", issued_on=date(2024, 6, 1))
    certs.void(honour.id, "重复")
    rows = cert_register.register(date(2024, 4, 1), date(2024, 6, 1))
    assert [r.serial for r in rows] == [honour.serial, late.serial]
    assert rows[0].status == "作废" and rows[0].team == "夏普吐勒义警一中队" and rows[0].name == "王小明"
    assert [r.id for r in cert_register.register(cert_type=APPOINTMENT)] == [early.id]
    assert [r.id for r in cert_register.register(status="有效", cert_type=HONOUR)] == [late.id]
    assert [r.id for r in cert_register.register(member_id=people["nur"])] == [early.id, late.id]
    assert cert_register.certificate_row(late.id).title == "优秀义警"


def test_publicity_list(people):
    shown = certs.issue_certificate(people["nur"], HONOUR, title="优秀义警", reason="2024年一季度巡逻防控工作",
                                    issued_on=ISSUED)
    voided = certs.issue_certificate(people["wang"], HONOUR, title="优秀义警", issued_on=ISSUED)
    certs.void(voided.id, "重复")
    outside = certs.issue_certificate(people["wang"], HONOUR, title="优秀义警", issued_on=date(2024, 5, 20))
    text = text_of(cert_register.publicity_pdf(date(2024, 4, 1), date(2024, 4, 30), posted_on=date(2024, 5, 6)))
    for expected in ("义警证书颁发公示", "伽师县公安局夏普吐勒派出所", "2024年4月1日至2024年4月30日",
                     "公示期七天：自2024年5月6日至2024年5月12日", "联系电话：0998-6751424", shown.serial,
                     "努尔买买提·西热甫", "优秀义警", "2024年一季度巡逻防控工作", "荣誉证书"):
        assert expected in text, expected
    assert voided.serial not in text and outside.serial not in text
    assert "颁发证书共1份" in text


def test_publicity_lists_honours_and_appointments_unless_asked(people):
    appointment = certs.issue_certificate(people["nur"], APPOINTMENT, issued_on=ISSUED)
    proof = certs.issue_certificate(people["nur"], SERVICE_PROOF, issued_on=ISSUED)
    card = certs.issue_certificate(people["nur"], CARD, issued_on=ISSUED)
    text = text_of(cert_register.publicity_pdf(ISSUED, ISSUED, posted_on=ISSUED))
    assert appointment.serial in text and "聘期至2027年4月12日" in text
    assert proof.serial not in text and card.serial not in text
    text = text_of(cert_register.publicity_pdf(ISSUED, ISSUED, posted_on=ISSUED, cert_types=CERT_TYPES))
    assert proof.serial in text and "志愿服务174小时" in text
    assert card.serial in text and "有效期至2027年4月12日" in text
    with pytest.raises(CertificateRefused):
        cert_register.publicity_pdf(ISSUED, date(2024, 1, 1))


def test_preview_stores_nothing(people):
    pdf = certs.preview_certificate(people["nur"], HONOUR, title="优秀义警", issued_on=ISSUED)
    text = text_of(pdf)
    assert "努尔买买提·西热甫同志" in text and "（签发时生成）" in text
    assert Certificate.select().count() == 0
    assert not Counter.select().where(Counter.name.startswith("证书")).exists()


# --- templates and seal ---------------------------------------------------------------------------


def test_default_templates_and_editing(people):
    templates = cert_templates.list_templates()
    assert {t.type for t in templates} == set(CERT_TYPES)
    assert all(t.is_default for t in templates)
    honour = cert_templates.default_template(HONOUR)
    assert "{reason}" in honour.wording and honour.border_style == "red"

    with pytest.raises(CertificateRefused, match="未知的占位符"):
        cert_templates.save_template(None, HONOUR, "表彰", "{姓名}同志：表现突出", "red")
    with pytest.raises(CertificateRefused, match="花括号"):
        cert_templates.save_template(None, HONOUR, "表彰", "{name同志", "red")
    with pytest.raises(CertificateRefused, match="边框"):
        cert_templates.save_template(None, HONOUR, "表彰", "{name}同志：", "gold")

    own = cert_templates.save_template(None, HONOUR, "年度表彰", "{name}同志：\n在{reason}中成绩显著，荣获“{title}”称号。"
                              "\n特发此证，以资鼓励。", "classic", is_default=True)
    assert cert_templates.default_template(HONOUR).id == own.id
    assert [t.is_default for t in cert_templates.list_templates(HONOUR)] == [True, False]
    issued = certs.issue_certificate(people["nur"], HONOUR, title="优秀义警", issued_on=ISSUED)
    assert "荣获“优秀义警”称号" in text_of(issued.pdf)

    # What was printed is kept: a reprint after the template and the office changed draws the same.
    cert_templates.save_template(own.id, HONOUR, "年度表彰", "{name}同志：\n另一种措辞“{title}”。", "simple")
    OfficeSettings.update(unit_name="伽师县公安局另一个派出所").execute()
    again = certs.reprint(issued.id)
    assert "荣获“优秀义警”称号" in text_of(again) and "另一个" not in text_of(again)
    assert hashlib.sha256(again).hexdigest() == issued.sha256

    with pytest.raises(CertificateRefused, match="默认模板不能删除"):
        cert_templates.delete_template(own.id)
    old_default = next(t for t in cert_templates.list_templates(HONOUR) if t.id != own.id)
    cert_templates.delete_template(old_default.id)
    reset = cert_templates.reset_template(own.id)
    assert reset.wording == cert_templates.builtin_template(HONOUR)["wording"]
    assert Certificate.get_by_id(issued.id).template_id == own.id


def test_template_of_another_type_is_refused(people):
    card = cert_templates.default_template(CARD)
    with pytest.raises(CertificateRefused, match="不能用于荣誉证书"):
        certs.issue_certificate(people["nur"], HONOUR, title="优秀义警", template_id=card.id, issued_on=ISSUED)


def test_office_wording_override_seeds_the_template(people):
    OfficeSettings.update(certificate_wording=json.dumps(
        {APPOINTMENT: "特聘请{name}同志为{unit}义务警察队员。\n聘期：{period_from}至{period_to}。\n此聘"},
        ensure_ascii=False)).execute()
    issued = certs.issue_certificate(people["nur"], APPOINTMENT, issued_on=ISSUED)
    assert "特聘请努尔买买提·西热甫同志为伽师县公安局夏普吐勒派出所义务警察队员" in text_of(issued.pdf)


def test_seal_image_over_the_unit_name(people):
    plain = certs.issue_certificate(people["nur"], APPOINTMENT, issued_on=ISSUED)
    with pytest.raises(CertificateRefused, match="PNG"):
        cert_templates.set_office_seal(b"GIF89a....")
    cert_templates.set_office_seal(seal_png())
    assert cert_templates.office_seal() == seal_png()
    sealed = certs.issue_certificate(people["nur"], APPOINTMENT, issued_on=ISSUED)
    assert len(PdfReader(io.BytesIO(plain.pdf)).pages[0].images) == 0
    images = PdfReader(io.BytesIO(sealed.pdf)).pages[0].images
    assert len(images) == 1
    assert b"/SMask" in sealed.pdf  # the transparency is kept
    # A template's own seal is used instead of the office's.
    template = cert_templates.default_template(HONOUR)
    cert_templates.save_template(template.id, HONOUR, template.name, template.wording, template.border_style,
                        seal_image=seal_png())
    assert cert_templates.get_template(template.id).has_seal


# --- batches --------------------------------------------------------------------------------------


def test_batch_one_file_with_progress(people, tmp_path):
    seen: list[tuple[int, int, str]] = []
    out = tmp_path / "荣誉证书.pdf"
    result = cert_batch.batch_issue([people["nur"], people["wang"], people["li"]], HONOUR, title="优秀义警",
                               issued_on=ISSUED, out_file=out, progress=lambda *a: seen.append(a))
    assert [i.serial for i in result.issued] == [f"夏派义荣〔2024〕第000{n}号" for n in (1, 2, 3)]
    assert result.files == [out] and not result.skipped
    assert seen[0] == (0, 4, "努尔买买提·西热甫") and seen[-1] == (4, 4, "")
    reader = PdfReader(str(out))
    assert len(reader.pages) == 3
    serials = [SERIAL.search(text_of_page(p)).group(0) for p in reader.pages]
    assert serials == [i.serial for i in result.issued]
    assert "王小明" in text_of_page(reader.pages[1])
    # Each certificate's own SHA-256 is that of its single PDF (what a reprint gives).
    assert hashlib.sha256(certs.render(result.issued[1].id)).hexdigest() == result.issued[1].sha256
    assert not list(tmp_path.glob(".*.part"))


def text_of_page(page) -> str:
    return "".join((page.extract_text() or "").split())


def test_batch_one_file_per_member_skips_refused(people, tmp_path):
    result = cert_batch.batch_issue([people["nur"], people["li"], people["wang"]], SERVICE_PROOF, issued_on=ISSUED,
                               one_file=False, out_dir=tmp_path)
    assert [i.name for i in result.issued] == ["努尔买买提·西热甫", "王小明"]
    assert [(s.name, "没有登记的服务时长" in s.reason) for s in result.skipped] == [("李娜", True)]
    assert sorted(p.name for p in result.files) == sorted(
        f"志愿服务证明-{i.name}-{i.serial}.pdf" for i in result.issued)
    for issued, path in zip(result.issued, result.files, strict=True):
        assert hashlib.sha256(path.read_bytes()).hexdigest() == issued.sha256
        assert issued.name in text_of(path.read_bytes())


def test_batch_cancel_issues_nothing(people, tmp_path):
    certs.issue_certificate(people["nur"], HONOUR, title="优秀义警", issued_on=ISSUED)

    class Stop(Exception):
        pass

    def progress(done: int, total: int, name: str) -> None:
        if done == 2:
            raise Stop

    with pytest.raises(Stop):
        cert_batch.batch_issue([people["nur"], people["wang"], people["li"]], HONOUR, title="优秀义警",
                          issued_on=ISSUED, out_file=tmp_path / "x.pdf", progress=progress)
    assert Certificate.select().count() == 1
    assert not (tmp_path / "x.pdf").exists()
    after = certs.issue_certificate(people["wang"], HONOUR, title="优秀义警", issued_on=ISSUED)
    assert after.serial == "夏派义荣〔2024〕第0002号"


def test_batch_cards_eight_to_a_sheet(people, tmp_path):
    ids = [people["nur"], people["wang"], people["li"]]
    ids += [save_member(MemberInput(name=f"队员{'甲乙丙丁戊己庚辛壬癸'[n]}", team_id=people["team"]),
                        today=ISSUED).id for n in range(7)]
    out = tmp_path / "义警证.pdf"
    result = cert_batch.batch_issue(ids, CARD, issued_on=ISSUED, out_file=out)
    reader = PdfReader(str(out))
    assert len(result.issued) == 10 and len(reader.pages) == 2
    counts = [len(SERIAL.findall(text_of_page(page))) for page in reader.pages]
    assert counts == [8, 2]
    sheet = certs.reprint_many([i.id for i in result.issued[:8]])
    assert len(PdfReader(io.BytesIO(sheet)).pages) == 1
    assert len(SERIAL.findall(text_of(sheet))) == 8


def test_batch_needs_a_place(people, tmp_path):
    with pytest.raises(CertificateRefused, match="保存位置不存在"):
        cert_batch.batch_issue([people["nur"]], HONOUR, title="优秀义警", out_file=tmp_path / "none" / "x.pdf")
    with pytest.raises(ValueError):
        cert_batch.batch_issue([people["nur"]], HONOUR, title="优秀义警", one_file=False)


def test_batch_candidates(people):
    today = date(2024, 12, 1)
    everyone = cert_batch.batch_candidates(today=today)
    assert set(everyone) == {people["nur"], people["wang"], people["li"]}
    assert set(cert_batch.batch_candidates(team_id=people["team"], today=today)) == {people["nur"], people["wang"]}
    assert cert_batch.batch_candidates(min_hours=10, today=today) == [people["nur"]]
    assert set(cert_batch.batch_candidates(min_hours=4, year=2024, today=today)) == {people["nur"], people["wang"]}
    assert cert_batch.batch_candidates(min_hours=4, year=2023, today=today) == []
    assert cert_batch.batch_candidates(star_level=1, today=today) == [people["nur"]]  # 174 h ≥ 100 h
    assert cert_batch.batch_candidates(star_level=2, today=today) == []
    save_member(MemberInput(name="王小明", status="暂停", team_id=people["team"]), member_id=people["wang"],
                today=ISSUED)
    assert people["wang"] not in cert_batch.batch_candidates(today=today)


def test_find_members(people):
    assert [m.id for m in certs.find_members("努尔买买提·西热甫")] == [people["nur"]]
    assert [m.id for m in certs.find_members("努尔买买提•西热甫")] == [people["nur"]]  # look-alike dot
    assert [m.id for m in certs.find_members(ID_NUR.lower())] == [people["nur"]]
    assert certs.find_members("王") == []
    twin = save_member(MemberInput(name="王小明", team_id=people["other_team"]), today=ISSUED).id
    matches = certs.find_members("王小明")
    assert [m.id for m in matches] == [people["wang"], twin]
    assert [m.team for m in matches] == ["夏普吐勒义警一中队", "团结路义警二中队"]


def test_a_reason_typed_as_a_whole_phrase_is_not_doubled():
    from desktop_app.services.certificates.content import fit_reason

    wording = "{name}同志：\n在{reason}中表现突出，被评为“{title}”。"
    assert fit_reason("在2026年护学岗执勤中", wording) == "2026年护学岗执勤"
    assert fit_reason("在抗洪抢险中表现突出", wording) == "抗洪抢险"
    assert fit_reason("2026年护学岗执勤", wording) == "2026年护学岗执勤"
    assert fit_reason("在岗位上", "因{reason}，特发此证") == "在岗位上"
