"""The classifier and the baselines on real third-party sentences, in two labelled sets:

- `dev` (real_text_labels.jsonl, 740 sentences): read for error analysis while improving
  the classifier, so its scores are optimistic;
- `holdout` (real_text_holdout_labels.jsonl, 520 sentences from other companies, pages and
  sentences; see sample_real_holdout.py): sealed. Only its scores are printed, never its
  errors, so nothing is tuned against it.

The label files hold no text: the sentences are cut again from ../shared/corpora by
real_text.iter_real_sentences() and matched by key. Scores as bench_classifier reports them
(classifiers/metrics.py), overall and per source, with the document kind given to the model
as the flows give it; then the dev set's worst errors, printed with their text to the console
only (the text is never written to a file).

    python -m tests.benchmarks.bench_real_text [--errors 25] [--no-transformer]

Writes build/bench/real_text.json.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from classifiers.metrics import score
from tests.benchmarks.common import CORPORA, write_results
from tests.benchmarks.real_text import sentences_by_key

LABELS = Path(__file__).with_name("real_text_labels.jsonl")
HOLDOUT_LABELS = Path(__file__).with_name("real_text_holdout_labels.jsonl")
LABEL_SETS = {"dev": LABELS, "holdout": HOLDOUT_LABELS}
# A second annotator's independent labels of the holdout: how far two readers of the guide
# agree is the ceiling to read the classifier's holdout scores against.
HOLDOUT_SECOND_LABELS = Path(__file__).with_name("real_text_holdout_labels_b.jsonl")
CLAIM_ORDER = ("NONE", "ASPIRATIONAL", "VAGUE", "SPECIFIC")


def read_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", type=int, default=25, help="how many worst dev errors to print")
    parser.add_argument("--no-transformer", action="store_true", help="skip the MiniLM baseline")
    args = parser.parse_args(argv)

    from classifiers.api import load_classifier
    from tests.benchmarks.lexicon_baseline import LexiconBaseline

    clf = load_classifier()
    lexicon = LexiconBaseline()
    found = sentences_by_key(CORPORA)
    train = None
    if not args.no_transformer:
        from classifiers.corpus import load_corpus, split_corpus

        train = split_corpus(load_corpus())["train"]

    results: dict[str, Any] = {
        "model_version": clf.model_version,
        "load_average": os.getloadavg()[0],
    }
    dev_errors: list = []
    for set_name, path in LABEL_SETS.items():
        labels = read_labels(path)
        matched = [row for row in labels if row["key"] in found]
        texts = [found[row["key"]][2] for row in matched]
        kinds = [row["kind"] for row in matched]
        families = [source_family(row["source"]) for row in matched]
        gold = [{"claim": row["claim"], "flags": list(row["flags"])} for row in matched]
        spacy_pred = clf.label_texts(texts, kinds)
        out: dict[str, Any] = {
            "labelled": len(labels),
            "found": len(matched),
            "coverage": round(len(matched) / len(labels), 4) if labels else 0.0,
            "missing_keys": [row["key"] for row in labels if row["key"] not in found],
            "gold_claims": {c: sum(g["claim"] == c for g in gold) for c in CLAIM_ORDER},
            "spacy_with_kind": summary(gold, spacy_pred, families),
            "spacy": summary(gold, clf.label_texts(texts), families),
            "lexicon": summary(gold, lexicon.label_texts(texts), families),
        }
        if train is not None:
            # The same baseline as bench_classifier: MiniLM embeddings + logistic regression
            # fitted on the corpus train split, in its own venv; here it reads real sentences.
            from tests.benchmarks.bench_classifier import run_minilm

            minilm = run_minilm(train, [SimpleNamespace(text=t) for t in texts])
            out["minilm"] = summary(gold, minilm["predictions"], families)
        results[set_name] = out
        if set_name == "dev":
            dev_errors = [
                (error_size(g, p), row, g, p, text)
                for row, g, p, text in zip(matched, gold, spacy_pred, texts, strict=True)
                if error_size(g, p) != (0, 0)
            ]
    first = {r["key"]: r for r in read_labels(HOLDOUT_LABELS)}
    second = [r for r in read_labels(HOLDOUT_SECOND_LABELS) if r["key"] in first]
    results["holdout_annotator_agreement"] = brief(
        [{"claim": first[r["key"]]["claim"], "flags": first[r["key"]]["flags"]} for r in second],
        [{"claim": r["claim"], "flags": r["flags"]} for r in second],
    )
    test_split = Path(__file__).resolve().parents[2] / "build" / "bench" / "classifier.json"
    if test_split.is_file():
        corpus = json.loads(test_split.read_text())
        results["corpus_test_split"] = {
            name: corpus[name]["all"]
            for name in ("spacy", "spacy_with_kind", "lexicon", "minilm")
            if name in corpus
        }
    path = write_results("real_text", results)

    print(f"model {clf.model_version}")
    header = (
        f"{'set':<8} {'system':<16} {'scope':<6} {'n':>4} {'claim mF1':>9} {'acc':>5} "
        f"{'flags F1':>8} {'ai F1':>6} {'ai P':>5} {'ai R':>5} {'wash F1':>7}"
    )
    for set_name in LABEL_SETS:
        r = results[set_name]
        print(
            f"{set_name}: {r['found']} of {r['labelled']} labelled keys found "
            f"({r['coverage']:.1%}); gold claims {r['gold_claims']}"
        )
        print(header)
        systems = [s for s in ("spacy_with_kind", "spacy", "lexicon", "minilm") if s in r]
        for system in systems:
            for scope, m in r[system].items():
                print(
                    f"{set_name:<8} {system:<16} {scope:<6} {m['n']:4d} "
                    f"{m['claim_macro_f1']:9.3f} {m['claim_accuracy']:5.2f} "
                    f"{m['flags_micro_f1']:8.3f} {m['ai_claim_f1']:6.3f} {m['ai_claim_p']:5.2f} "
                    f"{m['ai_claim_r']:5.2f} {m['washing_f1']:7.3f}"
                )
        print(f"per-label F1 ({set_name}, all):")
        for system in [s for s in systems if s != "spacy"]:
            m = r[system]["all"]
            cells = " ".join(
                f"{k}={v:.2f}({m['support'][k]})" for k, v in m["per_label_f1"].items()
            )
            print(f"  {system:<16} {cells}")
    agree = results["holdout_annotator_agreement"]
    print(
        f"holdout, second annotator scored against the first ({agree['n']} sentences): claim "
        f"macro-F1 {agree['claim_macro_f1']:.3f}, accuracy {agree['claim_accuracy']:.3f}, "
        f"flags F1 {agree['flags_micro_f1']:.3f}, ai_claim F1 {agree['ai_claim_f1']:.3f}, "
        f"washing F1 {agree['washing_f1']:.3f}"
    )
    if "corpus_test_split" in results:
        print("corpus test split (build/bench/classifier.json):")
        for system, m in results["corpus_test_split"].items():
            print(
                f"{system:<16} {'all':<6} {m['n']:4d} {m['claim_macro_f1']:9.3f} {'':>5} "
                f"{m['flags_micro_f1']:8.3f} {m['ai_claim_f1']:6.3f} {'':>5} {'':>5} "
                f"{m['washing_f1']:7.3f}"
            )

    dev_errors.sort(key=lambda e: (-e[0][0], -e[0][1], e[1]["key"]))
    shown = min(args.errors, len(dev_errors))
    print(f"dev: {len(dev_errors)} sentences with an error; the {shown} worst:")
    for _size, row, g, p, text in dev_errors[: args.errors]:
        gflags = ",".join(g["flags"]) or "-"
        pflags = ",".join(p["flags"]) or "-"
        print(
            f"  {row['key']} {row['source']:<28} gold {g['claim']}/{gflags} "
            f"pred {p['claim']}/{pflags}\n      {' '.join(text.split())[:300]}"
        )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
