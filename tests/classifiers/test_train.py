"""`hypewatch train` end to end on a small slice of the real corpus: the real configs and
`spacy train`, twice, to check that the build is deterministic and complete."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from classifiers.api import load_classifier
from classifiers.corpus import load_corpus
from classifiers.train import build_model

PROBES = [
    "Our AI-powered platform transforms how teams work.",
    "Revenue grew 14% to $38 million.",
    "We believe AI will redefine every part of our business.",
]


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """The first 12 documents of each kind (about a tenth of the corpus)."""
    by_kind = defaultdict(list)
    for row in load_corpus():
        docs = by_kind[row.kind]
        if row.doc_id not in docs and len(docs) < 12:
            docs.append(row.doc_id)
    keep = {d for docs in by_kind.values() for d in docs}
    folder = tmp_path_factory.mktemp("corpus")
    with (folder / "slice.jsonl").open("w") as fh:
        for row in load_corpus():
            if row.doc_id in keep:
                fh.write(
                    json.dumps(
                        {
                            "text": row.text,
                            "claim": row.claim,
                            "flags": list(row.flags),
                            "kind": row.kind,
                            "doc_id": row.doc_id,
                        }
                    )
                    + "\n"
                )
    return folder


def test_training_is_deterministic_and_writes_a_whole_model(small_corpus, tmp_path):
    metas, outputs = [], []
    for name in ("a", "b"):
        out = tmp_path / name / "model"
        out.parent.mkdir()
        metas.append(build_model(out, corpus_dir=small_corpus, log=lambda _m: None))
        assert (out / "meta.json").is_file() and (out / "config.cfg").is_file()
        assert not (tmp_path / name / "model.tmp").exists()
        meta = json.loads((out / "meta.json").read_text())
        assert meta["hypewatch"]["model_version"] == metas[-1]["model_version"]
        clf = load_classifier(out)
        outputs.append(clf.label_texts(PROBES))
    assert re.fullmatch(r"claims-\d+\.\d+\.\d+\+[0-9a-f]{12}", metas[0]["model_version"])
    assert metas[0]["model_version"] == metas[1]["model_version"]
    assert metas[0]["settings"] == metas[1]["settings"]
    assert outputs[0] == outputs[1]
    # The weights themselves, byte for byte (the version hashes the inputs, so equal
    # versions alone would not show a reproducible build).
    for part in ("textcat/model", "textcat_multilabel/model", "config.cfg"):
        a, b = (tmp_path / name / "model" / part for name in ("a", "b"))
        assert a.read_bytes() == b.read_bytes(), part
    # Thresholds tuned on dev are saved in the washing component's config.
    config = (tmp_path / "a" / "model" / "config.cfg").read_text()
    assert "[components.hypewatch_washing.thresholds]" in config
