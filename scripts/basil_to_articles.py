#!/usr/bin/env python3
"""Converts BASIL article JSON files into Parallax article files for alignment evaluation.

Only what an outlet publishes is carried over: outlet (nyt, fox, hpo), date, title, body
paragraphs. The gold fields (triplet-uuid, main-event, keywords, main-entities) are NOT written,
and each file is named by a digest of its content, so nothing in the output reveals the gold
grouping. A key file (gold.json: article id -> triplet-uuid) is written next to the articles for
scripts/eval_alignment.py, outside the article folder so `parallax align` never reads it.

Usage: basil_to_articles.py BASIL_DIR OUT_DIR
  BASIL_DIR  a BASIL split holding articles/YEAR/*.json (e.g. ../shared/data/basil-dev)
  OUT_DIR    created; receives articles/*.txt, outlets.xml and gold.json
"""
import hashlib
import json
import pathlib
import sys

OUTLETS = {
    "nyt": "The New York Times",
    "fox": "Fox News",
    "hpo": "The Huffington Post",
}

OUTLETS_XML = """<?xml version="1.0" encoding="UTF-8"?>
<outlets>
{}
</outlets>
"""


def one_line(text):
    return " ".join(str(text).split())


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    src = pathlib.Path(argv[1])
    out = pathlib.Path(argv[2])
    files = sorted(src.glob("articles/*/*.json"))
    if not files:
        sys.stderr.write(f"basil_to_articles: no articles/*/*.json under {src}\n")
        return 2
    (out / "articles").mkdir(parents=True, exist_ok=True)
    gold = {}
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        outlet = str(doc.get("source", "")).lower()
        # BASIL's own uuid is sometimes "empty"; a digest of what the outlet published is
        # unique and says nothing about the gold grouping.
        key = json.dumps([outlet, doc.get("date"), doc.get("title"), doc.get("body-paragraphs")])
        article_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        paragraphs = []
        for para in doc.get("body-paragraphs", []):
            text = one_line(" ".join(s for s in para if isinstance(s, str)))
            if text:
                paragraphs.append(text)
        lines = ["---", f"id: {article_id}", f"title: {one_line(doc.get('title', ''))}",
                 f"outlet: {outlet}"]
        date = str(doc.get("date", ""))[:10]
        if len(date) == 10:
            lines.append(f"date: {date}")
        lines += ["language: en", "genre: news", "---", ""]
        text = "\n".join(lines) + "\n\n".join(paragraphs) + "\n"
        (out / "articles" / f"{article_id}.txt").write_text(text, encoding="utf-8")
        gold[article_id] = doc["triplet-uuid"]
    entries = "\n".join(
        f'  <outlet id="{oid}">\n    <name>{name}</name>\n    <languages>en</languages>\n'
        f"  </outlet>" for oid, name in OUTLETS.items())
    (out / "outlets.xml").write_text(OUTLETS_XML.format(entries), encoding="utf-8")
    (out / "gold.json").write_text(json.dumps(gold, indent=1, sort_keys=True) + "\n",
                                   encoding="utf-8")
    print(f"{len(gold)} articles written to {out / 'articles'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
