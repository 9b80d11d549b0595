"""The self-test's checks, in the order they run. Each writes through the same services the window uses
and reads its result back (for the dispute cases: every document of a 人民调解 and a 治安调解 case, and each
case's 卷宗 page by page); a later feature (the 工作简报 report) adds a function here with `@check("…")`
that writes its document into `ctx.out_dir` and checks it with `readback`."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from pathlib import Path
from types import TracebackType

from .. import config
from .missing import EarlierCheckFailed, Missing, ReadBackFailed
from .readback import dark_share_of_first_page, ensure_qt_application, expect_pdf, expect_xlsx, squeezed_pages
from .runner import SelfTestContext, check
from .sample_data import (
    AMOUNT_WORDS,
    APPLICANT,
    BODY,
    HONOUR_TITLE,
    HOST,
    MEMBERS,
    OFFENCE,
    OFFENDER,
    POST,
    SELF_TEST_USER,
    TEAM,
    UNIT,
    VICTIM,
    WITNESS,
    SampleOffice,
    build_sample_office,
    issue_sample_certificates,
)

# Imported only when a document is made, so an import at start-up does not reveal them missing.
LAZY_MODULES = (
    "reportlab.graphics.barcode.qr",
    "reportlab.graphics.barcode.qrencoder",
    "reportlab.pdfbase.ttfonts",
    "openpyxl",
    "PySide6.QtPdf",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "sqlite3",
    "Cryptodome.Cipher._mode_cbc",  # py7zr's AES, on the first encrypted backup
)
SAMPLE_NAME = MEMBERS[0][0]
MIN_QR_MODULES = 21  # a version 1 QR code is 21 × 21


def _sample(ctx: SelfTestContext) -> SampleOffice:
    sample = ctx.made.get("sample")
    if sample is None:
        raise EarlierCheckFailed("示例数据未能建立（见上面的失败项）")
    return sample


@check("程序模块")
def modules(ctx: SelfTestContext) -> str:
    import desktop_app

    names = [info.name for info in pkgutil.walk_packages(desktop_app.__path__, "desktop_app.")]
    if len(names) < 20:
        raise Missing("模块", "desktop_app.*", f"只找到 {len(names)} 个程序模块")
    for name in (*names, *LAZY_MODULES):
        importlib.import_module(name)
    return f"{len(names)} 个程序模块和 {len(LAZY_MODULES)} 个按需加载的库均可导入"


@check("字体")
def fonts(ctx: SelfTestContext) -> str:
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QFontDatabase
    from reportlab.pdfbase import pdfmetrics

    from ..documents.fonts import FONT_FILES, font
    from ..font_files import font_path, read_font

    ensure_qt_application()
    families = []
    for name, file_name in FONT_FILES.items():
        try:
            font_path(file_name)
        except FileNotFoundError:
            raise Missing("字体", str(config.fonts_dir() / file_name)) from None
        font(name)
        if ord("警") not in pdfmetrics.getFont(name).face.charToGlyph:
            raise Missing("字体", file_name, "reportlab 未能登记")
        loaded = QFontDatabase.applicationFontFamilies(
            QFontDatabase.addApplicationFontFromData(QByteArray(read_font(file_name))))
        if not loaded:
            raise Missing("字体", file_name, "Qt 无法加载")
        families.append(loaded[0])
    return "、".join(families)


@check("数据库")
def database(ctx: SelfTestContext) -> str:
    from ..db.migrations import LATEST, current_version
    from ..services.storage.data_folder import open_store

    opened = open_store(ctx.paths)
    version = current_version(opened)
    if version != LATEST:
        raise RuntimeError(f"结构版本 {version}，应为 {LATEST}")
    return f"已创建并迁移到第 {version} 步"


@check("操作员密码")
def passwords(ctx: SelfTestContext) -> str:
    from ..services.accounts.operators import check_password, hash_password

    stored = hash_password("自检-口令-2024")
    if not check_password("自检-口令-2024", stored) or check_password("别的口令", stored):
        raise RuntimeError("scrypt 密码校验结果不对")
    return "scrypt 口令散列与校验正常"


@check("示例数据")
def sample_data(ctx: SelfTestContext) -> str:
    sample = build_sample_office()
    ctx.made["sample"] = sample
    return f"{len(sample.member_ids)} 名队员、{POST} 一周的班次与考勤、人民调解和治安调解各一件"


class _ExceptionCatcher:
    """Exceptions raised inside Qt slots go to sys.excepthook, not to the caller: collect them."""

    def __init__(self) -> None:
        self.caught: list[BaseException] = []
        self._previous = sys.excepthook

    def __enter__(self) -> _ExceptionCatcher:
        sys.excepthook = self._hook
        return self

    def _hook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        self.caught.append(exc)
        sys.__excepthook__(exc_type, exc, tb)

    def __exit__(self, *_exc: object) -> None:
        sys.excepthook = self._previous


@check("主窗口")
def window(ctx: SelfTestContext) -> str:
    from PySide6.QtWidgets import QTabWidget

    from ..app import make_application
    from ..ui.main_window import MainWindow

    _sample(ctx)
    app = make_application()
    with _ExceptionCatcher() as catcher:
        main = MainWindow(ctx.paths)
        main.show()
        app.processEvents()
        titles, inner = [], 0
        for index in range(main.tabs.count()):
            main.tabs.setCurrentIndex(index)
            app.processEvents()
            titles.append(main.tabs.tabText(index))
            for tabs in main.tabs.widget(index).findChildren(QTabWidget):
                for sub in range(tabs.count()):
                    tabs.setCurrentIndex(sub)
                    app.processEvents()
                    inner += 1
        image = main.grab()
        title = main.windowTitle()
        main.close()
        app.processEvents()
    if catcher.caught:
        raise catcher.caught[0]
    if image.isNull() or UNIT not in title:
        raise RuntimeError("主窗口未能绘制")
    return "、".join(titles) + (f"（及 {inner} 个子页）" if inner else "")


@check("值班表")
def duty_sheet(ctx: SelfTestContext) -> str:
    from ..services.schedule.duty_sheet import duty_sheet_pdf, export_week_xlsx

    sample = _sample(ctx)
    year, week = sample.week
    pdf, xlsx = ctx.document("值班表.pdf"), ctx.document("值班表.xlsx")
    duty_sheet_pdf(year, week, sample.team_id, pdf, made_by=SELF_TEST_USER)
    export_week_xlsx(year, week, sample.team_id, xlsx, made_by=SELF_TEST_USER)
    return "；".join((expect_pdf(pdf, "义警值班表", TEAM, POST, SAMPLE_NAME, "签到"),
                     expect_xlsx(xlsx, TEAM, SAMPLE_NAME)))


@check("花名册")
def roster(ctx: SelfTestContext) -> str:
    from ..services.roster.export import export_roster_xlsx, roster_pdf

    sample = _sample(ctx)
    pdf, xlsx = ctx.document("花名册.pdf"), ctx.document("花名册.xlsx")
    roster_pdf(sample.member_ids, pdf, team_name=TEAM)
    export_roster_xlsx(sample.member_ids, xlsx)
    return "；".join((expect_pdf(pdf, "队员花名册", SAMPLE_NAME), expect_xlsx(xlsx, SAMPLE_NAME, TEAM)))


def _reached_kinds(case_id: int, not_for_the_kind: tuple[str, ...]) -> list[str]:
    """The case's document kinds in the 卷宗's order; every one the sample case should have reached
    (all but `not_for_the_kind`) must be printable, else the check fails with the service's reason."""
    from ..services.cases.document_data import DOCUMENT_KINDS, document_refusals

    refusals = document_refusals(case_id)
    kinds = [kind for kind in DOCUMENT_KINDS if kind not in not_for_the_kind]
    refused = [f"{kind}：{refusals[kind]}" for kind in kinds if refusals[kind]]
    if refused:
        raise ReadBackFailed("示例案件未能形成全部文书：" + "；".join(refused))
    return kinds


