"""Interactive explorers for the lessons: sliders wired to a model and a chart.

Each explorer is an :class:`Explorer` (an ``ipywidgets.VBox``) holding its sliders and
one :class:`altair.JupyterChart`; moving a slider recomputes and assigns a new chart to
``JupyterChart.chart``, which updates the picture in place. ``Explorer.update(**values)``
does the same without a browser (tests and benchmarks call it). Expensive model runs
are cached on rounded slider values, so going back to a setting is instant.

Also here: a prediction widget (:func:`predict`) and a quiz with immediate feedback
(:func:`quiz`). The tables the charts are drawn from live in
:mod:`course_lib.experiments`, which never imports widgets; lesson 02's are re-exported
here under their old names.
"""
from __future__ import annotations

import functools
import html

import altair as alt
import ipywidgets as widgets
import numpy as np
import pandas as pd

from .. import cascades, viz
from .._deprecation import seed_by_keyword
from ..experiments.cascades import (  # noqa: F401  (re-exported for lesson 02)
    frequency_slice,
    granovetter_response_frame,
    theory_frequency_frame,
    trajectory_frame,
)

__all__ = [
    "Explorer",
    "granovetter_response_frame",
    "trajectory_frame",
    "theory_frequency_frame",
    "frequency_slice",
    "granovetter_explorer",
    "cascade_explorer",
    "predict",
    "Quiz",
    "quiz",
]


