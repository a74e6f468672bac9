"""The scorer against contract section 5, on hand-made gold/prediction pairs counted by hand."""
import pytest

from profile_extract.scoring import (
    FIELDS,
    FieldScore,
    normalise,
    score_corpus,
    score_document,
    similarity,
    strings_match,
)


def record(**values):
    """A gold file / prediction with every scored key empty, except `values`."""
    data = {
        "name": None, "country": None, "region": None, "city": None, "established": None,
        "members": {"total": None, "smes": None, "large_companies": None, "research_organisations": None, "other_actors": None},
        "sectors": [], "technology_fields": [], "s3_priority_areas": [], "emerging_industries": [], "services": [],
        "labels": [], "networks": [], "partner_clusters": [], "target_countries": [],
        "projects": [], "events": [], "people": [], "entities": [],
    }
    for key, value in values.items():
        if key.startswith("members_"):
            data["members"][key.removeprefix("members_")] = value
        else:
            data[key] = value
    return data


def counts(gold, pred, field):
    c = score_document(gold, pred).fields[field]
    return c.tp, c.fp, c.fn


def nonzero(gold, pred):
    """Every field with any count, as {field: (tp, fp, fn)}."""
    doc = score_document(gold, pred)
    return {name: (c.tp, c.fp, c.fn) for name, c in doc.fields.items() if c.tp or c.fp or c.fn}


def project(name, **values):
    return {"name": name, "acronym": None, "code": None, "programme": None, "start": None, "end": None,
            "duration_months": None, "partners": [], **values}


def event(title, date, **values):
    return {"title": title, "date": date, "end_date": None, "location": None, **values}


def person(name, **values):
    return {"name": name, "role": None, "organisation": None, **values}


# ---------------------------------------------------------------- 5.1 normalisation

@pytest.mark.parametrize("raw, expected", [
    ("  \u201cThe  ICT\u2014Cluster\u201d. ", "ict-cluster"),      # curly quotes, dash, the, trailing punctuation
    ("\ufb01nance \uff29\uff23\uff34", "finance ict"),             # NFKC: ligature and full-width letters
    ("STRASSE", "strasse"), ("Stra\u00dfe", "strasse"),           # casefold, not lower
    ("(Sofia).", "sofia"), ("\u00abCluster\u00bb", "cluster"), ("[ICT]", "ict"),
    ("a \n\t b", "a b"),                                         # white space collapsed
    ("Clusters\u2019 Network", "clusters' network"),             # curly apostrophe made plain, kept inside
    ("Theatre Cluster", "theatre cluster"),                      # "the" only as a whole leading word
    ("Bathe the cluster", "bathe the cluster"),                  # ... and only at the start
    ("The \"Cluster\"", "cluster"),                              # quotes revealed by dropping "the " go too
    ("U.S.A.", "u.s.a"),                                         # inner punctuation kept
])
def test_normalisation(raw, expected):
    assert normalise(raw) == expected


def test_dash_variants_are_one_dash():
    assert len({normalise(f"ICT{d}Cluster") for d in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}) == 1


# ---------------------------------------------------------------- 5.2 string match

def test_token_sort_threshold_is_inclusive_at_90():
    assert similarity("clean tech", "clean tecx") == 90
    assert strings_match("clean tech", "clean tecx")
    assert similarity("abcdefghi", "abcdefghk") < 90
    assert not strings_match("abcdefghi", "abcdefghk")


def test_word_order_does_not_matter():
    assert strings_match("Plovdiv ICT Cluster", "ICT Cluster Plovdiv")


def test_similarity_is_computed_on_normalised_strings():
    # raw token_sort_ratio of these is about 30 (case differs); normalised it is about 98
    assert strings_match("SOFIA TECH PARK CLUSTER", "Sofia Tech Park Clusters")


# ---------------------------------------------------------------- 5.3 scalars

@pytest.mark.parametrize("gold, pred, expected", [
    (None, None, (0, 0, 0)),
    ("ICT Cluster Plovdiv", "The ICT Cluster Plovdiv.", (1, 0, 0)),
    ("ICT Cluster Plovdiv", "Marine Cluster Bulgaria", (0, 1, 1)),
    (None, "ICT Cluster", (0, 1, 0)),
    ("ICT Cluster", None, (0, 0, 1)),
])
def test_string_scalar(gold, pred, expected):
    assert counts(record(name=gold), record(name=pred), "name") == expected


def test_dates_compare_exactly_not_by_precision():
    assert counts(record(established="2012"), record(established="2012-10"), "established") == (0, 1, 1)
    assert counts(record(established="2012-10"), record(established="2012-10"), "established") == (1, 0, 0)


def test_country_codes_compare_exactly():
    assert counts(record(country="BG"), record(country="BG"), "country") == (1, 0, 0)
    assert counts(record(country="BG"), record(country="RS"), "country") == (0, 1, 1)


def test_member_count_zero_is_a_value_not_null():
    assert counts(record(members_smes=0), record(members_smes=0), "members.smes") == (1, 0, 0)
    assert counts(record(members_smes=0), record(), "members.smes") == (0, 0, 1)
    assert counts(record(members_total=80), record(members_total=81), "members.total") == (0, 1, 1)


