"""The certificates (DESIGN.md §4): 聘书 and 荣誉证书 (A4 landscape), 志愿服务证明 (A4 portrait), 义警证
(85.6 × 54 mm cards, eight to an A4 sheet with cut marks), and the 公示 list of certificates issued.

Plain data in, PDF bytes out. The wording arrives already filled in (`paragraphs`); dates are written
here in Chinese numerals with 〇. Every document is drawn with `invariant=1`, so the same data gives the
same bytes: a reprint of an unchanged certificate has the SHA-256 recorded when it was issued.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from ..domain.dates import format_date, format_date_chinese_numerals
from ..domain.vocabulary import APPOINTMENT, CARD, CERTIFICATE_TYPES, HONOUR, SERVICE_PROOF
from .certificate_layout import (
    BORDER_STYLES,
    GREY,
    INK,
    RED,
    border_colour,
    draw_border,
    draw_photo,
    draw_placeholder_box,
    draw_qr,
    draw_seal,
    draw_spaced_centred,
    escape,
    fit_size,
)
from .fonts import HEI, KAI, SONG, font

ID_TYPE = "居民身份证"
CREATOR = "义警服务队管理系统"
PREVIEW_SERIAL = "（签发时生成）"
VOID_MARK = "已作废"
FREE_NOTE = "本证明免费出具。服务时长依据本单位登记的值班、活动和培训记录核计，涂改无效。"

CARD_W, CARD_H = 85.6 * mm, 54 * mm
CARDS_PER_SHEET = 8
_SHEET_COLUMNS, _SHEET_ROWS = 2, 4
_CARD_GAP_X, _CARD_GAP_Y = 12 * mm, 10 * mm
_CUT_MARK, _CUT_OFFSET = 3.5 * mm, 1.5 * mm
_CARD_BAND = colors.HexColor("#1F3A68")

# the titles printed on the certificates, in Chinese whatever the language of the screen
_TITLES = {APPOINTMENT: "聘书", HONOUR: "荣誉证书", SERVICE_PROOF: "志愿服务证明", CARD: "义警证"}


@dataclass(frozen=True)
class ServiceLine:
    label: str  # 巡逻执勤, 送证上门, 业务培训 …
    count: int
    hours: str  # already written out: "120", "12.5"


@dataclass(frozen=True)
class CertificateData:
    type: str  # one of CERTIFICATE_TYPES
    name: str
    unit_name: str
    issued_on: date
    serial: str = ""  # "" in a preview, before a number is given
    verification_code: str = ""
    qr_payload: str = ""  # what the QR code holds (the code and the serial)
    paragraphs: tuple[str, ...] = ()  # the template's wording, filled in; 义警证: the card's header line
    title: str = ""
    team: str = ""
    period_from: date | None = None
    period_to: date | None = None  # 聘期 / 有效期 / service period
    hours: str = ""  # 志愿服务证明: total hours, written out
    service_lines: tuple[ServiceLine, ...] = ()
    leader_name: str = ""  # 负责人
    handler_name: str = ""  # 经办人
    contact_phone: str = ""
    border_style: str = "classic"
    seal_png: bytes | None = None  # transparent PNG, drawn over the unit's name
    photo: bytes | None = None  # 义警证
    voided: bool = False  # drawn with a large 已作废 across it (for looking at, never for handing out)


@dataclass(frozen=True)
class PublicityRow:
    serial: str
    type: str
    name: str
    team: str
    title: str  # 荣誉称号, or what the certificate is for
    reason: str
    issued_on: date


@dataclass(frozen=True)
class PublicityData:
    unit_name: str
    date_from: date
    date_to: date
    posted_on: date  # first day of the posting; it runs seven days
    rows: Sequence[PublicityRow]
    contact_phone: str = ""
    address: str = ""

    @property
    def posted_until(self) -> date:
        return self.posted_on + timedelta(days=6)


def build_certificate_pdf(data: CertificateData) -> bytes:
    """One certificate; a 义警证 comes on an A4 sheet in the first card position, with its cut marks."""
    return build_certificates_pdf([data])


def build_certificates_pdf(items: Sequence[CertificateData]) -> bytes:
    """Several certificates in one file, one page each; 义警证 cards eight to a sheet, in order."""
    if not items:
        raise ValueError("no certificate to draw")
    unknown = {item.type for item in items} - set(CERTIFICATE_TYPES)
    if unknown:
        raise ValueError(f"unknown certificate type: {', '.join(sorted(unknown))}")
    buffer = io.BytesIO()
    first = items[0]
    page = A4 if first.type in (SERVICE_PROOF, CARD) else landscape(A4)
    canvas = Canvas(buffer, pagesize=page, invariant=1, pageCompression=1)
    if len(items) == 1:
        canvas.setTitle(f"{_TITLES[first.type]} {first.serial or '预览'}")
    else:
        canvas.setTitle(f"{_TITLES[first.type]}（{len(items)}份）")
    canvas.setAuthor(first.unit_name)
    canvas.setCreator(CREATOR)
    canvas.setSubject(_TITLES[first.type])
    cards: list[CertificateData] = []
    for item in items:
        if item.type == CARD:
            cards.append(item)
            continue
        if cards:
            _draw_card_sheets(canvas, cards)
            cards = []
        if item.type == SERVICE_PROOF:
            canvas.setPageSize(A4)
            _draw_service_proof(canvas, item)
            _draw_void_mark(canvas, item, 0, 0, *A4)
        else:
            canvas.setPageSize(landscape(A4))
            _draw_landscape(canvas, item)
            _draw_void_mark(canvas, item, 0, 0, *landscape(A4))
        canvas.showPage()
    if cards:
        _draw_card_sheets(canvas, cards)
    canvas.save()
    return buffer.getvalue()


def build_card_sheet_pdf(cards: Sequence[CertificateData]) -> bytes:
    """义警证 cards, eight to an A4 sheet (2 × 4) with cut marks."""
    return build_certificates_pdf(cards)


def _draw_void_mark(canvas: Canvas, data: CertificateData, x: float, y: float, w: float, h: float) -> None:
    if not data.voided:
        return
    canvas.saveState()
    canvas.setFillColor(RED)
    canvas.setFillAlpha(0.35)
    canvas.translate(x + w / 2, y + h / 2)
    canvas.rotate(30)
    size = min(w, h) / 3.2
    canvas.setFont(font(HEI), size)
    canvas.drawCentredString(0, -size / 3, VOID_MARK)
    canvas.restoreState()


# --- 聘书, 荣誉证书 (A4 landscape) -------------------------------------------------------------------


def _body_style(size: float, indent: bool) -> ParagraphStyle:
    return ParagraphStyle("body", fontName=font(KAI), fontSize=size, leading=size * 1.85, wordWrap="CJK",
                          alignment=TA_JUSTIFY, firstLineIndent=2 * size if indent else 0)


def _paragraph_markup(text: str, name: str) -> str:
    """The text escaped, the member's name underlined where it first appears."""
    if name and name in text:
        before, _, after = text.partition(name)
        return f"{escape(before)}<u>{escape(name)}</u>{escape(after)}"
    return escape(text)


