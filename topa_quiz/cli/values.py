"""Command-line text to engine values: '1,2,3', '0,1;1,0', '-2', 'true'.

Strict and explicit: every rejection names the option and what was wrong.
"""

from __future__ import annotations

from ..engine.registry import Param
from ..errors import UsageError
from ..session.numbers import names_infinity, number_problem, parse_number


def _number(option: str, text: str) -> float:
    value = parse_number(text)
    if value is not None:
        return value
    problem = number_problem(text)
    if problem:
        from ..i18n import catalog

        raise UsageError(f"{option}: {catalog('en')(problem[0], **problem[1])}")
    if names_infinity(text):
        raise UsageError(f"{option}: expected a finite number, got '{text}'")
    raise UsageError(f"{option}: expected a number, got '{text}'")


def _row(option: str, text: str) -> list[float]:
    parts = [p for p in text.split(",")]
    if any(not p.strip() for p in parts):
        raise UsageError(f"{option}: empty value in '{text}' (write numbers separated by commas: 1,2,3)")
    return [_number(option, p) for p in parts]


def parse(p: Param, raw: object, option: str) -> object:
    """One option's text (or list of texts) as the value the engine takes."""
    if p.kind == "steps":
        return [_one_vector(option, t) for t in raw]  # type: ignore[union-attr]
    text = str(raw)
    if p.kind == "number":
        return _number(option, text)
    if p.kind == "int":
        v = _number(option, text)
        if v != int(v):
            raise UsageError(f"{option}: expected a whole number, got '{text}'")
        return int(v)
    if p.kind == "vector":
        return _one_vector(option, text)
    if p.kind == "batch":
        rows = [r for r in text.split(";")]
        if any(not r.strip() for r in rows):
            raise UsageError(f"{option}: empty row in '{text}' (rows are separated by ';')")
        parsed = [_row(option, r) for r in rows]
        if len({len(r) for r in parsed}) > 1:
            raise UsageError(f"{option}: rows of different lengths in '{text}'")
        return parsed[0] if len(parsed) == 1 else parsed
    if p.kind == "choice":
        if text not in p.choices:
            raise UsageError(f"{option}: expected one of {', '.join(p.choices)}, got '{text}'")
        return text
    raise AssertionError(p.kind)  # pragma: no cover


def _one_vector(option: str, text: str) -> float | list[float]:
    values = _row(option, text)
    return values[0] if len(values) == 1 else values


def positional_numbers(option: str, tokens: list[str]) -> float | list[float]:
    """Positional values: several numbers or comma lists, joined into one vector."""
    values: list[float] = []
    for tok in tokens:
        if tok.startswith("--") or (tok.startswith("-") and not _looks_numeric(tok)):
            raise UsageError(f"no such option: {tok.split('=')[0]}")
        values += _row(option, tok)
    if not values:
        raise UsageError(f"{option}: give at least one value")
    return values[0] if len(values) == 1 and "," not in "".join(tokens) else values


def _looks_numeric(tok: str) -> bool:
    """A negative number ('-2', '-1/2', '-inf') rather than an option ('-x')."""
    first = tok.split(",")[0]
    return parse_number(first) is not None or names_infinity(first) or number_problem(first) is not None
