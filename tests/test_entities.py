"""Entity recognition: rule pipeline without any downloaded model (contract 3.10)."""
from __future__ import annotations

import pytest
import spacy

from profile_extract import clean, entities, ingest, sections
from profile_extract.document import Document


def recognise(text: str):
    page = ingest.decode(text.encode("utf-8"), "page.txt")
    doc = sections.split(clean.clean(page), doc_id="t", format=page.format)
    doc.language = ingest.detect_language(doc.text)
    entities.recognise(doc, entities.default_nlp())
    return doc


def found(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.label) for m in recognise(text).mentions}


ORG_CASES = [
    # designator at the end / "of" forms / designator first with a quoted name
    ("Partners are Vojvodina ICT Cluster and others.", "Vojvodina ICT Cluster"),
    ("It was launched by the Federal Ministry of Science, Research and Economy in 2008.", "Federal Ministry of Science, Research and Economy"),
    ("Support came from the Municipality of Gabrovo last year.", "Municipality of Gabrovo"),
    ("Foundation “Cluster Information and Communication Technologies” was founded.", "Foundation “Cluster Information and Communication Technologies”"),
    ("Общото събрание на Клъстер „Мехатроника и автоматизация“ се състоя.", "Клъстер „Мехатроника и автоматизация“"),
    ('The meeting took place at School "Hristo Botev" in the town.', 'School "Hristo Botev"'),
    # legal forms and later short forms
    ("Silicon Valley Widgets GmbH is a member.", "Silicon Valley Widgets GmbH"),
    ("Counting 350 members, Baltic Chips e. V. is big. Baltic Chips grows.", "Baltic Chips"),
    # acronyms defined beside a name, and their later uses
    ("The agreement between the Electric Boats Industrial Cluster /EBIC/ and others. EBIC said.", "EBIC"),
    ("Marine Robotics Iceland (MRI) wrote a manual. MRI is young.", "Marine Robotics Iceland"),
    ("Marine Robotics Iceland (MRI) wrote a manual. MRI is young.", "MRI"),
    ("Welcome to Adriatic ICT Cluster - ADICT", "ADICT"),
    # acronym spelling the initials of a named organisation
    ("Danube Shipping Cluster Romania is active. DSCR members met.", "DSCR"),
    # list contexts
    ("Speakers from: Facebook, Google, Acer and many more.", "Google"),
    ("The event was facilitated by ICT NET.", "ICT NET"),
    ("He thanked representatives of the EBRD, UNOPS, Zeta Telekom, Help Ukraine, and others.", "Help Ukraine"),
    # organisation named beside a person
    ("The event was attended by Ivan Petrov “Green Valley Cluster” and others.", "Green Valley Cluster"),
    ("Maria Novak, Director of Geological Survey Norway, commented.", "Geological Survey Norway"),
    ("Petar Georgiev for Bulgarian Cluster of Telecommunications signed.", "Bulgarian Cluster of Telecommunications"),
    # a place after a dash is part of the name
    ("Signed by Ivan Petrov for ICT Cluster – Varna, and others.", "ICT Cluster – Varna"),
    # two names joined by "and" stay two names
    ("The Technical University of Sofia and the High Performance Computing Laboratory presented.", "High Performance Computing Laboratory"),
    ("The Technical University of Sofia and the High Performance Computing Laboratory presented.", "Technical University of Sofia"),
    ("With the support of CorkBIC and ICT Cluster in the town.", "CorkBIC"),
    ("Funded by the EU and the European Commission.", "EU"),
]


@pytest.mark.parametrize("text,name", ORG_CASES)
def test_org_found(text, name):
    assert (name, "ORG") in found(text)


