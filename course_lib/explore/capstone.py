"""The explorer of lesson 10 (the capstone): choose a strategy, see its scoreboard.

Sliders for the ambassadors, the empowerment share, the answer rate and the suppression;
the chart is :func:`course_lib.viz.capstone.scoreboard_chart` over
:func:`course_lib.experiments.capstone.scoreboard_frame`, on a market of 300 consumers
and 4 seeds so that a move answers at once (the baselines are computed once).
"""
from __future__ import annotations

from ..capstone import Scenario
from ..experiments.capstone import scoreboard_frame
from ..viz import capstone as charts
from .declare import ExplorerDeclaration, Range

__all__ = ["EXPLORER_SCENARIO", "capstone_declaration", "capstone_explorer"]

#: The explorer's market: the lesson's defaults on 300 consumers.
EXPLORER_SCENARIO = Scenario(n=300)


def capstone_declaration(scenario=EXPLORER_SCENARIO, seeds=(0, 1, 2, 3), seeds_count=5, empower_share=0.4,
                         answer_rate=0.5, suppression=0.0):
    """The lesson 10 explorer, declared once for JupyterLab and the website.

    Parameters
    ----------
    scenario : course_lib.capstone.Scenario, optional
        The market (default :data:`EXPLORER_SCENARIO`).
    seeds : tuple of int, optional
        The plays per strategy (at least two).
    seeds_count : int, optional
        Starting number of ambassadors (the hubs), 0 to the scenario's ``max_seeds``.
    empower_share : float, optional
        Starting empowerment share, 0 to 1.
    answer_rate : float, optional
        Starting answer rate, 0 to 1.
    suppression : float, optional
        Starting suppression, 0 to 0.9.

    Returns
    -------
    ExplorerDeclaration
        Controls ``ambassadors``, ``empower_share``, ``answer_rate`` and ``suppression``
        over :func:`course_lib.viz.capstone.scoreboard_chart`.

    Examples
    --------
    >>> len(capstone_declaration().site_cells())
    216
    """
    def render(ambassadors, empower_share, answer_rate, suppression):
        ambassadors = int(ambassadors)
        strategy = {"seeding": "degree" if ambassadors else "none", "seeds": ambassadors,
                    "empower_share": round(float(empower_share), 2), "answer_rate": round(float(answer_rate), 2),
                    "suppression": round(float(suppression), 2)}
        return charts.scoreboard_chart(scoreboard_frame(scenario, strategy, seeds=seeds))

    controls = (
        Range("ambassadors", "ambassadors (hubs)", 0, scenario.max_seeds, 1, int(seeds_count), "d",
              site_step=5),
        Range("empower_share", "empowerment share", 0.0, 1.0, 0.1, float(empower_share), ".1f", site_step=0.2),
        Range("answer_rate", "answer rate", 0.0, 1.0, 0.25, float(answer_rate), ".2f", site_step=0.5),
        Range("suppression", "suppression", 0.0, 0.9, 0.1, float(suppression), ".1f", site_step=0.3),
    )
    note = ("<i>Bars: market share at the end, averaged over the plays, with 95 % intervals. Every strategy "
            "is played on the same seeds, so the gain over all influence is paired.</i>")
    return ExplorerDeclaration("capstone", controls, render, note=note)


def capstone_explorer(**values):
    """Sliders for a strategy over its scoreboard against the baselines.

    Parameters
    ----------
    **values
        Keyword arguments of :func:`capstone_declaration`.

    Returns
    -------
    Explorer
        Built from :func:`capstone_declaration` (the website shows the same chart).

    Examples
    --------
    >>> ex = capstone_explorer()
    >>> chart = ex.update(empower_share=0.5)
    >>> ex.values["empower_share"]
    0.5
    """
    return capstone_declaration(**values).explorer()
