#!/usr/bin/env python3
"""Quotation scope on BASIL: is each gold bias span inside a direct quotation or not?

For every article of a BASIL split (articles/YEAR/*.json with `body-paragraphs`, a list of
paragraphs, each a list of sentences) the script builds the article text (paragraphs joined by a
blank line, sentences by a space), runs a quotation finder on it, and, for every gold span of
annotations/YEAR/*_ann.json, predicts `quote: yes` when the span lies inside a quotation the
finder reports and `no` otherwise. It prints accuracy and a confusion matrix.

The finder is an external command (--driver). It reads the article and writes one JSON object:

    {"body": "...", "quotes": [{"start": 12, "end": 40, "kind": "direct", "speaker": "...",
                               "gaps": [[a, b], ...]}, ...]}

where start/end are byte offsets into "body" of the quoted words, open/close (optional) those
of the whole quotation with its marks, and gaps (optional) byte spans inside that are not
quoted words. This is the per-article shape of
`parallax annotate --format json`. If the command contains `{}`, the article is written to a
temporary file whose path replaces `{}`; otherwise it is given on stdin. With --front-matter the
article is preceded by a front-matter block (title, date) so a tool that reads article files
sees the text as the body. Gold spans are searched for in the returned "body", so a tool that
normalises the text still works.

Example:
    scripts/eval_quotes.py --data ../shared/data/basil-dev --driver /tmp/qdrv/qdrv
"""

import argparse
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile


def article_text(article):
    return "\n\n".join(" ".join(s.strip() for s in para) for para in article["body-paragraphs"])


def run_driver(command, text, front_matter, meta):
    payload = text
    if front_matter:
        payload = "---\ntitle: %s\ndate: %s\nlanguage: en\n---\n%s" % (
            meta.get("title", "untitled").replace("\n", " "), meta.get("date", ""), text)
    data = payload.encode("utf-8")
    if "{}" in command:
        with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
            f.write(data)
            path = f.name
        try:
            argv = [path if a == "{}" else a for a in shlex.split(command)]
            out = subprocess.run(argv, capture_output=True, check=True).stdout
        finally:
            os.unlink(path)
    else:
        out = subprocess.run(shlex.split(command), input=data, capture_output=True,
                             check=True).stdout
    result = json.loads(out.decode("utf-8"))
    if isinstance(result, list):
        result = result[0]
    if "articles" in result:
        result = result["articles"][0]
    return result


def byte_to_char_map(body):
    """Maps byte offsets of the UTF-8 body to character offsets."""
    mapping = {}
    pos = 0
    for i, ch in enumerate(body):
        mapping[pos] = i
        pos += len(ch.encode("utf-8"))
    mapping[pos] = len(body)
    return mapping


def quoted_mask(body, quotes, kinds):
    """Per character of body: True when it lies in quoted words of a quote of `kinds`."""
    b2c = byte_to_char_map(body)
    mask = [False] * len(body)

    def char(offset):
        while offset not in b2c and offset > 0:
            offset -= 1
        return b2c.get(offset, 0)

    for q in quotes:
        if kinds and q.get("kind", "direct") not in kinds:
            continue
        # The marks belong to the quotation: a gold span often includes them.
        start, end = char(q.get("open", q["start"])), char(q.get("close", q["end"]))
        for i in range(start, end):
            mask[i] = True
        for gap in q.get("gaps", []):
            # Interruptions ("– X told Kommersant. –") are not quoted words; a paragraph's
            # re-opening mark is part of the quotation.
            g0, g1 = char(gap[0]), char(gap[1])
            if any(ch.isalnum() for ch in body[g0:g1]):
                for i in range(g0, g1):
                    mask[i] = False
    return mask


def inside(body, mask, at, length, rule):
    """Whether the span body[at:at+length] counts as inside a quotation.

    rule "all" (default): every character of the span, apart from spaces and punctuation at its
    edges, is in a quotation (marks included): a span that runs out of the quotation ('peddling
    "hate chicken."') is the outlet's sentence using quoted words. rule "majority": more than
    half of it is."""
    if rule == "majority":
        return sum(mask[at:at + length]) * 2 > length
    begin, end = at, at + length
    edge = " \t\n.,;:!?)(-\u2013\u2014"
    while begin < end and body[begin] in edge:
        begin += 1
    while end > begin and body[end - 1] in edge:
        end -= 1
    if end <= begin:
        return False
    # Unquoted stretches are allowed only as connectors between two quotations of one list
    # ('"try showing a little class," "dress like you deserve respect"', '"a" and "b"').
    i = begin
    while i < end:
        if mask[i]:
            i += 1
            continue
        j = i
        while j < end and not mask[j]:
            j += 1
        connector = body[i:j].strip(" ,;").lower()
        if i == begin or j == end or connector not in ("", "and", "or"):
            return False
        i = j
    return True


