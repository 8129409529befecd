"""Predictions that count: a student's guess, scored against the model, kept in a local record.

Every lesson starts by asking for guesses. :func:`score_choice` and :func:`score_number`
compare a guess with the model's answer and say in plain words how far off it was;
a :class:`PredictionLog` keeps the verdicts in a small JSON file in the student's working
folder (``course_predictions.json``; nothing is ever sent anywhere), and
:func:`calibration_frame` sums them up per lesson: how often the choices were right and
how far the numbers were off, as a share of the range the guess was made on.

The widgets that ask and reveal (:func:`course_lib.explore.predict`,
:func:`course_lib.explore.predict_number`, :func:`course_lib.explore.reveal`) are built on
this module; it has no widgets itself, so a grader or a test can use it as it is.
"""
from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["CLOSE", "Verdict", "score_choice", "score_number", "PredictionLog", "calibration_frame",
           "default_log_path", "trend"]

#: A numeric guess within this share of its range counts as close.
CLOSE = 0.1
_SPOT_ON = 0.03
_FILE = "course_predictions.json"


@dataclass(frozen=True)
class Verdict:
    """One guess against the model's answer.

    Attributes
    ----------
    lesson : str
        The lesson, e.g. ``"02"``.
    key : str
        The prediction's name within the lesson.
    kind : str
        ``"choice"`` or ``"number"``.
    guess : str or float
        What the student locked in.
    answer : str or float
        What the model says.
    correct : bool
        A choice: the same option. A number: within :data:`CLOSE` of the range.
    miss : float or None
        A number: ``|guess - answer|`` as a share of the range the guess was made on
        (0 = exact, 1 = the whole range); None for a choice.
    """

    lesson: str
    key: str
    kind: str
    guess: object
    answer: object
    correct: bool
    miss: float | None = None

    @property
    def words(self):
        """The verdict in a sentence, for the lesson to show."""
        if self.kind == "choice":
            if self.correct:
                return f"Right: the model says \u201c{self.answer}\u201d, as you guessed."
            return f"The model says \u201c{self.answer}\u201d; you guessed \u201c{self.guess}\u201d."
        off = f"off by {abs(self.guess - self.answer):.3g}, {self.miss:.0%} of the range"
        if self.miss <= _SPOT_ON:
            judgement = "Spot on."
        elif self.correct:
            judgement = "Close."
        else:
            judgement = "Far off: worth a second look at why."
        return f"You guessed {self.guess:g}; the model says {self.answer:.3g} ({off}). {judgement}"

    def to_dict(self):
        """The verdict as plain data (what the log stores)."""
        return asdict(self)

    def to_frame(self):
        """The verdict as a one-row table, with its sentence in ``words``."""
        import pandas as pd

        return pd.DataFrame([{**self.to_dict(), "words": self.words}])


def _name(value, what):
    text = str(value).strip()
    if not text:
        raise ValueError(f"{what} must be a non-empty name, got {value!r}")
    return text


def score_choice(guess, answer, *, options, lesson="", key=""):
    """Score a multiple-choice guess.

    Parameters
    ----------
    guess : str
        The option the student locked in.
    answer : str
        The option the model picks (computed by the lesson from a model's output).
    options : sequence of str
        The options the student chose from; ``guess`` and ``answer`` must be among them.
    lesson, key : str
        Where the prediction was made.

    Returns
    -------
    Verdict

    Raises
    ------
    ValueError
        If ``guess`` or ``answer`` is not one of ``options``.

    Examples
    --------
    >>> score_choice("rises", "rises then falls", options=["rises", "rises then falls"]).correct
    False
    """
    options = [str(o) for o in options]
    for value, what in ((guess, "guess"), (answer, "answer")):
        if str(value) not in options:
            raise ValueError(f"{what} must be one of the options {options}, got {value!r}")
    return Verdict(str(lesson), str(key), "choice", str(guess), str(answer), str(guess) == str(answer))


