"""Fast whole-page keyword scans, shared by extractors.

Python's `re` tries a pattern of many alternatives at every position of the text, which makes
a whole-page scan cost more than tokenising the page. `StemScan` runs the same compiled regex
only where one of the literal stems its matches must start with occurs (found with
`str.find`), so it yields exactly the matches `regex.finditer` would, at a fraction of the cost.
"""
from __future__ import annotations

import re
import os
from typing import Any, Iterable, Iterator


try:  # the parser and case-fold table behind `re`; without them every scan is a plain `finditer`
    from re import _casefix as _sre_casefix, _constants as _sre_c, _parser as _sre_parser
except ImportError:  # pragma: no cover - other Python versions
    _sre_casefix = _sre_c = _sre_parser = None

_MAX_STEMS = 64
FOLD_EXTRA = (
    {chr(k): frozenset(map(chr, v)) for k, v in _sre_casefix._EXTRA_CASES.items()} if _sre_casefix else {}
)
_BASIC_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюя")
# characters that case-insensitively match a basic Latin/Cyrillic letter other than their own lower case
# ("ſ" ~ "s", "ı" ~ "i"); a stem with a letter whose look-alikes are not among them gets no shortcut
_FOLD_ODD = "".join(sorted({x for ch in _BASIC_LETTERS for x in FOLD_EXTRA.get(ch, ())}))
_lowered_cache: list[Any] = [None, None, None]  # text, text.lower() (None if it changes length), odd chars in it


