#!/usr/bin/env python3
"""Measures main-text extraction on both evaluation sets of ../shared/data in one run.

  extraction-dev    88 news and blog pages with their true article body; scored by the set's own
                    score.py: 4-token shingles, precision and recall averaged over pages.
  extraction-dev-2  949 pages (mostly German; news, blogs, shops, institutions) with text
                    segments that must be in the extraction and boilerplate segments that must
                    not; scored by the set's score.py method: segments found after collapsing
                    white space, precision, recall and F1 over all segments.

Each set is extracted by ONE process, `BUILD/parallax extract --format jsonl PAGE...`, so the
pages per second printed for extraction-dev-2 are batch throughput (start-up paid once). With
--compare-readability readability-lxml (python3-readability) runs in-process on extraction-dev-2
too, for its F1 and pages per second.

usage:
  scripts/eval_extraction.py [BUILD_DIR] [--data DIR] [--worst N] [--show]
                             [--compare-readability] [--keys-from FILE] [--out DIR]

BUILD_DIR defaults to build/release of this repository; --data to ../shared/data beside the
repository. --worst N (default 10) lists the N worst pages of each set; --show prints, for the
worst pages of extraction-dev-2, the segments lost and the boilerplate kept. The prediction files
go to --out (default $TMPDIR or /tmp).
"""
import argparse
import gzip
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(REPO, '..', 'shared', 'data')
DEV, DEV2 = 'extraction-dev', 'extraction-dev-2'


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


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages(data_dir):
    html_dir = os.path.join(data_dir, 'html')
    for name in sorted(os.listdir(html_dir)):
        if name.endswith('.html.gz'):
            yield name[:-len('.html.gz')], os.path.join(html_dir, name)


def key_of(path):
    return os.path.basename(path)[:-len('.html.gz')]


def extract_batch(binary, page_list):
    """One `parallax extract --format jsonl` process over all pages: predictions, failures,
    wall seconds."""
    command = [binary, 'extract', '--format', 'jsonl'] + [p for _, p in page_list]
    cpu_start = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True)
    seconds = time.perf_counter() - start
    cpu_end = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_end.ru_utime - cpu_start.ru_utime) + (cpu_end.ru_stime - cpu_start.ru_stime)
    prediction, failures = {}, []
    for line in proc.stdout.decode('utf-8', 'replace').split('\n'):
        if not line:
            continue
        record = json.loads(line)
        key = key_of(record['file'])
        if 'error' in record:
            failures.append((key, record['error']))
        prediction.setdefault(key, {'articleBody': record.get('articleBody', ''),
                                   'title': record.get('title', '')})
    for key, _ in page_list:
        prediction.setdefault(key, {'articleBody': ''})
    if proc.returncode not in (0, 2) or (proc.returncode == 2 and not failures):
        sys.exit(f'{binary} extract failed ({proc.returncode}): '
                 f'{proc.stderr.decode("utf-8", "replace")[:500]}')
    return prediction, failures, seconds, cpu


def run_readability(page_list):
    import lxml.html
    from readability import Document
    prediction = {}
    start = time.perf_counter()
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
    return prediction, time.perf_counter() - start


def norm(s):
    """White space collapsed, as extraction-dev-2's score.py compares segments."""
    return re.sub(r'\s+', ' ', s or '').strip()


def segment_counts(item, body):
    """(found 'with' segments, lost ones, kept 'without' segments, left-out ones) of one page,
    by extraction-dev-2's score.py method (plain substring after collapsing white space)."""
    text = norm(body)
    found = [w for w in item['with'] if norm(w) in text]
    lost = [w for w in item['with'] if norm(w) not in text]
    kept = [w for w in item['without'] if norm(w) in text]
    return found, lost, kept


def segment_score(segments, prediction, keys):
    tp = fp = fn = 0
    for k in keys:
        found, lost, kept = segment_counts(segments[k], prediction.get(k, {}).get('articleBody'))
        tp += len(found)
        fn += len(lost)
        fp += len(kept)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return f, p, r


def worst_dev(scorer, truth, prediction, keys, n):
    rows = []
    for k in keys:
        tp, fp, fn = scorer.page(truth[k].get('articleBody', ''), prediction[k]['articleBody'])
        pr, rc = scorer.prec(tp, fp, fn), scorer.rec(tp, fp, fn)
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        rows.append((f, pr, rc, k))
    rows.sort()
    print(f'  worst {n} pages (F1 precision recall key url):')
    for f, pr, rc, k in rows[:n]:
        print(f'    {f:.3f} {pr:.3f} {rc:.3f} {k[:16]} {truth[k].get("url", "")}')


