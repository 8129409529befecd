"""An explorer declared once, with two front ends: live widgets and a kernel-free page.

A declaration names the explorer's controls (sliders and choices, with their ranges) and
one ``render(**values) -> altair chart``. From it come

- :meth:`ExplorerDeclaration.explorer`: the ipywidgets :class:`~course_lib.explore.Explorer`
  of the lessons, which calls ``render`` whenever a control moves;
- :meth:`ExplorerDeclaration.static_spec`: one Vega-Lite spec for the course website in
  which the same controls are Vega-Lite parameters bound to range and select inputs, over
  ``render``'s charts precomputed at every point of a grid.

Both call the same ``render``, so the two cannot drift apart. The static spec is built by
rendering every grid point, taking each view's data from each chart and stacking them
with the control values as extra columns; every view then filters on the parameters.
Views whose data or title do not depend on the controls are kept once.

Where the full grid would be too large for a page, a control's ``site_step`` makes it
coarser, and the page says so.
"""
from __future__ import annotations

import itertools
import json
import math
import warnings
from dataclasses import dataclass, field

__all__ = ["Range", "Choice", "ExplorerDeclaration", "MAX_SITE_CELLS"]

#: The largest grid a page may precompute (the size budget of a page of the website).
MAX_SITE_CELLS = 2000

_PREFIX = "ctl_"  # Vega parameter names, kept apart from the charts' field names


def _decimals(step):
    text = f"{step:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


@dataclass(frozen=True)
class Range:
    """A slider over ``lo .. hi`` in steps of ``step``.

    Attributes
    ----------
    name : str
        The keyword ``render`` receives.
    label : str
        What the student reads next to the slider.
    lo : float
        The smallest value.
    hi : float
        The largest value, above ``lo``.
    step : float
        The step of the widget, positive.
    default : float
        The starting value (``lo <= default <= hi``).
    fmt : str
        The readout format of the widget (``".2f"``; ``"d"`` for whole numbers).
    site_step : float or None
        A coarser step for the website's grid (a multiple of ``step``), or None for ``step``.
    continuous : bool
        Whether the widget updates while it is dragged (cheap charts only).

    Examples
    --------
    >>> Range("sd", "spread", 1.0, 3.0, 0.5, 2.0).grid()
    (1.0, 1.5, 2.0, 2.5, 3.0)
    """

    name: str
    label: str
    lo: float
    hi: float
    step: float
    default: float
    fmt: str = ".2f"
    site_step: float | None = None
    continuous: bool = False

    def __post_init__(self):
        if not self.step > 0:
            raise ValueError(f"explorer control {self.name!r}: step must be positive, got {self.step}")
        if not self.lo < self.hi:
            raise ValueError(f"explorer control {self.name!r}: the range is empty or inverted "
                             f"(lo = {self.lo}, hi = {self.hi})")
        if not self.lo <= self.default <= self.hi:
            raise ValueError(f"explorer control {self.name!r}: default {self.default} is outside "
                             f"{self.lo} .. {self.hi}")
        if self.site_step is not None:
            ratio = self.site_step / self.step
            if self.site_step < self.step or abs(ratio - round(ratio)) > 1e-9:
                raise ValueError(f"explorer control {self.name!r}: site_step must be a multiple of "
                                 f"step = {self.step}, got {self.site_step}")

    @property
    def whole(self):
        return self.fmt == "d"

    def _value(self, x):
        x = round(x, _decimals(self.step))
        return int(round(x)) if self.whole else float(x)

    def grid(self, *, site=False):
        """The values the control can take (on the website's coarser grid if ``site``),
        always including ``default``."""
        step = self.site_step if (site and self.site_step) else self.step
        count = int(math.floor((self.hi - self.lo) / step + 1e-9)) + 1
        values = {self._value(self.lo + i * step) for i in range(count)}
        values.add(self._value(self.default))
        return tuple(sorted(values))

    def widget(self):
        import ipywidgets as widgets

        cls = widgets.IntSlider if self.whole else widgets.FloatSlider
        extra = {} if self.whole else {"readout_format": self.fmt}
        return cls(value=self._value(self.default), min=self._value(self.lo), max=self._value(self.hi),
                   step=self._value(self.step), description=self.label, continuous_update=self.continuous,
                   style={"description_width": "initial"}, layout=widgets.Layout(width="340px"), **extra)

    def binding(self, *, site=True):
        step = self.site_step if (site and self.site_step) else self.step
        return {"input": "range", "min": self._value(self.lo), "max": self._value(self.hi),
                "step": self._value(step), "name": self.label + " "}

    def key_expr(self):
        return f"format({_PREFIX}{self.name}, '.{_decimals(self.step)}f')"

    def key(self, value):
        return f"{value:.{_decimals(self.step)}f}"

    def filter_expr(self, field):
        # the same key as the lookups: a default off the site grid (0.005 on a 0.008 grid)
        # must not also match its neighbour, which a tolerance of half a step would
        places = _decimals(self.step)
        return f"format(datum[{json.dumps(field)}], '.{places}f') == format({_PREFIX}{self.name}, '.{places}f')"


