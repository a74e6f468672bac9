"""`profile-extract evaluate` end to end on a tiny gold/prediction folder pair.

The two gold files hold 21 (alpha) and 7 (beta) scored field values besides entities (9 and 5).
"""
import json
import shutil
from pathlib import Path

import pytest

from profile_extract.cli import main

DATA = Path(__file__).parent / "data"
CONFIG = """
[tool.profile-extract.thresholds]
"fields micro-F1" = 0.90
"entities" = 0.80
"name" = 1.0
baseline_margin = 0.02
"""


@pytest.fixture
def folders(tmp_path):
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    for doc_id in ("alpha", "beta"):
        shutil.copy(DATA / f"eval_gold_{doc_id}.json", gold / f"{doc_id}.json")
        shutil.copy(DATA / f"eval_gold_{doc_id}.json", pred / f"{doc_id}.json")
    config = tmp_path / "pyproject.toml"
    config.write_text(CONFIG, encoding="utf-8")
    return gold, pred, config


def evaluate(folders, *extra):
    gold, pred, config = folders
    return main(["evaluate", "--gold", str(gold), "--pred", str(pred), "--config", str(config), *extra])


def edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def table_row(output: str, field: str) -> list[str]:
    return next(line.split() for line in output.splitlines() if line.split()[:1] == [field])


def test_perfect_predictions_pass_the_gate(folders, capsys):
    assert evaluate(folders) == 0
    out = capsys.readouterr().out
    assert table_row(out, "field") == ["field", "TP", "FP", "FN", "precision", "recall", "F1"]
    assert table_row(out, "name") == ["name", "2", "0", "0", "1.0000", "1.0000", "1.0000"]
    assert table_row(out, "projects.partners") == ["projects.partners", "1", "0", "0", "1.0000", "1.0000", "1.0000"]
    assert table_row(out, "region") == ["region", "0", "0", "0", "-", "-", "-"]
    assert "fields micro-F1: 1.0000  (TP 28, FP 0, FN 0)" in out
    assert "entities F1: 1.0000  (TP 14, FP 0, FN 0)" in out
    assert "GATE FAILED" not in out


def test_undefined_ratios_show_as_dashes(folders, capsys):
    edit(folders[1] / "beta.json", lambda d: d.update(region="Varna", partner_clusters=[]))
    assert evaluate(folders) == 0
    out = capsys.readouterr().out
    assert table_row(out, "region") == ["region", "0", "1", "0", "0.0000", "-", "0.0000"]
    assert table_row(out, "partner_clusters") == ["partner_clusters", "0", "0", "2", "-", "0.0000", "0.0000"]


def test_deleted_record_counts_as_all_missed_and_fails(folders, capsys):
    (folders[1] / "beta.json").unlink()
    assert evaluate(folders) == 1
    out = capsys.readouterr().out
    assert "fields micro-F1: 0.8571  (TP 21, FP 0, FN 7)" in out      # 42 / 49
    assert "GATE FAILED: fields micro-F1 0.8571 < 0.90" in out
    assert "GATE FAILED: name 0.6667 < 1.00" in out
    assert "beta: NO RECORD" in out


def test_corrupted_field_fails_its_own_threshold_and_lists_the_values(folders, capsys):
    edit(folders[1] / "alpha.json", lambda d: d.update(name="Plovdiv Tech Park"))
    assert evaluate(folders) == 1
    out = capsys.readouterr().out
    assert table_row(out, "name") == ["name", "1", "1", "1", "0.5000", "0.5000", "0.5000"]
    assert "GATE FAILED: name 0.5000 < 1.00" in out
    assert "GATE FAILED: fields micro-F1" not in out                    # 27/29 is still above 0.90
    assert "  - name: 'ICT Cluster Plovdiv'" in out
    assert "  + name: 'Plovdiv Tech Park'" in out


