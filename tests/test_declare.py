"""One explorer declaration, two front ends: the widget and the kernel-free page must
draw the same chart at the same control values."""
import json

import altair as alt
import pandas as pd
import pytest
import vl_convert as vlc
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema

from course_lib.explore.declare import Choice, ExplorerDeclaration, Range


def render(slope, shape):
    """A chart whose data, title, mark settings and description all depend on the
    controls, with one layer (the diagonal) that does not."""
    xs = [0.0, 0.5, 1.0]
    line = pd.DataFrame({"x": xs, "y": [slope * x ** (2 if shape == "square" else 1) for x in xs]})
    curve = alt.Chart(line).mark_line(strokeWidth=1 + slope).encode(x="x:Q", y="y:Q")
    diagonal = alt.Chart(pd.DataFrame({"x": [0, 1], "y": [0, 1]})).mark_line(strokeDash=[4, 4]).encode(
        x="x:Q", y="y:Q")
    label = alt.Chart(pd.DataFrame({"x": [1.0], "y": [slope]})).mark_text(
        align="left" if slope < 1 else "right").encode(x="x:Q", y="y:Q", text=alt.value(f"end {slope:g}"))
    return alt.layer(diagonal, curve, label).properties(
        title=alt.Title(f"slope {slope:g}, {shape}", subtitle="dashed: the diagonal"),
        description=f"a {shape} curve of slope {slope:g}")


CONTROLS = (Range("slope", "slope", 0.0, 2.0, 0.25, 1.0, site_step=0.5),
            Choice("shape", "shape", (("straight", "line"), ("squared", "square")), "line"))
LINE = ExplorerDeclaration("line", CONTROLS, render)


def at(spec, **values):
    spec = json.loads(json.dumps(spec))
    for param in spec["params"]:
        name = param["name"].removeprefix("ctl_")
        if name in values:
            param["value"] = values[name]
    return spec


@pytest.fixture(scope="module")
def static():
    return LINE.static_spec(compact=False)


def test_the_grid_follows_the_site_step_and_keeps_the_default():
    assert CONTROLS[0].grid() == tuple(i * 0.25 for i in range(9))
    assert CONTROLS[0].grid(site=True) == (0.0, 0.5, 1.0, 1.5, 2.0)
    assert Range("k", "k", 1, 9, 1, 4, "d", site_step=3).grid(site=True) == (1, 4, 7)
    assert len(LINE.site_cells()) == 5 * 2 and LINE.coarser_on_site() == ["slope"]


@pytest.mark.parametrize("values", [dict(slope=1.0, shape="line"), dict(slope=0.5, shape="square"),
                                    dict(slope=2.0, shape="square"), dict(slope=0.0, shape="line")])
def test_the_page_draws_what_the_widget_draws(static, values):
    # vl-convert runs Vega itself: the page's spec at these control values and the
    # widget's chart for them must give the same picture, text and numbers included
    assert vlc.vegalite_to_svg(at(static, **values)) == vlc.vegalite_to_svg(render(**values).to_dict())


def test_the_widget_front_end_calls_the_same_render():
    explorer = LINE.explorer(slope=0.5)
    assert explorer.update(shape="square").to_dict() == render(slope=0.5, shape="square").to_dict()
    assert set(explorer.controls) == {"slope", "shape"} and explorer.declaration is LINE


def test_the_static_spec_is_valid_vega_lite_with_bound_inputs(static):
    validate_jsonschema(static, load_schema())
    bindings = {p["name"]: p["bind"] for p in static["params"]}
    assert bindings["ctl_slope"]["input"] == "range" and bindings["ctl_slope"]["step"] == 0.5
    assert bindings["ctl_shape"] == {"input": "select", "options": ["line", "square"],
                                     "labels": ["straight", "squared"], "name": "shape "}
    # the diagonal does not depend on the controls: kept once, not ten times; the label
    # depends on the slope only: kept once per slope (5), not once per setting (10)
    sizes = sorted(len(rows) for rows in static["datasets"].values())
    assert sizes == [2, 5, 30]


def test_data_that_do_not_change_with_a_control_are_filtered_without_it(static):
    # lesson 03's curves do not change with the budget k, which only moves a line: each
    # view's rows are kept once per setting of the controls they change with
    label = static["layer"][2]
    rows = static["datasets"][label["data"]["name"]]
    assert [row["ctl_slope"] for row in rows] == [0.0, 0.5, 1.0, 1.5, 2.0]
    assert not any("ctl_shape" in row for row in rows)
    assert "ctl_shape" not in label["transform"][0]["filter"] and "ctl_slope" in label["transform"][0]["filter"]


