"""Altair charts for lesson 06: expressed versus private opinions, resilience and
Kelman's processes.
"""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd  # noqa: F401  (the doctests use it)

from .._shared import _HEIGHT, _WIDTH, _require
from ..theme import OKABE_ITO

__all__ = [
    "expressed_private_chart",
    "resilience_chart",
    "kelman_chart",
]


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
