"""The company's own voice next to empowerment (lesson 04), and compliance next to
identification (lesson 06): hand-computed cases, closed forms against iteration, and the
claims the lessons make, asserted as properties of the model with numbers."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_lib import opinions, population
from course_lib.experiments import opinions as lab
from course_lib.viz import opinions as viz_op

KIRA, ANA = 10, 0


@pytest.fixture(scope="module")
def toy():
    G = lab.example_network()
    return opinions.influence_weights(G, self_weight=0.2), lab.people_frame(G).rating.to_numpy()


@pytest.fixture(scope="module")
def market():
    G, consumers = lab.example_market(seed=4)
    return opinions.influence_weights(G, self_weight=0.2), lab.people_frame(G).rating.to_numpy(), consumers


# --------------------------------------------------------------------------- the company's voice
def test_two_friends_and_the_company_by_hand():
    # x0* = s((1 - w) x1* + w c) + (1 - s) x0(0) and x1* = s x0* + (1 - s) x1(0), with s = 1/2,
    # w = 1/2, c = 1, x(0) = (0, 0): x0* = x1*/4 + 1/4 and x1* = x0*/2, so x0* = 2/7, x1* = 1/7
    r = opinions.company_voice_equilibrium([[0, 1], [1, 0]], [0.0, 0.0], 0.5, 0, 0.5)
    assert r.equilibrium == pytest.approx([2 / 7, 1 / 7], abs=1e-15)
    assert r.company_share == pytest.approx([2 / 7, 1 / 7], abs=1e-15)
    # without the company it is the plain Friedkin-Johnsen pair: (1/3, 2/3) from (0, 1)
    plain = opinions.company_voice_equilibrium([[0, 1], [1, 0]], [0.0, 1.0], 0.5, 0, 0.0)
    assert plain.equilibrium == pytest.approx([1 / 3, 2 / 3], abs=1e-15)
    assert plain.company_share == pytest.approx([0, 0])


def test_add_company_voice_rows():
    W = np.array([[0.5, 0.5, 0.0], [0.25, 0.5, 0.25], [0.0, 0.5, 0.5]])
    Wc = opinions.add_company_voice(W, [0, 2], 0.2)
    assert Wc.shape == (4, 4) and Wc.sum(axis=1) == pytest.approx(np.ones(4))
    assert Wc[0].tolist() == pytest.approx([0.4, 0.4, 0.0, 0.2]) and Wc[1, :3].tolist() == W[1].tolist()
    assert Wc[3].tolist() == [0, 0, 0, 1]
    assert np.array_equal(opinions.add_company_voice(W, 1, 0.0)[:3, :3], W)
    with pytest.raises(ValueError, match="weight must be at most 1"):
        opinions.add_company_voice(W, 0, 1.5)
    with pytest.raises(ValueError, match="listeners contains 5"):
        opinions.add_company_voice(W, 5, 0.5)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(2, 8), st.floats(0.0, 1.0))
def test_closed_form_matches_iteration_and_shares_add_up(seed, n, weight):
    rng = np.random.default_rng(seed)
    W = 0.5 * rng.dirichlet(np.ones(n), size=n) + 0.5 / n
    x0, s = rng.random(n), rng.uniform(0.0, 0.9, n)
    listeners = rng.choice(n, size=rng.integers(1, n + 1), replace=False)
    r = opinions.company_voice_equilibrium(W, x0, s, listeners, weight, company_opinion=0.7)
    run = opinions.friedkin_johnsen(opinions.add_company_voice(W, listeners, weight),
                                    np.append(x0, 0.7), np.append(s, 0.0), 400)
    assert run.final[:-1] == pytest.approx(r.equilibrium, abs=1e-12)
    assert run.final[-1] == 0.7, "the company never changes its mind"
    assert (r.shares.sum(axis=1) + r.company_share) == pytest.approx(np.ones(n), abs=1e-12)
    assert r.equilibrium == pytest.approx(r.shares @ x0 + r.company_share * 0.7, abs=1e-12)
    frame = r.to_frame()
    assert frame.columns.tolist() == ["agent", "equilibrium", "company_share", "own_share"]


def test_a_fully_susceptible_group_is_anchored_by_the_company():
    # everybody has susceptibility 1: no Friedkin-Johnsen equilibrium without the company,
    # but a company heard by one of them pins the whole connected group to its opinion
    W = [[0.5, 0.5], [0.5, 0.5]]
    with pytest.raises(ValueError, match="No unique Friedkin-Johnsen equilibrium"):
        opinions.company_voice_equilibrium(W, [0.0, 1.0], 1.0, 0, 0.0)
    r = opinions.company_voice_equilibrium(W, [0.0, 1.0], 1.0, 0, 0.1, company_opinion=0.9)
    assert r.equilibrium == pytest.approx([0.9, 0.9])


# --------------------------------------------------------------------------- the two levers, lesson 04
def _lever(W, x0, consumers, agent, influences, empowerments):
    frame = lab.company_lever_frame(W, x0, consumers, {"t": agent}, influences, empowerments)
    return frame.set_index(["influence", "empowerment"])


def test_influence_and_empowerment_do_different_things_to_the_same_target(toy):
    W, x0 = toy
    nobody = population.Consumers(np.zeros(12))
    grid = [0.0, 0.25, 0.5]
    for agent in (KIRA, ANA):
        f = _lever(W, x0, nobody, agent, grid, grid + [1.0])
        for e in grid:  # raising influence with empowerment fixed
            col = f.xs(e, level="empowerment")
            assert np.all(np.diff(col.target_opinion) > 0), "influence moves her towards the company's 1"
            assert np.all(np.diff(col.company_share) > 0), "and raises the company's share of every view"
            assert np.all(np.diff(col.target_share) < 0), "and lowers her own share of the average view"
            assert np.all(np.diff(col.others_opinion) > 0), "and moves the others towards the company"
        for w in grid:  # raising empowerment with influence fixed
            row = f.xs(w, level="influence")
            assert np.all(np.diff(row.target_share) > 0), "empowerment makes her count for more"
            towards_own = np.abs(row.target_opinion - x0[agent])
            assert np.all(np.diff(towards_own) < 0), "empowerment makes her hold her own first view"
            if w > 0:
                assert np.all(np.diff(row.company_share) < 0), "an empowered consumer discounts the company"
    # the same act on a fan and on a critic: influence helps the brand both times, empowerment
    # helps it with the fan and hurts it with the critic
    kira = _lever(W, x0, nobody, KIRA, [0.0, 0.5], [0.0, 1.0])
    ana = _lever(W, x0, nobody, ANA, [0.0, 0.5], [0.0, 1.0])
    assert kira.loc[(0.5, 0.0), "others_move"] > 0.02 and ana.loc[(0.5, 0.0), "others_move"] > 0.02
    assert kira.loc[(0.0, 1.0), "others_move"] > 0.02
    assert ana.loc[(0.0, 1.0), "others_move"] < -0.005
    # the numbers the lesson quotes: Ana at w = 0.5 ends at 0.63 unempowered, 0.29 empowered
    assert ana.loc[(0.5, 0.0), "target_opinion"] == pytest.approx(0.630, abs=5e-4)
    assert ana.loc[(0.5, 1.0), "target_opinion"] == pytest.approx(0.291, abs=5e-4)


def test_the_levers_keep_their_effects_on_300_consumers(market):
    W, x0, consumers = market
    targets = lab.extreme_consumers(x0, 30)
    assert x0[targets["30 fans"]].min() > x0[targets["30 critics"]].max()
    f = lab.company_lever_frame(W, x0, consumers, targets, [0.0, 0.5], [0.0, 1.0]).set_index(
        ["target", "influence", "empowerment"])
    for group in targets:
        assert f.loc[(group, 0.5, 0.0), "others_move"] > 0.02, "influence lifts the market"
        assert f.loc[(group, 0.5, 0.0), "company_share"] > f.loc[(group, 0.5, 1.0), "company_share"]
        assert f.loc[(group, 0.0, 1.0), "target_share"] > 2 * f.loc[(group, 0.0, 0.0), "target_share"]
    assert f.loc[("30 fans", 0.0, 1.0), "others_move"] > 0.02
    assert f.loc[("30 critics", 0.0, 1.0), "others_move"] < -0.01


def test_lever_frames_closed_form_against_iteration(toy, market):
    W, x0 = toy
    nobody = population.Consumers(np.zeros(12))
    targets = {"Kira": KIRA, "Ana and Ben": [0, 1]}
    theory = lab.company_lever_frame(W, x0, nobody, targets, [0.0, 0.3], [0.0, 0.7])
    run = lab.simulated_company_lever_frame(W, x0, nobody, targets, [0.0, 0.3], [0.0, 0.7])
    numbers = theory.columns[3:]
    assert run[numbers].to_numpy() == pytest.approx(theory[numbers].to_numpy(), abs=1e-12)
    W, x0, consumers = market
    targets = lab.extreme_consumers(x0, 10)
    theory = lab.company_lever_frame(W, x0, consumers, targets, [0.4], [0.6])
    run = lab.simulated_company_lever_frame(W, x0, consumers, targets, [0.4], [0.6])
    assert run[numbers].to_numpy() == pytest.approx(theory[numbers].to_numpy(), abs=1e-10)


def test_example_market_is_reproducible():
    G1, c1 = lab.example_market(seed=4)
    G2, c2 = lab.example_market(seed=4)
    assert sorted(G1.edges) == sorted(G2.edges) and np.array_equal(c1.empowerment, c2.empowerment)
    assert [G1.nodes[i]["rating"] for i in G1] == [G2.nodes[i]["rating"] for i in G2]
    G3, _ = lab.example_market(seed=5)
    assert sorted(G1.edges) != sorted(G3.edges)
    with pytest.raises(TypeError, match="targets must be a dict"):
        lab.company_lever_frame(np.eye(2), [0, 1], population.Consumers([0, 0]), [0], [0.1], [0.1])


# --------------------------------------------------------------------------- identification, lesson 06
def test_identify_with_by_hand_and_its_checks():
    W = np.array([[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.0, 0.5, 0.5]])
    out = opinions.identify_with(W, 0, [0, 2], 0.4)  # the agent is left out of their own group
    assert out[0].tolist() == pytest.approx([0.3, 0.3, 0.4]) and np.array_equal(out[1:], W[1:])
    assert np.array_equal(opinions.identify_with(W, 0, [2], 0.0), W)
    with pytest.raises(ValueError, match="group must hold someone other than agent 0"):
        opinions.identify_with(W, 0, [0], 0.5)
    with pytest.raises(ValueError, match="weight must be at most 1"):
        opinions.identify_with(W, 0, [2], 1.1)


def test_pressure_as_a_matrix_is_the_local_or_global_pressure():
    G = lab.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    x0 = lab.people_frame(G).rating.to_numpy()
    for name, Q in (("local", W), ("global", np.full((12, 12), 1 / 12))):
        a = opinions.expressed_private_equilibrium(W, x0, 0.7, 0.3, pressure=name)
        b = opinions.expressed_private_equilibrium(W, x0, 0.7, 0.3, pressure=Q)
        assert np.allclose(a, b, atol=1e-14)
        run_a = opinions.expressed_private(W, x0, 0.7, 0.3, 5, pressure=name)
        run_b = opinions.expressed_private(W, x0, 0.7, 0.3, 5, pressure=Q)
        assert np.allclose(run_a.expressed, run_b.expressed, atol=1e-14)
    with pytest.raises(ValueError, match="pressure as a matrix must have the shape of W"):
        opinions.expressed_private(W, x0, 0.7, 0.3, 5, pressure=np.eye(3))
    with pytest.raises(ValueError, match="pressure must be row-stochastic"):
        opinions.expressed_private(W, x0, 0.7, 0.3, 5, pressure=2 * W)


def test_compliance_moves_what_is_said_identification_what_is_thought(toy):
    W, x0 = toy
    strengths = [0.0, 0.3, 0.6, 0.9]
    f = lab.kelman_frame(W, x0, 0.7, 0.3, KIRA, range(6), strengths)
    table = f.pivot(index=["process", "strength"], columns="kind", values="opinion")
    comp, ident = table.loc["compliance"], table.loc["identification"]
    # both start where Kira says what she thinks and listens as before
    assert comp.loc[0.0, "says"] == comp.loc[0.0, "thinks"] == pytest.approx(ident.loc[0.0, "thinks"])
    drop_said = comp.loc[0.0, "says"] - comp.says
    drop_thought = comp.loc[0.0, "thinks"] - comp.thinks
    assert np.all(np.diff(comp.says) < 0) and np.all(drop_said[1:] > 2 * drop_thought[1:]), \
        "compliance moves what she says at least twice as much as what she thinks"
    assert comp.loc[0.9, "thinks"] - comp.loc[0.9, "says"] > 0.1, "compliance opens a gap"
    assert np.allclose(ident.says, ident.thinks), "identification leaves no gap: she says what she thinks"
    group_says = f[(f.process == "identification")].group_says.to_numpy()
    assert np.all(np.diff(ident.thinks) < 0) and np.all(ident.thinks.to_numpy() > group_says[::2]), \
        "identification moves her private view towards the group (from above)"
    # the numbers lesson 06 quotes
    assert (comp.loc[0.9, "says"], comp.loc[0.9, "thinks"], ident.loc[0.9, "thinks"]) == pytest.approx(
        (0.427, 0.579, 0.516), abs=5e-4)
    sim = lab.simulated_kelman_frame(W, x0, 0.7, 0.3, KIRA, range(6), strengths)
    assert sim.opinion.to_numpy() == pytest.approx(f.opinion.to_numpy(), abs=1e-9)


def test_the_same_population_says_more_of_what_it_thinks_when_empowered(market):
    W, x0, consumers = market
    gaps = lab.population_gap_frame(W, x0, consumers)
    assert gaps.resilience.to_numpy() == pytest.approx(consumers.resilience())
    assert gaps.susceptibility.to_numpy() == pytest.approx(consumers.susceptibility())
    assert opinions.opinion_spread(gaps.says) <= opinions.opinion_spread(gaps.thinks)
    bands = lab.gap_by_empowerment(gaps)
    assert bands.consumers.sum() == 300 and np.all(np.diff(bands.resilience) > 0)
    assert bands.gap.iloc[-1] < 0.5 * bands.gap.iloc[0], "the most empowered band has under half the gap"
    # the same consumer, fully empowered: resilience 1, says what she thinks
    full = lab.population_gap_frame(W, x0, population.Consumers(np.ones(300)))
    assert full.gap.max() == pytest.approx(0.0, abs=1e-12)


# --------------------------------------------------------------------------- charts
def test_lever_and_kelman_charts_carry_the_library_numbers(toy):
    W, x0 = toy
    f = lab.company_lever_frame(W, x0, population.Consumers(np.zeros(12)), {"Kira": KIRA}, [0.0, 0.5], [0.0, 1.0])
    spec = viz_op.company_lever_chart(f).to_dict()
    rows = [pd.DataFrame(v) for v in spec["datasets"].values()]
    opinion = next(r for r in rows if "target_opinion" in r)
    assert sorted(opinion.target_opinion) == pytest.approx(sorted(f.target_opinion))
    assert "Kira, target's opinion at rest: from 0.56" in spec["description"]
    with pytest.raises(ValueError, match="measures must be some of"):
        viz_op.company_lever_chart(f, measures=["profit"])
    k = lab.kelman_frame(W, x0, 0.7, 0.3, KIRA, range(6), [0.0, 0.9])
    spec = viz_op.kelman_chart(k, k.assign(source="simulation"), person="Kira").to_dict()
    assert "Compliance: Kira thinks 0.665 → 0.579 and says 0.665 → 0.427" in spec["description"]
    assert len(spec["hconcat"]) == 2
