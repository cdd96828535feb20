"""Benchmark kernels for matx: compiled by matx_script! and run unchanged under CPython
(and under MATXScript 1.8.1 where it compiles them). Typical preprocessing work: string
normalisation, tokenising by code point, n-gram features, padding, WordPiece, a walk over
JSON-like values, sorting with a key, a histogram, a sliding window and small DPs."""
from typing import Any, Dict, List, Tuple


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def edit_distance(a: str, b: str) -> int:
    n = len(a)
    m = len(b)
    prev = list(range(m + 1))
    cur = [0] * (m + 1)
    for i in range(1, n + 1):
        cur[0] = i
        ca = a[i - 1]
        for j in range(1, m + 1):
            cost = 0 if ca == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev, cur = cur, prev
    return prev[m]


class Text2Ids:
    vocab: Dict[str, int]
    unk: int

    def __init__(self, words: List[str]) -> None:
        self.vocab = {}
        for i, w in enumerate(words):
            self.vocab[w] = i
        self.unk = len(words)

    def __call__(self, words: List[str]) -> List[int]:
        return [self.vocab.get(w, self.unk) for w in words]


def normalize(texts: List[str]) -> List[str]:
    out: List[str] = []
    for t in texts:
        s = t.lower().strip().replace("\t", " ")
        out.append(" ".join(s.split()))
    return out


def basic_tokenize(text: str) -> List[str]:
    tokens: List[str] = []
    start = 0
    n = len(text)
    for i in range(n):
        c = text[i]
        if c == " " or c == "\t" or c == "\n":
            if start < i:
                tokens.append(text[start:i])
            start = i + 1
        elif c in ",.;:!?":
            if start < i:
                tokens.append(text[start:i])
            tokens.append(c)
            start = i + 1
    if start < n:
        tokens.append(text[start:n])
    return tokens


def char_ngrams(words: List[str], n: int) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for w in words:
        s = "<" + w + ">"
        for i in range(len(s) - n + 1):
            g = s[i:i + n]
            counts[g] = counts.get(g, 0) + 1
    return counts


def pad_truncate(batch: List[List[int]], max_len: int, pad: int) -> Tuple[List[List[int]], List[List[int]]]:
    ids: List[List[int]] = []
    masks: List[List[int]] = []
    for seq in batch:
        row = seq[:max_len]
        n = len(row)
        ids.append(row + [pad] * (max_len - n))
        masks.append([1] * n + [0] * (max_len - n))
    return ids, masks


def wordpiece(words: List[str], vocab: Dict[str, int], unk: int) -> List[int]:
    ids: List[int] = []
    for word in words:
        n = len(word)
        start = 0
        pieces: List[int] = []
        bad = False
        while start < n:
            end = n
            cur = -1
            while start < end:
                sub = word[start:end]
                if start > 0:
                    sub = "##" + sub
                v = vocab.get(sub, -1)
                if v >= 0:
                    cur = v
                    break
                end -= 1
            if cur < 0:
                bad = True
                break
            pieces.append(cur)
            start = end
        if bad:
            ids.append(unk)
        else:
            ids.extend(pieces)
    return ids


def json_walk(v: Any) -> int:
    if v is None:
        return 1
    if isinstance(v, bool):
        return 2 if v else 3
    if isinstance(v, int):
        return v % 1000
    if isinstance(v, float):
        return int(v * 100.0)
    if isinstance(v, str):
        return len(v)
    if isinstance(v, list):
        total = 0
        for x in v:
            total += json_walk(x)
        return total
    if isinstance(v, dict):
        total = 0
        for k in v:
            total += len(k) + json_walk(v[k])
        return total
    return 0


def sort_key(words: List[str]) -> List[str]:
    return sorted(words, key=lambda w: (-len(w), w))


def histogram(xs: List[float], lo: float, hi: float, bins: int) -> List[int]:
    counts = [0] * bins
    width = (hi - lo) / bins
    for x in xs:
        if x < lo or x >= hi:
            continue
        b = int((x - lo) / width)
        if b >= bins:
            b = bins - 1
        counts[b] += 1
    return counts


def moving_average(xs: List[float], k: int) -> List[float]:
    out: List[float] = []
    s = 0.0
    for i in range(len(xs)):
        s += xs[i]
        if i >= k:
            s -= xs[i - k]
        if i >= k - 1:
            out.append(s / k)
    return out
