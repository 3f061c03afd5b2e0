"""``topa learn`` end to end: the runner, the real database, a pipe at 60 columns with NO_COLOR."""

from __future__ import annotations

import io
import json
import re
import sqlite3

import pytest
from rich.cells import cell_len

from topa_quiz.cli.env import Environment
from topa_quiz.store.paths import database_path

#: the answer that every kind reads: option 1, O, or the number 1
ANY_ANSWER = "1\n"


def learn_answers() -> list[tuple[str, str, int, str]]:
    """(question id, mode, correct, concepts as JSON) of every recorded answer."""
    path = database_path()
    if not path.exists():
        return []
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT a.question_id, s.mode, a.correct, a.concepts FROM answers a JOIN sessions s ON s.id = a.session_id"
        ).fetchall()


def number_after(label: str, text: str) -> float:
    match = re.search(rf"^{re.escape(label)} (\S+)$", text, re.M)
    assert match, label
    return float(match.group(1))


@pytest.mark.parametrize(("lang", "result"), [("ko", "결과"), ("en", "result")])
def test_the_sigmoid_page_matches_topa_calc_and_its_check_is_recorded(run, lang, result):
    r = run("learn", "activation.sigmoid", "--seed", "8", "--lang", lang, input=ANY_ANSWER * 3)
    assert r.exit_code == 0, r.stderr
    assert "σ(x) = 1/(1 + e^(−x))" in r.stdout
    x = re.search(r"^x=(\S+)$", r.stdout, re.M).group(1)
    calc = run("calc", "sigmoid", x, "--json")
    assert calc.exit_code == 0, calc.stderr
    expected = json.loads(calc.stdout)["result"]
    assert number_after(result, r.stdout) == pytest.approx(expected, rel=1e-9)
    answers = learn_answers()
    assert len(answers) == 3 and {a[1] for a in answers} == {"learn"}
    assert all("activation.sigmoid" in json.loads(a[3]) for a in answers)


def test_no_check_records_nothing_and_creates_no_database(run):
    r = run("learn", "optimizer.adam", "--no-check", "--lang", "en", input=ANY_ANSWER * 3)
    assert r.exit_code == 0, r.stderr
    assert "Worked example" in r.stdout and "╭─ 1/3" not in r.stdout
    assert learn_answers() == [] and not database_path().exists()


def test_end_of_input_ends_the_check_quietly(run):
    r = run("learn", "activation.relu", "--lang", "en", input="")
    assert r.exit_code == 0 and r.stderr == ""
    assert "╭─ 1/3" in r.stdout and "Summary" not in r.stdout and "Traceback" not in r.stdout
    assert learn_answers() == []


def test_the_map_shows_mastery_after_answers(run):
    before = run("learn", "--lang", "en")
    assert before.exit_code == 0 and "topa learn neuron.dendrite" in before.stdout
    r = run("learn", "neuron.dendrite", "--seed", "1", "--lang", "en", input=ANY_ANSWER * 3)
    assert r.exit_code == 0, r.stderr
    right = sum(a[2] for a in learn_answers())
    after = run("learn", "--lang", "en", env={"COLUMNS": "60"})
    line = next(line for line in after.stdout.splitlines() if line.startswith("  dendrite "))
    assert f"{right}/3" in line and f"{round(100 * right / 3)}%" in line
    assert "never answered" in next(s for s in after.stdout.splitlines() if s.startswith("  AdamW "))
    assert "topa learn neuron.cell_body" in after.stdout


def test_a_topic_in_a_pipe_prints_every_page_then_checks_the_topic(run):
    r = run("learn", "perceptron", "--seed", "2", "--lang", "en", input=ANY_ANSWER * 3)
    assert r.exit_code == 0, r.stderr
    ids = ["perceptron.origin", "perceptron.neuron_analogy", "perceptron.weights", "perceptron.output"]
    for n, cid in enumerate(ids, 1):
        assert f"Perceptron · {cid} · page {n} of 4" in r.stdout
    assert "Check: 3 questions on Perceptron" in r.stdout
    assert {a[0].split(".")[0] for a in learn_answers()} == {"perceptron"}
    assert len(learn_answers()) == 3


