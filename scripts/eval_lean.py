#!/usr/bin/env python3
"""Naming lean of articles against their outlet's side, on the multilingual development set.

The set: manifests dev/align/manifest-*.tsv (columns id, url, outlet, language, side, event, date,
title) and the texts .cache/align-dev/ID.txt (gitignored; see dev/align/README.md). Each row's
story group is its `group` column when the manifest has one (Georgia, Russia-Ukraine or
Karabakh), else its id's prefix (g-* Georgia, u-* Russia-Ukraine, k20-* Karabakh), else --group;
a row with none of them is listed and not scored.

What is measured, with the tool's own notions:
  - Each gold event is one story. Its articles are written as article files into one folder,
    each article under an outlet of its own (so the report's per-outlet profile is the
    article's), and `parallax report --format json` runs on the folder with the shipped
    lexicons (common/*.xml and every story pack lexicons/*.xml), as a facilitator would run it.
    Lexicon fit applies: a story pack that does not fit the story counts only in articles that
    name its places or actors.
  - An article's lean is read from its report profile, in two variants printed one after the
    other:
      * lean (the figures of record): own-voice naming forms by perspective (the report's
        `naming[].own_by_perspective`) plus own-voice uses of loaded terms a side owns
        (`loaded_terms.terms[]` with a perspective, `own`). "none" (forms no side owns) does not
        count. The `international` perspective (the neutral, shared vocabulary: Nagorno-Karabakh,
        South Ossetia) is the lean only when the article uses no side's forms: an article that
        writes "Nagorno-Karabakh" three times and "Artsakh" twice leans Armenian.
      * strict naming lean: own-voice naming forms only, and `international` counts like any
        side (the plurality of the report's "own-voice naming forms by perspective" row).
      * for context, not a lean: the same count over every voice the article carries (its own,
        the quotations and the reported speech in it; forms held at a distance excluded). The
        difference from the lean's coverage is the articles whose side's forms the lexicon finds
        only in the words of the people they quote or report, not in the outlet's own voice.
    An article with such forms has a lean; when two perspectives tie the lean is "mixed" (it has
    a lean that agrees with no side).
  - An outlet has a clear side when its manifest `side` is a party to the story group's conflict
    (PARTIES below: the sides whose usage the story pack records as a perspective). `other` is
    never one; `western` (and, for Georgia, the Russian and Ukrainian outlets, and for Karabakh
    the Russian ones) are reported beside the figures as context, with no target.
  - Per story group and language: n (articles of outlets with a clear side), coverage (share of
    them with a lean) and agreement (share of those whose lean is a perspective of the outlet's
    side).

With --draft N it also runs `parallax lexicon draft` on each story group's articles (all its
events, under their real outlets) and prints the top N candidates of each.

Usage:
  eval_lean.py [--manifest-glob GLOB] [--cache DIR] [--parallax BIN] [--keep DIR] [--show]
               [--draft N] [--group Georgia|Russia-Ukraine|Karabakh]
Texts missing from the cache are named on stderr and skipped (the figures say how many were
scored). Exit 0 when it ran (figures printed), 2 when no text or the binary is missing or no row
has a story group.
"""
import argparse
import collections
import json
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True
from eval_align_devset import (article_text, clean_title, convert,  # noqa: E402
                               read_manifests, write_outlets)
from eval_alignment import default_binary  # noqa: E402

GROUPS = {"g": "Georgia", "u": "Russia-Ukraine", "k20": "Karabakh"}

# Side (manifest) -> perspectives (lexicon) that agree with it, per story group: the parties.
PARTIES = {
    "Georgia": {"georgian-government": {"georgian-government"},
                "georgian-opposition": {"georgian-opposition"}},
    "Russia-Ukraine": {"russia": {"russian-official"}, "ukraine": {"ukrainian"}},
    "Karabakh": {"azerbaijan": {"azerbaijani"}, "armenia": {"armenian", "karabakh-armenian"}},
}


NEUTRAL = "international"


def group_of(row, default=""):
    """The story group of a manifest row: its `group` column, its id's prefix, else `default`."""
    return row.get("group") or GROUPS.get(row["id"].split("-", 1)[0], default)


