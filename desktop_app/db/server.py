"""A PostgreSQL server as the data store of a networked office: the connection URL, opening it, and
telling its failures apart.

The URL names the server, the database and the role (`postgresql://yijing@10.0.0.5/yijing`); it is kept
in the data folder (`database.url`) without a password. The password comes from the prompt (the window's
dialog, the terminal), `PGPASSWORD` or the user's pgpass file (libpq reads both); it is never written down.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit, urlunsplit

import peewee
from peewee import PostgresqlDatabase

log = logging.getLogger(__name__)

SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT_S = 10


def is_server_url(text: str | None) -> bool:
    return bool(text) and str(text).strip().lower().startswith(SCHEMES)


def without_password(url: str) -> str:
    """The URL as it may be written down and shown: any password taken out."""
    parts = urlsplit(url.strip())
    if parts.password is None:
        return url.strip()
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def describe(url: str) -> str:
    """`yijing@10.0.0.5/yijing`: what the window's title and the messages name."""
    parts = urlsplit(without_password(url))
    where = parts.hostname or "localhost"
    if parts.port:
        where += f":{parts.port}"
    name = parts.path.lstrip("/") or (parts.username or "")
    return f"{parts.username + '@' if parts.username else ''}{where}/{name}"


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def with_database(url: str, name: str) -> str:
    """The same server and role, another database (a scratch copy for checking a backup)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def connect_postgres(url: str, password: str | None = None) -> PostgresqlDatabase:
    """A peewee database on the server (psycopg 3), connected; `peewee.OperationalError` when the server
    cannot be reached or refuses the role."""
    params: dict[str, object] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "yijing"}
    if password:
        params["password"] = password
    database = PostgresqlDatabase(url.strip(), prefer_psycopg3=True, **params)
    database.connect(reuse_if_open=True)
    log.info("已连接数据库服务器: %s", describe(url))
    return database


def needs_password(exc: BaseException) -> bool:
    """True when the server asked for a password the connection did not have (or had wrong)."""
    text = str(exc).lower()
    return "password" in text and ("authentication failed" in text or "no password supplied" in text)


def unreachable(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(s in text for s in ("connection refused", "could not connect", "timeout expired",
                                   "could not translate host name", "no route to host", "connection timed out"))


def server_error_classes() -> tuple[type[BaseException], ...]:
    import psycopg

    return (psycopg.Error, peewee.OperationalError, peewee.InterfaceError)
