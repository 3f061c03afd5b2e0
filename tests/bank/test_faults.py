"""Malformed and hostile banks (issue 13 items 5, 6, 10, 12, 13, 17, 22, 23): each is one
clear ``FILE:LINE:COL: message`` line, found at once, never a hang, a crash or silence."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from topa_quiz.bank import validate as validate_module
from topa_quiz.bank.loader import bundled_bank_dir, load_bank
from topa_quiz.bank.validate import validate
from topa_quiz.bank.yamlread import MAX_BYTES


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def lines(*paths: Path) -> list[str]:
    """What `topa bank validate` prints, in-process."""
    return [str(p) for p in validate(list(paths))[1]]


OX = """
questions:
  - id: t.ox
    concepts: [activation.sigmoid]
    type: ox
    prompt: {ko: PROMPT, en: a}
    answer: O
    explanation: {ko: 가, en: a}
"""

NUMERIC = """
questions:
  - id: t.numeric
    concepts: [activation.sigmoid]
    type: numeric
    calc: sigmoid
    params:
      x: PARAM
    TOLERANCE
    prompt: {ko: 'σ({x})', en: 'σ({x})'}
    explanation: {ko: '{answer}', en: '{answer}'}
"""


def topa(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, so that a hang fails the test instead of the run;
    in English, the words these tests quote (``--lang`` still chooses)."""
    return subprocess.run(
        [sys.executable, "-m", "topa_quiz", *args],
        env={**os.environ, "TOPA_LANG": "en"},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# ---------------------------------------------------------------- item 5
def test_an_unhashable_key_is_reported_at_its_line_and_the_rest_still_loads():
    path = write("q.yaml", OX.replace("PROMPT", "가") + "  - {[a, b]: 1, id: typo}\n")
    found = lines(path)
    assert "q.yaml:8:6: a list cannot be a key: write the field name as text" in found
    bank, _ = load_bank([path], use_cache=False)
    assert "t.ox" in {q.id for q in bank.questions}  # the file's other questions are not dropped


# ---------------------------------------------------------------- item 6
@pytest.mark.parametrize(
    "escaped",
    [r"\e]52;c;aGk=\a", r"\e]0;title\a", r"\e[2J", r"\x9d52;c;aGk=\x9c", r"\x07", r"\r", r"\x7f"],
    ids=["OSC 52", "OSC 0", "clear screen", "C1 OSC", "BEL", "CR", "DEL"],
)
def test_control_characters_in_bank_text_are_problems(escaped):
    path = write("q.yaml", OX.replace("PROMPT", f'"가{escaped}나"'))
    (problem,) = lines(path)
    assert problem.startswith("q.yaml:5:18: control character \\x")
    assert "bank text must not drive the terminal" in problem


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("an option", OX.replace("type: ox", "type: choice").replace("answer: O", "answer: 1")),
        ("a concept name", "topics: {x: {ko: 가, en: a}}\nconcepts:\n  - {id: x.y, topic: x, ko: \"\\e[31m\", en: a, summary: {ko: 가, en: a}}\n"),
        ("an id", OX.replace("id: t.ox", 'id: "t.\\e[2Jox"')),
        ("a topic name", "topics: {x: {ko: \"\\u009b2J\", en: a}}\n"),
    ],
)  # fmt: skip
def test_control_characters_are_found_in_any_text(where, text):
    if where == "an option":
        text = text.replace(
            "    answer: 1\n",
            "    options:\n"
            + "".join(
                f'      - {{ko: "옵션{i}\\e[2J", en: o{i}, why: {{ko: 왜, en: why}}}}\n' for i in range(4)
            )
            + "    answer: 1\n",
        )
    path = write("q.yaml", text.replace("PROMPT", "가"))
    assert any("control character \\x" in p for p in lines(path)), where


def test_newlines_and_tabs_are_fine():
    path = write("q.yaml", OX.replace("PROMPT", '"첫 줄\\n\\t둘째 줄"'))
    assert lines(path) == []


def test_a_raw_escape_byte_in_the_file_is_one_line_with_its_place():
    path = Path("q.yaml")
    path.write_bytes(textwrap.dedent(OX).lstrip("\n").replace("PROMPT", "가\x1b[2J").encode())
    assert lines(path) == ["q.yaml:5:19: character U+001B (ESC) is not allowed in a bank file"]


# ---------------------------------------------------------------- item 10
@pytest.mark.parametrize(
    ("param", "message"),
    [
        ("{uniform: [-1.0e+308, 1.0e+308]}", "uniform bounds are too far apart"),
        ("{uniform: [-1e308, 1e308]}", "'-1e308' is text in YAML: write it with a dot"),
        ("{uniform: [0, .inf]}", "uniform bounds must be finite numbers"),
        ("{uniform: [.nan, 1]}", "uniform bounds must be finite numbers"),
        ("{integers: [0, 1.0e+30]}", "integers bounds must fit in 64 bits"),
        ("{integers: [-1.0e+19, 0]}", "integers bounds must fit in 64 bits"),
        ("{integers: [0, 1e30]}", "'1e30' is text in YAML: write it with a dot"),
        ("{integers: [0, 9223372036854775807]}", "integers bounds must fit in 64 bits"),
        ("{integers: [0.5, 3]}", "integers takes whole-number bounds"),
    ],
)
def test_sampling_bounds_that_cannot_be_drawn_are_problems_with_a_line(param, message):
    path = write("q.yaml", NUMERIC.replace("PARAM", param).replace("    TOLERANCE\n", ""))
    found = lines(path)
    assert len(found) == 1 and found[0].startswith("q.yaml:7:10: question t.numeric: parameter 'x': "), found
    assert message in found[0]


