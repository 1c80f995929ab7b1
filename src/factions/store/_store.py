"""The DuckDB store: idempotent, transactional writes of processed documents, and reads."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from factions.records import Actor, Document, Event, Mention, ProcessedDocument, Sentence
from factions.store._connect import DEFAULT_WAIT, connect
from factions.store._rows import (
    EVENT_COLUMNS,
    actor_rows,
    document_rows,
    event_from_row,
    event_rows,
    mention_rows,
    sentence_rows,
)

DEFAULT_DB = "factions.duckdb"


@dataclass(frozen=True, slots=True)
class Summary:
    """What a database holds, in the figures the ingest summary prints."""

    documents: int
    undated_documents: int
    sentences: int
    mentions: int
    actors: int
    events: int
    events_by_type: dict[str, int]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters shared by every command that reads events."""

    actor: str | None = None
    plover: str | None = None
    since: date | None = None
    until: date | None = None


class Store:
    """A factions database in one DuckDB file.

    Every write is one transaction holding whole documents: a document is in the store with all
    its sentences, mentions and events, or not at all, whatever happens to the process. A
    document whose id is already stored is left alone, so ingesting twice adds nothing and a
    re-run after a crash completes the work.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, wait: float = DEFAULT_WAIT) -> None:
        self.path = Path(path)
        self.wait = wait

    def _writer(self) -> Any:
        return connect(self.path, read_only=False, wait=self.wait)

    def _reader(self) -> Any:
        return connect(self.path, read_only=True, wait=self.wait)

    # -- writing ------------------------------------------------------------------------------

    def initialise(self) -> None:
        """Create the file and schema (or migrate an older one)."""
        with self._writer():
            pass

    def start_run(self, command: str, version: str) -> int:
        with self._writer() as con:
            row = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
            run_id = int(row[0])
            con.execute(
                "INSERT INTO runs (run_id, started_at, status, command, factions_version)"
                " VALUES (?, now(), 'running', ?, ?)",
                [run_id, command, version],
            )
        return run_id

    def finish_run(self, run_id: int, status: str, read: int, added: int, skipped: int) -> None:
        with self._writer() as con:
            con.execute(
                "UPDATE runs SET finished_at = now(), status = ?, documents_read = ?,"
                " documents_added = ?, skipped = ? WHERE run_id = ?",
                [status, read, added, skipped, run_id],
            )

    def known_ids(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of ``doc_ids`` are stored already (so they need no parsing)."""
        if not doc_ids or not self.path.exists():
            return set()
        with self._writer() as con:
            return _existing(con, doc_ids)

    def write(self, batch: Sequence[ProcessedDocument], run_id: int = 0) -> int:
        """Store the new documents of ``batch`` atomically; returns how many were new."""
        if not batch:
            return 0
        with self._writer() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                stored = _existing(con, [p.document.doc_id for p in batch])
                fresh: dict[str, ProcessedDocument] = {}
                for processed in batch:
                    doc_id = processed.document.doc_id
                    if doc_id not in stored and doc_id not in fresh:
                        fresh[doc_id] = processed
                new = list(fresh.values())
                if new:
                    _insert(con, "documents", document_rows(new, run_id))
                    _insert(con, "sentences", sentence_rows(new))
                    _insert(con, "mentions", mention_rows(new))
                    _insert(con, "events", event_rows(new))
                    actors = {a.actor_id: a for p in new for a in p.actors}
                    _insert(con, "actors", actor_rows(list(actors.values())), ignore=True)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return len(new)

    # -- reading ------------------------------------------------------------------------------

    def summary(self) -> Summary:
        with self._reader() as con:
            return summarise(con)

    def document_ids(self) -> list[str]:
        with self._reader() as con:
            return [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall()]

    def events(self, where: EventFilter | None = None, batch: int = 2048) -> Iterator[Event]:
        """Stored events in document order, streamed."""
        clauses, params = _event_filter_sql(where or EventFilter())
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        sql = (
            f"SELECT {cols}, s.text AS sentence_text, coalesce(d.ext_id, d.url) AS doc_ref"
            " FROM events e JOIN documents d USING (doc_id)"
            " LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx"
            f" {clauses} ORDER BY d.published NULLS LAST, e.doc_id, e.span_start, e.event_id"
        )
        with self._reader() as con:
            cursor = con.execute(sql, params)
            names = [d[0] for d in cursor.description]
            while rows := cursor.fetchmany(batch):
                for values in rows:
                    row = dict(zip(names, values, strict=True))
                    yield event_from_row(row, row["sentence_text"] or "", row["doc_ref"])

    def actors(self) -> list[tuple[Actor, int]]:
        """Actors that were mentioned, with their mention counts, most mentioned first."""
        with self._reader() as con:
            rows = con.execute(
                "SELECT a.actor_id, a.name, a.kind, a.code, a.country, a.parents, a.known,"
                " count(m.actor_id) AS n FROM actors a JOIN mentions m USING (actor_id)"
                " GROUP BY ALL ORDER BY n DESC, a.name"
            ).fetchall()
        return [
            (Actor(r[0], r[1], r[2], r[3], r[4], tuple(r[5] or ()), bool(r[6])), int(r[7]))
            for r in rows
        ]

    def event_batches(
        self, where: EventFilter | None = None, rows: int = 50_000, chunk_events: int = 100_000
    ) -> Iterator[Any]:
        """Events joined with their sentence, document and actors, as Arrow record batches.

        For exports of any size: documents are taken in order a few at a time (about
        ``chunk_events`` events), and DuckDB joins and sorts only theirs, with one thread and
        a fixed memory budget, so a million events cost no more memory than a thousand. Same
        filters and order as ``events``. Besides the events columns (the sentence text is
        ``sentence``) each row carries ``doc_ref``, ``doc_ext_id``, ``doc_url``,
        ``doc_published``, ``doc_title``, ``doc_outlet``, ``doc_ingested_at``, the home
        ``source_country``/``target_country`` of each side, and ``lead``: whether the event
        comes from its document's lead, the first paragraph that yields an event outside
        captions.
        """
        import shutil
        import tempfile

        clauses, params = _event_filter_sql(where or EventFilter())
        order = " ORDER BY d.published NULLS LAST, e.doc_id"
        doc_sql = (
            "SELECT e.doc_id, count(*) FROM events e JOIN documents d USING (doc_id)"
            f" {clauses} GROUP BY e.doc_id, d.published{order}"
        )
        chunk = "doc_id IN (SELECT unnest($chunk::VARCHAR[]))"
        text = "NOT coalesce(e.caption, false)"
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        sql = (
            f"WITH d AS (SELECT * FROM documents WHERE {chunk}),"
            f" s AS (SELECT * FROM sentences WHERE {chunk}),"
            " leads AS (SELECT e.doc_id, min(s.paragraph) AS paragraph FROM events e"
            f" JOIN s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx WHERE e.{chunk} AND {text}"
            " GROUP BY e.doc_id)"
            f" SELECT {cols}, s.text AS sentence, coalesce(d.ext_id, d.url) AS doc_ref,"
            " d.ext_id AS doc_ext_id, d.url AS doc_url, d.published AS doc_published,"
            " d.title AS doc_title, d.outlet AS doc_outlet, d.ingested_at AS doc_ingested_at,"
            " sa.country AS source_country, ta.country AS target_country,"
            f" coalesce({text} AND s.paragraph = leads.paragraph, false) AS lead"
            " FROM events e JOIN d USING (doc_id)"
            " LEFT JOIN s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx"
            " LEFT JOIN actors sa ON sa.actor_id = e.source_id"
            " LEFT JOIN actors ta ON ta.actor_id = e.target_id"
            " LEFT JOIN leads ON leads.doc_id = e.doc_id"
            f" {clauses or 'WHERE true'} AND e.{chunk}{order}, e.span_start, e.event_id"
        )
        spill = tempfile.mkdtemp(prefix="factions-export-")
        try:
            with self._reader() as con:
                con.execute("SET threads = 1")
                con.execute("SET memory_limit = '256MB'")
                con.execute("SET temp_directory = ?", [spill])
                docs, ids, size = con.cursor(), list[str](), 0
                for batch in docs.sql(doc_sql, params=params).to_arrow_reader(rows):
                    for doc_id, n in zip(*batch.to_pydict().values(), strict=True):
                        if ids and size + n > chunk_events:
                            yield from con.sql(
                                sql, params={**params, "chunk": ids}
                            ).to_arrow_reader(rows)
                            ids, size = [], 0
                        ids.append(doc_id)
                        size += n
                if ids:
                    yield from con.sql(sql, params={**params, "chunk": ids}).to_arrow_reader(rows)
                docs.close()
        finally:
            shutil.rmtree(spill, ignore_errors=True)

    def stream_events(self, where: EventFilter | None = None) -> Iterator[Event]:
        """The events of ``events``, read through ``event_batches``: flat memory at any size."""
        for batch in self.event_batches(where, rows=4096):
            for row in batch.to_pylist():
                yield event_from_row(row, row["sentence"] or "", row["doc_ref"])

    # -- aggregates for the alliance network (factions.graph) ---------------------------------

    def actor_table(self, ids: Sequence[str] | None = None) -> dict[str, Actor]:
        """Rows of the actors table (all, or those of ``ids``), mentioned or not."""
        sql = f"SELECT {_ACTOR_COLUMNS} FROM actors a"
        params: list[Any] = []
        if ids is not None:
            sql += " WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))"
            params.append(list(ids))
        with self._reader() as con:
            return {r[0]: _actor(r) for r in con.execute(sql, params).fetchall()}

    def find_actors(self, name: str) -> list[Actor]:
        """Actors a user may mean by ``name``, best first (case does not matter).

        An id beats a canonical name, which beats an alias or a mention in the text; among
        mentions, the actor mentioned most often under that name comes first.
        """
        with self._reader() as con:
            return _find_actors(con, name)

    def edge_stats(
        self,
        how: TieWeighting,
        *,
        since: date | None = None,
        until: date | None = None,
    ) -> list[EdgeStat]:
        """Signed ties summed inside DuckDB: one row per unordered pair of (rolled-up) actors.

        A million events never leave the database, only one row per pair does.
        """
        with self._reader() as con:
            cte, params = _weighted_events(con, how, since, until, None)
            rows = con.execute(
                f"{cte} SELECT least(a, b), greatest(a, b), sum(w),"
                " count(*) FILTER (WHERE w > 0), count(*) FILTER (WHERE w < 0), count(*)"
                " FROM ev GROUP BY 1, 2 ORDER BY 1, 2",
                params,
            ).fetchall()
        return [EdgeStat(r[0], r[1], float(r[2]), int(r[3]), int(r[4]), int(r[5])) for r in rows]

    def ties(
        self,
        how: TieWeighting,
        name: str,
        *,
        sign: int,
        limit: int = 20,
        per_partner: int = 3,
        min_events: int = 1,
        since: date | None = None,
        until: date | None = None,
    ) -> tuple[Actor, list[ActorTie]] | None:
        """The actor ``name`` means (as find_actors, then its root under ``how.rollup``) and
        its ties of the given sign, strongest first, with their evidence; None: no such actor.

        Everything happens on one connection, and only the actor's own events are read (and
        its members', under rollup), so the answer stays fast on millions of events. Evidence
        is one event per sentence, the heaviest: a sentence is shown once even when it holds
        several events of the pair.
        """
        with self._reader() as con:
            found = _find_actors(con, name)
            if not found:
                return None
            focus = how.rollup.get(found[0].actor_id, found[0].actor_id)
            actor = found[0] if focus == found[0].actor_id else _actor_row(con, focus)
            cte, params = _weighted_events(con, how, since, until, focus)
            # each partner's heaviest events travel with its sums (a few more than needed, as
            # sentences holding two events count once), so the events are read only once
            params |= {
                "sign": sign,
                "limit": limit,
                "min_events": min_events,
                "candidates": max(1, 3 * per_partner),
            }
            rows = con.execute(
                f"{cte}, stats AS (SELECT CASE WHEN a = $focus THEN b ELSE a END AS partner,"
                " sum(w) AS weight, count(*) FILTER (WHERE w > 0) AS pos,"
                " count(*) FILTER (WHERE w < 0) AS neg, count(*) AS n,"
                f" max({_HEAVIEST}, $candidates) AS heaviest"
                " FROM ev GROUP BY 1)"
                f" SELECT {_ACTOR_COLUMNS.replace('a.actor_id', 's.partner')},"
                " s.weight, s.pos, s.neg, s.n, s.heaviest"
                " FROM stats s LEFT JOIN actors a ON a.actor_id = s.partner"
                " WHERE s.n >= $min_events AND s.weight * $sign > 0"
                " ORDER BY abs(s.weight) DESC, s.partner LIMIT $limit",
                params,
            ).fetchall()
            evidence = _evidence(con, rows, per_partner, sign)
        return actor, [
            ActorTie(
                partner=_actor(r) if r[1] is not None else Actor(r[0], r[0], "", None),
                stat=EdgeStat(
                    min(focus, r[0]),
                    max(focus, r[0]),
                    float(r[7]),
                    int(r[8]),
                    int(r[9]),
                    int(r[10]),
                ),
                evidence=tuple(evidence.get(r[0], ())),
            )
            for r in rows
        ]

    def timeline(
        self, actor_ids: Sequence[str], *, since: date | None = None, until: date | None = None
    ) -> list[TimelineCount]:
        """Events (not negated, with a PLOVER type) of these actors per month and type.

        The month of an event without a date is its document's; with neither it is None.
        """
        clauses, params = _period_sql(since, until)
        params["ids"] = list(actor_ids)
        with self._reader() as con:
            rows = con.execute(
                "SELECT date_trunc('month', coalesce(e.date, d.published))::DATE, e.plover,"
                " count(*) FROM events e JOIN documents d USING (doc_id)"
                " WHERE NOT coalesce(e.negated, false) AND e.plover IS NOT NULL"
                " AND (list_contains($ids, e.source_id) OR list_contains($ids, e.target_id))"
                f"{clauses} GROUP BY ALL ORDER BY 1 NULLS LAST, 2",
                params,
            ).fetchall()
        return [TimelineCount(r[0], r[1], int(r[2])) for r in rows]

    # -- reads for the web app (factions.web) -------------------------------------------------

    def event_page(
        self,
        where: EventFilter | None = None,
        *,
        text: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> EventPage:
        """One page of ``events`` (same filters, same order) with the total number of matches.

        ``text`` keeps events whose sentence, trigger or actor names contain it, in any case.
        The count, the page and the mentions of its sentences come from one connection, which
        no writer can enter while it is open: the page and its total agree, whatever an ingest
        is doing to the file.
        """
        clauses, params = _event_filter_sql(where or EventFilter())
        if text and text.strip():
            params["text"] = text.strip().lower()
            found = " OR ".join(
                f"contains(lower(coalesce({c}, '')), $text)"
                for c in ("s.text", "e.trigger", "e.source_name", "e.target_name")
            )
            clauses = f"{clauses} AND ({found})" if clauses else f"WHERE ({found})"
        joined = (
            " FROM events e JOIN documents d USING (doc_id)"
            f" LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx {clauses}"
        )
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        with self._reader() as con:
            row = con.execute(f"SELECT count(*){joined}", params).fetchone()
            cursor = con.execute(
                f"SELECT {cols}, s.text AS sentence_text, coalesce(d.ext_id, d.url) AS doc_ref,"
                f" d.title AS doc_title{joined}"
                " ORDER BY d.published NULLS LAST, e.doc_id, e.span_start, e.event_id"
                " LIMIT $limit OFFSET $offset",
                params | {"limit": max(0, limit), "offset": max(0, offset)},
            )
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
            docs = sorted({r["doc_id"] for r in rows})
            mentions = con.execute(
                f"SELECT {_MENTION_COLUMNS} FROM mentions"
                " WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, start_char",
                [docs],
            ).fetchall()
        wanted = {(r["doc_id"], r["sent_idx"]) for r in rows}
        return EventPage(
            total=int(row[0]) if row else 0,
            events=tuple(event_from_row(r, r["sentence_text"] or "", r["doc_ref"]) for r in rows),
            mentions=tuple(_mention(m) for m in mentions if (m[0], m[1]) in wanted),
            titles={r["doc_id"]: r["doc_title"] for r in rows if r["doc_title"]},
        )

    def document(self, doc_id: str) -> ProcessedDocument | None:
        """A stored document with its sentences, mentions, actors and events (None: unknown id).

        Read on one connection, so the parts belong together (they are written together too).
        """
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        with self._reader() as con:
            doc = con.execute(
                "SELECT doc_id, text, source, title, published, url, outlet, ext_id"
                " FROM documents WHERE doc_id = ?",
                [doc_id],
            ).fetchone()
            if doc is None:
                return None
            sentences = con.execute(
                "SELECT idx, start_char, end_char, text, coalesce(paragraph, 0) FROM sentences"
                " WHERE doc_id = ? ORDER BY idx",
                [doc_id],
            ).fetchall()
            mentions = con.execute(
                f"SELECT {_MENTION_COLUMNS} FROM mentions WHERE doc_id = ? ORDER BY start_char",
                [doc_id],
            ).fetchall()
            actors = con.execute(
                f"SELECT {_ACTOR_COLUMNS} FROM actors a WHERE a.actor_id IN"
                " (SELECT actor_id FROM mentions WHERE doc_id = ?) ORDER BY a.actor_id",
                [doc_id],
            ).fetchall()
            cursor = con.execute(
                f"SELECT {cols}, s.text AS sentence_text FROM events e"
                " LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx"
                " WHERE e.doc_id = ? ORDER BY e.span_start, e.trigger_start, e.event_id",
                [doc_id],
            )
            names = [d[0] for d in cursor.description]
            events = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
        document = Document(
            text=doc[1],
            source=doc[2] or "",
            title=doc[3],
            published=doc[4],
            url=doc[5],
            outlet=doc[6],
            ext_id=doc[7],
            doc_id=doc[0],
        )
        return ProcessedDocument(
            document=document,
            sentences=tuple(Sentence(doc_id, r[0], r[1], r[2], r[3], r[4]) for r in sentences),
            mentions=tuple(_mention(m) for m in mentions),
            actors=tuple(_actor(r) for r in actors),
            events=tuple(event_from_row(r, r["sentence_text"] or "", document.ref) for r in events),
        )


def summarise(con: Any) -> Summary:
    """The figures of a database, from a connection that sees its tables (a store file, or
    views over Parquet parts). Events of photo captions are left out of the counts."""

    def count(sql: str) -> int:
        row = con.execute(sql).fetchone()
        return int(row[0]) if row else 0

    by_type = dict(
        con.execute(
            "SELECT coalesce(plover, '(none)'), count(*) FROM events"
            " WHERE NOT negated AND NOT coalesce(caption, false)"
            " GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
    )
    return Summary(
        documents=count("SELECT count(*) FROM documents"),
        undated_documents=count("SELECT count(*) FROM documents WHERE published IS NULL"),
        sentences=count("SELECT count(*) FROM sentences"),
        mentions=count("SELECT count(*) FROM mentions"),
        actors=count("SELECT count(DISTINCT actor_id) FROM mentions"),
        events=count("SELECT count(*) FROM events WHERE NOT coalesce(caption, false)"),
        events_by_type=by_type,
    )


def _existing(con: Any, doc_ids: Sequence[str]) -> set[str]:
    rows = con.execute(
        "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
        [list(doc_ids)],
    ).fetchall()
    return {r[0] for r in rows}


def _insert(con: Any, table: str, columns: dict[str, list[Any]], *, ignore: bool = False) -> None:
    import pyarrow as pa

    first = next(iter(columns.values()))
    if not first:
        return
    arrow = pa.table(columns)
    con.register("_factions_batch", arrow)
    try:
        verb = "INSERT OR IGNORE INTO" if ignore else "INSERT INTO"
        con.execute(f"{verb} {table} BY NAME SELECT * FROM _factions_batch")
    finally:
        con.unregister("_factions_batch")


def _event_filter_sql(f: EventFilter) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    if f.actor:
        clauses.append(
            "(lower(e.source_id) = lower($actor) OR lower(e.target_id) = lower($actor)"
            " OR lower(e.source_name) = lower($actor) OR lower(e.target_name) = lower($actor))"
        )
    if f.plover:
        clauses.append("e.plover = $plover")
    if f.since:
        clauses.append("coalesce(e.date, d.published) >= $since")
    if f.until:
        clauses.append("coalesce(e.date, d.published) <= $until")
    values = {"actor": f.actor, "plover": f.plover, "since": f.since, "until": f.until}
    params = {k: v for k, v in values.items() if v}
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


# -- aggregates for the alliance network ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TieWeighting:
    """How each event weighs on the tie between its two actors, applied inside DuckDB.

    The numbers are the graph's (factions.graph reads them from data/graph/weights.yaml); the
    store only applies them in SQL, so that a million events aggregate where they lie.
    """

    types: Mapping[str, tuple[float, float]]
    """PLOVER type → (signed scale, intensity used when an event has no Goldstein value);
    types not listed add nothing."""
    modality: Mapping[str, float]
    caption: float = 1.0
    half_life_days: float | None = None
    reference_date: date | None = None
    """The day from which ages are counted for the decay; None: the latest event's."""
    rollup: Mapping[str, str] = field(default_factory=dict)
    """Member id → the id it counts as (its top parent)."""


@dataclass(frozen=True, slots=True)
class EdgeStat:
    """The summed tie between two actors (``a`` < ``b``)."""

    a: str
    b: str
    weight: float
    positive: int
    negative: int
    events: int


@dataclass(frozen=True, slots=True)
class TieEvidence:
    """One event behind a tie, with its sentence."""

    partner: str
    weight: float
    plover: str
    day: date | None
    trigger: str
    source_name: str
    target_name: str
    modality: str
    sentence: str
    doc_id: str
    doc_ref: str | None


@dataclass(frozen=True, slots=True)
class ActorTie:
    """One actor's tie to another (``partner``): the summed tie and the events behind it."""

    partner: Actor
    stat: EdgeStat
    evidence: tuple[TieEvidence, ...]


@dataclass(frozen=True, slots=True)
class TimelineCount:
    month: date | None
    plover: str
    events: int


_ACTOR_COLUMNS = "a.actor_id, a.name, a.kind, a.code, a.country, a.parents, a.known"


def _actor(r: Sequence[Any]) -> Actor:
    return Actor(r[0], r[1], r[2], r[3], r[4], tuple(r[5] or ()), bool(r[6]))


_HEAVIEST = "CAST(round(w * $sign * 1e6) AS BIGINT) * 4294967296 + row"
"""An event's weight (in the tie's direction, to 1e-6) and its row id in one integer: the
largest of these are the heaviest events, ties broken by the latest stored, and finding them
costs a tenth of what a ranking by several columns does. Row ids stay below 2**32."""


def _evidence(
    con: Any, rows: Sequence[Any], per_partner: int, sign: int
) -> dict[str, list[TieEvidence]]:
    """The first ``per_partner`` candidates of each tie, one per sentence, fetched by row id,
    with the sentence cut from its document's text (cheaper than a look-up in the much
    larger sentences table)."""
    if per_partner <= 0 or not rows:
        return {}
    weights = {key & 0xFFFFFFFF: sign * (key >> 32) / 1e6 for row in rows for key in row[11]}
    found = con.execute(
        "SELECT e.rowid, e.doc_id, e.span_start, e.plover, e.trigger, e.source_name,"
        " e.target_name, e.modality, coalesce(e.date, d.published), coalesce(d.ext_id, d.url),"
        " substring(d.text, e.span_start + 1, e.span_end - e.span_start)"
        " FROM events e LEFT JOIN documents d USING (doc_id)"
        " WHERE e.rowid IN (SELECT unnest($rows::BIGINT[]))",
        {"rows": list(weights)},
    ).fetchall()
    by_row = {r[0]: r for r in found}
    evidence: dict[str, list[TieEvidence]] = {}
    for row in rows:
        seen: set[tuple[str, int]] = set()
        for key in row[11]:
            e = by_row.get(key & 0xFFFFFFFF)
            if e is None or (e[1], e[2]) in seen or len(seen) >= per_partner:
                continue
            seen.add((e[1], e[2]))
            evidence.setdefault(row[0], []).append(
                TieEvidence(
                    partner=row[0],
                    weight=weights[e[0]],
                    plover=e[3],
                    day=e[8],
                    trigger=e[4],
                    source_name=e[5],
                    target_name=e[6],
                    modality=e[7],
                    sentence=e[10] or "",
                    doc_id=e[1],
                    doc_ref=e[9],
                )
            )
    return evidence


def _find_actors(con: Any, name: str) -> list[Actor]:
    variants = sorted({name.strip().lower(), _strip_article(name.strip().lower())} - {""})
    listed = "(SELECT unnest($v::VARCHAR[]))"
    exact = (
        f"SELECT actor_id, 0 AS rank, 0 AS n FROM actors WHERE lower(actor_id) IN {listed}"
        f" UNION ALL SELECT actor_id, 1, 0 FROM actors WHERE lower(name) IN {listed}"
        f" UNION ALL SELECT actor_id, 2, 0 FROM actor_aliases WHERE lower(alias) IN {listed}"
    )
    mentioned = (
        "SELECT actor_id, 3 AS rank, count(*) AS n FROM mentions"
        f" WHERE actor_id IS NOT NULL AND lower(text) IN {listed} GROUP BY actor_id"
    )
    found = (
        f"SELECT {_ACTOR_COLUMNS} FROM ({{}}) f JOIN actors a USING (actor_id)"
        " ORDER BY f.rank, f.n DESC, a.actor_id"
    )
    rows = con.execute(found.format(exact), {"v": variants}).fetchall()
    if not rows:
        rows = con.execute(found.format(mentioned), {"v": variants}).fetchall()
    return list({r[0]: _actor(r) for r in rows}.values())


def _actor_row(con: Any, actor_id: str) -> Actor:
    """An actor's row; a parent nobody mentioned has none and is named by its id."""
    row = con.execute(
        f"SELECT {_ACTOR_COLUMNS} FROM actors a WHERE a.actor_id = ?", [actor_id]
    ).fetchone()
    return _actor(row) if row else Actor(actor_id, actor_id, "", None)


def _strip_article(name: str) -> str:
    return name[4:].strip() if name.startswith("the ") else name


def _period_sql(since: date | None, until: date | None) -> tuple[str, dict[str, Any]]:
    clauses, params = "", {}
    if since:
        clauses += " AND coalesce(e.date, d.published) >= $since"
        params["since"] = since
    if until:
        clauses += " AND coalesce(e.date, d.published) <= $until"
        params["until"] = until
    return clauses, params


def _weighted_events(
    con: Any,
    how: TieWeighting,
    since: date | None,
    until: date | None,
    focus: str | None,
    partners: Sequence[str] | None = None,
) -> tuple[str, dict[str, Any]]:
    """A ``WITH … ev AS (…)`` clause: one row per weighed event, ``w`` its signed weight.

    Weights, modality multipliers and the rollup travel as list parameters unnested into
    small tables, so the SQL text never holds a value. With ``focus`` (and ``partners``),
    events are filtered on their raw actor ids before anything is joined, so a question
    about one actor reads only that actor's events. Documents are joined only for a period
    or a decay; otherwise ``day`` is the event's own date and ``doc_ref`` is empty.
    """
    period, params = _period_sql(since, until)
    types, modalities, members = sorted(how.types), sorted(how.modality), sorted(how.rollup)
    params |= {
        "types": types,
        "scales": [float(how.types[t][0]) for t in types],
        "intensities": [float(how.types[t][1]) for t in types],
        "modalities": modalities,
        "mults": [float(how.modality[m]) for m in modalities],
        "members": members,
        "roots": [how.rollup[m] for m in members],
        "caption": float(how.caption),
    }
    decay = "1.0"
    if how.half_life_days:
        reference = how.reference_date
        if reference is None:
            row = con.execute(
                "SELECT max(coalesce(e.date, d.published)) FROM events e"
                f" JOIN documents d USING (doc_id) WHERE true{period}",
                {k: params[k] for k in ("since", "until") if k in params},
            ).fetchone()
            reference = row[0] if row else None
        if reference is not None:
            params |= {"reference": reference, "half_life": float(how.half_life_days)}
            decay = (
                "CASE WHEN day IS NULL THEN 1.0 ELSE"
                " pow(0.5, greatest(date_diff('day', day, $reference::DATE), 0) / $half_life) END"
            )
    focused = raw = ""
    if focus is not None:
        params |= {"focus": focus, "own": _with_members(how, [focus])}
        focused = " AND (a = $focus OR b = $focus)"
        if partners is None:
            raw = " AND (list_contains($own, e.source_id) OR list_contains($own, e.target_id))"
        else:
            params["theirs"] = _with_members(how, partners)
            raw = (
                " AND ((list_contains($own, e.source_id) AND list_contains($theirs, e.target_id))"
                " OR (list_contains($own, e.target_id) AND list_contains($theirs, e.source_id)))"
            )
    # the rollup joins cost a third of a one-actor query: only when there is a rollup
    rollup_cte, sides, rolled = "", "e.source_id AS a, e.target_id AS b", ""
    if how.rollup:
        rollup_cte = (
            " ru AS (SELECT unnest($members::VARCHAR[]) AS actor_id,"
            " unnest($roots::VARCHAR[]) AS root),"
        )
        sides = "coalesce(rs.root, e.source_id) AS a, coalesce(rt.root, e.target_id) AS b"
        rolled = (
            " LEFT JOIN ru rs ON rs.actor_id = e.source_id"
            " LEFT JOIN ru rt ON rt.actor_id = e.target_id"
        )
    else:
        del params["members"], params["roots"]
    documents = bool(period) or decay != "1.0"
    if documents:
        joined = " JOIN documents d USING (doc_id)"
        day, ref = "coalesce(e.date, d.published)", "coalesce(d.ext_id, d.url)"
    else:
        joined, day, ref = "", "e.date", "NULL::VARCHAR"
    cte = (
        "WITH tw AS (SELECT unnest($types::VARCHAR[]) AS plover,"
        " unnest($scales::DOUBLE[]) AS scale, unnest($intensities::DOUBLE[]) AS intensity),"
        " mw AS (SELECT unnest($modalities::VARCHAR[]) AS modality,"
        " unnest($mults::DOUBLE[]) AS mult),"
        f"{rollup_cte} base AS (SELECT e.rowid AS row, e.event_id, e.doc_id, e.sent_idx,"
        " e.plover, e.trigger,"
        f" e.modality, e.source_name, e.target_name, {ref} AS doc_ref, {day} AS day, {sides},"
        " tw.scale * coalesce(abs(e.goldstein) / 10, tw.intensity)"
        " * coalesce(e.confidence, 0.5) * coalesce(mw.mult, 1.0)"
        " * CASE WHEN e.caption THEN $caption ELSE 1.0 END AS w0"
        f" FROM events e{joined} JOIN tw ON tw.plover = e.plover"
        f" LEFT JOIN mw ON mw.modality = e.modality{rolled}"
        " WHERE NOT coalesce(e.negated, false) AND e.source_id IS NOT NULL"
        " AND (NOT coalesce(e.caption, false) OR $caption > 0)"
        f" AND e.target_id IS NOT NULL{period}{raw}),"
        f" ev AS (SELECT *, w0 * {decay} AS w FROM base WHERE a <> b{focused})"
    )
    return cte, params


def _with_members(how: TieWeighting, ids: Sequence[str]) -> list[str]:
    """``ids`` and every actor that rolls up into one of them."""
    wanted = set(ids)
    return [*ids, *(m for m, root in how.rollup.items() if root in wanted)]


# -- pages for the web app --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventPage:
    """A page of events, how many match in all, and what the page needs to show them."""

    total: int
    events: tuple[Event, ...]
    mentions: tuple[Mention, ...]
    """The mentions of the page's sentences (to mark the actors in them)."""
    titles: dict[str, str]
    """doc_id → title, for the page's documents that have one."""


_MENTION_COLUMNS = "doc_id, sent_idx, start_char, end_char, text, label, actor_id"


def _mention(r: Sequence[Any]) -> Mention:
    return Mention(r[0], r[1] if r[1] is not None else -1, r[2], r[3], r[4], r[5] or "", r[6])
