"""run_grid: the one door to every sweep (see :mod:`course_lib.sweeps`).

It checks the grid and the options, reads the cells already in the cache, sends the
others to :mod:`course_lib.sweeps.backends` and writes each result to the cache as
it arrives, so an interrupted sweep keeps the cells it finished.
"""
from __future__ import annotations

import inspect
import numbers
import os
import warnings
from contextlib import closing

import numpy as np

from .._validation import check_integer, check_real
from .cache import SweepCache, default_cache_dir
from .backends import connect, execute, progress_bar
from .grid import GridResult, check_fixed, parse_grid

__all__ = ["run_grid"]

_SEED_KINDS = (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _signature(func):
    try:
        return inspect.signature(func).parameters
    except (TypeError, ValueError):  # some builtins have no readable signature
        return None


def _is_stochastic(func, stochastic, parameters):
    if stochastic is None:
        if parameters is None:
            raise TypeError("cannot read func's signature: pass stochastic=True or stochastic=False")
        return "seed" in parameters and parameters["seed"].kind in _SEED_KINDS
    if not isinstance(stochastic, bool):
        raise TypeError(f"stochastic must be True, False or None (look for a seed parameter), got {stochastic!r}")
    return stochastic


def _check_accepts(func, parameters, names, stochastic):
    """ValueError now, not after an hour, when func cannot take the cells' arguments."""
    if parameters is None:
        return
    label = getattr(func, "__name__", type(func).__name__)
    if not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        for name in names + (("seed",) if stochastic else ()):
            if name not in parameters or parameters[name].kind not in _SEED_KINDS:
                raise ValueError(f"{label}() has no keyword parameter {name!r}, which the sweep passes")
    for name, p in parameters.items():
        if (p.default is p.empty and p.kind in _SEED_KINDS + (inspect.Parameter.POSITIONAL_ONLY,)
                and name not in names and not (stochastic and name == "seed")):
            raise ValueError(f"{label}() needs {name!r}, which neither grid nor fixed gives")


def _entropy(seed):
    """The sweep's seed as a non-negative int (fresh entropy for None; four 32-bit
    draws from a Generator, which advances it)."""
    if seed is None:
        return int(np.random.SeedSequence().entropy)
    if isinstance(seed, np.random.Generator):
        words = seed.integers(0, 2**32, size=4, dtype=np.uint64)
        return sum(int(w) << (32 * k) for k, w in enumerate(words))
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, numbers.Integral):
        raise TypeError(f"seed must be None, a whole number or a numpy.random.Generator, "
                        f"not {type(seed).__name__} ({seed!r})")
    if seed < 0:
        raise ValueError(f"seed must be a non-negative whole number, got {seed}")
    return int(seed)


def _open_cache(cache, func, version, fixed, unseeded):
    if cache is None or cache is False:
        return None
    if cache is True:
        root = default_cache_dir()
    elif isinstance(cache, (str, os.PathLike)):
        root = cache
    else:
        raise TypeError(f"cache must be None, False, True or a directory path, not {type(cache).__name__}")
    if unseeded:
        warnings.warn("cache is not used: a stochastic sweep with seed=None cannot be repeated; "
                      "pass seed= (an int or a Generator) to cache it", RuntimeWarning, stacklevel=3)
        return None
    return SweepCache(root, func, version, fixed)


