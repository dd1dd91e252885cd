"""Tune the model's thresholds and calibrate its washing_score on the real dev sentences.

    python -m tests.benchmarks.calibrate        # then `make model` rebuilds with them

Reads the trained model (build/model or $HYPEWATCH_MODEL) and the real dev set (labels in
tests/benchmarks/, text cut again from ../shared/corpora), and writes
classifiers/calibration.json, which `hypewatch train` reads:
- the AI threshold that maximises the mean of ai_claim F1 and washing F1, and each flag's
  threshold and evidence switch that maximise its F1 (classifiers.train.tune);
- a Platt scaling of the washing_score, so that a score of 0.8 means about 80% of such
  sentences are washing (the reliability table printed here, and in bench_real_text).
The holdout is never read here.
"""

from __future__ import annotations

import json
from pathlib import Path

from classifiers.api import load_classifier
from classifiers.calibration import CALIBRATION_FILE, fit_platt, reliability
from classifiers.corpus import Row
from classifiers.labels import is_washing
from classifiers.train import tune
from tests.benchmarks.real_sets import labelled_rows


def main() -> int:
    clf = load_classifier()
    nlp = clf.nlp
    washing = nlp.get_pipe("hypewatch_washing")
    features = {
        "kind_feature": clf.kind_feature,
        "signal_features": clf.signal_features,
        "context_features": clf.context_features,
    }
    dev = labelled_rows("dev")
    rows = [Row(r["text"], r["claim"], tuple(r["flags"]), r["kind"], r["source"]) for r in dev]
    tuned = tune(nlp, rows, features, None, objective="ai_and_washing", per_kind=True)
    washing.thresholds = tuned["thresholds"]
    washing.flag_evidence = tuned["flag_evidence"]
    washing.washing_platt = []
    raw = clf.label_texts([r.text for r in rows], [r.kind for r in rows])
    gold = [is_washing(r.claim, r.flags) for r in rows]
    # Fitted on the sentences the classifiers score; the rest are NONE by rule with a score
    # of 0, which stays 0.
    scored = [i for i, p in enumerate(raw) if p["washing_score"] > 0]
    a_b = fit_platt([raw[i]["washing_score"] for i in scored], [gold[i] for i in scored])
    washing.washing_platt = a_b
    calibrated = clf.label_texts([r.text for r in rows], [r.kind for r in rows])
    out = {
        "tuned_on": f"real dev, {len(rows)} sentences (tests/benchmarks/calibrate.py)",
        "model_version": clf.model_version,
        "thresholds": tuned["thresholds"],
        "flag_evidence": tuned["flag_evidence"],
        "washing_platt": a_b,
    }
    CALIBRATION_FILE.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))
    for name, preds in (("raw", raw), ("calibrated", calibrated)):
        print(f"reliability on dev, {name} washing_score:")
        for row in reliability([p["washing_score"] for p in preds], gold):
            print(f"  {row}")
    print(f"wrote {CALIBRATION_FILE.relative_to(Path.cwd())}; now run `make model`")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