def terminal(lines: list[str], width: int = 60) -> Environment:
    """A person at a terminal: both ends are ttys; what they type comes from ``lines``."""
    return Environment(
        stdin=io.StringIO("".join(f"{line}\n" for line in lines)),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        stdin_isatty=True,
        stdout_isatty=True,
        lang="en",
        width=width,
    )


def test_in_a_terminal_enter_turns_the_page_and_q_stops(monkeypatch):
    from topa_quiz.cli.learn import run_learn

    monkeypatch.setenv("NO_COLOR", "1")
    env = terminal(["", "", "q"])
    run_learn(env, "activation", {"seed": 3, "check": True, "plot": False})
    out = " ".join(env.stdout.getvalue().split())  # headings joined where 60 columns wrapped them
    assert "activation.purpose · page 1 of 9" in out and "activation.sigmoid · page 3 of 9" in out
    assert "page 4 of 9" not in out and "Check:" not in out
    assert out.count("Enter = next page, q = stop") == 3
    assert "┌" in out  # a terminal gets the pictures (the sigmoid on page 3)
    assert learn_answers() == []


@pytest.mark.parametrize(("typed", "recorded"), [(["", "s", "s", "s"], 3), (["q"], 0), ([], 0)])
def test_in_a_terminal_the_check_waits_for_enter(typed, recorded):
    from topa_quiz.cli.learn import run_learn

    env = terminal(typed)
    run_learn(env, "loss.mae", {"seed": 3, "check": True, "plot": False})
    out = env.stdout.getvalue()
    assert "Enter = start the check, q = stop" in out
    assert len(learn_answers()) == recorded
    assert ("Check: 3 questions on Mean Absolute Error" in out) == bool(recorded)


def test_a_picture_only_in_a_terminal_or_with_plot(run):
    piped = run("learn", "activation.tanh", "--no-check", "--lang", "en")
    drawn = run("learn", "activation.tanh", "--no-check", "--plot", "--lang", "en")
    assert "Picture" not in piped.stdout and "┌" not in piped.stdout
    assert "Picture" in drawn.stdout and "tanh′" in drawn.stdout


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize(
    "args",
    [
        ("activation.sigmoid", "--plot", "--seed", "4"),
        ("optimizer", "--plot", "--seed", "4"),
        (),
        ("--sheet",),
    ],
    ids=["concept", "topic", "map", "sheet"],
)
def test_60_columns_no_color_in_a_pipe(run, lang, args):
    r = run("learn", *args, "--lang", lang, input=ANY_ANSWER * 3, env={"COLUMNS": "60", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    assert "\x1b" not in r.stdout
    too_wide = [line for line in r.stdout.splitlines() if cell_len(line) > 60]
    assert too_wide == []


def test_the_sheet_as_markdown(run, tmp_path):
    out = tmp_path / "formulas.md"
    r = run("learn", "--sheet", "--out", str(out), "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip() == f"Wrote the formula sheet to {out}."
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Formula sheet\n")
    for topic in ("Biological neuron", "Perceptron", "Activation functions", "Loss functions", "Optimizers"):
        assert f"\n## {topic}\n" in text
    assert "`σ(x) = 1/(1 + e^(−x))`" in text


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("sigmod",), "activation.sigmoid"),
        (("activaton",), "'activation'"),
        (("zzzzqqq",), "topa learn"),
        (("--sheet", "activation"), "--sheet"),
        (("--seed", "-1", "activation"), "--seed"),
    ],
)
def test_a_bad_name_or_flag_is_one_line_and_exit_2(run, lang, args, needle):
    r = run("learn", *args, "--lang", lang)
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1 and needle in r.stderr
    assert r.stderr.startswith("오류: " if lang == "ko" else "error: ")
    assert "Traceback" not in r.stderr and not database_path().exists()


@pytest.mark.parametrize("where", ["missing/sheet.md", "."])
def test_an_unwritable_sheet_is_one_line_and_exit_2(run, tmp_path, where):
    target = tmp_path / where
    r = run("learn", "--out", str(target), "--lang", "en")
    assert r.exit_code == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and f"cannot write {target}" in r.stderr
    assert not (tmp_path / "missing").exists()


def test_learn_is_listed_in_help(run):
    r = run("--help", env={"TOPA_LANG": "en"})
    assert "learn" in r.stdout and "Study pages per concept" in r.stdout
