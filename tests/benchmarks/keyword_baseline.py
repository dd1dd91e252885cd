"""The keyword baseline: a case-insensitive regex of AI words, as a new user would try first.

A sentence that matches is an AI claim (VAGUE, so washing); any other is NONE. It is the bar
a classifier must clear to be worth its model: on real text the v1 classifier did not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

AI_WORDS = re.compile(
    r"\b(?:ai|a\.i\.|artificial intelligence|machine[- ]learning|deep[- ]learning|"
    r"neural (?:net|network)s?|llms?|large language models?|language models?|genai|"
    r"generative|gpt[\w.-]*|chatgpt|chatbots?|copilots?|ai[- ](?:powered|driven|native|first)|"
    r"agentic|ai agents?|computer vision|nlp|natural language processing|algorithms?)\b",
    re.IGNORECASE,
)


def label_texts(texts: Sequence[str]) -> list[dict[str, Any]]:
    return [{"claim": "VAGUE" if AI_WORDS.search(t) else "NONE", "flags": []} for t in texts]