def locate(body, sentences_offsets, span):
    """Character offset of the gold span in body: the occurrence whose offset within its
    sentence equals the annotation's `start` when there is one, else the first; None if absent."""
    txt = span["txt"].strip()
    if not txt:
        return None
    hits = []
    pos = body.find(txt)
    while pos != -1:
        hits.append(pos)
        pos = body.find(txt, pos + 1)
    if not hits:
        return None
    for h in hits:
        for s_begin, s_end in sentences_offsets:
            if s_begin <= h < s_end and h - s_begin == span.get("start"):
                return h, len(txt)
    return hits[0], len(txt)


def sentence_offsets(body, article):
    offsets = []
    pos = 0
    for para in article["body-paragraphs"]:
        for s in para:
            s = s.strip()
            at = body.find(s, pos)
            if at == -1:
                continue
            offsets.append((at, at + len(s)))
            pos = at + len(s)
    return offsets


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                       "shared", "data", "basil-dev"),
                        help="BASIL split with articles/ and annotations/")
    parser.add_argument("--driver", required=True,
                        help="command printing {body, quotes} JSON for an article ({} = path)")
    parser.add_argument("--front-matter", action="store_true",
                        help="prefix each article with a front-matter block")
    parser.add_argument("--kinds", default="direct,scare",
                        help="quote kinds that count as quoted (comma-separated; '' = all)")
    parser.add_argument("--rule", choices=("all", "majority"), default="all",
                        help="when a span counts as inside a quotation (see inside())")
    parser.add_argument("--errors", type=int, default=0, help="print up to N misclassified spans")
    args = parser.parse_args()
    kinds = set(k for k in args.kinds.split(",") if k)

    confusion = {("yes", "yes"): 0, ("yes", "no"): 0, ("no", "yes"): 0, ("no", "no"): 0}
    missing = 0
    errors = []
    for path in sorted(glob.glob(os.path.join(args.data, "articles", "*", "*.json"))):
        year = os.path.basename(os.path.dirname(path))
        name = os.path.splitext(os.path.basename(path))[0]
        ann_path = os.path.join(args.data, "annotations", year, name + "_ann.json")
        if not os.path.exists(ann_path):
            continue
        with open(path, encoding="utf-8") as f:
            article = json.load(f)
        with open(ann_path, encoding="utf-8") as f:
            annotation = json.load(f)
        text = article_text(article)
        result = run_driver(args.driver, text, args.front_matter, article)
        body = result["body"]
        mask = quoted_mask(body, result.get("quotes", []), kinds)
        sentences = sentence_offsets(body, article)
        for span in annotation.get("phrase-level-annotations", []):
            gold = "yes" if span.get("quote") == "yes" else "no"
            found = locate(body, sentences, span)
            if found is None:
                missing += 1
                continue
            at, length = found
            predicted = "yes" if inside(body, mask, at, length, args.rule) else "no"
            confusion[(gold, predicted)] += 1
            if gold != predicted:
                errors.append((name, gold, span["txt"], body[max(0, at - 120):at + length + 60]))

    total = sum(confusion.values())
    correct = confusion[("yes", "yes")] + confusion[("no", "no")]
    print("spans evaluated: %d (not found in text: %d)" % (total, missing))
    print("accuracy: %.4f" % (correct / total if total else 0.0))
    print("confusion (rows gold, columns predicted):")
    print("            pred yes  pred no")
    print("  gold yes  %8d  %7d" % (confusion[("yes", "yes")], confusion[("yes", "no")]))
    print("  gold no   %8d  %7d" % (confusion[("no", "yes")], confusion[("no", "no")]))
    for name, gold, txt, context in errors[:args.errors]:
        print("\n[%s] gold=%s span=%r\n   ...%s..." % (name, gold, txt, context.replace("\n", " | ")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
