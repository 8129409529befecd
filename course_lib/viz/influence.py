"""Charts for lessons 01 (consumer networks and influentials) and 03 (seeding a
word-of-mouth campaign).

Like every builder in :mod:`course_lib.viz`, these take tidy tables and return an
altair chart with a ``description`` that a screen reader announces; they draw, the
numbers come from the models (tables built in :mod:`course_lib.experiments.influence`).
"""
from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd

from ._shared import _HEIGHT, _WIDTH, _require
from .theme import OKABE_ITO

__all__ = [
    "STRATEGY_LABELS",
    "strategy_spread_chart",
    "contagion_seeding_chart",
    "greedy_gains_chart",
    "guarantee_chart",
    "adoption_by_degree_chart",
    "NETWORK_COLOURS",
    "degree_distribution_chart",
    "overlap_chart",
    "advocacy_overlap_chart",
    "connected_chart",
    "sample_degree_chart",
    "shell_degree_chart",
    "helpfulness_overlap_chart",
]

# =========================================================================== lesson 03
#: Legend names of the seeding strategies of :mod:`course_lib.seeding`.
STRATEGY_LABELS = {
    "greedy": "greedy (CELF)",
    "degree": "top degree",
    "kshell": "top k-shell",
    "pagerank": "top PageRank",
    "random": "random",
    "cluster": "one tight cluster",
}
_STRATEGY_COLOURS = {
    "greedy": OKABE_ITO[5],
    "degree": OKABE_ITO[4],
    "kshell": OKABE_ITO[2],
    "pagerank": OKABE_ITO[6],
    "random": "#777777",
    "cluster": OKABE_ITO[0],
}


def _strategy_colour(strategies):
    order = [s for s in STRATEGY_LABELS if s in set(strategies)]
    return alt.Color(
        "label:N", title="Strategy",
        scale=alt.Scale(domain=[STRATEGY_LABELS[s] for s in order], range=[_STRATEGY_COLOURS[s] for s in order]),
        sort=[STRATEGY_LABELS[s] for s in order],
        legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=3, symbolOpacity=1),
    )


def strategy_spread_chart(table, budget=None, title=None, width=None, headroom=True):
    """Expected spread against the number of seeds, one line and 95% band per strategy.

    Parameters
    ----------
    table : pandas.DataFrame
        Columns ``strategy``, ``k``, ``spread``, ``low``, ``high``
        (:func:`course_lib.seeding.compare_strategies` or
        :func:`course_lib.experiments.influence.strategy_curves`). Strategies are named
        in the legend by :data:`STRATEGY_LABELS`.
    budget : int, optional
        Draw a dashed vertical line at this number of seeds; the description then
        reads the spreads there. None (the default): no line, and the description
        reads the spreads at the largest ``k``.
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "Same budget, different seeds".
    width : int, optional
        Width in pixels; None gives the course's default for a chart with a legend.
    headroom : bool, default True
        Fix the y axis from 0 to 5% above the highest band. False lets Vega fit it to
        the data drawn (from 0 to a round number at or above the highest band): an
        explorer on the website needs this, since its scales may not be numbers that
        change with the controls (:mod:`course_lib.explore.declare`).

    Returns
    -------
    altair.LayerChart
        The bands, the lines and (when ``budget`` is given) the budget line.

    Examples
    --------
    >>> table = pd.DataFrame({"strategy": ["random", "random", "greedy", "greedy"],
    ...                       "k": [1, 2, 1, 2], "spread": [3.0, 5.0, 8.0, 12.0],
    ...                       "low": [2.0, 4.0, 7.0, 11.0], "high": [4.0, 6.0, 9.0, 13.0]})
    >>> chart = strategy_spread_chart(table, budget=2)
    >>> len(chart.layer)
    3
    >>> "With 2 seeds: greedy (CELF) 12 (95% interval 11 to 13); random 5" in chart.description
    True
    """
    _require(table, ["strategy", "k", "spread", "low", "high"], "table")
    data = table.assign(label=table["strategy"].map(STRATEGY_LABELS).fillna(table["strategy"]))
    colour = _strategy_colour(data["strategy"].unique())
    x = alt.X("k:Q", title="Number of seeds k", scale=alt.Scale(domain=[1, int(data.k.max())], nice=False),
              axis=alt.Axis(tickMinStep=1))
    y_scale = alt.Scale(domain=[0, float(data["high"].max()) * 1.05], nice=True) if headroom else \
        alt.Scale(zero=True, nice=True)
    base = alt.Chart(data).encode(x=x, color=colour)
    band = base.mark_area(opacity=0.2).encode(
        y=alt.Y("low:Q", scale=y_scale, title="Expected number of adopters"),
        y2=alt.Y2("high:Q"),
    )
    lines = base.mark_line(point=alt.OverlayMarkDef(size=25)).encode(
        y=alt.Y("spread:Q"),
        tooltip=[alt.Tooltip("label:N", title="strategy"), alt.Tooltip("k:Q"),
                 alt.Tooltip("spread:Q", format=".1f"), alt.Tooltip("low:Q", format=".1f"),
                 alt.Tooltip("high:Q", format=".1f")],
    )
    layers = [band, lines]
    k_last = int(data.k.max()) if budget is None else int(budget)
    at = data[data.k == k_last].sort_values("spread", ascending=False)
    summary = "; ".join(f"{r.label} {r.spread:.0f} (95% interval {r.low:.0f} to {r.high:.0f})"
                        for r in at.itertuples())
    description = (
        f"Line chart of the expected number of adopters against the number of seeds, from 1 "
        f"to {int(data.k.max())}, one line with a shaded 95% band per strategy. "
        f"With {k_last} seeds: {summary}."
    )
    if budget is not None:
        rule = alt.Chart(pd.DataFrame({"k": [int(budget)]})).mark_rule(
            color="#333", strokeDash=[5, 4], strokeWidth=1.5).encode(x=alt.X("k:Q"))
        layers.append(rule)
        description += f" A dashed vertical line marks the budget of {int(budget)} seeds."
    return alt.layer(*layers).properties(
        width=width or _WIDTH + 60,
        height=_HEIGHT,
        title=title or "Same budget, different seeds",
        description=description,
    )


