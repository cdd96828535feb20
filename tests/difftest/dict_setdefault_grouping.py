from typing import Dict, List


def main() -> Dict[str, List[str]]:
    words: List[str] = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot", "ßtraße", "éclair", "elder"]
    groups: Dict[str, List[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    for k, v in groups.items():
        print(k, v)
    sizes = {k: len(v) for k, v in groups.items()}
    print(sizes)
    return groups
