"""The student's guess drawn on the chart that answers it, or on a number line."""
from __future__ import annotations

import altair as alt
import pandas as pd

__all__ = ["with_guess", "guess_slot", "answer_line_chart", "GUESS_PARAM"]

#: The Vega-Lite parameter a website chart draws the reader's guess at (:func:`guess_slot`).
GUESS_PARAM = "course_guess"

_GUESS = "#CC79A7"  # Okabe-Ito reddish purple: no model series in the course uses it


def with_guess(chart, guess, *, axis="y", label="your guess"):
    """``chart`` with a labelled rule at the student's guess.

    Parameters
    ----------
    chart : altair.Chart or altair.LayerChart
        A single or layered chart (not a concatenation or a facet: draw the guess on
        one panel).
    guess : float
        The guess, in the units of the axis.
    axis : {"x", "y"}
        The axis the guess is measured on: ``"y"`` draws a horizontal rule.
    label : str
        The rule's label.

    Returns
    -------
    altair.LayerChart

    Raises
    ------
    ValueError
        If ``chart`` is concatenated or faceted, or ``axis`` is not x or y.

    Examples
    --------
    >>> base = alt.Chart(pd.DataFrame({"x": [0, 1], "y": [0, 2]})).mark_line().encode(
    ...     x=alt.X("x:Q"), y=alt.Y("y:Q"))
    >>> layered = with_guess(base, 1.5)
    >>> len(layered.layer), layered.layer[1].data.guess.tolist()
    (3, [1.5])
    """
    return _layered(chart, pd.DataFrame({"guess": [float(guess)], "label": [label]}), axis, [])


def guess_slot(chart, *, axis="y", label="your guess"):
    """``chart`` with room for the guess that the website's JavaScript fills in.

    The same rule and label as :func:`with_guess`, placed at the Vega-Lite parameter
    :data:`GUESS_PARAM` (null, so nothing is drawn, until the page sets it with
    ``view.signal(GUESS_PARAM, guess)`` when the reader locks a guess).

    Parameters
    ----------
    chart : altair.Chart or altair.LayerChart
        As for :func:`with_guess`.
    axis : {"x", "y"}
        The axis the guess is measured on.
    label : str
        The rule's label.

    Returns
    -------
    altair.LayerChart

    Examples
    --------
    >>> base = alt.Chart(pd.DataFrame({"x": [0, 1], "y": [0, 2]})).mark_line().encode(
    ...     x=alt.X("x:Q"), y=alt.Y("y:Q"))
    >>> spec = guess_slot(base).to_dict()
    >>> [p["name"] for p in spec["params"]], spec["layer"][1]["transform"][0]
    (['course_guess'], {'filter': 'isValid(course_guess)'})
    """
    transform = [alt.FilterTransform(filter=f"isValid({GUESS_PARAM})"),
                 alt.CalculateTransform(calculate=GUESS_PARAM, **{"as": "guess"})]
    layered = _layered(chart, pd.DataFrame({"label": [label]}), axis, transform)
    return layered.add_params(alt.param(name=GUESS_PARAM, value=None))


def _layered(chart, frame, axis, transform):
    if axis not in ("x", "y"):
        raise ValueError(f"axis must be 'x' or 'y', got {axis!r}")
    if not isinstance(chart, (alt.Chart, alt.LayerChart)):
        raise ValueError(f"the guess can be drawn on a single or layered chart, not on a {type(chart).__name__}: "
                         "pass the one panel that answers the prediction")
    position = (alt.Y("guess:Q") if axis == "y" else alt.X("guess:Q"))
    marks = alt.Chart(frame, transform=transform) if transform else alt.Chart(frame)
    rule = marks.mark_rule(color=_GUESS, strokeWidth=2.5, strokeDash=[6, 3]).encode(position)
    text = marks.mark_text(color=_GUESS, fontWeight="bold", align="left", dx=4,
                           dy=-6 if axis == "y" else 0, baseline="bottom" if axis == "y" else "top"
                           ).encode(position, text=alt.Text("label:N"))
    properties = {k: chart[k] for k in ("title", "width", "height", "description")
                  if chart._get(k, alt.Undefined) is not alt.Undefined}
    inner = chart.copy(deep=False)
    for k in properties:  # they move to the layered chart, where they describe the whole
        setattr(inner, k, alt.Undefined)
    return alt.layer(inner, rule, text).properties(**properties)


def answer_line_chart(lo, hi, answer, *, label="the model"):
    """A number line over a prediction's range with the model's answer marked: the chart
    a numeric guess is drawn on when no chart of the lesson shows the answer.

    Parameters
    ----------
    lo, hi : float
        The range the guess was made on (``lo < hi``).
    answer : float
        The model's answer, a point on the line.
    label : str
        The point's label.

    Returns
    -------
    altair.LayerChart
        Draw the guess on it with :func:`with_guess` and ``axis="x"``.

    Raises
    ------
    ValueError
        If the range is empty.

    Examples
    --------
    >>> chart = answer_line_chart(0, 10, 6.2)
    >>> chart.layer[1].data.answer.tolist()
    [6.2]
    """
    if not lo < hi:
        raise ValueError(f"the range must have lo < hi, got lo = {lo}, hi = {hi}")
    scale = alt.Scale(domain=[lo, hi], nice=False)
    line = alt.Chart(pd.DataFrame({"x": [lo, hi]})).mark_line(color="#999999", strokeWidth=2).encode(
        x=alt.X("x:Q", scale=scale, title="the range of the question"))
    point = alt.Chart(pd.DataFrame({"answer": [float(answer)], "label": [f"{label}: {answer:.3g}"]}))
    dot = point.mark_point(filled=True, size=160, color="#000000").encode(x=alt.X("answer:Q", scale=scale))
    text = point.mark_text(dy=-14, fontWeight="bold").encode(x=alt.X("answer:Q", scale=scale), text=alt.Text("label:N"))
    return alt.layer(line, dot, text).properties(
        width=420, height=50, description=f"A number line from {lo:g} to {hi:g} with the model's answer, {answer:.3g}, marked.")
