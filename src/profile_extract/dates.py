"""Date candidates and their normalisation to ISO 8601 at the precision the text gives.

Candidates are found with patterns (month names from `data/months.toml`, many
languages); a whole string that no pattern explains falls back to dateparser, cached,
because it costs milliseconds a call. A day or month the text does not give is never
invented: "December 2004" is "2004-12", "2012" is "2012".
"""
from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text_utils import trie_regex

with resources.files("profile_extract.data").joinpath("months.toml").open("rb") as _fh:
    MONTHS: dict[str, int] = {
        name: int(number) for number, names in tomllib.load(_fh).items() for name in names
    }

_MONTH = trie_regex(MONTHS)
_M = rf"(?P<{{0}}>{_MONTH})\.?"
_D = r"(?P<{0}>[0-3]?\d)(?:-?(?:st|nd|rd|th)|er|º|ª|\.)?"  # "1st", "1er" (fr), "1º" (es, pt), "1." (de, fi)
_Y = r"(?P<{0}>(?:1[89]|20)\d\d)(?:\s?(?:г\.|год\.|godine|yil))?"
_TO = r"\s*(?:-|–|—|and|to|until|till|through|и|до|bis|und|au|et|do|și|i|al|a|e|y|ir|ja|og|och)\s*-?\s*"
_OF = r"(?:of\s+|de\s+|d['’]\s*)"  # "25th of October", "12 de março", "3 d'abril"
_YEAR_FIRST = r"(?P<y>(?:1[89]|20)\d\d)(?:\.|\s+m\.|\.\s+gada)"  # "2019. március" (hu), "2019 m. kovo" (lt), "2019. gada" (lv)

def _p(template: str) -> str:
    return template.format(
        d=_D.format("d"), d2=_D.format("d2"), m=_M.format("m"), m2=_M.format("m2"), y=_Y.format("y"),
        to=_TO, of=_OF,
    )


# (kind, pattern) in priority order: longer, more specific forms first.
_PATTERNS = [
    ("range", _p(r"{d}\s+{of}?{m2}{to}{d2}\s+{of}?{m},?\s+(?:de\s+|del\s+)?{y}")),
    ("range", _p(r"{d}{to}{d2}\s+{of}?{m},?\s+(?:de\s+|del\s+)?{y}")),
    ("range", _p(r"{m}\s+{d}{to}{d2},?\s+(?:de\s+|del\s+)?{y}")),
    ("date", r"(?P<y>(?:1[89]|20)\d\d)-(?P<mn>[01]\d)-(?P<d>[0-3]\d)"),
    ("date", r"(?P<y>(?:1[89]|20)\d\d)\.\s?(?P<mn>[01]?\d)\.\s?(?P<d>[0-3]?\d)\.?"),  # "2019. 03. 15." (hu, sk)
    # year-first forms are read with a lower-case month only: "in 2012. May 2013 saw ..." is two sentences
    ("date", _YEAR_FIRST + _p(r"\s+(?-i:{m})\s+{d}(?:\s*d\.)?")),  # "2019. március 15." (hu), "2019 m. kovo 15 d." (lt)
    ("date", _YEAR_FIRST + _p(r"\s+{d}\s+(?-i:{m})")),  # "2019. gada 15. martā" (lv)
    ("month", _YEAR_FIRST + _p(r"\s+(?-i:{m})")),  # "2019. március", "2019 m. kovo mėn."
    ("date", _p(r"{d}\s*{of}?{m},?\s+(?:de\s+|del\s+)?{y}")),
    ("date", _p(r"{m}\s+{d},?\s+(?:de\s+|del\s+)?{y}")),
    ("range", r"(?P<d>[0-3]?\d)\.?\s?[-–—]\s?(?P<d2>[0-3]?\d)(?P<sep>[./])(?P<mn>[01]?\d)(?P=sep)(?P<y>(?:1[89]|20)\d\d)"),  # "14-15.06.2023"
    ("date", r"(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:1[89]|20)\d\d)"),
    ("month", _p(r"{m},?\s+(?:de\s+|del\s+)?{y}")),
    ("month", r"(?P<y>(?:1[89]|20)\d\d)-(?P<mn>[01]\d)(?![-\d])"),
    ("month", r"(?P<mn>0?[1-9]|1[0-2])[./](?P<y>(?:1[89]|20)\d\d)"),  # "09/2023", "3.2021"
    ("month", _p(r"{m}\s+['’](?P<yy>\d\d)")),
    ("daymonth", _p(r"{d}\s*{of}?{m}")),
    ("daymonth", _p(r"{m}\s+(?P<d>[0-3]?\d)(?:-?(?:st|nd|rd|th))?")),
    ("year", r"(?P<y>(?:1[89]|20)\d\d)"),
]
_COMPILED = [
    (kind, re.compile(rf"(?<!\d)(?<!\d[.,])(?<!#){pattern}(?!\w)", re.IGNORECASE)) for kind, pattern in _PATTERNS
]
# Every form starts with a digit or a month name: patterns are tried only where one stands
# (anchored `match`), never scanned over the whole text, which keeps this linear and cheap.
_MONTH_FIRST = [c for c, (_, source) in zip(_COMPILED, _PATTERNS) if source.startswith("(?P<m>")]
_DIGIT_FIRST = [c for c, (_, source) in zip(_COMPILED, _PATTERNS) if not source.startswith("(?P<m>")]
_CANDIDATE = re.compile(r"\d+|[^\W\d_]{3,}")


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    text: str
    kind: str  # "date" | "range" | "month" | "daymonth" | "year"
    value: str | None  # ISO at the text's precision; None for a day-month without year
    end_value: str | None = None  # for ranges
    month: int | None = None
    day: int | None = None

    def with_year(self, year: int) -> "DateMatch":
        """Complete a day-month date ("October 15-th") with a year from its context."""
        if self.value is not None or self.month is None:
            return self
        value = _iso(year, self.month, self.day)
        return DateMatch(self.start, self.end, self.text, "date", value, None, self.month, self.day)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1800 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month(word: str | None) -> int | None:
    return MONTHS.get(word.lower().rstrip(".")) if word else None


