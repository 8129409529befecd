"""Opinion-lesson charts: valid Vega-Lite with descriptions, and theory layers that carry
the library's numbers (not a copy that could drift)."""
import numpy as np
import pandas as pd
import pytest
from drawn import cut_short_texts

from course_lib import opinions, population, voter
from course_lib.experiments import opinions as lab
from course_lib.viz import opinions as viz_op

KIRA = 10


@pytest.fixture(scope="module")
def net():
    G = lab.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    x0 = lab.people_frame(G).rating.to_numpy()
    names = lab.people_frame(G).person.tolist()
    return G, W, x0, names


def _datasets(spec):
    return [pd.DataFrame(rows) for rows in spec.get("datasets", {}).values() if rows]


def _charts(net):
    G, W, x0, names = net
    theory = lab.qvoter_theory_frame([2, 8], [0.0, 0.05, 0.08, 0.2, 0.3, 0.5])
    sim = pd.DataFrame({"variant": ["independence", "anticonformity"] * 2, "q": [2, 2, 8, 8],
                        "p": [0.1, 0.1, 0.3, 0.3], "magnetization": [0.8, 0.7, 0.03, 0.5]})
    hyst_theory = lab.qvoter_theory_frame([8], np.linspace(0, 0.16, 33), ["independence"])
    hyst_sim = pd.DataFrame({"p": [0.08, 0.08, 0.15, 0.15], "start": ["ordered start", "evenly split start"] * 2,
                             "magnetization": [0.87, 0.02, 0.02, 0.02]})
    resp = lab.campaign_frame(4, [0.2, 0.7], "anticonformity", ["field", "zealots"], [0.0, 0.1, 0.2])
    traj = pd.DataFrame({"sweep": [0, 1, 2] * 2, "share": [0.3, 0.4, 0.45, 0.3, 0.35, 0.5],
                         "scenario": ["campaign"] * 3 + ["no campaign"] * 3})
    talk = opinions.degroot(W, x0, 5)
    emp = lab.empowerment_frame(W, x0, 0.8, KIRA, new_susceptibility=0.2, voice=2.0, names=names)
    sweep = lab.centrality_sweep_frame(W, 0.8, KIRA, [0.0, 0.5, 1.0], voices=[1, 3])
    run = opinions.expressed_private(W, x0, 0.7, 0.3, 10)
    res = lab.resilience_frame(W, x0, 0.7, [0.1, 0.5, 1.0], KIRA)
    lever = lab.company_lever_frame(W, x0, population.Consumers(np.zeros(12)), {"Kira": KIRA, "Ana": 0},
                                    [0.0, 0.5], [0.0, 1.0])
    kelman = lab.kelman_frame(W, x0, 0.7, 0.3, KIRA, range(6), [0.0, 0.5, 0.9])
    return {
        "phase": viz_op.qvoter_phase_chart(sim, theory),
        "hysteresis": viz_op.hysteresis_chart(hyst_sim, hyst_theory),
        "campaign_response": viz_op.campaign_response_chart(resp, resp),
        "campaign_trajectory": viz_op.campaign_trajectory_chart(traj, traj),
        "trajectory": viz_op.opinion_trajectory_chart(lab.trajectory_table(talk, names), highlight="Kira",
                                                      reference=(0.38, "consensus")),
        "empowerment": viz_op.empowerment_chart(emp),
        "centrality_sweep": viz_op.centrality_sweep_chart(sweep, sweep),
        "expressed_private": viz_op.expressed_private_chart(lab.expressed_private_frame(run, names),
                                                            lab.spread_frame(run), highlight="Kira"),
        "resilience": viz_op.resilience_chart(res, res, person="Kira"),
        "company_lever": viz_op.company_lever_chart(lever),
        "kelman": viz_op.kelman_chart(kelman, kelman, person="Kira"),
    }


NAMES = ["phase", "hysteresis", "campaign_response", "campaign_trajectory", "trajectory",
         "empowerment", "centrality_sweep", "expressed_private", "resilience", "company_lever", "kelman"]


def test_every_builder_is_tested(net):
    assert sorted(_charts(net)) == sorted(NAMES)
    assert set(viz_op.__all__) == {
        "opinion_trajectory_chart", "empowerment_chart", "centrality_sweep_chart", "qvoter_phase_chart",
        "hysteresis_chart", "campaign_response_chart", "campaign_trajectory_chart",
        "expressed_private_chart", "resilience_chart", "company_lever_chart", "kelman_chart",
        "disorder_chart", "mixed_campaign_chart"}  # lesson 05's two: tests/test_voter_quenched.py


@pytest.mark.parametrize("name", NAMES)
def test_chart_is_valid_vega_lite_with_description(net, name):
    spec = _charts(net)[name].to_dict()  # validates against the Vega-Lite schema
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v")
    assert isinstance(spec.get("description"), str) and len(spec["description"]) > 60


@pytest.mark.parametrize("name", NAMES)
def test_no_text_on_the_chart_is_cut_short(net, name):
    cut = cut_short_texts(_charts(net)[name])
    assert not cut, f"{name}: texts cut off on the chart: {cut}"


def test_phase_chart_lines_are_mean_field_fixed_points():
    theory = lab.qvoter_theory_frame([3, 8], np.round(np.arange(0, 0.5, 0.02), 2))
    sim = pd.DataFrame({"variant": ["independence"], "q": [3], "p": [0.1], "magnetization": [0.9]})
    spec = viz_op.qvoter_phase_chart(sim, theory).to_dict()
    lines = [d for d in _datasets(spec) if "branch" in d]
    assert lines, "no theory layer"
    drawn = pd.concat(lines).drop_duplicates()
    assert set(drawn.stability) == {"stable"}  # the phase chart draws stable states only
    ordered = drawn[drawn.branch == "ordered"]
    assert len(ordered) > 10
    for r in ordered.itertuples():
        mf = voter.qvoter_mean_field(int(r.q), float(r.p), r.variant)
        assert r.magnetization == pytest.approx(mf.magnetization, abs=1e-9)
    # no ordered state above the upper spinodal
    for (variant, q), part in ordered.groupby(["variant", "q"]):
        assert part.p.max() <= voter.qvoter_spinodals(int(q), variant).upper + 1e-12


