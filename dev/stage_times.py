"""Dev helper for speed work: milliseconds per document spent in each stage and extractor.

    python dev/stage_times.py [FOLDER] [--docs 300]

Runs the pipeline in this process over FOLDER (default: a generated corpus of varied pages,
benchmarks/throughput.py's builder) and prints each stage's cost per document, also as a
multiple of a bare spacy.blank("en") tokenizer pass over the same cleaned texts: the unit
the benchmark's target is set in, and one that cancels out a busy machine.
"""
from __future__ import annotations

import argparse
import collections
import functools
import sys
import tempfile
import time
from pathlib import Path

import spacy

from profile_extract import clean, entities, extractors, ingest, pipeline, sections

ROOT = Path(__file__).resolve().parent.parent
SPENT: collections.Counter[str] = collections.Counter()


def timed(module, name: str, label: str) -> None:
    """Replace module.name with a wrapper that adds its time to SPENT[label]."""
    inner = getattr(module, name)

    @functools.wraps(inner)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - started

    setattr(module, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--docs", type=int, default=300, help="size of the generated corpus (default 300)")
    args = parser.parse_args()
    folder = args.folder
    if folder is None:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import throughput

        folder = Path(tempfile.mkdtemp(prefix="pe-stages-"))
        throughput.build_corpus(folder, args.docs)
    for module, name, label in ((ingest, "decode", "ingest"), (clean, "clean", "clean"), (sections, "split", "sections"),
                                (ingest, "detect_language", "language"), (entities, "recognise", "entities"),
                                (pipeline, "assemble", "assemble")):
        timed(module, name, label)
    for module in extractors.EXTRACTORS:
        timed(module, "extract", "extract." + module.__name__.rsplit(".", 1)[-1])
    nlp = entities.default_nlp()
    inputs = [(p.stem, p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file()]
    for doc_id, raw in inputs[:20]:  # warm caches and lazy tables
        pipeline.process_bytes(raw, doc_id=doc_id, path=doc_id, nlp=nlp)
    SPENT.clear()
    started = time.perf_counter()
    texts = [pipeline.process_bytes(raw, doc_id=doc_id, path=doc_id, nlp=nlp).text for doc_id, raw in inputs]
    total = time.perf_counter() - started
    blank = spacy.blank("en")
    started = time.perf_counter()
    for text in texts:
        blank(text)
    tokenizer = time.perf_counter() - started
    per_doc = 1000 / len(inputs)
    print(f"{len(inputs)} docs: pipeline {total * per_doc:.2f} ms/doc, bare tokenizer {tokenizer * per_doc:.2f} ms/doc, "
          f"ratio {tokenizer / total:.3f}")
    for label, seconds in SPENT.most_common():
        print(f"  {label:<22}{seconds * per_doc:8.2f} ms/doc {seconds / tokenizer:7.2f}x tokenizer")


if __name__ == "__main__":
    main()
