"""The accuracy gate: extraction over the bundled raw/ scored against gold/ (contract section 5).

This is the CI gate of the product: it runs `profile-extract run` and `profile-extract
evaluate` exactly as a user would, with the thresholds configured in pyproject.toml.
"""
import json
from pathlib import Path

import pytest

from profile_extract.cli import main
from profile_extract.grounding import ungrounded
from profile_extract.record import Record

ROOT = Path(__file__).resolve().parent.parent
FIELD_FAMILIES = {
    "name": ["name"],
    "places": ["country", "region", "city"],
    "founding": ["established"],
    "members": ["members.total", "members.smes", "members.large_companies", "members.research_organisations", "members.other_actors"],
    "topics": ["sectors", "technology_fields", "s3_priority_areas", "emerging_industries", "services"],
    "affiliations": ["labels", "networks", "partner_clusters"],
    "target_countries": ["target_countries"],
    "projects": ["projects"],
    "events": ["events"],
    "people": ["people"],
}


@pytest.fixture(scope="module")
def run_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    code = main(["run", str(ROOT / "raw"), "-o", str(out), "--workers", "2", "--no-progress", "--gold", str(ROOT / "gold")])
    assert code == 0, (out / "errors.jsonl").read_text(encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def report(run_output):
    path = run_output / "report.json"
    code = main(["evaluate", "--gold", str(ROOT / "gold"), "--pred", str(run_output / "records"),
                 "--json", str(path), "--config", str(ROOT / "pyproject.toml"), "--quiet"])
    return code, json.loads(path.read_text(encoding="utf-8"))


def test_every_raw_page_gives_a_valid_record(run_output):
    raws = sorted(p.stem for p in (ROOT / "raw").iterdir())
    records = sorted(p.stem for p in (run_output / "records").glob("*.json"))
    assert records == raws
    for path in (run_output / "records").glob("*.json"):
        Record.model_validate_json(path.read_text(encoding="utf-8"))


def test_evidence_is_grounded(run_output):
    total, bad = 0, []
    for path in (run_output / "records").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        total += len(record["evidence"])
        bad += [f"{record['id']}{p}" for p in ungrounded(record, text)]
    assert total > 100
    assert len(bad) <= 0.01 * total, bad


def test_gate_passes_configured_thresholds(report):
    code, data = report
    assert code == 0, json.dumps({k: data[k] for k in data if k != "documents"}, indent=1)[:3000]


@pytest.mark.parametrize("family", sorted(FIELD_FAMILIES))
def test_no_field_family_at_zero(report, family):
    _, data = report
    fields = data["fields"]
    assert max(fields[name]["f1"] for name in FIELD_FAMILIES[family] if name in fields) > 0
