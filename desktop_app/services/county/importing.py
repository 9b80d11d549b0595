"""文件 → 导入数据包… and `import-package` at the county: each package checked, then the county's copy of its
office brought to exactly its snapshot (copies.py), or refused with the reason and nothing applied.

The checks, in order: a package at all, complete, for this county, opens with the county's key (any changed
byte fails here), signed, its body matching the manifest's SHA-256 (package_format.py); the office's key —
registered at its first package once the administrator confirmed its fingerprint (`confirm`), the same key
for every later one; the schema — a package from a newer program is refused, one from an older program is
brought up to this one's schema by the same migrations; the sequence — an older package than the one
applied changes nothing and says so, the same one again is "无变化". Every package read is logged
(`PackageImport`) and audited.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from ...db.database import PRAGMAS, db
from ...db.migrations import STEPS, migrate
from ...db.models import CountyOffice, PackageImport
from ...db.snapshot import check_file
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from .. import audit
from ..accounts.roles import EDIT, SETTINGS, require
from ..files.writer import remove_quietly
from ..progress import Progress, report
from ..storage.data_folder import open_folder
from .copies import CopyState, apply_snapshot, copy_path, copy_state, open_copy
from .identity import identity
from .keys import county_keys, fingerprint
from .package_format import OFFICE_SNAPSHOT, OpenedPackage, PackageRefused, open_package

APPLIED = "已导入"
UNCHANGED = "无变化"
STALE = "旧数据包"
REFUSED = "拒绝"
_MAX_PACKAGE = 2 * 1024**3

# asked at an office's first package: (office name, fingerprint of its signing key) → the administrator
# confirmed it with the office (on the phone)
Confirm = Callable[[str, str], bool]


@dataclass
class ImportOutcome:
    file: Path
    outcome: str
    office_name: str = ""
    office_uuid: str = ""
    sequence: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    reason: str = ""
    created_at: datetime | None = None
    by_table: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        return self.outcome == REFUSED

    def line(self) -> str:
        """One line for the CLI and the window's summary."""
        who = self.office_name or self.file.name
        if self.outcome == REFUSED:
            return f"{self.file.name}：拒绝 — {self.reason}"
        if self.outcome == APPLIED:
            return f"{who}（第{self.sequence}号）：新增 {self.added}，修改 {self.changed}，删除 {self.removed}"
        return f"{who}（第{self.sequence}号）：{self.outcome} — {self.reason}"


def _manifest_fields(manifest: dict) -> tuple[str, str, int, datetime, list[int]]:
    try:
        office_uuid = str(manifest["office_uuid"])
        name = str(manifest["office_name"])
        sequence = int(manifest["sequence"])
        created = datetime.fromisoformat(str(manifest["created_at"]))
        steps = [int(n) for n in manifest["schema_steps"]]
        if len(office_uuid) != 32 or int(office_uuid, 16) < 0 or sequence < 1 or not steps or not name:
            raise ValueError
    except (KeyError, ValueError, TypeError) as exc:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包的清单不完整")) from exc
    return office_uuid, name, sequence, created, steps


def _registered(opened: OpenedPackage, office_uuid: str, name: str, confirm: Confirm | None) -> CountyOffice:
    signer = opened.signer_key.hex()
    known = CountyOffice.get_or_none(CountyOffice.office_uuid == office_uuid)
    if known is not None:
        if known.verify_key != signer:
            raise PackageRefused(Message(QT_TRANSLATE_NOOP(
                "Messages", "“{office}”的签名密钥与登记时的不同（数据包的指纹为 {fingerprint}）：可能是冒名的数据包，"
                            "或该单位重装后换了密钥；请与该单位核实"), office=known.name, fingerprint=fingerprint(opened.signer_key)))
        return known
    printed = fingerprint(opened.signer_key)
    if confirm is None or not confirm(name, printed):
        raise PackageRefused(Message(QT_TRANSLATE_NOOP(
            "Messages", "“{office}”是第一次报送数据包，其签名指纹 {fingerprint} 尚未经管理员确认：未导入"),
            office=name, fingerprint=printed))
    require(SETTINGS)
    with db.atomic():
        row = CountyOffice.create(office_uuid=office_uuid, name=name, org_code=str(opened.manifest.get("org_code", "")),
                                  verify_key=signer, fingerprint=printed, registered_by=audit.current_user())
        audit.record("新增", "county_office", row.uuid, f"登记报送单位（签名指纹 {printed}）")
    return row


def _incoming_snapshot(body: bytes, dest: Path, steps: list[int]) -> None:
    """The package's snapshot as a file at this program's schema, checked."""
    try:
        content = zlib.decompress(body)
    except zlib.error as exc:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包的内容无法解压")) from exc
    dest.write_bytes(content)
    problems = check_file(dest, quick=True)
    if problems:
        raise PackageRefused(Message(QT_TRANSLATE_NOOP("Messages", "数据包中的数据文件已损坏：{problems}"),
                                     problems="; ".join(problems[:2])))
    known = {n for n, _step in STEPS}
    if not set(steps) <= known:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包由更新版本的程序生成：请先升级县局的程序"))
    database = SqliteDatabase(str(dest), pragmas={**PRAGMAS, "journal_mode": "delete"})
    try:
        database.connect()
        try:
            migrate(database, backup_dir=None)
        except Exception as exc:
            raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包的数据无法升级到本程序的数据结构")) from exc
    finally:
        database.close()


