"""`topa export anki | gift | json` (issue 6).

The GIFT file is read back with a small parser written here from the format's published
rules (Moodle docs, "GIFT format"), not with the exporter's own code.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SPECIAL_PROMPT_EN = "Special {braces} ~tilde =equals #hash a:b \\backslash <b>tag</b> & end?"

BANK = r"""
questions:
  - id: custom.escape
    concepts: [activation.sigmoid]
    type: choice
    prompt:
      ko: "특수문자 {중괄호} ~물결 =등호 #샵 a:b \\역슬래시 <b>태그</b> & 끝?"
      en: "Special {braces} ~tilde =equals #hash a:b \\backslash <b>tag</b> & end?"
    options:
      - {ko: "정답 {a} = b", en: "right {a} = b"}
      - {ko: "오답 ~1", en: "wrong ~1", why: {ko: "이유 #1: {x}", en: "why #1: {x}"}}
      - {ko: "오답 =2", en: "wrong =2", why: {ko: "이유 2 \\ 끝", en: "why 2 \\ end"}}
      - {ko: "오답 :3", en: "wrong :3", why: {ko: "이유 3 ~ = # { } :", en: "why 3 ~ = # { } :"}}
    answer: 1
    explanation: {ko: "설명 {x} ~ = # :", en: "explained {x} ~ = # :"}
  - id: custom.ox
    concepts: [activation.sigmoid]
    type: ox
    prompt: {ko: "시그모이드 출력은 (0, 1) 범위이다.", en: "Sigmoid outputs lie in (0, 1)."}
    answer: O
    explanation: {ko: "맞습니다.", en: "True."}
  - id: custom.numeric
    concepts: [activation.sigmoid]
    type: numeric
    calc: sigmoid
    params:
      x: 0
    decimals: 4
    tolerance: {abs: 0.01}
    prompt: {ko: "σ({x})를 구하시오.", en: "Compute σ({x})."}
    explanation: {ko: "정답은 {answer}입니다.", en: "The answer is {answer}."}
  - id: custom.two
    concepts: [activation.relu]
    type: numeric
    calc: relu
    params:
      x: {choice: [2, 3]}
    decimals: 1
    prompt: {ko: "ReLU({x})?", en: "ReLU({x})?"}
    explanation: {ko: "{answer}", en: "{answer}"}
  - id: custom.many
    concepts: [activation.relu]
    type: numeric
    calc: relu
    params:
      x: {uniform: [1, 100], round: 3}
    decimals: 3
    prompt: {ko: "ReLU({x})?", en: "ReLU({x})?"}
    explanation: {ko: "{answer}", en: "{answer}"}
