"""``question_bank/schema.json`` and the field reference of ``docs/bank-format.md``, made
from the field tables (:mod:`.fields`, :mod:`.records`, the registered kinds).

Regenerate both after changing a table, a kind or the engine registry::

    python -m topa_quiz.bank.schema          # writes them
    python -m topa_quiz.bank.schema --check  # exit 1 when either is stale (the tests do this)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .fields import Field, Form, Record, Schema, kind_field_names, kinds
from .records import FILE, QUESTION, RECORDS
from .sampling import INT64, MAX_SIZE

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "question_bank" / "schema.json"
DOC_FILE = ROOT / "docs" / "bank-format.md"
BEGIN = "<!-- BEGIN FIELD REFERENCE: made by `python -m topa_quiz.bank.schema`; do not edit by hand -->"
END = "<!-- END FIELD REFERENCE -->"


# ------------------------------------------------------------------ JSON Schema
def _shared_defs() -> dict[str, Any]:
    """Value shapes used by several records."""
    from .fields import _calc_names

    number = {"type": "number", "minimum": -1e308, "maximum": 1e308}
    whole = {"type": "integer", "minimum": -INT64, "maximum": INT64 - 2}
    size = {"type": "integer", "minimum": 1, "maximum": MAX_SIZE}
    rounding = {"type": "integer", "minimum": 0, "maximum": 10}

    def form(key: str, bounds: Schema, **more: Schema) -> Schema:
        pair = {"type": "array", "prefixItems": [bounds, bounds], "minItems": 2, "maxItems": 2}
        props = {key: pair | {"description": "[low, high], low <= high"}, **more}
        return {"type": "object", "required": [key], "additionalProperties": False, "properties": props}

    return {
        "textValue": {"anyOf": [{"type": "string", "pattern": "\\S"}, {"type": "number"}], "description": "Non-empty text."},
        "text": {
            "type": "object",
            "description": "A learner-facing text: both Korean (ko) and English (en).",
            "required": ["ko", "en"],
            "properties": {"ko": {"$ref": "#/$defs/textValue"}, "en": {"$ref": "#/$defs/textValue"}},
            "additionalProperties": False,
        },
        "calcName": _calc_names(),
        "paramSpec": {
            "description": "A fixed value (number, list, true/false, word), or {choice: [...]}, "
            "{uniform: [lo, hi], round, size}, {integers: [lo, hi], size}.",
            "if": {"type": "object"},
            "then": {
                "oneOf": [
                    {"type": "object", "required": ["choice"], "additionalProperties": False,
                     "properties": {"choice": {"type": "array", "minItems": 1}}},
                    form("uniform", number, round=rounding, size=size),
                    form("integers", whole, size=size),
                ]
            },
        },
        "params": {
            "type": "object",
            "description": "The calculation's parameters (topa calc NAME --help lists them).",
            "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_]*$"},
            "additionalProperties": {"$ref": "#/$defs/paramSpec"},
        },
    }  # fmt: skip


def _property(f: Field) -> dict[str, Any]:
    return {**f.type.json_schema(), "description": f.help}


def record_schema(record: Record) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "description": record.title}
    required = [f.name for f in record.fields if f.required]
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    out["properties"] = {f.name: _property(f) for f in record.fields}
    if record.rules:
        out["allOf"] = list(record.rules)
    return out


def _form_schema(form: Form, kind_fields: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    required = [f.name for f in form.fields if f.required]
    if required:
        out["required"] = required
    props: dict[str, Any] = {f.name: f.type.json_schema() for f in form.fields}
    props |= {name: False for name in sorted(kind_fields - set(form.names))}
    out["properties"] = props
    return out


def question_schema() -> dict[str, Any]:
    """The common fields, every kind's fields, and one if/then per kind (oneOf its forms)."""
    out = record_schema(QUESTION)
    variants: dict[str, list[dict[str, Any]]] = {}
    for kind in kinds().values():
        for form in kind.forms:
            for f in form.fields:
                if _property(f) not in variants.setdefault(f.name, []):
                    variants[f.name].append(_property(f))
    for name, schemas in variants.items():
        out["properties"][name] = schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
    names, rules = kind_field_names(), []
    for kind in kinds().values():
        forms = [_form_schema(f, names) for f in kind.forms]
        when = {"required": ["type"], "properties": {"type": {"const": kind.kind}}}
        rules.append({"if": when, "then": forms[0] if len(forms) == 1 else {"oneOf": forms}})
        rules += [rule for f in kind.forms for rule in f.rules]
    out["allOf"] = rules
    return out


def build_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a bank file."""
    defs = _shared_defs()
    for record in RECORDS:
        if record is not FILE:
            defs[record.name] = question_schema() if record is QUESTION else record_schema(record)
    root = record_schema(FILE)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://topa-quiz.invalid/question_bank/schema.json",
        "title": "topa-quiz question bank file",
        "description": "One YAML file of a topa-quiz question bank: questions, and/or the topics and "
        "concepts they test (concepts.yaml). Made from the loader's field tables by "
        "`python -m topa_quiz.bank.schema`; see docs/bank-format.md. Use in an editor with: "
        "# yaml-language-server: $schema=../question_bank/schema.json",
        **{k: v for k, v in root.items() if k != "description"},
        "$defs": defs,
    }


def schema_text() -> str:
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


# -------------------------------------------------------------- field reference
def _table(fields: tuple[Field, ...]) -> list[str]:
    rows = ["| field | type | required | meaning |", "| --- | --- | --- | --- |"]
    for f in fields:
        cells = [f"`{f.name}`", f.type.doc, "yes" if f.required else "", f.help]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return rows


def field_reference() -> str:
    """The markdown between BEGIN and END in docs/bank-format.md."""
    lines: list[str] = []

    def section(title: str, fields: tuple[Field, ...], note: str = "") -> None:
        lines.extend(["", f"### {title}", ""] + ([note, ""] if note else []) + _table(fields))

    section(FILE.title, FILE.fields)
    section(QUESTION.title, QUESTION.fields)
    for kind in kinds().values():
        for form in kind.forms:
            chosen = f" (when it has `{form.when}`)" if form.when else ""
            title = f"`type: {kind.kind}`" + (f": {form.title}{chosen}" if len(kind.forms) > 1 else "")
            section(title, form.fields, kind.help if form is kind.forms[0] else "")
    for record in RECORDS:
        if record not in (FILE, QUESTION):
            section(record.title, record.fields)
    return "\n".join([BEGIN, *lines, "", END])


def doc_text(current: str) -> str:
    """``current`` (the docs page) with its field reference replaced by a fresh one."""
    start, end = current.find(BEGIN), current.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{DOC_FILE.name} has no {BEGIN!r} ... {END!r} block")
    return current[:start] + field_reference() + current[end + len(END) :]


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    stale = []
    doc = DOC_FILE.read_text(encoding="utf-8")
    for path, want, have in [
        (SCHEMA_FILE, schema_text(), SCHEMA_FILE.read_text(encoding="utf-8")),
        (DOC_FILE, doc_text(doc), doc),
    ]:
        if want != have:
            stale.append(path)
            if not check:
                path.write_text(want, encoding="utf-8")
    for path in stale:
        print(f"{path}: {'stale' if check else 'written'}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
