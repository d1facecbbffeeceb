#!/usr/bin/env python3
"""Attribution on PolNeAR: which words are attributed content, and who is said to have said them.

Data: a PolNeAR folder (default ../shared/data/polnear-dev from the repository root) holding
metadata.tsv and SPLIT/text/NAME.txt, SPLIT/attributions/NAME_ANN.ann (brat standoff: `T` lines
`Tn<TAB>Type start end[;start end...]<TAB>text` of type Source, Cue, Content, Attribution, ...;
`E` lines `Attribution:Tx Content:Ty Cue:Tz Source:Tw`, Content2 for a second content span).
Offsets are character offsets into the raw .txt.

Gold annotator: some articles were annotated by several annotators (metadata.tsv, column
`annotators`, ids joined by "|"). Each article is scored against ONE file: that of the first
annotator listed in metadata.tsv whose file exists; when metadata names none that exists, the
first of the article's .ann files in sorted order. Articles without any .ann file are skipped.

For each article the driver (default `build/release/parallax annotate --format json {}`) is run
on a Parallax article file: a front-matter block (title and date from metadata.tsv, language en)
followed by the raw text (--no-front-matter: the raw text alone); `{}` is replaced by the path
of a temporary file (without `{}` the file is given on stdin). The driver prints one JSON
object with `body` (the cleaned text all its offsets refer to, as UTF-8 byte offsets) and either
`attributions` ([{start, end, source, source_start, source_end, cue, kind, actor, perspective}],
kind direct|reported|mixed) or, for a binary without attributions, `quotes` ([{start, end,
kind, speaker, mention?, gaps?}]); then the direct quotes (kind "direct", start..end minus gaps)
are the predicted attributed content (--predict-from quotes forces this baseline on a binary
that has attributions).

Mapping: the body may differ from the raw text (boilerplate lines dropped, whitespace and
quotes normalised). Raw text and body are both split into `\\w+` tokens (Python re, Unicode),
the token sequences (NFKC, case-folded) are aligned with difflib.SequenceMatcher
(autojunk=False) after stripping their common prefix and suffix, and each body token's labels go
to the raw token it is aligned with. Raw tokens without a counterpart (text the cleaner dropped)
count as predicted "outside"; the numbers of such tokens are printed.

Metrics:
 1. Per raw `\\w+` token, micro-averaged over all tokens of all articles: precision, recall and
    F1 of "inside attributed content". Gold: the token overlaps a Content span (all T lines of
    type Content in the chosen file). Predicted: the token overlaps a predicted span. Also per
    predicted kind: tokens predicted by spans of that kind and the share of them that is gold.
 2. Source accuracy. A gold attribution is an E line with a Content (or Content2) and a Source.
    It is eligible when at least half of its content tokens are predicted inside. Its predicted
    attribution is the one covering most of its content tokens (ties: the first in the driver's
    output). It is correct when the predicted source (`source` and `mention`, the source as
    resolved and as written: "Donald Trump" for "he"; for quotes `speaker`, else `mention`)
    shares a word with the gold Source text: words are case-folded `\\w+` tokens,
    ignoring the stop list the, a, an, of, and, 's (the token "s"), his, her, its, their, this,
    that, to, in, on, for. Printed: accuracy, eligible count, and the E lines with Content but
    no Source (Attribution-no-source), which are not scored. Gold Sources made only of stop
    words ("his", "that": about 1% of the dev ones) can never match, and a bare pronoun ("he")
    matches only a predicted pronoun, not the name it refers to; the counts of mismatches with
    an empty predicted source and with a pronoun gold Source are printed to tell these apart.

The script is deterministic: articles in sorted order, samples chosen by position, not random.

Examples:
    scripts/eval_attribution.py                       # dev split, the release build
    scripts/eval_attribution.py --split train --jobs 4 --json
    scripts/eval_attribution.py --limit 10 --show-errors 5
"""

