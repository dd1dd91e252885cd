"""The classifier and the baselines on real third-party sentences (tests/benchmarks/real_sets.py):

- `dev` (dev1: 740 sentences read while building v1; dev2: ~1,090 of the 2,200 sentences
  labelled twice and adjudicated for v2): thresholds are tuned and errors read on it, so its
  scores are optimistic;
- `holdout` (holdout1: 520; holdout2: ~1,110): sealed. Only its scores are printed, never its
  errors.

Systems, all in the same run: this classifier (with the document kind, as the flows give
it), the previous classifier (v1, rebuilt from git by previous_model.py), the lexicon
baseline (our patterns as rules), a keyword regex (keyword_baseline.py) and, unless
--no-transformer, MiniLM embeddings + logistic regression. Also: how far the two annotators
agree (the ceiling), and the reliability of washing_score (does 0.8 mean 80%?).

    python -m tests.benchmarks.bench_real_text [--errors 25] [--no-transformer] [--no-previous]

Writes build/bench/real_text.json.
"""

from __future__ import annotations

import argparse
import os
from types import SimpleNamespace
from typing import Any

from classifiers.calibration import reliability
from classifiers.labels import is_washing
from classifiers.metrics import score
from tests.benchmarks import keyword_baseline
from tests.benchmarks.common import write_results
from tests.benchmarks.real_sets import V2_PASSES, labelled_rows, labels, read_jsonl

CLAIM_ORDER = ("NONE", "ASPIRATIONAL", "VAGUE", "SPECIFIC")
REPORTED = ("dev1", "dev2", "dev", "holdout1", "holdout2", "holdout")


def source_family(source: str) -> str:
    """ "yc", "sec", "wcxb" or "rss" (the prefix of a source id)."""
    return source.split(":", 1)[0]


def brief(gold: list[dict], pred: list[dict]) -> dict[str, Any]:
    s = score(gold, pred)
    return {
        "n": s["n"],
        "claim_macro_f1": round(s["claim_macro_f1"], 4),
        "claim_accuracy": round(s["claim_accuracy"], 4),
        "flags_micro_f1": round(s["flags_micro_f1"], 4),
        "ai_claim_f1": round(s["ai_claim"]["f1"], 4),
        "ai_claim_p": round(s["ai_claim"]["p"], 4),
        "ai_claim_r": round(s["ai_claim"]["r"], 4),
        "washing_f1": round(s["washing"]["f1"], 4),
        "per_label_f1": {k: round(v["f1"], 4) for k, v in {**s["claim"], **s["flags"]}.items()},
        "support": {k: v["support"] for k, v in {**s["claim"], **s["flags"]}.items()},
    }


def summary(gold: list[dict], pred: list[dict], sources: list[str]) -> dict[str, Any]:
    out = {"all": brief(gold, pred)}
    for family in sorted(set(sources)):
        idx = [i for i, s in enumerate(sources) if s == family]
        out[family] = brief([gold[i] for i in idx], [pred[i] for i in idx])
    return out


def error_size(gold: dict, pred: dict) -> tuple[int, int]:
    """How wrong a prediction is: distance between the claim values (NONE < ASPIRATIONAL
    < VAGUE < SPECIFIC, roughly from no claim to a substantiated one, with an ai_claim
    mistake counted double), then the number of flags wrong."""
    g, p = CLAIM_ORDER.index(gold["claim"]), CLAIM_ORDER.index(pred["claim"])
    claim_err = abs(g - p) + (2 if (g == 0) != (p == 0) else 0)
    flag_err = len(set(gold["flags"]) ^ set(pred["flags"]))
    return claim_err, flag_err


