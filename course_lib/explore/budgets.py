"""Explorers for lesson 08: the best split as the horizon moves, and which lever first.

Each explorer is declared once (:class:`~course_lib.explore.declare.ExplorerDeclaration`)
for the lesson's widgets and the website's precomputed page. The searches are exact and
fast (:func:`course_lib.budgets.best_constant_split` takes about a millisecond) and
are cached on the slider values. The tables come from
:mod:`course_lib.experiments.budgets`, the charts from :mod:`course_lib.viz.budgets`.
"""
from __future__ import annotations

import functools

import altair as alt

from .. import budgets
from ..budgets import BudgetPlan
from ..experiments.budgets import MARKETS, plan_curves_frame, two_phase_frame
from ..viz import budgets as charts
from .declare import Choice, ExplorerDeclaration, Range

__all__ = ["horizon_declaration", "horizon_explorer", "phasing_declaration", "phasing_explorer"]

_PANEL = 300  # width of each of the two panels
# each panel keeps its own colours and legend (levers on one side, plans on the other)
_OWN_COLOURS = alt.Resolve(scale=alt.ScaleResolveMap(color="independent"))


def _check_market(market):
    if market not in MARKETS:
        raise ValueError(f"market must be one of {sorted(MARKETS)}, got {market!r}")
    return market


# --------------------------------------------------------------------------- horizon
@functools.lru_cache(maxsize=2048)
def _horizon_tables(horizon, budget):
    search = budgets.best_constant_split(budget, horizon)
    ads = budgets.simulate_plan(BudgetPlan.constant(budget, horizon, 0.0))
    curves = plan_curves_frame({"best constant split": search.outcome, "all influence": ads})
    return search, search.to_frame(), curves, ads.value


def horizon_declaration(horizon=12, budget=1.0):
    """The horizon explorer declared once, for the lesson's widgets and the website.

    Parameters
    ----------
    horizon : int, optional
        Starting planning horizon in periods (the slider runs from 4 to 52; the
        website's grid in steps of 2).
    budget : float, optional
        Starting budget per period (0.5 to 3 in steps of 0.25; the website's grid in
        steps of 0.5).

    Returns
    -------
    ExplorerDeclaration
        Controls ``horizon`` and ``budget`` over
        :func:`course_lib.viz.budgets.split_value_chart` (the value of every constant
        split, the best marked) beside :func:`course_lib.viz.budgets.adoption_chart`
        (the best plan's customers and advocates against all influence), for the new
        product's market (``Market()``).

    Raises
    ------
    ValueError
        If ``horizon`` or ``budget`` is outside its slider's range.

    Examples
    --------
    >>> declaration = horizon_declaration()
    >>> len(declaration.site_cells()), declaration.coarser_on_site()
    (150, ['planning horizon T', 'budget per period'])
    """
    if not 4 <= horizon <= 52:
        raise ValueError(f"horizon must be between 4 and 52 periods, got {horizon}")
    if not 0.5 <= budget <= 3.0:
        raise ValueError(f"budget must be between 0.5 and 3 per period, got {budget}")

    def render(horizon, budget):
        horizon, budget = int(horizon), round(float(budget), 2)
        search, frame, curves, ads_value = _horizon_tables(horizon, budget)
        gain = search.value - ads_value
        # the website can vary a title's text but not its subtitle: the numbers go in the text
        title = alt.Title(
            f"T = {horizon} periods, budget {budget:g}: best share to empowerment "
            f"{search.best_share:.2f} (value {search.value:.1f}, {gain:+.1f} against all influence)",
            subtitle="Left: the value of every constant split, the best in red. "
                     "Right: the best plan's customers and advocates against all influence.",
        )
        left = charts.split_value_chart(frame, title="Value of each constant split",
                                        width=_PANEL, height=_PANEL - 40, label=False)
        right = charts.adoption_chart(curves, title="Customers (solid), advocates (dashed)",
                                      width=_PANEL, height=_PANEL - 40)
        return alt.hconcat(left, right, title=title, resolve=_OWN_COLOURS,
                           description=left.description + " " + right.description)

    controls = (
        Range("horizon", "planning horizon T", 4, 52, 1, int(horizon), "d", site_step=2, continuous=True),
        Range("budget", "budget per period", 0.5, 3.0, 0.25, float(budget), ".2f", site_step=0.5),
    )
    return ExplorerDeclaration("budget_horizon", controls, render)


