"""Turn parsed YAML into model objects by the field tables, collecting every problem.

The generic part (unknown fields with a did-you-mean, missing required fields, fields that
belong to another kind or form, simple typed values) comes from the tables of
:mod:`topa_quiz.bank.fields` and :mod:`topa_quiz.bank.records`; what a table cannot say
(texts in two languages, figures, a kind's own rules) is read here and by each kind's
form reader.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .fields import KINDS, Field, Form, KindFields
from .model import LANGS, Concept, Figure, FigureSeries, Question, Text
from .problem import Problem
from .records import CONCEPT, FIGURE, FIGURE_SERIES, MAX_SERIES, QUESTION, question_field_names
from .yamlread import Marked

PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")


def shown(v: object) -> str:
    """A value as a message quotes it."""
    if isinstance(v, (dt.date, dt.datetime)):
        return f"a date ({v.isoformat()})"
    if isinstance(v, (bytes, bytearray)):
        return "binary data"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, dict):
        return "a mapping"
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "..."


class Reader:
    """Reads the mappings of one file, adding what is wrong to ``problems``."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

    def problem(self, where: tuple[int, int], message: str, code: str = "") -> None:
        self.problems.append(Problem(self.file, where[0], where[1], message, code))

    # ------------------------------------------------------------- generic
    def unknown_fields(self, d: Marked, allowed: Iterable[str], what: str) -> None:
        allowed = set(allowed)
        for key in d:
            if key not in allowed:
                from difflib import get_close_matches

                guess = get_close_matches(str(key), allowed, n=1)
                hint = f"; did you mean '{guess[0]}'?" if guess else ""
                self.problem(d.key_at(key), f"{what}: unknown field '{key}'{hint}")

    def checked(self, d: Marked, fields: Iterable[Field], what: str) -> dict[str, object]:
        """The present values of ``fields`` that pass their type's check; missing required
        fields and failed checks are reported."""
        out: dict[str, object] = {}
        for f in fields:
            v = d.get(f.name)
            if v is None:
                if f.required:
                    self.problem(d.mark, f"{what}: missing '{f.name}' ({f.type.doc})")
                continue
            issue = f.type.check(v) if f.type.check else None
            if issue:
                self.problem(d.at(f.name), f"{what}: '{f.name}' {issue}, got {shown(v)}")
                continue
            out[f.name] = v
        return out

    def identity(self, d: object, where: tuple[int, int], noun: str) -> str | None:
        """The id of a question or concept mapping, else None (reported)."""
        if not isinstance(d, Marked):
            self.problem(where, f"a {noun} must be a mapping (id, ...)")
            return None
        if d.get("id") is None:
            self.problem(d.mark, f"{noun}: missing 'id'")
            return None
        ident = d["id"]
        if not isinstance(ident, str) or not ident.strip():
            self.problem(d.at("id"), f"{noun}: 'id' must be text, got {shown(ident)}")
            return None
        return ident

    # --------------------------------------------------------------- texts
    def text(self, parent: Marked, key: str, what: str, required: bool = False) -> Text | None:
        """A {ko, en} mapping; a missing one is reported only when ``required`` (the field
        tables report missing required fields themselves)."""
        value = parent.get(key)
        if value is None:
            if required:
                self.problem(parent.mark, f"{what}: missing '{key}' (a mapping with ko and en)")
            return None
        if not isinstance(value, Marked):
            self.problem(
                parent.at(key),
                f"{what}: '{key}' must be a mapping with ko and en, got {type(value).__name__}",
            )
            return None
        return self.translations(value, key, what)

    def translations(self, value: Marked, key: str, what: str) -> Text:
        """The ko and en of a {ko, en} mapping named ``key`` in messages; other keys are problems."""
        out = {}
        for lang in LANGS:
            v = value.get(lang)
            if v is None or (isinstance(v, str) and not v.strip()):
                self.problem(value.mark, f"{what}: missing {lang} translation of '{key}'")
                out[lang] = ""
            elif not isinstance(v, (str, int, float)) or isinstance(v, bool):
                self.problem(value.at(lang), f"{what}: '{key}.{lang}' must be text")
                out[lang] = ""
            else:
                out[lang] = str(v)
        for extra in set(value) - set(LANGS):
            self.problem(value.at(extra), f"{what}: unknown language '{extra}' in '{key}' (use ko and en)")
        return Text(out["ko"], out["en"])

    # ------------------------------------------------------------ concepts
    def concept(self, d: object, where: tuple[int, int]) -> Concept | None:
        cid = self.identity(d, where, "concept")
        if cid is None:
            return None
        assert isinstance(d, Marked)
        what = f"concept {cid}"
        self.unknown_fields(d, CONCEPT.names, what)
        v = self.checked(d, CONCEPT.fields[1:], what)
        engine = d.get("engine") or []
        if not isinstance(engine, list):
            self.problem(d.at("engine"), f"{what}: 'engine' must be a list of calculation names")
            engine = []
        from ..engine.registry import lookup

        for name in engine:
            if lookup(str(name)) is None:
                self.problem(d.at("engine"), f"{what}: unknown engine calculation '{name}'")
        return Concept(
            id=cid,
            topic=str(v.get("topic", cid.split(".")[0])),
            ko=str(v.get("ko", cid)),
            en=str(v.get("en", cid)),
            summary=self.text(d, "summary", what) or Text("", ""),
            numeric=bool(v.get("numeric", False)),
            engine=tuple(str(e) for e in engine),
            beyond_notes=bool(v.get("beyond_notes", False)),
        )

    # ----------------------------------------------------------- questions
    def question(self, d: object, where: tuple[int, int]) -> Question | None:
        qid = self.identity(d, where, "question")
        if qid is None:
            return None
        assert isinstance(d, Marked)
        what = f"question {qid}"
        self.unknown_fields(d, question_field_names(), what)
        if d.get("type") is None:
            self.problem(d.mark, f"{what}: missing 'type' (one of {', '.join(KINDS)})")
            return None
        kind = KINDS.get(d["type"]) if isinstance(d["type"], str) else None
        if kind is None:
            self.problem(
                d.at("type"),
                f"{what}: 'type' must be one of {', '.join(KINDS)}, got {shown(d.get('type'))}",
            )
            return None
        form = kind.form_for(d)
        self.misplaced(d, kind, form, what)
        values = self.checked(d, (f for f in QUESTION.fields if f.name not in ("id", "type")), what)
        values |= self.checked(d, form.fields, what)
        concepts = values.get("concepts", [])
        concepts = [concepts] if isinstance(concepts, str) else concepts
        prompt, explanation = self.text(d, "prompt", what), self.text(d, "explanation", what)
        figure = self.figure(d["figure"], d.at("figure"), what) if d.get("figure") is not None else None
        fields = form.read(self, d, values, what)
        if prompt is None or explanation is None or not concepts or fields is None:
            return None
        return Question(
            id=qid,
            concepts=tuple(concepts),
            type=kind.kind,
            prompt=prompt,
            explanation=explanation,
            source=self.file,
            line=d.mark[0],
            difficulty=values.get("difficulty"),  # type: ignore[arg-type]
            figure=figure,
            **fields,  # type: ignore[arg-type]
        )

    def misplaced(self, d: Marked, kind: KindFields, form: Form, what: str) -> None:
        """Fields of another kind, or of another form of this kind."""
        for name in d:
            if name in form.names or name not in question_field_names() or name in QUESTION.names:
                continue
            other = next((f for f in kind.forms if name in f.names), None)
            hint = f"; it belongs to {other.title}" if other else ""
            self.problem(d.key_at(name), f"{what}: {form.title} has no '{name}'{hint}")

    def placeholders(self, d: Marked, what: str, known: set[str]) -> None:
        """Every ``{name}`` in the question's texts must be a parameter or ``answer``."""
        allowed = known | {"answer"}
        texts = [("prompt", d.get("prompt")), ("explanation", d.get("explanation"))]
        texts += [
            (f"distractor {i} why", x.get("why"))
            for i, x in enumerate(d.get("distractors") or [], 1)
            if isinstance(x, dict)
        ]
        for key, t in texts:
            if not isinstance(t, Marked):
                continue
            for lang in LANGS:
                for name in PLACEHOLDER.findall(str(t.get(lang, ""))):
                    if name not in allowed:
                        self.problem(
                            t.at(lang),
                            f"{what}: {key}.{lang} uses {{{name}}}, which is not a parameter "
                            "(write {{ and }} for literal braces)",
                        )

    # ------------------------------------------------------------- figures
    def figure(self, raw: object, where: tuple[int, int], what: str) -> Figure | None:
        what = f"{what} figure"
        if not isinstance(raw, Marked):
            self.problem(where, f"{what}: must be a mapping (kind, x, y, series)")
            return None
        self.unknown_fields(raw, FIGURE.names, what)
        v = self.checked(raw, FIGURE.fields, what)
        x, y = self.text(raw, "x", what), self.text(raw, "y", what)
        title = self.text(raw, "title", what)
        series = self.series(raw, what)
        if "kind" not in v or x is None or y is None or series is None:
            return None
        return Figure(kind=str(v["kind"]), x=x, y=y, series=series, title=title)

    def series(self, raw: Marked, what: str) -> tuple[FigureSeries, ...] | None:
        items = raw.get("series")
        if items is None:
            return None  # reported as missing
        if not isinstance(items, list) or not 1 <= len(items) <= MAX_SERIES:
            self.problem(raw.at("series"), f"{what}: 'series' must be a list of 1 to {MAX_SERIES} series")
            return None
        out: list[FigureSeries] = []
        for i, s in enumerate(items, 1):
            label = f"{what} series {i}"
            if not isinstance(s, Marked):
                self.problem(raw.at("series"), f"{label}: must be a mapping with label and values")
                return None
            self.unknown_fields(s, FIGURE_SERIES.names, label)
            v = self.checked(s, FIGURE_SERIES.fields, label)
            text = self.text(s, "label", label)
            if text is None or "values" not in v:
                return None
            values = tuple(float(x) for x in v["values"])  # type: ignore[attr-defined]
            if out and len(values) != len(out[0].values):
                self.problem(
                    s.at("values"),
                    f"{label}: {len(values)} values, but series 1 has {len(out[0].values)}: "
                    "every series of a figure needs the same length",
                )
                return None
            out.append(FigureSeries(text, values))
        return tuple(out)
