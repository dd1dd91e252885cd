"""EDGAR-shaped endpoints: submissions JSON, archive documents and index.json, full-text search.

Shapes follow what the SEC serves (data.sec.gov/submissions, www.sec.gov/Archives,
efts.sec.gov/LATEST/search-index), with the field names real clients read.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qs

from .model import Company, Exhibit, Filing
from .render import blocks_text, render_blocks

DATA_PREFIX = "/edgar/data"
ARCHIVES_PREFIX = "/edgar/www"
SEARCH_PREFIX = "/edgar/efts/LATEST"
SEARCH_PATH = SEARCH_PREFIX + "/search-index"
SEARCH_PAGE_SIZE = 100

FORM_DESCRIPTIONS = {
    "10-K": "ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934",
    "10-Q": "QUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934",
    "8-K": "CURRENT REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934",
    "S-1": "REGISTRATION STATEMENT UNDER THE SECURITIES ACT OF 1933",
    "C": "FORM C: OFFERING STATEMENT UNDER REGULATION CROWDFUNDING",
}


@dataclass(frozen=True)
class FiledDoc:
    """One document of a filing, as the archive serves it and full-text search indexes it."""

    company: Company
    filing: Filing
    name: str
    file_type: str  # the form for the primary document, EX-99.1 for exhibits
    description: str
    title: str
    html: str
    text: str


def accession(company: Company, filing: Filing) -> str:
    """Self-filed accession number: filer CIK, two-digit year, sequence."""
    return f"{company.edgar_cik}-{filing.filing_date[2:4]}-{filing.seq:06d}"


def cik_int(company: Company) -> int:
    return int(company.edgar_cik or "0")


def archive_dir(company: Company, filing: Filing) -> str:
    return f"{ARCHIVES_PREFIX}/Archives/edgar/data/{cik_int(company)}/{accession(company, filing).replace('-', '')}"


def filings_in(filings: tuple[Filing, ...], variant: int) -> list[Filing]:
    kept = [f for f in filings if f.since_variant <= variant]
    return sorted(kept, key=lambda f: (f.filing_date, f.seq), reverse=True)


def _acceptance(filing: Filing) -> str:
    return f"{filing.filing_date}T16:{filing.seq % 60:02d}:07.000Z"


def submissions_json(company: Company, filings: tuple[Filing, ...], variant: int) -> dict:
    """data.sec.gov/submissions/CIK##########.json, with the real top-level and `recent` fields."""
    rows = filings_in(filings, variant)
    recent: dict[str, list] = {
        k: []
        for k in (
            "accessionNumber",
            "filingDate",
            "reportDate",
            "acceptanceDateTime",
            "act",
            "form",
            "fileNumber",
            "filmNumber",
            "items",
            "core_type",
            "size",
            "isXBRL",
            "isInlineXBRL",
            "primaryDocument",
            "primaryDocDescription",
        )
    }
    for f in rows:
        inline = f.form in ("10-K", "10-Q", "8-K")
        recent["accessionNumber"].append(accession(company, f))
        recent["filingDate"].append(f.filing_date)
        recent["reportDate"].append(f.report_date if f.form != "8-K" else f.report_date)
        recent["acceptanceDateTime"].append(_acceptance(f))
        recent["act"].append("33" if f.form in ("S-1", "S-8", "C") else "34")
        recent["form"].append(f.form)
        recent["fileNumber"].append(
            "020-31234" if f.form == "C" else "001-4" + company.edgar_cik[-4:]
        )
        recent["filmNumber"].append(f"26{f.seq:06d}")
        recent["items"].append(f.items)
        recent["core_type"].append(f.form)
        recent["size"].append(4000 + 1000 * len(f.blocks))
        recent["isXBRL"].append(1 if inline else 0)
        recent["isInlineXBRL"].append(1 if inline else 0)
        recent["primaryDocument"].append(f.primary_doc)
        recent["primaryDocDescription"].append(f.description)
    street = {
        "street1": "100 Main Street",
        "street2": None,
        "city": company.city.split(",")[0].upper(),
        "stateOrCountry": company.state,
        "zipCode": "10001",
        "stateOrCountryDescription": company.state,
    }
    return {
        "cik": str(cik_int(company)),
        "entityType": "operating",
        "sic": company.sic,
        "sicDescription": company.sic_description,
        "ownerOrg": "06 Technology",
        "insiderTransactionForOwnerExists": 0,
        "insiderTransactionForIssuerExists": 1,
        "name": company.legal_name.upper().replace(",", ""),
        "tickers": [company.ticker] if company.ticker else [],
        "exchanges": [company.exchange] if company.exchange else [],
        "ein": "000000000",
        "lei": None,
        "description": "",
        "website": "",
        "investorWebsite": "",
        "category": "Non-accelerated filer",
        "fiscalYearEnd": "1231",
        "stateOfIncorporation": company.state,
        "stateOfIncorporationDescription": company.state,
        "addresses": {"mailing": street, "business": street},
        "phone": "555-0100",
        "flags": "",
        "formerNames": [],
        "filings": {"recent": recent, "files": []},
    }


