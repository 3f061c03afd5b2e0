"""topa quiz through the real root command, with scripted input (seeded, so exact)."""

import re
import sqlite3
from pathlib import Path

import pytest

from topa_quiz.bank.loader import load_bank
from topa_quiz.session.grading import Answer, Command, Invalid, grade_numeric, parse_number, read_answer
from topa_quiz.session.items import make_item

BANK = """\
topics:
  drill: {ko: 연습, en: Drill}
concepts:
  - id: drill.basics
    topic: drill
    ko: 기초
    en: basics
    summary: {ko: 시그모이드는 0에서 0.5이다, en: sigmoid is 0.5 at zero}
questions:
  - id: drill.choice
    concepts: [drill.basics]
    type: choice
    prompt: {ko: 시그모이드의 출력 범위는?, en: What is the range of the sigmoid?}
    options:
      - {ko: "(0, 1)", en: "(0, 1)"}
      - {ko: "(-1, 1)", en: "(-1, 1)", why: {ko: tanh의 범위, en: that is tanh's range}}
      - {ko: "[0, ∞)", en: "[0, inf)", why: {ko: ReLU의 범위, en: that is ReLU's range}}
      - {ko: "모든 실수", en: all reals, why: {ko: 선형 함수, en: a linear function}}
    answer: 1
    explanation: {ko: "시그모이드는 (0, 1)로 압축한다.", en: "The sigmoid squashes into (0, 1)."}
  - id: drill.ox
    concepts: [drill.basics]
    type: ox
    prompt: {ko: σ(0) = 0.5 이다., en: σ(0) = 0.5.}
    answer: O
    explanation: {ko: 1/(1+1) = 0.5, en: 1/(1+1) = 0.5}
  - id: drill.numeric
    concepts: [drill.basics]
    type: numeric
    calc: sigmoid
    params: {x: 0}
    decimals: 2
    prompt: {ko: "σ({x})를 구하시오.", en: "Compute σ({x})."}
    explanation: {ko: "답은 {answer}", en: "The answer is {answer}."}
"""


@pytest.fixture
def bank_file(tmp_path) -> Path:
    path = tmp_path / "drill.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def _quiz(run, bank_file, *args, input):
    return run("quiz", "--bank", str(bank_file), "--topic", "drill", "--lang", "en", *args, input=input)


def _panels(output: str) -> list[str]:
    """Each question panel's text, in order."""
    return re.split(r"╭─ \d+/\d+ ", output)[1:]


def _correct_option(panel: str) -> str:
    """The number shown before the '(0, 1)' option in a panel."""
    for mark, digit in zip("①②③④", "1234", strict=True):
        if re.search(mark + r" \(0, 1\)", panel):
            return digit
    raise AssertionError("no option (0, 1) shown")


def _right_answer(panel: str) -> str:
    if "O or X" in panel:
        return "o"
    if "(0, 1)" in panel:
        return _correct_option(panel)
    return "0.5"


def test_full_session_scores_and_explains(run, bank_file):
    # a first run that skips everything shows the seeded order; the second answers it right
    probe = _quiz(run, bank_file, "-n", "3", "--seed", "4", input="s\ns\ns\n")
    answers = [_right_answer(p) for p in _panels(probe.stdout)]
    digit = _correct_option(next(p for p in _panels(probe.stdout) if "(0, 1)" in p))
    assert sorted(answers) == sorted(["0.5", "o", digit])  # one of each type
    r = _quiz(run, bank_file, "-n", "3", "--seed", "4", input="\n".join(answers) + "\n")
    out = r.stdout
    assert r.exit_code == 0, r.stderr
    assert out.count("✔ Correct!") == 3 and "✘" not in out
    assert "Score: 3/3 (100%)" in out
    assert "The answer is 0.50." in out
    assert "Worked steps (sigmoid)" in out


def test_seed_reproduces_the_session_exactly(run, bank_file):
    a = _quiz(run, bank_file, "-n", "3", "--seed", "9", input="s\ns\ns\n")
    b = _quiz(run, bank_file, "-n", "3", "--seed", "9", input="s\ns\ns\n")
    strip_time = re.compile(r"Time: \S+")
    assert strip_time.sub("", a.stdout) == strip_time.sub("", b.stdout)


