"""`hypewatch report` on the factory lake of conftest.py: contents, escaping, no network, errors."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.report.chromium import Elements, dump_dom
from tests.report.conftest import HOSTILE, N1, N2, N3
from warehouse.catalog import rebuild_catalog
from warehouse.report import EVIDENCE_LEGEND, ReportError, highlight, locate, write_report

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def reports(history_lake, tmp_path_factory) -> dict[dt.date, Path]:
    out = tmp_path_factory.mktemp("reports")
    return {night: write_report(history_lake, night, out) for night in (N1, N2, N3)}


def test_report_file_is_named_by_night_and_defaults_to_the_latest(history_lake, tmp_path):
    path = write_report(history_lake, None, tmp_path)
    assert path == tmp_path / "hypewatch-report-2026-11-03.html"
    assert path.read_text().startswith("<!DOCTYPE html>")


def test_default_output_is_the_data_dirs_reports_folder(history_lake, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(history_lake, data)
    monkeypatch.setenv("HYPEWATCH_DATA_DIR", str(data))
    path = write_report()
    assert path == data.resolve() / "reports" / "hypewatch-report-2026-11-03.html"


def test_report_needs_a_run(tmp_path):
    with pytest.raises(ReportError, match=r"^no runs in .*: run `hypewatch run` first$"):
        write_report(tmp_path / "nothing-here")
    rebuild_catalog(tmp_path)  # a catalog over an empty lake is still no run
    with pytest.raises(ReportError, match="no runs in"):
        write_report(tmp_path)
    assert not (tmp_path / "reports").exists()


def test_report_for_a_night_without_a_run_names_the_runs(history_lake, tmp_path):
    with pytest.raises(ReportError) as info:
        write_report(history_lake, dt.date(2026, 10, 31), tmp_path)
    assert str(info.value).endswith("runs: 2026-11-01, 2026-11-02, 2026-11-03")
    assert "\n" not in str(info.value)


def test_summary_leaderboard_and_changes(reports):
    page = reports[N2].read_text()
    summary = re.search(r'<p class="summary">(.*?)</p>', page).group(1)
    assert summary.startswith("3 companies watched · 4 documents · 8 AI claims · <strong>7 flagged")
    assert "since 2026-11-01: 2 added, 3 edited, 3 removed, 1 relabelled" in summary
    leaderboard = page[page.index('id="leaderboard"') : page.index('id="changes"')]
    assert [m for m in re.findall(r"<td><strong>(\w+)</strong>", leaderboard)] == [
        "Acme",
        "Birch",
        "Cobalt",
    ]
    assert "−2" in leaderboard  # acme: 8 flagged claims the night before, 6 now
    changes = page[page.index('id="changes"') : page.index('id="flagged"')]
    assert "What changed since 2026-11-01" in changes
    assert changes.count("badge-edited") == 3 and changes.count("badge-removed") == 3
    assert "2 AI claims not checked" in changes
    assert "1 AI claim relabelled: the same words" in changes
    assert "We harness cutting-edge machine learning across everything we do." in changes


def test_first_night_has_nothing_to_compare(reports):
    page = reports[N1].read_text()
    assert "first night in the lake: nothing to compare with" in page
    assert 'class="badge' not in page
    assert "new tonight" not in page  # everything is new on the first night: say nothing


def test_flagged_claims_with_highlights_and_links(reports):
    page = reports[N2].read_text()
    flagged = page[page.index('id="flagged"') :]
    assert flagged.count("<article class='claim'>") == 7
    assert (
        'Our <mark class="ev ev-AI_TERM" data-labels="AI_TERM" title="AI_TERM">AI</mark> pricing '
        'bot <mark class="ev ev-GUARANTEE"' in flagged
    )
    assert (
        '<a href="https://acme.example/news/launch" rel="noopener noreferrer nofollow">' in flagged
    )
    assert "new tonight" in flagged and "up since 2026-11-01" in flagged


def test_report_is_self_contained(reports):
    """Nothing to fetch at view time: no script, stylesheet, image, frame or font by URL, and
    a Content-Security-Policy that forbids fetching."""
    for path in reports.values():
        page = path.read_text()
        dom = Elements(page)
        assert not dom.find("script") and not dom.find("link") and not dom.find("iframe")
        assert not dom.find("img") and not dom.find("object") and not dom.find("embed")
        for element in dom.elements:
            for name in ("src", "srcset", "data", "action", "poster", "background"):
                assert name not in element["attrs"], element
            for name in ("href", "xlink:href"):
                target = element["attrs"].get(name)
                # the plot refers to its own markers (#id); only links go elsewhere
                if target is not None and element["tag"] != "a":
                    assert target.startswith("#"), element
        assert not re.findall(r"url\(\s*(?!#)", page) and "@import" not in page
        csp = [
            m for m in dom.find("meta") if m["attrs"].get("http-equiv") == "Content-Security-Policy"
        ]
        assert csp and csp[0]["attrs"]["content"].startswith("default-src 'none'")
        assert len(dom.find("svg")) == 1


def test_untrusted_text_is_escaped_in_the_rendered_dom(reports):
    """Night 3 has a claim full of markup and a javascript: URL: Chromium must show text."""
    dom = Elements(dump_dom(reports[N3]))
    assert not dom.find("script")
    assert not dom.find("b")  # the claim's <b> stayed text
    sentences = [e["text"] for e in dom.find("p", "sentence")]
    assert HOSTILE in sentences
    hrefs = [a["attrs"]["href"] for a in dom.find("a")]
    assert hrefs and all(h.startswith(("https://", "#")) for h in hrefs)
    assert "javascript:alert(1)" in [e["text"] for e in dom.find("span", "url")]
    marks = dom.find("mark", "ev-AI_TERM")
    assert marks and all(
        m["text"] in ("AI",) for m in marks if m["attrs"].get("data-labels") == "AI_TERM"
    )


def test_highlight_overlaps_offsets_and_escaping():
    sentence = "Our <AI> engine is 99% accurate."
    # sentence-relative offsets, an overlapping pair, and an unknown label
    evidence = [
        {"label": "AI_TERM", "text": "<AI>", "start_char": 4, "end_char": 8},
        {"label": "HYPE", "text": "<AI> engine", "start_char": 4, "end_char": 15},
        {"label": "new label!", "text": "99%", "start_char": 19, "end_char": 22},
    ]
    assert highlight(sentence, evidence) == (
        "Our "
        '<mark class="ev ev-AI_TERM" data-labels="AI_TERM HYPE" title="AI_TERM, HYPE">&lt;AI&gt;</mark>'
        '<mark class="ev ev-HYPE" data-labels="HYPE" title="HYPE"> engine</mark> is '
        '<mark class="ev ev-new_label_" data-labels="new label!" title="new label!">99%</mark>'
        " accurate."
    )
    # document-relative offsets (the sentence starts at 100), and text found by search
    assert locate(sentence, {"text": "engine", "start_char": 109, "end_char": 115}, 100) == (9, 15)
    assert locate(sentence, {"text": "ACCURATE", "start_char": 0, "end_char": 3}, 100) == (23, 31)
    assert locate(sentence, {"text": "missing", "start_char": 0, "end_char": 7}, 0) is None
    assert highlight("a < b", []) == "a &lt; b"


def test_legend_covers_the_classifiers_evidence_labels():
    from classifiers.components import EVIDENCE_LABELS

    assert set(EVIDENCE_LEGEND) == set(EVIDENCE_LABELS)


def hypewatch(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "hypewatch"), *args], capture_output=True, text=True)


def test_cli_report_prints_the_path(history_lake, tmp_path):
    result = hypewatch(
        "report",
        "--data-dir",
        str(history_lake),
        "--run-date",
        "2026-11-02",
        "--out",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{tmp_path / 'hypewatch-report-2026-11-02.html'}\n"
    assert (tmp_path / "hypewatch-report-2026-11-02.html").is_file()


def test_cli_report_without_runs_is_one_line_and_exit_1(tmp_path):
    result = hypewatch("report", "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == f"error: no runs in {tmp_path.resolve()}: run `hypewatch run` first\n"


def test_cli_report_bad_run_date_is_one_line_and_exit_1(tmp_path):
    result = hypewatch("report", "--data-dir", str(tmp_path), "--run-date", "yesterday")
    assert result.returncode == 1
    assert result.stderr == "error: --run-date 'yesterday' is not a date in YYYY-MM-DD form\n"


def test_company_names_are_plain_text_in_the_plot(tmp_path):
    """Names come from the sources file: a "$" must not start matplotlib's mathtext and markup
    must stay text inside the inline SVG."""
    from tests.warehouse import factory as f
    from warehouse.lake import land_partition

    name = "Acme $5 <Labs> & $Co"
    land_partition(tmp_path, "companies", N1, [f.company("acme", N1, name)], rebuild_catalog=False)
    doc = f.document("acme", N1, "", "text")
    land_partition(tmp_path, "documents", N1, [doc], rebuild_catalog=False)
    land_partition(tmp_path, "claims", N1, [f.claim(doc, 0, "Our AI rocks.", "VAGUE", score=0.9)])
    page = write_report(tmp_path, None, tmp_path / "out").read_text()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "Acme $5 &lt;Labs&gt; &amp; $Co" in svg and "<Labs>" not in page
