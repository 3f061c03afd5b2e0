"""명령줄의 말: 명령 도움말, 사용법 오류, 오류 줄."""

MESSAGES = {
    "cmd.root": "TOPA 1급 딥러닝 기초 문제 풀이: 퀴즈, 계산 풀이, 간격 반복 복습, 모의고사.",
    "cmd.quiz": "문제 풀이: 무작위로 출제하고 답할 때마다 해설을 보여 줍니다.",
    "cmd.learn": "개념 학습: 새 숫자로 푼 풀이 예가 있는 개념별 학습 페이지, 숙달도 지도, 공식 모음.",
    "cmd.review": "복습(FSRS): 복습할 때가 된 문제부터, 이어서 약한 개념의 새 문제를 냅니다.",
    "cmd.wrong": "오답노트: 마지막에 틀린 문제를 다시 풉니다.",
    "cmd.exam": "모의고사: 시간 제한이 있고, 채점은 끝난 뒤에 합니다.",
    "cmd.stats": "학습 통계: 주제와 개념별 정답률, 약한 개념, 연속 학습, 모의고사, 복습할 카드.",
    "cmd.calc": "계산기: 기준값을 계산 과정과 함께 구합니다(PyTorch 규칙).",
    "cmd.plot": "그래프: 활성화 함수나 학습률 비교를 터미널에 그립니다.",
    "cmd.export": "내보내기: 문제 은행을 Anki, Moodle GIFT, JSON으로 내보냅니다.",
    "cmd.bank": "문제 은행: 검사하고, 세고, 목록을 봅니다.",
    "cmd.reset": "처음부터: 학습 기록 데이터베이스를 옆으로 옮겨 두고(지우지 않습니다) 새로 시작합니다.",
    "cli.error": "오류",
    "cli.warning": "경고",
    "cli.see_help": "'{cmd} --help'를 보십시오",
    "cli.unexpected": "예상하지 못한 오류 {kind}: {detail}",
    "cli.bug_hint": "프로그램의 버그입니다. 알려 주십시오. TOPA_TRACEBACK=1로 자세한 내용을 볼 수 있습니다",
    "cli.database": "학습 기록 데이터베이스",
    "cli.version_help": "버전과 학습 기록의 위치를 보여 줍니다.",
    "cli.bad_lang": "{known} 중 하나여야 합니다. 입력: '{value}'",
    "cli.skipped_question": "만들 수 없는 문제를 건너뜁니다: {problem} ('topa bank validate'를 실행해 보십시오)",
    "usage.no_option": "{name}이라는 옵션은 없습니다",
    "usage.no_option_guess": "{name}이라는 옵션은 없습니다 (비슷한 옵션: {options})",
    "usage.no_command": "'{name}'이라는 명령은 없습니다",
    "usage.missing_command": "명령을 입력하십시오",
    "usage.missing_option": "{name} 옵션이 필요합니다",
    "usage.missing_argument": "{name} 인자가 필요합니다",
    "usage.needs_value": "{name} 옵션에는 값이 필요합니다",
    "usage.needs_values": "{name} 옵션에는 값이 {n}개 필요합니다",
    "usage.extra_args": "필요 없는 인자가 더 있습니다: {args}",
    "usage.bad_value": "{name}의 값이 잘못되었습니다: {detail}",
    "usage.bad_value_plain": "값이 잘못되었습니다: {detail}",
    "usage.not_integer": "{value}은(는) 정수가 아닙니다",
    "usage.not_number": "{value}은(는) 숫자가 아닙니다",
    "usage.not_boolean": "{value}은(는) 참/거짓 값이 아닙니다",
    "usage.out_of_range": "{value}은(는) 허용 범위 {range}를 벗어났습니다",
    "usage.not_choice": "{value}은(는) {choices} 중 하나가 아닙니다",
    "usage.not_valid": "{value}은(는) 올바른 {what} 값이 아닙니다",
}

