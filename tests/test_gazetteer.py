"""Gazetteer: place names with ISO codes, case rules, longest match, regions, GPE mentions."""
import time

import pytest

from profile_extract.gazetteer import adjective_code, country_code, find_places, gpe_mentions, lookup


def places(text, kinds=None):
    return [(p.text, p.kind, p.code) for p in find_places(text, kinds=frozenset(kinds) if kinds else None)]


@pytest.mark.parametrize(
    "name,code",
    [
        ("Bulgaria", "BG"),
        ("Republic of Bulgaria", "BG"),
        ("България", "BG"),
        ("BULGARIA", "BG"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Republic of Ireland", "IE"),
        ("FYR of Macedonia", "MK"),
        ("North Macedonia", "MK"),
        ("Macedonia", "MK"),
        ("Bosnia and Herzegovina", "BA"),
        ("Bosnia Herzegovina", "BA"),
        ("BiH", "BA"),
        ("Kosovo", "XK"),
        ("UK", "GB"),
        ("Great Britain", "GB"),
        ("United Kingdom", "GB"),
        ("USA", "US"),
        ("United States", "US"),
        ("Румъния", "RO"),
        ("Сърбия", "RS"),
        ("Srbija", "RS"),
        ("Deutschland", "DE"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Russia", "RU"),
        ("Moldova", "MD"),
        ("bg", "BG"),
        ("RO", "RO"),
    ],
)
def test_country_code(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["Saxon", "Hungarian", "Sofia", "Europe", "Cluster", "", "   ", "ZZ", "Balkans"])
def test_not_a_country(name):
    assert country_code(name) is None


@pytest.mark.parametrize(
    "word,code",
    [("Bulgarian", "BG"), ("Irish", "IE"), ("Austrian", "AT"), ("Hungarian", "HU"), ("Romanian", "RO"),
     ("Serbian", "RS"), ("Montenegrin", "ME"), ("български", "BG"), ("Saxon", None), ("European", None)],
)
def test_adjective_code(word, code):
    assert adjective_code(word) == code


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ICT Cluster Plovdiv", ("Plovdiv", "city", "BG")),
        ("held in Пловдив", ("Пловдив", "city", "BG")),
        ("in Bourgas and", ("Bourgas", "city", "BG")),
        ("Days in Russe", ("Russe", "city", "BG")),
        ("set up in Cluj-Napoca (Romania)", ("Cluj-Napoca", "city", "RO")),
        ("based in Novi Sad, Serbia", ("Novi Sad", "city", "RS")),
        ("On October 15 at Nis, Serbia", ("Nis", "city", "RS")),
        ("in Niš", ("Niš", "city", "RS")),
        ("Prishtina, Kosovo", ("Prishtina", "city", "XK")),
        ("Pristina", ("Pristina", "city", "XK")),
        ("CeBIT of Hannover", ("Hannover", "city", "DE")),
        ("Odesa", ("Odesa", "city", "UA")),
        ("Timisoara", ("Timisoara", "city", "RO")),
        ("Timișoara", ("Timișoara", "city", "RO")),
        ("Silicon Saxony", ("Saxony", "region", "DE")),
        ("Freistaat Sachsen", ("Freistaat Sachsen", "region", "DE")),
        ("Upper Austria", ("Upper Austria", "region", "AT")),
        ("Южен централен (Yuzhen tsentralen)", ("Южен централен", "region", "BG")),
        ("Yuzhen Tsentralen", ("Yuzhen Tsentralen", "region", "BG")),
        ("Region of Vojvodina", ("Region of Vojvodina", "region", "RS")),
        ("Odessa region", ("Odessa region", "region", "UA")),
        ("Sud-Vest Oltenia", ("Sud-Vest Oltenia", "region", "RO")),
        ("Šumadija and Western Serbia", ("Šumadija and Western Serbia", "region", "RS")),
        ("South East Europe", ("South East Europe", "macro", None)),
        ("the Western Balkans", ("Western Balkans", "macro", None)),
        ("Danube region", ("Danube region", "macro", None)),
        ("Balkan and Black Sea region", ("Balkan and Black Sea region", "macro", None)),
        ("Nordic Countries", ("Nordic Countries", "macro", None)),
    ],
)
def test_first_place(text, expected):
    assert places(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "ABOUT US",  # page chrome, not the United States
        "Contact US",
        "we are nis",  # lower case short name
        "NIS directive",  # an all-caps acronym, not Niš
        "bulgaria",  # lower case
        "Milan Solaja spoke",  # a person's first name
        "the saxon state government",
        "",
    ],
)
def test_no_place(text):
    assert places(text, kinds={"country", "city", "region"}) == []