# --------------------------------------------------------------------------- explorer
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
    chart_widget : altair.JupyterChart
        The one chart widget; its ``chart`` is replaced on every change.
    """

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
        self.chart_widget.chart = self._render(**self.values)
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


def _slider(description, value, lo, hi, step, fmt, continuous):
    cls = widgets.IntSlider if isinstance(step, int) else widgets.FloatSlider
    kwargs = {} if cls is widgets.IntSlider else {"readout_format": fmt}
    return cls(
        value=value, min=lo, max=hi, step=step, description=description,
        continuous_update=continuous, style={"description_width": "initial"},
        layout=widgets.Layout(width="340px"), **kwargs,
    )


# --------------------------------------------------------------------------- Granovetter
@functools.lru_cache(maxsize=1024)
def _cached_granovetter(mean, sd, n):
    return granovetter_response_frame(mean, sd, n), cascades.granovetter_normal_equilibrium(mean, sd, n)


def granovetter_explorer(mean=25.0, sd=10.0, n=100):
    """Granovetter's crowd with normally distributed thresholds: move the mean and the
    spread and watch where the response curve first meets the diagonal.

    Examples
    --------
    >>> ex = granovetter_explorer(mean=25, sd=10)
    >>> chart = ex.update(sd=15)
    >>> round(ex.values["sd"])
    15
    """

    def render(mean, sd):
        mean, sd = round(float(mean), 2), round(float(sd), 2)
        response, eq = _cached_granovetter(mean, sd, n)
        title = alt.Title(
            f"Mean threshold {mean:g}, spread {sd:g}: {eq:.0f} of {n} end up acting",
            subtitle="Orange: expected number acting next step; dashed: no change",
        )
        return viz.granovetter_response_chart(response, eq, title=title)

    controls = {
        "mean": _slider("mean threshold", float(mean), 0.0, 60.0, 1.0, ".0f", True),
        "sd": _slider("spread (sd)", float(sd), 1.0, 30.0, 0.5, ".1f", True),
    }
    return Explorer(controls, render)


# --------------------------------------------------------------------------- Watts
@functools.lru_cache(maxsize=512)
def _cached_sizes(z, phi, n, runs, seed):
    sizes = cascades.cascade_sizes(z, phi, n=n, runs=runs, seed=seed)
    sizes.setflags(write=False)
    return sizes


@functools.lru_cache(maxsize=64)
def _cached_window(phi_min, phi_max):
    return viz.cascade_window_frame(phi_min, phi_max)


@functools.lru_cache(maxsize=512)
def _cached_theory(z, phi):
    return cascades.cascade_frequency_theory(z, phi), cascades.cascade_window(phi)


@seed_by_keyword
def cascade_explorer(z=3.0, phi=0.18, n=2000, runs=100, *, seed=1, phi_range=(0.05, 0.3), z_max=12.0):
    """Cascades on a Poisson network from one random seed: choose the mean degree ``z``
    and the threshold ``phi``, see the distribution of final sizes over ``runs`` seeds
    and where the setting sits in the analytic cascade window.

    Results are cached on (z rounded to 0.01, phi rounded to 0.001); the same ``seed``
    is used at every setting so a setting always shows the same runs.

    Examples
    --------
    >>> ex = cascade_explorer(z=3, phi=0.18, runs=50)
    >>> chart = ex.update(z=8)
    >>> ex.values["z"]
    8.0
    """
    window = _cached_window(*phi_range)

    def render(z, phi):
        z, phi = round(float(z), 2), round(float(phi), 3)
        sizes = _cached_sizes(z, phi, n, runs, seed)
        theory, win = _cached_theory(z, phi)
        big = int(np.count_nonzero(sizes >= cascades.GLOBAL_CASCADE_CUTOFF))
        if win is None:
            where = f"no window at φ = {phi:g}: theory says global cascades are impossible"
        elif win[0] < z < win[1]:
            where = f"inside the window ({win[0]:.2f} < z < {win[1]:.2f}); theory: {theory:.0%}"
        else:
            where = f"outside the window ({win[0]:.2f} < z < {win[1]:.2f}); theory: 0%"
        if big and (win is None or not win[0] < z < win[1]):
            where += f" (a network of {n:,} still cascades near the edge)"
        title = alt.Title(
            f"z = {z:g}, φ = {phi:g}: {big} of {runs} seeds set off a global cascade",
            subtitle=where,
        )
        hist = viz.cascade_size_histogram(pd.DataFrame({"fraction": sizes}), title=title, max_count=runs)
        point = pd.DataFrame({"phi": [phi], "mean_degree": [z], "inside": [win is not None and win[0] < z < win[1]]})
        where_map = viz.window_map_chart(window, point, phi_domain=phi_range, z_domain=(0, z_max))
        return alt.hconcat(hist, where_map).properties(
            description=hist.description + " " + where_map.description
        )

    controls = {
        "z": _slider("mean degree z", float(z), 0.5, float(z_max), 0.25, ".2f", False),
        "phi": _slider("threshold φ", float(phi), float(phi_range[0]), float(phi_range[1]), 0.01, ".2f", False),
    }
    return Explorer(controls, render)


# --------------------------------------------------------------------------- predict & quiz
def predict(question, options):
    """A multiple-choice prediction the student locks in before exploring.

    Returns a VBox; its ``choice`` attribute holds the locked answer (None until the
    "Lock in my guess" button is pressed), ``lock()`` presses the button.

    Examples
    --------
    >>> box = predict("Which?", ["a", "b"])
    >>> box.buttons.value = "b"; box.lock(); box.choice
    'b'
    """
    buttons = widgets.RadioButtons(options=list(options), value=None, layout=widgets.Layout(width="auto"))
    button = widgets.Button(description="Lock in my guess", button_style="primary", icon="lock")
    status = widgets.HTML("<i>Pick one, then lock it in. You will check it against the model below.</i>")
    box = widgets.VBox([widgets.HTML(f"<b>{html.escape(question)}</b>"), buttons, button, status])
    box.choice = None
    box.buttons = buttons

    def lock(_=None):
        if buttons.value is None:
            status.value = "<i>Pick an answer first.</i>"
            return
        box.choice = buttons.value
        buttons.disabled = True
        button.disabled = True
        status.value = f"Your guess: <b>{html.escape(box.choice)}</b>. Now explore and see."

    button.on_click(lock)
    box.lock = lock
    return box


class Quiz(widgets.VBox):
    """Multiple-choice questions that answer as soon as an option is picked.

    Parameters
    ----------
    questions : list of dict
        Each with ``question`` (str), ``options`` (list of str), ``answer`` (index of
        the right option) and ``explain`` (str, shown after any choice).
    """

    def __init__(self, questions):
        self.questions = list(questions)
        for i, q in enumerate(self.questions):
            if not 0 <= q["answer"] < len(q["options"]):
                raise ValueError(f"question {i}: answer {q['answer']} is not an index of its options")
        self.choices = []
        self.feedback = []
        children = []
        for i, q in enumerate(self.questions):
            choice = widgets.RadioButtons(options=list(q["options"]), value=None, layout=widgets.Layout(width="auto"))
            feedback = widgets.HTML()
            choice.observe(functools.partial(self._on_pick, i), names="value")
            self.choices.append(choice)
            self.feedback.append(feedback)
            children += [widgets.HTML(f"<b>{i + 1}. {html.escape(q['question'])}</b>"), choice, feedback]
        super().__init__(children)

    def check(self, index, option):
        """Feedback (HTML) for picking ``option`` (an index) in question ``index``."""
        q = self.questions[index]
        if option == q["answer"]:
            verdict = "<span style='color:#009E73'><b>✔ Right.</b></span>"
        else:
            verdict = "<span style='color:#D55E00'><b>✘ Not quite.</b></span>"
        return f"{verdict} {html.escape(q['explain'])}"

    def _on_pick(self, index, change):
        if change["new"] is None:
            return
        option = self.questions[index]["options"].index(change["new"])
        self.feedback[index].value = self.check(index, option)


def quiz(questions):
    """Build a :class:`Quiz` from a list of question dicts."""
    return Quiz(questions)
