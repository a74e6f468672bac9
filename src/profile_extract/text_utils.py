"""Small text helpers shared by the stages: numbers written in digits or words, person first names."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Iterable

with resources.files("profile_extract.data").joinpath("numbers.toml").open("rb") as _fh:
    NUMBER_WORDS: dict[str, int] = tomllib.load(_fh)["words"]

_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
# "7.100", "7,100", "1 000", "280", "50+"; a decimal like "11.5" is not a count
NUMBER = re.compile(rf"(?<![\w.,])(?:(?P<digits>\d{{1,3}}(?:[.,\s]\d{{3}})+|\d+)(?![.,]\d)|(?P<word>{_WORDS}))(?!\w)", re.IGNORECASE)


def parse_count(text: str) -> int | None:
    """The integer a short string states ("286", "7.100", "over 80", "six"), or None."""
    m = NUMBER.search(text)
    return number_value(m) if m else None


def number_value(m: re.Match) -> int:
    if m.group("digits"):
        return int(re.sub(r"[.,\s]", "", m.group("digits")))
    return NUMBER_WORDS[m.group("word").lower()]


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """(start, end, value) of every number in text[start:end], digits or words."""
    return [(m.start(), m.end(), number_value(m)) for m in NUMBER.finditer(text, start, len(text) if end is None else end)]


with resources.files("profile_extract.data").joinpath("abbreviations.toml").open("rb") as _fh:
    ABBREVIATIONS: tuple[str, ...] = tuple(tomllib.load(_fh)["abbreviations"])  # as written: "Dr", "St", "гр"
ABBREVIATION_KEYS = frozenset(a.casefold() for a in ABBREVIATIONS)

# prepositions that join the words of a Romance name ("Instituto Tecnológico del Ebro", "Clúster TIC de Girona")
ROMANCE_PREPOSITIONS = frozenset({"de", "del", "della", "dello", "delle", "dei", "degli", "du", "des", "do", "da", "dos", "das",
                                  "di", "din", "per", "pour", "para"})
# the items of a list of names, split on commas, semicolons and middle dots, never inside a note in brackets
# ("Medical Valley Wallonia (Liège, BE), Kharkiv Machinery Cluster (Ukraine) · Lublin Food Cluster")
LIST_ITEMS = re.compile(r"(?:[^,;·•(\x00]|\([^()]*\)?)+")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“„«¿¡(]?[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ0-9])|\n")  # "... imprese. È stato", "... socios. ¿Quiénes"
_WORD_BEFORE_STOP = re.compile(r"([^\s(]*)\.$")


def _abbreviation_before(text: str, stop: int) -> bool:
    """The full stop at `stop` closes an abbreviation ("гр. Смолян", "Dr. Lupu"), not a sentence."""
    m = _WORD_BEFORE_STOP.search(text, max(0, stop - 12), stop + 1)
    return m is not None and m.group(1).casefold() in ABBREVIATION_KEYS


def sentence_around(text: str, start: int, end: int, reach: int = 400) -> tuple[int, int]:
    """Bounds of the sentence (or line) holding text[start:end], looking at most `reach` characters each way."""
    lo = max(0, start - reach)
    # one character past `start`: the look-ahead must see the capital that opens the sentence at `start`
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, min(len(text), start + 1))
            if m.start() < start and not _abbreviation_before(text, m.start())]
    lo = ends[-1] if ends else lo
    m = next((m for m in _SENTENCE_END.finditer(text, end, min(len(text), end + reach))
              if not _abbreviation_before(text, m.start())), None)
    return lo, (m.start() + 1 if m else min(len(text), end + reach))


def find_all(text: str, needle: str) -> Iterable[int]:
    """Every offset where `needle` occurs in `text` (overlaps included); a plain-string search, no regex to compile."""
    i = text.find(needle)
    while needle and i >= 0:
        yield i
        i = text.find(needle, i + 1)


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of `words`, longest first, factored into a prefix tree.

    `re` tries the branches of a flat alternation one by one at every position; a tree shares
    common prefixes, so a long vocabulary costs about as much as a short one.
    """
    trie: dict = {}
    for word in set(words):
        if word:
            node = trie
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}
    return _trie_pattern(trie) if trie else "(?!)"


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a word ends here and longer ones go on: try the longer ones first (greedy "?")
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=1)
def person_first_names() -> frozenset[str]:
    """The first names of data/entities/first_names.txt: entity recognition and the gazetteer both ask
    whether a capitalised word is a person's first name."""
    text = resources.files("profile_extract.data").joinpath("entities").joinpath("first_names.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())
