"""The profiled organisation's name and aliases (contract 3.1).

Candidates come from several kinds of evidence: a form field "Name", title lines at the
top of the page, capitalised phrases around an organisation-type word ("Marine Cluster
Bulgaria", "Клъстер „…“"), quoted names, founding statements ("we set up the X
Association"), award titles ("Bronze Label ... for X") and acronym definitions ("X (GI)
wrote"). Each candidate is scored by how often the page uses it plus bonuses for the
position it holds; near-identical candidates are grouped. The vocabulary lives in
`data/names.toml`. Other extractors read `found["name"]` and `found["aliases"]`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Iterator

from rapidfuzz import fuzz, process

from ..gazetteer import find_places, lookup
from ..document import Document, Extraction, Line, Span
from ..scan import FOLD_EXTRA, StemScan, after_word, count_words, find_all, foldable, lowered
from ..sections import dateline, is_known_heading, is_placeholder
from ..text_utils import sentence_around, trie_regex

with resources.files("profile_extract.data").joinpath("names.toml").open("rb") as _fh:
    _VOCAB = tomllib.load(_fh)

DESIGNATORS = frozenset(_VOCAB["designators"])
_CONNECTORS = frozenset(_VOCAB["connectors"])
_LEFT_CONNECTORS = frozenset(_VOCAB["left_connectors"])
_ELIDED = re.compile(rf"(?i:{'|'.join(sorted(_VOCAB['elisions'], key=len, reverse=True))})['’](?P<word>\w.*)")
_LEAD_WORDS = frozenset(_VOCAB["lead_words"])
_NON_ORG = frozenset(_VOCAB["non_org_words"])
_NON_ORG_TITLE_LEADS = frozenset(_VOCAB["non_org_title_leads"])
_LEADING_LEGAL = tuple(_VOCAB["leading_legal_forms"])
_TRAILING_LEGAL = tuple(sorted(_VOCAB["trailing_legal_forms"], key=len, reverse=True))
_LEADING_LEGAL_HEADS = tuple(form + " " for form in _LEADING_LEGAL)  # a quick "might end in a legal form" test
_TRAILING_LEGAL_TAILS = tuple(sep + form for form in _TRAILING_LEGAL for sep in (" ", ","))


_DESIGNATOR = re.compile(rf"(?<![\w-])(?:{trie_regex(DESIGNATORS)})(?!\w)")
_DESIGNATOR_SCAN = StemScan(_DESIGNATOR)
_OPEN_QUOTES = "“„«\"‚"
_CLOSE_QUOTES = "”“»\"’"
_QUOTED = re.compile(r"[“„«\"]([^“”„«»\"\n]{2,120})[”“»\"]")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЂ-Џ"
_FOUNDING = re.compile(
    r"(?<!\w)(?:set\s+up|established|founded|created|launched|formed|registered|establish|found|create|launch)"
    rf"\s+(?:a|an|the)\s+(?P<name>[{_UPPER}][^,.;:()\n!?“”„\"]{{1,150}})",
    re.IGNORECASE,
)
_FOUNDING_SCAN = StemScan(_FOUNDING)
_FOUNDING_STOP = re.compile(
    r"\s(?:that|which|who|whose|where|to|in|on|at|with|by|as|from|since|under|during|was|is|will|has|have|"
    r"together|within|back|officially|this|last|next|after|before)\s",
)
_SEAT_AFTER = re.compile(rf"\s(?:in|at)\s+(?P<seat>[{_UPPER}][\w-]+)(?:\s|$)")
# "(GI)", "/MCB/", and mixed-case short names with two or more capitals ("(TexNor)", "(HyVal)")
_ACRONYM_DEF = re.compile(
    rf"\s?[(/](?P<acr>[{_UPPER}](?:[{_UPPER}0-9&-]{{1,9}}|(?=[\w&-]*[{_UPPER}])[\w&-]{{1,14}}))[)/]"
)
_AWARD_TITLE = re.compile(rf"\b(?:{trie_regex(_VOCAB['award_words'])})\b.*?\bfor\s+(?P<name>\S.*)$")
_BREADCRUMB = re.compile(r"\s(?:>|»|/|›|→)\s")
_TRAILING_ACRONYM = re.compile(rf"\s(?:[-–—]\s(?P<acr>[{_UPPER}][{_UPPER}0-9&]{{1,9}})|\((?P<bracketed>[{_UPPER}][{_UPPER}0-9&.-]{{1,12}})\))$")
_LEADING_ACRONYM = re.compile(rf"(?P<acr>[{_UPPER}][{_UPPER}0-9&]{{1,9}})\s+[-–—|:]\s+")


def _initials_match(acronym: str, name: str) -> bool:
    """ "SICA" and "Swiss Innovation Clusters Association": the acronym spells the name's capitalised words."""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return len(acronym) >= 2 and initials.upper().startswith(acronym.upper())


_SUBJECT_AFTER = re.compile(r"\s*(?:\([^)\n]{1,20}\)\s*)?(?:is|was|are|has been)\s+(?:a|an|the|one)\b")
_TOKEN = re.compile(r"\S+")
_EDGE_OPEN = "“„«\"‚‘([*'"
_EDGE_CLOSE = ",.;:!?)]”\"»’'*‘“"
_BREAK_CLOSE = set(",.;:!?)]”\"»“")
_POSSESSIVE = re.compile(r"['’‘]s?$")
_KEY_DROP = re.compile(r"[\"'“”„«»‚‘’`*]")
_SPACES = re.compile(r"\s+")

_ANAPHOR = StemScan(re.compile(rf"(?<![\w-])(?:{'|'.join(_VOCAB['anaphors'])})(?![\w-])", re.IGNORECASE))

_TOP_LINES = 8
_PROSE_LENGTH = 150
_MAX_COUNTED = 40
_WINDOW_LEFT, _WINDOW_RIGHT = 100, 160  # a name is at most about a dozen words around its designator
_MAX_DESIGNATOR_HITS = 3000  # a huge page names its own organisation early enough
_COUNT_SCOPE = 400_000  # characters in which candidates are sought and counted: a fair sample of a huge page

