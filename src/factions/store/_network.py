"""Aggregates for the alliance network (factions.graph): ties summed in SQL, evidence, timelines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from factions.records import Actor
from factions.store._base import StoreBase


class NetworkReads(StoreBase):
    """What ``factions.graph`` reads."""

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
