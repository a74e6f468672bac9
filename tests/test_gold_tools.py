"""`profile-extract gold draft | check`."""
import json
import shutil
from pathlib import Path

import pytest

from profile_extract.cli import main
from profile_extract.record import SCORED_KEYS

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent


def record_from_gold(gold: dict, doc_id: str) -> dict:
    """A pipeline-shaped record holding the gold values, with entity mentions repeated."""
    entities = [{**e, "start": 0, "end": len(e["text"])} for e in gold["entities"]]
    return {"id": doc_id, "source": {"path": f"raw/{doc_id}.txt", "sha256": "0" * 64, "format": "text",
                                     "language": "en", "chars": 10},
            **gold, "aliases": ["ICP"], "entities": entities + entities[:2], "evidence": {"/name": [0, 5]}, "warnings": []}


@pytest.fixture
def tree(tmp_path):
    """pred/, gold/ (empty) and raw/ for document alpha."""
    pred, gold, raw = tmp_path / "pred", tmp_path / "gold", tmp_path / "raw"
    for folder in (pred, gold, raw):
        folder.mkdir()
    expected = json.loads((DATA / "eval_gold_alpha.json").read_text(encoding="utf-8"))
    (pred / "alpha.json").write_text(json.dumps(record_from_gold(expected, "alpha")), encoding="utf-8")
    shutil.copy(DATA / "eval_raw_alpha.txt", raw / "alpha.txt")
    return tmp_path, expected


def gold_args(tmp_path, command, *ids):
    folders = ["--pred", str(tmp_path / "pred")] if command == "draft" else ["--raw", str(tmp_path / "raw")]
    return ["gold", command, *ids, "--gold", str(tmp_path / "gold"), *folders]


def test_draft_then_check_round_trips(tree, capsys):
    tmp_path, expected = tree
    assert main(gold_args(tmp_path, "draft", "alpha")) == 0
    drafted = json.loads((tmp_path / "gold" / "alpha.json").read_text(encoding="utf-8"))
    assert list(drafted) == list(SCORED_KEYS)
    assert drafted == expected                      # scored keys only, entities distinct {text, label}
    assert main(gold_args(tmp_path, "check", "alpha")) == 0


def test_draft_refuses_to_overwrite(tree, capsys):
    tmp_path, _ = tree
    target = tmp_path / "gold" / "alpha.json"
    target.write_text("{}", encoding="utf-8")
    assert main(gold_args(tmp_path, "draft", "alpha")) == 1
    assert "--overwrite" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "{}"
    assert main(gold_args(tmp_path, "draft", "alpha") + ["--overwrite"]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["name"] == "ICT Cluster Plovdiv"


def test_draft_without_a_record_fails(tree, capsys):
    tmp_path, _ = tree
    assert main(gold_args(tmp_path, "draft", "nothere")) == 1
    assert not (tmp_path / "gold" / "nothere.json").exists()


def plant(tmp_path, expected, change):
    data = json.loads(json.dumps(expected))
    change(data)
    (tmp_path / "gold" / "alpha.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("change, problem", [
    (lambda d: d["projects"][0].update(name="Blue Growth Accelerator"),
     "/projects/0/name: 'Blue Growth Accelerator' not found in raw text"),
    (lambda d: d["people"][0].update(role="Chairman"), "/people/0/role: 'Chairman' not found in raw text"),
    (lambda d: d["entities"].append({"text": "Varna", "label": "GPE"}), "/entities/9/text: 'Varna' not found in raw text"),
    (lambda d: d["projects"][0]["partners"].append("Varna Port"), "/projects/0/partners/1: 'Varna Port' not found in raw text"),
    (lambda d: d.update(country="XX"), "/country: 'XX' is not an ISO 3166-1 alpha-2 code"),
    (lambda d: d.update(country="bg"), "/country: String should match pattern"),
    (lambda d: d.update(established="2012-02-30"), "/established: '2012-02-30' is not a calendar date"),
    (lambda d: d["events"][0].update(date="28 September 2016"), "/events/0/date: String should match pattern"),
    (lambda d: d.update(aliases=["ICP"]), "/aliases: Extra inputs are not permitted"),
    (lambda d: d.pop("labels"), "/labels: missing key"),
    (lambda d: d["members"].update(total=-1), "/members/total: Input should be greater than or equal to 0"),
    (lambda d: d["entities"].append(dict(d["entities"][0])), "/entities/9: duplicate entity 'ICT Cluster Plovdiv'/ORG"),
])
def test_check_reports_planted_problem_with_file_and_key(tree, capsys, change, problem):
    tmp_path, expected = tree
    plant(tmp_path, expected, change)
    assert main(gold_args(tmp_path, "check")) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'gold' / 'alpha.json'}: {problem}" in out, out


def test_finder_ignores_whitespace_quotes_and_case(tree):
    tmp_path, expected = tree
    # raw: "Balkan ICT Clusters\nNetwork", "Budva, Montenegro"; here with curly quotes, other case and spacing
    plant(tmp_path, expected, lambda d: d.update(sectors=["SOFTWARE", "the \u201cICT   Cluster Plovdiv\u201d"],
                                                  networks=["Balkan ICT Clusters Network"], region="Budva Montenegro"))
    assert main(gold_args(tmp_path, "check")) == 0


def test_check_without_raw_file(tree, capsys):
    tmp_path, expected = tree
    plant(tmp_path, expected, lambda d: None)
    (tmp_path / "raw" / "alpha.txt").rename(tmp_path / "raw" / "alpha.md")   # any extension will do
    assert main(gold_args(tmp_path, "check")) == 0
    (tmp_path / "raw" / "alpha.md").unlink()
    assert main(gold_args(tmp_path, "check")) == 1
    assert "alpha.json: no raw file" in capsys.readouterr().out


def test_bundled_gold_files_pass_check(capsys):
    assert main(["gold", "check", "--gold", str(ROOT / "gold"), "--raw", str(ROOT / "raw")]) == 0, capsys.readouterr().out
