"""그래프의 말: 제목, 범례, 축, 학습률 판정과 그래프 메시지."""

MESSAGES = {
    "plot.no_room": (
        "그래프를 그릴 공간이 없습니다: 터미널이 {width}×{height}입니다. 그래프에는 최소 {min_width}열, "
        "{min_height}행이 필요합니다 (창을 넓히거나 COLUMNS/LINES를 설정하십시오)."
    ),
    "plot.after_answer": "그래프는 답한 뒤에 볼 수 있습니다: 먼저 답하고 p를 누르십시오",
    "plot.nothing_fits": (
        "'{name}'에 맞는 그래프가 없습니다: --plot은 곡선({curves})과 최적화 함수의 경로({paths})를 그립니다."
    ),
    # topa plot NAME...
    "plot.curves.title": "{names}",
    "plot.curves.title_derivative": "{names} 및 도함수",
    "plot.curves.title_derivative_one": "{names} 및 도함수",
    "plot.no_derivative": "{name}: 엔진에 이 함수의 도함수 계산이 없어 도함수는 그리지 않았습니다.",
    "plot.name_needed": "그릴 함수를 지정하십시오: {names}",
    "plot.unknown_guess": "그릴 수 없는 이름입니다: '{name}'. 혹시 '{guess}'입니까?",
    "plot.unknown": "그릴 수 없는 이름입니다: '{name}' (가능한 이름: {names})",
    "plot.lr_alone": "'lr'은 다른 함수 없이 단독으로 그립니다: topa plot lr --lr 0.01 0.1 1.1",
    "plot.lr_only": "--lr은 'topa plot lr'에만 씁니다",
    "plot.lr_positive": "학습률은 각각 0보다 큰 수여야 합니다. 입력: {value}",
    "plot.too_many": "한 그래프에는 선을 {n}개까지 그릴 수 있습니다. 요청: {count}개",
    "plot.numbers": "숫자가 필요합니다. 입력: '{text}'",
    "plot.range_order": "LOW < HIGH인 LOW HIGH가 필요합니다. 입력: {lo} {hi}",
    "plot.range_limit": "LOW와 HIGH는 ±{limit} 안에 있어야 합니다. 입력: {lo} {hi}",
    "plot.alpha_limit": "기울기 α는 0 이상 {limit} 이하인 수여야 합니다. 입력: {value}",
    # calc NAME ... --plot: 곡선과 물어본 점
    "plot.point.title_one": "{name} 곡선과 물어본 점",
    "plot.point.title_many": "{name} 곡선과 물어본 점들",
    "plot.points_label": "물어본 점 {n}개",
    "plot.outside": "그린 범위 밖의 점이라 표시하지 않았습니다: {name}({x}) = {y}",
    # calc OPTIMIZER ... --plot: θ의 경로
    "plot.path.title": "{name}: 스텝에 따른 θ",
    "plot.path.xlabel": "스텝",
    # 최적화 함수의 한 스텝: 이전, 이후, 방향
    "plot.step.title": "{name}: 한 스텝, θ₀ → θ₁",
    "plot.step.before": "이전",
    "plot.step.after": "이후",
    "plot.step.down": "{theta} 값이 {amount}만큼 작아졌습니다",
    "plot.step.up": "{theta} 값이 {amount}만큼 커졌습니다",
    "plot.step.still": "{theta} 값이 변하지 않았습니다",
    "plot.step.against": "기울기 g = {g}의 부호와 반대 방향, 곧 내리막입니다.",
    "plot.step.along": (
        "기울기 g = {g}의 부호와 같은 방향입니다: 갱신식의 다른 항(가중치 감쇠, 모멘트)이 "
        "기울기보다 컸습니다."
    ),
    # topa plot lr
    "plot.lr.title": "f(θ) = θ²에서의 경사하강법, θ₀ = 1",
    "plot.lr.xlabel": "스텝 k",
    "plot.lr.legend": "η = {lr} {verdict}",
    "plot.lr.note": "η = {lr}: {theta} = {last}, {verdict}. {why}",
    "plot.lr.word.diverging": "발산",
    "plot.lr.word.stuck": "정지",
    "plot.lr.word.bouncing": "진동",
    "plot.lr.word.slow": "너무 느림",
    "plot.lr.word.zigzag": "지그재그",
    "plot.lr.word.good": "적절함",
    "plot.lr.why.diverging": (
        "|1 − 2η| = {factor} > 1이므로 매 스텝 최솟값을 바로잡는 것보다 더 크게 지나칩니다."
    ),
    "plot.lr.why.stuck": "1 − 2η = 1이므로 θ가 전혀 움직이지 않습니다.",
    "plot.lr.why.bouncing": "1 − 2η = −1이므로 θ가 +1과 −1 사이를 끝없이 오갑니다.",
    "plot.lr.why.slow": "1 − 2η = {factor}: 방향은 맞지만 스텝이 너무 작습니다.",
    "plot.lr.why.zigzag": "1 − 2η = {factor} < 0: 매 스텝 최솟값을 지나치지만 결국 수렴합니다.",
    "plot.lr.why.good": "1 − 2η = {factor}: 최솟값 θ = 0으로 빠르게 수렴합니다.",
    "plot.lr.clipped": "스텝 {k}에서 |θ|가 {limit}보다 커졌습니다: 그래프의 가장자리까지만 그렸습니다.",
    "plot.lr.overflow": "다음 스텝은 64비트 부동소수점 범위를 넘어서므로(오버플로) 경로가 스텝 {k}에서 끝납니다.",
    "plot.lr.help": "학습률의 효과: 여러 η로 θ²에 경사하강법 적용",
    # topa plot --help
    "plot.cmd.help": (
        "topa plot lr은 θ₀ = 1에서 시작해 f(θ) = θ²에 학습률마다 경사하강법을 적용합니다: 너무 작으면 "
        "느리고, 적절하면 수렴하고, 너무 크면(η > 1) 발산합니다."
    ),
    "plot.opt.names": "{curves}; 또는 lr(학습률의 효과). 한 그래프에 선은 {n}개까지.",
    "plot.opt.derivative": "각 함수의 도함수도 그립니다.",
    "plot.opt.range": "x의 범위, ±{limit} 안에서; 음수도 됩니다: --range -6 6.",
    "plot.opt.lr": (
        "'lr'용: 학습률 η, 예: --lr 0.01 0.1 1.1 (또는 --lr를 반복), {n}개까지; 기본값 0.01 0.1 1.1."
    ),
    "plot.opt.steps": "'lr'용: 경사하강법 스텝 수.",
    "plot.opt.alpha": "x < 0에서 leaky-relu의 기울기 α, 0에서 {limit}까지.",
}