def horizon_explorer(horizon=12, budget=1.0):
    """Drag the planning horizon and see the best constant split move.

    Parameters
    ----------
    horizon : int, optional
        Starting planning horizon in periods (4 to 52).
    budget : float, optional
        Starting budget per period (0.5 to 3).

    Returns
    -------
    Explorer
        Sliders ``horizon`` and ``budget``, built from :func:`horizon_declaration`
        (the website shows the same charts).

    Raises
    ------
    ValueError
        If ``horizon`` or ``budget`` is outside its slider's range.

    Examples
    --------
    >>> ex = horizon_explorer(horizon=12)
    >>> chart = ex.update(horizon=52)
    >>> chart.title.text.split(" (")[0]
    'T = 52 periods, budget 1: best share to empowerment 0.50'
    """
    return horizon_declaration(horizon, budget).explorer()


# --------------------------------------------------------------------------- phasing
@functools.lru_cache(maxsize=256)
def _phasing_tables(market, horizon):
    m = MARKETS[market]
    frame = two_phase_frame(1.0, horizon, market=m)
    best = frame[frame["best"]].iloc[0]
    plan = BudgetPlan.two_phase(1.0, horizon, int(best["switch"]), best["first"], float(best["share"]))
    two = budgets.simulate_plan(plan, market=m)
    constant = budgets.best_constant_split(1.0, horizon, market=m)
    curves = plan_curves_frame({"best two-phase plan": two, "best constant split": constant.outcome})
    return frame, best, two, constant, curves


_MARKET_OPTIONS = (("new product", "new"), ("established market", "established"))


def phasing_declaration(market="new", horizon=52):
    """The which-lever-first explorer declared once, for the widgets and the website.

    Parameters
    ----------
    market : {"new", "established"}, optional
        Starting market (:data:`course_lib.experiments.budgets.MARKETS`).
    horizon : int, optional
        Starting horizon in periods (the slider runs from 12 to 52 in steps of 2;
        the website's grid in steps of 4). The budget is 1 per period.

    Returns
    -------
    ExplorerDeclaration
        Controls ``market`` and ``horizon`` over
        :func:`course_lib.viz.budgets.two_phase_chart` (best value by switch period,
        influence first vs empowerment first) beside
        :func:`course_lib.viz.budgets.adoption_chart` (the best two-phase plan against
        the best constant split).

    Raises
    ------
    ValueError
        If ``market`` is not a market of ``MARKETS`` or ``horizon`` is outside 12..52.

    Examples
    --------
    >>> declaration = phasing_declaration()
    >>> len(declaration.site_cells())
    22
    """
    _check_market(market)
    if not 12 <= horizon <= 52:
        raise ValueError(f"horizon must be between 12 and 52 periods, got {horizon}")

    def render(market, horizon):
        frame, best, two, constant, curves = _phasing_tables(market, int(horizon))
        name = {value: label for label, value in _MARKET_OPTIONS}[market]
        if two.value > constant.value:
            verdict = (f"{best['first']} first wins (switch at period {int(best['switch'])}, "
                       f"lead's share {best['share']:.2f})")
        else:  # the best plan is one of the constant splits every two-phase grid contains
            verdict = "no two-phase plan beats the best constant split"
        title = alt.Title(
            f"{name.capitalize()}, T = {int(horizon)}: {verdict}; value {two.value:.2f} against "
            f"{constant.value:.2f} for the best constant split ({constant.best_share:.2f})",
            subtitle="Left: the best value for each switch period (dashed: the best constant "
                     "split). Right: the two plans' customers and advocates.",
        )
        left = charts.two_phase_chart(frame, title="Best value for each switch period",
                                      width=_PANEL, height=_PANEL - 40)
        right = charts.adoption_chart(curves, title="Customers (solid), advocates (dashed)",
                                      width=_PANEL, height=_PANEL - 40)
        return alt.hconcat(left, right, title=title, resolve=_OWN_COLOURS,
                           description=left.description + " " + right.description)

    controls = (
        Choice("market", "market", _MARKET_OPTIONS, market),
        Range("horizon", "horizon T", 12, 52, 2, int(horizon), "d", site_step=4),
    )
    return ExplorerDeclaration("budget_phasing", controls, render)


def phasing_explorer(market="new", horizon=52):
    """Which lever should lead, in a new market and in an established one?

    Parameters
    ----------
    market : {"new", "established"}, optional
        Starting market.
    horizon : int, optional
        Starting horizon in periods (12 to 52).

    Returns
    -------
    Explorer
        Controls ``market`` and ``horizon``, built from :func:`phasing_declaration`.

    Raises
    ------
    ValueError
        If ``market`` or ``horizon`` is outside its range.

    Examples
    --------
    >>> ex = phasing_explorer()
    >>> chart = ex.update(market="established")
    >>> chart.title.text.split(": ")[1].split(";")[0]
    "empower first wins (switch at period 5, lead's share 0.60)"
    """
    return phasing_declaration(market, horizon).explorer()
