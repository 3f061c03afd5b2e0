"""The bank format is described once: the field tables make schema.json and the docs' field
reference, and a kind declared elsewhere joins the loader and the schema by registering."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from topa_quiz.bank import fields, schema
from topa_quiz.bank.fields import Field, Form, KindFields, ValueType, register_kind
from topa_quiz.bank.loader import load_bank
from topa_quiz.bank.records import QUESTION, RECORDS

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = "run `python -m topa_quiz.bank.schema` and commit the result"


def test_the_committed_schema_is_the_one_the_tables_make():
    committed = (ROOT / "question_bank" / "schema.json").read_text(encoding="utf-8")
    assert committed == schema.schema_text(), f"question_bank/schema.json is stale: {REGENERATE}"


def test_the_docs_field_reference_is_the_one_the_tables_make():
    doc = (ROOT / "docs" / "bank-format.md").read_text(encoding="utf-8")
    assert doc == schema.doc_text(doc), f"docs/bank-format.md's field reference is stale: {REGENERATE}"


def test_the_check_mode_finds_a_stale_file(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(schema, "SCHEMA_FILE", stale)
    assert schema.main(["--check"]) == 1
    assert stale.read_text(encoding="utf-8") == "{}\n"  # --check never writes
    assert "schema.json: stale" in capsys.readouterr().out
    assert schema.main([]) == 0
    assert stale.read_text(encoding="utf-8") == schema.schema_text()


def test_every_field_of_every_table_is_in_the_schema_and_the_docs():
    built = schema.build_schema()
    reference = schema.field_reference()
    for record in RECORDS:
        props = built["properties"] if record.name == "file" else built["$defs"][record.name]["properties"]
        assert set(props) >= set(record.names), record.name
        for f in record.fields:
            assert f"| `{f.name}` |" in reference
    question = built["$defs"]["question"]["properties"]
    for kind in fields.kinds().values():
        for form in kind.forms:
            assert set(form.names) <= set(question), kind.kind


@pytest.fixture
def rating_kind():
    """A kind declared outside the bank package, as a kind module would."""
    saved = dict(fields.kinds())

    def read(reader, d, values, what):  # noqa: ANN001, ANN202
        return {"answer": values["stars"]} if "stars" in values else None

    stars = ValueType(
        "integer 1–5",
        {"type": "integer", "minimum": 1, "maximum": 5},
        lambda v: None if v in (1, 2, 3, 4, 5) else "must be 1 to 5",
    )
    register_kind(
        KindFields("rating", "Rate a statement from 1 to 5.", (Form("rating", "a rating question", (Field("stars", stars, "The right rating.", True),), read),))
    )  # fmt: skip
    yield
    fields.KINDS.clear()
    fields.KINDS.update(saved)


RATING = """
questions:
  - id: t.rating
    concepts: [activation.sigmoid]
    type: rating
    prompt: {ko: 가, en: a}
    explanation: {ko: 가, en: a}
    stars: STARS
"""


def test_a_registered_kind_joins_the_loader_and_the_schema(rating_kind, tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(textwrap.dedent(RATING.replace("STARS", "4")), encoding="utf-8")
    bank, problems = load_bank([good], use_cache=False)
    assert problems == []
    assert next(q for q in bank.questions if q.id == "t.rating").answer == 4

    bad = tmp_path / "bad.yaml"
    bad.write_text(textwrap.dedent(RATING.replace("STARS", "9")) + "    options: []\n", encoding="utf-8")
    messages = sorted(p.message for p in load_bank([bad], use_cache=False)[1])
    assert messages == [
        "question t.rating: 'stars' must be 1 to 5, got 9",
        "question t.rating: a rating question has no 'options'",
    ]

    validator = jsonschema.Draft202012Validator(schema.build_schema())
    assert list(validator.iter_errors(yaml.safe_load(good.read_text(encoding="utf-8")))) == []
    assert list(validator.iter_errors(yaml.safe_load(bad.read_text(encoding="utf-8")))) != []
    assert "### `type: rating`" in schema.field_reference()


def test_question_fields_are_the_common_table_plus_the_kinds():
    from topa_quiz.bank.records import question_field_names

    assert question_field_names() == set(QUESTION.names) | {
        n for k in fields.kinds().values() for form in k.forms for n in form.names
    }
    assert {"options", "answer", "calc", "distractors", "tolerance"} <= question_field_names()
    assert json.dumps(schema.build_schema())  # plain JSON data throughout
