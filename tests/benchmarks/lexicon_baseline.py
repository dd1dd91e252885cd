"""The lexicon baseline: the same span patterns as the model's span_ruler, and rules alone.

claim: no AI term (strong or weak) -> NONE; otherwise a substantiation cue (named model, data set, test
condition, limitation, human review) -> SPECIFIC; else a forward-looking cue -> ASPIRATIONAL;
else VAGUE. Flags on claims only: ABSOLUTE -> OVERCLAIM, METRIC without a test condition ->
UNSUPPORTED_METRIC, SUPERLATIVE -> SUPERLATIVE, GUARANTEE -> GUARANTEE.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import spacy

from classifiers.components import SUBSTANTIATION_LABELS, read_patterns
from classifiers.train import PATTERNS_DIR


class LexiconBaseline:
    def __init__(self) -> None:
        self.nlp = spacy.blank("en")
        ruler = self.nlp.add_pipe(
            "span_ruler", config={"spans_key": "evidence", "phrase_matcher_attr": "LOWER"}
        )
        ruler.add_patterns(read_patterns(str(PATTERNS_DIR)))

    @staticmethod
    def decide(found: set[str]) -> dict[str, Any]:
        if not found & {"AI_TERM", "AI_WEAK"}:
            return {"claim": "NONE", "flags": []}
        if found & set(SUBSTANTIATION_LABELS):
            claim = "SPECIFIC"
        elif "FUTURE" in found:
            claim = "ASPIRATIONAL"
        else:
            claim = "VAGUE"
        flags = []
        if "ABSOLUTE" in found:
            flags.append("OVERCLAIM")
        if "METRIC" in found and "TEST_CONDITION" not in found:
            flags.append("UNSUPPORTED_METRIC")
        if "SUPERLATIVE" in found:
            flags.append("SUPERLATIVE")
        if "GUARANTEE" in found:
            flags.append("GUARANTEE")
        return {"claim": claim, "flags": flags}

    def label_texts(self, texts: Sequence[str]) -> list[dict[str, Any]]:
        out = []
        for doc in self.nlp.pipe(texts, batch_size=256):
            out.append(self.decide({s.label_ for s in doc.spans["evidence"]}))
        return out
