"""An Anki deck (.apkg) of the bank, built with genanki.

One note per question; a computed question gives one note per sampled variant, with its
worked steps as an HTML table. Ids are stable so that importing a newer export updates the
notes already in Anki instead of adding copies: a note's guid comes from the question id and
the variant number, the model and deck ids from fixed names. Every text is HTML-escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from . import check_out_path, question_items, stable_int

if TYPE_CHECKING:
    from ..bank.model import Bank, Question
    from ..session.items import Item

MODEL_NAME = "topa-quiz question"
DECK_NAMES = {"ko": "TOPA 1급 딥러닝 기초", "en": "TOPA level 1 - deep learning basics"}
LABELS = {
    "ko": {
        "answer": "정답",
        "why": "오답 풀이",
        "steps": "풀이 과정",
        "step": "단계",
        "formula": "식",
        "value": "값",
        "variant": "변형",
    },
    "en": {
        "answer": "Answer",
        "why": "Why the others are wrong",
        "steps": "Worked steps",
        "step": "step",
        "formula": "formula",
        "value": "value",
        "variant": "variant",
    },
}
CSS = """
.card { font-family: sans-serif; font-size: 18px; text-align: left; color: black; background: white; }
.topa-meta { font-size: 12px; color: #888; margin-bottom: 8px; }
.topa-choices { list-style: none; padding-left: 0; }
.topa-steps { border-collapse: collapse; font-size: 14px; margin-top: 8px; }
.topa-steps th, .topa-steps td { border: 1px solid #bbb; padding: 2px 6px; }
.nightMode .card { color: white; background: #222; }
"""


def anki_id(name: str) -> int:
    """A model or deck id from a fixed name: in [2³⁰, 2³¹), as Anki's own ids."""
    return (1 << 30) | (stable_int(f"topa-quiz/anki/{name}", 32) & ((1 << 30) - 1))


MODEL_ID = anki_id("model/v1")


def deck_id(lang: str) -> int:
    return anki_id(f"deck/{lang}")


def tag(text: str) -> str:
    """An Anki tag: no spaces."""
    return re.sub(r"\s+", "_", text.strip())


def esc(text: str) -> str:
    """Escaped for HTML, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def steps_table(item: Item, lang: str) -> str:
    if item.calculation is None or not item.calculation.steps:
        return ""
    from ..engine.core import fmt_array

    words = LABELS[lang]
    rows = "".join(
        f"<tr><td>{esc(s.label)}</td><td>{esc(s.formula)}</td><td>{esc(fmt_array(s.value))}</td></tr>"  # type: ignore[arg-type]
        for s in item.calculation.steps
    )
    return (
        f'<div class="topa-steps-title"><b>{esc(words["steps"])}</b> ({esc(item.calculation.name)})</div>'
        f'<table class="topa-steps"><tr><th>{esc(words["step"])}</th><th>{esc(words["formula"])}</th>'
        f"<th>{esc(words['value'])}</th></tr>{rows}</table>"
    )


def front(item: Item, bank: Bank, lang: str, variant: int, variants: int) -> str:
    from ..session.items import circled

    q = item.question
    tid = bank.topic_of(q)
    topic = bank.topics[tid].get(lang) if tid in bank.topics else tid
    concepts = ", ".join(bank.concepts[c].name(lang) if c in bank.concepts else c for c in q.concepts)
    meta = f"{topic} · {concepts}" + (
        f" · {LABELS[lang]['variant']} {variant + 1}/{variants}" if variants > 1 else ""
    )
    parts = [
        f'<div class="topa-meta">{esc(meta)}</div>',
        f'<div class="topa-prompt">{esc(item.prompt)}</div>',
    ]
    if item.kind == "choice":
        lis = "".join(f"<li>{circled(i)} {esc(c.text)}</li>" for i, c in enumerate(item.choices))
        parts.append(f'<ul class="topa-choices">{lis}</ul>')
    elif item.kind == "ox":
        parts.append('<div class="topa-ox">O / X</div>')
    return "".join(parts)


def back(item: Item, lang: str) -> str:
    from ..session.items import circled

    words = LABELS[lang]
    parts = [
        f'<div class="topa-answer"><b>{esc(words["answer"])}:</b> {esc(item.answer_text())}</div>',
        f'<div class="topa-explanation">{esc(item.explanation)}</div>',
    ]
    whys = [
        f"<li>{circled(i)} {esc(c.text)}: {esc(c.why)}</li>"
        for i, c in enumerate(item.choices)
        if not c.correct and c.why
    ]
    if whys:
        parts.append(f'<div class="topa-why"><b>{esc(words["why"])}</b><ul>{"".join(whys)}</ul></div>')
    parts.append(steps_table(item, lang))
    return "".join(parts)


def note_guid(qid: str, variant: int) -> str:
    import genanki

    return genanki.guid_for(qid, variant)


def build_deck(
    bank: Bank,
    questions: tuple[Question, ...] | list[Question],
    lang: str,
    variants: int,
    warn: Callable[[str], None] | None = None,
):  # noqa: ANN201 - a genanki.Deck
    import genanki

    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Id"}, {"name": "Topic"}, {"name": "Concepts"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'}],
        css=CSS,
    )
    deck = genanki.Deck(deck_id(lang), DECK_NAMES[lang])
    for q in questions:
        items = question_items(q, bank, lang, variants, warn)
        tags = [tag(bank.topic_of(q)), *(tag(c) for c in q.concepts)]
        for k, item in enumerate(items):
            ident = q.id if not q.computed else f"{q.id}#{k + 1}"
            deck.add_note(
                genanki.Note(
                    model=model,
                    fields=[
                        front(item, bank, lang, k, len(items)),
                        back(item, lang),
                        esc(ident),
                        esc(bank.topic_of(q)),
                        esc(" ".join(q.concepts)),
                    ],
                    tags=list(dict.fromkeys(tags)),
                    guid=note_guid(q.id, k),
                )
            )
    return deck


def export_anki(
    bank: Bank, out: Path, lang: str, variants: int, warn: Callable[[str], None] | None = None
) -> int:
    """Write the deck to ``out``; the number of notes written."""
    import genanki

    check_out_path(out)
    deck = build_deck(bank, bank.questions, lang, variants, warn)
    try:
        genanki.Package(deck).write_to_file(str(out))
    except OSError as exc:
        raise UsageError(f"--out: cannot write {out}: {exc.strerror or exc}") from None
    return len(deck.notes)