NOT_ORG_CASES = [
    ("The European Cluster Conference 2016 took place.", "European Cluster Conference"),
    ("Cluster Excellence Label: Bronze", "Cluster Excellence"),
    ("The Smart Factory Hub project started in 2017.", "Smart Factory Hub"),
    ("It was financed by the COSME programme.", "COSME"),
    ("Our Cluster Manager is responsible.", "Cluster Manager"),
    ("The Cluster is growing.", "Cluster"),
    ("He spoke about the EU Cluster policy.", "EU Cluster"),
    ("Organization Type Cluster", "Organization Type Cluster"),
    ("under the COSME call „Cluster Go International”, the partnership", "Cluster Go International"),
    ("They wrote 'The Making of a Successful Business Cluster', a manual.", "Successful Business Cluster"),
    ("Developing Cluster strategies is the second aim.", "Developing Cluster"),
    ("The ICT sector is growing; IT and SME firms joined.", "ICT"),
    ("Intermediary Organization (IO) in Erasmus for Young Entrepreneurs.", "IO"),
    ("Members include Aarhus Vand, Grundfos and Odense University.", "Aarhus Vand, Grundfos and Odense University"),
    ("The Basque Government's support helped.", "Basque Government's"),
]


@pytest.mark.parametrize("text,name", NOT_ORG_CASES)
def test_not_an_org(text, name):
    assert (name, "ORG") not in found(text)


PERSON_CASES = [
    ("Dear Mr Erb,\nThank you.", "Erb"),
    ("Prof. Dr. Asen for ICT Cluster – Plovdiv signed.", "Asen"),
    ("Assos. Prof. Dr. Galina Momcheva for ICT Cluster – Varna.", "Galina Momcheva"),
    ("Todor Mitov presented the opportunities.", "Todor Mitov"),
    ("Anton Tcholakov and Nikolay Chochev organized the first meeting.", "Nikolay Chochev"),
    ("Special guests were Mr. Mohammed Al Hammadi, founder of X.", "Mohammed Al Hammadi"),
    ("Koen Verbruggen, Director of Geological Survey Ireland, commented.", "Koen Verbruggen"),
    ("Speaking, Zvonko Kradić, President of the Board of the Alpha Cluster, said. Kradić added more.", "Kradić"),
    ("Г-н Иван Петров откри събранието.", "Иван Петров"),
    ("Andrei Kelemen\n\nExecutive Director\nCluj IT Cluster", "Andrei Kelemen"),
    ("“We grow,” said Aurelio Quintanilla, who leads the board.", "Aurelio Quintanilla"),
    ("Signed: Ms Zdenka Horvatová, Cluster Manager.", "Zdenka Horvatová"),
]


@pytest.mark.parametrize("text,name", PERSON_CASES)
def test_person_found(text, name):
    assert (name, "PERSON") in found(text)


@pytest.mark.parametrize(
    "text,name",
    [
        ("Lucian Blaga University in Sibiu joined.", "Lucian Blaga"),
        ('the School "Vasil Levski" hosted it', "Vasil Levski"),
        ("Sofia Tech Park hosted the event.", "Sofia Tech"),
    ],
)
def test_person_inside_org_is_not_a_person(text, name):
    assert (name, "PERSON") not in found(text)


def test_university_in_city():
    assert ("Lucian Blaga University in Sibiu", "ORG") in found("Members: University of Oradea and Lucian Blaga University in Sibiu.")


def test_mentions_are_grounded_and_in_order():
    text = "Mr. Peter Statev – Chairman of the Managing board of ICT Cluster, presented the “Balkan ICT Network”."
    doc = recognise(text)
    assert doc.mentions
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
        assert m.label in ("ORG", "PERSON", "GPE")


@pytest.mark.parametrize("text", ["", "   \n\n", "\u200b\u00a0", "ÄÖÜ \ud7ff " * 10, "(((((", "“”„\"''", "Mr.", "A" * 5000, "The\n" * 1000])
def test_odd_input_never_raises(text):
    doc = Document(id="odd", text=text)  # no lines, fields or sections: ingest would refuse some of these
    entities.recognise(doc, entities.default_nlp())
    assert all(doc.text[m.start:m.end] == m.text for m in doc.mentions)
    assert isinstance(entities.find_entities(text), list)


