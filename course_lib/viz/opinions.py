"""Altair charts for the opinion lessons (04 to 06).

Like the builders in :mod:`course_lib.viz`, each takes tidy tables (from
:mod:`course_lib.experiments.opinions`) and returns a chart with a ``description`` that
screen readers announce; builders only reshape and draw.
"""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..voter import qvoter_critical_point, qvoter_spinodals, quenched_critical_point
from ._shared import _HEIGHT, _WIDTH, _require
from .theme import OKABE_ITO

__all__ = [
    # lesson 04
    "opinion_trajectory_chart",
    "empowerment_chart",
    "centrality_sweep_chart",
    "company_lever_chart",
    # lesson 05
    "qvoter_phase_chart",
    "hysteresis_chart",
    "campaign_response_chart",
    "campaign_trajectory_chart",
    "disorder_chart",
    "mixed_campaign_chart",
    # lesson 06
    "expressed_private_chart",
    "resilience_chart",
    "kelman_chart",
]

_VARIANT_COLOURS = {"independence": OKABE_ITO[4], "anticonformity": OKABE_ITO[5]}


def _pct(x):
    return f"{x:.0%}"


# =========================================================================== lesson 04
def opinion_trajectory_chart(frame, highlight=None, reference=None, title=None):
    """Opinion of every person after each update: one line per person, one of them
    highlighted, and optionally a dashed reference level (e.g. the predicted consensus).

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``step``, ``person``, ``opinion`` (e.g.
        :func:`course_lib.experiments.opinions.trajectory_table`); the description
        reads the opinions at step 0 and at the last step.
    highlight : str, optional
        Name of the person drawn in colour, with a thicker line (the others are grey).
        None (the default) colours nobody and shows no legend.
    reference : tuple of (float, str), optional
        Level and label of a dashed horizontal line, also named in the subtitle.
        None (the default) draws no line.
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "Opinions over time". A string
        gets the reference as its subtitle; an :class:`altair.Title` is used as it is.

    Returns
    -------
    altair.LayerChart
        The opinion lines, with the reference line when given.

    Examples
    --------
    >>> frame = pd.DataFrame({"step": [0, 0, 1, 1], "person": ["Ann", "Bo", "Ann", "Bo"],
    ...                       "opinion": [0.2, 0.8, 0.4, 0.6]})
    >>> chart = opinion_trajectory_chart(frame, highlight="Ann", reference=(0.5, "the consensus"))
    >>> chart.title.subtitle
    'Dashed: the consensus 0.500'
    >>> chart.description.endswith("Ann's line is coloured. A dashed line marks the consensus at 0.500.")
    True
    """
    _require(frame, ["step", "person", "opinion"], "frame")
    people = list(dict.fromkeys(frame["person"]))
    hl = frame["person"] == highlight
    data = frame.assign(who=np.where(hl, str(highlight), "others"))
    colour = alt.Color("who:N", title=None, scale=alt.Scale(
        domain=[str(highlight), "others"] if highlight is not None else ["others"],
        range=[OKABE_ITO[5], "#9a9a9a"] if highlight is not None else ["#9a9a9a"]),
        legend=alt.Legend(orient="bottom") if highlight is not None else None)
    lines = alt.Chart(data).mark_line(strokeWidth=1.8).encode(
        x=alt.X("step:Q", title="Update"),
        y=alt.Y("opinion:Q", title="Opinion of the product (0–1)", scale=alt.Scale(domain=[0, 1])),
        detail=alt.Detail("person:N"),
        color=colour,
        size=alt.condition(alt.datum.who == "others", alt.value(1.5), alt.value(3.5)),
        tooltip=[alt.Tooltip("person:N"), alt.Tooltip("step:Q"), alt.Tooltip("opinion:Q", format=".3f")],
    )
    layers = [lines]
    last = frame[frame["step"] == frame["step"].max()]
    description = (
        f"Line chart of the opinions of {len(people)} people over {int(frame['step'].max())} updates; "
        f"they start between {frame[frame.step == 0].opinion.min():.2f} and "
        f"{frame[frame.step == 0].opinion.max():.2f} and end between {last.opinion.min():.2f} and "
        f"{last.opinion.max():.2f}."
    )
    if highlight is not None:
        description += f" {highlight}'s line is coloured."
    if reference is not None:
        level, label = reference
        ref = pd.DataFrame({"opinion": [float(level)]})
        layers.append(alt.Chart(ref).mark_rule(color="#333", strokeDash=[6, 4]).encode(y=alt.Y("opinion:Q")))
        description += f" A dashed line marks {label} at {float(level):.3f}."
    if title is None or isinstance(title, str):
        title = alt.Title(title or "Opinions over time", subtitle=(
            f"Dashed: {reference[1]} {float(reference[0]):.3f}" if reference is not None else alt.Undefined))
    return alt.layer(*layers, width=_WIDTH, height=_HEIGHT - 40, title=title, description=description)


