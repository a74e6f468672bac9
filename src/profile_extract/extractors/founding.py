"""When the profiled organisation was established (contract 3.3).

Only from a form field keyed "established" or from an explicit founding statement
("X was established in 2012", "we set up the X on 18 April 2023", "It was in 2008 that
the X ... was launched"). The statement must be about the page's own organisation: its
name, an alias, its organisation-type word ("the Platform") or a word that refers back
to it ("the cluster", "we", "it"). "CoderDojo ... established in 2011" is someone else's.
The verb table is `data/founding.toml`; dates come from `dates.py` at the text's precision.
"""
from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any

from ..dates import DateMatch, find_dates, parse_date
from ..document import Document, Extraction, Span
from ..scan import StemScan
from ..text_utils import sentence_around
from .names import in_others_section, org_references, refers_to_org, subject_dropped

with resources.files("profile_extract.data").joinpath("founding.toml").open("rb") as _fh:
    _DATA = tomllib.load(_fh)

_VERBS = "|".join(sorted(_DATA["verbs"], key=len, reverse=True)).replace(" ", r"\s+")
# whole-page scans: tried only where a literal stem of the pattern occurs (see names.StemScan)
_VERB = StemScan(re.compile(rf"(?<![\w-])(?:{_VERBS})(?![\w-])", re.IGNORECASE))
_NOUN = StemScan(re.compile(
    rf"(?<![\w-])(?:{'|'.join(_DATA['possessives'])})\s+(?:{'|'.join(_DATA['nouns'])})(?![\w-])", re.IGNORECASE
))
_ACT = StemScan(re.compile(rf"(?<![\w-])(?:{'|'.join(_DATA['acts'])})(?![\w-])", re.IGNORECASE))
_ACTIVE_OBJECT = re.compile(r"\s+(?:a|an|the|our)\s+(?P<object>[^,.;:()\n!?]{2,150})", re.IGNORECASE)
_AUXILIARY = re.compile(
    r"(?<![\w-])(?:was|were|been|is|are|being|got|wurde|wurden|ist|е|бе|беше|са|a fost|s-a|je|została|został"
    r"|è stat[oa]|sono stat[ie]|fu|fue|ha sido|se|foi|é|a été|fut|est|s['’]est|ha estat|va ser)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_GAP = re.compile(
    r"[\s,]*(?:(?:officially|formally|legally|oficialmente|ufficialmente|officiellement)\s+)?"
    r"(?:(?:in|on|at|since|back in|as of|from|на|през|в|im|am|în|la|u|w|en|en el|le|el|il|nel|em|no|na|a|dans|au|din|pe)\s+)?"
    r"(?:the\s+(?:year|month)\s+(?:of\s+)?|año\s+|l['’]any\s+|(?:l['’])?anno\s+|nell['’]anno\s+|ano\s+(?:de\s+)?|l['’]année\s+|anul\s+)?",
    re.IGNORECASE,
)
_DATE_KINDS = frozenset({"date", "month", "year"})
_NEAR_AFTER = 40  # characters between a founding verb and a date of its own clause
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s(?:and|but|when|while|which|who|after|before)\s")
_MAX_SENTENCE = 400
_MAX_STATEMENTS = 300  # founding verbs examined; the statement comes early on any real page


def extract(doc: Document, found: dict[str, Any]) -> Extraction:
    out = Extraction()
    stated = _from_field(doc) or _from_prose(doc, found)
    if stated:
        out.set("established", stated[0], stated[1])
    return out


def _from_field(doc: Document) -> tuple[str, Span] | None:
    for fld in doc.fields_for("established"):
        for value in fld.values:
            iso = parse_date(value.text)
            if iso:
                return iso, value.span
    return None


