"""Reading and checking gold files (DESIGN.md "Gold files"): a malformed one is named precisely."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from factions.errors import FactionsError
from factions.ontology import CAMEO_ROOTS, PLOVER_TYPES


class GoldError(FactionsError):
    """A gold file that does not follow the format: which file, which entry, why."""


@dataclass(frozen=True, slots=True)
class GoldActor:
    key: str
    kind: str | None
    aliases: tuple[str, ...]
    country: str | None = None
    """ISO-3 code of the actor's country, when the gold file gives one."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    anchor: str
    spans: tuple[tuple[int, int], ...]
    """Every place the anchor occurs in the text."""
    source: tuple[str, ...]
    target: tuple[str, ...]
    plover: tuple[str, ...]
    cameo_root: tuple[str, ...] = ()
    required: bool = True
    date: tuple[date, date] | None = None
    place: str | None = None


@dataclass(frozen=True, slots=True)
class GoldFile:
    path: Path
    id: str
    text: str
    published: date | None
    actors: dict[str, GoldActor]
    events: tuple[GoldEvent, ...]
    negated: tuple[GoldEvent, ...]
    alignment: tuple[tuple[str, str, int], ...]
    coalitions: tuple[tuple[str, ...], ...]


def find_gold_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.json") if not p.name.startswith("."))
    return [path]


def load_gold(path: Path) -> GoldFile:
    where = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{where}: cannot read ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{where}: malformed JSON: {exc.msg} (line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise GoldError(f"{where}: expected a JSON object at the top")
    text_name = data.get("text_file") or f"{path.stem}.txt"
    text_path = path.with_name(str(text_name))
    try:
        text = text_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldError(f"{where}: its text {text_path.name} cannot be read ({exc})") from exc
    published = (
        _date(data.get("published"), f"{where}: published") if data.get("published") else None
    )
    actors = _actors(data.get("actors"), where)
    events = tuple(
        _event(e, f"{where}: events[{i}]", text, actors, plover_needed=True)
        for i, e in enumerate(_list(data.get("events", []), f"{where}: events"))
    )
    negated = tuple(
        _event(e, f"{where}: negated[{i}]", text, actors, plover_needed=False)
        for i, e in enumerate(_list(data.get("negated", []), f"{where}: negated"))
    )
    alignment = []
    for i, pair in enumerate(_list(data.get("alignment", []), f"{where}: alignment")):
        at = f"{where}: alignment[{i}]"
        if not isinstance(pair, dict):
            raise GoldError(f"{at}: expected an object with a, b, sign")
        a, b = _key(pair.get("a"), actors, at), _key(pair.get("b"), actors, at)
        if pair.get("sign") not in (1, -1):
            raise GoldError(f"{at}: sign must be 1 or -1, not {pair.get('sign')!r}")
        alignment.append((a, b, int(pair["sign"])))
    coalitions = []
    for i, bloc in enumerate(_list(data.get("coalitions", []), f"{where}: coalitions")):
        at = f"{where}: coalitions[{i}]"
        coalitions.append(tuple(_key(k, actors, at) for k in _list(bloc, at)))
    return GoldFile(
        path=path,
        id=str(data.get("id") or path.stem),
        text=text,
        published=published,
        actors=actors,
        events=events,
        negated=negated,
        alignment=tuple(alignment),
        coalitions=tuple(coalitions),
    )


def _actors(raw: Any, where: str) -> dict[str, GoldActor]:
    if not isinstance(raw, dict) or not raw:
        raise GoldError(f"{where}: 'actors' must be a non-empty object of KEY: {{aliases: [...]}}")
    actors = {}
    for key, entry in raw.items():
        at = f"{where}: actors.{key}"
        if not isinstance(entry, dict):
            raise GoldError(f"{at}: expected an object with aliases")
        aliases = _list(entry.get("aliases", []), f"{at}.aliases")
        if not all(isinstance(a, str) and a.strip() for a in aliases):
            raise GoldError(f"{at}.aliases: every alias must be a non-empty string")
        country = entry.get("country")
        if country is not None and not (isinstance(country, str) and len(country) == 3):
            raise GoldError(f"{at}.country: expected an ISO-3 country code such as 'SYR'")
        actors[key] = GoldActor(key, entry.get("kind"), tuple(aliases), country)
    return actors


def _event(
    raw: Any, at: str, text: str, actors: dict[str, GoldActor], *, plover_needed: bool
) -> GoldEvent:
    if not isinstance(raw, dict):
        raise GoldError(f"{at}: expected an object")
    at = f"{at} (id {raw['id']!r})" if "id" in raw else at
    anchor = raw.get("anchor")
    if not isinstance(anchor, str) or not anchor.strip():
        raise GoldError(f"{at}: 'anchor' must be a non-empty string")
    spans = tuple((m.start(), m.end()) for m in re.finditer(re.escape(anchor), text))
    if not spans:
        raise GoldError(f"{at}: anchor {anchor[:60]!r} does not occur in the text")
    source = tuple(
        _key(k, actors, f"{at}: source") for k in _list(raw.get("source"), f"{at}: source")
    )
    target = tuple(
        _key(k, actors, f"{at}: target") for k in _list(raw.get("target"), f"{at}: target")
    )
    plover = tuple(_list(raw.get("plover", []), f"{at}: plover"))
    for p in plover:
        if p not in PLOVER_TYPES:
            raise GoldError(f"{at}: {p!r} is not a PLOVER type")
    if plover_needed and not plover:
        raise GoldError(f"{at}: 'plover' lists no type")
    roots = tuple(str(r) for r in _list(raw.get("cameo_root", []), f"{at}: cameo_root"))
    for r in roots:
        if r not in CAMEO_ROOTS:
            raise GoldError(f"{at}: {r!r} is not a CAMEO root code (01..20)")
    span = None
    if raw.get("date") is not None:
        pair = _list(raw["date"], f"{at}: date")
        if len(pair) != 2:
            raise GoldError(f"{at}: date must be [start, end]")
        start, end = _date(pair[0], f"{at}: date"), _date(pair[1], f"{at}: date")
        if end < start:
            raise GoldError(f"{at}: date range ends before it starts")
        span = (start, end)
    required = raw.get("required", True)
    if not isinstance(required, bool):
        raise GoldError(f"{at}: 'required' must be true or false")
    return GoldEvent(
        id=str(raw.get("id", "")),
        anchor=anchor,
        spans=spans,
        source=source,
        target=target,
        plover=plover,
        cameo_root=roots,
        required=required,
        date=span,
        place=raw.get("place"),
    )


def _key(value: Any, actors: dict[str, GoldActor], at: str) -> str:
    if not isinstance(value, str) or value not in actors:
        raise GoldError(f"{at}: {value!r} is not a key of 'actors'")
    return value


def _list(value: Any, at: str) -> list[Any]:
    if not isinstance(value, list):
        raise GoldError(f"{at}: expected a list, not {type(value).__name__}")
    return value


def _date(value: Any, at: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise GoldError(f"{at}: {value!r} is not a YYYY-MM-DD date") from exc
