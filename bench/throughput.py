#!/usr/bin/python3
"""Whole-command throughput: Parallax against the tools a researcher would script around.

On the prose built by bench/make_prose_text.py (at least 200 MB of English from Debian
packages, and 20,000 lexicon forms from held-out paragraphs of it), from one run, prints MB/s,
CPU seconds and peak memory of:
  * the matcher alone on one core (Google Benchmark BM_Match in bench/matcher_bench, 1,000 and
    20,000 forms) - normalise + tokenise + match, what `scan` does for each lexicon entry kind;
  * `parallax scan` over the same text as JSON Lines, the full annotation (matching, quotations
    and speakers, dates, sentences, voice): with the shipped lexicons (--threads 1), and with
    the 20,000 forms added as a lexicon (--threads 1 and --threads 2);
  * `rg -F -c -f FORMS` (case-sensitive, as the forms are lower case) and
    `LC_ALL=C grep -F -i -c -f FORMS`, output to a pipe (GNU grep stops early on /dev/null);
  * the matcher, rg and grep again on the same text wrapped at 80 columns (prose-80col.txt).
    `-c` counts matching lines, so rg and grep stop reading a line at its first match: on
    paragraph-long lines they skip most of the text, on wrapped lines much less. Parallax finds
    every occurrence either way. Both layouts are reported, with their ratios;
  * bench/notebook_count.py, a plain Python dictionary-counting script;
and the ratios. Then `scan`'s peak memory on 50 MB and on 500 MB of input (it must not grow).

Usage: bench/throughput.py [--build build/release] [--cache DIR] [--skip-python]
Needs: ripgrep, grep, python3; matcher_bench from a build with -DPARALLAX_BUILD_BENCH=ON.
"""
import argparse
import os
import pathlib
import re
import subprocess
import sys
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent


