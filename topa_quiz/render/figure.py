"""Charts as data, and their drawing in the terminal.

A :class:`Chart` is plain data: a title, axis labels, series of (x, y) points, a y window and
lines of notes. :func:`chart_view` lays it out for a given width and height and returns a Rich
renderable: the title (wrapped at word boundaries), the plot area drawn by plotext, the axis
labels, the legend **below** the plot area (so it never covers a curve) and the notes. plotext
draws only the frame, ticks and points: every word is laid out here, measured in terminal
cells, so Korean text lines up. plotext is imported inside :func:`canvas_text` only.

Values outside the y window are clipped before plotext sees them (a line is cut where it
leaves the window), so huge numbers can never reach plotext's drawing code.

A question's figure (learning curves, issue 11) is drawn by the same code:
:func:`question_chart` turns plain :class:`FigureData` into a chart, and :func:`figure_table`
gives the text form the exports carry.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from .visible import wrap

#: below this terminal size there is no plot, only one line saying so
MIN_WIDTH = 40
MIN_HEIGHT = 10
MAX_WIDTH = 140
#: the plot area (frame and tick labels included) never grows taller than this, nor lower than
MAX_CANVAS = 24
MIN_CANVAS = 7

#: one marker per series, so lines stay apart without colors
MARKERS = ("•", "*", "+", "x", "o", "#", "@", "%", "&", "=")
POINT_MARKER = "O"
#: plotext's "simple" theme gives series these colours in this order; the legend repeats them
PALETTE = (12, 10, 9, 14, 13, 11)


@dataclass(frozen=True)
class Series:
    """One line (or a set of points when ``lines`` is false) of a chart."""

    label: str
    x: tuple[float, ...]
    y: tuple[float, ...]
    lines: bool = True
    marker: str = ""


@dataclass(frozen=True)
class Chart:
    """A picture as data: nothing here knows about terminals or plotext."""

    title: str
    series: tuple[Series, ...]
    xlabel: str = ""
    ylabel: str = ""
    #: the y window; values beyond it are clipped (a line ends at the edge)
    ylim: tuple[float, float] | None = None
    xlim: tuple[float, float] | None = None
    xticks: tuple[float, ...] = ()
    #: sentences printed under the legend (verdicts, what was clipped)
    notes: tuple[str, ...] = ()


def marker_of(chart: Chart, index: int) -> str:
    """The marker series ``index`` is drawn with (its own, else the next of :data:`MARKERS`)."""
    return chart.series[index].marker or MARKERS[index % len(MARKERS)]


# ------------------------------------------------------------------ words
def legend_lines(chart: Chart, width: int, color: bool) -> list[Text]:
    """The legend as lines of ``marker label`` entries, packed left to right, three spaces apart."""
    lines: list[Text] = []
    line = Text()
    for i, s in enumerate(chart.series):
        if not s.label:
            continue
        style = f"color({PALETTE[i % len(PALETTE)]})" if color else ""
        for k, part in enumerate(wrap(f"{marker_of(chart, i)} {s.label}", width)):
            if line.plain and (k > 0 or cell_len(line.plain) + 3 + cell_len(part) > width):
                lines.append(line)
                line = Text()
            if line.plain:
                line.append("   ")
            if k == 0:
                line.append(part[:1], style=style)
                line.append(part[1:])
            else:
                line.append(part)
    if line.plain:
        lines.append(line)
    return lines


def axis_line(chart: Chart, width: int) -> Text:
    """The y label at the left and the x label centred, as plotext places them."""
    left = chart.ylabel
    xlabel = chart.xlabel
    start = max(cell_len(left) + 2, (width - cell_len(xlabel)) // 2)
    text = left + " " * (start - cell_len(left)) + xlabel
    return Text(wrap(text, width)[0] if cell_len(text) > width else text, no_wrap=True)


# ----------------------------------------------------------------- clipping
def clip(
    xs: Sequence[float], ys: Sequence[float], lo: float, hi: float, lines: bool = True
) -> list[tuple[float, float, bool]]:
    """The points of a series inside ``lo <= y <= hi`` as (x, y, joined to the previous point).

    A line that leaves the window ends at the crossing point and starts again where it comes
    back, so nothing beyond the window reaches the drawing. Points (``lines`` false) outside
    are dropped. Non-finite points are dropped and break the line.
    """
    out: list[tuple[float, float, bool]] = []
    prev: tuple[float, float] | None = None
    for x, y in zip(xs, ys, strict=True):
        if not (math.isfinite(x) and math.isfinite(y)):
            prev = None
            continue
        inside = lo <= y <= hi
        if not lines or prev is None:
            if inside:
                out.append((x, y, False))
            prev = (x, y)
            continue
        was_inside = lo <= prev[1] <= hi
        if was_inside and inside:
            out.append((x, y, True))
        elif was_inside:
            out.append((*_crossing(prev, (x, y), lo, hi), True))
        else:
            crossings = _crossings(prev, (x, y), lo, hi)
            for k, point in enumerate(crossings):
                out.append((*point, k > 0))
            if inside:
                out.append((x, y, bool(crossings)))
        prev = (x, y)
    return out


def _crossing(a: tuple[float, float], b: tuple[float, float], lo: float, hi: float) -> tuple[float, float]:
    """Where the segment from ``a`` (inside) to ``b`` (outside) meets the window's edge."""
    edge = hi if b[1] > hi else lo
    t = (edge - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), edge


