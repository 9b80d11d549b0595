"""The bytes of a package: what `seal` writes `open_package` gives back, and every single changed byte, a cut
anywhere and a package for another county are refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from desktop_app.services.county.keys import fingerprint
from desktop_app.services.county.package_format import (
    OFFICE_SNAPSHOT,
    REFERENCE,
    PackageRefused,
    open_package,
    seal,
)

COUNTY = PrivateKey.generate()
OFFICE = SigningKey.generate()
TO = fingerprint(bytes(COUNTY.public_key))
MANIFEST = {"office_uuid": "ab" * 16, "office_name": "伽师县公安局甲派出所", "sequence": 3}
BODY = bytes(range(256)) * 2
PACKAGE = seal(OFFICE_SNAPSHOT, MANIFEST, BODY, OFFICE, COUNTY.public_key, TO)


def test_what_is_sealed_opens_with_the_county_key():
    opened = open_package(PACKAGE, OFFICE_SNAPSHOT, COUNTY, TO)
    assert opened.body == BODY and opened.signer_key == bytes(OFFICE.verify_key)
    assert {k: opened.manifest[k] for k in MANIFEST} == MANIFEST and opened.manifest["body_size"] == len(BODY)
    assert "伽师".encode() not in PACKAGE and BODY[:64] not in PACKAGE


def test_every_single_flipped_byte_is_refused():
    accepted = []
    for position in range(len(PACKAGE)):
        for mask in (0x01, 0x80):
            changed = PACKAGE[:position] + bytes([PACKAGE[position] ^ mask]) + PACKAGE[position + 1:]
            try:
                open_package(changed, OFFICE_SNAPSHOT, COUNTY, TO)
            except PackageRefused:
                continue
            accepted.append((position, mask))
    assert accepted == []


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(PACKAGE) - 1))
def test_a_package_cut_anywhere_is_refused(length):
    with pytest.raises(PackageRefused):
        open_package(PACKAGE[:length], OFFICE_SNAPSHOT, COUNTY, TO)


def test_a_truncated_package_says_so_and_a_foreign_one_names_both_counties():
    with pytest.raises(PackageRefused, match="截断"):
        open_package(PACKAGE[:-10], OFFICE_SNAPSHOT, COUNTY, TO)
    other = PrivateKey.generate()
    with pytest.raises(PackageRefused, match="不是发给本单位的") as refused:
        open_package(PACKAGE, OFFICE_SNAPSHOT, other, fingerprint(bytes(other.public_key)))
    assert TO in str(refused.value)
    with pytest.raises(PackageRefused, match="无法解密"):  # the header changed to name the other county
        forged = PACKAGE.replace(TO.encode(), fingerprint(bytes(other.public_key)).encode())
        open_package(forged, OFFICE_SNAPSHOT, other, fingerprint(bytes(other.public_key)))


def test_a_reference_package_is_signed_but_not_sealed_and_checked_against_its_signer():
    county_signing = SigningKey.generate()
    made = seal(REFERENCE, {"sequence": 1}, b'{"holidays": {}}', county_signing, None, "1111 2222 3333 4444 5555")
    opened = open_package(made, REFERENCE, None, "1111 2222 3333 4444 5555")
    assert opened.signer_key == bytes(county_signing.verify_key) and opened.body == b'{"holidays": {}}'
    with pytest.raises(PackageRefused, match="种类不对"):
        open_package(made, OFFICE_SNAPSHOT, COUNTY, TO)
    changed = made[:-3] + b"X" + made[-2:]
    with pytest.raises(PackageRefused, match="签名不符"):
        open_package(changed, REFERENCE, None, "1111 2222 3333 4444 5555")
