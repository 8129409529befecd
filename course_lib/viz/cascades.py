"""Charts for lesson 02: Granovetter's threshold model, Watts' cascade window and the
influentials multiplier. Builders only reshape and draw; the numbers come from
:mod:`course_lib.cascades` and :mod:`course_lib.experiments.cascades`.
"""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from .._deprecation import renamed_keywords
from ._shared import _HEIGHT, _PHI, _WIDTH, _cell_edges, _require
from .theme import OKABE_ITO

__all__ = [
    "cascade_window_frame",
    "granovetter_trajectory_chart",
    "granovetter_response_chart",
    "phase_diagram_chart",
    "cascade_size_histogram",
    "window_map_chart",
    "frequency_chart",
    "multiplier_chart",
]


# --------------------------------------------------------------------------- Granovetter
def granovetter_trajectory_chart(frame):
    """Number of people acting after each step of Granovetter's threshold model.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``step``, ``acting`` and ``crowd`` (one line per crowd), as from
        :func:`course_lib.experiments.cascades.trajectory_frame`.

    Returns
    -------
    altair.LayerChart
        One line per crowd, its final number acting written at its end.

    See Also
    --------
    course_lib.cascades.granovetter_cascade : The model that produces the trajectories.

    Examples
    --------
    >>> frame = pd.DataFrame({"step": [0, 1, 2], "acting": [1, 2, 3], "crowd": "riot"})
    >>> chart = granovetter_trajectory_chart(frame)
    >>> chart.description
    'Line chart of the number of people acting after each step. riot: 3 end up acting.'
    """
    _require(frame, ["step", "acting", "crowd"], "frame")
    ordered = frame.sort_values("step")
    finals = ordered.groupby("crowd", sort=False).tail(1)
    finals = finals.assign(label=[f"{int(v)} acting" for v in finals["acting"]])
    summary = "; ".join(f"{r.crowd}: {int(r.acting)} end up acting" for r in finals.itertuples())
    color = alt.Color("crowd:N", title="Crowd", legend=alt.Legend(orient="bottom", direction="vertical"))
    lines = alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("step:Q", title="Step"),
        y=alt.Y("acting:Q", title="Number acting"),
        color=color,
        tooltip=[alt.Tooltip("crowd:N"), alt.Tooltip("step:Q"), alt.Tooltip("acting:Q")],
    )
    ends = alt.Chart(finals).mark_text(align="left", dx=8, dy=-8, fontWeight="bold").encode(
        x=alt.X("step:Q"), y=alt.Y("acting:Q"), text=alt.Text("label:N"), color=color
    )
    return alt.layer(lines, ends).properties(
        width=_WIDTH,
        height=_HEIGHT,
        title="Granovetter's riot: one threshold changes everything",
        description="Line chart of the number of people acting after each step. " + summary + ".",
    )


