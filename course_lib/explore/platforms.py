"""Explorer for lesson 09: moderation, answers and loyalty on a company's platform.

The live curves are the mean-field theory (:func:`course_lib.platforms.platform_steady_state`,
a few milliseconds); the dots and the run on the right are one simulation of the
complete graph at the current setting (a few milliseconds too). Everything is cached
on rounded slider values, so going back to a setting is instant. The tables come from
:mod:`course_lib.experiments.platforms`, the chart from :mod:`course_lib.viz.platforms`.
"""
from __future__ import annotations

import functools

import altair as alt
import pandas as pd

from .._validation import as_seed_int, check_integer
from ..experiments.platforms import policy_trajectories_frame, steady_state_frame, suppression_grid
from ..platforms import critical_suppression
from ..viz import platforms as charts
from .declare import ExplorerDeclaration, Range

__all__ = ["moderation_declaration", "moderation_explorer"]

_STEPS = 30
_MEASURES = ("negative_talk", "external", "resolved")


@functools.lru_cache(maxsize=16)
def _critical(loyalty):
    return critical_suppression(loyalty=loyalty)


@functools.lru_cache(maxsize=256)
def _theory(answer_rate, loyalty):
    grid = suppression_grid(0.04, critical=_critical(loyalty))
    wide = steady_state_frame(grid, answer_rate=answer_rate, loyalty=loyalty)
    long = wide.melt(id_vars=["suppression"], value_vars=list(_MEASURES), var_name="measure")
    return long, float(wide.negative_talk.iloc[0])


@functools.lru_cache(maxsize=2048)
def _run(suppression, answer_rate, loyalty, n, seed):
    policy = {"suppression": suppression, "answer_rate": answer_rate, "loyalty": loyalty}
    run = policy_trajectories_frame(n, {"now": policy}, seed=seed, steps=_STEPS)
    run = run[run.measure.isin(_MEASURES)][["step", "measure", "value"]].reset_index(drop=True)
    end = run[run.step == _STEPS]
    current = pd.DataFrame({"suppression": suppression, "measure": end.measure.tolist(),
                            "value": end.value.tolist()})
    return run, current, dict(zip(current.measure, current.value))


def moderation_declaration(suppression=0.3, answer_rate=0.0, loyalty=0, *, n=1000, seed=None):
    """The moderation explorer declared once, for the lesson's widgets and the website.

    Parameters
    ----------
    suppression : float, optional
        Starting share of complaints removed (slider 0 to 1 in steps of 0.02; the
        website's grid in steps of 0.1).
    answer_rate : float, optional
        Starting share of standing complaints answered (0 to 1 in steps of 0.05; the
        website's grid in steps of 0.5).
    loyalty : int, optional
        Starting loyalty: removed complaints a consumer puts up with (0 to 3).
    n : int, optional
        Consumers in the simulated run (complete graph).
    seed : None, int or numpy.random.Generator, optional
        Random seed of the simulated run; the same seed gives the same run at a setting
        (default: fresh entropy, drawn once).

    Returns
    -------
    ExplorerDeclaration
        Controls ``suppression``, ``answer_rate`` and ``loyalty`` over
        :func:`course_lib.viz.platforms.moderation_chart`.

    Raises
    ------
    ValueError
        If ``n`` is below 2.

    Examples
    --------
    >>> declaration = moderation_declaration(seed=9)
    >>> len(declaration.site_cells()), declaration.coarser_on_site()
    (132, ['suppression s', 'answer rate a'])
    """
    n = check_integer(n, "n", minimum=2)
    seed = as_seed_int(seed)

    for loyal in range(4):  # the tipping points of every loyalty slider value, found once
        _critical(loyal)

    @functools.lru_cache(maxsize=1024)
    def draw(s, a, loyal):
        theory, open_talk = _theory(a, loyal)
        run, current, value = _run(s, a, loyal, n, seed)
        critical = _critical(loyal)
        side = "below" if s < critical else "above"
        title = alt.Title(
            f"Removing {s:.0%} of complaints, answering {a:.0%}, loyalty {loyal}: "
            f"{value['external']:.0%} outside, negative talk {value['negative_talk']:.3f}",
            subtitle=(f"Without removals (theory): {open_talk:.3f}. Tipping point for loyalty {loyal} "
                      f"(dashed): s* = {critical:.2f}; you are {side} it. Simulated: {n:,} consumers, "
                      "complete graph."),
        )
        return charts.moderation_chart(theory, run, current, critical=critical, title=title)

    def render(suppression, answer_rate, loyalty):
        return draw(round(float(suppression), 2), round(float(answer_rate), 2), int(loyalty))

    controls = (
        Range("suppression", "suppression s", 0.0, 1.0, 0.02, float(suppression), ".2f", site_step=0.1),
        Range("answer_rate", "answer rate a", 0.0, 1.0, 0.05, float(answer_rate), ".2f", site_step=0.5),
        Range("loyalty", "loyalty", 0, 3, 1, int(loyalty), "d"),
    )
    return ExplorerDeclaration("moderation", controls, render, note=(
        "<i>Lines: the mean-field theory for every suppression s. Dots and the right panel: one "
        "simulated run at the current setting.</i>"))


def moderation_explorer(suppression=0.3, answer_rate=0.0, loyalty=0, *, n=1000, seed=None):
    """Moderate a company platform: remove complaints, answer them, and see who leaves.

    Parameters
    ----------
    suppression : float, optional
        Starting share of complaints removed (slider 0 to 1).
    answer_rate : float, optional
        Starting share of standing complaints answered (slider 0 to 1).
    loyalty : int, optional
        Starting loyalty, removed complaints a consumer puts up with (slider 0 to 3).
    n : int, optional
        Consumers in the simulated run (complete graph).
    seed : None, int or numpy.random.Generator, optional
        Random seed of the simulated run (the lesson passes one).

    Returns
    -------
    Explorer
        Sliders ``suppression``, ``answer_rate`` and ``loyalty`` over
        :func:`course_lib.viz.platforms.moderation_chart`, built from
        :func:`moderation_declaration` (the website shows the same chart).

    Examples
    --------
    >>> ex = moderation_explorer(seed=9)
    >>> chart = ex.update(suppression=0.7)
    >>> ex.values["suppression"]
    0.7
    """
    return moderation_declaration(suppression, answer_rate, loyalty, n=n, seed=seed).explorer()