def test_layers_that_share_their_data_share_one_stacked_data_set():
    def render(slope, k):
        base = alt.Chart(pd.DataFrame({"x": [0.0, 1.0], "y": [0.0, slope]})).encode(x="x:Q", y="y:Q")
        rule = alt.Chart(pd.DataFrame({"x": [k / 4]})).mark_rule().encode(x="x:Q")
        return alt.layer(base.mark_line(), base.mark_point(), rule)

    declaration = ExplorerDeclaration("shared", (Range("slope", "slope", 0.0, 2.0, 0.5, 1.0),
                                                 Range("k", "k", 1, 3, 1, 2, "d")), render)
    spec = declaration.static_spec(compact=False)
    line, point, rule = spec["layer"]
    assert line["data"] == point["data"] and line["data"] != rule["data"]
    assert sorted(len(rows) for rows in spec["datasets"].values()) == [3, 10]  # 5 slopes x 2 points; 3 budgets
    for values in (dict(slope=0.5, k=1), dict(slope=2.0, k=3)):
        assert vlc.vegalite_to_svg(at(spec, **values)) == vlc.vegalite_to_svg(render(**values).to_dict())


def test_compact_numbers_keep_six_significant_digits():
    thin = ExplorerDeclaration("thin", (Range("slope", "slope", 0.0, 1.0, 1 / 3, 0.0),), lambda slope: alt.Chart(
        pd.DataFrame({"x": [1.0], "y": [slope]})).mark_point().encode(x="x:Q", y="y:Q"))
    ys = sorted(row["y"] for row in thin.static_spec()["datasets"]["grid_0"])
    assert ys == [0.0, 0.333333, 0.666667, 1.0]


@pytest.mark.parametrize("make, words", [
    (lambda: Range("p", "p", 1.0, 1.0, 0.1, 1.0), "empty or inverted"),
    (lambda: Range("p", "p", 2.0, 1.0, 0.1, 1.5), "empty or inverted"),
    (lambda: Range("p", "p", 0.0, 1.0, 0.0, 0.5), "step must be positive"),
    (lambda: Range("p", "p", 0.0, 1.0, 0.1, 2.0), "default 2.0 is outside"),
    (lambda: Range("p", "p", 0.0, 1.0, 0.1, 0.5, site_step=0.15), "site_step must be a multiple"),
    (lambda: Choice("m", "m", (), None), "options is empty"),
    (lambda: Choice("m", "m", (("a", "a"),), "b"), "default 'b' is not one of"),
    (lambda: ExplorerDeclaration("twice", (CONTROLS[0], CONTROLS[0]), render), "distinct names"),
])
def test_bad_declarations_name_the_control(make, words):
    with pytest.raises(ValueError, match=words):
        make()


def test_a_grid_too_large_for_a_page_is_refused():
    big = ExplorerDeclaration("big", (Range("a", "a", 0, 99, 1, 0, "d"), Range("b", "b", 0, 99, 1, 0, "d")), render)
    with pytest.raises(ValueError, match="explorer 'big': its website grid has 10000 settings"):
        big.static_spec()


def test_charts_that_change_structure_are_refused():
    def shifting(k):
        layers = [alt.Chart(pd.DataFrame({"x": [i]})).mark_point().encode(x="x:Q") for i in range(k)]
        return alt.layer(*layers)

    with pytest.raises(ValueError, match="differ in structure"):
        ExplorerDeclaration("shifting", (Range("k", "k", 1, 3, 1, 1, "d"),), shifting).static_spec()


def test_a_scale_domain_that_changes_with_the_settings_is_refused():
    def growing(top):
        frame = pd.DataFrame({"x": list(range(top)), "kind": [f"k{i}" for i in range(top)]})
        return alt.Chart(frame).mark_point().encode(
            x=alt.X("x:Q", scale=alt.Scale(domain=[0, top])), color=alt.Color("kind:N"))

    declaration = ExplorerDeclaration("growing", (Range("top", "top", 1, 3, 1, 2, "d"),), growing)
    with pytest.raises(ValueError, match="explorer 'growing': the 'x' scale's domain changes with the settings"):
        declaration.static_spec()

    def fixed(top):  # the same chart with one domain for every setting is accepted
        frame = pd.DataFrame({"x": list(range(top))})
        return alt.Chart(frame).mark_point().encode(x=alt.X("x:Q", scale=alt.Scale(domain=[0, 3])))

    spec = ExplorerDeclaration("fixed", (Range("top", "top", 1, 3, 1, 2, "d"),), fixed).static_spec()
    assert spec["encoding"]["x"]["scale"]["domain"] == [0, 3]


