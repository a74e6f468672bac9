"""Stage 4, entity recognition: ORG, PERSON and GPE mentions with offsets into doc.text.

No pretrained model is needed: `build_pipeline` makes `spacy.blank(lang)` with a cheap
registered tokenizer (`FastTokenizer`: one regex, every symbol its own token, so mention
offsets stay exact) plus one registered component (`profile_rule_entities`) that sets
`doc.ents` from rules over the raw text - capitalised name sequences holding an
organisation designator, quoted names, acronyms defined beside a name, list contexts
("organized by X, Y and Z") and their comma siblings, names after a lower-case
organisation noun ("the packaging cluster X"), Bulgarian names with a lower-case
designator, honorific or first-name person names and their later surname-only uses. GPEs
come from `profile_extract.gazetteer.gpe_mentions`.

All vocabulary is data (`data/entities/*.toml`, `first_names.txt`), compiled once into
prefix-tree alternations. For speed the capitalised sequences are found once per page
and every rule reads that list; whole-text patterns start with a literal or a character
class (no leading look-behind), so re can skip ahead; per-page strings (aliases,
surnames) are found with str.find instead of compiling a pattern per page.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .document import Document, Mention
from .gazetteer import find_places, gpe_mentions
from .scan import StemScan, lowered
from .text_utils import ROMANCE_PREPOSITIONS, person_first_names, trie_regex

# ---------------------------------------------------------------------------- vocabulary


def _load_toml(name: str) -> dict:
    with resources.files("profile_extract.data").joinpath("entities").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


_ORGS = _load_toml("orgs.toml")
_PEOPLE = _load_toml("people.toml")
FIRST_NAMES = person_first_names()
DESIGNATORS = frozenset(_ORGS["designators"])
LEAD_DESIGNATORS = frozenset(_ORGS["lead_designators"])
NON_ORG_HEADS = frozenset(_ORGS["non_org_heads"])
NON_ORG_WORDS = frozenset(_ORGS["non_org_words"])
NON_ORG_NAMES = frozenset(n.casefold() for n in _ORGS["non_org_names"])
GENERIC_ACRONYMS = frozenset(_ORGS["generic_acronyms"])
LEADING_NOISE = frozenset(_ORGS["leading_noise"]) | STOP_WORDS
CONNECTORS = frozenset(_ORGS["connectors"])
ROLE_WORDS = frozenset(w for role in _PEOPLE["roles"] for w in role.split() if w not in CONNECTORS)

_UPPER = "".join(sorted({c for c in map(chr, range(0x41, 0x2000)) if c.isupper()}))
U = "[" + re.escape(_UPPER) + "]"
_SP = r"[^\S\n]+"  # white space within one line
# A capitalised word: letters, inner hyphen/apostrophe, possibly a closing possessive ("Clusters’").
CAPWORD = rf"{U}[^\W\d_]*(?:[-'’][^\W\d_]+)*(?:['’](?={_SP}))?"
_CONN = trie_regex(CONNECTORS)
# A name: capitalised words joined by spaces and lowercase connectors ("Ministry of the Economy").
_TITLEWORD = rf"{U}[^\W\d_{_UPPER}][^\W\d_]*"
_SEQ = rf"{CAPWORD}(?:{_SP}(?:(?:{_CONN}){_SP}){{0,2}}(?:\d{{1,2}}\.\d{{1,2}}{_SP})?{CAPWORD})*"  # "Industry 4.0 Alliance"
NAME_SEQ = re.compile(rf"{U}(?<![\w\-/].){_SEQ[len(U):]}")  # first letter before the look-behind: re skips ahead fast
_CONN_NO_AND = trie_regex(c for c in CONNECTORS if c not in ("and", "&", "и", "i", "y", "et", "und"))
_LIST_ITEM = re.compile(rf"(?<![\w\-/]){CAPWORD}(?:{_SP}(?:(?:{_CONN_NO_AND}){_SP}){{0,2}}{CAPWORD}){{0,6}}")
_OPEN_Q, _CLOSE_Q = "(?:“|„|«|''|\"|”)", "(?:”|“|»|''|\")"
QUOTED = re.compile(rf"{_OPEN_Q}[^\S\n]*([^“”„\"«»\n]{{1,120}}?)[^\S\n]*{_CLOSE_Q}")
_QUOTED_AT = re.compile(rf"{_OPEN_Q}[^\S\n]*({U}[^“”„\"«»\n]{{0,80}}?)[^\S\n]*{_CLOSE_Q}")
SINGLE_QUOTED = re.compile(r"['‘](?<!\w.)([^'‘’\n]{3,150})['’](?!\w)")
_ACRONYM = rf"(?:[{_UPPER}0-9][\w&-]{{1,14}}(?:{_SP}[{_UPPER}][\w-]{{1,8}})?)"
# "Name (ACR)", "Name /ACR/", "Name - ACR" right after an organisation name.
ACRONYM_AFTER = re.compile(rf"[^\S\n]*(?:\(({_ACRONYM})\)|/({_ACRONYM})/|[-–—][^\S\n]*([{_UPPER}]{{2,10}})(?![\w-]))")
# "Org – City": a place written after a dash is part of the name ("ICT Cluster – Varna").
DASH_PLACE = re.compile(rf"[^\S\n]+[-–—][^\S\n]+({U}[^\W\d_{_UPPER}]+(?:{_SP}{U}[^\W\d_{_UPPER}]+)?)(?=[^\S\n]*(?:[,.;:)”\"“]|$|\n|{_SP}(?:and|и|се){_SP}))")
# ", Research and Economy" continuing a "Ministry of Science" name.
COMMA_CONTINUATION = re.compile(rf"(?:,{_SP}{_TITLEWORD}(?:{_SP}{_TITLEWORD}){{0,2}})+,?{_SP}and{_SP}{_TITLEWORD}(?:{_SP}{_TITLEWORD}){{0,2}}")
_STEM_TAIL = re.compile(r"[^\S\n]+(?:cluster|network|association)\b")
_STEM_END = re.compile(r"[^\S\n]*(?:[,.;:)!?]|$)", re.MULTILINE)
_COMMA_HEAD = re.compile(rf"(?:^|(?<=[\s(])(?:the|of|in|to){_SP}|\n)({CAPWORD}(?:{_SP}{CAPWORD})?),{_SP}$", re.MULTILINE)
UNIVERSITY_IN = re.compile(rf"{_SP}in{_SP}({CAPWORD})(?![^\S\n]*{U})")
ALLCAPS_WORD = re.compile(rf"[{_UPPER}](?<![\w&/-].)[{_UPPER}0-9&]{{1,7}}(?![\w&-])")
ACRONYM_WITH_DESIGNATOR = re.compile(
    rf"([{_UPPER}](?<![\w-].)[{_UPPER}0-9&]{{1,7}}{_SP}(?:[{_UPPER}][{_UPPER}0-9&]{{1,7}}{_SP}){{1,2}}(?:cluster|network|association|alliance))(?!\w)"
)


# Patterns scanned over the whole text start with their vocabulary (a prefix tree re can skip
# to quickly), not with a look-behind; `_word_start` checks the character before a hit instead.
KNOWN_ORGS = re.compile(rf"(?:{trie_regex(_ORGS['known'])})(?![\w])")
_LEGAL_SUFFIX = re.compile(rf"(?:{trie_regex(_ORGS['legal_suffixes'])})(?!\w)")
# "VDI/VDE Innovation + Technik GmbH", "CzechMed Device Cluster, z.s.": trade names keep "/", "+", "&"
_TRADE_WORD = rf"{CAPWORD}(?:/{CAPWORD})*"
LEGAL_FORM = re.compile(
    rf"(?<![\w-])({_TRADE_WORD}(?:{_SP}(?:{_TRADE_WORD}|[+&])){{0,5}}?,?{_SP}(?:{trie_regex(_ORGS['legal_suffixes'])}))(?!\w)"
)
LEAD_QUOTED = re.compile(
    rf"(?:{trie_regex(w.capitalize() for w in LEAD_DESIGNATORS)}){_SP}?{_OPEN_Q}[^“”„\"«»\n]{{2,120}}?{_CLOSE_Q}"
)
# matched on the lower-cased text: a case-blind prefix tree is much slower for re
LIST_TRIGGER = re.compile(rf"(?:{trie_regex(w.lower() for w in _ORGS['list_triggers'])})(?:{_SP}the)?[^\S\n]*:?[^\S\n]*")
_LIST_SEP = re.compile(rf"[^\S\n]*(?:,|&|,?{_SP}and|,?{_SP}as well as)[^\S\n]*(?:(?:the|also|in){_SP})*")
HONORIFIC = re.compile(
    rf"(?:(?:{trie_regex(_PEOPLE['honorifics'])}){_SP}){{1,3}}({CAPWORD}(?:{_SP}{CAPWORD}){{0,2}})"
)
_AND_PERSON = re.compile(
    rf"{_SP}and{_SP}(?:(?:{trie_regex(_PEOPLE['honorifics'])})(?!\w)|(?:{trie_regex(FIRST_NAMES)}){_SP}{U})"
)
ROLE_ALTERNATION = trie_regex(_PEOPLE["roles"])
ROLE = re.compile(rf"(?<!\w)(?:{ROLE_ALTERNATION})(?!\w)", re.IGNORECASE)
ROLE_IN_LOWERED = re.compile(rf"(?<!\w)(?:{ROLE_ALTERNATION})(?!\w)")  # ROLE on text.lower(): the roles are lower case
# "Koen Verbruggen, Director": a capitalised sequence followed by a comma and a role title.
COMMA_ROLE = re.compile(rf"(?:,|{_SP}[-–—·]){_SP}(?-i:(?:{CAPWORD}{_SP}){{0,2}})(?:{ROLE.pattern})", re.IGNORECASE)
# "said Ane Etxeberria, ...": a name right after a verb of saying
SAID_NAME = re.compile(rf"(?:said|says|added|explained|commented|noted|according to){_SP}({_TITLEWORD}{_SP}{_TITLEWORD})(?=[^\S\n]*[,.(])")
# A person's name in context (the role tells it is a person, whatever the first name):
# "Anna van Berg (Managing Director)", "Managing director: Petra Lang", "EAFN president Jonas Berg".
_PARTICLE = rf"(?:{trie_regex(_PEOPLE['name_particles'])}){_SP}"
_NAME_WORD = rf"{_TITLEWORD}(?:-{_TITLEWORD})?"  # "Jens-Uwe", "Smith-Jones"
PERSON_NAME = rf"{_NAME_WORD}(?:{_SP}(?:{_PARTICLE}){{0,2}}{_NAME_WORD}){{1,2}}"
_ROLE_CI = rf"(?i:{ROLE.pattern})"
NAME_ROLE_PAREN = re.compile(rf"(?<![\w-])({PERSON_NAME})[^\S\n]*\([^\S\n]*(?:{_TITLEWORD}{_SP}){{0,2}}{_ROLE_CI}")
ROLE_COLON_NAME = re.compile(
    rf"^[^\S\n]*(?:[-•*·▪][^\S\n]*)?(?:(?:[^\W\d_]+{_SP}){{0,3}}{_ROLE_CI}(?:{_SP}(?i:of|of the){_SP}[^\W\d_]+(?:{_SP}[^\W\d_]+){{0,3}})?"
    rf"|(?i:contact(?:{_SP}person)?|contacts?))[^\S\n]*:[^\S\n]*({PERSON_NAME})(?=[^\S\n]*(?:[,;(|<]|$))",
    re.MULTILINE,
)
# "Helena Rebane\nLaboratory Network Coordinator": a name alone on its line above its role (team pages)
NAME_OVER_ROLE = re.compile(rf"^[^\S\n]*({PERSON_NAME})[^\S\n]*\n[^\S\n]*(?:{CAPWORD}{_SP}){{0,3}}{_ROLE_CI}(?![\w-])", re.MULTILINE)
# "| Johan ter Horst | Chair |": a table row with the name, then the role
NAME_BAR_ROLE = re.compile(rf"(?<![\w-])({PERSON_NAME})[^\S\n]*\|[^\S\n]*(?:{CAPWORD}{_SP}){{0,3}}{_ROLE_CI}(?![\w-])")
# "the cluster director, Paolo Verdi, said": a role, a comma, the name
ROLE_COMMA_NAME = re.compile(rf"(?<![\w-])(?i:the|our|its|their){_SP}(?:[^\W\d_]+{_SP}){{0,3}}{_ROLE_CI},{_SP}({PERSON_NAME})(?=[^\S\n]*[,.;])")
ROLE_THEN_NAME = re.compile(rf"(?<![\w-]){_ROLE_CI}{_SP}({PERSON_NAME})(?=[^\S\n]*(?:[,.;:()]|$)|{_SP}[a-z])", re.MULTILINE)
# The text after a person that names their organisation.
AFTER_PERSON_QUOTE = re.compile(rf"[^\S\n]*{_OPEN_Q}([^“”„\"«»\n]{{2,80}}?){_CLOSE_Q}")
AFTER_PERSON_FOR = re.compile(rf"{_SP}for{_SP}(?:the{_SP})?({_SEQ})")
AFTER_PERSON_OF = re.compile(rf"(?:,{_SP}|{_SP})(?:of|from){_SP}(?:the{_SP})?(?={U})")  # "Prof. X of the Y Institute"
HONORIFIC_WORDS = trie_regex(_PEOPLE["honorifics"])
_LEAD_IN = trie_regex(_PEOPLE["role_lead_ins"])
_ROLE_VERBS = trie_regex(_PEOPLE["role_verbs"])
ROLE_PHRASE = re.compile(
    rf"(?:[^\S\n]*(?:,|[-–—·|])|\t|[^\S\n]{{2,}}(?=(?-i:{U}))|{_SP}as(?={_SP})|{_SP}(?:{_ROLE_VERBS})(?={_SP}))[^\S\n]*(?:(?:{_LEAD_IN}){_SP})?"
    rf"(?P<role>(?-i:(?:{CAPWORD}{_SP}){{0,2}})(?:{ROLE.pattern})(?:{_SP}and{_SP}(?:{CAPWORD}{_SP})?(?:{ROLE.pattern}))?"
    rf"(?:{_SP}of{_SP}the{_SP}(?:(?:[Mm]anaging|[Ss]upervisory|[Ee]xecutive|[Mm]anagement|[Gg]overning){_SP})?[Bb]oard(?:{_SP}of{_SP}[Dd]irectors)?)?)"
    rf"(?:{_SP}(?:of|at|на){_SP}(?:the{_SP})?(?P<org>(?-i:{CAPWORD}(?:{_SP}(?:(?:{_CONN}){_SP}){{0,2}}{CAPWORD}){{0,8}})))?",
    re.IGNORECASE,
)


APPOSITIVE = re.compile(rf"(?:{trie_regex(_ORGS['appositive_nouns'])}){_SP}({CAPWORD}(?:{_SP}{CAPWORD}){{0,3}})(?![\w-])")
_CYR_DESIGNATOR = rf"(?:{trie_regex(_ORGS['cyrillic_designator_stems'])})[а-я]{{0,5}}"
CYR_NON_NAME = frozenset(_ORGS["cyrillic_non_name_words"])
# "Текстилен клъстер", "Търговско-промишлена палата": a capitalised word, then a lower-case designator
CYR_ADJ_DESIGNATOR = re.compile(rf"([А-ЯЁ][а-яё]+(?:-[а-яё]+)?){_SP}{_CYR_DESIGNATOR}(?![\w-])")
# "Асоциацията на бизнес клъстерите": a capitalised designator "на" lower-case words ending in a designator
_CYR_CAP_DESIGNATOR = rf"(?:{trie_regex(w.capitalize() for w in _ORGS['cyrillic_designator_stems'])})[а-я]{{0,5}}"
CYR_DESIGNATOR_OF = re.compile(rf"({_CYR_CAP_DESIGNATOR}){_SP}на{_SP}(?:[а-я]+{_SP}){{0,3}}{_CYR_DESIGNATOR}(?![\w-])")


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    label: str
    rank: int  # lower wins an overlap between equally long spans


# ---------------------------------------------------------------------------- pipeline


@Language.component("profile_rule_entities")
def rule_entities(doc):
    """spaCy component: set doc.ents from the rules of this module."""
    # Doc.text joins every token in Python; the tokenizer keeps the text it was given
    found = find_entities(doc.user_data.get(_SOURCE_TEXT) or doc.text)
    spans = [doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand") for c in found]
    # set once; "unmodified" leaves tokens outside any mention unannotated instead of
    # visiting every token in Python to mark it "O" (the rules decide nothing about them)
    doc.set_ents(filter_spans([s for s in spans if s is not None]), default="unmodified")
    doc.user_data["entity_char_spans"] = [(c.start, c.end, c.label) for c in found]  # exact, not token-aligned
    return doc


_SOURCE_TEXT = "source_text"
_TOKEN = re.compile(r"([^\W_]+|[^\w\s]|_|\s+)( ?)")  # a word, one symbol or a white-space run; one trailing space


class FastTokenizer:
    """Splits on white space and around every symbol with one compiled regex.

    The rules work on character offsets, so the tokens only need exact offsets: every
    symbol is its own token, hence any mention boundary is a token boundary and
    `char_span` returns the rule's own offsets. About a third of the cost of spaCy's
    rule-based tokenizer, which would re-split what the rules never read.
    """

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        pairs = _TOKEN.findall(text)
        if not pairs:
            return Doc(self.vocab, words=[], spaces=[])
        words, spaces = zip(*pairs)
        doc = Doc(self.vocab, words=list(words), spaces=list(map(bool, spaces)))
        doc.user_data[_SOURCE_TEXT] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # nothing to save: the tokenizer has no settings
    def to_disk(self, path, **kwargs) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, **kwargs) -> "FastTokenizer":
        return self

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "FastTokenizer":
        return self


@spacy.registry.tokenizers("profile_extract.fast_tokenizer.v1")
def create_fast_tokenizer():
    def make(nlp: Language) -> FastTokenizer:
        return FastTokenizer(nlp.vocab)

    return make


_TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "profile_extract.fast_tokenizer.v1"}}}


def build_pipeline(lang: str | None = "en") -> Language:
    """A blank pipeline for `lang` (or multi-language) with the rule component; savable with to_disk."""
    try:
        nlp = spacy.blank(lang or "en", config=_TOKENIZER_CONFIG)
    except Exception:  # a language spaCy does not know
        nlp = spacy.blank("xx", config=_TOKENIZER_CONFIG)
    nlp.add_pipe("profile_rule_entities")
    nlp.max_length = 20_000_000  # no parser or statistical NER: long pages are safe
    return nlp


@lru_cache(maxsize=4)
def default_nlp(model: str | None = None) -> Language:
    return spacy.load(model) if model else build_pipeline("en")


_MODEL_LABELS = {"ORG": "ORG", "PERSON": "PERSON", "PER": "PERSON", "GPE": "GPE", "LOC": "GPE"}


def recognise(doc: Document, nlp) -> None:
    """Run `nlp` over the cleaned text; set doc.spacy_doc and doc.mentions (char offsets)."""
    spacy_doc = nlp(doc.text)
    doc.spacy_doc = spacy_doc
    spans = spacy_doc.user_data.get("entity_char_spans")
    if spans is None:
        spans = [(e.start_char, e.end_char, e.label_) for e in spacy_doc.ents]
    labels = [f.label_span for f in doc.fields if f.key]  # form labels ("S3 EU priority areas:") name no entity
    mentions = []
    for start, end, raw_label in spans:
        label = _MODEL_LABELS.get(raw_label)
        start, end = _trim_punct(doc.text, start, end)
        if label is None or end <= start or _inside_any(start, end, labels):
            continue
        mentions.append(Mention(doc.text[start:end], label, start, end))
    doc.mentions = mentions


def mention_organisations(doc: Document, values: dict) -> None:
    """Organisations the extractors read (the page's own name, its networks and partner clusters, its
    projects' partners, its people's organisations) are ORG mentions wherever they stand: "FoodTec
    Alsace" or "agoria" have no organisation word the rules could see. A shorter mention inside
    one gives way; a mention overlapping one otherwise wins."""
    names = [values.get("name"), *values.get("networks", []), *values.get("partner_clusters", [])]
    names += [p for project in values.get("projects", []) for p in project.get("partners", [])]
    names += [person.get("organisation") for person in values.get("people", [])]
    found = []
    for name in {n for n in names if isinstance(n, str) and len(n) >= 3 and _whole_name(n)}:
        position = doc.text.find(name)
        while position >= 0:
            end = position + len(name)
            if _word_start(doc.text, position) and not (end < len(doc.text) and doc.text[end].isalnum()):
                found.append((position, end))
            position = doc.text.find(name, end)
    if not found:
        return
    kept = [m for m in doc.mentions if not any(s <= m.start and m.end <= e for s, e in found)]
    if any(m.start < e and s < m.end for m in kept for s, e in found):
        found = [(s, e) for s, e in found if not any(m.start < e and s < m.end for m in kept)]
    doc.mentions = sorted(kept + [Mention(doc.text[s:e], "ORG", s, e) for s, e in found], key=lambda m: (m.start, m.end))


def _whole_name(name: str) -> bool:
    """Balanced brackets and not just a place ("Italy" read as a partner)."""
    places = find_places(name)
    return name.count("(") == name.count(")") and not (len(places) == 1 and places[0].end - places[0].start == len(name))


def _trim_punct(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop brackets, slashes and commas the token boundaries glued to a mention."""
    while start < end and text[start] in "([/,;:–-— ":
        start += 1
    while end > start and text[end - 1] in ")]/,;:–-— ":
        end -= 1
    if text.count("(", start, end) < text.count(")", start, end) and text[end - 1] == ")":
        end -= 1
    return start, end


