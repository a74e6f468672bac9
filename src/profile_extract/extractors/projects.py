"""Projects: funded projects and actions the organisation leads or takes part in (contract 3.7).

Projects come from three kinds of text, all read the same way afterwards:
  * a project-list form field ("Participation in Funded Support Programmes": one per entry),
  * project sections (a heading that names a project, whose body talks about "the project"),
  * sentences with project cues ('a project called "..."', "the GIVE project", "Project №...").
Every mention becomes a draft; a draft collects the start, end, duration, code, programme
and partners stated in its own sentence or later in its section; drafts of the same project
(same acronym, code or matching name) are merged. Vocabulary is in data/projects.toml.
"""
from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Iterator

from rapidfuzz import fuzz

from ..dates import DateMatch, find_dates
from ..gazetteer import find_places
from ..document import Document, Extraction, FormField, Line, Section, Span
from ..sections import is_known_heading, match_label, normalise_label
from ..text_utils import ABBREVIATIONS, LIST_ITEMS, NUMBER, number_value, trie_regex

_WORD = re.compile(r"\S+")

with resources.files("profile_extract.data").joinpath("projects.toml").open("rb") as _fh:
    _DATA = tomllib.load(_fh)

_CUES = _DATA["cues"]
_I = re.IGNORECASE


_PROGRAMMES = re.compile(rf"(?<![\w+])(?:{trie_regex(_DATA['programmes'])})(?![\w+])")
_PROGRAMME_SET = {p.casefold() for p in _DATA["programmes"]}
_FAMILIES = frozenset(_DATA["programme_families"])
_FAMILY_WORD = re.compile(r"\s+(?P<w>[A-Z0-9][\w+/–—-]*(?<![–—-]))")  # "Estonia–Latvia" is one word
_LIST_HEADINGS = frozenset(normalise_label(h) for h in _DATA["list_headings"])
_PARTNER_HEADING = re.compile(_DATA["partner_headings"], _I)
_FORM_LABELS = {key: re.compile(pattern, _I) for key, pattern in _DATA["form_labels"].items()}
_PROGRAMME_NOUN = re.compile(rf"\b(?:{trie_regex(_DATA['programme_nouns'])})\b", _I)
_OPERATIONAL = re.compile(
    rf"(?:{'|'.join(_DATA['operational'])})\s*[\"“„«](?P<q>[^\"“”„«»\n]{{3,200}})[\"“”»]"
)
_QUOTED_PROGRAMME = re.compile(
    rf"\b(?:the\s+)?(?:{trie_regex(_DATA['programme_nouns'])})\s+[\"“„«](?P<q>[^\"“”„«»\n]{{3,200}})[\"“”»]", _I
)
_PROJECT_WORD = re.compile(rf"\b(?:{trie_regex(_DATA['project_nouns'])})\b", _I)
_PROJECT_OR_PROGRAMME = re.compile(
    rf"\b(?:{trie_regex(_DATA['project_nouns'] + _DATA['programme_nouns'])}|проекти|projects|partners)\b", _I
)
_GENERIC = frozenset(_DATA["generic_words"])
_PROJECT_NOUNS = frozenset(_DATA["project_nouns"])
_LEGAL = frozenset(_DATA["legal_forms"])
_FUNDER_PREP = frozenset(_DATA["funder_prepositions"])

_START = re.compile(_CUES["start"], _I)
_END = re.compile(_CUES["end"], _I)
_FROM_NOW = re.compile(_CUES["from_now"], _I)
_YEAR_RANGE = re.compile(_CUES["year_range"], _I)
_DURATION = re.compile(_CUES["duration"], _I)
_DURATION_ADJ = re.compile(_CUES["duration_adjective"], _I)
_FINANCE = re.compile(_CUES["finance"], _I)
_PARTNERS = [re.compile(p, _I) for p in _CUES["partners"]]
_LEAD = re.compile(_CUES["lead"], _I)
_ACTIVITY = re.compile(_CUES["activity"], _I)
_CODE_LINE = re.compile(_CUES["code_line"], _I)
_CODES = [re.compile(p, _I) for p in _CUES["codes"]]
_PERIOD_BEFORE = re.compile(_CUES["period_before"], _I)
_PERIOD_BETWEEN = re.compile(_CUES["period_between"], _I)
_PERIOD_WORD = re.compile(_CUES["period_before"].replace("\\s*:?\\s*$", "\\b"), _I)
_DURATION_PAREN = re.compile(_CUES["duration_paren"], _I)
_PARTNER_IN = re.compile(_CUES["partner_in"], _I)
_PAREN_PROGRAMME = re.compile(_CUES["paren_programme"])
_ENTRY_NAME_END = re.compile(_CUES["entry_name_end"])
_BG_PROJECTS = re.compile(_CUES["bg_programme_projects"])
_BG_NAME_STOP = re.compile("|".join(_CUES["bg_name_stops"]))

_QUOTE_OPEN = "\"“„«”"
_QUOTE_CLOSE = "\"“”»"
_QUOTED_AFTER_PROJECT = re.compile(
    rf"\b(?:{trie_regex(_DATA['project_nouns'])})\w*\s+(?:(?:called|named|entitled|titled)\s+)?"
    rf"[{_QUOTE_OPEN}](?P<name>[^{_QUOTE_OPEN}{_QUOTE_CLOSE}\n]{{3,250}})[{_QUOTE_CLOSE}]",
    _I,
)
_QUOTED_BEFORE_PROJECT = re.compile(
    rf"[{_QUOTE_OPEN}](?P<name>[^{_QUOTE_OPEN}{_QUOTE_CLOSE}\n]{{3,250}})[{_QUOTE_CLOSE}]\s+"
    rf"(?:{trie_regex(_DATA['project_nouns'])})\b",
    _I,
)
_THE_PROJECT_NAME = re.compile(
    r"\b(?:the|a|our|its|this)\s+(?:(?:\d+|[a-z]+)-(?:months?|years?)(?:-long)?\s+|new\s+|pilot\s+|flagship\s+)?"
    r"project\s+(?=[A-ZА-Я0-9])",
    _I,
)
_PROJECT_ACR_PAREN = re.compile(
    rf"\b(?i:{trie_regex(_DATA['project_nouns'])})\s+(?P<acr>[A-Z0-9][^\s()]{{1,24}})\s*\((?P<paren>[^()\n]{{3,200}})\)"
)
_THIS_PROJECT = re.compile(rf"\s*(?:this|the)\s+(?:{trie_regex(_DATA['project_nouns'])})\b", _I)
_INLINE_LABEL = re.compile(r"^[^:]{1,40}:\s+\S")
_SENTENCE_END_MARK = re.compile(r"[.!?]\s+[A-Z]|[.!?]$")
_NOT_AN_END = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in ABBREVIATIONS)
_SENTENCE_BREAK = re.compile(rf"(?<=[.!?]){_NOT_AN_END}[\"'”’)]?\s+(?=[\"'“„(]?[A-ZА-ЯЁ])")
_TOKEN = re.compile(r"[^\s,;:()\[\]{}\"“”„«»!?]+")
_DASH_SPLIT = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")
_PAREN_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acr>[^()]{2,20})\)$")
_SLASHED = re.compile(r"\s*/(?P<s>[^/\n]{3,150})/\s*$")
_LEADING_QUOTED = re.compile(rf"^[{_QUOTE_OPEN}']+(?P<q>[^{_QUOTE_OPEN}{_QUOTE_CLOSE}]{{3,250}}?)[{_QUOTE_CLOSE}']+")
_CONNECTORS = frozenset({"of", "and", "for", "the", "in", "on", "to", "with", "&", "de", "des", "du", "di", "für", "und", "за", "и", "на", "по"})
_STOP_BEFORE = frozenset({"the", "a", "an", "our", "this", "that", "its", "their", "his", "her"})
_DETERMINERS = _STOP_BEFORE | {"of", "in", "for", "under", "within", "with", "on", "at", "to", "as"}
_ORG_END = re.compile(r"[.;:!?\n]|,\s+(?:and|which|who|with|as)\b|\s+(?:and|with|in|from|on|at|to|has|have|had|was|were|is|will)\s+(?=[a-z])")
_PAREN = re.compile(r"\((?P<acr>[^()\s]{2,15})\)")
# " and (the) " between two names; in Romance lists "y el", "e il", "et le", "i la": the conjunction joins two names
# only with the article that opens the second ("Centro de Investigación y Desarrollo" is one name)
_AND = re.compile(r"\s+(?:(?:and|и)\s+(?P<the>the\s+)?|(?:y|e|et|i)\s+(?P<art>(?:el|la|los|las|il|lo|le|les|o|a|os|as)\s+|l['’]))(?=[A-ZÀ-ÞА-Я])")
# groups of names; a note in brackets is never split ("Medical Valley Wallonia (Liège, BE), ...")
_LIST_GROUPS = re.compile(r"(?:[^;\x00(]|\([^()]*\)?)+")
_BRACKET_NOTE = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_PLACE_NOTE = re.compile(r"\s*\((?P<place>[^()\n]{2,40})\)$")  # "Lombardy Furniture Cluster (Italy)"
_MAX_LIST_LINES = 40


