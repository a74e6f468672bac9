"""Stage 1, ingest: read an input file's bytes, reject what is not a readable page,
detect its format, text encoding and language."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class InputError(Exception):
    """An input that cannot become a record; `reason` is shown in errors.jsonl."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class Page:
    text: str
    format: str  # "text" | "markdown" | "html"
    encoding: str


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size} bytes, over the size limit of {max_bytes} bytes")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc


def decode(raw: bytes, path: str = "") -> Page:
    if not raw.strip():
        raise InputError("empty file")
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Page(text=text, format=detect_format(text, path), encoding=encoding)


_HTML = re.compile(r"<(html|body|div|p|h[1-6]|ul|table|!doctype)\b", re.I)
_MARKDOWN = re.compile(r"^(#{1,6} |\s*[-*] |\*\*)", re.M)


def detect_format(text: str, path: str = "") -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm") or _HTML.search(text[:4096]):
        return "html"
    if suffix == ".md" or _MARKDOWN.search(text):
        return "markdown"
    return "text"


def detect_language(text: str) -> str | None:
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return None
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    return "bg" if cyrillic > len(letters) / 2 else "en"
