#!/bin/sh
# Regenerates sop-sources/annexes/02-dpia.pdf, the example's external annex, as a tagged
# PDF made by a tool other than sopkit (as an author's annex is): Markdown → Word with
# pandoc, Word → PDF with LibreOffice Writer's tagged (PDF/UA) export. Run from this
# folder; needs pandoc and LibreOffice (soffice). Its text is the earlier, untagged
# fixture's (kept as tests/fixtures/pdf/untagged-annex.pdf for the untagged case).
set -eu
out=$(mktemp -d)
pandoc 02-dpia.md -o "$out/02-dpia.docx"
soffice --headless --convert-to 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"PDFUACompliance":{"type":"boolean","value":"true"}}' --outdir "$out" "$out/02-dpia.docx" >/dev/null
cp "$out/02-dpia.pdf" ../../../sop-sources/annexes/02-dpia.pdf
rm -rf "$out"
