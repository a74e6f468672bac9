"""Stage 5, field extractors: small, independent modules, one per field family.

Each module has `extract(doc, found) -> Extraction`; `found` holds the values of the
extractors that ran before it (e.g. the profiled organisation's name), so later
extractors can exclude the organisation itself from partners.
"""
from __future__ import annotations

from typing import Any

from ..document import Document, Extraction
from . import (
    affiliations,
    events,
    founding,
    members,
    names,
    people,
    places,
    projects,
    topics,
)

# Order matters only through `found`: names first, everything else may read them.
EXTRACTORS = (
    names,
    places,
    founding,
    members,
    topics,
    affiliations,
    projects,
    events,
    people,
)


def run_all(doc: Document) -> Extraction:
    """Run every extractor and merge their values, evidence and warnings."""
    merged = Extraction()
    for module in EXTRACTORS:
        part = module.extract(doc, merged.values)
        _merge(merged.values, part.values)
        merged.evidence.update(part.evidence)
        merged.warnings.extend(part.warnings)
    return merged


def _merge(into: dict[str, Any], part: dict[str, Any]) -> None:
    for key, value in part.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            into[key].update(value)
        else:
            into[key] = value