import argparse
import bisect
import concurrent.futures
import csv
import difflib
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORD = re.compile(r"\w+")
STOP = frozenset("the a an of and s his her its their this that to in on for".split())
KINDS = ("direct", "reported", "mixed")
# Only for a diagnostic count: gold Sources that are pronouns need coreference to be matched.
PRONOUNS = frozenset("he she it they i we you him them us me".split())


# ---------------------------------------------------------------- data


def read_metadata(data):
    path = os.path.join(data, "metadata.tsv")
    rows = {}
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows[(row.get("compartment", ""), row.get("filename", ""))] = row
    return rows


def choose_annotation(data, split, name, meta):
    """The first annotator's file: first id of metadata's `annotators` that has a file, else
    the sorted first NAME_*.ann."""
    folder = os.path.join(data, split, "attributions")
    if meta:
        for ann in re.split(r"[|,; ]+", meta.get("annotators", "").strip()):
            path = os.path.join(folder, "%s_%s.ann" % (name, ann))
            if ann and os.path.exists(path):
                return path
    files = sorted(glob.glob(os.path.join(folder, glob.escape(name) + "_*.ann")))
    # NAME_ANN.ann: the annotator id holds no underscore, so "NAME_x_ANN" is another article.
    files = [f for f in files if "_" not in os.path.basename(f)[len(name) + 1:-4]]
    return files[0] if files else None


def parse_brat(path):
    """Returns (spans, events): spans id -> (type, [(start, end), ...]); events: list of
    {role: [T ids]}. Lines that do not start with an id (continuations of a span text holding
    a newline) are ignored."""
    spans, events = {}, []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\r\n")
            cols = line.split("\t")
            if len(cols) < 2:
                continue
            if re.fullmatch(r"T\d+", cols[0]):
                kind, _, ranges = cols[1].partition(" ")
                parts = []
                for r in ranges.split(";"):
                    a, b = r.split()
                    parts.append((int(a), int(b)))
                spans[cols[0]] = (kind, parts)
            elif re.fullmatch(r"E\d+", cols[0]):
                roles = {}
                for arg in cols[1].split():
                    role, _, ref = arg.partition(":")
                    roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
                events.append(roles)
    return spans, events


def tokens(text):
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def words(text):
    return set(w for w in WORD.findall(text.casefold()) if w not in STOP)


def token_indices(toks, starts, ranges):
    """Indices of the tokens overlapping any of the character ranges."""
    out = set()
    for a, b in ranges:
        i = max(0, bisect.bisect_right(starts, a) - 1)
        while i < len(toks) and toks[i][0] < b:
            if toks[i][1] > a:
                out.add(i)
            i += 1
    return out


# ---------------------------------------------------------------- driver


def front_matter_value(v):
    v = " ".join(str(v).split())
    if len(v) >= 2 and v[0] in "\"'" and v[-1] in "\"'":
        v = '"' + v + '"'  # the parser strips one pair of surrounding quotes
    return v


def article_file(text, meta):
    title = front_matter_value(meta.get("title") or "untitled")
    date = meta.get("publication_date", "")
    lines = ["---", "title: " + title]
    if re.fullmatch(r"\d{4}-\d\d-\d\d", date):
        lines.append("date: " + date)
    lines += ["language: en", "---", ""]
    return "\n".join(lines) + text


def run_driver(command, payload):
    data = payload.encode("utf-8")
    path = None
    try:
        if "{}" in command:
            with tempfile.NamedTemporaryFile(prefix="polnear-", suffix=".txt",
                                             delete=False) as f:
                f.write(data)
                path = f.name
            argv = [a.replace("{}", path) for a in shlex.split(command)]
            run = subprocess.run(argv, capture_output=True)
        else:
            run = subprocess.run(shlex.split(command), input=data, capture_output=True)
    finally:
        if path:
            os.unlink(path)
    if run.returncode != 0:
        raise RuntimeError("exit %d: %s" % (run.returncode,
                                            run.stderr.decode("utf-8", "replace").strip()[-500:]))
    out = run.stdout.decode("utf-8")
    # JSON Lines (annotate), or one object / list / {"articles": [...]}.
    first = out.strip().split("\n", 1)[0] if out.strip().startswith("{") else out
    try:
        result = json.loads(first)
    except json.JSONDecodeError:
        result = json.loads(out)
    if isinstance(result, list):
        result = result[0]
    if "articles" in result:
        result = result["articles"][0]
    return result