# ---------------------------------------------------------------- 5.4 lists

def test_list_pairs_one_to_one_with_duplicates():
    assert counts(record(sectors=["ICT", "ICT"]), record(sectors=["ict"]), "sectors") == (1, 0, 1)
    assert counts(record(sectors=["ICT"]), record(sectors=["ICT", "I.C.T"]), "sectors") == (1, 1, 0)


def test_list_pairs_best_similarity_first():
    # "Green Energy Cluster" (pred) matches both gold items; pairing it with its exact twin first
    # leaves the other gold item for "Green Energies Clusters" (90.9 with it, 88.4 with the twin).
    gold = record(partner_clusters=["Green Energy Clusters", "Green Energy Cluster"])
    pred = record(partner_clusters=["Green Energy Cluster", "Green Energies Clusters"])
    assert counts(gold, pred, "partner_clusters") == (2, 0, 0)


def test_list_items_under_threshold_are_not_paired():
    doc = score_document(record(labels=["ESCA Gold Label"]), record(labels=["ESCA Bronze Label"]))
    c = doc.fields["labels"]
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    assert c.missed == ["ESCA Gold Label"] and c.spurious == ["ESCA Bronze Label"]


def test_target_countries_compare_codes():
    assert counts(record(target_countries=["BG", "RO"]), record(target_countries=["RO", "RS", "DE"]),
                  "target_countries") == (1, 2, 1)


# ---------------------------------------------------------------- 5.5 projects

def test_projects_pair_by_name_acronym_or_code():
    gold = record(projects=[project("Smart Mobility Hub"), project("Danube Digital Network", acronym="DDN"),
                            project("Alpha", code="BG16RFOP002-1.001")])
    pred = record(projects=[project("Smart Mobility Hub."), project("Digital Danube", acronym="DDN"),
                            project("Something else", code="BG16RFOP002-1.001")])
    assert counts(gold, pred, "projects") == (3, 0, 0)


def test_projects_with_null_acronyms_and_codes_do_not_pair_on_them():
    gold = record(projects=[project("Smart Mobility Hub")])
    pred = record(projects=[project("Blue Growth Accelerator")])
    assert nonzero(gold, pred) == {"projects": (0, 1, 1)}


def test_project_sub_fields_of_a_pair():
    gold = record(projects=[project("Smart Mobility Hub", acronym="SMH", code="X-1", programme="Interreg Danube",
                                    start="2019-01", duration_months=24, partners=["Sofia University", "Plovdiv Municipality"])])
    pred = record(projects=[project("Smart mobility hub", acronym="SMH", code="x-1", programme="INTERREG DANUBE",
                                    start="2019", end="2021", duration_months=24, partners=["Sofia University", "Varna Port"])])
    assert nonzero(gold, pred) == {
        "projects": (1, 0, 0),
        "projects.start": (0, 1, 1),            # 2019 != 2019-01
        "projects.end": (0, 1, 0),              # only predicted
        "projects.duration_months": (1, 0, 0),
        "projects.code": (1, 0, 0),             # equal after normalisation
        "projects.acronym": (1, 0, 0),
        "projects.programme": (1, 0, 0),
        "projects.partners": (1, 1, 1),
    }


def test_project_code_is_not_fuzzy():
    gold = record(projects=[project("Hub", code="BG05M9OP001-1.003-0001")])
    pred = record(projects=[project("Hub", code="BG05M9OP001-1.003-0002")])
    assert counts(gold, pred, "projects.code") == (0, 1, 1)


def test_unpaired_projects_add_nothing_to_sub_fields():
    gold = record(projects=[project("Smart Mobility Hub", start="2019", partners=["Sofia University"])])
    pred = record(projects=[project("Blue Growth", start="2019", end="2020", partners=["Sofia University"])])
    assert nonzero(gold, pred) == {"projects": (0, 1, 1)}


# ---------------------------------------------------------------- 5.6 events

def test_event_pairs_on_same_date_and_similar_title():
    gold = record(events=[event("Annual meeting of the Balkan ICT Clusters Network", "2016-09-28",
                                end_date="2016-09-30", location="Budva, Montenegro")])
    pred = record(events=[event("annual meeting", "2016-09-28", location="Budva Montenegro")])
    assert nonzero(gold, pred) == {"events": (1, 0, 0), "events.end_date": (0, 0, 1), "events.location": (1, 0, 0)}


def test_event_with_other_date_does_not_pair():
    gold = record(events=[event("Annual meeting", "2016-09-28")])
    assert counts(gold, record(events=[event("Annual meeting", "2016-09-29")]), "events") == (0, 1, 1)
    assert counts(gold, record(events=[event("Annual meeting", "2016-09")]), "events") == (0, 1, 1)


def test_event_title_threshold_is_inclusive_at_50():
    gold = record(events=[event("board member", "2020-01-01")])
    assert counts(gold, record(events=[event("head meeting", "2020-01-01")]), "events") == (1, 0, 0)   # 50
    assert counts(gold, record(events=[event("chair meeting", "2020-01-01")]), "events") == (0, 1, 1)  # 48


