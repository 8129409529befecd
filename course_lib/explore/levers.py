"""Lesson 00's explorer: place a strategy on the two-lever map and see what a model says.

The two sliders set how much the strategy influences and how much it empowers. The left
panel is the course's judgement of example strategies; the other two are model output,
lesson 08's budget model run once for every pair of levels (:func:`course_lib.levers.lever_outcomes`).
"""
from __future__ import annotations

import functools

from ..levers import lever_outcomes, strategy_examples
from ..viz import levers as charts
from .declare import ExplorerDeclaration, Range

__all__ = ["two_lever_declaration", "two_lever_explorer"]


@functools.lru_cache(maxsize=4)
def _tables(horizon):
    return strategy_examples(), lever_outcomes(horizon=horizon)


def two_lever_declaration(influence=0.5, empowerment=0.2, *, horizon=12):
    """The two-lever explorer declared once, for the lesson's widgets and the website.

    Parameters
    ----------
    influence, empowerment : float
        Where the strategy starts, in [0, 1] (steps of 0.1).
    horizon : int
        Periods the model runs.

    Returns
    -------
    ExplorerDeclaration
        Controls ``influence`` and ``empowerment`` over
        :func:`course_lib.viz.levers.two_lever_chart`.

    Examples
    --------
    >>> declaration = two_lever_declaration()
    >>> len(declaration.site_cells()), declaration.coarser_on_site()
    (121, [])
    """
    def render(influence, empowerment):
        examples, outcomes = _tables(horizon)
        return charts.two_lever_chart(examples, outcomes, round(float(influence), 1), round(float(empowerment), 1),
                                      horizon=horizon)

    controls = (
        Range("influence", "influence", 0.0, 1.0, 0.1, float(influence), ".1f"),
        Range("empowerment", "empowerment", 0.0, 1.0, 0.1, float(empowerment), ".1f"),
    )
    note = ("<i>Level 1 of a lever spends 2 per period on it, level 0.5 spends 1 (the spend that buys half "
            "of the lever's effect in lesson 08's new-product market). The two spends are separate.</i>")
    return ExplorerDeclaration("two_levers", controls, render, note=note)


def two_lever_explorer(influence=0.5, empowerment=0.2, *, horizon=12):
    """Two sliders place your strategy on the judged map and on lesson 08's model maps.

    Parameters
    ----------
    influence, empowerment : float
        Where the strategy starts, in [0, 1].
    horizon : int
        Periods the model runs.

    Returns
    -------
    Explorer
        Built from :func:`two_lever_declaration` (the website shows the same chart).

    Examples
    --------
    >>> ex = two_lever_explorer()
    >>> chart = ex.update(empowerment=0.8)
    >>> ex.values["empowerment"]
    0.8
    """
    return two_lever_declaration(influence, empowerment, horizon=horizon).explorer()
