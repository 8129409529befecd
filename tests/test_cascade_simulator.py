"""CascadeSimulator: repeated single IC and LT runs agree with the public functions.

Exact spreads are hand-computed on stars and paths. Monte Carlo comparisons allow 4
standard errors (a false alarm about once in 16,000 comparisons); every run is seeded,
so a passing test passes every time.
"""
from math import comb

import networkx as nx
import numpy as np
import pytest

from course_lib._guard import ReferenceLockedError, student_code_under_test
from course_lib.cascades import CascadeSimulator, independent_cascade, linear_threshold
from course_lib.networks import compile_network


def within(sizes, exact, sd=None):
    """Mean of ``sizes`` within 4 standard errors of ``exact`` (``sd``: the exact
    standard deviation of one run, else the sample's)."""
    sizes = np.asarray(sizes, dtype=float)
    se = (sizes.std(ddof=1) if sd is None else sd) / np.sqrt(len(sizes))
    return abs(sizes.mean() - exact) <= 4 * se


def test_ic_sizes_follow_the_exact_distribution_on_a_star():
    # seeding the centre of a star with k leaves, each leaf joins with probability p:
    # the size is 1 + Binomial(k, p)
    k, p, runs = 5, 0.3, 20_000
    G = nx.star_graph(k)
    sim = CascadeSimulator(G, "ic", p=p, seed=1)
    sizes = np.array([sim.run([0]) for _ in range(runs)])
    for j in range(k + 1):
        prob = comb(k, j) * p**j * (1 - p) ** (k - j)
        freq = np.mean(sizes == 1 + j)
        assert abs(freq - prob) <= 4 * np.sqrt(prob * (1 - prob) / runs), (j, freq, prob)
    assert within(sizes, 1 + k * p, sd=np.sqrt(k * p * (1 - p)))


def test_simulator_and_independent_cascade_agree_on_a_path():
    # from one end of a path of 4, node i is reached with probability p**i
    p = 0.5
    exact = 1 + p + p**2 + p**3
    G = nx.path_graph(4)
    sim = CascadeSimulator(G, "ic", p=p, seed=2)
    ours = [sim.run([0]) for _ in range(20_000)]
    public = [independent_cascade(G, [0], p, seed=s).spread for s in range(5_000)]
    assert within(ours, exact), np.mean(ours)
    assert within(public, exact), np.mean(public)


def test_simulator_and_linear_threshold_agree_on_a_path():
    # path 0-1-2-3 from 0, weights 1/degree: node 1 (degree 2) needs threshold <= 1/2,
    # so does node 2; node 3 (degree 1) follows node 2 for sure: 1 + 1/2 + 1/4 + 1/4
    exact = 2.0
    G = nx.path_graph(4)
    sim = CascadeSimulator(G, "lt", seed=3)
    ours = [sim.run([0]) for _ in range(20_000)]
    public = [linear_threshold(G, [0], seed=s).spread for s in range(5_000)]
    assert within(ours, exact), np.mean(ours)
    assert within(public, exact), np.mean(public)


def test_lt_thresholds_are_fresh_and_independent_node_by_node():
    # 0 -> 1 and 0 -> 2, plus an arc from the unseeded node 3 into each: nodes 1 and 2
    # get weight 1/2 from node 0, so each adopts when its threshold is at most 1/2
    G = nx.DiGraph([(0, 1), (0, 2), (3, 1), (3, 2)])
    runs = 20_000
    sim = CascadeSimulator(G, "lt", seed=4)
    outcomes = []
    for _ in range(runs):
        sim.run([0])
        outcomes.append((1 in sim.active, 2 in sim.active))
    outcomes = np.array(outcomes)
    for freq, prob in [(outcomes[:, 0].mean(), 0.5), (outcomes[:, 1].mean(), 0.5),
                       (outcomes.all(axis=1).mean(), 0.25)]:
        assert abs(freq - prob) <= 4 * np.sqrt(prob * (1 - prob) / runs), (freq, prob)


def test_deterministic_runs_give_the_public_functions_result():
    G = nx.gnp_random_graph(40, 0.1, seed=5, directed=True)
    net = compile_network(G)
    coins = np.random.default_rng(5).random(len(net.indices))
    live = (coins <= 0.3).astype(float)  # fixed coins as per-arc probabilities 0 or 1
    sim = CascadeSimulator(net, "ic", p=live)
    sim.run([0, 1])
    assert sim.result() == independent_cascade(net, [0, 1], 0.3, coins=coins)
    assert sim.active == sim.result().active and sim.spread == len(sim.active)

    H = nx.karate_club_graph()
    sim = CascadeSimulator(H, "lt", thresholds=0.3)
    assert sim.run([0, 33]) == linear_threshold(H, [0, 33], thresholds=0.3).spread
    assert sim.result() == linear_threshold(H, [0, 33], thresholds=0.3)


