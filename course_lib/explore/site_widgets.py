"""Kernel-free versions of the lessons' widgets, written into the course website.

In site mode (:func:`course_lib.viz.site.site_mode`) an explorer shows its declared
static chart (or, for an explorer not declared yet, its first chart with a note), and
:func:`~course_lib.explore.predict` and :func:`~course_lib.explore.quiz` show these
HTML versions, whose feedback is plain JavaScript in the page.
"""
from __future__ import annotations

import html
import itertools
import json
import os
import re

from ..viz.site import chart_html

__all__ = ["SiteHTML", "SitePrediction", "explorer_html", "predict_html", "predict_number_html", "reveal_html",
           "calibration_html", "quiz_html"]

_ids = itertools.count()


class SiteHTML:
    """HTML that a notebook displays as itself (``_repr_html_``).

    Parameters
    ----------
    markup : str
        The HTML.

    Attributes
    ----------
    html : str
        The markup.

    Examples
    --------
    >>> SiteHTML("<b>hi</b>")._repr_html_()
    '<b>hi</b>'
    """

    def __init__(self, markup):
        self.html = markup

    def _repr_html_(self):
        return self.html


class SitePrediction(SiteHTML):
    """:func:`predict_html` or :func:`predict_number_html` as a notebook object;
    ``choice`` and ``value`` are None (the page keeps the reader's guess in the browser).

    Parameters
    ----------
    markup : str
        The HTML, from :func:`predict_html` or :func:`predict_number_html`.
    lesson, key : str, optional
        Where the prediction is made.
    options : list of str, optional
        A choice's options.
    lo, hi : float, optional
        A number's range.

    Attributes
    ----------
    html : str
        The markup.
    box : str
        The element id of the prediction in the page.
    kind : str
        ``"choice"`` or ``"number"``.
    choice, value : None
        Nothing is locked in while the site is built.

    Examples
    --------
    >>> box = SitePrediction(predict_html("Which?", ["a", "b"]))
    >>> box.choice, box._repr_html_().startswith('<div class="course-predict"')
    (None, True)
    """

    choice = None
    value = None

    def __init__(self, markup, *, lesson=None, key=None, options=None, lo=None, hi=None):
        super().__init__(markup)
        self.box = re.search(r'id="(course-predict-\d+)"', markup).group(1)
        self.kind = "choice" if options is not None else "number"
        self.lesson, self.key, self.options, self.lo, self.hi = lesson, key, options, lo, hi

    def on_lock(self, callback):
        """Nothing to wait for while the site is built: the page's script scores the guess."""


def explorer_html(explorer):
    """The website's version of an explorer.

    Parameters
    ----------
    explorer : course_lib.explore.Explorer
        Any explorer; one built by
        :meth:`~course_lib.explore.declare.ExplorerDeclaration.explorer` has a
        ``declaration``.

    Returns
    -------
    str
        HTML: the declared explorer's sliders over precomputed charts, or its current
        chart and a note when it has no declaration yet.

    Examples
    --------
    >>> import altair as alt, pandas as pd
    >>> from course_lib.explore.declare import ExplorerDeclaration, Range
    >>> def render(slope):
    ...     return alt.Chart(pd.DataFrame({"x": [0, 1], "y": [0, slope]})).mark_line().encode(x="x", y="y")
    >>> line = ExplorerDeclaration("line", (Range("slope", "slope", 0.0, 2.0, 0.5, 1.0),), render)
    >>> page = explorer_html(line.explorer())
    >>> "vegaEmbed" in page and '"input": "range"' in page
    True
    """
    declaration = getattr(explorer, "declaration", None)
    if declaration is None:
        return chart_html(explorer.chart_widget.chart.to_dict(),
                          note="On this page the chart is fixed at its first setting; open the lesson in "
                               "JupyterLab or Binder to move its controls.")
    coarse = declaration.coarser_on_site()
    note = None
    if coarse:
        note = ("On this page the sliders move in coarser steps than in JupyterLab (" + ", ".join(coarse)
                + "): every setting was computed in advance.")
    # the site build names a cache folder (tools/build_site.py --cache): rebuilds reuse the charts
    return chart_html(declaration.static_spec(cache=os.environ.get("COURSE_LIB_SITE_CACHE") or None), note=note)


def predict_html(question, options):
    """A prediction the reader locks in, with plain JavaScript.

    Parameters
    ----------
    question : str
        The question, shown in bold.
    options : sequence of str
        The answers to choose from.

    Returns
    -------
    str
        HTML: radio buttons and a "Lock in my guess" button that calls the page's
        ``coursePredict``.

    Examples
    --------
    >>> "Lock in my guess" in predict_html("Which?", ["a", "b"])
    True
    """
    box = f"course-predict-{next(_ids)}"
    choices = "".join(
        f'<label><input type="radio" name="{box}" value="{html.escape(o)}"> {html.escape(o)}</label><br>'
        for o in options)
    return (f'<div class="course-predict" id="{box}"><p><b>{html.escape(question)}</b></p>{choices}'
            f'<button type="button" onclick="coursePredict(\'{box}\')">Lock in my guess</button>'
            f'<p class="course-feedback" aria-live="polite"></p></div>')


