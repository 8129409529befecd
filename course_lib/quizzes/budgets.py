"""Check-yourself questions for lesson 08 (budgets and community ROI), used with
:func:`course_lib.explore.quiz`.

Each question is a dict with ``question``, ``options``, ``answer`` (index of the right
option) and ``explain`` (shown after any choice, right or wrong). The numbers are the
model's outputs for its default market (:class:`course_lib.budgets.Market`), a budget of
1 per period.
"""
from __future__ import annotations

__all__ = ["BUDGETS"]

BUDGETS = [
    {
        "question": (
            "In the lesson's new-product market, what is the best constant share of the budget "
            "for empowerment if the company plans 4 periods ahead, and if it plans 52?"
        ),
        "options": ["0.5 for both", "0 for 4 periods, 0.5 for 52", "1 for 4 periods, 0 for 52",
                    "It depends only on the budget"],
        "answer": 1,
        "explain": (
            "A community needs the lag (2 periods) to start and more periods to grow, so over 4 "
            "periods empowerment cannot pay back and the model puts everything into influence. "
            "Over 52 periods the advocates' word of mouth and their support answers pay back, "
            "and the best split is half and half. The goal and the horizon decide the split: "
            "no budget without a strategy."
        ),
    },
    {
        "question": (
            "Over a year in a new market, the best two-phase plan leads with which lever?"
        ),
        "options": ["Empowerment first, then influence", "Influence first, then empowerment",
                    "Neither: a constant split is best"],
        "answer": 1,
        "explain": (
            "Early on there are few customers who could become advocates, but many people who "
            "have not bought yet: influence works on the many, empowerment on the few. After "
            "about 6 periods the ranking flips. In the established market (30% already buy) "
            "empowerment leads instead: there are customers to turn into advocates from day one."
        ),
    },
    {
        "question": (
            "The marginal value of influence falls below that of empowerment after a few "
            "periods. Why should a plan still keep some influence spend later on?"
        ),
        "options": [
            "Because the response is concave: the first units of influence in a period buy the most",
            "Because influence has no lag",
            "It should not: after the switch, all money should go to empowerment",
        ],
        "answer": 0,
        "explain": (
            "Each lever's response flattens as spend grows, so moving the last unit from "
            "influence to empowerment gains less and less. The best two-phase plan keeps 30% "
            "of the budget on influence in its second phase (and 30% on empowerment in its "
            "first): room for short-term moves."
        ),
    },
    {
        "question": (
            "With the even split over a year, what does the community save the company in "
            "support cost, against what the company still pays itself?"
        ),
        "options": ["Nothing: support always grows with customers",
                    "About 56 saved against about 24 paid",
                    "About 24 saved against about 56 paid"],
        "answer": 1,
        "explain": (
            "As the community grows it answers up to 80% of the questions, so the company's own "
            "support load peaks around period 15 and then falls while customers keep coming: "
            "the community's return on investment (community ROI)."
        ),
    },
    {
        "question": (
            "Cost per adoption says word of mouth costs 45.5 per customer and marketing 68.7 in "
            "the even split. What does this attribution leave out?"
        ),
        "options": [
            "Nothing, it is exact",
            "That advocates are recruited from customers marketing won, so the levers help each other",
            "That marketing has a lag",
        ],
        "answer": 1,
        "explain": (
            "Each new customer is charged to one lever, but the levers are complements: "
            "without the customers influence won there would be fewer advocates. The rule also "
            "ignores the support the community saves. Compare the plans' total value, not only "
            "cost per adoption."
        ),
    },
    {
        "question": "Which of these are assumptions of the model rather than results?",
        "options": [
            "The best share of 0.5 over 52 periods",
            "The lag of 2 periods and the spend of 1 that buys half of each lever's effect",
            "The switch at period 6",
        ],
        "answer": 1,
        "explain": (
            "The lag, the response curves' maxima and half-points, the word-of-mouth strength "
            "and the support costs are the Market's parameters: assumptions you can change. The "
            "best shares and switch periods are what the model computes from them."
        ),
    },
]
