"""Stage 1, ingest: read an input file's bytes, reject what is not a readable page,
detect its format, text encoding and language.

Rejections raise `InputError` with a human `reason` (shown in errors.jsonl) and a short
machine `code`: `empty`, `binary`, `too_large`, `encoding`, `no_text`, `unreadable`.

Encoding detection, in order: byte-order marks (UTF-32, UTF-8, UTF-16), binary magic
numbers and control bytes, UTF-16/32 without a BOM (NUL pattern), strict UTF-8, a
charset declared by an HTML meta tag or XML declaration, then scored 8-bit candidates
(cp1251, cp1252, cp1250, latin-1): the decoding whose letters form plausible words wins.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

# machine codes of InputError
EMPTY, BINARY, TOO_LARGE, ENCODING, NO_TEXT, UNREADABLE = (
    "empty",
    "binary",
    "too_large",
    "encoding",
    "no_text",
    "unreadable",
)
CODES = (EMPTY, BINARY, TOO_LARGE, ENCODING, NO_TEXT, UNREADABLE)


class InputError(Exception):
    """An input that cannot become a record; `reason` is shown in errors.jsonl, `code` is short."""

    def __init__(self, reason: str, code: str = "invalid"):
        super().__init__(reason)
        self.reason = reason
        self.code = code

    def __reduce__(self):  # picklable across worker processes, with its code
        return (type(self), (self.reason, self.code))


@dataclass(slots=True)
class Page:
    text: str
    format: str  # "text" | "markdown" | "html"
    encoding: str


# --------------------------------------------------------------------------- reading


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes; InputError(unreadable | too_large) when it cannot or must not be read."""
    path = Path(path)
    try:
        st = os.stat(path)  # follows symlinks: a broken one raises FileNotFoundError
    except FileNotFoundError as exc:
        if os.path.islink(path):
            raise InputError("cannot read file: broken symbolic link", UNREADABLE) from exc
        raise InputError("cannot read file: no such file", UNREADABLE) from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", UNREADABLE) from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError("cannot read file: it is a directory", UNREADABLE)
    if not stat.S_ISREG(st.st_mode):
        raise InputError("cannot read file: not a regular file", UNREADABLE)
    if st.st_size > max_bytes:
        raise InputError(f"file is {st.st_size} bytes, over the size limit of {max_bytes} bytes", TOO_LARGE)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except PermissionError as exc:
        raise InputError("cannot read file: permission denied", UNREADABLE) from exc
    except IsADirectoryError as exc:
        raise InputError("cannot read file: it is a directory", UNREADABLE) from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", UNREADABLE) from exc
    if len(raw) > max_bytes:  # grew after stat
        raise InputError(f"file is over the size limit of {max_bytes} bytes", TOO_LARGE)
    return raw


# --------------------------------------------------------------------------- decoding

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (doc/xls)"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"OggS", "Ogg media"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"\xca\xfe\xba\xbe", "Java class file"),
)
_RIFF_KINDS = (b"WEBP", b"WAVE", b"AVI ")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 control bytes that do not occur in text (tab, LF, VT, FF, CR, ESC excluded)
_CONTROL_BYTES = bytes([b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)]) + b"\x7f"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_LINE_BREAK_CHAR = re.compile(r"[\r\x0b\x0c\x85\u2028\u2029]")  # a one-class scan: far cheaper than trying the sub

_DECLARED = (
    re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I),
    re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]{1,40})", re.I),
)
# WHATWG: browsers decode these labels as windows-1252
_DECLARED_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}

_EIGHT_BIT = ("cp1251", "cp1252", "cp1250", "latin-1")
_MIN_PLAUSIBILITY = 0.8


def decode(raw: bytes, path: str = "") -> Page:
    """Decode an input's bytes to text with normalised newlines; raise InputError if it is no text."""
    if not raw:
        raise InputError("empty file (0 bytes)", EMPTY)
    text, encoding = _decode_text(raw)
    text = normalise_text(text)
    if not text.strip():
        raise InputError("file contains only white space", EMPTY)
    if not any(ch.isalnum() for ch in text):
        raise InputError("file contains no letters or digits", NO_TEXT)
    return Page(text=text, format=detect_format(text, path), encoding=encoding)


