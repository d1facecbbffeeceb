#!/usr/bin/python3
"""Builds the throughput benchmark's inputs from English prose that Debian packages ship.

Deterministic: the same installed packages give byte-identical files. Sources are the
documentation, dictionary and book packages of ../shared/bench/README.md; any that is not
installed is skipped and named on stderr. HTML, reStructuredText, POD, man-like text and dict
files are turned into paragraphs of prose; tables, code and markup are dropped (a paragraph must
be mostly letters and spaces); a paragraph seen before is not repeated.

Every 10th paragraph (by a hash of its text) is held out: the lexicon forms are drawn from the
held-out paragraphs, so they are a different text from the one they are matched against, as a
real lexicon would be.

Writes into CACHE_DIR (default ${XDG_CACHE_HOME:-~/.cache}/parallax-bench/text):
  prose.txt         the corpus, paragraphs separated by blank lines (at least --min-mb MB)
  prose-80col.txt   the same text with its paragraphs wrapped at 80 columns, as the manuals it
                    comes from are laid out (line-oriented tools such as `rg -c` and `grep -c`
                    stop reading a line at its first match, so line length changes their speed)
  prose.jsonl       the same text as JSON Lines articles of about 8 KB each (for `parallax scan`)
  forms-20000.txt   20,000 lexicon forms, one per line, lower case: single words and 2- and
                    3-word phrases in the proportions 5:4:1, each occurring at least 3 times in
                    the held-out text, neither starting nor ending with a function word (as
                    lexicon entries do), picked in hash order (not by frequency)
  forms-1000.txt    the first 1,000 of them
  forms-20000.xml   the same 20,000 forms as a Parallax lexicon (one loaded-term entry each)
  prose-50mb.jsonl, prose-500mb.jsonl
                    the JSON Lines articles cut to 50 MB, and repeated round-robin with a
                    different article id per copy up to 500 MB (only for the memory check of
                    `scan`, whose peak memory must not grow with input size)
Prints the directory. A directory already complete is reused.

Usage: bench/make_prose_text.py [--cache DIR] [--min-mb 200]
"""
import argparse
import collections
import gzip
import hashlib
import html
import json
import os
import pathlib
import re
import sys

SOURCES = [
    ("linux-doc-6.1", "/usr/share/doc/linux-doc-6.1/Documentation", ("*.rst.gz", "*.txt.gz")),
    ("python3.11-doc", "/usr/share/doc/python3.11/html", ("*.html",)),
    ("perl-doc", "/usr/share/perl", ("*.pod",)),
    ("postgresql-doc-15", "/usr/share/doc/postgresql-doc-15/html", ("*.html",)),
    ("gimp-help-en", "/usr/share/gimp/2.0/help/en", ("*.html",)),
    ("dict-gcide", "/usr/share/dictd", ("gcide.dict.dz",)),
    ("wordnet-base", "/usr/share/wordnet", ("data.*",)),
    ("debian-handbook", "/usr/share/doc/debian-handbook/html/en-US", ("*.html",)),
    ("libreoffice-help-en-us", "/usr/share/libreoffice/help/en-US", ("*.html", "*.xhp")),
    ("rust-doc", "/usr/share/doc/rust-doc/html", ("*.html",)),
    ("python-django-doc", "/usr/share/doc/python-django-doc/html", ("*.html",)),
    ("lilypond-doc-html", "/usr/share/doc/lilypond/html", ("*.html",)),
    ("octave-doc", "/usr/share/doc/octave/octave.html", ("*.html",)),
    ("r-doc-html", "/usr/share/R/doc/manual", ("*.html",)),
    ("vim-doc", "/usr/share/doc/vim/html", ("*.html",)),
    ("git-doc", "/usr/share/doc/git-doc", ("*.html", "*.txt")),
    ("openjdk-17-doc", "/usr/share/doc/openjdk-17-jre-headless/api", ("*.html",)),
    ("qtbase5-doc-html", "/usr/share/qt5/doc", ("*.html",)),
    ("gnucash-docs", "/usr/share/doc/gnucash-docs/gnucash-guide-en", ("*.html",)),
    ("gnucash-docs", "/usr/share/doc/gnucash-docs/gnucash-help-en", ("*.html",)),
    ("libboost1.81-doc", "/usr/share/doc/libboost1.81-doc", ("*.html",)),
    ("installed manual pages", "/usr/share/man", ("man[1-8]/*.gz",)),
    ("installed info manuals", "/usr/share/info", ("*.info*.gz",)),
]
TAG = re.compile(r"<[^>]+>")
BLOCK = re.compile(r"(?i)</?(p|div|li|h\d|pre|tr|dd|dt|br|table|section|para|paragraph)\b[^>]*>")
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Lexicon entries are content words and phrases: a form neither starts nor ends with one of these.
STOP = set("""a an and are as at be but by can do does for from had has have he her his how i if
in into is it its may more most not of on or our she should so such than that the their them then
there these they this those to was we were what when where which while who will with would you
your all any also been each no one only other some""".split())


