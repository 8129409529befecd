"""Check-yourself questions for lessons 01 (consumer networks and influentials) and 03
(seeding a word-of-mouth campaign), used with :func:`course_lib.explore.quiz`.

Each question is a dict with ``question``, ``options``, ``answer`` (index of the right
option) and ``explain`` (shown after any choice, right or wrong).
"""
from __future__ import annotations

__all__ = ["NETWORKS_AND_INFLUENTIALS", "SEEDING"]

SEEDING = [
    {
        "question": (
            "Under the independent cascade model, why are people with many contacts more "
            "likely to adopt than people with few?"
        ),
        "options": [
            "They have lower thresholds by assumption",
            "Every adopting contact gets its own independent chance to convince them, and they have more contacts",
            "The model gives their contacts more weight",
        ],
        "answer": 1,
        "explain": (
            "In the independent cascade each adopting contact tries once, with probability p, "
            "whatever else happens. More contacts means more tries. Under the linear threshold "
            "model what counts is the share of contacts who adopted, so a hub needs many of "
            "them and is no easier to win than anyone else."
        ),
    },
    {
        "question": (
            "Greedy seeding picked 10 seeds reaching 48 people on average. Its guarantee says "
            "the best possible 10 seeds reach at most about how many?"
        ),
        "options": ["48", "About 76", "About 130", "There is no bound"],
        "answer": 1,
        "explain": (
            "Greedy reaches at least (1 − 1/e) ≈ 0.63 of the best, so the best is at most "
            "48 / 0.63 ≈ 76. In practice greedy is usually much closer to the best than the "
            "guarantee promises, as the 30-person check in the lesson showed."
        ),
    },
    {
        "question": "Why does each extra seed add fewer new adopters than the one before?",
        "options": [
            "Seeds get tired",
            "Later seeds reach people that earlier seeds already reach, and the best candidates were used first",
            "The probability p falls as the campaign grows",
        ],
        "answer": 1,
        "explain": (
            "That is submodularity: a seed's extra reach can only shrink as the seed set grows, "
            "because more of the people it would reach are already covered. It is what makes "
            "greedy's (1 − 1/e) guarantee hold."
        ),
    },
    {
        "question": (
            "All the best-connected people belong to one tight-knit group, and word of mouth is "
            "strong enough to fill that group from any one member. Which seeds waste the budget?"
        ),
        "options": [
            "20 random people",
            "The 20 best-connected people",
            "Greedy's 20 seeds",
        ],
        "answer": 1,
        "explain": (
            "One well-connected member already carries the campaign through the group; the "
            "other 19 reach the same people. Greedy measures each seed's extra reach, so it "
            "places a few seeds in the group and spends the rest on the other communities. "
            "Random seeds land mostly outside the group, which is why they can beat top degree."
        ),
    },
    {
        "question": (
            "Top degree and greedy give 70.4 and 72.1 adopters, with 95% intervals of about ±0.8 "
            "each (500 simulated cascades). What can you say?"
        ),
        "options": [
            "They are the same: the numbers are close",
            "Greedy is slightly but really better: the intervals do not overlap",
            "Nothing: simulations are random",
        ],
        "answer": 1,
        "explain": (
            "69.7–71.2 and 71.3–72.9 do not overlap, so more runs would not make the gap vanish. "
            "Whether 2% more adopters is worth greedy's extra computation is a business "
            "question, not a statistical one."
        ),
    },
    {
        "question": (
            "A messaging app is worth using only once at least 2 of your friends use it. With 5 free "
            "accounts to hand out on a network of tight circles of friends, which seeding is best?"
        ),
        "options": [
            "The 5 best-connected people, wherever they are",
            "5 friends of one another in one circle",
            "5 people chosen at random",
        ],
        "answer": 1,
        "explain": (
            "A fixed threshold of 2 friends is complex contagion: a lone seed convinces nobody, two "
            "seeds with common friends start a chain. Spread is then not submodular (two seeds "
            "together can gain more than the sum of each alone), greedy loses its guarantee, and a "
            "cluster beats scattered hubs (Centola & Macy 2007). Under the independent cascade or "
            "random thresholds the order reverses."
        ),
    },
]

