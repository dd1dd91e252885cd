"""`hypewatch run --sources FILE` with a bad file: one clear line naming the problem, exit 1,
and nothing landed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "does not exist"),
        ("companies: [\n", "not valid YAML"),
        ("companies:\n  - id: acme\n    name: Acme\n    cik: twelve\n", "companies[0].cik"),
        ("companies:\n  - id: acme\n    name: Acme\n    webiste: https://a.example/\n",
         "companies[0].webiste: unknown key"),
    ],
)  # fmt: skip
def test_a_bad_sources_file_is_one_error_line_and_exit_1(
    tmp_path: Path, text: str | None, message: str
) -> None:
    sources = tmp_path / "sources.yaml"
    if text is not None:
        sources.write_text(text)
    data_dir = tmp_path / "data"
    result = CliRunner().invoke(
        app, ["run", "--sources", str(sources), "--data-dir", str(data_dir)]
    )
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], lines
    assert result.stdout == ""
    assert not data_dir.exists()


def test_without_a_trained_model_run_says_how_to_build_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HYPEWATCH_MODEL", str(tmp_path / "no-model"))
    data_dir = tmp_path / "data"
    result = CliRunner().invoke(app, ["run", "--data-dir", str(data_dir)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: no trained model in {tmp_path / 'no-model'} (run `hypewatch train` or `make model`)"
    ]
    assert not data_dir.exists()
