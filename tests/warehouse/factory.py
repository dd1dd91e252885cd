"""Rows for warehouse tests and benchmarks: well-formed, deterministic, made up."""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
import pyarrow as pa

from warehouse.schemas import CLAIMS

UTC = dt.UTC


def digest(*parts: object) -> str:
    return hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()[:32]


def company(company_id: str, run_date: dt.date, name: str | None = None) -> dict:
    return {
        "company_id": company_id,
        "run_date": run_date,
        "name": name or company_id.replace("-", " ").title(),
        "website": f"https://{company_id}.example/",
        "cik": None,
        "feeds": [],
        "decks": [],
    }


def document(
    company_id: str, run_date: dt.date, path: str, text: str, kind: str = "product_page"
) -> dict:
    url = f"https://{company_id}.example/{path}"
    source = {
        "product_page": "product_pages",
        "filing": "edgar",
        "press_release": "press_releases",
        "pitch_deck": "pitch_decks",
    }[kind]
    return {
        "doc_id": digest(company_id, url),
        "run_date": run_date,
        "company_id": company_id,
        "source": source,
        "kind": kind,
        "url": url,
        "title": path,
        "published_at": None,
        "fetched_at": dt.datetime.combine(run_date, dt.time(2, 0), tzinfo=UTC),
        "http_status": 200,
        "content_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "text": text,
    }


def claim(
    doc: dict,
    sent_index: int,
    text: str,
    label: str = "NONE",
    flags: tuple[str, ...] = (),
    score: float = 0.0,
) -> dict:
    ai_claim = label != "NONE"
    washing = ai_claim and (label in ("VAGUE", "ASPIRATIONAL") or bool(flags))
    start = sent_index * 100
    return {
        "claim_id": digest(doc["doc_id"], text, 0),
        "doc_id": doc["doc_id"],
        "run_date": doc["run_date"],
        "company_id": doc["company_id"],
        "sent_index": sent_index,
        "start_char": start,
        "end_char": start + len(text),
        "text": text,
        "claim": label,
        "claim_score": 0.875,
        "flags": list(flags),
        "flag_scores": {flag: 0.75 for flag in flags},
        "ai_claim": ai_claim,
        "washing": washing,
        "washing_score": score,
        "evidence": [{"label": "AI_TERM", "text": "AI", "start_char": start, "end_char": start + 2}]
        if ai_claim
        else [],
        "model_version": "test-1",
    }


def fetch_error(run_date: dt.date, source: str, url: str, error: str, status: int | None) -> dict:
    return {
        "run_date": run_date,
        "source": source,
        "company_id": None,
        "url": url,
        "error": error,
        "http_status": status,
        "detail": f"{error} at {url}",
    }


def run(run_date: dt.date, status: str = "Completed", **counts: int) -> dict:
    started = dt.datetime.combine(run_date, dt.time(2, 0), tzinfo=UTC)
    return {
        "run_id": digest("run", run_date),
        "run_date": run_date,
        "started_at": started,
        "finished_at": started + dt.timedelta(minutes=5),
        "status": status,
        "counts": counts,
        "model_version": "test-1",
    }


LABELS = np.array(["NONE", "SPECIFIC", "VAGUE", "ASPIRATIONAL"])
FLAGS = ["OVERCLAIM", "UNSUPPORTED_METRIC", "SUPERLATIVE", "GUARANTEE"]


def generated_claims(run_date: dt.date, rows: int, companies: int = 200, seed: int = 0) -> pa.Table:
    """`rows` claim rows for one run date, built column-wise (fast enough for 1M rows)."""
    rng = np.random.default_rng(seed)
    n = rows
    company_ix = rng.integers(0, companies, n)
    doc_ix = rng.integers(0, 20, n)
    labels = LABELS[rng.choice(4, n, p=[0.6, 0.1, 0.2, 0.1])]
    ai = labels != "NONE"
    flag_mask = rng.random((n, 4)) < 0.15
    flag_mask[~ai] = False
    flags = [[FLAGS[j] for j in np.flatnonzero(row)] for row in flag_mask]
    washing = ai & ((labels == "VAGUE") | (labels == "ASPIRATIONAL") | flag_mask.any(axis=1))
    score = np.where(washing, rng.uniform(0.5, 1.0, n), rng.uniform(0.0, 0.5, n)).astype("float32")
    sent = rng.integers(0, 400, n).astype("int32")
    company_ids = np.char.add("company-", company_ix.astype(str))
    doc_ids = np.char.add(np.char.add(company_ids, "-doc-"), doc_ix.astype(str))
    texts = np.char.add("Our platform sentence number ", sent.astype(str))
    claim_ids = np.char.add(np.char.add(doc_ids, ":"), np.arange(n).astype(str))
    evidence_type = CLAIMS.field("evidence").type
    evidence = pa.array(
        [
            [{"label": "AI_TERM", "text": "AI", "start_char": 0, "end_char": 2}] if a else []
            for a in ai
        ],
        type=evidence_type,
    )
    flag_scores = pa.array(
        [[(f, 0.9) for f in fl] for fl in flags], type=CLAIMS.field("flag_scores").type
    )
    columns = {
        "claim_id": pa.array(claim_ids.tolist()),
        "doc_id": pa.array(doc_ids.tolist()),
        "run_date": pa.array([run_date] * n, type=pa.date32()),
        "company_id": pa.array(company_ids.tolist()),
        "sent_index": pa.array(sent),
        "start_char": pa.array(sent * 80),
        "end_char": pa.array(sent * 80 + 60),
        "text": pa.array(texts.tolist()),
        "claim": pa.array(labels.tolist()),
        "claim_score": pa.array(rng.uniform(0.4, 1.0, n).astype("float32")),
        "flags": pa.array(flags, type=pa.list_(pa.string())),
        "flag_scores": flag_scores,
        "ai_claim": pa.array(ai),
        "washing": pa.array(washing),
        "washing_score": pa.array(score),
        "evidence": evidence,
        "model_version": pa.array(["bench-1"] * n),
    }
    return pa.Table.from_pydict(columns, schema=CLAIMS)
