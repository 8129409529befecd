"""Check-yourself questions for the opinion lessons (04 to 06), used with
:func:`course_lib.explore.quiz`.

Each question is a dict with ``question``, ``options``, ``answer`` (index of the right
option) and ``explain`` (shown after any choice, right or wrong).
"""
from __future__ import annotations

__all__ = ["OPINIONS_EMPOWERMENT", "PUSH_BACK", "KELMAN"]

OPINIONS_EMPOWERMENT = [
    {
        "question": (
            "In DeGroot's model everyone keeps averaging what they hear. On a connected "
            "network where everybody also keeps a little weight on their own view, where do "
            "opinions end?"
        ),
        "options": [
            "At the plain average of the initial opinions",
            "At one shared opinion, a weighted average in which some people count more",
            "Nowhere: they keep changing forever",
        ],
        "answer": 1,
        "explain": (
            "Everybody ends up agreeing, and the consensus weighs each initial opinion by "
            "that person's social power: how much others listen to them, directly and "
            "through others. It is the plain average only when everyone has the same power."
        ),
    },
    {
        "question": (
            "In the Friedkin–Johnsen model one person's susceptibility drops from 0.8 to 0.2. "
            "What happens to their influence centrality?"
        ),
        "options": [
            "It falls: they listen less, so they matter less",
            "It rises: they hold on to their own view, and others who listen to them carry it on",
            "It stays the same: susceptibility only changes what they think",
        ],
        "answer": 1,
        "explain": (
            "A less susceptible person keeps more of their initial opinion, and everybody who "
            "listens to them passes that opinion on. Being swayed less makes them sway more."
        ),
    },
    {
        "question": (
            "A company gives a customer a badge that makes others weigh their posts more "
            "(voice), without changing how easily the customer is persuaded. Which part of "
            "the model changes?"
        ),
        "options": [
            "The customer's susceptibility",
            "The weights other people give the customer in W",
            "Nothing: a badge is not empowerment",
        ],
        "answer": 1,
        "explain": (
            "Voice changes the columns of W (how much others listen to the customer); "
            "independence changes the customer's susceptibility (how much they listen). "
            "Both raise influence centrality; neither says which way the customer's "
            "opinion points."
        ),
    },
    {
        "question": (
            "The company's voice reaches a critic (first opinion 0.2) with weight 0.5. Then the "
            "company also empowers her (her susceptibility falls from 0.8 to 0.2). What happens "
            "to her opinion at rest?"
        ),
        "options": [
            "It rises further: both levers push the same way",
            "It falls back towards 0.2: an empowered consumer discounts the company too",
            "Nothing: the two levers act on different people",
        ],
        "answer": 1,
        "explain": (
            "Influence sits in her row of W (whom she listens to), empowerment in her "
            "susceptibility (how much she listens at all). Lower susceptibility makes her hold "
            "her own first view, against her friends and against the company: in lesson 04 "
            "Ana goes from 0.63 back to 0.29. Empower advocates; influence critics."
        ),
    },
    {
        "question": "If nobody is stubborn (every susceptibility is 1), what is the Friedkin–Johnsen equilibrium?",
        "options": [
            "There is no unique one: the model is DeGroot's, and the consensus depends on where everybody started",
            "Everybody keeps their initial opinion",
        ],
        "answer": 0,
        "explain": (
            "With susceptibility 1 nobody stays anchored to their initial opinion; the "
            "matrix I − ΛW cannot be inverted, and course_lib says so instead of returning "
            "a number."
        ),
    },
]

