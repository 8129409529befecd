"""Check-yourself widgets: a prediction the student locks in, and a quiz with
immediate feedback. The questions live in :mod:`course_lib.quizzes`.
"""
from __future__ import annotations

import functools
import html

import ipywidgets as widgets

from ..viz.site import site_mode
from .site_widgets import SiteHTML, SitePrediction, predict_html, quiz_html

__all__ = ["predict", "Quiz", "quiz"]


def predict(question, options, *, lesson=None, key=None):
    """A multiple-choice prediction the student locks in before exploring.

    Parameters
    ----------
    question : str
        The question, shown in bold.
    options : sequence of str
        The answers to choose from.
    lesson, key : str, optional
        Where the prediction is made; with both, :func:`course_lib.explore.reveal`
        records its verdict in the student's prediction log.

    Returns
    -------
    ipywidgets.VBox
        Its ``choice`` attribute holds the locked answer (None until the "Lock in my
        guess" button is pressed), ``buttons`` is the radio-button widget,
        ``lock()`` presses the button and ``on_lock(callback)`` calls
        ``callback(choice)`` once the guess is locked. While the website is built
        (:func:`course_lib.viz.site.site_mode`) a
        :class:`~course_lib.explore.site_widgets.SitePrediction` instead.

    Examples
    --------
    >>> box = predict("Which?", ["a", "b"])
    >>> box.buttons.value = "b"; box.lock(); box.choice
    'b'
    """
    if site_mode():
        return SitePrediction(predict_html(question, list(options)), lesson=lesson, key=key,
                              options=list(options))
    buttons = widgets.RadioButtons(options=list(options), value=None, layout=widgets.Layout(width="auto"))
    button = widgets.Button(description="Lock in my guess", button_style="primary", icon="lock")
    status = widgets.HTML("<i>Pick one, then lock it in. You will check it against the model below.</i>")
    box = widgets.VBox([widgets.HTML(f"<b>{html.escape(question)}</b>"), buttons, button, status])
    box.choice = None
    box.buttons = buttons
    box.kind, box.options, box.lesson, box.key = "choice", list(options), lesson, key
    listeners = []

    def lock(_=None):
        if buttons.value is None:
            status.value = "<i>Pick an answer first.</i>"
            return
        box.choice = buttons.value
        buttons.disabled = True
        button.disabled = True
        status.value = f"Your guess: <b>{html.escape(box.choice)}</b>. Now explore and see."
        for callback in listeners:
            callback(box.choice)

    button.on_click(lock)
    box.lock = lock
    box.on_lock = listeners.append
    return box


class Quiz(widgets.VBox):
    """Multiple-choice questions that answer as soon as an option is picked.

    Parameters
    ----------
    questions : list of dict
        Each with ``question`` (str), ``options`` (list of str), ``answer`` (index of
        the right option) and ``explain`` (str, shown after any choice).

    Attributes
    ----------
    questions : list of dict
        The questions, as given.
    choices : list of ipywidgets.RadioButtons
        One per question.
    feedback : list of ipywidgets.HTML
        One per question: the verdict and the explanation once an option is picked.

    Raises
    ------
    ValueError
        If a question's ``answer`` is not an index of its options.

    Examples
    --------
    >>> q = Quiz([{"question": "2 + 2?", "options": ["3", "4"], "answer": 1, "explain": "Count."}])
    >>> q.choices[0].value = "3"
    >>> q.feedback[0].value
    "<span style='color:#D55E00'><b>✘ Not quite.</b></span> Count."
    """

    def __init__(self, questions):
        self.questions = list(questions)
        for i, q in enumerate(self.questions):
            if not 0 <= q["answer"] < len(q["options"]):
                raise ValueError(f"question {i}: answer {q['answer']} is not an index of its options")
        self.choices = []
        self.feedback = []
        children = []
        for i, q in enumerate(self.questions):
            choice = widgets.RadioButtons(options=list(q["options"]), value=None, layout=widgets.Layout(width="auto"))
            feedback = widgets.HTML()
            choice.observe(functools.partial(self._on_pick, i), names="value")
            self.choices.append(choice)
            self.feedback.append(feedback)
            children += [widgets.HTML(f"<b>{i + 1}. {html.escape(q['question'])}</b>"), choice, feedback]
        super().__init__(children)

    def check(self, index, option):
        """Feedback (HTML) for picking ``option`` (an index) in question ``index``."""
        q = self.questions[index]
        if option == q["answer"]:
            verdict = "<span style='color:#009E73'><b>✔ Right.</b></span>"
        else:
            verdict = "<span style='color:#D55E00'><b>✘ Not quite.</b></span>"
        return f"{verdict} {html.escape(q['explain'])}"

    def _on_pick(self, index, change):
        if change["new"] is None:
            return
        option = self.questions[index]["options"].index(change["new"])
        self.feedback[index].value = self.check(index, option)


def quiz(questions):
    """Build a :class:`Quiz` from a list of question dicts.

    Parameters
    ----------
    questions : list of dict
        Each with ``question``, ``options``, ``answer`` (index of the right option) and
        ``explain``, as for :class:`Quiz`.

    Returns
    -------
    Quiz
        The widget; while the website is built (:func:`course_lib.viz.site.site_mode`) a
        :class:`~course_lib.explore.site_widgets.SiteHTML` of
        :func:`~course_lib.explore.site_widgets.quiz_html` instead.

    Examples
    --------
    >>> q = quiz([{"question": "2 + 2?", "options": ["3", "4"], "answer": 1, "explain": "Count."}])
    >>> len(q.choices), q.choices[0].options
    (1, ('3', '4'))
    """
    if site_mode():
        return SiteHTML(quiz_html(questions))
    return Quiz(questions)
