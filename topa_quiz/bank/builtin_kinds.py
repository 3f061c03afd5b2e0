"""The fields and form readers of the three question kinds: choice, ox, numeric.

Each kind is one :class:`~topa_quiz.bank.fields.KindFields` registered with
:func:`~topa_quiz.bank.fields.register_kind`; a kind module elsewhere can declare its own
the same way (and take its block from here). ``COMPUTED`` is the group of fields of a
question whose answer the engine computes (numeric, and choice with distractors).
"""

from __future__ import annotations

from difflib import get_close_matches
from typing import Any

from .fields import (
    CALC,
    CASES,
    PARAMS,
    TOLERANCE,
    Field,
    Form,
    KindFields,
    ValueType,
    list_of,
    register_kind,
    whole_number,
)
from .model import LANGS, Distractor, Option, Text
from .reader import Reader
from .records import DISTRACTOR, OPTION
from .yamlread import Marked


def _check_ox(v: object) -> str | None:
    ok = isinstance(v, bool) or (isinstance(v, str) and v.strip().upper() in ("O", "X"))
    return None if ok else "must be O or X"


OX_ANSWER = ValueType("O or X", {"enum": ["O", "X"]}, _check_ox)
CHOICE_ANSWER = ValueType("option number", {"type": "integer", "minimum": 1, "maximum": 5})

COMPUTED = (
    Field("calc", CALC, "The engine calculation that gives the answer, by name.", required=True),
    Field("params", PARAMS, "Its parameters: fixed values or forms to draw them from."),
    Field("cases", CASES, "Complete parameter sets; one is drawn, then `params` applies on top."),
    Field(
        "pick",
        whole_number(0, None, "a whole number >= 0 (0 is the first element)"),
        "The 0-based element of a vector result.",
    ),
    Field(
        "decimals",
        whole_number(0, 10, "a whole number from 0 to 10"),
        "Decimals the answer is given to (default 2).",
    ),
    Field(
        "tolerance",
        TOLERANCE,
        "Right when |a − t| ≤ max(abs, rel·|t|); default: half a unit of the last decimal.",
    ),
)


# ------------------------------------------------------------------ readers
def read_ox(r: Reader, d: Marked, values: dict[str, Any], what: str) -> dict[str, object] | None:
    answer = values.get("answer")
    if answer is None:
        return None
    if isinstance(answer, bool):  # YAML 1.1 reads some words as booleans
        answer = "O" if answer else "X"
    return {"answer": answer.strip().upper()}


def read_listed_choice(r: Reader, d: Marked, values: dict[str, Any], what: str) -> dict[str, object] | None:
    raw = values.get("options")
    if raw is None:
        return None
    if not isinstance(raw, list) or not 4 <= len(raw) <= 5:
        r.problem(
            d.at("options"), f"{what}: a choice question needs 4 or 5 'options' (or 'calc' and 'distractors')"
        )
        return None
    answer = d.get("answer")
    answer_ok = isinstance(answer, int) and not isinstance(answer, bool) and 1 <= answer <= len(raw)
    if not answer_ok and answer is not None:
        r.problem(
            d.at("answer"),
            f"{what}: 'answer' must be the number of the correct option, 1 to {len(raw)}, got {answer!r}",
        )
    options: list[Option] = []
    seen: dict[tuple[str, str], int] = {}
    for i, o in enumerate(raw, 1):
        label = f"{what} option {i}"
        if not isinstance(o, Marked):
            r.problem(d.at("options"), f"{label} must be a mapping with ko, en (and why)")
            return None
        r.unknown_fields(o, OPTION.names, label)
        v = r.checked(o, OPTION.fields, label)
        text = Text(str(v.get("ko", "")), str(v.get("en", "")))
        why = r.text(o, "why", label, required=answer_ok and i != answer)
        for lang in LANGS:
            key = (lang, " ".join(text.get(lang).split()).lower())
            if key[1] and key in seen:
                r.problem(o.mark, f"{what}: option {i} repeats option {seen[key]} ({lang})")
                break
            seen.setdefault(key, i)
        options.append(Option(text=text, why=why, last=bool(v.get("last", False))))
    return {"options": tuple(options), "answer": answer} if answer_ok else None


def _calc(r: Reader, d: Marked, what: str, default: str | None = None) -> Any:
    from ..engine.registry import closest, lookup

    name = d.get("calc", default)
    calc = lookup(str(name))
    if calc is None:
        guess = closest(str(name))
        hint = f"; did you mean '{guess}'?" if guess else ""
        r.problem(d.at("calc"), f"{what}: unknown engine calculation '{name}'{hint}")
    return calc


