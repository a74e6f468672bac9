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
from ..gazetteer import find_places
from ..entities import AFTER_PERSON_FOR, AFTER_PERSON_OF, AFTER_PERSON_QUOTE, HONORIFIC_WORDS, ROLE, ROLE_ALTERNATION, ROLE_PHRASE

_HONORIFIC_PREFIX = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Assoc|Assos|Eng|Ing)\.?\s+)+|^(?:г-н|г-жа)\s+", re.IGNORECASE)
# "Attn. Ms", "Contact:": words before a name at the start of its line
_LINE_LEAD = re.compile(rf"^(?:(?:Attn\.?|Attention:?|Att\.|To:|Contact(?:[^\S\n]+person)?:|c/o)[^\S\n]*)?(?:(?:{HONORIFIC_WORDS})[^\S\n]+)*", re.IGNORECASE)
_SP = r"[^\S\n]+"
_HONORIFICS_BEFORE = rf"(?:(?:{HONORIFIC_WORDS}){_SP})*"
_ROLE_BEFORE = re.compile(rf"(?:{ROLE.pattern})[^\S\n]+{_HONORIFICS_BEFORE}$", re.IGNORECASE)
# "its director X", "our certified cluster expert Dr. X": a possessive, up to three words and a role
_POSSESSIVE_ROLE_BEFORE = re.compile(
    rf"(?<!\w)(?:its|their|our|his|her){_SP}((?:[^\W\d_]+{_SP}){{0,3}}?(?:{ROLE.pattern})){_SP}{_HONORIFICS_BEFORE}$", re.IGNORECASE
)
# "Nordic Battery Cluster's CEO X": the organisation's possessive, then the role
_ORG_POSSESSIVE_ROLE = re.compile(rf"['’]s{_SP}((?:{ROLE.pattern})){_SP}{_HONORIFICS_BEFORE}$", re.IGNORECASE)
# "заместник-кметът на Община X Name", "the Mayor of X Municipality Name": role, "of", organisation, name
_ROLE_OF_BEFORE = re.compile(rf"((?<!\w)(?:{ROLE_ALTERNATION})(?:ът|ят|та)?(?!\w)){_SP}(?:на|of(?:{_SP}the)?){_SP}$", re.IGNORECASE)
_ITS_AFTER_ORG = re.compile(rf",?{_SP}(?:and{_SP})?(?:its|their){_SP}", re.IGNORECASE)
_ORG_LINE_REST = re.compile(r"[^\S\n]*(?:\([^()\n]{1,15}\))?[^\S\n]*(?:,[^\n]{0,40})?$")
_MAX_ROLE_LINE_WORDS = 6
_ROLE_LINE_HEAD = re.compile(r"[^(,|\n]*?(?=\s+[-–—]\s|\s*[(,|]|$)")  # a role line up to a dash, bracket or comma
# "X (Managing Director)", "X (Chairperson of the Board, Org)": a role in brackets, maybe with the organisation
_PAREN_ROLE = re.compile(r"[^\S\n]*\([^\S\n]*(?P<role>[^(),;\n]{2,60}?)(?:,[^\S\n]*(?P<org>[^(),;\n]{2,80}?))?[^\S\n]*\)")
_PAREN_ORG = re.compile(r"[^\S\n]*\(([^()\n]{2,80})\)")  # "X (Arad Automotive Cluster) coordinates ..."
# "the cluster director, X,", "The current president of the cluster, X,"
_ROLE_COMMA_BEFORE = re.compile(
    rf"(?<!\w)(?:the|our|its|their){_SP}(?P<role>(?:[^\W\d_]+{_SP}){{0,3}}?(?:{ROLE.pattern}))"
    rf"(?:{_SP}of{_SP}(?:the{_SP})?(?:cluster|association|network|organi[sz]ation|board)){{0,2}},{_SP}$", re.IGNORECASE
)
# "Managing director: X", "President of the Board | X" (a tab column), "Chairman of the board – Mr. X" at the start of its line
_ROLE_COLON_BEFORE = re.compile(
    rf"^[^\S\n]*(?:[-•*·▪][^\S\n]*)?(?P<role>[^\W\d_][^:|–—\n]{{1,60}}?)[^\S\n]*(?::|\||[–—]){_SP}?{_HONORIFICS_BEFORE}$",
    re.IGNORECASE | re.MULTILINE)