def test_longest_match_wins():
    assert places("Bosnia and Herzegovina") == [("Bosnia and Herzegovina", "country", "BA")]
    assert places("Central and Eastern Europe")[0][0] == "Central and Eastern Europe"


def test_compass_region_next_to_country():
    found = places("Bulgaria: South-West (Bulgaria)")
    assert ("South-West", "region", "BG") in found
    assert places("the NW Region into a hub")[0] == ("NW Region", "region", None)
    assert all(p[1] != "region" for p in places("They went south-west. West of here"))


def test_nuts_levels():
    found = find_places("BULGARIA YUGOZAPADNA I YUZHNA TSENTRALNA BULGARIA Sofia Yugozapaden")
    regions = {p.text: p.level for p in found if p.kind == "region"}
    assert regions == {"YUGOZAPADNA I YUZHNA TSENTRALNA BULGARIA": 1, "Yugozapaden": 2}
    assert ("Sofia", "city", "BG") in [(p.text, p.kind, p.code) for p in found]


def test_adjectives_are_not_gpe():
    text = "The Hungarian Cluster Association unites clusters in Hungary."
    assert [m.text for m in gpe_mentions(text)] == ["Hungary"]
    assert places(text, kinds={"adjective"}) == [("Hungarian", "adjective", "HU")]


def test_policy_titles_are_not_gpe():
    assert [m.text for m in gpe_mentions("the EU Lisbon Strategy in Lisbon")] == ["Lisbon"]


def test_mentions_have_offsets():
    text = "Meeting in Skopje, FYR of Macedonia and Sarajevo, BiH."
    for m in gpe_mentions(text):
        assert text[m.start:m.end] == m.text and m.label == "GPE"
    assert [m.text for m in gpe_mentions(text)] == ["Skopje", "FYR of Macedonia", "Sarajevo", "BiH"]


def test_window():
    text = "Sofia and Varna"
    assert [p.text for p in find_places(text, 5)] == ["Varna"]
    assert [p.text for p in find_places(text, 0, 5)] == ["Sofia"]


def test_lookup():
    assert lookup("Plovdiv")[0].code == "BG"
    assert lookup(" Plovdiv. ")[0].kind == "city"
    assert lookup("Nothing here") == []
    assert lookup("") == []


@pytest.mark.parametrize("text", ["\x00\ufeff", "🙂 Sofia 🙂", "a" * 10000, "-" * 500 + " ", "İstanbul ı", "\n\n\n", "Ⅻ ﬁ Sofia"])
def test_odd_input_never_raises(text):
    find_places(text)
    gpe_mentions(text)


def test_big_page_is_fast():
    sentence = "The cluster met its members and partners from many other sectors in Sofia to discuss the Danube region. "
    text = (sentence * 20000)[:2_000_000]
    find_places("warm up")
    began = time.perf_counter()
    found = find_places(text)
    assert time.perf_counter() - began < 5
    assert len(found) > 30000


