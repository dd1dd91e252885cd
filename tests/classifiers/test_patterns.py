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
    tokenizer = spacy.blank("en").tokenizer
    files = sorted(PATTERNS_DIR.glob("*.jsonl"))
    assert len(files) >= 10
    seen = set()
    for file in files:
        for line in file.read_text().splitlines():
            pattern = json.loads(line)
            assert pattern["label"] in EVIDENCE_LABELS, (file.name, pattern)
            if isinstance(pattern["pattern"], str):
                # phrase_matcher_attr is LOWER, so case does not matter to the match, but the
                # phrase is tokenized as written: a capitalised pattern is only there for a
                # spelling the tokenizer cuts differently in lower case ("A.I." is one
                # token, "a.i." two).
                phrase = pattern["pattern"]
                if phrase != phrase.lower():
                    cased = [t.lower_ for t in tokenizer(phrase)]
                    assert cased != [t.text for t in tokenizer(phrase.lower())], (
                        file.name,
                        pattern,
                    )
                key = (pattern["label"], phrase)
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


@pytest.mark.parametrize(
    "text",
    ["Search powered by A.I.", "Our A.I. ranks cases.", "An A.I.-powered tutor", "AI/ML models"],
)
def test_spellings_of_ai_are_ai_terms(ruler_nlp, text):
    assert any(label == "AI_TERM" for label, _ in labels(ruler_nlp, text))


@pytest.mark.parametrize(
    "text",
    ["We are an AI-first company.", "Our first hire was a nurse.", "It is not only fast."],
)
def test_first_and_only_alone_are_not_superlatives(ruler_nlp, text):
    assert not any(label == "SUPERLATIVE" for label, _ in labels(ruler_nlp, text))


def test_first_ever_and_the_only_are_superlatives(ruler_nlp):
    for text in ("The first-ever AI underwriter.", "The only AI that reads X-rays."):
        assert any(label == "SUPERLATIVE" for label, _ in labels(ruler_nlp, text)), text
