from __future__ import annotations

import datetime as dt
import re

import pytest

from classifiers.api import LABEL_FIELDS, chunk_text, claim_id

DOC = {
    "doc_id": "doc-1",
    "run_date": dt.date(2026, 11, 26),
    "company_id": "acme",
    "kind": "product_page",
    "source": "product_pages",
    "text": (
        "Acme Robotics\n"
        "• AI-powered forecasting for retailers\n"
        "Our AI-powered platform transforms how teams work. Revenue grew 14% to $38.2 million.\n\n"
        "Our AI-powered platform transforms how teams work.\n"
        "We believe AI will redefine every part of our business."
    ),
}


def test_claim_rows_have_exactly_the_warehouse_columns(classifier):
    from warehouse.schemas import CLAIMS  # the test may look ahead; classifiers/ may not

    rows = classifier.claims_for_document(DOC)
    assert rows
    for row in rows:
        assert list(row) == CLAIMS.names


def test_claim_rows_index_the_document(classifier):
    rows = classifier.claims_for_document(DOC)
    text = DOC["text"]
    assert [r["sent_index"] for r in rows] == list(range(len(rows)))
    assert [r["text"] for r in rows] == [
        "Acme Robotics",
        "AI-powered forecasting for retailers",
        "Our AI-powered platform transforms how teams work.",
        "Revenue grew 14% to $38.2 million.",
        "Our AI-powered platform transforms how teams work.",
        "We believe AI will redefine every part of our business.",
    ]
    for row in rows:
        assert text[row["start_char"] : row["end_char"]] == row["text"]
        assert (row["doc_id"], row["company_id"], row["run_date"]) == (
            "doc-1",
            "acme",
            DOC["run_date"],
        )
        assert row["model_version"] == classifier.model_version
        assert 0.0 <= row["washing_score"] <= 1.0 and 0.0 <= row["claim_score"] <= 1.0
        assert set(row["flag_scores"]) == {
            "OVERCLAIM",
            "UNSUPPORTED_METRIC",
            "SUPERLATIVE",
            "GUARANTEE",
        }
        for e in row["evidence"]:
            # Evidence offsets are relative to the row's own text.
            assert row["text"][e["start_char"] : e["end_char"]] == e["text"]
    assert rows[3]["claim"] == "NONE" and rows[3]["flags"] == []


def test_claim_ids_are_stable_and_tell_repeats_apart(classifier):
    rows = classifier.claims_for_document(DOC)
    ids = [r["claim_id"] for r in rows]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)
    # The repeated sentence gets occurrence 0 then 1.
    assert ids[2] == claim_id("doc-1", rows[2]["text"], 0)
    assert ids[4] == claim_id("doc-1", rows[4]["text"], 1)
    # Unchanged sentences keep their ids when others change around them.
    edited = {**DOC, "text": "New heading\n" + DOC["text"].replace("14%", "15%")}
    again = {r["text"]: r["claim_id"] for r in classifier.claims_for_document(edited)}
    assert again["We believe AI will redefine every part of our business."] == ids[5]
    assert claim_id("d", "a  b\n c", 0) == claim_id("d", "a b c", 0)


def test_batch_equals_one_by_one_and_is_deterministic(classifier):
    other = {**DOC, "doc_id": "doc-2", "text": "Our detector is 99.2% accurate.\nIt never sleeps."}
    batch = classifier.claims_for_documents([DOC, other])
    single = classifier.claims_for_document(DOC) + classifier.claims_for_document(other)
    assert batch == single
    assert classifier.claims_for_documents([DOC, other]) == batch


def test_worker_processes_give_the_same_rows_in_the_same_order(classifier, monkeypatch):
    import classifiers.api as api

    # Small tasks, so that both workers get some and the order has to be restored.
    monkeypatch.setattr(api, "PARALLEL_CHARS_PER_TASK", 200)
    docs = [
        {**DOC, "doc_id": f"doc-{i}", "text": DOC["text"] + f"\nOur model scored {i}% on a test."}
        for i in range(12)
    ]
    with api.ClassifierPool(classifier.model_dir, 2) as pool:
        assert len(list(api._tasks(docs))) > 2
        assert pool.claims_for_documents(docs) == classifier.claims_for_documents(docs)
        assert pool.claims_for_documents(docs[:1]) == classifier.claims_for_document(docs[0])
    assert api.processes_for(docs) == 1  # a small night stays in-process


def test_label_texts_fields_and_sanity(classifier):
    out = classifier.label_texts(
        [
            "Our AI-powered platform transforms how teams work.",
            "Revenue grew 14% to $38 million.",
            "We believe AI will redefine every part of our business.",
        ]
    )
    assert [list(o) for o in out] == [list(LABEL_FIELDS)] * 3
    assert out[0]["claim"] == "VAGUE" and out[0]["washing"]
    assert out[1]["claim"] == "NONE" and not out[1]["ai_claim"]
    assert out[2]["claim"] == "ASPIRATIONAL"
    assert abs(sum(out[0]["claim_scores"].values()) - 1.0) < 1e-4