def read(path):
    if path.suffix in (".gz", ".dz"):
        with gzip.open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    return path.read_bytes().decode("utf-8", "replace")


ROFF_BREAK = re.compile(r"(?m)^[.'](PP|LP|P|SH|SS|IP|TP|HP|sp|br|Sh|Ss|Pp|It|Bl|El)\b.*$")
ROFF_ESCAPE = re.compile(r"\\(f[BIRP1-4]|f\[[A-Z]*\]|\([a-z]{2}|[-&e|^~0 ]|s[-+]?\d|\*[A-Za-z])")


def paragraphs(path):
    raw = read(path)
    if "/man/" in str(path):  # roff: paragraph macros break, other macro lines go
        raw = ROFF_BREAK.sub("\n\n", raw)
        raw = re.sub(r"(?m)^[.'][A-Za-z]{1,2}\b ?(.*)$", r"\1", raw)
        raw = ROFF_ESCAPE.sub(" ", raw.replace("\\-", "-"))
    elif path.name.startswith("data."):  # WordNet: the gloss after "| " on each line
        glosses = [line.split(" | ", 1)[1] for line in raw.splitlines() if " | " in line]
        raw = "\n\n".join(". ".join(glosses[i:i + 6]) for i in range(0, len(glosses), 6))
    if path.suffix in (".html", ".xhp"):
        raw = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", raw)
        raw = html.unescape(TAG.sub(" ", BLOCK.sub("\n\n", raw)))
    for block in re.split(r"\n\s*\n", raw):
        text = " ".join(block.split())
        if len(text) < 60 or sum(c.isalpha() or c == " " for c in text) < 0.75 * len(text):
            continue
        yield text


def bucket(text):
    return hashlib.blake2b(text.encode(), digest_size=8).digest()[0] % 10


