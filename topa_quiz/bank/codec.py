"""Dataclasses to JSON and back, by their type hints: one codec for every model object.

:func:`encode` turns a value of a hinted type (dataclasses, named tuples, tuples, lists,
``dict[str, ...]``, unions, ``object`` holding plain JSON data) into JSON data, a dataclass
or named tuple as the list of its fields' values in order (no names: a sixth less to read);
:func:`decode` rebuilds it and checks every shape on the way, raising :class:`ShapeError`
at the first thing that does not fit, so damaged data is refused, never half-used.
:func:`shape` describes a type's whole structure as text, for cache keys: change a model
class and old cache entries stop matching.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
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
    if dataclasses.is_dataclass(tp):  # its fields' values in order, as a named tuple's
        return [encode(getattr(value, f.name), _hints(tp)[f.name]) for f in dataclasses.fields(tp)]
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
    return _decoder(tp)(obj)


Decoder = Callable[[object], Any]


@cache
def _decoder(tp: Any) -> Decoder:
    """A function decoding ``tp``, built once per type (loading a bank decodes thousands)."""
    if tp in (object, Any):
        return _plain
    if tp is _NONE:
        return _null
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = typing.get_args(tp)
        members = [_decoder(a) for a in args if a is not _NONE]
        return (
            _optional(members[0]) if len(args) == 2 and _NONE in args else _union(members, _NONE in args, tp)
        )
    if dataclasses.is_dataclass(tp):
        return _dataclass(tp)
    if _is_named_tuple(tp):
        return _named_tuple(tp)
    if origin in (tuple, list):
        return _sequence(tp, origin)
    if origin is dict:
        value = _decoder(typing.get_args(tp)[1])
        return lambda obj: {k: value(v) for k, v in _expect(obj, dict).items()}
    if tp in _SCALARS:
        return _SCALARS[tp]
    raise TypeError(f"the codec cannot decode {tp}")


def _expect(obj: object, kind: type) -> Any:
    if type(obj) is not kind:
        raise ShapeError(f"expected {kind.__name__}, got {type(obj).__name__}")
    return obj


def _null(obj: object) -> None:
    if obj is not None:
        raise ShapeError("expected null")


def _optional(member: Decoder) -> Decoder:
    return lambda obj: None if obj is None else member(obj)


def _union(members: list[Decoder], nullable: bool, tp: Any) -> Decoder:
    def decode_union(obj: object) -> Any:
        if obj is None and nullable:
            return None
        for member in members:
            try:
                return member(obj)
            except ShapeError:
                continue
        raise ShapeError(f"no member of {tp} fits {type(obj).__name__}")

    return decode_union


def _dataclass(tp: type) -> Decoder:
    hints = _hints(tp)
    names = [f.name for f in dataclasses.fields(tp)]
    # a scalar field is checked inline by its exact types; anything else by its decoder
    fields = [(n, *_inline(_decoder(hints[n]))) for n in names]
    size = len(fields)
    # no __post_init__ to run: the object is made without its __init__ (which, for a frozen
    # class, sets every field through object.__setattr__: most of the cost of a bank load)
    plain = not hasattr(tp, "__post_init__") and "__slots__" not in tp.__dict__
    new = object.__new__

    def decode_dataclass(obj: object) -> Any:
        if type(obj) is not list or len(obj) != size:
            raise ShapeError(f"expected the {size} fields of {tp.__name__}")
        made = new(tp) if plain else None
        values = made.__dict__ if made is not None else {}  # filled in place: no copy
        for (n, kinds, d), v in zip(fields, obj, strict=True):  # lengths checked above
            if kinds is None:
                values[n] = d(v)
            elif type(v) in kinds:
                values[n] = v
            else:
                raise ShapeError(f"{tp.__name__}.{n}: expected {kinds[0].__name__}, got {type(v).__name__}")
        if made is not None:
            return made
        try:
            return tp(**values)
        except (TypeError, ValueError) as exc:  # a __post_init__ that refuses the values
            raise ShapeError(str(exc)) from None

    return decode_dataclass


def _inline(decoder: Decoder) -> tuple[tuple[type, ...] | None, Decoder]:
    """(the exact types a scalar decoder accepts, or None, the decoder)."""
    return _KINDS.get(decoder), decoder


def _named_tuple(tp: type) -> Decoder:
    hints = _hints(tp)
    decoders = [_decoder(hints[n]) for n in tp._fields]  # type: ignore[attr-defined]

    def decode_named_tuple(obj: object) -> Any:
        if type(obj) is not list or len(obj) != len(decoders):
            raise ShapeError(f"expected {len(decoders)} values for {tp.__name__}")
        return tp(*(d(v) for d, v in zip(decoders, obj, strict=True)))

    return decode_named_tuple


def _sequence(tp: Any, origin: type) -> Decoder:
    args = typing.get_args(tp)
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        decoders = [_decoder(a) for a in args]

        def decode_fixed(obj: object) -> tuple[Any, ...]:
            if type(obj) is not list or len(obj) != len(decoders):
                raise ShapeError(f"expected {len(decoders)} values")
            return tuple(d(v) for d, v in zip(decoders, obj, strict=True))

        return decode_fixed
    item = _decoder(args[0])
    if origin is tuple:
        return lambda obj: tuple([item(v) for v in _expect(obj, list)])
    return lambda obj: [item(v) for v in _expect(obj, list)]


def _scalar(*kinds: type) -> Decoder:
    def decode_scalar(obj: object) -> Any:
        if type(obj) not in kinds:  # exact types: True is not an int here
            raise ShapeError(f"expected {kinds[0].__name__}, got {type(obj).__name__}")
        return obj

    return decode_scalar


_SCALARS: dict[type, Decoder] = {
    bool: _scalar(bool),
    int: _scalar(int),
    float: _scalar(float, int),
    str: _scalar(str),
}
_KINDS: dict[Decoder, tuple[type, ...]] = {
    _SCALARS[bool]: (bool,),
    _SCALARS[int]: (int,),
    _SCALARS[float]: (float, int),
    _SCALARS[str]: (str,),
}


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
