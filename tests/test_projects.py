"""Projects extractor: many small pages of different kinds, built through the real stages."""
from __future__ import annotations

import json

import pytest

from profile_extract import clean, entities, ingest, sections
from profile_extract.extractors import projects
from profile_extract.grounding import grounded

OWN = {"name": "Green Cluster", "aliases": []}


def run(text: str, found: dict | None = None, path: str = "page.txt"):
    page = ingest.decode(text.encode("utf-8"), path)
    doc = sections.split(clean.clean(page), doc_id="t", format=page.format)
    entities.recognise(doc, entities.default_nlp())
    result = projects.extract(doc, found or OWN)
    return doc, result, result.values.get("projects", [])


def one(text: str, found: dict | None = None) -> dict:
    _, _, found_projects = run(text, found)
    assert len(found_projects) == 1, found_projects
    return found_projects[0]


CASES = [
    # form field list: "PROGRAMME, Name", "Name /Programme/", quoted name + Operational Programme
    (
        "Participation in Funded Support Programmes:\n\n1. Horizon 2020, Smart Grid Pilots\n",
        {"name": "Smart Grid Pilots", "programme": "Horizon 2020"},
    ),
    (
        "Projects:\n- Baltic Food Chains /Interreg Baltic Sea Region/\n",
        {"name": "Baltic Food Chains", "programme": "Interreg Baltic Sea Region"},
    ),
    (
        'Projects:\n1. "Support for exporters in Romania", Operational Programme "Competitiveness" /ERDF/\n',
        {"name": "Support for exporters in Romania", "programme": 'Operational Programme "Competitiveness"'},
    ),
    # prose: quoted name after "a project called", start, programme, duration in the next sentence
    (
        'Green Cluster began on 15.03.2016 a project called "Clean Water for Towns", which gets co-funding from '
        'Operational Programme "Environment 2014-2020". It runs for 18 months.',
        {"name": "Clean Water for Towns", "start": "2016-03-15", "duration_months": 18,
         "programme": 'Operational Programme "Environment 2014-2020"'},
    ),
    # "the project NAME - ACR has started", written month, duration in words, "led by"
    (
        "On 3 May 2019 the project Smart Rural Mobility - SMARTMOB has started, led by Alpine Transport Hub. "
        "The project duration is eighteen months.",
        {"name": "Smart Rural Mobility", "acronym": "SMARTMOB", "start": "2019-05-03", "duration_months": 18,
         "partners": ["Alpine Transport Hub"]},
    ),
    # the ACR project ... under the COSME call
    (
        "The FOODNET project was selected under the COSME call for strategic partnerships.",
        {"name": "FOODNET", "acronym": "FOODNET", "programme": "COSME"},
    ),
    # quoted "ACR – Name" before "project"
    (
        "Since you took part in the “BIOLINK – Biotech Links across the Baltic” project, we grant you the label.",
        {"name": "Biotech Links across the Baltic", "acronym": "BIOLINK"},
    ),
    # project section: heading "ACR - Name", programme with "Programme", years in "2 years"
    (
        "About us\n\nWe are a cluster.\n\nAGRI4 - Agriculture Digital Innovation Network\n\n"
        "The AGRI4 project is financed by the Danube Transnational Programme. It lasts 2 years.\n",
        {"name": "Agriculture Digital Innovation Network", "acronym": "AGRI4",
         "programme": "Danube Transnational Programme", "duration_months": 24},
    ),
    # project section with "Name (ACR)" in the body, partners list minus the organisation itself
    (
        "Wood Value Chains\n\nWood Value Chains (WVC) has started on 01.02.2018 and it is with duration of 30 months. "
        "Partners in the project are: Foundation Green Cluster, Timber Cluster Austria, University of Ljubljana "
        "and Forest Agency Slovakia.\n",
        {"name": "Wood Value Chains", "acronym": "WVC", "start": "2018-02-01", "duration_months": 30,
         "partners": ["Timber Cluster Austria", "University of Ljubljana", "Forest Agency Slovakia"]},
    ),
    # "The project partners are X and Y" with a programme code and quoted name
    (
        "Green Cluster has implemented a project “Skills for Tomorrow” BG05M2OP001-2.004-0012, financed under "
        "Operational Program “Science and Education”. The project partners are Varna Municipality and Nordic Skills Lab.",
        {"name": "Skills for Tomorrow", "code": "BG05M2OP001-2.004-0012",
         "programme": "Operational Program “Science and Education”",
         "partners": ["Varna Municipality", "Nordic Skills Lab"]},
    ),
    # project page: programme line, "Project №CODE", then the name
    (
        "Support for innovative enterprises\n\nProject №BG16RFOP002-1.002-0155\n\n"
        "Development of a new sensor platform for water utilities\n\nThe project objective is growth.\n",
        {"name": "Development of a new sensor platform for water utilities", "code": "BG16RFOP002-1.002-0155",
         "programme": "Support for innovative enterprises"},
    ),
    # an activity of the organisation under a programme, start "from YEAR till now", programme in next sentence
    (
        "From 2012 till now, Green Cluster is participating as a host partner in several exchanges under the "
        "programme Erasmus for Young Entrepreneurs. The programme is financed by the European Commission and COSME.",
        {"name": "Erasmus for Young Entrepreneurs", "start": "2012", "programme": "COSME"},
    ),
    # end date: "The project ends on ..." after the project was named in the section
    (
        "Surveys were run under the framework of the SEAFOOD Project. The project ends on 30th June 2021.",
        {"name": "SEAFOOD", "end": "2021-06-30"},
    ),
    # Bulgarian: two projects under one programme
    (
        "Клъстерът участва в подготовката на проекти по Програмата „Иновации и конкурентоспособност“ – за "
        "създаване на Център за дигитализация и на Център за обучение в сферата на роботиката.",
        None,
    ),
    # duration as adjective, Horizon Europe programme named with "Programme"
    (
        "Green Cluster coordinates the 36-month project SOILHEALTH, funded under the Horizon Europe Programme.",
        {"name": "SOILHEALTH", "programme": "Horizon Europe", "duration_months": 36},
    ),
]


