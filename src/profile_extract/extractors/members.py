"""Member counts: total, SMEs, large companies, research organisations, other actors (contract 3.4).

Form fields first (labels -> keys in data/labels.toml; in a composition block a bare
number between two labelled counts takes the slot between them in the template order).
Prose fills what the form leaves open: "counts over 80 members", "today counts 41 member
companies", "the joint effort of 19 national and regional clusters" (a network's members),
"Among its members X has 8 public universities". A sentence must be about the page's own
organisation; new members, board members, employees and participants are not counts of
the membership. Phrase tables: data/members.toml.
"""
from __future__ import annotations

import bisect
import heapq
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterator

from ..document import Document, Extraction, FormField, Line, Span
from ..text_utils import NUMBER, NUMBER_WORDS, number_value, parse_count, sentence_around
from ..scan import StemScan
from .names import in_others_section, org_references, refers_to_org, subject_dropped

with resources.files("profile_extract.data").joinpath("members.toml").open("rb") as _fh:
    _DATA = tomllib.load(_fh)

SLOTS = ("total", "smes", "large_companies", "research_organisations", "other_actors")


def _alt(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


_NUM = NUMBER.pattern
_QUALIFIER = rf"(?:(?:{_alt(_DATA['qualifiers'])})\s+)?"
_MEMBER_NOUN = StemScan(re.compile(rf"(?<![\w-])(?:{_alt(_DATA['member_nouns'])})(?![\w-])", re.IGNORECASE))
# the count right before a member noun: "over 80 ", "17 active ", "41 "
_COUNT_BEFORE_NOUN = re.compile(
    rf"{_QUALIFIER}(?P<num>{_NUM})\+?[^\S\n]+(?P<adj>(?:(?:{_alt(_DATA['member_adjectives'] + _DATA['change_words'])})[^\S\n]+){{0,2}})$",
    re.IGNORECASE,
)
_GROUPING_VERB = StemScan(
    re.compile(rf"(?<![\w-])(?:{_alt(_DATA['grouping_verbs'])})(?![\w-])", re.IGNORECASE)
)
_GROUPING = re.compile(
    rf"(?:{_alt(_DATA['grouping_verbs'])})\s+{_QUALIFIER}(?P<num>{_NUM})\+?\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:(?P<noun>{_alt(_DATA['grouping_nouns'])})|(?P<company>{_alt(_DATA['company_nouns'])}))(?![\w-])",
    re.IGNORECASE,
)
# "in total there are 41 members": the statement of the whole membership beats the counts of its parts
_TOTAL_WORDS = re.compile(r"\b(?:in\s+total|in\s+all|altogether|a\s+total\s+of|total\s+of|overall)\b", re.IGNORECASE)
_TOTAL_AFTER = re.compile(r"\s+(?:in\s+total|in\s+all|altogether|overall)\b", re.IGNORECASE)  # "41 members in total"
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s*\w+ing\b[\w ]*$", re.IGNORECASE)
_LEADING_COUNT = re.compile(rf"\s*[:\-–]\s*{_QUALIFIER}(?P<num>{_NUM})\+?(?=\s*(?:\(|$|,|;|members))", re.IGNORECASE)
# "X is coordinated by <the org> and brings together ...": the org is not the subject of the count
_PASSIVE_AGENT = re.compile(r"(?<![\w-])(?:is|are|was|were|being)\s+(?:\w+\s+)?\w+(?:ed|en)\s+by\s", re.IGNORECASE)
_SCOPE = 400_000  # characters searched for prose statements on a huge page
_LOOKBACK = 80
_LOOKAHEAD = 200
_CHANGE = re.compile(rf"(?<![\w-])(?:{_alt(_DATA['change_words'])})(?![\w-])", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"(?:\bby|\bfrom|\badded|\bwelcomed|\bdown|\blost)\s*$", re.IGNORECASE)
_NOT_MEMBERSHIP_AFTER = re.compile(rf"\s+(?:{_alt(_DATA['not_membership_after'])})\b", re.IGNORECASE)
# "1,100 companies and research institutions": the number counts the companies, not the institutions
_NOT_COUNTED_NOUN = rf"(?!(?:{_alt(_DATA['company_nouns'] + _DATA['member_nouns'] + _DATA['grouping_nouns'])})(?![\w-]))"
_CATEGORY = {
    slot: re.compile(
        rf"{_QUALIFIER}(?P<num>{_NUM})\+?\s+(?:{_NOT_COUNTED_NOUN}[^\W\d_][\w-]*,?\s+){{0,3}}?(?:{_alt(words)})(?![\w-])", re.IGNORECASE
    )
    for slot, words in _DATA["categories"].items()
}
_MEMBERSHIP_CONTEXT = StemScan(re.compile(rf"(?:{_alt(_DATA['membership_context'])})", re.IGNORECASE))
# a category count holds one of its category words: no word in a sentence, no search there
_CATEGORY_WORD = {
    slot: StemScan(re.compile(_alt(words), re.IGNORECASE)) for slot, words in _DATA["categories"].items()
}
# the ends of number words, for a quick look at the words before a member noun
_NUMBER_WORD_ENDS = tuple({w.split()[-1].lower() for w in NUMBER_WORDS if w.split()})
_BARE_NUMBER = re.compile(r"\d[\d\s.,]*\+?")
_MAX_SENTENCE = 500
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_ARE_MEMBERS_VERB = r"(?:are|were|have\s+become)\s+(?:now\s+)?(?:full\s+)?members\s+of\b"
_ARE_MEMBERS = re.compile(rf"{_QUALIFIER}(?P<num>{_NUM})\+?\s+(?:[\w-]+,?\s+){{0,4}}?{_ARE_MEMBERS_VERB}", re.IGNORECASE)
# The verb phrase is rare and literal: find it first, then read the count in a window before it
# (a leading optional qualifier would make re try the whole pattern at every position).
_ARE_MEMBERS_AT = re.compile(_ARE_MEMBERS_VERB, re.IGNORECASE)
_ARE_MEMBERS_WINDOW = 300
_CURRENT = re.compile(r"(?<![\w-])(?:today|now|currently|at\s+present|presently|to\s+date|as\s+of\s+today|днес|сега|в\s+момента)(?![\w-])",
                      re.IGNORECASE)
_PAST = re.compile(r"(?<![\w-])(?:had|was|were|grew\s+to|counted|at\s+the\s+end\s+of\s+\d{4}|in\s+(?:19|20)\d\d|by\s+(?:19|20)\d\d|"
                   r"initially|originally|at\s+(?:its\s+)?(?:founding|launch|start))(?![\w-])", re.IGNORECASE)
_MODIFIER_NOUN = re.compile(r"member[^\S\n]+(?!of\b|in\b|and\b|or\b|from\b|who\b|that\b|which\b)[a-z]{3,}\b", re.IGNORECASE)
_DELEGATION_BEFORE = re.compile(r"(?<![\w-])(?:brings|brought|bring|took|takes|take|sent|sends|led|leads|accompanied)\s+"
                                r"(?:(?:over|more\s+than|some|about|around|nearly)\s+)?$", re.IGNORECASE)
_DESTINATION_AFTER = re.compile(r"\s+(?:to|at)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}?"
                                r"(?:day|days|fair|event|conference|summit|forum|mission|visit|exhibition|expo|matchmaking)\b",
                                re.IGNORECASE)
_BREAKDOWN_NEXT = re.compile(r"[\s.;:]*(?:of\s+these|of\s+them|among\s+them|among\s+these|of\s+which|they\s+include|"
                             r"these\s+include|от\s+тях)\b[\s,:]*", re.IGNORECASE)
_WIDER_SUBJECT = re.compile(rf"(?<![\w-])(?:{_alt(_DATA['wider_subjects'])})(?![\w-])", re.IGNORECASE)
# what follows a sentence-initial count when the sentence is about some members, not the membership
_ACTIVITY_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?(?:cluster|network|association|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})\s+)?"
                             r"(?:will|would|can|could|took|take|takes|attended|attend|joined|presented|present|"
                             r"visited|participated|signed|received|won|exhibited|showcased)\b", re.IGNORECASE)


