"""Listed topics: sectors, technology fields, S3 priority areas, emerging industries, services.

Only values listed under such a label or heading count (contract 3.5), one item per listed
value. Sources, in order: form fields with those keys (`doc.fields`), Markdown/HTML headings
with those names followed by a list, and lists under an unknown label whose every item is a
term of one ECCP taxonomy (`data/topics.toml`). A line holding several items ("Sectors: A,
B; C") is split, but never inside brackets or inside a taxonomy term that has a comma.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from ..document import Document, Extraction, FormField, Line, Span
from ..sections import is_placeholder, match_label

TOPIC_KEYS = ("sectors", "technology_fields", "s3_priority_areas", "emerging_industries", "services")
# Taxonomies distinctive enough to recognise an unlabelled list by its items alone.
_RECOGNISABLE = ("sectors", "technology_fields", "emerging_industries")

_MAX_ITEM = 200  # a longer "item" is prose
_MAX_LIST_LINE = 150  # a longer line under a heading ends the list
_SEPARATOR = re.compile(r"[;|,•·]")
_TRIM = " \t\u00a0.,;:|•·-–—*\"'“”„«»"
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-ZА-Я]")
_MIN_SENTENCE_WORDS = 8  # a line ending in "." with this many words is a sentence
_ETC = re.compile(r"(?i)^(?:etc\.?|and so on|and others|u\.a\.|и др\.?)$")


def norm(text: str) -> str:
    """Comparison form of a term: NFKC, casefold, '&' as 'and', single spaces, no edge punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:-–—\"'“”()")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, frozenset[str]]:
    """Normalised ECCP taxonomy terms per topic key."""
    with resources.files("profile_extract.data").joinpath("topics.toml").open("rb") as fh:
        data = tomllib.load(fh)["vocabulary"]
    return {key: frozenset(norm(term) for term in terms) for key, terms in data.items()}


@lru_cache(maxsize=1)
def _all_terms() -> frozenset[str]:
    return frozenset().union(*vocabulary().values())


def taxonomies_of(text: str) -> set[str]:
    """The topic keys whose taxonomy contains `text` as a term."""
    n = norm(text)
    return {key for key, terms in vocabulary().items() if n in terms}


def split_items(text: str) -> list[tuple[int, int]]:
    """(start, end) of each listed item in one value line.

    Splits on ; | • and on commas outside brackets; pieces are joined back when together
    they form a taxonomy term, and a lower-case piece after a comma continues the previous
    item when the other items are capitalised ("Training, coaching and mentoring").
    """
    if norm(text) in _all_terms():
        return _trimmed(text, [(0, len(text))])
    pieces: list[tuple[int, int, str]] = []  # (start, end, separator before)
    depth, start, sep = 0, 0, ""
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif depth == 0 and _SEPARATOR.match(ch):
            pieces.append((start, i, sep))
            start, sep = i + 1, ch
    pieces.append((start, len(text), sep))
    pieces = [(s, e, sp) for s, e, sp in _trim_pieces(text, pieces) if not _ETC.match(text[s:e])]
    if len(pieces) <= 1:
        return [(s, e) for s, e, _ in pieces]
    capitalised = sum(1 for s, _, _ in pieces if text[s:s + 1].isupper())
    items: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        end = _longest_term(text, pieces, i)
        s, e, sp = pieces[i]
        e = pieces[end][1]
        continues = sp == "," and text[s:s + 1].islower() and capitalised > 0 and items
        if end == i and continues:
            items[-1] = (items[-1][0], e)
        else:
            items.append((s, e))
        i = end + 1
    return items


def _longest_term(text: str, pieces, i: int) -> int:
    """Index of the last piece such that pieces i..that one form one taxonomy term (i if none)."""
    terms = _all_terms()
    for j in range(min(len(pieces) - 1, i + 4), i, -1):
        if norm(text[pieces[i][0]:pieces[j][1]]) in terms:
            return j
    return i


def _trim_pieces(text: str, pieces) -> Iterable[tuple[int, int, str]]:
    for s, e, sp in pieces:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip(_TRIM))
        stripped = piece.strip(_TRIM)
        if stripped.endswith(")") or stripped.endswith("etc"):
            stripped = piece.lstrip(_TRIM).rstrip(" \t\u00a0,;:|")  # keep "(... etc.)"
        if stripped:
            yield s + lead, s + lead + len(stripped), sp


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in _trim_pieces(text, [(s, e, "") for s, e in spans])]


class _Collector:
    """Items per key with evidence, deduplicated, each source line used once."""

    def __init__(self) -> None:
        self.result = Extraction()
        self.seen: dict[str, set[str]] = {key: set() for key in TOPIC_KEYS}
        self.used_lines: set[int] = set()

    def add_line(self, key: str, line: Line) -> None:
        self.used_lines.add(line.index)
        if is_prose(line) or is_intro(line):
            return
        for s, e in split_items(line.text):
            self.add(key, line.text[s:e], (line.start + s, line.start + e))

    def add(self, key: str, value: str, span: Span) -> None:
        n = norm(value)
        if not n or len(value) > _MAX_ITEM or n in self.seen[key] or _is_not_a_value(value):
            return
        self.seen[key].add(n)
        self.result.append(key, value, span)