# Variants of held-out failures, written with other wordings, organisations and programmes.
CASES += [
    # ECCP list entry: programme family with its specific programme, then "ACR - Name"
    (
        "Participation in Funded Support Programmes:\n\n  1. INTERREG Italy-Croatia, AQUA-LINK - Aquaculture "
        "Knowledge Link\n",
        {"name": "Aquaculture Knowledge Link", "acronym": "AQUA-LINK", "programme": "INTERREG Italy-Croatia"},
    ),
    # ECCP list entry: quoted Operational Programme with a comma inside, then the name
    (
        'Participation in Funded Support Programmes:\n\n  1. Operational Programme "Innovation, Growth and Skills", '
        "Cluster Support Scheme\n",
        {"name": "Cluster Support Scheme", "acronym": None,
         "programme": 'Operational Programme "Innovation, Growth and Skills"'},
    ),
    # prose: "X, our partner in the PROGRAMME project ACR (Name), which runs from MONTH YEAR to MONTH YEAR"
    (
        "The workshop was organised with the Dalmatian Fish Cluster, our partner in the Interreg MED project "
        "FISH-LINK (Fisheries Innovation Links in the Mediterranean), which runs from March 2018 to February 2021.",
        {"name": "Fisheries Innovation Links in the Mediterranean", "acronym": "FISH-LINK", "programme": "Interreg MED",
         "start": "2018-03", "end": "2021-02", "partners": ["Dalmatian Fish Cluster"]},
    ),
    # "the project ACR (Programme, project No. CODE)": programme and code in brackets
    (
        "The project AgroBoost (Interreg Central Europe, project No. CE1234) started on 1 April 2019 and ended on "
        "31 March 2022.",
        {"name": "AgroBoost", "acronym": "AgroBoost", "programme": "Interreg Central Europe", "code": "CE1234",
         "start": "2019-04-01", "end": "2022-03-31"},
    ),
    # ECCP "Name & description" table: a sentence entry with a measure in brackets
    (
        "Regional/National Programmes\n\nName & description\n\nRegional cluster support of TMC (Klasteris LV measure), "
        "financed by the Latvian Investment Agency.\n",
        {"name": "Regional cluster support of TMC", "programme": "Klasteris LV", "partners": []},
    ),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_project_cases(text, expected):
    doc, result, found_projects = run(text)
    if expected is None:  # the Bulgarian case: checked below
        return
    project = next((p for p in found_projects if p["name"] == expected["name"]), None)
    assert project is not None, found_projects
    for key, value in expected.items():
        assert project[key] == value, (key, project)


def test_bulgarian_two_projects_with_programme():
    _, _, found_projects = run(CASES[13][0])
    names = {p["name"]: p for p in found_projects}
    assert set(names) == {"Център за дигитализация", "Център за обучение"}
    assert all(p["programme"] == "Иновации и конкурентоспособност" for p in found_projects)


@pytest.mark.parametrize(
    "text",
    [
        "COSME supports clusters across Europe.",  # a programme on its own
        "Our objectives: to implement projects related to ICT in SMEs.",  # generic plural
        "General project objective is to build a partnership.",  # sentence-initial generic word
        "The project preparation was supported by REG USAID Project.",  # a funder, not the organisation's project
        "Danube Region Project Fund supports small ideas.",  # "Project Fund" is a fund's name going on
        "☃ ✓ — “” ‹› \u200b\u2028 Проект",
        "Project name\n\nName & description\n",
        "Contact: Dr. Jan Novak, Coordinator, Blue Cluster\n\nThis project has received funding from Horizon 2020.\n",
        "Programme: 9:00 Registration\nVenue: City Hall\n",  # an agenda, not a project form
        "Partners\n\n1. Blue Cluster – Brno, Czech Republic\n2. University of Brno\n",  # partners of no project
    ],
)
def test_not_projects(text):
    _, _, found_projects = run(text)
    assert found_projects == []


PROJECT_PAGE = (
    "Green Cluster | Home | Projects\n\nALPTEX – Alpine Textile Innovation Network\n\n"
    "Programme: Interreg Alpine Space – Priority 1 Innovation capacity\nGrant Agreement No.: 101056789\n"
    "Start date: 1 March 2021\nEnd date: 31 August 2023\nDuration: 30 months\nTotal budget: EUR 2 000 000\n\n"
    "About the project\n\nALPTEX is coordinated by Green Cluster and brings together clusters and universities.\n\n"
    "Partners\n\n1. Green Cluster (GC) – Bolzano, Italy – coordinator\n2. Textile Cluster Vorarlberg – Dornbirn, Austria\n"
    "3. University of Innsbruck – Innsbruck, Austria\n\nContact: Ms. Anna Berger, Project Manager, Green Cluster\n\n"
    "This project has received funding from the European Union under grant agreement No 101056789.\n"
)


def test_project_page_form_and_partner_list():
    project = one(PROJECT_PAGE)
    assert project == {
        "name": "Alpine Textile Innovation Network", "acronym": "ALPTEX", "code": "101056789",
        "programme": "Interreg Alpine Space", "start": "2021-03-01", "end": "2023-08-31", "duration_months": 30,
        "partners": ["Textile Cluster Vorarlberg", "University of Innsbruck"],
    }


def test_markdown_project_list_with_attributes_in_each_entry():
    text = (
        "# Tisza Food Cluster\n\nWe connect farmers.\n\n## Projects\n\n"
        "- **SkillsAgro Tisza** – Erasmus+ Strategic Partnership, project no. 2019-1-HU01-KA202-061234, "
        "September 2019 – August 2021 (24 months). Partners: Szeged Food Cluster, University of Novi Sad, "
        "Arad Chamber of Commerce.\n"
        "- **AquaNet HU-SRB** – Interreg IPA Cross-border Cooperation Hungary-Serbia, 2019–2021, led by the "
        "Csongrád County Council.\n"
    )
    _, _, found_projects = run(text, {"name": "Tisza Food Cluster", "aliases": []}, path="page.md")
    assert found_projects == [
        {"name": "SkillsAgro Tisza", "acronym": None, "code": "2019-1-HU01-KA202-061234", "programme": "Erasmus+",
         "start": "2019-09", "end": "2021-08", "duration_months": 24,
         "partners": ["Szeged Food Cluster", "University of Novi Sad", "Arad Chamber of Commerce"]},
        {"name": "AquaNet HU-SRB", "acronym": None, "code": None,
         "programme": "Interreg IPA Cross-border Cooperation Hungary-Serbia", "start": "2019", "end": "2021",
         "duration_months": None, "partners": ["Csongrád County Council"]},
    ]


def test_empty_document_never_raises():
    from profile_extract.document import Document

    assert projects.extract(Document(id="x", text=""), {}).values == {}
    assert projects.extract(Document(id="x", text="Project"), {"name": None}).values == {}


def test_partners_group_labels_and_and():
    text = (
        "Cluster Bridges - CLUBRIDGE\n\nThe CLUBRIDGE project consists of 6 partners from 4 European countries:"
        "3 ICT Clusters: Green Cluster Hungary, Albanian Information and Technology Association, Cluj IT Cluster;"
        "2 Automotive Clusters: Automotive Cluster Slovenia and Automotive Cluster Serbia1 Energy Cluster from Latvia: "
        "Energy Latvia\n"
    )
    project = one(text)
    assert project["acronym"] == "CLUBRIDGE"
    assert project["partners"] == [
        "Albanian Information and Technology Association", "Cluj IT Cluster", "Automotive Cluster Slovenia",
        "Automotive Cluster Serbia", "Energy Latvia",
    ]


def test_same_project_merged_across_page():
    text = (
        "Food Links - FOODLINKS\n\nThe project Food Links - FOODLINKS has started on 1 March 2017. "
        "It is financed by the Interreg Europe Programme.\n\nNews\n\n"
        "The FOODLINKS project ends on 28 February 2019.\n"
    )
    project = one(text)
    assert (project["start"], project["end"], project["programme"]) == ("2017-03-01", "2019-02-28", "Interreg Europe")


def test_evidence_spans_contain_values():
    texts = [case[0] for case in CASES] + [
        "Projects:\n1. COSME, Cluster Excellence Programme\n2. Coast Tourism /START - Danube Region Project Fund/\n"
    ]
    for text in texts:
        doc, result, found_projects = run(text)
        assert result.evidence or not found_projects
        for pointer, (start, end) in result.evidence.items():
            value = result.values  # /projects/0/partners/1, /partner_clusters/0 (partners that are clusters)
            for part in pointer.strip("/").split("/"):
                value = value[int(part)] if isinstance(value, list) else value[part]
            assert grounded(value, doc.text[start:end]), (pointer, value, doc.text[start:end])


def test_markdown_project_heading():
    text = "# Our cluster\n\nWe help firms.\n\n## MARINA Project\n\nThe project is funded by Interreg MED and started in March 2020.\n"
    _, _, found_projects = run(text, path="page.md")
    assert [p["name"] for p in found_projects] == ["MARINA"]
    assert found_projects[0]["programme"] == "Interreg MED"
    assert found_projects[0]["start"] == "2020-03"


@pytest.mark.parametrize(
    "text,value",
    [("GIVE", True), ("I3E", True), ("DANUBE ICT", True), ("NGPExcellence", True), ("Smart Factory Hub", False),
     ("Green Ict deVElopment", False), ("Ventures", False), ("2016", False)],
)
def test_is_acronym(text, value):
    assert projects.is_acronym(text) is value


# Partner lists: "X, Y and the Z" splits, names holding "and" stay whole, a bracketed country is not part of a name.
# (projects and organisations invented here)
PARTNER_CASES = [
    ("The RoboLink project started in 2020. The partners are Mechatronics Cluster Estonia, Kaunas University of "
     "Technology and the Riga Robotics Cluster.",
     ["Mechatronics Cluster Estonia", "Kaunas University of Technology", "Riga Robotics Cluster"]),
    ("The WoodSkills project started in 2021. The partners are Timber Cluster Slovenia, University of Zagreb and the "
     "Bosnian Wood Cluster.", ["Timber Cluster Slovenia", "University of Zagreb", "Bosnian Wood Cluster"]),
    ("The GreenPort project started in 2019. The project partners are Port of Gdansk Authority, Gdansk University of "
     "Technology and the Baltic Maritime Cluster.",
     ["Port of Gdansk Authority", "Gdansk University of Technology", "Baltic Maritime Cluster"]),
    ("The TechBridge project started in 2020. The partners are Mechatronics Cluster Estonia and the Riga Robotics "
     "Cluster.", ["Mechatronics Cluster Estonia", "Riga Robotics Cluster"]),
    # "Chamber of Commerce and Industry" and other names with "and" inside stay whole
    ("The CEBIO project started in 2020. Partners in the project are Moravian Biotech Cluster, Brno University of "
     "Technology and the Slovak Chamber of Commerce and Industry.",
     ["Moravian Biotech Cluster", "Brno University of Technology", "Slovak Chamber of Commerce and Industry"]),
    ("The DanuTex project started in 2018. The partners are Textile Cluster Vojvodina, University of Novi Sad and the "
     "Hungarian Chamber of Commerce and Industry.",
     ["Textile Cluster Vojvodina", "University of Novi Sad", "Hungarian Chamber of Commerce and Industry"]),
    ("The AlpFood project started in 2019. The partners are Food Cluster Tyrol, University of Innsbruck and the "
     "Bavarian Chamber of Crafts and Trades.",
     ["Food Cluster Tyrol", "University of Innsbruck", "Bavarian Chamber of Crafts and Trades"]),
    ("The EcoWood project started in 2020. The partners are Styrian Wood Cluster, Graz University of Technology and "
     "Slovenian Chamber of Commerce and Industry.",
     ["Styrian Wood Cluster", "Graz University of Technology", "Slovenian Chamber of Commerce and Industry"]),
    ("The CraftLink project started in 2022. The partners are Tyrolean Crafts Cluster, the Vienna Chamber of Commerce "
     "and Industry and the Bratislava Design Cluster.",
     ["Tyrolean Crafts Cluster", "Vienna Chamber of Commerce and Industry", "Bratislava Design Cluster"]),
    ("The NavTech project started in 2020. The partners are Zagreb Faculty of Mechanical Engineering and Naval "
     "Architecture, Split Maritime Cluster and the Rijeka Port Authority.",
     ["Zagreb Faculty of Mechanical Engineering and Naval Architecture", "Split Maritime Cluster",
      "Rijeka Port Authority"]),
    # a country in brackets after a partner is not part of its name
    ("The WoodDesign project started in 2020. Project partners: Timber Cluster Carinthia (Austria), Lombardy Furniture "
     "Cluster (Italy) and the Biotechnical Faculty of the University of Ljubljana.",
     ["Timber Cluster Carinthia", "Lombardy Furniture Cluster", "Biotechnical Faculty of the University of Ljubljana"]),
    ("The AquaLink project started in 2021. Project partners: Dalmatian Fish Cluster (Croatia), Apulian Aquaculture "
     "District (Italy) and the Faculty of Agriculture of the University of Zagreb.",
     ["Dalmatian Fish Cluster", "Apulian Aquaculture District", "Faculty of Agriculture of the University of Zagreb"]),
    ("The SunGrid project started in 2022. Project partners: Andalusian Solar Cluster (Spain), Algarve Energy Agency "
     "(Portugal) and Sicilian Energy Cluster (Italy).",
     ["Andalusian Solar Cluster", "Algarve Energy Agency", "Sicilian Energy Cluster"]),
    pytest.param(
        "The BlueSkills project started in 2021. The partners are Gdansk Maritime Cluster (PL), Klaipeda Science Park "
        "(LT) and the Latvian Maritime Academy (LV).",
        ["Gdansk Maritime Cluster", "Klaipeda Science Park", "Latvian Maritime Academy"],
        marks=pytest.mark.xfail(reason="a two-letter country code in brackets stays part of the partner's name",
                                strict=True)),
]


@pytest.mark.parametrize("text,partners", PARTNER_CASES)
def test_partner_list_splitting(text, partners):
    doc, result, found_projects = run(text)
    assert len(found_projects) == 1, found_projects
    assert found_projects[0]["partners"] == partners
    for i, partner in enumerate(partners):
        start, end = result.evidence[f"/projects/0/partners/{i}"]
        assert doc.text[start:end] == partner


# ------------------------------------------------------------------ project tables, "Partners in X:", programmes named
# before "project", programme tails, titles above project forms, what is not a project (all invented here)

PROJECT_TABLE = (
    "Projects\n\nProject | Programme | Period | Partners\n"
    "BLUEBOAT | Interreg Italy-Croatia | 01/2020 – 12/2021 (24 months) | Lagoon Boat Cluster, University of Split\n"
    "AGRITWIN | Horizon Europe | 09/2023 – 08/2026 (36 months) | Agrifood Cluster Friesland, Wageningen Lab\n"
)
ACRONYM_TABLE = (
    "Projects\n\nAcronym | Title | Programme | Code | Period\n"
    "HY-SKILLS | Hydrogen Skills for Industrial Regions | Eurocluster | 101074123 | 09/2022 – 02/2025\n"
    "WOODLOOP | Circular Wood Value Chains | Interreg Central Europe | CE0100234 | 04/2023 – 03/2026\n"
)
MARKDOWN_TABLE = (
    "| Project | Programme | Period | Partners |\n|---|---|---|---|\n"
    "| SEAFARM | Interreg MED | 03/2019 – 02/2022 (36 months) | Aegean Fish Cluster, Malta Marine Lab |\n"
)


@pytest.mark.parametrize(
    "text,expected",
    [
        (PROJECT_TABLE, [
            {"name": "BLUEBOAT", "programme": "Interreg Italy-Croatia", "start": "2020-01", "end": "2021-12",
             "duration_months": 24, "partners": ["Lagoon Boat Cluster", "University of Split"]},
            {"name": "AGRITWIN", "programme": "Horizon Europe", "start": "2023-09", "end": "2026-08",
             "duration_months": 36, "partners": ["Agrifood Cluster Friesland", "Wageningen Lab"]},
        ]),
        (ACRONYM_TABLE, [
            {"name": "Hydrogen Skills for Industrial Regions", "acronym": "HY-SKILLS", "programme": "Eurocluster",
             "start": "2022-09", "end": "2025-02"},
            {"name": "Circular Wood Value Chains", "acronym": "WOODLOOP", "programme": "Interreg Central Europe",
             "start": "2023-04", "end": "2026-03"},
        ]),
        (MARKDOWN_TABLE, [
            {"name": "SEAFARM", "programme": "Interreg MED", "start": "2019-03", "end": "2022-02", "duration_months": 36,
             "partners": ["Aegean Fish Cluster", "Malta Marine Lab"]},
        ]),
    ],
)
def test_one_project_per_row_of_a_project_table(text, expected):
    doc, result, found_projects = run(text)
    assert [p["name"] for p in found_projects] == [e["name"] for e in expected]
    for project, want in zip(found_projects, expected):
        for key, value in want.items():
            assert project[key] == value, (key, project)
    for pointer, (start, end) in result.evidence.items():
        value = result.values
        for part in pointer.strip("/").split("/"):
            value = value[int(part)] if isinstance(value, list) else value[part]
        assert grounded(value, doc.text[start:end]), (pointer, value)


def test_code_column_of_a_project_table():
    _, _, found_projects = run(ACRONYM_TABLE)
    assert [p["code"] for p in found_projects] == ["101074123", "CE0100234"]


@pytest.mark.parametrize(
    "text",
    [
        "Results\n\nYear | Members | Events\n2022 | 40 | 12\n2023 | 46 | 15\n",  # a table without a project column
        "Team\n\nName | Role | Phone\nAna Horvat | Manager | 123\n",
    ],
)
def test_table_without_a_project_column_gives_no_projects(text):
    _, _, found_projects = run(text)
    assert found_projects == []


@pytest.mark.parametrize(
    "text,name,partners",
    [
        ("AgriSkills 4.0\n\nThe project trains farm workers in digital tools.\n\nPartners in AgriSkills 4.0: Agro "
         "Cluster Banat, University of Novi Sad and Timis Chamber of Agriculture.\n", "AgriSkills 4.0",
         ["Agro Cluster Banat", "University of Novi Sad", "Timis Chamber of Agriculture"]),
        ("Dairy 4.0\n\nThe project trains dairy workers in digital tools.\n\nPartners in Dairy 4.0: Tyrol Food "
         "Cluster, University of Innsbruck and Bavarian Dairy Association.\n", "Dairy 4.0",
         ["Tyrol Food Cluster", "University of Innsbruck", "Bavarian Dairy Association"]),
    ],
)
def test_partners_in_project_line_attaches_partners(text, name, partners):
    project = one(text)
    assert project["name"] == name
    assert project["partners"] == partners


@pytest.mark.parametrize(
    "text,name,programme",
    [
        ("The cluster is a partner in the Interreg Italy-Croatia project BLUEBOAT, which develops electric boats.",
         "BLUEBOAT", "Interreg Italy-Croatia"),
        ("Green Cluster leads the Interreg Central Europe project WOODLOOP on circular timber.", "WOODLOOP",
         "Interreg Central Europe"),
        ("We take part in the Interreg Danube project DANUFOOD together with six clusters.", "DANUFOOD",
         "Interreg Danube"),
    ],
)
def test_programme_named_before_the_word_project(text, name, programme):
    project = one(text)
    assert (project["name"], project["acronym"], project["programme"]) == (name, name, programme)


XFAIL_EUROCLUSTER_NAME = pytest.mark.xfail(
    reason="the name after 'Eurocluster ACR –' stops at its first word ('Hydrogen', 'Digital')", strict=True)
EUROCLUSTER_CASES = [
    ("The cluster coordinates the Eurocluster HY-SKILLS – Hydrogen Skills for Industrial Regions, a project funded "
     "by the Single Market Programme.", "HY-SKILLS", "Hydrogen Skills for Industrial Regions"),
    ("As a project partner, the cluster takes part in the Eurocluster HY-SKILLS – Hydrogen Skills for Industrial "
     "Regions.", "HY-SKILLS", "Hydrogen Skills for Industrial Regions"),
    ("Our projects: the Eurocluster AGRI-TWIN – Digital Twins for Agrifood SMEs.", "AGRI-TWIN",
     "Digital Twins for Agrifood SMEs"),
]


@pytest.mark.parametrize("text,acronym,name", EUROCLUSTER_CASES)
def test_eurocluster_acronym(text, acronym, name):
    assert one(text)["acronym"] == acronym


@pytest.mark.parametrize("text,acronym,name", [pytest.param(*case, marks=XFAIL_EUROCLUSTER_NAME)
                                               for case in EUROCLUSTER_CASES])
def test_eurocluster_name_after_the_acronym(text, acronym, name):
    assert one(text)["name"] == name


@pytest.mark.parametrize(
    "text,programme",
    [
        ("The project SMARTWOOD is financed by the Regional Operational Programme 2014-2020.",
         "Regional Operational Programme 2014-2020"),
        ("The cluster implements the project AGROLINK, co-financed by the Regional Operational Programme 2014-2020 of "
         "Central Macedonia.", "Regional Operational Programme 2014-2020"),
        ("The project VETBOAT is funded by Erasmus+ KA220-VET.", "Erasmus+ KA220-VET"),
        ("The cluster leads the project SKILLFOOD under Erasmus+ KA220-VET and started it in 2023.",
         "Erasmus+ KA220-VET"),
        ("The project DRINA-TOUR is funded by the IPA Cross-border Programme Serbia – North Macedonia.",
         "IPA Cross-border Programme Serbia – North Macedonia"),
        ("The project WINE-ROUTES is funded by the IPA Cross-border Programme Bulgaria – Serbia 2014-2020.",
         "IPA Cross-border Programme Bulgaria – Serbia"),
        ("The project DANUBEFISH is funded by Interreg VI-A Romania-Serbia.", "Interreg VI-A Romania-Serbia"),
    ],
)
def test_programme_keeps_its_period_action_or_countries(text, programme):
    assert one(text)["programme"] == programme


@pytest.mark.parametrize(
    "text,expected",
    [
        ("About us\n\nWe are a cluster of textile firms.\nRE-TEX – Regional Ecosystems for Textile Circularity\n"
         "Acronym: RE-TEX\nProgramme: Interreg Europe\nStart date: 1 March 2023\n",
         {"name": "Regional Ecosystems for Textile Circularity", "acronym": "RE-TEX", "programme": "Interreg Europe",
          "start": "2023-03-01"}),
        ("About us\n\nWe connect wood firms.\nWOODLOOP – Circular Wood Value Chains\nAcronym: WOODLOOP\n"
         "Programme: Interreg Central Europe\nStart date: 1 April 2023\n",
         {"name": "Circular Wood Value Chains", "acronym": "WOODLOOP", "programme": "Interreg Central Europe",
          "start": "2023-04-01"}),
        ("About us\n\nWe connect fish farms.\nAQUA-NET – Aquaculture Networks for the Adriatic\nAcronym: AQUA-NET\n"
         "Programme: Interreg Italy-Croatia\nEnd date: 30 June 2022\n",
         {"name": "Aquaculture Networks for the Adriatic", "acronym": "AQUA-NET", "programme": "Interreg Italy-Croatia",
          "end": "2022-06-30"}),
        # a "Project code:" field first: the form's fields, not the line after it, fill the project
        ("RE-TEX – Regional Ecosystems for Textile Circularity\n\nProject code: PGI01234\nAcronym: RE-TEX\n"
         "Programme: Interreg Europe\n",
         {"name": "Regional Ecosystems for Textile Circularity", "acronym": "RE-TEX", "code": "PGI01234",
          "programme": "Interreg Europe"}),
    ],
)
def test_title_above_a_project_form_names_the_project(text, expected):
    project = one(text)
    for key, value in expected.items():
        assert project[key] == value, (key, project)


@pytest.mark.parametrize(
    "text",
    [
        "Horizon Europe success\n\nThe project proposal of three members was funded this year, and the cluster helped "
        "write it.",
        "Erasmus+ news\n\nThe project exchange brought ten students to our members in spring.",
        "Interreg Europe highlights\n\nThe project partners shared good practices with six regions.",
        pytest.param("Horizon Europe Success\n\nThe project proposal of three members was funded this year.",
                     marks=pytest.mark.xfail(reason="a capitalised common word after the programme's name ('Success') "
                                                    "makes the heading a project", strict=True)),
    ],
)
def test_programme_heading_with_common_words_is_not_a_project(text):
    _, _, found_projects = run(text)
    assert found_projects == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # the organisation itself, bars, hashtags and imperative lines in a project list
        ("Projects:\n- Green Cluster\n- WOODLINK\n", ["WOODLINK"]),
        ("Projects:\n- Follow the project on social media\n- WOODLINK\n", ["WOODLINK"]),
        ("Projects:\n- Visit the project website\n- WOODLINK\n", ["WOODLINK"]),
        ("Projects:\n- Home | About | Contact\n- WOODLINK\n", ["WOODLINK"]),
        ("Projects:\n- #greenproject #woodlink\n- WOODLINK\n", ["WOODLINK"]),
        # a bare nationality before "project"
        ("The Polish–Ukrainian project started in 2021 with four partners.", []),
        ("The Slovak-Hungarian project ended in 2022.", []),
        ("The Greek–Bulgarian project ran from 2019 to 2021.", []),
        ("The Green Cluster project started in 2020.", []),
        # imperative headings and chrome above a project paragraph
        ("Follow the project on social media\n\nThe project shares news every week.", []),
        ("Download the project brochure\n\nThe project brochure is available in English.", []),
        ("Share | Tweet | Project\n\nThe project connects farmers.", []),
    ],
)
def test_names_that_are_not_projects(text, expected):
    _, _, found_projects = run(text)
    assert [p["name"] for p in found_projects] == expected


