"""Check-yourself questions for lesson 07 (the consumer continuum), used with
:func:`course_lib.explore.quiz`.

Each question is a dict with ``question``, ``options``, ``answer`` (index of the right
option) and ``explain`` (shown after any choice, right or wrong).
"""
from __future__ import annotations

__all__ = ["CONSUMER_CONTINUUM"]

CONSUMER_CONTINUUM = [
    {
        "question": "In the Bass model, which coefficient stands for the company's own advertising?",
        "options": ["p, the coefficient of innovation", "q, the coefficient of imitation", "Neither"],
        "answer": 0,
        "explain": (
            "p reaches every consumer who has not adopted yet, whatever their friends do: that is "
            "direct influence. q works only through people who have already adopted (word of "
            "mouth), the indirect influence."
        ),
    },
    {
        "question": "Word of mouth is strong (q much larger than p). On which market does the closed-form "
                    "Bass curve predict adoption best?",
        "options": ["A clustered network where friends share friends", "A sparse random network",
                    "A market where everybody hears everybody"],
        "answer": 2,
        "explain": (
            "The closed form assumes every adopter talks to every non-adopter. On a sparse or "
            "clustered network the adopters' talk reaches only their own contacts, many of whom have "
            "already adopted, so take-off comes later than the formula says."
        ),
    },
    {
        "question": "A consumer is a competitor's customer. Which small extra effort, aimed at them, wins "
                    "the company the most time as a paying customer?",
        "options": ["More direct influence (marketing)", "More empowerment (support, a say)",
                    "Both help equally"],
        "answer": 0,
        "explain": (
            "Empowerment acts on customers (it turns them into advocates), so it does little for "
            "someone who is not buying yet. At the detractor end of the continuum it is influence "
            "that moves people; at the customer and advocate end it is empowerment."
        ),
    },
    {
        "question": "With the same levers, what does closing the loop of the decision journey change?",
        "options": [
            "Nothing: the same levers give the same market",
            "Advocates' reviews win new customers, so more of the market ends up buying",
            "Customers churn less",
        ],
        "answer": 1,
        "explain": (
            "In the linear funnel advocates' word of mouth reaches nobody; in the loop it enters other "
            "consumers' consideration. Churn and disappointment are the same in both; only the "
            "feedback differs, and it raises the share buying."
        ),
    },
    {
        "question": "A customer-relationship system counts everyone who has ever bought. As churn rises, "
                    "this count...",
        "options": ["tracks real customers more closely", "overstates real customers by more and more",
                    "understates real customers"],
        "answer": 1,
        "explain": (
            "An ex-customer keeps the mark 'has bought' after drifting back to unaware or to a "
            "competitor. The more customers churn, the wider the gap between the record and the "
            "people who are buying now."
        ),
    },
]