def test_invalid_inputs_are_asked_again_and_never_counted(run, bank_file):
    junk = ["", "abc", "nan", "inf", "1e999", "정답", "1,5", "x"]
    r = _quiz(run, bank_file, "-n", "1", "--type", "numeric", input="\n".join(junk + ["0.5"]) + "\n")
    assert r.exit_code == 0
    assert r.stdout.count("↺ type a number") == len(junk)
    assert "Score: 1/1" in r.stdout


def test_choice_rejects_out_of_range_and_accepts_circled(run, bank_file):
    probe = _quiz(run, bank_file, "-n", "1", "--seed", "2", "--type", "choice", input="q\n")
    digit = _correct_option(_panels(probe.stdout)[0])
    circled = "①②③④"[int(digit) - 1]
    r = _quiz(run, bank_file, "-n", "1", "--seed", "2", "--type", "choice", input=f"5\n0\n{circled}\n")
    assert r.stdout.count("↺ type an option number from 1 to 4") == 2
    assert "Score: 1/1" in r.stdout


def test_wrong_choice_shows_its_rationale(run, bank_file):
    probe = _quiz(run, bank_file, "-n", "1", "--seed", "2", "--type", "choice", input="q\n")
    digit = _correct_option(_panels(probe.stdout)[0])
    wrong = "1" if digit != "1" else "2"
    r = _quiz(run, bank_file, "-n", "1", "--seed", "2", "--type", "choice", input=f"{wrong}\n")
    assert "✘ Not quite." in r.stdout
    assert "Answer: " in r.stdout and "(0, 1)" in r.stdout
    assert re.search(r"Your choice . .*: (that is (tanh|ReLU)'s range|a linear function)", r.stdout)


def test_hint_skip_and_quit(run, bank_file):
    r = _quiz(run, bank_file, "-n", "3", "--seed", "1", input="?\ns\nq\n")
    assert "Hint: sigmoid is 0.5 at zero" in r.stdout
    assert "↷ Skipped" in r.stdout
    assert "Explanation: " in r.stdout  # a skipped question is still explained
    assert "ended early: 1/3" in r.stdout
    assert r.exit_code == 0


def test_end_of_input_ends_with_summary(run, bank_file):
    r = _quiz(run, bank_file, "-n", "3", "--seed", "1", input="s\n")
    assert r.exit_code == 0
    assert "Summary" in r.stdout and "Traceback" not in r.stdout + r.stderr


def test_answers_are_recorded(run, bank_file, tmp_path):
    _quiz(run, bank_file, "-n", "3", "--seed", "1", input="s\ns\ns\n")
    import os

    db = Path(os.environ["TOPA_HOME"]) / "progress.sqlite3"
    assert sqlite3.connect(db).execute("SELECT count(*) FROM answers").fetchone()[0] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--topic", "nothing"], "--topic: unknown topic 'nothing'; topics: neuron, perceptron"),
        (["--concept", "optimzer"], "did you mean 'optimizer'"),
        (["--type", "essay"], "--type: unknown question type 'essay'; types: choice, ox, numeric"),
        (
            ["--lang", "fr"],
            "--lang: ko, en 중 하나여야 합니다. 입력: 'fr'",
        ),  # a bad --lang: Korean, the default
        (
            ["--topic", "neuron", "--type", "numeric"],
            "no question matches these filters (--topic neuron --type numeric)",
        ),
    ],
)
def test_filters_that_match_nothing_exit_2_with_one_line(run, args, message):
    r = run("quiz", *args, input="", env={"TOPA_LANG": "en"} if "--lang" not in args else None)
    assert r.exit_code == 2
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_concept_prefix_and_lang_env(run, monkeypatch):
    monkeypatch.setenv("TOPA_LANG", "en")
    r = run("quiz", "-n", "2", "--concept", "activation.sigmoid", "--seed", "3", input="s\ns\n")
    assert r.exit_code == 0
    assert "Activation functions" in r.stdout