def _check_params(r: Reader, source: Marked, known: set[str], calc: str, what: str) -> bool:
    """Report parameters the calculation does not take and forms that cannot be drawn;
    False when a form cannot be drawn (the question is then unusable)."""
    from .sampling import spec_problem

    drawable = True
    for key, spec in source.items():
        where = source.at(key)
        issue = spec_problem(spec)
        if issue:
            r.problem(where, f"{what}: parameter '{key}': {issue}")
            drawable = False
        if key not in known:
            guess = get_close_matches(str(key), known, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else f" (it takes: {', '.join(sorted(known))})"
            r.problem(where, f"{what}: '{calc}' has no parameter '{key}'{hint}")
    return drawable


def read_computed(r: Reader, d: Marked, values: dict[str, Any], what: str) -> dict[str, object] | None:
    """The fields of a question whose answer the engine computes (numeric, or choice)."""
    if "calc" not in values:
        return None
    calc = _calc(r, d, what)
    if calc is None:
        return None
    params = d.get("params") or Marked()
    if not isinstance(params, Marked):
        r.problem(d.at("params"), f"{what}: 'params' must be a mapping of parameter names")
        return None
    cases = d.get("cases") or []
    if not isinstance(cases, list) or not all(isinstance(c, Marked) for c in cases):
        r.problem(d.at("cases"), f"{what}: 'cases' must be a list of parameter mappings")
        return None
    known = {p.name for p in calc.params}
    drawable = [_check_params(r, source, known, calc.name, what) for source in [params, *cases]]
    tol = values.get("tolerance") or {}
    out: dict[str, object] = {
        "calc": calc.name,
        "params": dict(params),
        "cases": tuple(dict(c) for c in cases),
        "pick": values.get("pick"),
        "decimals": values.get("decimals", 2),
        "tol_abs": tol.get("abs"),
        "tol_rel": tol.get("rel"),
    }
    if d.get("type") == "choice":
        distractors = read_distractors(r, d, calc.name, what)
        if distractors is None:
            return None
        out["distractors"] = distractors
    r.placeholders(d, what, known)
    return out if all(drawable) else None


def read_distractors(r: Reader, d: Marked, default_calc: str, what: str) -> tuple[Distractor, ...] | None:
    raw = d.get("distractors")
    if raw is None:
        return None  # reported as missing
    if not isinstance(raw, list) or len(raw) < 2:
        r.problem(d.at("distractors"), f"{what}: a computed choice question needs at least 2 'distractors'")
        return None
    out: list[Distractor] = []
    for i, x in enumerate(raw, 1):
        label = f"{what} distractor {i}"
        if not isinstance(x, Marked):
            r.problem(d.at("distractors"), f"{label} must be a mapping (calc, params, why)")
            continue
        r.unknown_fields(x, DISTRACTOR.names, label)
        r.checked(x, DISTRACTOR.fields, label)
        calc = _calc(r, x, label, default_calc)
        params = x.get("params") or {}
        if not isinstance(params, dict):
            r.problem(x.at("params"), f"{label}: 'params' must be a mapping")
            continue
        if calc is None:
            continue
        known = {p.name for p in calc.params}
        for key in params:
            if key not in known:
                r.problem(x.at("params"), f"{label}: '{calc.name}' has no parameter '{key}'")
        why = r.text(x, "why", label)
        if why is not None:
            out.append(Distractor(why=why, calc=calc.name, params=dict(params)))
    return tuple(out)


# ------------------------------------------------------------------- kinds
CHOICE = KindFields(
    "choice",
    "Multiple choice: 4 or 5 written options, or a computed answer among computed wrong values.",
    (
        Form(
            "listed",
            "a choice question with written options",
            (
                Field(
                    "options",
                    list_of(OPTION, "list of options", 4, 5),
                    "4 or 5 options, shown ①②③④⑤ in random order.",
                    required=True,
                ),
                Field(
                    "answer",
                    CHOICE_ANSWER,
                    "The correct option's position as written, 1-based.",
                    required=True,
                ),
            ),
            read_listed_choice,
            rules=(
                {
                    "if": {"required": ["options"], "properties": {"options": {"maxItems": 4}}},
                    "then": {"properties": {"answer": {"maximum": 4}}},
                },
            ),
        ),
        Form(
            "computed",
            "a computed choice question",
            (
                *COMPUTED,
                Field(
                    "distractors",
                    list_of(DISTRACTOR, "list of distractors", 2),
                    "At least 2 wrong values, each computed from a misconception.",
                    required=True,
                ),
            ),
            read_computed,
            when="calc",
        ),
    ),
)

OX = KindFields(
    "ox",
    "True or false: the learner answers O or X.",
    (
        Form(
            "ox",
            "an ox question",
            (Field("answer", OX_ANSWER, "O (true) or X (false).", required=True),),
            read_ox,
        ),
    ),
)

NUMERIC = KindFields(
    "numeric",
    "A number computed by the engine from drawn parameters; the learner types it.",
    (Form("numeric", "a numeric question", COMPUTED, read_computed),),
)

for _kind in (CHOICE, OX, NUMERIC):
    register_kind(_kind)
