"""The `marsad` command line: run, eval, export, serve."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Marsad: Arabic conflict news to a sourced event database.")


@app.callback()
def main() -> None:
    """Marsad: Arabic conflict news to a sourced event database."""


@app.command()
def run(
    inputs: list[str] = typer.Argument(..., help="Corpus JSONL, .txt/.html, RSS, WARC."),
    out: Path = typer.Option(..., "--out", help="Output folder for documents/claims/events JSONL."),
    db: str | None = typer.Option(None, "--db", help="SQLAlchemy URL (default: sqlite file OUT/marsad.db)."),
) -> None:
    """Run the pipeline over INPUTS and write the contract files and the store."""
    from marsad.run import run_corpus

    summary = run_corpus(inputs, out, db)
    typer.echo(f"read={summary.read} failed={summary.failed} duplicates={summary.duplicates} "
               f"claims={summary.claims} events={summary.events} seconds={summary.seconds}")


# `marsad eval`, `marsad export` and `marsad serve` are added below by the stages that own them.


if __name__ == "__main__":
    app()
