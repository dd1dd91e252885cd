"""Speed and memory of the whole classify stage on real text, on the machine's two cores:
segmentation, the AI-wording prefilter, the classifiers and the claims rows, from documents
as the flows hand them over.

Two corpora from ../shared/corpora: the YC descriptions (4,663 short product-page
documents) and the three 10-Ks in sec_filings (long filing documents, extracted as the edgar
spider extracts them). For each: one process, and two worker processes
(Classifier.claims_for_documents(processes=2)), timed twice: cold (spawning the workers and
loading the model in each is counted) and warm (a pool that already holds the model, as over
a long night). The baseline in the same run is the one-process figure: the speed-up is quoted
against it. Peak RSS is the largest of the parent and any worker.

    python -m tests.benchmarks.bench_speed

Writes build/bench/speed.json.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.common import CORPORA, write_results

ROUNDS_10K = 4  # the three 10-Ks are 10k sentences: repeat them for a steadier figure


def yc_documents() -> list[dict[str, Any]]:
    csv.field_size_limit(sys.maxsize)
    path = CORPORA / "yc_companies" / "yc_companies_2024-05-11.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        {
            "doc_id": f"yc-{row['company_id']}",
            "run_date": dt.date(2024, 5, 11),
            "company_id": f"yc-{row['company_id']}",
            "kind": "product_page",
            "text": "\n".join(
                t.strip() for t in (row["short_description"], row["long_description"]) if t.strip()
            ),
        }
        for row in rows
    ]


def filing_documents() -> list[dict[str, Any]]:
    from spiders.extract import filing_text

    paths = sorted((CORPORA / "sec_filings").glob("*-10-k-*.html"))
    texts = [(p.name, filing_text(p.read_bytes())) for p in paths]
    return [
        {
            "doc_id": f"{name}#{r}",
            "run_date": dt.date(2025, 3, 1),
            "company_id": name.split("-")[0],
            "kind": "filing",
            "text": text,
        }
        for r in range(ROUNDS_10K)
        for name, text in texts
    ]


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def measure(clf: Any, docs: list[dict[str, Any]]) -> dict[str, Any]:
    from classifiers.api import ClassifierPool

    started = time.perf_counter()
    rows = clf.claims_for_documents(docs)
    one = time.perf_counter() - started
    n = len(rows)
    started = time.perf_counter()
    with ClassifierPool(clf.model_dir, 2) as pool:
        cold_rows = pool.claims_for_documents(docs)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        warm_rows = pool.claims_for_documents(docs)
        warm = time.perf_counter() - started
    assert cold_rows == rows and warm_rows == rows, "two processes changed an answer"
    return {
        "documents": len(docs),
        "sentences": n,
        "one_process_per_s": round(n / one),
        "two_processes_cold_per_s": round(n / cold),
        "two_processes_warm_per_s": round(n / warm),
        "speedup_warm_over_one": round(one / warm, 2),
        "speedup_cold_over_one": round(one / cold, 2),
        "ai_claims": sum(r["ai_claim"] for r in rows),
    }


def main() -> int:
    from classifiers.api import load_classifier

    corpora = {"yc": yc_documents(), "10k": filing_documents()}
    clf = load_classifier()
    clf.claims_for_documents(corpora["yc"][:50])  # first-call set-up out of the timing
    results: dict[str, Any] = {
        "model_version": clf.model_version,
        "load_average": os.getloadavg()[0],
        "cpus": os.cpu_count(),
    }
    for name, docs in corpora.items():
        results[name] = measure(clf, docs)
    results["peak_rss_mb"] = round(peak_rss_mb())
    path = write_results("speed", results)
    for name in corpora:
        r = results[name]
        print(
            f"{name}: {r['documents']} documents, {r['sentences']} sentences; one process "
            f"{r['one_process_per_s']}/s; two processes {r['two_processes_warm_per_s']}/s warm "
            f"({r['speedup_warm_over_one']}x), {r['two_processes_cold_per_s']}/s cold "
            f"({r['speedup_cold_over_one']}x)"
        )
    print(f"peak RSS {results['peak_rss_mb']} MB; wrote {Path(path)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
