"""Chart builders return valid Vega-Lite with descriptions; enable_offline configures altair."""
import altair as alt
import numpy as np
import pandas as pd
import pytest
from drawn import cut_short_texts

from course_lib import cascades, levers, viz
from course_lib.experiments import cascades as lab


def _phase_table():
    rows = []
    for phi in [0.12, 0.18, 0.24, 0.3]:
        for z in [1.0, 3.0, 6.0, 9.0]:
            rows.append({"mean_degree": z, "phi": phi, "frequency": 0.1 * z % 1, "stderr": 0.01,
                         "theory_frequency": cascades.cascade_frequency_theory(z, phi)})
    return pd.DataFrame(rows)


def _charts():
    phases = _phase_table()
    window = viz.cascade_window_frame(0.12, 0.3)
    sims = pd.DataFrame({"mean_degree": [1.0, 2.0, 3.0], "frequency": [0.1, 0.7, 0.9], "stderr": [0.03, 0.04, 0.03]})
    riot = cascades.granovetter_cascade(range(10))
    return {
        "strategy_map": viz.strategy_map_chart(levers.strategy_examples()),
        "two_levers": viz.two_lever_chart(levers.strategy_examples(), levers.lever_outcomes([0.0, 0.5, 1.0]), 0.5, 0.0),
        "lever_model": viz.lever_model_chart(levers.lever_outcomes([0.0, 1.0]), "customers", 1.0, 0.0),
        "single_lever": viz.single_lever_chart(levers.lever_outcomes([0.0, 0.5, 1.0])),
        "answer_line": viz.answer_line_chart(0, 50, 9.9),
        "with_guess": viz.with_guess(viz.single_lever_chart(levers.lever_outcomes([0.0, 1.0])), 0.4),
        "trajectory": viz.granovetter_trajectory_chart(lab.trajectory_frame({"riot": riot})),
        "response": viz.granovetter_response_chart(lab.granovetter_response_frame(25, 10), equilibrium=0.8),
        "phase": viz.phase_diagram_chart(phases, window),
        "histogram": viz.cascade_size_histogram(pd.DataFrame({"fraction": [0.0, 0.001, 0.9, 0.95]}), max_count=4),
        "window_map": viz.window_map_chart(window, pd.DataFrame({"phi": [0.18], "mean_degree": [3.0], "inside": [True]})),
        "frequency": viz.frequency_chart(sims, lab.theory_frequency_frame(0.18, [1.0, 2.0, 3.0])),
        "multiplier": viz.multiplier_chart(
            pd.DataFrame({"mean_degree": [1.0, 3.0, 5.0], "multiplier": [2.5, 1.1, 1.5]}), window=(1.02, 5.76)
        ),
    }


@pytest.mark.parametrize("name", list(_charts()))
def test_no_text_on_the_chart_is_cut_short(name):
    cut = cut_short_texts(_charts()[name])
    assert not cut, f"{name}: texts cut off on the chart: {cut}"


@pytest.mark.parametrize("name", list(_charts()))
def test_chart_is_valid_vega_lite_with_description(name):
    chart = _charts()[name]
    spec = chart.to_dict()  # validates against the Vega-Lite schema, raises if invalid
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v")
    assert isinstance(spec.get("description"), str) and len(spec["description"]) > 40


def _outline_data(spec):
    """Data of the layers drawn as the window outline (lines with an 'edge' field)."""
    datasets = spec["datasets"]
    found = []
    for layer in spec["layer"]:
        name = layer.get("data", {}).get("name")
        rows = datasets.get(name, [])
        if rows and "edge" in rows[0]:
            found.append(pd.DataFrame(rows))
    return found


def _steps(outline, edge):
    """Horizontal steps (phi_from, phi_to, z) of one edge of the outline path."""
    part = outline[outline.edge == edge].sort_values("order")  # the order the line is drawn in
    pts = list(zip(part.phi, part.mean_degree))
    return [(min(p0, p1), max(p0, p1), z0) for (p0, z0), (p1, z1) in zip(pts, pts[1:]) if z0 == z1 and p1 != p0]


@pytest.mark.parametrize("phi", [0.11, 0.125, 0.15, 0.18, 0.2, 0.21, 0.25])
def test_boundary_layer_matches_cascade_window(phi):
    spec = viz.phase_diagram_chart(_phase_table(), viz.cascade_window_frame(0.1, 0.3)).to_dict()
    outlines = _outline_data(spec)
    assert outlines, "no outline layer in the phase diagram"
    expected = dict(zip(["lower", "upper"], cascades.cascade_window(phi)))
    for edge, z in expected.items():
        # the window is constant on (1/(K+1), 1/K]: pick the step open on the left, closed on the right
        covering = [step for step in _steps(outlines[0], edge) if step[0] < phi <= step[1] + 1e-12]
        assert len(covering) == 1, (edge, phi, covering)
        assert covering[0][2] == pytest.approx(z), (edge, phi)


