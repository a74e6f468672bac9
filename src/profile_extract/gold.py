"""`profile-extract gold draft | check`: start gold files from records, and keep them honest.

A gold file labels what the text says (contract section 2), so `check` insists that every
string in it can be found in the raw page, besides the contract's keys, types, dates and codes.
"""
from __future__ import annotations

import html
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from pydantic import ValidationError

from .atomic import write_text
from .record import MEMBER_KEYS, SCORED_KEYS, STRING_LIST_KEYS, GoldRecord
from .evaluation import json_files
from .scoring import plain

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# ISO 3166-1 alpha-2, officially assigned codes, plus XK (Kosovo), the code the EU uses.
COUNTRY_CODES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT
JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM
PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK
""".split())

_PROJECT_STRINGS = ("name", "acronym", "code", "programme")
_EVENT_STRINGS = ("title", "location")
_PERSON_STRINGS = ("name", "role", "organisation")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------- draft


def draft_gold(record: dict[str, Any]) -> dict[str, Any]:
    """The scored keys of a record, in contract order, entities reduced to distinct {text, label}."""
    data = {key: record.get(key) for key in SCORED_KEYS if key in record}
    entities, seen = [], set()
    for entity in record.get("entities") or []:
        key = (entity["text"], entity["label"])
        if key not in seen:
            seen.add(key)
            entities.append({"text": entity["text"], "label": entity["label"]})
    data["entities"] = entities
    return GoldRecord.model_validate(data).model_dump(mode="json")


def _draft(args) -> int:
    status = EXIT_OK
    for doc_id in args.ids:
        source, target = args.pred / f"{doc_id}.json", args.gold / f"{doc_id}.json"
        if target.exists() and not args.overwrite:
            print(f"{target}: exists; not overwritten (use --overwrite)", file=sys.stderr)
            status = EXIT_FAILED
            continue
        try:
            gold = draft_gold(json.loads(source.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:  # pydantic's ValidationError is a ValueError
            print(f"{source}: cannot draft from this record: {exc}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        write_text(target, json.dumps(gold, ensure_ascii=False, indent=2) + "\n")
        print(f"wrote {target}: correct it against the raw page, then run `profile-extract gold check {doc_id}`")
    return status


# ---------------------------------------------------------------- check


def _pointer(loc: tuple) -> str:
    return "/" + "/".join(str(part) for part in loc)


def _searchable(text: str) -> str:
    """Raw or gold text made comparable: HTML entities decoded, NFKC, plain quotes/dashes, single spaces."""
    return _SPACE.sub(" ", plain(html.unescape(text))).strip()


def _words(text: str) -> str:
    """Casefolded words only, space-padded: "Istanbul, Turkey" -> " istanbul turkey "."""
    return f" {' '.join(_WORD.findall(text.casefold()))} "


class RawText:
    """A raw page, searchable for gold strings.

    A value is found when it occurs after light normalisation, or case-insensitively, or as
    the same run of whole words with punctuation ignored (the contract's "City, Country"
    location is written "Istanbul Turkey" or "Istanbul (Turkey)" in pages).
    """

    def __init__(self, text: str):
        self.text = _searchable(text)
        self.folded = self.text.casefold()
        self.words = _words(self.text)

    def contains(self, value: str) -> bool:
        needle = _searchable(value)
        if needle in self.text or needle.casefold() in self.folded:
            return True
        words = _words(needle)
        return bool(words.strip()) and words in self.words


def gold_strings(gold: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(JSON pointer, value) of every string in a gold file that must appear in the raw text."""
    for key in ("name", "region", "city"):
        if gold.get(key) is not None:
            yield f"/{key}", gold[key]
    for key in STRING_LIST_KEYS:
        for i, item in enumerate(gold.get(key) or []):
            yield f"/{key}/{i}", item
    for key, subkeys in (("projects", _PROJECT_STRINGS), ("events", _EVENT_STRINGS), ("people", _PERSON_STRINGS)):
        for i, obj in enumerate(gold.get(key) or []):
            for sub in subkeys:
                if obj.get(sub) is not None:
                    yield f"/{key}/{i}/{sub}", obj[sub]
            if key == "projects":
                for j, partner in enumerate(obj.get("partners") or []):
                    yield f"/projects/{i}/partners/{j}", partner
    for i, entity in enumerate(gold.get("entities") or []):
        yield f"/entities/{i}/text", entity["text"]


