"""Helpers shared by the benchmarks: timing, result files, and the shared corpora path."""

from __future__ import annotations

import json
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
RESULTS = REPO / "build" / "bench"


def best_of(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    """(median, min) wall seconds over `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def snapshot_corpus(folder: Path) -> Path:
    """A copy of classifiers/corpus/*.jsonl in `folder`, so that every variant of a
    comparison trains on the same corpus even while it grows."""
    from classifiers.corpus import corpus_files

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in corpus_files():
        shutil.copy(path, folder / path.name)
    return folder


def write_results(name: str, results: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(results, indent=2, default=str) + "\n")
    return path
