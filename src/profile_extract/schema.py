"""`profile-extract schema`: export the JSON Schema of the record models, or check for drift."""
from __future__ import annotations

import json
import sys

from .atomic import write_text
from .record import gold_json_schema, record_json_schema

SCHEMAS = {"record.schema.json": record_json_schema, "gold.schema.json": gold_json_schema}


def render(make) -> str:
    return json.dumps(make(), indent=2, ensure_ascii=False) + "\n"


def main_schema(args) -> int:
    drift = []
    for name, make in SCHEMAS.items():
        path = args.out / name
        text = render(make)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                drift.append(str(path))
        else:
            write_text(path, text)
            print(f"wrote {path}")
    if drift:
        print("schema drifted from the models, run `profile-extract schema`: " + ", ".join(drift), file=sys.stderr)
        return 1
    return 0
