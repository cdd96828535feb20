from typing import Dict


def main() -> Dict[bytes, int]:
    counts: Dict[bytes, int] = {}
    for token in b"to be or not to be".split():
        counts[token] = counts.get(token, 0) + 1
    print(counts)
    print(counts[b"be"], b"or" in counts, b"xx" in counts)
    print(sorted(counts.keys()))
    return counts
