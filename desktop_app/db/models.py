"""peewee models for the whole data model (DESIGN.md §2).

The schema on disk is made by the numbered migrations in `db/migrations/`, never by `create_tables`;
a test checks that the migrated schema and these classes agree column by column.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    DeferredForeignKey,
    DoubleField,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    TimeField,
)

from ..domain.i18n import QT_TRANSLATE_NOOP
from .database import db

_uuid_source: Callable[[], str] | None = None


def new_uuid() -> str:
    """A new record's uuid: random, or taken from the source `uuids_from` has set."""
    return _uuid_source() if _uuid_source is not None else uuid.uuid4().hex


@contextmanager
def uuids_from(source: Callable[[], str]) -> Iterator[None]:
    """Inside the block every record made with `new_uuid` takes its uuid from `source` (32 hex digits),
    so that seeded demo data is the same, uuids included, each time it is made."""
    global _uuid_source
    previous, _uuid_source = _uuid_source, source
    try:
        yield
    finally:
        _uuid_source = previous


class BaseModel(Model):
    uuid = CharField(max_length=32, unique=True, default=new_uuid)
    created_at = DateTimeField(default=datetime.now)
    updated_at = DateTimeField(default=datetime.now)

    class Meta:
        database = db
        legacy_table_names = False

    def save(self, *args, **kwargs):
        self.updated_at = datetime.now()
        return super().save(*args, **kwargs)


def _nobody() -> str:
    return ""


# who is acting, as the records' `changed_by` names them: the services set it (services/accounts/roles.py)
changed_by_source: Callable[[], str] = _nobody


class StaleVersion(Exception):
    """A versioned record was saved over a version other than the one it was loaded at (another client
    saved it in between): nothing was written. services/clients/versions.py says who changed it and when."""

    def __init__(self, model: type[Model], record_id: int, expected: int) -> None:
        super().__init__(f"{model.__name__} {record_id}: version {expected} is no longer current")
        self.model, self.record_id, self.expected = model, record_id, expected


class VersionedModel(BaseModel):
    """A record users edit in forms (migrations 9 and 11): `version` goes up by one with every save, and a save of
    a loaded record is one `UPDATE … SET version = version + 1 … WHERE id = ? AND version = ?`, so of two
    clients that loaded the same version only the first one's save is written and the second raises
    `StaleVersion` (on both engines, whatever the timing: the row's lock orders the two UPDATEs). A form
    that loaded the record earlier sets `version` to the one it loaded before saving."""

    version = IntegerField(default=1)
    changed_by = CharField(max_length=50, default="")  # the operator's shown name
    changed_at = DateTimeField(null=True)

    _expected_version: int | None = None

    def _pk_expr(self):
        expr = super()._pk_expr()
        if self._expected_version is not None:
            expr &= type(self).version == self._expected_version
        return expr

    def save(self, force_insert: bool = False, only=None):
        self.changed_by, self.changed_at = changed_by_source()[:50], datetime.now()
        if force_insert or self.get_id() is None:
            return super().save(force_insert=force_insert, only=only)
        cls = type(self)
        expected = self.__data__.get("version")
        if only is not None:
            only = [*only, cls.version, cls.changed_by, cls.changed_at, cls.updated_at]
        self._expected_version = expected
        self.__data__["version"] = cls.version + 1
        try:
            rows = super().save(only=only)
        except BaseException:
            self.__data__["version"] = expected
            raise
        finally:
            self._expected_version = None
        if expected is None:
            self.__data__["version"] = cls.select(cls.version).where(cls.id == self.get_id()).scalar()
        elif not rows:
            self.__data__["version"] = expected
            raise StaleVersion(cls, self.get_id(), expected)
        else:
            self.__data__["version"] = expected + 1
        return rows

    def save_derived(self, *fields: Field) -> int:
        """Store only `fields`, values the program derives from other records (a case's deadlines from its
        sessions and the holidays) that a form's save derives again anyway: the version stays, so a form
        open on the record still saves, and no other column is written over."""
        cls = type(self)
        self.updated_at = datetime.now()
        values = {field: self.__data__.get(field.name) for field in fields}
        return cls.update({**values, cls.updated_at: self.updated_at}).where(cls.id == self.get_id()).execute()

    @classmethod
    def bumped(cls) -> dict:
        """The values an `update()` of many rows adds so that each row's version goes up too."""
        return {"version": cls.version + 1, "changed_by": changed_by_source()[:50], "changed_at": datetime.now()}