def run_grid(func, grid, *, seed=None, fixed=None, stochastic=None, cache=None, version=None,
             n_jobs=None, client=None, scheduler=None, fallback=None, connect_timeout=10.0,
             progress=None):
    """Call ``func(**cell, **fixed, seed=...)`` on every cell of ``grid``.

    Parameters
    ----------
    func : callable
        Takes the grid's parameters (and ``fixed``) as keyword arguments and returns,
        preferably, a number or a dict of numbers (or of numpy arrays). Must be
        picklable for ``n_jobs != 1`` and a cluster (cloudpickle handles functions
        defined in a notebook).
    grid : dict of name -> sequence, or list of dict
        A mapping sweeps the Cartesian product of its values (last name fastest); a
        list of dicts sweeps exactly those cells, in that order. Values: numbers,
        strings, booleans, None or tuples of these; no value or cell twice (add a
        ``replicate`` parameter for repetitions). Round float values
        (``np.round(np.linspace(...), 6)``): a cell is keyed by its values' exact repr.
    seed : None, int or numpy.random.Generator
        Entropy of the sweep. Each cell gets ``numpy.random.default_rng(
        cell_seed_sequence(entropy, cell))``, which depends on the seed and the cell's
        parameters only. A Generator is drawn from once (four 32-bit words), so it
        advances; None draws fresh entropy (kept in ``GridResult.seed``).
    fixed : dict, optional
        Keyword arguments passed to every cell; part of the cache key, not of the
        table, and not of the cells' random streams. With a cache its values must be
        plain like grid values; without one any object (a network) is passed as is.
    stochastic : bool, optional
        Whether to pass ``seed=``. Default: when ``func`` has a parameter ``seed``.
    cache : None, False, True or path
        None/False: no cache. True: :func:`course_lib.sweeps.default_cache_dir`. A path:
        that directory, created on demand. Keyed by function, code, parameters and
        seed (see :mod:`course_lib.sweeps.cache`).
    version : str or int, optional
        Bump by hand to recompute when something the code key cannot see changed.
    n_jobs : int, optional
        Local processes: 1 in process, -1 all cores; None decides from the first
        cell's time (see :mod:`course_lib.sweeps.backends`).
    client : dask.distributed.Client, optional
        Run the cells on this Dask cluster (joblib's dask backend).
    scheduler : str, optional
        Address of a Dask scheduler (``"tcp://host:8786"``) to connect to, only when
        some cell is not in the cache, and disconnect from afterwards.
    fallback : {None, "local"}
        With ``"local"``, an unreachable ``scheduler`` gives a warning and the sweep
        runs on local cores; otherwise it is an error.
    connect_timeout : float
        Seconds to wait for the scheduler.
    progress : None or bool
        A tqdm.auto bar (a widget in Jupyter, text in a terminal) over the cells to
        compute. None: shown once the sweep has run 2 s, so quick sweeps show nothing;
        True: at once; False: never.

    Returns
    -------
    GridResult
        Parameters and results of every cell, in the grid's order.

    Raises
    ------
    ValueError
        An empty grid, an empty list of values, a repeated value or cell, a value that
        is not hashable and JSON-able, a parameter ``func`` does not take, ``n_jobs=0``.
    ConnectionError
        The scheduler cannot be reached (without ``fallback="local"``).
    ImportError
        ``client``/``scheduler`` without dask.distributed installed.

    References
    ----------
    .. [1] joblib developers, "joblib: running Python functions as pipeline jobs",
       https://joblib.readthedocs.io (``Parallel``, ``parallel_config``).
    .. [2] M. Rocklin, "Dask: parallel computation with blocked algorithms and task
       scheduling", Proc. 14th Python in Science Conference, 2015.

    Examples
    --------
    >>> def area(width, height):
    ...     return {"area": width * height, "ratio": width / height}
    >>> result = run_grid(area, {"width": [1, 2, 3], "height": [1, 2]}, cache=False, n_jobs=1)
    >>> result.array("area")
    array([[1, 2],
           [2, 4],
           [3, 6]])
    >>> result.to_frame().head(2)
       width  height  area  ratio
    0      1       1     1    1.0
    1      1       2     2    0.5
    """
    if not callable(func):
        raise TypeError(f"func must be a function, not {type(func).__name__}")
    names, cells, axes = parse_grid(grid)
    fixed = check_fixed(fixed, keyed=cache is not None and cache is not False)
    clash = sorted(set(fixed) & set(names))
    if clash:
        raise ValueError(f"fixed and grid both give {clash}: give each parameter in one place")
    parameters = _signature(func)
    stochastic = _is_stochastic(func, stochastic, parameters)
    _check_accepts(func, parameters, names + tuple(fixed), stochastic)
    if stochastic:
        entropy = _entropy(seed)
    elif seed is not None:
        warnings.warn("func takes no seed, so seed is ignored and the cells are treated as "
                      "deterministic; pass stochastic=True if func draws random numbers",
                      RuntimeWarning, stacklevel=2)
        entropy = None
    else:
        entropy = None
    if version is not None and (isinstance(version, bool) or not isinstance(version, (str, int))):
        raise TypeError(f"version must be a string or a whole number, got {version!r}")
    if n_jobs is not None:
        n_jobs = check_integer(n_jobs, "n_jobs")
        if n_jobs == 0:
            raise ValueError("n_jobs must be 1 or more processes, or negative as in joblib "
                             "(-1 = all cores), not 0")
    if fallback not in (None, "local"):
        raise ValueError(f"fallback must be None or 'local', got {fallback!r}")
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be None, True or False, got {progress!r}")
    connect_timeout = check_real(connect_timeout, "connect_timeout", minimum=0.0, strict_minimum=True)
    store = _open_cache(cache, func, version, fixed, stochastic and seed is None)

    params = [dict(zip(names, cell)) for cell in cells]
    results = [None] * len(cells)
    from_cache = [False] * len(cells)
    keys = [store.key(p, entropy) for p in params] if store else None
    if store:
        for i, key in enumerate(keys):
            from_cache[i], results[i] = store.load(key)
    todo = [i for i, hit in enumerate(from_cache) if not hit]

    label = getattr(func, "__name__", None) or getattr(getattr(func, "func", None), "__name__", "sweep")
    cluster, owned = connect(client, scheduler, fallback, connect_timeout) if todo else (None, False)
    bar = progress_bar(len(todo), progress, label)
    try:
        # closing(): leave joblib's backend context at once, even on an error
        with closing(execute(func, todo, params, fixed, entropy, n_jobs, cluster)) as done:
            for i, value, seconds in done:
                results[i] = value
                if store:
                    store.store(keys[i], params[i], entropy, value, seconds)
                if bar is not None:
                    bar.update()
    finally:
        if bar is not None:
            bar.close()
        if owned:
            cluster.close()
    name = store.name if store else f"{getattr(func, '__module__', '?')}.{getattr(func, '__qualname__', label)}"
    return GridResult(names, cells, tuple(results), tuple(from_cache), entropy, axes, name)
