#!/usr/bin/env python3
"""The final table of the foundation benchmark: kroniek vs PostgreSQL, from a results folder.

    bench_report.py RESULTS_DIR N

Reads ingest-LABEL.json (kroniek ingest --json) and time-LABEL.txt (/usr/bin/time -v) for the
labels all-N, noann-N, all-N2, noann-N2, kroniek-search.json (kroniek bench search --json) and
pg.json (pg_bench.py); prints a Markdown table and writes it to RESULTS_DIR/summary.md.
"""

import json
import os
import re
import sys


def read_time(path):
    """Wall seconds and peak RSS (kB) from /usr/bin/time -v output."""
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    user = float(re.search(r"User time \(seconds\): (\S+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
    return {"wall_s": seconds, "peak_rss_kb": rss, "cpu_s": user + system}


def kroniek_ingest(results, label):
    summary = json.load(open(os.path.join(results, f"ingest-{label}.json")))
    timing = read_time(os.path.join(results, f"time-{label}.txt"))
    rss_path = os.path.join(results, f"rss-{label}.txt")
    if os.path.exists(rss_path):
        for line in open(rss_path):
            name, _, value = line.strip().partition("=")
            if value.isdigit():
                timing[name] = int(value)
    timing.update({"articles": summary["read"], "stored": summary["stored"], "bytes": summary["bytes"],
                   "articles_per_s": summary["read"] / timing["wall_s"],
                   "mb_per_s": summary["bytes"] / 1e6 / timing["wall_s"]})
    return timing


def split_rss(run):
    """Peak anonymous (heap) and file-backed resident memory, sampled twice a second."""
    if "peak_rss_anon_kb" not in run:
        return ""
    return f"{run['peak_rss_anon_kb'] / 1024:.0f} / {run['peak_rss_file_kb'] / 1024:.0f}"


def ratio(a, b):
    return f"{a / b:.1f}×" if b else "n/a"


def main():
    results, n = sys.argv[1], int(sys.argv[2])
    half = n // 2
    all_n = kroniek_ingest(results, f"all-{n}")
    noann_n = kroniek_ingest(results, f"noann-{n}")
    all_half = kroniek_ingest(results, f"all-{half}")
    noann_half = kroniek_ingest(results, f"noann-{half}")
    search = json.load(open(os.path.join(results, "kroniek-search.json")))
    pg = json.load(open(os.path.join(results, "pg.json")))
    pg_ingest = pg["ingest"]
    lines = []
    add = lines.append
    add(f"## Foundation benchmark, N = {n} articles ({all_n['bytes'] / 1e6:.0f} MB of JSONL)")
    add("")
    add("### Ingest")
    add("")
    add("| run | articles | wall s | CPU s | articles/s | MB/s | articles per CPU-s | peak RSS MB | of which heap / files MB |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, run in [(f"kroniek ingest (all layers), N={n}", all_n), (f"kroniek ingest --no-annotate, N={n}", noann_n),
                      (f"kroniek ingest (all layers), N={half}", all_half),
                      (f"kroniek ingest --no-annotate, N={half}", noann_half)]:
        add(f"| {name} | {run['articles']} | {run['wall_s']:.1f} | {run['cpu_s']:.1f} | {run['articles_per_s']:.0f} "
            f"| {run['mb_per_s']:.2f} | {run['articles'] / run['cpu_s']:.0f} | {run['peak_rss_kb'] / 1024:.0f} | {split_rss(run)} |")
    add(f"| PostgreSQL load (COPY + stored tsvector), N={n} | {pg_ingest['articles']} | {pg_ingest['load_s']:.1f} | | "
        f"{pg_ingest['articles'] / pg_ingest['load_s']:.0f} | {pg_ingest['jsonl_bytes'] / 1e6 / pg_ingest['load_s']:.2f} | | | |")
    add(f"| PostgreSQL GIN index, N={n} | {pg_ingest['articles']} | {pg_ingest['index_s']:.1f} | | "
        f"{pg_ingest['articles'] / pg_ingest['index_s']:.0f} | {pg_ingest['jsonl_bytes'] / 1e6 / pg_ingest['index_s']:.2f} | | | |")
    pg_cpu = pg_ingest.get("backend_cpu_s")
    cpu_cells = f"{pg_cpu:.1f} (backend) | " if pg_cpu else " | "
    per_cpu = f"{pg_ingest['articles'] / pg_cpu:.0f}" if pg_cpu else ""
    add(f"| PostgreSQL load + index, N={n} | {pg_ingest['articles']} | {pg_ingest['total_s']:.1f} | {cpu_cells}"
        f"{pg_ingest['articles_per_s']:.0f} | {pg_ingest['mb_per_s']:.2f} | {per_cpu} | {(pg_ingest['peak_rss_kb'] or 0) / 1024:.0f} (backend) | |")
    add("")
    add("### kroniek vs PostgreSQL")
    add("")
    add("| measure | kroniek | kroniek --no-annotate | PostgreSQL | kroniek ÷ PG | --no-annotate ÷ PG | target |")
    add("|---|---:|---:|---:|---:|---:|---|")
    add(f"| ingest articles/s | {all_n['articles_per_s']:.0f} | {noann_n['articles_per_s']:.0f} | {pg_ingest['articles_per_s']:.0f} "
        f"| {ratio(all_n['articles_per_s'], pg_ingest['articles_per_s'])} | {ratio(noann_n['articles_per_s'], pg_ingest['articles_per_s'])} | ≥ 5× |")
    add(f"| ingest MB/s | {all_n['mb_per_s']:.2f} | {noann_n['mb_per_s']:.2f} | {pg_ingest['mb_per_s']:.2f} "
        f"| {ratio(all_n['mb_per_s'], pg_ingest['mb_per_s'])} | {ratio(noann_n['mb_per_s'], pg_ingest['mb_per_s'])} | ≥ 5× |")
    add(f"| peak RSS MB (N / N÷2) | {all_n['peak_rss_kb'] / 1024:.0f} / {all_half['peak_rss_kb'] / 1024:.0f} "
        f"| {noann_n['peak_rss_kb'] / 1024:.0f} / {noann_half['peak_rss_kb'] / 1024:.0f} "
        f"| {(pg_ingest['peak_rss_kb'] or 0) / 1024:.0f} (backend) | | | bounded: N ≈ N÷2 |")
    if "peak_rss_anon_kb" in all_n and "peak_rss_anon_kb" in all_half:
        add(f"| peak heap (anonymous) MB (N / N÷2) | {all_n['peak_rss_anon_kb'] / 1024:.0f} / {all_half['peak_rss_anon_kb'] / 1024:.0f} "
            f"| {noann_n['peak_rss_anon_kb'] / 1024:.0f} / {noann_half['peak_rss_anon_kb'] / 1024:.0f} | | | | bounded: N ≈ N÷2 |")
    add("")
    add(f"### Query latency (ms; {search['runs']} runs per query after one warm-up; top 10 with snippets and total count)")
    add("")
    add("| kind | kroniek median | kroniek p95 | PG median | PG p95 | PG median ÷ kroniek | PG median without ts_headline | kroniek hits | PG hits | target |")
    add("|---|---:|---:|---:|---:|---:|---:|---|---|---|")
    pg_kinds = {k["kind"]: k for k in pg["search"]["kinds"]}
    pg_plain = {k["kind"]: k for k in pg["search_without_snippets"]["kinds"]}
    for kind in search["kinds"]:
        other = pg_kinds.get(kind["kind"])
        plain = pg_plain.get(kind["kind"])
        if not other:
            continue
        add(f"| {kind['kind']} | {kind['median_ms']:.2f} | {kind['p95_ms']:.2f} | {other['median_ms']:.2f} | {other['p95_ms']:.2f} "
            f"| {ratio(other['median_ms'], kind['median_ms'])} | {plain['median_ms']:.2f} "
            f"| {', '.join(map(str, kind['hits']))} | {', '.join(map(str, other['hits']))} | ≥ 5× |")
    add("")
    add("Per query (median ms): kroniek | PostgreSQL")
    add("")
    pg_queries = {q["query"]: q for q in pg["search"]["queries"]}
    for query in search["queries"]:
        other = pg_queries.get(query["query"], {})
        add(f"- `{query['query']}`: {query['median_ms']:.2f} | {other.get('median_ms', float('nan')):.2f}  "
            f"(hits {query['hits']} | {other.get('hits', '?')}; PG: `{other.get('pg', '?')}`)")
    add("")
    for name in ("build.txt", "load.txt"):
        path = os.path.join(results, name)
        if os.path.exists(path):
            add("")
            add("```")
            add(open(path).read().rstrip())
            add("```")
    add("")
    settings = ", ".join(f"{k}={v}" for k, v in pg["settings"].items())
    add(f"PostgreSQL settings: {settings}. Table {pg_ingest['table_bytes'] / 1e6:.0f} MB, GIN index {pg_ingest['gin_bytes'] / 1e6:.0f} MB; "
        f"JSONL→COPY conversion {pg_ingest['convert_s']:.1f} s not counted.")
    text = "\n".join(lines)
    print(text)
    with open(os.path.join(results, "summary.md"), "w") as out:
        out.write(text + "\n")


if __name__ == "__main__":
    main()
