"""Figures on cases: by category, kind, status, outcome and month; success rate; overdue; amounts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.cases.case_form import CaseInput, delete_case, register_case, save_case
from desktop_app.services.cases.figures import case_figures
from desktop_app.services.cases.parties import PartyInput, add_party
from desktop_app.services.cases.sessions import FollowUpInput, add_follow_up
from desktop_app.services.cases.workflow import change_status

TODAY = date(2024, 11, 5)


def make(received: str, category: str, outcome: str | None = None, amount: str = "", closed: bool = False,
         kind: str = "人民调解") -> int:
    data = CaseInput(kind=kind, category=category, received_at=received)
    case = register_case(data, today=TODAY)
    role = "被侵害人" if kind == "治安调解" else "申请人"
    add_party(case.id, PartyInput(role=role, name="艾力·买买提",
                                  id_number=build_id_number("653129", date(1980, 5, 6), 31)), today=TODAY)
    if outcome is None:
        return case.id
    change_status(case.id, "调解中", today=TODAY)
    if outcome == "调解成功":
        data.agreement_terms, data.agreement_amount = "1. 赔偿。", amount
        save_case(data, case.id, today=TODAY)
    change_status(case.id, outcome, note="撤回" if outcome == "终止" else "", today=TODAY)
    if closed:
        change_status(case.id, "回访", today=TODAY)
        add_follow_up(case.id, FollowUpInput(date=TODAY, performed="已履行"), today=TODAY)
        change_status(case.id, "结案", today=TODAY)
    return case.id


@pytest.fixture
def figures_cases(office):
    make("2024-08-05 10:00", "邻里", "调解成功", amount="3500", closed=True)
    make("2024-08-20 10:00", "债务", "调解成功", amount="1200.50")
    make("2024-09-01 10:00", "邻里", "调解不成功")
    make("2024-09-15 10:00", "婚姻家庭", "终止")
    make("2024-10-10 10:00", "邻里", kind="治安调解")  # open and overdue on TODAY
    make("2024-11-01 10:00", "债务")  # open, not yet due
    delete_case(make("2024-10-01 10:00", "邻里", "调解成功", amount="999"))
    make("2024-07-31 10:00", "邻里", "调解成功")  # before the period


def test_case_figures(figures_cases):
    figures = case_figures(date(2024, 8, 1), date(2024, 11, 30), as_of=TODAY)
    assert figures.total == 6
    assert figures.by_category["邻里"] == 3 and figures.by_category["债务"] == 2
    assert figures.by_category["婚姻家庭"] == 1 and figures.by_category["物业"] == 0
    assert list(figures.by_category)[0] == "婚姻家庭"
    assert figures.by_kind == {"人民调解": 5, "治安调解": 1}
    assert figures.by_status["结案"] == 1 and figures.by_status["调解成功"] == 1
    assert figures.by_outcome == {"调解成功": 2, "调解不成功": 1, "终止": 1, "未结": 2}
    assert figures.by_month == {"2024-08": 2, "2024-09": 2, "2024-10": 1, "2024-11": 1}
    assert (figures.succeeded, figures.failed, figures.terminated) == (2, 1, 1)
    assert figures.success_rate == pytest.approx(0.5)
    assert figures.success_rate_text == "50.0%"
    assert figures.open_cases == 2 and figures.overdue == 1
    assert figures.agreement_amount_total == Decimal("4700.50")


def test_empty_period(office):
    figures = case_figures(date(2024, 1, 1), date(2024, 1, 31), as_of=TODAY)
    assert figures.total == 0 and figures.success_rate is None and figures.success_rate_text == "—"
    assert figures.by_month == {"2024-01": 0}
    with pytest.raises(ValueError):
        case_figures(date(2024, 2, 1), date(2024, 1, 1))
