"""Founding date: form fields and explicit founding statements about the page's own organisation only."""
import pytest

from doc_helpers import run_extractor
from profile_extract.document import Document
from profile_extract.extractors import founding
from profile_extract.grounding import grounded

NAME = {"name": "Nordic Wood Cluster", "aliases": ["NWC"]}


def run(text, found=NAME):
    return run_extractor(founding, text, found)


CASES = [
    # form fields
    ("General Information\nThe date when the cluster organisation was established: \nMonday, 3 March, 2014\n", NAME, "2014-03-03"),
    ("Year of foundation: 2009\nCountry: Norway\n", NAME, "2009"),
    ("Date of establishment: 12.05.2011\n", NAME, "2011-05-12"),
    ("Дата на създаване: 15 май 2012\n", NAME, "2012-05-15"),
    # prose, passive and participles
    ("The cluster was established in March 2009 by ten wood companies.", NAME, "2009-03"),
    ("The cluster was established December 2004 with the aim of promoting cooperation.", NAME, "2004-12"),
    ("Nordic Wood Cluster, set up in October 2015 in Oslo as a bottom-up initiative, counts 30 members.", NAME, "2015-10"),
    ("Ever since it was founded in 2003, Nordic Wood Cluster has financed itself.", NAME, "2003"),
    ("A review of the NWC cluster, an initiative that enjoys public backing, was established in 2012 and grew.", NAME, "2012"),
    ("Since its establishment in 2008, the cluster has grown steadily.", NAME, "2008"),
    # date far before the verb, subject by organisation-type word
    ("It was in 2011 that the National Cluster Platform, addressed to stakeholders at all levels, was launched by the ministry.",
     {"name": "Slovak Cluster Platform"}, "2011"),
    # active statements with the organisation as object
    ("Together with 4 other clusters, we set up the Baltic Cluster Association on 5 May 2020.",
     {"name": "Baltic Cluster Association"}, "2020-05-05"),
    ("Nine clusters took the decision on 12 June 2017, in Zagreb, to establish a Federation of clusters of Croatia, "
     "bringing the sector together.", {"name": "Federation of clusters of Croatia"}, "2017-06-12"),
    # a founding act
    ("Ten firms joined forces. The founding statement was signed on 9 September 2021 in Riga, and the cluster was registered.",
     NAME, "2021-09-09"),
    # other languages
    ("Клъстерът е учреден на 15 май 2012 г. в Пловдив.", {"name": "Клъстер „Мехатроника“"}, "2012-05-15"),
    ("Der Verein wurde 2006 gegründet und hat heute viele Mitglieder.", {"name": "Holz Cluster Bayern"}, "2006"),
    # negatives: no explicit statement, or a statement about someone else
    ("More than 10 years the organization is promoting the use of ICT.", NAME, None),
    ("CoderDojo is a global movement established in 2011 by two volunteers.", NAME, None),
    ("Work began in the 1990s (1995: the Wood Cluster Styria was founded, with more regions joining later).",
     {"name": "Austrian Wood Platform"}, None),
    ("The project was launched in 2015 with funding from the region.", NAME, None),
    ("The cluster launched a new training project in 2016.", NAME, None),
    ("For students, the cluster has created and developed study courses: 4 universities, trained since Sept 2015.", NAME, None),
    ("Index: 1341R4\nStart: 2011\nEnd: n/a\n", NAME, None),
    ("The founding agreement of the Riga Startup Hub was signed on 1 June 2020.", NAME, None),
    ("John Atanasoff was born on October 4, 1903. The cluster celebrates this date.", NAME, None),
]


# A date right after the founding verb in its own clause beats a date earlier in the sentence (invented here).
CASES += [
    ("The network has been active since 2009, when ten farmers first met, but the cluster itself was registered as an "
     "NGO in March 2016.", NAME, "2016-03"),
    ("Informal cooperation has existed since 2012, when the first joint fair took place; the cluster itself was "
     "registered as an association in May 2018.", NAME, "2018-05"),
    ("Active since 2010, when the first meeting took place in Bergen, the cluster was registered as a non-profit "
     "association in April 2014.", NAME, "2014-04"),
    ("In 2008, when the crisis hit, ten firms met; the cluster was registered as an NGO on 12 June 2013.", NAME,
     "2013-06-12"),
    ("The cluster, active since 2009, when the first fair took place, was registered as an association in March 2016.",
     NAME, "2016-03"),
    ("The companies have worked together since 2005, when the first project started, and the cluster was founded as "
     "an association in 2011.", NAME, "2011"),
    ("The network has existed since 2015; the cluster was established as a legal entity in 2019.", NAME, "2019"),
]

