"""Korean first (issue 10, point 3): a Korean session over every command shows no English word,
and an English session shows no Hangul.

The session (:mod:`tests.e2e.korean_session`) covers every command and subcommand, every
calculation of the registry with its example and its ``--help``, every plot, the bank's text
in a quiz and in the GIFT export, prompts, feedback, an exam that times out, and a handful of
mistakes. What counts as an English word is set by rules (:mod:`tests.e2e.english`), not a
list of words; the rules themselves are tested first, so a rule that stopped catching
anything would fail here.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from tests.e2e.english import Allowed, Word, english_words, hangul_lines
from tests.e2e.korean_session import Screen, allowed, pty_transcript, transcript

RULES = Allowed(
    frozenset({"topa", "activation", "activation.sigmoid", "quiz", "leaky-relu", "leaky_relu", "TOPA_HOME"})
)


@pytest.mark.parametrize(
    "text, words",
    [
        ("사용법: topa quiz [OPTIONS]", ["OPTIONS"]),
        ("Usage: topa quiz", ["Usage"]),
        ("[default: 10]", ["default"]),
        ("시간: 1m 08s", ["1m", "08s"]),
        ("정답과 0.0002 차이 (off by 0.0002)", ["off", "by"]),
        ("아담 Adam: moments m, v with bias correction", ["moments", "with", "bias", "correction"]),
        ("x-axis의 범위", ["axis"]),
        ("activation.sigmoidal를 보세요", ["sigmoidal"]),
        ("Aborted!", ["Aborted"]),
        # allowed: names, glosses, code, identifiers, mathematics
        ("기울기 소멸(Vanishing Gradient)은 ReLU, Leaky ReLU로 줄어듭니다", []),
        ("`topa quiz --concept activation.sigmoid`를 실행하세요", []),
        ("topa quiz --concept activation.sigmoid -n 5", []),
        ("--y-true 값, y_true, TOPA_HOME=/tmp/x, ~/topa/bank.yaml, my_bank/, sheet.md", []),
        ("σ(x) = 1/(1 + e^(−x)), W1·x + b1, 1e-08, R² = 1 − SS_res/SS_tot, O 또는 X", []),
        ("leaky-relu의 기울기 α", []),
        ("세포체(Cell body, Soma), 죽은 ReLU(Dying ReLU), '전부 아니면 전무'(all-or-none)", []),
        ("(공동 적응, co-adaptation), 최적화 함수(Optimizer, 예를 들어 SGD)", []),
        ("PyTorch의 nn.MSELoss와 torch.optim.SGD, model.eval(), betas = (0.9, 0.999)", []),
        ("logits=false, 『Perceptrons』, [html]&gt; 0, $CATEGORY: topa, Anki 덱(.apkg)", []),
        ("y = cx, h = f(Wx + b), dL/dw, xxxx", []),
        ("가중치 W(weight)의 모양, 역 드롭아웃(inverted", []),
        ("│ 역 드롭아웃(inverted   │\n│ dropout)을 씁니다 │", []),
        ("│ 역 드롭아웃 (inverted)   │\n│ dropout을 씁니다 │", ["dropout"]),
        ("<pre>학습 곡선<br>에포크</pre>", []),
        ("PyTorch 기본값: eps 1e-8, eval 모드", ["eps", "eval"]),
        ("Good(빨리 맞히면 Easy)", ["Good", "Easy"]),
        ("오류: no such file or directory", ["no", "such", "file", "or", "directory"]),
        ("불합격 FAIL", ["FAIL"]),
        ("(cell body) 세포체", ["cell", "body"]),
    ],
)
def test_the_rules(text: str, words: list[str]) -> None:
    assert [w.word for w in english_words(text, RULES)] == words


def test_hangul_lines() -> None:
    assert hangul_lines("fine\n시그모이드\nσ(x)") == ["시그모이드"]


def _english(screens: list[Screen]) -> list[Word]:
    rules = allowed()
    found: list[Word] = []
    for screen in screens:
        found += english_words(screen.text, rules.plus(screen.typed))
    return found


def _report(found: list[Word], limit: int = 80) -> str:
    counts = Counter(w.word for w in found)
    shown = "\n".join(str(w) for w in found[:limit])
    return f"{len(found)} English words ({len(counts)} distinct): {counts.most_common(40)}\n{shown}"


def _dump(name: str, screens: list[Screen]) -> None:
    """TOPA_DUMP=DIR keeps the transcript, for reading it whole."""
    folder = os.environ.get("TOPA_DUMP")
    if folder:
        text = "\n".join(f"$ {s.command}\n{s.text}" for s in screens)
        Path(folder, name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("env", [{}, {"TOPA_LANG": "ko"}], ids=["default", "TOPA_LANG=ko"])
def test_a_korean_session_shows_no_english_word(tmp_path, monkeypatch, env) -> None:
    screens = transcript(tmp_path, env, monkeypatch)
    _dump(f"ko-{len(env)}.txt", screens)
    found = _english(screens)
    assert not found, _report(found)


def test_a_korean_terminal_session_shows_no_english_word(tmp_path) -> None:
    pytest.importorskip("pexpect")
    screens = pty_transcript(tmp_path, {})
    _dump("ko-pty.txt", screens)
    found = _english(screens)
    assert not found, _report(found)


def test_an_english_session_shows_no_hangul(tmp_path, monkeypatch) -> None:
    screens = transcript(tmp_path, {"TOPA_LANG": "en"}, monkeypatch)
    if _has_pexpect():
        screens += pty_transcript(tmp_path, {"TOPA_LANG": "en"})
    _dump("en.txt", screens)
    found = [(s.command, line) for s in screens for line in hangul_lines(s.text, s.typed)]
    assert not found, f"{len(found)} lines with Hangul:\n" + "\n".join(map(str, found[:80]))


def test_bank_validate_words_a_content_problem_in_korean(tmp_path, run) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("questions:\n  - id: x\n    type: nope\n", encoding="utf-8")
    r = run("bank", "validate", str(broken))
    assert r.exit_code == 1
    found = english_words(r.output, allowed().plus({"x", "nope"}))
    assert not found, _report(found)


def _has_pexpect() -> bool:
    try:
        import pexpect  # noqa: F401
    except ImportError:
        return False
    return True
