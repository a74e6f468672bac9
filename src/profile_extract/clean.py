"""Stage 2, cleaning: HTML / Markdown / text to plain lines, page chrome removed.

Returns the cleaned text (what evidence offsets point into) and structure hints
(which lines are headings) that the section splitter uses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .ingest import Page


@dataclass(slots=True)
class Cleaned:
    text: str
    headings: dict[int, int] = field(default_factory=dict)  # line number -> heading level


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def clean(page: Page) -> Cleaned:
    lines: list[str] = []
    headings: dict[int, int] = {}
    for raw_line in page.text.split("\n"):
        line = raw_line.rstrip()
        if page.format == "markdown":
            m = _MD_HEADING.match(line)
            if m:
                headings[len(lines)] = len(m.group(1))
                line = m.group(2)
            line = line.replace("**", "")
        lines.append(line)
    text = "\n".join(lines)
    return Cleaned(text=text, headings=headings)
