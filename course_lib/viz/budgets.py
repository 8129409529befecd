"""Charts for lesson 08: budgets between influencing and empowering, and community ROI.

Builders only reshape and draw; the numbers come from :mod:`course_lib.budgets` and the
tables of :mod:`course_lib.experiments.budgets`. Influence is drawn in orange,
empowerment in bluish green (Okabe-Ito) on every chart.
"""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ._shared import _HEIGHT, _WIDTH, _require
from .theme import OKABE_ITO

__all__ = [
    "split_value_chart",
    "horizon_split_chart",
    "adoption_chart",
    "two_phase_chart",
    "marginal_chart",
    "support_chart",
    "cost_chart",
    "response_chart",
]

_LEVER_SCALE = alt.Scale(domain=["influence", "empower"], range=[OKABE_ITO[0], OKABE_ITO[2]])
_BEST = OKABE_ITO[5]  # vermillion: the chosen plan
# the lesson's plans keep their colours on every chart: one-lever plans in their lever's colour
_PLAN_COLOURS = {"all influence": OKABE_ITO[0], "all empowerment": OKABE_ITO[2],
                 "best constant split": OKABE_ITO[4], "best two-phase plan": OKABE_ITO[6]}
_OTHER_COLOURS = [OKABE_ITO[1], OKABE_ITO[7], OKABE_ITO[3], OKABE_ITO[5]]


def _plan_scale(plans):
    others = iter(_OTHER_COLOURS * 4)
    domain = list(dict.fromkeys(plans))
    return alt.Scale(domain=domain, range=[_PLAN_COLOURS.get(p) or next(others) for p in domain])


def split_value_chart(frame, title=None, width=_WIDTH, height=_HEIGHT, label=True):
    """Value of a constant split against its empowerment share, the best share marked.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``empower_share``, ``value`` and ``best``, as from
        ``ConstantSplitSearch.to_frame()``, or
        :func:`course_lib.experiments.budgets.split_check_frame` whose ``method``
        column also draws the plan-by-plan check as a thin line under the search's
        points.
    title : str or altair.Title, optional
        Default "Value of each constant split".
    width, height : int, optional
        Size of the plot in pixels.
    label : bool, optional
        Write "best share ..." next to the red point (the explorers leave it out: their
        title says it, and a slider move stays cheaper).

    Returns
    -------
    altair.LayerChart
        Line through the values with the grid search's points, and a red point (the
        last layer but one when labelled, the last otherwise) at the best share.

    Raises
    ------
    ValueError
        If a column is missing or no row is marked ``best``.

    Examples
    --------
    >>> frame = pd.DataFrame({"empower_share": [0.0, 0.5, 1.0], "value": [1.0, 3.0, 2.0],
    ...                       "best": [False, True, False]})
    >>> split_value_chart(frame).description.split(". ")[-1]
    'The best share is 0.50, with value 3.0.'
    """
    _require(frame, ["empower_share", "value", "best"], "frame")
    if not frame["best"].any():
        raise ValueError("frame must mark the best share: no row has best == True")
    row = frame[frame["best"]].iloc[0]
    best = pd.DataFrame({"empower_share": [float(row.empower_share)], "value": [float(row.value)],
                         "label": [f"best share {row.empower_share:.2f}"]})
    if "method" in frame:
        search = frame[frame["method"] == "grid search"]
        check = frame[frame["method"] != "grid search"]
    else:
        search, check = frame, frame.iloc[0:0]
    x = alt.X("empower_share:Q", title="Share of each period's budget to empowerment",
              scale=alt.Scale(domain=[0, 1]))
    y = alt.Y("value:Q", title="Value (profit over the horizon)", scale=alt.Scale(zero=False))
    tooltip = [alt.Tooltip("empower_share:Q", format=".2f"), alt.Tooltip("value:Q", format=".2f")]
    searched = search[["empower_share", "value"]]
    if check.empty:  # one layer: the line through the search's points
        layers = [alt.Chart(searched).mark_line(color="#777", strokeWidth=1.5,
                                                point=alt.OverlayMarkDef(color=OKABE_ITO[4], size=40))
                  .encode(x=x, y=y, tooltip=tooltip)]
    else:
        layers = [alt.Chart(check[["empower_share", "value"]]).mark_line(color="#777", strokeWidth=1.5)
                  .encode(x=x, y=y, tooltip=tooltip),
                  alt.Chart(searched).mark_point(color=OKABE_ITO[4], size=40).encode(x=x, y=y, tooltip=tooltip)]
    marker = alt.Chart(best)
    layers.append(marker.mark_point(color=_BEST, size=160, filled=True).encode(
        x=alt.X("empower_share:Q"), y=alt.Y("value:Q"), tooltip=[alt.Tooltip("label:N"), *tooltip]))
    if label:
        layers.append(marker.mark_text(align="left" if row.empower_share < 0.7 else "right",
                                       dx=10 if row.empower_share < 0.7 else -10, dy=-12,
                                       color=_BEST, fontWeight="bold").encode(
            x=alt.X("empower_share:Q"), y=alt.Y("value:Q"), text=alt.Text("label:N")))
    description = (
        f"Line chart of a plan's value against the share of each period's budget given to "
        f"empowerment, from 0 (all influence) to 1 (all empowerment), {len(search)} shares "
        f"searched" + ("" if check.empty else f", {len(check)} checked plan by plan (thin line)")
        + f". The best share is {row.empower_share:.2f}, with value {row.value:.1f}."
    )
    return alt.layer(*layers, width=width, height=height, title=title or "Value of each constant split",
                     description=description)