# ---------------------------------------------------------------- prediction


class ByteToChar:
    def __init__(self, text):
        self.starts = []
        pos = 0
        for ch in text:
            self.starts.append(pos)
            pos += len(ch.encode("utf-8"))
        self.total = pos
        self.n = len(text)

    def __call__(self, offset, end=False):
        offset = max(0, min(int(offset), self.total))
        if offset >= self.total:
            return self.n
        # A start inside a character belongs to that character; an end inside one includes it.
        return (bisect.bisect_left if end else bisect.bisect_right)(self.starts, offset) - \
            (0 if end else 1)


def predicted_spans(result, use="auto"):
    """[(kind, [(start, end) char ranges of body], source)] and the mode name. use: auto
    (attributions when the output has them, else direct quotes), attributions or quotes."""
    body = result.get("body", "")
    b2c = ByteToChar(body)
    spans = []
    if use == "attributions" or (use == "auto" and "attributions" in result):
        for a in result.get("attributions") or []:
            s, e = b2c(a["start"]), b2c(a["end"], end=True)
            # The source as resolved ("Donald Trump") and as written ("he"): annotators mark
            # the words in the text, so either may be what they chose.
            names = [a.get("source") or "", a.get("mention") or ""]
            spans.append((a.get("kind", "") or "?", [(s, e)], " ".join(n for n in names if n)))
        return spans, "attributions"
    for q in result.get("quotes") or []:
        if q.get("kind", "direct") != "direct":
            continue
        s, e = b2c(q["start"]), b2c(q["end"], end=True)
        pieces = [(s, e)]
        for g in sorted(q.get("gaps") or []):
            g0, g1 = b2c(g[0]), b2c(g[1], end=True)
            cut = []
            for a, b in pieces:
                if g1 <= a or g0 >= b:
                    cut.append((a, b))
                    continue
                if a < g0:
                    cut.append((a, g0))
                if g1 < b:
                    cut.append((g1, b))
            pieces = cut
        spans.append(("direct", pieces, q.get("speaker") or q.get("mention") or ""))
    return spans, "quotes"


def fold(s):
    return unicodedata.normalize("NFKC", s).casefold()


