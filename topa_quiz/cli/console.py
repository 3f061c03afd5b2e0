"""Consoles and the settings every command shares (language, width)."""

from __future__ import annotations

import os

from rich.console import Console


def out_console() -> Console:
    """A console on the current stdout (looked up at print time, so test runners capture it)."""
    return Console(highlight=False, soft_wrap=False)


def err_console() -> Console:
    return Console(stderr=True, highlight=False)


def data_location() -> str | None:
    from ..store.paths import database_path

    try:
        return str(database_path())
    except Exception:  # noqa: BLE001 - --version must work even where the path cannot be resolved
        return None


def language(value: str | None) -> str:
    """--lang, else TOPA_LANG, else Korean."""
    from ..errors import UsageError

    lang = (value or os.environ.get("TOPA_LANG") or "ko").strip().lower()
    if lang not in ("ko", "en"):
        raise UsageError(f"--lang: expected ko or en, got '{lang}'")
    return lang
