from typing import Dict, List


class Registry:
    entries: Dict[str, List[int]]

    def __init__(self) -> None:
        self.entries = {}

    def add(self, name: str, v: int) -> "Registry":
        self.entries.setdefault(name, []).append(v)
        return self

    def __getitem__(self, name: str) -> List[int]:
        return self.entries[name]

    def __contains__(self, name: str) -> bool:
        return name in self.entries

    def __len__(self) -> int:
        return sum(len(v) for v in self.entries.values())


def main() -> List[int]:
    r = Registry()
    r.add("a", 1).add("b", 2).add("a", 3)
    print(r["a"], "b" in r, "c" in r, len(r))
    r["a"].append(99)
    print(r.entries)
    return r["a"]
