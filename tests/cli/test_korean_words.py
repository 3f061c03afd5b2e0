"""Every Korean message of the catalog, not only those a scripted session happens to show:
no English word (by the rules of :mod:`tests.e2e.english`), one voice (합쇼체), and no Hangul
in the English catalog."""

from __future__ import annotations

import importlib
import re

import pytest

from tests.bank.texts import plain_style_endings
from tests.e2e.english import english_words, hangul_lines
from tests.e2e.korean_session import allowed
from topa_quiz.i18n import AREAS

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
#: 해요체 endings (…세요, …까요?, …나요?, …어요): the catalog speaks 합쇼체 (…십시오, …니까?, …니다)
POLITE_INFORMAL = re.compile(r"(?:세요|까요\?|나요\?|[어아해]요|예요|이에요|지요)[.!]?$")


def messages(lang: str) -> list[tuple[str, str]]:
    """Every message a learner reads; ``…_words`` lists what the learner may type (y, yes, 예)."""
    out = []
    for area in AREAS:
        module = importlib.import_module(f"topa_quiz.i18n.{lang}.{area}")
        out += sorted((k, v) for k, v in module.MESSAGES.items() if not k.endswith("_words"))
    return out


@pytest.fixture(scope="module")
def rules():
    return allowed()


def test_no_korean_message_holds_an_english_word(rules) -> None:
    found = [
        (key, str(w))
        for key, text in messages("ko")
        for w in english_words(PLACEHOLDER.sub("1", text), rules)
    ]
    assert not found, found


def test_korean_sentences_speak_one_voice() -> None:
    """합쇼체 throughout: no 해라체 (…한다) and no 해요체 (…하세요, …할까요?)."""
    odd = []
    for key, text in messages("ko"):
        text = PLACEHOLDER.sub("X", text)
        odd += [(key, s) for s in plain_style_endings(text)]
        odd += [(key, s) for s in re.split(r"(?<=[.!?])\s+", text) if POLITE_INFORMAL.search(s.strip())]
    assert not odd, odd


def test_the_voice_check_catches_both_other_voices() -> None:
    assert plain_style_endings("값이 커진다.")
    assert POLITE_INFORMAL.search("정수를 입력하세요")
    assert POLITE_INFORMAL.search("시작할까요?")
    assert not POLITE_INFORMAL.search("정수를 입력하십시오")


def test_the_english_catalog_has_no_hangul() -> None:
    assert [key for key, text in messages("en") if hangul_lines(text)] == []
