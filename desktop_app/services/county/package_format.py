"""The bytes of a data package, with no database: a short plain header, then the content, signed by its
maker's Ed25519 key and, for an office's package, encrypted to the county's key (a libsodium sealed box:
X25519 + XSalsa20-Poly1305, so a lost stick leaks nothing and any changed byte fails to open).

    YJPKG\\0\\x01 | 4-byte length | header JSON {"kind", "to": county fingerprint, "size"} | payload
    payload   = sealed box of `signed` (office packages) or `signed` itself (the county's reference packages)
    signed    = the signer's public key (32 bytes) | Ed25519 signature (64) | 4-byte length | manifest JSON | body

The header names only the kind and the county the package is for (a reference package: the county that
made it), never the office, so a stick found in
the street says nothing but "a package for that county". `open_package` tells apart, each with its reason:
not a package, truncated, for another county, damaged or changed, a bad signature, a body that does not
match its manifest.
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

from ...domain.i18n import QT_TRANSLATE_NOOP, Message

MAGIC = b"YJPKG\x00\x01"
OFFICE_SNAPSHOT = "office-snapshot"
REFERENCE = "reference"
_LENGTH = struct.Struct(">I")
_MAX_HEADER = 4096


class PackageRefused(ValueError):
    """The package is not taken; `str()` is the reason in Chinese."""


@dataclass(frozen=True)
class OpenedPackage:
    kind: str
    manifest: dict[str, Any]
    body: bytes
    signer_key: bytes  # the Ed25519 public key that signed it (raw 32 bytes)


def seal(kind: str, manifest: dict[str, Any], body: bytes, signer: SigningKey,
         recipient: PublicKey | None, recipient_fingerprint: str) -> bytes:
    """The package file's bytes; `manifest` gets the body's SHA-256 and size."""
    manifest = {**manifest, "body_sha256": hashlib.sha256(body).hexdigest(), "body_size": len(body)}
    text = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    inner = _LENGTH.pack(len(text)) + text + body
    signed = bytes(signer.verify_key) + signer.sign(inner).signature + inner
    payload = signed if recipient is None else SealedBox(recipient).encrypt(signed)
    header = json.dumps({"kind": kind, "to": recipient_fingerprint, "size": len(payload)}).encode("ascii")
    return MAGIC + _LENGTH.pack(len(header)) + header + payload


def peek_header(data: bytes) -> dict[str, Any]:
    """The plain header; `PackageRefused` when the file is not a package at all."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _LENGTH.size:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "不是本系统的数据包"))
    (size,) = _LENGTH.unpack_from(data, len(MAGIC))
    start = len(MAGIC) + _LENGTH.size
    if size > _MAX_HEADER or len(data) < start + size:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包不完整：文件被截断（可能没有拷贝完）"))
    try:
        header = json.loads(data[start:start + size])
        if not isinstance(header, dict) or not isinstance(header.get("size"), int):
            raise ValueError
    except ValueError as exc:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包已损坏或被改动：文件头无法读取")) from exc
    header["_payload_at"] = start + size
    return header


def open_package(data: bytes, kind: str, recipient: PrivateKey | None, own_fingerprint: str) -> OpenedPackage:
    """Check and open a package of `kind` meant for `own_fingerprint`; `PackageRefused` with the reason."""
    header = peek_header(data)
    if header.get("kind") != kind:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包的种类不对：这里只能导入单位数据包或县局参考数据包中的一种")
                             if header.get("kind") in (OFFICE_SNAPSHOT, REFERENCE)
                             else QT_TRANSLATE_NOOP("Messages", "不是本系统的数据包"))
    payload = data[header["_payload_at"]:]
    if len(payload) < header["size"]:
        raise PackageRefused(Message(QT_TRANSLATE_NOOP(
            "Messages", "数据包不完整：文件被截断（应有 {size} 字节，只有 {have} 字节，可能没有拷贝完）"),
            size=header["size"] + header["_payload_at"], have=len(data)))
    if header.get("to") != own_fingerprint and kind == REFERENCE:
        raise PackageRefused(Message(QT_TRANSLATE_NOOP(
            "Messages", "这个参考数据包不是本单位所认可的县局签发的：它的签发方指纹为 {to}，本单位认可的县局为 {own}"),
            to=header.get("to", ""), own=own_fingerprint))
    if header.get("to") != own_fingerprint:
        raise PackageRefused(Message(QT_TRANSLATE_NOOP(
            "Messages", "数据包不是发给本单位的：它的接收方指纹为 {to}，本单位为 {own}"),
            to=header.get("to", ""), own=own_fingerprint))
    if len(payload) != header["size"]:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包已损坏或被改动：长度与文件头不符"))
    if recipient is not None:
        try:
            signed = SealedBox(recipient).decrypt(payload)
        except CryptoError as exc:
            raise PackageRefused(QT_TRANSLATE_NOOP(
                "Messages", "数据包已损坏或被改动，无法解密（或它是用另一个县局的公钥加密的）")) from exc
    else:
        signed = payload
    if len(signed) < 32 + 64 + _LENGTH.size:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包已损坏或被改动：内容过短"))
    signer, signature, inner = signed[:32], signed[32:96], signed[96:]
    try:
        VerifyKey(signer).verify(inner, signature)
    except (BadSignatureError, ValueError) as exc:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "签名不符：数据包在签名之后被改动过")) from exc
    (size,) = _LENGTH.unpack_from(inner, 0)
    try:
        manifest = json.loads(inner[_LENGTH.size:_LENGTH.size + size])
    except ValueError as exc:
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包的清单无法读取")) from exc
    body = inner[_LENGTH.size + size:]
    if (not isinstance(manifest, dict) or manifest.get("body_size") != len(body)
            or manifest.get("body_sha256") != hashlib.sha256(body).hexdigest()):
        raise PackageRefused(QT_TRANSLATE_NOOP("Messages", "数据包的内容与清单中的 SHA-256 不符"))
    return OpenedPackage(kind, manifest, body, signer)
