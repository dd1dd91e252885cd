"""PDF decks, generated with fpdf2 at server start: deterministic bytes, never committed.

fpdf2's core fonts are Latin-1 only, so text is folded to Latin-1 first (curly quotes to
straight ones). Also the deliberately broken PDFs of the glitchy company.
"""

from __future__ import annotations

import datetime as dt
import functools

from fpdf import FPDF

from .model import Deck, resolve, segment_text

_FOLD = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-"}
)


def latin1(text: str) -> str:
    return text.translate(_FOLD).encode("latin-1", "replace").decode("latin-1")


def _new_pdf(title: str, author: str, date: str) -> FPDF:
    pdf = FPDF(orientation="L", unit="mm", format=(190.5, 338.7))  # 16:9 slides
    pdf.set_creation_date(dt.datetime.fromisoformat(date).replace(hour=9, tzinfo=dt.UTC))
    pdf.set_title(latin1(title))
    pdf.set_author(latin1(author))
    pdf.set_creator("hypewatch sample web")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(22, 18, 22)
    return pdf


@functools.lru_cache(maxsize=64)
def deck_pdf(deck: Deck, author: str, variant: int) -> bytes:
    """One slide per page: a title and bullets, with a page footer."""
    pdf = _new_pdf(deck.title, author, deck.date)
    total = len(deck.slides)
    for number, slide in enumerate(deck.slides, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 30)
        pdf.set_text_color(20, 40, 80)
        pdf.multi_cell(w=0, h=14, text=latin1(slide.title), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_font("Helvetica", "", 20)
        pdf.set_text_color(30, 30, 30)
        for bullet in slide.bullets:
            value = resolve(bullet, variant)
            if value is None:
                continue
            pdf.multi_cell(
                w=0, h=11, text=latin1("- " + segment_text(value)), new_x="LMARGIN", new_y="NEXT"
            )
            pdf.ln(2)
        pdf.set_y(-16)
        pdf.set_font("Helvetica", "", 10)
        pdf.set_text_color(120, 120, 120)
        pdf.cell(w=0, h=8, text=latin1(f"{author} | Confidential | {number} of {total}"), align="R")
    return bytes(pdf.output())


@functools.lru_cache(maxsize=1)
def encrypted_pdf() -> bytes:
    """A deck that needs a user password to open: readers must report it, not guess."""
    pdf = _new_pdf("Glitchy board deck", "Glitchy Widgets Co.", "2026-04-01")
    pdf.set_encryption(owner_password="glitchy-owner", user_password="board-only")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 28)
    pdf.cell(text="Board deck: our AI-powered widgets")
    return bytes(pdf.output())


def corrupt_pdf() -> bytes:
    """A PDF header followed by bytes that are no PDF at all (as if an upload was cut short)."""
    return (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        + bytes((i * 37) % 256 for i in range(3000))
    )
