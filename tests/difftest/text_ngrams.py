from typing import Dict, List


def ngrams(tokens: List[str], n: int) -> List[str]:
    return [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def main() -> Dict[str, int]:
    toks = "the cat sat on the mat the cat ran".split()
    bigrams = ngrams(toks, 2)
    print(bigrams)
    counts: Dict[str, int] = {}
    for g in bigrams:
        counts[g] = counts.get(g, 0) + 1
    print({k: v for k, v in counts.items() if v > 1})
    print(ngrams(toks, 4)[:2], ngrams(toks[:2], 3))
    chars = ["".join(c) for c in zip("hello", "hello"[1:])]
    print(chars)
    return counts
