"""Two PCs on the same certificate template, 调委会 or the 单位信息 (issue 19, migration 11): the form's save
carries the version it loaded; a save over a newer version is refused naming who changed it and when, and
stores nothing; saving again over the version the refusal named is the deliberate overwrite. Both engines."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.db.models import CertificateTemplate, MediatingBody, OfficeSettings
from desktop_app.domain.vocabulary import ADMIN, HONOUR
from desktop_app.services.accounts import roles
from desktop_app.services.cases.bodies import get_body, list_bodies, save_body
from desktop_app.services.certificates import templates as cert_templates
from desktop_app.services.clients.versions import RecordChanged
from desktop_app.services.office.details import get_office, save_office

ADMINISTRATOR = roles.Account("zhang", ADMIN, display_name="张警官")


def as_zhang():
    return roles.acting_as(ADMINISTRATOR)


def test_a_template_form_is_refused_after_another_save(data_paths, office):
    loaded = cert_templates.list_templates(HONOUR)[0]
    assert loaded.version >= 1
    with as_zhang():
        cert_templates.save_template(loaded.id, HONOUR, "优秀义警（新）", loaded.wording, loaded.border_style,
                                     version=loaded.version)
    stored = CertificateTemplate.get_by_id(loaded.id)
    assert (stored.name, stored.changed_by, stored.version) == ("优秀义警（新）", "张警官", loaded.version + 1)

    with pytest.raises(RecordChanged) as refused:
        cert_templates.save_template(loaded.id, HONOUR, "我的模板", loaded.wording + "。", loaded.border_style,
                                     version=loaded.version)
    assert str(refused.value) == f"此记录已被 张警官 于 {stored.changed_at:%H:%M} 修改"
    assert CertificateTemplate.get_by_id(loaded.id).name == "优秀义警（新）"

    cert_templates.save_template(loaded.id, HONOUR, "我的模板", loaded.wording, loaded.border_style,
                                 version=refused.value.current_version)
    assert cert_templates.get_template(loaded.id).name == "我的模板"
    assert cert_templates.get_template(loaded.id).version == loaded.version + 2


def test_a_mediating_body_form_is_refused_after_another_save(data_paths, office):
    loaded = list_bodies()[0]
    with as_zhang():
        save_body(loaded.id, loaded.name, loaded.number_prefix, is_default=True, active=True,
                  version=loaded.version)
    with pytest.raises(RecordChanged, match="张警官"):
        save_body(loaded.id, "夏普吐勒镇第二人民调解委员会", loaded.number_prefix, is_default=True,
                  version=loaded.version)
    assert MediatingBody.get_by_id(loaded.id).name == loaded.name
    body = get_body(loaded.id)
    assert body is not None and body.version == loaded.version + 1
    save_body(loaded.id, "夏普吐勒镇第二人民调解委员会", loaded.number_prefix, is_default=True, version=body.version)
    assert MediatingBody.get_by_id(loaded.id).name == "夏普吐勒镇第二人民调解委员会"


def test_the_office_form_is_refused_after_another_save(data_paths, office):
    loaded = get_office()
    assert loaded is not None and loaded.version is not None
    with as_zhang():
        save_office(replace(loaded, address="夏普吐勒镇团结路1号"))
    with pytest.raises(RecordChanged, match="张警官"):
        save_office(replace(loaded, leader_name="李所长"))
    row = OfficeSettings.select().get()
    assert (row.address, row.leader_name) == ("夏普吐勒镇团结路1号", loaded.leader_name)
    save_office(replace(loaded, leader_name="李所长", version=row.version))
    assert OfficeSettings.select().get().leader_name == "李所长"
    save_office(replace(loaded, version=None))  # the CLI: over whatever is stored
    assert OfficeSettings.select().get().version == row.version + 2


def test_another_body_made_the_default_raises_the_former_default_s_version(data_paths, office):
    former = list_bodies()[0]
    other = save_body(None, "夏普吐勒镇第二人民调解委员会", "夏二调")
    save_body(other.id, other.name, other.number_prefix, is_default=True, version=other.version)
    with pytest.raises(RecordChanged):  # the form open on the former default would make it the default again
        save_body(former.id, former.name, former.number_prefix, is_default=True, version=former.version)
    assert [b.name for b in list_bodies() if b.is_default] == ["夏普吐勒镇第二人民调解委员会"]
