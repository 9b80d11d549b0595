"""The floor for the start-up benchmark: a bare PySide6 window that reports its first paint.

Prints `FIRST_PAINT <time.monotonic()>` when the window is first painted, then quits (the same contract
as `main.py --exit-after-first-paint`).
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            print(f"FIRST_PAINT {time.monotonic():.6f}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QLabel("义警服务队管理系统"))
    window.resize(1200, 800)
    reporter = _FirstPaint(window)
    window.installEventFilter(reporter)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