# ---------------------------------------------------------------------------- rules


def find_entities(text: str) -> list[Candidate]:
    """All ORG / PERSON / GPE spans of `text`, overlaps resolved (longer, then higher rank, wins)."""
    if not text or not text.strip():
        return []
    finder = _Finder(text)
    return finder.run()


class _Finder:
    """One pass of the rules over one text; collects candidates, then resolves overlaps."""

    def __init__(self, text: str):
        self.text = text
        self.cands: list[Candidate] = []
        self.blocked = _Mask(len(text))  # project / programme titles
        self.places = _Mask(len(text))
        self.programmes: list[tuple[int, int]] = []  # names of funding programmes: neither ORG nor GPE inside
        lower = text.lower()
        self.lower = lower if len(lower) == len(text) else "".join(c.lower()[:1] or c for c in text)  # same offsets
        # every capitalised name sequence, found once and read by all the rules below
        self.seqs = [(m.start(), m.end()) for m in NAME_SEQ.finditer(text)]
        # only a sequence of two or more words can be a name; one word matters just as a title
        self.names = [(s, e) for s, e in self.seqs if _SPACE_IN.search(text, s, e)]
        self.title_at = {m.start() for m in _TITLE_AFTER.finditer(self.lower)}  # "X project": X ends here

    def add(self, start: int, end: int, label: str, rank: int) -> None:
        start, end = _trim_punct(self.text, start, end)
        if self.text.endswith(("'s", "’s"), start, end):
            end -= 2
        if end > start and not self.blocked.covers(start, end):
            self.cands.append(Candidate(start, end, label, rank))

    def run(self) -> list[Candidate]:
        self.gpes = list(_gpe_spans(self.text))
        for start, end in self.gpes:
            self.places.mark(start, end)
        self._name_sequences()
        self._lead_quoted()
        self._legal_forms()
        self._known()
        self._people()
        self._quoted()
        self._lists()
        self._appositives()
        self._cyrillic()
        orgs = self._resolve([c for c in self.cands if c.label == "ORG"])
        self._acronyms(orgs)
        self._stems(orgs)
        self._repeated_single_words(orgs)
        self._surnames()
        for start, end in self.gpes:
            if not any(s <= start and end <= e for s, e in self.programmes):
                self.cands.append(Candidate(start, end, "GPE", 5))
        return self._resolve(self.cands)

    # -- organisations

    def _name_sequences(self) -> None:
        text = self.text
        titles: set[str] = set()
        for seq_start, seq_end in self.seqs:
            if seq_end in self.title_at or _ends_in_title_word(text, seq_start, seq_end):
                # "Smart Factory Hub project": a project; in "X and Y project" only Y is
                last_and = max((p.end() - seq_start for p in _AND_THE.finditer(text, seq_start, seq_end)), default=0)
                self.blocked.mark(seq_start + last_and, seq_end)
                titles.add(_org_text(text, seq_start + last_and, seq_end))
                if not last_and:
                    continue
            if not _DESIGNATOR_WORD.search(text, seq_start, seq_end) or not _SPACE_IN.search(text, seq_start, seq_end):
                continue  # one word, or no designator word: no organisation name (most sequences)
            in_list = text.endswith(", ", 0, seq_start)  # "Odense Havn, Vestas and Odense University"
            segments = _split_sequence(text, seq_start, seq_end, self.is_place, self.places.covers, in_list)
            for start, end in segments:
                span = _org_span(text, _tokens(text, start, end), self.is_place)
                if span is None:
                    continue
                s, e = self._extend_back(*span), self._extend(*span)
                self.add(s, e, "ORG", 2)
            if in_list and len(segments) > 1:
                self._list_siblings(segments[:-1])
        # the same title written alone on a line (a heading) is that project too
        for start, end in self.seqs if titles else ():
            if (start == 0 or text[start - 1] == "\n") and _org_text(text, start, end) in titles:
                self.blocked.mark(start, end)
        in_titles = _Mask(len(text))  # names inside a quoted title: 'The Making of a ... Cluster'
        for regex in (SINGLE_QUOTED, QUOTED):
            for m in regex.finditer(text):
                if _is_title_text(m.group(1)):
                    in_titles.mark(m.start(1), m.end(1))
        self.cands = [c for c in self.cands if not (self.blocked.covers(c.start, c.end) or in_titles.covers(c.start, c.end))]

    def _country_at(self, start: int, end: int) -> bool:
        """A country name exactly at start..end (the gazetteer's word)."""
        if not self.places.covers(start, end):
            return False
        return any(p.kind == "country" and p.start == start and p.end == end for p in find_places(self.text, start, end))

    def _place_column(self, pos: int) -> bool:
        """ ", Germany" after a dash-place: the dash starts a "City, Country" location, not a name part."""
        m = _COMMA_NEXT_WORD.match(self.text, pos)
        return bool(m) and self.places.covers(m.start(1), m.end(1))

    def _list_siblings(self, segments: list[tuple[int, int]]) -> None:
        """Items of a comma list that ends in an organisation name are organisations too."""
        text = self.text
        ends = {e: s for s, e in self.seqs}
        items = list(segments)
        pos = segments[0][0]
        while text.endswith(", ", 0, pos) and (pos - 2) in ends and len(items) < 8:
            items.append((ends[pos - 2], pos - 2))
            pos = ends[pos - 2]
        for start, end in items:
            words = text[start:end].split()
            if (
                1 <= len(words) <= 4
                and words[0].casefold() not in LEADING_NOISE
                and words[-1].casefold() not in NON_ORG_HEADS
                and not self.places.covers(start, end)
                and not (words[0] in FIRST_NAMES and len(words) in (2, 3))
            ):
                self.add(start, end, "ORG", 4)

    def is_place(self, start: int, end: int) -> bool:
        return self.places.touches(start, end)

    def _extend_back(self, start: int, end: int) -> int:
        """ "Balkan, Black Sea and Baltic ICT Network": a leading comma-list item belongs to the name."""
        m = _COMMA_HEAD.search(self.text, max(0, start - 40), start)
        name = self.text[start:end]
        if m and " and " in name and m.end() == start and not _is_designator(name.split()[0]):
            return m.start(1)
        return start

    def _extend(self, start: int, end: int) -> int:
        """Grow an organisation name over a dash-place, a comma list of fields, "University in X"."""
        text = self.text
        of_name = bool(_OF_FOR.search(text, start, end))
        for regex in (COMMA_CONTINUATION, DASH_PLACE):
            if regex is COMMA_CONTINUATION and not of_name:
                continue  # "Ministry of Science, Research and Economy"; not "Aarhus Vand, Grundfos and X"
            m = regex.match(text, end)
            if m and not _has_designator(text[m.start():m.end()].replace(",", " ").split()):
                if regex is DASH_PLACE and (self._place_column(m.end()) or self._country_at(m.start(1), m.end(1))
                                            or self._seat_after_full_name(start, end, m)):
                    continue  # "Plastics Cluster Bavaria – Nuremberg, Germany", "X – Poland": where it is, not its name
                return m.end()
        if text[start:end].split()[-1].casefold() in ("university", "universität", "université"):
            m = UNIVERSITY_IN.match(text, end)
            if m:
                return m.end()
        return end

    def _seat_after_full_name(self, start: int, end: int, dash: re.Match) -> bool:
        """ "Rhine Life Sciences Cluster – Basel": a name of three words or more, then a known town, is the name
        and its seat; "ICT Cluster – Varna" is one name."""
        line_end = self.text.find("\n", dash.start(1))
        town = find_places(self.text, dash.start(1), len(self.text) if line_end < 0 else line_end)  # "St. Gallen"
        return len(self.text[start:end].split()) >= 3 and bool(town) and town[0].kind == "city" \
            and town[0].start == dash.start(1) and town[0].end >= dash.end(1)

    def _lead_quoted(self) -> None:
        for m in LEAD_QUOTED.finditer(self.text):
            if _word_start(self.text, m.start()):
                self.add(m.start(), m.end(), "ORG", 1)

    def _legal_forms(self) -> None:
        """ "Silicon Saxony e. V.": found from the legal suffix, then read backwards over the name."""
        text, seen = self.text, set()
        for hit in _LEGAL_SUFFIX.finditer(text):
            if not _word_start(text, hit.start()):
                continue
            m = LEGAL_FORM.search(text, max(0, hit.start() - 160, text.rfind("\n", 0, hit.start()) + 1), hit.end())
            if m and m.end(1) == hit.end() and m.span(1) not in seen:
                seen.add(m.span(1))
                self.add(m.start(1), m.end(1), "ORG", 1)

    def _known(self) -> None:
        for m in KNOWN_ORGS.finditer(self.text):
            if _word_start(self.text, m.start()):
                self.add(m.start(), m.end(), "ORG", 3)
        for m in ACRONYM_WITH_DESIGNATOR.finditer(self.text):
            words = m.group(1).split()[:-1]
            if any(w not in GENERIC_ACRONYMS for w in words):
                self.add(m.start(), m.end(), "ORG", 3)
        for m in _names_before_europe(self.text):  # "MedTech Europe", "Hydrogen Europe": associations
            first = m.group(1).split()[0].casefold()
            if m.group().casefold() in NON_ORG_NAMES or first in _PROGRAMME_FAMILIES:
                self.programmes.append(m.span())  # "Horizon Europe": a programme, and no place in it either
            elif _word_start(self.text, m.start()) and first not in _COMPASS:
                self.add(m.start(), m.end(), "ORG", 3)

    def _quoted(self) -> None:
        """A quoted name holding a designator, or a quoted acronym, is an ORG unless a title."""
        text = self.text
        for m in QUOTED.finditer(text):
            inner = m.group(1).strip()
            if not inner or not inner[0].isupper() or _quote_is_title(text, m.start(), m.end()):
                continue
            words = inner.split()
            if (len(words) <= 10 and _has_designator(words, plural=False) and ":" not in inner) or (
                ALLCAPS_WORD.fullmatch(inner) and inner not in GENERIC_ACRONYMS
            ):
                self.add(m.start(1), m.end(1), "ORG", 2)

    def _lists(self) -> None:
        """Items of "organized by X, Y and Z"-style lists that are capitalised names."""
        text = self.text
        plain = _LIST_ITEM
        starts = {c.start: c.end for c in self.cands if c.label == "ORG"}
        for trig in LIST_TRIGGER.finditer(self.lower):
            if not _word_start(text, trig.start(), ""):
                continue
            pos, limit = trig.end(), min(len(text), trig.end() + 300)
            while pos < limit:
                if pos in starts:  # an organisation already found: step over it
                    pos = starts[pos]
                else:
                    m = plain.match(text, pos) or _QUOTED_AT.match(text, pos)
                    if not m:
                        break
                    name = m.group(m.lastindex or 0) if m.re is _QUOTED_AT else m.group()
                    if self._list_item_ok(name, m.start(), m.end()):
                        self.add(m.start(), m.end(), "ORG", 4)
                    pos = m.end()
                sep = _LIST_SEP.match(text, pos)
                if not sep:
                    break
                pos = sep.end()

    def _appositives(self) -> None:
        """ "the Greek packaging cluster HelPack": a name right after a lower-case organisation noun."""
        text = self.text
        for m in APPOSITIVE.finditer(text):
            if not _word_start(text, m.start()):
                continue
            name = m.group(1)
            words = name.split()
            if (
                words[0].casefold() in LEADING_NOISE
                or words[0].casefold() in ROLE_WORDS
                or words[-1].casefold() in NON_ORG_HEADS
                or (len(words) == 1 and not _camel_or_caps(words[0]))  # "cluster Members": one plain word is no name
                or self.places.covers(m.start(1), m.end(1))
                or _followed_by_title_word(text, m.end(1))
            ):
                continue
            self.add(m.start(1), m.end(1), "ORG", 3)

    def _cyrillic(self) -> None:
        """Bulgarian names with a lower-case designator: "Търговско-промишлена палата – Враца",
        "Русенския университет", "Асоциацията на бизнес клъстерите"."""
        text = self.text
        for regex in (CYR_ADJ_DESIGNATOR, CYR_DESIGNATOR_OF):
            for m in regex.finditer(text):
                if not _word_start(text, m.start()) or m.group(1).casefold() in CYR_NON_NAME:
                    continue
                self.add(m.start(), self._extend(m.start(), m.end()), "ORG", 2)

    def _repeated_single_words(self, orgs: list[Candidate]) -> None:
        """A one-word name with inner capitals ("HelPack", "PackPT") names the same organisation wherever it recurs."""
        text = self.text
        words = {text[o.start:o.end] for o in orgs}
        words = {w for w in words if " " not in w and len(w) >= 3 and _camel_or_caps(w[1:]) and w not in GENERIC_ACRONYMS}
        for start, end in _occurrences(text, words):
            self.add(start, end, "ORG", 3)

    def _list_item_ok(self, name: str, start: int, end: int) -> bool:
        words = name.split()
        return not (
            not words
            or len(words) > 6
            or (words[0].casefold() in LEADING_NOISE and not words[0].isupper())
            or words[-1].casefold() in NON_ORG_HEADS
            or any(w.casefold() in _TITLE_WORDS for w in words)
            or name.casefold() in NON_ORG_NAMES
            or _followed_by_title_word(self.text, end)
            or self.places.covers(start, end)
            or (words[0] in FIRST_NAMES and len(words) in (2, 3))
            or (len(words) == 1 and _LOWER_WORD_NEXT.match(self.text, end))  # "Управителния съвет": one word of a phrase
        )

    def _acronyms(self, orgs: list[Candidate]) -> None:
        """Acronyms defined beside a name, and all-caps words spelling an ORG's initials."""
        text = self.text
        aliases: set[str] = set()
        for org in orgs:
            m = ACRONYM_AFTER.match(text, org.end)
            if m:
                group = next(g for g in (1, 2, 3) if m.group(g))
                alias = m.group(group)
                spelled = _initials(text[org.start:org.end]) == alias  # "... for Cluster Analysis (ESCA)"
                if (spelled or alias not in GENERIC_ACRONYMS) and sum(c.isupper() for c in alias) >= 2:
                    aliases.add(alias)
        initials = {_initials(text[o.start:o.end]): o for o in orgs}
        for start, end in self.names:  # "Geoscience Ireland (GI)": a name spelled by its acronym
            if text[end:end + 2].lstrip()[:1] not in ("(", "/", "-", "–", "—"):
                continue
            after = ACRONYM_AFTER.match(text, end)
            acronym = after.group(1) if after else None
            name = text[start:end]
            if acronym and acronym not in GENERIC_ACRONYMS and _initials(name) == acronym and len(name.split()) >= 2:
                self.add(start, end, "ORG", 3)
                aliases.add(acronym)
        for m in ALLCAPS_WORD.finditer(text):
            word = m.group()
            if word in aliases or (word not in GENERIC_ACRONYMS and len(word) >= 3 and word in initials):
                self.add(m.start(), m.end(), "ORG", 3)
        for start, end in _occurrences(text, aliases):
            self.add(start, end, "ORG", 3)

    def _stems(self, orgs: list[Candidate]) -> None:
        """Later short forms: "Silicon Saxony" for "Silicon Saxony e. V.", "HITS" for "HITS Cluster"."""
        text = self.text
        stems: set[str] = set()
        loose: set[str] = set()
        for org in orgs:
            name = text[org.start:org.end]
            legal = LEGAL_FORM.fullmatch(name)
            if legal:
                loose.add(name[: len(name) - len(name.split()[-1])].strip().removesuffix(" e.").rstrip(","))
                continue
            words = name.split()
            if len(words) >= 2 and words[-1].casefold() in DESIGNATORS and not any(w.casefold() in DESIGNATORS for w in words[:-1]):
                stem = words[:-1]
                if any(w not in GENERIC_ACRONYMS and w.casefold() not in LEADING_NOISE and not _is_adjective(w) for w in stem):
                    stems.add(" ".join(stem))
        for start, end in _occurrences(text, loose | stems):
            if text[start:end] in loose:
                self.add(start, end, "ORG", 3)
            elif not self.places.covers(start, end):  # "Ardino" of "Ardino Municipality" is the place
                tail = _STEM_TAIL.match(text, end)  # "HITS cluster"
                if tail or _STEM_END.match(text, end):
                    self.add(start, tail.end() if tail else end, "ORG", 3)

    # -- people

    def _people(self) -> None:
        text = self.text
        found: list[tuple[int, int]] = []
        for m in _HONORIFIC_SCAN.finditer(text):
            if not _word_start(text, m.start(), "."):
                continue
            tokens = _leading_run(_tokens(text, m.start(1), m.end(1)), text)
            if tokens:
                found.append((tokens[0][0], tokens[-1][1]))
        for seq_start, seq_end in self.names:
            if not _FIRST_NAME_IN.search(text, seq_start, seq_end):
                continue
            tokens = _tokens(text, seq_start, seq_end)
            i = 0
            while i < len(tokens) - 1:
                s, e = tokens[i]
                run = _leading_run(tokens[i:i + 3], text) if text[s:e] in FIRST_NAMES else []
                if len(run) >= 2:
                    found.append((run[0][0], run[-1][1]))
                    i += len(run)
                else:
                    i += 1
        for m in SAID_NAME.finditer(text):
            if _word_start(text, m.start()):
                found.append((m.start(1), m.end(1)))
        windows = _role_lines(text)
        for regex in (NAME_ROLE_PAREN, ROLE_COLON_NAME, ROLE_THEN_NAME, NAME_OVER_ROLE, NAME_BAR_ROLE, ROLE_COMMA_NAME):
            for lo, hi in windows:
                for m in regex.finditer(text, lo, hi):
                    if _word_start(text, m.start(1)) and self._plain_name(m.start(1), m.end(1)):
                        found.append((m.start(1), m.end(1)))
        for seq_start, seq_end in self.names:  # "Koen Verbruggen, Director": the last two or three words
            if not (text.startswith((",", " "), seq_end) and COMMA_ROLE.match(text, seq_end)):
                continue
            tokens = _tokens(text, seq_start, seq_end)
            k = len(tokens)
            while k > 0 and len(tokens) - k < 3 and text[tokens[k - 1][0]].isupper():
                k -= 1
            tokens = tokens[k:]
            if len(tokens) >= 2 and all(text[s:e] != text[s:e].upper() for s, e in tokens):
                run = _leading_run(tokens, text)
                if len(run) == len(tokens):
                    found.append((tokens[0][0], tokens[-1][1]))
        for start, end in found:
            start = _skip_honorifics(text, start, end)
            if start >= end or _has_designator(text[start:end].split()) or _is_street(text[start:end]):
                continue
            joined = _JOINED_SURNAME.match(text, end)
            if joined and not _is_designator(joined.group(1), plural=True) and not self.places.covers(*joined.span(1)):
                end = joined.end()  # "Pere Mas i Garriga": Catalan joins the two surnames with "i"
            self.add(start, end, "PERSON", 2)
            self._person_context(end)

    def _plain_name(self, start: int, end: int) -> bool:
        """Words that can only be a person's name: no organisation word, role, common word or place."""
        tokens = [t for t in _tokens(self.text, start, end) if self.text[t[0]:t[1]].casefold() not in _PARTICLES]
        run = _leading_run(tokens, self.text)
        return len(run) == len(tokens) >= 2 and not self.places.covers(start, end)

    def _person_context(self, end: int) -> None:
        """ORG named right after a person: "X “Org”", "X for Org", "X, Director of Org"."""
        text = self.text
        m = AFTER_PERSON_QUOTE.match(text, end)
        if m:
            self.add(m.start(1), m.end(1), "ORG", 1)
            return
        m = AFTER_PERSON_FOR.match(text, end)
        if m:
            self.add(m.start(1), self._extend(m.start(1), m.end(1)), "ORG", 1)
            return
        m = AFTER_PERSON_OF.match(text, end)
        employer = NAME_SEQ.match(text, m.end()) if m else None
        if employer and not self.places.covers(*employer.span()) \
                and employer.group().split()[0].casefold() not in ROLE_WORDS | LEADING_NOISE:
            self.add(employer.start(), self._extend(employer.start(), employer.end()), "ORG", 1)  # "X of Novak Interiors"
            return
        m = ROLE_PHRASE.match(text, end)
        at = _AT_AFTER.match(text, m.end()) if m and m.group("org") else None
        employer = NAME_SEQ.match(text, at.end()) if at else None
        if employer and at.group().lstrip().startswith(",") and not _has_designator(employer.group().split()):
            employer = None  # "X, Head of Communications, Y Cluster": only an organisation word makes Y the employer
        if employer and not self.places.covers(*employer.span()):  # "X, Head of Sales at Org": Org employs X
            self.add(employer.start(), self._extend(employer.start(), employer.end()), "ORG", 1)
            return
        if m and m.group("org") and not self.places.covers(m.start("org"), m.end("org")):
            org_end = m.end("org")
            cut = _AND_PERSON.search(text, m.start("org"), org_end)
            if cut:
                org_end = cut.start()
            self.add(m.start("org"), self._extend(m.start("org"), org_end), "ORG", 1)

    def _surnames(self) -> None:
        """A surname used alone after the full name was given ("Tabaš said")."""
        text = self.text
        people = self._resolve([c for c in self.cands if c.label == "PERSON"])
        surnames = set()
        for p in people:
            words = text[p.start:p.end].split()
            if len(words) >= 2 and len(words[-1]) >= 3 and words[-1].casefold() not in LEADING_NOISE:
                surnames.add(words[-1])
            if len(words) >= 2 and words[0] in FIRST_NAMES:
                surnames.add(words[0])  # "Kadri has led the cluster since 2020": a first name used alone
        for start, end in _occurrences(text, surnames):
            before = text[max(0, start - 30):start].rstrip()
            if _CAPWORD_END.search(before) and not _SHORT_HONORIFIC_END.search(before):
                continue  # part of a longer name
            if _NEXT_CAPITAL.match(text, end, end + 3) or self.places.covers(start, end):
                continue
            if text[start:end] in FIRST_NAMES and not _FIRST_NAME_VERB.match(text, end):
                continue  # a first name alone counts only as the subject of a verb ("Kadri has", "Mart coordinates")
            self.add(start, end, "PERSON", 3)

    # -- overlaps

    def _resolve(self, cands: list[Candidate]) -> list[Candidate]:
        """Keep the longest spans (ORG before PERSON before GPE on ties); drop anything overlapping."""
        order = {"ORG": 0, "PERSON": 1, "GPE": 2}
        taken: list[Candidate] = []
        occupied = bytearray(len(self.text) + 1)
        for c in sorted(set(cands), key=lambda c: (-(c.end - c.start), order[c.label], c.rank, c.start)):
            if any(occupied[c.start:c.end]):
                continue
            occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
            taken.append(c)
        return sorted(taken, key=lambda c: c.start)