# "X was elected President of the Management Board of the cluster", "X was re-elected Chairman of the Supervisory Board"
_ELECTED_AS = re.compile(
    rf"(?:,{_SP}who{_SP}[^,.;\n]{{3,120}},)?,?{_SP}"  # "Kirsty Doig, who had managed the network since 2016, becomes ..."
    rf"(?:(?:was|has{_SP}been|is|were){_SP}(?:re-?)?(?:elected|appointed|named|confirmed)|becomes|became|will{_SP}become"
    rf"|takes{_SP}on{_SP}the{_SP}(?:new{_SP})?role{_SP}of|took{_SP}on{_SP}the{_SP}(?:new{_SP})?role{_SP}of){_SP}(?:as{_SP})?(?:the{_SP})?(?:new{_SP})?"
    rf"(?P<role>(?:[A-Z][\w-]*{_SP}){{0,2}}?(?:{ROLE.pattern})(?:{_SP}of{_SP}the{_SP}(?:[A-Z][\w-]*{_SP})?(?:Board|Committee|Council))?)(?!\w)",
    re.IGNORECASE)
# "Head of Supplier Development at Org": the first organisation-like words belong to the role
_AT_ORG = re.compile(rf"(?:{_SP}at{_SP}|,{_SP})(?:the{_SP})?")


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
    own = [n.casefold() for n in [found.get("name"), *(found.get("aliases") or [])] if isinstance(n, str) and n]
    for person in people:
        _attributes(doc, person, orgs)
        _elected_role(doc, person)
        _role_in_own_organisation(doc, person, own)
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
    first_names = {key.split()[0]: person for key, person in by_name.items()}  # "Kadri has ...": Kadri Tamm
    for m in sorted(mentions, key=lambda m: m.start):
        if len(m.text.split()) >= 2:
            continue
        key = _key(m.text)
        person = surnames.get(key) or first_names.get(key) or by_name.get(key)
        if person is None:
            person = by_name.setdefault(key, _Person([]))
        person.mentions.append(m)
    return sorted(by_name.values(), key=lambda p: min(m.start for m in p.mentions))


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _attributes(doc: Document, person: _Person, orgs: list[Mention]) -> None:
    """Role and organisation from the first mention that gives a role; an organisation that mention
    leaves open comes from a later mention ("Manager: X, director" ... "says X, director of Org")."""
    for mention in sorted(person.mentions, key=lambda m: m.start):
        role, org = _beside(doc, mention, orgs)
        if role is None and org is None:
            role, org = _lines_below(doc, mention, orgs)
        elif role is not None and org is None:
            org = _lines_below(doc, mention, orgs, role)[1] or _line_above_org(doc, mention, orgs)
        if role is None:
            role, before_org = _role_before(doc, mention, orgs)
            org = org or before_org
        else:  # "Vice-Chair: Rajesh Pillai, CTO at Kelpie Data Ltd": the labelled role is the one held here
            labelled, before_org = _role_before(doc, mention, orgs)
            if labelled is not None and _ROLE_LABEL_GAP.fullmatch(doc.text, labelled[1][1], mention.start) \
                    and not _CONTACT_LABEL.search(labelled[0]):  # "Legal representative: X - President" is the president
                role, org = labelled, org or before_org
        if role is None:
            role, list_org = _plural_label_role(doc, mention, orgs)
            org = org or list_org
        if role is not None and person.role is None:
            lead = _TEMPORAL_LEAD.match(role[0])  # "current president" is the president
            person.role = (role[0][lead.end():], (role[1][0] + lead.end(), role[1][1])) if lead else role
            person.organisation = org or person.organisation
        elif org is not None and person.organisation is None:
            person.organisation = org
        if person.role is not None and person.organisation is not None:
            return


def _role_in_own_organisation(doc: Document, person: _Person, own: list[str]) -> None:
    """ "elected X, director of Firm Ltd, as President of <the page's organisation>": of a person's two roles,
    the one they hold in the organisation the page is about."""
    if not own or (person.organisation and person.organisation[0].casefold() in own):
        return
    text = doc.text
    for mention in person.mentions:
        m = _AS_ROLE_OF.search(text, mention.end, min(len(text), mention.end + _ROLE_REACH))
        if m is None or _SENTENCE_STOP.search(text, mention.end, m.start()):
            continue
        rest = text[m.end():m.end() + 200].casefold()
        name = next((n for n in own if rest.startswith(n)), None)
        if name is not None:
            person.role = (m.group("role"), m.span("role"))
            person.organisation = (text[m.end():m.end() + len(name)], (m.end(), m.end() + len(name)))
            return


