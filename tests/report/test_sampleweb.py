"""History and report on a lake built by two real nightly runs on the sample web: variant 1,
then variant 2, whose manifest lists the claims it added, edited and removed. The report is
rendered in headless Chromium and a screenshot is written to build/report-screenshot.png."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.chromium import Elements, dump_dom, screenshot
from tests.report.conftest import REPO_ROOT, SAMPLE_NIGHT_1, SAMPLE_NIGHT_2
from warehouse.catalog import query_table
from warehouse.report import EVIDENCE_LEGEND, write_report

pytestmark = pytest.mark.slow

SCREENSHOT = REPO_ROOT / "build" / "report-screenshot.png"


def norm(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def changes(data_dir: Path) -> list[dict]:
    return query_table(
        data_dir, f"SELECT * FROM claim_changes('{SAMPLE_NIGHT_1}', '{SAMPLE_NIGHT_2}')"
    ).to_pylist(maps_as_pydicts="strict")


def manifest_ai_changes(manifest: dict) -> list[dict]:
    """The manifest's changes that involve an AI claim on either side (LABELS.md)."""
    return [
        c
        for c in manifest["changes"]
        if any(side and side["claim"] != "NONE" for side in (c["before"], c["after"]))
    ]


def test_the_manifest_changes_are_found(sample_nights):
    found = changes(sample_nights.data_dir)
    listed = manifest_ai_changes(sample_nights.manifest)
    assert {c["change"] for c in listed} == {"added", "edited", "removed"}
    by_key = {(r["change"], r["url"], norm(r["old_text"]), norm(r["new_text"])): r for r in found}
    missing = []
    for c in listed:
        key = (
            c["change"],
            c["url"],
            norm(c["before"]["text"]) if c["before"] else None,
            norm(c["after"]["text"]) if c["after"] else None,
        )
        if key not in by_key:
            missing.append(key)
    assert not missing, (
        f"manifest changes not found by claim_changes: {missing}\nfound: "
        + "\n".join(str((r["change"], r["url"], r["old_text"], r["new_text"])) for r in found)
    )


def test_nothing_else_changed(sample_nights):
    """Every change found is one the manifest lists, or a claim of a document new that night;
    with one model for both nights nothing is relabelled, and every document was fetched."""
    listed = {
        (c["url"], norm((c["after"] or c["before"])["text"]))
        for c in sample_nights.manifest["changes"]
    }
    new_documents = set(sample_nights.manifest.get("added_documents", [])) | {
        c["url"] for c in sample_nights.manifest["changes"] if c["new_document"]
    }
    unexplained = [
        (r["change"], r["url"], r["old_text"], r["new_text"])
        for r in changes(sample_nights.data_dir)
        if (r["url"], norm(r["new_text"] or r["old_text"])) not in listed
        and not (r["change"] == "added" and r["url"] in new_documents)
    ]
    assert unexplained == []


def test_edits_keep_old_and_new_labels(sample_nights):
    found = {
        norm(r["old_text"]): r for r in changes(sample_nights.data_dir) if r["change"] == "edited"
    }
    quantleaf = found["We harness cutting-edge machine learning across everything we do."]
    assert quantleaf["company_id"] == "quantleaf"
    assert quantleaf["old_claim"] == "VAGUE" and quantleaf["old_washing"]
    assert quantleaf["new_text"].startswith("A ranking model trained on U.S. price and filing data")
    assert quantleaf["old_first_seen"] == SAMPLE_NIGHT_1
    assert quantleaf["new_first_seen"] == SAMPLE_NIGHT_2


def test_history_first_and_last_seen(sample_nights):
    rows = query_table(
        sample_nights.data_dir,
        "SELECT text, first_seen, last_seen, nights_seen, seen_last_night FROM claim_history "
        "WHERE text IN ('Our new AI trip planner makes every itinerary smarter.', "
        "'Our AI financial advisor replaces your broker.')",
    ).to_pylist()
    got = {r["text"]: r for r in rows}
    trip = got["Our new AI trip planner makes every itinerary smarter."]
    assert (trip["first_seen"], trip["last_seen"], trip["seen_last_night"]) == (
        SAMPLE_NIGHT_1,
        SAMPLE_NIGHT_1,
        False,
    )
    advisor = got["Our AI financial advisor replaces your broker."]
    assert (advisor["first_seen"], advisor["last_seen"], advisor["nights_seen"]) == (
        SAMPLE_NIGHT_1,
        SAMPLE_NIGHT_2,
        2,
    )


def test_report_renders_in_chromium_with_highlights_plot_and_screenshot(sample_nights, tmp_path):
    page = write_report(sample_nights.data_dir, None, tmp_path)
    assert page.name == f"hypewatch-report-{SAMPLE_NIGHT_2}.html"

    dom = Elements(dump_dom(page))
    assert [h["text"] for h in dom.find("h1")] == [f"AI-washing report night of {SAMPLE_NIGHT_2}"]
    # the plot: one inline SVG with a line per leading company
    svgs = dom.find("svg")
    assert len(svgs) == 1 and "Flagged AI claims per night" in svgs[0]["text"]
    assert len([e for e in dom.elements if e["tag"] == "path"]) > 10
    # highlights: <mark> elements classed by evidence label, every known label in the legend
    marks = dom.find("mark", "ev")
    legend = [m for m in marks if not m["attrs"].get("data-labels")]
    assert [m["text"] for m in legend] == list(EVIDENCE_LEGEND)
    in_sentences = [m for m in marks if m["attrs"].get("data-labels")]
    assert len(in_sentences) > 20
    labels = {c[3:] for m in in_sentences for c in m["attrs"]["class"].split() if c[:3] == "ev-"}
    assert len(labels) >= 3 and labels <= set(EVIDENCE_LEGEND)
    assert any(m["text"].lower() in ("ai", "artificial intelligence") for m in in_sentences)
    # each flagged claim in its sentence, linking to its page on the sample web
    articles = dom.find("article", "claim")
    flagged = query_table(
        sample_nights.data_dir,
        f"SELECT count(*) AS n FROM claims WHERE run_date = '{SAMPLE_NIGHT_2}' AND washing",
    ).to_pylist()[0]["n"]
    assert len(articles) == flagged > 10
    links = [a["attrs"]["href"] for a in dom.find("a")]
    assert any(href.startswith("http://127.0.0.1:") for href in links)
    # what changed since the night before: the manifest's edits are listed
    text = " ".join(e["text"] for e in dom.find("section") if e["attrs"].get("id") == "changes")
    assert f"What changed since {SAMPLE_NIGHT_1}" in text
    assert "The AI lawyer handles security deposit disputes" in text

    shot = screenshot(page, SCREENSHOT)
    check_screenshot(shot)


def check_screenshot(path: Path) -> None:
    """A real picture of the page: a 1280x2000 PNG with text, the plot and highlights in it."""
    from PIL import Image

    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.stat().st_size > 50_000
    with Image.open(path) as image:
        assert image.size == (1280, 2000)
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 200
    pixels = 1280 * 2000
    white = sum(n for n, c in colours if c == (255, 255, 255))
    assert white < 0.97 * pixels, "the screenshot is (almost) blank"
    present = {c for _, c in colours}
    legend_colours = {
        tuple(int(hex_[i : i + 2], 16) for i in (1, 3, 5)) for _, hex_ in EVIDENCE_LEGEND.values()
    }
    assert present & legend_colours, "no highlight colour visible in the screenshot"
