"""The line breaking of the case documents: no line starts with closing punctuation (not even the second
of two), no line ends with an opening bracket, dates, times, numbers and the names of the document are
never split — wherever the text happens to reach the end of the line."""

from __future__ import annotations

import pytest

from desktop_app.documents.fonts import CANNOT_START
from desktop_app.documents.layout import doc_styles, escape
from desktop_app.documents.line_breaks import CANNOT_END, CJKParagraph, break_allowed, keeping

TEXT = ("一、被申请人赔偿申请人3,500.00元（大写：叁仟伍佰元整）；履行期限：2026年12月10日前；调解员王建国、"
        "努尔买买提·西热甫到场。案件编号（2026）夏人调字第001号，身份证号码653123198503140311，21时30分。")
UNBROKEN = ["2026年12月10日前", "3,500.00", "（2026）夏人调字第001号", "653123198503140311", "努尔买买提·西热甫",
            "王建国", "21时30分"]


def lines(text: str, width: float, names=()) -> list[str]:
    with keeping(names):
        paragraph = CJKParagraph(escape(text), doc_styles().body)
        paragraph.wrap(width, 10_000)
    return ["".join(str(w.text) for w in line.words) for line in paragraph.blPara.lines]


@pytest.mark.parametrize("shift", range(0, 24, 3))
@pytest.mark.parametrize("width", [150, 190, 230, 290, 360])
def test_nothing_is_split_wherever_the_line_ends(width, shift):
    text = "甲" * shift + TEXT
    result = lines(text, width, names=["王建国"])
    assert "".join(result) == text  # nothing lost, nothing doubled
    for line in result[1:]:
        assert line[0] not in CANNOT_START, (width, shift, line)
    for line in result[:-1]:
        assert line[-1] not in CANNOT_END, (width, shift, line)
    for word in UNBROKEN:
        assert any(word in line for line in result), (width, shift, word, result)


def test_a_word_wider_than_the_line_is_still_broken():
    result = lines("653123198503140311653123198503140311", 60)
    assert len(result) > 1 and "".join(result) == "653123198503140311653123198503140311"


@pytest.mark.parametrize("width", [160, 200, 240])
def test_dotted_names_next_to_other_words_break_between_the_words(width):
    # The pattern for dotted names takes "阿依古丽·买买提邻里纠纷" as one name; too long for the line, it is
    # broken where the known names and words end, not in the middle of "纠纷" (a 卷宗 cover's 卷名).
    title = "努尔买买提·西热甫与阿依古丽·买买提邻里纠纷"
    result = lines(title, width, names=["努尔买买提·西热甫", "阿依古丽·买买提", "邻里纠纷"])
    assert "".join(result) == title and len(result) > 1
    for word in ("努尔买买提·西热甫", "阿依古丽·买买提", "邻里纠纷"):
        assert any(word in line for line in result), (width, word, result)


def test_reportlab_alone_would_start_a_line_with_the_second_closing_mark():
    from reportlab.platypus import Paragraph

    starts = 0
    for width in range(150, 400, 7):
        paragraph = Paragraph(escape(TEXT * 2), doc_styles().body)
        paragraph.wrap(width, 10_000)
        for line in paragraph.blPara.lines[1:]:
            text = "".join(str(w.text) for w in line.words) if hasattr(line, "words") else " ".join(line[1])
            starts += bool(text) and text[0] in "；，。）"
    assert starts  # the reason CJKParagraph exists


def test_break_points():
    allowed = break_allowed("（甲）乙，2026年1月2日丙", ["乙"])
    assert not allowed[1]  # after an opening bracket
    assert not allowed[2]  # before a closing one
    assert not allowed[4]  # before "，"
    assert not any(allowed[6:14])  # inside the date
    assert allowed[3] and allowed[5] and allowed[14]


def _pdf_lines(pdf: bytes) -> list[str]:
    import io

    from pypdf import PdfReader

    return [line.strip() for page in PdfReader(io.BytesIO(pdf)).pages for line in page.extract_text().splitlines()
            if line.strip()]


def test_register_keeps_every_name_whole():
    from datetime import date

    from desktop_app.documents.case_data import RegisterData, RegisterRow
    from desktop_app.documents.case_documents import build_case_register

    names = ["努尔买买提·西热甫", "阿依古丽·买买提", "王建国", "买买提江·阿不都热依木", "古丽娜尔·艾山"]
    rows = [RegisterRow(number=f"（2026）夏人调字第{i:03d}号", received_on=date(2026, 4, 1), kind="人民调解",
                        category="邻里", parties=f"申请人：{'、'.join(names[:1 + i % 4])}；被申请人：{names[-1 - i % 3]}",
                        mediators="、".join(names[i % 3:]), status="调解中", deadline=date(2026, 5, 1))
            for i in range(1, 13)]
    lines = _pdf_lines(build_case_register(RegisterData("某派出所", date(2026, 4, 1), date(2026, 4, 30), rows,
                                                        date(2026, 5, 2))))
    for name in names:
        assert any(name in line for line in lines), name
        halves = [line for line in lines if line.endswith(name[: len(name) // 2]) and name not in line]
        assert not halves, (name, halves)


def test_summary_never_starts_a_line_with_closing_punctuation():
    from dataclasses import replace

    from test_case_documents import make_case  # the example case of the documents' own tests

    from desktop_app.documents.case_documents import build_case_summary

    for extra in range(0, 12, 3):
        case = make_case(agreement_terms="1. " + "甲" * extra + "被申请人赔偿申请人医疗费、误工费共计3500元（含误工费）；"
                         "双方和睦相处。", outcome="调解成功（书面协议）")
        for line in _pdf_lines(build_case_summary(replace(case, oral_agreement=bool(extra % 2)))):
            assert line[0] not in CANNOT_START, line