# ---------------------------------------------------------------------------
# Sentences of a page, grouped by section: shared with the events extractor.


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    first_in_block: bool


@dataclass(slots=True)
class SectionText:
    section: Section
    sentences: list[Sentence]


def section_sentences(doc: Document) -> list[SectionText]:
    """Each section's text cut into sentences; a line broken mid-sentence is joined to the next."""
    out = []
    for section in doc.sections:
        lines = ([section.title] if section.title else []) + list(section.lines)
        out.append(SectionText(section, list(_sentences(doc.text, _blocks(lines)))))
    return out


def _blocks(lines: list[Line]) -> Iterator[tuple[int, int]]:
    start = end = None
    previous: Line | None = None
    for line in lines:
        joined = (
            previous is not None
            and not re.search(r"[.!?:;]$", previous.text)
            and line.text[:1].islower()
            and not line.bullet
        )
        if start is not None and not joined:
            yield start, end
            start = None
        if start is None:
            start = line.start
        end = line.end
        previous = line
    if start is not None:
        yield start, end


def _sentences(text: str, blocks: Iterator[tuple[int, int]]) -> Iterator[Sentence]:
    for start, end in blocks:
        position, first = start, True
        for m in _SENTENCE_BREAK.finditer(text, start, end):
            yield Sentence(position, m.start(), text[position:m.start()], first)
            position, first = m.end(), False
        if position < end:
            yield Sentence(position, end, text[position:end], first)


# ---------------------------------------------------------------------------
# Small text helpers.


