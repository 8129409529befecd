"""A sweep's grid: its cells, their random streams, and the result table.

A grid is either a mapping ``name -> values`` (the Cartesian product is swept, last
name fastest) or an explicit list of parameter dicts (swept in the list's order).
Every value must be a number, a string, a boolean, None or a tuple of these: hashable,
so a cell can be looked up, and JSON-able, so it can key a cache entry. Values reach
the swept function as plain Python objects (``numpy.float64(0.5)`` arrives as ``0.5``).

A cell is identified by its parameters. Its random stream is
``SeedSequence(entropy, spawn_key=words)`` where ``words`` are four 32-bit words of the
SHA-256 digest of the cell's parameters written as canonical JSON: it depends on the
sweep's seed and on the cell itself, never on the cell's position, the other cells, the
order the cells run in, ``n_jobs`` or the backend. So a shuffled or an extended grid
gives the same result in every cell it shares with the original.
"""
from __future__ import annotations

import hashlib
import json
import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["GridResult", "cell_seed_sequence"]

RESERVED = frozenset({"seed"})


def _plain(value, where):
    """``value`` as a plain JSON-able Python object, or ValueError naming ``where``."""
    if value is None or isinstance(value, (bool, np.bool_)):
        return None if value is None else bool(value)
    if isinstance(value, (numbers.Integral, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if math.isnan(value):
            raise ValueError(f"{where} is NaN: a grid value must be a number that equals itself")
        return value
    if isinstance(value, (str, np.str_)):
        return str(value)
    if isinstance(value, tuple):
        return tuple(_plain(item, where) for item in value)
    raise ValueError(
        f"{where} is {value!r} ({type(value).__name__}): grid values must be numbers, "
        f"strings, booleans, None or tuples of these (hashable and JSON-able)"
    )


def canonical_json(mapping):
    """Canonical JSON text of a dict of plain values (sorted keys, exact floats)."""
    return json.dumps(mapping, sort_keys=True, separators=(",", ":"), allow_nan=True)


def _check_name(name, what):
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"{what} names must be Python identifiers (keyword names), got {name!r}")
    if name in RESERVED:
        raise ValueError(f"{what} cannot name a parameter 'seed': run_grid passes each cell's seed itself")
    return name


def _values(values, name):
    if hasattr(values, "__array__") and not isinstance(values, np.ndarray):
        values = np.asarray(values)  # a pandas Series or Index
    if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, np.ndarray, range)):
        raise ValueError(
            f"grid[{name!r}] must be a list of values to sweep, got {values!r}; "
            f"write [{values!r}] for a single value"
        )
    if isinstance(values, np.ndarray) and values.ndim != 1:
        raise ValueError(f"grid[{name!r}] must be one-dimensional, got an array of shape {values.shape}")
    if len(values) == 0:
        raise ValueError(f"grid[{name!r}] is empty: give at least one value to sweep")
    plain = tuple(_plain(v, f"grid[{name!r}][{i}]") for i, v in enumerate(values))
    seen = {}
    for i, v in enumerate(plain):
        text = json.dumps(v, allow_nan=True)
        if text in seen:
            raise ValueError(f"grid[{name!r}] lists {v!r} twice (positions {seen[text]} and {i})")
        seen[text] = i
    return plain


def check_fixed(fixed, keyed):
    """Validate ``fixed`` (keyword arguments shared by every cell). When it keys a
    cache (``keyed``) its values must be plain like grid values; otherwise any object
    (a network, say) is passed through as it is."""
    if fixed is None:
        return {}
    if not isinstance(fixed, Mapping):
        raise TypeError(f"fixed must be a dict of keyword arguments, got {type(fixed).__name__}")
    checked = {}
    for name, value in fixed.items():
        _check_name(name, "fixed")
        try:
            checked[name] = _plain(value, f"fixed[{name!r}]")
        except ValueError as error:
            if keyed:
                raise ValueError(f"{error}; with a cache, fixed values key it: build such an "
                                 f"object inside func from parameters, or pass cache=False") from None
            checked[name] = value
    return checked


