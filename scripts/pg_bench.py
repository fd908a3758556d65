#!/usr/bin/env python3
"""PostgreSQL 15 full-text search as the peer of kroniek's foundation benchmark.

Loads the JSONL articles written by `kroniek generate` into a fresh database, builds a GIN index,
and times the queries of scripts/bench-queries.tsv; writes the figures as JSON.

    pg_bench.py --jsonl DIR --queries scripts/bench-queries.tsv --runs 20 --out pg.json \
                --host /tmp/kroniek-peers/pg/sock --port 54329 --tsv-cache /tmp/kroniek-bench/pg-N.tsv

What is measured (one client, psycopg 3, one connection kept open the whole time):
  convert  JSONL -> COPY text format, done once and cached; not counted in PostgreSQL's load time
           (kroniek reads the JSONL itself, so this favours PostgreSQL)
  load     CREATE TABLE + COPY FROM STDIN in one transaction; the table has a STORED generated
           column tsv = to_tsvector('dutch', title || ' ' || body), so load includes making the
           tsvectors
  index    CREATE INDEX ... USING gin (tsv)
  queries  per query: one warm-up run, then --runs timed runs of one SQL statement returning the
           top 10 by ts_rank with the total match count (count(*) OVER ()), and, as kroniek does,
           a snippet per hit (ts_headline); the same statement without ts_headline is timed too
  memory   the serving backend's peak resident set (VmHWM from /proc/PID/status) after load and
           index; it includes the shared buffers that backend touched
"""

import argparse
import glob
import json
import math
import os
import statistics
import sys
import time

try:
    import psycopg
except ImportError:  # the calling script installs it into the peers venv
    sys.exit("psycopg is missing: /tmp/kroniek-peers/venv/bin/pip install 'psycopg[binary]'")


def copy_escape(value):
    """Escapes a value for COPY's text format."""
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def convert_jsonl(jsonl_dir, tsv_path):
    """Writes id, title, date, source, body as COPY text lines; returns (articles, JSONL bytes)."""
    files = sorted(glob.glob(os.path.join(jsonl_dir, "*.jsonl")))
    if not files:
        sys.exit(f"{jsonl_dir}: no .jsonl files (run kroniek generate first)")
    articles = 0
    jsonl_bytes = sum(os.path.getsize(f) for f in files)
    if os.path.exists(tsv_path):
        with open(tsv_path, "rb") as existing:
            articles = sum(1 for _ in existing)
        return articles, jsonl_bytes
    partial = tsv_path + ".partial"
    with open(partial, "w", encoding="utf-8") as out:
        for path in files:
            with open(path, encoding="utf-8") as lines:
                for line in lines:
                    record = json.loads(line)
                    fields = [record["id"], record.get("title", ""), record["date"], record.get("source", ""), record["text"]]
                    out.write("\t".join(copy_escape(f) for f in fields) + "\n")
                    articles += 1
    os.replace(partial, tsv_path)
    return articles, jsonl_bytes


def backend_peak_kb(conn):
    """Peak resident set of the backend serving this connection (VmHWM), in kB."""
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None


def backend_cpu_s(conn):
    """CPU seconds (user + system) the backend serving this connection has used so far."""
    try:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def load_and_index(conn, tsv_path):
    """Creates the table, COPYs the articles in and builds the GIN index; returns timings."""
    conn.execute("DROP TABLE IF EXISTS articles")
    conn.commit()
    cpu_before = backend_cpu_s(conn)
    started = time.perf_counter()
    with conn.transaction():
        conn.execute(
            """CREATE TABLE articles (
                   id text PRIMARY KEY,
                   title text NOT NULL,
                   date date NOT NULL,
                   source text NOT NULL,
                   body text NOT NULL,
                   tsv tsvector GENERATED ALWAYS AS (to_tsvector('dutch', title || ' ' || body)) STORED
               )"""
        )
        with conn.cursor().copy("COPY articles (id, title, date, source, body) FROM STDIN") as copy:
            with open(tsv_path, "rb") as source:
                while block := source.read(1 << 20):
                    copy.write(block)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    conn.execute("CREATE INDEX articles_tsv ON articles USING gin (tsv)")
    conn.commit()
    index_s = time.perf_counter() - started
    cpu_after = backend_cpu_s(conn)
    started = time.perf_counter()
    conn.execute("ANALYZE articles")
    conn.commit()
    analyze_s = time.perf_counter() - started
    sizes = conn.execute(
        "SELECT pg_total_relation_size('articles'), pg_relation_size('articles_tsv')"
    ).fetchone()
    cpu_s = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
    return {"load_s": load_s, "index_s": index_s, "analyze_s": analyze_s, "backend_cpu_s": cpu_s, "table_bytes": sizes[0], "gin_bytes": sizes[1]}


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 6:
                sys.exit(f"{path}:{number}: expected 6 tab-separated fields, found {len(fields)}")
            kind, kroniek_query, function, text, date_from, date_to = fields
            if function not in ("plainto_tsquery", "phraseto_tsquery", "to_tsquery", "websearch_to_tsquery"):
                sys.exit(f"{path}:{number}: unknown tsquery function {function}")
            queries.append({"kind": kind, "kroniek": kroniek_query, "function": function, "text": text,
                            "from": date_from or None, "to": date_to or None})
    return queries