def extract(doc: Document, found: dict[str, Any]) -> Extraction:
    out = Extraction()
    counts: dict[str, tuple[int, Span]] = {}
    _from_fields(doc, counts)
    if len(counts) < len(SLOTS):
        for slot, value in _from_prose(doc, found).items():
            counts.setdefault(slot, value)
    for slot in SLOTS:
        if slot in counts:
            out.set(f"members/{slot}", counts[slot][0], counts[slot][1])
    return out


# ------------------------------------------------------------------ form fields


def _from_fields(doc: Document, counts: dict[str, tuple[int, Span]]) -> None:
    labelled: list[tuple[int, FormField]] = []
    used: set[Span] = set()
    for fld in doc.fields:
        if not fld.key or not fld.key.startswith("members."):
            continue
        slot = fld.key.split(".", 1)[1]
        if slot not in SLOTS:
            continue
        labelled.append((SLOTS.index(slot), fld))
        if slot in counts:
            continue
        value = _own_value(doc, fld, used)
        number = parse_count(value.text) if value else None
        if number is not None:
            counts[slot] = (number, value.span)
            used.add(value.span)
            if slot == "total":  # "42 (35 SMEs, 2 large companies, ...)"
                _categories(doc.text, value.start, value.end, counts)
        elif not fld.values:
            _composition_line(doc, fld, slot, counts)
    _fill_unlabelled(doc, labelled, counts)


