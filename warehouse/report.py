"""`hypewatch report`: one static HTML file a person reads after a night's run.

What a reader sees first: the night, a one-line summary, and the company leaderboard with its
trend lines over every night in the lake. Below: what changed since the night before (from the
claim history macros), then every flagged claim in its sentence with the evidence spans
highlighted by label, linking to the page it was found on.

The file needs nothing at view time: the plot is inline SVG drawn by matplotlib, the styles are
inline, there is no script, and a Content-Security-Policy forbids fetching anything. Every piece
of text from the lake is escaped: sentences, titles and URLs come from the open web. A link is
made only for http(s) URLs.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import re
import secrets
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb

from warehouse.catalog import DUCKDB_CONFIG, catalog_statements
from warehouse.lake import resolve_data_dir

REPORTS_DIR = "reports"
TREND_COMPANIES = 8

# Evidence labels of the classifier's span patterns (classifiers/components.py), with what each
# is evidence of. Warm colours mark the signals of washing, cool ones substantiation.
EVIDENCE_LEGEND: dict[str, tuple[str, str]] = {
    "AI_TERM": ("AI wording", "#ffe08a"),
    "AI_WEAK": ("AI wording in context (model, agent, smart)", "#fff3c4"),
    "HYPE": ("hype", "#ffb38a"),
    "ABSOLUTE": ("absolute or total", "#ff9aa2"),
    "SUPERLATIVE": ("first, best, only", "#f7a8d8"),
    "METRIC": ("a number", "#d9b8ff"),
    "GUARANTEE": ("promised outcome", "#ff8080"),
    "FUTURE": ("future talk", "#ffd0a8"),
    "NAMED_MODEL": ("named model or method", "#a8e6cf"),
    "DATASET": ("named data", "#9fd8f5"),
    "TEST_CONDITION": ("test conditions", "#b5ead7"),
    "LIMITATION": ("stated limitation", "#c7ceea"),
    "HUMAN_REVIEW": ("human oversight", "#8fd3c3"),
}
OTHER_COLOUR = "#dddddd"
CLAIM_COLOURS = {
    "SPECIFIC": "#2e7d32",
    "VAGUE": "#c62828",
    "ASPIRATIONAL": "#ef6c00",
    "NONE": "#616161",
}
CHANGE_ORDER = ("added", "edited", "removed", "relabelled")


class ReportError(ValueError):
    """Why no report can be written (no runs, no such night); one line, for the user."""


def write_report(
    data_dir: Path | str | None = None,
    run_date: dt.date | None = None,
    out: Path | str | None = None,
) -> Path:
    """Write `<out>/hypewatch-report-<run date>.html` for `run_date` (default: the latest night
    in the lake) and return its path. `out` defaults to `<data-dir>/reports/`. Raises
    ReportError when the lake holds no run, or none on `run_date`."""
    data_dir = resolve_data_dir(data_dir)
    if isinstance(run_date, str):
        run_date = dt.date.fromisoformat(run_date)
    con = _connect(data_dir)
    try:
        nights = [r[0] for r in con.execute("SELECT run_date FROM nights").fetchall()]
        if not nights:
            raise ReportError(f"no runs in {data_dir}: run `hypewatch run` first")
        if run_date is None:
            run_date = nights[-1]
        elif run_date not in nights:
            raise ReportError(
                f"no run on {run_date.isoformat()} in {data_dir}; runs: " + _describe_nights(nights)
            )
        data = gather(con, data_dir, run_date, nights)
    finally:
        con.close()
    page = render(data)
    out_dir = Path(out) if out is not None else data_dir / REPORTS_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"hypewatch-report-{run_date.isoformat()}.html"
    tmp = out_dir / f".{path.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path.resolve()


def _connect(data_dir: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory catalog over the lake: always this code's views and macros, and the report
    never writes to the data directory's DuckDB file."""
    con = duckdb.connect(":memory:", config=DUCKDB_CONFIG)
    for statement in catalog_statements(data_dir):
        con.execute(statement)
    return con


def _describe_nights(nights: Sequence[dt.date]) -> str:
    if len(nights) <= 5:
        return ", ".join(n.isoformat() for n in nights)
    return f"{len(nights)} nights from {nights[0].isoformat()} to {nights[-1].isoformat()}"


# --- data ----------------------------------------------------------------------------------