def _case_documents(ctx: SelfTestContext, case_id: int, case_kind: str, party: str, issuer: str,
                    not_for_the_kind: tuple[str, ...]) -> str:
    """Each document the case has reached, one PDF each, read back for its official title and the party (the
    调查记录 for the person questioned); the agreement (the legal original, full identity) also for the
    issuer and the amount in words."""
    from ..services.cases.document_data import (
        AGREEMENT,
        DOSSIER,
        INVESTIGATION,
        document_title,
        render_document,
    )

    written = []
    for kind in _reached_kinds(case_id, not_for_the_kind):
        if kind == DOSSIER:
            continue
        path = ctx.document(f"{case_kind}-{kind}.pdf")
        path.write_bytes(render_document(case_id, kind, masked=kind != AGREEMENT))
        words = [document_title(case_id, kind), WITNESS if kind == INVESTIGATION else party]
        words += [issuer, AMOUNT_WORDS] if kind == AGREEMENT else []
        written.append(expect_pdf(path, *words))
    return "；".join(written)


def _dossier(ctx: SelfTestContext, case_id: int, case_kind: str, issuer: str,
             not_for_the_kind: tuple[str, ...]) -> str:
    """The 卷宗 as one PDF, read back page by page: the cover in the issuer's name with the case number, the
    卷内目录 listing every document in the official order with the page it starts on, each document
    starting on that page, and the 封底 counting the documents and their pages."""
    from ..db.models import Case
    from ..services.cases.document_data import DOSSIER, SUMMARY, document_title, render_document

    kinds = [kind for kind in _reached_kinds(case_id, not_for_the_kind) if kind not in (DOSSIER, SUMMARY)]
    titles = [document_title(case_id, kind) for kind in kinds]
    number = Case.get_by_id(case_id).number
    path = ctx.document(f"{case_kind}-卷宗.pdf")
    path.write_bytes(render_document(case_id, DOSSIER, masked=True))
    heading = "治安调解卷宗" if case_kind == "治安调解" else "调解卷宗"
    described = expect_pdf(path, issuer, heading, number, "卷内目录", *titles, "封底")
    pages = squeezed_pages(path)
    cover, contents, back = pages[0], pages[1], pages[-1]
    for word in (issuer, heading, number):
        if word not in cover:
            raise ReadBackFailed(f"{path.name} 的封面上读不回“{word}”")
    if "卷内目录" not in contents:
        raise ReadBackFailed(f"{path.name} 的第2页不是卷内目录")
    document_pages = len(pages) - 3  # cover, 目录 and 封底 are not numbered
    at = 0
    for title in titles:
        row = re.compile(re.escape(title) + r"(\d+)(?:—\d+)?(?:必须|按需)").search(contents, at)
        if row is None:
            raise ReadBackFailed(f"{path.name} 的卷内目录未按顺序列出“{title}”及其页号")
        at, start = row.end(), int(row.group(1))
        if not 1 <= start <= document_pages or title not in pages[1 + start][:60]:
            raise ReadBackFailed(f"{path.name}：卷内目录说“{title}”在第{start}页，该页不是它")
        if start > 1 and title in pages[start][:60]:
            raise ReadBackFailed(f"{path.name}：“{title}”在卷内目录所说的第{start}页之前已开始")
    statement = f"本卷共有文件{len(titles)}件，共{document_pages}页"
    if "卷内备考" not in back or statement not in back or issuer not in back:
        raise ReadBackFailed(f"{path.name} 的封底读不回“{statement}”")
    return f"{described}，{len(titles)} 件文书按卷内目录的页号排列"


