"""Lesson 09's explorer: sliders move the chart; the website's grid fits a page."""
import json

import altair as alt
import pytest

from course_lib import explore, quizzes
from course_lib.experiments import platforms as lab
from course_lib.explore import platforms as explore_pf
from course_lib.explore.declare import MAX_SITE_CELLS
from course_lib.platforms import critical_suppression


def _datasets(chart):
    return json.dumps(chart.to_dict()["datasets"], sort_keys=True)


def _left_layers(chart):
    return chart.to_dict()["hconcat"][0]["layer"]


def test_every_slider_changes_the_chart():
    ex = explore_pf.moderation_explorer(seed=9)
    widget = ex.chart_widget
    for move in ({"suppression": 0.7}, {"answer_rate": 0.5}, {"loyalty": 2}):
        before = _datasets(ex.chart)
        after = ex.update(**move)
        assert ex.chart_widget is widget and widget.chart is after
        assert _datasets(after) != before, f"moving {move} left the chart as it was"
    assert [c for c in ex.children if isinstance(c, alt.JupyterChart)] == [widget]


def test_the_curves_are_the_steady_state_and_the_rule_the_tipping_point():
    ex = explore_pf.moderation_explorer(suppression=0.4, answer_rate=0.25, loyalty=1, seed=3)
    spec = ex.chart.to_dict()
    lines = _left_layers(ex.chart)[0]
    rows = spec["datasets"][lines["data"]["name"]]
    theory = lab.steady_state_frame(lab.suppression_grid(0.04, loyalty=1), answer_rate=0.25, loyalty=1)
    talk = [r["value"] for r in rows if r["measure"] == "negative_talk"]
    assert talk == theory.negative_talk.tolist()
    rule = _left_layers(ex.chart)[2]
    assert rule["encoding"]["x"]["datum"] == round(critical_suppression(loyalty=1), 4)
    assert "loyalty 1" in spec["title"]["text"]


def test_same_seed_same_run_and_the_dots_are_the_run():
    one = explore_pf.moderation_explorer(suppression=0.8, seed=4).chart.to_dict()
    two = explore_pf.moderation_explorer(suppression=0.8, seed=4).chart.to_dict()
    assert one["datasets"] == two["datasets"]
    dots = one["hconcat"][0]["layer"][1]
    final = {r["measure"]: r["value"] for r in one["datasets"][dots["data"]["name"]]}
    assert final["external"] > 0.25  # past the tipping point: an exit cascade


def test_the_site_grid_fits_a_page_and_starts_where_the_lesson_starts():
    declaration = explore_pf.moderation_declaration(seed=9)
    cells = declaration.site_cells()
    assert 1 < len(cells) <= MAX_SITE_CELLS
    assert declaration.defaults in cells
    assert declaration.coarser_on_site() == ["suppression s", "answer rate a"]


def test_the_explorer_is_exported_and_the_quiz_is_well_formed():
    assert explore.moderation_explorer is explore_pf.moderation_explorer
    for q in quizzes.PLATFORMS:
        assert 0 <= q["answer"] < len(q["options"]) and q["explain"]
    widget = explore.quiz(quizzes.PLATFORMS)
    assert len(widget.choices) == len(quizzes.PLATFORMS)


@pytest.mark.slow
def test_the_page_draws_what_the_widget_draws():
    import vl_convert as vlc
    from test_declare import at

    declaration = explore_pf.moderation_declaration(seed=9)
    spec = declaration.static_spec(compact=False)
    cells = declaration.site_cells()
    for values in (declaration.defaults, cells[0], cells[-1]):
        widget_chart = declaration.explorer(**values).chart.to_dict()
        assert vlc.vegalite_to_svg(at(spec, **values)) == vlc.vegalite_to_svg(widget_chart), \
            f"the page and the widget differ at {values}"
