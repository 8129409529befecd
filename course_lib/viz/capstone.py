"""Charts for lesson 10 (the capstone): the scoreboard, a play's trajectory, and the map
of markets where a strategy wins or loses. The tables come from
:mod:`course_lib.experiments.capstone`.
"""
from __future__ import annotations

import altair as alt

from ._shared import _HEIGHT, _WIDTH, _require
from .theme import OKABE_ITO

__all__ = ["scoreboard_chart", "market_trajectory_chart", "market_map_chart"]

_STATE_COLOURS = {"detractor": OKABE_ITO[5], "competitor": "#9a9a9a", "unaware": "#d9d9d9",
                  "customer": OKABE_ITO[1], "advocate": OKABE_ITO[2]}


def scoreboard_chart(frame, title=None):
    """Market share of your strategy and the baselines, with 95 % intervals.

    Parameters
    ----------
    frame : pandas.DataFrame
        :func:`course_lib.experiments.capstone.scoreboard_frame`.
    title : str or altair.Title, optional
        Chart title; None gives one that says how much yours gains.

    Returns
    -------
    altair.LayerChart
        Bars (yours in orange) and interval whiskers.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"strategy": ["yours", "all influence"], "score": [0.4, 0.2],
    ...                       "score_low": [0.38, 0.19], "score_high": [0.42, 0.21], "gain": [0.2, 0.0],
    ...                       "gain_low": [0.18, 0.0], "gain_high": [0.22, 0.0]})
    >>> len(scoreboard_chart(frame).layer)
    2
    """
    _require(frame, ["strategy", "score", "score_low", "score_high", "gain", "gain_low", "gain_high"], "frame")
    data = frame.assign(mine=frame.strategy.eq("yours").map({True: "yours", False: "baseline"}))
    y = alt.Y("strategy:N", title=None, sort=list(frame.strategy))
    bars = alt.Chart(data).mark_bar(height=18).encode(
        x=alt.X("score:Q", title="Market share at the end (customers + advocates)", scale=alt.Scale(domain=[0, 1])),
        y=y,
        color=alt.Color("mine:N", legend=None, scale=alt.Scale(domain=["yours", "baseline"],
                                                                range=[OKABE_ITO[0], "#9a9a9a"])),
        tooltip=[alt.Tooltip("strategy:N"), alt.Tooltip("score:Q", format=".3f"),
                 alt.Tooltip("gain:Q", title="gain over all influence", format="+.3f")],
    )
    whiskers = alt.Chart(data).mark_rule(color="#222", strokeWidth=2).encode(
        x=alt.X("score_low:Q"), x2=alt.X2("score_high:Q"), y=y)
    mine = frame[frame.strategy == "yours"].iloc[0]
    if not title:
        title = alt.Title(f"Your strategy gains {mine.gain:+.3f} market share over all influence",
                          subtitle=f"95 % interval of the paired gain {mine.gain_low:+.3f} to {mine.gain_high:+.3f}")
    description = (f"Bar chart of market share for {len(frame)} strategies with 95 % intervals. Yours: "
                   f"{mine.score:.3f}, a gain of {mine.gain:+.3f} over all influence.")
    return alt.layer(bars, whiskers).properties(width=_WIDTH, height=28 * len(frame), title=title,
                                                description=description)


def market_trajectory_chart(frame, title=None):
    """Where consumers are on the continuum, period by period, in one play.

    Parameters
    ----------
    frame : pandas.DataFrame
        :func:`course_lib.experiments.capstone.trajectory_frame`.
    title : str, optional
        Chart title.

    Returns
    -------
    altair.Chart
        A stacked area chart, advocates at the top.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"period": [0, 0], "state": ["unaware", "customer"], "share": [0.9, 0.1]})
    >>> market_trajectory_chart(frame).mark
    'area'
    """
    _require(frame, ["period", "state", "share"], "frame")
    order = list(_STATE_COLOURS)
    data = frame.assign(order=frame.state.map({s: i for i, s in enumerate(order)}))
    return alt.Chart(data).mark_area().encode(
        x=alt.X("period:Q", title="Period"),
        y=alt.Y("share:Q", title="Share of consumers", stack="normalize"),
        color=alt.Color("state:N", title=None, scale=alt.Scale(domain=order, range=list(_STATE_COLOURS.values())),
                        legend=alt.Legend(orient="bottom")),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("period:Q"), alt.Tooltip("state:N"), alt.Tooltip("share:Q", format=".3f")],
    ).properties(width=_WIDTH, height=_HEIGHT, title=title or "One play: consumers on the continuum",
                 description="Stacked area chart of the share of consumers in each state of the continuum "
                             "(detractor, competitor's customer, unaware, customer, advocate) over the periods.")


def market_map_chart(frame, title=None):
    """Gain over "all influence" in markets of different network kind and horizon.

    Parameters
    ----------
    frame : pandas.DataFrame
        :func:`course_lib.experiments.capstone.market_map_frame`.
    title : str, optional
        Chart title.

    Returns
    -------
    altair.LayerChart
        A heatmap of the gain (orange: wins, blue: loses) with the verdict written in
        each cell.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"network": ["random"], "horizon": [12], "gain": [0.05], "gain_low": [0.01],
    ...                       "gain_high": [0.09], "verdict": ["wins"]})
    >>> len(market_map_chart(frame).layer)
    2
    """
    _require(frame, ["network", "horizon", "gain", "gain_low", "gain_high", "verdict"], "frame")
    top = max(0.05, float(frame.gain.abs().max()))
    base = alt.Chart(frame).encode(x=alt.X("horizon:O", title="Horizon (periods)"),
                                   y=alt.Y("network:N", title=None))
    heat = base.mark_rect().encode(
        color=alt.Color("gain:Q", title="gain", scale=alt.Scale(scheme="blueorange", domain=[-top, top])),
        tooltip=[alt.Tooltip("network:N"), alt.Tooltip("horizon:O"), alt.Tooltip("gain:Q", format="+.3f"),
                 alt.Tooltip("gain_low:Q", format="+.3f"), alt.Tooltip("gain_high:Q", format="+.3f")])
    text = base.mark_text(fontSize=12).encode(text=alt.Text("label:N")).transform_calculate(
        label="datum.verdict + ' ' + format(datum.gain, '+.2f')")
    wins = int((frame.verdict == "wins").sum())
    return alt.layer(heat, text).properties(
        width=_WIDTH, height=40 * frame.network.nunique(),
        title=title or f"Your strategy beats all influence in {wins} of {len(frame)} markets",
        description=(f"Heatmap of the gain over all influence for {len(frame)} markets (network kind by "
                     f"horizon); it wins with 95 % confidence in {wins}."))
