from typing import Dict


def main() -> Dict[str, int]:
    d: Dict[str, int] = {"one": 1, "two": 2}
    d["three"] = 3
    d["one"] = 11
    print(d, len(d), d["two"])
    print("one" in d, "four" in d, "four" not in d)
    print(list(d.keys()), list(d.values()), list(d.items()))
    for k in d:
        print(k, d[k])
    return d