def _answers_label_above(doc: Document, value: Line, label_position: int) -> bool:
    """A number printed above this label that is really the answer to the "Label:" line above it."""
    if value.end > _line_start(doc, label_position) or label_position < 2:
        return False
    above = doc.lines[label_position - 2]
    return doc.lines[label_position - 1].span == value.span and above.text.rstrip().endswith(":")


def _line_start(doc: Document, position: int) -> int:
    return doc.lines[position].start if 0 <= position < len(doc.lines) else 0


def _composition_line(doc: Document, fld: FormField, slot: str, counts: dict[str, tuple[int, Span]]) -> None:
    """'Members: 42 (35 SMEs, 2 large companies, ...)': a count with its breakdown on the label's line."""
    line = doc.line_at(fld.label_span[0])
    if line is None:
        return
    m = _LEADING_COUNT.match(doc.text, fld.label_span[1], line.end)
    if m:
        counts[slot] = (_number(m.group("num")), m.span("num"))
        if slot == "total":
            _categories(doc.text, m.end(), line.end, counts)


def _own_value(doc: Document, fld: FormField, used: set[Span]) -> Line | None:
    """The field's value, unless an earlier field already took that line ("Label:" / "120" / "Label:" / "95":
    then the number under this label is its own)."""
    position = bisect.bisect_right(doc.lines, fld.label_span[0], key=lambda line: line.start) - 1
    if fld.values and fld.values[0].span not in used and not _answers_label_above(doc, fld.values[0], position):
        return fld.values[0]
    nxt = doc.lines[position + 1] if 0 <= position < len(doc.lines) - 1 else None
    if nxt is not None and nxt.span not in used and _BARE_NUMBER.fullmatch(nxt.text):
        return nxt
    return None


def _fill_unlabelled(doc: Document, labelled: list[tuple[int, FormField]], counts: dict[str, tuple[int, Span]]) -> None:
    """A bare number between two labelled counts one slot apart takes the slot between them."""
    used = {v.span for f in doc.fields for v in f.values}
    for (slot_a, field_a), (slot_b, field_b) in zip(labelled, labelled[1:]):
        if slot_b - slot_a != 2 or SLOTS[slot_a + 1] in counts:
            continue
        lo = max([field_a.label_span[1], *(v.end for v in field_a.values)])
        hi = min([field_b.label_span[0], *(v.start for v in field_b.values)])
        if any(lo <= f.label_span[0] < hi for f in doc.fields):
            continue  # another label stands between them: the number is its answer
        bare = [
            line for line in doc.lines
            if lo <= line.start and line.end <= hi and line.span not in used and _BARE_NUMBER.fullmatch(line.text)
        ]
        if len(bare) == 1:
            number = parse_count(bare[0].text)
            if number is not None:
                counts[SLOTS[slot_a + 1]] = (number, bare[0].span)


