"""topa-quiz: terminal drills for the TOPA level-1 AI certification.

The command line (:mod:`topa_quiz.cli`) is one client of this package; the same things are
a Python API that needs no Typer and prints nothing:

>>> import topa_quiz as topa
>>> topa.compute("sigmoid", x=0.0).result
0.5

Names are resolved on first use (PEP 562), so ``import topa_quiz`` stays cheap.
"""

from __future__ import annotations

# Nothing is imported here at run time: the ``topa`` script imports this package first, and
# Ctrl-C in that moment must find nothing of ours half-imported (see __main__.py).
TYPE_CHECKING = False

__version__ = "0.1.0"

#: public name -> the module that defines it
_EXPORTS = {
    "compute": "topa_quiz.engine.api",
    "Calculation": "topa_quiz.engine.core",
    "EngineError": "topa_quiz.engine.core",
    "load_bank": "topa_quiz.bank.loader",
    "Bank": "topa_quiz.bank.model",
    "Question": "topa_quiz.bank.model",
    "QuizOptions": "topa_quiz.session.plan",
    "ExamOptions": "topa_quiz.session.plan",
    "plan_quiz": "topa_quiz.session.plan",
    "plan_exam": "topa_quiz.session.plan",
    "plan_review": "topa_quiz.session.plan",
    "plan_notebook": "topa_quiz.session.plan",
    "Drill": "topa_quiz.session.drill",
    "Attempt": "topa_quiz.session.drill",
    "Summary": "topa_quiz.session.drill",
    "Exam": "topa_quiz.session.exam",
    "ExamResult": "topa_quiz.session.exam",
    "Item": "topa_quiz.session.items",
    "open_recorder": "topa_quiz.store.recorder",
    "catalog": "topa_quiz.i18n",
    "TopaError": "topa_quiz.errors",
}

__all__ = [
    "__version__",
    "compute",
    "Calculation",
    "EngineError",
    "load_bank",
    "Bank",
    "Question",
    "QuizOptions",
    "ExamOptions",
    "plan_quiz",
    "plan_exam",
    "plan_review",
    "plan_notebook",
    "Drill",
    "Attempt",
    "Summary",
    "Exam",
    "ExamResult",
    "Item",
    "open_recorder",
    "catalog",
    "TopaError",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from .bank.loader import load_bank
    from .bank.model import Bank, Question
    from .engine.api import compute
    from .engine.core import Calculation, EngineError
    from .errors import TopaError
    from .i18n import catalog
    from .session.drill import Attempt, Drill, Summary
    from .session.exam import Exam, ExamResult
    from .session.items import Item
    from .session.plan import ExamOptions, QuizOptions, plan_exam, plan_notebook, plan_quiz, plan_review
    from .store.recorder import open_recorder


assert set(__all__) == {"__version__", *_EXPORTS}


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'topa_quiz' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
