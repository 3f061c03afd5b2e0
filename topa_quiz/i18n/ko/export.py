"""내보내기의 말: 형식마다 쓰는 것, Anki의 라벨과 덱, GIFT의 피드백, 메시지."""

MESSAGES = {
    "export.anki.writes": "Anki 덱(.apkg): 문제마다 노트 하나, 계산 문제는 여러 변형",
    "export.gift.writes": "Moodle GIFT 텍스트: 객관식, 허용 오차가 있는 수치형, O/X는 참/거짓",
    "export.json.writes": "문제 은행 전체를 JSON으로: 주제, 개념, 모든 문제",
    "export.anki.wrote": "{path}에 노트 {count}개를 썼습니다 (문제 {questions}개).",
    "export.gift.wrote": "{path}에 GIFT 문제 {count}개를 썼습니다 (은행 문제 {questions}개).",
    "export.json.wrote": "{path}에 문제 {count}개를 썼습니다.",
    "export.anki.deck": "TOPA 1급 딥러닝 기초",
    "export.anki.answer": "정답",
    "export.anki.why": "오답 풀이",
    "export.anki.steps": "풀이 과정",
    "export.anki.step": "단계",
    "export.anki.formula": "식",
    "export.anki.value": "값",
    "export.anki.variant": "변형",
    "export.figure": "그래프 데이터",
    "export.gift.right": "정답입니다.",
    "export.gift.header": "topa-quiz 내보내기 (한국어): 은행 문제 {questions}개, 계산 문제는 뽑은 변형으로",
    "export.unknown": "알 수 없는 내보내기 형식입니다: '{name}'. 다음 중 하나를 고르십시오: {names}",
    "export.needs_out": "{name} 형식은 텍스트가 아닌 바이너리 파일을 씁니다: --out으로 파일을 지정하십시오 (예: --out {example})",
    "export.is_dir": "폴더에는 쓸 수 없습니다: {path}. 파일 이름을 지정하십시오",
    "export.no_dir": "{path}에 쓸 수 없습니다: 이 폴더가 없습니다: {parent}",
    "export.cannot_write": "{path}에 쓸 수 없습니다: {reason}",
    "export.skipped": "문제 {problem}을(를) 건너뛰었습니다 ('topa bank validate'를 실행해 보십시오)",
    "export.warning": "경고",
    # topa export --help
    "export.cmd.help": (
        "텍스트 형식(gift, json)은 --out으로 파일을 지정하지 않으면 표준 출력으로 나갑니다. Anki 패키지는 "
        "바이너리라서 --out이 필요합니다."
    ),
    "export.opt.out_text": "출력 파일; '-'이거나 지정하지 않으면 표준 출력.",
    "export.opt.out_binary": "출력 파일 (필수: 내용이 바이너리입니다).",
    "export.opt.variants": "계산 문제마다 뽑을 변형 수 (파라미터가 허용하는 만큼만).",
}
