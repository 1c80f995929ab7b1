"""The command line: a thin layer that parses arguments and calls the library.

Exit codes (DESIGN.md): 0 all input was read; 1 some input was skipped (each skip reported on
stderr) or the database could not be used; 2 bad usage (an unknown actor, a malformed date).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

import click

from factions import __version__
from factions.errors import FactionsError
from factions.ingest import DEFAULT_MAX_BYTES, ReadOptions, Report
from factions.ontology import PLOVER_TYPES
from factions.pipeline import Pipeline
from factions.records import Problem
from factions.store import DEFAULT_DB, EventFilter, Store, Summary


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
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Parse on a local Dask cluster of this many worker processes.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Parse on the existing Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).",
)
@click.option(
    "--parquet",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Write Parquet parts (DIR/documents, DIR/events, ...) instead of the database.",
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
    scheduler: str | None,
    parquet: Path | None,
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

    --workers N parses on N local processes, --scheduler on an existing Dask cluster; the
    events are the same as a serial run's. --parquet DIR writes Parquet parts instead of the
    database (re-running adds only documents DIR does not hold).

    \b
    Example:
      factions ingest examples/ --db news.duckdb
      factions ingest export.jsonl.gz --field text=body --published 2015-10-05
      factions ingest corpus/ --workers 4 --parquet corpus-parquet/
    """
    from factions.runner import run_ingest

    if scheduler is not None and workers > 1:
        raise click.UsageError("--workers starts a local cluster; leave it out with --scheduler")
    options = ReadOptions(max_bytes=max_bytes, published=published).with_fields(
        _parse_fields(fields)
    )
    report = Report(_problem_printer)
    store = Store(db, wait=wait)
    show = sys.stderr.isatty() if progress is None else progress
    command = "ingest " + " ".join(paths)
    with _progress_bar(show) as on_batch:
        if workers > 1 or scheduler is not None or parquet is not None:
            from factions.actors import load_actors
            from factions.scale import ParquetSink, PipelineSpec, open_client
            from factions.scale import run_ingest as run_scaled

            actor_files = [actors_file] if actors_file else []
            load_actors(actor_files)  # a bad actor file fails here once, not on every worker
            with open_client(workers if workers > 1 else None, scheduler) as client:
                result = run_scaled(
                    list(paths),
                    ParquetSink(parquet) if parquet is not None else store,
                    client=client,
                    spec=PipelineSpec.for_actor_files(actor_files),
                    options=options,
                    report=report,
                    batch_size=batch_size,
                    command=command,
                    on_batch=on_batch,
                )
        else:
            result = run_ingest(
                list(paths),
                store,
                options=options,
                pipeline=_pipeline(actors_file),
                report=report,
                batch_size=batch_size,
                command=command,
                on_batch=on_batch,
            )
    for line in report.summary_lines():
        _stderr(f"factions: {line}")
    if parquet is not None:
        from factions.scale import ParquetSink

        summary, where = ParquetSink(parquet).summary(), f"parquet {parquet.resolve()}"
    else:
        summary, where = store.summary(), f"database {store.path.resolve()}"
    _print_summary(where, summary, result.read, result.added, result.already_stored, result.skipped)
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


def _print_summary(
    where: str, s: Summary, read: int, added: int, already: int, skipped: int
) -> None:
    click.echo(f"read {read} documents: {added} added, {already} already stored, {skipped} skipped")
    click.echo(where)
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
@click.option(
    "--header", is_flag=True, help="cameo-tsv only: a first line naming the GDELT columns."
)
@output_option
@wait_option
def events(
    db: Path,
    fmt: str,
    actor: str | None,
    plover: str | None,
    since: date | None,
    until: date | None,
    header: bool,
    output: Path | None,
    wait: float,
) -> None:
    """Print stored events: the DESIGN.md event record, or a format other tools read.

    jsonl: one event record per line. csv, parquet: the record flattened into columns, with
    the document's own id, URL and date (parquet keeps DATE, INTEGER, DOUBLE, BOOLEAN types).
    cameo-tsv: the GDELT 2.0 event table (61 tab-separated columns, no header unless
    --header). plover-json: PLOVER records, one per line. Mappings: docs/exports.md.

    \b
    Example:
      factions events --db news.duckdb --actor Russia --type ASSAULT --since 2015-09-01
      factions events --db news.duckdb --format parquet -o events.parquet
      factions events --db news.duckdb --format cameo-tsv --header -o events.tsv
    """
    from factions.export import output_sink, write_events

    if header and fmt != "cameo-tsv":
        raise click.UsageError("--header goes with --format cameo-tsv (csv always has one)")
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise click.UsageError("parquet is binary: name a file with -o FILE")
    where = EventFilter(
        actor=actor, plover=plover.upper() if plover else None, since=since, until=until
    )
    with output_sink(output) as sink:
        write_events(Store(db, wait=wait), fmt, sink, where, header=header)


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


