#!/usr/bin/env python3
"""Scores `parallax align` stories on the multilingual alignment development set.

The set: manifests dev/align/manifest-*.tsv (tab separated, header row; columns id, url, outlet,
language, side, event, date, title) and the article texts .cache/align-dev/ID.txt (plain text,
paragraphs separated by blank lines; collected by hand, not committed). The script

 1. writes each listed article whose text exists as a Parallax article file into a temporary
    folder (front matter: title, outlet, date, language, genre news, url). A text that is
    missing or empty is reported by id and skipped; an id listed twice is kept once.
 2. runs `parallax align --format json --stories-only FOLDER` (stories do not depend on events
    and claims; give other flags after `--`), and
 3. prints BCubed precision, recall and F1 of the predicted stories against the gold `event`
    labels (per article: share of its predicted story in its gold event, share of its gold
    event in its predicted story; averaged over articles), overall and per language (averaged
    over the articles of that language, each still scored against all articles), the pairwise
    figures of scripts/eval_alignment.py, and the counts.

What the article files do NOT carry, so nothing hands alignment the answer:
  - `event:`. Parallax pins every article with an `event:` key to the story of that name
    (stories.cc never merges two different pins and always merges equal ones; the story id
    becomes the pin), so writing the gold label would score 1.0 whatever the similarity does.
    --pin-events writes it anyway, as a check that the pipeline and the scorer agree (expect
    BCubed 1.0).
  - the manifest id. Files are named by a digest of the id (align sorts its documents by id, and
    manifest ids are numbered per event in collection order); key.tsv beside the article folder
    maps digests back. `side` is not written either: it is not an article file key.
Titles: the collectors mark stand-in titles with a leading tag. "[url-slug] words-of-the-slug"
becomes the slug's words (hyphens and underscores as spaces, tokens holding digits dropped), or
no title when fewer than two words remain ("news", "609907") or fewer than half of them occur in
the text (a transliterated slug: "parlament-gruzii-prinyal"); "[url] ..." and "[lead] ..."
(a title from the address, or the lead sentence standing in for it) lose the tag only.
Outlets: a manifest outlet that is an id of the base outlets file (default corpus/outlets.xml)
is used as is; one that is not, but whose url host is a <domain> of an outlet there, becomes
that outlet (moscowtimes -> moscow-times); any other is declared in a temporary copy of the
outlets file (id made of a-z, 0-9 and "-"; languages from the manifest; domain from the url),
which `parallax align --outlets` reads.

Usage:
  eval_align_devset.py [--show] [--manifest-glob GLOB] [--cache DIR] [--parallax BIN]
                       [--keep DIR] [-- EXTRA_ALIGN_FLAGS...]
"""
import argparse
import collections
import csv
import glob
import hashlib
import html
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no scripts/__pycache__ from the import below
from eval_alignment import default_binary, f1, score  # noqa: E402

COLUMNS = ("id", "url", "outlet", "language", "side", "event", "date", "title")


def one_line(text):
    return " ".join(str(text).split())


# ---------------------------------------------------------------- manifests


def read_manifests(pattern):
    """Rows of every manifest matching the glob, in file then row order; duplicates dropped
    with a warning. Returns (rows, problems)."""
    rows, seen, problems = [], {}, []
    files = sorted(glob.glob(pattern))
    for path in files:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = [c for c in ("id", "event") if c not in (reader.fieldnames or [])]
            if missing:
                problems.append("%s: no column %s (header: %s)" % (
                    path, ", ".join(missing), " ".join(reader.fieldnames or [])))
                continue
            for line, row in enumerate(reader, start=2):
                row = {k: (v or "").strip() for k, v in row.items() if k is not None}
                if not row.get("id"):
                    continue
                where = "%s:%d" % (os.path.basename(path), line)
                if row["id"] in seen:
                    problems.append("%s: id %s already listed at %s; kept once" % (
                        where, row["id"], seen[row["id"]]))
                    continue
                if not row.get("event"):
                    problems.append("%s: id %s has no event; not scored" % (where, row["id"]))
                    continue
                seen[row["id"]] = where
                rows.append(row)
    return files, rows, problems


# ---------------------------------------------------------------- titles, outlets


def clean_title(title, body):
    """Strips the collectors' stand-in tags (see the module docstring)."""
    m = re.match(r"^\s*\[([\w-]+)\]\s*(.*)$", title or "")
    if not m:
        return one_line(title)
    tag, rest = m.group(1).lower(), m.group(2)
    if tag != "url-slug":
        return one_line(rest)
    words = [w for w in re.split(r"[-_\s/.]+", rest) if w and not re.search(r"\d", w)]
    # A transliterated slug ("parlament-gruzii-prinyal") is not words of the article.
    text_words = set(re.findall(r"\w+", body.casefold()))
    found = sum(1 for w in words if w.casefold() in text_words)
    return " ".join(words) if len(words) >= 2 and 2 * found >= len(words) else ""