def predict_number_html(question, lo, hi, step, value, unit=""):
    """A numeric prediction the reader sets on a range input and locks in, with plain
    JavaScript.

    Parameters
    ----------
    question : str
        The question, shown in bold.
    lo, hi, step, value : float
        The range input's bounds, step and start.
    unit : str
        Shown after the number.

    Returns
    -------
    str
        HTML: a range input with its readout and a "Lock in my guess" button that calls
        the page's ``coursePredict``.

    Examples
    --------
    >>> 'type="range"' in predict_number_html("How many?", 0, 10, 1, 5)
    True
    """
    box = f"course-predict-{next(_ids)}"
    unit_text = f" {html.escape(unit)}" if unit else ""
    return (f'<div class="course-predict" id="{box}"><p><b>{html.escape(question)}</b></p>'
            f'<label>my guess <input type="range" min="{lo!r}" max="{hi!r}" step="{step!r}" value="{value!r}" '
            f'oninput="this.nextElementSibling.textContent = this.value"> <output>{value:g}</output>{unit_text}</label><br>'
            f'<button type="button" onclick="coursePredict(\'{box}\')">Lock in my guess</button>'
            f'<p class="course-feedback" aria-live="polite"></p></div>')


def reveal_html(box, key, *, chart=None):
    """The scoring of a locked prediction, with plain JavaScript.

    Parameters
    ----------
    box : str
        The element id of the prediction it scores (``SitePrediction.box``).
    key : dict
        ``kind``, ``answer``, ``lesson``, ``key`` and, for a number, ``lo`` and ``hi``:
        what the page's ``courseReveal`` scores the guess against.
    chart : dict, optional
        A Vega-Lite spec shown in the block; for a number, one with the
        :data:`course_lib.viz.predictions.GUESS_PARAM` parameter
        (:func:`course_lib.viz.predictions.guess_slot`), which the page sets to the guess.

    Returns
    -------
    str
        HTML: a block that says the model's answer and, once the guess is locked, how far
        off it was (and draws it on ``chart``).

    Examples
    --------
    >>> page = reveal_html("course-predict-1", {"kind": "choice", "answer": "a", "lesson": "", "key": ""})
    >>> 'data-for="course-predict-1"' in page
    True
    """
    data = html.escape(json.dumps(key), quote=True)
    answer = key["answer"]
    shown = f"{answer:.3g}" if key["kind"] == "number" else f"\u201c{html.escape(str(answer))}\u201d"
    drawn = "" if chart is None else chart_html(chart)
    return (f'<div class="course-reveal" data-for="{box}" data-key="{data}">'
            f'<p class="course-feedback" aria-live="polite"><i>Lock in your guess above to see how far off '
            f'it was. The model says {shown}.</i></p>{drawn}</div>')


def calibration_html(lesson=None):
    """A table of the reader's predictions that the page fills from the browser's storage.

    Parameters
    ----------
    lesson : str, optional
        Show this lesson's row next to the course total (all lessons if None).

    Returns
    -------
    str
        HTML filled by the page's ``courseCalibration``.

    Examples
    --------
    >>> 'data-lesson="02"' in calibration_html("02")
    True
    """
    return (f'<div class="course-calibration" data-lesson="{html.escape(lesson or "")}">'
            '<p><i>Your predictions are kept in this browser only.</i></p></div>')


def quiz_html(questions):
    """Check-yourself questions with immediate feedback, with plain JavaScript.

    Parameters
    ----------
    questions : list of dict
        Each with ``question``, ``options``, ``answer`` (index) and ``explain``.

    Returns
    -------
    str
        HTML: one block of radio buttons per question, answered by the page's
        ``courseQuiz``.

    Examples
    --------
    >>> bank = [{"question": "2 + 2?", "options": ["3", "4"], "answer": 1, "explain": "Count."}]
    >>> page = quiz_html(bank)
    >>> "course-quiz" in page and "Count." in page
    True
    """
    parts = []
    for q in questions:
        name = f"course-quiz-{next(_ids)}"
        data = html.escape(json.dumps({"answer": q["answer"], "explain": q["explain"]}), quote=True)
        choices = "".join(
            f'<label><input type="radio" name="{name}" value="{i}" onchange="courseQuiz(this)"> '
            f'{html.escape(option)}</label><br>' for i, option in enumerate(q["options"]))
        parts.append(f'<div class="course-question" data-key="{data}"><p><b>{html.escape(q["question"])}</b></p>'
                     f'{choices}<p class="course-feedback" aria-live="polite"></p></div>')
    return '<div class="course-quiz">' + "".join(parts) + "</div>"
