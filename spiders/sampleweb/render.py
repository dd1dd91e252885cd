"""HTML, sitemaps, robots.txt and feeds for the company sites, rendered from the content data."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from email.utils import format_datetime
from html import escape
from xml.sax.saxutils import escape as xml_escape

from .model import Block, Claim, Company, Page, Release, block_texts, segment_text

DEFAULT_LASTMOD = "2026-01-05"


def site_path(company: Company, path: str = "") -> str:
    """Absolute path of a page of a company site ("" is the home page)."""
    return f"/sites/{company.id}/{path}"


def href(company: Company, base_url: str, from_path: str, to_path: str) -> str:
    """A link in the company's own style: absolute path, relative, or full URL."""
    if company.link_style == "full-url":
        return base_url + site_path(company, to_path)
    if company.link_style == "relative":
        from_dir = "/" + from_path.rsplit("/", 1)[0] if "/" in from_path else "/"
        rel = posixpath.relpath("/" + to_path if to_path else "/", from_dir)
        if to_path == "" or to_path.endswith("/"):
            rel = rel.rstrip("/") + "/"
        return "./" if rel == "./" or rel == "/" else rel
    return site_path(company, to_path)


def render_blocks(blocks: tuple[Block, ...], variant: int) -> str:
    out = []
    for block in blocks:
        segments = block_texts(block, variant)
        if not segments:
            continue
        if block.tag == "ul":
            items = "".join(f"<li>{escape(segment_text(s))}</li>" for s in segments)
            out.append(f"<ul>{items}</ul>")
        elif block.tag == "blockquote":
            out.append(
                f"<blockquote><p>{escape(' '.join(segment_text(s) for s in segments))}</p></blockquote>"
            )
        else:
            out.append(
                f"<{block.tag}>{escape(' '.join(segment_text(s) for s in segments))}</{block.tag}>"
            )
    return "\n".join(out)


def blocks_text(blocks: tuple[Block, ...], variant: int) -> str:
    """Plain text of blocks, one block per line (for full-text search over filings)."""
    return "\n".join(" ".join(segment_text(s) for s in block_texts(b, variant)) for b in blocks)


def page_title(company: Company, page: Page) -> str:
    return f"{page.title} | {company.name}"


