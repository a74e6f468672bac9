"""The organisation's seat (country, region, city; contract 3.2) and its target countries (3.5).

Seat evidence is read strongest first, each kind filling only what is still unknown:
form fields and facts-table rows (Country / Region / City / Location / Head office /
Address; a Contact field only for a postal address), a "Country: Region (Country)" header
line, a location line whose label lost its colon, a line that is only a region name in a
form profile (its label did not match), seat phrases whose subject is the organisation
("based in X", "set up in 2012 in X", "със седалище в X", "offices in the Y Park in Town,
Country" with a town the gazetteer does not know), a postal address under the
organisation's name or a Contact heading ("8000 Aarhus C, Denmark"), a sentence defining the
organisation ("X is an association of ... in the Olomouc Region"), the organisation's own
name ("ICT Cluster Plovdiv", "Hungarian Cluster Association"), and last the country that
clearly dominates the page's country names. Places where the organisation merely held an event
are never read. Wording lives in `data/places/seat.toml`, names in the gazetteer.
"""
from __future__ import annotations

import bisect
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..document import Document, Extraction, FormField, Line, Span
from ..gazetteer import Place, find_places
from ..sections import match_label, normalise_label
from ..text_utils import sentence_around, trie_regex
from .names import DESIGNATORS, subject_dropped

with resources.files("profile_extract.data").joinpath("places").joinpath("seat.toml").open("rb") as _fh:
    _WORDING = tomllib.load(_fh)

_SELF_SEAT = re.compile(r"the\s+cluster(?:'s|’s)?\s", re.IGNORECASE)  # "at the cluster's base in Cork"
_FOUNDING_PLACE = re.compile(r"(?:set\s+up|established|founded|created|registered|launched|създаден|учреден|основан)", re.IGNORECASE)
_SEAT_BEFORE = re.compile("(?:" + "|".join(_WORDING["seat"]["before"]) + ")$", re.IGNORECASE)


def _trigger_pattern(words: list[str]) -> re.Pattern:
    """Case-sensitive (fast) finder of a word that a case-insensitive pattern's match holds."""
    forms = {form for word in words for form in (word, word.capitalize(), word.upper())}
    return re.compile(r"(?<!\w)(?:" + trie_regex(forms) + r")(?!\w)")  # a prefix tree: fast however many words


_SEAT_TRIGGER = _trigger_pattern(_WORDING["seat"]["triggers"])
_TARGET_TRIGGER = _trigger_pattern(_WORDING["target"]["triggers"])
_FROM_COUNTRY = re.compile("(?:" + _WORDING["seat"]["from_country"] + ")$")
_FROM_COUNTRY_WINDOW = int(_WORDING["seat"]["from_country_window"])
_BASED_AFTER = re.compile(_WORDING["seat"]["after"], re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:" + "|".join(_WORDING["seat"]["pronouns"]) + r")(?!\w)", re.IGNORECASE)
_NOUN_SUBJECT = re.compile(r"^\W*(?:" + "|".join(_WORDING["seat"]["determiners"]) + r")\s+(?P<noun>\w+)", re.IGNORECASE)
_MULTINATIONAL = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _WORDING["seat"]["multinational_name_words"])) + r")(?!\w)")
_VERB_LEAD = frozenset(_WORDING["seat"]["verb_lead"])
_AUXILIARIES = frozenset(_WORDING["seat"]["auxiliaries"])
_OTHER_SUBJECTS = frozenset(_WORDING["seat"]["other_subjects"])
_FIRST_WORD = re.compile(r"^\W*(?P<noun>\w+)")
_WORD_BEFORE = re.compile(r"(?P<word>\w+)\W*$")
_TARGET_AFTER_LIST = re.compile(_WORDING["target"]["after"], re.IGNORECASE)
_TARGET_BEFORE = re.compile("(?:" + "|".join(_WORDING["target"]["before"]) + ")", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:[.!?;]\s|\n)(?=[^\n]*$)")
_CAPITALISED_ORG = re.compile(r"(?<!\w)[A-ZА-Я][\w&.-]*(?:\s+(?:of|for|and|&|[A-ZА-Я][\w&.-]*)){0,6}\s+(?P<designator>[A-ZА-Я]\w+)")
_LATIN = re.compile(r"[A-Za-z]")
_SHORT_HEADER = re.compile(r"^[^:()]{2,40}?\s*:\s*[^:()]{2,60}$")
_HEADER = re.compile(r"^(?P<c>[^:()]{2,40}?)\s*:\s*(?P<r>[^:()]{2,60}?)\s*\(\s*(?P<c2>[^()]{2,40}?)\s*\)\s*$")
# "X, Y", "X (Y", "X (Y), Z", "X in the Y", "X, the capital of the Y region"
_FOLLOWER_GAP = re.compile(r"\s*(?:\)?\s*,(?:\s+the\s+(?:capital|administrative\s+(?:centre|center)|centre|center)\s+of"
                           r"(?:\s+the)?)?|\(|,?\s+in(?:\s+the)?)\s*")