def test_long_input_is_accepted():
    text = "Vojvodina ICT Cluster met Ivan Petrov. " * 40000  # ~1.5 MB, over spaCy's default max_length
    assert ("Vojvodina ICT Cluster", "ORG") in {(m.text, m.label) for m in recognise(text).mentions[:5]}


def test_pipeline_round_trip(tmp_path):
    nlp = entities.build_pipeline("en")
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    doc = loaded("The Green Valley Cluster met Todor Mitov.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Green Valley Cluster", "ORG"), ("Todor Mitov", "PERSON")}


def test_unknown_language_falls_back():
    assert entities.build_pipeline("qq").pipe_names == ["profile_rule_entities"]


# Generalisation variants (organisations and places invented here).
VARIANT_ORGS = [
    ("The Lisbon Secretariat for Regional Studies (LSRS) wrote to us. LSRS is based there.", "Lisbon Secretariat for Regional Studies"),
    ("The Lisbon Secretariat for Regional Studies (LSRS) wrote to us. LSRS is based there.", "LSRS"),
    ("It applied for the Croatian Export and Innovation Agency's grant scheme.", "Croatian Export and Innovation Agency"),
    ("The launch was held at the Tallinn Central Library in May.", "Tallinn Central Library"),
    ("It joined the Danube Region Industry 4.0 Alliance in 2019.", "Danube Region Industry 4.0 Alliance"),
    ("2. Holz-Cluster Steiermark – Graz, Austria\n", "Holz-Cluster Steiermark"),
    ("3. Maritime Cluster Gdansk – Gdańsk, Poland – coordinator\n", "Maritime Cluster Gdansk"),
    ("It signed an agreement with the Greek packaging cluster HelPack in Athens.", "HelPack"),
    ("It signed an agreement with the Greek packaging cluster HelPack in Athens. For HelPack, it is new.", "HelPack"),
    ("Guests came from the Finnish fintech association Fintech Hub FI and the Polish TechPol cluster.", "Fintech Hub FI"),
    ("Partners are experts from Denmark and Wind Cluster Friesland.", "Wind Cluster Friesland"),
    ("It was set up by Odense Havn, Vestas and Odense University in 2010.", "Odense University"),
    ("It was set up by Odense Havn, Vestas and Odense University in 2010.", "Vestas"),
    ("Срещата беше в Търговско-промишлена палата – Враца и в Русенския университет.", "Търговско-промишлена палата – Враца"),
    ("Срещата беше в Търговско-промишлена палата – Враца и в Русенския университет.", "Русенския университет"),
    ("Подкрепа дадоха Община Враца и Асоциацията на бизнес клъстерите.", "Община Враца"),
    ("Подкрепа дадоха Община Враца и Асоциацията на бизнес клъстерите.", "Асоциацията на бизнес клъстерите"),
    ("Тя подписа споразумение с Текстилен клъстер – Сливен.", "Текстилен клъстер – Сливен"),
    ("It works with Clusterul Textil Bucovina on training.", "Clusterul Textil Bucovina"),
    ("Sent c/o ABC/XYZ Mobility + Energie GmbH, Vienna", "ABC/XYZ Mobility + Energie GmbH"),
    ("Moravian Glass Cluster, z.s. is a member.", "Moravian Glass Cluster, z.s."),
    ("The Iberian Secretariat for Cluster Studies (ISCS) met. ISCS agreed.", "ISCS"),
]


@pytest.mark.parametrize("text,name", VARIANT_ORGS)
def test_variant_org_found(text, name):
    assert (name, "ORG") in found(text)


VARIANT_NOT_ORGS = [
    ("2. Holz-Cluster Steiermark – Graz, Austria\n", "Holz-Cluster Steiermark – Graz"),
    ("It was set up by Odense Havn, Vestas and Odense University in 2010.", "Odense Havn, Vestas and Odense University"),
    ("Partners are experts from Denmark and Wind Cluster Friesland.", "Denmark and Wind Cluster Friesland"),
    ("Подкрепа дадоха Община Враца и Асоциацията на бизнес клъстерите.", "Асоциацията"),
    ("It applied for the Croatian Export and Innovation Agency's grant scheme.", "Croatian Export and Innovation Agency's"),
    ("The cluster members met in the city.", "cluster members"),
    ("Sent c/o ABC/XYZ Mobility + Energie GmbH, Vienna", "Energie GmbH"),
    ("Тя е член на Управителния съвет на клъстера.", "Управителния"),
]