@pytest.mark.parametrize(
    "text,path,clusters",
    [
        ("Nordic Drone Cluster\n\nNordic Drone Cluster connects drone makers.\n\nProjects\n\n"
         "Project | Programme | Period | Partners\n"
         "SKYLINK | Interreg Aurora | 01/2023 – 12/2025 (36 months) | Lapland Robotics Cluster, Umeå University\n",
         "x.txt", ["Lapland Robotics Cluster"]),
        ("Adriatic Boat Cluster\n\nAdriatic Boat Cluster unites shipyards.\n\nProjects\n\n"
         "Project | Programme | Period | Partners\n"
         "BLUEBOAT | Interreg Italy-Croatia | 01/2020 – 12/2021 | Lagoon Boat Cluster, University of Split\n"
         "SEAFARM | Interreg MED | 03/2019 – 02/2022 | Aegean Fish Cluster, Malta Marine Lab\n",
         "x.txt", ["Lagoon Boat Cluster", "Aegean Fish Cluster"]),
    ],
)
def test_project_partners_that_are_clusters_are_partner_clusters_in_the_record(text, path, clusters):
    from profile_extract.grounding import ungrounded
    from profile_extract.pipeline import process_bytes

    result = process_bytes(text.encode("utf-8"), doc_id="x", path=path)
    record = result.record
    assert record.partner_clusters == clusters
    partners = [p for project in record.projects for p in project.partners]
    assert set(clusters) <= set(partners)
    assert list(ungrounded(json.loads(record.to_json()), result.text)) == []