@pytest.mark.parametrize(
    "text,expected",
    [
        # NUTS-2 regions of many countries, local and English forms, with and without diacritics
        ("Länsi-Suomi", ("Länsi-Suomi", "region", "FI")),
        ("Lansi-Suomi", ("Lansi-Suomi", "region", "FI")),
        ("Střední Morava", ("Střední Morava", "region", "CZ")),
        ("Stredni Morava", ("Stredni Morava", "region", "CZ")),
        ("Wielkopolskie", ("Wielkopolskie", "region", "PL")),
        ("Warszawski stołeczny", ("Warszawski stołeczny", "region", "PL")),
        ("Região Norte", ("Região Norte", "region", "PT")),
        ("Peloponnisos", ("Peloponnisos", "region", "GR")),
        ("Πελοπόννησος", ("Πελοπόννησος", "region", "GR")),
        ("Oberbayern", ("Oberbayern", "region", "DE")),
        ("Sydsverige", ("Sydsverige", "region", "SE")),
        ("Övre Norrland", ("Övre Norrland", "region", "SE")),
        ("Nord-Pas-de-Calais", ("Nord-Pas-de-Calais", "region", "FR")),
        ("Principado de Asturias", ("Principado de Asturias", "region", "ES")),
        ("Region Midtjylland", ("Region Midtjylland", "region", "DK")),
        ("Sostinės regionas", ("Sostinės regionas", "region", "LT")),
        ("Kurzeme", ("Kurzeme", "region", "LV")),
        ("Harju County", ("Harju County", "region", "EE")),
        ("Jihovýchod", ("Jihovýchod", "region", "CZ")),
        ("Západné Slovensko", ("Západné Slovensko", "region", "SK")),
        ("Jadranska Hrvatska", ("Jadranska Hrvatska", "region", "HR")),
        ("Prov. Oost-Vlaanderen", ("Prov. Oost-Vlaanderen", "region", "BE")),
        ("Provincia Autonoma di Trento", ("Provincia Autonoma di Trento", "region", "IT")),
        ("Южна централна България", ("Южна централна България", "region", "BG")),
        ("the Gulf region", ("Gulf region", "macro", None)),
    ],
)
def test_nuts_regions(text, expected):
    assert places(text)[0] == expected


@pytest.mark.parametrize(
    "text,gpes",
    [
        ("Members visited the Tampere Science Park and Tampere.", ["Tampere"]),
        ("It joined the Baltic Sea Region Industry 4.0 Alliance.", []),
        ("Funded by Interreg Baltic Sea Region.", []),
        ("The Adriatic clusters met in Split, Croatia.", ["Split", "Croatia"]),
        ("Shipping across the Adriatic.", ["Adriatic"]),
        ("Brno University of Technology is in Brno.", ["Brno"]),
    ],
)
def test_places_inside_names_are_not_gpe(text, gpes):
    assert [m.text for m in gpe_mentions(text)] == gpes


def test_country_names_and_country_name_words():
    from profile_extract.gazetteer import country_names, is_country_name

    assert {"Bulgaria", "България"} <= set(country_names("bg"))
    assert country_names("ZZ") == ()
    assert is_country_name("Netherlands") and is_country_name("Сърбия")
    assert not is_country_name("IT") and not is_country_name("Cluster")


# ------------------------------------------------------------------ generated towns, words, directions, shared names


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Rijeka", ("Rijeka", "city", "HR")),
        ("held in Rijeka", ("Rijeka", "city", "HR")),
        ("Kortrijk", ("Kortrijk", "city", "BE")),
        ("an office in Kortrijk, Belgium", ("Kortrijk", "city", "BE")),
        ("Falun", ("Falun", "city", "SE")),
        ("Mali Lošinj", ("Mali Lošinj", "city", "HR")),
        ("Mali Losinj", ("Mali Losinj", "city", "HR")),
        ("Leskovac", ("Leskovac", "city", "RS")),
        ("the port of Gävle", ("Gävle", "city", "SE")),
        ("Tromsø", ("Tromsø", "city", "NO")),
        ("Hengelo", ("Hengelo", "city", "NL")),
        ("Kutaisi", ("Kutaisi", "city", "GE")),
    ],
)
def test_generated_towns_are_found(text, expected):
    assert places(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    ["Nice work", "Reading list", "Nice", "Reading", "Bath time", "Mobile phones", "Deal flow", "Best regards"],
)
def test_common_english_words_are_not_places(text):
    assert places(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Northern Ostrobothnia", ("Northern Ostrobothnia", "region", "FI")),
        ("firms in Southern Ostrobothnia", ("Southern Ostrobothnia", "region", "FI")),
        ("Northern Jutland", ("Northern Jutland", "region", "DK")),
        ("Eastern Uusimaa", ("Eastern Uusimaa", "region", "FI")),
        ("Lower Saxony", ("Lower Saxony", "region", "DE")),
        ("Northern Ostrobothnia region", ("Northern Ostrobothnia region", "region", "FI")),
        # a direction word before a town is not part of its name
        ("Northern Rijeka", ("Rijeka", "city", "HR")),
        ("Central Patras", ("Patras", "city", "GR")),
    ],
)
def test_direction_word_belongs_to_a_region_name(text, expected):
    assert places(text) == [expected]