def _head(
    company: Company,
    base_url: str,
    title: str,
    url_path: str,
    description: str,
    published: str | None,
    ld_type: str,
    headline: str,
) -> str:
    parts = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f'<meta name="description" content="{escape(description or company.tagline)}">',
        f'<link rel="canonical" href="{escape(base_url + url_path)}">',
        f'<meta property="og:title" content="{escape(title)}">',
        f'<meta property="og:site_name" content="{escape(company.name)}">',
    ]
    if published:
        stamp = published if "T" in published else f"{published}T09:00:00+00:00"
        parts.append('<meta property="og:type" content="article">')
        parts.append(f'<meta property="article:published_time" content="{stamp}">')
        ld = {
            "@context": "https://schema.org",
            "@type": ld_type,
            "headline": headline,
            "datePublished": stamp,
            "publisher": {"@type": "Organization", "name": company.legal_name},
        }
        parts.append(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    feed = {
        "rss": ("feed.xml", "application/rss+xml"),
        "atom": ("atom.xml", "application/atom+xml"),
        "json": ("feed.json", "application/feed+json"),
    }.get(company.feed or "")
    if feed:
        parts.append(
            f'<link rel="alternate" type="{feed[1]}" title="{escape(company.name)} news" '
            f'href="{site_path(company, feed[0])}">'
        )
    parts.append('<link rel="stylesheet" href="/static/site.css">')
    return "\n".join(parts)


def _chrome(company: Company, base_url: str, from_path: str, main_html: str) -> str:
    """Header navigation, cookie banner and footer around the main content."""

    def link(to: str, label: str) -> str:
        return f'<a href="{escape(href(company, base_url, from_path, to))}">{escape(label)}</a>'

    nav = "".join(f"<li>{link(pg.path, pg.nav_label)}</li>" for pg in company.pages if pg.nav_label)
    footer = "".join(
        f"<li>{link(pg.path, pg.footer_label)}</li>" for pg in company.pages if pg.footer_label
    )
    return f"""<a class="skip-link" href="#main">Skip to content</a>
<div class="cookie-banner" role="dialog" aria-label="Cookie consent">
<p>We use cookies to improve your experience and to measure traffic. {link("legal/privacy", "Read our privacy policy")}.</p>
<button type="button">Accept all</button> <button type="button">Reject non-essential</button>
</div>
<header class="site-header">
{link("", company.name).replace("<a ", '<a class="logo" ', 1)}
<nav aria-label="Main"><ul>{nav}</ul></nav>
{link("contact", "Get in touch").replace("<a ", '<a class="button" ', 1)}
</header>
<main id="main">
{main_html}
</main>
<footer class="site-footer">
<nav aria-label="Footer"><ul>{footer}</ul></nav>
<p>Follow us: <a href="https://social.example/{company.id}" rel="noopener">Social</a>
<a href="mailto:hello@example.com">hello@example.com</a></p>
<p>&copy; 2026 {escape(company.legal_name)}. All rights reserved.</p>
<p><a href="#top">Back to top</a></p>
</footer>
<script src="/static/site.js" defer></script>"""


def render_page(company: Company, page: Page, base_url: str, variant: int) -> str:
    links = ""
    if page.links:
        items = "".join(
            f'<li><a href="{escape(href(company, base_url, page.path, to))}">{escape(label)}</a></li>'
            for label, to in page.links
        )
        links = f'<ul class="links">{items}</ul>'
    dateline = ""
    if page.published:
        day = dt.date.fromisoformat(page.published)
        dateline = f'<p class="byline"><time datetime="{page.published}">{day:%B} {day.day}, {day.year}</time></p>'
    blocks = page.blocks
    if blocks and blocks[0].tag == "h2" and blocks[0].segments == (page.title,):
        blocks = blocks[1:]  # the <h1> already says it
    content = render_blocks(blocks, variant)
    main = f"<article>\n<h1>{escape(page.title)}</h1>\n{dateline}\n{content}\n{links}\n</article>"
    head = _head(
        company,
        base_url,
        page_title(company, page),
        site_path(company, page.path),
        page.description,
        page.published,
        "BlogPosting",
        page.title,
    )
    body = _chrome(company, base_url, page.path, main)
    return f'<!DOCTYPE html>\n<html lang="en">\n<head>\n{head}\n</head>\n<body id="top">\n{body}\n</body>\n</html>\n'


def release_path(release: Release) -> str:
    return f"news/{release.slug}"


def render_release(company: Company, release: Release, base_url: str, variant: int) -> str:
    day = dt.datetime.fromisoformat(release.published)
    main = f"""<article class="press-release">
<h1>{escape(release.title)}</h1>
<p class="byline"><time datetime="{release.published}">{day:%B} {day.day}, {day.year}</time></p>
<p class="dateline">{escape(release.dateline)} --</p>
{render_blocks(release.blocks, variant)}
<h2>About {escape(company.name)}</h2>
<p>{escape(company.legal_name)} is based in {escape(company.city)}. {escape(company.tagline)}.</p>
<p>Media contact: press@example.com</p>
</article>"""
    head = _head(
        company,
        base_url,
        release.title,
        site_path(company, release_path(release)),
        release.summary,
        release.published,
        "NewsArticle",
        release.title,
    )
    body = _chrome(company, base_url, release_path(release), main)
    return f'<!DOCTYPE html>\n<html lang="en">\n<head>\n{head}\n</head>\n<body id="top">\n{body}\n</body>\n</html>\n'


# --- sitemaps and robots -----------------------------------------------------------------------


def urlset(entries: list[tuple[str, str]]) -> str:
    urls = "".join(
        f"<url><loc>{xml_escape(loc)}</loc><lastmod>{lastmod}</lastmod></url>\n"
        for loc, lastmod in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'
    )


def sitemap_index(locs: list[str]) -> str:
    items = "".join(
        f"<sitemap><loc>{xml_escape(loc)}</loc><lastmod>{DEFAULT_LASTMOD}</lastmod></sitemap>\n"
        for loc in locs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{items}</sitemapindex>\n'
    )


def robots_txt(base_url: str, company_ids: list[str]) -> str:
    lines = [
        "# Sample web for hypewatch. Everything here is made up.",
        "User-agent: *",
        "Disallow: /sites/glitchy/private/",
        "",
    ]
    lines += [f"Sitemap: {base_url}/sites/{cid}/sitemap.xml" for cid in company_ids]
    return "\n".join(lines) + "\n"


# --- feeds -------------------------------------------------------------------------------------


def _rfc822(iso: str) -> str:
    return format_datetime(dt.datetime.fromisoformat(iso))


def rss_feed(title: str, site_url: str, feed_url: str, items: list[dict]) -> str:
    """RSS 2.0. items: dicts with title, link, published (ISO), summary."""
    last = _rfc822(items[0]["published"]) if items else "Mon, 05 Jan 2026 09:00:00 +0000"
    body = "".join(
        f"""<item>
<title>{xml_escape(it["title"])}</title>
<link>{xml_escape(it["link"])}</link>
<guid isPermaLink="true">{xml_escape(it["link"])}</guid>
<pubDate>{_rfc822(it["published"])}</pubDate>
<description>{xml_escape(it["summary"])}</description>
</item>
"""
        for it in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{xml_escape(title)}</title>
<link>{xml_escape(site_url)}</link>
<description>Press releases</description>
<language>en-us</language>
<lastBuildDate>{last}</lastBuildDate>
<atom:link href="{xml_escape(feed_url)}" rel="self" type="application/rss+xml"/>
{body}</channel>
</rss>
"""


def atom_feed(title: str, site_url: str, feed_url: str, author: str, items: list[dict]) -> str:
    updated = items[0]["published"] if items else "2026-01-05T09:00:00+00:00"
    entries = "".join(
        f"""<entry>
<title>{xml_escape(it["title"])}</title>
<id>{xml_escape(it["link"])}</id>
<link rel="alternate" type="text/html" href="{xml_escape(it["link"])}"/>
<published>{it["published"]}</published>
<updated>{it["published"]}</updated>
<summary>{xml_escape(it["summary"])}</summary>
</entry>
"""
        for it in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{xml_escape(title)}</title>
<id>{xml_escape(site_url)}</id>
<link rel="alternate" type="text/html" href="{xml_escape(site_url)}"/>
<link rel="self" type="application/atom+xml" href="{xml_escape(feed_url)}"/>
<updated>{updated}</updated>
<author><name>{xml_escape(author)}</name></author>
{entries}</feed>
"""


def json_feed(title: str, site_url: str, feed_url: str, items: list[dict]) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": site_url,
        "feed_url": feed_url,
        "language": "en-US",
        "items": [
            {
                "id": it["link"],
                "url": it["link"],
                "title": it["title"],
                "summary": it["summary"],
                "content_text": it["summary"],
                "date_published": it["published"],
            }
            for it in items
        ],
    }
    return json.dumps(doc, indent=2) + "\n"


def claim_dict(claim: Claim) -> dict:
    return {"text": claim.text, "claim": claim.claim, "flags": list(claim.flags)}


SITE_CSS = """body{font-family:system-ui,sans-serif;margin:0;color:#1b1f24}
.site-header,.site-footer{display:flex;gap:1rem;padding:1rem 2rem;background:#f4f5f7}
.site-header nav ul,.site-footer nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
main{max-width:46rem;margin:2rem auto;padding:0 1rem}
.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff;padding:1rem}
.skip-link{position:absolute;left:-999px}
"""

SITE_JS = "document.querySelectorAll('.cookie-banner button').forEach(b=>b.onclick=()=>b.parentNode.remove());\n"
