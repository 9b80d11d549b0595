"""The PostgreSQL server the tests run on: `YIJING_TEST_PG_URL` when set (a role that may create
databases), otherwise a throwaway cluster started with the local PostgreSQL binaries (`initdb`, `pg_ctl`
on PATH or in Debian's /usr/lib/postgresql/<version>/bin) in a temporary folder, removed at the end.

initdb and postgres refuse to run as root: as root the cluster belongs to an unprivileged account (the
`postgres` account Debian's package makes, else `nobody`), which owns its folder. The cluster listens on
127.0.0.1 at a free port with trust authentication, fsync off (a test cluster holds nothing to keep).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from glob import glob
from pathlib import Path

URL_VARIABLE = "YIJING_TEST_PG_URL"
SUPERUSER = "yijing_test"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4])
                        if p.split("/")[4].isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _account() -> pwd.struct_passwd | None:
    """Who runs the cluster: None for the current (non-root) account."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("no unprivileged account to run PostgreSQL as")


class Cluster:
    """A cluster of its own in a temporary folder; `url` for its superuser; `stop()` removes it."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="yijing-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.account = _account()
        if self.account is not None:
            os.chown(self.root, self.account.pw_uid, self.account.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.root / "log"),
                  "-o", options)
        self.url = f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        account = self.account
        extra: dict = {}
        env = {**os.environ, "LC_ALL": "C.UTF-8"}
        if account is not None:
            extra = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
            env["HOME"] = str(self.root)
        result = subprocess.run([str(self.bin_dir / tool), *args], capture_output=True, text=True, env=env,
                                cwd=self.root, **extra)
        if result.returncode:
            log = (self.root / "log").read_text(errors="replace")[-2000:] if (self.root / "log").exists() else ""
            raise RuntimeError(f"{tool} failed: {result.stderr.strip()[-2000:]}\n{log}")

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError):
            self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate", "-w")
        for _ in range(20):
            try:
                shutil.rmtree(self.root)
                return
            except OSError:
                time.sleep(0.1)


def admin_connection(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)
