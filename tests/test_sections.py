"""Section splitting: form fields (labels, empty values, typed values), headings, news datelines."""
import pytest

from profile_extract.clean import Cleaned
from profile_extract.sections import dateline, match_label, split


def doc_of(text, headings=None):
    return split(Cleaned(text, headings or {}), doc_id="t")


def values(doc, key):
    return [[v.text for v in f.values] for f in doc.fields if f.key == key]


@pytest.mark.parametrize(
    "label,key",
    [
        ("The date when the cluster organisation was established", "established"),
        ("Date of establishment of the cluster organisation", "established"),
        ("Year of foundation", "established"),
        ("Total number of members", "members.total"),
        ("Number of SME members", "members.smes"),
        ("Members that are larger companies (number)", "members.large_companies"),
        ("Number of research organisations/universities/technology centres", "members.research_organisations"),
        ("Other ecosystem actors (number)", "members.other_actors"),
        ("Start-ups within the SME membership (number)", "startups"),
        ("Headcount of the cluster organisation's management team", "staff"),
        ("Sectoral Industries", "sectors"),
        ("Technology fields", "technology_fields"),
        ("Priority areas (S3 EU)", "s3_priority_areas"),
        ("Cross-sectoral industries", "emerging_industries"),
        ("Support services provided", "services"),
        ("Cluster Excellence Label", "labels"),
        ("Membership to other networks/partnerships", "networks"),
        ("Which clusters do you collaborate with?", "partner_clusters"),
        ("The main countries targeted by the cluster organisation", "target_countries"),
        ("Дата на създаване", "established"),
        ("Brand new heading nobody knows", None),
    ],
)
def test_label_table(label, key):
    spec = match_label(label)
    assert (spec.key if spec else None) == key


@pytest.mark.parametrize(
    "label,key",
    [
        # breakdown labels printed under a total
        ("от тях малки и средни предприятия", "members.smes"),
        ("от тях големи предприятия", "members.large_companies"),
        ("научни организации и университети", "members.research_organisations"),
        ("други организации", "members.other_actors"),
        ("of which SMEs", "members.smes"),
        ("of which SME members", "members.smes"),
        ("of them SMEs", "members.smes"),
        ("of which large companies", "members.large_companies"),
        ("of which knowledge institutes", "members.research_organisations"),
        ("of which universities", "members.research_organisations"),
        ("of which other organisations", "members.other_actors"),
        ("other organisations", "members.other_actors"),
        ("Other organizations", "members.other_actors"),
        ("of these SMEs", "members.smes"),
        # not member categories
        ("of which start-ups", "startups"),
        ("от тях стартиращи предприятия", None),
        ("of which women", None),
        ("Other information", None),
        ("Other organisations we work with", None),
        ("Partner organisations", None),
    ],
)
def test_member_breakdown_labels(label, key):
    spec = match_label(label)
    assert (spec.key if spec else None) == key


def test_breakdown_labels_under_a_total_are_fields():
    doc = doc_of("Брой членове: 34\n  от тях малки и средни предприятия: 27\n  научни организации и университети: 3\n"
                 "  други организации: 4\n")
    assert values(doc, "members.total") == [["34"]]
    assert values(doc, "members.smes") == [["27"]]
    assert values(doc, "members.research_organisations") == [["3"]]
    assert values(doc, "members.other_actors") == [["4"]]
    doc = doc_of("Members: 50\nof which SMEs: 40\nother organisations: 10\n")
    assert values(doc, "members.total") == [["50"]]
    assert values(doc, "members.smes") == [["40"]]
    assert values(doc, "members.other_actors") == [["10"]]


def test_form_label_with_empty_value_does_not_take_next_labels_value():
    doc = doc_of("Total number of members: \nNumber of SME members: \n120\nTechnology fields: \nPhotonics\nNanotechnology\n")
    assert values(doc, "members.total") == [[]]
    assert values(doc, "members.smes") == [["120"]]
    assert values(doc, "technology_fields") == [["Photonics", "Nanotechnology"]]


def test_inline_values_and_pipe_separated_pairs():
    doc = doc_of("Organisation type: Association/NGO | Scientific field: ICT | Acronym: VOICT\nFounded: 2004\n")
    assert values(doc, "organisation_type") == [["Association/NGO"]]
    assert values(doc, "acronym") == [["VOICT"]]
    assert values(doc, "established") == [["2004"]]
    acronym = next(f for f in doc.fields if f.key == "acronym").values[0]
    assert doc.text[acronym.start:acronym.end] == "VOICT"


