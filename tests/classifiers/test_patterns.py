from __future__ import annotations

import json

import pytest
import spacy

from classifiers.components import EVIDENCE_LABELS, read_patterns
from classifiers.train import PATTERNS_DIR


@pytest.fixture(scope="module")
def ruler_nlp():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(
        "span_ruler", config={"spans_key": "evidence", "phrase_matcher_attr": "LOWER"}
    )
    ruler.add_patterns(read_patterns(str(PATTERNS_DIR)))
    return nlp


def labels(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(s.label_, s.text) for s in doc.spans["evidence"]}


def test_every_pattern_file_is_valid_and_phrase_patterns_are_lowercase():
    files = sorted(PATTERNS_DIR.glob("*.jsonl"))
    assert len(files) >= 10
    seen = set()
    for file in files:
        for line in file.read_text().splitlines():
            pattern = json.loads(line)
            assert pattern["label"] in EVIDENCE_LABELS, (file.name, pattern)
            if isinstance(pattern["pattern"], str):
                # phrase_matcher_attr is LOWER: an upper-case phrase would never match.
                assert pattern["pattern"] == pattern["pattern"].lower(), (file.name, pattern)
                key = (pattern["label"], pattern["pattern"])
                assert key not in seen, f"duplicate {key} in {file.name}"
                seen.add(key)
    found = {p["label"] for p in read_patterns(str(PATTERNS_DIR))}
    assert found == set(EVIDENCE_LABELS)


def test_reader_names_a_bad_pattern(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"label": "NOPE", "pattern": "ai"}\n')
    with pytest.raises(ValueError, match="x.jsonl:1"):
        read_patterns(str(tmp_path))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our AI-powered platform transforms sales.",
            {("AI_TERM", "AI-powered"), ("HYPE", "transforms")},
        ),
        (
            "The world's first AI-native insurer.",
            {("SUPERLATIVE", "world's first"), ("AI_TERM", "AI-native")},
        ),
        ("It handles every order with zero human touch.", {("ABSOLUTE", "every")}),
        ("Our detector is 99.2% accurate.", {("METRIC", "%"), ("METRIC", "accurate")}),
        (
            "Returns guaranteed by our algorithm.",
            {("GUARANTEE", "guaranteed"), ("AI_TERM", "algorithm")},
        ),
        (
            "We believe machine learning will change everything.",
            {("FUTURE", "We believe"), ("AI_TERM", "machine learning")},
        ),
        (
            "A gradient-boosted model trained on 3 years of tickets.",
            {("NAMED_MODEL", "gradient-boosted"), ("DATASET", "trained on")},
        ),
        (
            "Measured on 2,000 held-out calls.",
            {("TEST_CONDITION", "Measured on"), ("DATASET", "held-out")},
        ),
        (
            "A technician confirms every suggestion.",
            {("HUMAN_REVIEW", "a technician"), ("HUMAN_REVIEW", "confirms")},
        ),
        (
            "Our AI features may produce inaccurate results.",
            {("LIMITATION", "may produce"), ("LIMITATION", "inaccurate")},
        ),
    ],
)
def test_patterns_mark_evidence(ruler_nlp, text, expected):
    found = {(label, t.lower()) for label, t in labels(ruler_nlp, text)}
    assert {(label, t.lower()) for label, t in expected} <= found


def test_plain_text_has_no_ai_term(ruler_nlp):
    assert not any(
        label == "AI_TERM" for label, _ in labels(ruler_nlp, "Revenue grew 14% to $38 million.")
    )
