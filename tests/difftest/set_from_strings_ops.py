from typing import List, Set


def main() -> List[str]:
    a = set("hello world")
    b = set("world peace")
    print(sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b), len(a | b))
    vowels: Set[str] = set("aeiou")
    words: List[str] = ["sky", "tree", "queue", "rhythm"]
    print([w for w in words if not (set(w) & vowels)])
    print([w for w in words if set(w) <= set("tre")])
    a |= {"!"}
    a -= {"l"}
    print(sorted(a))
    return sorted(a & b)