def _elected_role(doc: Document, person: _Person) -> None:
    """ "X, owner of Firm Ltd, was elected President of the Management Board": the role the person was elected to."""
    text = doc.text
    for mention in person.mentions:
        m = _ELECTED_AS.search(text, mention.end, min(len(text), mention.end + _ROLE_REACH))
        if m is not None and not _SENTENCE_STOP.search(text, mention.end, m.start()) and (
                person.role is None or person.role[1][1] <= m.start()):
            person.role = (m.group("role"), m.span("role"))
            return


_ROLE_REACH = 160
_TEMPORAL_LEAD = re.compile(r"(?:current|present|incumbent|newly\s+elected|new)\s+(?=\w)", re.IGNORECASE)
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|adds|explained|noted|stressed|according\s+to|by)\s+(?:the\s+)?(?:new\s+)?$",
                          re.IGNORECASE)  # "said cluster manager X", "run by managing director X"
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
_AS_ROLE_OF = re.compile(rf"\bas\s+(?:the\s+)?(?:new\s+)?(?P<role>(?:[A-Z][\w-]*\s+){{0,2}}?(?:{ROLE.pattern}))\s+of\s+(?:the\s+)?",
                         re.IGNORECASE)


def _org_at(orgs: list[Mention], start: int, end: int) -> Mention | None:
    return next((o for o in orgs if start <= o.start < end), None)


def _beside(doc: Document, mention: Mention, orgs: list[Mention]):
    text = doc.text
    m = ROLE_PHRASE.match(text, mention.end)
    if m:
        role_span = (m.start("role"), m.end("role"))
        org = _org_at(orgs, m.start("org"), m.end("org")) if m.group("org") else None
        at = _AT_ORG.match(text, m.end()) if m.group("org") else None
        later = next((o for o in orgs if o.start == at.end()), None) if at else None
        if later is not None:  # "Head of Sales at Nordic Steel", "Head of Communications, X Cluster"
            role_span, org = (m.start("role"), m.end("org")), later
        if m.group("org") and org is None:
            role_span = (m.start("role"), m.end("org"))  # "President of Montenegro": a place is part of the role
        role = (text[role_span[0]:role_span[1]], role_span)
        if org is None and not m.group("org"):  # "X, Project Coordinator, SPTC", "| X | Chair | Org |", "X – Chair (Org)"
            org = _org_following(text, orgs, m.end(), _COMMA_OR_BAR)
            return role, ((org.text, (org.start, org.end)) if org else _bracketed_org(doc, orgs, m.end()))
        return role, ((org.text, (org.start, org.end)) if org else None)
    m = _PAREN_ROLE.match(text, mention.end)
    if m and ROLE.search(m.group("role")):
        org = _org_at(orgs, m.start("org"), m.end("org")) if m.group("org") else _org_following(text, orgs, m.end(), _COMMA)
        return (m.group("role"), m.span("role")), ((org.text, (org.start, org.end)) if org else None)
    for regex in (AFTER_PERSON_QUOTE, AFTER_PERSON_FOR, _PAREN_ORG):
        m = regex.match(text, mention.end)
        if m:
            org = _org_at(orgs, m.start(1), m.end(1))
            if org:
                after = ROLE_PHRASE.match(text, m.end()) if regex is _PAREN_ORG else None  # "X (Org) – Vice-President"
                role = (after.group("role"), after.span("role")) if after and not after.group("org") else None
                return role, (org.text, (org.start, org.end))
    m = _ELECTED_AS.match(text, mention.end)
    if m:
        return (m.group("role"), m.span("role")), None
    m = AFTER_PERSON_OF.match(text, mention.end)  # "Prof. X of the Y Institute", "X from Y Cluster"
    if m:
        org = next((o for o in orgs if o.start == m.end()), None)
        if org:
            return None, (org.text, (org.start, org.end))
    return None, None