def granovetter_response_chart(response, equilibrium=None, title=None):
    """Response curve: how many act next step given how many act now, with the 45° line.

    Where the curve crosses the diagonal, the crowd stops growing: starting from zero,
    the first crossing is the equilibrium.

    Parameters
    ----------
    response : pandas.DataFrame
        Columns ``acting_now`` and ``acting_next`` (expected number acting next step),
        as from :func:`course_lib.experiments.cascades.granovetter_response_frame`. Both
        axes run from 0 to the largest value in either column.
    equilibrium : float, optional
        Number acting at equilibrium, drawn as a labelled red point on the diagonal.
        None (the default) draws no point.
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "Where the response curve meets
        the diagonal, the crowd stops growing".

    Returns
    -------
    altair.LayerChart
        The diagonal and the response curve, plus the equilibrium point and its label
        when ``equilibrium`` is given.

    Examples
    --------
    >>> response = pd.DataFrame({"acting_now": [0, 1, 2, 3, 4], "acting_next": [1, 2, 2, 2, 3]})
    >>> chart = granovetter_response_chart(response, equilibrium=2)
    >>> len(chart.layer)
    4
    >>> chart.description.endswith("meets the diagonal, at 2 people acting.")
    True
    """
    _require(response, ["acting_now", "acting_next"], "response")
    n = float(max(response["acting_now"].max(), response["acting_next"].max()))
    domain = [0, n]
    x = alt.X("acting_now:Q", title="Number acting now", scale=alt.Scale(domain=domain))
    y = alt.Y("acting_next:Q", title="Number acting next step", scale=alt.Scale(domain=domain))
    curve = (
        alt.Chart(response)
        .mark_line(color=OKABE_ITO[0])
        .encode(x=x, y=y, tooltip=[alt.Tooltip("acting_now:Q"), alt.Tooltip("acting_next:Q", format=".1f")])
    )
    diagonal = (
        alt.Chart(pd.DataFrame({"acting_now": domain, "acting_next": domain}))
        .mark_line(color="#777", strokeDash=[6, 4], strokeWidth=1.5)
        .encode(x=alt.X("acting_now:Q"), y=alt.Y("acting_next:Q"))
    )
    layers = [diagonal, curve]
    description = (
        "Line chart. Orange curve: expected number acting next step against the number "
        "acting now. Dashed grey line: the diagonal where the two are equal."
    )
    if equilibrium is not None:
        eq = pd.DataFrame(
            {"acting_now": [float(equilibrium)], "acting_next": [float(equilibrium)],
             "label": [f"equilibrium: {float(equilibrium):.0f} act"]}
        )
        point = alt.Chart(eq).mark_point(size=160, color=OKABE_ITO[5], filled=True).encode(
            x=alt.X("acting_now:Q"), y=alt.Y("acting_next:Q"), tooltip=[alt.Tooltip("label:N")]
        )
        left = float(equilibrium) < n / 2  # keep the label inside the plot
        text = alt.Chart(eq).mark_text(
            align="left" if left else "right", dx=10 if left else -10, dy=-10 if left else 14,
            color=OKABE_ITO[5], fontWeight="bold",
        ).encode(
            x=alt.X("acting_now:Q"), y=alt.Y("acting_next:Q"), text=alt.Text("label:N")
        )
        layers += [point, text]
        description += (
            f" Red point: starting from nobody, the crowd settles where the curve first "
            f"meets the diagonal, at {float(equilibrium):.0f} people acting."
        )
    return alt.layer(*layers).properties(
        width=_HEIGHT + 40,
        height=_HEIGHT + 40,
        title=title or "Where the response curve meets the diagonal, the crowd stops growing",
        description=description,
    )


# --------------------------------------------------------------------------- Watts window
def cascade_window_frame(phi_min, phi_max):
    """Tabulate :func:`course_lib.cascades.cascade_window` for thresholds in a range.

    The window depends on ``phi`` only through ``K = floor(1/phi)``, so it is constant
    for ``phi`` in ``(1/(K+1), 1/K]``: one row per such interval that meets
    ``[phi_min, phi_max]`` and has a window.

    Parameters
    ----------
    phi_min : float
        Smallest threshold of the range, in (0, ``phi_max``].
    phi_max : float
        Largest threshold of the range, in [``phi_min``, 1].

    Returns
    -------
    DataFrame
        Columns ``K``, ``phi_low``, ``phi_high`` (the interval, clipped to the range),
        ``z_low``, ``z_high``; ordered from the largest ``K`` (smallest thresholds)
        down. No rows when no threshold of the range has a window (all above 1/4).

    Raises
    ------
    ValueError
        Unless ``0 < phi_min <= phi_max <= 1``.

    See Also
    --------
    phase_diagram_chart, window_map_chart : The charts that draw this table.

    Examples
    --------
    >>> cascade_window_frame(0.15, 0.3).round(3)
       K  phi_low  phi_high  z_low  z_high
    0  6    0.150     0.167  1.004   7.477
    1  5    0.167     0.200  1.021   5.765
    2  4    0.200     0.250  1.114   3.863
    """
    from ..cascades import cascade_window, vulnerable_degree_limit

    if not 0 < phi_min <= phi_max <= 1:
        raise ValueError(f"need 0 < phi_min <= phi_max <= 1, got phi_min={phi_min}, phi_max={phi_max}")
    k_max = vulnerable_degree_limit(phi_min)
    k_min = vulnerable_degree_limit(phi_max)
    rows = []
    for K in range(k_max, k_min - 1, -1):
        lo, hi = max(1.0 / (K + 1), phi_min), min(1.0 / K, phi_max)
        if lo > hi:
            continue
        window = cascade_window(1.0 / K)  # 1/K is in the interval (closed on the right)
        if window is None:
            continue
        rows.append({"K": K, "phi_low": lo, "phi_high": hi, "z_low": window[0], "z_high": window[1]})
    return pd.DataFrame(rows, columns=["K", "phi_low", "phi_high", "z_low", "z_high"])


