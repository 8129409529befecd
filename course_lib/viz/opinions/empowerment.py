"""Altair charts for lesson 04: opinion trajectories, empowerment, the centrality
sweep and the company's lever.
"""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from .._shared import _HEIGHT, _WIDTH, _require
from ..theme import OKABE_ITO

__all__ = [
    "opinion_trajectory_chart",
    "empowerment_chart",
    "centrality_sweep_chart",
    "company_lever_chart",
]


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