@dataclass(frozen=True)
class Choice:
    """A choice among a few options (toggle buttons in JupyterLab, a menu on the website).

    Attributes
    ----------
    name : str
        The keyword ``render`` receives.
    label : str
        What the student reads next to the options.
    options : tuple of (str, value)
        ``(label, value)`` pairs; values are strings or numbers.
    default : str or number
        One of the values.
    menu : bool
        Show a drop-down menu instead of toggle buttons in JupyterLab.

    Examples
    --------
    >>> Choice("model", "model", (("independent cascade", "ic"), ("linear threshold", "lt")), "ic").grid()
    ('ic', 'lt')
    """

    name: str
    label: str
    options: tuple
    default: object
    menu: bool = False

    def __post_init__(self):
        values = [value for _, value in self.options]
        if not values:
            raise ValueError(f"explorer control {self.name!r}: options is empty")
        if self.default not in values:
            raise ValueError(f"explorer control {self.name!r}: default {self.default!r} is not one of {values}")

    def grid(self, *, site=False):
        return tuple(value for _, value in self.options)

    def widget(self):
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        if self.menu:
            return widgets.Dropdown(options=list(self.options), value=self.default, description=self.label,
                                    style=style, layout=widgets.Layout(width="240px"))
        return widgets.ToggleButtons(options=list(self.options), value=self.default, description=self.label,
                                     style={**style, "button_width": "auto"})

    def binding(self, *, site=True):
        return {"input": "select", "options": [value for _, value in self.options],
                "labels": [label for label, _ in self.options], "name": self.label + " "}

    def key_expr(self):
        return f"'' + {_PREFIX}{self.name}"

    def key(self, value):
        return str(value)

    def filter_expr(self, field):
        return f"datum[{json.dumps(field)}] == {_PREFIX}{self.name}"


