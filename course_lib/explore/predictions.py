"""Predictions that are scored: a numeric guess on a slider, and the reveal that scores a
guess against the model, draws it on the chart that answers it and keeps it in the
student's log (:mod:`course_lib.predictions`).

A lesson asks with :func:`~course_lib.explore.predict` (a choice) or :func:`predict_number`
(a number), explores, and then calls :func:`reveal` with the model's answer. The reveal
waits for the guess: run cell by cell or Run All, it scores the guess whenever it is
locked. :func:`calibration` shows the record so far.
"""
from __future__ import annotations

import html

import altair as alt
import ipywidgets as widgets

from .. import predictions as record
from ..viz.predictions import answer_line_chart, guess_slot, with_guess
from ..viz.site import chart_html, site_mode
from .site_widgets import SiteHTML, SitePrediction, calibration_html, predict_number_html, reveal_html

__all__ = ["predict_number", "reveal", "calibration"]


def predict_number(question, lo, hi, step, value=None, *, unit="", lesson=None, key=None):
    """A numeric prediction the student sets on a slider and locks in before exploring.

    Parameters
    ----------
    question : str
        The question, shown in bold.
    lo, hi, step : float
        The slider's range and step (``lo < hi``, ``step > 0``).
    value : float, optional
        Where the slider starts (the middle of the range by default).
    unit : str
        Shown after the number ("people", "%").
    lesson, key : str, optional
        Where the prediction is made; with both, :func:`reveal` records its verdict.

    Returns
    -------
    ipywidgets.VBox
        ``value`` holds the locked number (None until locked), ``slider`` the slider,
        ``lock()`` presses the button, ``on_lock(callback)`` calls ``callback(value)``
        once locked; ``lo`` and ``hi`` are the range. While the website is built, a
        :class:`~course_lib.explore.site_widgets.SitePrediction` instead.

    Raises
    ------
    ValueError
        If the range is empty or the step is not positive.

    Examples
    --------
    >>> box = predict_number("How many?", 0, 10, 1, 4)
    >>> box.lock(); box.value
    4.0
    """
    lo, hi, step = float(lo), float(hi), float(step)
    if not lo < hi:
        raise ValueError(f"predict_number needs lo < hi, got lo = {lo:g}, hi = {hi:g}")
    if not step > 0:
        raise ValueError(f"predict_number needs a positive step, got {step:g}")
    start = (lo + hi) / 2 if value is None else float(value)
    if not lo <= start <= hi:
        raise ValueError(f"value must lie in {lo:g} .. {hi:g}, got {start:g}")
    if site_mode():
        return SitePrediction(predict_number_html(question, lo, hi, step, start, unit), lesson=lesson, key=key,
                              lo=lo, hi=hi)
    slider = widgets.FloatSlider(value=start, min=lo, max=hi, step=step, description="my guess",
                                 readout_format=".3g", continuous_update=True,
                                 layout=widgets.Layout(width="420px"))
    button = widgets.Button(description="Lock in my guess", button_style="primary", icon="lock")
    status = widgets.HTML("<i>Set the slider, then lock it in. You will check it against the model below.</i>")
    box = widgets.VBox([widgets.HTML(f"<b>{html.escape(question)}</b>"), slider, button, status])
    box.value, box.slider = None, slider
    box.kind, box.lo, box.hi, box.lesson, box.key = "number", lo, hi, lesson, key
    listeners = []

    def lock(_=None):
        box.value = float(slider.value)
        slider.disabled = button.disabled = True
        status.value = f"Your guess: <b>{box.value:g}{(' ' + html.escape(unit)) if unit else ''}</b>. Now explore and see."
        for callback in listeners:
            callback(box.value)

    button.on_click(lock)
    box.lock, box.on_lock = lock, listeners.append
    return box


def _guess_of(prediction):
    return prediction.value if prediction.kind == "number" else prediction.choice


def _verdict(prediction, answer):
    where = {"lesson": prediction.lesson or "", "key": prediction.key or ""}
    if prediction.kind == "number":
        return record.score_number(prediction.value, answer, lo=prediction.lo, hi=prediction.hi, **where)
    return record.score_choice(prediction.choice, answer, options=prediction.options, **where)


