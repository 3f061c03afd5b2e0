"""Check every key of question_bank/exam_skills.yaml against PyTorch in float64.

Run by hand with a Python that has PyTorch, PyYAML and NumPy (never the project's venv;
torch is not a dependency of topa-quiz or of its tests), from the repository root::

    python3 -m venv /tmp/torchenv
    /tmp/torchenv/bin/pip install torch==2.13.0 numpy pyyaml
    PYTHONPATH=. /tmp/torchenv/bin/python tests/golden/check_exam_skills.py

For each computed question every draw a quiz can make (all of them, or the rules' seeded
sample) is computed twice: by the engine, through the same path a quiz takes (the answer
step, the pick), and by PyTorch: real ``torch.optim`` optimizers stepping a float64
tensor whose ``.grad`` is set per step, with the state they keep (exp_avg, exp_avg_sq,
momentum_buffer, square_avg, sum) set by hand when a question carries state in; the
bias-corrected m̂ = exp_avg/(1 − β₁ᵗ) and v̂ = exp_avg_sq/(1 − β₂ᵗ) are formed from that
state. Each distractor's value is checked the same way. What PyTorch lacks (R², Adam
without bias correction) is derived by hand in float64. The numbers written in the static
questions are checked at the end. Prints one line per question and exits 1 on a mismatch.

torch is imported inside :func:`main` only, so that pytest's doctest collection can import
this module without it.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from typing import Any

from tests.bank.draws import parameter_sets
from topa_quiz.bank.draw import pick_value
from topa_quiz.bank.loader import load_bank
from topa_quiz.bank.model import Question
from topa_quiz.engine import compute, lookup

torch: Any = None  # set by main()
F: Any = None
FILE = "exam_skills.yaml"
TOL = 1e-9
Steps = dict[str, object]  # step key -> value after the last step, as the engine keys them


def t(x: object) -> torch.Tensor:
    return torch.tensor(x, dtype=torch.float64)


def plain(v: torch.Tensor) -> object:
    v = v.detach()
    return float(v.item()) if v.numel() == 1 else v.reshape(-1).tolist()


def grads(p: torch.Tensor, grad: object) -> list[torch.Tensor]:
    steps = grad if isinstance(grad, list) else [grad]
    return [t(g).expand_as(p).clone() for g in steps]


def run(opt: torch.optim.Optimizer, p: torch.Tensor, grad: object) -> None:
    for g in grads(p, grad):
        p.grad = g
        opt.step()


# ---------------------------------------------------------------- optimizers
def adam(a: dict, decoupled: bool = False) -> Steps:
    p = t(a["param"]).reshape(-1).clone()
    b1, b2 = a.get("beta1", 0.9), a.get("beta2", 0.999)
    kw = {"lr": a.get("lr", 0.001), "betas": (b1, b2), "eps": a.get("eps", 1e-8)}
    kw["weight_decay"] = a.get("weight_decay", 0.01 if decoupled else 0.0)
    if not a.get("bias_correction", True):
        return adam_by_hand(a, decoupled, kw)
    opt = (torch.optim.AdamW if decoupled else torch.optim.Adam)([p], **kw)
    step = int(a.get("step", 0))
    if step:
        opt.state[p] = {
            "step": t(float(step)),
            "exp_avg": t(a.get("m", 0.0)).expand_as(p).clone(),
            "exp_avg_sq": t(a.get("v", 0.0)).expand_as(p).clone(),
        }
    n = len(grads(p, a["grad"]))
    run(opt, p, a["grad"])
    s = opt.state[p]
    tt = step + n
    m, v = s["exp_avg"], s["exp_avg_sq"]
    return {
        "theta": plain(p),
        "m": plain(m),
        "v": plain(v),
        "m_hat": plain(m / (1 - b1**tt)),
        "v_hat": plain(v / (1 - b2**tt)),
    }


def adam_by_hand(a: dict, decoupled: bool, kw: dict) -> Steps:
    """Adam without bias correction (no such option in torch): m̂ = m, v̂ = v."""
    (b1, b2), lr, eps, wd = kw["betas"], kw["lr"], kw["eps"], kw["weight_decay"]
    theta = float(a["param"])
    m, v = float(a.get("m", 0.0)), float(a.get("v", 0.0))
    for g in a["grad"] if isinstance(a["grad"], list) else [a["grad"]]:
        if decoupled:
            theta *= 1 - lr * wd
        else:
            g = g + wd * theta
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
        theta -= lr * m / (math.sqrt(v) + eps)
    return {"theta": theta, "m": m, "v": v, "m_hat": m, "v_hat": v}


def momentum(a: dict) -> Steps:
    p = t(a["param"]).reshape(-1).clone()
    lr, mu = a["lr"], a.get("momentum", 0.9)
    opt = torch.optim.SGD([p], lr=lr, momentum=mu, dampening=a.get("dampening", 0.0))
    if "velocity" in a:  # the classic form is PyTorch's with b = −v/η
        opt.state[p] = {"momentum_buffer": (-t(a["velocity"]) / lr).expand_as(p).clone()}
    elif "buffer" in a:
        opt.state[p] = {"momentum_buffer": t(a["buffer"]).expand_as(p).clone()}
    before = p.clone()
    run(opt, p, a["grad"])
    b = opt.state[p].get("momentum_buffer")
    # the classic v is the move of the last step (one step asked), θ₁ − θ₀
    return {"theta": plain(p), "b": None if b is None else plain(b), "velocity": plain(p - before)}


def rmsprop(a: dict) -> Steps:
    p = t(a["param"]).reshape(-1).clone()
    opt = torch.optim.RMSprop([p], lr=a.get("lr", 0.01), alpha=a.get("rho", 0.99), eps=a.get("eps", 1e-8))
    run(opt, p, a["grad"])
    return {"theta": plain(p), "v": plain(opt.state[p]["square_avg"])}


def adagrad(a: dict) -> Steps:
    p = t(a["param"]).reshape(-1).clone()
    opt = torch.optim.Adagrad(
        [p],
        lr=a.get("lr", 0.01),
        eps=a.get("eps", 1e-10),
        initial_accumulator_value=a.get("initial_accumulator", 0.0),
    )
    run(opt, p, a["grad"])
    return {"theta": plain(p), "G": plain(opt.state[p]["sum"])}


def sgd(a: dict) -> Steps:
    p = t(a["param"]).reshape(-1).clone()
    wd = a.get("weight_decay", 0.0)
    g = grads(p, a["grad"])
    total = plain(g[-1] + wd * p) if len(g) == 1 else None  # the penalized gradient g + λθ
    opt = torch.optim.SGD([p], lr=a["lr"], weight_decay=wd)
    run(opt, p, a["grad"])
    return {"theta": plain(p), "grad": plain(g[-1]), "g": total}


# ---------------------------------------------------------------- networks and losses
ACTIVATIONS: dict[str, Callable[[torch.Tensor, dict], torch.Tensor]] = {
    "identity": lambda z, a: z,
    "sigmoid": lambda z, a: torch.sigmoid(z),
    "tanh": lambda z, a: torch.tanh(z),
    "relu": lambda z, a: F.relu(z),
    "leaky-relu": lambda z, a: F.leaky_relu(z, negative_slope=a.get("alpha", 0.01)),
}


def neuron(a: dict) -> Steps:
    z = t(a["x"]) @ t(a["w"]) + a.get("b", 0.0)
    return {"result": plain(ACTIVATIONS[a.get("activation", "sigmoid")](z, a))}


def param_count(a: dict) -> Steps:
    sizes = a["layers"]
    net = torch.nn.Sequential(
        *[torch.nn.Linear(n, m, bias=a.get("bias", True)) for n, m in zip(sizes, sizes[1:], strict=False)]
    )
    return {"result": float(sum(p.numel() for p in net.parameters()))}


def sigmoid_chain(a: dict) -> Steps:
    """Autograd through N sigmoid layers joined by weight 1; biases set so layer i sees zᵢ."""
    zs = a["z"] if isinstance(a["z"], list) else [a["z"]] * int(a["layers"])
    z1 = t(float(zs[0])).requires_grad_()
    out = torch.sigmoid(z1)
    for z in zs[1:]:
        bias = float(z) - float(out.detach())
        out = torch.sigmoid(1.0 * out + bias)
    out.backward()
    return {"result": float(z1.grad)}


def dropout(a: dict) -> Steps:
    torch.manual_seed(0)
    layer = torch.nn.Dropout(p=a["p"]).train()
    y = layer(torch.full((2000,), float(a["x"])))
    return {"kept": float(y[y != 0][0]), "result": 1 / (1 - a["p"])}


def mse(a: dict) -> Steps:
    return {"result": float(F.mse_loss(t(a["y_pred"]), t(a["y_true"]), reduction=a.get("reduction", "mean")))}


def mae(a: dict) -> Steps:
    return {"result": float(F.l1_loss(t(a["y_pred"]), t(a["y_true"])))}


def r2(a: dict) -> Steps:
    y, yhat = t(a["y_true"]), t(a["y_pred"])
    return {"result": float(1 - ((y - yhat) ** 2).sum() / ((y - y.mean()) ** 2).sum())}


TORCH = {
    "adam": adam,
    "adamw": lambda a: adam(a, decoupled=True),
    "momentum": momentum,
    "rmsprop": rmsprop,
    "adagrad": adagrad,
    "sgd": sgd,
    "neuron": neuron,
    "param-count": param_count,
    "sigmoid-chain": sigmoid_chain,
    "dropout": dropout,
    "mse": mse,
    "mae": mae,
    "r2": r2,
}


def reference(calc: str, params: dict, step: str | None, pick: int | None) -> float:
    """PyTorch's value of what the question asks: the step keyed ``step`` (else the result)."""
    accepted = {p.name for p in lookup(calc).params}
    got = TORCH[calc]({k: v for k, v in params.items() if k in accepted})
    value = got[step or ("result" if "result" in got else "theta")]
    if isinstance(value, list):
        value = value[pick or 0] if len(value) > 1 else value[0]
    return float(value)


