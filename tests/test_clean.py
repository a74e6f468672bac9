"""Cleaning: HTML / Markdown / text to lines, heading levels, page chrome removal."""
import time
from pathlib import Path

import pytest

from profile_extract.clean import Cleaned, clean, is_breadcrumb, is_chrome
from profile_extract.ingest import InputError, Page

ROOT = Path(__file__).resolve().parent.parent


def html(body: str, head: str = "") -> Cleaned:
    return clean(Page(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", "html", "utf-8"))


def md(text: str) -> Cleaned:
    return clean(Page(text, "markdown", "utf-8"))


def txt(text: str) -> Cleaned:
    return clean(Page(text, "text", "utf-8"))


def lines(cleaned: Cleaned) -> list[str]:
    return cleaned.text.split("\n")


def heading_texts(cleaned: Cleaned) -> dict[str, int]:
    all_lines = lines(cleaned)
    return {all_lines[i]: level for i, level in cleaned.headings.items()}


# --------------------------------------------------------------------------- HTML


def test_html_drops_scripts_styles_nav_and_head():
    c = html(
        "<script>var secret = 1;</script><style>p { color: red }</style><noscript>Enable JS</noscript>"
        "<template><p>tpl</p></template><svg><text>svgtext</text></svg><iframe>frame</iframe>"
        "<nav><ul><li>About us</li><li>Members</li></ul></nav><p>ICT Cluster Plovdiv</p>",
        head="<title>Site title</title><meta charset='utf-8'>",
    )
    assert c.text == "ICT Cluster Plovdiv"


@pytest.mark.parametrize(
    "attrs",
    [
        'id="cookie-banner"',
        'class="cc-window cookie-consent"',
        'class="gdpr-popup"',
        'class="share-buttons"',
        'class="social-links"',
        'aria-label="Breadcrumb"',
        'class="breadcrumbs"',
        'id="main-menu"',
        'role="navigation"',
        'class="element-invisible"',
        'hidden',
        'aria-hidden="true"',
        'style="display: none"',
    ],
)
def test_html_drops_chrome_by_attributes(attrs):
    c = html(f"<div {attrs}><a>Cookie text or menu entry</a></div><p>Real content stays.</p>")
    assert c.text == "Real content stays."


def test_html_chrome_attributes_never_drop_the_page_itself():
    # body/wrapper classes that happen to contain chrome words must not lose the page
    body = "<p>" + "Real content sentence number one. " * 200 + "</p>"
    c = clean(Page(f'<html><body class="cookies-not-set"><div class="has-navbar">{body}</div></body></html>', "html", "utf-8"))
    assert "Real content sentence number one." in c.text


def test_html_form_controls_dropped_but_aspnet_form_content_kept():
    c = html(
        '<form id="aspnetForm"><input value="Search"><button>Go</button><select><option>BG</option></select>'
        "<p>Members: 80</p></form>"
    )
    assert c.text == "Members: 80"


def test_html_headings_levels_and_blocks():
    c = html("<h1>ICT Cluster</h1><p>About text.</p><h2>Sectors</h2><p>More.</p><h6>Tiny</h6>")
    assert lines(c) == ["ICT Cluster", "", "About text.", "", "Sectors", "", "More.", "", "Tiny"]
    assert heading_texts(c) == {"ICT Cluster": 1, "Sectors": 2, "Tiny": 6}


def test_html_heading_with_br_and_inline_markup_is_one_line():
    c = html("<h2>Cluster <em>Strategy</em><br>2020</h2><p>x</p>")
    assert lines(c)[0] == "Cluster Strategy 2020"
    assert c.headings == {0: 2}


def test_html_list_items_are_bullets_and_ol_numbered():
    c = html("<p>Sectors:</p><ul><li>ICT</li><li><p>Energy</p></li><li>  Health\n care </li></ul><ol><li>one</li><li>two</li></ol>")
    assert lines(c) == ["Sectors:", "", "• ICT", "• Energy", "• Health care", "", "1. one", "2. two"]


def test_html_definition_list_pairs():
    c = html("<dl><dt>Founded</dt><dd>2012</dd><dt>Sectors:</dt><dd>ICT</dd><dd>Energy</dd></dl>")
    assert lines(c) == ["Founded:", "2012", "Sectors:", "ICT", "Energy"]


def test_html_label_value_table():
    c = html(
        "<table><tr><th>Total number of members</th><td>80</td></tr>"
        "<tr><td>Technology fields:</td><td><ul><li>Cloud</li><li>Software</li></ul></td></tr>"
        "<tr><td>Number of SME members</td><td></td></tr></table>"
    )
    assert lines(c) == ["Total number of members: 80", "Technology fields:", "• Cloud", "• Software", "Number of SME members:"]


def test_html_data_table_rows_joined():
    c = html(
        "<table><thead><tr><th>Project</th><th>Programme</th><th>Start</th></tr></thead>"
        "<tbody><tr><td>GIVE</td><td>COSME</td><td>2017</td></tr><tr><td>I3E</td><td>Interreg</td><td>2016</td></tr></tbody></table>"
    )
    assert lines(c) == ["Project | Programme | Start", "GIVE | COSME | 2017", "I3E | Interreg | 2016"]


def test_html_br_is_newline_and_double_br_a_blank_line():
    c = html("<p>Street 1<br>4000 Plovdiv<br/><br/>Bulgaria</p>")
    assert lines(c) == ["Street 1", "4000 Plovdiv", "", "Bulgaria"]


def test_html_divs_are_lines_without_blank_between_label_and_value():
    c = html('<div class="field"><div class="field-label">Sectoral Industries:&nbsp;</div><div class="items"><div>ICT</div><div>Energy</div></div></div>')
    assert lines(c) == ["Sectoral Industries:", "ICT", "Energy"]


def test_html_entities_nbsp_and_zero_width():
    c = html("<p>ICT&nbsp;&nbsp;Cluster\u200b Plovdiv &amp; Co\u00ad.</p>")
    assert c.text == "ICT Cluster Plovdiv & Co."


def test_html_comments_and_doctype_are_not_text():
    c = html("<!-- hidden comment --><p>Visible</p><![CDATA[cdata]]>")
    assert c.text == "Visible"


def test_html_malformed_unclosed_tags():
    c = clean(Page("<html><body><h1>Title<p>First para<p>Second <b>bold<li>item one<li>item two<table><tr><td>a<td>b", "html", "utf-8"))
    text = c.text
    for piece in ("Title", "First para", "Second bold", "• item one", "• item two", "a: b"):
        assert piece in text
    assert 1 in c.headings.values()


def test_html_deep_nesting_no_recursion_error():
    depth = 10_000
    page = "<html><body>" + "<div>" * depth + "<p>deep text</p>" + "</div>" * depth + "</body></html>"
    start = time.perf_counter()
    c = clean(Page(page, "html", "utf-8"))
    assert c.text == "deep text"
    assert time.perf_counter() - start < 20


def test_html_deep_unclosed_inline_nesting():
    c = clean(Page("<b><i><span>" * 3_400 + "deep" + "</p>" * 10, "html", "utf-8"))
    assert c.text == "deep"


def test_html_deep_nesting_with_chrome_classes():
    depth = 5_000
    page = '<div class="menu">' * depth + "x" + "</div>" * depth + "<p>content here</p>"
    c = clean(Page(page, "html", "utf-8"))
    assert "content here" in c.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><script>a=1</script><style>b{}</style></head><body><script>c()</script></body></html>",
        "<html><body><nav>Menu</nav><!-- only a comment --></body></html>",
        "<html><body>   \n  </body></html>",
        "<html><body><p>Printer-friendly version</p><p>Share</p></body></html>",
    ],
)
def test_html_without_text_is_no_text_error(page):
    with pytest.raises(InputError) as info:
        clean(Page(page, "html", "utf-8"))
    assert info.value.code == "no_text"