def _window_outline(window):
    """One closed-at-the-right step path around the window: lower edge left to right,
    up at the largest threshold, upper edge right to left."""
    w = window.sort_values("phi_low")
    lower = [(p, z) for lo, hi, z in zip(w.phi_low, w.phi_high, w.z_low) for p in (lo, hi)]
    upper = [(p, z) for lo, hi, z in zip(w.phi_low, w.phi_high, w.z_high) for p in (lo, hi)]
    path = lower + upper[::-1]
    edge = ["lower"] * len(lower) + ["upper"] * len(upper)
    return pd.DataFrame(
        {"phi": [p for p, _ in path], "mean_degree": [z for _, z in path], "edge": edge,
         "order": np.arange(len(path))}
    )


def _outline_layers(window, x_scale, y_scale):
    outline = _window_outline(window)
    enc = dict(
        x=alt.X("phi:Q", scale=x_scale),
        y=alt.Y("mean_degree:Q", scale=y_scale),
        order="order:Q",
    )
    halo = alt.Chart(outline).mark_line(color="black", strokeWidth=5, clip=True).encode(**enc)
    line = alt.Chart(outline).mark_line(color="white", strokeWidth=2.5, clip=True).encode(**enc)
    return [halo, line]


def phase_diagram_chart(frame, window=None, value="frequency"):
    """Heatmap of simulated cascade frequency over threshold × mean degree, with the
    analytic cascade window drawn over it.

    Parameters
    ----------
    frame : pandas.DataFrame
        ``PhaseDiagram.to_frame()`` (:class:`course_lib.cascades.PhaseDiagram`):
        columns ``mean_degree``, ``phi`` and the column named by ``value``; ``stderr``
        and ``theory_frequency`` are shown in tooltips when present. Each distinct
        (``phi``, ``mean_degree``) pair is one cell, reaching halfway to its neighbours.
    window : pandas.DataFrame, optional
        :func:`cascade_window_frame` over the thresholds of ``frame``: drawn as a
        step-wise outline (white on black). None or an empty table draws no outline.
    value : str, default "frequency"
        Column coloured in the cells (e.g. ``"mean_global_size"``), on a fixed 0-1
        viridis scale.

    Returns
    -------
    altair.LayerChart
        The heatmap, with the outline of the window over it when ``window`` is given.

    See Also
    --------
    course_lib.cascades.cascade_phase_diagram : The simulation behind ``frame``.

    Examples
    --------
    >>> frame = pd.DataFrame({"mean_degree": [2.0, 4.0, 2.0, 4.0], "phi": [0.18, 0.18, 0.3, 0.3],
    ...                       "frequency": [0.6, 0.2, 0.0, 0.0]})
    >>> chart = phase_diagram_chart(frame, window=cascade_window_frame(0.18, 0.3))
    >>> len(chart.layer)  # heatmap, then the outline's black halo and white line
    3
    >>> chart.description[:60]
    'Heatmap of simulated cascade frequency for threshold φ from '
    """
    _require(frame, ["mean_degree", "phi", value], "frame")
    phis, phi_lo, phi_hi = _cell_edges(frame["phi"])
    zs, z_lo, z_hi = _cell_edges(frame["mean_degree"])
    cells = frame.copy()
    ip = np.searchsorted(phis, cells["phi"].to_numpy(float))
    iz = np.searchsorted(zs, cells["mean_degree"].to_numpy(float))
    cells["phi_lo"], cells["phi_hi"] = phi_lo[ip], phi_hi[ip]
    cells["z_lo"], cells["z_hi"] = z_lo[iz], z_hi[iz]
    x_scale = alt.Scale(domain=[float(phi_lo[0]), float(phi_hi[-1])], nice=False, zero=False)
    y_scale = alt.Scale(domain=[float(z_lo[0]), float(z_hi[-1])], nice=False, zero=False)
    label = "Cascade frequency" if value == "frequency" else value.replace("_", " ").capitalize()
    tooltip = [alt.Tooltip("phi:Q", title=_PHI, format=".3f"),
               alt.Tooltip("mean_degree:Q", title="mean degree z", format=".2f"),
               alt.Tooltip(f"{value}:Q", format=".2f")]
    tooltip += [alt.Tooltip(f"{c}:Q", format=".3f") for c in ("stderr", "theory_frequency") if c in frame]
    heat = alt.Chart(cells).mark_rect().encode(
        x=alt.X("phi_lo:Q", scale=x_scale, title=f"Threshold {_PHI}"),
        x2=alt.X2("phi_hi:Q"),
        y=alt.Y("z_lo:Q", scale=y_scale, title="Mean degree z"),
        y2=alt.Y2("z_hi:Q"),
        color=alt.Color(f"{value}:Q", title=label, scale=alt.Scale(domain=[0, 1], scheme="viridis")),
        tooltip=tooltip,
    )
    layers = [heat]
    peak = cells.loc[cells[value].idxmax()]
    description = (
        f"Heatmap of simulated {label.lower()} for threshold {_PHI} from {phis[0]:.2f} to "
        f"{phis[-1]:.2f} (horizontal) and mean degree z from {zs[0]:.1f} to {zs[-1]:.1f} "
        f"(vertical), {len(phis)} by {len(zs)} cells, colour from 0 (dark purple) to 1 "
        f"(yellow). Highest value {peak[value]:.2f} at {_PHI} = {peak['phi']:.2f}, "
        f"z = {peak['mean_degree']:.1f}."
    )
    if window is not None and len(window):
        _require(window, ["phi_low", "phi_high", "z_low", "z_high"], "window")
        layers += _outline_layers(window, x_scale, y_scale)
        description += (
            " A white outline marks the analytic cascade window: for each threshold, "
            f"global cascades are possible between z = {window.z_low.min():.1f} and "
            f"z = {window.z_high.max():.1f} at most, and the window closes at "
            f"{_PHI} = {window.phi_high.max():.2f}."
        )
    return alt.layer(*layers).properties(
        width=_WIDTH,
        height=_HEIGHT + 40,
        title=alt.Title(
            "The cascade window",
            subtitle=(f"Colour: {'share of single seeds that trigger a global cascade' if value == 'frequency' else label.lower()}"
                      "; outline: theory"),
        ),
        description=description,
    )


