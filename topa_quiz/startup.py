"""Start-up without the cyclic garbage collector, then collection as usual.

Importing Typer, Rich, NumPy and the package and loading a bank allocate hundreds of
thousands of objects that live until the process ends. CPython's cyclic collector, run
every 700 allocations, walks them again and again for nothing: about 30 ms of
``topa quiz``'s start-up, and another 25 ms in the collection at interpreter exit. So the
console script pauses the collector (:func:`pause`) until the program first waits for the
learner (:func:`settled`, called by :meth:`~topa_quiz.cli.env.Environment.ask`), moves
what start-up built to the permanent generation (``gc.freeze``: never scanned again) and
collects as usual from then on. At exit the survivors are frozen too, which makes the
interpreter's final collection nearly free. Reference counting frees everything else as
always, so memory grows only by the cyclic garbage of start-up, which is little.
"""

from __future__ import annotations

import atexit
import gc

_paused = False
_at_exit = False


def pause() -> None:
    """Stop cyclic collection until :func:`settled` or :func:`resume` (no-op when it is off)."""
    global _paused, _at_exit
    if gc.isenabled():
        gc.disable()
        _paused = True
        if not _at_exit:
            atexit.register(gc.freeze)
            _at_exit = True


def settled() -> None:
    """Start-up is over: freeze what it built and collect from now on."""
    if _paused:
        gc.freeze()
        resume()


def resume() -> None:
    """Collect as before :func:`pause` (the console script's command has ended)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
