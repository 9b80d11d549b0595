"""工作记录 tab: 工作记录 (entry and the list), 培训, 积分与星级 and 工作简报, each a page of its own. Only
工作记录 is built with the tab; each other page the first time it is shown or asked for (`trainings`,
`points`, `report`): at a prefecture's scale building all four on the GUI thread froze the window."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...services.accounts.roles import DELETE, EDIT, EXPORT, SETTINGS
from ...services.records.activity_list import ActivityFilter
from ..lazy_tab import LazyPages, LazyTab
from ..roles import hide_unless
from .activities_page import ActivitiesPage
from .points_page import PointsPage
from .report_page import ReportPage
from .trainings_page import TrainingsPage


class RecordsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.pages = LazyPages()
        self.activities = ActivitiesPage()
        self._trainings = LazyTab(self._made_trainings)
        self._points = LazyTab(self._made_points)
        self._report = LazyTab(self._made_report)
        self.pages.addTab(self.activities, self.tr("工作记录"))
        self.pages.addTab(self._trainings, self.tr("培训"))
        self.pages.addTab(self._points, self.tr("积分与星级"))
        self.pages.addTab(self._report, self.tr("工作简报"))
        layout.addWidget(self.pages)
        # only the controls the logged-in role may use (the services refuse the rest anyway); the other pages'
        # as each is built
        hide_unless(EDIT, self.activities.form, self.activities.import_button)
        hide_unless(DELETE, self.activities.delete_button)

    @property
    def trainings(self) -> TrainingsPage:
        return self._trainings.content

    @property
    def points(self) -> PointsPage:
        return self._points.content

    @property
    def report(self) -> ReportPage:
        return self._report.content

    @staticmethod
    def _made_trainings() -> TrainingsPage:
        page = TrainingsPage()
        hide_unless(EDIT, page.save_button)
        return page

    @staticmethod
    def _made_points() -> PointsPage:
        page = PointsPage()
        hide_unless(EDIT, page.recompute_button)
        hide_unless(SETTINGS, page.save_rules_button, page.save_stars_button)
        return page

    @staticmethod
    def _made_report() -> ReportPage:
        page = ReportPage()
        hide_unless(EXPORT, page.xlsx_button, page.json_button)
        return page

    def show_records(self, wanted: ActivityFilter) -> None:
        """The 工作记录 page with the records of `wanted` (from the 首页)."""
        self.pages.setCurrentWidget(self.activities)
        self.activities.apply_filter(wanted)
