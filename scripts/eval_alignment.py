#!/usr/bin/env python3
"""Scores `parallax align` stories against BASIL's gold events (triplet-uuid).

Usage:
  eval_alignment.py BASIL_DIR [--parallax BIN] [--keep DIR] [-- EXTRA_ALIGN_FLAGS...]
      converts BASIL_DIR with basil_to_articles.py into a temporary folder, runs
      `parallax align --format json --stories-only`, and scores the stories;
  eval_alignment.py --gold GOLD_JSON --prediction ALIGN_JSON
      scores an existing alignment.

Prints pairwise precision/recall/F1 (over article pairs in one story) and BCubed
precision/recall/F1 (per article: share of its predicted story that is in its gold event, and
share of its gold event found in its predicted story, averaged over articles).
"""
import argparse
import itertools
import json
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent


def f1(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def score(gold, predicted):
    """gold, predicted: article id -> cluster key. Articles missing from `predicted` count as
    singletons."""
    ids = sorted(gold)
    pred = {a: predicted.get(a, ("__single__", a)) for a in ids}
    by_gold, by_pred = {}, {}
    for a in ids:
        by_gold.setdefault(gold[a], set()).add(a)
        by_pred.setdefault(pred[a], set()).add(a)
    bp = sum(len(by_pred[pred[a]] & by_gold[gold[a]]) / len(by_pred[pred[a]]) for a in ids)
    br = sum(len(by_pred[pred[a]] & by_gold[gold[a]]) / len(by_gold[gold[a]]) for a in ids)
    bp, br = bp / len(ids), br / len(ids)
    tp = fp = fn = 0
    for a, b in itertools.combinations(ids, 2):
        same_gold = gold[a] == gold[b]
        same_pred = pred[a] == pred[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    pp = tp / (tp + fp) if tp + fp else 1.0
    pr = tp / (tp + fn) if tp + fn else 1.0
    return {"pairwise": (pp, pr, f1(pp, pr)), "bcubed": (bp, br, f1(bp, br))}


def stories_of(alignment):
    out = {}
    for story in alignment["stories"]:
        for a in story["articles"]:
            out[a] = story["id"]
    return out


def report(result, n):
    print(f"articles: {n}")
    for name in ("pairwise", "bcubed"):
        p, r, f = result[name]
        print(f"{name:9s} precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}")


def default_binary():
    for candidate in ("build/release/parallax", "build/debug/parallax", "build/asan/parallax"):
        path = HERE.parent / candidate
        if path.exists():
            return str(path)
    return "parallax"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("basil_dir", nargs="?")
    parser.add_argument("--gold")
    parser.add_argument("--prediction")
    parser.add_argument("--parallax", default=os.environ.get("PARALLAX", default_binary()))
    parser.add_argument("--keep", help="convert into this folder and keep it")
    parser.add_argument("extra", nargs="*", help="extra flags for parallax align (after --)")
    args = parser.parse_args()

    if args.gold and args.prediction:
        gold = json.loads(pathlib.Path(args.gold).read_text())
        alignment = json.loads(pathlib.Path(args.prediction).read_text())
        report(score(gold, stories_of(alignment)), len(gold))
        return 0
    if not args.basil_dir:
        parser.error("give BASIL_DIR, or --gold and --prediction")

    with tempfile.TemporaryDirectory(prefix="parallax-basil-") as tmp:
        work = pathlib.Path(args.keep or tmp)
        subprocess.run([sys.executable, str(HERE / "basil_to_articles.py"), args.basil_dir,
                        str(work)], check=True, stdout=subprocess.DEVNULL)
        cmd = [args.parallax, "align", "--format", "json", "--stories-only", "--outlets",
               str(work / "outlets.xml"), *args.extra, str(work / "articles")]
        run = subprocess.run(cmd, check=False, capture_output=True, text=True)
        if run.returncode not in (0,):
            sys.stderr.write(run.stderr)
            return run.returncode or 1
        alignment = json.loads(run.stdout)
        gold = json.loads((work / "gold.json").read_text())
        report(score(gold, stories_of(alignment)), len(gold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
