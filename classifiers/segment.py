"""Sentence segmentation for web, deck and filing text.

spaCy's blank English pipeline has no parser, and its rule-based `sentencizer` splits on
every full stop and never on a line break. Our text is extracted from HTML, PDFs and
filings, where a heading, a bullet or a slide line rarely ends with a stop, and where
"Inc.", "U.S." and "e.g." end with one. The rules here:

- a blank line always ends a sentence; a single line break does too, unless the line
  before has no final punctuation and the next line starts in lower case (hard-wrapped
  prose from PDFs);
- a bullet glyph in the middle of a line starts a new sentence;
- ".", "!", "?" end a sentence (with any closing quote or bracket after them) unless
  the next word starts in lower case; titles and "e.g." never end one; company suffixes
  and dotted abbreviations ("Inc.", "U.S.") end one only before a typical sentence opener;
- decimals are single tokens already ("3.5", "$1.2"), so they never split;
- a run of more than `max_tokens` words is cut into pieces, so a megabyte without
  punctuation becomes many sentences instead of one unbounded one.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»", "*"})
BULLETS = frozenset(
    {"•", "▪", "◦", "‣", "●", "■", "□", "►", "▶", "➢", "✓", "✔", "❖", "◆", "–", "—"}
)
# Glyphs that start an item only at the start of a line ("-" and "*" are hyphens and
# footnote marks in the middle of one).
LINE_BULLETS = BULLETS | {"-", "*", "o", "+", ">"}
NEVER_END = _words(
    """e.g. i.e. eg. ie. cf. vs. v. mr. mrs. ms. dr. prof. st. no. nos. fig. figs. p. pp.
    approx. est. al. ca. sec. art. vol. ref. dept. gen. gov. sen. rep. jan. feb. mar. apr.
    jun. jul. aug. sep. sept. oct. nov. dec. mt. ft. ave. blvd. ph.d. m.d."""
)
SUFFIXES = _words(
    """inc. corp. ltd. co. llc. l.l.c. plc. l.p. lp. s.a. n.v. ag. gmbh. bros. u.s. u.k.
    u.s.a. e.u. etc. a.m. p.m. jr. sr."""
)
# Words that open a new sentence after an ambiguous "Inc." or "U.S.".
OPENERS = _words(
    """we our the this these those it its they their in on for as at if each all any a an
    such no our i you your he she there however during since while when although with
    by from following see other additional certain under as of"""
)
# "Item 1. Business", "Note 3. Revenue", "1. Connect your data": a numbered label's stop.
LABEL_WORDS = _words("item part note section step article exhibit schedule chapter phase stage")
NUMBERED = re.compile(r"^(?:\d{1,3}[A-Za-z]?|[ivxlcIVXLC]{1,6}|[A-Za-z])\.?$")
DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
INITIAL = re.compile(r"^[A-Z]\.$")


def _is_numbered_label(words: list[str]) -> bool:
    """The sentence so far is a list number or "Item 1A" style label, its stop included."""
    if words and words[-1] == ".":
        words = words[:-1]
    if len(words) == 1:
        return bool(NUMBERED.match(words[0]))
    return len(words) == 2 and words[0].lower() in LABEL_WORDS and bool(NUMBERED.match(words[1]))


def _ends_sentence(token_text: str, next_text: str | None) -> bool:
    low = token_text.lower()
    if token_text in TERMINALS:
        return next_text is None or not next_text[:1].islower()
    if not token_text.endswith(".") or len(token_text) < 2:
        return False
    if low in NEVER_END or INITIAL.match(token_text):
        return False
    if low in SUFFIXES or DOTTED.match(token_text):
        return next_text is None or next_text.lower() in OPENERS
    return False


def segment(doc: Doc, max_tokens: int = 150) -> Doc:
    """Set `is_sent_start` on every token of `doc` by the rules above."""
    n = len(doc)
    if n == 0:
        return doc
    # Index of the next non-space token, for look-ahead.
    next_word = [None] * n
    following = None
    for i in range(n - 1, -1, -1):
        next_word[i] = following
        if not doc[i].is_space:
            following = i
    starts = [False] * n
    starts[0] = True
    pending = False  # a line break or blank line is due before the next word
    after_stop = False  # a sentence-final stop was seen; closers may still follow it
    has_content = False
    words = 0
    current: list[str] = []  # the first words of the current sentence
    line_start = True
    for i, tok in enumerate(doc):
        text = tok.text
        if tok.is_space:
            if "\n" in text:
                nxt = next_word[i]
                if text.count("\n") >= 2 or nxt is None:
                    pending = True
                else:
                    prev = doc[i - 1].text if i > 0 else ""
                    wrapped = prev[-1:] not in ".:!?;…" and doc[nxt].text[:1].islower()
                    pending = pending or not wrapped
                line_start = True
            continue
        if after_stop and text in CLOSERS and not doc[i - 1].is_space:
            # Closing quotes and brackets stay with the sentence they close.
            words += 1
            continue
        if has_content and (
            pending
            or after_stop
            or (text in BULLETS and not line_start)
            or (line_start and text in LINE_BULLETS)
            or words >= max_tokens
        ):
            starts[i] = True
            words = 0
            current = []
        pending = after_stop = line_start = False
        has_content = True
        words += 1
        if len(current) < 4:
            current.append(text)
        nxt = next_word[i]
        after_stop = _ends_sentence(text, doc[nxt].text if nxt is not None else None)
        if after_stop and words <= 3 and _is_numbered_label(current):
            after_stop = False
    # One array write: setting token.is_sent_start one by one re-scans the doc each time.
    values = numpy.array([1 if start else -1 for start in starts], dtype="int32").reshape(-1, 1)
    doc.from_array([SENT_START], values.astype("uint64"))
    return doc


@Language.factory(
    "hypewatch_segmenter",
    default_config={"max_tokens": 150},
)
def make_segmenter(nlp: Language, name: str, max_tokens: int) -> HypewatchSegmenter:
    return HypewatchSegmenter(max_tokens)


class HypewatchSegmenter:
    """Pipeline component wrapper around `segment`."""

    def __init__(self, max_tokens: int = 150) -> None:
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        return segment(doc, self.max_tokens)


_STRIP = "".join(sorted(LINE_BULLETS)) + " \t\r\n\u00a0\u200b\ufeff"


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """Character offsets of the sentences of a segmented doc, stripped of surrounding
    whitespace and of a leading bullet glyph; sentences with nothing left are skipped."""
    out = []
    text = doc.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and (text[start].isspace() or text[start] in _STRIP):
            # "-" or "o" are bullets only when a space follows them ("-5%" is a number).
            if text[start] in "-*o+>" and not (start + 1 < end and text[start + 1].isspace()):
                break
            start += 1
        if start < end:
            out.append((start, end))
    return out