# ------------------------------------------------------------------ prose


def _from_prose(doc: Document, found: dict[str, Any]) -> dict[str, tuple[int, Span]]:
    refs = org_references(found)
    text = doc.text
    counts: dict[str, tuple[int, Span]] = {}
    candidates: list[tuple[int, int, _Count, int]] = []
    for stated in _total_statements(text):
        lo, hi = _sentence(text, stated.start, stated.end)
        if not _is_membership_total(text, stated, lo) or not (refers_to_org(text[lo:hi], refs) or _fact_line(doc, stated)
                                                              or subject_dropped(text, lo, stated.start, refs)):
            continue
        if not text[lo:stated.start].strip() and not stated.adjectives and _ACTIVITY_AFTER.match(text, stated.end):
            continue  # "Eight member companies will present ...": some members doing something
        if _DELEGATION_BEFORE.search(text, max(lo, stated.start - 30), stated.start) or _DESTINATION_AFTER.match(text, stated.end):
            continue  # "AHTC brings 18 members to the matchmaking day": a delegation, not the membership
        passive = _PASSIVE_AGENT.search(text, lo, stated.start)
        if passive and (refers_to_org(text[passive.end():stated.start], refs, anaphor_ok=False)
                        or not refers_to_org(text[lo:passive.start()], refs)):
            continue  # "X is coordinated by <the org> and brings together ...", not "The cluster was started by ..."
        if stated.subject_start is not None and not _org_is_subject(text[lo:stated.subject_start], refs):
            continue
        whole = _TOTAL_WORDS.search(text, max(lo, stated.start - 25), stated.start) or _TOTAL_AFTER.match(text, stated.end)
        candidates.append((whole is not None,
                           _recency(text, stated, lo), _year_before(text, lo, stated.start), -len(candidates), stated, hi))
    if candidates:  # the most recent statement: "today we have 87" over "at the end of 2021 we had 61"
        *_, stated, hi = max(candidates)
        counts["total"] = (_number(stated.num), (stated.num_span[0], stated.end))
        _categories(text, stated.end, hi, counts)
        following = _BREAKDOWN_NEXT.match(text, hi)
        if following:  # "... counted 137 members. Of these, 96 were SMEs and 19 large companies."
            _categories(text, following.end(), _sentence(text, following.end(), following.end())[1], counts)
    for ctx in _MEMBERSHIP_CONTEXT.finditer(text, 0, _SCOPE):
        lo, hi = _sentence(text, ctx.start(), ctx.end())
        if refers_to_org(text[lo:hi], refs):
            _categories(text, ctx.end(), hi, counts)
    return counts


def _fact_line(doc: Document, stated: _Count) -> bool:
    """ "- 60 members", "120+ member companies.": a fact-list line that is the count alone, outside a section
    about other organisations, is the page's own membership."""
    line = doc.line_at(stated.start)
    return (line is not None and _FACT_LEAD.fullmatch(doc.text, line.start, stated.start) is not None
            and _FACT_TAIL.fullmatch(doc.text, stated.end, line.end) is not None and not in_others_section(doc, stated.start))


_FACT_LEAD = re.compile(r"[\s\-•*·▪>|]*")
_FACT_TAIL = re.compile(r"(?:\s+in\s+total)?[\s.;|]*")


@dataclass(frozen=True, slots=True)
class _Count:
    """A stated count: the whole phrase, the number in it and the adjectives before the noun."""

    start: int
    end: int
    num_span: Span
    num: str
    adjectives: str = ""
    subject_start: int | None = None  # set when the organisation must be the subject of text[...:start]


