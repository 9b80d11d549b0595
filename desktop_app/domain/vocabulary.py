"""The vocabulary: the status and kind words stored in the database and shown to the user, each defined
once, with the tuples built from them.

The values are the Chinese words exactly as stored. Each is marked with `QT_TRANSLATE_NOOP("Vocabulary", …)`
so that pyside6-lupdate extracts it; a translation is looked up under the context "Vocabulary" where a word
is shown, never where it is stored or compared.
"""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP

CONTEXT = "Vocabulary"

# --- members (Member.status) ---------------------------------------------------------------------

ACTIVE = QT_TRANSLATE_NOOP("Vocabulary", "在队")
SUSPENDED = QT_TRANSLATE_NOOP("Vocabulary", "暂停")
LEFT = QT_TRANSLATE_NOOP("Vocabulary", "退出")
MEMBER_STATUSES = (ACTIVE, SUSPENDED, LEFT)

# --- assignments (Assignment.status) -------------------------------------------------------------

PLANNED = QT_TRANSLATE_NOOP("Vocabulary", "已排")
PRESENT = QT_TRANSLATE_NOOP("Vocabulary", "已到")
ABSENT = QT_TRANSLATE_NOOP("Vocabulary", "缺勤")
LATE = QT_TRANSLATE_NOOP("Vocabulary", "迟到")
ON_LEAVE = QT_TRANSLATE_NOOP("Vocabulary", "请假")  # neither fills the shift nor occupies the member
ASSIGNMENT_STATUSES = (PLANNED, PRESENT, ABSENT, LATE, ON_LEAVE)
ATTENDANCE_STATUSES = (PRESENT, ABSENT, LATE, ON_LEAVE)  # what recording attendance may set
ATTENDED_STATUSES = (PRESENT, LATE)  # the member served: hours count

# --- duty posts (DutyPost.kind) ------------------------------------------------------------------

PATROL = QT_TRANSLATE_NOOP("Vocabulary", "巡逻")
SCHOOL_GATE = QT_TRANSLATE_NOOP("Vocabulary", "护学岗")
TRAFFIC_PERSUASION = QT_TRANSLATE_NOOP("Vocabulary", "交通劝导")
STATION_DUTY = QT_TRANSLATE_NOOP("Vocabulary", "警务站值守")
RESCUE_STANDBY = QT_TRANSLATE_NOOP("Vocabulary", "救援待命")
OTHER_DUTY = QT_TRANSLATE_NOOP("Vocabulary", "其他")
POST_KINDS = (PATROL, SCHOOL_GATE, TRAFFIC_PERSUASION, STATION_DUTY, RESCUE_STANDBY, OTHER_DUTY)
# kinds where 志愿服务条例 Art. 17 asks for accident insurance before the volunteer goes on duty
RISKY_POST_KINDS = (PATROL, TRAFFIC_PERSUASION, RESCUE_STANDBY)

# --- work records (Activity.kind; the figures that fit each are in activity_figures) ---------------

CATCHING = QT_TRANSLATE_NOOP("Vocabulary", "协助抓获")
CLUE_REPORT = QT_TRANSLATE_NOOP("Vocabulary", "可疑线索报告")
HAZARD_REPORT = QT_TRANSLATE_NOOP("Vocabulary", "隐患报告")
RESCUE = QT_TRANSLATE_NOOP("Vocabulary", "救援")
SEARCH = QT_TRANSLATE_NOOP("Vocabulary", "寻人寻物")
ID_DELIVERY = QT_TRANSLATE_NOOP("Vocabulary", "送证上门")
LAW_PUBLICITY = QT_TRANSLATE_NOOP("Vocabulary", "普法宣传")
MEDIATION = QT_TRANSLATE_NOOP("Vocabulary", "参与调解")
CONSUMER_RIGHTS = QT_TRANSLATE_NOOP("Vocabulary", "消费维权")
WOMEN_RIGHTS = QT_TRANSLATE_NOOP("Vocabulary", "妇女权益维护")
CARE = QT_TRANSLATE_NOOP("Vocabulary", "爱心帮扶")
OTHER_WORK = OTHER_DUTY  # 其他
ACTIVITY_KINDS = (PATROL, SCHOOL_GATE, TRAFFIC_PERSUASION, CATCHING, CLUE_REPORT, HAZARD_REPORT, RESCUE, SEARCH,
                  ID_DELIVERY, LAW_PUBLICITY, MEDIATION, CONSUMER_RIGHTS, WOMEN_RIGHTS, CARE, OTHER_WORK)

# --- dispute cases (Case.kind, Case.status, Case.category, Case.source) -------------------------

PEOPLES_MEDIATION = QT_TRANSLATE_NOOP("Vocabulary", "人民调解")
PUBLIC_SECURITY_MEDIATION = QT_TRANSLATE_NOOP("Vocabulary", "治安调解")
CASE_KINDS = (PEOPLES_MEDIATION, PUBLIC_SECURITY_MEDIATION)

