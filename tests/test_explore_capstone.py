"""Lesson 10's tables, charts and explorer: the numbers are the scorer's, the chart says
them, the explorer redraws, and the website's grid fits a page."""
import numpy as np
import pandas as pd

from course_lib import capstone
from course_lib.experiments import capstone as lab
from course_lib.explore.capstone import capstone_declaration, capstone_explorer
from course_lib.explore.declare import MAX_SITE_CELLS
from course_lib.viz import capstone as charts

SMALL = capstone.Scenario(n=120, horizon=8)
MINE = {"seeding": "degree", "seeds": 5, "empower_share": 0.4, "answer_rate": 1.0}


def test_the_scoreboard_is_the_scorers_paired_comparison():
    board = lab.scoreboard_frame(SMALL, MINE, seeds=range(5)).set_index("strategy")
    result = capstone.compare_strategies(SMALL, {"yours": MINE}, seeds=range(5)).summary().set_index("strategy")
    for column in ("score", "score_low", "score_high", "gain", "gain_low", "gain_high"):
        assert np.allclose(board[column], result.loc[board.index, column]), column
    assert board.loc["all influence", "gain"] == 0


def test_the_scoreboard_chart_says_the_gain_and_marks_yours():
    board = lab.scoreboard_frame(SMALL, MINE, seeds=range(4))
    chart = charts.scoreboard_chart(board)
    gain = board.set_index("strategy").loc["yours", "gain"]
    assert f"{gain:+.3f}" in chart.title.text and f"{gain:+.3f}" in chart.description
    spec = chart.to_dict()
    assert spec["layer"][1]["mark"]["type"] == "rule", "the 95 % intervals are drawn"


def test_one_play_frame_and_chart():
    frame = lab.trajectory_frame(SMALL, MINE, seed=3)
    run = capstone.play(SMALL, MINE, seed=3)
    assert np.allclose(frame.share.to_numpy().reshape(-1, 5), run.shares)
    assert charts.market_trajectory_chart(frame).to_dict()["encoding"]["y"]["stack"] == "normalize"


def test_the_market_map_gives_verdicts_from_the_intervals():
    frame = lab.market_map_frame(MINE, networks=("random", "small-world"), horizons=(6, 10), seeds=range(3))
    assert len(frame) == 4
    for row in frame.itertuples():
        expected = "wins" if row.gain_low > 0 else "loses" if row.gain_high < 0 else "unclear"
        assert row.verdict == expected and row.gain_low <= row.gain <= row.gain_high
    wins = int((frame.verdict == "wins").sum())
    assert f"in {wins} of 4 markets" in charts.market_map_chart(frame).title


def test_the_explorer_redraws_and_its_site_grid_fits():
    declaration = capstone_declaration(scenario=SMALL, seeds=(0, 1, 2))
    assert len(declaration.site_cells()) <= MAX_SITE_CELLS and declaration.defaults in declaration.site_cells()
    ex = declaration.explorer()
    before = ex.chart.title.text
    after = ex.update(ambassadors=0, empower_share=0.0, answer_rate=0.0).title.text
    assert before != after and "+0.000" in after, "no ambassadors, all on marketing: the baseline itself"
    assert capstone_explorer().values["ambassadors"] == 5


def test_the_scoreboard_refuses_a_bad_strategy_in_words():
    import pytest

    with pytest.raises(ValueError, match="empower_share"):
        lab.scoreboard_frame(SMALL, {"empower_share": 2}, seeds=range(2))
    assert isinstance(lab.scoreboard_frame(SMALL, {}, seeds=range(2)), pd.DataFrame)