@dataclass
class ReportData:
    data_dir: Path
    run_date: dt.date
    previous: dt.date | None
    nights: list[dt.date]
    leaderboard: list[dict[str, Any]]
    trend: dict[str, list[tuple[dt.date, int, float | None]]]
    names: dict[str, str]
    company_changes: list[dict[str, Any]]
    changes: list[dict[str, Any]]
    flagged: list[dict[str, Any]]
    totals: dict[str, Any] = field(default_factory=dict)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[dict]:
    relation = con.execute(sql, list(params))
    columns = [d[0] for d in relation.description]
    return [dict(zip(columns, row, strict=True)) for row in relation.fetchall()]


def gather(
    con: duckdb.DuckDBPyConnection, data_dir: Path, run_date: dt.date, nights: list[dt.date]
) -> ReportData:
    """Everything the page shows, read through the catalog's views and macros."""
    earlier = [n for n in nights if n < run_date]
    previous = earlier[-1] if earlier else None
    shown = [n for n in nights if n <= run_date]
    leaderboard = _rows(con, "SELECT * FROM leaderboard(?)", [run_date])
    names = {r["company_id"]: r["name"] for r in leaderboard}
    trend: dict[str, list[tuple[dt.date, int, float | None]]] = defaultdict(list)
    for night in shown:
        for r in _rows(con, "SELECT * FROM leaderboard(?)", [night]):
            names.setdefault(r["company_id"], r["name"])
            share = float(r["share_flagged"]) if r["share_flagged"] is not None else None
            trend[r["company_id"]].append((night, r["flagged_claims"], share))
    company_changes: list[dict] = []
    changes: list[dict] = []
    if previous is not None:
        company_changes = _rows(con, "SELECT * FROM company_changes(?, ?)", [previous, run_date])
        changes = _rows(con, "SELECT * FROM claim_changes(?, ?)", [previous, run_date])
    flagged = _rows(
        con,
        """
        WITH docs AS (
            SELECT doc_id, url, kind, title
            FROM documents
            WHERE run_date = $1
            QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY fetched_at DESC) = 1
        ),
        night AS (SELECT * FROM claims WHERE run_date = $1 AND washing),
        first AS (
            SELECT claim_id, min(run_date) AS first_seen
            FROM claims
            WHERE claim_id IN (SELECT claim_id FROM night)
            GROUP BY claim_id
        )
        SELECT c.company_id, c.claim_id, c.text, c.start_char, c.sent_index, c.claim, c.flags,
               c.washing_score, c.evidence, d.url, d.kind, d.title, f.first_seen
        FROM night AS c
        LEFT JOIN docs AS d USING (doc_id)
        LEFT JOIN first AS f USING (claim_id)
        ORDER BY c.company_id, c.washing_score DESC, d.url, c.sent_index
        """,
        [run_date],
    )
    totals = _rows(
        con,
        """
        SELECT (SELECT count(*) FROM companies WHERE run_date = $1) AS companies,
               (SELECT count(*) FROM documents WHERE run_date = $1) AS documents,
               (SELECT count(*) FROM claims WHERE run_date = $1 AND ai_claim) AS ai_claims,
               (SELECT count(*) FROM claims WHERE run_date = $1 AND washing) AS flagged,
               (SELECT count(*) FROM fetch_errors WHERE run_date = $1) AS fetch_errors,
               (SELECT string_agg(DISTINCT status, ', ') FROM runs WHERE run_date = $1) AS status
        """,
        [run_date],
    )[0]
    return ReportData(
        data_dir=data_dir,
        run_date=run_date,
        previous=previous,
        nights=shown,
        leaderboard=leaderboard,
        trend=dict(trend),
        names=names,
        company_changes=company_changes,
        changes=changes,
        flagged=flagged,
        totals=totals,
    )


