"""The per-file bank cache: used when valid, ignored when not, never trusted blindly."""

import os
import time
from pathlib import Path

import pytest

from topa_quiz.bank import cache
from topa_quiz.bank.loader import bank_files, bundled_bank_dir, load_bank

BANK = """\
questions:
  - id: cached.one
    concepts: [activation.sigmoid]
    type: ox
    prompt: {ko: 시그모이드 출력은 0과 1 사이이다., en: The sigmoid output lies between 0 and 1.}
    answer: O
    explanation: {ko: "(0, 1)로 압축한다.", en: "It squashes into (0, 1)."}
"""


@pytest.fixture
def bank(tmp_path) -> Path:
    path = tmp_path / "custom.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def _cache_files() -> list[Path]:
    root = Path(os.environ["TOPA_HOME"]) / "cache" / "bank"
    return sorted(root.glob("*.json")) if root.exists() else []


def test_second_load_comes_from_the_cache(bank, monkeypatch):
    first, problems = load_bank([bank])
    bundled = len(bank_files(bundled_bank_dir()))
    assert bundled >= 7 and not problems and len(_cache_files()) == bundled + 1  # the bundled files + ours

    def no_parsing(content, name):
        raise AssertionError(f"parsed {name} although it is cached")

    monkeypatch.setattr(cache, "parse_bytes", no_parsing)
    second, problems = load_bank([bank])
    assert second == first and not problems


def test_an_edited_file_is_parsed_again(bank):
    load_bank([bank])
    time.sleep(0.01)
    bank.write_text(BANK.replace("cached.one", "cached.two"), encoding="utf-8")
    ids = {q.id for q in load_bank([bank])[0].questions}
    assert "cached.two" in ids and "cached.one" not in ids


def test_a_damaged_cache_is_ignored(bank):
    first, _ = load_bank([bank])
    for f in _cache_files():
        f.write_text("{not json", encoding="utf-8")
    second, problems = load_bank([bank])
    assert second == first and not problems


def test_problems_are_cached_and_named_from_the_current_directory(tmp_path, monkeypatch):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BANK.replace("answer: O", "answer: maybe"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, first = load_bank([Path("bad.yaml")])
    assert [str(p) for p in first] == [
        "bad.yaml:6:13: question cached.one: 'answer' must be O or X, got 'maybe'"
    ]
    monkeypatch.chdir(tmp_path.parent)
    _, second = load_bank([bad])
    assert [p.message for p in second] == [p.message for p in first]
    assert second[0].file == os.path.relpath(bad) or second[0].file == str(bad)


def test_no_cache_switch(bank, monkeypatch):
    monkeypatch.setenv("TOPA_NO_CACHE", "1")
    load_bank([bank])
    assert _cache_files() == []


def test_an_unwritable_cache_location_is_not_an_error(bank, monkeypatch):
    monkeypatch.setenv("TOPA_HOME", "/proc/topa-cannot-exist")
    questions, problems = load_bank([bank])
    assert not problems and any(q.id == "cached.one" for q in questions.questions)


def test_the_engine_registry_is_part_of_the_key(bank, monkeypatch):
    first, _ = load_bank([bank])
    monkeypatch.setattr(cache, "_registry_fingerprint", lambda: "another engine")
    parsed = []
    real = cache.parse_bytes
    monkeypatch.setattr(cache, "parse_bytes", lambda c, n: parsed.append(n) or real(c, n))
    load_bank([bank])
    assert len(parsed) == len(bank_files(bundled_bank_dir())) + 1  # every bundled file and ours


def test_the_cache_key_is_the_same_in_another_process(bank):
    """A key that changed per process (a repr with a memory address in it) made the cache
    useless across runs: every start parsed the whole bank again."""
    import subprocess
    import sys

    code = "from topa_quiz.bank.cache import _key; from pathlib import Path; import sys; print(_key(Path(sys.argv[1])))"
    keys = {
        subprocess.run(
            [sys.executable, "-c", code, str(bank)], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    assert len(keys) == 1