_PLURAL_LABEL = re.compile(r"[^\S\n]*(?:[-•*·▪][^\S\n]*)?(?P<label>[^\W\d][^:\n]{1,40}?)[^\S\n]*:[^\S\n]*")
_LIST_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*|(?<!\S)(?:and|i|y|e|et|și)(?!\S)")  # the names and "and"s of a list


def _plural_label_role(doc: Document, mention: Mention, orgs: list[Mention]):
    """ "Board members: A (Firm), B (Lab) and C": each person of a list under a plural role label holds that role,
    singular ("Board member"), with the organisation in brackets after the name."""
    line = doc.line_at(mention.start)
    if line is None:
        return None, None
    m = _PLURAL_LABEL.match(doc.text, line.start, mention.start)
    if m is None:
        return None, None
    role = _singular_role(m.group("label"))
    if role is None:
        return None, None
    items = re.sub(r"\([^()]*\)", "", doc.text[m.end():mention.start])  # the earlier items, without their notes
    if re.search(r"[^\W\d_]", _LIST_WORD.sub("", items)):
        return None, None  # words that are no names stand between the label and this person
    start = m.start("label")
    return (role, (start, start + len(role))), _bracketed_org(doc, orgs, mention.end)


def _singular_role(label: str) -> str | None:
    """ "Board members" -> "Board member", "Vocals" -> "Vocal" (the plural ending cut from the label as written)."""
    label = label.rstrip()
    for cut in ("es", "s"):
        singular = label[:-len(cut)]
        if label.lower().endswith(cut) and len(label.split()[-1]) > len(cut) + 2 and ROLE.fullmatch(singular) \
                and singular.split()[-1].casefold() not in _NOT_LIST_ROLES:
            return singular
    return None


# "Founders: ...", "Partners: ...", "Experts: ...": a list of people or firms, not of office holders
_NOT_LIST_ROLES = frozenset({"founder", "co-founder", "partner", "owner", "expert", "consultant", "representative", "advisor",
                             "adviser", "researcher", "engineer", "photographer", "assistant", "analyst", "specialist"})


_COMMA = re.compile(r",[^\S\n]*")
_CONTACT_LABEL = re.compile(r"contact|representative|responsible|person|kontakt|contacto|contatto|persoan", re.IGNORECASE)
_ROLE_LABEL_GAP = re.compile(r"[^\S\n]*[:–—][^\S\n]*")  # "Chair: X", "Treasurer – X"
_COMMA_OR_BAR = re.compile(r"(?:,|[^\S\n]*\|)[^\S\n]*")


def _bracketed_org(doc: Document, orgs: list[Mention], pos: int) -> tuple[str, Span] | None:
    """ "Board member: X (Pylaia Customs Brokers)": a capitalised name in brackets right after a person and
    their role is their organisation, whether or not entity recognition knew it; not a place or a role."""
    m = _PAREN_ORG.match(doc.text, pos)
    if m is None:
        return None
    name = m.group(1).strip()
    org = _org_at(orgs, m.start(1), m.end(1))
    if org is not None and (org.text == name or ROLE.search(name)):
        return org.text, (org.start, org.end)
    places = find_places(name)
    if not name[:1].isupper() or len(name.split()) > _MAX_ORG_WORDS or ROLE.search(name) \
            or (places and places[0].start == 0 and places[-1].end == len(name)) or not re.search(r"[^\W\d_]{2}", name):
        return None
    start = m.start(1) + m.group(1).index(name)
    return name, (start, start + len(name))


_MAX_ORG_WORDS = 8


def _org_following(text: str, orgs: list[Mention], pos: int, sep: re.Pattern) -> Mention | None:
    """An organisation written right after `pos` (after `sep`) that ends its clause or line."""
    m = sep.match(text, pos)
    if not m:
        return None
    org = next((o for o in orgs if o.start == m.end()), None)
    if org and re.match(r"[^\S\n]*(?:[,.;()]|\n|$)", text[org.end:org.end + 2]):
        return org
    return None


