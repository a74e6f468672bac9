"""`profile-extract review`: self-contained HTML pages to eyeball extractions against their source text.

Each page shows the cleaned text with every extracted value highlighted at its evidence
span, the record beside it and, when a gold file exists, what scoring counts as missed and
spurious. Pages carry their own CSS and JS (no network) and check themselves on load: every
highlight must cover exactly the text its evidence points at (`body[data-selfcheck]`).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from .atomic import write_text
from .evaluation import json_files
from .grounding import value_at
from .scoring import DocScore, display_value, score_corpus, score_document

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# field family -> colour; the family of a pointer is its first segment, grouped here
FAMILIES = {
    "name": ("#ffd166", ("name", "aliases")),
    "place": ("#9be7a2", ("country", "region", "city", "target_countries")),
    "date": ("#f4a6a6", ("established",)),
    "members": ("#a0c4ff", ("members",)),
    "topics": ("#caffbf", ("sectors", "technology_fields", "s3_priority_areas", "emerging_industries", "services")),
    "affiliations": ("#ffc6ff", ("labels", "networks", "partner_clusters")),
    "projects": ("#fdffb6", ("projects",)),
    "events": ("#ffadad", ("events",)),
    "people": ("#bdb2ff", ("people",)),
    "entities": ("#888888", ("entities",)),
}
_FAMILY_OF_KEY = {key: family for family, (_, keys) in FAMILIES.items() for key in keys}


@dataclass(frozen=True, eq=False)  # compared by identity: two pointers may share a span
class Span:
    pointer: str
    start: int
    end: int
    value: Any
    order: int  # input order, to keep equal spans stable

    @property
    def family(self) -> str:
        return _FAMILY_OF_KEY.get(self.pointer.strip("/").split("/")[0], "other")

    def title(self) -> str:
        return f"{self.pointer} = {json.dumps(self.value, ensure_ascii=False)}"


def record_spans(record: dict[str, Any], text_length: int) -> tuple[list[Span], list[str]]:
    """Highlightable spans (evidence, plus entity offsets not already in evidence) and problems with the rest."""
    located = dict(record.get("evidence") or {})
    for i, entity in enumerate(record.get("entities") or []):
        located.setdefault(f"/entities/{i}", (entity.get("start"), entity.get("end")))
    spans, problems = [], []
    for order, (pointer, bounds) in enumerate(sorted(located.items())):
        try:
            start, end = (int(b) for b in bounds)
            value = value_at(record, pointer)
            if pointer.startswith("/entities/"):
                value = {"text": value["text"], "label": value["label"]}
        except (KeyError, IndexError, ValueError, TypeError):
            problems.append(f"{pointer}: evidence does not point at a value or has no valid span")
            continue
        if not 0 <= start < end <= text_length:
            problems.append(f"{pointer}: span [{start}, {end}] is outside the text (length {text_length})")
            continue
        spans.append(Span(pointer, start, end, value, order))
    return spans, problems


# ---------------------------------------------------------------- highlighting


def _text(chunk: str) -> str:
    """Escaped text whose DOM text is exactly `chunk` (a literal CR would be turned into LF by the parser)."""
    return escape(chunk, quote=False).replace("\r", "&#13;")


def _open_tag(span: Span, fragment_start: int) -> str:
    return (
        f'<mark class="hl f-{span.family}" data-pointer="{escape(span.pointer)}" data-start="{span.start}"'
        f' data-end="{span.end}" data-fragment-start="{fragment_start}" title="{escape(span.title())}">'
    )


def highlight(text: str, spans: list[Span]) -> str:
    """The text as HTML with a <mark> per span; nested spans nest, and a span crossing another
    is cut into fragments (all carrying its data-start/-end), so the HTML stays well formed and
    the fragments of one pointer together cover exactly text[start:end]."""
    starts: dict[int, list[Span]] = {}
    ends: dict[int, list[Span]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span)
        ends.setdefault(span.end, []).append(span)
    boundaries = sorted({0, len(text), *starts, *ends})
    out: list[str] = []
    stack: list[Span] = []
    for i, pos in enumerate(boundaries):
        closing = set(ends.get(pos, ()))
        if closing:
            # close down to the deepest closing span, then reopen the ones that continue
            depth = min(j for j, s in enumerate(stack) if s in closing)
            reopen = [s for s in stack[depth:] if s not in closing]
            out.append("</mark>" * (len(stack) - depth))
            del stack[depth:]
            for span in reopen:
                out.append(_open_tag(span, pos))
                stack.append(span)
        for span in sorted(starts.get(pos, ()), key=lambda s: (-s.end, s.order)):
            out.append(_open_tag(span, pos))
            stack.append(span)
        if i + 1 < len(boundaries):
            out.append(_text(text[pos:boundaries[i + 1]]))
    out.append("</mark>" * len(stack))
    return "".join(out)


# ---------------------------------------------------------------- pages

_CSS = """
body{font:14px/1.5 system-ui,sans-serif;margin:0;color:#222}
header{padding:8px 16px;background:#f4f4f4;border-bottom:1px solid #ddd}
header h1{font-size:18px;margin:0 0 4px}
.cols{display:flex;gap:16px;padding:16px;align-items:flex-start}
.cols>section{flex:1;min-width:0}
#text{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:13px;border:1px solid #ddd;padding:8px}
pre{white-space:pre-wrap;font-size:12px;background:#fafafa;border:1px solid #ddd;padding:8px;overflow:auto}
.hl{border-radius:2px;padding:1px 0;cursor:help;color:inherit}
.hl .hl{border-bottom:2px solid rgba(0,0,0,.45)}
.f-entities{background:none;border-bottom:2px dotted #555}
.legend label{margin-right:10px;white-space:nowrap}
.legend span{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle;margin-right:3px}
.problems{color:#a00}
.missed{color:#a00}.spurious{color:#a60}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}
#selfcheck-failed{display:none;background:#fdd;padding:4px 16px}
body[data-selfcheck=fail] #selfcheck-failed{display:block}
""" + "".join(f".f-{family}{{background:{colour}}}.hide-{family} .f-{family}{{background:none;border:0}}"
              for family, (colour, _) in FAMILIES.items() if family != "entities") + \
    ".hide-entities .f-entities{border:0}"

# Recorded first, so errors in any later script are caught.
_ERROR_SCRIPT = """window.__errors=[];window.addEventListener('error',function(e){window.__errors.push(String(e.message))});"""

# Checks every highlight against the text it claims (code points, as Python counts offsets),
# then writes the verdict into <body data-selfcheck=ok|fail data-errors=...>.
_CHECK_SCRIPT = """
(function(){
  var body=document.body;
  try{
    var text=Array.from(document.getElementById('text').textContent);
    var groups={},marks=document.querySelectorAll('#text mark.hl');
    marks.forEach(function(el){
      var g=groups[el.dataset.pointer]||(groups[el.dataset.pointer]={start:+el.dataset.start,end:+el.dataset.end,parts:[]});
      g.parts.push(el.textContent);
    });
    var bad=Object.keys(groups).filter(function(k){var g=groups[k];return g.parts.join('')!==text.slice(g.start,g.end).join('');});
    body.setAttribute('data-checked',String(Object.keys(groups).length));
    body.setAttribute('data-selfcheck',bad.length?'fail':'ok');
    if(bad.length){document.getElementById('selfcheck-failed').textContent='highlights not matching their text: '+bad.join(', ');}
    document.querySelectorAll('.legend input').forEach(function(box){
      box.addEventListener('change',function(){body.classList.toggle('hide-'+box.value,!box.checked);});
    });
  }catch(e){window.__errors.push(String(e));}
  body.setAttribute('data-errors',String(window.__errors.length));
  if(window.__errors.length){body.setAttribute('data-error-messages',window.__errors.join(' | '));}
})();
"""


def _page(title: str, body: str, script: str = "") -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title><style>{_CSS}</style><script>{_ERROR_SCRIPT}</script></head>\n"
        f"<body>{body}<script>{script}</script></body></html>\n"
    )


def _legend() -> str:
    items = "".join(
        f'<label><input type="checkbox" value="{family}" checked><span class="f-{family}"></span>{family}</label>'
        for family in FAMILIES
    )
    return f'<p class="legend">{items}</p>'


def _list(items: list[str], css_class: str = "") -> str:
    return f'<ul class="{css_class}">' + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>" if items else ""


def _gold_section(score: DocScore | None) -> str:
    if score is None:
        return "<h2>Gold</h2><p>No gold file for this document: not scored.</p>"
    micro, entities = score.micro, score.entities
    lines = [f"<h2>Against gold</h2><p>fields F1 {micro.f1:.4f} (TP {micro.tp}, FP {micro.fp}, FN {micro.fn});"
             f" entities F1 {entities.f1:.4f} (TP {entities.tp}, FP {entities.fp}, FN {entities.fn})</p>"]
    missed = [f"{name}: {display_value(v)}" for name, c in score.fields.items() for v in c.missed]
    spurious = [f"{name}: {display_value(v)}" for name, c in score.fields.items() for v in c.spurious]
    lines.append("<h3>Missed (in gold, not extracted)</h3>" + (_list(missed, "missed") or "<p>none</p>"))
    lines.append("<h3>Spurious (extracted, not in gold)</h3>" + (_list(spurious, "spurious") or "<p>none</p>"))
    return "".join(lines)


def document_page(doc_id: str, record: dict[str, Any], text: str | None, score: DocScore | None) -> str:
    """One review page; `text=None` when the cleaned text is missing."""
    if text is None:
        spans, problems = [], ["cleaned text file is missing: no highlights"]
        text_html = ""
    else:
        spans, problems = record_spans(record, len(text))
        text_html = highlight(text, spans)
    body = (
        f'<header><h1>{escape(doc_id)}</h1><a href="index.html">index</a> &middot; '
        f"{len(spans)} highlighted value(s){_legend()}</header>"
        '<div id="selfcheck-failed"></div>'
        f'<div class="cols"><section><h2>Cleaned text</h2><div id="text">{text_html}</div></section>'
        f"<section>{_gold_section(score)}"
        + ("<h2>Problems</h2>" + _list(problems, "problems") if problems else "")
        + f"<h2>Record</h2><pre>{escape(json.dumps(record, ensure_ascii=False, indent=2))}</pre></section></div>"
    )
    return _page(f"review: {doc_id}", body, _CHECK_SCRIPT)


def page_name(doc_id: str) -> str:
    """A flat file name for an id (ids may contain folders)."""
    return doc_id.replace("/", "__") + ".html"


def index_page(rows: list[tuple[str, DocScore | None]]) -> str:
    scored = [score for _, score in rows if score is not None]
    cells = []
    for doc_id, score in rows:
        figures = (f"<td>{score.micro.f1:.4f}</td><td>{score.entities.f1:.4f}</td>"
                   f"<td>{score.micro.tp}</td><td>{score.micro.fp}</td><td>{score.micro.fn}</td>"
                   if score is not None else '<td colspan="5">no gold</td>')
        cells.append(f'<tr><td><a href="{escape(page_name(doc_id))}">{escape(doc_id)}</a></td>{figures}</tr>')
    headline = ""
    if scored:
        corpus = score_corpus(scored)
        headline = (f"<p>Over the {len(scored)} reviewed document(s) with gold: fields micro-F1 "
                    f"{corpus.micro_f1:.4f}, entities F1 {corpus.entities_f1:.4f}</p>")
    body = (
        f"<header><h1>Extraction review</h1>{headline}</header><div class=\"cols\"><section><table>"
        "<tr><th>document</th><th>fields F1</th><th>entities F1</th><th>TP</th><th>FP</th><th>FN</th></tr>"
        + "".join(cells) + "</table></section></div>"
    )
    return _page("Extraction review", body)


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def main_review(args) -> int:
    """CLI entry: write <out>/<id>.html per record and <out>/index.html; 1 when a record is missing or unreadable."""
    if not args.pred.is_dir():
        print(f"error: record folder not found: {args.pred}", file=sys.stderr)
        return EXIT_USAGE
    ids = args.ids or list(json_files(args.pred))
    status, rows = EXIT_OK, []
    for doc_id in ids:
        record_path = args.pred / f"{doc_id}.json"
        try:
            record = _read_json(record_path)
        except (OSError, ValueError) as exc:
            print(f"{record_path}: cannot review: {exc}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        text_path = record_path.with_suffix(".txt")
        # bytes, not read_text: universal newlines would turn CRLF into LF and shift every offset
        text = text_path.read_bytes().decode("utf-8") if text_path.exists() else None
        if text is None:
            print(f"{text_path}: missing; page has no highlights", file=sys.stderr)
            status = EXIT_FAILED
        gold_path = args.gold / f"{doc_id}.json"
        score = score_document(_read_json(gold_path), record, doc_id) if gold_path.exists() else None
        write_text(args.out / page_name(doc_id), document_page(doc_id, record, text, score))
        rows.append((doc_id, score))
    write_text(args.out / "index.html", index_page(rows))
    print(f"wrote {len(rows)} page(s) and {args.out / 'index.html'}")
    return status