"""


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "x.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def bank_stats(run, bank_file: Path) -> dict:
    r = run("bank", "stats", "--json", "--bank", str(bank_file))
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


# ------------------------------------------------------------------------ anki
def anki_notes(apkg: Path, tmp_path: Path) -> list[dict]:
    with zipfile.ZipFile(apkg) as z:
        assert "collection.anki2" in z.namelist()
        z.extract("collection.anki2", tmp_path / apkg.stem)
    db = sqlite3.connect(tmp_path / apkg.stem / "collection.anki2")
    try:
        rows = db.execute("select guid, tags, flds from notes").fetchall()
    finally:
        db.close()
    notes = []
    for guid, tags, flds in rows:
        front, back, ident, topic, concepts = flds.split("\x1f")
        notes.append(
            {
                "guid": guid,
                "tags": tags.split(),
                "front": front,
                "back": back,
                "id": html.unescape(ident).split("#")[0],
                "topic": topic,
                "concepts": concepts.split(),
            }
        )
    return notes


def test_anki_deck(run, bank_file, tmp_path):
    out = tmp_path / "topa.apkg"
    r = run("export", "anki", "--out", str(out), "--variants", "3", "--bank", str(bank_file))
    assert r.exit_code == 0, r.output
    notes = anki_notes(out, tmp_path)
    stats = bank_stats(run, bank_file)
    per_question: dict[str, int] = {}
    for n in notes:
        per_question[n["id"]] = per_question.get(n["id"], 0) + 1
    # every question is there; fixed ones once, computed ones as at most 3 variants
    assert len(per_question) == stats["questions"]
    assert all(1 <= k <= 3 for k in per_question.values())
    assert per_question["custom.escape"] == 1 and per_question["custom.ox"] == 1
    assert per_question["custom.numeric"] == 1  # x is fixed: one distinct variant
    assert per_question["custom.two"] == 2  # x in {2, 3}
    assert per_question["custom.many"] == 3
    assert len(notes) == sum(per_question.values())
    assert f"노트 {len(notes)}개를 썼습니다" in r.output  # Korean by default
    for n in notes:
        assert n["topic"] in n["tags"]
        assert all(c in n["tags"] for c in n["concepts"])
    escape = next(n for n in notes if n["id"] == "custom.escape")
    assert set(escape["tags"]) == {"activation", "activation.sigmoid"}
    assert "<b>태그</b>" not in escape["front"] and "&lt;b&gt;태그&lt;/b&gt;" in escape["front"]
    sig = next(n for n in notes if n["id"] == "custom.numeric")
    assert "<table" in sig["back"] and "0.5000" in sig["back"]  # σ(0) = 0.5 with its steps
    assert len({n["guid"] for n in notes}) == len(notes)


def test_anki_is_stable_and_english(run, bank_file, tmp_path):
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    for out in (first, second):
        r = run("export", "anki", "--out", str(out), "--lang", "en", "--bank", str(bank_file))
        assert r.exit_code == 0, r.output
    a, b = anki_notes(first, tmp_path), anki_notes(second, tmp_path)
    assert sorted((n["guid"], n["front"]) for n in a) == sorted((n["guid"], n["front"]) for n in b)
    escape = next(n for n in a if n["id"] == "custom.escape")
    assert html.escape(SPECIAL_PROMPT_EN) in escape["front"]


def test_anki_unwritable_out(run, tmp_path):
    r = run("export", "anki", "--out", str(tmp_path / "missing" / "t.apkg"), env={"TOPA_LANG": "en"})
    assert r.exit_code == 2
    assert r.output.startswith("error: --out") and len(r.output.strip().splitlines()) == 1
    r = run("export", "anki", "--out", str(tmp_path), "--lang", "en")
    assert r.exit_code == 2 and "directory" in r.output


def test_unknown_format(run):
    r = run("export", "csv")
    assert r.exit_code == 2
    assert "anki, gift, json" in r.output


# ------------------------------------------------------------------------ GIFT
@dataclass
class GiftQuestion:
    title: str
    text: str
    kind: str  # mc | numeric | tf
    answers: list[tuple[str, str, str]] = field(default_factory=list)  # (= or ~, text, feedback)
    value: str = ""
    tolerance: str = ""
    truth: bool | None = None
    general: str = ""


def _split_unescaped(text: str, seps: str) -> list[tuple[str, str]]:
    """Split at unescaped separator characters: [(separator before, raw piece)]."""
    out, sep, cur, i = [], "", "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            cur += text[i : i + 2]
            i += 2
            continue
        if ch in seps:
            out.append((sep, cur))
            sep, cur = ch, ""
        else:
            cur += ch
        i += 1
    out.append((sep, cur))
    return out


def _unescape(raw: str) -> str:
    """GIFT escapes (\\~ \\= \\# \\{ \\} \\: \\\\, \\n), then the [html] text back to plain text."""
    text = re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), raw.strip())
    return html.unescape(text.replace("<br>", "\n"))