# bonuses: how strongly a kind of evidence says "this is the page's own organisation"
_FIELD_BONUS = 6.0
_LEGAL_NAME_BONUS = 2.0  # a registered name is mostly an alias of the name the page goes by
_TITLE_BONUS = 4.0
_LATER_TITLE_BONUS = 2.0
_IN_TITLE_BONUS = (2.5, 0.5)  # the subject of a headline sentence is what the page is about
_FOUNDING_BONUS = 3.0
_QUOTED_BONUS = 1.0
_ACRONYM_BONUS = 1.0
_SUBJECT_BONUS = 1.5
_ACRONYM_USE_WEIGHT, _MAX_ACRONYM_USES = 1.0, 5  # "GI", "MCB": the short form counts as a mention
_PRIORITY = {"field": 5, "title": 4, "award": 4, "quoted": 3, "founding": 2, "acronym": 2, "designator": 1}


@lru_cache(maxsize=4096)
def key_of(text: str) -> str:
    """A comparison key: casefolded, quotes and apostrophes dropped, dashes and spaces normalised."""
    text = _KEY_DROP.sub("", text.casefold()).replace("–", "-").replace("—", "-")
    return _SPACES.sub(" ", text).strip(" -.,")


@dataclass
class Candidate:
    key: str
    text: str
    span: Span
    kinds: dict[str, float] = field(default_factory=dict)  # kind -> bonus
    surfaces: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    variants: set[str] = field(default_factory=set)
    acronym_uses: int = 0  # longer readings, e.g. with the seat a founding statement adds
    count: int = 0
    spans: list[Span] = field(default_factory=list)
    score: float = 0.0

    def add_kind(self, kind: str, bonus: float) -> None:
        self.kinds[kind] = max(self.kinds.get(kind, 0.0), bonus)

    @property
    def priority(self) -> int:
        return max((_PRIORITY.get(k, 0) for k in self.kinds), default=0)


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    core: str
    lead_break: bool
    trail_break: bool
    opens_quote: bool = False


class _Pool:
    """Candidates by key, with bare designator mentions ("the Federation") counted aside."""

    def __init__(self) -> None:
        self.by_key: dict[str, Candidate] = {}
        self.bare: dict[str, int] = {}
        self.instance_ends: dict[int, str] = {}  # end offset of a candidate instance -> its text

    def add(self, text: str, span: Span, kind: str, bonus: float = 0.0) -> Candidate | None:
        text = text.strip()
        key = key_of(text)
        if len(key) < 2 or not any(ch.isalpha() for ch in key):
            return None
        cand = self.by_key.get(key)
        if cand is None:
            cand = self.by_key[key] = Candidate(key, text, span)
        elif _PRIORITY.get(kind, 0) > cand.priority:
            cand.text, cand.span = text, span
        cand.surfaces.add(text)
        cand.add_kind(kind, bonus)
        self.instance_ends[span[1]] = text
        return cand


def extract(doc: Document, found: dict[str, Any]) -> Extraction:
    out = Extraction()
    if not doc.text.strip():
        return out
    pool = _Pool()
    _from_fields(doc, pool)
    first_sentence_title = _from_top_lines(doc, pool)
    in_title = _from_designators(doc, pool, first_sentence_title)
    for i, cand in enumerate(in_title[:2]):
        cand.add_kind("in_title", _IN_TITLE_BONUS[i])
    _from_quotes(doc, pool)
    _from_founding(doc, pool)
    _from_acronym_definitions(doc, pool)
    if not pool.by_key:
        return out
    _merge_legal_forms(doc, pool)
    ranked = _score(doc, pool)
    if not ranked:
        return out
    best_group = ranked[0]
    rep = max(best_group, key=lambda c: (c.priority >= _PRIORITY["title"], c.count, c.priority, -c.span[0]))
    name, span = rep.text, _evidence_span(doc, rep)
    if name.isupper():  # "ARCTIC AQUATECH CLUSTER" as a title: the page's own mixed-case writing of it
        mixed = next((s for s in sorted(rep.surfaces) if not s.isupper() and _find(doc.text, s)), None)
        if mixed:
            name, span = mixed, _find(doc.text, mixed)
    out.set("name", name, span)
    for alias, span in _aliases(doc, pool, best_group, rep):
        out.append("aliases", alias, span)
    return out


# ------------------------------------------------------------------ candidate sources


def _from_fields(doc: Document, pool: _Pool) -> None:
    for key, bonus in (("name", _FIELD_BONUS), ("legal_name", _LEGAL_NAME_BONUS)):
        for fld in doc.fields_for(key):
            for value in fld.values[:1]:
                text, offset = _unquoted(value.text)
                if not _name_like(text):  # 'title: "X – Cluster Profile"' (front matter): the name part
                    text, offset = _title_segment(text, offset)
                if _name_like(text):
                    pool.add(text, (value.start + offset, value.start + offset + len(text)), "field", bonus)


def _unquoted(text: str) -> tuple[str, int]:
    """A value without the quotes around it, and where it starts."""
    if len(text) >= 2 and text[0] in "\"'“„«" and text[-1] in "\"'”“»":
        return text[1:-1].strip(), 1 + len(text[1:]) - len(text[1:].lstrip())
    return text, 0


