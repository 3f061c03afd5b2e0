"""``topa plot`` and ``topa export``: pictures and other formats (issue 6).

Also the shell-completion callbacks of topic, concept and plot names. They read only the
bundled ``concepts.yaml`` (PyYAML, no NumPy) and never raise: a completion that fails
completes nothing. plotext, genanki and the engine are imported inside the commands.
"""

from __future__ import annotations

import math
from pathlib import Path

import typer
from typer.core import TyperGroup

try:  # Typer >= 0.2x vendors its own click
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover - older Typer on click
    from click import exceptions as click  # type: ignore[no-redef]

from ..errors import UsageError
from .common import BANK_OPTION, LANG_OPTION

EXPORT_FORMATS = ("anki", "gift", "json")


# ----------------------------------------------------------------- completion
def _bundled_concepts() -> dict:
    """The parsed bundled concepts.yaml (safe loader; no NumPy, no full bank load)."""
    import yaml

    from ..bank.loader import bundled_bank_dir

    path = bundled_bank_dir() / "concepts.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    return data if isinstance(data, dict) else {}


def complete_topic(incomplete: str) -> list[tuple[str, str]]:
    """Topic ids of the bundled bank starting with ``incomplete``, with their English names."""
    try:
        topics = _bundled_concepts().get("topics") or {}
        return [
            (str(t), str((names or {}).get("en", "")))
            for t, names in topics.items()
            if str(t).startswith(incomplete)
        ]
    except Exception:  # noqa: BLE001 - completion must never crash the shell
        return []


def complete_concept(incomplete: str) -> list[tuple[str, str]]:
    """Concept ids (and topic prefixes, which --concept accepts) starting with ``incomplete``."""
    try:
        data = _bundled_concepts()
        out = [
            (str(t), "every concept of the topic")
            for t in (data.get("topics") or {})
            if str(t).startswith(incomplete)
        ]
        for c in data.get("concepts") or []:
            cid = str(c.get("id", "")) if isinstance(c, dict) else ""
            if cid and cid.startswith(incomplete):
                out.append((cid, str(c.get("en", ""))))
        return out
    except Exception:  # noqa: BLE001 - completion must never crash the shell
        return []


def complete_plot_name(incomplete: str) -> list[tuple[str, str]]:
    try:
        from .plots import PLOT_NAMES

        return [(n, h) for n, h in PLOT_NAMES.items() if n.startswith(incomplete)]
    except Exception:  # noqa: BLE001 - completion must never crash the shell
        return []


# ----------------------------------------------------------------------- plot
def _numbers(option: str, values: list[str]) -> list[float]:
    out: list[float] = []
    for raw in values:
        for part in str(raw).split(","):
            if not part.strip():
                continue
            try:
                out.append(float(part))
            except ValueError:
                raise UsageError(f"{option}: expected numbers, got '{part.strip()}'") from None
    return out


def plot(
    names: list[str] | None = typer.Argument(
        None,
        metavar="NAME...",
        autocompletion=complete_plot_name,
        help="sigmoid, tanh, relu, leaky-relu, step, sigmoid-derivative, tanh-derivative, relu-derivative; "
        "or lr (the learning-rate effect).",
    ),
    derivative: bool = typer.Option(
        False, "--derivative", "-d", help="Also draw each function's derivative."
    ),
    range_: tuple[float, float] = typer.Option(
        (-6.0, 6.0), "--range", metavar="LOW HIGH", help="The x range; negative numbers work: --range -6 6."
    ),
    lr: list[str] | None = typer.Option(
        None,
        "--lr",
        metavar="ETA...",
        help="For 'lr': learning rates η, e.g. --lr 0.01 0.1 1.1 (or repeat --lr) [default: 0.01 0.1 1.1].",
    ),
    steps: int = typer.Option(20, "--steps", min=1, max=200, help="For 'lr': gradient-descent steps."),
    alpha: float = typer.Option(0.01, "--alpha", help="Slope α of leaky-relu for x < 0 (PyTorch's default)."),
) -> None:
    """그래프 — draw activation functions (and derivatives) or the learning-rate effect in the terminal.

    [bold]topa plot lr[/] runs gradient descent on f(θ) = θ² from θ₀ = 1 with each learning
    rate: too small is slow, a good one converges, too large (η > 1) diverges.
    """
    from .console import out_console
    from .plots import plot_command

    names = list(names or [])
    lrs = _numbers("--lr", list(lr or []))
    if "lr" in names:  # --lr 0.01 0.1 1.1: the numbers after the first land among the names
        extra = [n for n in names if n != "lr"]
        lrs += _numbers("--lr", [n for n in extra if _is_number(n)])
        names = ["lr"] + [n for n in extra if not _is_number(n)]
        lrs = lrs or [0.01, 0.1, 1.1]
    elif lr:
        raise UsageError("--lr is for 'topa plot lr'")
    plot_command(out_console(), names, float(range_[0]), float(range_[1]), derivative, lrs, steps, alpha)


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text.split(",")[0]))
    except ValueError:
        return False


