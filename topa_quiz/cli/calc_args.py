"""``topa calc``'s arguments as engine values: '1,2,3', '0,1;1,0', '-2', 'true'.

Strict and explicit: every rejection names the option and what was wrong.
"""

from __future__ import annotations

from ..engine.registry import Param
from ..errors import Msg, UsageError
from ..session.numbers import names_infinity, number_problem, parse_number


def _bad(option: str, key: str, **values: object) -> UsageError:
    """A bad argument: the catalog words it; the option is named as the user typed it."""
    return UsageError.said("calc.arg", option=option, problem=Msg(key, values))


def _number(option: str, text: str) -> float:
    value = parse_number(text)
    if value is not None:
        return value
    problem = number_problem(text)
    if problem:
        raise _bad(option, problem[0], **problem[1])
    if names_infinity(text):
        raise _bad(option, "calc.arg.infinite", text=text)
    raise _bad(option, "calc.arg.not_number", text=text)


def _row(option: str, text: str) -> list[float]:
    parts = [p for p in text.split(",")]
    if any(not p.strip() for p in parts):
        raise _bad(option, "calc.arg.empty_value", text=text)
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
            raise _bad(option, "calc.arg.not_whole", text=text)
        return int(v)
    if p.kind == "vector":
        return _one_vector(option, text)
    if p.kind == "batch":
        rows = [r for r in text.split(";")]
        if any(not r.strip() for r in rows):
            raise _bad(option, "calc.arg.empty_row", text=text)
        parsed = [_row(option, r) for r in rows]
        if len({len(r) for r in parsed}) > 1:
            raise _bad(option, "calc.arg.ragged", text=text)
        return parsed[0] if len(parsed) == 1 else parsed
    if p.kind == "choice":
        if text not in p.choices:
            raise _bad(option, "calc.arg.not_choice", text=text, choices=", ".join(p.choices))
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
            raise UsageError.said("usage.no_option", name=tok.split("=")[0])
        values += _row(option, tok)
    if not values:
        raise _bad(option, "calc.arg.none")
    return values[0] if len(values) == 1 and "," not in "".join(tokens) else values


def _looks_numeric(tok: str) -> bool:
    """A negative number ('-2', '-1/2', '-inf') rather than an option ('-x')."""
    first = tok.split(",")[0]
    return parse_number(first) is not None or names_infinity(first) or number_problem(first) is not None