def horizon_split_chart(frame, marked=None):
    """Best constant empowerment share as a function of the planning horizon.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``horizon`` and ``best_share`` (``SplitByHorizon.to_frame()``); a
        ``check_share`` column (:func:`course_lib.experiments.budgets.horizon_check_frame`)
        is drawn as open circles over the line.
    marked : sequence of int, optional
        Horizons to label with their best share.

    Returns
    -------
    altair.LayerChart
        A step line of the best share, the check's circles, labels at ``marked``.

    Examples
    --------
    >>> frame = pd.DataFrame({"horizon": [4, 12, 52], "best_share": [0.0, 0.25, 0.5]})
    >>> chart = horizon_split_chart(frame, marked=[52])
    >>> "52 periods: 0.50" in chart.description
    True
    """
    _require(frame, ["horizon", "best_share"], "frame")
    x = alt.X("horizon:Q", title="Planning horizon T (periods)")
    y = alt.Y("best_share:Q", title="Best share to empowerment", scale=alt.Scale(domain=[0, 1]))
    tooltip = [alt.Tooltip("horizon:Q"), alt.Tooltip("best_share:Q", format=".2f")]
    layers = [alt.Chart(frame).mark_line(interpolate="step-after", color=OKABE_ITO[2]).encode(
        x=x, y=y, tooltip=tooltip)]
    description = (f"Step chart of the best constant share of the budget for empowerment against the "
                   f"planning horizon, from {int(frame.horizon.min())} to {int(frame.horizon.max())} periods.")
    if "check_share" in frame:
        layers.append(alt.Chart(frame).mark_point(filled=False, color=OKABE_ITO[4], size=50).encode(
            x=alt.X("horizon:Q"), y=alt.Y("check_share:Q"), tooltip=[alt.Tooltip("check_share:Q", format=".2f")]))
        agree = bool((frame["check_share"] == frame["best_share"]).all())
        description += (" Open circles: a fresh search for each horizon, which "
                        + ("agrees at every horizon." if agree else "disagrees at some horizons."))
    if marked:
        rows = frame[frame["horizon"].isin(list(marked))].assign(
            label=lambda f: [f"T = {int(h)}: {s:.2f}" for h, s in zip(f.horizon, f.best_share)])
        layers.append(alt.Chart(rows).mark_point(color=_BEST, size=90).encode(x=alt.X("horizon:Q"), y=alt.Y("best_share:Q")))
        layers.append(alt.Chart(rows).mark_text(dy=-18, color=_BEST, fontWeight="bold").encode(
            x=alt.X("horizon:Q"), y=alt.Y("best_share:Q"), text=alt.Text("label:N")))
        description += " Best share at " + ", ".join(
            f"{int(h)} periods: {s:.2f}" for h, s in zip(rows.horizon, rows.best_share)) + "."
    return alt.layer(*layers,
        width=_WIDTH, height=_HEIGHT,
        title=alt.Title("No budget without a horizon", subtitle="The best constant split, planned T periods ahead"),
        description=description)


