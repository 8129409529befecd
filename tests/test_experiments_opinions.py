"""Tables of the opinion lessons (course_lib.experiments.opinions): they reproduce the
library's simulations and fixed points."""
import numpy as np
import pytest

from course_lib import opinions, voter
from course_lib.experiments import opinions as lab

KIRA = 10


@pytest.mark.parametrize("q, p, variant, kind, strength, start", [
    (4, 0.7, "anticonformity", "field", 0.2, 0.3),
    (4, 0.2, "anticonformity", "field", 0.05, 0.3),
    (4, 0.2, "anticonformity", "field", 0.02, 0.3),
    (4, 0.2, "independence", "zealots", 0.1, 0.3),
    (8, 0.08, "independence", "field", 0.0, 0.9),
    (8, 0.08, "independence", "field", 0.0, 0.45),
    (3, 0.1, "anticonformity", "zealots", 0.0, 0.2),
])
def test_mean_field_settles_at_a_stable_fixed_point_and_the_path_gets_there(q, p, variant, kind, strength, start):
    field, z = (strength, 0.0) if kind == "field" else (0.0, strength)
    mf = voter.qvoter_mean_field(q, p, variant, field=field, zealot_fraction=z)
    stable = [(c - z) / (1 - z) for c in mf.stable]
    settled = lab.mean_field_settles(q, p, variant, kind=kind, strength=strength, start=start)
    assert min(abs(settled - c) for c in stable) < 1e-5
    # the flow from `start` reaches the nearest stable point in the direction of the drift
    path = lab.mean_field_path(q, p, variant, kind=kind, strength=strength, start=start, sweeps=400)
    assert path[0] == pytest.approx(start)
    assert path[-1] == pytest.approx(settled, abs=1e-3)


@pytest.mark.slow  # 200,000 agents for 20 sweeps
def test_mean_field_path_matches_a_large_simulation():
    path = lab.mean_field_path(4, 0.3, "anticonformity", kind="field", strength=0.1, start=0.3, sweeps=20)
    run = voter.simulate_qvoter(200_000, 4, 0.3, "anticonformity", 20, seed=1, initial_up=0.3, field=0.1)
    # The fraction up of N agents fluctuates about the mean-field path by about
    # sqrt(x (1 - x) / N) <= 0.5 / sqrt(200,000) = 0.0011 per sweep; over 20 sweeps the
    # largest gap stays under 4 of those (0.0045) but for one run in about 800. The bound
    # 0.01 also leaves room for the finite-N bias of the mean-field approximation, O(1/N).
    assert np.abs(path - run.fraction_up).max() < 0.01


def test_simulation_frames_are_reproducible_library_runs():
    frame = lab.qvoter_simulation_frame(300, [3], [0.1, 0.4], ["anticonformity"], sweeps=20, burn_in=5, seed=4)
    rng = np.random.default_rng(4)
    expected = []
    for p in (0.1, 0.4):
        run = voter.simulate_qvoter(300, 3, p, "anticonformity", 20, seed=rng, initial_up=1.0)
        expected.append(np.abs(run.magnetization[6:]).mean())
    assert frame.magnetization.tolist() == pytest.approx(expected)
    again = lab.qvoter_simulation_frame(300, [3], [0.1, 0.4], ["anticonformity"], sweeps=20, burn_in=5, seed=4)
    assert again.equals(frame)
    hyst = lab.hysteresis_frame(300, 8, [0.08], sweeps=20, burn_in=5, seed=1)
    assert sorted(hyst.start) == ["evenly split start", "ordered start"]


def test_campaign_simulation_frame_excludes_zealots():
    frame = lab.campaign_simulation_frame(400, 4, [0.0], "anticonformity", "zealots", [0.25],
                                                 start=0.0, sweeps=50, burn_in=40, seed=2)
    run = voter.simulate_qvoter(400, 4, 0.0, "anticonformity", 50, seed=np.random.default_rng(2),
                                initial_up=0.0, zealots=100)
    assert frame.share.iloc[0] == pytest.approx(((run.fraction_up[41:] * 400 - 100) / 300).mean())
    assert frame.share.iloc[0] < run.fraction_up[41:].mean() - 0.2  # the 100 ambassadors are not counted


def test_campaign_verdict():
    assert lab.campaign_verdict(0.5, 0.48) == "backfires"
    assert lab.campaign_verdict(0.5, 0.505) == "fizzles"
    assert lab.campaign_verdict(0.5, 0.495) == "fizzles"
    assert lab.campaign_verdict(0.5, 0.53) == "barely helps"
    assert lab.campaign_verdict(0.5, 0.6) == "works"
    assert lab.campaign_verdict(0.2, 0.8) == "flips the market"


def test_campaign_inputs_are_checked():
    with pytest.raises(ValueError, match="kind"):
        lab.mean_field_settles(4, 0.2, "independence", kind="tv")
    with pytest.raises(ValueError, match="strength"):
        lab.mean_field_settles(4, 0.2, "independence", strength=1.5)


def test_empowerment_frame_matches_library():
    G = lab.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    x0 = lab.people_frame(G).rating.to_numpy()
    frame = lab.empowerment_frame(W, x0, 0.8, KIRA, new_susceptibility=0.2, voice=3.0)
    lam = opinions.lower_susceptibility(W, 0.8, KIRA, 0.6)
    W3 = opinions.amplify_voice(W, KIRA, 3.0)
    V = opinions.influence_matrix(W3, lam)
    assert frame.equilibrium.to_numpy() == pytest.approx(opinions.friedkin_johnsen_equilibrium(W3, x0, lam))
    assert frame.centrality.to_numpy() == pytest.approx(opinions.influence_centrality(W3, lam))
    assert frame.attrs["swayed"] == pytest.approx(1 - V[KIRA, KIRA])
    assert frame.centrality[KIRA] > frame.baseline_centrality[KIRA]


def test_simulated_centrality_equals_closed_form():
    G = lab.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    sim = lab.simulated_centrality_frame(W, 0.8, KIRA, [0.0, 0.5], voices=[1, 2])
    theory = lab.centrality_sweep_frame(W, 0.8, KIRA, [0.0, 0.5], voices=[1, 2])
    assert sim.centrality.to_numpy() == pytest.approx(theory.centrality.to_numpy(), abs=1e-9)


def test_resilience_frames_agree():
    G = lab.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    x0 = lab.people_frame(G).rating.to_numpy()
    theory = lab.resilience_frame(W, x0, 0.7, [0.2, 0.8], KIRA)
    sim = lab.simulated_resilience_frame(W, x0, 0.7, [0.2, 0.8], KIRA)
    assert sim.value.to_numpy() == pytest.approx(theory.value.to_numpy(), abs=1e-8)
    low = theory[theory.resilience == 0.2].set_index("measure")["value"]
    assert low["expressed spread"] < low["private spread"]  # pluralistic ignorance
