"""Run time must grow linearly with input size, in every stage and every extractor, and no
regular expression may backtrack catastrophically.

Times are compared as time per character against a small input measured in the same test
(best of 3, `time.perf_counter`), with a generous factor, so a loaded machine does not fail
the test but an O(n^2) stage does. Sizes can be changed with PROFILE_PATHOLOGICAL_BYTES
(the big page, default ~2 MB) and PROFILE_STAGE_BYTES (the per-stage page, default 512 KB).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from profile_extract import clean, entities, extractors, ingest, pipeline, sections
from profile_extract.assemble import assemble
from profile_extract.document import Extraction

ROOT = Path(__file__).resolve().parent.parent
PROFILE = (ROOT / "raw" / "000_4d6f58c2a0769340.txt").read_bytes()
FACTOR = 5.0  # allowed growth of the time per character
BIG_BYTES = int(os.environ.get("PROFILE_PATHOLOGICAL_BYTES", 2 * 1024 * 1024))
STAGE_BYTES = int(os.environ.get("PROFILE_STAGE_BYTES", 512 * 1024))
PROBE_SECONDS = 10.0  # "a few seconds" with room for a busy CI machine


def repeated(raw: bytes, size: int) -> bytes:
    unit = raw.rstrip(b"\n") + b"\n\n"
    return unit * max(1, size // len(unit))


def best_of(fn, n: int = 3) -> float:
    best = float("inf")
    for _ in range(n):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def process(raw: bytes, path: str = "page.txt"):
    return pipeline.process_bytes(raw, doc_id="p", path=path)


@pytest.fixture(scope="module", autouse=True)
def warm_up():
    process(PROFILE)  # load models and compile patterns outside the timings


def per_char_ratio(small: bytes, big: bytes, path: str = "page.txt") -> tuple[float, float, float]:
    """(ratio, small seconds, big seconds); the big input is re-timed (up to 3 runs) only if it looks slow."""
    small_time = best_of(lambda: process(small, path))
    allowed = FACTOR * small_time / len(small) * len(big)
    big_time = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        process(big, path)
        big_time = min(big_time, time.perf_counter() - start)
        if big_time <= allowed:
            break
    return (big_time / len(big)) / (small_time / len(small)), small_time, big_time


def test_whole_pipeline_is_linear_on_a_2mb_page():
    big = repeated(PROFILE, BIG_BYTES)
    ratio, small_time, big_time = per_char_ratio(PROFILE, big)
    assert ratio <= FACTOR, f"{len(big)} bytes took {big_time:.1f}s vs {small_time:.3f}s for {len(PROFILE)}: {ratio:.1f}x per char"


def test_50000_line_form_is_linear():
    small = b"Label:\nvalue\n" * 1_000
    big = b"Label:\nvalue\n" * 50_000
    ratio, small_time, big_time = per_char_ratio(small, big)
    assert ratio <= FACTOR, f"50,000-line form took {big_time:.1f}s vs {small_time:.3f}s for 1,000 lines: {ratio:.1f}x per char"


def stage_times(raw: bytes, path: str = "page.txt") -> dict[str, float]:
    """Seconds per stage and per extractor, in the order pipeline.process_bytes runs them."""
    times: dict[str, float] = {}

    def timed(name, fn):
        start = time.perf_counter()
        value = fn()
        times[name] = time.perf_counter() - start
        return value

    page = timed("ingest.decode", lambda: ingest.decode(raw, path))
    cleaned = timed("clean", lambda: clean.clean(page))
    doc = timed("sections.split", lambda: sections.split(cleaned, doc_id="p", format=page.format))
    doc.language = timed("ingest.detect_language", lambda: ingest.detect_language(doc.text))
    nlp = entities.default_nlp()
    timed("entities.recognise", lambda: entities.recognise(doc, nlp))
    merged_values: dict = {}
    evidence: dict = {}
    warnings: list = []
    for module in extractors.EXTRACTORS:
        part = timed(module.__name__, lambda module=module: module.extract(doc, merged_values))
        extractors._merge(merged_values, part.values)
        evidence.update(part.evidence)
        warnings.extend(part.warnings)
    merged = Extraction(values=merged_values, evidence=evidence, warnings=warnings)
    source = {"path": path, "sha256": "0" * 64, "format": page.format, "language": doc.language, "chars": len(doc.text)}
    timed("assemble", lambda: assemble(doc, merged, source=source))
    return times


def test_every_stage_and_extractor_is_linear():
    small, big = PROFILE, repeated(PROFILE, STAGE_BYTES)
    small_times: dict[str, float] = {}
    for _ in range(3):
        for name, seconds in stage_times(small).items():
            small_times[name] = min(seconds, small_times.get(name, float("inf")))
    big_times = stage_times(big)
    scale = len(big) / len(small)
    slow = {
        name: f"{seconds:.2f}s (small {small_times[name] * 1000:.1f}ms, {seconds / max(small_times[name], 1e-9) / scale:.1f}x per char)"
        for name, seconds in big_times.items()
        # 1 s of slack: stages that take microseconds on the small page cannot be timed precisely
        if seconds > FACTOR * small_times[name] * scale + 1.0
    }
    assert not slow, f"superlinear on {len(big)} bytes: {slow}"


PROBES = {
    "spaces": b"x" + b" " * 100_000 + b"y",
    "tabs and nbsp": ("a" + "\t\u00a0 " * 40_000 + "b").encode(),
    "dots": b"Cluster " + b"." * 100_000,
    "dashes": b"Cluster " + b"-" * 100_000,
    "capitals": b"A" * 100_000,
    "capital words": b"ABC DEF " * 12_500,
    "digits": b"1" * 100_000,
    "digit groups": b"12 345.678,9 " * 8_000,
    "a": b"a" * 100_000,
    "initials": b"A. " * 30_000,
    "inline labels": b"Label: " * 15_000,
    "numbered": b"1. " * 30_000,
    "colons": b":" * 100_000 + b" x",
    "quotes": "“".encode() * 50_000 + b"x",
    "brackets": b"(" * 50_000 + b"x" + b")" * 10,
    "one long line of words": b"cluster members founded " * 4_000,
    "dates": b"10 October 2012 - " * 5_000,
    "html deep": b"<div>" * 10_000 + b"x" + b"</div>" * 10_000,
    "html unclosed": b"<b><i>" * 5_000 + b"text",
    "html many attributes": b"<p " + b'a="1" ' * 20_000 + b">x</p>",
    "markdown emphasis": b"# T\n\n" + b"**a" * 30_000,
    "markdown links": b"# T\n\n" + b"[a](" * 30_000,
    "markdown table": b"# T\n\n| a | b |\n|---|---|\n" + b"| x | y |\n" * 10_000,
}


@pytest.mark.parametrize("name", sorted(PROBES))
def test_regex_probes_finish_quickly(name):
    raw = PROBES[name]
    path = "probe.html" if raw.startswith(b"<") else ("probe.md" if raw.startswith(b"# ") else "probe.txt")
    start = time.perf_counter()
    try:
        process(raw, path)
    except ingest.InputError:
        pass
    elapsed = time.perf_counter() - start
    assert elapsed < PROBE_SECONDS, f"{name}: {elapsed:.1f}s"