def reveal(prediction, answer, *, chart=None, axis="y", log=None):
    """Score a prediction against the model's answer, say how far off it was, draw it.

    Parameters
    ----------
    prediction : widget
        From :func:`~course_lib.explore.predict` or :func:`predict_number`.
    answer : str or float
        The model's answer: one of the prediction's options, or a number, computed by
        the lesson from a model's output.
    chart : altair.Chart or altair.LayerChart, optional
        The chart that answers a numeric prediction; the guess is drawn on it as a
        labelled rule along ``axis`` once locked. Without one, a numeric guess is drawn
        on a number line over its range with the model's answer marked
        (:func:`course_lib.viz.predictions.answer_line_chart`).
    axis : {"x", "y"}
        The chart's axis the guess is measured on.
    log : PredictionLog, path or None
        Where the verdict is recorded when the prediction has a lesson and a key (None:
        :func:`course_lib.predictions.default_log_path`).

    Returns
    -------
    ipywidgets.VBox
        ``verdict`` is the :class:`~course_lib.predictions.Verdict` once the guess is
        locked (None before), ``text`` the HTML widget that says it; while the website
        is built, a :class:`~course_lib.explore.site_widgets.SiteHTML` whose page
        script scores the reader's guess.

    Raises
    ------
    ValueError
        If the answer is not one of a choice's options, or ``axis`` is not x or y.

    Examples
    --------
    >>> box = predict_number("How many?", 0, 10, 1, 4)
    >>> shown = reveal(box, 6.0, log=False)
    >>> box.lock(); shown.verdict.miss
    0.2
    """
    if axis not in ("x", "y"):
        raise ValueError(f"axis must be 'x' or 'y', got {axis!r}")
    if prediction.kind == "choice" and str(answer) not in prediction.options:
        raise ValueError(f"answer must be one of the prediction's options {prediction.options}, got {answer!r}")
    if chart is None and prediction.kind == "number":
        chart, axis = answer_line_chart(prediction.lo, prediction.hi, answer), "x"
    if isinstance(prediction, SitePrediction):
        return _site_reveal(prediction, answer, chart, axis)
    text = widgets.HTML()
    children = [text]
    chart_widget = None
    if chart is not None:
        with_guess(chart, 0.0, axis=axis)  # a chart the guess cannot be drawn on fails now, not at the lock
        alt.JupyterChart.enable_offline(True)
        chart_widget = alt.JupyterChart(chart)
        children.append(chart_widget)
    box = widgets.VBox(children)
    box.verdict, box.text = None, text
    shown = f"{answer:.3g}" if prediction.kind == "number" else f"\u201c{html.escape(str(answer))}\u201d"
    text.value = f"<i>Lock in your guess above to see how far off it was. The model says {shown}.</i>"

    def score(_guess):
        verdict = _verdict(prediction, answer)
        note = ""
        if log is not False and prediction.lesson and prediction.key:
            kept = log if isinstance(log, record.PredictionLog) else record.PredictionLog(log)
            first = kept.record(verdict)
            if first != verdict:  # a guess made again after seeing the answer does not count
                note = f" <i>On record is your first guess at this question, {html.escape(str(first.guess))}.</i>"
        box.verdict = verdict
        colour = "#009E73" if verdict.correct else "#D55E00"
        text.value = f"<span style='color:{colour}'><b>{html.escape(verdict.words)}</b></span>{note}"
        if chart_widget is not None and verdict.kind == "number":
            chart_widget.chart = with_guess(chart, verdict.guess, axis=axis)

    if _guess_of(prediction) is not None:
        score(_guess_of(prediction))
    else:
        prediction.on_lock(score)
    return box


def _site_reveal(prediction, answer, chart, axis):
    key = {"kind": prediction.kind, "answer": answer, "lesson": prediction.lesson or "", "key": prediction.key or ""}
    if prediction.kind == "number":
        key.update(lo=prediction.lo, hi=prediction.hi)
        if chart is not None:  # the page draws the reader's guess on it once locked
            chart = guess_slot(chart, axis=axis)
    return SiteHTML(reveal_html(prediction.box, key, chart=None if chart is None else chart.to_dict()))


def calibration(lesson=None, *, log=None):
    """The student's record of predictions: how often right, how far off.

    Parameters
    ----------
    lesson : str, optional
        Show this lesson's row next to the course total (all lessons if None).
    log : PredictionLog, path or None
        The record (None: the default file).

    Returns
    -------
    ipywidgets.VBox
        A table and a "Refresh" button; on the website, a table the page fills from the
        reader's browser.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> box = calibration(log=pathlib.Path(tempfile.mkdtemp()) / "p.json")
    >>> "no predictions" in box.children[0].value
    True
    """
    if site_mode():
        return SiteHTML(calibration_html(lesson))
    table = widgets.HTML()
    button = widgets.Button(description="Refresh", icon="refresh")

    def refresh(_=None):
        frame = record.calibration_frame(log)
        if lesson is not None:
            frame = frame[frame.lesson.isin([str(lesson), "all"])]
        if frame.predictions.iloc[-1] == 0:
            table.value = ("<i>You have no predictions on record yet: lock in a guess in a lesson, "
                           "and its verdict is kept here (in course_predictions.json, on your computer only).</i>")
            return
        rows = "".join(
            f"<tr><td>{r.lesson}</td><td>{r.choices_right} of {r.choices}</td><td>{r.numbers_close} of {r.numbers}</td>"
            f"<td>{'' if r.numbers == 0 else f'{r.typical_miss:.0%}'}</td></tr>" for r in frame.itertuples())
        table.value = ("<table><tr><th>lesson</th><th>choices right</th><th>numbers close</th>"
                       "<th>typical miss (share of the range)</th></tr>" + rows + "</table>"
                       f"<i>Close: within {record.CLOSE:.0%} of the slider's range. Only your first guess "
                       "at each question counts.</i>")

    button.on_click(refresh)
    refresh()
    return widgets.VBox([table, button])
