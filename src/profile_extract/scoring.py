"""Scoring of a record against a gold file: contract section 5, and nothing else.

Pure functions over plain dicts (as loaded from JSON), so the pipeline, the CLI, the
review pages and the dev scripts all score the same way.

Readings of the contract that it leaves open, fixed here:

* Similarities (5.2, 5.6, 5.7) are computed on the normalised strings (5.1 says
  normalisation comes "before any comparison"); rapidfuzz itself does no case folding.
* "dates and codes exactly": dates, country codes, member counts and
  `duration_months` compare exactly; a project `code` compares equal after 5.1
  normalisation, never fuzzily (two grant numbers one digit apart are different).
  `acronym` is a string (5.2); for *pairing* projects it must be equal after 5.1.
* Pairing is greedy, best similarity first; ties go to the earlier gold item, then the
  earlier prediction, so results are deterministic.
* F1 is 2TP / (2TP + FP + FN); a field with no TP, FP or FN at all has P = R = F1 = 1.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from rapidfuzz import fuzz

from .record import MEMBER_KEYS, STRING_LIST_KEYS

MATCH_THRESHOLD = 90  # 5.2 token_sort_ratio
EVENT_TITLE_THRESHOLD = 50  # 5.6 token_set_ratio
PERSON_ATTRIBUTE_THRESHOLD = 80  # 5.7 token_set_ratio

PROJECT_SCALAR_KEYS = ("start", "end", "duration_months", "code", "acronym", "programme")
EVENT_SCALAR_KEYS = ("end_date", "location")
PERSON_SCALAR_KEYS = ("role", "organisation")

FIELDS: tuple[str, ...] = (
    "name", "country", "region", "city", "established",
    *(f"members.{k}" for k in MEMBER_KEYS),
    *STRING_LIST_KEYS,
    "target_countries",
    "projects", *(f"projects.{k}" for k in PROJECT_SCALAR_KEYS), "projects.partners",
    "events", *(f"events.{k}" for k in EVENT_SCALAR_KEYS),
    "people", *(f"people.{k}" for k in PERSON_SCALAR_KEYS),
    "entities",
)
HEADLINE = "fields micro-F1"
ENTITIES = "entities"

# ---------------------------------------------------------------- 5.1 / 5.2 strings

_PLAIN = str.maketrans({
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
})
_SPACE = re.compile(r"\s+")


def _is_edge_junk(ch: str) -> bool:
    """Quotes, brackets and other punctuation (Unicode category P*) or white space."""
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def _strip_edges(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return text[start:end]


def plain(text: str) -> str:
    """NFKC with curly quotes and dashes made plain (the case-preserving part of 5.1)."""
    return unicodedata.normalize("NFKC", text).translate(_PLAIN)


def normalise(text: str) -> str:
    """Contract 5.1: NFKC, casefold, plain quotes/dashes, trim punctuation, collapse space, drop "the "."""
    text = plain(text).casefold()
    text = _strip_edges(_SPACE.sub(" ", text))
    if text.startswith("the "):
        text = _strip_edges(text[4:])
    return text


def similarity(a: str, b: str) -> float:
    """5.2 similarity, 0..100: 100 when equal after normalisation, else token_sort_ratio of the normalised forms."""
    na, nb = normalise(a), normalise(b)
    return 100.0 if na == nb else fuzz.token_sort_ratio(na, nb)


def strings_match(a: str, b: str) -> bool:
    """Contract 5.2."""
    return similarity(a, b) >= MATCH_THRESHOLD


def _set_similarity(a: str, b: str) -> float:
    na, nb = normalise(a), normalise(b)
    return 100.0 if na == nb else fuzz.token_set_ratio(na, nb)


def _exact(a: Any, b: Any) -> bool:
    return a == b


def _same_code(a: str, b: str) -> bool:
    return normalise(a) == normalise(b)


def _person_attribute_match(a: str, b: str) -> bool:
    return _set_similarity(a, b) >= PERSON_ATTRIBUTE_THRESHOLD


# ---------------------------------------------------------------- counts


@dataclass
class Counts:
    """One field's TP/FP/FN in one document, with the values behind the FN (missed) and FP (spurious)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[Any] = field(default_factory=list)
    spurious: list[Any] = field(default_factory=list)

    def add_missed(self, value: Any) -> None:
        self.fn += 1
        self.missed.append(value)

    def add_spurious(self, value: Any) -> None:
        self.fp += 1
        self.spurious.append(value)


