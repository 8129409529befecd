"""Lesson 00's chart: strategies on two independent levers, influence and empowerment."""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ._shared import _require
from .theme import OKABE_ITO

__all__ = [
    "strategy_map_chart",
    "lever_model_chart",
    "two_lever_chart",
    "single_lever_chart",
]


def strategy_map_chart(frame):
    """Strategies placed on two independent axes: how much they influence consumers,
    and how much they empower them.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``strategy``, ``influence``, ``empowerment`` (both 0–1) and ``kind``
        (``"influence"``, ``"empowerment"``, ``"both"`` or ``"neither"``: colour and
        shape), as from :func:`course_lib.levers.strategy_examples`.

    Returns
    -------
    altair.LayerChart
        Dashed lines at 0.5 on both axes under the labelled points.

    Examples
    --------
    >>> frame = pd.DataFrame({"strategy": ["loyalty app"], "influence": [0.7],
    ...                       "empowerment": [0.2], "kind": ["influence"]})
    >>> chart = strategy_map_chart(frame)
    >>> len(chart.layer)
    4
    >>> chart.description.endswith("Points: loyalty app (influence 0.7, empowerment 0.2).")
    True
    """
    _require(frame, ["strategy", "influence", "empowerment", "kind"], "frame")
    base = alt.Chart(frame)
    axis_scale = alt.Scale(domain=[0, 1])
    points = base.mark_point(size=140, filled=True).encode(
        x=alt.X("influence:Q", scale=axis_scale, title="Influence (company changes what people think or do) →"),
        y=alt.Y("empowerment:Q", scale=axis_scale, title="Empowerment (people gain power to act) →"),
        color=alt.Color("kind:N", title="Mostly", scale=alt.Scale(
            domain=["influence", "empowerment", "both", "neither"],
            range=[OKABE_ITO[5], OKABE_ITO[4], OKABE_ITO[6], "#777777"])),
        shape=alt.Shape("kind:N", title="Mostly", scale=alt.Scale(
            domain=["influence", "empowerment", "both", "neither"],
            range=["triangle-up", "square", "circle", "cross"])),
        tooltip=[alt.Tooltip("strategy:N"), alt.Tooltip("influence:Q"), alt.Tooltip("empowerment:Q"), alt.Tooltip("kind:N")],
    )
    labels = base.mark_text(align="left", dx=9, dy=-2, fontSize=12).encode(
        x=alt.X("influence:Q"), y=alt.Y("empowerment:Q"), text=alt.Text("strategy:N")
    )
    middles = pd.DataFrame({"v": [0.5]})
    rule_x = alt.Chart(middles).mark_rule(color="#999", strokeDash=[4, 4]).encode(x=alt.X("v:Q"))
    rule_y = alt.Chart(middles).mark_rule(color="#999", strokeDash=[4, 4]).encode(y=alt.Y("v:Q"))
    names = ", ".join(
        f"{r.strategy} (influence {r.influence:.1f}, empowerment {r.empowerment:.1f})"
        for r in frame.itertuples()
    )
    return alt.layer(rule_x, rule_y, points, labels).properties(
        width=520,
        height=420,
        title=alt.Title(
            "Two levers, not one dial",
            subtitle="A strategy can score high on both, on one, or on neither",
        ),
        description=(
            "Scatter plot of marketing strategies. Horizontal axis: how strongly the "
            "strategy influences consumers; vertical axis: how strongly it empowers them. "
            "Points: " + names + "."
        ),
    )


_MEASURES = {"customers": "Customers after {horizon} periods", "advocates": "Advocates after {horizon} periods"}


def _you(influence, empowerment):
    return pd.DataFrame({"influence": [float(influence)], "empowerment": [float(empowerment)], "label": ["your strategy"]})


def _your_point(influence, empowerment, x, y):
    you = alt.Chart(_you(influence, empowerment))
    point = you.mark_point(shape="diamond", size=260, filled=True, color="#000000", stroke="#FFFFFF",
                           strokeWidth=1.5).encode(x=x, y=y)
    label = you.mark_text(align="left", dx=10, dy=10, fontWeight="bold").encode(
        x=x, y=y, text=alt.Text("label:N"))
    return [point, label]


