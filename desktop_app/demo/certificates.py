"""A few certificates, issued through `issue_certificate` as the 证书 tab issues them: 聘书 for team leaders,
荣誉证书 and 志愿服务证明 for the members who served most. Kept to a handful at every scale: each one is a
PDF drawn and fingerprinted at issue."""

from __future__ import annotations

from ..domain.vocabulary import APPOINTMENT, HONOUR, LEFT, SERVICE_PROOF
from ..services.certificates.issuing import issue_certificate
from .context import Demo

APPOINTMENTS, HONOURS, PROOFS = 5, 3, 2


def certificates(demo: Demo) -> None:
    today = demo.today
    leaders = [demo.members[team.leader] for team in demo.teams if team.leader is not None]
    for info in leaders[:APPOINTMENTS]:
        if info.status != LEFT:
            issue_certificate(info.id, APPOINTMENT, issued_on=today, handler=demo.officers[0])
    best = sorted(demo.served, key=lambda member_id: (-demo.served[member_id], member_id))
    for member_id in best[:HONOURS]:
        issue_certificate(member_id, HONOUR, title="优秀义警", reason=f"{today.year}年度义警志愿服务工作",
                          issued_on=today, handler=demo.officers[0])
    for member_id in best[HONOURS:HONOURS + PROOFS]:
        issue_certificate(member_id, SERVICE_PROOF, issued_on=today, handler=demo.officers[0])
