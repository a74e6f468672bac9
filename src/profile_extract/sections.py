"""Stage 3, section splitting: lines, form fields and sections of a cleaned page.

Form-style profiles ("Label:" then a value on the same or the next lines, labels whose
value is empty), Markdown/HTML headings, plain-text titles, news feeds whose items start
with a date line, and bulleted lists all become the same few structures (see document.py).
Which label means which record key is data (`data/labels.toml`), not code.
"""
from __future__ import annotations

import itertools
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .clean import Cleaned
from .dates import find_dates
from .document import Document, FormField, Line, Section

_BULLET = re.compile(r"^(?:[•·▪◦‣●○■□►▸➢✓✔\-–—*]|\(?\d{1,2}[.)]|[a-z][.)])\s+")
_INLINE_LABEL = re.compile(r"^(?P<label>[^:|]{1,80}?)\s*:\s*(?P<value>\S.*)$")
_LABEL_LINE = re.compile(r"^(?P<label>[^:]{1,150}?)\s*\??\s*:\s*$")
_COUNT_VALUE = re.compile(
    r"^(?:(?:over|more than|about|approx\.?|approximately|around|nearly|almost|над|около|повече от)\s+)?"
    r"\d[\d\s.,']*\+?(?:\s+[^\W\d_]+){0,3}\.?(?:\s*\([^()]*\))?$",  # "42 (35 SMEs, 2 large)"
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.,;:!?]$")
_MAX_FORM_VALUE = 300  # a longer "value" is prose, not a form entry


@dataclass(frozen=True, slots=True)
class LabelSpec:
    key: str
    type: str
    regex: re.Pattern


def _data(name: str) -> dict:
    with resources.files("profile_extract.data").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def label_specs() -> tuple[LabelSpec, ...]:
    return tuple(
        LabelSpec(entry["key"], entry["type"], re.compile("(?:" + "|".join(entry["patterns"]) + ")"))
        for entry in _data("labels.toml")["label"]
    )


@lru_cache(maxsize=1)
def _headings() -> tuple[frozenset[str], frozenset[str]]:
    data = _data("headings.toml")
    return frozenset(data["headings"]), frozenset(data["placeholders"])


_SPACES = re.compile(r"[\s_]+")
_LONGEST_HEADING = 80  # no template heading or placeholder is longer; skip normalising long lines


@lru_cache(maxsize=16384)
def normalise_label(label: str) -> str:
    label = label.casefold().replace("’", "'").replace("&", " and ")
    return _SPACES.sub(" ", label).strip(" ?¿!¡:*.\t-–")


@lru_cache(maxsize=4096)
def match_label(label: str) -> LabelSpec | None:
    """The label table entry a form label belongs to, or None for an unknown label."""
    norm = normalise_label(label)
    if not norm or len(norm) > 160:
        return None
    bare = _BREAKDOWN_LEAD.sub("", _BRACKETED.sub("", norm)).strip()
    for candidate in dict.fromkeys((norm, _BREAKDOWN_LEAD.sub("", norm), bare, _OWN_TAIL.sub("", bare))):
        for spec in label_specs():
            if spec.regex.fullmatch(candidate):
                return spec
    # "Our sectors", "Services what we provide for members", "Sectors we work in": a topic list's label
    # with a possessive before it or a clause after it
    plain = _POSSESSIVE_LEAD.sub("", bare)
    head = _CLAUSE_AFTER_HEAD.match(plain)
    for candidate in dict.fromkeys(c for c in (plain, head and head.group(1)) if c and c != bare):
        spec = next((spec for spec in label_specs() if spec.key in _TOPIC_KEYS and spec.regex.fullmatch(candidate)), None)
        if spec is not None:
            return spec
    return None



# "Fecha de constitución de la organización del clúster", "Data di costituzione del cluster": the label without
# the words naming the profiled organisation, in the languages of the translated platform forms
_OWN_TAIL = re.compile(
    r" (?:(?:of )?the cluster(?: organi[sz]ation)?|(?:de la organización |de l'organització )?del clúster|de la organización"
    r"|(?:dell'organizzazione )?del cluster|dell'organizzazione|(?:de l'organisation )?du (?:cluster|pôle)|de l'organisation"
    r"|(?:da organização )?do cluster|da organização|(?:organizației )?clusterului)$"
)
_POSSESSIVE_LEAD = re.compile(r"^(?:our|the|its|their|main|key|core)\s+")  # "Our sectors"
_CLAUSE_AFTER_HEAD = re.compile(r"^(\w+(?: \w+)??) (?:what|which|that|we|where|in which)\b")


