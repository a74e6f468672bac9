"""A run killed mid-way leaves only complete files, and the next run finishes the batch."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

from runner_helpers import RAW, read_jsonl

TEMP = re.compile(r"^\..+\.tmp$")  # atomic.py's temporary names
N = 200


def start(inputs, out) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "profile_extract.cli", "run", str(inputs), "-o", str(out), "--workers", "1", "--no-progress"],
        cwd=inputs.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def assert_only_complete_files(out) -> None:
    for path in out.rglob("*"):
        if not path.is_file() or TEMP.match(path.name):
            continue
        if path.suffix == ".parquet":
            data = path.read_bytes()
            assert data[:4] == data[-4:] == b"PAR1", path
            continue
        text = path.read_text(encoding="utf-8")  # also proves the text files are whole UTF-8
        if path.suffix == ".json":
            assert isinstance(json.loads(text), dict), path
        elif path.suffix == ".jsonl":
            read_jsonl(path)


def test_killed_run_leaves_complete_files_and_resumes(tmp_path):
    pages = [p for p in sorted(RAW.iterdir()) if p.stat().st_size < 3000][:4]
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(N):
        source = pages[i % len(pages)]
        (inputs / f"copy{i:03d}_{source.name}").write_bytes(source.read_bytes())
    out = tmp_path / "out"

    proc = start(inputs, out)
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            done = len(list((out / "records").glob("*.json"))) if (out / "records").is_dir() else 0
            if done >= 5 and (out / ".cache" / "index.json").exists():
                break
            time.sleep(0.05)
        assert proc.poll() is None, f"the run ended before it could be killed: {proc.communicate()}"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()

    assert_only_complete_files(out)
    killed_at = len(list((out / "records").glob("*.json")))
    assert 5 <= killed_at < N

    stdout, stderr = start(inputs, out).communicate(timeout=600)
    assert_only_complete_files(out)
    assert not [p for p in out.rglob("*") if TEMP.match(p.name)], "temp files of the killed run were left behind"
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    records = sorted(p.stem for p in (out / "records").glob("*.json"))
    errors = sorted(e["id"] for e in read_jsonl(out / "errors.jsonl"))
    assert sorted(records + errors) == sorted(p.stem for p in inputs.iterdir()), stderr
    assert errors == [], errors[:3]
    assert manifest["records"] == N and manifest["reused"] >= 1 and manifest["reused"] + manifest["processed"] == N
    assert [json.loads(line)["id"] for line in (out / "dataset.jsonl").read_text().splitlines()] == records
    assert f"{N} inputs: {N} records" in stdout
