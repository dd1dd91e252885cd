"""The DuckDB catalog: `<data-dir>/hypewatch.duckdb`, views and macros over the lake.

The file holds no data, only definitions created from the SQL files in warehouse/sql/, so it
can always be thrown away and rebuilt from the lake. It is rebuilt beside the live file and
renamed into place, so a reader that has the old file open keeps a consistent catalog.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import os
import re
import secrets
import uuid
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.lake import PARTITION_FILE, lake_dir, run_dates
from warehouse.schemas import PARTITION_COLUMN, TABLES

CATALOG_FILE = "hypewatch.duckdb"
SQL_DIR = Path(__file__).parent / "sql"
SQL_FILES = ("views.sql", "macros.sql", "history.sql")
_PLACEHOLDER = re.compile(r"\{\{table:([a-z_]+)\}\}")
# Offline by design: a query that needs an extension we do not ship must fail, not download.
DUCKDB_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


class QueryError(RuntimeError):
    """A query DuckDB rejected; the message is DuckDB's, on one line."""


def catalog_path(data_dir: Path) -> Path:
    return Path(data_dir) / CATALOG_FILE


def rebuild_catalog(data_dir: Path) -> Path:
    """Recreate the DuckDB file from the SQL files and whatever the lake holds now."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    target = catalog_path(data_dir)
    tmp = data_dir / f".{CATALOG_FILE}.tmp-{os.getpid()}-{secrets.token_hex(6)}"
    try:
        con = duckdb.connect(str(tmp), config=DUCKDB_CONFIG)
        try:
            for statement in catalog_statements(data_dir):
                con.execute(statement)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    return target


def catalog_statements(data_dir: Path) -> list[str]:
    """The SQL that defines the catalog, with each table's source filled in."""
    statements = []
    for name in SQL_FILES:
        text = (SQL_DIR / name).read_text(encoding="utf-8")
        text = _PLACEHOLDER.sub(lambda m: table_source(data_dir, m.group(1)), text)
        statements.extend(split_statements(text))
    return statements


def table_source(data_dir: Path, table: str) -> str:
    """A relation over a table's partitions, or a typed empty one while there are none."""
    if table not in TABLES:
        raise KeyError(f"views.sql names unknown table {table!r}")
    if not run_dates(data_dir, table):
        columns = ", ".join(
            f"CAST(NULL AS {duckdb_type(field.type)}) AS {field.name}" for field in TABLES[table]
        )
        return f"(SELECT {columns} WHERE false)"
    pattern = lake_dir(data_dir) / table / f"{PARTITION_COLUMN}=*" / PARTITION_FILE
    return (
        f"read_parquet({_sql_string(str(pattern))}, hive_partitioning = true, "
        f"hive_types = {{'{PARTITION_COLUMN}': DATE}})"
    )


def connect(data_dir: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to the catalog, building it first when the file is missing."""
    path = catalog_path(data_dir)
    if not path.exists():
        rebuild_catalog(data_dir)
    return duckdb.connect(str(path), read_only=read_only, config=DUCKDB_CONFIG)


def query_table(data_dir: Path, query: str) -> pa.Table:
    """Run one query and return its rows as Arrow; DuckDB errors become QueryError."""
    con = connect(data_dir)
    try:
        relation = con.sql(query)
        if relation is None:  # a statement with no result set
            return pa.table({})
        return relation.to_arrow_table()
    except duckdb.Error as exc:
        raise QueryError(_one_line(exc)) from None
    finally:
        con.close()


def run_query(data_dir: Path, query: str, output_format: str = "table") -> str:
    """Run a query and render it as a text table, CSV or JSON."""
    result = query_table(data_dir, query)
    rows = result.to_pylist(maps_as_pydicts="strict")
    if output_format == "csv":
        return _render_csv(result.column_names, rows)
    if output_format == "json":
        return json.dumps(rows, default=_json_default, ensure_ascii=False, indent=1) + "\n"
    return render_table(result.column_names, rows)


def render_table(columns: list[str], rows: list[dict], max_width: int = 60) -> str:
    """A plain aligned text table; long cells are cut with an ellipsis."""
    cells = [[_cell(row[c], max_width) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [
        bool(rows)
        and all(isinstance(r[c], int | float | decimal.Decimal) or r[c] is None for r in rows)
        for c in columns
    ]

    def line(values: list[str]) -> str:
        parts = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ]
        return " | ".join(parts).rstrip()

    out = [line(columns), "-+-".join("-" * w for w in widths)]
    out.extend(line(r) for r in cells)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def split_statements(text: str) -> list[str]:
    """Split a SQL file on semicolons that end a line, dropping comment-only chunks."""
    statements = []
    for chunk in re.split(r";\s*(?:\n|$)", text):
        code = "\n".join(
            line for line in chunk.splitlines() if not line.strip().startswith("--")
        ).strip()
        if code:
            statements.append(code)
    return statements


def duckdb_type(type_: pa.DataType) -> str:
    """DuckDB's name for the type DuckDB gives a Parquet column of this Arrow type."""
    if pa.types.is_string(type_):
        return "VARCHAR"
    if pa.types.is_boolean(type_):
        return "BOOLEAN"
    if pa.types.is_int32(type_):
        return "INTEGER"
    if pa.types.is_int64(type_):
        return "BIGINT"
    if pa.types.is_float32(type_):
        return "FLOAT"
    if pa.types.is_float64(type_):
        return "DOUBLE"
    if pa.types.is_date32(type_):
        return "DATE"
    if pa.types.is_timestamp(type_):
        return "TIMESTAMP WITH TIME ZONE" if type_.tz else "TIMESTAMP"
    if pa.types.is_list(type_):
        return f"{duckdb_type(type_.value_type)}[]"
    if pa.types.is_map(type_):
        return f"MAP({duckdb_type(type_.key_type)}, {duckdb_type(type_.item_type)})"
    if pa.types.is_struct(type_):
        inner = ", ".join(
            f'"{type_.field(i).name}" {duckdb_type(type_.field(i).type)}'
            for i in range(type_.num_fields)
        )
        return f"STRUCT({inner})"
    raise TypeError(f"no DuckDB type for {type_}")


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _cell(value: object, max_width: int) -> str:
    if value is None:
        text = "NULL"
    elif isinstance(value, float):
        text = f"{value:.4g}" if abs(value) < 1e6 else f"{value:.6g}"
    elif isinstance(value, list | dict | tuple):
        text = json.dumps(value, default=_json_default, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def _render_csv(columns: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                json.dumps(v, default=_json_default, ensure_ascii=False)
                if isinstance(v, list | dict)
                else (
                    ""
                    if v is None
                    else _json_default(v)
                    if not isinstance(v, str | int | float | bool)
                    else v
                )
                for v in (row[c] for c in columns)
            ]
        )
    return buffer.getvalue()


def _json_default(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return str(value)