# --------------------------------------------------------------------------- Markdown


def test_markdown_headings_and_emphasis():
    c = md("# ICT Cluster #\n\nSome **bold** and __strong__ and *em* and _em2_ text.\n\n### Sectors\n\n- ICT\n* Energy\n+ Health\n1. first\n2) second")
    assert lines(c) == [
        "ICT Cluster",
        "",
        "Some bold and strong and em and em2 text.",
        "",
        "Sectors",
        "",
        "• ICT",
        "• Energy",
        "• Health",
        "1. first",
        "2) second",
    ]
    assert heading_texts(c) == {"ICT Cluster": 1, "Sectors": 3}


def test_markdown_unpaired_markers_kept():
    c = md("# T\n\n2 * 3 * 4 and snake_case_name and a lone * star and price_ tag")
    assert lines(c)[-1] == "2 * 3 * 4 and snake_case_name and a lone * star and price_ tag"


def test_markdown_links_images_and_autolinks():
    c = md("# T\n\nSee [the cluster](https://example.org/x \"title\") and ![logo](logo.png) <https://example.org> [ref][1].\n\n[1]: https://example.org")
    assert lines(c) == ["T", "", "See the cluster and https://example.org ref."]


def test_markdown_setext_headings_and_rules():
    c = md("ICT Cluster\n===========\n\nAbout\n-----\ntext\n\n***\n\nafter")
    assert lines(c) == ["ICT Cluster", "", "About", "", "text", "", "after"]
    assert heading_texts(c) == {"ICT Cluster": 1, "About": 2}


