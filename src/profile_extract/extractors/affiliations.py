"""Affiliations: labels the organisation holds, networks it is a member of, partner clusters.

Contract 3.5/3.6. Each field reads its form field first (`doc.fields`: "Cluster Excellence
Label", "Membership to other networks", "Which clusters do you collaborate with?") and then
prose written about the organisation itself: "granted us the GOLD label ...", "becomes member
of the X Alliance", "Partners in the project are: A Cluster, B Cluster". Partner clusters are
names that are clusters by their own words (".. Cluster", "Cluster ..", `data/affiliations.toml`)
or listed under a clusters heading ("5 ICT Clusters: A, B"), named in a sentence about
cooperation, never the profiled organisation itself (`same_organisation`).

The first part of the module (organisation-name helpers: `same_organisation`, `norm`,
`cluster_names`, `sentence_bounds`, `keyword_lines`) is generic and may be used by others.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from rapidfuzz import fuzz

from ..gazetteer import country_names, find_places, is_country_name
from ..document import Document, Extraction, Line, Span
from ..sections import is_placeholder
from ..text_utils import ABBREVIATION_KEYS, LIST_ITEMS, ROMANCE_PREPOSITIONS, find_all, trie_regex
from .topics import split_items

# --- organisation names: shared vocabulary and helpers -----------------------------------


def _load() -> dict:
    with resources.files("profile_extract.data").joinpath("affiliations.toml").open("rb") as fh:
        return tomllib.load(fh)


DATA = _load()
_ORGS = DATA["organisations"]
FUNCTION_WORDS = frozenset(_ORGS["function_words"])
_NOT_ORG_AFTER = frozenset(_ORGS["not_organisation_after"])
_HEADS = frozenset(_ORGS["network_heads"])
_CLUSTER_WORDS = frozenset(_ORGS["cluster_words"])
_LEGAL = frozenset(_ORGS["legal_forms"])

_CONNECTORS = frozenset({"and", "&", "of", "for", "и", "на", "за", *_ORGS["romance_connectors"]})

# a word of a name: letters, inner hyphens/apostrophes/ampersands ("Green-Tech", "IT&C")
WORD = re.compile(r"[^\W\d_]+(?:[-'’&][^\W\d_]+)*")
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЇІЄЎ]"
# a run of capitalised words, maybe joined by and/of/for ("Balkan and Black Sea ICT Clusters Network")
# (a number inside is kept when a capitalised word follows: "Baltic Industry 4.0 Alliance")
# Romance names join their words with articles and prepositions ("Rete Italiana Cluster del Mobile", "Clúster de la
# Fusta del Solsonès", "Alianța Clusterelor din Regiunea Nord-Est"), elided ones included ("Pôle d'Innovation")
_ROMANCE_JOIN = trie_regex(_ORGS["romance_connectors"])
_RUN = re.compile(
    rf"(?<![\w-]){_CAP}[\w'’&-]*(?:\s+(?:(?:and|of|for|&|и|на|за|{_ROMANCE_JOIN})\s+)?(?:{_CAP}[\w'’&-]*|(?:[dl]|dell)['’]{_CAP}[\w'’&-]*"
    rf"|\d+(?:\.\d+)?(?=\s+{_CAP})))*"
)
# a cluster word on its own, or closing a hyphenated compound ("Kunststoff-Cluster")
_CLUSTER_ANCHOR = re.compile(
    r"(?:(?<![\w-])|(?<=[^\W\d_]-))(?:" + trie_regex(_CLUSTER_WORDS)
    + r")(?![\w-])",
    re.IGNORECASE,
)
_CLUSTER_KEYS = tuple(sorted({w.casefold() for w in _CLUSTER_WORDS}))
_LOWER_CLUSTER_WORD = "(?:" + trie_regex(w for w in _CLUSTER_WORDS if not w.endswith("s")) + ")"
_SENTENCE_ADVERBS = frozenset(_ORGS["sentence_adverbs"])
_ROLE_WORDS = frozenset(_ORGS["role_words"])
_QUOTED_AFTER = re.compile(r"\s+[„“\"«][^”“\"»\n]{2,80}[”“\"»]")
_GLUED = re.compile(r"[A-ZА-Я]?[a-zа-я]{6,}([A-ZА-Я][a-zа-я]+)")
_QUOTED = re.compile(r"(?:[“\"„«]|'')([^”\"“«»\n]{3,90}?)(?:[”\"“»]|'')")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“„(]?[A-ZА-Я0-9])")
_MAX_SENTENCE = 600  # characters searched on each side of a position for its sentence's ends
_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "’": "'", "‘": "'", "–": "-", "—": "-"})


def words_regex(words: Iterable[str]) -> re.Pattern:
    """Any of `words` as a whole word, case-insensitive."""
    return re.compile(rf"(?<![^\W\d_])(?:{trie_regex(words)})(?![^\W\d_])", re.IGNORECASE)


def norm(text: str) -> str:
    """Comparison form (contract 5.1): NFKC, casefold, plain quotes/dashes, no edge punctuation, no leading 'the'."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTE_MAP)
    text = re.sub(r"\s+", " ", text).strip(" \"'()[]{}.,;:!?-/")
    return text[4:] if text.startswith("the ") else text


_SAME_HEAD = {"alliance": "association", "federation": "association", "union": "association"}


@lru_cache(maxsize=8192)
def _key_tokens(name: str) -> tuple[str, ...]:
    """Tokens of a name for identity checks: legal forms and connectors dropped, association synonyms merged."""
    tokens = re.findall(r"[^\W_]+(?:[-'’&][^\W_]+)*", norm(name))
    tokens = [_SAME_HEAD.get(t, t) for t in tokens]
    return tuple(t for t in tokens if t not in _LEGAL and t not in ("the", "of", "in", "for", "and", "&", "и", "на"))


def _collapse_acronyms(name: str, other: str) -> str:
    """`name` with every run of words whose initials spell an acronym of `other` replaced by it."""
    words = re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", name)
    for acronym in set(re.findall(r"(?<![\w-])[A-ZА-Я]{2,6}(?![\w-])", other)):
        content = [(i, w) for i, w in enumerate(words) if w.casefold() not in _CONNECTORS and w.casefold() != "the"]
        n = len(acronym)
        for k in range(len(content) - n + 1):
            run = content[k:k + n]
            if "".join(w[0] for _, w in run).upper() == acronym and all(w[:1].isupper() for _, w in run):
                first, last = run[0][0], run[-1][0]
                words = words[:first] + [acronym] + words[last + 1:]
                break
    return " ".join(words)


