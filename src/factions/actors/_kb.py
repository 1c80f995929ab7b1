"""The actor knowledge base: YAML files we write (and users extend), validated on load.

Loading is cached per process and per set of extra files, so a Dask worker or a test session
reads the YAML once. Sector actors ("Iranian troops" → IRNMIL) are not listed one by one: they
are made from a state and a role of ``roles.yaml`` when first asked for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from factions._yaml import read_entries, read_yaml
from factions.errors import FactionsError
from factions.records import Actor

Kind = Literal[
    "state",
    "government",
    "military",
    "police",
    "armed_group",
    "rebels",
    "opposition",
    "party",
    "igo",
    "ngo",
    "media",
    "business",
    "religious",
    "person",
    "civilians",
    "group_of_states",
]

ENV_VAR = "FACTIONS_ACTORS"


class KnowledgeBaseError(FactionsError):
    """An actor file that does not follow the schema (which file, which entry, why)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ParentLink(_Strict):
    id: str
    relation: Literal["member_of", "affiliated_with", "part_of"] = "member_of"
    since: int | None = None
    until: int | None = None


class OfficeRole(_Strict):
    for_: str = Field(alias="for")
    title: str
    since: int
    until: int | None = None

    def holds(self, year: int | None) -> bool:
        if year is None:
            return self.until is None
        return self.since <= year and (self.until is None or year <= self.until)


class ActorEntry(_Strict):
    id: str
    name: str
    kind: Kind
    code: str | None = None
    country: str | None = None
    aliases: list[str] = []
    case_sensitive_aliases: list[str] = []
    demonyms: list[str] = []
    capital: str | None = None
    metonyms: list[str] = []
    parents: list[ParentLink] = []
    roles: list[OfficeRole] = []
    note: str | None = None

    @field_validator("aliases", "demonyms", "metonyms", "case_sensitive_aliases")
    @classmethod
    def _non_empty(cls, values: list[str]) -> list[str]:
        for value in values:
            if not str(value).strip():
                raise ValueError("empty string in list")
        return [str(v) for v in values]


class RoleEntry(_Strict):
    label: str
    kind: Kind
    organ: bool
    nouns: list[str]
    phrases: list[str] = []


@dataclass(frozen=True, slots=True)
class Alias:
    """A surface form and what it names; ``how`` says which list it came from."""

    text: str
    actor_id: str
    how: Literal["name", "alias", "demonym", "capital", "metonym"]
    case_sensitive: bool


class KnowledgeBase:
    """Every actor we know, their aliases, and the sector roles."""

    def __init__(self, entries: Iterable[ActorEntry], roles: dict[str, RoleEntry]) -> None:
        self.entries: dict[str, ActorEntry] = {}
        for entry in entries:
            self.entries[entry.id] = entry  # later files (the user's) replace ours
        self.roles = roles
        self.states = {e.id: e for e in self.entries.values() if e.kind == "state"}
        self.role_of_noun: dict[str, str] = {}
        self.role_of_phrase: dict[str, str] = {}
        for code, role in roles.items():
            for noun in role.nouns:
                self.role_of_noun[noun.lower()] = code
            for phrase in role.phrases:
                self.role_of_phrase[phrase.lower()] = code
        self._actors: dict[str, Actor] = {}

    # -- actors -------------------------------------------------------------------------------

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, including sector actors made from state + role."""
        actor = self._actors.get(actor_id)
        if actor is not None:
            return actor
        entry = self.entries.get(actor_id)
        if entry is not None:
            actor = Actor(
                actor_id=entry.id,
                name=entry.name,
                kind=entry.kind,
                code=entry.code or (entry.id if entry.kind == "state" else None),
                country=entry.country,
                parents=tuple(p.id for p in entry.parents),
            )
        else:
            actor = self._sector_actor(actor_id)
            if actor is None:
                return None
        self._actors[actor_id] = actor
        return actor

    def sector_id(self, state: str, role: str) -> str:
        return f"{state}{role}"

    def _sector_actor(self, actor_id: str) -> Actor | None:
        state, role_code = actor_id[:3], actor_id[3:]
        role = self.roles.get(role_code)
        entry = self.states.get(state)
        if role is None or entry is None:
            return None
        adjective = entry.demonyms[0] if entry.demonyms else entry.name
        return Actor(
            actor_id=actor_id,
            name=f"{adjective} {role.label}",
            kind=role.kind,
            code=actor_id,
            country=state,
            parents=(state,) if role.organ else (),
        )

    def office_at(self, person_id: str, year: int | None) -> OfficeRole | None:
        """The office a person held in ``year`` (the latest, when they held several)."""
        entry = self.entries.get(person_id)
        if entry is None:
            return None
        held = [r for r in entry.roles if r.holds(year)]
        return max(held, key=lambda r: r.since) if held else None

    def code_of(self, actor_id: str, year: int | None) -> str | None:
        """The CAMEO-style code: a person is coded by the office held at the time."""
        actor = self.get(actor_id)
        if actor is None:
            return None
        if actor.kind == "person":
            office = self.office_at(actor_id, year)
            if office is not None:
                target = self.get(office.for_)
                return target.code if target else office.for_
        return actor.code

    # -- aliases ------------------------------------------------------------------------------

    def aliases(self) -> Iterator[Alias]:
        """Every surface form that names an actor."""
        for entry in self.entries.values():
            exact = set(entry.case_sensitive_aliases)
            for text in (entry.name, *entry.aliases):
                yield Alias(text, entry.id, "name" if text == entry.name else "alias", False)
            for text in exact:
                yield Alias(text, entry.id, "alias", True)
            for text in entry.demonyms:
                yield Alias(text, entry.id, "demonym", False)
            if entry.kind == "state":
                government = self.sector_id(entry.id, "GOV")
                if entry.capital:
                    yield Alias(entry.capital, government, "capital", False)
                for text in entry.metonyms:
                    yield Alias(text, government, "metonym", False)


def _data_dir() -> Path:
    return Path(str(resources.files("factions") / "data" / "actors"))


def _read_yaml(path: Path) -> Any:
    return read_yaml(path, KnowledgeBaseError)


def read_actor_file(path: Path) -> list[ActorEntry]:
    """Validated entries of one actor file (the schema of data/actors/README.md)."""
    return read_entries(path, "actors", ActorEntry, KnowledgeBaseError, "id")


def read_roles(path: Path) -> dict[str, RoleEntry]:
    data = _read_yaml(path)
    try:
        return {code: RoleEntry.model_validate(raw) for code, raw in data["roles"].items()}
    except (TypeError, KeyError, ValidationError) as exc:
        raise KnowledgeBaseError(f"{path}: not a valid roles file ({exc})") from exc


def user_actor_files(extra: Iterable[Path | str] = ()) -> tuple[Path, ...]:
    """Extra files given on the command line, then those in $FACTIONS_ACTORS (':'-separated)."""
    files = [Path(p) for p in extra]
    env = os.environ.get(ENV_VAR, "")
    files += [Path(p) for p in env.split(os.pathsep) if p.strip()]
    seen: dict[Path, None] = {}
    for f in files:
        seen.setdefault(f.resolve(), None)
    return tuple(seen)


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> KnowledgeBase:
    folder = _data_dir()
    entries: list[ActorEntry] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name != "roles.yaml":
            entries += read_actor_file(path)
    for path in extra:
        entries += read_actor_file(path)
    return KnowledgeBase(entries, read_roles(folder / "roles.yaml"))


def load_actors(extra: Iterable[Path | str] = ()) -> KnowledgeBase:
    """The built-in knowledge base plus the user's files (cached per process)."""
    return _load(user_actor_files(extra))
