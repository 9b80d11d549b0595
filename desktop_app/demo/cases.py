"""Dispute cases with their whole history, registered through `register_cases` (each piece checked as the
case forms check it).

人民调解 belongs to the demo 调委会 (夏普吐勒镇人民调解委员会, set up here with its own number series 夏人调),
mediated by volunteers, from the sources of 人民调解, some with a 调查记录 first, a few with the parties'
consent to continue past the month or a 司法确认 applied for. 治安调解 is the 派出所's (numbered in the office's
series): a 案由 of Art. 3 with its 情节, the 违法行为人 and the 被侵害人, both parties' consent, an officer from
the officers' list (set up here) as 主持人 and another as 记录人, at most two sessions. Sessions are in office
hours on working days after the case came in (治安调解 within its three working days, a second one within
seven), with the parties told their rights and duties, and as 参加人 only others invited (a 村委会 member),
never the parties or mediators; the outcome at the end of the last session, follow-up visits with their
回访事由 after it, and closing (with the 卷宗's 立卷人) after them."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from ..domain.dates import add_months, format_date
from ..domain.vocabulary import (
    ACTIVE,
    CLOSED,
    CONFIRMED_VALID,
    FAILED,
    FOLLOW_UP,
    GUARDIAN,
    HOST,
    IN_MEDIATION,
    MEDIATOR,
    OFFENDER,
    OTHER_PARTY,
    PEOPLES_MEDIATION,
    PEOPLES_MEDIATION_SOURCES,
    PUBLIC_SECURITY_MEDIATION,
    RECORDER,
    SECURITY_MEDIATION_SOURCES,
    SUCCEEDED,
    TERMINATED,
    VICTIM,
)
from ..services.calendar import working_days
from ..services.cases.batch import CaseRecord, MediatorInput, StepInput, register_cases
from ..services.cases.bodies import (
    BodyInfo,
    default_body,
    list_bodies,
    list_officers,
    save_body,
    save_officers,
)
from ..services.cases.case_form import CaseInput
from ..services.cases.fields import CaseInvalid
from ..services.cases.investigations import InvestigationInput
from ..services.cases.parties import PartyInput
from ..services.cases.sessions import FollowUpInput, SessionInput
from ..services.cases.workflow import compute_deadlines
from .context import Demo
from .people import Person
from .roster import OCCUPATIONS

# the sources as they come; each kind draws from its own (PEOPLES_MEDIATION_SOURCES, SECURITY_MEDIATION_SOURCES)
CASE_SOURCES = (("当事人申请", 40), ("群众报警", 20), ("义警发现", 15), ("主动调解", 10), ("公安机关移交", 8),
                ("法院委托", 4), ("政府指定", 3))
# category: weight, cause, terms (with {amount} and {deadline}), amount range or None
CASE_CATEGORIES: dict[str, tuple[int, str, str, tuple[int, int] | None]] = {
    "婚姻家庭": (18, "家庭琐事", "双方同意和好，男方保证今后不再酗酒滋事，共同抚养子女", None),
    "邻里": (22, "院墙边堆放杂物、排水不畅", "被申请人于{deadline}前清理堆放在公共通道的杂物并疏通排水沟，双方互不追究",
             None),
    "房屋宅基地": (7, "宅基地界线不清", "双方同意以村委会现场测量的界线为准，被申请人于{deadline}前拆除越界围墙", None),
    "合同": (5, "农产品收购合同履行", "被申请人于{deadline}前支付剩余货款人民币{amount}元", (2_000, 60_000)),
    "债务": (10, "借款到期未还", "被申请人于{deadline}前归还借款人民币{amount}元，申请人不再主张利息", (1_000, 80_000)),
    "生产经营": (4, "合伙经营收益分配", "双方按出资比例分配收益，被申请人支付申请人人民币{amount}元", (3_000, 50_000)),
    "损害赔偿": (10, "牲畜啃食庄稼", "被申请人一次性赔偿申请人损失人民币{amount}元", (300, 8_000)),
    "山林土地": (3, "耕地灌溉用水", "双方按村委会排定的轮灌时间用水，互不阻拦", None),
    "劳动争议": (5, "拖欠务工工资", "被申请人于{deadline}前支付拖欠工资人民币{amount}元", (1_500, 30_000)),
    "消费": (3, "商品质量问题", "经营者为申请人退货并退还货款人民币{amount}元", (100, 5_000)),
    "道路交通事故": (7, "电动车与行人刮擦", "被申请人一次性赔偿申请人医疗费、误工费共计人民币{amount}元",
                (500, 20_000)),
    "物业": (2, "物业费及停车位", "双方同意按物业合同约定缴纳物业费，物业公司于{deadline}前划定停车位", None),
    "村务管理": (2, "村集体土地承包费分配", "按村民代表大会决议重新核算，于{deadline}前补发承包费", None),
    "其他": (2, "言语冲突", "双方互相赔礼道歉，保证今后和睦相处", None),
}
PERFORMANCE_WAYS = ("一次性现金支付", "银行转账一次性支付", "分两期支付", "当场履行", "按约定期限自行履行")

# 治安调解 (公安机关治安调解工作规范 Art. 3): category, 案由, cause, course, result, terms, amount range ({a} the
# injured party, {b} the offender)
POLICE_CASES = (
    ("邻里", "殴打他人", "院墙边堆放杂物", "双方因院墙边堆放杂物发生口角，{b}动手推搡并打了{a}两拳", "{a}面部轻微擦伤，经诊断未构成轻伤",
     "{b}当面向{a}赔礼道歉，并赔偿医药费人民币{amount}元", (300, 3_000)),
    ("损害赔偿", "故意损毁财物", "酒后滋事", "{b}酒后踢坏{a}停放在路边的电动车", "电动车前挡板及车灯损坏，经价格认定价值{amount}元",
     "{b}赔偿{a}车辆修理费人民币{amount}元", (300, 2_500)),
    ("婚姻家庭", "殴打他人", "家庭琐事", "双方因家庭琐事发生争吵，{b}动手打了{a}", "{a}手臂软组织挫伤，未构成轻伤",
     "{b}保证今后不再动手，向{a}赔礼道歉并赔偿医药费人民币{amount}元", (200, 1_500)),
    ("其他", "侮辱", "买卖口角", "{b}在巴扎上当众辱骂{a}", "造成不良影响，情节较轻", "{b}当众向{a}赔礼道歉，双方互不追究", None),
    ("邻里", "干扰他人正常生活", "深夜噪音", "{b}多次深夜在院内大声播放音乐，经劝说不听并与{a}发生争执", "影响周边住户正常休息",
     "{b}保证22时后不再大声播放音乐，双方和睦相处", None),
)
POLICE_STATION_ROOM = "夏普吐勒派出所调解室"
COMMITTEE, COMMITTEE_PREFIX = "夏普吐勒镇人民调解委员会", "夏人调"
COURT = "伽师县人民法院"
SECURITY_CIRCUMSTANCES = ("初次违法，事后主动认错，情节较轻", "双方互有过错，未造成轻伤，情节较轻",
                          "因琐事一时冲动，事后表示悔意，情节较轻")
OPENS, LAST_START, CLOSES = time(10, 0), time(16, 30), time(18, 30)  # office hours of a session
SATISFACTION = ("满意", "满意", "满意", "基本满意", "不满意")
PERFORMED = ("已履行", "已履行", "已履行", "部分履行", "未履行")


class _Calendar:
    """The working-day answers the cases need, each asked once per generation (the cases share their days,
    and each question is not cheap)."""

    def __init__(self) -> None:
        self.workday = lru_cache(maxsize=None)(working_days.is_workday)
        self.after = lru_cache(maxsize=None)(working_days.add_working_days)
        self.deadlines = lru_cache(maxsize=None)(compute_deadlines)

    def on_or_after(self, day: date) -> date:
        while not self.workday(day):
            day += timedelta(days=1)
        return day


def _clock(rng: random.Random, low: time, high: time) -> time:
    """A time between low and high, on the quarter hour."""
    a, b = low.hour * 4 + low.minute // 15, high.hour * 4 + high.minute // 15
    quarter = rng.randint(a, b)
    return time(quarter // 4, quarter % 4 * 15)


def _session_at(demo: Demo, day: date, after: datetime) -> datetime | None:
    """A session start on `day` in office hours, an hour or more after `after`; None if none fits."""
    low = max(OPENS, (after + timedelta(hours=1)).time()) if day == after.date() else OPENS
    if day < after.date() or low > LAST_START:
        return None
    return datetime.combine(day, _clock(demo.rng, low, LAST_START))


def _party(person: Person, role: str, village: str, demo: Demo) -> PartyInput:
    rng = demo.rng
    return PartyInput(role=role, name=person.name, gender=person.gender, ethnic=person.ethnic,
                      id_number=person.id_number, phone=demo.people.phone(),
                      address=f"{village}{rng.randint(1, 6)}组{rng.randint(1, 90)}号",
                      occupation=rng.choice(OCCUPATIONS))


def _received_times(demo: Demo, n: int, calendar: _Calendar) -> list[datetime]:
    """When the cases came in: working days of the last half year (a year at the larger scales), office hours."""
    rng, today = demo.rng, demo.today
    span = 180 if demo.scale.days < 365 else 365
    out = []
    for _ in range(n):
        day = today - timedelta(days=rng.randrange(span))
        while not calendar.workday(day):
            day -= timedelta(days=1)
        moment = datetime.combine(day, _clock(rng, time(9, 0), time(17, 30)))
        out.append(min(moment, demo.now - timedelta(hours=1)))
    return sorted(out)


def committee_and_officers(demo: Demo) -> BodyInfo | None:
    """The demo 调委会 (kept when the folder has it) and the officers on the list a 治安调解 主持人 is chosen
    from, through the forms' services."""
    body = next((b for b in list_bodies(active_only=True) if b.name == COMMITTEE), None)
    if body is None:
        try:
            body = save_body(None, COMMITTEE, COMMITTEE_PREFIX, is_default=default_body() is None)
        except CaseInvalid:  # the folder's own 调委会 already numbers with that prefix
            body = default_body()
    save_officers(list(dict.fromkeys([*list_officers(), *demo.officers])))
    return body


