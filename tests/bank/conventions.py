"""Rules for what a question must state, and claims a true text must not make.

Each rule was written for a flaw found in the bank (issue 11 point 4); each returns one
line per problem (see ``rules.py``).
"""

from __future__ import annotations

import re

from topa_quiz.bank.model import Question

from .texts import sentences, true_texts


def _both(q: Question, pattern: str) -> bool:
    """Does the prompt say ``pattern`` (a regex) in both languages?"""
    return all(re.search(pattern, q.prompt.get(lang)) for lang in ("ko", "en"))


# a distractor that flips one of these parameters is a convention the prompt must state
CONVENTION_WORDS = {
    "bias_correction": r"편향 보정|bias correction",
    "half": r"λ·Σ",
    "logits": r"확률|probabilit",
    "reduction": r"평균|mean",
    "dampening": r"μ·b \+ g",
}


def unstated_conventions(questions: list[Question]) -> list[str]:
    """A distractor computed from another convention (Adam without bias correction) while the
    prompt never says which convention holds."""
    problems = []
    for q in questions:
        for d in q.distractors:
            for param in set(d.params) & set(CONVENTION_WORDS):
                if not _both(q, CONVENTION_WORDS[param]):
                    problems.append(
                        f"{q.id}: a distractor changes '{param}' but the prompt does not state it"
                    )
    return sorted(set(problems))


START_STATE = {
    "adam": (r"m₀ = v₀ = 0", ("m", "v")),
    "adamw": (r"m₀ = v₀ = 0", ("m", "v")),
    "momentum": (r"b₁ = g₁", ("buffer", "velocity")),
    "rmsprop": (r"v₀ = 0", ()),
    "adagrad": (r"G₀ = 0", ()),
}


def unstated_optimizer_state(questions: list[Question]) -> list[str]:
    """An optimizer question whose answer assumes a fresh state (AdamW 'part-way through
    training' with m = v = 0) must say so, unless the state is given."""
    problems = []
    for q in questions:
        if q.calc not in START_STATE:
            continue
        words, given = START_STATE[q.calc]
        if not set(given) & set(q.params) and not _both(q, words):
            problems.append(f"{q.id}: the prompt does not state the starting state ({words})")
    return problems


def unstated_decay_order(questions: list[Question]) -> list[str]:
    """AdamW with weight decay: the order of decay and update changes the answer."""
    return [
        f"{q.id}: the prompt does not say the decay θ ← θ − ηλθ comes first"
        for q in questions
        if q.calc == "adamw" and q.params.get("weight_decay", 0.01) != 0 and not _both(q, r"θ ← θ − ηλθ")
    ]


def unstated_update_rule(questions: list[Question]) -> list[str]:
    """How weights move in one update depends on the optimizer: name it."""
    return [
        f"{q.id}: the prompt describes an update's direction without naming the update rule"
        for q in questions
        if re.search(r"update|zigzag", q.prompt.en, re.I)
        and re.search(r"direction|zigzag|all up|together", q.prompt.en, re.I)
        and not _both(q, r"SGD|경사하강법|gradient descent|θ ← θ − η·g")
    ]


def unstated_defaults(questions: list[Question]) -> list[str]:
    """'Behaves exactly like' about a library class is true or false only for a setting."""
    return [
        f"{q.id}: the prompt compares library classes without stating the setting"
        for q in questions
        if re.search(r"torch\.\w+\.\w+", q.prompt.en)
        and re.search(r"exactly|the same as|same way", q.prompt.en)
        and not _both(q, r"기본|default")
    ]


def undefined_mean(questions: list[Question]) -> list[str]:
    """ȳ without the data it is the mean of (R² is negative against the evaluated data's mean)."""
    return [
        f"{q.id}: ȳ is not said to be the mean of the evaluated data"
        for q in questions
        if "ȳ" in q.prompt.en
        and not re.search(r"\[|\{y_true\}", q.prompt.en)
        and not (re.search(r"평가", q.prompt.ko) and re.search(r"[Ee]valuat", q.prompt.en))
    ]


