"""The pipeline as a whole: one input's bytes to a valid record with grounded evidence and warnings."""
import json

import pytest

from profile_extract.grounding import ungrounded
from profile_extract.ingest import InputError
from profile_extract.pipeline import process_bytes
from profile_extract.record import Record


@pytest.mark.parametrize(
    "raw,warning",
    [
        ("Der Cluster wurde 2005 in Stuttgart gegründet und hat heute 120 Mitglieder aus der Region.".encode(), "'de' is not covered"),
        # a page in a language the phrase tables speak gets no such warning, one they do not speak does
        ("De cluster werd in 2005 in Utrecht opgericht en telt vandaag 120 leden uit de hele regio.".encode(), "'nl' is not covered"),
        ("Клъстерът е основан през 2010 г. в Пловдив и обединява 40 фирми от региона.".encode("cp1251"), "decoded as cp1251"),
        ("Le cluster a été créé en 2008 à Lyon et réunit 85 entreprises de la région.".encode("latin-1"), "decoded as"),
    ],
)
def test_records_say_what_could_not_be_resolved(raw, warning):
    record = process_bytes(raw, doc_id="x", path="x.txt").record
    assert any(warning in w for w in record.warnings), record.warnings


def test_english_utf8_page_has_no_input_warning():
    raw = b"ICT Cluster Varna\n\nICT Cluster Varna was founded in 2011 and unites 40 companies."
    record = process_bytes(raw, doc_id="x", path="x.txt").record
    assert not [w for w in record.warnings if "decoded" in w or "language" in w]


def test_a_small_profile_end_to_end():
    raw = (
        "Home > Clusters > Danube Mechatronics Cluster\n\nDanube Mechatronics Cluster\n\n"
        "Date of establishment: 14 March 2011\nTotal number of members: 52\nTechnology fields:\nRobotics\nSensors\n\n"
        "The Danube Mechatronics Cluster is based in Ruse, Bulgaria. Its manager, Ivan Petrov, said the cluster "
        "signed a cooperation agreement with the Wood Cluster Slovenia on 2 June 2019 in Ljubljana.\n"
    ).encode()
    result = process_bytes(raw, doc_id="danube", path="raw/danube.txt")
    record = result.record
    assert record.name == "Danube Mechatronics Cluster"
    assert (record.country, record.city, record.established) == ("BG", "Ruse", "2011-03-14")
    assert record.members.total == 52
    assert record.technology_fields == ["Robotics", "Sensors"]
    assert "Home > Clusters" not in result.text  # breadcrumb is page chrome
    assert record.source.chars == len(result.text)
    data = json.loads(record.to_json())
    assert list(ungrounded(data, result.text)) == []
    Record.model_validate_json(record.to_json())


def test_bad_input_raises_input_error_with_a_code():
    with pytest.raises(InputError) as err:
        process_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", doc_id="x", path="x.txt")
    assert err.value.code == "binary"


def test_a_romance_language_page_is_covered():
    text = "El Clúster Gallego de Robótica se constituyó el 12 de marzo de 2010 en Vigo y cuenta con 85 socios de toda la región."
    record = process_bytes(text.encode(), doc_id="es", path="es.txt").record
    assert not any("not covered" in w or "not recognised" in w for w in record.warnings)
