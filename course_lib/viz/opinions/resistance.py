"""Altair charts for lesson 05: the q-voter phase diagram, hysteresis, campaigns,
quenched against annealed disorder and the mixed campaign.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from ...voter import qvoter_critical_point, qvoter_spinodals, quenched_critical_point
from .._shared import _HEIGHT, _WIDTH, _require
from ..theme import OKABE_ITO

__all__ = [
    "qvoter_phase_chart",
    "hysteresis_chart",
    "campaign_response_chart",
    "campaign_trajectory_chart",
    "disorder_chart",
    "mixed_campaign_chart",
]


_VARIANT_COLOURS = {"independence": OKABE_ITO[4], "anticonformity": OKABE_ITO[5]}


def _pct(x):
    return f"{x:.0%}"


# =========================================================================== lesson 05
def qvoter_phase_chart(simulated, theory, title=None):
    """Order against nonconformity ``p``: one panel per variant, one colour per panel
    size ``q``; simulated points over mean-field lines.

    Parameters
    ----------
    simulated : pandas.DataFrame
        Columns ``variant``, ``q``, ``p``, ``magnetization`` (time-averaged ``|m|``), as
        from :func:`course_lib.experiments.opinions.qvoter_simulation_frame`. One panel
        per variant present here, independence first.
    theory : pandas.DataFrame
        :func:`course_lib.experiments.opinions.qvoter_theory_frame` (columns
        ``variant``, ``q``, ``p``, ``branch``, ``stability``, ``magnetization``); only
        stable branches are drawn.
    title : str or altair.Title, optional
        Title over the panels; None gives "How much nonconformity does it take to
        break agreement?" with a subtitle.

    Returns
    -------
    altair.HConcatChart
        One panel per variant; the description gives, for each simulated ``q``, the
        upper spinodal (:func:`course_lib.voter.qvoter_spinodals`).

    Examples
    --------
    >>> simulated = pd.DataFrame({"variant": "independence", "q": 2, "p": [0.0, 0.2, 0.4],
    ...                           "magnetization": [1.0, 0.7, 0.05]})
    >>> theory = simulated.assign(branch="ordered", stability="stable",
    ...                           magnetization=[1.0, 0.75, 0.0])
    >>> chart = qvoter_phase_chart(simulated, theory)
    >>> len(chart.hconcat)
    1
    >>> chart.description.endswith("independence: in theory order vanishes from an ordered start at q = 2: p = 0.333.")
    True
    """
    _require(simulated, ["variant", "q", "p", "magnetization"], "simulated")
    _require(theory, ["variant", "q", "p", "branch", "stability", "magnetization"], "theory")
    qs = sorted(set(simulated["q"]) | set(theory["q"]))
    colour = alt.Color("q:O", title="Panel size q", scale=alt.Scale(
        domain=qs, range=[OKABE_ITO[i] for i in (0, 2, 6, 4, 5, 1)][: len(qs)]))
    x_max = float(max(simulated["p"].max(), theory["p"].max()))
    x = alt.X("p:Q", title="Nonconformity p", scale=alt.Scale(domain=[0, x_max], nice=False))
    y = alt.Y("magnetization:Q", title="Order |m| (0 split, 1 unanimous)", scale=alt.Scale(domain=[0, 1]))
    panels = []
    parts = []
    for variant in [v for v in ("independence", "anticonformity") if v in set(simulated["variant"])]:
        sim = simulated[simulated["variant"] == variant]
        th = theory[(theory["variant"] == variant) & (theory["stability"] == "stable")]
        lines = alt.Chart(th).mark_line(strokeWidth=2).encode(
            x=x, y=y, color=colour, detail=alt.Detail("branch:N"),
        )
        dots = alt.Chart(sim).mark_point(size=45, filled=True, stroke="white", strokeWidth=0.6).encode(
            x=x, y=y, color=colour,
            tooltip=[alt.Tooltip("q:O"), alt.Tooltip("p:Q", format=".3f"), alt.Tooltip("magnetization:Q", format=".3f")],
        )
        panels.append(alt.layer(lines, dots).properties(
            width=320, height=260, title=alt.Title(variant.capitalize())))
        crit = ", ".join(
            f"q = {q}: p = {qvoter_spinodals(int(q), variant).upper:.3f}" for q in sorted(set(sim["q"]))
        )
        parts.append(f"{variant}: in theory order vanishes from an ordered start at {crit}")
    return alt.hconcat(*panels).resolve_scale(color="shared").properties(
        title=title or alt.Title(
            "How much nonconformity does it take to break agreement?",
            subtitle="Dots: simulation on the complete graph; lines: mean-field theory",
        ),
        description=(
            "Two line charts of the order of the market (|m|, 0 = evenly split, 1 = "
            "unanimous) against the probability p of acting as a nonconformist, one per "
            "kind of resistance, with one colour per panel size q. Dots are simulations, "
            "lines the mean-field stable states. " + "; ".join(parts) + "."
        ),
    )


def hysteresis_chart(simulated, theory, title=None):
    """Both branches of a discontinuous transition: simulations from an ordered and
    from a disordered start over the mean-field stable (solid) and unstable (dashed)
    branches.

    Parameters
    ----------
    simulated : pandas.DataFrame
        Columns ``p``, ``start`` (label, one colour and shape for each of at most two),
        ``magnetization``, as from :func:`course_lib.experiments.opinions.hysteresis_frame`.
    theory : pandas.DataFrame
        One (q, variant) of :func:`course_lib.experiments.opinions.qvoter_theory_frame`:
        columns ``p``, ``branch``, ``stability``, ``magnetization``; with ``q`` and
        ``variant`` too, the description quotes the coexistence range of
        :func:`course_lib.voter.qvoter_spinodals` when the transition is discontinuous.
    title : str or altair.Title, optional
        Chart title; None gives "History matters: two stable states" with a subtitle.

    Returns
    -------
    altair.LayerChart
        The theory branches (stable solid, unstable dashed) under the simulated dots.

    Examples
    --------
    >>> simulated = pd.DataFrame({"p": [0.05, 0.05], "start": ["ordered start", "evenly split start"],
    ...                           "magnetization": [0.9, 0.0]})
    >>> theory = pd.DataFrame({"p": [0.0, 0.1], "branch": "ordered", "stability": "stable",
    ...                        "magnetization": [1.0, 0.8]})
    >>> chart = hysteresis_chart(simulated, theory)
    >>> len(chart.layer)
    2
    """
    _require(simulated, ["p", "start", "magnetization"], "simulated")
    _require(theory, ["p", "branch", "stability", "magnetization"], "theory")
    starts = list(dict.fromkeys(simulated["start"]))
    x = alt.X("p:Q", title="Nonconformity p (independence)", scale=alt.Scale(
        domain=[0, float(max(simulated["p"].max(), theory["p"].max()))], nice=False))
    y = alt.Y("magnetization:Q", title="Order |m|", scale=alt.Scale(domain=[0, 1]))
    th = theory.assign(curve=theory["branch"] + " " + theory["stability"])
    lines = alt.Chart(th).mark_line(color="#444", strokeWidth=2).encode(
        x=x, y=y, detail=alt.Detail("curve:N"),
        strokeDash=alt.StrokeDash("stability:N", title="Theory", scale=alt.Scale(
            domain=["stable", "unstable"], range=[[1, 0], [5, 4]])),
    )
    dots = alt.Chart(simulated).mark_point(size=55, filled=True, opacity=0.85).encode(
        x=x, y=y,
        color=alt.Color("start:N", title="Simulation", scale=alt.Scale(
            domain=starts, range=[OKABE_ITO[0], OKABE_ITO[4]][: len(starts)])),
        shape=alt.Shape("start:N", title="Simulation", scale=alt.Scale(
            domain=starts, range=["circle", "square"][: len(starts)])),
        tooltip=[alt.Tooltip("start:N"), alt.Tooltip("p:Q", format=".3f"), alt.Tooltip("magnetization:Q", format=".3f")],
    )
    both = []
    ps = sorted(set(simulated["p"]))
    for p in ps:
        at = simulated[simulated["p"] == p]
        if at["magnetization"].max() > 0.5 and at["magnetization"].min() < 0.2:
            both.append(p)
    description = (
        "Chart of the order |m| against the nonconformity p. Solid grey lines: stable "
        "mean-field states; dashed: unstable ones. Dots: simulations from "
        + " and from ".join(f"an {s}" if s[0] in "aeiou" else f"a {s}" for s in starts) + ". "
    )
    if {"q", "variant"} <= set(theory.columns) and theory["q"].nunique() == theory["variant"].nunique() == 1:
        edges = qvoter_spinodals(int(theory["q"].iloc[0]), theory["variant"].iloc[0])
        if edges.discontinuous:
            description += (
                f"Theory: an ordered and a disordered state coexist for p between "
                f"{edges.lower:.3f} and {edges.upper:.3f}. "
            )
    if both:
        description += (
            f"The two simulated starts end in different states for {len(both)} values of p, "
            f"from {min(both):.3f} to {max(both):.3f}."
        )
    else:
        description += "The simulated starts never end in different states."
    return alt.layer(lines, dots).properties(
        width=_WIDTH, height=_HEIGHT,
        title=title or alt.Title("History matters: two stable states",
                                 subtitle="Dots: simulations from two starts; lines: mean-field theory"),
        description=description,
    )


def campaign_response_chart(simulated, theory, title=None):
    """Long-run share of ordinary consumers up against campaign strength, one colour per
    ``p``, one panel per kind of campaign; simulated dots over mean-field lines.

    Parameters
    ----------
    simulated : pandas.DataFrame
        Columns ``kind`` (``"field"`` or ``"zealots"``), ``p``, ``strength``, ``share``
        (:func:`course_lib.experiments.opinions.campaign_simulation_frame`), drawn as
        dots.
    theory : pandas.DataFrame
        The same columns from the mean-field theory
        (:func:`course_lib.experiments.opinions.campaign_frame`), drawn as lines; its
        kinds choose the panels and its ``p`` values the colours.
    title : str or altair.Title, optional
        Title over the panels; None gives "Does the campaign help?" with a subtitle.

    Returns
    -------
    altair.HConcatChart
        One panel per kind of campaign, with a dashed line at half the market.

    Examples
    --------
    >>> theory = pd.DataFrame({"kind": "field", "p": 0.1, "strength": [0.0, 0.1], "share": [0.5, 0.8]})
    >>> chart = campaign_response_chart(theory, theory)
    >>> chart.description.endswith("broadcast: at strength 0.10 theory gives 80% for p = 0.1.")
    True
    """
    for name, frame in (("simulated", simulated), ("theory", theory)):
        _require(frame, ["kind", "p", "strength", "share"], name)
    ps = sorted(set(theory["p"]))
    colour = alt.Color("p:O", title="Nonconformity p", scale=alt.Scale(
        domain=ps, range=[OKABE_ITO[i] for i in (2, 1, 0, 5, 6, 4)][: len(ps)]))
    names = {"field": "Broadcast: strength = chance of hearing it", "zealots": "Ambassadors: strength = their share"}
    y = alt.Y("share:Q", title="Ordinary consumers who buy", scale=alt.Scale(domain=[0, 1]),
              axis=alt.Axis(format=".0%"))
    panels, parts = [], []
    for kind in [k for k in ("field", "zealots") if k in set(theory["kind"])]:
        th, sim = theory[theory.kind == kind], simulated[simulated.kind == kind]
        x = alt.X("strength:Q", title="Campaign strength", scale=alt.Scale(
            domain=[0, float(th["strength"].max())], nice=False))
        half = alt.Chart(pd.DataFrame({"share": [0.5]})).mark_rule(color="#999", strokeDash=[4, 4]).encode(y=alt.Y("share:Q"))
        lines = alt.Chart(th).mark_line().encode(x=x, y=y, color=colour)
        dots = alt.Chart(sim).mark_point(size=40, filled=True).encode(
            x=x, y=y, color=colour,
            tooltip=[alt.Tooltip("p:O"), alt.Tooltip("strength:Q", format=".2f"), alt.Tooltip("share:Q", format=".3f")],
        )
        panels.append(alt.layer(half, lines, dots).properties(width=320, height=260, title=names[kind]))
        top = th[th.strength == th.strength.max()]
        parts.append(
            f"{names[kind].split(':')[0].lower()}: at strength {float(th.strength.max()):.2f} theory gives "
            + ", ".join(f"{_pct(r.share)} for p = {r.p:g}" for r in top.itertuples())
        )
    return alt.hconcat(*panels).properties(
        title=title or alt.Title("Does the campaign help?",
                                 subtitle="Dots: simulation; lines: mean-field theory; dashed: half the market"),
        description=(
            "Line charts of the long-run share of ordinary consumers who buy against the "
            "strength of a campaign, one line per nonconformity p, dots from simulation. "
            + "; ".join(parts) + "."
        ),
    )


def campaign_trajectory_chart(simulated, theory, title=None):
    """Share of ordinary consumers up over time, with and without a campaign:
    simulated dots over mean-field lines.

    Parameters
    ----------
    simulated : pandas.DataFrame
        Columns ``sweep``, ``share``, ``scenario`` (``"campaign"``, ``"no campaign"``),
        in time order: one simulation, drawn as dots at even sweeps.
    theory : pandas.DataFrame
        The same columns from the mean-field theory, in time order, drawn as lines.
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "With and without the campaign".

    Returns
    -------
    altair.LayerChart
        The theory lines and the simulated dots; the description compares the last
        share of each scenario.

    Examples
    --------
    >>> frame = pd.DataFrame({"sweep": [0, 2, 0, 2], "share": [0.5, 0.7, 0.5, 0.5],
    ...                       "scenario": ["campaign", "campaign", "no campaign", "no campaign"]})
    >>> chart = campaign_trajectory_chart(frame, frame)
    >>> "campaign: simulation ends at 70%, theory at 70%" in chart.description
    True
    """
    _require(simulated, ["sweep", "share", "scenario"], "simulated")
    _require(theory, ["sweep", "share", "scenario"], "theory")
    end = simulated.groupby("scenario")["share"].last()
    end_t = theory.groupby("scenario")["share"].last()
    both = pd.concat([
        theory.assign(source="theory"),
        simulated[simulated["sweep"] % 2 == 0].assign(source="simulation"),
    ], ignore_index=True)
    encoding = dict(
        x=alt.X("sweep:Q", title="Time (sweeps: each consumer reconsiders once per sweep)"),
        y=alt.Y("share:Q", title="Ordinary consumers who buy", scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%")),
        color=alt.Color("scenario:N", title=None, scale=alt.Scale(
            domain=["campaign", "no campaign"], range=[OKABE_ITO[5], "#777777"]),
            legend=alt.Legend(orient="bottom")),
    )
    # one data set per scenario, so that an explorer's website page keeps the runs without
    # a campaign once for every campaign strength (course_lib.explore.declare)
    scenarios = [alt.Chart(both[both["scenario"] == s]).encode(**encoding) for s in ("no campaign", "campaign")]
    lines = [base.mark_line(strokeWidth=2.5).transform_filter(alt.datum.source == "theory") for base in scenarios]
    dots = [base.mark_point(size=18, filled=True, opacity=0.6).transform_filter(alt.datum.source == "simulation")
            for base in scenarios]
    description = (
        "Line chart of the share of ordinary consumers who buy over time. "
        + "; ".join(
            f"{s}: simulation ends at {_pct(end[s])}, theory at {_pct(end_t[s])}"
            for s in ("campaign", "no campaign") if s in end.index and s in end_t.index
        )
        + ". Dots: one simulation; lines: mean-field theory."
    )
    return alt.layer(*lines, *dots, width=520, height=280,
                     title=title or "With and without the campaign", description=description)



def disorder_chart(simulated, theory, title=None):
    """Order against resistance, annealed (everyone, some of the time) against quenched
    (some people, all of the time): one panel per variant, theory lines under
    simulated dots.

    Parameters
    ----------
    simulated : pandas.DataFrame
        Columns ``variant``, ``who``, ``p``, ``magnetization``, as from
        :func:`course_lib.experiments.opinions.disorder_simulation_frame`.
    theory : pandas.DataFrame
        The same columns from
        :func:`course_lib.experiments.opinions.disorder_theory_frame`, plus ``q``
        (one per variant) and ``disorder``; its variants choose the panels.
    title : str or altair.Title, optional
        Title over the panels; None gives "Who resists, or how often?" with a subtitle.

    Returns
    -------
    altair.HConcatChart
        One panel per variant; the description gives the two critical points
        (:func:`course_lib.voter.qvoter_critical_point`,
        :func:`course_lib.voter.quenched_critical_point`).

    Examples
    --------
    >>> theory = pd.DataFrame({"variant": "independence", "q": 4, "disorder": ["annealed", "quenched"],
    ...                        "who": ["everyone", "some"], "p": 0.5, "magnetization": [0.0, 0.49]})
    >>> chart = disorder_chart(theory, theory)
    >>> "independence: order is lost at p = 0.273 (everyone) and 0.750 (some)" in chart.description
    True
    """
    _require(simulated, ["variant", "who", "p", "magnetization"], "simulated")
    _require(theory, ["variant", "q", "disorder", "who", "p", "magnetization"], "theory")
    who = list(dict.fromkeys(theory.sort_values("disorder")["who"]))
    colour = alt.Color("who:N", title="Who resists", scale=alt.Scale(domain=who, range=[OKABE_ITO[0], OKABE_ITO[4]][: len(who)]),
                       legend=alt.Legend(orient="bottom"))
    x = alt.X("p:Q", title="Resistance p (a chance, or a share of people)", scale=alt.Scale(domain=[0, 1], nice=False))
    y = alt.Y("magnetization:Q", title="Order |m| (0 split, 1 unanimous)", scale=alt.Scale(domain=[0, 1]))
    tooltip = [alt.Tooltip("who:N"), alt.Tooltip("p:Q", format=".3f"), alt.Tooltip("magnetization:Q", format=".3f")]
    # dashed over solid, so that lines that coincide (anticonformity) both show
    dash = alt.StrokeDash("who:N", scale=alt.Scale(domain=who, range=[[1, 0], [6, 4]][: len(who)]), legend=None)
    panels, parts = [], []
    for variant in [v for v in ("independence", "anticonformity") if v in set(theory["variant"])]:
        th, sim = theory[theory["variant"] == variant], simulated[simulated["variant"] == variant]
        lines = alt.Chart(th).mark_line(strokeWidth=2).encode(x=x, y=y, color=colour, strokeDash=dash)
        dots = alt.Chart(sim).mark_point(size=45, filled=True, stroke="white", strokeWidth=0.6).encode(
            x=x, y=y, color=colour, tooltip=tooltip)
        panels.append(alt.layer(lines, dots).properties(
            width=320, height=240, title=alt.Title(variant.capitalize())))
        q = int(th["q"].iloc[0])
        edges = [(qvoter_critical_point(q, variant), "everyone"), (quenched_critical_point(q, variant), "some")]
        parts.append(f"{variant}: order is lost at p = {edges[0][0]:.3f} ({edges[0][1]}) and "
                     f"{edges[1][0]:.3f} ({edges[1][1]})")
    return alt.hconcat(*panels).resolve_scale(color="shared").properties(
        title=title or alt.Title("Who resists, or how often?",
                                 subtitle="Dots: simulation on the complete graph; lines: mean-field theory "
                                          "(dashed: some people, all of the time)"),
        description=(
            "Line charts of the order of the market (|m|, 0 = evenly split, 1 = unanimous) "
            "against resistance p, one panel per kind of resistance: either everyone resists "
            "with probability p at each update, or a fixed share p of the people always resists. "
            + "; ".join(parts) + "."
        ),
    )


def mixed_campaign_chart(simulated, theory, title=None, legend=True):
    """Long-run share who buy against campaign strength in a market with fixed
    resisters: one colour per certainty, one panel per place of expression
    (public, private); theory lines under simulated dots.

    Parameters
    ----------
    simulated : pandas.DataFrame
        Columns ``where``, ``label``, ``strength``, ``share``, as from
        :func:`course_lib.experiments.opinions.mixed_campaign_simulation_frame`.
    theory : pandas.DataFrame
        The same columns from
        :func:`course_lib.experiments.opinions.mixed_campaign_frame`; its ``where``
        values choose the panels, its labels the colours.
    title : str or altair.Title, optional
        Title over the panels; None gives "What the resisters do to a campaign".
    legend : bool, default True
        False: no colour legend, and the colours follow the labels in the data rather
        than a domain fixed to them. For one line whose label the title already gives
        (the lesson's explorer), so that the colour scale is the same at every setting,
        as the website needs (:mod:`course_lib.explore.declare`).

    Returns
    -------
    altair.FacetChart
        One panel per place, a dashed rule at half the market; the description
        gives each line's share without and with the strongest campaign.

    Examples
    --------
    >>> theory = pd.DataFrame({"where": "in public", "label": "0% of them certain",
    ...                        "strength": [0.0, 0.3], "share": [0.5, 0.436]})
    >>> chart = mixed_campaign_chart(theory, theory)
    >>> "in public, 0% of them certain: 50% without a campaign, 44% at strength 0.30" in chart.description
    True
    """
    for name, frame in (("simulated", simulated), ("theory", theory)):
        _require(frame, ["where", "label", "strength", "share"], name)
    labels = list(dict.fromkeys(theory["label"]))
    places = list(dict.fromkeys(theory["where"]))
    columns = ["where", "label", "strength", "share"]
    palette = [OKABE_ITO[i] for i in (5, 6, 2, 0, 1)]
    # one data set and one faceted layer: several times faster to build and serialize
    # than a concatenation of layered panels, which matters when a slider redraws it
    both = pd.concat([theory[columns].assign(source="theory"),
                      simulated[columns].assign(source="simulation")], ignore_index=True)
    base = alt.Chart(both).encode(
        x=alt.X("strength:Q", title="Campaign strength", scale=alt.Scale(
            domain=[0, float(theory["strength"].max())], nice=False)),
        y=alt.Y("share:Q", title="Consumers who buy", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=".0%")),
        color=alt.Color("label:N", title="Empowered consumers", sort=labels, scale=alt.Scale(
            domain=labels, range=palette[: len(labels)]), legend=alt.Legend(orient="bottom")) if legend else
        alt.Color("label:N", legend=None, scale=alt.Scale(range=palette)),
    )
    lines = base.mark_line(strokeWidth=2).transform_filter(alt.datum.source == "theory")
    dots = base.mark_point(size=45, filled=True, stroke="white", strokeWidth=0.6).encode(
        tooltip=[alt.Tooltip("label:N"), alt.Tooltip("strength:Q", format=".2f"),
                 alt.Tooltip("share:Q", format=".3f")],
    ).transform_filter(alt.datum.source == "simulation")
    half = alt.Chart(both).mark_rule(color="#999", strokeDash=[4, 4]).encode(
        y=alt.Y(datum=0.5)).transform_filter(alt.datum.strength == 0)
    parts = []
    for where in places:
        th = theory[theory["where"] == where]
        for label in labels:
            line = th[th["label"] == label].sort_values("strength")
            if len(line):
                parts.append(f"{where}, {label}: {_pct(line.share.iloc[0])} without a campaign, "
                             f"{_pct(line.share.iloc[-1])} at strength {line.strength.iloc[-1]:.2f}")
    return alt.layer(lines, dots, half).properties(width=300, height=240).facet(
        column=alt.Column("where:N", title=None, sort=places, header=alt.Header(
            labelExpr="'Opinions expressed ' + datum.value", labelFontSize=13)),
    ).properties(
        title=title or alt.Title("What the resisters do to a campaign",
                                 subtitle="Dots: simulation; lines: mean-field theory; dashed: half the market"),
        description=(
            "Line charts of the long-run share of consumers who buy against the strength of a "
            "campaign, one line per share of empowered consumers who are certain of their "
            "attitude. " + "; ".join(parts) + "."
        ),
    )