def build(out, min_mb):
    seen = set()
    corpus_size = 0
    held = collections.Counter()
    with open(out / "prose.txt.tmp", "w", encoding="utf-8") as corpus:
        for package, root, patterns in SOURCES:
            base = pathlib.Path(root)
            if not base.exists():
                print(f"skipped {package}: {root} not found", file=sys.stderr)
                continue
            files = sorted({p for pattern in patterns for p in base.rglob(pattern)
                            if "translations" not in p.parts})  # English only
            for path in files:
                for text in paragraphs(path):
                    digest = hashlib.blake2b(text.encode(), digest_size=16).digest()
                    if digest in seen:
                        continue
                    seen.add(digest)
                    if bucket(text) == 0:
                        words = WORD.findall(text.lower())
                        for n in (1, 2, 3):
                            for i in range(len(words) - n + 1):
                                held[" ".join(words[i:i + n])] += 1
                        continue
                    corpus.write(text + "\n\n")
                    corpus_size += len(text.encode()) + 2
    if corpus_size < min_mb * 1e6:
        sys.exit(f"only {corpus_size / 1e6:.0f} MB of prose, asked for {min_mb} MB: install "
                 "more of the packages named in ../shared/bench/README.md")
    os.replace(out / "prose.txt.tmp", out / "prose.txt")

    def rank(form):
        return hashlib.blake2b(form.encode(), digest_size=8).digest()

    quota = {1: 10000, 2: 8000, 3: 2000}
    forms = []
    for n, want in quota.items():
        pool = sorted((f for f, c in held.items()
                       if c >= 3 and f.count(" ") == n - 1 and len(f) >= 4
                       and f.split()[0] not in STOP and f.split()[-1] not in STOP), key=rank)
        if len(pool) < want:
            sys.exit(f"only {len(pool)} {n}-word forms in the held-out text, need {want}")
        forms += pool[:want]
    forms.sort(key=rank)
    (out / "forms-20000.txt").write_text("\n".join(forms) + "\n", encoding="utf-8")
    (out / "forms-1000.txt").write_text("\n".join(forms[:1000]) + "\n", encoding="utf-8")
    with open(out / "forms-20000.xml", "w", encoding="utf-8") as lex:
        lex.write('<?xml version="1.0" encoding="UTF-8"?>\n<lexicon id="bench-20000" '
                  'version="1" lang="en">\n  <title>Benchmark forms</title>\n'
                  '  <loaded-terms>\n')
        for form in forms:
            lex.write(f'    <term form="{html.escape(form)}" category="bench" '
                      'source="bench/make_prose_text.py">'
                      '<note>Benchmark form from held-out prose.</note></term>\n')
        lex.write("  </loaded-terms>\n</lexicon>\n")

    def articles():
        piece, size, n = [], 0, 0
        with open(out / "prose.txt", encoding="utf-8") as f:
            for block in f.read().split("\n\n"):
                if not block:
                    continue
                piece.append(block)
                size += len(block)
                if size >= 8000:
                    yield n, "\n\n".join(piece)
                    piece, size, n = [], 0, n + 1
        if piece:
            yield n, "\n\n".join(piece)

    docs = [json.dumps({"id": f"prose-{n:07d}", "title": body[:60], "date": "2023-01-01",
                        "language": "en", "body": body},
                       ensure_ascii=False) + "\n" for n, body in articles()]
    (out / "prose.jsonl").write_text("".join(docs), encoding="utf-8")

    def sized(name, limit):
        size, copy = 0, 0
        with open(out / name, "w", encoding="utf-8") as f:
            while size < limit:
                for line in docs:
                    if copy:
                        line = line.replace('"id": "prose-', f'"id": "copy{copy}-prose-', 1)
                    f.write(line)
                    size += len(line.encode())
                    if size >= limit:
                        break
                copy += 1

    sized("prose-50mb.jsonl", 50_000_000)
    sized("prose-500mb.jsonl", 500_000_000)


def wrap(out, width=80):
    """Writes prose-80col.txt: prose.txt with each paragraph's words wrapped greedily at `width`
    columns (a longer word gets a line of its own)."""
    with open(out / "prose.txt", encoding="utf-8") as src, \
            open(out / "prose-80col.txt.tmp", "w", encoding="utf-8") as dst:
        for paragraph in src:
            if paragraph == "\n":
                dst.write("\n")
                continue
            line = ""
            for word in paragraph.split():
                if line and len(line) + 1 + len(word) > width:
                    dst.write(line + "\n")
                    line = word
                else:
                    line = f"{line} {word}" if line else word
            dst.write(line + "\n")
    os.replace(out / "prose-80col.txt.tmp", out / "prose-80col.txt")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", default=os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "parallax-bench",
        "text"))
    parser.add_argument("--min-mb", type=float, default=200)
    args = parser.parse_args()
    out = pathlib.Path(args.cache)
    if not (out / ".complete").exists():
        out.mkdir(parents=True, exist_ok=True)
        build(out, args.min_mb)
        (out / ".complete").write_text("")
    if not (out / "prose-80col.txt").exists():  # added after the first caches were made
        wrap(out)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
