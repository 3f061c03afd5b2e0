"""Multiple choice (①②③④⑤), static or with options computed from misconceptions."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from .base import Kind

if TYPE_CHECKING:
    import numpy as np
    from rich.console import RenderableType

    from ..bank.model import Question
    from ..i18n import Catalog
    from ..session.grading import Answer
    from ..session.items import Computed, Item

CIRCLED = "①②③④⑤⑥⑦⑧⑨"


def circled(index: int) -> str:
    return CIRCLED[index] if 0 <= index < len(CIRCLED) else f"({index + 1})"


class ChoiceKind(Kind):
    name: ClassVar[str] = "choice"
    fast: ClassVar[float] = 10.0
    slow: ClassVar[float] = 45.0

    def build(self, q: Question, base: Item, computed: Computed | None, rng: np.random.Generator) -> Item:
        from dataclasses import replace

        from ..session.items import computed_choices, shuffled_options

        if computed is None:
            choices, answer = shuffled_options(q, rng, base.lang)
            return replace(base, choices=choices, answer=answer)
        choices, answer = computed_choices(q, computed, rng, base.lang)
        return replace(base, choices=choices, answer=answer)

    def answer_text(self, item: Item) -> str:
        k = int(item.answer)
        return f"{circled(k)} {item.choices[k].text}"

    def read(self, raw: str, item: Item) -> Answer | None:
        from ..session.grading import Answer

        if len(raw) == 1 and raw in CIRCLED:
            index = CIRCLED.index(raw)
        elif raw.isascii() and raw.isdigit() and len(raw) <= 3:
            index = int(raw) - 1
        else:
            return None
        if not 0 <= index < len(item.choices):
            return None
        return Answer(str(index + 1), item.choices[index].correct, choice=index)

    def expected(self, item: Item, words: Catalog) -> str:
        n = len(item.choices)
        return words("prompt.choice", n=n, last=circled(n - 1))

    def given_text(self, item: Item, given: str) -> str:
        if given.isdigit() and 0 < int(given) <= len(item.choices):
            k = int(given) - 1
            return f"{circled(k)} {item.choices[k].text}"
        return given

    def panel_body(self, item: Item, words: Catalog) -> list[RenderableType]:
        from rich.table import Table
        from rich.text import Text

        from ..render.text import plain

        options = Table.grid(padding=(0, 1))
        options.add_column(no_wrap=True)
        options.add_column(overflow="fold")
        for i, c in enumerate(item.choices):
            options.add_row(circled(i), plain(c.text))
        return [Text(""), options]

    def feedback(self, item: Item, answer: Answer, words: Catalog) -> list[RenderableType]:
        from ..render.text import plain

        if answer.correct or answer.choice is None:
            return []
        chosen = item.choices[answer.choice]
        line = plain(f"{words('your_choice')} {circled(answer.choice)} {chosen.text}: ", "bold red")
        line.append_text(plain(chosen.why or ""))
        return [line]