# between the organisation's name and its town: "X (ACR) – Celje", "X | Split, Croatia", "The X from Cahul, Moldova"
# "X (ACR) – ", "X from ", "X · established in 2014 · " (a footer's other short facts between)
_NAME_THEN_PLACE = re.compile(r"\s*(?:\([^()\n]{1,15}\)\s*)?(?:[|·•][^|·•\n]{1,40}?)*(?:[–—,|·•-]|\s(?:from|based\s+in|of))\s*$")
_BEFORE_NAME_ON_LINE = re.compile(r"(?:[^:\n]{2,40}:\s*)?(?:(?:the|The)\s+)?\s*")  # "The X from ...", "Lead partner: X, Prella"
_SENTENCE_STOP = re.compile(r"[.;!?\n]")
_TARGET_LEAD = 30  # characters before a trigger word where a target phrase may begin ("main export markets")
_TARGET_TAIL = 100  # characters after it where the phrase may end ("markets where ... most in demand:")
_HEADER_WORDS = 6  # a label line ("Targeted countries") is this short
_HEADER_REST = re.compile(r"[^\S\n]*\w{0,12}[^\S\n]*:?[^\S\n]*")
_TARGET_REACH = 300  # characters after "target markets are" searched for countries
_SEAT_KEYS = ("country", "region", "city", "location")
_TOP_LINES = 10  # a "Country: Region (Country)" header sits near the top
_FORM_MIN_FIELDS = 4  # a page with this many form fields is a form profile
_LOOKBEHIND = 90  # characters before a place searched for a seat phrase
_SEAT_KINDS = frozenset({"country", "city", "region"})
_MAX_LEFTOVER_WORDS = 4  # "Location BULGARIA ... Sofia Yugozapaden Practice dates": a label line, not prose
_GENERAL_BLOCK_LINES = 40  # where a form profile gives its general information
_EVENT_LABELS = frozenset({"date", "time", "when", "date and time", "venue", "дата", "час", "datum", "data"})
_ADDRESS_LABELS = frozenset(_WORDING["labels"]["address"])
_CONTACT_LABELS = frozenset(_WORDING["labels"]["contact"])
_UPPER = "".join(sorted({ch for ch in map(chr, range(0x41, 0x530)) if ch.isupper() and ch.isalpha()}))
_TOWN_WORD = "[" + re.escape(_UPPER) + r"][^\W\d_]*(?:['’][^\W\d_]+)?"
_JOINER = "(?:" + "|".join(map(re.escape, _WORDING["seat"]["town_joiners"])) + ")"
# "Getafe", "Vila Nova de Famalicão", "Frankfurt am Main", "Cluj-Napoca": capitalised words, joined by a space, a
# hyphen or a lower-case joiner word
_TOWN = _TOWN_WORD + r"(?:(?:[ \t]|-|[ \t]" + _JOINER + r"[ \t])" + _TOWN_WORD + r"){0,3}"
# a postcode and the town after it: "8000 Aarhus C", "4700-000 Braga", "00-950 Warszawa", "546 21 Thessaloniki",
# "1012 AB Amsterdam", "D-10115 Berlin", "LT-44249 Kaunas"
_POSTCODE_TOWN = re.compile(
    r"(?<![\w.-])(?:[A-Z]{1,2}[-‐ ])?(?:\d{4}-\d{3}|\d{2}-\d{3}|\d{3}[ \u00a0]\d{2}|\d{4}[ \u00a0]?[A-Z]{2}(?=[ \t])|\d{4,6})"
    r"[ \t\u00a0]+(?P<town>" + _TOWN + ")"
)
_TOWN_SUFFIXES = frozenset(_WORDING["seat"]["town_suffixes"])
# "... in Getafe, Spain": a town, then a comma and (checked by the caller) a country
_TOWN_BEFORE_COUNTRY = re.compile(r"(?<!\w)(?:in|at)[ \t]+(?P<town>" + _TOWN + r")[ \t]*,[ \t]*$")
# "based in Borlänge in Dalarna County", "in Gabrovo, North Central region": a town before its region
_TOWN_BEFORE_REGION = re.compile(r"(?<!\w)(?:in|at)[ \t]+(?P<town>" + _TOWN + r")(?:[ \t]*,[ \t]*|[ \t]+in[ \t]+(?:the[ \t]+)?)$")
# "in the Aero Technology Park in ": a named place (a park, a building) between a seat phrase and the town
_NAME_HOP = re.compile(r"(?:the[ \t]+)?[A-Z][\w&'.-]*(?:[ \t]+(?:of|for|and|&|[A-Z][\w&'.-]*)){0,6},?[ \t]+(?:in|at)[ \t]+$")
_TOWN_LINE_END = re.compile(r"(?<![^\W\d_])(?P<town>" + _TOWN + r")[ \t]*,[ \t]*$")
_TABLE_ROW = re.compile(r"^\|?[ \t]*(?P<label>[^|\n]{2,40}?)[ \t]*\|[ \t]*(?P<value>[^|\n]{2,150}?)[ \t]*\|?[ \t]*$")
_DEFINITION_NOUN = "(?:" + "|".join(map(re.escape, _WORDING["seat"]["definition_nouns"])) + ")"
_COPULA = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:,[^,.;\n]{1,80},[ \t]*)?(?:is|was|has been|е)[ \t]+(?:(?:a|an|the|one of the)[ \t]+)?")
# after the copula: "... association of manufacturers ... in the ", "... cluster of the ", "... cluster from "
_DEFINITION_LEAD = re.compile(
    r"[^.;:!?\n]{0,80}?(?<!\w)" + _DEFINITION_NOUN + r"(?:[ \t]+(?:of|for|за|на)[ \t]+[^.;:!?\n]{0,100}?)?"
    r"[ \t]+(?:in|of|from|for|в|във|от|based[ \t]+in|located[ \t]+in)[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_DEFINITION_REACH = 300  # characters of a definition sentence read after the copula
_ADDRESS_BLOCK_LINES = 5  # an address block ends this many lines after the organisation's name or a Contact heading
_CAPITALISED_AFTER = re.compile(r"[ \t]+(?P<word>[" + re.escape(_UPPER) + r"][^\W_]*)")
_BASED_NOUN = re.compile(r"[\s‐‑–—-]{0,2}based[ \t]+(?P<noun>\w+)")
_LOWER_REGION_WORD = re.compile(r"[ \t]+(?:region|area|province|county)$")  # "the Pirkanmaa region": the name is "Pirkanmaa"


_DESIGNATOR_WORDS = DESIGNATORS  # organisation-type words ("Cluster", "Network"), shared with the names extractor
_DESIGNATOR_NOUNS = frozenset(_WORDING["seat"]["definition_nouns"])


@dataclass
class _Seat:
    """What is known so far about the seat; a slot, once filled by stronger evidence, stays."""

    country: tuple[str, Span] | None = None
    region: tuple[str, Span, str | None] | None = None  # value, span, country code
    city: tuple[str, Span, str | None] | None = None

    def add(self, place: Place, value: str | None = None) -> None:
        value = value or place.text
        if place.kind == "country":
            self.set_country(place.code, (place.start, place.end))
        elif place.kind == "region" and self.region is None and self._fits(place.code):
            self.region = (value, (place.start, place.end), place.code)
        elif place.kind == "city" and self.city is None and self._fits(place.code):
            self.city = (value, (place.start, place.end), place.code)

    def set_country(self, code: str | None, span: Span) -> None:
        if code and self.country is None:
            self.country = (code, span)

    def _fits(self, code: str | None) -> bool:
        return self.country is None or code is None or code == self.country[0]

    @property
    def complete(self) -> bool:
        return self.country is not None and self.region is not None and self.city is not None


def extract(doc: Document, found: dict[str, Any]) -> Extraction:
    out = Extraction()
    if not doc.text:
        return out
    names = _org_names(found)
    places = find_places(doc.text)
    seat = _Seat()
    for step in (_from_fields, _from_table_rows, _from_header_line, _from_label_lines, _from_region_lines):
        step(doc, seat)
    if not seat.complete:
        _from_phrases(doc, places, names, seat)
    if not seat.complete:
        _from_address_blocks(doc, names, seat)
    if not seat.complete:
        _from_definition(doc, places, names, seat)
    if not seat.complete:
        _from_name_then_place(doc, places, names, seat)
    if not seat.complete:
        _from_name(doc, names, seat, {p.code for p in places if p.kind == "country"})
    _country_from_place(seat)
    if seat.country is None:
        _from_dominant_country(places, names, seat)
    if seat.country:
        out.set("country", seat.country[0], seat.country[1])
    if seat.region:
        out.set("region", *_region_name(*seat.region[:2]))
    if seat.city:
        out.set("city", *_preferred_form(seat.city, places))
    for code, span in _target_countries(doc):
        out.append("target_countries", code, span)
    return out


# ------------------------------------------------------------------ seat evidence


def _from_fields(doc: Document, seat: _Seat) -> None:
    """Form fields Country / Region / City / Location / Head office / Address (and their other-language
    labels), in that order of strength; a Contact field only for a postcode address."""
    by_key: dict[str, list[tuple[FormField, str]]] = {}
    for form_field in doc.fields:
        key = _seat_key(form_field.label, form_field.key)
        if key is not None:
            by_key.setdefault(key, []).append((form_field, key))
    for key in (*_SEAT_KEYS, "contact"):
        for form_field, _ in by_key.get(key, []):
            if key in ("location", "contact") and _event_field_near(doc, form_field):
                continue
            for value in form_field.values:
                _read_seat_value(doc, seat, key, value.start, value.end)


def _from_table_rows(doc: Document, seat: _Seat) -> None:
    """ "Head office | Kokkola, Finland", "| Country | Estonia |": a facts-table row kept as text."""
    for line in doc.lines:
        if "|" not in line.text or len(line.text) > 200:
            continue
        m = _TABLE_ROW.match(line.text)
        if m is None:
            continue
        spec = match_label(m.group("label"))
        key = _seat_key(m.group("label"), spec.key if spec else None)
        if key is not None:
            _read_seat_value(doc, seat, key, line.start + m.start("value"), line.start + m.end("value"))


def _seat_key(label: str, key: str | None) -> str | None:
    """What a form label says about the seat: country / region / city / location (an address), contact, or None."""
    if key in _SEAT_KEYS:
        return key
    norm = normalise_label(label)
    if norm in _ADDRESS_LABELS:
        return "location"
    if norm in _CONTACT_LABELS:
        return "contact"
    return None


def _read_seat_value(doc: Document, seat: _Seat, key: str, start: int, end: int) -> None:
    """The places in the value of a seat label; a town after a postcode even when unknown."""
    found = [p for p in find_places(doc.text, start, end) if p.kind in _SEAT_KINDS]
    town = _postcode_town(doc.text, start, end, found)
    if key == "contact":
        if town is not None:
            _add_town(seat, doc.text, town, found)
        return
    if key == "country":
        found = [p for p in found if p.kind == "country"]
    elif key == "location" and town is not None:
        _add_town(seat, doc.text, town, found)
    for place in _most_specific_first(found):
        seat.add(place)
    if key in ("region", "city") and not any(p.kind == key for p in found):
        _add_unknown_place(seat, key, Line(0, start, end, doc.text[start:end]))


def _postcode_town(text: str, start: int, end: int, found: list[Place]) -> Span | None:
    """The town of a postal address ("Vestergade 10, 8000 Aarhus C, Denmark" -> Aarhus), up to a country
    name; without a postcode, the town of an address line that ends in ", Town, Country"."""
    m = next((m for m in _POSTCODE_TOWN.finditer(text, start, end) if _opens_address_part(text, start, m.start())), None)
    if m is None:
        last = [p for p in found if p.kind == "country" and start <= p.start < end and not text[p.end:end].strip(" .")]
        m = _TOWN_LINE_END.search(text, start, last[-1].start) if last else None
        return m.span("town") if m and _opens_address_part(text, start, m.start()) else None
    town_start, town_end = m.span("town")
    for place in found:
        if place.kind == "country" and town_start < place.start < town_end:
            town_end = place.start  # "10115 Berlin Germany"
    words = text[town_start:town_end].split()
    while len(words) > 1 and (words[-1] in _TOWN_SUFFIXES or not words[-1][:1].isupper()):
        words.pop()
    return (town_start, town_start + len(" ".join(words))) if words else None


def _opens_address_part(text: str, start: int, at: int) -> bool:
    """A postcode opens a part of an address: at the start of the value or line, or after a comma
    ("Street 1, 8000 Aarhus"); "on 12 May 2019 Berlin hosted" is a date, not a postcode."""
    before = text[max(start, at - 40):at].rstrip(" \t\u00a0")
    return not before or before[-1] in ",;:|(\n"


def _add_town(seat: _Seat, text: str, town: Span, found: list[Place]) -> None:
    """A postcode town: the gazetteer's place when it knows the name, else the town as written; the
    country of the address comes with it."""
    known = [p for p in found if p.start == town[0] and p.kind in _SEAT_KINDS]
    countries = [p for p in found if p.kind == "country" and p.start >= town[1]]
    code = known[0].code if known else (countries[0].code if countries else None)
    if countries and code == countries[0].code:
        seat.set_country(code, (countries[0].start, countries[0].end))
    if known and known[0].kind != "city":
        return  # "Lyon, Auvergne-Rhône-Alpes, France": the word before the country is the region
    city_before = [p for p in found if p.kind == "city" and p.end <= town[0] and seat._fits(p.code)]
    if not known and city_before:  # "Braga, Norte, Portugal": a known town, then a region the gazetteer lacks
        seat.add(city_before[-1])
        if seat.region is None:
            seat.region = (text[town[0]:town[1]], town, code)
        return
    if seat.city is None and seat._fits(code):
        seat.city = (known[0].text, (known[0].start, known[0].end), code) if known else (text[town[0]:town[1]], town, code)


def _event_field_near(doc: Document, location: FormField) -> bool:
    """ "Date: ... / Location: ...": the place of an event, not the seat."""
    line = doc.line_at(location.label_span[0])
    if line is None:
        return False
    return any(
        f.label.strip().casefold() in _EVENT_LABELS and (near := doc.line_at(f.label_span[0])) and abs(near.index - line.index) <= 3
        for f in doc.fields
    )


def _add_unknown_place(seat: _Seat, key: str, value: Line) -> None:
    """A Region: / City: value the gazetteer does not know, taken as written when it reads like a name."""
    text = value.text.strip(" .,;")
    if not (1 <= len(text.split()) <= 4) or not text[:1].isupper() or any(ch.isdigit() for ch in text):
        return
    span = (value.start, value.start + len(text))
    if key == "region" and seat.region is None:
        seat.region = (text, span, None)
    elif key == "city" and seat.city is None:
        seat.city = (text, span, None)


def _from_header_line(doc: Document, seat: _Seat) -> None:
    """ "Bulgaria: South-West (Bulgaria)": a country, a region and the country again, near the top."""
    for line in doc.lines[:_TOP_LINES]:
        short = _SHORT_HEADER.match(line.text)
        if short:  # "Poland: Śląskie": a country, then a region the gazetteer knows in it
            found = find_places(doc.text, line.start, line.end)
            if len(found) == 2 and found[0].kind == "country" and found[1].kind == "region" \
                    and found[0].code == found[1].code and found[1].end == line.end:
                seat.set_country(found[0].code, (found[0].start, found[0].end))
                seat.add(found[1])
                return
        m = _HEADER.match(line.text)
        if not m:
            continue
        inside = find_places(doc.text, line.start, line.end)
        countries = [p for p in inside if p.kind == "country"]
        if len(countries) < 2 or len({p.code for p in countries}) != 1:
            continue
        seat.set_country(countries[0].code, (countries[0].start, countries[0].end))
        start = line.start + m.start("r")
        region = doc.text[start:line.start + m.end("r")]
        if seat.region is None and not any(p.kind == "country" and p.start == start for p in inside):
            seat.region = (region, (start, start + len(region)), countries[0].code)
        return


def _from_label_lines(doc: Document, seat: _Seat) -> None:
    """ "Location BULGARIA ... Sofia Yugozapaden": a seat label that lost its colon, then places."""
    for line in doc.lines:
        first = line.text.split(maxsplit=1)
        if len(first) < 2 or len(line.text) > 200 or first[0].endswith(":"):
            continue  # a "Label:" line is a form field, read (or deliberately skipped) above
        spec = match_label(first[0])
        if spec is None or spec.key not in _SEAT_KEYS:
            continue
        found = [p for p in find_places(doc.text, line.start + len(first[0]), line.end) if p.kind in _SEAT_KINDS]
        rest = _uncovered(first[1], [(p.start - line.end + len(first[1]), p.end - line.end + len(first[1])) for p in found])
        if found and len({p.code for p in found}) == 1 and len(rest.split()) <= _MAX_LEFTOVER_WORDS:
            for place in _most_specific_first(found):
                seat.add(place)
            return


def _from_region_lines(doc: Document, seat: _Seat) -> None:
    """A line that is only a region name ("Region of Vojvodina", "Южен централен (Yuzhen tsentralen)")
    in a form profile: its value whose label did not match."""
    if seat.region is not None or len(doc.fields) < _FORM_MIN_FIELDS:
        return
    for line in doc.lines[:_GENERAL_BLOCK_LINES]:
        found = find_places(doc.text, line.start, line.end)
        regions = [p for p in found if p.kind == "region" and p.code]
        if not regions or len(regions) != len(found) or len({p.code for p in regions}) != 1:
            continue
        if _uncovered(line.text, [(p.start - line.start, p.end - line.start) for p in regions]).strip(" ()/,-–"):
            continue
        region = _latin_first(regions)
        if seat._fits(region.code):
            seat.region = (region.text, (region.start, region.end), region.code)
            return


def _from_phrases(doc: Document, places: list[Place], names: list[str], seat: _Seat) -> None:
    """ "based in X", "set up in 2012 in X (Country)", "със седалище в X", "a Plovdiv-based cluster",
    "offices in the Aero Park in Getafe, Spain" (a town the gazetteer does not know, before a country)."""
    triggers = [m.start() for m in _SEAT_TRIGGER.finditer(doc.text)]
    known_starts = {p.start for p in places}
    for strong_only in (True, False):  # "has its seat in X" before "was founded in 2015 in Y"
        for i, place in enumerate(places):
            if place.kind not in _SEAT_KINDS:
                continue
            town = _unknown_town_before(doc.text, place, known_starts)
            at = town[0] if town else place.start
            anchor = _seat_phrase_start(doc.text, at, triggers)
            based = None if town else _BASED_AFTER.match(doc.text[place.end:place.end + 12])
            if strong_only and anchor is not None and _FOUNDING_PLACE.match(doc.text, anchor):
                continue
            if anchor is None and not based:
                if place.kind == "country" and place.start < _FROM_COUNTRY_WINDOW and _FROM_COUNTRY.search(doc.text[max(0, place.start - _LOOKBEHIND):place.start]):
                    seat.set_country(place.code, (place.start, place.end))
                continue
            if not town and (_opens_list(doc.text, place, places[i + 1:i + 2]) or (anchor is not None and _inside_longer_name(doc.text, place))):
                continue
            if anchor is None:
                anchor = place.start
                if not _based_noun_is_organisation(doc.text, place, names) and not _organisation_is_subject(doc.text, anchor, names):
                    continue
            elif not _PRONOUN_SUBJECT.match(doc.text[anchor:anchor + 20]) and not _SELF_SEAT.match(doc.text, anchor) \
                    and not _organisation_is_subject(doc.text, anchor, names) \
                    and not _subject_after_leading_phrase(doc.text, anchor, place.end, names) \
                    and not subject_dropped(doc.text, sentence_around(doc.text, anchor, anchor)[0], anchor,
                                            [n.casefold() for n in names], whole_clause=True):
                continue  # "È stato costituito nel 2008 e ha sede a Lissone": the sentence before names it
            if town and seat.city is None and seat._fits(place.code):
                seat.city = (doc.text[town[0]:town[1]], town, place.code)
            seat.add(place)
            if not town:
                _add_followers(doc.text, place, places[i + 1:i + 3], seat)
            if seat.complete:
                return


def _seat_phrase_start(text: str, at: int, triggers: list[int]) -> int | None:
    """Where a seat phrase ending right before `at` begins ("based in ", "has its offices in the ");
    also across a named site: "has its offices in the Aero Technology Park in " + the town."""
    window_start = max(0, at - _LOOKBEHIND)
    if bisect.bisect_left(triggers, window_start) >= bisect.bisect_left(triggers, at):
        return None
    before = text[window_start:at]
    phrase = _closest(_SEAT_BEFORE, before)
    if phrase:
        return window_start + phrase.start()
    hop = _NAME_HOP.search(before)
    if hop and hop.start() > 0:
        phrase = _SEAT_BEFORE.search(before, 0, hop.start())
        if phrase:
            return window_start + phrase.start()
    return None


def _closest(pattern: re.Pattern, before: str) -> re.Match | None:
    """The phrase ending right before a place: "Our office is located in" as a whole, but "has its seat in" rather
    than a founding phrase that reaches over it ("was established in 2015 in Opatija and has its seat in")."""
    found = pattern.search(before)
    while found is not None and _FOUNDING_PLACE.match(before, found.start()):
        later = pattern.search(before, found.start() + 1)
        if later is None:
            break
        found = later
    return found


def _unknown_town_before(text: str, country: Place, known_starts: set[int]) -> Span | None:
    """ "in Getafe, Spain", "in Borlänge in Dalarna County": a capitalised town the gazetteer does not know,
    right before a country or a region."""
    if country.kind not in ("country", "region"):
        return None
    pattern = _TOWN_BEFORE_COUNTRY if country.kind == "country" else _TOWN_BEFORE_REGION
    m = pattern.search(text, max(0, country.start - 60), country.start)
    if m is None or m.start("town") in known_starts:
        return None
    return m.span("town")


def _inside_longer_name(text: str, place: Place) -> bool:
    """ "based in the Tampere Science Park": the place opens a longer proper name, it is not the seat."""
    nxt = _CAPITALISED_AFTER.match(text, place.end)
    return nxt is not None and not find_places(nxt.group("word"))


def _based_noun_is_organisation(text: str, place: Place, names: list[str]) -> bool:
    """ "The Łódź-based cluster": the noun after "-based" is a word of the organisation's own name."""
    m = _BASED_NOUN.match(text, place.end)
    if m is None:
        return False
    noun = m.group("noun").casefold()
    return any(noun == w.casefold() for name in names for w in re.findall(r"\w{4,}", name))


def _add_followers(text: str, place: Place, following: list[Place], seat: _Seat) -> None:
    """ "Aarhus, in the Central Denmark Region", "Cluj-Napoca (Romania)", "Tampere, Finland"."""
    for follower in following:
        if follower.kind not in _SEAT_KINDS or not _FOLLOWER_GAP.fullmatch(text, place.end, follower.start):
            break
        seat.add(follower)
        place = follower


def _from_definition(doc: Document, places: list[Place], names: list[str], seat: _Seat) -> None:
    """ "X is an association of manufacturers ... in the Olomouc Region", "X is a cluster from Tampere,
    Finland", "X is the robotics cluster of the Occitanie region": the place of a sentence that
    defines the organisation."""
    starts = [p.start for p in places]
    for name in names:
        position = 0
        for _ in range(3):  # the first few mentions of the name
            at = doc.text.find(name, position)
            if at < 0:
                break
            position = at + len(name)
            copula = _COPULA.match(doc.text, position)
            if copula is None:
                continue
            stop = _SENTENCE_STOP.search(doc.text, copula.end(), copula.end() + _DEFINITION_REACH)
            end = stop.start() if stop else min(len(doc.text), copula.end() + _DEFINITION_REACH)
            for i in range(bisect.bisect_left(starts, copula.end()), bisect.bisect_left(starts, end)):
                place = places[i]
                lead = doc.text[copula.end():place.start]
                if place.kind not in _SEAT_KINDS or not _DEFINITION_LEAD.fullmatch(lead):
                    continue
                if _names_other_org(lead) or _opens_list(doc.text, place, places[i + 1:i + 2]) or _inside_longer_name(doc.text, place):
                    return
                seat.add(place)
                _add_followers(doc.text, place, places[i + 1:i + 3], seat)
                return


def _from_address_blocks(doc: Document, names: list[str], seat: _Seat) -> None:
    """A postal address right under the organisation's name (a letter's recipient block, a contact
    block, "Name, Street 1, 38122 Trento, Italy") or under a Contact heading."""
    for i, line in enumerate(doc.lines):
        if not (_is_name_line(line.text, names) or normalise_label(line.text) in _CONTACT_LABELS):
            continue
        for j in range(i, min(len(doc.lines), i + _ADDRESS_BLOCK_LINES + 1)):
            nxt = doc.lines[j]
            if nxt.index - line.index > _ADDRESS_BLOCK_LINES:
                break
            found = [p for p in find_places(doc.text, nxt.start, nxt.end) if p.kind in _SEAT_KINDS]
            after = doc.lines[j + 1] if j + 1 < len(doc.lines) else None
            if after is not None and after.index == nxt.index + 1:
                found += [p for p in find_places(doc.text, after.start, after.end) if p.kind == "country"
                          and len(after.text.strip(" .,")) == p.end - p.start]  # "7400 Herning" / "Denmark"
            town = _postcode_town(doc.text, nxt.start, nxt.end, found)
            if town is not None:
                _add_town(seat, doc.text, town, found)
                return


def _is_name_line(text: str, names: list[str]) -> bool:
    """A line that is the organisation's name, or opens with it and goes on with an address ("Name, Street 1")."""
    folded = text.strip().casefold()
    first = _FOOTER_SEPARATOR.split(folded, 1)[0].strip()  # "CCFM – Cluster X · Via Roma 4, 63900 Fermo, Italia"
    return any(folded == n.casefold() or folded.startswith(n.casefold() + ",")
               or first.endswith(n.casefold()) and len(first) <= len(n) + 12 for n in names if n)


_FOOTER_SEPARATOR = re.compile(r"\s+[·|•]\s+")


def _organisation_is_subject(text: str, anchor: int, names: list[str]) -> bool:
    """The sentence before a seat phrase names the organisation (or opens with "We" / "The cluster"),
    no other organisation comes between, and no other noun stands right before the phrase
    ("firms based in")."""
    line_start = text.rfind("\n", 0, anchor) + 1
    starts = [m.end() for m in _SENTENCE_START.finditer(text, max(line_start, anchor - 400), anchor)]
    sentence = text[starts[-1] if starts else max(line_start, anchor - 400):anchor]
    if _other_noun_before(sentence):
        return False
    folded = sentence.casefold()
    last = max((folded.rfind(n.casefold()) + len(n) for n in names if n.casefold() in folded), default=-1)
    if last >= 0:
        return not _names_other_org(sentence[last:])
    return _opens_with_organisation(sentence, names) and not _names_other_org(sentence)


def _subject_after_leading_phrase(text: str, anchor: int, place_end: int, names: list[str]) -> bool:
    """ "Based in Galway, Ireland, the cluster ...": a seat phrase opening its sentence, whose subject after
    the comma (past the place's region or country) is the organisation."""
    line_start = text.rfind("\n", 0, anchor) + 1
    lead = text[max(line_start, anchor - 400):anchor]
    starts = [m.end() for m in _SENTENCE_START.finditer(lead)]
    if lead[starts[-1] if starts else 0:].strip(" \t-•*"):
        return False
    after = text[place_end:place_end + _SUBJECT_REACH]
    for comma in [m.end() for m in re.finditer(r",\s*", after)][:3]:
        subject = after[comma:].casefold()
        noun = _NOUN_SUBJECT.match(subject)
        if _PRONOUN_SUBJECT.match(subject) or (noun and noun.group("noun") in _DESIGNATOR_NOUNS) \
                or any(subject.removeprefix("the ").startswith(n.casefold()) for n in names if n):
            return True  # "we", "the cluster", or the name itself; not "the Marine Institute"
    return False


_SUBJECT_REACH = 150


def _other_noun_before(sentence: str) -> bool:
    """ "leading firms based in": a noun other than the organisation right before the phrase."""
    words = sentence.split()
    while words and words[-1].casefold() in _AUXILIARIES:
        words.pop()
    if not words or words[-1][-1:] in ",(":
        return False
    m = _WORD_BEFORE.search(words[-1])
    if m is None:
        return False
    word = m.group("word")
    folded = word.casefold()
    return word.islower() and (folded in _OTHER_SUBJECTS or (len(folded) > 3 and folded.endswith("s") and folded not in _VERB_LEAD))


def _opens_with_organisation(sentence: str, names: list[str]) -> bool:
    """ "We ...", "The cluster ...", "Клъстерът ...": a pronoun, or a name word of the organisation."""
    if _PRONOUN_SUBJECT.match(sentence):
        return True
    m = _NOUN_SUBJECT.match(sentence) or _FIRST_WORD.match(sentence)
    if not m:
        return False
    noun = m.group("noun").casefold()
    name_words = {w.casefold() for name in names for w in re.findall(r"\w{4,}", name)}
    if m.re is _NOUN_SUBJECT and noun in _DESIGNATOR_NOUNS and not name_words & _DESIGNATOR_NOUNS:
        return True  # "The cluster ..." on the page of "FoodTec Alsace", whose name has no such word
    return len(noun) >= 4 and any(noun.startswith(w) or w.startswith(noun) for w in name_words)


def _opens_list(text: str, place: Place, following: list[Place]) -> bool:
    """ "based in Albania, Bulgaria, Greece ...": places of the same kind in a row are not one seat."""
    return bool(following) and following[0].kind == place.kind and text[place.end:following[0].start].strip() in (",", "and", "&", "и")


def _names_other_org(text: str) -> bool:
    return any(m.group("designator") in _DESIGNATOR_WORDS for m in _CAPITALISED_ORG.finditer(text))


def _from_name_then_place(doc: Document, places: list[Place], names: list[str], seat: _Seat) -> None:
    """ "Slovenian Plastics Technology Cluster (SPTC) – Celje, Slovenia – coordinator": a list entry
    giving the organisation's own place right after its name."""
    for i, place in enumerate(places):
        if place.kind not in ("city", "region"):
            continue
        line = doc.line_at(place.start)
        if line is None:
            continue
        lead = _BEFORE_NAME_ON_LINE.match(doc.text, line.start, place.start)
        before = doc.text[lead.end() if lead else line.start:place.start]
        if not any(before.startswith(name) and _NAME_THEN_PLACE.fullmatch(before, len(name)) for name in names):
            continue
        seat.add(place)
        _add_followers(doc.text, place, places[i + 1:i + 3], seat)  # "Prato (Tuscany), Italy"
        return


def _from_name(doc: Document, names: list[str], seat: _Seat, page_countries: set[str]) -> None:
    """A place in the organisation's own name: "ICT Cluster Plovdiv", "Marine Cluster Bulgaria",
    "Hungarian Cluster Association", "Silicon Saxony"; not a town of a country the page never names
    when it names others ("Kozara Wood Cluster" on a Serbian page is not the Bosnian town)."""
    for name in names:
        places = find_places(name)
        inside = [p for p in places if p.kind != "macro"]
        if not inside or len({p.code for p in inside}) != 1:
            continue
        if any(p.kind == "macro" for p in places) and inside[-1].end != len(name):
            continue  # "Adriatic Wood Cluster" spans countries; "Adriatic Yacht Cluster Apulia" is in Apulia
        if page_countries and inside[0].code not in page_countries:
            continue
        offset = _occurrence(doc.text, name)
        for place in _most_specific_first(inside):
            if offset is not None:
                place = Place(offset + place.start, offset + place.end, place.text, place.kind, place.code, place.canonical, place.level)
            else:
                at = doc.text.find(place.text)
                if at < 0:
                    continue
                place = Place(at, at + len(place.text), place.text, place.kind, place.code, place.canonical, place.level)
            if place.kind == "adjective":
                seat.set_country(place.code, (place.start, place.end))
            else:
                seat.add(place)
        return


def _country_from_place(seat: _Seat) -> None:
    """A stated city or region also gives the country."""
    for slot in (seat.city, seat.region):
        if slot and slot[2]:
            seat.set_country(slot[2], slot[1])


def _from_dominant_country(places: list[Place], names: list[str], seat: _Seat) -> None:
    """Last resort: one country clearly dominates the page's country names (never for an
    organisation whose name spans several countries: "Balkan and Black Sea ICT Network")."""
    if any(_MULTINATIONAL.search(name) or any(p.kind == "macro" for p in find_places(name)) for name in names):
        return
    countries = [p for p in places if p.kind == "country"]
    counts = Counter(p.code for p in countries).most_common(2)
    if not counts:
        return
    top, count = counts[0]
    runner_up = counts[1][1] if len(counts) > 1 else 0
    dominant = _WORDING["seat"]
    if count >= dominant["dominant_min"] and count >= dominant["dominance"] * runner_up and count >= dominant["share"] * len(countries):
        first = next(p for p in countries if p.code == top)
        seat.set_country(top, (first.start, first.end))


# ------------------------------------------------------------------ target countries


def _target_countries(doc: Document) -> list[tuple[str, Span]]:
    """Countries under a target-countries field or after "target markets are ..." in prose."""
    spans: list[tuple[int, int]] = []
    for form_field in doc.fields_for("target_countries"):
        spans.extend((value.start, value.end) for value in form_field.values)
    for trigger in _TARGET_TRIGGER.finditer(doc.text):
        named_before = _TARGET_AFTER_LIST.search(doc.text, max(0, trigger.start() - _TARGET_LEAD), trigger.end())
        if named_before:  # "names Croatia, Montenegro and Greece as its priority countries"
            spans.append((_sentence_start(doc.text, named_before.start()), named_before.start()))
            continue
        m = _TARGET_BEFORE.search(doc.text, max(0, trigger.start() - _TARGET_LEAD), trigger.end() + _TARGET_TAIL)
        if m is None or not m.start() <= trigger.start() < m.end() or any(s <= m.start() < e for s, e in spans):
            continue
        stop = _sentence_end(doc.text, m.end())
        spans.append((m.end(), stop))
        spans.extend(_country_lines_after(doc, trigger.end()))
    seen: dict[str, Span] = {}
    for start, end in spans:
        for place in find_places(doc.text, start, end, kinds=frozenset({"country"})):
            seen.setdefault(place.code, (place.start, place.end))
    return list(seen.items())


def _country_lines_after(doc: Document, offset: int) -> list[Span]:
    """ "Targeted countries" alone on a line, then one country per line: the list block under it."""
    line = doc.line_at(offset)
    if line is None or len(line.text.split()) > _HEADER_WORDS or not _HEADER_REST.fullmatch(doc.text, offset, line.end):
        return []
    position = doc.lines.index(line)
    spans: list[Span] = []
    for nxt in doc.lines[position + 1:]:
        if nxt.index - line.index > 2:  # a blank line or two may separate the items from the label
            break
        found = find_places(doc.text, nxt.start, nxt.end, kinds=frozenset({"country"}))
        if not found or _uncovered(nxt.text, [(p.start - nxt.start, p.end - nxt.start) for p in found]).strip(" ,;.-–"):
            break
        spans.append(nxt.span)
        line = nxt
    return spans


def _sentence_start(text: str, end: int) -> int:
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, max(0, end - _TARGET_REACH), end)]
    return stops[-1] if stops else max(0, end - _TARGET_REACH)


