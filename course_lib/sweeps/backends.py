"""Where a sweep's cells run: in this process, on local cores (joblib), on a Dask cluster.

- ``n_jobs=1``: one after another in this process.
- ``n_jobs=k`` (k > 1, or negative as in joblib: -1 = all cores): ``joblib.Parallel``
  with its default process backend (loky) over ``k`` local processes. An enclosing
  ``joblib.parallel_config(backend=...)`` is respected, e.g. ``"threading"`` for a
  function that spends its time in numba code compiled with ``nogil=True``.
- ``n_jobs=None`` (the default): the first cell to compute runs in this process and is
  timed. If the other cells would take under ``SERIAL_SECONDS`` (2 s) one after
  another, or the machine has one usable core, they run here too (starting worker
  processes costs about a second); otherwise joblib spreads them over all the cores
  joblib counts (``joblib.cpu_count()``, which honours CPU affinity and container quotas).
- ``client=`` (a ``dask.distributed.Client``) or ``scheduler=`` (its address): every
  cell is sent to the Dask cluster through joblib's ``"dask"`` backend, so the same
  ``joblib.Parallel`` call serves both (``n_jobs``, if given, caps how many cells run at
  once). The workers must be able to import ``course_lib`` and the function's module.

Every cell runs the same small task wherever it runs, with a random stream that
depends only on the sweep's seed and the cell's parameters
(:func:`course_lib.sweeps.grid.cell_seed_sequence`): results are identical element
for element whatever ``n_jobs``, the backend or the order of the cells. Results come
back to this process, which writes the cache entries as they arrive: a sweep that is
interrupted keeps the cells it finished.
"""
from __future__ import annotations

import time
import warnings

import numpy as np

from .grid import cell_seed_sequence

__all__ = ["SERIAL_SECONDS", "PROGRESS_DELAY"]

#: Below this estimated serial time, n_jobs=None keeps the cells in this process.
SERIAL_SECONDS = 2.0
#: Seconds a sweep must have run before its progress bar appears (progress=None).
PROGRESS_DELAY = 2.0


def _plain_result(value):
    """Results with numpy scalars as Python numbers, so a computed result and the
    same result read from the cache are equal and of the same types."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return {k: _plain_result(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        items = [_plain_result(v) for v in value]
        if type(value) in (list, tuple):
            return type(value)(items)
        return type(value)(*items) if hasattr(value, "_fields") else value  # a namedtuple
    return value


def _compute(func, index, params, fixed, entropy):
    """One cell, wherever it runs: ``(index, result, seconds)``."""
    start = time.perf_counter()
    kwargs = {**params, **fixed}
    if entropy is not None:
        kwargs["seed"] = np.random.default_rng(cell_seed_sequence(entropy, params))
    try:
        value = func(**kwargs)
    except Exception as error:
        if hasattr(error, "add_note"):  # Python 3.11+
            error.add_note(f"(in the sweep's cell {params})")
        raise
    return index, _plain_result(value), time.perf_counter() - start


def connect(client, scheduler, fallback, timeout):
    """``(client, owned)`` for the cluster to use, or ``(None, False)`` for local cores."""
    if client is None and scheduler is None:
        return None, False
    if client is not None and scheduler is not None:
        raise ValueError("pass client= or scheduler=, not both")
    try:
        import distributed
    except ImportError:
        raise ImportError(
            "client= and scheduler= need dask.distributed, which is not installed: "
            "pip install 'course-lib[cluster]' (or pip install 'dask[distributed]')"
        ) from None
    if client is not None:
        if not isinstance(client, distributed.Client):
            raise TypeError(f"client must be a dask.distributed.Client, not {type(client).__name__}")
        return client, False
    if not isinstance(scheduler, str) or not scheduler.strip():
        raise TypeError(f"scheduler must be an address such as 'tcp://10.0.0.5:8786', got {scheduler!r}")
    try:
        return distributed.Client(scheduler, timeout=timeout, set_as_default=False), True
    except (OSError, TimeoutError) as error:
        message = f"cannot reach the Dask scheduler at {scheduler!r} within {timeout:g} s ({error})"
        if fallback == "local":
            warnings.warn(message + "; running on local cores instead (fallback='local')",
                          RuntimeWarning, stacklevel=3)
            return None, False
        raise ConnectionError(message + "; check the address and that the scheduler is running, "
                              "or pass fallback='local' to run on this machine") from None


def _quietly_closed(results):
    """Yield from joblib's generator; when the sweep stops early (an error or Ctrl-C in
    this process), close it without joblib's warning that cells were cancelled."""
    try:
        for item in results:
            yield item
    except GeneratorExit:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning, module=r"joblib\.")
            results.close()
        raise


def execute(func, todo, params, fixed, entropy, n_jobs, client):
    """Yield ``(index, result, seconds)`` for the cells ``todo``, in any order."""
    def tasks(indices):
        from joblib import delayed

        return (delayed(_compute)(func, i, params[i], fixed, entropy) for i in indices)

    if not todo:
        return
    if client is not None:
        import joblib

        with joblib.parallel_config(backend="dask", client=client):
            parallel = joblib.Parallel(n_jobs=-1 if n_jobs is None else n_jobs,
                                       return_as="generator_unordered")
            yield from _quietly_closed(parallel(tasks(todo)))
        return
    remaining = list(todo)
    if n_jobs is None:
        index = remaining.pop(0)
        first = _compute(func, index, params[index], fixed, entropy)
        yield first
        import joblib

        serial = first[2] * len(remaining) < SERIAL_SECONDS or joblib.cpu_count() == 1
        n_jobs = 1 if serial or len(remaining) < 2 else -1
    if n_jobs == 1:
        for i in remaining:
            yield _compute(func, i, params[i], fixed, entropy)
        return
    import joblib

    yield from _quietly_closed(joblib.Parallel(n_jobs=n_jobs, return_as="generator_unordered")(tasks(remaining)))


def progress_bar(total, progress, desc):
    if progress is False or total == 0:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="cell", delay=0 if progress else PROGRESS_DELAY)
