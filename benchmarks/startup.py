"""How long `topa` takes to start, against the cost of merely importing its libraries.

    python benchmarks/startup.py [-n 15] [--big DIR] [--size 10000] [--json]

Each command runs N times (interleaved, after one warm-up run each) in a fresh process;
the table shows MEDIANS and each command's ratio to a floor measured in the same run:

    floor A  python -c "import typer, rich"
    floor B  python -c "import typer, rich, numpy"
    floor C  python -c "import typer, rich, numpy, yaml"

`topa --help` is compared with A (it must not import NumPy), `topa calc` with B, and the
commands that load a bank with C. The goals (issue 9): --help <= 1.5x A, calc adam --json
<= 1.3x B, quiz -n 1 to its first prompt <= 1.5x C. "To 1st prompt" is timed until the
prompt is on the quiz's stdout (what a learner waits for); then 'q' is typed, and "whole
run" also counts the summary, closing the store and the interpreter's exit. The synthetic bank (--big) is written with
benchmarks/make_big_bank.py into a temporary directory unless given.
Run it with the project's venv: .venv/bin/python benchmarks/startup.py
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
TOPA = str(Path(PY).with_name("topa.exe" if os.name == "nt" else "topa"))


def timed(cmd: list[str], env: dict[str, str], stdin: bytes = b"q\n") -> float:
    """Seconds for one run; stdin answers 'q' so a quiz ends at its first prompt."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(
            f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr.decode(errors='replace')}"
        )
    return elapsed


PROMPT = "› ".encode()


def to_prompt(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds until the quiz's prompt is on stdout, seconds for the whole run).

    The first is what a learner waits for: the question is drawn and the prompt is there.
    Then 'q' is typed, and the second counts the summary, closing the store and the exit too.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    seen = b""
    while PROMPT not in seen:
        chunk = os.read(proc.stdout.fileno(), 1 << 16)
        if not chunk:
            proc.wait()
            raise SystemExit(
                f"{' '.join(cmd)} showed no prompt:\n{proc.stderr.read().decode(errors='replace')}"
            )
        seen += chunk
    first = time.perf_counter() - start
    proc.stdin.write(b"q\n")
    proc.stdin.close()
    proc.stdout.read()
    proc.wait()
    whole = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(
            f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr.read().decode(errors='replace')}"
        )
    return first, whole


