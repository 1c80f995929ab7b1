"""The command line: a thin layer that parses arguments and calls the library.

Exit codes (DESIGN.md): 0 all input was read; 1 some input was skipped (each skip reported on
stderr) or the database could not be used; 2 bad usage, or a command that is not built yet.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any, NoReturn

import click

from factions import __version__
from factions.errors import FactionsError, NotBuiltError
from factions.ingest import DEFAULT_MAX_BYTES, ReadOptions, Report
from factions.ontology import PLOVER_TYPES
from factions.pipeline import Pipeline
from factions.records import Problem
from factions.store import DEFAULT_DB, EventFilter, Store


class _Date(click.ParamType[date]):
    """A YYYY-MM-DD date; anything else is a usage error (exit 2)."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)


DATE = _Date()


def _stderr(message: str) -> None:
    click.echo(message, err=True)


def _problem_printer(problem: Problem) -> None:
    _stderr(f"factions: {problem}")


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_DB,
        show_default=True,
        envvar="FACTIONS_DB",
        help="The DuckDB database file.",
    )(f)


def wait_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--wait",
        type=click.FloatRange(min=0),
        default=30.0,
        show_default=True,
        help="Seconds to wait for a database another process is writing.",
    )(f)


def actors_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--actors",
        "actors_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Extra actor dictionary (YAML, schema of data/actors/README.md) on top of ours;"
        " FACTIONS_ACTORS may name more (':'-separated).",
    )(f)


def output_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of stdout.",
    )(f)


def _pipeline(actors_file: Path | None) -> Pipeline:
    """The pipeline with our knowledge base plus the user's actor files."""
    from factions.actors import load_actors

    return Pipeline(kb=load_actors([actors_file] if actors_file else []))


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            yield fh


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="factions")
def cli() -> None:
    """factions: news text to political event data and a map of who is allied with whom.

    \b
    Example:
      factions ingest examples/ --db news.duckdb
      factions events --db news.duckdb --type ASSAULT
    """


# -- ingest ------------------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", type=DATE, help="Publication date for documents that carry none.")
@click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes."
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=32,
    show_default=True,
    help="Documents committed per transaction.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Skip files (and records) with more text than this.",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="ROLE=NAME",
    help="Record field to use for a role (text, title, published, url, outlet, id, html).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr (default: only when stderr is a terminal).",
)
@actors_option
@wait_option
def ingest(
    paths: tuple[str, ...],
    db: Path,
    published: date | None,
    workers: int,
    batch_size: int,
    max_bytes: int,
    fields: tuple[str, ...],
    progress: bool | None,
    actors_file: Path | None,
    wait: float,
) -> None:
    """Read articles, code their events and store everything in the database.

    PATHS are files or directories (read recursively): plain text, HTML, JSONL/JSON, CSV/TSV,
    RSS/Atom feeds, any of them gzipped, or - for stdin. The publication date comes from the
    record (a field, feed date, HTML metadata or a YYYY-MM-DD in the file name), else from
    --published, else it stays empty. Ingesting the same article twice adds nothing.

    \b
    Example:
      factions ingest examples/ --db news.duckdb
      factions ingest export.jsonl.gz --field text=body --published 2015-10-05
    """
    from factions.runner import run_ingest

    if workers > 1:
        raise NotBuiltError("--workers > 1 (Dask) is not built yet (issue 11); use --workers 1")
    options = ReadOptions(max_bytes=max_bytes, published=published).with_fields(
        _parse_fields(fields)
    )
    report = Report(_problem_printer)
    store = Store(db, wait=wait)
    show = sys.stderr.isatty() if progress is None else progress
    with _progress_bar(show) as on_batch:
        result = run_ingest(
            list(paths),
            store,
            options=options,
            pipeline=_pipeline(actors_file),
            report=report,
            batch_size=batch_size,
            command="ingest " + " ".join(paths),
            on_batch=on_batch,
        )
    for line in report.summary_lines():
        _stderr(f"factions: {line}")
    _print_summary(store, result.read, result.added, result.already_stored, result.skipped)
    if result.skipped:
        sys.exit(1)


