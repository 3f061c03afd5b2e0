"""Loss functions as torch.nn computes them (mean reduction, natural log).

The steps are written as on paper: each error, each square, the mean as (a + b + c)/n.

>>> from topa_quiz.engine import compute
>>> round(compute("mse", y_true=[1, 2, 3], y_pred=[1.5, 2, 2]).result, 6)
0.416667
>>> [s.formula for s in compute("bce", y_true=[1, 0], y_pred=[0.75, 0.25]).steps][0]
'−[yᵢ·ln pᵢ + (1 − yᵢ)·ln(1 − pᵢ)] = [−ln 0.75, −ln(1 − 0.25)]'
"""

from __future__ import annotations

import numpy as np

from .activations import LARGE, Result, _sigmoid
from .core import EngineError, Step, same_shape
from .formula import each, exp_of, num, par, plus, plus_texts, power, seq

LOG_FLOOR = -100.0  # torch.nn.BCELoss clamps log outputs at -100


def _log(p: np.ndarray) -> np.ndarray:
    """ln p, clamped at −100 so that p = 0 gives a finite loss (and no warning)."""
    with np.errstate(divide="ignore"):
        return np.maximum(np.log(p), LOG_FLOOR)


def _flat(a: np.ndarray) -> np.ndarray:
    """One sample's values as a flat list; several samples as rows."""
    return a[0] if a.ndim == 2 and a.shape[0] == 1 else a


def _mean(label: str, per: np.ndarray, reduction: str = "mean", key: str = "loss") -> tuple[float, Step]:
    flat = per.reshape(-1).tolist()
    listed = f"{plus(flat)}/1" if per.size == 1 else f"({plus(flat)})/{per.size}"
    if reduction == "sum":
        total = float(per.sum())
        return total, Step(f"Σ{label}", plus(flat), total, "calc.note.sum_reduction", key=key)
    mean = float(per.mean())
    return mean, Step(label, listed, mean, key=key)


def mse(y_true: np.ndarray, y_pred: np.ndarray, reduction: str) -> Result:
    """Mean squared error (1/n)·Σ(ŷ − y)², over every element of a 2-D input."""
    same_shape("y_true", y_true, "y_pred", y_pred)
    err = y_pred - y_true
    sq = err**2
    loss, last = _mean("MSE" if reduction == "mean" else "(ŷᵢ − yᵢ)²", sq, reduction)
    return loss, [
        Step("ŷᵢ − yᵢ", each(lambda p, t: f"{num(p)} − {par(t)}", y_pred, y_true), _flat(err), key="error"),
        Step("(ŷᵢ − yᵢ)²", each(lambda e: power(e, 2), err), _flat(sq)),
        last,
    ]


def mae(y_true: np.ndarray, y_pred: np.ndarray, reduction: str) -> Result:
    """Mean absolute error (1/n)·Σ|ŷ − y|."""
    same_shape("y_true", y_true, "y_pred", y_pred)
    err = y_pred - y_true
    ab = np.abs(err)
    loss, last = _mean("MAE" if reduction == "mean" else "|ŷᵢ − yᵢ|", ab, reduction)
    return loss, [
        Step("ŷᵢ − yᵢ", each(lambda p, t: f"{num(p)} − {par(t)}", y_pred, y_true), _flat(err), key="error"),
        Step("|ŷᵢ − yᵢ|", each(lambda e: f"|{num(e)}|", err), _flat(ab)),
        last,
    ]


def _ratio(res: np.ndarray, dev: np.ndarray) -> float:
    """Σres² / Σdev², scale-free: each side divided by its largest entry first, so that
    squares too small (1e-170²) or too large (1e200²) for a float do not matter."""
    s_res, s_dev = float(np.abs(res).max()), float(np.abs(dev).max())
    if s_res == 0:
        return 0.0
    return (s_res / s_dev) ** 2 * float(((res / s_res) ** 2).sum() / ((dev / s_dev) ** 2).sum())


