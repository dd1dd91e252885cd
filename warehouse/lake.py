"""The Parquet lake: one directory per table, one partition per run date.

    <data-dir>/lake/<table>/run_date=YYYY-MM-DD/data.parquet

A partition is a single file, so replacing it is one `os.replace`: the new file is written
beside the old one under a name no query globs (`data.parquet.tmp-<pid>-<hex>`), flushed to
disk, then renamed over it. Readers see the old partition or the new one, never half of
either, and a crash before the rename leaves only an invisible temp file that the next landing
of that partition sweeps away. Landing the same run date twice leaves one copy; other run
dates are never opened for writing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.schemas import PARTITION_COLUMN, TABLES, stored_schema

DATA_DIR_ENV = "HYPEWATCH_DATA_DIR"
PARTITION_FILE = "data.parquet"
_TMP_PATTERN = re.compile(r"^data\.parquet\.tmp-(\d+)-[0-9a-f]+$")


class SchemaError(ValueError):
    """Rows that do not fit a table's schema. The message names the table and column."""


def resolve_data_dir(value: Path | str | None = None) -> Path:
    """--data-dir wins, then $HYPEWATCH_DATA_DIR, then ./data."""
    if value is None:
        value = os.environ.get(DATA_DIR_ENV) or "data"
    return Path(value).expanduser().resolve()


def lake_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "lake"


def table_dir(data_dir: Path, table: str) -> Path:
    _check_table(table)
    return lake_dir(data_dir) / table


def partition_dir(data_dir: Path, table: str, run_date: dt.date) -> Path:
    return table_dir(data_dir, table) / f"{PARTITION_COLUMN}={run_date.isoformat()}"


def run_dates(data_dir: Path, table: str) -> list[dt.date]:
    """Run dates that have a landed partition, oldest first."""
    root = table_dir(data_dir, table)
    if not root.is_dir():
        return []
    dates = []
    for child in root.iterdir():
        prefix = f"{PARTITION_COLUMN}="
        if child.name.startswith(prefix) and (child / PARTITION_FILE).is_file():
            dates.append(dt.date.fromisoformat(child.name[len(prefix) :]))
    return sorted(dates)


def conform(table: str, rows: pa.Table | Iterable[Mapping]) -> pa.Table:
    """Rows as a pyarrow table with exactly the table's schema, or SchemaError.

    Nothing is cast silently: a column of the wrong type, a missing or unknown column, or a
    null in a required column is an error naming the column.
    """
    schema = TABLES[_check_table(table)]
    if isinstance(rows, pa.Table):
        return _conform_table(table, schema, rows)
    return _conform_records(table, schema, list(rows))


def land_partition(
    data_dir: Path,
    table: str,
    run_date: dt.date,
    rows: pa.Table | Iterable[Mapping],
    *,
    rebuild_catalog: bool = True,
) -> Path:
    """Replace the table's partition for `run_date` with `rows`, atomically.

    Every row must carry `run_date` equal to the partition's date. Returns the file path.
    The DuckDB catalog is recreated afterwards unless the caller lands several tables and
    rebuilds once itself.
    """
    if not isinstance(run_date, dt.date) or isinstance(run_date, dt.datetime):
        raise SchemaError(f"{table}: run_date must be a date, got {run_date!r}")
    data = conform(table, rows)
    dates = data.column(PARTITION_COLUMN)
    wrong = [d for d in dates.unique().to_pylist() if d != run_date]
    if wrong:
        raise SchemaError(
            f"{table}.{PARTITION_COLUMN}: rows for {wrong[0].isoformat()} cannot land in the "
            f"partition for {run_date.isoformat()}"
        )
    data = data.drop_columns([PARTITION_COLUMN])

    target_dir = partition_dir(data_dir, table, run_date)
    target_dir.mkdir(parents=True, exist_ok=True)
    _sweep_stale_temp_files(target_dir)
    tmp = target_dir / f"{PARTITION_FILE}.tmp-{os.getpid()}-{secrets.token_hex(6)}"
    try:
        with open(tmp, "wb") as sink:
            pq.write_table(data, sink, compression="zstd")
            sink.flush()
            os.fsync(sink.fileno())
        _crash_point("written")
        os.replace(tmp, target_dir / PARTITION_FILE)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _crash_point("renamed")
    _fsync_dir(target_dir)
    _crash_point("landed")

    if rebuild_catalog:
        from warehouse.catalog import rebuild_catalog as rebuild

        rebuild(data_dir)
    return target_dir / PARTITION_FILE


def read_partition(data_dir: Path, table: str, run_date: dt.date) -> pa.Table:
    """One run date's rows with the full schema; an empty table when nothing has landed."""
    path = partition_dir(data_dir, table, run_date) / PARTITION_FILE
    if not path.is_file():
        return TABLES[table].empty_table()
    return _with_run_date(table, pq.read_table(path, schema=stored_schema(table)), run_date)


def read_table(data_dir: Path, table: str) -> pa.Table:
    """Every run date's rows, oldest first, with the full schema."""
    parts = [read_partition(data_dir, table, d) for d in run_dates(data_dir, table)]
    if not parts:
        return TABLES[table].empty_table()
    return pa.concat_tables(parts)


def _with_run_date(table: str, data: pa.Table, run_date: dt.date) -> pa.Table:
    schema = TABLES[table]
    column = pa.array([run_date] * data.num_rows, type=pa.date32())
    index = schema.get_field_index(PARTITION_COLUMN)
    return data.add_column(index, schema.field(index), column)


