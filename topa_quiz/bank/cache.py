"""A per-file cache of parsed banks, so a large bank starts a quiz quickly.

PyYAML builds Python objects at about a millisecond per question even with its C parser,
so a 10,000-question bank would cost seconds at every start. Each file's
:class:`~topa_quiz.bank.loader.FileData` is kept as JSON (never pickle: a cache must not be
able to run code either) under ``<data dir>/cache/bank/``, keyed on the file's resolved
path, size, modification time, this module's format version and the engine registry's
names and parameters. Any trouble with the cache (unreadable, damaged, read-only) is
ignored: the file is parsed as if there were no cache. ``TOPA_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from .loader import FileData, Problem, _display, parse_file
from .model import Concept, Distractor, Option, Question, Text

FORMAT = 1


def _registry_fingerprint() -> str:
    from ..engine.registry import ALIASES, CALCS

    # p.required rather than repr(p.default): the REQUIRED sentinel's repr holds a memory
    # address, which would change the key in every process
    shape = [
        (
            c.name,
            [
                (p.name, p.kind, p.required, None if p.required else repr(p.default), p.low, p.high)
                for p in c.params
            ],
        )
        for c in CALCS
    ]
    return hashlib.sha256(repr((shape, sorted(ALIASES.items()))).encode()).hexdigest()[:16]


def _cache_file(path: Path) -> Path:
    from ..store.paths import data_dir

    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    return data_dir() / "cache" / "bank" / f"{digest}.json"


def _key(path: Path) -> dict[str, object]:
    st = path.stat()
    return {
        "format": FORMAT,
        "path": str(path.resolve()),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "registry": _registry_fingerprint(),
    }


# -------------------------------------------------------------- to and from JSON
def _text(t: Text | None) -> list[str] | None:
    return None if t is None else [t.ko, t.en]


def _untext(v: list[str] | None) -> Text | None:
    return None if v is None else Text(v[0], v[1])


def _question(q: Question) -> dict[str, object]:
    return {
        "id": q.id,
        "concepts": list(q.concepts),
        "type": q.type,
        "prompt": _text(q.prompt),
        "explanation": _text(q.explanation),
        "line": q.line,
        "difficulty": q.difficulty,
        "options": [[_text(o.text), _text(o.why), o.last] for o in q.options],
        "answer": q.answer,
        "calc": q.calc,
        "params": q.params,
        "cases": list(q.cases),
        "pick": q.pick,
        "decimals": q.decimals,
        "tol_abs": q.tol_abs,
        "tol_rel": q.tol_rel,
        "distractors": [[_text(d.why), d.calc, d.params] for d in q.distractors],
    }


def _unquestion(d: dict, source: str) -> Question:
    return Question(
        id=d["id"],
        concepts=tuple(d["concepts"]),
        type=d["type"],
        prompt=_untext(d["prompt"]),
        explanation=_untext(d["explanation"]),
        source=source,
        line=d["line"],
        difficulty=d["difficulty"],
        options=tuple(Option(_untext(t), _untext(w), last) for t, w, last in d["options"]),
        answer=d["answer"],
        calc=d["calc"],
        params=d["params"],
        cases=tuple(d["cases"]),
        pick=d["pick"],
        decimals=d["decimals"],
        tol_abs=d["tol_abs"],
        tol_rel=d["tol_rel"],
        distractors=tuple(Distractor(_untext(w), calc, params) for w, calc, params in d["distractors"]),
    )


def to_json(data: FileData) -> dict[str, object]:
    return {
        "topics": [[tid, _text(t), list(mark)] for tid, t, mark in data.topics],
        "concepts": [
            [
                {
                    "id": c.id,
                    "topic": c.topic,
                    "ko": c.ko,
                    "en": c.en,
                    "summary": _text(c.summary),
                    "numeric": c.numeric,
                    "engine": list(c.engine),
                },
                list(mark),
            ]
            for c, mark in data.concepts
        ],
        "questions": [
            [None if q is None else _question(q), qid, ids, list(cm), list(im)]
            for q, qid, ids, cm, im in data.questions
        ],
        "problems": [[p.line, p.col, p.message] for p in data.problems],
    }


def from_json(obj: dict, source: str) -> FileData:
    """Rebuild FileData; file names are said afresh (they depend on the working directory)."""
    return FileData(
        topics=[(tid, _untext(t), tuple(mark)) for tid, t, mark in obj["topics"]],
        concepts=[
            (
                Concept(
                    id=c["id"],
                    topic=c["topic"],
                    ko=c["ko"],
                    en=c["en"],
                    summary=_untext(c["summary"]),
                    numeric=c["numeric"],
                    engine=tuple(c["engine"]),
                ),
                tuple(mark),
            )
            for c, mark in obj["concepts"]
        ],
        questions=[
            (None if q is None else _unquestion(q, source), qid, ids, tuple(cm), tuple(im))
            for q, qid, ids, cm, im in obj["questions"]
        ],
        problems=[Problem(source, line, col, message) for line, col, message in obj["problems"]],
    )


# ---------------------------------------------------------------------- access
def cached_parse(path: Path) -> FileData:
    """parse_file(path), through the cache when it holds this very file."""
    if os.environ.get("TOPA_NO_CACHE"):
        return parse_file(path)
    try:
        key = _key(path)
        target = _cache_file(path)
    except OSError:
        return parse_file(path)  # the file vanished or cannot be stat'ed: parse reports it
    try:
        stored = json.loads(target.read_text(encoding="utf-8"))
        if stored.get("key") == key:
            return from_json(stored["data"], _display(path))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass  # no cache yet, or one we cannot use: parse
    data = parse_file(path)
    _store(target, {"key": key, "data": to_json(data)})
    return data


def _store(target: Path, payload: dict[str, object]) -> None:
    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, target)  # atomic: a reader sees the old cache or the new one
    except (OSError, TypeError, ValueError):
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
