"""Charts for lesson 07: Bass diffusion on networks, the consumer continuum, funnel and
loop, and ex-customers. Builders only reshape and draw; the numbers come from
:mod:`course_lib.diffusion` and :mod:`course_lib.experiments.diffusion`.

Wherever there is a theory (the closed-form Bass curve, the rate equations of the
continuum) it is drawn as a line over the simulated points.
"""
from __future__ import annotations


import altair as alt
import numpy as np
import pandas as pd

from ._shared import _HEIGHT, _WIDTH, _require
from .theme import OKABE_ITO

__all__ = [
    "STATE_COLOURS",
    "bass_chart",
    "lever_effect_chart",
    "steady_state_chart",
    "journey_chart",
    "ever_bought_chart",
]

#: One colour per state of the continuum, detractor to advocate.
STATE_COLOURS = {
    "detractor": OKABE_ITO[5],
    "competitor": OKABE_ITO[6],
    "unaware": "#999999",
    "customer": OKABE_ITO[1],
    "advocate": OKABE_ITO[2],
}
_NETWORK_COLOURS = {"complete": OKABE_ITO[0], "random": OKABE_ITO[1], "clustered": OKABE_ITO[2],
                    "scale-free": OKABE_ITO[6]}
_THEORY = "#000000"
_LEVER_LABELS = {"direct_influence": "direct influence", "empowerment": "empowerment", "advocacy": "advocacy",
                 "detraction": "detraction", "churn": "churn"}


def _network_scale(names):
    # The domain always lists the four course networks, whichever are drawn: a domain that
    # changed with the explorer's setting becomes an expression on the website, which Vega
    # cannot resolve inside a faceted chart ("Undefined data set name").
    extra = [n for n in names if n not in _NETWORK_COLOURS]
    spare = [c for c in OKABE_ITO if c not in _NETWORK_COLOURS.values()]
    colours = {**_NETWORK_COLOURS, **dict(zip(extra, spare))}
    domain = [*_NETWORK_COLOURS, *extra]
    return alt.Scale(domain=domain, range=[colours[n] for n in domain])


_PANELS = ("share who have adopted", "share adopting in the step")


def bass_chart(sims, peak_time=None, title=None):
    """Bass diffusion: the closed-form curve over network simulations, cumulative and per step.

    Parameters
    ----------
    sims : pandas.DataFrame
        A :func:`course_lib.experiments.diffusion.bass_frame` table: columns
        ``network``, ``step``, ``adopted``, ``new``, ``closed_form``, ``closed_rate``
        and ``discrete``.
    peak_time : float, optional
        Peak time of the adoption rate (:func:`course_lib.diffusion.bass_peak_time`),
        drawn as a vertical rule on both panels; None draws none.
    title : str or altair.Title, optional
        Chart title; None gives a default.

    Returns
    -------
    altair.FacetChart
        Two panels (column ``panel``): the share who have adopted, and the share
        adopting per step. Points are the simulations (one colour per network), the
        black line the closed form (``theory`` column), the grey dashed line (left) the
        step-by-step recursion a well-mixed simulation follows, the red dotted rule the
        peak. One small table feeds every layer, so a slider move stays cheap.

    Examples
    --------
    >>> from course_lib.experiments.diffusion import bass_frame
    >>> sims = bass_frame(0.01, 0.2, 30, {"complete": 500}, runs=1, seed=1)
    >>> chart = bass_chart(sims, peak_time=14.3)
    >>> len(chart.spec.layer), sorted(chart.data.panel.unique()), float(chart.data.peak.iloc[0])
    (4, ['share adopting in the step', 'share who have adopted'], 14.3)
    """
    _require(sims, ["network", "step", "adopted", "new", "closed_form", "closed_rate", "discrete"], "sims")
    names = list(dict.fromkeys(sims["network"]))
    k = len(sims)
    data = pd.DataFrame({
        "panel": np.repeat(_PANELS, k),
        "network": np.tile(sims["network"].to_numpy(), 2),
        "step": np.tile(sims["step"].to_numpy(), 2),
        "simulation": np.concatenate([sims["adopted"].to_numpy(), sims["new"].to_numpy()]),
        "theory": np.concatenate([sims["closed_form"].to_numpy(), sims["closed_rate"].to_numpy()]),
        "recursion": np.concatenate([sims["discrete"].to_numpy(), np.full(k, np.nan)]),
        "peak": float(peak_time) if peak_time is not None else np.nan,
        "theory_row": np.tile((sims["network"] == names[0]).to_numpy(), 2),
    })
    x = alt.X("step:Q", title="Step (time since launch)")
    # a filter on a column, not on the network's name: the website's page holds every
    # network's chart under one spec, and a filter that named the network would differ
    theory_rows = "datum.theory_row"
    points = alt.Chart().mark_point(size=28, opacity=0.8).encode(
        x=x, y=alt.Y("simulation:Q", title="Share of the market"),
        color=alt.Color("network:N", title="Network", scale=_network_scale(names),
                        legend=alt.Legend(orient="bottom", direction="horizontal")),
        tooltip=[alt.Tooltip("network:N"), alt.Tooltip("step:Q"), alt.Tooltip("simulation:Q", format=".3f")],
    )
    recursion = alt.Chart().mark_line(color="#777777", strokeDash=[5, 4], strokeWidth=1.5).encode(
        x=x, y=alt.Y("recursion:Q")).transform_filter(theory_rows)
    closed = alt.Chart().mark_line(color=_THEORY, strokeWidth=2).encode(
        x=x, y=alt.Y("theory:Q")).transform_filter(theory_rows)
    rule = alt.Chart().mark_rule(color=OKABE_ITO[5], strokeDash=[2, 3], strokeWidth=2).encode(
        x=alt.X("peak:Q")).transform_filter(f"{theory_rows} && datum.step == 0")
    summary = []
    for name in names:
        part = sims[sims["network"] == name]
        above = part["step"][part["adopted"] >= 0.5]
        summary.append(f"{name}: half adopted at step {int(above.iloc[0])}" if len(above)
                       else f"{name}: half never adopted")
    peak_text = (f" The red dotted rule marks the closed form's peak at t = {peak_time:.1f}."
                 if peak_time is not None else "")
    description = (
        "Two line-and-point charts of Bass diffusion. Left: share who have adopted against the step; "
        "right: share adopting in each step. Points: simulations on each network; black line: the "
        "closed-form Bass curve; grey dashed line: the step-by-step recursion. " + "; ".join(summary)
        + "." + peak_text
    )
    # built by constructors, not chained methods: each method call copies the whole chart
    layered = alt.LayerChart(layer=[points, recursion, closed, rule], width=_WIDTH - 90, height=_HEIGHT - 60)
    return alt.FacetChart(
        data=data, spec=layered, facet=alt.Facet("panel:N", title=None, sort=list(_PANELS)), columns=2,
        title=title or "Bass diffusion: closed form (line) over simulations (points)",
        description=description, resolve=alt.Resolve(scale=alt.ScaleResolveMap(y="independent")),
    )


