"""Altair charts for the opinion lessons (04 to 06).

Like the builders in :mod:`course_lib.viz`, each takes tidy tables (from
:mod:`course_lib.experiments.opinions`) and returns a chart with a ``description`` that
screen readers announce; builders only reshape and draw.
"""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..voter import qvoter_spinodals
from ._shared import _HEIGHT, _WIDTH, _require
from .theme import OKABE_ITO

__all__ = [
    # lesson 04
    "opinion_trajectory_chart",
    "empowerment_chart",
    "centrality_sweep_chart",
    # lesson 05
    "qvoter_phase_chart",
    "hysteresis_chart",
    "campaign_response_chart",
    "campaign_trajectory_chart",
    # lesson 06
    "expressed_private_chart",
    "resilience_chart",
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