def cascade_size_histogram(sizes, title=None, max_count=None):
    """Histogram of final cascade sizes (fraction of the network), one run per seed.

    Parameters
    ----------
    sizes : pandas.DataFrame
        Column ``fraction`` (final size of each run as a fraction of the network), one
        row per run; binned in steps of 0.05 over [0, 1].
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "Cascade sizes from one random
        seed".
    max_count : int, optional
        Fix the vertical axis to ``[0, max_count]`` (e.g. the number of runs) so charts
        stay comparable while a slider moves. None (or 0) lets the axis fit the bars.

    Returns
    -------
    altair.Chart
        A bar chart; its description counts the runs that reach at least a tenth of
        the network.

    Examples
    --------
    >>> sizes = pd.DataFrame({"fraction": [0.01, 0.02, 0.9, 0.95]})
    >>> chart = cascade_size_histogram(sizes, max_count=4)
    >>> chart.mark.type
    'bar'
    >>> chart.description
    'Histogram of final cascade sizes over 4 runs, each started from one random seed; 2 of 4 runs reach at least a tenth of the network.'
    """
    _require(sizes, ["fraction"], "sizes")
    y_scale = alt.Scale(domain=[0, max_count]) if max_count else alt.Undefined
    runs = len(sizes)
    large = int((sizes["fraction"] >= 0.1).sum())
    return (
        alt.Chart(sizes)
        .mark_bar(color=OKABE_ITO[4])
        .encode(
            x=alt.X("fraction:Q", bin=alt.Bin(extent=[0, 1], step=0.05),
                    title="Final cascade size (share of the network)",
                    scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=".0%", tickCount=5)),
            y=alt.Y("count():Q", title="Number of runs", scale=y_scale),
            tooltip=[alt.Tooltip("count():Q", title="runs")],
        )
        .properties(
            width=_WIDTH,
            height=_HEIGHT - 40,
            title=title or "Cascade sizes from one random seed",
            description=(
                f"Histogram of final cascade sizes over {runs} runs, each started from one "
                f"random seed; {large} of {runs} runs reach at least a tenth of the network."
            ),
        )
    )