def adoption_chart(frame, title=None, width=_WIDTH, height=_HEIGHT):
    """Customers and community over time, one colour per plan.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``period``, ``series`` ("adopters", "community"), ``amount`` and
        ``plan``, as from :func:`course_lib.experiments.budgets.plan_curves_frame`.
    title : str or altair.Title, optional
        Default "Customers (solid) and advocates (dashed)".
    width, height : int, optional
        Size of the plot in pixels.

    Returns
    -------
    altair.Chart
        Solid lines for customers, dashed for advocates.

    Examples
    --------
    >>> frame = pd.DataFrame({"period": [1, 2, 1, 2], "series": ["adopters"] * 2 + ["community"] * 2,
    ...                       "amount": [0.1, 0.2, 0.0, 0.05], "plan": "ads"})
    >>> adoption_chart(frame).description.split(". ")[1]
    'ads: 20% customers and 5% advocates after 2 periods.'
    """
    _require(frame, ["period", "series", "amount", "plan"], "frame")
    end = int(frame["period"].max())
    last = frame[frame["period"] == end]
    ends = {}
    for plan, series, amount in zip(last["plan"], last["series"], last["amount"]):
        ends.setdefault(plan, {})[series] = amount
    summary = "; ".join(
        f"{plan}: {row.get('adopters', float('nan')):.0%} customers and "
        f"{row.get('community', float('nan')):.0%} advocates after {end} periods"
        for plan, row in ends.items())
    description = ("Line chart of the share of the market who are customers and advocates, "
                   f"period by period. {summary}.")
    return alt.Chart(frame, width=width, height=height, description=description,
                     title=title or "Customers (solid) and advocates (dashed)").mark_line().encode(
        x=alt.X("period:Q", title="Period"),
        y=alt.Y("amount:Q", title="Share of the market", scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%")),
        color=alt.Color("plan:N", title="Plan", scale=_plan_scale(frame["plan"]),
                        legend=alt.Legend(orient="bottom", direction="vertical")),
        strokeDash=alt.StrokeDash("series:N", title="Series",
                                  scale=alt.Scale(domain=["adopters", "community"], range=[[1, 0], [5, 3]]),
                                  legend=alt.Legend(orient="bottom", direction="vertical")),
        tooltip=[alt.Tooltip("plan:N"), alt.Tooltip("series:N"), alt.Tooltip("period:Q"),
                 alt.Tooltip("amount:Q", format=".3f")],
    )


def two_phase_chart(frame, title=None, width=_WIDTH, height=_HEIGHT):
    """Value of the best two-phase plan for each switch period, influence first vs
    empowerment first, against the best constant split.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``first``, ``switch``, ``value``, ``constant_value`` and ``best``, as
        from :func:`course_lib.experiments.budgets.two_phase_frame`.
    title : str or altair.Title, optional
        Default "Which lever first?".
    width, height : int, optional
        Size of the plot in pixels.

    Returns
    -------
    altair.LayerChart
        One line per leading lever, a dashed rule at the best constant split's value,
        a red point at the best plan.

    Examples
    --------
    >>> frame = pd.DataFrame({"first": ["empower", "empower", "influence", "influence"],
    ...                       "switch": [0, 1, 0, 1], "value": [1.0, 2.0, 1.0, 3.0],
    ...                       "constant_value": 1.5, "best": [False, False, False, True]})
    >>> "influence first, switching at period 1" in two_phase_chart(frame).description
    True
    """
    _require(frame, ["first", "switch", "value", "constant_value", "best"], "frame")
    best = frame[frame["best"]].iloc[[0]]
    constant = frame[["constant_value"]].iloc[[0]]
    x = alt.X("switch:Q", title="Switch period (the second phase starts here)")
    y = alt.Y("value:Q", title="Value (profit over the horizon)", scale=alt.Scale(zero=False))
    tooltip = [alt.Tooltip("switch:Q"), alt.Tooltip("value:Q", format=".2f")]
    columns = ["first", "switch", "value"]
    lines = alt.Chart(frame[columns]).mark_line().encode(
        x=x, y=y, color=alt.Color("first:N", title="Leads first", scale=_LEVER_SCALE,
                                  legend=alt.Legend(orient="bottom")), tooltip=tooltip)
    rule = alt.Chart(constant).mark_rule(color="#777", strokeDash=[6, 4]).encode(y=alt.Y("constant_value:Q"))
    star = alt.Chart(best).mark_point(color=_BEST, size=160, filled=True).encode(
        x=alt.X("switch:Q"), y=alt.Y("value:Q"), tooltip=tooltip)
    row = best.iloc[0]
    description = (
        "Line chart of the value of two-phase plans against the period where the lead "
        "changes, one line for influence first and one for empowerment first (each at its "
        f"best share). Best plan: {row['first']} first, switching at period {int(row.switch)}, "
        f"value {row.value:.2f}; the dashed line is the best constant split's value, "
        f"{float(constant.iloc[0, 0]):.2f}.")
    return alt.layer(lines, rule, star,
        width=width, height=height, title=title or "Which lever first?", description=description)


def marginal_chart(frame, title=None):
    """Marginal value of each lever, period by period.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``period``, ``lever`` and ``marginal_value``, as from
        :func:`course_lib.experiments.budgets.marginal_frame`.
    title : str or altair.Title, optional
        Default "What one more unit buys, period by period".

    Returns
    -------
    altair.LayerChart
        One line per lever and a rule at zero (below it, an extra unit does not pay for
        itself).

    Examples
    --------
    >>> frame = pd.DataFrame({"period": [1, 2, 1, 2], "lever": ["influence"] * 2 + ["empower"] * 2,
    ...                       "marginal_value": [4.0, 1.0, 1.0, 2.0]})
    >>> marginal_chart(frame).description.split(". ")[1]
    'Influence leads in period 1; empowerment leads in period 2'
    """
    _require(frame, ["period", "lever", "marginal_value"], "frame")
    wide = frame.pivot_table(index="period", columns="lever", values="marginal_value")
    periods = [int(p) for p in wide.index]
    leaders = np.where(wide["influence"].to_numpy() >= wide["empower"].to_numpy(), "influence", "empower")
    runs = {"influence": [], "empower": []}
    start = 0
    for i in range(1, len(periods) + 1):
        if i == len(periods) or leaders[i] != leaders[start]:
            a, b = periods[start], periods[i - 1]
            runs[leaders[start]].append(f"{a}" if a == b else f"{a}-{b}")
            start = i
    parts = [f"{'Influence' if lever == 'influence' else 'empowerment'} leads in "
             f"period{'s' if len(spans) > 1 or '-' in spans[0] else ''} {', '.join(spans)}"
             for lever, spans in runs.items() if spans]
    lead_text = "; ".join(parts)
    lead_text = lead_text[0].upper() + lead_text[1:] + "."
    below = (wide.max(axis=1) < 0).to_numpy()
    if below[-1]:
        first = len(below) - int(np.argmin(below[::-1])) if not below.all() else 0
        lead_text += f" Both are below zero from period {periods[first]} on."
    lines = alt.Chart(frame).mark_line().encode(
        x=alt.X("period:Q", title="Period of the extra unit"),
        y=alt.Y("marginal_value:Q", title="Value added per extra unit"),
        color=alt.Color("lever:N", title="Lever", scale=_LEVER_SCALE, legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("lever:N"), alt.Tooltip("period:Q"), alt.Tooltip("marginal_value:Q", format=".2f")],
    )
    zero = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color="#777", strokeDash=[4, 3]).encode(
        y=alt.Y("zero:Q"))
    return alt.layer(zero, lines,
        width=_WIDTH, height=_HEIGHT, title=title or "What one more unit buys, period by period",
        description="Line chart of the value one extra unit of spend adds, net of its cost, for "
                    f"each lever and period. {lead_text} Below the dashed zero line an extra unit "
                    "does not pay for itself.")