@dataclass(frozen=True)
class FieldScore:
    """Summed counts of one field (or of the headline) and the figures derived from them (5.9)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0

    @property
    def empty(self) -> bool:
        return not (self.tp or self.fp or self.fn)

    def __iter__(self):  # (tp, fp, fn, precision, recall, f1), so it unpacks like a tuple
        return iter((self.tp, self.fp, self.fn, self.precision, self.recall, self.f1))

    def as_dict(self) -> dict[str, float | int]:
        return dict(zip(("tp", "fp", "fn", "precision", "recall", "f1"), self))


def _sum(counts: Iterable[Counts | FieldScore]) -> FieldScore:
    tp = fp = fn = 0
    for c in counts:
        tp, fp, fn = tp + c.tp, fp + c.fp, fn + c.fn
    return FieldScore(tp, fp, fn)


@dataclass
class DocScore:
    """Every field's counts for one document."""

    fields: dict[str, Counts]
    doc_id: str | None = None
    has_prediction: bool = True

    @property
    def micro(self) -> FieldScore:
        return _sum(c for name, c in self.fields.items() if name != ENTITIES)

    @property
    def entities(self) -> FieldScore:
        return _sum([self.fields[ENTITIES]])

    def describe(self) -> list[str]:
        """One compact line per field with missed or spurious values."""
        lines = []
        for name, counts in self.fields.items():
            if counts.missed:
                lines.append(f"{name}: missed {', '.join(map(display_value, counts.missed))}")
            if counts.spurious:
                lines.append(f"{name}: spurious {', '.join(map(display_value, counts.spurious))}")
        return lines


@dataclass
class CorpusScore:
    """Summed scores over documents (5.9)."""

    fields: dict[str, FieldScore]
    micro: FieldScore
    entities: FieldScore
    documents: list[DocScore]
    unscored: list[str] = field(default_factory=list)

    @property
    def micro_f1(self) -> float:
        return self.micro.f1

    @property
    def entities_f1(self) -> float:
        return self.entities.f1


def display_value(value: Any) -> str:
    """A short human form of a missed/spurious value (projects, events and people by their main string)."""
    if isinstance(value, dict):
        if "of" in value:
            return f"{display_value(value['value'])} (of {value['of']})"
        if "date" in value and "title" in value:
            return f"{value['date']} {value['title']!r}"
        if "label" in value and "text" in value:
            return f"{value['text']!r}/{value['label']}"
        return repr(value.get("name"))
    return "null" if value is None else repr(value)


# ---------------------------------------------------------------- 5.3 scalars


def _score_scalar(counts: Counts, gold: Any, pred: Any, same: Callable[[Any, Any], bool], of: str | None = None) -> None:
    """5.3: both null -> nothing; equal -> TP; different -> FP+FN; only one set -> FP or FN."""
    def tagged(value):
        return value if of is None else {"of": of, "value": value}

    if gold is None and pred is None:
        return
    if gold is not None and pred is not None and same(gold, pred):
        counts.tp += 1
        return
    if pred is not None:
        counts.add_spurious(tagged(pred))
    if gold is not None:
        counts.add_missed(tagged(gold))


# ---------------------------------------------------------------- 5.4 pairing


def pair_greedy(n_gold: int, n_pred: int, score: Callable[[int, int], Any | None]) -> list[tuple[int, int]]:
    """One-to-one pairs, best score first; `score(g, p)` returns None for a pair that may not pair.

    Ties go to the lower gold index, then the lower prediction index.
    """
    candidates = []
    for g in range(n_gold):
        for p in range(n_pred):
            s = score(g, p)
            if s is not None:
                candidates.append((s, g, p))
    candidates.sort(key=lambda c: (_negate(c[0]), c[1], c[2]))
    used_gold, used_pred, pairs = set(), set(), []
    for _, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs


def _negate(score: Any) -> Any:
    return tuple(-s for s in score) if isinstance(score, tuple) else -score


def _score_list(counts: Counts, gold: Sequence[Any], pred: Sequence[Any],
                score: Callable[[Any, Any], Any | None], of: str | None = None) -> list[tuple[int, int]]:
    """5.4: TP = pairs, FP = unpaired predictions, FN = unpaired gold items; returns the pairs."""
    pairs = pair_greedy(len(gold), len(pred), lambda g, p: score(gold[g], pred[p]))
    counts.tp += len(pairs)
    paired_gold, paired_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    for i, item in enumerate(gold):
        if i not in paired_gold:
            counts.add_missed(item if of is None else {"of": of, "value": item})
    for i, item in enumerate(pred):
        if i not in paired_pred:
            counts.add_spurious(item if of is None else {"of": of, "value": item})
    return pairs


def _string_pair_score(a: str, b: str) -> float | None:
    s = similarity(a, b)
    return s if s >= MATCH_THRESHOLD else None


def _code_pair_score(a: str, b: str) -> int | None:
    return 1 if a == b else None


# ---------------------------------------------------------------- 5.5 - 5.7 objects


