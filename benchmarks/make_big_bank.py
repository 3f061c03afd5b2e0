"""Write a synthetic question bank of N questions (default 10,000) to a directory.

    python benchmarks/make_big_bank.py OUT_DIR [-n 10000] [--per-file 500] [--seed 0]

The bank mixes every kind the format has (static choice with a pinned last option, O/X,
numeric, numeric multiple choice with distractors, `cases`, `pick`, vector parameters,
`tolerance`), uses only the bundled concepts, and passes `topa bank validate OUT_DIR`.
Question ids start with `big.` so they never clash with the bundled bank.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

CONCEPTS = [
    "neuron.dendrite",
    "neuron.synapse",
    "perceptron.weights",
    "activation.sigmoid",
    "activation.relu",
    "loss.mse",
    "optimizer.adam",
    "optimizer.sgd",
    "generalization.dropout",
    "generalization.l2",
]


def t(ko: str, en: str) -> dict[str, str]:
    return {"ko": ko, "en": en}


def static_choice(i: int, rng: random.Random) -> dict:
    right = rng.randint(1, 4)
    options = []
    for k in range(1, 5):
        o = t(
            f"{i}번 문제의 보기 {k}: 가중합(weighted sum)에 대한 서술 {k * 7 + i % 13}",
            f"Question {i} option {k}: a statement about the weighted sum {k * 7 + i % 13}",
        )
        if k != right:
            o["why"] = t(
                f"보기 {k}는 틀렸습니다. 가중합은 Σ wᵢxᵢ + b 입니다.",
                f"Option {k} is wrong: the weighted sum is Σ wᵢxᵢ + b.",
            )
        options.append(o)
    options.append(
        {
            **t("정답 없음", "none of the above"),
            "why": t("정답이 있습니다.", "One option is right."),
            "last": True,
        }
    )
    return {
        "id": f"big.choice.{i}",
        "concepts": [rng.choice(CONCEPTS)],
        "type": "choice",
        "difficulty": rng.randint(1, 3),
        "prompt": t(f"합성 문제 {i}: 다음 중 옳은 것은?", f"Synthetic question {i}: which is correct?"),
        "options": options,
        "answer": right,
        "explanation": t(
            f"문제 {i}의 정답은 보기 {right}입니다. " * 3,
            f"The answer to question {i} is option {right}. " * 3,
        ),
        "tags": ["synthetic"],
    }


def ox(i: int, rng: random.Random) -> dict:
    return {
        "id": f"big.ox.{i}",
        "concepts": [rng.choice(CONCEPTS)],
        "type": "ox",
        "difficulty": rng.randint(1, 3),
        "prompt": t(
            f"합성 O/X {i}: 시냅스는 두 뉴런이 맞닿는 연결 지점이다.",
            f"Synthetic O/X {i}: a synapse is the junction where two neurons meet.",
        ),
        "answer": "O",
        "explanation": t(
            "맞습니다. 시냅스(synapse)는 신호가 다음 뉴런으로 건너가는 곳입니다.",
            "True: a synapse is where the signal crosses to the next neuron.",
        ),
    }


NUMERIC = [
    {
        "concepts": ["activation.sigmoid"],
        "calc": "sigmoid",
        "params": {"x": {"uniform": [-4, 4], "round": 1}},
        "decimals": 4,
        "prompt": t("σ({x})의 값을 소수점 넷째 자리까지 구하시오.", "Compute σ({x}) to 4 decimal places."),
    },
    {
        "concepts": ["loss.mse"],
        "calc": "mse",
        "cases": [{"y_true": [1, 2, 3], "y_pred": [1.5, 2, 2]}, {"y_true": [0, 1], "y_pred": [0.2, 0.7]}],
        "decimals": 4,
        "tolerance": {"abs": 0.0005},
        "prompt": t("y = {y_true}, ŷ = {y_pred}일 때 MSE는?", "MSE for y = {y_true}, ŷ = {y_pred}?"),
    },
    {
        "concepts": ["activation.softmax"],
        "calc": "softmax",
        "params": {"x": {"integers": [-2, 3], "size": 3}},
        "pick": 0,
        "decimals": 3,
        "prompt": t("softmax({x})의 첫째 값은?", "First value of softmax({x})?"),
    },
    {
        "concepts": ["generalization.dropout"],
        "calc": "dropout",
        "params": {"p": {"choice": [0.2, 0.25, 0.5]}, "x": {"uniform": [0.5, 3], "round": 1}},
        "decimals": 3,
        "prompt": t("p = {p}, 활성값 {x}의 학습 중 출력은?", "Training output of {x} with p = {p}?"),
    },
]


def numeric(i: int, rng: random.Random) -> dict:
    base = NUMERIC[i % len(NUMERIC)]
    q = {"id": f"big.numeric.{i}", "type": "numeric", "difficulty": 2, **base}
    q["prompt"] = t(f"[{i}] " + base["prompt"]["ko"], f"[{i}] " + base["prompt"]["en"])
    q["explanation"] = t("정답은 {answer}입니다.", "The answer is {answer}.")
    return q


def computed_choice(i: int, rng: random.Random) -> dict:
    return {
        "id": f"big.adam.{i}",
        "concepts": ["optimizer.adam"],
        "type": "choice",
        "difficulty": 3,
        "calc": "adam",
        "params": {"param": 1.0, "grad": {"choice": [0.5, -0.5, 2.0]}, "lr": {"choice": [0.1, 0.01]}},
        "decimals": 4,
        "prompt": t(
            f"[{i}] θ₀ = {{param}}, g = {{grad}}, η = {{lr}}일 때 Adam 첫 스텝 후 θ는?",
            f"[{i}] θ₀ = {{param}}, g = {{grad}}, η = {{lr}}: θ after one Adam step?",
        ),
        "distractors": [
            {
                "params": {"bias_correction": False},
                "why": t("편향 보정을 빼먹었습니다.", "Bias correction was left out."),
            },
            {"calc": "sgd", "why": t("SGD의 스텝입니다.", "That is an SGD step.")},
            {
                "calc": "sgd",
                "params": {"lr": 1.0},
                "why": t("학습률을 1로 두었습니다.", "That uses a learning rate of 1."),
            },
            {
                "params": {"beta1": 0.0},
                "why": t("모멘트를 쓰지 않았습니다.", "That ignores the first moment."),
            },
        ],
        "explanation": t("정답은 {answer}입니다.", "The answer is {answer}."),
    }


KINDS = [static_choice, static_choice, ox, ox, numeric, computed_choice]


def make(n: int, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    return [KINDS[i % len(KINDS)](i, rng) for i in range(n)]


def write(out: Path, n: int = 10_000, per_file: int = 500, seed: int = 0) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("big-*.yaml"):
        old.unlink()
    questions = make(n, seed)
    paths = []
    for k in range(0, n, per_file):
        path = out / f"big-{k // per_file:03d}.yaml"
        header = "# Synthetic bank written by benchmarks/make_big_bank.py\n"
        body = yaml.safe_dump(
            {"topic": "synthetic", "questions": questions[k : k + per_file]},
            allow_unicode=True,
            sort_keys=False,
            width=100,
        )
        path.write_text(header + body, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=10_000, help="number of questions (default 10000)")
    ap.add_argument("--per-file", type=int, default=500, help="questions per file (default 500)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    paths = write(args.out, args.n, args.per_file, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {args.n} questions in {len(paths)} files ({size / 1e6:.1f} MB) to {args.out}")


if __name__ == "__main__":
    main()