MESSAGES |= {
    "opt.bank": "문제 은행(파일 또는 폴더)을 더합니다. 여러 번 쓸 수 있습니다. TOPA_BANK로도 정할 수 있습니다.",
    "opt.lang": "ko(기본) 또는 en. TOPA_LANG으로도 정할 수 있습니다.",
    "opt.seed": "같은 문제, 같은 숫자, 같은 순서로 다시 풀 수 있게 합니다.",
    "opt.count": "문제 수.",
    "opt.topic": "이 주제만 냅니다(여러 번 쓸 수 있습니다).",
    "opt.concept": "이 개념만 냅니다. 앞부분만 써도 됩니다: optimizer, activation.sigmoid (여러 번 쓸 수 있습니다).",
    "opt.type": "choice(객관식), ox, numeric(계산) 중 하나(여러 번 쓸 수 있습니다).",
    "opt.difficulty": "난이도 1, 2, 3 중 하나(여러 번 쓸 수 있습니다).",
    "cli.example": "예",
    "cli.bank_problems": "{first} (외 {more}건). 'topa bank validate'로 모든 문제점을 볼 수 있습니다",
    "cmd.quiz.help": "보기 번호(1-5 또는 ①-⑤), o/x, 또는 숫자(0.5, .5, 1/2, 5e-1)로 답합니다. 언제든 ?는 힌트, s는 건너뛰기, q는 끝내기입니다. Ctrl-C를 누르면 결과를 보여 주고 끝냅니다.",
    "quiz.offer": "p = 그래프 보기, r = 새 숫자로 다시, Enter = 다음 › ",
    "quiz.offer_plot": "p = 그래프 보기, Enter = 다음 › ",
    "quiz.offer_retry": "r = 새 숫자로 다시, Enter = 다음 › ",
}

MESSAGES |= {
    "cmd.exam.help": "문제는 은행의 주제별 문제 수에 비례해 주제마다 나눠 뽑고(최대 나머지 방식으로 반올림하며, --count가 문제 있는 주제 수 이상이면 모든 주제에서 적어도 한 문제), 순서를 섞습니다. 문제마다 남은 시간과 진행 상황을 보여 줍니다. 시간이 다 되면 문제를 풀던 중이라도 시험이 끝납니다. 답하지 못한 문제(시간 종료, q, 입력 끝, Ctrl-C)는 오답이고, 합격 기준은 전체 문항에 대한 백분율입니다. 끝나면 합격/불합격, 주제별 점수, 모든 문제의 내 답과 정답과 해설을 보여 줍니다. 답하는 방법은 quiz와 같고, s는 건너뛰기, q는 시험 끝내기입니다. 힌트는 없습니다.",
    "opt.exam_count": "문제 수(1-200).",
    "opt.minutes": "제한 시간(분). 소수도 됩니다(0.5 = 30초).",
    "opt.pass_mark": "합격에 필요한 정답 비율(전체 문항의 %, 0-100).",
}

MESSAGES |= {
    "cmd.review.help": "맞힌 답은 알맞음(Good), 빨리 맞히면 쉬움(Easy), 오래 걸려 맞히면 어려움(Hard), 틀린 답은 다시(Again)로 평가합니다.",
    "cmd.wrong.help": "마지막 답이 틀린 문제를 가장 오래된 것부터 새 숫자로 냅니다. 문제마다 위에 지난번에 한 답을 보여 줍니다. 맞히면 오답노트에서 빠집니다.",
    "opt.cards": "카드 수.",
    "opt.list": "풀지 않고 오답노트 목록만 봅니다. 문제마다 그때의 문제(숫자 포함), 마지막에 한 답, 정답, 날짜를 보여 줍니다.",
    "opt.yes": "확인하지 않고 진행합니다.",
    "review.nothing": "복습할 문제가 없습니다.",
    "review.next": "다음 복습",
    "notebook.empty": "오답노트가 비어 있습니다. 잘하고 있습니다!",
    "notebook.title": "오답노트",
    "notebook.missed": "틀린 횟수",
    "notebook.last": "마지막",
    "when.now": "지금",
    "when.minutes": "{n}분 후",
    "when.hours": "{n}시간 후",
    "when.days": "{n}일 후",
    "reset.nothing": "초기화할 것이 없습니다. {path}에 학습 기록이 없습니다",
    "reset.confirm": "{path}을(를) 옆으로 옮겨 두고 새 학습 기록을 시작하겠습니까? y = 예, n 또는 Enter = 아니요 › ",
    "reset.yes_words": "y,yes,예,네,ㅇ",
    "reset.no_words": "n,no,아니요,아니오,아니,ㄴ",
    "reset.yes_or_no": "예는 y, 아니요는 n으로 답하십시오",
    "reset.kept": "그대로 두었습니다",
    "reset.moved": "{path}(으)로 옮겼습니다. 다음 답부터 새 기록이 시작됩니다",
    "reset.no_confirmation": "확인을 받지 못했습니다. 묻지 않고 초기화하려면 'topa reset --yes'를 실행하십시오",
}