def _layout_paragraphs(paragraphs: Sequence[str], name: str, width: float, size: float) -> tuple[list, float]:
    flow = []
    total = 0.0
    for text in paragraphs:
        salutation = text.rstrip().endswith(("：", ":"))
        para = Paragraph(_paragraph_markup(text, name), _body_style(size, indent=not salutation))
        _w, h = para.wrap(width, 10_000)
        flow.append((para, h))
        total += h
    return flow, total


def _draw_landscape(canvas: Canvas, data: CertificateData) -> None:
    width, height = landscape(A4)
    style = data.border_style if data.border_style in BORDER_STYLES else "classic"
    draw_border(canvas, style, width, height)
    kai = font(KAI)
    title_colour = RED if style == "red" else border_colour(style)

    canvas.setFillColor(title_colour)
    title = _TITLES[data.type]
    title_size = 54 if len(title) <= 2 else 46
    spacing = title_size * (0.9 if len(title) <= 2 else 0.35)
    title_y = height - 52 * mm
    draw_spaced_centred(canvas, title, width / 2, title_y, kai, title_size, spacing)

    # The body between the title and the signature block, a little above the middle of that room.
    left, right = 42 * mm, width - 42 * mm
    room_top, room_bottom = title_y - 14 * mm, 64 * mm
    size = 26.0
    flow, total = _layout_paragraphs(data.paragraphs, data.name, right - left, size)
    while total > room_top - room_bottom and size > 14:
        size -= 1
        flow, total = _layout_paragraphs(data.paragraphs, data.name, right - left, size)
    top = room_top - max(0.0, (room_top - room_bottom - total) * 0.3)
    canvas.setFillColor(INK)
    for para, h in flow:
        top -= h
        para.drawOn(canvas, left, top)

    # Unit and date at the lower right, the seal over the unit's name.
    centre_x = width - 88 * mm
    unit_size = fit_size(data.unit_name, kai, 20, 110 * mm)
    canvas.setFont(kai, unit_size)
    canvas.drawCentredString(centre_x, 50 * mm, data.unit_name)
    canvas.setFont(kai, 18)
    canvas.drawCentredString(centre_x, 38 * mm, format_date_chinese_numerals(data.issued_on))
    draw_seal(canvas, data.seal_png, centre_x, 50 * mm + unit_size * 0.35, 40 * mm)

    _draw_code_block(canvas, data, 36 * mm, 24 * mm, 20 * mm, kai)


