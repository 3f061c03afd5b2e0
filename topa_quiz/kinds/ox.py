"""O/X questions: a statement that is right (O) or wrong (X)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import Msg
from .base import Kind

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import RenderableType

    from ..bank.fields import KindFields
    from ..bank.model import Question
    from ..bank.reader import Reader
    from ..bank.yamlread import Marked
    from ..i18n import Catalog
    from ..rng import Rng
    from ..session.grading import Answer
    from ..session.items import Computed, Item

READINGS = {"o": "O", "x": "X", "1": "O", "2": "X", "○": "O", "×": "X"}


# ------------------------------------------------------------------ the bank format
def _check_ox(v: object) -> Msg | None:
    ok = isinstance(v, bool) or (isinstance(v, str) and v.strip().upper() in ("O", "X"))
    return None if ok else Msg("problem.must.ox")


def read_ox(r: Reader, d: Marked, values: dict[str, Any], what: Msg | str) -> dict[str, object] | None:
    answer = values.get("answer")
    if answer is None:
        return None
    if isinstance(answer, bool):  # YAML 1.1 reads some words as booleans
        answer = "O" if answer else "X"
    return {"answer": answer.strip().upper()}


@cache
def bank_fields() -> KindFields:
    """How the bank writes an O/X question (built when a bank file is read, not at start-up)."""
    from ..bank.fields import Field, Form, KindFields, ValueType

    ox_answer = ValueType("O or X", {"enum": ["O", "X"]}, _check_ox)
    return KindFields(
        "ox",
        "True or false: the learner answers O or X.",
        (
            Form(
                "ox",
                "an ox question",
                (Field("answer", ox_answer, "O (true) or X (false).", required=True),),
                read_ox,
            ),
        ),
    )


class OxKind(Kind):
    name: ClassVar[str] = "ox"
    bank_fields = staticmethod(bank_fields)
    fast: ClassVar[float] = 6.0
    slow: ClassVar[float] = 30.0

    def build(self, q: Question, base: Item, computed: Computed | None, rng: Rng) -> Item:
        from dataclasses import replace

        return replace(base, answer=str(q.answer))

    def read(self, raw: str, item: Item) -> Answer | None:
        from ..session.grading import Answer

        given = READINGS.get(raw.lower())
        return None if given is None else Answer(given, given == item.answer)

    def expected(self, item: Item, words: Catalog) -> str:
        return words("prompt.ox")

    def panel_body(self, item: Item, words: Catalog) -> list[RenderableType]:
        from rich.text import Text

        return [Text(""), Text(words("ox_help"), style="bold")]

    def anki_front(self, item: Item, esc: Callable[[str], str]) -> str:
        return '<div class="topa-ox">O / X</div>'

    def gift_answer(self, item: Item, general: str, escape: Callable[[str], str], words: Catalog) -> str:
        return "{" + ("T" if item.answer == "O" else "F") + general + "}"
