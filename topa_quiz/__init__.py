"""topa-quiz: terminal drills for the TOPA level-1 AI certification.

The command line (:mod:`topa_quiz.cli`) is one client of the package; the layers below it
are usable on their own: :func:`topa_quiz.engine.compute` for reference values,
:mod:`topa_quiz.bank` to load and validate question banks, :mod:`topa_quiz.session` to
draw, grade and explain questions.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
