#!/usr/bin/env bash
# Foundation benchmark of kroniek (issue 2): ingest speed, peak memory and query latency on a
# synthetic corpus, side by side with PostgreSQL 15 full-text search on the same articles.
#
#   scripts/bench-foundation.sh [N]          # N articles, default 100000
#   RUNS=20 BENCH_DIR=/tmp/kroniek-bench scripts/bench-foundation.sh 5000
#   SKIP_BUILD=1 scripts/bench-foundation.sh   # measure target/release/kroniek as it is
#
# Steps (see bench/README.md for what each figure means):
#   1. cargo build --release -p kroniek
#   2. kroniek generate N and N/2 articles (cached under $BENCH_DIR/corpus-N)
#   3. /usr/bin/time -v kroniek ingest: all layers and --no-annotate, at N and at N/2, each into a
#      fresh corpus (peak memory at N vs N/2 shows whether it is bounded; the index writer fills
#      its fixed budget long before N/2, so a smaller N would understate the bound)
#   4. kroniek bench search on the all-layers corpus with scripts/bench-queries.tsv
#   5. PostgreSQL: start the private cluster of install-peers.sh on a unix socket, run
#      scripts/pg_bench.py (load, GIN index, same queries), stop the server (also on error)
#   6. scripts/bench_report.py: the side-by-side table, also in $BENCH_DIR/results-N/summary.md
set -euo pipefail

N=${1:-100000}
HALF=$((N / 2))
RUNS=${RUNS:-20}
SEED=${SEED:-1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/kroniek-bench}
RESULTS=$BENCH_DIR/results-$N
PEERS=${PEERS:-/tmp/kroniek-peers}
PGBIN=/usr/lib/postgresql/15/bin
PGPORT=54329
PGSOCK=$PEERS/pg/sock
PGDATA=$PEERS/pg/data
PYTHON=$PEERS/venv/bin/python
KRONIEK=$ROOT/target/release/kroniek

say() { printf '\n== %s\n' "$*" >&2; }

mkdir -p "$BENCH_DIR" "$RESULTS"

if [ "${SKIP_BUILD:-0}" = 1 ] && [ -x "$KRONIEK" ]; then
    say "using $KRONIEK as built (SKIP_BUILD=1)"
else
    say "building kroniek (release)"
    (cd "$ROOT" && cargo build --release -p kroniek)
fi
# A private copy, so that a rebuild in the shared target dir during the run changes nothing.
cp -p "$KRONIEK" "$BENCH_DIR/kroniek"
KRONIEK=$BENCH_DIR/kroniek
{ echo "commit $(git -C "$ROOT" rev-parse --short HEAD) (uncommitted changes: $(git -C "$ROOT" status --porcelain --untracked-files=no | wc -l) files)"
  echo "binary built $(date -u -r "$KRONIEK" '+%Y-%m-%d %H:%M UTC')"; echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB"
} >"$RESULTS/build.txt"

# Writes a synthetic corpus of $1 articles once; a finished one is marked by a file beside it.
generate_corpus() {
    local count=$1 dir=$BENCH_DIR/corpus-$1
    if [ -f "$dir.done" ]; then
        say "corpus of $count articles cached in $dir"
    else
        say "generating $count articles into $dir"
        rm -rf "$dir"
        "$KRONIEK" generate --articles "$count" --seed "$SEED" --out "$dir"
        touch "$dir.done"
    fi
}

# Samples the child of /usr/bin/time (pid $1) twice a second until it ends; prints the peaks of
# anonymous memory (heap: what the program itself holds) and file-backed resident pages (mapped
# index and database files, which the kernel can drop), which /usr/bin/time adds up as one RSS.
sample_rss() {
    local timer=$1 child="" anon=0 file=0 a f
    for _ in $(seq 1 50); do
        child=$(pgrep -P "$timer" | head -1) && [ -n "$child" ] && break
        sleep 0.1
    done
    while [ -n "$child" ] && [ -r "/proc/$child/status" ]; do
        a=$(awk '/^RssAnon:/ {print $2}' "/proc/$child/status" 2>/dev/null || true)
        f=$(awk '/^RssFile:/ {print $2}' "/proc/$child/status" 2>/dev/null || true)
        [ -n "$a" ] && [ "$a" -gt "$anon" ] && anon=$a
        [ -n "$f" ] && [ "$f" -gt "$file" ] && file=$f
        sleep 0.5
    done
    wait "$timer"
    echo "peak_rss_anon_kb=$anon"
    echo "peak_rss_file_kb=$file"
}

