"""What every renderer shares: the bilingual message table and mastery colours."""

from __future__ import annotations

from rich.text import Text

MESSAGES = {
    "correct": ("정답입니다!", "Correct!"),
    "wrong": ("오답입니다.", "Not quite."),
    "answer": ("정답", "Answer"),
    "your_choice": ("선택한 답", "Your choice"),
    "why_wrong": ("왜 틀렸나", "Why it is wrong"),
    "explanation": ("해설", "Explanation"),
    "steps": ("계산 과정", "Worked steps"),
    "your_value": ("입력한 값", "Your value"),
    "hint": ("힌트", "Hint"),
    "skipped": ("건너뜀", "Skipped"),
    "commands": ("?=힌트  s=건너뛰기  q=끝내기", "?=hint  s=skip  q=quit"),
    "ox_help": ("O 또는 X", "O or X"),
    "numeric_help": ("숫자로 답하세요", "answer with a number"),
    "decimals": ("소수점 {n}자리", "{n} decimals"),
    "score": ("점수", "Score"),
    "time": ("시간", "Time"),
    "topic": ("주제", "Topic"),
    "concept": ("개념", "Concept"),
    "right": ("정답", "Right"),
    "answered": ("응답", "Answered"),
    "study_next": ("다음에 공부할 개념", "Study next"),
    "all_good": ("틀린 개념이 없습니다. 잘했어요!", "No weak concepts this time. Well done!"),
    "summary": ("결과", "Summary"),
    "ended_early": ("중간에 끝냈습니다", "ended early"),
    "no_answers": ("답한 문제가 없습니다.", "No questions were answered."),
    "left": ("남음", "left"),
    "pass": ("합격 PASS", "PASS"),
    "fail": ("불합격 FAIL", "FAIL"),
    "pass_mark": ("합격 기준", "pass mark"),
    "time_up": ("시간 종료", "time is up"),
    "unanswered": ("미응답", "unanswered"),
    "given": ("입력", "Given"),
    "accuracy": ("정답률", "Accuracy"),
    "by_topic": ("주제별 점수", "Score by topic"),
    "review": ("문항별 풀이", "Every question"),
    "no_hints": ("모의고사에서는 힌트를 볼 수 없습니다.", "No hints during an exam."),
    "exam_commands": ("s=건너뛰기  q=끝내기", "s=skip  q=end the exam"),
    "exam_title": (
        "모의고사: {n}문항 · {minutes} · 합격 기준 {mark}%",
        "Mock exam: {n} questions · {minutes} · pass mark {mark}%",
    ),
    "exam_rules": (
        "정답과 해설은 시험이 끝난 뒤에 보여 줍니다. 답하지 못한 문항은 오답입니다.",
        "Answers and explanations come at the end; unanswered questions count wrong.",
    ),
    "nothing_yet": (
        "아직 기록된 학습이 없습니다. 기록은 여기에 저장됩니다: {path}",
        "Nothing is recorded yet; progress will be kept in {path}",
    ),
    "answers": ("응답", "Answers"),
    "since": ("최근 {days}일", "last {days} days"),
    "all_time": ("전체 기간", "all time"),
    "weakest": ("약한 개념", "Weakest concepts"),
    "no_weak": ("2번 이상 답한 개념 중 틀린 개념이 없습니다.", "No missed concept with at least 2 answers."),
    "streak": ("연속 학습", "Study streak"),
    "days": ("{n}일", "{n} day(s)"),
    "exams": ("모의고사 기록", "Exam history"),
    "date": ("날짜", "Date"),
    "result": ("결과", "Result"),
    "no_exams": ("아직 본 모의고사가 없습니다 (topa exam).", "No exams taken yet (topa exam)."),
    "due": ("지금 복습할 카드", "Cards due for review now"),
    "of_cards": ("전체 {n}장 중", "of {n}"),
    "database": ("데이터베이스", "Database"),
}


def t(key: str, lang: str, **kw: object) -> str:
    """A message in Korean (default) or English, with {placeholders} filled."""
    ko, en = MESSAGES[key]
    return (en if lang == "en" else ko).format(**kw)


def mastery_style(ratio: float) -> str:
    """red below 50 %, yellow below 80 %, green otherwise."""
    return "red" if ratio < 0.5 else "yellow" if ratio < 0.8 else "green"


def mastery_bar(ratio: float, width: int = 20) -> Text:
    filled = round(ratio * width)
    return Text("█" * filled + "░" * (width - filled), style=mastery_style(ratio))


def duration(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    return f"{m}m {s:02d}s" if m else f"{s}s"