def lever_model_chart(outcomes, measure, influence, empowerment, *, horizon=12, size=260, legend=True):
    """One model output over the influence × empowerment levels, with your strategy on it.

    Parameters
    ----------
    outcomes : pandas.DataFrame
        Columns ``influence``, ``empowerment`` and ``measure``, as from
        :func:`course_lib.levers.lever_outcomes`.
    measure : {"customers", "advocates"}
        The column coloured (a share of the market; the colour scale is fixed at 0..1).
    influence, empowerment : float
        Your strategy's levels, drawn as a black diamond.
    horizon : int
        The periods the outcomes were simulated for (the title says it).
    size : int
        Width and height in pixels.
    legend : bool
        Show the colour legend (one is enough when two maps stand side by side).

    Returns
    -------
    altair.LayerChart

    Raises
    ------
    ValueError
        If ``measure`` is neither customers nor advocates, or a column is missing.

    Examples
    --------
    >>> from course_lib.levers import lever_outcomes
    >>> chart = lever_model_chart(lever_outcomes([0.0, 1.0]), "advocates", 0.5, 0.5)
    >>> len(chart.layer), chart.title
    (3, 'Advocates after 12 periods')
    """
    if measure not in _MEASURES:
        raise ValueError(f"measure must be one of {sorted(_MEASURES)}, got {measure!r}")
    _require(outcomes, ["influence", "empowerment", measure], "outcomes")
    levels = sorted(outcomes.influence.unique())
    step = levels[1] - levels[0] if len(levels) > 1 else 1.0
    scale = alt.Scale(domain=[-step / 2, 1 + step / 2], nice=False, zero=False)
    x = alt.X("influence:Q", scale=scale, title="Influence level →")
    y = alt.Y("empowerment:Q", scale=scale, title="Empowerment level →")
    frame = outcomes.assign(x0=outcomes.influence - step / 2, x1=outcomes.influence + step / 2,
                            y0=outcomes.empowerment - step / 2, y1=outcomes.empowerment + step / 2)
    cells = alt.Chart(frame).mark_rect().encode(
        x=alt.X("x0:Q", scale=scale, title="Influence level →"), x2=alt.X2("x1:Q"),
        y=alt.Y("y0:Q", scale=scale, title="Empowerment level →"), y2=alt.Y2("y1:Q"),
        color=alt.Color(f"{measure}:Q", title="share of the market", scale=alt.Scale(domain=[0, 1], scheme="viridis"),
                        legend=alt.Legend() if legend else None),
        tooltip=[alt.Tooltip("influence:Q"), alt.Tooltip("empowerment:Q"), alt.Tooltip(f"{measure}:Q", format=".2f")],
    )
    title = _MEASURES[measure].format(horizon=horizon)
    return alt.LayerChart(
        layer=[cells, *_your_point(influence, empowerment, x, y)], width=size, height=size, title=title,
        description=(f"Heat map from lesson 08's budget model: the share of the market who are {measure} after "
                     f"{horizon} periods, for every pair of influence and empowerment levels. Your strategy "
                     f"(influence {influence:.1f}, empowerment {empowerment:.1f}) is the diamond."))


