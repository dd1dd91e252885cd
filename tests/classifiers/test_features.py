"""The classifiers' input is the same bag of features in training and at run time.

Training reads `model_text` (the sentence, then its marker tokens, tokenized as one text);
the Classifier API reads the sentence's tokens with the markers as hashes beside them
(`make_model_doc`), to avoid tokenizing twice. hypewatch.TextCatBOWMarkers.v2 sums one
weight per lower-cased token or marker, so the two must give the same multiset of keys, or
the trained weights would meet features they were never trained on.
"""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.attrs import LOWER

from classifiers.api import (
    EvidenceMatcher,
    feature_tokens,
    make_model_doc,
    model_text,
    word_marker,
)
from classifiers.bow import MARKERS_KEY

SENTENCES = [
    "AI-powered forecasting for retailers",
    "Our proprietary machine learning model scores every lead in real time.",
    "The EU AI Act may impact our ability to train, deploy, or release AI models.",
    "To the extent we rely on third-party AI models, we face risks (see Item 1A).",
    "Powered by A.I.",
    "We use LLMs",
    "ARTIFICIAL INTELLIGENCE FOR 10x FASTER CLOSES: 99.9% accurate, 5kg lighter, U.S.-made",
    "No AI wording here at all, just 42 widgets.",
    "AI",
]
SETTINGS = [
    {"kind_feature": True, "signal_features": True, "context_features": True},
    {"kind_feature": False, "signal_features": False, "context_features": True},
    {"kind_feature": True, "signal_features": True, "context_features": False},
]


@pytest.fixture(scope="module")
def pipeline():
    from classifiers.train import evidence_nlp

    nlp = evidence_nlp()
    return nlp, EvidenceMatcher(nlp, nlp.get_pipe("span_ruler"))


@pytest.mark.parametrize("settings", SETTINGS)
@pytest.mark.parametrize("kind", ["filing", None])
def test_training_text_and_run_time_doc_give_the_same_features(pipeline, settings, kind):
    nlp, ruler = pipeline
    for sentence in SENTENCES:
        trained = nlp.make_doc(model_text(nlp, ruler, sentence, kind, **settings))
        run_time = make_model_doc(nlp, ruler, sentence, kind, **settings)
        train_keys = Counter(trained.to_array(LOWER).tolist())
        run_keys = Counter(run_time.to_array(LOWER).tolist())
        run_keys.update(run_time.user_data[MARKERS_KEY].tolist())
        assert train_keys == run_keys, sentence


def test_context_markers_name_the_words_around_each_ai_term(pipeline):
    nlp, ruler = pipeline
    doc = nlp.make_doc("We rely on third-party AI models.")
    matches = ruler(doc)
    markers = feature_tokens(doc, matches, None, False, False, context_features=True)
    assert [m for m in matches if m[0] == "AI_TERM"], "the patterns should find the AI term"
    # "third-party AI models" is tokenized third | - | party | AI | models.
    assert [t.text for t in doc][3:7] == ["third", "-", "party", "AI"]
    assert word_marker("xxctxa", "party") in markers
    assert word_marker("xxctxb", "- party") in markers
    # At the edges of the text the neighbours are the sentence boundaries.
    doc = nlp.make_doc("AI")
    markers = feature_tokens(doc, ruler(doc), None, False, False, context_features=True)
    assert word_marker("xxctxa", "<s>") in markers
    assert word_marker("xxctxn", "</s>") in markers


def test_word_markers_are_one_lower_case_token(pipeline):
    nlp, _ruler = pipeline
    for words in ("our", "- party", "<s>", "10x", "U.S.", "5kg"):
        marker = word_marker("xxctxa", words)
        assert marker == marker.lower() and marker.isalpha()
        assert len(nlp.make_doc(f"text {marker} text")) == 3
    assert word_marker("xxctxa", "our") != word_marker("xxctxb", "our")
    assert word_marker("xxctxa", "our") != word_marker("xxctxa", "the")
