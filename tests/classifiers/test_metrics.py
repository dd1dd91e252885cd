"""classifiers.metrics on a case small enough to compute by hand: every figure in the READMEs
comes from these functions."""

from __future__ import annotations

import pytest

from classifiers.metrics import format_report, prf, score

GOLD = [
    {"claim": "NONE", "flags": []},
    {"claim": "VAGUE", "flags": ["OVERCLAIM"]},
    {"claim": "SPECIFIC", "flags": []},
    {"claim": "VAGUE", "flags": []},
    {"claim": "NONE", "flags": []},
]
PRED = [
    {"claim": "VAGUE", "flags": []},  # a false AI claim
    {"claim": "VAGUE", "flags": ["OVERCLAIM", "SUPERLATIVE"]},
    {"claim": "VAGUE", "flags": []},  # right AI claim, wrong value
    {"claim": "NONE", "flags": []},  # a missed AI claim
    {"claim": "NONE", "flags": []},
]


def test_prf_is_the_harmonic_mean_not_the_average() -> None:
    m = prf(tp=1, fp=3, fn=0)  # P 0.25, R 1.0
    assert m["p"] == 0.25 and m["r"] == 1.0
    assert m["f1"] == pytest.approx(0.4)  # 2PR/(P+R); the mean would be 0.625
    assert m["support"] == 1
    assert prf(0, 0, 0) == {"p": 0.0, "r": 0.0, "f1": 0.0, "support": 0}


def test_score_on_a_hand_computed_case() -> None:
    s = score(GOLD, PRED)
    assert s["n"] == 5
    assert s["claim_accuracy"] == pytest.approx(2 / 5)
    # NONE: tp 1, fp 1, fn 1 -> F1 0.5. VAGUE: tp 1, fp 2, fn 1 -> P 1/3, R 1/2, F1 0.4.
    # SPECIFIC: tp 0, fn 1 -> 0. ASPIRATIONAL: no support, no prediction -> 0.
    assert s["claim"]["NONE"]["f1"] == pytest.approx(0.5)
    assert s["claim"]["VAGUE"]["f1"] == pytest.approx(0.4)
    assert s["claim"]["SPECIFIC"]["f1"] == 0.0
    assert s["claim_macro_f1"] == pytest.approx((0.5 + 0.4) / 4)
    # ai_claim: gold [F, T, T, T, F], pred [T, T, T, F, F]: tp 2, fp 1, fn 1.
    assert s["ai_claim"]["f1"] == pytest.approx(2 / 3)
    # washing: gold [F, T, F, T, F], pred [T, T, T, F, F]: tp 1, fp 2, fn 1 -> P 1/3, R 1/2.
    assert s["washing"]["p"] == pytest.approx(1 / 3)
    assert s["washing"]["r"] == pytest.approx(1 / 2)
    assert s["washing"]["f1"] == pytest.approx(0.4)
    # flags, micro: tp 1 (OVERCLAIM), fp 1 (SUPERLATIVE), fn 0 -> F1 2/3.
    assert s["flags_micro_f1"] == pytest.approx(2 / 3)
    assert s["flags"]["OVERCLAIM"]["f1"] == 1.0
    assert s["flags"]["SUPERLATIVE"]["p"] == 0.0
    # flags, macro: OVERCLAIM 1.0 and three zeros.
    assert s["flags_macro_f1"] == pytest.approx(1 / 4)
    assert [s["claim"][label]["support"] for label in ("NONE", "SPECIFIC", "VAGUE")] == [2, 1, 2]


def test_a_flag_makes_a_specific_claim_washing_on_both_sides() -> None:
    gold = [
        {"claim": "SPECIFIC", "flags": ["UNSUPPORTED_METRIC"]},
        {"claim": "SPECIFIC", "flags": []},
    ]
    pred = [
        {"claim": "SPECIFIC", "flags": ["UNSUPPORTED_METRIC"]},
        {"claim": "SPECIFIC", "flags": []},
    ]
    assert score(gold, pred)["washing"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "support": 1}


def test_nothing_to_score_is_zero_not_an_error() -> None:
    assert score([], [])["claim_accuracy"] == 0.0


def test_report_text_as_evaluate_prints_it() -> None:
    assert format_report(score(GOLD, PRED)) == (
        "label                     P      R     F1  support\n"
        "NONE                  0.500  0.500  0.500        2\n"
        "SPECIFIC              0.000  0.000  0.000        1\n"
        "VAGUE                 0.333  0.500  0.400        2\n"
        "ASPIRATIONAL          0.000  0.000  0.000        0\n"
        "OVERCLAIM             1.000  1.000  1.000        1\n"
        "UNSUPPORTED_METRIC    0.000  0.000  0.000        0\n"
        "SUPERLATIVE           0.000  0.000  0.000        0\n"
        "GUARANTEE             0.000  0.000  0.000        0\n"
        "ai_claim              0.667  0.667  0.667        3\n"
        "washing               0.333  0.500  0.400        2\n"
        "claim macro-F1 0.225   claim accuracy 0.400   flags micro-F1 0.667   n=5\n"
    )


def test_score_refuses_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="^gold and predictions differ in length$"):
        score(GOLD, PRED[:-1])