def _optional_equal(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and _same_code(a, b)


def _project_pair_score(gold: dict, pred: dict) -> tuple[float, float] | None:
    """5.5: names match, or acronyms equal, or codes equal; stronger evidence ranks first."""
    name_similarity = similarity(gold.get("name") or "", pred.get("name") or "")
    same_id = _optional_equal(gold.get("code"), pred.get("code")) or _optional_equal(gold.get("acronym"), pred.get("acronym"))
    if not same_id and name_similarity < MATCH_THRESHOLD:
        return None
    return (100.0 if same_id else name_similarity, name_similarity)


def _event_pair_score(gold: dict, pred: dict) -> float | None:
    """5.6: same date and title token_set_ratio >= 50."""
    if gold.get("date") != pred.get("date"):
        return None
    s = _set_similarity(gold.get("title") or "", pred.get("title") or "")
    return s if s >= EVENT_TITLE_THRESHOLD else None


def _person_pair_score(gold: dict, pred: dict) -> float | None:
    return _string_pair_score(gold.get("name") or "", pred.get("name") or "")


_PROJECT_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "start": _exact, "end": _exact, "duration_months": _exact,
    "code": _same_code, "acronym": strings_match, "programme": strings_match,
}
_EVENT_COMPARE: dict[str, Callable[[Any, Any], bool]] = {"end_date": _exact, "location": strings_match}
_PERSON_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "role": _person_attribute_match, "organisation": _person_attribute_match,
}


def _score_objects(fields: dict[str, Counts], key: str, gold: list[dict], pred: list[dict],
                   pair_score: Callable[[dict, dict], Any | None], compare: dict[str, Callable[[Any, Any], bool]],
                   label: Callable[[dict], str], list_keys: Sequence[str] = ()) -> None:
    """Pair objects (5.5-5.7), then score the sub-fields of pairs only."""
    for g, p in _score_list(fields[key], gold, pred, pair_score):
        of = label(gold[g])
        for sub, same in compare.items():
            _score_scalar(fields[f"{key}.{sub}"], gold[g].get(sub), pred[p].get(sub), same, of)
        for sub in list_keys:
            _score_list(fields[f"{key}.{sub}"], gold[g].get(sub) or [], pred[p].get(sub) or [], _string_pair_score, of)


# ---------------------------------------------------------------- documents


def _entity_set(entities: Iterable[dict]) -> set[tuple[str, str]]:
    return {(normalise(e["text"]), e["label"]) for e in entities}


def score_document(gold: dict, pred: dict | None, doc_id: str | None = None) -> DocScore:
    """Score one prediction against its gold file; `pred=None` (no record) scores as an empty record."""
    has_prediction = pred is not None
    pred = pred or {}
    fields = {name: Counts() for name in FIELDS}

    _score_scalar(fields["name"], gold.get("name"), pred.get("name"), strings_match)
    _score_scalar(fields["country"], gold.get("country"), pred.get("country"), _exact)
    _score_scalar(fields["region"], gold.get("region"), pred.get("region"), strings_match)
    _score_scalar(fields["city"], gold.get("city"), pred.get("city"), strings_match)
    _score_scalar(fields["established"], gold.get("established"), pred.get("established"), _exact)
    gold_members, pred_members = gold.get("members") or {}, pred.get("members") or {}
    for key in MEMBER_KEYS:
        _score_scalar(fields[f"members.{key}"], gold_members.get(key), pred_members.get(key), _exact)

    for key in STRING_LIST_KEYS:
        _score_list(fields[key], gold.get(key) or [], pred.get(key) or [], _string_pair_score)
    _score_list(fields["target_countries"], gold.get("target_countries") or [], pred.get("target_countries") or [],
                _code_pair_score)

    _score_objects(fields, "projects", gold.get("projects") or [], pred.get("projects") or [],
                   _project_pair_score, _PROJECT_COMPARE, lambda o: o.get("name") or "", list_keys=("partners",))
    _score_objects(fields, "events", gold.get("events") or [], pred.get("events") or [],
                   _event_pair_score, _EVENT_COMPARE, lambda o: f"{o.get('date')} {o.get('title')}")
    _score_objects(fields, "people", gold.get("people") or [], pred.get("people") or [],
                   _person_pair_score, _PERSON_COMPARE, lambda o: o.get("name") or "")

    gold_entities, pred_entities = _entity_set(gold.get("entities") or []), _entity_set(pred.get("entities") or [])
    entities = fields[ENTITIES]
    entities.tp = len(gold_entities & pred_entities)
    for text, label in sorted(gold_entities - pred_entities):
        entities.add_missed({"text": text, "label": label})
    for text, label in sorted(pred_entities - gold_entities):
        entities.add_spurious({"text": text, "label": label})

    return DocScore(fields=fields, doc_id=doc_id, has_prediction=has_prediction)


def score_corpus(documents: Iterable[DocScore | tuple[dict, dict | None]], unscored: Iterable[str] = ()) -> CorpusScore:
    """Sum per-document scores (5.9); items may be DocScores or (gold, pred) pairs."""
    docs = [d if isinstance(d, DocScore) else score_document(*d) for d in documents]
    fields = {name: _sum(d.fields[name] for d in docs) for name in FIELDS}
    micro = _sum(score for name, score in fields.items() if name != ENTITIES)
    return CorpusScore(fields=fields, micro=micro, entities=fields[ENTITIES], documents=docs,
                       unscored=sorted(unscored))
