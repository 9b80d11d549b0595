"""The translation pipeline: pyside6-lupdate extracts every user-visible string of the program in the
context where it is looked up at run time, and no Chinese literal in the Qt layer escapes it.

Three views of the code are compared:
- what lupdate extracts (run here into a temporary .ts, with the options `make i18n` uses);
- what the code looks up at run time, read from its syntax tree: `self.tr(text)` in class C looks up
  context C (a class with subclasses would be looked up under the subclass's name, so `self.tr` is only
  allowed in classes nobody subclasses), `QCoreApplication.translate(context, text)` and
  `QT_TRANSLATE_NOOP(context, text)` name their context;
- every Chinese string literal in desktop_app/ui and desktop_app/app.py, which must be the text of one
  of those calls, a docstring, a log message, or on the short allow-list below with its reason.
"""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desktop_app"
TS_FILE = ROOT / "resources" / "translations" / "yijing_ug.ts"
QM_FILE = ROOT / "resources" / "translations" / "yijing_ug.qm"
# the same options as `make i18n` (Makefile)
LUPDATE_OPTIONS = ["-extensions", "py", "-source-language", "zh_CN", "-target-language", "ug"]
QT_LAYER = [PACKAGE / "ui", PACKAGE / "app.py"]
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")  # ideographs; punctuation alone is no text
TRANSLATE_OWNERS = {"QCoreApplication", "QApplication", "QGuiApplication"}
LOGGER_NAMES = {"log", "logger", "logging"}
# contexts Qt itself looks up (not classes of ours): QGuiApplication's QT_LAYOUT_DIRECTION sets right-to-left
QT_CONTEXTS = {"QGuiApplication"}

# (file relative to desktop_app, the literal's start or the constant it is assigned to, why it is not translated)
ALLOWED: list[tuple[str, str, str]] = [
    ("ui/certificates/common.py", "TITLE_SUGGESTIONS",
     "honour titles offered for typing: the chosen title is stored and printed as is on the Chinese certificate"),
    ("ui/cases/case_form.py", "元", "the unit a user may type after an amount, removed before parsing"),
    ("ui/schedule/grid_view.py", '"><b>测</b>', "a probe laid out to measure a line's height, never shown"),
]


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


@dataclass(frozen=True)
class Lookup:
    context: str
    source: str
    file: str
    line: int
    kind: str = "tr"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.what}"


def rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def python_files(*roots: Path) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        files.extend(sorted(root.rglob("*.py")) if root.is_dir() else [root])
    return files


