"""The real-text labels (tests/benchmarks/real_text_labels.jsonl): well-formed, text-free,
and still pointing at sentences that the shared corpora and our segmenter produce."""

from __future__ import annotations

import json
import re

import pytest

from classifiers.labels import KINDS, check_row
from tests.benchmarks.common import CORPORA
from tests.benchmarks.real_text import KINDS_BY_SOURCE, sentence_key

FIELDS = {"key", "source", "kind", "claim", "flags"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    from tests.benchmarks.bench_real_text import LABELS

    with LABELS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_labels_are_well_formed(rows: list[dict]) -> None:
    assert len(rows) >= 600
    problems = []
    for n, row in enumerate(rows, 1):
        if set(row) != FIELDS:
            problems.append(f"line {n}: fields {sorted(row)} (no text may be stored)")
            continue
        if not re.fullmatch(r"[0-9a-f]{16}", row["key"]):
            problems.append(f"line {n}: key {row['key']!r} is not 16 hex digits")
        if row["kind"] not in KINDS:
            problems.append(f"line {n}: kind {row['kind']!r}")
        family = row["source"].split(":", 1)[0]
        if KINDS_BY_SOURCE.get(family) != row["kind"]:
            problems.append(f"line {n}: source {row['source']!r} with kind {row['kind']!r}")
        problem = check_row(row["claim"], row["flags"])
        if problem:
            problems.append(f"line {n}: {problem}")
        if len(set(row["flags"])) != len(row["flags"]):
            problems.append(f"line {n}: repeated flag")
    assert not problems, "\n".join(problems)


def test_keys_are_unique(rows: list[dict]) -> None:
    keys = [row["key"] for row in rows]
    assert len(set(keys)) == len(keys)


def test_every_source_and_claim_value_is_represented(rows: list[dict]) -> None:
    assert {row["source"].split(":", 1)[0] for row in rows} == set(KINDS_BY_SOURCE)
    assert {row["claim"] for row in rows} == {"NONE", "SPECIFIC", "VAGUE", "ASPIRATIONAL"}


def test_sentence_key_collapses_whitespace() -> None:
    assert sentence_key("Our  AI\nworks.") == sentence_key(" Our AI works. ")
    assert sentence_key("Our AI works.") != sentence_key("Our AI works!")
    assert re.fullmatch(r"[0-9a-f]{16}", sentence_key("x"))


@pytest.mark.skipif(
    not CORPORA.is_dir(), reason=f"shared corpora not found at {CORPORA}: keys cannot be checked"
)
def test_labelled_keys_are_found_in_the_corpora(rows: list[dict]) -> None:
    from tests.benchmarks.real_text import iter_real_sentences

    first_seen: dict[str, tuple[str, str]] = {}
    for source, kind, sentence in iter_real_sentences():
        first_seen.setdefault(sentence_key(sentence), (source, kind))
    found = [row for row in rows if row["key"] in first_seen]
    assert len(found) >= 0.95 * len(rows), (
        f"only {len(found)} of {len(rows)} labelled keys found in {CORPORA}"
    )
    # A found key comes from the source and kind its label names.
    wrong = [r["key"] for r in found if first_seen[r["key"]] != (r["source"], r["kind"])]
    assert not wrong, f"keys found under another source or kind: {wrong[:10]}"
