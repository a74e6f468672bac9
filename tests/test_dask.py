"""`--engine dask`: the same per-document function on a Dask cluster, byte-identical to the local engine."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from profile_extract.cache import pipeline_version
from runner_helpers import RAW, read_jsonl, run, snapshot, write

pytest.importorskip("distributed")


def run_fresh(inputs, out) -> int:
    """The local engine in a new process, so it imports the same (current) code as the Dask workers."""
    argv = ["-m", "profile_extract.cli", "run", str(inputs), "-o", str(out), "--workers", "1", "--force", "--no-progress"]
    return subprocess.run([sys.executable, *argv], cwd=out.parent, capture_output=True).returncode


def code_version() -> str:
    pipeline_version.cache_clear()
    return pipeline_version()


def test_dask_local_cluster_matches_local_engine(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(RAW.iterdir())[:5]:
        shutil.copy(path, inputs / path.name)
    write(inputs / "empty.txt", "")
    local, dask = tmp_path / "local", tmp_path / "dask"

    for _ in range(3):  # all runs must see the same code: retry if the package changed meanwhile
        before = code_version()
        codes = (run(inputs, "-o", dask, "--workers", "2", "--engine", "dask", "--force"), run_fresh(inputs, local))
        first = json.loads((dask / "run.json").read_text())
        snapshots = snapshot(dask), snapshot(local)
        # a no-change re-run on the dask engine reuses everything, without starting a cluster
        rerun = run(inputs, "-o", dask, "--workers", "2", "--engine", "dask"), json.loads((dask / "run.json").read_text())
        if code_version() == before:
            break
    assert codes == (1, 1)  # empty.txt fails on both
    assert snapshots[0] == snapshots[1]
    assert first["engine"] == "dask" and first["processed"] == 6 and first["workers"] == 2
    assert [e["id"] for e in read_jsonl(dask / "errors.jsonl")][-1] == "empty"
    assert rerun[0] == 1 and rerun[1]["processed"] == 0 and rerun[1]["reused"] == 5


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "not a scheduler"])
def test_unreachable_scheduler_is_a_usage_error(tmp_path, capsys, address):
    write(tmp_path / "in" / "a.txt", "A cluster\n")
    assert run(tmp_path / "in", "-o", tmp_path / "out", "--engine", "dask", "--scheduler", address) == 2
    assert "Dask scheduler" in capsys.readouterr().err