def _tokens(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    return [(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


def is_acronym(text: str) -> bool:
    """"GIVE", "I3E", "DANUBE ICT", "NGPExcellence": every word has two capitals (or is all capitals)."""
    words = text.split()
    if not 1 <= len(words) <= 3 or len(text) > 24:
        return False
    for word in words:
        letters = [c for c in word if c.isalpha()]
        upper = sum(1 for c in letters if c.isupper())
        if not letters or upper < 2 and not (len(letters) == 1 and upper == 1 and any(c.isdigit() for c in word)):
            return False
        if not word[:1].isupper() and not word[:1].isdigit():
            return False
    return True


def _cap_run_before(text: str, pos: int) -> tuple[int, int] | None:
    """The run of capitalised words that ends right before `pos` ("the [Smart Factory Hub] project")."""
    tokens = _tokens(text[max(0, pos - 200):pos], max(0, pos - 200))
    run: list[tuple[int, int, str]] = []
    edge = pos
    for token in reversed(tokens):
        word = token[2]
        if text[token[1]:edge].strip():
            break  # punctuation between words ends the run
        edge = token[0]
        if word.casefold() in _STOP_BEFORE:
            break
        if _is_cap(word):
            run.append(token)
        elif word.casefold() in _CONNECTORS and run and word.casefold() not in ("the",):
            run.append(token)
        else:
            break
        if len(run) > 10:
            return None
    while run and not _is_cap(run[-1][2]):
        run.pop()
    if not run or text[run[0][1]:pos].strip():
        return None
    return run[-1][0], run[0][1]


def _cap_run_after(text: str, pos: int, *, dashes: bool = True) -> tuple[int, int] | None:
    """The run of capitalised words starting at `pos`, with "for"/"of"/"and" inside and "- ACR" after."""
    end = None
    for m in _WORD.finditer(text[pos:pos + 400]):
        word = m.group().rstrip(",;:.!?)\"”")
        stripped_tail = len(m.group()) != len(word)
        if word and _is_cap(word):
            end = pos + m.start() + len(word)
        elif word.casefold() in _CONNECTORS or (dashes and word in ("-", "–", "—")):
            if end is None:
                break
        else:
            break
        if stripped_tail:
            break
    return (pos, end) if end else None


def _clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:.-–—/\"'“”„«»")
    return text


def _norm(text: str | None) -> str:
    if not text:
        return ""
    text = text.casefold().replace("’", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"[\"'“”„«»]", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,;:-/")


def _same_name(a: str | None, b: str | None) -> bool:
    na, nb = _norm(a), _norm(b)
    return bool(na and nb) and (na == nb or fuzz.token_sort_ratio(na, nb) >= 90)


# ---------------------------------------------------------------------------
# Drafts: one per mention, merged at the end.


@dataclass
class Draft:
    name: str | None = None
    acronym: str | None = None
    spans: dict[str, Span] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)  # code, programme, start, end, duration_months
    ranks: dict[str, int] = field(default_factory=dict)
    partners: list[tuple[str, Span]] = field(default_factory=list)
    name_rank: int = 0  # 1 title / bare mention, 2 explicit body mention, 3 form list entry
    from_list: bool = False

    def put(self, key: str, value: Any, span: Span, rank: int = 1) -> None:
        if value in (None, "") or (key == "programme" and _same_name(value, self.name)):
            return
        if key not in self.values or rank > self.ranks.get(key, 0):
            self.values[key] = value
            self.spans[key] = span
            self.ranks[key] = rank

    def set_name(self, name: str | None, span: Span | None, rank: int) -> None:
        if not name:
            return
        if is_acronym(name) and self.acronym is None and not any(c.islower() for c in name):
            self.acronym = name  # "GIVE" alone is an acronym; "DigiFarm RO-RS" alone is a name
            if span:
                self.spans["acronym"] = span
        if self.name is None or rank > self.name_rank:
            if is_acronym(name) and self.name is not None and not is_acronym(self.name):
                return  # keep a full name over an acronym
            self.name, self.name_rank = name, rank
            if span:
                self.spans["name"] = span

    def set_acronym(self, acronym: str | None, span: Span | None) -> None:
        if acronym and self.acronym is None:
            self.acronym = acronym
            if span:
                self.spans["acronym"] = span

    def same_project(self, other: "Draft") -> bool:
        if self.acronym and other.acronym and self.acronym.casefold() == other.acronym.casefold():
            return True
        if self.values.get("code") and self.values.get("code") == other.values.get("code"):
            return True
        if _same_name(self.name, other.name):
            return True
        return any(
            x and y and _norm(x) == _norm(y)
            for x, y in ((self.name, other.acronym), (self.acronym, other.name))
        )

    def absorb(self, other: "Draft") -> None:
        self.set_name(other.name, other.spans.get("name"), other.name_rank)
        self.set_acronym(other.acronym, other.spans.get("acronym"))
        for key, value in other.values.items():
            self.put(key, value, other.spans[key], other.ranks.get(key, 1))
        self.partners.extend(other.partners)
        self.from_list = self.from_list or other.from_list


def split_name(text: str, span: Span) -> tuple[tuple[str, Span] | None, tuple[str, Span] | None]:
    """"NAME - ACR", "ACR – NAME", "NAME (ACR)" -> ((name, span), (acronym, span)); no acronym -> first part."""
    m = _PAREN_ACRONYM.match(text)
    if m and is_acronym(m.group("acr").strip()):
        name, acr = m.group("name"), m.group("acr").strip()
        return (
            (_clean_name(name), (span[0], span[0] + len(m.group("name")))),
            (acr, (span[0] + m.start("acr"), span[0] + m.end("acr"))),
        )
    parts = []
    position = 0
    for m in _DASH_SPLIT.finditer(text):
        parts.append((text[position:m.start()], position))
        position = m.end()
    parts.append((text[position:], position))
    parts = [(p.strip(), off + len(p) - len(p.lstrip())) for p, off in parts if p.strip()]
    if len(parts) >= 2:
        first, last = parts[0], parts[-1]
        for acr, rest in ((first, parts[1:]), (last, parts[:-1])):
            if is_acronym(acr[0]) and not all(is_acronym(r[0]) for r in rest):
                name_start = rest[0][1]
                name_end = rest[-1][1] + len(rest[-1][0])
                return (
                    (_clean_name(text[name_start:name_end]), (span[0] + name_start, span[0] + name_end)),
                    (acr[0], (span[0] + acr[1], span[0] + acr[1] + len(acr[0]))),
                )
        if not is_acronym(first[0]):
            return (_clean_name(first[0]), (span[0] + first[1], span[0] + first[1] + len(first[0]))), None
    name = _clean_name(text)
    if is_acronym(name):
        return (name, span), (name, span)
    return (name, span), None


# ---------------------------------------------------------------------------
# The extractor.


def extract(doc: Document, found: dict[str, Any]) -> Extraction:
    result = Extraction()
    if not doc.text or not doc.lines:
        return result
    orphans: list[Sentence] = []
    drafts = _list_field_drafts(doc) + _code_line_drafts(doc) + _table_drafts(doc) + _section_drafts(doc, orphans)
    _page_form(doc, drafts)
    _partner_sections(doc, drafts)
    _named_partner_lines(doc, drafts)
    _fill_acronyms(doc, drafts)
    projects = _merge(drafts)
    if len(projects) == 1:  # "This project has received funding ...": the page's only project
        for sentence in orphans:
            _attributes(sentence, projects[0], 1, True)
    own_names = _own_names(found)
    for draft in projects:
        if not draft.name or (not draft.from_list and _norm(draft.name) in _PROGRAMME_SET) or not _project_like(draft.name, own_names):
            continue
        _emit(result, draft, own_names)
    _cluster_partners(result, found)
    return result


def _project_like(name: str, own_names: list[str]) -> bool:
    """Not the organisation itself, page chrome ("Follow us | Privacy"), a hashtag line or a nationality
    ("The Polish–Ukrainian project")."""
    if _is_self(name, own_names) or "|" in name or "#" in name or name.split()[0].casefold() in _IMPERATIVES:
        return False
    if _CITATION.search(name) or (name.endswith(".") and len(name.split()) > _SENTENCE_WORDS):
        return False  # a sentence ("In 2020 the Ministry granted ... .[5]"), not a title
    words = [w for w in re.split(r"[\s–—-]+", name) if w]
    return not all(any(p.kind == "adjective" and p.text == w for p in find_places(w)) for w in words)


_CITATION = re.compile(r"\[\d{1,3}\]")
_SENTENCE_WORDS = 8
_IMPERATIVES = frozenset({"follow", "visit", "read", "see", "download", "subscribe", "join", "contact", "learn", "discover",
                          "find", "click", "share", "sign", "register", "watch"})


def _cluster_partners(result: Extraction, found: dict[str, Any]) -> None:
    """Project partners that are clusters are partner clusters too (contract 3.6); they are added after
    the ones the affiliations extractor found, whose list and evidence stay as they are."""
    from .affiliations import is_cluster_organisation, same_organisation

    known = list(found.get("partner_clusters") or [])
    added = []
    for p, project in enumerate(result.values.get("projects", [])):
        for i, name in enumerate(project["partners"]):
            if is_cluster_organisation(name) and not any(same_organisation(name, k) for k in known):
                known.append(name)
                added.append((name, result.evidence.get(f"/projects/{p}/partners/{i}")))
    if added:
        result.values["partner_clusters"] = list(found.get("partner_clusters") or [])
        for name, span in added:
            result.append("partner_clusters", name, span)


def _emit(result: Extraction, draft: Draft, own_names: list[str]) -> None:
    partners, partner_spans, seen = [], {}, set()
    for name, span in draft.partners:
        if _is_self(name, own_names) or _norm(name) in seen or _same_name(name, draft.name):
            continue
        seen.add(_norm(name))
        partner_spans[f"partners/{len(partners)}"] = span
        partners.append(name)
    value = {
        "name": draft.name,
        "acronym": draft.acronym,
        "code": draft.values.get("code"),
        "programme": draft.values.get("programme"),
        "start": draft.values.get("start"),
        "end": draft.values.get("end"),
        "duration_months": draft.values.get("duration_months"),
        "partners": partners,
    }
    spans = {key: span for key, span in draft.spans.items() if value.get(key) is not None}
    spans.update(partner_spans)
    result.append("projects", value, spans)


# -- project-list form fields ------------------------------------------------


def _list_field_drafts(doc: Document) -> list[Draft]:
    """One project per entry under a projects label (a form field, or a heading such as "Projects:")."""
    label_ends = {f.label_span[1]: False for f in doc.fields_for("projects")}
    for line in doc.lines:
        if len(line.text) <= 80 and not line.bullet and line.end not in label_ends:
            spec = match_label(line.text.rstrip(" :"))
            if spec is not None and spec.key == "projects":
                label_ends[line.end] = True  # a heading, not a form label: only a bulleted list under it counts
    drafts = []
    for fld in doc.fields_for("projects"):  # "Projects: "X – Name" (Programme, code, dates), partners A, B."
        inline = [v for v in fld.values if doc.text.count("\n", fld.label_span[1], v.start) == 0]
        for value in inline:
            draft = _entry_draft(value)
            if draft:
                drafts.append(draft)
    for label_end, bullets_only in sorted(label_ends.items()):
        for line in _list_entries(doc, label_end, bullets_only):
            draft = _entry_draft(line)
            if draft:
                drafts.append(draft)
    for section in doc.sections:  # an ECCP projects table: "Name & description", then one entry per line
        if section.title is not None and normalise_label(section.title.text) in _LIST_HEADINGS:
            for line in section.lines[:_MAX_LIST_LINES]:
                draft = _entry_draft(line) if len(line.text) <= 400 else None
                if draft:
                    drafts.append(draft)
    return drafts


def _list_entries(doc: Document, after: int, bullets_only: bool = False) -> list[Line]:
    """The lines under a list label up to the next label or heading; only bullets when there are bullets."""
    index = next((i for i, line in enumerate(doc.lines) if line.end >= after), len(doc.lines))
    if index < len(doc.lines) and doc.lines[index].start < after:
        index += 1
    entries = []
    inline = index > 0 and doc.lines[index - 1].end > after  # "Projects: X (...)": the value stands on the label's line
    for line in doc.lines[index:index + _MAX_LIST_LINES]:
        label = line.text.rstrip()
        if inline and not line.bullet:
            break  # after an inline value only a bulleted list goes on
        if line.kind == "heading" or is_known_heading(label) or label.endswith(":") or len(label) > 400:
            break
        if label.endswith(".") and len(label.split()) > 20 and not line.bullet:
            break  # prose: the list is over
        if match_label(label.split(":")[0]) and ":" in label:
            break
        if not line.bullet and _FIELD_LINE.match(label):
            continue  # "Programme: ... | Duration: ...": the entry's own fields, read by the project form
        entries.append(line)
    bullets = [line for line in entries if line.bullet]
    return bullets if bullets or bullets_only else entries


def _entry_draft(line: Line) -> Draft | None:
    """One list entry: "PROGRAMME, Name", "Name /Programme/", "ACR - Name (Programme)", "Name – Programme, code,
    dates (24 months). Partners: A, B." and the like."""
    text, start = line.text.rstrip(" ;."), line.start
    if len(text) < 3 or match_label(text):
        return None
    draft = Draft(from_list=True)
    programme = _programme_in(text, start, need_cue=False)
    name_text, name_offset = text, 0
    slashed = _SLASHED.search(text)
    if slashed:
        if programme is None or programme[1][0] >= start + slashed.start():
            programme = (_clean_name(slashed.group("s")), (start + slashed.start("s"), start + slashed.end("s")))
        name_text = text[:slashed.start()]
    quoted = _LEADING_QUOTED.match(name_text)
    head = _head_before_comma(name_text)
    leading = programme is not None and not text[: programme[1][0] - start].strip(" \"“„«'")
    after_programme = re.match(r"\s*(?:,|[-–—])\s*(?=\S)", text[programme[1][1] - start:]) if leading else None
    if quoted:
        name_text, name_offset = quoted.group("q"), quoted.start("q")
    elif after_programme:
        # "Operational Programme "X", Name", "INTERREG Greece-Bulgaria, ACR - Name": programme first
        name_offset = programme[1][1] - start + after_programme.end()
        name_text = text[name_offset:]
    elif head and (_PROGRAMMES.fullmatch(head.strip()) or _PROGRAMME_NOUN.search(head)):
        # "COSME, Cluster Excellence Programme": programme first, then the project
        programme = (head.strip(), (start, start + len(head.rstrip())))
        tail = name_text[len(head) + 1:]
        name_offset = len(head) + 1 + (len(tail) - len(tail.lstrip()))
        name_text = tail.strip()
    elif programme and programme[1][0] > start and name_text[: programme[1][0] - start].strip(" ,"):
        name_text = name_text[: programme[1][0] - start]
    cut = _ENTRY_NAME_END.search(name_text)
    if cut and cut.start() > 2:
        name_text = name_text[:cut.start()]  # "Name (X measure), financed by ...": the name ends here
    if programme is None:
        measure = _PAREN_PROGRAMME.search(text)
        if measure:
            programme = (measure.group("p"), (start + measure.start("p"), start + measure.end("p")))
    name = _clean_name(name_text)
    head, comma, tail = name.partition(", ")
    if comma and is_acronym(head) and len(tail.split()) >= 3:
        name = head  # "AGRO-X, cooperation of agrifood clusters ...": the acronym, then what it is about
    if not name or (programme and _norm(name) == _norm(programme[0])):
        if programme is None:
            return None
        name, programme = programme[0], None
    offset = start + name_offset + text[name_offset:].find(name[:10]) if name[:10] in text[name_offset:] else start
    named, acronym = split_name(name, (offset, offset + len(name)))
    draft.set_name(named[0], named[1], 3)
    if acronym and acronym[0] != named[0]:
        draft.set_acronym(*acronym)
    if programme:
        draft.put("programme", programme[0], programme[1], 3)
    if len(text) > len(name) + 8:  # the entry goes on: its code, dates, duration and partners
        _attributes(Sentence(start, start + len(text), text, True), draft, 3, True, bare_period=True)
    return draft


def _head_before_comma(text: str) -> str | None:
    """The text before the first comma outside quotes, or None when there is none."""
    quote_open = False
    for i, ch in enumerate(text):
        if ch in "\"“”„«»":
            quote_open = not quote_open if ch == '"' or quote_open else ch in "“„«"
        elif ch == "," and not quote_open:
            return text[:i] if text[i + 1:].strip() else None
    return None


# -- "Project № CODE" lines --------------------------------------------------


def _code_line_drafts(doc: Document) -> list[Draft]:
    """A project page: programme line, "Project №CODE", then the project's name."""
    drafts = []
    form_lines = {f.label_span[0] for f in doc.fields}
    for i, line in enumerate(doc.lines):
        m = _CODE_LINE.match(line.text)
        if not m or len(line.text) > 80 or any(line.start <= at < line.end for at in form_lines):
            continue  # "Project code: CE0200871" in a factsheet form: the form's other fields tell the rest
        code = _code_in(line.text, line.start)
        if not code or code[1][0] < line.start + m.end() - 1:
            continue
        draft = Draft()
        draft.put("code", code[0], code[1], 3)
        if i + 1 < len(doc.lines):
            nxt = doc.lines[i + 1]
            if len(nxt.text) <= 400 and not nxt.text.endswith(".") and not _CODE_LINE.match(nxt.text):
                named, acronym = split_name(_clean_name(nxt.text), nxt.span)
                draft.set_name(named[0], named[1], 3)
                if acronym and acronym[0] != named[0]:
                    draft.set_acronym(*acronym)
        if i > 0:
            prev = doc.lines[i - 1]
            if len(prev.text) <= 150 and not re.search(r"[.:;]$", prev.text) and not prev.bullet:
                draft.put("programme", _clean_name(prev.text), prev.span, 3)
        if draft.name:
            drafts.append(draft)
    return drafts


def _code_in(text: str, offset: int) -> tuple[str, Span] | None:
    """The official project number a text states (the number itself, without "No." or "№")."""
    for regex in _CODES:
        for m in regex.finditer(text):
            group = "c" if "c" in regex.groupindex else 0
            value = m.group(group)
            if not any(ch.isdigit() for ch in value):
                continue  # "project code name": a code holds a digit
            return value, (offset + m.start(group), offset + m.end(group))
    return None


# -- a project page's form ("Programme: ...", "Start date: ...") and partner list ---------


# -- project tables ------------------------------------------------------------


def _table_drafts(doc: Document) -> list[Draft]:
    """A table whose header names a project column ("Project | Programme | Period | Partners",
    "Acronym | Title | Programme | Code | Period"): one project per row, each cell read like the form field
    its header names."""
    drafts: list[Draft] = []
    columns: list[str | None] | None = None
    for line in doc.lines:
        if " | " not in line.text:
            columns = None
            continue
        cells = line.cells(" | ")
        if columns is None:
            keys = [_column_key(text) for text, _ in cells]
            columns = keys if "name" in keys and sum(k is not None for k in keys) >= 2 else None
            continue
        if len(cells) != len(columns):
            columns = None
            continue
        draft = _row_draft(doc, columns, cells, line)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _column_key(header: str) -> str | None:
    norm = normalise_label(header)
    if _NAME_COLUMN.fullmatch(norm):
        return "name"
    return _form_key(header)


def _row_draft(doc: Document, columns: list[str | None], cells: list[tuple[str, Span]], line: Line) -> Draft | None:
    draft = Draft(from_list=True)
    for key, (text, span) in zip(columns, cells):
        if key is None or not text or text.strip("–—- ") == "":
            continue
        if key == "name":
            name, acronym = split_name(text, span)
            if name:
                draft.set_name(name[0], name[1], 3)
            if acronym and name and acronym[0] != name[0]:
                draft.set_acronym(acronym[0], acronym[1])
            continue
        cell = Line(line.index, span[0], span[1], text)
        _form_value(draft, key, FormField(text, span, key, "text", [cell]))
    return draft if draft.name or draft.acronym else None


_NAME_COLUMN = re.compile(r"(?:project(?:\s+(?:title|name))?|title|name|project\s+acronym\s+and\s+title)")


def _form_key(label: str) -> str | None:
    norm = normalise_label(label)
    return next((key for key, regex in _FORM_LABELS.items() if regex.fullmatch(norm)), None)


def _page_form(doc: Document, drafts: list[Draft]) -> None:
    """Project-page form fields fill the project named right above them (two fields at least)."""
    groups: list[list[tuple[str, FormField]]] = []
    last_end = -1
    for form_field in doc.fields:
        key = _form_key(form_field.label)
        if key is None:
            continue
        line = doc.line_at(form_field.label_span[0])
        index = line.index if line else -1
        if groups and index - last_end <= 4:
            groups[-1].append((key, form_field))
        else:
            groups.append([(key, form_field)])
        last_end = (doc.line_at(form_field.values[-1].start).index if form_field.values else index)
    for group in groups:
        if len({key for key, _ in group}) < 2 and group[0][0] != "partners":
            continue  # a lone "Programme:" may be an agenda; a lone "Associated partners:" is still partners
        target = _titled_draft(doc, drafts, group) or _draft_before(drafts, group[0][1].label_span[0])
        if target is None:
            continue
        for key, form_field in group:
            _form_value(target, key, form_field)
        _lines_under_title(doc, target)


def _lines_under_title(doc: Document, draft: Draft) -> None:
    """ "SENS4CARE – Sensor-based remote monitoring ..." / "Interreg Bavaria–Austria, project BA0100117, 04/2023 –
    03/2026" / "Partners: ...": the unlabelled lines between a project's title line and its next form label."""
    span = draft.spans.get("name") or draft.spans.get("acronym")
    title = doc.line_at(span[0]) if span else None
    if title is None:
        return
    position = bisect.bisect_right(doc.lines, title.start, key=lambda line: line.start)  # the line after the title
    for line in doc.lines[position:position + _TITLE_LINES_ABOVE]:
        if ":" in line.text or len(line.text) > 300 or line.kind == "heading":
            break  # a form label ("Partners: ...") or a heading ends the title's block
        _attributes(Sentence(line.start, line.end, line.text, True), draft, 3, True, bare_period=True, programme_cue=False)


def _titled_draft(doc: Document, drafts: list[Draft], group: list[tuple[str, FormField]]) -> Draft | None:
    """ "TEX-LOOP – Regional Loops for Textile Recycling" a few lines above a project form (with the
    form's acronym when it gives one): the project the form describes, added when not yet found."""
    acronym = next((f.values[0].text.strip() for key, f in group if key == "acronym" and f.values), None)
    first = bisect.bisect_right(doc.lines, group[0][1].label_span[0], key=lambda line: line.start) - 1
    above = doc.lines[max(0, first - _TITLE_LINES_ABOVE):max(0, first)]
    for k in range(len(above) - 1, -1, -1):
        line = above[k]
        if len(line.text) > 150 or ":" in line.text:
            continue
        name, acr = split_name(line.text, line.span)
        if (not name or not acr or name[0] == acr[0]) and k > 0:
            name, acr = _title_under_acronym(above[k - 1], line)  # "AQUA-REUSE" over "Digital Twins for ..."
        if not name or not acr or name[0] == acr[0] or (acronym and acr[0].casefold() != acronym.casefold()):
            continue
        target = next((d for d in drafts if (d.acronym or "").casefold() == acr[0].casefold()
                       or _same_name(d.name, name[0])), None)
        if target is None:
            target = Draft()
            drafts.append(target)
        target.set_name(name[0], name[1], 3)
        target.set_acronym(acr[0], acr[1])
        return target
    return None


_TITLE_LINES_ABOVE = 10
_ACRONYM_LINE = re.compile(r"[A-Z][A-Z0-9]*(?:[-.+ ][A-Z0-9]+)*[+]?")


def _title_under_acronym(acronym_line: Line, title_line: Line) -> tuple[tuple[str, Span] | None, tuple[str, Span] | None]:
    """A page heading that is only the acronym, with the full title on the line under it."""
    acronym, title = acronym_line.text.strip(), title_line.text.strip()
    if not (2 <= len(acronym) <= 25 and _ACRONYM_LINE.fullmatch(acronym) and any(c.isalpha() for c in acronym)):
        return None, None
    if len(title.split()) < 3 or not title[:1].isupper() or title[-1:] in ".!?" or title.isupper():
        return None, None
    a_start = acronym_line.start + acronym_line.text.index(acronym)
    t_start = title_line.start + title_line.text.index(title)
    return (title, (t_start, t_start + len(title))), (acronym, (a_start, a_start + len(acronym)))


def _draft_before(drafts: list[Draft], position: int, limit: int = 3000) -> Draft | None:
    """The project whose name stands last before `position` (not too far above it)."""
    best, best_start = None, -1
    for draft in drafts:
        span = draft.spans.get("name") or draft.spans.get("acronym")
        if span and best_start < span[0] < position and position - span[0] <= limit:
            best, best_start = draft, span[0]
    return best


def _form_value(draft: Draft, key: str, form_field: FormField) -> None:
    values = form_field.values
    if not values:
        return
    first = values[0]
    text, span = first.text, first.span
    if key == "programme":
        m = _PROGRAMMES.match(text)
        end = _family_end(text, m) if m else len(_DASH_SPLIT.split(text, 1)[0])
        value = _clean_name(text[:end])
        if value:
            draft.put("programme", value, (first.start, first.start + end), 3)
    elif key == "code":
        m = re.search(r"[A-Z0-9][A-Za-z0-9./-]*\d[A-Za-z0-9./-]*", text)
        if m and len(text) <= 60:
            draft.put("code", m.group().rstrip("./-"), (first.start + m.start(), first.start + m.end()), 3)
    elif key == "acronym":
        if len(text) <= 30 and len(text.split()) <= 3:
            draft.set_acronym(text, span)
    elif key in ("start", "end", "period"):
        dates = [d for d in find_dates(text) if d.value]
        if key == "period":  # "2021-11-01 - 2023-10-31 (24 months)"
            _form_value(draft, "duration", form_field)
        if not dates:
            return
        if key == "period" and len(dates) >= 2:
            draft.put("start", dates[0].value, (first.start + dates[0].start, first.start + dates[0].end), 3)
            draft.put("end", dates[1].end_value or dates[1].value, (first.start + dates[1].start, first.start + dates[1].end), 3)
        elif key in ("start", "period"):
            draft.put("start", dates[0].value, (first.start + dates[0].start, first.start + dates[0].end), 3)
            if dates[0].end_value:
                draft.put("end", dates[0].end_value, (first.start + dates[0].start, first.start + dates[0].end), 3)
        else:
            draft.put("end", dates[0].end_value or dates[0].value, (first.start + dates[0].start, first.start + dates[0].end), 3)
    elif key == "duration":
        m = re.search(r"(?P<n>\d{1,3}|[^\W\d_]{3,12})[\s-]*(?P<unit>months?|years?|месеца|месец|години|година|meses|mesi|mois|luni|mesos|años|anni|ans|anos|ani)\b", text, _I)
        months = _months(m.group("n"), m.group("unit")) if m else None
        if months:
            draft.put("duration_months", months, (first.start + m.start(), first.start + m.end()), 3)
        else:  # "Duration: 01/2024–12/2026": the period
            dates = [d for d in find_dates(text) if d.value]
            if len(dates) >= 2:
                draft.put("start", dates[0].value, (first.start + dates[0].start, first.start + dates[0].end), 3)
                draft.put("end", dates[1].end_value or dates[1].value, (first.start + dates[1].start, first.start + dates[1].end), 3)
    elif key in ("partners", "coordinator"):
        for value in values:
            for piece in LIST_ITEMS.finditer(value.text) if len(values) == 1 else [re.match(r".+", value.text)]:
                name = _partner_entry(piece.group())
                if name:
                    start = value.start + piece.start() + piece.group().find(name)
                    draft.partners.append((name, (start, start + len(name))))


def _partner_sections(doc: Document, drafts: list[Draft]) -> None:
    """A "Partners" / "Partnership" heading line with a list under it names the partners of the project above it."""
    for position, line in enumerate(doc.lines):
        if len(line.text) > 60 or not _PARTNER_HEADING.fullmatch(normalise_label(line.text)):
            continue
        target = _draft_before(drafts, line.start)
        if target is None:
            continue
        previous, column = None, None
        for entry in doc.lines[position + 1: position + 1 + _MAX_LIST_LINES]:
            table_row = entry.text.count("|") >= 1 and (column is not None or previous is None)
            if len(entry.text) > 200 or (not entry.bullet and not table_row and _SENTENCE_END_MARK.search(entry.text)) \
                    or _FIELD_LINE.match(entry.text):
                break  # prose or the next field, not a list of partners
            if previous is not None and (doc.text.count("\n", previous.end, entry.start) > 1
                                         or previous.bullet and not entry.bullet):
                break  # the list ended: a blank line or a line that is no longer an item
            previous = entry
            if "|" in entry.text:  # a table: "No. | Partner | Short name | Country | Role", then its rows
                cells = entry.cells()
                header = None if column is not None else \
                    next((i for i, (c, _) in enumerate(cells) if _PARTNER_COLUMN.fullmatch(normalise_label(c))), None)
                if header is not None:
                    column = header
                    continue
                index = column if column is not None and column < len(cells) else \
                    next((i for i, (c, _) in enumerate(cells) if c and not c.rstrip(".").isdigit()), None)
                if index is None:
                    continue
                cell, (offset, _) = cells[index]
                name = _partner_entry(cell)
                if name:
                    start = offset + cell.find(name)
                    target.partners.append((name, (start, start + len(name))))
                continue
            name = _partner_entry(entry.text)
            if name:
                start = entry.start + entry.text.find(name)
                target.partners.append((name, (start, start + len(name))))


def _named_partner_lines(doc: Document, drafts: list[Draft]) -> None:
    """ "Partners in FarmBot 2.0: A, B and C." names the partners of the project it names."""
    for line in doc.lines:
        m = _PARTNERS_OF.match(line.text)
        if m is None:
            continue
        ref = m.group("ref").strip()
        target = next((d for d in drafts if (d.acronym or "").casefold() == ref.casefold() or _same_name(d.name, ref)), None)
        if target is not None:
            target.partners.extend(_partner_list(line.text, m.end(), line.start))


_PARTNER_COLUMN = re.compile(r"(?:project\s+)?(?:partner|partners|organi[sz]ation|beneficiary|name|partner\s+name|institution)", _I)
_PARTNERS_OF = re.compile(r"(?:the\s+)?(?:project\s+)?partners\s+(?:in|of|for)\s+(?:the\s+)?(?P<ref>[^:\n]{2,80}?)\s*:\s*", _I)
_FIELD_LINE = re.compile(r"[^:\n]{2,40}:(?:\s|$)")


def _partner_entry(text: str) -> str | None:
    """ "Name (ACR) – City, Country – coordinator" -> "Name"."""
    name = _DASH_SPLIT.split(text.strip(), 1)[0]
    name = _BRACKET_NOTE.sub("", name)  # "Name (ACR)", "Name (Maastricht, NL)"
    head, comma, rest = name.partition(",")
    if comma and rest.strip() and _is_place(rest.strip().split()[0].strip(",")):
        name = head  # "Name, City"
    name = name.strip(" ;:")
    if not re.search(r"\w\.\w+\.$", name):  # keep the period of "Bukva d.o.o.", "Ceramica S.p.A."
        name = name.rstrip(" .")
    if not name or not name[0].isupper() or len(name.split()) > 12:
        return None
    return name


# -- project sections and sentences -------------------------------------------


def _section_drafts(doc: Document, orphans: list[Sentence]) -> list[Draft]:
    drafts: list[Draft] = []
    for part in section_sentences(doc):
        home = _home_draft(doc, part)
        if home:
            drafts.append(home)
        current, home_confirmed = home, False
        rank = 2 if home else 1
        for sentence in part.sentences:
            if current is None and not _PROJECT_OR_PROGRAMME.search(sentence.text) and not _FUNDED.search(sentence.text):
                continue
            mentions = _mentions(sentence)
            for mention in mentions:
                if home is not None and not home_confirmed and mention.name_rank >= 2 and part.section.title is not None \
                        and sentence.start > part.section.title.end:
                    home.absorb(mention)
                    if mention.name_rank >= 2:
                        home.set_name(mention.name, mention.spans.get("name"), 2)
                    home_confirmed = True
                    current = home
                    continue
                drafts.append(mention)
                current = mention
            if current is not None:
                _attributes(sentence, current, rank if current is home else 1,
                            bool(mentions) or home is not None or _about_project(sentence))
            elif _THIS_PROJECT.match(sentence.text):
                orphans.append(sentence)
    return drafts


def _about_project(sentence: Sentence) -> bool:
    return bool(_PROJECT_WORD.search(sentence.text) or re.match(r"\s*(?:it|this|which)\b", sentence.text, _I))


def _home_draft(doc: Document, part: SectionText) -> Draft | None:
    """The project a section is about, named by its heading."""
    title = part.section.title
    if title is None or not part.sentences or len(title.text) > 200:
        return None
    body = [s for s in part.sentences if s.start >= title.end]
    if not body:
        return None
    text = title.text
    from .events import has_event_noun  # the events vocabulary says what is not a project heading

    if has_event_noun(text) or _CODE_LINE.match(text) or is_known_heading(text) or match_label(text):
        return None
    if _INLINE_LABEL.match(text):
        return None  # "Contact: Dr. X, Coordinator, ORG" is a form field, not a project heading
    programme = _PROGRAMMES.match(text)
    if programme and all(w.islower() for w in text[_family_end(text, programme):].split()):
        return None  # "Horizon Europe success", "Erasmus+ news": a story about a programme, not a project's name
    project_word = _PROJECT_WORD.search(text)
    named, acronym = split_name(_clean_name(text), title.span)
    if project_word:
        remainder = _clean_name(text[:project_word.start()] + text[project_word.end():])
        if not remainder or all(w.casefold() in _GENERIC for w in remainder.split()):
            return None
        if not project_word.start() and not is_acronym(remainder.split()[0]):
            return None  # "Project objectives ...", "Projects in 2016"
        start = title.start + text.find(remainder) if remainder in text else title.start
        named, acronym = split_name(remainder, (start, start + len(remainder)))
    elif not (acronym and acronym[0] != named[0]) and not _talks_about(named[0], body):
        return None
    if not named or all(w.casefold() in _GENERIC for w in named[0].split()):
        return None
    draft = Draft()
    draft.set_name(named[0], named[1], 1)
    if acronym and acronym[0] != named[0]:
        draft.set_acronym(*acronym)
    return draft


def _talks_about(name: str, body: list[Sentence]) -> bool:
    """A heading's body is about a project: it says "project" at once, or often and names the heading again."""
    opening = " ".join(s.text for s in body[:3])[:600]
    if _PROJECT_WORD.search(opening):
        return True
    text = " ".join(s.text for s in body[:40])
    return len(_PROJECT_WORD.findall(text)) >= 2 and len(name) >= 6 and name.casefold() in text.casefold()


def _is_programme_name(name: str) -> bool:
    """The whole name is a funding programme ("Interreg Euregio Meuse-Rhine", "Horizon Europe", "COSME")."""
    m = _PROGRAMMES.match(name)
    return m is not None and _family_end(name, m) >= len(name.rstrip())


def code_shaped(word: str) -> bool:
    """A reference number rather than a name: one token with four digits or more, or at least as many digits as
    letters ("EE-LV00112", "C2-2", "101074553"; not "H2-TRAIN" or "COVID19")."""
    if not word or any(c.isspace() for c in word):
        return False
    digits = sum(c.isdigit() for c in word)
    return digits >= 4 or digits >= 2 and digits >= sum(c.isalpha() for c in word)


def _mentions(sentence: Sentence) -> list[Draft]:
    """Projects a sentence names explicitly, in text order."""
    text, offset = sentence.text, sentence.start
    found: list[tuple[int, Draft]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, name: str, span: Span, rank: int, programme: tuple[str, Span] | None = None) -> None:
        if any(s <= span[0] < e for s, e in taken):
            return
        named, acronym = split_name(_clean_name(name), span)
        if not named or not named[0] or all(w.casefold() in _GENERIC for w in named[0].split()) or code_shaped(named[0]):
            return  # "project EE-LV00112" names the project's code, not the project
        if _is_programme_name(named[0]):  # "RECYPLAST – ..., an Interreg Euregio Meuse-Rhine project": its programme
            if found and "programme" not in found[-1][1].values:
                found[-1][1].put("programme", named[0], named[1])
            return
        draft = Draft()
        draft.set_name(named[0], named[1], rank)
        if acronym and acronym[0] != named[0]:
            draft.set_acronym(*acronym)
        programme = programme or _programme_right_before(text, start, offset)  # "the Erasmus+ project "X""
        if programme:
            draft.put("programme", programme[0], programme[1])
        taken.append(span)
        found.append((start, draft))

    for m in _PROJECT_ACR_PAREN.finditer(text):
        draft = _acronym_paren_draft(text, offset, m)
        if draft is not None:
            span = draft.spans.get("name")
            if span and not any(s <= span[0] < e for s, e in taken):
                taken.append(span)
                found.append((m.start(), draft))
    if _PROJECT_WORD.search(text) or _FUNDED.search(text):
        for m in _ACR_DASH_TITLE.finditer(text):  # "BLUEFEED – Circular feed ingredients ..., a Horizon Europe project"
            title_words = m.group("title").split()
            if is_acronym(m.group("acr")) and len(title_words) >= 3 and not _PARTICIPLE.match(m.group("title")) \
                    and sum(w[:1].islower() for w in title_words[1:]) * 2 >= len(title_words) - 1:  # a sentence-case title
                whole = text[m.start("acr"):m.end("title")]
                add(m.start(), whole, (offset + m.start("acr"), offset + m.end("title")), 2)
    for m in _PROJECT_THEN_ACRONYM.finditer(text):  # "the Interreg NEXT MED project OLIVE-NET", "the Eurocluster
        if is_acronym(m.group("acr")):               # H2-TRAIN – Hydrogen Training for Regions"
            whole = m.group("acr") + (m.group("rest") or "")
            add(m.start(), whole, (offset + m.start("acr"), offset + m.start("acr") + len(whole)), 2)
    for regex in (_QUOTED_AFTER_PROJECT, _QUOTED_BEFORE_PROJECT):
        for m in regex.finditer(text):
            add(m.start(), m.group("name"), (offset + m.start("name"), offset + m.end("name")), 2)
    for m in _THE_PROJECT_NAME.finditer(text):
        run = _cap_run_after(text, m.end())
        if run:
            add(m.start(), text[run[0]:run[1]], (offset + run[0], offset + run[1]), 2)
    for m in _ACTIVITY.finditer(text):
        run = _cap_run_after(text, m.end(), dashes=False)
        if run:
            add(m.start(), text[run[0]:run[1]], (offset + run[0], offset + run[1]), 2)
    for m in _BG_PROJECTS.finditer(text):
        programme = (m.group("prog"), (offset + m.start("prog"), offset + m.end("prog")))
        for name, (s, e) in _bg_names(text, m.end()):
            add(m.start(), name, (offset + s, offset + e), 2, programme)
    for m in _PROJECT_WORD.finditer(text):
        run = _cap_run_before(text, m.start())
        if not run or not _bare_mention_ok(text, run, m):
            continue
        add(run[0], text[run[0]:run[1]], (offset + run[0], offset + run[1]), 1)
    found.sort(key=lambda item: item[0])
    return [draft for _, draft in found]


def _programme_right_before(text: str, position: int, offset: int) -> tuple[str, Span] | None:
    """ "the Interreg Italy-Croatia project X": the programme named just before the word "project"."""
    lo = max(0, position - 80)
    last = None
    for last in _PROGRAMMES.finditer(text, lo, position):
        pass
    if last is None:
        return None
    end = _family_end(text, last)
    if text[end:position].strip():
        return None
    return text[last.start():end], (offset + last.start(), offset + end)


_PROJECT_THEN_ACRONYM = re.compile(
    r"\b(?:project|projects|Eurocluster|partnership)\s+(?P<acr>[A-Z][A-Z0-9]+(?:[-–][A-Z0-9]+)*)"
    r"(?P<rest>\s+[–—-]\s+[A-Z][^.;,()\n]{3,100}?)?(?=[\s.,;:)]|$)(?!\s*\()"
)


# "CERAMAKE – Additive manufacturing of technical ceramics for SMEs": an acronym, a dash, the title (up to a comma,
# bracket or sentence end); read only in a sentence about a project or its funding
_ACR_DASH_TITLE = re.compile(
    r"(?<![\w-])(?P<acr>[A-Z][A-Z0-9+&-]{3,})[^\S\n]+[–—-][^\S\n]+"
    r"(?P<title>[A-Z][^,;()\n.–—“”„«»\"]{8,150}?)(?=[^\S\n]*(?:[,;(“”„«»\"]|\.(?:\s|$)|$|[^\S\n][–—-][^\S\n]))"
)
# "(2023–2025)", "(Interreg North-West Europe, 2023–2026)": a project's years in brackets; a programme's
# period ("2021-2027") is longer than a project runs
_PAREN_YEARS = re.compile(r"\((?:[^()\n]{0,80},\s*)?(?P<y1>(?:19|20)\d\d)\s*[-–—]\s*(?P<y2>(?:19|20)\d\d)\)")
_MAX_PROJECT_YEARS = 5
_FUNDED = re.compile(r"\b(?:co-?)?(?:funded|financed)\s+(?:by|under)\b", re.IGNORECASE)
_PARTICIPLE = re.compile(r"(?:coordinated|led|funded|co-funded|financed|supported|managed|run|implemented)\b", re.IGNORECASE)


def _acronym_paren_draft(text: str, offset: int, m: re.Match) -> Draft | None:
    """ "the Interreg Europe project RE-TEX (Regional Policies for Textile Recycling)": programme, acronym, name;
    "the project DigiRoute (Interreg Baltic Sea Region, project No. R093)": acronym, programme, code."""
    acronym, paren = m.group("acr").rstrip(",.;:"), m.group("paren")
    if not is_acronym(acronym):
        return None
    draft = Draft()
    acr_span = (offset + m.start("acr"), offset + m.start("acr") + len(acronym))
    paren_offset = offset + m.start("paren")
    code = _code_in(paren, paren_offset)
    programme = _programme_in(paren, paren_offset, need_cue=False)
    words = paren.split()
    if code or programme:
        draft.set_name(acronym, acr_span, 2)
        if code:
            draft.put("code", code[0], code[1], 2)
        if programme:
            draft.put("programme", programme[0], programme[1], 2)
    elif len(words) >= 2 and paren[:1].isupper() and not any(ch.isdigit() for ch in paren) and not _PARTICIPLE.match(paren) \
            and (sum(_is_cap(w) for w in words) * 2 >= len(words) or len(words) >= 3):  # a title, in title or sentence case
        draft.set_name(_clean_name(paren), (paren_offset, paren_offset + len(paren)), 2)
    else:
        return None
    draft.set_acronym(acronym, acr_span)
    run = _cap_run_before(text, m.start())  # "the Interreg ADRION project ACR"
    if run and "programme" not in draft.values:
        before = _programme_in(text[run[0]:run[1]], offset + run[0], need_cue=False)
        if before:
            draft.put("programme", before[0], before[1], 2)
    return draft


def _bare_mention_ok(text: str, run: tuple[int, int], word: re.Match) -> bool:
    """ "the GIVE project", "Danube ICT Project": not "EU project", "Project Fund", "supported by X Project"."""
    name = text[run[0]:run[1]]
    if word.group().casefold() != word.group().casefold().rstrip("s") and word.group().endswith("s"):
        return False
    after = text[word.end():word.end() + 30]
    if re.match(r"\s*[A-ZА-Я]", after) or re.match(r"\w", after):
        return False  # "Project Fund", "Project Manager": a name that goes on
    if _norm(name) in _PROGRAMME_SET or all(w.casefold() in _GENERIC for w in name.split()):
        return False
    before = text[:run[0]].split()
    previous = before[-1].casefold().strip(",") if before else ""
    if previous in _FUNDER_PREP:
        return False
    if previous in _DETERMINERS:
        return True
    if before and not re.search(r"[.:;!?]$", before[-1]):
        return False
    # sentence-initial: a real name ("Danube ICT Project"), and "project" ends the phrase or is followed by a verb
    return (len(name.split()) >= 2 or is_acronym(name)) and (
        not after.strip() or re.match(r"\s*(?:is|was|has|had|will|aims|started|began|ended|,|\.)", after) is not None
    )


def _bg_names(text: str, pos: int) -> list[tuple[str, Span]]:
    """ "Център за A и на Център за B в сферата на ..." -> two names."""
    stop = _BG_NAME_STOP.search(text, pos)
    end = stop.start() if stop else len(text)
    names = []
    position = pos
    for m in re.finditer(r"\s+и(?:\s+на)?\s+(?=[А-ЯA-Z])", text[pos:end]):
        names.append((text[position:pos + m.start()], (position, pos + m.start())))
        position = pos + m.end()
    names.append((text[position:end], (position, end)))
    return [(n.strip(), s) for n, s in names if n.strip() and n.strip()[0].isupper()]


# -- attributes ----------------------------------------------------------------


def _attributes(sentence: Sentence, draft: Draft, rank: int, about_project: bool, bare_period: bool = False,
                programme_cue: bool = True) -> None:
    text, offset = sentence.text, sentence.start
    code = _code_in(text, offset)
    if code:
        draft.put("code", code[0], code[1], rank)
    programme = _programme_in(text, offset, need_cue=programme_cue)
    if programme:
        draft.put("programme", programme[0], programme[1], rank)
    for regex in _PARTNERS:
        m = regex.search(text)
        if m:
            draft.partners.extend(_partner_list(text, m.end(), offset))
            break
    for m in _LEAD.finditer(text):
        run = _org_after(text, m.end())
        if run:
            draft.partners.append((text[run[0]:run[1]], (offset + run[0], offset + run[1])))
    for m in _PARTNER_IN.finditer(text):
        run = _cap_run_before(text, m.start())  # "X, our partner in the ... project"
        if run:
            draft.partners.append((text[run[0]:run[1]], (offset + run[0], offset + run[1])))
    if not about_project:
        return
    start_cue, end_cue = _START.search(text), _END.search(text)
    dates = []
    period_cue = bare_period or _PERIOD_WORD.search(text)
    if (start_cue or end_cue or period_cue) and re.search(r"\d", text):  # date patterns are costly: only where a cue is
        dates = [
            d for d in find_dates(text)
            if d.value and d.kind in ("date", "range", "month", "year")
            and not (programme and programme[1][0] <= offset + d.start < programme[1][1])  # "Programme 2007-2013"
        ]
    period = _period(text, dates, bare_period) if period_cue else None
    if period:
        first, last = period
        draft.put("start", first.value, (offset + first.start, offset + first.end), rank)
        draft.put("end", last.end_value or last.value, (offset + last.start, offset + last.end), rank)
    m = _FROM_NOW.search(text)
    if m:
        draft.put("start", m.group("y"), (offset + m.start("y"), offset + m.end("y")), rank)
    m = _YEAR_RANGE.search(text)
    if m and not programme:
        draft.put("start", m.group("y1"), (offset + m.start("y1"), offset + m.end("y1")), rank)
        draft.put("end", m.group("y2"), (offset + m.start("y2"), offset + m.end("y2")), rank)
    m = _PAREN_YEARS.search(text)
    if m and 0 < int(m.group("y2")) - int(m.group("y1")) <= _MAX_PROJECT_YEARS \
            and not (programme and programme[1][0] <= offset + m.start() < programme[1][1]):
        draft.put("start", m.group("y1"), (offset + m.start("y1"), offset + m.end("y1")), rank)  # "(2023–2025)"
        draft.put("end", m.group("y2"), (offset + m.start("y2"), offset + m.end("y2")), rank)
    cue = start_cue
    if cue and dates:
        date = _nearest(dates, cue.start(), cue.end())
        if date:
            draft.put("start", date.value, (offset + date.start, offset + date.end), rank)
            if date.end_value:
                draft.put("end", date.end_value, (offset + date.start, offset + date.end), rank)
    cue = end_cue
    if cue:
        date = next((d for d in dates if 0 <= d.start - cue.end() <= 3), None)
        if date:
            draft.put("end", date.end_value or date.value, (offset + date.start, offset + date.end), rank)
    for regex in (_DURATION, _DURATION_ADJ, _DURATION_PAREN):
        m = regex.search(text)
        if m:
            months = _months(m.group("n"), m.group("unit"))
            if months:
                draft.put("duration_months", months, (offset + m.start("n"), offset + m.end("unit")), rank)
                break


def _family_end(text: str, m: re.Match) -> int:
    """ "INTERREG Greece-Bulgaria", "Interreg IPA Cross-border Cooperation Romania-Serbia": a programme family
    goes on with the capitalised words that name the specific programme, up to punctuation; any programme
    keeps its period, action code or pair of countries ("... 2014-2020", "Erasmus+ KA220-VET",
    "IPA Cross-border Programme Serbia – North Macedonia")."""
    end = m.end()
    if m.group().split()[0] in _FAMILIES:
        for _ in range(6):
            word = _FAMILY_WORD.match(text, end)
            if not word or word.group("w").casefold() in _PROJECT_NOUNS:
                break
            end = word.end()
    return _with_tail(text, end)


def _with_tail(text: str, end: int) -> int:
    """The end of a programme's name with its period, action code or pair of countries, if it has one."""
    tail = _PROGRAMME_TAIL.match(text, end)
    if tail and (not tail.group("pair") or _is_place(tail.group("a")) and _is_place(tail.group("b"))):
        return tail.end()
    return end


_PLACE_WORDS = r"[A-ZА-Я][\w-]*(?:\s+[A-ZА-Я][\w-]*)?"
_PROGRAMME_TAIL = re.compile(
    rf"(?:\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|\s+KA\d{{3}}(?:-[A-Z]+)?"
    rf"|(?P<pair>\s+(?P<a>{_PLACE_WORDS})\s*[–—-]\s*(?P<b>{_PLACE_WORDS})))(?![\w-])"
)


def _period(text: str, dates: list[DateMatch], bare: bool) -> tuple[DateMatch, DateMatch] | None:
    """ "from January 2017 to June 2019", "2020–2022": two dates joined by "to" / a dash are a start and an end
    (in prose only behind "from", "between", "runs", ...; in a list entry also bare)."""
    for first, last in zip(dates, dates[1:]):
        if not _PERIOD_BETWEEN.match(text[first.end:last.start]) or last.value <= first.value:
            continue
        if bare or _PERIOD_BEFORE.search(text[max(0, first.start - 40):first.start]):
            return first, last
    return None


def _nearest(dates: list[DateMatch], start: int, end: int) -> DateMatch | None:
    best, distance = None, 10**9
    for date in dates:
        gap = start - date.end if date.end <= start else date.start - end
        if 0 <= gap < distance and gap <= 80:
            best, distance = date, gap
    if best is None and len(dates) == 1:
        best = dates[0]  # "On December 1, 2015 the project <long name> has started"
    return best


def _months(number: str, unit: str) -> int | None:
    m = NUMBER.fullmatch(number)
    if not m:
        return None
    value = number_value(m)
    if unit.casefold().startswith(("year", "годин", "ani", "año", "anni", "ans", "ano")):
        value *= 12
    return value if 0 < value <= 240 else None


def _programme_in(text: str, offset: int, *, need_cue: bool) -> tuple[str, Span] | None:
    """The funding programme a text names: 'Operational Programme "X"' > 'Programme "X"' > "X Programme" > COSME."""
    candidates: list[tuple[int, int, int]] = []  # (priority, start, end) in text
    for m in _OPERATIONAL.finditer(text):
        candidates.append((0, m.start(), m.end()))
    for m in _QUOTED_PROGRAMME.finditer(text):
        candidates.append((1, m.start("q"), m.end("q")))
    for m in _PROGRAMME_NOUN.finditer(text):
        run = _cap_run_before(text, m.start())
        if not run:
            continue
        words = text[run[0]:run[1]]
        if all(w.casefold() in _GENERIC for w in words.split()):
            continue
        vocab = _PROGRAMMES.fullmatch(words)
        candidates.append((2, run[0], run[1] if vocab else m.end()))
    for m in _PROGRAMMES.finditer(text):
        candidates.append((3, m.start(), _family_end(text, m)))
    best = None
    for priority, start, end in sorted(candidates):
        if any(p < priority and s <= start and end <= e for p, s, e in candidates):
            continue  # "COSME" inside a longer, better programme name
        if need_cue and not _FINANCE.search(text, max(0, start - 80), start) and not _FINANCE.search(text[start:end]):
            continue
        best = (priority, start, end)
        break
    if best is None:
        return None
    priority, start, end = best
    end = _with_tail(text, end)
    value = text[start:end].strip() if priority == 0 else _clean_name(text[start:end])
    return value, (offset + start, offset + end)


# -- partners ----------------------------------------------------------------------


def _partner_list(text: str, pos: int, offset: int) -> list[tuple[str, Span]]:
    """Organisation names listed after a partners cue, up to the end of the sentence.

    Groups ("5 ICT Clusters: A, B; 2 Automotive Clusters: C and D") are split on ";" and on a
    count glued to a name ("Serbia1 Green"); " and " splits only a group's last item, so
    "Information and Technology Association" inside a list stays whole.
    """
    stop = re.search(r"\.\s|\.$|\n\s*\n", text[pos:])
    chunk = text[pos:pos + stop.start()] if stop else text[pos:]
    chunk = re.sub(r"(?<=[a-z])(?=\d+\s+[A-Z])", "\x00", chunk)  # same length: offsets shift by one per glue
    pieces: list[tuple[int, int]] = []
    for group in _LIST_GROUPS.finditer(chunk):
        g_start, g_end = group.span()
        label = re.match(r"\s*\d+\s+[^:,]{1,50}:\s*", chunk[g_start:g_end])
        if label:
            g_start += label.end()
        items = [m.span() for m in LIST_ITEMS.finditer(chunk, g_start, g_end)]
        if items:
            last_s, last_e = items.pop()
            for m in _AND.finditer(chunk, last_s, last_e):
                if _splits_names(chunk, last_s, m, last_e):
                    items.append((last_s, m.start()))
                    last_s = m.end()
            items.append((last_s, last_e))
        pieces.extend(items)
    out = []
    for s, e in pieces:
        piece = chunk[s:e]
        lead = re.match(r"\s*(?:(?:and|the|y|e|et|i|și|el|la|los|las|il|lo|le|les|o|a|os|as)\s+|l['’])*", piece)
        s += lead.end()
        name = chunk[s:e].strip(" .:")
        note = _PLACE_NOTE.search(name)
        if note and _is_place(note.group("place")):
            name = name[: note.start()]
        if not name or not name[0].isupper() or len(name.split()) > 12 or ":" in name:
            continue
        start = pos + s - chunk[:s].count("\x00")
        out.append((name, (offset + start, offset + start + len(name))))
    return out


def _splits_names(chunk: str, start: int, m: re.Match, end: int) -> bool:
    """Whether " and " at `m` joins two names: "X and the Y" always; "X Y and Z W" when both sides have
    two words or more, so that "Chamber of Commerce and Industry" stays one name."""
    if m.group("the") or m.group("art"):
        return True
    following = _AND.search(chunk, m.end(), end)
    right = chunk[m.end(): following.start() if following else end]
    return len(chunk[start:m.start()].split()) >= 2 and len(right.split()) >= 2


def _org_after(text: str, pos: int) -> tuple[int, int] | None:
    """An organisation name right after "led by": capitalised words up to a clause end."""
    stop = _ORG_END.search(text, pos)
    end = stop.start() if stop else len(text)
    run = _cap_run_after(text[:end], pos, dashes=False)
    if not run or run[1] - run[0] < 3:
        return None
    return run


def _own_names(found: dict[str, Any]) -> list[str]:
    names = [found.get("name")] + list(found.get("aliases") or [])
    return [n for n in names if isinstance(n, str) and n.strip()]


def _strip_legal(name: str) -> str:
    words = _norm(name).split()
    while words and words[0] in _LEGAL:
        words.pop(0)
    while words and words[-1] in _LEGAL:
        words.pop()
    return " ".join(words)


def _is_self(partner: str, own_names: list[str]) -> bool:
    """The profiled organisation, maybe behind a legal form or followed by its country ("ICT Cluster Bulgaria")."""
    p = _strip_legal(partner)
    for own in own_names:
        o = _strip_legal(own)
        if not o:
            continue
        if p == o:
            return True
        if p.startswith(o + " ") and len(p[len(o):].split()) == 1 and _is_place(partner.split()[-1]):
            return True
    return False


def _is_place(word: str) -> bool:
    return bool(find_places(word))


# -- merging -----------------------------------------------------------------------


def _merge(drafts: list[Draft]) -> list[Draft]:
    merged: list[Draft] = []
    for draft in drafts:
        if not draft.name and not draft.acronym:
            continue
        target = next((m for m in merged if m.same_project(draft)), None)
        if target is None:
            merged.append(draft)
        else:
            target.absorb(draft)
    return merged


def _fill_acronyms(doc: Document, projects: list[Draft]) -> None:
    """ "Smart Factory Hub (SFH)" anywhere on the page gives the acronym of "Smart Factory Hub"."""
    wanted = [d for d in projects if not d.acronym and d.name and len(d.name) <= 150]
    if not wanted:
        return
    for m in _PAREN.finditer(doc.text):
        if not is_acronym(m.group("acr")):
            continue
        before = doc.text[max(0, m.start() - 160):m.start()].rstrip().casefold()
        for draft in wanted:
            if draft.acronym is None and before.endswith(draft.name.casefold()):
                draft.set_acronym(m.group("acr"), (m.start("acr"), m.end("acr")))
