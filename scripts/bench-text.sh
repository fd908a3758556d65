#!/usr/bin/env bash
# Speed of kroniek's text layer (tokenize + split + residue) on one core, side by side with
# ucto (-L nld) and spaCy's blank('nl') tokenizer + sentencizer, on the same non-repeating
# Dutch text (every UD Dutch sentence plus the CoNLL-2002 Dutch articles joined back into
# running text, about 2 MB). Prints tokens/s and peak memory (/usr/bin/time -v) of each, then
# sentence boundary F1 of kroniek and spaCy on the UD Dutch files.
#
# Needs: the peers from ../shared/tools/install-peers.sh (ucto, the spaCy venv), /usr/bin/time,
# taskset. Usage: scripts/bench-text.sh   (DATA=../shared/data PEERS=/tmp/kroniek-peers)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
PEERS=${PEERS:-/tmp/kroniek-peers}
PYTHON="$PEERS/venv/bin/python"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for tool in ucto /usr/bin/time taskset "$PYTHON"; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run bash ../shared/tools/install-peers.sh" >&2; exit 2; }
done

cargo build --release -q -p kroniek
KRONIEK=target/release/kroniek
CORPUS="$WORK/corpus.txt"
"$KRONIEK" bench text --write-corpus "$CORPUS" --data "$DATA"
ONE_CORE="taskset -c 0"

peak_mib() { awk -F: '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$1"; }
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"; }

# kroniek: fastest of 5 in-process runs of analyze() (reading the file not counted)
/usr/bin/time -v -o "$WORK/kroniek.time" $ONE_CORE "$KRONIEK" bench text "$CORPUS" --repeat 5 --json > "$WORK/kroniek.json"
K_TOKENS=$(grep '"tokens"' "$WORK/kroniek.json" | sed 's/.*"tokens":\([0-9]*\).*/\1/')
K_SECONDS=$(grep '"tokenize+split+residue"' "$WORK/kroniek.json" | sed 's/.*"seconds":\([0-9.e-]*\).*/\1/')

# ucto: the whole run (its start-up, measured on a one-line file, is subtracted)
echo "Een korte zin." > "$WORK/tiny.txt"
/usr/bin/time -v -o "$WORK/ucto-tiny.time" $ONE_CORE ucto -L nld "$WORK/tiny.txt" "$WORK/tiny.out" 2>/dev/null
/usr/bin/time -v -o "$WORK/ucto.time" $ONE_CORE ucto -L nld "$CORPUS" "$WORK/ucto.out" 2>/dev/null
U_TOKENS=$(tr -s ' \n' '\n\n' < "$WORK/ucto.out" | grep -cv -e '^<utt>$' -e '^$')
U_SECONDS=$(awk -v a="$(wall_s "$WORK/ucto.time")" -v b="$(wall_s "$WORK/ucto-tiny.time")" 'BEGIN {print a - b}')

# spaCy: blank Dutch tokenizer + sentencizer over the paragraphs, timed inside Python
cat > "$WORK/spacy_bench.py" <<'EOF'
import sys, time, spacy
text = open(sys.argv[1], encoding="utf-8").read()
paragraphs = [p for p in text.split("\n\n") if p.strip()]
nlp = spacy.blank("nl")
nlp.add_pipe("sentencizer")
nlp.max_length = 10**8
start = time.perf_counter()
tokens = sentences = 0
for doc in nlp.pipe(paragraphs, batch_size=64):
    tokens += sum(1 for t in doc if not t.is_space)
    sentences += sum(1 for _ in doc.sents)
print(tokens, time.perf_counter() - start)
EOF
/usr/bin/time -v -o "$WORK/spacy.time" $ONE_CORE "$PYTHON" "$WORK/spacy_bench.py" "$CORPUS" > "$WORK/spacy.out"
read -r S_TOKENS S_SECONDS < "$WORK/spacy.out"

echo
echo "text: $(wc -c < "$CORPUS") bytes of Dutch (UD Dutch + CoNLL-2002 Dutch), one core (taskset -c 0)"
printf '%-36s %10s %10s %14s %14s\n' tool tokens seconds tokens/s "peak RSS MiB"
row() { awk -v n="$1" -v t="$2" -v s="$3" -v m="$4" 'BEGIN {printf "%-36s %10d %10.3f %14.0f %14s\n", n, t, s, t / s, m}'; }
row "kroniek tokenize+split+residue" "$K_TOKENS" "$K_SECONDS" "$(peak_mib "$WORK/kroniek.time")"
row "ucto -L nld" "$U_TOKENS" "$U_SECONDS" "$(peak_mib "$WORK/ucto.time")"
row "spaCy blank('nl') + sentencizer" "$S_TOKENS" "$S_SECONDS" "$(peak_mib "$WORK/spacy.time")"
echo
echo "kroniek per layer:"
cat "$WORK/kroniek.json"

# For the record: sentence boundary F1 of kroniek and of spaCy's sentencizer on the UD Dutch
# files, joined as `kroniek eval sentences` joins them (a document's sentences separated by a
# space, documents by a blank line; boundaries at document starts are not counted).
echo
echo "sentence boundaries on UD Dutch (a document's sentences joined by a space):"
cat > "$WORK/spacy_sentences.py" <<'EOF'
import sys, spacy
nlp = spacy.blank("nl")
nlp.add_pipe("sentencizer")
nlp.max_length = 10**8
for path in sys.argv[1:]:
    sentences, sent_id = [], ""
    for line in open(path, encoding="utf-8"):
        if line.startswith("# sent_id"):
            sent_id = line.split("= ", 1)[1].strip()
        elif line.startswith("# text"):
            doc = sent_id.split("\\")[0] if "\\" in sent_id else sent_id.split(".p.")[0]
            sentences.append((doc, line.split("= ", 1)[1].strip()))
    text, gold, doc_starts, previous = "", set(), set(), None
    for doc, sentence in sentences:
        text += "" if previous is None else ("\n\n" if doc != previous else " ")
        (doc_starts if doc != previous else gold).add(len(text))
        text += sentence
        previous = doc
    predicted, start = set(), 0
    for block in text.split("\n\n"):
        for sent in nlp(block).sents:
            predicted.add(start + sent.start_char)
        start += len(block) + 2
    predicted -= doc_starts
    correct = len(gold & predicted)
    p, r = correct / len(predicted), correct / len(gold)
    print(f"{path.rsplit('/', 1)[-1]:<34} spaCy sentencizer   P {p:.4f}  R {r:.4f}  F1 {2 * p * r / (p + r):.4f}")
EOF
UD_FILES=("$DATA"/ud/UD_Dutch-Alpino/*.conllu "$DATA"/ud/UD_Dutch-LassySmall/*.conllu)
"$KRONIEK" eval sentences "${UD_FILES[@]}" | grep -E "^file|boundaries"
"$PYTHON" "$WORK/spacy_sentences.py" "${UD_FILES[@]}"