def contagion_seeding_chart(frame, title=None):
    """One panel per model of adoption: expected spread against the number of seeds,
    one line and 95% band per seeding strategy (:func:`strategy_spread_chart`).

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``model``, ``strategy``, ``k``, ``spread``, ``low``, ``high``
        (:func:`course_lib.experiments.influence.contagion_seeding_frame`); panels in
        the order the models first appear. Each panel has its own vertical scale.
    title : str or altair.Title, optional
        Title over the panels; None (or an empty string) gives "A tight cluster or
        spread-out seeds?".

    Returns
    -------
    altair.HConcatChart
        The panels side by side; the description reads every panel at its largest
        number of seeds.

    Examples
    --------
    >>> frame = pd.DataFrame({"model": ["fixed"] * 2 + ["ic"] * 2, "strategy": ["cluster", "random"] * 2,
    ...                       "k": 2, "spread": [90.0, 3.0, 4.0, 6.0], "low": [90.0, 2.0, 3.0, 5.0],
    ...                       "high": [90.0, 4.0, 5.0, 7.0]})
    >>> chart = contagion_seeding_chart(frame)
    >>> len(chart.hconcat)
    2
    >>> "fixed, with 2 seeds: one tight cluster 90" in chart.description
    True
    """
    _require(frame, ["model", "strategy", "k", "spread", "low", "high"], "frame")
    panels, parts = [], []
    for model, rows in frame.groupby("model", sort=False):
        panel = strategy_spread_chart(rows.drop(columns="model"), title=str(model), width=_WIDTH - 150)
        panels.append(panel)
        parts.append(f"{model}, with {panel.description.split('With ', 1)[1]}")
    return alt.hconcat(*panels).resolve_scale(y="independent").properties(
        title=title or "A tight cluster or spread-out seeds?",
        description=(f"{len(panels)} line charts of the expected number of adopters against the number "
                     f"of seeds, one per model of adoption. " + " ".join(parts)),
    )


def greedy_gains_chart(frame, title=None):
    """Greedy's spread after each seed (line) and what each seed added (bars).

    Parameters
    ----------
    frame : pandas.DataFrame
        ``SeedSelection.to_frame()`` (:class:`course_lib.seeding.SeedSelection`):
        columns ``k``, ``spread``, ``gain``, in selection order.
    title : str or altair.Title, optional
        Title over both panels; None (or an empty string) gives "Diminishing returns".

    Returns
    -------
    altair.VConcatChart
        The total spread (top) over the gain of each seed (bottom).

    Examples
    --------
    >>> frame = pd.DataFrame({"k": [1, 2, 3], "spread": [8.0, 12.0, 14.0], "gain": [8.0, 4.0, 2.0]})
    >>> chart = greedy_gains_chart(frame)
    >>> len(chart.vconcat)
    2
    """
    _require(frame, ["k", "spread", "gain"], "frame")
    x = alt.X("k:O", title="Seed number k", axis=alt.Axis(labelAngle=0))
    spread = alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(color=OKABE_ITO[5]), color=OKABE_ITO[5]).encode(
        x=x, y=alt.Y("spread:Q", title="Expected adopters with k seeds", scale=alt.Scale(zero=True)),
        tooltip=[alt.Tooltip("k:Q"), alt.Tooltip("spread:Q", format=".1f")],
    ).properties(width=_WIDTH + 60, height=_HEIGHT - 80, title="Total spread")
    gains = alt.Chart(frame).mark_bar(color=OKABE_ITO[4]).encode(
        x=x, y=alt.Y("gain:Q", title="Extra adopters from seed k"),
        tooltip=[alt.Tooltip("k:Q"), alt.Tooltip("gain:Q", format=".2f")],
    ).properties(width=_WIDTH + 60, height=_HEIGHT - 100, title="What each new seed adds")
    first, last = frame.iloc[0], frame.iloc[-1]
    return alt.vconcat(spread, gains).properties(
        title=title or "Diminishing returns",
        description=(
            f"Two charts over the seed number k from 1 to {int(last.k)}. Top: greedy's expected "
            f"spread, rising from {first.spread:.1f} with one seed to {last.spread:.1f} with "
            f"{int(last.k)}. Bottom: bars of the extra adopters each new seed brings, falling from "
            f"{first.gain:.1f} for the first seed to {last.gain:.2f} for the last."
        ),
    )