def import_package(path: Path | str, confirm: Confirm | None = None) -> ImportOutcome:
    """Read one package and apply it; the outcome (a refusal is an outcome, not an exception)."""
    require(EDIT)
    path = Path(path)
    try:
        outcome = _import(path, confirm)
    except PackageRefused as exc:
        outcome = ImportOutcome(path, REFUSED, reason=str(exc))
    except OSError as exc:
        outcome = ImportOutcome(path, REFUSED, reason=str(Message(QT_TRANSLATE_NOOP(
            "Messages", "无法读取数据包：{error}"), error=exc.strerror or exc)))
    _log(path, outcome)
    return outcome


def _import(path: Path, confirm: Confirm | None) -> ImportOutcome:
    me = identity()
    root = open_folder()
    if me is None or not me.is_county or root is None:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "只有县局的数据文件夹能导入单位数据包"))
    if path.stat().st_size > _MAX_PACKAGE:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "不是本系统的数据包"))
    data = path.read_bytes()
    keys = county_keys(root)
    opened = open_package(data, OFFICE_SNAPSHOT, keys.box, keys.public.fingerprint)
    office_uuid, name, sequence, created, steps = _manifest_fields(opened.manifest)
    office = _registered(opened, office_uuid, name, confirm)
    result = ImportOutcome(path, APPLIED, office.name, office_uuid, sequence, created_at=created)
    target = copy_path(root, office_uuid)
    database = open_copy(target)
    try:
        state = copy_state(database)
        if sequence < state.sequence:
            result.outcome = STALE
            result.reason = str(Message(QT_TRANSLATE_NOOP(
                "Messages", "比已导入的第{newer}号数据包旧，未作任何修改"), newer=state.sequence))
            return result
        if sequence == state.sequence:
            if state.body_sha256 != opened.manifest["body_sha256"]:
                raise PackageRefused(Message(QT_TRANSLATE_NOOP(
                    "Messages", "第{sequence}号数据包已导入过，这一个序号相同而内容不同：未导入"), sequence=sequence))
            result.outcome = UNCHANGED
            result.reason = str(QT_TRANSLATE_NOOP("Messages", "这个数据包已导入过"))
            return result
        incoming = target.with_name(f".{office_uuid}-{sequence}.incoming.part")
        remove_quietly(incoming)
        try:
            _incoming_snapshot(opened.body, incoming, steps)
            changes = apply_snapshot(database, incoming, CopyState(sequence, created.isoformat(timespec="seconds"),
                                                                   opened.manifest["body_sha256"]))
        finally:
            remove_quietly(incoming)
            remove_quietly(incoming.with_name(incoming.name + "-journal"))
    finally:
        database.close()
    result.added, result.changed, result.removed = changes.added, changes.changed, changes.removed
    result.by_table = changes.by_table
    if changes.none:
        result.outcome = UNCHANGED
        result.reason = str(QT_TRANSLATE_NOOP("Messages", "与上一个数据包相比没有变化"))
    with db.atomic():
        office.name = name
        office.last_sequence = sequence
        office.last_created_at = created
        office.last_imported_at = datetime.now()
        office.save()
    return result


def _log(path: Path, outcome: ImportOutcome) -> None:
    with db.atomic():
        PackageImport.create(
            office_uuid=outcome.office_uuid, office_name=outcome.office_name, sequence=outcome.sequence,
            package_created_at=outcome.created_at, outcome=outcome.outcome, added=outcome.added, changed=outcome.changed,
            removed=outcome.removed, reason=outcome.reason, file_name=path.name[:200],
            file_sha256=_sha_quietly(path), username=audit.current_user())
        summary = (f"数据包 {outcome.office_name or path.name} 第{outcome.sequence}号：{outcome.outcome}"
                   f"（新增 {outcome.added}，修改 {outcome.changed}，删除 {outcome.removed}）")
        audit.record("导入", "package_import", "", summary if not outcome.refused else f"数据包被拒绝：{outcome.reason}")


def _sha_quietly(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def import_packages(paths: Sequence[Path | str], confirm: Confirm | None = None,
                    progress: Progress | None = None) -> list[ImportOutcome]:
    """Each package in turn, each on its own (one refused does not stop the others)."""
    outcomes = []
    for index, path in enumerate(paths):
        report(progress, index, len(paths), Message(QT_TRANSLATE_NOOP("Messages", "正在导入 {name}"), name=Path(path).name))
        outcomes.append(import_package(path, confirm))
    report(progress, len(paths), len(paths), QT_TRANSLATE_NOOP("Messages", "数据包导入完成"))
    return outcomes

