"""The bank loader and validator on small banks written into tmp_path.

Each problem must be reported as FILE:LINE:COL at the node that is wrong. Line numbers
below are those of the YAML texts as written here (line 1 is the text's first line).
"""

from __future__ import annotations

import json
import os
import re
import textwrap
from pathlib import Path

import pytest

from topa_quiz.bank.loader import Problem, load_bank
from topa_quiz.bank.validate import validate


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    """Run in tmp_path, so bank files are named as written ('q.yaml')."""
    monkeypatch.chdir(tmp_path)


def write(path: Path | str, text: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load(path: Path) -> list[Problem]:
    return load_bank([path])[1]


def deep(path: Path) -> list[Problem]:
    return validate([path])[1]


def one(problems: list[Problem], fragment: str) -> Problem:
    """The single problem whose message contains ``fragment``."""
    hits = [p for p in problems if fragment in p.message]
    assert len(hits) == 1, "\n".join(map(str, problems)) or "no problems"
    return hits[0]


def where(p: Problem) -> tuple[str, int, int]:
    return p.file, p.line, p.col


def test_a_valid_small_bank_loads_without_problems(tmp_path):
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.ok
            concepts: [activation.sigmoid]
            type: ox
            prompt: {ko: 가, en: a}
            answer: O
            explanation: {ko: 가, en: a}
        """,
    )
    bank, problems = validate([path])
    assert problems == []
    assert "t.ok" in {q.id for q in bank.questions}


def test_yaml_syntax_error_names_the_character():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.syntax
            concepts: [activation.sigmoid]
            type: ox: 1
        """,
    )
    p = one(load(path), "mapping values are not allowed")
    assert where(p) == ("q.yaml", 4, 13)  # the second ':' on line 4
    assert str(p).startswith("q.yaml:4:13: ")


def test_missing_field_points_at_the_question():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.missing
            concepts: [activation.sigmoid]
            type: ox
            prompt: {ko: 가, en: a}
            answer: O
        """,
    )
    p = one(load(path), "missing 'explanation'")
    assert where(p) == ("q.yaml", 2, 5)  # the question mapping starts at 'id' on line 2


def test_mistyped_fields():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.types
            concepts: [activation.sigmoid]
            type: ox
            difficulty: hard
            prompt: 그냥 문장
            answer: O
            explanation: {ko: 가, en: a}
        """,
    )
    problems = load(path)
    assert where(one(problems, "'difficulty' must be 1, 2 or 3")) == ("q.yaml", 5, 17)
    assert where(one(problems, "'prompt' must be a mapping with ko and en")) == ("q.yaml", 6, 13)


def test_mistyped_type():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.kind
            concepts: [activation.sigmoid]
            type: truefalse
            prompt: {ko: 가, en: a}
            explanation: {ko: 가, en: a}
        """,
    )
    assert where(one(load(path), "'type' must be one of")) == ("q.yaml", 4, 11)


def test_duplicate_ids_across_two_files(tmp_path):
    write(
        "bank/a.yaml",
        """
        questions:
          - id: t.dup
            concepts: [activation.sigmoid]
            type: ox
            prompt: {ko: 가, en: a}
            answer: O
            explanation: {ko: 가, en: a}
        """,
    )
    write(
        "bank/b.yaml",
        """
        # the same id again, in another file
        questions:
          - id: t.other
            concepts: [activation.sigmoid]
            type: ox
            prompt: {ko: 나, en: b}
            answer: X
            explanation: {ko: 나, en: b}
          - id: t.dup
            concepts: [activation.sigmoid]
            type: ox
            prompt: {ko: 다, en: c}
            answer: X
            explanation: {ko: 다, en: c}
        """,
    )
    p = one(load(tmp_path / "bank"), "duplicate question id 't.dup'")
    assert where(p) == (os.path.join("bank", "b.yaml"), 9, 9)  # the id's value
    assert f"first at {os.path.join('bank', 'a.yaml')}:2" in p.message


def test_an_id_that_clashes_with_the_bundled_bank():
    bundled = load_bank()[0]
    taken = bundled.questions[0].id
    path = write(
        "q.yaml",
        f"""
        questions:
          - id: {taken}
            concepts: [activation.sigmoid]
            type: ox
            prompt: {{ko: 가, en: a}}
            answer: O
            explanation: {{ko: 가, en: a}}
        """,
    )
    p = one(load(path), f"duplicate question id '{taken}'")
    assert where(p) == ("q.yaml", 2, 9)


def test_unknown_concept_with_a_suggestion():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.concept
            concepts:
              - activation.sigmod
            type: ox
            prompt: {ko: 가, en: a}
            answer: O
            explanation: {ko: 가, en: a}
        """,
    )
    p = one(load(path), "unknown concept 'activation.sigmod'")
    assert "did you mean 'activation.sigmoid'" in p.message
    assert (p.file, p.line) == ("q.yaml", 4)


