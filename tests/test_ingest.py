"""Ingest: encodings, rejections (with their codes), format and language detection."""
import codecs
import gzip
import io
import os
import zipfile

import pytest

from profile_extract.ingest import (
    CODES,
    InputError,
    decode,
    detect_format,
    detect_language,
    plausibility,
    read_bytes,
)

BG = (
    "Клъстерът по информационни и комуникационни технологии е създаден през 2012 година в Пловдив. "
    "Той обединява над 80 членове, които работят в областта на софтуера и услугите."
)
DE = (
    "Der Verein wurde im Jahr 2000 gegründet und ist heute das größte Netzwerk für Mikroelektronik "
    "in Sachsen. Über 350 Mitglieder gehören dazu, darunter Hochschulen und Forschungsinstitute."
)
RO_CEDILLA = (
    "Clusterul a fost înfiinţat în anul 2012 şi reuneşte peste 80 de membri din regiunea de nord-vest "
    "a României, în special firme de software şi universităţi."
)
RO = RO_CEDILLA.replace("ţ", "ț").replace("ş", "ș")
FR = "Le pôle a été créé en 2012 et réunit très exactement 80 membres, dont la plupart sont des entreprises près de Lyon."
HU = "A klaszter 2012-ben alakult, és jelenleg több mint 80 tagot számlál, amelyek főleg szoftverfejlesztéssel foglalkoznak."


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "text,raw_encoding,expected",
    [
        (BG, "utf-8", "utf-8"),
        (DE, "utf-8", "utf-8"),
        (RO, "utf-8", "utf-8"),
        (BG, "utf-8-sig", "utf-8 (BOM)"),
        (BG, "utf-16", "utf-16-le (BOM)"),  # Python writes a little-endian BOM
        (DE, "utf-16", "utf-16-le (BOM)"),
        (BG, "utf-32", "utf-32-le (BOM)"),
        (BG, "utf-16-le", "utf-16-le (no BOM)"),
        (BG, "utf-16-be", "utf-16-be (no BOM)"),
        (DE, "utf-16-le", "utf-16-le (no BOM)"),
        (DE, "utf-16-be", "utf-16-be (no BOM)"),
        (BG, "cp1251", "cp1251"),
        (DE, "latin-1", "cp1252"),  # latin-1 text is read as its superset cp1252
        (DE, "cp1252", "cp1252"),
        (FR, "cp1252", "cp1252"),
        (RO_CEDILLA, "cp1250", "cp1250"),
        (HU, "cp1250", "cp1250"),
    ],
)
def test_encodings(text, raw_encoding, expected):
    page = decode(text.encode(raw_encoding), "page.txt")
    assert page.text == text
    assert page.encoding == expected


def test_utf16_big_endian_bom():
    page = decode(codecs.BOM_UTF16_BE + BG.encode("utf-16-be"), "x.txt")
    assert page.text == BG and page.encoding == "utf-16-be (BOM)"


def test_cp1251_is_not_mistaken_for_latin1_soup():
    raw = BG.encode("cp1251")
    assert plausibility(raw.decode("cp1252")) < 0.5
    assert plausibility(raw.decode("cp1251")) > 0.9


def test_latin1_is_not_mistaken_for_cp1251():
    raw = DE.encode("latin-1")
    assert plausibility(raw.decode("cp1251")) < 0.5  # "fьr", "grцЯte": Cyrillic inside Latin words


