"""A pytest plugin: every file the program writes during the test suite (everything that goes through the
one verified writer, services/files/writer.py: exports, prints, reports, archives, USB exports) and every log
file under a test's own folder is read back after the test (xlsx cells, PDF text, plain text) and searched
for ID numbers and mobile numbers written in full, in every way the masking rule knows: 18 digits with a
valid check digit, also with spaces or dashes; 11-digit mobiles, also 138-1234-5678, 138 1234 5678,
+86 138 1234 5678. One found fails the test that wrote the file.

A test that writes the full form on purpose (an administrator's full-form export) says so with
`@pytest.mark.full_form_output`; its files are left out. The patterns here are the checker's own, not
the program's, so a gap in the program's masking cannot hide itself.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

_SEP = r"[ \-‐‑–—]?"
_ID = re.compile(rf"(?<![0-9A-Za-z])((?:[0-9]{_SEP}){{17}}[0-9Xx])(?![0-9A-Za-z])")
_MOBILE = re.compile(rf"(?<![0-9A-Za-z])((?:\+?86{_SEP}|0086{_SEP})?1[3-9][0-9](?:{_SEP}[0-9]){{8}})(?![0-9A-Za-z])")
_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CHECK = "10X98765432"
TEXT_SUFFIXES = {".csv", ".txt", ".log", ".json", ".md", ".html", ".xml", ".ts"}

written: list[tuple[Path, str]] = []  # (file, the test that wrote it)
summary = {"files": 0, "log_lines": 0}


def valid_id(digits: str) -> bool:
    if len(digits) != 18 or not digits[:17].isdigit():
        return False
    return _CHECK[sum(int(d) * w for d, w in zip(digits[:17], _WEIGHTS, strict=True)) % 11] == digits[17].upper()


def full_numbers(text: str) -> list[str]:
    """The ID numbers (valid check digit) and mobile numbers in `text`, each shown masked for the report."""
    found = []
    for match in _ID.finditer(text):
        digits = re.sub(r"[^0-9Xx]", "", match.group(1))
        if valid_id(digits):
            found.append(f"身份证号 {digits[:6]}…{digits[-2:]}")
    for match in _MOBILE.finditer(text):
        digits = re.sub(r"[^0-9]", "", match.group(1))[-11:]
        found.append(f"手机号 {digits[:3]}…{digits[-2:]}（写作“{match.group(1)[:4]}…”）")
    return found


def text_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        try:
            return "\n".join(str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                             for value in row if value is not None)
        finally:
            book.close()
    if suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    if suffix in TEXT_SUFFIXES or ".log" in path.name:
        return path.read_text(encoding="utf-8", errors="replace")
    return ""  # databases and encrypted backups hold the data in full by design


def final_path(path: Path) -> Path:
    """Where a file written inside a USB export's working folder `.<name>.part` ended up (the folder is
    renamed once the export is complete)."""
    folder = path.parent
    if not path.exists() and folder.name.startswith(".") and folder.name.endswith(".part"):
        return folder.parent / folder.name[1:-len(".part")] / path.name
    return path


def problems_in(path: Path, counted: bool = False) -> list[str]:
    path = final_path(path)
    if not path.is_file():
        return []
    try:
        text = text_of(path)
    except Exception:  # noqa: BLE001 - not the format its name says (a test's stand-in bytes): read it as text
        text = path.read_bytes().decode("utf-8", errors="replace")
    if counted:
        summary["files"] += 1
        if ".log" in path.name:
            summary["log_lines"] += text.count("\n")
    return full_numbers(text)


@pytest.fixture(scope="session", autouse=True)
def _record_written_files(tmp_path_factory) -> Iterator[None]:
    """Note every file the verified writer finishes (its final name); and write every log record of the
    whole suite through the program's log formatter into one file, checked at the end."""
    import logging

    from desktop_app.logging_setup import RedactingFormatter
    from desktop_app.services.files import writer

    original = writer.writing_to

    @contextlib.contextmanager
    def recording(path, expected_sha256=None):
        with original(path, expected_sha256) as temp:
            yield temp
        written.append((Path(path), _current[0]))

    suite_log = tmp_path_factory.getbasetemp() / "suite.log"
    handler = logging.FileHandler(suite_log, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    level = root.level
    root.setLevel(min(level or logging.INFO, logging.INFO))
    root.addHandler(handler)
    writer.writing_to = recording
    yield
    writer.writing_to = original
    root.removeHandler(handler)
    root.setLevel(level)
    handler.close()
    problems = problems_in(suite_log, counted=True)
    if problems:
        pytest.fail(f"测试期间写出的日志中有未脱敏的个人信息（{suite_log}）：{'；'.join(problems[:10])}", pytrace=False)


_current = [""]


@pytest.fixture(autouse=True)
def _no_personal_numbers_in_output(request) -> Iterator[None]:
    _current[0] = request.node.nodeid
    start = len(written)
    yield
    if request.node.get_closest_marker("full_form_output"):
        return
    paths = {path for path, test in written[start:] if test == request.node.nodeid}
    folder = request.node.funcargs.get("tmp_path")
    if isinstance(folder, Path) and folder.exists():
        paths.update(p for p in folder.rglob("*") if ".log" in p.name and p.is_file())
    found = {str(path): problems for path in sorted(paths) if (problems := problems_in(path, counted=True))}
    if found:
        pytest.fail("文件中有未脱敏的个人信息：\n" + "\n".join(f"{path}: {'；'.join(items)}"
                                                     for path, items in found.items()), pytrace=False)


def pytest_terminal_summary(terminalreporter) -> None:
    terminalreporter.write_line(
        f"个人信息检查：读回 {summary['files']} 个程序写出的文件（其中日志 {summary['log_lines']} 行），"
        "逐一查找完整的身份证号和手机号")
