"""신경망 계산(neuron, forward, backprop, param-count, sigmoid-chain)의 단계 설명."""

MESSAGES = {
    # neuron
    "network.neuron_z": "가중합: 입력마다 가중치를 곱해 더하고 편향 b를 더합니다.",
    "network.act.identity": "항등 함수이므로 출력은 z 그대로입니다.",
    "network.act.step": "계단 함수: z가 임곗값 θ = {threshold}보다 크면 1, 아니면 0입니다.",
    "network.act.sigmoid": "시그모이드: σ(z) = 1/(1 + e^(−z)), 0과 1 사이의 값입니다.",
    "network.act.tanh": "tanh: (e^z − e^(−z))/(e^z + e^(−z)), −1과 1 사이의 값입니다.",
    "network.act.relu": "ReLU: z가 양수이면 z, 아니면 0입니다.",
    "network.act.leaky-relu": "Leaky ReLU: z가 양수이면 z, 아니면 α·z(α = {alpha})입니다.",
    # forward
    "network.z1": "은닉층의 가중합: torch.nn.Linear처럼 W₁의 한 행이 은닉 유닛 하나의 가중치입니다.",
    "network.h": "은닉층의 출력: z₁의 값마다 은닉층 활성화 함수를 적용합니다.",
    "network.z2": "출력층의 가중합: 은닉층의 출력 h가 출력층의 입력입니다.",
    "network.yhat": "예측값: z₂에 출력층 활성화 함수를 적용합니다.",
    "network.softmax": "softmax: e^(z₂ᵢ)를 각각 그 합으로 나눕니다. 확률의 합은 1입니다.",
    "network.softmax_shifted": "softmax: e^z가 넘치지 않도록 z₂에서 최댓값을 빼고 지수를 취했습니다. 결과는 같습니다.",
    "network.softmax_rows": "softmax: 표본(행)마다 e^(z₂ᵢ)를 그 행의 합으로 나눕니다.",
    # backprop
    "network.loss_mse": "MSE: PyTorch의 mean처럼 오차의 제곱을 출력값 {n}개 전체에 대해 평균합니다.",
    "network.loss_bce": "BCE: 자연로그(ln)를 쓰고, PyTorch의 mean처럼 출력값 {n}개 전체에 대해 평균합니다.",
    "network.loss_cce": "CCE: 자연로그(ln)를 쓰고 표본 {n}개에 대해 평균합니다. 정답 클래스의 ln ŷ만 남습니다.",
    "network.delta2_bce": "출력층의 오차 δ₂ = ∂L/∂z₂: BCE와 시그모이드를 함께 미분하면 σ′가 약분되어 (ŷ − y)/{n}만 남습니다.",
    "network.delta2_cce": "출력층의 오차 δ₂ = ∂L/∂z₂: CCE와 softmax를 함께 미분하면 (ŷ − y)를 표본 수 {n}으로 나눈 값만 남습니다.",
    "network.delta2_mse": "출력층의 오차 δ₂ = ∂L/∂z₂: 출력이 항등 함수이므로 MSE의 미분 2(ŷ − y)/{n} 그대로입니다.",
    "network.dl_dyhat": "MSE를 ŷ로 미분하면 2(ŷ − y)/{n}입니다.",
    "network.delta2_sigmoid": "출력층의 오차 δ₂: 연쇄 법칙에 따라 시그모이드의 미분 ŷ(1 − ŷ)을 원소마다 곱합니다.",
    "network.delta2_softmax": "출력층의 오차 δ₂: softmax의 출력은 서로 얽혀 있으므로 야코비안을 곱합니다. ŷᵢ(gᵢ − Σₖ ŷₖgₖ)입니다.",
    "network.grad_w": "{layer}층 가중치의 기울기: 각 가중치의 기울기는 그 유닛의 오차 δ와 그 가중치가 곱하는 입력의 곱입니다. 배치는 표본에 대해 더합니다.",
    "network.grad_b": "{layer}층 편향의 기울기: 편향에는 1이 곱해지므로 오차 δ 그 자체입니다. 배치는 표본에 대해 더합니다.",
    "network.dl_dh": "오차를 W₂를 거쳐 은닉층으로 되돌립니다: 은닉 유닛마다 연결된 가중치와 δ₂의 곱을 더합니다.",
    "network.slope.identity": "항등 함수의 미분은 1입니다.",
    "network.slope.sigmoid": "시그모이드의 미분: σ′(z) = σ(z)(1 − σ(z)) = h(1 − h)이며 최댓값은 0.25입니다.",
    "network.slope.tanh": "tanh의 미분: 1 − tanh²(z) = 1 − h²이며 최댓값은 1입니다.",
    "network.slope.relu": "ReLU의 미분: z > 0이면 1, 아니면 0입니다. PyTorch는 z = 0에서 0으로 둡니다.",
    "network.slope.leaky-relu": "Leaky ReLU의 미분: z > 0이면 1, 아니면 0.01입니다. PyTorch는 z = 0에서 0.01로 둡니다.",
    "network.delta1": "은닉층의 오차 δ₁: 되돌아온 오차에 은닉층 활성화 함수의 미분을 원소마다 곱합니다.",
    # param-count
    "network.layer_params": "{i}번째 층: 입력 {n}개 → 유닛 {m}개이므로 가중치 {n}·{m}개와 편향 {m}개입니다.",
    "network.layer_params_no_bias": "{i}번째 층: 입력 {n}개 → 유닛 {m}개이므로 편향 없이 가중치 {n}·{m}개입니다.",
    "network.params_total": "신경망의 파라미터 수는 모든 층의 파라미터 수를 더한 값입니다.",
    # sigmoid-chain
    "network.chain_factor": "{i}번째 시그모이드 층의 국소 미분 σ′(z) = σ(z)(1 − σ(z))입니다.",
    "network.chain_factor_all": "층 {n}개의 z가 모두 같으므로 국소 미분 σ′(z)도 모두 같습니다.",
    "network.chain_product": "연쇄 법칙: 첫 층까지 도달하는 기울기는 층 {n}개의 국소 미분을 모두 곱한 값입니다. 층 사이의 가중치는 1로 둡니다.",
    "network.chain_bound": "σ′는 최대 0.25이므로 층을 하나 지날 때마다 기울기가 적어도 4배 줄어듭니다. 층이 {n}개이면 최대 0.25^{n}입니다. 이것이 기울기 소멸(Vanishing Gradient)입니다.",
}