def heavy_imports(env: dict[str, str]) -> dict[str, list[str]]:
    """The heavy modules that `topa --help` and `import topa_quiz.cli` import."""
    heavy = ("numpy", "yaml", "sqlite3", "plotext", "fsrs")
    out = {}
    for label, cmd in {
        "topa --help": [PY, "-X", "importtime", TOPA, "--help"],
        "import topa_quiz.cli": [PY, "-X", "importtime", "-c", "import topa_quiz.cli"],
    }.items():
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        modules = {
            line.rsplit("|", 1)[-1].strip()
            for line in proc.stderr.splitlines()
            if line.startswith("import time:")
        }
        out[label] = sorted(m for m in heavy if m in modules)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--repeat", type=int, default=15, help="runs per command (default 15)")
    ap.add_argument("--big", type=Path, help="a big bank directory (default: written to a temp dir)")
    ap.add_argument(
        "--size", type=int, default=10_000, help="questions in the written big bank (default 10000)"
    )
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args()
    if not Path(TOPA).exists():
        raise SystemExit(f"no topa executable next to {PY}; run with the project's venv python")

    tmp = tempfile.TemporaryDirectory(prefix="topa-bench-")
    # PYTHONDONTWRITEBYTECODE would make every run compile the package from source (the
    # floor's libraries were compiled by pip at install): byte-compile it as an install does
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("TOPA_BANK", "TOPA_LANG", "PYTHONPROFILEIMPORTTIME", "PYTHONDONTWRITEBYTECODE")
    }
    import topa_quiz

    subprocess.run([PY, "-m", "compileall", "-q", str(Path(topa_quiz.__file__).parent)], check=True, env=env)
    env.update(TOPA_HOME=str(Path(tmp.name) / "home"), NO_COLOR="1", COLUMNS="100")
    big = args.big
    if big is None:
        sys.path.insert(0, str(HERE))
        import make_big_bank

        big = Path(tmp.name) / "big"
        make_big_bank.write(big, args.size)

    floors = {
        "A": [PY, "-c", "import typer, rich"],
        "B": [PY, "-c", "import typer, rich, numpy"],
        "C": [PY, "-c", "import typer, rich, numpy, yaml"],
    }
    commands = {
        "topa --help": ([TOPA, "--help"], "A"),
        "topa calc sigmoid 0": ([TOPA, "calc", "sigmoid", "0"], "B"),
        "topa calc adam --param 1 --grad 0.5 --json": (
            [TOPA, "calc", "adam", "--param", "1", "--grad", "0.5", "--json"],
            "B",
        ),
        "topa quiz -n 1 (to 1st prompt)": ([TOPA, "quiz", "-n", "1"], "C"),
        "topa quiz -n 1 (whole run, q typed)": ([TOPA, "quiz", "-n", "1"], "C"),
        "topa bank stats --json": ([TOPA, "bank", "stats", "--json"], "C"),
        "topa bank stats --json --bank BIG": ([TOPA, "bank", "stats", "--json", "--bank", str(big)], "C"),
        "topa quiz -n 1 --bank BIG (to 1st prompt)": ([TOPA, "quiz", "-n", "1", "--bank", str(big)], "C"),
    }
    runs: dict[str, list[float]] = {name: [] for name in [*(f"floor {k}" for k in floors), *commands]}
    every = {**{f"floor {k}": cmd for k, cmd in floors.items()}, **{k: c for k, (c, _) in commands.items()}}
    for cmd in every.values():  # warm-up: page cache, .pyc files
        timed(cmd, env)
    for _ in range(args.repeat):
        for name, cmd in every.items():
            if name.endswith("(whole run, q typed)"):
                continue  # timed together with the prompt, just below
            if name.endswith("(to 1st prompt)"):
                first, whole = to_prompt(cmd, env)
                runs[name].append(first)
                if name.replace("(to 1st prompt)", "(whole run, q typed)") in runs:
                    runs[name.replace("(to 1st prompt)", "(whole run, q typed)")].append(whole)
                continue
            runs[name].append(timed(cmd, env))
    # the same load without the per-file cache (what the first run after an edit pays)
    cold_env = dict(env, TOPA_NO_CACHE="1")
    cold_cmd = [TOPA, "bank", "stats", "--json", "--bank", str(big)]
    runs["BIG without the cache (3 runs)"] = [timed(cold_cmd, cold_env) for _ in range(3)]
    commands["BIG without the cache (3 runs)"] = (cold_cmd, "C")
    median = {name: statistics.median(times) for name, times in runs.items()}

    rows = [
        (f"floor {k}: {' '.join(cmd[1:])}", median[f"floor {k}"], None, None) for k, cmd in floors.items()
    ]
    for name, (_, floor) in commands.items():
        base = median[f"floor {floor}"]
        rows.append((f"{name}  (vs {floor})", median[name], median[name] - base, median[name] / base))
    print(f"{args.repeat} runs each, medians; python {sys.version.split()[0]}; big bank: {big}")
    print(f"{'command':<48} {'median':>9} {'over floor':>11} {'ratio':>6}")
    for label, m, over, ratio in rows:
        print(
            f"{label:<48} {m * 1000:>7.0f}ms {'' if over is None else f'{over * 1000:+9.0f}ms':>11} "
            f"{'' if ratio is None else f'{ratio:5.2f}x':>6}"
        )
    imports = heavy_imports(env)
    for label, mods in imports.items():
        print(
            f"{label} imports: {', '.join(mods) if mods else 'none of numpy, yaml, sqlite3, plotext, fsrs'}"
        )
    numpy_on_help = "numpy" in imports["topa --help"]
    print("topa --help imports numpy: " + ("YES (it must not)" if numpy_on_help else "no (good)"))
    if args.json:
        print(json.dumps({"repeat": args.repeat, "medians_s": median, "heavy_imports": imports}, indent=2))
    tmp.cleanup()
    return 1 if numpy_on_help else 0


if __name__ == "__main__":
    sys.exit(main())