@pytest.mark.parametrize("text,name", VARIANT_NOT_ORGS)
def test_variant_not_org(text, name):
    assert (name, "ORG") not in found(text)


@pytest.mark.parametrize(
    "text,name",
    [
        ("## Team\n\n- Ilinca Dragomir – Executive Director\n", "Ilinca Dragomir"),
        ("Attn. Ms Sofia Lima, Cluster Manager", "Sofia Lima"),
    ],
)
def test_variant_person(text, name):
    mentions = found(text)
    assert (name, "PERSON") in mentions
    assert not any(label == "PERSON" and text.startswith(("Ms", "Mr")) for text, label in mentions)


def test_fast_tokenizer_keeps_offsets_exact():
    nlp = entities.default_nlp()
    text = "Dr. Ana Lupu (ICT Cluster – Varna), z.s. “Clusterul Textil”\n\n  Vojvodina ICT Cluster’s CEO  met BBS-Net."
    doc = nlp(text)
    assert doc.text == text
    for start, end, label in doc.user_data["entity_char_spans"]:
        span = doc.char_span(start, end, alignment_mode="contract")
        assert span is not None and (span.start_char, span.end_char) == (start, end)
    assert {(e.start_char, e.end_char) for e in doc.ents} <= {(s, e) for s, e, _ in doc.user_data["entity_char_spans"]}


# Names known by the role written beside them, employers after "at", streets named after people (invented here).
@pytest.mark.parametrize(
    "text,name",
    [
        ("Tarvo Kõiv (Cluster Manager) presented the results.", "Tarvo Kõiv"),
        ("Kaarel Rüütel (Chairperson of the Board, Nordic Wood Cluster) opened it.", "Kaarel Rüütel"),
        ("Cluster manager: Heikki Laine", "Heikki Laine"),
        ("Chairwoman: Dagmar Vlk", "Dagmar Vlk"),
        ("Estonian Cleantech Cluster's CEO Kadri Tamm signed the agreement.", "Kadri Tamm"),
    ],
)
def test_person_known_by_role(text, name):
    assert (name, "PERSON") in found(text)


@pytest.mark.parametrize(
    "text,employer,not_org",
    [
        ("Ayşe Demir, Head of Supplier Development at Turkish Aerospace, explained.", "Turkish Aerospace",
         "Supplier Development"),
        ("Mehmet Kaya, Head of Procurement at Anatolian Rail Systems, explained.", "Anatolian Rail Systems", "Procurement"),
    ],
)
def test_employer_after_at_is_the_org_not_the_role_words(text, employer, not_org):
    mentions = found(text)
    assert (employer, "ORG") in mentions
    assert (not_org, "ORG") not in mentions


@pytest.mark.parametrize(
    "text",
    [
        "The office is at Inge Lehmanns Gade 10 in Aarhus.",
        "The meeting took place on Jean Jaurès Street in Lyon.",
        "Visit us at Karl Johans Gate 5, Oslo.",
        "Send it to Carl Nielsens Vej 3, Aalborg.",
    ],
)
def test_street_named_after_a_person_is_not_a_person(text):
    assert not any(label == "PERSON" for _, label in found(text))


# "<Words> Europe" associations, programmes named "... Europe", "X and the Y Association", an employer after "of"
# (organisations invented here).
@pytest.mark.parametrize(
    "text,name",
    [
        ("The cluster is a member of MedTech Europe.", "MedTech Europe"),
        ("The cluster joined Hydrogen Europe in 2020.", "Hydrogen Europe"),
        ("Members met representatives of SolarPower Europe.", "SolarPower Europe"),
        ("The association works with BioPlastics Europe on standards.", "BioPlastics Europe"),
        ("Nenad Ilić of Ilić Enterijeri presented new furniture.", "Ilić Enterijeri"),
        ("Dragan Jovanović of Jovanović Drvo showed the new line.", "Jovanović Drvo"),
        ("Enterprise Greece and the Hellenic Association of Food Exporters organised the mission.",
         "Hellenic Association of Food Exporters"),
        ("Business Finland and the Finnish Association of Wood Industries supported the trip.",
         "Finnish Association of Wood Industries"),
    ],
)
def test_europe_associations_and_employers_are_orgs(text, name):
    assert (name, "ORG") in found(text)


