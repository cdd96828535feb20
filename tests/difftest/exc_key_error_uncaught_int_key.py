from typing import Dict


def main() -> str:
    names: Dict[int, str] = {1: "one", 2: "two"}
    for k in [1, 2]:
        print(k, names[k])
    names.pop(1)
    print(names)
    return names[1]