def slug(text):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "unknown"


def host_of(url):
    host = urllib.parse.urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def load_outlets(path):
    """(tree, {id: [domains]}) of an outlets file."""
    tree = ET.parse(path)
    known = {}
    for o in tree.getroot().findall("outlet"):
        known[o.get("id")] = [d.text.strip().lower() for d in o.findall("domain") if d.text]
    return tree, known


def outlet_for(row, known):
    """(outlet id, how): a known id, a known outlet found by the url's domain, or a new id."""
    given = row.get("outlet", "")
    if given in known:
        return given, "known"
    host = host_of(row.get("url", "")).lower()
    while host:
        for oid, domains in known.items():
            if host in domains:
                return oid, "domain"
        if "." not in host:
            break
        host = host.split(".", 1)[1]
    return slug(given or host_of(row.get("url", ""))), "new"


def write_outlets(base_path, new, out_path):
    """Copies the base outlets file and appends <outlet> entries for the new ids."""
    with open(base_path, encoding="utf-8") as f:
        text = f.read()
    entries = []
    for oid in sorted(new):
        langs, domains = new[oid]
        lines = ['  <outlet id="%s">' % html.escape(oid), "    <name>%s</name>" % html.escape(oid),
                 "    <languages>%s</languages>" % html.escape(" ".join(sorted(langs)))]
        lines += ["    <domain>%s</domain>" % html.escape(d) for d in sorted(domains)]
        lines.append("  </outlet>")
        entries.append("\n".join(lines))
    at = text.rindex("</outlets>")
    text = text[:at] + ("\n".join(entries) + "\n" if entries else "") + text[at:]
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------- conversion


def article_text(row, title, outlet, body, pin):
    lines = ["---", "title: " + quote_value(title), "outlet: " + outlet]
    if re.fullmatch(r"\d{4}-\d\d(-\d\d)?", row.get("date", "")):
        lines.append("date: " + row["date"])
    if row.get("language"):
        lines.append("language: " + row["language"])
    lines.append("genre: news")
    if row.get("url"):
        lines.append("url: " + one_line(row["url"]))
    if pin:
        lines.append("event: " + quote_value(row["event"]))
    lines += ["---", ""]
    return "\n".join(lines) + body


def quote_value(v):
    v = one_line(v)
    if len(v) >= 2 and v[0] in "\"'" and v[-1] in "\"'":
        return '"' + v + '"'  # the parser strips one pair of surrounding quotes
    return v


def read_text(path):
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
        text = f.read().replace("\r\n", "\n").replace("\r", "\n")
    # Blank-line-separated paragraphs, each on one line: what the cleaner expects of pasted text.
    paras = [one_line(p) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p) + "\n"


def convert(rows, cache, base_outlets, work, pin):
    """Writes work/articles/*.txt, work/outlets.xml, work/key.tsv. Returns (digest -> row,
    missing ids, empty ids, outlet notes)."""
    (work / "articles").mkdir(parents=True, exist_ok=True)
    _, known = load_outlets(base_outlets)
    new = {}
    by_digest, missing, empty, notes = {}, [], [], collections.Counter()
    for row in rows:
        path = os.path.join(cache, row["id"] + ".txt")
        if not os.path.isfile(path):
            missing.append(row["id"])
            continue
        body = read_text(path)
        if not body.strip():
            empty.append(row["id"])
            continue
        outlet, how = outlet_for(row, known)
        if how == "new":
            langs, domains = new.setdefault(outlet, (set(), set()))
            if row.get("language"):
                langs.add(row["language"])
            if host_of(row.get("url", "")):
                domains.add(host_of(row["url"]).lower())
        elif how == "domain":
            notes["%s -> %s (by url domain)" % (row.get("outlet", ""), outlet)] += 1
        digest = hashlib.sha1(row["id"].encode("utf-8")).hexdigest()[:16]
        row = dict(row, outlet_id=outlet, clean_title=clean_title(row.get("title", ""), body))
        by_digest[digest] = row
        (work / "articles" / (digest + ".txt")).write_text(
            article_text(row, row["clean_title"], outlet, body, pin), encoding="utf-8")
    # Domains already claimed by an outlet of the base file would make FindByUrl ambiguous.
    taken = set(d for ds in known.values() for d in ds)
    new = {k: (langs, domains - taken) for k, (langs, domains) in new.items()}
    write_outlets(base_outlets, new, work / "outlets.xml")
    with open(work / "key.tsv", "w", encoding="utf-8") as f:
        f.write("digest\tid\tlanguage\toutlet\tevent\n")
        for d, r in sorted(by_digest.items(), key=lambda x: x[1]["id"]):
            f.write("%s\t%s\t%s\t%s\t%s\n" % (d, r["id"], r.get("language", ""), r["outlet_id"],
                                              r["event"]))
    return by_digest, missing, empty, notes, sorted(new)


