"""The explorer every lesson uses: sliders and one live altair chart.

An :class:`Explorer` (an ``ipywidgets.VBox``) holds its sliders and one
:class:`altair.JupyterChart`; moving a slider recomputes and assigns a new chart to
``JupyterChart.chart``, which updates the picture in place. ``Explorer.update(**values)``
does the same without a browser (tests and benchmarks call it).
"""
from __future__ import annotations

import functools

import altair as alt
import ipywidgets as widgets

__all__ = ["Explorer"]


class Explorer(widgets.VBox):
    """Sliders and one live chart.

    Parameters
    ----------
    controls : dict
        Name -> ipywidgets value widget; names are the keyword arguments of ``render``.
    render : callable
        ``render(**values)`` returns an altair chart.
    note : str, optional
        HTML shown between the sliders and the chart.

    Attributes
    ----------
    controls : dict
        Name -> widget, as given.
    chart_widget : altair.JupyterChart
        The one chart widget; its ``chart`` is replaced on every change.
    declaration : course_lib.explore.declare.ExplorerDeclaration or None
        The declaration it was built from, if any
        (:meth:`~course_lib.explore.declare.ExplorerDeclaration.explorer`).

    Examples
    --------
    >>> import altair as alt, ipywidgets as widgets, pandas as pd
    >>> def render(slope):
    ...     frame = pd.DataFrame({"x": [0.0, 1.0], "y": [0.0, slope]})
    ...     return alt.Chart(frame).mark_line().encode(x="x", y="y")
    >>> ex = Explorer({"slope": widgets.FloatSlider(value=1.0, min=0.0, max=2.0)}, render)
    >>> chart = ex.update(slope=1.5)
    >>> chart.data.y.tolist(), ex.values
    ([0.0, 1.5], {'slope': 1.5})
    """

    #: The :class:`~course_lib.explore.declare.ExplorerDeclaration` it was built from, if any.
    declaration = None

    def __init__(self, controls, render, note=None):
        alt.JupyterChart.enable_offline(True)  # a JupyterChart we build ignores the renderer
        self.controls = dict(controls)
        self._render = render
        self._holding = False
        self.chart_widget = alt.JupyterChart(render(**self.values))
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        children = [widgets.HBox(list(self.controls.values()), layout=widgets.Layout(flex_flow="row wrap"))]
        if note:
            children.append(widgets.HTML(note))
        children.append(self.chart_widget)
        super().__init__(children)

    def _repr_mimebundle_(self, **kwargs):
        from ..viz.site import site_mode

        if site_mode():  # the website: a kernel-free version (course_lib.explore.site_widgets)
            from .site_widgets import explorer_html

            return {"text/html": explorer_html(self)}
        return super()._repr_mimebundle_(**kwargs)

    @property
    def values(self):
        """Current control values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    @property
    def chart(self):
        """The chart currently shown."""
        return self.chart_widget.chart

    def _on_change(self, change):
        if not self._holding:
            self.refresh()

    def refresh(self):
        """Recompute from the current control values and show the new chart."""
        self.chart_widget.chart = _validated_once(self._render(**self.values))
        return self.chart_widget.chart

    def update(self, **values):
        """Set controls (as if the sliders moved) and redraw once; returns the new chart.

        Unknown names raise ``KeyError``; values are clipped by the sliders' ranges.
        """
        unknown = set(values) - set(self.controls)
        if unknown:
            raise KeyError(f"no control named {sorted(unknown)}; controls are {sorted(self.controls)}")
        self._holding = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._holding = False
        return self.refresh()


def _validated_once(chart):
    """The chart, serialised without altair's JSON-schema check when JupyterChart asks.

    The first chart of an explorer is validated (``JupyterChart(chart)`` in ``__init__``);
    later ones come from the same ``render`` with other numbers, and the check costs
    40-80 ms a move, most of a slider's response. ``tests/test_declared_explorers.py``
    and the viz tests validate charts at other settings. An explicit
    ``chart.to_dict(validate=True)`` still validates.
    """
    object.__setattr__(chart, "to_dict", functools.partial(type(chart).to_dict, chart, validate=False))
    return chart


def _slider(description, value, lo, hi, step, fmt, continuous):
    cls = widgets.IntSlider if isinstance(step, int) else widgets.FloatSlider
    kwargs = {} if cls is widgets.IntSlider else {"readout_format": fmt}
    return cls(
        value=value, min=lo, max=hi, step=step, description=description,
        continuous_update=continuous, style={"description_width": "initial"},
        layout=widgets.Layout(width="340px"), **kwargs,
    )
