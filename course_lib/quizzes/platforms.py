"""Check-yourself questions for lesson 09 (platforms: voice, exit and mobilization),
used with :func:`course_lib.explore.quiz`.

Each question is a dict with ``question``, ``options``, ``answer`` (index of the right
option) and ``explain`` (shown after any choice, right or wrong).
"""
from __future__ import annotations

__all__ = ["PLATFORMS"]

PLATFORMS = [
    {
        "question": (
            "An operator removes 30% of complaints, well below the tipping point. What happens "
            "to the negative talk other consumers see, compared with removing none?"
        ),
        "options": [
            "It falls a little: fewer complaints stand on the platform, and few people leave",
            "It falls to zero",
            "It rises sharply: everyone leaves at once",
        ],
        "answer": 0,
        "explain": (
            "Below the tipping point most silenced consumers stay: their thresholds are not met. "
            "Removed complaints are not seen, so talk falls a little (0.134 to 0.112 in theory). "
            "The few who do leave are already talking louder outside."
        ),
    },
    {
        "question": "Why does the exit share jump, rather than rise smoothly, at the tipping point?",
        "options": [
            "Because the operator removes every complaint there",
            "Because each consumer who leaves pushes more silenced contacts over their thresholds: "
            "a chain reaction, as in Granovetter's riot",
            "Because loyal consumers leave first",
        ],
        "answer": 1,
        "explain": (
            "On the complete graph the exit share x settles where x = pioneers + pool * F(x), "
            "Granovetter's equilibrium. As suppression grows the silenced pool grows; at s* the "
            "small equilibrium disappears and the cascade runs to the large one."
        ),
    },
    {
        "question": "In the model, what does loyalty (Hirschman) do?",
        "options": [
            "It makes consumers never leave",
            "It lets a consumer put up with a few removed complaints before falling silent, "
            "so exit comes later and the tipping point moves to higher suppression",
            "It makes complaints reach more people",
        ],
        "answer": 1,
        "explain": (
            "With loyalty L a consumer is silenced only after L + 1 removals, so the silenced "
            "pool is (grievances) * s^(L+1). The tipping point moves from s* = 0.56 (L = 0) to "
            "0.75 (L = 1): loyalty delays exit, it does not prevent it."
        ),
    },
    {
        "question": (
            "A company wants less negative talk on and around its platform. Which lever does "
            "that without risking an exit cascade?"
        ),
        "options": [
            "Remove more complaints",
            "Answer complaints (community management)",
            "Both work the same way",
        ],
        "answer": 1,
        "explain": (
            "An answered complaint resolves the grievance: the consumer stays and the complaint "
            "is no longer negative talk. Nobody is silenced, so nobody exits. Removing "
            "complaints lowers talk only until the tipping point, then raises it far above the "
            "level without moderation."
        ),
    },
    {
        "question": "Which role in the model answers other users' complaints, like the operator would?",
        "options": ["Activist", "Designer", "Counsellor", "Discussant"],
        "answer": 2,
        "explain": (
            "Counsellors help other users: each answers a contact's standing complaint with some "
            "chance, which resolves it. Activists carry complaints further (larger reach); "
            "designers and discussants are more loyal to the platform."
        ),
    },
]
