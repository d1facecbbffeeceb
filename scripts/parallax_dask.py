#!/usr/bin/python3
"""Runs Parallax's archive pipeline on a Dask cluster, with the same output as one machine.

The map step pipes each partition of the JSON Lines input through `parallax scan --with-text`;
the records are then keyed by date window and shuffled so that each window meets its own
records and those within --overlap days of it; the reduce step pipes each window through
`parallax align --window DAYS --part WINDOW`, and one last task merges the windows with
`parallax align --merge`. The result is byte for byte what `parallax scan --with-text` and
`parallax align --window DAYS` give on one machine (the test suite checks it).

The parallax binary, the lexicons and the outlets file are shipped to every worker (as
Hadoop's -files does), so workers need only the shared libraries parallax links against. The
inputs are read by the workers: with --scheduler, give paths every worker can see.

examples:
  scripts/parallax_dask.py --window 30 archive/*.jsonl -o alignment.json
  scripts/parallax_dask.py --workers 8 --window 7 --records records/ 'crawl/2023-*.jsonl'
  scripts/parallax_dask.py --scheduler tcp://10.0.0.5:8786 --window 30 /shared/archive.jsonl

exit status: 0 done, 1 a task failed (its command and message are printed; scan's line numbers
count from the start of the task's partition), 2 bad usage. A malformed input line fails its
scan task. Article ids must be unique across the archive (`align --merge` checks).
"""
import argparse
import datetime
import glob
import hashlib
import io
import json
import os
import pathlib
import shlex
import subprocess
import sys
import tarfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
EPOCH = datetime.date(1970, 1, 1)
UNDATED = 1 << 62  # the window key of records without a date: after every dated window


