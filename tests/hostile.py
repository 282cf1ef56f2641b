"""A catalogue of malformed and hostile inputs for the source readers, built by code.

``cases()`` returns ``Case`` tuples: ``(case_id, name, data)`` (the upload's file name
and bytes), then what a correct reader does with it:

    expect    "doc"       at least one Document, and ``contains`` in one of their texts
              "rejected"  at least one Rejected whose reason contains ``reason``
              "both"      documents and rejections (a bad row/member among good ones)
              "any"       either, as long as nothing escapes
    env       environment overrides (low limits) to set while reading

No binary fixture is stored: every byte is made below (random ones from a seeded
generator, so runs repeat).
"""

from __future__ import annotations

import io
import json
import random
import warnings
import zipfile
from typing import NamedTuple

MB = 1024 * 1024

ARTICLE = (
    "Harbour town opens new ferry terminal\n\n"
    "The new ferry terminal in Port Ellery opened on Monday after two years of building work.\n\n"
    "\u201cIt will cut the crossing to forty minutes,\u201d harbour master Ines Duarte said.\n"
)
BODY = "The terminal cost 12 million euros and handles 900 passengers an hour."


class Case(NamedTuple):
    case_id: str
    name: str
    data: bytes
    expect: str = "any"
    reason: str | None = None
    contains: str | None = None
    env: dict[str, str] = {}  # noqa: RUF012  (a NamedTuple field default, never mutated)


Member = tuple[str | zipfile.ZipInfo, bytes]


