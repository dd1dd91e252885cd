"""Scores of predicted labels against gold labels, as `hypewatch evaluate` reports them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from classifiers.labels import CLAIM_LABELS, FLAG_LABELS, is_washing


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "support": tp + fn}


def _binary(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    """P/R/F1 of (gold, predicted) truth values."""
    tp = fp = fn = 0
    for g, p in pairs:
        tp += g and p
        fp += p and not g
        fn += g and not p
    return prf(tp, fp, fn)


def score(gold: Iterable[Mapping[str, Any]], pred: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """gold rows have `claim` and `flags`; predictions have `claim` and `flags` too.

    Returns per-label P/R/F1 for the claim values and the flags, macro-F1 over the four
    claim values, micro-F1 over the flags, accuracy of `claim`, and binary P/R/F1 of the
    derived `ai_claim` and `washing`."""
    gold = list(gold)
    pred = list(pred)
    if len(gold) != len(pred):
        raise ValueError("gold and predictions differ in length")
    pairs = list(zip(gold, pred, strict=True))
    claims = {
        label: _binary((g["claim"] == label, p["claim"] == label) for g, p in pairs)
        for label in CLAIM_LABELS
    }
    flags = {
        label: _binary((label in g["flags"], label in p["flags"]) for g, p in pairs)
        for label in FLAG_LABELS
    }
    flag_sets = [(set(g["flags"]), set(p["flags"])) for g, p in pairs]
    flag_tp = sum(len(g & p) for g, p in flag_sets)
    flag_fp = sum(len(p - g) for g, p in flag_sets)
    flag_fn = sum(len(g - p) for g, p in flag_sets)
    n = len(pairs)
    return {
        "n": n,
        "claim": claims,
        "claim_macro_f1": sum(c["f1"] for c in claims.values()) / len(claims),
        "claim_accuracy": sum(g["claim"] == p["claim"] for g, p in pairs) / n if n else 0.0,
        "flags": flags,
        "flags_micro_f1": prf(flag_tp, flag_fp, flag_fn)["f1"],
        "flags_macro_f1": sum(f["f1"] for f in flags.values()) / len(flags),
        "ai_claim": _binary((g["claim"] != "NONE", p["claim"] != "NONE") for g, p in pairs),
        "washing": _binary(
            (is_washing(g["claim"], g["flags"]), is_washing(p["claim"], p["flags"]))
            for g, p in pairs
        ),
    }


def format_report(result: Mapping[str, Any]) -> str:
    """A plain-text table of `score`'s result."""
    lines = [f"{'label':<20} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]

    def row(name: str, m: Mapping[str, float]) -> None:
        lines.append(
            f"{name:<20} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f} {int(m['support']):8d}"
        )

    for label, m in result["claim"].items():
        row(label, m)
    for label, m in result["flags"].items():
        row(label, m)
    row("ai_claim", result["ai_claim"])
    row("washing", result["washing"])
    lines.append(
        f"claim macro-F1 {result['claim_macro_f1']:.3f}   claim accuracy "
        f"{result['claim_accuracy']:.3f}   flags micro-F1 {result['flags_micro_f1']:.3f}"
        f"   n={result['n']}"
    )
    return "\n".join(lines) + "\n"
