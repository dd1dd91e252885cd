"""The real-text labels (tests/benchmarks/real_sets.py: dev1, holdout1 and the v2 sentences
split into dev2 and holdout2): well-formed, text-free, disjoint, and still pointing at
sentences that the shared corpora and our segmenter produce; the v2 sentences carry two
independent passes and the adjudicated label. Also: no sentence of our labelled corpus is a
real one."""

from __future__ import annotations

import re

import pytest

from classifiers.labels import KINDS, check_row
from tests.benchmarks.common import CORPORA
from tests.benchmarks.real_text import KINDS_BY_SOURCE, sentence_key

FIELDS = {"key", "source", "kind", "claim", "flags"}
V2_FIELDS = FIELDS | {"set"}

MIN_ROWS = {"dev1": 700, "holdout1": 500, "dev2": 1000, "holdout2": 1000}
ITEM_HEADING = re.compile(r"Item \d+[A-C]?\.\s")


def read(set_name: str) -> list[dict]:
    from tests.benchmarks.real_sets import labels

    return labels(set_name)


@pytest.fixture(scope="module", params=sorted(MIN_ROWS))
def rows(request: pytest.FixtureRequest) -> list[dict]:
    return read(request.param)


@pytest.fixture(scope="module")
def real_first_seen() -> dict[str, tuple[str, str]]:
    """Each real sentence's key -> (source, kind) where it is first seen."""
    if not CORPORA.is_dir():
        pytest.skip(f"shared corpora not found at {CORPORA}: keys cannot be checked")
    from tests.benchmarks.real_text import iter_real_sentences

    first_seen: dict[str, tuple[str, str]] = {}
    for source, kind, sentence in iter_real_sentences():
        first_seen.setdefault(sentence_key(sentence), (source, kind))
    return first_seen


def test_labels_are_well_formed(rows: list[dict]) -> None:
    assert len(rows) >= min(MIN_ROWS.values())
    problems = []
    for n, row in enumerate(rows, 1):
        if set(row) not in (FIELDS, V2_FIELDS):
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


def test_labelled_keys_are_found_in_the_corpora(rows: list[dict], real_first_seen) -> None:
    found = [row for row in rows if row["key"] in real_first_seen]
    assert len(found) >= 0.95 * len(rows), (
        f"only {len(found)} of {len(rows)} labelled keys found in {CORPORA}"
    )
    # A found key comes from the source and kind its label names.
    wrong = [r["key"] for r in found if real_first_seen[r["key"]] != (r["source"], r["kind"])]
    assert not wrong, f"keys found under another source or kind: {wrong[:10]}"


def test_second_annotation_labels_exactly_the_holdout() -> None:
    from tests.benchmarks.real_sets import HERE, read_jsonl

    second = read_jsonl(HERE / "real_text_holdout_labels_b.jsonl")
    first = read("holdout1")
    assert sorted(r["key"] for r in second) == sorted(r["key"] for r in first)
    for row in second:
        assert set(row) == FIELDS and not check_row(row["claim"], row["flags"]), row


def test_v2_label_is_the_two_passes_where_they_agree() -> None:
    # Two independent passes label the same sentences; the adjudicated file keeps their
    # label where they agree and decides only where they differ.
    from tests.benchmarks.real_sets import V2, V2_PASSES, read_jsonl

    final = {r["key"]: r for r in read_jsonl(V2)}
    a, b = ({r["key"]: r for r in read_jsonl(path)} for path in V2_PASSES)
    assert set(a) == set(b) == set(final)
    disagreements = 0
    for key, row in final.items():
        assert set(row) == V2_FIELDS and row["set"] in ("dev", "holdout"), row
        assert a[key]["set"] == b[key]["set"] == row["set"]
        pa, pb = (
            (a[key]["claim"], sorted(a[key]["flags"])),
            (b[key]["claim"], sorted(b[key]["flags"])),
        )
        if pa == pb:
            assert (row["claim"], sorted(row["flags"])) == pa, key
        else:
            disagreements += 1
    assert 0 < disagreements < 0.2 * len(final)


def test_holdout_shares_no_sentence_and_no_startup_or_page_with_dev() -> None:
    dev, holdout = read("dev"), read("holdout")
    every = [r["key"] for name in ("dev1", "dev2", "holdout1", "holdout2") for r in read(name)]
    assert len(every) == len(set(every)), "a sentence is labelled in two sets"
    assert not {r["key"] for r in dev} & {r["key"] for r in holdout}

    def documents(rows: list[dict], family: str) -> set[str]:
        # yc:<company>:short|long -> the company; wcxb:<page> -> the page
        return {
            ":".join(r["source"].split(":")[:2]) for r in rows if r["source"].startswith(family)
        }

    for family in ("yc:", "wcxb:"):
        assert not documents(dev, family) & documents(holdout, family), family


def test_no_corpus_sentence_is_a_real_one(real_first_seen) -> None:
    # The labelled corpus is our own writing (classifiers/corpus/README.md): a sentence cut
    # from the shared corpora, word for word, does not belong in it. Short headings
    # ("Overview") and the 10-K's own item headings are common property and allowed.
    from classifiers.corpus import load_corpus

    copied = [
        row.text
        for row in load_corpus()
        if len(row.text.split()) >= 8
        and not ITEM_HEADING.match(row.text)
        and sentence_key(row.text) in real_first_seen
    ]
    assert not copied, f"{len(copied)} corpus sentences are real sentences: {copied[:3]}"
