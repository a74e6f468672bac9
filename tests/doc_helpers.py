"""Build a Document from a small page through the real stages, for extractor tests."""
from profile_extract import clean, entities, ingest, sections


def build_doc(text, path="page.txt"):
    """Decode, clean, split and recognise entities; a page ingest refuses (empty) still becomes a Document."""
    try:
        page = ingest.decode(text.encode("utf-8"), path)
    except ingest.InputError:
        doc = sections.split(clean.Cleaned(text, {}), doc_id="t")
    else:
        doc = sections.split(clean.clean(page), doc_id="t", format=page.format)
    entities.recognise(doc, entities.default_nlp())
    return doc


def run_extractor(module, text, found, path="page.txt"):
    doc = build_doc(text, path)
    return doc, module.extract(doc, found)