def _zip(members: list[Member], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", compression=method) as zf:
        warnings.simplefilter("ignore")  # duplicate names are made on purpose
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def _symlink(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return info, target.encode()


def _patch(data: bytes, member: str, field: str, value: int) -> bytes:
    """Overwrite the 'flags' or 'method' field of one member's local and central headers."""
    out = bytearray(data)
    layout = {b"PK\x03\x04": (26, 30, {"flags": 6, "method": 8}),
              b"PK\x01\x02": (28, 46, {"flags": 8, "method": 10})}
    for sig, (name_len_at, name_at, offsets) in layout.items():
        start = 0
        while (pos := out.find(sig, start)) >= 0:
            size = int.from_bytes(out[pos + name_len_at:pos + name_len_at + 2], "little")
            if out[pos + name_at:pos + name_at + size] == member.encode():
                at = pos + offsets[field]
                out[at:at + 2] = value.to_bytes(2, "little")
            start = pos + 4
    return bytes(out)


def _corrupt_crc(data: bytes) -> bytes:
    """Change a byte of stored member data so its CRC no longer matches."""
    return data.replace(b"ferry terminal", b"Ferry terminal", 1)


def _csv(rows: list[str]) -> bytes:
    return "\n".join(rows).encode("utf-8")


def _text_cases(rng: random.Random) -> list[Case]:
    utf8 = ARTICLE.encode("utf-8")
    western = ("Council backs \u201cgreen\u201d budget \u2014 again\n\n"
               "The council said the \u201cgreen\u201d budget \u2014 its third \u2014 would pass. "
               "Caf\u00e9 owners welcomed it.\n")
    cyrillic = "Міська рада\n\n" + "Міська рада ухвалила новий бюджет на засіданні у вівторок. " * 6
    return [
        Case("empty-txt", "empty.txt", b"", "rejected", "empty file"),
        Case("whitespace-only", "blank.txt", b" \n\n\t \r\n", "rejected", "empty file"),
        Case("bom-only", "bom.txt", b"\xef\xbb\xbf", "rejected", "empty file"),
        Case("random-bytes-txt", "noise.txt", rng.randbytes(50_000), "rejected", "binary"),
        Case("nul-bytes-txt", "nuls.txt", b"\x00" * 4096, "rejected", "binary"),
        Case("png-named-txt", "photo.txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(2000),
             "rejected", "binary"),
        Case("pdf-named-md", "paper.md", b"%PDF-1.7\n" + rng.randbytes(3000), "rejected", "binary"),
        Case("zip-named-txt", "archive.txt", _zip([("a.txt", utf8)]), "rejected", "binary"),
        Case("elf-named-html", "program.html", b"\x7fELF\x02\x01\x01" + bytes(500),
             "rejected", "binary"),
        Case("control-bytes-txt", "ctl.txt", bytes(rng.randrange(1, 32) for _ in range(5000)),
             "rejected", "binary"),
        Case("invalid-utf8-stray-byte", "stray.txt", utf8.replace(b"Monday", b"Mon\xffday"),
             "doc", contains="\u201cIt will cut"),
        Case("invalid-utf8-truncated", "cut.txt", utf8 + "\u00e9t\u00e9".encode()[:-1],
             "doc", contains="harbour master"),
        Case("utf8-bom", "bom-article.txt", b"\xef\xbb\xbf" + utf8, "doc",
             contains="Port Ellery"),
        Case("utf16-le-bom", "le.txt", ARTICLE.encode("utf-16"), "doc", contains="\u201cIt will"),
        Case("utf16-be-bom", "be.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "doc",
             contains="Ines Duarte"),
        Case("utf16-le-no-bom", "le-nobom.txt", ARTICLE.encode("utf-16-le"), "doc",
             contains="\u201cIt will cut"),
        Case("utf16-be-no-bom", "be-nobom.txt", ARTICLE.encode("utf-16-be"), "doc",
             contains="forty minutes"),
        Case("utf16-cyrillic-no-bom", "uk.txt", cyrillic.encode("utf-16-le"), "doc",
             contains="бюджет"),
        Case("utf32-bom", "u32.txt", ARTICLE.encode("utf-32"), "doc", contains="Port Ellery"),
        Case("windows-1252", "cp1252.txt", western.encode("cp1252"), "doc",
             contains="\u201cgreen\u201d budget \u2014 its third"),
        Case("latin-1", "latin1.txt", western.replace("\u201c", '"').replace("\u201d", '"')
             .replace("\u2014", "-").encode("latin-1"), "doc", contains="Caf\u00e9 owners"),
        Case("windows-1251", "cp1251.txt", cyrillic.encode("cp1251"), "doc",
             contains="\u0431\u044e\u0434\u0436\u0435\u0442"),
        Case("cr-line-ends", "mac.txt", utf8.replace(b"\n", b"\r"), "doc", contains="Port Ellery"),
        Case("crlf-line-ends", "dos.txt", utf8.replace(b"\n", b"\r\n"), "doc",
             contains="Port Ellery"),
        Case("ten-mb-single-line", "line.txt", b"word " * (2 * MB), "rejected",
             "WORKBENCH_MAX_DOCUMENT_MB"),
        Case("ten-mb-single-line-allowed", "line.txt", b"word " * (2 * MB), "doc",
             contains="word word", env={"WORKBENCH_MAX_DOCUMENT_MB": "20"}),
        Case("no-sentences", "symbols.txt", b"!!! ??? ... 123 456 --- *** 7.8.9", "rejected",
             "no article text"),
        Case("furniture-only", "chrome.txt",
             b"Skip to content\nSubscribe\nAdvertisement\nShare on Facebook\n5:04 PM\n",
             "rejected", "no article text"),
        Case("sprinkled-controls", "bell.txt", utf8.replace(b"new ", b"new \x07"), "doc",
             contains="new ferry"),
        Case("sprinkled-nul", "nul-in-text.txt", utf8.replace(b"Monday", b"Mon\x00day"), "doc",
             contains="harbour master"),
        Case("header-only", "header.txt", b"Title: Nothing below\nOutlet: Gazette\n", "rejected",
             "no article text"),
        Case("many-short-lines", "lines.txt", b"ab cd\n" * 400_000, "any"),
    ]


def _markup_cases() -> list[Case]:
    laughs = "---\n" + "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)) + "title: *i\n---\n" + ARTICLE
    deep_yaml = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + ARTICLE
    deep_div = "<html><body>" + "<div>" * 10_000 + "<p>Deep text.</p>" + "</div>" * 10_000
    article_html = f"<html><head><title>Ferry</title></head><body><article><p>{BODY}</p>"
    return [
        Case("markdown-brackets", "brackets.md", b"[" * MB, "rejected", "no article text"),
        Case("markdown-stars", "stars.md", b"*a " * 300_000, "any"),
        Case("markdown-hashes", "hashes.md", b"# " * 200_000 + b"x", "any"),
        Case("yaml-billion-laughs", "laughs.md", laughs.encode(), "doc", contains="Port Ellery"),
        Case("yaml-deep-nesting", "deep.md", deep_yaml.encode(), "doc", contains="Port Ellery"),
        Case("yaml-unterminated", "open.md", ("---\ntitle: x\n" + ARTICLE).encode(), "doc",
             contains="Port Ellery"),
        Case("html-deep-nesting", "deep.html", (deep_div + "</body></html>").encode(), "any"),
        Case("html-deep-with-article", "deep2.html",
             (article_html + "<div>" * 10_000 + "</div>" * 10_000 + "</article></body></html>")
             .encode(), "doc", contains="900 passengers"),
        Case("html-script-only", "script.html",
             b"<html><head><script>var x = 1;</script></head><body><script>run()</script>"
             b"</body></html>", "rejected", "no article text"),
        Case("html-style-and-json-ld", "ld.html",
             b'<html><head><style>p{}</style><script type="application/ld+json">{"a": 1}'
             b"</script></head><body></body></html>", "rejected", "no article text"),
        Case("html-tag-soup", "soup.html",
             f"<p>{BODY}<p><b><i>{BODY.replace('terminal', 'pier')}</b></i><div><span>".encode(),
             "doc", contains="900 passengers"),
        Case("html-xml-declaration", "xml.html",
             f'<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>{BODY}</p>'
             "</body></html>".encode(), "doc", contains="900 passengers"),
        Case("html-huge-attribute", "attr.html",
             f'<html><body><p title="{"x" * MB}">{BODY}</p></body></html>'.encode(), "doc",
             contains="900 passengers"),
        Case("html-named-txt", "page.txt",
             f"<!DOCTYPE html><html><body><p>{BODY}</p></body></html>".encode(), "doc",
             contains="900 passengers"),
    ]


def _table_cases() -> list[Case]:
    good = 'Ferry opens,"The terminal opened on Monday, officials said.",2024-11-22'
    lines = ["\n".join(json.dumps({"title": f"T{i}", "text": BODY}) for i in range(3))]
    return [
        Case("csv-ragged", "ragged.csv", _csv(["title,text,date", good, "only,two", good]),
             "both", "fields"),
        Case("csv-nul", "nul.csv", _csv(["title,text,date", good, "Bad,Text with \x00 NUL.,x",
                                         good]), "both", "NUL"),
        Case("csv-100k-columns", "wide.csv", _csv([",".join(f"c{i}" for i in range(100_000)),
                                                  ",".join("x" for _ in range(100_000))]),
             "rejected", "columns"),
        Case("csv-no-text-column", "notext.csv", _csv(["title,author", "A,B"]), "rejected",
             "no text column"),
        Case("csv-header-only", "header.csv", _csv(["title,text"]), "rejected", "no data rows"),
        Case("csv-unterminated-quote", "quote.csv", _csv(["title,text", good.split(",")[0] + ',"'
                                                          + BODY]), "any"),
        Case("csv-huge-field", "big.csv", _csv(["title,text", "Big," + "word " * MB]), "doc",
             contains="word word", env={"WORKBENCH_MAX_DOCUMENT_MB": "20"}),
        Case("csv-huge-field-refused", "big.csv", _csv(["title,text", "Big," + "word " * MB]),
             "rejected", "WORKBENCH_MAX_DOCUMENT_MB"),
        Case("csv-semicolons", "semi.csv", _csv(["Headline;Body", f"Ferry;{BODY}"]), "doc",
             contains="900 passengers"),
        Case("csv-empty-text-cells", "blank.csv",
             _csv(["title,text", "A,", good.rsplit(",", 1)[0]]), "both", "no article text"),
        Case("jsonl-broken-lines", "mixed.jsonl", (lines[0] + '\n{"title": "x", "te\n[1, 2]\n'
                                                   '"just a string"\n').encode(), "both", "JSON"),
        Case("jsonl-deep-nesting", "deep.jsonl", (lines[0] + "\n" + "[" * 100_000 + "\n").encode(),
             "both", "JSON"),
        Case("jsonl-text-not-string", "num.jsonl", b'{"title": "x", "text": 42}\n', "rejected",
             "no article text"),
        Case("jsonl-no-text-key", "nokey.jsonl", b'{"title": "x", "words": "y"}\n', "rejected",
             "no text key"),
    ]


def _zip_cases(rng: random.Random) -> list[Case]:
    good = ("good.txt", ARTICLE.encode())
    inner = _zip([("inner.txt", ARTICLE.encode())])
    two_deep = _zip([("middle.zip", _zip([("deepest.txt", ARTICLE.encode())]))])
    stored = _zip([good], method=zipfile.ZIP_STORED)
    return [
        Case("zip-zero-bytes", "empty.zip", b"", "rejected", "empty file"),
        Case("zip-not-a-zip", "fake.zip", b"this is not an archive at all", "rejected",
             "not a valid zip"),
        Case("zip-truncated", "half.zip", stored[: len(stored) // 2], "rejected",
             "not a valid zip"),
        Case("zip-random-bytes", "noise.zip", rng.randbytes(10_000), "rejected", "not a valid zip"),
        Case("zip-dotdot-member", "slip.zip", _zip([good, ("../../etc/evil.txt", b"x")]), "both",
             "leaves the archive"),
        Case("zip-absolute-member", "abs.zip", _zip([good, ("/etc/passwd.txt", b"x")]), "both",
             "absolute"),
        Case("zip-drive-letter", "drive.zip", _zip([good, ("C:/Windows/x.txt", b"x")]), "both",
             "absolute"),
        Case("zip-backslash-dotdot", "backslash.zip", _zip([good, ("..\\..\\x.txt", b"x")]),
             "both", "leaves the archive"),
        Case("zip-symlink-member", "link.zip", _zip([good, _symlink("passwd.txt", "/etc/passwd")]),
             "both", "symlink"),
        Case("zip-encrypted-member", "locked.zip",
             _patch(_zip([good, ("secret.txt", bytes(64))]), "secret.txt", "flags", 1), "both",
             "encrypted"),
        Case("zip-nested-ok", "outer.zip", _zip([("inner.zip", inner)]), "doc",
             contains="Port Ellery"),
        Case("zip-nested-too-deep", "deep.zip", _zip([good, ("two.zip", two_deep)]), "both",
             "nested deeper"),
        Case("zip-duplicate-names", "dup.zip", _zip([good, ("good.txt", b"Other text here.")]),
             "both", "duplicate"),
        Case("zip-bomb", "bomb.zip", _zip([good, ("bomb.txt", bytes(30 * MB))]), "both",
             "zip bomb"),
        Case("zip-too-many-members", "many.zip",
             _zip([(f"m{i:03}.txt", ARTICLE.encode()) for i in range(50)]), "rejected",
             "members", env={"WORKBENCH_MAX_ZIP_MEMBERS": "10"}),
        Case("zip-member-over-size", "big.zip",
             _zip([good, ("big.txt", rng.randbytes(200_000).hex().encode())]), "both", "larger",
             env={"WORKBENCH_MAX_FILE_MB": "0.2"}),
        Case("zip-total-over-limit", "total.zip",
             _zip([(f"m{i:02}.txt", (ARTICLE * 120).encode()) for i in range(15)]), "both",
             "in total", env={"WORKBENCH_MAX_TOTAL_MB": "0.2"}),
        Case("zip-macosx-and-hidden", "mac.zip",
             _zip([good, ("__MACOSX/._good.txt", b"\x00\x05"), (".DS_Store", b"\x00\x00"),
                   ("dir/.hidden.txt", b"x")]), "doc", contains="Port Ellery"),
        Case("zip-mixed-encodings", "mixed.zip",
             _zip([("a.txt", ARTICLE.encode("utf-8")), ("b.txt", ARTICLE.encode("utf-16")),
                   ("c.txt", ARTICLE.encode("cp1252")), ("d.txt", ARTICLE.encode("utf-16-le"))]),
             "doc", contains="\u201cIt will cut"),
        Case("zip-unsupported-member", "odd.zip", _zip([good, ("table.xyz", b"1,2,3")]), "both",
             "unsupported type .xyz (supported:"),
        Case("zip-bad-crc", "crc.zip", _corrupt_crc(stored), "rejected", "corrupt"),
        Case("zip-unknown-method", "method.zip", _patch(stored, "good.txt", "method", 99),
             "rejected", "unsupported"),
        Case("zip-bad-member-inside", "inside.zip",
             _zip([good, ("noise.txt", rng.randbytes(5000))]), "both", "binary"),
    ]


def _upload_cases() -> list[Case]:
    return [
        Case("file-over-size-limit", "huge.txt", ARTICLE.encode() * 2000, "rejected", "larger",
             env={"WORKBENCH_MAX_FILE_MB": "0.05"}),
        Case("unsupported-suffix", "setup.exe", b"MZ\x90\x00" + bytes(100), "rejected",
             "unsupported type .exe"),
        Case("no-suffix", "README", ARTICLE.encode(), "rejected", "unsupported type"),
        Case("browser-fake-path", "C:\\fakepath\\..\\story.txt", ARTICLE.encode(), "doc",
             contains="Port Ellery"),
    ]


def cases() -> list[Case]:
    """Every hostile input, in a fixed order (ids are unique)."""
    rng = random.Random(20241122)
    found = (_text_cases(rng) + _markup_cases() + _table_cases() + _zip_cases(rng)
             + _upload_cases())
    assert len({c.case_id for c in found}) == len(found), "case ids must be unique"
    return found
