"""The event lexicon (data/events/*.yaml): triggers to PLOVER and CAMEO, and the CAMEO codebook."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from factions._yaml import read_entries, read_yaml
from factions.errors import FactionsError
from factions.ontology import PLOVER_TYPES


class LexiconError(FactionsError):
    """A lexicon file that does not follow the schema (which file, which entry, why)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CameoCode(_Strict):
    name: str
    goldstein: float


class _Trigger(_Strict):
    lemma: str
    plover: str
    mode: str | None = None
    cameo: str
    examples: list[str] = []
    note: str | None = None

    @field_validator("plover")
    @classmethod
    def _plover(cls, value: str) -> str:
        if value not in PLOVER_TYPES:
            raise ValueError(f"{value!r} is not a PLOVER type")
        return value

    @field_validator("lemma")
    @classmethod
    def _lemma(cls, value: str) -> str:
        if not value.strip() or value != value.lower():
            raise ValueError("lemma must be lower case and not empty")
        return value


class VerbFrame(_Trigger):
    particle: str | None = None
    prep: str | None = None
    objects: list[str] = []
    """When set, the frame holds only for these direct objects ("recalled its ambassador")."""
    infinitive: bool = False
    """The frame holds only with an infinitive after the object: "told Washington *to stop*"
    is a demand, "told reporters" is not."""
    reverse: bool = False
    """The object of ``prep`` is the doer and the subject the one done to: "Ukraine received
    jets *from Denmark*" is Denmark's aid to Ukraine."""


class NounTrigger(_Trigger):
    preps: list[str] = []


@dataclass(frozen=True, slots=True)
class Coding:
    """What a trigger means: PLOVER type and mode, CAMEO code, QuadClass, Goldstein."""

    plover: str
    mode: str | None
    cameo: str
    quad_class: int
    goldstein: float


def quad_class(cameo: str) -> int:
    """QuadClass from the CAMEO root: 1 verbal / 2 material cooperation, 3 / 4 conflict."""
    root = int(cameo[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


class Lexicon:
    """Verb frames, nominal triggers, light verbs and the codebook, indexed for lookup."""

    def __init__(
        self,
        codes: dict[str, CameoCode],
        verbs: Iterable[VerbFrame],
        nouns: Iterable[NounTrigger],
        light_verbs: Iterable[str],
        themes: Iterable[Theme] = (),
        judgements: Judgements | None = None,
    ) -> None:
        self.codes = codes
        self.judgements = judgements
        self.themes = list(themes)
        self.theme_verbs = {v for t in self.themes for v in t.verbs}
        self.verbs: dict[str, list[VerbFrame]] = {}
        for frame in verbs:
            self.verbs.setdefault(frame.lemma, []).append(frame)
        self.nouns: dict[str, NounTrigger] = {n.lemma: n for n in nouns}
        self.light_verbs: set[str] = set()
        self.light_particles: dict[str, str] = {}
        for entry in light_verbs:
            lemma, _, particle = entry.partition(" ")
            self.light_verbs.add(lemma)
            if particle:
                self.light_particles[lemma] = particle

    def theme_of(self, verb: str, noun: str) -> Theme | None:
        """The first theme whose verbs include ``verb`` and whose nouns include ``noun``."""
        for theme in self.themes:
            if verb in theme.verbs and noun in theme.nouns:
                return theme
        return None

    def coding(self, trigger: _Trigger | Theme | Tone) -> Coding:
        code = self.codes.get(trigger.cameo)
        goldstein = code.goldstein if code else self.codes[trigger.cameo[:2]].goldstein
        return Coding(
            trigger.plover, trigger.mode, trigger.cameo, quad_class(trigger.cameo), goldstein
        )


def _data_dir() -> Path:
    return Path(str(resources.files("factions") / "data" / "events"))


def _read(path: Path) -> Any:
    return read_yaml(path, LexiconError)


def read_codebook(path: Path) -> dict[str, CameoCode]:
    data = _read(path)
    try:
        return {str(k): CameoCode.model_validate(v) for k, v in data["codes"].items()}
    except (TypeError, KeyError, ValidationError) as exc:
        raise LexiconError(f"{path}: not a valid codebook ({exc})") from exc


@lru_cache(maxsize=2)
def load_lexicon(folder: Path | None = None) -> Lexicon:
    """The lexicon (cached per process), with every trigger's CAMEO code checked."""
    folder = folder or _data_dir()
    codes = read_codebook(folder / "cameo.yaml")
    verbs = read_entries(folder / "verbs.yaml", "verbs", VerbFrame, LexiconError, "lemma")
    nouns = read_entries(folder / "nouns.yaml", "nouns", NounTrigger, LexiconError, "lemma")
    light = _read(folder / "light_verbs.yaml").get("light_verbs", [])
    for trigger in (*verbs, *nouns):
        if trigger.cameo not in codes:
            raise LexiconError(
                f"{trigger.lemma!r}: CAMEO code {trigger.cameo!r} is not in cameo.yaml"
            )
    themes = read_themes(folder / "themes.yaml", codes)
    judgements = read_judgements(folder / "judgements.yaml", codes)
    return Lexicon(codes, verbs, nouns, [str(v) for v in light], themes, judgements)


class Tone(_Strict):
    """One side of data/events/judgements.yaml: the words of a tone and how it is coded."""

    plover: str
    mode: str | None = None
    cameo: str
    words: list[str]


class Judgements(_Strict):
    """Verbs that call something names, and the words that say whether the names are hostile
    or friendly (data/events/judgements.yaml)."""

    verbs: list[str]
    hostile: Tone
    friendly: Tone
    events: list[str]
    claims: list[str] = []
    """Nouns that sum up what someone said or asked ("a charge Caracas denies", "conditions
    the rebels rejected"): a reaction to one is aimed at whoever made it."""
    names: list[str]

    def tone(self, words: Iterable[str]) -> Tone | None:
        """Hostile if any word is hostile, else friendly if any is friendly, else None."""
        found = set(words)
        if found & set(self.hostile.words):
            return self.hostile
        if found & set(self.friendly.words):
            return self.friendly
        return None


def read_judgements(path: Path, codes: dict[str, CameoCode]) -> Judgements:
    try:
        judgements = Judgements.model_validate(_read(path))
    except ValidationError as exc:
        raise LexiconError(f"{path}: not a valid judgements file ({exc})") from exc
    for tone in (judgements.hostile, judgements.friendly):
        if tone.cameo not in codes or tone.plover not in PLOVER_TYPES:
            raise LexiconError(f"{path}: bad CAMEO code or PLOVER type {tone.cameo!r}")
    return judgements


class Theme(_Strict):
    """A verb that moves something, coded by what it moves (data/events/themes.yaml)."""

    name: str
    verbs: list[str]
    nouns: list[str]
    plover: str
    mode: str | None = None
    cameo: str

    @property
    def lemma(self) -> str:
        return self.name


def read_themes(path: Path, codes: dict[str, CameoCode]) -> list[Theme]:
    data = _read(path)
    try:
        themes = [Theme.model_validate(raw) for raw in data["themes"]]
    except (TypeError, KeyError, ValidationError) as exc:
        raise LexiconError(f"{path}: not a valid themes file ({exc})") from exc
    for theme in themes:
        if theme.cameo not in codes or theme.plover not in PLOVER_TYPES:
            raise LexiconError(f"{path}: theme {theme.name!r}: bad CAMEO code or PLOVER type")
    return themes
