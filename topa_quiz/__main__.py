"""The ``topa`` console script and ``python -m topa_quiz``.

Kept tiny on purpose: Ctrl-C pressed while the command line is still being imported (the
first fraction of a second) ends the program quietly with status 130, not with a
KeyboardInterrupt traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    from topa_quiz import startup

    startup.pause()  # no cyclic collection while starting up (see topa_quiz.startup)
    try:
        try:
            from topa_quiz.cli import main as run
        except KeyboardInterrupt:
            sys.exit(130)
        try:
            run()
        except KeyboardInterrupt:  # between the import and the root group's own handling
            sys.exit(130)
    finally:
        startup.resume()


if __name__ == "__main__":
    main()