# ---------------------------------------------------------------------------- helpers


_PARTICLES = frozenset(_PEOPLE["name_particles"])
_FIRST_NAME_VERB = re.compile(r"[^\S\n]+(?:has|had|is|was|will|said|says|added|runs|leads|led|coordinates|manages|joined|"
                              r"works|worked|took|takes|heads|handles|supports|presented|explained)\b")
# "<Words> Europe" names an association unless the words locate a part of Europe or name a programme
_NAMED_AFTER_CONTINENT = re.compile(rf"({CAPWORD}(?:{_SP}{CAPWORD}){{0,2}}){_SP}Europe$")
_WORD_START = re.compile(r"(?<!\S)\S")
_BEFORE_EUROPE = 80  # characters searched before each "Europe": the words of the name, at most three


def _names_before_europe(text: str) -> Iterator[re.Match]:
    """ "<Words> Europe", looked for only where "Europe" stands, so a page without it costs nothing."""
    position = text.find("Europe")
    while position >= 0:
        end = position + len("Europe")
        if end >= len(text) or not (text[end].isalnum() or text[end] in "-_"):
            starts = [w.start() for w in _WORD_START.finditer(text, max(0, position - _BEFORE_EUROPE), position)][-3:]
            m = next((m for m in (_NAMED_AFTER_CONTINENT.match(text, s, end) for s in starts) if m), None)
            if m is not None:
                yield m
        position = text.find("Europe", end)
