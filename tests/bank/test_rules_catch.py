"""Each bank rule catches the flaw it was written for, planted as the bank once had it,
and lets the fixed wording through: the rules are neither vacuous nor blanket bans."""

from __future__ import annotations

from dataclasses import replace

import pytest

from topa_quiz.bank.model import Distractor, Option, Question, Text

from . import conventions, rules


def T(ko: str, en: str = "") -> Text:  # noqa: N802 - reads like the bank's {ko, en}
    return Text(ko, en or ko)


def question(qid: str = "activation.x", **fields: object) -> Question:
    base: dict[str, object] = {
        "id": qid,
        "concepts": (qid.rsplit(".", 1)[0],),
        "type": "ox",
        "prompt": T("가입니다.", "a."),
        "explanation": T("가입니다.", "a."),
        "answer": "O",
    }
    base.update(fields)
    return Question(**base)  # type: ignore[arg-type]


def choice(qid: str, prompt: Text, options: list[Text], answer: int = 1, **fields: object) -> Question:
    opts = tuple(Option(t, None if i == answer else T("아닙니다.", "No.")) for i, t in enumerate(options, 1))
    return question(qid, type="choice", prompt=prompt, options=opts, answer=answer, **fields)


def computed(qid: str, calc: str, params: dict[str, object], **fields: object) -> Question:
    fields.setdefault("type", "numeric")
    fields.setdefault("decimals", 4)
    return question(qid, calc=calc, params=params, answer=None, **fields)


SHORT = [T("가"), T("나"), T("다"), T("라")]
LONG_KEY = [T("가나다라마바사"), T("가"), T("나"), T("다")]


def test_the_longest_key_share_counts_keys_longer_than_every_other_option():
    flawed = [choice(f"activation.q{i}", T("?"), LONG_KEY) for i in range(10)]
    assert rules.longest_key_share(flawed, "ko")[0] == 1.0
    tie = choice("activation.t", T("?"), [T("가나"), T("다라"), T("마"), T("바")])
    assert rules.longest_key_share([*flawed[:2], *[tie] * 8], "ko")[0] == pytest.approx(0.2)


COMPOSE = {
    "a": {"choice": [0.5, 1.5, 2, 3, -2]},
    "layers": {"integers": [2, 4]},
    "x": {"choice": [1, 2, -1, 0.5]},
}
LAYERS_3 = {"a": {"choice": [2, 3, 0.5, -2, 1.5]}, "layers": 3, "x": {"choice": [1, 2, -1]}}


def test_two_questions_that_can_draw_the_same_inputs_are_caught():
    a = computed("activation.linear_collapse.compose-value", "linear-composition", COMPOSE)
    b = computed("activation.linear_collapse.layers-choice", "linear-composition", LAYERS_3)
    assert rules.shared_draws([a, b])
    apart = computed("activation.linear_collapse.other", "linear-composition", {**LAYERS_3, "a": 1.1})
    assert rules.shared_draws([a, apart]) == []


def test_a_number_stated_by_one_question_and_asked_by_another_is_caught():
    asked = computed("activation.softmax.top", "softmax", {"x": [3, 1, 0]}, pick=0)
    telling = question(
        "activation.softmax.small-score",
        explanation=T("나머지 두 확률은 약 0.8438, 0.1142입니다.", "About 0.8438."),
    )
    assert rules.stated_answers([asked, telling])
    other_topic = question("loss.x", explanation=telling.explanation)
    rounded = question("activation.softmax.y", explanation=T("약 0.84입니다.", "About 0.84."))
    assert rules.stated_answers([asked, other_topic, rounded]) == []


def test_decimals_asked_of_a_whole_number_are_caught():
    eight = computed("activation.a", "linear-composition", {"a": 2, "layers": 3, "x": 1})
    step = computed("perceptron.b", "perceptron", {"x": [1, 1], "w": [0.4, 0.3], "b": -0.8}, decimals=1)
    assert len(rules.whole_number_keys([eight, step])) == 2
    fine = computed("activation.c", "linear-composition", {"a": 1.5, "layers": 3, "x": 2})
    whole = computed("perceptron.d", "perceptron", step.params, decimals=0)
    assert rules.whole_number_keys([fine, whole]) == []