PEOPLES_NOT = ("口头协议登记表",)  # the sample agreement is written
SECURITY_NOT = ("申请书", "口头协议登记表")  # 治安调解 has neither


@check("人民调解文书")
def people_mediation(ctx: SelfTestContext) -> str:
    return _case_documents(ctx, _sample(ctx).people_case_id, "人民调解", APPLICANT, BODY, PEOPLES_NOT)


@check("人民调解卷宗")
def people_dossier(ctx: SelfTestContext) -> str:
    return _dossier(ctx, _sample(ctx).people_case_id, "人民调解", BODY, PEOPLES_NOT)


@check("治安调解文书")
def security_mediation(ctx: SelfTestContext) -> str:
    sample = _sample(ctx)
    documents = _case_documents(ctx, sample.security_case_id, "治安调解", OFFENDER, UNIT, SECURITY_NOT)
    agreement = ctx.document("治安调解-调解协议书.pdf")
    expect_pdf(agreement, HOST, OFFENCE, VICTIM, "一式三份")  # 主持人, 案由 and both parties (Art. 11)
    return "；".join((documents, _dossier(ctx, sample.security_case_id, "治安调解", UNIT, SECURITY_NOT)))


@check("案件登记簿与U盘导出")
def case_register(ctx: SelfTestContext) -> str:
    from ..services import audit
    from ..services.cases.document_data import render_register
    from ..services.cases.export import export_cases

    sample = _sample(ctx)
    pdf = ctx.document("案件登记簿.pdf")
    pdf.write_bytes(render_register(period=sample.period))
    usb = ctx.document("U盘")
    usb.mkdir(exist_ok=True)
    with audit.acting_as(SELF_TEST_USER):
        result = export_cases(sample.period, usb)
    register = next(result.folder / name for name in result.files if name.endswith(".xlsx"))
    summaries = [result.folder / name for name in result.files if name.endswith(".pdf")]
    if len(summaries) != 2 or not (result.folder / "校验清单.txt").is_file():
        raise ReadBackFailed(f"导出文件夹不完整: {', '.join(result.files)}")
    return "；".join((expect_pdf(pdf, "纠纷案件登记簿", APPLICANT, OFFENDER),
                     expect_xlsx(register, APPLICANT, OFFENDER),
                     *(expect_pdf(path, "纠纷案件摘要") for path in summaries)))


