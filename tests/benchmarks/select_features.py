"""How each choice of the current classifier moves its scores, one step at a time.

Each variant is trained and tuned on one snapshot of the corpus by `build_model`, then
scored on the corpus test split and on the two real-text sets (bench_real_text): `dev`,
which the choices were made on, and the sealed `holdout`, reported and never tuned on.

    step  architecture   features                  weight decay  AI threshold
    v1    Markers.v1     kind + evidence markers   0.01          tuned on corpus dev
    v2    Markers.v2     (lower-cased, presence)   0.01          tuned on corpus dev
    ctx   Markers.v2     + words around AI terms   0.01          tuned on corpus dev
    l2    Markers.v2     + words around AI terms   1.0           tuned on corpus dev
    final Markers.v2     + words around AI terms   1.0           0.5 (train.AI_THRESHOLD)

    python -m tests.benchmarks.select_features [--only v1 final]

Two variants train at a time (one per core). Writes build/bench/features.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from tests.benchmarks.common import RESULTS as OUT
from tests.benchmarks.common import snapshot_corpus

# name: (architecture, context features, weight decay, AI threshold; None = tuned on dev)
VARIANTS: dict[str, tuple[str, bool, float, float | None]] = {
    "v1": ("hypewatch.TextCatBOWMarkers.v1", False, 0.01, None),
    "v2": ("hypewatch.TextCatBOWMarkers.v2", False, 0.01, None),
    "ctx": ("hypewatch.TextCatBOWMarkers.v2", True, 0.01, None),
    "l2": ("hypewatch.TextCatBOWMarkers.v2", True, 1.0, None),
    "final": ("hypewatch.TextCatBOWMarkers.v2", True, 1.0, 0.5),
}


def write_configs(arch: str, l2: float, folder: Path) -> tuple[Path, Path]:
    from thinc.api import Config

    from classifiers.train import CLAIMS_CFG, FLAGS_CFG

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for source, component in ((CLAIMS_CFG, "textcat"), (FLAGS_CFG, "textcat_multilabel")):
        cfg = Config().from_disk(source, interpolate=False)
        cfg["components"][component]["model"]["@architectures"] = arch
        cfg["training"]["optimizer"]["L2"] = l2
        path = folder / source.name
        cfg.to_disk(path)
        paths.append(path)
    return paths[0], paths[1]


def real_scores(model_dir: Path) -> dict[str, Any]:
    from classifiers.api import load_classifier
    from classifiers.metrics import score
    from tests.benchmarks.bench_real_text import LABEL_SETS, read_labels
    from tests.benchmarks.real_text import sentences_by_key

    clf = load_classifier(model_dir)
    found = sentences_by_key()
    out = {}
    for name, path in LABEL_SETS.items():
        rows = [r for r in read_labels(path) if r["key"] in found]
        texts = [found[r["key"]][2] for r in rows]
        pred = clf.label_texts(texts, [r["kind"] for r in rows])
        s = score([{"claim": r["claim"], "flags": r["flags"]} for r in rows], pred)
        out[name] = {
            "claim_macro_f1": round(s["claim_macro_f1"], 4),
            "ai_claim_f1": round(s["ai_claim"]["f1"], 4),
            "ai_claim_p": round(s["ai_claim"]["p"], 4),
            "ai_claim_r": round(s["ai_claim"]["r"], 4),
            "washing_f1": round(s["washing"]["f1"], 4),
        }
    return out


def run_variant(name: str, snapshot: str) -> dict[str, Any]:
    from classifiers.train import build_model

    arch, context, l2, ai = VARIANTS[name]
    folder = OUT / "features" / name
    claims_cfg, flags_cfg = write_configs(arch, l2, folder)
    meta = build_model(
        folder / "model",
        claims_cfg=claims_cfg,
        flags_cfg=flags_cfg,
        corpus_dir=Path(snapshot),
        context_features=context,
        ai_threshold=ai,
        log=lambda _msg: None,
    )
    test = meta["test"]["all"]
    return {
        "settings": meta["settings"],
        "corpus_test": {
            "claim_macro_f1": round(test["claim_macro_f1"], 4),
            "ai_claim_f1": round(test["ai_claim"]["f1"], 4),
            "flags_micro_f1": round(test["flags_micro_f1"], 4),
        },
        **real_scores(folder / "model"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", default=list(VARIANTS), choices=list(VARIANTS))
    args = parser.parse_args(argv)
    snapshot = snapshot_corpus(OUT / "features" / "corpus")
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(run_variant, name, str(snapshot)) for name in args.only}
        results = {name: future.result() for name, future in futures.items()}
    (OUT / "features.json").write_text(json.dumps(results, indent=2))
    print(
        f"{'step':<6} {'test mF1':>8} {'test ai':>7} | {'dev mF1':>7} {'dev ai F1':>9} "
        f"{'ai P':>5} {'ai R':>5} | {'hold mF1':>8} {'hold ai F1':>10} {'ai P':>5} {'ai R':>5}"
    )
    for name, r in results.items():
        t, d, h = r["corpus_test"], r["dev"], r["holdout"]
        print(
            f"{name:<6} {t['claim_macro_f1']:8.3f} {t['ai_claim_f1']:7.3f} | "
            f"{d['claim_macro_f1']:7.3f} {d['ai_claim_f1']:9.3f} {d['ai_claim_p']:5.2f} "
            f"{d['ai_claim_r']:5.2f} | {h['claim_macro_f1']:8.3f} {h['ai_claim_f1']:10.3f} "
            f"{h['ai_claim_p']:5.2f} {h['ai_claim_r']:5.2f}",
            file=sys.stdout,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