@pytest.mark.parametrize(
    "text,programme,code",
    [
        ("## Projects\n- TESTBED (Cross-border testbeds for digital health start-ups), Interreg Estonia–Latvia, "
         "project EE-LV00112, 2023–2025.\n", "Interreg Estonia–Latvia", "EE-LV00112"),
        ('Our project "Sensor-based remote monitoring for rural care homes" is funded by Interreg Bavaria–Austria '
         "2021–2027 (project BA0100117).\n", "Interreg Bavaria–Austria 2021–2027", "BA0100117"),
    ],
)
def test_programme_country_pairs_and_codes_after_project(text, programme, code):
    project = one(text)
    assert (project["programme"], project["code"]) == (programme, code)
    assert project["name"] != code and project["acronym"] != code  # a code is never the project's name


@pytest.mark.parametrize("word,shaped", [("EE-LV00112", True), ("C2-2", True), ("101074553", True),
                                          ("H2-TRAIN", False), ("COVID19", False), ("GEOBRIDGE", False)])
def test_code_shaped(word, shaped):
    assert projects.code_shaped(word) is shaped


def test_attribute_line_between_title_and_partners():
    project = one("Current project\nSENS4CARE – Sensor-based remote monitoring for rural care homes\n"
                  "Interreg Bavaria–Austria 2021–2027, project BA0100117, 04/2023 – 03/2026\n"
                  "Partners: Tyrolean Life Sciences Cluster, Pegnitz Sensortechnik GmbH\n")
    assert (project["acronym"], project["programme"], project["code"], project["start"], project["end"]) == (
        "SENS4CARE", "Interreg Bavaria–Austria 2021–2027", "BA0100117", "2023-04", "2026-03")


