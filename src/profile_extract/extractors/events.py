"""Events: dated happenings a page reports or announces (contract 3.8).

A sentence is an event when it has an event noun ("conference", "meeting", "agreement",
"събрание", ...) or a named launch / "held X", a verb that reports it ("was held",
"signed", "took part in", ...), and a date of its own. A news item's dateline is its
publication date, never the event date; it only lends its year to "On October 15-th".
The title is the event's name as written (quoted, a capitalised name around the noun,
"named X") or the noun phrase around the noun ("first meeting of the GIVE partnership").
An event reported twice (announcement, then report) is kept once. Vocabulary: data/events.toml.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterator

from rapidfuzz import fuzz

from ..dates import MONTHS, DateMatch, find_date_spans, find_dates
from ..document import Document, Extraction, Line, Span
from ..sections import is_known_heading
from ..text_utils import trie_regex
from .projects import SectionText, Sentence, section_sentences

with resources.files("profile_extract.data").joinpath("events.toml").open("rb") as _fh:
    _DATA = tomllib.load(_fh)

_I = re.IGNORECASE


def _alternation(patterns: list[str]) -> str:
    """Regex fragments as one alternation, longest first (cue phrases; literal word lists use `trie_regex`)."""
    return "|".join(sorted(patterns, key=len, reverse=True))


_NOT_A_VENUE = rf"(?!\s+(?:{trie_regex(_DATA['venue_after'])})\b)"  # "MEETT exhibition centre" is a place
# word lists as prefix trees: `re` tries a flat alternation of a hundred nouns one by one at every position
_STRONG = re.compile(rf"(?<![\w-])(?:{trie_regex(_DATA['strong_nouns'])})(?![\w-]){_NOT_A_VENUE}", _I)
_NAME_NOUN = re.compile(rf"(?<![\w-])(?:{trie_regex(_DATA['name_nouns'])})(?![\w-]){_NOT_A_VENUE}")
_SIGNED_NOUN = re.compile(rf"(?<![\w-])(?:{trie_regex(_DATA['signed_nouns'])})(?![\w-])", _I)
_SIGNED = re.compile(_DATA["signed"], _I)
_FAIR_CUE = re.compile(_DATA["fair_cue"], _I)
_SAME_DAY = re.compile(_DATA["same_day"], _I)
_NOUN_DATE = re.compile(_DATA["noun_date"], _I)
_NAME_GOES_ON = re.compile(r"\s+(?:and|of|for|&|de|der|di|du)\s+[A-Z]")
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "our", "this", "that", "next", "last", "each", "every"})
_WEAK = re.compile(rf"(?<![\w-])(?:{trie_regex(_DATA['weak_nouns'])})(?![\w-])", _I)
_CUE_BEFORE = re.compile(rf"\b(?:{_alternation(_DATA['cues_before'])})\b", _I)
_CUE_AFTER = re.compile(rf"\b(?:{_alternation(_DATA['cues_after'])})\b", _I)
_HELD_NAME = re.compile(_DATA["held_name"], _I)
_LAUNCHED = re.compile(_DATA["launched"], _I)
_NAMED = re.compile(_DATA["named"], _I)
_FOUNDING = re.compile(_DATA["founding"], _I)
_STOP_BEFORE = frozenset(_DATA["stop_before"])
_VENUE = frozenset(_DATA["venue_words"])
_ORG_WORDS = frozenset(_DATA["org_words"])
_QUOTED = re.compile(r"\s*[\"“„«](?P<q>[^\"“”„«»\n]{3,200})[\"“”»]")
_PLACE_PREP = re.compile(r"(?<!\w)(?:in|at|във|в|из)\s+(?:the\s+)?(?=[^\W\d_])")
_CONTINUATION = re.compile(
    r"\s+(?:of|on|for)\s+(?:the\s+)?(?:[a-z]+\s+(?:of|in)\s+(?:the\s+)?)?(?=[A-Z0-9])"
)
_WORD = re.compile(r"[^\s,;:()\[\]{}\"“”„«»!?.]+(?:\.(?=\w))?[^\s,;:()\[\]{}\"“”„«»!?.]*")
_CONNECTORS = frozenset({"of", "and", "for", "the", "&", "de", "du", "des", "für", "und", "за", "и", "на"})
_MONTHISH = re.compile(r"^\d|^(?:on|in|at)$", _I)
_PRECISION = {"range": 3, "date": 3, "daymonth": 2, "month": 1, "year": 0}
_MAX_SENTENCE = 600
_DIGIT = re.compile(r"\d")


def has_event_noun(text: str) -> bool:
    """True when a text names a happening (used by the projects extractor to skip event headings)."""
    return bool(_STRONG.search(text))


@dataclass(slots=True)
class _Event:
    title: str
    title_span: Span
    date: str
    date_span: Span
    end_date: str | None = None
    location: str | None = None
    location_span: Span | None = None


def extract(doc: Document, found: dict[str, Any]) -> Extraction:
    result = Extraction()
    if not doc.text or not doc.lines:
        return result
    events: list[_Event] = []
    for part in section_sentences(doc):
        year = _LazyYear(part)
        in_section: list[_Event] = []
        for sentence in _clauses(part.sentences):
            if len(sentence.text) > _MAX_SENTENCE * 3:
                continue
            if not _DIGIT.search(sentence.text):
                if in_section and _SAME_DAY.match(sentence.text):  # "In the afternoon, X signed ..."
                    in_section.extend(_same_day_events(sentence, in_section[-1]))
                continue
            in_section.extend(_sentence_events(sentence, year))
        if not in_section:
            in_section.extend(_heading_event(part, year))
        for event in in_section:
            _add(events, event)
    for event in _card_events(doc):
        _add(events, event)
    for event in _table_events(doc):
        _add(events, event)
    for event in _field_events(doc):
        _add(events, event)
    for event in events:
        spans: dict[str, Span] = {"title": event.title_span, "date": event.date_span}
        if event.end_date:
            spans["end_date"] = event.date_span
        if event.location and event.location_span:
            spans["location"] = event.location_span
        result.append(
            "events",
            {"title": event.title, "date": event.date, "end_date": event.end_date, "location": event.location},
            spans,
        )
    return result


def _clauses(sentences: list[Sentence]) -> Iterator[Sentence]:
    """Sentences as they are, but one too long to read whole (a page written as one paragraph, its
    statements joined by semicolons) in its "; " clauses."""
    for sentence in sentences:
        if len(sentence.text) <= _MAX_SENTENCE or "; " not in sentence.text:
            yield sentence
            continue
        position = 0
        for piece in sentence.text.split("; "):
            yield Sentence(sentence.start + position, sentence.start + position + len(piece), piece, position == 0)
            position += len(piece) + 2


class _LazyYear:
    """The year a day-month without year belongs to: the item's dateline, else the section's first full date.

    Computed only when asked: date patterns are costly and most sections never need it.
    """

    def __init__(self, part: SectionText) -> None:
        self.part = part
        self.done = False
        self.year: int | None = None

    def get(self) -> int | None:
        if not self.done:
            self.done = True
            self.year = self._find()
        return self.year

    def _find(self) -> int | None:
        line = self.part.section.dateline
        if line is not None:
            for date in find_dates(line.text):
                if date.value:
                    return int(date.value[:4])
        for sentence in self.part.sentences[:3]:
            if not _DIGIT.search(sentence.text):
                continue
            for date in find_dates(sentence.text):
                if date.value and date.kind in ("date", "range", "month"):
                    return int(date.value[:4])
        return None


def _add(events: list[_Event], event: _Event) -> None:
    """Keep an event reported twice once: same date and similar title."""
    for other in events:
        if other.date == event.date and fuzz.token_set_ratio(other.title.casefold(), event.title.casefold()) >= 60:
            if other.end_date is None and event.end_date:
                other.end_date = event.end_date
            if event.location and (other.location is None or _wider(event.location, other.location)):
                other.location, other.location_span = event.location, event.location_span
            return
    events.append(event)


def _wider(new: str, old: str) -> bool:
    """ "Belgrade, Serbia" says more than "Belgrade"."""
    return len(new) > len(old) and new.casefold().startswith(old.casefold())


# ---------------------------------------------------------------------------
# One sentence.


def _sentence_events(sentence: Sentence, section_year: _LazyYear) -> list[_Event]:
    text = sentence.text
    dated_item = _date_first_item(sentence) or _title_first_item(sentence)
    if dated_item:
        return dated_item
    found = _title_in(text) or _weak_milestone(text)
    if found is None:
        return []
    (t_start, t_end, proper), signed = found
    title_text = text[t_start:t_end].strip()
    milestone = _MILESTONE.match(text, t_end) is not None  # "Final conference: March 2026": the date is its own
    dates = _dates(text, section_year, (t_start, t_end), proper or milestone)
    if not dates:
        return []
    location = _location(text, (t_start, t_end)) or _place_after_date(text, dates[0])
    if _ONLINE.search(text, max(0, t_start - 20), t_end) and not _HYBRID.search(text):
        location = None  # "the online webinar ... on 22 April 2025 at 14:00 (Chișinău time)"
    out = []
    for date in dates:
        event = _Event(
            title=title_text,
            title_span=(sentence.start + t_start, sentence.start + t_end),
            date=date.value,
            date_span=(sentence.start + date.start, sentence.start + date.end),
            end_date=date.end_value,
        )
        if location:
            event.location = location[0]
            event.location_span = (sentence.start + location[1][0], sentence.start + location[1][1])
        out.append(event)
    return out


# "2023-05-12 - Open Farm Day at the test field in Enschede", "3.4.2025 | North German Hydrogen Day | Bremen":
# a list item that opens with the date, then the happening's name
_ITEM_AFTER_DATE = re.compile(r"[^\S\n]*(?:[-–—|:][^\S\n]*)(?P<title>[^|(\n]{3,120}?)[^\S\n]*(?:\||\(|,[^\S\n]|$)")
_AT_PLACE = re.compile(r"[^\S\n]+(?:at|in)[^\S\n]+(?:the[^\S\n]+)?")


_WEAK_MILESTONE = re.compile(rf"^\s*(?P<title>(?:[\w'’-]+\s+){{0,4}}(?:{trie_regex(_DATA['weak_nouns'])}))\s*:\s*(?=\d)", _I)


def _weak_milestone(text: str) -> tuple[tuple[int, int, bool], bool] | None:
    """ "Final event: 20 June 2025, Tallinn": a milestone line named only with the word "event"."""
    m = _WEAK_MILESTONE.match(text)
    return ((m.start("title"), m.end("title"), False), False) if m else None


def _date_first_item(sentence: Sentence) -> list[_Event]:
    text = sentence.text
    dates = find_date_spans(text, 0, min(len(text), 40))
    if not dates or dates[0].start != 0 or not dates[0].value:
        return []
    date = dates[0]
    m = _ITEM_AFTER_DATE.match(text, date.end)
    if m is None:
        return []
    title_start, title_end = m.span("title")
    at = _AT_PLACE.search(text, title_start, title_end)
    if at:
        title_end = at.start()
    title = text[title_start:title_end].strip()
    if not (_STRONG.search(title) or any(_named(title, n) for n in _NAME_NOUN.finditer(title)) or _SIGNED.search(title)):
        return []
    if date.kind == "year":  # "2023 – 15th anniversary conference, 9 November 2023, Pécs": the day it took place
        date = next((d for d in find_date_spans(text, m.end("title"), len(text))
                     if d.kind in ("date", "range") and d.value and d.value[:4] == date.value), date)
    event = _Event(
        title=title,
        title_span=(sentence.start + title_start, sentence.start + title_start + len(title)),
        date=date.value,
        date_span=(sentence.start + date.start, sentence.start + date.end),
        end_date=date.end_value,
    )
    location = _location(text, (title_start, title_end)) or _place_after_bar(text, m.end())
    if location:
        event.location = location[0]
        event.location_span = (sentence.start + location[1][0], sentence.start + location[1][1])
    return [event]


# "• Study visit to processors in Tórshavn – April 2024", "Final conference – planned for September 2026, Akureyri",
# "Past: Qvevri Masterclass for guesthouse owners — 3 May 2025, Sighnaghi": a list item that names the happening,
# then its date after a dash or colon
_TITLE_THEN_DATE = re.compile(
    r"^[^\S\n]*(?:(?:past|upcoming|next|previous|coming\s+up)[^\S\n]*:[^\S\n]*)?(?P<title>[^\n:–—|]{3,100}?)(?<!\d)[^\S\n]*[–—:][^\S\n]*"
    r"(?:(?:planned|scheduled|expected|foreseen|due)[^\S\n]+(?:for|in|on)[^\S\n]+)?(?=\d|[A-Z])", _I)


_CLAUSE_VERB = re.compile(r"\b(?:was|were|is|are|will|has|have|had|took|takes|held|se|е|са|ще|wurde|a|est|è|fue|foi)\b", _I)


def _field_events(doc: Document) -> Iterator[_Event]:
    """ "Kick-off meeting: Covilhã, 22–23 March 2023" read as a form field: its line is a milestone item."""
    for form_field in doc.fields:
        if form_field.key is not None or not _STRONG.search(form_field.label):
            continue
        line = doc.line_at(form_field.label_span[0])
        if line is not None and _DIGIT.search(line.text):
            yield from _title_first_item(Sentence(line.start, line.end, line.text, True))


_PLACE_THEN_COMMA = re.compile(r"(?P<place>[A-ZÀ-ÞĀ-Ž][\w'’.-]*(?:[ -][A-ZÀ-ÞĀ-Ž][\w'’.-]*){0,2}),[^\S\n]*(?=\S)")


def _title_first_item(sentence: Sentence) -> list[_Event]:
    text = sentence.text
    m = _TITLE_THEN_DATE.match(text)
    if m is None or not _DIGIT.search(text, m.end()):
        return []
    title = m.group("title").strip()
    if _CLAUSE_VERB.search(title) or not (_STRONG.search(title) or any(_named(title, n) for n in _NAME_NOUN.finditer(title))):
        return []  # "The meeting was held on 28 – 30 September" is a sentence, not an item
    at = m.end()
    place_first = _PLACE_THEN_COMMA.match(text, at)  # "Kick-off meeting: Covilhã, 22–23 March 2023"
    if place_first and (_places(place_first.group("place")) or [None])[0] is not None:
        at = place_first.end()
    date = next((d for d in find_date_spans(text, at, min(len(text), at + 60)) if d.start == at), None)
    if date is None or not date.value or date.kind not in ("date", "range", "month"):
        return []
    event = _Event(title=title, title_span=(sentence.start + m.start("title"), sentence.start + m.start("title") + len(title)),
                   date=date.value, date_span=(sentence.start + date.start, sentence.start + date.end), end_date=date.end_value)
    location = _location(text, m.span("title")) or _place_after_date(text, date)
    if location:
        event.location = location[0]
        event.location_span = (sentence.start + location[1][0], sentence.start + location[1][1])
    return [event]


_BAR_PLACE = re.compile(r"[^\S\n]*(?P<place>[A-ZÀ-ÞĀ-Ž][\w'’.-]*(?:[ -][A-ZÀ-ÞĀ-Ž][\w'’.-]*){0,2})[^\S\n]*$")


def _place_after_bar(text: str, pos: int) -> tuple[str, Span] | None:
    """ "... | North German Hydrogen Day | Bremen": the last column names the place."""
    if text[pos - 1:pos] != "|":
        return None
    m = _BAR_PLACE.match(text, pos)
    return (m.group("place"), m.span("place")) if m and not _ONLINE.match(m.group("place")) else None  # not "| Online"


def _title_in(text: str) -> tuple[tuple[int, int, bool], bool] | None:
    """The happening a sentence reports: (title start, end, is a proper name), and whether it is a signing."""
    signed = _SIGNED.search(text) is not None
    nouns = _nouns(text, signed)
    title = None
    if nouns:
        noun = _pick_noun(text, nouns, _CUE_BEFORE.search(text), _CUE_AFTER.search(text))
        if noun is not None:
            title = _title_around(text, noun)
    if title is None or not title[2]:
        title = _held_name(text) or _launch(text) or _fair(text) or title  # a named happening beats a bare noun phrase
    if title is None:
        return None
    title_text = text[title[0]:title[1]].strip()
    if not title_text:
        return None
    if _FOUNDING.search(title_text) and not (signed and (_SIGNED_NOUN.search(title_text) or _STRONG.search(title_text))):
        return None  # founding an organisation is not an event; signing its founding statement is
    return title, signed


def _nouns(text: str, signed: bool) -> list[re.Match]:
    """Event nouns in text order: strong nouns, named "... Day(s)/Week", signed documents; else weak nouns."""
    nouns = list(_STRONG.finditer(text))
    nouns.extend(m for m in _NAME_NOUN.finditer(text) if _named(text, m))
    if signed:
        nouns.extend(_SIGNED_NOUN.finditer(text))
    if not nouns:
        return list(_WEAK.finditer(text))
    return sorted(nouns, key=lambda m: m.start())


def _named(text: str, noun: re.Match) -> bool:
    """ "Smart Farming Day": a capitalised word (not a determiner or a month) right before the noun."""
    before = _words_before(text, noun.start(), limit=1)
    if not before:
        return False
    word = before[0][2]
    return (word[:1].isupper() or word[:1].isdigit()) and word.casefold() not in _DETERMINERS \
        and word.casefold() not in MONTHS


def _same_day_events(sentence: Sentence, previous: _Event) -> list[_Event]:
    """A sentence that says it happened on the day of the event before it ("In the afternoon, ... signed a
    memorandum") is an event of that date; its place only when it names one after "in" / "at"."""
    found = _title_in(sentence.text)
    if found is None:
        return []
    (t_start, t_end, _), _ = found
    event = _Event(
        title=sentence.text[t_start:t_end].strip(),
        title_span=(sentence.start + t_start, sentence.start + t_end),
        date=previous.date,
        date_span=previous.date_span,
    )
    place = _city_after_preposition(sentence.text, (t_start, t_end))
    if place:
        event.location = place[0]
        event.location_span = (sentence.start + place[1][0], sentence.start + place[1][1])
    return [event]


_WEEKDAY = re.compile(
    r"\b(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
    r"|lun(?:di|es|edì|i)?|mar(?:di|tes|tedì|ți)?|mer(?:credi|coledì)?|mi[ée](?:rcoles|rcuri)?|jeu(?:di)?|jue(?:ves)?|gio(?:vedì)?|joi"
    r"|ven(?:dredi|erdì)?|vie(?:rnes)?|vin(?:eri)?|sam(?:edi)?|s[áa]b(?:ado|ato)?|sâm(?:bătă)?|dim(?:anche)?|dom(?:ingo|enica)?|dum(?:inică)?"
    r"|seg(?:unda-feira)?|ter(?:ça-feira)?|qua(?:rta-feira)?|qui(?:nta-feira)?|sex(?:ta-feira)?"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so)\b\.?,?", _I)
_TIME_RANGE = re.compile(r"\d{1,2}(?:[:.h]\d{2}|h)(?:\s*(?:am|pm|h|CET|CEST|EET|GMT|UTC))?(?:\s*[-–—]\s*\d{1,2}(?:[:.h]\d{2}|h)"
                         r"(?:\s*(?:am|pm|h|CET|CEST|EET|GMT|UTC))?)?", _I)  # "09:30 – 13:00", "9h00 – 12h30"
# what else a card's date line may hold: separators, and "from" before a range ("DU 8 AU 10 OCT. 2025")
_CARD_FILLER = re.compile(r"[\s,;|·•@–—-]*(?:(?:from|du|del|dal|de|von|vom|od|от|le|el|il|am|on)(?![\w])[\s,;|·•@–—-]*)?", _I)
_VENUE_LINE = re.compile(r"\s*(?:venue|location|where|place|address|lieu|lugar|luogo|local|ort)\s*:\s*", _I)
_ONLINE = re.compile(r"\b(?:online|virtual|webinar|zoom|teams|en\s+ligne|en\s+l[ií]nea|in\s+linea|on-line)\b", _I)
_CARD_TITLE_MAX = 100
_HYBRID_WORDS = r"(?:hybrid|hybride|híbrido|ibrido|in\s+person|on[\s-]?site)"
_HYBRID_LEAD = re.compile(rf"^{_HYBRID_WORDS}\s*[:–—-]\s*", _I)
_HYBRID = re.compile(rf"\b{_HYBRID_WORDS}\b", _I)
_CARD_NOTE = re.compile(r"\([^()\d]{3,60}\)\s*$")
_VENUE_LINE_MAX = 60
_WEEKDAY_LEAD = re.compile(rf"\s*(?:{_WEEKDAY.pattern})(?=\s+\d)", _I)


def _card_events(doc: Document) -> Iterator[_Event]:
    """Event listings written as cards: a title line, then a line that is only its date (with weekday or hours),
    then perhaps "Venue: ..., Galway"; or the date line first, then the title, then the venue or "Online".
    A news headline over its publication date is no card: a card's date line has a weekday or hours, or a venue
    line follows."""
    lines = doc.lines
    for i, when in enumerate(lines):
        if not _DIGIT.search(when.text):
            continue
        title_first = i > 0 and _card_title(lines[i - 1].text)
        date_first = i + 1 < len(lines) and _adjacent(doc, when, lines[i + 1]) and _card_title(lines[i + 1].text)
        if title_first and date_first:  # the title is the one on the date line's side of the blank line
            title_first = _adjacent(doc, lines[i - 1], when)
            date_first = not title_first
        if not (title_first or date_first):
            continue
        dated = _date_line(when.text)
        if dated is None:
            continue
        date, end_date, timed = dated
        title = lines[i - 1] if title_first else lines[i + 1]
        after = lines[i + 1:i + 3] if title_first else lines[i + 2:i + 3]
        venue = next((line for line in after if _VENUE_LINE.match(line.text)), None)
        if not (timed or venue or after and _is_place_line(after[0].text)):
            continue  # a headline over its publication date, not a card
        if date.kind == "month" and not (venue or after and _is_place_line(after[0].text)):
            continue
        event = _Event(title=title.text.strip(), title_span=title.span, date=date.value,
                       date_span=(when.start + date.start, when.start + date.end), end_date=end_date)
        where = venue or next((line for line in after[:1] if date_first or _ONLINE.search(line.text) or _is_place_line(line.text)), None)
        if where is not None and not _ONLINE.match(where.text.strip()):
            _card_location(event, where)
        yield event


_TABLE_DATE = re.compile(r"(?:date|dates|when|datum|fecha|data|date\s+et\s+heure|дата)", _I)
_TABLE_TITLE = re.compile(r"(?:event|events|title|name|activity|événement|evento|evenimentul?|veranstaltung|събитие|název|naziv)", _I)
_TABLE_PLACE = re.compile(r"(?:place|location|venue|city|where|lieu|lugar|luogo|local|ort|loc|място|grad|město)", _I)


def _table_events(doc: Document) -> Iterator[_Event]:
    """Rows of an events table: a header row names a date column and an event column, maybe a place column
    ("Date | Event | Place"); each row under it with a date in its date cell is one event."""
    lines = doc.lines
    columns: dict[str, int] | None = None
    for line in lines:
        row = line.cells()
        cells = [text for text, _ in row]
        if len(cells) < 2:
            columns = None
            continue
        header = _table_header(cells)
        if header is not None:
            columns = header
            continue
        if columns is None or len(cells) <= max(columns.values()):
            continue
        dated = _date_line(cells[columns["date"]]) if _DIGIT.search(cells[columns["date"]]) else None
        title = cells[columns["title"]]
        if dated is None or not title:
            continue
        date, end_date, _ = dated
        start = row[columns["date"]][1][0]
        title = _TITLE_NOTE.sub("", title).strip()  # "Green Freight Summit 2024 (260 participants)"
        title_start = row[columns["title"]][1][0]
        event = _Event(title=title, title_span=(title_start, title_start + len(title)),
                       date=date.value, date_span=(start + date.start, start + date.end), end_date=end_date)
        if "place" in columns:
            place_cell, span = row[columns["place"]]
            if place_cell and not _ONLINE.match(place_cell):
                _card_location(event, Line(line.index, span[0], span[1], place_cell))
        yield event


def _table_header(cells: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        for key, regex in (("date", _TABLE_DATE), ("title", _TABLE_TITLE), ("place", _TABLE_PLACE)):
            if key not in found and regex.fullmatch(cell):
                found[key] = i
    return found if "date" in found and "title" in found else None


_TITLE_NOTE = re.compile(r"\s*\((?:\d[\d,. ]*\s+(?:participants|attendees|visitors|guests)|[^()]*\bparticipants?\b[^()]*)\)\s*$", _I)


def _is_place_line(text: str) -> bool:
    """A card's venue line: short, no sentence, opening with a place or saying the event is online ("Barcelone,
    Espagne", "En ligne"); not a news item's first line ("Sofia, 12 May – The cluster signed ...")."""
    text = _HYBRID_LEAD.sub("", text.strip())  # "Hybrid – Vejle Innovation House, Vejle, and online"
    if len(text) > _VENUE_LINE_MAX or text[-1:] in ".!?" or _DIGIT.search(text):
        return False
    places = _places(text) or []
    return bool(_ONLINE.match(text) or places and not text[:places[0].start].strip())


def _adjacent(doc: Document, first: Line, second: Line) -> bool:
    """No blank line between two lines: they belong to one card."""
    return "\n\n" not in doc.text[first.end:second.start]


def _card_location(event: _Event, where: Line) -> None:
    """The city of a card's venue line ("Venue: Galway Technology Centre, ..., Galway H91 P8PR", "Toulouse –
    Espace Congrès"), with its country when the line is just the two ("Barcelone, Espagne")."""
    places = _places(where.text) or []
    cities = [p for p in places if p.kind == "city"]
    city_country = _CITY_COUNTRY.fullmatch(where.text.strip())
    if city_country and any(p.kind == "country" and p.text == city_country.group(2) for p in places):
        start = where.start + where.text.index(city_country.group(0))
        event.location, event.location_span = city_country.group(0), (start, start + len(city_country.group(0)))
    elif cities:
        place = cities[-1] if len(cities) > 1 and not _DASH_VENUE.match(where.text) else cities[0]
        event.location = place.text
        event.location_span = (where.start + place.start, where.start + place.end)


_CITY_COUNTRY = re.compile(r"([A-ZÀ-Þ][\w'’ -]{1,40}),\s*([A-ZÀ-Þ][\w'’ -]{2,40})")
_DASH_VENUE = re.compile(r"[^\W\d_][\w'’ -]*?\s+[–—-]\s+")  # "Toulouse – Espace Congrès Garonne": the city first


def _card_title(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) and len(text) <= _CARD_TITLE_MAX and not _DIGIT.match(text) \
        and text.rstrip()[-1:] not in ".,;:!?" and not is_known_heading(text) and not _VENUE_LINE.match(text)


def _date_line(text: str) -> tuple[DateMatch, str | None, bool] | None:
    """(date, end date, has a weekday or hours) when the line holds only a date or date range with weekdays and
    hours around it ("Thu 14 Mar 2024, 09:30 – 13:00", "Tue 21 May 2024 – Wed 22 May 2024")."""
    lead = _WEEKDAY_LEAD.match(text)  # "MAR. 3 JUIN 2025": Tuesday, not March
    if lead:
        text = " " * lead.end() + text[lead.end():]
    dates = [d for d in find_date_spans(text) if d.value and d.kind in ("date", "range", "month")]
    if not dates or len(dates) > 2 or any(d.kind == "month" for d in dates) and len(dates) > 1:
        return None
    rest = _CARD_NOTE.sub(" ", text)  # "November 2025 (exact date to be announced)"
    for d in reversed(dates):
        rest = rest[:d.start] + " " + rest[d.end:]
    timed = bool(lead or _WEEKDAY.search(rest) or _TIME_RANGE.search(rest))
    rest = _TIME_RANGE.sub(" ", _WEEKDAY.sub(" ", rest))
    if not _CARD_FILLER.fullmatch(rest):
        return None
    first, last = dates[0], dates[-1]
    end_date = first.end_value if len(dates) == 1 else (last.end_value or last.value)
    return first, end_date, timed


def _heading_event(part: SectionText, section_year: _LazyYear) -> list[_Event]:
    """ "Study visit to Prato" over "On 23 February 2023 a delegation travelled to Prato, Italy, ...": a heading
    that names a happening, dated by the first sentence under it when that sentence reports nothing itself."""
    title = part.section.title
    if title is None or len(title.text) > 100 or len(title.text.split()) < 2 or is_known_heading(title.text):
        return []
    heading = title.text.strip()
    if not (_STRONG.search(heading) or any(_named(heading, m) for m in _NAME_NOUN.finditer(heading))):
        return []
    body = [s for s in part.sentences if s.start >= title.end]
    if not body or not _DIGIT.search(body[0].text):
        return []
    text = body[0].text
    dates = [d for d in find_date_spans(text) if d.kind in ("date", "range") and d.value]
    if not dates:
        return []
    date = dates[0]
    event = _Event(
        title=heading,
        title_span=title.span,
        date=date.value,
        date_span=(body[0].start + date.start, body[0].start + date.end),
        end_date=date.end_value,
    )
    location = _location(text, (0, 0))
    if location:
        event.location = location[0]
        event.location_span = (body[0].start + location[1][0], body[0].start + location[1][1])
    return [event]


def _pick_noun(text: str, nouns: list[re.Match], cue_before: re.Match | None, cue_after: re.Match | None) -> re.Match | None:
    """The noun the reporting verb is about: before "was held", after "organised"; without a verb, a noun
    followed by its own date ("a launch conference on 28 October 2021"); else none."""
    if cue_before is None and cue_after is None:
        return next((n for n in nouns if _dated(text, n)), None)
    if cue_before is not None:
        before = [n for n in nouns if n.end() <= cue_before.start()]
        if before:
            return before[-1]
    if cue_after is not None:
        after = [n for n in nouns if n.start() >= cue_after.end()]
        if after:
            return after[0]
    if cue_before is not None:
        after = [n for n in nouns if n.start() >= cue_before.end()]
        if after:
            return after[0]
    return nouns[0]


def _dated(text: str, noun: re.Match) -> bool:
    m = _NOUN_DATE.match(text, noun.end())
    if not m:
        return False
    kinds = ("date", "range", "daymonth", "month") if m.group().strip()[:1] in ":(–—-" else ("date", "range", "daymonth")
    return any(d.start == m.end() and d.kind in kinds for d in find_dates(text, m.end(), min(len(text), m.end() + 40)))


# -- titles ------------------------------------------------------------------------


def _words_before(text: str, pos: int, limit: int = 12) -> list[tuple[int, int, str]]:
    window = max(0, pos - 200)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, window, pos)]  # positions are absolute
    # only the words directly in front of pos, up to a punctuation mark
    out = []
    end = pos
    for start, stop, word in reversed(words):
        gap = text[stop:end]
        if gap.strip():
            break
        out.append((start, stop, word))
        end = start
        if len(out) >= limit:
            break
    return out