@renamed_keywords(z_domain="mean_degree_domain")
def window_map_chart(window, point, phi_domain=(0.05, 0.3), mean_degree_domain=(0, 12)):
    """Small map of the analytic cascade window with one marked (phi, z) point.

    Parameters
    ----------
    window : pandas.DataFrame
        :func:`cascade_window_frame`: the window, shaded and outlined.
    point : pandas.DataFrame
        One row with columns ``phi``, ``mean_degree`` and ``inside`` (bool: whether the
        point is inside the window; red when True, dark grey when False). Only the
        first row is described.
    phi_domain : tuple of float, default (0.05, 0.3)
        Range of the threshold axis (horizontal).
    mean_degree_domain : tuple of float, default (0, 12)
        Range of the mean-degree axis (vertical). Formerly ``z_domain``, which still
        works with a warning.

    Returns
    -------
    altair.LayerChart
        The shaded window, its outline and the marked point.

    Examples
    --------
    >>> point = pd.DataFrame({"phi": [0.18], "mean_degree": [3.0], "inside": [True]})
    >>> chart = window_map_chart(cascade_window_frame(0.15, 0.3), point)
    >>> chart.description.endswith("φ = 0.18, z = 3.00 is inside the window.")
    True
    """
    _require(point, ["phi", "mean_degree", "inside"], "point")
    x_scale = alt.Scale(domain=list(phi_domain), nice=False, zero=False)
    y_scale = alt.Scale(domain=list(mean_degree_domain), nice=False)
    outline = _window_outline(window)
    # Shade between the edges: area from lower to upper at each step point.
    steps = window.sort_values("phi_low")
    band = pd.DataFrame(
        {"phi": np.c_[steps.phi_low, steps.phi_high].ravel(),
         "z_low": np.repeat(steps.z_low.to_numpy(), 2),
         "z_high": np.repeat(steps.z_high.to_numpy(), 2)}
    )
    shade = alt.Chart(band).mark_area(color=OKABE_ITO[1], opacity=0.35, clip=True).encode(
        x=alt.X("phi:Q", scale=x_scale, title=f"Threshold {_PHI}"),
        y=alt.Y("z_low:Q", scale=y_scale, title="Mean degree z"),
        y2=alt.Y2("z_high:Q"),
    )
    edge = alt.Chart(outline).mark_line(color=OKABE_ITO[4], strokeWidth=2, clip=True).encode(
        x=alt.X("phi:Q", scale=x_scale), y=alt.Y("mean_degree:Q", scale=y_scale), order=alt.Order("order:Q")
    )
    p = point.iloc[0]
    dot = alt.Chart(point).mark_point(size=220, filled=True, shape="diamond").encode(
        x=alt.X("phi:Q", scale=x_scale),
        y=alt.Y("mean_degree:Q", scale=y_scale),
        color=alt.Color("inside:N", scale=alt.Scale(domain=[True, False], range=[OKABE_ITO[5], "#333"]),
                        legend=None),
        tooltip=[alt.Tooltip("phi:Q", title=_PHI), alt.Tooltip("mean_degree:Q", title="z")],
    )
    where = "inside" if bool(p["inside"]) else "outside"
    return alt.layer(shade, edge, dot).properties(
        width=240,
        height=_HEIGHT - 40,
        title=alt.Title("Where you are", subtitle="Shaded: analytic cascade window"),
        description=(
            f"Map of the analytic cascade window (shaded) over threshold and mean degree; "
            f"the current setting {_PHI} = {p['phi']:.2f}, z = {p['mean_degree']:.2f} is "
            f"{where} the window."
        ),
    )


