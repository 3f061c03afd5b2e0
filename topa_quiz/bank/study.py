"""Study pages: one YAML file per topic under ``question_bank/study/``, one page per concept.

A page teaches one concept in Korean and English: the idea, its formulas, a worked
example drawn fresh from the engine, a plot where one fits, the common misconceptions and
the related concepts. The files are data, read with the same safe loader as the bank; a
problem is reported as ``FILE:LINE:COL: message`` (:class:`~topa_quiz.bank.loader.Problem`).

File format::

    topic: activation                  # the topic every page of the file belongs to
    sheet: [activation.sigmoid, ...]   # optional: whose formulas go on the formula sheet, in order
    pages:
      activation.sigmoid:              # a concept id
        idea: {ko: ..., en: ...}
        formulas:                      # optional; plain Unicode math, the same in both languages
          - formula: σ(x) = 1/(1 + e^(−x))
            gloss: {ko: ..., en: ...}
        example:                       # optional; one mapping or a list of them
          calc: sigmoid                # an engine calculation, by name
          params: {x: {uniform: [-4, 4], round: 1}}   # sampling forms as in question files
          cases: [...]                 # optional, as in question files
          note: {ko: ..., en: ...}     # optional: what the example shows
        plot: sigmoid                  # optional: a curve or optimizer calculation, or "lr"
        pitfalls: [{ko: ..., en: ...}, ...]   # 2 to 4
        related: [activation.tanh]     # concept ids
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine.registry import lookup
from ..errors import Msg
from .loader import Marked, Problem, _display, bundled_bank_dir, read_yaml
from .model import Text
from .problem import engine_error
from .reader import Reader
from .sampling import sample_params, spec_problem

if TYPE_CHECKING:
    from ..engine.core import Calculation
    from ..rng import Rng

#: plots that are not one calculation: the learning-rate comparison
SPECIAL_PLOTS = ("lr",)
FILE_FIELDS = {"topic", "sheet", "pages"}
PAGE_FIELDS = {"idea", "formulas", "example", "plot", "pitfalls", "related"}
EXAMPLE_FIELDS = {"calc", "params", "cases", "note"}
PITFALLS = (2, 4)


@dataclass(frozen=True)
class Formula:
    """One formula in plain Unicode math, with a short gloss in each language."""

    text: str
    gloss: Text


@dataclass(frozen=True)
class Example:
    """An engine calculation with parameter forms; fresh numbers are drawn at display time."""

    calc: str
    params: dict[str, object] = field(default_factory=dict)
    cases: tuple[dict[str, object], ...] = ()
    note: Text | None = None
    #: where the example is written in its file
    line: int = 0

    def draw(self, rng: Rng) -> dict[str, object]:
        """One set of concrete parameters (a case, if any, then each form drawn)."""
        return sample_params(self.params, self.cases, rng)

    def run(self, rng: Rng) -> Calculation:
        """Draw parameters and compute: the result with its worked steps.

        Raises :class:`topa_quiz.engine.EngineError` if the engine rejects the draw.
        """
        from ..engine import compute

        return compute(self.calc, **self.draw(rng))


@dataclass(frozen=True)
class StudyPage:
    concept: str
    topic: str
    idea: Text
    pitfalls: tuple[Text, ...]
    related: tuple[str, ...] = ()
    formulas: tuple[Formula, ...] = ()
    examples: tuple[Example, ...] = ()
    plot: str | None = None
    source: str = ""
    line: int = 0

    @property
    def example(self) -> Example | None:
        """The first example, or None for a conceptual page."""
        return self.examples[0] if self.examples else None


@dataclass(frozen=True)
class Study:
    """Every page, keyed by concept id, in file order; each topic's formula-sheet order."""

    pages: dict[str, StudyPage]
    sheets: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def topic_pages(self, topic: str) -> tuple[StudyPage, ...]:
        return tuple(p for p in self.pages.values() if p.topic == topic)

    def sheet(self, topic: str) -> tuple[StudyPage, ...]:
        """The pages whose formulas go on ``topic``'s sheet, in order (by default every page
        of the topic that has formulas)."""
        if topic in self.sheets:
            return tuple(self.pages[c] for c in self.sheets[topic] if c in self.pages)
        return tuple(p for p in self.topic_pages(topic) if p.formulas)

    def missing(self, concept_ids: list[str] | tuple[str, ...]) -> list[str]:
        """The concept ids that have no page."""
        return [c for c in concept_ids if c not in self.pages]


def study_dir() -> Path:
    """The study pages shipped with the package."""
    return bundled_bank_dir() / "study"


