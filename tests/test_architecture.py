"""The shape of the package, checked: layers, thin commands, one catalog, kinds in one place."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "topa_quiz"

#: layer -> the layers it may import at run time (engine <- bank <- session <- render/export <- cli)
ALLOWED = {
    "engine": {"engine", "errors", "i18n"},
    "i18n": {"i18n"},
    "bank": {"bank", "engine", "errors", "i18n", "kinds"},  # the loader reads the kinds' fields
    "kinds": {"kinds", "bank", "engine", "errors", "i18n", "session", "render", "export"},
    "store": {"store", "errors", "i18n", "kinds"},
    "session": {"session", "bank", "engine", "store", "errors", "i18n", "kinds"},
    "render": {"render", "session", "bank", "engine", "errors", "i18n", "kinds"},
    "export": {"export", "render", "session", "bank", "engine", "errors", "i18n", "kinds"},
    "cli": {"cli", "render", "export", "session", "bank", "engine", "store", "errors", "i18n", "kinds"},
}


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "question_bank" not in p.parts)


def layer_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE).parts
    return rel[0] if len(rel) > 1 else rel[0].removesuffix(".py")


def runtime_imports(path: Path) -> list[str]:
    """Absolute names of the package's modules imported outside ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for child in node.body for n in ast.walk(child)}
    package = ["topa_quiz", *path.relative_to(PACKAGE).parts[:-1]]
    found = []
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("topa_quiz")]
        elif node.level:
            base = package[: len(package) - node.level + 1]
            found.append(".".join([*base, *([node.module] if node.module else [])]))
        elif node.module and node.module.startswith("topa_quiz"):
            found.append(node.module)
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_layers(path):
    layer = layer_of(path)
    if layer not in ALLOWED:
        return  # __init__, __main__, errors: the top of the package
    for name in runtime_imports(path):
        parts = name.split(".")
        target = parts[1] if len(parts) > 1 else "topa_quiz"
        if (PACKAGE / f"{target}.py").exists():
            continue  # errors, paths: the top of the package, shared by every layer
        assert target in ALLOWED[layer] or target == "topa_quiz", f"{path.name} ({layer}) imports {name}"


def test_cli_imports_no_storage_or_drawing_library():
    banned = {"plotext", "sqlite3", "fsrs", "genanki"}
    for path in (PACKAGE / "cli").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = {node.module.split(".")[0]}
            else:
                continue
            assert not names & banned, f"{path.name} imports {names & banned}"


def test_no_command_function_is_longer_than_50_lines():
    for path in (PACKAGE / "cli").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= 50, f"{path.name}:{node.lineno} {node.name} has {length} lines"


LANG_BRANCH = re.compile(r"""lang\s*[!=]=\s*["'](ko|en)["']|["'](ko|en)["']\s*[!=]=\s*\w*lang""")


def test_no_language_branch_outside_the_catalog():
    """Only i18n/ knows what each language says: no `if lang == "ko"` anywhere else."""
    offenders = [
        f"{p.relative_to(PACKAGE)}:{i}"
        for p in modules()
        if "i18n" not in p.parts
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if LANG_BRANCH.search(line)
    ]
    assert offenders == []


KIND_NAME = re.compile(r"""[!=]=\s*["'](choice|ox|numeric)["']|["'](choice|ox|numeric)["']\s*[!=]=""")


def test_question_kinds_are_compared_by_name_at_most_four_times():
    hits = [
        f"{p.relative_to(PACKAGE)}:{i}"
        for p in modules()
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if KIND_NAME.search(line) and "engine" not in p.parts and "p.kind" not in line  # parameter kinds
    ]
    assert len(hits) <= 4, hits


def test_every_language_has_the_same_messages():
    from string import Formatter

    from topa_quiz.i18n import LANGS, messages_of

    catalogs = {lang: messages_of(lang) for lang in LANGS}
    keys = {lang: set(c) for lang, c in catalogs.items()}
    assert keys["ko"] == keys["en"], keys["ko"] ^ keys["en"]

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in Formatter().parse(text) if f}

    for key in keys["ko"]:
        assert fields(catalogs["ko"][key]) == fields(catalogs["en"][key]), key


def test_every_catalog_module_is_read():
    from topa_quiz.i18n import AREAS, LANGS

    for lang in LANGS:
        found = {p.stem for p in (PACKAGE / "i18n" / lang).glob("*.py") if p.stem != "__init__"}
        assert found == set(AREAS), lang


def test_every_file_object_is_opened_in_a_with_statement():
    """topa freezes what is left at exit instead of a last collection (topa_quiz/startup.py),
    so no file may wait for the garbage collector to be flushed and closed."""
    offenders = []
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_with = {
            id(item.context_expr)
            for node in ast.walk(tree)
            if isinstance(node, ast.With)
            for item in node.items
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name):
                name, owner = func.id, ""
            elif isinstance(func, ast.Attribute):
                name, owner = func.attr, getattr(func.value, "id", "")
            else:
                continue
            descriptor = owner == "os" and name == "open"  # a number, closed by hand
            if (
                name in ("open", "fdopen", "open_text", "open_binary")
                and not descriptor
                and id(node) not in in_with
            ):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []
