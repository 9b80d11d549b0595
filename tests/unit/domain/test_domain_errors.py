from desktop_app.domain.errors import FieldError, ValidationFailed, check_optional
from desktop_app.domain.phones import validate_mobile


def test_check_optional_collects_errors_under_the_field_asked_for():
    errors: list[FieldError] = []
    assert check_optional(validate_mobile, "  ", errors) == ""
    assert check_optional(validate_mobile, "１３８ 1234 5678", errors) == "13812345678"
    assert check_optional(validate_mobile, "12345", errors, "emergency_phone") == ""
    assert [e.field for e in errors] == ["emergency_phone"]
    assert "手机号码" in errors[0].message


def test_validation_failed_keeps_the_first_message_per_field():
    failed = ValidationFailed([FieldError("name", "请填写姓名"), FieldError("name", "x"), FieldError("phone", "y")])
    assert failed.by_field() == {"name": "请填写姓名", "phone": "y"}
    assert str(failed) == "请填写姓名；x；y"
