"""Certificate batches: the members a batch is for (team, hours in a year, star level) and issuing them.

A batch is all-or-nothing in the database: one transaction; if `progress` raises (`Cancelled`) or
anything fails, nothing is issued and the exception goes on to the caller. Members a rule refuses (no
hours, left the team …) are skipped and listed, the others issued. Files are written only after the commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ...db.database import db
from ...db.models import Member
from ...documents.certificates import CertificateData, build_certificates_pdf
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.service_levels import DEFAULT_STAR_THRESHOLDS
from ...domain.vocabulary import ACTIVE
from .. import audit
from ..accounts.roles import EDIT, requires
from ..files.usb_export import safe_file_name
from ..files.writer import error_for
from ..office.settings import get_setting
from ..progress import Progress
from ..records.service_hours import hours_by_member
from ..roster.search import RosterFilter, search_ids
from .content import prepare
from .errors import CertificateRefused
from .issuing import IssuedCertificate, context, issue_prepared, write_pdf

STAR_SETTING = "star_thresholds"

_ALL_MEMBERS_FROM = 5000


class CertificateFilesNotWritten(RuntimeError):
    """The batch was issued (committed) but its files could not be written; reprint them from the register."""

    def __init__(self, message: str, result: BatchResult) -> None:
        super().__init__(message)
        self.message = message
        self.result = result


@dataclass(frozen=True)
class BatchSkip:
    member_id: int
    name: str
    reason: str


@dataclass
class BatchResult:
    issued: list[IssuedCertificate] = field(default_factory=list)
    skipped: list[BatchSkip] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def batch_candidates(team_id: int | None = None, min_hours: float | None = None, year: int | None = None,
                     star_level: int | None = None, *, today: date | None = None) -> list[int]:
    """Members on duty (在队, not deleted) of a team (None: all), with at least `min_hours` recorded in
    `year` (default this year) and at least `star_level` stars by all their hours; by team, then name."""
    today = today or date.today()
    ids = search_ids(RosterFilter(team_id=team_id, status=ACTIVE), sort_key="team", today=today)
    if min_hours is not None and min_hours > 0:
        year = year or today.year
        hours = hours_of(ids, date(year, 1, 1), date(year, 12, 31))
        ids = [i for i in ids if hours.get(i, 0) >= min_hours - 1e-9]
    if star_level is not None and star_level > 0:
        thresholds = list(get_setting(STAR_SETTING, DEFAULT_STAR_THRESHOLDS))
        if star_level > len(thresholds):
            return []
        needed = thresholds[star_level - 1]
        hours = hours_of(ids)
        ids = [i for i in ids if hours.get(i, 0) >= needed - 1e-9]
    return ids


def hours_of(ids: list[int], date_from: date | None = None, date_to: date | None = None) -> dict[int, float]:
    """These members' recorded hours in the period. For most of a large roster one pass over every member's
    records beats hundreds of IN lists (88,000 ids of a prefecture: over a minute)."""
    return hours_by_member(None if len(ids) > _ALL_MEMBERS_FROM else ids, date_from, date_to)


@requires(EDIT)
def batch_issue(member_ids: Sequence[int], cert_type: str, *, title: str = "", reason: str = "",
                period_from: date | None = None, period_to: date | None = None,
                template_id: int | None = None, issued_on: date | None = None, handler: str | None = None,
                one_file: bool = True, out_file: Path | str | None = None, out_dir: Path | str | None = None,
                progress: Progress | None = None) -> BatchResult:
    """Issue the certificates of several members in one transaction, then write one PDF (`out_file`) or
    one file per member into `out_dir` (义警证 eight to a sheet in the one file).

    `progress(done, total, name)` is called before each member; raising in it (`Cancelled`) cancels:
    nothing is issued and the exception reaches the caller. Refused members are skipped and listed in the
    result.
    `CertificateFilesNotWritten` when the certificates were issued but their files could not be written."""
    one_path: Path | None = None  # the one file, when one_file
    if one_file:
        if out_file is None:
            raise ValueError("out_file is required when one_file is true")
        one_path = Path(out_file)
        target_dir = one_path.parent
    else:
        if out_dir is None:
            raise ValueError("out_dir is required when one_file is false")
        target_dir = Path(out_dir)
    if not target_dir.is_dir():
        raise CertificateRefused(
            Message(QT_TRANSLATE_NOOP("Messages", "保存位置不存在：{target_dir}"), target_dir=target_dir))
    ids = list(dict.fromkeys(int(i) for i in member_ids))
    issued_on = issued_on or date.today()
    result = BatchResult()
    documents: list[CertificateData] = []
    pdfs: list[bytes] = []
    total = len(ids) + (1 if one_file else 0)
    with db.atomic():
        ctx = context(cert_type, template_id, handler)
        members = {m.id: m for start in range(0, len(ids), 500)
                   for m in Member.select().where(Member.id.in_(ids[start:start + 500]))}
        taken: set[str] = set()
        seals: dict[str, bytes | None] = {}
        for done, member_id in enumerate(ids):
            member = members.get(member_id)
            if progress is not None:
                progress(done, total, member.name if member else "")
            if member is None:
                result.skipped.append(BatchSkip(member_id, "", QT_TRANSLATE_NOOP("Messages", "队员不存在")))
                continue
            try:
                prep = prepare(ctx, member, cert_type, title=title, reason=reason, period_from=period_from,
                               period_to=period_to, issued_on=issued_on)
            except CertificateRefused as exc:
                result.skipped.append(BatchSkip(member_id, member.name, exc.message))
                continue
            issued, data = issue_prepared(ctx, prep, taken, seals)
            result.issued.append(_without_pdf(issued))
            pdfs.append(issued.pdf)
            documents.append(data)
        combined = b""
        if one_file and documents:
            if progress is not None:
                progress(len(ids), total, QT_TRANSLATE_NOOP("Messages", "合并为一个文件"))
            combined = build_certificates_pdf(documents)
        if result.issued:
            audit.record("签发", "certificate", "", f"批量签发{cert_type}{len(result.issued)}份")
        if progress is not None:
            progress(total, total, "")  # the last moment to cancel: after the commit nothing is undone
    if not result.issued:
        return result
    try:
        if one_path is not None:
            result.files.append(write_pdf(one_path, combined))
        else:
            used: set[str] = set()
            for issued, pdf in zip(result.issued, pdfs, strict=True):
                name = _unique_name(safe_file_name(f"{issued.type}-{issued.name}-{issued.serial}.pdf"), used)
                result.files.append(write_pdf(target_dir / name, pdf))
    except OSError as exc:
        raise CertificateFilesNotWritten(
            Message(QT_TRANSLATE_NOOP("Messages", "{issued_count}份证书已签发，但文件未能写入：{message}"
                                      "已签发的证书可在证书登记簿中补打。"),
                    issued_count=len(result.issued), message=error_for(exc, target_dir).message),
            result) from exc
    return result


def _without_pdf(issued: IssuedCertificate) -> IssuedCertificate:
    return IssuedCertificate(issued.id, issued.serial, issued.type, issued.member_id, issued.name,
                             issued.verification_code, issued.issued_on, issued.hours, issued.sha256)


def _unique_name(name: str, used: set[str]) -> str:
    stem, dot, ext = name.rpartition(".")
    candidate, number = name, 2
    while candidate in used:
        candidate = f"{stem}（{number}）{dot}{ext}"
        number += 1
    used.add(candidate)
    return candidate
