"""Flat exports of the dataset for spreadsheets and dataframes: OUT/dataset.csv and OUT/dataset.parquet.

One row per profile. Nested objects become dotted columns (`members.total`),
lists of objects become readable strings ("name [acronym]", "name (role, org)"),
and the bulky `entities` / `evidence` become counts. Columns follow the record
model, so a new contract key shows up here without code changes.
"""
from __future__ import annotations

import csv
import importlib.util
import io
import types
import typing
from functools import cache
from pathlib import Path

from .atomic import write_bytes, write_text

LIST_SEPARATOR = " | "
COUNTED = ("entities", "evidence")  # too bulky for a flat table: only their size is exported
CSV_NAME, PARQUET_NAME = "dataset.csv", "dataset.parquet"


def _kind(annotation) -> str:
    """'int', 'list' or 'str' for a model field annotation (unwrapping Optional and Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _kind(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        kinds = {_kind(a) for a in typing.get_args(annotation) if a is not type(None)}
        return kinds.pop() if len(kinds) == 1 else "str"
    if origin is list:
        return "list"
    return "int" if annotation is int else "str"


@cache
def columns() -> list[tuple[str, str]]:
    """(name, kind) of every export column, read off the record model (imported only when rows are written,
    so a run that reuses every record does not pay for pydantic)."""
    from pydantic import BaseModel

    from .record import Record

    columns = []
    for key, info in Record.model_fields.items():
        annotation = info.annotation
        if key in COUNTED:
            columns.append((f"{key}_count", "int"))
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            columns += [(f"{key}.{sub}", _kind(sub_info.annotation)) for sub, sub_info in annotation.model_fields.items()]
        else:
            columns.append((key, _kind(annotation)))
    return columns


def _item_text(key: str, item) -> str:
    """One list entry as text: projects as "name [acronym]", people as "name (role, org)", events as "title (date, place)"."""
    if not isinstance(item, dict):
        return str(item)
    if key == "projects":
        return item["name"] + (f" [{item['acronym']}]" if item.get("acronym") else "")
    if key == "people":
        details = [v for v in (item.get("role"), item.get("organisation")) if v]
        return item["name"] + (f" ({', '.join(details)})" if details else "")
    if key == "events":
        when = item["date"] + (f"/{item['end_date']}" if item.get("end_date") else "")
        details = [v for v in (when, item.get("location")) if v]
        return item["title"] + f" ({', '.join(details)})"
    return ", ".join(f"{k}={v}" for k, v in item.items() if v not in (None, [], ""))


def flatten(record: dict) -> dict:
    """A record (as parsed from its JSON) as one flat row keyed by `columns()` names."""
    row = {}
    for key, value in record.items():
        if key in COUNTED:
            row[f"{key}_count"] = len(value)
        elif isinstance(value, dict):
            row.update({f"{key}.{sub}": v for sub, v in value.items()})
        elif isinstance(value, list):
            row[key] = [_item_text(key, item) for item in value]
        else:
            row[key] = value
    return {name: row.get(name) for name, _ in columns()}


def csv_text(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([name for name, _ in columns()])
    for row in rows:
        writer.writerow([_csv_cell(row[name]) for name, _ in columns()])
    return buffer.getvalue()


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


def parquet_bytes(rows: list[dict]) -> bytes:
    """The rows as a Parquet file with typed columns (lists stay lists); needs pyarrow."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types_ = {"int": pa.int64(), "str": pa.string(), "list": pa.list_(pa.string())}
    schema = pa.schema([(name, types_[kind]) for name, kind in columns()])
    table = pa.Table.from_pydict({name: [row[name] for row in rows] for name, _ in columns()}, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def expected_exports() -> list[str]:
    """The flat exports a run writes here: the CSV, and the Parquet file when pyarrow is installed."""
    return [CSV_NAME, *([PARQUET_NAME] if importlib.util.find_spec("pyarrow") else [])]


def write_exports(out: Path, rows: list[dict]) -> list[str]:
    """Write the CSV (always) and the Parquet file (when pyarrow is installed; else remove a stale one)."""
    write_text(out / CSV_NAME, csv_text(rows))
    written = [CSV_NAME]
    try:
        data = parquet_bytes(rows)
    except ImportError:
        (out / PARQUET_NAME).unlink(missing_ok=True)
    else:
        write_bytes(out / PARQUET_NAME, data)
        written.append(PARQUET_NAME)
    return written