@dataclass(frozen=True)
class ExplorerDeclaration:
    """An explorer's controls and its ``render(**values) -> altair chart``, once.

    Attributes
    ----------
    name : str
        A short identifier (the website's file names use it).
    controls : tuple of Range or Choice
        In the order they are shown.
    render : callable
        ``render(**values)`` returns the chart for one setting of the controls.
    note : str or None
        HTML shown under the controls.
    _names : tuple of str
        The controls' names, in order (set from ``controls``, not passed).

    Examples
    --------
    >>> import altair as alt, pandas as pd
    >>> def render(slope):
    ...     frame = pd.DataFrame({"x": [0, 1], "y": [0, slope]})
    ...     return alt.Chart(frame, title=f"slope {slope:g}").mark_line().encode(x="x", y="y")
    >>> line = ExplorerDeclaration("line", (Range("slope", "slope", 0.0, 2.0, 0.5, 1.0),), render)
    >>> spec = line.static_spec()
    >>> spec["params"][0]["bind"]["input"], len(spec["datasets"]["grid_0"])
    ('range', 10)
    """

    name: str
    controls: tuple
    render: object
    note: str | None = None
    _names: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        names = tuple(c.name for c in self.controls)
        if not names or len(set(names)) != len(names):
            raise ValueError(f"explorer {self.name!r}: controls must be non-empty with distinct names, got {names}")
        object.__setattr__(self, "_names", names)

    @property
    def defaults(self):
        return {c.name: c.default for c in self.controls}

    def explorer(self, **values):
        """The ipywidgets front end, starting at ``values`` (the defaults otherwise)."""
        from .base import Explorer

        unknown = set(values) - set(self._names)
        if unknown:
            raise TypeError(f"{self.name}: unknown control(s) {sorted(unknown)}; it has {list(self._names)}")
        controls = {}
        for control in self.controls:
            widget = control.widget()
            if control.name in values:
                widget.value = values[control.name]
            controls[control.name] = widget
        explorer = Explorer(controls, self.render, note=self.note)
        explorer.declaration = self
        return explorer

    def site_cells(self):
        """Every setting of the website's grid, as dicts, in a fixed order."""
        grids = [c.grid(site=True) for c in self.controls]
        return [dict(zip(self._names, point)) for point in itertools.product(*grids)]

    def coarser_on_site(self):
        """Labels of the controls whose website grid is coarser than the widget's."""
        return [c.label for c in self.controls if isinstance(c, Range) and c.site_step]

    def static_spec(self, *, max_cells=MAX_SITE_CELLS, progress=False, compact=True, cache=None, n_jobs=1,
                    client=None):
        """One Vega-Lite spec (a dict) in which the controls are bound inputs over the
        charts of every grid setting: the kernel-free front end.

        The charts are rendered by :func:`course_lib.sweeps.run_grid`, the course's one
        grid runner, so they can be cached on disk and computed on several cores or a
        Dask cluster.

        Parameters
        ----------
        max_cells : int
            The largest grid allowed.
        progress : bool or None
            A progress bar: False never, True at once, None after 2 s.
        compact : bool
            Round the precomputed numbers to six significant digits (a smaller page).
        cache : None, False, True or path
            As for :func:`~course_lib.sweeps.run_grid`. A cached chart is keyed by the
            explorer's name, the setting, every value ``render`` captured
            (:func:`course_lib.sweeps.fingerprint.function_fingerprint`) and the source of
            the whole library (:func:`~course_lib.sweeps.fingerprint.library_fingerprint`),
            so any edit of ``course_lib`` recomputes. A ``render`` that captured something
            with no fingerprint is rendered without the cache, with a warning.
        n_jobs : int or None
            Local processes (1: in this process, where ``render``'s own caches help).
        client : dask.distributed.Client, optional
            Render on this Dask cluster.

        Returns
        -------
        dict
            A Vega-Lite spec for ``vegaEmbed``.

        Raises
        ------
        ValueError
            When the grid has more than ``max_cells`` settings (give a ``site_step``).
        """
        from ..sweeps import run_grid
        from ..sweeps.fingerprint import function_fingerprint, library_fingerprint

        cells = self.site_cells()
        if len(cells) > max_cells:
            raise ValueError(f"explorer {self.name!r}: its website grid has {len(cells)} settings, more than "
                             f"the {max_cells} a page may hold; give a coarser site_step to "
                             f"{[c.name for c in self.controls if isinstance(c, Range)]}")
        version = None
        if cache is not None and cache is not False:
            try:
                version = f"{self.name}-{library_fingerprint()}-{function_fingerprint(self.render)}"
            except TypeError as error:
                warnings.warn(f"explorer {self.name!r} is rendered without the cache: {error}",
                              RuntimeWarning, stacklevel=2)
                cache = None
        result = run_grid(_SiteChart(self.render), cells, stochastic=False, cache=cache, version=version,
                          n_jobs=n_jobs, client=client, progress=progress)
        spec = _merge(self, list(zip(cells, result.results)), compact=compact)
        return _as_csv(spec) if compact else spec


class _SiteChart:
    """``render``'s chart at one setting as a Vega-Lite dict: a grid cell of the website."""

    __name__ = "site_chart"

    def __init__(self, render):
        self.render = render

    def __call__(self, **setting):
        # validate=False: altair's schema check costs 50 ms a chart; the merged spec is valid
        # when each chart is, and the tests validate a rendered one
        return self.render(**setting).to_dict(validate=False)


def _views(spec, path=()):
    """(path, node) of every node that may carry data, a title or transforms."""
    yield path, spec
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for i, child in enumerate(spec.get(key, [])):
            yield from _views(child, path + (key, i))
    if "spec" in spec:  # facet / repeat
        yield from _views(spec["spec"], path + ("spec",))


def _node(spec, path):
    for step in path:
        spec = spec[step]
    return spec