def _cap_run_forward(text: str, pos: int, limit: int = 10) -> int | None:
    """End of the capitalised words that start at `pos` ("GIVE Partnership", "2016")."""
    end = None
    position = pos
    for m in _WORD.finditer(text, pos, min(len(text), pos + 300)):
        if text[position:m.start()].strip():
            break
        word = m.group()
        if word[:1].isupper() or word[:1].isdigit():
            end = m.end()
        elif word.casefold() not in _CONNECTORS or end is None:
            break
        position = m.end()
        limit -= 1
        if limit == 0:
            break
    return end


def _title_around(text: str, noun: re.Match) -> tuple[int, int, bool] | None:
    """(start, end, is a proper name) of the title built around an event noun."""
    quoted = _QUOTED.match(text, noun.end())
    if quoted:
        return quoted.start("q"), quoted.end("q"), True
    named = _NAMED.match(text[noun.end():])
    if named:
        start = noun.end() + named.end()
        end = _cap_run_forward(text, start)
        if end:
            return start, end, True
    if noun.group()[:1].isupper():
        start = noun.start()
        for w_start, _, word in _words_before(text, noun.start()):
            if word.casefold() in ("the", "a", "an", "its", "their", "our", "this"):
                break
            if word[:1].isupper() or word[:1].isdigit() or (word.casefold() in _CONNECTORS and start != noun.start()):
                start = w_start
            else:
                break
        while text[start:noun.start()].split()[:1] and text[start:noun.start()].split()[0].casefold() in _CONNECTORS:
            start += len(text[start:].split(None, 1)[0]) + 1
            start += len(text[start:]) - len(text[start:].lstrip())
        end = _cap_run_forward(text, noun.end()) if re.match(r"\s+\S", text[noun.end():]) else None
        end = max(noun.end(), end or noun.end())
        if (start, end) != (noun.start(), noun.end()):
            return start, end, True
    start = noun.start()
    for w_start, _, word in _words_before(text, noun.start(), limit=4):
        if word.casefold() in _STOP_BEFORE or word.endswith("ed") or word[:1].isdigit() and not re.match(r"\d+(?:st|nd|rd|th)$", word):
            break
        start = w_start
    end = noun.end()
    continuation = _CONTINUATION.match(text, noun.end())
    if continuation:
        more = _cap_run_forward(text, continuation.end())
        if more:
            end = more
    weak = bool(_WEAK.fullmatch(noun.group()))
    if weak:
        return None
    return start, end, False


