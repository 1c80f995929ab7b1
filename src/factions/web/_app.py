"""The application: the JSON API, the page and its static files, under one security policy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from factions import __version__
from factions.errors import StoreBusyError, StoreError
from factions.graph import UnknownActorError
from factions.pipeline import Pipeline
from factions.store import Store
from factions.web._access import Extractor, StoreAccess
from factions.web._api import api_router
from factions.web._security import LOCAL_HOSTS, SecurityHeaders

STATIC = Path(__file__).resolve().parent / "static"

DEFAULT_WAIT = 5.0
"""Seconds a request waits for an ingest's batch to commit before answering 503: long enough
for a batch, short enough that the page says what is happening instead of hanging."""

PAGES = (
    "/",
    "/network",
    "/events",
    "/paste",
    "/actors/{actor_id:path}",
    "/documents/{doc_id}",
)
"""Addresses of the page's views: each serves the same page, whose script draws the view."""


def create_app(
    db_path: str | Path,
    *,
    wait: float = DEFAULT_WAIT,
    hosts: Sequence[str] | None = LOCAL_HOSTS,
    pipeline: Callable[[], Pipeline] = Pipeline,
) -> FastAPI:
    """The web app over the database at ``db_path``.

    ``hosts``: the Host names it answers to (None: any); ``pipeline`` builds the pipeline the
    paste box codes with, on the first paste.
    """
    app = FastAPI(
        title="factions",
        version=__version__,
        description="Political events coded from news text, and the network of who is allied"
        " with whom, over one factions database.",
        docs_url=None,  # Swagger and ReDoc load scripts from a CDN: the schema is enough
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    access = StoreAccess(Store(db_path, wait=wait))
    app.include_router(api_router(access, Extractor(pipeline)))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    page = (STATIC / "index.html").read_bytes()

    def show_page() -> HTMLResponse:
        return HTMLResponse(page)

    for path in PAGES:
        app.add_api_route(path, show_page, methods=["GET"], include_in_schema=False)

    @app.exception_handler(StoreBusyError)
    def busy(request: Request, exc: StoreBusyError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "2"})

    @app.exception_handler(StoreError)
    def unusable(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=500)

    @app.exception_handler(UnknownActorError)
    def unknown_actor(request: Request, exc: UnknownActorError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    if hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.add_middleware(SecurityHeaders)
    return app
