"""`--engine dask`: the same per-document function on a Dask cluster, byte-identical to the local engine."""
from __future__ import annotations

import json
import shutil

import pytest

from test_runner import RAW, read_jsonl, run, snapshot, write

pytest.importorskip("distributed")


def test_dask_local_cluster_matches_local_engine(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(RAW.iterdir())[:5]:
        shutil.copy(path, inputs / path.name)
    write(inputs / "empty.txt", "")
    local, dask = tmp_path / "local", tmp_path / "dask"

    code = run(inputs, "-o", local, "--workers", "1")
    assert run(inputs, "-o", dask, "--workers", "2", "--engine", "dask") == code == 1
    assert snapshot(dask) == snapshot(local)
    manifest = json.loads((dask / "run.json").read_text())
    assert manifest["engine"] == "dask" and manifest["processed"] == 6 and manifest["workers"] == 2
    assert [e["id"] for e in read_jsonl(dask / "errors.jsonl")][-1] == "empty"

    # a no-change re-run on the dask engine reuses everything without starting a cluster
    assert run(inputs, "-o", dask, "--workers", "2", "--engine", "dask") == 1
    assert json.loads((dask / "run.json").read_text())["processed"] == 0


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "not a scheduler"])
def test_unreachable_scheduler_is_a_usage_error(tmp_path, capsys, address):
    write(tmp_path / "in" / "a.txt", "A cluster\n")
    assert run(tmp_path / "in", "-o", tmp_path / "out", "--engine", "dask", "--scheduler", address) == 2
    assert "Dask scheduler" in capsys.readouterr().err