@lru_cache(maxsize=16384)
def same_organisation(a: str | None, b: str | None) -> bool:
    """Whether two names denote one organisation: spelling, word order, legal form, acronym."""
    if not a or not b:
        return False
    for x, y in ((a, b), (_collapse_acronyms(a, b), b), (a, _collapse_acronyms(b, a))):
        tx, ty = _key_tokens(x), _key_tokens(y)
        if not tx or not ty:
            continue
        if sorted(tx) == sorted(ty) or fuzz.token_sort_ratio(" ".join(tx), " ".join(ty)) >= 90:
            return True
    return False


def excluded(name: str) -> bool:
    """Universities, public bodies and companies are never partner clusters; nor is a role ("Cluster Coordinator")."""
    tokens = _key_tokens(name)
    return any(t in _NOT_CLUSTER for t in tokens) or bool(tokens) and tokens[-1] in _ROLE_WORDS


_NOT_CLUSTER = frozenset(_ORGS["not_cluster_words"])


def sentence_bounds(text: str, pos: int, line: Line) -> tuple[int, int]:
    """The sentence around `pos`, within its line; "Dr." and initials do not end a sentence.

    Only a window around `pos` is searched, so a page that is one huge line stays linear."""
    start, end = max(line.start, pos - _MAX_SENTENCE), min(line.end, pos + _MAX_SENTENCE)
    for m in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"([^\s(]*)$", text[max(line.start, m.start() - 12):m.start()]).group(1)
        if len(word) <= 1 or word.casefold().rstrip(".") in ABBREVIATION_KEYS:
            continue
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start() + 1
            break
    return start, end


def tokens_before(text: str, pos: int, floor: int, limit: int) -> Iterable[tuple[int, str]]:
    """(start, word) of up to `limit` words right before `pos`, nearest first, while only spaces separate them."""
    segment_start = max(floor, pos - 200)
    segment = text[segment_start:pos]
    if not segment or not segment[-1].isspace():
        return
    raw = list(re.finditer(r"\S+", segment))
    for count, m in enumerate(reversed(raw)):
        if count >= limit or not WORD.fullmatch(m.group()) and not re.fullmatch(r"[A-Z0-9&-]{2,}", m.group()):
            return
        yield segment_start + m.start(), m.group()


def tokens_after(text: str, pos: int, ceiling: int, limit: int) -> Iterable[tuple[int, str]]:
    """(start, word) of up to `limit` words from `pos`; stops after a word glued to punctuation."""
    for count, m in enumerate(re.finditer(r"\S+", text[pos:min(ceiling, pos + 80 * (limit + 1))])):
        word = WORD.match(m.group())
        if count >= limit or word is None:
            return
        yield pos + m.start(), word.group()
        if word.end() != len(m.group()):
            return


class LineMatches:
    """Matches of one pattern, found once per line and then looked up by range: many sentence checks on
    one long line cost one pass over it, not one pass each."""

    def __init__(self, text: str, pattern: re.Pattern) -> None:
        self.text, self.pattern = text, pattern
        self.by_line: dict[int, tuple[list[int], list[re.Match]]] = {}

    def within(self, line: Line, start: int, end: int) -> list[re.Match]:
        """Matches lying inside text[start:end], which is part of `line`."""
        found = self.by_line.get(line.index)
        if found is None:
            matches = list(self.pattern.finditer(self.text, line.start, line.end))
            found = self.by_line[line.index] = ([m.start() for m in matches], matches)
        starts, matches = found
        i = bisect_right(starts, start - 1)
        j = bisect_right(starts, end - 1)
        return [m for m in matches[i:j] if m.end() <= end]


def keyword_lines(doc: Document, keywords: Iterable[str]) -> list[Line]:
    """Lines holding any of the lower-case `keywords`, found with str.find: a fast pre-filter for big pages."""
    low = doc.lower
    if len(low) != len(doc.text):
        return list(doc.lines)
    found: dict[int, Line] = {}
    for word in keywords:
        position = low.find(word)
        while position != -1:
            line = doc.line_at(position)
            if line is not None:
                found[line.index] = line
                position = low.find(word, line.end)
            else:
                position = low.find(word, position + 1)
    return [found[i] for i in sorted(found)]


def _function_word(token: str) -> bool:
    """A capitalised function word ("The", "With"); an acronym such as "IT" is not one."""
    return token.casefold() in FUNCTION_WORDS and not (len(token) > 1 and token.isupper())


def _anaphoric(name: str) -> bool:
    """ "Clusterul", "Asociația": a lone head word (with its article) refers back to the page's organisation."""
    words = name.split()
    return len(words) == 1 and (words[0].casefold() in _HEADS or words[0].casefold() in _CLUSTER_WORDS)


def names_in(zone: str) -> list[str]:
    """Organisation-like names (capitalised runs with a head word) in a piece of text."""
    return [m.group() for m in _RUN.finditer(zone) if _has_head(m.group())]


def _has_head(name: str, any_case: bool = False) -> bool:
    return any(
        w.casefold() in _HEADS or w.casefold() in _CLUSTER_WORDS for w in WORD.findall(name) if any_case or w[:1].isupper()
    )


def _bare_network_name(text: str, pos: int, ceiling: int) -> tuple[int, int] | None:
    """Right after "is a member of": a name without a network word that ends its clause ("euRobotics",
    "MedTech Europe", "essenscia, the Belgian federation ..."), unless it is a body no network is."""
    m = _RUN.match(text, pos, ceiling) or _BRAND.match(text, pos, ceiling)
    if m is None or len(m.group().split()) > 6 or not _CLAUSE_END.match(text, m.end(), ceiling):
        return None
    if norm(m.group()) in _NOT_NETWORKS or _BODY_WORDS.intersection(norm(m.group()).split()) or find_places(m.group()) and len(find_places(m.group())[0].text) == len(m.group()):
        return None
    return m.span()


def network_name_at(text: str, pos: int, ceiling: int) -> tuple[int, int] | None:
    """Span of a network/association name starting at `pos` ("Balkan, Black Sea and Baltic ICT Network").

    A type descriptor before the name is skipped ("European Strategic Cluster Partnership X ESCP" -> "X ESCP"),
    and a name without a head word is taken when an appositive names its kind ("Water Europe, the ... platform").
    """
    m = _RUN.match(text, pos, ceiling)
    if m is None:
        return None
    descriptor = _NETWORK_TYPE.match(text, pos, m.end())
    if descriptor and descriptor.end() < m.end():
        pos = descriptor.end()
        m = _RUN.match(text, pos, ceiling)
        if m is None:
            return None
    if not _has_head(m.group()) and not re.match(r"[А-ЯЁ]", m.group()):
        appositive = _APPOSITIVE.match(text, m.end(), ceiling)
        if appositive and _has_head(appositive.group(), any_case=True):
            return pos, m.end()
    cyrillic = _cyrillic_name(text, pos, ceiling) if re.match(r"[А-ЯЁ]", m.group()) else None
    if cyrillic is not None:
        return cyrillic
    end = m.end()
    while not _has_head(text[pos:end]):
        more = re.compile(r",\s+|\s+(?:and|&)\s+").match(text, end, ceiling)
        nxt = _RUN.match(text, more.end(), ceiling) if more else None
        if nxt is None:
            break
        end = nxt.end()
    if _has_head(text[pos:end]):
        return pos, end
    return None