class SchemaVersion(Model):
    version = IntegerField(primary_key=True)
    applied_at = DateTimeField(default=datetime.now)
    description = CharField(default="")

    class Meta:
        database = db
        table_name = "schema_version"


# --- office and settings -------------------------------------------------------------------------


class OfficeSettings(VersionedModel):
    """One row: the office that runs the teams."""

    unit_name = CharField(max_length=100)  # 单位名称
    parent_unit = CharField(max_length=100, default="")  # 上级单位
    address = CharField(max_length=200, default="")
    leader_name = CharField(max_length=50, default="")  # 负责人
    contact_phone = CharField(max_length=30, default="")
    case_prefix = CharField(max_length=20, default="")  # e.g. 夏派调
    seal_image = BlobField(null=True)  # transparent PNG
    certificate_wording = TextField(default="")  # JSON overrides per certificate type
    # the folder's identity among the county's offices (migration 10; services/county/identity.py)
    office_uuid = CharField(max_length=32, default="")
    org_code = CharField(max_length=18, default="")  # 机构代码 (统一社会信用代码), optional
    mode = CharField(max_length=6, default="office")  # office (派出所/警务室) / county (县局, reads the offices)


class Setting(BaseModel):
    """Plain key → JSON value pairs (star thresholds, scheduler limits, last backup time …)."""

    key = CharField(max_length=100, unique=True)
    value = TextField(default="")


class Holiday(BaseModel):
    """One day of the holiday table: 休 (a holiday, 补休, a weekend inside a holiday) or 班 (a 调休 working
    day), with the arrangement it belongs to (layer: national / xinjiang / local, and its year)."""

    date = DateField()
    kind = CharField(max_length=2)  # 休 / 班
    name = CharField(max_length=40, default="")  # 春节, 古尔邦节 …
    layer = CharField(max_length=10)  # national (国务院办公厅通知) / xinjiang (自治区通知) / local (本单位)
    year = IntegerField()  # the year of the arrangement (a 班 day for 元旦 may fall in the December before)
    source = CharField(max_length=100, default="")
    confirmed = BooleanField(default=True)  # entered from the notice and confirmed, not an estimate

    class Meta:
        indexes = ((("date", "layer"), True), (("year", "layer"), False))


class User(BaseModel):
    username = CharField(max_length=50, unique=True)
    display_name = CharField(max_length=50, default="")
    password_hash = CharField(max_length=300, default="")
    role = CharField(max_length=10, default="录入员")  # 管理员 / 录入员 / 查看
    active = BooleanField(default=True)
    failed_logins = IntegerField(default=0)  # wrong passwords in a row: each further try waits longer
    last_failed_at = DateTimeField(null=True)
    last_login_at = DateTimeField(null=True)


class AuditLogImmutable(RuntimeError):
    """The audit log is append-only (the database's triggers refuse changes too)."""


class AuditLog(BaseModel):
    """Append-only: rows are added, never changed; rows past the retention period leave only through
    an archive (services/audit.py `archive_old_entries`), which the triggers of migration 6 allow."""

    at = DateTimeField(default=datetime.now, index=True)
    username = CharField(max_length=50, default="")
    action = CharField(max_length=50)  # 新增 / 修改 / 删除 / 导出 / 打印 / 备份 / 恢复 / 登录 …
    table_name = CharField(max_length=50, default="")
    record_uuid = CharField(max_length=32, default="")
    summary = TextField(default="")  # never personal data

    def save(self, *args, **kwargs):
        if self.id is not None:
            raise AuditLogImmutable(QT_TRANSLATE_NOOP("Messages", "操作日志只能追加，不能修改"))
        return super().save(*args, **kwargs)

    def delete_instance(self, *args, **kwargs):
        raise AuditLogImmutable(QT_TRANSLATE_NOOP("Messages", "操作日志不能删除"))

    @classmethod
    def update(cls, *args, **kwargs):
        raise AuditLogImmutable(QT_TRANSLATE_NOOP("Messages", "操作日志只能追加，不能修改"))

    @classmethod
    def delete(cls, *args, **kwargs):
        raise AuditLogImmutable(QT_TRANSLATE_NOOP("Messages", "操作日志不能删除"))


