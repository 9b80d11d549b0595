"""首页: today's figures at a glance, from the database, under a banner while a year's holiday
arrangement is not entered (from 1 November for the next year)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...domain.dates import format_date
from ...domain.holiday_days import NATIONAL
from ...services.calendar import missing_arrangements
from ...services.dashboard.figures import DashboardCounts, dashboard_counts
from ..ops import DATA, follow_changes

CARD_STYLE = """
QFrame#card { background: #ffffff; border: 1px solid #d9dee5; border-radius: 6px; }
QLabel#value { font-size: 26pt; font-weight: bold; color: #1f4e79; }
QLabel#value[alert="true"] { color: #c0392b; }
QLabel#caption { font-size: 11pt; color: #333333; }
QLabel#detail { font-size: 9pt; color: #777777; }
QLabel#banner { background: #fff4d6; border: 1px solid #e0b94f; border-radius: 4px; padding: 8px;
                color: #6b4e00; font-size: 11pt; }
"""


class Card(QFrame):
    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.value = QLabel("—")
        self.value.setObjectName("value")
        self.caption = QLabel(caption)
        self.caption.setObjectName("caption")
        self.detail = QLabel("")
        self.detail.setObjectName("detail")
        for label in (self.value, self.caption, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(label)

    def set(self, value: str, detail: str = "", alert: bool = False) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.value.setProperty("alert", alert)
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)


class DashboardTab(QWidget):
    holidays_requested = Signal(object)  # the year to enter, from the banner's link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        outer.addWidget(self.heading)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.linkActivated.connect(lambda year: self.holidays_requested.emit(int(year)))
        self.banner.hide()
        outer.addWidget(self.banner)
        grid = QGridLayout()
        grid.setSpacing(12)
        outer.addLayout(grid)
        outer.addStretch(1)
        self.cards = {
            "members": Card(self.tr("在队队员")),
            "teams": Card(self.tr("队伍")),
            "shifts": Card(self.tr("本周班次")),
            "hours": Card(self.tr("本月服务时长（小时）")),
            "activities": Card(self.tr("本月工作记录")),
            "cases": Card(self.tr("在办纠纷")),
            "overdue": Card(self.tr("超期纠纷")),
            "insurance": Card(self.tr("保险已过期或30天内到期")),
            "certificates": Card(self.tr("今年发出证书")),
            "confirmations": Card(self.tr("可申请司法确认的调解协议")),
        }
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 3, index % 3)
        self.counts: DashboardCounts | None = None
        # every show as well: the figures also move with the date (overdue cases, expiring insurance)
        follow_changes(self, DATA, self.refresh, every_show=True)

    def refresh(self, today: date | None = None) -> None:
        today = today or date.today()
        c = dashboard_counts(today)
        self.counts = c
        self.heading.setText(self.tr("今天是 {0}").format(format_date(today)))
        self._show_banner(today)
        self.cards["members"].set(str(c.members_active), self.tr("花名册共 {0} 人").format(c.members_total))
        self.cards["teams"].set(str(c.teams))
        self.cards["shifts"].set(
            str(c.shifts_this_week),
            self.tr("其中 {0} 个班次人手不足").format(c.unfilled_shifts_this_week)
            if c.unfilled_shifts_this_week else self.tr("人手均已排满"),
            alert=c.unfilled_shifts_this_week > 0,
        )
        self.cards["hours"].set(f"{c.hours_this_month:g}")
        self.cards["activities"].set(str(c.activities_this_month))
        self.cards["cases"].set(str(c.open_cases),
                                self.tr("另有 {0} 件人民调解案件未指定调委会").format(c.unassigned_cases)
                                if c.unassigned_cases else "", alert=False)
        self.cards["overdue"].set(str(c.overdue_cases), self.tr("已过办理期限"), alert=c.overdue_cases > 0)
        self.cards["insurance"].set(str(c.insurance_expiring), self.tr("执勤前须投保意外险"),
                                    alert=c.insurance_expiring > 0)
        self.cards["certificates"].set(str(c.certificates_this_year))
        self.cards["confirmations"].set(str(c.confirmation_reminders),
                                        self.tr("协议生效之日起三十日内，双方可共同向人民法院申请"),
                                        alert=c.confirmation_reminders > 0)

    def _show_banner(self, today: date) -> None:
        missing = missing_arrangements(today)
        if not missing:
            self.banner.hide()
            return
        texts = [self.tr("{0}年放假安排尚未录入").format(year) if layer == NATIONAL
                 else self.tr("{0}年肉孜节、古尔邦节放假安排尚未录入").format(year) for year, layer in missing]
        self.banner.setText(self.tr("<b>{0}</b>。录入之前，放假、值班和办理期限按预估计算，排班表和期限旁标有“预估”。"
                                    "<a href='{1}'>现在录入（设置 → 节假日安排）</a>")
                            .format("；".join(texts), missing[0][0]))
        self.banner.show()
