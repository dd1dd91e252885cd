"""Decision thresholds and the washing_score's calibration, tuned on real sentences.

Our corpus is written to teach, so about half its sentences are claims; in real text a fifth
or fewer are. Thresholds tuned on the corpus dev split therefore call too many real sentences
claims, and the model's probabilities are not frequencies of real text. `calibration.json`
holds what `python -m tests.benchmarks.calibrate` tuned on the real dev sentences (labels in
tests/benchmarks/, text in ../shared/corpora): the AI threshold, each flag's threshold and
evidence switch, and a Platt scaling of the washing_score. `hypewatch train` reads it, so a
fresh machine builds the same model from the repository alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy

CALIBRATION_FILE = Path(__file__).resolve().parent / "calibration.json"
_EPS = 1e-4


def read_calibration(path: Path = CALIBRATION_FILE) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def logit(p: float) -> float:
    p = min(1.0 - _EPS, max(_EPS, p))
    return math.log(p / (1.0 - p))


def platt(raw: float, a: float, b: float) -> float:
    """The calibrated probability of a raw score in (0, 1)."""
    return 1.0 / (1.0 + math.exp(-(a * logit(raw) + b)))


def fit_platt(raw: Sequence[float], gold: Sequence[bool], iterations: int = 50) -> list[float]:
    """[a, b] of P(gold) = sigmoid(a * logit(raw) + b), by Newton's method on the log loss,
    with Platt's smoothed targets so a few sentences cannot push it to 0 or 1."""
    x = numpy.array([logit(r) for r in raw])
    y = numpy.array(gold, dtype=float)
    n_pos, n_neg = y.sum(), len(y) - y.sum()
    t = numpy.where(y > 0, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
    w = numpy.array([1.0, 0.0])
    features = numpy.stack([x, numpy.ones_like(x)], axis=1)
    for _ in range(iterations):
        p = 1.0 / (1.0 + numpy.exp(-(features @ w)))
        grad = features.T @ (p - t)
        hess = features.T @ (features * (p * (1 - p))[:, None]) + 1e-9 * numpy.eye(2)
        step = numpy.linalg.solve(hess, grad)
        w -= step
        if numpy.abs(step).max() < 1e-10:
            break
    return [round(float(w[0]), 6), round(float(w[1]), 6)]


def reliability(scores: Sequence[float], gold: Sequence[bool], bins: int = 5) -> list[dict]:
    """Per score bin [lo, hi): how many sentences, their mean score, and the share that is
    washing. A calibrated score has the two close."""
    out = []
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        idx = [j for j, s in enumerate(scores) if lo <= s < hi or (i == bins - 1 and s == 1.0)]
        if idx:
            out.append(
                {
                    "bin": f"{lo:.1f}-{hi:.1f}",
                    "n": len(idx),
                    "mean_score": round(sum(scores[j] for j in idx) / len(idx), 3),
                    "washing_share": round(sum(gold[j] for j in idx) / len(idx), 3),
                }
            )
    return out
