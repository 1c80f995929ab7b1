"""Getting a Dask client: a LocalCluster of worker processes here, or an existing cluster."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from factions.errors import FactionsError


class ClusterError(FactionsError):
    """The Dask scheduler could not be reached, or the cluster could not start."""


@contextmanager
def open_client(
    workers: int | None = None, scheduler: str | None = None, *, timeout: float = 20.0
) -> Iterator[Any | None]:
    """A Dask client for a LocalCluster of ``workers`` processes, or the cluster at ``scheduler``.

    Yields None when given neither: the caller then runs in this process, with no cluster to
    start. Local workers are processes with one thread each, because parsing holds the GIL;
    the dashboard is off (no port to collide with), and Dask's own log lines are kept to
    errors, so that stderr carries factions' messages.
    """
    if scheduler is None and workers is None:
        yield None
        return
    # distributed's constructors carry no annotations; mypy --strict flags each call.
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=f"{timeout}s")  # type: ignore[no-untyped-call]
        except (OSError, ValueError) as exc:  # unreachable; not an address
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with client:
            yield client
        return
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client