def is_prose(line: Line) -> bool:
    """A sentence written under a heading ("We offer our members a wide range of ..."), not a listed item."""
    text = line.text
    if line.bullet or norm(text) in _all_terms():
        return False
    return bool(_SENTENCE_INSIDE.search(text)) or (text.rstrip()[-1:] in ".!?" and len(text.split()) >= _MIN_SENTENCE_WORDS)


def is_intro(line: Line) -> bool:
    """A line that announces the list below it ("We provide our members with:")."""
    return not line.bullet and line.text.rstrip().endswith(":") and len(line.text.split()) >= 3


def _is_not_a_value(value: str) -> bool:
    return is_placeholder(value) or value.rstrip().endswith(":") or match_label(value) is not None


def extract(doc: Document, found: dict[str, Any]) -> Extraction:
    out = _Collector()
    label_lines = {_line_index(doc, f.label_span[0]) for f in doc.fields}
    for field in _with_introduced_values(doc):
        if field.key in TOPIC_KEYS:
            for line in field.values:
                out.add_line(field.key, line)
                _add_pipe_segments(doc, out, field.key, line)
    for title, lines in _headed_lists(doc, label_lines):
        spec = match_label(title.text)
        if spec is not None and spec.key in TOPIC_KEYS:
            for line in lines:
                if line.index not in out.used_lines:
                    out.add_line(spec.key, line)
    for field in doc.fields:
        if field.key is None:
            _recognise_block(out, field.values)
    for title, lines in _headed_lists(doc, label_lines):
        if match_label(title.text) is None:
            _recognise_block(out, lines)
    return out.result


def _with_introduced_values(doc: Document) -> list[FormField]:
    """Form fields, where a topic label without values takes the items announced by the line right
    under it ("Our services" / "We provide our members with:" / items)."""
    fields = list(doc.fields)
    for i, field in enumerate(fields[:-1]):
        nxt = fields[i + 1]
        if field.key in TOPIC_KEYS and not field.values and nxt.key is None and _announces(doc, field, nxt):
            fields[i] = FormField(field.label, field.label_span, field.key, field.type, nxt.values)
            fields[i + 1] = FormField(nxt.label, nxt.label_span, None, nxt.type, [])
    return fields


def _announces(doc: Document, field: FormField, nxt: FormField) -> bool:
    a, b = doc.line_at(field.label_span[0]), doc.line_at(nxt.label_span[0])
    if a is None or b is None or b.index - a.index > 2:
        return False
    return is_intro(Line(b.index, b.start, b.end, b.text))


def _add_pipe_segments(doc: Document, out: _Collector, key: str, value: Line) -> None:
    """"Sectors: A | B | C": the splitter keeps only "A" as the inline value; B and C follow it."""
    line = doc.line_at(value.start)
    end = value.end
    while line is not None and doc.text.startswith(" | ", end) and end < line.end:
        start = end + 3
        nxt = doc.text.find(" | ", start, line.end)
        end = line.end if nxt == -1 else nxt
        segment = doc.text[start:end]
        if ":" in segment:
            return  # the next "Label: value" pair of the line
        out.add(key, segment.strip(), (start, end))


def _line_index(doc: Document, offset: int) -> int | None:
    line = doc.line_at(offset)
    return line.index if line else None


def _headed_lists(doc: Document, label_lines: set[int | None]) -> Iterable[tuple[Line, list[Line]]]:
    """(heading, the list lines right under it) for every section with a heading title."""
    for section in doc.sections:
        title = section.title
        if title is None or title.index in label_lines and title.kind != "heading":
            continue
        items: list[Line] = []
        for i, line in enumerate(section.lines):
            if i == 0 and is_intro(line):
                continue
            if line.index in label_lines or not _list_like(line):
                break
            if items and items[-1].bullet and not line.bullet:
                break  # "• Quality certification support" then "Key people": the bulleted list has ended
            items.append(line)
        if items:
            yield title, items


def _list_like(line: Line) -> bool:
    text = line.text
    if len(text) > _MAX_LIST_LINE:
        return False
    return line.bullet or not re.search(r"[.!?]\s+\S", text)


def _recognise_block(out: _Collector, lines: list[Line]) -> None:
    """A list of >= 2 lines under an unknown label or heading whose items are all terms of one taxonomy."""
    lines = [line for line in lines if line.index not in out.used_lines]
    if len(lines) < 2:
        return
    common: set[str] | None = None
    for line in lines:
        keys = taxonomies_of(line.text) & set(_RECOGNISABLE)
        common = keys if common is None else common & keys
        if not common:
            return
    if common and len(common) == 1:
        key = next(iter(common))
        for line in lines:
            out.add_line(key, line)
