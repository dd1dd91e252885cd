"""The label set (one place for it, as STYLE.md asks) and the answers derived from it.

The definitions are in ANNOTATION.md; this module only names the labels and applies
the derivation rules of LABELS.md section 3.
"""

from __future__ import annotations

from collections.abc import Iterable

CLAIM_LABELS: tuple[str, ...] = ("NONE", "SPECIFIC", "VAGUE", "ASPIRATIONAL")
FLAG_LABELS: tuple[str, ...] = ("OVERCLAIM", "UNSUPPORTED_METRIC", "SUPERLATIVE", "GUARANTEE")
KINDS: tuple[str, ...] = ("product_page", "filing", "press_release", "pitch_deck")

WASHING_CLAIMS = frozenset({"VAGUE", "ASPIRATIONAL"})


def is_ai_claim(claim: str) -> bool:
    return claim != "NONE"


def is_washing(claim: str, flags: Iterable[str]) -> bool:
    """`ai_claim` and (a vague or aspirational claim, or any flag)."""
    return is_ai_claim(claim) and (claim in WASHING_CLAIMS or any(True for _ in flags))


def check_row(claim: object, flags: object) -> str | None:
    """The problem with a labelled row, or None when it follows the label set."""
    if claim not in CLAIM_LABELS:
        return f"claim {claim!r} is not one of {', '.join(CLAIM_LABELS)}"
    if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        return "flags must be a list of strings"
    unknown = [f for f in flags if f not in FLAG_LABELS]
    if unknown:
        return f"unknown flag(s) {', '.join(map(repr, unknown))}"
    if claim == "NONE" and flags:
        return "a NONE sentence carries no flags"
    return None
