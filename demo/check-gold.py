#!/usr/bin/env python3
"""Check a gold statements file against its articles.

Every line must have the fields doc, kind, speaker, text, cue; kind must be direct, partial or
indirect; and text must be an exact substring of the article <dir>/<doc>.txt.
Usage: python3 demo/check-gold.py demo/gold-statements.jsonl demo/corpus/txt
       python3 demo/check-gold.py tests/data/statements-heldout/gold.jsonl tests/data/statements-heldout
"""
import collections, json, pathlib, sys

def main(gold_path: str, article_dir: str) -> int:
    errors, kinds, docs = 0, collections.Counter(), set()
    for n, line in enumerate(open(gold_path, encoding="utf-8"), 1):
        rec = json.loads(line)
        if set(rec) != {"doc", "kind", "speaker", "text", "cue"}:
            print(f"{gold_path}:{n}: wrong fields {sorted(rec)}"); errors += 1; continue
        if rec["kind"] not in ("direct", "partial", "indirect"):
            print(f"{gold_path}:{n}: bad kind {rec['kind']!r}"); errors += 1
        article = pathlib.Path(article_dir, rec["doc"] + ".txt")
        if not article.exists():
            print(f"{gold_path}:{n}: no article {article}"); errors += 1; continue
        if rec["text"] not in article.read_text(encoding="utf-8"):
            print(f"{gold_path}:{n}: text not in {article.name}: {rec['text'][:70]!r}"); errors += 1
        kinds[rec["kind"]] += 1; docs.add(rec["doc"])
    total = sum(kinds.values())
    print(f"{gold_path}: {total} statements in {len(docs)} documents: "
          + ", ".join(f"{k} {kinds[k]}" for k in ("direct", "partial", "indirect"))
          + f"; {errors} errors")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