def _held_name(text: str) -> tuple[int, int, bool] | None:
    m = _HELD_NAME.search(text)
    if not m:
        return None
    end = _cap_run_forward(text, m.end(), limit=6)
    return (m.end(), end, True) if end else None


def _launch(text: str) -> tuple[int, int, bool] | None:
    m = _LAUNCHED.search(text)
    if not m:
        return None
    start = m.start()
    for w_start, _, word in _words_before(text, m.start(), limit=8):
        if word.casefold() in ("the", "a", "an", "its", "their", "our", "this"):
            break
        if word[:1].isupper() or word[:1].isdigit() or word.casefold() in _CONNECTORS:
            start = w_start
        else:
            return None
    if start == m.start():
        return None
    return start, m.end(), True


def _fair(text: str) -> tuple[int, int, bool] | None:
    """ "a joint stand at ANUGA in Cologne", "exhibited at Hispack": the trade fair named after the cue."""
    for m in _FAIR_CUE.finditer(text):
        end = _cap_run_forward(text, m.end(), limit=4)
        if not end:
            continue
        words = text[m.end():end].split()
        if any(w.casefold() in _ORG_WORDS or w.casefold() in _VENUE for w in words):
            continue  # "a stand at the Cluster House", "at Sofia Tech Park"
        places = _places(text[m.end():end]) or []
        if any(p.start == 0 and p.end >= end - m.end() for p in places):
            continue  # "a stand at Brussels": a place, not a fair
        return m.end(), end, True
    return None


