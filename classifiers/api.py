"""The Python API the flows use: load the trained pipeline, label texts, and turn
documents into rows of the `claims` table.

Row keys are exactly the columns of the warehouse's CLAIMS schema (a test checks it);
this module does not import warehouse/, which is a later stage.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import minibatch

from classifiers.bow import MARKERS_ARCHITECTURES, MARKERS_KEY
from classifiers.components import (
    AI_WORDING,
    EVIDENCE_LABELS,
    RESULT_FIELDS,
    RESULT_KEY,
    ruled_out_result,
)
from classifiers.segment import sentence_offsets

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL_DIR = REPO_ROOT / "build" / "model"
MODEL_ENV = "HYPEWATCH_MODEL"

# Documents are segmented in chunks of at most this many characters (spaCy refuses texts
# over nlp.max_length); chunks end at a line break or a space where there is one.
DOC_CHUNK_CHARS = 100_000
# A text given to label_texts longer than this is labelled sentence by sentence and the
# answers combined, so nothing is truncated.
TEXT_CHUNK_CHARS = 20_000
BATCH_SIZE = 256

# What `classify` reports: the component's answers less claim_score, which claim_scores holds.
LABEL_FIELDS = tuple(name for name in RESULT_FIELDS if name != "claim_score")


class ModelNotFoundError(FileNotFoundError):
    pass


def resolve_model_dir(model_dir: Path | None = None) -> Path:
    """The model directory: the argument, else $HYPEWATCH_MODEL, else build/model."""
    if model_dir is not None:
        return Path(model_dir)
    env = os.environ.get(MODEL_ENV)
    return Path(env) if env else DEFAULT_MODEL_DIR


def kind_token(kind: str | None) -> str:
    return "xxkind" + (kind or "none").replace("_", "")


# The evidence labels' marker tokens, in a fixed order: "AI_TERM" -> "xxsigaiterm".
SIGNAL_MARKERS = tuple(
    (label, "xxsig" + label.lower().replace("_", "")) for label in EVIDENCE_LABELS
)
_HEX_AS_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


@lru_cache(maxsize=65536)  # the words next to AI terms repeat: "our", "the", "<s>"
def word_marker(prefix: str, words: str) -> str:
    """A marker token standing for `words` (lower case) seen in one position: the prefix
    and a 64-bit hash of the words, spelled in the letters a-p so the tokenizer keeps it
    whole (no digits for unit suffixes, no punctuation for infixes)."""
    return prefix + format(get_string_id(words), "016x").translate(_HEX_AS_LETTERS)


@lru_cache(maxsize=65536)
def marker_key(marker: str) -> int:
    """The hash a marker token has as a token (its ORTH and LOWER: markers are lower case)."""
    return get_string_id(marker)


def feature_tokens(
    doc: Doc,
    matches: Sequence[tuple[str, int, int]],
    kind: str | None,
    kind_feature: bool,
    signal_features: bool,
    context_features: bool = False,
) -> list[str]:
    """Marker tokens the classifiers read after the sentence: the document kind; the
    labels of the evidence patterns found in it (so the lexicon's knowledge reaches the
    model for words the corpus never used); and the words next to each AI term, by
    position (one word before, two words before, one word after), because whose AI it is
    and what it does show there ("our AI", "third-party AI models", "the EU AI Act") and
    get lost in the bag of a long sentence. Each is switched on by measurement."""
    extra = [kind_token(kind)] if kind_feature else []
    if signal_features and matches:
        found = {m[0] for m in matches}
        extra.extend(marker for label, marker in SIGNAL_MARKERS if label in found)
    if context_features:
        n = len(doc)
        for label, start, end in matches:
            if label not in AI_WORDING:
                continue
            before = doc[start - 1].lower_ if start > 0 else "<s>"
            before2 = doc[start - 2].lower_ if start > 1 else "<s>"
            after = doc[end].lower_ if end < n else "</s>"
            extra.append(word_marker("xxctxa", before))
            extra.append(word_marker("xxctxb", f"{before2} {before}"))
            extra.append(word_marker("xxctxn", after))
    return extra


def _trie_regex(phrases: Iterable[tuple[str, ...]]) -> str:
    """A regex matching where any of `phrases` (each a sequence of regex units) starts. It
    only has to find one: where a phrase ends inside a longer one, the longer is dropped."""
    trie: dict = {}
    for units in phrases:
        node = trie
        for unit in units:
            node = node.setdefault(unit, {})
        node[""] = {}

    def build(node: dict) -> str:
        if "" in node:
            return ""
        alternatives = [unit + build(child) for unit, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return build(trie)


class EvidenceMatcher:
    """The span_ruler's phrase patterns run through a PhraseMatcher directly: the same
    matches as SpanRuler.match, as (label, start token, end token), without its per-call
    warning filters and Span objects (a third of the cost of reading a sentence). Token
    patterns, if any are ever added, go through the span_ruler itself."""

    def __init__(self, nlp: Language, ruler: Any) -> None:
        self.ruler = ruler
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.strings = nlp.vocab.strings
        self.has_token_patterns = False
        by_label: dict[str, list[str]] = {}
        for pattern in ruler.patterns:
            if isinstance(pattern["pattern"], str):
                by_label.setdefault(pattern["label"], []).append(pattern["pattern"])
            else:
                self.has_token_patterns = True
        for label, phrases in by_label.items():
            self.phrases.add(label, list(nlp.tokenizer.pipe(phrases)))
        self.ai_wording = self._ai_wording_filter(nlp, by_label)

    def _ai_wording_filter(self, nlp: Language, by_label: dict[str, list[str]]) -> Any:
        """A regex that finds, in a lower-cased text, every place where an AI-wording pattern
        can match: its tokens, lower-cased, with only whitespace between them (tokens cover
        every other character), the first not preceded by a letter (a token starts after a
        space, punctuation, a prefix or a digit). Where it finds nothing no AI wording is
        possible, which costs a regex search instead of tokenizing; None when token patterns
        make that unknowable. tests/classifiers/test_api.py checks it never misses what the
        matcher finds."""
        if self.has_token_patterns:
            return None
        # One unit per character, and \s* between tokens; the units go into a trie, so the
        # regex tries each next character once instead of every phrase in turn.
        phrases = {
            tuple(
                unit
                for i, token in enumerate(tokens)
                for unit in ([r"\s*"] if i else []) + [re.escape(c) for c in token.lower_]
            )
            for label in AI_WORDING
            for tokens in nlp.tokenizer.pipe(by_label.get(label, []))
            if len(tokens)
        }
        return re.compile(rf"(?<![^\W\d_]){_trie_regex(phrases)}")

    def may_match_ai_wording(self, text: str) -> bool:
        return self.ai_wording is None or self.ai_wording.search(text.lower()) is not None

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        if self.has_token_patterns:
            return [(span.label_, span.start, span.end) for span in self.ruler.match(doc)]
        strings = self.strings
        return sorted({(strings[m_id], start, end) for m_id, start, end in self.phrases(doc)})


def make_model_doc(
    nlp: Language,
    ruler: EvidenceMatcher,
    text: str,
    kind: str | None,
    kind_feature: bool,
    signal_features: bool,
    markers_as_tokens: bool = False,
    context_features: bool = False,
) -> Doc:
    """The Doc the classifiers read: `text` tokenized, with the feature tokens (markers) in
    doc.user_data["hypewatch_markers"], the span_ruler's matches in
    doc.user_data["hypewatch_evidence"] and the text in doc.user_data["hypewatch_text"].
    Calling `nlp(text)` directly runs the span_ruler in the pipeline instead, but without
    the markers the classifiers were trained with: use the Classifier API.
    `model_text` is the same input as one string, for training."""
    if not text:
        # thinc's n-gram layer fails on a zero-length doc inside a batch; a lone space
        # has no words, so the washing component answers NONE for it.
        text = " "
    doc = nlp.tokenizer(text)  # make_doc less its max_length check: texts come chunked
    matches = ruler(doc)
    extra = feature_tokens(doc, matches, kind, kind_feature, signal_features, context_features)
    if markers_as_tokens and extra:
        # Any other architecture reads the markers as tokens after the text (the text's
        # tokens keep their indices, so the matches stay valid).
        doc = nlp.make_doc(f"{text} {' '.join(extra)}")
    else:
        # hypewatch.TextCatBOWMarkers reads them as extra unigrams (classifiers/bow.py):
        # the same bag as the tokens it was trained with, without tokenizing twice.
        doc.user_data[MARKERS_KEY] = numpy.array([marker_key(m) for m in extra], dtype="uint64")
    # Doc.text joins every token anew on each access: keep the text for the washing step.
    doc.user_data["hypewatch_text"] = text
    doc.user_data["hypewatch_kind"] = kind
    doc.user_data["hypewatch_evidence"] = matches
    return doc


def model_text(
    nlp: Language,
    ruler: EvidenceMatcher,
    text: str,
    kind: str | None,
    kind_feature: bool,
    signal_features: bool,
    context_features: bool = False,
) -> str:
    """The text the classifiers are trained on: the sentence, then its marker tokens."""
    doc = nlp.make_doc(text)
    extra = feature_tokens(doc, ruler(doc), kind, kind_feature, signal_features, context_features)
    return f"{text} {' '.join(extra)}" if extra else text


def chunk_text(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) pieces covering `text` whole, each at most `limit` characters, cut at
    the last line break, else the last space, else hard."""
    pieces = []
    start = 0
    n = len(text)
    while n - start > limit:
        window_end = start + limit
        cut = text.rfind("\n", start + 1, window_end)
        if cut <= start:
            cut = text.rfind(" ", start + 1, window_end)
        if cut <= start:
            cut = window_end
        pieces.append((start, cut))
        start = cut
    pieces.append((start, n))
    return pieces