NETWORKS_AND_INFLUENTIALS = [
    {
        "question": (
            "Four networks have the same number of people and the same mean number of contacts. "
            "In which do a few people have many times more contacts than the average?"
        ),
        "options": ["Poisson (random)", "Small world", "Scale-free", "Communities"],
        "answer": 2,
        "explain": (
            "Preferential attachment (newcomers link to people who already have many contacts) "
            "gives the scale-free network its heavy tail. In the other three almost everyone has "
            "between a third and three times the average."
        ),
    },
    {
        "question": (
            "Two scores have a rank correlation of 0.9 over all 2,000 people. What can you say "
            "about their top-10% lists?"
        ),
        "options": [
            "They share about 90% of their members",
            "They can share much less: the correlation is mostly about the 1,800 people outside the top",
            "They share nobody",
        ],
        "answer": 1,
        "explain": (
            "A correlation weighs every person equally. The top list is decided by a thin "
            "slice of people near the cut-off, where small disagreements swap people in and out. "
            "In the small-world network PageRank and degree correlate at 0.89 but their top 10% "
            "share only about half their members."
        ),
    },
    {
        "question": (
            "A platform reports that its influencers and its advocates overlap by over 75%. What "
            "do you need to know before you are impressed?"
        ),
        "options": [
            "Nothing: 75% is a high number",
            "How long the lists are compared with the whole community, and how much two unrelated lists would overlap",
            "Which software produced the lists",
        ],
        "answer": 1,
        "explain": (
            "Two unrelated top-50% lists already overlap by 50% on average; two top-1% lists by "
            "1%. In the lesson's simulated community, top-10% answerers and top-10% PageRank "
            "overlapped by over 75% only when everyone was equally helpful, so that network "
            "position alone decided who answered; with unequal helpfulness the overlap fell to about half."
        ),
    },
    {
        "question": (
            "Two people have 8 contacts each. One sits in the network's 3-shell, the other in its "
            "6-shell. On a network with many shells, whose word-of-mouth cascade is likely larger?"
        ),
        "options": ["The same: they have the same degree", "The one in the 6-shell", "The one in the 3-shell"],
        "answer": 1,
        "explain": (
            "The k-shell says how deep in the core a person sits: their contacts are themselves well "
            "connected, so a cascade started there finds more people to reach. In the lesson's "
            "heavy-tailed network cascades from people with 8 contacts reached about 38 people from "
            "shell 3 and 80 from shell 6 (Kitsak et al. 2010 found the same in real networks)."
        ),
    },
    {
        "question": (
            "Why can 208 users who are all connected to each other not be a random sample of "
            "20 million users with about 100 friends each?"
        ),
        "options": [
            "208 is too small a sample for any purpose",
            "A random 208 contain about 0.1 friendships on average, and connecting 208 people takes at least 207",
            "Random samples are always disconnected",
        ],
        "answer": 1,
        "explain": (
            "Each friendship has both ends among the 208 with a tiny probability. The expected "
            "number of ties inside a random sample is C(208, 2) × 100 / (20 million − 1) ≈ 0.1, "
            "so a connected random sample is practically impossible: the 208 were found by "
            "following ties."
        ),
    },
    {
        "question": (
            "A snowball sample starts from a random user and follows friendships. Compared with "
            "all users, the people in it have"
        ),
        "options": ["about the same number of friends", "more friends on average", "fewer friends on average"],
        "answer": 1,
        "explain": (
            "Following a tie lands on a person with a chance proportional to how many ties they "
            "have (the friendship paradox), so well-connected people are over-represented. In "
            "the lesson's scale-free network the snowball samples had nearly twice the average degree."
        ),
    },
]