# up to punctuation or to " и (на) " before the next capitalised name ("Асоциацията на X и на Българската ...")
_CYRILLIC_TAIL = re.compile(r"(?:(?!\s+и\s+(?:на\s+)?[А-ЯЁ])[^,.;:()\n]){0,80}")


def _cyrillic_name(text: str, pos: int, ceiling: int) -> tuple[int, int] | None:
    """Bulgarian names capitalise only their first word: "Асоциацията на бизнес клъстерите"."""
    head = WORD.match(text, pos, ceiling)
    if head and head.group().casefold() in _HEADS:
        tail = _CYRILLIC_TAIL.match(text, head.end(), ceiling)
        stop = head.end() + len(tail.group().rstrip())
        if len(text[pos:stop].split()) <= 8:
            return pos, stop
    return None


def self_names(doc: Document, found: dict[str, Any]) -> list[str]:
    """The profiled organisation's names: name, aliases, "Full Name (Short Name)" in the text, and
    the name followed by its seat ("ICT Cluster Bulgaria" for "ICT Cluster" seated in Bulgaria)."""
    names = [n for n in [found.get("name"), *(found.get("aliases") or [])] if isinstance(n, str) and n.strip()]
    seats = [*country_names(str(found.get("country") or "")), found.get("city")]
    names += [f"{name} {seat}" for name in names[:1] for seat in seats if isinstance(seat, str) and seat]
    text = doc.text
    known = set(names)
    for m in _PARENTHESISED.finditer(text):
        if m.group(1).strip() not in known:
            continue
        before = text[max(0, m.start() - 120):m.start()].rstrip()
        quoted = _QUOTED_AT_END.search(before)
        run = quoted or _RUN_AT_END.search(before)
        if run:
            names.append(run.group(1) if quoted else run.group())
    return names


def cluster_names(doc: Document) -> list[tuple[int, int]]:
    """Spans of organisation names that are clusters by their own words ("Cluj IT Cluster", "Cluster X")."""
    text = doc.text
    spans: list[tuple[int, int]] = []
    quoted_starts: list[int] = []
    for m in _QUOTED.finditer(text):
        inner = m.group(1).strip()
        anchor = _CLUSTER_ANCHOR.search(inner)
        after = WORD.match(inner, anchor.end() + 1) if anchor else None
        if (
            anchor and 2 <= len(inner.split()) <= 8 and inner[:1].isupper()
            and not (after and after.group().casefold() in _NOT_ORG_AFTER)
        ):
            start = m.start(1) + m.group(1).index(inner)
            spans.append((start, start + len(inner)))
            quoted_starts.append(start)
    quoted = list(spans)
    for line in keyword_lines(doc, _CLUSTER_KEYS):  # a fast pre-filter: the anchor regex only runs on these lines
        for m in _CLUSTER_ANCHOR.finditer(text, line.start, line.end):
            i = bisect_right(quoted_starts, m.start()) - 1
            if i >= 0 and m.start() < quoted[i][1]:
                continue
            span = _expand_cluster(text, m.start(), m.end(), line)
            if span is not None:
                spans.append(span)
    people = [(p.start, p.end) for p in doc.mentions if p.label == "PERSON"]
    for span in _introduced_clusters(doc):
        if not any(a < span[1] and span[0] < b for a, b in people):
            spans.append(span)
    return sorted(spans)


def _introduced_clusters(doc: Document) -> Iterable[tuple[int, int]]:
    """Names that the text calls clusters: "the Portuguese packaging cluster PackPT", "Aerospace Valley, the
    competitiveness cluster for aeronautics"."""
    text = doc.text
    for line in keyword_lines(doc, _LOWER_CLUSTER_KEYS):
        for m in _INTRO_BEFORE.finditer(text, line.start, line.end):
            run = _RUN.match(text, m.end(), line.end)
            if run:
                span = _name_words(text, run.start(), run.end(), line)
                if span:
                    yield span
        for m in _INTRO_AFTER.finditer(text, line.start, line.end):
            following = WORD.match(text, m.end() + 1, line.end) if text[m.end():m.end() + 1] == " " else None
            if following and (following.group().casefold() in _NOT_ORG_AFTER or following.group().casefold() in _ROLE_WORDS):
                continue  # "Ivan Petrov, the cluster manager"
            if following and following.group()[:1].isupper():
                continue  # "..., the Slovenian cluster X": X is introduced, not the words before
            offset = max(line.start, m.start() - 120)
            run = _RUN_AT_END.search(text[offset:m.start()])
            if run:
                span = _name_words(text, offset + run.start(), offset + run.end(), line)
                before = next(iter(tokens_before(text, span[0], line.start, limit=1)), None) if span else None
                if span and not (before and before[1].casefold() in _PLACE_PREPOSITIONS):
                    yield span  # not "In Ljubljana, the ... cluster"


def _name_words(text: str, start: int, end: int, line: Line) -> tuple[int, int] | None:
    """A capitalised run cut to a name: no leading function word, adverb or role title, nothing after 'and'."""
    words = list(re.finditer(r"\S+", text[start:end]))
    first = 0
    while first < len(words) and (
        _function_word(words[first].group()) or words[first].group().casefold() in _ROLE_WORDS
        or words[first].group().casefold() in _NOT_ORG_AFTER
        or words[first].group().casefold() in _SENTENCE_ADVERBS and sentence_start(text, start + words[first].start(), line)
    ):
        first += 1
    last = first
    while last < len(words) and words[last].group().casefold() not in ("and", "&"):
        last += 1
    if first >= last or last - first > 6:
        return None
    return start + words[first].start(), start + words[last - 1].end()


