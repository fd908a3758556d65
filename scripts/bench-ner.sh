#!/usr/bin/env bash
# Speed of kroniek's entity tagger (features + Viterbi, both stages) on one core, side by side
# with Frog's NER (`frog --skip=mpcla --threads=1`: tokenizer, tagger and NER only) on the same
# tokens: every sentence of CoNLL-2002 ned.testb (68,787 tokens), one sentence per line for Frog.
# Prints tokens/s and peak memory (/usr/bin/time -v) of each. Frog's start-up (loading its
# models, ~10 s) is measured on a one-line file and subtracted.
#
# Needs: frog from ../shared/tools/install-peers.sh, /usr/bin/time, taskset.
# Usage: scripts/bench-ner.sh   (DATA=../shared/data; FROG_TOKENS=N limits Frog to N tokens)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
CONLL="$DATA/conll2002/ned.testb"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for tool in frog /usr/bin/time taskset; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run bash ../shared/tools/install-peers.sh" >&2; exit 2; }
done
[ -f "$CONLL" ] || { echo "missing $CONLL: ../shared/data must be present" >&2; exit 2; }

cargo build --release -q -p kroniek
KRONIEK=target/release/kroniek
ONE_CORE="taskset -c 0"
peak_mib() { awk -F: '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$1"; }
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"; }

# kroniek: 5 in-process passes over the file (reading it not counted), model load included in
# the peak memory.
/usr/bin/time -v -o "$WORK/kroniek.time" $ONE_CORE "$KRONIEK" bench ner --conll "$CONLL" --repeat 5 --json > "$WORK/kroniek.json"
K_RATE=$(sed 's/.*"tokens_per_second":\([0-9.e+]*\).*/\1/' "$WORK/kroniek.json")
K_LOAD=$(sed 's/.*"model_load_ms":\([0-9.e+]*\).*/\1/' "$WORK/kroniek.json")

# Frog: the tokens of the same file, one sentence per line.
awk 'NF == 0 { if (line != "") print line; line = ""; next } /^-DOCSTART-/ { next } { line = (line == "" ? $1 : line " " $1) } END { if (line != "") print line }' "$CONLL" > "$WORK/sentences.txt"
if [ -n "${FROG_TOKENS:-}" ]; then
  awk -v max="$FROG_TOKENS" '{ n += NF; print; if (n >= max) exit }' "$WORK/sentences.txt" > "$WORK/s.txt" && mv "$WORK/s.txt" "$WORK/sentences.txt"
fi
F_TOKENS=$(wc -w < "$WORK/sentences.txt")
echo "Een korte zin ." > "$WORK/tiny.txt"
/usr/bin/time -v -o "$WORK/frog-tiny.time" $ONE_CORE frog --skip=mpcla --threads=1 -n -t "$WORK/tiny.txt" -o "$WORK/tiny.out" >/dev/null 2>&1
/usr/bin/time -v -o "$WORK/frog.time" $ONE_CORE frog --skip=mpcla --threads=1 -n -t "$WORK/sentences.txt" -o "$WORK/frog.out" >/dev/null 2>&1
F_SECONDS=$(awk -v a="$(wall_s "$WORK/frog.time")" -v b="$(wall_s "$WORK/frog-tiny.time")" 'BEGIN {print a - b}')

echo
printf "%-34s %12s %14s %10s\n" "tagger (one core)" "tokens" "tokens/s" "peak MiB"
printf "%-34s %12s %14.0f %10s\n" "kroniek ner (2 stages)" "$(sed 's/.*"tokens":\([0-9]*\).*/\1/' "$WORK/kroniek.json")" "$K_RATE" "$(peak_mib "$WORK/kroniek.time")"
printf "%-34s %12s %14.0f %10s\n" "frog --skip=mpcla --threads=1" "$F_TOKENS" "$(awk -v t="$F_TOKENS" -v s="$F_SECONDS" 'BEGIN {print t / s}')" "$(peak_mib "$WORK/frog.time")"
echo
echo "kroniek model load: ${K_LOAD} ms; frog start-up: $(wall_s "$WORK/frog-tiny.time") s (subtracted)"
awk -v k="$K_RATE" -v t="$F_TOKENS" -v s="$F_SECONDS" 'BEGIN {printf "kroniek is %.0f× faster per core\n", k / (t / s)}'
