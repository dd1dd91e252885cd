"""The nightly flow reuses stored claims only for a document whose content is the same as
when they were labelled, by the same model: a page that kept its URL (doc_id) but changed
must be labelled again, even when its old sentences still sit at the same offsets."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from flows.nightly import _stored_claims
from tests.warehouse import factory as f
from warehouse.catalog import rebuild_catalog
from warehouse.lake import land_partition
from warehouse.schemas import DOCUMENTS

NIGHT1, NIGHT2 = dt.date(2026, 11, 1), dt.date(2026, 11, 2)
TEXT = "Our AI never sleeps."


def claims_for(doc: dict) -> list[dict]:
    row = f.claim(doc, 0, TEXT, "VAGUE")
    row.update(start_char=0, end_char=len(TEXT))
    return [row]


def lake_with_one_labelled_page(tmp_path):
    doc = f.document("acme", NIGHT1, "", TEXT)
    land_partition(tmp_path, "documents", NIGHT1, [doc], rebuild_catalog=False)
    land_partition(tmp_path, "claims", NIGHT1, claims_for(doc), rebuild_catalog=False)
    rebuild_catalog(tmp_path)
    return doc


def tonight(doc: dict, text: str) -> pa.Table:
    night = f.document("acme", NIGHT2, "", text)
    assert night["doc_id"] == doc["doc_id"]
    return pa.Table.from_pylist([night], schema=DOCUMENTS)


def test_unchanged_content_reuses_the_stored_claims(tmp_path):
    doc = lake_with_one_labelled_page(tmp_path)
    reused = _stored_claims(tmp_path, tonight(doc, TEXT), "test-1")
    assert reused["text"].to_pylist() == [TEXT]


def test_changed_content_is_labelled_again(tmp_path):
    doc = lake_with_one_labelled_page(tmp_path)
    # The old sentence is still at offset 0; only the content hash tells the page changed.
    changed = tonight(doc, TEXT + " Our AI now also writes your contracts.")
    assert _stored_claims(tmp_path, changed, "test-1").num_rows == 0


def test_another_model_version_is_not_reused(tmp_path):
    doc = lake_with_one_labelled_page(tmp_path)
    assert _stored_claims(tmp_path, tonight(doc, TEXT), "test-2").num_rows == 0