def align_tokens(raw_words, body_words):
    """body token index -> raw token index, from a SequenceMatcher alignment."""
    mapping = {}
    n, m = len(raw_words), len(body_words)
    p = 0
    while p < n and p < m and raw_words[p] == body_words[p]:
        mapping[p] = p
        p += 1
    s = 0
    while s < n - p and s < m - p and raw_words[n - 1 - s] == body_words[m - 1 - s]:
        mapping[m - 1 - s] = n - 1 - s
        s += 1
    matcher = difflib.SequenceMatcher(None, raw_words[p:n - s], body_words[p:m - s],
                                      autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            mapping[p + b + k] = p + a + k
    return mapping


# ---------------------------------------------------------------- one article


def evaluate_article(job):
    name, split, data, ann_path, meta, driver, front_matter, use = job
    with open(os.path.join(data, split, "text", name + ".txt"), encoding="utf-8",
              newline="") as f:
        raw = f.read()
    spans, events = parse_brat(ann_path)
    raw_toks = tokens(raw)
    starts = [t[0] for t in raw_toks]
    gold = set()
    for kind, ranges in spans.values():
        if kind == "Content":
            gold |= token_indices(raw_toks, starts, ranges)

    error = None
    try:
        result = run_driver(driver, article_file(raw, meta) if front_matter else raw)
    except Exception as e:  # noqa: BLE001 - reported, the article counts as predicting nothing
        error = str(e)
        result = {"body": "", "quotes": []}
    body = result.get("body", "")
    pred_spans, mode = predicted_spans(result, use)
    body_toks = tokens(body)
    body_starts = [t[0] for t in body_toks]
    mapping = align_tokens([fold(raw[a:b]) for a, b in raw_toks],
                           [fold(body[a:b]) for a, b in body_toks])
    mapped_raw = set(mapping.values())

    # Per predicted span: the raw tokens it covers.
    pred = []  # (kind, raw token set, source)
    unmapped_pred = 0
    for kind, ranges, source in pred_spans:
        bt = token_indices(body_toks, body_starts, ranges)
        rt = set(mapping[i] for i in bt if i in mapping)
        unmapped_pred += len(bt) - len(rt)
        pred.append((kind, rt, source))
    predicted = set()
    for _, rt, _ in pred:
        predicted |= rt

    by_kind = {}
    for kind, rt, _ in pred:
        entry = by_kind.setdefault(kind, [set(), 0])
        entry[0] |= rt
    for kind, entry in by_kind.items():
        entry[1] = len(entry[0] & gold)
        entry[0] = len(entry[0])

    # Source accuracy.
    attributions = []
    no_source = with_source = 0
    for roles in events:
        contents = [spans[t] for t in roles.get("Content", []) if t in spans]
        if not contents:
            continue
        sources = [spans[t] for t in roles.get("Source", []) if t in spans]
        if not sources:
            no_source += 1
            continue
        with_source += 1
        ranges = [r for _, rs in contents for r in rs]
        ctoks = token_indices(raw_toks, starts, ranges)
        if not ctoks or 2 * len(ctoks & predicted) < len(ctoks):
            continue
        best, best_overlap = None, 0
        for i, (_, rt, _) in enumerate(pred):
            overlap = len(rt & ctoks)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        gold_source = " ".join(raw[a:b] for _, rs in sources for a, b in rs)
        pred_source = pred[best][2] if best is not None else ""
        ok = bool(words(gold_source) & words(pred_source))
        cstart = min(a for a, _ in ranges)
        attributions.append({"ok": ok, "gold": gold_source, "pred": pred_source,
                             "content": raw[cstart:cstart + 80], "at": cstart})

    n = len(raw_toks)
    gold_unmapped = sum(1 for i in gold if i not in mapped_raw)
    return {
        "name": name, "error": error, "mode": mode, "raw": raw, "toks": raw_toks,
        "tokens": n, "gold": gold, "predicted": predicted, "by_kind": by_kind,
        "raw_unmapped": n - len(mapped_raw), "gold_unmapped": gold_unmapped,
        "body_unmapped": len(body_toks) - len(mapping), "pred_unmapped": unmapped_pred,
        "body_tokens": len(body_toks), "attributions": attributions,
        "no_source": no_source, "with_source": with_source,
        "pred_spans": len(pred_spans),
    }


# ---------------------------------------------------------------- report


def runs(indices):
    """Sorted token indices -> [(first, last)] of consecutive runs."""
    out = []
    for i in sorted(indices):
        if out and out[-1][1] == i - 1:
            out[-1][1] = i
        else:
            out.append([i, i])
    return out


def spread(items, n):
    """n items spread evenly over the list (deterministic)."""
    if n <= 0 or not items:
        return []
    if len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(k * step)] for k in range(n)]


def snippet(r, first, last, context=60):
    raw, toks = r["raw"], r["toks"]
    a, b = toks[first][0], toks[last][1]
    show = lambda s: " ".join(s.split())  # noqa: E731
    return "…%s[[%s]]%s…" % (show(raw[max(0, a - context):a]), show(raw[a:b]),
                             show(raw[b:b + context]))


