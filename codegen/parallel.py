"""Runs independent compile jobs in worker processes forked from this one.

LLVM's work on a large program is chunks that share nothing, and most of it is C++ that holds
the GIL, so threads would not help: processes do. They are forked, so a job sees this
process's data (the lowered functions) without pickling it; only results travel back. Each
worker is a fresh process per few jobs, so LLVM's per-process leftovers stay bounded.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

_Result = TypeVar("_Result")

#: At most this many workers: each holds a copy-on-write image of the compiler (mypy's
#: trees included) plus one LLVM module, and the whole compile must fit in 2 GiB.
MAX_WORKERS = 2


#: The job function of the current `run_forked` call, which the forked workers find here.
_current_job: list[Callable[[int], object]] = []


def _run(index: int) -> object:
    return _current_job[0](index)


def worker_count() -> int:
    return max(1, min(MAX_WORKERS, len(os.sched_getaffinity(0))))


def run_forked(job: Callable[[int], _Result], count: int, parallel: bool) -> Sequence[_Result]:
    """[job(0), ..., job(count - 1)], in worker processes when `parallel` and it can help;
    an exception of a job is raised here (it must pickle)."""
    workers = min(worker_count(), count)
    if not parallel or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [job(index) for index in range(count)]
    _current_job.append(job)
    try:
        with multiprocessing.get_context("fork").Pool(workers, maxtasksperchild=4) as pool:
            results: list[_Result] = pool.map(_run, range(count), chunksize=1)  # type: ignore[arg-type]
            return results
    finally:
        _current_job.clear()
