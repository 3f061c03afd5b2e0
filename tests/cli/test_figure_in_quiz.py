"""A question's figure is drawn before its options, in the quiz and in the exam."""

from __future__ import annotations

BANK = """\
topics:
  drill: {ko: 연습, en: Drill}
concepts:
  - id: drill.curves
    topic: drill
    ko: 학습 곡선 읽기
    en: reading learning curves
    summary: {ko: 두 곡선을 함께 봅니다., en: Read both curves together.}
questions:
  - id: mine.curves
    concepts: [drill.curves]
    type: choice
    prompt: {ko: "그림의 학습 곡선에서 일어난 일은 무엇입니까?", en: "What happened in the learning curves shown?"}
    figure:
      kind: curves
      x: {ko: 에포크, en: epoch}
      y: {ko: 손실, en: loss}
      series:
        - label: {ko: 훈련 손실, en: training loss}
          values: [2.0, 1.4, 1.0, 0.7, 0.5, 0.35, 0.25, 0.18]
        - label: {ko: 검증 손실, en: validation loss}
          values: [2.1, 1.6, 1.3, 1.2, 1.25, 1.35, 1.5, 1.7]
    options:
      - {ko: 과적합, en: overfitting}
      - {ko: 과소적합, en: underfitting, why: {ko: 훈련 손실이 계속 내려갑니다, en: the training loss keeps falling}}
      - {ko: 학습률이 너무 큼, en: a learning rate too large, why: {ko: 손실이 튀지 않습니다, en: the loss does not jump}}
      - {ko: 데이터 누수, en: data leakage, why: {ko: 검증 손실이 오릅니다, en: the validation loss rises}}
    answer: 1
    explanation: {ko: "검증 손실이 4 에포크 뒤 오르기 시작합니다.", en: "The validation loss starts rising after epoch 4."}
"""


def test_the_chart_comes_before_the_options(run, tmp_path, monkeypatch):
    bank = tmp_path / "curves.yaml"
    bank.write_text(BANK, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "80")
    r = run("quiz", "--bank", str(bank), "--concept", "drill.curves", "-n", "1", "--lang", "en", input="q\n")
    assert r.exit_code == 0, r.output
    out = r.stdout
    chart_at = out.index("validation loss")
    panel_at = out.index("What happened in the learning curves")
    assert chart_at < panel_at
    assert "training loss" in out[:panel_at]


def test_the_exam_shows_the_figure_too(run, tmp_path):
    from rich.console import Console

    from topa_quiz.bank.loader import load_bank
    from topa_quiz.i18n import catalog
    from topa_quiz.render.quiz import question_view
    from topa_quiz.session.plan import QuizOptions, plan_quiz

    bank_file = tmp_path / "curves.yaml"
    bank_file.write_text(BANK, encoding="utf-8")
    bank, problems = load_bank([bank_file])
    assert not problems
    drill = plan_quiz(bank, QuizOptions(count=1, concepts=("drill.curves",), lang="ko"))
    console = Console(width=60, record=True, color_system=None)
    console.print(question_view(drill.current, 1, 1, bank, catalog("ko"), (60, 30, False), "exam_commands"))
    text = console.export_text()
    assert "검증 손실" in text and "훈련 손실" in text
    assert text.index("검증 손실") < text.index("그림의 학습 곡선")
    assert max(len(line) for line in text.splitlines()) <= 60
