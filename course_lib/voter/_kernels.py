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


def _unanimity_tables(n, q, repetition):
    """Chances of a unanimous up / down panel among the ``n - 1`` others, over the total
    ``U = 0 .. n`` up: ``(up, down)`` for a chosen agent who is down (the others hold
    ``U`` ups), then for one who is up (they hold ``U - 1``)."""
    U = np.arange(n + 1, dtype=np.float64)
    others = n - 1
    return (panel_probabilities(U, others, q, repetition),
            panel_probabilities(others - U, others, q, repetition),
            panel_probabilities(U - 1, others, q, repetition),
            panel_probabilities(others - (U - 1), others, q, repetition))


def complete_graph_tables(n, zealots, q, p, anti, field, repetition):
    """Exact one-update transition probabilities on the complete graph.

    Returns ``(t_up, t_down)``, arrays over ``U = 0 .. n``: ``t_up[U]`` is the
    probability that one elementary update turns a down agent up (a free down agent is
    chosen, probability ``(n - U) / n``, and switches), ``t_down[U]`` that it turns a
    free up agent down.
    """
    U = np.arange(n + 1, dtype=np.float64)
    h = field
    up_d, down_d, up_u, down_u = _unanimity_tables(n, q, repetition)
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


# ------------------------------------------------------------------ mixed (quenched) market
# Groups, in this order everywhere: conformists, independents, anticonformists.


def mixed_market_tables(n, q, field, repetition):
    """Exact one-update switching probabilities of the three groups on the complete graph.

    Returns an array ``(4, n + 1)`` over the total number ``U`` of up agents: row 0 the
    chance that a chosen *down conformist* turns up (the campaign, or a unanimous up
    panel among the ``n - 1`` others), row 1 that a down anticonformist turns up (a
    unanimous down panel, no campaign), row 2 that an up conformist turns down, row 3
    that an up anticonformist turns down. Independents need no table (a coin flip).
    """
    h = field
    up_d, down_d, up_u, down_u = _unanimity_tables(n, q, repetition)
    return np.stack([
        h + (1 - h) * up_d,
        (1 - h) * down_d,
        (1 - h) * down_u,
        h + (1 - h) * up_u,
    ])


@njit(cache=True)
def mixed_market_sweeps(up, sizes, table, uniforms, out):
    """Run ``len(out)`` sweeps of the market with fixed conformists, independents and
    anticonformists (complete graph, exact chain on the three counts of up agents).

    ``up`` (int64, three counts) is updated in place; ``sizes`` holds the three group
    sizes; ``table`` is :func:`mixed_market_tables`; ``uniforms`` holds two draws per
    update (which agent, then what it does). ``out[s, g]`` gets the number up in group
    ``g`` after sweep ``s``.
    """
    n = sizes[0] + sizes[1] + sizes[2]
    first_anti = sizes[0] + sizes[1]
    total = up[0] + up[1] + up[2]
    k = 0
    for s in range(out.shape[0]):
        for _ in range(n):
            i = int(uniforms[k] * n)
            r = uniforms[k + 1]
            k += 2
            if i < sizes[0]:
                g, is_up = 0, i < up[0]
            elif i < first_anti:
                g, is_up = 1, i - sizes[0] < up[1]
            else:
                g, is_up = 2, i - first_anti < up[2]
            if g == 1:  # an independent flips a fair coin
                change = (r < 0.5) != is_up
            elif is_up:
                change = r < table[2 + g // 2, total]
            else:
                change = r < table[g // 2, total]
            if change:
                d = -1 if is_up else 1
                up[g] += d
                total += d
        for g in range(3):
            out[s, g] = up[g]


@njit(cache=True, inline="always")
def _mixed_flow(xc, xi, xa, s_c, s_i, s_a, q, field):
    c = s_c * xc + s_i * xi + s_a * xa
    a = c ** q
    b = (1.0 - c) ** q
    towards_up = field + (1.0 - field) * a      # what moves a conformist up
    towards_down = (1.0 - field) * b            # ... and down; reversed for anticonformists
    return ((1.0 - xc) * towards_up - xc * towards_down,
            0.5 - xi,
            (1.0 - xa) * towards_down - xa * towards_up)


@njit(cache=True)
def mixed_mean_field_run(x, shares, q, field, sweeps, tol, out):
    """Integrate the three-group mean-field equations (time in sweeps) with fourth-order
    Runge-Kutta steps of a quarter sweep.

    ``x`` (float64, three shares up within each group) is updated in place; ``out[s]``
    gets the overall fraction up after sweep ``s + 1`` for the first ``len(out)`` sweeps.
    The run goes on for at most ``sweeps`` sweeps and stops early, once past ``len(out)``,
    when no group share moved by more than ``tol`` over a sweep. Returns the number of
    sweeps run.
    """
    s_c, s_i, s_a = shares[0], shares[1], shares[2]
    h = 0.25
    done = 0
    for sweep in range(sweeps):
        x0c, x0i, x0a = x[0], x[1], x[2]
        for _ in range(4):
            k1 = _mixed_flow(x[0], x[1], x[2], s_c, s_i, s_a, q, field)
            k2 = _mixed_flow(x[0] + h / 2 * k1[0], x[1] + h / 2 * k1[1], x[2] + h / 2 * k1[2],
                             s_c, s_i, s_a, q, field)
            k3 = _mixed_flow(x[0] + h / 2 * k2[0], x[1] + h / 2 * k2[1], x[2] + h / 2 * k2[2],
                             s_c, s_i, s_a, q, field)
            k4 = _mixed_flow(x[0] + h * k3[0], x[1] + h * k3[1], x[2] + h * k3[2],
                             s_c, s_i, s_a, q, field)
            for g in range(3):
                step = h / 6 * (k1[g] + 2 * k2[g] + 2 * k3[g] + k4[g])
                x[g] = min(max(x[g] + step, 0.0), 1.0)
        done = sweep + 1
        if sweep < out.shape[0]:
            out[sweep] = s_c * x[0] + s_i * x[1] + s_a * x[2]
        elif max(abs(x[0] - x0c), abs(x[1] - x0i), abs(x[2] - x0a)) < tol:
            break
    return done
