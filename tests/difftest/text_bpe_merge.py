from typing import Dict, List, Tuple


def most_common_pair(words: List[List[str]]) -> Tuple[str, str]:
    counts: Dict[Tuple[str, str], int] = {}
    for w in words:
        for a, b in zip(w, w[1:]):
            counts[(a, b)] = counts.get((a, b), 0) + 1
    best = ("", "")
    best_n = 0
    for pair, n in counts.items():
        if n > best_n:
            best, best_n = pair, n
    return best


def merge(words: List[List[str]], pair: Tuple[str, str]) -> List[List[str]]:
    out: List[List[str]] = []
    for w in words:
        nw: List[str] = []
        i = 0
        while i < len(w):
            if i + 1 < len(w) and (w[i], w[i + 1]) == pair:
                nw.append(w[i] + w[i + 1])
                i += 2
            else:
                nw.append(w[i])
                i += 1
        out.append(nw)
    return out


def main() -> List[List[str]]:
    words = [list(w) for w in ["lower", "lowest", "newer", "wider", "low"]]
    for _ in range(4):
        p = most_common_pair(words)
        words = merge(words, p)
        print(p, words)
    return words