class AuditArchive(BaseModel):
    """One archiving of old audit entries: up to when, how many, the file they went to (append-only)."""

    archived_at = DateTimeField(default=datetime.now)
    cutoff = DateTimeField()  # entries before this moment were archived
    entries = IntegerField(default=0)
    file_name = CharField(max_length=200, default="")
    sha256 = CharField(max_length=64, default="")
    username = CharField(max_length=50, default="")


class Counter(BaseModel):
    """Sequences that are never reused: case numbers, certificate serials (name, year)."""

    name = CharField(max_length=50)
    year = IntegerField()
    value = IntegerField(default=0)

    class Meta:
        indexes = ((("name", "year"), True),)


class CountyOffice(BaseModel):
    """At the county: an office whose packages are accepted, with the signing key its administrator confirmed
    by its fingerprint at the first package, and what was last applied from it (services/county/)."""

    office_uuid = CharField(max_length=32, unique=True)
    name = CharField(max_length=100)
    org_code = CharField(max_length=18, default="")
    verify_key = CharField(max_length=64)  # the office's Ed25519 public key, hex
    fingerprint = CharField(max_length=40)
    registered_by = CharField(max_length=50, default="")
    last_sequence = IntegerField(default=0)
    last_created_at = DateTimeField(null=True)  # when the office made its newest applied package
    last_imported_at = DateTimeField(null=True)


class PackageImport(BaseModel):
    """At the county: each package read, applied or not, with its outcome (append-only, like the audit)."""

    at = DateTimeField(default=datetime.now, index=True)
    office_uuid = CharField(max_length=32, default="")
    office_name = CharField(max_length=100, default="")
    sequence = IntegerField(default=0)
    package_created_at = DateTimeField(null=True)
    outcome = CharField(max_length=10)  # 已导入 / 无变化 / 旧数据包 / 拒绝
    added = IntegerField(default=0)
    changed = IntegerField(default=0)
    removed = IntegerField(default=0)
    reason = TextField(default="")
    file_name = CharField(max_length=200, default="")
    file_sha256 = CharField(max_length=64, default="")
    username = CharField(max_length=50, default="")


# --- teams and members ---------------------------------------------------------------------------


class Team(VersionedModel):
    name = CharField(max_length=100, unique=True)
    station = CharField(max_length=100, default="")  # 所属警务站
    founded_on = DateField(null=True)
    leader = DeferredForeignKey("Member", null=True, on_delete="SET NULL", lazy_load=False)
    service_area = CharField(max_length=200, default="")
    notes = TextField(default="")
    retired_on = DateField(null=True)
    deleted_at = DateTimeField(null=True)


class Member(VersionedModel):
    team = ForeignKeyField(Team, null=True, backref="members", on_delete="SET NULL")
    name = CharField(max_length=50)
    gender = CharField(max_length=2, default="")  # 男 / 女
    ethnic_code = CharField(max_length=2, default="")  # GB/T 3304
    id_number = CharField(max_length=18, null=True, unique=True)
    birth_date = DateField(null=True)
    phone = CharField(max_length=20, default="")
    address = CharField(max_length=200, default="")  # 住址/村
    occupation = CharField(max_length=50, default="")
    political_status = CharField(max_length=20, default="")  # 政治面貌
    join_date = DateField(null=True)
    leave_date = DateField(null=True)
    status = CharField(max_length=4, default="在队")  # 在队 / 暂停 / 退出
    skills = TextField(default="")  # "调解、巡逻、驾驶"
    insurance_expires_on = DateField(null=True, index=True)  # the 首页's expired / expiring
    emergency_contact = CharField(max_length=50, default="")
    emergency_phone = CharField(max_length=20, default="")
    photo = BlobField(null=True)
    pinyin_full = CharField(max_length=300, default="")  # "nuerma maiti·xirefu" → search key
    pinyin_initials = CharField(max_length=60, default="")
    notes = TextField(default="")
    deleted_at = DateTimeField(null=True)
    consent_on = DateField(null=True)  # consent to the processing of their data (个人信息保护法 Art. 13/14)
    consent_way = CharField(max_length=20, default="")  # 书面 / 口头 / 电子
    anonymised_at = DateTimeField(null=True)  # personal data removed after leaving (kept for the figures)

    class Meta:
        indexes = (
            (("name",), False),
            (("team", "status"), False),
            (("pinyin_initials",), False),
            (("deleted_at", "status", "insurance_expires_on"), False),  # the 首页's roster counts, index only
        )