def test_min_f1_overrides_the_configured_headline(folders, capsys):
    edit(folders[1] / "beta.json", lambda d: d.update(partner_clusters=[]))
    assert evaluate(folders, "--min-f1", "0.99") == 1
    assert "GATE FAILED: fields micro-F1 0.9630 < 0.99" in capsys.readouterr().out   # 52 / 54
    assert evaluate(folders, "--min-f1", "0.95") == 0


def test_json_report(folders, tmp_path):
    edit(folders[1] / "beta.json", lambda d: d.update(partner_clusters=["Danube Logistics Cluster", "Rose Valley Cluster"]))
    report_path = tmp_path / "report.json"
    assert evaluate(folders, "--json", str(report_path), "--quiet") == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["fields"]["partner_clusters"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert report["headline"]["fields micro-F1"] == pytest.approx(54 / 56)
    assert report["headline"]["entities F1"] == 1.0
    beta = report["documents"]["beta"]
    assert beta["missed"] == {"partner_clusters": ["Black Sea Marine Cluster"]}
    assert beta["spurious"] == {"partner_clusters": ["Rose Valley Cluster"]}
    assert report["documents"]["alpha"]["missed"] == {}
    assert report["gate"]["passed"] is True


def test_baseline_drop_fails_with_the_fields_that_dropped(folders, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    assert evaluate(folders, "--json", str(baseline)) == 0
    assert evaluate(folders, "--baseline", str(baseline)) == 0
    edit(folders[1] / "alpha.json", lambda d: d.update(sectors=["Software"]))
    capsys.readouterr()
    assert evaluate(folders, "--baseline", str(baseline)) == 1
    out = capsys.readouterr().out
    assert "GATE FAILED: sectors dropped 1.0000 -> 0.6667 (more than 0.02)" in out
    assert "GATE FAILED: name" not in out


def test_baseline_within_margin_passes(folders, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert evaluate(folders, "--json", str(baseline)) == 0
    edit(baseline, lambda d: d["fields"]["sectors"].update(f1=1.01))   # 0.01 better than now: inside the margin
    assert evaluate(folders, "--baseline", str(baseline)) == 0


def test_prediction_without_gold_is_unscored(folders, capsys):
    shutil.copy(folders[1] / "beta.json", folders[1] / "gamma.json")
    assert evaluate(folders) == 0
    out = capsys.readouterr().out
    assert "fields micro-F1: 1.0000  (TP 28, FP 0, FN 0)" in out
    assert "unscored (no gold file): gamma" in out


def test_quiet_prints_headline_only(folders, capsys):
    assert evaluate(folders, "--quiet") == 0
    out = capsys.readouterr().out
    assert "fields micro-F1: 1.0000" in out
    assert "precision" not in out


def test_missing_config_means_no_thresholds(folders, tmp_path, capsys):
    (folders[1] / "alpha.json").unlink()
    gold, pred, _ = folders
    assert main(["evaluate", "--gold", str(gold), "--pred", str(pred), "--config", str(tmp_path / "none.toml")]) == 0
    assert "GATE FAILED" not in capsys.readouterr().out


@pytest.mark.parametrize("problem", ["missing gold", "bad config", "unknown threshold", "bad baseline"])
def test_usage_errors_exit_2(folders, tmp_path, capsys, problem):
    gold, pred, config = folders
    extra = []
    if problem == "missing gold":
        shutil.rmtree(gold)
    elif problem == "bad config":
        config.write_text("[tool.profile-extract.thresholds\n", encoding="utf-8")
    elif problem == "unknown threshold":
        config.write_text('[tool.profile-extract.thresholds]\n"nmae" = 0.5\n', encoding="utf-8")
    else:
        (tmp_path / "baseline.json").write_text("{not json", encoding="utf-8")
        extra = ["--baseline", str(tmp_path / "baseline.json")]
    assert evaluate(folders, *extra) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_terminal_output_is_a_rich_table(folders):
    import io

    from profile_extract.evaluation import evaluate_folders, print_report

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    stream = Terminal()
    print_report(evaluate_folders(*folders[:2]), stream=stream)
    out = stream.getvalue()
    assert "scores per field" in out and "│" in out
    assert "fields micro-F1: 1.0000" in out