def parse_grid(grid):
    """Return ``(names, cells, axes)`` for a mapping or an explicit list of dicts.

    ``cells`` is a tuple of value tuples in the order of ``names``; ``axes`` the values
    of each name for a mapping (a Cartesian product), None for an explicit list.
    """
    if isinstance(grid, Mapping):
        if not grid:
            raise ValueError("grid must name at least one parameter, e.g. {'p': [0.1, 0.2]}")
        names = tuple(_check_name(n, "grid") for n in grid)
        axes = tuple(_values(grid[n], n) for n in names)
        shape = tuple(len(a) for a in axes)
        cells = tuple(tuple(axes[k][i] for k, i in enumerate(ix)) for ix in np.ndindex(*shape))
        return names, cells, axes
    if isinstance(grid, (str, bytes)) or not isinstance(grid, Sequence):
        raise TypeError(
            f"grid must be a dict name -> list of values, or a list of parameter dicts, "
            f"not {type(grid).__name__}"
        )
    if len(grid) == 0:
        raise ValueError("grid is an empty list of parameter dicts: give at least one cell")
    first = grid[0]
    if not isinstance(first, Mapping) or not first:
        raise ValueError(f"grid[0] must be a non-empty dict of parameters, got {first!r}")
    names = tuple(_check_name(n, "grid") for n in first)
    cells, seen = [], {}
    for i, cell in enumerate(grid):
        if not isinstance(cell, Mapping):
            raise ValueError(f"grid[{i}] must be a dict of parameters, got {cell!r}")
        if set(cell) != set(names):
            raise ValueError(
                f"grid[{i}] has parameters {sorted(cell)}, but grid[0] has {sorted(names)}: "
                f"every cell must name the same parameters"
            )
        values = tuple(_plain(cell[n], f"grid[{i}][{n!r}]") for n in names)
        text = canonical_json(dict(zip(names, values)))
        if text in seen:
            raise ValueError(f"grid[{seen[text]}] and grid[{i}] are the same cell {dict(zip(names, values))}")
        seen[text] = i
        cells.append(values)
    return names, tuple(cells), None


def cell_seed_sequence(entropy, params):
    """The random stream of one grid cell, the same whatever order cells run in.

    Parameters
    ----------
    entropy : int or sequence of int
        The sweep's seed entropy (``numpy.random.SeedSequence(seed).entropy``).
    params : dict
        The cell's parameters, plain JSON values; key order does not matter.

    Returns
    -------
    numpy.random.SeedSequence
        A child of ``entropy`` whose spawn key is a hash of ``params``.

    Examples
    --------
    >>> a = cell_seed_sequence(1, {"p": 0.5, "q": 2})
    >>> b = cell_seed_sequence(1, {"q": 2, "p": 0.5})
    >>> a.generate_state(2).tolist() == b.generate_state(2).tolist()
    True
    """
    digest = hashlib.sha256(canonical_json(params).encode()).digest()
    words = tuple(int.from_bytes(digest[i:i + 4], "little") for i in range(0, 16, 4))
    return np.random.SeedSequence(entropy, spawn_key=words)


def _is_number(value):
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


