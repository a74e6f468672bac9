"""Is every extracted value found where its evidence says (contract section 4)?

A string is grounded when its normalised form (contract 5.1) lies inside the normalised
span text; a date or a number may be written in any form ("10 October, 2012" grounds
"2012-10-10", "six months" grounds 6); a country code is grounded by a name of that country.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from .dates import find_dates
from .scoring import normalise
from .text_utils import find_numbers

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")
_CODE = re.compile(r"^[A-Z]{2}$")


def value_at(record: dict[str, Any], pointer: str) -> Any:
    node: Any = record
    for part in pointer.strip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def ungrounded(record: dict[str, Any], text: str) -> Iterator[str]:
    """Pointers of evidence entries whose span does not contain their value."""
    for pointer, (start, end) in record.get("evidence", {}).items():
        try:
            value = value_at(record, pointer)
        except (KeyError, IndexError, ValueError, TypeError):
            yield pointer
            continue
        if not grounded(value, text[start:end]):
            yield pointer


def grounded(value: Any, span_text: str) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int):
        numbers = {n for _, _, n in find_numbers(span_text)}
        return value in numbers or (value % 12 == 0 and value // 12 in numbers)
    if not isinstance(value, str):
        return False
    if _ISO_DATE.match(value) and _date_in(value, span_text):
        return True
    if _CODE.match(value) and _country_in(value, span_text):
        return True
    needle = normalise(value)
    return bool(needle) and needle in normalise(span_text)


def _date_in(value: str, span_text: str) -> bool:
    month_day = tuple(int(x) for x in value.split("-")[1:]) if value.count("-") == 2 else None
    for match in find_dates(span_text):
        if value in (match.value, match.end_value):
            return True
        if match.kind == "daymonth" and month_day == (match.month, match.day):
            return True
    return False


def _country_in(code: str, span_text: str) -> bool:
    try:
        from .gazetteer import find_places
    except ImportError:
        return code in span_text
    return any(place.code == code for place in find_places(span_text)) or code in span_text