def empowerment_chart(frame, title=None, tooltips=True):
    """Two panels for one empowered person: every person's initial and equilibrium
    opinion, and every person's influence centrality with its value before
    empowerment as a tick.

    Parameters
    ----------
    frame : pandas.DataFrame
        :func:`course_lib.experiments.opinions.empowerment_frame`: columns ``person``,
        ``initial``, ``equilibrium``, ``centrality``, ``baseline_centrality`` and
        ``empowered`` (bool; at least one row True, the first such person is named),
        and optionally ``baseline_equilibrium`` (its mean is quoted when present).
    title : str or altair.Title, optional
        Title over both panels; None (or an empty string) gives "Empowering <person>".
    tooltips : bool, default True
        Hover tooltips (explorers leave them out: they make every redraw slower).

    Returns
    -------
    altair.HConcatChart
        The opinions panel (left) beside the influence panel (right).

    Examples
    --------
    >>> frame = pd.DataFrame({"person": ["Ann", "Bo"], "initial": [0.2, 0.8],
    ...                       "equilibrium": [0.3, 0.3], "centrality": [0.7, 0.3],
    ...                       "baseline_centrality": [0.5, 0.5], "empowered": [True, False]})
    >>> chart = empowerment_chart(frame)
    >>> chart.title, len(chart.hconcat)
    ('Empowering Ann', 2)
    """
    _require(frame, ["person", "initial", "equilibrium", "centrality", "baseline_centrality", "empowered"],
             "frame")
    order = list(frame["person"])
    y = alt.Y("person:N", sort=order, title=None)
    colour = alt.Color("empowered:N", legend=None, scale=alt.Scale(
        domain=[True, False], range=[OKABE_ITO[5], OKABE_ITO[4]]))
    long = pd.concat([
        frame[["person", "empowered"]].assign(kind="initial", opinion=frame["initial"]),
        frame[["person", "empowered"]].assign(kind="at rest", opinion=frame["equilibrium"]),
    ], ignore_index=True)
    base = alt.Chart(long).encode(
        x=alt.X("opinion:Q", title="Opinion of the product", scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(tickCount=5)),
        y=y,
    )
    mean_now = float(frame["equilibrium"].mean())
    subtitle = f"Pale circle: initial; diamond: at rest (mean {mean_now:.3f}"
    if "baseline_equilibrium" in frame:
        subtitle += f", before {float(frame['baseline_equilibrium'].mean()):.3f}"
    points = base.mark_point(size=100, filled=True).encode(
        color=colour,
        shape=alt.Shape("kind:N", legend=None, scale=alt.Scale(domain=["initial", "at rest"],
                                                               range=["circle", "diamond"])),
        opacity=alt.Opacity("kind:N", legend=None, scale=alt.Scale(domain=["initial", "at rest"],
                                                                   range=[0.4, 1.0])),
        **({"tooltip": ["person:N", "kind:N", alt.Tooltip("opinion:Q", format=".3f")]} if tooltips else {}),
    )
    left = alt.layer(
        base.mark_line(color="#bbbbbb", strokeWidth=2).encode(detail=alt.Detail("person:N")),
        points,
        width=300, height=300, title=alt.Title("Opinions", subtitle=subtitle + ")"),
    )
    top = max(0.3, float(frame[["centrality", "baseline_centrality"]].max().max()) * 1.1)
    c_scale = alt.Scale(domain=[0, top])
    bars_base = alt.Chart(frame).encode(y=y)
    right = alt.layer(
        bars_base.mark_bar(height=14).encode(
            x=alt.X("centrality:Q", title="Influence centrality (share of everyone's view)",
                    scale=c_scale, axis=alt.Axis(format=".0%")),
            color=colour,
            **({"tooltip": ["person:N", alt.Tooltip("centrality:Q", format=".3f"),
                            alt.Tooltip("baseline_centrality:Q", title="before", format=".3f")]}
               if tooltips else {})),
        bars_base.mark_tick(color="#222", thickness=2, size=20).encode(
            x=alt.X("baseline_centrality:Q", scale=c_scale)),
        width=260, height=300,
        title=alt.Title("Influence", subtitle="Bars: now; black ticks: before empowerment"),
    )
    row = frame[frame["empowered"]].iloc[0]
    before = (f" (before empowerment {frame.baseline_equilibrium.mean():.3f})"
              if "baseline_equilibrium" in frame else "")
    return alt.hconcat(
        left, right,
        title=title or f"Empowering {row.person}",
        description=(
            f"Two charts for {len(frame)} people. Left: initial and equilibrium opinions; the mean "
            f"equilibrium opinion is {frame.equilibrium.mean():.3f}{before}. Right: influence "
            f"centrality; {row.person}, who is empowered, has {row.centrality:.3f} (before "
            f"{row.baseline_centrality:.3f}); highest {frame.centrality.max():.3f} "
            f"({frame.loc[frame.centrality.idxmax(), 'person']})."
        ),
    )


