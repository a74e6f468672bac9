"""Stage 2, cleaning: HTML / Markdown / text to plain lines, page chrome removed.

Returns the cleaned text (what evidence offsets point into) and structure hints
(which lines are headings) that the section splitter uses.

The output keeps block structure as lines: a blank line between blocks (paragraphs,
lists, tables, headings), list items as "• item" (or "1. item"), label/value table rows
and definition lists as "Label: value" / "Label:" + value lines, table rows of a data
table as "cell | cell". Page chrome (navigation, share buttons, cookie banners,
breadcrumbs, "Printer-friendly version", "61% completed", ...) is removed: HTML elements
by tag / role / class / id, and text lines that are nothing but chrome, from the lists in
`data/chrome.toml`. Text is otherwise kept as written: no case or spelling changes.

Everything here is linear in the input size: the HTML tree is walked with an explicit
stack (no recursion, so 10,000-deep nesting is fine) and every regular expression avoids
nested quantifiers and unbounded scans across delimiters.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .ingest import NO_TEXT, InputError, Page
from .text_utils import trie_regex


@dataclass(slots=True)
class Cleaned:
    text: str
    headings: dict[int, int] = field(default_factory=dict)  # line number -> heading level


Entry = tuple[str, int]  # (line text, heading level or 0); "" is a blank line

BULLET = "• "


def clean(page: Page) -> Cleaned:
    """Clean a decoded page; InputError(no_text) when nothing readable is left."""
    if page.format == "html":
        entries = html_lines(page.text)
    elif page.format == "markdown":
        entries = markdown_lines(page.text)
    else:
        entries = [(line, 0) for line in page.text.split("\n")]
    cleaned = finish(entries)
    if not any(ch.isalnum() for ch in cleaned.text):
        what = {"html": "HTML page", "markdown": "Markdown page"}.get(page.format, "page")
        raise InputError(f"{what} has no text outside scripts, styles, markup and page chrome", NO_TEXT)
    return cleaned


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class _Chrome:
    phrases: re.Pattern  # a line made of chrome phrases only
    phrase_heads: frozenset[str]  # first characters of every phrase: a cheap pre-check
    patterns: re.Pattern  # whole-line chrome patterns, one alternation
    crumb_start: re.Pattern  # "You are here...", "Home > ..."
    crumb_weak: re.Pattern  # "Home / A / B", "Home | A | B"
    strong_separators: tuple[str, ...]
    max_breadcrumb: int
    drop_tags: frozenset[str]
    drop_structural: frozenset[str]
    drop_in_form: frozenset[str]
    drop_roles: frozenset[str]
    drop_words: frozenset[str]
    drop_substrings: tuple[str, ...]
    max_chrome_chars: int
    wrapper_min_chars: int


_HEAD = 4


@lru_cache(maxsize=1)
def chrome_data() -> _Chrome:
    with resources.files("profile_extract.data").joinpath("chrome.toml").open("rb") as fh:
        data = tomllib.load(fh)
    phrases = {_key(p) for p in data["phrases"]} - {""}
    # a line made of one or more phrases, glued or separated; the atomic group and possessive
    # quantifiers keep the match linear (no backtracking into a matched phrase)
    phrase_re = re.compile(r"(?:(?>" + trie_regex(phrases) + r")[\s|/·•,;]*+)++", re.IGNORECASE)
    seps = data["breadcrumb_separators"]
    strong = [s for s in seps if s in (">", "»", "›", "→")]
    weak = [s for s in seps if s not in strong]
    roots = trie_regex(r.casefold() for r in data["breadcrumb_roots"])
    prefixes = trie_regex(p.casefold() for p in data["breadcrumb_prefixes"])
    crumb_start = re.compile(
        rf"(?:{prefixes})(?:$|[ :>»›/|])|(?:{roots}) ?(?:{trie_regex(strong)}) ?\S", re.IGNORECASE
    )
    # weak separators need three segments and spaces around them: "Home / News / Article"
    crumb_weak = re.compile(
        rf"(?:{roots}) (?P<sep>{trie_regex(weak)}) [^\n]{{1,120}}? (?P=sep) \S", re.IGNORECASE
    )
    html = data["html"]
    return _Chrome(
        phrases=phrase_re,
        phrase_heads=frozenset(p[:_HEAD] for p in phrases),
        patterns=re.compile("|".join(f"(?:{p})" for p in data["patterns"]), re.IGNORECASE),
        crumb_start=crumb_start,
        crumb_weak=crumb_weak,
        strong_separators=tuple(f" {s} " for s in strong),
        max_breadcrumb=int(data.get("breadcrumb_max_chars", 300)),
        drop_tags=frozenset(html["drop_tags"]),
        drop_structural=frozenset(html["drop_structural"]),
        drop_in_form=frozenset(html["drop_in_form"]),
        drop_roles=frozenset(html["drop_roles"]),
        drop_words=frozenset(html["drop_words"]),
        drop_substrings=tuple(html["drop_substrings"]),
        max_chrome_chars=int(html["max_chrome_chars"]),
        wrapper_min_chars=int(html["wrapper_min_chars"]),
    )


# --------------------------------------------------------------------------- lines & chrome

_SPACE_CHARS = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_DELETE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u180e"
# character-class regexes, not str.translate: translate looks every character up in a dict, which is slow on non-ASCII lines
_ODD_SPACE = re.compile("[" + re.escape(_SPACE_CHARS) + "\r\n]")
_INVISIBLE = re.compile("[" + re.escape(_DELETE_CHARS) + "]")
_SPACES = re.compile(r" {2,}")
_DOT_LEADER = re.compile(r"(?<=[^\s.:])[ \t]*\.{4,}[ \t]*(?=\S)")
_COLUMN_TAB = re.compile(r"(?<=[^\s|])(?:[ ]*\t[\t ]*| {3,})(?=[^\s|])")
_DECOR = " »›→←‹«|·•<>×+*#–—-.…!"
_BULLETED = re.compile(r"(?:[•·▪◦‣●○■□►▸➢✓✔*\-–—]|\d{1,3}[.)])\s")
_MAX_CHROME_LINE = 1000


def normalise_line(line: str) -> str:
    """Collapse white space inside a line (NBSP, ...), drop zero-width characters, strip. A tab between two
    words separates columns ("Members<TAB>43", "Name<TAB>Role"), so it becomes " | " like a table's bar."""
    if "\t" in line or "   " in line:  # a tab or a wide gap between words separates columns
        line = _COLUMN_TAB.sub(" | ", line)
    if "...." in line:  # "Legal form ........ non-profit association": dot leaders stand for a colon
        line = _DOT_LEADER.sub(": ", line)
    if _ODD_SPACE.search(line):
        line = _ODD_SPACE.sub(" ", line)
    if not line.isascii() and _INVISIBLE.search(line):
        line = _INVISIBLE.sub("", line)
    if "  " in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