def test_duration_field_holding_the_period_and_middle_dot_fields():
    project = one("Projects\nTIMBERLOOP – Circular timber building components in the Baltic Sea region\n"
                  "Programme: Interreg Baltic Sea Region · Duration: 01/2024–12/2026\n"
                  "Partners: Värmland Timber Cluster (Sweden), Kaunas University of Applied Engineering (Lithuania)\n")
    assert (project["programme"], project["start"], project["end"]) == ("Interreg Baltic Sea Region", "2024-01", "2026-12")


@pytest.mark.parametrize(
    "text,name,acronym,programme,start,end",
    [
        ("LACC coordinates CERAMAKE – Additive manufacturing of technical ceramics for SMEs, funded by Interreg Sudoe "
         "(2023–2025), with three partners.\n",
         "Additive manufacturing of technical ceramics for SMEs", "CERAMAKE", "Interreg Sudoe", "2023", "2025"),
        ("The cluster signed the grant agreement for BLUEFEED – Circular feed ingredients from marine side streams, "
         "a Horizon Europe project (grant agreement 101136742).\n",
         "Circular feed ingredients from marine side streams", "BLUEFEED", None, None, None),
        ("From 2019 to 2022 it was a partner in the Interreg South Baltic project BalticWind4SME (Offshore wind "
         "supply-chain readiness for SMEs), led by Klaipėda Energy Cluster.\n",
         "Offshore wind supply-chain readiness for SMEs", "BalticWind4SME", "Interreg South Baltic", "2019", "2022"),
    ],
)
def test_acronym_dash_or_bracket_sentence_case_titles(text, name, acronym, programme, start, end):
    project = one(text)
    assert (project["name"], project["acronym"], project["start"], project["end"]) == (name, acronym, start, end)
    if programme:
        assert project["programme"] == programme


