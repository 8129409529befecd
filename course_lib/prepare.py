"""Compile the lessons' numba kernels ahead of time: ``python -m course_lib.prepare``.

The library's compiled loops are numba functions with ``cache=True``: the first call in
a fresh install compiles them (about 14 s in all for lesson 03, 7 s for lesson 01) and
saves the machine code in numba's on-disk cache, from which every later call, in any
later session, loads it in milliseconds. The README's open command runs this module once
after installing, so a student's first Run All loads compiled code instead of waiting
for it, and ``binder/postBuild`` runs it when Binder builds the image.

Each group calls the public functions the lessons call, on tiny inputs, so the kernels
compile for exactly the argument types the lessons pass (numba compiles one machine
version per combination of argument types; a lesson calling with other types would
compile again). ``tests/test_prepare.py`` runs lesson 03 after this module and checks
that nothing compiles. A second run finds everything in the cache and takes a few
seconds; editing a kernel's source file makes numba compile that file's kernels again.
"""
from __future__ import annotations

import sys
import time

import networkx as nx

__all__ = ["GROUPS", "prepare"]


def _networks():
    from . import centrality, networks, sampling

    G = networks.poisson_network(30, 4.0, seed=1)  # an edge list compiled to arrays
    centrality.centrality_table(G, seed=1)  # betweenness: Brandes's algorithm
    sampling.probability_connected(G, 5, runs=5, seed=1)


def _threshold_cascades():
    from .cascades import cascade_sizes, threshold_cascade

    threshold_cascade(nx.path_graph(6), 0.5, [0])
    cascade_sizes(3.0, 0.18, n=40, runs=4, seed=1)


def _word_of_mouth():
    from .cascades import expected_spread, independent_cascade, linear_threshold

    G = nx.cycle_graph(8)
    # single runs draw from a xoshiro state, Monte Carlo estimates from a Generator:
    # each model's kernel compiles once for each
    independent_cascade(G, [0], 0.5, seed=1)
    linear_threshold(G, [0], seed=1)
    expected_spread(G, [0], "ic", 0.5, runs=5, seed=1)
    expected_spread(G, [0], "lt", runs=5, seed=1)


def _greedy_seeding():
    from .cascades import sample_live_edge_worlds
    from .seeding import greedy_selection

    G = nx.barabasi_albert_graph(30, 2, seed=1)
    for model in ("ic", "lt"):
        sample = sample_live_edge_worlds(G, model, 0.3, worlds=4, seed=1)
        sample.gains()  # the first step: every node's gain at once
        covered = sample.new_cover()
        sample.cover(covered, 0)
        sample.marginal_gain(covered, 1)
        sample.gains(covered, [1, 2, 3])  # later steps: a few candidates
    greedy_selection(G, 3, p=0.3, worlds=4, seed=1)


def _q_voter():
    from .voter import mixed_market_path, simulate_mixed_market, simulate_qvoter

    simulate_qvoter(20, 2, 0.1, "independence", 2, seed=1)
    simulate_mixed_market(20, 2, 0.2, 0.1, 2, seed=1)
    mixed_market_path(2, 0.2, 0.1, sweeps=2)


#: The groups of kernels compiled, in order: name, lessons that use them, function.
GROUPS = {
    "networks": ("lessons 00-02, 07, 09, 10", _networks),
    "threshold cascades": ("lessons 00, 02, 03", _threshold_cascades),
    "word of mouth": ("lesson 03", _word_of_mouth),
    "greedy seeding": ("lessons 01, 03", _greedy_seeding),
    "q-voter": ("lesson 05", _q_voter),
}


def _compiles():
    """A counter of numba compilations of course_lib's kernels (a load from the cache is
    not one), and the listener to register."""
    from numba.core import event

    count = [0]

    class Counter(event.Listener):
        def on_start(self, ev):
            function = ev.data["dispatcher"].py_func
            if function.__module__.startswith("course_lib.") and "<locals>" not in function.__qualname__:
                count[0] += 1

        def on_end(self, ev):
            pass

    return count, Counter()


def prepare(groups=None, *, echo=print):
    """Compile (or load from numba's cache) the kernels of ``groups``.

    Parameters
    ----------
    groups : sequence of str, optional
        Names from :data:`GROUPS`; all of them by default.
    echo : callable or None, optional
        Called with one progress line per group and a last line with the total;
        None prints nothing.

    Returns
    -------
    dict
        Seconds each group took, by name; None for a group that failed (its error is
        reported in its line, and its kernels compile on first use instead).

    Raises
    ------
    ValueError
        If ``groups`` names an unknown group.

    Examples
    --------
    >>> seconds = prepare(["q-voter"], echo=None)
    >>> list(seconds)
    ['q-voter']
    """
    from numba.core import event

    names = list(GROUPS) if groups is None else list(groups)
    unknown = [name for name in names if name not in GROUPS]
    if unknown:
        raise ValueError(f"groups must be among {list(GROUPS)}, got {unknown[0]!r}")
    echo = echo or (lambda line: None)
    count, listener = _compiles()
    event.register("numba:compile", listener)
    seconds = {}
    start = time.perf_counter()
    try:
        for name in names:
            lessons, run = GROUPS[name]
            before, t = count[0], time.perf_counter()
            try:
                run()
            except Exception as error:  # the lessons must still open: report and go on
                seconds[name] = None
                echo(f"  {name} ({lessons}): could not compile ({type(error).__name__}: {error}); "
                     "its kernels will compile on first use instead")
                continue
            seconds[name] = time.perf_counter() - t
            compiled = count[0] - before
            done = f"compiled {compiled} kernel{'s' * (compiled != 1)}" if compiled else "already compiled"
            echo(f"  {name} ({lessons}): {done}, {seconds[name]:.1f} s")
    finally:
        event.unregister("numba:compile", listener)
    echo(f"Compiled code for the lessons is ready ({count[0]} compiled) in {time.perf_counter() - start:.1f} s")
    return seconds


if __name__ == "__main__":
    print("Compiling the lessons' numba kernels into numba's cache (once per install)...")
    prepare(sys.argv[1:] or None)