def literal_stems(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Literal beginnings one of which every match of `pattern` starts with (lower-cased for IGNORECASE), or
    None when a match may start with anything (a character class, `\\s`, an empty branch)."""
    if _sre_parser is None:
        return None
    try:
        parsed = _sre_parser.parse(pattern, flags)
    except re.error:
        return None
    open_, closed = _stem_walk(list(parsed), {""})
    stems = open_ | closed
    if not stems or "" in stems or len(stems) > _MAX_STEMS:
        return None
    if flags & re.IGNORECASE:
        if any(len(s.lower()) != len(s) for s in stems):
            return None  # "İ": lower-casing moves offsets
        stems = {s.lower() for s in stems}
    # a stem that starts with another stem adds no position; stems sharing their first four characters are
    # sought once, by the longest beginning they share (fewer passes over the text, a few more regex tries)
    minimal = [s for s in stems if not any(s.startswith(t) and s != t for t in stems)]
    by_head: dict[str, list[str]] = {}
    for stem in minimal:
        by_head.setdefault(stem[:4], []).append(stem)
    return frozenset(os.path.commonprefix(group) for group in by_head.values())


def _stem_walk(items: list, heads: set[str]) -> tuple[set[str], set[str]]:
    """(heads still extendable after `items`, heads that had to stop inside them)."""
    c = _sre_c
    closed: set[str] = set()
    for op, av in items:
        if not heads:
            break
        if len(heads) > _MAX_STEMS:
            return set(), closed | heads
        if op is c.LITERAL:
            heads = {h + chr(av) for h in heads}
        elif op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero-width: the match still starts with what follows
        elif op is c.SUBPATTERN and not av[1] and not av[2]:
            heads, stopped = _stem_walk(list(av[3]), heads)
            closed |= stopped
        elif op is c.BRANCH:
            extended: set[str] = set()
            for branch in av[1]:
                more, stopped = _stem_walk(list(branch), heads)
                extended |= more
                closed |= stopped
            heads = extended
        elif op is c.IN and len(av) <= 4 and all(o is c.LITERAL for o, _ in av):
            heads = {h + chr(ch) for h in heads for _, ch in av}
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] in (0, 1):
            taken, stopped = _stem_walk(list(av[2]), heads)
            closed |= stopped
            if av[1] != 1:  # may repeat: stop after the first round
                return set(), closed | taken | (heads if av[0] == 0 else set())
            heads = taken | heads if av[0] == 0 else taken
        else:
            return set(), closed | heads
    return heads, closed


def find_all(text: str, needles: Iterable[str], lo: int, hi: int) -> list[int]:
    """Sorted offsets in [lo, hi) where one of `needles` begins (whole needle before `hi`)."""
    found: list[int] = []
    for needle in needles:
        i = text.find(needle, lo, hi)
        while i >= 0:
            found.append(i)
            i = text.find(needle, i + 1, hi)
    found.sort()
    return found


def count_words(text: str, needle: str, hi: int | None = None, limit: int | None = None) -> int:
    r"""Occurrences of `needle` in text[:hi] not inside a longer word, as
    `len(re.findall(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", text[:hi]))` counts them (up to `limit`)."""
    hi = len(text) if hi is None else min(hi, len(text))
    if not needle:
        return len(re.findall(r"(?<![\w-])(?![\w-])", text[:hi]))
    n = 0
    i = text.find(needle, 0, hi)
    while i >= 0 and (limit is None or n < limit):
        stop = i + len(needle)
        if (i == 0 or not after_word(text[i - 1], True)) and (stop >= hi or not after_word(text[stop], True)):
            n += 1
            i = text.find(needle, stop, hi)
        else:
            i = text.find(needle, i + 1, hi)
    return n


def after_word(ch: str, dash: bool) -> bool:
    """Does `ch` fail a `(?<!\\w)` lookbehind (`(?<![\\w-])` when `dash`)?"""
    return ch.isalnum() or ch == "_" or (dash and ch == "-")


def foldable(chars: str) -> bool:
    """Do `_FOLD_ODD` characters cover every case-insensitive look-alike of these (lower-case) characters?"""
    return all(FOLD_EXTRA.get(ch, frozenset()) <= set(_FOLD_ODD) and ch not in _FOLD_ODD for ch in chars)


def lowered(text: str) -> tuple[str | None, str]:
    """`text.lower()` when it keeps every offset, else None; and the odd case-fold characters in `text`.
    Kept for the last text, which every scan of one document shares."""
    cache = _lowered_cache
    if cache[0] is not text:
        low = text.lower()
        cache[0], cache[1] = text, (low if len(low) == len(text) else None)
        cache[2] = "".join(ch for ch in _FOLD_ODD if ch in text)
    return cache[1], cache[2]


class StemScan:
    """`regex.finditer` / `regex.search`, with the regex tried only where one of its literal stems occurs.

    Exact: every match starts with a stem; case-insensitive stems are sought in the lower-cased text unless
    the text holds a character whose case folding `str.lower` does not mirror, then the plain regex runs.
    """

    def __init__(self, regex: re.Pattern, stems: Iterable[str] | None = None) -> None:
        self.regex = regex
        self.ignore_case = bool(regex.flags & re.IGNORECASE)
        found = literal_stems(regex.pattern, regex.flags) if stems is None else frozenset(stems)
        chars = set("".join(found or ()))
        if self.ignore_case and (not FOLD_EXTRA or not foldable("".join(chars))):
            found = None  # a stem with "σ", "ϐ", ...: no shortcut
        self.stems = tuple(sorted(found)) if found else None
        # a stem in another script is sought only when the text has its first non-ASCII character
        self._gates = tuple(next((ch for ch in stem if not ch.isascii()), "") for stem in self.stems or ())
        self._odd = frozenset(x for ch in chars for x in FOLD_EXTRA.get(ch, ()))  # text characters the stems miss
        # case-sensitive words: `re` finds the pattern without its leading "not after a word" test fast (it
        # skips to the possible first letters), and that test is one character to look at
        self._behind: bool | None = None  # the pattern opens with "not after a word character" (True: "or -")
        self._unanchored = None
        for behind, dash in ((r"(?<![\w-])", True), (r"(?<!\w)", False)):
            if regex.pattern.startswith(behind):
                self._behind = dash
                if not self.ignore_case:
                    self._unanchored = re.compile(regex.pattern[len(behind):], regex.flags)
                break

    def _haystack(self, text: str) -> str | None:
        if self.stems is None:
            return None
        if not self.ignore_case:
            return text
        low, odd = lowered(text)
        if low is None or (odd and not self._odd.isdisjoint(odd)):
            return None
        return low

    def starts(self, text: str, lo: int = 0, hi: int | None = None) -> list[int] | None:
        """Sorted offsets in [lo, hi) where a stem begins, or None when they can't be used for this text."""
        hay = self._haystack(text)
        if hay is None:
            return None
        present: dict[str, bool] = {}
        stems = [
            stem for stem, gate in zip(self.stems, self._gates)
            if not gate or present.setdefault(gate, gate in hay)
        ]
        return find_all(hay, stems, lo, len(text) if hi is None else min(hi, len(text)))

    def finditer(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[re.Match]:
        lo = max(lo, 0)
        hi = len(text) if hi is None else min(hi, len(text))
        if self._unanchored is not None:
            yield from self._finditer_unanchored(text, lo, hi)
            return
        starts = self.starts(text, lo, hi)
        if starts is None:
            yield from self.regex.finditer(text, lo, hi)
            return
        match = self.regex.match
        dash = self._behind
        end = lo
        for pos in starts:
            if pos < end:
                continue
            if dash is not None and pos and after_word(text[pos - 1], dash):
                continue  # the lookbehind fails: no need to ask the regex
            m = match(text, pos, hi)
            if m is not None:
                end = max(m.end(), pos + 1)
                yield m

    def _finditer_unanchored(self, text: str, lo: int, hi: int) -> Iterator[re.Match]:
        """The leftmost match of the pattern without its lookbehind is the original's leftmost match when the
        character before it passes the lookbehind, else the original's starts further right."""
        search = self._unanchored.search
        dash = self._behind
        pos = lo
        while pos <= hi:
            m = search(text, pos, hi)
            if m is None:
                return
            start = m.start()
            if start and after_word(text[start - 1], dash):
                pos = start + 1
                continue
            yield m
            pos = max(m.end(), start + 1)

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> re.Match | None:
        return next(self.finditer(text, lo, hi), None)

    def may_occur(self, text: str, lo: int = 0, hi: int | None = None) -> bool:
        """False only when no match can lie inside text[lo:hi] (no stem occurs there)."""
        hay = self._haystack(text)
        if hay is None:
            return True
        hi = len(text) if hi is None else hi
        return any((not gate or gate in hay) and hay.find(stem, lo, hi) >= 0 for stem, gate in zip(self.stems, self._gates))