def test_a_piecewise_function_asked_on_one_side_only_is_caught():
    positive = computed("activation.l", "leaky-relu", {"x": {"uniform": [0.5, 3]}, "alpha": 0.1}, decimals=3)
    assert rules.one_sided_inputs([positive])
    both = computed("activation.m", "leaky-relu", {"x": {"choice": [-1.2, 0.8]}, "alpha": 0.1}, decimals=3)
    assert rules.one_sided_inputs([both]) == []


@pytest.mark.parametrize(
    "text",
    [
        "기울기가 0이면 더 이상 움직이지 않는다.",
        "소수점 넷째 자리까지 구하시오.",
        "무엇을 뜻하는가?",
        "확인해 보세요.",
    ],
)
def test_korean_sentences_outside_hapsyo_style_are_caught(text):
    assert rules.plain_style([question(explanation=T(text, "a."))])


def test_hapsyo_style_passes_and_particles_are_not_verbs():
    text = "0입니다(PyTorch 기본값). 구하십시오. 몇 배입니까? 옳은 것은? 일정한 시간 간격마다"
    assert rules.plain_style([question(explanation=T(text, "a."))]) == []


def test_other_spellings_and_periods_in_options_are_caught():
    q = choice("activation.r", T("?"), [T("리키 렐루(Leaky ReLU)입니다.", "It is Leaky ReLU."), *SHORT[1:]])
    assert rules.term_spelling([q]) and rules.option_periods([q])


ADAM = {"param": 1.0, "grad": 0.5, "lr": 0.1}
BIAS = Distractor(
    why=T("편향 보정을 빠뜨렸습니다.", "No bias correction."), params={"bias_correction": False}
)


def test_a_distractor_from_an_unstated_convention_is_caught():
    flawed = computed(
        "optimizer.adam.first-step-choice",
        "adam",
        ADAM,
        type="choice",
        prompt=T(
            "Adam(β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸)으로 첫 번째 갱신을 합니다.", "Adam (β₁ = 0.9) first update."
        ),
        distractors=(BIAS, BIAS),
    )
    assert conventions.unstated_conventions([flawed])
    fixed = T("Adam(편향 보정 사용)으로 갱신합니다.", "Adam (with bias correction).")
    assert conventions.unstated_conventions([replace(flawed, prompt=fixed)]) == []


def test_an_optimizer_state_or_decay_order_left_unstated_is_caught():
    decay_only = computed(
        "optimizer.adamw.decay-only",
        "adamw",
        {"param": 1.0, "grad": [0.0, 0.0], "lr": 0.1, "weight_decay": 0.5},
        prompt=T(
            "AdamW로 학습하는 가중치가 있다. 두 스텝 동안 기울기가 0이었다면",
            "A weight is trained with AdamW.",
        ),
    )
    assert conventions.unstated_optimizer_state([decay_only])
    assert conventions.unstated_decay_order([decay_only])
    stated = T("AdamW(m₀ = v₀ = 0), 먼저 θ ← θ − ηλθ", "AdamW (m₀ = v₀ = 0), first θ ← θ − ηλθ")
    fixed = replace(decay_only, prompt=stated)
    assert conventions.unstated_optimizer_state([fixed]) == conventions.unstated_decay_order([fixed]) == []


@pytest.mark.parametrize(
    ("rule", "ko", "en"),
    [
        (
            conventions.unstated_update_rule,
            "이 출력을 입력으로 받는 뉴런의 가중치들은 샘플 하나로 갱신할 때 모두 같은 방향으로 바뀐다.",
            "the weights all move in the same direction in an update from a single sample (all up or all down).",
        ),
        (
            conventions.unstated_defaults,
            "torch.optim.Adam에 weight_decay 값을 주면 torch.optim.AdamW와 똑같이 동작한다.",
            "torch.optim.Adam with a weight_decay value behaves exactly like torch.optim.AdamW.",
        ),
        (
            conventions.undefined_mean,
            "R²가 음수라면 타깃의 평균 ȳ 하나로 예측하는 것보다 오차가 크다.",
            "If R² on some data is negative, the error is larger than predicting the target mean ȳ.",
        ),
        (
            conventions.uncounted_factors,
            "시그모이드를 쓰는 층 {layers}개를 거슬러 올라간다. σ′만 곱한다.",
            "Backpropagation runs back through {layers} sigmoid layers, multiplying only the slopes σ′.",
        ),
        (
            conventions.unseen_sources,
            "결정 계수(R²)는 회귀 모델에서 MSE, MAE와 함께 거론된다.",
            "R² is mentioned alongside MSE and MAE for regression.",
        ),
    ],
)
def test_prompts_that_leave_out_what_the_answer_depends_on_are_caught(rule, ko, en):
    assert rule([question(prompt=T(ko, en))])


