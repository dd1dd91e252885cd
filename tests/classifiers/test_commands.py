"""The classify / evaluate command contract (DESIGN.md): JSONL out, one object per input
line, id and order kept; a malformed line is one error line naming it, the others are still
labelled, and the exit code is non-zero."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from classifiers.api import LABEL_FIELDS
from classifiers.commands import classify_command, evaluate_command
from tests.conftest import REPO_ROOT


def test_classify_arguments(model_dir, capsys):
    code = classify_command(
        ["Our AI-powered platform transforms how teams work.", ""], None, model_dir
    )
    out = capsys.readouterr().out.splitlines()
    assert code == 0 and len(out) == 2
    first, second = (json.loads(line) for line in out)
    assert list(first) == ["text", *LABEL_FIELDS]
    assert first["claim"] == "VAGUE" and second["claim"] == "NONE"


def test_classify_input_file_keeps_ids_and_order_and_reports_bad_lines(model_dir, tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "We believe AI will redefine every part of our business."}),
        "{not json",
        json.dumps({"id": 7, "text": "Revenue grew 14% to $38 million."}),
        "",
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": None, "text": "Our detector is 99.2% accurate.", "kind": "product_page"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    code = classify_command([], path, model_dir)
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert code == 1
    assert [o["id"] for o in out] == ["a", 7, None]
    assert [o["claim"] for o in out[:2]] == ["ASPIRATIONAL", "NONE"]
    for o in out:
        assert set(LABEL_FIELDS) <= set(o)
    errors = captured.err.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith("error: ") and f"{path}:2:" in errors[0]
    assert f"{path}:5:" in errors[1] and "'text'" in errors[1]
    assert f"{path}:6:" in errors[2]


def test_classify_without_model_is_one_clear_error(tmp_path, capsys):
    code = classify_command(["x"], None, tmp_path / "missing")
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "no trained model" in err[0]


def test_classify_needs_some_input(capsys):
    assert classify_command([], None, None) == 2
    assert "error:" in capsys.readouterr().err


def test_evaluate_json(model_dir, tmp_path, capsys):
    path = tmp_path / "gold.jsonl"
    rows = [
        {
            "text": "Our AI-powered platform transforms how teams work.",
            "claim": "VAGUE",
            "flags": [],
        },
        {"text": "Revenue grew 14% to $38 million.", "claim": "NONE", "flags": []},
        {
            "text": "Our detector is 99.2% accurate.",
            "claim": "VAGUE",
            "flags": ["UNSUPPORTED_METRIC"],
        },
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert evaluate_command(path, True, model_dir) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["n"] == 3
    assert set(result["claim"]) == {"NONE", "SPECIFIC", "VAGUE", "ASPIRATIONAL"}
    assert set(result["flags"]) == {"OVERCLAIM", "UNSUPPORTED_METRIC", "SUPERLATIVE", "GUARANTEE"}
    for key in ("claim_macro_f1", "ai_claim", "washing"):
        assert key in result
    assert result["model_version"].startswith("claims-")


def test_evaluate_reports_a_bad_label_and_scores_the_rest(model_dir, tmp_path, capsys):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps({"text": "Revenue grew.", "claim": "NONE", "flags": []})
        + "\n"
        + json.dumps({"text": "x", "claim": "HUGE", "flags": []})
        + "\n"
    )
    assert evaluate_command(path, False, model_dir) == 1
    captured = capsys.readouterr()
    assert f"{path}:2: claim 'HUGE'" in captured.err
    assert "macro-F1" in captured.out


def test_cli_end_to_end(model_dir, tmp_path):
    """Through the real console entry point, as a user runs it."""
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": 1, "text": "The world's first AI-native insurer."}) + "\nbad\n"
    )
    env = {**os.environ, "HYPEWATCH_MODEL": str(model_dir)}
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "classify", "--input", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=300,
    )
    assert proc.returncode == 1
    (line,) = proc.stdout.splitlines()
    obj = json.loads(line)
    assert obj["id"] == 1 and obj["ai_claim"]
    assert proc.stderr.strip() == f"error: {path}:2: not valid JSON (Expecting value)"


def test_classify_missing_input_file(model_dir, tmp_path, capsys):
    assert classify_command([], tmp_path / "nope.jsonl", model_dir) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: cannot read") and "nope.jsonl" in err[0]


def test_classify_undecodable_bytes_in_input_file(model_dir, tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": 1, "text": "caf\xe9 \xff\xfe AI"}\n{"id": 2, "text": "ok"}\n')
    assert classify_command([], path, model_dir) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == [1, 2]