def _key(line: str) -> str:
    return normalise_line(line).casefold().strip(_DECOR)


@lru_cache(maxsize=8192)
def is_chrome(line: str) -> bool:
    """True for a whole line that is page chrome (navigation, buttons, breadcrumbs, progress)."""
    if not line or len(line) > _MAX_CHROME_LINE or _BULLETED.match(line):
        return False
    data = chrome_data()
    key = line.casefold().strip(_DECOR)
    if not key:
        return not any(ch.isalnum() for ch in line) and len(line) <= 3 and line not in ("-", "*")
    if len(key) <= 200 and key[:_HEAD] in data.phrase_heads and data.phrases.fullmatch(key):
        return True
    if is_breadcrumb(line):
        return True
    return data.patterns.fullmatch(key) is not None


def is_breadcrumb(line: str) -> bool:
    """ "Home > Cluster Organisations > X", "Home » News", "You are here: ...", "A > B > C"."""
    data = chrome_data()
    if len(line) > data.max_breadcrumb:
        return False
    key = line.strip()
    if data.crumb_start.match(key) or data.crumb_weak.match(key):
        return True
    for sep in data.strong_separators:
        if sep in key:
            parts = key.split(sep)
            if len(parts) >= 3 and all(0 < len(p.strip()) <= 80 for p in parts) and not key.endswith("."):
                return True
    return False


def finish(entries: list[Entry]) -> Cleaned:
    """Normalise lines, drop chrome lines, collapse blank runs; keep heading levels aligned."""
    lines: list[str] = []
    headings: dict[int, int] = {}
    blank = False
    for text, level in entries:
        line = normalise_line(text)
        if not line:
            blank = bool(lines)
            continue
        if is_chrome(line):
            continue
        if blank:
            lines.append("")
            blank = False
        if level:
            headings[len(lines)] = level
        lines.append(line)
    return Cleaned(text="\n".join(lines), headings=headings)