def _expect_certificate(path: Path, sample: SampleOffice, cert_type: str, *words: str) -> str:
    from ..documents.certificate_layout import qr_modules

    code = sample.verification_codes[cert_type]
    described = expect_pdf(path, SAMPLE_NAME, code, *words)
    modules = qr_modules(code)
    if len(modules) < MIN_QR_MODULES:
        raise ReadBackFailed(f"{path.name} 的二维码只有 {len(modules)} 行")
    if dark_share_of_first_page(path) < 0.002:
        raise ReadBackFailed(f"{path.name} 的第一页画出来是空白")
    return described


@check("证书")
def certificates(ctx: SelfTestContext) -> str:
    from ..services.certificates.issuing import render
    from ..services.certificates.register import publicity_pdf

    sample = _sample(ctx)
    issue_sample_certificates(sample)
    written = []
    for cert_type, certificate_id in sample.certificates.items():
        path = ctx.document(f"{cert_type}.pdf")
        path.write_bytes(render(certificate_id))
        extra = (HONOUR_TITLE,) if cert_type == "荣誉证书" else ()
        written.append(_expect_certificate(path, sample, cert_type, *extra))
    notice = ctx.document("证书颁发公示.pdf")
    notice.write_bytes(publicity_pdf(sample.period[0], sample.today))
    written.append(expect_pdf(notice, "义警证书颁发公示", SAMPLE_NAME, HONOUR_TITLE))
    return "；".join(written) + "（证书均带二维码）"