def test_hysteresis_chart_has_both_branches_and_spinodals_in_description():
    theory = lab.qvoter_theory_frame([8], np.linspace(0, 0.16, 81), ["independence"])
    sim = pd.DataFrame({"p": [0.08, 0.08], "start": ["ordered start", "evenly split start"],
                        "magnetization": [0.87, 0.02]})
    spec = viz_op.hysteresis_chart(sim, theory).to_dict()
    drawn = pd.concat([d for d in _datasets(spec) if "branch" in d])
    at = drawn[np.isclose(drawn.p, 0.08)]
    mf = voter.qvoter_mean_field(8, 0.08, "independence")
    upper = sorted(c for c in mf.stable if c > 0.5)
    assert set(zip(at.branch, at.stability)) == {("ordered", "stable"), ("middle", "unstable"),
                                                 ("disordered", "stable")}
    assert at[at.branch == "ordered"].magnetization.iloc[0] == pytest.approx(2 * upper[0] - 1)
    edges = voter.qvoter_spinodals(8, "independence")
    assert f"{edges.lower:.3f}" in spec["description"] and f"{edges.upper:.3f}" in spec["description"]
    assert "from 0.080 to 0.080" in spec["description"]


@pytest.mark.parametrize("kind", ["field", "zealots"])
def test_campaign_theory_equals_library_fixed_point(kind):
    frame = lab.campaign_frame(4, [0.7, 0.45], "anticonformity", kind, [0.05, 0.2], start=0.5)
    spec = viz_op.campaign_response_chart(frame, frame).to_dict()
    drawn = pd.concat([d for d in _datasets(spec) if "strength" in d]).drop_duplicates()
    assert len(drawn) == 4
    for r in drawn.itertuples():
        field, z = (r.strength, 0.0) if kind == "field" else (0.0, r.strength)
        mf = voter.qvoter_mean_field(4, r.p, "anticonformity", field=field, zealot_fraction=z)
        assert len(mf.stable) == 1  # disordered phase: one state, so "where it settles" is unambiguous
        assert r.share == pytest.approx((mf.stable[0] - z) / (1 - z), abs=1e-5)


def test_empowerment_chart_bars_are_library_centralities(net):
    G, W, x0, names = net
    frame = lab.empowerment_frame(W, x0, 0.8, KIRA, new_susceptibility=0.3, voice=2.0, names=names)
    spec = viz_op.empowerment_chart(frame).to_dict()
    bars = [d for d in _datasets(spec) if "centrality" in d][0]
    lam = np.full(12, 0.8)
    lam[KIRA] = 0.3
    expected = opinions.influence_centrality(opinions.amplify_voice(W, KIRA, 2.0), lam)
    assert bars.centrality.to_numpy() == pytest.approx(expected)
    assert bars.baseline_centrality.to_numpy() == pytest.approx(opinions.influence_centrality(W, 0.8))
    assert f"{expected[KIRA]:.3f}" in spec["description"]


def test_centrality_sweep_lines_are_library_values(net):
    _, W, _, _ = net
    sweep = lab.centrality_sweep_frame(W, 0.8, KIRA, [0.0, 0.25, 0.5, 1.0], voices=[1, 4])
    spec = viz_op.centrality_sweep_chart(sweep).to_dict()
    drawn = _datasets(spec)[0]
    for r in drawn.itertuples():
        lam = np.full(12, 0.8)
        lam[KIRA] = r.susceptibility
        Wv = opinions.amplify_voice(W, KIRA, r.voice)
        assert r.centrality == pytest.approx(opinions.influence_centrality(Wv, lam)[KIRA])
    assert drawn[drawn.susceptibility == 1.0].centrality.abs().max() < 1e-12


def test_resilience_lines_are_library_equilibria(net):
    _, W, x0, _ = net
    theory = lab.resilience_frame(W, x0, 0.7, [0.1, 0.6], KIRA, pressure="global")
    spec = viz_op.resilience_chart(theory).to_dict()
    drawn = _datasets(spec)[0]
    for phi in (0.1, 0.6):
        x, xhat = opinions.expressed_private_equilibrium(W, x0, 0.7, phi, pressure="global")
        at = drawn[drawn.resilience == phi].set_index("measure")["value"]
        assert at["private spread"] == pytest.approx(x.max() - x.min())
        assert at["expressed spread"] == pytest.approx(xhat.max() - xhat.min())
        assert at["gap"] == pytest.approx(x[KIRA] - xhat[KIRA])


def test_builders_name_missing_columns():
    with pytest.raises(ValueError, match="magnetization"):
        viz_op.qvoter_phase_chart(pd.DataFrame({"variant": [], "q": [], "p": []}), pd.DataFrame())
    with pytest.raises(TypeError, match="DataFrame"):
        viz_op.campaign_trajectory_chart([0.1], [0.1])


def test_expressed_private_chart_without_highlight_has_no_legend_entry_for_none():
    G = lab.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    run = opinions.expressed_private(W, [0.5] * len(G), 0.7, 0.3, 5)
    spec = viz_op.expressed_private_chart(lab.expressed_private_frame(run, lab._names(G)), lab.spread_frame(run)).to_dict()
    text = str(spec)
    assert "'None'" not in text, "a chart without a highlighted person must not list 'None'"