def test_an_approximate_key_for_an_exact_expectation_is_caught():
    prompt = T("0으로 꺼지는 유닛 수의 기댓값은?", "How many units are expected to be set to 0?")
    flawed = choice("generalization.dropout.e", prompt, [T("약 300개", "About 300"), *SHORT[1:]])
    assert conventions.approximate_expectations([flawed])
    exact = choice("generalization.dropout.e", prompt, [T("300개", "300"), *SHORT[1:]])
    assert conventions.approximate_expectations([exact]) == []


def test_mini_batches_in_the_key_of_a_prompt_about_sgd_are_caught():
    prompt = T("확률적 경사하강법(SGD)이 배치 경사하강법과 다른 점은?", "How does SGD differ?")
    key = T("일부 학습 데이터(미니배치)로 구한 기울기로 갱신한다", "From a mini-batch")
    assert conventions.unnamed_minibatch([choice("optimizer.sgd.d", prompt, [key, *SHORT[1:]])])


@pytest.mark.parametrize(
    "flawed",
    [
        choice(
            "perceptron.weights.not-correct",
            T("가중치에 대한 설명으로 옳지 않은 것은?", "Which is NOT correct?"),
            [T("가중치가 클수록 해당 입력 신호의 영향력이 커진다"), *SHORT[1:]],
            answer=4,
        ),
        choice(
            "generalization.regularization.compare",
            T("옳은 것은?", "Which is correct?"),
            [T("L1은 많은 가중치를 정확히 0으로 만들고, L2는 가중치를 고르게 작게 만들 뿐이다"), *SHORT[1:]],
        ),
        choice(
            "optimizer.gradient_descent.not-correct",
            T("옳지 않은 것은?", "Which is NOT correct?"),
            [T("가중치를 기울기가 0인 지점(최적점) 쪽으로 옮겨 가는 방법이다"), *SHORT[1:]],
            answer=4,
        ),
        question(
            "perceptron.neuron_analogy.ox-weight-transmits",
            prompt=T("뉴런에서 수상돌기·축삭돌기가 맡는 신호 전달의 역할을 퍼셉트론에서는 가중치가 맡는다."),
        ),
    ],
    ids=["influence-without-magnitude", "l2-evenly", "zero-gradient-optimum", "weights-as-dendrites"],
)
def test_claims_found_wrong_are_caught_in_texts_that_state_facts(flawed):
    assert conventions.false_claims([flawed])


def test_the_claims_may_be_quoted_as_the_mistake_and_stated_correctly():
    wrong_option = choice(
        "perceptron.weights.c",
        T("옳은 것은?", "Which is correct?"),
        [SHORT[0], T("가중치가 클수록 영향력이 커진다")],
    )
    right = question(
        explanation=T("가중치의 절댓값이 클수록 영향력이 커집니다. 시냅스 세기가 가중치에 대응합니다.")
    )
    assert conventions.false_claims([wrong_option, right]) == []


def test_y_equals_cx_for_a_network_with_biases_left_open_is_caught():
    prompt = T("선형 활성화만 쓰는 신경망에 대한 설명으로 옳지 않은 것은?", "Which is NOT correct?")
    flawed = T("층마다 f(x) = ax를 쓰면 전체 신경망은 y = cx 꼴의 함수가 된다")
    assert conventions.unqualified_collapse([choice("activation.lc", prompt, [flawed, *SHORT[1:]], answer=4)])
    fixed = T("가중치와 편향 없이 f(x) = ax만 적용하면 전체 신경망은 y = cx 꼴입니다")
    assert (
        conventions.unqualified_collapse([choice("activation.lc", prompt, [fixed, *SHORT[1:]], answer=4)])
        == []
    )