def lever_effect_chart(frame, title=None):
    """Where on the continuum each lever works: extra time buying per starting state.

    Parameters
    ----------
    frame : pandas.DataFrame
        A :func:`course_lib.experiments.diffusion.lever_effect_frame` table: columns
        ``lever``, ``start``, ``order`` and ``effect``.
    title : str or altair.Title, optional
        Chart title; None gives a default.

    Returns
    -------
    altair.Chart
        Grouped bars: one group per starting state (detractor to advocate), one bar
        per lever.

    Examples
    --------
    >>> frame = pd.DataFrame({"lever": ["direct_influence", "empowerment"] * 2,
    ...                       "start": ["unaware", "unaware", "customer", "customer"],
    ...                       "order": [2, 2, 3, 3], "effect": [0.7, 0.5, 0.3, 0.7]})
    >>> lever_effect_chart(frame).description.split(". ")[1]
    'unaware: direct influence works best; customer: empowerment works best.'
    """
    _require(frame, ["lever", "start", "order", "effect"], "frame")
    frame = frame.assign(lever_label=[_LEVER_LABELS.get(v, v) for v in frame["lever"]])
    order = list(frame.sort_values("order")["start"].drop_duplicates())
    best = []
    for start in order:
        part = frame[frame["start"] == start]
        best.append(f"{start}: {part.loc[part['effect'].idxmax(), 'lever_label']} works best")
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("start:N", sort=order, title="Where the consumer starts", axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("lever_label:N"),
        y=alt.Y("effect:Q", title="Extra steps buying, lever + 0.01"),
        color=alt.Color("lever_label:N", title="Lever raised", scale=alt.Scale(range=[OKABE_ITO[0], OKABE_ITO[4],
                                                                                       OKABE_ITO[2]]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("start:N"), alt.Tooltip("lever_label:N", title="lever"),
                 alt.Tooltip("effect:Q", format=".3f")],
    )
    return chart.properties(
        width=_WIDTH, height=_HEIGHT - 40,
        title=title or "Which lever helps most, depending on where the consumer starts",
        description="Grouped bar chart of the extra steps a consumer spends buying when one lever aimed at "
                    "them is raised, by starting state. " + "; ".join(best) + ".",
    )


def steady_state_chart(frame, title=None):
    """Steady-state shares of the five states as a lever varies, one panel per lever.

    Parameters
    ----------
    frame : pandas.DataFrame
        One or more :func:`course_lib.experiments.diffusion.steady_state_sweep`
        tables stacked: columns ``lever``, ``value``, ``state``, ``order``, ``share``.
    title : str or altair.Title, optional
        Chart title; None gives a default.

    Returns
    -------
    altair.FacetChart
        Lines of the share in each state against the lever's value (each panel with
        its own horizontal scale).

    Examples
    --------
    >>> frame = pd.DataFrame({"lever": "empowerment", "value": [0.0, 0.1], "state": "advocate",
    ...                       "order": 4, "share": [0.0, 0.57]})
    >>> steady_state_chart(frame).to_dict()["facet"]["column"]["field"]
    'lever_label'
    """
    _require(frame, ["lever", "value", "state", "order", "share"], "frame")
    frame = frame.assign(lever_label=[_LEVER_LABELS.get(v, v) for v in frame["lever"]])
    states = [s for s in STATE_COLOURS if s in set(frame["state"])]
    base = alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("value:Q", title="Lever's probability per step"),
        y=alt.Y("share:Q", title="Steady-state share", scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("state:N", title="State", sort=states,
                        scale=alt.Scale(domain=states, range=[STATE_COLOURS[s] for s in states]),
                        legend=alt.Legend(orient="bottom")),
        order=alt.Order("value:Q"),
        tooltip=[alt.Tooltip("lever_label:N", title="lever"), alt.Tooltip("value:Q"),
                 alt.Tooltip("state:N"), alt.Tooltip("share:Q", format=".3f")],
    ).properties(width=_WIDTH - 120, height=_HEIGHT - 60)
    parts = []
    for lever, part in frame.groupby("lever_label", sort=False):
        top = part[part["value"] == part["value"].max()].set_index("state")["share"]
        low = part[part["value"] == part["value"].min()].set_index("state")["share"]
        parts.append(f"{lever} from {part['value'].min():g} to {part['value'].max():g}: advocates "
                     f"{low.get('advocate', 0):.0%} to {top.get('advocate', 0):.0%}, customers "
                     f"{low.get('customer', 0):.0%} to {top.get('customer', 0):.0%}")
    return base.facet(column=alt.Facet("lever_label:N", title=None)).properties(
        title=title or "Where the market settles as one lever moves",
        description="Line charts of the steady-state share of each state of the continuum against one "
                    "lever's value, one panel per lever. " + "; ".join(parts) + ".",
    ).resolve_scale(x="independent")


def journey_chart(frame, every=5, title=None):
    """Funnel against loop: rate equations (lines) over simulations (points), one panel
    per measure.

    Parameters
    ----------
    frame : pandas.DataFrame
        A :func:`course_lib.experiments.diffusion.journey_frame` table: columns
        ``journey``, ``measure``, ``step``, ``simulation`` and ``mean_field``.
    every : int
        Draw a simulated point every ``every`` steps (the lines use every step).
    title : str or altair.Title, optional
        Chart title; None gives a default.

    Returns
    -------
    altair.FacetChart
        Colour: the journey ("loop" or "funnel").

    Examples
    --------
    >>> frame = pd.DataFrame({"journey": ["loop", "funnel"], "measure": "buying", "step": 10,
    ...                       "simulation": [0.6, 0.4], "mean_field": [0.62, 0.41]})
    >>> journey_chart(frame).description.split(". ")[1]
    'At step 10, buying: loop 62%, funnel 41% (rate equations).'
    """
    _require(frame, ["journey", "measure", "step", "simulation", "mean_field"], "frame")
    journeys = list(dict.fromkeys(frame["journey"]))
    colours = {"loop": OKABE_ITO[2], "funnel": OKABE_ITO[5]}
    color = alt.Color("journey:N", title="Journey", sort=journeys,
                      scale=alt.Scale(domain=journeys, range=[colours.get(j, OKABE_ITO[4]) for j in journeys]),
                      legend=alt.Legend(orient="bottom"))
    x = alt.X("step:Q", title="Step")
    lines = alt.Chart().mark_line(strokeWidth=2).encode(
        x=x, y=alt.Y("mean_field:Q", title="Share of consumers"), color=color,
        tooltip=[alt.Tooltip("journey:N"), alt.Tooltip("step:Q"), alt.Tooltip("mean_field:Q", format=".3f")],
    )
    points = alt.Chart().mark_point(size=30, opacity=0.7).encode(
        x=x, y=alt.Y("simulation:Q"), color=color,
        tooltip=[alt.Tooltip("journey:N"), alt.Tooltip("step:Q"), alt.Tooltip("simulation:Q", format=".3f")],
    ).transform_filter(alt.datum.step % int(every) == 0)
    last = frame[frame["step"] == frame["step"].max()]
    parts = []
    for measure, part in last.groupby("measure", sort=False):
        parts.append(f"{measure}: " + ", ".join(f"{r.journey} {r.mean_field:.0%}" for r in part.itertuples()))
    layered = alt.layer(points, lines, data=frame).properties(width=_WIDTH - 180, height=_HEIGHT - 60)
    return layered.facet(column=alt.Facet("measure:N", title=None, sort=list(dict.fromkeys(frame["measure"])))).properties(
        title=title or "The decision-journey loop against the linear funnel",
        description="Line charts with points, one panel per measure: lines are the rate equations, points "
                    f"the simulations (mean over runs). At step {int(frame['step'].max())}, "
                    + "; ".join(parts) + " (rate equations).",
    )


def ever_bought_chart(frame, every=5, title=None):
    """"Ever bought" against "buying now" over time, for several churn rates.

    Parameters
    ----------
    frame : pandas.DataFrame
        A :func:`course_lib.experiments.diffusion.ever_bought_frame` table: columns
        ``churn``, ``measure``, ``step``, ``simulation`` and ``mean_field``.
    every : int
        Draw a simulated point every ``every`` steps.
    title : str or altair.Title, optional
        Chart title; None gives a default.

    Returns
    -------
    altair.LayerChart
        Colour: churn rate; solid lines "ever bought", dashed "buying now" (rate
        equations), points the simulation.

    Examples
    --------
    >>> frame = pd.DataFrame({"churn": 0.05, "measure": ["ever bought", "buying now"], "step": 100,
    ...                       "simulation": [1.0, 0.6], "mean_field": [1.0, 0.65]})
    >>> ever_bought_chart(frame).description.split(". ")[1]
    'At step 100: churn 0.05: gap 35 points.'
    """
    _require(frame, ["churn", "measure", "step", "simulation", "mean_field"], "frame")
    frame = frame.assign(churn_label=[f"churn {c:g}" for c in frame["churn"]])
    labels = list(dict.fromkeys(frame["churn_label"]))
    palette = [OKABE_ITO[4], OKABE_ITO[0], OKABE_ITO[5], OKABE_ITO[6], OKABE_ITO[2], OKABE_ITO[1]]
    color = alt.Color("churn_label:N", title="Churn per step", sort=labels,
                      scale=alt.Scale(domain=labels, range=palette[:len(labels)]),
                      legend=alt.Legend(orient="bottom"))
    dash = alt.StrokeDash("measure:N", title="Measure", sort=["ever bought", "buying now"],
                          scale=alt.Scale(domain=["ever bought", "buying now"], range=[[1, 0], [6, 4]]),
                          legend=alt.Legend(orient="bottom"))
    x = alt.X("step:Q", title="Step")
    lines = alt.Chart(frame).mark_line(strokeWidth=2).encode(
        x=x, y=alt.Y("mean_field:Q", title="Share of the market", scale=alt.Scale(domain=[0, 1])),
        color=color, strokeDash=dash, detail=alt.Detail("measure:N"),
        tooltip=[alt.Tooltip("churn_label:N", title="churn"), alt.Tooltip("measure:N"), alt.Tooltip("step:Q"),
                 alt.Tooltip("mean_field:Q", format=".3f")],
    )
    points = alt.Chart(frame).mark_point(size=26, opacity=0.7).encode(
        x=x, y=alt.Y("simulation:Q"), color=color,
        shape=alt.Shape("measure:N", sort=["ever bought", "buying now"], legend=None),
        tooltip=[alt.Tooltip("churn_label:N", title="churn"), alt.Tooltip("measure:N"), alt.Tooltip("step:Q"),
                 alt.Tooltip("simulation:Q", format=".3f")],
    ).transform_filter(alt.datum.step % int(every) == 0)
    last = frame[frame["step"] == frame["step"].max()]
    gaps = []
    for label, part in last.groupby("churn_label", sort=False):
        values = part.set_index("measure")["mean_field"]
        gaps.append(f"{label}: gap {(values['ever bought'] - values['buying now']) * 100:.0f} points")
    return alt.layer(points, lines).properties(
        width=_WIDTH, height=_HEIGHT,
        title=title or "Who ever bought is not who is a customer",
        description="Line chart with points of the share who ever bought and the share buying now against "
                    "the step, one colour per churn rate; lines: rate equations, points: simulation. "
                    f"At step {int(frame['step'].max())}: " + "; ".join(gaps) + ".",
    )
