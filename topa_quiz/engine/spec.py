"""The types of the registry: a calculation (:class:`Calc`) and its parameters (:class:`Param`).

Metadata only (no NumPy): the words they show come from the catalog (:mod:`topa_quiz.i18n`).

Parameter kinds
---------------
``number``  one real number.
``int``     one integer.
``vector``  one number or a 1-D list; a scalar input gives a scalar result.
``batch``   a 1-D list (one sample) or a list of rows (several samples).
``steps``   optimizer gradients: one entry per step; each entry is a number
            (scalar parameter) or a list (vector parameter).
``flag``    true/false.
``choice``  one of ``choices``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .limits import MAX_STEP_VALUES, MAX_STEPS, MAX_VALUES

REQUIRED = object()

#: the command-line placeholder of each kind of value
METAVARS = {"number": "NUM", "int": "INT", "vector": "V", "batch": "ROWS", "steps": "G"}


def catalog_text(lang: str, key: str, **args: object) -> str:
    """The catalog message ``key`` in ``lang`` (the catalog is imported when first needed)."""
    from ..i18n import catalog

    return catalog(lang)(key, **args)


def _num(v: float) -> str:
    """1e-08 as 1e-8, 0.5 as 0.5: the way the help and the errors write a number."""
    text = f"{v:g}"
    if "e" in text:
        mant, exp = text.split("e")
        return f"{mant}e{int(exp)}"
    return text


@dataclass(frozen=True)
class Param:
    """One parameter of a calculation: its kind, default, bounds and help."""

    name: str
    kind: str
    #: catalog id of the help text, e.g. ``calc.param.lr``
    help_id: str
    default: object = REQUIRED
    positional: bool = False
    choices: tuple[str, ...] = ()
    #: closed bounds unless the matching *_open flag is set
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    @property
    def option(self) -> str:
        """The command-line spelling: ``y_true`` -> ``--y-true``."""
        return "--" + self.name.replace("_", "-")

    def help(self, lang: str = "en") -> str:
        """What the parameter is, in ``lang``."""
        return catalog_text(lang, self.help_id)

    def bounds_text(self, lang: str = "en") -> str:
        """The allowed values and the size caps, in ``lang``: "in [0, 1)", "at most 1000 values"."""
        parts = [self._range(lang)]
        if self.kind in ("vector", "batch"):
            parts.append(catalog_text(lang, "calc.bound.max_values", n=MAX_VALUES))
        elif self.kind == "steps":
            parts.append(catalog_text(lang, "calc.bound.max_steps", n=MAX_STEPS, m=MAX_STEP_VALUES))
        return "; ".join(p for p in parts if p)

    def _range(self, lang: str) -> str:
        lo = "" if self.low is None else ("(" if self.low_open else "[") + _num(self.low)
        hi = "" if self.high is None else _num(self.high) + (")" if self.high_open else "]")
        if self.low is not None and self.high is not None:
            return catalog_text(lang, "calc.bound.interval", interval=f"{lo}, {hi}")
        if self.low is not None:
            return catalog_text(lang, "calc.bound.gt" if self.low_open else "calc.bound.ge", v=_num(self.low))
        if self.high is not None:
            return catalog_text(
                lang, "calc.bound.lt" if self.high_open else "calc.bound.le", v=_num(self.high)
            )
        return ""

    def usage(self) -> str:
        """How the parameter is written on the command line: ``--lr NUM``, ``[--alpha 0.01]``."""
        if self.positional:
            return "X..."
        if self.kind == "steps":
            return f"{self.option} G..."
        if self.kind == "flag":
            return f"[--no-{self.option[2:]}]" if self.default else f"[{self.option}]"
        if self.kind == "choice":
            shown = str(self.default) if not self.required else "|".join(self.choices)
        else:
            shown = METAVARS[self.kind] if self.required or self.default is None else _num(self.default)  # type: ignore[arg-type]
        return f"{self.option} {shown}" if self.required else f"[{self.option} {shown}]"


@dataclass(frozen=True)
class Calc:
    """A calculation of the registry: the one description of it (command, plot, schema)."""

    name: str
    target: str
    topic: str
    params: tuple[Param, ...]
    example: str
    scalar_param: str | None = field(default=None)
    #: what ``--plot`` and ``topa plot`` can draw: "curve" (an element-wise function of x,
    #: drawn over a range), "path" (an optimizer: the trajectory in its result), or "" (nothing)
    plot: str = ""
    #: for a "curve": the calculation of its derivative, drawn beside it with --derivative
    derivative: str = ""

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    @property
    def summary_id(self) -> str:
        return f"calc.{self.name}.summary"

    @property
    def notes_id(self) -> str:
        return f"calc.{self.name}.notes"

    def title(self, lang: str = "en") -> str:
        """The calculation's name as a picture shows it (시그모이드, Adam); the command name else."""
        from ..i18n import catalog

        book = catalog(lang)
        key = f"calc.{self.name}.title"
        return book(key) if book.has(key) else self.name

    def summary(self, lang: str = "en") -> str:
        """One line: what the calculation computes, in ``lang``."""
        return catalog_text(lang, self.summary_id)

    def notes(self, lang: str = "en") -> str:
        """Conventions and where Keras differs, in ``lang``; "" when there are none."""
        from ..i18n import catalog

        book = catalog(lang)
        return book(self.notes_id) if book.has(self.notes_id) else ""

    def usage(self) -> str:
        """``name`` and its options as typed: ``leaky-relu X... [--alpha 0.01]``."""
        return " ".join([self.name, *(p.usage() for p in self.params)])
