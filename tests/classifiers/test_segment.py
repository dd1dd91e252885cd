from __future__ import annotations

import pytest
import spacy

from classifiers.segment import sentence_offsets


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("hypewatch_segmenter", config={"max_tokens": 150})
    return nlp


def sentences(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [doc.text[s:e] for s, e in sentence_offsets(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Abbreviations and decimals do not end sentences.
        (
            "Acme Robotics, Inc. sells in the U.S. and Canada. Revenue grew 3.5% to $38.2 million.",
            [
                "Acme Robotics, Inc. sells in the U.S. and Canada.",
                "Revenue grew 3.5% to $38.2 million.",
            ],
        ),
        (
            "We use models, e.g. Whisper, for calls. It works.",
            ["We use models, e.g. Whisper, for calls.", "It works."],
        ),
        # ... but "Inc." and "U.S." at the end of a sentence do, before a sentence opener.
        (
            "Our customers include Acme, Inc. We sell mostly in the U.S. The rest is abroad.",
            [
                "Our customers include Acme, Inc.",
                "We sell mostly in the U.S.",
                "The rest is abroad.",
            ],
        ),
        # Headings and lines without a final stop are sentences of their own.
        (
            "Item 1. Business\nOverview\nCorvane provides software.",
            ["Item 1. Business", "Overview", "Corvane provides software."],
        ),
        # Bullets at line start and inline bullet glyphs; the glyph is not part of the text.
        (
            "Features:\n• AI-powered forecasts\n- Real-time alerts\n* SOC 2 Type II",
            ["Features:", "AI-powered forecasts", "Real-time alerts", "SOC 2 Type II"],
        ),
        ("Fast • AI-driven • Secure", ["Fast", "AI-driven", "Secure"]),
        # Closing quotes stay with their sentence.
        ("“AI is our future.” Then we left.", ["“AI is our future.”", "Then we left."]),
        # Hard-wrapped prose (PDF lines) is joined; blank lines always split.
        (
            "Our model reads invoices and\nproposes a ledger code.\n\nNext paragraph",
            ["Our model reads invoices and\nproposes a ledger code.", "Next paragraph"],
        ),
        ("AI-driven forecasts", ["AI-driven forecasts"]),
        ("Growth of -5% in Q3", ["Growth of -5% in Q3"]),
        ("", []),
        ("  \n\n \t ", []),
    ],
)
def test_segmentation_cases(nlp, text, expected):
    assert sentences(nlp, text) == expected


def test_offsets_index_the_text(nlp):
    text = "  • Our AI is great!  \n\nWe sell in the U.S.\nReally?  Yes. "
    doc = nlp(text)
    offsets = sentence_offsets(doc)
    # Where each sentence starts and ends, bullet and surrounding spaces left out.
    assert [text[s:e] for s, e in offsets] == [
        "Our AI is great!",
        "We sell in the U.S.",
        "Really?",
        "Yes.",
    ]
    assert offsets[0] == (text.index("Our"), text.index("!") + 1)
    assert offsets[-1] == (text.index("Yes."), text.index("Yes.") + 4)


def test_text_without_punctuation_is_cut_into_bounded_pieces(nlp):
    text = " ".join(["word"] * 1000)
    doc = nlp(text)
    lengths = [len(s) for s in doc.sents]
    assert len(lengths) == 7 and max(lengths) <= 150
    # Nothing is lost: the pieces cover every word.
    assert sum(len(doc.text[s:e].split()) for s, e in sentence_offsets(doc)) == 1000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Item 1A. Risk Factors\nItem 7. MD&A", ["Item 1A. Risk Factors", "Item 7. MD&A"]),
        (
            "1. Connect your data\n2. Train the model",
            ["1. Connect your data", "2. Train the model"],
        ),
        ("We grew 12. The rest is noise.", ["We grew 12.", "The rest is noise."]),
    ],
)
def test_numbered_labels_keep_their_stop(nlp, text, expected):
    assert sentences(nlp, text) == expected