@check("义警证整版")
def card_sheet(ctx: SelfTestContext) -> str:
    from ..documents.certificates import CARD
    from ..services import audit
    from ..services.certificates.batch import batch_issue

    sample = _sample(ctx)
    sheet = ctx.document("义警证整版.pdf")
    with audit.acting_as(SELF_TEST_USER):
        result = batch_issue(sample.member_ids, CARD, one_file=True, out_file=sheet, issued_on=sample.today)
    if len(result.issued) != len(sample.member_ids):
        raise ReadBackFailed("义警证未能全部签发: " + "；".join(s.reason for s in result.skipped))
    names = [name for name, *_ in MEMBERS]
    codes = [issued.verification_code for issued in result.issued]
    described = expect_pdf(sheet, *names, *codes)
    if dark_share_of_first_page(sheet) < 0.002:
        raise ReadBackFailed(f"{sheet.name} 的第一页画出来是空白")
    return described + "（每张带二维码）"


@check("工作简报")
def work_report(ctx: SelfTestContext) -> str:
    from ..domain.periods import month_of
    from ..services import audit
    from ..services.records.activities import ActivityInput, ParticipantInput, save_activity
    from ..services.records.reports import write_report

    sample = _sample(ctx)
    with audit.acting_as(SELF_TEST_USER):
        save_activity(ActivityInput(date=sample.today, kind="交通劝导", team_id=sample.team_id, place="中山路路口",
                                    people_persuaded=1214, participants=[ParticipantInput(sample.member_ids[0], 2)]),
                      sample.today)
        pdf, xlsx = ctx.document("工作简报.pdf"), ctx.document("工作简报.xlsx")
        period = month_of(sample.today)
        write_report(period, None, pdf, today=sample.today, made_by=SELF_TEST_USER)
        write_report(period, None, xlsx, today=sample.today, made_by=SELF_TEST_USER)
    described = expect_pdf(pdf, "义警工作月报", "劝导交通违法行为", "1,214", "图1", SAMPLE_NAME)
    if dark_share_of_first_page(pdf) < 0.002:
        raise ReadBackFailed(f"{pdf.name} 的第一页画出来是空白")
    return "；".join((described, expect_xlsx(xlsx, "劝导交通违法行为", SAMPLE_NAME)))


@check("培训签到表")
def sign_in_sheet(ctx: SelfTestContext) -> str:
    from ..services import audit
    from ..services.records.trainings import sign_in_sheet_pdf

    sample = _sample(ctx)
    path = ctx.document("培训签到表.pdf")
    with audit.acting_as(SELF_TEST_USER):
        sign_in_sheet_pdf("应急救护培训", sample.today, 4, "伽师县红十字会", "派出所会议室", sample.team_id, path)
    return expect_pdf(path, "培训签到表", "应急救护培训", SAMPLE_NAME, "签到")


@check("统计图")
def chart(ctx: SelfTestContext) -> str:
    from PySide6.QtCharts import QChart, QChartView, QLineSeries
    from PySide6.QtGui import QColor, QPen
    from PySide6.QtWidgets import QApplication

    ensure_qt_application()
    series = QLineSeries()
    for x, y in enumerate((3, 8, 5, 12, 9)):
        series.append(x, y)
    chart = QChart()
    chart.addSeries(series)
    chart.createDefaultAxes()
    chart.setTitle("自检统计图")
    series.setPen(QPen(QColor("#c0392b"), 4))
    view = QChartView(chart)
    view.resize(400, 260)
    view.show()
    QApplication.processEvents()
    image = view.grab().toImage()
    view.close()
    red = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
              if (c := image.pixelColor(x, y)).red() > 150 and c.green() < 110 and c.blue() < 110)
    if red < 20:
        raise ReadBackFailed(f"统计图未能画出（只找到 {red} 个曲线像素）")
    return f"QtCharts 离屏绘制正常（曲线 {red} 个采样像素）"


