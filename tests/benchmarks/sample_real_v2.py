"""Sample the second real-text yardstick: 2,200 more third-party sentences for labelling.

Prints JSONL {key, source, kind, set, text} to stdout only (the text never goes into the
repository). The labels live in real_text_v2_labels.jsonl (adjudicated) beside the two
independent passes real_text_v2_labels_a.jsonl and _b.jsonl, keyed by `sentence_key`.

    python -m tests.benchmarks.sample_real_v2 > /tmp/real_v2_candidates.jsonl

Deterministic (fixed seed, sources read in a fixed order). Exclusions: every key already
labelled (real dev and the first holdout), and for yc and wcxb every company or page with a
label, so the new sentences come from documents no earlier set used. Enriched for sentences
that could be AI claims: 75% of each family's quota matches a broad regex of AI, automation
and model wording (written here, independent of classifiers/patterns), 25% does not.

Each sentence goes to `dev` or `holdout` by a hash of its document (the yc company, the wcxb
page, the rss feed item's feed file and sentence for the rest), so dev and holdout share no yc
company and no wcxb page.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path

from tests.benchmarks.real_text import iter_real_sentences, sentence_key
from tests.benchmarks.sample_real_holdout import doc_id, draw, family, write_sample

HERE = Path(__file__).parent
EARLIER_LABELS = (HERE / "real_text_labels.jsonl", HERE / "real_text_holdout_labels.jsonl")
SEED = 20261204
QUOTA = {"yc": 700, "sec": 500, "wcxb": 400, "rss": 600}
AI_SHARE = 0.75
MIN_WORDS, MAX_WORDS = 3, 120

AI_ISH = re.compile(
    r"\bai\b|\ba\.i\.|artificial|intelligen|machine[- ]learning|\bml\b|model|agent"
    r"|neural|gpt|\bllms?\b|algorithm|automat|\bsmart|predict|copilot|co-pilot"
    r"|\bbots?\b|chatbot|robot|autonomous|deep[- ]learning|\bvision|generat|prompt"
    r"|train(?:ed|ing)\b|fine-?tun|benchmark|inference|reason|autopilot|self-driving"
    r"|without (?:any )?human|no human|hands-free|zero-touch|no action required|learns?\b",
    re.IGNORECASE,
)


def earlier() -> tuple[set[str], set[str]]:
    """(labelled keys, labelled yc companies and wcxb pages) of the earlier sets."""
    keys, docs = set(), set()
    for path in EARLIER_LABELS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                keys.add(row["key"])
                if family(row["source"]) in ("yc", "wcxb"):
                    docs.add(doc_id(row["source"]))
    return keys, docs


def assign_set(source: str, key: str) -> str:
    unit = doc_id(source) if family(source) in ("yc", "wcxb") else f"{source}:{key}"
    return "dev" if hashlib.sha256(unit.encode()).digest()[0] % 2 == 0 else "holdout"


def candidates() -> dict[str, dict[bool, list[dict]]]:
    old_keys, old_docs = earlier()
    seen: set[str] = set()
    pools: dict[str, dict[bool, list[dict]]] = defaultdict(lambda: {True: [], False: []})
    for source, kind, text in iter_real_sentences():
        key = sentence_key(text)
        if key in seen:
            continue
        seen.add(key)  # the first occurrence decides the source, as in sentences_by_key()
        if key in old_keys or not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
            continue
        fam = family(source)
        if fam in ("yc", "wcxb") and doc_id(source) in old_docs:
            continue
        row = {
            "key": key,
            "source": source,
            "kind": kind,
            "set": assign_set(source, key),
            "text": " ".join(text.split()),
        }
        pools[fam][bool(AI_ISH.search(text))].append(row)
    return pools


def sample(pools: dict[str, dict[bool, list[dict]]]) -> list[dict]:
    picked = [row for rows in draw(pools, QUOTA, AI_SHARE, SEED).values() for row in rows]
    return sorted(picked, key=lambda r: r["key"])  # no visible stratum order


def main() -> int:
    pools = candidates()
    return write_sample(pools, QUOTA, sample(pools))


if __name__ == "__main__":
    raise SystemExit(main())