def test_markdown_tables_to_cells():
    c = md("# T\n\n| Project | Start |\n|---|:---:|\n| GIVE | 2017 |\n| I3E | 2016 |\n\n|  |  |\n|--|--|\n| Founded | 2012 |\n| Members | |")
    assert lines(c) == ["T", "", "Project | Start", "GIVE | 2017", "I3E | 2016", "", "Founded: 2012", "Members:"]


def test_markdown_code_fence_kept_as_text():
    c = md("# T\n\n```python\nx = **not bold**\n```\n\nafter")
    assert "x = **not bold**" in lines(c)
    assert "```python" not in c.text and "```" not in c.text


def test_markdown_blockquote_and_escapes():
    c = md("# T\n\n> quoted **text**\n\nprice \\*not em\\* \\# hash")
    assert lines(c)[-3:] == ["quoted text", "", "price *not em* # hash"]


# --------------------------------------------------------------------------- plain text and chrome


def test_text_kept_as_written():
    text = "ICT Cluster Plovdiv\n\nMission:Promoting cooperation in ICT.\nTotal number of members: \n80"
    assert txt(text).text == "ICT Cluster Plovdiv\n\nMission:Promoting cooperation in ICT.\nTotal number of members:\n80"


def test_whitespace_normalised_but_lines_kept():
    c = txt("  a  b\u00a0\u00a0c   \n\n\n\n\nnext\u200b line  \n\n")
    assert c.text == "a b c\n\nnext line"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Members\t43\n", "Members | 43"),
        ("\tIng. Jan Novak\t\tChairman of the Board \n", "Ing. Jan Novak | Chairman of the Board"),
        ("Founded \t 2015\t\n", "Founded | 2015"),
    ],
)
def test_tabs_between_words_separate_columns(raw, expected):
    assert txt(raw).text == expected


@pytest.mark.parametrize(
    "line",
    [
        "Home > Cluster Organisations > ICT Cluster Plovdiv",
        "Home » News",
        "Home › About us",
        "Начало > Новини",
        "You are here: Home / News / Article",
        "Cluster Organisations > Bulgaria > ICT Cluster",
        "Primary tabs",
        "Printer-friendly version",
        "Printer-friendly versionPrinter-friendly version",
        "61% completed",
        "100 % complete",
        "top of page",
        "bottom of page",
        "Please reload",
        "small banner",
        "Read more",
        "Read more »",
        "Read more...",
        "Share",
        "Tweet",
        "Share Tweet",
        "Share on Facebook",
        "Facebook | Twitter | LinkedIn",
        "Skip to main content",
        "Loading...",
        "Back to top",
        "Print",
        "Log in",
        "Home",
        "This website uses cookies to improve your experience. By continuing you accept them.",
        "We use cookies on this site.",
        "© 2024 ICT Cluster. All rights reserved.",
        "Weiterlesen",
        "Прочети още",
    ],
)
def test_chrome_lines_detected(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "ICT Cluster Plovdiv",
        "The members share their experience at home and abroad.",
        "Read more about the cluster in our annual report.",
        "Printer-friendly version of the report is available on request.",
        "Home appliances and electronics cluster",
        "Homepage of the cluster: www.example.org",
        "Primary tabs were introduced in 2012.",
        "61% completed the survey, 39% did not.",
        "Annex completed on: 10-24-2014",
        "Total number of members:",
        "Email:",
        "• Share",
        "- Print",
        "Home / office equipment makers joined.",
        "Share of SMEs: 80%",
        "Cookies and biscuits cluster",
        "Number of staff: 5 > 3 last year",
    ],
)
def test_prose_is_not_chrome(line):
    assert not is_chrome(line)


def test_chrome_removed_from_real_scraped_page_but_words_in_prose_survive():
    text = (
        "Home > Cluster Organisations > ICT Cluster Plovdiv\n\nICT Cluster Plovdiv\n\nPrimary tabs\n\n"
        "Printer-friendly versionPrinter-friendly version\nGeneral Information\n"
        "61% completed\nMembers share a home base and read more reports; print version available.\n"
        "top of page\nPlease reload\nbottom of page"
    )
    c = txt(text)
    assert c.text == (
        "ICT Cluster Plovdiv\n\nGeneral Information\n"
        "Members share a home base and read more reports; print version available."
    )


def test_breadcrumb_rules():
    assert is_breadcrumb("Home > News")
    assert is_breadcrumb("Home » News » 2016")
    assert not is_breadcrumb("Home office cluster")
    assert not is_breadcrumb("A > B")  # two segments without a root word: could be prose


def test_chrome_phrases_come_from_data_file():
    import tomllib
    from importlib import resources

    data = tomllib.loads(resources.files("profile_extract.data").joinpath("chrome.toml").read_text(encoding="utf-8"))
    for phrase in ("Printer-friendly version", "Primary tabs", "top of page", "Please reload", "small banner"):
        assert phrase in data["phrases"]
        assert is_chrome(phrase)