# -- dates -----------------------------------------------------------------------


def _dates(text: str, section_year: _LazyYear, title: tuple[int, int], proper: bool) -> list[DateMatch]:
    """The date(s) of the event: most precise first; several bare years ("in 2014 and 2015") give several events."""
    candidates = []
    found = find_date_spans(text)
    years_in_text = [d for d in found if d.value]
    for date in found:
        if date.kind == "daymonth":
            year = section_year.get() or next((int(d.value[:4]) for d in years_in_text), None)
            if year is None:
                continue
            date = date.with_year(year)
            if date.value is None:
                continue
        if date.value is None:
            continue
        candidates.append(date)
    if not candidates:
        return []
    best = max(_PRECISION[c.kind] for c in candidates)
    chosen = [c for c in candidates if _PRECISION[c.kind] == best]
    if best >= 2:
        return chosen[:1]
    if best == 1:
        return chosen[:1] if proper else []
    # bare years: only for a named event, or a year inside the event's own name
    in_title = [c for c in chosen if title[0] <= c.start and c.end <= title[1]]
    if in_title:
        return in_title[:1]
    return chosen if proper else []


# -- location --------------------------------------------------------------------


def _location(text: str, title: Span) -> tuple[str, Span] | None:
    """Where the event takes place: a city, with its country when the text gives both."""
    places = _places(text)
    if places is not None:
        return _location_from_places(text, places, title)
    return _location_by_preposition(text, title)


