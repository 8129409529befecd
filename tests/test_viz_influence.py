"""Charts of lessons 01 and 03: valid Vega-Lite, a description that states the numbers,
and errors that name a missing column."""
import math

import pandas as pd
import pytest
from drawn import cut_short_texts

from course_lib.experiments import influence as tables
from course_lib.viz import influence as charts


def _strategy_table():
    rows = []
    for strategy, slope in [("random", 1.0), ("degree", 3.0), ("greedy", 3.5)]:
        for k in range(1, 6):
            rows.append({"strategy": strategy, "k": k, "spread": slope * k, "stderr": 0.1,
                         "low": slope * k - 0.2, "high": slope * k + 0.2})
    return pd.DataFrame(rows)


def _charts():
    adoption = pd.DataFrame({
        "model": ["independent cascade"] * 2 + ["linear threshold"] * 2,
        "group": ["3", "40+"] * 2, "degree": [3.0, 60.0] * 2, "share": [0.04, 0.34, 0.08, 0.07],
        "people": [400, 7] * 2,
    })
    guarantee = pd.DataFrame({"k": [1, 2, 3], "optimum": [5.0, 8.0, 10.0], "greedy": [5.0, 8.0, 9.5],
                              "degree": [5.0, 7.0, 9.0]})
    guarantee["floor"] = (1 - 1 / math.e) * guarantee["optimum"]
    degrees = tables.degree_frame({"Poisson": [3, 5, 6, 6, 7], "scale-free": [3, 3, 3, 4, 40]})
    overlap = pd.DataFrame({"ranking": ["pagerank"] * 3 + ["betweenness"] * 3,
                            "top_share": [0.05, 0.1, 0.2] * 2, "precision_at_k": [0.9, 0.85, 0.8, 0.7, 0.75, 0.8]})
    advocacy = pd.DataFrame({"correlation": [0.0, 0.5, 0.9, 1.0], "overlap": [0.1, 0.35, 0.73, 1.0],
                             "low": [0.05, 0.3, 0.7, 1.0], "high": [0.15, 0.4, 0.76, 1.0], "chance": 0.1})
    connected = pd.DataFrame({"size": [2, 20, 200], "ties_inside": [0.003, 0.6, 60.0],
                              "ties_theory": [0.003, 0.57, 59.7], "ties_needed": [1, 19, 199],
                              "probability": [0.0, 0.0, 0.0]})
    bias = pd.DataFrame({"method": ["uniform", "uniform", "snowball", "snowball"], "bias": [0.9, 1.1, 1.8, 2.0]})
    gains = pd.DataFrame({"k": [1, 2, 3], "seed": [4, 0, 9], "spread": [9.0, 16.0, 21.0], "gain": [9.0, 7.0, 5.0]})
    return {
        "strategies": charts.strategy_spread_chart(_strategy_table(), budget=3),
        "gains": charts.greedy_gains_chart(gains),
        "guarantee": charts.guarantee_chart(guarantee),
        "adoption": charts.adoption_by_degree_chart(adoption),
        "degrees": charts.degree_distribution_chart(degrees),
        "overlap": charts.overlap_chart(overlap),
        "advocacy": charts.advocacy_overlap_chart(advocacy),
        "connected": charts.connected_chart(connected),
        "bias": charts.sample_degree_chart(bias, paradox=2.5),
    }


@pytest.mark.parametrize("name", list(_charts()))
def test_no_text_on_the_chart_is_cut_short(name):
    cut = cut_short_texts(_charts()[name])
    assert not cut, f"{name}: texts cut off on the chart: {cut}"


@pytest.mark.parametrize("name", list(_charts()))
def test_chart_is_valid_vega_lite_with_description(name):
    spec = _charts()[name].to_dict()  # validates against the Vega-Lite schema
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v")
    assert isinstance(spec.get("description"), str) and len(spec["description"]) > 60


