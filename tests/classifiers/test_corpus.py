from __future__ import annotations

import json
import random

import pytest

from classifiers.corpus import (
    CorpusError,
    Row,
    assign_splits,
    load_corpus,
    read_rows,
    split_corpus,
)
from classifiers.labels import CLAIM_LABELS, FLAG_LABELS, KINDS, check_row, is_washing


def test_every_corpus_line_follows_the_label_set():
    rows = load_corpus()
    assert len(rows) >= 1000
    assert {r.claim for r in rows} == set(CLAIM_LABELS)
    assert {f for r in rows for f in r.flags} == set(FLAG_LABELS)
    assert {r.kind for r in rows} == set(KINDS)


def _rows(n_docs: int, kind: str) -> list[Row]:
    return [
        Row(f"sentence {i} of {d}", "NONE", (), kind, f"{kind}-{d}")
        for d in range(n_docs)
        for i in range(3)
    ]


def test_split_is_by_document_deterministic_and_stable_under_growth():
    rows = [r for kind in KINDS for r in _rows(200, kind)]
    first = assign_splits(rows)
    shuffled = rows[:]
    random.Random(1).shuffle(shuffled)
    assert assign_splits(shuffled) == first  # independent of row order
    # Adding documents moves none of the old ones.
    grown = assign_splits(rows + _rows(50, "filing") + [Row("x", "NONE", (), "filing", "new")])
    assert {d: grown[d] for d in first} == first
    splits = split_corpus(rows)
    docs = {name: {r.doc_id for r in part} for name, part in splits.items()}
    assert not docs["train"] & docs["dev"] and not docs["train"] & docs["test"]
    assert not docs["dev"] & docs["test"]
    # Every sentence of a document is on the same side.
    for name, part in splits.items():
        assert all(first[r.doc_id] == name for r in part)
    shares = [len(docs[name]) / len(first) for name in ("train", "dev", "test")]
    assert shares == pytest.approx([0.70, 0.15, 0.15], abs=0.04)


def test_real_corpus_split_has_every_kind_in_every_split():
    splits = split_corpus(load_corpus())
    for part in splits.values():
        assert {r.kind for r in part} == set(KINDS)


def test_read_rows_names_the_bad_line(tmp_path):
    path = tmp_path / "slice.jsonl"
    good = {"text": "AI.", "claim": "VAGUE", "flags": [], "kind": "filing", "doc_id": "d1"}
    bad = {**good, "claim": "NONE", "flags": ["OVERCLAIM"]}
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n")
    with pytest.raises(CorpusError, match=r"slice.jsonl:3: a NONE sentence carries no flags"):
        read_rows(path)
    path.write_text(json.dumps(good) + "\n{oops\n")
    with pytest.raises(CorpusError, match=r"slice.jsonl:2: not JSON"):
        read_rows(path)
    path.write_text(json.dumps({**good, "kind": "tweet"}) + "\n")
    with pytest.raises(CorpusError, match=r"slice.jsonl:1: kind 'tweet'"):
        read_rows(path)


def test_label_rules():
    assert check_row("MAYBE", []) is not None
    assert check_row("VAGUE", ["LOUD"]) is not None
    assert check_row("SPECIFIC", ["UNSUPPORTED_METRIC"]) is None
    assert is_washing("VAGUE", []) and is_washing("ASPIRATIONAL", [])
    assert is_washing("SPECIFIC", ["UNSUPPORTED_METRIC"]) and not is_washing("SPECIFIC", [])
    assert not is_washing("NONE", [])