def _places(text: str) -> list | None:
    """Places the gazetteer knows in `text`, or None when the gazetteer is not available."""
    try:
        from ..gazetteer import find_places
    except ImportError:
        return None
    try:
        return find_places(text, kinds=frozenset({"city", "country"}))
    except Exception:  # noqa: BLE001 - an optional helper must never break extraction
        return None


def _location_from_places(text: str, places: list, title: Span) -> tuple[str, Span] | None:
    """First city outside the title, widened to "City, Country" when a country follows it; else a place after
    "in"/"at"; else the city the event's own name ends with ("MedTech Day Olomouc")."""
    outside = [p for p in places if not (title[0] <= p.start < title[1])]
    after = [p for p in outside if p.start >= title[1]]  # "X, based in Tampere, took part in the Day on ... in Umeå"
    city = _city_with_country(text, after) or _city_with_country(text, outside)
    if city:
        return city
    inside = [p for p in places if title[0] <= p.start < title[1] and p.kind == "city" and p.end == title[1]]
    city = _city_with_country(text, inside)
    if city:
        return city
    found = _location_by_preposition(text, title)
    if found and not any(p.kind == "country" and p.start == found[1][0] for p in outside):
        return found
    return None


# "Kick-off meeting: 22-23 October 2019, Aveiro", "..., Saint-Nazaire, France (120 participants)": the words
# right after the date that close the line are its place, even one the gazetteer does not know
_PLACE_AFTER_DATE = re.compile(
    r",[^\S\n]*(?P<place>[A-ZÀ-ÞĀ-Ž][\w'’.-]*(?:[ -][A-ZÀ-ÞĀ-Ž][\w'’.-]*){0,2}"
    r"(?:,[^\S\n]*[A-ZÀ-ÞĀ-Ž][\w.-]*(?:[ -][A-ZÀ-ÞĀ-Ž][\w.-]*){0,2})?)[^\S\n]*(?:\(|[.;]?$)"
)


