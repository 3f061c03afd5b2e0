"""Every problem of a bank's content is said in the session's language, also after the cache."""

from __future__ import annotations

from topa_quiz.bank import loader  # noqa: F401  (registers the kinds)
from topa_quiz.bank.codec import decode, encode
from topa_quiz.bank.fields import doc_msg, kinds
from topa_quiz.bank.problem import Msg, Problem
from topa_quiz.bank.reader import form_msg
from topa_quiz.bank.records import RECORDS
from topa_quiz.i18n import catalog


def test_every_field_type_and_every_form_has_catalog_words() -> None:
    docs = {f.type.doc for r in RECORDS for f in r.fields}
    docs |= {f.type.doc for k in kinds().values() for form in k.forms for f in form.fields}
    assert [d for d in sorted(docs) if not isinstance(doc_msg(d), Msg)] == []
    forms = [(k, f) for k in kinds().values() for f in k.forms]
    assert [f.title for k, f in forms if not isinstance(form_msg(k, f), Msg)] == []


def test_a_problem_with_nested_messages_survives_the_cache_and_is_said_in_korean() -> None:
    what = Msg("problem.what.series", {"what": Msg("problem.what.figure", {"what": "question q"}), "n": 2})
    p = Problem.of("b.yaml", (4, 7), "problem.figure.lengths", what=what, n=3, first=4)
    again = decode(encode(p, Problem), Problem)
    assert again == p
    assert str(again) == (
        "b.yaml:4:7: question q figure series 2: 3 values, but series 1 has 4: "
        "every series of a figure needs the same length"
    )
    assert again.said(catalog("ko")).startswith("b.yaml:4:7: question q의 그림의 2번째 계열: 값이 3개인데")