def lean_of(profile, with_loaded=True, neutral_last=True, voices=("own",)):
    """(lean, counts) of one article's profile (see the module docstring): the perspective with
    the most forms in `voices` (the report's own / quoted / reported counts; forms held at a
    distance never count), "mixed" on a tie, "" when the article has none."""
    counts = collections.Counter()
    for concept in profile.get("naming", []):
        for variant in concept.get("variants", []):
            per = variant.get("perspective") or "none"
            n = sum(variant.get(voice, 0) for voice in voices)
            if per != "none" and n > 0:
                counts[per] += n
    if with_loaded:
        for term in profile.get("loaded_terms", {}).get("terms", []):
            n = sum(term.get(voice, 0) for voice in voices)
            if term.get("perspective") and n > 0:
                counts[term["perspective"]] += n
    if not counts:
        return "", counts
    ranked = counts
    if neutral_last and len(counts) > 1 and NEUTRAL in counts:
        ranked = collections.Counter({k: v for k, v in counts.items() if k != NEUTRAL})
    top = ranked.most_common()
    if len(top) > 1 and top[0][1] == top[1][1]:
        return "mixed", counts
    return top[0][0], counts


def run_event(binary, rows, cache, work, outlets_base):
    """Writes the event's articles and runs the report; returns {article id: profile}."""
    folder = work / "story"
    folder.mkdir(parents=True)
    new = {}
    for row in rows:
        body = (cache / (row["id"] + ".txt")).read_text(encoding="utf-8")
        outlet = "a-" + row["id"]
        new[outlet] = ({row["language"]} if row.get("language") else set(), set())
        text = article_text(row, clean_title(row.get("title", ""), body), outlet, body, False)
        (folder / (row["id"] + ".txt")).write_text(text, encoding="utf-8")
    outlets = work / "outlets.xml"
    write_outlets(outlets_base, new, outlets)
    out = work / "report"
    cmd = [binary, "report", str(folder), "-o", str(out), "--format", "json", "--outlets",
           str(outlets), "--quiet"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), proc.returncode, proc.stderr))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    profiles = {p["outlet"][2:]: p for p in report["profiles"]}
    return profiles, report.get("lexicon_fit", [])


