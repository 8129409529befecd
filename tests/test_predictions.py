"""Predictions that count: scoring a guess against the model, the student's log, and the
widgets that ask, reveal and draw the guess."""
import json

import altair as alt
import pandas as pd
import pytest

from course_lib import explore
from course_lib.predictions import (CLOSE, PredictionLog, Verdict, calibration_frame, default_log_path,
                                    score_choice, score_number)
from course_lib.viz import with_guess


@pytest.fixture
def log(tmp_path):
    return PredictionLog(tmp_path / "predictions.json")


def test_a_number_is_judged_by_its_share_of_the_range():
    # range 0..200: 10 off is 5% (close), 20 off is 10% (still close), 22 off is 11% (not)
    assert score_number(110, 100, lo=0, hi=200).miss == pytest.approx(0.05)
    assert score_number(120, 100, lo=0, hi=200).correct, f"a miss of exactly CLOSE = {CLOSE} counts as close"
    assert not score_number(122, 100, lo=0, hi=200).correct
    assert score_number(0.30, 0.25, lo=0, hi=1).miss == pytest.approx(0.05)
    assert "Spot on" in score_number(101, 100, lo=0, hi=200).words  # 0.5% of the range
    assert "Close." in score_number(110, 100, lo=0, hi=200).words
    assert "Far off" in score_number(180, 100, lo=0, hi=200).words


def test_a_choice_is_right_only_when_it_is_the_models():
    options = ["rises", "falls", "rises then falls"]
    assert score_choice("rises then falls", "rises then falls", options=options).correct
    wrong = score_choice("rises", "rises then falls", options=options)
    assert not wrong.correct and "you guessed \u201crises\u201d" in wrong.words


@pytest.mark.parametrize("call, words", [
    (lambda: score_choice("up", "rises", options=["rises", "falls"]), "guess must be one of the options"),
    (lambda: score_choice("rises", "up", options=["rises", "falls"]), "answer must be one of the options"),
    (lambda: score_number(float("nan"), 1, lo=0, hi=2), "guess must be a finite number"),
    (lambda: score_number("many", 1, lo=0, hi=2), "guess must be a number"),
    (lambda: score_number(1, 1, lo=2, hi=2), "lo < hi"),
])
def test_bad_input_is_named(call, words):
    with pytest.raises(ValueError, match=words):
        call()


def test_the_log_keeps_the_first_guess_and_counts_the_retries(log):
    first = log.record(score_number(3, 6, lo=0, hi=10, lesson="02", key="multiplier"))
    again = log.record(score_number(6, 6, lo=0, hi=10, lesson="02", key="multiplier"))
    assert again == first and not again.correct, "a guess made after the reveal must not replace the first"
    assert log.retries("02", "multiplier") == 1
    log.record(score_choice("a", "a", options="ab", lesson="03", key="shape"))
    assert [v.key for v in log.verdicts()] == ["multiplier", "shape"]
    assert [v.key for v in log.verdicts("03")] == ["shape"]
    log.forget("02")
    assert [v.lesson for v in log.verdicts()] == ["03"] and log.retries("02", "multiplier") == 0
    stored = json.loads(log.path.read_text())
    assert stored["verdicts"][0]["guess"] == "a", "the file is plain JSON a student can read"


def test_a_damaged_log_is_set_aside_not_overwritten(log):
    log.path.write_text("{not json")
    log.record(score_choice("a", "b", options="ab", lesson="00", key="k"))
    assert log.path.with_suffix(".damaged.json").read_text() == "{not json"
    assert len(log.verdicts()) == 1


