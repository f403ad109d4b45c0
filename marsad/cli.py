"""The `marsad` command line: run, eval, export, serve."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from marsad import cli_checks

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Marsad: Arabic conflict news to a sourced event database.")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"marsad {version('marsad')}")
        except PackageNotFoundError:
            typer.echo("marsad (not installed as a package)")
        raise typer.Exit(0)


@app.callback()
def main(_version_flag: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                             help="Print the version and exit.")) -> None:
    """Marsad: Arabic conflict news to a sourced event database."""


def fail(*problems: str | None) -> None:
    """Stop with exit code 2 and one line per problem, when there is any (cli_checks' answers)."""
    found = [p for p in problems if p]
    if found:
        for p in found:
            typer.echo(f"marsad: {p}", err=True)
        raise typer.Exit(EXIT_USAGE)


def note(message: str) -> None:
    """A progress line on stderr, shown at once (before the slow imports) on a terminal or not."""
    print(message, file=sys.stderr, flush=True)


# Exit codes of `marsad run` and `marsad eval` (documented in docs/cli.md):
EXIT_OK = 0  # every input was read and processed
EXIT_SOME_FAILED = 1  # the batch completed, but some inputs failed (see OUT/errors.jsonl)
EXIT_USAGE = 2  # usage error, or nothing readable at all (Typer also exits 2 on bad options)


def print_summary(summary, out: Path) -> None:
    """The closing table of a run (stdout), and where the outputs and errors are."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"marsad run -> {out}", show_header=True)
    for name, _ in summary.table_rows():
        table.add_column(name, justify="right")
    table.add_row(*(value for _, value in summary.table_rows()))
    console = Console()
    console.print(table)
    if summary.failed:
        console.print(f"{summary.failed} input(s) failed: see {out / 'errors.jsonl'}")


def exit_code(summary) -> int:
    if summary.read == 0:
        return EXIT_USAGE
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


@app.command()
def run(
    inputs: list[str] = typer.Argument(..., help="Corpus JSONL, .txt/.html, folders, globs, RSS/Atom, WARC."),
    out: Path = typer.Option(..., "--out", help="Output folder for documents/claims/events/errors JSONL."),
    db: str | None = typer.Option(None, "--db", help="SQLAlchemy URL (default: sqlite file OUT/marsad.db)."),
    dask: str | None = typer.Option(None, "--dask", metavar="local|SCHEDULER_ADDRESS",
                                    help="Process articles on Dask workers: 'local' or a scheduler address."),
    published: str | None = typer.Option(None, "--published", metavar="YYYY-MM-DD",
                                         help="Publication date for inputs without one."),
    outlet: str | None = typer.Option(None, "--outlet", help="Outlet name for inputs without one."),
    url: str | None = typer.Option(None, "--url", help="URL of the report (one input file)."),
    meta: Path | None = typer.Option(None, "--meta", metavar="TABLE",
                                     help="JSONL/CSV: file, published, outlet, url, title."),
) -> None:
    """Run the pipeline over INPUTS and write the contract files and the store.

    Inputs without metadata: FILE.meta.json beside a file, a --meta table, or --published/--outlet/--url.

    Exit code: 0 all inputs read, 1 some failed (batch completed), 2 usage error or nothing readable.
    """
    if str(out) == "-":
        fail("--out - : `marsad run` writes a folder of files; give a folder (export can write to stdout)")
    if out.exists() and not out.is_dir():
        fail(f"--out {out} is a file, not a folder")
    fail(cli_checks.check_dask(dask))
    metadata = _metadata(inputs, published, outlet, url, meta)
    if db is not None:
        fail(cli_checks.check_store(db, must_exist=False))
    note(f"marsad run: {len(inputs)} input(s) -> {out} (loading the pipeline)")
    from marsad.run import run_corpus

    summary = run_corpus(inputs, out, db, dask=dask, metadata=metadata)
    print_summary(summary, out)
    raise typer.Exit(exit_code(summary))


def _metadata(inputs: list[str], published: str | None, outlet: str | None, url: str | None,
              meta: Path | None):
    """The run's supplied metadata (marsad.ingest.metadata), or a usage error."""
    from marsad.ingest.metadata import BadMetadata, Metadata, check_values, load_table

    if url and (len(inputs) != 1 or not Path(inputs[0]).is_file()):
        fail("--url names one report: give it with a single input file (or use --meta / FILE.meta.json)")
    if meta is not None and not meta.is_file():
        fail(f"--meta {meta}: no such file")
    try:
        flags = check_values({"published": published, "outlet": outlet, "url": url}, "option")
        table = load_table(meta) if meta is not None else {}
    except BadMetadata as e:
        fail(str(e).replace("option: ", "--"))
    if not (flags or table):
        return None
    return Metadata(published=flags.get("published"), outlet=flags.get("outlet"), url=flags.get("url"),
                    by_file=table)


@app.command()
def shard(
    inputs: list[str] = typer.Argument(..., help="Corpus JSONL(.gz), folders, globs, feeds, WARC."),
    out: Path = typer.Option(..., "--out", help="Folder for the shards (part-00000.jsonl.gz, ...)."),
    shards: int | None = typer.Option(None, "--shards", min=1,
                                      help="How many shards (the inputs are counted first)."),
    size: int | None = typer.Option(None, "--size", min=1, help="Or how many reports a shard holds."),
) -> None:
    """Cut INPUTS into gzipped JSONL shards, in input order, for `marsad run OUT --dask ...`.

    A single .gz file is one stream a single worker must read from its start; shards are read by
    the workers in parallel, each worker its own.
    """
    fail(None if (shards is None) != (size is None) else "give exactly one of --shards N or --size N")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        fail(f"--out {out}: give a new or empty folder")
    from marsad.ingest.shard import count_reports
    from marsad.ingest.shard import shard as cut

    if size is None:
        total = count_reports(inputs)
        size = max(1, -(-total // shards))  # type: ignore[operator]
    paths, n, errors = cut(inputs, out, size)
    for e in errors:
        typer.echo(f"marsad: {e.input}: {e.reason}", err=True)
    typer.echo(f"wrote {n} report(s) in {len(paths)} shard(s) to {out}")
    raise typer.Exit(EXIT_USAGE if n == 0 else EXIT_SOME_FAILED if errors else EXIT_OK)


@app.command("eval")
def evaluate(
    gold_dir: Path = typer.Argument(..., help="Gold folder with docs.jsonl (and gold_claims/gold_events)."),
    out: Path | None = typer.Option(None, "--out", help="Output folder (default: a new temporary folder)."),
    verbose: bool = typer.Option(False, "--verbose", help="Pass --verbose to the scorer (misses, extras)."),
) -> None:
    """Run the pipeline on GOLD_DIR/docs.jsonl and print the scorer's table (GOLD_DIR/../score.py).

    The store is a fresh SQLite file beside the outputs, so earlier runs never leak into a score.
    """
    import subprocess
    import sys
    import tempfile

    from marsad.run import run_corpus

    docs = gold_dir / "docs.jsonl"
    if not docs.is_file():
        typer.echo(f"no {docs}: GOLD_DIR must hold docs.jsonl", err=True)
        raise typer.Exit(EXIT_USAGE)
    out = out or Path(tempfile.mkdtemp(prefix="marsad-eval-"))
    # The store of an evaluation is a throwaway: the scorer reads the output files only.
    with tempfile.TemporaryDirectory(prefix="marsad-eval-db-") as db_dir:
        summary = run_corpus([str(docs)], out, f"sqlite:///{Path(db_dir) / 'marsad.db'}")
    print_summary(summary, out)
    scorer = gold_dir.resolve().parent / "score.py"
    if not scorer.is_file():
        typer.echo(f"note: no scorer at {scorer}; outputs are in {out} "
                   f"({summary.claims} claims, {summary.events} events from {summary.read} documents)")
        raise typer.Exit(exit_code(summary))
    cmd = [sys.executable, str(scorer), str(gold_dir), str(out)] + (["--verbose"] if verbose else [])
    result = subprocess.run(cmd, check=False, capture_output=True, text=True)
    typer.echo(result.stdout, nl=False)
    if result.stderr:
        typer.echo(result.stderr, err=True, nl=False)
    raise typer.Exit(result.returncode or exit_code(summary))


# `marsad export` and `marsad serve` are added below by the stages that own them.


@app.command()
def export(
    out: Path = typer.Option(..., "--out", help="File to write ('-' for standard output)."),
    fmt: str = typer.Option("jsonl", "--format", help="acled | ucdp | geojson | jsonl"),
    db: str | None = typer.Option(None, "--db", help="SQLAlchemy URL of the store to read."),
    run_dir: Path | None = typer.Option(None, "--run", help="Or a `marsad run --out` folder to read."),
    since: str | None = typer.Option(None, "--since", help="Events on or after this ISO date."),
    until: str | None = typer.Option(None, "--until", help="Events on or before this ISO date."),
    country: str | None = typer.Option(None, "--country", help="ISO 3166 alpha-3 code."),
    event_type: str | None = typer.Option(None, "--type", help="ACLED event type, e.g. Battles."),
) -> None:
    """Export incidents from the store (or a run folder) as ACLED, UCDP GED, GeoJSON or JSONL."""
    import shutil
    import tempfile

    from marsad.export.source import ExportFilter, load_db, load_run_dir
    from marsad.export.writer import FORMATS
    from marsad.export.writer import export as write_export

    fail(None if fmt in FORMATS else f"--format {fmt!r}: one of {', '.join(FORMATS)}",
         None if (db is None) != (run_dir is None) else "give exactly one of --db URL or --run DIR",
         cli_checks.check_date("--since", since), cli_checks.check_date("--until", until),
         cli_checks.check_country(country))
    fail(cli_checks.check_range(since, until))
    if db is not None:
        fail(cli_checks.check_store(db, must_exist=True))
    elif not (run_dir / "events.jsonl").is_file():  # type: ignore[operator]
        fail(f"--run {run_dir}: no events.jsonl there (a `marsad run --out` folder)")
    flt = ExportFilter(since=since, until=until, country=country.upper() if country else None,
                       event_type=event_type)
    data = load_db(db, flt) if db is not None else load_run_dir(run_dir, flt)  # type: ignore[arg-type]
    if str(out) == "-":
        with tempfile.TemporaryDirectory(prefix="marsad-export-") as tmp:
            path = Path(tmp) / f"export.{fmt}"
            n = write_export(data, fmt, path)
            with path.open("rb") as f:
                shutil.copyfileobj(f, sys.stdout.buffer)
            sys.stdout.flush()
        typer.echo(f"wrote {n} {fmt} record(s) to standard output", err=True)
        return
    n = write_export(data, fmt, out)
    typer.echo(f"wrote {n} {fmt} record(s) to {out}")


@app.command()
def serve(
    db: str = typer.Option(..., "--db", help="SQLAlchemy URL of the store (sqlite:///out/marsad.db, postgresql://...)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    token: str | None = typer.Option(None, "--token", help="Bearer token for writes (or MARSAD_TOKEN)."),
) -> None:
    """Serve the web interface (/) and the JSON API (/api, docs at /api/docs) over a store."""
    import uvicorn
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from marsad.serve.app import create_app

    fail(cli_checks.check_store(db, must_exist=True))
    try:
        application = create_app(db, token=token)
    except (ArgumentError, SQLAlchemyError, OSError) as e:
        typer.echo(f"cannot open the store {db!r}: {type(e).__name__}: {str(e).splitlines()[0]}", err=True)
        raise typer.Exit(2) from None
    uvicorn.run(application, host=host, port=port, log_level="info")


if __name__ == "__main__":
    app()
