from typing import Dict, List, Tuple


def two_sum(xs: List[int], target: int) -> Tuple[int, int]:
    seen: Dict[int, int] = {}
    for i, x in enumerate(xs):
        if target - x in seen:
            return (seen[target - x], i)
        seen[x] = i
    return (-1, -1)


def anagram_groups(words: List[str]) -> List[List[str]]:
    groups: Dict[str, List[str]] = {}
    for w in words:
        key = "".join(sorted(w.lower()))
        groups.setdefault(key, []).append(w)
    return [g for g in groups.values() if len(g) > 1]


def main() -> List[List[str]]:
    print(two_sum([2, 7, 11, 15], 9), two_sum([3, 2, 4], 6), two_sum([1, 2], 7))
    g = anagram_groups(["listen", "Silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"])
    print(g)
    return g
