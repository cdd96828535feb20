from typing import List


def main() -> List[str]:
    words = []
    lengths = {}
    for w in "the quick brown fox".split():
        words.append(w.upper())
        lengths[w] = len(w)
    buckets = {}
    for w, n in lengths.items():
        buckets.setdefault(n, []).append(w)
    print(words, lengths, buckets)
    result = []
    result.extend(sorted(words))
    return result
