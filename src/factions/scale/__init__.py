"""Running the pipeline on Dask: the same documents, events and ids as a serial run, on many
processes or machines.

The driver (this process) reads documents lazily, skips those already held, and sends bounded
batches to the workers; each worker process builds the pipeline once; the driver alone writes
the results, to the DuckDB store or to a directory of Parquet parts::

    from factions import Store
    from factions.scale import open_client, run_ingest

    with open_client(workers=2) as client:
        run_ingest(["corpus/"], Store("news.duckdb"), client=client)
"""

from factions.scale._cluster import ClusterError, open_client
from factions.scale._parquet import DEFAULT_PART_SIZE, ParquetSink, part_name
from factions.scale._run import RETRIES, run_ingest
from factions.scale._sink import Sink
from factions.scale._worker import PipelineSpec, process_batch, warm_up, worker_pipeline

__all__ = [
    "DEFAULT_PART_SIZE",
    "RETRIES",
    "ClusterError",
    "ParquetSink",
    "PipelineSpec",
    "Sink",
    "open_client",
    "part_name",
    "process_batch",
    "run_ingest",
    "warm_up",
    "worker_pipeline",
]
