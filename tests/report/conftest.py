"""A three-night lake made of factory rows, with every kind of change the history must tell.

Night 1 -> night 2, company by company:
- acme, home page: a claim added near the top; a vague claim rewritten in place into a
  specific one; a metric edited (99.2% -> 99.5%); "AI" dropped from a claim (an AI claim
  edited into a non-AI sentence); a claim removed; an unchanged sentence relabelled by a new
  model; one of two identical sentences removed.
- acme, blog post gone (the site was crawled that night): its claim removed.
- acme, press release new on night 2: its claim added.
- birch, 10-K: a fetch error on night 2: its claim not_fetched, not removed.
- cobalt, pitch deck: no pitch deck of cobalt fetched on night 2: not_fetched.
Night 2 -> night 3: the removed trip-planner claim comes back on acme's home page.

One claim text carries markup and one URL a javascript: scheme, for the report's escaping.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.warehouse import factory as f
from warehouse.catalog import rebuild_catalog
from warehouse.lake import land_partition

REPO_ROOT = Path(__file__).resolve().parents[2]

N1, N2, N3 = dt.date(2026, 11, 1), dt.date(2026, 11, 2), dt.date(2026, 11, 3)
NIGHTS = (N1, N2, N3)

HOSTILE = 'Our <script>alert("x")</script> AI <b>never</b> sleeps & "wins".'

HOME_1 = [
    ("Welcome to Acme.", "NONE", ()),
    ("Our AI-powered platform transforms retail.", "VAGUE", ()),
    ("We harness cutting-edge machine learning across everything we do.", "VAGUE", ()),
    ("Prices start at $10 a month.", "NONE", ()),
    ("Our AI detector is 99.2% accurate.", "VAGUE", ("UNSUPPORTED_METRIC",)),
    ("Our AI chatbot answers questions.", "VAGUE", ()),
    ("Smart replies save time.", "NONE", ()),
    ("AI everywhere.", "VAGUE", ()),
    ("AI everywhere.", "VAGUE", ()),
    ("Contact sales.", "NONE", ()),
    ("Our new AI trip planner makes every itinerary smarter.", "VAGUE", ()),
    ("Copyright 2026 Acme.", "NONE", ()),
]
HOME_2 = [
    ("Welcome to Acme.", "NONE", ()),
    ("Our AI pricing bot guarantees your store a profit.", "VAGUE", ("GUARANTEE",)),
    ("Our AI-powered platform transforms retail.", "VAGUE", ()),
    (
        "A ranking model trained on 2012-2024 filing data scores 1,400 stocks each week; "
        "a manager approves every trade.",
        "SPECIFIC",
        (),
    ),
    ("Prices start at $10 a month.", "NONE", ()),
    ("Our AI detector is 99.5% accurate.", "VAGUE", ("UNSUPPORTED_METRIC",)),
    ("Our chatbot answers questions.", "NONE", ()),
    ("Smart replies save time.", "VAGUE", ()),
    ("AI everywhere.", "VAGUE", ()),
    ("Contact sales.", "NONE", ()),
    ("Copyright 2026 Acme.", "NONE", ()),
]
HOME_3 = HOME_2[:-1] + [HOME_1[10], HOME_2[-1]]


def sentences(doc: dict, rows: list[tuple[str, str, tuple[str, ...]]]) -> list[dict]:
    """Claims rows for a document's sentences, with claim_ids the way the classifier makes
    them: repeats of one sentence in a document get their occurrence number."""
    seen: dict[str, int] = {}
    out = []
    for index, (text, label, flags) in enumerate(rows):
        row = f.claim(doc, index, text, label, flags, score=0.9 if label in ("VAGUE",) else 0.2)
        row["claim_id"] = f.digest(doc["doc_id"], text, seen.get(text, 0))
        seen[text] = seen.get(text, 0) + 1
        # evidence on the words that carry it, relative to the sentence
        row["evidence"] = evidence(text) if label != "NONE" else []
        out.append(row)
    return out


def evidence(text: str) -> list[dict]:
    spans = []
    for label, word in (
        ("AI_TERM", "AI"),
        ("HYPE", "transforms"),
        ("METRIC", "99.5%"),
        ("METRIC", "99.2%"),
        ("GUARANTEE", "guarantees"),
        ("DATASET", "2012-2024 filing data"),
        ("HUMAN_REVIEW", "a manager approves every trade"),
        ("SUPERLATIVE", "world's first"),
    ):
        start = text.find(word)
        if start >= 0:
            spans.append(
                {"label": label, "text": word, "start_char": start, "end_char": start + len(word)}
            )
    return spans


def night_rows(night: dt.date) -> tuple[list[dict], list[dict], list[dict]]:
    """(documents, claims, fetch_errors) for one night."""
    docs, claims, errors = [], [], []

    def add(company, path, rows, kind="product_page", url=None):
        doc = f.document(company, night, path, " ".join(t for t, _, _ in rows), kind)
        if url:
            doc["url"] = url
        docs.append(doc)
        claims.extend(sentences(doc, rows))
        return doc

    home = {N1: HOME_1, N2: HOME_2, N3: HOME_3}[night]
    add("acme", "", home)
    if night == N1:
        add("acme", "blog/old", [("Our AI writes every blog post.", "VAGUE", ("OVERCLAIM",))])
        add(
            "birch",
            "10-k",
            [("We use AI to rank support tickets by urgency.", "SPECIFIC", ())],
            "filing",
        )
        add("cobalt", "deck.pdf", [("AI will transform mining.", "ASPIRATIONAL", ())], "pitch_deck")
    else:
        add(
            "acme",
            "news/launch",
            [
                (
                    "Acme launched AI Checkout, the world's first autonomous store.",
                    "VAGUE",
                    ("SUPERLATIVE",),
                )
            ],
            "press_release",
        )
        errors.append(f.fetch_error(night, "edgar", "https://birch.example/10-k", "http_503", 503))
    add(
        "birch",
        "",
        [("Birch makes furniture.", "NONE", ()), (HOSTILE, "VAGUE", ("OVERCLAIM",))],
        url="javascript:alert(1)" if night == N3 else None,
    )
    add("cobalt", "", [("Cobalt mines cobalt.", "NONE", ())])
    return docs, claims, errors


def build_history_lake(data_dir: Path) -> Path:
    for night in NIGHTS:
        docs, claims, errors = night_rows(night)
        land_partition(
            data_dir,
            "companies",
            night,
            [f.company(c, night) for c in ("acme", "birch", "cobalt")],
            rebuild_catalog=False,
        )
        land_partition(data_dir, "documents", night, docs, rebuild_catalog=False)
        land_partition(data_dir, "claims", night, claims, rebuild_catalog=False)
        land_partition(data_dir, "fetch_errors", night, errors, rebuild_catalog=False)
        land_partition(
            data_dir, "runs", night, [f.run(night, documents=len(docs))], rebuild_catalog=False
        )
    rebuild_catalog(data_dir)
    return data_dir


@pytest.fixture(scope="session")
def history_lake(tmp_path_factory) -> Path:
    return build_history_lake(tmp_path_factory.mktemp("history-lake"))


# --- two real nights on the sample web ------------------------------------------------------

SAMPLE_NIGHT_1, SAMPLE_NIGHT_2 = dt.date(2026, 5, 4), dt.date(2026, 5, 5)
# One nightly run in its own process, as `hypewatch run` would do it, but with the sample
# web's EDGAR endpoints and pacing passed as Scrapy settings (a sources file cannot say them).
NIGHT_DRIVER = """
import datetime as dt, json, sys
from flows.nightly import nightly
nightly(sources=sys.argv[1], data_dir=sys.argv[2], run_date=dt.date.fromisoformat(sys.argv[3]),
        settings=json.loads(sys.argv[4]))