def _draw_code_block(canvas: Canvas, data: CertificateData, x: float, y: float, qr: float,
                     font_name: str) -> None:
    """QR code with the serial and the verification code beside it, at the lower left."""
    if data.verification_code:
        draw_qr(canvas, data.qr_payload or data.verification_code, x, y, qr)
    else:
        draw_placeholder_box(canvas, x, y, qr, qr, "签发后\n生成", font_name, 7)
    canvas.setFillColor(INK)
    canvas.setFont(font_name, 10.5)
    canvas.drawString(x + qr + 3 * mm, y + qr - 5 * mm, f"编号：{data.serial or PREVIEW_SERIAL}")
    canvas.drawString(x + qr + 3 * mm, y + qr - 11 * mm, f"验证码：{data.verification_code or PREVIEW_SERIAL}")


# --- 志愿服务证明 (A4 portrait) ----------------------------------------------------------------------


def _draw_service_proof(canvas: Canvas, data: CertificateData) -> None:
    width, height = A4
    style = data.border_style if data.border_style in BORDER_STYLES else "simple"
    draw_border(canvas, style, width, height)
    kai, song = font(KAI), font(SONG)
    # Inside the border's corner ornaments (they reach 31 mm in from the page edges).
    left, right = 32 * mm, width - 32 * mm

    canvas.setFillColor(RED if style == "red" else INK)
    draw_spaced_centred(canvas, _TITLES[SERVICE_PROOF], width / 2, height - 42 * mm, kai, 30, 6)
    canvas.setFillColor(INK)
    canvas.setFont(song, 11)
    canvas.drawRightString(right, height - 54 * mm, f"编号：{data.serial or PREVIEW_SERIAL}")

    size = 14.0
    body_top = height - 62 * mm
    flow, total = _proof_paragraphs(data, right - left, size)
    lines = len(data.service_lines)
    row_h = 7 * mm
    # Title, number, body, signature block (45 mm), table, footer (40 mm): shrink what must shrink.
    while size > 10 and total + (lines + 2) * row_h + 45 * mm + 12 * mm > body_top - 48 * mm:
        if row_h > 5.2 * mm:
            row_h -= 0.4 * mm
        else:
            size -= 0.5
            flow, total = _proof_paragraphs(data, right - left, size)
    y = body_top
    for para, h in flow:
        y -= h
        para.drawOn(canvas, left, y)

    # Signature block: labels right-aligned on one colon line, values after it.
    y -= 12 * mm
    rows = [("出具单位（盖章）：", data.unit_name), ("负责人：", data.leader_name), ("经办人：", data.handler_name),
            ("联系电话：", data.contact_phone), ("出具日期：", format_date_chinese_numerals(data.issued_on))]
    # The block sits at the right, as wide as its longest value (within reason).
    value_width = max(stringWidth(value, song, 12.5) for _label, value in rows)
    colon_x = right - min(max(value_width, 50 * mm), 100 * mm)
    unit_y = y
    for label, value in rows:
        canvas.setFont(song, 12.5)
        canvas.drawRightString(colon_x, y, label)
        canvas.setFont(song, fit_size(value, song, 12.5, right - colon_x))
        canvas.drawString(colon_x, y, value)
        y -= 8.5 * mm
    unit_width = stringWidth(data.unit_name, song, fit_size(data.unit_name, song, 12.5, right - colon_x))
    draw_seal(canvas, data.seal_png, colon_x + min(unit_width, right - colon_x) / 2, unit_y + 2 * mm, 40 * mm)

    if data.service_lines:
        y -= 4 * mm
        _draw_service_table(canvas, data, left, right, y, row_h)

    # Footer: the code block and the free-of-charge note.
    canvas.setFillColor(INK)
    _draw_code_block(canvas, data, left, 26 * mm, 18 * mm, song)
    canvas.setFont(song, 9)
    canvas.setFillColor(GREY)
    note_size = fit_size(FREE_NOTE, song, 9, right - left)
    canvas.setFont(song, note_size)
    canvas.drawString(left, 20 * mm, FREE_NOTE)