def uncounted_factors(questions: list[Question]) -> list[str]:
    """Slopes multiplied through N layers: say how many factors (6 layers: 6 factors or 5?)."""
    return [
        f"{q.id}: the prompt does not say how many σ′ factors are multiplied"
        for q in questions
        if "σ′" in q.prompt.en
        and re.search(r"\{layers\} sigmoid layers", q.prompt.en)
        and not (re.search(r"\{layers\}번", q.prompt.ko) and re.search(r"\{layers\} factors", q.prompt.en))
    ]


def unseen_sources(questions: list[Question]) -> list[str]:
    """A prompt that leans on a text the learner cannot see ('mentioned alongside …')."""
    ko = r"거론|노트|위 글|본문|교재에서"
    en = r"mentioned alongside|the notes|the text above|the passage"
    return [
        f"{q.id}: the prompt refers to a text the learner cannot see"
        for q in questions
        if re.search(ko, q.prompt.ko) or re.search(en, q.prompt.en, re.I)
    ]


def approximate_expectations(questions: list[Question]) -> list[str]:
    """An expected value is exact: a key of 'about 300' invites 'exactly 300' as right too."""
    return [
        f"{q.id}: the key of an expected value says 'about'"
        for q in questions
        if q.type == "choice"
        and not q.computed
        and re.search(r"기댓값|expected", q.prompt.ko + q.prompt.en)
        and any(re.match(r"약 |About ", q.options[int(q.answer) - 1].text.get(lang)) for lang in ("ko", "en"))
    ]


def unnamed_minibatch(questions: list[Question]) -> list[str]:
    """Options about mini-batches for a prompt that only says SGD (one sample or a mini-batch?)."""
    return [
        f"{q.id}: the options speak of mini-batches but the prompt does not"
        for q in questions
        if q.type == "choice"
        and not q.computed
        and "SGD" in q.prompt.en
        and any("미니배치" in o.text.ko for o in q.options)
        and "미니배치" not in q.prompt.ko
    ]


NEGATED = re.compile(r"아니|않|없|볼록|convex|saddle|안장점|not|never|노트|notes", re.I)
# (what a sentence is about, what it claims, what must come with the claim, why)
CLAIMS = [
    (
        r"가중치|weight",
        r"(클수록|larger|bigger)[^.]*(영향|influence|counts|matters)",
        r"절댓값|magnitude|\|w",
        "a weight's influence grows with |w|, not w",
    ),
    (
        r"L2|Ridge",
        r"고르게 (작게 만|줄)|shrinks? (the )?weights evenly",
        None,
        "L2 shrinks each weight in proportion",
    ),
    (
        r"기울기가 0인|gradient is 0|zero gradient",
        r"최적점|optimum",
        None,
        "a zero gradient is not always an optimum",
    ),
    (
        r"가중치|weight",
        r"(수상돌기|축삭돌기|dendrite|axon|신호를 전달하는 통로|signal-carrying path)[^.]*(역할|role|맡|대응|correspond)",
        r"시냅스|synapse|노트|notes",
        "weights are the synapse strengths, inputs the dendrites, the output the axon",
    ),
]


def false_claims(questions: list[Question]) -> list[str]:
    """Sentences of texts that state facts and make one of the claims found wrong."""
    problems = []
    for q in questions:
        for name, text in true_texts(q):
            for lang in ("ko", "en"):
                for s in sentences(text.get(lang)):
                    for about, says, needs, why in CLAIMS:
                        if not (re.search(about, s) and re.search(says, s, re.I)):
                            continue
                        if (needs and not re.search(needs, s)) or (not needs and not NEGATED.search(s)):
                            problems.append(f"{q.id} {name} ({lang}): {why}")
    return sorted(set(problems))


def unqualified_collapse(questions: list[Question]) -> list[str]:
    """'The network is y = cx' is true only without biases (y = cx + d otherwise)."""
    return [
        f"{q.id} {name}: y = cx for a network without saying there are no biases"
        for q in questions
        for name, text in true_texts(q)
        if name.startswith("option")
        and re.search(r"y = c·?x(?! \+)", text.ko)
        and re.search(r"신경망", text.ko)
        and not re.search(r"편향", text.ko)
    ]