MESSAGES |= {
    "usage.want_integer": "정수를 입력하십시오",
    "usage.want_number": "숫자를 입력하십시오",
    "usage.want_boolean": "참/거짓 값을 입력하십시오",
}

MESSAGES |= {
    "cmd.stats.help": "막대 색은 숙달도를 나타냅니다: 50% 미만은 빨강, 80% 미만은 노랑, 80% 이상은 초록입니다. 약한 개념은 두 번 이상 답한 개념 가운데 틀린 적이 있고 정답률이 가장 낮은 것입니다. 연속 학습은 오늘(오늘 아직 답하지 않았으면 어제)까지 하루에 한 번 이상 답한 날이 며칠 이어졌는지 셉니다.",
    "opt.stats_json": "모든 수치를 JSON 객체 하나로 출력합니다(이름 없이 ID만).",
    "opt.since": "최근 DAYS일의 답과 모의고사만 봅니다(연속 학습과 복습할 카드는 항상 현재 기준).",
}

MESSAGES |= {
    "help.usage": "사용법",
    "help.arguments": "인자",
    "help.options": "옵션",
    "help.commands": "명령",
    "help.required": "필수",
    "help.default": "기본값",
    "help.help": "이 도움말을 보여 주고 끝냅니다.",
    "help.install_completion": "지금 쓰는 셸에 자동 완성을 설치합니다.",
    "help.show_completion": "지금 쓰는 셸의 자동 완성 스크립트를 보여 줍니다(복사하거나 고쳐 쓸 수 있습니다).",
}

MESSAGES |= {
    "help.usage_options": "[옵션]",
    "help.usage_command": "명령",
    "help.usage_args": "[인자]",
}

MESSAGES |= {
    "cmd.bank.validate": "문제 은행을 검사하고 모든 문제점을 파일:줄:열: 메시지 형식으로 알려 줍니다. PATH가 없으면 기본 은행과 TOPA_BANK를, PATH가 있으면 그 은행을 기본 개념 목록에 비추어 검사합니다. 문제점이 있으면 종료 상태는 1입니다.",
    "cmd.bank.stats": "주제, 개념, 유형별 문제 수를 셉니다.",
    "cmd.bank.list": "문제 목록: ID, 유형(*는 풀 때 엔진이 계산), 개념, 문제의 앞부분. 파이프로 보내면 탭으로 구분합니다.",
    "opt.bank_paths": "문제 은행 파일 또는 폴더. 없으면 지금 쓰는 모든 은행.",
    "opt.bank_json": "문제 수를 JSON으로 출력합니다.",
    "bank.problems": "문제점 {n}건",
    "bank.ok": "이상 없음: 문제 {questions}개, 개념 {concepts}개, 파일 {files}개",
    "bank.n_questions": "문제 {n}개",
    "bank.topic_concept": "주제 / 개념",
    "bank.questions": "문제 수",
    "bank.type.choice": "객관식",
    "bank.type.choice-computed": "객관식(계산)",
    "bank.type.numeric": "계산 문제",
    "bank.type.ox": "O/X",
    "bank.types": "유형",
    "bank.listed": "문제 {n}개 (*는 풀 때 엔진이 계산합니다)",
}