BAD_INPUTS = [
    "",
    "   \n\t ",
    "\x00\x01\x02\ufffd\ufffd binary \x7f\x80junk",
    "😀🚀🤖🔥💯",
    "Unsere Firma verkauft Möbel in ganz Deutschland.",
    "当社は東京で家具を販売しています。",
    "<div class='nav'><a href='/'>Home</a> | <a href='/pricing'>Pricing</a></div>",
    "\udcff\udcfe lone surrogates",
]


@pytest.mark.parametrize("text", BAD_INPUTS)
def test_bad_input_is_none_without_flags(classifier, text):
    (out,) = classifier.label_texts([text])
    assert out["claim"] == "NONE" and out["flags"] == [] and not out["washing"]
    assert out["washing_score"] == 0.0 and out["evidence"] == []
    rows = classifier.claims_for_document({**DOC, "text": text})
    assert all(r["claim"] == "NONE" and r["flags"] == [] for r in rows)


def test_megabyte_without_punctuation_is_chunked_not_truncated(classifier):
    words = ["lorem", "ipsum", "dolor", "sit", "amet"] * 40_000
    text = " ".join(words)  # about 1.2 MB, one "sentence"
    assert len(text) > 1_000_000
    rows = classifier.claims_for_document({**DOC, "text": text})
    assert sum(len(r["text"].split()) for r in rows) == len(words)
    assert all(r["claim"] == "NONE" for r in rows)
    (out,) = classifier.label_texts([text])
    assert out["claim"] == "NONE"


def test_chunk_text_covers_everything():
    text = "para one\n" + "x" * 50 + " tail words here"
    pieces = chunk_text(text, 20)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e - s <= 20 for s, e in pieces)


def test_long_text_keeps_an_ai_claim_found_in_any_piece(classifier):
    filler = "Lorem ipsum dolor sit amet. " * 1500  # ~42k characters, three pieces
    text = filler + "Our AI-powered platform transforms how teams work."
    (out,) = classifier.label_texts([text])
    assert out["ai_claim"]
    for e in out["evidence"]:
        assert text[e["start_char"] : e["end_char"]] == e["text"]


def test_claim_rows_convert_to_the_warehouse_schema(classifier):
    import pyarrow as pa

    from warehouse.schemas import CLAIMS

    rows = classifier.claims_for_documents([DOC, {**DOC, "doc_id": "empty", "text": ""}])
    table = pa.Table.from_pylist(rows, schema=CLAIMS)
    assert table.num_rows == len(rows) == 6
    back = table.to_pylist()[1]
    assert back["text"] == "AI-powered forecasting for retailers"
    assert dict(back["flag_scores"]).keys() == rows[1]["flag_scores"].keys()


TRICKY = [
    "AI-powered search",
    "Search powered by A.I.",
    "ain't no AI here",
    "Our GenAI copilot",
    "5ml of machine\nlearning",
    "machine   learning models",
    "MACHINE LEARNING",
    "the agent's commission",
    "(AI) and [ML]",
    "said again: maintain",
    "Smart-home thermostats",
    "Ünïcödé text with an LLM",
    "",
    "no wording of that kind at all",
]


def test_the_ai_wording_prefilter_never_misses_what_the_matcher_finds(classifier):
    # Texts the prefilter rules out are answered NONE without being read; it must pass
    # every text in which the span_ruler's patterns find AI wording.
    from classifiers.corpus import load_corpus

    ruler, tokenizer = classifier._ruler, classifier.nlp.tokenizer
    texts = [row.text for row in load_corpus()] + TRICKY + list(tokenizer.rules or {})
    missed = [
        text
        for text in texts
        if any(label in ("AI_TERM", "AI_WEAK") for label, _, _ in ruler(tokenizer(text)))
        and not ruler.may_match_ai_wording(text)
    ]
    assert not missed
    assert not ruler.may_match_ai_wording("no wording of that kind at all")
    assert ruler.may_match_ai_wording("ain't no AI here")


def test_answers_are_the_same_with_and_without_the_prefilter(classifier):
    from classifiers.corpus import load_corpus, split_corpus

    rows = split_corpus(load_corpus())["test"]
    texts = [row.text for row in rows] + TRICKY
    kinds = [row.kind for row in rows] + [None] * len(TRICKY)
    fast = classifier.label_texts(texts, kinds)
    saved = classifier._ruler.ai_wording
    classifier._ruler.ai_wording = None  # every text read in full
    try:
        slow = classifier.label_texts(texts, kinds)
    finally:
        classifier._ruler.ai_wording = saved
    assert fast == slow