CRASH_ENV = "HYPEWATCH_TEST_CRASH_AT"
_crash_points_reached: dict[str, int] = {}


def _crash_point(point: str) -> None:
    """Crash injection for tests, at the exact moments a power cut would hurt, the same on a
    fast machine as on a slow one: HYPEWATCH_TEST_CRASH_AT=POINT[:N] ends the process (exit
    137, no clean-up) the Nth time (default 1) it reaches POINT: `written` (the temp file is
    whole, not yet renamed), `renamed` (in place, folder not yet synced) or `landed`."""
    wanted = os.environ.get(CRASH_ENV)
    if not wanted:
        return
    name, _, nth = wanted.partition(":")
    if name == point:
        _crash_points_reached[point] = _crash_points_reached.get(point, 0) + 1
        if _crash_points_reached[point] == int(nth or 1):
            os._exit(137)


def _sweep_stale_temp_files(directory: Path) -> None:
    """Remove temp files left by landings whose process is gone (a crash mid-write)."""
    for child in directory.iterdir():
        match = _TMP_PATTERN.match(child.name)
        if match and not _pid_alive(int(match.group(1))):
            child.unlink(missing_ok=True)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own leftovers are from an earlier failed attempt
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _check_table(table: str) -> str:
    if table not in TABLES:
        raise SchemaError(f"unknown table {table!r}; tables are {', '.join(TABLES)}")
    return table


def _conform_table(table: str, schema: pa.Schema, data: pa.Table) -> pa.Table:
    _check_names(table, schema, data.column_names)
    columns = []
    for field in schema:
        column = data.column(field.name)
        if not column.type.equals(field.type):
            raise SchemaError(
                f"{table}.{field.name}: expected type {field.type}, got {column.type}"
            )
        if not field.nullable and column.null_count:
            raise SchemaError(
                f"{table}.{field.name}: {column.null_count} null value(s) in a required column"
            )
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=schema)


def _conform_records(table: str, schema: pa.Schema, records: list[Mapping]) -> pa.Table:
    names = [field.name for field in schema]
    for index, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise SchemaError(f"{table}: row {index} is a {type(record).__name__}, not a mapping")
        if set(record) != set(names):
            _check_names(table, schema, list(record), row=index)
    arrays = []
    for field in schema:
        values = [record[field.name] for record in records]
        for index, value in enumerate(values):
            problem = _value_problem(value, field.type, field.nullable)
            if problem:
                raise SchemaError(f"{table}.{field.name}: row {index}: {problem}")
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _check_names(table: str, schema: pa.Schema, names: list[str], row: int | None = None) -> None:
    where = f" (row {row})" if row is not None else ""
    expected = set(schema.names)
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise SchemaError(f"{table}.{sorted(duplicates)[0]}: duplicate column{where}")
    unknown = [name for name in names if name not in expected]
    if unknown:
        raise SchemaError(f"{table}.{unknown[0]}: unknown column{where}")
    missing = [name for name in schema.names if name not in names]
    if missing:
        raise SchemaError(f"{table}.{missing[0]}: missing column{where}")


def _value_problem(value: object, type_: pa.DataType, nullable: bool = True) -> str | None:
    """Why `value` does not fit `type_` without a cast, or None when it fits."""
    if value is None:
        return None if nullable else "null in a required column"
    if pa.types.is_string(type_):
        ok = isinstance(value, str)
    elif pa.types.is_boolean(type_):
        ok = isinstance(value, bool)
    elif pa.types.is_integer(type_):
        ok = isinstance(value, int) and not isinstance(value, bool)
        if ok:
            info = _INT_RANGES[type_.bit_width]
            if not info[0] <= value <= info[1]:
                return f"{value} does not fit in {type_}"
    elif pa.types.is_floating(type_):
        ok = isinstance(value, float | int) and not isinstance(value, bool)
    elif pa.types.is_date32(type_):
        ok = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    elif pa.types.is_timestamp(type_):
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            return "naive datetime: give a timezone (UTC)"
        ok = isinstance(value, dt.datetime)
    elif pa.types.is_list(type_):
        if not isinstance(value, list | tuple):
            return f"expected a list, got {type(value).__name__}"
        for item in value:
            problem = _value_problem(item, type_.value_type)
            if problem:
                return f"list item: {problem}"
        return None
    elif pa.types.is_map(type_):
        if not isinstance(value, Mapping):
            return f"expected a mapping, got {type(value).__name__}"
        for key, item in value.items():
            problem = _value_problem(key, type_.key_type, nullable=False) or _value_problem(
                item, type_.item_type
            )
            if problem:
                return f"map entry {key!r}: {problem}"
        return None
    elif pa.types.is_struct(type_):
        if not isinstance(value, Mapping):
            return f"expected a mapping, got {type(value).__name__}"
        fields = {type_.field(i).name: type_.field(i) for i in range(type_.num_fields)}
        if set(value) != set(fields):
            extra = sorted(set(value) - set(fields))
            missing = sorted(set(fields) - set(value))
            return f"struct keys: unknown {extra}" if extra else f"struct keys: missing {missing}"
        for name, sub in fields.items():
            problem = _value_problem(value[name], sub.type, sub.nullable)
            if problem:
                return f"{name}: {problem}"
        return None
    else:  # pragma: no cover - the schemas use only the types above
        raise TypeError(f"unsupported type {type_}")
    return None if ok else f"expected {type_}, got {type(value).__name__} {value!r:.60}"


_INT_RANGES = {bits: (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) for bits in (8, 16, 32, 64)}
