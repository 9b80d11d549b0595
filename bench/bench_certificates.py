"""证书打印: one preview (a 志愿服务证明 built from the member's recorded hours, nothing stored), and a batch
of 500 certificates issued in one transaction and written out (荣誉证书 into one file; 志愿服务证明 one file
per member, each with its hours computed). The issue's budgets: a preview in ≤ 1 s, 500 in ≤ 30 s.

Baselines: a one-page reportlab document with the same font (楷体, the bundled ukai.ttc) and a line of
text; for the batch, 500 such documents.
"""

from __future__ import annotations

import io
import shutil
import time
from collections.abc import Callable

from harness import Benchmark, Context
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from desktop_app.documents.fonts import KAI, font
from desktop_app.domain.vocabulary import HONOUR, SERVICE_PROOF
from desktop_app.services.certificates.batch import batch_candidates, batch_issue
from desktop_app.services.certificates.issuing import preview_certificate

BATCH = 500
PREVIEW_BUDGET_S = 1.0
BATCH_BUDGET_S = 30.0

_members: dict[str, list[int]] = {}


def _with_hours(ctx: Context, needed: int) -> list[int]:
    """Members on duty with at least 10 recorded hours this year (the data's year), by team and name."""
    ctx.store()
    if ctx.scale not in _members:
        _members[ctx.scale] = batch_candidates(min_hours=10, year=ctx.today.year, today=ctx.today)
    if len(_members[ctx.scale]) < needed:
        raise AssertionError(f"only {len(_members[ctx.scale])} members with hours in {ctx.scale}")
    return _members[ctx.scale]


def _preview(ctx: Context) -> float:
    member = _with_hours(ctx, 1)[0]
    started = time.perf_counter()
    pdf = preview_certificate(member, SERVICE_PROOF, issued_on=ctx.today)
    elapsed = time.perf_counter() - started
    if not pdf.startswith(b"%PDF"):
        raise AssertionError("no PDF")
    return elapsed


def _one_page(text: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), invariant=1)
    canvas.setFont(font(KAI), 24)
    canvas.drawString(100, 400, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _preview_baseline(ctx: Context) -> float:
    started = time.perf_counter()
    _one_page("兹证明努尔买买提·西热甫同志参加志愿服务，累计志愿服务时长174小时。")
    return time.perf_counter() - started


def _batch(cert_type: str, one_file: bool) -> Callable[[Context], float]:
    def run(ctx: Context) -> float:
        members = _with_hours(ctx, BATCH)[:BATCH]
        out = ctx.scratch(f"batch-{cert_type}")
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        kwargs = {"out_file": out / "证书.pdf"} if one_file else {"out_dir": out, "one_file": False}
        started = time.perf_counter()
        result = batch_issue(members, cert_type, title="优秀义警", reason="年度义警志愿服务工作",
                             issued_on=ctx.today, **kwargs)
        elapsed = time.perf_counter() - started
        if len(result.issued) != BATCH or len(result.files) != (1 if one_file else BATCH):
            raise AssertionError(f"issued {len(result.issued)}, skipped {len(result.skipped)}")
        return elapsed

    return run


def _batch_baseline(ctx: Context) -> float:
    started = time.perf_counter()
    for n in range(BATCH):
        _one_page(f"兹证明第{n}号队员参加志愿服务，累计志愿服务时长{n}小时。")
    return time.perf_counter() - started


BENCHMARKS = [
    Benchmark(
        name="cert_preview",
        what="证书预览：按登记时长生成一份志愿服务证明PDF（不签发）/ preview_certificate",
        run=_preview,
        baseline=_preview_baseline,
        baseline_name="one-page reportlab PDF, same font (ukai)",
        budget_s=PREVIEW_BUDGET_S,
        warmup=0,  # the first run includes registering the fonts, as in a fresh program
    ),
    Benchmark(
        name="cert_batch_honour_500",
        what=f"批量签发{BATCH}份荣誉证书（一个事务，合并为一个PDF）/ batch_issue(one_file=True)",
        run=_batch(HONOUR, one_file=True),
        baseline=_batch_baseline,
        baseline_name=f"{BATCH} one-page reportlab PDFs, same font",
        budget_s=BATCH_BUDGET_S,
        repeat=3,
        scales=("county", "prefecture"),  # a village has fewer than 500 members with hours
    ),
    Benchmark(
        name="cert_batch_proof_500",
        what=f"批量出具{BATCH}份志愿服务证明（逐人计算时长，每人一个文件）/ batch_issue(one_file=False)",
        run=_batch(SERVICE_PROOF, one_file=False),
        baseline=_batch_baseline,
        baseline_name=f"{BATCH} one-page reportlab PDFs, same font",
        budget_s=BATCH_BUDGET_S,
        repeat=3,
        scales=("county", "prefecture"),  # a village has fewer than 500 members with hours
    ),
]