def two_lever_chart(examples, outcomes, influence, empowerment, *, horizon=12):
    """Lesson 00's explorer: your strategy on the map of judgements and on two model maps.

    Parameters
    ----------
    examples : pandas.DataFrame
        The judged strategies, as from :func:`course_lib.levers.strategy_examples`.
    outcomes : pandas.DataFrame
        The model's map, as from :func:`course_lib.levers.lever_outcomes`.
    influence, empowerment : float
        Your strategy's levels, in [0, 1].
    horizon : int
        The periods of ``outcomes``.

    Returns
    -------
    altair.VConcatChart
        Top: the judged examples and your strategy. Below, side by side: customers and
        advocates after ``horizon`` periods in lesson 08's model.

    Examples
    --------
    >>> from course_lib.levers import lever_outcomes, strategy_examples
    >>> chart = two_lever_chart(strategy_examples(), lever_outcomes([0.0, 0.5, 1.0]), 0.5, 1.0)
    >>> len(chart.vconcat), len(chart.vconcat[1].hconcat)
    (2, 2)
    """
    judged = strategy_map_chart(examples)
    x, y = alt.X("influence:Q"), alt.Y("empowerment:Q")
    # constructors rather than alt.layer(...).properties(...): each wrapper deep-copies the
    # charts inside, which was most of a slider move's time
    judged = alt.LayerChart(
        layer=[*judged.layer, *_your_point(influence, empowerment, x, y)], width=560, height=300,
        title=alt.Title("Judged: where we place example strategies",
                        subtitle="Scores are the course's judgement, to argue with"))
    row = outcomes[np.isclose(outcomes.influence, influence) & np.isclose(outcomes.empowerment, empowerment)]
    said = ""
    if len(row):
        said = (f": {row.customers.iloc[0]:.0%} of the market buying and {row.advocates.iloc[0]:.0%} "
                f"advocates after {horizon} periods")
    # stacked, not side by side: three panels in a row are wider than JupyterLab's notebook column
    models = alt.HConcatChart(hconcat=[
        lever_model_chart(outcomes, "customers", influence, empowerment, horizon=horizon),
        lever_model_chart(outcomes, "advocates", influence, empowerment, horizon=horizon, legend=False)])
    return alt.VConcatChart(
        vconcat=[judged, models], resolve=alt.Resolve(scale=alt.ScaleResolveMap(color="independent",
                                                                                shape="independent")),
        description=(
            "Three panels. Top: example strategies placed by the course's judgement on influence and "
            "empowerment. Bottom left and right: lesson 08's budget model, the share of the market buying and "
            f"the share who are advocates after {horizon} periods for every pair of levels. Your strategy "
            f"(influence {influence:.1f}, empowerment {empowerment:.1f}) is the diamond on all three{said}."),
        title=alt.Title(
            f"Your strategy (influence {influence:.1f}, empowerment {empowerment:.1f}) in lesson 08's model",
            subtitle=[said[2:].capitalize() if said else "",
                      "Bottom: model output (separate spends on marketing and on empowerment); top: judgement"]))


def single_lever_chart(outcomes, *, horizon=12):
    """Customers after ``horizon`` periods when only one lever is pulled, against its level.

    Parameters
    ----------
    outcomes : pandas.DataFrame
        As from :func:`course_lib.levers.lever_outcomes` (it must hold level 0 of each lever).
    horizon : int
        The periods of ``outcomes`` (the title says it).

    Returns
    -------
    altair.LayerChart
        Two lines, "influence only" and "empowerment only" (a layer chart, so a guess can
        be drawn on it with :func:`course_lib.viz.with_guess`).

    Examples
    --------
    >>> from course_lib.levers import lever_outcomes
    >>> chart = single_lever_chart(lever_outcomes([0.0, 0.5, 1.0]))
    >>> sorted(chart.data.lever.unique())
    ['empowerment only', 'influence only']
    """
    _require(outcomes, ["influence", "empowerment", "customers"], "outcomes")
    influence = outcomes[outcomes.empowerment == 0].assign(level=lambda t: t.influence, lever="influence only")
    empower = outcomes[outcomes.influence == 0].assign(level=lambda t: t.empowerment, lever="empowerment only")
    frame = pd.concat([influence, empower])[["lever", "level", "customers"]]
    line = alt.Chart().mark_line(point=True).encode(
        x=alt.X("level:Q", title="Level of the one lever pulled"),
        y=alt.Y("customers:Q", title=f"Share buying after {horizon} periods", scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("lever:N", title=None, scale=alt.Scale(domain=["influence only", "empowerment only"],
                                                                range=[OKABE_ITO[5], OKABE_ITO[4]])),
        tooltip=[alt.Tooltip("lever:N"), alt.Tooltip("level:Q"), alt.Tooltip("customers:Q", format=".2f")],
    )
    top = frame.groupby("lever").customers.max()
    return alt.layer(line, data=frame).properties(
        width=420, height=280, title=f"One lever alone, in lesson 08's model ({horizon} periods)",
        description=(f"Line chart: the share of the market buying after {horizon} periods when only one lever is "
                     f"pulled. At level 1, influence alone reaches {top['influence only']:.0%}, empowerment alone "
                     f"{top['empowerment only']:.0%}."))