# --------------------------------------------------------------------------- Markdown

_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)|!\[[^\[\]\n]*\]\[[^\[\]\n]*\]")
_MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_STRONG_STAR = re.compile(r"\*\*(?=[^\s*])([^*\n]+)(?<=[^\s*])\*\*")
_MD_STRONG_UNDER = re.compile(r"(?<!\w)__(?=[^\s_])([^_\n]+)(?<=[^\s_])__(?!\w)")
_MD_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+)(?<=[^\s*])\*(?![\w*])")
_MD_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+)(?<=[^\s_])_(?![\w_])")
_MD_STRIKE = re.compile(r"~~(?=\S)([^~\n]+)(?<=\S)~~")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_HTML_TAG = re.compile(
    r"</?(?:b|i|u|em|strong|span|a|sup|sub|small|font|mark|del|ins|abbr|code|p|div)(?:\s[^<>\n]{0,300})?>|<br\s*/?>",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_MD_LIST = re.compile(r"([-*+])[ \t]+(?=\S)")
_MD_NUMBERED = re.compile(r"\d{1,9}[.)][ \t]+(?=\S)")
_MD_REF_DEF = re.compile(r" {0,3}\[[^\[\]\n]{1,200}\]:[ \t]*\S+")
_MD_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


_ESCAPABLE = "\\`*_{}[]()#+-.!|>~"
_PROTECT_BASE = 0xE000  # escaped characters hide in the private use area while markup is parsed
_UNPROTECT = {_PROTECT_BASE + ord(c): c for c in _ESCAPABLE}


def _md_inline(text: str) -> str:
    escaped = "\\" in text
    if escaped:
        text = _MD_ESCAPE.sub(lambda m: chr(_PROTECT_BASE + ord(m.group(1))), text)
    if "[" in text:
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_REF_LINK.sub(r"\1", text)
    if "<" in text:
        text = _MD_AUTOLINK.sub(r"\1", text)
        text = _MD_HTML_TAG.sub(" ", text)
    if "`" in text:
        text = _MD_CODE.sub(r"\1", text)
    if "*" in text:
        text = _MD_STRONG_STAR.sub(r"\1", text)
        text = _MD_EM_STAR.sub(r"\1", text)
    if "_" in text:
        text = _MD_STRONG_UNDER.sub(r"\1", text)
        text = _MD_EM_UNDER.sub(r"\1", text)
    if "~~" in text:
        text = _MD_STRIKE.sub(r"\1", text)
    if escaped:
        text = text.translate(_UNPROTECT)
    return text


def _rule_chars(stripped: str) -> str:
    """The character of a thematic break / setext underline ("---", "* * *", "==="), else ""."""
    compact = stripped.replace(" ", "").replace("\t", "")
    if len(compact) >= 3 and compact[0] in "-*_=" and compact.count(compact[0]) == len(compact):
        return compact[0]
    return ""


def _is_table_separator(stripped: str) -> bool:
    if "-" not in stripped or "|" not in stripped:
        return False
    return not stripped.translate({ord(c): None for c in "|-: \t"})


def _md_cells(stripped: str) -> list[str]:
    inner = stripped
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [_md_inline(c.strip()) for c in inner.replace("\\|", "\x00").split("|")]


def markdown_lines(text: str) -> list[Entry]:
    out: list[Entry] = []
    fence = ""
    table = False  # inside a table after its separator row
    table_header_empty = False
    previous_kind = "blank"  # kind of the previous source line: blank | para | other
    for raw in text.split("\n"):
        stripped = raw.strip()
        if fence:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
                out.append(("", 0))
            else:
                out.append((raw, 0))  # code is kept as text
            continue
        m = _MD_FENCE.match(raw)
        if m:
            fence = m.group(1)
            out.append(("", 0))
            previous_kind = "other"
            continue
        if not stripped:
            out.append(("", 0))
            table = False
            previous_kind = "blank"
            continue
        rule = _rule_chars(stripped)
        if rule in "=-" and rule and previous_kind == "para" and out and out[-1][0]:
            out[-1] = (out[-1][0], 1 if rule == "=" else 2)  # setext heading
            out.append(("", 0))
            previous_kind = "other"
            continue
        if rule and rule != "=":
            out.append(("", 0))  # thematic break
            previous_kind = "blank"
            continue
        if _is_table_separator(stripped):
            if previous_kind == "para" and out and "|" in out[-1][0]:
                cells = [c for c in out.pop()[0].split(" | ")]
                table_header_empty = not any(c.strip() for c in cells)
                if not table_header_empty:
                    out.append((" | ".join(c for c in cells if c.strip()), 0))
            table = True
            previous_kind = "other"
            continue
        if table and "|" in stripped:
            cells = _md_cells(stripped)
            out.extend((line, 0) for line in row_lines(cells, header=False, label_value=table_header_empty))
            continue
        table = False
        if stripped.startswith("<!--") and stripped.endswith("-->"):
            continue
        if _MD_REF_DEF.match(raw):
            continue
        m = _MD_HEADING.match(raw)
        if m:
            title = raw[m.end():].rstrip()
            closed = title.rstrip("#")
            if not closed or closed.endswith((" ", "\t")):
                title = closed.rstrip()
            out.append(("", 0))
            out.append((_md_inline(title), len(m.group(1))))
            out.append(("", 0))
            previous_kind = "other"
            continue
        while stripped.startswith(">"):
            stripped = stripped[1:].lstrip()
        if not stripped:
            out.append(("", 0))
            previous_kind = "blank"
            continue
        m = _MD_LIST.match(stripped)
        if m:
            out.append((BULLET + _md_inline(stripped[m.end():]), 0))
            previous_kind = "other"
            continue
        if _MD_NUMBERED.match(stripped):
            out.append((_md_inline(stripped), 0))
            previous_kind = "other"
            continue
        if "|" in stripped and stripped.startswith("|"):
            # a table row before its separator: keep the raw cells for the header check
            out.append((" | ".join(_md_cells(stripped)), 0))
            previous_kind = "para"
            continue
        out.append((_md_inline(stripped), 0))
        previous_kind = "para"
    return out


# --------------------------------------------------------------------------- tables (shared)

_SENTENCE_END = (".", "!", "?", ";", ",")


def _label_like(cell: str) -> bool:
    return 0 < len(cell) <= 150 and any(ch.isalpha() for ch in cell) and not cell.endswith(_SENTENCE_END)


def row_lines(cells: list[str] | list[list[str]], *, header: bool, label_value: bool) -> list[str]:
    """The cleaned line(s) of one table row.

    `cells` are strings or lists of lines. A two-cell row of a label/value table becomes
    "Label: value" (or "Label:" and the value's lines); other rows "cell | cell".
    """
    cell_lines = [[c] if isinstance(c, str) else [x for x in c if x.strip()] for c in cells]
    cell_lines = [[x.strip() for x in c if x.strip()] for c in cell_lines]
    filled = [c for c in cell_lines if c]
    if not filled:
        return []
    if label_value and not header and len(cell_lines) == 2 and cell_lines[0] and len(cell_lines[0]) == 1:
        label = cell_lines[0][0].rstrip(": \u00a0").rstrip()
        value = cell_lines[1]
        if _label_like(cell_lines[0][0]) and label:
            if not value:
                return [f"{label}:"]
            if len(value) == 1 and len(label) <= 80:
                return [f"{label}: {value[0]}"]
            return [f"{label}:", *value]
    if len(filled) == 1:
        return filled[0]
    return [" | ".join("; ".join(c) for c in filled)]


# --------------------------------------------------------------------------- HTML

_HARD_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 ul ol dl table blockquote pre section article header footer main aside figure "
    "figcaption form fieldset address hr details center".split()
)
_SOFT_BLOCKS = frozenset("div li dt dd tr caption legend summary body html td th tbody thead tfoot".split())
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_NEVER_DROP = frozenset(("html", "body", "main", "article"))
_WORDS = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class _Sink:
    """Collects lines; a table cell has its own sink."""

    __slots__ = ("entries", "parts", "marker")

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.parts: list[str] = []
        self.marker = ""

    def flush(self, level: int = 0) -> None:
        text = "".join(self.parts)
        self.parts.clear()
        if text.strip():
            if self.marker:
                text = self.marker + text.strip()
                self.marker = ""
            self.entries.append((text, level))

    def blank(self) -> None:
        self.flush()
        if self.entries and self.entries[-1][0]:
            self.entries.append(("", 0))

    def lines(self) -> list[str]:
        self.flush()
        return [normalise_line(t) for t, _ in self.entries if normalise_line(t)]


