"""The bank format, described once: every field of every record, as data.

A *record* is one kind of YAML mapping (a file, a concept, a question, an option, a
distractor, a figure, a figure's series); each is a table of :class:`Field` (name, value
type, required, help). A question's fields are the :data:`QUESTION` record (every kind)
plus the fields of its kind: each kind declares a :class:`KindFields` with one or more
:class:`Form` s (a choice question is written with its options, or computed with
distractors); :func:`kinds` gathers them. The loader (allowed, required and simple
typed fields), ``question_bank/schema.json`` and the field reference of
``docs/bank-format.md`` (both made by :mod:`topa_quiz.bank.schema`) read these tables,
nothing else.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import Msg
from .yamlread import Marked

Schema = Mapping[str, Any]


@dataclass(frozen=True)
class ValueType:
    """What a field holds.

    ``doc`` names it in the docs (and in problems, through the catalog id
    ``problem.doc.<doc as a slug>``: :func:`doc_msg`); ``schema`` is its JSON Schema (or a
    function making it, when it depends on a registry); ``check`` says what is wrong with a
    value as a catalog message (``problem.must.…``: "must be 1, 2 or 3") or returns None. A type without ``check`` is read by a dedicated reader
    (texts, options, figures...), which reports its own problems.
    """

    doc: str
    schema: Schema | Callable[[], Schema]
    check: Callable[[object], Msg | None] | None = None

    def json_schema(self) -> Schema:
        return self.schema() if callable(self.schema) else self.schema


@dataclass(frozen=True)
class Field:
    name: str
    type: ValueType
    help: str
    required: bool = False


@dataclass(frozen=True)
class Record:
    """One kind of mapping: its fields, and JSON Schema rules across them (``rules``)."""

    name: str  # its name under the schema's $defs
    title: str
    fields: tuple[Field, ...]
    rules: tuple[Schema, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


#: reader(reader, question mapping, its checked values, "question ID") -> keyword arguments of
#: Question for the form's own fields, or None when the question is unusable (reported)
FormReader = Callable[[Any, Marked, dict[str, Any], str], "dict[str, object] | None"]


@dataclass(frozen=True)
class Form:
    """One way to write a question of a kind: the fields it takes beyond :data:`QUESTION`'s.

    ``when``: this form is the one used when the question has that field (None: the form
    used otherwise). ``title`` names such a question in messages ("an ox question").
    ``read`` turns the fields into Question attributes, reporting what is wrong.
    """

    name: str
    title: str
    fields: tuple[Field, ...]
    read: FormReader
    when: str | None = None
    rules: tuple[Schema, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


@dataclass(frozen=True)
class KindFields:
    """A question kind's part of the format: its forms (the first is the default)."""

    kind: str
    help: str
    forms: tuple[Form, ...]

    def form_for(self, question: Mapping[str, object]) -> Form:
        for form in self.forms:
            if form.when is not None and question.get(form.when) is not None:
                return form
        return next(f for f in self.forms if f.when is None)

    @property
    def names(self) -> set[str]:
        return {n for form in self.forms for n in form.names}


KINDS: dict[str, KindFields] = {}


def register_kind(kind: KindFields) -> None:
    """Add (or replace) a question kind's fields: the loader and the schema take it from here."""
    kinds()  # the package's own first, so that a later one can replace them
    KINDS[kind.kind] = kind


def kinds() -> dict[str, KindFields]:
    """Every kind's fields by name. The package's kinds are registered at the first call, not
    at import: each builds its table from this module and the records, and a start-up that
    finds the bank in its cache needs none of them."""
    global _package_kinds
    if not _package_kinds:
        _package_kinds = True
        from .. import kinds as package

        for kind in package.KINDS.values():
            KINDS.setdefault(kind.name, kind.fields)
    return KINDS


_package_kinds = False


def kind_field_names() -> set[str]:
    """Every field that belongs to some kind (not to every question)."""
    return {n for k in kinds().values() for n in k.names}


