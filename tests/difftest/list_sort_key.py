from typing import List, Tuple


def main() -> List[str]:
    words: List[str] = ["banana", "Apple", "cherry", "date", "Elder", "fig", "apple"]
    words.sort()
    print(words)
    words.sort(key=len)
    print(words)
    words.sort(key=lambda w: w.lower())
    print(words)
    words.sort(key=lambda w: (len(w), w), reverse=True)
    print(words)
    pairs: List[Tuple[str, int]] = [("b", 2), ("a", 2), ("c", 1), ("d", 3)]
    pairs.sort(key=lambda p: p[1])
    print(pairs)
    print(sorted(pairs, key=lambda p: (-p[1], p[0])))
    return words
