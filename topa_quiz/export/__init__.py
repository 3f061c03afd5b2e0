"""Export the question bank to other tools, behind one interface: Anki decks, Moodle GIFT, JSON.

Every format is one row of :data:`EXPORTERS`: its name, what it writes (a catalog id), whether
it is binary, its default destination (``"-"``: standard output; None: a file must be named),
how many variants of a computed question it samples by default (0: it takes no variants), and
the function that builds it (``"module:function"``, imported only when used). The function
takes the bank and an :class:`ExportOptions` and returns an :class:`Exported`: the content,
text or bytes, and how many entries it holds. ``topa export NAME`` commands are generated from
this table, as the ``topa calc`` commands are from the engine's registry.

Shared here: one reproducible set of concrete items per question (a fixed seed per question
id, so exporting twice gives the same variants), a question's figure as text, and saving.
NumPy, genanki and the engine are imported by the functions that use them.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..bank.model import Bank, Question
    from ..session.items import Item


class ExportError(Exception):
    """An export that cannot be written; the message is in the session's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ExportOptions:
    lang: str = "ko"
    variants: int = 3
    #: called with one sentence per question that could not be exported
    warn: Callable[[str], None] | None = None


@dataclass(frozen=True)
class Exported:
    """What an exporter built: the content and how many entries (notes, questions) it holds."""

    content: str | bytes
    count: int
    questions: int


@dataclass(frozen=True)
class Exporter:
    name: str
    #: catalog id of one line saying what it writes
    writes: str
    binary: bool
    #: "-" for standard output; None when a file must be named (binary content)
    destination: str | None
    #: a file name to show in examples and errors
    example_out: str
    target: str
    #: default variants per computed question; 0 when the format takes no variants
    variants: int
    #: whether its content depends on the language (--lang)
    languages: bool
    example: str

    def build(self, bank: Bank, options: ExportOptions) -> Exported:
        module, attr = self.target.split(":")
        function = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        return function(bank, options)


EXPORTERS: tuple[Exporter, ...] = (
    Exporter(
        "anki",
        "export.anki.writes",
        binary=True,
        destination=None,
        example_out="topa.apkg",
        target="anki:export_anki",
        variants=5,
        languages=True,
        example="topa export anki --out topa.apkg --variants 5 --lang en",
    ),
    Exporter(
        "gift",
        "export.gift.writes",
        binary=False,
        destination="-",
        example_out="topa.gift",
        target="gift:export_gift",
        variants=3,
        languages=True,
        example="topa export gift --lang ko > topa.gift",
    ),
    Exporter(
        "json",
        "export.json.writes",
        binary=False,
        destination="-",
        example_out="bank.json",
        target="jsonfile:export_json",
        variants=0,
        languages=False,
        example="topa export json --out bank.json",
    ),
)
BY_NAME: dict[str, Exporter] = {e.name: e for e in EXPORTERS}
FORMATS: tuple[str, ...] = tuple(BY_NAME)


def stable_int(text: str, bits: int = 64) -> int:
    """A number derived from ``text`` only (never from Python's salted ``hash``)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[: bits // 8], "big")


def question_seed(qid: str) -> int:
    """The rng seed of one question's variants: the same on every run and machine."""
    return stable_int(f"topa-quiz/export/{qid}")


def question_items(q: Question, bank: Bank, options: ExportOptions) -> list[Item]:
    """The items exported for ``q``: one for a fixed question; up to ``options.variants``
    distinct parameter draws for a computed one (fewer when its parameters allow fewer)."""
    from ..rng import Rng
    from ..session.items import ItemError, make_item

    rng = Rng(question_seed(q.id))
    if not q.computed:
        return [make_item(q, bank, rng, options.lang)]
    wanted = max(options.variants, 1)
    items: list[Item] = []
    seen: set[str] = set()
    problem = ""
    for _ in range(wanted * 10):
        if len(items) >= wanted:
            break
        try:
            item = make_item(q, bank, rng, options.lang)
        except ItemError as exc:
            problem = str(exc)
            continue
        key = json.dumps(item.params, sort_keys=True, default=str)
        if key not in seen:
            seen.add(key)
            items.append(item)
    if not items and options.warn:
        from ..i18n import catalog

        options.warn(catalog(options.lang)("export.skipped", problem=problem or q.id))
    return items


def figure_text(q: Question, lang: str) -> str:
    """A question's figure as a small table of text ("" when it has none)."""
    figure = getattr(q, "figure", None)
    if figure is None:
        return ""
    from ..render.figure import figure_data, figure_table

    return figure_table(figure_data(figure, lang))


def check_out(out: Path, lang: str) -> None:
    """:class:`ExportError` when no file can be written at ``out`` (before any work is done)."""
    from ..i18n import catalog

    t = catalog(lang)
    if out.is_dir():
        raise ExportError(t("export.is_dir", path=out))
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(t("export.no_dir", path=out, parent=parent))


def save(content: str | bytes, out: Path, lang: str) -> None:
    """Write ``content`` to ``out``; :class:`ExportError` (one line) when that cannot be done."""
    from ..i18n import catalog

    check_out(out, lang)
    t = catalog(lang)
    try:
        if isinstance(content, bytes):
            out.write_bytes(content)
        else:
            out.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise ExportError(t("export.cannot_write", path=out, reason=exc.strerror or exc)) from None
