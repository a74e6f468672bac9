"""People (contract 3.9): every named person once, with role and organisation when given.

Names come from the PERSON mentions of entity recognition; a surname used alone later
("Tabaš said") is the same person as the full name. Role and organisation are read from
the text right beside a mention - "X, Director of Org", "X – Chairman of the Managing
board of Org", "X “Org”", "X for Org" - or from the lines under a name that stands on
its own line (a contact block or profile header: name / role / organisation).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..document import Document, Extraction, Line, Mention, Span
from ..entities import AFTER_PERSON_FOR, AFTER_PERSON_QUOTE, ROLE, ROLE_PHRASE

_HONORIFIC_PREFIX = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Assoc|Assos|Eng|Ing)\.?\s+)+|^(?:г-н|г-жа)\s+", re.IGNORECASE)
_ROLE_BEFORE = re.compile(rf"(?:{ROLE.pattern})[^\S\n]+$", re.IGNORECASE)
_MAX_ROLE_LINE_WORDS = 6


@dataclass
class _Person:
    mentions: list[Mention]
    role: tuple[str, Span] | None = None
    organisation: tuple[str, Span] | None = None
    extra: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> Mention:
        return max(self.mentions, key=lambda m: (len(m.text.split()), -m.start))


def extract(doc: Document, found: dict[str, Any]) -> Extraction:
    out = Extraction()
    try:
        people = _group(doc.mentions_of("PERSON"))
    except Exception as exc:  # never let odd input stop the record
        out.warnings.append(f"people: {exc}")
        return out
    orgs = sorted(doc.mentions_of("ORG"), key=lambda m: m.start)
    for person in people:
        _attributes(doc, person, orgs)
        name = person.name
        value = {
            "name": name.text,
            "role": person.role[0] if person.role else None,
            "organisation": person.organisation[0] if person.organisation else None,
        }
        spans = {
            "name": (name.start, name.end),
            "role": person.role[1] if person.role else None,
            "organisation": person.organisation[1] if person.organisation else None,
        }
        out.append("people", value, spans)
    return out


def _group(mentions: list[Mention]) -> list[_Person]:
    """One entry per person; a one-word mention joins the full name it ends ("Brad" -> "Stelian Brad")."""
    by_name: dict[str, _Person] = {}
    full = [m for m in mentions if len(m.text.split()) >= 2]
    for m in sorted(full, key=lambda m: m.start):
        key = _key(m.text)
        by_name.setdefault(key, _Person([])).mentions.append(m)
    surnames = {key.split()[-1]: person for key, person in by_name.items()}
    for m in sorted(mentions, key=lambda m: m.start):
        if len(m.text.split()) >= 2:
            continue
        key = _key(m.text)
        person = surnames.get(key) or by_name.get(key)
        if person is None:
            person = by_name.setdefault(key, _Person([]))
        person.mentions.append(m)
    return sorted(by_name.values(), key=lambda p: min(m.start for m in p.mentions))


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _attributes(doc: Document, person: _Person, orgs: list[Mention]) -> None:
    """Role and organisation from the first mention that gives a role, else from any that gives one."""
    for mention in sorted(person.mentions, key=lambda m: m.start):
        role, org = _beside(doc, mention, orgs)
        if role is None and org is None:
            role, org = _lines_below(doc, mention, orgs)
        if role is None:
            role = _role_before(doc, mention)
        if role is not None and person.role is None:
            person.role = role
            person.organisation = org or person.organisation
            return
        if org is not None and person.organisation is None:
            person.organisation = org


def _org_at(orgs: list[Mention], start: int, end: int) -> Mention | None:
    return next((o for o in orgs if start <= o.start < end), None)


def _beside(doc: Document, mention: Mention, orgs: list[Mention]):
    text = doc.text
    m = ROLE_PHRASE.match(text, mention.end)
    if m:
        role_span = (m.start("role"), m.end("role"))
        org = _org_at(orgs, m.start("org"), m.end("org")) if m.group("org") else None
        if m.group("org") and org is None:
            role_span = (m.start("role"), m.end("org"))  # "President of Montenegro": a place is part of the role
        role = (text[role_span[0]:role_span[1]], role_span)
        return role, ((org.text, (org.start, org.end)) if org else None)
    for regex in (AFTER_PERSON_QUOTE, AFTER_PERSON_FOR):
        m = regex.match(text, mention.end)
        if m:
            org = _org_at(orgs, m.start(1), m.end(1))
            if org:
                return None, (org.text, (org.start, org.end))
    return None, None


def _lines_below(doc: Document, mention: Mention, orgs: list[Mention]):
    """A name alone on its line: the next lines may be its role and its organisation."""
    line = doc.line_at(mention.start)
    if line is None or _HONORIFIC_PREFIX.sub("", line.text).strip() != mention.text:
        return None, None
    role = org = None
    for nxt in _following_lines(doc, line, 2):
        hit = _org_at(orgs, nxt.start, nxt.end)
        if hit and hit.start == nxt.start and hit.end == nxt.end and org is None:
            org = (hit.text, (hit.start, hit.end))
        elif role is None and org is None and len(nxt.text.split()) <= _MAX_ROLE_LINE_WORDS and ROLE.search(nxt.text):
            role = (nxt.text, nxt.span)
        else:
            break
    return role, org


def _following_lines(doc: Document, line: Line, count: int) -> list[Line]:
    index = next((i for i, candidate in enumerate(doc.lines) if candidate is line), None)
    if index is None:
        return []
    return doc.lines[index + 1:index + 1 + count]


def _role_before(doc: Document, mention: Mention):
    """ "President Jakov Milatović": a role title right before the name on the same line."""
    start = max(0, mention.start - 60)
    m = _ROLE_BEFORE.search(doc.text, start, mention.start)
    if m and m.group().strip()[:1].isupper():
        return (m.group().strip(), (m.start(), m.start() + len(m.group().rstrip())))
    return None
