"""Listed-topic extraction (sectors, technology fields, S3, emerging industries, services) on small pages."""
import pytest

from doc_helpers import run_extractor
from profile_extract.extractors import topics


def run(text, path="page.txt", found=None):
    return run_extractor(topics, text, found or {}, path)


def values(text, key, path="page.txt"):
    return run(text, path)[1].values.get(key, [])


CASES = [
    # ECCP form: label line, one value per line
    ("Sectoral Industries: \nBusiness Services\nEducation and Knowledge Creation\nTechnology fields: \nCloud Technologies\n",
     "sectors", ["Business Services", "Education and Knowledge Creation"]),
    ("Sectoral Industries: \nBusiness Services\nTechnology fields: \nCloud Technologies\nComputer Software\n",
     "technology_fields", ["Cloud Technologies", "Computer Software"]),
    # a value with a comma that is one taxonomy term
    ("S3 EU priority areas: \nComputer programming, consultancy & related activities\n",
     "s3_priority_areas", ["Computer programming, consultancy & related activities"]),
    ("Priority areas (S3 EU): \nCrop & animal production, hunting &related service activities\nPower generation / renewable sources\n",
     "s3_priority_areas", ["Crop & animal production, hunting &related service activities", "Power generation / renewable sources"]),
    ("Fields of emerging industry: \nCreative Industries\nDigital Industries\n", "emerging_industries",
     ["Creative Industries", "Digital Industries"]),
    ("Cross-sectoral industries\nDigital Industries\n\n\nSupport services provided\n\nOther (please specify)\n",
     "emerging_industries", ["Digital Industries"]),
    # placeholder only: nothing
    ("Support services provided\n\nOther (please specify)\n", "services", []),
    # brackets protect commas
    ("Support services provided: \nAccess to public support (regional/national programmes, innovation vouchers, etc.)\n"
     "Facilitation of collaboration between members\n", "services",
     ["Access to public support (regional/national programmes, innovation vouchers, etc.)",
      "Facilitation of collaboration between members"]),
    # inline list on one line, mixed separators
    ("Sectors: Automotive, Plastics; Furniture\n", "sectors", ["Automotive", "Plastics", "Furniture"]),
    ("Sectors: Automotive | Medical devices | Wood products\n", "sectors", ["Automotive", "Medical devices", "Wood products"]),
    # a taxonomy term with a comma inside an inline list
    ("Sectors: Marketing, design and publishing, Furniture\n", "sectors", ["Marketing, design and publishing", "Furniture"]),
    # a lower-case continuation stays in its item
    ("Services: Training, coaching and mentoring\n", "services", ["Training, coaching and mentoring"]),
    # Markdown heading followed by a bullet list
    ("## Technology fields\n\n- Photonics\n- Advanced materials\n\n## About\n\nWe are a cluster.\n", "technology_fields",
     ["Photonics", "Advanced materials"]),
    ("# Our cluster\n\n### Services\n\n* Matchmaking events\n* Access to finance\n\nThe cluster was founded by ten firms. It grew.\n",
     "services", ["Matchmaking events", "Access to finance"]),
    # Bulgarian label
    ("Сектори: \nАвтомобилостроене\nИнформационни технологии\n", "sectors", ["Автомобилостроене", "Информационни технологии"]),
    # unknown label, every item from one taxonomy: recognised
    ("Industry focus of the members: \nAutomotive\nPlastics\nFurniture\n", "sectors", ["Automotive", "Plastics", "Furniture"]),
    # unknown label, items not all from a taxonomy: not taken
    ("Our strengths: \nAutomotive\nGood people\n", "sectors", []),
    # prose mentioning topics without a label: nothing
    ("The cluster works on artificial intelligence, robotics and photonics for the automotive sector.\n",
     "technology_fields", []),
    ("The cluster works on artificial intelligence, robotics and photonics for the automotive sector.\n", "sectors", []),
    # areas of activity are not services
    ("Main areas of activities\n\n- Industrial modernization\n- Internationalization\n", "services", []),
    # duplicates are listed once
    ("Sectors: Automotive, Plastics, AUTOMOTIVE\n", "sectors", ["Automotive", "Plastics"]),
    # a pipe list ends at the next "Label: value" pair
    ("Sectors: Automotive | Plastics | Website: Link\n", "sectors", ["Automotive", "Plastics"]),
    # free-text services as a bulleted list under an "Our services"-style heading, in several layouts
    ("Home > About\n\nNordic Bio Cluster\n\nOur services\n\n  • Partner search for EU projects\n  • Investor days and pitch "
     "training\n  • Joint stands at trade fairs\n\nContact\n\nOslo\n", "services",
     ["Partner search for EU projects", "Investor days and pitch training", "Joint stands at trade fairs"]),
    ("## What we offer\n\n- Legal advice on public procurement\n- Market studies for new members\n\n## Team\n\nAnna\n", "services",
     ["Legal advice on public procurement", "Market studies for new members"]),
    ("## Services we offer to members\n\n* Coaching for start-ups\n* Access to the shared clean room\n", "services",
     ["Coaching for start-ups", "Access to the shared clean room"]),
    ("# Cluster\n\n### Our services\n\n1. Export coaching\n2. Match-making with investors\n", "services",
     ["Export coaching", "Match-making with investors"]),
    # an introductory line before the items is not an item
    ("Our services\n\nWe provide our members with:\n• Matchmaking with buyers\n• Export coaching\n", "services",
     ["Matchmaking with buyers", "Export coaching"]),
    # a sentence announcing the services as a label
    ("The cluster offers its members the following services:\n• Joint purchasing\n• Legal advice\n", "services",
     ["Joint purchasing", "Legal advice"]),
    ("## Activities and services\n\n- Joint marketing campaigns\n- Innovation vouchers advice\n", "services",
     ["Joint marketing campaigns", "Innovation vouchers advice"]),
    # Bulgarian heading
    ("Нашите услуги\n\n• Обучения за членовете\n• Участие в международни изложения\n", "services",
     ["Обучения за членовете", "Участие в международни изложения"]),
    # prose under a services heading is not a list of services
    ("## Our services\n\nWe offer our members a wide range of services, from training to internationalisation.\n", "services", []),
    ("Our services\n\nThe cluster supports its members in many ways and helps them grow abroad every year.\n", "services", []),
    # the word in a navigation sentence is not a heading
    ("Read more about our services and events on the members' page.\n\n• Training\n", "services", []),
    # "etc." is not an item
    ("Technology fields: Photonics, Robotics, etc.\n", "technology_fields", ["Photonics", "Robotics"]),
]