MESSAGES |= {
    "calc.arg": "{option}: {problem}",
    "calc.arg.infinite": "유한한 숫자여야 합니다. 입력: '{text}'",
    "calc.arg.not_number": "숫자여야 합니다. 입력: '{text}'",
    "calc.arg.empty_value": "'{text}'에 빈 값이 있습니다(숫자를 쉼표로 구분해 쓰십시오: 1,2,3)",
    "calc.arg.not_whole": "정수여야 합니다. 입력: '{text}'",
    "calc.arg.empty_row": "'{text}'에 빈 행이 있습니다(행은 ';'로 구분합니다)",
    "calc.arg.ragged": "'{text}'의 행마다 길이가 다릅니다",
    "calc.arg.not_choice": "{choices} 중 하나여야 합니다. 입력: '{text}'",
    "calc.arg.none": "값을 하나 이상 주십시오",
    "calc.missing": "{option}이(가) 없습니다. {name}에 필요합니다. 예: {example}",
    "calc.engine": "{option}: {problem}",
    "calc.title": "topa calc NAME: 계산 목록",
    "calc.name": "이름",
    "calc.what": "계산하는 것",
    "calc.details": "자세한 내용과 옵션: topa calc NAME --help",
    "calc.positional": "숫자 여러 개 또는 쉼표로 구분한 목록.",
    "opt.calc_json": "JSON 객체 하나만 출력합니다.",
    "opt.calc_plot": "그림이 맞는 계산이면 터미널에 그립니다.",
}

MESSAGES |= {
    "calc.unknown": "'{name}'이라는 계산은 없습니다. 'topa calc'에서 목록을 볼 수 있습니다",
    "calc.unknown_guess": "'{name}'이라는 계산은 없습니다. '{guess}'을(를) 찾으셨습니까?",
}

MESSAGES |= {
    "cli.bank_problem": "{first}. 'topa bank validate'로 자세히 볼 수 있습니다",
    "problem.file.missing": "파일이나 폴더가 없습니다",
    "problem.file.directory": "폴더입니다. 문제 은행 파일(.yaml)을 주십시오",
    "problem.file.permission": "읽을 권한이 없습니다",
    "problem.file.unreadable": "읽을 수 없습니다",
    "problem.file.link_loop": "심볼릭 링크가 돌고 돕니다. 링크를 고치거나 지우십시오",
    "problem.file.dangling_link": "없는 파일을 가리키는 심볼릭 링크입니다",
    "problem.file.not_regular": "일반 파일이 아닙니다({kind}). 문제 은행은 YAML 파일입니다",
    "problem.value.fifo": "이름 있는 파이프",
    "problem.value.device": "장치",
    "problem.value.socket": "소켓",
    "problem.value.other": "특수 파일",
    "problem.file.too_large": "너무 큽니다. 문제 은행 파일 하나는 {limit_mb}MB까지이니 여러 파일로 나누십시오",
    "problem.file.bad_character": "문제 은행 파일에 쓸 수 없는 문자가 있습니다: {char}",
    "problem.folder.empty": "이 폴더에 문제 은행 파일(*.yaml, *.yml)이 없습니다",
    "problem.yaml.tag": "YAML 태그는 쓸 수 없습니다. 문제 은행은 코드가 아니라 데이터입니다",
}

MESSAGES |= {
    "cmd.plan": "시험일, 합격 기준, 하루 학습 시간: 복습 일정을 시험일에 맞춥니다.",
    "cmd.today": "오늘 할 일: 복습, 새 개념, 때가 되면 모의고사, 걸리는 시간과 준비도 예측.",
    "cmd.plan.help": "--exam-date(필요하면 --pass-mark, --daily-minutes도)를 주면 계획을 저장합니다. 다시 주면 저장된 계획을 바꿉니다(주지 않은 옵션은 그대로 둡니다). 그러면 모든 카드의 일정을 다시 잡습니다. 시험일 뒤로 잡히는 복습은 없고, 카드마다 마지막 복습이 시험일의 기억이 높게 남을 만큼 일찍 옵니다. --clear는 계획을 지우고 모든 카드를 FSRS 본래의 일정으로 돌립니다. 옵션 없이 실행하면 계획을 보여 줍니다.",
    "cmd.today.help": "남은 날, 지금 복습할 카드, 아직 답하지 않은 다음 개념(주제 순서, 마지막 주 전에 모두 만나도록 나눕니다), 지난 7일 동안 모의고사를 치르지 않았고 시험이 1-30일 뒤이면(계획이 없으면 개념의 절반에 답한 뒤부터) 모의고사, 걸리는 시간(복습 1분, 새 개념 6분, 모의고사 60분)과 하루 목표, 그리고 예측(예상 점수, 90% 범위, 합격 확률)을 보여 줍니다. 계획이 없으면 오늘을 시험일로 봅니다.",
}
