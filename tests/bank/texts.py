"""The texts of a question, split the way the bank rules read them.

Helpers of ``test_rules.py``: which texts state facts (explanations, keys, true options of a
"NOT correct" question, O statements), sentence ends with parentheses set aside, and the
Korean speech level a sentence ends in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from topa_quiz.bank.model import Question, Text

PAREN = re.compile(r"\([^()]*\)")
NOT_CORRECT = re.compile(r"옳지 않은|NOT")


def all_texts(q: Question) -> Iterator[tuple[str, Text]]:
    """Every learner-facing text of ``q``, named."""
    yield "prompt", q.prompt
    yield "explanation", q.explanation
    for i, o in enumerate(q.options, 1):
        yield f"option {i}", o.text
        if o.why:
            yield f"option {i} why", o.why
    for i, d in enumerate(q.distractors, 1):
        yield f"distractor {i} why", d.why


def true_texts(q: Question) -> Iterator[tuple[str, Text]]:
    """The texts of ``q`` that state facts: never a wrong option, which may be a falsehood."""
    yield "explanation", q.explanation
    if q.type == "ox" and q.answer == "O":
        yield "prompt", q.prompt
    if q.type == "choice" and not q.computed:
        reversed_ = bool(NOT_CORRECT.search(q.prompt.en))
        for i, o in enumerate(q.options, 1):
            if (i == q.answer) != reversed_:
                yield f"option {i}", o.text


def stating_texts(q: Question) -> Iterator[tuple[str, Text]]:
    """Texts a learner reads as given or as true: all but the text of a wrong option."""
    wrong = {f"option {i}" for i in range(1, len(q.options) + 1) if i != q.answer}
    for name, text in all_texts(q):
        if name not in wrong:
            yield name, text


def pieces(text: str) -> list[str]:
    """The text with every parenthesis taken out, then the inside of each parenthesis."""
    text = re.sub(r"\s+", " ", text)
    inner: list[str] = []
    while found := PAREN.findall(text):
        inner += [f[1:-1] for f in found]
        text = PAREN.sub("", text)
    return [text, *inner]


def sentence_ends(text: str) -> Iterator[str]:
    """Each sentence of ``text`` (and of each parenthesis in it), trailing marks removed."""
    for piece in pieces(text):
        for s in re.split(r"(?<=[.!?:])\s+", piece.strip()):
            s = s.strip().rstrip(".!:\"”’' ")
            if s:
                yield s


# 해라체 (…이다, …한다, …는가?), 해요체 (…요) and 하오체 imperatives (…하시오); 합쇼체 ends
# in …니다, …니까?, …십시오, or a noun ("옳은 것은?"). 마다 and 보다 are particles, not verbs.
PLAIN_STYLE = re.compile(r"(?<![니마보])다$|아니다$|(?<!십)시오$|요$|[는인은]가\?$|[보하]자$")


def plain_style_endings(text: str) -> list[str]:
    """Sentences of a Korean text that do not end in 합쇼체."""
    return [s for s in sentence_ends(text) if re.search(r"[가-힣]", s[-2:]) and PLAIN_STYLE.search(s)]


def sentences(text: str) -> Iterator[str]:
    """Sentences of a text, parentheses kept (for claims that need their context)."""
    for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text.strip())):
        if s:
            yield s
