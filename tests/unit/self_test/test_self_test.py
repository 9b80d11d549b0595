"""--self-test: every check passes on a good build, and a build without a module or a font fails with the
name of what is missing (the bundle once lacked reportlab's QR code modules and the self-test passed)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.self_test import CHECKS, run_self_test
from desktop_app.self_test.missing import Missing, describe_failure

ROOT = Path(__file__).resolve().parents[3]


def _run_in_fresh_process(prelude: str) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(prelude) + textwrap.dedent("""
        from desktop_app.self_test import run_self_test
        raise SystemExit(run_self_test())
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=180)


def test_every_check_passes_and_the_documents_read_back(tmp_path):
    lines: list[str] = []
    assert run_self_test(out=lines.append, keep_dir=tmp_path) == 0, "\n".join(lines)
    labels = [c.label for c in CHECKS]
    assert len(lines) == len(CHECKS) + 1 and lines[-1].startswith("自检通过")
    for label in ("程序模块", "字体", "主窗口", "值班表", "花名册", "人民调解文书", "治安调解文书", "证书",
                  "义警证整版"):
        assert label in labels
    written = {p.name for p in tmp_path.iterdir()}
    for kind in ("受理登记表", "调解记录", "调解协议书", "回访记录", "案件摘要"):
        assert f"人民调解-{kind}.pdf" in written and f"治安调解-{kind}.pdf" in written
    for name in ("聘书.pdf", "荣誉证书.pdf", "志愿服务证明.pdf", "义警证.pdf", "义警证整版.pdf", "值班表.pdf",
                 "值班表.xlsx", "花名册.pdf", "花名册.xlsx", "案件登记簿.pdf"):
        assert name in written
    agreement = "".join((PdfReader(tmp_path / "治安调解-调解协议书.pdf").pages[0].extract_text() or "").split())
    assert "治安调解协议书" in agreement and "叁仟伍佰元整" in agreement
    sheet = load_workbook(tmp_path / "花名册.xlsx", read_only=True).worksheets[0]
    assert any("努尔买买提·西热甫" in str(v) for row in sheet.iter_rows(values_only=True) for v in row)
    assert "人民调解卷宗" in labels
    for kind in ("申请书", "权利义务告知书", "调查记录", "结案报告表", "卷宗"):
        assert f"人民调解-{kind}.pdf" in written
    for kind in ("权利义务告知书", "调查记录", "结案报告表", "卷宗"):
        assert f"治安调解-{kind}.pdf" in written
    assert "治安调解-申请书.pdf" not in written  # 治安调解 has no 人民调解申请书
    dossier = ["".join((page.extract_text() or "").split())
               for page in PdfReader(tmp_path / "人民调解-卷宗.pdf").pages]
    assert "自检镇人民调解委员会" in dossier[0] and "卷内目录" in dossier[1] and "封底" in dossier[-1]
    assert len(dossier) >= 3 + 8  # cover, 目录, the eight documents, 封底


def test_a_dossier_whose_contents_give_the_wrong_pages_fails_its_check(monkeypatch):
    from desktop_app.documents import dossier

    real = dossier._page_ranges

    def shifted(parts, numbered):
        return {key: str(int(pages.split("—")[0]) + 1) for key, pages in real(parts, numbered).items()}

    monkeypatch.setattr(dossier, "_page_ranges", shifted)
    lines: list[str] = []
    assert run_self_test(out=lines.append) == 1
    failed = [line for line in lines if line.startswith("[失败]")]
    assert failed and all("卷宗" in line or "治安调解文书" in line for line in failed), failed
    assert any(line.startswith("[失败] 人民调解卷宗:") and "卷内目录说" in line for line in failed), failed


def test_a_missing_qr_module_fails_the_certificate_checks_by_name():
    result = _run_in_fresh_process("""
        import sys
        sys.modules["reportlab.graphics.barcode.qr"] = None  # as in a bundle built without it
    """)
    assert result.returncode == 1, result.stdout
    assert "[失败] 证书: 缺少模块 reportlab.graphics.barcode.qr" in result.stdout
    assert "[失败] 程序模块: 缺少模块 reportlab.graphics.barcode.qr" in result.stdout
    assert "[失败] 义警证整版: 缺少模块 reportlab.graphics.barcode.qr" in result.stdout
    assert "[通过] 值班表" in result.stdout and "[通过] 治安调解文书" in result.stdout


def test_a_missing_font_is_named(tmp_path):
    result = _run_in_fresh_process(f"""
        from pathlib import Path
        import desktop_app.config as config
        config.fonts_dir = lambda: Path({str(tmp_path)!r})
    """)
    assert result.returncode == 1
    assert f"[失败] 字体: 缺少字体 {tmp_path / 'wqy-microhei.ttc'}" in result.stdout


def test_failures_are_described_by_what_is_missing():
    try:
        try:
            import yijing_no_such_module  # noqa: F401
        except ImportError as exc:
            raise RuntimeError("builder failed") from exc
    except RuntimeError as wrapped:
        assert describe_failure(wrapped) == "缺少模块 yijing_no_such_module"
    assert describe_failure(FileNotFoundError(2, "No such file", "/x/ukai.ttc")) == "缺少字体 /x/ukai.ttc"
    assert describe_failure(Missing("字体", "uming.ttc", "Qt 无法加载")) == "缺少字体 uming.ttc（Qt 无法加载）"
    assert describe_failure(ValueError("坏了")) == "ValueError: 坏了"


def test_a_missing_aes_module_fails_the_encrypted_backup_by_name():
    result = _run_in_fresh_process("""
        import sys
        sys.modules["Cryptodome.Cipher._mode_cbc"] = None  # as in a bundle that left py7zr's AES mode out
    """)
    assert result.returncode == 1, result.stdout
    assert "[失败] 加密备份: 缺少模块 Cryptodome.Cipher._mode_cbc" in result.stdout
    assert "[通过] 备份" in result.stdout and "[通过] 证书" in result.stdout