def _from_match(kind: str, m: re.Match) -> DateMatch | None:
    g = m.groupdict()
    value = end_value = None
    month = day = None
    if kind == "year":
        value = _iso(int(g["y"]))
    elif kind == "daymonth":
        month, day = _month(g["m"]), int(g["d"])
        if month is None or _iso(2000, month, day) is None:
            return None
    elif kind == "month":
        year = int(g["y"]) if g.get("y") else 2000 + int(g["yy"])
        month = int(g["mn"]) if g.get("mn") else _month(g["m"])
        value = _iso(year, month)
    elif kind == "range":
        year = int(g["y"])
        month = int(g["mn"]) if g.get("mn") else _month(g["m"])
        first_month = _month(g.get("m2")) or month
        day = int(g["d"])
        value, end_value = _iso(year, first_month, day), _iso(year, month, int(g["d2"]))
        if end_value is None or (value is not None and end_value <= value):
            return None
    elif g.get("sep"):  # numeric day.month.year; month.day.year when the day slot can't be a month
        a, b, year = int(g["a"]), int(g["b"]), int(g["y"])
        day, month = (a, b) if b <= 12 else (b, a)
        if g["sep"] == "-" and a <= 12 < b:
            day, month = b, a
        value = _iso(year, month, day)
    else:
        year = int(g["y"])
        month = int(g["mn"]) if g.get("mn") else _month(g["m"])
        day = int(g["d"])
        value = _iso(year, month, day)
    if value is None and kind != "daymonth":
        return None
    return DateMatch(m.start(), m.end(), m.group(0), kind if kind != "range" else "range", value, end_value, month, day)


def find_dates(text: str, start: int = 0, end: int | None = None, kinds: frozenset[str] | None = None) -> list[DateMatch]:
    """All date candidates in `text[start:end]`, non-overlapping, in text order; at each
    position the longest, most specific form wins (ranges, then full dates, ... years).
    Cached: several extractors ask about the same sentences."""
    return list(_find_dates(text, start, len(text) if end is None else end, kinds))


@lru_cache(maxsize=8192)
def _find_dates(text: str, start: int, end: int, kinds: frozenset[str] | None) -> tuple[DateMatch, ...]:
    if not _DIGIT.search(text, start, end):
        return []  # every date form holds a digit
    found: list[DateMatch] = []
    taken_until = start
    for candidate in _CANDIDATE.finditer(text, start, end):
        position = candidate.start()
        if position < taken_until:
            continue
        word = candidate.group(0)
        if word[0].isdigit():
            patterns = _DIGIT_FIRST
        elif word.lower() in MONTHS and not (position > 0 and text[position - 1].isalpha()):
            patterns = _MONTH_FIRST
        else:
            continue
        for kind, regex in patterns:
            m = regex.match(text, position, end)
            match = _from_match(kind, m) if m else None
            if match is not None:
                taken_until = m.end()
                if kinds is None or match.kind in kinds:
                    found.append(match)
                break
    return tuple(found)


_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|to|until|till|through|bis|до|al|au|a|ao|até|hasta|fino al|jusqu['’]au|do|până la)\s*", re.IGNORECASE)


def find_date_spans(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """`find_dates`, with two full dates joined by a dash or "to" read as one range ("19/10/2024 – 20/10/2024"),
    as an event's days are written. (Project periods read the two ends themselves.)"""
    out: list[DateMatch] = []
    for match in find_dates(text, start, end):
        last = out[-1] if out else None
        if last is not None and last.kind == "date" and match.kind == "date" and last.value and match.value \
                and last.value < match.value and _RANGE_JOIN.fullmatch(text, last.end, match.start):
            out[-1] = DateMatch(last.start, match.end, text[last.start:match.end], "range", last.value, match.value,
                                last.month, last.day)
        else:
            out.append(match)
    return out


@lru_cache(maxsize=4096)
def parse_date(value: str) -> str | None:
    """Normalise a whole string that should be one date (a form field's value)."""
    value = value.strip()
    if not value:
        return None
    matches = [d for d in find_dates(value) if d.value]
    if matches:
        best = max(matches, key=lambda d: (d.end - d.start, -d.start))
        return best.value
    return _dateparser(value)


@lru_cache(maxsize=4096)
def _dateparser(value: str) -> str | None:
    """Fallback for forms the patterns don't know; precision from what the string holds."""
    if not re.search(r"\d", value) or len(value) > 60:
        return None
    import dateparser  # imported lazily: it is slow to import and rarely needed

    settings = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["year"]}
    parsed = dateparser.parse(value, settings=settings)
    if parsed is None:
        return None
    digits = re.findall(r"\d+", value)
    has_day = len(digits) >= 2 and any(len(x) <= 2 for x in digits)
    has_month = has_day or bool(re.search(r"[^\W\d_]{3,}", value))
    if has_day:
        return _iso(parsed.year, parsed.month, parsed.day)
    return _iso(parsed.year, parsed.month) if has_month else _iso(parsed.year)
