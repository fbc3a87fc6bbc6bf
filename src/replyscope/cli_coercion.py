"""Typer's parameter coercion for plain values, without importing pydantic when nothing is wrong.

typer (0.29) turns every command-line value into its type through a pydantic `TypeAdapter` built
for the parameter, so every `replyscope` process imported pydantic and built a schema per parameter
(a one-page `replyscope split` under cachegrind: 2.21 G instructions with them, 1.86 G without;
the whole process on 10 MB of pages is ~16 G) to read a path, a column name and a worker count. Here the
values whose coercion is plain (a string; a path; digits for an int or a float within its bounds;
a default already of its type) are coerced as typer's adapter would, and anything else (a value
that does not parse, is out of bounds, or any other type) goes to typer's own coercion, built
only then: its conversions and its error messages stay typer's, word for word.

This reaches into typer's parameter objects (`_runtime_param`, `type_descriptor`); where they are
not there (another typer), nothing is changed and typer coerces as usual.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# What int() and float() read exactly as pydantic's lax number parsing does: plain digits (with a
# fraction for a float). Signs, blanks, underscores and exponents go to typer's adapter.
_INT = re.compile(r"[0-9]+")
_FLOAT = re.compile(r"[0-9]+(?:\.[0-9]+)?")


class _NotPlain(Exception):
    """The value is not one this module coerces: typer's own coercion reads it."""


def _in_bounds(number: int | float, info: Any) -> int | float:
    if (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
        raise _NotPlain  # (typer's adapter says what the bound is, in its words)
    return number


def _path(value: Any, param: Any, ctx: Any) -> Path:
    from typer._param_types import coerce_cli_path  # noqa: PLC0415

    if isinstance(value, str) and value and "\0" not in value:
        value = Path(value)
    if not isinstance(value, Path):
        raise _NotPlain
    # (given a Path, typer's own check of the path needs no adapter: existence, file or folder,
    # access, as the parameter asks)
    return coerce_cli_path(value, param.type_descriptor.parameter_info, path_type=Path, param=param, ctx=ctx)


def _leaf(annotation: Any, value: Any, param: Any, ctx: Any) -> Any:
    info = param.type_descriptor.parameter_info
    if annotation is str:
        if isinstance(value, str):
            return str(value)
    elif annotation is int:
        if type(value) is int:
            return _in_bounds(value, info)
        if isinstance(value, str) and _INT.fullmatch(value):
            return _in_bounds(int(value), info)
    elif annotation is float:
        if type(value) is float:
            return _in_bounds(value, info)
        if isinstance(value, str) and _FLOAT.fullmatch(value):
            return _in_bounds(float(value), info)
    elif annotation is Path:
        return _path(value, param, ctx)
    raise _NotPlain


class PlainCoercion:
    """Stands in for typer's runtime coercion of one parameter (see the module's docstring)."""

    def __init__(self, param: Any) -> None:
        self.param = param
        self.full = None  # typer's own, built on the first value this one does not read

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        from typer._click.exceptions import BadParameter  # noqa: PLC0415

        multi = param.multiple or param.nargs == -1
        if value is None:
            return () if multi else None  # (as typer's RuntimeParam.coerce)
        annotation = param.type_descriptor.annotation
        try:
            if multi and annotation == list[Path] and isinstance(value, (list, tuple)):
                return [_leaf(Path, item, param, ctx) for item in value]
            if not multi:
                return _leaf(annotation, value, param, ctx)
        except (_NotPlain, BadParameter):
            pass  # (a path typer turns away: its own coercion says so, in its words)
        if self.full is None:
            from typer._coercion import build_runtime_param  # noqa: PLC0415

            self.full = build_runtime_param(param.type_descriptor)
        return self.full.coerce(value, param=param, ctx=ctx)


# (a bool is coerced only when it is not one already: the help flag, which is None when not given)
_PLAIN = (str, int, float, bool, Path, list[Path])


def use_plain_coercion(command: Any, ctx: Any) -> None:
    """Give the command's plain parameters (see _PLAIN; no parser, no clamp), its help flag among
    them, the coercion above."""
    for param in command.get_params(ctx):
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue  # (not typer's parameter, or its coercion is built already)
        info = descriptor.parameter_info
        if descriptor.annotation not in _PLAIN or info.parser is not None or info.clamp or descriptor.file_annotation is not None:
            continue
        if descriptor.annotation in (Path, list[Path]) and (info.path_type is not None or info.resolve_path or info.allow_dash):
            continue
        param._runtime_param = PlainCoercion(param)
