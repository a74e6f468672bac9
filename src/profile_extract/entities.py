"""Stage 4, entity recognition: ORG, PERSON and GPE mentions with offsets.

Placeholder until the shipped rule-based spaCy pipeline lands.
"""
from __future__ import annotations

from functools import lru_cache

import spacy

from .document import Document


@lru_cache(maxsize=4)
def default_nlp(model: str | None = None):
    return spacy.load(model) if model else spacy.blank("en")


def recognise(doc: Document, nlp) -> None:
    doc.spacy_doc = nlp(doc.text)
