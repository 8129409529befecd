"""Monte Carlo experiments with threshold cascades on Poisson networks.

Watts (2002) asks how often one random adopter sets off a *global* cascade; Watts &
Dodds (2007) ask how much bigger the cascades started by well-connected people are.
Each run draws a fresh seed node; a fresh network is drawn every ``runs_per_network``
runs, so network-to-network variation is part of the estimate.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._deprecation import renamed_keywords, seed_by_keyword
from .._validation import as_rng, check_integer, check_probability, check_real
from ..networks import poisson_csr
from ._kernels import required_active_neighbours, single_seed_sizes
from .theory import cascade_frequency_theory, cascade_window

__all__ = [
    "GLOBAL_CASCADE_CUTOFF",
    "cascade_sizes",
    "cascade_frequency",
    "PhaseDiagram",
    "cascade_phase_diagram",
    "MultiplierResult",
    "influentials_multiplier",
    "multiplier_curve",
]

#: A cascade is global when it reaches at least this fraction of the network. Inside the
#: window cascades are either tiny (a few nodes) or reach most of the network, so any
#: cut-off between about 1% and 50% gives the same frequency for large n.
GLOBAL_CASCADE_CUTOFF = 0.1


def _check_common(mean_degree, phi, n, runs, runs_per_network):
    mean_degree = check_real(mean_degree, "mean_degree", minimum=0.0)
    phi = check_real(phi, "phi", minimum=0.0, maximum=1.0, strict_minimum=True)
    n = check_integer(n, "n", minimum=2)
    runs = check_integer(runs, "runs", minimum=1)
    runs_per_network = check_integer(runs_per_network, "runs_per_network", minimum=1)
    if mean_degree > n - 1:
        raise ValueError(f"mean_degree must be at most n - 1 = {n - 1}, got {mean_degree}")
    return mean_degree, phi, n, runs, runs_per_network


def _top_nodes(degrees, top, rng):
    """Indices of the ``top`` share of nodes by degree, ties broken at random."""
    count = max(1, int(round(top * len(degrees))))
    shuffled = rng.permutation(len(degrees))
    ranked = shuffled[np.argsort(-degrees[shuffled], kind="stable")]
    return ranked[:count]


def _sizes(mean_degree, phi, n, runs, runs_per_network, rng, top=None):
    """Cascade sizes (node counts) from single seeds: random ones, and, when ``top`` is
    given, also seeds drawn from the top ``top`` share by degree (same networks)."""
    random_sizes = np.empty(runs, dtype=np.int64)
    top_sizes = np.empty(runs, dtype=np.int64) if top is not None else None
    for start in range(0, runs, runs_per_network):
        block = min(runs_per_network, runs - start)
        net = poisson_csr(n, mean_degree, seed=rng)
        need = required_active_neighbours(np.full(n, phi), net.degrees)
        seeds = rng.integers(0, n, block)
        random_sizes[start:start + block] = single_seed_sizes(net.indptr, net.indices, need, seeds)
        if top is not None:
            seeds = rng.choice(_top_nodes(net.degrees, top, rng), block)
            top_sizes[start:start + block] = single_seed_sizes(net.indptr, net.indices, need, seeds)
    return random_sizes, top_sizes


@renamed_keywords(z="mean_degree")
@seed_by_keyword
def cascade_sizes(mean_degree, phi, n=2000, runs=100, *, seed=None, runs_per_network=10):
    """Final cascade sizes (as fractions of ``n``) from one random seed each.

    Parameters
    ----------
    mean_degree : float
        Mean degree of the Poisson network.
    phi : float
        Threshold shared by everyone, in (0, 1].
    n : int, optional
        Network size, at least 2.
    runs : int, optional
        Number of cascades.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    runs_per_network : int, optional
        A new network is drawn every this many runs.

    Returns
    -------
    numpy.ndarray of float, shape (runs,)
        The share of the ``n`` nodes each cascade reached, seed included.

    Examples
    --------
    >>> sizes = cascade_sizes(3, 0.18, n=2000, runs=50, seed=1)
    >>> sizes.shape, bool(sizes.max() > 0.5)
    ((50,), True)
    """
    mean_degree, phi, n, runs, runs_per_network = _check_common(mean_degree, phi, n, runs, runs_per_network)
    sizes, _ = _sizes(mean_degree, phi, n, runs, runs_per_network, as_rng(seed))
    return sizes / n


@renamed_keywords(z="mean_degree")
@seed_by_keyword
def cascade_frequency(mean_degree, phi, n=10_000, runs=100, *, seed=None, cutoff=GLOBAL_CASCADE_CUTOFF,
                      runs_per_network=1):
    """Share of runs in which one random seed starts a global cascade.

    A cascade counts as global when it reaches at least ``cutoff`` (default 10%) of
    the ``n`` nodes. Its Monte Carlo standard error is ``sqrt(f (1 - f) / runs)``.
    By default every run gets its own network, as in Watts (2002).

    Parameters
    ----------
    mean_degree : float
        Mean degree of the Poisson networks, between 0 and ``n - 1``.
    phi : float
        Threshold shared by everyone, in (0, 1].
    n : int, optional
        Network size, at least 2.
    runs : int, optional
        Number of cascades.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    cutoff : float, optional
        Share of the ``n`` nodes a cascade must reach to count as global.
    runs_per_network : int, optional
        A new network is drawn every this many runs (default: every run).

    Returns
    -------
    float
        The share of runs with a global cascade.

    Examples
    --------
    >>> cascade_frequency(3, 0.18, n=2000, runs=200, seed=1) > 0.6
    True
    >>> cascade_frequency(8, 0.18, n=2000, runs=200, seed=1)
    0.0

    References
    ----------
    .. [1] D. J. Watts, "A simple model of global cascades on random networks",
       PNAS 99(9), 2002.
    """
    cutoff = check_probability(cutoff, "cutoff")
    mean_degree, phi, n, runs, runs_per_network = _check_common(mean_degree, phi, n, runs, runs_per_network)
    sizes, _ = _sizes(mean_degree, phi, n, runs, runs_per_network, as_rng(seed))
    return float(np.mean(sizes >= cutoff * n))


@dataclass(frozen=True)
class PhaseDiagram:
    """Simulated cascade frequency over a grid of mean degree (columns) and threshold (rows).

    ``frequency[i, j]``, ``stderr[i, j]`` and ``mean_global_size[i, j]`` belong to
    ``phis[i]`` and ``mean_degrees[j]``; ``mean_global_size`` is the mean fraction
    reached by the global cascades (NaN where there were none).

    Attributes
    ----------
    mean_degrees : numpy.ndarray, shape (columns,)
        Mean degrees of the grid.
    phis : numpy.ndarray, shape (rows,)
        Thresholds of the grid.
    frequency : numpy.ndarray, shape (rows, columns)
        Share of runs with a global cascade.
    stderr : numpy.ndarray, shape (rows, columns)
        Its standard error, ``sqrt(f (1 - f) / runs)``.
    mean_global_size : numpy.ndarray, shape (rows, columns)
        Mean fraction of the network reached by the global cascades.
    n : int
        Network size.
    runs : int
        Runs per grid cell.
    cutoff : float
        Share of the network a cascade must reach to count as global.

    Examples
    --------
    >>> diagram = cascade_phase_diagram([3], [0.18], n=500, runs=20, seed=1, progress=False)
    >>> list(diagram.to_frame().columns)
    ['mean_degree', 'phi', 'frequency', 'stderr', 'mean_global_size', 'theory_frequency', 'inside_window']
    """

    mean_degrees: np.ndarray
    phis: np.ndarray
    frequency: np.ndarray
    stderr: np.ndarray
    mean_global_size: np.ndarray
    n: int
    runs: int
    cutoff: float

    def to_frame(self):
        """Tidy table, one row per grid cell, with the analytic frequency and whether the
        cell lies inside the analytic cascade window."""
        import pandas as pd

        zz, pp = np.meshgrid(self.mean_degrees, self.phis)
        windows = {phi: cascade_window(phi) for phi in self.phis.tolist()}
        inside = [
            windows[p] is not None and windows[p][0] < z < windows[p][1]
            for z, p in zip(zz.ravel().tolist(), pp.ravel().tolist())
        ]
        return pd.DataFrame({
            "mean_degree": zz.ravel(),
            "phi": pp.ravel(),
            "frequency": self.frequency.ravel(),
            "stderr": self.stderr.ravel(),
            "mean_global_size": self.mean_global_size.ravel(),
            "theory_frequency": [cascade_frequency_theory(z, p) for z, p in zip(zz.ravel(), pp.ravel())],
            "inside_window": inside,
        })


def _progress(iterable, total, enabled, desc):
    if not enabled:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc)


@seed_by_keyword
def _phase_cell(mean_degree, phi, *, n, runs, runs_per_network, cutoff, seed):
    """One cell of :func:`cascade_phase_diagram` (module level, so processes and a Dask
    cluster can run it and the sweep cache can key it by its code)."""
    sizes, _ = _sizes(mean_degree, phi, n, runs, runs_per_network, seed)
    hits = sizes >= cutoff * n
    return {"frequency": float(hits.mean()),
            "global_size": float(sizes[hits].mean() / n) if hits.any() else float("nan")}


def cascade_phase_diagram(mean_degrees, phis, n=2000, runs=100, *, seed=None,
                          cutoff=GLOBAL_CASCADE_CUTOFF, runs_per_network=10, progress=None,
                          cache=None, n_jobs=1, client=None, scheduler=None):
    """Global-cascade frequency for every (threshold, mean degree) pair: the simulated
    counterpart of the cascade window of Watts (2002), Fig. 1.

    The grid runs through :func:`course_lib.sweeps.run_grid`: each cell gets its own
    random stream from ``seed`` and its own parameters, so a cell's value does not
    depend on the rest of the grid, on the order of the cells or on where it ran.

    Parameters
    ----------
    mean_degrees : sequence of float
        Mean degrees of the grid (the columns), each between 0 and ``n - 1``.
    phis : sequence of float
        Thresholds of the grid (the rows), each in (0, 1].
    n : int, optional
        Network size, at least 2.
    runs : int, optional
        Cascades per grid cell.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    cutoff : float, optional
        Share of the ``n`` nodes a cascade must reach to count as global.
    runs_per_network : int, optional
        A new network is drawn every this many runs.
    progress : None or bool, optional
        A progress bar over the grid: None shows one once the sweep has run 2 s.
    cache : None, False, True or path, optional
        Keep each cell's result on disk (:func:`course_lib.sweeps.run_grid`), so running
        the lesson again with the same arguments and ``seed`` is instant; True uses
        :func:`course_lib.sweeps.default_cache_dir`.
    n_jobs : int, optional
        Local processes for the cells (1, the default: in this process; -1: all cores).
    client : dask.distributed.Client, optional
        Run the cells on this Dask cluster instead.
    scheduler : str, optional
        Address of a Dask scheduler to connect to instead.

    Returns
    -------
    PhaseDiagram
        Frequency, standard error and mean global size per cell; ``.to_frame()`` adds
        the analytic frequency.

    Raises
    ------
    ValueError
        If ``mean_degrees`` or ``phis`` is empty or not a flat list, or a value is out
        of range.

    Examples
    --------
    >>> diagram = cascade_phase_diagram([2, 8], [0.18], n=1000, runs=40, seed=1, progress=False)
    >>> diagram.frequency.shape, bool(diagram.frequency[0, 0] > diagram.frequency[0, 1])
    ((1, 2), True)

    References
    ----------
    .. [1] D. J. Watts, "A simple model of global cascades on random networks",
       PNAS 99(9), 2002.
    """
    mean_degrees = np.asarray(mean_degrees, dtype=float)
    phis = np.asarray(phis, dtype=float)
    if mean_degrees.ndim != 1 or mean_degrees.size == 0:
        raise ValueError("mean_degrees must be a non-empty list of numbers")
    if phis.ndim != 1 or phis.size == 0:
        raise ValueError("phis must be a non-empty list of numbers")
    cutoff = check_probability(cutoff, "cutoff")
    for z in mean_degrees.tolist():
        for phi in phis.tolist():
            _check_common(z, phi, n, runs, runs_per_network)
    from ..sweeps import run_grid

    grid = {"phi": [float(v) for v in phis], "mean_degree": [float(v) for v in mean_degrees]}
    fixed = {"n": int(n), "runs": int(runs), "runs_per_network": int(runs_per_network), "cutoff": float(cutoff)}
    sweep = run_grid(_phase_cell, grid, seed=seed, fixed=fixed, cache=cache, n_jobs=n_jobs, client=client,
                     scheduler=scheduler, progress=progress)
    frequency = sweep.array("frequency").astype(float)
    global_size = sweep.array("global_size").astype(float)
    stderr = np.sqrt(frequency * (1 - frequency) / runs)
    return PhaseDiagram(mean_degrees, phis, frequency, stderr, global_size, n, runs, cutoff)


@dataclass(frozen=True)
class MultiplierResult:
    """Watts & Dodds (2007) multiplier: mean cascade size (fraction of the network) from
    a seed among the top ``top`` share by degree, over that from a random seed.

    Attributes
    ----------
    mean_degree : float
        Mean degree of the Poisson networks.
    phi : float
        Threshold shared by everyone.
    influential_mean_size : float
        Mean cascade size (fraction of the network) from an influential seed.
    random_mean_size : float
        Mean cascade size from a random seed.
    influential_stderr : float
        Standard error of ``influential_mean_size``.
    random_stderr : float
        Standard error of ``random_mean_size``.
    runs : int
        Runs for each kind of seed.
    multiplier : float
        ``influential_mean_size / random_mean_size`` (NaN if the latter is 0).

    References
    ----------
    .. [1] D. J. Watts and P. S. Dodds, "Influentials, networks, and public opinion
       formation", Journal of Consumer Research 34(4), 2007.
    """

    mean_degree: float
    phi: float
    influential_mean_size: float
    random_mean_size: float
    influential_stderr: float
    random_stderr: float
    runs: int

    @property
    def multiplier(self):
        """Influential over random mean cascade size (NaN if the random one is 0)."""
        if self.random_mean_size == 0:
            return float("nan")
        return self.influential_mean_size / self.random_mean_size

    def to_frame(self):
        """One-row table: ``mean_degree``, ``phi``, ``multiplier``, the two mean sizes and
        their standard errors, ``runs`` (the rows of :func:`multiplier_curve`)."""
        import pandas as pd

        return pd.DataFrame([{
            "mean_degree": self.mean_degree, "phi": self.phi, "multiplier": self.multiplier,
            "influential_mean_size": self.influential_mean_size, "random_mean_size": self.random_mean_size,
            "influential_stderr": self.influential_stderr, "random_stderr": self.random_stderr,
            "runs": self.runs,
        }])


@renamed_keywords(z="mean_degree")
@seed_by_keyword
def influentials_multiplier(mean_degree, phi, n=10_000, runs=200, top=0.1, *, seed=None, runs_per_network=10):
    """How much larger are cascades started by "influentials" (top 10% by degree)?

    Both kinds of seed are tried on the same networks. Sizes include every run, tiny
    or global, as in Watts & Dodds (2007, Fig. 2).

    Parameters
    ----------
    mean_degree : float
        Mean degree of the Poisson networks, between 0 and ``n - 1``.
    phi : float
        Threshold shared by everyone, in (0, 1].
    n : int, optional
        Network size, at least 2.
    runs : int, optional
        Cascades for each kind of seed.
    top : float, optional
        Share of nodes, by degree, that counts as influential, in (0, 1].
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    runs_per_network : int, optional
        A new network is drawn every this many runs.

    Returns
    -------
    MultiplierResult
        Mean sizes from both kinds of seed, their standard errors, and ``.multiplier``.

    Examples
    --------
    >>> result = influentials_multiplier(4, 0.18, n=2000, runs=100, seed=1)
    >>> bool(result.multiplier >= 1)
    True

    References
    ----------
    .. [1] D. J. Watts and P. S. Dodds, "Influentials, networks, and public opinion
       formation", Journal of Consumer Research 34(4), 2007.
    """
    mean_degree, phi, n, runs, runs_per_network = _check_common(mean_degree, phi, n, runs, runs_per_network)
    top = check_real(top, "top", minimum=0.0, maximum=1.0, strict_minimum=True)
    random_sizes, top_sizes = _sizes(mean_degree, phi, n, runs, runs_per_network, as_rng(seed), top=top)
    inf = top_sizes / n
    rnd = random_sizes / n
    return MultiplierResult(
        float(mean_degree), float(phi), float(inf.mean()), float(rnd.mean()),
        float(inf.std(ddof=1) / np.sqrt(runs)) if runs > 1 else float("nan"),
        float(rnd.std(ddof=1) / np.sqrt(runs)) if runs > 1 else float("nan"),
        runs,
    )


@seed_by_keyword
def multiplier_curve(mean_degrees, phi, n=10_000, runs=200, top=0.1, *, seed=None,
                     runs_per_network=10, progress=True):
    """:func:`influentials_multiplier` at each mean degree, as a tidy table.

    Each mean degree gets its own random stream spawned from ``seed``.

    Parameters
    ----------
    mean_degrees : sequence of float
        Mean degrees to try, each between 0 and ``n - 1``.
    phi : float
        Threshold shared by everyone, in (0, 1].
    n : int, optional
        Network size, at least 2.
    runs : int, optional
        Cascades for each kind of seed at each mean degree.
    top : float, optional
        Share of nodes, by degree, that counts as influential, in (0, 1].
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    runs_per_network : int, optional
        A new network is drawn every this many runs.
    progress : bool, optional
        Show a progress bar (tqdm) over the mean degrees.

    Returns
    -------
    pandas.DataFrame
        One row per mean degree, with columns ``mean_degree``, ``multiplier``,
        ``influential_mean_size``, ``random_mean_size``, ``influential_stderr``,
        ``random_stderr``.

    Raises
    ------
    ValueError
        If ``mean_degrees`` is empty or not a flat list, or a parameter is out of range.

    Examples
    --------
    >>> table = multiplier_curve([2, 4], 0.18, n=1000, runs=40, seed=1, progress=False)
    >>> table.shape, list(table.columns[:2])
    ((2, 6), ['mean_degree', 'multiplier'])

    References
    ----------
    .. [1] D. J. Watts and P. S. Dodds, "Influentials, networks, and public opinion
       formation", Journal of Consumer Research 34(4), 2007.
    """
    import pandas as pd

    mean_degrees = np.asarray(mean_degrees, dtype=float)
    if mean_degrees.ndim != 1 or mean_degrees.size == 0:
        raise ValueError("mean_degrees must be a non-empty list of numbers (the mean degrees to compare)")
    streams = as_rng(seed).spawn(mean_degrees.size)
    frames = [
        influentials_multiplier(z, phi, n, runs, top, seed=rng, runs_per_network=runs_per_network).to_frame()
        for z, rng in _progress(zip(mean_degrees.tolist(), streams), mean_degrees.size, progress, "multiplier")
    ]
    columns = ["mean_degree", "multiplier", "influential_mean_size", "random_mean_size",
               "influential_stderr", "random_stderr"]
    return pd.concat(frames, ignore_index=True)[columns]
