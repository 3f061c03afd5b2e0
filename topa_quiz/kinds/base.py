"""The interface every question kind implements, with the parts most kinds share."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..bank.fields import KindFields
    from ..bank.model import Question
    from ..i18n import Catalog
    from ..rng import Rng
    from ..session.grading import Answer, Invalid
    from ..session.items import Computed, Item

#: the longest line read as an answer; longer ones are refused, never stored
MAX_ANSWER = 200


class Kind:
    """One kind of question. Subclasses set ``name`` and override what differs."""

    name: ClassVar[str] = ""
    #: seconds under which a right answer counts as Easy, over which as Hard (FSRS rating)
    fast: ClassVar[float] = 10.0
    slow: ClassVar[float] = 45.0
    #: every question of this kind is computed by the engine (so "computed" says nothing new)
    always_computed: ClassVar[bool] = False

    # ---------------------------------------------------------------- the bank format
    @property
    def fields(self) -> KindFields:
        """How the bank writes this kind: its fields and forms (the loader, schema and docs
        read it). Built on first use, so a start-up that finds the bank cached never does."""
        return self.bank_fields()

    @staticmethod
    def bank_fields() -> KindFields:
        raise NotImplementedError

    # ---------------------------------------------------------------- items
    def build(self, q: Question, base: Item, computed: Computed | None, rng: Rng) -> Item:
        """The concrete item: ``base`` has the prompt, explanation and hint filled in."""
        raise NotImplementedError

    def answer_text(self, item: Item) -> str:
        return str(item.answer)

    # ---------------------------------------------------------------- answers
    def read(self, raw: str, item: Item) -> Answer | None:
        """The answer in ``raw`` (already stripped and NFKC-normalised), or None when it is none."""
        raise NotImplementedError

    def expected(self, item: Item, words: Catalog) -> str:
        """What to type, said when something else was typed."""
        raise NotImplementedError

    def invalid(self, item: Item, words: Catalog) -> Invalid:
        from ..session.grading import Invalid

        return Invalid(self.expected(item, words))

    def given_text(self, item: Item, given: str) -> str:
        """A recorded answer as the learner should see it again."""
        return given

    # ---------------------------------------------------------------- display
    def panel_body(self, item: Item, words: Catalog) -> list[RenderableType]:
        """What follows the prompt in the question panel."""
        return []

    def feedback(self, item: Item, answer: Answer, words: Catalog) -> list[RenderableType]:
        """The lines of feedback that only this kind has (after "Answer: …")."""
        return []

    # ---------------------------------------------------------------- exports
    def anki_front(self, item: Item, esc: Callable[[str], str]) -> str:
        """HTML this kind adds to the front of an Anki note (after the prompt)."""
        return ""

    def gift_answer(self, item: Item, general: str, escape: Callable[[str], str], words: Catalog) -> str:
        """The ``{...}`` answer block of a GIFT question; ``general`` is the escaped feedback."""
        raise NotImplementedError