def centrality_sweep_chart(theory, simulated=None, title=None):
    """One person's influence centrality against their susceptibility, one line per
    voice factor (closed form), with values measured by running the model as dots.

    Parameters
    ----------
    theory : pandas.DataFrame
        Columns ``susceptibility``, ``voice``, ``centrality``
        (:func:`course_lib.experiments.opinions.centrality_sweep_frame`), one line per
        voice factor.
    simulated : pandas.DataFrame, optional
        The same columns measured by running the model
        (:func:`course_lib.experiments.opinions.simulated_centrality_frame`), drawn as
        dots. None (the default) draws no dots.
    title : str or altair.Title, optional
        Chart title; None gives "Less swayed, more swaying" with a subtitle.

    Returns
    -------
    altair.LayerChart
        The closed-form lines, with the simulated dots when given.

    Examples
    --------
    >>> theory = pd.DataFrame({"susceptibility": [0.2, 0.8, 0.2, 0.8], "voice": [1.0, 1.0, 2.0, 2.0],
    ...                        "centrality": [0.4, 0.1, 0.6, 0.2]})
    >>> chart = centrality_sweep_chart(theory)
    >>> "Voice ×2: from 0.600 at susceptibility 0.2 to 0.200 at 0.8." in chart.description
    True
    """
    _require(theory, ["susceptibility", "voice", "centrality"], "theory")
    voices = sorted(set(theory["voice"]))
    colour = alt.Color("voice:O", title="Voice ×", scale=alt.Scale(
        domain=voices, range=[OKABE_ITO[i] for i in (4, 0, 5, 2, 6)][: len(voices)]))
    x = alt.X("susceptibility:Q", title="Her susceptibility (1 = only listens to others)",
              scale=alt.Scale(domain=[0, 1]))
    y = alt.Y("centrality:Q", title="Her influence centrality", axis=alt.Axis(format=".0%"),
              scale=alt.Scale(zero=True))
    layers = [alt.Chart(theory).mark_line().encode(x=x, y=y, color=colour)]
    description = (
        "Line chart of one person's influence centrality against her susceptibility, one line "
        "per voice factor (" + ", ".join(f"×{v:g}" for v in voices) + "). "
    )
    for v in voices:
        t = theory[theory.voice == v].sort_values("susceptibility")
        description += (f"Voice ×{v:g}: from {t.centrality.iloc[0]:.3f} at susceptibility "
                        f"{t.susceptibility.iloc[0]:g} to {t.centrality.iloc[-1]:.3f} at "
                        f"{t.susceptibility.iloc[-1]:g}. ")
    if simulated is not None:
        _require(simulated, ["susceptibility", "voice", "centrality"], "simulated")
        layers.append(alt.Chart(simulated).mark_point(size=55, filled=True, stroke="white", strokeWidth=0.8).encode(
            x=x, y=y, color=colour,
            tooltip=[alt.Tooltip("susceptibility:Q"), alt.Tooltip("voice:O"), alt.Tooltip("centrality:Q", format=".4f")]))
        description += "Dots: the same quantity measured by running the model."
    return alt.layer(*layers, width=_WIDTH, height=_HEIGHT - 20,
                     title=title or alt.Title("Less swayed, more swaying",
                                              subtitle="Lines: closed form; dots: running the model"),
                     description=description)


