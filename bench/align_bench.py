#!/usr/bin/python3
"""Alignment benchmark: stories over 10,000, 20,000 and 40,000 documents of real prose.

Builds (or reuses) the prose corpora with bench/make_prose_corpus.sh, runs
`parallax align --stories-only --format json` on each, and prints wall and CPU time per size and
the cost of each doubling. With --baseline it also runs scikit-learn's exact all-pairs TF-IDF
cosine on the largest size, prints the time ratio, and the recall of our candidate pairs: the
share of documents whose exact nearest neighbour (by the baseline) is among our candidates.

Usage: bench/align_bench.py [--parallax BIN] [--cache DIR] [--sizes 10000,20000,40000]
                            [--baseline] [--full] [--repeat N]
  --full    align stories, events and claims (default: stories, the part the baseline compares)
  --repeat  run each size N times and keep the fastest run (the machine may be shared)
Requirement checked at the end: the largest size in under 20 s wall, each doubling of the size
costing at most x2.3 wall.
Runs with Debian's python3 (python3-sklearn, python3-numpy) for --baseline.
"""
import argparse
import os
import pathlib
import resource
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_align(binary, corpus, full, candidates):
    cmd = [binary, "align", "--format", "json", "--max-articles", "1000000", "--outlets",
           str(corpus / "outlets.xml"), "--candidates", str(candidates)]
    if not full:
        cmd.append("--stories-only")
    cmd.append(str(corpus / "articles"))
    cpu0, t0 = children_cpu(), time.monotonic()
    run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall, cpu = time.monotonic() - t0, children_cpu() - cpu0
    if run.returncode != 0:
        sys.exit(f"parallax align failed on {corpus}:\n{run.stderr[-2000:]}")
    return wall, cpu


def baseline(corpus, candidates):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    files = sorted((corpus / "articles").glob("*.txt"))
    ids, texts = [], []
    for f in files:
        raw = f.read_text(encoding="utf-8")
        ids.append(f.stem)
        texts.append(raw.split("\n---\n", 1)[-1])
    t0 = time.monotonic()
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=np.float32).fit_transform(
        texts)
    nearest = np.zeros(len(ids), dtype=np.int64)
    best = np.zeros(len(ids), dtype=np.float32)
    for start in range(0, len(ids), 2000):
        block = (x[start:start + 2000] @ x.T).toarray()
        for i in range(block.shape[0]):
            block[i, start + i] = -1.0
        nearest[start:start + 2000] = block.argmax(axis=1)
        best[start:start + 2000] = block.max(axis=1)
    seconds = time.monotonic() - t0
    pairs = set()
    with open(candidates, encoding="utf-8") as f:
        for line in f:
            a, b = line.split("\t")[:2]
            pairs.add((a, b))
            pairs.add((b, a))
    have = [i for i in range(len(ids)) if best[i] > 0]
    found = sum((ids[i], ids[nearest[i]]) in pairs for i in have)
    return seconds, found / max(1, len(have)), len(have)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parallax", default=str(HERE.parent / "build/release/parallax"))
    parser.add_argument("--cache", default=os.environ.get(
        "PARALLAX_BENCH_CACHE",
        os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
                     "parallax-bench")))
    parser.add_argument("--sizes", default="10000,20000,40000")
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    for n in sizes:
        corpus = pathlib.Path(subprocess.run(
            [str(HERE / "make_prose_corpus.sh"), str(n), args.cache], check=True,
            capture_output=True, text=True).stdout.strip().splitlines()[-1])
        candidates = corpus / "candidates.tsv"
        runs = [run_align(args.parallax, corpus, args.full, candidates)
                for _ in range(max(1, args.repeat))]
        wall, cpu = min(runs)
        results.append((n, wall, cpu, corpus, candidates))
        print(f"{n:6d} documents: {wall:7.2f} s wall, {cpu:7.2f} s CPU", flush=True)
    ratios = []
    for (n0, w0, c0, _, _), (n1, w1, c1, _, _) in zip(results, results[1:]):
        print(f"{n0} -> {n1}: x{w1 / w0:.2f} wall, x{c1 / c0:.2f} CPU")
        if n1 == 2 * n0:
            ratios.append(w1 / w0)
    n, wall = results[-1][0], results[-1][1]
    ok = wall < 20 and all(r <= 2.3 for r in ratios)
    print(f"requirement (largest size under 20 s wall, each doubling at most x2.3): "
          f"{'met' if ok else 'NOT met'} ({n} documents in {wall:.2f} s"
          + (f", doublings {', '.join(f'x{r:.2f}' for r in ratios)}" if ratios else "") + ")")
    if args.baseline:
        n, wall, cpu, corpus, candidates = results[-1]
        seconds, recall, counted = baseline(corpus, candidates)
        print(f"scikit-learn all-pairs TF-IDF cosine at {n}: {seconds:.1f} s "
              f"(x{seconds / wall:.1f} our wall time)")
        print(f"recall of the baseline's nearest neighbours among our candidates: {recall:.4f} "
              f"({counted} documents with a neighbour)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
