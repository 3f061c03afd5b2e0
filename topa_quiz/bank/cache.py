"""A per-file cache of parsed banks, keyed on the file's content, so a large bank starts quickly.

PyYAML builds Python objects at about a millisecond per question even with its C parser,
so a 10,000-question bank would cost seconds at every start. Each file's
:class:`~topa_quiz.bank.loader.FileData` is kept as JSON (never pickle: a cache must not be
able to run code either) under ``<data dir>/cache/bank/``, one entry per file path. An
entry is used only when its key matches: the sha256 of the file's bytes (never its size
or time, which ``cp -p``, ``touch -r`` or a coarse file system keep through an edit), this
module's format, the shape of the model classes, the source of the bank reader and the
engine registry's names and parameters. The entry's data carries its own sha256, and
:mod:`~topa_quiz.bank.codec` checks every shape while rebuilding it: an entry damaged or
edited in any way is parsed afresh. Any trouble with the cache (unreadable, damaged,
read-only) is ignored. ``TOPA_NO_CACHE=1`` turns it off; ``topa bank validate`` never
uses it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import replace
from functools import cache
from pathlib import Path

from .codec import ShapeError, decode, encode, shape
from .loader import FileData, Problem, QuestionEntry, _display, parse_bytes
from .yamlread import read_bytes

FORMAT = 3  # 3: dataclasses as lists of values


@cache
def _registry_fingerprint() -> str:
    from ..engine.registry import ALIASES, CALCS

    # p.required rather than repr(p.default): the REQUIRED sentinel's repr holds a memory
    # address, which would change the key in every process
    calcs = [
        (
            c.name,
            [
                (p.name, p.kind, p.required, None if p.required else repr(p.default), p.low, p.high)
                for p in c.params
            ],
        )
        for c in CALCS
    ]
    return hashlib.sha256(repr((calcs, sorted(ALIASES.items()))).encode()).hexdigest()[:16]


@cache
def _code_fingerprint() -> str:
    """The source of the bank and kinds packages (what turns bytes into data) and the model's shape."""
    package = Path(__file__).parent.parent
    files = sorted([*package.joinpath("bank").glob("*.py"), *package.joinpath("kinds").glob("*.py")])
    digest = hashlib.sha256()
    for path in files:
        with contextlib.suppress(OSError):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(shape(FileData).encode())
    return digest.hexdigest()[:16]


def _cache_file(path: Path) -> Path:
    from ..paths import data_dir

    digest = hashlib.sha256(os.path.realpath(path).encode()).hexdigest()[:32]
    return data_dir() / "cache" / "bank" / f"{digest}.json"


def _key_for(content: bytes) -> dict[str, object]:
    return {
        "format": FORMAT,
        "content": hashlib.sha256(content).hexdigest(),
        "code": _code_fingerprint(),
        "registry": _registry_fingerprint(),
    }


def _key(path: Path) -> dict[str, object]:
    """The key of the file at ``path`` as it is now (reads the file)."""
    data = read_bytes(path, str(path))
    if isinstance(data, Problem):
        raise OSError(data.message)
    return _key_for(data)


# ------------------------------------------------------------------------ access
def cached_parse(path: Path) -> FileData:
    """parse_file(path), through the cache when it holds this very content."""
    name = _display(path)
    content = read_bytes(path, name)
    if isinstance(content, Problem):
        return FileData(problems=[content])
    if os.environ.get("TOPA_NO_CACHE"):
        return parse_bytes(content, name)
    key = _key_for(content)
    try:
        target = _cache_file(path)
    except (OSError, RuntimeError):  # no usable data directory (e.g. TOPA_HOME='~nosuchuser')
        return parse_bytes(content, name)
    hit = _read(target, key)
    if hit is not None:
        return _named(hit, name)
    data = parse_bytes(content, name)
    _store(target, key, data)
    return data


def _read(target: Path, key: dict[str, object]) -> FileData | None:
    """The entry's data when its key matches and its data is intact, else None."""
    try:
        raw = target.read_bytes()
        head, _, body = raw.partition(b"\n")
        header = json.loads(head)
        if not isinstance(header, dict) or header.get("key") != key:
            return None
        if header.get("data") != hashlib.sha256(body).hexdigest():
            return None  # damaged or edited
        return decode(json.loads(body), FileData)
    except (OSError, ValueError, ShapeError, RecursionError):
        return None


def _named(data: FileData, name: str) -> FileData:
    """File names said afresh: they depend on the working directory, the content does not."""
    data.problems = [p._replace(file=name) for p in data.problems]
    data.questions = [
        e
        if e.question is None or e.question.source == name
        else QuestionEntry(replace(e.question, source=name), *_rest(e))
        for e in data.questions
    ]
    return data


def _rest(e: QuestionEntry) -> tuple[object, ...]:
    return e.id, e.concepts, e.concepts_mark, e.id_mark


def _store(target: Path, key: dict[str, object], data: FileData) -> None:
    import tempfile

    tmp: str | None = None
    try:
        body = json.dumps(encode(data, FileData), ensure_ascii=False, separators=(",", ":")).encode()
        header = json.dumps({"key": key, "data": hashlib.sha256(body).hexdigest()}).encode()
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "wb") as fh:
            fh.write(header + b"\n" + body)
        os.replace(tmp, target)  # atomic: a reader sees the old entry or the new one
    except (OSError, TypeError, ValueError, RecursionError):
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
