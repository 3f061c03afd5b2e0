"""Every word of the engine comes from the catalog, in Korean and in English."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from topa_quiz.engine import EngineError, compute
from topa_quiz.engine.registry import CALCS
from topa_quiz.i18n.en.engine import MESSAGES as EN
from topa_quiz.i18n.ko.engine import MESSAGES as KO

ENGINE = Path(__file__).parents[2] / "topa_quiz" / "engine"
HANGUL = re.compile("[가-힣]")


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_ids_and_placeholders():
    assert set(KO) == set(EN)
    for key in EN:
        assert fields(KO[key]) == fields(EN[key]), key


def test_every_id_the_engine_uses_is_in_the_catalog():
    used = set()
    for path in ENGINE.glob("*.py"):
        used |= set(re.findall(r'"(calc\.(?:error|note|bound|count)\.[a-z_]+)"', path.read_text("utf-8")))
    assert used, "the pattern found no ids: the test no longer looks at the engine"
    assert used <= set(EN), sorted(used - set(EN))


@pytest.mark.parametrize("calc", CALCS, ids=[c.name for c in CALCS])
def test_every_calculation_and_parameter_is_described_in_both_languages(calc):
    for lang in ("ko", "en"):
        assert calc.summary(lang)
        for p in calc.params:
            assert p.help(lang), (calc.name, p.name)
    assert bool(calc.notes("ko")) == bool(calc.notes("en"))


def test_english_has_no_hangul_and_korean_sentences_are_korean():
    assert not [k for k, v in EN.items() if HANGUL.search(v)]
    # formula-only texts may be the same in both languages; any other Korean text has Hangul
    bare = [k for k, v in KO.items() if not HANGUL.search(v) and v != EN[k]]
    assert bare == ["calc.bound.both"], bare


def test_korean_explanations_end_politely():
    """Notes and error messages that are sentences use 합쇼체 (…니다), not 해라체 (…다)."""
    for key, text in KO.items():
        if key.startswith(("calc.note.", "calc.error.")) and text.rstrip(".").endswith("다"):
            assert text.rstrip(".").endswith("니다"), (key, text)


def test_errors_are_worded_in_either_language():
    with pytest.raises(EngineError) as err:
        compute("dropout", p=1.0)
    assert err.value.param == "p"
    assert err.value.message == "must be >= 0 and < 1, got 1"
    assert err.value.text("ko") == "0 이상 1 미만의 값이어야 합니다 (입력: 1)"
    assert str(err.value) == "p: must be >= 0 and < 1, got 1"


def test_registry_texts_follow_the_language():
    adam = next(c for c in CALCS if c.name == "adam")
    assert adam.summary("en").startswith("Adam: moments m, v")
    assert "편향 보정" in adam.summary("ko")
    lr = adam.param("lr")
    assert lr.help("ko") == "학습률 η" and lr.help("en") == "learning rate η"
    assert lr.bounds_text("ko") == "0 이상" and lr.bounds_text("en") == ">= 0"
    p = next(c for c in CALCS if c.name == "dropout").param("p")
    assert p.bounds_text("en") == "in [0, 1)" and p.bounds_text("ko") == "[0, 1) 범위"


def _raised_keys() -> list[tuple[str, int, object]]:
    """(file, line, the key) of every ``EngineError(param, key, ...)`` built in the engine."""
    import ast

    found = []
    for path in sorted(ENGINE.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "EngineError":
                key = node.args[1] if len(node.args) > 1 else None
                found.append((path.name, node.lineno, key.value if isinstance(key, ast.Constant) else key))
    return found


def test_every_engine_error_names_a_catalog_id_in_both_languages():
    """No sentence is ever raised (it would be shown in English in a Korean session)."""
    raised = _raised_keys()
    assert len(raised) > 40, "the scan found too few raises: it no longer looks at the engine"
    # a key computed at run time: only api._run's choice between two ids
    computed = [(f, n) for f, n, key in raised if not isinstance(key, str)]
    assert computed == [("api.py", 106)], computed
    from topa_quiz.i18n import catalog

    ko, en = catalog("ko"), catalog("en")
    missing = [
        (f, n, key) for f, n, key in raised if isinstance(key, str) and not (ko.has(key) and en.has(key))
    ]
    assert missing == []
