"""The computed form of a question, shared by the kinds whose answer the engine computes.

``COMPUTED`` is its group of fields (calc, params, cases, answer_step, pick, decimals,
tolerance);
:func:`read_computed` reads and checks them, :func:`read_computed_choice` adds the
distractors of a computed choice question. The kinds themselves are declared in
:mod:`topa_quiz.kinds`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import Msg
from .fields import CALC, CASES, PARAMS, STEP_KEY, TOLERANCE, Field, whole_number
from .model import Distractor
from .records import DISTRACTOR
from .yamlread import Marked

if TYPE_CHECKING:
    from .reader import Reader

COMPUTED = (
    Field("calc", CALC, "The engine calculation that gives the answer, by name.", required=True),
    Field("params", PARAMS, "Its parameters: fixed values or forms to draw them from."),
    Field("cases", CASES, "Complete parameter sets; one is drawn, then `params` applies on top."),
    Field(
        "answer_step",
        STEP_KEY,
        "The answer is the last worked step with this key (`m_hat`, `v_hat`, `m`, `v`, …) "
        "instead of the result.",
    ),
    Field(
        "pick",
        whole_number(0, None, Msg("problem.must.pick")),
        "The 0-based element of a vector result.",
    ),
    Field(
        "decimals",
        whole_number(0, 10, Msg("problem.must.decimals")),
        "Decimals the answer is given to (default 2).",
    ),
    Field(
        "tolerance",
        TOLERANCE,
        "Right when |a − t| ≤ max(abs, rel·|t|); default: half a unit of the last decimal.",
    ),
)


def _calc(r: Reader, d: Marked, what: Msg | str, default: str | None = None) -> Any:
    from ..engine.registry import closest, lookup

    name = d.get("calc", default)
    calc = lookup(str(name))
    if calc is None:
        guess = closest(str(name))
        if guess:
            r.said(d.at("calc"), "problem.calc.unknown_guess", what=what, name=str(name), guess=guess)
        else:
            r.said(d.at("calc"), "problem.calc.unknown", what=what, name=str(name))
    return calc


def _check_params(r: Reader, source: Marked, known: set[str], calc: str, what: Msg | str) -> bool:
    """Report parameters the calculation does not take and forms that cannot be drawn;
    False when a form cannot be drawn (the question is then unusable)."""
    from .sampling import spec_problem

    drawable = True
    for key, spec in source.items():
        where = source.at(key)
        issue = spec_problem(spec)
        if issue:
            r.said(where, "problem.param.form", what=what, key=str(key), issue=issue)
            drawable = False
        if key not in known:
            from difflib import get_close_matches

            guess = get_close_matches(str(key), known, n=1)
            if guess:
                r.said(
                    where, "problem.param.unknown_guess", what=what, calc=calc, key=str(key), guess=guess[0]
                )
            else:
                takes = ", ".join(sorted(known))
                r.said(where, "problem.param.unknown_takes", what=what, calc=calc, key=str(key), takes=takes)
    return drawable


def read_computed(r: Reader, d: Marked, values: dict[str, Any], what: Msg | str) -> dict[str, object] | None:
    """The fields of a question whose answer the engine computes (numeric, computed choice)."""
    if "calc" not in values:
        return None
    calc = _calc(r, d, what)
    if calc is None:
        return None
    params = d.get("params") or Marked()
    if not isinstance(params, Marked):
        r.said(d.at("params"), "problem.param.params_not_mapping", what=what)
        return None
    cases = d.get("cases") or []
    if not isinstance(cases, list) or not all(isinstance(c, Marked) for c in cases):
        r.said(d.at("cases"), "problem.param.cases_not_list", what=what)
        return None
    known = {p.name for p in calc.params}
    drawable = [_check_params(r, source, known, calc.name, what) for source in [params, *cases]]
    tol = values.get("tolerance") or {}
    out: dict[str, object] = {
        "calc": calc.name,
        "params": dict(params),
        "cases": tuple(dict(c) for c in cases),
        "answer_step": values.get("answer_step"),
        "pick": values.get("pick"),
        "decimals": values.get("decimals", 2),
        "tol_abs": tol.get("abs"),
        "tol_rel": tol.get("rel"),
    }
    r.placeholders(d, what, known)
    return out if all(drawable) else None


def read_distractors(
    r: Reader, d: Marked, default_calc: str, what: Msg | str
) -> tuple[Distractor, ...] | None:
    raw = d.get("distractors")
    if raw is None:
        return None  # reported as missing
    if not isinstance(raw, list) or len(raw) < 2:
        r.said(d.at("distractors"), "problem.choice.few_distractors", what=what)
        return None
    out: list[Distractor] = []
    for i, x in enumerate(raw, 1):
        label = Msg("problem.what.distractor", {"what": what, "n": i})
        if not isinstance(x, Marked):
            r.said(d.at("distractors"), "problem.choice.distractor_not_mapping", what=label)
            continue
        r.unknown_fields(x, DISTRACTOR.names, label)
        checked = r.checked(x, DISTRACTOR.fields, label)
        calc = _calc(r, x, label, default_calc)
        params = x.get("params") or {}
        if not isinstance(params, dict):
            r.said(x.at("params"), "problem.choice.distractor_params", what=label)
            continue
        if calc is None:
            continue
        known = {p.name for p in calc.params}
        for key in params:
            if key not in known:
                r.said(x.at("params"), "problem.param.unknown", what=label, calc=calc.name, key=str(key))
        why = r.text(x, "why", label)
        if why is not None:
            step = checked.get("answer_step")
            out.append(Distractor(why=why, calc=calc.name, params=dict(params), answer_step=step))  # type: ignore[arg-type]
    return tuple(out)


def read_computed_choice(
    r: Reader, d: Marked, values: dict[str, Any], what: Msg | str
) -> dict[str, object] | None:
    """A computed question plus the wrong values computed from named misconceptions."""
    out = read_computed(r, d, values, what)
    if out is None:
        return None
    distractors = read_distractors(r, d, str(out["calc"]), what)
    return None if distractors is None else {**out, "distractors": distractors}