_COMPASS = frozenset(_ORGS["continent_part_words"])
_PROGRAMME_FAMILIES = frozenset({"horizon", "digital", "creative", "interreg", "erasmus", "erasmus+", "connecting"})
_STREET_WORDS = frozenset(_PEOPLE["street_words"])


def _is_street(name: str) -> bool:
    return name.split()[-1].casefold() in _STREET_WORDS
_AT_AFTER = re.compile(rf"(?:{_SP}at{_SP}|,{_SP})(?:the{_SP})?")
_NONSPACE = re.compile(r"\S+")
_LOWER_WORD_NEXT = re.compile(r"[^\S\n]+[а-яё]")
_COMMA_NEXT_WORD = re.compile(r",[^\S\n]+([^\W\d_]+(?:[^\S\n]+[^\W\d_]+)?)")
_AND_THE = re.compile(r"\band(?:[^\S\n]+the)?[^\S\n]+")
_AND_SPLIT = re.compile(r"[^\S\n]+and(?:[^\S\n]+the)?[^\S\n]+")
_OF_FOR = re.compile(r"\s(?:of|for)\s")
_CAPWORD_END = re.compile(rf"{U}[^\W\d_]*$")
_SHORT_HONORIFIC_END = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof)\.?$")
_NEXT_CAPITAL = re.compile(rf"[^\S\n]+{U}")
# prefilters: a sequence holding no designator (or no first name) needs no closer look
_DESIGNATOR_WORD = re.compile(rf"(?<!\w)(?:{trie_regex(DESIGNATORS)})(?!\w)", re.IGNORECASE)
_HONORIFIC_SCAN = StemScan(HONORIFIC)
_JOINED_SURNAME = re.compile(r"[^\S\n]+i[^\S\n]+([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+)(?![\w'’-])(?![^\S\n]+[A-ZÀ-ÖØ-Þ])")