def _parse_fields(fields: tuple[str, ...]) -> dict[str, str]:
    roles = {"text", "title", "published", "url", "outlet", "id", "html"}
    parsed: dict[str, str] = {}
    for item in fields:
        role, sep, name = item.partition("=")
        if not sep or role not in roles or not name:
            raise click.BadParameter(
                f"{item!r}: expected ROLE=NAME with ROLE one of {', '.join(sorted(roles))}",
                param_hint="--field",
            )
        parsed[role] = name
    return parsed


@contextmanager
def _progress_bar(show: bool) -> Iterator[Callable[[int], None] | None]:
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=None)
        yield lambda done: bar.update(task, completed=done)


def _print_summary(store: Store, read: int, added: int, already: int, skipped: int) -> None:
    s = store.summary()
    click.echo(f"read {read} documents: {added} added, {already} already stored, {skipped} skipped")
    click.echo(f"database {store.path.resolve()}")
    click.echo(
        f"  documents {s.documents} ({s.undated_documents} without a publication date)"
        f", sentences {s.sentences}"
    )
    click.echo(f"  actors    {s.actors} (from {s.mentions} mentions)")
    click.echo(f"  events    {s.events}")
    for plover, n in s.events_by_type.items():
        click.echo(f"    {plover:<10} {n}")


# -- extract -----------------------------------------------------------------------------------


@cli.command()
@click.argument("file")
@click.option("--published", type=DATE, help="Publication date, if the file carries none.")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@actors_option
@output_option
def extract(
    file: str, published: date | None, fmt: str, actors_file: Path | None, output: Path | None
) -> None:
    """Code the events of one file (any readable format) and print them; no database.

    \b
    Example:
      factions extract article.txt --published 2015-10-05
    """
    from factions.ingest import read_documents

    report = Report(_problem_printer)
    documents = read_documents([file], ReadOptions(published=published), report)
    with _output(output) as out:
        for processed in _pipeline(actors_file).process(documents):
            ref = processed.document.ref
            for event in processed.events:
                record = event.to_json()
                record["doc_ref"] = record["doc_ref"] or ref
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if report.skipped:
        sys.exit(1)


# -- reading the store -------------------------------------------------------------------------


@cli.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "cameo-tsv", "plover-json"]),
    default="jsonl",
    show_default=True,
)
@click.option("--actor", help="Only events with this actor (id or name) on either side.")
@click.option("--type", "plover", type=click.Choice(PLOVER_TYPES, case_sensitive=False))
@click.option("--since", type=DATE, help="Only events on or after this date.")
@click.option("--until", type=DATE, help="Only events on or before this date.")
@output_option
@wait_option
def events(
    db: Path,
    fmt: str,
    actor: str | None,
    plover: str | None,
    since: date | None,
    until: date | None,
    output: Path | None,
    wait: float,
) -> None:
    """Print stored events (one JSON object per line in the DESIGN.md record).

    \b
    Example:
      factions events --db news.duckdb --actor Russia --type ASSAULT --since 2015-09-01
    """
    if fmt != "jsonl":
        raise NotBuiltError(f"--format {fmt} is not built yet (issue 9); use --format jsonl")
    where = EventFilter(
        actor=actor, plover=plover.upper() if plover else None, since=since, until=until
    )
    with _output(output) as out:
        for event in Store(db, wait=wait).events(where):
            out.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")


