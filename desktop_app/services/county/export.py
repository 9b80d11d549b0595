"""文件 → 导出数据包… and `export-package`: the office's records as one package for the county, written to a
stick with the verified writer (services/files/writer.py).

The package holds a consistent snapshot of the office's file (snapshot.py) and a manifest — the office
(uuid, name, 机构代码), when it was made, its sequence number (never reused, services/numbering.py), the
record counts, the SHA-256 of the body, the schema steps of the file — signed with the office's own key
and encrypted to the county's (package_format.py). The county's key comes from its `county.pub`; the first
time, or when the county's key changed, the administrator types the fingerprint the county read them on
the phone, and only then is the key trusted (kept in the settings; it is public).
"""

from __future__ import annotations

import tempfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ...config import APP_VERSION
from ...db.database import db
from ...db.migrations import recorded_steps
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from .. import audit
from ..accounts.roles import EXPORT, SETTINGS, require
from ..files.writer import WrittenFile, write_verified
from ..numbering import next_number
from ..office.settings import get_setting, set_setting
from ..progress import Progress, report
from ..storage.data_folder import open_folder
from .identity import identity
from .keys import (
    CountyPublicKey,
    KeyFileError,
    fingerprint,
    office_signing_key,
    read_public_key,
    same_fingerprint,
)
from .package_format import OFFICE_SNAPSHOT, seal
from .snapshot import PACKAGE_SERIES, write_snapshot

COUNTY_KEY_SETTING = "county.public_key"
COUNTY_NAME_SETTING = "county.name"
PACKAGE_SUFFIX = ".yjpkg"


class ExportRefused(ValueError):
    """The package cannot be made as asked; the message says why."""


class CountyKeyNotConfirmed(ExportRefused):
    """The county's key is not trusted yet (or changed): its fingerprint must be confirmed first."""

    def __init__(self, county: str, fingerprint: str, changed: bool) -> None:
        if changed:
            text = Message(QT_TRANSLATE_NOOP("Messages", "县局“{county}”的公钥与之前确认的不同：请与县局电话核对新指纹 {fingerprint} 后再确认"),
                           county=county, fingerprint=fingerprint)
        else:
            text = Message(QT_TRANSLATE_NOOP("Messages", "尚未确认县局“{county}”的公钥：请与县局电话核对指纹 {fingerprint} 后确认"),
                           county=county, fingerprint=fingerprint)
        super().__init__(text)
        self.county, self.fingerprint, self.changed = county, fingerprint, changed


@dataclass(frozen=True)
class ExportedPackage:
    path: Path
    sequence: int
    counts: dict[str, int]
    size: int
    county: str
    signer_fingerprint: str  # the office's: the county's administrator confirms it at the first package


def trusted_county_key() -> tuple[str, CountyPublicKey] | None:
    value = get_setting(COUNTY_KEY_SETTING, None)
    if not value:
        return None
    return get_setting(COUNTY_NAME_SETTING, ""), CountyPublicKey.from_hex(value)


def county_key_for(pub_path: Path, typed_fingerprint: str | None = None) -> tuple[str, CountyPublicKey]:
    """The county's key from `county.pub`, trusted: the one confirmed before, or this one once
    `typed_fingerprint` (what the county read out) matches it — then it is kept (the administrator's)."""
    try:
        name, key = read_public_key(pub_path)
    except KeyFileError as exc:
        raise ExportRefused(str(exc)) from exc
    trusted = trusted_county_key()
    if trusted is not None and trusted[1].raw == key.raw:
        return name, key
    if typed_fingerprint is None or not same_fingerprint(typed_fingerprint, key.fingerprint):
        if typed_fingerprint is not None:
            raise ExportRefused(Message(QT_TRANSLATE_NOOP(
                "Messages", "输入的指纹与县局公钥文件不符（文件的指纹为 {fingerprint}）：未导出"), fingerprint=key.fingerprint))
        raise CountyKeyNotConfirmed(name, key.fingerprint, changed=trusted is not None)
    require(SETTINGS)
    with db.atomic():
        set_setting(COUNTY_KEY_SETTING, key.raw.hex())
        set_setting(COUNTY_NAME_SETTING, name)
        audit.record("修改", "setting", "", f"确认县局公钥（指纹 {key.fingerprint}）")
    return name, key


def default_file_name(office_name: str, sequence: int, when: datetime) -> str:
    return f"数据包-{office_name}-第{sequence}号-{when:%Y%m%d}{PACKAGE_SUFFIX}"


def export_package(pub_path: Path | str, dest: Path | str, typed_fingerprint: str | None = None,
                   progress: Progress | None = None, now: datetime | None = None) -> ExportedPackage:
    """Make the package and write it to `dest` (a file, or a folder to put it in under its usual name)."""
    require(EXPORT)
    me = identity()
    if me is None:
        raise ExportRefused(QT_TRANSLATE_NOOP("Messages", "请先填写单位信息"))
    if me.is_county:
        raise ExportRefused(QT_TRANSLATE_NOOP("Messages", "县局的数据文件夹不导出单位数据包（它导出参考数据包）"))
    root = open_folder()
    assert root is not None
    county_name, county_key = county_key_for(Path(pub_path), typed_fingerprint)
    report(progress, 0, 4, QT_TRANSLATE_NOOP("Messages", "正在生成数据快照"))
    now = now or datetime.now()
    with db.atomic():
        sequence = next_number(PACKAGE_SERIES, 0)
    steps = sorted(recorded_steps(db.obj))
    with tempfile.TemporaryDirectory(prefix="yijing-package-") as folder:
        snapshot = Path(folder) / "snapshot.db"
        counts = write_snapshot(snapshot)
        report(progress, 1, 4, QT_TRANSLATE_NOOP("Messages", "正在压缩、签名并加密"))
        body = zlib.compress(snapshot.read_bytes(), 6)
    manifest = {
        "kind": OFFICE_SNAPSHOT, "office_uuid": me.uuid, "office_name": me.name, "org_code": me.org_code,
        "sequence": sequence, "created_at": now.isoformat(timespec="seconds"), "schema_steps": steps,
        "schema_version": max(steps), "counts": counts, "program": APP_VERSION, "county": county_name,
        "county_fingerprint": county_key.fingerprint, "compression": "zlib",
    }
    signer = office_signing_key(root)
    data = seal(OFFICE_SNAPSHOT, manifest, body, signer, county_key.box, county_key.fingerprint)
    dest = Path(dest)
    if dest.is_dir():
        dest = dest / default_file_name(me.name, sequence, now)
    report(progress, 2, 4, QT_TRANSLATE_NOOP("Messages", "正在写入并校验"))
    written: WrittenFile = write_verified(dest, data)
    audit.record("导出", "", "", f"县局数据包第{sequence}号（{sum(counts.values())} 条记录，发往{county_name}）")
    report(progress, 4, 4, QT_TRANSLATE_NOOP("Messages", "数据包已导出"))
    return ExportedPackage(dest, sequence, counts, written.size, county_name, fingerprint(bytes(signer.verify_key)))

