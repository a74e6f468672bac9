"""Name and aliases of the profiled organisation: titles, headings, prose, quotes, legal forms."""
import re

import pytest

from doc_helpers import run_extractor
from profile_extract.document import Document
from profile_extract.extractors import names
from profile_extract.grounding import grounded


def run(text, path="page.txt"):
    return run_extractor(names, text, {}, path)


POSITIVE = [
    # plain title line repeated in the text
    ("Green Energy Cluster Slovenia\n\nGreen Energy Cluster Slovenia brings together 40 companies from the energy sector.",
     "Green Energy Cluster Slovenia"),
    # breadcrumb, then title, then form labels
    ("Home > Cluster Organisations > Textile Cluster Bitola\n\nTextile Cluster Bitola\n\nGeneral Information\n"
     "Cluster Excellence Label: \nBronze Label\n", "Textile Cluster Bitola"),
    # Markdown heading and bold subject
    ("## Wood Processing Cluster\n\n**Wood Processing Cluster** is a non-profit association of furniture makers.\n\n"
     "### Objectives\n\n- To improve competitiveness of companies.", "Wood Processing Cluster"),
    # title with an acronym after a dash
    ("Danube Food Cluster - DFC\n\nPrimary tabs\n\nThe Danube Food Cluster connects producers along the river.",
     "Danube Food Cluster"),
    # no title: the most used organisation name in the prose wins
    ("Our mission is simple.\n\nAerospace Cluster Sweden supports its suppliers. Aerospace Cluster Sweden ran "
     "matchmaking events with the Bavarian Aviation Cluster last year. Aerospace Cluster Sweden is growing.",
     "Aerospace Cluster Sweden"),
    # founding news in the first person
    ("Together with four partner clusters, we set up the Croatian Wood Association on 3 May 2021.\n\n"
     "Years of preparation went into it. The Croatian Wood Alliance came into being after long talks.",
     "Croatian Wood Association"),
    # a federation whose name has lower-case words
    ("Eight clusters signed a charter today.\n\nEight of the clusters decided on 5 March 2019, in Iasi, to establish "
     "a Federation of the clusters for green growth of Romania, bringing the sector together. The Federation will "
     "lobby for the sector. Members of the ICT Cluster Iasi and the ICT Cluster Cluj signed.",
     "Federation of the clusters for green growth of Romania"),
    # a project page whose project title ends with the cluster's name
    ("Strengthening the capacity and the market position of Smart Mobility Cluster Ruse\n\nAbout the project\n\n"
     "Smart Mobility Cluster Ruse started a project in 2012. Smart Mobility Cluster Ruse will present its results "
     "in Varna. The SMCR team thanks its members.", "Smart Mobility Cluster Ruse"),
    # quoted cluster name in a project title
    ("Project No BG16RFOP002-1.001-0001\n\nBuilding a strategy to raise the competitiveness of „AGRO Cluster”\n\n"
     "The project will support the AGRO cluster and its member companies.", "AGRO Cluster"),
    # award letter: the label is for the organisation after "for"
    ("Press // 12. May 2015\nSilver Label of Cluster Management Excellence for MEDTECH Ltd.\nDear Ms Smith,\n"
     "We are pleased to grant you the label of the European Cluster Excellence Initiative.", "MEDTECH Ltd."),
    # profile card: person, role, organisation
    ("Maria Petrova\n\nCluster Manager\nPlastics Cluster Plovdiv\n\nBilateral Meetings\n\n"
     "Plastics Cluster Plovdiv gathers processors of plastics in the region.", "Plastics Cluster Plovdiv"),
    # Bulgarian: designator, quoted name and acronym
    ("10.05.2019\n\nОбщото събрание на Клъстера се проведе днес.\n\nОбщото събрание на Клъстер „Зелена енергия“ (КЗЕ) "
     "се проведе на 10 май 2019 г. в София. Членовете на КЗЕ обсъдиха плановете си. КЗЕ ще участва в проекти.",
     "Клъстер „Зелена енергия“"),
    # acronym definition as a sentence subject, no organisation-type word
    ("Home > News > Lessons from a cluster\n\nLessons from a cluster\n\nMarine Robotics Ireland (MRI) published a "
     "guide on cluster building. MRI was formed by twelve companies. Marine Robotics Ireland hopes to grow.",
     "Marine Robotics Ireland"),
    # trailing legal form dropped because the text also uses the short name
    ("Photonics Bavaria e. V.\n\nAbout us\n\nWith 90 members, Photonics Bavaria e. V. is a network of optics firms. "
     "Photonics Bavaria was founded in 2004. Photonics Bavaria works with universities.", "Photonics Bavaria"),
    # leading legal form dropped because the text also uses the short name
    ("Digital Cluster Varna\n\nFoundation Digital Cluster Varna is a business organisation. "
     "Digital Cluster Varna organises events for its members.", "Digital Cluster Varna"),
    # founding news with the full name in quotes
    ("It is a joy to share that we have officially set up a Cluster of Food Technologies in Pleven – the first there.\n\n"
     "“Cluster Food Technologies – Pleven” will support companies and schools in the region.\n\n"
     "Among the aims of Food Cluster Pleven are the following.", "Cluster Food Technologies – Pleven"),
    # directory entry: portal banner first, the name follows
    ("DANUBE CONNECT – Regional Innovation Portal\n\nPartners & NetworksClusters\n\nKharkiv IT Cluster\n\n"
     "IT Cluster of Kharkiv unites business, education and government.\n\nKharkiv IT Cluster\n"
     "  • Posted on: 01.02.2018\n  • Ukraine", "Kharkiv IT Cluster"),
    # news feed of a network: frequency and title position
    ("Representatives of the “Adriatic Tourism Network” visited the Lisbon Cluster Forum\n\nMay 04, 2017\n\n"
     "The Adriatic Tourism Network met in Split. Members of the Adriatic Tourism Network discussed a project with "
     "Lisbon Tourism Cluster.\n\nApril 02, 2017\n\nThe Adriatic Tourism Network elected a new chair.",
     "Adriatic Tourism Network"),
    # an acronym in brackets after the name is an alias, not part of the name
    ("Three clusters join forces\n\n15 November 2019\n\nThe Basque Robotics Cluster (BRC) signed an agreement with the "
     "Navarra Robotics Cluster. BRC was founded in 2008. The Basque Robotics Cluster has 60 members.",
     "Basque Robotics Cluster"),
    # a form field with the organisation's name
    ("Cluster profile\n\nCluster name: Solar Valley Cluster\nCountry: Czech Republic\n\n"
     "The cluster works with the Moravian Energy Cluster on several projects.", "Solar Valley Cluster"),
    # title-cased platform name on an ECCP page
    ("Home > Cluster Networks > Slovak Cluster Platform\n\nSlovak Cluster Platform\n\nSlovak Cluster Platform\n\n"
     "It was in 2011 that the National Cluster Platform was launched. The Slovak Cluster Conference is held yearly.",
     "Slovak Cluster Platform"),
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_name_found(text, expected):
    doc, ex = run(text, "page.md" if text.startswith("#") else "page.txt")
    assert ex.values.get("name") == expected


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_name_evidence_contains_value(text, expected):
    doc, ex = run(text, "page.md" if text.startswith("#") else "page.txt")
    start, end = ex.evidence["/name"]
    assert grounded(ex.values["name"], doc.text[start:end])
    for i, alias in enumerate(ex.values.get("aliases", [])):
        a, b = ex.evidence[f"/aliases/{i}"]
        assert grounded(alias, doc.text[a:b])


@pytest.mark.parametrize(
    "text,alias",
    [
        ("Danube Food Cluster - DFC\n\nThe Danube Food Cluster connects producers.", "DFC"),
        ("Digital Cluster Varna\n\nFoundation Digital Cluster Varna is a business organisation. "
         "Digital Cluster Varna organises events.", "Foundation Digital Cluster Varna"),
        ("Photonics Bavaria e. V.\n\nPhotonics Bavaria e. V. is a network. Photonics Bavaria was founded in 2004. "
         "Photonics Bavaria grows.", "Photonics Bavaria e. V."),
        ("Two clusters signed an agreement.\n\nThe Electric Boats Cluster /EBC/ and the Sea Tech Cluster Bulgaria /STCB/ "
         "signed it. Sea Tech Cluster Bulgaria hosted the signing in Bulgaria.", "STCB"),
    ],
)
def test_aliases(text, alias):
    _, ex = run(text)
    assert alias in ex.values.get("aliases", [])


@pytest.mark.parametrize(
    "text",
    [
        "Minutes of the meeting\n\nThe weather was fine and everybody enjoyed the trip to the mountains.",
        "BLACK RIVER HORIZON – Bi-regional Dialogue\n\nSome text about rivers and lakes without any organisation.",
        "Report from the European Cluster Conference\n\nThe European Cluster Conference gathered many participants.",
        "Cluster Manager\n\nCluster Excellence Label\n\nthe cluster was small and the network was large.",
    ],
)
def test_no_name(text):
    _, ex = run(text)
    assert ex.values.get("name") is None


def test_role_line_is_not_the_name():
    _, ex = run("Ivan Ivanov\n\nCluster Manager\nFurniture Cluster Sofia\n\nFurniture Cluster Sofia makes chairs.")
    assert ex.values["name"] == "Furniture Cluster Sofia"


def test_never_raises_on_odd_input():
    assert names.extract(Document(id="e", text=""), {}).values == {}
    for text in ["\u200b\u00a0Ω≈ç√ ∫˜µ≤≥÷ x\n\n🙂🙂🙂", "“„«\"\n(\n/ /\n1", "Cluster", "Cluster Cluster Cluster\n" * 50,
                 "A (B) /C/ „D“ " * 200]:
        doc, ex = run(text)
        assert isinstance(ex.values.get("name", ""), str)


def test_helpers_for_other_extractors():
    refs = names.org_references({"name": "Danube Food Cluster", "aliases": ["DFC"]})
    assert names.refers_to_org("the DFC board met", refs)
    assert names.refers_to_org("members of the cluster met", refs)
    assert not names.refers_to_org("members of the cluster met", refs, anaphor_ok=False)
    assert not names.refers_to_org("CoderDojo is a movement", refs)


# ------------------------------------------------------------------ fast scanning: same matches as the plain regex

@pytest.mark.parametrize(
    "text,surfaces",
    [
        ("Marine Cluster Bulgaria and MARINE  cluster\nbulgaria, marine clusterX", ["Marine Cluster Bulgaria", "Marine Cluster"]),
        ("ICT Cluster of Sofia; the ict cluster; ICT-Cluster", ["ICT Cluster of Sofia", "ICT Cluster"]),
        ("It was eſtabliſhed by the Society Cluster", ["Society Cluster", "Society"]),
        ("İstanbul Cluster meets the istanbul cluster", ["İstanbul Cluster"]),
        ("„AGRO Cluster” and AGRO Cluster", ["„AGRO Cluster”", "AGRO Cluster"]),
    ],
)
def test_surface_spans_match_the_alternation(text, surfaces):
    surfaces = sorted(surfaces, key=len, reverse=True)
    pattern = "|".join(r"\s+".join(re.escape(w) for w in s.split()) for s in surfaces)
    regex = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.IGNORECASE)
    assert list(names._surface_spans(text, surfaces, 10_000)) == [m.span() for m in regex.finditer(text)]


@pytest.mark.parametrize(
    "text,forms",
    [
        ("MCB, MC, MCB-led, xMCB, R&D and R&Dx, R", ["MC", "MCB", "R&D", "R"]),
        ("GI GIS (GI) /GIS/", ["GIS", "GI"]),
        ("", ["AB"]),
    ],
)
def test_form_uses_match_the_alternation(text, forms):
    regex = re.compile(rf"(?<![\w-])(?:{names._alternation(forms)})(?![\w-])")
    assert list(names._form_uses(text, forms, 10_000)) == [m.group(0) for m in regex.finditer(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("About Nordic Battery Cluster\n\nNordic Battery Cluster is an association founded in 2016.", "Nordic Battery Cluster"),
        ("Welcome to the Wood Cluster Slovenia\n\nThe Wood Cluster Slovenia unites 40 companies.", "Wood Cluster Slovenia"),
        ("Profile: Aviation Cluster Hamburg\n\nAviation Cluster Hamburg has 300 members.", "Aviation Cluster Hamburg"),
    ],
)
def test_page_title_words_are_not_part_of_the_name(text, expected):
    assert run(text)[1].values["name"] == expected
