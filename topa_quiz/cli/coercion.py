"""Plain values for plain options, without Pydantic.

Typer 0.29-0.30 coerces every parameter through a Pydantic ``TypeAdapter``; importing
Pydantic costs 60-90 ms, a third of ``topa calc``'s start-up. Our options are all plain:
``str``, ``int``, ``float``, ``bool``, ``Path``, optionally ``Optional[...]`` or
``list[...]`` of them. For exactly those, :func:`install` gives Typer a small converter
with click's wording of a bad value; anything else still goes to Typer's own.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if len(text) > 30:  # no 10,000-digit integers
        raise ValueError
    return int(text)


def _float(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    if len(text) > 60:
        raise ValueError
    return float(text)


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "y", "on"):
        return True
    if text in ("0", "false", "no", "n", "off"):
        return False
    raise ValueError


CONVERTERS = {str: str, int: _int, float: _float, bool: _bool, Path: Path}
NAMES = {int: "integer", float: "float", bool: "boolean", str: "string", Path: "path"}


def _unwrap(annotation: Any) -> Any:
    """``Optional[X]`` -> ``X``."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _unwrap(args[0])
    return annotation


def plain_shape(annotation: Any) -> tuple[Any, bool] | None:
    """(the base type, whether it is a list) for a plain annotation; None otherwise."""
    annotation = _unwrap(annotation)
    many = get_origin(annotation) is list
    if many:
        args = get_args(annotation)
        if len(args) != 1:
            return None
        annotation = _unwrap(args[0])
    return (annotation, many) if annotation in CONVERTERS else None


def build(descriptor: Any, fallback: Any) -> Any:
    """A light runtime parameter for plain options; Typer's own for everything else."""
    info = descriptor.parameter_info
    shape = plain_shape(descriptor.annotation)
    special = (
        descriptor.file_annotation is not None
        or getattr(info, "min", None) is not None
        or getattr(info, "max", None) is not None
        or getattr(info, "parser", None) is not None
        or getattr(info, "click_type", None) is not None
    )
    if shape is None or special or descriptor.choices is not None:
        return fallback(descriptor)
    return _plain_class()(parameter_info=info, annotation=descriptor.annotation, shape=shape)


@cache
def _plain_class() -> type:
    """The runtime parameter class, made once (a dataclass costs an ``exec`` per method)."""
    from typer._coercion import RuntimeParam

    @dataclass(frozen=True)
    class Plain(RuntimeParam):
        shape: tuple[Any, bool] = (str, False)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            from typer._click.exceptions import BadParameter

            base, many = self.shape
            convert = CONVERTERS[base]
            try:
                return [convert(v) for v in value] if many else convert(value)
            except (TypeError, ValueError):
                shown = value if not many else next((v for v in value if not _ok(convert, v)), value)
                raise BadParameter(f"{shown!r} is not a valid {NAMES[base]}.", ctx=ctx, param=param) from None

    return Plain


def _ok(convert: Any, value: Any) -> bool:
    try:
        convert(value)
    except (TypeError, ValueError):
        return False
    return True


def install() -> None:
    """Route Typer's parameter coercion through :func:`build` (Typer 0.29-0.30's layout)."""
    try:
        from typer import _coercion, core
    except ImportError:  # pragma: no cover - another Typer: keep its own coercion
        return
    original = getattr(_coercion, "build_runtime_param", None)
    if original is None or getattr(core, "build_runtime_param", None) is not original:
        return  # pragma: no cover - a layout we do not know: leave it alone

    def light(descriptor: Any) -> Any:
        return build(descriptor, original)

    core.build_runtime_param = light  # type: ignore[attr-defined]