def guarantee_chart(frame, title=None):
    """Greedy against the exact optimum and the (1 - 1/e) floor, on a small network.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``k``, ``optimum``, ``greedy``, ``degree``, ``floor``
        (:func:`course_lib.experiments.influence.guarantee_frame`).
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "Greedy against the best
        possible seeds".

    Returns
    -------
    altair.LayerChart
        The dashed floor under the lines of the optimum, greedy and top degree; the
        description gives greedy's worst share of the optimum over ``k``.

    Examples
    --------
    >>> frame = pd.DataFrame({"k": [1, 2], "optimum": [8.0, 12.0], "greedy": [8.0, 11.0],
    ...                       "degree": [7.0, 10.0], "floor": [5.06, 7.59]})
    >>> chart = guarantee_chart(frame)
    >>> "Greedy reaches at least 92% of the best at every k" in chart.description
    True
    """
    _require(frame, ["k", "optimum", "greedy", "degree", "floor"], "frame")
    names = {"optimum": "best possible", "greedy": "greedy",
             "degree": "top degree", "floor": "guarantee: 63% of best"}
    long = frame.melt(id_vars="k", value_vars=list(names), var_name="series", value_name="spread")
    long["series"] = long["series"].map(names)
    colour = alt.Color("series:N", title=None, scale=alt.Scale(
        domain=list(names.values()), range=["#000000", OKABE_ITO[5], OKABE_ITO[4], "#777777"]),
        legend=alt.Legend(orient="bottom-right", direction="vertical", labelLimit=300))
    x = alt.X("k:Q", title="Number of seeds k", axis=alt.Axis(tickMinStep=1))
    y = alt.Y("spread:Q", title="Expected adopters", scale=alt.Scale(zero=True))
    tooltip = ["series:N", "k:Q", alt.Tooltip("spread:Q", format=".2f")]
    floor = alt.Chart(long[long.series == names["floor"]]).mark_line(strokeDash=[6, 4]).encode(
        x=x, y=y, color=colour, tooltip=tooltip)
    points = alt.Chart(long[long.series != names["floor"]]).mark_line(point=True).encode(
        x=x, y=y, color=colour, tooltip=tooltip,
        strokeDash=alt.StrokeDash("series:N", legend=None, scale=alt.Scale(
            domain=[names["optimum"], names["greedy"], names["degree"]], range=[[1, 0], [1, 0], [2, 3]])),
    )
    worst = frame["greedy"].div(frame["optimum"]).min()
    return alt.layer(floor, points).properties(
        width=_WIDTH,
        height=_HEIGHT,
        title=title or "Greedy against the best possible seeds",
        description=(
            f"Line chart for 1 to {int(frame.k.max())} seeds: the best possible expected spread "
            f"(black), greedy's spread (red), the top-degree seeds' spread (blue, dotted) and the "
            f"guarantee (1 − 1/e) times the best (grey, dashed). Greedy reaches at least "
            f"{worst:.0%} of the best at every k; the guarantee is {1 - 1 / math.e:.0%}."
        ),
    )


def adoption_by_degree_chart(frame, title=None):
    """Chance of adopting against number of contacts, one line per cascade model.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``model`` ("independent cascade" or "linear threshold"), ``group``,
        ``degree``, ``share``, ``people``
        (:func:`course_lib.experiments.influence.adoption_by_degree`).
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "Who ends up adopting?".

    Returns
    -------
    altair.Chart
        A line chart, degree on a log scale.

    Examples
    --------
    >>> frame = pd.DataFrame({"model": "independent cascade", "group": ["1–2", "3–5"],
    ...                       "degree": [1.5, 4.0], "share": [0.1, 0.3], "people": [60, 40]})
    >>> chart = adoption_by_degree_chart(frame)
    >>> chart.description
    'Line chart of the chance of adopting against the number of contacts. independent cascade: from 10% for people with 1–2 contacts to 30% for those with 3–5.'
    """
    _require(frame, ["model", "group", "degree", "share", "people"], "frame")
    colour = alt.Color("model:N", title="Model", scale=alt.Scale(
        domain=["independent cascade", "linear threshold"], range=[OKABE_ITO[0], OKABE_ITO[4]]),
        legend=alt.Legend(orient="top-left"))
    chart = alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(size=70)).encode(
        x=alt.X("degree:Q", title="Number of contacts (mean of the group, log scale)",
                scale=alt.Scale(type="log")),
        y=alt.Y("share:Q", title="Chance of adopting", axis=alt.Axis(format=".0%"),
                scale=alt.Scale(zero=True)),
        color=colour,
        tooltip=[alt.Tooltip("model:N"), alt.Tooltip("group:N", title="contacts"), alt.Tooltip("people:Q"),
                 alt.Tooltip("share:Q", format=".1%")],
    )
    parts = []
    for model, rows in frame.groupby("model", sort=False):
        rows = rows.sort_values("degree")
        parts.append(f"{model}: from {rows.share.iloc[0]:.0%} for people with {rows.group.iloc[0]} "
                     f"contacts to {rows.share.iloc[-1]:.0%} for those with {rows.group.iloc[-1]}")
    return chart.properties(
        width=_WIDTH,
        height=_HEIGHT,
        title=title or "Who ends up adopting?",
        description="Line chart of the chance of adopting against the number of contacts. "
                    + "; ".join(parts) + ".",
    )


