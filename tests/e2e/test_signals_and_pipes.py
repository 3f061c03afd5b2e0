"""Ctrl-C at any moment of start-up, a reader that goes away, COLUMNS=0 (issue 13 items 9, 18, 26)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TOPA = Path(sys.executable).with_name("topa")


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return dict(os.environ, TOPA_HOME=str(tmp_path / "home"), NO_COLOR="1", **extra)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_ctrl_c_during_start_up_never_prints_a_traceback(tmp_path):
    env = _env(tmp_path)
    for delay in (0.0, 0.02, 0.05, 0.08, 0.11, 0.14, 0.18, 0.22, 0.27, 0.33):
        proc = subprocess.Popen(
            [str(TOPA), "quiz", "-n", "1"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        try:
            _out, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
        text = err.decode(errors="replace")
        if "Traceback" in text:
            # Python's own start-up (site, the script's first import of our package, which
            # imports nothing) can be interrupted before any function of ours runs; from the
            # entry function on, Ctrl-C must end quietly
            assert not re.search(r'topa_quiz/__main__\.py", line \d+, in main', text), (delay, text)
            assert "topa_quiz/cli" not in text, (delay, text)
            continue
        assert proc.returncode in (130, -signal.SIGINT), (delay, proc.returncode)


def test_a_reader_that_goes_away_is_no_error(tmp_path):
    proc = subprocess.run(
        f"'{TOPA}' bank list | head -c 10", shell=True, capture_output=True, env=_env(tmp_path), check=False
    )
    assert proc.returncode == 0
    done = subprocess.Popen(
        [str(TOPA), "bank", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path)
    )
    done.stdout.read(10)
    done.stdout.close()  # the reader leaves after 10 bytes
    err = done.stderr.read()
    assert done.wait(timeout=30) == 0
    assert err == b""


def test_columns_zero_still_shows_the_question(tmp_path):
    proc = subprocess.run(
        [str(TOPA), "quiz", "-n", "1", "--seed", "1", "--lang", "en"],
        input=b"",
        capture_output=True,
        env=_env(tmp_path, COLUMNS="0"),
        check=False,
    )
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert "1/1" in text and "Summary" in text or "No questions were answered" in text
