"""`hypewatch.TextCatBOWMarkers.v2`: spaCy's bag-of-words text classifier (the same layers
and weights as `spacy.TextCatBOW.v3`) whose features are the doc's lower-cased tokens plus
the marker tokens in doc.user_data["hypewatch_markers"] (string hashes of lower-case
markers, so equal to their LOWER), each counted once per doc.

v1 read the tokens as written (ORTH) with their counts. Both choices of v2 were measured to
generalise better to real text (classifiers/README.md): lower case meets "Artificial
Intelligence" and headings in capitals; presence instead of counts keeps a 60-word filing
sentence's many "the", "and" and "," from outweighing its one AI phrase.

Why: the classifiers read each sentence with marker tokens naming its document kind and
the evidence patterns it contains. In training the markers are real tokens after the text;
at run time, appending them would mean tokenizing every sentence twice and building two
Docs, which cost more than both classifiers together. With unigram features the two are
the same bag, so the trained weights apply unchanged. (With n-grams above one, n-grams
across the text/marker boundary would differ from training: use ngram_size = 1.)
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.errors import Errors
from spacy.ml.models.textcat import NEG_VALUE, resize_and_set_ref
from spacy.util import registry
from thinc.api import (
    Logistic,
    Model,
    SparseLinear_v2,
    chain,
    resizable,
    softmax_activation,
    with_cpu,
)
from thinc.layers.resizable import resize_linear_weighted

MARKERS_KEY = "hypewatch_markers"
MARKERS_ARCHITECTURES = ("hypewatch.TextCatBOWMarkers.v1", "hypewatch.TextCatBOWMarkers.v2")


def extract_unigrams_with_markers(attr: int = ORTH, presence: bool = False) -> Model:
    return Model(
        "extract_unigrams_with_markers", _forward, attrs={"attr": attr, "presence": presence}
    )


def _forward(model: Model, docs: list, is_train: bool) -> tuple[Any, Any]:
    # Counts: a repeated token is passed once per occurrence with value 1 rather than once
    # with its count (spaCy's extract_ngrams calls numpy.unique per doc): SparseLinear sums
    # weight x value over a doc's keys, so the sum is the same, and no sort is needed.
    # Presence: each key once per doc, found with one sort of the whole batch.
    attr = model.attrs["attr"]
    arrays = []
    lengths = []
    for doc in docs:
        keys = doc.to_array(attr)
        markers = doc.user_data.get(MARKERS_KEY)
        if markers is not None and len(markers):
            keys = numpy.concatenate((keys, markers))
        arrays.append(keys)
        lengths.append(len(keys))
    keys = numpy.concatenate(arrays) if arrays else numpy.zeros(0, dtype="uint64")
    if model.attrs["presence"] and len(keys):
        doc_index = numpy.repeat(numpy.arange(len(lengths)), lengths)
        order = numpy.lexsort((keys, doc_index))  # by doc, then key: docs stay in order
        keys, doc_index = keys[order], doc_index[order]
        first = numpy.ones(len(keys), dtype=bool)
        first[1:] = (keys[1:] != keys[:-1]) | (doc_index[1:] != doc_index[:-1])
        keys = keys[first]
        lengths = numpy.bincount(doc_index[first], minlength=len(lengths)).tolist()
    vals = numpy.ones(len(keys), dtype="f")
    out = (
        model.ops.asarray(keys),
        model.ops.asarray(vals),
        model.ops.asarray(lengths, dtype="int32"),
    )

    def backprop(dY: Any) -> list:
        return []

    return out, backprop


@registry.architectures("hypewatch.TextCatBOWMarkers.v2")
def build_bow_markers_classifier_lower(
    exclusive_classes: bool,
    ngram_size: int,
    no_output_layer: bool,
    length: int = 262144,
    nO: int | None = None,
) -> Model:
    """spacy.TextCatBOW.v3 whose features are the presence of each lower-cased unigram and
    marker token."""
    return _build(exclusive_classes, ngram_size, no_output_layer, length, nO, LOWER, True)


@registry.architectures("hypewatch.TextCatBOWMarkers.v1")
def build_bow_markers_classifier(
    exclusive_classes: bool,
    ngram_size: int,
    no_output_layer: bool,
    length: int = 262144,
    nO: int | None = None,
) -> Model:
    """spacy.TextCatBOW.v3 with unigram features (as written) plus the marker tokens."""
    return _build(exclusive_classes, ngram_size, no_output_layer, length, nO, ORTH, False)


def _build(
    exclusive_classes: bool,
    ngram_size: int,
    no_output_layer: bool,
    length: int,
    nO: int | None,
    attr: int,
    presence: bool,
) -> Model:
    if ngram_size != 1:
        raise ValueError("hypewatch.TextCatBOWMarkers reads unigrams only (ngram_size = 1)")
    if length < 1:
        raise ValueError(Errors.E1056.format(length=length))
    length = 2 ** (length - 1).bit_length()
    sparse_linear = SparseLinear_v2(nO=nO, length=length)
    fill_defaults = {"b": 0, "W": 0}
    with Model.define_operators({">>": chain}):
        output_layer = None
        if not no_output_layer:
            fill_defaults["b"] = NEG_VALUE
            output_layer = softmax_activation() if exclusive_classes else Logistic()
        resizable_layer = resizable(
            sparse_linear,
            resize_layer=partial(resize_linear_weighted, fill_defaults=fill_defaults),
        )
        model = extract_unigrams_with_markers(attr, presence) >> resizable_layer
        model = with_cpu(model, model.ops)
        if output_layer:
            model = model >> with_cpu(output_layer, output_layer.ops)
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model