def _from_top_lines(doc: Document, pool: _Pool) -> Line | None:
    """Title-like lines before the first paragraph; returns the first sentence-like title line."""
    titled = False
    first_plain = True
    sentence_title = None
    for line in doc.lines[:_TOP_LINES]:
        if len(line.text) >= _PROSE_LENGTH:
            break
        if dateline(line) or is_known_heading(line.text) or is_placeholder(line.text):
            continue
        site = _first_breadcrumb(line.text)
        if site is not None:  # "Danube Hydrogen Cluster > Projects > X": the site's owner
            pool.add(site, (line.start, line.start + len(site)), "title", _LATER_TITLE_BONUS)
        text, offset = _without_title_prefix(*_without_field_label(*_last_breadcrumb(line.text)))
        inner, shift = _unquoted(text)
        if shift and not any(q in inner for q in _OPEN_QUOTES):  # 'title: "X – Cluster Profile"' (front matter)
            text, offset = inner, offset + shift
        if not _name_like(text) or _PAGE_KIND_TAIL.search(text):  # "FoodTec Alsace – Annual Report 2023   page 4",
            text, offset = _title_segment(text, offset)              # "X – Cluster Profile": the name part of a title
        leading = _LEADING_ACRONYM.match(text)
        if leading and _initials_match(leading.group("acr"), text[leading.end():]):  # "SICA – Swiss Innovation ..."
            text, offset = text[leading.end():], offset + leading.end()
        start = line.start + offset
        acronym = _TRAILING_ACRONYM.search(text)
        if acronym:  # "X - ACR", "X (MARE.TEC)"
            text = text[: acronym.start()]
        award = _AWARD_TITLE.search(text)
        if award and _name_like(award.group("name")):
            name = award.group("name")
            pool.add(name, (start + award.start("name"), start + award.end("name")), "award", _TITLE_BONUS)
            titled = True
            continue
        if not _name_like(text) or text.split()[0].casefold() in _NON_ORG_TITLE_LEADS:
            if sentence_title is None and len(text.split()) > 3:
                sentence_title = line
            continue
        span = (start, start + len(text))
        if _org_shaped(text):
            cand = pool.add(text, span, "title", _LATER_TITLE_BONUS if titled else _TITLE_BONUS)
            titled = True
        elif first_plain:
            cand = pool.add(text, span, "title_plain", _TITLE_BONUS)  # kept only if repeated
        else:
            cand = None
        first_plain = False
        if cand is not None and acronym:
            cand.acronyms.add(acronym.group("acr") or acronym.group("bracketed"))
    return sentence_title


def _org_shaped(text: str) -> bool:
    """Has an organisation-type word and no thing-word after it ("Cluster Manager", "Cluster Excellence Label");
    a title in capitals is read in title case ("ARCTIC AQUATECH CLUSTER")."""
    if text.isupper():
        text = text.title()
    m = _DESIGNATOR.search(text)
    if m is None or _DETERMINERS_ONLY.fullmatch(text, 0, m.start()):
        return False  # "The Cluster in Figures", "Our Network": a heading about it, not its name
    return not _NON_ORG.intersection(w.strip(_EDGE_CLOSE) for w in text[m.end():].split())


_DETERMINERS_ONLY = re.compile(r"(?:\d+\.?\s+)?(?:(?:the|our|this|your|about)\s+)+", re.IGNORECASE)


_TITLE_PREFIX = re.compile(
    rf"^(?:{trie_regex(_VOCAB['title_prefixes'])})\s*[:–—-]?\s+(?=[{_UPPER}\"“„«])", re.IGNORECASE
)


def _without_title_prefix(text: str, offset: int) -> tuple[str, int]:
    """"About Nordic Battery Cluster" -> "Nordic Battery Cluster" (with its offset in the line)."""
    m = _TITLE_PREFIX.match(text)
    return (text[m.end():], offset + m.end()) if m else (text, offset)


_TITLE_SEPARATOR = re.compile(r"\s+[–—|:·•-]\s+|\s{3,}")


def _title_segment(text: str, offset: int) -> tuple[str, int]:
    """The first part of a title line split on " – ", " | " or wide gaps that reads like a name; only on a line
    of short parts ("X – Annual Report 2023   page 4"), not on a sentence that happens to hold a dash."""
    seps = list(_TITLE_SEPARATOR.finditer(text))
    bounds = [0, *(x for sep in seps for x in sep.span()), len(text)]
    parts = [text[bounds[i]:bounds[i + 1]] for i in range(0, len(bounds), 2)]
    if not seps or any(len(part.split()) > 6 or part.rstrip().endswith((".", "!", "?")) for part in parts) \
            or any(q in text for q in _OPEN_QUOTES):
        return text, offset
    start = 0
    for sep in [*seps, None]:
        end = sep.start() if sep else len(text)
        part = text[start:end]
        # two words, or one coined word ("PlastiWal"); not a bare acronym
        if (len(part.split()) >= 2 or _COINED_WORD.fullmatch(part.strip())) and _name_like(part) and not is_known_heading(part):
            return part, offset + start
        if sep is None:
            break
        start = sep.end()
    return text, offset


# a title part naming the kind of page, not the organisation
_PAGE_KIND_TAIL = re.compile(r"\s[–—|:·•-]\s+(?:[\w-]+\s+){0,2}(?:profile|home|homepage|about(?: us)?|overview|website|official site)\s*$",
                             re.IGNORECASE)
_COINED_WORD = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+\d*")  # "PlastiWal", "MedTech", "BioKon"


def _first_breadcrumb(text: str) -> str | None:
    """The first step of a breadcrumb trail when it names an organisation (not "Home")."""
    first = _BREADCRUMB.search(text)
    if first is None:
        return None
    crumb = text[: first.start()].strip()
    return crumb if _name_like(crumb) and _org_shaped(crumb) else None


def _without_field_label(text: str, offset: int) -> tuple[str, int]:
    """"Coordinator: X (ACR)" -> "X" (with its offset): a short label before a colon is not part of a name."""
    m = _FIELD_LABEL.match(text)
    if m is None:
        return text, offset
    value = text[m.end():]
    acronym = _ACRONYM_DEF.search(value)
    if acronym and acronym.end() == len(value.rstrip()):
        value = value[: acronym.start()]
    return value, offset + m.end()


_FIELD_LABEL = re.compile(r"^[^\W\d_][\w-]*(?: [\w-]+){0,2}:\s+")


def _last_breadcrumb(text: str) -> tuple[str, int]:
    parts = list(_BREADCRUMB.finditer(text))
    if not parts:
        return text, 0
    return text[parts[-1].end():], parts[-1].end()