# Romance languages: passives with their auxiliaries, reflexives, prepositions and "the year" words, and
# sentences that leave the subject out after one that names the organisation (invented here).
CASES += [
    ("El Clúster Gallego de Robótica se constituyó el 12 de marzo de 2010 en Vigo.", {"name": "Clúster Gallego de Robótica"},
     "2010-03-12"),
    ("Il Distretto Meccatronico Veneto è stato costituito nel 2008 a Padova.", {"name": "Distretto Meccatronico Veneto"}, "2008"),
    ("O Cluster Habitat Sustentável foi fundado em 2011 em Aveiro.", {"name": "Cluster Habitat Sustentável"}, "2011"),
    ("El clúster es va constituir l'any 2013 a Barcelona.", {"name": "Clúster Digital de Catalunya"}, "2013"),
    ("Créé en 2012 à Bordeaux, le pôle regroupe 150 adhérents.", {"name": "Pôle Aquitaine Numérique"}, "2012"),
    ("L'association a été créée le 4 juillet 2013 à Nantes.", {"name": "Association Atlantique Numérique"}, "2013-07-04"),
    ("Desde su creación en 2009, la asociación ha crecido.", {"name": "Asociación Clúster Navarro del Vino"}, "2009"),
    ("El Clúster Textil de Alcoi tiene su sede en Alcoi. Se fundó en 2007 con doce empresas.",
     {"name": "Clúster Textil de Alcoi"}, "2007"),
    ("Clusterul a fost înființat în anul 2013 la Timișoara.", {"name": "Clusterul Regional de Energie"}, "2013"),
    # negatives: someone else's founding, or a sentence with its own subject
    ("Il Politecnico di Torino è stato fondato nel 1859.", {"name": "Distretto Aerospaziale Piemonte"}, None),
    ("El Clúster Textil de Alcoi tiene su sede en Alcoi. La Universidad Politécnica se fundó en 1971.",
     {"name": "Clúster Textil de Alcoi"}, None),
]


@pytest.mark.parametrize("text,found,expected", CASES)
def test_established(text, found, expected):
    doc, ex = run(text, found)
    assert ex.values.get("established") == expected
    if expected:
        start, end = ex.evidence["/established"]
        assert grounded(expected, doc.text[start:end])


def test_field_wins_over_prose():
    _, ex = run("Year of foundation: 2009\n\nThe cluster was established in 2010 by its members.")
    assert ex.values["established"] == "2009"


def test_without_a_name_only_anaphors_count():
    _, ex = run("The cluster was founded in 2001 in Bergen.", {})
    assert ex.values["established"] == "2001"


@pytest.mark.parametrize("text", ["x", "established", "was founded in", "founded founded founded " * 300, "😀 set up a 2012"])
def test_never_raises(text):
    run(text)
    assert founding.extract(Document(id="e", text=""), {}).values == {}


@pytest.mark.parametrize(
    "text",
    [
        "The cluster was ESTABLISHED in 2012 and re-established later.",
        "It was eſtabliſhed in 1901.",  # long s: the scan falls back to the plain regex
        "Клъстерът е учреден през 2010 г.",
        "since its establishment in 2009, our foundation ...",
        "The founding statement was signed; a constituent assembly met.",
    ],
)
def test_statement_scans_find_what_their_regex_finds(text):
    for scan in (founding._VERB, founding._NOUN, founding._ACT):
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.regex.finditer(text)]


# A participle opening its sentence: the subject after the comma decides; a fact-list line is the page's own,
# unless it stands under a heading about other organisations.
LEADING_PARTICIPLES = [
    ("Founded in 2015, the Nordic Wood Cluster unites 60 companies.", "2015"),
    ("Set up in 2016 as a non-profit association, the cluster today counts 60 member companies.", "2016"),
    ("Established on 3 March 2015 by twelve companies, NWC promotes wood construction.", "2015-03-03"),
    ("Key facts\n- Founded 2015\n- 60 members\n", "2015"),
    ("At a glance\n• Established in March 2012.\n• Seat: Oslo\n", "2012-03"),
    # another organisation is the subject, or the fact line lists a partner
    ("Founded in 2016 and based in Lyon, the Alliance today gathers 23 clusters.", None),
    ("The cluster works with Oslo University. Founded in 1919, the university is a partner.", None),
    ("## Partners\n- Oslo Tech Park\nFounded in 1999.\n", None),
    ("Founded in 1990, Norsk Treindustri is our oldest member.", None),
]


@pytest.mark.parametrize("text,expected", LEADING_PARTICIPLES)
def test_leading_participle_and_fact_lines(text, expected):
    doc, ex = run(text)
    assert ex.values.get("established") == expected


@pytest.mark.parametrize("text", ["Formation: 2015\n", "Inception: 2015\n", "In operation since: 2015\n",
                                  "Year established: 2015\n"])
def test_more_founding_labels(text):
    assert run(text)[1].values.get("established") == "2015"


def test_leading_participle_with_a_pronoun_subject_after_naming_sentence():
    text = ("Nordic Wood Cluster is a non-profit association headquartered in Oslo. Founded in 2017, it unites 34 members.\n")
    assert run(text)[1].values.get("established") == "2017"
    assert run("The university is old. Founded in 1919, it trains engineers.\n")[1].values.get("established") is None
