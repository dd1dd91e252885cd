"""`hypewatch classify`, `train` and `evaluate`: the functions flows/cli.py calls.

Each returns the exit code. User errors are one line on stderr starting with "error:".
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

BATCH_LINES = 512


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def _load(model: Path | None):
    from classifiers.api import ModelNotFoundError, load_classifier

    try:
        return load_classifier(model)
    except ModelNotFoundError as exc:
        _error(str(exc))
        return None


def _json_lines(fh: TextIO, name: str) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, object, problem) for each non-blank line: a problem names what is wrong."""
    for line_no, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield line_no, None, f"{name}:{line_no}: not valid JSON ({exc.msg})"
            continue
        if not isinstance(obj, dict):
            yield line_no, None, f"{name}:{line_no}: expected a JSON object"
            continue
        yield line_no, obj, None


def _open_input(path: Path) -> TextIO | None:
    try:
        # Undecodable bytes become U+FFFD instead of aborting the whole file.
        return path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        _error(f"cannot read {path}: {exc.strerror}")
        return None


def classify_command(texts: list[str], input_path: Path | None, model: Path | None) -> int:
    """Label the texts given as arguments, or every {"id", "text"} line of `input_path`,
    as JSONL on stdout: one object per input, in input order."""
    if not texts and input_path is None:
        _error("give sentences as arguments or --input FILE.jsonl")
        return 2
    if texts and input_path is not None:
        _error("give sentences as arguments or --input FILE.jsonl, not both")
        return 2
    clf = _load(model)
    if clf is None:
        return 1
    from classifiers.api import clean_text

    out = sys.stdout
    if texts:
        texts = [clean_text(t) for t in texts]
        for text, fields in zip(texts, clf.label_texts(texts), strict=True):
            out.write(json.dumps({"text": text, **fields}, ensure_ascii=False) + "\n")
        return 0
    fh = _open_input(input_path)
    if fh is None:
        return 1
    failed = False
    batch: list[tuple[Any, str, str | None]] = []

    def flush() -> None:
        results = clf.label_texts([t for _, t, _ in batch], [k for _, _, k in batch])
        for (item_id, text, _), fields in zip(batch, results, strict=True):
            out.write(
                json.dumps({"id": item_id, "text": text, **fields}, ensure_ascii=False) + "\n"
            )
        out.flush()
        batch.clear()

    with fh:
        for _, obj, problem in _json_lines(fh, str(input_path)):
            if problem is None and not isinstance(obj.get("text"), str):
                problem = f"{input_path}:{_}: 'text' must be a string"
            if problem is None and obj.get("kind") is not None and not isinstance(obj["kind"], str):
                problem = f"{input_path}:{_}: 'kind' must be a string"
            if problem:
                # Earlier lines are written first, so stdout keeps the input order.
                flush()
                _error(problem)
                failed = True
                continue
            batch.append((obj.get("id"), obj["text"], obj.get("kind")))
            if len(batch) >= BATCH_LINES:
                flush()
        flush()
    return 1 if failed else 0


def evaluate_command(path: Path, as_json: bool, model: Path | None) -> int:
    """Score the model on a labelled JSONL file ({"text", "claim", "flags"} per line)."""
    from classifiers.labels import check_row
    from classifiers.metrics import format_report, score

    fh = _open_input(path)
    if fh is None:
        return 1
    failed = False
    texts, kinds, gold = [], [], []
    with fh:
        for line_no, obj, problem in _json_lines(fh, str(path)):
            if problem is None:
                if not isinstance(obj.get("text"), str):
                    problem = f"{path}:{line_no}: 'text' must be a string"
                elif (
                    label_problem := check_row(obj.get("claim"), obj.get("flags", []))
                ) is not None:
                    problem = f"{path}:{line_no}: {label_problem}"
            if problem:
                _error(problem)
                failed = True
                continue
            texts.append(obj["text"])
            kinds.append(obj.get("kind") if isinstance(obj.get("kind"), str) else None)
            gold.append({"claim": obj["claim"], "flags": list(obj.get("flags", []))})
    if not gold:
        _error(f"{path}: no labelled lines")
        return 1
    clf = _load(model)
    if clf is None:
        return 1
    result = score(gold, clf.label_texts(texts, kinds))
    result["model_version"] = clf.model_version
    if as_json:
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
    else:
        sys.stdout.write(f"model {clf.model_version} on {path}\n" + format_report(result))
    return 1 if failed else 0


def train_command(output: Path | None) -> int:
    """Rebuild the model from the corpus into `output` (default: $HYPEWATCH_MODEL or
    build/model)."""
    from classifiers.api import resolve_model_dir
    from classifiers.corpus import CorpusError
    from classifiers.metrics import format_report
    from classifiers.train import build_model

    target = resolve_model_dir(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        meta = build_model(target)
    except CorpusError as exc:
        _error(str(exc))
        return 1
    print(f"model {meta['model_version']} written to {target}", file=sys.stderr)
    print("test split:\n" + format_report(meta["test"]["all"]), file=sys.stderr)
    return 0