def _sentence_end(text: str, start: int) -> int:
    m = _SENTENCE_STOP.search(text, start, min(len(text), start + _TARGET_REACH))
    return m.start() if m else min(len(text), start + _TARGET_REACH)


# ------------------------------------------------------------------ helpers


def _org_names(found: dict[str, Any]) -> list[str]:
    names = [found.get("name")] + list(found.get("aliases") or [])
    return [n for n in names if isinstance(n, str) and len(n.strip()) >= 2]


def _most_specific_first(places: list[Place]) -> list[Place]:
    """City before region, a NUTS-2 region before its NUTS-1 grouping, Latin before Cyrillic."""
    order = {"city": 0, "region": 1, "country": 2, "adjective": 3}
    return sorted(places, key=lambda p: (order.get(p.kind, 4), -p.level, not _LATIN.search(p.text)))


def _latin_first(places: list[Place]) -> Place:
    return sorted(places, key=lambda p: (-p.level, not _LATIN.search(p.text)))[0]


def _uncovered(text: str, spans: list[tuple[int, int]]) -> str:
    kept, position = [], 0
    for start, end in sorted(spans):
        kept.append(text[position:start])
        position = max(position, end)
    kept.append(text[position:])
    return "".join(kept)


def _occurrence(text: str, name: str) -> int | None:
    at = text.find(name)
    if at < 0:
        at = text.casefold().find(name.casefold()) if len(text) == len(text.casefold()) else -1
    return at if at >= 0 else None


def _preferred_form(city: tuple[str, Span, str | None], places: list[Place]) -> tuple[str, Span]:
    """The city as the page writes it in full and in Latin script when it does ("Cluj-Napoca", not "Cluj")."""
    value, span, code = city
    same = [p for p in places if p.kind == "city" and p.code == code and _canonical_of(value, code) == p.canonical]
    for p in same:
        if p.text == p.canonical and p.text != value:
            return p.text, (p.start, p.end)
    if not _LATIN.search(value):
        for p in same:
            if _LATIN.search(p.text):
                return p.text, (p.start, p.end)
    return value, span


def _region_name(value: str, span: Span) -> tuple[str, Span]:
    """ "the Pirkanmaa region" names the region "Pirkanmaa"; a capitalised "Olomouc Region" is the name itself."""
    m = _LOWER_REGION_WORD.search(value)
    if m is None or m.start() == 0:
        return value, span
    return value[:m.start()], (span[0], span[0] + m.start())


def _canonical_of(value: str, code: str | None) -> str | None:
    for place in find_places(value):
        if place.kind == "city" and place.code == code:
            return place.canonical
    return None
