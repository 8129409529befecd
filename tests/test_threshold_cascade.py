"""The threshold cascade: hand-computed cases, an independent implementation, properties."""
import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.cascades import threshold_cascade
from course_lib.networks import compile_network


def naive_cascade(G, theta, seeds):
    """Plain-Python synchronous rounds, written from the model's definition."""
    active = set(seeds)
    rounds = 0
    while True:
        new = set()
        for v in G:
            if v in active:
                continue
            k = G.degree(v)
            frac = sum(u in active for u in G[v]) / k if k else 0.0
            if frac >= theta[v] - 1e-9:
                new.add(v)
        if not new:
            return active, rounds
        active |= new
        rounds += 1


@st.composite
def graphs_thresholds_seeds(draw):
    n = draw(st.integers(1, 25))
    p = draw(st.floats(0.0, 0.6))
    G = nx.gnp_random_graph(n, p, seed=draw(st.integers(0, 10_000)))
    grid = st.sampled_from([0.0, 0.1, 0.2, 0.25, 0.3, 1 / 3, 0.5, 2 / 3, 0.7, 1.0])
    theta = {v: draw(st.one_of(grid, st.floats(0, 1))) for v in G}
    seeds = draw(st.sets(st.sampled_from(list(G)), max_size=n))
    return G, theta, seeds


@given(graphs_thresholds_seeds())
def test_matches_independent_implementation(case):
    G, theta, seeds = case
    result = threshold_cascade(G, theta, seeds)
    expected, rounds = naive_cascade(G, theta, seeds)
    assert result.active == expected
    assert result.rounds == rounds
    assert result.spread == len(expected) and result.fraction == len(expected) / len(G)


@given(graphs_thresholds_seeds(), st.data())
def test_monotone_in_seed_set(case, data):
    G, theta, seeds = case
    extra = data.draw(st.sets(st.sampled_from(list(G)), max_size=3))
    small = threshold_cascade(G, theta, seeds).active
    large = threshold_cascade(G, theta, seeds | extra).active
    assert small <= large, "adding seeds can never shrink the cascade"


@given(graphs_thresholds_seeds(), st.floats(0, 0.5))
def test_monotone_in_thresholds(case, drop):
    G, theta, seeds = case
    lower = {v: max(0.0, t - drop) for v, t in theta.items()}
    assert threshold_cascade(G, theta, seeds).active <= threshold_cascade(G, lower, seeds).active


@given(graphs_thresholds_seeds())
def test_sizes_within_bounds_and_curve_consistent(case):
    G, theta, seeds = case
    r = threshold_cascade(G, theta, seeds)
    assert set(seeds) <= r.active and len(seeds) <= r.spread <= len(G)
    assert r.adoption_curve[0] == len(seeds) and r.adoption_curve[-1] == r.spread
    assert len(r.adoption_curve) == r.rounds + 1
    assert all(b > a for a, b in zip(r.adoption_curve, r.adoption_curve[1:]))


def test_hand_computed_cases():
    star = nx.star_graph(4)  # hub 0, leaves 1..4
    # a leaf has one neighbour, so any threshold <= 1 activates it once the hub is on
    assert threshold_cascade(star, 1.0, [0]).active == {0, 1, 2, 3, 4}
    # the hub sees 1 of 4 leaves: threshold 0.25 is enough, 0.26 is not
    assert threshold_cascade(star, 0.25, [1]).spread == 5
    assert threshold_cascade(star, 0.26, [1]).active == {1}
    # 0.28 * 25 is 7.000000000000001 in floating point; 7 of 25 must still be enough
    hub = nx.star_graph(25)
    assert 0.28 * 25 > 7
    assert 0 in threshold_cascade(hub, {v: 0.28 for v in hub}, range(1, 8)).active
    assert 0 not in threshold_cascade(hub, {v: 0.28 for v in hub}, range(1, 7)).active
    # two instigators with threshold 0 join in round 1 without any seed
    path = nx.path_graph(4)
    r = threshold_cascade(path, [0.0, 1.0, 1.0, 0.0], [])
    assert r.active == {0, 3} and r.rounds == 1
    # an isolated node never activates unless its threshold is 0
    lonely = nx.empty_graph(2)
    assert threshold_cascade(lonely, [1.0, 0.0], []).active == {1}


def test_threshold_forms_agree_and_labels_kept():
    G = nx.relabel_nodes(nx.karate_club_graph(), lambda v: f"member {v}")
    seeds = ["member 0", "member 33"]
    as_number = threshold_cascade(G, 0.3, seeds)
    as_list = threshold_cascade(G, [0.3] * 34, seeds)
    as_dict = threshold_cascade(G, {v: 0.3 for v in G}, seeds)
    compiled = threshold_cascade(compile_network(G), 0.3, seeds)
    assert as_number == as_list == as_dict == compiled
    assert all(isinstance(v, str) for v in as_number.active)


def test_to_frame():
    frame = threshold_cascade(nx.path_graph(4), 0.5, [0]).to_frame()
    assert frame["active"].tolist() == [1, 2, 3, 4]
    assert frame["new"].tolist() == [1, 1, 1, 1]


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        (dict(thresholds=[0.1, 0.2], seeds=[0]), ValueError, "one value per node"),
        (dict(thresholds=1.5, seeds=[0]), ValueError, "thresholds must be at most 1"),
        (dict(thresholds=[0.1, -0.2, 0.3], seeds=[0]), ValueError, "between 0 and 1"),
        (dict(thresholds="0.2", seeds=[0]), TypeError, "thresholds must be"),
        (dict(thresholds={0: 0.1, 1: 0.2}, seeds=[0]), ValueError, "no threshold for node 2"),
        (dict(thresholds=0.2, seeds=[5]), ValueError, "seeds contains 5"),
        (dict(thresholds=float("nan"), seeds=[0]), ValueError, "finite"),
    ],
)
def test_bad_input_names_parameter(kwargs, error, words):
    with pytest.raises(error, match=words):
        threshold_cascade(nx.path_graph(3), **kwargs)


def test_bad_graphs():
    with pytest.raises(ValueError, match="no nodes"):
        threshold_cascade(nx.Graph(), 0.2, [])
    with pytest.raises(ValueError, match="directed"):
        threshold_cascade(nx.DiGraph([(0, 1)]), 0.2, [0])


def test_large_cascade_on_poisson_network_is_global():
    from course_lib.networks import poisson_csr

    net = poisson_csr(20_000, 3, seed=5)
    sizes = [threshold_cascade(net, 0.18, [s]).spread for s in range(40)]
    # inside the window cascades are bimodal: tiny or most of the network
    assert max(sizes) > 0.8 * net.n
    assert all(s < 0.01 * net.n or s > 0.5 * net.n for s in sizes)