@pytest.mark.parametrize(
    "head,text,encoding",
    [
        ('<meta charset="windows-1251">', BG, "cp1251"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', BG, "cp1251"),
        ('<?xml version="1.0" encoding="ISO-8859-2"?>', "Zgoda na współpracę została podpisana w Łodzi i Gdańsku.", "iso8859-2"),
    ],
)
def test_declared_charset(head, text, encoding):
    html = f"<html><head>{head}</head><body><p>{text}</p></body></html>"
    page = decode(html.encode(encoding), "page.html")
    assert text in page.text
    assert page.encoding == f"{encoding} (declared)"


def test_declared_utf8_but_really_cp1251_is_scored():
    html = f'<html><head><meta charset="utf-8"></head><body><p>{BG}</p></body></html>'
    page = decode(html.encode("cp1251"), "page.html")
    assert BG in page.text and page.encoding == "cp1251"


def test_utf8_with_a_few_corrupt_bytes_is_kept():
    raw = (BG * 5).encode("utf-8") + b"\xff" + BG.encode("utf-8")
    page = decode(raw, "x.txt")
    assert BG in page.text and "\ufffd" in page.text and "replaced" in page.encoding


@pytest.mark.parametrize("raw", [b"a\r\nb\rc\nd", b"a\r\nb\rc\nd".replace(b"\n", b"\n")])
def test_newlines_normalised(raw):
    assert decode(raw + b" text", "x.txt").text == "a\nb\nc\nd text"


def test_stray_control_characters_removed():
    page = decode(b"Cluster\x01 Plovdiv\x0cnext page\x1b", "x.txt")
    assert page.text == "Cluster Plovdiv\nnext page"


# --------------------------------------------------------------------------- rejections


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "raw,code,fragment",
    [
        (b"", "empty", "empty"),
        (b"   \n\t\r\n  ", "empty", "white space"),
        (codecs.BOM_UTF8 + b" \n", "empty", "white space"),
        (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "empty", "white space"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "binary", "PNG"),
        (b"\xff\xd8\xff\xe0" + bytes(64), "binary", "JPEG"),
        (b"GIF89a" + bytes(32), "binary", "GIF"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary", "PDF"),
        (gzip.compress(b"hello world"), "binary", "gzip"),
        (_zip_bytes(), "binary", "ZIP"),
        (b"plain words\x00\x00\x01\x02\x03 and NULs here" * 10, "binary", "NUL"),
        (bytes(range(1, 9)) * 100 + b"some text", "binary", "control bytes"),
        (bytes(0x80 + (i * 37) % 128 for i in range(2000)), "encoding", "undecodable"),
        (b"--- ... *** !!!\n", "no_text", "no letters"),
    ],
)
def test_rejections(raw, code, fragment):
    with pytest.raises(InputError) as info:
        decode(raw, "page.txt")
    assert info.value.code == code
    assert code in CODES
    assert fragment.lower() in info.value.reason.lower()


def test_random_high_bytes_with_spaces_are_undecodable():
    raw = bytes((0x80 + (i * 53) % 128) if i % 7 else 0x20 for i in range(3000))
    with pytest.raises(InputError) as info:
        decode(raw, "x.txt")
    assert info.value.code == "encoding"


def test_input_error_keeps_old_signature_and_pickles():
    import pickle

    err = InputError("something")
    assert err.reason == "something" and err.code
    copy = pickle.loads(pickle.dumps(InputError("too big", "too_large")))
    assert copy.reason == "too big" and copy.code == "too_large"


# --------------------------------------------------------------------------- reading


def test_read_bytes_ok(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello")
    assert read_bytes(path) == b"hello"


def test_read_bytes_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(InputError) as info:
        read_bytes(path, max_bytes=100)
    assert info.value.code == "too_large" and "100" in info.value.reason
    assert read_bytes(path, max_bytes=101) == b"x" * 101


@pytest.mark.parametrize("kind", ["directory", "broken_link", "missing", "fifo", "no_permission"])
def test_read_bytes_unreadable(tmp_path, kind):
    path = tmp_path / "x.txt"
    if kind == "directory":
        path.mkdir()
    elif kind == "broken_link":
        path.symlink_to(tmp_path / "nowhere.txt")
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(path)
    elif kind == "no_permission":
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            pytest.skip("root can read anything")
        path.write_text("secret")
        path.chmod(0)
    with pytest.raises(InputError) as info:
        read_bytes(path)
    assert info.value.code == "unreadable"
    assert "cannot read" in info.value.reason


# --------------------------------------------------------------------------- format


@pytest.mark.parametrize(
    "text,path,expected",
    [
        ("just words", "a.html", "html"),
        ("just words", "a.HTM", "html"),
        ("<!DOCTYPE html><html><body>x</body></html>", "a.txt", "html"),
        ("  <html lang='en'><p>x</p></html>", "a.txt", "html"),
        ("<div><p>one</p><p>two</p></div>", "a.txt", "html"),
        ("# Title\n\nSome text", "a.txt", "markdown"),
        ("Some text\n\nMore text", "a.md", "markdown"),
        ("Visit [our site](https://example.org) today", "a.txt", "markdown"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "a.txt", "markdown"),
        ("**Bold** claim and **another**", "a.txt", "markdown"),
        ("```\ncode\n```", "a.txt", "markdown"),
        ("Title\n=====\n\ntext", "a.txt", "text"),  # one setext heading alone is not enough
        ("Plain text\nwith lines", "a.txt", "text"),
        ("Items:\n- one\n- two\n- three\n- four\n- five", "a.txt", "text"),  # dashes alone: plain text
        ("a <b> c, x > y", "a.txt", "text"),
        ("Home > Cluster Organisations > X\n\nICT Cluster", "a.txt", "text"),
    ],
)
def test_detect_format(text, path, expected):
    assert detect_format(text, path) == expected


# --------------------------------------------------------------------------- language

LANGUAGE_SAMPLES = {
    "en": "The cluster was founded in 2012 and brings together more than eighty companies from the region.",
    "bg": BG,
    "de": DE,
    "fr": FR,
    "ro": RO,
    "hu": HU,
    "it": "Il cluster è stato fondato nel 2012 e riunisce più di ottanta imprese della regione, con il sostegno delle università.",
    "es": "El clúster fue fundado en 2012 y reúne a más de ochenta empresas de la región, con el apoyo de las universidades.",
    "pt": "O cluster foi fundado em 2012 e reúne mais de oitenta empresas da região, com o apoio das universidades e dos municípios.",
    "nl": "Het cluster is in 2012 opgericht en brengt meer dan tachtig bedrijven uit de regio samen, met steun van de universiteiten.",
    "pl": "Klaster został założony w 2012 roku i skupia ponad osiemdziesiąt firm z regionu, przy wsparciu uczelni oraz samorządu.",
    "cs": "Klastr byl založen v roce 2012 a sdružuje více než osmdesát firem z regionu, které se zabývají vývojem softwaru, a je to také síť pro spolupráci.",
    "sk": "Klaster bol založený v roku 2012 a združuje viac ako osemdesiat firiem z regiónu, ktoré sa zaoberajú vývojom softvéru a sú aj členmi siete.",
    "sl": "Grozd je bil ustanovljen leta 2012 in združuje več kot osemdeset podjetij iz regije, ki se ukvarjajo z razvojem programske opreme, ter tudi univerze.",
    "hr": "Klaster je osnovan 2012. godine i okuplja više od osamdeset tvrtki iz regije koje se bave razvojem softvera, a tijekom godine održava sastanke. Tko želi, može se pridružiti.",
    "sr": "Klaster je osnovan 2012. godine i okuplja više od osamdeset firmi iz regiona koje se bave razvojem softvera, a takođe i univerzitet. Svake nedelje se održava sastanak u isto vreme.",
    "ru": "Кластер был создан в 2012 году и объединяет более восьмидесяти компаний региона, что также поддерживают университеты. Это важно для развития.",
    "uk": "Кластер було створено у 2012 році, і він об'єднує понад вісімдесят компаній регіону, які також підтримують університети та громади.",
    "el": "Το σύμπλεγμα ιδρύθηκε το 2012 και συγκεντρώνει περισσότερες από ογδόντα εταιρείες της περιοχής με τη στήριξη των πανεπιστημίων.",
    "tr": "Küme 2012 yılında kuruldu ve bölgeden seksenden fazla şirketi bir araya getiriyor, bu çalışma için üniversiteler ile birlikte çok daha fazla destek sağlıyor.",
}


@pytest.mark.parametrize("code,text", sorted(LANGUAGE_SAMPLES.items()))
def test_detect_language(code, text):
    assert detect_language(text) == code


def test_serbian_cyrillic_is_sr_not_bg():
    text = "Кластер је основан 2012. године и окупља више од осамдесет фирми из региона које се баве развојем софтвера. Ђаци и њихови учитељи су такође чланови."
    assert detect_language(text) == "sr"


@pytest.mark.parametrize("text", ["", "ICT", "12 345 678", "Plovdiv 2012", "Hyvää päivää! Klusteri perustettiin vuonna 2012 Tampereella ja siihen kuuluu nykyään yli kahdeksankymmentä yritystä alueelta."])
def test_detect_language_none_when_unsure(text):
    assert detect_language(text) is None


def test_english_page_with_bulgarian_place_names_is_english():
    text = "The cluster is based in Plovdiv. Region: Южен централен (Yuzhen tsentralen). It was founded in 2012 and has 80 members."
    assert detect_language(text) == "en"