def _from_prose(doc: Document, found: dict[str, Any]) -> tuple[str, Span] | None:
    refs = org_references(found)
    text = doc.text
    hits = [(m, "verb") for m in _VERB.finditer(text)] + [(m, "noun") for m in _NOUN.finditer(text)]
    hits += [(m, "act") for m in _ACT.finditer(text)]
    hits = sorted(hits, key=lambda h: h[0].start())[:_MAX_STATEMENTS]
    for verb, kind in hits:
        lo, hi = _sentence(text, verb.start(), verb.end())
        before = text[lo: verb.start()]
        is_noun = kind != "verb"
        active = None if is_noun else _ACTIVE_OBJECT.match(text, verb.end(), hi)
        if kind == "noun":
            about_us = True  # "its establishment": the possessive refers back to the subject
        elif kind == "act":
            about_us = refers_to_org(text[lo:hi], refs)  # "the founding statement was signed ..., and the cluster"
        elif active and refers_to_org(active.group("object"), refs, anaphor_ok=False):
            about_us = True
        else:
            about_us = active is None and (refers_to_org(before, refs) or _leading_participle(doc, lo, hi, verb, refs)
                                           or subject_dropped(text, lo, verb.start(), refs))
        if not about_us:
            continue
        date = _date_for(text, lo, hi, verb, statement=bool(active) or is_noun or _AUXILIARY.search(before) is not None)
        if date is not None:
            start, end = min(verb.start(), date.start), max(verb.end(), date.end)
            return date.value, (start, end)
    return None


def _leading_participle(doc: Document, lo: int, hi: int, verb: re.Match, refs: list[str]) -> bool:
    """A participle opening its sentence speaks of the organisation when the sentence's subject, after the
    comma, is the organisation ("Founded in 2015, the X Cluster unites ..."), or when it is a fact-list
    line of its own ("- Founded 2015", "Established in March 2012.") outside a list of other organisations."""
    text = doc.text
    if _LINE_LEAD.fullmatch(text, lo, verb.start()) is None:
        return False
    line_end = text.find("\n", verb.end(), hi)
    clause_end = text.find(",", verb.end(), hi if line_end < 0 else line_end)
    if clause_end >= 0:  # the subject after the comma: the name, "the <its own type word>" or "we", not "the alliance";
        subject = text[clause_end + 1: min(hi, clause_end + 1 + _SUBJECT_REACH)]  # "it" when the sentence before named it
        if _PRONOUN.match(subject):
            return subject.split()[0].casefold() == "we" or refers_to_org(text[max(0, lo - _SUBJECT_REACH * 3):lo], refs,
                                                                           anaphor_ok=False, own_type_ok=True)
        return refers_to_org(subject, refs, anaphor_ok=False, own_type_ok=True)
    rest = text[verb.end(): hi if line_end < 0 else line_end]
    return len(rest) <= _FACT_LINE and _FACT_REST.fullmatch(rest) is not None and not in_others_section(doc, verb.start())


_LINE_LEAD = re.compile(r"[\s\-•*·▪>#|]*")  # a bullet or heading mark before a fact-list line
_FACT_LINE = 40
_FACT_REST = re.compile(r"[^.!?]*[.!?]?\s*")  # "Founded in 2015.": one short clause, nothing after it
_SUBJECT_REACH = 80
_PRONOUN = re.compile(r"\s*(?:it|we)\b", re.IGNORECASE)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    return sentence_around(text, start, end, _MAX_SENTENCE)


def _date_for(text: str, lo: int, hi: int, verb: re.Match, statement: bool) -> DateMatch | None:
    """The date right after the verb ("founded in 2000"); for a full statement ("was launched",
    "we set up the X"), else the nearest date in the sentence."""
    dates = [d for d in find_dates(text, lo, hi, kinds=_DATE_KINDS) if d.value]
    after = [d for d in dates if d.start >= verb.end() and _GAP.fullmatch(text, verb.end(), d.start)]
    if after:
        return after[0]
    if not statement:
        return None
    near = [d for d in dates if d.start >= verb.end() and d.start - verb.end() <= _NEAR_AFTER
            and not _CLAUSE_BREAK.search(text, verb.end(), d.start)]
    if near:  # "was registered as an NGO in March 2016": the date of this verb, not of an earlier clause
        return near[0]
    before = [d for d in dates if d.end <= verb.start()]
    if before:
        return before[-1]
    later = [d for d in dates if d.start >= verb.end()]
    return later[0] if later else None
