"""The hypewatch_washing component's decisions, on docs with hand-set scores: no trained
model needed."""

from __future__ import annotations

import pytest
import spacy

from classifiers.components import WashingScorer, read_patterns
from classifiers.train import PATTERNS_DIR


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(
        "span_ruler", config={"spans_key": "evidence", "phrase_matcher_attr": "LOWER"}
    )
    ruler.add_patterns(read_patterns(str(PATTERNS_DIR)))
    return nlp


def scored(nlp, text, claim_scores, flag_scores=None, **settings):
    doc = nlp(text)
    doc.cats = {
        **dict(zip(("NONE", "SPECIFIC", "VAGUE", "ASPIRATIONAL"), claim_scores, strict=True)),
        **(flag_scores or {}),
    }
    return WashingScorer(**settings)(doc)


def test_vague_claim_is_washing_with_evidence(nlp):
    doc = scored(
        nlp, "Our AI-powered platform is the best.", (0.1, 0.1, 0.7, 0.1), {"SUPERLATIVE": 0.8}
    )
    assert doc._.claim == "VAGUE" and doc._.ai_claim and doc._.washing
    assert doc._.flags == ["SUPERLATIVE"]
    assert doc._.claim_score == pytest.approx(0.7)
    labels = {(e["label"], e["text"]) for e in doc._.evidence}
    assert ("AI_TERM", "AI-powered") in labels and ("SUPERLATIVE", "best") in labels
    for e in doc._.evidence:
        assert doc.text[e["start_char"] : e["end_char"]] == e["text"]
    # P(VAGUE) + P(ASPIRATIONAL) + P(SPECIFIC) * max flag
    assert doc._.washing_score == pytest.approx(0.7 + 0.1 + 0.1 * 0.8)


def test_ai_threshold_decides_none(nlp):
    cats = (0.55, 0.05, 0.35, 0.05)
    assert scored(nlp, "Our AI helps.", cats)._.claim == "NONE"
    doc = scored(nlp, "Our AI helps.", cats, thresholds={"ai": 0.4})
    assert doc._.claim == "VAGUE"


def test_none_has_no_flags_and_no_evidence(nlp):
    doc = scored(nlp, "The best coffee in town.", (0.9, 0.0, 0.1, 0.0), {"SUPERLATIVE": 0.99})
    assert doc._.claim == "NONE" and doc._.flags == [] and doc._.evidence == []
    assert not doc._.ai_claim and not doc._.washing


def test_flags_only_on_ai_claims_even_with_ai_wording_and_high_flag_scores(nlp):
    # AI wording is present, so the scores are read: a NONE decided by the model's
    # P(NONE) still carries no flag, however sure the flag model is.
    text = "Our AI detects every fraud, the best in the world."
    flag_scores = {"OVERCLAIM": 0.99, "SUPERLATIVE": 0.99}
    doc = scored(nlp, text, (0.9, 0.05, 0.05, 0.0), flag_scores)
    assert doc._.claim == "NONE" and doc._.flags == [] and not doc._.washing
    assert doc._.evidence == []
    # The same sentence as an AI claim carries both.
    doc = scored(nlp, text, (0.1, 0.1, 0.8, 0.0), flag_scores)
    assert doc._.claim == "VAGUE" and set(doc._.flags) == {"OVERCLAIM", "SUPERLATIVE"}


def test_ai_threshold_per_document_kind(nlp):
    cats = (0.45, 0.05, 0.45, 0.05)  # 1 - P(NONE) = 0.55
    thresholds = {"ai": 0.5, "ai_press_release": 0.6}
    doc = nlp("Our AI helps.")
    doc.cats = dict(zip(("NONE", "SPECIFIC", "VAGUE", "ASPIRATIONAL"), cats, strict=True))
    scorer = WashingScorer(thresholds=thresholds)
    doc.user_data["hypewatch_kind"] = "press_release"
    assert scorer(doc)._.claim == "NONE"
    doc.user_data["hypewatch_kind"] = "product_page"
    assert scorer(doc)._.claim == "VAGUE"


