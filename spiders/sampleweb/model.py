"""Content building blocks. Pages, releases, filings and decks are lists of blocks whose text
segments are plain strings (no AI claim of interest) or `Claim`s carrying the label we mean
them to have. `Change` marks what the second night (variant 2) adds, edits or removes, so the
manifest's claim history is read off the same data that renders the pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

ClaimLabel = Literal["NONE", "SPECIFIC", "VAGUE", "ASPIRATIONAL"]


@dataclass(frozen=True)
class Claim:
    """One sentence with the label it was written to carry (LABELS.md)."""

    text: str
    claim: ClaimLabel
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Change:
    """A segment that differs between variant 1 and variant 2 (None = absent in that variant)."""

    before: Claim | None
    after: Claim | None

    @property
    def kind(self) -> str:
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "edited"


Segment: TypeAlias = str | Claim | Change


def C(text: str, claim: ClaimLabel, *flags: str) -> Claim:  # noqa: N802 - reads like a label
    return Claim(text, claim, tuple(flags))


def resolve(segment: Segment, variant: int) -> str | Claim | None:
    """The segment as served in `variant`: a string, a Claim, or None when absent."""
    if isinstance(segment, Change):
        return segment.before if variant == 1 else segment.after
    return segment


def segment_text(segment: str | Claim) -> str:
    return segment.text if isinstance(segment, Claim) else segment


@dataclass(frozen=True)
class Block:
    """A heading (h2/h3), a paragraph (p), a bullet list (ul: one item per segment), a quote."""

    tag: Literal["h2", "h3", "p", "ul", "blockquote"]
    segments: tuple[Segment, ...]


def h2(text: str) -> Block:
    return Block("h2", (text,))


def h3(text: str) -> Block:
    return Block("h3", (text,))


def p(*segments: Segment) -> Block:
    return Block("p", segments)


def ul(*items: Segment) -> Block:
    return Block("ul", items)


def quote(*segments: Segment) -> Block:
    return Block("blockquote", segments)


def block_texts(block: Block, variant: int) -> list[str | Claim]:
    """The segments of a block present in `variant`."""
    out = []
    for seg in block.segments:
        value = resolve(seg, variant)
        if value is not None:
            out.append(value)
    return out


def iter_claims(blocks: tuple[Block, ...], variant: int):
    for block in blocks:
        for seg in block_texts(block, variant):
            if isinstance(seg, Claim):
                yield seg


def iter_changes(blocks: tuple[Block, ...]):
    for block in blocks:
        for seg in block.segments:
            if isinstance(seg, Change):
                yield seg


@dataclass(frozen=True)
class Page:
    """A product-site page at /sites/<company>/<path> ("" is the home page)."""

    path: str
    title: str
    blocks: tuple[Block, ...]
    nav_label: str | None = None  # shown in the header navigation when set
    footer_label: str | None = None  # shown in the footer when set
    in_sitemap: bool = True
    published: str | None = None  # ISO date, for blog posts: <meta> and JSON-LD
    description: str = ""
    links: tuple[tuple[str, str], ...] = ()  # extra in-body links (label, path)


@dataclass(frozen=True)
class Release:
    """A press release: a feed item linking to /sites/<company>/news/<slug>."""

    slug: str
    title: str
    published: str  # ISO 8601 with time and offset
    dateline: str
    blocks: tuple[Block, ...]
    summary: str
    since_variant: int = 1


@dataclass(frozen=True)
class Slide:
    title: str
    bullets: tuple[Segment, ...]


@dataclass(frozen=True)
class Deck:
    """A PDF deck at /sites/<company>/investors/<name>.pdf."""

    name: str
    title: str
    date: str
    slides: tuple[Slide, ...]


@dataclass(frozen=True)
class Exhibit:
    name: str  # file name, e.g. ex99-1.htm
    type: str  # EX-99.1
    description: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Filing:
    form: Literal["S-1", "10-K", "10-Q", "8-K", "C", "4", "SC 13G", "DEF 14A", "S-8"]
    seq: int  # accession sequence number within 2026
    filing_date: str
    report_date: str
    primary_doc: str
    description: str
    title: str
    blocks: tuple[Block, ...] = ()
    exhibits: tuple[Exhibit, ...] = ()
    items: str = ""  # 8-K items, e.g. "2.02,9.01"
    facts: tuple[tuple[str, str, int], ...] = ()  # (us-gaap concept, label, value in USD)
    since_variant: int = 1


@dataclass(frozen=True)
class Company:
    id: str
    name: str
    legal_name: str
    tagline: str
    pages: tuple[Page, ...]
    cik: str | None = None  # what the sources file says
    edgar_cik: str | None = None  # who files on EDGAR (differs for the search-only company)
    ticker: str | None = None
    exchange: str | None = None
    sic: str = ""
    sic_description: str = ""
    state: str = "DE"
    city: str = "Wilmington"
    feed: Literal["rss", "atom", "json"] | None = None
    releases: tuple[Release, ...] = ()
    decks: tuple[Deck, ...] = ()
    decks_listed_as: Literal["page", "pdf"] = "page"  # sources lists the investors page or the PDFs
    sitemap_index: bool = False
    link_style: Literal["absolute-path", "relative", "full-url"] = "absolute-path"
    redirects: tuple[tuple[str, str], ...] = ()  # (old path, new path): permanent in-site redirects
