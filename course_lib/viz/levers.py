"""Lesson 00's chart: strategies on two independent levers, influence and empowerment."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ._shared import _require
from .theme import OKABE_ITO

__all__ = [
    "strategy_map_chart",
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
