#!/usr/bin/env python3
"""Prints a bulk-corpus article as the gold files see it.

usage: scripts/gold_article.py ID [--numbered] [--shared DIR]

ID is the `id` of a line of ../shared/corpus/bulk/*.jsonl (e.g. reuters21578-1234,
isot-true-17, guardian132dow-40, bbc-politics-012). The article is laid out like
corpus/articles/NNN.txt: `date YYYY-MM-DD` on line 1 when the line has a date, then the
title, a blank line and the text. Gold files under tests/gold/{dev,heldout}/ID.claims give
line numbers in this layout; tests/gold.rs builds the same text.
"""
import json
import os
import sys


def materialize(obj):
    head = f"date {obj['date']}\n" if obj.get("date") else ""
    return f"{head}{obj.get('title') or ''}\n\n{obj['text']}"


def find(shared, ident):
    bulk = os.path.join(shared, "corpus", "bulk")
    for name in sorted(os.listdir(bulk)):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(bulk, name), encoding="utf-8") as f:
            for line in f:
                if f'"{ident}"' not in line:
                    continue
                obj = json.loads(line)
                if obj.get("id") == ident:
                    return obj
    return None


def main():
    args = sys.argv[1:]
    numbered = "--numbered" in args
    shared = os.path.join(os.path.dirname(__file__), "..", "..", "shared")
    if "--shared" in args:
        shared = args[args.index("--shared") + 1]
    ids = [a for a in args if not a.startswith("--") and a != shared]
    if len(ids) != 1:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    obj = find(shared, ids[0])
    if obj is None:
        print(f"no article with id {ids[0]!r} under {shared}/corpus/bulk", file=sys.stderr)
        sys.exit(1)
    text = materialize(obj)
    if numbered:
        for i, line in enumerate(text.split("\n"), 1):
            print(f"{i:4}| {line}")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
