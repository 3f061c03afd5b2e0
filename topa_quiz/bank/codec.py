"""Dataclasses to JSON and back, by their type hints: one codec for every model object.

:func:`encode` turns a value of a hinted type (dataclasses, named tuples, tuples, lists,
``dict[str, ...]``, unions, ``object`` holding plain JSON data) into JSON data;
:func:`decode` rebuilds it and checks every shape on the way, raising :class:`ShapeError`
at the first thing that does not fit, so damaged data is refused, never half-used.
:func:`shape` describes a type's whole structure as text, for cache keys: change a model
class and old cache entries stop matching.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, Union

_NONE = type(None)


class ShapeError(ValueError):
    """The data does not have the shape its type says."""


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _is_named_tuple(tp: object) -> bool:
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


def _plain(v: object) -> object:
    """JSON data that decodes equal to ``v`` (for values typed ``object``)."""
    if v is None or isinstance(v, (str, bool, int)):
        return v
    if isinstance(v, float):
        return v
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict) and all(isinstance(k, str) for k in v):
        return {k: _plain(x) for k, x in v.items()}
    raise ShapeError(f"{type(v).__name__} is not plain JSON data")


def encode(value: object, tp: Any) -> object:
    """``value`` (of type ``tp``) as JSON data."""
    if tp in (object, Any):
        return _plain(value)
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        return encode(value, next(a for a in typing.get_args(tp) if a is not _NONE and _fits(value, a)))
    if dataclasses.is_dataclass(tp):
        return {f.name: encode(getattr(value, f.name), _hints(tp)[f.name]) for f in dataclasses.fields(tp)}
    if _is_named_tuple(tp):
        hints = _hints(tp)
        return [encode(getattr(value, n), hints[n]) for n in tp._fields]
    if origin in (tuple, list):
        args = typing.get_args(tp)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            return [encode(v, a) for v, a in zip(value, args, strict=True)]  # type: ignore[call-overload]
        return [encode(v, args[0]) for v in value]  # type: ignore[attr-defined]
    if origin is dict:
        return {k: encode(v, typing.get_args(tp)[1]) for k, v in value.items()}  # type: ignore[attr-defined]
    return value


def _fits(value: object, tp: Any) -> bool:
    """Could ``value`` be of the union member ``tp``? (chooses a member when encoding)"""
    base = typing.get_origin(tp) or tp
    if base is Any or base is object:
        return True
    if base is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if base is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, base)


def decode(obj: object, tp: Any) -> Any:
    """The value of type ``tp`` that ``obj`` (JSON data) encodes; ShapeError if it cannot."""
    if tp in (object, Any):
        return _plain(obj)
    if tp is _NONE:
        if obj is not None:
            raise ShapeError("expected null")
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        for member in typing.get_args(tp):
            try:
                return decode(obj, member)
            except ShapeError:
                continue
        raise ShapeError(f"no member of {tp} fits {type(obj).__name__}")
    if dataclasses.is_dataclass(tp):
        return _decode_dataclass(obj, tp)
    if _is_named_tuple(tp):
        hints = _hints(tp)
        if not isinstance(obj, list) or len(obj) != len(tp._fields):
            raise ShapeError(f"expected {len(tp._fields)} values for {tp.__name__}")
        return tp(*(decode(v, hints[n]) for v, n in zip(obj, tp._fields, strict=True)))
    if origin in (tuple, list):
        return _decode_sequence(obj, tp, origin)
    if origin is dict:
        if not isinstance(obj, dict):
            raise ShapeError("expected a mapping")
        return {k: decode(v, typing.get_args(tp)[1]) for k, v in obj.items()}
    return _decode_scalar(obj, tp)


def _decode_dataclass(obj: object, tp: type) -> Any:
    names = [f.name for f in dataclasses.fields(tp)]
    if not isinstance(obj, dict) or set(obj) != set(names):
        raise ShapeError(f"expected the fields of {tp.__name__}")
    hints = _hints(tp)
    try:
        return tp(**{n: decode(obj[n], hints[n]) for n in names})
    except (TypeError, ValueError) as exc:  # a __post_init__ that refuses the values
        raise ShapeError(str(exc)) from None


def _decode_sequence(obj: object, tp: Any, origin: type) -> Any:
    if not isinstance(obj, list):
        raise ShapeError("expected a list")
    args = typing.get_args(tp)
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        if len(obj) != len(args):
            raise ShapeError(f"expected {len(args)} values")
        return tuple(decode(v, a) for v, a in zip(obj, args, strict=True))
    items = [decode(v, args[0]) for v in obj]
    return tuple(items) if origin is tuple else items


def _decode_scalar(obj: object, tp: Any) -> Any:
    if tp is bool:
        ok = isinstance(obj, bool)
    elif tp is int:
        ok = isinstance(obj, int) and not isinstance(obj, bool)
    elif tp is float:
        ok = isinstance(obj, (int, float)) and not isinstance(obj, bool)
    elif tp is str:
        ok = isinstance(obj, str)
    else:
        raise ShapeError(f"cannot decode {tp}")
    if not ok:
        raise ShapeError(f"expected {tp.__name__}, got {type(obj).__name__}")
    return obj


@cache
def shape(tp: Any) -> str:
    """The structure of ``tp`` as text: every dataclass with its fields, recursively."""
    if dataclasses.is_dataclass(tp) or _is_named_tuple(tp):
        hints = _hints(tp)
        return f"{tp.__name__}({', '.join(f'{n}: {shape(h)}' for n, h in hints.items())})"
    args = typing.get_args(tp)
    if args:
        name = getattr(typing.get_origin(tp), "__name__", str(typing.get_origin(tp)))
        return f"{name}[{', '.join('...' if a is Ellipsis else shape(a) for a in args)}]"
    return getattr(tp, "__name__", str(tp))
