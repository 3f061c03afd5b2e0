"""Question kinds as strategy objects, registered in one table.

A kind owns everything that differs between multiple choice, O/X and numeric questions:
making a concrete item from a question, reading a typed answer, the expected-input hint,
the panel body, the feedback lines, the answer as text, its timing for spaced review and
its exports. The rest of the package asks ``kind_of(name)`` and never compares names.

Each kind also declares how the bank writes it (``fields``: its forms and fields); the
loader, ``question_bank/schema.json`` and the docs' field reference are made from those
(:func:`topa_quiz.bank.fields.kinds` gathers them when first asked: reading YAML needs
them, a start-up that finds the bank in its cache does not).
Adding a kind is adding a module here and one line to :data:`KINDS`.
"""

from __future__ import annotations

from .base import Kind
from .choice import ChoiceKind
from .numeric import NumericKind
from .ox import OxKind

KINDS: dict[str, Kind] = {k.name: k for k in (ChoiceKind(), OxKind(), NumericKind())}


def kind_of(name: str) -> Kind:
    """The kind called ``name`` (a KeyError for an unknown one: the loader rejects those first)."""
    return KINDS[name]


def kind_names() -> tuple[str, ...]:
    return tuple(KINDS)


__all__ = ["KINDS", "Kind", "kind_names", "kind_of"]
