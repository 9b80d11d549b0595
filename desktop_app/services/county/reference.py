"""The way back: the county's reference package — the confirmed holiday arrangements (national and 自治区
layers), the certificate templates (wording and border, not the seals: each office seals with its own) and
the points rules with the star thresholds — which every office imports, so a new year's holidays are
entered once for the whole county.

The package has the same form as an office's (package_format.py), signed with the county's Ed25519 key and
not encrypted (nothing in it is personal). An office accepts it only when it is signed by the county key it
trusts (confirmed by its fingerprint, export.py); the county's sequence numbers make an older package change
nothing and the same one again "无变化". It applies in one transaction through the office's own services
(holiday_arrangements, certificates/templates, records/points), with their checks; a refused package leaves
everything as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ...db.database import db
from ...db.models import CertificateTemplate, Holiday
from ...domain.holiday_days import NATIONAL, XINJIANG, ArrangedDay
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from .. import audit
from ..accounts.roles import EXPORT, SETTINGS, require
from ..calendar import working_days
from ..calendar.holiday_arrangements import save_arrangement
from ..certificates.templates import save_template
from ..files.writer import WrittenFile, write_verified
from ..numbering import next_number
from ..office.settings import get_setting, set_setting
from ..records.points import points_rules, save_points_rules, save_star_thresholds, star_thresholds
from ..storage.data_folder import open_folder
from .export import ExportRefused, county_key_for, trusted_county_key
from .identity import identity
from .keys import county_keys
from .package_format import REFERENCE, PackageRefused, open_package, seal

REFERENCE_SERIES = "参考数据包"
SEQUENCE_SETTING = "county.reference_sequence"
SHA_SETTING = "county.reference_sha256"
SUFFIX = ".yjref"
SOURCE = "县局参考数据包"

APPLIED = "已导入"
UNCHANGED = "无变化"
STALE = "旧数据包"


@dataclass(frozen=True)
class ReferenceExported:
    path: Path
    sequence: int
    counts: dict[str, int]


@dataclass
class ReferenceImported:
    outcome: str
    sequence: int
    county: str
    reason: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        if self.outcome == APPLIED:
            parts = "，".join(f"{k} {v}" for k, v in self.counts.items())
            return f"{self.county}参考数据包第{self.sequence}号已导入：{parts}"
        return f"{self.county}参考数据包第{self.sequence}号：{self.outcome} — {self.reason}"


def reference_content() -> dict[str, Any]:
    """What the county sends: its confirmed holiday layers by year, its templates, its points rules."""
    holidays: dict[str, list[list[str]]] = {}
    rows = (Holiday.select(Holiday.layer, Holiday.year, Holiday.date, Holiday.kind, Holiday.name)
            .where(Holiday.layer.in_([NATIONAL, XINJIANG]), Holiday.confirmed == True)  # noqa: E712
            .order_by(Holiday.layer, Holiday.year, Holiday.date).tuples())
    for layer, year, day, kind, name in rows:
        holidays.setdefault(f"{layer}:{year}", []).append([str(day), kind, name])
    templates = [{"type": t.type, "name": t.name, "wording": t.wording, "border_style": t.border_style,
                  "is_default": bool(t.is_default)}
                 for t in CertificateTemplate.select().order_by(CertificateTemplate.type, CertificateTemplate.id)]
    return {"holidays": holidays, "templates": templates, "points_rules": points_rules().to_dict(),
            "star_thresholds": list(star_thresholds())}


def export_reference(dest: Path | str, now: datetime | None = None) -> ReferenceExported:
    require(EXPORT)
    me, root = identity(), open_folder()
    if me is None or not me.is_county or root is None:
        raise ExportRefused(QT_TRANSLATE_NOOP("Messages", "只有县局的数据文件夹能导出参考数据包"))
    keys = county_keys(root)
    now = now or datetime.now()
    content = reference_content()
    with db.atomic():
        sequence = next_number(REFERENCE_SERIES, 0)
    counts = {"节假日安排": len(content["holidays"]), "证书模板": len(content["templates"]), "积分规则": 1}
    manifest = {"kind": REFERENCE, "county": me.name, "county_uuid": me.uuid, "sequence": sequence,
                "created_at": now.isoformat(timespec="seconds"), "counts": counts}
    body = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    data = seal(REFERENCE, manifest, body, keys.signing, None, keys.public.fingerprint)
    dest = Path(dest)
    if dest.is_dir():
        dest = dest / f"县局参考数据包-{me.name}-第{sequence}号-{now:%Y%m%d}{SUFFIX}"
    written: WrittenFile = write_verified(dest, data)
    audit.record("导出", "", "", f"县局参考数据包第{sequence}号")
    return ReferenceExported(written.path, sequence, counts)


def _apply(content: dict[str, Any]) -> dict[str, int]:
    years = 0
    for key, days in sorted(content.get("holidays", {}).items()):
        layer, year = key.split(":")
        save_arrangement(layer, int(year), [ArrangedDay(date.fromisoformat(d), kind, name) for d, kind, name in days],
                         confirmed=True, source=SOURCE)
        years += 1
    templates = 0
    for t in content.get("templates", []):
        found = CertificateTemplate.get_or_none((CertificateTemplate.type == t["type"]) & (CertificateTemplate.name == t["name"]))
        if found is not None and (found.wording, found.border_style, bool(found.is_default)) == (
                t["wording"], t["border_style"], bool(t["is_default"])):
            continue
        save_template(found.id if found else None, t["type"], t["name"], t["wording"], t["border_style"],
                      is_default=bool(t["is_default"]))
        templates += 1
    rules = 0
    if content.get("points_rules") and content["points_rules"] != points_rules().to_dict():
        save_points_rules(content["points_rules"])
        rules += 1
    if content.get("star_thresholds") and tuple(content["star_thresholds"]) != star_thresholds():
        save_star_thresholds(content["star_thresholds"])
        rules += 1
    return {"节假日安排": years, "证书模板": templates, "积分与星级规则": rules}


def import_reference(path: Path | str, pub_path: Path | str | None = None,
                     typed_fingerprint: str | None = None) -> ReferenceImported:
    """Check and apply a reference package at an office; `PackageRefused` with the reason (nothing applied).
    The county's key is the one the office trusts, or (first time) `pub_path`'s once its fingerprint is typed."""
    require(SETTINGS)
    me = identity()
    if me is None or me.is_county:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "参考数据包由各单位导入，县局自己不导入"))
    trusted = trusted_county_key()
    if trusted is None:
        if pub_path is None:
            raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "尚未确认县局公钥：请同时选择县局公钥文件并核对其指纹"))
        try:
            trusted = county_key_for(Path(pub_path), typed_fingerprint)
        except ExportRefused as exc:
            raise PackageRefused(str(exc)) from exc
    county_name, key = trusted
    data = Path(path).read_bytes()
    opened = open_package(data, REFERENCE, None, key.fingerprint)
    if opened.signer_key != bytes(key.verify):
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "签名不符：这个参考数据包不是本单位所认可的县局签发的"))
    try:
        sequence = int(opened.manifest["sequence"])
        content = json.loads(opened.body)
        if not isinstance(content, dict):
            raise ValueError
    except (KeyError, ValueError, TypeError) as exc:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包的清单不完整")) from exc
    county = str(opened.manifest.get("county", county_name))
    newest = int(get_setting(SEQUENCE_SETTING, 0))
    if sequence < newest:
        return ReferenceImported(STALE, sequence, county, str(Message(QT_TRANSLATE_NOOP(
            "Messages", "比已导入的第{newer}号数据包旧，未作任何修改"), newer=newest)))
    if sequence == newest:
        if get_setting(SHA_SETTING, "") != opened.manifest["body_sha256"]:
            raise PackageRefused(Message(QT_TRANSLATE_NOOP(
                "Messages", "第{sequence}号数据包已导入过，这一个序号相同而内容不同：未导入"), sequence=sequence))
        return ReferenceImported(UNCHANGED, sequence, county, str(QT_TRANSLATE_NOOP("Messages", "这个数据包已导入过")))
    try:
        with db.atomic():
            counts = _apply(content)
            set_setting(SEQUENCE_SETTING, sequence)
            set_setting(SHA_SETTING, opened.manifest["body_sha256"])
            audit.record("导入", "setting", "", f"县局参考数据包第{sequence}号")
    except (ValueError, KeyError, TypeError) as exc:
        working_days.invalidate()  # the holiday cache may have read the rolled-back days
        raise PackageRefused(Message(QT_TRANSLATE_NOOP("Messages", "参考数据包的内容不能采用：{reason}"),
                                     reason=str(exc))) from exc
    return ReferenceImported(APPLIED, sequence, county, counts=counts)