def _expand_cluster(text: str, a: int, b: int, line: Line) -> tuple[int, int] | None:
    if text[a - 1:a] == "-":  # "Kunststoff-Cluster": the whole compound is the anchor
        compound = _COMPOUND_END.search(text, max(line.start, a - 60), a)
        if compound is None:
            return None
        a = compound.start()
    anchor = text[a:b]
    if not anchor[:1].isupper() and not _cyrillic_after_name(text, a, anchor, line):
        return None
    start, end = a, b
    left = list(tokens_before(text, a, line.start, limit=6))
    for i, (tok_start, tok) in enumerate(left):
        folded = tok.casefold()
        glued = _GLUED.fullmatch(tok)
        if glued:  # "DescriptionCluj IT Cluster": a page label glued to the name
            start = tok_start + glued.start(1)
            break
        if folded in ("and", "&"):
            nxt = left[i + 1][1] if i + 1 < len(left) else ""
            if not (nxt[:1].isupper() and nxt[1:].islower()) or i + 2 < len(left) and left[i + 2][1][:1].isupper():
                break  # "CorkBIC and ICT Cluster" is two names; "Balkan and Black Sea .." is one
            if is_country_name(nxt):
                break  # "Cluster A from the Netherlands and Water Cluster B"
            continue
        if not tok[:1].isupper() or _function_word(tok):
            break
        if folded in _SENTENCE_ADVERBS and sentence_start(text, tok_start, line):
            break  # "Today Jutland Water Cluster ..."
        start = tok_start
    quoted = _QUOTED_AFTER.match(text, b, line.end)
    if quoted:  # Клъстер „Мехатроника и автоматизация“
        return start, quoted.end()
    plural = anchor.casefold().endswith("s") and anchor.casefold() in ("clusters",)
    right = list(tokens_after(text, b, line.end, limit=6)) if text[b:b + 1].isspace() else []
    i = 0
    while i < len(right):
        tok_start, tok = right[i]
        folded = tok.casefold()
        if i == 0 and folded in _NOT_ORG_AFTER:
            return None
        if i == 0 and plural and folded not in _HEADS:
            return None
        joined = _romance_of(right, i)
        if joined:  # "Clúster TIC de Girona", "Clúster de la Fusta del Solsonès", "Polo della Robotica"
            i += joined
            continue
        if folded in ("of", "for", "and", "&") and i + 1 < len(right) and right[i + 1][1][:1].isupper():
            if folded in ("and", "&") and (
                i == 0 or not right[i + 1][1][1:].islower()
                or any(_CLUSTER_ANCHOR.fullmatch(t) for _, t in right[i + 1:i + 5])
            ):
                break  # "ICT Cluster and CorkBIC", "A Cluster Bulgaria and B Cluster Serbia": two names
            i += 1
            continue
        if not tok[:1].isupper() or _function_word(tok) or folded in _NOT_ORG_AFTER:
            break
        end = tok_start + len(tok)
        i += 1
    dash = _DASH_PLACE.match(text, end, line.end)
    if dash and not dash.group(1).isupper() and not _followed_by_country(text, dash.end(), line.end):
        end = dash.end()  # "ICT Cluster – Varna", but not "Plastics Cluster Bavaria – Nuremberg, Germany"
    if plural and end == b:
        return None
    if (start, end) == (a, b) or re.search(r"(?:\d|(?<![^\W\d_])(?:a|an))\s*$", text[max(line.start, start - 12):start], re.IGNORECASE):
        return None  # a bare "Cluster", a count "5 ICT Clusters", a description "a Successful Business Cluster"
    if re.compile(r"\s*(?:from\s+\S+\s*)?:").match(text, end, line.end):
        return None  # a list heading "2 Automotive Clusters:"
    return start, end


_ROMANCE_ARTICLE = frozenset({"la", "les", "los", "las", "l'", "l’"})


def _romance_of(right: list[tuple[int, str]], i: int) -> int:
    """How many tokens of "de (la)" join the name to a capitalised word after them (0: none)."""
    if right[i][1].casefold() not in ROMANCE_PREPOSITIONS:
        return 0
    k = i + 1
    if k < len(right) and right[k][1].casefold() in _ROMANCE_ARTICLE:
        k += 1
    return k - i if k < len(right) and right[k][1][:1].isupper() else 0


def sentence_start(text: str, pos: int, line: Line) -> bool:
    """Whether `pos` opens its line or a sentence."""
    floor = max(line.start, pos - 6)
    before = text[floor:pos].rstrip()
    return (not before and floor == line.start) or before[-1:] in (".", "!", "?", ":", "•")


def _cyrillic_after_name(text: str, a: int, anchor: str, line: Line) -> bool:
    """A lower-case Bulgarian cluster word after a capitalised word that does not open the sentence:
    "споразумение с Енергиен клъстер – Русе" (Bulgarian names capitalise only their first word)."""
    if not re.match(r"[а-яё]", anchor):
        return False
    before = next(iter(tokens_before(text, a, line.start, limit=1)), None)
    return before is not None and bool(re.match(r"[А-ЯЁ]", before[1])) and not sentence_start(text, before[0], line)


def _followed_by_country(text: str, pos: int, ceiling: int) -> bool:
    m = re.compile(r",\s*([^\W\d_]+)").match(text, pos, ceiling)
    return bool(m) and is_country_name(m.group(1))


def split_names(text: str, start: int, end: int) -> list[tuple[str, Span]]:
    """Organisation names of a listed run "A, B, C and D Cluster": split on , ; and on 'and' between two names."""
    out: list[tuple[str, Span]] = []
    for m in re.finditer(r"[^,;]+", text[start:end]):
        piece_start = start + m.start()
        piece = m.group()
        parts = re.split(r"\s+(?:and|&|и)\s+", piece)
        if len(parts) == 2 and all(_has_head(p) for p in parts):
            offsets = [0, piece.index(parts[1], len(parts[0]))]
        else:
            parts, offsets = [piece], [0]
        for part, offset in zip(parts, offsets):
            value = part.strip(" .:\t\u00a0")
            value = re.sub(r"^(?:and|&)\s+", "", value)
            value = re.sub(r"\d+$", "", value).rstrip()  # "Serbia1 Green ..." glued list counter
            if not value or not value[:1].isupper() or len(value.split()) > 10 or any(ch.isdigit() for ch in value):
                continue
            s = piece_start + offset + part.index(value) if value in part else None
            if s is not None:
                out.append((value, (s, s + len(value))))
    return out


_PARTNERS = DATA["partners"]
_LABELS = DATA["labels"]