class TaskError(Exception):
    pass


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="JSON Lines files (.jsonl, or .jsonl.gz read whole) or globs")
    parser.add_argument("--window", type=int, required=True, metavar="DAYS",
                        help="window length in days, as for `parallax align --window`")
    parser.add_argument("--overlap", type=int, default=7, metavar="DAYS",
                        help="days of context aligned with each window on either side "
                             "(default 7)")
    parser.add_argument("-o", "--output", help="write the alignment here (default: stdout)")
    parser.add_argument("--format", choices=("json", "text"), default="json",
                        help="of the alignment (default json)")
    parser.add_argument("--records", metavar="DIR",
                        help="also keep the scan records, as DIR/part-00000.jsonl, ... in input "
                             "order (their concatenation is what one `parallax scan` writes)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="a running Dask scheduler (tcp://host:8786); default: a local "
                             "cluster on the loopback interface")
    parser.add_argument("--workers", type=int, default=os.cpu_count(),
                        help="workers of the local cluster (default: one per core)")
    parser.add_argument("--partition-mb", type=float, default=64,
                        help="size of the input partitions each scan task reads (default 64)")
    parser.add_argument("--parallax", default=str(ROOT / "build/release/parallax"),
                        help="the binary to ship (default: build/release/parallax)")
    parser.add_argument("--lexicons", default=str(ROOT / "lexicons"),
                        help="the lexicon folder to ship (default: lexicons/)")
    parser.add_argument("--outlets", default=str(ROOT / "corpus/outlets.xml"),
                        help="the outlets file to ship (default: corpus/outlets.xml)")
    parser.add_argument("--align-args", default="", metavar="ARGS",
                        help="more flags for every `parallax align --part`, e.g. "
                             "'--no-lexicon --threshold 0.3'")
    args = parser.parse_args()
    if args.window < 1 or args.overlap < 0:
        parser.error("--window takes 1 day or more, --overlap 0 or more")
    if args.workers < 1 or args.partition_mb <= 0:
        parser.error("--workers and --partition-mb must be positive")
    for name in ("parallax", "lexicons", "outlets"):
        if not os.path.exists(getattr(args, name)):
            hint = " (build it: cmake --preset release && cmake --build --preset release)" \
                if name == "parallax" else ""
            parser.error(f"--{name} {getattr(args, name)} does not exist{hint}")
    paths = []
    for pattern in args.inputs:
        found = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
        if not found or not all(os.path.isfile(p) for p in found):
            parser.error(f"{pattern}: no such file")
        paths += [os.path.abspath(p) for p in found]
    args.inputs = paths
    return args


def bundle(args):
    """The binary, lexicons and outlets file as one .tar.gz, and a digest naming it."""
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w:gz") as tar:
        tar.add(args.parallax, "parallax")
        tar.add(args.lexicons, "lexicons")
        tar.add(args.outlets, "outlets.xml")
    return data.getvalue(), hashlib.sha256(data.getvalue()).hexdigest()[:16]


def tool_dir(digest):
    """Where the bundle lies on the worker running this task."""
    from distributed import get_worker
    return pathlib.Path(get_worker().local_directory) / f"parallax-{digest}"


def run_parallax(digest, args, stdin):
    """Runs the shipped parallax with stdin (bytes); returns its stdout or raises TaskError."""
    tools = tool_dir(digest)
    cmd = [str(tools / "parallax")] + args
    env = dict(os.environ, PARALLAX_LEXICON_DIR=str(tools / "lexicons"))
    proc = subprocess.run(cmd, input=stdin, capture_output=True, env=env)
    if proc.returncode != 0:
        raise TaskError(f"{shlex.join(cmd[1:])} exited with {proc.returncode}:\n"
                        f"{proc.stderr.decode(errors='replace')[-4000:]}")
    return proc.stdout


def scan_partition(lines, index, digest, records_dir):
    """Map: one partition of input lines to its scan records (bytes)."""
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    out = run_parallax(digest, ["scan", "--with-text", "--threads", "1",
                                "--outlets", str(tool_dir(digest) / "outlets.xml")],
                       data.encode("utf-8", "surrogateescape"))
    if records_dir:
        pathlib.Path(records_dir, f"part-{index:05d}.jsonl").write_bytes(out)
    return out


def window_keys(date, days, overlap):
    """The windows a record of this date is aligned in, and the one holding it. A superset is
    enough: `align --part` keeps only the records its window needs."""
    try:
        if len(date) == 7:  # a month: from its first day to its last
            first = datetime.date.fromisoformat(date + "-01")
            last = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
            last -= datetime.timedelta(days=1)
        else:
            first = last = datetime.date.fromisoformat(date)
    except ValueError:
        return UNDATED, [UNDATED]
    first, last = (first - EPOCH).days, (last - EPOCH).days
    return first // days, list(range((first - overlap) // days, (last + overlap) // days + 1))


def key_records(scanned, index, days, overlap):
    """Keys each record (by its position, for a stable order) to every window it is in."""
    out = []
    for n, line in enumerate(scanned.splitlines(keepends=True)):
        home, keys = window_keys(json.loads(line).get("date") or "", days, overlap)
        out += [(k, (index, n, k == home, line)) for k in keys]
    return out


def window_id(key, days):
    return "undated" if key == UNDATED else (EPOCH + datetime.timedelta(days=key * days)).isoformat()


def align_window(group, digest, days, overlap, extra):
    """Reduce: one window and its context to its unmerged alignment (a JSON line)."""
    key, items = group
    if not any(own for _, _, own, _ in items):
        return None  # context only: the window holds no article
    data = b"".join(line for *_, line in sorted(items))
    return run_parallax(digest, ["align", "--window", str(days), "--overlap", str(overlap),
                                 "--part", window_id(key, days), "--threads", "1",
                                 "--max-articles", str(len(items)),
                                 "--outlets", str(tool_dir(digest) / "outlets.xml")] + extra
                        + ["-"], data)


def merge_windows(parts, digest, fmt):
    return run_parallax(digest, ["align", "--merge", "--format", fmt,
                                 "--outlets", str(tool_dir(digest) / "outlets.xml"), "-"],
                        b"".join(p for p in parts if p))


def main():
    args = parse_args()
    try:
        import dask
        import dask.bag as db
        from distributed import Client, LocalCluster, WorkerPlugin
    except ImportError:
        sys.exit("parallax_dask: needs Dask for /usr/bin/python3: apt-get install python3-dask "
                 "python3-distributed (or scripts/setup --test)")

    class ShipParallax(WorkerPlugin):
        """Unpacks the bundle into each worker's directory, as it joins."""

        def __init__(self, data, digest):
            self.data, self.digest = data, digest

        def setup(self, worker):
            target = pathlib.Path(worker.local_directory) / f"parallax-{self.digest}"
            if not target.exists():
                with tarfile.open(fileobj=io.BytesIO(self.data)) as tar:
                    tar.extractall(target)

    if args.records:
        args.records = os.path.abspath(args.records)
        os.makedirs(args.records, exist_ok=True)
    data, digest = bundle(args)
    extra = shlex.split(args.align_args)
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, host="127.0.0.1",
                               dashboard_address=None)
        client = Client(cluster)
    with client:
        client.register_worker_plugin(ShipParallax(data, digest), name=f"parallax-{digest}")
        blocksize = int(args.partition_mb * 1e6)
        lines = db.concat([db.read_text(p, errors="surrogateescape",
                                        blocksize=None if p.endswith(".gz") else blocksize)
                           for p in args.inputs])
        scanned = [dask.delayed(scan_partition)(part, i, digest, args.records)
                   for i, part in enumerate(lines.to_delayed())]
        keyed = db.from_delayed([dask.delayed(key_records)(s, i, args.window, args.overlap)
                                 for i, s in enumerate(scanned)])
        parts = (keyed.groupby(lambda kv: kv[0], shuffle="tasks")
                 .map(lambda g: (g[0], [item for _, item in g[1]]))
                 .map(align_window, digest, args.window, args.overlap, extra))
        try:
            result = dask.delayed(merge_windows)(parts, digest, args.format).compute()
        except Exception as e:  # a TaskError comes back as a copy of the class
            if type(e).__name__ != "TaskError":
                raise
            sys.stderr.write(f"parallax_dask: a task failed: parallax {e}")
            return 1
    if args.output:
        pathlib.Path(args.output).write_bytes(result)
    else:
        sys.stdout.buffer.write(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