def agreement() -> dict[str, Any]:
    """The second annotation scored against the first: holdout1 (its second pass) and each
    set of the v2 sentences (passes a and b, before adjudication)."""
    from tests.benchmarks.real_sets import HERE

    out = {}
    first = {r["key"]: r for r in labels("holdout1")}
    second = [r for r in read_jsonl(HERE / "real_text_holdout_labels_b.jsonl") if r["key"] in first]
    out["holdout1"] = brief(
        [{"claim": first[r["key"]]["claim"], "flags": first[r["key"]]["flags"]} for r in second],
        [{"claim": r["claim"], "flags": r["flags"]} for r in second],
    )
    a = {r["key"]: r for r in read_jsonl(V2_PASSES[0])}
    b = read_jsonl(V2_PASSES[1])
    for name in ("dev", "holdout"):
        pairs = [(a[r["key"]], r) for r in b if r["set"] == name]
        out[f"{name}2"] = brief(
            [{"claim": x["claim"], "flags": x["flags"]} for x, _ in pairs],
            [{"claim": y["claim"], "flags": y["flags"]} for _, y in pairs],
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", type=int, default=25, help="how many worst dev errors to print")
    parser.add_argument("--no-transformer", action="store_true", help="skip the MiniLM baseline")
    parser.add_argument("--no-previous", action="store_true", help="skip the v1 classifier")
    args = parser.parse_args(argv)

    from classifiers.api import load_classifier
    from tests.benchmarks.lexicon_baseline import LexiconBaseline

    clf = load_classifier()
    lexicon = LexiconBaseline()
    results: dict[str, Any] = {
        "model_version": clf.model_version,
        "load_average": os.getloadavg()[0],
    }
    rows = {name: labelled_rows(name) for name in ("dev1", "dev2", "holdout1", "holdout2")}
    texts = {name: [r["text"] for r in rs] for name, rs in rows.items()}
    kinds = {name: [r["kind"] for r in rs] for name, rs in rows.items()}
    preds: dict[str, dict[str, list]] = {}
    for name in rows:
        p = preds[name] = {
            "spacy": clf.label_texts(texts[name], kinds[name]),
            "lexicon": lexicon.label_texts(texts[name]),
            "keyword": keyword_baseline.label_texts(texts[name]),
        }
        if not args.no_previous:
            from tests.benchmarks import previous_model

            p["previous"] = previous_model.label_texts(texts[name], kinds[name])
        if not args.no_transformer:
            from classifiers.corpus import load_corpus, split_corpus
            from tests.benchmarks.bench_classifier import run_minilm

            train = split_corpus(load_corpus())["train"]
            p["minilm"] = run_minilm(train, [SimpleNamespace(text=t) for t in texts[name]])[
                "predictions"
            ]
    for union, parts in (("dev", ("dev1", "dev2")), ("holdout", ("holdout1", "holdout2"))):
        rows[union] = [r for part in parts for r in rows[part]]
        preds[union] = {
            system: [x for part in parts for x in preds[part][system]] for system in preds[parts[0]]
        }
    systems = list(preds["dev"])
    for name in REPORTED:
        gold = [{"claim": r["claim"], "flags": list(r["flags"])} for r in rows[name]]
        families = [source_family(r["source"]) for r in rows[name]]
        results[name] = {
            "labelled": len(labels(name)),
            "found": len(rows[name]),
            "gold_claims": {c: sum(g["claim"] == c for g in gold) for c in CLAIM_ORDER},
            **{system: summary(gold, preds[name][system], families) for system in systems},
            "reliability": reliability(
                [p["washing_score"] for p in preds[name]["spacy"]],
                [is_washing(g["claim"], g["flags"]) for g in gold],
            ),
        }
    results["annotator_agreement"] = agreement()
    path = write_results("real_text", results)

    print(f"model {clf.model_version}")
    print(
        f"{'set':<9} {'system':<9} {'n':>5} {'claim mF1':>9} {'acc':>5} {'flags F1':>8} "
        f"{'ai F1':>6} {'ai P':>5} {'ai R':>5} {'wash F1':>7}"
    )
    for name in REPORTED:
        for system in [*systems, "annotator"]:
            if system == "annotator":
                m = results["annotator_agreement"].get(name)
                if m is None:
                    continue
            else:
                m = results[name][system]["all"]
            print(
                f"{name:<9} {system:<9} {m['n']:5d} {m['claim_macro_f1']:9.3f} "
                f"{m['claim_accuracy']:5.2f} {m['flags_micro_f1']:8.3f} {m['ai_claim_f1']:6.3f} "
                f"{m['ai_claim_p']:5.2f} {m['ai_claim_r']:5.2f} {m['washing_f1']:7.3f}"
            )
    for name in ("dev", "holdout"):
        print(f"per source ({name}, spacy):")
        for scope, m in results[name]["spacy"].items():
            print(
                f"  {scope:<6} {m['n']:5d} claim mF1 {m['claim_macro_f1']:.3f} ai F1 "
                f"{m['ai_claim_f1']:.3f} (P {m['ai_claim_p']:.2f} R {m['ai_claim_r']:.2f}) "
                f"washing F1 {m['washing_f1']:.3f}"
            )
        m = results[name]["spacy"]["all"]
        print(
            "  per label F1: "
            + " ".join(f"{k}={v:.2f}({m['support'][k]})" for k, v in m["per_label_f1"].items())
        )
        print(f"  washing_score reliability ({name}): bin, n, mean score, share washing")
        for row in results[name]["reliability"]:
            print(
                f"    {row['bin']} {row['n']:5d} {row['mean_score']:.3f} {row['washing_share']:.3f}"
            )

    dev_errors = [
        (error_size(g, p), row, g, p)
        for row, p in zip(rows["dev"], preds["dev"]["spacy"], strict=True)
        for g in [{"claim": row["claim"], "flags": list(row["flags"])}]
        if error_size(g, p) != (0, 0)
    ]
    dev_errors.sort(key=lambda e: (-e[0][0], -e[0][1], e[1]["key"]))
    shown = min(args.errors, len(dev_errors))
    print(f"dev: {len(dev_errors)} sentences with an error; the {shown} worst:")
    for _size, row, g, p in dev_errors[: args.errors]:
        gflags = ",".join(g["flags"]) or "-"
        pflags = ",".join(p["flags"]) or "-"
        print(
            f"  {row['key']} {row['source']:<28} gold {g['claim']}/{gflags} "
            f"pred {p['claim']}/{pflags}\n      {' '.join(row['text'].split())[:300]}"
        )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