def _from_designators(doc: Document, pool: _Pool, title_line: Line | None) -> list[Candidate]:
    """Capitalised phrases around organisation-type words; returns those inside `title_line`, in order."""
    in_title: list[Candidate] = []
    covered_until = -1
    line_at = doc.line_at
    for n, hit in enumerate(_DESIGNATOR_SCAN.finditer(doc.text, 0, _COUNT_SCOPE)):
        if n >= _MAX_DESIGNATOR_HITS:
            break
        if hit.start() < covered_until:
            continue
        line = line_at(hit.start())
        if line is None:
            continue
        lo, hi = max(line.start, hit.start() - _WINDOW_LEFT), min(line.end, hit.end() + _WINDOW_RIGHT)
        toks = _Tokens(doc.text, lo, hi, at_line_start=lo == line.start, anchor=hit.start())
        anchor = toks.get(0)
        if anchor is None or not anchor.start <= hit.start() < anchor.end:
            continue
        span = _expand(toks, 0, hit)
        if span is None:
            continue
        start, end, bare = span
        covered_until = end
        if bare:
            pool.bare[hit.group(0)] = pool.bare.get(hit.group(0), 0) + 1
            continue
        cand = pool.add(doc.text[start:end], (start, end), "designator")
        if cand and title_line and title_line.start <= start < title_line.end and cand not in in_title:
            in_title.append(cand)
    return in_title


class _Tokens:
    """The whitespace-delimited words of text[lo:hi] as `_Tok`s, numbered outward from an anchor word (0, the
    word holding `anchor`; without one, -1 is the window's last word) and read only as far as a caller looks:
    a name phrase spans a few words around its designator, not the whole window."""

    __slots__ = ("_text", "_lo", "_hi", "_cut", "_right", "_left", "_origin", "_toks")

    def __init__(self, text: str, lo: int, hi: int, at_line_start: bool, anchor: int | None = None) -> None:
        self._text, self._lo, self._hi = text, lo, hi
        self._cut = not at_line_start  # a window cut mid-line: its first word doesn't extend past the cut
        self._toks: dict[int, _Tok] = {}
        self._left: list[Span | None] = []
        first = None
        if anchor is not None and lo <= anchor < hi:
            run = _TOKEN.match(text, anchor, hi)
            if run is not None:
                before = text[lo:anchor]
                start = anchor
                if before and not before[-1].isspace():
                    start = anchor - len(before.rsplit(None, 1)[-1])
                first = (start, run.end())
        self._right: list[Span | None] = [first]
        self._origin = first[0] if first else hi

    def get(self, i: int) -> _Tok | None:
        """Word i, or None past the window's edge."""
        tok = self._toks.get(i)
        if tok is None:
            span = self._span(i)
            if span is None:
                return None
            tok = self._toks[i] = _word_token(self._text, span[0], span[1])
            if self._cut and (span[0] <= self._lo or self._text[self._lo:span[0]].isspace()):
                tok.lead_break = True
        return tok

    def has(self, i: int) -> bool:
        return self.get(i) is not None

    def __getitem__(self, i: int) -> _Tok:
        tok = self.get(i)
        if tok is None:
            raise IndexError(i)
        return tok

    def _span(self, i: int) -> Span | None:
        side, k = (self._right, i) if i >= 0 else (self._left, -i - 1)
        while len(side) <= k:
            last = side[-1] if side else None
            if side and last is None:
                return None
            if i >= 0:
                side.append(self._after(last[1]))
            else:
                side.append(self._before(last[0] if last else self._origin))
        return side[k]

    def _after(self, end: int) -> Span | None:
        run = _TOKEN.search(self._text, end, self._hi)
        return run.span() if run else None

    def _before(self, start: int) -> Span | None:
        before = self._text[self._lo:start].rstrip()
        if not before:
            return None
        end = self._lo + len(before)
        return (end - len(before.rsplit(None, 1)[-1]), end)



def _word_token(text: str, start: int, end: int) -> _Tok:
    """One whitespace-delimited word: its core without quotes/brackets/punctuation/possessive, and whether
    those edges break a name."""
    word = text[start:end]
    if word[0] not in _EDGE_OPEN and word[-1] not in _EDGE_CLOSE and (len(word) < 3 or word[-2] not in "'’‘"):
        return _Tok(start, end, word, False, False, False)  # a plain word: nothing to strip
    lead = len(word) - len(word.lstrip(_EDGE_OPEN)) if word[0] in _EDGE_OPEN else 0
    core = word[lead:]
    stripped = core.rstrip(_EDGE_CLOSE) if core[-1:] in _EDGE_CLOSE else core
    trail = core[len(stripped):]
    trail_break = bool(trail) and any(ch in _BREAK_CLOSE for ch in trail)
    if len(stripped) > 2 and (stripped[-1] in "'’‘" or stripped[-2] in "'’‘"):
        poss = _POSSESSIVE.search(stripped)
        if poss:
            trail_break = trail_break or poss.group(0)[-1:] == "s"
            stripped = stripped[: poss.start()]
    start += lead
    return _Tok(start, start + len(stripped), stripped, lead > 0 and word[0] != "*", trail_break, word[0] in _OPEN_QUOTES)


def _capitalised(word: str) -> bool:
    if not word:
        return False
    first = word[0]
    return first.isupper() or (first.isdigit() and any(ch.isalpha() for ch in word))


def _sentence_initial(toks: _Tokens, i: int) -> bool:
    prev = toks.get(i - 1)
    return prev is None or prev.core[-1:] in ".!?:" or prev.trail_break


def _expand(toks: _Tokens, h: int, hit: re.Match) -> tuple[int, int, bool] | None:
    """The name phrase around designator token `h`: (start, end, is_bare) or None for a non-name."""
    get = toks.get
    i, cur = h, get(h)
    while not cur.lead_break:  # leftward over capitalised words ("Balkan and Black Sea ...")
        prev = get(i - 1)
        if prev is None or prev.trail_break:
            break
        if _capitalised(prev.core):
            i, cur = i - 1, prev
            continue
        if prev.core in _LEFT_CONNECTORS and not prev.lead_break:
            before = get(i - 2)
            if before is not None and not before.trail_break and _capitalised(before.core):
                i, cur = i - 2, before
                continue
        break
    while i < h and (cur.core in _LEAD_WORDS or (cur.core.endswith("ing") and _sentence_initial(toks, i))):
        i += 1
        cur = get(i)
    first = cur
    j, cur = h, get(h)
    quoted_end = None
    while not cur.trail_break:  # rightward
        nxt = get(j + 1)
        if nxt is None:
            break
        if nxt.lead_break:
            if j == h and nxt.opens_quote:
                quoted_end = _closing_quote(toks, j + 1)
                if quoted_end is not None:
                    j = quoted_end
            break
        if _capitalised(nxt.core) and nxt.core not in _LEAD_WORDS:
            j, cur = j + 1, nxt
            continue
        if nxt.core in _CONNECTORS and not nxt.trail_break:
            after = get(j + 2)
            if after is not None and not after.lead_break and _capitalised(after.core):
                j, cur = j + 2, after
                continue
        break
    if any(get(k).core in _NON_ORG for k in range(h + 1, j + 1)):
        return None
    if i == h and j == h:
        return (first.start, first.end, True)
    last = get(j)
    end = last.end
    if quoted_end is not None:
        end = _quote_close_offset(last, end)
    return (first.start, end, False)


