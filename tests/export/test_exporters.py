"""The exporter table and what it promises: where each format goes by default, its words in the
session's language, a question's figure carried as text (issues 9, 13 item 27, 11)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from topa_quiz.export import EXPORTERS, FORMATS, ExportOptions
from topa_quiz.i18n import catalog

from .test_formats import BANK, anki_notes, parse_gift


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "x.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


# --------------------------------------------------------------- the table
def test_one_table_one_command_each(run):
    assert FORMATS == ("anki", "gift", "json")
    for exporter in EXPORTERS:
        r = run("export", exporter.name, "--help", env={"TOPA_LANG": "en"})
        assert r.exit_code == 0
        text = " ".join(r.output.split())
        assert f"Example: {exporter.example}" in text
        assert catalog("en")(exporter.writes) in text
        assert ("--variants" in r.output) == bool(exporter.variants)
        assert ("--lang" in r.output) == exporter.languages
    text = [e.name for e in EXPORTERS if not e.binary]
    assert text == ["gift", "json"] and all(e.destination == "-" for e in EXPORTERS if not e.binary)
    assert [e.name for e in EXPORTERS if e.destination is None] == ["anki"]


def test_a_flag_the_format_does_not_take_is_a_usage_error(run):
    r = run("export", "json", "--lang", "en")
    assert r.exit_code == 2


# ------------------------------------------------------ default destination
def test_gift_goes_to_standard_output_by_default(run, bank_file, tmp_path, monkeypatch):
    """`topa export gift` wrote ./topa.gift without a word (issue 13 item 27)."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    r = run("export", "gift", "--lang", "en", "--variants", "1", "--bank", str(bank_file))
    assert r.exit_code == 0, r.output
    assert list(cwd.iterdir()) == []  # no file written
    questions = parse_gift(r.output)  # the whole output is GIFT: no "wrote" line in it
    assert "custom.escape" in {q.title for q in questions}
    assert r.output.startswith("// topa-quiz export (English)")


def test_json_goes_to_standard_output_by_default(run, bank_file):
    r = run("export", "json", "--bank", str(bank_file))
    assert r.exit_code == 0 and json.loads(r.output)["questions"]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "error: --out: anki writes a binary file, not text: name it with --out, e.g. --out topa.apkg"),
        (
            "ko",
            "오류: --out: anki 형식은 텍스트가 아닌 바이너리 파일을 씁니다: --out으로 파일을 지정하십시오 (예: --out topa.apkg)",
        ),
    ],
)
@pytest.mark.parametrize("out", [(), ("--out", "-")])
def test_the_anki_package_needs_out(run, tmp_path, monkeypatch, lang, line, out):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    r = run("export", "anki", *out, "--lang", lang)
    assert r.exit_code == 2
    assert r.output == line + "\n"  # one line, nothing on standard output
    assert list(cwd.iterdir()) == []


def test_a_file_named_with_out_gets_a_line_saying_so(run, bank_file, tmp_path):
    out = tmp_path / "t.gift"
    r = run("export", "gift", "--out", str(out), "--lang", "en", "--bank", str(bank_file))
    assert r.exit_code == 0
    count = len(parse_gift(out.read_text(encoding="utf-8")))
    bank = json.loads(run("export", "json", "--bank", str(bank_file)).output)
    assert r.output == f"wrote {count} GIFT questions ({len(bank['questions'])} bank questions) to {out}\n"


# ------------------------------------------------------------------ words
def anki_deck_names(apkg: Path, tmp_path: Path) -> list[str]:
    with zipfile.ZipFile(apkg) as z:
        z.extract("collection.anki2", tmp_path / "deck")
    db = sqlite3.connect(tmp_path / "deck" / "collection.anki2")
    try:
        decks = json.loads(db.execute("select decks from col").fetchone()[0])
    finally:
        db.close()
    return [d["name"] for d in decks.values()]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_anki_words_come_from_the_catalog(run, bank_file, tmp_path, lang):
    t = catalog(lang)
    out = tmp_path / f"{lang}.apkg"
    assert run("export", "anki", "--out", str(out), "--lang", lang, "--bank", str(bank_file)).exit_code == 0
    assert t("export.anki.deck") in anki_deck_names(out, tmp_path)
    notes = anki_notes(out, tmp_path)
    numeric = next(n for n in notes if n["id"] == "custom.numeric")
    for key in ("answer", "steps", "step", "formula", "value"):
        assert (
            f">{t('export.anki.' + key)}<" in numeric["back"]
            or f"<b>{t('export.anki.' + key)}" in numeric["back"]
        )
    many = next(n for n in notes if n["id"] == "custom.many")
    assert (
        f"{t('export.anki.variant')} 1/" in many["front"] or f"{t('export.anki.variant')} 2/" in many["front"]
    )


# ---------------------------------------------------------------- figures
FIGURE = {
    "kind": "curves",
    "title": {"ko": "학습 곡선", "en": "learning curves"},
    "x": {"ko": "에포크", "en": "epoch"},
    "y": {"ko": "손실", "en": "loss"},
    "series": [
        {"label": {"ko": "훈련", "en": "train"}, "values": [2.0, 1.0]},
        {"label": {"ko": "검증", "en": "valid"}, "values": [2.5, 1.5]},
    ],
}
TABLE_EN = "learning curves (loss)\nepoch  train  valid\n1          2    2.5\n2          1    1.5"


@pytest.fixture
def figure_bank(bank_file):
    """The test bank with FIGURE on its O/X question (the bank model's ``figure`` field)."""
    from topa_quiz.bank.loader import load_bank
    from topa_quiz.bank.model import Figure, FigureSeries, Text

    def text(d: dict) -> Text:
        return Text(d["ko"], d["en"])

    figure = Figure(
        FIGURE["kind"],
        text(FIGURE["x"]),
        text(FIGURE["y"]),
        tuple(FigureSeries(text(s["label"]), tuple(s["values"])) for s in FIGURE["series"]),
        title=text(FIGURE["title"]),
    )
    bank, problems = load_bank([bank_file])
    assert not problems
    ox = next(q for q in bank.questions if q.id == "custom.ox")
    return dataclasses.replace(bank, questions=(dataclasses.replace(ox, figure=figure),))


def test_gift_carries_the_figure_as_text(figure_bank):
    from topa_quiz.export.gift import export_gift

    built = export_gift(figure_bank, ExportOptions("en", 1))
    (question,) = parse_gift(built.content)
    assert question.text == "Sigmoid outputs lie in (0, 1)." + "<pre>" + TABLE_EN + "</pre>"


def test_anki_carries_the_figure_as_text(figure_bank, tmp_path):
    from topa_quiz.export.anki import export_anki

    built = export_anki(figure_bank, ExportOptions("ko", 1))
    out = tmp_path / "f.apkg"
    out.write_bytes(built.content)
    (note,) = anki_notes(out, tmp_path)
    assert '<pre class="topa-figure">학습 곡선 (손실)\n에포크  훈련  검증\n' in note["front"]


def test_json_carries_the_figure_as_data_and_text(figure_bank):
    from topa_quiz.export.jsonfile import export_json

    (question,) = json.loads(export_json(figure_bank, ExportOptions()).content)["questions"]
    assert question["figure"] == FIGURE
    assert question["figure_text"]["en"] == TABLE_EN
    assert question["figure_text"]["ko"].startswith("학습 곡선 (손실)\n에포크")