def _total_statements(text: str) -> Iterator[_Count]:
    """Count-before-member-noun and grouping-verb statements, in text order."""
    def before_nouns() -> Iterator[_Count]:
        for noun in _MEMBER_NOUN.finditer(text, 0, _SCOPE):
            if noun.group().casefold() == "member" and _MODIFIER_NOUN.match(text, noun.start()):
                continue  # "three member farms", "27 member states": "member" qualifies another noun
            lo = max(0, noun.start() - _LOOKBACK)
            m = _COUNT_BEFORE_NOUN.search(text, lo, noun.start()) if _may_count(text, lo, noun.start()) else None
            if m:
                yield _Count(m.start(), noun.end(), m.span("num"), m.group("num"), m.group("adj") or "")

    def are_members() -> Iterator[_Count]:  # "Today 36 companies and organisations are members of X"
        done = 0
        for verb in _ARE_MEMBERS_AT.finditer(text, 0, _SCOPE):
            m = _ARE_MEMBERS.search(text, max(done, verb.start() - _ARE_MEMBERS_WINDOW), verb.end())
            if m:
                done = m.end()
                yield _Count(m.start("num"), m.end(), m.span("num"), m.group("num"))

    def groupings() -> Iterator[_Count]:
        for verb in _GROUPING_VERB.finditer(text, 0, _SCOPE):
            m = _GROUPING.match(text, verb.start(), verb.start() + _LOOKAHEAD)
            if m and m.group("company") and _PARTICIPLE_AFTER_COMMA.search(text, max(0, verb.start() - 3), verb.end()):
                continue  # "23 clusters, representing 4,000 companies": the companies behind the members
            if m:
                yield _Count(m.start("num"), m.end(), m.span("num"), m.group("num"),
                             subject_start=verb.start() if m.group("company") else None)

    return heapq.merge(before_nouns(), groupings(), are_members(), key=lambda c: c.start)


def _may_count(text: str, lo: int, end: int) -> bool:
    """False when `_COUNT_BEFORE_NOUN` cannot match text[lo:end]: that needs a number (and "+") ending one of
    the last three words, the other two being adjectives, and whitespace before `end`."""
    if end <= lo or not text[end - 1].isspace():
        return False
    for word in text[lo:end].split()[-3:]:
        if not word.isascii():
            return True
        core = word[:-1] if word.endswith("+") else word
        if core[-1:].isdigit() or core.lower().endswith(_NUMBER_WORD_ENDS):
            return True
    return False


def _year_before(text: str, lo: int, hi: int) -> int:
    """The latest year a statement names before its count ("In 2022 we counted 66"), 0 for none."""
    return max((int(y) for y in _YEAR.findall(text, lo, hi)), default=0)


def _recency(text: str, stated: _Count, sentence_start: int) -> int:
    """+1 for a statement of the present ("today", "now"), -1 for one of the past ("had", "in 2021"); first wins ties."""
    before = text[sentence_start:stated.start]
    return bool(_CURRENT.search(before)) - bool(_PAST.search(before[-60:]))


def _org_is_subject(before_verb: str, refs: list[str]) -> bool:
    """The words before a grouping verb name the organisation, not a country, sector or ecosystem."""
    return refers_to_org(before_verb, refs) and not _WIDER_SUBJECT.search(before_verb)


def _is_membership_total(text: str, m: _Count, sentence_start: int) -> bool:
    if _CHANGE.search(m.adjectives):
        return False  # "11 new members" is a change, not a count
    if _CHANGE_BEFORE.search(text[max(sentence_start, m.start - 12): m.start]):
        return False  # "grew ... by 11", "from 40 (to 50)"
    return not _NOT_MEMBERSHIP_AFTER.match(text, m.end)  # "5 members of the board"


def _categories(text: str, lo: int, hi: int, counts: dict[str, tuple[int, Span]]) -> None:
    for slot, regex in _CATEGORY.items():
        if slot in counts or not _CATEGORY_WORD[slot].may_occur(text, lo, hi):
            continue
        m = regex.search(text, lo, hi)
        if m:
            counts[slot] = (_number(m.group("num")), (m.start("num"), m.end()))


def _number(written: str) -> int:
    return number_value(NUMBER.fullmatch(written) or NUMBER.search(written))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    return sentence_around(text, start, end, _MAX_SENTENCE)