def run(cmd, stdin=None, env=None):
    """Runs cmd with stdout to a pipe; returns (wall s, CPU s, peak RSS MB, stdout)."""
    start = time.monotonic()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as source:
        proc = subprocess.Popen(cmd, stdin=source, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env)
        # Standard error is drained beside standard output: a command that warns more than a
        # pipe holds (scan on 500 MB warns about long runs) would otherwise block for ever.
        errors = []
        drain = threading.Thread(target=lambda: errors.append(proc.stderr.read()))
        drain.start()
        out = proc.stdout.read()
        drain.join()
        err = errors[0]
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # grep and rg exit 1 when nothing matched
        sys.exit(f"{' '.join(map(str, cmd))} failed ({code}):\n{err.decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=str(HERE.parent / "build/release"))
    parser.add_argument("--cache", default=None)
    parser.add_argument("--skip-python", action="store_true")
    args = parser.parse_args()
    build = pathlib.Path(args.build)
    make = [sys.executable, str(HERE / "make_prose_text.py")]
    if args.cache:
        make += ["--cache", args.cache]
    data = pathlib.Path(subprocess.run(make, check=True, capture_output=True,
                                       text=True).stdout.strip().splitlines()[-1])
    text, jsonl = data / "prose.txt", data / "prose.jsonl"
    wrapped = data / "prose-80col.txt"
    forms, lexicon = data / "forms-20000.txt", data / "forms-20000.xml"
    mb = text.stat().st_size / 1e6
    jsonl_mb = jsonl.stat().st_size / 1e6
    print(f"input: {text} ({mb:.0f} MB of prose; {jsonl_mb:.0f} MB as JSON Lines), "
          f"{forms} (20,000 forms)\n")
    rows = []

    bench = build / "bench/matcher_bench"

    def matcher(corpus, layout):
        env = dict(os.environ, PARALLAX_BENCH_CORPUS=str(corpus),
                   PARALLAX_BENCH_LEXICON=str(forms))
        _, _, _, out = run([str(bench), "--benchmark_filter=BM_Match",
                            "--benchmark_repetitions=3", "--benchmark_report_aggregates_only"],
                           env=env)
        for line in out.decode().splitlines():
            m = re.match(r"BM_Match/(\d+)_median .*bytes_per_second=([\d.]+)([kMG])/s", line)
            if m:
                scale = {"k": 1e-3, "M": 1.0, "G": 1e3}[m.group(3)]
                # Google Benchmark's M is 2^20 bytes.
                rate = float(m.group(2)) * scale * 1.048576
                rows.append((f"parallax matcher, {int(m.group(1)):,} forms, 1 core ({layout})",
                             rate, None, None))

    if bench.exists():
        matcher(text, "paragraph lines")
    else:
        print(f"({bench} not built: configure with -DPARALLAX_BUILD_BENCH=ON for the matcher)")

    parallax = str(build / "parallax")
    # The shipped lexicons alone (every story pack and the common cues), then with the 20,000
    # forms added to the common lexicons.
    wall, cpu, rss, _ = run([parallax, "scan", str(jsonl), "--threads", "1"])
    rows.append(("parallax scan (full annotation, shipped lexicons), --threads 1",
                 jsonl_mb / wall, cpu, rss))
    scan_shipped = rows[-1][1]
    for threads in (1, 2):
        wall, cpu, rss, _ = run([parallax, "scan", str(jsonl), "--threads", str(threads),
                                 "--lexicon", str(lexicon)])
        rows.append((f"parallax scan (full annotation, + 20,000 forms), --threads {threads}",
                     jsonl_mb / wall, cpu, rss))
    scan1 = rows[-2][1]
    scan2 = rows[-1][1]

    def line_tools(corpus, layout):
        wall, cpu, rss, _ = run(["rg", "-F", "-c", "-f", str(forms), str(corpus)])
        rows.append((f"rg -F -c -f FORMS ({layout})", mb / wall, cpu, rss))
        env = dict(os.environ, LC_ALL="C")
        wall2, cpu, rss, _ = run(["grep", "-F", "-i", "-c", "-f", str(forms), str(corpus)],
                                 env=env)
        rows.append((f"LC_ALL=C grep -F -i -c -f FORMS ({layout})", mb / wall2, cpu, rss))
        return mb / wall, mb / wall2

    rg, grep = line_tools(text, "paragraph lines")
    if bench.exists():
        matcher(wrapped, "80 columns")
    rg80, grep80 = line_tools(wrapped, "80 columns")
    python = None
    if not args.skip_python:
        wall, cpu, rss, out = run([sys.executable, str(HERE / "notebook_count.py"), str(forms),
                                   str(text)])
        rows.append(("python3 notebook_count.py (dictionary counting)", mb / wall, cpu, rss))
        python = mb / wall

    print(f"{'what':58s} {'MB/s':>8s} {'CPU s':>7s} {'peak MB':>8s}")
    for what, rate, cpu, rss in rows:
        cpu_s = f"{cpu:7.1f}" if cpu is not None else f"{'':7s}"
        rss_s = f"{rss:8.0f}" if rss is not None else f"{'':8s}"
        print(f"{what:58s} {rate:8.1f} {cpu_s} {rss_s}")
    print()
    for layout, rg_rate, grep_rate in (("paragraph lines", rg, grep),
                                       ("80 columns", rg80, grep80)):
        m20k = next((r[1] for r in rows if "20,000 forms" in r[0] and layout in r[0]), None)
        if m20k:
            print(f"matcher (20,000 forms, 1 core) / rg -F -c -f, {layout}:   "
                  f"x{m20k / rg_rate:.2f}")
            print(f"matcher (20,000 forms, 1 core) / LC_ALL=C grep, {layout}: "
                  f"x{m20k / grep_rate:.2f}")
    print(f"scan --threads 1 / rg: x{scan1 / rg:.2f}; / grep: x{scan1 / grep:.2f}")
    if python:
        m20k = next((r[1] for r in rows if "20,000 forms" in r[0]), None)
        if m20k:
            print(f"matcher (20,000 forms, 1 core) / python dictionary counting: "
                  f"x{m20k / python:.1f}")
        print(f"scan --threads 1 (full annotation, shipped lexicons) / python dictionary "
              f"counting: x{scan_shipped / python:.1f}")
        print(f"scan --threads 1 (full annotation, + 20,000 forms) / python dictionary counting: "
              f"x{scan1 / python:.1f}")
    print(f"scan --threads 2 / --threads 1: x{scan2 / scan1:.2f}")

    peaks = []
    for name in ("prose-50mb.jsonl", "prose-500mb.jsonl"):
        path = data / name
        wall, cpu, rss, _ = run([parallax, "scan", str(path), "--lexicon", str(lexicon)])
        peaks.append(rss)
        print(f"scan peak memory on {path.stat().st_size / 1e6:.0f} MB: {rss:.0f} MB "
              f"({path.stat().st_size / 1e6 / wall:.1f} MB/s, all cores)")
    print(f"peak memory 500 MB / 50 MB: x{peaks[1] / peaks[0]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
