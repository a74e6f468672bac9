"""Property tests: whatever the input, the only exception is InputError and every record is valid.

Random text, random nested HTML, random bytes and mutated real profiles go through
`pipeline.process_bytes` and through each stage and each extractor on its own.
"""
from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_extract import clean, entities, extractors, ingest, pipeline, sections
from profile_extract.document import Document
from profile_extract.record import Record

ROOT = Path(__file__).resolve().parent.parent
RAW = sorted((ROOT / "raw").glob("*.txt"))
PROFILES = [p.read_text(encoding="utf-8") for p in RAW]

# PROFILE_FUZZ_EXAMPLES=500 explores more (and randomly); the default keeps the file under a minute
_EXAMPLES = int(os.environ.get("PROFILE_FUZZ_EXAMPLES", "0"))


def fuzz(examples: int):
    return settings(
        max_examples=_EXAMPLES or examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=not _EXAMPLES,  # reproducible in CI; failing inputs are printed by hypothesis
    )

# --------------------------------------------------------------------------- checks


def check_result(result: pipeline.Result) -> None:
    record, text = result.record, result.text
    again = Record.model_validate(record.model_dump())
    assert again == record
    assert record.source.chars == len(text)
    for pointer, (start, end) in record.evidence.items():
        assert 0 <= start <= end <= len(text), (pointer, start, end, len(text))
    for entity in record.entities:
        assert 0 <= entity.start <= entity.end <= len(text), entity
        assert text[entity.start:entity.end] == entity.text, entity  # the mention as written


def run_pipeline(raw: bytes, path: str) -> None:
    try:
        result = pipeline.process_bytes(raw, doc_id="fuzz", path=path)
    except ingest.InputError as exc:
        assert exc.reason and exc.code in ingest.CODES
        return
    check_result(result)


def check_document(doc: Document) -> None:
    n = len(doc.text)
    for line in doc.lines:
        assert 0 <= line.start <= line.end <= n
        assert doc.text[line.start:line.end] == line.text
    for f in doc.fields:
        assert 0 <= f.label_span[0] <= f.label_span[1] <= n
        for value in f.values:
            assert 0 <= value.start <= value.end <= n
    for section in doc.sections:
        start, end = section.span
        assert 0 <= start <= end <= n
    for mention in doc.mentions:
        assert 0 <= mention.start <= mention.end <= n


def run_stages(raw: bytes, path: str) -> None:
    """Each stage by itself, then each extractor by itself, so a failure names its module."""
    try:
        page = ingest.decode(raw, path)
        cleaned = clean.clean(page)
    except ingest.InputError as exc:
        assert exc.code in ingest.CODES
        return
    assert page.format in ("text", "markdown", "html")
    assert "\r" not in page.text
    lines = cleaned.text.split("\n")
    for number, level in cleaned.headings.items():
        assert 0 <= number < len(lines) and 1 <= level <= 6 and lines[number].strip()
    assert "\n\n\n" not in cleaned.text and cleaned.text == cleaned.text.strip("\n")
    assert all(line == line.strip() for line in lines)
    language = ingest.detect_language(cleaned.text)
    assert language is None or (len(language) == 2 and language.islower())
    doc = sections.split(cleaned, doc_id="fuzz", format=page.format)
    doc.language = language
    check_document(doc)
    entities.recognise(doc, entities.default_nlp())
    check_document(doc)
    found: dict = {}
    for module in extractors.EXTRACTORS:
        part = module.extract(doc, found)
        n = len(doc.text)
        for pointer, (start, end) in part.evidence.items():
            assert 0 <= start <= end <= n, (module.__name__, pointer, start, end, n)
        extractors._merge(found, part.values)


def run_both(raw: bytes, path: str) -> None:
    run_stages(raw, path)
    run_pipeline(raw, path)


# --------------------------------------------------------------------------- strategies

_TEXT_ALPHABET = st.characters(blacklist_categories=("Cs",))
WORDS = st.sampled_from(
    [
        "Cluster", "ICT", "Plovdiv", "Bulgaria", "founded", "2012", "members", "80", "Total number of members:",
        "Sectoral Industries:", "Technology fields:", "•", "-", "1.", "Home > News", "Share", "Primary tabs",
        "Printer-friendly version", "61% completed", "Клъстер", "създаден", "през", "2016", "октомври",
        "GIVE", "COSME", "Project", "partners", "Anna Naydenova", "Cluster Manager", "10 October 2012",
        ":", "|", "\n", "\n\n", " ", "  ", "\t", "(", ")", "“", "”", "–", "e. V.", "Sofia", "Ltd.",
    ]
)
profile_like_text = st.lists(st.one_of(WORDS, st.text(_TEXT_ALPHABET, max_size=12)), max_size=120).map(" ".join)

TAGS = ["div", "p", "span", "h1", "h2", "h3", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th",
        "a", "b", "em", "br", "nav", "script", "style", "section", "pre", "form", "button", "header", "footer"]
ATTRS = ["", ' class="menu"', ' class="content"', ' id="cookie-banner"', ' role="navigation"', " hidden",
         ' class="share-buttons"', ' aria-hidden="true"', ' style="display:none"', ' class="breadcrumb"']
html_leaf = st.one_of(WORDS, st.text(_TEXT_ALPHABET, max_size=20), st.just("&nbsp;"), st.just("<br>"), st.just("<!-- c -->"))


def _element(children):
    return st.tuples(st.sampled_from(TAGS), st.sampled_from(ATTRS), st.lists(children, max_size=5), st.booleans()).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else "")
    )


random_html = st.recursive(html_leaf, _element, max_leaves=60).map(lambda body: f"<html><body>{body}</body></html>")


@st.composite
def mutated_profile(draw):
    lines = PROFILES[draw(st.integers(0, len(PROFILES) - 1))].split("\n")
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate", "splice"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, draw(st.text(_TEXT_ALPHABET, max_size=40)))
        elif op == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, max(0, len(lines[i]))))]
        else:
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(st.text(_TEXT_ALPHABET, max_size=10)) + lines[i][pos:]
    return "\n".join(lines)


# --------------------------------------------------------------------------- properties


@fuzz(25)
@given(text=st.text(_TEXT_ALPHABET, max_size=1500), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_text(text, suffix):
    run_both(text.encode("utf-8"), "fuzz" + suffix)


@fuzz(25)
@given(text=profile_like_text)
def test_profile_like_text(text):
    run_both(text.encode("utf-8"), "fuzz.txt")


@fuzz(30)
@given(page=random_html)
def test_random_html(page):
    run_both(page.encode("utf-8"), "fuzz.html")


@fuzz(30)
@given(raw=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html"]))
def test_random_bytes(raw, suffix):
    run_both(raw, "fuzz" + suffix)


@fuzz(12)
@given(text=mutated_profile(), encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_mutated_profiles(text, encoding):
    run_both(text.encode(encoding, errors="replace"), "fuzz.txt")


@fuzz(6)
@given(text=mutated_profile())
def test_mutated_profiles_as_markdown_and_html(text):
    run_both(text.encode("utf-8"), "fuzz.md")
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</body></html>"
    run_both(html.encode("utf-8"), "fuzz.html")


def test_every_raw_profile_through_every_stage():
    for path in RAW:
        run_both(path.read_bytes(), str(path))
