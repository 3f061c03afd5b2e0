"""``topa learn``의 말: 개념 학습 페이지, 숙달도 지도, 공식 모음."""

MESSAGES = {
    "learn.cmd.help": (
        "개념 ID를 주면 그 개념의 학습 페이지(핵심 내용, 공식, 알맞은 경우 그래프, 새 숫자로 계산한 풀이 예와 "
        "계산 과정, 자주 하는 실수, 관련 개념)를 보여 주고, 이어서 확인 문제 3개를 냅니다. 확인 문제의 답도 "
        "다른 답처럼 기록됩니다. 주제를 주면 그 주제의 페이지를 차례로 보여 주고(터미널에서는 Enter로 넘기고 "
        "q로 멈춥니다) 주제 전체의 확인 문제를 냅니다. 아무것도 주지 않으면 주제별로 모든 개념의 지금까지 "
        "정답률과 다음에 배울 개념을 보여 줍니다."
    ),
    "learn.opt.name": "개념 ID(activation.sigmoid) 또는 주제(activation).",
    "learn.opt.sheet": "모든 주제의 공식 모음을 보여 줍니다.",
    "learn.opt.out": "공식 모음을 이 Markdown 파일(UTF-8)에 씁니다.",
    "learn.opt.check": "마지막에 확인 문제 3개를 냅니다(기록됩니다). --no-check는 건너뜁니다.",
    "learn.opt.plot": "출력이 터미널이 아니어도 그래프를 그립니다.",
    "learn.idea": "핵심",
    "learn.formulas": "공식",
    "learn.picture": "그래프",
    "learn.example": "풀이 예",
    "learn.example_n": "풀이 예 {n}",
    "learn.misconceptions": "자주 하는 실수",
    "learn.related": "관련 개념",
    "learn.page_of": "{total}쪽 중 {n}쪽",
    "learn.turn_page": "Enter = 다음 쪽, q = 그만 › ",
    "learn.start_check": "Enter = 확인 문제 풀기, q = 그만 › ",
    "learn.check": "확인 문제: {name}, {n}문제",
    "learn.no_check": "{name}에 대한 문제가 아직 없어 확인 문제를 낼 수 없습니다.",
    "learn.map_title": "개념별 숙달도",
    "learn.never": "아직 풀지 않음",
    "learn.no_questions": "아직 문제 없음",
    "learn.next_new": "다음에 배울 개념: {name}. 아직 풀지 않은 첫 개념입니다.",
    "learn.next_weak": "다음에 배울 개념: {name}. 가장 약한 개념입니다({answered}문제 중 {right}문제 정답).",
    "learn.next_none": "아직 연습할 문제가 없습니다.",
    "learn.run": "실행: {command}",
    "learn.map_hint": "'topa learn' 뒤에 주제나 개념 ID를 쓰면 그 학습 페이지를 엽니다.",
    "learn.sheet_title": "공식 모음",
    "learn.sheet_written": "공식 모음을 {path}에 저장했습니다.",
    "learn.sheet_alone": "--sheet는 모든 주제를 담습니다. '{name}'을(를) 빼거나, 그 페이지를 보려면 --sheet를 빼십시오",
    "learn.cannot_write": "{path}에 쓸 수 없습니다: {why}. 쓸 수 있는 폴더의 파일을 고르십시오",
    "learn.why.missing": "폴더가 없습니다",
    "learn.why.denied": "권한이 없습니다",
    "learn.why.directory": "폴더입니다",
    "learn.why.other": "시스템이 거부했습니다({detail})",
    "learn.unknown": "'{value}'라는 개념이나 주제는 없습니다. 'topa learn'으로 목록을 볼 수 있습니다",
    "learn.unknown_guess": "'{value}'라는 개념이나 주제는 없습니다. '{guess}'을(를) 찾으셨습니까?",
}
