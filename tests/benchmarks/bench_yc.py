"""Classify every company description in ../shared/corpora/yc_companies as a product-page
document: sentences/s, documents/s, peak memory, and the label distribution found.
Writes build/bench/yc.json.

    python -m tests.benchmarks.bench_yc
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import resource
import sys
import time
from collections import Counter

from tests.benchmarks.common import CORPORA, write_results

CSV = CORPORA / "yc_companies" / "yc_companies_2024-05-11.csv"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    csv.field_size_limit(sys.maxsize)
    with CSV.open(encoding="utf-8", newline="") as fh:
        companies = list(csv.DictReader(fh))
    docs = []
    for row in companies:
        # The one-liner is the page's tagline; the long description its body.
        text = "\n".join(
            t.strip() for t in (row["short_description"], row["long_description"]) if t.strip()
        )
        docs.append(
            {
                "doc_id": f"yc-{row['company_id']}",
                "run_date": dt.date(2024, 5, 11),
                "company_id": f"yc-{row['company_id']}",
                "kind": "product_page",
                "text": text,
            }
        )
    rss_before = peak_rss_mb()
    from classifiers.api import load_classifier

    clf = load_classifier()
    rss_loaded = peak_rss_mb()
    started = time.perf_counter()
    rows = clf.claims_for_documents(docs)
    seconds = time.perf_counter() - started
    claims = Counter(r["claim"] for r in rows)
    flags = Counter(f for r in rows for f in r["flags"])
    washing_docs = {r["doc_id"] for r in rows if r["washing"]}
    ai_docs = {r["doc_id"] for r in rows if r["ai_claim"]}
    top = sorted(rows, key=lambda r: -r["washing_score"])[:5]
    results = {
        "model_version": clf.model_version,
        "load_average": os.getloadavg()[0],
        "documents": len(docs),
        "sentences": len(rows),
        "seconds": round(seconds, 2),
        "sentences_per_second": round(len(rows) / seconds),
        "documents_per_second": round(len(docs) / seconds),
        "peak_rss_mb": {
            "before_load": round(rss_before),
            "after_load": round(rss_loaded),
            "after_run": round(peak_rss_mb()),
        },
        "claim_counts": dict(claims.most_common()),
        "claim_shares": {k: round(v / len(rows), 4) for k, v in claims.most_common()},
        "flag_counts": dict(flags.most_common()),
        "washing_sentences": sum(r["washing"] for r in rows),
        "documents_with_ai_claim": len(ai_docs),
        "documents_with_washing": len(washing_docs),
        "top_washing_examples": [
            {
                "text": r["text"],
                "claim": r["claim"],
                "flags": r["flags"],
                "washing_score": round(r["washing_score"], 3),
            }
            for r in top
        ],
    }
    path = write_results("yc", results)
    print(
        f"{len(docs)} descriptions, {len(rows)} sentences in {seconds:.2f}s: "
        f"{results['sentences_per_second']} sentences/s, {results['documents_per_second']} docs/s; "
        f"peak RSS {results['peak_rss_mb']['after_run']} MB"
    )
    print("claims:", results["claim_counts"])
    print("flags:", results["flag_counts"])
    print(f"documents with an AI claim: {len(ai_docs)}; with washing: {len(washing_docs)}")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