def _ixbrl_header(company: Company, filing: Filing) -> str:
    start = (
        f"{filing.report_date[:4]}-01-01"
        if filing.form == "10-K"
        else filing.report_date[:8] + "01"
    )
    if filing.form == "10-Q":
        month = int(filing.report_date[5:7]) - 2
        start = f"{filing.report_date[:4]}-{month:02d}-01"
    cik = company.edgar_cik
    period = "FY" if filing.form == "10-K" else ("Q2" if filing.form == "10-Q" else "")
    hidden = [
        f'<ix:nonNumeric contextRef="c-1" name="dei:EntityCentralIndexKey" id="f-1">{cik}</ix:nonNumeric>',
        '<ix:nonNumeric contextRef="c-1" name="dei:AmendmentFlag" format="ixt:fixed-false" id="f-2">false</ix:nonNumeric>',
        f'<ix:nonNumeric contextRef="c-1" name="dei:DocumentFiscalYearFocus" id="f-3">{filing.report_date[:4]}</ix:nonNumeric>',
    ]
    if period:
        hidden.append(
            f'<ix:nonNumeric contextRef="c-1" name="dei:DocumentFiscalPeriodFocus" id="f-4">{period}</ix:nonNumeric>'
        )
    return f"""<div style="display:none"><ix:header><ix:hidden>{"".join(hidden)}</ix:hidden>
<ix:references xml:lang="en-US"><link:schemaRef xlink:type="simple" xlink:href="{filing.primary_doc.replace(".htm", ".xsd")}"/></ix:references>
<ix:resources><xbrli:context id="c-1"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">{cik}</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>{start}</xbrli:startDate><xbrli:endDate>{filing.report_date}</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit></ix:resources></ix:header></div>"""


def _facts_table(filing: Filing) -> str:
    if not filing.facts:
        return ""
    rows = []
    for i, (concept, label, value) in enumerate(filing.facts, start=10):
        sign = ' sign="-"' if value < 0 else ""
        shown = f"{abs(value) // 1000:,}"
        cell = (
            f'<ix:nonFraction unitRef="usd" contextRef="c-1" decimals="-3" name="us-gaap:{concept}" '
            f'format="ixt:num-dot-decimal" scale="3" id="f-{i}"{sign}>{shown}</ix:nonFraction>'
        )
        if value < 0:
            cell = f"({cell})"
        rows.append(
            f'<tr><td style="width:70%">{escape(label)}</td><td>$</td><td style="text-align:right">{cell}</td></tr>'
        )
    return (
        '<p style="text-align:center;font-weight:bold">SELECTED FINANCIAL DATA (in thousands)</p>'
        f'<table style="border-collapse:collapse;width:100%">{"".join(rows)}</table>'
    )