# Ingests corpus-$2 into a fresh store under /usr/bin/time -v; $1 is the label, the rest are flags.
time_ingest() {
    local label=$1 count=$2
    shift 2
    local store=$BENCH_DIR/store-$label
    rm -rf "$store"
    say "kroniek ingest $* ($count articles) -> $store"
    echo "$label: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS/load.txt"
    /usr/bin/time -v -o "$RESULTS/time-$label.txt" \
        "$KRONIEK" --quiet ingest "$BENCH_DIR/corpus-$count" --corpus "$store" --json "$@" >"$RESULTS/ingest-$label.json" &
    sample_rss $! >"$RESULTS/rss-$label.txt"
    grep -E "Elapsed|Maximum resident" "$RESULTS/time-$label.txt" >&2
    echo "$label: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS/load.txt"
}

rm -f "$RESULTS/load.txt"
generate_corpus "$N"
generate_corpus "$HALF"

time_ingest "all-$N" "$N"
time_ingest "noann-$N" "$N" --no-annotate
time_ingest "all-$HALF" "$HALF"
time_ingest "noann-$HALF" "$HALF" --no-annotate

say "kroniek bench search ($RUNS runs per query)"
cut -f1,2 "$ROOT/scripts/bench-queries.tsv" | grep -v '^#' >"$RESULTS/kroniek-queries.tsv"
"$KRONIEK" bench search --corpus "$BENCH_DIR/store-all-$N" --queries "$RESULTS/kroniek-queries.tsv" --runs "$RUNS" --json \
    >"$RESULTS/kroniek-search.json"
"$KRONIEK" bench search --corpus "$BENCH_DIR/store-all-$N" --queries "$RESULTS/kroniek-queries.tsv" --runs "$RUNS" >&2

say "PostgreSQL 15"
if [ ! -x "$PGBIN/pg_ctl" ] || [ ! -f "$PGDATA/PG_VERSION" ] || [ ! -x "$PYTHON" ]; then
    say "peers missing: running /work/shared/tools/install-peers.sh"
    bash "$ROOT/../shared/tools/install-peers.sh"
fi
"$PYTHON" -c 'import psycopg' 2>/dev/null || "$PEERS/venv/bin/pip" install -q 'psycopg[binary]'

# Bulk-load settings a careful administrator would use: more memory for the GIN build, minimal WAL
# (table created and filled in one transaction), no checkpoints in the middle of the load.
PGOPTS="-c listen_addresses='' -c port=$PGPORT -c unix_socket_directories='$PGSOCK' \
-c shared_buffers=1GB -c maintenance_work_mem=1GB -c work_mem=64MB -c wal_level=minimal -c max_wal_senders=0 \
-c max_wal_size=8GB -c checkpoint_timeout=30min"
STARTED_PG=0
stop_pg() {
    if [ "$STARTED_PG" = 1 ]; then
        su postgres -c "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1 || true
        STARTED_PG=0
    fi
}
trap stop_pg EXIT INT TERM
if su postgres -c "$PGBIN/pg_ctl -D $PGDATA status" >/dev/null 2>&1; then
    say "a PostgreSQL server already runs on $PGDATA: using it as it is (settings may differ) and leaving it running"
else
    su postgres -c "$PGBIN/pg_ctl -D $PGDATA -l $PEERS/pg/log -w -o \"$PGOPTS\" start" >/dev/null
    STARTED_PG=1
fi
"$PYTHON" "$ROOT/scripts/pg_bench.py" --jsonl "$BENCH_DIR/corpus-$N" --tsv-cache "$BENCH_DIR/pg-$N.tsv" \
    --queries "$ROOT/scripts/bench-queries.tsv" --runs "$RUNS" --out "$RESULTS/pg.json" --host "$PGSOCK" --port "$PGPORT"
su postgres -c "$PGBIN/psql -h $PGSOCK -p $PGPORT -d postgres -qc 'DROP DATABASE IF EXISTS kroniek_bench'" || true
stop_pg

say "results (also in $RESULTS/summary.md)"
python3 "$ROOT/scripts/bench_report.py" "$RESULTS" "$N"
