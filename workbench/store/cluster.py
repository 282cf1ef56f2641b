"""A local PostgreSQL cluster in a folder, for team mode on one machine and for
the tests: ``initdb`` once, then ``pg_ctl start`` listening on a Unix socket in
that folder only (no TCP port). The server binaries come from
``pg_config --bindir`` (Debian: /usr/lib/postgresql/15/bin). As root they run as
the ``postgres`` user, who then owns the folder, since PostgreSQL refuses root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

FAST = ("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")


def bindir() -> Path:
    """Where ``initdb`` and ``pg_ctl`` are: ``pg_config --bindir``, else the
    newest /usr/lib/postgresql/*/bin."""
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        path = Path(found.stdout.strip())
        if (path / "initdb").exists():
            return path
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                        else 0)
    if not candidates:
        raise RuntimeError("no PostgreSQL server binaries (initdb) on this machine")
    return candidates[-1].parent


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _owner() -> str:
    return "postgres" if os.geteuid() == 0 else os.environ.get("USER") or "postgres"


@dataclass(frozen=True, slots=True)
class Cluster:
    root: Path  # data/ and socket/ live here

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket(self) -> Path:
        return self.root / "socket"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{_owner()}@/{database}?host={quote(str(self.socket), safe='/')}"

    def running(self) -> bool:
        return (self.socket / ".s.PGSQL.5432").exists() and (self.data / "postmaster.pid").exists()

    def start(self, *, fast: bool = False, max_connections: int = 200) -> Cluster:
        """Create the cluster if it is new and start it (no-op if running)."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.socket.mkdir(exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(self.socket, "postgres", "postgres")
        bin_ = bindir()
        if not (self.data / "PG_VERSION").exists():
            subprocess.run(_as_server_user([str(bin_ / "initdb"), "-D", str(self.data),
                                            "-U", _owner(), "--auth=trust", "-E", "UTF8",
                                            "--locale=C.UTF-8", "--no-sync"]),
                           check=True, capture_output=True)
        if self.running():
            return self
        options = ["-c", "listen_addresses=", "-c", f"unix_socket_directories={self.socket}",
                   "-c", f"max_connections={max_connections}", *(FAST if fast else ())]
        subprocess.run(_as_server_user([str(bin_ / "pg_ctl"), "-D", str(self.data), "-w",
                                        "-l", str(self.root / "server.log"),
                                        "-o", " ".join(options), "start"]),
                       check=True, capture_output=True)
        return self

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(_as_server_user([str(bindir() / "pg_ctl"), "-D", str(self.data),
                                            "-m", "fast", "-w", "stop"]),
                           check=False, capture_output=True)

    def ensure_database(self, name: str) -> str:
        """The URL of database ``name``, created if the cluster has none of that name."""
        import psycopg
        with psycopg.connect(self.url(), autocommit=True) as conn:
            if conn.execute("SELECT 1 FROM pg_database WHERE datname=%s", (name,)).fetchone():
                return self.url(name)
        return self.create_database(name)

    def create_database(self, name: str, *, template: str | None = None) -> str:
        """A new database (optionally a copy of ``template``); returns its URL."""
        import psycopg
        with psycopg.connect(self.url(), autocommit=True) as conn:
            sql = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
            conn.execute(sql)
        return self.url(name)
