"""The pipeline: a plain sequence of the stages, one module each.

    ingest -> clean -> sections -> entities -> extractors (-> their organisations as entities) -> record
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from . import clean, entities, extractors, ingest, sections
from .assemble import assemble
from .record import Record


# Languages whose wording the extractors' phrase tables cover; other pages still get what the
# form labels, gazetteers and entity rules find, with a warning in the record.
COVERED_LANGUAGES = frozenset({"en", "bg", "es", "fr", "it", "pt", "ro"})  # languages the phrase tables speak


@dataclass(slots=True)
class Result:
    record: Record
    text: str  # the cleaned text the record's offsets point into


def process_bytes(raw: bytes, *, doc_id: str, path: str, nlp=None) -> Result:
    """Turn one input's bytes into a validated record; raises `ingest.InputError` for bad input."""
    page = ingest.decode(raw, path)
    cleaned = clean.clean(page)
    doc = sections.split(cleaned, doc_id=doc_id, format=page.format)
    doc.language = ingest.detect_language(doc.text)
    doc.warnings.extend(_input_warnings(page, doc.language))
    entities.recognise(doc, nlp or entities.default_nlp())
    found = extractors.run_all(doc)
    entities.mention_organisations(doc, found.values)  # organisations the fields name are ORG mentions
    record = assemble(
        doc,
        found,
        source={
            "path": path,
            "sha256": hashlib.sha256(raw).hexdigest(),
            "format": page.format,
            "language": doc.language,
            "chars": len(doc.text),
        },
    )
    return Result(record=record, text=doc.text)


# A small page that reaches every stage, so warming up loads every lazily built table.
_WARM_UP_PAGE = (
    "Example ICT Cluster\n\nThe Example ICT Cluster was founded on 5 May 2012 in Sofia, Bulgaria. "
    "It brings together 40 members, of which 30 SMEs. Dr. Maria Petrova, Cluster Manager, said the cluster "
    "joined the European Cluster Collaboration Platform and runs the DIGI-BRIDGE project (2020-2023) "
    "with the Vojvodina ICT Cluster. Sectors: ICT, software.\n"
).encode()


def warm_up(nlp=None) -> None:
    """Run one small page through the pipeline so the gazetteer, name lists and date parser are loaded.
    A failure here is left for the inputs to report, each with its own error."""
    try:
        process_bytes(_WARM_UP_PAGE, doc_id="warm-up", path="warm-up.txt", nlp=nlp)
    except Exception:  # noqa: BLE001
        pass


def _input_warnings(page: ingest.Page, language: str | None) -> list[str]:
    warnings = []
    if "replaced" in page.encoding:
        warnings.append(f"decoded as {page.encoding}: some bytes could not be read")
    elif not page.encoding.startswith("utf"):
        warnings.append(f"decoded as {page.encoding} (no encoding declared)")
    if language is None:
        warnings.append(f"language not recognised; extractors cover {', '.join(sorted(COVERED_LANGUAGES))}")
    elif language not in COVERED_LANGUAGES:
        warnings.append(f"language '{language}' is not covered by the extractors' phrase tables "
                        f"({', '.join(sorted(COVERED_LANGUAGES))}); fields may be missing")
    return warnings
