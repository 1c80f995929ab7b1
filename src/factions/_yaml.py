"""Reading our YAML data files with YAML 1.2 booleans: "on", "off", "yes", "no" stay strings.

PyYAML follows YAML 1.1, where an unquoted ``on`` is ``True``; in a lexicon of prepositions
and particles ("impose sanctions on", "call off") that would silently corrupt entries.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from factions.errors import FactionsError

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """A safe loader whose booleans are only true/false."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(path: Path, error: type[FactionsError]) -> Any:
    """Parse one data file; unreadable or invalid files raise ``error`` naming the file."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise error(f"{path}: not valid YAML ({exc})") from exc


_Model = TypeVar("_Model", bound=BaseModel)


def read_entries(
    path: Path, key: str, model: type[_Model], error: type[FactionsError], name_field: str
) -> list[_Model]:
    """The validated entries of a file's top-level ``key:`` list.

    The first invalid entry raises ``error`` naming the file, the entry's index and name, the
    field and the reason ("actors.yaml: actors[3] (id 'X'): kind: Input should be …").
    """
    data = read_yaml(path, error)
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise error(f"{path}: expected a top-level '{key}:' list")
    entries = []
    for index, raw in enumerate(data[key]):
        try:
            entries.append(model.model_validate(raw))
        except ValidationError as exc:
            name = raw.get(name_field) if isinstance(raw, dict) else None
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise error(
                f"{path}: {key}[{index}] ({name_field} {name!r}): {where}: {first['msg']}"
            ) from exc
    return entries
