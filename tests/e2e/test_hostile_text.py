"""Odd terminals and hostile text (issue 13 items 6, 7, 10): never a crash, never markup, never
a control sequence that reaches the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TOPA = Path(sys.executable).with_name("topa")

HOSTILE = """\
topics:
  "x[/]y": {ko: "주제 [/] \\e]0;title\\a", en: "topic [/] \\e]52;c;aGk=\\a"}
concepts:
  - id: "x[/]y.c[/]"
    topic: "x[/]y"
    ko: "개념 [bold]굵게[/bold]"
    en: "concept [link=http://x]click[/link]"
    summary: {ko: "요약 [/]", en: "summary [/]"}
questions:
  - id: "x[/]y.q[/]"
    concepts: ["x[/]y.c[/]"]
    type: choice
    prompt: {ko: "고르십시오 [red]빨강[/red] \\e[2J", en: "Pick [red]red[/red] \\e[2J"}
    options:
      - {ko: "[/] 하나", en: "[/] one"}
      - {ko: "[bold]둘[/bold]", en: "[bold]two[/bold]", why: {ko: "[/] 때문", en: "because [/]"}}
      - {ko: "셋", en: "three", why: {ko: "아님", en: "no"}}
      - {ko: "넷", en: "four", why: {ko: "아님", en: "no"}}
    answer: 1
    explanation: {ko: "[/] 설명", en: "[/] explained"}
"""


def _run(args, tmp_path, feed=b"", **env):
    full = dict(os.environ, TOPA_HOME=str(tmp_path / "home"), NO_COLOR="1", COLUMNS="100", **env)
    return subprocess.run([str(TOPA), *args], input=feed, capture_output=True, env=full, check=False)


def test_bank_validate_flags_control_characters(tmp_path):
    bank = tmp_path / "hostile.yaml"
    bank.write_text(HOSTILE, encoding="utf-8")
    done = _run(["bank", "validate", str(bank), "--lang", "en"], tmp_path)
    assert done.returncode == 1
    assert b"control" in done.stderr.lower()
    assert b"\x1b" not in done.stderr and b"Traceback" not in done.stderr


def test_markup_in_bank_text_is_shown_as_written(tmp_path):
    bank = tmp_path / "markup.yaml"
    bank.write_text(
        HOSTILE.replace("\\e]0;title\\a", "").replace("\\e]52;c;aGk=\\a", "").replace(" \\e[2J", ""),
        encoding="utf-8",
    )
    args = ["quiz", "--bank", str(bank), "--concept", "x[/]y.c[/]", "--lang", "en", "-n", "1", "--seed", "3"]
    probe = _run(args, tmp_path, b"q\n").stdout.decode()
    line = next(x for x in probe.splitlines() if "[bold]two[/bold]" in x)
    number = "①②③④".index(line.split()[1]) + 1
    done = _run(args, tmp_path, f"{number}\n".encode())
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    assert "Pick [red]red[/red]" in out and "topic [/]" in out
    assert "because [/]" in out and "[/] explained" in out
    assert "concept [link=http://x]click[/link]" in out
    assert "Traceback" not in out + done.stderr.decode()


def test_markup_in_an_error_is_shown_as_written(tmp_path):
    for value in ("[/]", "[link=http://x]click[/link]"):
        done = _run(["calc", "sigmoid", value, "--lang", "en"], tmp_path)
        assert done.returncode == 2
        err = done.stderr.decode()
        assert value in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_an_ascii_terminal_gets_escapes_not_a_crash(tmp_path):
    for args in (["--help"], ["calc", "sigmoid", "0"], ["quiz", "-n", "1", "--seed", "1"]):
        done = _run(args, tmp_path, PYTHONIOENCODING="ascii")
        assert done.returncode == 0, (args, done.stderr.decode())
        assert b"\\u" in done.stdout  # Korean written as escapes
    done = _run(["calc", "sigmoid", "0"], tmp_path, LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    assert done.returncode == 0, done.stderr.decode()


def test_bytes_stdin_cannot_decode_are_asked_again(tmp_path):
    done = _run(
        [
            "quiz",
            "-n",
            "1",
            "--concept",
            "activation.sigmoid",
            "--type",
            "numeric",
            "--seed",
            "1",
            "--lang",
            "en",
        ],
        tmp_path,
        b"\xff\xfe\x1b[2J\nq\n",
    )
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode()
    assert "↺ type a number" in out
    assert "\x1b" not in out  # the typed escape is echoed visibly, not passed on