_BRACKETED = re.compile(r"\s*\([^()]*\)")  # "Other members (municipalities, chambers)": the label without its gloss
# "of which SMEs:", "от тях малки и средни предприятия:": a breakdown line under a total is still its label
_BREAKDOWN_LEAD = re.compile(r"^(?:of which|of them|of these|among these|thereof|including|incl\.?|among them|от тях|в т\.? ?ч\.?|"
                             r"davon|dont|din care|od toga|od tega|z toho|w tym)\s*[:,-]?\s*")


def is_placeholder(value: str) -> bool:
    if len(value) > _LONGEST_HEADING:
        return False
    return normalise_label(value) in _headings()[1] or value.strip() in _headings()[1]


def is_known_heading(text: str) -> bool:
    return len(text) <= _LONGEST_HEADING and normalise_label(text) in _headings()[0]


def split(cleaned: Cleaned, *, doc_id: str, format: str = "text") -> Document:
    doc = Document(id=doc_id, text=cleaned.text, format=format)
    doc.lines = _lines(cleaned)
    doc.fields = _form_fields(doc)
    doc.sections = _sections(doc)
    return doc


def _lines(cleaned: Cleaned) -> list[Line]:
    lines: list[Line] = []
    offset = 0
    for number, raw in enumerate(cleaned.text.split("\n")):
        start, end = offset, offset + len(raw)
        offset = end + 1
        stripped = raw.strip()
        if not stripped:
            continue
        start += len(raw) - len(raw.lstrip())
        end -= len(raw) - len(raw.rstrip())
        bullet = _BULLET.match(stripped)
        if bullet and len(stripped) > bullet.end():
            start += bullet.end()
            stripped = stripped[bullet.end():]
        level = cleaned.headings.get(number, 0)
        lines.append(
            Line(number, start, end, stripped, kind="heading" if level else "text", level=level, bullet=bool(bullet))
        )
    return lines


def _gap_before(lines: list[Line], i: int) -> bool:
    return i == 0 or lines[i].index - lines[i - 1].index > 1