def test_headings_survive_chrome_removal_line_shift():
    c = html('<p>Home » News</p><p>Share</p><h1>Title</h1><p>body</p>')
    assert lines(c) == ["Title", "", "body"]
    assert c.headings == {0: 1}


@pytest.mark.parametrize("path", sorted((ROOT / "raw").glob("*.txt"))[:8], ids=lambda p: p.stem)
def test_raw_pages_keep_their_words(path):
    """Cleaning a real page only drops chrome lines and white space, never words of content."""
    from profile_extract.ingest import decode

    page = decode(path.read_bytes(), str(path))
    c = clean(page)
    kept = set(c.text.split())
    original = page.text.split()
    lost = [w for w in original if w not in kept]
    chrome_words = set("Home > Cluster Organisations Primary tabs Printer-friendly versionPrinter-friendly version 61% completed top of page Please reload bottom small banner » News Networks".split())
    if page.format == "text":
        assert set(lost) <= chrome_words | set(page.text.split("\n")[0].split()), lost[:20]


# --------------------------------------------------------------------------- linear time


def test_cleaning_2mb_text_is_fast():
    text = ("Total number of members:  \n80\n\nThe cluster was founded in 2012 and has many members.\n" * 40_000)[: 2 * 1024 * 1024]
    start = time.perf_counter()
    c = txt(text)
    assert time.perf_counter() - start < 10
    assert c.text.count("Total number of members:") > 10_000


def test_cleaning_50000_line_form_is_fast():
    text = "Label:\nvalue\n" * 50_000
    start = time.perf_counter()
    c = txt(text)
    assert time.perf_counter() - start < 5
    assert c.text.count("\n") == 99_999


@pytest.mark.parametrize(
    "text",
    [
        " " * 200_000 + "x",
        "." * 200_000,
        "-" * 200_000,
        "A" * 200_000,
        "1" * 200_000,
        "a" * 100_000,
        "Home >" * 40_000,
        "Share " * 40_000,
        "Printer-friendly version" * 10_000,
        "**a" * 60_000,
        "[a](" * 60_000,
        "![" * 60_000,
        "_a" * 60_000,
        "*" * 100_000 + "x",
        "# " + "#" * 100_000 + " x",
        "| a " * 50_000,
    ],
)
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_no_catastrophic_backtracking(text, fmt):
    start = time.perf_counter()
    try:
        clean(Page(text, fmt, "utf-8"))
    except InputError:
        pass
    assert time.perf_counter() - start < 3


@pytest.mark.parametrize("text", ["<p>" + "a" * 200_000 + "</p>", "<div>" * 2_000 + "<" * 50_000, "<a href='" + "x" * 100_000])
def test_html_pathological_is_fast(text):
    start = time.perf_counter()
    try:
        clean(Page(text, "html", "utf-8"))
    except InputError:
        pass
    assert time.perf_counter() - start < 5


# --------------------------------------------------------------------------- dot leaders and wide gaps
# (organisations and values invented here)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Legal form ........ non-profit association", "Legal form: non-profit association"),
        ("Legal form........non-profit association", "Legal form: non-profit association"),
        ("Year of foundation .... 2012", "Year of foundation: 2012"),
        ("Seat ................ Zadar, Croatia", "Seat: Zadar, Croatia"),
        ("Number of members......... 45", "Number of members: 45"),
        ("Cluster manager ..........  Ana Horvat", "Cluster manager: Ana Horvat"),
    ],
)
def test_dot_leaders_become_a_colon(raw, expected):
    assert txt(raw).text == expected


@pytest.mark.parametrize(
    "raw",
    [
        "Wait...",
        "a ... b",
        "We grew... and grew again.",
        "The cluster ... and its members",
        "Members: 40 ...",
    ],
)
def test_an_ellipsis_is_not_a_dot_leader(raw):
    assert txt(raw).text == raw


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Registered          2016-05-12", "Registered | 2016-05-12"),
        ("Registered   2016-05-12", "Registered | 2016-05-12"),
        ("Year of foundation      2008", "Year of foundation | 2008"),
        ("Members   54   SMEs   40", "Members | 54 | SMEs | 40"),
        ("Country     Croatia", "Country | Croatia"),
        # two spaces are only a wider space
        ("Registered  2016-05-12", "Registered 2016-05-12"),
        ("Legal form  association", "Legal form association"),
        ("The  cluster  grew.", "The cluster grew."),
        # a gap at the line's ends is not between words
        ("   Adriatic Boat Cluster   ", "Adriatic Boat Cluster"),
        # a gap beside a bar is not a second bar
        ("Country   |   Croatia", "Country | Croatia"),
    ],
)
def test_wide_gap_between_words_separates_columns(raw, expected):
    assert txt(raw).text == expected
