"""What the logged-in role may use, for the window: controls the services would refuse are hidden (the
refusal itself lives in the services, services/accounts/roles.py), and a refusal that still arrives is shown
the same way everywhere."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from ..services.accounts.roles import PermissionDenied, allowed
from .i18n import shown


def may(permission: str) -> bool:
    """Whether the acting account's role allows `permission`."""
    return allowed(permission)


def hide_unless(permission: str, *controls: QWidget | QAction) -> bool:
    """Hide `controls` when the role does not allow `permission`; returns whether it does."""
    permitted = allowed(permission)
    if not permitted:
        for control in controls:
            control.setVisible(False)
    return permitted


def show_refusal(parent: QWidget | None, exc: PermissionDenied) -> None:
    """The service refused for want of a role (the window hides such controls, so this is rare)."""
    QMessageBox.warning(parent, QCoreApplication.translate("Roles", "没有权限"), shown(exc.message))
