"""The store's words: the same ids and placeholders in Korean and English; errors worded in both."""

from __future__ import annotations

import string

from topa_quiz.errors import DataError, Msg
from topa_quiz.i18n import catalog
from topa_quiz.i18n.en.store import MESSAGES as EN
from topa_quiz.i18n.ko.store import MESSAGES as KO


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_same_ids_and_placeholders_in_both_languages():
    assert set(KO) == set(EN)
    assert {k: _fields(v) for k, v in KO.items()} == {k: _fields(v) for k, v in EN.items()}
    assert all(k.startswith("store.") for k in EN)


def test_a_failure_is_worded_whole_in_the_session_language():
    err = DataError.said("store.cannot_open", path="/p", why=Msg("store.why_read_only", {"detail": "x"}))
    ko = err.words(catalog("ko"))
    assert ko.startswith("진행 기록 데이터베이스를 사용할 수 없습니다: /p") and "읽기 전용" in ko
    assert str(err).startswith("cannot use the progress database /p") and "read-only" in str(err)


def test_the_damaged_message_names_the_side_files_in_both_languages():
    for lang in ("ko", "en"):
        text = catalog(lang)("store.damaged", path="/p", reason="r")
        assert "-wal" in text and "-shm" in text and "topa reset --yes" in text