_MILESTONE = re.compile(r"[^\S\n]*[:–—][^\S\n]*(?=\d|[A-Z])")


def _place_after_date(text: str, date: DateMatch) -> tuple[str, Span] | None:
    m = _PLACE_AFTER_DATE.match(text, date.end)
    return (m.group("place"), m.span("place")) if m else None


def _city_with_country(text: str, places: list) -> tuple[str, Span] | None:
    for i, place in enumerate(places):
        if place.kind != "city":
            continue
        end = place.end
        nxt = places[i + 1] if i + 1 < len(places) else None
        if nxt is not None and nxt.kind == "country" and text[place.end:nxt.start].strip() in ("", ","):
            end = nxt.end
        return text[place.start:end], (place.start, end)
    return None


def _city_after_preposition(text: str, title: Span) -> tuple[str, Span] | None:
    """A gazetteer city right after "in" / "at" (not one inside an organisation's name)."""
    places = [p for p in (_places(text) or []) if not (title[0] <= p.start < title[1])]
    places = [p for p in places if re.search(r"(?:\bin|\bat|\bв|\bвъв)\s+$", text[max(0, p.start - 6):p.start])]
    return _city_with_country(text, places)


def _location_by_preposition(text: str, title: Span) -> tuple[str, Span] | None:
    """ "in Belgrade, Serbia" -> "Belgrade, Serbia"; "in Grand Hotel Sofia" -> "Sofia"."""
    for m in _PLACE_PREP.finditer(text):
        if title[0] <= m.start() < title[1]:
            continue
        words = []
        position = m.end()
        for w in _WORD.finditer(text, m.end(), min(len(text), m.end() + 120)):
            if text[position:w.start()].strip() or not (w.group()[:1].isupper()) or len(words) >= 5:
                break
            words.append((w.start(), w.end(), w.group()))
            position = w.end()
        if not words or any(_MONTHISH.match(w[2]) or w[2].casefold().rstrip(".") in MONTHS for w in words):
            continue  # "in March 2023" is a time, not a place
        if _NAME_GOES_ON.match(text, words[-1][1]):
            continue  # "in the Science and Technology Park": part of a longer name
        lowered = [w[2].casefold() for w in words]
        venue = max((i for i, w in enumerate(lowered) if w in _VENUE), default=None)
        if venue is not None:
            words = words[venue + 1:]
            lowered = lowered[venue + 1:]
        if not words or any(w in _ORG_WORDS or _STRONG.fullmatch(w) for w in lowered) or len(words) > 2:
            continue
        start, end = words[0][0], words[-1][1]
        country = re.match(r"\s*,\s*", text[end:])
        if country:
            c_start = end + country.end()
            c_end = _cap_run_forward(text, c_start, limit=4)
            if c_end:
                part = text[c_start:c_end]
                if not any(t.casefold() in _VENUE | _ORG_WORDS or t[:1].isdigit() or _STRONG.fullmatch(t) for t in part.split()):
                    end = c_end
        value = text[start:end]
        if _STRONG.search(value):
            continue
        return value, (start, end)
    return None