def worst_dev2(segments, prediction, keys, n, show):
    rows = []
    for k in keys:
        _, lost, kept = segment_counts(segments[k], prediction[k]['articleBody'])
        rows.append((len(lost) + len(kept), len(lost), len(kept), k))
    rows.sort(key=lambda r: (-r[0], r[3]))
    print(f'  worst {n} pages (segments lost, boilerplate kept, key, url):')
    for _, nl, nk, k in rows[:n]:
        print(f'    lost {nl}/{len(segments[k]["with"])} kept {nk}/{len(segments[k]["without"])} '
              f'{k} {segments[k].get("url", "")}')
        if show:
            _, lost, kept = segment_counts(segments[k], prediction[k]['articleBody'])
            for w in lost:
                print(f'      - lost: {norm(w)[:100]}')
            for w in kept:
                print(f'      + kept: {norm(w)[:100]}')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('build_dir', nargs='?', default=os.path.join(REPO, 'build', 'release'))
    parser.add_argument('--data', default=DEFAULT_DATA, help='the folder holding both sets')
    parser.add_argument('--worst', type=int, default=10, help='list the N worst pages of each')
    parser.add_argument('--show', action='store_true',
                        help='print lost and kept segments of the worst extraction-dev-2 pages')
    parser.add_argument('--keys-from', help='score only the page keys listed in FILE (one a line)')
    parser.add_argument('--out', default=os.environ.get('TMPDIR', '/tmp'),
                        help='where the prediction files go')
    parser.add_argument('--compare-readability', action='store_true')
    args = parser.parse_args()

    if args.compare_readability:
        maybe_reexec_for_readability()
    data = os.path.abspath(args.data)
    missing = [d for d in (DEV, DEV2) if not os.path.isdir(os.path.join(data, d))]
    if missing:
        sys.exit(f'evaluation data not found: {", ".join(os.path.join(data, d) for d in missing)}\n'
                 f'The sets live in ../shared/data beside the repository; pass --data DIR.')
    binary = os.path.join(args.build_dir, 'parallax')
    if not os.access(binary, os.X_OK):
        sys.exit(f'{binary} not found: build it (cmake --preset release && cmake --build '
                 f'--preset release), or pass the build directory')
    only = None
    if args.keys_from:
        with open(args.keys_from, encoding='utf8') as f:
            only = {line.strip() for line in f if line.strip()}

    # extraction-dev: shingle F1 averaged over pages.
    dev_dir = os.path.join(data, DEV)
    scorer = load_module(os.path.join(dev_dir, 'score.py'), 'extraction_dev_score')
    truth = scorer.load(os.path.join(dev_dir, 'ground-truth.json'))
    dev_pages = [(k, p) for k, p in pages(dev_dir) if k in truth and (only is None or k in only)]
    dev_keys = [k for k, _ in dev_pages]
    dev_pred, dev_failures, _, _ = extract_batch(binary, dev_pages)
    with open(os.path.join(args.out, 'parallax-extraction-dev.json'), 'w', encoding='utf8') as f:
        json.dump(dev_pred, f, ensure_ascii=False)
    f1, p, r = scorer.score(truth, dev_pred, dev_keys)
    print(f'{DEV}: F1 {f1:.3f} precision {p:.3f} recall {r:.3f} pages {len(dev_keys)}')
    for key, why in dev_failures:
        print(f'  failed: {key}: {why}')
    if args.worst:
        worst_dev(scorer, truth, dev_pred, dev_keys, args.worst)

    # extraction-dev-2: segments over all pages.
    dev2_dir = os.path.join(data, DEV2)
    with open(os.path.join(dev2_dir, 'segments.json'), encoding='utf8') as f:
        segments = json.load(f)
    dev2_pages = [(k, p) for k, p in pages(dev2_dir)
                  if k in segments and (only is None or k in only)]
    dev2_keys = [k for k, _ in dev2_pages]
    dev2_pred, dev2_failures, seconds, cpu = extract_batch(binary, dev2_pages)
    out2 = os.path.join(args.out, 'parallax-extraction-dev-2.json')
    with open(out2, 'w', encoding='utf8') as f:
        json.dump(dev2_pred, f, ensure_ascii=False)
    f1, p, r = segment_score(segments, dev2_pred, dev2_keys)
    print(f'{DEV2}: F1 {f1:.3f} precision {p:.3f} recall {r:.3f} pages {len(dev2_keys)}')
    pps = len(dev2_keys) / seconds
    load = os.getloadavg()[0]
    print(f'  speed: {pps:.1f} pages/s wall ({len(dev2_keys)} pages in {seconds:.2f} s, one '
          f'`extract --format jsonl` process, start-up included; {os.cpu_count()} cores, '
          f'load average {load:.1f})')
    print(f'         {len(dev2_keys) / max(cpu, 1e-9):.1f} pages per CPU-second; target: 5x '
          f'readability-lxml (43.5 pages/s measured here in-process) = {5 * 43.5:.0f} pages/s')
    for key, why in dev2_failures:
        print(f'  failed: {key}: {why}')
    if args.worst:
        worst_dev2(segments, dev2_pred, dev2_keys, args.worst, args.show)
    print(f'predictions written to {args.out}/parallax-extraction-dev*.json')

    if args.compare_readability:
        rpred, rseconds = run_readability(dev2_pages)
        rf1, rp, rr = segment_score(segments, rpred, dev2_keys)
        r_pps = len(dev2_keys) / rseconds
        print(f'readability-lxml on {DEV2}: F1 {rf1:.3f} precision {rp:.3f} recall {rr:.3f}; '
              f'{r_pps:.1f} pages/s in-process')
        print(f'speed ratio parallax/readability-lxml: {pps / r_pps:.1f}x')


if __name__ == '__main__':
    main()