def run_lupdate(out: Path, *sources: Path) -> Path:
    ts = out / "extracted.ts"
    result = subprocess.run([tool("pyside6-lupdate"), *LUPDATE_OPTIONS, *map(str, sources), "-ts", str(ts)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return ts


def ts_messages(ts: Path) -> list[tuple[str, str, str]]:
    """(context, source, location) of every current (not obsolete) message in a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            location = message.find("location")
            where = f"{location.get('filename')}:{location.get('line')}" if location is not None else "?"
            found.append((name, message.findtext("source") or "", where))
    return found


# --- reading the code ----------------------------------------------------------------------------

def call_kind(node: ast.Call) -> str | None:
    """'tr' for self.tr(…), 'other-tr' for x.tr(…) / tr(…), 'translate' / 'noop' for the context-naming calls."""
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "tr":
        return "tr" if isinstance(func.value, ast.Name) and func.value.id == "self" else "other-tr"
    if isinstance(func, ast.Name) and func.id == "tr":
        return "other-tr"
    if isinstance(func, ast.Attribute) and func.attr == "translate" and isinstance(func.value, ast.Name) \
            and func.value.id in TRANSLATE_OWNERS:
        return "translate"
    if isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP":
        return "noop"
    return None


def constant_text(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class CodeReader(ast.NodeVisitor):
    """The lookups a file makes, the classes whose `self.tr` they use, and what is wrong with them."""

    def __init__(self, path: Path) -> None:
        self.file = rel(path)
        self.module = "desktop_app." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        self.module = self.module.removesuffix(".__init__")
        self.classes: list[str] = []
        self.lookups: list[Lookup] = []
        self.dynamic: list[Lookup] = []  # translate(context, value): a text marked elsewhere, shown here
        self.problems: list[Problem] = []
        self.tr_classes: dict[str, int] = {}  # class name → line of its first self.tr
        self.translated: set[int] = set()  # ids of the string constants that are translation sources

    def problem(self, node: ast.AST, what: str) -> None:
        self.problems.append(Problem(self.file, getattr(node, "lineno", 0), what))

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast API
        if self.classes:
            nested = any(isinstance(n, ast.Call) and call_kind(n) == "tr" for n in ast.walk(node))
            if nested:
                self.problem(node, f"self.tr in the nested class {node.name}: lupdate and Qt disagree on its context")
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 - ast API
        kind = call_kind(node)
        if kind is None:
            self.generic_visit(node)
            return
        if kind == "other-tr":
            self.problem(node, "tr() on something other than self: lupdate files it under a context that does "
                               "not exist at run time; use QCoreApplication.translate(\"Context\", …)")
        elif kind == "tr":
            self._tr(node)
        else:
            self._named(node, kind)
        self.generic_visit(node)

    def _source(self, node: ast.Call, arg: ast.AST | None) -> str | None:
        text = constant_text(arg)
        if text is None:
            self.problem(node, "the text to translate is not one string literal (an f-string, a variable or an "
                               "expression is not extracted, or extracted wrongly); format after translating")
            return None
        if not text.strip():
            self.problem(node, "an empty text to translate")
        self.translated.add(id(arg))
        return text

    def _tr(self, node: ast.Call) -> None:
        if not self.classes:
            self.problem(node, "self.tr outside a class")
            return
        if len(node.args) > 1 or node.keywords:
            self.problem(node, "self.tr with a disambiguation or plural argument")
        text = self._source(node, node.args[0] if node.args else None)
        cls = self.classes[-1]
        self.tr_classes.setdefault(cls, node.lineno)
        if text is not None:
            self.lookups.append(Lookup(cls, text, self.file, node.lineno))

    def _named(self, node: ast.Call, kind: str) -> None:
        args = node.args
        if kind == "noop" and (len(args) != 2 or node.keywords):
            self.problem(node, "QT_TRANSLATE_NOOP takes exactly (context, text); lupdate skips any other form")
        if kind == "translate" and (len(args) not in (2, 3, 4) or node.keywords):
            self.problem(node, "translate(context, text[, disambiguation[, n]]) with positional arguments only")
        context = constant_text(args[0] if args else None)
        if not context:
            self.problem(node, "the context is not a non-empty string literal (lupdate skips the call)")
            return
        if kind == "translate" and len(args) > 1 and isinstance(args[1], ast.Name | ast.Attribute | ast.Subscript):
            self.dynamic.append(Lookup(context, "", self.file, node.lineno, kind))
            return
        text = self._source(node, args[1] if len(args) > 1 else None)
        if text is not None:
            self.lookups.append(Lookup(context, text, self.file, node.lineno, kind))


def read_code(*roots: Path) -> list[CodeReader]:
    readers = []
    for path in python_files(*roots):
        reader = CodeReader(path)
        reader.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        readers.append(reader)
    return readers


def is_docstring(owner: ast.AST | None, statement: ast.AST | None) -> bool:
    body = getattr(owner, "body", None)
    return (isinstance(owner, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and bool(body) and body[0] is statement and isinstance(statement, ast.Expr))


def is_log_call(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id in LOGGER_NAMES)


def is_stored_value(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """A literal compared with (==, in) or used as a dictionary key is a stored value looked up, not text
    shown: `if kind == "调解协议书"`, `{"受理登记表": self.tr("…")}`."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Compare):
        return True
    return isinstance(parent, ast.Dict) and any(key is node for key in parent.keys)


def assigned_names(node: ast.AST, parents: dict[int, ast.AST]) -> set[str]:
    """The names the statement holding `node` assigns to (a constant table's name)."""
    while id(node) in parents and not isinstance(node, ast.stmt):
        node = parents[id(node)]
    if isinstance(node, ast.Assign):
        return {t.id for t in node.targets if isinstance(t, ast.Name)}
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return {node.target.id}
    return set()


def escaping_literals(reader: CodeReader, path: Path, allowed: list[tuple[str, str, str]]) -> list[Problem]:
    """Chinese string literals that are neither translated nor a docstring, a log message or allowed."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    # the reader's constant ids belong to its own tree: find the translated constants again in this one
    fresh = CodeReader(path)
    fresh.visit(tree)
    parents: dict[int, ast.AST] = {}
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            parents[id(child)] = parent
    problems = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value)):
            continue
        if id(node) in fresh.translated:
            continue
        statement = parents.get(id(node))
        if is_docstring(parents.get(id(statement)), statement):
            continue
        chain, logged = node, False
        while id(chain) in parents:
            chain = parents[id(chain)]
            if is_log_call(chain):
                logged = True
                break
        if logged:
            continue
        if is_stored_value(node, parents):
            continue
        names = assigned_names(node, parents)
        if any(reader.file == file and (node.value.startswith(key) or key in names) for file, key, _ in allowed):
            continue
        problems.append(Problem(reader.file, node.lineno, f"not translated: {node.value[:40]!r}"))
    return problems


# --- the tests ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[tuple[str, str, str]]:
    return ts_messages(run_lupdate(tmp_path_factory.mktemp("lupdate"), PACKAGE))


@pytest.fixture(scope="module")
def readers() -> list[CodeReader]:
    return read_code(PACKAGE)


def test_every_extracted_string_has_a_context(extracted):
    assert len(extracted) > 100
    empty = [f"{where}: {source[:40]!r}" for context, source, where in extracted if not context.strip()]
    assert not empty, "lupdate files these under an empty context:\n" + "\n".join(empty)


def test_lookups_are_written_so_lupdate_reads_them(readers):
    problems = [str(p) for r in readers for p in r.problems]
    assert not problems, "\n".join(problems)


def test_lupdate_extracts_each_lookup_in_the_context_it_is_looked_up_in(extracted, readers):
    """The contexts lupdate writes and the contexts the code looks up at run time are the same pairs."""
    looked_up = {(lk.context, lk.source): lk for r in readers for lk in r.lookups}
    filed = {(context, source): where for context, source, where in extracted}
    not_found = [f"{lk.file}:{lk.line}: lupdate does not extract {lk.source[:40]!r} under {lk.context!r}"
                 for key, lk in sorted(looked_up.items()) if key not in filed]
    stray = [f"{where}: {source[:40]!r} filed under {context!r}, which the code never looks up"
             for (context, source), where in sorted(filed.items()) if (context, source) not in looked_up]
    assert not not_found and not stray, "\n".join(not_found + stray)


def test_self_tr_only_in_qt_classes_that_nobody_subclasses(readers):
    """self.tr looks up the context of the object's own class; lupdate files the text under the class it is
    written in. The two agree only when the class is the object's class: no subclass may exist."""
    problems = []
    for reader in readers:
        if not reader.tr_classes:
            continue
        from PySide6.QtCore import QObject

        module = importlib.import_module(reader.module)
        for name, line in reader.tr_classes.items():
            cls = getattr(module, name, None)
            if not isinstance(cls, type):
                problems.append(f"{reader.file}:{line}: class {name} is not reachable as {reader.module}.{name}")
                continue
            if not issubclass(cls, QObject):
                problems.append(f"{reader.file}:{line}: {name} is not a QObject: it has no tr()")
            subclasses = [s.__name__ for s in all_subclasses(cls)]
            if subclasses:
                problems.append(f"{reader.file}:{line}: self.tr in {name}, which {', '.join(subclasses)} "
                                f"subclass: use QCoreApplication.translate({name!r}, …)")
    assert not problems, "\n".join(problems)


def all_subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("desktop_app."):
            found.append(sub)
        found.extend(all_subclasses(sub))
    return found


def test_each_table_is_translated_in_the_context_it_was_marked_in(readers):
    """A constant table is marked with QT_TRANSLATE_NOOP(context, …) where it is defined and translated with
    QCoreApplication.translate(context, value) where it is shown: the two sides must name the same
    contexts, else the translation is never found (or the lookup finds nothing to look up)."""
    marked = {lk.context: lk for r in readers for lk in r.lookups if lk.kind == "noop"}
    shown = {lk.context: lk for r in readers for lk in r.dynamic}
    problems = [f"{lk.file}:{lk.line}: marked under {c!r}, which no translate({c!r}, value) shows"
                for c, lk in sorted(marked.items()) if c not in shown and c not in QT_CONTEXTS]
    problems += [f"{lk.file}:{lk.line}: translate({c!r}, value), but nothing is marked under {c!r}"
                 for c, lk in sorted(shown.items()) if c not in marked]
    assert not problems, "\n".join(problems)


def test_no_chinese_literal_in_the_qt_layer_escapes_translation():
    problems = []
    for path in python_files(*QT_LAYER):
        reader = CodeReader(path)
        problems.extend(escaping_literals(reader, path, ALLOWED))
    assert not problems, f"{len(problems)} user-visible literals not translated:\n" + "\n".join(map(str, problems))


def test_each_allowance_is_used_and_says_why():
    for file, key, why in ALLOWED:
        assert len(why) > 20, (file, key)
        assert key in (PACKAGE / file).read_text(encoding="utf-8"), (file, key)


def test_the_committed_catalogue_holds_every_extracted_string(extracted):
    """`make i18n` was run after the last change to a text: the .ts in resources/ has every string the code
    has now (a translator works from it), and its .qm is what pyside6-lrelease makes of it."""
    assert TS_FILE.is_file() and QM_FILE.is_file(), "run `make i18n`"
    committed = {(context, source) for context, source, _ in ts_messages(TS_FILE)}
    missing = sorted({(context, source) for context, source, _ in extracted} - committed)
    assert not missing, f"{len(missing)} strings are not in {TS_FILE.name}: run `make i18n`\n" + "\n".join(
        f"{context}: {source[:40]!r}" for context, source in missing[:20])


def test_the_compiled_catalogue_matches_the_ts_file(tmp_path):
    qm = tmp_path / "check.qm"
    result = subprocess.run([tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(qm)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert qm.read_bytes() == QM_FILE.read_bytes(), "the .qm is older than the .ts: run `make i18n`"


# --- the messages services raise ---------------------------------------------------------------------

SERVICE_LAYER = [PACKAGE / "services", PACKAGE / "domain", PACKAGE / "db"]
# what a message travels in: raised, or handed to an error, a refusal or a scheduling problem
MESSAGE_CARRIER = re.compile(r"(Error|Refused|Failed|Invalid|Problem|NotAllowed|NotWritten|Cancelled)$")


def carrier_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def unmarked_messages(path: Path) -> list[Problem]:
    """Chinese texts raised or handed to an error/refusal/problem without QT_TRANSLATE_NOOP("Messages", …)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    parents = {id(child): parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value):
            text = node.value
        elif isinstance(node, ast.JoinedStr) and any(isinstance(v, ast.Constant) and not v.value.isascii()
                                                     for v in node.values):  # f"{label}：{exc.message}" too
            text = ast.unparse(node)
        else:
            continue
        if isinstance(parents.get(id(node)), ast.JoinedStr):
            continue
        chain, carried = node, False
        while id(chain) in parents:
            chain = parents[id(chain)]
            if isinstance(chain, ast.Call) and call_kind(chain) == "noop":
                break
            if isinstance(chain, ast.Raise) or (isinstance(chain, ast.Call)
                                                and MESSAGE_CARRIER.search(carrier_name(chain))):
                carried = True
                break
            if isinstance(chain, ast.stmt):
                break
        if carried:
            problems.append(Problem(rel(path), node.lineno, f"not marked for translation: {text[:50]!r}"))
    return problems


def malformed_messages(path: Path) -> list[Problem]:
    """Each Message(QT_TRANSLATE_NOOP("Messages", template), **params) names exactly the template's fields."""
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not (isinstance(node, ast.Call) and carrier_name(node) == "Message"):
            continue
        mark = node.args[0] if len(node.args) == 1 else None
        if not (isinstance(mark, ast.Call) and call_kind(mark) == "noop" and len(mark.args) == 2
                and constant_text(mark.args[0]) == "Messages" and constant_text(mark.args[1]) is not None):
            problems.append(Problem(rel(path), node.lineno, 'Message takes one QT_TRANSLATE_NOOP("Messages", …)'))
            continue
        template = constant_text(mark.args[1]) or ""
        parsed = string.Formatter().parse(template)
        fields = {name.split(".")[0].split("[")[0] for _, name, _, _ in parsed if name}
        given = {k.arg for k in node.keywords}
        if fields != given or None in given:
            problems.append(Problem(rel(path), node.lineno, f"template fields {sorted(fields)}, parameters "
                                                            f"{sorted(g for g in given if g)}"))
    return problems


def test_messages_services_raise_are_marked_for_translation():
    problems = [str(p) for path in python_files(*SERVICE_LAYER) for p in unmarked_messages(path)]
    assert not problems, f"{len(problems)} messages cannot be translated:\n" + "\n".join(problems)


def test_each_message_fills_exactly_the_fields_of_its_template():
    problems = [str(p) for path in python_files(*SERVICE_LAYER) for p in malformed_messages(path)]
    assert not problems, "\n".join(problems)


def test_the_service_layer_marks_only_messages_and_vocabulary(readers):
    other = sorted({f"{lk.file}:{lk.line}: {lk.context!r}" for r in readers for lk in r.lookups
                    if lk.file.split("/")[0] in ("services", "domain", "db")
                    and lk.context not in ("Messages", "Vocabulary")})
    assert not other, "\n".join(other)