"""


@dataclass
class SampleNights:
    data_dir: Path
    manifest: dict  # the second night's, with its `changes`


def run_night(web, data_dir: Path, night: dt.date) -> None:
    settings = dict(web.scrapy_settings)  # EDGAR endpoints and local pacing
    result = subprocess.run(
        [sys.executable, "-c", NIGHT_DRIVER, str(web.sources_path), str(data_dir),
         night.isoformat(), json.dumps(settings)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )  # fmt: skip
    if result.returncode != 0:
        pytest.fail(
            f"nightly on the sample web for {night} exited {result.returncode}:\n"
            + "\n".join((result.stdout + result.stderr).splitlines()[-30:])
        )


@pytest.fixture(scope="session")
def sample_nights(tmp_path_factory) -> SampleNights:
    """Two nightly runs on one sample web server (doc_ids hash the URL, port included):
    variant 1, then variant 2 with the claims its manifest lists as added, edited, removed."""
    from spiders.sampleweb.server import running

    data_dir = tmp_path_factory.mktemp("sample-nights") / "data"
    with running(port=0, variant=1, stall_seconds=5) as web:
        run_night(web, data_dir, SAMPLE_NIGHT_1)
        web.set_variant(2)
        run_night(web, data_dir, SAMPLE_NIGHT_2)
        manifest = web.manifest
    return SampleNights(data_dir, manifest)