# =========================================================================== lesson 01
#: Legend names of the centrality measures of :mod:`course_lib.centrality`.
MEASURE_LABELS = {"degree": "degree", "kshell": "k-shell", "pagerank": "PageRank", "betweenness": "betweenness"}

#: Colours of the network types of lesson 01 (and of sample types).
NETWORK_COLOURS = {
    "Poisson": OKABE_ITO[0],
    "small world": OKABE_ITO[2],
    "scale-free": OKABE_ITO[5],
    "communities": OKABE_ITO[4],
    "whole network": "#000000",
    "snowball": OKABE_ITO[5],
    "uniform": OKABE_ITO[1],
}


def _group_colour(groups, title, domain=None):
    domain = list(dict.fromkeys(groups)) if domain is None else list(domain)
    palette = iter(OKABE_ITO)
    return alt.Color("group:N", title=title, legend=alt.Undefined if title else None, scale=alt.Scale(
        domain=domain, range=[NETWORK_COLOURS.get(g) or next(palette) for g in domain]))


def degree_distribution_chart(frame, title=None, legend_title="Network", groups=None):
    """Share of people with at least k contacts, against k, on log–log axes.

    A straight, slowly falling line means a heavy tail (a few people with very many
    contacts); a line that plunges means everyone has about the same number.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``group``, ``degree``, ``share``
        (:func:`course_lib.experiments.influence.degree_frame`); both axes are on a
        log scale, so ``degree`` and ``share`` must be positive. Groups named in
        :data:`NETWORK_COLOURS` get their colour.
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "How many contacts do people
        have?".
    legend_title : str or None, default "Network"
        Title of the colour legend; None hides the legend (one group).
    groups : sequence of str, optional
        Every group the colour scale knows, in order (default: those in ``frame``). An
        explorer that shows one group at a time passes all of them, so its colour
        scale is the same at every setting (as the website needs).

    Returns
    -------
    altair.Chart
        A log-log line chart, one line per group.

    Examples
    --------
    >>> frame = pd.DataFrame({"group": "Poisson", "degree": [1, 2, 3, 4],
    ...                       "share": [1.0, 0.6, 0.2, 0.01]})
    >>> chart = degree_distribution_chart(frame, legend_title=None)
    >>> chart.description.endswith("Poisson: largest degree 4, the top 1% have at least 4 contacts.")
    True
    """
    _require(frame, ["group", "degree", "share"], "frame")
    top = float(frame["degree"].max())
    ticks = [v for v in (1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 500, 1000, 2000, 5000) if v <= top * 1.5]
    chart = alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(size=18)).encode(
        x=alt.X("degree:Q", title="Number of contacts k (log scale)", scale=alt.Scale(type="log"),
                axis=alt.Axis(values=ticks)),
        y=alt.Y("share:Q", title="Share with at least k contacts (log scale)", scale=alt.Scale(type="log"),
                axis=alt.Axis(format="~%")),
        color=_group_colour(frame["group"], legend_title, groups),
        tooltip=[alt.Tooltip("group:N", title=(legend_title or "group").lower()), alt.Tooltip("degree:Q", title="k"),
                 alt.Tooltip("share:Q", format=".2%", title="share with ≥ k")],
    )
    parts = []
    for name, rows in frame.groupby("group", sort=False):
        tail = rows[rows.share <= 0.01]
        top = int(tail.degree.min()) if len(tail) else int(rows.degree.max())
        parts.append(f"{name}: largest degree {int(rows.degree.max())}, the top 1% have at least {top} contacts")
    return chart.properties(
        width=_WIDTH - 40,
        height=_HEIGHT - 20,
        title=title or "How many contacts do people have?",
        description=(
            "Log–log line chart of the share of people with at least k contacts against k. "
            + "; ".join(parts) + "."
        ),
    )