def test_value_of_wrong_type_is_dropped_with_a_warning():
    doc = doc_of("Number of staff in the management team : \nSouth Region (Southern)\nCluster Excellence Label: \n")
    assert values(doc, "staff") == [[]]
    assert any("not a number" in w for w in doc.warnings)
    doc = doc_of("Date of establishment: \nsoon\n")
    assert values(doc, "established") == [[]]
    assert any("not a date" in w for w in doc.warnings)


def test_placeholders_are_not_values():
    doc = doc_of("Support services provided\n\nOther (please specify)\n\nCluster Excellence Label: No\n")
    assert values(doc, "services") == [[]]
    assert values(doc, "labels") == [[]]


def test_template_heading_closes_a_list_field():
    doc = doc_of("Emerging industries: \nDigital Industries\nComposition of the cluster\nTotal number of members: \n")
    assert values(doc, "emerging_industries") == [["Digital Industries"]]


def test_count_printed_above_its_label():
    doc = doc_of("Cluster composition\n\n  • 286\n    Cluster Members\n  • 0\n    Large Companies\n")
    assert values(doc, "members.total") == [["286"]]
    assert values(doc, "members.large_companies") == [["0"]]


def test_bullets_are_outside_the_line_span():
    doc = doc_of("Projects\n\n• First project\n- Second project\n2. Third project\n")
    texts = [line.text for line in doc.lines if line.bullet]
    assert texts == ["First project", "Second project", "Third project"]
    for line in doc.lines:
        assert doc.text[line.start:line.end] == line.text


def test_news_feed_items_split_at_datelines_with_titles_above():
    text = (
        "First meeting held\n\nOctober 25, 2016\n\nThe partners met in Belgrade.\n\n"
        "August 24, 2016\n\nOn 28-29 October 2016 a conference will take place.\n"
    )
    doc = doc_of(text)
    items = [s for s in doc.sections if s.dateline]
    assert [s.dateline.text for s in items] == ["October 25, 2016", "August 24, 2016"]
    assert items[0].title.text == "First meeting held"
    assert items[1].title is None
    assert items[1].lines[0].text.startswith("On 28-29 October")


def test_markdown_heading_hints_make_sections():
    doc = doc_of("Bulgarian Cluster\n\nIntro text here.\nObjectives\n- one\n", headings={0: 2, 3: 3})
    titles = [s.title.text for s in doc.sections if s.title]
    assert titles == ["Bulgarian Cluster", "Objectives"]


@pytest.mark.parametrize(
    "line,expected",
    [("December 04, 2016", True), ("News Published: 04.09.2020", True), ("Presse // 25. October 2011", True),
     ("On 12 December 2014, in Istanbul, the meeting", False), ("2016", False)],
)
def test_dateline(line, expected):
    doc = doc_of(line)
    assert dateline(doc.lines[0]) is expected


def test_pipe_separated_values_stay_with_their_label():
    doc = doc_of("Sectors: Automotive | Logistics | Plastics\n")
    assert values(doc, "sectors") == [["Automotive", "Logistics", "Plastics"]]
    for v in doc.fields[0].values:
        assert doc.text[v.start:v.end] == v.text


def test_list_label_that_is_also_a_heading_word_keeps_its_bulleted_items_across_blank_lines():
    doc = doc_of("Projects:\n\n1. First project\n\n2. Second project\n\nWhy choose us:\nBecause.\n")
    assert values(doc, "projects") == [["First project", "Second project"]]


def test_number_answering_the_label_above_is_not_taken_by_the_label_below():
    doc = doc_of("Total number of members:\n120\nNumber of SME members:\n95\n")
    assert values(doc, "members.total") == [["120"]]
    assert values(doc, "members.smes") == [["95"]]


def test_count_with_a_breakdown_in_brackets_fits_a_count_label():
    doc = doc_of("Total number of members: 42 (35 SMEs, 2 large companies)\n")
    assert values(doc, "members.total") == [["42 (35 SMEs, 2 large companies)"]]


def test_project_period_lines_are_fields_not_news_datelines():
    doc = doc_of("SmartWood\n\nStart date: 1 September 2019\nEnd date: 28 February 2022\n\nThe project links clusters.\n")
    assert not any(s.dateline for s in doc.sections)
    assert [f.key for f in doc.fields] == ["period", "period"]