def _crossings(
    a: tuple[float, float], b: tuple[float, float], lo: float, hi: float
) -> list[tuple[float, float]]:
    """The points where a segment from outside the window enters it (and leaves it again)."""
    if (a[1] > hi and b[1] > hi) or (a[1] < lo and b[1] < lo):
        return []
    edges = [e for e in (hi, lo) if min(a[1], b[1]) <= e <= max(a[1], b[1])]
    edges.sort(key=lambda e: abs(e - a[1]))
    return [(a[0] + (e - a[1]) / (b[1] - a[1]) * (b[0] - a[0]), e) for e in edges]


# ----------------------------------------------------------------- drawing
def canvas_text(chart: Chart, width: int, height: int, plain: bool) -> str:
    """The plot area as text (ANSI colours unless ``plain``): frame, ticks and series, no words."""
    import plotext as plt

    plt.terminal.limit(False, False)  # the size is ours: not capped at the real terminal's
    canvas = plt.figure
    canvas.clear()
    canvas.plot_size(width, height)
    canvas.theme("colorless" if plain else "simple")
    canvas.legend(False)
    lo, hi = chart.ylim if chart.ylim else (-math.inf, math.inf)
    for i, s in enumerate(chart.series):
        points = clip(s.x, s.y, lo, hi, s.lines)
        if not points:
            continue
        sig = canvas.signal([p[0] for p in points], [p[1] for p in points], marker=marker_of(chart, i))
        for k, (_, _, joined) in enumerate(points):
            sig.line(k, s.lines and joined)
        canvas.draw(sig)
    if chart.ylim:
        canvas.ruler("y").lim(*chart.ylim)
    if chart.xlim:
        canvas.ruler("x").lim(*chart.xlim)
    if chart.xticks:
        canvas.ruler("x").ticks(list(chart.xticks))
    text = canvas.build().string(colorless=plain)
    canvas.clear()
    return "\n".join(line.rstrip() for line in text.splitlines())


@dataclass(frozen=True)
class Layout:
    """How the rows of a terminal of ``width`` × ``height`` are shared."""

    title: list[str]
    legend: list[Text]
    canvas_height: int


def layout(chart: Chart, width: int, height: int, color: bool) -> Layout | None:
    """The rows each part takes, or None when the plot area would be too small."""
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return None
    width = min(width - 1, MAX_WIDTH)
    title = wrap(chart.title, width) if chart.title else []
    legend = legend_lines(chart, width, color)
    rows = height - 1 - len(title) - 1 - len(legend)
    if rows < MIN_CANVAS:
        return None
    return Layout(title, legend, min(rows, MAX_CANVAS))