PUSH_BACK = [
    {
        "question": (
            "Why does a larger panel q make agreement fragile when consumers resist by "
            "independence, but robust when they resist by anticonformity?"
        ),
        "options": [
            "Independents act whatever the panel says, while conformists and anticonformists "
            "both need a unanimous panel, which is rarer in a larger group",
            "In larger groups there are fewer anticonformists",
            "Larger panels turn independents into conformists",
        ],
        "answer": 0,
        "explain": (
            "In a split market a unanimous panel of q is rare (2 × 2^−q), which slows "
            "conformists and anticonformists alike. Independents flip their coin anyway, so "
            "with large panels a few of them suffice to keep the market split."
        ),
    },
    {
        "question": (
            "Independence, q = 8, p = 0.08. One market starts unanimous, another evenly "
            "split. Where do they end?"
        ),
        "options": [
            "Both end ordered",
            "Both end split",
            "The unanimous one stays mostly ordered, the split one stays split",
        ],
        "answer": 2,
        "explain": (
            "Between the two edges of the window (the spinodals, p from about 0.052 to 0.105) "
            "both states are stable: the market remembers where it came from. That is hysteresis."
        ),
    },
    {
        "question": (
            "A broadcast campaign reaches a market where consumers anticonform 70% of the "
            "time (p = 0.7). What does it do to the share who buy?"
        ),
        "options": [
            "Raises it a little",
            "Nothing",
            "Lowers it, and the stronger the campaign the lower it goes",
        ],
        "answer": 2,
        "explain": (
            "Every time the campaign is heard, a conformist moves towards buying and an "
            "anticonformist away from it. At an even split the net push is (1 − 2p) × "
            "strength / 2, negative for p above 1/2: the campaign backfires."
        ),
    },
    {
        "question": (
            "Consumers resist by independence, 60% of the time. The campaign gets stronger. "
            "What happens?"
        ),
        "options": [
            "It backfires",
            "It helps, but less than in a conforming market: independents never hear it",
            "It flips the whole market",
        ],
        "answer": 1,
        "explain": (
            "Independents ignore peers and campaign alike, so only the conformist share "
            "1 − p responds. The campaign never backfires on independents; it fizzles as "
            "independence grows."
        ),
    },
    {
        "question": (
            "Few nonconformists (anticonformity, p = 0.2, q = 4) and a brand holding 20% of "
            "the market. A weak broadcast campaign (strength 0.025) starts. What happens?"
        ),
        "options": [
            "It flips the market",
            "It barely moves it: conformity locks the majority in until the campaign passes a threshold",
            "It backfires",
        ],
        "answer": 1,
        "explain": (
            "In an ordered market, conformity holds the majority in place. A campaign below "
            "the threshold moves the brand only a few points; just above it, the market tips "
            "to the brand's side."
        ),
    },
    {
        "question": (
            "Panels of q = 4. In one market everyone acts independently 30% of the time; in "
            "another, 30% of the consumers always act independently and the rest always "
            "conform. Which keeps a clear majority?"
        ),
        "options": [
            "Both split: 30% independence is 30% independence",
            "Only the market with fixed independents: its conformists follow the balance of "
            "unanimous panels, and agreement lasts until three quarters are independents",
            "Only the market where everyone is sometimes independent",
        ],
        "answer": 1,
        "explain": (
            "When everyone is sometimes independent, every consumer keeps getting a coin flip "
            "while unanimous panels are rare: agreement breaks at p* = 3/11. Fixed "
            "independents only dilute the panels, and the conformists still order: agreement "
            "lasts up to (q − 1)/q = 0.75. For anticonformity the two markets end the same."
        ),
    },
    {
        "question": (
            "60% of consumers are empowered and always resist; none of them is certain of "
            "their attitude, and opinions are posted in public. A broadcast campaign grows "
            "stronger. What happens to the share who buy?"
        ),
        "options": [
            "It rises: 40% conformists follow the campaign",
            "It falls: the uncertain empowered anticonform and outnumber the conformists",
            "It does not move: resisters ignore campaigns",
        ],
        "answer": 1,
        "explain": (
            "Uncertain empowered consumers resist by reactance (Mourali & Yang 2013): they "
            "anticonform. Every time the campaign is heard it wins a conformist and repels an "
            "anticonformist, and there are more anticonformists (60%) than conformists (40%), "
            "so it backfires. With the same talk in private, reactance and the backfire vanish."
        ),
    },
]

KELMAN = [
    {
        "question": (
            "Kelman (1958) names three processes of social influence. Which one changes what a "
            "person says but not what they believe?"
        ),
        "options": ["Compliance", "Identification", "Internalization"],
        "answer": 0,
        "explain": (
            "Compliance is acting to win approval or avoid disapproval: the expressed opinion "
            "moves, the private one need not. Identification and internalization both change "
            "the private opinion: identification because a valued group holds the view, "
            "internalization because the view fits one's own values."
        ),
    },
    {
        "question": (
            "In the model, Kira comes to value a reference group and gives its expressed opinions "
            "more weight in her private update (resilience 1). What moves?"
        ),
        "options": [
            "Only what she says",
            "What she thinks, and what she says with it",
            "Nothing until she is pressed to conform",
        ],
        "answer": 1,
        "explain": (
            "Identification acts on the private opinion, through whom she listens to; with "
            "resilience 1 she says what she thinks, so both move towards the group. Compliance "
            "(resilience below 1) is the process that moves what she says more than what she thinks."
        ),
    },
    {
        "question": (
            "In the expressed–private model, a person's resilience falls from 0.9 to 0.1. What "
            "happens to the gap between what they say and what they think?"
        ),
        "options": [
            "It shrinks",
            "It grows: they echo the public opinion more and their own view less",
            "Resilience only changes private opinions",
        ],
        "answer": 1,
        "explain": (
            "Resilience is how much of the expressed opinion comes from the private one; the "
            "rest follows the public opinion. Low resilience means saying what others say."
        ),
    },
    {
        "question": "What does the model show that makes pluralistic ignorance possible?",
        "options": [
            "Expressed opinions agree more than private opinions do, so a reader who takes what "
            "is said for what is thought overstates agreement",
            "Nobody has an opinion",
            "Private opinions agree more than expressed ones",
        ],
        "answer": 0,
        "explain": (
            "Each expressed opinion is pulled towards the public opinion, so the spread of what "
            "is said is smaller than the spread of what is thought. The misperception itself "
            "(what people believe others think) is not a variable of the model."
        ),
    },
    {
        "question": (
            "A brand runs review campaigns that make customers publicly echo the majority "
            "(low resilience). Why might its sales not follow the glowing reviews?"
        ),
        "options": [
            "Reviews never matter",
            "Compliance moved what people say; if purchases follow what they privately think, "
            "those moved less",
            "Private opinions moved further than the reviews",
        ],
        "answer": 1,
        "explain": (
            "Expressed opinions can converge while private ones stay apart. Sales that depend on "
            "private opinions (an assumption outside the model) lag behind the public picture: "
            "compliance is not internalization."
        ),
    },
]
