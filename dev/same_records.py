"""Dev helper for speed work: prove that a change leaves every record byte-identical.

    python dev/same_records.py snapshot DIR   # records of the current code, saved under DIR
    python dev/same_records.py compare DIR    # records of the current code, compared with DIR

The sets are raw/, tests/holdout/raw, tests/holdout2/raw and a generated corpus of
varied pages (benchmarks/throughput.py's builder). For tests/holdout2 (kept blind)
only the number of changed records is printed, never their content.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from profile_extract.pipeline import process_bytes  # noqa: E402

BLIND = "holdout2"


def sets(base: Path) -> dict[str, list[Path]]:
    varied = base / "varied_corpus"
    if not varied.exists():
        import throughput

        throughput.build_corpus(varied, 400, seed=11)
    return {
        "raw": sorted((ROOT / "raw").iterdir()),
        "holdout": sorted((ROOT / "tests/holdout/raw").iterdir()),
        BLIND: sorted((ROOT / "tests/holdout2/raw").iterdir()),
        "varied": sorted(varied.iterdir()),
    }


def records(paths: list[Path]) -> dict[str, str]:
    out = {}
    for path in paths:
        result = process_bytes(path.read_bytes(), doc_id=path.stem, path=path.name)
        out[path.name] = result.record.to_json()
    return out


def main(argv: list[str]) -> int:
    mode, base = argv[0], Path(argv[1])
    base.mkdir(parents=True, exist_ok=True)
    changed_total = 0
    for name, paths in sets(base).items():
        current = records(paths)
        store = base / f"{name}.json"
        if mode == "snapshot":
            store.write_text(json.dumps(current), encoding="utf-8")
            print(f"{name}: {len(current)} records saved")
            continue
        saved = json.loads(store.read_text(encoding="utf-8"))
        changed = sorted(k for k in saved if saved[k] != current.get(k))
        changed_total += len(changed)
        print(f"{name}: {len(changed)} of {len(saved)} records changed")
        if name == BLIND:
            continue
        for key in changed[:10]:
            old, new = json.loads(saved[key]), json.loads(current[key])
            for field in sorted(set(old) | set(new)):
                if old.get(field) != new.get(field):
                    print(f"  {key} {field}:\n    was {json.dumps(old.get(field))[:400]}\n    now {json.dumps(new.get(field))[:400]}")
    return 1 if changed_total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