def _compact(value):
    # six significant digits: invisible on a chart, and a page a third the size
    if isinstance(value, float) and math.isfinite(value):
        return float(f"{value:.6g}")
    return value


def _csv_columns(rows):
    """Column name -> Vega parse type ("number", "boolean", or None for text) when ``rows``
    can travel as CSV and read back the same; None when they cannot."""
    names = list(rows[0])
    kinds = dict.fromkeys(names)  # None until a value that is not null is seen
    nulls = set()
    for row in rows:
        if list(row) != names:  # a key missing or in another order: keep the objects
            return None
        for name, value in row.items():
            if value is None:
                nulls.add(name)
                continue
            kind = ("boolean" if isinstance(value, bool) else "number" if isinstance(value, (int, float))
                    else "text" if isinstance(value, str) and "\n" not in value else None)
            if kind is None or kinds[name] not in (None, kind):
                return None
            kinds[name] = kind
    if any(kinds[name] in ("text", None) for name in nulls):
        return None  # an empty CSV cell reads back as "" in a text column, not as null
    return {name: None if kind == "text" else kind for name, kind in kinds.items()}


def _as_csv(spec, min_chars=20_000):
    """The spec with its large stacked data sets written as CSV text (the column names once,
    not on every row: a page a third to a quarter the size), each view that reads one told
    how to parse its columns. Data sets that would not come back identical stay as objects."""
    import csv
    import io

    refs = {}

    def walk(node):
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and "name" in data:
                refs.setdefault(data["name"], []).append(data)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    for name, rows in list(spec.get("datasets", {}).items()):
        if not rows or not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows) \
                or len(json.dumps(rows)) < min_chars or name not in refs:
            continue
        columns = _csv_columns(rows)
        if columns is None or any("format" in ref for ref in refs[name]):
            continue
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else ("true" if v is True else "false" if v is False else
                                                   repr(v) if isinstance(v, float) else v) for v in row.values()])
        spec["datasets"][name] = out.getvalue()
        parse = {column: kind for column, kind in columns.items() if kind}
        for ref in refs[name]:
            ref["format"] = {"type": "csv", "parse": parse}
    return spec


def _lookup(controls, per_cell, values, key_expr):
    table = {"|".join(c.key(cell[c.name]) for c in controls): value for (cell, _), value in zip(per_cell, values)}
    return {"expr": f"({json.dumps(table, ensure_ascii=False)})[{key_expr}]"}


_STRUCTURE = ("data", "transform", "title", "datasets", "params", "layer", "hconcat", "vconcat", "concat", "spec")


def _vary(declaration, node, per_cell, key_expr, where=()):
    """Replace every setting of ``node`` (a mark or encoding, say) that differs between
    grid cells by a lookup on the controls."""
    values = [_node(n, where) for _, n in per_cell]
    if all(v == values[0] for v in values):
        return
    target = _node(node, where[:-1]) if where else None
    if isinstance(values[0], dict) and all(isinstance(v, dict) and v.keys() == values[0].keys() for v in values):
        for key in values[0]:
            if not where and key in _STRUCTURE:
                continue
            _vary(declaration, node, per_cell, key_expr, where + (key,))
        return
    if where[-1:] == ("description",):
        # Vega-Lite takes no expression here, and the default's text would state numbers
        # that are wrong at other settings: the page goes without
        _node(node, where[:-1]).pop("description", None)
        return
    if where[-2:] == ("scale", "domain"):
        # an expression domain breaks Vega inside a facet or a concatenation ("Undefined data
        # set name"), and a union would make the page differ from the widget
        channel = where[-3] if len(where) >= 3 else "?"
        raise ValueError(f"explorer {declaration.name!r}: the {channel!r} scale's domain changes with the "
                         "settings; give the chart a fixed domain (the same for every setting) so the "
                         "page and the widget draw alike")
    if target is None:
        raise ValueError(f"explorer {declaration.name!r}: its charts differ in structure between settings")
    target[where[-1]] = _lookup(declaration.controls, per_cell, values, key_expr)


