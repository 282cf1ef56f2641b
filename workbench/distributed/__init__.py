"""Ingest on a Dask cluster: listing and partitions on the client, extraction on
workers (the pipeline loaded once per worker), Arrow batches back, one writer.

    listing.py   files and zip members as units, grouped into partitions
    worker.py    the worker plugin that loads the pipeline, the extraction task
    batches.py   a partition's documents, passages, quotes, quantities as Arrow
    client.py    ``ingest_dask``: submit, collect, write in bulk, report progress
"""

from .client import PartitionProgress, dask_client, ingest_dask

__all__ = ["PartitionProgress", "dask_client", "ingest_dask"]
