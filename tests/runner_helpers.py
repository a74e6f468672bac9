"""Shared helpers of the batch-runner tests: a stand-in pipeline and small output readers."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from profile_extract.cli import main
from profile_extract.ingest import InputError
from profile_extract.record import Members, Person, Project, Record, Source

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
OUTPUT_FILES = ("dataset.jsonl", "errors.jsonl", "dataset.csv")
CALLS: list[str] = []  # ids the fake pipeline saw in this process


@dataclass
class FakeResult:
    record: Record
    text: str


def fake_process_bytes(raw: bytes, *, doc_id: str, path: str, nlp=None) -> FakeResult:
    """A stand-in pipeline: empty -> InputError, "BOOM" -> exception, "EXIT" -> dead process, else a small record."""
    CALLS.append(doc_id)
    text = raw.decode("utf-8", "replace").strip()
    if not text:
        raise InputError("empty file", "empty")
    if "BOOM" in text:
        raise RuntimeError("the extractor blew up")
    if "EXIT" in text:
        os._exit(3)  # a worker process dying under the pool
    name = text.splitlines()[0][:60]
    record = Record(
        id=doc_id,
        source=Source(path=path, sha256=hashlib.sha256(raw).hexdigest(), format="text", language="en", chars=len(text)),
        name=name,
        sectors=["ICT", "Energy"],
        members=Members(total=len(text) % 97, smes=3),
        projects=[Project(name="Cluster Excellence", acronym="CLEX")],
        people=[Person(name="Ann Lee", role="Manager", organisation=name)],
        evidence={"/name": (0, len(name))},
    )
    return FakeResult(record=record, text=text)


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def make_corpus(folder: Path, n: int = 6) -> Path:
    for i in range(n):
        write(folder / f"doc{i:02d}.txt", f"Cluster number {i}\n\nWe have {10 + i} members.\n")
    return folder


def run(*argv) -> int:
    return main(["run", *map(str, argv), "--no-progress"])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def snapshot(out: Path) -> dict[str, bytes]:
    """Every deterministic output file, by relative path."""
    files = {name: (out / name).read_bytes() for name in OUTPUT_FILES}
    files.update({f"records/{p.name}": p.read_bytes() for p in (out / "records").iterdir()})
    return files