# ----------------------------------------------------------------- value types
def _whole(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def whole_number(low: int, high: int | None, says: Msg) -> ValueType:
    """An integer in [low, high]; ``says`` is what is wrong otherwise ("must be 1, 2 or 3")."""
    schema: dict[str, object] = {"type": "integer", "minimum": low}
    if high is not None:
        schema["maximum"] = high
    doc = f"integer {low}–{high}" if high is not None else f"integer ≥ {low}"
    ok = lambda v: _whole(v) and low <= v and (high is None or v <= high)  # noqa: E731
    return ValueType(doc, schema, lambda v: None if ok(v) else says)


def _calc_names() -> Schema:
    from ..engine.registry import ALIASES, BY_NAME

    return {
        "description": "An engine calculation, by registry name or alias (topa calc --help).",
        "enum": sorted(BY_NAME) + sorted(ALIASES),
    }


def _check_words(v: object) -> Msg | None:
    ok = isinstance(v, list) and all(isinstance(x, str) for x in v)
    return None if ok else Msg("problem.must.words")


def _check_id(v: object) -> Msg | None:
    return None if isinstance(v, str) and v.strip() else Msg("problem.must.text")


def _check_tolerance(v: object) -> Msg | None:
    ok = isinstance(v, Mapping) and v and not set(v) - {"abs", "rel"}
    ok = ok and all(_number(x) and math.isfinite(x) and x >= 0 for x in v.values())
    return None if ok else Msg("problem.must.tolerance")


def _check_step_key(v: object) -> Msg | None:
    ok = isinstance(v, str) and re.fullmatch(STEP_KEY_PATTERN, v) is not None
    return None if ok else Msg("problem.must.step_key")


def _check_kind(v: object) -> Msg | None:
    names = kinds()
    return None if v in names else Msg("problem.must.one_of", {"choices": ", ".join(names)})


TEXT = ValueType("text: {ko, en}", {"$ref": "#/$defs/text"})


def _check_text_value(v: object) -> Msg | None:
    ok = isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip()
    return None if ok else Msg("problem.must.text")


TEXT_VALUE = ValueType("text", {"$ref": "#/$defs/textValue"}, _check_text_value)
ID = ValueType("text", {"type": "string", "pattern": "\\S"}, _check_id)
FLAG = ValueType(
    "true/false", {"type": "boolean"}, lambda v: None if isinstance(v, bool) else Msg("problem.must.flag")
)
WORDS = ValueType("list of words", {"type": "array", "items": {"type": "string"}}, _check_words)
CALC = ValueType("calculation name", {"$ref": "#/$defs/calcName"})  # read with a did-you-mean
PARAMS = ValueType("parameters", {"$ref": "#/$defs/params"})
CASES = ValueType("list of parameters", {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/params"}})
TOLERANCE = ValueType(
    "{abs, rel}",
    {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": False,
        "properties": {
            "abs": {"type": "number", "minimum": 0, "maximum": 1e308},
            "rel": {"type": "number", "minimum": 0, "maximum": 1e308},
        },
    },
    _check_tolerance,
)
STEP_KEY_PATTERN = "[a-z][a-z0-9_]*"
STEP_KEY = ValueType("step key", {"type": "string", "pattern": f"^{STEP_KEY_PATTERN}$"}, _check_step_key)
KIND = ValueType("a kind below", lambda: {"enum": list(kinds())}, _check_kind)


def doc_msg(doc: str) -> Msg | str:
    """What a field holds, said in the session's language where the catalog has it
    (``problem.doc.<slug>``), else the English ``doc``."""
    from ..i18n import catalog

    key = "problem.doc." + (re.sub(r"\W+", "_", doc.lower()).strip("_") or "value")
    return Msg(key) if catalog("en").has(key) else doc


def record_type(record: Record, doc: str) -> ValueType:
    return ValueType(doc, {"$ref": f"#/$defs/{record.name}"})


def list_of(record: Record, doc: str, low: int, high: int | None = None) -> ValueType:
    schema: dict[str, object] = {
        "type": "array",
        "minItems": low,
        "items": {"$ref": f"#/$defs/{record.name}"},
    }
    if high is not None:
        schema["maxItems"] = high
    return ValueType(doc, schema)
