#!/usr/bin/python3
"""The baseline a notebook user writes: count lexicon forms in a text with a Python dictionary.

Reads the forms (one per line, lower case, words separated by spaces), lowercases each line of
the text, splits it into words with a regular expression, and counts every 1-, 2- and 3-word
sequence that is a form. Prints the total count and the time. Plain python3, no packages.

Usage: bench/notebook_count.py FORMS TEXT
"""
import collections
import re
import sys
import time


def main():
    forms_path, text_path = sys.argv[1], sys.argv[2]
    with open(forms_path, encoding="utf-8") as f:
        forms = {line.strip() for line in f if line.strip()}
    longest = max(form.count(" ") + 1 for form in forms)
    word = re.compile(r"\w+(?:['’-]\w+)*")
    counts = collections.Counter()
    start = time.monotonic()
    with open(text_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            words = word.findall(line.lower())
            for i in range(len(words)):
                for n in range(1, longest + 1):
                    key = " ".join(words[i:i + n])
                    if key in forms:
                        counts[key] += 1
    seconds = time.monotonic() - start
    print(f"{sum(counts.values())} matches of {len(counts)} forms in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