def _proof_paragraphs(data: CertificateData, width: float, size: float) -> tuple[list, float]:
    flow, total = [], 0.0
    for text in data.paragraphs:
        salutation = text.rstrip().endswith(("：", ":"))
        style = ParagraphStyle("proof", fontName=font(SONG), fontSize=size, leading=size * 1.9,
                               wordWrap="CJK", alignment=TA_JUSTIFY,
                               firstLineIndent=0 if salutation else 2 * size)
        para = Paragraph(escape(text), style)
        _w, h = para.wrap(width, 10_000)
        flow.append((para, h))
        total += h
    return flow, total


def _draw_service_table(canvas: Canvas, data: CertificateData, left: float, right: float, top: float,
                        row_h: float) -> None:
    song, hei = font(SONG), font(HEI)
    canvas.setFillColor(INK)
    canvas.setFont(hei, 11)
    canvas.drawString(left, top - 5 * mm, "附：服务记录明细（依据本单位登记的记录统计）")
    top -= 8 * mm
    columns = [left, left + (right - left) * 0.55, left + (right - left) * 0.75, right]
    rows = [("服务项目", "次数", "时长（小时）")]
    rows += [(line.label, str(line.count), line.hours) for line in data.service_lines]
    rows.append(("合计", str(sum(line.count for line in data.service_lines)), data.hours))
    canvas.setStrokeColor(colors.HexColor("#555555"))
    canvas.setLineWidth(0.5)
    bottom = top - row_h * len(rows)
    for index in range(len(rows) + 1):
        canvas.line(left, top - index * row_h, right, top - index * row_h)
    for x in columns:
        canvas.line(x, top, x, bottom)
    text_size = min(11.0, row_h / mm * 1.5)
    for index, row in enumerate(rows):
        baseline = top - (index + 1) * row_h + row_h / 2 - text_size * 0.35
        canvas.setFont(hei if index in (0, len(rows) - 1) else song, text_size)
        for column, text in enumerate(row):
            canvas.drawCentredString((columns[column] + columns[column + 1]) / 2, baseline, text)


# --- 义警证 (cards) ---------------------------------------------------------------------------------


def _sheet_origins() -> list[tuple[float, float]]:
    """Lower-left corners of the eight card positions, row by row from the top."""
    width, height = A4
    block_w = _SHEET_COLUMNS * CARD_W + (_SHEET_COLUMNS - 1) * _CARD_GAP_X
    block_h = _SHEET_ROWS * CARD_H + (_SHEET_ROWS - 1) * _CARD_GAP_Y
    x0, top = (width - block_w) / 2, (height + block_h) / 2
    return [(x0 + column * (CARD_W + _CARD_GAP_X), top - (row + 1) * CARD_H - row * _CARD_GAP_Y)
            for row in range(_SHEET_ROWS) for column in range(_SHEET_COLUMNS)]