def support_chart(frame, title=None):
    """The company's own support load with the community's help, and without it.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``period``, ``series`` ("without the community", "company's own load")
        and ``amount``, as from :func:`course_lib.experiments.budgets.support_frame`.
    title : str or altair.Title, optional
        Default "Community ROI: the support the community takes over".

    Returns
    -------
    altair.LayerChart
        The shaded gap (the cost the community saves) and the two lines.

    Examples
    --------
    >>> frame = pd.DataFrame({"period": [1, 2, 1, 2],
    ...                       "series": ["without the community"] * 2 + ["company's own load"] * 2,
    ...                       "amount": [1.0, 2.0, 1.0, 1.0]})
    >>> "saves 1.0 in total" in support_chart(frame).description
    True
    """
    _require(frame, ["period", "series", "amount"], "frame")
    wide = frame.pivot_table(index="period", columns="series", values="amount").reset_index()
    wide.columns.name = None
    wide = wide.rename(columns={"without the community": "without", "company's own load": "own"})
    saved = float((wide["without"] - wide["own"]).sum())
    x = alt.X("period:Q", title="Period")
    gap = alt.Chart(wide).mark_area(color=OKABE_ITO[2], opacity=0.3).encode(
        x=x, y=alt.Y("own:Q", title="Support cost per period"), y2=alt.Y2("without:Q"))
    lines = alt.Chart(frame).mark_line().encode(
        x=alt.X("period:Q"), y=alt.Y("amount:Q"),
        color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=["without the community", "company's own load"],
                                        range=["#777", OKABE_ITO[4]])),
        tooltip=[alt.Tooltip("series:N"), alt.Tooltip("period:Q"), alt.Tooltip("amount:Q", format=".3f")])
    peak = wide.loc[wide["own"].idxmax()]
    return alt.layer(gap, lines,
        width=_WIDTH, height=_HEIGHT, title=title or "Community ROI: the support the community takes over",
        description="Line chart of the support cost per period: grey, what all customers' questions "
                    "would cost the company alone; blue, what it pays with the community answering "
                    f"some of them (highest at period {int(peak.period)}, {peak.own:.2f}). The shaded "
                    f"gap is the community's return: it saves {saved:.1f} in total.")