def _long_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day:%B} {day.day}, {day.year}"


def _period_line(filing: Filing) -> str:
    if filing.form == "10-K":
        return f"For the fiscal year ended {_long_date(filing.report_date)}"
    if filing.form == "10-Q":
        return f"For the quarterly period ended {_long_date(filing.report_date)}"
    return f"Date of Report (Date of earliest event reported): {_long_date(filing.report_date)}"


def _primary_html(company: Company, filing: Filing, variant: int) -> str:
    title = filing.primary_doc.rsplit(".", 1)[0]
    name_fact = f'<ix:nonNumeric contextRef="c-1" name="dei:EntityRegistrantName" id="f-5">{escape(company.legal_name)}</ix:nonNumeric>'
    inline = filing.form in ("10-K", "10-Q", "8-K")
    registrant = name_fact if inline else escape(company.legal_name)
    body = render_blocks(filing.blocks, variant)
    if not inline:
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>
<body>
<p style="text-align:center;font-weight:bold">UNITED STATES SECURITIES AND EXCHANGE COMMISSION<br/>Washington, D.C. 20549</p>
<p style="text-align:center;font-weight:bold">FORM {escape(filing.form)}</p>
<p style="text-align:center">{escape(FORM_DESCRIPTIONS.get(filing.form, ""))}</p>
<p style="text-align:center;font-weight:bold">{registrant}</p>
<p style="text-align:center">(Exact name of registrant as specified in its charter)</p>
<hr style="page-break-after:always"/>
{body}
{_facts_table_plain(filing)}
<hr/>
<p>SIGNATURES</p>
<p>{escape(company.legal_name)}, {filing.filing_date}</p>
</body></html>
"""
    return f"""<?xml version='1.0' encoding='ASCII'?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dei="http://xbrl.sec.gov/dei/2024" xmlns:us-gaap="http://fasb.org/us-gaap/2024" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xml:lang="en-US">
<head><meta http-equiv="Content-Type" content="text/html"/><title>{escape(title)}</title></head>
<body>
{_ixbrl_header(company, filing)}
<div style="text-align:center;font-weight:bold">UNITED STATES<br/>SECURITIES AND EXCHANGE COMMISSION<br/>Washington, D.C. 20549</div>
<div style="text-align:center;font-weight:bold;font-size:14pt">FORM <ix:nonNumeric contextRef="c-1" name="dei:DocumentType" id="f-6">{escape(filing.form)}</ix:nonNumeric></div>
<div style="text-align:center">{escape(FORM_DESCRIPTIONS[filing.form])}</div>
<div style="text-align:center">{_period_line(filing)}</div>
<div style="text-align:center">Commission File Number 001-4{company.edgar_cik[-4:]}</div>
<div style="text-align:center;font-weight:bold">{registrant}</div>
<div style="text-align:center">(Exact name of registrant as specified in its charter)</div>
<div style="text-align:center">{escape(company.state)} | {escape(company.city)}</div>
<hr style="page-break-after:always"/>
<div><a href="#toc">Table of Contents</a></div>
{body}
{_facts_table(filing)}
<hr style="page-break-after:always"/>
<div style="text-align:center;font-weight:bold">SIGNATURES</div>
<div>Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf by the undersigned, thereunto duly authorized.</div>
<div>{escape(company.legal_name)} | Date: {filing.filing_date}</div>
</body></html>
"""


def _facts_table_plain(filing: Filing) -> str:
    if not filing.facts:
        return ""
    rows = "".join(
        f"<tr><td>{escape(label)}</td><td>${value // 1000:,}</td></tr>"
        for _, label, value in filing.facts
    )
    return f"<p>Selected financial data (in thousands)</p><table>{rows}</table>"


def _exhibit_html(company: Company, exhibit: Exhibit, variant: int) -> str:
    return f"""<html><head><title>{escape(exhibit.type)}</title></head>