def _depends_on(controls, cells, rows):
    """The controls a view's rows change with: a control is left out when every two cells
    that differ only in it have the same rows (lesson 03's curves and its budget k)."""
    signatures = [json.dumps(r, sort_keys=True) for r in rows]
    used = list(controls)
    for control in controls:
        rest = [c for c in used if c is not control]
        first = {}
        if all(first.setdefault(tuple(cell[c.name] for c in rest), sig) == sig
               for cell, sig in zip(cells, signatures)):
            used = rest
    return used


def _shape(spec):
    """The tree of views, with which of them carry their own data."""
    return tuple((path, "data" in node) for path, node in _views(spec))


def _merge(declaration, specs, compact=True):
    controls = declaration.controls
    if any(_shape(spec) != _shape(specs[0][1]) for _, spec in specs):
        raise ValueError(f"explorer {declaration.name!r}: its charts differ in structure between "
                         "settings (a layer or panel appears only for some)")
    defaults = declaration.defaults
    base_cell, base = next(((c, s) for c, s in specs if c == defaults), specs[0])
    merged = json.loads(json.dumps(base))
    datasets, stacked_as = {}, {}
    key_expr = " + '|' + ".join(c.key_expr() for c in controls)
    for path, node in list(_views(merged)):
        per_cell = [(cell, _node(spec, path)) for cell, spec in specs]
        if "data" in node:
            rows = [spec["datasets"][n["data"]["name"]] if "name" in n["data"] else n["data"].get("values")
                    for (cell, n), (_, spec) in zip(per_cell, specs)]
            # layers that share their chart's data set share the stacked one too
            source = tuple(n["data"].get("name") for _, n in per_cell)
            if all(r == rows[0] for r in rows):
                if "name" in node["data"]:
                    datasets[node["data"]["name"]] = base["datasets"][node["data"]["name"]]
            elif None not in source and source in stacked_as:
                name, test = stacked_as[source]
                node["data"] = {"name": name}
                node["transform"] = [{"filter": test}] + node.get("transform", [])
            else:
                name = f"grid_{sum(k.startswith('grid_') for k in datasets)}"
                used = _depends_on(controls, [cell for cell, _ in per_cell], rows)
                stacked, seen = [], set()
                for (cell, _), cell_rows in zip(per_cell, rows):
                    point = tuple(cell[c.name] for c in used)
                    if point in seen:  # the same rows as a cell that differs only in other controls
                        continue
                    seen.add(point)
                    extra = {f"{_PREFIX}{c.name}": cell[c.name] for c in used}
                    stacked += [{**({k: _compact(v) for k, v in row.items()} if compact else row), **extra}
                                for row in cell_rows]
                datasets[name] = stacked
                node["data"] = {"name": name}
                test = " && ".join(c.filter_expr(f"{_PREFIX}{c.name}") for c in used)
                node["transform"] = [{"filter": test}] + node.get("transform", [])
                if None not in source:
                    stacked_as[source] = name, test
        transforms = [n.get("transform") for _, n in per_cell]
        if any(t != transforms[0] for t in transforms):
            raise ValueError(f"explorer {declaration.name!r}: a filter or transform of its chart changes "
                             "with the settings; filter on a column of the data instead, so one "
                             "transform serves every setting")
        if "title" in node:
            titles = [n.get("title") for _, n in per_cell]
            if any(t != titles[0] for t in titles):
                node["title"] = _title_lookup(controls, per_cell, key_expr)
        _vary(declaration, node, per_cell, key_expr)
    merged["datasets"] = datasets
    params = [{"name": f"{_PREFIX}{c.name}", "value": base_cell[c.name], "bind": c.binding()} for c in controls]
    merged["params"] = params + merged.get("params", [])
    return merged


def _title_lookup(controls, per_cell, key_expr):
    def key(cell):
        return "|".join(c.key(cell[c.name]) for c in controls)

    def text_of(title, part):
        if isinstance(title, dict):
            value = title.get(part, "")
        else:
            value = title if part == "text" else ""
        return value or ""  # a list stays a list: Vega draws one line per string

    first = per_cell[0][1]["title"]
    out = dict(first) if isinstance(first, dict) else {"text": first}
    for part in ("text", "subtitle"):
        table = {key(cell): text_of(node["title"], part) for cell, node in per_cell}
        if len({json.dumps(v) for v in table.values()}) > 1:
            out[part] = {"expr": f"({json.dumps(table, ensure_ascii=False)})[{key_expr}]"}
    return out
