"""Section splitting: form fields (labels, empty values, typed values), headings, news datelines."""
import pytest

from doc_helpers import build_doc
from profile_extract.clean import Cleaned
from profile_extract.sections import dateline, is_placeholder, match_label, split


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


# ------------------------------------------------------------------ facts rows, list headings, capitals, more labels
# (organisations, people and values invented here)


@pytest.mark.parametrize(
    "text,key,value",
    [
        ("| Date of registration | 23/09/2011 |", "established", "23/09/2011"),
        ("Registered | 2016-05-12", "established", "2016-05-12"),
        ("| Year of foundation | 2004 |", "established", "2004"),
        ("Founded | 12 March 2010", "established", "12 March 2010"),
        ("Established | 3 May 2012", "established", "3 May 2012"),
        ("Country | Croatia", "country", "Croatia"),
        ("| Total number of members | 54 |", "members.total", "54"),
    ],
)
def test_two_cell_facts_row_is_a_form_field(text, key, value):
    doc = doc_of(text + "\n")
    assert values(doc, key) == [[value]]
    field = next(f for f in doc.fields if f.key == key)
    v = field.values[0]
    assert doc.text[v.start:v.end] == value
    assert doc.text[field.label_span[0]:field.label_span[1]] == field.label


@pytest.mark.parametrize(
    "text",
    [
        "Foo | Bar",
        "| Foo | Bar |",
        "Lorem ipsum | 2016-05-12",
        "Project | Programme",
        "| Date of establishment | 2011 | extra |",  # three cells: a data table row, not a facts row
    ],
)
def test_row_without_a_known_label_in_two_cells_is_no_field(text):
    assert doc_of(text + "\n").fields == []


@pytest.mark.parametrize(
    "raw,key,value",
    [
        ("Registered          2016-05-12\n", "established", "2016-05-12"),
        ("Year of foundation      2008\nMembers      45\n", "established", "2008"),
        ("Year of foundation      2008\nMembers      45\n", "members.total", "45"),
    ],
)
def test_wide_gap_facts_row_through_cleaning_is_a_form_field(raw, key, value):
    doc = build_doc(raw)
    assert values(doc, key) == [[value]]


def test_wide_gap_row_with_an_unknown_label_is_no_field():
    assert build_doc("Something         2016-05-12\n").fields == []


@pytest.mark.parametrize(
    "page,key,items",
    [
        ("<h1>Adriatic Boat Cluster</h1><h2>Target countries for internationalisation</h2>"
         "<ul><li>Brazil</li><li>Mexico</li><li>Chile</li></ul>", "target_countries", ["Brazil", "Mexico", "Chile"]),
        ("<h1>Adriatic Boat Cluster</h1><h2>Key technologies</h2><ul><li>Robotics</li><li>Sensors</li></ul>"
         "<h2>About</h2><p>Text here.</p>", "technology_fields", ["Robotics", "Sensors"]),
        ("<h1>Adriatic Boat Cluster</h1><h3>Sectors</h3><ul><li>Boat building</li><li>Marine tourism</li></ul>",
         "sectors", ["Boat building", "Marine tourism"]),
        ("<h1>Adriatic Boat Cluster</h1><h2>Core services for members</h2><ul><li>Matchmaking</li><li>Training</li></ul>",
         "services", ["Matchmaking", "Training"]),
    ],
)
def test_heading_that_is_a_list_label_labels_the_list_under_it(page, key, items):
    doc = build_doc(page, "page.html")
    assert values(doc, key) == [items]


@pytest.mark.parametrize(
    "page,key",
    [
        ("<h1>Adriatic Boat Cluster</h1><h2>Target countries for internationalisation</h2><p>We look at markets across "
         "South America, where demand for our members' products keeps growing.</p>", "target_countries"),
        ("<h1>Adriatic Boat Cluster</h1><h2>Sectors</h2><p>Our members work in many sectors, from wood to metal.</p>"
         "<ul><li>Wood</li></ul>", "sectors"),
        ("<h1>Adriatic Boat Cluster</h1><h2>Services</h2><p>We offer a lot of services to our members, including "
         "training and matchmaking.</p>", "services"),
    ],
)
def test_heading_followed_by_prose_gives_no_values(page, key):
    doc = build_doc(page, "page.html")
    assert values(doc, key) == []


