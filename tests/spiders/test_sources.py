from __future__ import annotations

from pathlib import Path

import pytest

from spiders.sources import SourcesError, load_sources, parse_sources

GOOD = {
    "companies": [
        {
            "id": "acme-robotics",
            "name": "Acme Robotics",
            "website": "https://acme.example/",
            "cik": "0001234567",
            "feeds": ["https://acme.example/news.xml"],
            "decks": ["https://acme.example/investors/"],
        },
        {"id": "beta", "name": "Beta", "cik": 42},
    ],
    "edgar": {"forms": ["10-K", "8-k"], "search_terms": ["AI-powered"], "user_agent": "x y@z.org"},
    "crawl": {"max_pages_per_site": 7, "allow_private_networks": True},
}


def test_parses_every_documented_key():
    sources = parse_sources(GOOD)
    acme = sources.company("acme-robotics")
    assert acme.feeds == ("https://acme.example/news.xml",)
    assert acme.cik == "0001234567"
    # An unquoted CIK that YAML read as an int is kept and zero-padded.
    assert sources.company("beta").cik == "0000000042"
    assert sources.company_by_cik("42").id == "beta"
    assert sources.edgar.forms == ("10-K", "8-K")
    assert sources.crawl.max_pages_per_site == 7 and sources.crawl.allow_private_networks


def test_defaults_when_optional_sections_are_missing():
    sources = parse_sources({"companies": [{"id": "a", "name": "A"}]})
    assert sources.edgar.forms == ("S-1", "10-K", "10-Q", "8-K", "C")
    assert sources.crawl.allow_private_networks is False


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["companies"][1].update(cik="12ab"), "companies[1].cik"),
        (lambda d: d["companies"][0].update(colour="red"), "companies[0].colour: unknown key"),
        (lambda d: d["companies"][0].update(id="Acme Robotics"), "companies[0].id"),
        (lambda d: d["companies"][0].update(feeds=["ftp://x/feed"]), "companies[0].feeds[0]"),
        (lambda d: d["companies"][1].update(id="acme-robotics"), "duplicate id"),
        (lambda d: d["crawl"].update(max_pages_per_site=0), "crawl.max_pages_per_site"),
        (lambda d: d["crawl"].update(allow_private_networks="yes"), "allow_private_networks"),
        (lambda d: d["edgar"].update(forms=[]), "edgar.forms"),
        (lambda d: d.update(extra=1), "extra: unknown key"),
        (lambda d: d.pop("companies"), "companies: missing"),
    ],
)
def test_malformed_values_name_the_key(mutate, message):
    import copy

    data = copy.deepcopy(GOOD)
    mutate(data)
    with pytest.raises(SourcesError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_sources(data)


def test_file_errors_are_sources_errors(tmp_path: Path):
    with pytest.raises(SourcesError, match="does not exist"):
        load_sources(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("companies: [\n", encoding="utf-8")
    with pytest.raises(SourcesError, match="not valid YAML"):
        load_sources(bad)
