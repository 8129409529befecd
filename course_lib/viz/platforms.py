"""Charts for lesson 09: voice, exit and mobilization on a company's platform.

Builders only reshape and draw; the numbers come from :mod:`course_lib.platforms` and
the tables of :mod:`course_lib.experiments.platforms`. Wherever there is a theory, its
curve (mean field, complete graph) is drawn in black over the simulation's dots.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from ._shared import _HEIGHT, _WIDTH, _require
from .theme import OKABE_ITO

__all__ = [
    "PLATFORM_MEASURES",
    "platform_trajectory_chart",
    "tipping_chart",
    "negative_talk_chart",
    "levers_chart",
    "roles_chart",
    "moderation_chart",
]

#: What each measure is called on the charts.
PLATFORM_MEASURES = {
    "negative_talk": "negative talk seen",
    "external": "share on the external platform",
    "company": "share on the company platform",
    "resolved": "share with a resolved grievance",
}
_THEORY = OKABE_ITO[7]  # black: the mean-field curve
_TIPPING = OKABE_ITO[5]  # vermillion: the tipping point
_MEASURE_COLOURS = [OKABE_ITO[5], OKABE_ITO[4], OKABE_ITO[2]]
_MEASURE_SCALE = alt.Scale(domain=["negative talk seen", "share on the external platform",
                                   "share with a resolved grievance"], range=_MEASURE_COLOURS)
_EXPLORER_MEASURES = ("negative_talk", "external", "resolved")
_CODE_SCALE = alt.Scale(domain=list(_EXPLORER_MEASURES), range=_MEASURE_COLOURS)
_LEVER_SCALE = alt.Scale(domain=["suppression", "answering"], range=[OKABE_ITO[5], OKABE_ITO[2]])


def _tipping_rule(critical, y_field="value"):
    frame = pd.DataFrame({"suppression": [float(critical)], "label": [f"tipping point s* = {critical:.2f}"]})
    rule = alt.Chart(frame).mark_rule(color=_TIPPING, strokeDash=[4, 3], strokeWidth=1.5).encode(
        x=alt.X("suppression:Q"), tooltip=[alt.Tooltip("label:N")])
    text = alt.Chart(frame).mark_text(align="left", dx=4, dy=8, color=_TIPPING, baseline="top").encode(
        x=alt.X("suppression:Q"), y=alt.value(0), text=alt.Text("label:N"))
    return [rule, text]


def platform_trajectory_chart(frame, title=None):
    """Negative talk, consumers on each platform and grievances resolved, step by step.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``policy``, ``step``, ``measure`` and ``value``, as from
        :func:`course_lib.experiments.platforms.policy_trajectories_frame` (measures
        ``negative_talk``, ``external``, ``company``, ``resolved``).
    title : str or altair.Title, optional
        Title over the three panels.

    Returns
    -------
    altair.HConcatChart
        Three panels sharing the step axis, one line per policy: negative talk seen by
        bystanders; the share on each platform (company solid, external dashed); the
        share whose grievance was resolved.

    Raises
    ------
    ValueError
        If a column is missing.

    Examples
    --------
    >>> frame = pd.DataFrame({"policy": "open", "step": [0, 1] * 4,
    ...     "measure": ["negative_talk"] * 2 + ["external"] * 2 + ["company"] * 2 + ["resolved"] * 2,
    ...     "value": [0.1, 0.1, 0.02, 0.02, 0.98, 0.98, 0.0, 0.1]})
    >>> chart = platform_trajectory_chart(frame)
    >>> len(chart.hconcat), chart.description.startswith("Three line charts")
    (3, True)
    """
    _require(frame, ["policy", "step", "measure", "value"], "frame")
    policies = list(dict.fromkeys(frame["policy"]))
    color = alt.Color("policy:N", title="Policy", scale=alt.Scale(domain=policies),
                      legend=alt.Legend(orient="bottom", direction="vertical"))
    x = alt.X("step:Q", title="Step")
    tooltip = [alt.Tooltip("policy:N"), alt.Tooltip("step:Q"), alt.Tooltip("value:Q", format=".3f")]
    size = dict(width=_WIDTH // 2 + 20, height=_HEIGHT - 80)

    def panel(measures, y_title, panel_title, dash=False):
        part = frame[frame["measure"].isin(measures)].assign(
            platform=lambda f: f["measure"].map({"company": "company", "external": "external"}).fillna(""))
        encoding = dict(x=x, y=alt.Y("value:Q", title=y_title), color=color, tooltip=tooltip)
        if dash:
            encoding["strokeDash"] = alt.StrokeDash(
                "platform:N", title="Platform", scale=alt.Scale(domain=["company", "external"], range=[[1, 0], [6, 3]]),
                legend=alt.Legend(orient="bottom", direction="vertical"))
            encoding["detail"] = alt.Detail("measure:N")
        return alt.Chart(part, title=panel_title).mark_line().encode(**encoding).properties(**size)

    talk = panel(["negative_talk"], "share of contacts' complaints seen", "Negative talk seen")
    platforms = panel(["company", "external"], "share of consumers", "Consumers on each platform", dash=True)
    resolved = panel(["resolved"], "share of consumers", "Grievances resolved")
    end = frame[frame["step"] == frame["step"].max()]
    summary = "; ".join(
        f"{p}: negative talk {end[(end.policy == p) & (end.measure == 'negative_talk')].value.mean():.3f}, "
        f"{end[(end.policy == p) & (end.measure == 'external')].value.mean():.0%} outside, "
        f"{end[(end.policy == p) & (end.measure == 'resolved')].value.mean():.0%} resolved"
        for p in policies)
    chart = alt.hconcat(talk, platforms, resolved).properties(
        description=("Three line charts over the steps of the model, one line per policy: negative talk "
                     "seen by consumers without a grievance, the share of consumers on the company and on "
                     f"the external platform, and the share whose grievance was resolved. At the end: {summary}."))
    return chart.properties(title=title) if title else chart


def tipping_chart(theory, simulated, critical=None, title=None):
    """The exit cascade against suppression: Granovetter's equilibrium over simulations.

    Parameters
    ----------
    theory : pandas.DataFrame
        Columns ``suppression`` and ``external`` (the mean-field external share), as
        from :func:`course_lib.experiments.platforms.steady_state_frame`.
    simulated : pandas.DataFrame
        Columns ``suppression``, ``external`` and ``network`` (one dot per run), as
        from :func:`course_lib.experiments.platforms.exit_sweep_frame`.
    critical : float, optional
        The tipping suppression (:func:`course_lib.platforms.critical_suppression`),
        drawn as a dashed vertical line.
    title : str or altair.Title, optional
        Chart title.

    Returns
    -------
    altair.LayerChart
        The simulation's dots (one colour per network), the theory's black line over
        them, and the tipping point when given.

    Raises
    ------
    ValueError
        If a column is missing.

    Examples
    --------
    >>> theory = pd.DataFrame({"suppression": [0.0, 0.5, 1.0], "external": [0.02, 0.05, 0.4]})
    >>> sims = pd.DataFrame({"suppression": [0.0, 1.0], "external": [0.02, 0.4], "network": "complete graph"})
    >>> chart = tipping_chart(theory, sims, critical=0.56)
    >>> len(chart.layer)
    4
    """
    _require(theory, ["suppression", "external"], "theory")
    _require(simulated, ["suppression", "external", "network"], "simulated")
    x = alt.X("suppression:Q", title="Share of complaints removed (suppression s)",
              scale=alt.Scale(domain=[0, 1]))
    y = alt.Y("external:Q", title="Share on the external platform at the end")
    dots = alt.Chart(simulated).mark_point(filled=True, opacity=0.6, size=45).encode(
        x=x, y=y, color=alt.Color("network:N", title="Simulation",
                                  legend=alt.Legend(orient="bottom", direction="vertical")),
        tooltip=[alt.Tooltip("network:N"), alt.Tooltip("suppression:Q", format=".3f"),
                 alt.Tooltip("external:Q", format=".3f")])
    line = alt.Chart(theory.assign(curve="theory (Granovetter equilibrium)")).mark_line(
        color=_THEORY, strokeWidth=2).encode(
        x=alt.X("suppression:Q"), y=alt.Y("external:Q"),
        tooltip=[alt.Tooltip("curve:N"), alt.Tooltip("suppression:Q", format=".3f"),
                 alt.Tooltip("external:Q", format=".3f")])
    layers = [dots, line]
    description = ("Scatter plot with a line: the share of consumers on the external platform at the "
                   "end of each simulated run, against the share of complaints removed, one colour per "
                   "network; the black line is the mean-field theory, Granovetter's threshold equilibrium.")
    if critical is not None:
        layers += _tipping_rule(critical)
        description += (f" A dashed vertical line marks the tipping point at s = {critical:.2f}, where "
                        "the theory's exit share jumps.")
    return alt.layer(*layers).properties(width=_WIDTH, height=_HEIGHT, description=description,
                                         title=title or "Suppression tips an exit cascade")


def negative_talk_chart(theory, simulated=None, critical=None, title=None):
    """Negative talk bystanders see, against suppression: theory line, simulated dots.

    Parameters
    ----------
    theory : pandas.DataFrame
        Columns ``suppression`` and ``negative_talk``, as from
        :func:`course_lib.experiments.platforms.steady_state_frame`. Its value at the
        smallest suppression is drawn as a dashed grey reference line.
    simulated : pandas.DataFrame, optional
        Columns ``suppression``, ``negative_talk`` and ``network``, as from
        :func:`course_lib.experiments.platforms.exit_sweep_frame`.
    critical : float, optional
        The tipping suppression, drawn as a dashed vertical line.
    title : str or altair.Title, optional
        Chart title.

    Returns
    -------
    altair.LayerChart
        The reference line, the simulation's dots when given, the theory's black line
        and the tipping point when given.

    Raises
    ------
    ValueError
        If a column is missing.

    Examples
    --------
    >>> theory = pd.DataFrame({"suppression": [0.0, 0.3, 0.7], "negative_talk": [0.134, 0.112, 0.318]})
    >>> chart = negative_talk_chart(theory)
    >>> len(chart.layer), "0.134" in chart.description
    (2, True)
    """
    _require(theory, ["suppression", "negative_talk"], "theory")
    x = alt.X("suppression:Q", title="Share of complaints removed (suppression s)",
              scale=alt.Scale(domain=[0, 1]))
    y = alt.Y("negative_talk:Q", title="Negative talk seen by bystanders")
    base = theory.sort_values("suppression").iloc[0]
    reference = pd.DataFrame({"negative_talk": [float(base["negative_talk"])],
                              "label": [f"at s = {base['suppression']:g}: {base['negative_talk']:.3f}"]})
    layers = [alt.Chart(reference).mark_rule(color="#777", strokeDash=[6, 4]).encode(
        y=alt.Y("negative_talk:Q"), tooltip=[alt.Tooltip("label:N")])]
    description = (f"Line chart of the negative talk that consumers without a grievance see, against the "
                   f"share of complaints removed. The dashed grey line is the level at s = "
                   f"{base['suppression']:g}, {base['negative_talk']:.3f}.")
    if simulated is not None:
        _require(simulated, ["suppression", "negative_talk", "network"], "simulated")
        layers.append(alt.Chart(simulated).mark_point(filled=True, opacity=0.6, size=45).encode(
            x=x, y=y, color=alt.Color("network:N", title="Simulation",
                                      legend=alt.Legend(orient="bottom", direction="vertical")),
            tooltip=[alt.Tooltip("network:N"), alt.Tooltip("suppression:Q", format=".3f"),
                     alt.Tooltip("negative_talk:Q", format=".3f")]))
        description += " Dots: simulated runs, one colour per network."
    layers.append(alt.Chart(theory).mark_line(color=_THEORY, strokeWidth=2).encode(
        x=x, y=y, tooltip=[alt.Tooltip("suppression:Q", format=".3f"),
                           alt.Tooltip("negative_talk:Q", format=".3f")]))
    description += " Black line: the mean-field theory."
    if critical is not None:
        layers += _tipping_rule(critical)
        description += f" Dashed vertical line: the tipping point, s = {critical:.2f}."
    return alt.layer(*layers).properties(width=_WIDTH, height=_HEIGHT, description=description,
                                         title=title or "Suppressing complaints: less talk, then much more")


def levers_chart(theory, simulated=None, title=None):
    """Suppressing complaints against answering them: three outcomes, theory and dots.

    Parameters
    ----------
    theory : pandas.DataFrame
        Columns ``lever``, ``level``, ``measure`` (``negative_talk``, ``external``,
        ``resolved``) and ``value``, as from
        :func:`course_lib.experiments.platforms.levers_theory_frame`.
    simulated : pandas.DataFrame, optional
        The same columns, one row per run, as from
        :func:`course_lib.experiments.platforms.levers_simulation_frame`.
    title : str or altair.Title, optional
        Title over the panels.

    Returns
    -------
    altair.HConcatChart
        One panel per measure; in each, one colour per lever, the theory as lines over
        the simulated dots.

    Raises
    ------
    ValueError
        If a column is missing.

    Examples
    --------
    >>> theory = pd.DataFrame({"lever": ["suppression", "answering"] * 3, "level": 0.5,
    ...     "measure": ["negative_talk"] * 2 + ["external"] * 2 + ["resolved"] * 2, "value": 0.1})
    >>> chart = levers_chart(theory)
    >>> len(chart.hconcat)
    3
    """
    _require(theory, ["lever", "level", "measure", "value"], "theory")
    if simulated is not None:
        _require(simulated, ["lever", "level", "measure", "value"], "simulated")
    color = alt.Color("lever:N", title="Lever", scale=_LEVER_SCALE,
                      legend=alt.Legend(orient="bottom", direction="vertical"))
    x = alt.X("level:Q", title="Lever setting (share of complaints)", scale=alt.Scale(domain=[0, 1]))
    tooltip = [alt.Tooltip("lever:N"), alt.Tooltip("level:Q", format=".2f"), alt.Tooltip("value:Q", format=".3f")]
    panels = []
    for measure in ("negative_talk", "external", "resolved"):
        label = PLATFORM_MEASURES[measure]
        y = alt.Y("value:Q", title=label)
        layers = []
        if simulated is not None:
            layers.append(alt.Chart(simulated[simulated.measure == measure]).mark_point(
                filled=True, opacity=0.5, size=35).encode(x=x, y=y, color=color, tooltip=tooltip))
        layers.append(alt.Chart(theory[theory.measure == measure]).mark_line(strokeWidth=2.5).encode(
            x=x, y=y, color=color, tooltip=tooltip))
        panels.append(alt.layer(*layers, title=label[0].upper() + label[1:]).properties(
            width=_WIDTH // 2 + 10, height=_HEIGHT - 90))
    chart = alt.hconcat(*panels).properties(description=(
        "Three panels against the lever's setting: negative talk seen, share on the external platform, "
        "share with a resolved grievance. Red: removing a share of complaints (suppression); green: "
        "answering a share of them instead. Lines: the mean-field theory"
        + ("; dots: simulated runs on the complete graph." if simulated is not None else ".")))
    return chart.properties(title=title) if title else chart


def roles_chart(frame, title=None):
    """Outcomes for populations with different mixes of user roles, as bars.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``mix``, ``measure`` (``negative_talk``, ``external``, ``resolved``)
        and ``value``, as from
        :func:`course_lib.experiments.platforms.roles_comparison_frame`.
    title : str or altair.Title, optional
        Title over the panels.

    Returns
    -------
    altair.HConcatChart
        One bar panel per measure, one bar per mix.

    Raises
    ------
    ValueError
        If a column is missing.

    Examples
    --------
    >>> frame = pd.DataFrame({"mix": ["a", "b"] * 3, "value": [0.1, 0.2] * 3,
    ...     "measure": ["negative_talk"] * 2 + ["external"] * 2 + ["resolved"] * 2})
    >>> len(roles_chart(frame).hconcat)
    3
    """
    _require(frame, ["mix", "measure", "value"], "frame")
    mixes = list(dict.fromkeys(frame["mix"]))
    panels = []
    for i, measure in enumerate(("negative_talk", "external", "resolved")):
        label = PLATFORM_MEASURES[measure]
        panels.append(alt.Chart(frame[frame.measure == measure], title=label[0].upper() + label[1:]).mark_bar(
            color=_MEASURE_COLOURS[i]).encode(
            x=alt.X("value:Q", title=label),
            y=alt.Y("mix:N", title=None if i else "Population", sort=mixes,
                    axis=alt.Axis(labels=i == 0, ticks=i == 0, labelLimit=220)),
            tooltip=[alt.Tooltip("mix:N"), alt.Tooltip("value:Q", format=".3f")],
        ).properties(width=150, height=28 * len(mixes)))
    summary = "; ".join(
        f"{m}: {frame[(frame.mix == m) & (frame.measure == 'external')].value.mean():.0%} outside"
        for m in mixes)
    chart = alt.hconcat(*panels).properties(description=(
        "Three bar charts, one bar per population of user roles: negative talk seen, share on the "
        f"external platform, share with a resolved grievance. {summary}."))
    return chart.properties(title=title) if title else chart


def moderation_chart(theory, trajectory, current, critical=None, title=None):
    """The explorer's picture: where the model settles for every suppression, and one run.

    Built for speed (one slider move redraws it): long tables in, few layers, no
    reshaping.

    Parameters
    ----------
    theory : pandas.DataFrame
        Columns ``suppression``, ``measure`` and ``value``: the mean-field curves, one
        per measure (``negative_talk``, ``external``, ``resolved``), as from
        :func:`course_lib.experiments.platforms.steady_state_frame` in long form.
    trajectory : pandas.DataFrame
        Columns ``step``, ``measure`` and ``value`` for one run, the same measures, as
        from :func:`course_lib.experiments.platforms.policy_trajectories_frame`.
    current : pandas.DataFrame
        Columns ``suppression``, ``measure`` and ``value``: the run's final values at
        the current suppression, drawn as dots on the theory's lines.
    critical : float, optional
        The tipping suppression, drawn as a dashed vertical line.
    title : str or altair.Title, optional
        Title over the two panels.

    Returns
    -------
    altair.HConcatChart
        Left: the theory's lines against suppression, one colour per measure, with the
        simulated dots at the current setting; right: the simulated run, step by step.

    Raises
    ------
    ValueError
        If a column is missing.

    Examples
    --------
    >>> theory = pd.DataFrame({"suppression": [0.0, 1.0], "measure": "external", "value": [0.02, 0.4]})
    >>> run = pd.DataFrame({"step": [0, 1], "measure": "external", "value": [0.02, 0.03]})
    >>> now = pd.DataFrame({"suppression": [0.5], "measure": ["external"], "value": [0.03]})
    >>> chart = moderation_chart(theory, run, now, critical=0.56)
    >>> len(chart.hconcat), len(chart.hconcat[0].layer)
    (2, 3)
    """
    _require(theory, ["suppression", "measure", "value"], "theory")
    _require(trajectory, ["step", "measure", "value"], "trajectory")
    _require(current, ["suppression", "measure", "value"], "current")
    labels = " : ".join(f"datum.value == '{m}' ? '{PLATFORM_MEASURES[m]}'" for m in _EXPLORER_MEASURES)
    color = alt.Color("measure:N", title=None, scale=_CODE_SCALE,
                      legend=alt.Legend(orient="bottom", direction="vertical", labelExpr=labels + " : datum.value"))
    y = alt.Y("value:Q", title="share", scale=alt.Scale(domain=[0, 0.45]))
    tooltip = [alt.Tooltip("measure:N"), alt.Tooltip("value:Q", format=".3f")]
    x = alt.X("suppression:Q", title="Share of complaints removed (suppression s)", scale=alt.Scale(domain=[0, 1]))
    lines = alt.Chart(theory).mark_line(strokeWidth=2).encode(
        x=x, y=y, color=color, tooltip=[alt.Tooltip("suppression:Q", format=".2f"), *tooltip])
    plain = alt.Color("measure:N", scale=_CODE_SCALE, legend=None)  # one legend is enough
    dots = alt.Chart(current).mark_point(filled=True, size=130, stroke="black", strokeWidth=1).encode(
        x=alt.X("suppression:Q"), y=alt.Y("value:Q"), color=plain, tooltip=alt.Tooltip("value:Q", format=".3f"))
    left_layers = [lines, dots]
    description = ("Left: line chart of the mean-field negative talk seen, share on the external platform "
                   "and share with a resolved grievance against the share of complaints removed, with dots "
                   "for a simulated run at the current setting ("
                   + "; ".join(f"{PLATFORM_MEASURES.get(m, m)} {v:.3f}"
                               for m, v in zip(current["measure"].tolist(), current["value"].tolist())) + ")")
    if critical is not None:
        left_layers.append(alt.Chart().mark_rule(color=_TIPPING, strokeDash=[4, 3], strokeWidth=1.5).encode(
            x=alt.XDatum(round(float(critical), 4), type="quantitative")))
        description += f" and a dashed line at the tipping point s = {critical:.2f}"
    left = alt.layer(*left_layers, title="Theory for every s (lines); the simulation at this s (dots)",
                     width=_WIDTH - 60, height=_HEIGHT - 60)
    right = alt.Chart(trajectory, title="The simulated run, step by step", width=_WIDTH - 120,
                      height=_HEIGHT - 60).mark_line().encode(
        x=alt.X("step:Q", title="Step"), y=y, color=plain, tooltip=alt.Tooltip("value:Q", format=".3f"))
    extra = {"title": title} if title else {}
    return alt.hconcat(left, right, description=description + ". Right: the same run step by step.", **extra)