def query_sql(query, headline):
    date = " AND a.date BETWEEN %(from)s AND %(to)s" if query["from"] else ""
    snippet = (", ts_headline('dutch', body, q, 'MaxFragments=1, MinWords=15, MaxWords=35') AS snippet"
               if headline else "")
    return f"""
        WITH q AS (SELECT {query['function']}('dutch', %(text)s) AS q),
        top AS (
            SELECT a.id, a.title, a.date, a.source, a.body, ts_rank(a.tsv, q.q) AS rank, count(*) OVER () AS total
            FROM articles a, q
            WHERE a.tsv @@ q.q{date}
            ORDER BY rank DESC
            LIMIT 10
        )
        SELECT id, title, date, source, rank, total{snippet} FROM top, q ORDER BY rank DESC"""


def percentile(sorted_samples, fraction):
    """Nearest-rank percentile, as kroniek bench search computes it."""
    rank = max(1, min(len(sorted_samples), math.ceil(fraction * len(sorted_samples))))
    return sorted_samples[rank - 1]


def time_queries(conn, queries, runs, headline):
    """Times every query; returns per-query and per-kind figures in ms."""
    per_query = []
    for query in queries:
        sql = query_sql(query, headline)
        params = {"text": query["text"], "from": query["from"], "to": query["to"]}
        rows = conn.execute(sql, params).fetchall()  # warm-up
        total = rows[0][5] if rows else 0
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            conn.execute(sql, params).fetchall()
            samples.append((time.perf_counter() - started) * 1000)
        ordered = sorted(samples)
        per_query.append({"kind": query["kind"], "query": query["kroniek"], "pg": f"{query['function']}('dutch', '{query['text']}')"
                          + (f" AND date BETWEEN '{query['from']}' AND '{query['to']}'" if query["from"] else ""),
                          "hits": total, "median_ms": statistics.median(ordered), "p95_ms": percentile(ordered, 0.95),
                          "samples_ms": samples})
    kinds = []
    for kind in dict.fromkeys(q["kind"] for q in per_query):
        of_kind = [q for q in per_query if q["kind"] == kind]
        pooled = sorted(s for q in of_kind for s in q["samples_ms"])
        kinds.append({"kind": kind, "queries": len(of_kind), "runs": runs, "median_ms": statistics.median(pooled),
                      "p95_ms": percentile(pooled, 0.95), "mean_ms": statistics.fmean(pooled),
                      "hits": [q["hits"] for q in of_kind]})
    for q in per_query:
        del q["samples_ms"]
    return {"kinds": kinds, "queries": per_query}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jsonl", required=True, help="folder of JSONL files from kroniek generate")
    parser.add_argument("--tsv-cache", required=True, help="where the COPY text file is kept between runs")
    parser.add_argument("--queries", required=True)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", required=True)
    parser.add_argument("--host", default="/tmp/kroniek-peers/pg/sock")
    parser.add_argument("--port", type=int, default=54329)
    parser.add_argument("--dbname", default="kroniek_bench")
    args = parser.parse_args()

    started = time.perf_counter()
    articles, jsonl_bytes = convert_jsonl(args.jsonl, args.tsv_cache)
    convert_s = time.perf_counter() - started
    print(f"pg: {articles} articles as COPY text ({convert_s:.1f} s, not counted)", file=sys.stderr)

    with psycopg.connect(host=args.host, port=args.port, user="postgres", dbname="postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {args.dbname}")
        admin.execute(f"CREATE DATABASE {args.dbname}")
    with psycopg.connect(host=args.host, port=args.port, user="postgres", dbname=args.dbname) as conn:
        settings = {name: conn.execute(f"SHOW {name}").fetchone()[0]
                    for name in ("server_version", "shared_buffers", "maintenance_work_mem", "work_mem", "wal_level",
                                 "max_wal_size", "max_parallel_maintenance_workers")}
        print("pg: loading and indexing ...", file=sys.stderr)
        ingest = load_and_index(conn, args.tsv_cache)
        ingest["peak_rss_kb"] = backend_peak_kb(conn)
        total_s = ingest["load_s"] + ingest["index_s"]
        ingest.update({"articles": articles, "jsonl_bytes": jsonl_bytes, "convert_s": convert_s, "total_s": total_s,
                       "articles_per_s": articles / total_s, "mb_per_s": jsonl_bytes / 1e6 / total_s})
        print(f"pg: load {ingest['load_s']:.1f} s + index {ingest['index_s']:.1f} s = {total_s:.1f} s "
              f"({ingest['articles_per_s']:.0f} articles/s)", file=sys.stderr)
        conn.commit()
        conn.autocommit = True
        queries = read_queries(args.queries)
        print("pg: timing queries ...", file=sys.stderr)
        with_snippets = time_queries(conn, queries, args.runs, headline=True)
        without_snippets = time_queries(conn, queries, args.runs, headline=False)
    report = {"settings": settings, "ingest": ingest, "runs": args.runs, "search": with_snippets,
              "search_without_snippets": without_snippets}
    with open(args.out, "w") as out:
        json.dump(report, out, indent=2, default=str)


if __name__ == "__main__":
    main()