def test_a_filter_that_changes_with_the_settings_is_refused():
    def naming(kind):
        frame = pd.DataFrame({"x": [1, 2], "kind": ["a", "b"]})
        return alt.Chart(frame).mark_point().encode(x=alt.X("x:Q")).transform_filter(f"datum.kind == '{kind}'")

    declaration = ExplorerDeclaration("naming", (Choice("kind", "kind", (("a", "a"), ("b", "b")), "a"),), naming)
    with pytest.raises(ValueError, match="explorer 'naming': a filter or transform of its chart changes"):
        declaration.static_spec()


def test_a_description_that_changes_is_left_out_rather_than_wrong(static):
    # the chart's description names the slope; the page cannot change it with the slider,
    # so it must not keep the default's, which would be wrong at every other setting
    assert "description" not in static
    assert render(1.0, "line").to_dict()["description"] == "a line curve of slope 1"


RENDERED = []  # a module global, not a captured value: the cache key must not see it grow


def _line_render(offset):
    def render(slope):
        RENDERED.append(slope)
        frame = pd.DataFrame({"x": [0.0, 1.0], "y": [offset, offset + slope]})
        return alt.Chart(frame, title=f"slope {slope:g}").mark_line().encode(x="x:Q", y="y:Q")
    return render


def test_the_site_grid_is_cached_by_setting_and_by_what_render_captured(tmp_path):
    control = (Range("slope", "slope", 0.0, 2.0, 0.5, 1.0),)
    RENDERED.clear()
    first = ExplorerDeclaration("line", control, _line_render(0.0)).static_spec(cache=tmp_path)
    assert len(RENDERED) == 5, "each of the five settings is rendered once"
    again = ExplorerDeclaration("line", control, _line_render(0.0)).static_spec(cache=tmp_path)
    assert len(RENDERED) == 5 and again == first, "a second build reads every chart from the cache"
    moved = ExplorerDeclaration("line", control, _line_render(1.0)).static_spec(cache=tmp_path)
    assert len(RENDERED) == 10 and moved != first, "a render that captured another value is not served stale"
    assert first == ExplorerDeclaration("line", control, _line_render(0.0)).static_spec(), \
        "the cached spec is the uncached one"


def test_a_capture_without_a_fingerprint_renders_uncached_with_a_warning(tmp_path):
    lock = __import__("threading").Lock()  # cannot be pickled

    def render(slope):
        with lock:
            return alt.Chart(pd.DataFrame({"x": [0, 1], "y": [0, slope]})).mark_line().encode(x="x:Q", y="y:Q")

    declaration = ExplorerDeclaration("locked", (Range("slope", "slope", 0.0, 1.0, 0.5, 0.5),), render)
    with pytest.warns(RuntimeWarning, match="'locked' is rendered without the cache"):
        spec = declaration.static_spec(cache=tmp_path)
    assert len(spec["datasets"]) == 1 and not list(tmp_path.iterdir()), "nothing was written to the cache"


def test_large_grids_travel_as_csv_and_draw_the_same():
    def render(slope, shape):
        x = [i / 50 for i in range(51)]
        frame = pd.DataFrame({"x": x, "y": [round(slope * (v if shape == "line" else v * v), 4) for v in x],
                              "series": "a long series name, with a comma", "on": [v > 0.5 for v in x]})
        return alt.Chart(frame, title=f"{shape} {slope:g}").mark_point().encode(
            x="x:Q", y="y:Q", color="series:N", shape="on:N")

    declaration = ExplorerDeclaration("csv", (Range("slope", "slope", 0.0, 2.0, 0.25, 1.0),
                                              Choice("shape", "shape", (("line", "line"), ("square", "square")), "line")),
                                       render)
    spec = declaration.static_spec()
    (rows,) = [v for v in spec["datasets"].values() if len(str(v)) > 20_000]
    assert isinstance(rows, str) and rows.startswith("x,y,series,on,"), "the large grid is not CSV"
    assert vlc.vegalite_to_svg(at(spec, slope=0.75, shape="square")) == \
        vlc.vegalite_to_svg(render(slope=0.75, shape="square").to_dict())


def test_rows_that_csv_would_change_stay_objects():
    from course_lib.explore.declare import _csv_columns

    assert _csv_columns([{"a": 1, "b": "x"}, {"a": None, "b": "y"}]) == {"a": "number", "b": None}
    assert _csv_columns([{"a": 1, "b": "x"}, {"a": 2, "b": None}]) is None, "a null text reads back as ''"
    assert _csv_columns([{"a": 1}, {"a": "1"}]) is None, "a column of numbers and text"
    assert _csv_columns([{"a": 1, "b": 2}, {"b": 2, "a": 1}]) is None, "rows with their keys in another order"
    assert _csv_columns([{"a": [1, 2]}]) is None, "a list has no CSV form"
