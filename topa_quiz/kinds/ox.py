"""O/X questions: a statement that is right (O) or wrong (X)."""

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

READINGS = {"o": "O", "x": "X", "1": "O", "2": "X", "○": "O", "×": "X"}


class OxKind(Kind):
    name: ClassVar[str] = "ox"
    fast: ClassVar[float] = 6.0
    slow: ClassVar[float] = 30.0

    def build(self, q: Question, base: Item, computed: Computed | None, rng: np.random.Generator) -> Item:
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