def frequency_chart(simulated, theory=None, title=None):
    """Cascade frequency against mean degree: simulated points with error bars and the
    analytic curve.

    Parameters
    ----------
    simulated : pandas.DataFrame
        Columns ``mean_degree``, ``frequency``, ``stderr``: drawn as points with bars
        of two standard errors either side (clipped to [0, 1]).
    theory : pandas.DataFrame, optional
        Columns ``mean_degree`` and ``theory_frequency`` on a fine grid, drawn as an
        orange line (e.g. from :func:`course_lib.cascades.cascade_frequency_theory`).
        None (the default) draws no line.
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "Simulation against theory".

    Returns
    -------
    altair.LayerChart
        The theory line (when given), the error bars and the points.

    Examples
    --------
    >>> simulated = pd.DataFrame({"mean_degree": [1.0, 3.0, 5.0], "frequency": [0.0, 0.8, 0.3],
    ...                           "stderr": [0.0, 0.04, 0.05]})
    >>> theory = pd.DataFrame({"mean_degree": [1.0, 3.0, 5.0], "theory_frequency": [0.0, 0.87, 0.4]})
    >>> chart = frequency_chart(simulated, theory)
    >>> len(chart.layer)
    3
    """
    _require(simulated, ["mean_degree", "frequency", "stderr"], "simulated")
    sim = simulated.assign(
        low=(simulated["frequency"] - 2 * simulated["stderr"]).clip(lower=0),
        high=(simulated["frequency"] + 2 * simulated["stderr"]).clip(upper=1),
        source="simulated (± 2 s.e.)",
    )
    x = alt.X("mean_degree:Q", title="Mean degree z")
    y_scale = alt.Scale(domain=[0, 1])
    color = alt.Color("source:N", title=None, scale=alt.Scale(
        domain=["simulated (± 2 s.e.)", "theory"], range=[OKABE_ITO[4], OKABE_ITO[0]]),
        legend=alt.Legend(orient="top-right"))
    bars = alt.Chart(sim).mark_rule(strokeWidth=1.5).encode(
        x=x, y=alt.Y("low:Q", scale=y_scale), y2=alt.Y2("high:Q"), color=color
    )
    dots = alt.Chart(sim).mark_point(size=50, filled=True).encode(
        x=x,
        y=alt.Y("frequency:Q", scale=y_scale, title="Share of seeds causing a global cascade"),
        color=color,
        tooltip=[alt.Tooltip("mean_degree:Q", format=".2f"), alt.Tooltip("frequency:Q", format=".2f"),
                 alt.Tooltip("stderr:Q", format=".3f")],
    )
    layers = [bars, dots]
    description = (
        f"Simulated share of single seeds that cause a global cascade, at {len(sim)} mean "
        f"degrees from {sim.mean_degree.min():.1f} to {sim.mean_degree.max():.1f}, with error "
        f"bars of two standard errors; highest {sim.frequency.max():.2f}."
    )
    if theory is not None:
        _require(theory, ["mean_degree", "theory_frequency"], "theory")
        line = alt.Chart(theory.assign(source="theory")).mark_line().encode(
            x=x, y=alt.Y("theory_frequency:Q", scale=y_scale), color=color
        )
        layers.insert(0, line)
        description += " An orange line shows the analytic prediction."
    return alt.layer(*layers).properties(
        width=_WIDTH,
        height=_HEIGHT,
        title=title or "Simulation against theory",
        description=description,
    )


