"""The NumPy reference engine: every formula of the notes, computed as PyTorch does.

Use :func:`compute` with a registry name and the parameters as plain Python values::

    >>> from topa_quiz.engine import compute
    >>> compute("sigmoid", x=0.0).result
    0.5

Every input is checked against the registry (kind, bounds, shapes); a bad one raises
:class:`EngineError` naming the parameter. No I/O, no Rich, no YAML here.

Importing this package is cheap: the registry is metadata, and NumPy is loaded only when
``compute`` or the result types are first used (PEP 562 module ``__getattr__``), so the
command line's help and the bank validator's name checks do not pay for it.
"""

from __future__ import annotations

from .registry import CALCS, Calc, Param, lookup

__all__ = ["CALCS", "Calc", "Calculation", "EngineError", "Param", "Step", "compute", "lookup"]

_LAZY = {
    "compute": "api",
    "Calculation": "core",
    "EngineError": "core",
    "Step": "core",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
