"""The hand-labelled real sentences, by set: labels from tests/benchmarks/, text from
../shared/corpora (cut again by real_text.sentences_by_key, never stored in the repository).

| set | labels | what |
|---|---|---|
| dev1 | real_text_labels.jsonl | 740 sentences, errors read while building the v1 classifier |
| holdout1 | real_text_holdout_labels.jsonl | 520 sentences, sealed (second pass: _b) |
| dev2, holdout2 | real_text_v2_labels.jsonl | 2,200 sentences enriched for AI wording, two independent passes (_a, _b) and adjudication; each row's `set` says dev or holdout |
| dev | dev1 + dev2 | what thresholds are tuned on and errors are read on |
| holdout | holdout1 + holdout2 | sealed: scores only |
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
V1 = {"dev1": HERE / "real_text_labels.jsonl", "holdout1": HERE / "real_text_holdout_labels.jsonl"}
V2 = HERE / "real_text_v2_labels.jsonl"
V2_PASSES = (HERE / "real_text_v2_labels_a.jsonl", HERE / "real_text_v2_labels_b.jsonl")
UNIONS = {"dev": ("dev1", "dev2"), "holdout": ("holdout1", "holdout2")}
SETS = ("dev1", "dev2", "holdout1", "holdout2", "dev", "holdout")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def labels(name: str) -> list[dict[str, Any]]:
    """The label rows {key, source, kind, claim, flags[, set]} of one set."""
    if name in UNIONS:
        return [row for part in UNIONS[name] for row in labels(part)]
    if name in V1:
        return read_jsonl(V1[name])
    if name in ("dev2", "holdout2"):
        return [row for row in read_jsonl(V2) if row["set"] == name[:-1]]
    raise KeyError(f"unknown real set {name!r}; one of {', '.join(SETS)}")


@lru_cache(maxsize=1)
def _found() -> dict[str, tuple[str, str, str]]:
    from tests.benchmarks.real_text import sentences_by_key

    return sentences_by_key()


def labelled_rows(name: str) -> list[dict[str, Any]]:
    """The set's label rows whose sentence is found in ../shared/corpora, with its `text`."""
    found = _found()
    return [{**row, "text": found[row["key"]][2]} for row in labels(name) if row["key"] in found]
