"""End to end: the installed `topa` in a real pseudo-terminal, typed at, then Ctrl-C."""

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.cli.test_quiz import BANK

pexpect = pytest.importorskip("pexpect")
TOPA = Path(sys.executable).with_name("topa")


def spawn(tmp_path, *args, width=90):
    """The installed topa in a 40-row pseudo-terminal of ``width`` columns."""
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("COLUMNS", None)  # the pty's own size decides
    return pexpect.spawn(
        str(TOPA),
        list(args),
        env=env,
        encoding="utf-8",
        dimensions=(40, width),
        timeout=30,
        cwd=str(tmp_path),
    )


def drill_quiz(tmp_path, *args):
    bank = tmp_path / "drill.yaml"
    bank.write_text(BANK, encoding="utf-8")
    return spawn(tmp_path, "quiz", "--bank", str(bank), "--topic", "drill", "--lang", "en", *args)


@pytest.fixture
def child(tmp_path):
    proc = drill_quiz(tmp_path, "-n", "3", "--seed", "1")
    yield proc
    if proc.isalive():
        proc.terminate(force=True)


def test_type_answers_then_ctrl_c(child):
    child.expect("1/3")
    child.expect("›")
    child.sendline("abc")  # not an answer: asked again
    child.expect("↺")
    child.sendline("s")
    child.expect("Skipped")
    child.expect("2/3")
    child.expect("›")
    child.sendline("?")
    # the concept's summary, or for the numeric question its formula (bold escapes sit after "Hint:")
    child.expect_exact(["sigmoid is 0.5 at zero", "σ(0) = 1/(1 + e^(−x))"])
    child.expect("›")
    child.sendintr()  # Ctrl-C
    child.expect("Summary")
    child.expect("ended early")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    db = Path(os.environ["TOPA_HOME"]) / "progress.sqlite3"
    assert sqlite3.connect(db).execute("SELECT count(*) FROM answers").fetchone()[0] == 1


def test_end_of_input_in_a_terminal(child):
    child.expect("1/3")
    child.expect("›")
    child.sendeof()  # Ctrl-D
    child.expect("Summary")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_p_after_feedback_draws_the_calculation(tmp_path):
    proc = drill_quiz(tmp_path, "-n", "1", "--type", "numeric")
    try:
        proc.expect("Compute σ\\(0\\)")
        proc.expect("›")
        proc.sendline("0.5")
        proc.expect("Correct!")
        proc.expect("p = show the picture")
        proc.sendline("p")
        proc.expect("└")  # plotext's lower-left frame corner: the plot is on screen
        proc.expect("Summary")
        proc.expect(pexpect.EOF)
    finally:
        proc.close(force=True)
    assert proc.exitstatus == 0


def test_exam_countdown_moves_while_idle_and_time_up_ends_it(tmp_path):
    """Nobody types: the countdown line above the prompt keeps changing, and at the
    deadline the exam ends by itself with its report, every question counted wrong."""
    proc = spawn(tmp_path, "exam", "-n", "2", "--minutes", "0.08", "--seed", "1", "--lang", "en", width=100)
    try:
        proc.expect("1/2")
        shown = set()
        for _ in range(3):  # 4.8 s exam: three distinct readings a second apart
            proc.expect(r"⏱ (\d+:\d\d) left")
            shown.add(proc.match.group(1))
        proc.expect("FAIL")  # styles sit between the words in a terminal
        proc.expect("0/2")
        proc.expect("time is up")
        proc.expect(r"unanswered 2")
        proc.expect(pexpect.EOF)
    finally:
        proc.close(force=True)
    assert len(shown) >= 2, shown
    assert proc.exitstatus == 0
