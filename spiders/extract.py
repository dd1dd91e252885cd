"""Main text of a web page or a filing.

Marketing pages are many short sections (hero, feature grid, pricing table, FAQ) between
a header and a footer. trafilatura's defaults are tuned for articles: they often keep one
section and drop the rest. We combine two views of the page:

- a structural pass (`page_text`) that removes what is boilerplate by markup and naming
  (nav, header, footer, aside, cookie and consent banners, modals, hidden elements, forms,
  buttons) and keeps every remaining block, one line each;
- trafilatura with its defaults.

When trafilatura's text covers most of the structural text, we trust trafilatura (it is
the more precise of the two); when it covers little of it, it has most likely kept one
section of a multi-section page, and the structural text wins. `tests/benchmarks/
bench_extraction.py` measures this against trafilatura's defaults on real service pages.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass

import lxml.etree as etree
import lxml.html
import trafilatura

# Block-level tags: each starts a new line in the output.
_BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "caption", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "br",
}  # fmt: skip
# Never text: code, media, widgets.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "video", "audio", "picture", "img", "map", "select", "option", "button", "input",
    "textarea", "link", "meta", "head",
)  # fmt: skip
# Page chrome by element: navigation, header and footer bars, side rails.
_CHROME_TAGS = ("nav", "header", "footer", "aside", "menu")
_CHROME_ROLES = {
    "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog",
    "menu", "menubar", "search", "alert", "tooltip",
}  # fmt: skip
# Page chrome by name (class or id words). Whole words so "navigator" is not "nav".
_CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(cookies?|consent|gdpr|ccpa|onetrust|cookiebot|optanon|cc-banner|"
    r"nav|navbar|navigation|menu|megamenu|breadcrumbs?|skip-link|skip-to-content|"
    r"site-header|global-header|masthead|site-footer|global-footer|footer|"
    r"sidebar|newsletter|subscribe|signup-form|modal|popup|overlay|drawer|"
    r"social|share|sharing|announcement-bar|promo-bar|toast|sr-only|visually-hidden|"
    r"screen-reader-text)(?:$|[\s_-])",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u200b]+")
_WORD = re.compile(r"\w+")

# trafilatura keeping less than this share of the structural text's words means it kept a
# part of the page, not its main text.
MIN_COVERAGE = 0.8
MOST_OF_PAGE = 0.5


@dataclass(frozen=True)
class Extracted:
    title: str | None
    text: str
    published_at: dt.datetime | None


def parse_html(html: str | bytes) -> lxml.html.HtmlElement | None:
    """Parse leniently (truncated and malformed HTML included); None if there is no tree."""
    if isinstance(html, str):
        # lxml refuses str input that declares an encoding; the text is already decoded.
        html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
        if not html.strip():
            return None
    elif not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _classes(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _is_chrome(el: etree._Element) -> bool:
    if el.tag in _CHROME_TAGS:
        return True
    role = (el.get("role") or "").lower()
    if role in _CHROME_ROLES:
        return True
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    names = _classes(el)
    return bool(names.strip()) and bool(_CHROME_WORDS.search(names))


def _text_len(el: etree._Element) -> int:
    return len(_SPACES.sub(" ", el.text_content()).strip())


def _remove(el: etree._Element) -> None:
    """Drop an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _strip(root: etree._Element, remove_chrome: bool) -> None:
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove(el)
    for el in list(root.iter(*_DROP_TAGS)):
        _remove(el)
    if not remove_chrome:
        return
    # Broken or unusual markup puts the whole page inside a header or a hidden wrapper: a
    # chrome-looking element holding most of the page's text is searched inside instead.
    most = MOST_OF_PAGE * _text_len(root)
    # Outermost first: once a subtree is gone its descendants need no test.
    stack = [root]
    while stack:
        el = stack.pop()
        for child in list(el):
            if not isinstance(child.tag, str):
                continue
            if child.tag not in ("html", "body", "main") and _is_chrome(child):
                if _text_len(child) > most:
                    stack.append(child)
                else:
                    _remove(child)
            else:
                stack.append(child)


