"""`profile-extract review`: highlight positions, escaping, gold comparison, and the pages in a real browser."""
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from profile_extract.cli import main

DATA = Path(__file__).parent / "data"
CHROMIUM = Path("/usr/bin/chromium")

# pointer -> (needle, occurrence) in the cleaned text; nested, identical and crossing spans on purpose
EVIDENCE = {
    "/name": ("ICT Cluster Plovdiv", 1),
    "/city": ("Plovdiv", 1),                                            # inside /name
    "/country": ("Bulgaria", 0),
    "/established": ("10 October 2012", 0),
    "/members/total": ("42 members", 0),
    "/members/smes": ("30 SMEs", 0),
    "/sectors/0": ("Software", 0),
    "/sectors/1": ("innovation", 0),                                    # inside /labels/0
    "/labels/0": ('<b>R&D</b> & "innovation"', 0),
    "/networks/0": ("European Digital SME Alliance", 0),
    "/projects/0/name": ("Smart Mobility Hub", 0),
    "/projects/0/acronym": ("SMH", 0),
    "/events/0/date": ("28 September 2016 the Annual", 0),              # crosses /events/0/title
    "/events/0/title": ("Annual meeting of the Balkan ICT Clusters\nNetwork", 0),
    "/events/0/location": ("Budva, Montenegro", 0),
    "/people/0/name": ("Ivan Petrov", 0),
    "/people/0/role": ("Cluster Manager", 0),
    "/people/0/organisation": ("ICT Cluster Plovdiv", 2),
}
ENTITIES = [("ICT Cluster Plovdiv", 1, "ORG"), ("Bulgaria", 0, "GPE"), ("Ivan Petrov", 0, "PERSON")]


