"""Multiple choice (①②③④⑤), static or with options computed from misconceptions."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from ..bank.model import LANGS, Option, Text
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

CIRCLED = "①②③④⑤⑥⑦⑧⑨"


def circled(index: int) -> str:
    return CIRCLED[index] if 0 <= index < len(CIRCLED) else f"({index + 1})"


# ------------------------------------------------------------------ the bank format
def read_listed_choice(
    r: Reader, d: Marked, values: dict[str, Any], what: Msg | str
) -> dict[str, object] | None:
    from ..bank.records import OPTION
    from ..bank.yamlread import Marked

    raw = values.get("options")
    if raw is None:
        return None
    if not isinstance(raw, list) or not 4 <= len(raw) <= 5:
        r.said(d.at("options"), "problem.choice.options_count", what=what)
        return None
    answer = d.get("answer")
    answer_ok = isinstance(answer, int) and not isinstance(answer, bool) and 1 <= answer <= len(raw)
    if not answer_ok and answer is not None:
        r.said(d.at("answer"), "problem.choice.answer", what=what, n=len(raw), value=repr(answer))
    options: list[Option] = []
    seen: dict[tuple[str, str], int] = {}
    for i, o in enumerate(raw, 1):
        label = Msg("problem.what.option", {"what": what, "n": i})
        if not isinstance(o, Marked):
            r.said(d.at("options"), "problem.choice.option_not_mapping", what=label)
            return None
        r.unknown_fields(o, OPTION.names, label)
        v = r.checked(o, OPTION.fields, label)
        text = Text(str(v.get("ko", "")), str(v.get("en", "")))
        why = r.text(o, "why", label, required=answer_ok and i != answer)
        for lang in LANGS:
            key = (lang, " ".join(text.get(lang).split()).lower())
            if key[1] and key in seen:
                r.said(o.mark, "problem.choice.repeat", what=what, n=i, first=seen[key], lang=lang)
                break
            seen.setdefault(key, i)
        options.append(Option(text=text, why=why, last=bool(v.get("last", False))))
    return {"options": tuple(options), "answer": answer} if answer_ok else None


@cache
def bank_fields() -> KindFields:
    """How the bank writes a choice question (built when a bank file is read, not at start-up)."""
    from ..bank.computed import COMPUTED, read_computed_choice
    from ..bank.fields import Field, Form, KindFields, ValueType, list_of
    from ..bank.records import DISTRACTOR, OPTION

    choice_answer = ValueType("option number", {"type": "integer", "minimum": 1, "maximum": 5})
    return KindFields(
        "choice",
        "Multiple choice: 4 or 5 written options, or a computed answer among computed wrong values.",
        (
            Form(
                "listed",
                "a choice question with written options",
                (
                    Field(
                        "options",
                        list_of(OPTION, "list of options", 4, 5),
                        "4 or 5 options, shown ①②③④⑤ in random order.",
                        required=True,
                    ),
                    Field(
                        "answer",
                        choice_answer,
                        "The correct option's position as written, 1-based.",
                        required=True,
                    ),
                ),
                read_listed_choice,
                rules=(
                    {
                        "if": {"required": ["options"], "properties": {"options": {"maxItems": 4}}},
                        "then": {"properties": {"answer": {"maximum": 4}}},
                    },
                ),
            ),
            Form(
                "computed",
                "a computed choice question",
                (
                    *COMPUTED,
                    Field(
                        "distractors",
                        list_of(DISTRACTOR, "list of distractors", 2),
                        "At least 2 wrong values, each computed from a misconception.",
                        required=True,
                    ),
                ),
                read_computed_choice,
                when="calc",
            ),
        ),
    )


class ChoiceKind(Kind):
    name: ClassVar[str] = "choice"
    bank_fields = staticmethod(bank_fields)
    fast: ClassVar[float] = 10.0
    slow: ClassVar[float] = 45.0

    def build(self, q: Question, base: Item, computed: Computed | None, rng: Rng) -> Item:
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
        from rich.text import Text

        from ..render.text import Hanging, plain

        return [Text(""), *(Hanging(circled(i), plain(c.text)) for i, c in enumerate(item.choices))]

    def feedback(self, item: Item, answer: Answer, words: Catalog) -> list[RenderableType]:
        from ..render.text import plain

        if answer.correct or answer.choice is None:
            return []
        chosen = item.choices[answer.choice]
        line = plain(f"{words('your_choice')} {circled(answer.choice)} {chosen.text}: ", "bold red")
        line.append_text(plain(chosen.why or ""))
        return [line]

    def anki_front(self, item: Item, esc: Callable[[str], str]) -> str:
        lis = "".join(f"<li>{circled(i)} {esc(c.text)}</li>" for i, c in enumerate(item.choices))
        return f'<ul class="topa-choices">{lis}</ul>'

    def gift_answer(self, item: Item, general: str, escape: Callable[[str], str], words: Catalog) -> str:
        lines = []
        for c in item.choices:
            feedback = words("export.gift.right") if c.correct else (c.why or "")
            lines.append(
                ("=" if c.correct else "~") + escape(c.text) + (f"#{escape(feedback)}" if feedback else "")
            )
        return "{\n" + "\n".join(lines) + ("\n" + general if general else "") + "\n}"
