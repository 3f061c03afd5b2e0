"""Shell completion of topic, concept and plot names.

The callbacks read only the bundled ``concepts.yaml`` (PyYAML, no NumPy) and the engine's
registry (metadata), and never raise: a completion that fails completes nothing.
"""

from __future__ import annotations


def _bundled_concepts() -> dict:
    """The parsed bundled concepts.yaml (safe loader; no NumPy, no full bank load)."""
    import yaml

    from ..bank.loader import bundled_bank_dir

    path = bundled_bank_dir() / "concepts.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    return data if isinstance(data, dict) else {}


def _lang() -> str:
    import os

    from ..i18n import DEFAULT_LANG, LANGS

    lang = (os.environ.get("TOPA_LANG") or DEFAULT_LANG).strip().lower()
    return lang if lang in LANGS else DEFAULT_LANG


def complete_topic(incomplete: str) -> list[tuple[str, str]]:
    """Topic ids of the bundled bank starting with ``incomplete``, with their names."""
    try:
        lang = _lang()
        topics = _bundled_concepts().get("topics") or {}
        return [
            (str(t), str((names or {}).get(lang, "")))
            for t, names in topics.items()
            if str(t).startswith(incomplete)
        ]
    except Exception:  # noqa: BLE001 - completion must never crash the shell
        return []


def complete_concept(incomplete: str) -> list[tuple[str, str]]:
    """Concept ids (and topic prefixes, which --concept accepts) starting with ``incomplete``."""
    try:
        lang = _lang()
        data = _bundled_concepts()
        topics = data.get("topics") or {}
        out = [
            (str(t), str((n or {}).get(lang, ""))) for t, n in topics.items() if str(t).startswith(incomplete)
        ]
        for c in data.get("concepts") or []:
            cid = str(c.get("id", "")) if isinstance(c, dict) else ""
            if cid and cid.startswith(incomplete):
                out.append((cid, str(c.get(lang, ""))))
        return out
    except Exception:  # noqa: BLE001 - completion must never crash the shell
        return []


def complete_plot_name(incomplete: str) -> list[tuple[str, str]]:
    """What ``topa plot`` draws (from the engine's registry), starting with ``incomplete``."""
    try:
        from ..render.plots import plot_names

        return [(n, h) for n, h in plot_names(_lang()).items() if n.startswith(incomplete)]
    except Exception:  # noqa: BLE001 - completion must never crash the shell
        return []