_CUE = re.compile(r"(?<![^\W\d_])(?:" + "|".join(_PARTNERS["cues"]) + ")", re.IGNORECASE)
_LIST_HEAD = re.compile(
    r"(?:\d{1,3}\s*|(?<![^\W\d_]))((?:[A-ZА-Я][^\W\d_]*(?:-[^\W\d_]+)?\s+){0,4})(?i:" + "|".join(_PARTNERS["list_heads"]) + r")"
    r"(?:\s+from\s+[A-ZА-Я][^\W\d_]*)?\s*:\s*"
)
_MEMBER_OF = re.compile(
    r"(?<![^\W\d_])(?:"
    r"(?:(?:founding|full|associate|active|affiliate)\s+)?(?:members?(?:\s+(?:cluster|organi[sz]ation)s?)?|membership"
    r"(?:\s+(?:agreement|application|contract))?)"
    r"\s+(?:of|in|to|with)\s+(?:the\s+)?"
    r"|(?:is|are|became|becomes|become|been)\s+(?:an?\s+)?(?:active\s+|integral\s+)?part\s+of\s+(?:the\s+)?"
    r"|(?:joined|joins|affiliated\s+(?:with|to)|belongs?\s+to|belonging\s+to)\s+(?:the\s+)?"
    r"|(?:(?:is|are|been|became|become|becomes)\s+(?:an?\s+)?(?:active\s+|full\s+)?partners?\s+in)\s+(?:the\s+)?"
    r"|(?:член(?:ува)?\s+(?:на|в)|членува\s+в|се\s+присъедини\s+към)\s+"
    # es, ca, it, fr, pt, ro: "socio fondatore della", "membre de la", "forma parte de", "aderisce dal 2019 alla"
    r"|(?:(?:socio|sòcia?|soci|miembro|membre|membro|sócio|membru)(?:\s+(?:fundador|fondatore|fondateur|fundadora|fondator|fondatrice|actiu|activo|attivo|actif|ativo|activ))?"
    r"|forma\s+parte|forma\s+part|fa\s+parte|fait\s+partie|faz\s+parte|face\s+parte|pertenece|pertany|appartiene|appartient|pertence)"
    r"\s+(?:della|dello|delle|degli|dei|del|de\s+la|de\s+les|de\s+l['’]|de|di|dos|das|do|da|du|des|din|alla|al|aux|au|ao|à\s+la|à\s+l['’]|à|a|în|d['’])"
    r"(?:\s+|(?<=['’]))"
    r"|(?:aderisce|ha\s+aderito|adhère|a\s+adhéré|aderiu|a\s+aderat|se\s+(?:adhirió|unió|integró)|s['’]est\s+joint|a\s+rejoint|es\s+va\s+adherir)"
    r"(?:\s+(?:dal|depuis|desde|em|în|en)\s+\d{4})?\s+(?:alla|al|aux|au|ao|à\s+la|à\s+l['’]|à|a|la|le|les|el|il)(?:\s+|(?<=['’]))"
    r")",
    re.IGNORECASE,
)
_COMPOUND_END = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*-$")
_DASH_PLACE = re.compile(r"\s+[-–]\s+([A-ZА-Я][^\W\d_]+)(?![\w-])")
_DETERMINER = r"(?<![^\W\d_])(?i:the|our|its|their|fellow)\s+"
_MODIFIER = r"(?!(?i:of|the|a|an|in|on|at|for|to|with|by|from|and|or|is|was|are|were|has|have)\s)[^\W\d_][\w'’-]*\s+"
_INTRO_BEFORE = re.compile(_DETERMINER + r"(?:" + _MODIFIER + r"){1,3}?" + _LOWER_CLUSTER_WORD + r"\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])")
_INTRO_AFTER = re.compile(r",\s+(?i:the|a|an|our)\s+(?:" + _MODIFIER + r"){0,4}?" + _LOWER_CLUSTER_WORD + r"(?![\w'’-])")
_RUN_AT_END = re.compile(_RUN.pattern + r"$")
_PARENTHESISED = re.compile(r"\(([^()\n]{1,120})\)")
_QUOTED_AT_END = re.compile(r"[“\"„«]([^”\"“»]{3,100})[”\"“»]$")
_FOR_OR_TO_BEFORE = re.compile(r"\b(?:for|to)\s+$")
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "on", "since", "during", "after", "before", "near", "across", "throughout", "within"})
_LOWER_CLUSTER_KEYS = tuple(sorted({w for w in _CLUSTER_WORDS if not w.endswith("s")}))
_NETWORK_TYPE = re.compile(r"(?i:" + "|".join(_PARTNERS["network_types"]) + r")\s+(?=[A-ZА-Я])")
_PARTNERSHIP_HEAD = words_regex(_PARTNERS["partnership_heads"])
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+[^,.;:()\n]{1,80}")
_PLAIN_MEMBERSHIP = re.compile(r"member\s+of|join|belong|part\s+of|membr|socio|soci\s|parte|part\s+de|partie|aderi|adhè|adhé|pertene|pertany|apparti",
                               re.IGNORECASE)  # not "members in <places>"
_BRAND = re.compile(r"(?<![\w-])[a-z]+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}|(?<![\w-])[a-z][\w-]{2,}(?=,\s+(?:the|a|an)\s)")  # "euRobotics", "essenscia, the ..."
_CLAUSE_END = re.compile(r"\s*(?:[.;,)(]|$|\s(?:and|as well as|since|from|in)\s)")
_BODY_WORDS = frozenset({"board", "directors", "committee", "parliament", "jury", "team", "staff", "assembly", "council",
                         "presidium", "senate", "management", "secretariat"})  # "member of the Board of Directors"
_NOT_NETWORKS = frozenset({"board", "the board", "management board", "supervisory board", "parliament", "european parliament",
                           "european union", "eu", "team", "jury", "committee", "general assembly", "assembly", "staff",
                           "consortium", "network", "cluster", "association", "alliance", "platform"})
_PAREN_AFTER = re.compile(r"\s*\([^()\n]{1,60}\)")
_MORE_NAMES = re.compile(  # ", B", " and of the B", " network and, since 2021, of the B"
    r"(?:\s+(?:network|alliance|association|platform|initiative|federation|partnership)\b)?"
    r"\s*(?:,\s*(?:(?:as well as|and|&|и)\s*,?\s+)?|(?:as well as|and|&|и)\s*,?\s+)"
    r"(?:(?:since|from|in)\s+(?:19|20)\d\d\s*,\s*)?(?:(?:in|of|to|в)\s+)?(?:the\s+)?(?=[A-ZА-Я]|[a-z]+[A-Z]|[a-z][\w-]{2,},\s+(?:the|a|an)\s)"
)
_LABEL_WORD = words_regex(_LABELS["label_words"])
_LEVEL = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in _LABELS["level_words"]) + r")(?![\w-])", re.IGNORECASE)
_AWARD = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(_LABELS["award_verbs"]) + r")\s+(?:" + "|".join(_LABELS["recipients"]) + r")\b",
    re.IGNORECASE,
)
_RECEIVE = words_regex(_LABELS["receive_verbs"])
_OTHER_HOLDER = words_regex(_LABELS["other_holders"])
_SCHEME = re.compile(r"\bESCA\b")  # "ESCA Bronze Label for cluster management excellence": the label is named already
_ITEM_LEAD = re.compile(r"[ \t]*(?:[-•*·▪][ \t]*)?(?:(?:19|20)\d\d(?:-\d\d)?[ \t]*[-–—:][ \t]*)?")  # bullet, "2021 – "
_LABEL_ITEM = 120
_LEVEL_OR_LABEL = re.compile(r"labels?|certifications?|awards?|quality")
_COMPLEMENT_STOP = frozenset(
    "in on at by from under since which that who and to with as is was were will has have during after before for of".split()
)
_MEDALS = {word.casefold(): level for level, words in _LABELS["medals"].items() for word in words}
_TRAILING_YEAR = re.compile(r"\s*(?:\([^()]{0,20}\d{4}[^()]{0,20}\)|,?\s+(?:since|from|in)\s+\d{4})\s*$")
_NAME_CONNECTORS = frozenset({"and", "of", "for", "the", "in", "on", "de", "du", "des", "la", "le", "di", "del", "und", "für", "и", "на", "за"})
_ACRONYM = re.compile(r"[A-ZА-Я0-9&-]{2,8}")
_PARTNER_LIST_HEADING = re.compile(r"(?:" + "|".join(_PARTNERS["partner_list_headings"]) + r")")
_NETWORK_WORDS = frozenset(_PARTNERS["network_words"])
_MEMBER_HEADINGS = frozenset(_PARTNERS["member_headings"])
_ITEM_CUT = re.compile(r"\s*[(|:]")
_ITEM_DASH = re.compile(r"\s[-–—]\s")
_OTHERS = re.compile(r"(?<![^\W\d_])(?:they|these|those|he|she|them)(?![^\W\d_])", re.IGNORECASE)
_SELF_WORDS = re.compile(r"(?<![^\W\d_])(?:we|our|us|you|it|the cluster|our cluster|нашия|ние)(?![^\W\d_])", re.IGNORECASE)


