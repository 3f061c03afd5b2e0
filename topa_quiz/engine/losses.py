"""Loss functions as torch.nn computes them (mean reduction, natural log).

>>> from topa_quiz.engine import compute
>>> round(compute("mse", y_true=[1, 2, 3], y_pred=[1.5, 2, 2]).result, 6)
0.416667
"""

from __future__ import annotations

import numpy as np

from .activations import Result, _sigmoid
from .core import EngineError, Step, fmt, same_shape

LOG_FLOOR = -100.0  # torch.nn.BCELoss clamps log outputs at -100


def _log(p: np.ndarray) -> np.ndarray:
    """ln p, clamped at −100 so that p = 0 gives a finite loss (and no warning)."""
    with np.errstate(divide="ignore"):
        return np.maximum(np.log(p), LOG_FLOOR)


def _reduce(name: str, per: np.ndarray, reduction: str) -> tuple[float, Step]:
    if reduction == "sum":
        total = float(per.sum())
        return total, Step(name, f"Σ over {per.size} values (no mean)", total)
    mean = float(per.mean())
    return mean, Step(name, f"Σ / n = {fmt(per.sum())} / {per.size}", mean)


def mse(y_true: np.ndarray, y_pred: np.ndarray, reduction: str) -> Result:
    """Mean squared error (1/n)·Σ(ŷ − y)², over every element of a 2-D input."""
    same_shape("y_true", y_true, "y_pred", y_pred)
    err = y_pred - y_true
    sq = err**2
    loss, last = _reduce("MSE" if reduction == "mean" else "SSE", sq, reduction)
    return loss, [Step("ŷ − y", "errors", err), Step("(ŷ − y)²", "squared errors", sq), last]


def mae(y_true: np.ndarray, y_pred: np.ndarray, reduction: str) -> Result:
    """Mean absolute error (1/n)·Σ|ŷ − y|."""
    same_shape("y_true", y_true, "y_pred", y_pred)
    err = y_pred - y_true
    ab = np.abs(err)
    loss, last = _reduce("MAE" if reduction == "mean" else "SAE", ab, reduction)
    return loss, [Step("ŷ − y", "errors", err), Step("|ŷ − y|", "absolute errors", ab), last]


def r2(y_true: np.ndarray, y_pred: np.ndarray) -> Result:
    """Coefficient of determination R² = 1 − SS_res/SS_tot (1 is perfect; can be negative)."""
    same_shape("y_true", y_true, "y_pred", y_pred)
    mean = float(y_true.mean())
    ss_res = float(((y_true - y_pred) ** 2).sum())
    ss_tot = float(((y_true - mean) ** 2).sum())
    if ss_tot == 0:
        raise EngineError("y_true", "R² is undefined when every target is the same (SS_tot = 0)")
    r = 1.0 - ss_res / ss_tot
    return r, [
        Step("ȳ", "mean of y", mean),
        Step("SS_res", "Σ(y − ŷ)²", ss_res),
        Step("SS_tot", "Σ(y − ȳ)²", ss_tot),
        Step("R²", f"1 − {fmt(ss_res)} / {fmt(ss_tot)}", r),
    ]


def _check_probabilities(name: str, p: np.ndarray) -> None:
    if np.any(p < 0) or np.any(p > 1):
        raise EngineError(name, "probabilities must lie in [0, 1] (pass logits to bce-logits / cce --logits)")


def bce(y_true: np.ndarray, y_pred: np.ndarray) -> Result:
    """Binary cross entropy on probabilities, mean over elements, logs clamped at −100."""
    same_shape("y_true", y_true, "y_pred", y_pred)
    _check_probabilities("y_true", y_true)
    _check_probabilities("y_pred", y_pred)
    log_p, log_q = _log(y_pred), _log(1.0 - y_pred)
    per = -(y_true * log_p + (1.0 - y_true) * log_q)
    loss = float(per.mean())
    return loss, [
        Step("ln p", "natural log of each p (clamped at −100)", log_p),
        Step("ln(1 − p)", "natural log of each 1 − p (clamped at −100)", log_q),
        Step("ℓᵢ", "−[y·ln p + (1 − y)·ln(1 − p)]", per),
        Step("BCE", f"mean = {fmt(per.sum())} / {per.size}", loss),
    ]


def bce_logits(y_true: np.ndarray, y_pred: np.ndarray) -> Result:
    """BCE on logits z, computed stably: max(z, 0) − z·y + ln(1 + e^−|z|)."""
    same_shape("y_true", y_true, "y_pred", y_pred)
    _check_probabilities("y_true", y_true)
    z = y_pred
    p = _sigmoid(z)
    per = np.maximum(z, 0.0) - z * y_true + np.log1p(np.exp(-np.abs(z)))
    loss = float(per.mean())
    return loss, [
        Step("σ(z)", "the probability each logit stands for", p),
        Step("ℓᵢ", "max(z, 0) − z·y + ln(1 + e^(−|z|))", per),
        Step("BCE", f"mean = {fmt(per.sum())} / {per.size}", loss),
    ]


def cce(y_true: np.ndarray, y_pred: np.ndarray, logits: bool) -> Result:
    """Categorical cross entropy −Σₖ yₖ·ln pₖ per sample, mean over samples."""
    same_shape("y_true", y_true, "y_pred", y_pred)
    _check_probabilities("y_true", y_true)
    if not np.allclose(y_true.sum(axis=1), 1.0, atol=1e-3):
        raise EngineError("y_true", "each sample's targets must sum to 1 (one-hot, e.g. 0,1,0)")
    steps: list[Step] = []
    if logits:
        shift = y_pred - y_pred.max(axis=1, keepdims=True)
        e = np.exp(shift)
        p = e / e.sum(axis=1, keepdims=True)
        steps.append(Step("p = softmax(z)", "softmax of each sample's scores", p))
    else:
        _check_probabilities("y_pred", y_pred)
        if not np.allclose(y_pred.sum(axis=1), 1.0, atol=1e-3):
            raise EngineError(
                "y_pred", "each sample's probabilities must sum to 1 (for raw scores add --logits)"
            )
        p = y_pred
    log_p = _log(p)
    per = -(y_true * log_p).sum(axis=1)
    loss = float(per.mean())
    steps += [
        Step("ln p", "natural log of each probability", log_p),
        Step("ℓ per sample", "−Σₖ yₖ·ln pₖ", per),
        Step("CCE", f"mean over {per.size} sample(s)", loss),
    ]
    return loss, steps