class _PageReader(Reader):
    """Reads one study file into pages, collecting problems (a bank reader's helpers)."""

    def str_list(self, parent: Marked, key: str, what: Msg | str) -> list[str]:
        value = parent.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.said(parent.at(key), "problem.study.not_ids", what=what, field=key)
            return []
        return list(value)

    def formulas(self, page: Marked, what: Msg) -> tuple[Formula, ...]:
        raw = page.get("formulas") or []
        if not isinstance(raw, list):
            self.said(page.at("formulas"), "problem.study.formulas", what=what)
            return ()
        out: list[Formula] = []
        for i, f in enumerate(raw, 1):
            label = Msg("problem.what.formula", {"what": what, "n": i})
            if not isinstance(f, Marked):
                self.said(page.at("formulas"), "problem.study.formula_not_mapping", what=label)
                continue
            self.unknown_fields(f, {"formula", "gloss"}, label)
            text = f.get("formula")
            if not isinstance(text, str) or not text.strip():
                self.said(f.mark, "problem.study.no_formula", what=label)
                continue
            gloss = self.text(f, "gloss", label)
            if gloss is not None:
                out.append(Formula(text.strip(), gloss))
        return tuple(out)

    def examples(self, page: Marked, what: Msg) -> tuple[Example, ...]:
        raw = page.get("example")
        if raw is None:
            return ()
        items = raw if isinstance(raw, list) else [raw]
        out = [self.example(x, i, what, page) for i, x in enumerate(items, 1)]
        return tuple(x for x in out if x is not None)

    def example(self, x: object, i: int, what: Msg, page: Marked) -> Example | None:
        label = Msg("problem.what.example", {"what": what, "n": i})
        if not isinstance(x, Marked):
            self.said(page.at("example"), "problem.study.example_not_mapping", what=label)
            return None
        self.unknown_fields(x, EXAMPLE_FIELDS, label)
        if "calc" not in x:
            self.said(x.mark, "problem.study.no_calc", what=label)
            return None
        name = str(x["calc"])
        calc = lookup(name)
        if calc is None:
            self.said(x.at("calc"), "problem.calc.unknown", what=label, name=name)
            return None
        params = x.get("params") or Marked()
        cases = x.get("cases") or []
        if not isinstance(params, Marked) or not isinstance(cases, list):
            self.said(x.mark, "problem.study.params_cases", what=label)
            return None
        known = {p.name for p in calc.params}
        for source in [params, *cases]:
            if not isinstance(source, Marked):
                self.said(x.at("cases"), "problem.study.case_not_mapping", what=label)
                return None
            for key, spec in source.items():
                issue = spec_problem(spec)
                if key not in known:
                    takes = ", ".join(sorted(known))
                    issue = Msg(
                        "problem.study.no_param", {"calc": calc.name, "key": str(key), "takes": takes}
                    )
                if issue:
                    self.said(source.at(key), "problem.param.form", what=label, key=str(key), issue=issue)
        note = self.text(x, "note", label, required=False)
        return Example(calc.name, dict(params), tuple(dict(c) for c in cases), note, x.mark[0])

    def plot(self, page: Marked, what: Msg) -> str | None:
        name = page.get("plot")
        if name is None:
            return None
        calc = lookup(str(name))
        if name not in SPECIAL_PLOTS and (calc is None or not calc.plot):
            self.said(
                page.at("plot"), "problem.study.plot", what=what, name=str(name), special=str(SPECIAL_PLOTS)
            )
            return None
        return str(name) if calc is None else calc.name

    def pitfalls(self, page: Marked, what: Msg) -> tuple[Text, ...]:
        raw = page.get("pitfalls")
        lo, hi = PITFALLS
        if not isinstance(raw, list) or not lo <= len(raw) <= hi:
            where = page.at("pitfalls") if "pitfalls" in page else page.mark
            self.said(where, "problem.study.pitfalls", what=what, low=lo, high=hi)
            return ()
        out = []
        for i, p in enumerate(raw, 1):
            if not isinstance(p, Marked):
                self.said(page.at("pitfalls"), "problem.study.pitfall_not_mapping", what=what, n=i)
                continue
            out.append(self.translations(p, f"pitfalls[{i}]", what))
        return tuple(out)

    def page(self, cid: str, d: object, topic: str, where: tuple[int, int]) -> StudyPage | None:
        """One page; ``where`` is where its concept id is written (the page's line)."""
        what = Msg("problem.what.page", {"id": cid})
        if not isinstance(d, Marked):
            self.said(where, "problem.study.page_not_mapping", what=what)
            return None
        self.unknown_fields(d, PAGE_FIELDS, what)
        idea = self.text(d, "idea", what)
        related = self.str_list(d, "related", what)
        if cid in related:
            self.said(d.at("related"), "problem.study.self_related", what=what)
        page = StudyPage(
            concept=cid,
            topic=topic,
            idea=idea or Text("", ""),
            pitfalls=self.pitfalls(d, what),
            related=tuple(related),
            formulas=self.formulas(d, what),
            examples=self.examples(d, what),
            plot=self.plot(d, what),
            source=self.file,
            line=where[0],
        )
        return page if idea is not None else None


