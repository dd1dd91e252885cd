"""The labelled corpus: reading it, checking it, and splitting it by document.

Sentences of one document share company names, products and phrasing, so the split
is by `doc_id`, never by sentence: otherwise dev and test scores would reward memory.
The split is a pure function of each doc id (a hash into 100 buckets: 70 train, 15 dev,
15 test), so every run and every machine agrees on it, and growing the corpus never moves
a document from one side to another. With ~90 documents per kind, each kind lands in every
split (a test checks it on the real corpus).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from classifiers.labels import KINDS, check_row

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
SPLITS = ("train", "dev", "test")
# Shares of the documents; the rest goes to test.
TRAIN_SHARE, DEV_SHARE = 0.70, 0.15


@dataclass(frozen=True)
class Row:
    text: str
    claim: str
    flags: tuple[str, ...]
    kind: str
    doc_id: str


class CorpusError(ValueError):
    pass


def read_rows(path: Path) -> list[Row]:
    """The rows of one labelled JSONL file; a bad line is an error naming file and line."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}:{line_no}: not JSON ({exc.msg})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise CorpusError(f"{path}:{line_no}: expected an object with a 'text' string")
            problem = check_row(obj.get("claim"), obj.get("flags", []))
            if problem:
                raise CorpusError(f"{path}:{line_no}: {problem}")
            kind = obj.get("kind")
            if kind not in KINDS:
                raise CorpusError(f"{path}:{line_no}: kind {kind!r} is not one of {KINDS}")
            doc_id = obj.get("doc_id")
            if not isinstance(doc_id, str) or not doc_id:
                raise CorpusError(f"{path}:{line_no}: missing doc_id")
            rows.append(Row(obj["text"], obj["claim"], tuple(obj.get("flags", [])), kind, doc_id))
    return rows


def corpus_files(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    return sorted(corpus_dir.glob("*.jsonl"))


def load_corpus(corpus_dir: Path = CORPUS_DIR) -> list[Row]:
    rows = []
    for path in corpus_files(corpus_dir):
        rows.extend(read_rows(path))
    if not rows:
        raise CorpusError(f"no labelled rows in {corpus_dir}/*.jsonl")
    return rows


def _doc_hash(doc_id: str) -> str:
    return hashlib.sha256(doc_id.encode("utf-8")).hexdigest()


def split_of(doc_id: str) -> str:
    """ "train", "dev" or "test" for a document, from the hash of its id alone: a document
    never changes sides when others are added, so a model's test documents stay unseen
    by every later model trained on a grown corpus."""
    bucket = int(_doc_hash(doc_id)[:8], 16) % 100
    if bucket < TRAIN_SHARE * 100:
        return "train"
    return "dev" if bucket < (TRAIN_SHARE + DEV_SHARE) * 100 else "test"


def assign_splits(rows: Iterable[Row]) -> dict[str, str]:
    """doc_id -> "train" | "dev" | "test" for every document in `rows`."""
    return {row.doc_id: split_of(row.doc_id) for row in rows}


def split_corpus(rows: list[Row]) -> dict[str, list[Row]]:
    assignment = assign_splits(rows)
    out: dict[str, list[Row]] = {name: [] for name in SPLITS}
    for row in rows:
        out[assignment[row.doc_id]].append(row)
    return out


def corpus_digest(paths: Iterable[Path]) -> str:
    """sha256 over the names and bytes of the given files, in order."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