def test_answer_index_out_of_range():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.answer
            concepts: [activation.sigmoid]
            type: choice
            prompt: {ko: 가, en: a}
            options:
              - {ko: 하나, en: one, why: {ko: 왜, en: why}}
              - {ko: 둘, en: two, why: {ko: 왜, en: why}}
              - {ko: 셋, en: three, why: {ko: 왜, en: why}}
              - {ko: 넷, en: four, why: {ko: 왜, en: why}}
            answer: 5
            explanation: {ko: 가, en: a}
        """,
    )
    p = one(load(path), "'answer' must be the number of the correct option, 1 to 4, got 5")
    assert where(p) == ("q.yaml", 11, 13)


def test_unknown_engine_calculation():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.calc
            concepts: [activation.sigmoid]
            type: numeric
            calc: sigmod
            prompt: {ko: 가, en: a}
            explanation: {ko: 가, en: a}
        """,
    )
    p = one(load(path), "unknown engine calculation 'sigmod'")
    assert "did you mean 'sigmoid'" in p.message
    assert where(p) == ("q.yaml", 5, 11)


def test_unknown_parameter():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.param
            concepts: [activation.sigmoid]
            type: numeric
            calc: sigmoid
            params:
              x: 1
              y: 2
            prompt: {ko: 가, en: a}
            explanation: {ko: 가, en: a}
        """,
    )
    p = one(load(path), "'sigmoid' has no parameter 'y'")
    assert (p.file, p.line) == ("q.yaml", 8)
    assert p.col in (7, 10)  # the key 'y' or its value


def test_unknown_placeholder():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.placeholder
            concepts: [activation.sigmoid]
            type: numeric
            calc: sigmoid
            params: {x: 1}
            prompt:
              ko: 'σ({x})'
              en: 'σ({x}) in {{braces}}'
            explanation:
              ko: '{answer}'
              en: '{z}'
        """,
    )
    problems = load(path)
    p = one(problems, "{z}")
    assert (p.file, p.line) == ("q.yaml", 12)
    assert not [q for q in problems if "{braces}" in q.message]


def test_a_parameter_range_the_calculation_rejects():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.ok
            concepts: [activation.sigmoid]
            type: ox
            prompt: {ko: 가, en: a}
            answer: O
            explanation: {ko: 가, en: a}
          - id: t.dropout
            concepts: [generalization.dropout]
            type: numeric
            calc: dropout
            params:
              p: {uniform: [0.5, 1.5]}
            prompt: {ko: 가, en: a}
            explanation: {ko: 가, en: a}
        """,
    )
    assert load(path) == []  # the form is fine; only drawing finds it
    p = one(deep(path), "dropout rejects the drawn parameters")
    assert "t.dropout" in p.message
    assert (p.file, p.line) == ("q.yaml", 8)  # the question (the draw, not a node, is wrong)


def test_missing_translation():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.lang
            concepts: [activation.sigmoid]
            type: ox
            prompt:
              ko: 질문
            answer: O
            explanation: {ko: 가, en: a}
        """,
    )
    p = one(load(path), "missing en translation of 'prompt'")
    assert where(p) == ("q.yaml", 6, 7)  # the prompt mapping (its first key, 'ko')