def test_window_frame_is_stepwise_and_matches_theory():
    frame = viz.cascade_window_frame(0.1, 0.3)
    assert list(frame.K) == sorted(frame.K, reverse=True)
    for row in frame.itertuples():
        for phi in np.linspace(row.phi_low, row.phi_high, 5)[1:]:
            assert cascades.cascade_window(phi) == pytest.approx((row.z_low, row.z_high))
    # no window beyond phi = 1/4
    assert frame.phi_high.max() == pytest.approx(0.25)


def test_phase_outline_is_absent_without_window():
    spec = viz.phase_diagram_chart(_phase_table()).to_dict()
    assert "layer" in spec and not _outline_data(spec)


def test_builders_name_missing_columns():
    with pytest.raises(ValueError, match="frequency"):
        viz.phase_diagram_chart(pd.DataFrame({"mean_degree": [1.0], "phi": [0.1]}))
    with pytest.raises(TypeError, match="DataFrame"):
        viz.cascade_size_histogram([0.1, 0.2])


@pytest.fixture
def restore_altair():
    renderer, options = alt.renderers.active, dict(alt.renderers.options)
    theme = alt.theme.active
    offline = alt.JupyterChart._is_offline
    yield
    alt.renderers.enable(renderer, **options)
    alt.theme.enable(theme)
    if not offline:
        alt.JupyterChart.enable_offline(False)


def test_enable_offline_sets_renderer_theme_and_jupyterchart(restore_altair):
    alt.renderers.enable("default")
    alt.theme.enable("default")
    viz.enable_offline()
    assert alt.renderers.active == "jupyter"
    assert alt.renderers.options.get("offline") is True
    assert alt.JupyterChart._is_offline is True
    assert alt.theme.active == viz.THEME_NAME
    config = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q").to_dict()["config"]
    assert config["range"]["category"] == viz.OKABE_ITO
    assert config["axis"]["labelFontSize"] >= 12
    assert config["legend"]["labelLimit"] >= 300, "legend labels of about 40 characters would be cut off"


def test_theme_is_colour_blind_safe_palette():
    assert viz.course_theme()["config"]["range"]["category"][:3] == ["#E69F00", "#56B4E9", "#009E73"]


def _bare_shorthands(source):
    """(line, channel) of every ``.encode(channel="field:T")`` given as a bare string."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "encode":
            for keyword in node.keywords:
                values = keyword.value.elts if isinstance(keyword.value, (ast.List, ast.Tuple)) else [keyword.value]
                found += [(value.lineno, keyword.arg) for value in values
                          if isinstance(value, ast.Constant) and isinstance(value.value, str)]
    return found


def test_charts_name_their_channels_so_a_slider_move_stays_fast():
    # altair 6.3 turns a bare shorthand string into a channel by searching its whole schema
    # (about 7 ms per string, measured); alt.X("field:Q") skips that search.
    from pathlib import Path

    planted = 'alt.Chart(df).encode(x="a:Q", tooltip=["a:Q", alt.Tooltip("b:Q")])'
    assert _bare_shorthands(planted) == [(1, "x"), (1, "tooltip")], "the check misses bare shorthands"
    package = Path(viz.__file__).resolve().parents[1]
    offenders = [f"{path.relative_to(package)}:{line} ({channel}=)"
                 for path in sorted(package.rglob("*.py"))
                 for line, channel in _bare_shorthands(path.read_text(encoding="utf-8"))]
    assert not offenders, f"bare shorthand strings in encode(): {offenders}"


def test_phase_diagram_subtitle_names_the_value_it_colours():
    frame = pd.DataFrame({"mean_degree": [2.0, 4.0], "phi": [0.18, 0.18], "frequency": [0.6, 0.2],
                          "mean_global_size": [0.9, 0.8]})
    assert "share of single seeds" in viz.phase_diagram_chart(frame).title.subtitle
    sized = viz.phase_diagram_chart(frame, value="mean_global_size").title.subtitle
    assert "mean global size" in sized and "share of single seeds" not in sized


def test_multiplier_curve_refuses_an_empty_list_in_words():
    with pytest.raises(ValueError, match="mean_degrees must be a non-empty list"):
        cascades.multiplier_curve([], 0.18, n=100, runs=2, seed=1, progress=False)