def overlap_chart(curve, title=None):
    """Share of the top people by one ranking who are also at the top of another,
    against the size of the top list, with the chance level.

    Parameters
    ----------
    curve : pandas.DataFrame
        Columns ``ranking``, ``top_share``, ``precision_at_k``
        (:func:`course_lib.experiments.influence.measure_overlap_frame`), one line per
        ranking.
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "Do the rankings agree at the
        top?".

    Returns
    -------
    altair.LayerChart
        The dashed chance diagonal under one line per ranking; the description reads
        each line at the top list nearest 10%.

    Examples
    --------
    >>> curve = pd.DataFrame({"ranking": "pagerank", "top_share": [0.05, 0.1, 0.2],
    ...                       "precision_at_k": [0.8, 0.7, 0.6]})
    >>> chart = overlap_chart(curve)
    >>> "PageRank: 70% at the top 10%" in chart.description
    True
    """
    _require(curve, ["ranking", "top_share", "precision_at_k"], "curve")
    data = curve.assign(label=curve["ranking"].map(MEASURE_LABELS).fillna(curve["ranking"].astype(str)))
    x = alt.X("top_share:Q", title="Size of the top list (share of all people)", axis=alt.Axis(format="~%"),
              scale=alt.Scale(domain=[0, float(data.top_share.max())], nice=False))
    y = alt.Y("precision_at_k:Q", title="Share of the top list also on the other top list",
              scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="~%"))
    domain = list(dict.fromkeys(data["label"]))
    colours = {"k-shell": OKABE_ITO[2], "PageRank": OKABE_ITO[6], "betweenness": OKABE_ITO[0]}
    lines = alt.Chart(data).mark_line(point=alt.OverlayMarkDef(size=18)).encode(
        x=x, y=y,
        color=alt.Color("label:N", title="Compared with", scale=alt.Scale(
            domain=domain, range=[colours.get(d, OKABE_ITO[4]) for d in domain])),
        tooltip=[alt.Tooltip("label:N", title="ranking"), alt.Tooltip("top_share:Q", format=".0%"),
                 alt.Tooltip("precision_at_k:Q", format=".0%", title="overlap")],
    )
    top = float(data.top_share.max())
    chance = alt.Chart(pd.DataFrame({"top_share": [0.0, top], "precision_at_k": [0.0, top]})).mark_line(
        color="#777", strokeDash=[6, 4], strokeWidth=1.5).encode(x=alt.X("top_share:Q"), y=alt.Y("precision_at_k:Q"))
    parts = []
    for label, rows in data.groupby("label", sort=False):
        near = rows.iloc[int(np.argmin(np.abs(rows.top_share.to_numpy() - 0.1)))]
        parts.append(f"{label}: {near.precision_at_k:.0%} at the top {near.top_share:.0%}")
    return alt.layer(chance, lines).properties(
        width=_WIDTH - 60,
        height=_HEIGHT - 20,
        title=title or "Do the rankings agree at the top?",
        description=(
            "Line chart of the share of the top people by degree who are also at the top by "
            "another measure, against the size of the top list. " + "; ".join(parts)
            + ". A dashed diagonal marks the overlap of unrelated rankings."
        ),
    )


def advocacy_overlap_chart(frame, target=0.75, title=None):
    """Overlap of the top "advocates" with the top by degree, against the correlation
    between advocacy and degree, with the claimed overlap as a line.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``correlation``, ``overlap``, ``low``, ``high``, ``chance``
        (:func:`course_lib.experiments.influence.advocacy_overlap_frame`), ordered by
        correlation.
    target : float or None, default 0.75
        Overlap drawn as a red horizontal reference (the "over 75%" claim); None
        draws none.
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "How similar must advocates and
        influencers be?".

    Returns
    -------
    altair.LayerChart
        The band, the chance line, the overlap line and (with ``target``) the
        reference line and its label.

    Examples
    --------
    >>> frame = pd.DataFrame({"correlation": [0.0, 0.5, 0.9], "overlap": [0.1, 0.4, 0.8],
    ...                       "low": [0.05, 0.3, 0.7], "high": [0.15, 0.5, 0.9], "chance": 0.1})
    >>> chart = advocacy_overlap_chart(frame)
    >>> len(chart.layer)
    5
    >>> "the mean overlap exceeds it only from a correlation of 0.90" in chart.description
    True
    """
    _require(frame, ["correlation", "overlap", "low", "high", "chance"], "frame")
    x = alt.X("correlation:Q", title="Correlation between advocacy and number of contacts",
              scale=alt.Scale(domain=[float(frame.correlation.min()), float(frame.correlation.max())], nice=False))
    y_scale = alt.Scale(domain=[0, 1])
    band = alt.Chart(frame).mark_area(opacity=0.25, color=OKABE_ITO[4]).encode(
        x=x, y=alt.Y("low:Q", scale=y_scale, title="Top advocates who are also top by degree",
                     axis=alt.Axis(format="~%")), y2=alt.Y2("high:Q"))
    line = alt.Chart(frame).mark_line(point=True, color=OKABE_ITO[4]).encode(
        x=x, y=alt.Y("overlap:Q", scale=y_scale),
        tooltip=[alt.Tooltip("correlation:Q", format=".2f"), alt.Tooltip("overlap:Q", format=".0%"),
                 alt.Tooltip("low:Q", format=".0%"), alt.Tooltip("high:Q", format=".0%")])
    chance = alt.Chart(frame).mark_line(color="#777", strokeDash=[6, 4], strokeWidth=1.5).encode(
        x=x, y=alt.Y("chance:Q", scale=y_scale))
    layers = [band, chance, line]
    description = (
        f"Line chart of the share of the top advocates who are also among the best-connected, "
        f"against the correlation between the two scores from {frame.correlation.min():.1f} to "
        f"{frame.correlation.max():.1f}, with a band from the smallest to the largest of repeated "
        f"draws. It rises from {frame.overlap.iloc[0]:.0%} to {frame.overlap.iloc[-1]:.0%}; a dashed "
        f"grey line marks chance ({frame.chance.iloc[0]:.0%})."
    )
    if target is not None:
        above = frame[frame.overlap > target]
        ref = pd.DataFrame({"y": [target], "label": [f"{target:.0%} overlap"]})
        layers.append(alt.Chart(ref).mark_rule(color=OKABE_ITO[5], strokeDash=[3, 3]).encode(y=alt.Y("y:Q")))
        layers.append(alt.Chart(ref).mark_text(align="left", dx=4, dy=-8, color=OKABE_ITO[5], fontWeight="bold")
                      .encode(x=alt.value(4), y=alt.Y("y:Q"), text=alt.Text("label:N")))
        description += (
            f" A red line marks {target:.0%}; the mean overlap exceeds it only from a correlation "
            f"of {above.correlation.min():.2f}." if len(above) else
            f" A red line marks {target:.0%}; the mean overlap never exceeds it."
        )
    return alt.layer(*layers).properties(
        width=_WIDTH,
        height=_HEIGHT,
        title=title or "How similar must advocates and influencers be?",
        description=description,
    )