def test_the_default_file_is_in_the_working_folder_unless_told(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSE_PREDICTIONS", raising=False)
    assert str(default_log_path()) == "course_predictions.json"
    monkeypatch.setenv("COURSE_PREDICTIONS", str(tmp_path / "mine.json"))
    assert default_log_path() == tmp_path / "mine.json"


def test_calibration_sums_up_each_lesson_and_the_course(log):
    log.record(score_choice("a", "a", options="ab", lesson="02", key="c1"))
    log.record(score_choice("a", "b", options="ab", lesson="02", key="c2"))
    log.record(score_number(0.2, 0.25, lo=0, hi=1, lesson="02", key="n1"))  # miss 0.05
    log.record(score_number(8, 4, lo=0, hi=10, lesson="03", key="n2"))  # miss 0.4
    frame = calibration_frame(log).set_index("lesson")
    assert frame.loc["02", ["predictions", "choices", "choices_right", "numbers", "numbers_close"]].tolist() == [3, 2, 1, 1, 1]
    assert frame.loc["03", "typical_miss"] == pytest.approx(0.4)
    assert frame.loc["all", "predictions"] == 4
    assert frame.loc["all", "typical_miss"] == pytest.approx(0.225), "the median of 0.05 and 0.4"


def _chart():
    return alt.Chart(pd.DataFrame({"z": [1, 2, 3], "multiplier": [1.2, 1.5, 3.0]})).mark_line().encode(
        x=alt.X("z:Q"), y=alt.Y("multiplier:Q")).properties(title="the multiplier")


def test_the_guess_is_drawn_as_a_labelled_rule_on_its_axis():
    spec = with_guess(_chart(), 2.5).to_dict()
    rule = spec["layer"][1]
    assert rule["mark"]["type"] == "rule" and rule["encoding"]["y"]["field"] == "guess"
    assert spec["title"] == "the multiplier", "the title stays on the whole chart"
    values = spec["datasets"][rule["data"]["name"]]
    assert values == [{"guess": 2.5, "label": "your guess"}]
    assert with_guess(_chart(), 2, axis="x").to_dict()["layer"][1]["encoding"]["x"]["field"] == "guess"
    with pytest.raises(ValueError, match="single or layered chart"):
        with_guess(alt.hconcat(_chart(), _chart()), 1)


def test_reveal_waits_for_the_guess_then_scores_records_and_draws_it(tmp_path):
    path = tmp_path / "p.json"
    guess = explore.predict_number("How many times larger?", 1, 11, 0.5, 4, lesson="02", key="multiplier")
    shown = explore.reveal(guess, 1.5, chart=_chart(), log=path)
    assert shown.verdict is None and "Lock in your guess" in shown.text.value
    assert not path.exists(), "nothing is recorded before the guess is locked"
    guess.slider.value = 2.5
    guess.lock()
    assert shown.verdict.miss == pytest.approx(0.1) and shown.verdict.correct
    assert "off by 1" in shown.text.value
    drawn = shown.children[1].chart.to_dict()
    assert drawn["datasets"][drawn["layer"][1]["data"]["name"]][0]["guess"] == 2.5
    assert PredictionLog(path).verdicts() == [shown.verdict]


def test_reveal_of_a_guess_locked_earlier_scores_at_once(tmp_path):
    guess = explore.predict("Which?", ["rises", "falls"], lesson="02", key="shape")
    guess.buttons.value = "falls"
    guess.lock()
    shown = explore.reveal(guess, "rises", log=tmp_path / "p.json")
    assert shown.verdict == Verdict("02", "shape", "choice", "falls", "rises", False)
    with pytest.raises(ValueError, match="answer must be one of the prediction's options"):
        explore.reveal(guess, "up")


def test_a_prediction_without_a_lesson_is_scored_but_not_recorded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COURSE_PREDICTIONS", raising=False)
    guess = explore.predict_number("How many?", 0, 10, 1, 4)
    shown = explore.reveal(guess, 5)
    guess.lock()
    assert shown.verdict.miss == pytest.approx(0.1)
    assert not (tmp_path / "course_predictions.json").exists()


def test_calibration_widget_shows_the_record(log):
    log.record(score_choice("a", "b", options="ab", lesson="02", key="c"))
    text = explore.calibration("02", log=log.path).children[0].value
    assert "<td>02</td><td>0 of 1</td>" in text and "<td>all</td>" in text


def test_on_the_website_the_reveal_points_at_its_prediction(monkeypatch):
    monkeypatch.setenv("COURSE_LIB_SITE", "1")
    guess = explore.predict_number("How many?", 0, 10, 1, 4, lesson="02", key="k")
    shown = explore.reveal(guess, 6.0, chart=_chart())
    assert f'data-for="{guess.box}"' in shown.html and 'type="range"' in guess.html
    key = json.loads(shown.html.split('data-key="')[1].split('"')[0].replace("&quot;", '"'))
    assert key == {"kind": "number", "answer": 6.0, "lesson": "02", "key": "k", "lo": 0.0, "hi": 10.0}
    assert "vegaEmbed" in shown.html, "the chart that answers is on the page too"


@pytest.mark.parametrize("values, shape", [
    ([0.00, 0.02, 0.01], "flat"),
    ([0.0, 0.5, 0.52, 0.51], "rises"),  # ends within flat of its top
    ([0.9, 0.5, 0.1], "falls"),
    ([0.0, 0.8, 0.6, 0.0], "rises then falls"),
    ([0.5, 0.1, 0.6], "falls then rises"),
])
def test_trend_reads_the_shape_of_a_curve(values, shape):
    from course_lib.predictions import trend

    assert trend(values, flat=0.05) == shape


def test_trend_refuses_what_is_not_a_curve():
    from course_lib.predictions import trend

    with pytest.raises(ValueError, match="at least two finite numbers"):
        trend([1.0], flat=0.1)
    with pytest.raises(ValueError, match="flat must be at least 0"):
        trend([1.0, 2.0], flat=-1)


def test_a_number_without_a_chart_is_drawn_on_a_number_line(tmp_path):
    guess = explore.predict_number("What share?", 0, 50, 1, 10, lesson="01", key="hubs")
    shown = explore.reveal(guess, 9.88, log=tmp_path / "p.json")
    guess.lock()
    drawn = shown.children[1].chart.to_dict()
    layers = drawn["layer"]
    assert drawn["datasets"][layers[0]["layer"][1]["data"]["name"]][0]["answer"] == 9.88, "the model's point"
    assert layers[1]["encoding"]["x"]["field"] == "guess", "the guess runs along the line"
    assert drawn["datasets"][layers[1]["data"]["name"]][0]["guess"] == 10.0


def test_the_website_chart_draws_the_guess_only_once_it_is_set():
    import vl_convert as vlc

    from course_lib.viz.predictions import GUESS_PARAM, answer_line_chart, guess_slot

    spec = guess_slot(answer_line_chart(0, 10, 6.2), axis="x").to_dict()
    assert "your guess" not in vlc.vegalite_to_svg(spec), "nothing is drawn before the reader locks a guess"
    (param,) = [p for p in spec["params"] if p["name"] == GUESS_PARAM]
    param["value"] = 3.0
    assert "your guess" in vlc.vegalite_to_svg(spec), "the guess is drawn once the page sets the parameter"
