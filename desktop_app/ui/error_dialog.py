"""The Chinese dialog for an unexpected error: what happened to the user's work, where the details went.

The same box serves the crash handler (app.py) and the failure path of long work (ops.py); the
exception's own text is shown only with ID numbers and phones redacted, the traceback only in the log.
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..logging_setup import current_log_file, redact


def error_box(parent: QWidget | None, exc: BaseException, log_file_hint: str | None = None) -> QMessageBox:
    """The box (not yet shown) for `exc`: `.exec()` it from the crash handler, `.open()` it elsewhere."""
    hint = log_file_hint or (str(current_log_file()) if current_log_file() else "")
    text = QCoreApplication.translate(
        "ErrorDialog", "程序遇到了意外错误，刚才的操作没有完成。\n已经保存的数据不受影响（以最后一次保存为准）。\n")
    text += (QCoreApplication.translate("ErrorDialog", "错误详情已写入日志：{0}").format(hint) if hint
             else QCoreApplication.translate("ErrorDialog", "错误详情已写入日志。"))
    title = QCoreApplication.translate("ErrorDialog", "程序出错")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(redact("".join(traceback.format_exception_only(type(exc), exc))))
    return box