def _closing_quote(toks: _Tokens, k: int) -> int | None:
    """Index of the token closing a quoted name that opens at token k (Slavic "Клъстер „…“" style)."""
    for m in range(k, k + 10):
        tok = toks.get(m)
        if tok is None:
            break
        if tok.trail_break:
            return m
    return None


def _quote_close_offset(tok: _Tok, end: int) -> int:
    return end + 1  # keep the closing quote so the quoted name stays balanced


def _from_quotes(doc: Document, pool: _Pool) -> None:
    for m in _QUOTED.finditer(doc.text, 0, _COUNT_SCOPE):
        inner = m.group(1).strip()
        if _org_shaped(inner) and _name_like(inner) and not _NON_ORG.intersection(inner.split()):
            start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
            pool.add(inner, (start, start + len(inner)), "quoted", _QUOTED_BONUS)


def _from_founding(doc: Document, pool: _Pool) -> None:
    """'we set up the Hungarian Cluster Association on ...' names the page's own organisation."""
    for m in _FOUNDING_SCAN.finditer(doc.text, 0, _COUNT_SCOPE):
        phrase = m.group("name")
        stop = _FOUNDING_STOP.search(phrase)
        seat = None
        if stop:
            seat = _SEAT_AFTER.match(phrase, stop.start())
            phrase = phrase[: stop.start()]
        phrase = phrase.rstrip(" -–—")
        words = phrase.split()
        if not words or len(words) > 12 or not _DESIGNATOR.search(phrase):
            continue
        while words and words[-1] in _CONNECTORS:
            words.pop()
        phrase = " ".join(words)
        start = m.start("name")
        if phrase in DESIGNATORS:
            pool.bare[phrase] = pool.bare.get(phrase, 0) + 1
            continue
        if not _capitalised(words[0]) or words[0] not in DESIGNATORS and not _name_like(phrase):
            continue
        cand = pool.add(doc.text[start: start + len(phrase)], (start, start + len(phrase)), "founding", _FOUNDING_BONUS)
        if cand is not None and seat is not None:
            cand.variants.add(_content_key(key_of(phrase + " " + seat.group("seat"))))


def _from_acronym_definitions(doc: Document, pool: _Pool) -> None:
    """'Name (ACR)' / 'Name /ACR/': the acronym is an alias; a sentence-initial definition is a candidate."""
    for m in _acronym_definitions(doc.text, _COUNT_SCOPE):
        acr = m.group("acr")
        before = pool.instance_ends.get(m.start()) or pool.instance_ends.get(m.start() - 1)
        if before is not None:
            pool.by_key[key_of(before)].acronyms.add(acr)
            continue
        line = doc.line_at(m.start())
        if line is None:
            continue
        toks = _Tokens(doc.text, max(line.start, m.start() - 120), m.start(), at_line_start=True)
        k = 0  # words before the bracket: -1, -2, ...
        while -k < 6:
            prev = toks.get(k - 1)
            if prev is None or not _capitalised(prev.core) or prev.trail_break:
                break
            k -= 1
            if prev.lead_break:
                break
        words = [toks[x] for x in range(k, 0)]
        while words and words[0].core in _LEAD_WORDS:
            words = words[1:]
        if not words or not _sentence_initial(toks, -len(words)):
            continue
        initials = "".join(w.core[0] for w in words).upper()
        if initials != acr.upper():
            continue
        start, end = words[0].start, words[-1].end
        cand = pool.add(doc.text[start:end], (start, end), "acronym", _ACRONYM_BONUS + _SUBJECT_BONUS)
        if cand:
            cand.acronyms.add(acr)


def _acronym_definitions(text: str, hi: int) -> Iterator[re.Match]:
    """`_ACRONYM_DEF.finditer(text, 0, hi)`, tried only at a bracket or slash (or the space before one)."""
    hi = min(hi, len(text))
    starts = []
    for opener in "(/":
        i = text.find(opener, 0, hi)
        while i >= 0:
            if i > 0 and text[i - 1].isspace():
                starts.append(i - 1)
            starts.append(i)
            i = text.find(opener, i + 1, hi)
    starts.sort()
    end = 0
    for pos in starts:
        if pos >= end:
            m = _ACRONYM_DEF.match(text, pos, hi)
            if m is not None:
                end = m.end()
                yield m


def _name_like(text: str) -> bool:
    """Short, capitalised like a proper name; lower-case words only as connectors or inside quotes."""
    words = text.split()
    if not 1 <= len(words) <= 12 or text.rstrip()[-1:] in ",;:!?" or len(text) > 120:
        return False
    if not _capitalised(words[0].lstrip(_EDGE_OPEN)):
        return False
    quoted = False
    for word in words:
        core = word.strip(_EDGE_OPEN + _EDGE_CLOSE)
        opens = word[:1] in _OPEN_QUOTES
        closes = word[-1:] in _CLOSE_QUOTES and not (opens and len(word) == 1)
        if opens:
            quoted = True
        elided = _ELIDED.fullmatch(core)
        ok = (
            quoted or not core or _capitalised(core) or core in _CONNECTORS or core in "-–—&/+"
            or (elided is not None and _capitalised(elided.group("word")))  # "l'Automoció"
            or core.capitalize() in DESIGNATORS  # "Аграрен клъстер „Добруджа“": lower-case in many languages
            or any(word.startswith(form) or form.startswith(core) for form in _TRAILING_LEGAL if form[:1].islower())
        )
        if closes:
            quoted = False
        if not ok:
            return False
    return True