def score_number(guess, answer, *, lo, hi, lesson="", key=""):
    """Score a numeric guess made on a slider from ``lo`` to ``hi``.

    Parameters
    ----------
    guess : float
        The number the student locked in.
    answer : float
        What the model says.
    lo, hi : float
        The slider's range (``lo < hi``): the miss is measured as a share of it, so a
        guess of a share and a guess of a count are judged alike.
    lesson, key : str
        Where the prediction was made.

    Returns
    -------
    Verdict
        ``correct`` when the miss is at most :data:`CLOSE` (a tenth of the range).

    Raises
    ------
    ValueError
        If a value is not a finite number or the range is empty.

    Examples
    --------
    >>> v = score_number(0.3, 0.25, lo=0, hi=1)
    >>> v.correct, round(v.miss, 2)
    (True, 0.05)
    """
    values = {}
    for name, value in (("guess", guess), ("answer", answer), ("lo", lo), ("hi", hi)):
        try:
            values[name] = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be a number, got {value!r}") from None
        if not math.isfinite(values[name]):
            raise ValueError(f"{name} must be a finite number, got {value!r}")
    if not values["lo"] < values["hi"]:
        raise ValueError(f"the range must have lo < hi, got lo = {lo}, hi = {hi}")
    miss = abs(values["guess"] - values["answer"]) / (values["hi"] - values["lo"])
    return Verdict(str(lesson), str(key), "number", values["guess"], values["answer"], miss <= CLOSE + 1e-12,
                   miss)


def trend(values, *, flat):
    """The shape of a curve in words, for a prediction about how something changes.

    Parameters
    ----------
    values : sequence of float
        The curve, in the order of the quantity that changes (at least two points).
    flat : float
        Changes no larger than this are "no change" (choose it above the Monte Carlo
        error of the values).

    Returns
    -------
    str
        ``"flat"`` (the curve never moves more than ``flat``), ``"rises"`` (it ends within
        ``flat`` of its top, above where it started), ``"falls"`` (it starts within ``flat``
        of its top and ends below it), or ``"rises then falls"`` (its top is more than
        ``flat`` above both ends). A curve whose bottom is inside it, more than ``flat``
        below both ends, is ``"falls then rises"``.

    Raises
    ------
    ValueError
        With fewer than two values, a value that is not finite, or ``flat < 0``.

    Examples
    --------
    >>> trend([0.0, 0.6, 0.7, 0.3, 0.0], flat=0.05), trend([0.1, 0.5, 0.9], flat=0.05)
    ('rises then falls', 'rises')
    """
    import numpy as np

    y = np.asarray(values, dtype=float)
    if y.ndim != 1 or y.size < 2 or not np.isfinite(y).all():
        raise ValueError(f"values must be at least two finite numbers, got {values!r}")
    if not flat >= 0:
        raise ValueError(f"flat must be at least 0, got {flat!r}")
    top, bottom = y.max(), y.min()
    if top - bottom <= flat:
        return "flat"
    if top - y[0] > flat and top - y[-1] > flat:
        return "rises then falls"
    if y[0] - bottom > flat and y[-1] - bottom > flat:
        return "falls then rises"
    return "rises" if y[-1] > y[0] else "falls"


def default_log_path():
    """Where the record is kept: ``$COURSE_PREDICTIONS`` if set, else
    ``course_predictions.json`` in the current folder (the student's working folder).

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> default_log_path().name
    'course_predictions.json'
    """
    return Path(os.environ.get("COURSE_PREDICTIONS") or _FILE)


