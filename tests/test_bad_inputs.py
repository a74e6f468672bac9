"""A folder of bad inputs beside good and awkward-but-readable ones, through `profile-extract run`.

Every bad input must end as exactly one errors.jsonl line with its machine code and a
reason; every readable input (cp1251 / latin-1 without a declared encoding, malformed
HTML, an uncovered language, real profiles) as a record; no temporary files are left.
"""
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from profile_extract.cli import main
from profile_extract.record import Record

ROOT = Path(__file__).resolve().parent.parent
MAX_BYTES = 20_000

BG_TEXT = (
    "Клъстер Мехатроника и автоматизация\n\n"
    "Клъстерът е създаден през 2012 година в Пловдив и обединява над 40 членове: фирми, "
    "университети и неправителствени организации, които работят в областта на автоматизацията.\n"
)
DE_TEXT = (
    "Mikroelektronik-Netzwerk Sachsen\n\n"
    "Der Verein wurde im Jahr 2000 in Dresden gegründet und ist heute das größte Netzwerk für "
    "Mikroelektronik in Sachsen. Über 350 Mitglieder gehören dazu, darunter Hochschulen.\n"
)
FI_TEXT = (
    "Tampereen ohjelmistoklusteri\n\n"
    "Klusteri perustettiin vuonna 2012 Tampereella, ja siihen kuuluu nykyään yli kahdeksankymmentä "
    "yritystä alueelta. Jäsenet kehittävät yhdessä ohjelmistoja ja järjestävät tapahtumia.\n"
)
MALFORMED_HTML = (
    "<html><head><title>x</title><body><h1>Cluster Ruse<p>The cluster was founded in 2015 in Ruse"
    "<ul><li>Logistics<li>Energy<table><tr><td>Total number of members<td>25</div></span>"
)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("profile.txt", "ICT Cluster")
    return buffer.getvalue()


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad_inputs")
    inp = base / "in"
    inp.mkdir()
    bad: dict[str, str] = {}  # id -> expected error code
    good: list[str] = []

    def put(name: str, data: bytes, code: str | None) -> None:
        (inp / name).write_bytes(data)
        (bad.__setitem__(Path(name).stem, code) if code else good.append(Path(name).stem))

    put("empty.txt", b"", "empty")
    put("blank.txt", b"  \n\n\t  \r\n", "empty")
    put("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary")
    put("archive.txt", _zip_bytes(), "binary")
    put("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n", "binary")
    put("oversize.txt", b"Cluster news. " * 2_000, "too_large")
    put("garbage.txt", bytes((0x80 + (i * 53) % 128) if i % 7 else 0x20 for i in range(3000)), "encoding")
    put("scripts_only.html", b"<html><head><script>var a = 1;</script><style>p{}</style></head><body><script>go()</script></body></html>", "no_text")
    put("no_words.md", b"---\n***\n___\n", "no_text")
    (inp / "broken_link.txt").symlink_to(inp / "does_not_exist.txt")
    bad["broken_link"] = "unreadable"
    if hasattr(os, "mkfifo"):
        os.mkfifo(inp / "pipe.txt")  # reading it would block forever: must be refused, not read
        bad["pipe"] = "unreadable"
    if not _is_root():
        locked = inp / "locked.txt"
        locked.write_text("secret profile")
        locked.chmod(0)
        bad["locked"] = "unreadable"
    (inp / "a_folder.txt").mkdir()  # a directory with an input suffix is not an input

    put("bulgarian_cp1251.txt", BG_TEXT.encode("cp1251"), None)
    put("german_latin1.txt", DE_TEXT.encode("latin-1"), None)
    put("finnish.txt", FI_TEXT.encode("utf-8"), None)
    put("malformed.html", MALFORMED_HTML.encode("utf-8"), None)
    put("utf16.txt", DE_TEXT.encode("utf-16"), None)
    for name in ("000_4d6f58c2a0769340.txt", "silicon_saxony_about.txt"):
        shutil.copy(ROOT / "raw" / name, inp / name)
        good.append(Path(name).stem)

    out = base / "out"
    code = main(["run", str(inp), "-o", str(out), "--workers", "1", "--no-progress", "--max-bytes", str(MAX_BYTES)])
    yield {"code": code, "out": out, "bad": bad, "good": good, "inp": inp}
    for path in (inp / "locked.txt",):
        if path.exists():
            path.chmod(0o644)


def test_exit_status_is_one(folder):
    assert folder["code"] == 1


def test_one_error_line_per_bad_input(folder):
    lines = (folder["out"] / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    errors = [json.loads(line) for line in lines]
    by_id = {e["id"]: e for e in errors}
    assert len(by_id) == len(errors), "an input has two error lines"
    assert set(by_id) == set(folder["bad"]), errors
    for doc_id, expected in folder["bad"].items():
        error = by_id[doc_id]
        assert set(error) >= {"id", "path", "error", "reason"}
        assert error["error"] == expected, error
        assert error["reason"] and isinstance(error["reason"], str)
        assert Path(error["path"]).name.startswith(doc_id)


def test_records_for_every_readable_input(folder):
    records = folder["out"] / "records"
    for doc_id in folder["good"]:
        path = records / f"{doc_id}.json"
        assert path.is_file(), f"no record for {doc_id}"
        record = Record.model_validate_json(path.read_text(encoding="utf-8"))
        text = (records / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert record.source.chars == len(text)
        for pointer, (start, end) in record.evidence.items():
            assert 0 <= start <= end <= len(text), pointer
    for doc_id in folder["bad"]:
        assert not (records / f"{doc_id}.json").exists()


def test_decoded_texts_and_languages(folder):
    records = folder["out"] / "records"

    def load(doc_id):
        return (
            Record.model_validate_json((records / f"{doc_id}.json").read_text(encoding="utf-8")),
            (records / f"{doc_id}.txt").read_text(encoding="utf-8"),
        )

    record, text = load("bulgarian_cp1251")
    assert "Клъстерът е създаден през 2012 година в Пловдив" in text
    assert record.source.language == "bg"
    record, text = load("german_latin1")
    assert "größte Netzwerk für" in text and record.source.language == "de"
    record, text = load("utf16")
    assert "größte Netzwerk für" in text
    record, text = load("finnish")
    assert "Tampereella" in text and record.source.language is None
    record, text = load("malformed")
    assert record.source.format == "html"
    assert "Cluster Ruse" in text and "• Logistics" in text and "<" not in text
    record, text = load("000_4d6f58c2a0769340")
    assert not text.startswith("Home >") and "Printer-friendly" not in text and "Primary tabs" not in text


def test_no_partial_or_temp_files(folder):
    leftovers = [p for p in folder["out"].rglob("*") if p.name.endswith(".tmp") or p.name.endswith(".partial")]
    assert leftovers == []
    # the cleaned text of every record is complete JSON/text, nothing for failed inputs
    names = {p.stem for p in (folder["out"] / "records").iterdir() if p.suffix in (".json", ".txt")}
    assert names == set(folder["good"])
