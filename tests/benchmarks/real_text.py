"""Real third-party sentences from ../shared/corpora, rebuilt at run time.

The repository keeps labels for these sentences (real_text_labels.jsonl) but never their
text: each label is keyed by `sentence_key`, and `iter_real_sentences` cuts the same
sentences again from the shared corpora, with the classifier's own segmenter, so a label
finds its sentence as long as the corpora and the segmenter are unchanged.

    (source_id, kind, sentence) for each sentence, in a fixed order:
    yc:<company_id>:short|long      product_page   YC one-liners and long descriptions
    sec:<file name>                 filing         10-Ks and 8-Ks (spiders.extract.filing_text)
    wcxb:<file_id>                  product_page   WCXB ground-truth main_content
    rss:<feed file>                 press_release  olshansk feed item titles and descriptions
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import classifiers.segment  # noqa: F401  (registers the hypewatch_segmenter factory)
from classifiers.api import DOC_CHUNK_CHARS, chunk_text, clean_text
from classifiers.segment import sentence_offsets
from tests.benchmarks.common import CORPORA

KINDS_BY_SOURCE = {
    "yc": "product_page",
    "sec": "filing",
    "wcxb": "product_page",
    "rss": "press_release",
}
_TAG = re.compile(r"<[^>]+>")


def sentence_key(text: str) -> str:
    """First 16 hex of sha256 of the sentence with its whitespace collapsed."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def _segmenter() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("hypewatch_segmenter")
    return nlp


def segment(text: str) -> list[str]:
    """The sentences of `text` as the classifier's pipeline cuts a document (same chunking
    as Classifier.sentences)."""
    nlp = _segmenter()
    text = clean_text(text)
    out = []
    for c_start, c_end in chunk_text(text, DOC_CHUNK_CHARS):
        doc = nlp(text[c_start:c_end])
        out.extend(doc.text[s:e] for s, e in sentence_offsets(doc))
    return out


def _yc(corpora: Path) -> Iterator[tuple[str, str, str]]:
    csv.field_size_limit(sys.maxsize)
    path = corpora / "yc_companies" / "yc_companies_2024-05-11.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for field, short in (("short_description", "short"), ("long_description", "long")):
                for sentence in segment(row[field] or ""):
                    yield f"yc:{row['company_id']}:{short}", "product_page", sentence


def _sec(corpora: Path) -> Iterator[tuple[str, str, str]]:
    from spiders.extract import filing_text

    for path in sorted((corpora / "sec_filings").glob("*.html")):
        text = filing_text(path.read_bytes())
        for sentence in segment(text):
            yield f"sec:{path.name}", "filing", sentence


def _wcxb(corpora: Path) -> Iterator[tuple[str, str, str]]:
    for path in sorted((corpora / "wcxb_service_pages" / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = (data.get("ground_truth") or {}).get("main_content") or ""
        for sentence in segment(text):
            yield f"wcxb:{path.stem}", "product_page", sentence


def strip_tags(text: str) -> str:
    return html.unescape(_TAG.sub(" ", text or ""))


def _rss(corpora: Path) -> Iterator[tuple[str, str, str]]:
    import feedparser

    for path in sorted((corpora / "rss_feeds" / "olshansk").glob("*.xml")):
        feed = feedparser.parse(path.read_bytes())
        for entry in feed.entries:
            for field in ("title", "description"):
                # feedparser maps <description> to `summary`.
                value = entry.get("summary" if field == "description" else field) or ""
                for sentence in segment(strip_tags(value)):
                    yield f"rss:{path.name}", "press_release", sentence


def iter_real_sentences(corpora: Path | None = None) -> Iterator[tuple[str, str, str]]:
    """(source_id, kind, sentence) for every sentence of the four real sources, in a fixed
    order (files sorted by name, rows and items in file order)."""
    corpora = corpora or CORPORA
    if not corpora.is_dir():
        raise FileNotFoundError(f"shared corpora not found: {corpora}")
    yield from _yc(corpora)
    yield from _sec(corpora)
    yield from _wcxb(corpora)
    yield from _rss(corpora)


def sentences_by_key(corpora: Path | None = None) -> dict[str, tuple[str, str, str]]:
    """The first (source_id, kind, sentence) seen for each sentence key."""
    out: dict[str, tuple[str, str, str]] = {}
    for source, kind, sentence in iter_real_sentences(corpora):
        out.setdefault(sentence_key(sentence), (source, kind, sentence))
    return out