def _role_lines(text: str) -> list[tuple[int, int]]:
    """Where the role rules (a name beside a role word) can match: each role word's line and the line above it,
    merged. Those rules keep to one line (two for a name over its role), so scanning these spans finds exactly
    what a whole-page scan finds, for a fraction of the cost."""
    low, odd = lowered(text)
    if low is None or odd:
        return [(0, len(text))]  # case folding that str.lower does not mirror: scan it all
    spans: list[tuple[int, int]] = []
    for m in ROLE_IN_LOWERED.finditer(low):
        above = text.rfind("\n", 0, m.start())
        start = 0 if above < 0 else text.rfind("\n", 0, above) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


_FIRST_NAME_IN = re.compile(rf"(?<![\w-])(?:{trie_regex(FIRST_NAMES)})(?![\w-])")


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _NONSPACE.finditer(text, start, end)]


def _word_start(text: str, pos: int, extra: str = "-") -> bool:
    """No letter, digit or `extra` character right before `pos` (a look-behind done after the match)."""
    if pos == 0:
        return True
    before = text[pos - 1]
    return not (before.isalnum() or before == "_" or before in extra)


def _occurrences(text: str, words) -> list[tuple[int, int]]:
    """Whole-word occurrences of a few per-page strings (aliases, surnames), without compiling a pattern."""
    spans = []
    for word in words:
        if not word:
            continue
        pos = text.find(word)
        while pos != -1:
            end = pos + len(word)
            if _word_start(text, pos) and not (end < len(text) and (text[end].isalnum() or text[end] in "_-")):
                spans.append((pos, end))
            pos = text.find(word, pos + 1)
    return sorted(spans)


