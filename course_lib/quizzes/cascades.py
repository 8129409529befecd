"""Check-yourself questions for lessons 00 (two levers) and 02 (threshold cascades),
used with :func:`course_lib.explore.quiz`.

Each question is a dict with ``question``, ``options``, ``answer`` (index of the right
option) and ``explain`` (shown after any choice, right or wrong).
"""
from __future__ import annotations

__all__ = ["START_HERE", "THRESHOLD_CASCADES"]

START_HERE = [
    {
        "question": "A company lets customers vote on next season's colours. Which lever is that?",
        "options": [
            "Influence only",
            "Empowerment only",
            "Empowerment, and it can also influence",
            "Neither",
        ],
        "answer": 2,
        "explain": (
            "Voting hands customers a decision (empowerment); the voters then talk about "
            "the product and feel ownership of it, which shapes what they and their "
            "friends think (influence). The levers are separate axes, so one act can move both."
        ),
    },
    {
        "question": "Are influence and empowerment opposite ends of one scale?",
        "options": ["Yes: more of one means less of the other", "No: they are independent axes"],
        "answer": 1,
        "explain": (
            "You can empower people so that they become more influential (superusers), or "
            "influence people so that they feel more empowered. Compare the two only for "
            "the same people and the same act."
        ),
    },
    {
        "question": "You run a simulation twice with seed=7 and get different numbers. What is wrong?",
        "options": [
            "Nothing, simulations are random",
            "Something else changed: a parameter, the code, or a seed left at None somewhere",
        ],
        "answer": 1,
        "explain": (
            "Every stochastic function in course_lib takes seed=; the same seed and the "
            "same parameters give the same result on any machine."
        ),
    },
]

THRESHOLD_CASCADES = [
    {
        "question": (
            "In Granovetter's crowd with thresholds 0, 1, 2, ..., 99, the person with "
            "threshold 1 is replaced by someone with threshold 2. How many riot?"
        ),
        "options": ["100", "About 50", "1", "0"],
        "answer": 2,
        "explain": (
            "The instigator (threshold 0) acts, but now nobody has threshold 1, so the chain "
            "breaks at once. Two crowds with almost the same people can behave completely "
            "differently: you cannot read the outcome from the average person."
        ),
    },
    {
        "question": (
            "Everyone has threshold φ = 0.18. Why do global cascades stop when the mean "
            "degree grows past about 5.8?"
        ),
        "options": [
            "People with many contacts are more stubborn by nature",
            "With many contacts, one active neighbour is less than 18% of them, so almost nobody is vulnerable",
            "Large networks break into pieces",
        ],
        "answer": 1,
        "explain": (
            "Everyone has the same threshold, but a node with more than 1/φ = 5.6 contacts "
            "needs two or more active neighbours. When such nodes are the majority, the "
            "vulnerable ones no longer form a connected cluster and a single seed cannot spread."
        ),
    },
    {
        "question": "And why are there no global cascades when the mean degree is below 1?",
        "options": [
            "The network falls apart into small pieces, so nothing can reach most people",
            "Thresholds are too high",
        ],
        "answer": 0,
        "explain": (
            "Below mean degree 1 a random network has no giant connected component: every "
            "cascade is trapped in a small piece, however easily people are influenced."
        ),
    },
    {
        "question": (
            "Inside the cascade window, how much larger are the cascades started by the "
            "best-connected 10% than those started by a random person, in our simulation?"
        ),
        "options": ["About 10 times", "About 1 to 2 times", "No cascades start from them"],
        "answer": 1,
        "explain": (
            "The multiplier stays modest inside the window: once the easily influenced "
            "form a connected critical mass, almost any seed that reaches them sets off the "
            "cascade. Influentials help most near the edges of the window, where cascades are rare."
        ),
    },
]
