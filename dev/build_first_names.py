"""Dev helper: regenerate the generated block of `data/entities/first_names.txt` from gender-guesser.

    pip install gender-guesser wordfreq && python dev/build_first_names.py

Takes the given names of gender-guesser's name dictionary (nam_dict, GFDL) that are common (frequency
class 3 or more) in at least one country, and leaves out names the hand-written lists above the block
already have, names the gazetteer knows as places, one-word names with spaces, hyphens or other signs,
and names that are everyday words of a page language (zipf frequency above 4.2 in English, German,
French, Spanish, Italian, Portuguese, Dutch, Polish, Romanian, Swedish, Finnish, Czech, Hungarian or
Turkish: "Will", "Mark", "Rose", "Marina", "Via"). The pipeline reads only the text file.
"""
from __future__ import annotations

import os
from pathlib import Path

import gender_guesser
from wordfreq import zipf_frequency

from profile_extract.gazetteer import lookup

OUT = Path(__file__).resolve().parent.parent / "src" / "profile_extract" / "data" / "entities" / "first_names.txt"
MARK = "# Generated: given names common"
MIN_CLASS = 3
LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ro", "sv", "fi", "cs", "hu", "tr"]
EVERYDAY = 4.2


def common_names() -> dict[str, int]:
    path = Path(os.path.dirname(gender_guesser.__file__)) / "data" / "nam_dict.txt"
    best: dict[str, int] = {}
    for line in path.read_text(encoding="iso-8859-1").splitlines():
        if line.startswith("#") or len(line) < 31:
            continue
        name = line[3:29].strip()
        classes = [int(c, 16) for c in line[30:85] if c in "0123456789ABCDEF"]
        if name and classes and name.isalpha() and name[0].isupper() and len(name) >= 3:
            best[name] = max(best.get(name, 0), max(classes))
    return best


def main() -> None:
    text = OUT.read_text(encoding="utf-8")
    hand = text.split(MARK)[0].rstrip("\n") + "\n"
    have = {w for line in hand.splitlines() if not line.startswith("#") for w in line.split()}
    names = sorted(
        name for name, cls in common_names().items()
        if cls >= MIN_CLASS and name not in have and not lookup(name)
        and not any(zipf_frequency(name.lower(), lang) > EVERYDAY for lang in LANGUAGES)
    )
    block = (f"{MARK} (frequency class {MIN_CLASS}+) in at least one country of the gender-guesser\n"
             "# name dictionary (nam_dict, GFDL), minus names that are places or everyday words in the page languages.\n")
    OUT.write_text(hand + block + " ".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} generated names")


if __name__ == "__main__":
    main()
