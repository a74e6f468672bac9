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
from typing import Any

from rapidfuzz import fuzz

from ..dates import DateMatch, find_dates
from ..document import Document, Extraction, Span
from .projects import SectionText, Sentence, section_sentences

with resources.files("profile_extract.data").joinpath("events.toml").open("rb") as _fh:
    _DATA = tomllib.load(_fh)

_I = re.IGNORECASE


def _alternation(items: list[str], escape: bool = True) -> str:
    items = sorted(items, key=len, reverse=True)
    return "|".join(re.escape(i) if escape else i for i in items)


_STRONG = re.compile(rf"(?<![\w-])(?:{_alternation(_DATA['strong_nouns'])})(?![\w-])", _I)
_WEAK = re.compile(rf"(?<![\w-])(?:{_alternation(_DATA['weak_nouns'])})(?![\w-])", _I)
_CUE_BEFORE = re.compile(rf"\b(?:{_alternation(_DATA['cues_before'], False)})\b", _I)
_CUE_AFTER = re.compile(rf"\b(?:{_alternation(_DATA['cues_after'], False)})\b", _I)
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
        for sentence in part.sentences:
            if len(sentence.text) > _MAX_SENTENCE * 3 or not _DIGIT.search(sentence.text):
                continue
            for event in _sentence_events(sentence, year):
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
    nouns = [m for m in _STRONG.finditer(text)] or [m for m in _WEAK.finditer(text)]
    title = None
    if nouns:
        cue_before, cue_after = _CUE_BEFORE.search(text), _CUE_AFTER.search(text)
        if cue_before is None and cue_after is None:
            return []
        noun = _pick_noun(nouns, cue_before, cue_after)
        title = _title_around(text, noun)
    if title is None or not title[2]:
        title = _held_name(text) or _launch(text) or title  # a named happening beats a bare noun phrase
    if title is None:
        return []
    t_start, t_end, proper = title
    title_text = text[t_start:t_end].strip()
    if not title_text or _FOUNDING.search(title_text):
        return []
    dates = _dates(text, section_year, (t_start, t_end), proper)
    if not dates:
        return []
    location = _location(text, (t_start, t_end))
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


def _pick_noun(nouns: list[re.Match], cue_before: re.Match | None, cue_after: re.Match | None) -> re.Match:
    """The noun the reporting verb is about: before "was held", after "organised"."""
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


# -- titles ------------------------------------------------------------------------


def _words_before(text: str, pos: int, limit: int = 12) -> list[tuple[int, int, str]]:
    window = max(0, pos - 200)
    words = [(m.start() + window, m.end() + window, m.group()) for m in _WORD.finditer(text, window, pos)]
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


# -- dates -----------------------------------------------------------------------


def _dates(text: str, section_year: _LazyYear, title: tuple[int, int], proper: bool) -> list[DateMatch]:
    """The date(s) of the event: most precise first; several bare years ("in 2014 and 2015") give several events."""
    candidates = []
    found = find_dates(text)
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
    """First city outside the title, widened to "City, Country" when a country follows it."""
    outside = [p for p in places if not (title[0] <= p.start < title[1])]
    for i, place in enumerate(outside):
        if place.kind != "city":
            continue
        end = place.end
        nxt = outside[i + 1] if i + 1 < len(outside) else None
        if nxt is not None and nxt.kind == "country" and text[place.end:nxt.start].strip() in ("", ","):
            end = nxt.end
        return text[place.start:end], (place.start, end)
    found = _location_by_preposition(text, title)
    if found and not any(p.kind == "country" and p.start == found[1][0] for p in outside):
        return found
    return None


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
        if not words or any(_MONTHISH.match(w[2]) for w in words):
            continue
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