def cost_chart(frame, title=None):
    """Spend per adoption of direct (marketing) and indirect (word-of-mouth) influence,
    plan by plan.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``plan``, ``cost_direct`` and ``cost_indirect``, as from
        :func:`course_lib.experiments.budgets.plan_summary_frame`; a missing (NaN)
        cost, for a lever the plan does not fund, draws no bar.
    title : str or altair.Title, optional
        Default "Spend per customer won".

    Returns
    -------
    altair.Chart
        Grouped horizontal bars, one group per plan.

    Examples
    --------
    >>> frame = pd.DataFrame({"plan": ["even"], "cost_direct": [68.7], "cost_indirect": [45.5]})
    >>> "even: direct 68.7, indirect 45.5" in cost_chart(frame).description
    True
    """
    _require(frame, ["plan", "cost_direct", "cost_indirect"], "frame")
    long = frame.melt(id_vars=["plan"], value_vars=["cost_direct", "cost_indirect"],
                      var_name="kind", value_name="cost").dropna(subset=["cost"])
    long["lever"] = long["kind"].map({"cost_direct": "influence", "cost_indirect": "empower"})
    long["kind"] = long["kind"].map({"cost_direct": "direct (marketing)", "cost_indirect": "indirect (advocates)"})

    def fmt(v):
        return "none" if pd.isna(v) else f"{v:.1f}"

    summary = "; ".join(f"{r.plan}: direct {fmt(r.cost_direct)}, indirect {fmt(r.cost_indirect)}"
                        for r in frame.itertuples())
    description = f"Bar chart of spend per adoption, direct and indirect, for each plan. {summary}."
    return alt.Chart(long, width=_WIDTH, height=_HEIGHT - 60, description=description,
                     title=title or "Spend per customer won").mark_bar().encode(
        y=alt.Y("plan:N", title=None, sort=list(frame["plan"])),
        yOffset=alt.YOffset("kind:N"),
        x=alt.X("cost:Q", title="Spend per customer won (budget units per whole market)"),
        color=alt.Color("lever:N", title="Lever", scale=_LEVER_SCALE, legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("plan:N"), alt.Tooltip("kind:N"), alt.Tooltip("cost:Q", format=".1f")],
    )


