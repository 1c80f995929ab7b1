"""CAMEO events in the layout of the GDELT 2.0 event table, so GDELT pipelines read them as is.

The 61 columns of the GDELT 2.0 Event Codebook, in its order, tab-separated, one event per
line and no header (as GDELT ships its ``.export.CSV`` files; ``header=True`` adds one).
Columns factions cannot fill stay empty, as GDELT leaves them. The mapping of every column
is in docs/exports.md. Negated events ("did not attack") are left out: the layout has no
way to say that an event did not happen, and a GDELT pipeline would count it. So are events
read from photo captions, which repeat the story and would count twice.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import BinaryIO

from factions.export._codes import country, read_actor_code
from factions.export._flat import ExportRow, export_rows
from factions.store import EventFilter, Store

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
"""The GDELT 2.0 event table, in the codebook's order (61 columns)."""

_NO_GEO = ("0", "", "", "", "", "", "", "")
"""GDELT's geography when there is none: type 0, the rest empty."""

_US = "USA"
_GEO_TYPE = {
    # place precision → (GeoType outside the US, inside the US)
    "country": (1, 1),
    "admin1": (5, 2),
    "region": (5, 2),
    "state": (5, 2),
    "province": (5, 2),
}
_POINT = (4, 3)
"""A city or landmark: WORLDCITY, or USCITY in the US; any other precision is read as a point."""

_LINES_PER_WRITE = 1024
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
"""Tabs and everything a reader may take for a line break."""


def global_event_id(event_id: str) -> int:
    """A stable 63-bit integer from the hex event id: GDELT's ids are integers."""
    return int(event_id[:16], 16) >> 1


def write_cameo_tsv(
    store: Store, sink: BinaryIO, where: EventFilter | None = None, *, header: bool = False
) -> int:
    """Write the GDELT 2.0 event table; returns how many events were written."""
    lines: list[str] = ["\t".join(GDELT_COLUMNS)] if header else []
    count = 0
    for row in export_rows(store, where):
        if row.negated or row.caption or not row.cameo:
            continue
        lines.append("\t".join(gdelt_row(row)))
        count += 1
        if len(lines) >= _LINES_PER_WRITE:
            _flush(sink, lines)
    _flush(sink, lines)
    return count


def _flush(sink: BinaryIO, lines: list[str]) -> None:
    if lines:
        sink.write(("\n".join(lines) + "\n").encode("utf-8"))
        lines.clear()


def gdelt_row(row: ExportRow) -> list[str]:
    """The 61 fields of one event, as strings (empty where factions knows nothing)."""
    cameo = row.cameo or ""
    fields = [
        str(global_event_id(row.event_id)),
        *_dates(row.when),
        *_actor(row.source_code, row.source_name, row.source_country),
        *_actor(row.target_code, row.target_name, row.target_country),
        "1" if row.lead else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        _text(row.quad_class),
        _text(row.goldstein),
        "1",  # NumMentions: one sentence of one article
        "1",  # NumSources
        "1",  # NumArticles
        "",  # AvgTone: factions measures no tone
        *_NO_GEO,  # Actor1Geo: factions does not place actors
        *_NO_GEO,  # Actor2Geo
        *_action_geo(row),
        _date_added(row.doc_ingested_at),
        _clean(row.doc_url or row.doc_ext_id or ""),
    ]
    return fields


@lru_cache(maxsize=16384)
def _dates(day: date | None) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year and FractionDate (GDELT's approximate fraction of the year).

    Cached, as are the actor columns below: the same days and actors recur all through a
    large export, and formatting them again would be most of its time.
    """
    if day is None:
        return ("", "", "", "")
    fraction = day.year + ((day.month - 1) * 30 + day.day) / 365
    return (f"{day:%Y%m%d}", f"{day:%Y%m}", str(day.year), f"{fraction:.4f}")


@lru_cache(maxsize=16384)
def _actor(code: str | None, name: str | None, home: str | None) -> tuple[str, ...]:
    """The ten Actor columns; the country comes from the code, else the actor's home country."""
    if code is None and name is None:
        return ("",) * len(_ACTOR)
    parts = read_actor_code(code)
    types = [*parts.types, "", "", ""][:3]
    religions = [*parts.religions, "", ""][:2]
    return (
        code or "",
        _clean(name.upper()) if name else "",
        parts.country or home or "",
        parts.known_group or "",
        "",  # EthnicCode: factions codes no ethnicity
        *religions,
        *types,
    )


def _action_geo(row: ExportRow) -> tuple[str, ...]:
    if row.place_name is None:
        return _NO_GEO
    place = country(row.place_country)
    fips = place.fips if place else ""
    outside, inside = _GEO_TYPE.get((row.place_precision or "").lower(), _POINT)
    geo_type = inside if row.place_country == _US else outside
    whole_country = geo_type == 1
    return (
        str(geo_type),
        _clean(row.place_name),
        fips,
        fips if whole_country else "",  # ADM1Code: a country's is its own code
        "",  # ADM2Code: factions has no GAUL codes
        _text(row.place_lat),
        _text(row.place_lon),
        fips if whole_country else "",  # FeatureID: a country's is its code
    )


@lru_cache(maxsize=1024)
def _date_added(ingested: datetime | None) -> str:
    """When the event entered the database, as GDELT's YYYYMMDDHHMMSS in UTC."""
    if ingested is None:
        return ""
    return ingested.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def _text(value: float | None) -> str:
    return "" if value is None else str(value)


def _clean(value: str) -> str:
    """No tab or line break may reach a field: each would shift or split the row."""
    return _BREAKS.sub(" ", value)
