"""Encodings, single articles for review, and how zip members are named and nested."""

from __future__ import annotations

import io
import zipfile

import pytest

from workbench.errors import SourceError
from workbench.sources import read_article, read_upload
from workbench.sources.encoding import decode

BODY = ("The city council voted 9 to 2 on Tuesday to build a 1.2-kilometre flood barrier "
        "along the east bank of the river.")
QUOTE = ("\u201cWe cannot keep asking families to sandbag their homes every winter,\u201d said "
         "council leader Maria Okafor.")


# --- encodings -----------------------------------------------------------------------

TEXT = "Caf\u00e9 owners said the \u201cgreen\u201d budget \u2014 its third \u2014 was fair."


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"), b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT.encode("utf-16"),
    b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT.encode("utf-16-le"), TEXT.encode("utf-16-be"),
    TEXT.encode("cp1252"), TEXT.encode("utf-32"),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le", "utf16be", "cp1252",
        "utf32"])
def test_decode_gets_the_same_text(data):
    assert decode(data, "x.txt") == TEXT


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"), (b"\xff\xfe", "empty file"), (b"\x00\x01\x02\x03" * 100, "binary"),
    (b"%PDF-1.4 text-looking header", "binary"),
], ids=["empty", "bom-only", "controls", "pdf"])
def test_decode_refuses(data, reason):
    with pytest.raises(SourceError, match=reason):
        decode(data, "x.txt")


def test_decode_normalises_line_ends_and_controls():
    assert decode(b"a\r\nb\rc\x07d\x00e", "x.txt") == "a\nb\ncde"


# --- read_article --------------------------------------------------------------------

@pytest.mark.parametrize("name, data", [
    ("article.txt", f"Barrier approved\n\n{BODY}".encode("cp1252")),
    ("article.md", f"# Barrier approved\n\n{BODY}"),
    ("article.html", f"<html><head><title>Barrier approved</title></head><body><p>{BODY}</p>"
                     "</body></html>"),
    ("pasted", f"<!doctype html><html><head><title>Barrier approved</title></head><body>"
               f"<p>{BODY}</p></body></html>"),
    ("pasted", f"Barrier approved\n\n{BODY}"),
])
def test_read_article(name, data):
    doc = read_article(name, data)
    assert doc.title == "Barrier approved" and doc.text == BODY and doc.path == name


@pytest.mark.parametrize("name, data, reason", [
    ("a.csv", b"title,text\nA,B\n", "must be .txt, .md or .html"),
    ("a.txt", b"", "empty file"),
    ("a.txt", "   ", "empty file"),
    ("a.txt", bytes(range(256)) * 4, "binary"),
    ("a.html", "<script>x()</script>", "no article text"),
])
def test_read_article_refuses(name, data, reason):
    with pytest.raises(SourceError, match=reason):
        read_article(name, data)


def test_read_article_size_limit(monkeypatch):
    monkeypatch.setenv("WORKBENCH_MAX_FILE_MB", "0.001")
    with pytest.raises(SourceError, match="larger than the limit"):
        read_article("a.txt", BODY * 20)


# --- zip naming and depth ------------------------------------------------------------

def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_member_paths_and_rows():
    data = _zip({"set/a.txt": f"Headline A\n\n{BODY}".encode(),
                 "set/rows.csv": f'title,text\nB,"{QUOTE}"\n'.encode(),
                 "inner.zip": _zip({"deep.md": f"# Deep\n\n{BODY}".encode()})})
    docs = list(read_upload("bundle.zip", data, source_set="z"))
    assert [(d.path, d.record, d.source_set) for d in docs] == [
        ("bundle.zip/set/a.txt", None, "z"), ("bundle.zip/set/rows.csv", 1, "z"),
        ("bundle.zip/inner.zip/deep.md", None, "z")]


def test_zip_depth_zero_refuses_nested_archives(monkeypatch):
    monkeypatch.setenv("WORKBENCH_MAX_ZIP_DEPTH", "0")
    items = list(read_upload("b.zip", _zip({"inner.zip": _zip({"a.txt": BODY.encode()})})))
    assert [str(x) for x in items] == [
        "b.zip/inner.zip: zip nested deeper than 0 level(s) (WORKBENCH_MAX_ZIP_DEPTH)"]