def r2(y_true: np.ndarray, y_pred: np.ndarray) -> Result:
    """Coefficient of determination R² = 1 − SS_res/SS_tot (1 is perfect; can be negative).

    The ratio SS_res/SS_tot is computed scale-free (see ``_ratio``), so targets such as
    [1e-170, 0] have an R² even though their squares underflow.
    """
    same_shape("y_true", y_true, "y_pred", y_pred)
    t, p = y_true.reshape(-1), y_pred.reshape(-1)
    mean = float(t.mean())
    dev, res = t - mean, t - p
    if not np.any(dev):
        raise EngineError("y_true", "calc.error.r2_constant")
    ratio = _ratio(res, dev)
    r = 1.0 - ratio
    with np.errstate(over="ignore", under="ignore"):
        ss_res, ss_tot = float((res**2).sum()), float((dev**2).sum())
    exact = 1e-290 < ss_tot < 1e290 and ss_res < 1e290
    note = "" if exact else "calc.note.r2_scaled"
    quotient = f"{num(ss_res)}/{num(ss_tot)}" if exact else num(ratio)
    return r, [
        Step("ȳ", f"({plus(t.tolist())})/{t.size}", mean, key="mean"),
        Step(
            "SS_res",
            "Σ(yᵢ − ŷᵢ)² = " + plus_texts([f"({num(a)} − {par(b)})²" for a, b in zip(t, p, strict=True)]),
            ss_res,
        ),
        Step("SS_tot", "Σ(yᵢ − ȳ)² = " + plus_texts([f"({num(a)} − {par(mean)})²" for a in t]), ss_tot),
        Step("R²", f"1 − SS_res/SS_tot = 1 − {quotient}", r, note, key="loss"),
    ]


def _check_probabilities(name: str, p: np.ndarray) -> None:
    if np.any(p < 0) or np.any(p > 1):
        raise EngineError(name, "calc.error.probabilities")


def _bce_term(t: float, p: float) -> str:
    """One element of BCE as written: −ln p for y = 1, −ln(1 − p) for y = 0."""
    if t == 1:
        return f"−ln {num(p)}"
    if t == 0:
        return f"−ln(1 − {num(p)})"
    return f"−[{num(t)}·ln {num(p)} + {num(1 - t)}·ln(1 − {num(p)})]"


_BCE = "−[yᵢ·ln pᵢ + (1 − yᵢ)·ln(1 − pᵢ)] = "


def bce(y_true: np.ndarray, y_pred: np.ndarray) -> Result:
    """Binary cross entropy on probabilities, mean over elements, logs clamped at −100."""
    same_shape("y_true", y_true, "y_pred", y_pred)
    _check_probabilities("y_true", y_true)
    _check_probabilities("y_pred", y_pred)
    per = -(y_true * _log(y_pred) + (1.0 - y_true) * _log(1.0 - y_pred))
    clamped = np.any((y_pred == 0) & (y_true > 0)) or np.any((y_pred == 1) & (y_true < 1))
    loss, last = _mean("BCE", per)
    return loss, [
        Step(
            "ℓᵢ",
            _BCE + each(_bce_term, y_true, y_pred),
            _flat(per),
            "calc.note.log_clamp" if clamped else "",
            key="per",
        ),
        last,
    ]


def bce_logits(y_true: np.ndarray, y_pred: np.ndarray) -> Result:
    """BCE on logits z: p = σ(z), then BCE; computed stably as max(z, 0) − z·y + ln(1 + e^−|z|)."""
    same_shape("y_true", y_true, "y_pred", y_pred)
    _check_probabilities("y_true", y_true)
    z = y_pred
    p = _sigmoid(z)
    per = np.maximum(z, 0.0) - z * y_true + np.log1p(np.exp(-np.abs(z)))
    loss, last = _mean("BCE", per)
    sig = Step("pᵢ = σ(zᵢ)", each(lambda v: f"1/(1 + {exp_of(-v)})", z), _flat(p), key="p")
    if np.all(np.abs(z) <= 30):  # 1 − σ(z) keeps its digits: the paper form
        return loss, [sig, Step("ℓᵢ", _BCE + each(_bce_term, y_true, p), _flat(per), key="per"), last]

    def stable(v: float, t: float) -> str:
        return f"{num(max(v, 0.0))} − {par(v)}·{par(t)} + ln(1 + {exp_of(-abs(v))})"

    form = "max(zᵢ, 0) − zᵢ·yᵢ + ln(1 + e^(−|zᵢ|)) = " + each(stable, z, y_true)
    return loss, [sig, Step("ℓᵢ", form, _flat(per), "calc.note.bce_logits_stable", key="per"), last]


