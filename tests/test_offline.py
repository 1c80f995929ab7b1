"""Extraction, geocoding included, never touches the network: sockets are disabled here."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any, NoReturn

import pytest

from factions.events._gazetteer import load_gazetteer
from tests.conftest import EXAMPLES, RunCli


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise AssertionError(f"network access attempted: {args!r}")


def test_extract_with_sockets_disabled(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    load_gazetteer.cache_clear()  # build the gazetteer again, under the ban
    article = next(p for p in sorted(Path(EXAMPLES).iterdir()) if p.suffix == ".txt")
    result = run_cli("extract", article)
    assert result.code == 0, result.err
    events = [json.loads(line) for line in result.out.splitlines()]
    assert events
    assert any(e["place"] and e["place"]["lat"] is not None for e in events)