def clean_text(text: object) -> str:
    """The text as valid Unicode of the same length: lone surrogates (undecodable bytes
    passed through the shell or os APIs) become "?"; a non-string becomes ""."""
    if not isinstance(text, str):
        return ""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def normalize_sentence(text: str) -> str:
    return " ".join(text.split())


def claim_id(doc_id: str, sentence: str, occurrence: int) -> str:
    """Stable across runs while the sentence is unchanged: the document, the sentence with
    its whitespace normalised, and which repeat of that same sentence in the document."""
    key = f"{doc_id}\n{normalize_sentence(sentence)}\n{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


class Classifier:
    """A loaded pipeline. `label_texts` for sentences, `claims_for_document(s)` for
    documents."""

    def __init__(self, nlp: Language, model_dir: Path) -> None:
        self.nlp = nlp
        self.model_dir = model_dir
        meta = nlp.meta.get("hypewatch", {})
        self.model_version: str = meta.get("model_version") or f"claims-{nlp.meta.get('version')}"
        washing = self._washing = nlp.get_pipe("hypewatch_washing")
        self.kind_feature: bool = bool(washing.kind_feature)
        self.signal_features: bool = bool(washing.signal_features)
        self.context_features: bool = bool(washing.context_features)
        self._segmenter = nlp.get_pipe("hypewatch_segmenter")
        self._ruler = EvidenceMatcher(nlp, nlp.get_pipe("span_ruler"))
        # Only our architecture reads markers from user_data (the fast path).
        self._markers_as_tokens = any(
            nlp.config["components"][name]["model"]["@architectures"] not in MARKERS_ARCHITECTURES
            for name in ("textcat", "textcat_multilabel")
        )
        # The segmenter and the span_ruler run in _make_doc, before the feature tokens.
        self._labelling = [
            name for name in nlp.pipe_names if name not in ("hypewatch_segmenter", "span_ruler")
        ]

    # -- sentences -------------------------------------------------------------

    def _make_doc(self, text: str, kind: str | None) -> Doc:
        return make_model_doc(
            self.nlp,
            self._ruler,
            text,
            kind,
            self.kind_feature,
            self.signal_features,
            self._markers_as_tokens,
            self.context_features,
        )

    def _label_docs(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        # The labelling components chained by hand: what nlp.pipe does, without its
        # per-doc bookkeeping (a fifth of the run time on short sentences). The classifiers
        # read only the docs whose answer their scores can change: most real sentences
        # have no AI wording and are NONE by rule (WashingScorer.needs_scores).
        washing = self._washing
        models = [
            self.nlp.get_pipe(name) for name in self._labelling if name != "hypewatch_washing"
        ]
        for batch in minibatch(docs, BATCH_SIZE):
            scored = [
                doc
                for doc in batch
                if washing.needs_scores(
                    doc.user_data["hypewatch_text"], doc.user_data["hypewatch_evidence"]
                )
            ]
            for proc in models:
                if scored:
                    # TrainablePipe.pipe annotates and yields the same Doc objects.
                    scored = list(proc.pipe(scored, batch_size=BATCH_SIZE))
            yield from map(washing, batch)

    @staticmethod
    def _fields(doc: Doc) -> dict[str, Any]:
        result = doc.user_data[RESULT_KEY]
        return {name: result[name] for name in LABEL_FIELDS}

    def _label_pieces(self, pieces: Sequence[tuple[str, str | None]]) -> list[dict[str, Any]]:
        """The classify fields of each (text, kind), in order. A text in which the patterns
        cannot find AI wording is NONE by rule (WashingScorer) and is answered without
        being tokenized: most real sentences are such."""
        out: list[dict[str, Any] | None] = [None] * len(pieces)
        read = []
        for j, (text, _kind) in enumerate(pieces):
            if self._washing.require_ai_term and not self._ruler.may_match_ai_wording(text):
                result = ruled_out_result()
                out[j] = {name: result[name] for name in LABEL_FIELDS}
            else:
                read.append(j)
        docs = (self._make_doc(*pieces[j]) for j in read)
        for j, doc in zip(read, self._label_docs(docs), strict=True):
            out[j] = self._fields(doc)
        return out  # type: ignore[return-value]

    def label_texts(
        self, texts: Sequence[str], kinds: Sequence[str | None] | None = None
    ) -> list[dict[str, Any]]:
        """The classify fields for each text (a sentence, or any text read as one unit).
        `kinds` optionally gives each text's document kind."""
        kinds = list(kinds) if kinds is not None else [None] * len(texts)
        units: list[tuple[int, int, str, str | None]] = []  # (text index, offset, piece, kind)
        for i, (text, kind) in enumerate(zip(texts, kinds, strict=True)):
            text = clean_text(text)
            # A long text is read sentence by sentence: one n-gram bag over many pages
            # would drown the one sentence that makes a claim.
            pieces = [(0, len(text))] if len(text) <= TEXT_CHUNK_CHARS else self.sentences(text)
            for start, end in pieces or [(0, 0)]:
                units.append((i, start, text[start:end], kind))
        results: list[dict[str, Any] | None] = [None] * len(texts)
        labelled = self._label_pieces([(piece, kind) for _, _, piece, kind in units])
        for (i, offset, _piece, _kind), fields in zip(units, labelled, strict=True):
            if offset:
                fields["evidence"] = [
                    {
                        **e,
                        "start_char": e["start_char"] + offset,
                        "end_char": e["end_char"] + offset,
                    }
                    for e in fields["evidence"]
                ]
            results[i] = fields if results[i] is None else _combine(results[i], fields)
        return [r for r in results if r is not None]

    # -- documents -------------------------------------------------------------

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Character offsets of the sentences of a document, in order."""
        out = []
        for c_start, c_end in chunk_text(text, DOC_CHUNK_CHARS):
            doc = self._segmenter(self.nlp.make_doc(text[c_start:c_end]))
            out.extend((c_start + s, c_start + e) for s, e in sentence_offsets(doc))
        return out

    def claims_for_document(self, doc: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Claims rows (the columns of the warehouse's CLAIMS schema) for one documents row:
        one per sentence. Evidence offsets are relative to the row's `text`."""
        return self.claims_for_documents([doc])

    def claims_for_documents(
        self, docs: Iterable[Mapping[str, Any]], processes: int = 1
    ) -> list[dict[str, Any]]:
        """Claims rows for many documents: every sentence of every document labelled in
        one stream of batches through the pipeline's components. With `processes` > 1 the
        documents are labelled by that many worker processes (ClassifierPool), in order."""
        if processes > 1:
            with ClassifierPool(self.model_dir, processes) as pool:
                return pool.claims_for_documents(docs)
        plan: list[tuple[Mapping[str, Any], str, int, int, int, str]] = []
        for document in docs:
            text = clean_text(document.get("text"))
            seen: Counter[str] = Counter()
            for index, (start, end) in enumerate(self.sentences(text)):
                sentence = text[start:end]
                norm = normalize_sentence(sentence)
                cid = claim_id(str(document["doc_id"]), norm, seen[norm])
                plan.append((document, text, index, start, end, cid))
                seen[norm] += 1
        labelled = self._label_pieces(
            [(text[start:end], document.get("kind")) for document, text, _, start, end, _ in plan]
        )
        rows = []
        for (document, text, index, start, end, cid), fields in zip(plan, labelled, strict=True):
            rows.append(
                {
                    "claim_id": cid,
                    "doc_id": document["doc_id"],
                    "run_date": document["run_date"],
                    "company_id": document["company_id"],
                    "sent_index": index,
                    "start_char": start,
                    "end_char": end,
                    "text": text[start:end],
                    "claim": fields["claim"],
                    "claim_score": fields["claim_scores"][fields["claim"]],
                    "flags": fields["flags"],
                    "flag_scores": fields["flag_scores"],
                    "ai_claim": fields["ai_claim"],
                    "washing": fields["washing"],
                    "washing_score": fields["washing_score"],
                    "evidence": fields["evidence"],
                    "model_version": self.model_version,
                }
            )
        return rows


class ClassifierPool:
    """Worker processes that each load the model once and label documents: what
    claims_for_documents does, on several cores. Spawned, not forked: the flows call it
    from a thread of a threaded process. Use as a context manager; the workers stay up
    between calls, so a long night pays the model load once per worker."""

    def __init__(self, model_dir: Path, processes: int) -> None:
        import multiprocessing

        self.model_dir = Path(model_dir)
        ctx = multiprocessing.get_context("spawn")
        self._pool = ctx.Pool(processes, _worker_load, (str(self.model_dir),))

    def __enter__(self) -> ClassifierPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def claims_for_documents(self, docs: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for part in self.imap(docs):
            rows.extend(part)
        return rows

    def imap(self, docs: Iterable[Mapping[str, Any]]) -> Iterator[list[dict[str, Any]]]:
        """The claims rows of each task of documents (_tasks), in order, as the workers
        finish them. The pool reads `docs` ahead of the workers (multiprocessing's task
        feeder is not bounded), so a caller with more than fits in memory passes it in parts."""
        yield from self._pool.imap(_worker_claims, _tasks(docs))


# Below this much text a night is labelled in-process: spawning a worker and loading the
# model in it costs about as much as labelling this much (tests/benchmarks/bench_speed.py).
PARALLEL_MIN_CHARS = 4_000_000


def processes_for(docs: Sequence[Mapping[str, Any]]) -> int:
    """How many processes to label `docs` with: every core for a large night, else one."""
    size = sum(len(d.get("text") or "") for d in docs)
    return max(1, os.cpu_count() or 1) if size >= PARALLEL_MIN_CHARS else 1


# Text per task handed to a worker process: small enough to balance the workers on a night
# of a few hundred pages, large enough that pickling rows back stays cheap.
PARALLEL_CHARS_PER_TASK = 50_000
_WORKER: Classifier | None = None


def _tasks(docs: Iterable[Mapping[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Documents grouped into tasks of about PARALLEL_CHARS_PER_TASK characters of text (a
    long filing alone, dozens of short pages together), so the workers get even shares."""
    task: list[dict[str, Any]] = []
    size = 0
    for doc in docs:
        task.append(dict(doc))
        size += len(doc.get("text") or "")
        if size >= PARALLEL_CHARS_PER_TASK:
            yield task
            task, size = [], 0
    if task:
        yield task


def _worker_load(model_dir: str) -> None:
    global _WORKER
    _WORKER = load_classifier(Path(model_dir))


def _worker_claims(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert _WORKER is not None
    return _WORKER.claims_for_documents(docs)


def _combine(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """One answer for a text labelled in pieces: the labels of the piece most likely to be
    an AI claim, the highest washing score, and the evidence of every piece."""
    p_a = 1.0 - a["claim_scores"]["NONE"]
    p_b = 1.0 - b["claim_scores"]["NONE"]
    best = dict(b) if (b["ai_claim"], p_b) > (a["ai_claim"], p_a) else dict(a)
    best["washing_score"] = max(a["washing_score"], b["washing_score"])
    best["evidence"] = a["evidence"] + b["evidence"]
    return best


def load_classifier(model_dir: Path | None = None) -> Classifier:
    """Load the trained pipeline from `model_dir`, $HYPEWATCH_MODEL or build/model."""
    path = resolve_model_dir(model_dir)
    if not (path / "meta.json").is_file():
        raise ModelNotFoundError(
            f"no trained model in {path} (run `hypewatch train` or `make model`)"
        )
    nlp = spacy.load(path)
    return Classifier(nlp, path)