def _lines(root: etree._Element) -> list[str]:
    """Text of the tree, one line per block; table cells on one line per row."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _SPACES.sub(" ", "".join(buf)).strip()
        if line:
            out.append(line)
        buf.clear()

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCK_TAGS and tag not in ("td", "th")
        if block:
            flush()
        elif tag in ("td", "th"):
            buf.append(" ")
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return out


def _dedupe_lines(lines: list[str]) -> list[str]:
    """Drop exact repeats of long-enough lines (carousels and responsive duplicates)."""
    seen: set[str] = set()
    kept = []
    for line in lines:
        key = line.lower()
        if len(key) > 30 and key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return kept


def _structural(root: etree._Element, remove_chrome: bool) -> str:
    body = root.find("body")
    scope = body if body is not None else root
    _strip(scope, remove_chrome)
    if remove_chrome:
        mains = scope.xpath(".//main|.//*[@role='main']")
        if len(mains) == 1 and len(_WORD.findall(mains[0].text_content())) >= 50:
            scope = mains[0]
    return "\n".join(_dedupe_lines(_lines(scope)))


def page_text(html: str | bytes, *, remove_chrome: bool = True) -> str:
    """Structural text of a page: every block outside navigation and boilerplate."""
    root = parse_html(html)
    return "" if root is None else _structural(root, remove_chrome)


def _without_page_bars(root: etree._Element) -> etree._Element:
    """A copy without the elements that are page chrome by definition (nav, header,
    footer, navigation and dialog roles), for trafilatura: on short pages it keeps menus."""
    tree = copy.deepcopy(root)
    body = tree.find("body")
    if body is None:
        return tree
    most = MOST_OF_PAGE * _text_len(body)
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        bar = el.tag in ("nav", "header", "footer") or (el.get("role") or "").lower() in (
            "navigation",
            "dialog",
            "alertdialog",
        )
        if bar and _text_len(el) <= most:
            _remove(el)
    return tree


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def text_candidates(html: str | bytes, url: str | None = None) -> tuple[str, str, float]:
    """(structural text, trafilatura's text, share of the structural words trafilatura
    covers): the inputs of main_text's choice, apart so the benchmark can check the
    threshold on held-out pages."""
    root = parse_html(html)
    if root is None:
        return "", "", 0.0
    bare = _without_page_bars(root)
    structural = _structural(root, remove_chrome=True)
    try:
        precise = trafilatura.extract(bare, url=url, include_tables=True) or ""
    except Exception:  # trafilatura raises assorted errors on broken markup
        precise = ""
    struct_words = _words(structural)
    covered = sum((_words(precise) & struct_words).values()) / max(1, sum(struct_words.values()))
    return structural, precise, covered


def choose(structural: str, precise: str, covered: float, threshold: float = MIN_COVERAGE) -> str:
    if not structural or not precise:
        return structural or precise
    return precise if covered >= threshold else structural


def main_text(html: str | bytes, url: str | None = None) -> str:
    """The main text of a web page (see the module docstring for the method)."""
    return choose(*text_candidates(html, url))


def title_of(root: etree._Element | None) -> str | None:
    if root is None:
        return None
    for xpath in (
        "//meta[@property='og:title']/@content",
        "//title//text()",
        "//h1//text()",
    ):
        values = [v.strip() for v in root.xpath(xpath) if v and v.strip()]
        if values:
            return _SPACES.sub(" ", " ".join(values) if xpath.endswith("text()") else values[0])
    return None


def _parse_datetime(value: str) -> dt.datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def published_of(root: etree._Element | None) -> dt.datetime | None:
    """Publication time from structured data only (JSON-LD, article meta, <time>): a date
    guessed from body text is often the copyright footer's year."""
    if root is None:
        return None
    for script in root.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for node in data if isinstance(data, list) else [data]:
            if isinstance(node, dict) and isinstance(node.get("datePublished"), str):
                found = _parse_datetime(node["datePublished"])
                if found:
                    return found
    for xpath in (
        "//meta[@property='article:published_time']/@content",
        "//meta[@name='date' or @name='dc.date' or @name='DC.date']/@content",
        "//article//time/@datetime",
    ):
        for value in root.xpath(xpath):
            found = _parse_datetime(value)
            if found:
                return found
    return None


def extract_page(html: str, url: str | None = None) -> Extracted:
    """Title, main text and structured publication time of a web page."""
    root = parse_html(html)
    return Extracted(
        title=title_of(root),
        text=main_text(html, url),
        published_at=published_of(root),
    )


def filing_text(html: str | bytes) -> str:
    """Text of an EDGAR filing document (10-K, 8-K, EX-99...): every block, tables one row
    per line, inline XBRL facts kept as the numbers they tag, and the hidden ix:header (the
    XBRL contexts, units and hidden facts) dropped."""
    root = parse_html(html)
    if root is None:
        return ""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag.lower() in ("ix:header", "ix:hidden") or _HIDDEN_STYLE.search(
            el.get("style") or ""
        ):
            _remove(el)
    body = root.find("body")
    scope = body if body is not None else root
    _strip(scope, remove_chrome=False)
    return "\n".join(_lines(scope))


def xml_text(xml: bytes) -> str:
    """Text of an XML document (e.g. a Form C primary_doc.xml): one line per leaf element,
    `name: value`, so the offering's fields stay readable."""
    try:
        root = etree.fromstring(
            xml, parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError:
        return ""
    lines = []
    for el in root.iter():
        if not isinstance(el.tag, str) or len(el):
            continue
        value = _SPACES.sub(" ", el.text or "").strip()
        if value:
            lines.append(f"{etree.QName(el).localname}: {value}")
    return "\n".join(lines)
