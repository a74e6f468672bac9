"""Stage 6: merge extractor output into a pydantic-validated `Record`.

A value the schema rejects is dropped with a warning rather than losing the record.
"""
from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .document import Document, Extraction
from .record import Record


def assemble(doc: Document, found: Extraction, *, source: dict[str, Any]) -> Record:
    data: dict[str, Any] = {"id": doc.id, "source": source}
    data.update(found.values)
    data["entities"] = _distinct_mentions(doc)
    data["warnings"] = _unique([*doc.warnings, *found.warnings])
    data["evidence"] = {
        pointer: list(span)
        for pointer, span in found.evidence.items()
        if _resolves(data, pointer) and 0 <= span[0] <= span[1] <= len(doc.text)
    }
    for _ in range(50):
        try:
            return Record.model_validate(data)
        except ValidationError as exc:
            error = exc.errors()[0]
            loc = list(error["loc"])
            if not loc or loc[0] in ("id", "source"):
                raise
            _drop(data, loc)
            data["warnings"].append(f"dropped invalid value at /{'/'.join(map(str, loc))}: {error['msg']}")
    return Record.model_validate(data)


def _distinct_mentions(doc: Document) -> list[dict[str, Any]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for m in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
        if (m.text, m.label) in seen:
            continue
        seen.add((m.text, m.label))
        out.append({"text": m.text, "label": m.label, "start": m.start, "end": m.end})
    return out


def _resolves(data: Any, pointer: str) -> bool:
    node = data
    for part in pointer.strip("/").split("/"):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False
    return node is not None


def _drop(data: dict[str, Any], loc: list[Any]) -> None:
    """Remove the value at `loc`: list items are removed, scalars set to None."""
    node: Any = data
    for part in loc[:-1]:
        node = node[part]
    last = loc[-1]
    if isinstance(node, list):
        node.pop(last)
        _drop_evidence(data, loc)
    elif isinstance(node, dict):
        if len(loc) >= 2 and isinstance(data.get(loc[0]), list) and len(loc) == 3:
            # an invalid required sub-key of a list object: drop the whole object
            data[loc[0]].pop(loc[1])
            _drop_evidence(data, loc[:2])
        else:
            node[last] = None
            _drop_evidence(data, loc)


def _drop_evidence(data: dict[str, Any], loc: list[Any]) -> None:
    prefix = "/" + "/".join(map(str, loc))
    data["evidence"] = {
        k: v for k, v in data["evidence"].items() if not (k == prefix or k.startswith(prefix + "/"))
    }
    # indices after a removed list item shift: re-key later siblings
    if isinstance(loc[-1], int):
        parent = "/" + "/".join(map(str, loc[:-1]))
        shifted = {}
        for k, v in data["evidence"].items():
            if k.startswith(parent + "/"):
                rest = k[len(parent) + 1 :].split("/", 1)
                if rest[0].isdigit() and int(rest[0]) > loc[-1]:
                    k = f"{parent}/{int(rest[0]) - 1}" + (f"/{rest[1]}" if len(rest) > 1 else "")
            shifted[k] = v
        data["evidence"] = shifted


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