ACCEPTED = QT_TRANSLATE_NOOP("Vocabulary", "受理")
IN_MEDIATION = QT_TRANSLATE_NOOP("Vocabulary", "调解中")
SUCCEEDED = QT_TRANSLATE_NOOP("Vocabulary", "调解成功")
FAILED = QT_TRANSLATE_NOOP("Vocabulary", "调解不成功")
TERMINATED = QT_TRANSLATE_NOOP("Vocabulary", "终止")
FOLLOW_UP = QT_TRANSLATE_NOOP("Vocabulary", "回访")
CLOSED = QT_TRANSLATE_NOOP("Vocabulary", "结案")
CASE_STATUSES = (ACCEPTED, IN_MEDIATION, SUCCEEDED, FAILED, TERMINATED, FOLLOW_UP, CLOSED)
OPEN_CASE_STATUSES = (ACCEPTED, IN_MEDIATION)
OUTCOME_STATUSES = (SUCCEEDED, FAILED, TERMINATED)
AFTER_MEDIATION_STATUSES = (SUCCEEDED, FAILED, TERMINATED, FOLLOW_UP, CLOSED)

CASE_CATEGORIES = (
    QT_TRANSLATE_NOOP("Vocabulary", "婚姻家庭"),
    QT_TRANSLATE_NOOP("Vocabulary", "邻里"),
    QT_TRANSLATE_NOOP("Vocabulary", "房屋宅基地"),
    QT_TRANSLATE_NOOP("Vocabulary", "合同"),
    QT_TRANSLATE_NOOP("Vocabulary", "债务"),
    QT_TRANSLATE_NOOP("Vocabulary", "生产经营"),
    QT_TRANSLATE_NOOP("Vocabulary", "损害赔偿"),
    QT_TRANSLATE_NOOP("Vocabulary", "山林土地"),
    QT_TRANSLATE_NOOP("Vocabulary", "劳动争议"),
    QT_TRANSLATE_NOOP("Vocabulary", "消费"),
    QT_TRANSLATE_NOOP("Vocabulary", "道路交通事故"),
    QT_TRANSLATE_NOOP("Vocabulary", "物业"),
    QT_TRANSLATE_NOOP("Vocabulary", "村务管理"),
    QT_TRANSLATE_NOOP("Vocabulary", "其他"),
)
CASE_SOURCES = (
    QT_TRANSLATE_NOOP("Vocabulary", "当事人申请"),
    QT_TRANSLATE_NOOP("Vocabulary", "群众报警"),
    QT_TRANSLATE_NOOP("Vocabulary", "义警发现"),
    QT_TRANSLATE_NOOP("Vocabulary", "主动调解"),
    QT_TRANSLATE_NOOP("Vocabulary", "公安机关移交"),
    QT_TRANSLATE_NOOP("Vocabulary", "法院委托"),
    QT_TRANSLATE_NOOP("Vocabulary", "政府指定"),
)

# the sources each kind may have: 人民调解 is applied for, taken up by the 调委会 itself or handed over
# (公安机关移交, 法院委托, 政府指定); a 治安调解 begins with a police case (报警, a party, a volunteer's report)
PEOPLES_MEDIATION_SOURCES = (CASE_SOURCES[0], CASE_SOURCES[3], CASE_SOURCES[4], CASE_SOURCES[5], CASE_SOURCES[6])
SECURITY_MEDIATION_SOURCES = (CASE_SOURCES[1], CASE_SOURCES[0], CASE_SOURCES[2])

# --- parties (Party.role) and mediators (CaseMediator.role) --------------------------------------

APPLICANT = QT_TRANSLATE_NOOP("Vocabulary", "申请人")
RESPONDENT = QT_TRANSLATE_NOOP("Vocabulary", "被申请人")
OFFENDER = QT_TRANSLATE_NOOP("Vocabulary", "违法行为人")
VICTIM = QT_TRANSLATE_NOOP("Vocabulary", "被侵害人")
OTHER_PARTY = QT_TRANSLATE_NOOP("Vocabulary", "其他当事人")
GUARDIAN = QT_TRANSLATE_NOOP("Vocabulary", "监护人")
PEOPLES_PARTY_ROLES = (APPLICANT, RESPONDENT, OTHER_PARTY, GUARDIAN)
SECURITY_PARTY_ROLES = (OFFENDER, VICTIM, OTHER_PARTY, GUARDIAN)

HOST = QT_TRANSLATE_NOOP("Vocabulary", "主持人")
MEDIATOR = QT_TRANSLATE_NOOP("Vocabulary", "调解员")
RECORDER = QT_TRANSLATE_NOOP("Vocabulary", "记录人")
MEDIATOR_ROLES = (HOST, MEDIATOR, RECORDER)