# ------------------------------------------------------------------ legal forms, scoring, grouping


def _merge_legal_forms(doc: Document, pool: _Pool) -> None:
    """'Foundation ICT Cluster' / 'Silicon Saxony e. V.' -> the shorter name, when the text also uses it."""
    for cand in list(pool.by_key.values()):
        short = _without_legal_form(cand.text)
        if short is None:
            continue
        short_key = key_of(short)
        target = pool.by_key.get(short_key)
        if target is None:
            if count_words(doc.text, short, _COUNT_SCOPE) <= doc.text.count(cand.text, 0, _COUNT_SCOPE):
                continue
            target = pool.add(short, cand.span, "designator")
            if target is None:
                continue
        target.surfaces |= cand.surfaces
        target.acronyms |= cand.acronyms
        for kind, bonus in cand.kinds.items():
            target.add_kind(kind, bonus)
        if cand.priority > target.priority or cand.span[0] < target.span[0]:
            target.span = cand.span
        target.surfaces.add(short)
        target.kinds.setdefault("legal", 0.0)
        target.text = short if target.key == short_key else target.text
        del pool.by_key[cand.key]
        target.surfaces.add(cand.text)


def _without_legal_form(text: str) -> str | None:
    if not text.startswith(_LEADING_LEGAL_HEADS) and not text.endswith(_TRAILING_LEGAL_TAILS):
        return None
    for form in _LEADING_LEGAL:
        if text.startswith(form + " "):
            rest = text[len(form) + 1:].lstrip()
            core = rest.lstrip(_EDGE_OPEN)
            if _capitalised(core) and len(rest.split()) >= 1:
                return rest.strip(_EDGE_OPEN + "”“»")
    for form in _TRAILING_LEGAL:
        if text.endswith(" " + form) or text.endswith("," + form) or text.endswith(", " + form):
            rest = text[: -len(form)].rstrip(" ,")
            if rest:
                return rest
    return None


def _score(doc: Document, pool: _Pool) -> list[list[Candidate]]:
    """Groups of near-identical candidates, best first."""
    cands = sorted(pool.by_key.values(), key=lambda c: -sum(c.kinds.values()))[:_MAX_COUNTED]
    _count(doc, cands)
    _count_acronyms(doc, cands)
    text_cf = doc.text[:_COUNT_SCOPE].casefold()
    kept = []
    for cand in cands:
        if "title_plain" in cand.kinds and cand.count < 2:
            del cand.kinds["title_plain"]
        if set(cand.kinds) <= {"legal"} and cand.count == 0:
            continue
        if not cand.kinds or cand.count == 0:
            continue
        if "title_plain" in cand.kinds and len(cand.kinds) == 1 and cand.count < 2:
            continue
        subject = any(_SUBJECT_AFTER.match(doc.text, end) for _, end in cand.spans)
        first_word = cand.text.split()[0]
        cand.score = (
            min(cand.count, 12)
            + sum(cand.kinds.values())
            + (_SUBJECT_BONUS if subject else 0.0)
            + _ACRONYM_USE_WEIGHT * max(0, min(cand.acronym_uses, _MAX_ACRONYM_USES))
            + 0.5 * min(pool.bare.get(first_word, 0), 4) * (first_word in DESIGNATORS)
            + _echo(cand, text_cf)
        )
        kept.append(cand)
    groups = _group(kept)
    groups.sort(key=lambda g: (-sum(c.score for c in g), min(c.span[0] for c in g)))
    return groups


def _count(doc: Document, cands: list[Candidate]) -> None:
    """Occurrences of every candidate's written forms in one pass, longest form first."""
    by_surface: dict[str, Candidate] = {}
    for cand in cands:
        for surface in cand.surfaces:
            by_surface.setdefault(key_of(surface), cand)
    surfaces = sorted({s for c in cands for s in c.surfaces}, key=len, reverse=True)
    if not surfaces:
        return
    for span in _surface_spans(doc.text, surfaces, _COUNT_SCOPE):
        cand = by_surface.get(key_of(doc.text[span[0]:span[1]]))
        if cand is not None:
            cand.count += 1
            cand.spans.append(span)


def _surface_spans(text: str, surfaces: list[str], hi: int) -> Iterator[Span]:
    r"""Mentions of the surfaces (any case, any whitespace between words, first listed wins), as a compiled
    `(?<![\w-])(?:surface|...)(?![\w])` would find them; compiling that per page costs more than the search."""
    hi = min(hi, len(text))
    alternatives = [[w.lower() for w in s.split()] for s in surfaces]
    hay, odd = lowered(text)
    chars = "".join(w for words in alternatives for w in words)
    if (
        hay is None or not all(alternatives) or not FOLD_EXTRA or not foldable(set(chars))
        or len(chars) != len("".join("".join(s.split()) for s in surfaces))
        or (odd and any(x in odd for ch in set(chars) for x in FOLD_EXTRA.get(ch, ())))
    ):
        pattern = "|".join(r"\s+".join(re.escape(w) for w in s.split()) for s in surfaces)
        regex = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.IGNORECASE)
        yield from (m.span() for m in regex.finditer(text, 0, hi))
        return
    by_first: dict[str, list[tuple[int, list[str]]]] = {}  # first word -> alternatives, in alternation order
    for rank, words in enumerate(alternatives):
        by_first.setdefault(words[0], []).append((rank, words))
    at: dict[int, list[tuple[int, list[str]]]] = {}
    for first, group in by_first.items():
        for pos in find_all(hay, (first,), 0, hi):
            at.setdefault(pos, []).extend(group)
    end = 0
    for pos in sorted(at):
        if pos < end or (pos > 0 and after_word(text[pos - 1], True)):
            continue
        group = at[pos]
        if len(group) > 1:
            group.sort()
        for _, words in group:
            stop = _words_at(text, hay, pos + len(words[0]), words, hi)
            if stop is not None and (stop >= hi or not (text[stop].isalnum() or text[stop] == "_")):
                end = stop
                yield (pos, stop)
                break