@pytest.mark.parametrize(
    "text,name",
    [
        ("The project is funded by Horizon Europe.", "Horizon Europe"),
        ("Three members won Horizon Europe grants.", "Horizon Europe"),
        ("The cluster applied to Creative Europe and Digital Europe.", "Creative Europe"),
        ("The cluster applied to Creative Europe and Digital Europe.", "Digital Europe"),
    ],
)
def test_programme_named_europe_is_neither_org_nor_gpe(text, name):
    mentions = found(text)
    assert (name, "ORG") not in mentions
    assert ("Europe", "GPE") not in mentions
    assert not any(label == "GPE" and "Europe" in t for t, label in mentions)


@pytest.mark.parametrize(
    "text,names",
    [
        ("The cluster works with firms in Central Europe.", ["Central Europe"]),
        ("Our members export to Eastern Europe and Northern Europe.", ["Eastern Europe", "Northern Europe"]),
    ],
)
def test_part_of_europe_stays_a_gpe(text, names):
    mentions = found(text)
    for name in names:
        assert (name, "GPE") in mentions
        assert (name, "ORG") not in mentions


@pytest.mark.parametrize(
    "text,joined",
    [
        ("Enterprise Greece and the Hellenic Association of Food Exporters organised the mission.",
         "Enterprise Greece and the Hellenic Association of Food Exporters"),
        ("Business Finland and the Finnish Association of Wood Industries supported the trip.",
         "Business Finland and the Finnish Association of Wood Industries"),
        ("The cluster met Invest Lithuania and the Lithuanian Association of Engineering Industries.",
         "Invest Lithuania and the Lithuanian Association of Engineering Industries"),
    ],
)
def test_x_and_the_y_association_is_not_one_org(text, joined):
    assert not any(label == "ORG" and joined in t for t, label in found(text))


@pytest.mark.parametrize(
    "text,expected,not_expected",
    [
        # a full name, a dash and a known town: the name and its seat; a short name keeps its place
        ("Our member clusters\n\n- Rhine Life Sciences Cluster – Basel\n- ICT Cluster – Varna\n",
         [("Rhine Life Sciences Cluster", "ORG"), ("Basel", "GPE"), ("ICT Cluster – Varna", "ORG")],
         [("Rhine Life Sciences Cluster – Basel", "ORG")]),
        ("- Eastern Switzerland Plastics Cluster – St. Gallen\n",
         [("Eastern Switzerland Plastics Cluster", "ORG"), ("St. Gallen", "GPE")], []),
        # a milestone's verb is not part of the name
        ("2016 – Joined the Danube Mechatronics Network\n", [("Danube Mechatronics Network", "ORG")],
         [("Joined the Danube Mechatronics Network", "ORG")]),
        # "X and University of Y": two bodies
        ("Partners: Sicilian Aerospace Technology District and University of Catania Engineering Campus.\n",
         [("University of Catania Engineering Campus", "ORG")],
         [("Sicilian Aerospace Technology District and University of Catania Engineering Campus", "ORG")]),
        ("The Chamber of Commerce and Industry of Timiș joined.\n", [("Chamber of Commerce and Industry of Timiș", "ORG")], []),
    ],
)
def test_names_with_seats_verbs_and_pairs(text, expected, not_expected):
    mentions = found(text)
    for item in expected:
        assert item in mentions
    for item in not_expected:
        assert item not in mentions


