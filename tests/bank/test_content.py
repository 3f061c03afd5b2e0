"""The bundled bank's coverage and content rules.

A failure here names the question or concept to fix in question_bank/.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from topa_quiz.bank.loader import load_bank
from topa_quiz.bank.model import Bank
from topa_quiz.bank.validate import validate

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"  # the project's shared folder, beside the repository
COPIES = ROOT / "tests" / "bank" / "data"  # copies of it, for a plain clone
MIN_QUESTIONS = 4  # each concept of the notes
MIN_BEYOND = 6  # each concept beyond the notes (issue 11)


@pytest.fixture(scope="module")
def bank() -> Bank:
    bank, problems = load_bank(include_bundled=True)
    assert problems == [], "\n".join(map(str, problems))
    return bank


def bundled_concepts() -> dict:
    return yaml.safe_load((ROOT / "question_bank" / "concepts.yaml").read_text(encoding="utf-8"))


def reference(name: str) -> dict:
    """shared/NAME when the shared folder is there, else the copy kept with the tests."""
    path = SHARED / name if (SHARED / name).is_file() else COPIES / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))


NOTES, BEYOND = "concepts.yaml", "concepts-beyond.yaml"


# -------------------------------------------------------------------- coverage
@pytest.mark.parametrize("name", [NOTES, BEYOND])
def test_the_copies_kept_with_the_tests_are_the_shared_files(name):
    copy = (COPIES / name).read_text(encoding="utf-8")
    if (SHARED / name).is_file():
        assert copy == (SHARED / name).read_text(encoding="utf-8"), f"refresh tests/bank/data/{name}"
    ids = [c["id"] for c in yaml.safe_load(copy)["concepts"]]
    assert len(ids) == len(set(ids)) == {NOTES: 38, BEYOND: 5}[name]


def test_the_bundled_concepts_are_the_notes_and_the_beyond_ones():
    notes, beyond = reference(NOTES), reference(BEYOND)
    want = {c["id"]: c["topic"] for c in notes["concepts"] + beyond["concepts"]}
    have = {c["id"]: c["topic"] for c in bundled_concepts()["concepts"]}
    assert len(want) == 38 + 5
    assert have == want, "question_bank/concepts.yaml differs from shared/concepts*.yaml"
    assert set(notes["topics"]) | set(beyond["topics"]) == set(bundled_concepts()["topics"])


def test_only_the_concepts_beyond_the_notes_say_so():
    beyond = {c["id"] for c in reference(BEYOND)["concepts"]}
    flagged = {c["id"] for c in bundled_concepts()["concepts"] if c.get("beyond_notes")}
    assert flagged == beyond


def test_numeric_flags_follow_the_shared_concepts():
    shared = reference(NOTES)["concepts"] + reference(BEYOND)["concepts"]
    want = {c["id"]: bool(c.get("numeric", False)) for c in shared}
    have = {c["id"]: bool(c.get("numeric", False)) for c in bundled_concepts()["concepts"]}
    assert {cid: have.get(cid) for cid in want} == want


def question_counts(bank: Bank) -> dict[str, int]:
    count: dict[str, int] = defaultdict(int)
    for q in bank.questions:
        for cid in q.concepts:
            count[cid] += 1
    return count


def test_every_concept_of_the_notes_has_enough_questions(bank):
    count = question_counts(bank)
    notes = [c for c in bank.concepts.values() if not c.beyond_notes]
    short = {c.id: count[c.id] for c in notes if count[c.id] < MIN_QUESTIONS}
    assert short == {}, f"concepts with fewer than {MIN_QUESTIONS} questions"


def test_every_numeric_concept_of_the_notes_has_a_computed_question(bank):
    computed = {cid for q in bank.questions if q.computed for cid in q.concepts}
    numeric = {c.id for c in bank.concepts.values() if c.numeric and not c.beyond_notes}
    assert numeric, "no concept is marked numeric"
    assert sorted(numeric - computed) == [], "numeric concepts without a computed question"


def test_every_concept_beyond_the_notes_has_enough_questions(bank):
    count = question_counts(bank)
    computed = {cid for q in bank.questions if q.computed for cid in q.concepts}
    beyond = [c for c in bank.concepts.values() if c.beyond_notes]
    assert len(beyond) == 5
    short = {c.id: count[c.id] for c in beyond if count[c.id] < MIN_BEYOND}
    assert short == {}, f"concepts beyond the notes with fewer than {MIN_BEYOND} questions"
    assert sorted(c.id for c in beyond if c.numeric and c.id not in computed) == []
    assert all(c.engine for c in beyond if c.numeric), "numeric concepts name no calculation"


def test_concept_hints_speak_in_the_formal_polite_voice(bank):
    """합쇼체, as every explanation: each Korean sentence of a summary ends in 니다/니까/십시오."""
    ending = re.compile(r"(니다|니까|십시오)[.?!]$")
    sentence = re.compile(r"[^.?!]+[.?!](?=\s|$)")
    bad = [
        f"{c.id}: {s.strip()}"
        for c in bank.concepts.values()
        for s in sentence.findall(c.summary.ko)
        if re.search(r"[\uac00-\ud7a3][.?!]$", s.strip()) and not ending.search(s.strip())
    ]
    assert bad == []


# --------------------------------------------------------------------- content
def test_static_choice_questions_have_4_or_5_options_and_every_wrong_one_says_why(bank):
    bad = []
    for q in bank.questions:
        if q.type != "choice" or q.computed:
            continue
        if not 4 <= len(q.options) <= 5:
            bad.append(f"{q.id}: {len(q.options)} options")
        for i, o in enumerate(q.options, 1):
            if i != q.answer and (o.why is None or not o.why.ko.strip() or not o.why.en.strip()):
                bad.append(f"{q.id}: wrong option {i} has no why")
        if sum(o.last for o in q.options) > 1:
            bad.append(f"{q.id}: more than one option is pinned last")
    assert bad == []


def test_computed_choice_questions_have_enough_distractors(bank):
    bad = [q.id for q in bank.questions if q.type == "choice" and q.computed and len(q.distractors) < 2]
    assert bad == []


def texts(q):  # noqa: ANN001, ANN201
    yield "prompt", q.prompt
    yield "explanation", q.explanation
    for i, o in enumerate(q.options, 1):
        yield f"option {i}", o.text
        if o.why:
            yield f"option {i} why", o.why
    for i, d in enumerate(q.distractors, 1):
        yield f"distractor {i} why", d.why


def test_every_text_has_korean_and_english(bank):
    bad = [
        f"{q.id}: {name}.{lang}"
        for q in bank.questions
        for name, t in texts(q)
        for lang in ("ko", "en")
        if not t.get(lang).strip()
    ]
    assert bad == []


def test_korean_texts_are_korean_and_english_texts_are_not(bank):
    """A swapped or untranslated text: ko without Hangul (beyond formulas) or en with Hangul."""
    hangul = re.compile(r"[\uac00-\ud7a3]")
    bad = []
    for q in bank.questions:
        for name, t in [("prompt", q.prompt), ("explanation", q.explanation)]:
            if not hangul.search(t.ko):
                bad.append(f"{q.id}: {name}.ko has no Korean")
            if hangul.search(t.en):
                bad.append(f"{q.id}: {name}.en contains Korean")
    assert bad == []


def test_difficulties_are_1_to_3(bank):
    bad = [q.id for q in bank.questions if q.difficulty is not None and q.difficulty not in (1, 2, 3)]
    assert bad == []


def test_ox_answers_are_O_or_X(bank):
    assert {q.answer for q in bank.questions if q.type == "ox"} <= {"O", "X"}


def test_no_two_questions_share_a_korean_prompt(bank):
    seen: dict[str, str] = {}
    dup = []
    for q in bank.questions:
        key = " ".join(q.prompt.ko.split())
        if key in seen:
            dup.append(f"{q.id} repeats the prompt of {seen[key]}")
        seen.setdefault(key, q.id)
    assert dup == []


def test_question_ids_start_with_their_first_concept_topic(bank):
    bad = [q.id for q in bank.questions if q.id.split(".")[0] != bank.topic_of(q)]
    assert bad == []


def test_deep_validation_of_the_bundled_bank_finds_nothing():
    _, problems = validate(None)
    assert problems == [], "\n".join(map(str, problems))


# ------------------------------------------------------------- famous facts
SENTENCE = re.compile(r"(?:[^.。!?\n]|\.(?=\d))+(?:[.。!?]|$)")
NEGATION = re.compile(r"\bnot\b|n't|\bnever\b|\bwrong\b|아니|아닙|않|틀|착각|오해|혼동|잘못", re.I)


def true_texts(bank: Bank):  # noqa: ANN201
    """Texts that state facts: explanations and concept summaries (never an option, which
    may be a deliberate falsehood, nor a 'why', which may quote the mistake)."""
    for q in bank.questions:
        for lang in ("ko", "en"):
            yield q.id, q.explanation.get(lang)
    for c in bank.concepts.values():
        for lang in ("ko", "en"):
            yield c.id, c.summary.get(lang)


def claims(bank: Bank, about: re.Pattern[str], says: re.Pattern[str]) -> list[str]:
    """Sentences of true texts that mention ``about`` and ``says``, without a negation."""
    out = []
    for where, text in true_texts(bank):
        for s in SENTENCE.findall(text):
            if about.search(s) and says.search(s) and not NEGATION.search(s):
                out.append(f"{where}: {s.strip()}")
    return out


SIGMOID_SLOPE = re.compile(
    r"σ′|σ'|sigmoid[- ]?(derivative|slope|gradient)|시그모이드[^ ]* ?(미분|기울기|도함수)|"
    r"(derivative|slope|gradient|미분|기울기|도함수) of (the )?sigmoid",
    re.I,
)


def test_no_text_says_the_sigmoid_slope_peaks_at_0_5_or_0_3(bank):
    maximum = re.compile(
        r"(최댓값|최대값|최대|maximum|max|peaks? at|at most)\s*(은|는|이|가|값|of|is|:|=|≈)?\s*"
        r"(?<![\d.])0\.(5|3)(?!\d)"
        r"|(?<![\d.])0\.(5|3)(?!\d)\s*(이|가|으로|로|is)?\s*(최댓값|최대값|최대|the maximum|its maximum)",
        re.I,
    )
    assert claims(bank, SIGMOID_SLOPE, maximum) == []


def test_some_text_says_the_sigmoid_slope_peaks_at_0_25(bank):
    assert claims(bank, SIGMOID_SLOPE, re.compile(r"0\.25(?!\d)"))


def test_no_text_gives_tanh_slope_a_maximum_below_1(bank):
    tanh_slope = re.compile(r"tanh′|tanh'|tanh[^.。]{0,20}(derivative|slope|미분|기울기)", re.I)
    maximum = re.compile(r"(최댓값|최대값|maximum|peaks?|at most)[^.。\d]{0,20}(?<![\d.])0\.\d+", re.I)
    sigmoid = re.compile(r"σ|sigmoid|시그모이드", re.I)
    found = [c for c in claims(bank, tanh_slope, maximum) if not sigmoid.search(c.split(": ", 1)[1])]
    assert found == []


def test_the_perceptron_is_rosenblatts_of_1957(bank):
    rosenblatt = re.compile(r"rosenblatt|로젠블랫|로젠블라트", re.I)
    other_year = re.compile(r"(?<!\d)19(5[0-689]|6\d)(?!\d)")
    assert claims(bank, rosenblatt, other_year) == []


def test_inverted_dropout_scales_by_1_over_1_minus_p(bank):
    dropout = re.compile(r"dropout|드롭아웃", re.I)
    wrong = re.compile(r"(scale[sd]?|multipl\w*|곱|나누)[^.。]{0,30}1\s*/\s*p(?![\w(])", re.I)
    assert claims(bank, dropout, wrong) == []


def test_adam_default_betas(bank):
    beta1 = re.compile(r"β₁|beta1|beta_1", re.I)
    default = re.compile(r"(default|기본값|기본)[^.。]{0,15}(?<![\d.])0\.(?!9(?!\d))\d+", re.I)
    assert claims(bank, beta1, default) == []


def test_the_fact_checks_catch_the_mistakes_they_look_for():
    """The checks above are not vacuous: each catches a planted falsehood."""
    from topa_quiz.bank.model import Question, Text

    def fake(ko: str, en: str) -> Bank:
        q = Question(
            id="t.x",
            concepts=("activation.sigmoid",),
            type="ox",
            prompt=Text("가", "a"),
            explanation=Text(ko, en),
            answer="O",
        )
        return Bank({}, {}, (q,))

    planted = [
        (test_no_text_says_the_sigmoid_slope_peaks_at_0_5_or_0_3, "σ′의 최댓값은 0.5입니다.", "ok."),
        (
            test_no_text_says_the_sigmoid_slope_peaks_at_0_5_or_0_3,
            "가",
            "The sigmoid derivative peaks at 0.3.",
        ),
        (test_no_text_gives_tanh_slope_a_maximum_below_1, "tanh의 미분은 최댓값이 0.25이다.", "ok."),
        (test_the_perceptron_is_rosenblatts_of_1957, "로젠블랫은 1958년에 퍼셉트론을 제안했다.", "ok."),
        (
            test_inverted_dropout_scales_by_1_over_1_minus_p,
            "가",
            "Inverted dropout scales kept units by 1/p.",
        ),
        (test_adam_default_betas, "가", "Adam's default β₁ is 0.99."),
    ]
    for check, ko, en in planted:
        with pytest.raises(AssertionError):
            check(fake(ko, en))
    for check, _, _ in planted:
        check(
            fake(
                "σ′의 최댓값은 0.25입니다. 로젠블랫(1957).",
                "Dropout scales by 1/(1 − p); β₁ defaults to 0.9.",
            )
        )