def test_washing_score_calibration_maps_raw_scores_and_keeps_zero(nlp):
    from classifiers.calibration import platt

    cats, flags = (0.1, 0.1, 0.7, 0.1), {"SUPERLATIVE": 0.8}
    raw = scored(nlp, "Our AI-powered platform is the best.", cats, flags)._.washing_score
    doc = scored(
        nlp, "Our AI-powered platform is the best.", cats, flags, washing_platt=[0.8, -0.7]
    )
    assert doc._.washing_score == pytest.approx(platt(raw, 0.8, -0.7))
    assert doc._.washing_score < raw  # this scaling lowers high raw scores
    # No AI wording: NONE by rule, score 0 whatever the scaling.
    none = scored(nlp, "Revenue grew 14%.", cats, flags, washing_platt=[0.8, -0.7])
    assert none._.washing_score == 0.0


def test_require_ai_term(nlp):
    cats = (0.1, 0.8, 0.05, 0.05)
    text = "A technician confirms every suggestion."
    assert scored(nlp, text, cats, require_ai_term=False)._.claim == "SPECIFIC"
    ruled_out = scored(nlp, text, cats)
    assert ruled_out._.claim == "NONE" and ruled_out._.washing_score == 0.0
    # The rule decides, not the scores, and the scores say so.
    assert ruled_out._.claim_scores == {
        "NONE": 1.0,
        "SPECIFIC": 0.0,
        "VAGUE": 0.0,
        "ASPIRATIONAL": 0.0,
    }
    assert ruled_out._.claim_score == 1.0 and set(ruled_out._.flag_scores.values()) == {0.0}


def test_needs_scores_only_where_they_can_change_the_answer(nlp):
    def matches(text):
        doc = nlp(text)
        return [(s.label_, s.start, s.end) for s in doc.spans["evidence"]]

    scorer = WashingScorer()
    for text, expected in [
        ("Our AI helps.", True),
        ("Our model agent helps.", True),  # weak AI wording is enough
        ("A technician confirms every suggestion.", False),
        ("", False),
    ]:
        assert scorer.needs_scores(text, matches(text)) is expected, text
    text = "A technician confirms every suggestion."
    assert WashingScorer(require_ai_term=False).needs_scores(text, matches(text))


def test_flag_evidence_requirement(nlp):
    cats, flags = (0.1, 0.1, 0.8, 0.0), {"GUARANTEE": 0.9}
    text = "Our AI changes everything for you."
    assert scored(nlp, text, cats, flags)._.flags == ["GUARANTEE"]
    assert scored(nlp, text, cats, flags, flag_evidence={"GUARANTEE": True})._.flags == []
    text = "Our AI guarantees results."
    assert scored(nlp, text, cats, flags, flag_evidence={"GUARANTEE": True})._.flags == [
        "GUARANTEE"
    ]


def test_specific_with_flag_is_washing_and_without_is_not(nlp):
    text = "Trained on 4 million invoices, our model is 99.9% accurate."
    plain = scored(nlp, text, (0.05, 0.9, 0.05, 0.0), {"UNSUPPORTED_METRIC": 0.2})
    assert plain._.claim == "SPECIFIC" and not plain._.washing
    flagged = scored(nlp, text, (0.05, 0.9, 0.05, 0.0), {"UNSUPPORTED_METRIC": 0.7})
    assert flagged._.flags == ["UNSUPPORTED_METRIC"] and flagged._.washing


@pytest.mark.parametrize("text", ["", "   ", "😀🚀", "$$$ --- 123"])
def test_no_words_is_certainly_none(nlp, text):
    doc = scored(nlp, text, (0.0, 0.3, 0.4, 0.3), {"OVERCLAIM": 0.9})
    assert doc._.claim == "NONE" and doc._.claim_scores["NONE"] == 1.0
    assert doc._.flags == [] and doc._.washing_score == 0.0


def test_metric_evidence_takes_its_number(nlp):
    doc = scored(nlp, "Our AI is 99.2% accurate and 3 times faster.", (0.1, 0.1, 0.8, 0.0))
    metrics = [e["text"] for e in doc._.evidence if e["label"] == "METRIC"]
    assert "99.2%" in metrics and "3 times faster" in metrics
