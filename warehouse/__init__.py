"""Parquet lake partitioned by run date, and the DuckDB catalog over it."""
