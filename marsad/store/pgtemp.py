"""A throwaway PostgreSQL server for tests and benchmarks (Debian's postgresql package).

The server runs from a temporary directory on 127.0.0.1 and a free port, with its socket in that
directory, so it never touches a system cluster. initdb refuses to run as root, so as root every
server command runs as the `postgres` user (runuser) in a directory chown'ed to it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def find_bindir() -> Path | None:
    """The newest /usr/lib/postgresql/*/bin with initdb, or the folder of `initdb` on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def unavailable_reason() -> str | None:
    """Why a temporary server cannot start here, or None when it can."""
    if find_bindir() is None:
        return "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run initdb as"
        if shutil.which("runuser") is None:
            return "running as root without runuser to switch to the postgres user"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TempPostgres:
    """Start with `start()`, get `url(dbname)`, make databases with `create_database`, then `stop()`."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.dir: Path | None = None
        self.port = 0
        self._as_postgres = os.geteuid() == 0

    def _cmd(self, *args: str) -> list[str]:
        return (["runuser", "-u", "postgres", "--"] if self._as_postgres else []) + list(args)

    def start(self) -> TempPostgres:
        reason = unavailable_reason()
        if reason or self.bindir is None:
            raise RuntimeError(reason)
        self.dir = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
        if self._as_postgres:
            pw = pwd.getpwnam("postgres")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        data = self.dir / "data"
        subprocess.run(self._cmd(str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres",
                                 "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"),
                       check=True, capture_output=True)
        self.port = _free_port()
        opts = (f"-p {self.port} -h 127.0.0.1 -k {self.dir} -c fsync=off -c synchronous_commit=off "
                "-c full_page_writes=off -c max_connections=50")
        subprocess.run(self._cmd(str(self.bindir / "pg_ctl"), "-D", str(data), "-o", opts,
                                 "-l", str(self.dir / "server.log"), "-w", "-t", "60", "start"),
                       check=True, capture_output=True)
        return self

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, dbname: str) -> str:
        """A new empty database (a fresh one per test keeps tests independent); returns its URL."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
            conn.execute(f'CREATE DATABASE "{dbname}"')
        return self.url(dbname)

    def reset_database(self, dbname: str = "marsad") -> str:
        """An empty database by that name, reused: its schema is dropped and recreated, which is far
        cheaper than a new database per test (each CREATE DATABASE copies ~8 MB). Returns its URL."""
        import psycopg

        dsn = f"host=127.0.0.1 port={self.port} user=postgres"
        with psycopg.connect(f"{dsn} dbname=postgres", autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,)).fetchone():
                conn.execute(f'CREATE DATABASE "{dbname}"')
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = %s AND pid <> pg_backend_pid()", (dbname,))
        with psycopg.connect(f"{dsn} dbname={dbname}", autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
        return self.url(dbname)

    def stop(self) -> None:
        if self.dir is None:
            return
        if self.bindir is not None and (self.dir / "data" / "postmaster.pid").exists():
            subprocess.run(self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.dir / "data"),
                                     "-m", "immediate", "-w", "stop"), capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None

    def __enter__(self) -> TempPostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