def connected_chart(frame, title=None):
    """Ties inside a uniform random sample against the sample size, on log–log axes:
    simulated means over the exact expectation, and the ties a connected sample needs.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``size``, ``ties_inside``, ``ties_theory``, ``ties_needed`` and
        ``probability`` (:func:`course_lib.experiments.influence.connected_frame`),
        ordered by size. Zero tie counts are left out (log scale).
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "A random sample has too few
        ties to be connected".

    Returns
    -------
    altair.LayerChart
        The expected and needed ties as lines, the simulated means as dots.

    Examples
    --------
    >>> frame = pd.DataFrame({"size": [10, 100], "ties_inside": [0.2, 20.0],
    ...                       "ties_theory": [0.18, 19.8], "ties_needed": [9, 99],
    ...                       "probability": [0.0, 0.0]})
    >>> chart = connected_chart(frame)
    >>> "With 10 people, 0.18 ties are expected and 9 needed." in chart.description
    True
    """
    _require(frame, ["size", "ties_inside", "ties_theory", "ties_needed", "probability"], "frame")
    names = {"ties_theory": "expected ties inside (exact formula)",
             "ties_needed": "ties a connected sample needs (size − 1)",
             "ties_inside": "simulated ties inside (mean)"}
    colour = alt.Color("series:N", title=None, scale=alt.Scale(
        domain=list(names.values()), range=[OKABE_ITO[0], "#555555", OKABE_ITO[4]]),
        legend=alt.Legend(orient="top-left", direction="vertical", labelLimit=400))
    long = frame.melt(id_vars=["size", "probability"], value_vars=list(names), var_name="series", value_name="ties")
    long["series"] = long["series"].map(names)
    long = long[long.ties > 0]
    x = alt.X("size:Q", title="Sample size (people drawn at random, log scale)",
              scale=alt.Scale(type="log", domain=[float(frame["size"].min()), float(frame["size"].max())], nice=False))
    y = alt.Y("ties:Q", title="Ties among the sampled people (log scale)", scale=alt.Scale(type="log"))
    tooltip = [alt.Tooltip("series:N"), alt.Tooltip("size:Q"), alt.Tooltip("ties:Q", format=".3g"),
               alt.Tooltip("probability:Q", format=".3f", title="share of samples connected")]
    lines = alt.Chart(long[long.series != names["ties_inside"]]).mark_line().encode(
        x=x, y=y, color=colour, tooltip=tooltip,
        strokeDash=alt.StrokeDash("series:N", legend=None, scale=alt.Scale(
            domain=[names["ties_theory"], names["ties_needed"]], range=[[1, 0], [6, 4]])))
    dots = alt.Chart(long[long.series == names["ties_inside"]]).mark_point(filled=True, size=60).encode(
        x=x, y=y, color=colour, tooltip=tooltip)
    enough = frame[frame.ties_theory >= frame.ties_needed]
    cross = (f" Only from about {int(enough['size'].min())} people on are there, on average, enough ties "
             f"inside to connect the sample." if len(enough) else
             " At every size shown, a random sample has far fewer ties inside than connecting it needs.")
    return alt.layer(lines, dots).properties(
        width=_WIDTH,
        height=_HEIGHT,
        title=title or "A random sample has too few ties to be connected",
        description=(
            f"Log–log chart for samples of {int(frame['size'].min())} to {int(frame['size'].max())} "
            f"people. Orange line: expected number of ties among them; dots: simulated means, on the "
            f"line; grey dashed line: the size − 1 ties a connected sample needs. With "
            f"{int(frame['size'].min())} people, {frame.ties_theory.iloc[0]:.2g} ties are expected and "
            f"{int(frame.ties_needed.iloc[0])} needed." + cross
        ),
    )


