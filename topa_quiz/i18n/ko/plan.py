"""학습 계획의 말: ``topa plan``, ``topa today``, 준비도 예측, 오답노트 페이지."""

MESSAGES = {
    # topa plan
    "opt.exam_date": "시험일, YYYY-MM-DD(오늘 또는 그 뒤).",
    "opt.plan_pass_mark": "합격에 필요한 백분율, 0-100(기본 60 또는 저장된 계획의 값).",
    "opt.daily_minutes": "하루 학습 시간(분), 1-600(기본 20 또는 저장된 계획의 값).",
    "opt.clear": "계획을 지웁니다. 모든 복습이 FSRS 본래의 일정으로 돌아갑니다.",
    "planner.title": "학습 계획",
    "planner.exam_date": "시험일",
    "planner.pass_mark": "합격 기준",
    "planner.daily": "하루 학습",
    "planner.minutes": "{n}분",
    "planner.days_left": "{n}일 남음",
    "planner.exam_today": "오늘",
    "planner.exam_past": "{n}일 지남",
    "planner.none": "계획이 없습니다. 복습은 FSRS만 따르고, 'topa today'는 오늘을 시험일로 봅니다.",
    "planner.set_hint": "계획 세우기: topa plan --exam-date YYYY-MM-DD",
    "planner.today_hint": "오늘 할 일: topa today",
    "planner.saved": "계획을 저장했습니다.",
    "planner.replaced": "계획을 바꾸었습니다.",
    "planner.replanned": "카드 {n}장의 복습 일정을 다시 잡아 마지막 복습이 시험일 전에 오게 했습니다.",
    "planner.cleared": "계획을 지웠습니다.",
    "planner.restored": "카드 {n}장이 FSRS 본래의 일정으로 돌아갔습니다.",
    "planner.nothing_to_clear": "지울 계획이 없습니다.",
    "planner.bad_date": "날짜는 YYYY-MM-DD 형식이어야 합니다(예: 2027-03-14). 입력: '{value}'",
    "planner.past_date": "{value}은(는) 지난 날짜입니다(오늘은 {today}). 오늘이나 그 뒤의 날짜를 주십시오",
    "planner.bad_pass_mark": "0에서 100 사이의 백분율이어야 합니다. 입력: {value}",
    "planner.bad_minutes": "1에서 {high} 사이의 정수(분)여야 합니다. 입력: {value}",
    "planner.needs_date": "아직 계획이 없습니다. 시험일을 주십시오(예: topa plan --exam-date 2027-03-14)",
    "planner.clear_alone": "--clear는 계획을 지웁니다. 다른 옵션 없이 쓰십시오",
    # 준비도 예측
    "ready.title": "{when} 예측",
    "ready.today": "오늘",
    "ready.score": "{score}점",
    "ready.chance": "합격 확률 {p}%(합격 기준 {mark}%)",
    "ready.by_topic": "주제별 예측(점)",
    "ready.predicted": "점수",
    "ready.how": (
        "카드마다 시험일까지 남을 기억(FSRS)을 계산하고, 아직 답하지 않은 문제는 처음 푼 문제의"
        " 정답률로 세어, 'topa exam'처럼 주제에 나눈 40문항 시험으로 예측합니다. 범위는 시험 결과의 90%가"
        " 드는 구간입니다."
    ),
    # topa today
    "today.title": "오늘 할 일, {day}",
    "today.no_plan": "계획이 없어 오늘을 시험일로 보고 계산합니다.",
    "today.exam": "시험일 {date}",
    "today.reviews": "복습",
    "today.no_reviews": "지금 복습할 카드가 없습니다",
    "today.cards": "지금 복습할 카드 {n}장",
    "today.new": "새 개념",
    "today.new_count": "오늘 {n}개(아직 답하지 않은 개념 {left}개)",
    "today.no_new": "오늘은 없습니다(아직 답하지 않은 개념 {n}개)",
    "today.all_met": "남은 개념이 없습니다. 모든 개념에 답해 보았습니다",
    "today.mock": "모의고사",
    "today.mock_due": "오늘 한 번 치르십시오(아직 치른 적이 없습니다)",
    "today.mock_again": "오늘 한 번 치르십시오(마지막 응시: {day})",
    "today.mock_recent": "오늘은 없습니다(마지막 응시: {day}, 일주일에 한 번)",
    "today.mock_not_yet": "아직입니다. 시험 {window}일 전부터 일주일에 한 번 치릅니다",
    "today.mock_half": "아직입니다. 개념의 절반에 답한 뒤부터 일주일에 한 번 치릅니다",
    "today.mock_none": "오늘은 없습니다",
    "today.time": "시간",
    "today.minutes": "약 {n}분(하루 목표 {daily}분)",
    "today.over": "({n}분 초과)",
    "today.assumed": "가정: 복습 1장 {review}분, 새 개념 1개와 확인 문제 {concept}분, 모의고사 {exam}분",
    "today.advice.learn": (
        "마지막 주 전에 모든 개념을 한 번씩 익히고, 시험 전날까지 날마다 복습하십시오. 각 카드의 마지막"
        " 복습은 마지막 주에 잡혀 있습니다."
    ),
    "today.advice.review": (
        "모든 개념을 만났습니다. 시험 전날까지 날마다 복습할 카드를 풀고 일주일에 한 번 모의고사를"
        " 치르십시오."
    ),
    "today.advice.final_week": (
        "마지막 주입니다. 시험 전 마지막 복습들이 지금 잡혀 있습니다. 시험 전날까지 날마다 푸십시오."
        " 이때의 복습이 시험일에 가장 큰 힘이 됩니다."
    ),
    "today.advice.exam_day": "시험일입니다. 가볍게 복습만 하고, 좋은 결과를 바랍니다!",
    "today.advice.past": "계획한 시험일이 지났습니다. 다음 시험일을 정하십시오: topa plan --exam-date YYYY-MM-DD",
    "today.advice.no_plan": (
        "시험일을 정하면 기억이 시험일에 가장 좋도록 복습 일정을 잡고, 새 개념도 그날에 맞추어 나눕니다."
    ),
    # 오답노트
    "notebook.times": "{n}번 틀림",
    "notebook.your_answer": "내 답",
    "notebook.right_answer": "정답",
    "notebook.position": "그때 {given}번 보기(보기 순서는 매번 섞입니다)",
    "notebook.unknown_answer": "다시 계산할 수 없습니다",
    "notebook.drill_hint": "새 숫자로 다시 풀기: topa wrong",
    "notebook.last_time": "지난번({day})에 한 답:",
    "notebook.other_numbers": "(그때는 다른 숫자였습니다)",
}