# --- 治安调解: 案由 (公安机关治安调解工作规范 Art. 3), exclusions (Art. 4), appraisal (Art. 9) -----------

# Art. 3: "对于因民间纠纷引起的殴打他人、故意伤害、侮辱、诽谤、诬告陷害、故意损毁财物、干扰他人正常生活、
# 侵犯隐私等违反治安管理行为，情节较轻的，经双方当事人同意，公安机关可以治安调解。"
SECURITY_OFFENCES = (
    QT_TRANSLATE_NOOP("Vocabulary", "殴打他人"),
    QT_TRANSLATE_NOOP("Vocabulary", "故意伤害"),
    QT_TRANSLATE_NOOP("Vocabulary", "侮辱"),
    QT_TRANSLATE_NOOP("Vocabulary", "诽谤"),
    QT_TRANSLATE_NOOP("Vocabulary", "诬告陷害"),
    QT_TRANSLATE_NOOP("Vocabulary", "故意损毁财物"),
    QT_TRANSLATE_NOOP("Vocabulary", "干扰他人正常生活"),
    QT_TRANSLATE_NOOP("Vocabulary", "侵犯隐私"),
)
# Art. 4: "违反治安管理行为有下列情形之一的，不适用治安调解：（一）雇凶伤害他人的；（二）结伙斗殴的；
# （三）寻衅滋事的；（四）多次实施违反治安管理行为的；（五）当事人在治安调解过程中又挑起事端的；
# （六）其他不宜治安调解的。"
SECURITY_EXCLUSIONS = (
    QT_TRANSLATE_NOOP("Vocabulary", "雇凶伤害他人"),
    QT_TRANSLATE_NOOP("Vocabulary", "结伙斗殴"),
    QT_TRANSLATE_NOOP("Vocabulary", "寻衅滋事"),
    QT_TRANSLATE_NOOP("Vocabulary", "多次实施违反治安管理行为"),
    QT_TRANSLATE_NOOP("Vocabulary", "当事人在治安调解过程中又挑起事端"),
    QT_TRANSLATE_NOOP("Vocabulary", "其他不宜治安调解的情形"),
)
INJURY_APPRAISAL = QT_TRANSLATE_NOOP("Vocabulary", "伤情鉴定")
VALUE_APPRAISAL = QT_TRANSLATE_NOOP("Vocabulary", "价值认定")
BOTH_APPRAISALS = QT_TRANSLATE_NOOP("Vocabulary", "伤情鉴定和价值认定")
APPRAISALS = (INJURY_APPRAISAL, VALUE_APPRAISAL, BOTH_APPRAISALS)

# --- 司法确认 (人民调解法 Art. 33) and the 卷宗 ------------------------------------------------------

CONFIRMED_VALID = QT_TRANSLATE_NOOP("Vocabulary", "确认有效")
CONFIRMED_INVALID = QT_TRANSLATE_NOOP("Vocabulary", "确认无效")
CONFIRMATION_REJECTED = QT_TRANSLATE_NOOP("Vocabulary", "驳回申请")
CONFIRMATION_WITHDRAWN = QT_TRANSLATE_NOOP("Vocabulary", "撤回申请")
CONFIRMATION_RESULTS = (CONFIRMED_VALID, CONFIRMED_INVALID, CONFIRMATION_REJECTED, CONFIRMATION_WITHDRAWN)

RETENTION_PERIODS = (
    QT_TRANSLATE_NOOP("Vocabulary", "永久"),
    QT_TRANSLATE_NOOP("Vocabulary", "长期"),
    QT_TRANSLATE_NOOP("Vocabulary", "短期"),
)

# --- certificates (Certificate.type, Certificate.status) -----------------------------------------

APPOINTMENT = QT_TRANSLATE_NOOP("Vocabulary", "聘书")
HONOUR = QT_TRANSLATE_NOOP("Vocabulary", "荣誉证书")
SERVICE_PROOF = QT_TRANSLATE_NOOP("Vocabulary", "志愿服务证明")
CARD = QT_TRANSLATE_NOOP("Vocabulary", "义警证")
CERTIFICATE_TYPES = (APPOINTMENT, HONOUR, SERVICE_PROOF, CARD)

VALID = QT_TRANSLATE_NOOP("Vocabulary", "有效")
VOID = QT_TRANSLATE_NOOP("Vocabulary", "作废")
CERTIFICATE_STATUSES = (VALID, VOID)

# --- accounts (User.role) ------------------------------------------------------------------------

ADMIN = QT_TRANSLATE_NOOP("Vocabulary", "管理员")
CLERK = QT_TRANSLATE_NOOP("Vocabulary", "录入员")
VIEWER = QT_TRANSLATE_NOOP("Vocabulary", "查看")
ROLES = (ADMIN, CLERK, VIEWER)