def _path(text):
    return "page.html" if text.startswith("<") else "page.md" if text.startswith("#") else "page.txt"


HTML_SERVICES = (
    "<html><body><h1>Flanders Food Cluster</h1><p>We connect food companies.</p><h2>Services we offer</h2><ul>"
    "<li>Technology scouting</li><li>Support for joint R&amp;D projects</li><li>Access to the pilot kitchen</li></ul>"
    "<h2>Contact</h2><p>Gent</p></body></html>"
)
CASES.append((HTML_SERVICES, "services", ["Technology scouting", "Support for joint R&D projects", "Access to the pilot kitchen"]))


@pytest.mark.parametrize("text,key,expected", CASES)
def test_values(text, key, expected):
    path = _path(text)
    assert values(text, key, path) == expected


@pytest.mark.parametrize("text,key,expected", [c for c in CASES if c[2]])
def test_evidence_contains_value(text, key, expected):
    path = _path(text)
    doc, result = run(text, path)
    for i, value in enumerate(result.values[key]):
        start, end = result.evidence[f"/{key}/{i}"]
        assert value.casefold() in doc.text[start:end].casefold()


def test_values_copied_as_written():
    assert values("Technology fields: \nINFORMATION TECHNOLOGY/INFORMATICS\n", "technology_fields") == [
        "INFORMATION TECHNOLOGY/INFORMATICS"
    ]


@pytest.mark.parametrize(
    "text,spans",
    [
        ("A, B; C", ["A", "B", "C"]),
        ("Computer programming, consultancy & related activities", ["Computer programming, consultancy & related activities"]),
        ("Access (x, y), Finance", ["Access (x, y)", "Finance"]),
        ("Training, coaching and mentoring", ["Training, coaching and mentoring"]),
        ("automotive, logistics", ["automotive", "logistics"]),
        ("", []),
    ],
)
def test_split_items(text, spans):
    assert [text[s:e] for s, e in topics.split_items(text)] == spans


@pytest.mark.parametrize("text", ["", "\n\n", "Sectors:", "Sectors: \n\n\n", "\u200b\ufeff::::", "## \n- \n", "Sectors: ,;|,"])
def test_odd_input_never_raises(text):
    run(text, "page.md" if text.startswith("#") else "page.txt")


def test_a_bulleted_list_under_a_heading_ends_at_the_first_line_without_a_bullet():
    text = ("Services\n• Wine route development\n• Joint marketing and trade fairs\n\nKey people\n"
            "Nino Beridze — Executive Director\nTamar Lomidze — Marketing Coordinator\n")
    assert values(text, "services") == ["Wine route development", "Joint marketing and trade fairs"]
