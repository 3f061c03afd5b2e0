"""The bank cache is keyed on content, checks what it reads, and is generic (issue 13 item 4)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from topa_quiz.bank import cache
from topa_quiz.bank.codec import ShapeError, decode, encode
from topa_quiz.bank.loader import FileData, bundled_bank_dir, load_bank, parse_file
from topa_quiz.bank.model import Figure, FigureSeries, Question, Text
from topa_quiz.bank.validate import validate

OX = """\
questions:
  - id: cached.{id}
    concepts: [activation.sigmoid]
    type: ox
    prompt: {{ko: 시그모이드 출력은 0과 1 사이입니다., en: The sigmoid output lies between 0 and 1.}}
    answer: {answer}
    explanation: {{ko: "(0, 1)로 압축합니다.", en: "It squashes into (0, 1)."}}
"""


@pytest.fixture
def bank(tmp_path) -> Path:
    path = tmp_path / "custom.yaml"
    path.write_text(OX.format(id="one", answer="O"), encoding="utf-8")
    return path


def ids(bank_path: Path) -> set[str]:
    return {q.id for q in load_bank([bank_path])[0].questions if q.id.startswith("cached.")}


def entry(path: Path) -> Path:
    target = cache._cache_file(path)
    assert target.is_file()
    return target


def test_an_edit_that_keeps_size_and_mtime_is_seen(bank):
    """cp -p, touch -r, tar, rsync and 1-second file systems keep both through an edit."""
    assert ids(bank) == {"cached.one"}
    st = bank.stat()
    bank.write_text(OX.format(id="two", answer="O"), encoding="utf-8")  # same length
    os.utime(bank, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert bank.stat().st_size == st.st_size and bank.stat().st_mtime_ns == st.st_mtime_ns
    assert ids(bank) == {"cached.two"}


def test_an_edited_entry_is_noticed_and_rebuilt(bank):
    first = load_bank([bank])[0]
    target = entry(bank)
    target.write_bytes(target.read_bytes().replace(b"cached.one", b"cached.evil"))
    assert load_bank([bank])[0] == first
    assert b"cached.evil" not in target.read_bytes()  # written afresh


@pytest.mark.parametrize(
    "damage",
    [
        lambda body: body.replace(b'[],"O",', b'[],["O"],'),  # the answer
        lambda body: body.replace(b'[],"O",', b"[],"),
        lambda body: body.replace(b'.yaml",2,', b'.yaml",true,'),  # the line
        lambda body: b'{"topics": 1}',
        lambda body: b"[]",
    ],
    ids=["wrong type", "missing field", "bool for int", "wrong shape", "too few fields"],
)
def test_an_entry_of_the_wrong_shape_is_rebuilt_not_a_crash(bank, damage):
    """Even when the damage comes with a matching checksum, the shape is checked."""
    first = load_bank([bank])[0]
    target = entry(bank)
    head, _, intact = target.read_bytes().partition(b"\n")
    body = damage(intact)
    assert body != intact
    header = json.loads(head) | {"data": hashlib.sha256(body).hexdigest()}
    target.write_bytes(json.dumps(header).encode() + b"\n" + body)
    assert load_bank([bank])[0] == first


def test_validate_reads_the_file_never_the_cache(bank, monkeypatch):
    """A forged entry for the broken content, claiming it is fine, fools the quiz's loader;
    `bank validate` still reads the file."""
    bank.write_text(OX.format(id="one", answer="maybe"), encoding="utf-8")
    fine = bank.with_name("fine.yaml")
    fine.write_text(OX.format(id="one", answer="O"), encoding="utf-8")
    forged = parse_file(fine)
    cache._store(cache._cache_file(bank), cache._key_for(bank.read_bytes()), forged)
    assert load_bank([bank])[1] == []  # the cache was believed
    problems = validate([bank])[1]
    assert [p.message for p in problems] == ["question cached.one: 'answer' must be O or X, got 'maybe'"]


def test_the_same_content_gives_the_same_key_and_new_content_a_new_one(bank):
    key = cache._key(bank)
    assert cache._key(bank) == key
    bank.write_text(OX.format(id="two", answer="O"), encoding="utf-8")
    assert cache._key(bank)["content"] != key["content"]


# ------------------------------------------------------------------- the codec
def roundtrip(value: object, tp: object) -> object:
    return decode(json.loads(json.dumps(encode(value, tp))), tp)


@pytest.mark.parametrize("path", sorted(bundled_bank_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_every_bundled_file_survives_the_codec(path):
    data = parse_file(path)
    assert roundtrip(data, FileData) == data


def test_a_question_with_a_figure_survives_the_codec():
    t = Text("가", "a")
    q = Question(
        id="t.fig",
        concepts=("generalization.overfitting",),
        type="ox",
        prompt=t,
        explanation=t,
        answer="O",
        figure=Figure("curves", t, t, (FigureSeries(t, (2.1, 1.4)), FigureSeries(t, (2.2, 1.7))), title=t),
    )
    assert roundtrip(q, Question) == q
    assert roundtrip(q, Question).figure.series[1].values == (2.2, 1.7)


@pytest.mark.parametrize(
    ("obj", "tp"),
    [
        (["가"], Text),
        (["가", "a", "あ"], Text),
        ([1, "a"], Text),
        ({"ko": "가", "en": "a"}, Text),  # the format before FORMAT 3
        ([1, 2], tuple[int, int, int]),
        ([True], tuple[int, ...]),
        ("1.5", float | None),
        ({"a": {1, 2}}, dict[str, object]),
    ],
)
def test_the_codec_refuses_what_does_not_fit(obj, tp):
    with pytest.raises(ShapeError):
        decode(obj, tp)


def test_values_that_json_cannot_carry_are_not_cached(tmp_path):
    """A date inside params would come back as something else: such a file is parsed each time."""
    with pytest.raises(ShapeError):
        encode({"x": __import__("datetime").date(2020, 1, 1)}, dict[str, object])
    with pytest.raises(ShapeError):
        encode({1: 2}, object)