# --- highlighting --------------------------------------------------------------------------


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _css_label(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", label) or "_"


def locate(
    sentence: str, span: dict[str, Any], sentence_start: int | None
) -> tuple[int, int] | None:
    """Where an evidence span sits in its sentence. Offsets may be relative to the sentence or
    to the document; when neither reads the span's text, its first occurrence is used."""
    text = span.get("text") or ""
    start, end = span.get("start_char"), span.get("end_char")
    if isinstance(start, int) and isinstance(end, int):
        for offset in (0, sentence_start or 0):
            s, e = start - offset, end - offset
            if 0 <= s < e <= len(sentence) and (not text or sentence[s:e] == text):
                return s, e
    if text:
        found = sentence.lower().find(text.lower())
        if found >= 0:
            return found, found + len(text)
    return None


def highlight(
    sentence: str, evidence: Iterable[dict[str, Any]], sentence_start: int | None = None
) -> str:
    """The sentence as escaped HTML, each evidence span in a <mark> classed by its label.
    Overlapping spans are cut at every boundary; a piece under several spans is coloured by the
    narrowest and names them all in its title."""
    spans = []
    for span in evidence or ():
        where = locate(sentence, span, sentence_start)
        if where:
            spans.append((where[0], where[1], str(span.get("label") or "OTHER")))
    if not spans:
        return _esc(sentence)
    cuts = sorted({0, len(sentence), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = sentence[a:b]
        covering = sorted(
            ((e - s, label) for s, e, label in spans if s <= a and b <= e),
            key=lambda t: (t[0], _label_rank(t[1])),
        )
        if not covering:
            out.append(_esc(piece))
            continue
        labels = list(dict.fromkeys(label for _, label in covering))
        out.append(
            f'<mark class="ev ev-{_css_label(labels[0])}" data-labels="{_esc(" ".join(labels))}" '
            f'title="{_esc(", ".join(labels))}">{_esc(piece)}</mark>'
        )
    return "".join(out)


def _label_rank(label: str) -> int:
    keys = list(EVIDENCE_LEGEND)
    return keys.index(label) if label in keys else len(keys)


def _link(url: str | None, text: str | None = None) -> str:
    """A link for http(s) URLs; anything else (javascript:, data:, relative) stays text."""
    shown = _esc(text if text is not None else url)
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return f'<a href="{_esc(url)}" rel="noopener noreferrer nofollow">{shown}</a>'
    return f'<span class="url">{shown}</span>'


# --- plot ----------------------------------------------------------------------------------


def trend_svg(data: ReportData) -> str:
    """Flagged claims and share flagged per night for the companies leading this night,
    as an inline <svg> element."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    leaders = [r["company_id"] for r in data.leaderboard if r["ai_claims"]][:TREND_COMPANIES]
    with matplotlib.rc_context(
        {"svg.fonttype": "none", "svg.hashsalt": "hypewatch", "font.size": 9}
    ):
        fig, (ax_flagged, ax_share) = plt.subplots(1, 2, figsize=(11, 3.4), layout="constrained")
        colours = plt.get_cmap("tab10").colors
        for i, company in enumerate(leaders):
            points = data.trend.get(company, [])
            dates = [p[0] for p in points]
            label = _mpl_text(data.names.get(company, company))
            style = {"color": colours[i % len(colours)], "marker": "o", "markersize": 4}
            ax_flagged.plot(dates, [p[1] for p in points], label=label, **style)
            shares = [(d, s) for d, _, s in points if s is not None]
            ax_share.plot([d for d, _ in shares], [s for _, s in shares], **style)
        for ax, title in (
            (ax_flagged, "Flagged AI claims per night"),
            (ax_share, "Share of AI claims flagged"),
        ):
            ax.set_title(title, loc="left", fontsize=10)
            ax.axvline(data.run_date, color="#888888", linestyle=":", linewidth=1)
            ax.grid(True, axis="y", color="#e5e5e5")
            ax.spines[["top", "right"]].set_visible(False)
            if len(data.nights) <= 10:  # one tick per night, never hours between them
                ax.set_xticks(data.nights)
                ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %d"))
            else:
                locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
                ax.xaxis.set_major_locator(locator)
                ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
            if len(data.nights) == 1:
                pad = dt.timedelta(days=1)
                ax.set_xlim(data.run_date - pad, data.run_date + pad)
        ax_flagged.set_ylim(bottom=0)
        ax_flagged.yaxis.get_major_locator().set_params(integer=True)
        ax_share.set_ylim(0, 1.05)
        ax_share.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        if leaders:
            fig.legend(loc="outside right upper", frameon=False, fontsize=8)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
        plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def _mpl_text(text: str) -> str:
    """Plain text for matplotlib: a "$" would start mathtext."""
    return text.replace("$", r"\$")


# --- page ----------------------------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _pct(value: Any) -> str:
    return "–" if value is None else f"{float(value) * 100:.0f}%"


def _num(value: Any, digits: int = 2) -> str:
    return "–" if value is None else f"{float(value):.{digits}f}"


def _badges(claim: str | None, flags: Iterable[str] | None) -> str:
    if claim is None:
        return ""
    out = [f'<span class="label label-{_css_label(claim)}">{_esc(claim)}</span>']
    out += [f'<span class="flag">{_esc(flag)}</span>' for flag in flags or ()]
    return " ".join(out)


def _kind(kind: str | None) -> str:
    return _esc((kind or "document").replace("_", " "))


def render(data: ReportData) -> str:
    night = data.run_date.isoformat()
    title = f"hypewatch: AI-washing report for the night of {night}"
    body = [
        "<header>",
        f"<h1>AI-washing report <span class='night'>night of {_esc(night)}</span></h1>",
        f'<p class="summary">{_summary(data)}</p>',
        '<nav><a href="#leaderboard">Leaderboard</a> · <a href="#changes">What changed</a> · '
        '<a href="#flagged">Flagged claims</a></nav>',
        "</header>",
        _leaderboard_section(data),
        _changes_section(data),
        _flagged_section(data),
        "<footer><p>A flag means the sentence needs substantiation, never that it is false. "
        f"Made by hypewatch from {_esc(data.data_dir)} over {len(data.nights)} "
        f"night{'s' if len(data.nights) != 1 else ''} "
        f"({_esc(data.nights[0].isoformat())} to {_esc(night)}).</p></footer>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _summary(data: ReportData) -> str:
    t = data.totals
    share = f" ({t['flagged'] / t['ai_claims']:.0%} of AI claims)" if t["ai_claims"] else ""
    parts = [
        f"{t['companies']} companies watched",
        f"{t['documents']} documents",
        f"{t['ai_claims']} AI claims",
        f"<strong>{t['flagged']} flagged</strong>{share}",
    ]
    if t["fetch_errors"]:
        parts.append(f"{_plural(t['fetch_errors'], 'URL')} could not be fetched")
    if data.previous is None:
        parts.append("first night in the lake: nothing to compare with")
    else:
        counts = defaultdict(int)
        for change in data.changes:
            counts[change["change"]] += 1
        said = ", ".join(f"{counts[c]} {c}" for c in CHANGE_ORDER if counts[c]) or "no change"
        parts.append(f"since {_esc(data.previous.isoformat())}: {said}")
    if t["status"]:
        parts.append(f"run {_esc(t['status'])}")
    return " · ".join(parts)


def _leaderboard_section(data: ReportData) -> str:
    before = {c["company_id"]: c["flagged_before"] for c in data.company_changes}
    rows = []
    for rank, r in enumerate(data.leaderboard, start=1):
        delta = ""
        if data.previous is not None and r["company_id"] in before:
            d = r["flagged_claims"] - before[r["company_id"]]
            delta = f"+{d}" if d > 0 else ("0" if d == 0 else f"−{-d}")
        rows.append(
            "<tr>"
            f"<td class='n'>{rank}</td>"
            f"<td><strong>{_esc(r['name'])}</strong> <span class='id'>{_esc(r['company_id'])}</span></td>"
            f"<td class='n'>{r['documents']}</td>"
            f"<td class='n'>{r['ai_claims']}</td>"
            f"<td class='n'><strong>{r['flagged_claims']}</strong></td>"
            f"<td class='n delta'>{delta}</td>"
            f"<td class='n'>{_pct(r['share_flagged'])}</td>"
            f"<td class='n'>{_num(r['mean_washing_score'])}</td>"
            "</tr>"
        )
    since = f"vs {_esc(data.previous.isoformat())}" if data.previous else "vs previous"
    table = (
        "<table class='leaderboard'><thead><tr><th>#</th><th>Company</th><th>Documents</th>"
        f"<th>AI claims</th><th>Flagged</th><th>{since}</th><th>Share flagged</th>"
        "<th>Mean washing score</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    shown = min(TREND_COMPANIES, sum(1 for r in data.leaderboard if r["ai_claims"]))
    caption = (
        f"Trend over {len(data.nights)} night{'s' if len(data.nights) != 1 else ''} for the "
        f"{shown} compan{'ies' if shown != 1 else 'y'} with the most flagged claims on "
        f"{_esc(data.run_date.isoformat())} (dotted line)."
    )
    return (
        '<section id="leaderboard"><h2>Company leaderboard</h2>'
        f'<figure class="trend">{trend_svg(data)}<figcaption>{caption}</figcaption></figure>'
        f"{table}</section>"
    )


def _changes_section(data: ReportData) -> str:
    head = '<section id="changes"><h2>What changed'
    if data.previous is None:
        return (
            head + "</h2><p class='none'>This is the first night in the lake: there is no "
            "earlier night to compare with.</p></section>"
        )
    head += f" since {_esc(data.previous.isoformat())}</h2>"
    changed = [
        c for c in data.company_changes if c["added"] + c["edited"] + c["removed"] + c["relabelled"]
    ]
    if not changed and not data.changes:
        return head + "<p class='none'>No AI claim was added, edited or removed.</p></section>"
    summary = "".join(
        "<tr>"
        f"<td><strong>{_esc(c['name'])}</strong></td>"
        f"<td class='n'>{c['added']}</td><td class='n'>{c['edited']}</td>"
        f"<td class='n'>{c['removed']}</td><td class='n'>{c['relabelled']}</td>"
        f"<td class='n'>{c['newly_flagged']}</td><td class='n'>{c['no_longer_flagged']}</td>"
        f"<td class='n'>{c['flagged_before']} → {c['flagged_after']}</td>"
        "</tr>"
        for c in changed
    )
    table = (
        "<table class='changes'><thead><tr><th>Company</th><th>Added</th><th>Edited</th>"
        "<th>Removed</th><th>Relabelled</th><th>Newly flagged</th><th>No longer flagged</th>"
        "<th>Flagged</th></tr></thead><tbody>" + summary + "</tbody></table>"
    )
    by_company: dict[str, list[dict]] = defaultdict(list)
    relabelled, unchecked = [], []
    for change in data.changes:
        if change["change"] == "not_fetched":
            unchecked.append(change)
        elif change["change"] == "relabelled":
            relabelled.append(change)
        else:
            by_company[change["company_id"]].append(change)
    items = []
    for company, changes in by_company.items():
        items.append(f"<h3>{_esc(data.names.get(company, company))}</h3><ul class='changelist'>")
        for c in sorted(changes, key=lambda c: CHANGE_ORDER.index(c["change"])):
            items.append(_change_item(c))
        items.append("</ul>")
    if relabelled:
        # the same words read differently, usually by a new model version: not the company's doing
        items.append(
            f"<details><summary>{_plural(len(relabelled), 'AI claim')} relabelled: the same "
            "words, labelled differently (a new model version)</summary><ul class='changelist'>"
            + "".join(_change_item(c) for c in relabelled)
            + "</ul></details>"
        )
    if unchecked:
        items.append(
            f"<details><summary>{_plural(len(unchecked), 'AI claim')} not checked: their "
            "documents could not be fetched this night</summary><ul>"
            + "".join(
                f"<li>{_esc(data.names.get(c['company_id'], c['company_id']))}: "
                f"{_esc(c['old_text'])} ({_link(c['url'])})</li>"
                for c in unchecked
            )
            + "</ul></details>"
        )
    return head + table + "".join(items) + "</section>"


def _change_item(c: dict[str, Any]) -> str:
    kind = c["change"]
    badge = f'<span class="badge badge-{_esc(kind)}">{_esc(kind)}</span>'
    source = f"<span class='src'>{_kind(c['kind'])} · {_link(c['url'])}</span>"
    if kind == "added":
        body = (
            f"<q class='new'>{highlight(c['new_text'], c['new_evidence'])}</q> "
            f"{_badges(c['new_claim'], c['new_flags'])}"
        )
    elif kind == "removed":
        since = c["old_first_seen"]
        body = (
            f"<q class='old'>{_esc(c['old_text'])}</q> {_badges(c['old_claim'], c['old_flags'])}"
            + (f" <span class='since'>up since {_esc(since.isoformat())}</span>" if since else "")
        )
    elif kind == "relabelled":
        body = (
            f"<q class='new'>{highlight(c['new_text'], c['new_evidence'])}</q> "
            f"{_badges(c['old_claim'], c['old_flags'])} <span class='arrow'>→</span> "
            f"{_badges(c['new_claim'], c['new_flags'])}"
        )
    else:
        body = (
            f"<q class='old'>{_esc(c['old_text'])}</q> {_badges(c['old_claim'], c['old_flags'])}"
            " <span class='arrow'>→</span> "
            f"<q class='new'>{highlight(c['new_text'], c['new_evidence'])}</q> "
            f"{_badges(c['new_claim'], c['new_flags'])}"
        )
    return f"<li class='change-{_esc(kind)}'>{badge} {body}<br>{source}</li>"


def _flagged_section(data: ReportData) -> str:
    head = (
        '<section id="flagged"><h2>Flagged claims</h2>'
        "<p>Each AI claim the classifier calls AI-washing (vague or aspirational, or carrying a "
        "risk flag), in its sentence; the words that weighed in are highlighted:</p>"
    )
    seen_labels = {str(e.get("label")) for r in data.flagged for e in (r["evidence"] or ())}
    legend_labels = list(EVIDENCE_LEGEND) + sorted(seen_labels - set(EVIDENCE_LEGEND))
    legend = (
        "<ul class='legend'>"
        + "".join(
            f"<li><mark class='ev ev-{_css_label(label)}'>{_esc(label)}</mark> "
            f"{_esc(EVIDENCE_LEGEND.get(label, ('other evidence', ''))[0])}</li>"
            for label in legend_labels
        )
        + "</ul>"
    )
    if not data.flagged:
        return head + legend + "<p class='none'>No flagged claims this night.</p></section>"
    order = {r["company_id"]: i for i, r in enumerate(data.leaderboard)}
    by_company: dict[str, list[dict]] = defaultdict(list)
    for row in data.flagged:
        by_company[row["company_id"]].append(row)
    parts = [head, legend]
    for company in sorted(by_company, key=lambda c: (order.get(c, len(order)), c)):
        rows = by_company[company]
        parts.append(
            f"<h3>{_esc(data.names.get(company, company))} <span class='count'>{len(rows)}</span></h3>"
        )
        for r in rows:
            first = r["first_seen"]
            new = first == data.run_date and data.previous is not None
            meta = [
                _badges(r["claim"], r["flags"]),
                f"washing score {_num(r['washing_score'])}",
                _kind(r["kind"]),
                (
                    "<strong class='new'>new tonight</strong>"
                    if new
                    else f"up since {_esc(first.isoformat())}"
                    if first
                    else ""
                ),
                _link(r["url"], r["title"] or r["url"]),
            ]
            parts.append(
                "<article class='claim'>"
                f"<p class='sentence'>{highlight(r['text'], r['evidence'], r['start_char'])}</p>"
                f"<p class='meta'>{' · '.join(m for m in meta if m)}</p></article>"
            )
    parts.append("</section>")
    return "".join(parts)


def _css() -> str:
    marks = "".join(
        f"mark.ev-{_css_label(label)}{{background:{colour}}}"
        for label, (_, colour) in EVIDENCE_LEGEND.items()
    )
    claims = "".join(
        f".label-{label}{{background:{colour}}}" for label, colour in CLAIM_COLOURS.items()
    )
    return (
        "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d1d1f;"
        "max-width:1180px;margin:0 auto;padding:24px}"
        "h1{font-size:26px;margin:0 0 4px}h1 .night{font-weight:400;color:#555}"
        "h2{font-size:20px;margin:32px 0 8px;border-bottom:2px solid #eee;padding-bottom:4px}"
        "h3{font-size:16px;margin:20px 0 6px}.count{color:#777;font-weight:400}"
        ".summary{font-size:16px;margin:4px 0 8px}nav{font-size:14px;color:#777}"
        "a{color:#0b57d0}.url,.id{color:#777;font-size:13px}"
        "table{border-collapse:collapse;margin:8px 0;font-size:14px}"
        "th,td{padding:4px 10px;border-bottom:1px solid #eee;text-align:left}"
        "th{background:#fafafa}td.n{text-align:right;font-variant-numeric:tabular-nums}"
        "figure.trend{margin:8px 0}figure.trend svg{max-width:100%;height:auto}"
        "figcaption{font-size:13px;color:#666}"
        "mark.ev{padding:0 2px;border-radius:3px;color:inherit;background:"
        + OTHER_COLOUR
        + "}"
        + marks
        + ".legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 16px;font-size:13px}"
        ".label,.flag,.badge{display:inline-block;font-size:11px;font-weight:600;color:#fff;"
        "border-radius:3px;padding:0 5px;letter-spacing:.02em}"
        ".flag{background:#6a1b9a}"
        + claims
        + ".badge-added{background:#c62828}.badge-edited{background:#1565c0}"
        ".badge-removed{background:#2e7d32}.badge-relabelled{background:#616161}"
        "article.claim{border-left:3px solid #eee;padding:2px 10px;margin:8px 0}"
        ".sentence{margin:0;font-size:15px}.meta{margin:2px 0 0;font-size:13px;color:#555}"
        ".changelist{padding-left:18px}.changelist li{margin:6px 0}"
        "q.old{color:#777;text-decoration:line-through}.src,.since{font-size:13px;color:#666}"
        ".none{color:#666;font-style:italic}strong.new{color:#c62828}"
        "footer{margin-top:40px;font-size:12px;color:#777;border-top:1px solid #eee}"
    )