# -- the alliance network ---------------------------------------------------------------------


def graph_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--since, --until, --half-life, --rollup, --min-events: what goes into the network."""
    options: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        click.option("--since", type=DATE, help="Only events on or after this date."),
        click.option("--until", type=DATE, help="Only events on or before this date."),
        click.option(
            "--half-life",
            type=click.FloatRange(min=0, min_open=True),
            metavar="DAYS",
            help="Time decay: an event this many days older than the latest counts half.",
        ),
        click.option(
            "--rollup",
            is_flag=True,
            help="Count members as their parent (the Iranian military as Iran).",
        ),
        click.option(
            "--min-events",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            help="Leave out ties resting on fewer events.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def resolution_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--resolution",
        type=click.FloatRange(min=0),
        default=0.5,
        show_default=True,
        help="Bloc size: 0 gives the fewest, largest blocs; 1 signed modularity; more, smaller.",
    )(f)


def _graph_options(
    since: date | None, until: date | None, half_life: float | None, rollup: bool, min_events: int
) -> Any:
    from factions.graph import GraphOptions

    return GraphOptions(
        since=since, until=until, half_life_days=half_life, rollup=rollup, min_events=min_events
    )


def _picture_out(output: Path | None, fmt: str) -> Path | IO[bytes]:
    """Where a picture goes: the -o file, else stdout unless it is a terminal."""
    if output is not None:
        return output
    if fmt == "png" and sys.stdout.isatty():
        raise click.UsageError("PNG is binary: write it to a file with -o FILE")
    sys.stdout.flush()
    return sys.stdout.buffer


@contextmanager
def _known_actor() -> Iterator[None]:
    """An unknown actor name is a usage error (exit 2), naming the closest names."""
    from factions.graph import UnknownActorError

    try:
        yield
    except UnknownActorError as exc:
        raise click.BadParameter(str(exc), param_hint="NAME") from exc


@cli.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "graphml", "gexf", "png", "svg"]),
    default="json",
    show_default=True,
)
@graph_options
@resolution_option
@output_option
@wait_option
def graph(
    db: Path,
    fmt: str,
    since: date | None,
    until: date | None,
    half_life: float | None,
    rollup: bool,
    min_events: int,
    resolution: float,
    output: Path | None,
    wait: float,
) -> None:
    """The signed actor network (allies +, enemies -), as data or as a picture.

    Cooperative events (support, aid, agreements…) warm a tie and hostile ones (attacks,
    threats, sanctions…) cool it, by their Goldstein score and confidence; negated events add
    nothing and hedged or claimed ones less (docs/graph.md). Nodes carry their bloc.

    \b
    Example:
      factions graph --db news.duckdb --format gexf -o network.gexf
      factions graph --db news.duckdb --format png --rollup --since 2015-01-01 -o network.png
    """
    from factions.graph import build_graph, find_coalitions, write_graph

    options = _graph_options(since, until, half_life, rollup, min_events)
    network = build_graph(Store(db, wait=wait), options)
    if not len(network):
        _stderr("factions: the network is empty (no events with a source and a target)")
    blocs = find_coalitions(network, resolution)
    write_graph(network, fmt, _picture_out(output, fmt), blocs)


@cli.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@graph_options
@resolution_option
@output_option
@wait_option
def coalitions(
    db: Path,
    fmt: str,
    since: date | None,
    until: date | None,
    half_life: float | None,
    rollup: bool,
    min_events: int,
    resolution: float,
    output: Path | None,
    wait: float,
) -> None:
    """Blocs of actors: positive ties inside, negative ties between.

    Each bloc has a cohesion score (the share of its ties' weight that agrees with it); the
    table adds how balanced the network is and the ties that frustrate balance most.

    \b
    Example:
      factions coalitions --db news.duckdb --format json
      factions coalitions --db news.duckdb --rollup --since 2015-01-01
    """
    from factions.graph import balance, build_graph, coalitions_json, find_coalitions
    from factions.graph._render import render_coalitions

    options = _graph_options(since, until, half_life, rollup, min_events)
    network = build_graph(Store(db, wait=wait), options)
    blocs = find_coalitions(network, resolution)
    with _output(output) as out:
        if fmt == "json":
            out.write(coalitions_json(blocs))
        else:
            out.write(render_coalitions(network, blocs, balance(network)))


def _ties_command(side: str) -> Callable[..., None]:
    def run(
        name: str,
        db: Path,
        fmt: str,
        limit: int,
        evidence: int,
        since: date | None,
        until: date | None,
        half_life: float | None,
        rollup: bool,
        min_events: int,
        output: Path | None,
        wait: float,
    ) -> None:
        from factions.graph import allies as find_allies
        from factions.graph import enemies as find_enemies
        from factions.graph import resolve_actor
        from factions.graph._render import render_ties, ties_json

        store = Store(db, wait=wait)
        options = _graph_options(since, until, half_life, rollup, min_events)
        query = find_allies if side == "allies" else find_enemies
        with _known_actor():
            actor = resolve_actor(store, name, rollup)
            ties = query(store, actor.id, options, limit=limit, evidence=evidence)
        if not ties:
            _stderr(f"factions: no {side} of {actor.name} ({actor.id}) in {db}")
        with _output(output) as out:
            if fmt == "json":
                out.write(json.dumps(ties_json(ties), ensure_ascii=False, indent=1) + "\n")
            else:
                out.write(render_ties(actor, ties, side))

    return run


def ties_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """NAME and the options `allies` and `enemies` share."""
    options: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        click.argument("name"),
        db_option,
        click.option(
            "--format",
            "fmt",
            type=click.Choice(["table", "json"]),
            default="table",
            show_default=True,
        ),
        click.option(
            "--limit",
            type=click.IntRange(min=1),
            default=20,
            show_default=True,
            help="At most this many actors.",
        ),
        click.option(
            "--evidence",
            type=click.IntRange(min=0),
            default=3,
            show_default=True,
            help="Sentences shown per tie.",
        ),
        graph_options,
        output_option,
        wait_option,
    ]
    for option in reversed(options):
        f = option(f)
    return f


@cli.command()
@ties_options
def allies(**kwargs: Any) -> None:
    """Who sides with NAME (an id, a name or a mention, any case), with the sentences behind it.

    Lists the actors whose net tie to NAME is positive, strongest first, with the net weight,
    the counts of cooperative and hostile events, and the heaviest events' sentences.

    \b
    Example:
      factions allies Iran --db news.duckdb
      factions allies Tehran --db news.duckdb --rollup --format json
    """
    _ties_command("allies")(**kwargs)


@cli.command()
@ties_options
def enemies(**kwargs: Any) -> None:
    """Who is hostile to NAME (an id, a name or a mention), with the sentences behind it.

    \b
    Example:
      factions enemies Russia --db news.duckdb
      factions enemies "Islamic State" --db news.duckdb --since 2015-01-01 --evidence 1
    """
    _ties_command("enemies")(**kwargs)


@cli.command()
@click.argument("name")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "png", "svg"]),
    default="table",
    show_default=True,
)
@click.option("--since", type=DATE, help="Only events on or after this date.")
@click.option("--until", type=DATE, help="Only events on or before this date.")
@click.option("--rollup", is_flag=True, help="Count the events of NAME's members as its own.")
@output_option
@wait_option
def timeline(
    name: str,
    db: Path,
    fmt: str,
    since: date | None,
    until: date | None,
    rollup: bool,
    output: Path | None,
    wait: float,
) -> None:
    """Events of NAME per month and type, as a table, JSON or a chart.

    The chart stacks cooperative types upwards and hostile ones downwards.

    \b
    Example:
      factions timeline "Saudi Arabia" --db news.duckdb
      factions timeline Iran --db news.duckdb --rollup --format png -o iran.png
    """
    from factions.graph import GraphOptions
    from factions.graph import timeline as find_timeline
    from factions.graph._render import render_timeline, timeline_json

    store = Store(db, wait=wait)
    with _known_actor():
        found = find_timeline(store, name, GraphOptions(since=since, until=until, rollup=rollup))
    if fmt in ("png", "svg"):
        from factions.graph._draw import draw_timeline

        target = _picture_out(output, fmt)
        if isinstance(target, Path):
            with target.open("wb") as fh:
                draw_timeline(found, fh, fmt)
        else:
            draw_timeline(found, target, fmt)
        return
    with _output(output) as out:
        if fmt == "json":
            out.write(json.dumps(timeline_json(found), indent=1) + "\n")
        else:
            out.write(render_timeline(found))


@cli.command()
@click.option("--all", "all_formats", is_flag=True, required=True, help="Write every format.")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@db_option
@click.option("--since", type=DATE, help="Only events on or after this date.")
@click.option("--until", type=DATE, help="Only events on or before this date.")
@wait_option
def export(
    all_formats: bool,
    directory: Path,
    db: Path,
    since: date | None,
    until: date | None,
    wait: float,
) -> None:
    """Every export format at once into DIRECTORY, with a README.txt.

    The events as jsonl, csv, parquet, cameo-tsv (GDELT 2.0) and plover-json (the formats of
    `factions events`), and the actor network as `factions graph` writes it. README.txt says
    what each file is. --since/--until select the events.

    \b
    Example:
      factions export --all out/ --db news.duckdb
      factions export --all out/2015/ --db news.duckdb --since 2015-01-01 --until 2015-12-31
    """
    from factions.export import export_all

    where = EventFilter(since=since, until=until)
    for name, what in export_all(Store(db, wait=wait), directory, where):
        click.echo(f"{directory / name}: {what}")
    click.echo(f"{directory / 'README.txt'}: what each file is")


@cli.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on; only this machine can connect unless you change it.",
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=5.0,
    show_default=True,
    help="Seconds a request waits for an ingest's batch to commit before the page says so.",
)
@actors_option
def serve(db: Path, host: str, port: int, wait: float, actors_file: Path | None) -> None:
    """The local web app over a database: network, actors, events, documents, a paste box.

    Open the address it prints in a browser. The page works while an ingest writes to the
    same database (it shows what is committed, and says so when a batch takes long); the
    paste box codes an article without storing it unless asked. The JSON API is described
    at /api/openapi.json.

    \b
    Example:
      factions serve --db news.duckdb --port 8000
    """
    from factions.web import serve as run_server

    run_server(
        db,
        host=host,
        port=port,
        wait=wait,
        pipeline=lambda: _pipeline(actors_file),
        announce=lambda url: _stderr(f"factions: serving {db} at {url} (Ctrl-C stops)"),
    )


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
@click.option(
    "--organs",
    is_flag=True,
    help="Also let a state's government, military or police stand for a gold actor of kind "
    "'state' with its country when none of its names matches (DESIGN.md matches names only).",
)
@actors_option
@output_option
def evaluate(
    paths: tuple[Path, ...],
    fmt: str,
    explain: bool,
    organs: bool,
    actors_file: Path | None,
    output: Path | None,
) -> None:
    """Score extraction against gold annotations (gold files or directories of them).

    Per file and micro-averaged: event precision, recall of required events, F1, negation
    errors, duplicates, actor recall, date and place accuracy, and a PLOVER confusion table.
    The gold format is in DESIGN.md; each gold file's text lies beside it.

    \b
    Example:
      factions evaluate tests/gold --format json
      factions evaluate ../shared/gold --explain
      factions evaluate tests/gold --organs
    """
    from factions.evaluation import evaluate_paths
    from factions.evaluation._render import render_explain, render_table

    evaluation = evaluate_paths(list(paths), _pipeline(actors_file), organs=organs)
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
    except FactionsError as exc:
        _stderr(f"factions: error: {exc}")
        sys.exit(1)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    sys.exit(0)