<body>
<div style="text-align:right;font-weight:bold">Exhibit {escape(exhibit.type.removeprefix("EX-"))}</div>
<div style="text-align:center;font-weight:bold">{escape(exhibit.title)}</div>
{render_blocks(exhibit.blocks, variant)}
<p>About {escape(company.legal_name)}</p>
<p>Investor contact: ir@example.com</p>
<p>Forward-looking statements: this press release contains forward-looking statements that involve risks and uncertainties.</p>
</body></html>
"""


def filed_documents(company: Company, filing: Filing, variant: int) -> list[FiledDoc]:
    """The readable documents of a target-form filing: the primary document and its exhibits."""
    docs = [
        FiledDoc(
            company,
            filing,
            filing.primary_doc,
            filing.form,
            filing.description,
            filing.title,
            _primary_html(company, filing, variant),
            blocks_text(filing.blocks, variant),
        )
    ]
    for ex in filing.exhibits:
        text = ex.title + "\n" + blocks_text(ex.blocks, variant)
        docs.append(
            FiledDoc(
                company,
                filing,
                ex.name,
                ex.type,
                ex.description,
                ex.title,
                _exhibit_html(company, ex, variant),
                text,
            )
        )
    return docs


def index_json(company: Company, filing: Filing, docs: list[FiledDoc]) -> dict:
    """Archives/edgar/data/<cik>/<accession>/index.json, as the SEC serves it."""
    acc = accession(company, filing)
    stamp = f"{filing.filing_date} 16:{filing.seq % 60:02d}:07"
    items = [
        {
            "last-modified": stamp,
            "name": f"{acc}-index-headers.html",
            "type": "text.gif",
            "size": "",
        },
        {"last-modified": stamp, "name": f"{acc}-index.html", "type": "text.gif", "size": ""},
    ]
    for doc in docs:
        items.append(
            {
                "last-modified": stamp,
                "name": doc.name,
                "type": "text.gif",
                "size": str(len(doc.html)),
            }
        )
    if filing.form == "C":
        items.append(
            {"last-modified": stamp, "name": "primary_doc.xml", "type": "text.gif", "size": "2871"}
        )
    items.append({"last-modified": stamp, "name": f"{acc}.txt", "type": "text.gif", "size": ""})
    items.sort(key=lambda it: it["name"])
    return {
        "directory": {
            "item": items,
            "name": f"/Archives/edgar/data/{cik_int(company)}/{acc.replace('-', '')}",
            "parent-dir": f"/Archives/edgar/data/{cik_int(company)}",
        }
    }


def form_c_xml(company: Company, filing: Filing) -> str:
    """The structured part of a Form C (a small subset of the real edgarSubmission schema)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/formc">
