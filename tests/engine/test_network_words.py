"""The network steps' words: notes from the catalog in Korean and English, math-only labels.

Steps are taken from the calculation functions themselves (``compute`` hands back label,
formula and value), so that the note ids and their arguments are checked too.
"""

from __future__ import annotations

import json
import re
import string
from importlib import import_module
from pathlib import Path

import pytest

from topa_quiz.engine.core import as_batch, as_vector
from topa_quiz.engine.registry import lookup
from topa_quiz.i18n import catalog
from topa_quiz.i18n.en.network import MESSAGES as EN
from topa_quiz.i18n.ko.network import MESSAGES as KO

GOLDEN = json.loads((Path(__file__).parents[1] / "golden" / "golden_network.json").read_text("utf-8"))
#: the only Latin words a label or formula may hold: function names kept in Latin letters
MATH_WORDS = {"ReLU", "LeakyReLU", "tanh", "softmax", "max", "step", "ln"}


def raw_steps(name: str, inputs: dict) -> list:
    """The function's own steps (with note and args), its inputs converted as compute does."""
    calc = lookup(name)
    module, attr = calc.target.split(":")
    args = {}
    for p in calc.params:
        value = inputs.get(p.name, p.default)
        if p.kind == "batch":
            value = as_batch(p.name, value)
        elif p.kind == "vector" and value is not None:
            value = as_vector(p.name, value)[0]
        args[p.name] = value
    return getattr(import_module(f"topa_quiz.engine.{module}"), attr)(**args)[1]


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_both_languages_have_the_same_ids_and_placeholders() -> None:
    assert KO.keys() == EN.keys()
    for key in KO:
        assert placeholders(KO[key]) == placeholders(EN[key]), key


#: the step notes (the error lines and their parts are worded apart: net.error., net.count., net.shape.)
NOTES = {k: v for k, v in KO.items() if not k.startswith(("net.error.", "net.count.", "net.shape."))}


def test_korean_notes_are_in_the_formal_voice() -> None:
    """합쇼체: every Korean note ends in …니다. (error lines and the words they are built from
    follow the product's error style, checked with every message in tests/cli/test_korean_words.py)"""
    assert len(NOTES) >= 30
    assert [k for k, v in NOTES.items() if not v.endswith("니다.")] == []


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=[c["id"] for c in GOLDEN["cases"]])
def test_every_step_is_math_with_a_note_in_both_languages(case: dict) -> None:
    for step in raw_steps(case["name"], case["inputs"]):
        for text in (step.label, step.formula):
            words = {w for w in re.findall(r"[A-Za-z]+", text) if sum(c.islower() for c in w) >= 2}
            words -= MATH_WORDS  # XW₁ᵀ or HW₂ᵀ are products of symbols, not words
            assert not words, f"{case['id']}: words {words} in {text!r}"
        assert step.note, f"{case['id']}: step {step.label!r} has no note"
        for lang in ("ko", "en"):
            filled = catalog(lang)(step.note, **step.args)
            assert "{" not in filled, (lang, step.note, filled)


def test_every_note_is_used() -> None:
    used = {s.note for c in GOLDEN["cases"] for s in raw_steps(c["name"], c["inputs"])}
    # the softmax shift (logits above 50) and a sigmoid-chain of unequal z are not in the golden file
    used |= {s.note for s in raw_steps("forward", {"x": [1], "w1": [[1]], "b1": [0], "w2": [[60], [0]],
                                                   "b2": [0, 0], "output": "softmax"})}  # fmt: skip
    assert set(NOTES) - used == set()
