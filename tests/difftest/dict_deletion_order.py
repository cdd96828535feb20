from typing import Dict


def main() -> Dict[int, str]:
    d: Dict[int, str] = {i: str(i) * 2 for i in range(8)}
    for k in [3, 0, 7]:
        del d[k]
    print(d)
    d[3] = "back"
    d[0] = "front?"
    print(d)
    print(d.popitem(), d.popitem())
    print(d)
    d.update({1: "one", 100: "hundred"})
    print(d)
    return d
