"""Member counts: form fields, composition blocks, prose about the page's own membership; not changes or staff."""
import pytest

from doc_helpers import run_extractor
from profile_extract.document import Document
from profile_extract.extractors import members
from profile_extract.grounding import grounded

NAME = {"name": "Baltic Wood Cluster", "aliases": ["BWC"]}


def run(text, found=NAME):
    return run_extractor(members, text, found)


CASES = [
    # form fields
    ("Composition of the cluster\nTotal number of members: \n120\nNumber of SME members: \n95\n", NAME,
     {"total": 120, "smes": 95}),
    ("Number of other ecosystem actors : \n0\n", NAME, {"other_actors": 0}),
    ("Members that are larger companies (number): \n3\nNumber of research organisations/universities/technology centres: \n4\n",
     NAME, {"large_companies": 3, "research_organisations": 4}),
    # number above its label; one number without a label takes the slot between its neighbours
    ("Cluster composition\n\n  • 54\n    Cluster Members\n  • 40\n  • 2\n    Large Companies\n  • 5\n"
     "    Research Organisations, Universities, Technology Centers\n  • 0\n    Other Ecosystem Actors\n", NAME,
     {"total": 54, "smes": 40, "large_companies": 2, "research_organisations": 5, "other_actors": 0}),
    # prose totals
    ("Baltic Wood Cluster is an innovative cluster association that counts over 80 members; 50+ of them are sawmills.",
     NAME, {"total": 80}),
    ("A review of the BWC cluster shows it was established in 2012 and today counts 41 member companies.", NAME, {"total": 41}),
    ("Counting more than 350 members, Baltic Wood Cluster is the biggest wood network in the region.", NAME, {"total": 350}),
    ("“The 40 members of our cluster give jobs to 1,388 people,” the chair said.", NAME, {"total": 40}),
    ("At present, the network counts 17 active members, coming from 10 countries.", {"name": "Adriatic Tourism Network"},
     {"total": 17}),
    ("The Adriatic Tourism Network is the joint effort of 19 national and regional clusters in the region.",
     {"name": "Adriatic Tourism Network"}, {"total": 19}),
    ("The cluster unites twelve members from the furniture industry.", NAME, {"total": 12}),
    ("With 1 200 members, the association is the largest in the country.", {"name": "Wood Association Poland"}, {"total": 1200}),
    ("Клъстерът обединява 35 членове от региона.", {"name": "Клъстер „Дърво“"}, {"total": 35}),
    # categories inside the membership
    ("Among its members Baltic Wood Cluster has 8 public universities and many firms.", NAME, {"research_organisations": 8}),
    ("The cluster is uniting 10 members, including 280 ICT SMEs and 6 technical universities.", NAME,
     {"total": 10, "smes": 280, "research_organisations": 6}),
    # a count with its breakdown on the label's line
    ("Key facts\n\n- Members: 42 (35 SMEs, 2 large companies, 3 universities and research institutes, 2 public authorities)\n",
     NAME, {"total": 42, "smes": 35, "large_companies": 2, "research_organisations": 3, "other_actors": 2}),
    # an unknown label's answer printed above a member label is not that label's value
    ("Facts\n\nMembers:\n96\nof which start-ups and spin-offs:\n71\nLarge companies:\n8\n", NAME,
     {"total": 96, "large_companies": 8}),
    # Bulgarian breakdown
    ("Днес клъстерът обединява 34 членове – 27 малки и средни предприятия, 2 големи компании, 3 научни организации и 2 общини.",
     {"name": "Клъстер „Слънце“"}, {"total": 34, "smes": 27, "large_companies": 2, "research_organisations": 3,
                                    "other_actors": 2}),
    # negatives
    ("The SOLARPATH project is coordinated by Baltic Wood Cluster and brings together five cluster organisations.", NAME, {}),
    ("Over the year the cluster grew the community by 11 new members.", NAME, {}),
    ("Austria counts more than 60 clusters and networks, which together have more than 7.100 cluster members.",
     {"name": "Austrian Cluster Platform"}, {}),
    ("Included in the cluster are 1 insurance company, 1 travel agent and 12 dental clinics.", NAME, {}),
    ("The cluster companies employ 4,000 people in total.", NAME, {}),
    ("The event of the cluster was attended by 250 participants.", NAME, {}),
    ("Five members of the board of the cluster were elected.", NAME, {}),
    ("Thanks to our existing and new members we now reach about 20.000 SMEs in 18 countries.", NAME, {}),
    ("The Nordic Food Network counts 60 members.", NAME, {}),
]


@pytest.mark.parametrize("text,found,expected", CASES)
def test_member_counts(text, found, expected):
    doc, ex = run(text, found)
    got = {k: v for k, v in ex.values.get("members", {}).items() if v is not None}
    assert got == expected
    for key, value in got.items():
        start, end = ex.evidence[f"/members/{key}"]
        assert grounded(value, doc.text[start:end])


def test_form_values_win_over_prose():
    text = ("The cluster is uniting 10 members, including 280 ICT SMEs.\n\nCluster composition\n\n"
            "Total number of members: \n286\n")
    _, ex = run(text)
    assert ex.values["members"]["total"] == 286
    assert ex.values["members"]["smes"] == 280


@pytest.mark.parametrize("text", ["x", "members", "1\n2\n3\nmembers", "over members 1 000 000 000 members " * 100, "ß 9️⃣ members"])
def test_never_raises(text):
    run(text)
    assert members.extract(Document(id="e", text=""), {}).values == {}


@pytest.mark.parametrize(
    "before",
    [
        "The cluster counts over 80 ", "today counts 41 ", "17 active ", "12 new ", "about 50+ ", "twenty-four ",
        "a dozen ", "one hundred ", "35 ", "над 40 ", "40\n", "Our 1.200 registered active ", "no number here ",
        "version 4.0 ", "x80 ", "the ", "3 very active paying ", "", "41",
    ],
)
def test_quick_count_check_never_hides_a_count(before):
    """`_may_count` may say yes too often, never no where the count pattern matches."""
    text = before + "members"
    end = len(before)
    lo = max(0, end - members._LOOKBACK)
    if members._COUNT_BEFORE_NOUN.search(text, lo, end):
        assert members._may_count(text, lo, end)
