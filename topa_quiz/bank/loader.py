"""Load banks: files and folders of YAML, read by the field tables, checked across files.

Loading never stops at the first problem: every problem is collected as a
:class:`Problem` (``FILE:LINE:COL: message``) so ``topa bank validate`` can report them
all at once. Reading one file safely is :mod:`.yamlread`'s job, turning its mappings into
model objects :mod:`.reader`'s; this module joins files into one :class:`Bank`.
"""

# Annotations are objects here (no __future__ import): the cache's codec reads FileData's.

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Msg
from .model import LANGS, PLACEHOLDER, Bank, Concept, Question, Text
from .problem import Problem
from .yamlread import Marked, decode, parse, read_bytes

if TYPE_CHECKING:  # the readers are imported when a file is parsed, never for a cached bank
    from .reader import Reader

__all__ = [
    "PLACEHOLDER",
    "FileData",
    "Marked",
    "Problem",
    "bank_files",
    "bank_paths_from",
    "load_bank",
    "parse_file",
    "read_yaml",
]

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class TopicEntry:
    """A topic declared in a file, with where."""

    id: str
    name: Text
    mark: tuple[int, int]


@dataclass(frozen=True)
class ConceptEntry:
    """A concept declared in a file, with where."""

    concept: Concept
    mark: tuple[int, int]


@dataclass(frozen=True)
class QuestionEntry:
    """A question as read (None when invalid), with what the checks across files need."""

    question: Question | None
    id: str | None
    concepts: tuple[str, ...]
    concepts_mark: tuple[int, int]
    id_mark: tuple[int, int]