def test_a_title_case_programme_after_an_acronym_is_no_project_title():
    _, _, found_projects = run("2. START- Danube Region Project Fund\n")
    assert all(p["name"] != "Danube Region Project Fund" for p in found_projects)


def test_a_programme_named_beside_a_project_is_its_programme_not_another_project():
    project = one("The event is organised within RECYPLAST – Recycled plastics for cross-border manufacturing, an "
                  "Interreg Euregio Meuse-Rhine project (2022–2025) with the Rhineland Plastics Cluster.\n")
    assert (project["acronym"], project["programme"], project["start"], project["end"]) == (
        "RECYPLAST", "Interreg Euregio Meuse-Rhine", "2022", "2025")


def test_a_romance_project_sentence_gives_code_start_duration_and_partners():
    project = one(
        "El clúster participa en el proyecto AGRIVERDE (Riego inteligente para cultivos leñosos), financiado por el programa "
        "Interreg Sudoe con el código S2/1.3/E0077. El proyecto comenzó el 1 de marzo de 2024 y tiene una duración de 30 meses. "
        "Lo coordina la Universidad de Lleida y en él participan también el Instituto Tecnológico de Aragón y el Clúster del Agua.\n"
    )
    assert project["name"] == "Riego inteligente para cultivos leñosos" and project["acronym"] == "AGRIVERDE"
    assert (project["code"], project["programme"], project["start"], project["duration_months"]) == (
        "S2/1.3/E0077", "Interreg Sudoe", "2024-03-01", 30)
    assert "Instituto Tecnológico de Aragón" in project["partners"] and "Clúster del Agua" in project["partners"]


