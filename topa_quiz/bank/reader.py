"""Turn parsed YAML into model objects by the field tables, collecting every problem.

The generic part (unknown fields with a did-you-mean, missing required fields, fields that
belong to another kind or form, simple typed values) comes from the tables of
:mod:`topa_quiz.bank.fields` and :mod:`topa_quiz.bank.records`; what a table cannot say
(texts in two languages, figures, a kind's own rules) is read here and by each kind's
form reader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..errors import Msg
from .fields import Field, Form, KindFields, doc_msg, kinds
from .model import LANGS, PLACEHOLDER, Concept, Figure, FigureSeries, Question, Text
from .problem import Problem
from .records import CONCEPT, FIGURE, FIGURE_SERIES, MAX_SERIES, QUESTION, question_field_names
from .yamlread import Marked


def shown(v: object) -> str | Msg:
    """A value as a message quotes it (what it is, in words, when it is no scalar)."""
    if isinstance(v, (dt.date, dt.datetime)):
        return Msg("problem.shown.date", {"date": v.isoformat()})
    if isinstance(v, (bytes, bytearray)):
        return Msg("problem.shown.binary")
    if isinstance(v, list):
        return Msg("problem.shown.list")
    if isinstance(v, dict):
        return Msg("problem.shown.mapping")
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "..."


def form_msg(kind: KindFields, form: Form) -> Msg | str:
    """A form's title ("an ox question") in the session's language where the catalog has it."""
    from ..i18n import catalog

    key = f"problem.form.{kind.kind}.{form.name}"
    return Msg(key) if catalog("en").has(key) else form.title


class Reader:
    """Reads the mappings of one file, adding what is wrong to ``problems``."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

    def problem(self, where: tuple[int, int], message: str, code: str = "") -> None:
        """A problem in English only (prefer :meth:`said`)."""
        self.problems.append(Problem(self.file, where[0], where[1], message, code))

    def said(self, where: tuple[int, int], key: str, /, **values: object) -> None:
        """The problem ``key`` (a ``problem.…`` catalog id) with its values."""
        self.problems.append(Problem.of(self.file, where, key, **values))

    # ------------------------------------------------------------- generic
    def unknown_fields(self, d: Marked, allowed: Iterable[str], what: str) -> None:
        allowed = set(allowed)
        for key in d:
            if key not in allowed:
                from difflib import get_close_matches

                guess = get_close_matches(str(key), allowed, n=1)
                if guess:
                    self.said(
                        d.key_at(key), "problem.field.unknown_guess", what=what, key=key, guess=guess[0]
                    )
                else:
                    self.said(d.key_at(key), "problem.field.unknown", what=what, key=key)

    def checked(self, d: Marked, fields: Iterable[Field], what: Msg | str) -> dict[str, object]:
        """The present values of ``fields`` that pass their type's check; missing required
        fields and failed checks are reported."""
        out: dict[str, object] = {}
        for f in fields:
            v = d.get(f.name)
            if v is None:
                if f.required:
                    self.said(
                        d.mark, "problem.field.missing", what=what, field=f.name, doc=doc_msg(f.type.doc)
                    )
                continue
            issue = f.type.check(v) if f.type.check else None
            if issue:
                self.said(
                    d.at(f.name), "problem.field.bad", what=what, field=f.name, issue=issue, value=shown(v)
                )
                continue
            out[f.name] = v
        return out

    def identity(self, d: object, where: tuple[int, int], noun: str) -> str | None:
        """The id of a question or concept mapping, else None (reported)."""
        if not isinstance(d, Marked):
            self.said(where, f"problem.{noun}.not_mapping")
            return None
        if d.get("id") is None:
            self.said(d.mark, f"problem.{noun}.no_id")
            return None
        ident = d["id"]
        if not isinstance(ident, str) or not ident.strip():
            self.said(d.at("id"), f"problem.{noun}.bad_id", value=shown(ident))
            return None
        return ident

    # --------------------------------------------------------------- texts
    def text(self, parent: Marked, key: str, what: Msg | str, required: bool = False) -> Text | None:
        """A {ko, en} mapping; a missing one is reported only when ``required`` (the field
        tables report missing required fields themselves)."""
        value = parent.get(key)
        if value is None:
            if required:
                self.said(parent.mark, "problem.text.missing", what=what, key=key)
            return None
        if not isinstance(value, Marked):
            self.said(
                parent.at(key), "problem.text.not_mapping", what=what, key=key, type=type(value).__name__
            )
            return None
        return self.translations(value, key, what)

    def translations(self, value: Marked, key: str, what: Msg | str) -> Text:
        """The ko and en of a {ko, en} mapping named ``key`` in messages; other keys are problems."""
        out = {}
        for lang in LANGS:
            v = value.get(lang)
            if v is None or (isinstance(v, str) and not v.strip()):
                self.said(value.mark, "problem.text.no_translation", what=what, lang=lang, key=key)
                out[lang] = ""
            elif not isinstance(v, (str, int, float)) or isinstance(v, bool):
                self.said(value.at(lang), "problem.text.not_text", what=what, key=key, lang=lang)
                out[lang] = ""
            else:
                out[lang] = str(v)
        for extra in set(value) - set(LANGS):
            self.said(value.at(extra), "problem.text.unknown_lang", what=what, lang=str(extra), key=key)
        return Text(out["ko"], out["en"])

    # ------------------------------------------------------------ concepts
    def concept(self, d: object, where: tuple[int, int]) -> Concept | None:
        cid = self.identity(d, where, "concept")
        if cid is None:
            return None
        assert isinstance(d, Marked)
        what = Msg("problem.what.concept", {"id": cid})
        self.unknown_fields(d, CONCEPT.names, what)
        v = self.checked(d, CONCEPT.fields[1:], what)
        engine = d.get("engine") or []
        if not isinstance(engine, list):
            self.said(d.at("engine"), "problem.concept.engine_not_list", what=what)
            engine = []
        from ..engine.registry import lookup

        for name in engine:
            if lookup(str(name)) is None:
                self.said(d.at("engine"), "problem.calc.unknown", what=what, name=str(name))
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
        what = Msg("problem.what.question", {"id": qid})
        self.unknown_fields(d, question_field_names(), what)
        if d.get("type") is None:
            self.said(d.mark, "problem.question.no_type", what=what, kinds=", ".join(kinds()))
            return None
        kind = kinds().get(d["type"]) if isinstance(d["type"], str) else None
        if kind is None:
            self.said(
                d.at("type"),
                "problem.question.bad_type",
                what=what,
                kinds=", ".join(kinds()),
                value=shown(d["type"]),
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

    def misplaced(self, d: Marked, kind: KindFields, form: Form, what: Msg | str) -> None:
        """Fields of another kind, or of another form of this kind."""
        for name in d:
            if name in form.names or name not in question_field_names() or name in QUESTION.names:
                continue
            other = next((f for f in kind.forms if name in f.names), None)
            where, this = d.key_at(name), form_msg(kind, form)
            if other:
                self.said(
                    where,
                    "problem.field.elsewhere",
                    what=what,
                    form=this,
                    field=name,
                    other=form_msg(kind, other),
                )
            else:
                self.said(where, "problem.field.not_here", what=what, form=this, field=name)

    def placeholders(self, d: Marked, what: Msg | str, known: set[str]) -> None:
        """Every ``{name}`` in the question's texts must be a parameter or ``answer``."""
        allowed = known | {"answer"}
        texts: list[tuple[Msg, object]] = [
            (Msg("problem.part.prompt"), d.get("prompt")),
            (Msg("problem.part.explanation"), d.get("explanation")),
        ]
        texts += [
            (Msg("problem.part.distractor_why", {"n": i}), x.get("why"))
            for i, x in enumerate(d.get("distractors") or [], 1)
            if isinstance(x, dict)
        ]
        for key, t in texts:
            if not isinstance(t, Marked):
                continue
            for lang in LANGS:
                for name in PLACEHOLDER.findall(str(t.get(lang, ""))):
                    if name not in allowed:
                        self.said(
                            t.at(lang), "problem.text.placeholder", what=what, part=key, lang=lang, name=name
                        )

    # ------------------------------------------------------------- figures
    def figure(self, raw: object, where: tuple[int, int], what: Msg | str) -> Figure | None:
        what = Msg("problem.what.figure", {"what": what})
        if not isinstance(raw, Marked):
            self.said(where, "problem.figure.not_mapping", what=what)
            return None
        self.unknown_fields(raw, FIGURE.names, what)
        v = self.checked(raw, FIGURE.fields, what)
        x, y = self.text(raw, "x", what), self.text(raw, "y", what)
        title = self.text(raw, "title", what)
        series = self.series(raw, what)
        if "kind" not in v or x is None or y is None or series is None:
            return None
        return Figure(kind=str(v["kind"]), x=x, y=y, series=series, title=title)

    def series(self, raw: Marked, what: Msg | str) -> tuple[FigureSeries, ...] | None:
        items = raw.get("series")
        if items is None:
            return None  # reported as missing
        if not isinstance(items, list) or not 1 <= len(items) <= MAX_SERIES:
            self.said(raw.at("series"), "problem.figure.series_count", what=what, max=MAX_SERIES)
            return None
        out: list[FigureSeries] = []
        for i, s in enumerate(items, 1):
            label = Msg("problem.what.series", {"what": what, "n": i})
            if not isinstance(s, Marked):
                self.said(raw.at("series"), "problem.figure.series_not_mapping", what=label)
                return None
            self.unknown_fields(s, FIGURE_SERIES.names, label)
            v = self.checked(s, FIGURE_SERIES.fields, label)
            text = self.text(s, "label", label)
            if text is None or "values" not in v:
                return None
            values = tuple(float(x) for x in v["values"])  # type: ignore[attr-defined]
            if out and len(values) != len(out[0].values):
                self.said(
                    s.at("values"),
                    "problem.figure.lengths",
                    what=label,
                    n=len(values),
                    first=len(out[0].values),
                )
                return None
            out.append(FigureSeries(text, values))
        return tuple(out)
