"""question_bank/schema.json: the JSON Schema of a bank file (docs/bank-format.md).

Every bundled YAML file must pass it, and documents broken in the ways the loader rejects
must fail it.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "question_bank"
SCHEMA_PATH = BANK / "schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def errors(validator: jsonschema.Draft202012Validator, doc: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def test_schema_is_a_valid_2020_12_schema():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def bundled_files() -> list[Path]:
    # Listed at collection time: other files (optimizer.yaml) may appear while the bank is written.
    return sorted(p for p in BANK.iterdir() if p.suffix in (".yaml", ".yml"))


def test_the_bundled_bank_has_concepts_and_question_files():
    names = {p.name for p in bundled_files()}
    assert "concepts.yaml" in names
    assert len(names) >= 2


@pytest.mark.parametrize("path", bundled_files(), ids=lambda p: p.name)
def test_every_bundled_file_passes_the_schema(validator, path: Path):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert errors(validator, doc) == []


def test_calculation_names_match_the_engine_registry():
    from topa_quiz.engine.registry import ALIASES, BY_NAME

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert set(schema["$defs"]["calcName"]["enum"]) == set(BY_NAME) | set(ALIASES)


def test_yaml_reads_ox_answers_as_strings():
    doc = yaml.safe_load("answer: O\nother: X\n")
    assert doc == {"answer": "O", "other": "X"}


# ---------------------------------------------------------------- broken documents
T = {"ko": "가", "en": "a"}
WHY = {"ko": "왜", "en": "why"}

VALID = {
    "topic": "activation",
    "questions": [
        {
            "id": "t.choice",
            "concepts": ["activation.sigmoid"],
            "type": "choice",
            "difficulty": 1,
            "prompt": T,
            "explanation": T,
            "answer": 2,
            "options": [
                {"ko": "하나", "en": "one", "why": WHY},
                {"ko": "둘", "en": "two"},
                {"ko": "셋", "en": "three", "why": WHY},
                {"ko": "모두 아님", "en": "none", "why": WHY, "last": True},
            ],
        },
        {
            "id": "t.ox",
            "concepts": ["activation.sigmoid"],
            "type": "ox",
            "prompt": T,
            "explanation": T,
            "answer": "O",
        },
        {
            "id": "t.numeric",
            "concepts": ["activation.sigmoid"],
            "type": "numeric",
            "calc": "sigmoid",
            "params": {"x": {"choice": [-1, 0, 1]}},
            "answer_step": "y",
            "decimals": 4,
            "tolerance": {"abs": 0.0005},
            "prompt": T,
            "explanation": T,
        },
        {
            "id": "t.computed-choice",
            "concepts": ["optimizer.adam"],
            "type": "choice",
            "calc": "adam",
            "params": {
                "param": 1.0,
                "grad": {"uniform": [-1, 1], "round": 1},
                "lr": 0.1,
                "beta1": {"integers": [0, 0]},
            },
            "cases": [{"param": [1.0, 2.0], "grad": [[0.5, -1.0]]}],
            "pick": 0,
            "decimals": 4,
            "prompt": T,
            "explanation": T,
            "distractors": [
                {"params": {"bias_correction": False}, "why": WHY},
                {"calc": "sgd", "why": WHY},
                {"params": {"lr": 0.01}, "why": WHY},
                {"answer_step": "m_hat", "why": WHY},
            ],
            "tags": ["exam"],
        },
    ],
}

CONCEPTS = {
    "topics": {"activation": T},
    "concepts": [
        {
            "id": "activation.sigmoid",
            "topic": "activation",
            "ko": "시그모이드",
            "en": "sigmoid",
            "numeric": True,
            "engine": ["sigmoid", "sigmoid_derivative"],
            "summary": T,
            "facts": "f",
        },
    ],
}


def broken(index: int | None, change) -> dict:  # noqa: ANN001
    doc = copy.deepcopy(VALID)
    change(doc["questions"][index] if index is not None else doc)
    return doc


def test_the_valid_examples_pass(validator):
    assert errors(validator, VALID) == []
    assert errors(validator, CONCEPTS) == []


BROKEN = {
    "unknown top-level field": broken(None, lambda d: d.update(question=[])),
    "questions not a list": broken(None, lambda d: d.update(questions={"id": "x"})),
    "missing id": broken(1, lambda q: q.pop("id")),
    "missing explanation": broken(1, lambda q: q.pop("explanation")),
    "missing concepts": broken(1, lambda q: q.pop("concepts")),
    "empty concepts": broken(1, lambda q: q.update(concepts=[])),
    "unknown type": broken(1, lambda q: q.update(type="truefalse")),
    "unknown question field (typo)": broken(1, lambda q: q.update(explantion=T)),
    "text without en": broken(1, lambda q: q.update(prompt={"ko": "가"})),
    "empty translation": broken(1, lambda q: q.update(prompt={"ko": "가", "en": "  "})),
    "unknown language": broken(1, lambda q: q.update(prompt={"ko": "가", "en": "a", "jp": "あ"})),
    "text as a plain string": broken(1, lambda q: q.update(prompt="가")),
    "difficulty out of range": broken(1, lambda q: q.update(difficulty=4)),
    "difficulty as a word": broken(1, lambda q: q.update(difficulty="hard")),
    "ox answer not O/X": broken(1, lambda q: q.update(answer="yes")),
    "ox answer missing": broken(1, lambda q: q.pop("answer")),
    "ox with options": broken(1, lambda q: q.update(options=VALID["questions"][0]["options"])),
    "ox computed": broken(1, lambda q: q.update(calc="sigmoid")),
    "numeric without calc": broken(2, lambda q: q.pop("calc")),
    "numeric with options": broken(2, lambda q: q.update(options=VALID["questions"][0]["options"], answer=1)),
    "unknown calculation": broken(2, lambda q: q.update(calc="sigmod")),
    "unknown parameter form": broken(2, lambda q: q.update(params={"x": {"normal": [0, 1]}})),
    "uniform with choice keys": broken(
        2, lambda q: q.update(params={"x": {"uniform": [0, 1], "choice": [1]}})
    ),
    "uniform with one bound": broken(2, lambda q: q.update(params={"x": {"uniform": [0]}})),
    "size too large": broken(2, lambda q: q.update(params={"x": {"integers": [0, 3], "size": 1000}})),
    "empty choice": broken(2, lambda q: q.update(params={"x": {"choice": []}})),
    "tolerance typo": broken(2, lambda q: q.update(tolerance={"absolute": 0.1})),
    "negative tolerance": broken(2, lambda q: q.update(tolerance={"rel": -0.1})),
    "decimals too many": broken(2, lambda q: q.update(decimals=11)),
    "negative pick": broken(2, lambda q: q.update(pick=-1)),
    "answer_step not a key": broken(2, lambda q: q.update(answer_step="m hat")),
    "answer_step a number": broken(2, lambda q: q.update(answer_step=1)),
    "answer_step on a plain choice": broken(0, lambda q: q.update(answer_step="y")),
    "distractor answer_step not a key": broken(3, lambda q: q["distractors"][0].update(answer_step="M")),
    "params without calc": broken(0, lambda q: q.update(params={"x": 1})),
    "choice with neither options nor calc": broken(0, lambda q: (q.pop("options"), q.pop("answer"))),
    "choice with options but no answer": broken(0, lambda q: q.pop("answer")),
    "choice with both options and calc": broken(
        0, lambda q: q.update(calc="sigmoid", distractors=[{"why": WHY}] * 2)
    ),
    "choice answer is 0": broken(0, lambda q: q.update(answer=0)),
    "choice answer beyond 4 options": broken(0, lambda q: q.update(answer=5)),
    "choice answer as text": broken(0, lambda q: q.update(answer="2")),
    "three options": broken(0, lambda q: q.update(options=q["options"][:3])),
    "six options": broken(0, lambda q: q.update(options=q["options"] + q["options"][:2])),
    "option without en": broken(0, lambda q: q["options"][1].pop("en")),
    "option typo": broken(0, lambda q: q["options"][0].update(wy=WHY)),
    "option last not a flag": broken(0, lambda q: q["options"][3].update(last="yes")),
    "computed choice without distractors": broken(3, lambda q: q.pop("distractors")),
    "computed choice with one distractor": broken(3, lambda q: q.update(distractors=q["distractors"][:1])),
    "computed choice with answer": broken(3, lambda q: q.update(answer=1)),
    "distractor without why": broken(3, lambda q: q["distractors"][0].pop("why")),
    "distractor typo": broken(3, lambda q: q["distractors"][0].update(parmas={})),
    "distractor unknown calc": broken(3, lambda q: q["distractors"][1].update(calc="sgd2")),
    "cases not a list": broken(3, lambda q: q.update(cases={"param": 1.0})),
    "tags not a list": broken(3, lambda q: q.update(tags="exam")),
}


@pytest.mark.parametrize("doc", BROKEN.values(), ids=BROKEN.keys())
def test_broken_question_files_fail(validator, doc):
    assert errors(validator, doc) != []


CONCEPTS_BROKEN = {
    "concept without summary": lambda d: d["concepts"][0].pop("summary"),
    "concept without topic": lambda d: d["concepts"][0].pop("topic"),
    "concept typo": lambda d: d["concepts"][0].update(numerc=True),
    "concept numeric not a flag": lambda d: d["concepts"][0].update(numeric="yes"),
    "concept unknown engine": lambda d: d["concepts"][0].update(engine=["sigmod"]),
    "topic without en": lambda d: d["topics"].update(extra={"ko": "활성화 함수"}),
}


@pytest.mark.parametrize("change", CONCEPTS_BROKEN.values(), ids=CONCEPTS_BROKEN.keys())
def test_broken_concept_files_fail(validator, change):
    doc = copy.deepcopy(CONCEPTS)
    change(doc)
    assert errors(validator, doc) != []


def test_a_python_tag_never_reaches_the_schema(tmp_path):
    """safe_load refuses the tag before any schema check (and runs nothing)."""
    marker = tmp_path / "ran"
    text = f'questions:\n  - id: x\n    prompt: !!python/object/apply:os.system ["touch {marker}"]\n'
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.safe_load(text)
    assert not marker.exists()


# ------------------------------------------------------------- parity with the loader
def loader_problems(tmp_path: Path, doc: dict) -> list[str]:
    from topa_quiz.bank.loader import load_bank

    path = tmp_path / "doc.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return [str(p) for p in load_bank([path], use_cache=False)[1]]


def test_the_valid_examples_pass_the_loader(tmp_path):
    assert loader_problems(tmp_path, VALID) == []


@pytest.mark.parametrize("doc", BROKEN.values(), ids=BROKEN.keys())
def test_the_loader_rejects_every_broken_document_too(tmp_path, doc):
    assert loader_problems(tmp_path, doc) != []


def own_concepts() -> dict:
    """CONCEPTS under a topic of its own, so that it does not clash with the bundled bank."""
    doc = copy.deepcopy(CONCEPTS)
    doc["topics"] = {"extra": T}
    doc["concepts"][0].update(id="extra.thing", topic="extra")
    return doc


def test_a_concept_file_of_its_own_passes_the_loader(tmp_path):
    assert loader_problems(tmp_path, own_concepts()) == []


@pytest.mark.parametrize("change", CONCEPTS_BROKEN.values(), ids=CONCEPTS_BROKEN.keys())
def test_the_loader_rejects_every_broken_concept_file_too(tmp_path, change):
    doc = own_concepts()
    change(doc)
    assert loader_problems(tmp_path, doc) != []