def sample_degree_chart(bias, paradox=None, title=None):
    """Degree bias of each sample (mean degree in the sample ÷ in the network), by
    sampling method, with 1 (unbiased) and the friendship-paradox ratio marked.

    Parameters
    ----------
    bias : pandas.DataFrame
        Columns ``method`` (``"uniform"`` or ``"snowball"``) and ``bias``, one row per
        sample.
    paradox : float, optional
        ``E[k²] / E[k]²`` of the network: the bias of one step along a random tie,
        drawn as a second dashed line. None (the default) draws only the line at 1.
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "Who ends up in the sample?".

    Returns
    -------
    altair.LayerChart
        The reference lines, their labels and one tick per sample.

    Examples
    --------
    >>> bias = pd.DataFrame({"method": ["uniform", "uniform", "snowball", "snowball"],
    ...                      "bias": [0.9, 1.1, 1.8, 2.2]})
    >>> chart = sample_degree_chart(bias, paradox=2.0)
    >>> chart.description.endswith("another the friendship-paradox ratio 2.00.")
    True
    """
    _require(bias, ["method", "bias"], "bias")
    y = alt.Y("method:N", title=None, sort=["uniform", "snowball"])
    colour = alt.Color("method:N", legend=None, scale=alt.Scale(
        domain=["uniform", "snowball"], range=[NETWORK_COLOURS["uniform"], NETWORK_COLOURS["snowball"]]))
    ticks = alt.Chart(bias).mark_tick(thickness=2, size=28, opacity=0.7).encode(
        x=alt.X("bias:Q", title="Mean degree in the sample ÷ mean degree in the network", scale=alt.Scale(zero=True)),
        y=y, color=colour, tooltip=[alt.Tooltip("method:N"), alt.Tooltip("bias:Q", format=".2f")])
    refs = [{"x": 1.0, "label": "unbiased"}]
    if paradox is not None:
        refs.append({"x": float(paradox), "label": "random contact: E[k²]/E[k]²"})
    ref = pd.DataFrame(refs)
    rules = alt.Chart(ref).mark_rule(color="#555", strokeDash=[5, 4]).encode(x=alt.X("x:Q"))
    labels = alt.layer(  # "unbiased" right of its line, the paradox ratio left of its line
        alt.Chart(ref.iloc[:1]).mark_text(align="left", dx=4, y=6, baseline="top", color="#333").encode(
            x=alt.X("x:Q"), text=alt.Text("label:N")),
        alt.Chart(ref.iloc[1:]).mark_text(align="right", dx=-4, y=6, baseline="top", color="#333").encode(
            x=alt.X("x:Q"), text=alt.Text("label:N")),
    )
    means = bias.groupby("method")["bias"].agg(["mean", "min", "max"])
    parts = [f"{m} samples from {r['min']:.2f} to {r['max']:.2f} (mean {r['mean']:.2f})" for m, r in means.iterrows()]
    description = ("Tick chart of the degree bias of each sample, one tick per sample: "
                   + "; ".join(parts) + ". A dashed line marks 1, no bias")
    description += (f", another the friendship-paradox ratio {paradox:.2f}." if paradox is not None else ".")
    return alt.layer(rules, labels, ticks).properties(
        width=_WIDTH + 60,
        height=140,
        title=title or "Who ends up in the sample?",
        description=description,
    )


#: Line colours of :func:`shell_degree_chart`: Okabe–Ito without the yellow, which is too light for lines.
_SERIES_COLOURS = [OKABE_ITO[i] for i in (4, 0, 2, 5, 6, 1, 7)]


def _lines_with_error_bars(data, x, domain, series_title):
    """Lines through group means with 95% error bars, one colour per series in ``domain``."""
    colour = alt.Color("line:N", title=series_title, sort=domain, scale=alt.Scale(
        domain=domain, range=_SERIES_COLOURS[:len(domain)]))
    y = alt.Y("spread:Q", title="Mean cascade size from one person", scale=alt.Scale(zero=True))
    tooltip = [alt.Tooltip("degree:Q"), alt.Tooltip("kshell:Q", title="k-shell"), alt.Tooltip("people:Q"),
               alt.Tooltip("spread:Q", format=".1f"), alt.Tooltip("low:Q", format=".1f"),
               alt.Tooltip("high:Q", format=".1f")]
    base = alt.Chart(data).encode(x=x, color=colour)
    return alt.layer(base.mark_line(point=True).encode(y=y, tooltip=tooltip),
                     base.mark_rule().encode(y=alt.Y("low:Q"), y2=alt.Y2("high:Q")))


def shell_degree_chart(frame, degrees, shells, title=None):
    """Kitsak et al.'s comparison: spreading power of people with the same degree in
    different k-shells (left) and in the same shell with different degrees (right).

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``degree``, ``kshell``, ``people``, ``spread``, ``low``, ``high``
        (:func:`course_lib.experiments.influence.shell_degree_frame`).
    degrees : sequence of int
        Degrees drawn as lines on the left, against the shell.
    shells : sequence of int
        Shells drawn as lines on the right, against the degree.
    title : str or altair.Title, optional
        Title over both panels; None (or an empty string) gives "Where you sit
        matters more than how many you know".

    Returns
    -------
    altair.HConcatChart
        The two panels; the description gives each line's first and last mean.

    Examples
    --------
    >>> frame = pd.DataFrame({"degree": [5, 5, 8, 8], "kshell": [3, 4, 3, 4], "people": 20,
    ...                       "spread": [30.0, 43.0, 35.0, 49.0], "low": [29.0, 42.0, 34.0, 48.0],
    ...                       "high": [31.0, 44.0, 36.0, 50.0]})
    >>> chart = shell_degree_chart(frame, degrees=[5, 8], shells=[3])
    >>> "degree 5: from 30 in shell 3 to 43 in shell 4" in chart.description
    True
    """
    _require(frame, ["degree", "kshell", "people", "spread", "low", "high"], "frame")
    by_degree = frame[frame.degree.isin(list(degrees))].assign(
        line=lambda t: "degree " + t.degree.astype(str))
    by_shell = frame[frame.kshell.isin(list(shells))].assign(
        line=lambda t: "shell " + t.kshell.astype(str))
    size = {"width": _WIDTH - 140, "height": _HEIGHT - 40}
    left = _lines_with_error_bars(
        by_degree, alt.X("kshell:Q", title="k-shell", axis=alt.Axis(tickMinStep=1)),
        [f"degree {d}" for d in degrees], "Same degree").properties(title="Same degree, different shells", **size)
    right = _lines_with_error_bars(
        by_shell, alt.X("degree:Q", title="Number of contacts", axis=alt.Axis(tickMinStep=1)),
        [f"shell {k}" for k in shells], "Same shell").properties(title="Same shell, different degrees", **size)
    parts = []
    for label, rows in list(by_degree.groupby("line", sort=False)) + list(by_shell.groupby("line", sort=False)):
        rows = rows.sort_values("kshell" if label.startswith("degree") else "degree")
        unit = "shell" if label.startswith("degree") else "degree"
        first, last = rows.iloc[0], rows.iloc[-1]
        at = (lambda r: f"{unit} {int(r.kshell if unit == 'shell' else r.degree)}")
        parts.append(f"{label}: from {first.spread:.0f} in {at(first)} to {last.spread:.0f} in {at(last)}")
    return alt.hconcat(left, right).resolve_scale(color="independent").properties(
        title=title or "Where you sit matters more than how many you know",
        description=("Two line charts of the mean cascade size started by one person, with 95% error bars. "
                     "Left, against the k-shell, one line per degree; right, against the degree, one line per "
                     "shell. " + "; ".join(parts) + "."),
    )