@check("Qt区域数据")
def qt_locale_data(ctx: SelfTestContext) -> str:
    """What Qt reads from its ICU data (the Linux bundle carries only that, packaging/trim_icu.py)."""
    from functools import cmp_to_key

    from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone

    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    names = sorted(["张鹏", "阿布都拉", "李娜", "Zed", "abc"], key=cmp_to_key(collator.compare))
    if names != ["阿布都拉", "李娜", "张鹏", "abc", "Zed"]:
        raise ReadBackFailed("中文排序规则缺失：" + "、".join(names))
    zone = QTimeZone(b"Asia/Urumqi")
    if not zone.isValid() or not zone.displayName(QTimeZone.TimeType.StandardTime):
        raise ReadBackFailed("时区数据缺失（Asia/Urumqi）")
    for codec in ("GBK", "GB18030"):
        if not QStringDecoder(codec).isValid():
            raise ReadBackFailed(f"缺少 {codec} 编码")
    return "中文排序、时区、GBK/GB18030 编码正常"


@check("字体检查页")
def font_page(ctx: SelfTestContext) -> str:
    from ..documents.font_check import build_font_check_pdf

    path = ctx.document("字体检查页.pdf")
    path.write_bytes(build_font_check_pdf([SAMPLE_NAME, f"（2024）夏派调字第012号 {AMOUNT_WORDS}"], UNIT))
    return expect_pdf(path, "字体检查页", SAMPLE_NAME, AMOUNT_WORDS)


@check("备份")
def backup(ctx: SelfTestContext) -> str:
    from ..db.snapshot import check_file
    from ..services.backup import backup_now

    target = backup_now(ctx.paths, ctx.document("备份.db"))
    problems = check_file(target)
    if problems:
        raise ReadBackFailed(f"备份校验失败: {'; '.join(problems[:3])}")
    return f"{target.name}（{target.stat().st_size // 1024} KB，完整性检查通过）"


SELF_TEST_BACKUP_PASSWORD = "自检-备份密码-2024"


@check("加密备份")
def encrypted_backup(ctx: SelfTestContext) -> str:
    """The 备份到U盘 path: a .7z through py7zr (Deflate, AES-256, encrypted headers), decrypted again into a
    database that passes its check and holds the sample's members; a wrong password is refused."""
    import sqlite3

    from ..db.snapshot import check_file
    from ..services import audit
    from ..services.backup import archive as backup_archive
    from ..services.backup import backup_now
    from ..services.backup.password import has_backup_password, set_backup_password

    _sample(ctx)
    with audit.acting_as(SELF_TEST_USER):
        if not has_backup_password():
            set_backup_password(SELF_TEST_BACKUP_PASSWORD)
        target = backup_now(ctx.paths, ctx.document("加密备份.7z"), password=SELF_TEST_BACKUP_PASSWORD)
    plain = ctx.paths.backups / "自检-解密读回.db"
    try:
        backup_archive.extract_database(target, plain, SELF_TEST_BACKUP_PASSWORD)
        problems = check_file(plain)
        if problems:
            raise ReadBackFailed(f"解密出的数据库校验失败: {'; '.join(problems[:3])}")
        con = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
        try:
            names = {name for (name,) in con.execute('SELECT "name" FROM "member"')}
        finally:
            con.close()
    finally:
        plain.unlink(missing_ok=True)
    if SAMPLE_NAME not in names:
        raise ReadBackFailed(f"解密出的数据库中没有示例队员 {SAMPLE_NAME}")
    try:
        backup_archive.check_archive(target, SELF_TEST_BACKUP_PASSWORD + "x")
    except backup_archive.ArchiveError:
        pass
    else:
        raise ReadBackFailed(f"{target.name} 用错误的密码也能打开")
    return (f"{target.name}（{target.stat().st_size // 1024} KB，AES-256 加密，解密读回 {len(names)} 名队员，"
            "错误的密码被拒绝）")


@check("使用手册")
def user_guide(ctx: SelfTestContext) -> str:
    """帮助 → 使用手册: docs/用户手册.md made into a PDF by the documents' own code, read back."""
    from ..services.user_guide import guide_path, user_guide_pdf

    try:
        guide_path()
    except FileNotFoundError:
        raise Missing("使用手册", "docs/用户手册.md") from None
    target = ctx.document("使用手册.pdf")
    target.write_bytes(user_guide_pdf())
    return expect_pdf(target, "第一次使用", "备份与恢复", "回收站")
