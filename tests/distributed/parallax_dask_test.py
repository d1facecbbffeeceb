#!/usr/bin/python3
"""scripts/parallax_dask.py on a local Dask cluster of two workers against one machine.

  --case same        on a cluster this test starts (two workers on 127.0.0.1, reached through
                     --scheduler), the scan records and the alignment equal those of
                     `parallax scan --with-text` and `parallax align --window 7`, byte for byte.
  --case no-overlap  with --overlap 0 (the driver's own local cluster) a story crossing a window
                     edge is split, so the alignment differs from one machine's: the comparison
                     above can fail.

The articles are generated (invented names and places, fixed seed): stories of a few days told
by several outlets, many of them crossing the edge of a 7-day window. Exits 77 (skipped) when
Dask is not installed for /usr/bin/python3; scripts/setup --test installs it.
"""
import argparse
import datetime
import json
import pathlib
import random
import subprocess
import sys
import tempfile

EPOCH = datetime.date(1970, 1, 1)
OUTLETS = ["kommersant", "moscow-times", "oc-media", "eurasia-daily-monitor", "jamnews"]
SYLLABLES = ["ka", "lo", "mi", "ren", "dor", "ta", "vel", "sun", "bri", "ost", "gar", "nel",
             "pra", "zu", "hem", "lin", "cor", "va", "tes", "mar"]
EVENTS = [("flood", "flooded", "the river rose over its banks"),
          ("strike", "went on strike", "workers stopped the lines"),
          ("election", "voted", "polling stations stayed open late"),
          ("fire", "burned", "firefighters fought the blaze overnight"),
          ("summit", "met", "delegations signed a joint statement")]


def name(rng, parts):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def articles(count, seed):
    """Stories of 5-12 articles over up to 4 days each, dates spread over about a year."""
    rng = random.Random(seed)
    start = datetime.date(2023, 1, 1)
    out = []
    story = 0
    while len(out) < count:
        story += 1
        place, mayor, group = name(rng, 3), name(rng, 2) + " " + name(rng, 3), name(rng, 2)
        noun, verb, detail = rng.choice(EVENTS)
        people = rng.randint(40, 9000)
        day = start + datetime.timedelta(days=rng.randrange(360))
        for n in range(rng.randint(5, 12)):
            date = day + datetime.timedelta(days=rng.randrange(4))
            sentences = [
                f"In {place}, {people} residents {verb} on {date:%B} {date.day}, officials said.",
                f"{mayor}, the head of {place}, said the {noun} was the largest in years.",
                f"The {group} movement blamed the authorities of {place} for the {noun}.",
                f"Witnesses in {place} said {detail}.",
                f"{mayor} promised help to the {people} people of {place}.",
                f"Local reports said the {group} group would meet {mayor} again.",
            ]
            rng.shuffle(sentences)
            out.append({"id": f"gen-{story:04d}-{n:02d}", "outlet": rng.choice(OUTLETS),
                        "date": date.isoformat(), "language": "en",
                        "title": f"{place}: {noun} ({n})",
                        "text": " ".join(sentences[:rng.randint(3, 6)])})
    return out[:count]


def write_inputs(work, count, files):
    docs = articles(count, seed=21)
    paths = []
    for i in range(files):
        path = work / f"archive-{i}.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in docs[i::files]), encoding="utf-8")
        paths.append(path)
    return paths


def run(cmd, stdin=None):
    proc = subprocess.run([str(c) for c in cmd], input=stdin, capture_output=True)
    if proc.returncode != 0:
        sys.exit(f"FAIL: {' '.join(map(str, cmd))} exited with {proc.returncode}:\n"
                 f"{proc.stderr.decode(errors='replace')}")
    return proc.stdout


def one_machine(parallax, paths, overlap):
    """Records and alignment of `parallax scan` and `parallax align --window` on one machine."""
    records = run([parallax, "scan", "--with-text", "-"],
                  b"".join(p.read_bytes() for p in paths))
    alignment = run([parallax, "align", "--window", "7", "--overlap", str(overlap),
                     "--max-articles", "10000000", "--format", "json", "-"], records)
    return records, alignment


def check(ok, message):
    if not ok:
        sys.exit("FAIL: " + message)


def stories_of(alignment):
    """Article id -> the story holding it."""
    return {a: s["id"] for s in json.loads(alignment)["stories"] for a in s["articles"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parallax", required=True)
    parser.add_argument("--driver", required=True)
    parser.add_argument("--case", choices=("same", "no-overlap"), required=True)
    args = parser.parse_args()
    try:
        from distributed import LocalCluster
    except ImportError:
        print("SKIP: Dask is not installed (apt-get install python3-dask python3-distributed, "
              "or scripts/setup --test)")
        return 77

    with tempfile.TemporaryDirectory(prefix="parallax-dask-") as tmp:
        work = pathlib.Path(tmp)
        driver = [sys.executable, args.driver, "--parallax", args.parallax, "--window", "7"]
        if args.case == "same":
            paths = write_inputs(work, 3000, 3)
            records, alignment = one_machine(args.parallax, paths, 7)
            with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                              dashboard_address=None, local_directory=str(work)) as cluster:
                run(driver + ["--scheduler", cluster.scheduler_address, "--partition-mb", "0.1",
                              "--records", work / "records", "-o", work / "alignment.json",
                              str(work / "archive-*.jsonl")])
            parts = sorted((work / "records").glob("part-*.jsonl"))
            check(len(parts) >= 6, f"expected several partitions per file, got {len(parts)}")
            check(b"".join(p.read_bytes() for p in parts) == records,
                  "the distributed scan records differ from one machine's")
            distributed = (work / "alignment.json").read_bytes()
            check(len(json.loads(alignment)["stories"]) > 100, "too few stories to compare")
            check(distributed == alignment,
                  "the distributed alignment differs from `parallax align --window 7`")
            print(f"PASS: {len(records.splitlines())} records, "
                  f"{len(json.loads(alignment)['windows'])} windows: the same as one machine")
        else:
            paths = write_inputs(work, 600, 2)
            _, alignment = one_machine(args.parallax, paths, 7)
            cut = run(driver + ["--workers", "2", "--overlap", "0", *paths])
            check(cut != alignment, "with --overlap 0 the alignment still equals one machine's")
            split = stories_of(cut)
            window = {}  # article id -> its 7-day window
            for p in paths:
                for line in p.read_text(encoding="utf-8").splitlines():
                    d = json.loads(line)
                    window[d["id"]] = (datetime.date.fromisoformat(d["date"]) - EPOCH).days // 7
            crossing = [s for s in json.loads(alignment)["stories"]
                        if len({split[a] for a in s["articles"]}) > 1
                        and len({window[a] for a in s["articles"]}) > 1]
            check(crossing, "no story crossing a window edge is split without overlap")
            print(f"PASS: without overlap {len(crossing)} stories crossing a window edge are "
                  "split, so the comparison can fail")
    return 0


if __name__ == "__main__":
    sys.exit(main())