def test_strategy_description_reads_the_spreads_at_the_budget():
    text = charts.strategy_spread_chart(_strategy_table(), budget=3).to_dict()["description"]
    assert "With 3 seeds" in text
    assert "greedy (CELF) 10 " in text and "top degree 9 " in text and "random 3 " in text
    assert text.index("greedy") < text.index("top degree") < text.index("random")  # best first


def test_strategy_chart_keeps_every_row_and_draws_the_budget():
    spec = charts.strategy_spread_chart(_strategy_table(), budget=4).to_dict()
    sizes = sorted(len(rows) for rows in spec["datasets"].values())
    assert sizes == [1, 15]
    budget = [rows for rows in spec["datasets"].values() if len(rows) == 1][0]
    assert budget == [{"k": 4}]


def test_guarantee_description_states_worst_ratio():
    text = _charts()["guarantee"].to_dict()["description"]
    assert "at least 95% of the best" in text and "63%" in text


def test_advocacy_description_names_the_crossing():
    text = _charts()["advocacy"].to_dict()["description"]
    assert "only from a correlation of 1.00" in text
    flat = pd.DataFrame({"correlation": [0.0, 1.0], "overlap": [0.1, 0.5], "low": [0.1, 0.5],
                         "high": [0.1, 0.5], "chance": 0.1})
    assert "never exceeds" in charts.advocacy_overlap_chart(flat).to_dict()["description"]


def test_degree_frame_is_a_complementary_distribution():
    frame = tables.degree_frame({"a": [1, 1, 2, 4], "b": [0, 2]})
    a = frame[frame.group == "a"]
    assert a.degree.tolist() == [1, 2, 4] and a.share.tolist() == [1.0, 0.5, 0.25]
    assert frame[frame.group == "b"].degree.tolist() == [2]  # degree 0 cannot be drawn on a log axis


@pytest.mark.parametrize("builder, frame, column", [
    (charts.strategy_spread_chart, pd.DataFrame({"strategy": ["a"], "k": [1], "spread": [1.0]}), "low"),
    (charts.connected_chart, pd.DataFrame({"size": [2]}), "ties_inside"),
    (charts.overlap_chart, pd.DataFrame({"ranking": ["x"], "top_share": [0.1]}), "precision_at_k"),
])
def test_builders_name_missing_columns(builder, frame, column):
    with pytest.raises(ValueError, match=column):
        builder(frame)


def test_builders_reject_non_tables():
    with pytest.raises(TypeError, match="DataFrame"):
        charts.sample_degree_chart([1.0, 2.0])


def test_new_lesson_charts_describe_their_numbers():
    import pandas as pd

    from course_lib.viz import influence as charts

    frame = pd.DataFrame({"model": ["fixed"] * 2 + ["ic"] * 2, "strategy": ["cluster", "degree"] * 2,
                          "k": 3, "spread": [99.0, 3.0, 4.0, 6.0], "low": [99.0, 3.0, 3.0, 5.0],
                          "high": [99.0, 3.0, 5.0, 7.0]})
    chart = charts.contagion_seeding_chart(frame)
    assert "fixed, with 3 seeds: one tight cluster 99" in chart.description
    assert "ic, with 3 seeds: top degree 6" in chart.description
    chart.to_dict()
    cells = pd.DataFrame({"degree": [5, 5, 8], "kshell": [3, 4, 4], "people": 12, "spread": [30.0, 43.0, 49.0],
                          "low": [29.0, 42.0, 48.0], "high": [31.0, 44.0, 50.0]})
    chart = charts.shell_degree_chart(cells, degrees=[5], shells=[4])
    assert "shell 4: from 43 in degree 5 to 49 in degree 8" in chart.description
    chart.to_dict()
    overlap = pd.DataFrame({"helpfulness_sd": [0.0, 1.0] * 2, "method": ["a", "a", "b", "b"],
                            "overlap": [0.8, 0.6, 0.7, 0.65], "low": 0.5, "high": 0.9, "chance": 0.1})
    chart = charts.helpfulness_overlap_chart(overlap)
    assert "a: 80% when everyone is equally helpful, 60% at log-sd 1" in chart.description
    chart.to_dict()