@dataclass
class FileData:
    """What one file holds, after the checks that need nothing but the file itself.

    A pure function of the file's bytes (and the engine registry), so it can be cached;
    the checks across files run on it at every load.
    """

    topics: list[TopicEntry] = field(default_factory=list)
    concepts: list[ConceptEntry] = field(default_factory=list)
    questions: list[QuestionEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def bundled_bank_dir() -> Path:
    """The bank shipped with the package (inside the wheel, or beside the source)."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "question_bank"
    return installed if installed.is_dir() else here.parent / "question_bank"


def bank_files(path: Path, problems: list[Problem] | None = None) -> list[Path]:
    """The bank files of a path: itself, or a folder's ``*.yaml``/``*.yml`` entries.

    Entries are listed whatever they are (a link loop, a FIFO, an unreadable file), so that
    reading reports them; a folder without any is a problem.
    """
    if not path.is_dir():
        return [path]
    try:
        found = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES)
    except OSError as exc:
        if problems is not None:
            why = str(exc.strerror or exc)
            problems.append(Problem.of(_display(path), (0, 0), "problem.folder.unlistable", why=why))
        return []
    if not found and problems is not None:
        problems.append(
            Problem(_display(path), 0, 0, "no bank files (*.yaml, *.yml) in this folder", "folder.empty")
        )
    return found


def read_yaml(path: Path, problems: list[Problem]) -> object:
    """One YAML file read safely (see :mod:`.yamlread`), with line marks; None when it cannot
    be read, with the reasons in ``problems``. For other data files kept beside the bank."""
    name = _display(path)
    data = read_bytes(path, name)
    text = decode(data, name) if not isinstance(data, Problem) else data
    if isinstance(text, Problem):
        problems.append(text)
        return None
    return parse(text, name, problems)


def parse_file(path: Path) -> FileData:
    """Read one bank file and run every check that needs only this file."""
    name = _display(path)
    data = read_bytes(path, name)
    if isinstance(data, Problem):
        return FileData(problems=[data])
    return parse_bytes(data, name)


def parse_bytes(data: bytes, name: str) -> FileData:
    """The checks of :func:`parse_file` on a file's bytes, named ``name`` in problems."""
    out = FileData()
    text = decode(data, name)
    if isinstance(text, Problem):
        out.problems.append(text)
        return out
    from .reader import Reader
    from .records import FILE

    doc = parse(text, name, out.problems)
    reader = Reader(name, out.problems)
    if doc is None:
        if not out.problems:
            reader.said((1, 1), "problem.file.empty")
        return out
    if not isinstance(doc, Marked):
        reader.said((1, 1), "problem.file.not_mapping")
        return out
    reader.unknown_fields(doc, FILE.names, Msg("problem.what.file"))
    _read_topics(reader, doc, out)
    concepts = doc.get("concepts") or []
    if not isinstance(concepts, list):
        reader.said(doc.at("concepts"), "problem.file.not_list", field="concepts")
        concepts = []
    for c in concepts:
        concept = reader.concept(c, doc.at("concepts"))
        if concept is not None:
            out.concepts.append(ConceptEntry(concept, c.mark))
    questions = doc.get("questions") or []
    if not isinstance(questions, list):
        reader.said(doc.at("questions"), "problem.file.not_list", field="questions")
        questions = []
    for raw in questions:
        q = reader.question(raw, doc.at("questions"))
        if isinstance(raw, Marked):
            out.questions.append(_entry(q, raw))
    return out


def _read_topics(reader: "Reader", doc: Marked, out: FileData) -> None:
    topics = doc.get("topics")
    if topics is None:
        return
    if not isinstance(topics, Marked):
        reader.said(doc.at("topics"), "problem.file.topics_not_mapping")
        return
    for tid, names in topics.items():
        if not isinstance(names, dict) or not all(names.get(lang) for lang in LANGS):
            reader.said(
                topics.at(tid), "problem.topic.names", what=Msg("problem.what.topic", {"id": str(tid)})
            )
            continue
        name = reader.text(topics, tid, Msg("problem.what.topic", {"id": str(tid)}))
        if name is not None:
            out.topics.append(TopicEntry(str(tid), name, topics.at(tid)))


def _entry(q: Question | None, raw: Marked) -> QuestionEntry:
    ids = raw.get("concepts")
    ids = [ids] if isinstance(ids, str) else ids if isinstance(ids, list) else []
    qid = raw.get("id") if isinstance(raw.get("id"), str) else None
    return QuestionEntry(
        q, qid, tuple(c for c in ids if isinstance(c, str)), raw.at("concepts"), raw.at("id")
    )


# ------------------------------------------------------------------ many files
def load_bank(
    paths: list[Path] | None = None,
    include_bundled: bool = True,
    use_cache: bool = True,
    fresh: Collection[str] = (),
) -> tuple[Bank, list[Problem]]:
    """Load the bundled bank and ``paths``; every problem found, file by file.

    Each file's own checks are cached by content (see :mod:`topa_quiz.bank.cache`), except
    with ``use_cache`` False or for the files in ``fresh`` (resolved paths), which are read
    afresh; the checks across files (duplicate ids, unknown concepts and topics) run every
    time. A path that is the bundled bank, or a copy of it (a clone's
    ``question_bank/``), takes the bundled bank's place instead of being loaded twice.
    """
    import gc

    paused = gc.isenabled()
    gc.disable()  # building tens of thousands of small objects: cyclic GC passes would only slow it
    try:
        return _load(list(paths or []), include_bundled, use_cache, set(fresh))
    finally:
        if paused:
            gc.enable()


def is_bundled_copy(folder: Path) -> bool:
    """Is ``folder`` the bundled bank, or a copy of it (every bundled file name in it)?"""
    bundled = bundled_bank_dir()
    try:
        if folder.resolve() == bundled.resolve():
            return True
        names = {p.name for p in bundled.iterdir() if p.suffix in SUFFIXES}
        return bool(names) and all((folder / n).is_file() for n in names)
    except OSError:
        return False


def _sources(paths: list[Path], include_bundled: bool) -> list[tuple[Path, bool]]:
    """(source, is it the bundled bank) in loading order."""
    out = [(p, False) for p in paths]
    if include_bundled:
        folders = [p if p.is_dir() else p.parent for p in paths]
        bundled = next((f for f in folders if is_bundled_copy(f)), bundled_bank_dir())
        out.insert(0, (bundled, True))
    return out


def _load(
    paths: list[Path], include_bundled: bool, use_cache: bool, fresh: set[str]
) -> tuple[Bank, list[Problem]]:
    from .cache import cached_parse

    problems: list[Problem] = []
    loaded: set[str] = set()
    parsed: list[tuple[str, bool, FileData]] = []
    for source, bundled in _sources(paths, include_bundled):
        if not source.is_dir() and not os.path.lexists(source):
            problems.append(Problem(_display(source), 0, 0, "no such file or directory", "file.missing"))
            continue
        for path in bank_files(source, problems):
            resolved = os.path.realpath(path)
            if resolved in loaded:
                continue  # a bundled file named again on the command line
            loaded.add(resolved)
            data = cached_parse(path) if use_cache and resolved not in fresh else parse_file(path)
            parsed.append((_display(path), bundled, data))
    bank, more = join(parsed)
    return bank, problems + more


def join(parsed: list[tuple[str, bool, FileData]]) -> tuple[Bank, list[Problem]]:
    """One bank from many files' data; the problems across files."""
    problems: list[Problem] = []
    topics: dict[str, Text] = {}
    concepts: dict[str, Concept] = {}
    declared_at: dict[str, tuple[str, tuple[int, int]]] = {}
    for name, bundled, data in parsed:
        problems += data.problems
        for t in data.topics:
            if t.id in topics and not bundled:
                problems.append(Problem.of(name, t.mark, "problem.topic.again", id=t.id))
            topics[t.id] = t.name
        for c in data.concepts:
            if c.concept.id in concepts:
                problems.append(Problem.of(name, c.mark, "problem.concept.again", id=c.concept.id))
                continue
            concepts[c.concept.id] = c.concept
            declared_at[c.concept.id] = (name, c.mark)
    for c in concepts.values():
        if c.topic not in topics:
            name, mark = declared_at[c.id]
            problems.append(Problem.of(name, mark, "problem.concept.unknown_topic", id=c.id, topic=c.topic))
    out: list[Question] = []
    seen: dict[str, Question] = {}
    for name, _, data in parsed:
        for e in data.questions:
            for cid in e.concepts:
                if cid not in concepts:
                    from difflib import get_close_matches

                    guess = get_close_matches(cid, concepts, n=1)
                    key, more = ("problem.question.unknown_concept", {})
                    if guess:
                        key, more = ("problem.question.unknown_concept_guess", {"guess": guess[0]})
                    problems.append(Problem.of(name, e.concepts_mark, key, id=str(e.id), concept=cid, **more))
            q = e.question
            if q is None:
                continue
            if q.id in seen:
                first = seen[q.id]
                first_at = f"{first.source}:{first.line}"
                problems.append(
                    Problem.of(name, e.id_mark, "problem.question.again", id=q.id, first=first_at)
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
