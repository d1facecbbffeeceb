#!/usr/bin/python3
"""Pathological inputs: time and peak memory per MB for each stage, on inputs that double.

A corpus can hold text made to be hard, or text that is hard by accident (a page pasted as one
line, a list of quotations, a table of dates). Every stage must stay near-linear in time and
linear in memory whatever the input. For each stage this script writes one article of a kind
that stresses it, at sizes that double (1, 2, 4, ... MB), runs the command that performs the
stage, and prints wall time, peak memory (RSS of the process), their ratios per doubling and
peak memory as a multiple of the input size:

  quotes     a dense run of quotation marks of every kind, "he said" and commas, no full stop
  sentences  one sentence of ordinary words with no sentence end at all
  dates      dates and weekdays in English and Russian, one after another
  matcher    lexicon forms (naming variants, loaded terms, actors) one after another
  claims     two articles of one story, each one long run of the same words (align: events
             and claims compare sentences of both)
  annotate   the whole annotator on the quotes input

Each run is one process of bench/stage_runner (built with -DPARALLAX_BUILD_BENCH=ON, target
stage_runner), which reads the input and performs that stage alone, by the library calls the
pipeline makes (FindQuotes, SplitSentences with the cap on long runs, FindDates in English and
Russian, the matcher with the shipped lexicons' forms, Align for claims); `annotate` runs the
whole annotator on the quotes input as well. Peak memory is the process's, input included.
Requirement (issue #16): at most 2.3x time per doubling and peak memory under 20x the input
size, up to 64 MB.

Usage: bench/pathological.py [--build build/release] [--max-mb 64] [--stages quotes,claims]
       [--keep DIR]
Takes a few minutes per stage at 64 MB. Needs /usr/bin/time (Debian package `time`) for peak
memory.
"""
import argparse
import os
import pathlib
import random
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
MB = 1 << 20

WORDS = ("the road was blocked by activists who said that peace talks between the two "
         "governments would resume soon according to officials in both capitals").split()
QUOTE_PIECES = ["“", "”", "‘", "’", "\"", "«", "»", "'", " he said ", " word ", ", ",
                " according to officials ", "„", "“"]
DATE_PIECES = ["on 12 December 2022 ", "on Monday ", "Dec. 12 ", "12 декабря 2022 года ",
               "в понедельник ", "in December 2022 ", "between 1 and 5 May ", "2023-04-23 ",
               "last week ", "on Sept. 19, 2023, "]
MATCHER_PIECES = ["Lachin corridor ", "Stepanakert ", "Khankendi ", "eco-activists ",
                  "so-called ", "Nagorno-Karabakh ", "Artsakh ", "separatist authorities ",
                  "ethnic cleansing ", "Ilham Aliyev ", "Nikol Pashinyan ", "Лачинский коридор ",
                  "Степанакерт ", "блокада ", "peacekeepers ", "humanitarian crisis "]


def body_of(stage, size, rng):
    """`size` bytes (about) of text that stresses `stage`."""
    pieces = {"quotes": QUOTE_PIECES, "annotate": QUOTE_PIECES, "dates": DATE_PIECES,
              "matcher": MATCHER_PIECES}.get(stage)
    out = []
    n = 0
    while n < size:
        piece = rng.choice(pieces) if pieces else rng.choice(WORDS) + " "
        out.append(piece)
        n += len(piece.encode("utf-8"))
    return "".join(out)


def write_inputs(stage, size, folder, rng):
    """Writes the input of one run (plain text) into `folder`; returns the paths to give."""
    folder.mkdir(parents=True, exist_ok=True)
    if stage == "claims":
        paths = []
        for i in range(2):
            path = folder / ("%03d.txt" % i)
            path.write_text(body_of("sentences", size // 2, rng), encoding="utf-8")
            paths.append(path)
        return paths
    path = folder / "000.txt"
    path.write_text(body_of(stage, size, rng), encoding="utf-8")
    return [path]


def measure(cmd):
    """Runs the stage runner; returns (stage seconds, peak RSS MB, exit code, stderr)."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    lines = proc.stderr.strip().splitlines()
    try:
        peak_kb = int(lines[-1]) if lines else 0
    except ValueError:
        peak_kb = 0
    fields = proc.stdout.split()
    seconds = float(fields[2]) if len(fields) >= 4 else float("nan")
    return seconds, peak_kb / 1024.0, proc.returncode, proc.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=str(ROOT / "build" / "release"))
    parser.add_argument("--max-mb", type=int, default=64, help="largest input (a power of two)")
    parser.add_argument("--stages", default="quotes,sentences,dates,matcher,claims,annotate")
    parser.add_argument("--keep", help="write the inputs here and keep them")
    args = parser.parse_args()
    runner = pathlib.Path(args.build) / "bench" / "stage_runner"
    if not runner.exists():
        sys.exit("pathological.py: %s not found; build it: cmake --preset release "
                 "-DPARALLAX_BUILD_BENCH=ON && cmake --build --preset release --target "
                 "stage_runner" % runner)
    sizes = []
    mb = 1
    while mb <= args.max_mb:
        sizes.append(mb)
        mb *= 2
    met = True
    print("%-10s %6s %9s %9s %8s %8s %6s" % ("stage", "MB", "time s", "peak MB", "x time",
                                          "x peak", "peak/in"))
    with tempfile.TemporaryDirectory(prefix="parallax-patho-") as tmp:
        base = pathlib.Path(args.keep or tmp)
        for stage in [s for s in args.stages.split(",") if s]:
            previous = None
            for mb in sizes:
                rng = random.Random(mb)
                folder = base / stage / ("%dmb" % mb)
                paths = write_inputs(stage, mb * MB, folder, rng)
                cmd = [str(runner), stage] + [str(p) for p in paths]
                wall, peak, code, err = measure(cmd)  # the stage's own time, input read excluded
                if code not in (0,):
                    print("%-10s %6d  exit %d: %s" % (stage, mb, code, err.strip()[-300:]))
                    met = False
                    break
                ratio_t = wall / previous[0] if previous and previous[0] > 0.05 else float("nan")
                ratio_m = peak / previous[1] if previous and previous[1] > 0 else float("nan")
                per_input = peak / mb
                print("%-10s %6d %9.2f %9.1f %8.2f %8.2f %6.1f" % (
                    stage, mb, wall, peak, ratio_t, ratio_m, per_input), flush=True)
                if previous and previous[0] > 0.5 and ratio_t > 2.3:
                    met = False
                if mb >= 4 and per_input >= 20:
                    met = False
                previous = (wall, peak)
                if not args.keep:
                    for f in folder.iterdir():
                        f.unlink()
    print("requirement (each stage at most x2.3 time per doubling, peak memory under 20x the "
          "input from 4 MB on): %s" % ("met" if met else "NOT met"))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
