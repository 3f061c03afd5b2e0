"""One optimizer step as a picture: before, after and the direction, for ``p`` after a
one-step question and ``calc OPTIMIZER ... --plot`` with one gradient (a plot of two points
would be a straight line that says nothing)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from .figure import MAX_WIDTH, wrap

if TYPE_CHECKING:
    from ..engine.core import Calculation

#: the picture shows at most this many components of θ
STEP_COMPONENTS = 6


def step_view(
    name: str,
    before: Sequence[float],
    after: Sequence[float],
    gradient: Sequence[float] | None,
    lang: str,
    width: int,
) -> RenderableType:
    """One optimizer step: for each component of θ, a number line from before (●) to after
    (◀ or ▶), the two values under it, and a sentence saying which way θ moved and how that
    relates to the gradient's sign. Only the order of the two values matters on the line."""
    from ..engine.core import fmt
    from ..i18n import catalog

    t = catalog(lang)
    inner = min(width - 1, MAX_WIDTH)
    parts: list[RenderableType] = [
        Text(line, justify="center") for line in wrap(t("plot.step.title", name=name), inner)
    ]
    shown = min(len(before), STEP_COMPONENTS)
    for j in range(shown):
        theta = "θ" if len(before) == 1 else f"θ[{j}]"
        b, a = float(before[j]), float(after[j])
        parts.append(Text(f"{theta}: {fmt(b)} → {fmt(a)}", style="bold"))
        parts.extend(
            number_line(b, a, inner, (fmt(b), fmt(a)), (t("plot.step.before"), t("plot.step.after")))
        )
        g = gradient[j] if gradient is not None else None
        parts.extend(Text(line) for line in wrap(_direction(theta, b, a, g, fmt, t), inner))
    if len(before) > shown:
        parts.append(Text("…"))
    return Group(*parts)


def number_line(
    before: float, after: float, width: int, values: tuple[str, str], words: tuple[str, str]
) -> list[Text]:
    """Three rows: the line with ● at ``before`` and an arrowhead at ``after``, the values
    under them, the words (before, after) under those."""
    line = ["─"] * width
    if before == after:
        cols = (width // 2, width // 2)
    else:
        lo, hi = round((width - 1) / 6), round(5 * (width - 1) / 6)
        cols = (lo, hi) if before < after else (hi, lo)
        for c in range(min(cols), max(cols) + 1):
            line[c] = "━"
        line[cols[1]] = "▶" if after > before else "◀"
    line[cols[0]] = "●"
    rows = [Text("".join(line), no_wrap=True)]
    for labels in (values, words):
        rows.append(Text(_place(labels, cols, width), no_wrap=True, overflow="crop"))
    return rows


def _place(labels: tuple[str, str], cols: tuple[int, int], width: int) -> str:
    """Each label centred under its column, kept inside the row and apart from the other."""
    pairs = sorted(zip(cols, labels, strict=True)) if cols[0] != cols[1] else [(cols[0], labels[0])]
    row = ""
    for col, text in pairs:
        start = min(max(col - cell_len(text) // 2, 0), max(width - cell_len(text), 0))
        start = max(start, cell_len(row) + 1 if row else 0)
        row += " " * (start - cell_len(row)) + text
    return row


def _direction(theta: str, before: float, after: float, g: float | None, fmt, t) -> str:  # noqa: ANN001
    """Which way θ moved, and whether that was against the gradient's sign (downhill)."""
    delta = after - before
    if delta == 0:
        return t("plot.step.still", theta=theta) + "."
    moved = t("plot.step.down" if delta < 0 else "plot.step.up", theta=theta, amount=fmt(abs(delta)))
    if not g:
        return moved + "."
    key = "plot.step.against" if (delta < 0) == (g > 0) else "plot.step.along"
    return f"{moved}. {t(key, g=fmt(g))}"


def first_gradient(result: Calculation, size: int) -> list[float] | None:
    """The gradient of an optimizer's first step, one entry per component; None if unknown."""
    grads = result.inputs.get("grad")
    if not isinstance(grads, list) or not grads:
        return None
    g = grads[0]
    values = g if isinstance(g, list) else [g] * size
    return [float(v) for v in values] if len(values) == size else None
