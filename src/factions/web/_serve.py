"""Running the app with uvicorn: ``factions serve``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from factions.errors import StoreError
from factions.pipeline import Pipeline
from factions.web._app import DEFAULT_WAIT, create_app
from factions.web._security import allowed_hosts


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    wait: float = DEFAULT_WAIT,
    pipeline: Callable[[], Pipeline] = Pipeline,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the app until interrupted. Only this machine can reach it unless ``host`` says
    otherwise (``0.0.0.0``: every interface, and then any Host name is answered).
    ``announce`` is told the address once the app is built."""
    import uvicorn

    path = Path(db_path)
    if not path.exists():
        raise StoreError(
            f"no database at {path} (create one with: factions ingest PATH --db {path})"
        )
    app = create_app(path, wait=wait, hosts=allowed_hosts(host), pipeline=pipeline)
    if announce is not None:
        shown = f"[{host}]" if ":" in host else host
        announce(f"http://{shown}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