def helpfulness_overlap_chart(frame, target=0.75, title=None):
    """Share of the top advocates who are also top influencers, against how unequal
    helpfulness is, one line per influencer method, with the claimed overlap and chance.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``helpfulness_sd``, ``method``, ``overlap``, ``low``, ``high``,
        ``chance`` (:func:`course_lib.experiments.influence.advocate_overlap_frame`).
    target : float or None, default 0.75
        Overlap drawn as a red horizontal reference (the "over 75%" claim); None draws
        none.
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "Advocates and influencers, found
        by two methods".

    Returns
    -------
    altair.LayerChart
        Bands, lines, the chance line and (with ``target``) the reference.

    Examples
    --------
    >>> frame = pd.DataFrame({"helpfulness_sd": [0.0, 2.0], "method": "PageRank of contacts",
    ...                       "overlap": [0.8, 0.5], "low": [0.78, 0.45], "high": [0.82, 0.55], "chance": 0.1})
    >>> chart = helpfulness_overlap_chart(frame)
    >>> "PageRank of contacts: 80% when everyone is equally helpful, 50% at log-sd 2" in chart.description
    True
    """
    _require(frame, ["helpfulness_sd", "method", "overlap", "low", "high", "chance"], "frame")
    x = alt.X("helpfulness_sd:Q", title="Inequality of helpfulness (sd of log helpfulness)")
    y_scale = alt.Scale(domain=[0, 1])
    colour = alt.Color("method:N", title="Influencers by", scale=alt.Scale(range=[OKABE_ITO[4], OKABE_ITO[0]]),
                       legend=alt.Legend(orient="bottom-right", symbolType="stroke", symbolStrokeWidth=3,
                                         symbolOpacity=1))
    base = alt.Chart(frame).encode(x=x, color=colour)
    band = base.mark_area(opacity=0.2).encode(
        y=alt.Y("low:Q", scale=y_scale, title="Top advocates who are also top influencers",
                axis=alt.Axis(format="~%")), y2=alt.Y2("high:Q"))
    line = base.mark_line(point=True).encode(
        y=alt.Y("overlap:Q", scale=y_scale),
        tooltip=[alt.Tooltip("method:N"), alt.Tooltip("helpfulness_sd:Q"), alt.Tooltip("overlap:Q", format=".0%")])
    chance = alt.Chart(frame).mark_line(color="#777", strokeDash=[6, 4]).encode(x=x, y=alt.Y("chance:Q"))
    layers = [band, line, chance]
    if target is not None:
        ref = pd.DataFrame({"y": [target], "label": [f"claimed: over {target:.0%}"]})
        layers.append(alt.Chart(ref).mark_rule(color=OKABE_ITO[5], strokeDash=[3, 3]).encode(y=alt.Y("y:Q")))
        layers.append(alt.Chart(ref).mark_text(align="right", dy=-8, color=OKABE_ITO[5], fontWeight="bold")
                      .encode(x=alt.value(_WIDTH - 4), y=alt.Y("y:Q"), text=alt.Text("label:N")))
    chance_label = pd.DataFrame({"y": [float(frame.chance.iloc[0])], "label": ["unrelated lists"]})
    layers.append(alt.Chart(chance_label).mark_text(align="left", dx=4, dy=-8, color="#555")
                  .encode(x=alt.value(4), y=alt.Y("y:Q"), text=alt.Text("label:N")))
    parts = []
    for method, rows in frame.groupby("method", sort=False):
        rows = rows.sort_values("helpfulness_sd")
        parts.append(f"{method}: {rows.overlap.iloc[0]:.0%} when everyone is equally helpful, "
                     f"{rows.overlap.iloc[-1]:.0%} at log-sd {rows.helpfulness_sd.iloc[-1]:g}")
    return alt.layer(*layers).properties(
        width=_WIDTH, height=_HEIGHT, title=title or "Advocates and influencers, found by two methods",
        description=("Line chart of the overlap of the top-10% advocates (most answers) with the top "
                     "influencers, against the inequality of helpfulness, with bands over repeated "
                     "communities. " + "; ".join(parts) + f". A dashed grey line marks chance "
                     f"({frame.chance.iloc[0]:.0%})" + (f", a red one {target:.0%}." if target is not None else ".")),
    )
