"""A generated corpus of broken and hostile files, one per case, for every importer.

Each case is (id, command, file name, bytes, extra arguments). The command is the CLI
route that reads the file: ``import`` (transcripts), ``metadata`` (the sheet of an
import), ``codings``, ``codebook``, ``plan`` (a merge plan applied) and ``stats``.
Nothing here is random: the same corpus every run, so a failure can be replayed.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    id: str
    command: str
    name: str
    # Big payloads are built only when their test runs, so collecting stays cheap.
    data: bytes | Callable[[], bytes]
    args: tuple[str, ...] = field(default=())

    def payload(self) -> bytes:
        return self.data if isinstance(self.data, bytes) else self.data()


# ----------------------------------------------------------------------------- helpers

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    b'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    b'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
    b'"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    b"schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    b'" Target="word/document.xml"/></Relationships>'
)


def zip_bytes(members: dict[str, bytes], *, compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(body: bytes, **extra: bytes) -> bytes:
    document = (
        b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="' + W_NS.encode() + b'">'
        b"<w:body>" + body + b"</w:body></w:document>"
    )
    members = {"[Content_Types].xml": CT, "_rels/.rels": RELS, "word/document.xml": document}
    members.update({k.replace("__", "/"): v for k, v in extra.items()})
    return zip_bytes(members)


def para(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


ODT_NS = (
    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
)


def odt(body: bytes, *, content: bytes | None = None, manifest: bytes | None = None) -> bytes:
    content = content or (
        b'<?xml version="1.0" encoding="UTF-8"?><office:document-content ' + ODT_NS + b">"
        b"<office:body><office:text>" + body + b"</office:text></office:body>"
        b"</office:document-content>"
    )
    manifest = manifest or (
        b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
        b'names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/"'
        b' manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry '
        b'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    return zip_bytes(
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": content,
            "META-INF/manifest.xml": manifest,
        }
    )


def xlsx(sheet_xml: bytes) -> bytes:
    ct = (
        b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        b'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
        b'application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName'
        b'="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocu'
        b'ment.spreadsheetml.worksheet+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
        b"//schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
        b'" Target="xl/workbook.xml"/></Relationships>'
    )
    workbook = (
        b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats'
        b'.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
        b"</sheets></workbook>"
    )
    wb_rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
        b"//schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
        b'" Target="worksheets/sheet1.xml"/></Relationships>'
    )
    return zip_bytes(
        {
            "[Content_Types].xml": ct,
            "_rels/.rels": rels,
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": wb_rels,
            "xl/worksheets/sheet1.xml": sheet_xml,
        }
    )


def sheet(rows: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
        b'.org/spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData></worksheet>"
    )


def inline_row(n: int, *values: str) -> bytes:
    cells = "".join(
        f'<c r="{chr(65 + i)}{n}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(values)
    )
    return f'<row r="{n}">{cells}</row>'.encode()


XXE = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;'
    b'&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;'
    b'&c;&c;&c;&c;&c;">]><l>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</l>'
)
RANDOM = bytes((i * 7919 + 13) % 256 for i in range(4096))
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000


def nested(open_tag: bytes, close_tag: bytes, depth: int, inner: bytes = b"") -> bytes:
    return open_tag * depth + inner + close_tag * depth


# ----------------------------------------------------------------------------- cases


def transcript_cases() -> Iterator[Case]:
    def c(id_: str, name: str, data: bytes, *args: str) -> Case:
        return Case(f"transcript-{id_}", "import", name, data, args)

    text = b"Interviewer: Hoe gaat het?\nStudent: Goed.\n"
    for ext in ("txt", "md", "docx", "odt"):
        yield c(f"empty-{ext}", f"empty.{ext}", b"")
        yield c(f"random-{ext}", f"random.{ext}", RANDOM)
        yield c(f"nul-{ext}", f"nul.{ext}", b"\x00" * 5000)
        yield c(f"whitespace-{ext}", f"blank.{ext}", b" \n\t \n" * 100)
    for ext in ("pdf", "doc", "rtf", "exe", ""):
        yield c(f"wrong-ext-{ext or 'none'}", f"interview.{ext}" if ext else "interview", text)
    yield c("utf8-bad-bytes", "bad-utf8.txt", "café en crème\n".encode() * 50 + b"\xff\xfe x\n")
    yield c("utf8-truncated-seq", "trunc.txt", "één twee\n".encode() * 20 + b"\xe2\x82")
    yield c("utf16-odd", "odd16.txt", b"\xff\xfe" + "hallo".encode("utf-16-le") + b"\x00")
    yield c("utf32-bad", "bad32.txt", b"\xff\xfe\x00\x00" + b"\xff\xff\xff\xff" * 10)
    yield c("controls", "controls.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08" * 500)
    yield c("many-lines", "lines.txt", lambda: b"a\n" * 600_000)
    yield c("long-line", "longline.txt", lambda: b"woord " * 200_000)
    yield c("md-long-line", "bold.md", lambda: b"**" * 600_000)
    yield c("over-max-size", "big.txt", text * 40_000, "--max-size", "1MB")
    yield c("gzip-as-txt", "x.txt", b"\x1f\x8b\x08\x00" + RANDOM)
    yield c("png-as-md", "x.md", b"\x89PNG\r\n\x1a\n" + b"\x00" * 300)
    # --- Word
    yield c("docx-text", "plain.docx", text)
    yield c("docx-ole2", "protected.docx", OLE2)
    yield c("docx-truncated", "trunc.docx", docx(para("hallo"))[:200])
    yield c("docx-no-document", "nodoc.docx", zip_bytes({"[Content_Types].xml": CT}))
    yield c("docx-not-xml", "notxml.docx", docx(b"")[:0] or _docx_raw(b"this is < not xml"))
    yield c("docx-xxe", "xxe.docx", _docx_raw(XXE))
    yield c("docx-laughs", "laughs.docx", _docx_raw(LAUGHS))
    yield c("docx-deep", "deep.docx", docx(nested(b"<w:sdt><w:sdtContent>",
                                                   b"</w:sdtContent></w:sdt>", 3000)))  # fmt: skip
    yield c("docx-elements", "elements.docx", lambda: docx(b"<w:p><w:r/></w:p>" * 1_100_000))
    yield c("docx-text-bomb", "bomb.docx", lambda: docx(b"<w:p><w:r><w:t>" + b"a" * 60_000_000
                                                 + b"</w:t></w:r></w:p>"))  # fmt: skip
    yield c("docx-zip-slip", "slip.docx", docx(para("hi"), **{"..__..__evil.xml": b"<x/>"}))
    yield c("docx-abs-path", "abs.docx", zip_bytes({"/etc/x.xml": b"<x/>", "a": b"b"}))
    yield c("docx-members", "members.docx", zip_bytes({f"m{i}": b"" for i in range(10_050)}))
    yield c("docx-no-text", "notext.docx", docx(b"<w:p/>" * 10))
    yield c("docx-bad-rels", "rels.docx", docx(para("x"), **{"_rels__.rels": b"<broken"}))
    yield c("docx-utf16-dtd", "u16.docx", _docx_raw(XXE.decode().encode("utf-16")))
    yield c("docx-empty-zip", "emptyzip.docx", zip_bytes({}))
    spaces = b"<a>" + b" " * 5_000_000 + b"</a>"
    yield c("docx-ratio", "ratio.docx", docx(para("x"), **{"word__big.xml": spaces}))
    # --- OpenDocument
    yield c("odt-text", "plain.odt", text)
    yield c("odt-truncated", "trunc.odt", odt(b"<text:p>hallo</text:p>")[:150])
    yield c("odt-not-xml", "notxml.odt", odt(b"", content=b"<<< this is not xml"))
    yield c("odt-deep", "deep.odt", odt(nested(b"<text:section>", b"</text:section>", 5000)))
    yield c("odt-spaces", "spaces.odt", odt(b'<text:p>a<text:s text:c="100000000"/></text:p>'
                                            * 600))  # fmt: skip
    yield c("odt-xxe", "xxe.odt", odt(b"", content=XXE))
    yield c("odt-laughs", "laughs.odt", odt(b"", content=LAUGHS))
    yield c("odt-encrypted", "enc.odt", odt(b"<text:p>x</text:p>",
                                            manifest=b"<m><encryption-data/></m>"))  # fmt: skip
    yield c("odt-whitespace-bomb", "ws.odt", lambda: odt(b"<text:p>" + b"<text:s/>" * 1_100_000
                                                  + b"</text:p>"))  # fmt: skip
    yield c("odt-empty-body", "emptybody.odt", odt(b""))
    yield c("odt-no-content", "nocontent.odt", zip_bytes({"mimetype": b"x"}))


def _docx_raw(document: bytes) -> bytes:
    return zip_bytes(
        {"[Content_Types].xml": CT, "_rels/.rels": RELS, "word/document.xml": document}
    )


def metadata_cases() -> Iterator[Case]:
    def c(id_: str, name: str, data: bytes) -> Case:
        return Case(f"metadata-{id_}", "metadata", name, data)

    yield c("unbalanced-quote", "meta.csv", b'file,intervention\ngood,"Welzijnscoach\nx,y\n')
    yield c("empty", "meta.csv", b"")
    yield c("no-key-column", "meta.csv", b"intervention,institution\nA,B\n")
    yield c("binary", "meta.csv", RANDOM)
    yield c("nul", "meta.csv", b"file,x\x00\ngood,1\n")
    yield c("duplicate", "meta.csv", b"file,x\ngood.txt,1\ngood,2\n")
    yield c("rows", "meta.csv", lambda: b"file,x\n" + b"a,1\n" * 1_100_000)
    yield c("long-line", "meta.csv", b"file,x\ngood," + b"y" * 1_100_000 + b"\n")
    yield c("bad-utf8", "meta.csv", "file,x\ngood,café\n".encode() + b"\xff\n")
    yield c("wrong-ext", "meta.ods", b"file,x\n")
    yield c("xlsx-not-zip", "meta.xlsx", b"file,x\ngood,1\n")
    yield c("xlsx-truncated", "meta.xlsx", xlsx(sheet(inline_row(1, "file")))[:300])
    yield c("xlsx-xxe", "meta.xlsx", xlsx(XXE))
    yield c("xlsx-laughs", "meta.xlsx", xlsx(LAUGHS))
    yield c(
        "xlsx-bomb", "meta.xlsx", lambda: xlsx(sheet(b'<row r="1"><c r="A1"/></row>' * 1_100_000))
    )
    yield c("xlsx-deep", "meta.xlsx", xlsx(nested(b"<a>", b"</a>", 5000)))
    yield c("xlsx-no-key", "meta.xlsx", xlsx(sheet(inline_row(1, "x", "y") + inline_row(2, "a"))))
    yield c("xlsx-empty-zip", "meta.xlsx", zip_bytes({}))
    yield c(
        "xlsx-text-bomb", "meta.xlsx", lambda: xlsx(sheet(inline_row(1, "file", "a" * 60_000_000)))
    )
    yield c("xlsx-ole2", "meta.xlsx", OLE2)


def codings_cases() -> Iterator[Case]:
    head = b"document,coder,start,end,code,memo\n"

    def c(id_: str, data: bytes, *args: str) -> Case:
        return Case(f"codings-{id_}", "codings", f"{id_}.csv", data, args)

    def row(
        start: str, end: str, doc: str = "good", coder: str = "Anouk", code: str = "A"
    ) -> bytes:
        return f"{doc},{coder},{start},{end},{code},\n".encode()

    yield c("empty", b"")
    yield c("header-only", head)
    yield c("semicolon", b"document;coder;start;end;code;memo\ngood;Anouk;0;5;A;\n")
    yield c("missing-column", b"document,coder,start,end\ngood,Anouk,0,5\n")
    yield c("negative", head + row("-1", "5"))
    yield c("end-before-start", head + row("9", "3"))
    yield c("out-of-range", head + row("0", "999999"))
    yield c("underscore-digits", head + row("1_0", "20"))
    yield c("arabic-indic", head + row("٣", "٩"))
    yield c("fullwidth", head + row("１", "５"))
    yield c("float", head + row("1.5", "4"))
    yield c("huge-number", head + row("0", "9" * 400))
    yield c("unknown-document", head + row("0", "5", doc="nope"))
    yield c("unknown-coder", head + row("0", "5", coder="Zed"))
    yield c("unknown-code", head + row("0", "5", code="Nope / Niet"))
    yield c("ansi-coder", head + row("0", "5", coder="\x1b[2J\x1b[31mEvil"))
    yield c("long-name", head + row("0", "5", coder="x" * 100_000))
    yield c("binary", RANDOM)
    yield c("nul", head + b"good,Anouk,0,5,A,\x00\n")
    yield c("bad-utf8", head + b"good,Anouk,0,5,A,caf\xe9\n")
    yield c("unbalanced-quote", head + b'good,Anouk,0,5,A,"memo\n')
    yield c("text-mismatch", b"document,coder,start,end,code,memo,text\ngood,Anouk,0,5,A,,nope\n")
    yield c("rows", lambda: head + row("0", "5") * 1_100_000)
    yield c("long-line", head + b"good,Anouk,0,5,A," + b"m" * 1_100_000 + b"\n")
    yield c("many-bad-rows", head + row("x", "y") * 5000)
    yield c("over-max-size", head + row("0", "5") * 60_000, "--max-size", "1MB")
    yield c("utf16", (head + row("0", "5")).decode().encode("utf-16"))
    yield c("empty-fields", head + b",,,,,\n")


def codebook_cases() -> Iterator[Case]:
    def c(id_: str, name: str, data: bytes) -> Case:
        return Case(f"codebook-{id_}", "codebook", name, data)

    top = b"qualcode_codebook: 1\nname: X\ncodes:\n"
    laugh = b"a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
    for i, prev in zip("bcdefghi", "abcdefgh", strict=True):
        laugh += f"{i}: &{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n".encode()
    yield c("yaml-laughs", "laughs.yaml", laugh)
    yield c("yaml-laughs-codes", "laughs2.yaml", top + b"  - &a {name: A, children: [*a]}\n")
    yield c("yaml-alias", "alias.yaml", top + b"  - &x {name: A}\n  - *x\n")
    yield c("yaml-cycle", "cycle.yaml", top + b"  - &p\n    name: P\n    children:\n      - *p\n")
    yield c("yaml-deep", "deep.yaml", top + b"  - " + b"[" * 5000 + b"]" * 5000 + b"\n")
    yield c("yaml-deep-codes", "deepcodes.yaml", top + _deep_yaml(300))
    yield c("yaml-not-yaml", "x.yaml", b"codes: [unclosed\n  - : :\n")
    yield c("yaml-list", "list.yaml", b"- a\n- b\n")
    yield c("yaml-scalar", "scalar.yaml", b"just text\n")
    yield c("yaml-python-tag", "tag.yaml", b"!!python/object/apply:os.system ['true']\n")
    yield c("yaml-unknown-key", "key.yaml", top + b"  - name: A\n    defintion: x\n")
    yield c("yaml-duplicate", "dup.yaml", top + b"  - name: A\n  - name: A\n")
    yield c("yaml-bad-guid", "guid.yaml", top + b"  - name: A\n    guid: not-a-guid\n")
    yield c("yaml-dup-guid", "dupguid.yaml", top + (b"  - {name: X, guid: "
            b"11111111-1111-4111-8111-111111111111}\n  - {name: Y, guid: "
            b"11111111-1111-4111-8111-111111111111}\n"))  # fmt: skip
    yield c("yaml-empty", "empty.yaml", b"")
    yield c("yaml-binary", "bin.yaml", RANDOM)
    yield c("yaml-bad-utf8", "utf.yaml", top + b"  - name: caf\xe9\n")
    yield c("yaml-tabs", "tabs.yaml", top + b"\t- name: A\n")
    yield c("yaml-empty-name", "noname.yaml", top + b"  - name: ''\n")
    yield c("yaml-children-not-list", "children.yaml", top + b"  - name: A\n    children: 5\n")
    yield c(
        "yaml-huge", "huge.yaml", lambda: top + b"  - name: A\n    definition: " + b"x" * 51_000_000
    )
    for depth in (300, 900, 5000):
        yield c(f"json-deep-{depth}", f"deep{depth}.json", b"[" * depth + b"]" * depth)
    yield c("json-deep-codes", "deepcodes.json", _deep_json(300))
    yield c("json-huge", "huge.json", lambda: b'{"a": "' + b"x" * 51_000_000 + b'"}')
    yield c("json-list", "list.json", b"[1, 2, 3]")
    yield c("json-not-json", "bad.json", b"{'single': quotes}")
    yield c("json-trailing", "trail.json", b'{"qualcode_codebook": 1, "codes": []} garbage')
    yield c("json-nan", "nan.json", b'{"qualcode_codebook": NaN, "codes": []}')
    yield c("json-empty", "empty.json", b"")
    yield c("json-binary", "bin.json", RANDOM)
    yield c("json-utf16", "u16.json", '{"qualcode_codebook": 1}'.encode("utf-16"))
    yield c("json-codes-object", "obj.json", b'{"qualcode_codebook": 1, "codes": {"a": 1}}')
    yield c("json-dup-names", "dup.json", json.dumps({"qualcode_codebook": 1, "codes": [
        {"name": "A"}, {"name": "A"}]}).encode())  # fmt: skip
    yield c("csv-empty", "empty.csv", b"")
    yield c("csv-no-path", "nopath.csv", b"name,colour\nA,#fff\n")
    yield c("csv-binary", "bin.csv", RANDOM)
    yield c("csv-empty-part", "part.csv", b"path\nA /  / B\n")
    yield c("csv-duplicate", "dup.csv", b"path\nA\nA\n")
    yield c("csv-bad-colour", "colour.csv", b"path,colour\nA,notacolour\n")
    yield c("csv-rows", "rows.csv", lambda: b"path\n" + b"A\n" * 1_100_000)
    yield c("csv-unbalanced", "quote.csv", b'path,definition\nA,"open\n')
    yield c("csv-deep", "deep.csv", b"path\n" + " / ".join(f"c{i}" for i in range(2000)).encode())
    yield c("qdc-deep", "deep.qdc", _qdc(nested(b'<Code name="x" isCodable="true">',
                                                 b"</Code>", 250)))  # fmt: skip
    yield c("qdc-xxe", "xxe.qdc", XXE)
    yield c("qdc-laughs", "laughs.qdc", LAUGHS)
    yield c("qdc-not-xml", "bad.qdc", b"<CodeBook><Codes><Code")
    yield c(
        "qdc-dup-name",
        "dupname.qdc",
        _qdc(
            b'<Code guid="21111111-1111-4111-8111-111111111111" name="A" isCodable="true"/>'
            b'<Code guid="31111111-1111-4111-8111-111111111111" name="A" isCodable="true"/>'
        ),
    )
    yield c("qdc-empty", "empty.qdc", b"")
    yield c("qdc-binary", "bin.qdc", RANDOM)
    yield c("qdc-elements", "many.qdc", lambda: _qdc(b"<Description/>" * 1_100_000))
    yield c("qdc-utf16-dtd", "u16.qdc", XXE.decode().encode("utf-16"))
    yield c(
        "qdc-dup-guid",
        "dup.qdc",
        _qdc(b'<Code guid="11111111-1111-4111-8111-111111111111" name="A" isCodable="true"/>' * 2),
    )
    yield c("qdc-no-name", "noname.qdc", _qdc(b'<Code isCodable="true"/>'))
    yield c("qdpx-not-zip", "x.qdpx", b"<Project/>")
    yield c("qdpx-no-qde", "none.qdpx", zip_bytes({"sources/a.txt": b"x"}))
    yield c("qdpx-two-qde", "two.qdpx", zip_bytes({"a.qde": b"<Project/>", "b.qde": b"<P/>"}))
    yield c("qdpx-slip", "slip.qdpx", zip_bytes({"project.qde": b"<Project/>",
                                                   "../../evil.txt": b"x"}))  # fmt: skip
    yield c("qdpx-bomb", "bomb.qdpx", lambda: zip_bytes({"project.qde": b"<P>" + b" " * 60_000_000
                                                   + b"</P>"}))  # fmt: skip
    yield c("qdpx-xxe", "xxe.qdpx", zip_bytes({"project.qde": XXE}))
    yield c("qdpx-deep", "deep.qdpx", zip_bytes({"project.qde": b"<Project><CodeBook><Codes>"
        + nested(b'<Code name="x" isCodable="true">', b"</Code>", 250)
        + b"</Codes></CodeBook></Project>"}))  # fmt: skip
    yield c("qdpx-truncated", "trunc.qdpx", zip_bytes({"project.qde": b"<Project/>"})[:40])
    yield c("wrong-ext-docx", "codebook.docx", b"x")
    yield c("wrong-ext-none", "codebook", b"x")


def _qdc(codes: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" '
        b'origin="t"><Codes>' + codes + b"</Codes></CodeBook>"
    )


def _deep_yaml(depth: int) -> bytes:
    lines = []
    for level in range(depth):
        pad = "  " * (2 * level + 1)
        lines.append(f"{pad}- name: c{level}\n{pad}  children:")
    return ("\n".join(lines) + " []\n").encode()


def _deep_json(depth: int) -> bytes:
    node: dict[str, object] = {"name": "leaf"}
    text = json.dumps(node)
    for level in range(depth):
        text = f'{{"name": "c{level}", "children": [{text}]}}'
    return f'{{"qualcode_codebook": 1, "name": "x", "codes": [{text}]}}'.encode()


def plan_cases() -> Iterator[Case]:
    def c(id_: str, data: bytes) -> Case:
        return Case(f"plan-{id_}", "plan", f"{id_}.json", data)

    good = {"schema": "qualcode-merge-plan", "schema_version": 1, "entries": []}
    yield c("list", b"[1, 2]")
    yield c("string", b'"plan"')
    yield c("number", b"42")
    yield c("null", b"null")
    yield c("empty", b"")
    yield c("binary", RANDOM)
    yield c("not-json", b"{plan}")
    yield c("deep", b"[" * 5000 + b"]" * 5000)
    yield c("deep-object", b'{"a":' * 900 + b"1" + b"}" * 900)
    yield c("wrong-schema", json.dumps({**good, "schema": "other"}).encode())
    yield c("wrong-version", json.dumps({**good, "schema_version": 99}).encode())
    yield c("entries-object", json.dumps({**good, "entries": {"a": 1}}).encode())
    yield c("entries-strings", json.dumps({**good, "entries": ["a"]}).encode())
    yield c("bad-action", json.dumps({**good, "entries": [{"action": "explode",
            "incoming_guid": "x", "incoming_path": "A"}]}).encode())  # fmt: skip
    entry = {"action": "update", "incoming_guid": "x", "incoming_path": "A"}
    yield c(
        "take-types", json.dumps({**good, "entries": [{**entry, "take_incoming": [[1]]}]}).encode()
    )
    yield c("dup-guids", json.dumps({**good, "entries": [
        {"action": "new", "incoming_guid": "g", "incoming_path": "A"},
        {"action": "new", "incoming_guid": "g", "incoming_path": "B"}]}).encode())  # fmt: skip
    yield c("threshold-text", json.dumps({**good, "threshold": "high"}).encode())
    yield c("huge", lambda: b'{"x": "' + b"y" * 51_000_000 + b'"}')
    yield c("bad-utf8", b'{"schema": "caf\xe9"}')


def stats_cases() -> Iterator[Case]:
    def c(id_: str, name: str, data: bytes, *args: str) -> Case:
        return Case(f"stats-{id_}", "stats", name, data, args)

    yield c("random-bytes", "m.csv", RANDOM)
    yield c("random-text", "m.csv", bytes(range(32, 127)) * 40)
    yield c("nul", "m.csv", b"A,1,2\x00\nB,1,2\n")
    yield c("empty", "m.csv", b"")
    yield c("one-coder", "m.csv", b"A,1,2,3\n")
    yield c("no-units", "m.csv", b"A\nB\n")
    yield c("underscore", "m.csv", b"A,1_0,2\nB,10,2\n")
    yield c("arabic-indic", "m.csv", "A,١,٢\nB,1,2\n".encode())
    yield c("mixed", "m.csv", b"A,1,x\nB,1,2\n")
    yield c("text-interval", "m.csv", b"A,a,b\nB,a,b\n", "--level", "interval")
    yield c("dup-coder", "m.csv", b"A,1,2\nA,1,2\n")
    yield c("no-name", "m.csv", b",1,2\nB,1,2\n")
    yield c("unbalanced", "m.csv", b'A,"1,2\nB,1,2\n')
    yield c("nan", "m.csv", b"A,1,2\nB,inf,2\n", "--level", "interval")
    yield c("wrong-ext", "m.ods", b"A,1\nB,1\n")
    yield c("xlsx-not-zip", "m.xlsx", b"A,1\nB,1\n")
    yield c("xlsx-bomb", "m.xlsx", lambda: xlsx(sheet(b'<row r="1"><c r="A1"/></row>' * 1_100_000)))
    yield c("xlsx-xxe", "m.xlsx", xlsx(XXE))
    yield c("xlsx-deep", "m.xlsx", xlsx(nested(b"<a>", b"</a>", 5000)))
    yield c("rows", "m.csv", lambda: b"A,1\n" * 1_100_000)
    yield c("huge", "m.csv", lambda: b"A," + b"1," * 26_000_000 + b"\n")


GENERATORS: tuple[Callable[[], Iterator[Case]], ...] = (
    transcript_cases,
    metadata_cases,
    codings_cases,
    codebook_cases,
    plan_cases,
    stats_cases,
)


def all_cases() -> list[Case]:
    return [case for generator in GENERATORS for case in generator()]