def test_missing_why_on_a_wrong_option():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.why
            concepts: [activation.sigmoid]
            type: choice
            prompt: {ko: 가, en: a}
            options:
              - {ko: 하나, en: one}
              - {ko: 둘, en: two}
              - {ko: 셋, en: three, why: {ko: 왜, en: why}}
              - {ko: 넷, en: four, why: {ko: 왜, en: why}}
            answer: 1
            explanation: {ko: 가, en: a}
        """,
    )
    p = one(load(path), "option 2: missing 'why'")
    assert where(p) == ("q.yaml", 8, 9)


def test_repeated_options():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.repeat
            concepts: [activation.sigmoid]
            type: choice
            prompt: {ko: 가, en: a}
            options:
              - {ko: 하나, en: one}
              - {ko: 둘, en: two, why: {ko: 왜, en: why}}
              - {ko: 하나 , en: uno, why: {ko: 왜, en: why}}
              - {ko: 넷, en: four, why: {ko: 왜, en: why}}
            answer: 1
            explanation: {ko: 가, en: a}
        """,
    )
    p = one(load(path), "option 3 repeats option 1")
    assert where(p) == ("q.yaml", 9, 9)


def test_a_python_tag_is_reported_and_never_run(tmp_path):
    marker = tmp_path / "pwned"
    path = write(
        "q.yaml",
        f"""
        questions:
          - id: t.tag
            concepts: [activation.sigmoid]
            type: ox
            prompt: !!python/object/apply:os.system ["touch {marker}"]
            answer: O
            explanation: {{ko: 가, en: a}}
        """,
    )
    p = one(deep(path), "is not allowed")
    assert "!!python/object/apply:os.system" in p.message
    assert where(p) == ("q.yaml", 5, 13)
    assert not marker.exists()


def test_unknown_field_with_did_you_mean():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.typo
            concepts: [activation.sigmoid]
            type: ox
            prompt: {ko: 가, en: a}
            answer: O
            explantion:
              ko: 설명
              en: explanation
        """,
    )
    problems = load(path)
    p = one(problems, "unknown field 'explantion'")
    assert "did you mean 'explanation'" in p.message
    # the offending node is the key on line 7, not its value on line 8
    assert where(p) == ("q.yaml", 7, 5)


def test_unknown_option_field_with_did_you_mean():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.typo
            concepts: [activation.sigmoid]
            type: choice
            prompt: {ko: 가, en: a}
            options:
              - {ko: 하나, en: one}
              - {ko: 둘, en: two, wy: {ko: 왜, en: why}, why: {ko: 왜, en: why}}
              - {ko: 셋, en: three, why: {ko: 왜, en: why}}
              - {ko: 넷, en: four, why: {ko: 왜, en: why}}
            answer: 1
            explanation: {ko: 가, en: a}
        """,
    )
    p = one(load(path), "unknown field 'wy'")
    assert "did you mean 'why'" in p.message
    assert (p.file, p.line) == ("q.yaml", 8)


def test_every_problem_is_reported_not_just_the_first():
    path = write(
        "q.yaml",
        """
        questions:
          - id: t.a
            concepts: [activation.nope]
            type: ox
            prompt: {ko: 가, en: a}
            answer: maybe
            explanation: {ko: 가, en: a}
          - id: t.b
            concepts: [activation.sigmoid]
            type: numeric
            calc: sigmoidd
            prompt: {ko: 가}
            explanation: {ko: 가, en: a}
        """,
    )
    problems = load(path)
    lines = sorted(p.line for p in problems)
    assert lines == [3, 6, 11, 12], "\n".join(map(str, problems))


# --------------------------------------------------------------------- the CLI
BROKEN = """
    questions:
      - id: t.cli
        concepts: [activation.sigmod]
        type: choice
        prompt: {ko: 가, en: a}
        options:
          - {ko: 하나, en: one}
          - {ko: 둘, en: two, why: {ko: 왜, en: why}}
          - {ko: 셋, en: three, why: {ko: 왜, en: why}}
          - {ko: 넷, en: four, why: {ko: 왜, en: why}}
        answer: 9
        explanation: {ko: 가}
    """


