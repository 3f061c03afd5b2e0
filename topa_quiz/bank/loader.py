"""Load banks from YAML (safe loader, C parser where PyYAML has it) with line marks.

Loading never stops at the first problem: every problem is collected as a
:class:`Problem` (``FILE:LINE:COL: message``) so ``topa bank validate`` can report them
all at once. A ``!!python/...`` tag is a problem, never an instruction.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import NamedTuple

import yaml

from ..engine.registry import lookup
from .model import LANGS, TYPES, Bank, Concept, Distractor, Option, Question, Text

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")


class Problem(NamedTuple):
    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"


class Marked(dict):
    """A YAML mapping that remembers where it and each of its values start."""

    mark: tuple[int, int] = (0, 0)
    marks: dict[object, tuple[int, int]]
    key_marks: dict[object, tuple[int, int]]

    def at(self, key: object) -> tuple[int, int]:
        """Where the value of ``key`` starts."""
        return self.marks.get(key, self.mark)

    def key_at(self, key: object) -> tuple[int, int]:
        """Where ``key`` itself is written."""
        return getattr(self, "key_marks", {}).get(key, self.mark)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    duplicate_keys: list[tuple[object, tuple[int, int]]]


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Marked:
    loader.flatten_mapping(node)
    d = Marked()
    d.mark, d.marks, d.key_marks = _mark(node), {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in d:
            loader.duplicate_keys.append((key, _mark(key_node)))
        try:
            d[key] = loader.construct_object(value_node, deep=True)
        except TypeError:  # an unhashable key, e.g. a list used as a key
            continue
        d.marks[key] = _mark(value_node)
        d.key_marks[key] = _mark(key_node)
    return d


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)

QUESTION_FIELDS = {
    "id",
    "concepts",
    "type",
    "difficulty",
    "prompt",
    "explanation",
    "options",
    "answer",
    "calc",
    "params",
    "cases",
    "pick",
    "decimals",
    "tolerance",
    "distractors",
    "tags",
}
CONCEPT_FIELDS = {"id", "topic", "ko", "en", "numeric", "engine", "summary", "facts"}


def bundled_bank_dir() -> Path:
    """The bank shipped with the package (inside the wheel, or beside the source)."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "question_bank"
    return installed if installed.is_dir() else here.parent / "question_bank"


def bank_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def read_yaml(path: Path, problems: list[Problem]) -> object:
    """Parse one file; problems (syntax, tags, duplicate keys) go to ``problems``."""
    name = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(name, 0, 0, "no such file or directory"))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, 0, 0, f"cannot read: {exc}"))
        return None
    loader = _Loader(text)
    loader.duplicate_keys = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        msg = f"{exc.problem or 'YAML error'}" + (f" ({exc.context})" if exc.context else "")
        if "could not determine a constructor" in msg:
            tag = re.search(r"'([^']*)'", msg)
            shown = (tag.group(1) if tag else "").replace("tag:yaml.org,2002:", "!!")
            msg = f"tag {shown} is not allowed: a bank is data, not code"
        problems.append(Problem(name, line, col, msg))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(name, 0, 0, f"YAML error: {exc}"))
        return None
    finally:
        loader.dispose()
    for key, (line, col) in loader.duplicate_keys:
        problems.append(Problem(name, line, col, f"duplicate key '{key}' (the later value would win)"))
    return data


