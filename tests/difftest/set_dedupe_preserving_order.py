from typing import List, Set


def dedupe(items: List[str]) -> List[str]:
    seen: Set[str] = set()
    out: List[str] = []
    for it in items:
        if it not in seen:
            seen.add(it)
            out.append(it)
    return out


def main() -> List[str]:
    items: List[str] = ["b", "a", "b", "c", "a", "é", "e", "é"]
    out = dedupe(items)
    print(out, len(set(items)))
    print(sorted(set("mississippi")))
    return out