def test_same_seed_same_sequence_of_runs():
    G = nx.barabasi_albert_graph(500, 2, seed=1)
    for model in ("ic", "lt"):
        a = CascadeSimulator(G, model, p=0.2, seed=7)
        b = CascadeSimulator(G, model, p=0.2, seed=7)
        c = CascadeSimulator(G, model, p=0.2, seed=8)
        runs_a = [(a.run([0, 1]), a.active) for _ in range(30)]
        runs_b = [(b.run([0, 1]), b.active) for _ in range(30)]
        runs_c = [(c.run([0, 1]), c.active) for _ in range(30)]
        assert runs_a == runs_b, f"{model}: the same seed must give the same runs"
        assert runs_a != runs_c, f"{model}: another seed should give other runs"
        assert len({size for size, _ in runs_a}) > 1, f"{model}: runs should differ from each other"
    gen = np.random.default_rng(4)
    first = [CascadeSimulator(G, "ic", 0.2, seed=gen).run([0]) for _ in range(20)]
    assert len(set(first)) > 1, "a Generator passed again gives fresh randomness"


def test_work_arrays_are_restored_between_runs():
    # IC: if run 1 left its flags set, seed 2 would count as active already
    sim = CascadeSimulator(nx.DiGraph([(0, 1), (1, 2)]), "ic", p=1.0)
    assert sim.run([0]) == 3
    assert sim.run([2]) == 1 and sim.active == {2} and sim.rounds == 0
    # LT on a star, thresholds 1/2: leaf 1 gives the centre 1/3; had that stayed, leaf 2's
    # 1/3 would push the centre over and bring in the others
    sim = CascadeSimulator(nx.star_graph(3), "lt", thresholds=0.5)
    assert sim.run([1]) == 1
    assert sim.run([2]) == 1 and sim.active == {2}
    # the public functions share one set of work arrays per network
    net = compile_network(nx.path_graph(5))
    assert independent_cascade(net, [0], 1.0).spread == 5
    assert independent_cascade(net, [3], 0.0).active == {3}
    assert linear_threshold(net, [0, 1], seed=1).spread >= 2
    star = compile_network(nx.star_graph(3))
    assert linear_threshold(star, [1], thresholds=0.5).spread == 1
    assert linear_threshold(star, [2], thresholds=0.5).active == {2}


def test_seeds_are_set_once_or_per_run():
    sim = CascadeSimulator(nx.DiGraph([(0, 1), (1, 2)]), "ic", p=1.0)
    seeds = [2]
    assert sim.run(seeds) == 1
    seeds[0] = 0  # the same list, changed: must not reuse the old rows
    assert sim.run(seeds) == 3
    assert sim.set_seeds(1).run() == 2
    assert sim.run() == 2 and sim.run((2,)) == 1


def test_labels_that_are_not_row_numbers():
    G = nx.relabel_nodes(nx.path_graph(3), {0: "a", 1: "b", 2: "c"})
    sim = CascadeSimulator(G, "ic", p=1.0)
    assert sim.run(["a"]) == 3
    assert sim.active == {"a", "b", "c"}
    assert sim.result().adoption_curve == (1, 2, 3)


@pytest.mark.parametrize(
    "make, error, words",
    [
        (lambda G: CascadeSimulator(G, "sir"), ValueError, "model must be one of"),
        (lambda G: CascadeSimulator(G, "ic", p=1.5), ValueError, "p must be at most 1"),
        (lambda G: CascadeSimulator(G, "ic", p=[0.1, 0.2]), ValueError, "p must have one value per arc"),
        (lambda G: CascadeSimulator(G, "ic", thresholds=0.5), ValueError, "options of model='lt'"),
        (lambda G: CascadeSimulator(G, "lt", weights=0.9), ValueError, "sum to at most 1"),
        (lambda G: CascadeSimulator(G, "lt", thresholds=[0.5]), ValueError, "thresholds must have one value per node"),
        (lambda G: CascadeSimulator(G, "ic", seed=-1), ValueError, "seed must be a non-negative"),
        (lambda G: CascadeSimulator(G, "ic").run([9]), ValueError, "seeds contains 9"),
        (lambda G: CascadeSimulator(G, "ic").set_seeds(["x"]), ValueError, "seeds contains 'x'"),
        (lambda G: CascadeSimulator(G, "ic").run(), ValueError, "seeds: give them"),
        (lambda G: CascadeSimulator(G, "ic").result(), RuntimeError, "call run"),
    ],
)
def test_bad_input_names_the_parameter(make, error, words):
    with pytest.raises(error, match=words):
        make(nx.path_graph(3))


def test_locked_while_student_code_is_checked():
    G = nx.path_graph(3)
    sim = CascadeSimulator(G, "ic", p=0.5, seed=1)
    with student_code_under_test(), pytest.raises(ReferenceLockedError, match="CascadeSimulator"):
        CascadeSimulator(G, "ic", p=0.5)
    assert sim.run([0]) >= 1
