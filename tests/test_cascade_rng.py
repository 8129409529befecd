"""The generators behind the IC and LT kernels: xoshiro256** and keyed splitmix64.

Outputs are checked word for word against plain-Python transcriptions of the reference
C code (Blackman & Vigna; Steele, Lea & Flood); uniformity checks allow 4 standard
errors (a false alarm about once in 16,000 comparisons).
"""
import numpy as np
import pytest

from course_lib.cascades._rng import draw_keyed, draw_u64, draw_uniform, rng_state

MASK = 2**64 - 1


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def xoshiro256ss(state, k):
    """k outputs of xoshiro256** from a list of four ints (the reference next())."""
    s = list(state)
    out = []
    for _ in range(k):
        out.append(rotl(s[1] * 5 & MASK, 7) * 9 & MASK)
        t = s[1] << 17 & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
    return out


def splitmix64_mix(x):
    z = x & MASK
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9 & MASK
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB & MASK
    return z ^ (z >> 31)


def test_first_outputs_match_the_reference_algorithm():
    state = np.array([1, 2, 3, 4], dtype=np.uint64)
    # by hand: rotl(2 * 5, 7) * 9 = 1280 * 9; the second output happens to be 0
    assert draw_u64(state.copy(), 2).tolist() == [11520, 0]
    assert draw_u64(state.copy(), 1000).tolist() == xoshiro256ss([1, 2, 3, 4], 1000)
    words = rng_state(5).tolist()
    assert draw_u64(np.array(words, dtype=np.uint64), 1000).tolist() == xoshiro256ss(words, 1000)


def test_uniform_is_the_top_53_bits_scaled():
    words = rng_state(6).tolist()
    expected = [(x >> 11) * 2.0**-53 for x in xoshiro256ss(words, 1000)]
    assert draw_uniform(np.array(words, dtype=np.uint64), 1000).tolist() == expected


def test_keyed_uniform_is_splitmix64_at_position_i():
    key = 0x0123456789ABCDEF
    items = np.array([0, 1, 2, 7, 99_999, 5, 0])
    golden = 0x9E3779B97F4A7C15
    expected = [(splitmix64_mix(key + golden * (i + 1)) >> 11) * 2.0**-53 for i in items.tolist()]
    assert draw_keyed(np.uint64(key), items).tolist() == expected
    assert expected[0] == expected[-1], "the same item under the same key gets the same number"


def test_keyed_uniform_mean_and_neighbouring_items():
    n = 1_000_000
    u = draw_keyed(np.uint64(12345), np.arange(n))
    assert abs(u.mean() - 0.5) <= 4 * np.sqrt(1 / 12 / n), u.mean()
    # neighbouring items (node i and i + 1 in one cascade) must look independent:
    # P(both below 1/2) = 1/4, counted over n / 2 disjoint pairs
    pairs = n // 2
    both = np.mean((u[0::2] < 0.5) & (u[1::2] < 0.5))
    assert abs(both - 0.25) <= 4 * np.sqrt(0.25 * 0.75 / pairs), both
    # another key gives another, unrelated sequence
    v = draw_keyed(np.uint64(12346), np.arange(n))
    assert abs(np.corrcoef(u, v)[0, 1]) <= 4 / np.sqrt(n)


def test_state_comes_from_the_seeds_generator_through_splitmix64():
    raw = np.random.default_rng(9).bit_generator.random_raw(4).tolist()
    golden = 0x9E3779B97F4A7C15
    expected = [splitmix64_mix(x + golden * (i + 1)) for i, x in enumerate(raw)]
    assert rng_state(9).tolist() == expected


def test_same_seed_same_stream_and_generators_advance():
    assert draw_u64(rng_state(3), 50).tolist() == draw_u64(rng_state(3), 50).tolist()
    assert draw_u64(rng_state(3), 50).tolist() != draw_u64(rng_state(4), 50).tolist()
    gen = np.random.default_rng(3)
    assert rng_state(gen).tolist() != rng_state(gen).tolist(), "a Generator passed twice gives fresh states"
    assert rng_state(np.random.default_rng(3)).tolist() == rng_state(np.random.default_rng(3)).tolist()
    assert rng_state().tolist() != rng_state().tolist(), "seed=None gives a fresh stream every time"


def test_uniform_mean_and_histogram():
    n = 1_000_000
    u = draw_uniform(rng_state(11), n)
    assert u.min() >= 0.0 and u.max() < 1.0
    # the mean of n uniforms has standard error sqrt(1/12 / n), about 0.00029 here
    assert abs(u.mean() - 0.5) <= 4 * np.sqrt(1 / 12 / n), u.mean()
    # each of 20 equal bins holds Binomial(n, 1/20) draws: sd sqrt(n * 0.05 * 0.95), about 218
    counts = np.bincount((u * 20).astype(int), minlength=20)
    assert np.all(np.abs(counts - n / 20) <= 4 * np.sqrt(n * 0.05 * 0.95)), counts


@pytest.mark.parametrize("seed, error, words", [
    (-1, ValueError, "seed must be a non-negative"),
    (1.5, TypeError, "seed must be None"),
])
def test_bad_seed_names_the_parameter(seed, error, words):
    with pytest.raises(error, match=words):
        rng_state(seed)
