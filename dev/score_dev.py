"""Dev helper: run the pipeline over raw/ in-process and score it against gold/ (per field).

    python dev/score_dev.py [FIELD_PREFIX ...] [--show ID]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from profile_extract.pipeline import process_bytes

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    prefixes = [a for a in argv if not a.startswith("--") and a != show]
    preds, golds = {}, {}
    for path in sorted((ROOT / "raw").iterdir()):
        result = process_bytes(path.read_bytes(), doc_id=path.stem, path=f"raw/{path.name}")
        preds[path.stem] = json.loads(result.record.to_json())
        golds[path.stem] = json.loads((ROOT / "gold" / f"{path.stem}.json").read_text())
        if show == path.stem:
            print(result.record.to_json())
    try:
        from profile_extract.scoring import score_corpus, score_document
    except ImportError:
        print("scoring module not ready yet")
        return
    docs = {doc_id: score_document(golds[doc_id], preds[doc_id], doc_id) for doc_id in golds}
    corpus = score_corpus(list(docs.values()))
    for name, score in _summary(corpus, prefixes).items():
        print(f"{name:32s} tp={score.tp:3d} fp={score.fp:3d} fn={score.fn:3d} f1={score.f1:.3f}")
    print(f"fields micro-F1 {corpus.micro_f1:.4f}   entities F1 {corpus.entities_f1:.4f}")
    for doc_id, doc in docs.items():
        for line in _doc_lines(doc, prefixes):
            print(doc_id, line)


def _summary(corpus, prefixes):
    return {
        name: score
        for name, score in corpus.fields.items()
        if not prefixes or any(name.startswith(p) for p in prefixes)
    }


def _doc_lines(doc, prefixes):
    for line in doc.describe():
        if not prefixes or any(line.startswith(p) for p in prefixes):
            yield line


if __name__ == "__main__":
    main(sys.argv[1:])
