#!/usr/bin/env python3
"""Builds the issue-14 bomb table at full size into a folder (nothing of this is committed).

    python3 tools/hostile/make-bombs.py /tmp/bombs
    tools/hostile/run-bombs.sh /tmp/bombs      # peak memory and CPU per file, via /usr/bin/time -v

Sizes follow the issue: a 917 KB .xes.gz of unclosed elements, 2.6 MB of gzipped valid rows in one case, a DOCX
with a 1 GB paragraph, a 512 MB styles part, 1 GB of empty paragraphs, a PDF with a 1 GB Flate stream, a 4 MB line
of commas, 1 million distinct activities, a 5 KB DOCX nested 30,000 deep, a header over 16,000 characters.
"""
import gzip, io, os, sys, zipfile, zlib
from datetime import datetime, timedelta, timezone

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bombs"
only = sys.argv[2:]  # optional: build only these files


def want(name):
    return not only or name in only

os.makedirs(out, exist_ok=True)
HEADER = b"case,activity,timestamp,resource\n"
WORD_OPEN = b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
WORD_CLOSE = b"</w:body></w:document>"


def gzip_until(path, prefix, chunks, compressed_bytes):
    """Gzips prefix + chunks (an iterator of bytes) until the file reaches compressed_bytes."""
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9) as gz:
            gz.write(prefix)
            for chunk in chunks:
                gz.write(chunk)
                if raw.tell() >= compressed_bytes:
                    break


def repeat(chunk):
    while True:
        yield chunk


def one_case_rows(rows_per_second=1):
    start = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)
    i = 0
    while True:
        rows = []
        for _ in range(10_000):
            t = start + timedelta(seconds=i // rows_per_second)
            rows.append(f"c1,Step {i % 7},{t:%Y-%m-%dT%H:%M:%SZ},clerk{i % 5}\n")
            i += 1
        yield "".join(rows).encode()


def docx(path, write_document, write_styles=None):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9, allowZip64=True) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        if write_styles:
            z.writestr("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
            with z.open("word/styles.xml", "w", force_zip64=True) as s:
                write_styles(s)
        with z.open("word/document.xml", "w", force_zip64=True) as d:
            write_document(d)


def write_repeated(stream, chunk, total):
    written = 0
    while written < total:
        stream.write(chunk)
        written += len(chunk)


MB = 1 << 20
GB = 1 << 30

# 1. 917 KB .xes.gz of unclosed elements.
if want("unclosed.xes.gz"):
    gzip_until(f"{out}/unclosed.xes.gz", b"<log>", repeat(b"<a>" * 100_000), 917 * 1000)
# 2. 2.6 MB of gzipped valid rows, all in one case: one row a second (ratio about 12:1, 32 MB), and 3,000 rows a
#    second (ratio about 165:1, just under MaxCompressionRatio: about 430 MB, 10 million events in one case).
if want("onecase.csv.gz"):
    gzip_until(f"{out}/onecase.csv.gz", HEADER, one_case_rows(), 2_600_000)
if want("onecase-dense.csv.gz"):
    gzip_until(f"{out}/onecase-dense.csv.gz", HEADER, one_case_rows(3000), 2_600_000)
# 3. DOCX with a 1 GB paragraph.
if want("paragraph.docx"):
    docx(f"{out}/paragraph.docx", lambda d: (d.write(WORD_OPEN + b"<w:p><w:r><w:t>"), write_repeated(d, b"a" * MB, GB), d.write(b"</w:t></w:r></w:p>" + WORD_CLOSE)))
# 4. DOCX with a 512 MB styles part.
if want("styles.docx"):
    docx(f"{out}/styles.docx",
     lambda d: d.write(WORD_OPEN + b"<w:p><w:r><w:t>Check the invoice.</w:t></w:r></w:p>" + WORD_CLOSE),
     lambda s: (s.write(b'<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="a"><w:name w:val="'), write_repeated(s, b" " * MB, 512 * MB), s.write(b'"/></w:style></w:styles>')))
# 5. DOCX of 1 GB of empty paragraphs.
if want("empty-paragraphs.docx"):
    docx(f"{out}/empty-paragraphs.docx", lambda d: (d.write(WORD_OPEN), write_repeated(d, b"<w:p/>" * 100_000, GB), d.write(WORD_CLOSE)))
# 6. PDF with a 1 GB Flate stream.
def make_pdf():
    compressor = zlib.compressobj(9)
    flate = io.BytesIO()
    zero = bytes(MB)
    for _ in range(1024):
        flate.write(compressor.compress(zero))
    flate.write(compressor.flush())
    content = flate.getvalue()
    pdf = io.BytesIO()
    offsets = []
    pdf.write(b"%PDF-1.4\n")
    for obj in [b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n", b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n",
                b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n"]:
        offsets.append(pdf.tell()); pdf.write(obj)
    offsets.append(pdf.tell())
    pdf.write(b"4 0 obj << /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream\nendobj\n")
    offsets.append(pdf.tell())
    pdf.write(b"5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n")
    xref = pdf.tell()
    pdf.write(b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets))
    pdf.write(b"trailer << /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    open(f"{out}/flate.pdf", "wb").write(pdf.getvalue())

if want("flate.pdf"):
    make_pdf()
# 7. A 4 MB line of commas between valid rows.
if want("commas.csv"):
    open(f"{out}/commas.csv", "wb").write(HEADER + b"c0,Receive invoice,2024-03-01T09:00:00Z,clerk0\n" + b"," * (4 * MB) + b"\nc1,Check invoice,2024-03-01T10:00:00Z,clerk1\n")
# 8. 1 million distinct activities.
if want("activities.csv"):
  with open(f"{out}/activities.csv", "wb") as f:
    f.write(HEADER)
    for i in range(0, 1_000_000, 10_000):
        f.write("".join(f"c{j % 1000},Activity number {j},2024-03-01T09:{j // 60 % 60:02d}:{j % 60:02d}Z,clerk{j % 7}\n" for j in range(i, i + 10_000)).encode())
# 9. A 5 KB DOCX nested 30,000 levels deep.
if want("deep.docx"):
    docx(f"{out}/deep.docx", lambda d: d.write(WORD_OPEN + b"<w:p>" + b"<w:r>" * 30_000 + b"<w:t>deep</w:t>" + b"</w:r>" * 30_000 + b"</w:p>" + WORD_CLOSE))
# 10. A header of 20,000 characters (the old reader failed above about 16,000).
if want("header.csv"):
    open(f"{out}/header.csv", "wb").write(b"case,activity,timestamp," + b",".join(b"attribute_%05d" % i for i in range(1300)) + b"\n" + b"".join(b"c%d,Check invoice,2024-03-01T09:%02d:00Z" % (i, i) + b"," * 1300 + b"\n" for i in range(20)))
for name in sorted(os.listdir(out)):
    print(f"{name}\t{os.path.getsize(f'{out}/{name}'):,} bytes")
