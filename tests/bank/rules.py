"""The rules a bank's questions keep (issue 11 point 5, issue 10 point 4).

Each rule takes questions and returns one line per problem, naming the question; an empty
list means the rule holds. ``test_rules.py`` runs them on the bundled bank and
``test_rules_catch.py`` shows each one catching the flaw it was written for.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from topa_quiz.bank.model import Question

from .draws import Draw, draws, shown, stated_numbers
from .texts import all_texts, plain_style_endings, stating_texts

LONGEST_KEY_SHARE = 0.30
Rule = Callable[[list[Question]], list[str]]


def _computed(questions: Iterable[Question]) -> dict[str, tuple[Question, list[Draw]]]:
    return {q.id: (q, draws(q)) for q in questions if q.computed}


# ------------------------------------------------------------------ test-wise guessing
def longest_is_key(q: Question, lang: str) -> bool:
    """Is the key strictly longer than every other option?"""
    lengths = [len(o.text.get(lang)) for o in q.options]
    key = lengths[int(q.answer) - 1]
    return all(key > n for i, n in enumerate(lengths, 1) if i != q.answer)


def longest_key_share(questions: list[Question], lang: str) -> tuple[float, list[str]]:
    static = [q for q in questions if q.type == "choice" and not q.computed]
    hits = [q.id for q in static if longest_is_key(q, lang)]
    return len(hits) / max(len(static), 1), hits


# ------------------------------------------------------------- answers given away
def shared_draws(questions: list[Question]) -> list[str]:
    """Two computed questions that can draw the same inputs of the same calculation: one's
    answer is then the other's (compose-value and layers-choice both drew f = 2x, 3, 1)."""
    owners: dict[tuple[object, ...], set[str]] = defaultdict(set)
    for qid, (_, ds) in _computed(questions).items():
        for d in ds:
            owners[d.key].add(qid)
    pairs = {tuple(sorted(ids)) for ids in owners.values() if len(ids) > 1}
    return [f"{a} and {b} can draw the same inputs" for a, b, *_ in sorted(pairs)]


def _significant(value: float, decimals: int) -> int:
    digits = f"{abs(value):.{decimals}f}".replace(".", "").lstrip("0").rstrip("0")
    return len(digits)


def stated_answers(questions: list[Question]) -> list[str]:
    """A number written (3+ decimals, 3+ significant digits) where a learner reads it as given
    or true, equal to a key of another computed question of the same topic."""
    computed = _computed(questions)
    problems = []
    for q in questions:
        texts = [t.get(lang) for _, t in stating_texts(q) for lang in ("ko", "en")]
        for value, k in stated_numbers(texts):
            if _significant(value, k) < 3:
                continue
            for qid, (other, ds) in computed.items():
                m = min(k, other.decimals or 0)
                if qid == q.id or other.topic != q.topic or m < 3:
                    continue
                if any(f"{d.answer:.{m}f}" == f"{value:.{m}f}" for d in ds):
                    problems.append(f"{q.id} states {value}, a key of {qid}")
    return sorted(set(problems))


# ------------------------------------------------------------------ decimals and draws
def whole_number_keys(questions: list[Question]) -> list[str]:
    """Decimals asked of a key that is a whole number (four decimals of 8, 0/1 to 1 decimal)."""
    problems = []
    for qid, (q, ds) in _computed(questions).items():
        if not q.decimals:
            continue
        whole = sorted(
            {shown(q, d.answer) for d in ds if abs(d.answer - round(d.answer)) < 0.5 * 10**-q.decimals}
        )
        if whole:
            problems.append(f"{qid} asks {q.decimals} decimals of {', '.join(whole[:4])}")
    return problems


PIECEWISE = {"relu": "x", "leaky-relu": "x", "relu-derivative": "x", "step": "x"}


def one_sided_inputs(questions: list[Question]) -> list[str]:
    """A piecewise function asked only on one side of its kink (Leaky ReLU's α never
    mattering): the input must be negative in some draw, and for a step or a slope on both
    sides of the threshold."""
    problems = []
    for qid, (q, ds) in _computed(questions).items():
        if q.calc not in PIECEWISE:
            continue
        xs = []
        for d in ds:
            x = d.params.get("x")
            x = x[q.pick or 0] if isinstance(x, list) else x
            xs.append(float(x) - float(d.params.get("threshold", 0)))
        both = q.calc in ("step", "relu-derivative")
        if not any(x < 0 for x in xs) or (both and not any(x > 0 for x in xs)):
            problems.append(f"{qid} never draws an input on the side where the function differs")
    return problems


# ------------------------------------------------------------------------ Korean voice
def plain_style(questions: list[Question]) -> list[str]:
    """Korean prompts, options, explanations and whys end their sentences in 합쇼체."""
    return [
        f"{q.id} {name}: …{s[-20:]}"
        for q in questions
        for name, t in all_texts(q)
        for s in plain_style_endings(t.ko)
    ]


# one spelling per thing in Korean: (pattern, what to write instead)
TERMS = [
    (r"렐루", "ReLU / Leaky ReLU"),
    (r"아담", "Adam"),
    (r"피처", "특성"),
    (r"로젠블라트|프랑크 로젠", "프랭크 로젠블랫"),
    (r"루멜하트", "러멜하트"),
    (r"에폭", "에포크"),
    (r"옵티마이저", "최적화 함수"),
    (r"비 ?영점", "0 중심이 아닌"),
    (r"최대값|절대값|임계값|함수값|기대값", "최댓값, 절댓값, 임곗값, 함숫값, 기댓값"),
    (r"손실함수", "손실 함수"),
    (r"정규화\(Regularization\)|L[12] 정규화", "규제 (the notes' word)"),
]


def term_spelling(questions: list[Question]) -> list[str]:
    return [
        f"{q.id} {name}: '{m.group(0)}' (write {instead})"
        for q in questions
        for name, t in all_texts(q)
        for pattern, instead in TERMS
        for m in re.finditer(pattern, t.ko)
    ]


def option_periods(questions: list[Question]) -> list[str]:
    """Options end without a period, so 'option: why' reads cleanly wherever they are joined."""
    return [
        f"{q.id} option {i} ({lang}) ends with a period"
        for q in questions
        for i, o in enumerate(q.options, 1)
        for lang in ("ko", "en")
        if o.text.get(lang).rstrip().endswith(".")
    ]