class Qualification(BaseModel):
    member = ForeignKeyField(Member, backref="qualifications", on_delete="CASCADE")
    skill = CharField(max_length=20)
    granted_on = DateField()
    expires_on = DateField(null=True)
    source = CharField(max_length=10, default="手工")  # 培训 / 手工
    training = DeferredForeignKey("Training", null=True, on_delete="SET NULL", lazy_load=False)
    notes = TextField(default="")

    class Meta:
        indexes = ((("member", "skill", "expires_on"), False), (("expires_on",), False))


class Leave(BaseModel):
    """请假 / 不可用: a member cannot be scheduled from `from_date` to `to_date` inclusive."""

    member = ForeignKeyField(Member, backref="leaves", on_delete="CASCADE")
    from_date = DateField()
    to_date = DateField()
    reason = CharField(max_length=200, default="")


# --- duty ----------------------------------------------------------------------------------------


class DutyPost(VersionedModel):
    name = CharField(max_length=100)
    kind = CharField(max_length=10)  # 巡逻 / 护学岗 / 交通劝导 / 警务站值守 / 救援待命 / 其他
    place = CharField(max_length=200, default="")
    team = ForeignKeyField(Team, null=True, backref="posts", on_delete="SET NULL")
    default_start = TimeField(null=True)
    default_end = TimeField(null=True)
    headcount = IntegerField(default=1)
    required_skill = CharField(max_length=20, default="")
    school_days_only = BooleanField(default=False)
    needs_leader = BooleanField(default=False)  # one 带班 leader per shift
    active = BooleanField(default=True)
    notes = TextField(default="")
    deleted_at = DateTimeField(null=True)


class ShiftPattern(BaseModel):
    """A recurring shift: e.g. every school day 07:30–08:10."""

    post = ForeignKeyField(DutyPost, backref="patterns", on_delete="CASCADE")
    weekdays = CharField(max_length=20, default="1,2,3,4,5")  # ISO weekdays, 1 = Monday
    start = TimeField()
    end = TimeField()
    headcount = IntegerField(default=1)
    valid_from = DateField(null=True)
    valid_to = DateField(null=True)


class Shift(BaseModel):
    post = ForeignKeyField(DutyPost, backref="shifts", on_delete="CASCADE")
    date = DateField()
    start = TimeField()
    end = TimeField()  # may be earlier than start: the shift ends the next day
    headcount = IntegerField(default=1)
    leader = ForeignKeyField(Member, null=True, on_delete="SET NULL", lazy_load=False)  # 带班
    pattern = ForeignKeyField(ShiftPattern, null=True, on_delete="SET NULL", lazy_load=False)
    notes = TextField(default="")

    class Meta:
        indexes = ((("date", "post"), False),)


class Assignment(BaseModel):
    shift = ForeignKeyField(Shift, backref="assignments", on_delete="CASCADE")
    member = ForeignKeyField(Member, backref="assignments", on_delete="CASCADE")
    status = CharField(max_length=4, default="已排")  # 已排 / 已到 / 缺勤 / 迟到 / 请假
    actual_start = DateTimeField(null=True)
    actual_end = DateTimeField(null=True)
    hours = DoubleField(default=0)
    locked = BooleanField(default=False)  # kept by the auto-scheduler
    reason = TextField(default="")  # why the scheduler chose this member
    notes = TextField(default="")

    class Meta:
        indexes = (
            (("shift", "member"), True),
            (("member", "status"), False),
            (("member", "status", "shift", "hours"), False),  # every member's hours from the index alone
        )