def _word(text: str, tok: tuple[int, int]) -> str:
    return text[tok[0]:tok[1]].strip("’'").casefold()


def _is_designator(word: str, plural: bool = False) -> bool:
    """A designator as written in a name: capitalised, not an all-caps heading word.

    A possessive ("Agency's") and a compound ("Holz-Cluster") count by their head word.
    """
    w = word.strip("’'\"“”„")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    if not w or (w.isupper() and len(w) > 1):
        return False
    folded = w.casefold()
    if "-" in folded and folded not in DESIGNATORS:
        folded = folded.rsplit("-", 1)[1]
    return folded in DESIGNATORS or (plural and folded.rstrip("s") in DESIGNATORS)


def _has_designator(words: list[str], plural: bool = False) -> bool:
    return any(_is_designator(w, plural) for w in words)


_LEAD_OF = re.compile(rf"(?:{trie_regex(w.capitalize() for w in LEAD_DESIGNATORS)}){_SP}(?:of|for){_SP}")


def _split_sequence(text: str, start: int, end: int, is_place=None, covers=None, in_list: bool = False) -> list[tuple[int, int]]:
    """Split "X University and the Y Laboratory" into two names when both halves are names.

    Also when the left half is no part of a shared name: a place ("the Netherlands and
    Water Cluster Lombardy") or, inside a comma list, another item ("Vestas and Odense
    University"); not in "Black Sea and Baltic ICT Network", where both halves are places.
    """
    result, seg_start = [], start
    for p in _AND_SPLIT.finditer(text, start, end):
        left_end, right_start = p.start(), p.end()
        if not _org_span(text, _tokens(text, right_start, end), is_place):
            continue
        left_words = text[seg_start:left_end].split()
        right_first = _tokens(text, right_start, end)[0]
        parallel = (is_place and is_place(*right_first)) or _is_adjective(text[right_first[0]:right_first[1]])
        if (
            _org_span(text, _tokens(text, seg_start, left_end), is_place)
            or text[left_end:right_start].rstrip().endswith(" the")  # "X and the Y Association": two bodies
            or (len(left_words) >= 2 and _LEAD_OF.match(text, right_start))  # "X District and University of Y"
            or (covers and covers(seg_start, left_end) and not parallel)
            or (in_list and len(left_words) <= 3 and not (is_place and is_place(seg_start, left_end))
                and not any(_is_adjective(w) for w in left_words)
                and not _is_adjective(text[right_first[0]:right_first[1]]))
        ):
            result.append((seg_start, left_end))
            seg_start = right_start
    result.append((seg_start, end))
    return result


