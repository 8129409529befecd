"""Lesson 07's Bass explorer: a slider move redraws with the library's numbers."""
import json

import pytest

from course_lib import diffusion, explore
from course_lib.experiments import diffusion as lab
from course_lib.explore.declare import MAX_SITE_CELLS, _shape


def _rows(chart):
    spec = chart.to_dict()
    return spec, spec["datasets"][spec["data"]["name"]]


def test_moving_q_changes_title_and_data_and_keeps_one_widget():
    ex = explore.bass_explorer(seed=1)
    widget = ex.chart_widget
    before_spec, before = _rows(ex.chart)
    after = ex.update(q=0.4)
    assert ex.chart_widget is widget and widget.chart is after
    after_spec, rows = _rows(after)
    assert json.dumps(rows) != json.dumps(before)
    assert after_spec["title"]["text"].startswith("p = 0.005, q = 0.4 on the complete network")
    assert before_spec["title"]["text"] != after_spec["title"]["text"]
    # the peak drawn is the closed form's
    assert rows[0]["peak"] == pytest.approx(diffusion.bass_peak_time(0.005, 0.4))


def test_explorer_shows_the_library_simulation_on_the_chosen_network():
    ex = explore.bass_explorer(seed=3, n=400, runs=2)
    _, rows = _rows(ex.update(network="clustered", p=0.01, q=0.3))
    nets = lab.diffusion_networks(400, 4, seed=3)
    expected = lab.bass_frame(0.01, 0.3, 60, {"clustered": nets["clustered"]}, runs=2, seed=3)
    left = [r for r in rows if r["panel"] == "share who have adopted"]
    assert [r["simulation"] for r in left] == pytest.approx(expected.adopted.tolist())
    assert [r["theory"] for r in left] == pytest.approx(expected.closed_form.tolist())
    assert {r["network"] for r in rows} == {"clustered"}


def test_q_below_p_has_no_peak_in_the_title():
    ex = explore.bass_explorer(seed=1)
    spec = ex.update(p=0.05, q=0.01).to_dict()
    assert "fastest at launch" in spec["title"]["subtitle"]


def test_declaration_site_grid_fits_a_page_and_keeps_one_structure():
    declaration = explore.bass_declaration(seed=1)
    cells = declaration.site_cells()
    assert 100 < len(cells) <= MAX_SITE_CELLS
    assert {c["network"] for c in cells} == set(lab.NETWORK_KINDS)
    # the website stacks every cell's data under one spec: their structure must agree
    picks = [cells[0], cells[len(cells) // 2], cells[-1]]
    shapes = {_shape(declaration.render(**cell).to_dict(validate=False)) for cell in picks}
    assert len(shapes) == 1


def test_bad_network_is_refused_in_plain_words():
    with pytest.raises(ValueError, match="network must be one of complete, random, clustered, scale-free"):
        explore.bass_declaration(network="lattice")