def normalise_text(text: str) -> str:
    """Newlines to "\\n", stray control characters removed, Unicode NFC."""
    if _LINE_BREAK_CHAR.search(text):
        text = _LINE_BREAKS.sub("\n", text)
    if _CONTROL_CHARS.search(text):
        text = _CONTROL_CHARS.sub("", text)
    return unicodedata.normalize("NFC", text)


def _decode_text(raw: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding), encoding + " (BOM)"
            except UnicodeDecodeError as exc:
                raise InputError(f"bytes are not valid {encoding} despite its byte-order mark", ENCODING) from exc
    kind = _binary_kind(raw)
    if kind:
        raise InputError(f"binary file ({kind}), not a text page", BINARY)
    if b"\x00" in raw:
        found = _wide_unicode(raw)
        if found:
            return found
        raise InputError("binary file (contains NUL bytes), not a text page", BINARY)
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    if controls > max(2, len(raw) // 50):
        raise InputError(f"binary file ({controls} control bytes in {len(raw)}), not a text page", BINARY)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        return mostly, "utf-8 (invalid bytes replaced)"
    declared = _declared_charset(raw)
    if declared:
        try:
            text = raw.decode(declared)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and plausibility(text) >= _MIN_PLAUSIBILITY:
            return text, declared + " (declared)"
    best: tuple[tuple[float, float, int], str, str] | None = None
    for rank, encoding in enumerate(_EIGHT_BIT):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        # near-ties (cp1250 vs cp1252 share most letters): the decoding whose accented letters
        # belong to the detected language wins ("ő" for Hungarian, not "õ"); then the order above
        key = (round(score, 2), _letter_fit(text) if score >= _MIN_PLAUSIBILITY else 0.0, -rank)
        if best is None or key > best[0]:
            best = (key, encoding, text)
    if best is None or best[0][0] < _MIN_PLAUSIBILITY:
        score = 0.0 if best is None else best[0][0]
        raise InputError(
            f"undecodable bytes: not UTF-8, and no 8-bit encoding gives plausible text (best score {score:.2f})",
            ENCODING,
        )
    return best[2], best[1]


def _letter_fit(text: str) -> float:
    """Share of the text's accented letters that are characteristic of its detected language."""
    sample = text[:50000]
    code = detect_language(sample)
    if code is None:
        return 0.0
    letters = set()
    for lang in _language_tables()[1]:
        if lang.code == code:
            letters |= lang.letters
    accented = [c for c in sample.lower() if c.isalpha() and not c.isascii()]
    if not accented:
        return 0.0
    return round(sum(c in letters for c in accented) / len(accented), 2)


def _binary_kind(raw: bytes) -> str | None:
    head = raw[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and raw[8:12] in _RIFF_KINDS:
        return "RIFF media"
    return None


def _wide_unicode(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 without a byte-order mark, recognised by its NUL pattern and readable result."""
    sample = raw[:65536]
    candidates = []
    if len(raw) % 4 == 0 and sample.count(b"\x00") >= len(sample) // 2:
        candidates += ["utf-32-le", "utf-32-be"]
    if len(raw) % 2 == 0:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        candidates += ["utf-16-le", "utf-16-be"] if odd_nuls >= even_nuls else ["utf-16-be", "utf-16-le"]
    for encoding in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _readable_ratio(text) >= 0.95 and plausibility(text) >= _MIN_PLAUSIBILITY:
            return text, encoding + " (no BOM)"
    return None


def _readable_ratio(text: str) -> float:
    """Share of characters from European scripts, common punctuation and white space."""
    if not text:
        return 0.0
    ok = 0
    for ch in text[:20000]:
        o = ord(ch)
        if (
            0x20 <= o < 0x7F
            or ch in "\n\t\r"
            or 0xA0 <= o < 0x250  # Latin-1 supplement, Latin extended A/B
            or 0x370 <= o < 0x530  # Greek, Cyrillic
            or 0x1E00 <= o < 0x1F00
            or 0x2000 <= o < 0x2190  # punctuation, currency, letterlike
        ):
            ok += 1
    return ok / min(len(text), 20000)


def _mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few corrupt bytes (a truncated or spliced scrape): decode with replacements."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    if bad and multibyte >= 20 * bad and bad <= max(1, len(text) // 1000):
        return text
    return None


def _declared_charset(raw: bytes) -> str | None:
    head = raw[:4096]
    for pattern in _DECLARED:
        m = pattern.search(head)
        if m:
            label = m.group(1).decode("ascii", "ignore").lower()
            label = _DECLARED_ALIASES.get(label, label)
            try:
                return codecs.lookup(label).name
            except LookupError:
                return None
    return None


_TOKEN = re.compile(r"[^\s!-/:-@\[-`{-~]+")
_EDGE_PUNCT = "“”„«»‘’‚‹›–—…•·°€£§№\"'()[]{}"
_ODD_LETTERS = frozenset("ÐðÞþªºµ¹²³¼½¾")


def _script(ch: str) -> str:
    o = ord(ch)
    if o < 0x250 or 0x1E00 <= o < 0x1F00:
        return "latin"
    if 0x400 <= o < 0x530:
        return "cyrillic"
    if 0x370 <= o < 0x400 or 0x1F00 <= o < 0x2000:
        return "greek"
    return "other"


def plausibility(text: str, limit: int = 200_000) -> float:
    """How much a decoding reads like real text, 0..1.

    Only words with non-ASCII characters are judged: a plausible word has letters of one
    script, no symbols inside, and (in Latin script) mostly ASCII letters with a few
    accented ones; "Áúëãàðèÿ" (cp1251 Bulgarian read as Latin-1) is implausible, and so is
    a Cyrillic letter inside a Latin word ("fьr": German read as cp1251).
    """
    sample = text[:limit]
    good = bad = 0.0
    controls = len(_CONTROL_CHARS.findall(sample)) + sample.count("\ufffd")
    for m in _TOKEN.finditer(sample):
        token = m.group().strip(_EDGE_PUNCT)
        if not token or token.isascii():
            continue
        letters = [c for c in token if c.isalpha()]
        symbols = len(token) - len(letters) - sum(c.isdigit() for c in token)
        scripts = {_script(c) for c in letters}
        if not letters:
            continue
        if symbols or len(scripts) > 1 or "other" in scripts:
            bad += 1
            continue
        if "latin" in scripts:
            accented = sum(1 for c in letters if not c.isascii())
            odd = sum(1 for c in letters if c in _ODD_LETTERS)
            if odd or (len(letters) >= 3 and accented * 2 > len(letters)):
                bad += 1
                continue
        good += 1
    bad += controls * 2
    if good + bad == 0:
        return 1.0
    return good / (good + bad)


# --------------------------------------------------------------------------- format

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[^>]{0,2000}-->\s*){0,5}<(?:!doctype\s+html|html[\s>])", re.I)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|h[1-6]|ul|ol|li|dl|dt|dd|table|tr|td|th|tbody|thead|br|hr|meta|link|script|style|"
    r"section|article|main|header|footer|nav|aside|strong|em|b|i|img|form|label|input|button|iframe|title|blockquote|pre|figure)"
    r"(?:\s[^<>]{0,500})?/?>",
    re.I,
)
# (pattern, weight per hit, most hits counted, strings one of which must occur for a hit: a cheap
# pre-test, since each anchored pattern otherwise costs a pass over the page): Markdown when the sum reaches 2
_MD_MARKERS = (
    (re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M), 2.0, 1, ("#",)),  # ATX heading
    (re.compile(r"^ {0,3}(?:```|~~~)", re.M), 2.0, 1, ("```", "~~~")),  # code fence
    (re.compile(r"!?\[[^\[\]\n]{1,300}\]\((?:https?://|/|#|mailto:)[^()\s]{0,500}\)"), 2.0, 1, ("](",)),  # link / image
    (re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|", re.M), 2.0, 1, ("---",)),  # table separator row
    (re.compile(r"\*\*[^*\n]{1,200}\*\*|__[^_\n]{1,200}__"), 1.0, 2, ("**", "__")),  # strong emphasis
    (re.compile(r"^[^\n]{1,200}\n(?:={3,}|-{3,})[ \t]*$", re.M), 1.0, 2, ("\n===", "\n---")),  # setext heading
    (re.compile(r"^ {0,3}[-*+][ \t]+\S", re.M), 0.25, 4, ("-", "*", "+")),  # list item (also common in plain text)
    (re.compile(r"^ {0,3}>[ \t]?\S", re.M), 0.5, 2, (">",)),  # block quote
)
_MD_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def detect_format(text: str, path: str = "") -> str:
    """"html" for .html/.htm or HTML markup, "markdown" for .md or Markdown markers, else "text"."""
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    head = text[:65536]
    if _HTML_START.match(head):
        return "html"
    if suffix in _MD_SUFFIXES:
        return "markdown"
    tags = 0
    for _ in _HTML_TAG.finditer(head):
        tags += 1
        if tags >= 3:
            return "html"
    score = 0.0
    for pattern, weight, cap, needles in _MD_MARKERS:
        if not any(needle in head for needle in needles):
            continue
        hits = 0
        for _ in pattern.finditer(head):
            hits += 1
            if hits >= cap:
                break
        score += weight * hits
        if score >= 2.0:
            return "markdown"
    return "text"


# --------------------------------------------------------------------------- language


@dataclass(frozen=True, slots=True)
class _Lang:
    code: str
    script: str
    stopwords: frozenset[str]
    letters: frozenset[str]
    markers: frozenset[str]


@lru_cache(maxsize=1)
def _language_tables() -> tuple[dict, tuple[_Lang, ...]]:
    with resources.files("profile_extract.data").joinpath("ingest_languages.toml").open("rb") as fh:
        data = tomllib.load(fh)
    langs = tuple(
        _Lang(
            entry.get("code", key),
            entry["script"],
            frozenset(entry["stopwords"]),
            frozenset(entry.get("letters", ())),
            frozenset(entry.get("markers", ())),
        )
        for key, entry in data["lang"].items()
    )
    settings = {k: v for k, v in data.items() if k != "lang"}
    return settings, langs


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's main language from script ratios and stopwords; None if unsure."""
    settings, langs = _language_tables()
    sample = text[:50000]
    every = Counter(map(str.lower, _WORD.findall(sample)))  # counted once: the loops below run per distinct word
    letters = sum(len(w) * n for w, n in every.items())
    if letters < settings["min_letters"] or every.total() < settings["min_words"]:
        return None
    by_script = {"latin": 0, "cyrillic": 0, "greek": 0, "other": 0}
    first_script = {w: "latin" if w.isascii() else _script(w[0]) for w in every}
    for w, n in every.items():
        by_script[first_script[w]] += len(w) * n
    script = max(by_script, key=by_script.get)
    if script == "other":
        return None
    counts = {w: n for w, n in every.items() if first_script[w] == script}
    words = set(counts)  # a set, so each language's word lists are intersected from their smaller side
    chars: dict[str, int] = {}
    for w, n in counts.items():
        if not w.isascii():
            for ch in w:
                if not ch.isascii():
                    chars[ch] = chars.get(ch, 0) + n
    script_words = sum(counts.values())
    # a handful of function words is needed: otherwise the language is one we do not cover;
    # characteristic letters only rank the languages that have them
    needed = max(2.0, 0.05 * script_words)
    best_code, best_score = None, 0.0
    for lang in langs:
        if lang.script != script:
            continue
        hits = sum(counts[w] for w in lang.stopwords & words)
        hits += settings["marker_weight"] * sum(counts[w] for w in lang.markers & words)
        if hits < needed:
            continue
        score = hits + settings["letter_weight"] * sum(chars[ch] for ch in lang.letters.intersection(chars))
        if score > best_score:
            best_code, best_score = lang.code, score
    if script == "greek" and best_code is None:
        return "el"
    return best_code
