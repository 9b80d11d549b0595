"""The keys of the county data packages, kept as files in the data folder's `keys/` (never in the database,
so no backup, dump or package carries a private key), and their fingerprints.

- an office signs its packages with its own Ed25519 key (`office-signing.key`), made at set-up or at its
  first package;
- a county decrypts them with its Curve25519 key and signs its reference packages with an Ed25519 key, both
  in `county.key`, made when the county folder is set up; `county.pub` (written by `write_public_key`)
  holds the two public halves an office needs.

A fingerprint is 20 digits in groups of four ("3074 1129 8405 6613 2290"), read aloud on the phone: the
office's administrator compares the county's before trusting its key, and the county's administrator the
office's before accepting its first package. The cryptography is PyNaCl's (libsodium).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from nacl.public import PrivateKey, PublicKey
from nacl.signing import SigningKey, VerifyKey

from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ..accounts.roles import EXPORT, require
from ..files.writer import write_verified

KEYS_FOLDER = "keys"
OFFICE_KEY_FILE = "office-signing.key"
COUNTY_KEY_FILE = "county.key"
PUBLIC_KEY_TITLE = "义警服务队管理系统 县局公钥"


class KeyFileError(ValueError):
    """A key file is missing, unreadable or not a key; the message says which and what to do."""


def fingerprint(public_key: bytes) -> str:
    """20 digits in five groups of four, from the SHA-256 of the public key."""
    digest = hashlib.sha256(b"yijing-key-fingerprint\x00" + public_key).digest()
    digits = f"{int.from_bytes(digest[:10], 'big') % 10**20:020d}"
    return " ".join(digits[i:i + 4] for i in range(0, 20, 4))


def same_fingerprint(typed: str, expected: str) -> bool:
    """What the administrator typed (spaces and dashes as they like) is the fingerprint."""
    return "".join(ch for ch in typed if ch.isdigit()) == expected.replace(" ", "")


def _keys_dir(root: Path) -> Path:
    folder = root / KEYS_FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _write_secret(path: Path, secret: bytes) -> None:
    write_verified(path, (secret.hex() + "\n").encode("ascii"))
    os.chmod(path, 0o600)


def _read_secret(path: Path, size: int = 32) -> bytes:
    try:
        value = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise KeyFileError(Message(QT_TRANSLATE_NOOP("Messages", "密钥文件无法读取：{name}"), name=path.name)) from exc
    if len(value) != size:
        raise KeyFileError(Message(QT_TRANSLATE_NOOP("Messages", "密钥文件已损坏：{name}"), name=path.name))
    return value


def office_signing_key(root: Path) -> SigningKey:
    """The office's signing key, made (and kept in `keys/`) the first time it is asked for."""
    path = _keys_dir(root) / OFFICE_KEY_FILE
    if not path.exists():
        _write_secret(path, bytes(SigningKey.generate()))
    return SigningKey(_read_secret(path))


def has_county_key(root: Path) -> bool:
    return (root / KEYS_FOLDER / COUNTY_KEY_FILE).exists()


class CountyKeys:
    """The county's two private keys and their public halves."""

    def __init__(self, secret: bytes) -> None:
        self.box = PrivateKey(secret[:32])
        self.signing = SigningKey(secret[32:])

    @property
    def public(self) -> CountyPublicKey:
        return CountyPublicKey(self.box.public_key, self.signing.verify_key)


class CountyPublicKey:
    """What an office keeps of the county: the key it encrypts to and the key that signs reference packages."""

    def __init__(self, box: PublicKey, verify: VerifyKey) -> None:
        self.box, self.verify = box, verify

    @property
    def raw(self) -> bytes:
        return bytes(self.box) + bytes(self.verify)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.raw)

    @classmethod
    def from_hex(cls, text: str) -> CountyPublicKey:
        raw = bytes.fromhex(text)
        if len(raw) != 64:
            raise ValueError("not a county key")
        return cls(PublicKey(raw[:32]), VerifyKey(raw[32:]))


def make_county_keys(root: Path) -> CountyKeys:
    """The county's keys, made once when the county folder is set up (existing ones are kept)."""
    path = _keys_dir(root) / COUNTY_KEY_FILE
    if not path.exists():
        _write_secret(path, bytes(PrivateKey.generate()) + bytes(SigningKey.generate()))
    return county_keys(root)


def county_keys(root: Path) -> CountyKeys:
    path = root / KEYS_FOLDER / COUNTY_KEY_FILE
    if not path.exists():
        raise KeyFileError(QT_TRANSLATE_NOOP("Messages", "本数据文件夹没有县局密钥（keys/county.key）：它不是县局的数据文件夹"))
    return CountyKeys(_read_secret(path, 64))


def public_key_text(county_name: str, key: CountyPublicKey) -> str:
    return (f"{PUBLIC_KEY_TITLE}\n县局：{county_name}\n指纹：{key.fingerprint}\n公钥：{key.raw.hex()}\n"
            "（请与县局电话核对指纹后再使用）\n")


def write_public_key(path: Path, county_name: str, key: CountyPublicKey) -> str:
    """Write `county.pub` (plain text: the county's name, the fingerprint and the keys); its fingerprint."""
    require(EXPORT)
    write_verified(path, public_key_text(county_name, key).encode("utf-8"))
    return key.fingerprint


def read_public_key(path: Path) -> tuple[str, CountyPublicKey]:
    """The county's name and key from a `county.pub`; `KeyFileError` when it is not one, or when its key
    does not give the fingerprint written beside it (a changed or damaged file)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyFileError(Message(QT_TRANSLATE_NOOP("Messages", "无法读取县局公钥文件：{name}"),
                                   name=Path(path).name)) from exc
    fields = dict(line.split("：", 1) for line in lines[1:] if "：" in line)
    try:
        if not lines or lines[0].strip() != PUBLIC_KEY_TITLE:
            raise ValueError
        key = CountyPublicKey.from_hex(fields["公钥"].strip())
    except (KeyError, ValueError, TypeError) as exc:
        raise KeyFileError(Message(QT_TRANSLATE_NOOP("Messages", "“{name}”不是县局公钥文件"),
                                   name=Path(path).name)) from exc
    if fields.get("指纹", "").strip() != key.fingerprint:
        raise KeyFileError(QT_TRANSLATE_NOOP("Messages", "县局公钥文件中的公钥与所写指纹不符：文件已被改动或损坏"))
    return fields.get("县局", "").strip(), key
