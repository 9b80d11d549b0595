"""The documents of the 卷宗 read back item by item against their official lists (司法部 人民调解文书格式 2010,
人民调解法 Arts. 23, 24, 28, 29, 33; 公安机关治安调解工作规范 Arts. 8, 11; 治安管理处罚法 Art. 9 as revised),
for a 人民调解 case and a 治安调解 case carried through the services; the 卷宗 in the official order with
page numbers that match; no line starting with closing punctuation, no date or name split."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from desktop_app.services.cases.document_data import case_document_data, render_document
from desktop_app.services.cases.dossier import document_files

TODAY = date(2026, 5, 20)
UNIT = "伽师县公安局夏普吐勒派出所"
BODY = "夏普吐勒镇人民调解委员会"
CLOSING = "，。；：、！？）》”"
_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def documents(case_id: int) -> dict[str, str]:
    """File name → its text (full identity, the legal originals)."""
    return {name: "\n".join(pages_of(make())) for name, make in document_files(case_id, masked=False, today=TODAY)}


def assert_items(text: str, items: list[str]) -> None:
    missing = [item for item in items if item not in flat(text)]
    assert not missing, missing


def assert_lines_well_broken(text: str, names: list[str]) -> None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    starts = [line for line in lines if line[0] in CLOSING]
    assert not starts, starts
    whole = flat(text)
    for found in _DATE.findall(whole):
        assert any(found in flat(line) for line in lines), f"date split: {found}"
    for name in names:
        if name in whole:
            assert any(name in flat(line) for line in lines), f"name split: {name}"


@pytest.fixture(scope="module")
def all_docs(tmp_path_factory, migrated_template) -> dict[str, dict[str, str]]:
    """Both cases' documents, made once for the module (each made through the services on a data folder
    of its own): {"peoples": {file: text}, "security": {file: text}}."""
    import shutil

    from desktop_app.config import DataPaths
    from desktop_app.services.cases.bodies import save_body
    from desktop_app.services.office.details import OfficeInfo, save_office
    from desktop_app.services.storage.data_folder import close_store, open_store

    paths = DataPaths(tmp_path_factory.mktemp("dossier") / "data").ensure()
    shutil.copyfile(migrated_template, paths.database)
    open_store(paths)
    try:
        save_office(OfficeInfo(unit_name=UNIT, parent_unit="伽师县公安局", case_prefix="夏派调"))
        save_body(None, BODY, "夏人调", is_default=True)
        from conftest import make_mediation_cases

        ids = make_mediation_cases()
        return {kind: documents(case_id) for kind, case_id in ids.items()}
    finally:
        close_store()


@pytest.fixture
def peoples_docs(all_docs) -> dict[str, str]:
    return all_docs["peoples"]


@pytest.fixture
def security_docs(all_docs) -> dict[str, str]:
    return all_docs["security"]


PEOPLES_NAMES = ["努尔买买提·西热甫", "阿依古丽·买买提", "古丽娜尔·艾力", "王晓燕", BODY]
SECURITY_NAMES = ["艾克拜尔·阿不都", "阿不都·吐尔逊", "王建国", "买合木提·吐尔逊", "王建军", "热合曼·艾山", UNIT]


# --- 人民调解 ----------------------------------------------------------------------------------------


def test_peoples_case_has_every_document_in_order(peoples_docs):
    assert list(peoples_docs) == ["人民调解申请书.pdf", "人民调解受理登记表.pdf", "人民调解当事人权利义务告知书.pdf",
                                  "人民调解调查记录.pdf", "人民调解记录.pdf", "人民调解协议书.pdf", "人民调解回访记录.pdf",
                                  "人民调解结案报告表.pdf", "卷宗.pdf"]
    for name, text in peoples_docs.items():
        assert "（2026）夏人调字第001号" in flat(text), name
        assert UNIT not in flat(text), name  # every document in the 调委会's name, never the 派出所's
        assert BODY in flat(text), name
        assert "None" not in text and "{" not in text, name
        assert_lines_well_broken(text, PEOPLES_NAMES)


def test_peoples_application(peoples_docs):
    assert_items(peoples_docs["人民调解申请书.pdf"], [
        "人民调解申请书", "申请人姓名努尔买买提·西热甫", "被申请人姓名阿依古丽·买买提", "性别", "民族维吾尔族", "年龄",
        "职业或职务农民", "联系方式13899123456", "单位或住址伽师县夏普吐勒镇阿亚克吾斯塘村3组15号", "纠纷简要情况陈述",
        "当事人申请事项", "1.被申请人赔偿医疗费、误工费。", f"{BODY}已将申请人民调解的相关规定告知我，现自愿申请{BODY}进行调解。",
        "申请人（签名盖章或按指印）", "2026年4月7日"])


def test_peoples_acceptance_form(peoples_docs):
    assert_items(peoples_docs["人民调解受理登记表.pdf"], [
        "人民调解受理登记表", "2026年4月7日，本人民调解委员会经当事人同意，调解努尔买买提·西热甫、阿依古丽·买买提之间的邻里纠纷。",
        "纠纷类型邻里", "案件来源当事人申请", "纠纷简要情况", "当事人（签名）", "申请人（努尔买买提·西热甫）签名",
        "被申请人（阿依古丽·买买提）签名", "登记人（签名）", BODY, "（印章）", "此表由人民调解委员会填写"])


def test_peoples_rights_notice(peoples_docs):
    assert_items(peoples_docs["人民调解当事人权利义务告知书.pdf"], [
        "人民调解当事人权利义务告知书", "人民调解委员会是依法设立的调解民间纠纷的群众性组织", "不收取任何费用",
        "选择或者接受人民调解员", "接受调解、拒绝调解或者要求终止调解", "要求调解公开进行或者不公开进行",
        "自主表达意愿、自愿达成调解协议", "如实陈述纠纷事实", "遵守调解现场秩序，尊重人民调解员", "尊重对方当事人行使权利",
        "三十日内共同向人民法院申请司法确认", "以上内容已向我告知", "申请人（努尔买买提·西热甫）签名", "（印章）"])


def test_peoples_investigation_record(peoples_docs):
    assert_items(peoples_docs["人民调解调查记录.pdf"], [
        "人民调解调查记录", "调查时间2026年4月8日11时00分", "调查地点阿亚克吾斯塘村3组", "被调查人吐尔逊·买买提（邻居）",
        "调查人古丽娜尔·艾力", "记录人王晓燕", "在场人村委会委员热合曼·艾山", "问：你看到当时的情况了吗？",
        "以上记录经被调查人核对无误", "被调查人签名", "调查人签名", "记录人签名"])


def test_peoples_session_record(peoples_docs):
    text = peoples_docs["人民调解记录.pdf"]
    assert_items(text, [
        "人民调解记录", "第1次调解", "第2次调解", "调解时间2026年4月10日15时00分", "调解地点", "事由邻里纠纷",
        "当事人申请人努尔买买提·西热甫；被申请人阿依古丽·买买提", "参加人村委会委员热合曼·艾山", "人民调解员古丽娜尔·艾力",
        "记录人王晓燕", "√调解前已告知当事人人民调解的性质、原则和效力，以及当事人在调解活动中享有的权利和承担的义务",
        "调解情况", "调解结果", "以上记录经当事人核对无误", "参加人签名", "调解员签名", "记录人签名"])
    assert "参加人古丽娜尔" not in flat(text)  # 参加人 are the others invited, never the mediators


def test_peoples_agreement_names_the_body_never_the_police(peoples_docs):
    text = peoples_docs["人民调解协议书.pdf"]
    assert_items(text, [
        "人民调解协议书", "当事人基本情况", "申请人：努尔买买提·西热甫，男，维吾尔族，1985年3月14日出生",
        "被申请人：阿依古丽·买买提", "纠纷主要事实、争议事项", "各方责任", "经调解，自愿达成如下协议",
        "一、被申请人阿依古丽·买买提赔偿申请人努尔买买提·西热甫医疗费、误工费共计3500元。",
        "人民币3,500.00元（大写：叁仟伍佰元整）", "履行方式：现金一次性支付", "履行地点", "履行期限：2026年4月20日前",
        "本协议一式三份，当事人、人民调解委员会各持一份。",
        "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。",
        "自本协议生效之日起三十日内共同向人民法院申请司法确认", "当事人签名（盖章）并按指印", "指印",
        "人民调解员签名", "记录人签名", f"调解组织：{BODY}", "（印章）", "2026年4月13日"])
    assert "一式3份" not in flat(text) and UNIT not in flat(text)


def test_peoples_follow_up_record(peoples_docs):
    assert_items(peoples_docs["人民调解回访记录.pdf"], [
        "人民调解回访记录", "当事人", "调解协议编号（2026）夏人调字第001号", "回访事由邻里纠纷调解协议履行情况",
        "履行情况已履行", "满意程度满意", "激化迹象无", "回访情况双方关系缓和", "采取的措施提醒双方共同维护排水沟",
        "回访时间2026年4月25日", "回访人古丽娜尔·艾力", "回访人签名", "被回访人签名"])


def test_peoples_closing_report(peoples_docs):
    assert_items(peoples_docs["人民调解结案报告表.pdf"], [
        "人民调解结案报告表", "卷号：（2026）夏人调字第001号", f"承办单位{BODY}", "承办人古丽娜尔·艾力", "受案时间2026年4月7日",
        "结案时间2026年5月20日", "案件来源当事人申请", "纠纷类型邻里", "伽师县夏普吐勒镇阿亚克吾斯塘村3组15号",
        "纠纷简要事实", "调解结果", "协议履行情况2026年4月25日回访：已履行", "司法确认未申请", "调委会意见", "负责人签名"])


def test_peoples_dossier_cover_contents_and_back(mediation_cases):
    pdf = render_document(mediation_cases["peoples"], "卷宗", masked=False, today=TODAY)
    pages = pages_of(pdf)
    cover, contents, back = flat(pages[0]), flat(pages[1]), flat(pages[-1])
    for item in (BODY, "调解卷宗", "卷名努尔买买提·西热甫与阿依古丽·买买提邻里纠纷", "卷号（2026）夏人调字第001号",
                 "人民调解员古丽娜尔·艾力", "调解日期2026年4月10日至2026年4月13日", "立卷人古丽娜尔·艾力", "立卷日期",
                 "保管期限长期", "备注"):
        assert item in cover, item
    assert any(line.strip() == "邻里纠纷" for line in pages[0].splitlines())  # 卷名 broken after a name only
    order = ["人民调解申请书", "人民调解受理登记表", "人民调解当事人权利义务告知书", "当事人身份证明", "人民调解调查记录",
             "人民调解记录", "人民调解协议书", "人民调解回访记录", "人民调解结案报告表"]
    positions = [contents.index(title) for title in order]
    assert positions == sorted(positions) and "卷内目录" in contents
    # each document starts on the page the 目录 says (pages counted from the first document, after cover and 目录)
    for title in order:
        row = re.search(re.escape(title) + r"(\d*)(?:—(\d+))?(必须|按需|另附)", contents)
        assert row, title
        if title == "当事人身份证明":
            assert row.group(1) == "" and row.group(3) == "另附"
            continue
        start = int(row.group(1))
        assert title in flat(pages[2 + start - 1])[:40], (title, start)
        if start > 1:
            assert title not in flat(pages[2 + start - 2])[:40], (title, start)
    assert "封底" in back and "卷内备考" in back and "本卷共有文件8件" in back and BODY in back
    assert "第1页" in flat(pages[2]) and "第1页" not in cover


# --- 治安调解 ----------------------------------------------------------------------------------------


def test_security_case_documents(security_docs):
    assert list(security_docs) == ["治安调解受理登记表.pdf", "治安调解当事人权利义务告知书.pdf", "治安调解记录.pdf",
                                   "治安调解协议书.pdf", "卷宗.pdf"]
    for name, text in security_docs.items():
        assert "（2026）夏派调字第001号" in flat(text) and UNIT in flat(text), name
        assert "申请人" not in flat(text).replace("被申请人", ""), name  # 违法行为人 / 被侵害人 here
        assert "None" not in text and "{" not in text, name
        assert_lines_well_broken(text, SECURITY_NAMES)


def test_security_acceptance_and_notice(security_docs):
    assert_items(security_docs["治安调解受理登记表.pdf"], [
        "治安调解受理登记表", "经双方当事人同意，依法进行治安调解", "案由故意损毁财物", "案件来源群众报警",
        "案发时间2026年5月10日21时30分", "鉴定/认定价值认定", "办理期限2026年5月15日", "主持人买合木提·吐尔逊",
        "违法行为人", "被侵害人", "监护人", "情节初次违法，事后主动认错，情节较轻", "√双方当事人同意治安调解",
        "违法行为人（艾克拜尔·阿不都）签名", "被侵害人（王建国）签名", "受理民警（签名）", UNIT, "（印章）"])
    assert_items(security_docs["治安调解当事人权利义务告知书.pdf"], [
        "治安调解当事人权利义务告知书", "情节较轻的，经双方当事人同意，公安机关可以治安调解", "合法、公正、公开、自愿、及时、教育",
        "可以要求终止调解", "也可以委托他人参加", "不得在治安调解过程中又挑起事端", "达成协议并履行的，不予处罚",
        "可以就民事争议依法向人民法院提起民事诉讼"])


def test_security_session_record_has_the_officer_as_host(security_docs):
    assert_items(security_docs["治安调解记录.pdf"], [
        "治安调解记录", "事由故意损毁财物（损害赔偿纠纷）", "主持人买合木提·吐尔逊", "参加人热合曼·艾山（村委会委员）",
        "√调解前已告知当事人治安调解的性质、原则和法律后果", "主持人签名", "记录人签名"])


def test_security_agreement_items_of_article_eleven(security_docs):
    text = security_docs["治安调解协议书.pdf"]
    assert_items(text, [
        "治安调解协议书", f"调解机关：{UNIT}", "主持人：买合木提·吐尔逊", "双方当事人基本情况",
        "违法行为人：艾克拜尔·阿不都，男，维吾尔族，2010年9月1日出生", "被侵害人：王建国，男，汉族，52岁",
        "监护人：阿不都·吐尔逊", "系艾克拜尔·阿不都的监护人", "其他在场人员", "热合曼·艾山，夏普吐勒镇3村村委会委员",
        "发生时间、地点、人员、起因、经过、情节、结果", "时间：2026年5月10日21时30分", "地点：夏普吐勒镇巴扎东口",
        "人员：艾克拜尔·阿不都、王建国", "起因：停车位争执", "经过：违法行为人用石块砸碎", "情节：初次违法",
        "结果：车辆损失经价值认定为800元", "案由：故意损毁财物", "经调解，双方自愿达成如下协议", "一、违法行为人一方赔偿被侵害人车辆损失800元。",
        "赔偿金额：人民币800.00元（大写：捌佰元整）", "履行期限：2026年5月14日前", "履行方式：当场现金支付",
        "本协议书一式三份，双方当事人各执一份，调解机关留存一份备查。", "当事人达成协议并履行的，不予处罚",
        "双方当事人签名并按指印", "其他参加人签名", "热合曼·艾山签名", "阿不都·吐尔逊签名", "主持人签名",
        f"调解机关：{UNIT}", "（印章）", "2026年5月13日"])


def test_security_agreement_before_2026_has_the_old_law(mediation_cases):
    from dataclasses import replace

    from desktop_app.documents.agreement import build_agreement

    data = case_document_data(mediation_cases["security"], today=TODAY)
    old = flat("".join(pages_of(build_agreement(replace(data, agreement_date=date(2025, 12, 30))))))
    assert "当事人达成协议的，不予处罚" in old and "达成协议并履行的" not in old


def test_copies_follow_the_parties(mediation_cases):
    from dataclasses import replace

    from desktop_app.documents.agreement import build_agreement
    from desktop_app.documents.case_data import PartyData

    data = case_document_data(mediation_cases["peoples"], today=TODAY)
    three = replace(data, parties=[*data.parties, PartyData("其他当事人", "吐尔逊·买买提"),
                                   PartyData("监护人", "热依拉·阿不都", guardian_of="吐尔逊·买买提")])
    assert "本协议一式四份" in flat("".join(pages_of(build_agreement(three))))
    security = case_document_data(mediation_cases["security"], today=TODAY)
    assert "一式三份" in flat("".join(pages_of(build_agreement(security))))  # 三 whoever is there


def test_oral_agreement_registration_form(mediation_cases):
    from dataclasses import replace

    from desktop_app.documents.agreement import build_oral_agreement

    data = replace(case_document_data(mediation_cases["peoples"], masked=False, today=TODAY), oral_agreement=True)
    text = "".join(pages_of(build_oral_agreement(data)))
    assert_items(text, [
        "人民调解口头协议登记表", "2026年4月13日，经夏普吐勒镇人民调解委员会调解，当事人努尔买买提·西热甫、阿依古丽·买买提达成口头协议",
        "人民调解法》第二十八条", "当事人基本情况", "纠纷简要情况", "协议内容", "一、被申请人阿依古丽·买买提赔偿", "履行方式",
        "履行期限", "口头调解协议自各方当事人达成协议之日起生效", "当事人签名（盖章）并按指印", "人民调解员签名",
        "记录人签名", f"调解组织：{BODY}", "（印章）"])
    assert UNIT not in flat(text)
