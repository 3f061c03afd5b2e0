"""진행 기록 저장소의 메시지: 기록 위치, 쓸 수 없는 파일, 백업, 학습 계획."""

MESSAGES = {
    # 기록 위치 (TOPA_HOME)
    "store.home_blank": "TOPA_HOME이 공백뿐입니다('{value}'). 폴더를 지정하거나 TOPA_HOME을 지우십시오.",
    "store.home_user": "TOPA_HOME='{value}': '~' 뒤의 사용자가 없습니다. TOPA_HOME에 폴더 경로를 지정하십시오.",
    "store.home_not_dir": (
        "TOPA_HOME이 폴더가 아니라 파일을 가리킵니다: {path}. TOPA_HOME을 폴더로 지정하거나 지우십시오."
    ),
    "store.home_create": (
        "진행 기록 폴더를 만들 수 없습니다: {path} ({reason}). 쓰기 가능한 폴더를 TOPA_HOME으로 지정하십시오."
    ),
    # 데이터베이스 열기
    "store.missing": "아직 진행 기록 데이터베이스가 없습니다: {path}",
    "store.damaged": (
        "사용할 수 있는 진행 기록 데이터베이스가 아닙니다: {path} ({reason}). 파일은 그대로 두었습니다."
        " 'topa reset --yes'를 실행하면 -wal, -shm 파일과 함께 옮겨 두고 새로 시작합니다(직접 옮길 때는"
        " 세 파일을 함께 옮기십시오). 또는 TOPA_HOME을 다른 폴더로 지정하십시오."
    ),
    "store.foreign": (
        "topa의 진행 기록이 아니라 다른 프로그램의 SQLite 파일입니다: {path}. 파일은 그대로 두었습니다."
        " TOPA_HOME을 다른 폴더로 지정하거나 'topa reset --yes'로 -wal, -shm 파일과 함께 옮겨 두십시오."
    ),
    "store.newer": (
        "더 새로운 topa-quiz가 기록한 파일입니다: {path} (스키마 {version} > {ours}). topa-quiz를 업그레이드하십시오."
    ),
    "store.read_only_outdated": (
        "읽기 전용이라 필요한 표 갱신을 기록할 수 없습니다: {path}. 쓰기 가능하게 하거나 TOPA_HOME을 쓰기"
        " 가능한 폴더로 지정한 뒤 다시 실행하십시오."
    ),
    "store.recreated": "{path}에 없던 표를 빈 표로 다시 만들었습니다: {tables}",
    # 무엇이 실패했는가 ...
    "store.cannot_open": "진행 기록 데이터베이스를 사용할 수 없습니다: {path} (아무것도 바꾸지 않았습니다). {why}",
    "store.cannot_record": (
        "{number}번째 답을 기록하지 못했습니다. 그 전의 답 {kept}개는 보존되어 있습니다: {path}. {why}"
    ),
    "store.cannot_exam": "모의고사 결과를 기록하지 못했습니다. 답 {kept}개는 보존되어 있습니다: {path}. {why}",
    "store.cannot_save": "저장하지 못했습니다: {path} (아무것도 바꾸지 않았습니다). {why}",
    "store.cannot_reset": "옮겨 둘 수 없습니다: {path} (아무것도 바꾸지 않았습니다). {why}",
    # ... 그리고 왜
    "store.why_full": "디스크가 가득 찼습니다. 공간을 확보한 뒤 다시 시도하십시오.",
    "store.why_read_only": (
        "파일이나 폴더가 읽기 전용입니다. 쓰기 가능하게 하거나 TOPA_HOME을 쓰기 가능한 폴더로 지정하십시오."
    ),
    "store.why_busy": "다른 topa가 기록하는 중입니다. 잠시 뒤 다시 시도하십시오.",
    "store.why_damaged": (
        "파일이 손상되었습니다({detail}). 'topa reset --yes'로 -wal, -shm 파일과 함께 옮겨 두십시오."
    ),
    "store.why_other": "SQLite 오류: {detail}",
    # 초기화
    "store.reset_busy": (
        "다른 topa가 사용하고 있습니다: {path} (아직 열린 퀴즈나 모의고사가 있습니까?). 그것을 끝낸 뒤"
        " 'topa reset'을 다시 실행하십시오."
    ),
    # 통계
    "store.skipped_answers": "개념 목록을 읽을 수 없는(손상된) 답 {n}개는 집계에서 뺐습니다.",
    # 학습 계획
    "store.plan_date": "시험일: 날짜(YYYY-MM-DD)가 필요합니다. 입력: '{value}'",
    "store.plan_pass_mark": "합격 기준: 0에서 100 사이의 백분율이어야 합니다. 입력: {value}",
    "store.plan_minutes": "하루 학습 시간(분): 1에서 {max} 사이의 정수여야 합니다. 입력: {value}",
}