def _is_noise(raw: str, word: str) -> bool:
    """A sentence word in front of a name: common words, gerunds ("Developing"), not acronyms."""
    if raw.isupper() and len(raw) > 1:
        return False
    return word in LEADING_NOISE or word in CONNECTORS or (len(word) > 5 and word.endswith("ing"))


def _org_span(text: str, tokens: list[tuple[int, int]], is_place=None) -> tuple[int, int] | None:
    """The organisation-name part of a capitalised sequence, or None when it is not one."""
    raw = [text[s:e].strip("’'") for s, e in tokens]
    words = [r.casefold() for r in raw]
    i, j = 0, len(words)
    while i < j and _is_noise(raw[i], words[i]) and not _is_designator(raw[i]):
        i += 1
    while j > i and words[j - 1] in CONNECTORS:
        j -= 1
    possessive = next((k for k in range(i, j - 1) if raw[k].endswith(("'s", "’s"))), None)
    if possessive is not None:
        j = possessive + 1
    first = next((k for k in range(i, j) if _is_designator(raw[k])), None)
    if first is None:
        return None
    # "President of the Board of Directors of the X Cluster", "Days of X Cluster": the name starts
    # after an "of" that follows a role word or that comes before the first designator
    for k in range(i + 1, j - 1):
        if words[k] in ("of", "for") and (words[k - 1] in ROLE_WORDS or words[k - 1] == "directors" or k < first):
            if any(_is_designator(raw[x]) for x in range(k + 1, j)):
                i = k + 1
                while i < j and words[i] in CONNECTORS:
                    i += 1
    ws, rw = words[i:j], raw[i:j]
    of_form = any(_is_designator(rw[k]) and ws[k + 1] in ("of", "for", "за", "на", "de", "für") for k in range(len(ws) - 1))
    if len(ws) < 2 or any(w in NON_ORG_WORDS for w in ws) or (ws[-1] in NON_ORG_HEADS and not of_form):
        return None
    if len(ws) >= 3 and ws[1] == "and" and _camel_or_caps(rw[0]):
        return _org_span(text, tokens[i + 2:j], is_place)  # "CorkBIC and ICT Cluster": two names
    others = [r for r in rw if not _is_designator(r) and r.casefold() not in CONNECTORS]
    if others and all(KNOWN_ORGS.fullmatch(r) for r in others):
        return None  # "EU Cluster (policy)": a known body used as an adjective
    span = (tokens[i][0], tokens[j - 1][1])
    if _is_designator(rw[-1]):
        return span
    k = next(k for k in range(len(ws)) if _is_designator(rw[k]))
    person = next((x for x in range(k + 1, len(rw) - 1) if rw[x] in FIRST_NAMES), None)
    if person is not None:  # "Община Габрово Иван Стоянов": a person's name follows the organisation
        return _org_span(text, tokens[i:i + person], is_place) if person > 1 else None
    rest = ws[k + 1:]
    if rest and (rest[0] in ("of", "for", "за", "на", "de", "für") or rest[0] in ROMANCE_PREPOSITIONS):
        return span
    if k == 0 and ws[0] in LEAD_DESIGNATORS and len(rest) <= 8 and any(w in ROMANCE_PREPOSITIONS for w in rest) \
            and not any(w in ("and", "&", "и") or w in NON_ORG_HEADS for w in rest):
        return span  # "Instituto Tecnológico del Ebro", "Coopérative Agricole du Béarn": the head first, the place last
    if any(w in NON_ORG_HEADS or w in CONNECTORS for w in rest) or len(rest) > 3:
        cut = next((x for x, w in enumerate(rest) if w in ("and", "&", "и")), None)
        if cut and cut <= 3 and not any(w in NON_ORG_HEADS or w in CONNECTORS for w in rest[:cut]):
            return (tokens[i][0], tokens[i + k + cut][1])  # "Fintech Hub LT and the Polish ...": the name before "and"
        return None
    if k == 0 and "-" not in rw[0].strip("-"):  # "Cluster Trakia Economic Zone": only with a place in it or after another designator
        before = text[max(0, tokens[i][0] - 30):tokens[i][0]].split()
        if ws[0] not in LEAD_DESIGNATORS:
            return None
        if not (before and _is_designator(before[-1])) and not (is_place and is_place(tokens[i + 1][0], span[1])):
            return None
    return span