def test_each_gold_event_pairs_at_most_once():
    gold = record(events=[event("Kick-off meeting", "2019-03-01")])
    pred = record(events=[event("Kick-off meeting", "2019-03-01"), event("kick-off meeting of the project", "2019-03-01")])
    assert counts(gold, pred, "events") == (1, 1, 0)


# ---------------------------------------------------------------- 5.7 people

def test_people_pair_by_name_and_score_role_and_organisation():
    gold = record(people=[person("Ivan Petrov", role="Cluster Manager", organisation="ICT Cluster Plovdiv"),
                          person("Maria Ivanova", role="Chair")])
    pred = record(people=[person("IVAN PETROV", role="Manager", organisation="Plovdiv University"),
                          person("Maria Ivanova", role="Chairman", organisation="Sofia Tech Park")])
    assert nonzero(gold, pred) == {
        "people": (2, 0, 0),
        "people.role": (1, 1, 1),            # Manager ~ Cluster Manager (token set 100); Chairman vs Chair 76.9
        "people.organisation": (0, 2, 1),    # different; only predicted
    }


def test_person_role_threshold_is_inclusive_at_80():
    gold = record(people=[person("Ana Popa", role="Board Cluster")])
    assert counts(gold, record(people=[person("Ana Popa", role="Cluster Head")]), "people.role") == (1, 0, 0)


def test_unmatched_people_add_nothing_to_role():
    gold = record(people=[person("Ana Popa", role="Director")])
    pred = record(people=[person("Ion Rusu", role="Director")])
    assert nonzero(gold, pred) == {"people": (0, 1, 1)}


# ---------------------------------------------------------------- 5.8 entities

def test_entities_are_a_set_of_normalised_text_and_label():
    gold = record(entities=[{"text": "Sofia", "label": "GPE"}, {"text": "sofia", "label": "GPE"},
                            {"text": "Plovdiv", "label": "GPE"}])
    pred = record(entities=[{"text": "Sofia", "label": "GPE", "start": 0, "end": 5},
                            {"text": "Sofia", "label": "GPE", "start": 9, "end": 14},
                            {"text": "Plovdiv", "label": "ORG", "start": 20, "end": 27}])
    assert counts(gold, pred, "entities") == (1, 1, 1)


# ---------------------------------------------------------------- 5.9 sums and missing predictions

def test_micro_sums_every_field_but_entities():
    gold_a = record(name="ICT Cluster", sectors=["ICT", "Energy"], entities=[{"text": "X", "label": "ORG"}])
    pred_a = record(name="ICT Cluster", sectors=["ICT", "Tourism"])
    gold_b = record(country="BG", projects=[project("Hub", start="2019")])
    pred_b = record(country="RO", projects=[project("Hub", start="2019")], entities=[{"text": "X", "label": "ORG", "start": 0, "end": 1}])
    corpus = score_corpus([score_document(gold_a, pred_a), score_document(gold_b, pred_b)])
    # name 1/0/0, sectors 1/1/1, country 0/1/1, projects 1/0/0, projects.start 1/0/0
    assert (corpus.micro.tp, corpus.micro.fp, corpus.micro.fn) == (4, 2, 2)
    assert corpus.micro_f1 == pytest.approx(8 / 12)
    assert tuple(corpus.fields["sectors"])[:3] == (1, 1, 1)
    # entities: doc a misses X, doc b invents it: summed per document, not over the union
    assert (corpus.entities.tp, corpus.entities.fp, corpus.entities.fn) == (0, 1, 1)
    assert corpus.entities_f1 == 0


def test_missing_prediction_counts_everything_as_missed():
    gold = record(name="ICT Cluster", members_total=40, networks=["ESCA"],
                  projects=[project("Hub", start="2019")], events=[event("Meeting", "2020")],
                  people=[person("Ana Popa", role="Director")], entities=[{"text": "ESCA", "label": "ORG"}])
    doc = score_document(gold, None)
    assert not doc.has_prediction
    assert (doc.micro.tp, doc.micro.fp, doc.micro.fn) == (0, 0, 6)   # sub-fields of unpaired objects add nothing
    assert (doc.entities.tp, doc.entities.fn) == (0, 1)
    assert score_corpus([(gold, None)]).micro_f1 == 0


def test_report_field_names_in_contract_order():
    assert FIELDS[:6] == ("name", "country", "region", "city", "established", "members.total")
    assert FIELDS[-1] == "entities"
    assert {"projects.partners", "events.location", "people.organisation", "target_countries"} <= set(FIELDS)


@pytest.mark.parametrize("tp, fp, fn, p, r, f1", [
    (2, 1, 1, 2 / 3, 2 / 3, 2 / 3),
    (0, 0, 3, 1.0, 0.0, 0.0),
    (0, 0, 0, 1.0, 1.0, 1.0),
    (3, 0, 1, 1.0, 0.75, 6 / 7),
])
def test_precision_recall_f1(tp, fp, fn, p, r, f1):
    score = FieldScore(tp, fp, fn)
    assert (score.precision, score.recall, score.f1) == pytest.approx((p, r, f1))
