"""Inputs and result checksums of the kernel benchmarks, identical to benches/src/inputs.rs.

Every input comes from one 64-bit LCG (Knuth's MMIX constants, each draw the top 31 bits of
the state), so CPython, MATXScript and the Rust side (compiled and hand-written) all see the
same strings, numbers and nesting. ``checksums`` reduces each kernel's result to one line
that run.sh compares across systems.
"""

MASK = (1 << 64) - 1
STRING_SEED = 42
WORDS_SEED = 7
TEXT_SEED = 11
NUM_SEED = 13
STRING_LEN = 100
VOCAB_SIZE = 30_000
INPUT_WORDS = 1_000_000
FIB_N = 30
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 \u00e9\u00fc\u00df\u00e7\u00f1\u4e2d\u6587\u03b1"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
ACCENTED = "\u00e9\u00fc\u00df\u00e7\u00f1\u03b1"
PUNCT = ",.;:!?"
POOL_SIZE = 2_000
SENTENCES = 2_000
KERNEL_WORDS = 20_000
SEQS = 2_000
MAX_LEN = 128
FLOATS = 200_000
BINS = 50
WINDOW = 16
RECORDS = 1_000


class Lcg:
    """Knuth's MMIX LCG; each draw is the top 31 bits of the 64-bit state."""

    def __init__(self, seed):
        self.state = seed

    def next_u31(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK
        return self.state >> 33

    def below(self, n):
        return self.next_u31() % n

    def unit(self):
        """A float in [0, 1): the draw over 2**31 (exact in both languages)."""
        return self.next_u31() / 2147483648.0


def edit_strings():
    rng = Lcg(STRING_SEED)
    n = len(ALPHABET)
    a = [ALPHABET[rng.below(n)] for _ in range(STRING_LEN)]
    b = [ALPHABET[rng.below(n)] if rng.below(10) < 3 else c for c in a]
    return "".join(a), "".join(b)


def text2ids_words():
    rng = Lcg(WORDS_SEED)
    vocab = []
    for i in range(VOCAB_SIZE):
        length = 3 + rng.below(6)
        vocab.append("".join(chr(ord("a") + rng.below(26)) for _ in range(length)) + str(i))
    words = []
    for _ in range(INPUT_WORDS):
        if rng.below(10) == 0:
            words.append("zz" + str(rng.below(1_000_000)))
        else:
            words.append(vocab[rng.below(VOCAB_SIZE)])
    return vocab, words


def word_pool(rng):
    """POOL_SIZE words of 2-10 letters, one letter in 20 accented, one word in 5 capitalised."""
    pool = []
    for _ in range(POOL_SIZE):
        length = 2 + rng.below(9)
        cs = []
        for _ in range(length):
            if rng.below(20) == 0:
                cs.append(ACCENTED[rng.below(len(ACCENTED))])
            else:
                cs.append(LETTERS[rng.below(26)])
        if rng.below(5) == 0 and cs[0] in LETTERS:
            cs[0] = chr(ord(cs[0]) - 32)
        pool.append("".join(cs))
    return pool


def sentence(rng, pool):
    """5-24 pool words; separators mostly one space, sometimes a tab or two spaces;
    punctuation after one word in 8; leading/trailing blanks on one sentence in 4."""
    parts = []
    if rng.below(4) == 0:
        parts.append("  ")
    n = 5 + rng.below(20)
    for k in range(n):
        parts.append(pool[rng.below(POOL_SIZE)])
        if rng.below(8) == 0:
            parts.append(PUNCT[rng.below(len(PUNCT))])
        if k + 1 < n:
            r = rng.below(10)
            parts.append("\t" if r == 0 else "  " if r == 1 else " ")
    if rng.below(4) == 0:
        parts.append(" \t")
    return "".join(parts)


def text_inputs():
    """(pool, sentences, kernel words, wordpiece vocab) of TEXT_SEED."""
    rng = Lcg(TEXT_SEED)
    pool = word_pool(rng)
    sentences = [sentence(rng, pool) for _ in range(SENTENCES)]
    words = [pool[rng.below(POOL_SIZE)].lower() for _ in range(KERNEL_WORDS)]
    vocab = {}

    def add(piece):
        if piece not in vocab:
            vocab[piece] = len(vocab)

    add("[UNK]")
    for c in LETTERS + ACCENTED[:4]:
        add(c)
        add("##" + c)
    for i, w in enumerate(pool):
        w = w.lower()
        if i % 2 == 0:
            add(w)
        else:
            h = len(w) // 2
            add(w[:h])
            add("##" + w[h:])
    return pool, sentences, words, vocab


def num_inputs():
    """(floats, id sequences) of NUM_SEED: FLOATS floats in [-0.5, 10.5), SEQS sequences of 0-199 ids."""
    rng = Lcg(NUM_SEED)
    xs = [rng.unit() * 11.0 - 0.5 for _ in range(FLOATS)]
    seqs = [[rng.below(30_000) for _ in range(rng.below(200))] for _ in range(SEQS)]
    return xs, seqs


def records(sentences, pool):
    """RECORDS JSON-like documents (dicts, lists, str, int, float, bool, None)."""
    rng = Lcg(TEXT_SEED + 1)
    out = []
    for i in range(RECORDS):
        out.append({
            "id": i,
            "text": sentences[rng.below(SENTENCES)],
            "tags": [pool[rng.below(POOL_SIZE)] for _ in range(rng.below(5))],
            "meta": {"score": rng.unit(), "lang": "en" if rng.below(3) else "de", "flags": [rng.below(2) == 1, False]},
            "parent": None if rng.below(2) else rng.below(RECORDS),
        })
    return out


def checksum(v):
    """One deterministic summary of a kernel result: ints summed, strings by code points,
    floats rounded to 6 places, containers by length and content."""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return round(v * 1e6)
    if isinstance(v, str):
        return len(v) * 31 + sum(ord(c) for c in v)
    if isinstance(v, dict):
        return len(v) * 1000003 + sum(checksum(k) * 7 + checksum(x) for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return len(v) * 1000003 + sum(checksum(x) * (i % 7 + 1) for i, x in enumerate(v))
    if v is None:
        return 0
    raise TypeError(type(v))


def load_all(t2i=True):
    """Every input, as Python values (without Text2Ids' 1M words unless `t2i`)."""
    pool, sentences, words, vocab = text_inputs()
    xs, seqs = num_inputs()
    t2i_vocab, t2i_words = text2ids_words() if t2i else ([], [])
    return {
        "edit": edit_strings(),
        "t2i_vocab": t2i_vocab,
        "t2i_words": t2i_words,
        "sentences": sentences,
        "joined": "\n".join(sentences),
        "words": words,
        "wp_vocab": vocab,
        "xs": xs,
        "seqs": seqs,
        "records": records(sentences, pool),
    }


KERNELS = ["fib", "edit_distance", "text2ids", "normalize", "basic_tokenize", "char_ngrams",
           "pad_truncate", "wordpiece", "json_walk", "sort_key", "histogram", "moving_average"]


def calls(ns, d, t2i):
    """Each kernel as a call of `ns`'s function on the inputs `d` (as `compiler.rs` calls them);
    `t2i` is a constructed Text2Ids. A kernel `ns` lacks is left out."""
    table = {
        "fib": lambda f: lambda: f(FIB_N),
        "edit_distance": lambda f: lambda: f(d["edit"][0], d["edit"][1]),
        "normalize": lambda f: lambda: f(d["sentences"]),
        "basic_tokenize": lambda f: lambda: f(d["joined"]),
        "char_ngrams": lambda f: lambda: f(d["words"], 3),
        "pad_truncate": lambda f: lambda: f(d["seqs"], MAX_LEN, 0),
        "wordpiece": lambda f: lambda: f(d["words"], d["wp_vocab"], 0),
        "json_walk": lambda f: lambda: f(d["records"]),
        "sort_key": lambda f: lambda: f(d["words"]),
        "histogram": lambda f: lambda: f(d["xs"], 0.0, 10.0, BINS),
        "moving_average": lambda f: lambda: f(d["xs"], WINDOW),
    }
    out = []
    for name in KERNELS:
        if name == "text2ids":
            if t2i is not None:
                out.append((name, lambda: t2i(d["t2i_words"])))
        elif name in ns:
            out.append((name, table[name](ns[name])))
    return out
