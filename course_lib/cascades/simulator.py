"""Many single cascades on one network, with the set-up done once.

:func:`~course_lib.cascades.independent_cascade` and
:func:`~course_lib.cascades.linear_threshold` check their arguments, map seed labels to
rows, seed a random stream and build a ``frozenset`` of active labels on every call:
several microseconds, more than a small cascade itself. A :class:`CascadeSimulator` does
the checks once, keeps its own work arrays and random state, and a run is one compiled
call.
"""
from __future__ import annotations


from .._deprecation import renamed_attribute
from .._guard import reference
from ..networks import compile_network, node_indices
from ._rng import rng_state
from ._spread_kernels import ic_run, lt_run
from ._workspace import Workspace
from .independent import _active_labels, _arc_values, _check_model, _lt_thresholds, _lt_weights, _result

__all__ = ["CascadeSimulator"]


class CascadeSimulator:
    """Repeated independent cascade (IC) or linear threshold (LT) runs on one network.

    Each :meth:`run` is one cascade with fresh randomness from the simulator's own
    stream, drawn from the same distribution as :func:`independent_cascade` or
    :func:`linear_threshold` with the same parameters.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        Compile it once with :func:`course_lib.networks.compile_network` to share it
        between simulators.
    model : {"ic", "lt"}
    p : float, mapping or sequence
        IC probability, as in :func:`independent_cascade`; ignored for LT.
    seed : None, int or numpy.random.Generator
        Seeds the simulator's random stream: the same seed gives the same sequence of runs.
    thresholds, weights : LT only (with IC they raise ``ValueError``), as in
        :func:`linear_threshold`. Given thresholds serve every run; by default each run
        draws its own.

    Attributes
    ----------
    net : CompiledNetwork
    model : str
    size : int or None
        Number of active nodes after the last run (None before the first).
    rounds : int or None
        Rounds of the last run in which someone new activated.

    Notes
    -----
    ``run(seeds)`` with a list or tuple maps the labels to rows only when it differs (by
    value) from the previous call's; other collections are mapped on every call (about
    2 us). :meth:`set_seeds` fixes the seeds once. A simulator is not thread-safe: give
    each thread its own.

    Examples
    --------
    >>> import networkx as nx
    >>> sim = CascadeSimulator(nx.path_graph(4), "ic", p=1.0)
    >>> sim.run([0])
    4
    >>> sorted(sim.active), sim.rounds
    ([0, 1, 2, 3], 3)

    The mean of many runs estimates the expected spread (exact here: 1 + 0.5 + 0.25).

    >>> sim = CascadeSimulator(nx.path_graph(3), "ic", p=0.5, seed=1)
    >>> sizes = [sim.run([0]) for _ in range(20_000)]
    >>> abs(sum(sizes) / len(sizes) - 1.75) < 0.03   # 5 standard errors: 0.83 / sqrt(20,000)
    True
    >>> CascadeSimulator(nx.star_graph(3), "lt", thresholds=0.5).run([1, 2])
    4
    """

    @reference
    def __init__(self, G, model="ic", p=0.1, seed=None, thresholds=None, weights=None):
        self.model = _check_model(model)
        self.net = net = compile_network(G)
        self._rng = rng_state(seed)
        # its own work arrays (the public functions share one set per network)
        work = Workspace(net.n)
        self._order, self._round_end = work.order, work.round_end
        if model == "ic":
            if thresholds is not None or weights is not None:
                raise ValueError("thresholds and weights are options of model='lt'; the independent cascade uses p")
            prob, arc_p = _arc_values(net, p, "p")
            self._kernel = ic_run
            self._head = (net.indptr, net.indices)
            self._tail = (prob, arc_p, self._rng, work.active, work.work)
        else:
            self._kernel = lt_run
            self._head = (net.indptr, net.indices, _lt_weights(net, weights))
            self._tail = (_lt_thresholds(net, thresholds), self._rng, work.acc, work.order, work.round_end)
        self._args = None
        self._seed_key = None
        self.spread = None
        self.rounds = None

    size = renamed_attribute("size", "spread")

    def __repr__(self):
        return f"CascadeSimulator(model={self.model!r}, n={self.net.n})"

    def set_seeds(self, seeds):
        """Start the next runs from ``seeds`` (a node or an iterable of nodes); returns self."""
        rows = node_indices(self.net, seeds, "seeds")
        self._seed_key = tuple(seeds) if type(seeds) in (list, tuple) else None
        self._args = self._head + (rows,) + self._tail
        return self

    def run(self, seeds=None):
        """Run one cascade from ``seeds`` (default: the last seeds given); return its spread
        (the number of adopters)."""
        if seeds is not None:
            try:
                same = type(seeds) in (list, tuple) and tuple(seeds) == self._seed_key
            except ValueError:  # elements compared as arrays: treat as new seeds
                same = False
            if not same:
                self.set_seeds(seeds)
        elif self._args is None:
            raise ValueError("seeds: give them to run(seeds) or set_seeds(seeds) before the first run")
        self.spread, self.rounds = self._kernel(*self._args)
        return self.spread

    def _check_ran(self):
        if self.spread is None:
            raise RuntimeError("no cascade yet: call run() first")

    @property
    def active(self):
        """Labels of the nodes active at the end of the last run, as a frozenset."""
        self._check_ran()
        return _active_labels(self.net, self._order, self.spread)

    def result(self):
        """The last run as a :class:`CascadeResult`, as :func:`independent_cascade` returns it."""
        self._check_ran()
        return _result(self.net, self.spread, self.rounds, self._order, self._round_end)