class PredictionLog:
    """The student's record of verdicts, one JSON file, first guess kept.

    The first verdict for a (lesson, key) is kept and later ones only counted: a guess
    made again after seeing the answer says nothing about calibration.

    Parameters
    ----------
    path : str, pathlib.Path or None
        The file (created on the first record); None for :func:`default_log_path`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> log = PredictionLog(pathlib.Path(tempfile.mkdtemp()) / "p.json")
    >>> log.record(score_choice("a", "b", options="ab", lesson="02", key="shape")).correct
    False
    >>> log.record(score_choice("b", "b", options="ab", lesson="02", key="shape")).correct  # the first stays
    False
    >>> len(log.verdicts()), log.retries("02", "shape")
    (1, 1)
    """

    def __init__(self, path=None):
        self.path = Path(path) if path is not None else default_log_path()

    def _read(self):
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"verdicts": [], "retries": {}}
        except (OSError, ValueError):
            # a damaged file is set aside, never silently overwritten
            self.path.replace(self.path.with_suffix(".damaged.json"))
            return {"verdicts": [], "retries": {}}
        if not isinstance(data, dict) or not isinstance(data.get("verdicts"), list):
            return {"verdicts": [], "retries": {}}
        data.setdefault("retries", {})
        return data

    def _write(self, data):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # write then rename: a kernel stopped halfway leaves the old file, not half a file
        with tempfile.NamedTemporaryFile("w", dir=self.path.parent, suffix=".tmp", delete=False,
                                         encoding="utf-8") as out:
            json.dump(data, out, indent=1)
        os.replace(out.name, self.path)

    def record(self, verdict):
        """Keep ``verdict`` unless this prediction was already recorded.

        Parameters
        ----------
        verdict : Verdict

        Returns
        -------
        Verdict
            The verdict on record (the first one made).
        """
        _name(verdict.lesson, "lesson"), _name(verdict.key, "key")
        data = self._read()
        for kept in data["verdicts"]:
            if (kept["lesson"], kept["key"]) == (verdict.lesson, verdict.key):
                where = f"{verdict.lesson}/{verdict.key}"
                data["retries"][where] = data["retries"].get(where, 0) + 1
                self._write(data)
                return Verdict(**kept)
        data["verdicts"].append(verdict.to_dict())
        self._write(data)
        return verdict

    def verdicts(self, lesson=None):
        """The verdicts on record, in the order made (of one lesson if given)."""
        return [Verdict(**v) for v in self._read()["verdicts"] if lesson is None or v["lesson"] == str(lesson)]

    def retries(self, lesson, key):
        """How many times the prediction was made again after the first."""
        return self._read()["retries"].get(f"{lesson}/{key}", 0)

    def forget(self, lesson=None):
        """Remove the verdicts of ``lesson`` (all if None), to start a lesson afresh."""
        data = self._read()
        data["verdicts"] = [v for v in data["verdicts"] if lesson is not None and v["lesson"] != str(lesson)]
        data["retries"] = {k: n for k, n in data["retries"].items()
                           if lesson is not None and not k.startswith(f"{lesson}/")}
        self._write(data)


def calibration_frame(log=None):
    """How well the student's guesses matched the models, per lesson and overall.

    Parameters
    ----------
    log : PredictionLog, path or None
        The record (None: the default file).

    Returns
    -------
    pandas.DataFrame
        One row per lesson and a last row ``"all"``: ``predictions``, ``choices``,
        ``choices_right``, ``numbers``, ``numbers_close`` (within :data:`CLOSE` of the
        range) and ``typical_miss`` (the median miss of the numbers, as a share of their
        ranges; NaN without numbers).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> log = PredictionLog(pathlib.Path(tempfile.mkdtemp()) / "p.json")
    >>> _ = log.record(score_number(0.5, 0.2, lo=0, hi=1, lesson="00", key="map"))
    >>> row = calibration_frame(log).iloc[0]
    >>> row.lesson, int(row.numbers), int(row.numbers_close), float(row.typical_miss)
    ('00', 1, 0, 0.3)
    """
    import numpy as np
    import pandas as pd

    if not isinstance(log, PredictionLog):
        log = PredictionLog(log)
    verdicts = log.verdicts()

    def row(lesson, group):
        choices = [v for v in group if v.kind == "choice"]
        numbers = [v for v in group if v.kind == "number"]
        return {"lesson": lesson, "predictions": len(group), "choices": len(choices),
                "choices_right": sum(v.correct for v in choices), "numbers": len(numbers),
                "numbers_close": sum(v.correct for v in numbers),
                "typical_miss": round(float(np.median([v.miss for v in numbers])), 4) if numbers else math.nan}

    lessons = sorted({v.lesson for v in verdicts})
    rows = [row(lesson, [v for v in verdicts if v.lesson == lesson]) for lesson in lessons]
    rows.append(row("all", verdicts))
    return pd.DataFrame(rows)