def _sub_line(line: Line, rel_start: int, rel_end: int) -> Line:
    """A part of a line (an inline value) as a line of its own, stripped."""
    piece = line.text[rel_start:rel_end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    start = line.start + rel_start + lead
    return Line(line.index, start, start + len(piece), piece, bullet=line.bullet)


def _label_parts(line: Line) -> list[tuple[str, tuple[int, int], list[Line] | None]]:
    """(label, label span, inline values) for each `Label: value` pair a line holds; [] if none."""
    text = line.text
    row = _two_cell_row(line)
    if row:
        return row
    if ":" not in text:
        return _colonless_label(line)
    m = _LABEL_LINE.match(text)
    if m and not line.bullet and len(text) <= 160:
        label = m.group("label")
        return [(label, (line.start, line.start + len(label)), None)]
    pairs = []
    position = 0
    for segment in _FIELD_SEPARATOR.split(text):  # "Programme: X | Duration: Y", "Programme: X · Duration: Y"
        m = _INLINE_LABEL.match(segment)
        if m and _plausible_inline_label(m.group("label")):
            label = m.group("label")
            rel = position + m.start("value")
            values = [_sub_line(line, rel, position + len(segment))]
            pairs.append((label, (line.start + position, line.start + position + len(label)), values))
        elif pairs and segment.strip():
            pairs[-1][2].append(_sub_line(line, position, position + len(segment)))  # "Label: A | B | C"
        position += len(segment) + 3
    return pairs or _colonless_label(line)


_FIELD_SEPARATOR = re.compile(r" [|·•] ")  # three characters each: segment offsets advance by len + 3
_CAPS_HEADING = re.compile(r"[A-ZÀ-ÞА-Я][A-ZÀ-ÞА-Я&' -]{5,60}")  # "INTERNATIONAL", "FUNDED PROJECTS"
_TWO_CELLS = re.compile(r"^\|?[ \t]*(?P<label>[^|:\n]{2,60}?)[ \t]*\|[ \t]*(?P<value>[^|\n]{1,200}?)[ \t]*\|?[ \t]*$")


def _two_cell_row(line: Line) -> list[tuple[str, tuple[int, int], list[Line] | None]]:
    """ "| Date of registration | 23/09/2011 |", "Registered | 2016-05-12" (a tab or wide gap that cleaning made a
    bar): a two-column facts row whose first cell is a known label."""
    if "|" not in line.text:
        return []
    m = _TWO_CELLS.match(line.text) or _NUMBER_COLUMNS.match(line.text)
    if m is None or match_label(m.group("label")) is None or _YEAR_HEADER.fullmatch(line.text, m.end("label")):
        return []
    label_start = line.start + m.start("label")
    return [(m.group("label"), (label_start, label_start + len(m.group("label"))),
             [_sub_line(line, m.start("value"), m.end("value"))])]


_YEAR_HEADER = re.compile(r"(?:[ \t]*\|[ \t]*(?:19|20)\d\d){2,}[ \t]*\|?[ \t]*")  # "Membership | 2022 | 2023"
# "Total members | 71 | 78": a row of yearly figures; the last column is the latest year (tables run forward)
_NUMBER_COLUMNS = re.compile(
    r"^\|?[ \t]*(?P<label>[^|:\n\d]{2,60}?)[ \t]*(?:\|[ \t]*\d[\d,. ]*?[ \t]*)+\|[ \t]*(?P<value>\d[\d,.]*)[ \t]*\|?[ \t]*$"
)


def _colonless_label(line: Line) -> list[tuple[str, tuple[int, int], list[Line] | None]]:
    """A known label standing alone on its line without a colon ("Technology fields")."""
    text = line.text
    body = text.rstrip().rstrip("?")  # a question is a label too ("Which markets do you target?")
    if len(text) <= 80 and not line.bullet and not _SENTENCE_END.search(body) and match_label(text):
        return [(text, line.span, None)]
    return []


# lists a heading may label as a form label does (projects and people have their own readers)
_HEADING_LIST_KEYS = frozenset({"sectors", "technology_fields", "s3_priority_areas", "emerging_industries", "services",
                                "labels", "networks", "target_countries"})
_TOPIC_KEYS = _HEADING_LIST_KEYS - {"labels", "networks"}  # labels whose possessive or trailing clause may be dropped


def _list_heading_field(line: Line) -> FormField | None:
    spec = match_label(line.text) if line.kind == "heading" and len(line.text) <= 80 else None
    if spec is None or spec.key not in _HEADING_LIST_KEYS:
        return None
    return FormField(line.text, line.span, spec.key, spec.type)


def _plausible_inline_label(label: str) -> bool:
    if match_label(label):
        return True
    words = label.split()
    return 1 <= len(words) <= 4 and label[:1].isupper() and not any(ch.isdigit() for ch in label)


def _form_fields(doc: Document) -> list[FormField]:
    fields: list[FormField] = []
    headed: list[FormField] = []
    current: FormField | None = None
    for i, line in enumerate(doc.lines):
        gap = _gap_before(doc.lines, i)
        if line.kind == "heading" or (is_known_heading(line.text) and not line.text.endswith(":")):
            current = _list_heading_field(line)  # "<h2>Target countries</h2><ul>...": a heading that labels a list
            if current is not None:
                fields.append(current)
                headed.append(current)
            continue
        parts = _label_parts(line)
        if parts and _number_before_label(doc, i, parts) and not (current and doc.lines[i - 1] in current.values):
            # "286 / Cluster Members": a count printed above its label
            spec = match_label(parts[0][0])
            fields.append(FormField(parts[0][0], parts[0][1], spec.key, spec.type, [doc.lines[i - 1]]))
            current = None
            continue
        if parts:
            for label, span, inline_values in parts:
                spec = match_label(label)
                current = FormField(label, span, spec.key if spec else None, spec.type if spec else "text")
                current.values.extend(inline_values or ())
                fields.append(current)
            if parts[-1][2] is not None:
                current = None  # an inline value ends its field
            continue
        if current is None:
            continue
        if gap and _CAPS_HEADING.fullmatch(line.text):
            current = None  # "Other networks:" (empty), blank, "INTERNATIONAL": the next section's heading
            continue
        if gap and current.values and not (line.bullet and current.type == "list"):
            current = None  # a blank line ends a field, except between the items of a bulleted list
        elif len(line.text) > _MAX_FORM_VALUE and current.type != "text":
            current = None
        else:
            current.values.append(line)
    for field in fields:
        _check_type(doc, field)
    for fld in headed:  # under a heading, only list items are values; a paragraph is prose about the topic
        items = list(itertools.takewhile(lambda v: v.bullet or (len(v.text) <= 80 and not _SENTENCE_END.search(v.text)), fld.values))
        fld.values[:] = items
    empty = {id(f) for f in headed if not f.values}
    return [f for f in fields if id(f) not in empty]


def _number_before_label(doc: Document, i: int, parts) -> bool:
    if i == 0 or len(parts) != 1 or parts[0][2] is not None:
        return False
    spec = match_label(parts[0][0])
    previous = doc.lines[i - 1]
    return (
        spec is not None
        and spec.type == "count"
        and previous.index == doc.lines[i].index - 1
        and bool(re.fullmatch(r"\d[\d\s.,]*\+?", previous.text))
    )


def _check_type(doc: Document, field: FormField) -> None:
    """Keep only values that fit the label's type; warn about the others."""
    kept = []
    for value in field.values:
        if field.type in ("list", "place", "text") and is_placeholder(value.text):
            continue
        if field.type == "count" and not _COUNT_VALUE.match(value.text):
            doc.warnings.append(f'value "{value.text[:60]}" under "{field.label}" is not a number; not used')
            continue
        if field.type == "date" and not find_dates(value.text, kinds=frozenset({"date", "month", "year"})):
            doc.warnings.append(f'value "{value.text[:60]}" under "{field.label}" is not a date; not used')
            continue
        kept.append(value)
    field.values = kept


_DATELINE_WORDS = frozenset({"published", "posted", "updated", "news", "date", "press", "release", "by", "on"})


def dateline(line: Line) -> bool:
    """A line that is only a date, maybe behind a short prefix ("Published:", "Presse //")."""
    text = line.text
    if len(text) > 60:
        return False
    dates = find_dates(text, kinds=frozenset({"date", "range"}))
    if len(dates) != 1:
        return False
    prefix = text[: dates[0].start].strip(" :/-|–")
    rest = text[dates[0].end:].strip(" .,:/-|–")
    if prefix and (spec := match_label(prefix)) is not None and spec.key == "period":
        return False  # "Start date: 1 May 2019" belongs to a project, not a news item
    words = prefix.split()
    named = (len(words) >= 2 and all(w[:1].isupper() for w in words) and ":" not in text[: dates[0].start]
             and not _DATELINE_WORDS.intersection(w.casefold() for w in words))  # "Graz Hardware Meetup – 14 March"
    return len(words) <= 3 and not named and not rest


def _looks_like_title(doc: Document, i: int) -> bool:
    line = doc.lines[i]
    text = line.text
    if line.bullet or not (3 <= len(text) <= 140) or _SENTENCE_END.search(text):
        return False
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“„'«"):
        return False
    if len(text.split()) > 18 or not _gap_before(doc.lines, i):
        return False
    nxt = doc.lines[i + 1] if i + 1 < len(doc.lines) else None
    return nxt is not None and (_gap_before(doc.lines, i + 1) or dateline(nxt))


def _sections(doc: Document) -> list[Section]:
    sections: list[Section] = []
    current = Section(title=None, lines=[])
    for i, line in enumerate(doc.lines):
        if dateline(line):
            if current.title is not None and not current.lines and current.dateline is None:
                current.dateline = line
                continue
            sections.append(current)
            current = Section(title=None, lines=[], dateline=line)
            continue
        if line.kind == "heading" or is_known_heading(line.text) or _looks_like_title(doc, i):
            sections.append(current)
            current = Section(title=line, lines=[], level=line.level)
            continue
        current.lines.append(line)
    sections.append(current)
    return [s for s in sections if s.title or s.lines or s.dateline]
