"""Dev helper: add the ISO 3166-1 country names of more languages to `data/places/countries.toml`.

    apt-get install iso-codes && pip install wordfreq && python dev/build_country_names.py

Reads the Debian iso-codes database (/usr/share/iso-codes/json and the gettext catalogues under
/usr/share/locale) and appends, for every country already in the file, its common and official
name in each language of LANGUAGES that the file lacks. Left out: names of fewer than four
letters, names another country already uses, and one-word names that are common English words
("Island" is Iceland in Danish), which a page uses as words far more often.
The pipeline reads only the TOML; neither package is needed at run time.
"""
from __future__ import annotations

import gettext
import json
import re
import tomllib
from pathlib import Path

from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "profile_extract" / "data" / "places" / "countries.toml"
ISO = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LOCALES = Path("/usr/share/locale")
LANGUAGES = ["es", "ca", "it", "pt", "ro", "fr", "de", "nl", "pl", "cs", "sk", "sl", "hr", "sr", "bg", "hu", "el", "sq", "tr",
             "lv", "lt", "et", "fi", "sv", "da", "nb", "uk", "ru", "mk"]
COMMON_WORD = 3.5  # English zipf frequency above which a name is a common word
# names that are common words or first names in a page language: "Reunión"/"Riunione"/"Réunion" (a meeting),
# "Benim" (Turkish "my"), "Omaan" (Finnish "own"), "Mauricio", "Maurizio", "Guadalupe" (first names); dropped
# wherever they stand, the file's own entries included
NOT_NAMES = {"reunión", "riunione", "réunion", "reunion", "reunião", "benim", "omaan", "komory", "mauricio", "maurizio", "guadalupe"}


def main() -> None:
    data = tomllib.loads(OUT.read_text(encoding="utf-8"))["country"]
    for entry in data.values():
        entry["names"] = [n for n in entry["names"] if n.casefold() not in NOT_NAMES]
    entries = {e["alpha_2"]: e for e in json.loads(ISO.read_text(encoding="utf-8"))["3166-1"]}
    owner = {name.casefold(): code for code, entry in data.items() for name in entry["names"]}
    added = 0
    for lang in LANGUAGES:
        try:
            catalogue = gettext.translation("iso_3166-1", str(LOCALES), languages=[lang])
        except OSError:
            continue
        for code, entry in data.items():
            iso = entries.get(code)
            if iso is None:
                continue
            for english in filter(None, (iso.get("common_name") or iso["name"], iso.get("official_name"))):
                name = catalogue.gettext(english).strip()
                key = name.casefold()
                if name == english and lang != "en" or len(name) < 4 or key in owner or key in NOT_NAMES:
                    continue
                if " " not in name and zipf_frequency(key, "en") > COMMON_WORD:
                    continue
                entry["names"].append(name)
                owner[key] = code
                added += 1
    lines = OUT.read_text(encoding="utf-8").splitlines()
    out, code = [], None
    for line in lines:
        m = re.match(r"\[country\.(\w+)\]", line)
        if m:
            code = m.group(1)
        if code and line.startswith("names = "):
            line = "names = " + json.dumps(data[code]["names"], ensure_ascii=False).replace('","', '", "')
        out.append(line)
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{added} names added")


if __name__ == "__main__":
    main()