def parse_study_file(path: Path) -> tuple[list[StudyPage], tuple[str, ...] | None, list[Problem]]:
    """One file's pages, its sheet order (None if it declares none) and its problems."""
    problems: list[Problem] = []
    data = read_yaml(path, problems)
    reader = _PageReader(_display(path), problems)
    if data is None:
        return [], None, problems
    if not isinstance(data, Marked):
        reader.said((1, 1), "problem.study.file_not_mapping")
        return [], None, problems
    file = Msg("problem.what.file")
    reader.unknown_fields(data, FILE_FIELDS, file)
    topic = data.get("topic")
    pages_raw = data.get("pages")
    if not isinstance(topic, str) or not topic:
        reader.said(data.mark, "problem.study.no_topic")
        topic = ""
    if not isinstance(pages_raw, Marked) or not pages_raw:
        reader.said(data.at("pages"), "problem.study.pages")
        pages_raw = Marked()
    pages = [reader.page(str(cid), d, topic, pages_raw.key_at(cid)) for cid, d in pages_raw.items()]
    sheet = reader.str_list(data, "sheet", file) if "sheet" in data else None
    for cid in sheet or []:
        if cid not in pages_raw:
            reader.said(data.at("sheet"), "problem.study.sheet_no_page", id=str(cid))
        elif not isinstance(pages_raw[cid], Marked) or not pages_raw[cid].get("formulas"):
            reader.said(data.at("sheet"), "problem.study.sheet_no_formulas", id=str(cid))
    return [p for p in pages if p is not None], (tuple(sheet) if sheet is not None else None), problems


def load_study(
    path: Path | None = None, concepts: Mapping[str, str] | None = None
) -> tuple[Study, list[Problem]]:
    """Load every ``*.yaml`` under ``path`` (default: the bundled study pages).

    ``concepts`` (concept id -> topic, e.g. ``{c.id: c.topic for c in bank.concepts.values()}``)
    adds the checks against the bank: each page's concept exists and sits in its topic, and
    related ids exist. Without it, related ids are checked against the pages themselves.
    """
    path = study_dir() if path is None else path
    if not path.is_dir():
        return Study({}), [Problem.of(_display(path), (0, 0), "problem.study.no_dir")]
    problems: list[Problem] = []
    pages: dict[str, StudyPage] = {}
    sheets: dict[str, tuple[str, ...]] = {}
    for file in sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()):
        found, sheet, file_problems = parse_study_file(file)
        problems += file_problems
        for page in found:
            if page.concept in pages:
                first = pages[page.concept]
                first_at = f"{first.source}:{first.line}"
                problems.append(
                    Problem.of(
                        page.source, (page.line, 1), "problem.study.again", id=page.concept, first=first_at
                    )
                )
                continue
            pages[page.concept] = page
        if sheet is not None and found:
            sheets[found[0].topic] = sheet
    problems += _cross_checks(pages, concepts)
    return Study(pages, sheets), problems


def _cross_checks(pages: dict[str, StudyPage], concepts: Mapping[str, str] | None) -> list[Problem]:
    known = concepts if concepts is not None else {p.concept: p.topic for p in pages.values()}
    out: list[Problem] = []
    for p in pages.values():
        if concepts is not None and p.concept not in concepts:
            out.append(Problem.of(p.source, (p.line, 1), "problem.study.unknown_concept", id=p.concept))
        elif concepts is not None and concepts[p.concept] != p.topic:
            topic = concepts[p.concept]
            out.append(
                Problem.of(
                    p.source, (p.line, 1), "problem.study.topic", id=p.concept, topic=topic, here=p.topic
                )
            )
        for rid in p.related:
            if rid not in known:
                out.append(
                    Problem.of(p.source, (p.line, 1), "problem.study.related", id=p.concept, related=rid)
                )
    return out


def check_examples(study: Study, draws: int = 12) -> list[Problem]:
    """Draw every example ``draws`` times and compute it; report draws the engine rejects.

    The deep check (it needs NumPy and the engine), like :func:`topa_quiz.bank.validate.check_draws`.
    """
    from ..engine import EngineError, compute
    from ..rng import Rng

    problems: list[Problem] = []
    for page in study.pages.values():
        for x in page.examples:
            rng = Rng([draws, len(page.concept)])
            for k in range(draws):
                params = x.draw(rng)
                try:
                    compute(x.calc, **params)
                except EngineError as exc:
                    why = engine_error(exc)
                    problems.append(
                        Problem.of(
                            page.source,
                            (x.line, 1),
                            "problem.study.example_draw",
                            id=page.concept,
                            calc=x.calc,
                            k=k + 1,
                            n=draws,
                            params=str(params),
                            why=why,
                        )
                    )
                    break
    return problems
