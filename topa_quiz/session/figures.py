"""The figures of ``topa stats``: read from the progress store, ready for a renderer or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..bank.model import Bank
    from .readiness_figures import History


def progress_figures(
    since_days: int | None = None, readiness: Callable[[History], object] | None = None
) -> dict[str, object]:
    """Every figure as plain data; ``{"recorded": False, ...}`` before the first answer.

    With ``readiness``, ``"readiness"`` is what it makes of the learner's history, read
    through the same connection (one check of the file, not two).
    """
    from ..store.paths import database_path

    path = database_path()
    if not path.exists():
        return {"database": str(path), "recorded": False}
    from ..store.db import connect
    from ..store.stats import as_json, collect

    conn = connect(path, create=False, write=False)  # a read-only file is still read
    try:
        data: dict[str, object] = {"recorded": True, **as_json(collect(conn, since_days), str(path))}
        if readiness is not None:
            from .readiness_figures import history_from

            data["readiness"] = readiness(history_from(conn))
        return data
    finally:
        conn.close()


def bank_for_names() -> Bank | None:
    """The bundled bank plus TOPA_BANK, for display names; figures never fail because of a bank."""
    try:
        from ..bank.loader import bank_paths_from, load_bank

        bank, _problems = load_bank(bank_paths_from(None))
        return bank
    except Exception:  # noqa: BLE001 - names are a nicety; ids are shown instead
        return None


def bank_counts(bank: Bank) -> dict[str, object]:
    """Questions per topic, per type (``choice-computed`` apart) and per concept."""
    from collections import Counter

    from ..kinds import kind_of

    by_topic: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_concept: Counter[str] = Counter()
    for q in bank.questions:
        by_topic[bank.topic_of(q)] += 1
        computed = q.computed and not kind_of(q.type).always_computed
        by_type[q.type + ("-computed" if computed else "")] += 1
        for c in q.concepts:
            by_concept[c] += 1
    return {
        "questions": len(bank.questions),
        "topics": {t: by_topic.get(t, 0) for t in bank.topics},
        "types": dict(sorted(by_type.items())),
        "concepts": {c: by_concept.get(c, 0) for c in bank.concepts},
    }
