"""The committed JSON Schema is generated from the pydantic models and must not drift."""
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from profile_extract.cli import main
from profile_extract.record import Record
from profile_extract.schema import SCHEMAS, render

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_models(name):
    committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
    assert committed == render(SCHEMAS[name]), "run `profile-extract schema` and commit schemas/"


def test_schema_check_reports_drift(tmp_path):
    assert main(["schema", "-o", str(tmp_path)]) == 0
    assert main(["schema", "-o", str(tmp_path), "--check"]) == 0
    (tmp_path / "record.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schema", "-o", str(tmp_path), "--check"]) == 1


def test_schema_lists_every_contract_key():
    schema = json.loads((ROOT / "schemas" / "record.schema.json").read_text(encoding="utf-8"))
    keys = ["id", "source", "name", "aliases", "country", "region", "city", "established", "members",
            "sectors", "technology_fields", "s3_priority_areas", "emerging_industries", "services", "labels",
            "networks", "partner_clusters", "target_countries", "projects", "events", "people", "entities",
            "evidence", "warnings"]
    assert list(schema["properties"]) == keys


MINIMAL = {"id": "x", "source": {"path": "raw/x.txt", "sha256": "0" * 64, "format": "text", "language": "en", "chars": 3}}


@pytest.mark.parametrize(
    "patch",
    [{"country": "Bulgaria"}, {"established": "2012-13"}, {"established": "10.10.2012"}, {"members": {"total": -1}},
     {"events": [{"title": "x"}]}, {"unknown_key": 1}, {"entities": [{"text": "X", "label": "LOC", "start": 0, "end": 1}]}],
)
def test_invalid_values_are_rejected(patch):
    with pytest.raises(ValidationError):
        Record.model_validate({**MINIMAL, **patch})


def test_record_json_is_deterministic_and_complete():
    record = Record.model_validate({**MINIMAL, "evidence": {"/name": [0, 1], "/country": [1, 2]}, "name": "X", "country": "BG"})
    text = record.to_json()
    assert text == Record.model_validate_json(text).to_json()
    data = json.loads(text)
    assert list(data["evidence"]) == ["/country", "/name"]
    assert data["members"] == {"total": None, "smes": None, "large_companies": None, "research_organisations": None, "other_actors": None}


@pytest.mark.parametrize("name", ["Plain", "Ünïcødé “quoted” – dash", 'back\\slash "q" \x1f ctrl', "line\u2028sep", "😀 emoji"])
def test_record_json_and_line_are_the_standard_library_rendering(name):
    """to_json / to_line use pydantic's serialiser for speed; their text must stay json.dumps' text."""
    record = Record.model_validate({**MINIMAL, "name": name, "aliases": [name], "evidence": {"/name": [0, 1], "/aliases/0": [2, 3]}})
    data = json.loads(record.to_json())
    assert record.to_json() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert record.to_line() == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert list(data["evidence"]) == ["/aliases/0", "/name"]