def test_heading_that_is_no_list_label_labels_nothing():
    doc = build_doc("<h1>Adriatic Boat Cluster</h1><h2>Our history</h2><ul><li>Brazil</li><li>Mexico</li></ul>",
                    "page.html")
    assert doc.fields == []


@pytest.mark.parametrize(
    "text,key,expected",
    [
        ("Other networks:\n\nINTERNATIONAL\nClusters we work with:\n• Lagoon Boat Cluster\n", "networks", [[]]),
        ("Other networks:\n\nINTERNATIONAL\nClusters we work with:\n• Lagoon Boat Cluster\n", "partner_clusters",
         [["Lagoon Boat Cluster"]]),
        ("Memberships in networks and associations:\n\nNATIONAL NETWORKS\nCluster Croatia\n", "networks", [[]]),
        ("Sectors:\n\nFUNDED PROJECTS\nBlueBoat\n", "sectors", [[]]),
        ("Sectors:\n\nAGRICULTURE AND FOOD\n", "sectors", [[]]),
        # no blank line: the capitals are the value
        ("Sectors:\nWOOD PROCESSING\n", "sectors", [["WOOD PROCESSING"]]),
        # a short acronym is a value, not a heading
        ("Sectors:\n\nICT\n", "sectors", [["ICT"]]),
        ("Sectors:\n\nBoat building\n", "sectors", [["Boat building"]]),
    ],
)
def test_capitals_line_after_a_blank_is_not_the_value_of_an_empty_label(text, key, expected):
    assert values(doc_of(text), key) == expected


@pytest.mark.parametrize(
    "label,key",
    [
        ("Memberships in networks and associations", "networks"),
        ("Membership in networks", "networks"),
        ("Clusters we work with", "partner_clusters"),
        ("CLUSTERS WE WORK WITH", "partner_clusters"),
        ("Clusters we cooperate with", "partner_clusters"),
        ("Target countries for internationalisation", "target_countries"),
        ("Key technologies", "technology_fields"),
        ("Key technologies:", "technology_fields"),
        ("New and emerging industries", "emerging_industries"),
        ("Certifications / quality labels", "labels"),
        ("Quality labels", "labels"),
        ("Core services for members", "services"),
        ("Main services for members", "services"),
        ("Services for partners", "services"),
        ("Cluster partners, total", "members.total"),
        ("Partners, total", "members.total"),
        ("Federal state", "region"),
        ("Federal State", "region"),
        ("Year of foundation", "established"),
        ("Year of establishment", "established"),
        ("Sectores", "sectors"),
        ("Sectores de actividad", "sectors"),
        ("Servicios", "services"),
        ("Fecha de constitución", "established"),
        ("Fecha de creación", "established"),
        ("Socios", "members.total"),
        ("Número de socios", "members.total"),
        ("Sede", "location"),
        ("Sede social", "location"),
        ("Legal name", "legal_name"),
        ("Official name", "legal_name"),
        ("Legal name of the organisation", "legal_name"),
        ("Servicios ofrecidos", "services"),
        # not these keys
        ("Our partners", None),
        ("Legal form", "organisation_type"),
        ("Cluster partners", "partner_clusters"),
        ("Key to the map", None),
    ],
)
def test_more_label_wordings(label, key):
    spec = match_label(label)
    assert (spec.key if spec else None) == key


@pytest.mark.parametrize(
    "value,expected",
    [
        ("–", True), ("/", True), ("TBA", True), ("tba", True), ("-", True), ("—", True), ("n/a", True), ("TBD", True),
        ("Other (please specify)", True), ("Other (please specify):", True), ("Not applicable", True),
        ("TBC", True),
        ("Croatia", False), ("2012", False), ("ICT", False), ("Boat building", False), ("A", False),
    ],
)
def test_placeholder_values(value, expected):
    assert is_placeholder(value) is expected


