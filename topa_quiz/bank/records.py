"""The records of the bank format that do not depend on a question's kind.

Each is a table of fields (see :mod:`topa_quiz.bank.fields`); the kinds' own fields are in
:mod:`topa_quiz.kinds`.
"""

from __future__ import annotations

import math

from ..errors import Msg
from .fields import (
    CALC,
    FLAG,
    ID,
    KIND,
    STEP_KEY,
    TEXT,
    TEXT_VALUE,
    WORDS,
    Field,
    Record,
    ValueType,
    kind_field_names,
    list_of,
    record_type,
    whole_number,
)

FIGURE_KINDS = ("curves",)
MAX_SERIES = 6
SERIES_LENGTH = (2, 200)


def _check_concept_ids(v: object) -> Msg | None:
    ok = isinstance(v, str) or (isinstance(v, list) and v and all(isinstance(c, str) for c in v))
    return None if ok else Msg("problem.must.concept_ids")


def _check_values(v: object) -> Msg | None:
    low, high = SERIES_LENGTH
    numbers = isinstance(v, list) and all(
        isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) for x in v
    )
    return (
        None
        if numbers and low <= len(v) <= high
        else Msg("problem.must.series_values", {"low": low, "high": high})
    )


CONCEPT_IDS = ValueType(
    "list of concept ids",
    {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": "\\S"}},
    _check_concept_ids,
)
FIGURE_KIND = ValueType(
    "word",
    {"enum": list(FIGURE_KINDS)},
    lambda v: None if v in FIGURE_KINDS else Msg("problem.must.one_of", {"choices": ", ".join(FIGURE_KINDS)}),
)
SERIES_VALUES = ValueType(
    "list of numbers",
    {
        "type": "array",
        "minItems": SERIES_LENGTH[0],
        "maxItems": SERIES_LENGTH[1],
        "items": {"type": "number", "minimum": -1e308, "maximum": 1e308},
    },
    _check_values,
)

OPTION = Record(
    "option",
    "An option of a choice question (under `options`)",
    (
        Field("ko", TEXT_VALUE, "The option in Korean.", required=True),
        Field("en", TEXT_VALUE, "The option in English.", required=True),
        Field("why", TEXT, "Why this option is wrong; required on every wrong option."),
        Field("last", FLAG, 'Stays last when the options are shuffled ("none of the above").'),
    ),
)

DISTRACTOR = Record(
    "distractor",
    "A computed wrong option (under `distractors`)",
    (
        Field("calc", CALC, "Another calculation for this misconception (default: the question's)."),
        Field(
            "params",
            ValueType(
                "parameters",
                {"type": "object", "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_]*$"}},
            ),
            "Parameter overrides applied on top of the drawn parameters.",
        ),
        Field(
            "answer_step", STEP_KEY, "The step whose value is this wrong option (default: the question's)."
        ),
        Field("why", TEXT, "The misconception this wrong value comes from.", required=True),
    ),
)

FIGURE_SERIES = Record(
    "figureSeries",
    "A series of a figure (under `figure.series`)",
    (
        Field("label", TEXT, "The series' name in the legend.", required=True),
        Field(
            "values",
            SERIES_VALUES,
            f"{SERIES_LENGTH[0]}–{SERIES_LENGTH[1]} finite numbers at x = 1, 2, …; "
            "every series of a figure has the same length.",
            required=True,
        ),
    ),
)

FIGURE = Record(
    "figure",
    "A figure drawn with the question (under `figure`)",
    (
        Field("kind", FIGURE_KIND, "What is drawn: `curves` (lines over x = 1, 2, …).", required=True),
        Field("title", TEXT, "A title above the figure."),
        Field("x", TEXT, "The x axis' name (e.g. epoch).", required=True),
        Field("y", TEXT, "The y axis' name (e.g. loss).", required=True),
        Field(
            "series",
            list_of(FIGURE_SERIES, "list of series", 1, MAX_SERIES),
            f"1–{MAX_SERIES} series of equal length.",
            required=True,
        ),
    ),
)

QUESTION = Record(
    "question",
    "A question (under `questions`): the fields of every kind",
    (
        Field("id", ID, "Unique across every loaded bank; starts with its topic.", required=True),
        Field("concepts", CONCEPT_IDS, "Concept ids from concepts.yaml; the first is the main one.", True),
        Field("type", KIND, "The question's kind; it decides the further fields.", required=True),
        Field("difficulty", whole_number(1, 3, Msg("problem.must.difficulty")), "1 (easy) to 3 (hard)."),
        Field("prompt", TEXT, "The question; `{name}` is a drawn parameter.", required=True),
        Field("explanation", TEXT, "Shown after the answer; `{answer}` is the answer.", required=True),
        Field("figure", record_type(FIGURE, "figure"), "A chart shown before the options."),
        Field("tags", WORDS, "Free labels for authors."),
    ),
)

CONCEPT = Record(
    "concept",
    "A concept (concepts.yaml, under `concepts`)",
    (
        Field("id", ID, "topic.name, unique across every bank.", required=True),
        Field("topic", ID, "A topic id declared under `topics`.", required=True),
        Field("ko", TEXT_VALUE, "The concept's Korean name.", required=True),
        Field("en", TEXT_VALUE, "The concept's English name.", required=True),
        Field("summary", TEXT, "The hint shown by `?` in a quiz.", required=True),
        Field("numeric", FLAG, "The concept also needs computed questions."),
        Field(
            "engine",
            ValueType("list of calculation names", {"type": "array", "items": {"$ref": "#/$defs/calcName"}}),
            "The calculations its computed questions use.",
        ),
        Field("beyond_notes", FLAG, "Not in the study notes: a skill exams build from them."),
        Field(
            "facts",
            ValueType(
                "text or list of text",
                {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            ),
            "Notes for authors (never shown to learners).",
        ),
    ),
)

FILE = Record(
    "file",
    "A bank file",
    (
        Field("topic", ID, "The topic the file is about (documentation only)."),
        Field(
            "topics",
            ValueType(
                "topic id → text",
                {
                    "type": "object",
                    "additionalProperties": {"$ref": "#/$defs/text"},
                    "propertyNames": {"pattern": "^[A-Za-z0-9_-]+$"},
                },
            ),
            "Topic ids and their names in Korean and English.",
        ),
        Field("concepts", list_of(CONCEPT, "list of concepts", 0), "The concepts questions name."),
        Field("questions", list_of(QUESTION, "list of questions", 0), "The questions."),
    ),
)

RECORDS = (FILE, CONCEPT, QUESTION, OPTION, DISTRACTOR, FIGURE, FIGURE_SERIES)


def question_field_names() -> set[str]:
    """Every field a question may have: the common ones and every registered kind's."""
    return set(QUESTION.names) | kind_field_names()