def test_a_name_with_a_conjunction_stays_whole_in_a_romance_partner_list():
    _, _, found = run("Clusterul coordonează proiectul „Textile Verzi Moldova” (cod SMIS 412233), în parteneriat cu "
                      "Institutul de Design și Inovare Iași.\n")
    assert found and found[0]["code"] == "412233" and found[0]["partners"] == ["Institutul de Design și Inovare Iași"]


def test_a_project_code_field_of_a_factsheet_does_not_make_its_heading_a_programme():
    text = ("RE-TEX – Regional Ecosystems for Textile Circularity\n\nProject factsheet\nProject code: CE0200871\nAcronym: RE-TEX\n"
            "Programme: Interreg Central Europe 2021-2027\nStart date: 1 April 2023\n")
    project = one(text)
    assert project["programme"] == "Interreg Central Europe 2021-2027" and project["code"] == "CE0200871"


def test_a_place_note_in_brackets_is_not_split_from_a_partner_name():
    text = ("MEDIGREEN – Circular Packaging for Medical Devices\n- Programme: Interreg North-West Europe\n"
            "- Duration: 36 months\n- Lead partner: Limburg Health Materials Institute (Maastricht, NL)\n"
            "- Other partners: Medical Valley Wallonia (Liège, BE), Lyon BioMed Cluster (Lyon, FR)\n")
    project = one(text)
    assert project["partners"] == ["Limburg Health Materials Institute", "Medical Valley Wallonia", "Lyon BioMed Cluster"]
    assert project["duration_months"] == 36


