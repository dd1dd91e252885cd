"""classifiers.calibration: the Platt scaling fitted on real dev sentences, and the
reliability table that shows whether a washing_score of 0.8 means about 80%."""

from __future__ import annotations

import random

import pytest

from classifiers.calibration import fit_platt, platt, read_calibration, reliability


def test_fit_platt_recovers_a_known_scaling() -> None:
    rng = random.Random(0)
    raw, gold = [], []
    for _ in range(4000):
        r = rng.uniform(0.01, 0.99)
        raw.append(r)
        gold.append(rng.random() < platt(r, 0.6, -1.0))
    a, b = fit_platt(raw, gold)
    assert a == pytest.approx(0.6, abs=0.1) and b == pytest.approx(-1.0, abs=0.1)
    # Calibrated scores then match the observed shares, bin by bin.
    for row in reliability([platt(r, a, b) for r in raw], gold):
        assert row["mean_score"] == pytest.approx(row["washing_share"], abs=0.05), row


def test_reliability_bins() -> None:
    rows = reliability([0.05, 0.1, 0.9, 1.0], [False, True, True, True], bins=2)
    assert rows == [
        {"bin": "0.0-0.5", "n": 2, "mean_score": 0.075, "washing_share": 0.5},
        {"bin": "0.5-1.0", "n": 2, "mean_score": 0.95, "washing_share": 1.0},
    ]


def test_shipped_calibration_is_complete() -> None:
    from classifiers.labels import FLAG_LABELS

    cal = read_calibration()
    assert cal is not None, "classifiers/calibration.json is missing"
    assert 0 < cal["thresholds"]["ai"] < 1
    assert set(FLAG_LABELS) <= set(cal["thresholds"]) and set(cal["flag_evidence"]) == set(
        FLAG_LABELS
    )
    a, b = cal["washing_platt"]
    assert a > 0  # a higher raw score never means a lower calibrated one
