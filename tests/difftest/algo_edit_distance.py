from typing import List


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[len(b)]


def main() -> List[int]:
    pairs = [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("straße", "strasse"), ("😀ab", "ab😀"), ("same", "same")]
    out = [edit_distance(a, b) for a, b in pairs]
    for (a, b), d in zip(pairs, out):
        print(a, b, d)
    return out
