"""Every string the report takes from the lake is untrusted (it came from the open web or
from a sources file): titles, URLs, company names and ids, and evidence labels as well as
claim text. Rendered and parsed by an HTML parser, each must show as text, never as markup."""

from __future__ import annotations

import datetime as dt

import lxml.html

from tests.warehouse import factory as f
from warehouse.catalog import rebuild_catalog
from warehouse.lake import land_partition
from warehouse.report import write_report

NIGHT = dt.date(2026, 11, 3)
TITLE = "<script>alert('title')</script>Launch"
NAME = "Evil <img src=x onerror=alert(1)> Corp"
LABEL = "<b>BOLD</b>"
URL = "https://evil.example/\"><script>alert('url')</script>"


def test_hostile_titles_urls_names_and_labels_are_text(tmp_path):
    company = f.company("evil", NIGHT, name=NAME)
    text = "Our AI never sleeps."
    doc = f.document("evil", NIGHT, "launch", text, "press_release")
    doc.update(title=TITLE, url=URL)
    row = f.claim(doc, 0, text, "VAGUE", ("OVERCLAIM",), score=0.9)
    row["evidence"] = [
        {"label": "AI_TERM", "text": "AI", "start_char": 4, "end_char": 6},
        {"label": LABEL, "text": "never", "start_char": 7, "end_char": 12},
    ]
    land_partition(tmp_path, "companies", NIGHT, [company], rebuild_catalog=False)
    land_partition(tmp_path, "documents", NIGHT, [doc], rebuild_catalog=False)
    land_partition(tmp_path, "claims", NIGHT, [row], rebuild_catalog=False)
    land_partition(tmp_path, "fetch_errors", NIGHT, [], rebuild_catalog=False)
    land_partition(tmp_path, "runs", NIGHT, [f.run(NIGHT, documents=1)], rebuild_catalog=False)
    rebuild_catalog(tmp_path)

    page = write_report(tmp_path, NIGHT, tmp_path / "out").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(page)
    assert not tree.xpath("//script | //img | //b | //*[@onerror]")
    shown = tree.text_content()
    for hostile in (TITLE, NAME, LABEL):
        assert hostile in shown, hostile
    # The URL is one href, whole, and its text is shown as text.
    hrefs = [a.get("href") for a in tree.xpath("//a[@href]") if "evil.example" in a.get("href")]
    assert hrefs == [URL]