def _dates(gold: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if gold.get("established"):
        yield "/established", gold["established"]
    for i, project in enumerate(gold.get("projects") or []):
        for key in ("start", "end"):
            if project.get(key):
                yield f"/projects/{i}/{key}", project[key]
    for i, event in enumerate(gold.get("events") or []):
        for key in ("date", "end_date"):
            if event.get(key):
                yield f"/events/{i}/{key}", event[key]


def _is_calendar_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    except ValueError:
        return False
    return True


def check_gold(data: Any, raw: RawText | None) -> list[str]:
    """Problems of one gold file, each as '<pointer>: <what is wrong>'; raw=None skips the text check."""
    if not isinstance(data, dict):
        return ["/: not a JSON object"]
    problems = [f"/{key}: missing key" for key in SCORED_KEYS if key not in data]
    if isinstance(data.get("members"), dict):
        problems += [f"/members/{key}: missing key" for key in MEMBER_KEYS if key not in data["members"]]
    try:
        gold = GoldRecord.model_validate(data).model_dump(mode="json")
    except ValidationError as exc:
        return problems + [f"{_pointer(err['loc'])}: {err['msg']}" for err in exc.errors()]
    problems += [f"{ptr}: {value!r} is not a calendar date" for ptr, value in _dates(gold) if not _is_calendar_date(value)]
    codes = [("/country", gold["country"])] if gold["country"] else []
    codes += [(f"/target_countries/{i}", code) for i, code in enumerate(gold["target_countries"])]
    problems += [f"{ptr}: {code!r} is not an ISO 3166-1 alpha-2 code" for ptr, code in codes if code not in COUNTRY_CODES]
    seen = set()
    for i, entity in enumerate(gold["entities"]):
        key = (entity["text"], entity["label"])
        if key in seen:
            problems.append(f"/entities/{i}: duplicate entity {entity['text']!r}/{entity['label']}")
        seen.add(key)
    if raw is not None:
        problems += [f"{ptr}: {value!r} not found in raw text" for ptr, value in gold_strings(gold) if not raw.contains(value)]
    return problems


def find_raw(raw_dir: Path, doc_id: str) -> Path | None:
    """raw/<id>.<any extension> (the first in name order if there are several)."""
    folder, stem = (raw_dir / doc_id).parent, Path(doc_id).name
    if not folder.is_dir():
        return None
    matches = sorted(p for p in folder.iterdir() if p.stem == stem and p.suffix and p.is_file())
    return matches[0] if matches else None


def _check(args) -> int:
    if not args.gold.is_dir():
        print(f"error: gold folder not found: {args.gold}", file=sys.stderr)
        return EXIT_USAGE
    ids = args.ids or list(json_files(args.gold))
    problems = []
    for doc_id in ids:
        path = args.gold / f"{doc_id}.json"
        problems += [f"{path}: {problem}" for problem in _check_file(path, args.raw, doc_id)]
    for problem in problems:
        print(problem)
    print(f"{len(ids)} gold file(s) checked, {len(problems)} problem(s)", file=sys.stderr)
    return EXIT_FAILED if problems else EXIT_OK


def _check_file(path: Path, raw_dir: Path, doc_id: str) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ["no such gold file"]
    except (OSError, ValueError) as exc:
        return [f"not readable JSON: {exc}"]
    raw_path = find_raw(raw_dir, doc_id)
    if raw_path is None:
        return [f"no raw file {raw_dir}/{doc_id}.*"] + check_gold(data, None)
    raw = RawText(raw_path.read_bytes().decode("utf-8", errors="replace"))
    return check_gold(data, raw)


def main_gold(args) -> int:
    """CLI entry for `gold draft` and `gold check`."""
    return {"draft": _draft, "check": _check}[args.gold_command](args)