def find(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def cleaned_text() -> str:
    # CRLF line ends survive into the page (a literal CR would become LF in the browser)
    return (DATA / "eval_raw_alpha.txt").read_text(encoding="utf-8") + "Last line\r\nEnd.\r\n"


def make_record(text: str) -> dict:
    gold = json.loads((DATA / "eval_gold_alpha.json").read_text(encoding="utf-8"))
    record = {"id": "alpha", "source": {"path": "raw/alpha.txt", "sha256": "0" * 64, "format": "text",
                                        "language": "en", "chars": len(text)}, **gold}
    record.update(sectors=["Software", "innovation"], labels=['<b>R&D</b> & "innovation"'], aliases=[], warnings=[])
    record["entities"] = [{"text": t, "label": label, "start": s, "end": e}
                          for t, n, label in ENTITIES for s, e in [find(text, t, n)]]
    record["evidence"] = {pointer: list(find(text, *where)) for pointer, where in EVIDENCE.items()}
    return record


@pytest.fixture
def tree(tmp_path):
    pred, gold, out = tmp_path / "pred", tmp_path / "gold", tmp_path / "review"
    pred.mkdir()
    gold.mkdir()
    text = cleaned_text()
    record = make_record(text)
    (pred / "alpha.json").write_text(json.dumps(record), encoding="utf-8")
    (pred / "alpha.txt").write_bytes(text.encode("utf-8"))
    shutil.copy(DATA / "eval_gold_alpha.json", gold / "alpha.json")
    beta = {**record, "id": "beta", "evidence": {"/name": [0, 3], "/city": [5, 99999]}, "entities": []}
    (pred / "beta.json").write_text(json.dumps(beta), encoding="utf-8")
    (pred / "beta.txt").write_text("ICT and more", encoding="utf-8")
    assert main(["review", "--pred", str(pred), "--gold", str(gold), "-o", str(out)]) == 0
    return out, text, record


class Marks(HTMLParser):
    """The text of div#text and, per pointer, the fragments of its <mark>s with their data attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # element depth inside div#text
        self.text = []
        self.open_marks = []
        self.fragments = {}     # pointer -> list of [start, end, text]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth or attrs.get("id") == "text":
            self.depth += 1
        if self.depth and tag == "mark":
            fragment = [int(attrs["data-start"]), int(attrs["data-end"]), ""]
            self.fragments.setdefault(attrs["data-pointer"], []).append(fragment)
            self.open_marks.append(fragment)

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if tag == "mark":
                self.open_marks.pop()

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            for fragment in self.open_marks:
                fragment[2] += data


def parse(page: Path) -> Marks:
    parser = Marks()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_highlights_sit_at_their_evidence_spans(tree):
    out, text, record = tree
    marks = parse(out / "alpha.html")
    assert "".join(marks.text) == text
    expected = {**record["evidence"], **{f"/entities/{i}": [e["start"], e["end"]] for i, e in enumerate(record["entities"])}}
    assert set(marks.fragments) == set(expected)
    for pointer, fragments in marks.fragments.items():
        start, end = expected[pointer]
        assert all([f[0], f[1]] == [start, end] for f in fragments), pointer
        assert "".join(f[2] for f in fragments) == text[start:end], pointer
    assert len(marks.fragments["/events/0/date"]) == 1 and len(marks.fragments["/events/0/title"]) == 2


def test_values_are_escaped(tree):
    out, _, _ = tree
    page = (out / "alpha.html").read_text(encoding="utf-8")
    assert "<b>R&D</b>" not in page
    assert "&lt;b&gt;R&amp;D&lt;/b&gt;" in page
    assert 'title="/labels/0 = &quot;&lt;b&gt;R&amp;D&lt;/b&gt; &amp; \\&quot;innovation\\&quot;&quot;"' in page
    assert "&#13;" in page


def test_page_shows_missed_and_spurious_against_gold(tree):
    out, _, _ = tree
    page = (out / "alpha.html").read_text(encoding="utf-8")
    missed = page[page.index('<ul class="missed">'):]
    spurious = page[page.index('<ul class="spurious">'):]
    assert "<li>sectors: &#x27;Electronics&#x27;</li>" in missed.split("</ul>")[0]
    assert "<li>sectors: &#x27;innovation&#x27;</li>" in spurious.split("</ul>")[0]
    assert "<li>labels: " in spurious.split("</ul>")[0]


def test_page_without_gold_and_bad_evidence(tree):
    out, _, _ = tree
    page = (out / "beta.html").read_text(encoding="utf-8")
    assert "No gold file" in page
    assert "/city: span [5, 99999] is outside the text (length 12)" in page
    assert parse(out / "beta.html").fragments == {"/name": [[0, 3, "ICT"]]}


def test_index_links_every_page_with_scores(tree):
    out, _, _ = tree
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="alpha.html">alpha</a>' in index and '<a href="beta.html">beta</a>' in index
    assert re.search(r'alpha</a></td><td>0\.9\d{3}</td>', index)
    assert '<td colspan="5">no gold</td>' in index


def test_pages_need_no_network(tree):
    out, _, _ = tree
    for page in out.glob("*.html"):
        assert not re.search(r"(src|href)=\"(https?:)?//", page.read_text(encoding="utf-8")), page


def test_missing_record_folder_is_a_usage_error(tmp_path):
    assert main(["review", "--pred", str(tmp_path / "none"), "-o", str(tmp_path / "out")]) == 2


# ---------------------------------------------------------------- in a real browser


def _install_chromium() -> None:
    """apt-get install chromium, only as root on CI or when PROFILE_EXTRACT_INSTALL_CHROMIUM=1."""
    allowed = os.environ.get("CI") or os.environ.get("PROFILE_EXTRACT_INSTALL_CHROMIUM") == "1"
    if not (allowed and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")):
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
    try:
        if subprocess.run(install, env=env, capture_output=True, timeout=600).returncode != 0:
            subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=300)
            subprocess.run(install, env=env, capture_output=True, timeout=600)
    except subprocess.TimeoutExpired:
        pass


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        _install_chromium()
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (installed automatically only as root with CI or "
                    "PROFILE_EXTRACT_INSTALL_CHROMIUM=1 set)")
    return CHROMIUM


def render(chromium: Path, page: Path, profile: Path) -> tuple[str, str]:
    """The DOM after the page's scripts ran, and the browser's log."""
    result = subprocess.run(
        [str(chromium), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=60,
    )
    return result.stdout, result.stderr


def body_attributes(dom: str) -> dict[str, str]:
    tag = re.search(r"<body([^>]*)>", dom).group(1)
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def test_browser_runs_page_without_errors_and_highlights_match(tree, chromium, tmp_path):
    out, _, record = tree
    dom, log = render(chromium, out / "alpha.html", tmp_path / "profile")
    body = body_attributes(dom)
    assert body.get("data-selfcheck") == "ok", (body, log[-2000:])
    assert body.get("data-errors") == "0", body
    assert int(body["data-checked"]) == len(record["evidence"]) + len(record["entities"])
    assert "Uncaught" not in log

    # the self-check is real: a page with one shifted highlight is reported as failing
    page = (out / "alpha.html").read_text(encoding="utf-8")
    broken = out / "broken.html"
    broken.write_text(page.replace('data-pointer="/country" data-start="', 'data-pointer="/country" data-start="1', 1),
                      encoding="utf-8")
    dom, _ = render(chromium, broken, tmp_path / "profile")
    assert body_attributes(dom).get("data-selfcheck") == "fail"
    assert "/country" in dom