def chart_view(chart: Chart, width: int, height: int, color: bool = False) -> RenderableType | None:
    """The chart laid out for a terminal of ``width`` × ``height``; None when it does not fit.

    Title, plot area and axis labels, then the legend below the plot, then the notes. The
    title, plot and legend fit in ``height`` − 1 rows; the notes follow, wrapped at spaces.
    """
    plan = layout(chart, width, height, color)
    if plan is None:
        return None
    inner = min(width - 1, MAX_WIDTH)
    canvas = canvas_text(chart, inner, plan.canvas_height, plain=not color)
    parts: list[RenderableType] = [Text(line, justify="center", no_wrap=True) for line in plan.title]
    for line in canvas.splitlines():
        parts.append(Text.from_ansi(line, no_wrap=True) if color else Text(line, no_wrap=True))
    if chart.xlabel or chart.ylabel:
        parts.append(axis_line(chart, inner))
    parts.extend(plan.legend)
    parts.extend(Text(line) for note in chart.notes for line in wrap(note, inner))
    return Group(*parts)


# ---------------------------------------------------------- question figures
@dataclass(frozen=True)
class FigureData:
    """A question's figure in one language: plain data, whatever model the bank uses."""

    title: str
    x: str
    y: str
    #: (label, values at x = 1, 2, …) per series
    series: tuple[tuple[str, tuple[float, ...]], ...]


def figure_data(figure: object, lang: str) -> FigureData:
    """A bank figure (``title``, ``x``, ``y``: bilingual texts; ``series`` of ``label``/``values``)
    in ``lang``; a plain mapping with the same keys works too."""

    def field(obj: object, name: str) -> object:
        return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, dict):
            return str(value.get(lang) or value.get("ko") or "")
        getter = getattr(value, "get", None)
        return str(getter(lang)) if callable(getter) else str(value)

    series = tuple(
        (text(field(s, "label")), tuple(float(v) for v in field(s, "values") or ()))  # type: ignore[union-attr]
        for s in field(figure, "series") or ()  # type: ignore[union-attr]
    )
    return FigureData(
        text(field(figure, "title")), text(field(figure, "x")), text(field(figure, "y")), series
    )


def question_chart(data: FigureData) -> Chart:
    """The figure as a chart: one line per series over x = 1, 2, …"""
    longest = max((len(values) for _, values in data.series), default=1)
    every = max(1, math.ceil(longest / 8))
    return Chart(
        title=data.title,
        series=tuple(
            Series(label, tuple(float(k) for k in range(1, len(values) + 1)), values)
            for label, values in data.series
        ),
        xlabel=data.x,
        ylabel=data.y,
        xticks=tuple(float(k) for k in range(1, longest + 1, every)),
    )


#: a question's chart takes at most this many rows, leaving room for the prompt and options
FIGURE_HEIGHT = 20


def question_figure_view(
    figure: object, lang: str, width: int, height: int, color: bool = False
) -> RenderableType:
    """A question's figure for the quiz, shown before the options: the chart in at most
    :data:`FIGURE_HEIGHT` rows, or its table of values when the terminal is too small for one."""
    data = figure_data(figure, lang)
    view = chart_view(question_chart(data), width, min(height, FIGURE_HEIGHT), color)
    return view if view is not None else Text(figure_table(data))


def figure_table(data: FigureData) -> str:
    """The figure as plain text: its title, then a table of the values at each x."""
    header = [data.x, *(label for label, _ in data.series)]
    longest = max((len(values) for _, values in data.series), default=0)
    rows = [
        [str(k + 1), *(f"{values[k]:.6g}" if k < len(values) else "" for _, values in data.series)]
        for k in range(longest)
    ]
    widths = [max(cell_len(r[c]) for r in (header, *rows)) for c in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [cells[0] + " " * (widths[0] - cell_len(cells[0]))]
        padded += [" " * (w - cell_len(c)) + c for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join(padded).rstrip()

    title = [f"{data.title} ({data.y})" if data.title else data.y] if data.title or data.y else []
    return "\n".join([*title, line(header), *(line(r) for r in rows)])
