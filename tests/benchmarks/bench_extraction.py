"""Extraction quality on real marketing pages: our main text vs trafilatura's defaults.

Corpus: ../shared/corpora/wcxb_service_pages (165 SaaS, service and pricing pages with
human-checked main text, CC-BY-4.0), read in place, never copied. Score: token F1 on a bag
of lowercase word tokens against ``ground_truth.main_content``, averaged over pages (a page
where an extractor returns nothing scores 0 for it).

    python -m tests.benchmarks.bench_extraction

prints a table and writes build/bench/bench_extraction.json.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from spiders.extract import MIN_COVERAGE, choose, main_text, page_text, text_candidates

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpora" / "wcxb_service_pages"
OUT = REPO / "build" / "bench" / "bench_extraction.json"
_WORD = re.compile(r"\w+")


def tokens(text: str | None) -> Counter[str]:
    return Counter(_WORD.findall((text or "").lower()))


def scores(predicted: str | None, truth: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of word tokens (bag of words, lowercase)."""
    pred, gold = tokens(predicted), tokens(truth)
    overlap = sum((pred & gold).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision = overlap / sum(pred.values())
    recall = overlap / sum(gold.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def load_corpus(corpus: Path = CORPUS) -> list[tuple[str, str, str, str]]:
    """(file_id, url, html, main_content) for every page in index.csv."""
    with (corpus / "index.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    pages = []
    for row in rows:
        fid = row["file_id"]
        html = gzip.decompress((corpus / "html" / f"{fid}.html.gz").read_bytes())
        truth = json.loads((corpus / "ground-truth" / f"{fid}.json").read_text("utf-8"))
        pages.append(
            (
                fid,
                row["url"],
                html.decode("utf-8", "replace"),
                truth["ground_truth"]["main_content"],
            )
        )
    return pages


def evaluate(
    extractors: dict[str, Callable[[str, str], str | None]],
    pages: list[tuple[str, str, str, str]],
) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    for name, extract in extractors.items():
        per_page = []
        started = time.perf_counter()
        for _fid, url, html, truth in pages:
            per_page.append(scores(extract(html, url), truth))
        elapsed = time.perf_counter() - started
        results[name] = {
            "f1": statistics.mean(s[2] for s in per_page),
            "precision": statistics.mean(s[0] for s in per_page),
            "recall": statistics.mean(s[1] for s in per_page),
            "median_f1": statistics.median(s[2] for s in per_page),
            "pages_per_s": len(pages) / elapsed,
        }
    return results


EXTRACTORS: dict[str, Callable[[str, str], str | None]] = {
    "hypewatch main_text": lambda html, url: main_text(html, url),
    "trafilatura defaults": lambda html, url: trafilatura.extract(html, url=url),
    "structural pass only": lambda html, url: page_text(html),
}


THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def held_out_check(pages: list[tuple[str, str, str, str]]) -> list[dict[str, float]]:
    """Two-fold check that MIN_COVERAGE is not fitted to these pages: pick the best
    threshold on the even file ids, score on the odd ones, and the other way round."""
    parts = {fid: text_candidates(html, url) for fid, url, html, _ in pages}
    truth = {fid: gold for fid, _, _, gold in pages}
    raw = {fid: html for fid, _, html, _ in pages}

    def mean_f1(ids: list[str], threshold: float) -> float:
        return statistics.mean(scores(choose(*parts[i], threshold), truth[i])[2] for i in ids)

    even = [fid for fid in parts if int(fid) % 2 == 0]
    odd = [fid for fid in parts if int(fid) % 2 == 1]
    folds = []
    for tune, test in ((even, odd), (odd, even)):
        best = max(THRESHOLDS, key=lambda t: mean_f1(tune, t))
        baseline = statistics.mean(scores(trafilatura.extract(raw[i]), truth[i])[2] for i in test)
        folds.append(
            {"tuned_on": len(tune), "tested_on": len(test), "threshold": best,
             "held_out_f1": mean_f1(test, best), "trafilatura_f1": baseline}
        )  # fmt: skip
    return folds


def main() -> int:
    if not CORPUS.is_dir():
        print(f"error: corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    pages = load_corpus()
    results = evaluate(EXTRACTORS, pages)
    print(f"Extraction on {len(pages)} pages of {CORPUS.name} (mean token F1, bag of words)")
    print(f"{'extractor':24} {'F1':>6} {'P':>6} {'R':>6} {'med F1':>7} {'pages/s':>8}")
    for name, r in results.items():
        print(
            f"{name:24} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} "
            f"{r['median_f1']:7.3f} {r['pages_per_s']:8.1f}"
        )
    folds = held_out_check(pages)
    print(f"held-out check of MIN_COVERAGE (shipped: {MIN_COVERAGE}):")
    for fold in folds:
        print(
            f"  tuned on {fold['tuned_on']} pages -> {fold['threshold']}; on the other "
            f"{fold['tested_on']}: ours {fold['held_out_f1']:.3f}, trafilatura {fold['trafilatura_f1']:.3f}"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {"corpus": CORPUS.name, "pages": len(pages), "results": results,
             "min_coverage": MIN_COVERAGE, "held_out": folds},
            indent=2,
        )
        + "\n"
    )  # fmt: skip
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