class _HtmlConverter:
    def __init__(self, chrome: _Chrome) -> None:
        self.chrome = chrome
        self.sinks = [_Sink()]
        self.heading = 0  # level of the heading being read, 0 outside headings
        self.compact = 0  # inside li / dt / dd / cells: block breaks are single line breaks
        self.pre = 0
        self.form = 0
        self.lists: list[list[int]] = []  # per open ul/ol: [next number] or [] for bullets
        self.tables: list[dict] = []
        self.last_br = False
        self.sizes: dict[int, int] | None = None
        self.total = 0

    @property
    def sink(self) -> _Sink:
        return self.sinks[-1]

    # ---- breaks
    def soft(self) -> None:
        if self.heading:
            self.sink.parts.append(" ")
        else:
            self.sink.flush()

    def hard(self) -> None:
        if self.heading:
            self.sink.parts.append(" ")
        elif self.compact or len(self.sinks) > 1:
            self.sink.flush()
        else:
            self.sink.blank()

    # ---- events
    def text(self, s: str) -> None:
        if self.pre:
            pieces = s.split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    self.sink.flush()
                self.sink.parts.append(piece)
        else:
            self.sink.parts.append(s.replace("\n", " ").replace("\r", " "))
        if s.strip():
            self.last_br = False

    def enter(self, tag) -> None:
        name = tag.name
        if name == "br":
            if self.heading:
                self.sink.parts.append(" ")
            elif self.last_br and not "".join(self.sink.parts).strip():
                self.hard()
            else:
                self.sink.flush()
            self.last_br = True
            return
        self.last_br = False
        if name in _HEADINGS:
            self.hard()
            if not self.heading:
                self.sink.flush()
                self.heading = _HEADINGS[name]
            return
        if name == "form":
            self.form += 1
        if name == "pre":
            self.pre += 1
        if name in ("ul", "ol", "menu"):
            self.hard()
            start = tag.get("start")
            self.lists.append([int(start) if isinstance(start, str) and start.isdigit() else 1] if name == "ol" else [])
            return
        if name == "li":
            self.sink.flush()
            self.compact += 1
            counter = self.lists[-1] if self.lists else []
            if counter:
                self.sink.marker = f"{counter[0]}. "
                counter[0] += 1
            else:
                self.sink.marker = BULLET
            return
        if name in ("dt", "dd"):
            self.sink.flush()
            self.compact += 1
            return
        if name == "table":
            self.hard()
            self.tables.append({"rows": 0, "header": False})
            return
        if name == "tr":
            self.sink.flush()
            if not self.tables:
                self.tables.append({"rows": 0, "header": False, "implicit": True})
            self.tables[-1]["cells"] = []
            self.tables[-1]["th"] = 0
            self.tables[-1]["in_thead"] = tag.find_parent("thead") is not None if self.tables[-1]["rows"] == 0 else False
            return
        if name in ("td", "th"):
            if self.tables and "cells" in self.tables[-1]:
                self.sinks.append(_Sink())
                self.compact += 1
                if name == "th":
                    self.tables[-1]["th"] += 1
            else:
                self.sink.flush()
            return
        if name in _HARD_BLOCKS:
            self.hard()
        elif name in _SOFT_BLOCKS:
            self.soft()

    def leave(self, tag) -> None:
        name = tag.name
        if name in _HEADINGS:
            if self.heading == _HEADINGS[name]:
                level = self.heading
                self.heading = 0
                self.sink.flush(level if len(self.sinks) == 1 else 0)
                self.hard()
            return
        if name == "form":
            self.form -= 1
        if name == "pre":
            self.pre -= 1
        if name in ("ul", "ol", "menu"):
            if self.lists:
                self.lists.pop()
            self.hard()
            return
        if name == "li" or name == "dd":
            self.sink.flush()
            self.sink.marker = ""
            self.compact -= 1
            return
        if name == "dt":
            text = "".join(self.sink.parts).strip()
            if text and not text.endswith(":"):
                self.sink.parts.append(":")
            self.sink.flush()
            self.compact -= 1
            return
        if name in ("td", "th"):
            if len(self.sinks) > 1 and self.tables and "cells" in self.tables[-1]:
                cell = self.sinks.pop()
                self.compact -= 1
                self.tables[-1]["cells"].append(cell.lines())
            else:
                self.sink.flush()
            return
        if name == "tr":
            if self.tables and "cells" in self.tables[-1]:
                table = self.tables[-1]
                cells = table.pop("cells")
                header = bool(cells) and (table.get("in_thead") or (table["rows"] == 0 and table["th"] == len(cells) >= 2))
                if table["rows"] == 0 and header:
                    table["header"] = True
                table["rows"] += 1
                self.sink.flush()
                for line in row_lines(cells, header=header, label_value=not table["header"]):
                    self.sink.entries.append((line, 0))
                if table.get("implicit"):
                    self.tables.pop()
            return
        if name == "table":
            if self.tables:
                self.tables.pop()
            self.hard()
            return
        if name in _HARD_BLOCKS:
            self.hard()
        elif name in _SOFT_BLOCKS:
            self.soft()

    # ---- what to drop
    def dropped(self, tag) -> bool:
        name = tag.name
        chrome = self.chrome
        if name in chrome.drop_tags:
            return True
        if self.form and name in chrome.drop_in_form:
            return True
        attrs = tag.attrs
        if not attrs and name not in chrome.drop_structural:
            return False
        if name in _NEVER_DROP:
            return False
        if "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
            return True
        style = attrs.get("style")
        if isinstance(style, str) and _HIDDEN_STYLE.search(style[:500]):
            return True
        candidate = name in chrome.drop_structural
        if not candidate:
            role = attrs.get("role")
            if isinstance(role, str) and role.lower().strip() in chrome.drop_roles:
                candidate = True
        if not candidate:
            values = []
            for key in ("class", "id", "aria-label"):
                value = attrs.get(key)
                if isinstance(value, list):
                    values.append(" ".join(value))
                elif isinstance(value, str):
                    values.append(value)
            joined = " ".join(values).lower()[:1000]
            if joined:
                if any(s in joined for s in chrome.drop_substrings):
                    candidate = True
                elif not chrome.drop_words.isdisjoint(_WORDS.split(joined)):
                    candidate = True
        if not candidate:
            return False
        size = self._size(tag)
        if size > chrome.max_chrome_chars:
            return False
        return size <= chrome.wrapper_min_chars or size * 2 <= self.total

    def _size(self, tag) -> int:
        if self.sizes is None:
            self.sizes = _text_sizes(self.root)
            self.total = self.sizes.get(id(self.root), 0)
        return self.sizes.get(id(tag), 0)


