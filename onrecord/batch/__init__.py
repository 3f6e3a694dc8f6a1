"""Archives beyond one machine: extraction into Parquet (locally or with Spark) and loading it.

- ``run_local(inputs, output, processes=N)``: a process pool on this machine.
- ``run_spark(inputs, output, master=URL)``: the same rows, computed by Spark (``onrecord[spark]``).
- ``load(output, store)``: the Parquet into the record, idempotently.

Nothing in the core library imports this package. See docs/scale.md.
"""
from __future__ import annotations

from .load import LoadSummary, load
from .local import run_local
from .output import BatchError, BatchSummary
from .spark import run_spark

__all__ = ["BatchError", "BatchSummary", "LoadSummary", "load", "run_local", "run_spark"]
