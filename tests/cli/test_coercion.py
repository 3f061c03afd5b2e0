"""Plain options are converted without Pydantic, with click's wording of a bad value."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pytest

from topa_quiz.cli.coercion import plain_shape


@pytest.mark.parametrize(
    ("annotation", "shape"),
    [
        (int, (int, False)),
        (Optional[float], (float, False)),
        (list[str] | None, (str, True)),
        (Optional[list[Path]], (Path, True)),
        (dict[str, int], None),
        (tuple[int, int], None),
    ],
)
def test_plain_shapes(annotation, shape):
    assert plain_shape(annotation) == shape


def test_no_command_imports_pydantic():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from topa_quiz.cli import app\n"
        "try:\n    app(['calc', 'adam', '--param', '1', '--grad', '0.5', '--json'])\n"
        "except SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize(
    ("value", "word"), [("abc", "'abc' is not a whole number"), ("1e3", "'1e3' is not a whole number")]
)
def test_a_bad_integer_is_one_usage_line(run, value, word):
    r = run("quiz", "--count", value, env={"TOPA_LANG": "en"})
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == [
        f"error: bad value for '--count' / '-n': {word} (see 'topa quiz --help')"
    ]