@pytest.mark.parametrize(
    "text,code",
    [
        ("Vila Real, Portugal", "PT"),
        ("Vila Real, Spain", "ES"),
        ("Vila Real (Spain)", "ES"),
        ("Vila Real", "PT"),
        ("Soest, Germany", "DE"),
        ("Soest, the Netherlands", "NL"),
        ("Arona, Italy", "IT"),
        ("Arona, Spain", "ES"),
        ("Essen, Belgium", "BE"),
        ("Essen, Germany", "DE"),
        ("Ungheni, Moldova", "MD"),
        ("Ungheni, Romania", "RO"),
    ],
)
def test_town_two_countries_share_is_read_by_the_country_after_it(text, code):
    first = places(text)[0]
    assert first[1:] == ("city", code)
    if ", " in text:
        assert places(text)[1] == (text.split(", ")[1].removeprefix("the "), "country", code)


@pytest.mark.parametrize(
    "text",
    ["School Vasil Levski", "Maria Leskovac", "Marko Opatija", "Ana Braga spoke", "Professor Luka Zadar",
     "the team of Elena Patras"],
)
def test_place_right_after_a_first_name_is_a_surname(text):
    assert places(text, kinds={"country", "city", "region"}) == []


@pytest.mark.parametrize("text,town", [("Levski", "Levski"), ("in Braga", "Braga"), ("Zadar and Split", "Zadar")])
def test_same_towns_without_a_first_name_are_places(text, town):
    assert places(text)[0][0] == town


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Its head office is in Donostia-San Sebastián, with a second office in Bilbao.",
         [("Donostia-San Sebastián", "city"), ("Bilbao", "city")]),
        ("Rua X, 4520 Santa Maria da Feira, Portugal", [("Santa Maria da Feira", "city"), ("Portugal", "country")]),
        ("We met in Frankfurt am Main.", [("Frankfurt am Main", "city")]),
    ],
)
def test_compound_town_names(text, expected):
    assert [(p.text, p.kind) for p in find_places(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # Romance names: the head opens the name, the place closes it after "de", "del", "da", "du", "di"
        ("El Clúster Oleícola de Jaén colabora con nosotros.", []),
        ("Instituto Tecnológico del Ebro y Coopérative Agricole du Béarn", []),
        ("Centro de Investigación del Agua de Lorca", []),
        ("la Camera di Commercio di Ancona ha firmato", []),
        # the place alone, or a town whose name holds "da", stays a place
        ("Based in Jaén, Spain, the cluster grew.", ["Jaén", "Spain"]),
        ("Santa Maria da Feira is a town in Portugal.", ["Santa Maria da Feira", "Portugal"]),
        ("Reunión en Lorca el 3 de mayo.", ["Lorca"]),  # "Reunión" is a meeting here, not Réunion
        ("Riunione a Fermo il 12 novembre.", ["Fermo"]),
    ],
)
def test_a_place_closing_a_romance_organisation_name_is_no_gpe(text, expected):
    assert [m.text for m in gpe_mentions(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Via Giovanni da Palestrina 4, 63900 Fermo, Italia", ["Fermo", "Italia"]),
        ("12 rue de la Croix Verte, Montpellier", ["Montpellier"]),
        ("Calle de Zaragoza 3, 28001 Madrid", ["Madrid"]),
        ("We travelled via Sofia to Plovdiv.", ["Sofia", "Plovdiv"]),  # lower-case "via" is a preposition
    ],
)
def test_a_town_in_a_street_name_is_no_place(text, expected):
    assert [p.text for p in find_places(text)] == expected