class _Reader:
    """Turns parsed YAML into model objects, collecting problems as it goes."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

    def problem(self, where: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(self.file, where[0], where[1], message))

    def text(self, parent: Marked, key: str, what: str, required: bool = True) -> Text | None:
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

    def translations(self, value: Marked, key: str, what: str, only_langs: bool = True) -> Text:
        """The ko and en texts of a mapping; ``only_langs``: other keys are problems too."""
        out = {}
        for lang in LANGS:
            v = value.get(lang)
            if v is None or (isinstance(v, str) and not v.strip()):
                self.problem(value.mark, f"{what}: missing {lang} translation of '{key}'")
                out[lang] = ""
            elif not isinstance(v, (str, int, float)):
                self.problem(value.at(lang), f"{what}: '{key}.{lang}' must be text")
                out[lang] = ""
            else:
                out[lang] = str(v)
        for extra in set(value) - set(LANGS) if only_langs else ():
            self.problem(value.at(extra), f"{what}: unknown language '{extra}' in '{key}' (use ko and en)")
        return Text(out["ko"], out["en"])

    def unknown_fields(self, d: Marked, allowed: set[str], what: str) -> None:
        for key in d:
            if key not in allowed:
                guess = get_close_matches(str(key), allowed, n=1)
                hint = f"; did you mean '{guess[0]}'?" if guess else ""
                self.problem(d.key_at(key), f"{what}: unknown field '{key}'{hint}")

    # ------------------------------------------------------------- concepts
    def concept(self, d: object, where: tuple[int, int]) -> Concept | None:
        if not isinstance(d, Marked):
            self.problem(where, "a concept must be a mapping with id, topic, ko, en, summary")
            return None
        cid = d.get("id")
        if not isinstance(cid, str) or not cid:
            self.problem(d.mark, "concept: missing 'id'")
            return None
        what = f"concept {cid}"
        self.unknown_fields(d, CONCEPT_FIELDS, what)
        topic = d.get("topic")
        if not isinstance(topic, str):
            self.problem(d.mark, f"{what}: missing 'topic'")
            topic = cid.split(".")[0]
        summary = self.text(d, "summary", what) or Text("", "")
        engine = d.get("engine") or []
        if not isinstance(engine, list):
            self.problem(d.at("engine"), f"{what}: 'engine' must be a list of calculation names")
            engine = []
        for name in engine:
            if lookup(str(name)) is None:
                self.problem(d.at("engine"), f"{what}: unknown engine calculation '{name}'")
        return Concept(
            id=cid,
            topic=topic,
            ko=str(d.get("ko", cid)),
            en=str(d.get("en", cid)),
            summary=summary,
            numeric=bool(d.get("numeric", False)),
            engine=tuple(str(e) for e in engine),
        )

    # ------------------------------------------------------------ questions
    def question(self, d: object, where: tuple[int, int]) -> Question | None:
        if not isinstance(d, Marked):
            self.problem(where, "a question must be a mapping (id, concepts, type, prompt, ...)")
            return None
        qid = d.get("id")
        if not isinstance(qid, str) or not qid.strip():
            self.problem(d.mark, "question: missing 'id'")
            return None
        what = f"question {qid}"
        self.unknown_fields(d, QUESTION_FIELDS, what)
        concepts = d.get("concepts")
        if isinstance(concepts, str):
            concepts = [concepts]
        if not isinstance(concepts, list) or not concepts or not all(isinstance(c, str) for c in concepts):
            self.problem(
                d.at("concepts") if "concepts" in d else d.mark,
                f"{what}: 'concepts' must list at least one concept id",
            )
            concepts = []
        qtype = d.get("type")
        if qtype not in TYPES:
            self.problem(
                d.at("type") if "type" in d else d.mark,
                f"{what}: 'type' must be one of {', '.join(TYPES)}, got {qtype!r}",
            )
            return None
        prompt = self.text(d, "prompt", what)
        explanation = self.text(d, "explanation", what)
        difficulty = d.get("difficulty")
        if difficulty is not None and (
            not isinstance(difficulty, int) or isinstance(difficulty, bool) or not 1 <= difficulty <= 3
        ):
            self.problem(d.at("difficulty"), f"{what}: 'difficulty' must be 1, 2 or 3, got {difficulty!r}")
            difficulty = None
        fields: dict[str, object] = {}
        if d.get("calc") is not None:
            fields = self.computed(d, what, qtype)
        elif qtype == "numeric":
            self.problem(d.mark, f"{what}: a numeric question needs 'calc' (an engine calculation)")
        elif qtype == "choice":
            fields = self.static_choice(d, what)
        else:
            fields = self.ox(d, what)
        if prompt is None or explanation is None or not concepts or fields is None:
            return None
        return Question(
            id=qid,
            concepts=tuple(concepts),
            type=qtype,
            prompt=prompt,
            explanation=explanation,
            source=self.file,
            line=d.mark[0],
            difficulty=difficulty,
            **fields,  # type: ignore[arg-type]
        )

    def ox(self, d: Marked, what: str) -> dict[str, object] | None:
        answer = d.get("answer")
        if isinstance(answer, bool):  # YAML 1.1 reads some words as booleans
            answer = "O" if answer else "X"
        if not isinstance(answer, str) or answer.strip().upper() not in ("O", "X"):
            self.problem(
                d.at("answer") if "answer" in d else d.mark,
                f"{what}: an ox question's 'answer' must be O or X",
            )
            return None
        for key in ("options", "distractors"):
            if key in d:
                self.problem(d.at(key), f"{what}: an ox question has no '{key}'")
        return {"answer": answer.strip().upper()}

    def static_choice(self, d: Marked, what: str) -> dict[str, object] | None:
        raw = d.get("options")
        if not isinstance(raw, list) or not 4 <= len(raw) <= 5:
            self.problem(
                d.at("options") if "options" in d else d.mark,
                f"{what}: a choice question needs 4 or 5 'options' (or 'calc' and 'distractors')",
            )
            return None
        answer = d.get("answer")
        answer_ok = isinstance(answer, int) and not isinstance(answer, bool) and 1 <= answer <= len(raw)
        if not answer_ok:
            self.problem(
                d.at("answer") if "answer" in d else d.mark,
                f"{what}: 'answer' must be the number of the correct option, 1 to {len(raw)}, got {answer!r}",
            )
        options: list[Option] = []
        seen: dict[tuple[str, str], int] = {}
        for i, o in enumerate(raw, 1):
            if not isinstance(o, Marked):
                self.problem(d.at("options"), f"{what}: option {i} must be a mapping with ko, en (and why)")
                return None
            self.unknown_fields(o, {"ko", "en", "why", "last"}, f"{what} option {i}")
            text = self.translations(o, "text", f"{what} option {i}", only_langs=False)
            why = self.text(o, "why", f"{what} option {i}", required=answer_ok and i != answer)
            for lang in LANGS:
                key = (lang, " ".join(text.get(lang).split()).lower())
                if key[1] and key in seen:
                    self.problem(o.mark, f"{what}: option {i} repeats option {seen[key]} ({lang})")
                    break
                seen.setdefault(key, i)
            options.append(Option(text=text, why=why, last=bool(o.get("last", False))))
        return {"options": tuple(options), "answer": answer} if answer_ok else None

    def computed(self, d: Marked, what: str, qtype: str) -> dict[str, object] | None:
        name = d.get("calc")
        calc = lookup(str(name))
        if calc is None:
            from ..engine.registry import closest

            guess = closest(str(name))
            self.problem(
                d.at("calc"),
                f"{what}: unknown engine calculation '{name}'"
                + (f"; did you mean '{guess}'?" if guess else ""),
            )
            return None
        if qtype == "ox":
            self.problem(d.at("calc"), f"{what}: an ox question cannot be computed")
            return None
        params = d.get("params") or Marked()
        if not isinstance(params, dict):
            self.problem(d.at("params"), f"{what}: 'params' must be a mapping of parameter names")
            return None
        cases = d.get("cases") or []
        if not isinstance(cases, list) or not all(isinstance(c, dict) for c in cases):
            self.problem(d.at("cases"), f"{what}: 'cases' must be a list of parameter mappings")
            return None
        known = {p.name for p in calc.params}
        from .sampling import spec_problem

        for source in [params, *cases]:
            for key, spec in source.items():
                issue = spec_problem(spec)
                if issue:
                    where = source.at(key) if isinstance(source, Marked) else d.at("params")
                    self.problem(where, f"{what}: parameter '{key}': {issue}")
                if key not in known:
                    guess = get_close_matches(str(key), known, n=1)
                    where = source.at(key) if isinstance(source, Marked) else d.at("params")
                    self.problem(
                        where,
                        f"{what}: '{calc.name}' has no parameter '{key}'"
                        + (
                            f"; did you mean '{guess[0]}'?"
                            if guess
                            else f" (it takes: {', '.join(sorted(known))})"
                        ),
                    )
        decimals = d.get("decimals", 2)
        if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 10:
            self.problem(d.at("decimals"), f"{what}: 'decimals' must be a whole number from 0 to 10")
            decimals = 2
        tol = d.get("tolerance") or {}
        tol_abs = tol_rel = None
        if not isinstance(tol, dict) or set(tol) - {"abs", "rel"}:
            self.problem(d.at("tolerance"), f"{what}: 'tolerance' must be a mapping with abs and/or rel")
        else:
            for key in ("abs", "rel"):
                v = tol.get(key)
                if v is not None and (not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0):
                    self.problem(d.at("tolerance"), f"{what}: tolerance {key} must be a number >= 0")
            tol_abs, tol_rel = tol.get("abs"), tol.get("rel")
        pick = d.get("pick")
        if pick is not None and (not isinstance(pick, int) or isinstance(pick, bool) or pick < 0):
            self.problem(d.at("pick"), f"{what}: 'pick' must be a whole number >= 0 (0 is the first element)")
            pick = None
        distractors: list[Distractor] = []
        if qtype == "choice":
            raw = d.get("distractors")
            if not isinstance(raw, list) or len(raw) < 2:
                self.problem(
                    d.at("distractors") if "distractors" in d else d.mark,
                    f"{what}: a computed choice question needs at least 2 'distractors'",
                )
                return None
            for i, x in enumerate(raw, 1):
                dist = self.distractor(x, i, what, calc.name, d)
                if dist:
                    distractors.append(dist)
            if "options" in d or "answer" in d:
                self.problem(
                    d.at("options" if "options" in d else "answer"),
                    f"{what}: a computed choice question takes 'distractors', not 'options'/'answer'",
                )
        elif "distractors" in d:
            self.problem(
                d.at("distractors"), f"{what}: a numeric question has no 'distractors' (use type: choice)"
            )
        self.placeholders(d, what, known)
        return {
            "calc": calc.name,
            "params": dict(params),
            "cases": tuple(dict(c) for c in cases),
            "pick": pick,
            "decimals": decimals,
            "tol_abs": tol_abs,
            "tol_rel": tol_rel,
            "distractors": tuple(distractors),
        }

    def distractor(self, x: object, i: int, what: str, default_calc: str, q: Marked) -> Distractor | None:
        if not isinstance(x, Marked):
            self.problem(q.at("distractors"), f"{what}: distractor {i} must be a mapping (calc, params, why)")
            return None
        self.unknown_fields(x, {"calc", "params", "why"}, f"{what} distractor {i}")
        name = x.get("calc", default_calc)
        calc = lookup(str(name))
        if calc is None:
            self.problem(x.at("calc"), f"{what}: distractor {i}: unknown engine calculation '{name}'")
            return None
        params = x.get("params") or {}
        if not isinstance(params, dict):
            self.problem(x.at("params"), f"{what}: distractor {i}: 'params' must be a mapping")
            return None
        known = {p.name for p in calc.params}
        for key in params:
            if key not in known:
                self.problem(
                    x.at("params"), f"{what}: distractor {i}: '{calc.name}' has no parameter '{key}'"
                )
        why = self.text(x, "why", f"{what} distractor {i}")
        if why is None:
            return None
        return Distractor(why=why, calc=calc.name, params=dict(params))

    def placeholders(self, d: Marked, what: str, known: set[str]) -> None:
        allowed = known | {"answer"}
        texts = [("prompt", d.get("prompt")), ("explanation", d.get("explanation"))]
        texts += [
            (f"distractor {i} why", x.get("why"))
            for i, x in enumerate(d.get("distractors") or [], 1)
            if isinstance(x, dict)
        ]
        for key, t in texts:
            if not isinstance(t, dict):
                continue
            for lang in LANGS:
                for name in PLACEHOLDER.findall(str(t.get(lang, ""))):
                    if name not in allowed:
                        self.problem(
                            t.at(lang) if isinstance(t, Marked) else d.mark,
                            f"{what}: {key}.{lang} uses {{{name}}}, which is not a parameter "
                            "(write {{ and }} for literal braces)",
                        )


@dataclass
class FileData:
    """What one file holds, after the checks that need nothing but the file itself.

    Everything here is a pure function of the file's bytes (and the engine registry), so
    it can be cached; the checks across files run on it at every load.
    """

    topics: list[tuple[str, Text, tuple[int, int]]] = field(default_factory=list)
    concepts: list[tuple[Concept, tuple[int, int]]] = field(default_factory=list)
    #: (question or None if invalid, its id, its concept ids, where they and the id are written)
    questions: list[tuple[Question | None, str | None, list[str], tuple[int, int], tuple[int, int]]] = field(
        default_factory=list
    )
    problems: list[Problem] = field(default_factory=list)


def parse_file(path: Path) -> FileData:
    """Read one bank file and run every check that needs only this file."""
    out = FileData()
    data = read_yaml(path, out.problems)
    reader = _Reader(_display(path), out.problems)
    if data is None:
        return out
    if not isinstance(data, Marked):
        reader.problem((1, 1), "a bank file must be a mapping with 'questions' (and/or 'topics', 'concepts')")
        return out
    reader.unknown_fields(data, {"topic", "topics", "concepts", "questions"}, "file")
    topics = data.get("topics")
    if topics is None:
        topics = Marked()
    elif not isinstance(topics, Marked):
        reader.problem(data.at("topics"), "'topics' must be a mapping of topic ids to ko/en names")
        topics = Marked()
    for tid, names in topics.items():
        if not isinstance(names, dict) or not all(names.get(lang) for lang in LANGS):
            reader.problem(topics.at(tid), f"topic {tid}: needs ko and en names")
            continue
        out.topics.append((str(tid), Text(str(names["ko"]), str(names["en"])), topics.at(tid)))
    for c in data.get("concepts") or []:
        concept = reader.concept(c, data.at("concepts"))
        if concept is not None:
            out.concepts.append((concept, c.mark))
    questions = data.get("questions")
    if questions is not None and not isinstance(questions, list):
        reader.problem(data.at("questions"), "'questions' must be a list")
        questions = None
    for raw in questions or []:
        q = reader.question(raw, data.at("questions"))
        if not isinstance(raw, Marked):
            continue
        ids = raw.get("concepts")
        ids = [ids] if isinstance(ids, str) else ids if isinstance(ids, list) else []
        qid = raw.get("id") if isinstance(raw.get("id"), str) else None
        out.questions.append(
            (q, qid, [c for c in ids if isinstance(c, str)], raw.at("concepts"), raw.at("id"))
        )
    return out


def load_bank(paths: list[Path] | None = None, include_bundled: bool = True) -> tuple[Bank, list[Problem]]:
    """Load the bundled bank and ``paths``; every problem found, file by file.

    Each file's own checks are cached (see :mod:`topa_quiz.bank.cache`); the checks across
    files (duplicate ids, unknown concepts and topics) run every time.
    """
    import gc

    paused = gc.isenabled()
    gc.disable()  # building tens of thousands of small objects: cyclic GC passes would only slow it
    try:
        return _load(paths, include_bundled)
    finally:
        if paused:
            gc.enable()


def _load(paths: list[Path] | None, include_bundled: bool) -> tuple[Bank, list[Problem]]:
    from .cache import cached_parse

    problems: list[Problem] = []
    sources: list[Path] = []
    if include_bundled:
        sources.append(bundled_bank_dir())
    sources += list(paths or [])
    loaded: set[str] = set()
    parsed: list[tuple[str, bool, FileData]] = []
    for n, source in enumerate(sources):
        if not source.exists():
            problems.append(Problem(_display(source), 0, 0, "no such file or directory"))
            continue
        for path in bank_files(source):
            resolved = str(path.resolve())
            if resolved in loaded:
                continue  # a bundled file named again on the command line
            loaded.add(resolved)
            parsed.append((_display(path), include_bundled and n == 0, cached_parse(path)))
    topics: dict[str, Text] = {}
    concepts: dict[str, Concept] = {}
    declared_at: dict[str, tuple[str, tuple[int, int]]] = {}
    for name, bundled, data in parsed:
        problems += data.problems
        for tid, text, mark in data.topics:
            if tid in topics and not bundled:
                problems.append(Problem(name, *mark, f"topic {tid} is already declared"))
            topics[tid] = text
        for concept, mark in data.concepts:
            if concept.id in concepts:
                problems.append(Problem(name, *mark, f"concept {concept.id} is already declared"))
                continue
            concepts[concept.id] = concept
            declared_at[concept.id] = (name, mark)
    for c in concepts.values():
        if c.topic not in topics:
            name, mark = declared_at[c.id]
            problems.append(
                Problem(name, *mark, f"concept {c.id}: unknown topic '{c.topic}' (declare it under 'topics')")
            )
    out: list[Question] = []
    seen: dict[str, Question] = {}
    for name, _, data in parsed:
        for q, qid, concept_ids, concepts_mark, id_mark in data.questions:
            for cid in concept_ids:
                if cid not in concepts:
                    guess = get_close_matches(cid, concepts, n=1)
                    problems.append(
                        Problem(
                            name,
                            *concepts_mark,
                            f"question {qid}: unknown concept '{cid}'"
                            + (f"; did you mean '{guess[0]}'?" if guess else ""),
                        )
                    )
            if q is None:
                continue
            if q.id in seen:
                first = seen[q.id]
                problems.append(
                    Problem(
                        name,
                        *id_mark,
                        f"duplicate question id '{q.id}' (first at {first.source}:{first.line})",
                    )
                )
                continue
            seen[q.id] = q
            out.append(q)
    files = tuple(name for name, _, _ in parsed)
    return Bank(topics, concepts, tuple(out), files), problems


def _display(path: Path) -> str:
    """A path as short as it can be said: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def bank_paths_from(options: list[Path] | None) -> list[Path]:
    """--bank options, then TOPA_BANK (paths separated by the OS path separator)."""
    paths = list(options or [])
    env = os.environ.get("TOPA_BANK", "")
    paths += [Path(p) for p in env.split(os.pathsep) if p.strip()]
    return paths