def _sample(y: np.ndarray, written: list[str]) -> str:
    """−Σₖ yₖ·(…) of one sample, terms with yₖ = 0 left out: −ln 0.7 for one-hot targets."""
    terms = [(float(t), w) for t, w in zip(y, written, strict=True) if t != 0]
    if len(terms) == 1 and terms[0][0] == 1:
        return f"−{terms[0][1]}"
    return "−(" + plus_texts([f"{num(t)}·{w}" for t, w in terms]) + ")"


def _per_sample(
    y_true: np.ndarray, log_p: np.ndarray, written: list[str], note: str
) -> tuple[float, list[Step]]:
    with np.errstate(invalid="ignore", over="ignore"):
        per = -np.where(y_true > 0, y_true * log_p, 0.0).sum(axis=1)
    form = "−Σₖ yₖ·ln pₖ = " + seq(written)
    if per.size == 1:
        return float(per[0]), [Step("CCE", form, per, note, key="loss")]
    loss, last = _mean("CCE", per)
    return loss, [Step("ℓₙ", form, per, note, key="per"), last]


def cce(y_true: np.ndarray, y_pred: np.ndarray, logits: bool) -> Result:
    """Categorical cross entropy −Σₖ yₖ·ln pₖ per sample, mean over samples.

    Probabilities: ln p clamped at −100, as for BCE. Logits: ln p = log_softmax(z) =
    z − ln Σⱼ e^(zⱼ), unclamped, as torch.nn.functional.cross_entropy.
    """
    same_shape("y_true", y_true, "y_pred", y_pred)
    _check_probabilities("y_true", y_true)
    if not np.allclose(y_true.sum(axis=1), 1.0, atol=1e-3):
        raise EngineError("y_true", "calc.error.targets_sum")
    if logits:
        return _cce_logits(y_true, y_pred)
    _check_probabilities("y_pred", y_pred)
    if not np.allclose(y_pred.sum(axis=1), 1.0, atol=1e-3):
        raise EngineError("y_pred", "calc.error.preds_sum")
    clamped = bool(np.any((y_pred == 0) & (y_true > 0)))
    written = [_sample(t, [f"ln {num(p)}" for p in row]) for t, row in zip(y_true, y_pred, strict=True)]
    loss, steps = _per_sample(y_true, _log(y_pred), written, "calc.note.log_clamp" if clamped else "")
    return loss, steps


def _cce_logits(y_true: np.ndarray, z: np.ndarray) -> Result:
    top = z.max(axis=1, keepdims=True)
    shifted = bool(np.any(np.abs(top) > LARGE))
    with np.errstate(over="ignore", invalid="ignore"):
        zs = z - top  # −∞ where a score is 2e308 below the top: e^(−∞) = 0, which is right
        lse = top + np.log(np.exp(zs).sum(axis=1, keepdims=True))
        log_p = z - lse
    if shifted:
        sums = [
            f"{num(m)} + ln({plus_texts([exp_of(v) for v in row])})"
            for m, row in zip(top[:, 0], zs, strict=True)
        ]
        first = Step("ln Σⱼ e^(zⱼ)", seq(sums), lse[:, 0], "calc.note.logsumexp_shift", key="lse")
    else:
        first = Step(
            "ln Σⱼ e^(zⱼ)",
            seq([f"ln({plus_texts([exp_of(v) for v in row])})" for row in z]),
            lse[:, 0],
            key="lse",
        )
    lp = Step(
        "ln pₖ",
        "zₖ − ln Σⱼ e^(zⱼ) = " + each(lambda v, s: f"{num(v)} − {par(s)}", z, np.broadcast_to(lse, z.shape)),
        _flat(log_p),
        key="log_p",
    )
    written = [_sample(t, [par(v) for v in row]) for t, row in zip(y_true, log_p, strict=True)]
    loss, steps = _per_sample(y_true, log_p, written, "")
    return loss, [first, lp, *steps]
