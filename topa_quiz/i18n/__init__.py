"""The catalog of learner-facing words: one package per language, the only place that knows
what each language says.

Code asks a :class:`Catalog` for a message by id and never branches on the language::

    >>> from topa_quiz.i18n import catalog
    >>> catalog("en")("answer")
    'Answer'
    >>> catalog("ko")("decimals", n=4)
    '소수점 4자리'

Each language is a package (``i18n/ko/``, ``i18n/en/``) with one module per area of the
product (:data:`AREAS`), each defining a ``MESSAGES`` dict; the catalog merges them. Adding a language is adding one such package (and the bank's translations); a test
checks that every language has the same ids with the same ``{placeholders}``.
"""

from __future__ import annotations

import importlib
from functools import cache

LANGS: tuple[str, ...] = ("ko", "en")
#: the modules of every language's package, one per area of the product
AREAS: tuple[str, ...] = (
    "bank",
    "cli",
    "common",
    "engine",
    "export",
    "learn",
    "network",
    "plan",
    "plots",
    "session",
    "store",
)
DEFAULT_LANG = "ko"


class UnknownLanguage(ValueError):
    """A language with no catalog."""

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self.lang = lang


class Catalog:
    """The messages of one language; ``catalog("ko")("answer")`` -> ``'정답'``."""

    def __init__(self, lang: str, messages: dict[str, str]) -> None:
        self.lang = lang
        self.messages = messages

    def __call__(self, key: str, /, **args: object) -> str:
        """The message ``key`` with its ``{placeholders}`` filled (a missing id is a bug: KeyError)."""
        text = self.messages[key]
        return text.format(**args) if args else text

    def has(self, key: str) -> bool:
        return key in self.messages

    def __repr__(self) -> str:
        return f"Catalog({self.lang!r}, {len(self.messages)} messages)"


def messages_of(lang: str) -> dict[str, str]:
    """Every message of ``lang``, merged from the modules of its package."""
    if lang not in LANGS:
        raise UnknownLanguage(lang)
    merged: dict[str, str] = {}
    for area in AREAS:
        module = importlib.import_module(f"{__name__}.{lang}.{area}")
        for key, text in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message id {key!r} is defined twice in the {lang} catalog")
            merged[key] = text
    return merged


@cache
def catalog(lang: str = DEFAULT_LANG) -> Catalog:
    """The catalog of ``lang`` (``ko`` or ``en``); :class:`UnknownLanguage` otherwise."""
    return Catalog(lang, messages_of(lang))