@pytest.mark.parametrize("text,months", [("Duración: 36 meses\n", 36), ("Durata: 2 anni\n", 24), ("Durée : 18 mois\n", 18)])
def test_romance_duration_fields(text, months):
    project = one("AGRITECH – Digital farming for small growers\n" + text + "Programa: Interreg Sudoe\n")
    assert project["duration_months"] == months


def test_an_acronym_heading_over_the_title_names_the_project_of_the_form_below():
    text = ("AQUA-REUSE\n\nDigital Twins for Circular Water Reuse in Arid Agriculture\n\nProgramme: Horizon Europe\n"
            "Grant agreement: 101136842\nDuration: 48 months\n")
    project = one(text)
    assert (project["name"], project["acronym"], project["programme"], project["duration_months"]) == (
        "Digital Twins for Circular Water Reuse in Arid Agriculture", "AQUA-REUSE", "Horizon Europe", 48)


def test_a_partner_table_under_a_consortium_heading():
    text = ("BEECHLOOP – Circular cascading of beech wood residues\n\nAcronym: BEECHLOOP\nProgramme: Horizon Europe\n\n"
            "Consortium\nNo. | Partner | Short name | Country | Role\n1 | Institute for Lignocellulosic Materials | ILM | Slovenia | "
            "Beneficiary\n2 | Pohorje Timber Cluster | PTC | Slovenia | Beneficiary\n3 | Bukva d.o.o. | BUKVA | Croatia | "
            "Affiliated entity\n")
    project = one(text)
    assert project["partners"] == ["Institute for Lignocellulosic Materials", "Pohorje Timber Cluster", "Bukva d.o.o."]
