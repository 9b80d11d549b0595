"""`main.py --self-test`: how a packaged build proves it works on the machine it was installed on."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from .config import DataPaths

SAMPLE_NAME = "努尔买买提·西热甫"
SAMPLE_LINE = "（2024）夏派调字第012号 叁仟伍佰元整"


def _check_database(paths: DataPaths) -> str:
    from .db.migrations import LATEST, current_version
    from .services.office import OfficeInfo, save_office
    from .services.storage import open_store

    database = open_store(paths)
    version = current_version(database)
    if version != LATEST:
        raise RuntimeError(f"结构版本 {version}，应为 {LATEST}")
    save_office(OfficeInfo(unit_name="自检派出所", case_prefix="自检调"))
    return f"数据库已创建并迁移到第 {version} 步"


def _check_window(paths: DataPaths) -> str:
    from .app import make_application
    from .ui.main_window import MainWindow

    app = make_application()
    window = MainWindow(paths)
    window.show()
    app.processEvents()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        app.processEvents()
    image = window.grab()
    window.close()
    if image.isNull() or "自检派出所" not in window.windowTitle():
        raise RuntimeError("主窗口未能绘制")
    return "主窗口已在后台打开: " + "、".join(titles)


def _check_pdf(folder: Path) -> str:
    from PySide6.QtPdf import QPdfDocument

    from .documents.font_check import build_font_check_pdf

    pdf_path = folder / "自检.pdf"
    pdf_path.write_bytes(build_font_check_pdf([SAMPLE_NAME, SAMPLE_LINE], "自检派出所"))
    document = QPdfDocument()
    error = document.load(str(pdf_path))
    if error != QPdfDocument.Error.None_:
        raise RuntimeError(f"无法读取生成的 PDF: {error}")
    text = document.getAllText(0).text()
    document.close()
    for expected in (SAMPLE_NAME, "叁仟伍佰元整"):
        if expected not in text:
            raise RuntimeError(f"PDF 中读不回“{expected}”")
    return f"PDF 已写入并读回中文（{pdf_path.stat().st_size // 1024} KB）"


def run_self_test(out: Callable[[str], None] = print) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .services.storage import close_store

    failures = 0
    with tempfile.TemporaryDirectory(prefix="yijing-selftest-") as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        steps: list[tuple[str, Callable[[], str]]] = [
            ("数据库", lambda: _check_database(paths)),
            ("主窗口", lambda: _check_window(paths)),
            ("PDF 与字体", lambda: _check_pdf(Path(tmp))),
        ]
        for label, step in steps:
            try:
                out(f"[通过] {label}: {step()}")
            except Exception as exc:  # noqa: BLE001 - every failure is reported, then the exit code says it
                failures += 1
                out(f"[失败] {label}: {exc}")
                traceback.print_exc(file=sys.stderr)
        close_store()
    out("自检通过" if not failures else f"自检失败: {failures} 项")
    return 0 if not failures else 1