def _draw_card_sheets(canvas: Canvas, cards: Sequence[CertificateData]) -> None:
    origins = _sheet_origins()
    sheets = (len(cards) + CARDS_PER_SHEET - 1) // CARDS_PER_SHEET
    width, height = A4
    for sheet in range(sheets):
        canvas.setPageSize(A4)
        chunk = cards[sheet * CARDS_PER_SHEET:(sheet + 1) * CARDS_PER_SHEET]
        canvas.setFont(font(HEI), 8)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(width / 2, height - 12 * mm,
                                 f"义警证  第{sheet + 1}/{sheets}页  本页{len(chunk)}张  请沿裁切线裁下")
        for card, (x, y) in zip(chunk, origins, strict=False):
            _draw_card(canvas, card, x, y)
            _draw_void_mark(canvas, card, x, y, CARD_W, CARD_H)
            _cut_marks(canvas, x, y)
        canvas.showPage()


def _cut_marks(canvas: Canvas, x: float, y: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.3)
    for cx, sx in ((x, -1), (x + CARD_W, 1)):
        for cy, sy in ((y, -1), (y + CARD_H, 1)):
            canvas.line(cx + sx * _CUT_OFFSET, cy, cx + sx * (_CUT_OFFSET + _CUT_MARK), cy)
            canvas.line(cx, cy + sy * _CUT_OFFSET, cx, cy + sy * (_CUT_OFFSET + _CUT_MARK))
    canvas.restoreState()


def _draw_card(canvas: Canvas, data: CertificateData, x: float, y: float) -> None:
    kai, hei = font(KAI), font(HEI)
    canvas.saveState()
    # The band runs to the cut line; a thin outline helps the eye, the cut marks decide the cut.
    band = 13 * mm
    canvas.setFillColor(_CARD_BAND)
    canvas.rect(x, y + CARD_H - band, CARD_W, band, stroke=0, fill=1)
    canvas.setStrokeColor(colors.HexColor("#BBBBBB"))
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, CARD_W, CARD_H, stroke=1, fill=0)
    header = data.paragraphs[0] if data.paragraphs and data.paragraphs[0].strip() else data.unit_name
    canvas.setFillColor(colors.white)
    canvas.setFont(hei, fit_size(header, hei, 7, CARD_W - 8 * mm))
    canvas.drawCentredString(x + CARD_W / 2, y + CARD_H - 4.6 * mm, header)
    draw_spaced_centred(canvas, _TITLES[CARD], x + CARD_W / 2, y + CARD_H - 10.8 * mm, kai, 13, 6)

    photo_x, photo_y, photo_w, photo_h = x + 4 * mm, y + 6 * mm, 20 * mm, 27 * mm
    draw_photo(canvas, data.photo, photo_x, photo_y, photo_w, photo_h, hei)

    fx = photo_x + photo_w + 4 * mm
    canvas.setFillColor(INK)
    field_right = x + CARD_W - 4 * mm
    lines = [("姓名：", data.name, 10), ("队伍：", data.team, 7.5)]
    ty = y + CARD_H - band - 7 * mm
    for label, value, size in lines:
        canvas.setFont(hei, 7)
        canvas.drawString(fx, ty, label)
        lw = stringWidth(label, hei, 7)
        canvas.setFont(kai if size > 8 else hei, fit_size(value, kai if size > 8 else hei, size,
                                                          field_right - fx - lw))
        canvas.drawString(fx + lw, ty, value)
        ty -= 6 * mm
    qr = 14 * mm
    qr_x, qr_y = x + CARD_W - 4 * mm - qr, y + 5 * mm
    small = [("编号：", data.serial or PREVIEW_SERIAL),
             ("有效期至：", format_date_chinese_numerals(data.period_to) if data.period_to else "长期")]
    ty = y + 12 * mm
    for label, value in small:
        text = label + value
        canvas.setFont(hei, fit_size(text, hei, 6.5, qr_x - fx - 1.5 * mm))
        canvas.drawString(fx, ty, text)
        ty -= 5 * mm
    if data.verification_code:
        draw_qr(canvas, data.qr_payload or data.verification_code, qr_x, qr_y, qr)
        canvas.setFont(hei, 5)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(qr_x + qr / 2, qr_y - 2.6 * mm, data.verification_code)
    else:
        draw_placeholder_box(canvas, qr_x, qr_y, qr, qr, "签发后\n生成", hei, 5)
    # As on an ID card, the seal overlaps the photo's lower right corner.
    draw_seal(canvas, data.seal_png, photo_x + photo_w - 2 * mm, photo_y + 6 * mm, 15 * mm)
    canvas.restoreState()