def _words_at(text: str, hay: str, pos: int, words: list[str], hi: int) -> int | None:
    """End of words[1:] read from `pos` (just after words[0]) with whitespace before each, or None."""
    for word in words[1:]:
        gap = pos
        while gap < hi and text[gap].isspace():
            gap += 1
        if gap == pos or not hay.startswith(word, gap, hi):
            return None
        pos = gap + len(word)
    return pos


def _initialism(text: str) -> str:
    """'Marine Cluster Bulgaria' -> 'MCB'; 'Balkan and Black Sea ICT Network' -> 'BBS' (words before an acronym)."""
    letters = []
    for word in text.split():
        core = word.strip(_EDGE_OPEN + _EDGE_CLOSE)
        if not core or core in _CONNECTORS:
            continue
        if core.isupper() and len(core) > 1 and letters:
            break
        letters.append(core[0].upper())
    return "".join(letters)


def _count_acronyms(doc: Document, cands: list[Candidate]) -> None:
    owners: dict[str, list[Candidate]] = {}
    for cand in cands:
        initials = _initialism(cand.text)
        forms = set(cand.acronyms)
        if len(initials) >= 2:
            forms.add(initials)
        short = _short_form(cand.text)
        if short:
            forms.add(short)
            cand.acronym_uses -= cand.count  # its uses inside the full name are not short uses
        for form in forms:
            owners.setdefault(form, []).append(cand)
    if not owners:
        return
    for form in _form_uses(doc.text, owners, _COUNT_SCOPE):
        for cand in owners[form]:
            cand.acronym_uses += 1
            cand.acronyms.add(form)


def _short_form(text: str) -> str | None:
    """The one coined word a name keeps beside its designator ("VinoSud" of "VinoSud Cluster",
    "LogiMar" of "Cluster LogiMar"), which pages use alone once they have named the organisation;
    not a place ("Plovdiv" of "Cluster Plovdiv") or a plain word."""
    words = [w.strip(_EDGE_OPEN + _EDGE_CLOSE) for w in text.split()]
    rest = [w for w in words if w not in DESIGNATORS and w not in _CONNECTORS]
    if len(rest) != 1 or len(rest) == len(words):
        return None
    word = rest[0]
    if len(word) < 4 or not word[0].isupper() or not any(ch.isupper() for ch in word[1:]) or word.isupper():
        return None
    return word


def _form_uses(text: str, forms: Iterable[str], hi: int) -> Iterator[str]:
    r"""Whole-word uses of short forms, as `(?<![\w-])(?:{trie_regex(forms)})(?![\w-])` finds them."""
    hi = min(hi, len(text))
    at: dict[int, list[str]] = {}
    for form in sorted(forms, key=lambda f: len(re.escape(f)), reverse=True):  # the alternation's order
        for pos in find_all(text, (form,), 0, hi) if form else ():
            at.setdefault(pos, []).append(form)
    end = 0
    for pos in sorted(at):
        if pos < end or (pos > 0 and after_word(text[pos - 1], True)):
            continue
        for form in at[pos]:
            stop = pos + len(form)
            if stop >= hi or not after_word(text[stop], True):
                end = stop
                yield form
                break


def _echo(cand: Candidate, text_cf: str) -> float:
    """Words of the name that the page repeats elsewhere ("automotive industry in Bulgaria")."""
    hits = 0
    for word in {w.strip(_EDGE_OPEN + _EDGE_CLOSE).casefold() for w in cand.text.split()}:
        if len(word) < 3 or word in _CONNECTORS or word.capitalize() in DESIGNATORS or word.upper() == word:
            continue
        if text_cf.count(word) > cand.count:
            hits += 1
    return 0.3 * min(hits, 3)


def _content_key(key: str) -> str:
    """A key without connectors and dashes, so "Cluster of X" and "Cluster X – City" compare close."""
    return " ".join(w for w in key.split() if w not in _CONNECTORS and any(ch.isalnum() for ch in w))


def _group(cands: list[Candidate]) -> list[list[Candidate]]:
    """Near-identical candidates (contract 5.2 similarity on their content words) are one name."""
    parent = list(range(len(cands)))
    keys = [{_content_key(c.key), *c.variants} for c in cands]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    close = _close_pairs(keys)
    for a in range(len(cands)):
        for b in range(a + 1, len(cands)):
            if (a, b) in close:
                parent[root(a)] = root(b)
    groups: dict[int, list[Candidate]] = {}
    for i, cand in enumerate(cands):
        groups.setdefault(root(i), []).append(cand)
    return list(groups.values())


def _close_pairs(keys: list[set[str]]) -> set[tuple[int, int]]:
    """(a, b), a < b, when some key of a and some key of b have token-sort similarity >= 90 (one C call)."""
    if len(keys) < 2:
        return set()
    owners = [i for i, ks in enumerate(keys) for _ in ks]
    flat = [k for ks in keys for k in ks]
    scores = process.cdist(flat, flat, scorer=fuzz.token_sort_ratio, score_cutoff=90, workers=1)
    rows, cols = scores.nonzero()
    return {(owners[p], owners[q]) for p, q in zip(rows.tolist(), cols.tolist()) if owners[p] < owners[q]}


# ------------------------------------------------------------------ output


def _evidence_span(doc: Document, rep: Candidate) -> Span:
    """The chosen mention: where the representative was read, else its first occurrence."""
    rep_key = key_of(rep.text)
    for span in [rep.span, *sorted(rep.spans)]:
        if rep_key in key_of(doc.text[span[0]:span[1]]):
            return span
    return rep.span