def pct(part, whole):
    return "%5.1f %%" % (100.0 * part / whole) if whole else "    — "


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--manifest-glob", default=str(ROOT / "dev/align/manifest-*.tsv"))
    ap.add_argument("--cache", default=str(ROOT / ".cache/align-dev"))
    ap.add_argument("--parallax", default=None)
    ap.add_argument("--outlets", default=str(ROOT / "corpus/outlets.xml"))
    ap.add_argument("--keep", default=None, help="keep the article folders and reports here")
    ap.add_argument("--show", action="store_true", help="list every article's lean")
    ap.add_argument("--draft", type=int, default=0, metavar="N",
                    help="also draft a lexicon per story group and print its top N candidates")
    ap.add_argument("--group", choices=sorted(PARTIES), default="",
                    help="story group of rows with no `group` column and an id of no known "
                    "prefix (e.g. a kept-back Karabakh manifest)")
    args = ap.parse_args()
    binary = args.parallax or default_binary()
    if not binary or not os.access(binary, os.X_OK):
        print("eval_lean: no parallax binary (build it, or give --parallax)", file=sys.stderr)
        return 2
    _, rows, problems = read_manifests(args.manifest_glob)
    for p in problems:
        print("eval_lean: " + p, file=sys.stderr)
    cache = pathlib.Path(args.cache)
    for r in rows:
        r["group"] = group_of(r, args.group)
    unknown = [r["id"] for r in rows if r["group"] not in PARTIES]
    if unknown:
        print("eval_lean: %d rows of no story group (a `group` column of %s, an id prefix of %s, or "
              "--group), not scored: %s" % (len(unknown), "/".join(sorted(PARTIES)),
                                            "/".join(p + "-" for p in GROUPS), " ".join(unknown)),
              file=sys.stderr)
    if len(unknown) == len(rows):
        print("eval_lean: no row to score", file=sys.stderr)
        return 2
    rows = [r for r in rows if r["group"] in PARTIES]
    missing = [r["id"] for r in rows if not (cache / (r["id"] + ".txt")).is_file()]
    if len(missing) == len(rows):
        print("eval_lean: no text in %s (see dev/align/README.md): %s" % (cache, " ".join(missing)),
              file=sys.stderr)
        return 2
    if missing:
        # Like eval_align_devset: a text that could not be collected again is named and skipped,
        # and the count is printed with the figures, so that a figure on fewer texts is not read
        # as one on the whole set.
        print("eval_lean: %d of %d texts missing in %s, skipped: %s" % (
            len(missing), len(rows), cache, " ".join(missing)), file=sys.stderr)
        rows = [r for r in rows if r["id"] not in set(missing)]
    by_event = collections.OrderedDict()
    for r in rows:
        by_event.setdefault((r["group"], r["event"]), []).append(r)

    tmp = tempfile.TemporaryDirectory(prefix="parallax-lean-")
    base = pathlib.Path(args.keep or tmp.name)
    results = []  # (group, language, side, lean, counts, id)
    fits = []
    for i, ((group, event), event_rows) in enumerate(by_event.items()):
        work = base / ("%02d-%s" % (i, event))
        profiles, fit = run_event(binary, event_rows, cache, work, args.outlets)
        fits.append((group, event, len(event_rows),
                     ", ".join("%s %d/%d%s" % (f["lexicon"], f["in_scope"], f["articles"],
                                               "" if f["fits"] else " (does not fit)")
                               for f in fit)))
        for r in event_rows:
            profile = profiles.get(r["id"], {})
            lean, counts = lean_of(profile)
            strict, _ = lean_of(profile, with_loaded=False, neutral_last=False)
            carried, _ = lean_of(profile, voices=("own", "quoted", "reported"))
            results.append((group, r["language"], r["side"], lean, counts, r["id"], strict,
                            carried))

    print("Texts: %d scored, %d listed with no text in the cache (named on stderr)." % (
        len(rows), len(missing)))
    print()
    print("Lexicon fit per story (articles in scope / articles):")
    for group, event, n, text in fits:
        print("  %-15s %-42s %3d  %s" % (group, event, n, text or "no story lexicon"))
    print()
    for title, col in (("lean (naming and owned loaded terms; international only when no side's form)", 3),
                       ("strict naming lean (naming forms only; international counts like a side)", 6),
                       ("for context, not the lean: the same over every voice the article carries "
                        "(own, quoted, reported; held at a distance excluded)", 7)):
        print("Articles from outlets with a clear side (a party to the story's conflict), " + title + ":")
        print("  %-15s %-5s %4s %9s %9s  %s" % ("story group", "lang", "n", "coverage", "agreement",
                                               "(with lean / agreeing)"))
        for group in GROUPS.values():
            parties = PARTIES[group]
            langs = sorted({r[1] for r in results if r[0] == group and r[2] in parties})
            if not langs:
                continue
            for lang in langs + [None]:
                sel = [r for r in results if r[0] == group and r[2] in parties and
                       (lang is None or r[1] == lang)]
                leaning = [r for r in sel if r[col]]
                agree = [r for r in leaning if r[col] in parties[r[2]]]
                print("  %-15s %-5s %4d %9s %9s  (%d / %d)" % (
                    group, lang or "all", len(sel), pct(len(leaning), len(sel)),
                    pct(len(agree), len(leaning)), len(leaning), len(agree)))
        print()
    print("Context, no target (outlets that are no party): leans per side")
    for group in GROUPS.values():
        parties = PARTIES[group]
        by_side = collections.defaultdict(collections.Counter)
        for r in results:
            if r[0] == group and r[2] not in parties:
                by_side[r[2]][r[3] or "no lean"] += 1
        for side, c in sorted(by_side.items()):
            print("  %-15s %-20s %s" % (group, side, ", ".join(
                "%s %d" % (k, v) for k, v in c.most_common())))
    if args.draft > 0:
        for prefix, group in GROUPS.items():
            work = base / ("draft-" + prefix)
            group_rows = [r for r in rows if r["group"] == group]
            if not group_rows:
                continue
            convert(group_rows, str(cache), args.outlets, work, False)
            cmd = [binary, "lexicon", "draft", str(work / "articles"), "-o", str(work / "draft.xml"),
                   "--outlets", str(work / "outlets.xml"), "--show", str(args.draft)]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            print()
            print("lexicon draft, %s (%d articles): %s" % (group, len(group_rows),
                                                          " ".join(cmd[1:3] + ["..."])))
            print(proc.stdout.rstrip() or proc.stderr.rstrip())
    if args.show:
        print()
        for group, lang, side, lean, counts, aid, strict, _ in results:
            print("  %-8s %-3s %-20s %-20s %-20s %s" % (aid, lang, side, lean or "-", strict or "-",
                                                      dict(counts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
