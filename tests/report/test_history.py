"""Claim history views and macros (warehouse/sql/history.sql) on the factory lake of conftest.py,
whose changes are listed there; the expected answers below are worked out from that list."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.conftest import N1, N2, N3
from warehouse.catalog import query_table, rebuild_catalog

HISTORY_QUERIES = Path(__file__).resolve().parents[2] / "warehouse" / "queries" / "history"

RANKING = (
    "A ranking model trained on 2012-2024 filing data scores 1,400 stocks each week; "
    "a manager approves every trade."
)
HARNESS = "We harness cutting-edge machine learning across everything we do."
TRIP = "Our new AI trip planner makes every itinerary smarter."


def rows(data_dir: Path, sql: str) -> list[dict]:
    return query_table(data_dir, sql).to_pylist(maps_as_pydicts="strict")


def test_changes_between_two_nights(history_lake):
    got = rows(
        history_lake,
        "SELECT company_id, change, match, old_claim, new_claim, old_text, new_text "
        "FROM claim_changes('2026-11-01', DATE '2026-11-02')",
    )
    as_tuples = [tuple(r.values()) for r in got]
    assert as_tuples == [
        ("acme", "added", None, None, "VAGUE", None, "Our AI pricing bot guarantees your store a profit."),
        (
            "acme", "added", None, None, "VAGUE", None,
            "Acme launched AI Checkout, the world's first autonomous store.",
        ),
        ("acme", "edited", "same_place", "VAGUE", "SPECIFIC", HARNESS, RANKING),
        (
            "acme", "edited", "similar_text", "VAGUE", "VAGUE",
            "Our AI detector is 99.2% accurate.", "Our AI detector is 99.5% accurate.",
        ),
        (
            "acme", "edited", "similar_text", "VAGUE", "NONE",
            "Our AI chatbot answers questions.", "Our chatbot answers questions.",
        ),
        ("acme", "removed", None, "VAGUE", None, "AI everywhere.", None),
        ("acme", "removed", None, "VAGUE", None, TRIP, None),
        ("acme", "removed", None, "VAGUE", None, "Our AI writes every blog post.", None),
        (
            "acme", "relabelled", "same_text", "NONE", "VAGUE",
            "Smart replies save time.", "Smart replies save time.",
        ),
        ("birch", "not_fetched", None, "SPECIFIC", None, "We use AI to rank support tickets by urgency.", None),
        ("cobalt", "not_fetched", None, "ASPIRATIONAL", None, "AI will transform mining.", None),
    ]  # fmt: skip


def test_edits_carry_old_and_new_labels_flags_and_urls(history_lake):
    got = {
        r["new_text"]: r
        for r in rows(history_lake, "SELECT * FROM claim_changes('2026-11-01', '2026-11-02')")
        if r["new_text"]
    }
    ranking = got[RANKING]
    assert (ranking["old_washing"], ranking["new_washing"]) == (True, False)
    assert ranking["url"] == "https://acme.example/"
    assert (ranking["old_sent_index"], ranking["new_sent_index"]) == (2, 3)
    assert ranking["old_first_seen"] == N1 and ranking["new_first_seen"] == N2
    added = got["Our AI pricing bot guarantees your store a profit."]
    assert added["flags_added"] == ["GUARANTEE"] and added["flags_removed"] == []
    assert added["new_evidence"][0] == {
        "label": "AI_TERM",
        "text": "AI",
        "start_char": 4,
        "end_char": 6,
    }
    detector = got["Our AI detector is 99.5% accurate."]
    assert detector["similarity"] == pytest.approx(1 - 1 / 34, abs=1e-4)
    launch = got["Acme launched AI Checkout, the world's first autonomous store."]
    assert (launch["kind"], launch["url"]) == ("press_release", "https://acme.example/news/launch")


def test_alignment_pairs_every_sentence_at_most_once(history_lake):
    aligned = rows(
        history_lake,
        "SELECT * FROM claim_alignment([{'old_night': DATE '2026-11-01', 'new_night': DATE '2026-11-02'}])",
    )
    old_ids = [r["old_claim_id"] for r in aligned if r["old_claim_id"]]
    new_ids = [r["new_claim_id"] for r in aligned if r["new_claim_id"]]
    night = rows(
        history_lake,
        "SELECT run_date, count(*) AS n FROM claims WHERE run_date <= '2026-11-02' GROUP BY 1 ORDER BY 1",
    )
    assert len(old_ids) == len(set(old_ids)) == night[0]["n"]
    assert len(new_ids) == len(set(new_ids)) == night[1]["n"]
    unchanged = {r["new_text"] for r in aligned if r["change"] == "unchanged"}
    assert "Our AI-powered platform transforms retail." in unchanged
    assert "Welcome to Acme." in unchanged
    # one of the two identical sentences stayed, the other went
    everywhere = sorted(r["change"] for r in aligned if r["old_text"] == "AI everywhere.")
    assert everywhere == ["removed", "unchanged"]


def test_company_changes(history_lake):
    got = rows(history_lake, "SELECT * FROM company_changes('2026-11-01', '2026-11-02')")
    keys = (
        "company_id", "added", "edited", "removed", "relabelled", "not_fetched",
        "newly_flagged", "no_longer_flagged", "flagged_before", "flagged_after",
    )  # fmt: skip
    assert [tuple(r[k] for k in keys) for r in got] == [
        ("acme", 2, 3, 3, 1, 0, 3, 5, 8, 6),
        ("birch", 0, 0, 0, 0, 1, 0, 0, 1, 1),
        ("cobalt", 0, 0, 0, 0, 1, 0, 0, 1, 0),
    ]
    assert got[0]["name"] == "Acme"


def test_changes_since_previous_and_every_night(history_lake):
    assert rows(history_lake, "SELECT * FROM changes_since_previous('2026-11-01')") == []
    latest = rows(
        history_lake,
        "SELECT old_night, new_night, change, new_text, new_first_seen "
        "FROM changes_since_previous('2026-11-03')",
    )
    # the removed claim came back: added again, first seen on the first night
    assert latest == [
        {
            "old_night": N2,
            "new_night": N3,
            "change": "added",
            "new_text": TRIP,
            "new_first_seen": N1,
        }
    ]
    nightly = rows(
        history_lake,
        "SELECT new_night, count(*) AS n FROM claim_changes_nightly GROUP BY 1 ORDER BY 1",
    )
    assert nightly == [{"new_night": N2, "n": 11}, {"new_night": N3, "n": 1}]
    assert rows(history_lake, "SELECT * FROM nights") == [
        {"run_date": N1, "previous_night": None},
        {"run_date": N2, "previous_night": N1},
        {"run_date": N3, "previous_night": N2},
    ]
    # comparing with no night at all is no change, not everything added
    assert rows(history_lake, "SELECT * FROM claim_changes(NULL, '2026-11-02')") == []


def test_claim_history(history_lake):
    got = {
        (r["text"], r["first_seen"]): r for r in rows(history_lake, "SELECT * FROM claim_history")
    }
    trip = got[(TRIP, N1)]
    assert (trip["last_seen"], trip["nights_seen"], trip["seen_last_night"]) == (N3, 2, True)
    harness = got[(HARNESS, N1)]
    assert (harness["last_seen"], harness["nights_seen"], harness["seen_last_night"]) == (
        N1,
        1,
        False,
    )
    ranking = got[(RANKING, N2)]
    assert (ranking["claim"], ranking["washing"], ranking["url"]) == (
        "SPECIFIC",
        False,
        "https://acme.example/",
    )
    # labels are the latest night's: relabelled NONE -> VAGUE, counted as an AI claim
    replies = got[("Smart replies save time.", N1)]
    assert (replies["claim"], replies["nights_seen"]) == ("VAGUE", 3)
    # sentences never an AI claim are not in the history
    assert not [key for key in got if key[0] in ("Welcome to Acme.", "Contact sales.")]
    # the chatbot sentence lost "AI": its old claim ends on night 1, the new one is no claim
    assert ("Our chatbot answers questions.", N2) not in got
    assert got[("Our AI chatbot answers questions.", N1)]["last_seen"] == N1


def test_history_on_an_empty_lake(tmp_path):
    rebuild_catalog(tmp_path)
    for sql in (
        "SELECT * FROM nights",
        "SELECT * FROM claim_history",
        "SELECT * FROM claim_changes('2026-11-01', '2026-11-02')",
        "SELECT * FROM changes_since_previous('2026-11-02')",
        "SELECT * FROM claim_changes_nightly",
        "SELECT * FROM company_changes('2026-11-01', '2026-11-02')",
    ):
        assert rows(tmp_path, sql) == [], sql
    for path in sorted(HISTORY_QUERIES.glob("*.sql")):
        assert rows(tmp_path, path.read_text()) == [], path.name


EXPECTED_HISTORY_EXAMPLES = {
    "changes_since_last_night.sql": [
        {"company_id": "acme", "change": "added", "new_claim": "VAGUE", "text": TRIP},
    ],
    "company_changes_last_night.sql": [
        {"company_id": "acme", "added": 1, "newly_flagged": 1, "flagged_before": 6, "flagged_after": 7},
    ],
    "vague_claims_made_specific.sql": [
        {"night": N2, "company_id": "acme", "old_text": HARNESS, "new_text": RANKING},
    ],
    "dropped_flagged_claims.sql": [
        {"gone_on": N2, "change": "removed", "up_since": N1, "old_text": "AI everywhere."},
        {"gone_on": N2, "change": "edited", "up_since": N1, "old_text": "Our AI chatbot answers questions."},
        {"gone_on": N2, "change": "removed", "up_since": N1, "old_text": "Our AI writes every blog post."},
        {"gone_on": N2, "change": "removed", "up_since": N1, "old_text": TRIP},
    ],
    "longest_running_flagged_claims.sql": [
        {"first_seen": N1, "nights_seen": 3, "text": "AI everywhere."},
        {"first_seen": N1, "nights_seen": 3, "text": "Our AI-powered platform transforms retail."},
        {"first_seen": N1, "nights_seen": 3, "text": "Smart replies save time."},
        {"first_seen": N1, "nights_seen": 3, "text": 'Our <script>alert("x")</script> AI <b>never</b> sleeps & "wins".'},
        {"first_seen": N1, "nights_seen": 2, "text": TRIP},
        {"first_seen": N2, "nights_seen": 2, "text": "Acme launched AI Checkout, the world's first autonomous store."},
        {"first_seen": N2, "nights_seen": 2, "text": "Our AI detector is 99.5% accurate."},
        {"first_seen": N2, "nights_seen": 2, "text": "Our AI pricing bot guarantees your store a profit."},
    ],
}  # fmt: skip


def test_every_history_example_is_tested():
    assert sorted(p.name for p in HISTORY_QUERIES.glob("*.sql")) == sorted(
        EXPECTED_HISTORY_EXAMPLES
    )


@pytest.mark.parametrize("name", sorted(EXPECTED_HISTORY_EXAMPLES))
def test_history_example(history_lake, name):
    got = rows(history_lake, (HISTORY_QUERIES / name).read_text())
    expected = EXPECTED_HISTORY_EXAMPLES[name]
    assert [{k: r[k] for k in expected[0]} for r in got] == expected