# ---------------------------------------------------------------- scoring


def bcubed_per_article(gold, predicted):
    """article -> (precision, recall); articles absent from `predicted` are singletons."""
    pred = {a: predicted.get(a, ("__single__", a)) for a in gold}
    by_gold, by_pred = collections.defaultdict(set), collections.defaultdict(set)
    for a in gold:
        by_gold[gold[a]].add(a)
        by_pred[pred[a]].add(a)
    out = {}
    for a in gold:
        common = len(by_pred[pred[a]] & by_gold[gold[a]])
        out[a] = (common / len(by_pred[pred[a]]), common / len(by_gold[gold[a]]))
    return out


def mean_pr(per_article, ids):
    ids = list(ids)
    p = sum(per_article[a][0] for a in ids) / len(ids)
    r = sum(per_article[a][1] for a in ids) / len(ids)
    return p, r, f1(p, r)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--manifest-glob", default=str(ROOT / "dev" / "align" / "manifest-*.tsv"),
                        help="manifests to read (default: dev/align/manifest-*.tsv of the repo)")
    parser.add_argument("--cache", default=str(ROOT / ".cache" / "align-dev"),
                        help="folder of the texts ID.txt (default: .cache/align-dev of the repo)")
    parser.add_argument("--parallax", default=os.environ.get("PARALLAX", default_binary()),
                        help="the parallax binary (default: build/release/parallax)")
    parser.add_argument("--outlets", default=str(ROOT / "corpus" / "outlets.xml"),
                        help="base outlets file, copied and extended with the manifest's outlets")
    parser.add_argument("--show", action="store_true",
                        help="list each predicted story with its members (id, language, event)")
    parser.add_argument("--keep", help="convert into this folder and keep it")
    parser.add_argument("--pin-events", action="store_true",
                        help="write the gold event as `event:` (pins stories: a sanity check of "
                             "the pipeline, expect 1.0)")
    parser.add_argument("--json", action="store_true",
                        help="also print the figures as one JSON object on the last line")
    parser.add_argument("extra", nargs="*", help="extra flags for parallax align (after --)")
    args = parser.parse_args()

    files, rows, problems = read_manifests(args.manifest_glob)
    if not files:
        sys.stderr.write("eval_align_devset: no manifest matches %s\n" % args.manifest_glob)
        return 2
    for p in problems:
        sys.stderr.write("eval_align_devset: %s\n" % p)
    if not rows:
        sys.stderr.write("eval_align_devset: no scorable rows in %s\n" % ", ".join(files))
        return 2

    with tempfile.TemporaryDirectory(prefix="parallax-aligndev-") as tmp:
        work = pathlib.Path(args.keep or tmp)
        by_digest, missing, empty, notes, new_outlets = convert(
            rows, args.cache, args.outlets, work, args.pin_events)
        if missing:
            sys.stderr.write("eval_align_devset: %d of %d texts missing in %s, skipped: %s\n" % (
                len(missing), len(rows), args.cache, " ".join(missing)))
        if empty:
            sys.stderr.write("eval_align_devset: %d texts empty, skipped: %s\n" % (
                len(empty), " ".join(empty)))
        if not by_digest:
            sys.stderr.write("eval_align_devset: no texts found: none of the %d listed ids has a "
                             "non-empty %s/ID.txt\n" % (len(rows), args.cache))
            return 2
        cmd = [args.parallax, "align", "--format", "json", "--stories-only", "--outlets",
               str(work / "outlets.xml"), *args.extra, str(work / "articles")]
        run = subprocess.run(cmd, capture_output=True, text=True)
        stderr_lines = [l for l in run.stderr.splitlines() if l.strip()]
        try:
            alignment = json.loads(run.stdout)
        except json.JSONDecodeError:
            sys.stderr.write(run.stderr)
            sys.stderr.write("eval_align_devset: %s exited %d without JSON\n" % (
                " ".join(cmd), run.returncode))
            return run.returncode or 1
        errors = [l for l in stderr_lines if ": error:" in l]
        for line in errors:
            sys.stderr.write(line + "\n")

    gold = {d: r["event"] for d, r in by_digest.items()}
    predicted = {}
    for story in alignment["stories"]:
        for a in story["articles"]:
            predicted[a] = story["id"]
    unplaced = sorted(by_digest[d]["id"] for d in gold if d not in predicted)
    per_article = bcubed_per_article(gold, predicted)
    overall = mean_pr(per_article, gold)
    reference = score(gold, predicted)  # eval_alignment's figures: a cross-check and pairwise
    assert all(abs(x - y) < 1e-9 for x, y in zip(overall, reference["bcubed"]))

    languages = collections.defaultdict(list)
    for d, r in by_digest.items():
        languages[r.get("language") or "?"].append(d)
    events = collections.Counter(gold.values())
    stories_here = set(predicted.get(d, ("single", d)) for d in gold)

    print("manifests: %s" % ", ".join(os.path.relpath(f) for f in files))
    print("articles: %d scored (%d listed, %d text missing, %d empty); gold events: %d; "
          "predicted stories: %d" % (len(gold), len(rows), len(missing), len(empty), len(events),
                                     len(stories_here)))
    if unplaced:
        print("not in any predicted story (counted as singletons): %s" % " ".join(unplaced))
    print("outlets: %d new ids declared in the temporary outlets file%s" % (
        len(new_outlets), "".join("; " + n for n in sorted(notes))))
    untitled = sum(1 for r in by_digest.values() if not r["clean_title"])
    retitled = sum(1 for r in by_digest.values()
                   if r["clean_title"] and r["clean_title"] != one_line(r.get("title", "")))
    print("titles: %d written without a title (unusable [url-slug] stand-in), %d with a "
          "stand-in tag removed or a slug turned into words" % (untitled, retitled))
    if stderr_lines:
        print("parallax align: exit %d, %d diagnostics on stderr (%d errors)" % (
            run.returncode, len(stderr_lines), len(errors)))
    if args.pin_events:
        print("NOTE: --pin-events: stories are pinned to the gold events; the scores are a check")
    print()
    print("BCubed  %-8s precision %.4f  recall %.4f  F1 %.4f   (%d articles)" % (
        "all", *overall, len(gold)))
    for lang in sorted(languages, key=lambda l: (-len(languages[l]), l)):
        ids = languages[lang]
        p, r, f = mean_pr(per_article, ids)
        n_events = len(set(gold[d] for d in ids))
        print("BCubed  %-8s precision %.4f  recall %.4f  F1 %.4f   (%d articles, %d events)" % (
            lang, p, r, f, len(ids), n_events))
    pp, pr, pf = reference["pairwise"]
    print("pairwise all      precision %.4f  recall %.4f  F1 %.4f" % (pp, pr, pf))

    if args.show:
        print("\npredicted stories:")
        members = collections.defaultdict(list)
        for d in gold:
            members[predicted.get(d, ("single", d))].append(d)
        # A story of untitled articles is labelled with an article id: show the manifest id.
        labels = {s["id"]: by_digest[s["label"]]["id"] if s.get("label") in by_digest
                  else s.get("label", "") for s in alignment["stories"]}
        order = sorted(members, key=lambda k: (-len(members[k]),
                                               min(by_digest[d]["id"] for d in members[k])))
        for k in order:
            ds = sorted(members[k], key=lambda d: by_digest[d]["id"])
            story_events = collections.Counter(gold[d] for d in ds)
            name = k if isinstance(k, str) else "(not placed)"
            print("  %s  %d articles, %d events  %s" % (
                name, len(ds), len(story_events), one_line(labels.get(k, ""))[:70]))
            for d in ds:
                r = by_digest[d]
                print("      %-10s %-3s %-22s %s" % (r["id"], r.get("language", ""),
                                                     r["outlet_id"], r["event"]))
        print("\ngold events split over stories:")
        for event in sorted(events):
            ds = [d for d in gold if gold[d] == event]
            parts = collections.Counter(predicted.get(d, ("single", d)) for d in ds)
            if len(parts) > 1:
                print("  %s: %d articles in %d stories" % (event, len(ds), len(parts)))

    if args.json:
        print(json.dumps({
            "articles": len(gold), "listed": len(rows), "missing": missing, "empty": empty,
            "events": len(events), "stories": len(stories_here),
            "bcubed": dict(zip(("precision", "recall", "f1"), [round(x, 6) for x in overall])),
            "pairwise": dict(zip(("precision", "recall", "f1"), [round(x, 6) for x in
                                                                 reference["pairwise"]])),
            "languages": {lang: dict(zip(("precision", "recall", "f1", "articles"),
                                         [round(x, 6) for x in mean_pr(per_article, ids)] +
                                         [len(ids)]))
                          for lang, ids in sorted(languages.items())},
        }, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
