"""Extractor placeholder: returns nothing until implemented."""
from __future__ import annotations

from typing import Any

from ..document import Document, Extraction


def extract(doc: Document, found: dict[str, Any]) -> Extraction:
    return Extraction()
