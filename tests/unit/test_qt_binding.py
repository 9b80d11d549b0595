"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that returns nothing, until
Python aborts ("none_dealloc") after a few thousand clicks. Guard the pinned binding against it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("义警")
        label.setEnabled(True)
        QModelIndex().data()
    print(before - sys.getrefcount(None))
""")


def test_qt_calls_do_not_eat_references_to_none():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.split()[-1])) < 100