def extract(doc: Document, found: dict[str, Any]) -> Extraction:
    out = Extraction()
    selves = self_names(doc, found)
    labels = _one_per_level(_dedupe(list(_form_values(doc, "labels", split=False))), _dedupe(list(_prose_labels(doc, selves))))
    for value, span in labels:
        out.append("labels", value, span)
    networks = [
        (v, s) for v, s in _dedupe(list(_form_values(doc, "networks")) + list(_prose_networks(doc, selves)))
        if not _is_self(v, selves)
    ]
    for value, span in networks:
        out.append("networks", value, span)
    taken = [v for v, _ in networks]
    inside_networks = [span for _, span in networks]
    partners = _dedupe(
        list(_form_values(doc, "partner_clusters")) + list(_listed_clusters(doc)) + list(_partner_list_items(doc, found))
        + list(_prose_clusters(doc))
    )
    partners = _dedupe([_without_note(value, span) for value, span in partners])  # "Riga Data Cluster (Latvia)"
    for value, span in partners:
        if _is_self(value, selves) or any(same_organisation(value, t) for t in taken) or excluded(value) \
                or any(s <= span[0] and span[1] <= e and (s, e) != span for s, e in inside_networks) \
                or _just_a_place(value) or _bracketed_after_self(doc.text, span, selves):
            continue  # "Cluster Associations" inside "European Network of Cluster Associations" is that network
        out.append("partner_clusters", value, span)
    return out


def _just_a_place(value: str) -> bool:
    places = find_places(value)
    return len(places) == 1 and places[0].text == value.strip()


def _bracketed_after_self(text: str, span: Span, selves: list[str]) -> bool:
    """ "The Fermo Footwear Innovation Cluster (Cluster Innovazione Calzatura Fermo)": the page's own name in
    another language, not a partner."""
    before = text[max(0, span[0] - 120):span[0]].rstrip()
    if not before.endswith("("):
        return False
    before = norm(before[:-1])
    return any(s and before.endswith(norm(s)) for s in selves)


def _is_self(value: str, selves: list[str]) -> bool:
    """Whether `value` names the profiled organisation. An acronym alias ("KMC") identifies only names
    that an acronym stands for when no full self name is known: "Klaipeda Maritime Cluster" is not
    "Kaunas Mechatronics Cluster" just because both shorten to KMC."""
    full = [s for s in selves if not _ACRONYM.fullmatch(s.strip())]
    if any(same_organisation(value, s) for s in full):
        return True
    if full and not _ACRONYM.fullmatch(value.strip()):
        return False
    return any(same_organisation(value, s) for s in selves if _ACRONYM.fullmatch(s.strip()))