def _aliases(doc: Document, pool: _Pool, group: list[Candidate], rep: Candidate) -> list[tuple[str, Span]]:
    name_key = key_of(rep.text)
    seen = {name_key}
    out: list[tuple[str, Span]] = []

    def add(text: str, span: Span | None) -> None:
        key = key_of(text)
        if key and key not in seen and span is not None:
            seen.add(key)
            out.append((text, span))

    for cand in group:
        for surface in sorted(cand.surfaces):
            add(surface, _find(doc.text, surface))
        for acr in sorted(cand.acronyms):
            add(acr, _find(doc.text, acr))
    for fld in doc.fields_for("acronym"):
        for value in fld.values[:1]:
            add(value.text, value.span)
    for start, _ in (s for c in group for s in c.spans):
        if doc.text[max(0, start - 1): start] == "(":
            before = pool.instance_ends.get(start - 2) or pool.instance_ends.get(start - 3)
            if before:
                add(before, _find(doc.text, before))
    return out


def _find(text: str, needle: str) -> Span | None:
    pos = text.find(needle)
    if pos < 0:
        pos = text.casefold().find(needle.casefold())
    return (pos, pos + len(needle)) if pos >= 0 else None


# ------------------------------------------------------------------ helpers for other extractors


def org_references(found: dict[str, Any]) -> list[str]:
    """Casefolded ways the page names its own organisation: name, aliases, its organisation-type word."""
    names = [n for n in [found.get("name"), *(found.get("aliases") or [])] if isinstance(n, str) and n.strip()]
    refs = [n.casefold() for n in names]
    for name in names[:1]:
        heads = [w.strip(_EDGE_OPEN + _EDGE_CLOSE) for w in name.split()]
        heads = [w for w in heads if w in DESIGNATORS]
        if heads:
            refs.append(_HEAD_MARK + heads[-1].casefold())
        short = _without_trailing_designator(name) or _short_form(name)
        if short:  # "MedTech West" for "MedTech West Cluster", "AgriNova" for "AgriNova Cluster"
            refs.append(short.casefold())
    return refs


def _without_trailing_designator(name: str) -> str | None:
    """The name less a final organisation-type word when two or more words stay ("MedTech West Cluster")."""
    words = name.split()
    if len(words) >= 3 and words[-1] in DESIGNATORS and words[-2] not in _CONNECTORS \
            and not any(w in DESIGNATORS for w in words[:-1]) and not find_places(" ".join(words[:-1])):
        return " ".join(words[:-1])
    return None


_HEAD_MARK = "~"  # marks an organisation-type word in org_references: it refers back like an anaphor


@lru_cache(maxsize=256)
def _determined_head(head: str) -> re.Pattern:
    return re.compile(
        rf"(?<![\w-])(?i:the|this|our|that|its|their|a|an|el|la|il|le|lo|o|este|esta|nuestro|nuestra|nostro|nostra|notre|nosso|nossa)\s+"
        rf"(?:(?!partner\b|other\b|sister\b|fellow\b|foreign\b|host\b|neighbouring\b)(?:[a-z][\w-]*|\w+-based)\s+)?(?i:{re.escape(head)})(?![\w-])"
    )  # "the (merged) cluster", "the Varna-based cluster"; not "the Brno cluster" or "the partner cluster"


# Headings of sections about other organisations or happenings: a bare fact line there is not the page's own.
_OTHERS_HEADING = re.compile(r"partner|member|project|news|event|team|people|client|customer|consortium|related",
                             re.IGNORECASE)


def in_others_section(doc: Document, offset: int) -> bool:
    """Is `offset` under a heading about partners, members, projects, news or people?"""
    heading = doc.heading_at(offset)
    return heading is not None and bool(_OTHERS_HEADING.search(heading.text))


_MAX_DROPPED_CHAIN = 2  # sentences without a subject followed back to the one that names the organisation
_MAX_DROPPED_LEAD = 4  # words before the verb's object in a sentence without a subject ("Actualmente cuenta con")


def subject_dropped(text: str, lo: int, at: int, refs: list[str], whole_clause: bool = False) -> bool:
    """A sentence that leaves its subject out, as Romance and Slavic languages do ("Actualmente cuenta con 85
    socios", "Conta oggi 120 soci"), speaks of what the sentence before it names: true when text[lo:at] is a
    few common words (no name, no place) and that sentence, or one before it without a subject of its own,
    names the organisation or refers back to it. `whole_clause`: text[lo:at] may be a longer clause with
    dates and numbers ("È stato costituito nel 2008 da 23 imprese e ha sede a"), still without a name in it."""
    for _ in range(_MAX_DROPPED_CHAIN):
        words = text[lo:at].split()
        if not words or lo < 2:
            return False  # nothing before: "Founded in 1919, the university ..." has its subject after the comma
        if not whole_clause and (len(words) > _MAX_DROPPED_LEAD or not all(w.isalpha() for w in words)):
            return False
        if any(w[:1].isupper() for w in words[1:]) or (words and words[0][:1].isupper() and lookup(words[0])):
            return False
        before, _ = sentence_around(text, lo - 1, lo - 1)
        if before >= lo - 1 or "\n\n" in text[before:lo]:
            return False
        if refers_to_org(text[before:lo], refs):
            return True
        lo, at = before, _verb_at(text, before, lo)
    return False


def _verb_at(text: str, lo: int, hi: int) -> int:
    """Where the lead of a sentence ends for `subject_dropped`: its first digit, or its fourth word."""
    digit = next((i for i in range(lo, hi) if text[i].isdigit()), hi)
    words = list(re.finditer(r"\S+", text[lo:digit]))
    return lo + words[min(len(words), _MAX_DROPPED_LEAD) - 1].end() if words else lo


def refers_to_org(fragment: str, refs: list[str], anaphor_ok: bool = True, own_type_ok: bool = False) -> bool:
    """Does this text name the profiled organisation, or (if `anaphor_ok`) refer back to it ("we", "the cluster",
    its organisation-type word "the Platform")? `own_type_ok` admits just the last ("the Platform")."""
    folded = fragment.casefold()
    for ref in refs:
        is_head = ref.startswith(_HEAD_MARK)
        if is_head and not (anaphor_ok or own_type_ok):
            continue
        ref = ref.lstrip(_HEAD_MARK) if is_head else ref
        if is_head and ref in folded and _determined_head(ref).search(fragment):
            return True  # "the cluster", "our platform"; not "the Brno cluster", which is another one
        if not is_head and count_words(folded, ref, limit=1):
            return True
    return anaphor_ok and bool(_ANAPHOR.search(fragment))
