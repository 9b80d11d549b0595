"""Turning a failed check's exception into one line that names what is missing from the build."""

from __future__ import annotations


class Missing(RuntimeError):
    """Something the program needs is not in the build: `kind` is 模块, 字体 or 文件."""

    def __init__(self, kind: str, name: str, detail: str = "") -> None:
        super().__init__(f"缺少{kind} {name}" + (f"（{detail}）" if detail else ""))
        self.kind = kind
        self.name = name


class EarlierCheckFailed(RuntimeError):
    """A check cannot run because one it builds on failed (that one's message says why)."""


class ReadBackFailed(RuntimeError):
    """A document was written but does not read back as expected."""


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def describe_failure(exc: BaseException) -> str:
    """"缺少模块 reportlab.graphics.barcode.qr", "缺少字体 …/ukai.ttc", or the exception's own words."""
    for link in _chain(exc):
        if isinstance(link, Missing):
            return str(link)
        if isinstance(link, ModuleNotFoundError):
            return f"缺少模块 {link.name or link}"
        if isinstance(link, ImportError):
            return f"模块无法加载 {link.name or ''}: {link}".replace("  ", " ")
        if isinstance(link, FileNotFoundError) and link.filename:
            kind = "字体" if str(link.filename).lower().endswith((".ttc", ".ttf", ".otf")) else "文件"
            return f"缺少{kind} {link.filename}"
    return f"{type(exc).__name__}: {exc}"