def response_chart(frame, spend=None, title=None):
    """The closed-form response of each lever to its spend: diminishing returns.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``lever``, ``spend``, ``response`` and ``slope``, as from
        :func:`course_lib.experiments.budgets.response_frame`.
    spend : float, optional
        A spend to mark on both curves (e.g. the budget per period).
    title : str or altair.Title, optional
        Default "Diminishing returns: each extra unit buys less".

    Returns
    -------
    altair.LayerChart
        One curve per lever, with points at ``spend`` when given.

    Examples
    --------
    >>> frame = pd.DataFrame({"lever": ["influence"] * 3, "spend": [0.0, 1.0, 2.0],
    ...                       "response": [0.0, 0.05, 0.075], "slope": [0.069, 0.035, 0.017]})
    >>> response_chart(frame, spend=1.0).description.split(". ")[1]
    'influence rises from 0.000 to 0.075, and a unit at spend 0 buys 4.1 times what a unit at spend 2 buys'

    """
    _require(frame, ["lever", "spend", "response", "slope"], "frame")
    tooltip = [alt.Tooltip("lever:N"), alt.Tooltip("spend:Q", format=".2f"),
               alt.Tooltip("response:Q", format=".3f"), alt.Tooltip("slope:Q", format=".3f", title="slope")]
    curves = alt.Chart(frame).mark_line().encode(
        x=alt.X("spend:Q", title="Spend in the period"),
        y=alt.Y("response:Q", title="Chance per period"),
        color=alt.Color("lever:N", title="Lever", scale=_LEVER_SCALE, legend=alt.Legend(orient="bottom")),
        tooltip=tooltip)
    layers = [curves]
    parts = []
    for lever, group in frame.groupby("lever", sort=False):
        group = group.sort_values("spend")
        first, last = group.iloc[0], group.iloc[-1]
        ratio = first.slope / last.slope if last.slope > 0 else float("inf")
        parts.append(f"{lever} rises from {first.response:.3f} to {last.response:.3f}, and a unit "
                     f"at spend {first.spend:g} buys {ratio:.1f} times what a unit at spend "
                     f"{last.spend:g} buys")
    description = ("Line chart of each lever's effect against its spend in one period: every "
                   "curve rises ever more slowly towards a ceiling. " + "; ".join(parts) + ".")
    if spend is not None:
        idx = (frame["spend"] - float(spend)).abs()
        at = frame[idx == idx.min()]
        layers.append(alt.Chart(at).mark_point(size=100, filled=True, color="black").encode(
            x=alt.X("spend:Q"), y=alt.Y("response:Q"), tooltip=tooltip))
        description += f" Points at spend {float(spend):g}."
    return alt.layer(*layers,
        width=_WIDTH, height=_HEIGHT, title=title or "Diminishing returns: each extra unit buys less",
        description=description)
