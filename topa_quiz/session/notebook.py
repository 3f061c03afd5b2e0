"""The wrong-answer notebook as pages that teach: the question as it was asked, the answer given, the right one.

The store keeps each answer's numbers (``params``), so a computed question is shown again with
the numbers of the last attempt and its right answer is computed again from them. A choice
answer is kept as the position shown then ("2"), which means nothing once the options are
shuffled again; so a choice answer also records, under :data:`CHOSEN` in its params, what was
chosen in a form that does not depend on the order or the language: the option's number as
the bank writes it (written options), or the value shown (computed options). A choice answer
recorded before that is shown as the position it had then.

>>> from topa_quiz.session.grading import Answer
>>> chosen_params(None, Answer("3", False))  # not a choice: nothing to add
{}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..bank.model import Bank, Question
    from ..store.memory import LastAnswer
    from .grading import Answer
    from .items import Item
    from .progress import NotebookEntry

#: the params key of a choice answer: the option as written in the bank (1-based) or the value shown
CHOSEN = "_chosen"


def chosen_params(item: Item | None, answer: Answer | None) -> dict[str, object]:
    """What a choice answer chose, for its params (``{}`` for any other answer)."""
    if item is None or answer is None or answer.choice is None or not 0 <= answer.choice < len(item.choices):
        return {}
    text = item.choices[answer.choice].text
    if item.question.computed:
        return {CHOSEN: text}
    for j, option in enumerate(item.question.options, 1):
        if option.text.get(item.lang) == text:
            return {CHOSEN: j}
    return {}


@dataclass(frozen=True)
class NotebookPage:
    """One notebook question as it was last asked."""

    question: Question
    prompt: str  # with the numbers of the last attempt when it is computed
    given: str  # the last answer as text; an old choice answer: the position shown then
    given_position: bool  # ``given`` is only the position an option had then (an old record)
    answer: str | None  # the right answer (None: it could not be computed again)
    when: datetime  # the last (wrong) answer
    times_wrong: int
    filled: bool  # the prompt carries that attempt's numbers


def _values(params: Mapping[str, object]) -> dict[str, str]:
    from ..bank.draw import show_param

    return {k: show_param(v) for k, v in params.items() if not k.startswith("_")}


def recomputed(q: Question, params: Mapping[str, object]) -> str | None:
    """The right answer of computed ``q`` for ``params``; None when the engine cannot compute it."""
    from ..bank.draw import DrawError, format_value, pick_value, run

    try:
        value = pick_value(run(str(q.calc), dict(params), q.id), q.pick, q.id)
    except (DrawError, TypeError, ValueError, KeyError, AttributeError):
        return None
    return format_value(value, q.decimals)


def _given(q: Question, last: LastAnswer, lang: str) -> tuple[str, bool]:
    chosen = last.params.get(CHOSEN)
    if isinstance(chosen, int) and not isinstance(chosen, bool) and 1 <= chosen <= len(q.options):
        return q.options[chosen - 1].text.get(lang), False
    if isinstance(chosen, str):
        return chosen, False
    return last.given, bool(q.options or q.distractors)


def page_for(q: Question, last: LastAnswer, times_wrong: int, lang: str) -> NotebookPage:
    """The page of ``q`` from its last answer."""
    from .items import fill

    prompt = q.prompt.get(lang)
    filled = False
    if q.computed:
        answer = recomputed(q, last.params)
        if answer is not None:
            prompt, filled = fill(prompt, _values(last.params) | {"answer": answer}), True
    elif q.options and isinstance(q.answer, int) and 1 <= q.answer <= len(q.options):
        answer = q.options[q.answer - 1].text.get(lang)
    else:
        answer = None if q.answer is None else str(q.answer)
    given, position = _given(q, last, lang)
    return NotebookPage(q, prompt, given, position, answer, last.answered_at, times_wrong, filled)


def notebook_pages(
    bank: Bank, entries: list[NotebookEntry], last: Mapping[str, LastAnswer], lang: str
) -> list[NotebookPage]:
    """A page per notebook entry whose question is in ``bank`` and has a last answer."""
    by_id = {q.id: q for q in bank.questions}
    return [
        page_for(by_id[e.question_id], last[e.question_id], e.times_wrong, lang)
        for e in entries
        if e.question_id in by_id and e.question_id in last
    ]


def read_last_answers(question_ids: list[str]) -> dict[str, LastAnswer]:
    """The latest answer to each question (read-only; ``{}`` before the first answer)."""
    from ..store.db import connect
    from ..store.memory import last_answers
    from ..store.paths import database_path

    path = database_path()
    if not path.exists():
        return {}
    conn = connect(path, create=False, write=False)
    try:
        return last_answers(conn, question_ids)
    finally:
        conn.close()
