"""The data that flows between stages: cleaned text, its lines, form fields and sections.

Every span is a `(start, end)` pair of character offsets into `Document.text`, the
cleaned text that is saved beside each record, so evidence can always be checked.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator

Span = tuple[int, int]


@dataclass(slots=True)
class Line:
    """One non-blank line of the cleaned text; `text == doc.text[start:end]`.

    A leading bullet marker ("•", "-", "*", "1.") is outside the span and flagged.
    """

    index: int
    start: int
    end: int
    text: str
    kind: str = "text"  # "text" | "heading"
    level: int = 0  # heading level when known (Markdown / HTML), else 0
    bullet: bool = False

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    def cells(self, separator: str = "|") -> list[tuple[str, Span]]:
        """The cells of a table row ("a | b | c"): each one's text without its spaces, and where it stands."""
        out, position = [], self.start
        for piece in self.text.split(separator):
            text = piece.strip()
            start = position + len(piece) - len(piece.lstrip())
            out.append((text, (start, start + len(text))))
            position += len(piece) + len(separator)
        return out


@dataclass(slots=True)
class FormField:
    """A `Label:` of a form-style profile and the value lines under it (possibly none)."""

    label: str
    label_span: Span
    key: str | None  # canonical key from the label table, None for unknown labels
    type: str  # expected value type: "date", "count", "list", "text", "place"
    values: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Section:
    """A run of lines under a heading (Markdown/HTML heading, plain-text title, or news date line)."""

    title: Line | None
    lines: list[Line]
    level: int = 0
    dateline: Line | None = None  # a news item's publication-date line, when it starts with one

    @property
    def span(self) -> Span:
        first = self.title or (self.lines[0] if self.lines else None)
        last = self.lines[-1] if self.lines else self.title
        if first is None or last is None:
            return (0, 0)
        return (first.start, last.end)


@dataclass(slots=True)
class Mention:
    """A named-entity mention found by entity recognition."""

    text: str
    label: str  # ORG | PERSON | GPE
    start: int
    end: int


@dataclass
class Document:
    """A cleaned profile page with its structure; what every extractor reads."""

    id: str
    text: str
    format: str = "text"
    language: str | None = None
    lines: list[Line] = field(default_factory=list)
    fields: list[FormField] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    spacy_doc: Any = None

    def fields_for(self, key: str) -> list[FormField]:
        return [f for f in self.fields if f.key == key]

    def mentions_of(self, label: str) -> list[Mention]:
        return [m for m in self.mentions if m.label == label]

    def line_at(self, offset: int) -> Line | None:
        """The line holding `offset` (lines are in text order and don't overlap)."""
        k = bisect_right(self._line_starts, offset) - 1
        if k >= 0 and offset < self.lines[k].end:
            return self.lines[k]
        return None

    def heading_at(self, offset: int) -> Line | None:
        """The title of the section holding `offset`, if it has one."""
        return next((s.title for s in self.sections if s.title and s.span[0] <= offset < s.span[1]), None)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    @cached_property
    def lower(self) -> str:
        """`text.lower()`, computed once for every extractor's keyword pre-filters."""
        return self.text.lower()

    def paragraphs(self) -> Iterator[Line]:
        """Lines that read as running prose (long enough to hold a sentence)."""
        return (line for line in self.lines if len(line.text) >= 40)


@dataclass
class Extraction:
    """What one extractor found: record values, their evidence spans and warnings.

    Keys of `values` are top-level record keys; evidence keys are JSON pointers.
    """

    values: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, Span] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def set(self, key: str, value: Any, span: Span | None) -> None:
        """Set a scalar (`key` may be a pointer like "members/total")."""
        parts = key.strip("/").split("/")
        target = self.values
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value
        if span is not None and value is not None:
            self.evidence["/" + "/".join(parts)] = span

    def append(self, key: str, value: Any, spans: Span | dict[str, Span] | None) -> int:
        """Append an item to a list field; `spans` is one span, or one per sub-key of an object."""
        items = self.values.setdefault(key, [])
        index = len(items)
        items.append(value)
        if isinstance(spans, dict):
            for sub, span in spans.items():
                if span is not None:
                    self.evidence[f"/{key}/{index}/{sub}"] = span
        elif spans is not None:
            self.evidence[f"/{key}/{index}"] = spans
        return index
