"""`profile-extract run` end to end: output files, ids, errors, determinism, exit status.

Most tests swap in `fake_process_bytes` (fast, deterministic, inherited by forked pool
workers) so they test the batch machinery whatever state the extractors are in; the
determinism tests run the real pipeline over copies of the bundled raw/ pages.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import PurePosixPath

import pytest

from profile_extract.cli import main
from profile_extract.discover import make_id
from runner_helpers import RAW, make_corpus, read_jsonl, run, snapshot, write

# --------------------------------------------------------------------------- outputs


def test_outputs_records_dataset_errors_manifest(tmp_path, fake_pipeline, capsys):
    inputs = make_corpus(tmp_path / "in", 4)
    write(inputs / "sub" / "page.md", "# Sub page\n\ntext\n")
    write(inputs / "empty.txt", "")
    write(inputs / "crash.html", "<p>BOOM</p>")
    write(inputs / "big.txt", "x" * 5000)
    write(inputs / "notes.pdf", "ignored: not a page suffix")
    os.symlink(tmp_path / "nowhere.txt", inputs / "dangling.txt")
    out = tmp_path / "out"

    assert run(inputs, "-o", out, "--workers", "1", "--max-bytes", "4000") == 1

    ok = ["doc00", "doc01", "doc02", "doc03", "sub__page"]
    assert sorted(p.name for p in (out / "records").iterdir()) == sorted(f"{i}{s}" for i in ok for s in (".json", ".txt"))
    record = json.loads((out / "records" / "doc01.json").read_text(encoding="utf-8"))
    assert record["id"] == "doc01" and record["name"] == "Cluster number 1"
    assert record["source"]["path"] == str(inputs / "doc01.txt")
    assert (out / "records" / "doc01.txt").read_text(encoding="utf-8").startswith("Cluster number 1")

    lines = (out / "dataset.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["id"] for r in rows] == ok  # sorted by id
    assert lines[1] == json.dumps(record, ensure_ascii=False, separators=(",", ":"))  # same key order, compact

    errors = read_jsonl(out / "errors.jsonl")
    assert [(e["id"], e["error"]) for e in errors] == [
        ("big", "too_large"), ("crash", "internal"), ("dangling", "unreadable"), ("empty", "empty")]
    assert all(set(e) == {"id", "path", "error", "reason"} and e["reason"] for e in errors)
    assert "blew up" in errors[1]["reason"] and errors[1]["path"] == str(inputs / "crash.html")

    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["inputs"] == 9 and manifest["records"] == 5 and manifest["errors"] == 4
    assert manifest["reused"] == 0 and manifest["processed"] == 7  # big and dangling fail before any worker
    assert manifest["engine"] == "local" and manifest["workers"] == 1
    assert manifest["package_version"] and manifest["pipeline_version"].startswith(manifest["package_version"])
    assert manifest["elapsed_seconds"] >= 0 and manifest["error_codes"]["internal"] == 1
    assert "9 inputs: 5 records (0 reused), 4 errors in " in capsys.readouterr().out


def test_all_good_exits_zero_and_writes_empty_errors(tmp_path, fake_pipeline, capsys):
    out = tmp_path / "out"
    assert run(make_corpus(tmp_path / "in", 3), "-o", out, "--workers", "1") == 0
    assert (out / "errors.jsonl").read_bytes() == b""
    assert json.loads((out / "run.json").read_text())["errors"] == 0
    assert capsys.readouterr().out.strip().endswith(f"-> {out.as_posix()}/")


def test_single_file_input_id_is_its_stem(tmp_path, fake_pipeline):
    page = write(tmp_path / "deep" / "My Cluster.md", "# My Cluster\n")
    out = tmp_path / "out"
    assert run(page, "-o", out, "--workers", "1") == 0
    assert [r["id"] for r in read_jsonl(out / "dataset.jsonl")] == ["My Cluster"]


@pytest.mark.parametrize("argv, message", [
    (["MISSING"], "input not found"),
    (["EMPTY"], "no inputs"),
    (["IN", "--workers", "0"], "--workers"),
    (["IN", "--max-bytes", "0"], "--max-bytes"),
    (["IN", "--scheduler", "tcp://127.0.0.1:1"], "--engine dask"),
])
def test_usage_errors_exit_two(tmp_path, fake_pipeline, capsys, argv, message):
    (tmp_path / "EMPTY").mkdir()
    write(tmp_path / "EMPTY" / "readme.json", "{}")
    make_corpus(tmp_path / "IN", 1)
    argv = [str(tmp_path / a) if a.isupper() else a for a in argv]
    assert run(*argv, "-o", tmp_path / "out") == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out" / "run.json").exists()


def test_default_input_is_raw_folder(tmp_path, fake_pipeline, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--no-progress", "--workers", "1"]) == 2  # no raw/ here
    make_corpus(tmp_path / "raw", 2)
    assert main(["run", "--no-progress", "--workers", "1"]) == 0
    assert len(read_jsonl(tmp_path / "out" / "dataset.jsonl")) == 2


def test_stale_records_are_removed(tmp_path, fake_pipeline):
    inputs, out = make_corpus(tmp_path / "in", 3), tmp_path / "out"
    assert run(inputs, "-o", out, "--workers", "1") == 0
    (inputs / "doc01.txt").unlink()
    write(inputs / "doc02.txt", "")  # now fails: its old record must go too
    assert run(inputs, "-o", out, "--workers", "1") == 1
    assert sorted(p.name for p in (out / "records").iterdir()) == ["doc00.json", "doc00.txt"]
    assert [r["id"] for r in read_jsonl(out / "dataset.jsonl")] == ["doc00"]
    assert [e["id"] for e in read_jsonl(out / "errors.jsonl")] == ["doc02"]
    assert json.loads((out / "run.json").read_text())["removed_stale"] == 2


def test_output_folder_inside_input_is_not_read(tmp_path, fake_pipeline):
    inputs = make_corpus(tmp_path / "in", 2)
    out = inputs / "out"
    assert run(inputs, "-o", out, "--workers", "1") == 0
    assert run(inputs, "-o", out, "--workers", "1", "--force") == 0
    assert json.loads((out / "run.json").read_text())["inputs"] == 2


def test_gold_folder_triggers_evaluation(tmp_path, fake_pipeline, monkeypatch):
    import profile_extract.evaluation as evaluation

    seen = []
    monkeypatch.setattr(evaluation, "main_evaluate", lambda args: seen.append(args) or 1)
    out = tmp_path / "out"
    assert run(make_corpus(tmp_path / "in", 1), "-o", out, "--workers", "1", "--gold", tmp_path / "gold") == 0
    assert seen and seen[0].gold == tmp_path / "gold" and seen[0].pred == out / "records" and seen[0].quiet


# --------------------------------------------------------------------------- ids


@pytest.mark.parametrize("rel, expected", [
    ("a.txt", "a"),
    ("sub/dir/a.b.html", "sub__dir__a.b"),
    ("with space/Ünïcode.md", "with space__Ünïcode"),
    ("../x.txt", "___x"),
    ("a/../../b.txt", "a________b"),
    ("/abs/x.txt", "___abs__x"),
    ("..txt", "_"),
    (".hidden.txt", "_hidden"),
    ("back\\slash.txt", "back_slash"),
])
def test_make_id_is_a_safe_file_name(rel, expected):
    doc_id = make_id(PurePosixPath(rel))
    assert doc_id == expected
    assert "/" not in doc_id and "\\" not in doc_id and doc_id not in ("", ".", "..") and not doc_id.startswith(".")


def test_make_id_shortens_long_names():
    doc_id = make_id(PurePosixPath("x" * 300 + ".txt"))
    assert len(doc_id.encode()) <= 200 and "~" in doc_id
    assert doc_id != make_id(PurePosixPath("x" * 301 + ".txt"))


def test_odd_names_stay_inside_records(tmp_path, fake_pipeline):
    inputs = tmp_path / "in"
    write(inputs / "with space" / "Ünïcode name.txt", "Unicode cluster\n")
    write(inputs / "Клъстер.html", "<p>Кирилица</p>")
    write(inputs / ".hidden.txt", "hidden files in folders are skipped\n")
    dots = [write(tmp_path / "odd" / "..txt", "dots\n"), write(tmp_path / "odd" / "...txt", "more dots\n")]
    out = tmp_path / "out"
    before = sorted(p for p in tmp_path.rglob("*"))
    assert run(inputs, *dots, "-o", out, "--workers", "1") == 0
    ids = [r["id"] for r in read_jsonl(out / "dataset.jsonl")]
    assert sorted(ids) == sorted(["with space__Ünïcode name", "Клъстер", "_", "_~2"])
    assert sorted((out / "records").iterdir()) == sorted(out / "records" / f"{i}{s}" for i in ids for s in (".json", ".txt"))
    assert [p for p in sorted(tmp_path.rglob("*")) if out not in p.parents and p != out] == before


def test_colliding_ids_are_both_kept_with_warnings(tmp_path, fake_pipeline):
    write(tmp_path / "one" / "a.txt", "first A\n")
    write(tmp_path / "two" / "a.md", "second A\n")
    write(tmp_path / "two" / "A.txt", "third A\n")  # clashes on case-insensitive file systems
    out = tmp_path / "out"
    assert run(tmp_path / "one", tmp_path / "two", "-o", out, "--workers", "1") == 0
    rows = {r["id"]: r for r in read_jsonl(out / "dataset.jsonl")}
    assert sorted(rows) == ["A~2", "a", "a~3"]  # folders in the order given, files sorted within
    assert rows["a"]["name"] == "first A" and rows["A~2"]["name"] == "third A" and rows["a~3"]["name"] == "second A"
    warnings = json.loads((out / "run.json").read_text())["warnings"]
    assert len(warnings) == 1 and "id collision" in warnings[0]
    for row in rows.values():
        assert warnings[0] in row["warnings"]


def test_directory_symlink_loop_terminates(tmp_path, fake_pipeline):
    inputs = make_corpus(tmp_path / "in", 2)
    os.symlink(inputs, inputs / "loop")
    (inputs / "sub").mkdir()
    os.symlink(inputs / "sub", inputs / "sub" / "again")
    write(tmp_path / "elsewhere" / "linked.txt", "linked\n")
    os.symlink(tmp_path / "elsewhere", inputs / "link")
    out = tmp_path / "out"
    assert run(inputs, "-o", out, "--workers", "1") == 0
    assert [r["id"] for r in read_jsonl(out / "dataset.jsonl")] == ["doc00", "doc01", "link__linked"]


# --------------------------------------------------------------------------- determinism


def test_pool_gives_same_bytes_as_one_worker_fake(tmp_path, fake_pipeline):
    inputs = make_corpus(tmp_path / "in", 12)
    write(inputs / "bad.txt", "BOOM")
    assert run(inputs, "-o", tmp_path / "one", "--workers", "1") == 1
    assert run(inputs, "-o", tmp_path / "two", "--workers", "2") == 1
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert json.loads((tmp_path / "two" / "run.json").read_text())["peak_worker_rss_mb"] > 0


def test_a_dying_worker_does_not_stop_the_batch(tmp_path, fake_pipeline):
    inputs = make_corpus(tmp_path / "in", 30)
    write(inputs / "doc05.txt", "EXIT")
    out = tmp_path / "out"
    assert run(inputs, "-o", out, "--workers", "2") == 1
    errors = {e["id"]: e for e in read_jsonl(out / "errors.jsonl")}
    records = [r["id"] for r in read_jsonl(out / "dataset.jsonl")]
    assert errors["doc05"]["error"] == "internal" and "worker failed" in errors["doc05"]["reason"]
    assert list(errors) == ["doc05"]  # its neighbours in the dead worker's chunks were run again
    assert records == [f"doc{i:02d}" for i in range(30) if i != 5]


@pytest.fixture(scope="module")
def raw_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("raw")
    for path in sorted(RAW.iterdir())[:8]:
        shutil.copy(path, folder / path.name)
    write(folder / "empty.txt", "")
    return folder


def test_real_pipeline_deterministic_across_runs_and_workers(tmp_path, raw_copy):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    code = run(raw_copy, "-o", a, "--workers", "1")
    assert run(raw_copy, "-o", a, "--workers", "1", "--force") == code
    first = snapshot(a)
    assert run(raw_copy, "-o", b, "--workers", "1", "--force") == code
    assert run(raw_copy, "-o", c, "--workers", "2") == code
    assert snapshot(b) == first and snapshot(c) == first
    records = sorted(p.stem for p in (a / "records").glob("*.json"))
    errors = sorted(e["id"] for e in read_jsonl(a / "errors.jsonl"))
    assert "empty" in errors and sorted(records + errors) == sorted(p.stem for p in raw_copy.iterdir())
