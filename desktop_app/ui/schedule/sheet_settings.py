"""数据 → 值班表显示带班人完整电话: a checkable menu entry over the schedule setting of that name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ...services.schedule.settings import leader_phones_in_full, set_leader_phones_in_full
from ..ops import SHIFTS, announce


def leader_phones_action(parent: QWidget) -> QAction:
    action = QAction(QCoreApplication.translate("SheetSettings", "值班表显示带班人完整电话"), parent)
    action.setCheckable(True)
    action.setToolTip(QCoreApplication.translate(
        "SheetSettings", "值班表贴在墙上用作联系表时，带班人的手机号码完整显示；其他队员的号码仍然脱敏。"))
    action.setChecked(leader_phones_in_full())

    def chosen(on: bool) -> None:
        set_leader_phones_in_full(on)
        announce({SHIFTS})

    action.toggled.connect(chosen)
    return action
