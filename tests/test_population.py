"""course_lib.population: one consumer, read the same way by lessons 04 to 06.

The mappings are stated in the module (linear in empowerment, or a threshold); these
tests hold them to their statements: end points, monotone direction, ranges,
determinism of the drawn population, and the errors students see.
"""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib import opinions, population
from course_lib.experiments import opinions as lab
from course_lib.population import Consumers

fractions = st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30)


def test_hand_values_of_every_mapping():
    market = Consumers([0.0, 0.25, 1.0], certainty=[1.0, 0.2, 0.5])
    assert market.susceptibility() == pytest.approx([0.8, 0.65, 0.2])
    assert market.susceptibility(most=1.0, least=0.0) == pytest.approx([1.0, 0.75, 0.0])
    assert market.nonconformity() == pytest.approx([0.0, 0.25, 1.0])
    assert market.nonconformity(most=0.4) == pytest.approx([0.0, 0.1, 0.4])
    assert market.resilience() == pytest.approx([0.1, 0.325, 1.0])
    assert market.resistance().tolist() == ["independence", "anticonformity", "independence"]
    assert market.resistance(certain=0.6).tolist() == ["independence", "anticonformity", "anticonformity"]
    assert market.resisters().tolist() == [False, False, True]
    assert market.resisters(threshold=0.25).tolist() == [False, True, True]


def test_resister_shares_count_fixed_types_by_certainty():
    market = Consumers([0.9, 0.6, 0.5, 0.2, 0.0], certainty=[0.9, 0.1, 0.5, 0.1, 0.9])
    # resisters: the first three; certain among them: consumers 0 and 2
    assert market.resister_shares() == (0.4, 0.2)
    assert market.resister_shares(public=False) == (0.4, 0.0), "no reactance in private"
    assert market.resister_shares(threshold=0.7) == (0.2, 0.0)
    assert market.resister_shares(certain=0.95) == (0.0, 0.6)
    drawn = population.draw(1000, 0.5, seed=3)
    independent, anticonformist = drawn.resister_shares()
    assert independent + anticonformist == pytest.approx(drawn.resisters().mean())


@given(fractions)
def test_mappings_are_monotone_and_stay_in_range(values):
    market = Consumers(values)
    order = np.argsort(market.empowerment, kind="stable")
    s, p, phi = market.susceptibility(), market.nonconformity(), market.resilience()
    assert np.all(np.diff(s[order]) <= 1e-12), "the more empowered, the less susceptible"
    assert np.all(np.diff(p[order]) >= -1e-12), "the more empowered, the more nonconforming"
    assert np.all(np.diff(phi[order]) >= -1e-12), "the more empowered, the more resilient"
    assert np.all((0.2 - 1e-12 <= s) & (s <= 0.8 + 1e-12))
    assert np.all((0 <= p) & (p <= 1)) and np.all((0.1 - 1e-12 <= phi) & (phi <= 1 + 1e-12))
    resisters = market.resisters()
    assert resisters.dtype == bool and resisters.shape == (market.n,)
    # resisters are exactly the most empowered: nobody outside is more empowered than anyone inside
    if resisters.any() and (~resisters).any():
        assert market.empowerment[resisters].min() > market.empowerment[~resisters].max()


def test_lesson_04_numbers_come_out_of_the_default_mapping():
    # nobody empowered: everybody at 0.8; Kira fully empowered: 0.2, as lower_susceptibility gives
    G = lab.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    kira = Consumers(np.zeros(12)).empower(10, 1.0)
    assert kira.susceptibility() == pytest.approx(opinions.lower_susceptibility(W, 0.8, 10, 0.6))


def test_draw_is_deterministic_and_centred():
    a, b = population.draw(500, 0.3, seed=11), population.draw(500, 0.3, seed=11)
    assert np.array_equal(a.empowerment, b.empowerment) and np.array_equal(a.certainty, b.certainty)
    c = population.draw(500, 0.3, seed=12)
    assert not np.array_equal(a.empowerment, c.empowerment)
    g1, g2 = np.random.default_rng(3), np.random.default_rng(3)
    assert np.array_equal(population.draw(50, seed=g1).empowerment, population.draw(50, seed=g2).empowerment)
    big = population.draw(20000, 0.3, mean_certainty=0.7, seed=1)
    # Beta(1.2, 2.8): standard deviation 0.205, so the mean of 20000 is within 0.01 of 0.3
    assert abs(big.empowerment.mean() - 0.3) < 0.01 and abs(big.certainty.mean() - 0.7) < 0.01
    assert np.all((big.empowerment >= 0) & (big.empowerment <= 1))
    tight = population.draw(20000, 0.3, concentration=200.0, seed=1)
    assert tight.empowerment.std() < 0.05 < big.empowerment.std()
    assert np.all(population.draw(5, 0.0, seed=1).empowerment == 0.0)
    assert np.all(population.draw(5, 1.0, seed=1).empowerment == 1.0)


def test_population_is_read_only_and_empower_returns_a_copy():
    market = Consumers([0.1, 0.2], certainty=[0.3, 0.9])
    with pytest.raises(ValueError):
        market.empowerment[0] = 0.5
    richer = market.empower([0], 0.9)
    assert market.empowerment.tolist() == [0.1, 0.2] and richer.empowerment.tolist() == [0.9, 0.2]
    assert richer.certainty.tolist() == [0.3, 0.9]
    frame = market.to_frame()
    assert frame.columns.tolist() == ["consumer", "empowerment", "certainty", "susceptibility",
                                      "nonconformity", "resistance", "resilience"]
    assert frame.susceptibility.tolist() == pytest.approx(market.susceptibility().tolist())
    assert Consumers([0.5]).certainty.tolist() == [0.5]


@pytest.mark.parametrize("make, error, pattern", [
    (lambda: Consumers([0.5, 1.5]), ValueError, "empowerment must lie between 0 and 1"),
    (lambda: Consumers([]), ValueError, "empowerment is empty"),
    (lambda: Consumers("high"), TypeError, "empowerment must be a sequence"),
    (lambda: Consumers([0.5], certainty=[0.1, 0.2]), ValueError, "certainty must have one value per node"),
    (lambda: Consumers([0.5]).susceptibility(most=0.2, least=0.5), ValueError, "least must be at most most"),
    (lambda: Consumers([0.5]).resilience(most=1.2), ValueError, "most must be at most 1"),
    (lambda: Consumers([0.5]).resisters(threshold=-0.1), ValueError, "threshold must be at least 0"),
    (lambda: Consumers([0.5]).empower([3]), ValueError, "agents must be between 0 and 0"),
    (lambda: Consumers([0.5]).empower([0], 2.0), ValueError, "empowerment must be at most 1"),
    (lambda: population.draw(0), ValueError, "n must be at least 1"),
    (lambda: population.draw(5, 1.2), ValueError, "mean_empowerment must be at most 1"),
    (lambda: population.draw(5, concentration=0.0), ValueError, "concentration must be greater than 0"),
    (lambda: population.draw(5, seed=-1), ValueError, "seed must be a non-negative"),
])
def test_bad_input_names_the_parameter(make, error, pattern):
    with pytest.raises(error, match=pattern):
        make()