def test_cli_validate_reports_every_problem_on_stderr(run):
    path = write("broken.yaml", BROKEN)
    result = run("bank", "validate", str(path), env={"TOPA_LANG": "en"})
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("broken.yaml:")]
    assert len(lines) >= 3, result.stderr
    assert any(re.match(r"broken\.yaml:3:\d+: .*unknown concept 'activation\.sigmod'", x) for x in lines)
    assert any(re.match(r"broken\.yaml:11:\d+: .*'answer' must be", x) for x in lines)
    assert any(re.match(r"broken\.yaml:12:\d+: .*missing en translation", x) for x in lines)
    assert f"{len(lines)} problem(s) found" in result.stderr
    assert "broken.yaml" not in result.stdout


def test_cli_validate_the_bundled_bank(run):
    result = run("bank", "validate", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(r"ok: \d+ questions, \d+ concepts, \d+ files, no problems\n", result.stdout)
    assert result.stderr == ""


def test_cli_validate_a_missing_path(run):
    result = run("bank", "validate", "nowhere.yaml")
    assert result.exit_code == 1
    assert "nowhere.yaml" in result.stderr


def stats(run, *args, env=None) -> dict:
    result = run("bank", "stats", "--json", *args, env=env)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def small_bank(directory: str, prefix: str) -> Path:
    return write(
        f"{directory}/q.yaml",
        f"""
        questions:
          - id: {prefix}.one
            concepts: [optimizer.adam]
            type: ox
            prompt: {{ko: 가, en: a}}
            answer: O
            explanation: {{ko: 가, en: a}}
          - id: {prefix}.two
            concepts: [activation.relu]
            type: numeric
            calc: relu
            params: {{x: {{choice: [-1, 2]}}}}
            prompt: {{ko: 'ReLU({{x}})', en: 'ReLU({{x}})'}}
            explanation: {{ko: '{{answer}}', en: '{{answer}}'}}
        """,
    ).parent


def test_bank_option_and_topa_bank_add_questions(run, tmp_path):
    a, b = small_bank("mine", "mine"), small_bank("theirs", "theirs")
    base = stats(run)
    with_a = stats(run, "--bank", str(a))
    assert with_a["questions"] == base["questions"] + 2
    assert with_a["topics"]["optimizer"] == base["topics"]["optimizer"] + 1
    assert with_a["concepts"]["activation.relu"] == base["concepts"]["activation.relu"] + 1
    assert with_a["types"]["ox"] == base["types"]["ox"] + 1
    assert with_a["types"]["numeric"] == base["types"]["numeric"] + 1

    both = stats(run, env={"TOPA_BANK": os.pathsep.join([str(a), str(b)])})
    assert both["questions"] == base["questions"] + 4

    mixed = stats(run, "--bank", str(a), env={"TOPA_BANK": str(b)})
    assert mixed["questions"] == base["questions"] + 4


def test_a_broken_custom_bank_stops_stats_with_one_line(run):
    path = write("broken.yaml", BROKEN)
    result = run("bank", "stats", "--json", "--bank", str(path))
    assert result.exit_code != 0
    assert "bank validate" in result.stderr
    assert result.stdout == ""


def test_bank_list_filters_by_concept(run):
    a = small_bank("mine", "mine")
    result = run("bank", "list", "--concept", "optimizer", "--bank", str(a))
    assert result.exit_code == 0, result.stderr
    assert "mine.one" in result.stdout
    assert "mine.two" not in result.stdout
    rows = [line.split("\t") for line in result.stdout.splitlines()]  # a pipe: tab-separated rows
    assert all(len(row) == 4 for row in rows)
    ids = [row[0] for row in rows if not row[0].startswith(("optimizer.", "mine."))]
    assert ids == []
    total = len(rows)
    base = stats(run)
    assert total == base["topics"]["optimizer"] + 1

    result = run("bank", "list", "--concept", "activation.relu", "--bank", str(a))
    assert "mine.two" in result.stdout and "mine.one" not in result.stdout


def test_bank_list_unknown_concept_is_a_usage_error(run):
    result = run("bank", "list", "--concept", "optimiser", env={"TOPA_LANG": "en"})
    assert result.exit_code not in (0, 1)
    assert "unknown concept 'optimiser'" in result.stderr
