"""An Anki deck (.apkg) of the bank, built with genanki.

One note per question; a computed question gives one note per sampled variant, with its
worked steps as an HTML table. Ids are stable so that importing a newer export updates the
notes already in Anki instead of adding copies: a note's guid comes from the question id and
the variant number, the model and deck ids from fixed names. Every text is HTML-escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..i18n import catalog
from . import Exported, ExportOptions, figure_text, question_items, stable_int

if TYPE_CHECKING:
    from ..bank.model import Bank, Question
    from ..session.items import Item

#: the note type's name and fields are identifiers Anki matches on re-import: never translated
MODEL_NAME = "topa-quiz question"
CSS = """
.card { font-family: sans-serif; font-size: 18px; text-align: left; color: black; background: white; }
.topa-meta { font-size: 12px; color: #888; margin-bottom: 8px; }
.topa-choices { list-style: none; padding-left: 0; }
.topa-steps { border-collapse: collapse; font-size: 14px; margin-top: 8px; }
.topa-steps th, .topa-steps td { border: 1px solid #bbb; padding: 2px 6px; }
.topa-figure { font-size: 14px; }
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

    t = catalog(lang)
    rows = "".join(
        f"<tr><td>{esc(s.label)}</td><td>{esc(s.formula)}</td><td>{esc(fmt_array(s.value))}</td></tr>"  # type: ignore[arg-type]
        for s in item.calculation.steps
    )
    return (
        f'<div class="topa-steps-title"><b>{esc(t("export.anki.steps"))}</b> ({esc(item.calculation.name)})</div>'
        f'<table class="topa-steps"><tr><th>{esc(t("export.anki.step"))}</th>'
        f"<th>{esc(t('export.anki.formula'))}</th><th>{esc(t('export.anki.value'))}</th></tr>{rows}</table>"
    )


def front(item: Item, bank: Bank, lang: str, variant: int, variants: int) -> str:

    q = item.question
    tid = bank.topic_of(q)
    topic = bank.topics[tid].get(lang) if tid in bank.topics else tid
    concepts = ", ".join(bank.concepts[c].name(lang) if c in bank.concepts else c for c in q.concepts)
    variant_text = f" · {catalog(lang)('export.anki.variant')} {variant + 1}/{variants}"
    meta = f"{topic} · {concepts}" + (variant_text if variants > 1 else "")
    parts = [
        f'<div class="topa-meta">{esc(meta)}</div>',
        f'<div class="topa-prompt">{esc(item.prompt)}</div>',
    ]
    figure = figure_text(q, lang)
    if figure:
        parts.append(f'<pre class="topa-figure">{html.escape(figure)}</pre>')
    parts.append(item.behaviour.anki_front(item, esc))
    return "".join(parts)


def back(item: Item, lang: str) -> str:
    from ..session.items import circled

    t = catalog(lang)
    parts = [
        f'<div class="topa-answer"><b>{esc(t("export.anki.answer"))}:</b> {esc(item.answer_text())}</div>',
        f'<div class="topa-explanation">{esc(item.explanation)}</div>',
    ]
    whys = [
        f"<li>{circled(i)} {esc(c.text)}: {esc(c.why)}</li>"
        for i, c in enumerate(item.choices)
        if not c.correct and c.why
    ]
    if whys:
        parts.append(
            f'<div class="topa-why"><b>{esc(t("export.anki.why"))}</b><ul>{"".join(whys)}</ul></div>'
        )
    parts.append(steps_table(item, lang))
    return "".join(parts)


def note_guid(qid: str, variant: int) -> str:
    import genanki

    return genanki.guid_for(qid, variant)


def build_deck(bank: Bank, questions: Sequence[Question], options: ExportOptions):  # noqa: ANN201 - a genanki.Deck
    import genanki

    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Id"}, {"name": "Topic"}, {"name": "Concepts"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'}],
        css=CSS,
    )
    lang = options.lang
    deck = genanki.Deck(deck_id(lang), catalog(lang)("export.anki.deck"))
    for q in questions:
        items = question_items(q, bank, options)
        tags = [tag(bank.topic_of(q)), *(tag(c) for c in q.concepts)]
        for k, item in enumerate(items):
            ident = q.id if not q.computed else f"{q.id}#{k + 1}"
            fields = [
                front(item, bank, lang, k, len(items)),
                back(item, lang),
                esc(ident),
                esc(bank.topic_of(q)),
                esc(" ".join(q.concepts)),
            ]
            deck.add_note(
                genanki.Note(
                    model=model, fields=fields, tags=list(dict.fromkeys(tags)), guid=note_guid(q.id, k)
                )
            )
    return deck


def export_anki(bank: Bank, options: ExportOptions) -> Exported:
    """The deck as the bytes of an .apkg file, with its number of notes."""
    import io

    import genanki

    deck = build_deck(bank, bank.questions, options)
    buffer = io.BytesIO()
    genanki.Package(deck).write_to_file(buffer)
    return Exported(buffer.getvalue(), len(deck.notes), len(bank.questions))
