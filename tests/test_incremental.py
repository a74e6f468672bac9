"""Incremental runs: unchanged inputs reuse their record, changed ones are redone, the cache is never trusted blindly."""
from __future__ import annotations

import json

import pytest

from profile_extract import cache
from runner_helpers import make_corpus, run, snapshot, write


def manifest(out):
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


@pytest.fixture
def corpus(tmp_path, fake_pipeline):
    inputs = make_corpus(tmp_path / "in", 5)
    write(inputs / "empty.txt", "")
    out = tmp_path / "out"
    assert run(inputs, "-o", out, "--workers", "1") == 1
    assert len(fake_pipeline) == 6
    fake_pipeline.clear()
    return inputs, out, fake_pipeline


def test_second_run_reuses_everything(corpus, capsys):
    inputs, out, calls = corpus
    first = snapshot(out)
    capsys.readouterr()
    assert run(inputs, "-o", out, "--workers", "1") == 1
    assert calls == []  # the pipeline never ran
    assert snapshot(out) == first
    m = manifest(out)
    assert (m["reused"], m["reused_errors"], m["processed"], m["records"], m["errors"]) == (5, 1, 0, 5, 1)
    assert "6 inputs: 5 records (5 reused), 1 errors" in capsys.readouterr().out


def test_changed_bytes_redo_only_that_input(corpus):
    inputs, out, calls = corpus
    write(inputs / "doc03.txt", "Renamed cluster\n")
    assert run(inputs, "-o", out, "--workers", "1") == 1
    assert calls == ["doc03"]
    assert json.loads((out / "records" / "doc03.json").read_text())["name"] == "Renamed cluster"
    assert manifest(out)["reused"] == 4 and manifest(out)["processed"] == 1
    names = {json.loads(line)["id"]: json.loads(line)["name"] for line in (out / "dataset.jsonl").read_text().splitlines()}
    assert names["doc03"] == "Renamed cluster" and len(names) == 5  # the dataset is rebuilt around the new record
    assert "Renamed cluster" in (out / "dataset.csv").read_text()


def test_no_change_rerun_rewrites_nothing(corpus, monkeypatch):
    inputs, out, calls = corpus
    files = [out / "dataset.jsonl", out / "dataset.csv", out / "errors.jsonl", out / ".cache" / "index.json"]
    before = {path: path.stat().st_mtime_ns for path in files}

    def no_reading(*args):
        raise AssertionError("a no-change re-run has no reason to read a record")

    monkeypatch.setattr("profile_extract.runner._read_record", no_reading)
    assert run(inputs, "-o", out, "--workers", "1") == 1
    assert calls == [] and {path: path.stat().st_mtime_ns for path in files} == before
    assert manifest(out)["records"] == 5 and manifest(out)["exports"][:2] == ["dataset.jsonl", "dataset.csv"]


def test_missing_dataset_file_is_rebuilt_without_extracting(corpus):
    inputs, out, calls = corpus
    first = snapshot(out)
    (out / "dataset.csv").unlink()
    (out / "errors.jsonl").unlink()
    assert run(inputs, "-o", out, "--workers", "1") == 1
    assert calls == [] and snapshot(out) == first


def test_force_redoes_everything(corpus):
    inputs, out, calls = corpus
    first = snapshot(out)
    assert run(inputs, "-o", out, "--workers", "1", "--force") == 1
    assert sorted(calls) == ["doc00", "doc01", "doc02", "doc03", "doc04", "empty"]
    assert manifest(out)["reused"] == 0 and snapshot(out) == first


@pytest.mark.parametrize("damage", ["{not json", '{"format": 1, "entries": []}', ""])
def test_corrupt_index_is_tolerated(corpus, damage):
    inputs, out, calls = corpus
    first = snapshot(out)
    (out / ".cache" / "index.json").write_text(damage)
    assert run(inputs, "-o", out, "--workers", "1") == 1
    assert len(calls) == 6 and snapshot(out) == first
    assert any("cache index" in w for w in manifest(out)["warnings"])
    assert json.loads((out / ".cache" / "index.json").read_text())["entries"]  # rebuilt


def test_missing_index_redoes_all(corpus):
    inputs, out, calls = corpus
    (out / ".cache" / "index.json").unlink()
    assert run(inputs, "-o", out, "--workers", "1") == 1
    assert len(calls) == 6 and manifest(out)["reused"] == 0


def test_tampered_or_missing_record_is_redone(corpus):
    inputs, out, calls = corpus
    (out / "records" / "doc01.txt").unlink()
    record = json.loads((out / "records" / "doc02.json").read_text())
    record["source"]["sha256"] = "0" * 64  # as if an interrupted run had rewritten it
    (out / "records" / "doc02.json").write_text(json.dumps(record))
    assert run(inputs, "-o", out, "--workers", "1") == 1
    assert sorted(calls) == ["doc01", "doc02"]
    assert (out / "records" / "doc01.txt").exists()


def test_other_pipeline_version_redoes_all(corpus, monkeypatch):
    inputs, out, calls = corpus
    monkeypatch.setattr("profile_extract.runner.pipeline_version", lambda: "9.9.9+other")
    assert run(inputs, "-o", out, "--workers", "1") == 1
    assert len(calls) == 6


def test_leftover_temp_files_are_removed(corpus):
    inputs, out, calls = corpus
    junk = [out / "records" / ".doc00.json.abc123.tmp", out / ".dataset.jsonl.xyz.tmp", out / ".cache" / ".index.json.q.tmp"]
    for path in junk:
        path.write_text('{"half')
    assert run(inputs, "-o", out, "--workers", "1") == 1
    assert not any(path.exists() for path in junk) and calls == []


def test_pipeline_version_follows_data_and_code(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "rules.toml").write_text("a = 1\n")
    (tmp_path / "mod.py").write_text("x = 1\n")
    monkeypatch.setattr(cache, "PACKAGE_DIR", tmp_path)

    def version():
        cache.pipeline_version.cache_clear()
        return cache.pipeline_version()

    try:
        base = version()
        assert base.startswith(cache.__version__ + "+")
        (tmp_path / "data" / "rules.toml").write_text("a = 2\n")
        data_changed = version()
        (tmp_path / "mod.py").write_text("x = 2\n")
        code_changed = version()
        (tmp_path / "__pycache__").mkdir()
        (tmp_path / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"\0")
        assert len({base, data_changed, code_changed}) == 3 and version() == code_changed
    finally:
        cache.pipeline_version.cache_clear()