_LEVER_MEASURES = {
    "target_opinion": ("Target's opinion at rest", ".2f"),
    "others_opinion": ("Everybody else's mean opinion", ".2f"),
    "others_move": ("How far everybody else moves", "+.3f"),
    "company_share": ("Company's share of the average view", ".0%"),
    "target_share": ("Target's share of the average view", ".0%"),
}


def company_lever_chart(frame, measures=("target_opinion", "others_move"), title=None):
    """Heatmaps over the two levers, the company's influence (across) and the target's
    empowerment (up): one row per measure, one column per target.

    Parameters
    ----------
    frame : pandas.DataFrame
        :func:`course_lib.experiments.opinions.company_lever_frame`: columns
        ``target``, ``influence``, ``empowerment`` and the ``measures``.
    measures : sequence of str, optional
        Columns to draw, from ``"target_opinion"``, ``"others_opinion"``,
        ``"others_move"`` (diverging colours around 0), ``"company_share"`` and
        ``"target_share"``.
    title : str or altair.Title, optional
        Title over the rows; None gives "Two levers on the same target".

    Returns
    -------
    altair.VConcatChart
        One faceted heatmap per measure, each cell labelled with its value.

    Raises
    ------
    ValueError
        If a measure is not one of the columns above.

    Examples
    --------
    >>> frame = pd.DataFrame({"target": ["Ann"] * 4, "influence": [0.0, 0.5, 0.0, 0.5],
    ...                       "empowerment": [0.0, 0.0, 1.0, 1.0], "target_opinion": [0.5, 0.8, 0.7, 0.75],
    ...                       "others_move": [0.0, 0.02, 0.01, 0.015]})
    >>> chart = company_lever_chart(frame)
    >>> len(chart.vconcat), "influence 0.5 and empowerment 0" in chart.description
    (2, True)
    """
    unknown = [m for m in measures if m not in _LEVER_MEASURES]
    if unknown or not measures:
        raise ValueError(f"measures must be some of {list(_LEVER_MEASURES)}, got {list(measures)}")
    _require(frame, ["target", "influence", "empowerment", *measures], "frame")
    targets = list(dict.fromkeys(frame["target"]))
    cell = 240 // max(frame.influence.nunique(), frame.empowerment.nunique(), 1)
    rows, parts = [], []
    for m in measures:
        label, fmt = _LEVER_MEASURES[m]
        values = frame[m].astype(float)
        if m == "others_move":
            top = max(float(values.abs().max()), 1e-3)
            scale = alt.Scale(scheme="blueorange", domain=[-top, top])
            dark = values.abs() > top / 2
        else:
            top = max(1.0 if fmt == ".2f" else 0.0, float(values.max()))
            scale = alt.Scale(scheme="viridis", domain=[0, top])
            dark = values < top * 0.6
        base = alt.Chart().encode(
            x=alt.X("influence:O", title="Company's influence w", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("empowerment:O", title="Target's empowerment e", sort="descending"),
        )
        heat = base.mark_rect().encode(
            color=alt.Color(f"{m}:Q", title=label, scale=scale, legend=alt.Legend(format=fmt, orient="right")),
            tooltip=[alt.Tooltip("target:N"), alt.Tooltip("influence:O"), alt.Tooltip("empowerment:O"),
                     alt.Tooltip(f"{m}:Q", title=label, format=fmt)])
        text = base.mark_text(fontSize=9).encode(
            text=alt.Text(f"{m}:Q", format=fmt),
            color=alt.condition(alt.datum.dark, alt.value("white"), alt.value("black")))
        data = frame[["target", "influence", "empowerment", m]].assign(dark=dark.to_numpy())
        rows.append(alt.layer(heat, text, data=data).properties(
            width=cell * frame.influence.nunique(), height=cell * frame.empowerment.nunique()).facet(
            column=alt.Column("target:N", title=label, sort=targets)))
        for t in targets:
            f = frame[frame.target == t]
            lo, hi = f.loc[values[f.index].idxmin()], f.loc[values[f.index].idxmax()]
            parts.append(f"{t}, {label.lower()}: from {format(lo[m], fmt)} at influence {lo.influence:g} and "
                         f"empowerment {lo.empowerment:g} to {format(hi[m], fmt)} at influence "
                         f"{hi.influence:g} and empowerment {hi.empowerment:g}")
    return alt.vconcat(*rows, title=title or "Two levers on the same target",
                       description=("Heatmaps over the company's influence (across) and the target's "
                                    "empowerment (up). " + "; ".join(parts) + ".")).resolve_scale(color="independent")


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
    base = alt.Chart(both).encode(
        x=alt.X("sweep:Q", title="Time (sweeps: each consumer reconsiders once per sweep)"),
        y=alt.Y("share:Q", title="Ordinary consumers who buy", scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%")),
        color=alt.Color("scenario:N", title=None, scale=alt.Scale(
            domain=["campaign", "no campaign"], range=[OKABE_ITO[5], "#777777"]),
            legend=alt.Legend(orient="bottom")),
    )
    lines = base.mark_line(strokeWidth=2.5).transform_filter(alt.datum.source == "theory")
    dots = base.mark_point(size=18, filled=True, opacity=0.6).transform_filter(
        alt.datum.source == "simulation")
    description = (
        "Line chart of the share of ordinary consumers who buy over time. "
        + "; ".join(
            f"{s}: simulation ends at {_pct(end[s])}, theory at {_pct(end_t[s])}"
            for s in ("campaign", "no campaign") if s in end.index and s in end_t.index
        )
        + ". Dots: one simulation; lines: mean-field theory."
    )
    return alt.layer(lines, dots, width=520, height=280,
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


def mixed_campaign_chart(simulated, theory, title=None):
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
    # one data set and one faceted layer: several times faster to build and serialize
    # than a concatenation of layered panels, which matters when a slider redraws it
    both = pd.concat([theory[columns].assign(source="theory"),
                      simulated[columns].assign(source="simulation")], ignore_index=True)
    base = alt.Chart(both).encode(
        x=alt.X("strength:Q", title="Campaign strength", scale=alt.Scale(
            domain=[0, float(theory["strength"].max())], nice=False)),
        y=alt.Y("share:Q", title="Consumers who buy", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=".0%")),
        color=alt.Color("label:N", title="Empowered consumers", sort=labels, scale=alt.Scale(
            domain=labels, range=[OKABE_ITO[i] for i in (5, 6, 2, 0, 1)][: len(labels)]),
            legend=alt.Legend(orient="bottom")),
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


# =========================================================================== lesson 06
def expressed_private_chart(frame, spreads, highlight=None, title=None, tooltips=True):
    """Private and expressed opinions over time, side by side (one line per person,
    ``highlight`` in colour), and the spread of each over time.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``step``, ``person``, ``kind`` (``"private"``/``"expressed"``), ``opinion``
        (:func:`course_lib.experiments.opinions.expressed_private_frame`).
    spreads : pandas.DataFrame
        Columns ``step``, ``kind``, ``spread``
        (:func:`course_lib.experiments.opinions.spread_frame`).
    highlight : str, optional
        Name of the person drawn in colour (the others are grey); the description
        then quotes their last private and expressed opinions. None (the default)
        colours nobody.
    title : str or altair.Title, optional
        Title over the panels; None (or an empty string) gives "What people think and
        what they say".
    tooltips : bool, default True
        Hover tooltips (explorers leave them out: they make every redraw slower).

    Returns
    -------
    altair.HConcatChart
        The private and expressed opinions (an :class:`altair.FacetChart`, one column
        per kind) beside the spreads.

    Examples
    --------
    >>> frame = pd.DataFrame({"step": [0, 0, 1, 1] * 2, "person": ["Ann", "Bo"] * 4,
    ...                       "kind": ["private"] * 4 + ["expressed"] * 4,
    ...                       "opinion": [0.2, 0.8, 0.3, 0.7, 0.2, 0.8, 0.45, 0.55]})
    >>> spreads = pd.DataFrame({"step": [0, 1, 0, 1], "kind": ["private"] * 2 + ["expressed"] * 2,
    ...                         "spread": [0.6, 0.4, 0.6, 0.1]})
    >>> chart = expressed_private_chart(frame, spreads, highlight="Ann")
    >>> chart.description.endswith("Ann ends thinking 0.300 and saying 0.450.")
    True
    """
    _require(frame, ["step", "person", "kind", "opinion"], "frame")
    _require(spreads, ["step", "kind", "spread"], "spreads")
    data = frame.assign(who=np.where(frame["person"] == highlight, str(highlight), "others"))
    lines = alt.Chart(data).mark_line(strokeWidth=1.6).encode(
        x=alt.X("step:Q", title="Update"),
        y=alt.Y("opinion:Q", title="Opinion", scale=alt.Scale(domain=[0, 1])),
        detail=alt.Detail("person:N"),
        color=alt.Color("who:N", title=None, scale=alt.Scale(
            domain=[str(highlight), "others"] if highlight is not None else ["others"],
            range=[OKABE_ITO[5], "#9a9a9a"] if highlight is not None else ["#9a9a9a"]),
            legend=alt.Legend(orient="bottom") if highlight is not None else None),
        **({"tooltip": [alt.Tooltip("person:N"), alt.Tooltip("kind:N"), alt.Tooltip("step:Q"),
                        alt.Tooltip("opinion:Q", format=".3f")]} if tooltips else {}),
    ).properties(width=210, height=240).facet(
        column=alt.Column("kind:N", title=None, sort=["private", "expressed"],
                          header=alt.Header(labelExpr="datum.value == 'private' ? 'What they think' : 'What they say'")),
    )
    spread = alt.Chart(spreads).mark_line(strokeWidth=2.5).encode(
        x=alt.X("step:Q", title="Update"),
        y=alt.Y("spread:Q", title="Spread (largest − smallest)", scale=alt.Scale(domain=[0, 1])),
        strokeDash=alt.StrokeDash("kind:N", title=None, scale=alt.Scale(
            domain=["private", "expressed"], range=[[1, 0], [6, 4]]), legend=alt.Legend(orient="bottom")),
        **({"tooltip": ["kind:N", "step:Q", alt.Tooltip("spread:Q", format=".3f")]} if tooltips else {}),
    ).properties(width=200, height=240, title="How far apart")
    last = spreads[spreads.step == spreads.step.max()].set_index("kind")["spread"]
    description = (
        f"Two line charts of {frame.person.nunique()} people's opinions over "
        f"{int(frame.step.max())} updates, what they privately think and what they say"
        + (f", with {highlight} in colour" if highlight is not None else "")
        + f"; and the spread of each: after the last update private opinions span "
        f"{last.get('private', float('nan')):.3f} and expressed ones {last.get('expressed', float('nan')):.3f}."
    )
    if highlight is not None:
        mine = frame[(frame.person == highlight) & (frame.step == frame.step.max())].set_index("kind")["opinion"]
        description += (f" {highlight} ends thinking {mine.get('private', float('nan')):.3f} and saying "
                        f"{mine.get('expressed', float('nan')):.3f}.")
    return alt.hconcat(lines, spread, title=title or "What people think and what they say",
                       description=description)


def resilience_chart(theory, simulated=None, person="the highlighted person", title=None):
    """At rest, against resilience: the spread of private and of expressed opinions and
    one person's private-minus-expressed gap; closed-form lines, simulated dots.

    Parameters
    ----------
    theory : pandas.DataFrame
        Columns ``resilience``, ``measure``, ``value``
        (:func:`course_lib.experiments.opinions.resilience_frame`), with rows for each
        of the three measures ``"private spread"``, ``"expressed spread"`` and
        ``"gap"``; drawn as lines.
    simulated : pandas.DataFrame, optional
        The same columns after running the model
        (:func:`course_lib.experiments.opinions.simulated_resilience_frame`), drawn as
        dots. None (the default) draws no dots.
    person : str, default "the highlighted person"
        Name of the person whose gap is drawn, used in the legend and description.
    title : str or altair.Title, optional
        Chart title; None gives "The less resilient, the more they agree in public"
        with a subtitle.

    Returns
    -------
    altair.LayerChart
        The closed-form lines, with the simulated dots when given.

    Examples
    --------
    >>> theory = pd.DataFrame({"resilience": [0.2, 0.8] * 3,
    ...                        "measure": ["private spread"] * 2 + ["expressed spread"] * 2 + ["gap"] * 2,
    ...                        "value": [0.5, 0.5, 0.1, 0.4, 0.3, 0.05]})
    >>> chart = resilience_chart(theory, person="Ann")
    >>> chart.description.endswith("Ann: thinks minus says from 0.300 at resilience 0.2 to 0.050 at 0.8.")
    True
    """
    _require(theory, ["resilience", "measure", "value"], "theory")
    measures = ["private spread", "expressed spread", "gap"]
    labels = {"private spread": "spread of what they think", "expressed spread": "spread of what they say",
              "gap": f"{person}: thinks minus says"}
    colour = alt.Color("label:N", title=None, scale=alt.Scale(
        domain=[labels[m] for m in measures], range=[OKABE_ITO[4], OKABE_ITO[0], OKABE_ITO[5]]),
        legend=alt.Legend(orient="bottom", direction="vertical"))
    x = alt.X("resilience:Q", title="Resilience φ (everyone)", scale=alt.Scale(domain=[0, 1]))
    y = alt.Y("value:Q", title="Opinion units", scale=alt.Scale(zero=True))
    layers = [alt.Chart(theory.assign(label=theory["measure"].map(labels))).mark_line().encode(x=x, y=y, color=colour)]
    parts = []
    for m in measures:
        t = theory[theory.measure == m].sort_values("resilience")
        parts.append(f"{labels[m]} from {t.value.iloc[0]:.3f} at resilience {t.resilience.iloc[0]:g} "
                     f"to {t.value.iloc[-1]:.3f} at {t.resilience.iloc[-1]:g}")
    description = "Line chart against everybody's resilience, at rest: " + "; ".join(parts) + "."
    if simulated is not None:
        _require(simulated, ["resilience", "measure", "value"], "simulated")
        layers.append(alt.Chart(simulated.assign(label=simulated["measure"].map(labels))).mark_point(
            size=55, filled=True, stroke="white", strokeWidth=0.8).encode(
            x=x, y=y, color=colour, tooltip=[alt.Tooltip("label:N"), alt.Tooltip("resilience:Q"), alt.Tooltip("value:Q", format=".4f")]))
        description += " Dots: the same quantities after running the model."
    return alt.layer(*layers, width=_WIDTH, height=_HEIGHT - 20,
                     title=title or alt.Title("The less resilient, the more they agree in public",
                                              subtitle="Lines: equilibrium formula; dots: running the model"),
                     description=description)


_PROCESS_AXES = {
    "compliance": "Compliance: share of what she says that echoes others (1 − φ)",
    "identification": "Identification: share of her listening given to the group",
}


def kelman_chart(theory, simulated=None, person="the person", title=None):
    """Compliance and identification on the same person: what they think and what they
    say at rest, against the strength of each process (one panel each); closed-form
    lines, simulated dots, and the reference group's mean expressed opinion dashed.

    Parameters
    ----------
    theory : pandas.DataFrame
        :func:`course_lib.experiments.opinions.kelman_frame`: columns ``process``,
        ``strength``, ``kind`` (``"thinks"``/``"says"``), ``opinion``, ``group_says``.
    simulated : pandas.DataFrame, optional
        The same columns after running the model
        (:func:`course_lib.experiments.opinions.simulated_kelman_frame`), drawn as dots.
    person : str, optional
        Name of the person, used in the titles and description.
    title : str or altair.Title, optional
        Title over both panels; None gives "What each process moves".

    Returns
    -------
    altair.HConcatChart
        One panel per process found in ``theory``.

    Examples
    --------
    >>> theory = pd.DataFrame({"process": ["compliance"] * 4, "strength": [0.0, 0.0, 0.9, 0.9],
    ...                        "kind": ["thinks", "says"] * 2, "opinion": [0.7, 0.7, 0.6, 0.4],
    ...                        "group_says": [0.3] * 4})
    >>> chart = kelman_chart(theory, person="Ann")
    >>> "Compliance: Ann thinks 0.700 → 0.600 and says 0.700 → 0.400" in chart.description
    True
    """
    _require(theory, ["process", "strength", "kind", "opinion", "group_says"], "theory")
    colour = alt.Color("kind:N", title=None, scale=alt.Scale(domain=["thinks", "says"],
                                                             range=[OKABE_ITO[4], OKABE_ITO[5]]),
                       legend=alt.Legend(orient="bottom", labelExpr=f"'{person} ' + datum.label"))
    y = alt.Y("opinion:Q", title="Opinion at rest", scale=alt.Scale(domain=[0, 1]))
    panels, parts = [], []
    for process in [p for p in _PROCESS_AXES if p in set(theory["process"])]:
        x = alt.X("strength:Q", title=_PROCESS_AXES[process], scale=alt.Scale(domain=[0, 1]))
        t = theory[theory.process == process].sort_values("strength")
        layers = [
            alt.Chart(t[t.kind == "thinks"]).mark_line(strokeWidth=5).encode(x=x, y=y, color=colour),
            alt.Chart(t[t.kind == "says"]).mark_line(strokeWidth=2).encode(x=x, y=y, color=colour),
            alt.Chart(t[t.kind == "says"]).mark_line(color="#555", strokeDash=[5, 4]).encode(
                x=x, y=alt.Y("group_says:Q")),
        ]
        if simulated is not None:
            _require(simulated, ["process", "strength", "kind", "opinion"], "simulated")
            layers.append(alt.Chart(simulated[simulated.process == process]).mark_point(
                size=55, filled=True, stroke="white", strokeWidth=0.8).encode(
                x=x, y=y, color=colour, tooltip=[alt.Tooltip("kind:N"), alt.Tooltip("strength:Q"),
                                                 alt.Tooltip("opinion:Q", format=".4f")]))
        panels.append(alt.layer(*layers, width=260, height=240, title=process.capitalize()))
        ends = {k: t[t.kind == k].opinion.to_numpy() for k in ("thinks", "says")}
        parts.append(f"{process.capitalize()}: {person} thinks {ends['thinks'][0]:.3f} → {ends['thinks'][-1]:.3f} "
                     f"and says {ends['says'][0]:.3f} → {ends['says'][-1]:.3f} as its strength goes from "
                     f"{t.strength.min():g} to {t.strength.max():g}")
    description = ("Line charts of what one person thinks and says at rest against the strength of each "
                   "process; the dashed line is the reference group's mean expressed opinion. "
                   + ". ".join(parts) + "." + (" Dots: running the model." if simulated is not None else ""))
    return alt.hconcat(*panels, title=title or alt.Title(
        "What each process moves", subtitle="Lines: equilibrium formula; dots: running the model; "
        "dashed: what the group says"), description=description)
