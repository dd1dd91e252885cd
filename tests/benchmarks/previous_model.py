"""The previous classifier (v1, `claims-1.0.0+0573a78c0726`), rebuilt from git for a
comparison in the same run as the current one.

Its code is exported from its commit with `git archive` into build/bench/previous/src and
trained there (about 100 s, once; the folder is reused while it holds a model). It labels
texts in a subprocess that imports only that code, so both classifiers meet the same
sentences on the same machine in one benchmark run.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.benchmarks.common import REPO, RESULTS

COMMIT = "363119f"  # the last commit of the v1 classifier (stop 8)
HOME = RESULTS / "previous"

_LABEL = """
import json, sys
from pathlib import Path
from classifiers.api import load_classifier
clf = load_classifier(Path(sys.argv[1]))
rows = [json.loads(line) for line in sys.stdin]
out = clf.label_texts([r["text"] for r in rows], [r["kind"] for r in rows])
for o in out:
    print(json.dumps({"claim": o["claim"], "flags": o["flags"],
                      "washing_score": o["washing_score"]}))
"""


def ensure_previous_model() -> Path:
    """The previous model's folder, built first if missing."""
    src, model = HOME / "src", HOME / "model"
    if (model / "meta.json").is_file():
        return model
    archive = subprocess.run(
        ["git", "archive", "--format=tar", COMMIT, "classifiers"],
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout
    src.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(src, filter="data")
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from classifiers.train import build_model;"
            " build_model(Path(sys.argv[1]))",
            str(model),
        ],
        cwd=src,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    return model


def label_texts(texts: Sequence[str], kinds: Sequence[str | None]) -> list[dict[str, Any]]:
    """The previous classifier's answers for `texts` (with their document kinds)."""
    model = ensure_previous_model()
    payload = "".join(
        json.dumps({"text": t, "kind": k}) + "\n" for t, k in zip(texts, kinds, strict=True)
    )
    proc = subprocess.run(
        [sys.executable, "-c", _LABEL, str(model)],
        cwd=HOME / "src",
        env={"PYTHONPATH": str(HOME / "src"), "PATH": "/usr/bin:/bin"},
        input=payload,
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in proc.stdout.splitlines()]