def _find_unescaped(text: str, ch: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == ch:
            return i
        i += 1
    return -1


def parse_gift(source: str) -> list[GiftQuestion]:
    """GIFT per the Moodle rules: // comments, $CATEGORY lines, blank-line separated questions,
    ::title::, [format], text, {answers} with =right ~wrong #feedback ####general feedback,
    {#value:tolerance}, {T}/{F}/{TRUE}/{FALSE}; a backslash escapes ~ = # { } : and itself."""
    questions = []
    for chunk in re.split(r"\n\s*\n", source):
        lines = [
            ln
            for ln in chunk.splitlines()
            if not ln.lstrip().startswith("//") and not ln.startswith("$CATEGORY:")
        ]
        text = "\n".join(lines).strip()
        if not text:
            continue
        title = ""
        if text.startswith("::"):
            end = text.index("::", 2)
            while text[end - 1] == "\\":  # an escaped colon inside the title
                end = text.index("::", end + 1)
            title, text = _unescape(text[2:end]), text[end + 2 :]
        fmt = re.match(r"\[(html|moodle|plain|markdown)\]", text)
        if fmt:
            text = text[fmt.end() :]
        open_ = _find_unescaped(text, "{")
        close = _find_unescaped(text, "}", open_ + 1)
        assert open_ >= 0 and close > open_, f"no answer block in {text!r}"
        body, block = text[:open_], text[open_ + 1 : close].strip()
        general = ""
        gen = block.find("####")
        while gen > 0 and block[gen - 1] == "\\":
            gen = block.find("####", gen + 1)
        if gen >= 0:
            block, general = block[:gen], _unescape(block[gen + 4 :])
        q = GiftQuestion(_unescape(title), _unescape(body), "", general=general)
        if block.startswith("#"):
            q.kind = "numeric"
            q.value, _, q.tolerance = block[1:].strip().partition(":")
        elif block.strip() in ("T", "F", "TRUE", "FALSE"):
            q.kind, q.truth = "tf", block.strip().startswith("T")
        else:
            q.kind = "mc"
            for sep, piece in _split_unescaped(block, "=~"):
                if not sep:
                    assert not piece.strip(), f"text before the first answer: {piece!r}"
                    continue
                parts = _split_unescaped(piece, "#")
                answer = parts[0][1]
                feedback = "#".join(p for _, p in parts[1:])
                q.answers.append((sep, _unescape(answer), _unescape(feedback)))
        questions.append(q)
    return questions


def test_gift_parser_reads_the_published_examples():
    sample = (
        "// comment\n::Q1:: Who's buried in Grant's tomb?{~Grant ~Jefferson =no one#right!}\n\n"
        "Grant is buried in Grant's tomb.{FALSE}\n\n"
        "::Q3::When was Ulysses S. Grant born?{#1822:5}\n\n"
        "::Q4::What is 1\\:2\\=\\{x\\}?{=half ~two#no\\, \\#really}\n"
    )
    q1, q2, q3, q4 = parse_gift(sample)
    assert q1.title == "Q1" and [a[0] for a in q1.answers] == ["~", "~", "="]
    assert q1.answers[2] == ("=", "no one", "right!")
    assert q2.kind == "tf" and q2.truth is False
    assert (q3.value, q3.tolerance) == ("1822", "5")
    assert q4.text == "What is 1:2={x}?" and q4.answers[1] == ("~", "two", "no, #really")


def test_gift_export(run, bank_file, tmp_path):
    out = tmp_path / "topa.gift"
    r = run("export", "gift", "--out", str(out), "--variants", "2", "--bank", str(bank_file))
    assert r.exit_code == 0, r.output
    questions = parse_gift(out.read_text(encoding="utf-8"))
    stats = bank_stats(run, bank_file)
    ids = {re.sub(r" \(\d+\)$", "", q.title) for q in questions}
    assert len(ids) == stats["questions"]
    assert f"GIFT 문제 {len(questions)}개를 썼습니다" in r.output
    assert len(questions) <= stats["questions"] * 2
    by_title = {q.title: q for q in questions}

    mc = [q for q in questions if q.kind == "mc"]
    assert mc and all(sum(1 for a in q.answers if a[0] == "=") == 1 for q in mc)
    assert all(3 <= len(q.answers) <= 5 for q in mc)
    choice_total = stats["types"].get("choice", 0) + stats["types"].get("choice-computed", 0)
    assert len({re.sub(r" \(\d+\)$", "", q.title) for q in mc}) == choice_total

    # escaped characters round-trip, in the text, the answers and their feedback
    esc = by_title["custom.escape"]
    assert esc.text == "특수문자 {중괄호} ~물결 =등호 #샵 a:b \\역슬래시 <b>태그</b> & 끝?"
    assert ("=", "정답 {a} = b", "정답입니다.") in esc.answers
    assert ("~", "오답 ~1", "이유 #1: {x}") in esc.answers
    assert ("~", "오답 =2", "이유 2 \\ 끝") in esc.answers
    assert ("~", "오답 :3", "이유 3 ~ = # { } :") in esc.answers
    assert esc.general == "설명 {x} ~ = # :"

    # numeric with tolerance: σ(0) = 0.5 at 4 decimals, declared abs tolerance 0.01
    num = by_title["custom.numeric (1)"]
    assert (num.kind, num.value, num.tolerance) == ("numeric", "0.5000", "0.01")
    assert "custom.numeric (2)" not in by_title  # one distinct draw only
    # no declared tolerance: half a unit of the asked decimal (1 decimal -> 0.05)
    relu = sorted((by_title[f"custom.two ({k})"] for k in (1, 2)), key=lambda q: q.value)
    assert [(q.value, q.tolerance) for q in relu] == [("2.0", "0.05"), ("3.0", "0.05")]
    assert all(float(q.tolerance) > 0 for q in questions if q.kind == "numeric")

    # O/X as true/false
    assert by_title["custom.ox"].kind == "tf" and by_title["custom.ox"].truth is True
    assert len([q for q in questions if q.kind == "tf"]) == stats["types"].get("ox", 0)


def test_gift_english_and_bad_out(run, bank_file, tmp_path):
    out = tmp_path / "en.gift"
    assert run("export", "gift", "--out", str(out), "--lang", "en", "--bank", str(bank_file)).exit_code == 0
    esc = {q.title: q for q in parse_gift(out.read_text(encoding="utf-8"))}["custom.escape"]
    assert esc.text == SPECIAL_PROMPT_EN
    r = run("export", "gift", "--out", str(tmp_path / "nope" / "x.gift"), env={"TOPA_LANG": "en"})
    assert r.exit_code == 2 and r.output.startswith("error: --out")


# ------------------------------------------------------------------------ JSON
def test_json_round_trip_matches_bank_stats(run, bank_file, tmp_path):
    r = run("export", "json", "--bank", str(bank_file))
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    stats = bank_stats(run, bank_file)
    assert len(data["questions"]) == stats["questions"]
    assert set(data["topics"]) == set(stats["topics"])
    assert [c["id"] for c in data["concepts"]] == list(stats["concepts"])
    topics: dict[str, int] = {}
    types: dict[str, int] = {}
    concepts: dict[str, int] = {}
    for q in data["questions"]:
        topics[q["topic"]] = topics.get(q["topic"], 0) + 1
        kind = q["type"] + ("-computed" if q["calc"] is not None and q["type"] == "choice" else "")
        types[kind] = types.get(kind, 0) + 1
        for c in q["concepts"]:
            concepts[c] = concepts.get(c, 0) + 1
    assert {t: n for t, n in stats["topics"].items() if n} == topics
    assert stats["types"] == types
    assert {c: n for c, n in stats["concepts"].items() if n} == concepts
    custom = next(q for q in data["questions"] if q["id"] == "custom.escape")
    assert custom["prompt"]["en"] == SPECIAL_PROMPT_EN and custom["answer"] == 1
    assert custom["options"][1]["why"]["ko"] == "이유 #1: {x}"
    assert "특수문자" in r.output  # ensure_ascii=False: Korean as it is

    out = tmp_path / "bank.json"
    assert run("export", "json", "--out", str(out), "--bank", str(bank_file)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == data
    assert json.loads(run("export", "json", "--out", "-", "--bank", str(bank_file)).output) == data


def test_json_unwritable_out(run, tmp_path):
    r = run("export", "json", "--out", str(tmp_path / "missing" / "bank.json"), env={"TOPA_LANG": "en"})
    assert r.exit_code == 2
    assert r.output.startswith("error: --out") and len(r.output.strip().splitlines()) == 1