# --- 公示 ------------------------------------------------------------------------------------------


PUBLICITY_TITLE = "义警证书颁发公示"
PUBLICITY_COLUMNS = ("序号", "证书编号", "证书类型", "姓名", "所在队伍", "称号/事由", "签发日期")


def build_publicity_pdf(data: PublicityData) -> bytes:
    """The list of certificates issued in a period, for the seven-day posting."""
    hei, song = font(HEI), font(SONG)
    buffer = io.BytesIO()
    margin = 18 * mm
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=20 * mm,
                            bottomMargin=20 * mm, title=PUBLICITY_TITLE, author=data.unit_name,
                            subject=PUBLICITY_TITLE, creator=CREATOR, invariant=1)
    heading = ParagraphStyle("h", fontName=font(KAI), fontSize=22, leading=30, alignment=TA_CENTER)
    sub = ParagraphStyle("s", fontName=song, fontSize=13, leading=20, alignment=TA_CENTER)
    body = ParagraphStyle("b", fontName=song, fontSize=12, leading=21, wordWrap="CJK", firstLineIndent=24,
                          alignment=TA_JUSTIFY)
    cell = ParagraphStyle("c", fontName=song, fontSize=9, leading=12, wordWrap="CJK")
    cell_c = ParagraphStyle("cc", parent=cell, alignment=TA_CENTER)
    sign = ParagraphStyle("r", fontName=song, fontSize=12, leading=21, alignment=2)

    period = f"{format_date(data.date_from)}至{format_date(data.date_to)}"
    story: list = [
        Paragraph(escape(data.unit_name), sub),
        Paragraph(PUBLICITY_TITLE, heading),
        Spacer(1, 5 * mm),
        Paragraph(escape(f"{period}，{data.unit_name}向以下义警队员颁发证书共{len(data.rows)}份，现予公示。"),
                  body),
        Paragraph(escape(f"公示期七天：自{format_date(data.posted_on)}至{format_date(data.posted_until)}。"), body),
    ]
    contact = f"联系电话：{data.contact_phone}。" if data.contact_phone else ""
    where = f"地址：{data.address}。" if data.address else ""
    story.append(Paragraph(escape(f"公示期间，如对公示对象有异议，请以书面或电话形式向{data.unit_name}反映。"
                                  f"{contact}{where}"), body))
    story.append(Spacer(1, 4 * mm))

    # Serial and date on one line each; what is left goes to 称号/事由.
    serial_w = max([stringWidth(r.serial, song, 9) for r in data.rows] + [20 * mm]) + 12
    date_w = stringWidth("2024年12月31日", song, 9) + 12
    type_w = max(stringWidth(t, song, 9) for t in CERTIFICATE_TYPES) + 12
    widths = [9 * mm, serial_w, type_w, 22 * mm, 24 * mm, 0.0, date_w]
    widths[5] = max(24 * mm, A4[0] - 2 * margin - sum(widths))
    rows: list[list] = [list(PUBLICITY_COLUMNS)]
    for number, row in enumerate(data.rows, start=1):
        what = "；".join(part for part in (row.title, row.reason) if part)
        rows.append([str(number), Paragraph(escape(row.serial), cell), Paragraph(escape(row.type), cell_c),
                     Paragraph(escape(row.name), cell_c), Paragraph(escape(row.team), cell),
                     Paragraph(escape(what), cell), Paragraph(escape(format_date(row.issued_on)), cell_c)])
    if not data.rows:
        rows.append(["", "本期间没有颁发证书", "", "", "", "", ""])
    table = LongTable(rows, colWidths=widths, repeatRows=1, style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), song),
        ("FONTNAME", (0, 0), (-1, 0), hei),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EFEFEF")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    story += [table, Spacer(1, 10 * mm), Paragraph(escape(data.unit_name), sign),
              Paragraph(escape(format_date(data.posted_on)), sign)]

    def footer(canvas: Canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(hei, 8.5)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(A4[0] / 2, 11 * mm, f"第 {canvas.getPageNumber()} 页")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
