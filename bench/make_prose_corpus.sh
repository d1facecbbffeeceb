#!/usr/bin/env bash
# Builds a corpus of real English prose as article files, deterministically, for the alignment
# benchmark: the Linux kernel documentation (linux-doc-6.1), the Python, Perl, PostgreSQL and GIMP
# manuals (python3.11-doc, perl-doc, postgresql-doc-15, gimp-help-en) and the GNU Collaborative
# International Dictionary of English (dict-gcide), cut into article-sized pieces (paragraphs
# packed up to ~1.5 KB, a short news article of some 250 words). No piece repeats another: each is a different
# stretch of text.
#
# Usage: bench/make_prose_corpus.sh COUNT [CACHE_DIR]
#   Writes COUNT article files into CACHE_DIR/prose-COUNT/articles (default cache:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/parallax-bench) plus an outlets.xml; prints the folder.
#   A folder already built is reused. Needs: apt-get install linux-doc-6.1 python3.11-doc
#   perl-doc postgresql-doc-15 gimp-help-en dict-gcide
set -euo pipefail
count=${1:?usage: make_prose_corpus.sh COUNT [CACHE_DIR]}
cache=${2:-${XDG_CACHE_HOME:-$HOME/.cache}/parallax-bench}
out="$cache/prose-$count"
if [[ -f "$out/.complete" ]]; then echo "$out"; exit 0; fi
for dir in /usr/share/doc/linux-doc-6.1/Documentation /usr/share/doc/python3.11/html \
    /usr/share/perl /usr/share/doc/postgresql-doc-15/html /usr/share/gimp/2.0/help/en \
    /usr/share/dictd/gcide.dict.dz; do
  [[ -e "$dir" ]] || { echo "missing $dir: apt-get install linux-doc-6.1 python3.11-doc" \
    "perl-doc postgresql-doc-15 gimp-help-en dict-gcide" >&2; exit 2; }
done
rm -rf "$out"
mkdir -p "$out/articles"
python3 - "$count" "$out" <<'PY'
import gzip, html, pathlib, re, sys
count, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
sources = sorted(pathlib.Path("/usr/share/doc/linux-doc-6.1/Documentation").rglob("*.rst.gz"))
sources += sorted(pathlib.Path("/usr/share/doc/python3.11/html").rglob("*.html"))
sources += sorted(pathlib.Path("/usr/share/perl").rglob("*.pod"))
sources += sorted(pathlib.Path("/usr/share/doc/postgresql-doc-15/html").rglob("*.html"))
sources += sorted(pathlib.Path("/usr/share/gimp/2.0/help/en").rglob("*.html"))
sources += [pathlib.Path("/usr/share/dictd/gcide.dict.dz")]
outlets = ["kernel-a", "kernel-b", "python-c"]
TAG = re.compile(r"<[^>]+>")
def paragraphs(path):
    raw = gzip.open(path, "rt", errors="replace").read() if path.suffix in (".gz", ".dz") \
        else path.read_text(errors="replace")
    if path.suffix == ".html":
        raw = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", raw)
        raw = re.sub(r"(?i)</?(p|div|li|h\d|pre|tr|dd|dt)\b[^>]*>", "\n\n", raw)
        raw = html.unescape(TAG.sub(" ", raw))
    for block in re.split(r"\n\s*\n", raw):
        text = " ".join(block.split())
        # Prose only: enough words, mostly letters (skips tables, code and markup rules).
        if len(text) < 60 or sum(c.isalpha() or c == " " for c in text) < 0.8 * len(text):
            continue
        yield text
written, piece, size, title = 0, [], 0, ""
def flush():
    global written, piece, size
    if not piece: return
    outlet = outlets[written % len(outlets)]
    body = "\n\n".join(piece)
    (out / "articles" / f"{written:06d}.txt").write_text(
        f"---\ntitle: {title[:80]}\noutlet: {outlet}\nlanguage: en\ngenre: news\n---\n{body}\n")
    written += 1
    piece, size = [], 0
for path in sources:
    for text in paragraphs(path):
        if not piece: title = " ".join(text.split()[:10])
        piece.append(text); size += len(text)
        if size >= 1400:
            flush()
            if written >= count: break
    if written >= count: break
if written < count:
    sys.exit(f"only {written} pieces of prose available, asked for {count}")
(out / "outlets.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n<outlets>\n' + "".join(
    f'  <outlet id="{o}">\n    <name>{o}</name>\n    <languages>en</languages>\n  </outlet>\n'
    for o in outlets) + "</outlets>\n")
PY
touch "$out/.complete"
echo "$out"
