"""Choose the textcat architectures by measurement: train the pipeline with each candidate
(bag of words, ensemble, CNN), and with or without the document kind as a feature, and
compare them on the dev split (thresholds tuned on dev) and the test split, with speed.

    python -m tests.benchmarks.select_architecture [--only NAME ...]

Writes build/bench/architectures.json and prints a table.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

from spacy.util import load_config

from classifiers.api import load_classifier
from classifiers.corpus import load_corpus, split_corpus
from classifiers.train import CLAIMS_CFG, FLAGS_CFG, build_model
from tests.benchmarks.common import snapshot_corpus

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "build" / "bench"


def _tok2vec(width: int = 64) -> dict:
    return {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": width,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": [5000, 1000, 2500, 1000],
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": width,
            "window_size": 1,
            "maxout_pieces": 3,
            "depth": 2,
        },
    }


def _bow(exclusive: bool, ngrams: int = 2) -> dict:
    return {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": exclusive,
        "ngram_size": ngrams,
        "no_output_layer": False,
        "length": 262144,
        "nO": None,
    }


def model_block(arch: str, exclusive: bool) -> dict:
    if arch == "bow":
        return _bow(exclusive, 2)
    if arch == "bow1":
        # spacy.TextCatBOW.v3 with unigrams, as hypewatch.TextCatBOWMarkers.v1 reads them.
        return {**_bow(exclusive, 1), "@architectures": "hypewatch.TextCatBOWMarkers.v1"}
    if arch == "bow3":
        return _bow(exclusive, 3)
    if arch == "ensemble":
        return {
            "@architectures": "spacy.TextCatEnsemble.v2",
            "nO": None,
            "linear_model": _bow(exclusive, 2),
            "tok2vec": _tok2vec(),
        }
    if arch == "cnn":
        return {
            "@architectures": "spacy.TextCatReduce.v1",
            "exclusive_classes": exclusive,
            "use_reduce_first": False,
            "use_reduce_last": False,
            "use_reduce_max": True,
            "use_reduce_mean": True,
            "nO": None,
            "tok2vec": _tok2vec(),
        }
    raise ValueError(arch)


# name: (architecture, document kind as a feature, evidence-pattern labels as features)
VARIANTS = {
    "bow2": ("bow", False, False),
    "bow1": ("bow1", False, False),
    "bow3": ("bow3", False, False),
    "ensemble": ("ensemble", False, False),
    "cnn": ("cnn", False, False),
    "bow1+kind": ("bow1", True, False),
    "bow1+sig": ("bow1", False, True),
    "bow1+sig+kind": ("bow1", True, True),
    "ensemble+sig": ("ensemble", False, True),
}


def write_configs(arch: str, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for src, comp, exclusive in (
        (CLAIMS_CFG, "textcat", True),
        (FLAGS_CFG, "textcat_multilabel", False),
    ):
        cfg = copy.deepcopy(load_config(src, interpolate=False))
        cfg["components"][comp]["model"] = model_block(arch, exclusive)
        path = folder / src.name
        cfg.to_disk(path)
        paths.append(path)
    return paths[0], paths[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", default=list(VARIANTS))
    args = parser.parse_args(argv)
    snapshot = snapshot_corpus(OUT / "arch" / "corpus")
    rows = load_corpus(snapshot)
    test = split_corpus(rows)["test"]
    texts = [r.text for r in test]
    results = {"corpus": {"sentences": len(rows), "documents": len({r.doc_id for r in rows})}}
    for name in args.only:
        arch, kind, signals = VARIANTS[name]
        folder = OUT / "arch" / name.replace("+", "_")
        claims_cfg, flags_cfg = write_configs(arch, folder)
        started = time.perf_counter()
        meta = build_model(
            folder / "model",
            claims_cfg=claims_cfg,
            flags_cfg=flags_cfg,
            corpus_dir=snapshot,
            kind_feature=kind,
            signal_features=signals,
            log=lambda m: None,
        )
        train_s = time.perf_counter() - started
        clf = load_classifier(folder / "model")
        clf.label_texts(texts[:50])  # warm up
        started = time.perf_counter()
        for _ in range(3):
            clf.label_texts(texts)
        speed = 3 * len(texts) / (time.perf_counter() - started)
        dev, tst = meta["dev"]["all"], meta["test"]["all"]
        results[name] = {
            "train_seconds": round(train_s, 1),
            "sentences_per_second": round(speed),
            "dev_claim_macro_f1": dev["claim_macro_f1"],
            "dev_flags_micro_f1": dev["flags_micro_f1"],
            "dev_washing_f1": dev["washing"]["f1"],
            "test_claim_macro_f1": tst["claim_macro_f1"],
            "test_flags_micro_f1": tst["flags_micro_f1"],
            "test_washing_f1": tst["washing"]["f1"],
            "settings": meta["settings"],
        }
        print(name, json.dumps(results[name]), file=sys.stderr, flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "architectures.json").write_text(json.dumps(results, indent=2))
    print(
        f"{'variant':<10} {'dev claim':>9} {'dev flags':>9} {'dev wash':>8} "
        f"{'test claim':>10} {'test flags':>10} {'test wash':>9} {'sent/s':>8} {'train s':>7}"
    )
    for name, r in results.items():
        if name == "corpus":
            continue
        print(
            f"{name:<10} {r['dev_claim_macro_f1']:9.3f} {r['dev_flags_micro_f1']:9.3f} "
            f"{r['dev_washing_f1']:8.3f} {r['test_claim_macro_f1']:10.3f} "
            f"{r['test_flags_micro_f1']:10.3f} {r['test_washing_f1']:9.3f} "
            f"{r['sentences_per_second']:8d} {r['train_seconds']:7.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