def engine(calc: str, params: dict, step: str | None, pick: int | None, qid: str) -> float:
    accepted = {p.name for p in lookup(calc).params}
    return pick_value(compute(calc, **{k: v for k, v in params.items() if k in accepted}), pick, qid, step)


def check(q: Question) -> list[str]:
    """Every draw of ``q``: its key and each distractor, engine against PyTorch."""
    bad, n = [], 0
    for params in parameter_sets(q):
        asked = [(q.calc, params, q.answer_step, "key")]
        asked += [
            (d.calc or q.calc, params | d.params, d.answer_step or q.answer_step, f"distractor {i}")
            for i, d in enumerate(q.distractors, 1)
        ]
        for calc, p, step, what in asked:
            ours, theirs = engine(calc, p, step, q.pick, q.id), reference(calc, p, step, q.pick)
            n += 1
            if not math.isclose(ours, theirs, rel_tol=TOL, abs_tol=TOL):
                bad.append(f"{q.id} {what} {p}: engine {ours!r}, torch {theirs!r}")
    print(f"{q.id}: {n} values, {len(bad)} mismatches")
    return bad


# ---------------------------------------------------------------- the static questions' numbers
def static_numbers() -> list[str]:
    ln10, ln2 = math.log(10), math.log(2)
    cce = float(F.cross_entropy(t([[2.0, 1.0, 0.1]]), torch.tensor([0])))
    p = F.softmax(t([2.0, 1.0, 0.1]), 0)
    bce = float(F.binary_cross_entropy(t([0.88, 0.26]), t([1.0, 0.0])))
    bce_sum = float(F.binary_cross_entropy(t([0.88, 0.26]), t([1.0, 0.0]), reduction="sum"))
    ada = torch.optim.Adagrad([x := t([0.0])], lr=1.0, eps=0.0)
    rms = torch.optim.RMSprop([y := t([0.0])], lr=1.0, alpha=0.9, eps=0.0)
    for opt, w in ((ada, x), (rms, y)):
        for _ in range(4):
            w.grad = t([1.0])
            opt.step()
    net = lambda *s: param_count({"layers": list(s)})["result"]  # noqa: E731
    nobias = lambda *s: param_count({"layers": list(s), "bias": False})["result"]  # noqa: E731
    wanted = [
        ("cce logits ln", cce, "0.4170", 4),
        ("cce logits log10", cce / ln10, "0.1811", 4),
        ("cce logits log2", cce / ln2, "0.6016", 4),
        ("cce logits all classes", float(-torch.log(p).sum()), "4.1511", 4),
        ("cce logits p1", float(p[0]), "0.6590", 4),
        ("bce ln", bce, "0.2145", 4),
        ("bce log10", bce / ln10, "0.0931", 4),
        ("bce log2", bce / ln2, "0.3094", 4),
        ("bce sum", bce_sum, "0.4289", 4),
        ("bce ln p for y = 0", (-math.log(0.88) - math.log(0.26)) / 2, "0.7375", 4),
        ("bce sample 1", -math.log(0.88), "0.1278", 4),
        ("bce sample 2", -math.log(0.74), "0.3011", 4),
        ("log10 0.62", -math.log10(0.62), "0.2076", 4),
        (
            "ln 0.62",
            float(F.cross_entropy(t([[math.log(0.62), math.log(0.38)]]), torch.tensor([0]))),
            "0.4780",
            4,
        ),
        ("adagrad G4", float(ada.state[x]["sum"]), "4", 0),
        ("rmsprop v4", float(rms.state[y]["square_avg"]), "0.3439", 4),
        ("rmsprop step 4 / eta", 1 / math.sqrt(float(rms.state[y]["square_avg"])), "1.71", 2),
        ("A params", net(10, 40, 1), "481", 0),
        ("B params", net(10, 20, 20, 1), "661", 0),
        ("A weights", nobias(10, 40, 1), "440", 0),
        ("B weights", nobias(10, 20, 20, 1), "620", 0),
        ("sigmoid'(0)^4", sigmoid_chain({"z": 0.0, "layers": 4})["result"], "0.0039", 4),
        ("sigmoid'(0)^5", sigmoid_chain({"z": 0.0, "layers": 5})["result"], "0.00098", 5),
        ("R² from MSE", 1 - 4 * 1.0 / float(((t([2.0, 4, 6, 8]) - 5) ** 2).sum()), "0.8", 1),
        ("MSE with outlier", mse({"y_true": [0.0] * 4, "y_pred": [1.0, 1, 1, 5]})["result"], "7", 0),
        ("MAE with outlier", mae({"y_true": [0.0] * 4, "y_pred": [1.0, 1, 1, 5]})["result"], "2", 0),
        ("dropout eval", float(torch.nn.Dropout(p=0.2).eval()(t([1.5]))), "1.5", 1),
        ("dropout train kept", dropout({"p": 0.2, "x": 1.5})["kept"], "1.875", 3),
    ]
    bad = [
        f"{name}: torch {v!r}, the bank says {text}" for name, v, text, k in wanted if f"{v:.{k}f}" != text
    ]
    print(f"static numbers: {len(wanted)} checked, {len(bad)} mismatches")
    return bad


def main() -> int:
    global torch, F
    import torch as _torch
    import torch.nn.functional as _functional

    torch, F = _torch, _functional
    torch.set_default_dtype(torch.float64)
    bank, problems = load_bank(include_bundled=True, use_cache=False)
    assert not problems, problems
    bad = [b for q in bank.questions if q.source.endswith(FILE) and q.computed for b in check(q)]
    bad += static_numbers()
    print("\n".join(bad) or "every value matches PyTorch")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