def _dedupe(items: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """Near-duplicates (same organisation written twice) once, the first-written form kept."""
    kept: list[tuple[str, Span]] = []
    seen: set[str] = set()
    for value, span in sorted(items, key=lambda item: item[1][0]):
        key = norm(value)
        if key not in seen and not any(_near(value, k) for k, _ in kept):
            kept.append((value, span))
        seen.add(key)
    return kept


def medal_of(text: str) -> str | None:
    """The medal level a label phrase names ("ESCA Gold Label" -> "gold"), or None."""
    for word in WORD.findall(text):
        level = _MEDALS.get(word.casefold())
        if level:
            return level
    return None


def _one_per_level(form: list[tuple[str, Span]], prose: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """One label per medal level: a headline and a letter naming the same GOLD label are one label.

    A labels field's value wins; among prose mentions the fuller formal name (more words) wins.
    Mentions of different levels, or without a level ("ESCP-4i label"), are kept apart.
    """
    kept = list(form)
    from_form = len(kept)
    for value, span in prose:
        level = medal_of(value)
        same = next((i for i, (v, _) in enumerate(kept) if level and medal_of(v) == level), None)
        if same is None:
            if not any(_near(value, v) for v, _ in kept):
                kept.append((value, span))
        elif same >= from_form and len(value.split()) > len(kept[same][0].split()):
            kept[same] = (value, span)
    return kept


def _near(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    return na == nb or fuzz.token_sort_ratio(na, nb) >= 90 or same_organisation(a, b)


def _form_values(doc: Document, key: str, split: bool = True) -> Iterable[tuple[str, Span]]:
    for field in doc.fields_for(key):
        for line in field.values:
            if _sentence_value(line.text):
                continue  # prose under a "Networks" heading is read as prose, not as a list
            spans = split_items(line.text) if split else [(0, len(line.text))]
            for s, e in spans:
                value = _without_bracket_note(_TRAILING_YEAR.sub("", _MEMBERSHIP_LEAD.sub("", line.text[s:e])).strip(" ;,."))
                if value and not is_placeholder(value) and len(value) <= 200:
                    start = line.start + line.text.index(value, s)
                    yield value, (start, start + len(value))


# "Network: member of the X Alliance", "joined the X": the value is X
_MEMBERSHIP_LEAD = re.compile(r"^\s*(?:(?:a|an)\s+)?(?:(?:full|founding|active|associate)\s+)?(?:member\s+of|joined|partner\s+in)\s+(?:the\s+)?",
                              re.IGNORECASE)
_BRACKET_NOTE = re.compile(r"\s*\((?P<note>[^()]{2,40})\)$")


def _without_bracket_note(value: str) -> str:
    """ "Romanian Cluster Association (CLUSTERO)", "Vidin Agri Cluster (Bulgaria)": a list item's acronym or
    place in brackets is not part of the name."""
    m = _BRACKET_NOTE.search(value)
    if m is None or m.start() == 0:
        return value
    note = m.group("note").strip()
    if note.replace(".", "").replace("-", "").isupper() or _only_places(note):
        return value[: m.start()]
    return value


def _only_places(note: str) -> bool:
    """ "Bulgaria", "Lublin, Poland", "Liège, BE": places (and country codes) and separators only."""
    places = find_places(note)
    if not places:
        return False
    rest = note
    for place in reversed(places):
        rest = rest[:place.start] + rest[place.end:]
    return not re.sub(r"\b[A-Z]{2}\b", "", rest).strip(" ,;/–-")


def _without_note(value: str, span: Span) -> tuple[str, Span]:
    bare = _without_bracket_note(value)
    return bare, (span[0], span[0] + len(bare))


def _sentence_value(text: str) -> bool:
    """A form 'value' that is a sentence ("We joined the Nordic Wood Network."), not a name."""
    words = text.split()
    return text.rstrip()[-1:] in ".!?" and len(words) >= 4 and any(
        w.isalpha() and w.islower() and w not in _NAME_CONNECTORS for w in words
    )


def _matches(doc: Document, pattern: re.Pattern, keywords: Iterable[str]) -> Iterable[tuple[Line, re.Match]]:
    """(line, match) of `pattern` on the lines that hold one of `keywords`."""
    for line in keyword_lines(doc, keywords):
        for m in pattern.finditer(doc.text, line.start, line.end):
            yield line, m


# --- labels ------------------------------------------------------------------------------


def _prose_labels(doc: Document, selves: list[str]) -> Iterable[tuple[str, Span]]:
    """Label phrases awarded to the organisation: "granted us the GOLD label", "received the Silver Label"."""
    text = doc.text
    form_lines = {line.index for f in doc.fields for line in f.values if len(line.text) <= 200}
    verbs = (LineMatches(text, _AWARD), LineMatches(text, _RECEIVE))
    for line, m in _matches(doc, _LABEL_WORD, _LABELS["label_words"]):
        if line.index in form_lines or line.text.rstrip().endswith("?"):
            continue  # a form value, or a question ("Does the cluster hold a quality label?")
        phrase = _label_phrase(text, m.start(), m.end(), line, selves)
        if phrase is None:
            continue
        start, end = phrase
        if _awarded_to_self(doc, line, start, selves, verbs):
            yield text[start:end], (start, end)


def _label_phrase(text: str, a: int, b: int, line: Line, selves: list[str]) -> tuple[int, int] | None:
    """Span of "<level words> label [of|for <complement>]" or "label <SCHEME>" around the word at a..b."""
    start = a
    for tok_start, tok in tokens_before(text, a, line.start, limit=3):
        if not (_LEVEL.fullmatch(tok) or (tok[:1].isupper() and not _function_word(tok))):
            break
        start = tok_start
    end = b
    after = text[b:min(line.end, b + 300)]
    scheme = re.match(r"\s+([A-Z][A-Z0-9]*(?:\s?[-–]\s?[0-9A-Za-z]+)?)(?![\w-])", after)
    if scheme and _LEVEL.search(scheme.group(1)) and (
        start == a or medal_of(scheme.group(1)) and not medal_of(text[start:a])
    ):  # "label ESCP-4i", "Cluster Management Excellence Label GOLD"
        end = b + scheme.end()
    complement = re.match(r"\s+(?:of|for(?!\s+(?:a|an|another|the\s+next|its|their|our|one|two|three|four|five|"
                          r"further|several|\d)\b))\s+", after)  # not "for a further two years"
    if complement and end == b and not _SCHEME.search(text, start, a):  # "ESCA Bronze Label for ...": named already
        words = list(tokens_after(text, b + complement.end(), line.end, limit=5))
        if words and words[0][1].casefold() == "the":
            words = []  # "Bronze Label of the European Secretariat ...": the awarding body, not the label's name
        taken_end = None
        for tok_start, tok in words:
            if tok.casefold() in _COMPLEMENT_STOP or not WORD.fullmatch(tok):
                break
            taken_end = tok_start + len(tok)
            if text[taken_end:taken_end + 1] in ",.;:()":
                break
        if taken_end is not None:
            comp = text[b + complement.end():taken_end]
            if not any(same_organisation(comp, s) or norm(s) in norm(comp) for s in selves if s):
                end = taken_end
    if not _LEVEL.search(text[start:end]):
        return None
    return start, end


def _under_label_heading(doc: Document, offset: int) -> bool:
    title = doc.heading_at(offset)
    return title is not None and title.end <= offset and any(_LEVEL_OR_LABEL.fullmatch(w) for w in WORD.findall(title.text.casefold()))


def _awarded_to_self(doc: Document, line: Line, start: int, selves: list[str], verbs: tuple[LineMatches, LineMatches]) -> bool:
    text = doc.text
    s0, _ = sentence_bounds(text, start, line)
    awards, receives = (v.within(line, s0, start) for v in verbs)
    if awards:
        return True
    item = _ITEM_LEAD.match(text, line.start, start)
    if item is not None and item.end() == start and not any(line.start <= f.label_span[0] < line.end for f in doc.fields) \
            and ":" not in text[start:line.end] \
            and (_under_label_heading(doc, start) or len(line.text) <= _LABEL_ITEM):
        return True  # "## Labels" / "- Bronze Label of ..., awarded by ESCA in 2022"; "2021 – Gold Label of ... (ESCA)"
    if receives:
        subject = text[s0:receives[-1].start()]
        that = None
        for that in re.finditer(r"(?<![^\W\d_])that(?![^\W\d_])", subject):
            pass
        if that is not None:  # "... inform you that the X Cluster has passed ...": the clause's own subject
            subject = subject[that.end():]
        if _OTHER_HOLDER.search(subject):
            return False
        return not subject.strip() or bool(_SELF_WORDS.search(subject)) or any(
            s and norm(s) in norm(subject) for s in selves
        ) or not names_in(subject)
    # a title "Bronze Label ... for <organisation>"
    if start == line.start and len(line.text) <= 160:
        rest = norm(line.text)
        return any(s and _FOR_OR_TO_BEFORE.search(rest, 0, i) for s in selves if s for i in find_all(rest, norm(s)))
    return False


# --- networks ----------------------------------------------------------------------------


def _prose_networks(doc: Document, selves: list[str]) -> Iterable[tuple[str, Span]]:
    """Names after "member of", "founding members of", "joined", "membership in ... as well as in"."""
    text = doc.text
    label_lines = _label_lines(doc)
    previous_end = 0
    for line, m in _matches(doc, _MEMBER_OF, ("member", "join", "affiliat", "belong", "partner", "part of", "член", "присъедини",
                                              "membre", "membro", "membru", "miembro", "socio ", "soci ", "sòci", "sócio",
                                              "forma part", "fa parte", "fait partie", "faz parte", "face parte", "aderi", "adhè",
                                              "adhé", "pertene", "pertany", "apparti", "se unió", "integró")):
        if line.index in label_lines:
            continue
        partner_in = "partner" in m.group().casefold()
        s0, _ = sentence_bounds(text, m.start(), line)
        zone = text[max(s0, previous_end, text.rfind(";", s0, m.start()) + 1):m.start()]
        if _OTHERS.search(zone) or any(not any(same_organisation(n, s) for s in selves) and not _anaphoric(n) for n in names_in(zone)):
            continue  # another organisation is the member here
        position = m.end()
        while True:
            name = network_name_at(text, position, line.end) or (
                _bare_network_name(text, position, line.end) if _PLAIN_MEMBERSHIP.search(m.group()) else None)
            if name is None:
                break
            if partner_in and not _PARTNERSHIP_HEAD.search(text, name[0], name[1]):
                break  # a partner in a project, not in a network
            yield text[name[0]:name[1]], name
            previous_end = name[1]
            more = _MORE_NAMES.match(text, _after_appositives(text, name[1], line.end), line.end)
            if not more:
                break
            position = more.end()


def _after_appositives(text: str, pos: int, ceiling: int) -> int:
    """Position after "(ACRONYM)" and ", the national association of ..." that follow a name."""
    paren = _PAREN_AFTER.match(text, pos, ceiling)
    if paren:
        pos = paren.end()
    appositive = _APPOSITIVE.match(text, pos, ceiling)
    if appositive and text.startswith(",", appositive.end()):
        pos = appositive.end()
    return pos


def _label_lines(doc: Document) -> set[int]:
    lines = (doc.line_at(f.label_span[0]) for f in doc.fields)
    return {line.index for line in lines if line is not None}


# --- partner clusters --------------------------------------------------------------------


# "Contact at the cluster: Name", "Manager of our cluster: Name": the cluster itself, not a list head
_DETERMINED_BEFORE = re.compile(r"(?<![\w-])(?i:the|our|this|its|their|a)\s+$")


def _listed_clusters(doc: Document) -> Iterable[tuple[str, Span]]:
    """Organisations listed under a clusters heading inside a line: "5 ICT Clusters: A, B; 2 ...: C"."""
    text = doc.text
    for line in keyword_lines(doc, ("cluster", "клъстер")):
        if ":" not in line.text:
            continue
        heads = [h for h in _LIST_HEAD.finditer(text, line.start, line.end)
                 if h.group(0)[:1].isdigit() or h.group(1) or not _DETERMINED_BEFORE.search(text, line.start, h.start())]
        for i, head in enumerate(heads):
            end = heads[i + 1].start() if i + 1 < len(heads) else line.end
            stop = re.search(r"\.\s", text[head.end():end])
            if stop:
                end = head.end() + stop.start()
            yield from split_names(text, head.end(), end)


def _partner_list_items(doc: Document, found: dict[str, Any]) -> Iterable[tuple[str, Span]]:
    """Clusters among the items of a partner list ("Partners" / "1. Wood Cluster Tyrol – Innsbruck, Austria"),
    and, on a network's own page, among the items of its members list."""
    name = found.get("name")
    network = isinstance(name, str) and any(w.casefold() in _NETWORK_WORDS for w in WORD.findall(name))

    def heading(text: str) -> bool:
        return _partner_heading(text) or network and norm(text).rstrip(" :") in _MEMBER_HEADINGS

    sections = doc.sections
    lists = [
        # a heading with nothing under it before the next title ("Member clusters" / "Filter by sector: ...");
        # "Our member clusters", "List of members" are such headings too
        s.lines or (sections[i + 1].lines if i + 1 < len(sections) else [])
        for i, s in enumerate(sections) if s.title is not None and heading(_HEADING_LEAD.sub("", s.title.text))
    ]
    lists += [f.values for f in doc.fields if f.key is None and heading(f.label)]
    for lines in lists:
        for line in lines:
            if len(line.text) > 200 or _has_sentence_end(line.text):
                break  # the list has ended
            for piece in LIST_ITEMS.finditer(line.text):
                value = _list_item_name(piece.group(), line.text[piece.end():])
                if value and _is_cluster_name(value):
                    start = line.start + piece.start() + piece.group().index(value)
                    yield value, (start, start + len(value))


_HEADING_LEAD = re.compile(r"^\s*(?:(?:our|its|their|the|list\s+of|all)\s+)+", re.IGNORECASE)


def _has_sentence_end(text: str) -> bool:
    """A full stop that ends a sentence, not one after an abbreviation or initial ("St. Gallen", "Dr. X")."""
    for m in _SENTENCE_END.finditer(text):
        word = re.search(r"([^\s(]*)$", text[:m.start()]).group(1)
        if len(word) > 1 and word.casefold().rstrip(".") not in ABBREVIATION_KEYS:
            return True
    return False


def _partner_heading(text: str) -> bool:
    return bool(_PARTNER_LIST_HEADING.fullmatch(norm(text).rstrip(" :")))


def _list_item_name(item: str, rest: str) -> str:
    """The organisation's name at the start of a list item, without its seat or role: "X – Graz, Austria"
    is X, while "ICT Cluster – Varna" alone is a name with a dash."""
    cut = _ITEM_CUT.search(item)
    name = item[:cut.start()] if cut else item
    dash = _ITEM_DASH.search(name)
    if dash and (rest.startswith(",") or _ITEM_DASH.search(name, dash.end()) or _seat_after_dash(name[:dash.start()], name[dash.end():])):
        name = name[:dash.start()]
    return name.strip(" .\t")


def _seat_after_dash(before: str, after: str) -> bool:
    """ "Rhine Life Sciences Cluster – Basel": a full name (three words or more) before the dash and a known town
    after it, its seat; "ICT Cluster – Varna" and "Croatian Wood Cluster - Gorski Kotar" (a region) stay whole."""
    place = find_places(after.strip())
    return len(before.split()) >= 3 and len(place) == 1 and place[0].text == after.strip() and place[0].kind == "city"


def is_cluster_organisation(value: str) -> bool:
    """Its name calls it a cluster (or cluster network), and it is no university, agency or company."""
    return _is_cluster_name(value) and not excluded(value)


def _is_cluster_name(value: str) -> bool:
    words = WORD.findall(value)
    return 1 <= len(words) <= 10 and value[:1].isupper() and any(
        w.casefold() in _CLUSTER_WORDS or w.casefold().rsplit("-", 1)[-1] in _CLUSTER_WORDS for w in words
    )


def _prose_clusters(doc: Document) -> Iterable[tuple[str, Span]]:
    """Cluster names (by their own words) in sentences about cooperation."""
    text = doc.text
    cues = LineMatches(text, _CUE)
    skip_lines = {line.index for key in ("networks", "labels") for f in doc.fields_for(key) for line in f.values}
    for start, end in cluster_names(doc):
        line = doc.line_at(start)
        if line is None or line.index in skip_lines:
            continue
        s0, s1 = sentence_bounds(text, start, line)
        if cues.within(line, s0, s1):
            yield text[start:end], (start, end)