@cli.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.option(
    "--unknown", is_flag=True, help="Only actors the knowledge base does not know, for review."
)
@output_option
@wait_option
def actors(db: Path, fmt: str, unknown: bool, output: Path | None, wait: float) -> None:
    """List the actors mentioned in the database, most mentioned first.

    Unknown actors (names the knowledge base does not know) have ids starting with "unk:";
    --unknown lists only them, to review and add to your own actor file (--actors).

    \b
    Example:
      factions actors --db news.duckdb --format jsonl
      factions actors --db news.duckdb --unknown
    """
    rows = Store(db, wait=wait).actors()
    if unknown:
        rows = [(actor, count) for actor, count in rows if not actor.known]
    with _output(output) as out:
        if fmt == "jsonl":
            for actor, count in rows:
                record = {
                    "id": actor.actor_id,
                    "name": actor.name,
                    "kind": actor.kind,
                    "code": actor.code,
                    "country": actor.country,
                    "parents": list(actor.parents),
                    "known": actor.known,
                    "mentions": count,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        out.write(f"{'mentions':>8}  {'id':<32} {'kind':<16} name\n")
        for actor, count in rows:
            out.write(f"{count:>8}  {actor.actor_id:<32} {actor.kind:<16} {actor.name}\n")


# -- commands whose capability lands with a later issue ----------------------------------------


def _not_built(what: str, issue: int) -> NoReturn:
    raise NotBuiltError(f"{what} is not built yet (issue {issue})")


@cli.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "graphml", "gexf", "png", "svg"]),
    default="json",
    show_default=True,
)
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@output_option
def graph(db: Path, fmt: str, since: date | None, until: date | None, output: Path | None) -> None:
    """The signed actor network (allies +, enemies -).

    \b
    Example:
      factions graph --db news.duckdb --format gexf -o network.gexf
    """
    _not_built("factions graph", 8)


@cli.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def coalitions(db: Path, fmt: str) -> None:
    """Blocs of actors: positive ties inside, negative ties between.

    \b
    Example:
      factions coalitions --db news.duckdb --format json
    """
    _not_built("factions coalitions", 8)


@cli.command()
@click.argument("name")
@db_option
def allies(name: str, db: Path) -> None:
    """Who supports NAME, with the sentences behind each tie.

    \b
    Example:
      factions allies Iran --db news.duckdb
    """
    _not_built("factions allies", 8)


@cli.command()
@click.argument("name")
@db_option
def enemies(name: str, db: Path) -> None:
    """Who fights NAME, with the sentences behind each tie.

    \b
    Example:
      factions enemies Russia --db news.duckdb
    """
    _not_built("factions enemies", 8)


@cli.command()
@click.argument("name")
@db_option
def timeline(name: str, db: Path) -> None:
    """Events of NAME per month and type.

    \b
    Example:
      factions timeline "Saudi Arabia" --db news.duckdb
    """
    _not_built("factions timeline", 8)


@cli.command()
@click.option("--all", "all_formats", is_flag=True, required=True, help="Write every format.")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@db_option
def export(all_formats: bool, directory: Path, db: Path) -> None:
    """Every export format at once into DIRECTORY, with a README.txt.

    \b
    Example:
      factions export --all out/ --db news.duckdb
    """
    _not_built("factions export", 9)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
def serve(db: Path, host: str, port: int) -> None:
    """The local web app over a database.

    \b
    Example:
      factions serve --db news.duckdb --port 8000
    """
    _not_built("factions serve", 10)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--explain",
    is_flag=True,
    help="List each missed gold event and each false positive, with its sentence.",
)
@actors_option
@output_option
def evaluate(
    paths: tuple[Path, ...], fmt: str, explain: bool, actors_file: Path | None, output: Path | None
) -> None:
    """Score extraction against gold annotations (gold files or directories of them).

    Per file and micro-averaged: event precision, recall of required events, F1, negation
    errors, duplicates, actor recall, date and place accuracy, and a PLOVER confusion table.
    The gold format is in DESIGN.md; each gold file's text lies beside it.

    \b
    Example:
      factions evaluate tests/gold --format json
      factions evaluate ../shared/gold --explain
    """
    from factions.evaluation import evaluate_paths
    from factions.evaluation._render import render_explain, render_table

    evaluation = evaluate_paths(list(paths), _pipeline(actors_file))
    with _output(output) as out:
        if fmt == "json":
            out.write(json.dumps(evaluation.to_json(), indent=2) + "\n")
        else:
            out.write(render_table(evaluation))
        if explain:
            out.write(render_explain(evaluation))


def main(argv: list[str] | None = None) -> None:
    """Entry point: typed errors become one line on stderr, never a traceback."""
    try:
        cli.main(args=argv, prog_name="factions", standalone_mode=False)
    except click.exceptions.Abort:
        _stderr("factions: aborted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except NotBuiltError as exc:
        _stderr(f"factions: {exc}")
        sys.exit(2)
    except FactionsError as exc:
        _stderr(f"factions: error: {exc}")
        sys.exit(1)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    sys.exit(0)
