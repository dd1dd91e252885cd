"""Our pipeline components and registered functions.

Importing this module registers, with spaCy's registries:
- `hypewatch.TextCatBOWMarkers.v1`, `.v2` (from bow.py), the classifiers' architecture;
- `hypewatch_segmenter` (from segment.py), the sentence splitter;
- `hypewatch.patterns.v1`, a reader that loads every JSONL file of span_ruler patterns
  from a folder, so the config names the folder once;
- `hypewatch_washing`, the component that turns the two text classifiers' scores and the
  span_ruler's evidence spans into the answers of LABELS.md, with the decision thresholds
  tuned on the dev split kept in its own config (so they travel in the model's config.cfg).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from classifiers import bow as _bow  # noqa: F401  (registers hypewatch.TextCatBOWMarkers)
from classifiers import segment as _segment  # noqa: F401  (registers hypewatch_segmenter)
from classifiers.calibration import platt
from classifiers.labels import CLAIM_LABELS, FLAG_LABELS, WASHING_CLAIMS

EVIDENCE_KEY = "evidence"
WORD = re.compile(r"[^\W\d_]")  # a letter, in any script
# Labels of the span_ruler patterns, grouped by what they are evidence of.
# AI_TERM: words that name AI ("AI", "machine learning", "LLM", "neural"); AI_WEAK: words
# that do only in context ("model", "agent", "smart", "automated", "learns").
SIGNAL_LABELS = (
    "AI_TERM",
    "AI_WEAK",
    "HYPE",
    "ABSOLUTE",
    "SUPERLATIVE",
    "METRIC",
    "GUARANTEE",
    "FUTURE",
)
SUBSTANTIATION_LABELS = ("NAMED_MODEL", "DATASET", "TEST_CONDITION", "LIMITATION", "HUMAN_REVIEW")
EVIDENCE_LABELS = SIGNAL_LABELS + SUBSTANTIATION_LABELS

RESULT_KEY = "hypewatch"  # doc.user_data[RESULT_KEY] holds the answers as one dict
RESULT_FIELDS = (
    "claim",
    "claim_score",
    "claim_scores",
    "flags",
    "flag_scores",
    "ai_claim",
    "washing",
    "washing_score",
    "evidence",
)


def _getter(name: str):
    def get(doc: Doc) -> Any:
        result = doc.user_data.get(RESULT_KEY)
        return None if result is None else result[name]

    return get


# doc._.claim, doc._.washing, ...: read-only views of the washing component's result dict
# (kept in user_data because extension attribute writes cost more than the model itself).
for _name in RESULT_FIELDS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, getter=_getter(_name))


@registry.readers("hypewatch.patterns.v1")
def read_patterns(path: str) -> list[dict[str, Any]]:
    """All patterns from every `*.jsonl` file in `path`, in file-name order."""
    folder = Path(path)
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise ValueError(f"no *.jsonl pattern files in {folder}")
    patterns: list[dict[str, Any]] = []
    for file in files:
        for line_no, pattern in enumerate(srsly.read_jsonl(file), start=1):
            if pattern.get("label") not in EVIDENCE_LABELS or "pattern" not in pattern:
                raise ValueError(f"{file}:{line_no}: bad pattern {pattern!r}")
            patterns.append(pattern)
    return patterns


# The pattern label a flag can be required to have in its sentence (tuned on dev).
FLAG_EVIDENCE = {
    "OVERCLAIM": "ABSOLUTE",
    "UNSUPPORTED_METRIC": "METRIC",
    "SUPERLATIVE": "SUPERLATIVE",
    "GUARANTEE": "GUARANTEE",
}
DEFAULT_THRESHOLDS = {"ai": 0.5, **{label: 0.5 for label in FLAG_LABELS}}
AI_WORDING = frozenset({"AI_TERM", "AI_WEAK"})  # the evidence that makes a claim possible
CERTAINLY_NONE = {label: float(label == "NONE") for label in CLAIM_LABELS}


@Language.factory(
    "hypewatch_washing",
    default_config={
        "thresholds": DEFAULT_THRESHOLDS,
        "require_ai_term": True,
        "flag_evidence": {},
        "kind_feature": False,
        "signal_features": False,
        "context_features": False,
        "washing_platt": [],
    },
)
def make_washing(
    nlp: Language,
    name: str,
    thresholds: dict[str, float],
    require_ai_term: bool,
    flag_evidence: dict[str, bool],
    kind_feature: bool,
    signal_features: bool,
    context_features: bool,
    washing_platt: list[float],
) -> WashingScorer:
    return WashingScorer(
        thresholds,
        require_ai_term,
        flag_evidence,
        kind_feature,
        signal_features,
        context_features,
        washing_platt,
    )


class WashingScorer:
    """Sets doc._.claim, claim_scores, flags, flag_scores, ai_claim, washing,
    washing_score and evidence from doc.cats (the two textcats) and the evidence matches
    (doc.user_data["hypewatch_evidence"] when the Classifier API built the doc, else the
    span_ruler's doc.spans["evidence"]).

    - `claim`: NONE unless 1 - P(NONE) reaches thresholds["ai"] (or thresholds["ai_<kind>"]
      for a document kind tuned on its own, doc.user_data["hypewatch_kind"]); then the most likely of
      SPECIFIC, VAGUE, ASPIRATIONAL. With `require_ai_term`, a text with no AI wording
      matched by the patterns is NONE whatever the model says (LABELS.md, section 4), and
      its claim_scores say so (P(NONE) = 1), as for a text without words.
    - `flags`: each flag whose score reaches its threshold, on AI claims only (a flag needs a
      reference to the speaker's AI); where `flag_evidence[flag]` is set, only when the
      sentence also holds that flag's kind of evidence pattern (FLAG_EVIDENCE).
    - `washing_score`: the probability of washing under the two models, P(VAGUE) +
      P(ASPIRATIONAL) + P(SPECIFIC) * max flag score, in [0, 1]; 0 when the AI-term rule
      rules a claim out.
    - `evidence`: the pattern spans in an AI claim; none for NONE.
    """

    def __init__(
        self,
        thresholds: dict[str, float] | None = None,
        require_ai_term: bool = True,
        flag_evidence: dict[str, bool] | None = None,
        kind_feature: bool = False,
        signal_features: bool = False,
        context_features: bool = False,
        washing_platt: list[float] | None = None,
    ) -> None:
        self.thresholds = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
        self.require_ai_term = require_ai_term
        self.flag_evidence = {flag: bool((flag_evidence or {}).get(flag)) for flag in FLAG_LABELS}
        # How api.make_model_doc builds the classifiers' input; kept here to travel with
        # the model.
        self.kind_feature = kind_feature
        self.signal_features = signal_features
        self.context_features = context_features
        # [a, b] of a Platt scaling fitted on real dev sentences (classifiers/calibration.py),
        # or empty for the raw score.
        self.washing_platt = list(washing_platt or [])

    def needs_scores(self, text: str, matches: list[tuple[str, int, int]]) -> bool:
        """Whether a claim is possible, so the classifiers' scores can matter: the text has
        a word and, with the rule on, AI wording among the evidence `matches`."""
        if self.require_ai_term and not any(m[0] in AI_WORDING for m in matches):
            return False
        return WORD.search(text) is not None

    def __call__(self, doc: Doc) -> Doc:
        user_data = doc.user_data
        text = user_data.get("hypewatch_text")
        if text is None:
            text = doc.text
        matches = user_data.get("hypewatch_evidence")
        if matches is None:
            matches = [(s.label_, s.start, s.end) for s in doc.spans.get(EVIDENCE_KEY, [])]
        # Without words (empty, whitespace, symbols, emoji), or without AI wording while the
        # rule is on, no claim, hence no washing, is possible: certainly NONE, whatever the
        # classifiers would say (the Classifier API does not even run them then).
        if not self.needs_scores(text, matches):
            user_data[RESULT_KEY] = ruled_out_result()
            return doc
        found = {m[0] for m in matches}
        cats = doc.cats
        claim_scores = {label: float(cats.get(label, 0.0)) for label in CLAIM_LABELS}
        flag_scores = {label: float(cats.get(label, 0.0)) for label in FLAG_LABELS}
        thresholds = self.thresholds
        claim = "NONE"
        ai_threshold = thresholds.get(f"ai_{user_data.get('hypewatch_kind')}", thresholds["ai"])
        if 1.0 - claim_scores["NONE"] >= ai_threshold:
            claim = max(CLAIM_LABELS[1:], key=claim_scores.__getitem__)
        flags = []
        if claim != "NONE":
            flags = [
                f
                for f in FLAG_LABELS
                if flag_scores[f] >= thresholds[f]
                and (not self.flag_evidence[f] or FLAG_EVIDENCE[f] in found)
            ]
        washing_score = (
            claim_scores["VAGUE"]
            + claim_scores["ASPIRATIONAL"]
            + claim_scores["SPECIFIC"] * max(flag_scores.values())
        )
        ai_claim = claim != "NONE"
        user_data[RESULT_KEY] = {
            "claim": claim,
            "claim_score": claim_scores[claim],
            "claim_scores": claim_scores,
            "flags": flags,
            "flag_scores": flag_scores,
            "ai_claim": ai_claim,
            "washing": ai_claim and (claim in WASHING_CLAIMS or bool(flags)),
            "washing_score": self._calibrated(min(1.0, max(0.0, washing_score))),
            "evidence": evidence(doc, text, matches) if ai_claim else [],
        }
        return doc

    def _calibrated(self, raw: float) -> float:
        if not self.washing_platt:
            return raw
        return platt(raw, *self.washing_platt)


def ruled_out_result() -> dict[str, Any]:
    """The answer for a text in which no claim is possible: NONE with certainty."""
    return {
        "claim": "NONE",
        "claim_score": 1.0,
        "claim_scores": dict(CERTAINLY_NONE),
        "flags": [],
        "flag_scores": dict.fromkeys(FLAG_LABELS, 0.0),
        "ai_claim": False,
        "washing": False,
        "washing_score": 0.0,
        "evidence": [],
    }


def evidence(doc: Doc, text: str, matches: list[tuple[str, int, int]]) -> list[dict[str, Any]]:
    """The matches (label, start token, end token) as {label, text, start_char, end_char},
    in text order, without repeats. Metric patterns are phrases ("%", "hours") for speed;
    the number before one belongs to the evidence ("99.2%")."""
    out = {}
    for label, start, end in matches:
        if label == "METRIC" and start > 0 and doc[start - 1].like_num:
            start -= 1
        last = doc[end - 1]
        key = (doc[start].idx, last.idx + len(last), label)
        out[key] = {
            "label": label,
            "text": text[key[0] : key[1]],
            "start_char": key[0],
            "end_char": key[1],
        }
    return [out[key] for key in sorted(out)]