class Swap(BaseModel):
    shift = ForeignKeyField(Shift, backref="swaps", on_delete="CASCADE")
    from_member = ForeignKeyField(Member, on_delete="CASCADE", lazy_load=False)
    to_member = ForeignKeyField(Member, on_delete="CASCADE", lazy_load=False)
    reason = CharField(max_length=200, default="")
    recorded_by = CharField(max_length=50, default="")


# --- activities and trainings --------------------------------------------------------------------


class Activity(VersionedModel):
    date = DateField(index=True)
    kind = CharField(max_length=10)  # vocabulary.ACTIVITY_KINDS
    team = ForeignKeyField(Team, null=True, backref="activities", on_delete="SET NULL")
    place = CharField(max_length=200, default="")
    description = TextField(default="")
    # the entered figures of domain/activity_figures.py, one column each
    people_persuaded = IntegerField(default=0)  # 劝导交通违法行为（起）
    suspects_caught = IntegerField(default=0)  # 协助抓获犯罪嫌疑人（名）
    vehicles_helped = IntegerField(default=0)  # 救助被困车辆（辆）
    people_served = IntegerField(default=0)  # 服务群众（人次）
    clues_reported = IntegerField(default=0)  # 报告可疑线索（条）
    deleted_at = DateTimeField(null=True)
    matters_handled = IntegerField(default=0)  # 帮助群众办理事项（件）
    people_found = IntegerField(default=0)  # 寻回走失人员（人）
    hazards_found = IntegerField(default=0)  # 发现安全隐患（处）
    publicity_reach = IntegerField(default=0)  # 普法宣传覆盖群众（人次）

    class Meta:
        indexes = ((("kind", "date"), False),)


class ActivityParticipant(BaseModel):
    activity = ForeignKeyField(Activity, backref="participants", on_delete="CASCADE")
    member = ForeignKeyField(Member, backref="activity_entries", on_delete="CASCADE")
    hours = DoubleField(default=0)

    class Meta:
        indexes = ((("activity", "member"), True), (("member", "activity", "hours"), False))


class Training(BaseModel):
    title = CharField(max_length=200)
    date = DateField(index=True)
    hours = DoubleField(default=0)
    host = CharField(max_length=100, default="")
    content = TextField(default="")
    grants_skill = CharField(max_length=20, default="")
    valid_months = IntegerField(null=True)  # validity of the qualification it grants
    deleted_at = DateTimeField(null=True)


class TrainingAttendee(BaseModel):
    training = ForeignKeyField(Training, backref="attendees", on_delete="CASCADE")
    member = ForeignKeyField(Member, backref="trainings", on_delete="CASCADE")
    hours = DoubleField(default=0)
    passed = BooleanField(default=True)

    class Meta:
        indexes = ((("training", "member"), True),)


# --- dispute cases -------------------------------------------------------------------------------


class MediatingBody(VersionedModel):
    """A 人民调解委员会 (or a 派出所驻所人民调解室): 人民调解 cases are issued and sealed in its name and numbered
    in its own series ("（2026）夏人调字第001号")."""

    name = CharField(max_length=100, unique=True)
    number_prefix = CharField(max_length=20)  # e.g. 夏人调
    seal_image = BlobField(null=True)  # transparent PNG
    is_default = BooleanField(default=False)
    active = BooleanField(default=True)