def _lines_below(doc: Document, mention: Mention, orgs: list[Mention], role=None):
    """A name alone on its line (or with its role: "X, CEO"): the next lines may be its role and organisation."""
    line = doc.line_at(mention.start)
    if line is None or _line_lead_end(line) != mention.start - line.start:
        return None, None
    rest = doc.text[mention.end:line.end].rstrip()
    if rest and not (role and role[1][1] == mention.end + len(rest)):
        return None, None  # the line holds more than the name (and its role)
    org = None
    for nxt in _following_lines(doc, line, 1 if role else 2):
        hit = _org_at(orgs, nxt.start, nxt.end)
        if hit and hit.start == nxt.start and _ORG_LINE_REST.match(doc.text, hit.end, nxt.end) and org is None:
            org = (hit.text, (hit.start, hit.end))
        elif role is None and org is None and ROLE.search(nxt.text) \
                and len((head := _ROLE_LINE_HEAD.match(nxt.text).group()).split()) <= _MAX_ROLE_LINE_WORDS:
            role = (head, (nxt.start, nxt.start + len(head)))  # "Project Coordinator - BioScaleUp (Interreg ...)"
        else:
            break
    return role, org


def _line_lead_end(line: Line) -> int:
    m = _LINE_LEAD.match(line.text)
    return m.end() if m else 0


def _line_above_org(doc: Document, mention: Mention, orgs: list[Mention]):
    """An address block: "Org" on the line right above "Attn. Ms X, Role"."""
    line = doc.line_at(mention.start)
    if line is None or _line_lead_end(line) != mention.start - line.start:
        return None
    index = next((i for i, candidate in enumerate(doc.lines) if candidate is line), 0)
    if index == 0:
        return None
    above = doc.lines[index - 1]
    if doc.text.count("\n", above.end, line.start) != 1:
        return None  # a blank line between: not one block
    hit = _org_at(orgs, above.start, above.end)
    if hit and hit.start == above.start and hit.end == above.end:
        return (hit.text, (hit.start, hit.end))
    return None


def _following_lines(doc: Document, line: Line, count: int) -> list[Line]:
    index = next((i for i, candidate in enumerate(doc.lines) if candidate is line), None)
    if index is None:
        return []
    return doc.lines[index + 1:index + 1 + count]


def _role_before(doc: Document, mention: Mention, orgs: list[Mention]):
    """A role written before the name: "President X", "its director X", "Org's CEO X",
    "заместник-кметът на Община Y X" (role, organisation, name)."""
    text = doc.text
    start = max(0, mention.start - 80)
    m = _POSSESSIVE_ROLE_BEFORE.search(text, start, mention.start)
    if m:  # "For PackPT, its director X": "its" points back to the organisation just named
        org = next((o for o in orgs if _ITS_AFTER_ORG.fullmatch(text, o.end, m.start(1))), None)
        return (m.group(1), m.span(1)), ((org.text, (org.start, org.end)) if org else None)
    m = _ORG_POSSESSIVE_ROLE.search(text, start, mention.start)
    if m:
        org = next((o for o in orgs if o.end == m.start()), None)
        if org:
            return (m.group(1), m.span(1)), (org.text, (org.start, org.end))
    org = next((o for o in orgs if start <= o.end < mention.start and not text[o.end:mention.start].strip()), None)
    if org:
        m = _ROLE_OF_BEFORE.search(text, max(0, org.start - 60), org.start)
        if m:
            return (m.group(1), m.span(1)), (org.text, (org.start, org.end))
    m = _ROLE_COMMA_BEFORE.search(text, start, mention.start)
    if m:  # "the cluster director, X,"
        return (m.group("role"), m.span("role")), None
    m = _ROLE_COLON_BEFORE.search(text, start, mention.start)
    if m and ROLE.search(m.group("role")):  # "President of the board: X, Org", "Board member: X (Org)"
        org = _org_following(text, orgs, mention.end, _COMMA)
        return (m.group("role"), m.span("role")), ((org.text, (org.start, org.end)) if org else _bracketed_org(doc, orgs, mention.end))
    m = _ROLE_BEFORE.search(text, start, mention.start)
    if m:
        role_end = m.start() + len(ROLE.match(text, m.start()).group())
        owner = next((o for o in orgs if o.end < m.start() and not text[o.end:m.start()].strip()), None)
        if owner is not None:  # "EAFN president X"
            return (text[m.start():role_end], (m.start(), role_end)), (owner.text, (owner.start, owner.end))
        if m.group().strip()[:1].isupper() or _SAID_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            return (text[m.start():role_end], (m.start(), role_end)), None  # "President X", "said cluster manager X"
    return None, None