class _CaseMaker:
    def __init__(self, demo: Demo, body: BodyInfo | None) -> None:
        self.demo = demo
        self.rng = demo.rng
        self.body_id = body.id if body else None
        self.mediators = [m for m, info in enumerate(demo.members) if "调解" in info.skills and info.status == ACTIVE]
        self.towns = sorted({place for team in demo.teams for place in team.places})
        self.categories = [(c, float(v[0])) for c, v in CASE_CATEGORIES.items()]
        self.sources = {kind: [(s, float(w)) for s, w in CASE_SOURCES if s in allowed]
                        for kind, allowed in ((PEOPLES_MEDIATION, PEOPLES_MEDIATION_SOURCES),
                                              (PUBLIC_SECURITY_MEDIATION, SECURITY_MEDIATION_SOURCES))}
        self.calendar = _Calendar()

    def volunteers(self, received: date) -> list[int]:
        """One or two 调解 volunteers on duty who had joined by then (member indexes)."""
        if not self.mediators:
            return []
        picked = self.rng.sample(self.mediators, min(len(self.mediators), 4))
        ok = [m for m in picked if self.demo.members[m].join <= received and not self.demo.on_leave(m, received)]
        return ok[: self.rng.randint(1, 2)]

    def invited(self, village: str, taken: set[str]) -> tuple[str, str] | None:
        """(name, who they are) of the 参加人 of the sessions: a 村委会 member invited to help, half the time;
        never a party or mediator."""
        if self.rng.random() < 0.5:
            return None
        gender = "男" if self.rng.random() < 0.6 else "女"
        name = self.demo.people.name(gender, "05" if self.rng.random() < 0.8 else "01")
        return None if name in taken else (name, f"{village}村委会委员")

    def record(self, received: datetime) -> CaseRecord:
        demo, rng = self.demo, self.rng
        police = rng.random() < 0.2
        kind = PUBLIC_SECURITY_MEDIATION if police else PEOPLES_MEDIATION
        village = f"{rng.choice(self.towns)}{rng.randint(1, 18)}村"
        born = received.year
        applicants = [demo.people.person(born=(born - 64, born - 20)) for _ in range(1 if rng.random() < 0.85 else 2)]
        respondent = demo.people.person(born=(born - 64, born - 20))
        role_a, role_b = (VICTIM, OFFENDER) if police else ("申请人", "被申请人")
        parties = [_party(p, role_a, village, demo) for p in applicants] + [_party(respondent, role_b, village, demo)]
        guardians: dict[int, int] = {}
        if rng.random() < 0.03:
            minor = demo.people.person(born=(born - 17, born - 14))
            parties.append(_party(minor, OTHER_PARTY, village, demo))
            parties.append(_party(demo.people.person(born=(born - 50, born - 36)), GUARDIAN, village, demo))
            guardians[len(parties) - 1] = len(parties) - 2
        a, b = applicants[0].name, respondent.name
        officer = rng.choice(demo.officers)
        recorder = rng.choice([o for o in demo.officers if o != officer])
        if police:
            category, offence, cause, course, result, terms_text, amount_range = rng.choice(POLICE_CASES)
            mediators = [MediatorInput(officer_name=officer, role=HOST),
                         MediatorInput(officer_name=recorder, role=RECORDER)]
            names = [officer]
        else:
            category = demo.weighted(self.categories)
            _, cause, terms_text, amount_range = CASE_CATEGORIES[category]
            volunteers = self.volunteers(received.date())
            mediators = [MediatorInput(member_id=demo.members[m].id, role=MEDIATOR) for m in volunteers]
            names = [demo.members[m].name for m in volunteers]
            if not volunteers or rng.random() < 0.3:
                mediators.append(MediatorInput(officer_name=officer, role=MEDIATOR))
                names.append(officer)
            mediators.append(MediatorInput(officer_name=recorder, role=RECORDER))
        source = demo.weighted(self.sources[kind])
        data = CaseInput(
            kind=kind, category=category, source=source, received_at=received, body_id=None if police else self.body_id,
            place=village, copies=3 if police else len(parties) + 1,
            summary=f"{role_a}{a}与{role_b}{b}因{cause}{'发生治安纠纷' if police else '发生纠纷'}",
            facts=(f"{format_date(received.date())}，{a}与{b}因{cause}发生争执，{a}"
                   f"{'向派出所报警' if source == '群众报警' else '请求调解'}。双方对事实基本无异议，争议在于责任承担。"),
            responsibilities="双方各有过错" if rng.random() < 0.4 else "",
        )
        amount = rng.randrange(*amount_range) // 100 * 100 if amount_range else None
        if police:
            data.mediating_authority, data.host_officer = demo.unit_name, officer
            data.offence, data.parties_consent = offence, True
            data.circumstances = rng.choice(SECURITY_CIRCUMSTANCES)
            data.incident_at = received - timedelta(hours=rng.randint(2, 40), minutes=rng.randrange(60))
            data.incident_place, data.incident_cause = village, cause
            data.incident_course = course.format(a=a, b=b)
            data.incident_result = result.format(a=a, b=b, amount=amount)
        elif source == "当事人申请":
            data.requests = f"请求调解委员会依法调解双方因{cause}发生的纠纷"
        record = CaseRecord(data, parties, mediators, guardians=guardians)
        taken = {p.name for p in parties} | set(names) | {recorder}
        self.history(record, police, names, recorder, [a, b], terms_text, amount, self.invited(village, taken))
        return record

    def history(self, record: CaseRecord, police: bool, mediator_names: list[str], recorder: str,
                party_names: list[str], terms_text: str, amount: int | None,
                invited: tuple[str, str] | None) -> None:
        demo, rng, data = self.demo, self.rng, record.case
        received = data.received_at
        assert isinstance(received, datetime)
        age_days = (demo.today - received.date()).days
        if age_days <= 3 and rng.random() < 0.4:
            return  # just received: nothing done yet
        # first session: 治安调解 within its three working days, 人民调解 within a few
        first_day = received.date() if rng.random() < 0.3 else self.calendar.after(
            received.date(), rng.randint(1, 2 if police else 8))
        first = _session_at(demo, first_day, received) or _session_at(
            demo, self.calendar.after(received.date(), 1), received)
        if first is None or first > demo.now - timedelta(hours=2):
            return
        if not police and rng.random() < 0.35:
            self.investigation(record, received, first, party_names, mediator_names, recorder)
        starts = [first]
        if rng.random() < (0.3 if police else 0.4):  # 治安调解: "必要时可以增加一次", within seven working days
            second = _session_at(demo, self.calendar.after(first.date(), rng.randint(2, 6)), first)
            if second is not None and second < demo.now - timedelta(hours=2):
                starts.append(second)
                if not police and rng.random() < 0.25:
                    third = _session_at(demo, self.calendar.after(second.date(), rng.randint(2, 5)), second)
                    if third is not None and third < demo.now - timedelta(hours=2):
                        starts.append(third)
        ends = [s + timedelta(minutes=rng.choice((60, 75, 90, 120))) for s in starts]
        ends = [min(e, datetime.combine(e.date(), CLOSES)) for e in ends]
        record.steps.append(StepInput(IN_MEDIATION, starts[0]))
        deadline, _second = self.calendar.deadlines(data.kind, received.date(), starts[0].date())
        assert deadline is not None  # only a case waiting for a 鉴定 has none, and the demo asks for none
        finished = (deadline < demo.today and rng.random() < 0.93) or (deadline >= demo.today and age_days > 2
                                                                        and rng.random() < 0.4)
        if not finished and not police and deadline <= demo.today + timedelta(days=3) and rng.random() < 0.6:
            # the parties agree to go on past the month (人民调解工作若干规定 Art. 33)
            agreed_on = max(min(deadline - timedelta(days=rng.randint(1, 3)), demo.today), starts[-1].date())
            data.extension_agreed_on = min(agreed_on, demo.today)
            data.extended_deadline = add_months(received.date(), 1) + timedelta(days=rng.choice((15, 20, 30)))
        place = POLICE_STATION_ROOM if police else rng.choice(
            (f"{COMMITTEE}调解室", f"{data.place}村委会调解室", "夏普吐勒派出所驻所人民调解室"))
        outcome = self.weighted_outcome() if finished else ""
        for k, start in enumerate(starts):
            last = k == len(starts) - 1
            result = "双方同意继续协商"
            if last and outcome:
                result = "达成协议" if outcome == SUCCEEDED else "未达成协议"
            record.sessions.append(SessionInput(
                start, place, f"{invited[1]}{invited[0]}" if invited else "",
                f"{mediator_names[0] if mediator_names else '调解员'}告知双方当事人的权利义务，听取了{party_names[0]}、"
                f"{party_names[1]}双方陈述，释明相关法律规定，双方就{data.incident_cause or '争议'}问题充分协商。", result,
                rights_notified=True))
        if police and invited:  # 治安调解协议书's 其他在场人员: "姓名，单位或身份"
            data.others_present = f"{invited[0]}，{invited[1]}"
        if not outcome:
            return
        ended = ends[-1]
        note = ""
        if outcome == SUCCEEDED:
            agreed = ended.date()
            perform_by = agreed + timedelta(days=rng.choice((0, 7, 15, 30, 60)))
            a, b = party_names[0], party_names[1]
            data.agreement_terms = terms_text.format(amount=amount, deadline=format_date(perform_by), a=a, b=b)
            data.agreement_amount = amount
            data.agreement_date, data.performance_deadline = agreed, perform_by
            ways = PERFORMANCE_WAYS if amount else PERFORMANCE_WAYS[3:]
            data.performance_way = "当场履行" if police and rng.random() < 0.6 else rng.choice(ways)
            data.performance_place = data.place
            data.oral_agreement = not police and amount is None and rng.random() < 0.15
            data.outcome = "双方自愿达成调解协议"
            if not police and amount and not data.oral_agreement and rng.random() < 0.15:
                applied = agreed + timedelta(days=rng.randint(2, 25))
                if applied < demo.today:  # 司法确认 applied for jointly within the thirty days
                    data.confirmation_applied_on, data.confirmation_court = applied, COURT
                    data.confirmation_result = CONFIRMED_VALID if applied + timedelta(days=15) < demo.today else ""
        elif outcome == FAILED:
            data.outcome = ("双方分歧较大，未能达成协议，已告知当事人可依法向人民法院起诉" if not police
                            else "双方未能达成协议，依法转入治安案件办理程序")
        else:
            data.outcome = "申请人撤回调解申请，调解终止"
            note = "当事人一方撤回调解申请"
        record.steps.append(StepInput(outcome, ended, note))
        visit = self.calendar.on_or_after(ended.date() + timedelta(days=rng.randint(7, 30)))
        if visit < demo.today and (outcome == SUCCEEDED or rng.random() < 0.3):
            performed = rng.choice(PERFORMED) if outcome == SUCCEEDED else ""
            calm = rng.random() < 0.9
            measures = "" if performed in ("已履行", "") else "督促当事人按协议履行"
            if not calm:
                measures = "、".join(filter(None, (measures, "约谈双方当事人，请村委会持续关注")))
            record.follow_ups.append(FollowUpInput(
                visit, performed, rng.choice(SATISFACTION), "无" if calm else "双方仍有口角，需继续关注",
                rng.choice(mediator_names) if mediator_names else "", "",
                reason=f"{data.category}纠纷调解协议履行情况" if outcome == SUCCEEDED else f"{data.category}纠纷回访",
                measures=measures))
            record.steps.append(StepInput(FOLLOW_UP, datetime.combine(visit, _clock(rng, time(11, 0), time(16, 0)))))
            close = self.calendar.on_or_after(visit + timedelta(days=rng.randint(1, 10)))
            if close < demo.today and rng.random() < 0.85:
                self.close(record, close, recorder)
        elif outcome != SUCCEEDED and visit < demo.today and rng.random() < 0.8:
            self.close(record, visit, recorder)

    def investigation(self, record: CaseRecord, received: datetime, first: datetime, party_names: list[str],
                      mediator_names: list[str], recorder: str) -> None:
        """A 调查记录 before the first session: the respondent asked on the day the case came in or the next."""
        for day in (received.date(), self.calendar.after(received.date(), 1)):
            held = _session_at(self.demo, day, received)
            if held is not None and held + timedelta(hours=1) <= first:
                record.investigations.append(InvestigationInput(
                    held, f"{record.case.place}村委会", party_names[1], "、".join(mediator_names[:2]) or recorder,
                    recorder, "", f"{party_names[1]}陈述了与{party_names[0]}发生纠纷的经过，对主要事实无异议。"))
                return

    def close(self, record: CaseRecord, day: date, recorder: str) -> None:
        """结案 at the end of the day, and the 卷宗 filed by the recorder."""
        data = record.case
        record.steps.append(StepInput(CLOSED, datetime.combine(day, time(17, 0))))
        data.filed_by, data.filed_on = recorder, day
        data.retention = "长期" if data.agreement_amount else "短期"

    def weighted_outcome(self) -> str:
        return self.demo.weighted([(SUCCEEDED, 0.7), (FAILED, 0.18), (TERMINATED, 0.12)])


def cases(demo: Demo) -> None:
    maker = _CaseMaker(demo, committee_and_officers(demo))
    received = _received_times(demo, demo.scale.cases, maker.calendar)
    records = []
    for index, at in enumerate(received):
        records.append(maker.record(at))
        if index % 1_000 == 0:
            demo.progress.report(index / max(1, len(received)) * 0.6)
    demo.progress.report(0.6)
    register_cases(records, demo.today)