class Case(VersionedModel):
    number = CharField(max_length=50, null=True, unique=True)  # given at 受理, never reused
    year = IntegerField(null=True)
    sequence = IntegerField(null=True)
    kind = CharField(max_length=10, default="人民调解")  # 人民调解 / 治安调解
    category = CharField(max_length=10)
    source = CharField(max_length=10, default="当事人申请")
    received_at = DateTimeField(index=True)
    place = CharField(max_length=200, default="")
    summary = TextField(default="")
    facts = TextField(default="")  # 主要事实、争议事项
    responsibilities = TextField(default="")
    status = CharField(max_length=6, default="受理")
    deadline = DateField(null=True)
    second_session_deadline = DateField(null=True)  # 治安调解
    outcome = TextField(default="")
    agreement_terms = TextField(default="")
    agreement_amount = DecimalField(max_digits=14, decimal_places=2, null=True)
    performance_way = CharField(max_length=200, default="")
    performance_place = CharField(max_length=200, default="")
    performance_deadline = DateField(null=True)
    copies = IntegerField(default=3)
    oral_agreement = BooleanField(default=False)
    agreement_date = DateField(null=True)
    # 治安调解: the incident and who conducted the mediation
    mediating_authority = CharField(max_length=100, default="")
    host_officer = CharField(max_length=50, default="")
    incident_at = DateTimeField(null=True)
    incident_place = CharField(max_length=200, default="")
    incident_cause = TextField(default="")
    incident_course = TextField(default="")
    incident_result = TextField(default="")
    closed_on = DateField(null=True)
    deleted_at = DateTimeField(null=True)
    # 人民调解: the 调委会, what was applied for, consent to continue past one month, 司法确认
    body = ForeignKeyField(MediatingBody, null=True, backref="cases", on_delete="SET NULL")
    requests = TextField(default="")  # 当事人申请事项
    extension_agreed_on = DateField(null=True)
    extended_deadline = DateField(null=True)
    confirmation_applied_on = DateField(null=True)
    confirmation_court = CharField(max_length=100, default="")
    confirmation_result = CharField(max_length=10, default="")
    # 治安调解: 案由, 情节, consent, 伤情鉴定/价值认定, 其他在场人员
    offence = CharField(max_length=20, default="")
    circumstances = TextField(default="")
    parties_consent = BooleanField(default=False)
    appraisal = CharField(max_length=20, default="")
    appraisal_issued_on = DateField(null=True)
    others_present = TextField(default="")  # one person a line: "姓名，单位或身份"
    # the 卷宗
    filed_by = CharField(max_length=50, default="")
    filed_on = DateField(null=True)
    retention = CharField(max_length=10, default="")

    class Meta:
        indexes = ((("status", "deadline"), False), (("kind", "agreement_date"), False),
                   (("kind", "body", "deleted_at"), False))


class CaseMediator(BaseModel):
    case = ForeignKeyField(Case, backref="mediators", on_delete="CASCADE")
    member = ForeignKeyField(Member, null=True, backref="mediated_cases", on_delete="SET NULL")
    officer_name = CharField(max_length=50, default="")  # an officer, when not a volunteer
    role = CharField(max_length=10, default="调解员")  # 主持人 / 调解员 / 记录人


class CaseEvent(BaseModel):
    """The workflow history: each status change with who and when."""

    case = ForeignKeyField(Case, backref="events", on_delete="CASCADE")
    at = DateTimeField(default=datetime.now)
    from_status = CharField(max_length=6, default="")
    to_status = CharField(max_length=6)
    username = CharField(max_length=50, default="")
    note = TextField(default="")


class Party(VersionedModel):
    case = ForeignKeyField(Case, backref="parties", on_delete="CASCADE")
    role = CharField(max_length=6)  # 申请人 / 被申请人 / 其他当事人 / 监护人
    name = CharField(max_length=50, index=True)
    gender = CharField(max_length=2, default="")
    ethnic_code = CharField(max_length=2, default="")
    age = IntegerField(null=True)
    birth_date = DateField(null=True)
    id_number = CharField(max_length=18, default="")
    phone = CharField(max_length=20, default="")
    address = CharField(max_length=200, default="")
    occupation = CharField(max_length=50, default="")
    guardian_of = ForeignKeyField("self", null=True, on_delete="SET NULL", lazy_load=False)
    pinyin_full = CharField(max_length=300, default="")
    pinyin_initials = CharField(max_length=60, default="")
    position = IntegerField(default=0)  # order on the documents


