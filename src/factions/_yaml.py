"""Reading our YAML data files with YAML 1.2 booleans: "on", "off", "yes", "no" stay strings.

PyYAML follows YAML 1.1, where an unquoted ``on`` is ``True``; in a lexicon of prepositions
and particles ("impose sanctions on", "call off") that would silently corrupt entries.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

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
