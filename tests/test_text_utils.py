"""Small text helpers shared by the extractors."""
import pytest

from profile_extract.text_utils import find_all, sentence_around


@pytest.mark.parametrize(("text", "needle", "expected"), [
    ("ICT Cluster and ICT Cluster", "ICT Cluster", [0, 16]),
    ("aaaa", "aa", [0, 1, 2]),  # overlapping occurrences count
    ("no match here", "cluster", []),
    ("", "x", []),
    ("anything", "", []),  # an empty needle finds nothing, instead of looping forever
    ("Клъстер и клъстер", "лъстер", [1, 11]),
])
def test_find_all_gives_every_offset(text, needle, expected):
    assert list(find_all(text, needle)) == expected


@pytest.mark.parametrize(
    "text,word,sentence",
    [
        ("Клъстерът, със седалище в гр. Смолян, е създаден през 2012 г.", "създаден",
         "Клъстерът, със седалище в гр. Смолян, е създаден през 2012 г."),
        ("We met Dr. Ana Lupu in St. Gallen. She leads the cluster.", "Lupu", "We met Dr. Ana Lupu in St. Gallen."),
        # the look-ahead sees the capital at the word itself: the sentence before ends there
        ("The cluster works with Oslo University. Founded in 1919, it is old.", "Founded",
         "Founded in 1919, it is old."),
    ],
)
def test_sentence_around_skips_abbreviations(text, word, sentence):
    start = text.index(word)
    lo, hi = sentence_around(text, start, start + len(word))
    assert text[lo:hi].strip() == sentence


def test_a_sentence_may_open_with_an_accented_capital_or_an_inverted_mark():
    from profile_extract.text_utils import sentence_around
    text = "Il cluster riunisce le imprese. È stato costituito nel 2008. ¿Quiénes somos? Somos un clúster."
    at = text.index("costituito")
    lo, hi = sentence_around(text, at, at)
    assert text[lo:hi].strip() == "È stato costituito nel 2008."
    at = text.index("Quiénes")
    assert text[slice(*sentence_around(text, at, at))].strip() == "¿Quiénes somos?"
