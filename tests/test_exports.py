"""Flat exports: OUT/dataset.csv and OUT/dataset.parquet."""
from __future__ import annotations

import csv
import io
import json

import pytest

from profile_extract import exports
from profile_extract.record import Event, Members, Person, Project, Record, Source
from runner_helpers import make_corpus, run

RECORD = Record(
    id="x",
    source=Source(path="raw/x.txt", sha256="a" * 64, format="text", language="en", chars=120),
    name="ICT Cluster Plovdiv",
    aliases=["ICTCP"],
    country="BG",
    established="2012-10",
    members=Members(total=80, smes=60, large_companies=None, research_organisations=0),
    sectors=["ICT", "Education"],
    target_countries=["RO", "GR"],
    projects=[Project(name="Cluster Excellence", acronym="CLEX", start="2019"), Project(name="Digital Boost")],
    events=[Event(title="Kick-off", date="2020-01-15", end_date="2020-01-16", location="Sofia, Bulgaria"),
            Event(title="Assembly", date="2021")],
    people=[Person(name="Ann Lee", role="Cluster Manager", organisation="ICT Cluster Plovdiv"), Person(name="Bo Chen")],
    evidence={"/name": (0, 19), "/country": (20, 28)},
    warnings=["something odd"],
)
ROW = exports.flatten(json.loads(RECORD.to_json()))


def test_columns_follow_the_record_with_counts_for_bulky_keys():
    names = [name for name, _ in exports.columns()]
    assert names[:4] == ["id", "source.path", "source.sha256", "source.format"]
    assert [n for n in names if n.startswith("members.")] == [
        "members.total", "members.smes", "members.large_companies", "members.research_organisations", "members.other_actors"]
    assert "entities_count" in names and "evidence_count" in names
    assert "entities" not in names and "evidence" not in names and "members" not in names
    kinds = dict(exports.columns())
    assert kinds["members.total"] == kinds["source.chars"] == "int"
    assert kinds["sectors"] == kinds["projects"] == "list" and kinds["name"] == "str"


def test_flatten_formats_nested_values():
    assert ROW["members.total"] == 80 and ROW["members.research_organisations"] == 0
    assert ROW["members.large_companies"] is None
    assert ROW["projects"] == ["Cluster Excellence [CLEX]", "Digital Boost"]
    assert ROW["people"] == ["Ann Lee (Cluster Manager, ICT Cluster Plovdiv)", "Bo Chen"]
    assert ROW["events"] == ["Kick-off (2020-01-15/2020-01-16, Sofia, Bulgaria)", "Assembly (2021)"]
    assert ROW["evidence_count"] == 2 and ROW["entities_count"] == 0


def test_csv_text():
    table = list(csv.reader(io.StringIO(exports.csv_text([ROW, ROW]))))
    header, row = table[0], dict(zip(table[0], table[1]))
    assert header == [name for name, _ in exports.columns()] and len(table) == 3
    assert row["sectors"] == "ICT | Education" and row["target_countries"] == "RO | GR"
    assert row["members.total"] == "80" and row["members.large_companies"] == "" and row["region"] == ""
    assert row["people"] == "Ann Lee (Cluster Manager, ICT Cluster Plovdiv) | Bo Chen"


def test_parquet_is_typed_and_readable():
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    table = pq.read_table(io.BytesIO(exports.parquet_bytes([ROW])))
    assert table.column_names == [name for name, _ in exports.columns()]
    assert table.schema.field("members.total").type == pa.int64()
    assert table.schema.field("sectors").type == pa.list_(pa.string())
    assert table.to_pylist() == [ROW]
    assert exports.parquet_bytes([ROW]) == exports.parquet_bytes([ROW])  # deterministic
    empty = pq.read_table(io.BytesIO(exports.parquet_bytes([])))
    assert empty.num_rows == 0 and empty.column_names == table.column_names


def test_run_writes_exports_matching_the_dataset(tmp_path, fake_pipeline):
    out = tmp_path / "out"
    assert run(make_corpus(tmp_path / "in", 3), "-o", out, "--workers", "1") == 0
    ids = [json.loads(line)["id"] for line in (out / "dataset.jsonl").read_text().splitlines()]
    with open(out / "dataset.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ids and rows[0]["projects"] == "Cluster Excellence [CLEX]"
    assert json.loads((out / "run.json").read_text())["exports"][:2] == ["dataset.jsonl", "dataset.csv"]
    pq = pytest.importorskip("pyarrow.parquet")
    assert pq.read_table(out / "dataset.parquet").column("id").to_pylist() == ids


def test_without_pyarrow_a_stale_parquet_is_removed(tmp_path, monkeypatch):
    (tmp_path / exports.PARQUET_NAME).write_bytes(b"old")

    def no_pyarrow(rows):
        raise ImportError("no pyarrow")

    monkeypatch.setattr(exports, "parquet_bytes", no_pyarrow)
    assert exports.write_exports(tmp_path, [ROW]) == [exports.CSV_NAME]
    assert not (tmp_path / exports.PARQUET_NAME).exists() and (tmp_path / exports.CSV_NAME).exists()
