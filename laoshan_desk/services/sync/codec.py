"""Plain JSON for what travels between a street desk and the hub: input forms and table rows.

A form is encoded field by field and decoded back by the service's own type hints (so the hub
rebuilds exactly the frozen dataclass the street's clerk filled in); a row is encoded column by
column and decoded by the table's column types. Nothing is pickled: a file from a USB stick can
only ever become a form or a row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import inspect
import types
import typing
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Numeric, Table, Uuid
from sqlalchemy.types import TypeDecorator, TypeEngine

from laoshan_desk.domain.errors import ValidationError

BAD_CHANGE = "同步数据中的一项操作无法识别，未执行"


def encode_value(value: Any) -> Any:
    """A Python value as JSON: UUIDs, dates, times, decimals and paths as text; sequences as lists."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): encode_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [encode_value(v) for v in value]
    raise TypeError(f"cannot encode {type(value).__name__}")


def encode_form(form: Any) -> dict[str, Any]:
    return {f.name: encode_value(getattr(form, f.name)) for f in dataclasses.fields(form)}


def form_class(service: Callable[..., Any]) -> type[Any]:
    """The input dataclass a registered service takes (its ``form`` parameter's type)."""
    target = inspect.unwrap(service)
    hints = typing.get_type_hints(target)
    cls = hints.get("form")
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise TypeError(f"{target.__name__} takes no form dataclass")
    return cls


def decode_form(service: Callable[..., Any], data: Mapping[str, Any]) -> Any:
    """The service's form from its JSON; a ValidationError for anything that does not fit."""
    cls = form_class(service)
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    try:
        for f in dataclasses.fields(cls):
            if f.name in data:
                values[f.name] = _decode(hints[f.name], data[f.name])
        return cls(**values)
    except (TypeError, ValueError, decimal.InvalidOperation):
        raise ValidationError(BAD_CHANGE, field="file") from None


def _decode(hint: Any, raw: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if raw is None:
            return None
        return _decode(options[0], raw)
    if origin in (tuple, list, Sequence) or hint in (tuple, list):
        args = [a for a in typing.get_args(hint) if a is not Ellipsis] or [Any]
        if not isinstance(raw, list):
            raise TypeError("expected a list")
        return tuple(_decode(args[0], v) for v in raw)
    if raw is None:
        return None
    if hint is uuid.UUID:
        return uuid.UUID(str(raw))
    if hint is dt.datetime:
        return dt.datetime.fromisoformat(str(raw))
    if hint is dt.date:
        return dt.date.fromisoformat(str(raw))
    if hint is decimal.Decimal:
        return decimal.Decimal(str(raw))
    if hint is Path:
        return Path(str(raw))
    if hint is bool:
        if not isinstance(raw, bool):
            raise TypeError("expected true/false")
        return raw
    if hint is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise TypeError("expected an integer")
        return raw
    if hint is str:
        if not isinstance(raw, str):
            raise TypeError("expected text")
        return raw
    return raw


def base_versions(form: Any) -> dict[str, int]:
    """The row versions a change started from: ``{"appeal:<id>": version}`` for a form that
    names an appeal and the version its screen showed (0 for the appeal an intake makes)."""
    appeal_id, version = getattr(form, "appeal_id", None), getattr(form, "version", None)
    if isinstance(appeal_id, uuid.UUID) and isinstance(version, int):
        return {f"appeal:{appeal_id}": version}
    if isinstance(appeal_id, uuid.UUID) and not hasattr(form, "version"):
        return {f"appeal:{appeal_id}": 0}  # a new appeal (受理): no version before it
    return {}


def _column_kind(col_type: TypeEngine[Any]) -> TypeEngine[Any]:
    return col_type.impl_instance if isinstance(col_type, TypeDecorator) else col_type


def encode_row(table: Table, row: Mapping[Any, Any]) -> dict[str, Any]:
    return {c.name: encode_value(row[c.name]) for c in table.columns if c.name in row}


def decode_row(table: Table, data: Mapping[str, Any]) -> dict[str, Any]:
    """A row for ``table`` from its JSON, typed by the table's columns (unknown keys dropped)."""
    out: dict[str, Any] = {}
    for c in table.columns:
        if c.name not in data:
            continue
        raw = data[c.name]
        kind = _column_kind(c.type)
        if raw is None or isinstance(kind, JSON):
            out[c.name] = raw
        elif isinstance(kind, Uuid):
            out[c.name] = uuid.UUID(str(raw))
        elif isinstance(kind, DateTime):
            out[c.name] = dt.datetime.fromisoformat(str(raw))
        elif isinstance(kind, Date):
            out[c.name] = dt.date.fromisoformat(str(raw))
        elif isinstance(kind, Numeric) and not isinstance(kind, Integer):
            out[c.name] = decimal.Decimal(str(raw))
        elif isinstance(kind, Boolean):
            out[c.name] = bool(raw)
        else:
            out[c.name] = raw
    return out
