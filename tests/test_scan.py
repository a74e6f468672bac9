"""StemScan finds exactly what the plain regex finds, only faster."""
import re

import pytest

from profile_extract import scan


SCAN_TEXTS = [
    "",
    "Cluster",
    "The ICT Cluster was established in 2012 and re-established in 2015.",
    "MetaCluster, Cluster-Network and (Cluster) /Network/ „Клъстер“ Клъстерът",
    "It was ESTABLISHED, Founded, set   up and set-up; reestablished; founders founded",
    "It was eſtabliſhed in 1901 by the ſociety",  # long s: only the plain regex sees "established"
    "Dotless ıt was founded; İstanbul Cluster was founded in 2004",  # "İ" lower-cases to two characters
    "Клъстерът е учреден през 2010 г. и УЧРЕДЕН отново; ᲂснован",  # rounded Cyrillic "о"
    "Ο σύνδεσμος ΙΔΡΥΘΗΚΕ το 2010. ΣΥΝΕΡΓΑΣΙΑΣ",
    "members, 41 member companies, membres, Mitglieder, членове, članova",
    "we, our, us, it, its itself, the cluster, The Organization, asociația, ASOCIATIA",
    "x" * 500 + " founded " + "y" * 500,
]

SCAN_PATTERNS = [
    (r"(?<![\w-])(?:Cluster|Network|Клъстер|Клъстерът)(?!\w)", 0),
    (r"(?<![\w-])(?:established|founded|set\s+up|set-up|учреден[аои]?|основан[аои]?)(?![\w-])", re.IGNORECASE),
    (r"(?<!\w)(?:founded|established)\s+(?:the|a)\s+(?P<name>\w+)", re.IGNORECASE),
    (r"(?<![\w-])(?:we|our|us|it|its|the cluster|the organi[sz]ation|asocia[țt]ia)(?![\w-])", re.IGNORECASE),
    (r"(?:among (?:its|our) members|members include|membres|членове)", re.IGNORECASE),
    (r"(?<![\w-])(?:ιδρυθηκε|σύνδεσμος)(?![\w-])", re.IGNORECASE),  # Greek stems: no shortcut, same result
    (r"\s?[(/](?P<acr>[A-ZА-Я]{2,9})[)/]", 0),  # no literal beginning: plain regex
]


@pytest.mark.parametrize("pattern,flags", SCAN_PATTERNS)
@pytest.mark.parametrize("text", SCAN_TEXTS)
def test_stem_scan_finds_what_the_regex_finds(pattern, flags, text):
    regex = re.compile(pattern, flags)
    scanner = scan.StemScan(regex)
    expected = [(m.span(), m.groups()) for m in regex.finditer(text)]
    assert [(m.span(), m.groups()) for m in scanner.finditer(text)] == expected
    for lo, hi in [(0, 10), (5, 40), (3, len(text))]:
        assert [m.span() for m in scanner.finditer(text, lo, hi)] == [m.span() for m in regex.finditer(text, lo, hi)]
        assert scanner.may_occur(text, lo, hi) or regex.search(text, lo, hi) is None
    assert (scanner.search(text) is None) == (regex.search(text) is None)


def test_literal_stems():
    assert scan.literal_stems(r"(?<![\w-])(?:set\s+up|founded)", re.IGNORECASE) == {"set", "founded"}
    assert scan.literal_stems(r"smes?|(?:public |private )?universit(?:y|ies)", re.IGNORECASE) >= {"sme"}
    assert scan.literal_stems(r"\s?[(/]x", 0) is None  # may start with any space
    assert scan.literal_stems(r"[a-z]+", 0) is None


@pytest.mark.parametrize(
    "text,needle,count",
    [
        ("the DFC board; DFC-led; xDFC; DFC", "DFC", 2),
        ("", "x", 0),
        ("abc abc", "abc", 2),
        ("abcabc abc", "abc", 1),
    ],
)
def test_count_words(text, needle, count):
    expected = len(re.findall(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", text))
    assert scan.count_words(text, needle) == expected == count
