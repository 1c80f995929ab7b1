"""The weight one event adds to a tie, from the documented table in data/graph/weights.yaml.

The same numbers are applied in two places: here, to events in memory (one article, the
evaluation), and inside DuckDB by the store, to a million events at once. Both read them from
one ``TieWeighting`` so that the two graphs of the same events are the same graph.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from factions._yaml import read_yaml
from factions.errors import FactionsError
from factions.ontology import PLOVER_TYPES
from factions.records import MODALITIES, Event
from factions.store import TieWeighting


class WeightsError(FactionsError):
    """A weights file that does not follow the schema (which file, which field, why)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TypeWeight(_Strict):
    sign: Literal[-1, 0, 1]
    scale: float
    intensity: float
    why: str

    @field_validator("scale", "intensity")
    @classmethod
    def _unit(cls, value: float) -> float:
        if not 0.0 <= value <= 1.0:
            raise ValueError("must lie between 0 and 1")
        return value


class WeightsFile(_Strict):
    types: dict[str, TypeWeight]
    modality: dict[str, float]
    caption: float

    @field_validator("caption")
    @classmethod
    def _caption(cls, value: float) -> float:
        if not 0.0 <= value <= 1.0:
            raise ValueError("must lie between 0 and 1")
        return value

    @field_validator("types")
    @classmethod
    def _types(cls, value: dict[str, TypeWeight]) -> dict[str, TypeWeight]:
        missing = set(PLOVER_TYPES) - set(value)
        unknown = set(value) - set(PLOVER_TYPES)
        if missing or unknown:
            raise ValueError(
                f"must name every PLOVER type once (missing {sorted(missing)},"
                f" unknown {sorted(unknown)})"
            )
        return value

    @field_validator("modality")
    @classmethod
    def _modality(cls, value: dict[str, float]) -> dict[str, float]:
        if set(value) != set(MODALITIES):
            raise ValueError(f"must give exactly the modalities {', '.join(MODALITIES)}")
        if any(not 0.0 <= v <= 1.0 for v in value.values()):
            raise ValueError("multipliers must lie between 0 and 1")
        return value


def weights_path() -> Path:
    return Path(str(resources.files("factions") / "data" / "graph" / "weights.yaml"))


def load_weights_file(path: Path) -> WeightsFile:
    """Read and validate a weights file; a bad one raises WeightsError naming the field."""
    raw = read_yaml(path, WeightsError)
    try:
        return WeightsFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise WeightsError(f"{path}: {where}: {first['msg']}") from exc


@lru_cache(maxsize=1)
def default_weights() -> WeightsFile:
    return load_weights_file(weights_path())


def weighting(
    weights: WeightsFile | None = None,
    *,
    half_life_days: float | None = None,
    reference_date: date | None = None,
    rollup: dict[str, str] | None = None,
) -> TieWeighting:
    """The store's view of the weights: only the types that carry a sign."""
    w = weights or default_weights()
    return TieWeighting(
        types={
            plover: (t.sign * t.scale, t.intensity)
            for plover, t in w.types.items()
            if t.sign and t.scale
        },
        modality=dict(w.modality),
        caption=w.caption,
        half_life_days=half_life_days,
        reference_date=reference_date,
        rollup=rollup or {},
    )


def event_weight(event: Event, how: TieWeighting, when: date | None) -> float:
    """The signed weight of one event; 0.0 when it says nothing about alignment.

    ``when`` is the event's date (the publication date when the text gives none); an undated
    event is not decayed, since its age is unknown.
    """
    if event.negated or event.plover is None or event.plover not in how.types:
        return 0.0
    if event.caption and not how.caption:
        return 0.0
    scale, fallback = how.types[event.plover]
    intensity = abs(event.goldstein) / 10 if event.goldstein is not None else fallback
    weight = scale * intensity * event.confidence * how.modality.get(event.modality, 1.0)
    if event.caption:
        weight *= how.caption
    if how.half_life_days and how.reference_date and when is not None:
        age = max((how.reference_date - when).days, 0)
        weight *= 0.5 ** (age / how.half_life_days)
    return weight