def multiplier_chart(frame, window=None, title=None):
    """Influentials' multiplier against mean degree.

    The multiplier is the mean cascade size started by a top-connected seed divided by
    the mean size started by a random seed (Watts & Dodds 2007 [1]_).

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``mean_degree`` and ``multiplier`` (as from
        :func:`course_lib.cascades.multiplier_curve`); rows whose multiplier is not
        finite are left out. Every column but ``phi`` is shown in the tooltip.
    window : tuple of float, optional
        Analytic cascade window ``(z_low, z_high)`` (e.g. from
        :func:`course_lib.cascades.cascade_window`), shaded. None (the default) shades
        nothing.
    title : str or altair.Title, optional
        Chart title; None (or an empty string) gives "Do influentials start bigger
        cascades?".

    Returns
    -------
    altair.LayerChart
        The shaded window (when given), a dashed line at 1 and the multiplier curve.

    References
    ----------
    .. [1] D. J. Watts and P. S. Dodds, "Influentials, networks, and public opinion
       formation", Journal of Consumer Research 34(4), 2007.

    Examples
    --------
    >>> frame = pd.DataFrame({"mean_degree": [1.0, 3.0, 5.0], "multiplier": [1.1, 1.4, 2.5]})
    >>> chart = multiplier_chart(frame, window=(1.02, 5.77))
    >>> len(chart.layer)
    3
    >>> chart.description[:60]
    "Line chart of the influentials' multiplier against mean degr"
    """
    _require(frame, ["mean_degree", "multiplier"], "frame")
    finite = frame[np.isfinite(frame["multiplier"])]
    x = alt.X("mean_degree:Q", title="Mean degree z")
    line = alt.Chart(finite).mark_line(point=alt.OverlayMarkDef(color=OKABE_ITO[5]), color=OKABE_ITO[5]).encode(
        x=x,
        y=alt.Y("multiplier:Q", title="Multiplier (influential seed ÷ random seed)", scale=alt.Scale(zero=True)),
        tooltip=[alt.Tooltip(c, format=".2f") for c in finite.columns if c != "phi"],
    )
    one = alt.Chart(pd.DataFrame({"y": [1.0]})).mark_rule(color="#777", strokeDash=[6, 4]).encode(y=alt.Y("y:Q"))
    layers = [one, line]
    description = (
        f"Line chart of the influentials' multiplier against mean degree, from "
        f"z = {finite.mean_degree.min():.1f} to {finite.mean_degree.max():.1f}; the multiplier "
        f"ranges from {finite.multiplier.min():.2f} to {finite.multiplier.max():.2f}. A dashed "
        f"line marks 1, where an influential seed does no better than a random one."
    )
    if window is not None:
        band = pd.DataFrame({"z_low": [window[0]], "z_high": [window[1]]})
        shade = alt.Chart(band).mark_rect(color=OKABE_ITO[1], opacity=0.2).encode(x=alt.X("z_low:Q"), x2=alt.X2("z_high:Q"))
        layers.insert(0, shade)
        description += (
            f" The analytic cascade window, z from {window[0]:.1f} to {window[1]:.1f}, is shaded."
        )
    return alt.layer(*layers).properties(
        width=_WIDTH,
        height=_HEIGHT,
        title=title or "Do influentials start bigger cascades?",
        description=description,
    )
