"""Fixtures for the classifier tests.

`make test` builds build/model before pytest runs; the tests use it (or $HYPEWATCH_MODEL).
When neither exists (pytest run by hand on a fresh clone), the model is trained once per
session into a temporary folder: the real pipeline on the real corpus, about a minute.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from classifiers.api import resolve_model_dir
    from classifiers.train import build_model

    path = resolve_model_dir()
    if (path / "meta.json").is_file():
        return path
    path = tmp_path_factory.mktemp("model") / "model"
    build_model(path, log=lambda _msg: None)
    return path


@pytest.fixture(scope="session")
def classifier(model_dir: Path):
    from classifiers.api import load_classifier

    return load_classifier(model_dir)
