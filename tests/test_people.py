"""People extractor (contract 3.9): names once each, role and organisation as written."""
from __future__ import annotations

import pytest

from profile_extract import clean, entities, ingest, sections
from profile_extract.document import Document
from profile_extract.extractors import people


def run(text: str):
    page = ingest.decode(text.encode("utf-8"), "page.txt")
    doc = sections.split(clean.clean(page), doc_id="t", format=page.format)
    doc.language = ingest.detect_language(doc.text)
    entities.recognise(doc, entities.default_nlp())
    return doc, people.extract(doc, {})


def by_name(text: str) -> dict[str, dict]:
    _, out = run(text)
    return {p["name"]: p for p in out.values.get("people", [])}


CASES = [
    # (text, name, role, organisation)
    ("Koen Verbruggen, Director of Geological Survey Ireland, commented: “Good.”",
     "Koen Verbruggen", "Director", "Geological Survey Ireland"),
    ("Speaking there, Vladan Tabaš, President of the Board of Directors of the ICT Cortex Cluster, spoke.",
     "Vladan Tabaš", "President of the Board of Directors", "ICT Cortex Cluster"),
    ("Mr. Peter Statev – Chairman of the Managing board of ICT Cluster, presented the network.",
     "Peter Statev", "Chairman of the Managing board", "ICT Cluster"),
    ("The conference was attended by Anna Naydenova “Bulgarian ICT Cluster” and others.",
     "Anna Naydenova", None, "Bulgarian ICT Cluster"),
    ("Founders: Petar Statev for Foundation Cluster Information and Communication Technology, and more.",
     "Petar Statev", None, "Foundation Cluster Information and Communication Technology"),
    ("Andrei Kelemen\n\nExecutive Director\nCluj IT Cluster\n\nBilateral Meetings",
     "Andrei Kelemen", "Executive Director", "Cluj IT Cluster"),
    ("For more information, please contact\n\nMr. Ventsislav Stoev\n\nCluster for Health Tourism\n\nAnnex completed",
     "Ventsislav Stoev", None, "Cluster for Health Tourism"),
    ("Dear Mr Erb,\nSince you took part in the project, we grant the label.", "Erb", None, None),
    ("Mr. Jakov Milatović, recently elected as President of Montenegro, offered congratulations.",
     "Jakov Milatović", "President of Montenegro", None),
    ("Prof. Dr. Asen for ICT Cluster – Plovdiv, and two more signed the charter.", "Asen", None, "ICT Cluster – Plovdiv"),
    ("Dr. Oliver Grün, president of the European Digital SME Alliance welcomed the new membership.",
     "Oliver Grün", "president", "European Digital SME Alliance"),
    ("Guests were Mr. Mohammed Al Hammadi, founder and Chief Executive of InvestSource and Mr. Sebastiano Toffaletti - "
     "Alliance Secretary General of Digital SME Alliance - The European Voice.",
     "Mohammed Al Hammadi", "founder and Chief Executive", "InvestSource"),
    ("Guests were Mr. Mohammed Al Hammadi, founder and Chief Executive of InvestSource and Mr. Sebastiano Toffaletti - "
     "Alliance Secretary General of Digital SME Alliance - The European Voice.",
     "Sebastiano Toffaletti", "Alliance Secretary General", "Digital SME Alliance"),
    ("Todor Mitov presented the opportunities of the project.", "Todor Mitov", None, None),
    ("Maria Ionescu, Cluster Manager of Transilvania Furniture Cluster, opened the fair.",
     "Maria Ionescu", "Cluster Manager", "Transilvania Furniture Cluster"),
    ("Elena Petrova, CEO of Sofia Software Cluster, said the sector grows.",
     "Elena Petrova", "CEO", "Sofia Software Cluster"),
]


@pytest.mark.parametrize("text,name,role,org", CASES)
def test_person_role_organisation(text, name, role, org):
    found = by_name(text)
    assert name in found, found
    assert found[name]["role"] == role
    assert found[name]["organisation"] == org


def test_surname_alone_is_the_same_person():
    text = ("Stelian Brad “Cluj IT Cluster” spoke. Stelian Brad, President of BBS ICT Clusters Network for 2016, "
            "sees a chance. “We agree”, Dr. Brad said.")
    found = by_name(text)
    assert list(found) == ["Stelian Brad"]
    assert found["Stelian Brad"]["role"] == "President"  # the mention that gives a role wins
    assert found["Stelian Brad"]["organisation"] == "BBS ICT Clusters Network"


def test_every_person_once():
    text = "Anton Tcholakov and Nikolay Chochev organized the meeting. Anton Tcholakov thanked Nikolay Chochev."
    _, out = run(text)
    assert [p["name"] for p in out.values["people"]] == ["Anton Tcholakov", "Nikolay Chochev"]


@pytest.mark.parametrize(
    "text",
    [
        "The Cluster Manager presented the results.",
        "Lucian Blaga University in Sibiu is a member.",
        "The Director of the agency spoke.",
        "Sofia Tech Park hosted the conference.",
        "Общото събрание на Клъстер „Мехатроника и автоматизация“ се състоя в Пловдив.",
    ],
)
def test_no_person(text):
    assert by_name(text) == {}


def test_evidence_spans_contain_values():
    text = "Mr. Peter Statev – Chairman of the Managing board of ICT Cluster, presented. Koen Verbruggen, Director of Geological Survey Ireland, said."
    doc, out = run(text)
    assert out.values["people"]
    for i, person in enumerate(out.values["people"]):
        for key in ("name", "role", "organisation"):
            if person[key] is not None:
                start, end = out.evidence[f"/people/{i}/{key}"]
                assert person[key] in doc.text[start:end]


def test_bulgarian_contact():
    found = by_name("За контакти: г-н Иван Петров, председател на Клъстер „Зелена енергия“.")
    assert "Иван Петров" in found
    assert found["Иван Петров"]["role"] == "председател"


@pytest.mark.parametrize("text", ["", "\n\n", "Mr.", "“”", "Dear Mr\n"])
def test_odd_input_never_raises(text):
    doc = Document(id="odd", text=text)
    entities.recognise(doc, entities.default_nlp())
    assert people.extract(doc, {}).values.get("people", []) == []