def ratio(a, b):
    return a / b if b else 0.0


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="See the module docstring (head of this file) for the exact definitions.")
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data",
                                                       "polnear-dev"),
                        help="PolNeAR folder with metadata.tsv, train/ and dev/ "
                             "(default: ../shared/data/polnear-dev from the repository root)")
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--driver",
                        default=shlex.quote(os.path.join(ROOT, "build", "release", "parallax"))
                        + " annotate --format json {}",
                        help="command printing the annotate JSON for an article ({} = path of a "
                             "temporary article file; default: the release build's annotate)")
    parser.add_argument("--no-front-matter", action="store_true",
                        help="give the driver the raw text without the front-matter block")
    parser.add_argument("--predict-from", choices=("auto", "attributions", "quotes"),
                        default="auto",
                        help="auto: `attributions` when the output has them, else the direct "
                             "quotes; quotes: the direct-quote baseline even when it has them")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--jobs", type=int, default=2, help="driver runs in parallel")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N",
                        help="print N false-negative and N false-positive spans and N source "
                             "mismatches")
    parser.add_argument("--json", action="store_true",
                        help="also print the metrics as one JSON object on the last line")
    args = parser.parse_args()

    data = os.path.abspath(args.data)
    text_dir = os.path.join(data, args.split, "text")
    if not os.path.isdir(text_dir):
        sys.stderr.write("eval_attribution: no PolNeAR data at %s (expected %s/text/*.txt); "
                         "give the folder with --data\n" % (data, args.split))
        return 2
    meta = read_metadata(data)
    names = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(text_dir, "*.txt")))
    jobs, no_ann = [], []
    for name in names:
        m = meta.get((args.split, name), {})
        ann = choose_annotation(data, args.split, name, m)
        if ann is None:
            no_ann.append(name)
            continue
        jobs.append((name, args.split, data, ann, m, args.driver, not args.no_front_matter,
                     args.predict_from))
    if args.limit > 0:
        jobs = jobs[:args.limit]
    if not jobs:
        sys.stderr.write("eval_attribution: no annotated articles in %s\n" % text_dir)
        return 2

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(evaluate_article, jobs))

    failed = [r for r in results if r["error"]]
    if len(failed) == len(results):
        sys.stderr.write("eval_attribution: the driver failed on every article; first error:\n"
                         "  %s\n  command: %s\n" % (failed[0]["error"], args.driver))
        return 1
    for r in failed:
        sys.stderr.write("eval_attribution: driver failed on %s (counted as predicting "
                         "nothing): %s\n" % (r["name"], r["error"]))

    tp = fp = fn = n_tokens = n_gold = 0
    raw_unmapped = gold_unmapped = body_unmapped = pred_unmapped = body_tokens = 0
    by_kind = {}
    atts = []
    no_source = with_source = pred_spans = 0
    modes = set()
    for r in results:
        g, p = r["gold"], r["predicted"]
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
        n_tokens += r["tokens"]
        n_gold += len(g)
        raw_unmapped += r["raw_unmapped"]
        gold_unmapped += r["gold_unmapped"]
        body_unmapped += r["body_unmapped"]
        pred_unmapped += r["pred_unmapped"]
        body_tokens += r["body_tokens"]
        pred_spans += r["pred_spans"]
        for kind, (count, good) in r["by_kind"].items():
            entry = by_kind.setdefault(kind, [0, 0])
            entry[0] += count
            entry[1] += good
        atts += [dict(a, name=r["name"]) for a in r["attributions"]]
        no_source += r["no_source"]
        with_source += r["with_source"]
        if not r["error"]:
            modes.add(r["mode"])

    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    correct = sum(1 for a in atts if a["ok"])
    empty_source = sum(1 for a in atts if not a["ok"] and not words(a["pred"]))
    pronoun_gold = sum(1 for a in atts if not a["ok"] and words(a["pred"])
                       and set(WORD.findall(a["gold"].casefold())) <= PRONOUNS)
    mode = "/".join(sorted(modes)) or "none"
    print("PolNeAR %s: %d articles (first annotator's file each)%s; driver: %s" % (
        args.split, len(results), ", %d failed" % len(failed) if failed else "", args.driver))
    print("prediction from: %s%s" % (mode, " (direct quotes only: the output has no "
                                           "'attributions')" if mode == "quotes" else ""))
    print("tokens: %d raw, %d gold-inside; mapping: %d raw tokens (%.1f%%) not in the body, "
          "%d of them gold-inside; %d of %d body tokens unaligned (%d of them predicted)" % (
              n_tokens, n_gold, raw_unmapped, 100 * ratio(raw_unmapped, n_tokens), gold_unmapped,
              body_unmapped, body_tokens, pred_unmapped))
    print()
    print("inside attributed content (per token, micro-averaged):")
    print("  precision %.4f  recall %.4f  F1 %.4f   (tp %d, fp %d, fn %d)" % (
        precision, recall, f1(precision, recall), tp, fp, fn))
    print("  predicted spans: %d" % pred_spans)
    for kind in sorted(by_kind, key=lambda k: (KINDS.index(k) if k in KINDS else 9, k)):
        count, good = by_kind[kind]
        print("  %-9s %7d tokens predicted, %7d gold-inside (precision %.4f, %.1f%% of gold)" % (
            kind, count, good, ratio(good, count), 100 * ratio(good, n_gold)))
    print()
    print("source accuracy: %.4f  (%d of %d eligible gold attributions)" % (
        ratio(correct, len(atts)), correct, len(atts)))
    print("  gold attributions with Content and Source: %d; eligible (>= half of the content "
          "predicted): %d; without a Source (not scored): %d" % (with_source, len(atts),
                                                                 no_source))
    print("  wrong: %d with an empty predicted source; %d with a predicted source where the gold "
          "Source is a bare pronoun (he, she, they, ...)" % (empty_source, pronoun_gold))

    if args.show_errors > 0:
        fns, fps = [], []
        for r in results:
            fns += [(r, a, b) for a, b in runs(r["gold"] - r["predicted"])]
            fps += [(r, a, b) for a, b in runs(r["predicted"] - r["gold"])]
        print("\nfalse negatives (gold content not predicted), %d of %d runs:" % (
            min(args.show_errors, len(fns)), len(fns)))
        for r, a, b in spread(fns, args.show_errors):
            print("  [%s] %d tokens %s" % (r["name"], b - a + 1, snippet(r, a, b)))
        print("\nfalse positives (predicted, not gold content), %d of %d runs:" % (
            min(args.show_errors, len(fps)), len(fps)))
        for r, a, b in spread(fps, args.show_errors):
            print("  [%s] %d tokens %s" % (r["name"], b - a + 1, snippet(r, a, b)))
        wrong = [a for a in atts if not a["ok"]]
        print("\nsource mismatches, %d of %d:" % (min(args.show_errors, len(wrong)), len(wrong)))
        for a in spread(wrong, args.show_errors):
            print("  [%s @%d] gold %r  predicted %r  content: %s…" % (
                a["name"], a["at"], a["gold"], a["pred"], " ".join(a["content"].split())))

    if args.json:
        print(json.dumps({
            "split": args.split, "articles": len(results), "failed": len(failed),
            "prediction": mode, "tokens": n_tokens, "gold_tokens": n_gold,
            "raw_tokens_not_in_body": raw_unmapped, "gold_tokens_not_in_body": gold_unmapped,
            "precision": round(precision, 6), "recall": round(recall, 6),
            "f1": round(f1(precision, recall), 6), "tp": tp, "fp": fp, "fn": fn,
            "by_kind": {k: {"tokens": v[0], "gold": v[1]} for k, v in sorted(by_kind.items())},
            "source_accuracy": round(ratio(correct, len(atts)), 6),
            "source_correct": correct, "source_eligible": len(atts),
            "gold_with_source": with_source, "gold_without_source": no_source,
            "source_wrong_empty": empty_source, "source_wrong_pronoun_gold": pronoun_gold,
        }, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
