"""The certificate documents from plain data: text read back, page sizes, fonts, cards, QR, seal, 公示."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from desktop_app.documents.certificate_layout import BORDER_STYLES, qr_modules
from desktop_app.documents.certificates import (
    CARDS_PER_SHEET,
    FREE_NOTE,
    PREVIEW_SERIAL,
    CertificateData,
    PublicityData,
    PublicityRow,
    ServiceLine,
    build_card_sheet_pdf,
    build_certificate_pdf,
    build_certificates_pdf,
    build_publicity_pdf,
)

UNIT = "伽师县公安局夏普吐勒派出所"
ISSUED = date(2024, 4, 13)
CARD_SERIAL = re.compile(r"夏派义证〔2024〕第\d{4}号")


def text_of(pdf: bytes) -> str:
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def png(mode: str = "RGBA", shade: int = 0) -> bytes:
    image = Image.new(mode, (120, 160), (0, 0, 0, 0) if mode == "RGBA" else (120, 160, 210 - shade))
    fill = (200, 20, 30, 220) if mode == "RGBA" else (230, 200, 170)
    ImageDraw.Draw(image).ellipse((10, 10, 110, 110), fill=fill)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def base(cert_type: str, **changes) -> CertificateData:
    data = CertificateData(type=cert_type, name="努尔买买提·西热甫", unit_name=UNIT, issued_on=ISSUED,
                           serial="夏派义聘〔2024〕第0012号", verification_code="K7MP3QXA",
                           qr_payload="验证码:K7MP3QXA 编号:夏派义聘〔2024〕第0012号")
    return replace(data, **changes)


def appointment(**changes) -> CertificateData:
    return base("聘书", **{"paragraphs": (f"兹聘请努尔买买提·西热甫同志为{UNIT}义警队队员。",
                                          "聘期自二〇二四年四月十三日起至二〇二七年四月十二日止。", "此聘"),
                           "border_style": "red", **changes})


def honour(**changes) -> CertificateData:
    return base("荣誉证书", **{"name": "王小明", "title": "优秀义警",
                              "paragraphs": ("王小明同志：", "在2024年度护学岗工作中表现突出，被评为“优秀义警”。",
                                             "特发此证，以资鼓励。"), **changes})


def proof(**changes) -> CertificateData:
    lines = (ServiceLine("巡逻执勤", 30, "120"), ServiceLine("护学岗执勤", 20, "40"), ServiceLine("业务培训", 1, "8"))
    paragraphs = ("兹证明努尔买买提·西热甫同志（居民身份证：653129********0319）于二〇二四年一月一日至"
                  f"二〇二四年三月三十一日期间，在{UNIT}义警队参加志愿服务，累计志愿服务时长168小时。",
                  "服务内容：巡逻执勤120小时、护学岗执勤40小时、业务培训8小时。", "特此证明。")
    return base("志愿服务证明", **{"serial": "夏派义服〔2024〕第0003号", "hours": "168", "service_lines": lines,
                                 "paragraphs": paragraphs, "leader_name": "吾斯曼·肉孜", "handler_name": "李娜",
                                 "contact_phone": "0998-6751424", "border_style": "simple", **changes})


def card(n: int = 1, **changes) -> CertificateData:
    return base("义警证", **{"name": f"队员{n}", "team": "夏普吐勒义警一中队",
                            "serial": f"夏派义证〔2024〕第{n:04d}号", "period_from": ISSUED,
                            "period_to": date(2027, 4, 12), "paragraphs": (UNIT,), **changes})


def test_appointment_letter_reads_back():
    pdf = build_certificate_pdf(appointment())
    text = text_of(pdf)
    assert text.startswith("聘书")
    for expected in ("兹聘请努尔买买提·西热甫同志为伽师县公安局夏普吐勒派出所义警队队员",
                     "聘期自二〇二四年四月十三日起至二〇二七年四月十二日止", "此聘", UNIT, "二〇二四年四月十三日",
                     "编号：夏派义聘〔2024〕第0012号", "验证码：K7MP3QXA"):
        assert expected in text, expected
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)


def test_honour_certificate_reads_back():
    text = text_of(build_certificate_pdf(honour()))
    for expected in ("荣誉证书", "王小明同志：", "在2024年度护学岗工作中表现突出，被评为“优秀义警”", "特发此证，以资鼓励",
                     UNIT, "二〇二四年四月十三日"):
        assert expected in text, expected


def test_service_proof_reads_back():
    pdf = build_certificate_pdf(proof())
    text = text_of(pdf)
    for expected in ("志愿服务证明", "编号：夏派义服〔2024〕第0003号", "居民身份证：653129********0319",
                     "累计志愿服务时长168小时", "出具单位（盖章）：" + UNIT, "负责人：吾斯曼·肉孜", "经办人：李娜",
                     "联系电话：0998-6751424", "出具日期：二〇二四年四月十三日", "服务项目", "巡逻执勤30120",
                     "合计51168", FREE_NOTE.split("。")[0]):
        assert expected in text, expected
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_long_service_content_stays_on_one_page():
    kinds = ["巡逻执勤", "护学岗执勤", "交通劝导执勤", "警务站值守", "救援待命", "其他值班", "巡逻防控", "隐患报告",
             "可疑线索报告", "协助抓获", "交通劝导", "救援", "寻人寻物", "送证上门", "普法宣传", "参与调解", "其他服务",
             "业务培训"]
    lines = tuple(ServiceLine(kind, 12, "36") for kind in kinds)
    long = proof(service_lines=lines, paragraphs=proof().paragraphs[:1] + ("服务内容：" + "、".join(
        f"{kind}36小时" for kind in kinds) + "。", "特此证明。"))
    reader = PdfReader(io.BytesIO(build_certificate_pdf(long)))
    assert len(reader.pages) == 1
    text = text_of(build_certificate_pdf(long))
    assert "业务培训1236" in text and FREE_NOTE.split("。")[0] in text


def test_cards_eight_to_a_sheet_with_cut_marks():
    cards = [card(n, photo=png("RGB", shade=n) if n % 2 else None) for n in range(1, 12)]
    pdf = build_card_sheet_pdf(cards)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    per_page = ["".join((page.extract_text() or "").split()) for page in reader.pages]
    assert [len(CARD_SERIAL.findall(text)) for text in per_page] == [CARDS_PER_SHEET, 3]
    assert per_page[0].count("义警证") >= CARDS_PER_SHEET
    assert "有效期至：二〇二七年四月十二日" in per_page[0] and "夏普吐勒义警一中队" in per_page[0]
    assert "照片" in per_page[0]  # the members without a photo get a box
    assert len(reader.pages[0].images) == 4  # the photos of cards 1, 3, 5, 7
    # Four cut marks (two lines each) at every card's corners.
    content = reader.pages[0].get_contents().get_data().decode("latin-1")
    assert content.count(" l") >= CARDS_PER_SHEET * 8


def test_single_card_on_a_sheet():
    text = text_of(build_certificate_pdf(card(7)))
    assert "队员7" in text and "夏派义证〔2024〕第0007号" in text and "K7MP3QXA" in text


def test_same_data_same_bytes():
    for data in (appointment(), honour(), proof(), card()):
        assert build_certificate_pdf(data) == build_certificate_pdf(data)
    assert build_certificate_pdf(honour()) != build_certificate_pdf(honour(name="王小红"))


def test_fonts_embedded():
    pdf = build_certificates_pdf([proof()])
    reader = PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = []
    for ref in fonts.values():
        font = ref.get_object()
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
        if descriptor is not None:
            embedded.append("/FontFile2" in descriptor.get_object())
    assert embedded and all(embedded)


@pytest.mark.parametrize("style", [*BORDER_STYLES, "unknown"])
def test_border_styles(style):
    for data in (appointment(border_style=style), proof(border_style=style)):
        assert "努尔买买提·西热甫" in text_of(build_certificate_pdf(data))


def test_seal_drawn_with_transparency():
    plain = build_certificate_pdf(honour())
    sealed = build_certificate_pdf(honour(seal_png=png()))
    assert len(PdfReader(io.BytesIO(plain)).pages[0].images) == 0
    assert len(PdfReader(io.BytesIO(sealed)).pages[0].images) == 1
    assert b"/SMask" in sealed and b"/ca .85" in sealed
    assert UNIT in text_of(sealed)  # the seal does not hide the unit's name from the text


def test_preview_without_number():
    text = text_of(build_certificate_pdf(honour(serial="", verification_code="", qr_payload="")))
    assert f"编号：{PREVIEW_SERIAL}" in text and "签发后生成" in text


def test_one_file_mixes_pages_and_sheets():
    pdf = build_certificates_pdf([honour(), appointment(), proof(), card(1), card(2)])
    reader = PdfReader(io.BytesIO(pdf))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert sizes == [(842, 595), (842, 595), (595, 842), (595, 842)]
    with pytest.raises(ValueError):
        build_certificates_pdf([])
    with pytest.raises(ValueError):
        build_certificate_pdf(base("奖状"))


def test_qr_code_matrix():
    modules = qr_modules("验证码:K7MP3QXA 编号:夏派义聘〔2024〕第0012号")
    size = len(modules)
    assert size >= 21 and (size - 21) % 4 == 0 and all(len(row) == size for row in modules)
    assert modules[0][:7] == (True,) * 7  # a finder pattern in the corner


def test_long_wording_shrinks_to_fit():
    words = "在" + "社区巡逻、护学岗值守、交通劝导和矛盾纠纷调解" * 8 + "中表现突出，被评为“优秀义警”。"
    pdf = build_certificate_pdf(honour(paragraphs=("王小明同志：", words, "特发此证，以资鼓励。")))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "特发此证，以资鼓励" in text_of(pdf)


def test_publicity_list():
    rows = [PublicityRow(f"夏派义荣〔2024〕第{n:04d}号", "荣誉证书", f"队员{n}", "夏普吐勒义警一中队", "优秀义警",
                         "2024年度巡逻防控工作", ISSUED) for n in range(1, 41)]
    data = PublicityData(UNIT, date(2024, 4, 1), date(2024, 4, 30), date(2024, 5, 6), rows, "0998-6751424")
    pdf = build_publicity_pdf(data)
    text = text_of(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2
    for expected in ("义警证书颁发公示", "2024年4月1日至2024年4月30日", "向以下义警队员颁发证书共40份",
                     "公示期七天：自2024年5月6日至2024年5月12日", "联系电话：0998-6751424",
                     "夏派义荣〔2024〕第0001号", "夏派义荣〔2024〕第0040号", "队员40"):
        assert expected in text, expected
    empty = text_of(build_publicity_pdf(PublicityData(UNIT, date(2024, 4, 1), date(2024, 4, 30), ISSUED, [])))
    assert "本期间没有颁发证书" in empty


def test_void_mark():
    assert "已作废" not in text_of(build_certificate_pdf(honour()))
    for data in (honour(voided=True), proof(voided=True), card(voided=True)):
        assert "已作废" in text_of(build_certificate_pdf(data))
