from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.warehouse import factory as f
from warehouse.lake import land_partition

NIGHT1 = dt.date(2026, 11, 1)
NIGHT2 = dt.date(2026, 11, 2)


def build_small_lake(data_dir: Path) -> None:
    """Two nights, three watched companies; the expected answers are worked out in the tests."""
    for night in (NIGHT1, NIGHT2):
        land_partition(
            data_dir,
            "companies",
            night,
            [f.company("acme", night), f.company("birch", night), f.company("cobalt", night)],
            rebuild_catalog=False,
        )

    acme1 = f.document("acme", NIGHT1, "", "home v1")
    birch1 = f.document("birch", NIGHT1, "10-k", "filing v1", kind="filing")
    claims1 = [
        f.claim(acme1, 0, "Our AI-powered platform transforms retail.", "VAGUE", score=0.9),
        f.claim(acme1, 1, "We will redefine commerce with AI.", "ASPIRATIONAL", score=0.8),
        f.claim(acme1, 2, "Contact sales.", score=0.0),
        f.claim(
            birch1,
            0,
            "A gradient-boosted model trained on 3 years of tickets suggests a part; a technician confirms it.",
            "SPECIFIC",
            score=0.1,
        ),
        f.claim(birch1, 1, "Revenue grew 14%.", score=0.0),
    ]
    acme2 = f.document("acme", NIGHT2, "", "home v2")
    birch2 = f.document("birch", NIGHT2, "10-k", "filing v2", kind="filing")
    claims2 = [
        f.claim(acme2, 0, "Our AI-powered platform transforms retail.", "VAGUE", score=0.9),
        f.claim(acme2, 1, "We will redefine commerce with AI.", "ASPIRATIONAL", score=0.8),
        f.claim(acme2, 2, "Our AI is 99% accurate.", "VAGUE", ("UNSUPPORTED_METRIC",), score=0.95),
        f.claim(acme2, 3, "Contact sales.", score=0.0),
        f.claim(
            birch2,
            0,
            "A gradient-boosted model trained on 3 years of tickets suggests a part; a technician confirms it.",
            "SPECIFIC",
            score=0.1,
        ),
        f.claim(
            birch2,
            1,
            "The world's first AI-native insurer.",
            "SPECIFIC",
            ("SUPERLATIVE",),
            score=0.7,
        ),
    ]
    for night, docs, claims in (
        (NIGHT1, [acme1, birch1], claims1),
        (NIGHT2, [acme2, birch2], claims2),
    ):
        land_partition(data_dir, "documents", night, docs, rebuild_catalog=False)
        land_partition(data_dir, "claims", night, claims, rebuild_catalog=False)
        land_partition(data_dir, "runs", night, [f.run(night, documents=2)], rebuild_catalog=False)
    land_partition(data_dir, "fetch_errors", NIGHT1, [], rebuild_catalog=False)
    land_partition(
        data_dir,
        "fetch_errors",
        NIGHT2,
        [
            f.fetch_error(NIGHT2, "product_pages", "https://acme.example/gone", "http_404", 404),
            f.fetch_error(NIGHT2, "product_pages", "https://birch.example/old", "http_404", 404),
            f.fetch_error(NIGHT2, "edgar", "https://edgar.example/x", "timeout", None),
        ],
    )


@pytest.fixture(scope="session")
def small_lake(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("small-lake")
    build_small_lake(data_dir)
    return data_dir