# --------------------------------------------------------------------- export
class ExportGroup(TyperGroup):
    """``topa export FORMAT``: an unknown format is a usage error naming the known ones."""

    def resolve_command(self, ctx, args):  # noqa: ANN001, ANN201
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.commands:
            raise click.UsageError(
                f"unknown export format '{name}'; choose one of {', '.join(EXPORT_FORMATS)}", ctx
            )
        return super().resolve_command(ctx, args)


export_app = typer.Typer(
    cls=ExportGroup,
    help="내보내기 — export the bank to Anki (.apkg), Moodle GIFT or JSON.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)

OUT_HELP = "Output file."
VARIANTS_HELP = "Sampled variants per computed question (fewer when its parameters allow fewer)."


def _warn(message: str) -> None:
    from .console import err_console

    err_console().print(f"[yellow]warning:[/] {message}", highlight=False, soft_wrap=True)


@export_app.callback()
def _export_root() -> None:
    """내보내기 — export the bank to Anki (.apkg), Moodle GIFT or JSON.

    Formats: anki, gift, json.
    """


@export_app.command("anki", epilog="Example: topa export anki --out topa.apkg --variants 5 --lang en")
def export_anki(
    out: Path = typer.Option(
        Path("topa.apkg"), "--out", "-o", help=OUT_HELP + " [default: topa.apkg]", show_default=False
    ),
    variants: int = typer.Option(5, "--variants", min=1, max=50, help=VARIANTS_HELP),
    lang: str | None = LANG_OPTION,
    bank_paths: list[Path] | None = BANK_OPTION,
) -> None:
    """An Anki deck: one note per question (computed ones as variants with worked steps).

    Notes keep stable ids, so importing a newer export updates the cards already in Anki.
    Tags: the topic and the concept ids.
    """
    from ..export.anki import export_anki as write
    from .common import load_questions
    from .console import language, out_console

    lang = language(lang)
    bank = load_questions(bank_paths)
    count = write(bank, out, lang, variants, _warn)
    out_console().print(
        f"wrote {count} notes ({len(bank.questions)} questions) to {out}",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


@export_app.command("gift", epilog="Example: topa export gift --out topa.gift --lang ko")
def export_gift(
    out: Path = typer.Option(
        Path("topa.gift"), "--out", "-o", help=OUT_HELP + " [default: topa.gift]", show_default=False
    ),
    variants: int = typer.Option(3, "--variants", min=1, max=50, help=VARIANTS_HELP),
    lang: str | None = LANG_OPTION,
    bank_paths: list[Path] | None = BANK_OPTION,
) -> None:
    """Moodle GIFT: multiple choice with feedback per option, numeric with tolerance, O/X as T/F."""
    from ..export import write_text
    from ..export.gift import export_gift as render
    from .common import load_questions
    from .console import language, out_console

    lang = language(lang)
    bank = load_questions(bank_paths)
    text, count = render(bank, lang, variants, _warn)
    write_text(out, text)
    out_console().print(
        f"wrote {count} GIFT questions ({len(bank.questions)} bank questions) to {out}",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


@export_app.command("json", epilog="Example: topa export json --out bank.json")
def export_json(
    out: str | None = typer.Option(None, "--out", "-o", help="Output file; '-' or none: standard output."),
    bank_paths: list[Path] | None = BANK_OPTION,
) -> None:
    """The resolved bank as plain JSON: topics, concepts and every question with all its fields."""
    from ..export import write_text
    from ..export.jsonfile import export_json as render
    from .common import load_questions

    bank = load_questions(bank_paths)
    text = render(bank)
    if out in (None, "-"):
        typer.echo(text, nl=False)
        return
    write_text(Path(out), text)  # type: ignore[arg-type]


def register(root: typer.Typer) -> None:
    """Add the plot and export commands to the root app."""
    root.command(
        "plot",
        epilog="Example: topa plot sigmoid tanh --derivative --range -6 6 ; topa plot lr --lr 0.01 0.1 1.1",
        context_settings={"help_option_names": ["-h", "--help"]},
    )(plot)
    root.add_typer(export_app, name="export", epilog="Example: topa export anki --out topa.apkg")