_TITLE_FOLLOWERS = re.compile(r"[^\S\n]+(?:project|projects|programme|program|call|conference|initiative|strategy|label|award)\b", re.IGNORECASE)


_TITLE_WORDS = frozenset({"project", "projects", "programme", "program", "programmes", "programs", "conference"})


def _is_title_text(text: str) -> bool:
    """A quoted title or sentence rather than a name: it holds lowercase words other than connectors."""
    return any(w[:1].islower() and w not in CONNECTORS for w in text.split()[1:])


def _camel_or_caps(word: str) -> bool:
    return word.isupper() or any(c.isupper() for c in word[1:])


def _org_text(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split()).casefold()


def _followed_by_title_word(text: str, end: int) -> bool:
    """ "X project", "X programme": the name of a project, not of an organisation."""
    return bool(_TITLE_FOLLOWERS.match(text, end)) and text[end:end + 1] != "\n"


def _ends_in_title_word(text: str, start: int, end: int) -> bool:
    return text[start:end].rsplit(None, 1)[-1].casefold() in _TITLE_LAST_WORDS


_TITLE_LAST_WORDS = frozenset({"project", "projects", "programme", "program"})
_TITLE_AFTER = re.compile(r"(?<=\S)[^\S\n]+(?:project|projects|programme|program|call|conference|initiative|strategy|label|award)\b")
_SPACE_IN = re.compile(r"[^\S\n]")


def _quote_is_title(text: str, start: int, end: int) -> bool:
    before = re.search(r"([^\W\d_]+)[^\w]*$", text[max(0, start - 30):start])
    after = _TITLE_FOLLOWERS.match(text, end)
    return bool(after) or bool(before and before.group(1).casefold() in _NON_ORG_QUOTE_CONTEXT)


_NON_ORG_QUOTE_CONTEXT = frozenset(_ORGS["non_org_quote_context"])


class _Mask:
    """Which characters of a text some spans cover; O(span) checks instead of scanning all spans."""

    def __init__(self, size: int):
        self.bits = bytearray(size + 1)

    def mark(self, start: int, end: int) -> None:
        self.bits[start:end] = b"\x01" * (end - start)

    def covers(self, start: int, end: int) -> bool:
        return end > start and self.bits.find(0, start, end) == -1

    def touches(self, start: int, end: int) -> bool:
        return self.bits.find(1, start, end) != -1


def _inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


_HONORIFIC_WORD = re.compile(rf"(?:{trie_regex(_PEOPLE['honorifics'])})(?!\w){_SP}")


def _skip_honorifics(text: str, start: int, end: int) -> int:
    m = _HONORIFIC_WORD.match(text, start, end)
    while m:
        start = m.end()
        m = _HONORIFIC_WORD.match(text, start, end)
    return start


def _initials(name: str) -> str:
    """ "Marine Cluster Bulgaria" -> "MCB"; "Клъстер „Мехатроника и автоматизация“" -> "КМА"."""
    letters = []
    for word in re.findall(r"[^\W\d_][\w'’-]*", name):
        if word in CONNECTORS:
            continue
        letters.append(word if word.isupper() and len(word) <= 5 else word[0].upper())
    return "".join(letters)


def _is_adjective(word: str) -> bool:
    """Nationality / region adjectives ("Bulgarian", "European") are no distinctive stem."""
    return bool(re.search(r"(?:ian|ean|ish|ese|ic|al|an)$", word))


def _leading_run(tokens: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The first tokens of a name: title-case words that are not designators, roles or common words."""
    run = []
    for s, e in tokens:
        word = text[s:e].strip("’'")
        if (
            not word[:1].isupper()
            or word.casefold() in LEADING_NOISE
            or word.casefold() in ROLE_WORDS
            or _is_designator(word, plural=True)
            or word.casefold() in NON_ORG_HEADS
            or (word.isupper() and len(word) > 1)
            or "." in word.rstrip(".)")  # "S.r.l.", "S.A.": a legal form, not a surname
            or len(word) == 1 and text[e:e + 1] == "." and text[e + 1:e + 2].isalpha()  # "Vitali S.r.l." cut at "S"
        ):
            break
        run.append((s, s + len(text[s:e].rstrip("’'"))))
    return run


# ---------------------------------------------------------------------------- GPE


def _gpe_spans(text: str) -> list[tuple[int, int]]:
    """GPE spans: the gazetteer's place names, less those inside organisation and programme names."""
    return [(m.start, m.end) for m in gpe_mentions(text)]
