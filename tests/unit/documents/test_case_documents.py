"""The case documents (受理登记表, 调解记录, 调解协议书 in both variants, 回访记录, 案件摘要, 登记簿):
plain data in, PDF out; the Chinese text, names, ID numbers and amounts read back exactly."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader

from desktop_app.documents.case_data import (
    CaseData,
    FollowUpData,
    PartyData,
    RegisterData,
    RegisterRow,
    SessionData,
)
from desktop_app.documents.case_documents import (
    build_acceptance_form,
    build_agreement,
    build_case_register,
    build_case_summary,
    build_follow_up_record,
    build_session_record,
)
from desktop_app.documents.layout import chinese_number, numbered_items
from desktop_app.domain.masking import mask_address, mask_id, mask_phone

UNIT = "伽师县公安局夏普吐勒派出所"
BODY = "夏普吐勒镇人民调解委员会"
NUMBER = "（2024）夏派调字第012号"
APPLICANT = "努尔买买提·西热甫"
RESPONDENT = "阿依古丽·买买提"
ID_A, ID_B = "653123198503140311", "65312319900708142X"
PHONE_A, PHONE_B = "13899123456", "15909981234"
ADDRESS_A = "伽师县夏普吐勒镇阿亚克吾斯塘村3组15号"
TERMS = "1. 被申请人阿依古丽·买买提赔偿申请人努尔买买提·西热甫医疗费、误工费共计3500元。\n" \
        "2、双方今后和睦相处，不再因此事发生纠纷。\n" \
        "三、本协议履行完毕后，双方就此事再无其他争议。"


def _parties(masked: bool, kind: str = "人民调解") -> list[PartyData]:
    def hide(value: str, mask) -> str:
        return mask(value) if masked else value

    first, second = ("被侵害人", "违法行为人") if kind == "治安调解" else ("申请人", "被申请人")
    return [
        PartyData(role=first, name=APPLICANT, gender="男", ethnic="维吾尔族", birth_date=date(1985, 3, 14),
                  id_number=hide(ID_A, mask_id), phone=hide(PHONE_A, mask_phone),
                  address=hide(ADDRESS_A, mask_address), occupation="农民"),
        PartyData(role=second, name=RESPONDENT, gender="女", ethnic="维吾尔族", age=33,
                  id_number=hide(ID_B, mask_id), phone=hide(PHONE_B, mask_phone),
                  address=hide("伽师县夏普吐勒镇托万克吾斯塘村5组2号", mask_address)),
    ]


def make_case(kind: str = "人民调解", masked: bool = False, **changes) -> CaseData:
    case = CaseData(
        unit_name=UNIT, number=NUMBER, kind=kind, category="邻里", source="当事人申请",
        received_at=datetime(2024, 4, 8, 10, 30), status="调解成功", place="阿亚克吾斯塘村3组",
        summary="双方因院墙排水问题发生争执，申请人被推倒受伤。",
        facts="2024年4月5日，双方因院墙排水沟走向发生争执，被申请人推搡申请人致其摔倒，左臂擦伤，花去医疗费1200元。",
        responsibilities="被申请人推搡他人，负主要责任；申请人言语过激，负次要责任。",
        deadline=date(2024, 5, 8), outcome="调解成功，达成书面协议", agreement_terms=TERMS,
        agreement_amount=Decimal("3500"), performance_way="现金一次性支付",
        performance_place="夏普吐勒派出所调解室", performance_deadline=date(2024, 4, 20), copies=3,
        agreement_date=date(2024, 4, 13), mediating_authority=UNIT if kind == "治安调解" else "",
        host_officer="买合木提·吐尔逊" if kind == "治安调解" else "",
        incident_at=datetime(2024, 4, 5, 21, 30) if kind == "治安调解" else None,
        incident_place="阿亚克吾斯塘村3组申请人家门口" if kind == "治安调解" else "",
        incident_cause="院墙排水沟走向争执" if kind == "治安调解" else "",
        incident_course="双方争吵，被申请人推搡申请人致其摔倒" if kind == "治安调解" else "",
        incident_result="申请人左臂擦伤，花去医疗费1200元" if kind == "治安调解" else "",
        mediators=["买合木提·吐尔逊", "古丽娜尔·艾力"], recorder="王晓燕",
        parties=_parties(masked, kind), body_name=BODY if kind == "人民调解" else "",
        sessions=[
            SessionData(datetime(2024, 4, 10, 15, 0), "夏普吐勒派出所调解室", "双方当事人、调解员二人",
                        "申请人要求赔偿5000元，被申请人只愿赔偿2000元，双方分歧较大。", "未达成一致，约定再次调解"),
            SessionData(datetime(2024, 4, 13, 11, 0), "夏普吐勒派出所调解室", "双方当事人、村委会干部",
                        "经耐心疏导，双方各退一步。", "达成协议，赔偿3500元"),
        ],
        follow_ups=[FollowUpData(date(2024, 4, 25), "已履行", "满意", "无", "古丽娜尔·艾力", "双方关系缓和")],
        masked=masked, printed_on=date(2024, 4, 26),
    )
    return replace(case, **changes)


def _pages(pdf: bytes) -> list[str]:
    assert pdf.startswith(b"%PDF")
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _text(pdf: bytes) -> str:
    return "\n".join(_pages(pdf))


def _flat(text: str) -> str:
    """The text without line breaks and spaces (wrapped paragraphs read back as one line)."""
    return re.sub(r"\s+", "", text)


# --- 调解协议书 -----------------------------------------------------------------------------------------


def test_people_agreement_full_identity_terms_and_amount():
    text = _text(build_agreement(make_case()))
    flat = _flat(text)
    assert "人民调解协议书" in text
    assert NUMBER in text
    for name in (APPLICANT, RESPONDENT):
        assert name in text
    for value in (ID_A, ID_B, PHONE_A, PHONE_B):
        assert value in text  # never broken across lines
    assert ADDRESS_A in flat
    assert "1985年3月14日出生" in flat and "33岁" in flat
    assert "纠纷主要事实、争议事项" in text and "各方责任" in text
    assert "经调解，自愿达成如下协议" in flat
    # the typed numbers are replaced by 一、二、三、, not doubled
    assert "一、被申请人阿依古丽·买买提赔偿申请人努尔买买提·西热甫医疗费、误工费共计3500元。" in flat
    assert "二、双方今后和睦相处" in flat and "三、本协议履行完毕后" in flat
    assert "2、" not in flat and "三、三、" not in flat
    assert "3,500.00" in text and "叁仟伍佰元整" in text
    assert "人民币3,500.00元（大写：叁仟伍佰元整）" in flat
    assert "履行方式、地点、期限" in text and "现金一次性支付" in flat and "2024年4月20日前" in flat
    assert "一式三份" in flat
    assert "2024年4月13日" in text
    assert "当事人签名（盖章）并按指印" in flat
    assert flat.count("指印") >= 4  # heading + one fingerprint box per party (+ effect clause)
    assert "人民调解员签名" in text and "记录人签名" in text
    assert f"调解组织：{BODY}" in flat and UNIT not in flat
    assert "None" not in text


def test_people_agreement_masked_shows_only_masked_identity():
    text = _text(build_agreement(make_case(masked=True)))
    assert mask_id(ID_A) in text and mask_id(ID_B) in text
    assert mask_phone(PHONE_A) in text
    assert ID_A not in text and ID_B not in text and PHONE_A not in text
    assert APPLICANT in text and "叁仟伍佰元整" in text


def test_security_agreement_has_authority_host_and_incident():
    case = make_case("治安调解")
    flat = _flat(_text(build_agreement(case)))
    assert "治安调解协议书" in flat and NUMBER in flat
    assert f"调解机关：{UNIT}" in flat
    assert "主持人：买合木提·吐尔逊" in flat
    assert "发生时间、地点、人员、起因、经过、情节、结果" in flat
    assert "时间：2024年4月5日21时30分" in flat
    assert "地点：阿亚克吾斯塘村3组申请人家门口" in flat
    assert f"人员：{APPLICANT}、{RESPONDENT}" in flat
    assert "起因：院墙排水沟走向争执" in flat
    assert "经过：双方争吵，被申请人推搡申请人致其摔倒" in flat
    assert "结果：申请人左臂擦伤，花去医疗费1200元" in flat
    assert "经调解，双方自愿达成如下协议" in flat
    assert "赔偿金额：人民币3,500.00元（大写：叁仟伍佰元整）" in flat
    assert "一式三份" in flat and "2024年4月13日" in flat
    assert "主持人签名" in flat and "当事人签名并按指印" in flat
    assert ID_A in flat and APPLICANT in flat


def test_empty_fields_print_blanks_not_none():
    case = make_case(agreement_amount=None, performance_way="", performance_deadline=None, agreement_date=None,
                     responsibilities="", parties=[PartyData(role="申请人", name=APPLICANT)])
    text = _text(build_agreement(case))
    assert "None" not in text
    assert "大写" not in text
    assert "____年___月___日" in text
    assert "履行方式：____" in _flat(text)


def test_long_agreement_flows_to_two_pages_with_a_footer_on_each():
    long_facts = "\n".join(["双方因宅基地边界、院墙排水、树木遮挡等问题多次发生争执，村委会多次调处未果。" * 3] * 6)
    terms = "\n".join(f"{i}. 第{i}项约定：被申请人于2024年4月{i + 10}日前支付第{i}期款项并拆除越界部分。"
                      for i in range(1, 13))
    pdf = build_agreement(make_case(facts=long_facts, agreement_terms=terms))
    pages = _pages(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
        assert BODY in page
    # the signature block stays together: both parties' boxes on the page of the heading
    last = _flat(pages[-1])
    assert "当事人签名（盖章）并按指印" in last and APPLICANT in last and RESPONDENT in last
    assert "十二、" in _flat("".join(pages))


def test_numbered_items_and_chinese_numbers():
    assert numbered_items("1.甲\n\n（二）乙\n第三条 丙\n4、4月5日付清") == ["一、甲", "二、乙", "三、丙", "四、4月5日付清"]
    assert numbered_items("1. 2024.4.5前付清", style="arabic") == ["1. 2024.4.5前付清"]
    assert [chinese_number(n) for n in (1, 10, 12, 20, 35)] == ["一", "十", "十二", "二十", "三十五"]


# --- the other case documents ---------------------------------------------------------------------------


def test_acceptance_form():
    text = _text(build_acceptance_form(make_case()))
    flat = _flat(text)
    assert "人民调解受理登记表" in flat and NUMBER in flat
    assert "2024年4月8日10时30分" in flat and "当事人申请" in flat and "邻里" in flat and "人民调解" in flat
    assert APPLICANT in flat and RESPONDENT in flat and ID_A in text and PHONE_B in text
    assert "维吾尔族" in flat and "39" in flat  # age from the birth date at acceptance
    assert "院墙排水问题" in flat
    assert "受理人" in flat and "登记人" in flat and BODY in flat and UNIT not in flat
    assert "None" not in text


def test_session_record_one_and_all():
    case = make_case()
    one = _flat(_text(build_session_record(case, session_index=1)))
    assert "调解记录" in one and "第2次调解" in one and "经耐心疏导" in one and "分歧较大" not in one
    assert f"申请人（{APPLICANT}）签名" in one and "调解员签名" in one and "记录人签名" in one
    pages = _pages(build_session_record(case))
    assert len(pages) == 2  # each session on its own page
    assert "分歧较大" in _flat(pages[0]) and "经耐心疏导" in _flat(pages[1])
    with pytest.raises(IndexError):
        build_session_record(case, session_index=2)


def test_session_record_blank_form_without_sessions():
    text = _text(build_session_record(make_case(sessions=[])))
    assert "调解记录" in text and "None" not in text


def test_follow_up_record():
    flat = _flat(_text(build_follow_up_record(make_case())))
    assert "回访记录" in flat and NUMBER in flat
    assert "2024年4月25日" in flat and "已履行" in flat and "满意" in flat and "古丽娜尔·艾力" in flat
    assert "回访人签名" in flat and "被回访人签名" in flat


def test_case_summary_is_one_page():
    case = make_case(facts="事实经过。" * 300, sessions=make_case().sessions * 5)
    pages = _pages(build_case_summary(case))
    assert len(pages) == 1
    flat = _flat(pages[0])
    for part in ("纠纷案件摘要", "基本事实", "调解经过", "调解结果", "回访情况", NUMBER, APPLICANT, "叁仟伍佰元整"):
        assert part in flat


def test_case_register_landscape_rows_and_overdue_mark():
    rows = [RegisterRow(number=f"（2024）夏派调字第{i:03d}号", received_on=date(2024, 4, 1 + i % 28), kind="人民调解",
                        category="邻里", parties=f"申请人 {APPLICANT}；被申请人 {RESPONDENT}",
                        mediators="古丽娜尔·艾力", status="调解中" if i % 7 else "调解成功",
                        deadline=date(2024, 5, 1), outcome="", overdue=(i == 3))
            for i in range(1, 41)]
    pdf = build_case_register(RegisterData(UNIT, date(2024, 4, 1), date(2024, 4, 30), rows, date(2024, 5, 2)))
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) >= 2
    text = "\n".join(pages)
    assert "纠纷案件登记簿" in pages[0] and "共40件，其中超期1件" in _flat(pages[0])
    for i in range(1, 41):
        assert f"（2024）夏派调字第{i:03d}号" in text
    # "超期" stands in the row of case 003 only (between its number and the next case's number)
    rows_text = text.replace("调解结果\n超期", "")  # the header row repeated on each page
    assert text.count("调解结果\n超期") == len(pages)
    for i in range(1, 40):
        row = rows_text.split(f"第{i:03d}号", 1)[1].split(f"第{i + 1:03d}号", 1)[0]
        assert ("超期" in row) == (i == 3), i
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
        assert "案件编号" in page  # header row repeated


def test_empty_register_still_prints():
    text = _text(build_case_register(RegisterData(UNIT, date(2024, 1, 1), date(2024, 1, 31), [], date(2024, 2, 1))))
    assert "本期间无案件" in text and "共0件" in _flat(text)


def test_fonts_are_embedded():
    reader = PdfReader(io.BytesIO(build_agreement(make_case())))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        obj = ref.get_object()
        if str(obj["/BaseFont"]).endswith("Helvetica"):
            continue
        descendant = obj["/DescendantFonts"][0].get_object() if "/DescendantFonts" in obj else obj
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()


def test_two_party_agreement_fits_one_page():
    assert len(_pages(build_agreement(make_case()))) == 1


def test_many_parties_and_a_guardian_each_get_a_signature_box():
    parties = _parties(masked=False) + [
        PartyData(role="其他当事人", name="买买提江·阿不都热依木", gender="男", ethnic="维吾尔族", age=15),
        PartyData(role="监护人", name="热依拉·阿不都", gender="女", ethnic="维吾尔族", age=40,
                  guardian_of="买买提江·阿不都热依木"),
    ]
    for kind in ("人民调解", "治安调解"):
        pages = _pages(build_agreement(make_case(kind, parties=parties)))
        flat = _flat("".join(pages))
        assert "系买买提江·阿不都热依木的监护人" in flat
        last = _flat(pages[-1])  # the signature block is whole on the last page, with text before it
        for party in parties:
            assert f"{party.role}：{party.name}" in last
        assert last.count("指印") >= len(parties)
        assert "本协议" in last


def test_a_session_record_longer_than_a_page_flows_on():
    record = "\n".join(["申请人陈述：" + "双方因为院墙排水的问题争吵了很多次，" * 12] * 8)
    case = make_case(sessions=[SessionData(datetime(2024, 4, 10, 15, 0), "调解室", "双方当事人", record, "继续调解")])
    pages = _pages(build_session_record(case, 0))
    assert len(pages) >= 2
    flat = _flat("".join(pages))
    assert flat.count("申请人陈述") == 8 and "继续调解" in flat and "记录人签名" in _flat(pages[-1])


def test_every_document_has_its_title_in_text_and_metadata():
    case = make_case()
    register = RegisterData(UNIT, date(2024, 4, 1), date(2024, 4, 30), [], date(2024, 5, 2))
    documents = {
        "人民调解受理登记表": build_acceptance_form(case), "人民调解记录": build_session_record(case),
        "人民调解协议书": build_agreement(case), "治安调解协议书": build_agreement(make_case("治安调解")),
        "人民调解回访记录": build_follow_up_record(case), "纠纷案件摘要": build_case_summary(case),
        "纠纷案件登记簿": build_case_register(register),
    }
    for title, pdf in documents.items():
        reader = PdfReader(io.BytesIO(pdf))
        assert title in reader.pages[0].extract_text().replace(" ", "")
        assert reader.metadata.title == title
        # issued in the 调委会's name; the 治安调解 and the office's working papers in the 派出所's
        assert reader.metadata.author == (BODY if title.startswith("人民调解") else UNIT)
        assert float(reader.pages[0].mediabox.width) == pytest.approx(595.28, abs=0.1) or title == "纠纷案件登记簿"


def test_masked_acceptance_form_and_summary():
    case = make_case(masked=True)
    for pdf in (build_acceptance_form(case), build_case_summary(case)):
        text = _text(pdf)
        assert mask_id(ID_A) in text and ID_A not in text and PHONE_A not in text