<headerData><submissionType>C</submissionType><filerInfo><filer><filerCredentials><filerCik>{company.edgar_cik}</filerCik></filerCredentials></filer></filerInfo></headerData>
<formData>
<issuerInformation><issuerInfo><nameOfIssuer>{escape(company.legal_name)}</nameOfIssuer><legalStatus><legalStatusForm>Corporation</legalStatusForm><jurisdictionOrganization>DE</jurisdictionOrganization><dateIncorporation>03-14-2023</dateIncorporation></legalStatus><issuerAddress><city>Salinas</city><stateOrCountry>CA</stateOrCountry></issuerAddress><issuerWebsite>https://furrow.example</issuerWebsite></issuerInfo><companyName>Sprout Funding Portal LLC</companyName></issuerInformation>
<offeringInformation><securityOfferedType>Other</securityOfferedType><securityOfferedOtherDesc>Crowd SAFE</securityOfferedOtherDesc><offeringAmount>10000.00</offeringAmount><maximumOfferingAmount>1070000.00</maximumOfferingAmount><deadlineDate>12-31-2026</deadlineDate></offeringInformation>
</formData>
</edgarSubmission>
"""


def display_name(company: Company) -> str:
    ticker = f"  ({company.ticker})" if company.ticker else ""
    return f"{company.legal_name}{ticker}  (CIK {company.edgar_cik})"


def search(docs: list[FiledDoc], query: str) -> dict:
    """efts.sec.gov/LATEST/search-index: phrase match over filed documents, Elasticsearch shape.

    Honours q (a quoted phrase or words that must all occur), forms (comma list of root forms),
    startdt/enddt (YYYY-MM-DD on file_date) and from (offset; pages of 100).
    """
    params = {k: v[-1] for k, v in parse_qs(query).items()}
    q = params.get("q", "").strip()
    phrase = q.strip('"').lower()
    words = [phrase] if q.startswith('"') else phrase.split()
    forms = {f.strip() for f in params.get("forms", "").split(",") if f.strip()}
    start, end = params.get("startdt"), params.get("enddt")
    try:
        offset = max(0, int(params.get("from", "0")))
    except ValueError:
        offset = 0
    hits = []
    for doc in docs:
        text = doc.text.lower()
        if not words or not all(w in text for w in words):
            continue
        if forms and doc.filing.form not in forms:
            continue
        if start and doc.filing.filing_date < start or end and doc.filing.filing_date > end:
            continue
        acc = accession(doc.company, doc.filing)
        hits.append(
            {
                "_index": "edgar_file",
                "_id": f"{acc}:{doc.name}",
                "_score": round(10.0 + text.count(words[0]), 3) if words else 1.0,
                "_source": {
                    "ciks": [doc.company.edgar_cik],
                    "period_ending": doc.filing.report_date,
                    "file_num": [
                        "020-31234"
                        if doc.filing.form == "C"
                        else "001-4" + doc.company.edgar_cik[-4:]
                    ],
                    "display_names": [display_name(doc.company)],
                    "xsl": None,
                    "sequence": 1 if doc.file_type == doc.filing.form else 2,
                    "root_forms": [doc.filing.form],
                    "file_date": doc.filing.filing_date,
                    "biz_states": [doc.company.state],
                    "sics": [doc.company.sic] if doc.company.sic else [],
                    "form": doc.filing.form,
                    "adsh": acc,
                    "film_num": [f"26{doc.filing.seq:06d}"],
                    "biz_locations": [doc.company.city],
                    "file_type": doc.file_type,
                    "file_description": doc.description,
                    "inc_states": [doc.company.state],
                    "items": doc.filing.items.split(",") if doc.filing.items else [],
                },
            }
        )
    hits.sort(key=lambda h: (-h["_score"], h["_id"]))
    page = hits[offset : offset + SEARCH_PAGE_SIZE]
    buckets: dict[str, int] = {}
    for h in hits:
        buckets[h["_source"]["form"]] = buckets.get(h["_source"]["form"], 0) + 1
    return {
        "took": 12,
        "timed_out": False,
        "_shards": {"total": 50, "successful": 50, "skipped": 0, "failed": 0},
        "hits": {
            "total": {"value": len(hits), "relation": "eq"},
            "max_score": hits[0]["_score"] if hits else None,
            "hits": page,
        },
        "aggregations": {
            "form_filter": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": k, "doc_count": v} for k, v in sorted(buckets.items())],
            },
        },
        "query": {"q": q, "forms": sorted(forms), "from": offset, "size": SEARCH_PAGE_SIZE},
    }


def search_terms_hit(docs: list[FiledDoc], terms: list[str], forms: list[str]) -> list[FiledDoc]:
    """Which documents a search for each term (quoted, as the spider sends it) returns."""
    found: dict[tuple[str, str], FiledDoc] = {}
    for term in terms:
        for hit in search(docs, f'q="{term}"&forms={",".join(forms)}')["hits"]["hits"]:
            acc, name = hit["_id"].split(":", 1)
            for doc in docs:
                if accession(doc.company, doc.filing) == acc and doc.name == name:
                    found[(acc, name)] = doc
    return list(found.values())


def to_json(value: dict) -> bytes:
    return json.dumps(value, indent=1).encode()
