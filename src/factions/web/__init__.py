"""The local web app: a JSON API (its OpenAPI schema at /api/openapi.json) and a page over it.

The page shows the network, an actor's allies and enemies with the sentences behind them, the
event table, a document with its events marked, and a box that codes a pasted article. Every
script and style ships in ``static/``; nothing is fetched from another host::

    from factions.web import create_app, serve
    serve("news.duckdb", port=8000)          # what `factions serve` runs
    app = create_app("news.duckdb")          # an ASGI app, for any ASGI server or a test client
"""

from __future__ import annotations

from factions.web._app import DEFAULT_WAIT, create_app
from factions.web._security import CONTENT_SECURITY_POLICY
from factions.web._serve import serve

__all__ = ["CONTENT_SECURITY_POLICY", "DEFAULT_WAIT", "create_app", "serve"]
