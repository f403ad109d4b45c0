"""`marsad serve` builds the app over --db with --token and hands it to uvicorn on --host/--port."""

from __future__ import annotations

import uvicorn
from typer.testing import CliRunner

from marsad.cli import app


def test_serve_command_starts_uvicorn_with_the_app(sqlite_url, monkeypatch):
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: seen.update(app=application, **kw))
    result = CliRunner().invoke(app, ["serve", "--db", sqlite_url, "--port", "9123", "--host", "0.0.0.0",
                                      "--token", "tok"])
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("0.0.0.0", 9123)
    assert seen["app"].state.token == "tok"
    assert seen["app"].state.store.counts()["events"] == 2
    seen["app"].state.store.close()


def test_serve_requires_db():
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2 and "--db" in result.output


def test_serve_reports_an_unusable_store_clearly(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", "nosuchdialect://x"])
    assert result.exit_code == 2
    assert result.output == ("marsad: --db 'nosuchdialect://x': only sqlite:/// and postgresql:// "
                             "stores are supported\n")
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    result = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{blocked}/sub/marsad.db"])
    assert result.exit_code == 2
    assert result.output.startswith(f"marsad: --db: no store at {blocked}/sub/marsad.db")


def test_serve_with_a_mistyped_store_path_creates_nothing(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{tmp_path}/typo/marsad.db"])
    assert result.exit_code == 2 and "no store at" in result.output
    assert not (tmp_path / "typo").exists()
