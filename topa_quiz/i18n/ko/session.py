"""응용 계층의 말: 문제 선택, 계획, 답 읽기."""

MESSAGES = {
    "select.unknown_topic": "'{value}'라는 주제는 없습니다. 주제: {known}",
    "select.unknown_type": "'{value}'라는 문제 유형은 없습니다. 유형: {known}",
    "select.bad_difficulty": "난이도는 1, 2, 3 중 하나입니다. 입력: {value}",
    "select.unknown_concept": "'{value}'라는 개념은 없습니다. 'topa bank stats'에서 개념 목록을 볼 수 있습니다",
    "select.unknown_concept_guess": "'{value}'라는 개념은 없습니다. '{guess}'을(를) 찾으셨습니까?",
    "select.no_match": "조건({filters})에 맞는 문제가 없습니다. 주제: {known} ('topa bank stats'에서 개념과 문제 수를 볼 수 있습니다)",
    "plan.bad_count": "문제 수는 1부터 {high}까지입니다. 입력: {value}",
    "plan.bad_seed": "시드는 0부터 {high}까지입니다. 입력: {value}",
    "plan.bad_minutes": "시간은 0분보다 길고 {high}분 이하여야 합니다. 입력: {value}",
    "plan.bad_pass_mark": "합격 기준은 0부터 100까지의 백분율입니다. 입력: {value}",
    "plan.nothing_built": "고른 문제를 하나도 만들 수 없습니다. 'topa bank validate'를 실행해 보십시오",
    "prompt.plot_after_answer": "그래프는 답한 뒤에 볼 수 있습니다. 먼저 답하고 p를 누르십시오",
    "prompt.choice": "1~{n} 중 하나의 번호(또는 ①~{last})를 입력하십시오",
    "prompt.ox": "o 또는 x를 입력하십시오 (1=O, 2=X)",
    "prompt.numeric": "숫자를 입력하십시오: 0.5, .5, 1/2, 5e-1 (소수점은 쉼표가 아닌 마침표)",
    "prompt.too_long": "답이 너무 깁니다({n}자). {limit}자 이하로 입력하십시오",
}

MESSAGES |= {
    "grade.exact": "정확합니다",
    "grade.high": "정답보다 {gap} 큽니다",
    "grade.low": "정답보다 {gap} 작습니다",
    "grade.rounding": "너무 일찍 반올림했습니다. 이 문제는 소수점 {n}자리까지 묻습니다.",
}
