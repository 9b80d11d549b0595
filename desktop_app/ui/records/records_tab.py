"""工作记录 tab: 工作记录 (entry and the list), 培训, 积分与星级 and 工作简报, each a page of its own."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...services.accounts.roles import DELETE, EDIT, EXPORT, SETTINGS
from ...services.records.activity_list import ActivityFilter
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
        self.pages = QTabWidget()
        self.activities = ActivitiesPage()
        self.trainings = TrainingsPage()
        self.points = PointsPage()
        self.report = ReportPage()
        self.pages.addTab(self.activities, self.tr("工作记录"))
        self.pages.addTab(self.trainings, self.tr("培训"))
        self.pages.addTab(self.points, self.tr("积分与星级"))
        self.pages.addTab(self.report, self.tr("工作简报"))
        layout.addWidget(self.pages)
        self._offer_what_the_role_may()

    def _offer_what_the_role_may(self) -> None:
        """Only the controls the logged-in role may use (the services refuse the rest anyway)."""
        hide_unless(EDIT, self.activities.form, self.activities.import_button, self.trainings.save_button,
                    self.points.recompute_button)
        hide_unless(DELETE, self.activities.delete_button)
        hide_unless(SETTINGS, self.points.save_rules_button, self.points.save_stars_button)
        hide_unless(EXPORT, self.report.xlsx_button, self.report.json_button)

    def show_records(self, wanted: ActivityFilter) -> None:
        """The 工作记录 page with the records of `wanted` (from the 首页)."""
        self.pages.setCurrentWidget(self.activities)
        self.activities.apply_filter(wanted)