class MediationSession(VersionedModel):
    case = ForeignKeyField(Case, backref="sessions", on_delete="CASCADE")
    held_at = DateTimeField()
    place = CharField(max_length=200, default="")
    present = TextField(default="")  # 参加人: others invited to help, not the parties, mediators or recorder
    record = TextField(default="")
    result = TextField(default="")
    rights_notified = BooleanField(default=False)  # 已告知当事人权利义务


class Investigation(VersionedModel):
    """调查记录: one inquiry of the mediators into the facts."""

    case = ForeignKeyField(Case, backref="investigations", on_delete="CASCADE")
    held_at = DateTimeField()
    place = CharField(max_length=200, default="")
    subject = CharField(max_length=200, default="")  # 被调查人
    investigators = CharField(max_length=200, default="")  # 调查人
    recorder = CharField(max_length=50, default="")
    present = TextField(default="")  # 在场人
    record = TextField(default="")


class FollowUp(VersionedModel):
    case = ForeignKeyField(Case, backref="follow_ups", on_delete="CASCADE")
    date = DateField()
    performed = CharField(max_length=20, default="")  # 已履行 / 部分履行 / 未履行
    satisfaction = CharField(max_length=10, default="")  # 满意 / 基本满意 / 不满意
    escalation_signs = TextField(default="")
    visitor = CharField(max_length=50, default="")
    notes = TextField(default="")
    reason = CharField(max_length=200, default="")  # 回访事由
    measures = TextField(default="")  # 采取的措施


# --- certificates and points ---------------------------------------------------------------------


class CertificateTemplate(VersionedModel):
    type = CharField(max_length=10)  # 聘书 / 荣誉证书 / 志愿服务证明 / 义警证
    name = CharField(max_length=50)
    wording = TextField(default="")  # with {placeholders}
    border_style = CharField(max_length=20, default="classic")
    seal_image = BlobField(null=True)
    is_default = BooleanField(default=False)


class Certificate(VersionedModel):
    serial = CharField(max_length=40, unique=True)
    type = CharField(max_length=10)
    year = IntegerField()
    sequence = IntegerField()
    member = ForeignKeyField(Member, backref="certificates", on_delete="RESTRICT")
    template = ForeignKeyField(CertificateTemplate, null=True, on_delete="SET NULL", lazy_load=False)
    title = CharField(max_length=50, default="")  # 优秀义警, 金牌调解员 …
    reason = TextField(default="")
    period_from = DateField(null=True)
    period_to = DateField(null=True)
    hours_snapshot = DoubleField(null=True)
    content = TextField(default="")
    issued_on = DateField()
    status = CharField(max_length=4, default="有效")  # 有效 / 作废
    void_reason = TextField(default="")
    voided_at = DateTimeField(null=True)
    verification_code = CharField(max_length=16, unique=True)
    pdf_sha256 = CharField(max_length=64, default="")


class CertificateEvent(BaseModel):
    certificate = ForeignKeyField(Certificate, backref="events", on_delete="CASCADE")
    action = CharField(max_length=6)  # 签发 / 补打 / 作废
    at = DateTimeField(default=datetime.now)
    username = CharField(max_length=50, default="")
    reason = TextField(default="")


class PointEntry(BaseModel):
    member = ForeignKeyField(Member, backref="points", on_delete="CASCADE")
    date = DateField()
    points = DoubleField()
    reason = CharField(max_length=200, default="")
    source_table = CharField(max_length=50, default="")
    source_uuid = CharField(max_length=32, default="")

    class Meta:
        indexes = ((("date",), False),)


ALL_MODELS: list[type[Model]] = [
    SchemaVersion,
    OfficeSettings,
    Setting,
    Holiday,
    User,
    AuditLog,
    AuditArchive,
    Counter,
    CountyOffice,
    PackageImport,
    Team,
    Member,
    Qualification,
    Leave,
    DutyPost,
    ShiftPattern,
    Shift,
    Assignment,
    Swap,
    Activity,
    ActivityParticipant,
    Training,
    TrainingAttendee,
    MediatingBody,
    Case,
    CaseMediator,
    CaseEvent,
    Party,
    MediationSession,
    Investigation,
    FollowUp,
    CertificateTemplate,
    Certificate,
    CertificateEvent,
    PointEntry,
]
