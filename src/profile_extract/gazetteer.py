"""Place names: countries (ISO 3166-1 alpha-2), cities, sub-national regions and macro-regions.

The vocabulary is data (`data/places/*.toml`: countries, hand-written cities and regions,
NUTS-2 regions and counties of European countries), loaded once into a dictionary keyed by a
folded form (casefolded, no diacritics, dashes and spaces unified). A page is scanned word
by word: only words that start a known name are looked at, and the longest name starting
there wins. A name matches as written, in ALL CAPS, or re-capitalised with an upper-case
first letter; short or ambiguous forms (data `exact`) only as written, and person first
names that are also cities ("Milan Solaja") are skipped before another capitalised word.
Country adjectives ("Hungarian") are found too, as kind "adjective": evidence for a seat in
an organisation name, never GPE mentions.
"""
from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .document import Mention
from .text_utils import person_first_names, trie_regex

KINDS = ("country", "city", "region", "macro", "adjective")


@dataclass(frozen=True, slots=True)
class Place:
    """A place name found in a text; `code` is the ISO alpha-2 country code (None for macro-regions)."""

    start: int
    end: int
    text: str
    kind: str  # country | city | region | macro | adjective
    code: str | None
    canonical: str
    level: int = 0  # regions: 1 for a NUTS-1-like grouping, 2 for a region inside it


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a written form names."""

    kind: str
    code: str | None
    canonical: str
    level: int = 0


# How to read a form that names several things ("Luxembourg": the country first).
_PRIORITY = {"country": 0, "city": 1, "region": 2, "macro": 3, "adjective": 4}
_DASHES = "‐‑‒–—-"  # ASCII hyphen last: safe at the end of a character class
_SPACE_RUN = re.compile(r"[\s" + _DASHES + r"]+")
_WORD = re.compile(r"[^\W_]+")
# the next word of a name, after a space, a hyphen, "St. " or "L'"
_NEXT_WORD = re.compile(r"[ \t\u00a0]{0,2}[.'’" + _DASHES + r"]?[ \t\u00a0]{0,2}(?P<word>[^\W_]+)")
_CAPITALISED_NEXT = re.compile(r"[ \t\u00a0]+(?P<word>[A-ZА-ЯÀ-ÞŠŽČĆĐ][^\W_]*)")
# "Region of X", "X region", "X Oblast": a known city or region named as a region
_REGION_BEFORE = re.compile(
    r"(?:Region|region|Регион|регион|Oblast|oblast|Province|province|County|county|District|district)[ \t]+of[ \t]+$"
)
_REGION_AFTER = re.compile(r"[ \t]+(?:[Rr]egion|[Oo]blast|County|Province|District|Voivodeship|Canton|Governorate|Prefecture|"
                           r"област|регион|район)(?!\w)")
_COMPASS = re.compile(
    r"(?<!\w)(?:(?:North|South)(?:[ \-–](?:East|West|Central)|east|west)?|East|West|Central|NW|NE|SW|SE)"
    r"(?P<region>[ \t]+Region)?(?!\w)"
)
_HEADER_WORDS = frozenset({"about", "contact", "join", "follow", "email", "call", "visit", "write", "help"})
_STRIP = " \t.,;:()\"'“”„«»"


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Comparison key of a name: casefolded, without diacritics, dashes and spaces unified."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("ı", "i"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACE_RUN.sub(" ", text.casefold()).strip()


def _ascii_variant(form: str) -> str:
    stripped = unicodedata.normalize("NFKD", form)
    return unicodedata.normalize("NFC", "".join(ch for ch in stripped if not unicodedata.combining(ch)))


def _load(name: str) -> dict:
    with resources.files("profile_extract.data").joinpath("places").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


_FIRST_NAME_BEFORE = re.compile(r"(?<![\w-])([A-ZÀ-ÞĀ-ŽА-Я][^\W\d_]+)[ \t]+$")


def _after_first_name(text: str, lo: int, at: int) -> bool:
    before = _FIRST_NAME_BEFORE.search(text, lo, at)
    return before is not None and before.group(1) in person_first_names()


def _generated_towns() -> list[tuple[str, str]]:
    """(country code, "Name|variant") rows of data/places/cities.tsv, the towns of 5,000 people or more
    that dev/build_cities.py takes from GeoNames; the hand-written tables above win where both name a place."""
    text = resources.files("profile_extract.data").joinpath("places").joinpath("cities.tsv").read_text("utf-8")
    return [tuple(line.split("\t", 1)) for line in text.splitlines() if line and not line.startswith("#")]


@dataclass(slots=True)
class _Gazetteer:
    entries: dict[str, list[Entry]]  # folded form -> what it names, best reading first
    written: dict[str, set[str]]  # folded form -> forms as written in the data
    exact: frozenset[str]  # folded forms that match only as written
    first_names: frozenset[str]  # folded forms that are also person first names
    first_words: dict[str, int]  # casefolded first word of a form -> most words of a form starting with it
    iso: frozenset[str]
    starts: re.Pattern  # words that may start a name: their first letter starts some form
    name_heads: frozenset[str]  # "Strategy" in "Lisbon Strategy": the place is part of a title
    org_after: re.Pattern  # "Baltic Sea Region Industry 4.0 Alliance": the place opens an organisation's name
    org_before: re.Pattern  # "Interreg Baltic Sea Region": a programme's name
    org_lead: re.Pattern  # "Instituto Tecnológico del Ebro": the place closes a name its head opened
    adjectival: frozenset[str]  # "Adriatic" in "the Adriatic clusters"


def _named_entries(data: dict, iso: dict, nuts: dict) -> list[tuple[str, Entry]]:
    names: list[tuple[str, Entry]] = []
    variants = data["country_variants"]
    for code in sorted(set(iso) | set(variants)):
        forms = [*variants.get(code, []), *iso.get(code, {}).get("names", [])]
        names.extend((form, Entry("country", code, forms[0])) for form in forms)
    for key, forms in data["adjectives"].items():
        code = key.split("_")[0]  # "ES_regions": adjectives of Spanish regions
        names.extend((form, Entry("adjective", code, forms[0])) for form in forms)
    tables = ((data["cities"], "city", 0), (data["regions"], "region", 2), (nuts["regions"], "region", 2), (data["regions_major"], "region", 1))
    for table, kind, level in tables:
        for code, rows in table.items():
            for row in rows:
                forms = row.split("|")
                names.extend((form, Entry(kind, code, forms[0], level)) for form in forms)
    for code, row in _generated_towns():
        forms = row.split("|")
        names.extend((form, Entry("city", code, forms[0], 0)) for form in forms)
    for row in data["macro"]["names"]:
        forms = row.split("|")
        names.extend((form, Entry("macro", None, forms[0])) for form in forms)
    return names


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    data = _load("gazetteer.toml")
    iso = _load("countries.toml")["country"]
    entries: dict[str, list[Entry]] = {}
    written: dict[str, set[str]] = {}
    first_words: dict[str, int] = {}
    for form, entry in _named_entries(data, iso, _load("nuts.toml")):
        for variant in {form, _ascii_variant(form)}:
            if variant[:1].isascii() and variant[:1].islower():
                continue  # "the State of ...", "l'État ...": never how a page names a place
            key = _fold(variant)
            words = _WORD.findall(variant)
            if not key or not words:
                continue
            written.setdefault(key, set()).add(variant)
            bucket = entries.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            first = words[0].casefold()
            first_words[first] = max(first_words.get(first, 0), len(words))
    for bucket in entries.values():
        bucket.sort(key=lambda e: _PRIORITY[e.kind])
    return _Gazetteer(
        entries,
        written,
        frozenset(_fold(form) for form in data["exact"]["names"]),
        frozenset(_fold(form) for form in data["first_names"]["names"]),
        first_words,
        frozenset(iso) | frozenset(data["country_variants"]),
        _start_pattern(written),
        frozenset(data["name_heads"]["words"]),
        re.compile(r"(?:[ \t]+(?:[A-Z][\w&.'-]*|\d[\d.]*|of|for|and|&)){0,4}?[ \t]+(?:" + "|".join(data["org_heads"]["words"]) + r")(?![\w-])"),
        re.compile(r"(?<!\w)(?:" + "|".join(data["org_heads"]["prefixes"]) + r")[ \t]+$"),
        re.compile(r"(?<![\w-])(?:" + trie_regex(data["org_heads"]["lead_heads"]) + r")"
                   r"(?:[ \t]+(?:[A-ZÀ-ÞĀ-Ž][\w'’.·-]*|de|del|de la|da|do|dos|das|di|della|delle|dei|du|des|y|i|e|et|și|per|para|pour|d['’]\w+|l['’]\w+)){0,6}?"
                   r"[ \t]+(?:de|del|de la|de les|da|do|dos|das|di|della|dello|delle|dei|degli|du|des|de l['’]|d['’]|din)[ \t]*$"),
        frozenset(data["org_heads"]["adjectival"]),
    )


def _start_pattern(written: dict[str, set[str]]) -> re.Pattern:
    """A word starting with a letter some form starts with, in the case it is written (or upper case)."""
    letters = {form[0] for forms in written.values() for form in forms if form[:1].isalpha()}
    letters |= {ch.upper() for ch in letters}
    return re.compile("(?<!\\w)[" + re.escape("".join(sorted(letters))) + "][^\\W_]*")


def _case_ok(gaz: _Gazetteer, key: str, text: str) -> bool:
    if text in gaz.written[key]:
        return True
    if key in gaz.exact:
        return False
    if text.isupper():
        return len(key) >= 4
    return text[:1].isupper()


def _header_word_before(text: str, start: int) -> bool:
    """"ABOUT US", "Contact US": a two-letter code read as a page-chrome word."""
    before = text[max(0, start - 20):start].split()
    return bool(before) and (before[-1].isupper() or before[-1].casefold() in _HEADER_WORDS)


def find_places(text: str, start: int = 0, end: int | None = None, *, kinds: frozenset[str] | None = None) -> list[Place]:
    """Every place name in text[start:end], in text order; the longest name wins where names overlap."""
    if not text:
        return []
    end = len(text) if end is None else min(end, len(text))
    places = list(_scan_page(text)) if (start, end) == (0, len(text)) else _scan(text, start, end)
    if kinds is not None:
        places = [p for p in places if p.kind in kinds]
    return places


@lru_cache(maxsize=4)
def _scan_page(text: str) -> tuple[Place, ...]:
    """A whole page is scanned once although the entity stage and several extractors ask."""
    return tuple(_scan(text, 0, len(text)))


def _scan(text: str, start: int, end: int) -> list[Place]:
    gaz = _gazetteer()
    places: list[Place] = []
    taken = start
    for m in gaz.starts.finditer(text, start, end):
        if m.start() < taken:
            continue
        most = gaz.first_words.get(m.group().casefold())
        place = _longest_place(gaz, text, m, most, end) if most else None
        if place is not None and _after_first_name(text, max(start, m.start() - 30), m.start()):
            place = None  # "School Vasil Levski": a person's surname, not the town
        if place is not None and _STREET_BEFORE.search(text, max(start, m.start() - 40), m.start()):
            place = None  # "Via Giovanni da Palestrina 4", "Rue de Bordeaux": a street named after the town
        if place is not None:
            place = _with_direction(text, start, _as_region(text, _with_compound_lead(text, start, place)))
            while places and places[-1].end > place.start:
                places.pop()  # "Donostia" inside "Donostia-San Sebastián"
            places.append(place)
            taken = place.end
    return _with_compass_regions(text, start, end, places)


def _longest_place(gaz: _Gazetteer, text: str, first: re.Match, most: int, end: int) -> Place | None:
    stops = [first.end()]
    while len(stops) < most:
        nxt = _NEXT_WORD.match(text, stops[-1], end)
        if nxt is None or nxt.start("word") == stops[-1]:
            break
        stops.append(nxt.end())
    begin = first.start()
    for stop in reversed(stops):
        for finish in ((stop + 1, stop) if text[stop:stop + 1] == "." else (stop,)):
            written = text[begin:finish]
            key = _fold(written)
            found = gaz.entries.get(key)
            if not found or not _case_ok(gaz, key, written):
                continue
            if len(key) <= 3 and written.isupper() and _header_word_before(text, begin):
                continue
            if key in gaz.first_names and _person_name_follows(gaz, text, finish):
                return None
            entry = _reading(found, text, written, finish)
            return Place(begin, finish, written, entry.kind, entry.code, entry.canonical, entry.level)
    return None


def _reading(found: list[Entry], text: str, written: str, finish: int) -> Entry:
    """The entry a name stands for. A name two countries share is the one whose country follows ("Vila Real,
    Portugal"), else the one written exactly so ("Munster" the Irish province, not "Münster")."""
    if len({e.code for e in found}) > 1:
        after = [p.code for p in _scan(text, finish, min(len(text), finish + 40)) if p.kind == "country"]
        chosen = next((e for e in found if after and e.code == after[0]), None)
        chosen = chosen or next((e for e in found if e.canonical == written), None)
        if chosen is not None:
            return chosen
    return found[0]


def _person_name_follows(gaz: _Gazetteer, text: str, end: int) -> bool:
    """ "Milan Solaja": a capitalised word that is no place follows a first name."""
    nxt = _CAPITALISED_NEXT.match(text, end)
    return nxt is not None and _fold(nxt.group("word")) not in gaz.entries


def _as_region(text: str, place: Place) -> Place:
    """Widen "Region of X" / "X region" around a known city or region to one region place."""
    if place.kind not in ("city", "region"):
        return place
    start, end = place.start, place.end
    before = _REGION_BEFORE.search(text, max(0, start - 30), start)
    if before:
        start = before.start()
    else:
        after = _REGION_AFTER.match(text, end, min(len(text), end + 20))
        if after:
            end = after.end()
    if (start, end) == (place.start, place.end):
        return place
    written = text[start:end]
    return Place(start, end, written, "region", place.code, written, place.level or 2)


# "Donostia-San Sebastián", "Santa Maria da Feira": capitalised words joined to a known town's name by a
# hyphen or a lower-case particle are part of that town's name
_COMPOUND_LEAD = re.compile(r"(?:[A-ZÀ-ÞĀ-Ž][\w'’]+-|(?:[A-ZÀ-ÞĀ-Ž][\w'’]+[ \t]+){1,3}(?:da|de|do|dos|das|di|del|della|la|le|sur|am|an|upon)[ \t]+)$")


# a street word and up to three capitalised words (with "da", "de", ...) right before a place: the place names the street
_STREET_BEFORE = re.compile(
    r"(?<![\w-])(?:Via|[Vv]iale|[Pp]iazza(?:le)?|[Cc]orso|[Ll]argo|[Cc]alle|[Aa]venida|Avda\.|[Pp]laza|[Pp]aseo|[Cc]arrer|[Pp]asseig|[Rr]ua|"
    r"[Tt]ravessa|[Pp]raça|[Rr]ue|[Aa]venue|[Bb]oulevard|Bd\.?|[Qq]uai|[Cc]hemin|[Ss]trada|[Bb]ulevardul|Str\.|Strasse|Straße|Ulica|ul\.|"
    r"Street|St\.|Road|Rd\.|Lane|Square)"
    r"(?:[ \t]+(?:[A-ZÀ-ÞĀ-Ž][\w'’.-]*|da|de|di|del|della|des|du|do|dos|la|le|of))*[ \t]+$"
)


def _with_compound_lead(text: str, start: int, place: Place) -> Place:
    if place.kind != "city":
        return place
    m = _COMPOUND_LEAD.search(text, max(start, place.start - 40), place.start)
    if m is None or (m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-")):
        return place
    if _gazetteer().org_lead.search(text, max(start, place.start - 90), place.start):
        return place  # "Clúster Oleícola de Jaén" is no town "X de Jaén"
    written = text[m.start():place.end]
    return Place(m.start(), place.end, written, place.kind, place.code, written, place.level)


_DIRECTION_BEFORE = re.compile(r"(?<![\w-])(?:Northern|Southern|Eastern|Western|Central|Upper|Lower|Inner|Outer|North|South|"
                               r"East|West)[ \t]+$")


def _with_direction(text: str, start: int, place: Place) -> Place:
    """ "Northern Ostrobothnia", "Lower Austria": a direction word is part of a region's name."""
    if place.kind != "region":
        return place
    m = _DIRECTION_BEFORE.search(text, max(start, place.start - 12), place.start)
    if m is None:
        return place
    written = text[m.start():place.end]
    return Place(m.start(), place.end, written, place.kind, place.code, written, place.level)


def _with_compass_regions(text: str, start: int, end: int, places: list[Place]) -> list[Place]:
    """Add "South-West" style regions: "NW Region", or one next to a country ("Bulgaria: South-West (Bulgaria)")."""
    compass = list(_COMPASS.finditer(text, start, end))
    if not compass:
        return places
    starts = [p.start for p in places]
    added: list[Place] = []
    for m in compass:
        i = bisect.bisect_right(starts, m.start())
        if i and places[i - 1].end > m.start() or i < len(places) and places[i].start < m.end():
            continue  # inside a longer name ("South East Europe")
        neighbours = [p for p in places[max(0, i - 1):i + 1] if p.kind == "country"]
        code = _adjacent_country(text, m.start(), m.end(), neighbours)
        if code is None and not m.group("region"):
            continue
        added.append(Place(m.start(), m.end(), m.group(), "region", code, m.group(), 2))
    return sorted(places + added, key=lambda p: p.start) if added else places


def _adjacent_country(text: str, start: int, end: int, countries: list[Place]) -> str | None:
    for country in countries:
        if country.end <= start and start - country.end <= 3 and text[country.end:start].strip() in (":", ",", "-", "–"):
            return country.code
        if country.start >= end and country.start - end <= 3 and text[end:country.start].strip() in ("(", ",", "", "-", "–"):
            return country.code
    return None


def gpe_mentions(text: str) -> list[Mention]:
    """GPE mentions of a page (countries, cities, regions, macro-regions). Not GPEs: adjectives, a place
    that opens the name of a policy or document ("Lisbon Strategy") or of an organisation ("Tampere
    Science Park"), one inside a programme's name ("Interreg Baltic Sea Region"), and a macro-region
    adjective before a noun ("the Adriatic clusters")."""
    return [Mention(p.text, "GPE", p.start, p.end) for p in find_places(text) if p.kind != "adjective" and not _inside_name(text, p)]


_NEXT_WORD_START = re.compile(r"[ \t]+[^\W\d_]")


def _inside_name(text: str, place: Place) -> bool:
    gaz = _gazetteer()
    m = _CAPITALISED_NEXT.match(text, place.end)
    if m and m.group("word") in gaz.name_heads:
        return True
    if place.kind == "macro" and place.text in gaz.adjectival and _NEXT_WORD_START.match(text, place.end):
        return True
    if gaz.org_before.search(text, max(0, place.start - 15), place.start):
        return True
    if gaz.org_lead.search(text, max(0, place.start - 90), place.start):
        return True  # "Clúster Oleícola de Jaén", "Cooperativa de Pastores da Beira"
    return bool(m) and gaz.org_after.match(text, place.end, min(len(text), place.end + 80)) is not None


def lookup(name: str) -> list[Entry]:
    """What a whole string names ("Plovdiv" -> a city in BG), best reading first; [] if unknown."""
    gaz = _gazetteer()
    stripped = name.strip(_STRIP)
    key = _fold(stripped)
    if not key or key not in gaz.entries or not _case_ok(gaz, key, stripped):
        return []
    return list(gaz.entries[key])


def country_code(name: str) -> str | None:
    """ISO alpha-2 code of a country name, variant or code ("Czechia", "България", "bg"); else None."""
    stripped = name.strip(_STRIP)
    if len(stripped) == 2 and stripped.isalpha() and stripped.upper() in _gazetteer().iso:
        return stripped.upper()
    for entry in _gazetteer().entries.get(_fold(stripped), []):
        if entry.kind == "country":
            return entry.code
    return None


@lru_cache(maxsize=1)
def _country_forms() -> dict[str, tuple[str, ...]]:
    forms: dict[str, set[str]] = {}
    for key, entries in _gazetteer().entries.items():
        for entry in entries:
            if entry.kind == "country" and entry.code:
                forms.setdefault(entry.code, set()).update(_gazetteer().written.get(key, ()))
    return {code: tuple(sorted(names)) for code, names in forms.items()}


def country_names(code: str) -> tuple[str, ...]:
    """Every written name of the country with this ISO code ("BG" -> "Bulgaria", "България", ...)."""
    return _country_forms().get(code.upper(), ())


def is_country_name(word: str) -> bool:
    """A country's name (not its ISO code): "Latvia", "Netherlands", "Сърбия"."""
    return any(entry.kind == "country" for entry in _gazetteer().entries.get(_fold(word.strip(_STRIP)), ()))


def adjective_code(word: str) -> str | None:
    """Country code of a country adjective ("Hungarian" -> HU); None otherwise."""
    for entry in _gazetteer().entries.get(_fold(word.strip(_STRIP)), []):
        if entry.kind == "adjective":
            return entry.code
    return None