@dataclass(frozen=True, eq=False)
class GridResult:
    """Results of a sweep, one per grid cell, in the grid's order.

    Attributes
    ----------
    names : tuple of str
        Parameter names, in the grid's order.
    cells : tuple of tuple
        Each cell's parameter values, in the order of ``names``.
    results : tuple
        What the function returned for each cell.
    from_cache : tuple of bool
        Whether each result was read from the cache instead of computed.
    seed : int or None
        Entropy of the sweep's seed (None when the function is deterministic): cell
        ``i`` drew from ``numpy.random.default_rng(cell_seed_sequence(seed, params(i)))``.
    axes : tuple of tuple or None
        Values of each parameter when the grid was a mapping (a Cartesian product).
    func_name : str
        Qualified name of the swept function.
    """

    names: tuple
    cells: tuple
    results: tuple
    from_cache: tuple
    seed: int | None
    axes: tuple | None
    func_name: str

    def __len__(self):
        return len(self.cells)

    def __repr__(self):
        shape = " x ".join(str(len(a)) for a in self.axes) + " grid" if self.axes else "grid"
        return (f"GridResult({self.func_name} over {shape} of {', '.join(self.names)}: "
                f"{len(self)} cells, {sum(self.from_cache)} from cache)")

    @property
    def computed(self):
        """Number of cells computed in this run (not read from the cache)."""
        return len(self) - sum(self.from_cache)

    def params(self, index):
        """Parameters of cell ``index`` as a dict."""
        return dict(zip(self.names, self.cells[index]))

    def rng(self, index):
        """The random generator cell ``index`` was given (a fresh copy)."""
        if self.seed is None:
            raise ValueError("this sweep was deterministic: its cells got no seed")
        return np.random.default_rng(cell_seed_sequence(self.seed, self.params(index)))

    def to_frame(self):
        """Table with one row per cell: a column per parameter, then a column per key
        when the function returned dicts, else one ``value`` column."""
        import pandas as pd

        frame = pd.DataFrame(list(self.cells), columns=list(self.names))
        if all(isinstance(r, Mapping) for r in self.results):
            values = pd.DataFrame.from_records([dict(r) for r in self.results])
            clash = sorted(set(values.columns) & set(self.names))
            if clash:
                raise ValueError(f"result keys {clash} are also parameter names: rename them in the function")
            return pd.concat([frame, values], axis=1)
        column = list(self.results)
        frame["value"] = column if all(_is_number(r) for r in column) else pd.Series(column, dtype=object)
        return frame

    def _positions(self):
        """Axes and each cell's position on them; ValueError if the cells are not a
        full Cartesian product."""
        if self.axes is not None:
            return self.axes, None
        axes = []
        for k in range(len(self.names)):
            unique = {json.dumps(c[k], allow_nan=True): c[k] for c in self.cells}
            values = list(unique.values())
            try:
                values.sort()
            except TypeError:
                pass  # mixed types: keep the order of first appearance
            axes.append(tuple(values))
        shape = tuple(len(a) for a in axes)
        if math.prod(shape) != len(self.cells):
            raise ValueError(
                f"the cells do not fill a grid: {len(self.cells)} cells, but the parameter "
                f"values span {' x '.join(map(str, shape))}; use to_frame() instead"
            )
        lookup = [{json.dumps(v, allow_nan=True): i for i, v in enumerate(a)} for a in axes]
        order = [np.ravel_multi_index(
            tuple(lookup[k][json.dumps(c[k], allow_nan=True)] for k in range(len(c))), shape)
            for c in self.cells]
        return tuple(axes), np.argsort(order)

    def array(self, key=None):
        """Results as an array shaped like the grid, ``len(values)`` along each parameter
        in the order of ``names`` (then the shape of each result, if they are arrays).

        Parameters
        ----------
        key : str, optional
            Which entry of each result, when the function returned dicts.

        Raises
        ------
        ValueError
            If the results are dicts and no ``key`` (or an unknown one) is named, or if
            an explicit list of cells does not fill a Cartesian product.
        """
        values = list(self.results)
        if key is None:
            if values and all(isinstance(v, Mapping) for v in values):
                raise ValueError(f"the results are dicts: name a key, one of {sorted(values[0])}")
        else:
            try:
                values = [v[key] for v in values]
            except (KeyError, TypeError):
                raise ValueError(f"key {key!r} is not in every result") from None
        axes, order = self._positions()
        if order is not None:
            values = [values[i] for i in order]
        shape = tuple(len(a) for a in axes)
        try:
            data = np.array(values)
            return data.reshape(shape + data.shape[1:])
        except ValueError:  # ragged results
            data = np.empty(len(values), dtype=object)
            for i, value in enumerate(values):
                data[i] = value
            return data.reshape(shape)
