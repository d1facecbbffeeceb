#!/usr/bin/env python3
"""Measures article-body extraction against the extraction-dev benchmark.

Runs `BUILD/parallax extract --format json PAGE.html.gz` on every page of the data set,
writes prediction.json ({key: {"articleBody": ...}}), scores it with the benchmark's own
score.py (4-token shingles, precision/recall averaged over pages) and prints F1, precision,
recall and pages per second. With --compare-readability it also runs readability-lxml on the
same pages (in-process, so its figure excludes process start-up while ours includes it) and
prints its pages per second and the speed ratio.

usage:
  scripts/eval_extraction.py [BUILD_DIR] [--data DIR] [--driver CMD] [--worst N]
                             [--compare-readability] [--prediction FILE]

BUILD_DIR defaults to build/release of this repository. --driver replaces the `parallax extract
--format json` command (the page path is appended). --worst N lists the N lowest-scoring pages.
"""
import argparse
import importlib.util
import json
import os
import resource
import shlex
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(REPO, '..', 'shared', 'data', 'extraction-dev')


def maybe_reexec_for_readability():
    """readability-lxml is a Debian package; a pyenv/venv python may not see it."""
    try:
        import readability  # noqa: F401
        import lxml  # noqa: F401
        return
    except ImportError:
        pass
    system = '/usr/bin/python3'
    if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system) \
            and not os.environ.get('PARALLAX_EVAL_REEXEC'):
        os.environ['PARALLAX_EVAL_REEXEC'] = '1'
        os.execv(system, [system] + sys.argv)
    sys.exit('readability-lxml is not importable (apt-get install python3-readability)')


def load_scorer(data_dir):
    spec = importlib.util.spec_from_file_location('extraction_score',
                                                  os.path.join(data_dir, 'score.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages(data_dir):
    html_dir = os.path.join(data_dir, 'html')
    for name in sorted(os.listdir(html_dir)):
        if name.endswith('.html.gz'):
            yield name[:-len('.html.gz')], os.path.join(html_dir, name)


def run_ours(command, page_list):
    prediction, failures = {}, []
    cpu_start = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    for key, path in page_list:
        proc = subprocess.run(command + [path], capture_output=True)
        body = ''
        if proc.returncode == 0:
            try:
                body = json.loads(proc.stdout.decode('utf-8', 'replace')).get('articleBody', '')
            except json.JSONDecodeError:
                failures.append((key, 'output is not JSON'))
        else:
            failures.append((key, proc.stderr.decode('utf-8', 'replace').strip()[:200]))
        prediction[key] = {'articleBody': body}
    wall = time.perf_counter() - start
    cpu_end = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_end.ru_utime - cpu_start.ru_utime) + (cpu_end.ru_stime - cpu_start.ru_stime)
    return prediction, failures, wall, cpu


def run_readability(page_list):
    import gzip
    import lxml.html
    from readability import Document
    prediction = {}
    start = time.perf_counter()
    cpu_start = time.process_time()
    for key, path in page_list:
        with gzip.open(path, 'rb') as f:
            raw = f.read()
        try:
            summary = Document(raw).summary(html_partial=True)
            tree = lxml.html.fromstring(summary)
            body = '\n\n'.join(t.strip() for t in tree.itertext() if t.strip())
        except Exception:  # readability raises on some pages; count them as empty
            body = ''
        prediction[key] = {'articleBody': body}
    return prediction, time.perf_counter() - start, time.process_time() - cpu_start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('build_dir', nargs='?', default=os.path.join(REPO, 'build', 'release'))
    parser.add_argument('--data', default=DEFAULT_DATA, help='extraction-dev directory')
    parser.add_argument('--driver', help='command to run instead of BUILD/parallax extract')
    parser.add_argument('--prediction', default=None, help='where to write prediction.json')
    parser.add_argument('--worst', type=int, default=0, help='list the N worst pages')
    parser.add_argument('--compare-readability', action='store_true')
    args = parser.parse_args()

    if args.compare_readability:
        maybe_reexec_for_readability()
    data_dir = os.path.abspath(args.data)
    if not os.path.isdir(data_dir):
        sys.exit(f'no data at {data_dir} (pass --data)')
    if args.driver:
        command = shlex.split(args.driver)
    else:
        binary = os.path.join(args.build_dir, 'parallax')
        if not os.access(binary, os.X_OK):
            sys.exit(f'{binary} not found: build it, or pass the build directory or --driver')
        command = [binary, 'extract', '--format', 'json']

    scorer = load_scorer(data_dir)
    truth = scorer.load(os.path.join(data_dir, 'ground-truth.json'))
    page_list = [(k, p) for k, p in pages(data_dir) if k in truth]
    keys = [k for k, _ in page_list]

    prediction, failures, seconds, cpu = run_ours(command, page_list)
    out = args.prediction or os.path.join(os.environ.get('TMPDIR', '/tmp'),
                                          'parallax-extraction-prediction.json')
    with open(out, 'w', encoding='utf8') as f:
        json.dump(prediction, f, ensure_ascii=False)
    f1, p, r = scorer.score(truth, prediction, keys)
    ours_pps = len(keys) / seconds
    ours_cpu_pps = len(keys) / max(cpu, 1e-9)
    print(f'parallax: F1 {f1:.3f} precision {p:.3f} recall {r:.3f} pages {len(keys)}')
    print(f'  speed: {ours_pps:.1f} pages/s wall, {ours_cpu_pps:.1f} pages per CPU-second '
          f'(one process per page, start-up included)')
    print(f'prediction written to {out}')
    for key, why in failures:
        print(f'  failed: {key}: {why}')

    if args.worst:
        rows = []
        for k in keys:
            tp, fp, fn = scorer.page(truth[k].get('articleBody', ''),
                                     prediction[k]['articleBody'])
            pr, rc = scorer.prec(tp, fp, fn), scorer.rec(tp, fp, fn)
            f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
            rows.append((f, pr, rc, k))
        rows.sort()
        print(f'worst {args.worst} pages (F1 precision recall key url):')
        for f, pr, rc, k in rows[:args.worst]:
            print(f'  {f:.3f} {pr:.3f} {rc:.3f} {k[:16]} {truth[k].get("url", "")}')

    if args.compare_readability:
        rpred, rseconds, rcpu = run_readability(page_list)
        rf1, rp, rr = scorer.score(truth, rpred, keys)
        r_pps = len(keys) / rseconds
        r_cpu_pps = len(keys) / max(rcpu, 1e-9)
        print(f'readability-lxml: F1 {rf1:.3f} precision {rp:.3f} recall {rr:.3f}')
        print(f'  speed: {r_pps:.1f} pages/s wall, {r_cpu_pps:.1f} pages per CPU-second '
              f'(in-process, no start-up)')
        print(f'speed ratio parallax/readability-lxml: {ours_pps / r_pps:.1f}x wall, '
              f'{ours_cpu_pps / r_cpu_pps:.1f}x CPU')


if __name__ == '__main__':
    main()
