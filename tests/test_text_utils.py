"""Small text helpers shared by the extractors."""
import pytest

from profile_extract.text_utils import find_all


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