@pytest.mark.parametrize("placeholder", ["–", "/", "TBA"])
def test_placeholder_is_no_value_of_a_list_or_place_label(placeholder):
    doc = doc_of(f"Sectors:\n{placeholder}\nSede:\n{placeholder}\nTotal number of members: 40\n")
    assert values(doc, "sectors") == [[]]
    assert values(doc, "location") == [[]]
    assert values(doc, "members.total") == [["40"]]


@pytest.mark.parametrize(
    "label,key",
    [
        ("Our sectors:", "sectors"),
        ("Services what we provide for members:", "services"),
        ("Sectors we work in", "sectors"),
        ("Which markets do you target?", "target_countries"),
        ("Formation", "established"),
        ("Technology centres and universities", "members.research_organisations"),
        # a possessive or a clause does not turn other words into a topic label
        ("Our projects", None),
        ("Members of the board", None),
    ],
)
def test_label_wordings(label, key):
    spec = match_label(label)
    assert (spec.key if spec else None) == key


def test_question_line_labels_the_list_under_it():
    doc = doc_of("Which sectors do you cover?\nOur sectors:\n- Footwear\n- Leather goods\n")
    assert values(doc, "sectors") == [["Footwear", "Leather goods"]]


def test_yearly_figures_row_takes_the_latest_column_and_not_the_year_header():
    doc = doc_of("Membership | 2022 | 2023\nTotal members | 71 | 78\n")
    assert values(doc, "members.total") == [["78"]]


@pytest.mark.parametrize(
    "label,key",
    [
        # the translated platform forms (es, ca, it, fr, pt, ro), with or without "of the cluster (organisation)"
        ("Fecha de constitución de la organización del clúster:", "established"),
        ("Data di costituzione del cluster", "established"),
        ("Date de création de l'organisation du cluster", "established"),
        ("Data de constituição:", "established"),
        ("Data înființării clusterului", "established"),
        ("Número total de socios:", "members.total"),
        ("Nombre d'adhérents", "members.total"),
        ("Pymes socias:", "members.smes"),
        ("PME adhérentes", "members.smes"),
        ("Grandes empresas socias", "members.large_companies"),
        ("Grandi imprese associate", "members.large_companies"),
        ("Universidades, centros de investigación y centros tecnológicos:", "members.research_organisations"),
        ("Otros agentes del ecosistema", "members.other_actors"),
        ("Autres acteurs de l'écosystème", "members.other_actors"),
        ("Empleo total de las empresas socias:", "staff"),
        ("Personal del equipo de gestión del clúster:", "staff"),
        ("Sectores industriales:", "sectors"),
        ("Áreas tecnológicas:", "technology_fields"),
        ("Prioridades RIS3 de Aragón:", "s3_priority_areas"),
        ("Industrias emergentes", "emerging_industries"),
        ("Servicios prestados a los socios:", "services"),
        ("Sello de excelencia en gestión de clústeres:", "labels"),
        ("Otras redes y asociaciones a las que pertenece:", "networks"),
        ("Reti di appartenenza", "networks"),
        ("¿Con qué clústeres colabora?:", "partner_clusters"),
        ("Países objetivo de la internacionalización:", "target_countries"),
        ("Pays cibles", "target_countries"),
        ("Participación en programas de apoyo financiados:", "projects"),
        ("Equipo de gestión del clúster:", "people"),
        ("Comunidad autónoma:", "region"),
        ("Județul", "region"),
        ("Localidad", "city"),
        ("Denominación legal:", "legal_name"),
        ("Ragione sociale", "legal_name"),
        ("Última actualización de la ficha:", "published"),
        # not a label of these keys
        ("Estrategia del clúster y objetivos para los próximos años", None),
    ],
)
def test_romance_platform_labels(label, key):
    spec = match_label(label)
    assert (spec.key if spec else None) == key