def test_the_widest_integer_bounds_still_draw():
    path = write(
        "q.yaml", NUMERIC.replace("PARAM", "{integers: [-9223372036854775808, 9223372036854775806]}")
    )
    path.write_text(path.read_text().replace("calc: sigmoid", "calc: relu").replace("    TOLERANCE\n", ""))
    assert lines(path) == []


def test_dev_zero_is_refused_without_reading_it():
    result = topa("bank", "validate", "/dev/zero", "--lang", "en", timeout=30)
    assert result.returncode == 1
    assert "/dev/zero:0:0: not a regular file (a device): a bank is a YAML file" in result.stderr


def test_a_file_over_the_size_cap_is_refused_without_parsing(monkeypatch):
    path = Path("big.yaml")
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    monkeypatch.setattr(
        "topa_quiz.bank.yamlread.decode", lambda *a: pytest.fail("decoded a file over the cap")
    )
    assert lines(path) == [
        "big.yaml:0:0: too large: a bank file may hold at most 5 MB; split it into several files"
    ]


# ---------------------------------------------------------------- item 12
def billion_laughs(where: str) -> str:
    levels = ["      a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        levels.append(f"      a{i}: &a{i} [{refs}]")
    bomb = "\n".join(levels)
    return NUMERIC.replace("    TOLERANCE\n", "").replace(
        "      x: PARAM", f"      x: 1\n{bomb}" if where == "params" else "      x: 1"
    )


def test_an_alias_bomb_inside_params_is_refused_at_once():
    path = write("bomb.yaml", billion_laughs("params"))
    start = time.perf_counter()
    result = topa("bank", "validate", str(path), timeout=60)
    assert time.perf_counter() - start < 30
    assert result.returncode == 1
    assert "bomb.yaml:13:11: aliases expand this to more than 1,000,000 values" in result.stderr


def test_quizzes_refuse_the_alias_bomb_too(tmp_path):
    path = write("bomb.yaml", billion_laughs("params"))
    result = topa("bank", "stats", "--json", "--bank", str(path), timeout=60)
    assert result.returncode != 0
    assert "aliases expand this" in result.stderr and "Traceback" not in result.stderr


def test_aliases_of_modest_size_are_fine():
    text = NUMERIC.replace("    TOLERANCE\n", "").replace("      x: PARAM", "      x: &xs {choice: [1, 2]}")
    path = write(
        "q.yaml",
        text
        + "  - id: t.again\n    concepts: [activation.sigmoid]\n    type: numeric\n    calc: sigmoid\n    params: {x: *xs}\n    prompt: {ko: '가', en: a}\n    explanation: {ko: '가', en: a}\n",
    )
    assert lines(path) == []


def test_a_recursive_alias_is_refused():
    path = write("q.yaml", NUMERIC.replace("    TOLERANCE\n", "").replace("PARAM", "&loop [1, *loop]"))
    (found,) = lines(path)
    assert found == "q.yaml:7:10: an alias refers to a mapping or list that contains it (a loop)"


def test_nesting_too_deep_is_refused():
    path = write("q.yaml", NUMERIC.replace("    TOLERANCE\n", "").replace("PARAM", "[" * 100 + "]" * 100))
    (found,) = lines(path)
    assert "nested more than 64 levels deep" in found


# ---------------------------------------------------------------- item 13
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_at_once_alone_or_in_a_folder():
    os.mkdir("bank")
    os.mkfifo("bank/pipe.yaml")
    result = topa("bank", "validate", "bank/pipe.yaml", "--lang", "en", timeout=30)
    assert "bank/pipe.yaml:0:0: not a regular file (a FIFO): a bank is a YAML file" in result.stderr
    result = topa("bank", "validate", "bank", "--lang", "en", timeout=30)
    assert "bank/pipe.yaml:0:0: not a regular file (a FIFO)" in result.stderr
    assert result.returncode == 1


# ---------------------------------------------------------------- item 17
@pytest.mark.parametrize("tolerance", ["{abs: .inf}", "{rel: .nan}", "{abs: -1}", "{rel: .inf, abs: 0}"])
def test_a_tolerance_that_is_not_a_finite_number_is_refused(tolerance):
    path = write("q.yaml", NUMERIC.replace("PARAM", "1").replace("TOLERANCE", f"tolerance: {tolerance}"))
    (found,) = lines(path)
    assert found.startswith(
        "q.yaml:8:16: question t.numeric: 'tolerance' must be a mapping with abs and/or rel, each a finite number >= 0"
    )


# ---------------------------------------------------------------- item 22
def clone_of_the_bundled_bank() -> Path:
    """A clone's question_bank/ when the package is installed elsewhere (not editable)."""
    return Path(shutil.copytree(bundled_bank_dir(), "clone/question_bank"))


def test_validating_a_copy_of_the_bundled_bank_checks_it_once():
    copy = clone_of_the_bundled_bank()
    bank, problems = validate([copy])
    assert [str(p) for p in problems] == []
    assert len(bank.questions) == len(load_bank()[0].questions)
    assert all(s.startswith(str(Path("clone") / "question_bank")) for s in bank.sources)


def test_an_edit_in_a_clone_is_what_is_validated():
    copy = clone_of_the_bundled_bank()
    concepts = copy / "concepts.yaml"
    concepts.write_text(
        concepts.read_text(encoding="utf-8").replace(
            "  - id: neuron.axon\n", "  - id: neuron.axon\n    numerc: true\n", 1
        ),
        encoding="utf-8",
    )
    found = lines(copy / "concepts.yaml")
    assert len(found) == 1 and "unknown field 'numerc'; did you mean 'numeric'?" in found[0]
    assert found[0].startswith(str(Path("clone") / "question_bank" / "concepts.yaml"))


def test_validating_one_small_file_draws_only_its_questions(monkeypatch):
    drawn: list[str] = []
    real = validate_module.draw
    monkeypatch.setattr(validate_module, "draw", lambda q, rng: drawn.append(q.id) or real(q, rng))
    path = write("q.yaml", NUMERIC.replace("PARAM", "{choice: [1, 2]}").replace("    TOLERANCE\n", ""))
    assert lines(path) == []
    assert set(drawn) == {"t.numeric"}


# ---------------------------------------------------------------- item 23
def test_an_empty_file_is_a_problem_not_ok():
    path = write("empty.yaml", "")
    Path("comments.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert lines(path, Path("comments.yaml")) == [
        "empty.yaml:1:1: empty file: a bank file holds 'questions' (and/or 'topics', 'concepts')",
        "comments.yaml:1:1: empty file: a bank file holds 'questions' (and/or 'topics', 'concepts')",
    ]


def test_an_unclosed_quote_says_where_it_opened():
    text = (
        OX.replace("PROMPT", "가").replace("prompt: {ko: 가, en: a}", 'prompt: {ko: "가, en: a}') + "\n\n\n"
    )
    (found,) = lines(write("q.yaml", text))
    assert found.startswith("q.yaml:11:1: ")
    assert "quoted scalar, which starts at line 5, column 18" in found


def test_a_nul_byte_is_one_line_with_its_place():
    Path("q.yaml").write_bytes(textwrap.dedent(OX).lstrip("\n").replace("PROMPT", "가\x00나").encode())
    assert lines(Path("q.yaml")) == ["q.yaml:5:19: character U+0000 (NUL) is not allowed in a bank file"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [("2020-01-01", "a date (2020-01-01)"), ("!!binary aGVsbG8=", "binary data"), ("[a]", "a list")],
)
def test_an_id_that_is_not_text_says_so(value, shown):
    path = write("q.yaml", OX.replace("PROMPT", "가").replace("id: t.ox", f"id: {value}"))
    assert lines(path) == [f"q.yaml:2:9: question: 'id' must be text, got {shown}"]


def test_a_symbolic_link_loop_is_reported_as_such():
    os.symlink("b.yaml", "a.yaml")
    os.symlink("a.yaml", "b.yaml")
    assert lines(Path("a.yaml")) == ["a.yaml:0:0: a loop of symbolic links: fix or remove the link"]
    os.symlink("nowhere.yaml", "dangling.yaml")
    assert lines(Path("dangling.yaml")) == [
        "dangling.yaml:0:0: a symbolic link to 'nowhere.yaml', which does not exist"
    ]


def test_empty_looping_and_unreadable_entries_of_a_folder_are_reported(monkeypatch):
    write("bank/good.yaml", OX.replace("PROMPT", "가"))
    write("bank/empty.yaml", "")
    write("bank/secret.yaml", OX.replace("PROMPT", "가"))
    os.symlink("loop.yaml", "bank/loop.yaml")
    real_open = os.open

    def no_permission(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if str(path).endswith("secret.yaml"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_permission)
    b = Path("bank")
    assert lines(b) == [
        f"{b / 'empty.yaml'}:1:1: empty file: a bank file holds 'questions' (and/or 'topics', 'concepts')",
        f"{b / 'loop.yaml'}:0:0: a loop of symbolic links: fix or remove the link",
        f"{b / 'secret.yaml'}:0:0: permission denied: cannot read it",
    ]


def test_a_folder_without_bank_files_is_a_problem():
    os.mkdir("nothing")
    Path("nothing/notes.txt").write_text("hello", encoding="utf-8")
    assert lines(Path("nothing")) == ["nothing:0:0: no bank files (*.yaml, *.yml) in this folder"]


def test_a_missing_type_is_called_missing():
    path = write("q.yaml", OX.replace("PROMPT", "가").replace("    type: ox\n", ""))
    assert lines(path) == ["q.yaml:2:5: question t.ox: missing 'type' (one of choice, ox, numeric)"]