def _skip_string_types():
    from bs4 import element

    names = ("Comment", "Declaration", "Doctype", "ProcessingInstruction", "CData", "Script", "Stylesheet", "TemplateString")
    return tuple(getattr(element, n) for n in names if hasattr(element, n))


def _text_sizes(root) -> dict[int, int]:
    """Characters of visible text under each element (post-order, iterative)."""
    from bs4 import NavigableString, Tag

    skip = _skip_string_types()
    sizes: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            total = 0
            for child in node.contents:
                if isinstance(child, Tag):
                    total += sizes.get(id(child), 0)
                elif isinstance(child, NavigableString) and not isinstance(child, skip):
                    total += len(child.strip())
            sizes[id(node)] = total
            continue
        stack.append((node, True))
        for child in node.contents:
            if isinstance(child, Tag) and child.name not in ("script", "style"):
                stack.append((child, False))
    return sizes


def html_lines(text: str) -> list[Entry]:
    """HTML to line entries, walking the tree with an explicit stack (no recursion)."""
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(text, "lxml")
    converter = _HtmlConverter(chrome_data())
    converter.root = soup
    skip = _skip_string_types()
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            converter.leave(node)
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, skip):
                converter.text(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        if node is not soup and converter.dropped(node):
            continue
        converter.enter(node)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    while len(converter.sinks) > 1:  # unclosed cells cannot happen with lxml, but be safe
        lines = converter.sinks.pop().lines()
        converter.sink.entries.extend((line, 0) for line in lines)
    converter.sink.flush()
    return converter.sink.entries
