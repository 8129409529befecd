"""Compiled inner loops of the q-voter model.

Complete graph: the state is the number ``U`` of up agents (zealots included), and one
elementary update moves it to ``U + 1``, ``U - 1`` or leaves it, with probabilities
tabulated once per run (:func:`complete_graph_tables`). The uniforms that choose
among the three are drawn by the caller with a numpy Generator.

Network: the loop draws its own random numbers (how many depends on the agent's
type), so it seeds numba's generator from an integer the caller draws from its numpy
Generator: the same seed gives the same trajectory. The loop is serial, never threaded.
"""
from __future__ import annotations

import numpy as np
from numba import njit


def panel_probabilities(others_up, others, q, repetition):
    """Probability that a q-panel drawn from ``others`` agents, ``others_up`` of them up,
    is unanimously up (vectorised over ``others_up``).

    Without repetition this is the hypergeometric ``C(others_up, q) / C(others, q)``;
    with repetition ``(others_up / others) ** q``.
    """
    k = np.asarray(others_up, dtype=np.float64)
    if repetition:
        return (k / others) ** q
    prob = np.ones_like(k)
    for i in range(q):
        prob *= np.clip(k - i, 0.0, None) / (others - i)
    return prob


def complete_graph_tables(n, zealots, q, p, anti, field, repetition):
    """Exact one-update transition probabilities on the complete graph.

    Returns ``(t_up, t_down)``, arrays over ``U = 0 .. n``: ``t_up[U]`` is the
    probability that one elementary update turns a down agent up (a free down agent is
    chosen, probability ``(n - U) / n``, and switches), ``t_down[U]`` that it turns a
    free up agent down.
    """
    U = np.arange(n + 1, dtype=np.float64)
    others = n - 1
    h = field
    # chosen agent down: the other n - 1 agents hold U ups
    up_d = panel_probabilities(U, others, q, repetition)
    down_d = panel_probabilities(others - U, others, q, repetition)
    # chosen agent up: the others hold U - 1 ups
    up_u = panel_probabilities(U - 1, others, q, repetition)
    down_u = panel_probabilities(others - (U - 1), others, q, repetition)
    if anti:
        w_up = (1 - p) * (h + (1 - h) * up_d) + p * (1 - h) * down_d
        w_down = (1 - p) * (1 - h) * down_u + p * (h + (1 - h) * up_u)
    else:
        w_up = p / 2 + (1 - p) * (h + (1 - h) * up_d)
        w_down = p / 2 + (1 - p) * (1 - h) * down_u
    t_up = (n - U) / n * w_up
    t_down = np.clip(U - zealots, 0.0, None) / n * w_down
    return t_up, t_down


@njit(cache=True)
def complete_graph_sweeps(up, n, t_up, t_down, uniforms, out):
    """Run ``len(out)`` sweeps of ``n`` updates from ``up`` up agents; ``out[s]`` gets
    the fraction up after sweep ``s``. ``uniforms`` holds ``len(out) * n`` draws in
    [0, 1). Returns the final number up."""
    k = 0
    for s in range(out.shape[0]):
        for _ in range(n):
            r = uniforms[k]
            k += 1
            a = t_up[up]
            if r < a:
                up += 1
            elif r < a + t_down[up]:
                up -= 1
        out[s] = up / n
    return up


@njit(cache=True, inline="always")
def unanimous_probability(up, k, q, repetition):
    """Chance that a q-panel drawn from ``k`` neighbours, ``up`` of them up, is all up:
    ``C(up, q) / C(k, q)`` for distinct members, ``(up / k) ** q`` with repetition."""
    if repetition:
        return (up / k) ** q
    prob = 1.0
    for i in range(q):
        prob *= (up - i) / (k - i)
        if prob <= 0.0:
            return 0.0
    return prob


@njit(cache=True)
def network_sweeps(indptr, indices, state, frozen, q, p, anti, field, repetition, seed, out):
    """Random sequential q-voter updates on a network (CSR arrays).

    ``state`` (int8, 1 = up) is updated in place; ``frozen`` marks zealots, who never
    change. ``out[s]`` gets the fraction up after sweep ``s``. The rule of one update
    is that of :func:`course_lib.voter.qvoter_update`.

    The panel is not drawn member by member: each node keeps the number of its
    neighbours who are up, and one uniform decides "unanimous up", "unanimous down" or
    "split" with the exact probabilities of a random panel (the same distribution as
    drawing it). An update then costs O(1) whatever q; a switch costs O(degree).
    """
    np.random.seed(seed)
    n = indptr.shape[0] - 1
    up_neighbours = np.zeros(n, dtype=np.int32)
    up = 0
    for i in range(n):
        if state[i]:
            up += 1
            for e in range(indptr[i], indptr[i + 1]):
                up_neighbours[indices[e]] += 1
    for s in range(out.shape[0]):
        for _ in range(n):
            i = int(np.random.random() * n)
            if frozen[i]:
                continue
            # p = 0 or 1 (and field = 0 or 1) need no draw: numba's generator costs ~8 ns
            nonconformist = p > 0.0 and (p >= 1.0 or np.random.random() < p)
            new = -1
            if nonconformist and not anti:  # independent: ignores panel and campaign
                new = 1 if np.random.random() < 0.5 else 0
            elif field > 0.0 and (field >= 1.0 or np.random.random() < field):
                new = 0 if nonconformist else 1  # the campaign says "up"
            else:
                k = indptr[i + 1] - indptr[i]
                if k > 0:
                    u = up_neighbours[i]
                    r = np.random.random()
                    all_up = unanimous_probability(u, k, q, repetition)
                    if r < all_up:
                        new = 0 if nonconformist else 1
                    elif r < all_up + unanimous_probability(k - u, k, q, repetition):
                        new = 1 if nonconformist else 0
            if new >= 0 and new != state[i]:
                d = new - state[i]
                up += d
                state[i] = new
                for e in range(indptr[i], indptr[i + 1]):
                    up_neighbours[indices[e]] += d
        out[s] = up / n
