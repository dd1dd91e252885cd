"""Sample the sealed real-text holdout: candidate sentences for hand labelling.

Prints the sampled sentences as JSONL {key, source, kind, text} to stdout only (the text is
never written to a file in the repository). The labels live in real_text_holdout_labels.jsonl,
keyed by `sentence_key` like real_text_labels.jsonl (the "real dev" set).

    python -m tests.benchmarks.sample_real_holdout > /tmp/holdout_candidates.jsonl

Deterministic (fixed seed, sources read in a fixed order). Exclusions, so the holdout shares
no sentence and, where the source allows, no document with the dev set:
- every key in real_text_labels.jsonl;
- yc: every company with a dev label (short and long description alike);
- wcxb: every page with a dev label;
- rss: every feed file with a dev label if at least MIN_FREE_FEEDS files remain, else only keys;
- sec: only keys (every filing is in the dev set).
Sentences under 3 or over 120 words are skipped, and each key is taken once, from the first
source that yields it (as sentences_by_key() matches it).

Stratified per source family: about 60% of each family's quota from sentences matching a broad
AI-ish regex (written here, independent of classifiers/patterns) and 40% from the rest.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from tests.benchmarks.real_text import iter_real_sentences, sentence_key

DEV_LABELS = Path(__file__).with_name("real_text_labels.jsonl")
SEED = 20240611
QUOTA = {"yc": 170, "sec": 150, "wcxb": 110, "rss": 90}
AI_SHARE = 0.6
MIN_WORDS, MAX_WORDS = 3, 120
MIN_FREE_FEEDS = 15

AI_ISH = re.compile(
    r"\bai\b|\ba\.i\.|artificial|intelligen|machine[- ]learning|\bml\b|model|agent"
    r"|neural|gpt|\bllms?\b|algorithm|automat|\bsmart|predict|copilot|co-pilot"
    r"|\bbots?\b|chatbot|robot|autonomous|deep[- ]learning|\bvision",
    re.IGNORECASE,
)


def family(source: str) -> str:
    return source.split(":", 1)[0]


def doc_id(source: str) -> str:
    """The document a sentence belongs to: for yc the company (short and long together)."""
    if source.startswith("yc:"):
        return ":".join(source.split(":")[:2])
    return source


def dev_exclusions() -> tuple[set[str], set[str], set[str]]:
    """(dev keys, dev documents, dev rss feed files)."""
    keys, docs, feeds = set(), set(), set()
    with DEV_LABELS.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            keys.add(row["key"])
            fam = family(row["source"])
            if fam in ("yc", "wcxb"):
                docs.add(doc_id(row["source"]))
            elif fam == "rss":
                feeds.add(row["source"])
    return keys, docs, feeds


def candidates() -> dict[str, dict[bool, list[dict]]]:
    """Per family, the eligible sentences split by the AI-ish regex (True) or not (False)."""
    dev_keys, dev_docs, dev_feeds = dev_exclusions()
    seen: set[str] = set()
    rss_rows: list[dict] = []
    pools: dict[str, dict[bool, list[dict]]] = defaultdict(lambda: {True: [], False: []})
    for source, kind, text in iter_real_sentences():
        key = sentence_key(text)
        if key in seen:
            continue
        seen.add(key)  # first occurrence decides the source, as in sentences_by_key()
        if key in dev_keys:
            continue
        if not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
            continue
        fam = family(source)
        if fam in ("yc", "wcxb") and doc_id(source) in dev_docs:
            continue
        row = {"key": key, "source": source, "kind": kind, "text": " ".join(text.split())}
        if fam == "rss":
            rss_rows.append(row)
            continue
        pools[fam][bool(AI_ISH.search(text))].append(row)
    all_feeds = {r["source"] for r in rss_rows}
    drop_feeds = dev_feeds if len(all_feeds - dev_feeds) >= MIN_FREE_FEEDS else set()
    for row in rss_rows:
        if row["source"] not in drop_feeds:
            pools["rss"][bool(AI_ISH.search(row["text"]))].append(row)
    return pools


def draw(
    pools: dict[str, dict[bool, list[dict]]], quota: dict[str, int], ai_share: float, seed: int
) -> dict[str, list[dict]]:
    """Per family, `ai_share` of its quota drawn from its AI-ish pool and the rest from the
    others (fewer where a pool is short), by one seeded generator in quota order."""
    rng = random.Random(seed)
    out = {}
    for fam, n in quota.items():
        ai_pool, rest_pool = pools[fam][True], pools[fam][False]
        n_ai = min(len(ai_pool), round(n * ai_share))
        n_rest = min(len(rest_pool), n - n_ai)
        out[fam] = rng.sample(ai_pool, n_ai) + rng.sample(rest_pool, n_rest)
    return out


def sample(pools: dict[str, dict[bool, list[dict]]]) -> list[dict]:
    out = []
    for picked in draw(pools, QUOTA, AI_SHARE, SEED).values():
        out.extend(sorted(picked, key=lambda r: r["key"]))  # no visible stratum order
    return out


def write_sample(pools: dict[str, dict[bool, list[dict]]], quota: dict, rows: list[dict]) -> int:
    """The pool sizes on stderr, the sampled rows as JSONL on stdout."""
    for fam in quota:
        print(
            f"{fam}: {len(pools[fam][True])} ai-ish, {len(pools[fam][False])} other eligible",
            file=sys.stderr,
        )
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def main() -> int:
    pools = candidates()
    return write_sample(pools, QUOTA, sample(pools))


if __name__ == "__main__":
    raise SystemExit(main())