@pytest.mark.parametrize("text,name", [
    ("Emajõgi Biocluster MTÜ is registered in Tartu.\n", "Emajõgi Biocluster MTÜ"),
    ("The legal entity is Baltic Wood Cluster SIA.\n", "Baltic Wood Cluster SIA"),
])
def test_legal_forms_of_more_countries(text, name):
    assert (name, "ORG") in found(text)


ROLE_LINE_CASES = [
    # the role rules run only on role lines and the line above; each case puts the pair far into a long page
    "Halvard Brekke\nProject Coordinator",  # name over its role, across the line break
    "| Ilse Vandamme | Chair |",
    "Maja Oblak (Managing Director) opened it.",
    "The cluster director, Paolo Verdi, said so.",
    "Board chair Teodora Vlaicu welcomed the guests.",
]


@pytest.mark.parametrize("pair", ROLE_LINE_CASES)
def test_role_rules_find_a_person_anywhere_on_a_long_page(pair):
    filler = "\n".join(f"Paragraph {i} says nothing about anybody in particular here." for i in range(40))
    text = f"{filler}\n\n{pair}\n\n{filler}"
    lines = entities._role_lines(text)
    assert sum(hi - lo for lo, hi in lines) < len(text) / 4  # the filler is not scanned
    whole = {(m.start(1), m.end(1)) for regex in (entities.NAME_OVER_ROLE, entities.NAME_BAR_ROLE, entities.NAME_ROLE_PAREN,
                                                 entities.ROLE_COMMA_NAME, entities.ROLE_THEN_NAME) for m in regex.finditer(text)}
    assert whole
    assert all(any(lo <= s and e <= hi for lo, hi in lines) for s, e in whole)  # nothing a whole-page scan finds is missed
    name = text[min(whole)[0]:min(whole)[1]]
    assert (name, "PERSON") in found(text)


@pytest.mark.parametrize(
    "text,name",
    [
        # given names beyond the hand-written lists (Scottish, Finnish, Indian, Icelandic-style pages)
        ("Board members: Catriona Wishart (Tay Institute of Technology), Owen Fraser (Lomond Studios)", "Owen Fraser"),
        ("Board members: Catriona Wishart (Tay Institute of Technology), Owen Fraser (Lomond Studios)", "Catriona Wishart"),
        ("The new chief executive is Kirsty Doig, who managed the network.", "Kirsty Doig"),
        ("Welcome words came from Rajesh Pillai of Kelpie Data.", "Rajesh Pillai"),
        # Catalan joins two surnames with "i"
        ("President: Jordi Puigvert i Serra (Automatismes Puigvert, SL)", "Jordi Puigvert i Serra"),
    ],
)
def test_more_person_names(text, name):
    assert (name, "PERSON") in found(text)


@pytest.mark.parametrize(
    "text,not_a_person",
    [
        ("President: Marco Vitali (Calzaturificio Vitali S.r.l.)", "Vitali S"),
        ("La reunió va acabar amb Maria Puig i Joan Soler.", "Maria Puig i Joan"),
    ],
)
def test_a_legal_form_or_a_second_person_is_no_part_of_a_name(text, not_a_person):
    assert (not_a_person, "PERSON") not in found(text)


@pytest.mark.parametrize(
    "text,name",
    [
        # Romance names: the designator first, the place last after "de", "del", "du", "della"
        ("Partners: Instituto Tecnológico del Ebro and others.", "Instituto Tecnológico del Ebro"),
        ("Avec la Coopérative Agricole du Béarn nous avons signé.", "Coopérative Agricole du Béarn"),
        ("Il progetto è guidato dall'Istituto Tecnologico della Calzatura di Civitanova.", "Istituto Tecnologico della Calzatura di Civitanova"),
        ("Fundació Escola Industrial del Vallès hosts the lab.", "Fundació Escola Industrial del Vallès"),
    ],
)
def test_romance_organisation_names(text, name):
    assert (name, "ORG") in found(text)


def test_a_region_named_centro_is_a_place_not_an_organisation():
    assert ("Região Centro", "ORG") not in found("The cluster is based in Coimbra, Região Centro, Portugal.")
