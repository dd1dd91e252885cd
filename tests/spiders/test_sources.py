"""The sources file contract (DESIGN.md, "Sources file"): every key parsed to its exact value
or default, and every malformed value rejected with one line that names its key."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
import yaml

from spiders.sources import (
    Company,
    CrawlConfig,
    EdgarConfig,
    Sources,
    SourcesError,
    load_sources,
    parse_sources,
)

FULL = """\
companies:
  - id: acme-robotics
    name: Acme Robotics
    website: https://acme.example/
    cik: "0001234567"
    feeds: [https://acme.example/news.xml, http://acme.example/atom]
    decks: [https://acme.example/investors/]
  - id: beta2
    name: Beta
    cik: 42
edgar:
  forms: [10-K, 8-k]
  search_terms: [AI-powered, machine learning]
  user_agent: hypewatch research x@y.org
crawl:
  max_pages_per_site: 7
  allow_private_networks: true
"""

ACME = Company(
    id="acme-robotics",
    name="Acme Robotics",
    website="https://acme.example/",
    cik="0001234567",
    feeds=("https://acme.example/news.xml", "http://acme.example/atom"),
    decks=("https://acme.example/investors/",),
)
# An unquoted CIK that YAML read as an int is kept and zero-padded.
BETA = Company(id="beta2", name="Beta", cik="0000000042")


def parse(text: str) -> Sources:
    return parse_sources(yaml.safe_load(text))


def exactly(message: str) -> str:
    return f"^{re.escape(message)}$"


def one_company(**fields: str) -> str:
    """A sources document whose one company has id a, name A and these extra YAML fields."""
    lines = "".join(f"    {key}: {value}\n" for key, value in fields.items())
    return f"companies:\n  - id: a\n    name: A\n{lines}"


# --- accepted ----------------------------------------------------------------------------------


def test_parses_every_documented_key() -> None:
    assert parse(FULL) == Sources(
        companies=(ACME, BETA),
        edgar=EdgarConfig(
            forms=("10-K", "8-K"),
            search_terms=("AI-powered", "machine learning"),
            user_agent="hypewatch research x@y.org",
        ),
        crawl=CrawlConfig(max_pages_per_site=7, allow_private_networks=True),
    )


def test_defaults_match_the_documented_ones() -> None:
    assert EdgarConfig() == EdgarConfig(
        forms=("S-1", "10-K", "10-Q", "8-K", "C"), search_terms=(), user_agent=None
    )
    assert CrawlConfig() == CrawlConfig(max_pages_per_site=50, allow_private_networks=False)


@pytest.mark.parametrize(
    "sections",
    ["", "edgar:\ncrawl:\n", "edgar: {}\ncrawl: {}\n", "edgar: {user_agent: null}\n"],
    ids=["absent", "null", "empty", "null-user-agent"],
)
def test_optional_sections_and_keys_default(sections: str) -> None:
    assert parse(one_company() + sections) == Sources(
        companies=(Company(id="a", name="A", website=None, cik=None, feeds=(), decks=()),),
        edgar=EdgarConfig(),
        crawl=CrawlConfig(),
    )


def test_each_section_key_defaults_on_its_own() -> None:
    sources = parse(
        one_company()
        + "edgar: {user_agent: ua}\ncrawl: {max_pages_per_site: 1}\n"  # 1 is the smallest
    )
    assert sources.edgar == EdgarConfig(user_agent="ua")
    assert sources.crawl == CrawlConfig(max_pages_per_site=1)
    sources = parse(
        one_company() + "edgar: {search_terms: [], forms: [c]}\n"
        "crawl: {allow_private_networks: false}\n"
    )
    assert sources.edgar == EdgarConfig(forms=("C",), search_terms=())
    assert sources.crawl == CrawlConfig(allow_private_networks=False)


def test_null_or_empty_url_lists_and_null_website_are_absent() -> None:
    sources = parse(one_company(website="null", cik="null", feeds="null", decks="[]"))
    assert sources.companies == (Company(id="a", name="A"),)


def test_strings_are_stripped_and_forms_uppercased() -> None:
    sources = parse(
        """\
companies:
  - id: "  a-1  "
    name: " A "
    website: " https://a.example/ "
    cik: " 0042 "
    feeds: [" https://a.example/feed "]
    decks: [" https://a.example/deck.pdf "]
edgar:
  forms: [" s-1 ", 10-q]
  search_terms: [" AI "]
  user_agent: " ua x@y.org "
"""
    )
    assert sources == Sources(
        companies=(
            Company(
                id="a-1",
                name="A",
                website="https://a.example/",
                cik="0000000042",
                feeds=("https://a.example/feed",),
                decks=("https://a.example/deck.pdf",),
            ),
        ),
        edgar=EdgarConfig(forms=("S-1", "10-Q"), search_terms=("AI",), user_agent="ua x@y.org"),
    )


@pytest.mark.parametrize(
    ("cik", "expected"),
    [
        ("1", "0000000001"),
        ('"1"', "0000000001"),
        ("1234567890", "1234567890"),
        ('"9999999999"', "9999999999"),
        ('"0000000007"', "0000000007"),
    ],
)
def test_cik_is_kept_as_ten_digits(cik: str, expected: str) -> None:
    assert parse(one_company(cik=cik)).companies[0].cik == expected


def test_company_lookup_by_id() -> None:
    sources = parse(FULL)
    assert sources.company("acme-robotics") == ACME
    assert sources.company("beta2") == BETA
    with pytest.raises(KeyError) as raised:
        sources.company("gamma")
    assert raised.value.args == ("gamma",)


@pytest.mark.parametrize(
    ("cik", "expected"),
    [("42", BETA), ("0000000042", BETA), ("1234567", ACME), ("0001234567", ACME), ("43", None)],
)
def test_company_lookup_by_cik_pads_to_ten_digits(cik: str, expected: Company | None) -> None:
    assert parse(FULL).company_by_cik(cik) == expected


def test_company_without_cik_is_not_found_by_cik() -> None:
    assert parse(one_company()).company_by_cik("0") is None


# --- rejected ----------------------------------------------------------------------------------

COMPANY_KEYS = "cik, decks, feeds, id, name, website"
NOT_A_SLUG = "must be a slug of lowercase letters, digits and dashes"
NOT_A_CIK = "is not a CIK (1 to 10 digits)"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        # the document and its sections
        ("[]", "sources file: must be a mapping"),
        (
            one_company() + "extra: 1\n",
            "extra: unknown key (allowed: companies, crawl, edgar)",
        ),
        ("edgar: {}", "companies: missing (a list of companies to watch)"),
        ("companies:", "companies: must be a non-empty list"),
        ("companies: []", "companies: must be a non-empty list"),
        ("companies: {id: a, name: A}", "companies: must be a non-empty list"),
        ("companies: [a]", "companies[0]: must be a mapping"),
        (
            one_company() + "  - {id: b, name: B, colour: red}\n",
            f"companies[1].colour: unknown key (allowed: {COMPANY_KEYS})",
        ),
        # id and name
        ("companies: [{name: A}]", "companies[0].id: missing"),
        ("companies: [{id: a}]", "companies[0].name: missing"),
        ("companies: [{}]", "companies[0].id: missing"),
        ("companies: [{id: '', name: A}]", "companies[0].id: must be a non-empty string"),
        ("companies: [{id: '  ', name: A}]", "companies[0].id: must be a non-empty string"),
        ("companies: [{id: null, name: A}]", "companies[0].id: must be a non-empty string"),
        ("companies: [{id: 7, name: A}]", "companies[0].id: must be a non-empty string"),
        (
            "companies: [{id: Acme Robotics, name: A}]",
            f"companies[0].id: 'Acme Robotics' {NOT_A_SLUG}",
        ),
        ("companies: [{id: -a, name: A}]", f"companies[0].id: '-a' {NOT_A_SLUG}"),
        ("companies: [{id: a-, name: A}]", f"companies[0].id: 'a-' {NOT_A_SLUG}"),
        ("companies: [{id: a--b, name: A}]", f"companies[0].id: 'a--b' {NOT_A_SLUG}"),
        ("companies: [{id: a_b, name: A}]", f"companies[0].id: 'a_b' {NOT_A_SLUG}"),
        ("companies: [{id: a, name: ''}]", "companies[0].name: must be a non-empty string"),
        ("companies: [{id: a, name: [A]}]", "companies[0].name: must be a non-empty string"),
        (
            "companies: [{id: a, name: A}, {id: b, name: B}, {id: a, name: C}]",
            "companies[2].id: duplicate id 'a'",
        ),
        (
            "companies: [{id: a, name: A}, {id: ' a ', name: B}]",
            "companies[1].id: duplicate id 'a'",
        ),
        # website
        (one_company(website="''"), "companies[0].website: must be a non-empty string"),
        (one_company(website="7"), "companies[0].website: must be a non-empty string"),
        (
            one_company(website="acme.example"),
            "companies[0].website: 'acme.example' is not an http(s) URL",
        ),
        (
            one_company(website="ftp://acme.example/"),
            "companies[0].website: 'ftp://acme.example/' is not an http(s) URL",
        ),
        (one_company(website="https://"), "companies[0].website: 'https://' is not an http(s) URL"),
        (
            one_company(website="'http://[oops/'"),
            "companies[0].website: 'http://[oops/' is not an http(s) URL",
        ),
        # cik
        (one_company(cik="12ab"), f"companies[0].cik: '12ab' {NOT_A_CIK}"),
        (one_company(cik="''"), f"companies[0].cik: '' {NOT_A_CIK}"),
        (one_company(cik="'-5'"), f"companies[0].cik: '-5' {NOT_A_CIK}"),
        (one_company(cik="12345678901"), f"companies[0].cik: 12345678901 {NOT_A_CIK}"),
        (one_company(cik="'00000000001'"), f"companies[0].cik: '00000000001' {NOT_A_CIK}"),
        (one_company(cik="0"), f"companies[0].cik: 0 {NOT_A_CIK}"),
        (one_company(cik="'0000000000'"), f"companies[0].cik: '0000000000' {NOT_A_CIK}"),
        (one_company(cik="true"), f"companies[0].cik: True {NOT_A_CIK}"),
        (one_company(cik="1.5"), f"companies[0].cik: 1.5 {NOT_A_CIK}"),
        (one_company(cik="[42]"), f"companies[0].cik: [42] {NOT_A_CIK}"),
        # Arabic-Indic digits are digits to \d, but not to EDGAR.
        (one_company(cik="'\u0664\u0662'"), f"companies[0].cik: '\u0664\u0662' {NOT_A_CIK}"),
        # feeds and decks
        (
            one_company(feeds="https://acme.example/feed"),
            "companies[0].feeds: must be a list of URLs",
        ),
        (
            one_company(feeds="[https://acme.example/feed, ftp://x/feed]"),
            "companies[0].feeds[1]: 'ftp://x/feed' is not an http(s) URL",
        ),
        (one_company(decks="{a: 1}"), "companies[0].decks: must be a list of URLs"),
        (one_company(decks="['']"), "companies[0].decks[0]: must be a non-empty string"),
        (
            one_company(decks="[deck.pdf]"),
            "companies[0].decks[0]: 'deck.pdf' is not an http(s) URL",
        ),
        # edgar
        (one_company() + "edgar: [10-K]\n", "edgar: must be a mapping"),
        (
            one_company() + "edgar: {form: [10-K]}\n",
            "edgar.form: unknown key (allowed: forms, search_terms, user_agent)",
        ),
        (
            one_company() + "edgar: {forms: []}\n",
            "edgar.forms: must be a non-empty list of form types",
        ),
        (
            one_company() + "edgar: {forms: 10-K}\n",
            "edgar.forms: must be a non-empty list of form types",
        ),
        (
            one_company() + "edgar: {forms: null}\n",
            "edgar.forms: must be a non-empty list of form types",
        ),
        (
            one_company() + "edgar: {forms: [10-K, '']}\n",
            "edgar.forms[1]: must be a non-empty string",
        ),
        (
            one_company() + "edgar: {search_terms: AI}\n",
            "edgar.search_terms: must be a list of strings",
        ),
        (
            one_company() + "edgar: {search_terms: null}\n",
            "edgar.search_terms: must be a list of strings",
        ),
        (
            one_company() + "edgar: {search_terms: [AI, 3]}\n",
            "edgar.search_terms[1]: must be a non-empty string",
        ),
        (
            one_company() + "edgar: {user_agent: ''}\n",
            "edgar.user_agent: must be a non-empty string",
        ),
        (
            one_company() + "edgar: {user_agent: [ua]}\n",
            "edgar.user_agent: must be a non-empty string",
        ),
        # crawl
        (one_company() + "crawl: 5\n", "crawl: must be a mapping"),
        (
            one_company() + "crawl: {max_pages: 5}\n",
            "crawl.max_pages: unknown key (allowed: allow_private_networks, max_pages_per_site)",
        ),
        (
            one_company() + "crawl: {max_pages_per_site: 0}\n",
            "crawl.max_pages_per_site: 0 must be a positive integer",
        ),
        (
            one_company() + "crawl: {max_pages_per_site: -1}\n",
            "crawl.max_pages_per_site: -1 must be a positive integer",
        ),
        (
            one_company() + "crawl: {max_pages_per_site: '5'}\n",
            "crawl.max_pages_per_site: '5' must be a positive integer",
        ),
        (
            one_company() + "crawl: {max_pages_per_site: 2.5}\n",
            "crawl.max_pages_per_site: 2.5 must be a positive integer",
        ),
        (
            one_company() + "crawl: {max_pages_per_site: true}\n",
            "crawl.max_pages_per_site: True must be a positive integer",
        ),
        (
            one_company() + "crawl: {max_pages_per_site: null}\n",
            "crawl.max_pages_per_site: None must be a positive integer",
        ),
        (
            one_company() + "crawl: {allow_private_networks: 'yes'}\n",
            "crawl.allow_private_networks: 'yes' must be true or false",
        ),
        (
            one_company() + "crawl: {allow_private_networks: 1}\n",
            "crawl.allow_private_networks: 1 must be true or false",
        ),
        (
            one_company() + "crawl: {allow_private_networks: null}\n",
            "crawl.allow_private_networks: None must be true or false",
        ),
    ],
)
def test_malformed_values_name_the_key(document: str, message: str) -> None:
    with pytest.raises(SourcesError, match=exactly(message)):
        parse(document)


def test_company_keys_are_checked_in_order() -> None:
    """The first problem is reported: unknown key, then id, then cik, then name and URLs."""
    with pytest.raises(SourcesError, match=exactly("companies[0].id: 'A' " + NOT_A_SLUG)):
        parse("companies: [{id: A, name: '', cik: x}]")
    with pytest.raises(SourcesError, match=exactly(f"companies[0].cik: 'x' {NOT_A_CIK}")):
        parse("companies: [{id: a, name: '', cik: x}]")
    with pytest.raises(
        SourcesError, match=exactly(f"companies[0].x: unknown key (allowed: {COMPANY_KEYS})")
    ):
        parse("companies: [{x: 1}]")


# --- the file ----------------------------------------------------------------------------------


def write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "sources.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_load_reads_a_file_by_path_or_string(tmp_path: Path) -> None:
    path = write(tmp_path, FULL)
    assert load_sources(path) == parse(FULL)
    assert load_sources(str(path)) == parse(FULL)


def test_load_reads_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "companies: [{id: cafe, name: Café Ünïcode}]\n".encode())
    assert load_sources(path).companies == (Company(id="cafe", name="Café Ünïcode"),)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.yaml"
    with pytest.raises(SourcesError, match=exactly(f"sources file {str(path)!r} does not exist")):
        load_sources(str(path))


def test_unreadable_file(tmp_path: Path) -> None:
    reason = f"[Errno {errno.EISDIR}] {os.strerror(errno.EISDIR)}: {str(tmp_path)!r}"
    with pytest.raises(
        SourcesError, match=exactly(f"sources file {str(tmp_path)!r} cannot be read: {reason}")
    ):
        load_sources(tmp_path)


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, b"companies: [{id: a, name: \xff}]\n")
    reason = "'utf-8' codec can't decode byte 0xff in position 26: invalid start byte"
    with pytest.raises(
        SourcesError, match=exactly(f"sources file {str(path)!r} cannot be read: {reason}")
    ):
        load_sources(path)


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("companies: [\n", " at line 2"),
        ("companies:\n  - id: a\n    name: [A\n", " at line 4"),
        ("companies:\n  - id: a\n  name: A\n", " at line 3"),
        ("companies: [{id: a, name: !!python/object:os.system {}}]\n", " at line 1"),
        ("companies: [{id: a, name: \x07}]\n", ""),  # a control character: no line to name
    ],
)
def test_invalid_yaml_names_the_line(tmp_path: Path, content: str, where: str) -> None:
    path = write(tmp_path, content)
    with pytest.raises(
        SourcesError, match=exactly(f"sources file {str(path)!r} is not valid YAML{where}")
    ):
        load_sources(path)


@pytest.mark.parametrize("content", ["", "\n", "# only a comment\n", "---\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, content)
    with pytest.raises(SourcesError, match=exactly(f"sources file {str(path)!r} is empty")):
        load_sources(path)


@pytest.mark.parametrize(
    ("content", "kind"),
    [("- id: a\n  name: A\n", "list"), ("companies\n", "str"), ("42\n", "int")],
)
def test_file_that_is_not_a_mapping(tmp_path: Path, content: str, kind: str) -> None:
    path = write(tmp_path, content)
    message = (
        f"sources file {str(path)!r} must be a mapping (companies, edgar, crawl), not a {kind}"
    )
    with pytest.raises(SourcesError, match=exactly(message)):
        load_sources(path)


def test_errors_inside_the_file_name_the_key(tmp_path: Path) -> None:
    path = write(tmp_path, one_company(cik="x"))
    with pytest.raises(SourcesError, match=exactly(f"companies[0].cik: 'x' {NOT_A_CIK}")):
        load_sources(path)