def test_narrow_terminal_no_color(run, bank_file, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    r = _quiz(run, bank_file, "-n", "3", "--seed", "1", input="1\no\n0.5\n")
    assert "\x1b[" not in r.stdout
    from rich.cells import cell_len

    assert max(cell_len(line) for line in r.stdout.splitlines()) <= 60


def test_korean_is_default_and_aligned(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    r = run("quiz", "-n", "2", "--topic", "neuron", "--seed", "2", input="1\n1\n")
    assert "정답" in r.stdout or "오답" in r.stdout
    from rich.cells import cell_len

    # box lines of a panel all have the same display width, Korean included
    widths = {cell_len(line) for line in r.stdout.splitlines() if line.startswith("│")}
    assert widths == {60}


# --- answer parsing and grading --------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [("0.5", 0.5), (".5", 0.5), ("1/2", 0.5), ("5e-1", 0.5), ("-0.25", -0.25), ("  0.5  ", 0.5), ("+2", 2.0)],
)
def test_parse_number_accepts(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["0,5", "nan", "inf", "-inf", "1e999", "1/0", "반", "", "1/2/3", "0x10", "1_000"]
)
def test_parse_number_rejects(text):
    assert parse_number(text) is None


def _numeric_item(decimals, tolerance=None):
    text = BANK.replace(
        "decimals: 2", f"decimals: {decimals}" + (f"\n    tolerance: {tolerance}" if tolerance else "")
    )
    import tempfile

    import numpy as np

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "b.yaml"
        path.write_text(text, encoding="utf-8")
        bank, problems = load_bank([path])
    assert not problems
    q = next(q for q in bank.questions if q.id == "drill.numeric")
    return make_item(q, bank, np.random.default_rng(0), "en")


def test_default_tolerance_is_rounding_to_the_asked_decimals():
    item = _numeric_item(2)  # σ(0) = 0.5
    assert grade_numeric(0.5, item) and grade_numeric(0.504, item) and grade_numeric(0.496, item)
    assert not grade_numeric(0.51, item) and not grade_numeric(0.49, item)


def test_zero_decimals_do_not_accept_half_way():
    item = _numeric_item(0)  # the answer 0.5 shown as "0" (round half to even)
    assert grade_numeric(0.0, item)
    assert not grade_numeric(1.0, item)


def test_declared_tolerance_abs_and_rel():
    item = _numeric_item(2, "{abs: 0.1}")
    assert grade_numeric(0.59, item) and not grade_numeric(0.61, item)
    item = _numeric_item(2, "{rel: 0.1}")
    assert grade_numeric(0.549, item) and not grade_numeric(0.56, item)


def test_read_answer_forms():
    item = _numeric_item(2)
    assert read_answer("?", item) == Command("hint")
    assert read_answer("S", item) == Command("skip")
    assert read_answer("q", item) == Command("quit")
    assert isinstance(read_answer("1,5", item), Invalid)
    ans = read_answer(" 1/2 ", item)
    assert isinstance(ans, Answer) and ans.correct and ans.value == 0.5


def test_closeness_is_one_decimal_finer_than_asked():
    from topa_quiz.i18n import catalog
    from topa_quiz.session.grading import closeness

    en, ko = catalog("en"), catalog("ko")
    item = _numeric_item(0)  # answer 0.5 asked to 0 decimals
    assert closeness(1.0, item, en) == "0.5 above the answer"
    assert closeness(0.5, item, en) == "exactly right"
    assert closeness(0.5, item, ko) == "정확합니다"
    assert closeness(0.49, _numeric_item(2), en) == "0.01 below the answer"
    assert closeness(0.4998, _numeric_item(2), ko) == "정답보다 0.0002 작습니다"


UNBUILDABLE = (
    BANK
    + """\
  - id: drill.unbuildable
    concepts: [drill.basics]
    type: numeric
    calc: bce
    params: {y_true: [1], y_pred: [{uniform: [0.1, 0.2]}]}
    decimals: 2
    prompt: {ko: "BCE를 구하시오.", en: "Compute the BCE."}
    explanation: {ko: "답은 {answer}", en: "The answer is {answer}."}
"""
)


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("ko", "계산이 뽑은 매개변수", "rejects the drawn parameters"),
        ("en", "bce rejects the drawn parameters", "뽑은"),
    ],
)
def test_a_question_the_engine_cannot_build_is_skipped_with_why_in_the_session_language(
    run, tmp_path, lang, said, not_said
):
    """The loader cannot see this (a form inside a list is not drawn): the quiz skips the
    question and says why in the session's language, then serves the others."""
    bank = tmp_path / "drill.yaml"
    bank.write_text(UNBUILDABLE, encoding="utf-8")
    r = run("quiz", "--bank", str(bank), "--concept", "drill.basics", "--lang", lang, "-n", "4", input="q\n")
    assert r.exit_code == 0
    warning = next(line for line in r.output.splitlines() if "drill.unbuildable" in line)
    assert said in warning and not_said not in warning
    assert "1/3" in r.output  # the three others are served
