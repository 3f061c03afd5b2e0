"""Parsing a bank file's text with PyYAML: safe, with line marks, within limits.

The safe C loader (when PyYAML has it) builds :class:`~.yamlread.Marked` mappings that
remember where each value starts; a document is checked node by node before any Python
object is made (size with aliases expanded, recursion, depth, control characters).
Imported only when a file is parsed, never when the bank comes from the cache.
"""

from __future__ import annotations

import re

import yaml

from ..errors import Msg
from .problem import Problem
from .yamlread import CONTROL, MAX_DEPTH, MAX_NODES, Marked, show_controls

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    #: (line, col, message id, values) found while constructing: duplicate and unhashable keys
    key_problems: list[tuple[int, int, str, dict[str, object]]]


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Marked:
    loader.flatten_mapping(node)
    d = Marked()
    d.mark, d.marks, d.key_marks = _mark(node), {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            shown = "list" if isinstance(key, list) else "mapping" if isinstance(key, dict) else "this"
            loader.key_problems.append(
                (*_mark(key_node), "problem.yaml.key_not_text", {"what": Msg(f"problem.key.{shown}")})
            )
            continue
        if key in d:
            loader.key_problems.append((*_mark(key_node), "problem.yaml.duplicate_key", {"key": str(key)}))
        d[key] = loader.construct_object(value_node, deep=True)
        d.marks[key] = _mark(value_node)
        d.key_marks[key] = _mark(key_node)
    return d


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def parse(text: str, name: str, problems: list[Problem]) -> object:
    """Parse one file's text; every problem goes to ``problems`` (None when it cannot be read)."""
    loader = _Loader(text)
    loader.key_problems = []
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        trouble = check_nodes(node, name)
        problems += trouble
        if any(p.code.startswith("yaml.") for p in trouble):
            return None  # too large, recursive or too deep: never construct it
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        problems.append(_yaml_problem(exc, name))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(name, 0, 0, "YAML error: " + " ".join(str(exc).split())))
        return None
    finally:
        loader.dispose()
    for line, col, key, values in loader.key_problems:
        problems.append(Problem.of(name, (line, col), key, **values))
    return data


def _yaml_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    msg = exc.problem or "YAML error"
    if "could not determine a constructor" in msg or "could not determine a constructor" in str(exc.context):
        tag = re.search(r"'([^']*)'", msg)
        shown = (tag.group(1) if tag else "").replace("tag:yaml.org,2002:", "!!")
        return Problem(name, line, col, f"tag {shown} is not allowed: a bank is data, not code", "yaml.tag")
    if exc.context:
        cm = exc.context_mark
        if cm is not None and (cm.line, cm.column) != (mark.line, mark.column):
            msg += f" ({exc.context}, which starts at line {cm.line + 1}, column {cm.column + 1})"
        else:
            msg += f" ({exc.context})"
    return Problem(name, line, col, msg)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def check_nodes(root: yaml.Node, name: str) -> list[Problem]:
    """Size with aliases expanded, recursion, depth, and control characters in strings.

    Iterative and memoised on node identity: an alias is the same node object, so a
    billion laughs costs one visit per distinct node, never its expansion.
    """
    problems: list[Problem] = []
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            total = 1 + sum(size[id(c)] for c in _children(node))
            if total > MAX_NODES:
                return [_node_problem(node, name, "yaml.too_many_nodes")]
            size[key] = total
            continue
        if key in size:
            continue
        if key in on_path:
            return [_node_problem(node, name, "yaml.recursive")]
        if depth > MAX_DEPTH:
            return [_node_problem(node, name, "yaml.too_deep")]
        if isinstance(node, yaml.ScalarNode):
            if isinstance(node.value, str) and CONTROL.search(node.value):
                problems.append(_control_problem(node, name))
            size[key] = 1
            continue
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in _children(node) if id(c) not in size)
    return problems


def _node_problem(node: yaml.Node, name: str, code: str) -> Problem:
    line, col = _mark(node)
    values = {"yaml.too_many_nodes": {"max": f"{MAX_NODES:,}"}, "yaml.too_deep": {"max": MAX_DEPTH}}
    return Problem.of(name, (line, col), f"problem.{code}", **values.get(code, {}))


def _control_problem(node: yaml.ScalarNode, name: str) -> Problem:
    line, col = _mark(node)
    found = CONTROL.search(node.value)
    assert found is not None
    char = f"\\x{ord(found.group()):02x}"
    text = show_controls(node.value)[:60]
    return Problem.of(name, (line, col), "problem.text.control", char=char, text=text)
